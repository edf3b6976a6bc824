/*
 * money.c - prices, costs, budgets, the deficit decomposition and the
 * gemeente-year lines of one gemeente (docs/model.md, sections 7, 8 and 12;
 * the measures' investments and savings: docs/measures.md).
 * Runs after flow.c has filled the volumes of the gemeente; all inputs were
 * validated there.
 *
 * Indexation factors compound year on year from the base year: the value at
 * index 0 is never applied (base-year prices), so the factor of year y is
 * prod_{t=1..y} (1 + x_t).  Each is kept as a running product along y.
 */
#include <math.h>

#include "model/internal.h"
#include "model/money_lines.h"

/* Shapley values of the three factors of f(x) = x0 x1 x2 moving from the
 * budget point a to the actual point b:  phi_i = sum over the subsets S of
 * the other two factors of |S|! (2 - |S|)! / 3! [f(S + i) - f(S)], where a
 * factor in S is at b and the others at a.  sum_i phi_i = f(b) - f(a)
 * exactly (the efficiency property); the split does not depend on an order. */
static void shapley3(const double a[3], const double b[3], double phi[3])
{
    /* f[S] with factor i at b when bit i of S is set; written out (this runs
     * once per cell-year), in the order of the sum over S = 0..7 that the
     * formula reads, so every rounding is the same as in that loop */
    double f[8];
    for (int S = 0; S < 8; S++)
        f[S] = (S & 1 ? b[0] : a[0]) * (S & 2 ? b[1] : a[1]) * (S & 4 ? b[2] : a[2]);
    const double w0 = 1.0 / 3.0, w1 = 1.0 / 6.0, w2 = 1.0 / 3.0; /* by |S| = 0, 1, 2 */
    phi[0] = 0.0 + w0 * (f[1] - f[0]) + w1 * (f[3] - f[2]) + w1 * (f[5] - f[4]) + w2 * (f[7] - f[6]);
    phi[1] = 0.0 + w0 * (f[2] - f[0]) + w1 * (f[3] - f[1]) + w1 * (f[6] - f[4]) + w2 * (f[7] - f[5]);
    phi[2] = 0.0 + w0 * (f[4] - f[0]) + w1 * (f[5] - f[1]) + w1 * (f[6] - f[2]) + w2 * (f[7] - f[3]);
}

/* The indexation factors of one cell in year y. */
typedef struct factors {
    double T; /* tariff: F_y(tariff_index) F_y(tariff_correction) */
    double I; /* intensity: F_y(intensity_trend) */
    double B; /* budget: F_y(budget_index) */
} factors;

/* Split the care tekort of one cell-year into the four causes
 * (docs/model.md section 12).  care_cost and care_budget exclude external
 * shifts.  real_spend is the spending in base-year prices before tariff
 * indexation (V * cost * I for volume financing, the lumpsum L otherwise);
 * real_price is cost * I, the real price per client-year.
 *
 * A part that is 0 in the mathematics is an exact 0 here, by construction
 * (a report would otherwise show "-0" for a rounding residue such as
 * -5.8e-11): the real price is cost * I itself, not real_spend / V, so a
 * price equal to the budget price gives phi_c = 0 bit for bit; and for a
 * budget without a volume the split is written in its closed form, in
 * which the base year's volume (S - A) - gap0 is the difference of two
 * identical numbers. */
