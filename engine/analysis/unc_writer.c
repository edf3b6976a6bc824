/*
 * unc_writer.c - writing a draw into a scenario copy, planned once, and
 * checking only the values it wrote (jzsim/uncertainty.h).
 *
 * jz_unc_apply walks the uncertain inputs three times (restore every SCALE
 * target from base, write every SET, multiply every SCALE), input by input:
 * with a factor on a zorgsoort that every gemeente takes, that is G x H
 * values per input, visited in the order of the inputs, twice each, jumping
 * between cells.  The writer groups the targets by the place they write
 * (first value, count, stride) once, sorted by address, and per draw
 * writes each place once: its last SET value (or its base value) times its
 * SCALE factors in input order.  These are the operations jz_unc_apply does
 * on each value, in the same order (to = base; to *= f1; to *= f2 is
 * to = base * f1, then * f2), so the copy holds the same bits.  When two
 * targets reach one value through places of a different shape, no single
 * order per place exists: the writer then calls jz_unc_apply.
 *
 * Checks.  Base passed the model's checks (the Monte Carlo's deterministic
 * run), and a copy differs from it only where a draw wrote.  So gemeente g
 * of a draw passes jz_check_gemeente when every value written into g lies
 * in the range the check requires of it and every cell-year written into
 * still has transitions plus re-entry <= 1 (model/value_rules.h).  The
 * writer checks exactly that, for the values it just wrote, and leaves
 * only a gemeente where a value fails to the full check, whose message
 * names the first fault in the order a run always named it.
 *
 * Sharing.  A copy's cell series that no draw writes hold the base's
 * numbers forever; jz_unc_writer_share points the copy's cells at the
 * base's arrays for them, so the copies of the lanes of one worker read one
 * array instead of one each (the model only reads a scenario), and
 * jz_unc_writer_copy makes a copy that holds only the series a draw writes
 * (a place in a cell's series is reached through the copy's cell pointer,
 * which is the same value in a full copy).
 *
 * Parts.  The places are kept in the order the Monte Carlo writes them:
 * first those that any gemeente's run may read (scenario-wide series, and
 * the gemeenten's own series: a regional key reads every population), then
 * gemeente by gemeente the places in its cells, each part by address.  The
 * lanes' run calls the writer for gemeente g just before it projects g, so
 * the ~4 KB a draw writes there are still in the cache when read, instead
 * of ~1.5 MB per lane written a few milliseconds before.  The places are
 * disjoint, so any order gives the same bits; a cell-year's sum is checked
 * after all of its gemeente's places.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jzsim/uncertainty.h"
#include "model/value_rules.h"

/* One place that targets write: n values `stride` apart. */
typedef struct wplace {
    jz_unc_target t; /* where (its op is not used) */
    int set;         /* the input whose value is SET last, or -1: start from base */
    int scale0;      /* SCALE inputs: scale[scale0 .. scale0 + nscale - 1], in input order */
    int nscale;
    int g;           /* gemeente whose checks read the values, -1: none */
    int home;        /* gemeente whose cells hold the values (its projection alone reads them),
                        -1: scenario-wide or a gemeente's own series (read across gemeenten:
                        a regional key reads every population), written before the run */
    double lo, hi;   /* their range */
    double bmin, bmax; /* the least and the greatest of the base's values (NaN when one is NaN):
                          a draw's values are these times the factors, and a product rounds
                          monotonically, so its extremes are the extremes' products (write_places) */
    int cell;        /* >= 0: the values are series `member` of this cell from value `index` on,
                        reached through the copy's cell (jz_unc_writer_copy keeps only those) */
    size_t member, index;
} wplace;

/* One cell-year whose transitions or re-entry a draw writes. */
typedef struct wsum {
    int g, cell, y;
} wsum;

struct jz_unc_writer {
    int G;
    uintptr_t *written;    /* while planning: sorted addresses in base of every value a draw writes */
    size_t nwritten;
    uint32_t *drawn;       /* [G * Z] bit f: a draw writes into series f of the cell (JZ_CELL_SERIES order) */
    int planned;           /* 0: jz_unc_apply (targets overlap in different shapes) */
    int nplaces, nsums;
    wplace *place;         /* sorted by address */
    int *scale;
    wsum *sums;
    int *gplace;           /* [G + 1] the places of gemeente g's cells: place[gplace[g] .. gplace[g + 1] - 1];
                              place[0 .. gplace[0] - 1] are the shared ones */
    int *gsum;             /* [G + 1] the same for sums (those of cells only) */
    unsigned char *start;  /* [G] checked[g] before a draw's values are looked at */
    unsigned char *probe;  /* [G] the vouched gemeenten as given (for the unplanned writer) */
};

