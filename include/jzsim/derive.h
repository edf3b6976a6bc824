/*
 * jzsim/derive.h - a scenario derived from the figures a controller has
 * (`jzsim init`, docs/eigen-gemeente.md).
 *
 * jz_derive_from_file() reads a filled-in template (scenarios/sjabloon/,
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
 */
#ifndef JZSIM_DERIVE_H
#define JZSIM_DERIVE_H

#include "jzsim/error.h"
#include "jzsim/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One row of the reference table of init (docs/eigen-gemeente.md,
 * "Referentietabel"): the default a template row takes when the controller
 * gives no figure for it. */
typedef struct jz_derive_reference {
    const char *key;      /* zorgsoort key, e.g. "ambulant" */
    const char *name;     /* display name */
    const char *taakveld; /* Iv3 taakveld */
    double zorgduur;      /* typical mean duration, months */
    int stages;           /* Erlang stages */
    double start_share;   /* share of clients already in care on 1 January
                             among the unique clients of a year, as observed
                             in the source (for comparison; init derives it) */
    const char *source;   /* where the duration and stages come from */
} jz_derive_reference;

/* The reference table (n rows). */
const jz_derive_reference *jz_derive_reference_table(int *n);

/* The base-year figures of one zorgsoort as given, and as the derived
 * scenario's base-year run gives them (filled by jz_derive_from_file). */
typedef struct jz_derive_check {
    char key[JZ_KEY_MAX];
    double spending_given, unique_given;
    double spending_model, unique_model;
} jz_derive_check;

/* An assumption that remains, naming the figure of the template that would
 * replace it, in Dutch and in English (jzsim init --lang). */
typedef struct jz_derive_assumption {
    char *nl, *en;
} jz_derive_assumption;

typedef struct jz_derive_result {
    char *yaml;          /* the derived scenario, NUL-terminated */
    size_t yaml_len;
    int n_assumptions;   /* assumptions that remain */
    jz_derive_assumption *assumptions;
    int n_checks;        /* per zorgsoort, in template order */
    jz_derive_check *checks;
    double max_rel_diff; /* largest relative difference in checks */
    int n_warnings;      /* the loader's warnings on the derived scenario */
    char **warnings;     /* (plausibility: e.g. a price per client-year out of range), each
                            at the template's cell it comes from where there is one */
    int n_unplaced;      /* of those, the ones without such a cell: at a line of the
                            derived scenario */
} jz_derive_result;

/* Derive a scenario from the template at path.  On success *out holds the
 * YAML (which has been loaded and run once: the checks).  Missing or
 * contradictory figures give JZ_EINPUT naming the file, line and column of
 * the cell.  The YAML's `name` for messages is the template path. */
int jz_derive_from_file(const char *path, jz_derive_result **out, jz_error *err);
/* The same from a template text in memory; name is used in messages. */
int jz_derive_from_string(const char *text, size_t len, const char *name,
                        jz_derive_result **out, jz_error *err);
void jz_derive_result_free(jz_derive_result *r);

#ifdef __cplusplus
}
#endif
#endif
