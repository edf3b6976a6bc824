/*
 * intervals.c - the backtest's forecast intervals as a table that a run can
 * use (jzsim/intervals.h): made from a backtest, written and read as YAML,
 * and turned into the band around a run's projected stocks.
 *
 * The backtest scores the model's end-of-year stock forecasts per series
 * and horizon and summarises their relative errors e = F / O - 1 as a 95%
 * half-width h (bt_score.c: t(n-1) x rms x sqrt(1 + 1/n)); its forecasts
 * beyond the history get [F / (1 + h), F / (1 - h)] (bt_ahead.c).  The
 * table stores that interval as relative bounds on the outcome, q_lo =
 * 1/(1 + h) - 1 and q_hi = 1/(1 - h) - 1, so that a run draws
 * [end (1 + q_lo), end (1 + q_hi)] around its own stock of the year
 * last_year + h: the band is the backtest's error spread at that horizon,
 * put around this run's projection.
 *
 * The region of several gemeenten (slot g = G) gets a band only from rows
 * with gemeente TOTAL: the backtest of the region's own series.  Summing
 * the gemeenten's bounds would assume perfectly correlated errors and give
 * too wide a band, so no region band is made from them.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "jzsim/history.h"
#include "jzsim/intervals.h"
#include "scenario/node.h"
#include "scenario/value.h"

void jz_intervals_free(jz_intervals *iv)
{
    if (!iv)
        return;
    free(iv->rows);
    free(iv);
}

static int row_cmp(const void *pa, const void *pb)
{
    const jz_interval_row *a = pa, *b = pb;
    int c = strcmp(a->gemeente, b->gemeente);
    if (!c)
        c = strcmp(a->zorgsoort, b->zorgsoort);
    return c ? c : a->horizon - b->horizon;
}

jz_intervals *jz_intervals_from_backtest(const jz_backtest *b, const jz_scenario *s, jz_error *err)
{
    jz_intervals *iv = calloc(1, sizeof *iv);
    if (iv)
        iv->rows = calloc((size_t)(b->n_stats ? b->n_stats : 1), sizeof *iv->rows);
    if (!iv || !iv->rows) {
        jz_intervals_free(iv);
        jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    iv->level = 0.95;
    for (int i = 0; i < b->n_points; i++)
        if (b->points[i].year > iv->last_year)
            iv->last_year = b->points[i].year;
    for (int i = 0; i < b->n_stats; i++) {
        const jz_bt_stat *st = &b->stats[i];
        if (st->method != JZ_BT_MODEL || st->series != JZ_HS_END || st->n < 2 || !isfinite(st->half95) ||
            !(st->half95 < 1.0))
            continue;
        jz_interval_row *r = &iv->rows[iv->n++];
        snprintf(r->gemeente, sizeof r->gemeente, "%s", s->gemeenten[st->g].code);
        snprintf(r->zorgsoort, sizeof r->zorgsoort, "%s", st->z >= 0 ? s->zorgsoorten[st->z].key : "");
        r->horizon = st->horizon;
        r->n = st->n;
        r->origins = b->n_origins;
        r->q_lo = 1.0 / (1.0 + st->half95) - 1.0;
        r->q_hi = 1.0 / (1.0 - st->half95) - 1.0;
        r->coverage = st->coverage;
    }
    if (!iv->n) {
        jz_intervals_free(iv);
        jz_error_set(err, JZ_EINPUT, NULL, 0, 0,
                     "the backtest has no interval for the clients in care at the end of the year (it needs "
                     "clients_end in the history and at least two scored forecasts per horizon)");
        return NULL;
    }
    qsort(iv->rows, (size_t)iv->n, sizeof *iv->rows, row_cmp);
    return iv;
}

int jz_intervals_write(FILE *out, const jz_intervals *iv, const char *source, jz_error *err)
{
    fprintf(out, "# Forecast intervals of the clients in care at the end of the year, from %s.\n"
                 "# Per series and horizon h (years after last_year): the outcome lay within\n"
                 "# [forecast x (1 + q_lo), forecast x (1 + q_hi)] at the nominal level in the\n"
                 "# backtest (n scored forecasts from `origins` fit origins; coverage: the\n"
                 "# leave-one-out coverage observed there).  jzsim run --intervals draws them;\n"
                 "# docs/calibration.md, \"Intervals in run\".\n",
            source);
    fprintf(out, "intervals:\n  last_year: %d\n  level: %g\n  series: clients_end\n  rows:\n", iv->last_year,
            iv->level);
    for (int i = 0; i < iv->n; i++) {
        const jz_interval_row *r = &iv->rows[i];
        fprintf(out, "    - {gemeente: %s, zorgsoort: %s, horizon: %d, q_lo: %.6g, q_hi: %.6g, n: %d, origins: %d",
                r->gemeente, r->zorgsoort[0] ? r->zorgsoort : "totaal", r->horizon, r->q_lo, r->q_hi, r->n,
                r->origins);
        if (isfinite(r->coverage))
            fprintf(out, ", coverage: %.4g", r->coverage);
        fputs("}\n", out);
    }
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "could not write the intervals");
    return JZ_OK;
}

/* ---- reading ------------------------------------------------------------ */

