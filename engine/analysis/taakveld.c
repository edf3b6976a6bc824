/*
 * taakveld.c - the totals of a result per Iv3 taakveld (jzsim/taakveld.h):
 * the sum of the zorgsoorten that the scenario maps to each taakveld.
 */
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "jzsim/taakveld.h"

/* The metric arrays are one block, in the order of JZ_TAAKVELD_METRICS:
 * a national region's are ~1 MB, which jz_big_calloc maps in a huge page
 * instead of ~250 page faults. */
#define COUNT_(f) +1
enum { METRICS = 0 JZ_TAAKVELD_METRICS(COUNT_) };
#undef COUNT_

static size_t metric_cells(const jz_taakveld_totals *t)
{
    return (size_t)(t->n_gemeenten + 1) * (size_t)(t->n > 0 ? t->n : 1) * (size_t)t->horizon;
}

const char *const jz_taakveld_codes[JZ_TAAKVELD_N] = {"6.1", "6.71", "6.72", "6.73", "6.74", "6.81", "6.82"};

const char *jz_taakveld_key(int code)
{
    return code >= 0 && code < JZ_TAAKVELD_N ? jz_taakveld_codes[code] : "overig";
}

int jz_taakveld_index(const char *code)
{
    for (int i = 0; code && i < JZ_TAAKVELD_N; i++)
        if (strcmp(code, jz_taakveld_codes[i]) == 0)
            return i;
    return -1;
}

void jz_taakveld_totals_free(jz_taakveld_totals *t)
{
    if (!t)
        return;
    double *block = NULL; /* the first metric's array starts the block */
#define FIRST_(f) if (!block) block = t->f;
    JZ_TAAKVELD_METRICS(FIRST_)
#undef FIRST_
    jz_big_free(block, METRICS * metric_cells(t), sizeof(double));
    free(t->beyond);
    free(t);
}

