/*
 * records_yaml.c - the estimates from the records as a scenario that
 * `extends` a base: per gemeente and zorgsoort of the base that the
 * records have, the clients in care on 1 January of the base year, the
 * instroom and cost per client-year of the last whole year, the mean
 * duration and Erlang stages of the chosen fit, the transitions and the
 * re-entry.  A value that rests on a withheld count is not written (a
 * comment says so), so the file is as safe to share as the other outputs.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "jzsim/jzsim.h"
#include "jzsim/records.h"

static void put_string(FILE *out, const char *s)
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

static const jz_records_cell *cell(const jz_records_analysis *a, int g, int z, int year)
{
    for (int i = 0; i < a->n_cells; i++) {
        const jz_records_cell *c = &a->cells[i];
        if (c->g == g && c->z == z && c->year == year && !c->half)
            return c;
    }
    return NULL;
}

static int rec_zorgsoort(const jz_records *r, const char *key)
{
    for (int z = 0; z < r->n_zorgsoorten; z++)
        if (strcmp(r->zorgsoorten[z], key) == 0)
            return z;
    return -1;
}

int jz_records_write_scenario(FILE *out, const jz_records_analysis *a, const jz_scenario *s,
                              const char *extends_path, jz_error *err)
{
    const jz_records *r = a->rec;
    const int base = s->meta.base_year;
    /* the base year itself when the records hold it whole, else the last whole year */
    const int Y = a->first_year && base >= a->first_year && base <= a->last_year ? base : a->last_year;
    char w0[16], e0[16];
    fprintf(out, "# Scenario from trajectory records, written by jzsim records %s.\n", JZSIM_VERSION);
    fprintf(out, "# Base scenario: %s\n", s->meta.path);
    fprintf(out, "# Records:       %s, window %s to %s (export date), %d trajectories\n", r->path,
            jz_day_format(r->window_start, w0, sizeof w0), jz_day_format(r->export_date, e0, sizeof e0), r->n);
    fprintf(out, "# instroom and cost: the year %d of the records; start: in care on 1 January %d;\n"
                 "# zorgduur and stages: the Erlang-k fit with the highest likelihood (censoring and truncation\n"
                 "# taken into account, docs/records.md); transitions and re-entry: of the ended trajectories.\n",
            Y, base);
    fprintf(out, "# Cost is in euros of %d; the scenario reads base-year (%d) prices.\n", Y, base);
    fprintf(out, "# Values resting on fewer than %d clients are left out (privacy) and stay as in the base.\n",
            r->min_count);
    fprintf(out, "# Review before use.\n\nextends: ");
    put_string(out, extends_path);
    fprintf(out, "\nmeta:\n  name: ");
    char name[JZ_NAME_MAX + 32];
    snprintf(name, sizeof name, "%s (uit trajectgegevens)", s->meta.name);
    put_string(out, name);
    fprintf(out, "\n  description: ");
    char desc[1400];
    snprintf(desc, sizeof desc,
             "%s, with start, instroom, zorgduur, stages, cost, transitions and re-entry estimated from "
             "the trajectory records %s (jzsim records)", s->meta.name, r->path);
    put_string(out, desc);
    fputc('\n', out);

    int any = 0;
    for (int z = 0; z < s->n_zorgsoorten; z++) {
        int rz = rec_zorgsoort(r, s->zorgsoorten[z].key);
        if (rz < 0 || !a->durations[rz].enough || !a->durations[rz].best_k)
            continue;
        if (!any)
            fprintf(out, "zorgsoorten:\n");
        any = 1;
        fprintf(out, "  - key: %s\n    stages: %d  # Erlang-k with the highest likelihood (was %d)\n",
                s->zorgsoorten[z].key, a->durations[rz].best_k, s->zorgsoorten[z].stages);
    }
    int any_g = 0;
    for (int g = 0; g < s->n_gemeenten; g++) {
        int rg = -1;
        for (int i = 0; i < r->n_gemeenten; i++)
            if (jz_scenario_gemeente_index(s, r->gemeenten[i]) == g)
                rg = i;
        if (rg < 0)
            continue;
        int any_z = 0;
        for (int z = 0; z < s->n_zorgsoorten; z++) {
            int rz = rec_zorgsoort(r, s->zorgsoorten[z].key);
            if (rz < 0)
                continue;
            const jz_cell *bc = &s->cells[(size_t)g * (size_t)s->n_zorgsoorten + (size_t)z];
            if (!any_g)
                fprintf(out, "gemeenten:\n");
            any_g = 1;
            if (!any_z)
                fprintf(out, "  - code: %s\n    zorg:\n", s->gemeenten[g].code);
            any_z = 1;
            fprintf(out, "      %s:\n        source: ", s->zorgsoorten[z].key);
            char src[1200];
            snprintf(src, sizeof src, "jzsim records: %s", r->path);
            put_string(out, src);
            fputc('\n', out);
            /* start: in care on 1 January of the base year */
            const jz_records_cell *cs = cell(a, rg, rz, base), *ce = cell(a, rg, rz, base - 1);
            const jz_records_cell *st = cs ? cs : ce;
            int ss = cs ? JZ_HS_START : JZ_HS_END;
            if (st && st->suppressed[ss])
                fprintf(out, "        # start: fewer than %d, left as in the base\n", r->min_count);
            else if (st)
                fprintf(out, "        start: %.0f  # in care on 1 January %d\n", st->v[ss], base);
            const jz_records_cell *c = Y ? cell(a, rg, rz, Y) : NULL;
            if (c && c->suppressed[JZ_HS_INSTROOM]) {
                fprintf(out, "        # instroom: fewer than %d, left as in the base\n", r->min_count);
            } else if (c) {
                const double *pop = s->gemeenten[g].population[s->zorgsoorten[z].population];
                if (!bc->instroom_per_1000)
                    fprintf(out, "        instroom: {absolute: %.0f}  # starts in %d\n", c->v[JZ_HS_INSTROOM], Y);
                else if (pop && pop[0] > 0)
                    fprintf(out, "        instroom: {per_1000: %.6g}  # %.0f starts in %d per 1,000 of the %d population\n",
                            1000 * c->v[JZ_HS_INSTROOM] / pop[0], c->v[JZ_HS_INSTROOM], Y, base);
            }
            const jz_duration *d = &a->durations[rz];
            if (d->enough && d->best_k && d->erlang[d->best_k].ok)
                fprintf(out, "        zorgduur: %.4f  # months, Erlang-%d fit +/- %.2g (se)\n", d->erlang[d->best_k].mean,
                        d->best_k, d->erlang[d->best_k].se_mean);
            else
                fprintf(out, "        # zorgduur: fewer than %d ended trajectories, left as in the base\n", r->min_count);
            if (c && isfinite(c->cost_per_client_year))
                fprintf(out, "        cost: %.2f  # euros per client-year in %d\n", c->cost_per_client_year, Y);
            double sum = 0;
            int any_t = 0;
            for (int i = 0; i < a->n_transitions; i++) {
                const jz_transition *t = &a->transitions[i];
                if (t->from != rz || t->to < 0 || !isfinite(t->rate) ||
                    jz_scenario_zorgsoort_index(s, r->zorgsoorten[t->to]) < 0)
                    continue;
                fprintf(out, "%s%s: %.6g", any_t ? ", " : "        transitions: {", r->zorgsoorten[t->to], t->rate);
                sum += t->rate;
                any_t = 1;
            }
            if (any_t)
                fprintf(out, "}  # of the ended trajectories, a start there within %d days\n", r->transition_gap);
            for (int i = 0; i < a->n_transitions; i++) {
                const jz_transition *t = &a->transitions[i];
                if (t->from != rz || t->to >= 0)
                    continue;
                if (!isfinite(t->rate))
                    fprintf(out, "        # reentry: fewer than %d, left as in the base\n", r->min_count);
                else if (sum + t->rate > 1)
                    fprintf(out, "        # reentry: %.4g would bring the ended care that returns above 100%%\n", t->rate);
                else {
                    int delay = isfinite(t->mean_delay) ? (int)lround(t->mean_delay) : 12;
                    delay = delay < 1 ? 1 : delay > 120 ? 120 : delay;
                    fprintf(out, "        reentry: {fraction: %.6g, delay_months: %d}  # a return within %d days\n",
                            t->rate, delay, r->reentry_window);
                }
            }
        }
    }
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "could not write the scenario");
    return JZ_OK;
}
