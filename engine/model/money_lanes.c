/*
 * money_lanes.c - money.c's jz_money_gemeente for JZ_LANES runs of one
 * gemeente at once (a Monte Carlo's draws side by side, lanes.h): prices,
 * cost, budget, tekort and its decomposition per cell-year, the fixed cost
 * lines and the gemeente-year lines, one vector operation doing one scalar
 * operation of every lane.
 *
 * Same bits as money.c.  Each lane reads its own inputs (a draw may change
 * any money input: cost, indexation, budget index, budget) and writes its
 * own result; the code below is money_cells and decompose with double
 * replaced by jz_lane, for the plain cells only, with the same products and
 * sums in the same order (no reduction across lanes, no reassociation, no
 * fused multiply-add: built with -ffp-contract=off, CMakeLists.txt; the
 * AVX2 clone does not enable FMA, simd.h).  tests/test_lanes.c compares
 * every figure with the scalar path bit for bit.
 *
 * The gemeente-year lines are money_lines.h's, shared with money.c; the
 * sums over the zorgsoorten are taken while the cells are made (each sum
 * still adds the zorgsoorten in order, from +0.0).
 *
 * Plain: no external shift in the gemeente, every zorgsoort paid by volume
 * in every year, no budget amount or nominal begroting, no measures, and
 * the lanes agree on which cells have a begroting, on the fixed lines
 * (how many, which have a budget), on whether there is a rijksbijdrage and
 * on where the startverschil counts.  Anything else returns 0 and money.c
 * does every lane on its own.  Without measures the Hervormingsagenda
 * lands nothing: money.c's land_ha then writes ha_saving = +0.0 and
 * changes nothing else, provided every care cost of the year is finite;
 * a lane with a care cost that is not leaves the lanes (money.c redoes it).
 */
#include <math.h>
#include <stdint.h>

#include "model/internal.h"
#include "model/lanes.h"
#include "model/money_lines.h"
#include "model/simd.h"


/* 1 when money_cells of gemeente g may run in lanes (see the top). */
static int plain(const jz_scenario *const *s, jz_workspace *const *w, int n, int g)
{
    const int Z = s[0]->n_zorgsoorten, H = s[0]->meta.horizon;
    for (int l = 0; l < n; l++) {
        const jz_gemeente *gm = &s[l]->gemeenten[g], *gm0 = &s[0]->gemeenten[g];
        if (s[l]->n_measures || gm->n_external || s[l]->n_zorgsoorten != Z || s[l]->meta.horizon != H ||
            gm->n_fixed != gm0->n_fixed || gm->has_rijksbijdrage != gm0->has_rijksbijdrage ||
            s[l]->meta.startverschil_beinvloedbaar != s[0]->meta.startverschil_beinvloedbaar)
            return 0;
        for (int f = 0; f < gm->n_fixed; f++)
            if (gm->fixed[f].has_budget != gm0->fixed[f].has_budget)
                return 0;
        for (int z = 0; z < Z; z++) {
            const jz_cell *c = &s[l]->cells[(size_t)g * (size_t)Z + (size_t)z];
            const jz_cell *c0 = &s[0]->cells[(size_t)g * (size_t)Z + (size_t)z];
            if ((w[l]->m_fin_mode[z] != JZ_FIN_VOLUME && w[l]->m_fin_from[z] < H) ||
                c->has_budget_amount || c->budget_nominal || c->has_budget != c0->has_budget)
                return 0;
        }
    }
    return 1;
}

/* The cells of one zorgsoort, every year, every lane: money_cells with
 * mode JZ_FIN_VOLUME, no external shift (ecy = eadd = ebud = incl = 0) and
 * decompose's volume branch; land_ha's ha_saving (+0.0 without measures);
 * each cell-year added into the year's sums, sums[y].  The volumes from
 * each lane's result, or from fig (the draws' figures of year y at
 * y * FIG_N, jz_lanes fig) when the results' slot is the scratch slot of
 * a rolling result: then only the cost is stored, which the region's
 * total reads (nothing reads the slot's other zorgsoort arrays). */
