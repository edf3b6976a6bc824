/*
 * jzsim/calibrate.h - fitting a scenario's parameters to a gemeente's own
 * history, and backtesting the fitted projection (docs/calibration.md).
 *
 * Calibration runs the same model as a projection: it takes a copy of the
 * scenario (jz_scenario_copy), sets the copy's numbers from the parameter
 * vector, runs jz_model_run and compares the run with the observed series.
 * The parameters are found by weighted nonlinear least squares
 * (gsl_multifit_nlinear, weights 1/scale^2 with scale the observation
 * floored at half its series' median, docs/calibration.md), their standard
 * errors come from the Jacobian covariance scaled by the residual variance.
 *
 * Parameters are per gemeente x zorgsoort cell when the history has rows
 * for that zorgsoort; rows for a gemeente's total (zorgsoort empty or
 * "totaal") fit one factor per parameter shared by the gemeente's other
 * zorgsoorten.  Levels are multiplicative factors on the scenario's series
 * (fitted on the log scale); trends replace the scenario's trend with one
 * constant.  A parameter that no observation touches, or that the data
 * cannot separate from the parameters before it, is kept at the scenario's
 * value and named in a warning.
 */
#ifndef JZSIM_CALIBRATE_H
#define JZSIM_CALIBRATE_H

#include <stdio.h>
#include "jzsim/error.h"
#include "jzsim/history.h"
#include "jzsim/model.h"
#include "jzsim/report.h"
#include "jzsim/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Parameter groups, for --fit. */
enum {
    JZ_FIT_INSTROOM = 1, /* instroom level and trend */
    JZ_FIT_ZORGDUUR = 2, /* mean duration (one factor on all years) */
    JZ_FIT_KOSTEN = 4,   /* cost per client-year and its trend (intensity_trend) */
    JZ_FIT_START = 8,    /* clients in care at the start of the base year */
    JZ_FIT_SHAPE = 16,   /* Erlang stages k from the duration-class counts */
    JZ_FIT_DUUR_TREND = 32,     /* a zorgduur trend, fraction/yr (duurtrend) */
    JZ_FIT_BREAK = 64,          /* a level shift in zorgduur from a break year (breuk) */
    JZ_FIT_BREAK_INSTROOM = 128,/* a level shift in instroom from a break year (breuk_instroom) */
    JZ_FIT_DEFAULT = JZ_FIT_INSTROOM | JZ_FIT_ZORGDUUR | JZ_FIT_KOSTEN
};

/* Parse "instroom,zorgduur,kosten" (also: start, vorm/shape, duurtrend,
 * breuk, breuk_instroom, all) into
 * JZ_FIT_* bits; JZ_EINPUT naming the bad word. */
int jz_fit_parse(const char *list, unsigned *bits, jz_error *err);

/* Kinds of parameter. */
typedef enum {
    JZ_PK_INSTROOM = 0, /* factor on the instroom series (level) */
    JZ_PK_COST,         /* factor on the cost per client-year series */
    JZ_PK_ZORGDUUR,     /* factor on the zorgduur series */
    JZ_PK_START,        /* clients at the start of the base year */
    JZ_PK_TREND,        /* instroom trend, fraction/yr (replaces the scenario's) */
    JZ_PK_INTENSITY,    /* cost trend beyond indexation, fraction/yr */
    JZ_PK_DUUR_TREND,   /* zorgduur trend, fraction/yr from the base year (zorgduur x (1+t)^y) */
    JZ_PK_DUUR_BREAK,   /* factor on zorgduur from the break year on (a level shift) */
    JZ_PK_INSTROOM_BREAK, /* factor on instroom from the break year on */
    JZ_PK_N
} jz_param_kind;

const char *jz_param_kind_key(int kind); /* "instroom", "trend", ... */

