/*
 * products.c - product codes to zorgsoorten.
 *
 * The default maps the iJw productcategorieen (Zorginstituut Nederland,
 * iStandaarden iJw, "Productcodelijst Jeugdwet", codelijst
 * productcategorieen) to the default zorgsoorten of docs/scenario-format.md.
 * A product code such as 45A01 falls back to its first two characters, the
 * productcategorie.  docs/records.md has the table and how to override it
 * with a gemeente's own mapping file.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzsim/records.h"

struct jz_product_map {
    int n, cap;
    char (*code)[32];
    char (*zorgsoort)[JZ_KEY_MAX];
};

static const struct {
    const char *code, *zorgsoort;
} ijw_default[] = {
    /* productcategorieen since 2016 */
    {"40", "ambulant"},          /* Persoonlijke verzorging */
    {"41", "daghulp"},           /* Dagbehandeling */
    {"42", "-"},                 /* Vervoerdiensten: no care trajectory of its own */
    {"43", "residentieel"},      /* Jeugdhulp verblijf (incl. behandeling) */
    {"44", "residentieel"},      /* Jeugdhulp verblijf (excl. behandeling); pleegzorg and gezinshuis
                                  * codes under 44 need the gemeente's own mapping */
    {"45", "ambulant"},          /* Jeugdhulp ambulant */
    {"46", "crisis"},            /* Jeugdhulp crisis */
    {"47", "jeugdreclassering"}, /* Jeugdreclassering */
    {"48", "jeugdbescherming"},  /* Jeugdbescherming */
    {"49", "jeugdbescherming"},  /* Activiteiten in het preventief justitieel kader */
    {"50", "ambulant"},          /* Maatwerkarrangementen jeugdhulp */
    /* the 2015 categories, still in older administrations */
    {"31", "wijkteam"},          /* Zonder verblijf: uitgevoerd door wijk- of buurtteam */
    {"32", "ambulant"},          /* Zonder verblijf: ambulant op locatie van de aanbieder */
    {"33", "daghulp"},           /* Zonder verblijf: daghulp op locatie van de aanbieder */
    {"34", "ambulant"},          /* Zonder verblijf: jeugdhulp in het netwerk van de jeugdige */
    {"35", "pleegzorg"},         /* Met verblijf: pleegzorg */
    {"36", "gezinshuis"},        /* Met verblijf: gezinsgericht */
    {"37", "jeugdzorgplus"},     /* Met verblijf: gesloten plaatsing */
    {"38", "residentieel"},      /* Met verblijf: overig residentieel */
};

static int add(jz_product_map *m, const char *code, const char *z)
{
    for (int i = 0; i < m->n; i++)
        if (strcmp(m->code[i], code) == 0) { /* a later line (the file) wins */
            snprintf(m->zorgsoort[i], sizeof m->zorgsoort[i], "%s", z);
            return 0;
        }
    if (m->n == m->cap) {
        int nc = m->cap ? 2 * m->cap : 32;
        void *a = realloc(m->code, (size_t)nc * sizeof *m->code);
        if (!a)
            return -1;
        m->code = a;
        void *b = realloc(m->zorgsoort, (size_t)nc * sizeof *m->zorgsoort);
        if (!b)
            return -1;
        m->zorgsoort = b;
        m->cap = nc;
    }
    snprintf(m->code[m->n], sizeof m->code[m->n], "%s", code);
    snprintf(m->zorgsoort[m->n], sizeof m->zorgsoort[m->n], "%s", z);
    m->n++;
    return 0;
}

jz_product_map *jz_product_map_default(void)
{
    jz_product_map *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    for (size_t i = 0; i < sizeof ijw_default / sizeof ijw_default[0]; i++)
        if (add(m, ijw_default[i].code, ijw_default[i].zorgsoort)) {
            jz_product_map_free(m);
            return NULL;
        }
    return m;
}

void jz_product_map_free(jz_product_map *m)
{
    if (!m)
        return;
    free(m->code);
    free(m->zorgsoort);
    free(m);
}

int jz_product_map_size(const jz_product_map *m) { return m ? m->n : 0; }

void jz_product_map_entry(const jz_product_map *m, int i, const char **code, const char **z)
{
    *code = m->code[i];
    *z = m->zorgsoort[i];
}

const char *jz_product_map_find(const jz_product_map *m, const char *code)
{
    for (int i = 0; i < m->n; i++)
        if (strcmp(m->code[i], code) == 0)
            return m->zorgsoort[i];
    if (strlen(code) > 2 && isdigit((unsigned char)code[0]) && isdigit((unsigned char)code[1]))
        for (int i = 0; i < m->n; i++)
            if (strlen(m->code[i]) == 2 && strncmp(m->code[i], code, 2) == 0)
                return m->zorgsoort[i];
    return NULL;
}

static void trim(char *s)
{
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    size_t i = 0;
    while (isspace((unsigned char)s[i]))
        i++;
    memmove(s, s + i, n - i + 1);
    n = strlen(s);
    if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
        memmove(s, s + 1, n - 2);
        s[n - 2] = '\0';
    }
}

jz_product_map *jz_product_map_load(const char *path, int with_default, jz_error *err)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        jz_error_set(err, JZ_EIO, path, 0, 0, "cannot open the product mapping file");
        return NULL;
    }
    jz_product_map *m = with_default ? jz_product_map_default() : calloc(1, sizeof *m);
    char line[1024];
    int ln = 0, header = 0, n = 0;
    while (m && fgets(line, sizeof line, f)) {
        ln++;
        trim(line);
        if (!line[0] || line[0] == '#')
            continue;
        char *sep = strpbrk(line, ";,\t");
        if (!sep) {
            jz_error_set(err, JZ_EINPUT, path, ln, 1,
                         "expected two fields, code and zorgsoort, separated by ';' or ','");
            goto fail;
        }
        *sep = '\0';
        char *code = line, *z = sep + 1;
        char *extra = strpbrk(z, ";,\t");
        if (extra)
            *extra = '\0'; /* a third column (a description) is allowed */
        trim(code);
        trim(z);
        if (!header) {
            header = 1;
            if (strcmp(code, "code") == 0 || strcmp(code, "productcode") == 0 ||
                strcmp(code, "product") == 0)
                continue;
        }
        if (!code[0] || !z[0]) {
            jz_error_set(err, JZ_EINPUT, path, ln, code[0] ? 2 : 1, "empty %s",
                         code[0] ? "zorgsoort (write '-' for rows to leave out)" : "product code");
            goto fail;
        }
        if (add(m, code, z))
            break;
        n++;
    }
    fclose(f);
    if (!m) {
        jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    if (n == 0) {
        jz_error_set(err, JZ_EINPUT, path, ln, 0, "no mappings (lines 'code;zorgsoort') in the file");
        jz_product_map_free(m);
        return NULL;
    }
    return m;
fail:
    fclose(f);
    jz_product_map_free(m);
    return NULL;
}