/* A number (or whole number) at key of map m; err at the map when missing. */
static int num_at(const jz_node *m, const char *key, double lo, double hi, int whole, double *out, jz_error *err)
{
    const jz_node *n = jz_node_get(m, key);
    if (!n)
        return jz_node_error(err, m, "an interval row needs '%s'", key);
    char *end = NULL;
    double v = n->type == JZ_NODE_SCALAR ? strtod(n->scalar, &end) : NAN;
    if (!end || end == n->scalar || *end || !isfinite(v) || v < lo || v > hi || (whole && v != floor(v)))
        return jz_node_error(err, n, "'%s' must be %s from %g to %g, got '%s'", key,
                             whole ? "a whole number" : "a number", lo, hi,
                             n->type == JZ_NODE_SCALAR ? n->scalar : "a map or list");
    *out = v;
    return JZ_OK;
}

static int text_at(const jz_node *m, const char *key, char *dst, size_t size, jz_error *err)
{
    const jz_node *n = jz_node_get(m, key);
    if (!n)
        return jz_node_error(err, m, "an interval row needs '%s'", key);
    if (n->type != JZ_NODE_SCALAR || strlen(n->scalar) >= size)
        return jz_node_error(err, n, "'%s' must be a short text", key);
    snprintf(dst, size, "%s", n->scalar);
    return JZ_OK;
}

static int read_row(const jz_node *m, jz_interval_row *r, jz_error *err)
{
    static const char *const known[] = {"gemeente", "zorgsoort", "horizon", "q_lo", "q_hi", "n", "origins",
                                        "coverage"};
    if (m->type != JZ_NODE_MAP)
        return jz_node_error(err, m, "an interval row must be a map {gemeente, zorgsoort, horizon, q_lo, q_hi, ...}");
    for (size_t i = 0; i < m->n; i++) {
        size_t k = 0;
        while (k < sizeof known / sizeof known[0] && strcmp(known[k], m->keys[i]->scalar) != 0)
            k++;
        if (k == sizeof known / sizeof known[0])
            return jz_node_error(err, m->keys[i], "unknown key '%s' in an interval row", m->keys[i]->scalar);
    }
    double h, n, o, lo, hi, cov = NAN;
    int rc;
    if ((rc = text_at(m, "gemeente", r->gemeente, sizeof r->gemeente, err)) ||
        (rc = text_at(m, "zorgsoort", r->zorgsoort, sizeof r->zorgsoort, err)) ||
        (rc = num_at(m, "horizon", 1, JZ_HORIZON_MAX, 1, &h, err)) ||
        (rc = num_at(m, "q_lo", -1.0, 0.0, 0, &lo, err)) || (rc = num_at(m, "q_hi", 0.0, 1e6, 0, &hi, err)) ||
        (rc = num_at(m, "n", 2, 1e9, 1, &n, err)) || (rc = num_at(m, "origins", 1, 1e9, 1, &o, err)) ||
        (jz_node_get(m, "coverage") && (rc = num_at(m, "coverage", 0.0, 1.0, 0, &cov, err))))
        return rc;
    if (strcmp(r->zorgsoort, "totaal") == 0)
        r->zorgsoort[0] = '\0';
    r->horizon = (int)h;
    r->n = (int)n;
    r->origins = (int)o;
    r->q_lo = lo;
    r->q_hi = hi;
    r->coverage = cov;
    r->line = m->line;
    r->column = m->column;
    return JZ_OK;
}

