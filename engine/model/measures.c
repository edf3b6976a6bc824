/*
 * measures.c - the cell inputs of one gemeente with the measures applied
 * (docs/measures.md; jzsim/measures.h for what a measure holds).
 *
 * The scenario is never changed: at the start of each gemeente this file
 * copies the inputs that measures act on (external instroom with its
 * trend, zorgduur, price per client-year, financing) into the workspace
 * and applies the active measures there; flow.c and money.c read only
 * those copies.  Nothing is allocated.
 *
 * Local measures are applied in a fixed order of effects, whatever their
 * order in the list, so that a result does not depend on how the list is
 * written where it need not:
 *   1. instroom       external instroom x (1 + change e)
 *   2. diversion      of what is left, the share d e goes to the
 *                     voorliggend veld (and costs service_cost per start)
 *   3. substitution   of what is left of `from`, the share s e starts in `to`
 *   4. zorgduur       zorgduur x (1 + change e)
 *   5. exit_after     zorgduur -> the mean duration with the evaluation exit
 *   6. lumpsum        the financing switches to a lumpsum from the start year
 *   7. tariff         price per client-year and lumpsum amount x (1 + change e)
 * Within one effect, measures apply in list order; the multiplicative ones
 * commute, so the order only matters for chained substitutions and for
 * overlapping lumpsums (the later one wins).  e is jz_measure_profile().
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "jzsim/measures.h"
#include "model/internal.h"
#include "scenario/build.h" /* jz_gemeente_what: on the error path */

double jz_measure_profile(const jz_measure *m, int year)
{
    int t = year - m->start_year; /* 0 in the start year */
    if (t < 0)
        return 0.0;
    double e = 1.0;
    if (m->ramp_years > 0 && t + 1 < m->ramp_years) {
        double u = (double)(t + 1) / (double)m->ramp_years; /* linear: 1/R, 2/R, ..., 1 */
        e = m->ramp_shape == JZ_RAMP_S_CURVE ? u * u * (3.0 - 2.0 * u) : u;
    }
    if (m->fade_after_years >= 0 && t >= m->fade_after_years) {
        double k = (double)(t - m->fade_after_years + 1); /* the k-th year of fading */
        if (m->fade_years > 0.0)
            e *= k >= m->fade_years ? 0.0 : 1.0 - k / m->fade_years;
        else if (m->fade_half_life > 0.0)
            e *= pow(0.5, k / m->fade_half_life);
    }
    return e;
}

double jz_measure_ha_saving(const jz_scenario *s, const jz_measure *m, int g, int y)
{
    if (m->type != JZ_MEASURE_HA || !m->gemeente[g] || m->in_baseline == JZ_BASELINE_ALL)
        return 0.0;
    const double *sv = m->saving + (size_t)g * (size_t)s->meta.horizon;
    double v = sv[y];
    if (m->in_baseline == JZ_BASELINE_YEAR) {
        /* the level of the baseline year is already in the baseline: only
         * the increase after it is extra */
        int b = m->baseline_year - s->meta.base_year;
        if (y <= b)
            return 0.0;
        v -= sv[b];
    }
    return v * m->realisation[y];
}

/* P[Poisson(x) < n] = e^-x sum_{m<n} x^m / m!, for n <= JZ_STAGES_MAX + 1 */
static double poisson_below(int n, double x)
{
    double t = exp(-x), sum = t;
    for (int m = 1; m < n; m++) {
        t *= x / (double)m;
        sum += t;
    }
    return sum > 1.0 ? 1.0 : sum;
}

double jz_exit_after_duration(int k, double D, double T, double p)
{
    if (p <= 0.0 || !(T > 0.0))
        return D;
    /* L ~ Erlang(k, rate k/D).  E[(L - T)+] = E[L 1{L>T}] - T P[L>T]
     * = D P[Gamma(k+1) > T] - T P[Gamma(k) > T], and P[Gamma(n, rate) > T]
     * = P[Poisson(rate T) < n]. */
    double x = (double)k * T / D;
    double tail = D * poisson_below(k + 1, x) - T * poisson_below(k, x);
    if (tail < 0.0) /* rounding when T is far beyond D */
        tail = 0.0;
    return D - p * tail;
}

