/*
 * compare_json.c - a comparison as JSON with stable keys.
 *
 * The keys are documented in docs/output-format.md and fixed by the JSON
 * Schema docs/compare.schema.json.  In short:
 * {
 *   "format": "jzsim-compare", "format_version": 1, "jzsim_version": "...",
 *   "warnings": ["..."],                        every scenario's, in order
 *   "years": [2024, ...],                       the union of the years
 *   "scenarios": [{position, is_reference, name, description, path,
 *                  base_year, horizon, sources, warnings}],
 *   "zorgsoorten": [{key, name, in_scenario: [bool per scenario]}],
 *   "metrics": [{key, level, unit, label_nl, label_en}],
 *   "notes": ["..."],
 *   "results": [{code, name, is_total, in_scenario,
 *                totals: {metric: {values, diff, diff_rel}},
 *                zorgsoorten: {key: {metric: {values, diff, diff_rel}}},
 *                bands: {metric: {p5, p50, p95}},
 *                verschil: {reference|previous_year:
 *                           {total, outside_zorgsoorten: {diff, price, volume, other},
 *                            zorgsoorten: {key: {diff, price, volume, other}}}}}]
 * }
 * verschil is the verschillenanalyse (jzsim/verschil.h): the cost difference
 * against the reference [1] or the previous year, split into price, volume
 * and other; the zorgsoorten and outside_zorgsoorten add up to total.
 * values, diff, diff_rel, p5, p50, p95 are arrays [scenario][year] with null
 * for an absent figure.  Numbers carry 17 significant digits, so a diff is
 * exactly the difference of the two values as a reader parses them.
 */
#include <math.h>
#include <stdio.h>

#include "report/reporters.h"
#include "jzsim/compare.h"
#include "jzsim/jzsim.h"
#include "report/band_report.h"
#include "report/cmp_common.h"
#include "report/jsonw.h"
#include "jzsim/verschil.h"

static const char *unit_name(jz_metric_kind k)
{
    switch (k) {
    case JZ_KIND_COUNT: return "clients";
    case JZ_KIND_YEARS: return "client_years";
    case JZ_KIND_MONEY: return "euro";
    case JZ_KIND_PRICE: return "euro_per_client";
    }
    return "";
}

typedef double (*cell_fn)(const jz_comparison *, int, int, int, int, int);

/* Years in one row: the loader bounds base years to 1900-2200 and horizons
 * to 50, so the union of any scenarios' years fits. */
#define ROW_MAX 512

/* [scenario][year] of f(m, u, z, s, y), one scenario per line. */
static void grid(jz_jsonw *w, const jz_comparison *c, cell_fn f, int m, int u, int z)
{
    double row[ROW_MAX];
    jz_jsonw_begin_array(w);
    for (int s = 0; s < c->n_scenarios; s++) {
        if (c->n_years <= ROW_MAX) {
            for (int y = 0; y < c->n_years; y++)
                row[y] = f(c, m, u, z, s, y);
            jz_jsonw_numbers(w, row, c->n_years);
        } else {
            jz_jsonw_begin_array(w);
            for (int y = 0; y < c->n_years; y++)
                jz_jsonw_number(w, f(c, m, u, z, s, y));
            jz_jsonw_end_array(w);
        }
    }
    jz_jsonw_end_array(w);
}

static void metric_obj(jz_jsonw *w, const jz_comparison *c, int m, int u, int z)
{
    jz_jsonw_key(w, jz_cmp_metrics[m].key);
    jz_jsonw_begin_object(w);
    jz_jsonw_key(w, "values");
    grid(w, c, jz_cmp_value, m, u, z);
    jz_jsonw_key(w, "diff");
    grid(w, c, jz_cmp_diff, m, u, z);
    jz_jsonw_key(w, "diff_rel");
    grid(w, c, jz_cmp_rel, m, u, z);
    /* why a diff_rel is null (jz_cmp_rel_why_key; "" where it is a number) */
    jz_jsonw_key(w, "diff_rel_why");
    jz_jsonw_begin_array(w);
    for (int s = 0; s < c->n_scenarios; s++) {
        jz_jsonw_begin_array(w);
        for (int y = 0; y < c->n_years; y++)
            jz_jsonw_string(w, jz_cmp_rel_why_key(jz_cmp_rel_why(c, m, u, z, s, y)));
        jz_jsonw_end_array(w);
    }
    jz_jsonw_end_array(w);
    jz_jsonw_end_object(w);
}

