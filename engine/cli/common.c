/*
 * common.c - error printing, scenario loading and option helpers shared by
 * the subcommands.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

int cli_fail(const jz_error *err)
{
    char buf[JZ_ERR_FILE_MAX + JZ_ERR_MSG_MAX + 64];
    fprintf(stderr, "jzsim: %s\n", jz_error_format(err, buf, sizeof buf));
    return err->status == JZ_EINPUT ? EXIT_INPUT : EXIT_RUNTIME;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "jzsim %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'jzsim %s --help'.\n", cmd);
    return EXIT_INPUT;
}

void cli_warnings(const jz_scenario *s, int quiet)
{
    if (quiet)
        return;
    for (int i = 0; i < s->n_warnings; i++)
        fprintf(stderr, "jzsim: warning: %s\n", s->warnings[i]);
}

jz_scenario *cli_load(const char *path, int *exit_code)
{
    jz_error err;
    jz_scenario *s = jz_scenario_load(path, NULL, &err);
    if (!s)
        *exit_code = cli_fail(&err);
    return s;
}

int cli_is_help(const char *arg)
{
    return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

int cli_opt_value(const char *cmd, int argc, char **argv, int *i, const char *name,
                  const char **value)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) != 0)
        return 0;
    if (a[n] == '=') {
        *value = a + n + 1;
        return 1;
    }
    if (a[n] != '\0')
        return 0;
    if (*i + 1 >= argc) {
        cli_usage_error(cmd, "option %s needs a value", name);
        return -1;
    }
    *value = argv[++*i];
    return 1;
}

int cli_parse_lang(const char *cmd, const char *v, jz_lang *lang)
{
    if (strcmp(v, "nl") == 0)
        *lang = JZ_LANG_NL;
    else if (strcmp(v, "en") == 0)
        *lang = JZ_LANG_EN;
    else {
        cli_usage_error(cmd, "--lang must be nl or en, got '%s'", v);
        return -1;
    }
    return 0;
}
