/*
 * counting.c - the history per gemeente x zorgsoort x period, and the
 * moves between zorgsoorten, counted from the trajectories.
 *
 * Periods are the calendar years (and, on request, half-years) that lie
 * wholly inside the window [window start, export date]: only there are the
 * counts complete.  For a period [P0, P1] (days, inclusive) a trajectory
 * active in it (start <= P1, and running or end >= P0) counts as
 *   clients_start  when start < P0        (in care on 1 January)
 *   instroom       when P0 <= start <= P1
 *   uitstroom      when P0 <= end <= P1   (and its duration class)
 *   clients_end    when running or end > P1
 * so clients_start + instroom - uitstroom = clients_end and, per zorgsoort,
 * unique_clients = clients_start + instroom (trajectories, as the model
 * counts them).  The gemeente total (zorgsoort "totaal") counts persons: a
 * client in two zorgsoorten in one year is one.  Client-years are the days
 * in care in the period over the days of the year; a trajectory's cost is
 * spread evenly over its days up to its end (or the export date).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "records/internal.h"

typedef struct period {
    int year, half, p0, p1;
    double year_days;
} period;

static int make_periods(const jz_records *r, period **out, int *np, int *first, int *last)
{
    int y0, y1, m, d;
    jz_ymd_from_day(r->window_start, &y0, &m, &d);
    jz_ymd_from_day(r->export_date, &y1, &m, &d);
    period *p = malloc(sizeof *p * (size_t)(3 * (y1 - y0 + 1) + 1));
    if (!p)
        return JZ_ENOMEM;
    int n = 0;
    *first = *last = 0;
    for (int y = y0; y <= y1; y++) {
        double yd = jz_day_from_ymd(y + 1, 1, 1) - jz_day_from_ymd(y, 1, 1);
        period whole = {y, 0, jz_day_from_ymd(y, 1, 1), jz_day_from_ymd(y, 12, 31), yd};
        if (whole.p0 >= r->window_start && whole.p1 <= r->export_date) {
            p[n++] = whole;
            if (!*first)
                *first = y;
            *last = y;
        }
        for (int h = 1; r->half_years && h <= 2; h++) {
            period hp = {y, h, jz_day_from_ymd(y, h == 1 ? 1 : 7, 1),
                         h == 1 ? jz_day_from_ymd(y, 6, 30) : jz_day_from_ymd(y, 12, 31), yd};
            if (hp.p0 >= r->window_start && hp.p1 <= r->export_date)
                p[n++] = hp;
        }
    }
    *out = p;
    *np = n;
    return JZ_OK;
}

int jz_rec_count_periods(const jz_records *r, jz_records_analysis *a, jz_error *err)
{
    period *per = NULL;
    int P;
    if (make_periods(r, &per, &P, &a->first_year, &a->last_year))
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    const int G = r->n_gemeenten, Z = r->n_zorgsoorten, ZZ = Z + 1;
    size_t nc = (size_t)P * (size_t)G * (size_t)ZZ;
    a->cells = calloc(nc ? nc : 1, sizeof *a->cells);
    int *stamp = malloc(sizeof *stamp * (size_t)(P * G + 1));
    double *dsum = calloc((size_t)(P * G * Z + 1), sizeof *dsum);
    if (!a->cells || !stamp || !dsum) {
        free(per);
        free(stamp);
        free(dsum);
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
    a->n_cells = (int)nc;
#define CELL(p, g, zz) (&a->cells[((size_t)(p) * (size_t)G + (size_t)(g)) * (size_t)ZZ + (size_t)(zz)])
    for (int p = 0; p < P; p++)
        for (int g = 0; g < G; g++)
            for (int zz = 0; zz < ZZ; zz++) {
                jz_records_cell *c = CELL(p, g, zz);
                c->cost_per_client_year = NAN;
                c->g = g;
                c->z = zz - 1;
                c->year = per[p].year;
                c->half = per[p].half;
                for (int s = 0; s < JZ_HS_N; s++)
                    c->v[s] = NAN;
                if (zz == 0) { /* totaal: persons, client-years, cost */
                    c->v[JZ_HS_UNIQUE] = c->v[JZ_HS_CLIENT_YEARS] = 0;
                    if (r->has_cost)
                        c->v[JZ_HS_COST] = 0;
                    continue;
                }
                static const int zero[] = {JZ_HS_START, JZ_HS_END, JZ_HS_INSTROOM, JZ_HS_UITSTROOM,
                                           JZ_HS_CLIENT_YEARS};
                for (size_t k = 0; k < sizeof zero / sizeof zero[0]; k++)
                    c->v[zero[k]] = 0;
                if (!per[p].half) { /* unique clients and durations do not add over half-years */
                    c->v[JZ_HS_UNIQUE] = 0;
                    for (int s = JZ_HS_DUR_0_3M; s <= JZ_HS_DUR_4Y_PLUS; s++)
                        c->v[s] = 0;
                }
                if (r->has_cost)
                    c->v[JZ_HS_COST] = 0;
            }
    for (int i = 0; i < P * G; i++)
        stamp[i] = -1;
    const int E = r->export_date;
    for (int i = 0; i < r->n; i++) {
        const jz_trajectory *t = &r->t[i];
        int last = t->end == JZ_DAY_UNSET ? E : t->end;
        double days = last - t->start + 1;
        for (int p = 0; p < P; p++) {
            const period *q = &per[p];
            if (t->start > q->p1 || last < q->p0)
                continue;
            jz_records_cell *c = CELL(p, t->g, t->z + 1), *tot = CELL(p, t->g, 0);
            int in = t->start >= q->p0, out = t->end != JZ_DAY_UNSET && t->end <= q->p1;
            c->v[JZ_HS_START] += !in;
            c->v[JZ_HS_INSTROOM] += in;
            c->v[JZ_HS_UITSTROOM] += out;
            c->v[JZ_HS_END] += !out;
            if (!q->half)
                c->v[JZ_HS_UNIQUE] += 1;
            int a0 = t->start > q->p0 ? t->start : q->p0, a1 = last < q->p1 ? last : q->p1;
            double cy = (a1 - a0 + 1) / q->year_days;
            c->v[JZ_HS_CLIENT_YEARS] += cy;
            tot->v[JZ_HS_CLIENT_YEARS] += cy;
            if (r->has_cost && !isnan(t->cost)) {
                double share = t->cost * (a1 - a0 + 1) / days;
                c->v[JZ_HS_COST] += share;
                tot->v[JZ_HS_COST] += share;
            }
            if (out && !q->half) {
                double months = days / JZ_DAYS_PER_MONTH;
                int k = 0;
                while (k + 1 < JZ_DUR_CLASSES && months >= jz_duration_class_edges[k + 1])
                    k++;
                c->v[JZ_HS_DUR_0_3M + k] += 1;
                dsum[((size_t)p * (size_t)G + (size_t)t->g) * (size_t)Z + (size_t)t->z] += months;
            }
            if (!q->half && stamp[p * G + t->g] != t->client) { /* one person once */
                stamp[p * G + t->g] = t->client;
                tot->v[JZ_HS_UNIQUE] += 1;
            }
        }
    }
    for (int p = 0; p < P; p++)
        for (int g = 0; g < G; g++)
            for (int z = 0; z < Z; z++) {
                jz_records_cell *c = CELL(p, g, z + 1);
                if (!per[p].half && c->v[JZ_HS_UITSTROOM] > 0)
                    c->v[JZ_HS_MEAN_DURATION] = dsum[((size_t)p * (size_t)G + (size_t)g) * (size_t)Z + (size_t)z] /
                                                c->v[JZ_HS_UITSTROOM];
                if (!per[p].half && r->has_cost && c->v[JZ_HS_UNIQUE] > 0)
                    c->v[JZ_HS_COST_PER_CLIENT] = c->v[JZ_HS_COST] / c->v[JZ_HS_UNIQUE];
                c->cost_per_client_year = r->has_cost && c->v[JZ_HS_CLIENT_YEARS] > 0
                                              ? c->v[JZ_HS_COST] / c->v[JZ_HS_CLIENT_YEARS] : NAN;
            }
