/*
 * money_lines.h - the arithmetic of a gemeente-year's money lines, written
 * once for the scalar path (money.c, T = double) and the lanes
 * (money_lanes.c, T = jz_lane), as chain_step.h does for the chain step.
 * Lanes must give the same bits as a run alone (lanes.h), which holds only
 * while both do the same operations in the same order: one definition
 * keeps them from drifting apart (a fixed cost line's year, the sums over
 * the zorgsoorten, the gemeente-year lines built from them).
 */
#ifndef JZ_MODEL_MONEY_LINES_H
#define JZ_MODEL_MONEY_LINES_H

/* The sums over the zorgsoorten of one gemeente-year, each from +0.0 in
 * zorgsoort order (JZ_GY_SUM adds one cell). */
enum {
    GYS_UNIQUE, /* persons: start + instroom_ext + instroom_reentry */
    GYS_CLIENT_YEARS,
    GYS_COST,   /* the cells' cost (net of their Hervormingsagenda saving) */
    GYS_BUDGET,
    GYS_START,
    GYS_END,
    GYS_IN,
    GYS_OUT,
    GYS_DEC_TARIFF,
    GYS_DEC_EXTERNAL,
    GYS_DEC_VOLUME,
    GYS_DEC_INTENSITY,
    GYS_DEC_START,
    GYS_N
};

/* Add one cell-year into the sums a[GYS_N]; a transfer continues the same
 * person's care, so persons count start, external instroom and re-entry. */
#define JZ_GY_SUM(a, start, ext, reentry, client_years, cost, budget, end, in, out, dt, de, dv, di, ds) \
    do {                                                                                           \
        (a)[GYS_UNIQUE] += (start) + (ext) + (reentry);                                            \
        (a)[GYS_CLIENT_YEARS] += (client_years);                                                   \
        (a)[GYS_COST] += (cost);                                                                   \
        (a)[GYS_BUDGET] += (budget);                                                               \
        (a)[GYS_START] += (start);                                                                 \
        (a)[GYS_END] += (end);                                                                     \
        (a)[GYS_IN] += (in);                                                                       \
        (a)[GYS_OUT] += (out);                                                                     \
        (a)[GYS_DEC_TARIFF] += (dt);                                                               \
        (a)[GYS_DEC_EXTERNAL] += (de);                                                             \
        (a)[GYS_DEC_VOLUME] += (dv);                                                               \
        (a)[GYS_DEC_INTENSITY] += (di);                                                            \
        (a)[GYS_DEC_START] += (ds);                                                                \
    } while (0)

/* Year y of one fixed cost line into the year's line sums fc (cost) and fb
 * (budget): factor compounds the line's indexation from the base year;
 * a line without its own budget is budgeted at exactly its cost. */
#define JZ_FIXED_YEAR(T, y, factor, indexation, amount, has_budget, budget, fc, fb) \
    do {                                                                          \
        if ((y) > 0)                                                              \
            (factor) *= 1.0 + (indexation);                                       \
        T cost_ = (amount) * (factor);                                            \
        (fc) += cost_;                                                            \
        (fb) += (has_budget) ? (budget) : cost_;                                  \
    } while (0)

/* The gemeente-year lines from the sums a[] (a[GYS_UNIQUE] with the youth
 * in transit on 1 January added), the fixed lines' cost fc and budget fb,
 * the measures' figures (ha: Hervormingsagenda savings, ha_certain, spread
 * its part without zorgsoort shares, invest: investment) and the
 * rijksbijdrage (0 when none).  PUT(field, value) stores one g_* figure;
 * PICK(cond, a, b) is cond ? a : b (lane by lane for the lanes).  Measures
 * are local choices: investment counts as intensity, and spending on fixed
 * lines above their budget too; the savings are in the cells' cost
 * already.  start_in: the startverschil is beinvloedbaar. */
#define JZ_GY_LINES(T, PUT, PICK, a, fc, fb, ha, ha_certain, spread, invest, rijks, start_in) \
    do {                                                                                   \
        const T zero_ = {0};                                                               \
        T uniq_ = (a)[GYS_UNIQUE], cost_ = (a)[GYS_COST], budget_ = (a)[GYS_BUDGET];       \
        PUT(g_start, (a)[GYS_START]);                                                      \
        PUT(g_end, (a)[GYS_END]);                                                          \
        PUT(g_instroom, (a)[GYS_IN]);                                                      \
        PUT(g_uitstroom, (a)[GYS_OUT]);                                                    \
        PUT(g_unique, uniq_);                                                              \
        PUT(g_client_years, (a)[GYS_CLIENT_YEARS]);                                        \
        PUT(g_care_cost, cost_);                                                           \
        PUT(g_care_budget, budget_);                                                       \
        PUT(g_care_tekort, cost_ - budget_);                                               \
        PUT(g_ha_savings, (ha));                                                           \
        PUT(g_ha_savings_certain, (ha_certain));                                           \
        PUT(g_ha_savings_spread, (spread));                                                \
        PUT(g_measure_investment, (invest));                                               \
        T gcost_ = cost_ + (fc) + (invest), gbudget_ = budget_ + (fb);                     \
        PUT(g_cost, gcost_);                                                               \
        PUT(g_budget, gbudget_);                                                           \
        PUT(g_tekort, gcost_ - gbudget_);                                                  \
        PUT(g_rijksbijdrage, (rijks));                                                     \
        PUT(g_tekort_rijk, gcost_ - (rijks));                                              \
        PUT(g_cost_per_client, PICK(uniq_ > 0.0, cost_ / uniq_, zero_));                   \
        T dt_ = (a)[GYS_DEC_TARIFF], de_ = (a)[GYS_DEC_EXTERNAL], dv_ = (a)[GYS_DEC_VOLUME]; \
        T di_ = (a)[GYS_DEC_INTENSITY] + ((fc) - (fb)) + (invest), ds_ = (a)[GYS_DEC_START]; \
        PUT(g_dec_tariff, dt_);                                                            \
        PUT(g_dec_external, de_);                                                          \
        PUT(g_dec_volume, dv_);                                                            \
        PUT(g_dec_intensity, di_);                                                         \
        PUT(g_dec_start, ds_);                                                             \
        PUT(g_niet_beinvloedbaar, dt_ + de_ + ((start_in) ? zero_ : ds_));                 \
        PUT(g_beinvloedbaar, dv_ + di_ + ((start_in) ? ds_ : zero_));                      \
    } while (0)

#endif
