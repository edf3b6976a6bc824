/*
 * coef.c - the duration coefficients of one cell for every year of the
 * horizon, made at once in the cell's first year (flow.c, setup_cell_year).
 *
 * Every cell-year needs the coefficient set of (k, D, p, tau): stages,
 * zorgduur, ageing fraction and step (erlang.h).  k and tau are the same in
 * every year of a cell; D and p may change from year to year.  The sets
 * are kept in the workspace, one row of H per zorgsoort (w->coef), and
 * w->coef_use says which entry of the row year y reads.  Year y reads
 *
 *   - the entry of year y - 1 when its (D, p) are those of year y - 1 (a
 *     constant zorgduur is one set for the whole horizon);
 *   - its own entry when that already holds (k, D, p, tau): the same cell
 *     of the last gemeente or the last run had the same inputs in year y
 *     (zorgsoort defaults, or a draw that leaves this zorgduur alone);
 *   - otherwise its own entry, computed here, JZ_LANES years at a time
 *     (erlang_lanes.c: lane by lane the doubles jz_erlang_step gives).
 *
 * A set is a pure function of (k, D, p, tau), so where it comes from does
 * not change a bit of the run.  A year whose inputs jz_erlang_step rejects
 * reads -1, and the run stops in that year, as before.
 */
#include "model/erlang_lanes.h"
#include "model/internal.h"

/* Compute the entries of row listed in years[0..n-1] (n <= JZ_LANES); a
 * rejected one is marked -1 in use. */
static void compute(jz_erlang *row, int *use, const int *years, int n, int k, const double *D,
                    const double *p, double tau)
{
    double Dl[JZ_LANES], pl[JZ_LANES];
    for (int l = 0; l < JZ_LANES; l++) {
        int y = years[l < n ? l : 0]; /* spare lanes repeat the first */
        Dl[l] = D[y];
        pl[l] = p[y];
    }
    jz_erlang_lanes v;
    unsigned bad = jz_erlang_step_lanes(&v, k, Dl, pl, tau);
    for (int l = 0; l < n; l++) {
        if (bad >> l & 1u)
            use[years[l]] = -1;
        else
            jz_erlang_from_lane(&row[years[l]], &v, l, k, Dl[l], pl[l], tau);
    }
}

void jz_coef_cell(jz_workspace *w, int z, int k, const double *D, const double *p, double tau)
{
    const int H = w->H;
    jz_erlang *row = w->coef + (size_t)z * (size_t)H;
    int *use = w->coef_use + (size_t)z * (size_t)H;
    int todo[JZ_LANES], n = 0;
    for (int y = 0; y < H; y++) {
        if (y > 0 && D[y] == D[y - 1] && p[y] == p[y - 1]) {
            use[y] = use[y - 1]; /* the entry the previous year reads */
            continue;
        }
        use[y] = y;
        if (jz_erlang_same(&row[y], k, D[y], p[y], tau))
            continue;
        todo[n++] = y;
        if (n == JZ_LANES) {
            compute(row, use, todo, n, k, D, p, tau);
            n = 0;
        }
    }
    if (n > 0)
        compute(row, use, todo, n, k, D, p, tau);
    /* a year reading a rejected entry of an earlier year is rejected too
     * (use[y] < y only for such repeats; entries are final by now) */
    for (int y = 1; y < H; y++)
        if (use[y] >= 0 && use[y] < y && use[use[y]] < 0)
            use[y] = -1;
}
