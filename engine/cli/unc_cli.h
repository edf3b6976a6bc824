/*
 * unc_cli.h - option parsing and the progress bar shared by `jzsim mc`,
 * `jzsim sensitivity` and the Monte Carlo options of `jzsim compare`
 * (internal).
 */
#ifndef JZ_CLI_UNC_CLI_H
#define JZ_CLI_UNC_CLI_H

#include "cli/cli.h"
#include "jzsim/uncertainty.h"

/* A whole number in [lo, hi] ("10000", also "10k"); 0, or -1 after a usage error. */
int unc_cli_long(const char *cmd, const char *opt, const char *v, long lo, long hi, long *out);
/* A seed: 0 .. 4294967295. */
int unc_cli_seed(const char *cmd, const char *v, unsigned long *out);
/* An amount in euros, may be negative: "0", "-2.5M", "€ 1.2M", "750k". */
int unc_cli_money(const char *cmd, const char *opt, const char *v, double *out);

/* The same as options: argv[*i] is `opt` with a value (cli_opt_value), the
 * value parsed as above.  CLI_TAKEN, CLI_NOT_MINE, or CLI_ERROR after a
 * usage error. */
int unc_opt_long(const char *cmd, int argc, char **argv, int *i, const char *opt, long lo, long hi,
                 long *out);
int unc_opt_seed(const char *cmd, int argc, char **argv, int *i, unsigned long *out);
int unc_opt_money(const char *cmd, int argc, char **argv, int *i, const char *opt, double *out);

/* A warning on stderr (unless quiet), for `mc` and `compare --draws`, when
 * every uncertain input of the scenario at path is a range {value, low,
 * high} without a distribution: the draws keep ranges at their value (they
 * are for `sensitivity`), so every band would have no width. */
void unc_warn_ranges(const jz_scenario *s, const char *path, int quiet);

/* Progress on stderr while draws run: only when stderr is a terminal. */
typedef struct unc_progress {
    int enabled;
    int last; /* last percentage shown */
} unc_progress;

void unc_progress_init(unc_progress *p, int quiet);
/* The jz_mc_options.progress callback; ctx is an unc_progress. */
void unc_progress_cb(void *ctx, long done, long total);
/* Clear the bar's line. */
void unc_progress_end(unc_progress *p);

/* `jzsim compare --draws N`: run the scenarios on common random numbers
 * (jz_mc_compare), attach P5/P50/P95 bands of tekort, cost, beinvloedbaar
 * tekort and unique clients of the region total to the comparison, and
 * write the per-draw differences with the reference to mc_output (a table,
 * or CSV/JSON by the file's extension) when it is not NULL.  Returns -1 to
 * go on, or an exit code after printing the error. */
struct jz_comparison;
int unc_compare_bands(struct jz_comparison *c, jz_scenario *const *sc, int n, long draws,
                      unsigned long seed, int threads, int quiet, const char *mc_output);

#endif
