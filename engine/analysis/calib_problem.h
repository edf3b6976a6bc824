/*
 * calib_problem.h - the fitting problem shared by the parts of calibration
 * (internal to engine/analysis): calib_obs.c (observations),
 * calib_problem.c (parameters, bounds, evaluation), calib_ident.c
 * (identifiability) and calibrate.c (the fit and its report).
 */
#ifndef JZ_ANALYSIS_CALIB_PROBLEM_H
#define JZ_ANALYSIS_CALIB_PROBLEM_H

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include "analysis/calib_internal.h"
#include "jzsim/model.h"

/* Everything one evaluation needs, allocated before the fit starts: every
 * evaluation writes the parameters into one scenario copy and runs
 * jz_model_run with one workspace and result. */
typedef struct problem {
    const jz_scenario *orig;
    jz_scenario *work;
    jz_workspace *ws;
    jz_result *res;
    jz_calib_obs *obs;
    int n;
    jz_calib_param *par;
    int np;
    int *active;      /* [np] 1 when applied */
    int *map;         /* fitted index -> param index */
    int p;            /* fitted parameters */
    double *scratch;  /* [n] residuals */
    unsigned char *in_unit; /* [np * Z]: cell z belongs to param's unit */
    double *cur;      /* [np] the theta each parameter has in the working copy (0: the original) */
    int break_year;   /* the year the *_BREAK parameters start (0: none) */
    jz_error *err;
    int failed;
} problem;

#define WARN(c, ...) jz_calib_warn(&(c)->warnings, &(c)->n_warnings, &(c)->cap_warnings, __VA_ARGS__)

static inline double jz_clampd(double v, double lo, double hi) { return v < lo ? lo : v > hi ? hi : v; }

/* calib_obs.c: observations that carry information (not set aside). */
int jz_calib_n_used(const jz_calib_obs *obs, int n);

/* calib_problem.c */
/* The parameters of the units with observations (own: cells with rows of
 * their own, tot: gemeenten with total rows) and the kinds in fit. */
int jz_calib_make_params(problem *P, jz_calib *c, const unsigned char *own, const unsigned char *tot,
                         unsigned fit, jz_error *err);
/* theta_lo, theta_hi of parameter j: the loader's ranges. */
void jz_calib_param_bounds(problem *P, int j);
/* Write parameter j at theta into the working copy (from the original). */
void jz_calib_apply(problem *P, int j, double theta);
/* Put parameter j's cells back to the original values. */
void jz_calib_restore(problem *P, int j);
/* Run the working copy; f[i] = model - observed (divided by the scale when
 * weighted).  JZ_OK or the model's status. */
int jz_calib_evaluate(problem *P, double *f, int weighted);
/* gsl_multifit_nlinear callbacks: f and its Jacobian. */
int jz_calib_gsl_f(const gsl_vector *x, void *params, gsl_vector *f);
int jz_calib_gsl_df(const gsl_vector *x, void *params, gsl_matrix *J);

/* calib_ident.c: mark the parameters the data can identify (fitted). */
int jz_calib_screen(problem *P, jz_calib *c, const jz_calib_options *o);

#endif
