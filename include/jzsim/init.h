/*
 * jzsim/init.h - a scenario from the figures a controller has, and the
 * prognose of the current year (docs/eigen-gemeente.md).
 *
 * jz_init_from_file() reads a filled-in template (scenarios/sjabloon/,
 * YAML: realised spending and unique clients per zorgsoort in the base year,
 * optionally starts, ends, clients on 1 January, zorgduur, the nominal
 * begroting, the Rijksbijdrage and fixed cost lines) and writes a complete
 * scenario YAML.  The volumes are a closed-form inversion of the model's
 * steady state (docs/model.md: unique = start + instroom, start = instroom x
 * zorgduur / 12 when the chain is in equilibrium); the price per client-year
 * is the given spending divided by the client-years of one year of the
 * model's own monthly Erlang chain (engine/model/erlang.c), so that the
 * base-year run reproduces spending and unique clients per zorgsoort.  The
 * calibration machinery (jzsim calibrate) is not used: there is nothing to
 * fit, every derived number has one equation, written as a YAML comment.
 *
 * jz_prognose_run() projects the year end of the current year from the
 * realised spending of its first months (docs/eigen-gemeente.md, step 7).
 */
#ifndef JZSIM_INIT_H
#define JZSIM_INIT_H

#include "jzsim/error.h"
#include "jzsim/model.h"
#include "jzsim/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One row of the reference table of init (docs/eigen-gemeente.md,
 * "Referentietabel"): the default a template row takes when the controller
 * gives no figure for it. */
typedef struct jz_init_reference {
    const char *key;      /* zorgsoort key, e.g. "ambulant" */
    const char *name;     /* display name */
    const char *taakveld; /* Iv3 taakveld */
    double zorgduur;      /* typical mean duration, months */
    int stages;           /* Erlang stages */
    double start_share;   /* share of clients already in care on 1 January
                             among the unique clients of a year, as observed
                             in the source (for comparison; init derives it) */
    const char *source;   /* where the duration and stages come from */
} jz_init_reference;

/* The reference table (n rows). */
const jz_init_reference *jz_init_reference_table(int *n);

/* The base-year figures of one zorgsoort as given, and as the derived
 * scenario's base-year run gives them (filled by jz_init_from_file). */
typedef struct jz_init_check {
    char key[JZ_KEY_MAX];
    double spending_given, unique_given;
    double spending_model, unique_model;
} jz_init_check;

typedef struct jz_init_result {
    char *yaml;          /* the derived scenario, NUL-terminated */
    size_t yaml_len;
    int n_assumptions;   /* assumptions that remain: each names the figure */
    char **assumptions;  /* that would replace it (Dutch) */
    int n_checks;        /* per zorgsoort, in template order */
    jz_init_check *checks;
    double max_rel_diff; /* largest relative difference in checks */
} jz_init_result;

/* Derive a scenario from the template at path.  On success *out holds the
 * YAML (which has been loaded and run once: the checks).  Missing or
 * contradictory figures give JZ_EINPUT naming the file, line and column of
 * the cell.  The YAML's `name` for messages is the template path. */
int jz_init_from_file(const char *path, jz_init_result **out, jz_error *err);
/* The same from a template text in memory; name is used in messages. */
int jz_init_from_string(const char *text, size_t len, const char *name,
                        jz_init_result **out, jz_error *err);
void jz_init_result_free(jz_init_result *r);

/* ---- prognose of the current year ---- */

#define JZ_PROGNOSE_MONTHS 12

/* Realised figures of year `year` through month `months` (1..11). */
typedef struct jz_prognose_input {
    int year;
    int months;
    int n_zorgsoorten;     /* Z of the scenario it was read against */
    unsigned char *given;  /* [Z] 1 when the zorgsoort's spending is given */
    double *spending;      /* [Z * 12] realised euros in month t (0-based), t < months */
} jz_prognose_input;

/* Read realised figures (YAML: jaar, maanden, uitgaven: {zorgsoort: [per
 * month]}) against scenario s: keys must be zorgsoorten of s, the year must be
 * a projected year after the base year.  Errors name file:line:column. */
int jz_prognose_read(const char *path, const jz_scenario *s,
                     jz_prognose_input **out, jz_error *err);
jz_prognose_input *jz_prognose_input_alloc(const jz_scenario *s);
void jz_prognose_input_free(jz_prognose_input *in);

typedef struct jz_prognose {
    int n_zorgsoorten;
    int year, months;
    double level;          /* coverage of the band, e.g. 0.8 */
    /* per zorgsoort [Z] */
    double *realised;      /* spending through month `months` */
    double *model_year;    /* the scenario's spending in the year */
    double *year_end;      /* projected spending of the whole year */
    double *low, *high;    /* the band at `level` */
    double *scale_start;   /* fitted factor on the model's clients of 1 January */
    double *scale_inflow;  /* fitted factor on the model's instroom */
    /* totals over the zorgsoorten */
    double total_realised, total_model, total_year_end, total_low, total_high;
    double *block;
} jz_prognose;

/* The model's monthly spending of gemeente g, year index y, per zorgsoort,
 * split into the part of the clients in care on 1 January (from_start) and
 * the part of the year's instroom (from_inflow), [Z * 12] each, scaled so
 * that their sum over the months is the model's spending of the year.  r is
 * a result of s. */
int jz_prognose_profile(const jz_scenario *s, const jz_result *r, int g, int y,
                        double *from_start, double *from_inflow, jz_error *err);

/* Project the year end of in->year for gemeente g: per zorgsoort the
 * realised monthly spending is fitted (weighted least squares) as
 * a x from_start + b x from_inflow, the rest of the year is the fitted model,
 * and the band is the prediction interval at `level` (0 < level < 1) with a
 * Student-t quantile (docs/eigen-gemeente.md, "Prognose lopend jaar"). */
int jz_prognose_run(const jz_scenario *s, int g, const jz_prognose_input *in,
                    double level, jz_prognose **out, jz_error *err);
void jz_prognose_free(jz_prognose *p);

#ifdef __cplusplus
}
#endif
#endif
