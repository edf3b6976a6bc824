/*
 * jzsim/prognose.h - the year end of the current year from its realised
 * months (`jzsim prognose`, docs/eigen-gemeente.md step 7).
 *
 * jz_prognose_run() fits the realised monthly spending per zorgsoort to the
 * scenario's monthly model (the part of the clients in care on 1 January
 * and the part of the year's instroom) and projects the rest of the year,
 * with a prediction band.
 */
#ifndef JZSIM_PROGNOSE_H
#define JZSIM_PROGNOSE_H

#include "jzsim/error.h"
#include "jzsim/model.h"
#include "jzsim/scenario.h"
#include "jzsim/taakveld.h"

#ifdef __cplusplus
extern "C" {
#endif
#define JZ_PROGNOSE_MONTHS 12

/* Realised figures of year `year` through month `months` (2..11). */
typedef struct jz_prognose_input {
    int year;
    int months;
    int n_zorgsoorten;     /* Z of the scenario it was read against */
    unsigned char *given;  /* [Z] 1 when the zorgsoort's spending is given */
    double *spending;      /* [Z * 12] realised euros in month t (0-based), t < months */
    unsigned char *clients_given; /* [Z] 1 when the clients in care are given */
    double *clients;       /* [Z * 12] clients in care at the end of month t, t < months */
    /* Where each zorgsoort's spending was written, for a message about it
     * (jz_prognose_run's check of its size): the file, and per zorgsoort the
     * line and column of its key (the CSV form: row and column A); 0 when
     * not read from a file. */
    char file[JZ_ERR_FILE_MAX];
    int *line, *column;    /* [Z] */
} jz_prognose_input;

/* Read realised figures (YAML: jaar, maanden, uitgaven: {zorgsoort: [per
 * month]}, optionally clienten: {zorgsoort: [in care at the end of each
 * month]}; or, for a path ending in .csv, the same as a CSV form) against
 * scenario s: keys must be zorgsoorten of s, the year a projected year.
 * Errors name file:line:column (in the CSV form: row and spreadsheet
 * column). */
int jz_prognose_read(const char *path, const jz_scenario *s,
                     jz_prognose_input **out, jz_error *err);
/* The same from text in memory; name is the file's name in messages, and a
 * name ending in .csv reads the CSV form (docs/eigen-gemeente.md step 7:
 * rows jaar and maanden, a row uitgaven and one row per zorgsoort below
 * it, clienten likewise), any other the YAML. */
int jz_prognose_read_string(const char *text, size_t len, const char *name, const jz_scenario *s,
                            jz_prognose_input **out, jz_error *err);
jz_prognose_input *jz_prognose_input_alloc(const jz_scenario *s);
void jz_prognose_input_free(jz_prognose_input *in);

/* The figures per zorgsoort, one list (CONTRIBUTING.md "One list per
 * family of fields"): X(field, key) with key the name in CSV and JSON.  The
 * struct fields, their storage and the reporters' rows come from it.
 * A zorgsoort without realised spending has no realised figure, no band and
 * no fitted factors: those are NaN (JSON null, an empty CSV value, "-" in the
 * table), and its year end is the scenario's.  The same for the clients:
 * without them the figures are the scenario's and their bands NaN. */
#define JZ_PROGNOSE_FIELDS(X)                                                              \
    X(realised, "realised")                 /* spending through month `months` */          \
    X(model_year, "scenario_year")          /* the scenario's spending in the year */      \
    X(year_end, "year_end")                 /* projected spending of the whole year */     \
    X(low, "low")                           /* the band at `level` */                      \
    X(high, "high")                                                                        \
    X(budget, "budget")                     /* the scenario's begroting of the year (the run's \
                                               budget: nominal, as cost) */                \
    X(over_budget, "over_budget")           /* year_end - budget: above 0 an overschrijding */ \
    X(over_budget_low, "over_budget_low")   /* low - budget, high - budget: the band of    \
                                               that difference */                          \
    X(over_budget_high, "over_budget_high")                                                \
    X(scale_start, "scale_start")           /* fitted factor on the spending from the      \
                                               clients of 1 January */                     \
    X(scale_inflow, "scale_inflow")         /* fitted factor on the spending from the      \
                                               year's instroom */                          \
    X(model_clients_end, "scenario_clients_end") /* the scenario's clients on 31 December */ \
    X(clients_end, "clients_end")           /* projected clients in care on 31 December */ \
    X(clients_end_low, "clients_end_low")                                                  \
    X(clients_end_high, "clients_end_high")                                                \
    X(model_unique, "scenario_unique")      /* the scenario's unique clients */            \
    X(unique, "unique")                     /* projected unique clients of the year */     \
    X(unique_low, "unique_low")                                                            \
    X(unique_high, "unique_high")

/* The totals over the zorgsoorten: X(field, key).  realised: the zorgsoorten
 * with realised spending (n_realised of them); year_end: those projected
 * plus the others at the scenario's figure; the band is that of the
 * realised zorgsoorten only (the others carry none). */
#define JZ_PROGNOSE_TOTALS(X)              \
    X(total_realised, "realised")          \
    X(total_model, "scenario_year")        \
    X(total_year_end, "year_end")          \
    X(total_low, "low")                    \
    X(total_high, "high")

/* The whole cost of the year (the run's total cost, the posts a begroting's
 * line for jeugd counts: the cost, not the begroting): X(field, key).  scenario_year is the run's g_cost;
 * year_end and the band are the zorgsoorten's plus the lines; realised is
 * the zorgsoorten's when every line is 0, else NaN (the lines are never
 * realised, so the realised part of the whole is not known). */
#define JZ_PROGNOSE_COST(X)                \
    X(cost_realised, "realised")           \
    X(cost_model, "scenario_year")         \
    X(cost_year_end, "year_end")           \
    X(cost_low, "low")                     \
    X(cost_high, "high")

/* The forecast against the begroting, for the subtotal of the zorgsoorten
 * (first field) and the whole cost (second): X(subtotal, whole, key).  The
 * subtotal's budget is the sum of the zorgsoorten's; the whole's is the
 * run's g_budget (the zorgsoorten's and the vaste lasten's begroting); each
 * over_budget is that row's year_end minus its budget, the band likewise. */
#define JZ_PROGNOSE_BUDGET(X)                                    \
    X(total_budget, cost_budget, "budget")                       \
    X(total_over_budget, cost_over_budget, "over_budget")        \
    X(total_over_budget_low, cost_over_budget_low, "over_budget_low") \
    X(total_over_budget_high, cost_over_budget_high, "over_budget_high")

/* The forecast per Iv3 taakveld, the rows of taakvelden.list:
 * X(field, key).  budget is the taakveld's begroting of the year as jzsim
 * run's taakveld table has it (jz_taakveld_totals); year_end the forecast of
 * its zorgsoorten (JZ_TAAKVELD_OUTSIDE, "overig": of the zorgsoorten without
 * a taakveld plus the lines outside the zorgsoorten, as in jzsim run);
 * over_budget their difference and its band (the band of its realised
 * zorgsoorten, as the total's; NaN when none of them is realised). */
#define JZ_PROGNOSE_TAAKVELD(X)                    \
    X(tv_budget, "budget")                         \
    X(tv_year_end, "year_end")                     \
    X(tv_over_budget, "over_budget")               \
    X(tv_over_budget_low, "over_budget_low")       \
    X(tv_over_budget_high, "over_budget_high")

typedef struct jz_prognose {
    int n_zorgsoorten;
    int gemeente;          /* index of the gemeente in the scenario */
    int year, months;
    double level;          /* coverage of the band, e.g. 0.8 */
    int any_clients;       /* 1 when clients were given for some zorgsoort */
    int n_realised;        /* zorgsoorten with realised spending */
#define JZ_PROGNOSE_FIELD_(field, key) double *field; /* [Z] */
    JZ_PROGNOSE_FIELDS(JZ_PROGNOSE_FIELD_)
#undef JZ_PROGNOSE_FIELD_
#define JZ_PROGNOSE_TOTAL_(field, key) double field;
    JZ_PROGNOSE_TOTALS(JZ_PROGNOSE_TOTAL_)
    JZ_PROGNOSE_COST(JZ_PROGNOSE_TOTAL_)
#undef JZ_PROGNOSE_TOTAL_
    /* The cost outside the zorgsoorten, in JZ_RESULT_COST_BEYOND_CARE_LINES
     * order (jzsim/model.h): each the scenario's own figure of the year from
     * its run, not realised and without a band.  With the zorgsoorten they
     * add up to the run's total cost, g_cost. */
    double lines[JZ_RESULT_N_COST_BEYOND_CARE];
    /* Their begroting: the vaste lasten's own (g_fixed_budget), 0 for the
     * others (the scenario budgets none of them); and lines - line_budget.
     * With the zorgsoorten's they add up to cost_budget and cost_over_budget. */
    double line_budget[JZ_RESULT_N_COST_BEYOND_CARE];
    double line_over_budget[JZ_RESULT_N_COST_BEYOND_CARE];
#define JZ_PROGNOSE_BUDGET_(sub, whole, key) double sub, whole;
    JZ_PROGNOSE_BUDGET(JZ_PROGNOSE_BUDGET_)
#undef JZ_PROGNOSE_BUDGET_
    /* Per taakveld (JZ_PROGNOSE_TAAKVELD), when the scenario books a
     * zorgsoort on one (taakvelden.n > 0, else nothing): the rows of
     * taakvelden.list (jz_taakveld_list_make's rule, as jzsim run; those with
     * a zorgsoort but no money in any year in taakvelden.empty), indexed as
     * the list.  With the taakvelden left out (no money) they add up to the
     * whole cost's budget and forecast. */
    jz_taakveld_list taakvelden;
#define JZ_PROGNOSE_TV_(field, key) double field[JZ_TAAKVELD_N + 1];
    JZ_PROGNOSE_TAAKVELD(JZ_PROGNOSE_TV_)
#undef JZ_PROGNOSE_TV_
    double *block;         /* storage of the [Z] arrays */
} jz_prognose;

/* The model's monthly spending of gemeente g, year index y, per zorgsoort,
 * split into the part of the clients in care on 1 January (from_start) and
 * the part of the year's instroom (from_inflow), [Z * 12] each, scaled so
 * that their sum over the months is the model's spending of the year (a
 * zorgsoort with no clients in care, whose cost is an external shift only:
 * that cost spread evenly over the months, in from_start).  r is a result
 * of s. */
int jz_prognose_profile(const jz_scenario *s, const jz_result *r, int g, int y,
                        double *from_start, double *from_inflow, jz_error *err);
/* The same for the clients in care at the end of each month (not scaled). */
int jz_prognose_stock_profile(const jz_scenario *s, const jz_result *r, int g, int y,
                              double *from_start, double *from_inflow, jz_error *err);

/* Project the year end of in->year for gemeente g: per zorgsoort the
 * realised monthly spending is fitted (weighted least squares) as
 * a x from_start + b x from_inflow, the rest of the year is the fitted model,
 * and the band is the prediction interval at `level` (0 < level < 1) with a
 * Student-t quantile (docs/eigen-gemeente.md, "Prognose lopend jaar").
 * Clients in care, when given, are fitted the same way on the stock
 * profile: the clients on 31 December and the unique clients of the year. */
int jz_prognose_run(const jz_scenario *s, int g, const jz_prognose_input *in,
                    double level, jz_prognose **out, jz_error *err);
void jz_prognose_free(jz_prognose *p);

#ifdef __cplusplus
}
#endif
#endif
