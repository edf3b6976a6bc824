/*
 * privacy.c - the suppression rule for counts about children, in one place.
 *
 * A count of 1 to min_count-1 is withheld (CBS: "fewer than 10"); zero is
 * published.  A figure computed from such a count (a rate, a cost, a mean
 * duration, client-years of a cell with few clients) is withheld with it,
 * because it would reveal the few.  The threshold can be raised, never
 * lowered below JZ_RECORDS_MIN_COUNT (the readers of options check that).
 * Client keys never reach this stage: the reader drops them.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "records/internal.h"

int jz_rec_suppress(double count, int min_count)
{
    if (min_count < JZ_RECORDS_MIN_COUNT)
        min_count = JZ_RECORDS_MIN_COUNT;
    return isfinite(count) && count > 0 && count < min_count;
}

const char *jz_count_text(double v, int suppressed, int min_count, char *buf, size_t size)
{
    if (suppressed)
        snprintf(buf, size, "<%d", min_count < JZ_RECORDS_MIN_COUNT ? JZ_RECORDS_MIN_COUNT : min_count);
    else if (!isfinite(v))
        snprintf(buf, size, "%s", "");
    else
        snprintf(buf, size, "%.0f", v);
    return buf;
}

static void mark(jz_records_cell *c, int s, int *n)
{
    if (isfinite(c->v[s]) && !c->suppressed[s]) {
        c->suppressed[s] = 1;
        (*n)++;
    }
}

void jz_rec_apply_suppression(jz_records_analysis *a)
{
    const int mc = a->rec->min_count;
    int n = 0;
    for (int i = 0; i < a->n_cells; i++) {
        jz_records_cell *c = &a->cells[i];
        static const int counts[] = {JZ_HS_START, JZ_HS_END, JZ_HS_INSTROOM, JZ_HS_UITSTROOM, JZ_HS_UNIQUE,
                                     JZ_HS_DUR_0_3M, JZ_HS_DUR_3_6M, JZ_HS_DUR_6_12M, JZ_HS_DUR_1_2Y,
                                     JZ_HS_DUR_2_3Y, JZ_HS_DUR_3_4Y, JZ_HS_DUR_4Y_PLUS};
        for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++)
            if (jz_rec_suppress(c->v[counts[k]], mc))
                mark(c, counts[k], &n);
        /* figures of a cell with few clients: cost, client-years */
        double who = c->v[JZ_HS_UNIQUE];
        if (jz_rec_suppress(who, mc)) {
            mark(c, JZ_HS_CLIENT_YEARS, &n);
            mark(c, JZ_HS_COST, &n);
            mark(c, JZ_HS_COST_PER_CLIENT, &n);
            c->cost_per_client_year = NAN; /* withheld with the cost */
        }
        /* the mean duration of few ended trajectories */
        if (jz_rec_suppress(c->v[JZ_HS_UITSTROOM], mc))
            mark(c, JZ_HS_MEAN_DURATION, &n);
    }
    for (int i = 0; i < a->n_durations; i++) {
        jz_duration *d = &a->durations[i];
        jz_count *cs[] = {&d->c_n, &d->c_events, &d->c_censored, &d->c_truncated};
        for (int k = 0; k < 4; k++)
            if ((cs[k]->suppressed = jz_rec_suppress(cs[k]->v, mc)))
                n++;
        d->enough = d->events >= mc;
    }
    for (int i = 0; i < a->n_transitions; i++) {
        jz_transition *t = &a->transitions[i];
        t->count.suppressed = jz_rec_suppress(t->count.v, mc);
        t->base.suppressed = jz_rec_suppress(t->base.v, mc);
        if (t->count.suppressed || t->base.suppressed) {
            t->rate = NAN;
            t->mean_delay = NAN;
            n++;
        }
    }
    a->n_suppressed = n;
}

int jz_rec_note(char ***list, int *n, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    char **l = realloc(*list, (size_t)(*n + 1) * sizeof *l);
    if (!l)
        return JZ_ENOMEM;
    *list = l;
    size_t len = strlen(buf) + 1;
    if (!(l[*n] = malloc(len)))
        return JZ_ENOMEM;
    memcpy(l[*n], buf, len);
    (*n)++;
    return JZ_OK;
}

void jz_rec_notes_free(char **list, int n)
{
    for (int i = 0; i < n; i++)
        free(list[i]);
    free(list);
}