/* ---- checks --------------------------------------------------------------- */

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int measure_fail(jz_error *err, const jz_measure *m, const char *fmt, ...)
{
    char msg[JZ_ERR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "measures[%s]: %s", m->key, msg);
}

static int check_ha(const jz_scenario *s, const jz_measure *m, jz_error *err)
{
    int G = s->n_gemeenten, H = s->meta.horizon;
    if (m->in_baseline < JZ_BASELINE_NONE || m->in_baseline > JZ_BASELINE_YEAR)
        return measure_fail(err, m, "in_baseline %d is not valid", m->in_baseline);
    if (m->in_baseline == JZ_BASELINE_YEAR &&
        (m->baseline_year < s->meta.base_year || m->baseline_year >= s->meta.base_year + H))
        return measure_fail(err, m, "the baseline year %d is not a year of the projection",
                            m->baseline_year);
    if (m->cause != JZ_CAUSE_VOLUME && m->cause != JZ_CAUSE_INTENSITY)
        return measure_fail(err, m, "cause %d is not valid", m->cause);
    for (int y = 0; y < H; y++) {
        if (!isfinite(m->realisation[y]) || m->realisation[y] < 0.0)
            return measure_fail(err, m, "realisation in %d must be a finite fraction >= 0, got %g",
                                s->meta.base_year + y, m->realisation[y]);
        for (int g = 0; g < G; g++)
            if (!isfinite(m->saving[(size_t)g * (size_t)H + (size_t)y])) {
                char gw[JZ_KEY_MAX + JZ_NAME_MAX + 16];
                return measure_fail(err, m, "saving of %s in %d is not a finite number",
                                    jz_gemeente_what(s, g, gw, sizeof gw), s->meta.base_year + y);
            }
    }
    return JZ_OK;
}

static int check_local(const jz_scenario *s, const jz_measure *m, jz_error *err)
{
    int Z = s->n_zorgsoorten, H = s->meta.horizon, e = m->effect;
    if (e < 0 || e >= JZ_EFFECT_N)
        return measure_fail(err, m, "effect %d is not valid", e);
    if (m->ramp_years < 0 || (m->ramp_shape != JZ_RAMP_LINEAR && m->ramp_shape != JZ_RAMP_S_CURVE))
        return measure_fail(err, m, "ramp_years must be >= 0 and ramp_shape linear or s_curve");
    if (m->fade_after_years >= 0 &&
        !((isfinite(m->fade_years) && m->fade_years > 0.0) ||
          (isfinite(m->fade_half_life) && m->fade_half_life > 0.0)))
        return measure_fail(err, m, "a fade needs fade_years or fade_half_life > 0");
    if ((e == JZ_EFFECT_INSTROOM || e == JZ_EFFECT_ZORGDUUR || e == JZ_EFFECT_TARIFF) &&
        !(isfinite(m->change) && m->change > -1.0))
        return measure_fail(err, m, "change must be a finite fraction above -100%%, got %g", m->change);
    if ((e == JZ_EFFECT_EXIT_AFTER || e == JZ_EFFECT_SUBSTITUTION || e == JZ_EFFECT_DIVERSION) &&
        !(m->share >= 0.0 && m->share <= 1.0))
        return measure_fail(err, m, "share must be a fraction from 0 to 1, got %g", m->share);
    if (e == JZ_EFFECT_EXIT_AFTER && !(isfinite(m->evaluation_months) && m->evaluation_months > 0.0))
        return measure_fail(err, m, "evaluation_months must be a finite number > 0, got %g",
                            m->evaluation_months);
    if (e == JZ_EFFECT_SUBSTITUTION &&
        (m->from < 0 || m->from >= Z || m->to < 0 || m->to >= Z || m->from == m->to))
        return measure_fail(err, m, "from (%d) and to (%d) must be two different zorgsoorten",
                            m->from, m->to);
    if (e == JZ_EFFECT_LUMPSUM) {
        int n = 0;
        for (int z = 0; z < Z; z++)
            n += m->zorgsoort[z] != 0;
        if (n < 1)
            return measure_fail(err, m, "a lumpsum needs a zorgsoort");
    }
    for (int g = 0; g < s->n_gemeenten; g++)
        if (!(m->weight[g] >= 0.0 && m->weight[g] <= 1.0))
            return measure_fail(err, m, "the weight of %s must be from 0 to 1, got %g", s->gemeenten[g].name,
                                m->weight[g]);
    for (int y = 0; y < H; y++) {
        int year = s->meta.base_year + y;
        if (m->has_regional_investment &&
            (!isfinite(m->regional_investment[y]) ||
             (m->regional_investment[y] != 0.0 &&
              !(jz_regio_key_total_inputs(s, &m->regional_key, m->gemeente, year - s->meta.base_year) > 0.0))))
            return measure_fail(err, m, "regional_investment in %d: %s", year,
                                isfinite(m->regional_investment[y]) ? "the sleutel gives none of its gemeenten a share "
                                "(no youth, table share or use among them)" : "not a finite number");
        if (!isfinite(m->investment[y]))
            return measure_fail(err, m, "investment in %d is not a finite number", year);
        if (e == JZ_EFFECT_DIVERSION && !isfinite(m->service_cost[y]))
            return measure_fail(err, m, "service_cost in %d is not a finite number", year);
        if (e == JZ_EFFECT_LUMPSUM && !isfinite(m->amount[y]))
            return measure_fail(err, m, "amount in %d is not a finite number", year);
    }
    return JZ_OK;
}