/* A target as the writer sorts it. */
typedef struct tref {
    const double *p; /* its first value in base */
    int n, stride, input, k, op;
    const jz_unc_target *t;
} tref;

static int tref_cmp(const void *a, const void *b)
{
    const tref *x = a, *y = b;
    if (x->p != y->p)
        return x->p < y->p ? -1 : 1;
    if (x->n != y->n)
        return x->n < y->n ? -1 : 1;
    if (x->stride != y->stride)
        return x->stride < y->stride ? -1 : 1;
    if (x->input != y->input)
        return x->input < y->input ? -1 : 1;
    return (x->k > y->k) - (x->k < y->k);
}

static int addr_cmp(const void *a, const void *b)
{
    uintptr_t x = *(const uintptr_t *)a, y = *(const uintptr_t *)b;
    return (x > y) - (x < y);
}

static int sum_cmp(const void *a, const void *b)
{
    const wsum *x = a, *y = b;
    if (x->cell != y->cell)
        return x->cell < y->cell ? -1 : 1;
    return (x->y > y->y) - (x->y < y->y);
}

void jz_unc_writer_free(jz_unc_writer *wr)
{
    if (!wr)
        return;
    free(wr->written);
    free(wr->drawn);
    free(wr->place);
    free(wr->scale);
    free(wr->sums);
    free(wr->gplace);
    free(wr->gsum);
    free(wr->start);
    free(wr->probe);
    free(wr);
}

/* Group the sorted targets into places; 0, or -1 when out of memory. */
static int group(jz_unc_writer *wr, const tref *r, size_t nr)
{
    wr->place = malloc((nr ? nr : 1) * sizeof *wr->place);
    wr->scale = malloc((nr ? nr : 1) * sizeof *wr->scale);
    if (!wr->place || !wr->scale)
        return -1;
    int ns = 0;
    for (size_t a = 0; a < nr;) {
        size_t b = a;
        while (b < nr && r[b].p == r[a].p && r[b].n == r[a].n && r[b].stride == r[a].stride)
            b++;
        wplace *pl = &wr->place[wr->nplaces++];
        memset(pl, 0, sizeof *pl);
        pl->t = *r[a].t;
        if (pl->t.kind == JZ_TGT_BLOCK) { /* the offset of the first value written (at()) */
            pl->t.offset += (size_t)pl->t.first * (size_t)pl->t.stride;
            pl->t.first = 0;
        }
        pl->set = -1;
        pl->scale0 = ns;
        pl->g = -1;
        pl->home = -1;
        pl->cell = -1;
        for (size_t i = a; i < b; i++) {
            if (r[i].op == JZ_TGT_SET)
                pl->set = r[i].input; /* the last SET wins, as in jz_unc_apply */
            else
                wr->scale[ns++] = r[i].input;
        }
        pl->nscale = ns - pl->scale0;
        a = b;
    }
    return 0;
}

/* 1 when two places share a value (then no per-place order is jz_unc_apply's);
 * -1 when out of memory.  Keeps the sorted addresses in wr->written. */
static int overlap(jz_unc_writer *wr, const tref *r, size_t nr)
{
    size_t total = 0;
    for (size_t i = 0; i < nr; i++) {
        if (r[i].n > 1 && r[i].stride < 1)
            return 1;
        if (i > 0 && r[i].p == r[i - 1].p && r[i].n == r[i - 1].n && r[i].stride == r[i - 1].stride)
            continue; /* the same place */
        total += (size_t)(r[i].n > 0 ? r[i].n : 0);
    }
    uintptr_t *a = malloc((total ? total : 1) * sizeof *a);
    if (!a)
        return -1;
    size_t m = 0;
    for (size_t i = 0; i < nr; i++) {
        if (i > 0 && r[i].p == r[i - 1].p && r[i].n == r[i - 1].n && r[i].stride == r[i - 1].stride)
            continue;
        for (int j = 0; j < r[i].n; j++)
            a[m++] = (uintptr_t)(r[i].p + (size_t)j * (size_t)r[i].stride);
    }
    qsort(a, m, sizeof *a, addr_cmp);
    int dup = 0;
    for (size_t i = 1; i < m && !dup; i++)
        dup = a[i] == a[i - 1];
    wr->written = a;
    wr->nwritten = m;
    return dup;
}