static void decompose(const jz_cell *c, int y, int lumpsum, double V, double real_spend,
                      double real_price, double A, double gap0, const factors *f, double *tariff,
                      double *volume, double *intensity, double *start)
{
    /* A: the budget amount in base-year prices (for a nominal begroting,
     * its base-year value; f->B is then the implied index) */
    *start = 0.0;
    double g = f->T / f->B; /* the tariff gap factor: tariffs above the budget index */
    if (lumpsum) {
        /* no volume or intensity effect: the amount against its budget in
         * real terms is a contract choice (intensity/mix), the rest is the
         * indexation gap */
        double budget_real = c->has_budget_amount ? A
                           : c->has_budget       ? c->budget_volume[y] * c->budget_price[y]
                                                 : 0.0;
        *tariff = real_spend * (f->T - f->B);
        *intensity = (real_spend - budget_real) * f->B;
        *volume = 0.0;
        return;
    }
    double phi[3];
    if (c->has_budget && !c->has_budget_amount) {
        /* budget point (budgeted volume, budgeted real price, no gap) to
         * actual (client-years, real price incl. intensity, gap) */
        const double a[3] = {c->budget_volume[y], c->budget_price[y], 1.0};
        const double b[3] = {V, real_price, g};
        shapley3(a, b, phi);
        *volume = phi[0];
        *intensity = phi[1];
    } else {
        /* a budget without a volume (an amount, or none): the real
         * overspend S - A as a whole counts as volume.  Of the Shapley
         * split of S g - A (two factors move; the price stays 1) the
         * closed form: phi_V = (S - A)(1 + g)/2, phi_g = (g - 1)(S + A)/2.
         * For an amount, the base-year gap gap0 = S_0 - A_0 carried on at
         * the same weight is the startverschil, the rest is volume. */
        double S = real_spend, Am = c->has_budget_amount ? A : 0.0, half = (1.0 + g) / 2.0;
        phi[0] = (S - Am) * half;
        phi[1] = 0.0;
        phi[2] = (g - 1.0) * (S + Am) / 2.0;
        *start = c->has_budget_amount ? gap0 * half : 0.0;
        *volume = c->has_budget_amount ? ((S - Am) - gap0) * half : phi[0];
        *intensity = 0.0;
    }
    /* nominal tekort = B * (real tekort); the budgeted indexation of the
     * real overspend (B - 1)(phi_V + phi_I) is not covered by a budget that
     * indexes only the budgeted amount: it counts as tariff (enschede-2023, §3.2, cause 3; docs/sources.md) */
    *tariff = f->B * phi[2] + (f->B - 1.0) * (phi[0] + phi[1]);
}

static void money_cells(const jz_scenario *s, const jz_workspace *w, jz_result *r, int g)
{
    const int Z = s->n_zorgsoorten, H = s->meta.horizon, gs = jz_result_slot(w, g);
    const jz_gemeente *gm = &s->gemeenten[g];
    for (int z = 0; z < Z; z++) {
        /* the cell with the measures applied (measures.c): its price per
         * client-year and its financing come from the workspace */
        jz_cell eff = s->cells[(size_t)g * (size_t)Z + (size_t)z];
        eff.cost = (double *)w->m_cost_z[z]; /* read only, through c */
        eff.financing_amount = (double *)w->m_fin_amount_z[z];
        eff.financing = w->m_fin_mode[z];
        eff.financing_from = w->m_fin_from[z];
        const jz_cell *c = &eff;
        factors f = {1.0, 1.0, 1.0};
        double gap0 = 0.0; /* base-year real gap of an amount budget */
        for (int y = 0; y < H; y++) {
            size_t i = jz_result_cz(r, gs, z, y);
            if (y > 0) {
                f.T *= (1.0 + c->tariff_index[y]) * (1.0 + c->tariff_correction[y]);
                f.I *= 1.0 + c->intensity_trend[y];
            }
            f.B = w->budget_factor[y];
            /* a nominal begroting N_y: the budget index is the one the series
             * implies, N_y / N_0, and its real amount is N_0 (docs/model.md
             * section 12) */
            double A = c->has_budget_amount ? c->budget_amount[y] : 0.0;
            if (c->budget_nominal) {
                f.B = c->budget_amount[y] / c->budget_amount[0];
                A = c->budget_amount[0];
            }
            /* external shifts paid from this zorgsoort: added on top of the
             * flows, or (in_volume) a part of the flows' client-years */
            double ecy = 0.0, eadd = 0.0, ebud = 0.0, incl = 0.0;
            for (int e = 0; e < gm->n_external; e++) {
                const jz_external *x = &gm->external[e];
                if (x->zorgsoort != z)
                    continue;
                ecy += x->client_years[y];
                ebud += x->compensation[y];
                if (x->in_volume)
                    incl += x->client_years[y];
                else
                    eadd += x->client_years[y] * x->cost[y] * f.T;
            }
            double V = r->client_years[i];
            if (incl > V)
                incl = V; /* cannot take out more than the flows hold */
            int mode = y >= c->financing_from ? c->financing : JZ_FIN_VOLUME;
            double real_spend, care_cost, incl_cost = 0.0, real_price = c->cost[y] * f.I;
            if (mode == JZ_FIN_VOLUME) {
                r->price[i] = c->cost[y] * f.T * f.I;
                care_cost = V * r->price[i];
                incl_cost = incl * r->price[i];
                real_spend = (V - incl) * c->cost[y] * f.I;
            } else {
                /* a lumpsum does not depend on the clients: an in_volume
                 * shift costs nothing extra, only its compensation counts */
                int grp = s->zorgsoorten[z].population;
                real_spend = c->financing_amount[y] *
                             (mode == JZ_FIN_POPULATION ? gm->population[grp][y] : 1.0);
                care_cost = real_spend * f.T;
                r->price[i] = V > 0.0 ? care_cost / V : 0.0;
            }
            double care_budget = 0.0;
            r->budget_volume[i] = 0.0;
            r->budget_price[i] = 0.0;
            if (c->has_budget_amount) {
                care_budget = c->budget_nominal ? c->budget_amount[y] : A * f.B;
            } else if (c->has_budget) {
                r->budget_volume[i] = c->budget_volume[y];
                r->budget_price[i] = c->budget_price[y] * f.B;
                care_budget = r->budget_volume[i] * r->budget_price[i];
            }
            /* the volume and intensity split sees only the gemeente's own
             * client-years; the in_volume ones are external */
            if (y == 0 && mode == JZ_FIN_VOLUME && c->has_budget_amount)
                gap0 = real_spend - c->budget_amount[0];
            decompose(c, y, mode != JZ_FIN_VOLUME, V - incl, real_spend, real_price, A, gap0, &f,
                      &r->dec_tariff[i], &r->dec_volume[i], &r->dec_intensity[i],
                      &r->dec_start[i]);
            r->ext_client_years[i] = ecy;
            r->ext_cost[i] = eadd + incl_cost;
            r->ext_budget[i] = ebud;
            r->dec_external[i] = eadd + incl_cost - ebud;

            r->care_cost[i] = care_cost;
            r->cost[i] = care_cost + eadd;
            r->budget[i] = care_budget + ebud;
            r->tekort[i] = r->cost[i] - r->budget[i];
            r->cost_per_client[i] = r->unique[i] > 0.0 ? r->cost[i] / r->unique[i] : 0.0;
        }
    }
}