typedef struct jz_calib_param {
    int kind;       /* jz_param_kind */
    int g;          /* gemeente index */
    int z;          /* zorgsoort index, or -1: the zorgsoorten of g without rows of their own */
    int fitted;     /* 1: estimated; 0: kept at the scenario value (see note) */
    int is_factor;  /* value is a factor on the scenario's series (series not constant, or a group) */
    double initial; /* the scenario's value (first year; 1 for a factor) */
    double value;   /* fitted value in the same unit */
    double se;      /* standard error of value; NAN when it cannot be estimated */
    double theta, theta_se; /* internal scale: log factor, or the trend itself */
    double theta_lo, theta_hi; /* bounds on theta that keep every value it sets within the
                                  scenario loader's ranges (a bounded parameter) */
    int at_bound;   /* -1 / +1: the fit ended on the lower / upper bound (value not interior) */
    int year;       /* the break year of a *_BREAK parameter (0 otherwise) */
    char note[256]; /* why not fitted, or a warning about this parameter */
} jz_calib_param;

typedef struct jz_calib_obs {
    int row;       /* index in the history (first row for a half-year pair) */
    int line;      /* line in the history file */
    int series;    /* jz_hseries */
    int g, z;      /* z = -1: the gemeente total */
    int year;
    int half;      /* 0: the calendar year; 1, 2: a half-year given without its other half
                      (flows compare with half the year's model value, the end stock of
                      the first half with the mean of the year's start and end) */
    int provisional; /* voorlopig: weight JZ_PROVISIONAL_WEIGHT */
    double observed;
    double model;  /* the fitted run */
    double scale;  /* weight = 1 / scale^2; scale = max(|observed|, 0.5 x series median, 1);
                      INFINITY: set aside as a data error (weight 0) */
} jz_calib_obs;

typedef struct jz_calib_summary {
    int g, z, series;
    int n;
    double rmse;   /* in the series' unit */
    double mape;   /* percent */
} jz_calib_summary;

#define JZ_SHAPE_KMAX 6
typedef struct jz_shape_test {
    int g, z;                        /* z = -1: gemeente total; g = -1: summed over gemeenten */
    double counts[JZ_DUR_CLASSES];   /* ended trajectories by class, summed over the years */
    double total;
    int n_k;                         /* k = 1 .. n_k were tried */
    double D[JZ_SHAPE_KMAX];         /* maximum-likelihood mean duration (months) for k */
    double loglik[JZ_SHAPE_KMAX];    /* multinomial log-likelihood of the counts */
    double chi2[JZ_SHAPE_KMAX];      /* Pearson chi-square */
    double pvalue[JZ_SHAPE_KMAX];    /* chi-square p-value, C - 2 degrees of freedom */
    int best_k;                      /* the k with the highest likelihood */
    int scenario_k;                  /* the zorgsoort's stages in the scenario (0 for totals) */
    /* two branches: share p Erlang-k1 with mean D1, else Erlang-k2 with mean D2
     * (k1 <= k2, each 1..3), fitted by maximum likelihood; 3 free parameters,
     * chi-square with C - 4 degrees of freedom */
    double mix_p, mix_D1, mix_D2;
    int mix_k1, mix_k2;
    double mix_loglik, mix_chi2, mix_pvalue;
    int mix_better;                  /* the mixture beats every single Erlang (likelihood ratio, 1%) */
    int none_fits;                   /* no single Erlang passes the chi-square test at 1% */
} jz_shape_test;

typedef struct jz_calib_options {
    unsigned fit;      /* JZ_FIT_* bits; default JZ_FIT_DEFAULT */
    int from;          /* first year used; 0 = the scenario's base year */
    int until;         /* last year used; 0 = all */
    int max_iter;      /* default 200 */
    double xtol, gtol, ftol; /* GSL driver tolerances; defaults 1e-10, 1e-10, 1e-12 */
    int max_stages;    /* shape test k = 1 .. max_stages (<= JZ_SHAPE_KMAX), default 6 */
    double ident_tol;  /* relative rank tolerance of the identifiability check, default 1e-6 */
    int break_year;    /* JZ_FIT_BREAK*: the year the shift starts; 0 = estimate it (the year
                          with the smallest weighted sum of squares) */
    int instroom_observed; /* conditional: the observed instroom of every observed year is put
                              into the scenario (own cells, or the group for totals) and instroom
                              is not fitted */
} jz_calib_options;

