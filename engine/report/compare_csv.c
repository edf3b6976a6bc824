/*
 * compare_csv.c - a comparison as long-format CSV, one figure per row.
 *
 * Columns (docs/output-format.md, "jzsim compare: CSV"):
 *   scenario_index, scenario, gemeente_code, gemeente, zorgsoort, year,
 *   metric, value, diff, diff_rel
 * scenario_index is the 1-based position on the command line (1 is the
 * reference); zorgsoort is empty for figures of the whole gemeente; value,
 * diff (value - reference) and diff_rel (diff / |reference|, a fraction)
 * are empty when absent.  The columns stay fixed whatever the number of
 * scenarios, which is what a pivot table wants.  With csv_nl the separator
 * is ';' and the decimal mark ',' so that Dutch Excel reads numbers.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "jzsim/compare.h"

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
    } else {
        fputc('"', c->out);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', c->out);
            fputc(*s, c->out);
        }
        fputc('"', c->out);
    }
    fputc(c->sep, c->out);
}

/* the last field of a row: no separator after it */
static void number(const csv *c, double v, int last)
{
    if (!isnan(v) && !isinf(v)) {
        char buf[64];
        snprintf(buf, sizeof buf, "%.15g", v);
        if (c->nl)
            for (char *p = buf; *p; p++)
                if (*p == '.')
                    *p = ',';
        fputs(buf, c->out);
    }
    fputc(last ? '\n' : c->sep, c->out);
}

static void rows(const csv *k, const jz_comparison *c, int u, int m, int z)
{
    const jz_cmp_unit *un = &c->units[u];
    for (int s = 0; s < c->n_scenarios; s++)
        for (int y = 0; y < c->n_years; y++) {
            fprintf(k->out, "%d%c", s + 1, k->sep);
            field(k, c->scen[s].scenario->meta.name);
            field(k, un->code);
            field(k, un->name);
            field(k, z >= 0 ? c->zs[z].key : "");
            fprintf(k->out, "%d%c", jz_cmp_year(c, y), k->sep);
            field(k, jz_cmp_metrics[m].key);
            number(k, jz_cmp_value(c, m, u, z, s, y), 0);
            number(k, jz_cmp_diff(c, m, u, z, s, y), 0);
            number(k, jz_cmp_rel(c, m, u, z, s, y), 1);
        }
}

static void unit_rows(const csv *k, const jz_comparison *c, int u)
{
    for (int m = 0; m < JZ_CMP_N_METRICS; m++) {
        if (!jz_cmp_metrics[m].per_zorgsoort) {
            rows(k, c, u, m, -1);
            continue;
        }
        for (int z = 0; z < c->n_zorgsoorten; z++)
            rows(k, c, u, m, z);
    }
}

int jz_compare_report_csv(FILE *out, const jz_comparison *c, const jz_compare_options *o,
                          jz_error *err)
{
    csv k = {out, o->csv_nl ? ';' : ',', o->csv_nl};
    static const char *const cols[] = {"scenario_index", "scenario", "gemeente_code", "gemeente",
                                       "zorgsoort", "year", "metric", "value", "diff", "diff_rel"};
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
        fprintf(out, "%s%s", i ? (o->csv_nl ? ";" : ",") : "", cols[i]);
    fputc('\n', out);
    if (o->unit >= 0) {
        unit_rows(&k, c, o->unit);
    } else {
        for (int u = 0; u < c->n_units; u++)
            unit_rows(&k, c, u);
    }
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "cannot write the comparison CSV");
    return JZ_OK;
}
