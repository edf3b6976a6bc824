/*
 * bench_model.c - timing of jz_model_run on a synthetic national scenario
 * (342 gemeenten x 12 zorgsoorten x 15 years, monthly steps, stages 1..4,
 * transitions, re-entry, ageing, per-1,000 instroom, budgets and fixed
 * lines).  All numbers are deterministic functions of the indices, so runs
 * are reproducible without an RNG.  See bench/README.md for the command.
 *
 * Reports (plain text on stdout):
 *   - one run: median and minimum of 20 individually timed runs;
 *   - per-run cost in a single-threaded loop of 1,000 runs (the Monte Carlo
 *     use: same workspace and result reused);
 *   - the duration coefficients: closed form (erlang.c), the same four at a
 *     time (erlang_lanes.c, what the run uses), and computing the same
 *     Poisson tails with gsl_sf_gamma_inc_P, per cell-year;
 *   - peak RSS (getrusage).
 * Usage: bench_model [-G n] [-Z n] [-H n] [-k kmax] [-q] [-x DIR] [--one-gemeente] [runs_in_loop]
 *   -G -Z -H   size (default 342 x 12 x 15; Z >= 3, the last two are 18-22)
 *   -k kmax    stages of zorgsoort z are z % kmax + 1 (default 4, at most 20)
 *   -q         quick: two runs and nothing else (for valgrind --tool=callgrind;
 *              the second run is the one to read, the first touches memory)
 *   -x DIR     write the volume inputs and the stocks of one run to DIR for
 *              the NumPy peer (bench/peers/volume_numpy.py)
 *   --one-gemeente  step one gemeente at a time, not four side by side in
 *              vector lanes (the same bits; for an A/B in one binary)
 * (default loop 1000)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_gamma.h>

#include "jzsim/model.h"
#include "model/erlang.h"
#include "model/erlang_lanes.h"
#include "scenario/build.h"

#include "national.h"

enum { SINGLE_RUNS = 20 };

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* CPU time of this process: on a loaded machine the honest figure next to
 * the wall-clock one. */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The same Poisson tails as one jz_erlang_step needs, via GSL. */
static double gsl_tails(int k, double c)
{
    double t = 0.0;
    for (int n = 1; n <= k + 1; n++)
        t += gsl_sf_gamma_inc_P(n, c);
    return t;
}

static void bench_coefficients(void)
{
    enum { N = 200000 };
    jz_erlang e;
    double sink = 0.0;
    double t0 = cpu_now();
    for (int i = 0; i < N; i++) {
        int k = i % 4 + 1;
        double D = 4.0 + 30.0 * spread(i, 7);
        if (jz_erlang_step(&e, k, D, 0.03, 1.0) == 0)
            sink += e.V;
    }
    double t1 = cpu_now();
    for (int i = 0; i < N; i++) {
        int k = i % 4 + 1;
        double D = 4.0 + 30.0 * spread(i, 7);
        double c = k / D - log1p(-0.03) / 12.0;
        sink += gsl_tails(k, c);
    }
    double t2 = cpu_now();
    /* the same sets JZ_LANES at a time, as the run makes them (coef.c):
     * lanes of one call share k, so set i goes to lane i % JZ_LANES of a
     * call with k = (i / JZ_LANES) % 4 + 1 */
    jz_erlang_lanes v;
    for (int i = 0; i < N; i += JZ_LANES) {
        int k = (i / JZ_LANES) % 4 + 1;
        double D[JZ_LANES], p[JZ_LANES];
        for (int l = 0; l < JZ_LANES; l++) {
            D[l] = 4.0 + 30.0 * spread(i + l, 7);
            p[l] = 0.03;
        }
        if (jz_erlang_step_lanes(&v, k, D, p, 1.0) == 0)
            for (int l = 0; l < JZ_LANES; l++)
                sink += v.V[l];
    }
    double t3 = cpu_now();
    printf("coefficients per cell-year (k = 1..4, cpu): closed form %.0f ns, %d at a time %.0f ns, "
           "Poisson tails alone via gsl_sf_gamma_inc_P %.0f ns   [checksum %.6g]\n",
           1e9 * (t1 - t0) / N, JZ_LANES, 1e9 * (t3 - t2) / N, 1e9 * (t2 - t1) / N, sink);
}

/* Write n doubles to DIR/name (raw, native byte order). */
static int put(const char *dir, const char *name, const double *x, size_t n)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t ok = fwrite(x, sizeof *x, n, f);
    return fclose(f) == 0 && ok == n ? 0 : -1;
}