void jz_calib_options_default(jz_calib_options *o);

typedef struct jz_calib {
    const jz_scenario *scenario; /* the input (borrowed) */
    jz_scenario *fitted;         /* a copy with the fitted numbers set */
    jz_result *result;           /* the run of `fitted` */
    char history_path[1024];
    int first_year, last_year;   /* years of the observations used */

    int n_params;
    jz_calib_param *params;
    int n_fitted;                /* parameters estimated */
    int n_obs;
    jz_calib_obs *obs;
    int n_summary;
    jz_calib_summary *summary;
    int n_shape;
    jz_shape_test *shape;

    int status;                  /* GSL driver status (0 = converged) */
    int iterations;
    double chisq0, chisq;        /* weighted sum of squares before and after */
    int dof;                     /* n_obs - n_fitted */
    double sigma;                /* residual standard deviation (relative) */
    double cond;                 /* condition number of the weighted Jacobian at the solution */
    int n_affected;              /* observations some fitted parameter moves: dof = n_affected - n_fitted */
    double *corr;                /* [n_params x n_params] correlations of the fitted parameters'
                                    estimates (0 where either is not fitted), or NULL */
    int break_year;              /* the break year used (0: none) */
    double break_F, break_p;     /* F test of the break against no break (NAN when not tested) */
    jz_scenario *conditioned;    /* private: the input with the observed instroom put in */

    int n_warnings;
    char **warnings;
    int cap_warnings;
} jz_calib;

/* Fit the parameters of s to the history h.  Returns NULL with err filled
 * on failure: JZ_EINPUT for a history that does not fit the scenario (an
 * unknown gemeente or zorgsoort names the file:line:column of the row; no
 * observation in the scenario's years), JZ_ERUNTIME when the model or the
 * solver fails. */
jz_calib *jz_calibrate(const jz_scenario *s, const jz_history *h,
                       const jz_calib_options *o, jz_error *err);
void jz_calib_free(jz_calib *c);

/* The duration mixture that --fit vorm writes for zorgsoort z: when the
 * shape test of z with the most ended trajectories rejects every single
 * Erlang at 1%, the two branches beat them (likelihood ratio, 1%) and fit
 * (chi-square p >= 0.01), *m gets that test's branches and the index of the
 * test in c->shape is returned; otherwise -1 (m untouched). */
int jz_shape_mixture_choice(const jz_calib *c, int z, jz_mixture *m);

/* The value of history series `series` for cell (g, z) (z = -1: the
 * gemeente total) in year index y of a run, as calibration compares it. */
double jz_calib_model_value(const jz_scenario *s, const jz_result *r, int series,
                            int g, int z, int y);

/* Write the calibrated scenario: a YAML that `extends` the input
 * (extends_path, relative to the file being written) and overrides the
 * fitted values per gemeente, with a comment header stating the data file,
 * the period and the fit quality.  JZ_EIO on a write error. */
int jz_calib_write_yaml(FILE *out, const jz_calib *c, const char *extends_path, jz_error *err);

/* Load the calibrated scenario written at path back, as a user would.
 * Fitted values stay within the loader's ranges (jz_calib_param.theta_lo,
 * theta_hi), so this should always hold; JZ_OK when it loads, else
 * JZ_ERUNTIME with the loader's file:line:column and its message. */
int jz_calib_check_written(const char *path, jz_error *err);

/* ---- backtest ---------------------------------------------------------- */

enum { JZ_BT_MODEL = 0, JZ_BT_LAST = 1, JZ_BT_TREND = 2, JZ_BT_METHODS = 3 };

typedef struct jz_backtest_options {
    jz_calib_options calib; /* calib.until is set from each origin */
    int fit_until;          /* fit on years <= fit_until, score the years after; with rolling,
                               the last origin (0: the year before the last observed year) */
    int instroom_observed;  /* 1: conditional: the observed instroom of the fitted and the scored
                               years is put into the projection (instroom is then not scored) */
    int max_horizon;        /* score 1 .. max_horizon years ahead; default 3 */
    int rolling;            /* 1: rolling origins: fit until T for every T from first_origin to
                               fit_until, pooling the errors per horizon */
    int first_origin;       /* 0: the first year with min_fit_years of history before it */
    int min_fit_years;      /* default 3 */
    int anchor;             /* 1 (default): forecasts start from the last observed stock (the
                               difference decays as the model's clients in care leave) */
    int ahead;              /* 1: also fit all the history and forecast the max_horizon years
                               after it, with the empirical intervals (jz_backtest.ahead) */
} jz_backtest_options;

