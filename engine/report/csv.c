/*
 * csv.c - results as long-format CSV, one figure per row.
 *
 * Columns: scenario, gemeente_code, gemeente, zorgsoort, year, metric, value.
 * zorgsoort is empty for figures of the whole gemeente.  Long format keeps
 * the columns fixed whatever the number of zorgsoorten and years, and is
 * what a pivot table in Excel wants.  With csv_nl the separator is ';' and
 * the decimal mark ',' so that Dutch Excel opens the file as numbers.
 */
#include <stdio.h>
#include <string.h>

#include "jzsim/report.h"

typedef struct csv {
    FILE *out;
    char sep;
    int nl;
} csv;

static void field(const csv *c, const char *s)
{
    int quote = strchr(s, c->sep) || strchr(s, '"') || strchr(s, '\n') || strchr(s, '\r');
    if (!quote) {
        fputs(s, c->out);
        return;
    }
    fputc('"', c->out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', c->out);
        fputc(*s, c->out);
    }
    fputc('"', c->out);
}

static void number(const csv *c, double v)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.15g", v);
    if (c->nl)
        for (char *p = buf; *p; p++)
            if (*p == '.')
                *p = ',';
    fputs(buf, c->out);
}

static void row(const csv *c, const char *scen, const char *code, const char *name,
                const char *zs, int year, const char *metric, double v)
{
    field(c, scen);
    fputc(c->sep, c->out);
    field(c, code);
    fputc(c->sep, c->out);
    field(c, name);
    fputc(c->sep, c->out);
    field(c, zs);
    fputc(c->sep, c->out);
    fprintf(c->out, "%d%c", year, c->sep);
    field(c, metric);
    fputc(c->sep, c->out);
    number(c, v);
    fputc('\n', c->out);
}

static void gemeente_rows(const csv *c, const jz_scenario *s, const jz_result *r, int g)
{
    int total = g == r->n_gemeenten;
    const char *code = total ? "TOTAL" : s->gemeenten[g].code;
    const char *name = total ? "Totaal" : s->gemeenten[g].name;
    for (const jz_metric *m = jz_metrics; m->key; m++) {
        const double *a = jz_metric_array(r, m);
        if (m->level == JZ_LEVEL_GEMEENTE) {
            for (int y = 0; y < r->horizon; y++)
                row(c, s->meta.name, code, name, "", r->base_year + y, m->key, a[jz_result_gy(r, g, y)]);
            continue;
        }
        for (int z = 0; z < r->n_zorgsoorten; z++)
            for (int y = 0; y < r->horizon; y++)
                row(c, s->meta.name, code, name, s->zorgsoorten[z].key, r->base_year + y, m->key,
                    a[jz_result_cz(r, g, z, y)]);
    }
    /* uitstroom by destination: metric uit_to:<zorgsoort> */
    char key[JZ_KEY_MAX + 8];
    for (int z = 0; z < r->n_zorgsoorten; z++)
        for (int w = 0; w < r->n_zorgsoorten; w++) {
            if (w == z)
                continue;
            snprintf(key, sizeof key, "uit_to:%s", s->zorgsoorten[w].key);
            int any = 0;
            for (int y = 0; y < r->horizon && !any; y++)
                any = r->uit_to[jz_result_to(r, g, z, y, w)] != 0.0;
            for (int y = 0; any && y < r->horizon; y++)
                row(c, s->meta.name, code, name, s->zorgsoorten[z].key, r->base_year + y, key,
                    r->uit_to[jz_result_to(r, g, z, y, w)]);
        }
}

static void csv_header(FILE *out, int nl)
{
    const char *cols[] = {"scenario", "gemeente_code", "gemeente", "zorgsoort", "year", "metric", "value"};
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
        fprintf(out, "%s%s", i ? (nl ? ";" : ",") : "", cols[i]);
    fputc('\n', out);
}

int jz_report_csv(FILE *out, const jz_scenario *s, const jz_result *r,
                  const jz_report_options *o, jz_error *err)
{
    csv c = {out, o->csv_nl ? ';' : ',', o->csv_nl};
    csv_header(out, o->csv_nl);
    if (o->all_gemeenten) {
        for (int g = 0; g < r->n_gemeenten; g++)
            gemeente_rows(&c, s, r, g);
        if (r->n_gemeenten > 1)
            gemeente_rows(&c, s, r, r->n_gemeenten);
    } else {
        int g = o->gemeente >= 0 ? o->gemeente : (r->n_gemeenten == 1 ? 0 : r->n_gemeenten);
        gemeente_rows(&c, s, r, g);
    }
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "cannot write the CSV output");
    return JZ_OK;
}