int jz_taakveld_totals_alloc(const jz_scenario *s, const jz_result *r, jz_taakveld_totals **out,
                             jz_error *err)
{
    *out = NULL;
    jz_taakveld_totals *t = calloc(1, sizeof *t);
    if (!t)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    const int Z = r->n_zorgsoorten, G1 = r->n_gemeenten + 1, H = r->horizon;
    /* each zorgsoort's taakveld looked up once, not per gemeente and year
     * (a national region asked ~200,000 times) */
    int *tv = malloc((size_t)(Z > 0 ? Z : 1) * sizeof *tv);
    if (!tv) {
        free(t);
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
    for (int z = 0; z < Z; z++)
        tv[z] = jz_taakveld_index(s->zorgsoorten[z].taakveld);
    /* fixed lines booked on a taakveld (the wijkteam on 6.1): their taakveld
     * is listed as one with a zorgsoort is */
    int fixed_on[JZ_TAAKVELD_N] = {0}, any_fixed_on = 0;
    for (int g = 0; g < s->n_gemeenten; g++)
        for (int f = 0; f < s->gemeenten[g].n_fixed; f++) {
            const int c = jz_taakveld_index(s->gemeenten[g].fixed[f].taakveld);
            if (c >= 0)
                fixed_on[c]++, any_fixed_on = 1;
        }
    int slot[JZ_TAAKVELD_N];
    for (int c = 0; c < JZ_TAAKVELD_N; c++) {
        slot[c] = -1;
        for (int z = 0; z < Z; z++)
            if (tv[z] == c) {
                if (slot[c] < 0) {
                    slot[c] = t->n;
                    t->code[t->n++] = c;
                }
                t->n_zorgsoorten[slot[c]]++;
            }
        if (fixed_on[c] && slot[c] < 0) {
            slot[c] = t->n;
            t->code[t->n++] = c;
        }
    }
    t->n_gemeenten = r->n_gemeenten;
    t->horizon = H;
    /* the fixed lines' cost and budget per gemeente (the region: their sum)
     * and year, by taakveld: [(g * (JZ_TAAKVELD_N + 1) + c) * H + y], c =
     * JZ_TAAKVELD_N for the lines without one; only when a line is on a
     * taakveld (else the result's g_fixed_* hold it all, as before) */
    const size_t lines = (size_t)G1 * (JZ_TAAKVELD_N + 1) * (size_t)H;
#define FIX_AT_(g, c, y) (((size_t)(g) * (JZ_TAAKVELD_N + 1) + (size_t)(c)) * (size_t)H + (size_t)(y))
    double *fix_cost = NULL, *fix_budget = NULL;
    if (any_fixed_on) {
        fix_cost = calloc(2 * lines + 2 * (size_t)H, sizeof(double));
        if (!fix_cost) {
            free(tv);
            jz_taakveld_totals_free(t);
            return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        }
        fix_budget = fix_cost + lines;
        double *lc = fix_budget + lines, *lb = lc + H;
        const int R = r->n_gemeenten; /* the region's slot */
        for (int g = 0; g < s->n_gemeenten; g++)
            for (int f = 0; f < s->gemeenten[g].n_fixed; f++) {
                const int c0 = jz_taakveld_index(s->gemeenten[g].fixed[f].taakveld);
                const size_t c = c0 >= 0 ? (size_t)c0 : JZ_TAAKVELD_N;
                jz_fixed_line_years(s, g, f, lc, lb);
                for (int y = 0; y < H; y++) {
                    const size_t o = FIX_AT_(g, c, y), reg = FIX_AT_(R, c, y);
                    fix_cost[o] += lc[y];
                    fix_budget[o] += lb[y];
                    fix_cost[reg] += lc[y];
                    fix_budget[reg] += lb[y];
                }
            }
    }
    /* the line outside the taakvelden: what the gemeente total holds beyond
     * the taakvelden (money_lines.h, regio.c), summed from its own parts
     * rather than taken as total - sum of the taakvelden, so that a part
     * that is 0 is an exact 0 (fixed lines without a budget of their own
     * have a tekort of exactly 0; a residue of -1.9e-9 read as "-0"); kept
     * only when it holds something */
    const size_t gh = (size_t)G1 * (size_t)H;
    double *out_cy = NULL, *out_cost = NULL, *out_budget = NULL, *out_tekort = NULL, *out_beyond = NULL;
    int outside = 0;
    if (t->n > 0) {
        out_cy = calloc(5 * gh, sizeof(double));
        if (!out_cy) {
            free(fix_cost);
            free(tv);
            jz_taakveld_totals_free(t);
            return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        }
        out_cost = out_cy + gh;
        out_budget = out_cost + gh;
        out_tekort = out_budget + gh;
        out_beyond = out_tekort + gh;
        for (int g = 0; g < G1; g++)
            for (int y = 0; y < H; y++) {
                size_t gy = jz_result_gy(r, g, y), o = (size_t)g * (size_t)H + (size_t)y;
                double cy = 0.0, cost = 0.0, budget = 0.0, tekort = 0.0; /* of the zorgsoorten outside */
                for (int z = 0; z < Z; z++) {
                    size_t i = jz_result_cz(r, g, z, y);
                    if (tv[z] >= 0)
                        continue;
                    cy += r->client_years[i];
                    cost += r->cost[i];
                    budget += r->budget[i];
                    tekort += r->tekort[i];
                }
                /* g_cost = care + what lies beyond it; g_budget = care + the
                 * fixed lines' budget; of the fixed lines only those on no
                 * taakveld, when some are on one */
                double beyond = jz_result_cost_beyond_care(r, gy), fixed_budget = r->g_fixed_budget[gy];
                if (any_fixed_on) {
                    const size_t u = FIX_AT_(g, JZ_TAAKVELD_N, y);
                    beyond = 0;
#define BEYOND_(field, key) beyond += strcmp(key, "fixed_cost") == 0 ? fix_cost[u] : r->field[gy];
                    JZ_RESULT_COST_BEYOND_CARE_LINES(BEYOND_)
#undef BEYOND_
                    fixed_budget = fix_budget[u];
                }
                out_cy[o] = cy;
                out_beyond[o] = beyond;
                out_cost[o] = cost + beyond;
                out_budget[o] = budget + fixed_budget;
                out_tekort[o] = tekort + (beyond - fixed_budget);
                if (cy != 0.0 || out_cost[o] != 0.0 || out_budget[o] != 0.0 || out_tekort[o] != 0.0)
                    outside = 1;
            }
        if (outside) {
            for (int z = 0; z < Z; z++)
                t->n_zorgsoorten[t->n] += tv[z] < 0;
            t->code[t->n++] = JZ_TAAKVELD_OUTSIDE;
        }
    }
    size_t cells = metric_cells(t);
    double *block = jz_big_calloc(METRICS * cells, sizeof(double)), *p = block;
    if (block) {
#define TAKE_(f) t->f = p; p += cells;
        JZ_TAAKVELD_METRICS(TAKE_)
#undef TAKE_
        t->beyond = calloc(cells, sizeof(double));
    }
    if (!block || !t->beyond) {
        free(fix_cost);
        free(out_cy);
        free(tv);
        jz_taakveld_totals_free(t);
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
    for (int g = 0; g < G1; g++)
        for (int z = 0; z < Z; z++) {
            int c = tv[z];
            if (c < 0)
                continue;
            for (int y = 0; y < H; y++) {
                size_t i = jz_result_cz(r, g, z, y), k = jz_taakveld_at(t, g, slot[c], y);
#define SUM_(f) t->f[k] += r->f[i];
                JZ_TAAKVELD_METRICS(SUM_)
#undef SUM_
            }
        }
    /* the fixed lines on a taakveld: cost, budget and their difference in
     * the tekort, as the run counts them in g_tekort */
    for (int c = 0; any_fixed_on && c < JZ_TAAKVELD_N; c++)
        for (int g = 0; fixed_on[c] && g < G1; g++)
            for (int y = 0; y < H; y++) {
                const size_t i = FIX_AT_(g, c, y), k = jz_taakveld_at(t, g, slot[c], y);
                t->cost[k] += fix_cost[i];
                t->beyond[k] = fix_cost[i];
                t->budget[k] += fix_budget[i];
                t->tekort[k] += fix_cost[i] - fix_budget[i];
            }
#undef FIX_AT_
    free(fix_cost);
    if (outside)
        for (int g = 0; g < G1; g++)
            for (int y = 0; y < H; y++) {
                size_t o = (size_t)g * (size_t)H + (size_t)y, k = jz_taakveld_at(t, g, t->n - 1, y);
                t->client_years[k] = out_cy[o];
                t->cost[k] = out_cost[o];
                t->beyond[k] = out_beyond[o];
                t->budget[k] = out_budget[o];
                t->tekort[k] = out_tekort[o];
            }
    free(out_cy);
    free(tv);
    const jz_taakveld_totals *one = t;
    jz_taakveld_list_make(&one, 1, &t->list);
    *out = t;
    return JZ_OK;
}

int jz_taakveld_list_has_outside(const jz_taakveld_list *l)
{
    return l->n > 0 && l->code[l->n - 1] == JZ_TAAKVELD_OUTSIDE;
}

int jz_taakveld_slot(const jz_taakveld_totals *t, int code)
{
    for (int k = 0; t && k < t->n; k++)
        if (t->code[k] == code)
            return k;
    return -1;
}

/* Whether line k of t has a cost, begroting or tekort other than 0 in some
 * gemeente (or the total) and year. */
static int holds_money(const jz_taakveld_totals *t, int k)
{
    for (int g = 0; g <= t->n_gemeenten; g++)
        for (int y = 0; y < t->horizon; y++) {
            size_t i = jz_taakveld_at(t, g, k, y);
            if (t->cost[i] != 0.0 || t->budget[i] != 0.0 || t->tekort[i] != 0.0)
                return 1;
        }
    return 0;
}

void jz_taakveld_list_make(const jz_taakveld_totals *const *t, int n, jz_taakveld_list *l)
{
    int has[JZ_TAAKVELD_N + 1] = {0}, money[JZ_TAAKVELD_N + 1] = {0};
    for (int i = 0; i < n; i++)
        for (int k = 0; t[i] && k < t[i]->n; k++) {
            int c = t[i]->code[k];
            has[c] = 1;
            if (!money[c])
                money[c] = c == JZ_TAAKVELD_OUTSIDE || holds_money(t[i], k);
        }
    memset(l, 0, sizeof *l);
    for (int c = 0; c <= JZ_TAAKVELD_N; c++) {
        if (money[c])
            l->code[l->n++] = c;
        else if (has[c])
            l->empty[l->n_empty++] = c;
    }
}