JZ_LANES_CLONES
static void cells_lanes(const jz_cell *const c[JZ_LANES], const double *const cost[JZ_LANES],
                        const double *const bf[JZ_LANES], jz_result *const *r,
                        const size_t i0[JZ_LANES], int n, int H, int has_budget, const jz_lane *fig,
                        jz_lane (*sums)[GYS_N], int first)
{
    const jz_lane zero = {0}, one = zero + 1.0;
    const double w0 = 1.0 / 3.0, w1 = 1.0 / 6.0, w2 = 1.0 / 3.0; /* shapley3's */
    jz_lane T = one, I = one;
    /* each lane's series, found once for all years (a lane beyond n reads
     * lane 0's: numbers that are computed but never stored) */
    enum { TI, TC, IT, BF, CY, BV, BP, VOL, N_IN = VOL + FIG_N }; /* VOL + FIG_*: the volumes */
    const double *in_p[N_IN][JZ_LANES];
    for (int l = 0; l < JZ_LANES; l++) {
        const int k = l < n ? l : 0;
        const jz_result *rk = r[k];
        const size_t i = i0[k];
        in_p[TI][l] = c[k]->tariff_index;
        in_p[TC][l] = c[k]->tariff_correction;
        in_p[IT][l] = c[k]->intensity_trend;
        in_p[BF][l] = bf[k];
        in_p[CY][l] = cost[k];
        in_p[BV][l] = c[k]->budget_volume; /* read only with a begroting */
        in_p[BP][l] = c[k]->budget_price;
#define VOL_(k, field) in_p[VOL + (k)][l] = rk->field + i;
        JZ_LANE_FIGURES(VOL_)
#undef VOL_
    }
#define GATHER_(v, f)                                   \
    jz_lane v;                                          \
    for (int l_ = 0; l_ < JZ_LANES; l_++)               \
        v[l_] = in_p[f][l_][y]
    for (int y = 0; y < H; y++) {
        GATHER_(ti, TI);
        GATHER_(tc, TC);
        GATHER_(it, IT);
        GATHER_(B, BF);
        GATHER_(cy, CY);
        /* the volumes: from fig, the same doubles as the results hold, as
         * vectors already; else gathered from the results */
        jz_lane vol[FIG_N];
        for (int k = 0; k < FIG_N; k++) {
            jz_lane v;
            if (fig)
                v = fig[(size_t)y * FIG_N + (size_t)k];
            else
                for (int l = 0; l < JZ_LANES; l++)
                    v[l] = in_p[VOL + k][l][y];
            vol[k] = v;
        }
        const jz_lane V = vol[FIG_CLIENT_YEARS], uq = vol[FIG_UNIQUE], st = vol[FIG_START], ie = vol[FIG_EXT],
                      ir = vol[FIG_REENTRY], en = vol[FIG_END], in = vol[FIG_IN], out = vol[FIG_OUT];
        jz_lane bv = zero, bp = zero;
        if (has_budget) {
            for (int l = 0; l < JZ_LANES; l++) {
                bv[l] = in_p[BV][l][y];
                bp[l] = in_p[BP][l][y];
            }
        }
        if (y > 0) {
            T *= (one + ti) * (one + tc);
            I *= one + it;
        }
        const jz_lane incl = zero, eadd = zero, ebud = zero;
        jz_lane price = cy * T * I;
        jz_lane care_cost = V * price;
        jz_lane incl_cost = incl * price;
        jz_lane real_spend = (V - incl) * cy * I;
        jz_lane care_budget = zero, budget_volume = zero, budget_price = zero;
        if (has_budget) {
            budget_volume = bv;
            budget_price = bp * B;
            care_budget = budget_volume * budget_price;
        }

        /* decompose(), volume financing */
        jz_lane Vd = V - incl;
        jz_lane g = T / B;
        jz_lane p0, p1, p2;
        if (has_budget) {
            const jz_lane a0 = bv, a1 = bp, a2 = one, b0 = Vd, b1 = cy * I, b2 = g;
            /* shapley3: f[S] with factor i at b when bit i of S is set */
            jz_lane f0 = a0 * a1 * a2, f1 = b0 * a1 * a2, f2 = a0 * b1 * a2, f3 = b0 * b1 * a2;
            jz_lane f4 = a0 * a1 * b2, f5 = b0 * a1 * b2, f6 = a0 * b1 * b2, f7 = b0 * b1 * b2;
            p0 = zero + w0 * (f1 - f0) + w1 * (f3 - f2) + w1 * (f5 - f4) + w2 * (f7 - f6);
            p1 = zero + w0 * (f2 - f0) + w1 * (f3 - f1) + w1 * (f6 - f4) + w2 * (f7 - f5);
            p2 = zero + w0 * (f4 - f0) + w1 * (f5 - f1) + w1 * (f6 - f2) + w2 * (f7 - f3);
        } else {
            /* no budget: the closed form, with A = 0 */
            const jz_lane S = real_spend, Am = zero, half = (one + g) / 2.0;
            p0 = (S - Am) * half;
            p1 = zero;
            p2 = (g - 1.0) * (S + Am) / 2.0;
        }
        jz_lane tariff = B * p2 + (B - 1.0) * (p0 + p1);

        jz_lane ext_cost = eadd + incl_cost;
        jz_lane total_cost = care_cost + eadd;
        jz_lane budget = care_budget + ebud;
        jz_lane per_client = LANE_PICK((jz_lane_mask)(uq > 0.0), total_cost / uq, zero);
        for (int l = 0; fig && l < n; l++) /* a scratch slot: only what the region adds up */
            r[l]->cost[i0[l] + (size_t)y] = total_cost[l];
        for (int l = 0; !fig && l < n; l++) {
            jz_result *rl = r[l];
            size_t i = i0[l] + (size_t)y;
            rl->price[i] = price[l];
            rl->budget_volume[i] = budget_volume[l];
            rl->budget_price[i] = budget_price[l];
            rl->dec_tariff[i] = tariff[l];
            rl->dec_volume[i] = p0[l];
            rl->dec_intensity[i] = p1[l];
            rl->dec_start[i] = 0.0;
            rl->ext_client_years[i] = 0.0;
            rl->ext_cost[i] = ext_cost[l];
            rl->ext_budget[i] = 0.0;
            rl->dec_external[i] = ext_cost[l] - ebud[l];
            rl->care_cost[i] = care_cost[l];
            rl->cost[i] = total_cost[l];
            rl->budget[i] = budget[l];
            rl->tekort[i] = total_cost[l] - budget[l];
            rl->cost_per_client[i] = per_client[l];
            rl->ha_saving[i] = 0.0;
        }
        const jz_lane dec_external = ext_cost - ebud, dec_start = zero;
        if (first) /* each sum from +0.0, as money.c's */
            for (int f = 0; f < GYS_N; f++)
                sums[y][f] = zero;
        JZ_GY_SUM(sums[y], st, ie, ir, V, total_cost, budget, en, in, out, tariff, dec_external, p0, p1,
                  dec_start);
    }
#undef GATHER_
}