/* The least and the greatest of a place's base values (write_places reads
 * them instead of every value a draw writes); NaN for both when a value is
 * NaN, so that no draw passes (NaN times any factor is NaN). */
static void base_range(wplace *pl, const double *first)
{
    double lo = first[0], hi = first[0];
    for (int j = 0; j < pl->t.n; j++) {
        const double v = first[(size_t)j * (size_t)pl->t.stride];
        if (v != v) {
            lo = hi = v;
            break;
        }
        lo = v < lo ? v : lo;
        hi = v > hi ? v : hi;
    }
    pl->bmin = lo;
    pl->bmax = hi;
}

/* pl->cell, member, index when the place starts in one of cell c's series
 * (b, in base; H years, Z zorgsoorten). */
static void series_of(wplace *pl, const jz_cell *b, int c, const double *first, size_t H, int Z)
{
#define SERIES_OF_(field, width, extend) \
    if (first >= b->field && first < b->field + (size_t)(width) * H) { \
        pl->cell = c; \
        pl->member = offsetof(jz_cell, field); \
        pl->index = (size_t)(first - b->field); \
        return; \
    }
    JZ_CELL_SERIES(SERIES_OF_)
#undef SERIES_OF_
}

/* The rule of every place, the cell-years of the fraction sum, and which
 * gemeenten a draw can vouch for.  0, or -1 when out of memory. */
static int rules(jz_unc_writer *wr, const jz_scenario *base, const unsigned char *vouched)
{
    const int G = base->n_gemeenten, Z = base->n_zorgsoorten;
    size_t nspan = 0;
    jz_value_span *spans = jz_value_spans(base, &nspan);
    unsigned char *unknown = calloc((size_t)G, 1), *has_rule = calloc((size_t)G, 1);
    size_t cap = 0;
    for (int i = 0; i < wr->nplaces; i++)
        cap += (size_t)wr->place[i].t.n;
    wr->sums = malloc((cap ? cap : 1) * sizeof *wr->sums);
    if (!spans || !unknown || !has_rule || !wr->sums) {
        free(spans);
        free(unknown);
        free(has_rule);
        return -1;
    }
    int all_unknown = 0;
    for (int i = 0; i < wr->nplaces; i++) {
        wplace *pl = &wr->place[i];
        if (pl->t.n < 1)
            continue;
        const double *first = jz_unc_target_at((jz_scenario *)base, &pl->t);
        const double *last = first + (size_t)(pl->t.n - 1) * (size_t)pl->t.stride;
        const jz_value_span *sp = jz_value_span_at(spans, nspan, first);
        if (sp && sp->cell >= 0 && jz_value_span_at(spans, nspan, last) == sp) {
            pl->home = sp->g; /* within one cell */
            if (pl->t.kind == JZ_TGT_BLOCK)
                series_of(pl, &base->cells[sp->cell], sp->cell, first, (size_t)base->meta.horizon, Z);
        }
        if (!sp || jz_value_span_at(spans, nspan, last) != sp) {
            /* not an input array the checks know: its gemeente, or every
             * gemeente, is checked in full on every draw */
            if (sp && sp->g >= 0)
                unknown[sp->g] = 1;
            else
                all_unknown = 1;
            continue;
        }
        if (!sp->checked)
            continue;
        pl->g = sp->g;
        pl->lo = sp->lo;
        pl->hi = sp->hi;
        base_range(pl, first);
        has_rule[sp->g] = 1;
        if (sp->sum == JZ_SUM_NONE)
            continue;
        for (int j = 0; j < pl->t.n; j++) {
            size_t e = (size_t)(first + (size_t)j * (size_t)pl->t.stride - sp->p);
            wsum *w = &wr->sums[wr->nsums++];
            w->g = sp->g;
            w->cell = sp->cell;
            w->y = (int)(sp->sum == JZ_SUM_TRANSITION ? e / (size_t)Z : e);
        }
    }
    if (wr->nsums > 1) { /* each cell-year once */
        qsort(wr->sums, (size_t)wr->nsums, sizeof *wr->sums, sum_cmp);
        int k = 1;
        for (int i = 1; i < wr->nsums; i++)
            if (wr->sums[i].cell != wr->sums[k - 1].cell || wr->sums[i].y != wr->sums[k - 1].y)
                wr->sums[k++] = wr->sums[i];
        wr->nsums = k;
    }
    for (int g = 0; g < G; g++) {
        /* a gemeente the probe fails has a checked value a draw writes: if
         * none of the places has a rule for it, the rules missed one */
        if (vouched && !vouched[g] && !has_rule[g])
            unknown[g] = 1;
        wr->start[g] = (vouched && vouched[g]) || !(unknown[g] || all_unknown);
    }
    free(spans);
    free(unknown);
    free(has_rule);
    return 0;
}