jz_intervals *jz_intervals_load(const char *path, jz_error *err)
{
    jz_arena *a = jz_arena_alloc();
    jz_intervals *iv = calloc(1, sizeof *iv);
    if (!a || !iv) {
        jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto fail;
    }
    snprintf(iv->path, sizeof iv->path, "%s", path);
    jz_node *root = jz_yaml_parse_file(a, path, NULL, err);
    if (!root) {
        /* a missing or unreadable table is bad input, like a bad one */
        if (err->status == JZ_EIO)
            err->status = JZ_EINPUT;
        goto fail;
    }
    const jz_node *top = jz_node_get(root, "intervals");
    if (!top || top->type != JZ_NODE_MAP) {
        jz_node_error(err, root, "not an intervals file: it has no 'intervals:' map (write one with jzsim "
                                 "backtest --save-intervals)");
        goto fail;
    }
    double v;
    if (num_at(top, "last_year", 1900, 2200, 1, &v, err))
        goto fail;
    iv->last_year = (int)v;
    if (num_at(top, "level", 0.5, 0.999, 0, &iv->level, err))
        goto fail;
    const jz_node *se = jz_node_get(top, "series");
    if (!se || se->type != JZ_NODE_SCALAR || strcmp(se->scalar, "clients_end") != 0) {
        jz_node_error(err, se ? se : top, "intervals: series must be clients_end (the stock at the end of the year)");
        goto fail;
    }
    const jz_node *rows = jz_node_get(top, "rows");
    if (!rows || rows->type != JZ_NODE_SEQ || rows->n == 0) {
        jz_node_error(err, rows ? rows : top, "intervals: 'rows' must be a list of at least one row");
        goto fail;
    }
    if (!(iv->rows = calloc(rows->n, sizeof *iv->rows))) {
        jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto fail;
    }
    for (size_t i = 0; i < rows->n; i++) {
        jz_interval_row *r = &iv->rows[iv->n];
        if (read_row(rows->values[i], r, err))
            goto fail;
        /* one row per series and horizon, horizons 1, 2, ... without gaps */
        for (int j = 0; j < iv->n; j++)
            if (!strcmp(iv->rows[j].gemeente, r->gemeente) && !strcmp(iv->rows[j].zorgsoort, r->zorgsoort) &&
                iv->rows[j].horizon == r->horizon) {
                jz_node_error(err, rows->values[i], "a second row for %s, %s, horizon %d (the first is at line %d)",
                              r->gemeente, r->zorgsoort[0] ? r->zorgsoort : "totaal", r->horizon,
                              iv->rows[j].line);
                goto fail;
            }
        iv->n++;
    }
    qsort(iv->rows, (size_t)iv->n, sizeof *iv->rows, row_cmp);
    for (int i = 0; i < iv->n; i++) {
        const jz_interval_row *r = &iv->rows[i];
        int first = i == 0 || strcmp(iv->rows[i - 1].gemeente, r->gemeente) ||
                    strcmp(iv->rows[i - 1].zorgsoort, r->zorgsoort);
        int want = first ? 1 : iv->rows[i - 1].horizon + 1;
        if (r->horizon != want) {
            jz_error_set(err, JZ_EINPUT, iv->path, r->line, r->column,
                         "%s, %s: horizon %d without horizon %d; a series needs horizons 1, 2, ... in a row",
                         r->gemeente, r->zorgsoort[0] ? r->zorgsoort : "totaal", r->horizon, want);
            goto fail;
        }
    }
    jz_arena_free(a);
    return iv;
fail:
    jz_arena_free(a);
    jz_intervals_free(iv);
    return NULL;
}

