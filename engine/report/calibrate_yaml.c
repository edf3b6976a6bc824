/*
 * calibrate_yaml.c - the calibrated scenario as a small YAML that
 * `extends` the input and overrides only what the fit changed, per
 * gemeente (`gemeenten: [{code, zorg: {<key>: {...}}}]`) and, for a fitted
 * duration shape, per zorgsoort (`stages`).  A comment header states the
 * data file, the period and the fit quality, and each value carries its
 * standard error as a comment, so the file can be reviewed and versioned.
 *
 * Values are found by comparing the fitted copy with the input, cell by
 * cell, so the file reproduces the fitted run exactly (to the 10
 * significant digits written) whatever parameter moved them.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "jzsim/calibrate.h"
#include "jzsim/jzsim.h"
#include "yamlw.h"

static int differs(const double *a, const double *b, int from, int H)
{
    for (int y = from; y < H; y++)
        if (a[y] != b[y])
            return 1;
    return 0;
}

/* A series: one number when constant over years from..H-1, else a map by year. */
static void put_series(FILE *out, const double *v, int from, int H, int base)
{
    int constant = 1;
    for (int y = from + 1; y < H; y++)
        if (v[y] != v[from])
            constant = 0;
    if (constant) {
        fprintf(out, "%.10g", v[from]);
        return;
    }
    fputc('{', out);
    for (int y = from; y < H; y++)
        fprintf(out, "%s%d: %.10g", y > from ? ", " : "", base + y, v[y]);
    fputc('}', out);
}

/* The parameter that moved this cell's kind, for its standard error. */
static const jz_calib_param *param_for(const jz_calib *c, int kind, int g, int z)
{
    const jz_calib_param *group = NULL;
    for (int i = 0; i < c->n_params; i++) {
        const jz_calib_param *q = &c->params[i];
        if (q->kind != kind || q->g != g || !q->fitted)
            continue;
        if (q->z == z)
            return q;
        if (q->z < 0)
            group = q;
    }
    return group;
}

static void put_se(FILE *out, const jz_calib_param *q, const char *what)
{
    if (!q)
        return;
    if (isnan(q->se))
        fprintf(out, " [%s: no standard error]", what);
    else if (q->is_factor)
        fprintf(out, " [%s: factor %.4g +/- %.2g]", what, q->value, q->se);
    else
        fprintf(out, " [%s +/- %.3g]", what, q->se);
}

/* One fitted series of a cell: "key: value  #comment" and its standard
 * error (q, when fitted). */
static void series_line(FILE *out, const char *key, const double *v, int from, int H, int base,
                        const char *comment, const jz_calib_param *q)
{
    fprintf(out, "        %s: ", key);
    put_series(out, v, from, H, base);
    fprintf(out, "  #%s", comment);
    put_se(out, q, key);
    fputc('\n', out);
}

/* The two-branch duration of zorgsoort z that --fit vorm chose
 * (jz_shape_mixture_choice), with its derivation in comments. */
static void put_mixture(FILE *out, const jz_calib *c, int z)
{
    const jz_scenario *s = c->scenario;
    const jz_mixture *m = &c->fitted->zorgsoorten[z].mix;
    jz_mixture again;
    int t = jz_shape_mixture_choice(c, z, &again);
    const jz_shape_test *st = t >= 0 ? &c->shape[t] : NULL;
    fprintf(out, "  - key: %s\n", s->zorgsoorten[z].key);
    if (st)
        fprintf(out, "    # Duration shape fitted to %.0f ended trajectories in the duration classes of %s:\n"
                     "    # no single Erlang fits (best k = %d, chi-square %.1f, p = %.2g); two branches do\n"
                     "    # (maximum likelihood, chi-square %.1f with %d degrees of freedom, p = %.2g).\n",
                st->total, st->g >= 0 ? s->gemeenten[st->g].code : "all gemeenten", st->best_k,
                st->chi2[st->best_k - 1], st->pvalue[st->best_k - 1], st->mix_chi2, JZ_DUR_CLASSES - 4,
                st->mix_pvalue);
    fprintf(out, "    # The mixture's own mean is %.4g months; the cell zorgduur stays the mean and both\n"
                 "    # branch means scale with it (docs/model.md, section 2b).\n",
            m->share * m->zorgduur[0] + (1.0 - m->share) * m->zorgduur[1]);
    if (s->zorgsoorten[z].stages != 1)
        fprintf(out, "    stages: 1  # the mixture replaces the single Erlang (was stages: %d)\n",
                s->zorgsoorten[z].stages);
    fprintf(out, "    mixture: {share: %.6g%%, stages: [%d, %d], zorgduur: [%.6g, %.6g]}  # %.0f%% Erlang-%d "
                 "with mean %.1f months, the rest Erlang-%d with mean %.1f\n",
            100.0 * m->share, m->stages[0], m->stages[1], m->zorgduur[0], m->zorgduur[1], 100.0 * m->share,
            m->stages[0], m->zorgduur[0], m->stages[1], m->zorgduur[1]);
}

