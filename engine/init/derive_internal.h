/*
 * derive_internal.h - what the files of engine/init share (internal).
 *
 *   reference.c  the reference table (default zorgduur and stages)
 *   template.c   the template: read and checked
 *   derive.c     steady-state inversion, the check run, the whole
 *   derive_yaml.c  the scenario YAML with its comments and assumptions
 *   prognose.c   realised months -> year end with a band
 */
#ifndef JZ_DERIVE_INTERNAL_H
#define JZ_DERIVE_INTERNAL_H

#include <stdio.h>

#include "jzsim/derive.h"
#include "jzsim/prognose.h"
#include "scenario/node.h"

/* Client-years of one year of the model's monthly Erlang chain: k stages,
 * D months, S clients on 1 January split equally over the stages, A starts
 * per year entering uniformly; *end (may be NULL) gets the stock on
 * 31 December.  NAN when the coefficients cannot be computed. */
double jz_derive_chain_year(int k, double D, double S, double A, double *end);

/* ---- the template (template.c) ---- */

/* A map year -> euros as in the begroting document, with each key's node
 * (for a located error). */
typedef struct jz_yearmap {
    int n;
    int year[JZ_HORIZON_MAX + 64];
    double value[JZ_HORIZON_MAX + 64];
    const jz_node *key[JZ_HORIZON_MAX + 64];
    const jz_node *val[JZ_HORIZON_MAX + 64]; /* the amount's cell */
} jz_yearmap;

/* One zorgsoort (or product group) row: the figures as given (has_*: given;
 * n_*: the cell, for messages), and what derive.c makes of them. */
typedef struct jz_template_row {
    const jz_node *node;
    char key[JZ_KEY_MAX];
    char name[JZ_NAME_MAX];
    char taakveld[32];
    const jz_derive_reference *ref;
    int stages, has_stages;
    double spending, unique;
    double starts, ends, start, dur;
    int has_starts, has_ends, has_start, has_dur;
    const jz_node *n_spending, *n_unique, *n_starts, *n_ends, *n_start, *n_dur;
    jz_yearmap begroting;
    int has_begroting;
    const jz_node *n_begroting;
    /* derived: instroom per year, clients on 1 January, zorgduur (months),
     * client-years of the base year, euros per client-year */
    double A, S, D, cy, price;
} jz_template_row;

/* 1 when z's zorgduur is the reference table's (an assumption): none of
 * zorgduur, starts, in_zorg_1_januari or eindes given. */
static inline int jz_row_dur_assumed(const jz_template_row *z)
{
    return !z->has_dur && !z->has_start && !z->has_starts && !z->has_ends;
}

typedef struct jz_template_fixed {
    char name[JZ_NAME_MAX];
    double amount;
    const jz_node *n_amount, *n_index;
    jz_yearmap begroting;
    int has_begroting;
    char taakveld[32]; /* Iv3 taakveld, or "" */
} jz_template_fixed;

#define JZ_TEMPLATE_WARN_MAX 32

/* The whole template, with the horizon and the indexation resolved. */
typedef struct jz_template {
    const char *file;
    char code[JZ_CODE_MAX];
    char name[JZ_NAME_MAX];
    double inwoners, youth, youth_growth;
    int has_inwoners, has_youth, has_youth_growth;
    const jz_node *n_youth_growth; /* the jeugd_groei cell, for messages */
    int base_year, H, has_horizon;
    const jz_node *n_tariff, *n_budget_index;
    int n_zs;
    jz_template_row *zs;
    jz_yearmap begroting, rijks;
    int has_begroting, has_rijks;
    const jz_node *n_begroting;
    int n_fixed;
    jz_template_fixed *fixed;
    double tariff[JZ_HORIZON_MAX], bindex[JZ_HORIZON_MAX];
    /* warnings on the template's figures ("file:line:col: text", in the
     * arena): a begroting year left empty between two others, an amount
     * more than twice or less than half the year before it */
    const char *warn[JZ_TEMPLATE_WARN_MAX];
    int n_warn;
} jz_template;

/* Read and check the template tree root (all of it: the horizon, the
 * indexation series and every year of a begroting resolved); JZ_EINPUT at
 * the cell of the first mistake. */
int jz_template_read(jz_arena *a, const jz_node *root, jz_template *t, jz_error *err);
/* JZ_OK when every key of map is one of known (NULL-terminated), else a
 * located "<what>: unknown key 'x' (known: a, b, ...)" (no "<what>: "
 * when what is NULL); an English key whose Dutch word is known
 * (jz_key_other_language) is named: "did you mean 'jaar'? (<whose> keys
 * are Dutch; ...)".  One rule for the template and the realisation. */
int jz_keys_known(const jz_node *map, const char *const *known, const char *what, const char *whose,
                  jz_error *err);
/* 1 and *v when the map has the year. */
int jz_yearmap_get(const jz_yearmap *m, int year, double *v);
/* The budget index of year offset y against the base year: the product of
 * (1 + indexatie.begroting) over the years after the base year up to y. */
double jz_template_budget_factor(const jz_template *t, int y);

/* ---- the scenario YAML (derive_yaml.c) ---- */

typedef struct jz_derive_out {
    FILE *f;        /* the YAML goes here */
    jz_derive_assumption *ass; /* the assumptions that remain (malloc'd texts) */
    int n_ass, cap_ass;
    int oom;        /* 1 when an assumption could not be stored */
} jz_derive_out;

/* Write the scenario of the derived template t to o->f. */
int jz_derive_write(jz_derive_out *o, const jz_template *t, jz_error *err);

/* 1 when a template or realisation named name is in the CSV form: a name
 * ending in .csv, in any case (template_csv.c); the YAML form otherwise.
 * One rule for the reader and for the advice that names the form's rows. */
int jz_csv_form_name(const char *name);
/* template_csv.c: the CSV form of the template as the node tree of the
 * YAML one, every node located at its cell (row, spreadsheet column). */
int jz_template_csv_parse(jz_arena *a, const char *text, size_t len, const char *name, jz_node **root,
                          jz_error *err);
/* The CSV form of the realised months of `jzsim prognose` as the node tree
 * of the YAML realisation (template_csv.c). */
int jz_realisatie_csv_parse(jz_arena *a, const char *text, size_t len, const char *name, jz_node **root,
                            jz_error *err);

#endif