/* The places in the order a draw writes them: the shared ones first, then
 * gemeente by gemeente (each part still by address), so that a run can
 * have gemeente g's values written just before it projects g; the sums
 * (sorted by cell) split the same way.  0, or -1 when out of memory. */
static int by_gemeente(jz_unc_writer *wr)
{
    const int G = wr->G;
    wr->gplace = calloc((size_t)G + 1, sizeof *wr->gplace);
    wr->gsum = calloc((size_t)G + 1, sizeof *wr->gsum);
    wplace *sorted = malloc((size_t)(wr->nplaces ? wr->nplaces : 1) * sizeof *sorted);
    if (!wr->gplace || !wr->gsum || !sorted) {
        free(sorted);
        return -1;
    }
    /* counting sort on home + 1 (stable: the address order within a part) */
    int *at = calloc((size_t)G + 2, sizeof *at);
    if (!at) {
        free(sorted);
        return -1;
    }
    for (int i = 0; i < wr->nplaces; i++)
        at[wr->place[i].home + 2]++;
    for (int g = 0; g <= G; g++)
        at[g + 1] += at[g];
    for (int g = 0; g <= G; g++)
        wr->gplace[g] = at[g + 1]; /* where gemeente g's part starts (g = G: the end) */
    for (int i = 0; i < wr->nplaces; i++)
        sorted[at[wr->place[i].home + 1]++] = wr->place[i];
    free(at);
    free(wr->place);
    wr->place = sorted;
    for (int g = 0, k = 0; g <= G; g++) {
        while (k < wr->nsums && wr->sums[k].g < g)
            k++;
        wr->gsum[g] = k;
    }
    return 0;
}

/* 1 when a draw writes a value in p[0 .. n-1] of base. */
static int writes_into(const jz_unc_writer *wr, const double *p, size_t n)
{
    uintptr_t from = (uintptr_t)p, to = (uintptr_t)(p + n);
    size_t lo = 0, hi = wr->nwritten; /* the first written address >= from */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (wr->written[mid] < from)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < wr->nwritten && wr->written[lo] < to;
}

/* wr->drawn from wr->written, which is then freed (it is ~8 bytes per
 * value a draw writes; the bits are 4 bytes per cell).  0 or -1. */
#define COUNT_SERIES_(field, width, extend) +1
_Static_assert(0 JZ_CELL_SERIES(COUNT_SERIES_) <= 32, "one bit per cell series in jz_unc_writer.drawn");
#undef COUNT_SERIES_
static int drawn_series(jz_unc_writer *wr, const jz_scenario *base)
{
    const int Z = base->n_zorgsoorten;
    const size_t H = (size_t)base->meta.horizon, nc = (size_t)base->n_gemeenten * (size_t)Z;
    wr->drawn = calloc(nc ? nc : 1, sizeof *wr->drawn);
    if (!wr->drawn)
        return -1;
    for (size_t c = 0; c < nc; c++) {
        const jz_cell *b = &base->cells[c];
        uint32_t bit = 1, m = 0;
#define DRAWN_(field, width, extend) \
        if (writes_into(wr, b->field, (size_t)(width) * H)) \
            m |= bit; \
        bit <<= 1;
        JZ_CELL_SERIES(DRAWN_)
#undef DRAWN_
        wr->drawn[c] = m;
    }
    free(wr->written);
    wr->written = NULL;
    wr->nwritten = 0;
    return 0;
}