/* ---- the band of a run --------------------------------------------------- */

void jz_band_free(jz_band *b)
{
    if (!b)
        return;
    free(b->end_lo);
    free(b->beyond);
    free(b);
}

int jz_band_compute(const jz_intervals *iv, const jz_scenario *s, const jz_result *r, jz_band **out,
                    jz_error *err)
{
    const int G = r->n_gemeenten, Z = r->n_zorgsoorten, H = r->horizon, base = r->base_year;
    const size_t ncz = (size_t)(G + 1) * (size_t)Z * (size_t)H, ngy = (size_t)(G + 1) * (size_t)H;
    *out = NULL;
    int first = iv->last_year + 1 - base; /* year index of horizon 1 */
    if (first >= H || first + 1 <= 0 || iv->last_year + 1 < base)
        return jz_error_set(err, JZ_EINPUT, iv->path, 0, 0,
                            "the intervals start after %d, the last observed year, but the scenario runs %d-%d: "
                            "they belong to another history or scenario", iv->last_year, base, base + H - 1);
    jz_band *b = calloc(1, sizeof *b);
    if (b) {
        b->end_lo = malloc(2 * (ncz + ngy) * sizeof *b->end_lo);
        b->beyond = calloc(ncz + ngy, 1);
    }
    if (!b || !b->end_lo || !b->beyond) {
        jz_band_free(b);
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
    b->G = G;
    b->Z = Z;
    b->H = H;
    b->last_year = iv->last_year;
    b->level = iv->level;
    b->end_hi = b->end_lo + ncz;
    b->g_end_lo = b->end_hi + ncz;
    b->g_end_hi = b->g_end_lo + ngy;
    b->g_beyond = b->beyond + ncz;
    for (size_t i = 0; i < 2 * (ncz + ngy); i++)
        b->end_lo[i] = NAN;

    for (int i = 0; i < iv->n; i++) {
        const jz_interval_row *row = &iv->rows[i];
        int g = jz_scenario_gemeente_index(s, row->gemeente), z = -1;
        /* TOTAL: the region of several gemeenten, only from a series the
         * backtest scored for the region itself (a sum of the gemeenten's
         * bands is not a band of the sum) */
        if (g < 0 && strcmp(row->gemeente, "TOTAL") == 0) {
            if (G < 2) {
                jz_error_set(err, JZ_EINPUT, iv->path, row->line, row->column,
                             "gemeente TOTAL is the region of several gemeenten, but scenario '%s' has one (%s): "
                             "name it by its code", s->meta.name, s->gemeenten[0].code);
                jz_band_free(b);
                return JZ_EINPUT;
            }
            g = G;
        }
        if (g < 0)
            goto bad_gemeente;
        if (row->zorgsoort[0] && (z = jz_scenario_zorgsoort_index(s, row->zorgsoort)) < 0) {
            jz_error_set(err, JZ_EINPUT, iv->path, row->line, row->column,
                         "zorgsoort '%s' is not in scenario '%s'; the intervals belong to another scenario",
                         row->zorgsoort, s->meta.name);
            jz_band_free(b);
            return JZ_EINPUT;
        }
        int last = i + 1 == iv->n || strcmp(iv->rows[i + 1].gemeente, row->gemeente) ||
                   strcmp(iv->rows[i + 1].zorgsoort, row->zorgsoort);
        for (int y = first + row->horizon - 1; y < H && y >= 0; y++) {
            /* the row's own year; after the series' longest horizon: marked */
            if (y > first + row->horizon - 1) {
                if (!last)
                    break;
                if (z >= 0)
                    b->beyond[jz_result_cz(r, g, z, y)] = 1;
                else
                    b->g_beyond[jz_result_gy(r, g, y)] = 1;
                continue;
            }
            if (z >= 0) {
                size_t k = jz_result_cz(r, g, z, y);
                b->end_lo[k] = r->end[k] * (1.0 + row->q_lo);
                b->end_hi[k] = r->end[k] * (1.0 + row->q_hi);
            } else {
                size_t k = jz_result_gy(r, g, y);
                double end = 0.0;
                for (int zz = 0; zz < Z; zz++)
                    end += r->end[jz_result_cz(r, g, zz, y)];
                b->g_end_lo[k] = end * (1.0 + row->q_lo);
                b->g_end_hi[k] = end * (1.0 + row->q_hi);
            }
            b->n_rows_used++;
            if (!last)
                break;
        }
        continue;
    bad_gemeente:
        jz_error_set(err, JZ_EINPUT, iv->path, row->line, row->column,
                     "gemeente %s is not in scenario '%s'; the intervals belong to another scenario", row->gemeente,
                     s->meta.name);
        jz_band_free(b);
        return JZ_EINPUT;
    }
    *out = b;
    return JZ_OK;
}

/* ---- the band of a comparison's reference -------------------------------- */

int jz_comparison_set_intervals(jz_comparison *c, const jz_intervals *iv, jz_error *err)
{
    jz_band *b = NULL;
    int rc = jz_band_compute(iv, c->scen[0].scenario, c->scen[0].result, &b, err);
    if (rc != JZ_OK)
        return rc;
    jz_band_free(c->stock_band);
    c->stock_band = b;
    return JZ_OK;
}

int jz_cmp_stock_band(const jz_comparison *c, int u, int z, int y, double out[3])
{
    out[0] = out[1] = out[2] = NAN;
    const jz_band *b = c->stock_band;
    if (!b || u < 0 || u >= c->n_units || z < -1 || z >= c->n_zorgsoorten || y < 0 || y >= c->n_years)
        return 0;
    const jz_result *r = c->scen[0].result;
    int g = c->units[u].g[0], ry = jz_cmp_year(c, y) - r->base_year;
    /* the region total (g = G) only when the table had rows for it */
    if (g < 0 || g > r->n_gemeenten || (g == r->n_gemeenten && r->n_gemeenten < 2) || ry < 0 || ry >= r->horizon)
        return 0;
    int rz = z >= 0 ? c->zs[z].z[0] : -1;
    if (z >= 0 && rz < 0)
        return 0;
    if (rz >= 0) {
        size_t k = jz_result_cz(r, g, rz, ry);
        if (b->beyond[k])
            return 2;
        out[0] = b->end_lo[k];
        out[1] = r->end[k];
        out[2] = b->end_hi[k];
    } else {
        size_t k = jz_result_gy(r, g, ry);
        if (b->g_beyond[k])
            return 2;
        double end = 0.0;
        for (int zz = 0; zz < r->n_zorgsoorten; zz++)
            end += r->end[jz_result_cz(r, g, zz, ry)];
        out[0] = b->g_end_lo[k];
        out[1] = end;
        out[2] = b->g_end_hi[k];
    }
    if (!isfinite(out[0])) {
        out[1] = NAN;
        return 0;
    }
    return 1;
}

int jz_cmp_stock_band_any(const jz_comparison *c, int u)
{
    double v[3];
    for (int z = -1; c->stock_band && z < c->n_zorgsoorten; z++)
        for (int y = 0; y < c->n_years; y++)
            if (jz_cmp_stock_band(c, u, z, y, v))
                return 1;
    return 0;
}
