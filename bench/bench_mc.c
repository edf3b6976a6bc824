/*
 * bench_mc.c - Monte Carlo throughput: draws per second of jz_mc_run with 1
 * and with 2 threads (more when asked), for the scenarios given (default
 * scenarios/example.yaml and scenarios/example-onzeker.yaml, run from the
 * repository root).  Also checks that every thread count gives the same
 * median tekort bit for bit.  See bench/README.md.
 *
 *   bench_mc [-n DRAWS] [-t MAX_THREADS] [SCENARIO.yaml ...]
 *   bench_mc --national [--money] [--one-lane] [-n DRAWS] [-t MAX_THREADS] [-r REPEATS] [-G GEMEENTEN]
 *
 * --national: the synthetic national scenario of bench_model (bench/national.h,
 * 342 x 12 x 15) with 37 uncertain inputs (a factor on zorgduur, instroom and
 * cost per zorgsoort, and the budget index), the region's figures; also
 * prints the peak RSS of the process.  --money: only the 13 money inputs
 * (cost per zorgsoort and the budget index): every draw keeps the volumes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <gsl/gsl_errno.h>

#include "jzsim/jzsim.h"
#include "jzsim/mc.h"

#include "national.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int repeats = 3;
static int money_only = 0;
static int one_lane = 0; /* --one-lane: one draw at a time (jz_mc_options.lanes = 1) */

static int bench(const char *path, long draws, int max_threads)
{
    jz_error err;
    jz_scenario *s = NULL;
    if (path)
        s = jz_scenario_load(path, NULL, &err);
    else if ((s = national()) && national_uncertain(s, money_only)) {
        jz_scenario_free(s);
        s = NULL;
    }
    if (!s) {
        char buf[2048];
        if (path)
            fprintf(stderr, "bench_mc: %s\n", jz_error_format(&err, buf, sizeof buf));
        else
            fprintf(stderr, "bench_mc: out of memory\n");
        return 1;
    }
    if (!path)
        path = "national (bench/national.h)";
    printf("%s: %d gemeente(n) x %d zorgsoorten x %d years, %d uncertain inputs, %ld draws\n", path,
           s->n_gemeenten, s->n_zorgsoorten, s->meta.horizon, s->n_uncertain, draws);
    double p50_1 = 0.0;
    for (int t = 1; t <= max_threads; t++) {
        double best = 1e300, p50 = 0.0, times[16];
        int nrep = repeats < 16 ? repeats : 16;
        for (int rep = 0; rep < nrep; rep++) {
            jz_mc_options o;
            jz_mc_options_default(&o);
            o.draws = draws;
            o.seed = 1;
            o.threads = t;
            o.lanes = one_lane;
            jz_mc_result *r = NULL;
            double t0 = now();
            if (jz_mc_run(s, &o, &r, &err) != JZ_OK) {
                fprintf(stderr, "bench_mc: %s\n", err.message);
                jz_scenario_free(s);
                return 1;
            }
            double dt = now() - t0;
            times[rep] = dt;
            if (dt < best)
                best = dt;
            p50 = r->stat[jz_mc_fig(r, JZ_MC_TEKORT, r->horizon - 1)].q[2];
            jz_mc_result_free(r);
        }
        if (t == 1)
            p50_1 = p50;
        for (int i = 1; i < nrep; i++) /* insertion sort for the median */
            for (int j = i; j > 0 && times[j] < times[j - 1]; j--) {
                double x = times[j];
                times[j] = times[j - 1];
                times[j - 1] = x;
            }
        printf("  threads %d: %8.1f draws/s  (min %.3f s, median %.3f s of %d)  P50 tekort last year %.2f%s\n",
               t, (double)draws / best, best, times[nrep / 2], nrep, p50,
               p50 == p50_1 ? "" : "  DIFFERENT FROM 1 THREAD");
    }
    jz_scenario_free(s);
    return 0;
}

int main(int argc, char **argv)
{
    gsl_set_error_handler_off();
    long draws = 20000;
    int max_threads = 2, rc = 0, nfiles = 0, nat = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
            draws = atol(argv[++i]);
        else if (strcmp(argv[i], "-t") == 0 && i + 1 < argc)
            max_threads = atoi(argv[++i]);
        else if (strcmp(argv[i], "-r") == 0 && i + 1 < argc)
            repeats = atoi(argv[++i]);
        else if (strcmp(argv[i], "--national") == 0)
            nat = 1;
        else if (strcmp(argv[i], "--money") == 0)
            money_only = 1;
        else if (strcmp(argv[i], "--one-lane") == 0)
            one_lane = 1;
        else if (strcmp(argv[i], "-G") == 0 && i + 1 < argc)
            G = atoi(argv[++i]);
    }
    if (repeats < 1)
        repeats = 1;
    if (G < 1)
        G = 1;
    if (draws < 1 || max_threads < 1) {
        fprintf(stderr, "usage: bench_mc [-n DRAWS] [-t MAX_THREADS] [SCENARIO.yaml ...]\n");
        return 2;
    }
    if (nat) {
        rc = bench(NULL, draws, max_threads);
        struct rusage ru;
        if (getrusage(RUSAGE_SELF, &ru) == 0)
            printf("peak RSS: %.1f MiB\n", (double)ru.ru_maxrss / 1024.0);
        return rc;
    }
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-n") == 0 || strcmp(argv[i], "-t") == 0 || strcmp(argv[i], "-r") == 0 ||
            strcmp(argv[i], "-G") == 0) {
            i++;
            continue;
        }
        if (strcmp(argv[i], "--one-lane") == 0)
            continue;
        nfiles++;
        rc |= bench(argv[i], draws, max_threads);
    }
    if (!nfiles) {
        rc |= bench("scenarios/example.yaml", draws, max_threads);
        rc |= bench("scenarios/example-onzeker.yaml", draws, max_threads);
    }
    return rc;
}