int jz_check_measures(const jz_scenario *s, jz_error *err)
{
    if (s->n_measures < 0 || (s->n_measures > 0 && !s->measures))
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "model run: the measures are not built");
    for (int i = 0; i < s->n_measures; i++) {
        const jz_measure *m = &s->measures[i];
        if (!m->block || !m->flags)
            return measure_fail(err, m, "not built");
        if (!(m->certain >= 0.0 && m->certain <= 1.0))
            return measure_fail(err, m, "certain must be a fraction from 0 to 1, got %g", m->certain);
        int rc = m->type == JZ_MEASURE_HA      ? check_ha(s, m, err)
                 : m->type == JZ_MEASURE_LOCAL ? check_local(s, m, err)
                                               : measure_fail(err, m, "type %d is not valid", m->type);
        if (rc)
            return rc;
    }
    return JZ_OK;
}

/* ---- effects ------------------------------------------------------------------ */

/* The effect of one local measure (not lumpsum) on gemeente g: the profile
 * times the gemeente's weight (1 unless `weights` says otherwise; x 1 is
 * exact, so an unweighted measure is computed bit for bit as before). */
static void apply_effect(const jz_scenario *s, jz_workspace *w, const jz_measure *m, int g)
{
    const int Z = s->n_zorgsoorten, H = s->meta.horizon;
    for (int y = 0; y < H; y++) {
        double e = jz_measure_profile(m, s->meta.base_year + y) * m->weight[g];
        if (e == 0.0)
            continue;
        if (m->effect == JZ_EFFECT_SUBSTITUTION) {
            double *from = w->m_ext + (size_t)m->from * (size_t)H + (size_t)y;
            double moved = *from * (m->share * e);
            *from -= moved;
            w->m_ext[(size_t)m->to * (size_t)H + (size_t)y] += moved;
            continue;
        }
        for (int z = 0; z < Z; z++) {
            if (!m->zorgsoort[z])
                continue;
            size_t i = (size_t)z * (size_t)H + (size_t)y;
            switch (m->effect) {
            case JZ_EFFECT_INSTROOM:
                w->m_ext[i] *= 1.0 + m->change * e;
                break;
            case JZ_EFFECT_ZORGDUUR:
                w->m_dur[i] *= 1.0 + m->change * e;
                break;
            case JZ_EFFECT_EXIT_AFTER:
                w->m_dur[i] = jz_zorgsoort_exit_after(&s->zorgsoorten[z], w->m_dur[i],
                                                      m->evaluation_months, m->share * e);
                break;
            case JZ_EFFECT_TARIFF:
                w->m_cost[i] *= 1.0 + m->change * e;
                w->m_fin_amount[i] *= 1.0 + m->change * e;
                break;
            case JZ_EFFECT_DIVERSION: {
                double diverted = w->m_ext[i] * (m->share * e);
                w->m_ext[i] -= diverted;
                w->m_invest[y] += diverted * m->service_cost[y];
                break;
            }
            default:
                break;
            }
        }
    }
}