/* The fixed lines and the gemeente-year lines of every year in every lane,
 * from the years' sums (money.c's money_fixed and the end of
 * money_gemeente_lines).  Returns the lanes done: bit l is 0 when
 * a care cost of lane l is not finite in some year (see the top); that
 * lane's figures here are then not those of money.c. */
JZ_LANES_CLONES
static unsigned lines_lanes(const jz_scenario *const *s, jz_workspace *const *w, jz_result *const *r,
                            int n, int g, int H, jz_lane (*sums)[GYS_N])
{
    const jz_lane zero = {0};
    /* the fixed lines, each line's factor compounding along the years */
    jz_lane fc[JZ_HORIZON_MAX], fb[JZ_HORIZON_MAX];
    for (int y = 0; y < H; y++)
        fc[y] = fb[y] = zero;
    const jz_gemeente *gm0 = &s[0]->gemeenten[g];
    for (int f = 0; f < gm0->n_fixed; f++) {
        const int has_budget = gm0->fixed[f].has_budget;
        jz_lane factor = zero + 1.0;
        for (int y = 0; y < H; y++) {
            jz_lane ind = zero, amount = zero, budget = zero;
            for (int l = 0; l < n; l++) {
                const jz_fixed_cost *x = &s[l]->gemeenten[g].fixed[f];
                ind[l] = x->indexation[y];
                amount[l] = x->amount[y];
                budget[l] = x->budget[y];
            }
            JZ_FIXED_YEAR(jz_lane, y, factor, ind, amount, has_budget, budget, fc[y], fb[y]);
        }
    }
    unsigned done = (1u << n) - 1u;
    for (int y = 0; y < H; y++) {
        jz_lane *a = sums[y];
        size_t gi[JZ_LANES];
        jz_lane transit = zero, ha = zero, ha_certain = zero, spread = zero, invest = zero, rijks = zero;
        for (int l = 0; l < n; l++) {
            const jz_workspace *wl = w[l];
            const int gs = jz_result_slot(wl, g);
            if (!isfinite(a[GYS_COST][l]))
                done &= ~(1u << l);
            gi[l] = jz_result_gy(r[l], gs, y);
            if (y > 0)
                transit[l] = r[l]->g_in_transit[jz_result_gy(r[l], gs, y - 1)];
            ha[l] = wl->m_ha[y];
            ha_certain[l] = wl->m_ha_certain[y];
            spread[l] = wl->m_ha_spread_volume[y] + wl->m_ha_spread_intensity[y];
            invest[l] = wl->m_invest[y];
            const jz_gemeente *gm = &s[l]->gemeenten[g];
            rijks[l] = gm->has_rijksbijdrage ? gm->rijksbijdrage[y] : 0.0;
        }
        /* youth between zorgsoorten on 1 January are in care too */
        if (y > 0)
            a[GYS_UNIQUE] += transit;
#define PUT_(field, v)                                  \
    do {                                                \
        const jz_lane v_ = (v);                         \
        for (int l_ = 0; l_ < n; l_++)                  \
            r[l_]->field[gi[l_]] = v_[l_];              \
    } while (0)
#define PICK_(c, a, b) LANE_PICK((jz_lane_mask)(c), a, b)
        PUT_(g_fixed_cost, fc[y]);
        PUT_(g_fixed_budget, fb[y]);
        JZ_GY_LINES(jz_lane, PUT_, PICK_, a, fc[y], fb[y], ha, ha_certain, spread, invest, rijks,
                    s[0]->meta.startverschil_beinvloedbaar);
#undef PUT_
#undef PICK_
    }
    return done;
}