#undef CELL
    free(per);
    free(stamp);
    free(dsum);
    return JZ_OK;
}

int jz_rec_count_transitions(const jz_records *r, jz_records_analysis *a, jz_error *err)
{
    const int Z = r->n_zorgsoorten, E = r->export_date, gap = r->transition_gap, win = r->reentry_window;
    double *moves = calloc((size_t)(Z * Z + 1), sizeof *moves);
    double *base_t = calloc((size_t)Z + 1, sizeof *base_t), *base_r = calloc((size_t)Z + 1, sizeof *base_r);
    double *re = calloc((size_t)Z + 1, sizeof *re), *delay = calloc((size_t)Z + 1, sizeof *delay);
    a->transitions = calloc((size_t)(Z * Z + Z + 1), sizeof *a->transitions);
    if (!moves || !base_t || !base_r || !re || !delay || !a->transitions) {
        free(moves);
        free(base_t);
        free(base_r);
        free(re);
        free(delay);
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
    for (int b = 0; b < r->n;) {
        int e = b;
        while (e < r->n && r->t[e].client == r->t[b].client)
            e++;
        for (int i = b; i < e; i++) {
            const jz_trajectory *t = &r->t[i];
            if (t->end == JZ_DAY_UNSET || t->end + gap > E)
                continue;
            base_t[t->z] += 1;
            int to = -1, ret = -1;
            for (int j = b; j < e; j++) { /* sorted by start: the first that fits */
                const jz_trajectory *u = &r->t[j];
                if (j == i || u->start <= t->start)
                    continue;
                if (to < 0 && u->z != t->z && u->start <= t->end + gap)
                    to = j;
                if (ret < 0 && u->start > t->end && u->start <= t->end + win)
                    ret = j;
            }
            if (to >= 0) {
                moves[t->z * Z + r->t[to].z] += 1;
                ret = -1; /* moved on: not a re-entry */
            }
            if (t->end + win <= E) {
                base_r[t->z] += 1;
                if (ret >= 0) {
                    re[t->z] += 1;
                    delay[t->z] += (r->t[ret].start - t->end) / JZ_DAYS_PER_MONTH;
                }
            }
        }
        b = e;
    }
    int n = 0;
    for (int f = 0; f < Z; f++)
        for (int g = 0; g < Z; g++)
            if (moves[f * Z + g] > 0) {
                jz_transition *x = &a->transitions[n++];
                x->from = f;
                x->to = g;
                x->count.v = moves[f * Z + g];
                x->base.v = base_t[f];
                x->rate = x->count.v / x->base.v;
                x->mean_delay = NAN;
            }
    for (int f = 0; f < Z; f++)
        if (base_r[f] > 0) {
            jz_transition *x = &a->transitions[n++];
            x->from = f;
            x->to = -1;
            x->count.v = re[f];
            x->base.v = base_r[f];
            x->rate = re[f] / base_r[f];
            x->mean_delay = re[f] > 0 ? delay[f] / re[f] : NAN;
        }
    a->n_transitions = n;
    free(moves);
    free(base_t);
    free(base_r);
    free(re);
    free(delay);
    return JZ_OK;
}