jz_unc_writer *jz_unc_writer_alloc(const jz_scenario *base, const unsigned char *vouched)
{
    jz_unc_writer *wr = calloc(1, sizeof *wr);
    if (!wr)
        return NULL;
    const int G = base->n_gemeenten;
    wr->G = G;
    wr->start = calloc((size_t)G, 1);
    wr->probe = calloc((size_t)G, 1);
    size_t nr = 0;
    for (int i = 0; i < base->n_uncertain; i++)
        nr += (size_t)base->uncertain[i].n_targets;
    tref *r = malloc((nr ? nr : 1) * sizeof *r);
    if (!wr->start || !wr->probe || !r) {
        free(r);
        jz_unc_writer_free(wr);
        return NULL;
    }
    if (vouched)
        memcpy(wr->probe, vouched, (size_t)G);
    size_t m = 0;
    for (int i = 0; i < base->n_uncertain; i++)
        for (int k = 0; k < base->uncertain[i].n_targets; k++) {
            const jz_unc_target *t = &base->uncertain[i].targets[k];
            r[m++] = (tref){jz_unc_target_at((jz_scenario *)base, t), t->n, t->stride, i, k, t->op, t};
        }
    qsort(r, nr, sizeof *r, tref_cmp);
    int ov = overlap(wr, r, nr);
    int rc = ov < 0 ? -1 : 0;
    if (ov == 0) {
        wr->planned = 1;
        rc = group(wr, r, nr);
        if (rc == 0)
            rc = rules(wr, base, vouched);
        if (rc == 0)
            rc = by_gemeente(wr);
        if (rc == 0)
            rc = drawn_series(wr, base);
    } else {
        /* overlapping shapes: jz_unc_apply writes the draws, and the
         * sorted addresses (8 bytes per value written) are not needed */
        free(wr->written);
        wr->written = NULL;
        wr->nwritten = 0;
    }
    free(r);
    if (rc) {
        jz_unc_writer_free(wr);
        return NULL;
    }
    return wr;
}

/* The first value of place pl in s (a block offset without a call): in
 * base, or in a full copy. */
static inline double *at(jz_scenario *s, const wplace *pl)
{
    return pl->t.kind == JZ_TGT_BLOCK ? s->block + pl->t.offset : jz_unc_target_at(s, &pl->t);
}

/* The same in a copy that may hold only the series a draw writes
 * (jz_unc_writer_copy): a cell's series through the cell's pointer. */
static inline double *at_copy(jz_scenario *copy, const wplace *pl)
{
    if (pl->cell >= 0)
        return *(double **)((char *)&copy->cells[pl->cell] + pl->member) + pl->index;
    return at(copy, pl);
}

/* The places are far apart in memory (a cell's arrays every few KiB), too
 * far for the hardware to guess the next one: ask for the values of the
 * place PREFETCH ahead, in base and in the copy, while this one is
 * written. */
#define PREFETCH 8
static inline void prefetch(const wplace *pl, const jz_scenario *base, jz_scenario *copy)
{
#if defined(__GNUC__)
    if (pl->t.kind != JZ_TGT_BLOCK || pl->t.n < 1)
        return;
    const double *from = base->block + pl->t.offset, *to = at_copy(copy, pl);
    size_t last = (size_t)(pl->t.n - 1) * (size_t)pl->t.stride;
    __builtin_prefetch(from, 0);
    __builtin_prefetch(from + last, 0);
    __builtin_prefetch(to, 1);
    __builtin_prefetch(to + last, 1);
#else
    (void)pl, (void)base, (void)copy;
#endif
}

/* The values of one place, to[0], to[st], ...: in their own loops, so that
 * the usual place (st = 1) is written with vector instructions; the same
 * operations on each value as jz_unc_apply (a product of two doubles is
 * the same in a vector lane). */
static inline void put_set(double *restrict to, size_t n, size_t st, double v)
{
    if (st == 1)
        for (size_t j = 0; j < n; j++)
            to[j] = v;
    else
        for (size_t j = 0; j < n; j++)
            to[j * st] = v;
}

static inline void put_scaled(double *restrict to, const double *restrict from, size_t n, size_t st, double f)
{
    if (st == 1)
        for (size_t j = 0; j < n; j++)
            to[j] = from[j] * f;
    else
        for (size_t j = 0; j < n; j++)
            to[j * st] = from[j * st] * f;
}

static inline void put_times(double *restrict to, size_t n, size_t st, double f)
{
    if (st == 1)
        for (size_t j = 0; j < n; j++)
            to[j] *= f;
    else
        for (size_t j = 0; j < n; j++)
            to[j * st] *= f;
}

/* The least and the greatest value after one more factor f: a product
 * rounds monotonically (x <= y gives x f <= y f for f >= 0, and >= for
 * f < 0), so the extremes of the products are the products of the
 * extremes, swapped for a negative f.  A NaN f or a NaN extreme gives NaN,
 * which no range holds; so does an infinite extreme times 0, as the value
 * itself would be. */
static inline void range_times(double *lo, double *hi, double f)
{
    const double a = *lo * f, b = *hi * f;
    *lo = f < 0.0 ? b : a;
    *hi = f < 0.0 ? a : b;
}

/* Places [i0, i1) of the plan into copy, and the range check of each: from
 * the extremes of the base's values (or the value SET) times the same
 * factors, the same decision as a look at every value written, for the
 * price of one. */
