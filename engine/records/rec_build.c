/*
 * rec_build.c - jz_records made and finished (see reader.h for how the
 * reader's files fit): options, allocation and free, the window applied,
 * the rows of one care episode merged and the trajectories sorted, both
 * for the CSV reader and for jz_records_from_trajectories.
 */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "records/internal.h"
#include "records/reader.h"

void jz_records_options_default(jz_records_options *o)
{
    memset(o, 0, sizeof *o);
    o->window_start = JZ_DAY_UNSET;
    o->export_date = JZ_DAY_UNSET;
    o->min_count = JZ_RECORDS_MIN_COUNT;
    o->transition_gap = 31;
    o->reentry_window = 365;
}

void jz_records_free(jz_records *r)
{
    if (!r)
        return;
    free(r->t);
    free(r->gemeenten);
    free(r->zorgsoorten);
    jz_rec_notes_free(r->warnings, r->n_warnings);
    free(r);
}

jz_records *jz_rec_new(const char *name, const jz_records_options *o)
{
    jz_records *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    snprintf(r->path, sizeof r->path, "%s", name ? name : "");
    r->min_count = o->min_count < JZ_RECORDS_MIN_COUNT ? JZ_RECORDS_MIN_COUNT : o->min_count;
    r->transition_gap = o->transition_gap > 0 ? o->transition_gap : 31;
    r->reentry_window = o->reentry_window > r->transition_gap ? o->reentry_window : 365;
    r->half_years = o->half_years;
    return r;
}

int jz_rec_cmp_dupkey(const void *a, const void *b)
{
    const dup_key *x = a, *y = b;
    if (x->client != y->client) return x->client < y->client ? -1 : 1;
    if (x->z != y->z) return x->z < y->z ? -1 : 1;
    if (x->prod != y->prod) return x->prod < y->prod ? -1 : 1;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    if (x->end != y->end) return x->end < y->end ? -1 : 1;
    return x->line < y->line ? -1 : x->line > y->line;
}

static int cmp_client_z_start(const void *a, const void *b)
{
    const jz_trajectory *x = a, *y = b;
    if (x->client != y->client) return x->client < y->client ? -1 : 1;
    if (x->z != y->z) return x->z < y->z ? -1 : 1;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    return x->line < y->line ? -1 : x->line > y->line;
}

static int cmp_client_start(const void *a, const void *b)
{
    const jz_trajectory *x = a, *y = b;
    if (x->client != y->client) return x->client < y->client ? -1 : 1;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    if (x->z != y->z) return x->z < y->z ? -1 : 1;
    return x->line < y->line ? -1 : x->line > y->line;
}

int jz_rec_sort_merge(jz_records *r)
{
    if (r->n == 0)
        return 0;
    qsort(r->t, (size_t)r->n, sizeof *r->t, cmp_client_z_start);
    int w = 0, merged = 0;
    for (int i = 1; i < r->n; i++) {
        jz_trajectory *p = &r->t[w], *c = &r->t[i];
        int touches = c->client == p->client && c->z == p->z && c->g == p->g &&
                      (p->end == JZ_DAY_UNSET || c->start <= p->end + 1);
        if (touches) {
            if (p->end != JZ_DAY_UNSET && (c->end == JZ_DAY_UNSET || c->end > p->end))
                p->end = c->end;
            if (isnan(p->cost))
                p->cost = c->cost;
            else if (!isnan(c->cost))
                p->cost += c->cost;
            merged++;
        } else {
            r->t[++w] = *c;
        }
    }
    r->n = w + 1;
    qsort(r->t, (size_t)r->n, sizeof *r->t, cmp_client_start);
    return merged;
}

/* Check the window against the trajectories, fill the defaults, sort and
 * merge.  Shared by the reader and jz_records_from_trajectories. */
int jz_rec_finish(jz_records *r, const jz_records_options *o, int min_day, int max_day, jz_error *err)
{
    r->window_start = o->window_start != JZ_DAY_UNSET ? o->window_start : min_day;
    r->export_date = o->export_date != JZ_DAY_UNSET ? o->export_date : max_day;
    if (r->window_start > r->export_date) {
        char a[16], b[16];
        return jz_error_set(err, JZ_EINPUT, r->path, 0, 0,
                            "the window starts (%s) after the export date (%s)",
                            jz_day_format(r->window_start, a, sizeof a), jz_day_format(r->export_date, b, sizeof b));
    }
    int w = 0, before = 0, later_end = 0;
    for (int i = 0; i < r->n; i++) {
        jz_trajectory t = r->t[i];
        if (t.end != JZ_DAY_UNSET && t.end < r->window_start) {
            before++; /* outside the window: not part of a left-truncated sample */
            continue;
        }
        if (t.end != JZ_DAY_UNSET && t.end > r->export_date) {
            t.end = JZ_DAY_UNSET; /* a planned end after the export: still running */
            later_end++;
        }
        r->t[w++] = t;
    }
    r->n = w;
    if (before &&
        jz_rec_note(&r->warnings, &r->n_warnings,
                    "%d trajectories ended before the window start and are left out (a trajectory "
                    "in the administration is one still in care on or after the window start)", before))
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    if (later_end &&
        jz_rec_note(&r->warnings, &r->n_warnings,
                    "%d end dates lie after the export date: taken as planned ends, the trajectories "
                    "as running at the export", later_end))
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    r->n_merged += jz_rec_sort_merge(r);
    return JZ_OK;
}

jz_records *jz_records_from_trajectories(const jz_trajectory *t, int n, int n_gemeenten,
                                         const char *const *gemeenten, int n_zorgsoorten,
                                         const char *const *zorgsoorten, const jz_records_options *o,
                                         jz_error *err)
{
    jz_error_clear(err);
    jz_records *r = jz_rec_new("(records)", o);
    if (!r || !(r->t = malloc((size_t)(n > 0 ? n : 1) * sizeof *t)) ||
        !(r->gemeenten = calloc((size_t)n_gemeenten + 1, sizeof *r->gemeenten)) ||
        !(r->zorgsoorten = calloc((size_t)n_zorgsoorten + 1, sizeof *r->zorgsoorten))) {
        jz_records_free(r);
        jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    memcpy(r->t, t, (size_t)n * sizeof *t);
    r->n = r->n_rows = n;
    r->n_gemeenten = n_gemeenten;
    r->n_zorgsoorten = n_zorgsoorten;
    for (int i = 0; i < n_gemeenten; i++)
        snprintf(r->gemeenten[i], JZ_NAME_MAX, "%s", gemeenten[i]);
    for (int i = 0; i < n_zorgsoorten; i++)
        snprintf(r->zorgsoorten[i], JZ_KEY_MAX, "%s", zorgsoorten[i]);
    int lo = INT_MAX, hi = INT_MIN, maxc = -1;
    for (int i = 0; i < n; i++) {
        lo = t[i].start < lo ? t[i].start : lo;
        hi = t[i].start > hi ? t[i].start : hi;
        if (t[i].end != JZ_DAY_UNSET)
            hi = t[i].end > hi ? t[i].end : hi;
        r->has_cost |= !isnan(t[i].cost);
        maxc = t[i].client > maxc ? t[i].client : maxc;
    }
    r->n_clients = maxc + 1;
    if (jz_rec_finish(r, o, lo, hi, err)) {
        jz_records_free(r);
        return NULL;
    }
    return r;
}

/* The zorgsoort key a cell names, checked against the scenario when there is one. */