/* Lumpsum: the zorgsoort is paid m->amount from the start year on.  Years
 * before it keep the cell's own financing: a population financing there is
 * turned into its lumpsum equivalent (amount x population, the same euros),
 * so that one mode and one first year describe the whole horizon. */
static void apply_lumpsum(const jz_scenario *s, jz_workspace *w, int g, const jz_measure *m)
{
    const int Z = s->n_zorgsoorten, H = s->meta.horizon;
    int st = m->start_year - s->meta.base_year;
    if (st >= H)
        return;
    if (st < 0)
        st = 0;
    for (int z = 0; z < Z; z++) {
        if (!m->zorgsoort[z])
            continue;
        double *amount = w->m_fin_amount + (size_t)z * (size_t)H;
        int mode = w->m_fin_mode[z], from = w->m_fin_from[z];
        if (mode == JZ_FIN_POPULATION) {
            const double *pop = s->gemeenten[g].population[s->zorgsoorten[z].population];
            for (int y = from; y < st; y++)
                amount[y] *= pop[y];
        }
        for (int y = st; y < H; y++)
            amount[y] = m->amount[y];
        w->m_fin_from[z] = mode != JZ_FIN_VOLUME && from < st ? from : st;
        w->m_fin_mode[z] = JZ_FIN_LUMPSUM;
        break; /* one zorgsoort (the loader makes sure there is exactly one) */
    }
}

static int is_on(const jz_workspace *w, const jz_measure *m, int i, int g)
{
    return !w->measures_off && (!w->measure_active || w->measure_active[i]) && m->gemeente[g];
}

int jz_measures_local_on(const jz_scenario *s, const jz_workspace *w, int g)
{
    for (int i = 0; i < s->n_measures; i++)
        if (s->measures[i].type == JZ_MEASURE_LOCAL && is_on(w, &s->measures[i], i, g))
            return 1;
    return 0;
}