/* The volume inputs of s and the stocks of r, for bench/peers/: arrays in
 * [g][z][y] (transition [g][z][y][w]) order, integers stored as doubles. */
static int export_run(const char *dir, const jz_scenario *s, const jz_result *r)
{
    const size_t GZ = (size_t)G * (size_t)Z, GZH = GZ * (size_t)H;
    double *buf = malloc(GZH * (size_t)Z * sizeof *buf);
    if (!buf)
        return -1;
    int rc = 0;
    char meta[256];
    snprintf(meta, sizeof meta, "%s/meta.txt", dir);
    FILE *f = fopen(meta, "w");
    if (!f) {
        free(buf);
        return -1;
    }
    fprintf(f, "%d %d %d %d\n", G, Z, H, s->meta.steps_per_year);
    rc |= fclose(f) != 0;
    for (int z = 0; z < Z; z++)
        buf[z] = s->zorgsoorten[z].stages;
    rc |= put(dir, "stages", buf, (size_t)Z);
#define PER_CELL(expr, name)                                                                       \
    do {                                                                                          \
        for (size_t i = 0; i < GZ; i++) {                                                         \
            const jz_cell *c = &s->cells[i];                                                      \
            (void)c;                                                                              \
            buf[i] = (expr);                                                                      \
        }                                                                                         \
        rc |= put(dir, name, buf, GZ);                                                            \
    } while (0)
#define PER_CELL_YEAR(expr, name)                                                                  \
    do {                                                                                          \
        for (size_t i = 0; i < GZ; i++) {                                                         \
            const jz_cell *c = &s->cells[i];                                                      \
            int g = (int)(i / (size_t)Z), z = (int)(i % (size_t)Z);                               \
            (void)c, (void)g, (void)z;                                                            \
            for (int y = 0; y < H; y++)                                                           \
                buf[i * (size_t)H + (size_t)y] = (expr);                                          \
        }                                                                                         \
        rc |= put(dir, name, buf, GZH);                                                           \
    } while (0)
    PER_CELL(c->start, "start0");
    PER_CELL(c->instroom_per_1000, "per1000");
    PER_CELL(c->reentry_delay, "reentry_delay");
    PER_CELL(c->reentry_to, "reentry_to");
    PER_CELL(c->ageing_to, "ageing_to");
    PER_CELL_YEAR(c->instroom[y], "instroom");
    PER_CELL_YEAR(s->gemeenten[g].population[s->zorgsoorten[z].population][y], "population");
    PER_CELL_YEAR(c->instroom_trend[y], "trend");
    PER_CELL_YEAR(c->zorgduur[y], "zorgduur");
    PER_CELL_YEAR(c->reentry[y], "reentry");
    PER_CELL_YEAR(c->ageing_rate[y], "ageing_rate");
    PER_CELL_YEAR(c->ageing_transfer[y], "ageing_transfer");
    PER_CELL_YEAR(r->start[jz_result_cz(r, g, z, y)], "out_start");
    PER_CELL_YEAR(r->end[jz_result_cz(r, g, z, y)], "out_end");
    PER_CELL_YEAR(r->client_years[jz_result_cz(r, g, z, y)], "out_client_years");
#undef PER_CELL
#undef PER_CELL_YEAR
    for (size_t i = 0; i < GZ; i++)
        for (int y = 0; y < H; y++)
            for (int v = 0; v < Z; v++)
                buf[(i * (size_t)H + (size_t)y) * (size_t)Z + (size_t)v] =
                    s->cells[i].transition[(size_t)y * (size_t)Z + (size_t)v];
    rc |= put(dir, "transition", buf, GZH * (size_t)Z);
    free(buf);
    return rc ? -1 : 0;
}

static int dim(const char *arg, int lo, int hi, const char *what)
{
    int v = atoi(arg);
    if (v < lo || v > hi) {
        fprintf(stderr, "bench_model: %s must be %d..%d, got '%s'\n", what, lo, hi, arg);
        exit(2);
    }
    return v;
}

