/*
 * reader.c - reading a trajectory export (CSV) into jz_records.
 *
 * One pass over the file in memory: the header is matched like the history
 * reader's, with its functions (history/internal.h: names, numbers, quoted
 * cells in messages; docs/records.md lists the names), then every row is checked and turned into a
 * trajectory.  Client keys are linked to row-order numbers through a hash
 * table that points into the read buffer; when the read is done the buffer
 * is wiped and freed, so no key outlives this file.  No message quotes the
 * client-key column: a bad row is named by file:line:column.
 *
 * Then the trajectories are sorted by client and start, rows of the same
 * client and zorgsoort that overlap or touch are merged (two products of
 * one care episode), and an exact repeat (same client, product, start and
 * end) is an error.
 *
 * This file has the header (column roles and their names), the rows and
 * their dates, and the linking of gemeenten and zorgsoorten to a scenario;
 * reader.h says where the rest is.
 */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "history/internal.h" /* hist_normalise, hist_parse_number, jz_history_quote */
#include "records/internal.h"
#include "records/reader.h"

enum { C_CLIENT, C_GEMEENTE, C_ZORGSOORT, C_PRODUCT, C_START, C_END, C_COST, C_UNITS, C_TARIFF, C_ROLES };

static const char *const role_name[C_ROLES] = {"client",  "gemeente", "zorgsoort", "productcode", "startdatum",
                                               "einddatum", "kosten",  "eenheden",  "tarief"};

static const struct {
    int role;
    const char *name;
} aliases[] = {
    {C_CLIENT, "client"}, {C_CLIENT, "clientid"}, {C_CLIENT, "clientkey"}, {C_CLIENT, "clientnummer"},
    {C_CLIENT, "clientnr"}, {C_CLIENT, "sleutel"}, {C_CLIENT, "pseudoniem"}, {C_CLIENT, "pseudokey"},
    {C_CLIENT, "pseudosleutel"}, {C_CLIENT, "jeugdige"}, {C_CLIENT, "persoon"}, {C_CLIENT, "persoonsnummer"},
    {C_CLIENT, "bsn"}, {C_CLIENT, "key"}, {C_CLIENT, "clientsleutel"},
    {C_GEMEENTE, "gemeente"}, {C_GEMEENTE, "gemeentecode"}, {C_GEMEENTE, "regio"},
    {C_GEMEENTE, "municipality"}, {C_GEMEENTE, "gemeentenaam"},
    {C_ZORGSOORT, "zorgsoort"}, {C_ZORGSOORT, "caretype"}, {C_ZORGSOORT, "soortjeugdhulp"},
    {C_ZORGSOORT, "vormjeugdhulp"}, {C_ZORGSOORT, "soortzorg"},
    {C_PRODUCT, "productcode"}, {C_PRODUCT, "product"}, {C_PRODUCT, "productcategorie"},
    {C_PRODUCT, "categorie"}, {C_PRODUCT, "code"}, {C_PRODUCT, "productcat"},
    {C_START, "startdatum"}, {C_START, "begindatum"}, {C_START, "start"}, {C_START, "begin"},
    {C_START, "ingangsdatum"}, {C_START, "datumaanvang"}, {C_START, "aanvangsdatum"},
    {C_START, "startdate"}, {C_START, "datumstart"}, {C_START, "datumingang"},
    {C_END, "einddatum"}, {C_END, "eind"}, {C_END, "end"}, {C_END, "enddate"}, {C_END, "datumeinde"},
    {C_END, "beeindigingsdatum"}, {C_END, "datumeind"}, {C_END, "stopdatum"},
    {C_COST, "kosten"}, {C_COST, "cost"}, {C_COST, "costs"}, {C_COST, "bedrag"}, {C_COST, "uitgaven"},
    {C_COST, "gedeclareerd"},
    {C_UNITS, "eenheden"}, {C_UNITS, "units"}, {C_UNITS, "volume"}, {C_UNITS, "aantaleenheden"},
    {C_TARIFF, "tarief"}, {C_TARIFF, "tariff"}, {C_TARIFF, "prijs"}, {C_TARIFF, "price"},
};

static int role_of(const char *norm)
{
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcmp(aliases[i].name, norm) == 0)
            return aliases[i].role;
    return -1;
}