int jz_calib_write_yaml(FILE *out, const jz_calib *c, const char *extends_path, jz_error *err)
{
    const jz_scenario *s = c->scenario, *f = c->fitted;
    const int G = s->n_gemeenten, Z = s->n_zorgsoorten, H = s->meta.horizon, base = s->meta.base_year;

    fprintf(out, "# Calibrated scenario, written by jzsim calibrate %s.\n", JZSIM_VERSION);
    fprintf(out, "# Input scenario: %s\n", s->meta.path);
    fprintf(out, "# History:        %s, years %d-%d, %d observations\n", c->history_path,
            c->first_year, c->last_year, c->n_obs);
    char sd[64];
    if (isfinite(c->sigma))
        snprintf(sd, sizeof sd, "%.3g%%", 100.0 * c->sigma);
    else
        snprintf(sd, sizeof sd, "n/a (exact fit)");
    fprintf(out, "# Fit:            %d parameters fitted, %d kept, %d degrees of freedom, "
                 "relative residual sd %s, %d iterations\n",
            c->n_fitted, c->n_params - c->n_fitted, c->dof, sd, c->iterations);
    for (int i = 0; i < c->n_warnings; i++)
        fprintf(out, "# Note: %s\n", c->warnings[i]);
    fprintf(out, "# Fit per series (RMSE in the series' unit, MAPE):\n");
    for (int i = 0; i < c->n_summary; i++) {
        const jz_calib_summary *m = &c->summary[i];
        fprintf(out, "#   %-8s %-22s %-16s n=%d  RMSE %.4g  MAPE %.2f%%\n", s->gemeenten[m->g].code,
                m->z >= 0 ? s->zorgsoorten[m->z].key : "totaal", jz_hseries_key(m->series), m->n,
                m->rmse, m->mape);
    }
    fprintf(out, "# Standard errors (1 se) are in the comments; docs/calibration.md explains the method.\n");
    fprintf(out, "# Review before use: a fit is only as good as the history it was given.\n\n");
    char name[JZ_NAME_MAX + 32];
    snprintf(name, sizeof name, "%s (gekalibreerd)", s->meta.name);
    jz_yamlw_extends(out, extends_path, name);
    fputc('\n', out);

    int any_stage = 0;
    for (int z = 0; z < Z; z++) {
        const jz_mixture *m = &f->zorgsoorten[z].mix;
        if (m->share != 0.0 && m->share != s->zorgsoorten[z].mix.share) {
            if (!any_stage)
                fprintf(out, "zorgsoorten:\n");
            any_stage = 1;
            put_mixture(out, c, z);
        } else if (f->zorgsoorten[z].stages != s->zorgsoorten[z].stages) {
            if (!any_stage)
                fprintf(out, "zorgsoorten:\n");
            any_stage = 1;
            fprintf(out, "  - key: %s\n    stages: %d  # duration shape fitted to the duration classes "
                         "(was %d)\n", s->zorgsoorten[z].key, f->zorgsoorten[z].stages,
                    s->zorgsoorten[z].stages);
        }
    }

    char src[1400];
    snprintf(src, sizeof src, "jzsim calibrate: %s, %d-%d", c->history_path, c->first_year, c->last_year);
    int any_g = 0;
    for (int g = 0; g < G; g++) {
        int any_z = 0;
        for (int z = 0; z < Z; z++) {
            size_t ci = (size_t)g * (size_t)Z + (size_t)z;
            const jz_cell *o = &s->cells[ci], *n = &f->cells[ci];
            int d_in = differs(o->instroom, n->instroom, 0, H);
            int d_tr = differs(o->instroom_trend, n->instroom_trend, 1, H);
            int d_du = differs(o->zorgduur, n->zorgduur, 0, H);
            int d_co = differs(o->cost, n->cost, 0, H);
            int d_it = differs(o->intensity_trend, n->intensity_trend, 1, H);
            int d_st = o->start != n->start;
            if (!(d_in || d_tr || d_du || d_co || d_it || d_st))
                continue;
            if (!any_g)
                fprintf(out, "gemeenten:\n");
            any_g = 1;
            if (!any_z) {
                fprintf(out, "  - code: %s\n    zorg:\n", s->gemeenten[g].code);
                any_z = 1;
            }
            fprintf(out, "      %s:\n        source: ", s->zorgsoorten[z].key);
            jz_yamlw_string(out, src);
            fputc('\n', out);
            if (d_st) {
                fprintf(out, "        start: %.10g  #", n->start);
                put_se(out, param_for(c, JZ_PK_START, g, z), "start");
                fputc('\n', out);
            }
            if (d_in || d_tr) {
                fprintf(out, "        instroom: {");
                if (d_in) {
                    fprintf(out, "%s: ", o->instroom_per_1000 ? "per_1000" : "absolute");
                    put_series(out, n->instroom, 0, H, base);
                }
                if (d_tr) {
                    fprintf(out, "%strend: ", d_in ? ", " : "");
                    if (H > 1)
                        put_series(out, n->instroom_trend, 1, H, base);
                }
                fprintf(out, "}  #");
                if (d_in)
                    put_se(out, param_for(c, JZ_PK_INSTROOM, g, z), "level");
                if (d_tr)
                    put_se(out, param_for(c, JZ_PK_TREND, g, z), "trend");
                fputc('\n', out);
            }
            if (d_du)
                series_line(out, "zorgduur", n->zorgduur, 0, H, base, " months",
                            param_for(c, JZ_PK_ZORGDUUR, g, z));
            if (d_co)
                series_line(out, "cost", n->cost, 0, H, base, " euros per client-year, base-year prices",
                            param_for(c, JZ_PK_COST, g, z));
            if (d_it)
                series_line(out, "intensity_trend", n->intensity_trend, 1, H, base, "",
                            param_for(c, JZ_PK_INTENSITY, g, z));
        }
    }
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "could not write the calibrated scenario");
    return JZ_OK;
}
