/*
 * compare_mc.c - the Monte Carlo part of `jzsim compare --draws N`: the
 * scenarios on the same draws (common random numbers), their bands attached
 * to the comparison that the compare reporters draw (see unc_cli.h).
 */
#include <stdio.h>
#include <string.h>

#include "cli/unc_cli.h"
#include "jzsim/compare.h"
#include "jzsim/mc.h"

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

int unc_compare_bands(jz_comparison *c, jz_scenario *const *sc, int n, long draws, unsigned long seed,
                      int threads, int quiet, const char *mc_output)
{
    static const struct {
        int mc, cmp;
    } map[] = {{JZ_MC_TEKORT, JZ_CMP_TEKORT},
               {JZ_MC_COST, JZ_CMP_COST},
               {JZ_MC_BEINVLOEDBAAR, JZ_CMP_BEINVLOEDBAAR},
               {JZ_MC_UNIQUE, JZ_CMP_UNIQUE}};
    jz_mc_options o;
    jz_mc_options_default(&o);
    o.draws = draws;
    o.seed = seed;
    o.threads = threads;
    unc_progress prog;
    unc_progress_init(&prog, quiet);
    o.progress = unc_progress_cb;
    o.progress_ctx = &prog;
    for (int i = 0; i < n; i++)
        unc_warn_ranges(sc[i], sc[i]->meta.path, quiet);
    jz_error err;
    jz_mc_comparison *m = NULL;
    int rc = -1; /* the exit code of writing mc_output; -1 before */
    int st = jz_mc_compare(n, (const jz_scenario *const *)sc, &o, &m, &err);
    unc_progress_end(&prog);
    if (st != JZ_OK)
        return cli_fail(&err);
    /* the bands of the region total (the only gemeente of a one-gemeente scenario) */
    for (int s = 0; s < n && st == JZ_OK; s++) {
        const jz_mc_result *r = m->runs[s];
        for (size_t k = 0; k < sizeof map / sizeof map[0] && st == JZ_OK; k++)
            for (int y = 0; y < r->horizon && st == JZ_OK; y++) {
                const jz_mc_stat *b = &r->stat[jz_mc_fig(r, map[k].mc, y)];
                st = jz_cmp_set_band(c, map[k].cmp, c->total_unit, s, r->base_year + y, b->q[0], b->q[2], b->q[4],
                                     &err);
            }
    }
    if (st == JZ_OK && mc_output) {
        jz_report_options ro;
        jz_report_options_default(&ro);
        ro.format = ends_with(mc_output, ".json")  ? JZ_FORMAT_JSON
                    : ends_with(mc_output, ".csv") ? JZ_FORMAT_CSV
                                                   : JZ_FORMAT_TABLE;
        jz_report_subject x = {.kind = JZ_REPORT_MC_COMPARE, .mc_compare = m};
        if ((rc = cli_report(mc_output, &x, &ro)) == EXIT_OK) /* else cli_report printed the error */
            rc = -1;
    }
    if (st == JZ_OK && rc < 0 && !quiet)
        fprintf(stderr, "jzsim: note: P5-P95 bands from %ld draws, seed %lu, generator %s, the same draws for "
                        "every scenario (docs/uncertainty.md)\n", draws, seed, JZ_RNG_NAME);
    jz_mc_comparison_free(m);
    return st != JZ_OK ? cli_fail(&err) : rc;
}