void jz_backtest_options_default(jz_backtest_options *o);

typedef struct jz_bt_point {
    int g, z, series, year, horizon, line;
    int half;       /* 0: the year; 1, 2: a half-year (jz_calib_obs.half) */
    int origin;     /* the last fitted year */
    double param_var; /* relative variance of the model forecast from the fit's parameter
                         uncertainty (delta method with the parameters' correlations) */
    double observed;
    double forecast[JZ_BT_METHODS]; /* model, last value, linear trend */
} jz_bt_point;

typedef struct jz_bt_stat {
    int g, z, series; /* series = -1: all series pooled (MAPE only) */
    int horizon;
    int method;
    int n;
    double me, mae, mape; /* forecast - observed; MAPE in percent */
    /* the model's relative errors (forecast / observed - 1) as an interval
     * (method JZ_BT_MODEL, n >= 2; NAN otherwise): root mean square, the
     * half-width of the 95% forecast interval t(n-1) x rms x sqrt(1 + 1/n),
     * and its leave-one-out coverage of the scored points; noise_var: the mean
     * squared relative error less the part the parameter uncertainty of each
     * origin explains (the error a perfectly fitted model would still make) */
    double rel_rms, half95, coverage, noise_var;
} jz_bt_stat;

/* One series over all origins and horizons: the numbers behind the
 * backtest's closing sentence per series (the report words it). */
typedef struct jz_bt_verdict {
    int g, z, series;
    int n_origins, n;
    double mape[JZ_BT_METHODS];
} jz_bt_verdict;

/* A forecast beyond the history from the fit on all of it, with the
 * empirical 95% interval of its series and horizon (the backtest's errors
 * as they were), and the combined one: the backtest's errors less what
 * the parameter uncertainty of each origin explains, plus the parameter
 * uncertainty of this fit (delta method with the parameters'
 * correlations). */
typedef struct jz_bt_ahead {
    int g, z, series, year, horizon;
    double forecast;
    double lo, hi;           /* empirical */
    double lo_comb, hi_comb; /* empirical and parameter uncertainty */
} jz_bt_ahead;

typedef struct jz_backtest {
    jz_calib *calib;  /* the fit on the years up to fit_until (the last origin) */
    int fit_until;
    int instroom_observed;
    int first_origin, n_origins;
    int n_points;
    jz_bt_point *points;
    int n_stats;
    jz_bt_stat *stats;
    int n_verdicts;
    jz_bt_verdict *verdicts;
    int n_ahead;
    jz_bt_ahead *ahead;
    double coverage;  /* leave-one-out coverage of the 95% intervals over every scored point
                         with an interval; NAN when none */
    int n_covered;    /* points behind `coverage` */
    int n_warnings;
    char **warnings;
    int cap_warnings;
} jz_backtest;

/* Fit on the years up to o->fit_until, project the later observed years
 * and score the projection and two naive forecasts per horizon. */
jz_backtest *jz_backtest_run(const jz_scenario *s, const jz_history *h,
                             const jz_backtest_options *o, jz_error *err);
void jz_backtest_free(jz_backtest *b);

/* ---- reports ----------------------------------------------------------- */

/* jz_report() (report.h), as table, csv or json:
 *   JZ_REPORT_CALIBRATE: the fit (parameters with standard errors, fit per
 *     series, shape test, residuals per series and period, warnings): a
 *     table for reading, a long CSV (one `section` column: parameter,
 *     summary, shape, residual) or JSON;
 *   JZ_REPORT_BACKTEST: errors per series and horizon for the model and the
 *     two naive forecasts, the pooled MAPE per horizon, every scored point. */

#ifdef __cplusplus
}
#endif
#endif