/* Lower cost, tekort and the decomposition of cell i by the saving h, of
 * which hv with cause volume. */
static inline void land_saving(jz_result *r, size_t i, double h, double hv)
{
    r->ha_saving[i] = h;
    if (h == 0.0 && hv == 0.0)
        return; /* (a volume saving and an intensity cost can cancel in h) */
    r->cost[i] -= h;
    r->tekort[i] -= h;
    r->dec_volume[i] -= hv;
    r->dec_intensity[i] -= h - hv;
    r->cost_per_client[i] = r->unique[i] > 0.0 ? r->cost[i] / r->unique[i] : 0.0;
}

/* land_ha's year y when nothing is spread (sv and si are +0.0 or -0.0):
 * then sv * wv is sv itself, bit for bit, for every finite weight wv >= 0,
 * and likewise si * wi, so the savings are the rows' own with no weights
 * (and no divisions).  The weights are finite when every care cost is;
 * returns 0 without writing anything when one is not. */
static int ha_rows_only(const jz_scenario *s, const jz_workspace *w, jz_result *r, int gs, int y)
{
    const int Z = s->n_zorgsoorten, H = s->meta.horizon;
    const double sv = w->m_ha_spread_volume[y], si = w->m_ha_spread_intensity[y];
    int finite = 1;
    for (int z = 0; z < Z; z++)
        finite &= isfinite(r->care_cost[jz_result_cz(r, gs, z, y)]);
    if (!finite)
        return 0;
    for (int z = 0; z < Z; z++) {
        size_t i = jz_result_cz(r, gs, z, y), zy = (size_t)z * (size_t)H + (size_t)y;
        land_saving(r, i, w->m_ha_z[zy] + sv + si, w->m_ha_z_volume[zy] + sv);
    }
    return 1;
}

/* The Hervormingsagenda savings land in the zorgsoorten (docs/model.md
 * section 12): by the rows' shares, the rest spread cost-weighted over the
 * zorgsoorten the cause touches (volume: those paid by volume that year;
 * intensity: all).  When the touched zorgsoorten cost nothing, over all by
 * cost; when nothing costs anything, equally.  Lowers cost and tekort of
 * the cell and the part of the decomposition the cause names. */
static void land_ha(const jz_scenario *s, const jz_workspace *w, jz_result *r, int g)
{
    const int Z = s->n_zorgsoorten, H = s->meta.horizon, gs = jz_result_slot(w, g);
    for (int y = 0; y < H; y++) {
        double sv = w->m_ha_spread_volume[y], si = w->m_ha_spread_intensity[y];
        if (sv == 0.0 && si == 0.0 && ha_rows_only(s, w, r, gs, y))
            continue;
        double tv = 0.0, tall = 0.0; /* care cost of the volume-paid cells, of all */
        for (int z = 0; z < Z; z++) {
            double c = r->care_cost[jz_result_cz(r, gs, z, y)];
            if (c > 0.0) {
                tall += c;
                if ((y >= w->m_fin_from[z] ? w->m_fin_mode[z] : JZ_FIN_VOLUME) == JZ_FIN_VOLUME)
                    tv += c;
            }
        }
        for (int z = 0; z < Z; z++) {
            size_t i = jz_result_cz(r, gs, z, y), zy = (size_t)z * (size_t)H + (size_t)y;
            double c = r->care_cost[i] > 0.0 ? r->care_cost[i] : 0.0;
            int by_volume = (y >= w->m_fin_from[z] ? w->m_fin_mode[z] : JZ_FIN_VOLUME) == JZ_FIN_VOLUME;
            double wi = tall > 0.0 ? c / tall : 1.0 / Z;
            double wv = tv > 0.0 ? (by_volume ? c / tv : 0.0) : wi;
            double h = w->m_ha_z[zy] + sv * wv + si * wi;
            double hv = w->m_ha_z_volume[zy] + sv * wv;
            land_saving(r, i, h, hv);
        }
    }
}

