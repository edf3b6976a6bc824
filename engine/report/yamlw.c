/*
 * yamlw.c - the YAML writing shared by the reporters that write a scenario
 * (see yamlw.h).
 */
#include "yamlw.h"

void jz_yamlw_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', out);
        if (*s == '\n') {
            fputs("\\n", out);
            continue;
        }
        fputc(*s, out);
    }
    fputc('"', out);
}

void jz_yamlw_extends(FILE *out, const char *extends_path, const char *name)
{
    fputs("extends: ", out);
    jz_yamlw_string(out, extends_path);
    fputs("\nmeta:\n  name: ", out);
    jz_yamlw_string(out, name);
}