static void bands_obj(jz_jsonw *w, const jz_comparison *c, int u)
{
    static const char *const pk[3] = {"p5", "p50", "p95"};
    jz_jsonw_key(w, "bands");
    jz_jsonw_begin_object(w);
    for (int m = 0; m < JZ_CMP_N_GEMEENTE; m++) {
        if (!jz_cmp_has_bands(c, m) || !jz_cmp_metric_shown(c, m))
            continue;
        jz_jsonw_key(w, jz_cmp_metrics[m].key);
        jz_jsonw_begin_object(w);
        for (int k = 0; k < 3; k++) {
            jz_jsonw_key(w, pk[k]);
            jz_jsonw_begin_array(w);
            for (int s = 0; s < c->n_scenarios; s++) {
                double row[ROW_MAX], b[3];
                int n = c->n_years < ROW_MAX ? c->n_years : ROW_MAX;
                for (int y = 0; y < n; y++)
                    row[y] = jz_cmp_band(c, m, u, s, y, b) ? b[k] : NAN;
                jz_jsonw_numbers(w, row, n);
            }
            jz_jsonw_end_array(w);
        }
        jz_jsonw_end_object(w);
    }
    jz_jsonw_end_object(w);
}

static const char *const kind_key[JZ_VERSCHIL_N_KINDS] = {"reference", "previous_year"};
static const char *const part_key[JZ_VS_N] = {"diff", "price", "volume", "other"};

/* {diff, price, volume, other} of one zorgsoort (or line), [scenario][year] */
static void verschil_parts(jz_jsonw *w, const jz_comparison *c, int kind, int u, int z)
{
    jz_jsonw_begin_object(w);
    for (int part = 0; part < JZ_VS_N; part++) {
        jz_jsonw_key(w, part_key[part]);
        jz_jsonw_begin_array(w);
        for (int s = 0; s < c->n_scenarios; s++) {
            double row[ROW_MAX];
            int n = c->n_years < ROW_MAX ? c->n_years : ROW_MAX;
            for (int y = 0; y < n; y++) {
                jz_verschil v;
                jz_cmp_verschil(c, kind, u, z, s, y, &v);
                row[y] = jz_vs_part(&v, part);
            }
            jz_jsonw_numbers(w, row, n);
        }
        jz_jsonw_end_array(w);
    }
    jz_jsonw_end_object(w);
}

static void verschil_obj(jz_jsonw *w, const jz_comparison *c, int u)
{
    jz_jsonw_key(w, "verschil");
    jz_jsonw_begin_object(w);
    for (int kind = 0; kind < JZ_VERSCHIL_N_KINDS; kind++) {
        jz_jsonw_key(w, kind_key[kind]);
        jz_jsonw_begin_object(w);
        jz_jsonw_key(w, "total");
        verschil_parts(w, c, kind, u, JZ_VERSCHIL_ALL);
        jz_jsonw_key(w, "outside_zorgsoorten");
        verschil_parts(w, c, kind, u, JZ_VERSCHIL_LINES);
        jz_jsonw_key(w, "zorgsoorten");
        jz_jsonw_begin_object(w);
        for (int z = 0; z < c->n_zorgsoorten; z++) {
            jz_jsonw_key(w, c->zs[z].key);
            verschil_parts(w, c, kind, u, z);
        }
        jz_jsonw_end_object(w);
        jz_jsonw_end_object(w);
    }
    jz_jsonw_end_object(w);
}