/* The volumes that the draws' flows kept in ln->fig (lanes_end_year_draws)
 * into the results of the lanes not in done, where money.c reads them. */
static void figures_out(const jz_lanes *ln, jz_workspace *const *w, jz_result *const *r, int n, int g,
                        unsigned done)
{
    const int Z = ln->Z, H = ln->H;
    for (int l = 0; l < n; l++) {
        if (done >> l & 1u)
            continue;
        jz_result *rl = r[l];
        const size_t i0 = jz_result_cz(rl, jz_result_slot(w[l], g), 0, 0);
        for (int z = 0; z < Z; z++)
            for (int y = 0; y < rl->horizon; y++) {
                const double *f = (const double *)(ln->fig + ((size_t)z * (size_t)H + (size_t)y) * FIG_N);
                const size_t i = i0 + (size_t)z * (size_t)rl->horizon + (size_t)y;
#define FIG_(k, field) rl->field[i] = f[(k) * JZ_LANES + l];
                JZ_LANE_FIGURES(FIG_)
#undef FIG_
            }
    }
}

unsigned jz_money_gemeente_lanes(const jz_scenario *const *s, jz_workspace *const *w, jz_result *const *r,
                                 int n, int g)
{
    /* the draws' volumes as lane vectors, when their flows just left them
     * there (flow.c, lanes_end_year_draws) instead of in the results */
    jz_lanes *ln = n >= 1 ? w[0]->lanes : NULL;
    const jz_lane *fig = ln && ln->fig_g == g && ln->fig_n == n ? ln->fig : NULL;
    if (fig)
        ln->fig_g = -1;
    if (n < 2 || n > JZ_LANES || s[0]->n_zorgsoorten < 1 || s[0]->meta.horizon > JZ_HORIZON_MAX ||
        !plain(s, w, n, g)) {
        if (fig) /* money.c does every lane */
            figures_out(ln, w, r, n, g, 0u);
        return 0;
    }
    const int Z = s[0]->n_zorgsoorten, H = s[0]->meta.horizon;
    /* the year's sums over the zorgsoorten (cleared by the first) */
    jz_lane sums[JZ_HORIZON_MAX][GYS_N];
    for (int z = 0; z < Z; z++) {
        const jz_cell *c[JZ_LANES];
        const double *cost[JZ_LANES], *bf[JZ_LANES];
        size_t i0[JZ_LANES];
        for (int l = 0; l < n; l++) {
            c[l] = &s[l]->cells[(size_t)g * (size_t)Z + (size_t)z];
            /* the price per client-year with the measures applied
             * (measures.c; with none, the cell's own) */
            cost[l] = w[l]->m_cost_z[z];
            bf[l] = w[l]->budget_factor;
            i0[l] = jz_result_cz(r[l], jz_result_slot(w[l], g), z, 0);
        }
        cells_lanes(c, cost, bf, r, i0, n, H, s[0]->cells[(size_t)g * (size_t)Z + (size_t)z].has_budget,
                    fig ? fig + (size_t)z * (size_t)ln->H * FIG_N : NULL, sums, z == 0);
    }
    unsigned done = lines_lanes(s, w, r, n, g, H, sums);
    if (fig && done != (1u << n) - 1u) /* money.c redoes those lanes */
        figures_out(ln, w, r, n, g, done);
    return done;
}