static int zorgsoort_of(jz_records *r, const jz_scenario *s, const char *v, int *z)
{
    char key[JZ_KEY_MAX];
    if (s) {
        int i = jz_scenario_zorgsoort_index(s, v);
        for (int k = 0; i < 0 && k < s->n_zorgsoorten; k++)
            if (strcmp(s->zorgsoorten[k].name, v) == 0)
                i = k;
        if (i < 0)
            return -1;
        snprintf(key, sizeof key, "%s", s->zorgsoorten[i].key);
    } else {
        snprintf(key, sizeof key, "%s", v);
    }
    for (int i = 0; i < r->n_zorgsoorten; i++)
        if (strcmp(r->zorgsoorten[i], key) == 0)
            return *z = i, 0;
    void *a = realloc(r->zorgsoorten, (size_t)(r->n_zorgsoorten + 1) * sizeof *r->zorgsoorten);
    if (!a)
        return -2;
    r->zorgsoorten = a;
    snprintf(r->zorgsoorten[r->n_zorgsoorten], JZ_KEY_MAX, "%s", key);
    *z = r->n_zorgsoorten++;
    return 0;
}

static int gemeente_of(jz_records *r, const jz_scenario *s, const char *v, int *g)
{
    const char *name = v;
    if (s) {
        int i = jz_scenario_gemeente_index(s, v);
        if (i < 0)
            return -1;
        name = s->gemeenten[i].code;
    }
    int i = jz_rec_name_index(&r->gemeenten, &r->n_gemeenten, name, 1);
    if (i < 0)
        return -2;
    *g = i;
    return 0;
}

/* The cache entry for item i of a name list (jz_rec_name_index appends new
 * names at the end): a new one starts as `unknown`.  -1: out of memory. */
static int cache_slot(int **cache, int *n_cache, int i, int unknown)
{
    if (i < *n_cache)
        return 0;
    int *b = realloc(*cache, sizeof *b * (size_t)(i + 1));
    if (!b)
        return -1;
    *cache = b;
    b[i] = unknown;
    *n_cache = i + 1;
    return 0;
}

/* Unmapped product codes: each once, with its count and first line. */
typedef struct unmapped {
    char code[32];
    int count, line, col;
} unmapped;

#define MAX_UNMAPPED 200