static void unit_obj(jz_jsonw *w, const jz_comparison *c, int u)
{
    const jz_cmp_unit *un = &c->units[u];
    jz_jsonw_begin_object(w);
    jz_jsonw_key(w, "code");
    jz_jsonw_string(w, un->code);
    jz_jsonw_key(w, "name");
    jz_jsonw_string(w, un->name);
    jz_jsonw_key(w, "is_total");
    jz_jsonw_bool(w, un->is_total);
    jz_jsonw_key(w, "in_scenario");
    jz_jsonw_begin_array(w);
    for (int s = 0; s < c->n_scenarios; s++)
        jz_jsonw_bool(w, un->g[s] >= 0);
    jz_jsonw_end_array(w);
    jz_jsonw_key(w, "totals");
    jz_jsonw_begin_object(w);
    for (int m = 0; m < JZ_CMP_N_GEMEENTE; m++)
        if (jz_cmp_metric_shown(c, m))
            metric_obj(w, c, m, u, -1);
    jz_jsonw_end_object(w);
    jz_jsonw_key(w, "zorgsoorten");
    jz_jsonw_begin_object(w);
    for (int z = 0; z < c->n_zorgsoorten; z++) {
        jz_jsonw_key(w, c->zs[z].key);
        jz_jsonw_begin_object(w);
        for (int m = JZ_CMP_N_GEMEENTE; m < JZ_CMP_N_METRICS; m++)
            metric_obj(w, c, m, u, z);
        jz_jsonw_end_object(w);
    }
    jz_jsonw_end_object(w);
    bands_obj(w, c, u);
    verschil_obj(w, c, u);
    jz_band_cmp_json(w, c, u);
    jz_jsonw_end_object(w);
}

static void scenario_obj(jz_jsonw *w, const jz_comparison *c, int s)
{
    const jz_scenario *sc = c->scen[s].scenario;
    jz_jsonw_begin_object(w);
    jz_jsonw_key(w, "position");
    jz_jsonw_int(w, s + 1);
    jz_jsonw_key(w, "is_reference");
    jz_jsonw_bool(w, s == 0);
    jz_jsonw_key(w, "saved"); /* the label reports show beside the name */
    jz_jsonw_bool(w, c->scen[s].saved);
    jz_jsonw_key(w, "name");
    jz_jsonw_string(w, sc->meta.name);
    jz_jsonw_key(w, "description");
    jz_jsonw_string(w, sc->meta.description);
    jz_jsonw_key(w, "path");
    jz_jsonw_string(w, sc->meta.path);
    jz_jsonw_key(w, "base_year");
    jz_jsonw_int(w, sc->meta.base_year);
    jz_jsonw_key(w, "horizon");
    jz_jsonw_int(w, sc->meta.horizon);
    jz_jsonw_key(w, "sources");
    jz_jsonw_begin_array(w);
    for (int i = 0; i < sc->meta.n_sources; i++)
        jz_jsonw_string(w, sc->meta.sources[i]);
    jz_jsonw_end_array(w);
    jz_jsonw_warnings(w, sc, NULL, 0);
    jz_jsonw_end_object(w);
}

