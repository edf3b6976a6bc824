/*
 * compare_csv.c - a comparison as long-format CSV, one figure per row.
 *
 * Columns (docs/output-format.md, "jzsim compare: CSV"):
 *   scenario_index, scenario, gemeente_code, gemeente, zorgsoort, year,
 *   metric, value, diff, diff_rel, saved, diff_rel_why
 * scenario_index is the 1-based position on the command line (1 is the
 * reference); zorgsoort is empty for figures of the whole gemeente; value,
 * diff (value - reference) and diff_rel (diff / reference, a fraction;
 * jz_cmp_rel) are empty when absent; saved is 1 on the rows of a saved
 * forecast marked beside a scenario of its name (compare --reference), whose
 * scenario field is its name as saved, else 0; diff_rel_why says why diff_rel
 * is empty (jz_cmp_rel_why_key: absent, turn, reference_negative,
 * reference_small; "" where it has one).  The columns stay fixed whatever the number of
 * scenarios, which is what a pivot table wants.  With csv_nl the separator
 * is ';' and the decimal mark ',' so that Dutch Excel reads numbers.
 *
 * The verschillenanalyse (jzsim/verschil.h) follows each unit's figures:
 * metric "verschil:<kind>:<part>", kind reference (against [1]) or
 * previous_year, part diff, price, volume or other; zorgsoort the key, or
 * empty for the total; the cost in no zorgsoort has the metric
 * "verschil_buiten:<kind>:<part>", so the zorgsoort rows and that row add
 * up to the total.  value holds the figure; diff and diff_rel stay empty.
 */
#include <stdio.h>

#include "report/reporters.h"
#include "jzsim/compare.h"
#include "report/csvw.h"
#include "report/band_report.h"
#include "report/cmp_common.h"
#include "jzsim/verschil.h"

void jz_cmp_csv_lead(jz_csvw *k, const jz_comparison *c, int s, int u, int z, int y, const char *metric)
{
    jz_csvw_int(k, s + 1);
    jz_csvw_field(k, c->scen[s].scenario->meta.name);
    jz_csvw_field(k, c->units[u].code);
    jz_csvw_field(k, c->units[u].name);
    jz_csvw_field(k, z >= 0 ? c->zs[z].key : "");
    jz_csvw_int(k, jz_cmp_year(c, y));
    jz_csvw_field(k, metric);
}

void jz_cmp_csv_end(jz_csvw *k, const jz_comparison *c, int s, const char *why)
{
    jz_csvw_int(k, c->scen[s].saved);
    jz_csvw_field(k, why);
    jz_csvw_end_row(k);
}

static void rows(jz_csvw *k, const jz_comparison *c, int u, int m, int z)
{
    for (int s = 0; s < c->n_scenarios; s++)
        for (int y = 0; y < c->n_years; y++) {
            jz_cmp_csv_lead(k, c, s, u, z, y, jz_cmp_metrics[m].key);
            jz_csvw_number(k, jz_cmp_value(c, m, u, z, s, y));
            jz_csvw_number(k, jz_cmp_diff(c, m, u, z, s, y));
            jz_csvw_number(k, jz_cmp_rel(c, m, u, z, s, y));
            jz_cmp_csv_end(k, c, s, jz_cmp_rel_why_key(jz_cmp_rel_why(c, m, u, z, s, y)));
        }
}

static const char *const kind_key[JZ_VERSCHIL_N_KINDS] = {"reference", "previous_year"};
static const char *const part_key[JZ_VS_N] = {"diff", "price", "volume", "other"};

static void verschil_rows(jz_csvw *k, const jz_comparison *c, int u)
{
    char metric[64];
    for (int kind = 0; kind < JZ_VERSCHIL_N_KINDS; kind++)
        for (int z = JZ_VERSCHIL_LINES; z < c->n_zorgsoorten; z++)
            for (int part = 0; part < JZ_VS_N; part++) {
                snprintf(metric, sizeof metric, "%s:%s:%s", z == JZ_VERSCHIL_LINES ? "verschil_buiten" : "verschil",
                         kind_key[kind], part_key[part]);
                for (int s = 0; s < c->n_scenarios; s++)
                    for (int y = 0; y < c->n_years; y++) {
                        jz_verschil v;
                        jz_cmp_verschil(c, kind, u, z, s, y, &v);
                        jz_cmp_csv_lead(k, c, s, u, z, y, metric);
                        jz_csvw_number(k, jz_vs_part(&v, part));
                        jz_csvw_field(k, "");
                        jz_csvw_field(k, "");
                        jz_cmp_csv_end(k, c, s, "");
                    }
            }
}

static void unit_rows(jz_csvw *k, const jz_comparison *c, int u)
{
    for (int m = 0; m < JZ_CMP_N_METRICS; m++) {
        if (!jz_cmp_metric_shown(c, m))
            continue;
        if (!jz_cmp_metrics[m].per_zorgsoort) {
            rows(k, c, u, m, -1);
            continue;
        }
        for (int z = 0; z < c->n_zorgsoorten; z++)
            rows(k, c, u, m, z);
    }
    verschil_rows(k, c, u);
    jz_band_cmp_csv(k, c, u);
}

int jz_rep_compare_csv(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    const jz_comparison *c = x->comparison;
    static const char *const cols[] = {"scenario_index", "scenario", "gemeente_code", "gemeente",
                                       "zorgsoort", "year", "metric", "value", "diff", "diff_rel", "saved",
                                       "diff_rel_why"};
    jz_csvw k;
    jz_csvw_init(&k, out, o->csv_nl);
    jz_csvw_header(&k, cols, sizeof cols / sizeof cols[0]);
    if (o->gemeente >= 0) {
        unit_rows(&k, c, o->gemeente);
    } else {
        for (int u = 0; u < c->n_units; u++)
            unit_rows(&k, c, u);
    }
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "cannot write the comparison CSV");
    return JZ_OK;
}