int main(int argc, char **argv)
{
    int loop = 1000, quick = 0, one_gemeente = 0;
    const char *export_dir = NULL;
    for (int i = 1; i < argc; i++) {
        const char *o = argv[i];
        int more = i + 1 < argc;
        if (strcmp(o, "-G") == 0 && more)
            G = dim(argv[++i], 1, 100000, "-G");
        else if (strcmp(o, "-Z") == 0 && more)
            Z = dim(argv[++i], 3, 200, "-Z");
        else if (strcmp(o, "-H") == 0 && more)
            H = dim(argv[++i], 1, JZ_HORIZON_MAX, "-H");
        else if (strcmp(o, "-k") == 0 && more)
            KMAX = dim(argv[++i], 1, JZ_STAGES_MAX, "-k");
        else if (strcmp(o, "-x") == 0 && more)
            export_dir = argv[++i];
        else if (strcmp(o, "-q") == 0)
            quick = 1;
        else if (strcmp(o, "--one-gemeente") == 0) /* A/B: no gemeenten side by side in lanes */
            one_gemeente = 1;
        else
            loop = atoi(o);
    }
    if (loop < 1)
        loop = 1;
    gsl_set_error_handler_off();

    double tb = now();
    jz_scenario *s = national();
    jz_workspace *w = s ? jz_workspace_alloc(s) : NULL;
    jz_result *r = s ? jz_result_alloc(s) : NULL;
    if (!s || !w || !r) {
        fprintf(stderr, "bench_model: out of memory\n");
        return 1;
    }
    jz_workspace_set_gemeente_lanes(w, !one_gemeente);
    double te = now();
    printf("scenario: %d gemeenten x %d zorgsoorten x %d years, %d steps/year, stages 1..%d "
           "(built in %.1f ms; result %.1f MiB)\n",
           G, Z, H, s->meta.steps_per_year, KMAX < Z ? KMAX : Z, 1e3 * (te - tb),
           (double)(r->block_len * sizeof(double)) / (1 << 20));

    jz_error err;
    if (quick || export_dir) {
        for (int i = 0; i < 2; i++)
            if (jz_model_run(s, w, r, &err) != JZ_OK) {
                fprintf(stderr, "bench_model: run failed: %s\n", err.message);
                return 1;
            }
        size_t last = jz_result_gy(r, G, H - 1);
        printf("region %d: clients %.1f, cost %.6e, tekort %.6e euro\n",
               jz_scenario_year(s, H - 1), r->g_unique[last], r->g_cost[last], r->g_tekort[last]);
        /* FNV-1a over every byte of the result: equal when the run is bit
         * for bit the same (compare builds before and after a change) */
        unsigned long long h = 1469598103934665603ull;
        const unsigned char *p = (const unsigned char *)r->block;
        for (size_t i = 0; i < r->block_len * sizeof(double); i++)
            h = (h ^ p[i]) * 1099511628211ull;
        printf("result hash %016llx\n", h);
        if (export_dir && export_run(export_dir, s, r) != 0) {
            fprintf(stderr, "bench_model: cannot write to %s\n", export_dir);
            return 1;
        }
        jz_result_free(r);
        jz_workspace_free(w);
        jz_scenario_free(s);
        return 0;
    }

    double times[SINGLE_RUNS];
    for (int i = 0; i < SINGLE_RUNS; i++) {
        double t0 = now();
        int rc = jz_model_run(s, w, r, &err);
        times[i] = now() - t0;
        if (rc != JZ_OK) {
            fprintf(stderr, "bench_model: run failed: %s\n", err.message);
            return 1;
        }
    }
    qsort(times, SINGLE_RUNS, sizeof times[0], cmp_double);
    printf("one run: median %.3f ms, min %.3f ms (of %d)\n",
           1e3 * times[SINGLE_RUNS / 2], 1e3 * times[0], SINGLE_RUNS);

    double t0 = now(), c0 = cpu_now();
    for (int i = 0; i < loop; i++)
        if (jz_model_run(s, w, r, &err) != JZ_OK)
            return 1;
    double t1 = now(), c1 = cpu_now();
    printf("loop of %d runs: %.3f s total, %.3f ms per run (cpu %.3f ms per run)\n", loop, t1 - t0,
           1e3 * (t1 - t0) / loop, 1e3 * (c1 - c0) / loop);

    size_t last = jz_result_gy(r, G, H - 1);
    printf("region %d: clients %.1f, cost %.6e, tekort %.6e euro\n",
           jz_scenario_year(s, H - 1), r->g_unique[last], r->g_cost[last], r->g_tekort[last]);

    bench_coefficients();

    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) == 0)
        printf("peak RSS: %.1f MiB\n", (double)ru.ru_maxrss / 1024.0);

    jz_result_free(r);
    jz_workspace_free(w);
    jz_scenario_free(s);
    return 0;
}