int jz_rep_compare_json(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    const jz_comparison *c = x->comparison;
    jz_jsonw w;
    jz_jsonw_init(&w, out);
    jz_jsonw_begin_document(&w, "jzsim-compare", 1);
    /* the envelope's warnings: every scenario's, in order (each scenario
     * object repeats its own); the scenarios are listed under "scenarios" */
    jz_jsonw_list warn[JZ_CMP_MAX_SCENARIOS];
    for (int s = 0; s < c->n_scenarios && s < JZ_CMP_MAX_SCENARIOS; s++)
        warn[s] = (jz_jsonw_list){c->scen[s].scenario->warnings, c->scen[s].scenario->n_warnings};
    jz_jsonw_warnings(&w, NULL, warn, c->n_scenarios);

    jz_jsonw_key(&w, "years");
    jz_jsonw_begin_array(&w);
    for (int y = 0; y < c->n_years; y++)
        jz_jsonw_int(&w, jz_cmp_year(c, y));
    jz_jsonw_end_array(&w);

    jz_jsonw_key(&w, "scenarios");
    jz_jsonw_begin_array(&w);
    for (int s = 0; s < c->n_scenarios; s++)
        scenario_obj(&w, c, s);
    jz_jsonw_end_array(&w);

    jz_jsonw_key(&w, "zorgsoorten");
    jz_jsonw_begin_array(&w);
    for (int z = 0; z < c->n_zorgsoorten; z++) {
        jz_jsonw_begin_object(&w);
        jz_jsonw_key(&w, "key");
        jz_jsonw_string(&w, c->zs[z].key);
        jz_jsonw_key(&w, "name");
        jz_jsonw_string(&w, c->zs[z].name);
        jz_jsonw_key(&w, "in_scenario");
        jz_jsonw_begin_array(&w);
        for (int s = 0; s < c->n_scenarios; s++)
            jz_jsonw_bool(&w, c->zs[z].z[s] >= 0);
        jz_jsonw_end_array(&w);
        jz_jsonw_end_object(&w);
    }
    jz_jsonw_end_array(&w);

    jz_jsonw_key(&w, "metrics");
    jz_jsonw_begin_array(&w);
    for (int m = 0; m < JZ_CMP_N_METRICS; m++) {
        if (!jz_cmp_metric_shown(c, m))
            continue;
        jz_jsonw_begin_object(&w);
        jz_jsonw_key(&w, "key");
        jz_jsonw_string(&w, jz_cmp_metrics[m].key);
        jz_jsonw_key(&w, "level");
        jz_jsonw_string(&w, jz_cmp_metrics[m].per_zorgsoort ? "zorgsoort" : "gemeente");
        jz_jsonw_key(&w, "unit");
        jz_jsonw_string(&w, unit_name(jz_cmp_metrics[m].kind));
        jz_jsonw_key(&w, "label_nl");
        jz_jsonw_string(&w, jz_cmp_metric_label(m, JZ_LANG_NL));
        jz_jsonw_key(&w, "label_en");
        jz_jsonw_string(&w, jz_cmp_metric_label(m, JZ_LANG_EN));
        jz_jsonw_end_object(&w);
    }
    jz_jsonw_end_array(&w);

    /* the names of the verschillenanalyse's parts (results[].verschil) */
    jz_jsonw_key(&w, "verschil_parts");
    jz_jsonw_begin_array(&w);
    for (int part = 0; part < JZ_VS_N; part++) {
        jz_jsonw_begin_object(&w);
        jz_jsonw_key(&w, "key");
        jz_jsonw_string(&w, part_key[part]);
        jz_jsonw_key(&w, "label_nl");
        jz_jsonw_string(&w, jz_vs_label(part, JZ_LANG_NL));
        jz_jsonw_key(&w, "label_en");
        jz_jsonw_string(&w, jz_vs_label(part, JZ_LANG_EN));
        jz_jsonw_end_object(&w);
    }
    jz_jsonw_end_array(&w);

    jz_jsonw_key(&w, "notes");
    jz_jsonw_begin_array(&w);
    for (int i = 0; i < c->n_notes; i++) {
        char note[1024];
        jz_jsonw_string(&w, jz_cmp_note_format(c, i, JZ_LANG_EN, note, sizeof note));
    }
    jz_jsonw_end_array(&w);

    jz_jsonw_key(&w, "results");
    jz_jsonw_begin_array(&w);
    if (o->gemeente >= 0) {
        unit_obj(&w, c, o->gemeente);
    } else {
        for (int u = 0; u < c->n_units; u++)
            unit_obj(&w, c, u);
    }
    jz_jsonw_end_array(&w);
    jz_jsonw_end_object(&w);
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "cannot write the comparison JSON");
    return JZ_OK;
}
