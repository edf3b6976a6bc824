/*
 * bench_records.c - `jzsim records` on 1,000,000 trajectory rows.
 *
 * Writes a synthetic export (a region of 10 gemeenten, 11 zorgsoorten
 * through iJw product codes, ten years 2014-2023 with the window from
 * 2016, Erlang durations of 2-36 months, costs in Dutch decimals, some
 * transitions and returns) to a temporary file, then times what the
 * command does: read (jz_records_load), analyse (counts per year and
 * half-year, Kaplan-Meier and all fits per zorgsoort, transitions) and
 * write every output (history, report CSV, HTML, to /dev/null).  Peak RSS
 * and CPU time from getrusage (on a shared machine the CPU time is the
 * steadier figure).  Deterministic (gsl_rng_mt19937, seed 14).
 *
 *   ./build-bench/bench_records [ROWS]      (default 1000000)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "jzsim/jzsim.h"
#include "jzsim/records.h"

static double cpu(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 + (double)ru.ru_stime.tv_sec +
           (double)ru.ru_stime.tv_usec * 1e-6;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    long rows = argc > 1 ? atol(argv[1]) : 1000000;
    char path[] = "/tmp/jz_bench_records_XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return 1;
    FILE *f = fdopen(fd, "w");
    static const struct {
        const char *code;
        double months, k;
    } prod[] = {{"31A01", 4, 1}, {"45A01", 10, 2}, {"45A02", 8, 2}, {"41A01", 9, 2},  {"35A01", 30, 2},
                {"36A01", 24, 2}, {"43A03", 14, 2}, {"37A01", 6, 3},  {"46A01", 2, 1}, {"48A01", 20, 3},
                {"47A01", 12, 2}};
    const int np = sizeof prod / sizeof prod[0];
    gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(g, 14);
    const int from = jz_day_from_ymd(2014, 1, 1), W = jz_day_from_ymd(2016, 1, 1), E = jz_day_from_ymd(2023, 12, 31);
    fprintf(f, "clientnummer;gemeentecode;productcode;begindatum;einddatum;kosten\n");
    long n = 0, client = 0;
    while (n < rows) {
        int start = from + (int)gsl_rng_uniform_int(g, (unsigned long)(E - from + 1));
        client++;
        int gm = (int)gsl_rng_uniform_int(g, 10);
        for (int step = 0; step < 3 && n < rows && start <= E; step++) {
            int p = (int)gsl_rng_uniform_int(g, (unsigned long)np);
            double T = gsl_ran_gamma(g, prod[p].k, prod[p].months * JZ_DAYS_PER_MONTH / prod[p].k);
            int end = start + (int)T;
            if (end < W)
                break;
            char s[16], e[16] = "";
            int y, m, d;
            jz_ymd_from_day(start, &y, &m, &d);
            snprintf(s, sizeof s, "%02d-%02d-%04d", d, m, y);
            if (end <= E) {
                jz_ymd_from_day(end, &y, &m, &d);
                snprintf(e, sizeof e, "%02d-%02d-%04d", d, m, y);
            }
            double cost = (end < E ? end : E) - start + 1;
            fprintf(f, "K%09ld;GM%04d;%s;%s;%s;%.0f,%02d\n", client * 7919 % 1000000007, 100 + gm, prod[p].code, s, e,
                    cost * 31, (int)(client % 100));
            n++;
            if (end > E || gsl_rng_uniform(g) > 0.3)
                break;
            start = end + 1 + (int)gsl_rng_uniform_int(g, 400); /* a next trajectory: transition or return */
        }
    }
    fclose(f);
    gsl_rng_free(g);

    jz_records_options o;
    jz_records_options_default(&o);
    o.window_start = W;
    o.export_date = E;
    o.half_years = 1;
    jz_error err;
    double c0 = cpu(), t0 = now();
    jz_records *r = jz_records_load(path, &o, &err);
    double t1 = now();
    if (!r) {
        char b[2048];
        fprintf(stderr, "bench_records: %s\n", jz_error_format(&err, b, sizeof b));
        remove(path);
        return 1;
    }
    jz_records_analysis *a = jz_records_analyse(r, &err);
    double t2 = now();
    if (!a) {
        remove(path);
        return 1;
    }
    FILE *null = fopen("/dev/null", "w");
    jz_records_write_history(null, a, &err);
    jz_report_options ro;
    jz_report_options_default(&ro);
    jz_report_subject x = {.kind = JZ_REPORT_RECORDS, .records = a};
    ro.format = JZ_FORMAT_CSV;
    ro.csv_nl = 1;
    jz_report(null, &x, &ro, &err);
    ro.format = JZ_FORMAT_HTML;
    jz_report(null, &x, &ro, &err);
    fclose(null);
    double t3 = now(), c3 = cpu();
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("rows %ld, trajectories %d, clients %d, zorgsoorten %d, gemeenten %d\n", rows, r->n, r->n_clients,
           r->n_zorgsoorten, r->n_gemeenten);
    printf("read %.2f s, analyse %.2f s, write %.2f s, total %.2f s\n", t1 - t0, t2 - t1, t3 - t2, t3 - t0);
    printf("CPU time (user + system) %.2f s; peak RSS %.1f MiB (includes the generator's buffers)\n", c3 - c0,
           ru.ru_maxrss / 1024.0);
    for (int z = 0; z < a->n_durations; z++)
        printf("  %-14s n %7d  Erlang-%d mean %6.2f +/- %.2f months\n", r->zorgsoorten[z], a->durations[z].n,
               a->durations[z].best_k, a->durations[z].erlang[a->durations[z].best_k].mean,
               a->durations[z].erlang[a->durations[z].best_k].se_mean);
    jz_records_analysis_free(a);
    jz_records_free(r);
    remove(path);
    return 0;
}