static void write_places(const jz_unc_writer *wr, const jz_scenario *base, jz_scenario *copy,
                         const double *x, unsigned char *checked, int i0, int i1)
{
    for (int i = i0; i < i1; i++) {
        const wplace *pl = &wr->place[i];
        const size_t st = (size_t)pl->t.stride, n = (size_t)pl->t.n;
        if (i + PREFETCH < i1)
            prefetch(&wr->place[i + PREFETCH], base, copy);
        double *to = at_copy(copy, pl);
        double lo, hi; /* the least and the greatest value written */
        int s = 0;
        if (pl->set >= 0) {
            put_set(to, n, st, x[pl->set]);
            lo = hi = x[pl->set];
        } else {
            /* restore and the first factor in one pass: base * f1 */
            const int in = wr->scale[pl->scale0];
            const double f = x[in] / base->uncertain[in].dist.point; /* as jz_unc_apply */
            put_scaled(to, at((jz_scenario *)base, pl), n, st, f);
            lo = pl->bmin;
            hi = pl->bmax;
            range_times(&lo, &hi, f);
            s = 1;
        }
        for (; s < pl->nscale; s++) {
            const int in = wr->scale[pl->scale0 + s];
            const double f = x[in] / base->uncertain[in].dist.point;
            put_times(to, n, st, f);
            range_times(&lo, &hi, f);
        }
        if (pl->g >= 0 && checked && checked[pl->g] && n > 0 && !(lo >= pl->lo && hi <= pl->hi))
            checked[pl->g] = 0;
    }
}

void jz_unc_writer_apply_shared(const jz_unc_writer *wr, const jz_scenario *base, jz_scenario *copy,
                                const double *x, unsigned char *checked)
{
    if (!wr->planned) { /* all of the draw: jz_unc_writer_apply_gemeente has nothing left */
        jz_unc_apply(base, copy, x);
        if (checked)
            memcpy(checked, wr->probe, (size_t)wr->G);
        return;
    }
    if (checked)
        memcpy(checked, wr->start, (size_t)wr->G);
    write_places(wr, base, copy, x, checked, 0, wr->gplace[0]);
}

void jz_unc_writer_apply_gemeente(const jz_unc_writer *wr, const jz_scenario *base, jz_scenario *copy,
                                  const double *x, unsigned char *checked, int g)
{
    if (!wr->planned || g < 0 || g >= wr->G)
        return;
    write_places(wr, base, copy, x, checked, wr->gplace[g], wr->gplace[g + 1]);
    /* after every place of g: a cell-year's transitions and re-entry may
     * be two places */
    if (checked && checked[g])
        for (int i = wr->gsum[g]; i < wr->gsum[g + 1]; i++)
            if (!jz_fractions_ok(copy, wr->sums[i].cell, wr->sums[i].y)) {
                checked[g] = 0;
                break;
            }
}

void jz_unc_writer_apply(const jz_unc_writer *wr, const jz_scenario *base, jz_scenario *copy,
                         const double *x, unsigned char *checked)
{
    jz_unc_writer_apply_shared(wr, base, copy, x, checked);
    for (int g = 0; wr->planned && g < wr->G; g++)
        jz_unc_writer_apply_gemeente(wr, base, copy, x, checked, g);
}

jz_scenario *jz_unc_writer_copy(const jz_unc_writer *wr, const jz_scenario *base)
{
    /* a writer that falls back on jz_unc_apply writes by block offset */
    return jz_scenario_copy_owning(base, wr->planned ? wr->drawn : NULL);
}

size_t jz_unc_writer_copy_bytes(const jz_unc_writer *wr, const jz_scenario *base)
{
    return jz_scenario_size_owning(base, wr->planned ? wr->drawn : NULL);
}

void jz_unc_writer_share(const jz_unc_writer *wr, const jz_scenario *base, jz_scenario *copy)
{
    if (!wr->planned)
        return;
    const size_t nc = (size_t)base->n_gemeenten * (size_t)base->n_zorgsoorten;
    for (size_t c = 0; c < nc; c++) {
        const jz_cell *b = &base->cells[c];
        jz_cell *d = &copy->cells[c];
        uint32_t bit = 1;
#define SHARE_(field, width, extend) \
        if (!(wr->drawn[c] & bit)) \
            d->field = b->field; \
        bit <<= 1;
        JZ_CELL_SERIES(SHARE_)
#undef SHARE_
    }
}