void jz_measures_gemeente(const jz_scenario *s, jz_workspace *w, int g)
{
    const int Z = s->n_zorgsoorten, H = s->meta.horizon;
    const size_t bytes = (size_t)H * sizeof(double);
    const jz_gemeente *gm = &s->gemeenten[g];
    /* only a local measure changes zorgduur, cost or financing: without
     * one the run reads the cell's own series (the same numbers), with
     * one a copy that the effects change */
    const int local = jz_measures_local_on(s, w, g);
    for (int z = 0; z < Z; z++) {
        const jz_cell *c = &s->cells[(size_t)g * (size_t)Z + (size_t)z];
        const double *pop = gm->population[s->zorgsoorten[z].population];
        double *ext = w->m_ext + (size_t)z * (size_t)H;
        /* level x trend; the trend compounds from the base year (index 0
         * is not applied) */
        double trend = 1.0;
        for (int y = 0; y < H; y++) {
            if (y > 0)
                trend *= 1.0 + c->instroom_trend[y];
            double base = c->instroom[y];
            if (c->instroom_per_1000)
                base = base * pop[y] / 1000.0;
            ext[y] = base * trend;
        }
        if (local) {
            double *dur = w->m_dur + (size_t)z * (size_t)H, *cost = w->m_cost + (size_t)z * (size_t)H,
                   *amount = w->m_fin_amount + (size_t)z * (size_t)H;
            memcpy(dur, c->zorgduur, bytes);
            memcpy(cost, c->cost, bytes);
            memcpy(amount, c->financing_amount, bytes);
            w->m_dur_z[z] = dur;
            w->m_cost_z[z] = cost;
            w->m_fin_amount_z[z] = amount;
        } else {
            w->m_dur_z[z] = c->zorgduur;
            w->m_cost_z[z] = c->cost;
            w->m_fin_amount_z[z] = c->financing_amount;
        }
        w->m_fin_mode[z] = c->financing;
        w->m_fin_from[z] = c->financing_from;
    }
    /* the investments and savings start from +0.0; without measures
     * nothing writes them, so they are still zero from the gemeente
     * before (a Monte Carlo draw runs 342 gemeenten on one workspace) */
    if (!(w->m_zero && s->n_measures == 0)) {
        memset(w->m_invest, 0, bytes);
        memset(w->m_ha, 0, bytes);
        memset(w->m_ha_certain, 0, bytes);
        memset(w->m_ha_volume, 0, bytes);
        memset(w->m_ha_z, 0, (size_t)Z * bytes);
        memset(w->m_ha_z_volume, 0, (size_t)Z * bytes);
        memset(w->m_ha_spread_volume, 0, bytes);
        memset(w->m_ha_spread_intensity, 0, bytes);
    }
    w->m_zero = s->n_measures == 0;

    /* the effects in their order of application (JZ_EFFECTS) */
#define ORDER_(id, yaml, uses, needs, order) order,
    static const int order[JZ_EFFECT_N] = {JZ_EFFECTS(ORDER_)};
#undef ORDER_
    for (int p = 0; p < JZ_EFFECT_N; p++)
        for (int i = 0; i < s->n_measures; i++) {
            const jz_measure *m = &s->measures[i];
            if (m->type != JZ_MEASURE_LOCAL || order[m->effect] != p || !is_on(w, m, i, g))
                continue;
            if (m->effect == JZ_EFFECT_LUMPSUM)
                apply_lumpsum(s, w, g, m);
            else
                apply_effect(s, w, m, g);
        }

    for (int i = 0; i < s->n_measures; i++) {
        const jz_measure *m = &s->measures[i];
        if (!is_on(w, m, i, g))
            continue;
        for (int y = 0; y < H; y++) {
            if (m->type == JZ_MEASURE_LOCAL) {
                /* investment counts from the start year: a series written
                 * {2025: 300k} would otherwise also hold in 2022-2024 */
                if (s->meta.base_year + y >= m->start_year) {
                    w->m_invest[y] += m->investment[y];
                    /* its share of the investment made for all its
                     * gemeenten together, by the key (regio.c) */
                    if (m->has_regional_investment)
                        w->m_invest[y] += m->regional_investment[y] *
                                          jz_regio_key_share_inputs(s, &m->regional_key, m->gemeente, g, y);
                }
                continue;
            }
            double v = jz_measure_ha_saving(s, m, g, y);
            w->m_ha[y] += v;
            w->m_ha_certain[y] += v * m->certain;
            if (m->cause == JZ_CAUSE_VOLUME)
                w->m_ha_volume[y] += v;
            /* where it lands: the row's shares, or spread by money.c over
             * the zorgsoorten its cause touches, cost-weighted */
            if (m->has_ha_share) {
                for (int z = 0; z < Z; z++) {
                    size_t zy = (size_t)z * (size_t)H + (size_t)y;
                    w->m_ha_z[zy] += v * m->ha_share[z];
                    if (m->cause == JZ_CAUSE_VOLUME)
                        w->m_ha_z_volume[zy] += v * m->ha_share[z];
                }
            } else if (m->cause == JZ_CAUSE_VOLUME) {
                w->m_ha_spread_volume[y] += v;
            } else {
                w->m_ha_spread_intensity[y] += v;
            }
        }
    }
}
