/*
 * bench_history.c - reading a large history CSV (issue 12 item 6).
 *
 *   bench_history [ROWS]   (default 1048576, Excel's row limit)
 *
 * Writes ROWS distinct gemeente x zorgsoort x year rows in CBS StatLine
 * form (';', decimal commas, quoted names) into memory and times
 * jz_history_parse_csv on them.  Before the row index the reader compared
 * every row with every earlier one (100k rows: 44 s).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jzsim/history.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

int main(int argc, char **argv)
{
    long rows = argc > 1 ? atol(argv[1]) : 1048576L;
    if (rows < 1)
        rows = 1;
    size_t cap = (size_t)rows * 80 + 256, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return 1;
    n += (size_t)snprintf(buf + n, cap - n,
                          "\"Gemeente\";\"Zorgsoort\";\"Perioden\";\"Instroom\";\"Unieke cliënten\";"
                          "\"Kosten (x 1 000 euro)\"\n");
    /* 60 years x 10 zorgsoorten per gemeente */
    for (long i = 0; i < rows; i++) {
        long y = i % 60, z = (i / 60) % 10, g = i / 600;
        n += (size_t)snprintf(buf + n, cap - n, "\"GM%05ld\";\"zorg%ld\";\"%ld\";%ld,5;%ld;%ld,25\n", g, z,
                              1960 + y, 100 + i % 97, 1000 + i % 89, 5000 + i % 83);
    }
    jz_error err;
    double t0 = now();
    jz_history *h = jz_history_parse_csv(buf, n, "bench.csv", &err);
    double t1 = now();
    if (!h) {
        fprintf(stderr, "bench_history: %s:%d:%d: %s\n", err.file, err.line, err.column, err.message);
        free(buf);
        return 1;
    }
    printf("rows %d, %.1f MiB: read in %.2f s (%.2f us per row)\n", h->n_rows, (double)n / 1048576.0, t1 - t0,
           1e6 * (t1 - t0) / h->n_rows);
    jz_history_free(h);
    free(buf);
    return 0;
}
