/*
 * dist.c - quantiles of the input distributions (jzsim/uncertainty.h).
 *
 * Every draw is made by inversion: a standard-normal score z (independent,
 * or correlated through the copula) is mapped to the input's value by the
 * quantile function at Phi(z).  Inversion keeps a draw a monotone function
 * of its random number, which is what makes a Gaussian copula, common
 * random numbers and the P5/P95 ranges of the sensitivity analysis work the
 * same way for every distribution.
 *
 * Tails are handled on the side where they are small: a truncated normal
 * whose bounds both lie above the mean is inverted through the upper tail
 * Q = 1 - Phi, so that bounds far out do not lose every digit.  GSL is used
 * only for functions that cannot reach its error handler with the
 * arguments given here (the normal cdf and its inverse, the beta cdf and
 * density with parameters >= 1).
 */
#include <math.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>

#include "jzsim/uncertainty.h"

const char *jz_dist_name(int kind)
{
    switch (kind) {
    case JZ_DIST_NONE: return "none";
    case JZ_DIST_NORMAL: return "normal";
    case JZ_DIST_LOGNORMAL: return "lognormal";
    case JZ_DIST_UNIFORM: return "uniform";
    case JZ_DIST_TRIANGULAR: return "triangular";
    case JZ_DIST_PERT: return "pert";
    }
    return "?";
}

int jz_dist_is_fixed(const jz_dist *d)
{
    switch (d->kind) {
    case JZ_DIST_NORMAL: return !(d->sd > 0.0);
    case JZ_DIST_LOGNORMAL: return !(d->sigma > 0.0);
    case JZ_DIST_UNIFORM:
    case JZ_DIST_TRIANGULAR:
    case JZ_DIST_PERT: return !(d->high > d->low);
    default: return 1;
    }
}

/* A standard-normal score s in [a, b] for the score z of the untruncated
 * distribution: the quantile of the normal truncated to [a, b] at Phi(z). */
static double truncated_score(double z, double a, double b)
{
    double s;
    if (a >= 0.0) {
        /* both bounds in the upper tail: work with Q = 1 - Phi */
        double qa = gsl_cdf_ugaussian_Q(a), qb = isinf(b) ? 0.0 : gsl_cdf_ugaussian_Q(b);
        double q = gsl_cdf_ugaussian_Q(z);
        s = gsl_cdf_ugaussian_Qinv(qb + q * (qa - qb));
    } else {
        double pa = isinf(a) ? 0.0 : gsl_cdf_ugaussian_P(a), pb = isinf(b) ? 1.0 : gsl_cdf_ugaussian_P(b);
        double p = gsl_cdf_ugaussian_P(z);
        s = gsl_cdf_ugaussian_Pinv(pa + p * (pb - pa));
    }
    if (!(s >= a)) /* also NaN */
        s = a;
    if (s > b)
        s = b;
    return s;
}

/* Inverse of the regularized incomplete beta function: x with I_x(a, b) = p
 * (or, when upper, 1 - I_x(a, b) = p, for accuracy near 1).  a, b >= 1, so
 * the density is bounded; Newton steps guarded by bisection. */
static double beta_inverse(double p, int upper, double a, double b)
{
    if (p <= 0.0)
        return upper ? 1.0 : 0.0;
    if (p >= 1.0)
        return upper ? 0.0 : 1.0;
    double lo = 0.0, hi = 1.0, x = a / (a + b);
    for (int it = 0; it < 200; it++) {
        double F = upper ? p - gsl_cdf_beta_Q(x, a, b) : gsl_cdf_beta_P(x, a, b) - p;
        if (F == 0.0)
            return x;
        if (F < 0.0)
            lo = x;
        else
            hi = x;
        double f = gsl_ran_beta_pdf(x, a, b);
        double nx = f > 0.0 ? x - F / f : -1.0;
        if (!(nx > lo && nx < hi))
            nx = 0.5 * (lo + hi);
        if (fabs(nx - x) <= 4e-16 * (x > 1e-300 ? x : 1e-300) || hi - lo <= 1e-16)
            return nx;
        x = nx;
    }
    return x;
}

double jz_dist_from_z(const jz_dist *d, double z)
{
    if (jz_dist_is_fixed(d))
        return d->point;
    double x;
    switch (d->kind) {
    case JZ_DIST_NORMAL:
        x = d->mean + d->sd * (d->truncated ? truncated_score(z, d->t_lo, d->t_hi) : z);
        break;
    case JZ_DIST_LOGNORMAL:
        x = exp(d->mu + d->sigma * (d->truncated ? truncated_score(z, d->t_lo, d->t_hi) : z));
        break;
    case JZ_DIST_UNIFORM:
        x = d->low + gsl_cdf_ugaussian_P(z) * (d->high - d->low);
        break;
    case JZ_DIST_TRIANGULAR: {
        double w = d->high - d->low, fc = (d->mode - d->low) / w;
        double p = gsl_cdf_ugaussian_P(z), q = gsl_cdf_ugaussian_Q(z);
        x = p < fc ? d->low + sqrt(p * w * (d->mode - d->low))
                   : d->high - sqrt(q * w * (d->high - d->mode));
        break;
    }
    case JZ_DIST_PERT: {
        double u = z <= 0.0 ? beta_inverse(gsl_cdf_ugaussian_P(z), 0, d->alpha, d->beta)
                            : beta_inverse(gsl_cdf_ugaussian_Q(z), 1, d->alpha, d->beta);
        x = d->low + u * (d->high - d->low);
        break;
    }
    default:
        return d->point;
    }
    if (x < d->low)
        x = d->low;
    if (x > d->high)
        x = d->high;
    return x;
}

double jz_dist_quantile(const jz_dist *d, double p)
{
    if (!(p > 0.0))
        p = 1e-300;
    if (!(p < 1.0))
        p = 1.0 - 1e-16;
    /* score from the smaller tail, for accuracy */
    double z = p <= 0.5 ? gsl_cdf_ugaussian_Pinv(p) : gsl_cdf_ugaussian_Qinv(1.0 - p);
    return jz_dist_from_z(d, z);
}