/* Fixed cost lines: not driven by volume (JZ_FIXED_YEAR, money_lines.h). */
static void money_fixed(const jz_scenario *s, const jz_workspace *w, jz_result *r, int g)
{
    const int H = s->meta.horizon, gs = jz_result_slot(w, g);
    const jz_gemeente *gm = &s->gemeenten[g];
    for (int y = 0; y < H; y++) {
        size_t i = jz_result_gy(r, gs, y);
        r->g_fixed_cost[i] = 0.0;
        r->g_fixed_budget[i] = 0.0;
    }
    for (int f = 0; f < gm->n_fixed; f++) {
        const jz_fixed_cost *fc = &gm->fixed[f];
        double factor = 1.0;
        for (int y = 0; y < H; y++) {
            size_t i = jz_result_gy(r, gs, y);
            JZ_FIXED_YEAR(double, y, factor, fc->indexation[y], fc->amount[y], fc->has_budget, fc->budget[y],
                          r->g_fixed_cost[i], r->g_fixed_budget[i]);
        }
    }
}

void jz_fixed_line_years(const jz_scenario *s, int g, int f, double *cost, double *budget)
{
    const jz_fixed_cost *fc = &s->gemeenten[g].fixed[f];
    double factor = 1.0;
    for (int y = 0; y < s->meta.horizon; y++) {
        cost[y] = budget[y] = 0.0;
        JZ_FIXED_YEAR(double, y, factor, fc->indexation[y], fc->amount[y], fc->has_budget, fc->budget[y], cost[y],
                      budget[y]);
    }
}

/* After the cells' money: the Hervormingsagenda savings, the fixed lines
 * and the gemeente-year lines (money_lines.h, shared with the lanes). */
static void money_gemeente_lines(const jz_scenario *s, const jz_workspace *w, jz_result *r, int g)
{
    const int Z = s->n_zorgsoorten, H = s->meta.horizon, gs = jz_result_slot(w, g);
    const jz_gemeente *gm = &s->gemeenten[g];
    land_ha(s, w, r, g);
    money_fixed(s, w, r, g);
    for (int y = 0; y < H; y++) {
        double a[GYS_N] = {0};
        for (int z = 0; z < Z; z++) {
            size_t i = jz_result_cz(r, gs, z, y);
            JZ_GY_SUM(a, r->start[i], r->instroom_ext[i], r->instroom_reentry[i], r->client_years[i],
                      r->cost[i], r->budget[i], r->end[i], r->instroom[i], r->uitstroom[i], r->dec_tariff[i],
                      r->dec_external[i], r->dec_volume[i], r->dec_intensity[i], r->dec_start[i]);
        }
        size_t i = jz_result_gy(r, gs, y);
        /* youth between zorgsoorten on 1 January (they left one in
         * December and arrive in another in January) are in care too */
        if (y > 0)
            a[GYS_UNIQUE] += r->g_in_transit[jz_result_gy(r, gs, y - 1)];
#define PUT_(field, v) (r->field[i] = (v))
#define PICK_(c, a, b) ((c) ? (a) : (b))
        JZ_GY_LINES(double, PUT_, PICK_, a, r->g_fixed_cost[i], r->g_fixed_budget[i], w->m_ha[y],
                    w->m_ha_certain[y], w->m_ha_spread_volume[y] + w->m_ha_spread_intensity[y],
                    w->m_invest[y], gm->has_rijksbijdrage ? gm->rijksbijdrage[y] : 0.0,
                    s->meta.startverschil_beinvloedbaar);
#undef PUT_
#undef PICK_
    }
}

void jz_money_gemeente(const jz_scenario *s, const jz_workspace *w,
                       jz_result *r, int g)
{
    money_cells(s, w, r, g);
    money_gemeente_lines(s, w, r, g);
}