jz_records *jz_records_parse(char *text, size_t len, const char *name, const jz_records_options *o,
                             jz_error *err)
{
    jz_error_clear(err);
    jz_records *r = jz_rec_new(name, o);
    int ok = 0; /* the one exit below frees the working memory; r only when !ok */
    int lo = INT_MAX, hi = INT_MIN; /* the first start and last end seen */
    jz_product_map *defmap = NULL;
    const jz_product_map *map = o->products;
    key_table keys = {0, NULL, NULL};
    line_fields lf = {0, 0, NULL};
    dup_key *dk = NULL;
    char (*prods)[JZ_NAME_MAX] = NULL; /* product codes seen, and what each became: */
    int n_prods = 0, *prod_z = NULL;     /* zorgsoort index, -1 not yet known, -2 left out */
    char (*graw)[JZ_NAME_MAX] = NULL, (*zraw)[JZ_NAME_MAX] = NULL; /* cells as written, and their index */
    int n_graw = 0, n_zraw = 0, *graw_g = NULL, *zraw_z = NULL, nc_prod = 0, nc_g = 0, nc_z = 0;
    unmapped *um = NULL;
    int n_um = 0, um_rows = 0;
    size_t cap = 0;
    const jz_scenario *s = o->scenario;
    if (!r)
        goto oom;

    size_t pos = len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0 ? 3 : 0; /* a UTF-8 BOM */
    int line = 0, header_line = 0, used, bad;
    int col[C_ROLES];
    for (int i = 0; i < C_ROLES; i++)
        col[i] = -1;
    char sep = ';';
    /* the header: the first line that is not empty or a '#' comment */
    while (pos < len) {
        size_t e = pos;
        while (e < len && text[e] != '\n')
            e++;
        line++;
        int blank = 1;
        for (size_t i = pos; i < e; i++)
            if (!isspace((unsigned char)text[i]))
                blank = 0;
        if (blank || text[pos] == '#') {
            pos = e < len ? e + 1 : len;
            continue;
        }
        int ns = 0, nt = 0, nc = 0, q = 0;
        for (size_t i = pos; i < e; i++) {
            q ^= text[i] == '"';
            if (!q) {
                ns += text[i] == ';';
                nt += text[i] == '\t';
                nc += text[i] == ',';
            }
        }
        sep = ns >= nt && ns >= nc ? ';' : nt >= nc ? '\t' : ',';
        break;
    }
    header_line = line;
    int rc = jz_rec_split_line(text, len, &pos, sep, &lf, &used, &bad);
    if (rc == -2)
        goto oom;
    if (rc == -1 || header_line == 0 || lf.n < 2) {
        jz_error_set(err, JZ_EINPUT, r->path, header_line, 0,
                     "no header line found; the first line must name the columns (client;zorgsoort;"
                     "startdatum;einddatum, docs/records.md)");
        goto fail;
    }
    line += used - 1;
    const int n_cols = lf.n;
    char ignored[512] = "";
    for (int i = 0; i < n_cols; i++) {
        char norm[128];
        hist_normalise(lf.f[i], norm, sizeof norm, 1, NULL, 0);
        int role = role_of(norm);
        if (role < 0) {
            size_t L = strlen(ignored);
            if (L + strlen(norm) + 4 < sizeof ignored)
                snprintf(ignored + L, sizeof ignored - L, "%s'%s'", L ? ", " : "", norm);
            continue;
        }
        if (col[role] >= 0) {
            jz_error_set(err, JZ_EINPUT, r->path, header_line, i + 1,
                         "two columns mean %s (fields %d and %d); keep one", role_name[role], col[role] + 1, i + 1);
            goto fail;
        }
        col[role] = i;
    }
    if (ignored[0] && jz_rec_note(&r->warnings, &r->n_warnings, "columns not used: %s", ignored))
        goto oom;
    static const char *const hint[C_ROLES] = {
        "client, clientnummer, sleutel or pseudoniem: a pseudonymised key is enough",
        "gemeente or gemeentecode, or give --gemeente", "zorgsoort or productcode", "",
        "startdatum, begindatum or ingangsdatum", "", "", "", ""};
    int need[] = {C_CLIENT, C_START};
    for (int k = 0; k < 2; k++)
        if (col[need[k]] < 0) {
            jz_error_set(err, JZ_EINPUT, r->path, header_line, 0, "missing required column '%s' (%s)",
                         role_name[need[k]], hint[need[k]]);
            goto fail;
        }
    if (col[C_ZORGSOORT] < 0 && col[C_PRODUCT] < 0) {
        jz_error_set(err, JZ_EINPUT, r->path, header_line, 0,
                     "missing required column 'zorgsoort' or 'productcode' (a product code is mapped to a "
                     "zorgsoort, docs/records.md)");
        goto fail;
    }
    int fixed_g = -1;
    if (col[C_GEMEENTE] < 0) {
        const char *gm = o->gemeente ? o->gemeente : (s && s->n_gemeenten == 1 ? s->gemeenten[0].code : NULL);
        if (!gm) {
            jz_error_set(err, JZ_EINPUT, r->path, header_line, 0,
                         "missing column 'gemeente' (gemeentecode); give --gemeente CODE when the whole "
                         "file is one gemeente");
            goto fail;
        }
        int grc = gemeente_of(r, s, gm, &fixed_g);
        if (grc == -2)
            goto oom;
        if (grc < 0) {
            char near[JZ_NAME_MAX + 32];
            jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "gemeente '%s' is not in the scenario%s", gm,
                         jz_scenario_gemeente_hint(s, gm, near, sizeof near));
            goto fail;
        }
    }
    if (col[C_PRODUCT] >= 0 && col[C_ZORGSOORT] < 0 && !map) {
        if (!(defmap = jz_product_map_default()))
            goto oom;
        map = defmap;
    }
    const int comma = sep != ',';
    while (pos < len) {
        int row_line = line + 1;
        /* skip blank and comment lines */
        size_t e = pos;
        while (e < len && text[e] != '\n')
            e++;
        int blank = 1;
        for (size_t i = pos; i < e && blank; i++) /* stops at the first character of a data row */
            if (!isspace((unsigned char)text[i]))
                blank = 0;
        if (blank || text[pos] == '#') {
            line++;
            pos = e < len ? e + 1 : len;
            continue;
        }
        rc = jz_rec_split_line(text, len, &pos, sep, &lf, &used, &bad);
        if (rc == -2)
            goto oom;
        if (rc == -1) {
            jz_error_set(err, JZ_EINPUT, r->path, row_line, bad,
                         "a quoted field is not closed, or text follows its closing quote");
            goto fail;
        }
        line += used;
        if (lf.n != n_cols) {
            jz_error_set(err, JZ_EINPUT, r->path, row_line, 0, "this row has %d fields, the header has %d",
                         lf.n, n_cols);
            goto fail;
        }
        r->n_rows++;
        if ((size_t)r->n == cap) {
            size_t nc = cap ? cap * 2 : 4096;
            void *a = realloc(r->t, nc * sizeof *r->t);
            if (!a)
                goto oom;
            r->t = a;
            void *b = realloc(dk, nc * sizeof *dk);
            if (!b)
                goto oom;
            dk = b;
            cap = nc;
        }
        jz_trajectory t = {0, 0, 0, 0, JZ_DAY_UNSET, NAN, row_line};
        int prod = -1;
        /* client key: linked, never quoted */
        char *key = jz_rec_trim(lf.f[col[C_CLIENT]]);
        if (!*key) {
            jz_error_set(err, JZ_EINPUT, r->path, row_line, col[C_CLIENT] + 1, "the client key is empty");
            goto fail;
        }
        if ((t.client = jz_rec_key_id(&keys, key, &r->n_clients)) < 0)
            goto oom;
        /* dates */
        char q[JZ_QUOTE_BUF];
        char *sd = jz_rec_trim(lf.f[col[C_START]]);
        if (jz_day_parse(sd, &t.start)) {
            jz_error_set(err, JZ_EINPUT, r->path, row_line, col[C_START] + 1,
                         "start date '%s' is not a date (write 2024-03-01 or 01-03-2024)",
                         jz_history_quote(sd, q, sizeof q));
            goto fail;
        }
        if (col[C_END] >= 0) {
            char *ed = jz_rec_trim(lf.f[col[C_END]]);
            if (*ed && jz_day_parse(ed, &t.end)) {
                jz_error_set(err, JZ_EINPUT, r->path, row_line, col[C_END] + 1,
                             "end date '%s' is not a date (write 2024-03-01, or leave it empty while the "
                             "care runs)", jz_history_quote(ed, q, sizeof q));
                goto fail;
            }
        }
        static const int dcols[2] = {C_START, C_END};
        for (int k = 0; k < 2; k++) {
            int d = k ? t.end : t.start;
            if (d == JZ_DAY_UNSET)
                continue;
            if (d < jz_day_from_ymd(1950, 1, 1) || d > jz_day_from_ymd(2100, 12, 31)) {
                char b[16];
                jz_error_set(err, JZ_EINPUT, r->path, row_line, col[dcols[k]] + 1,
                             "%s date %s is outside 1950-2100: not a plausible date of care",
                             k ? "end" : "start", jz_day_format(d, b, sizeof b));
                goto fail;
            }
        }
        if (o->export_date != JZ_DAY_UNSET && t.start > o->export_date) {
            char b[16], c2[16];
            jz_error_set(err, JZ_EINPUT, r->path, row_line, col[C_START] + 1,
                         "start date %s is after the export date %s", jz_day_format(t.start, b, sizeof b),
                         jz_day_format(o->export_date, c2, sizeof c2));
            goto fail;
        }
        if (t.end != JZ_DAY_UNSET && t.end < t.start) {
            char b[16], c2[16];
            jz_error_set(err, JZ_EINPUT, r->path, row_line, col[C_END] + 1,
                         "end date %s is before the start date %s", jz_day_format(t.end, b, sizeof b),
                         jz_day_format(t.start, c2, sizeof c2));
            goto fail;
        }
        /* gemeente */
        if (fixed_g >= 0) {
            t.g = fixed_g;
        } else {
            char *gv = jz_rec_trim(lf.f[col[C_GEMEENTE]]);
            int gi = jz_rec_name_index(&graw, &n_graw, gv, 1), grc = 0;
            if (gi == -2 || cache_slot(&graw_g, &nc_g, gi, INT_MIN))
                goto oom;
            if (graw_g[gi] == INT_MIN) /* first seen: look it up once */
                graw_g[gi] = *gv && (grc = gemeente_of(r, s, gv, &t.g)) == 0 ? t.g : -1;
            if (grc == -2)
                goto oom;
            t.g = graw_g[gi];
            grc = t.g >= 0 ? 0 : -1;
            if (grc < 0) {
                char near[JZ_NAME_MAX + 32];
                jz_error_set(err, JZ_EINPUT, r->path, row_line, col[C_GEMEENTE] + 1,
                             *gv ? "gemeente '%s' is not in the scenario%s" : "the gemeente is empty%s",
                             jz_history_quote(gv, q, sizeof q),
                             *gv ? jz_scenario_gemeente_hint(s, gv, near, sizeof near) : "");
                goto fail;
            }
        }
        /* zorgsoort, directly or through the product code */
        const char *zv;
        int zcol, *zcache = NULL;
        if (col[C_ZORGSOORT] >= 0) {
            zcol = col[C_ZORGSOORT];
            zv = jz_rec_trim(lf.f[zcol]);
            int zi = jz_rec_name_index(&zraw, &n_zraw, zv, 1);
            if (zi == -2 || cache_slot(&zraw_z, &nc_z, zi, -1))
                goto oom;
            zcache = &zraw_z[zi];
        } else {
            zcol = col[C_PRODUCT];
            char *pc = jz_rec_trim(lf.f[zcol]);
            int pi = jz_rec_name_index(&prods, &n_prods, pc, 1);
            if (pi == -2 || cache_slot(&prod_z, &nc_prod, pi, -1))
                goto oom;
            prod = pi;
            zcache = &prod_z[pi];
            if (*zcache == -2) {
                r->n_left_out++;
                continue;
            }
            zv = *zcache >= 0 ? "" : jz_product_map_find(map, pc);
            if (!zv) {
                int k = 0;
                while (k < n_um && strcmp(um[k].code, pc) != 0)
                    k++;
                if (k == n_um && n_um < MAX_UNMAPPED) {
                    void *a = realloc(um, (size_t)(n_um + 1) * sizeof *um);
                    if (!a)
                        goto oom;
                    um = a;
                    snprintf(um[k].code, sizeof um[k].code, "%s", pc);
                    um[k].count = 0;
                    um[k].line = row_line;
                    um[k].col = zcol + 1;
                    n_um++;
                }
                if (k < n_um)
                    um[k].count++;
                um_rows++;
                continue;
            }
            if (strcmp(zv, "-") == 0) {
                *zcache = -2;
                r->n_left_out++;
                continue;
            }
        }
        if (*zcache >= 0) {
            t.z = *zcache;
        } else if (!*zv) {
            jz_error_set(err, JZ_EINPUT, r->path, row_line, zcol + 1, "the zorgsoort is empty");
            goto fail;
        } else {
            int zrc = zorgsoort_of(r, s, zv, &t.z);
            if (zrc == -2)
                goto oom;
            if (zrc < 0) {
                jz_error_set(err, JZ_EINPUT, r->path, row_line, zcol + 1,
                             "zorgsoort '%s'%s is not in the scenario",
                             jz_history_quote(zv, q, sizeof q), col[C_ZORGSOORT] < 0 ? " (from the product mapping)" : "");
                goto fail;
            }
            *zcache = t.z;
        }
        /* cost, or units x tariff */
        double cost = NAN, units = NAN, tariff = NAN;
        int mcols[3] = {C_COST, C_UNITS, C_TARIFF};
        double *mv[3] = {&cost, &units, &tariff};
        for (int k = 0; k < 3; k++) {
            if (col[mcols[k]] < 0)
                continue;
            char *c = jz_rec_trim(lf.f[col[mcols[k]]]);
            const char *why = NULL;
            int st = hist_parse_number(c, comma, mv[k], &why); /* the history reader's numbers */
            if (st == NUM_BAD || (st == NUM_OK && *mv[k] < 0)) {
                jz_error_set(err, JZ_EINPUT, r->path, row_line, col[mcols[k]] + 1,
                             "%s: '%s' is not an amount >= 0%s%s", role_name[mcols[k]],
                             jz_history_quote(c, q, sizeof q), why ? "; " : "", why ? why : "");
                goto fail;
            }
            if (st == NUM_MISSING)
                *mv[k] = NAN;
        }
        if (isnan(cost) && !isnan(units) && !isnan(tariff))
            cost = units * tariff;
        t.cost = cost;
        r->has_cost |= !isnan(cost);
        lo = t.start < lo ? t.start : lo;
        hi = t.start > hi ? t.start : hi;
        if (t.end != JZ_DAY_UNSET)
            hi = t.end > hi ? t.end : hi;
        dk[r->n] = (dup_key){t.client, prod, t.z, t.start, t.end, row_line};
        r->t[r->n++] = t;
    }
    if (n_um) {
        char list[1100] = "";
        size_t L = 0;
        for (int k = 0; k < n_um && L + 80 < sizeof list; k++) {
            char q[JZ_QUOTE_BUF];
            L += (size_t)snprintf(list + L, sizeof list - L, "%s'%s' (%d row%s, first on line %d)",
                                  k ? ", " : "", jz_history_quote(um[k].code, q, sizeof q), um[k].count,
                                  um[k].count == 1 ? "" : "s", um[k].line);
        }
        jz_error_set(err, JZ_EINPUT, r->path, um[0].line, um[0].col,
                     "%d product code%s not in the mapping (%d rows): %s; map %s in a file given with "
                     "--products (code;zorgsoort, '-' to leave out)",
                     n_um, n_um == 1 ? " is" : "s are", um_rows, list, n_um == 1 ? "it" : "them");
        goto fail;
    }
    if (r->n == 0) {
        jz_error_set(err, JZ_EINPUT, r->path, header_line, 0, "no trajectories below the header");
        goto fail;
    }
    /* the same trajectory twice: same client, zorgsoort, product, start and end */
    qsort(dk, (size_t)r->n, sizeof *dk, jz_rec_cmp_dupkey);
    for (int i = 1; i < r->n; i++)
        if (dk[i].client == dk[i - 1].client && dk[i].z == dk[i - 1].z && dk[i].prod == dk[i - 1].prod &&
            dk[i].start == dk[i - 1].start && dk[i].end == dk[i - 1].end) {
            jz_error_set(err, JZ_EINPUT, r->path, dk[i].line, col[C_START] + 1,
                         "this row repeats the trajectory of line %d (same client, %s, start and end "
                         "date); remove the duplicate", dk[i - 1].line,
                         col[C_PRODUCT] >= 0 ? "product" : "zorgsoort");
            goto fail;
        }
    ok = 1;
    goto done;
oom:
    jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
fail:
done:
    free(dk);
    free(keys.key);
    free(keys.id);
    free(lf.f);
    free(prods);
    free(um);
    free(prod_z);
    free(graw);
    free(graw_g);
    free(zraw);
    free(zraw_z);
    jz_product_map_free(defmap);
    if (ok && jz_rec_finish(r, o, lo, hi, err))
        ok = 0;
    if (!ok) {
        jz_records_free(r);
        r = NULL;
    }
    return r;
}

jz_records *jz_records_load(const char *path, const jz_records_options *o, jz_error *err)
{
    jz_error_clear(err);
    FILE *f = fopen(path, "rb");
    if (!f) {
        jz_error_set(err, JZ_EIO, path, 0, 0, "cannot open the records file");
        return NULL;
    }
    if (fseek(f, 0, SEEK_END) != 0) {
        fclose(f);
        jz_error_set(err, JZ_EIO, path, 0, 0, "cannot read the records file");
        return NULL;
    }
    long size = ftell(f);
    rewind(f);
    if (size < 0 || (unsigned long)size > (1ul << 31)) {
        fclose(f);
        jz_error_set(err, JZ_EINPUT, path, 0, 0, "the records file is larger than 2 GiB");
        return NULL;
    }
    char *buf = malloc((size_t)size + 1);
    if (!buf) {
        fclose(f);
        jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    size_t n = fread(buf, 1, (size_t)size, f);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        jz_error_set(err, JZ_EIO, path, 0, 0, "cannot read the records file");
        return NULL;
    }
    buf[n] = '\0';
    jz_records *r = jz_records_parse(buf, n, path, o, err);
    /* the buffer holds the client keys: wipe it before it goes back */
    volatile char *v = buf;
    for (size_t i = 0; i < n; i++)
        v[i] = 0;
    free(buf);
    return r;
}
