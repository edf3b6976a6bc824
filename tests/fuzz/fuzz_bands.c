/*
 * fuzz_bands.c - the uncertainty bands reader (compare --bands): the input
 * is the CSV, read into a comparison of scenarios/example.yaml with itself.
 */
#include <unistd.h>

#include "fuzz_common.h"

static jz_scenario *sc;
static jz_result *res;
static char path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    jz_error err;
    sc = jz_scenario_load(JZ_FUZZ_SOURCE_DIR "/scenarios/example.yaml", NULL, &err);
    jz_workspace *w = sc ? jz_workspace_alloc(sc) : NULL;
    res = sc ? jz_result_alloc(sc) : NULL;
    if (!w || !res || jz_model_run(sc, w, res, &err) != JZ_OK)
        abort();
    jz_workspace_free(w);
    snprintf(path, sizeof path, "/tmp/jzfuzz-bands-%ld.csv", (long)getpid());
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    const jz_scenario *s2[2] = {sc, sc};
    const jz_result *r2[2] = {res, res};
    jz_error err;
    jz_comparison *c = jz_comparison_alloc(2, s2, r2, &err);
    if (c) {
        jz_cmp_read_bands(c, path, &err);
        jz_report_options o;
        jz_report_options_default(&o);
        o.format = JZ_FORMAT_CSV;
        jz_report_subject x = {.kind = JZ_REPORT_COMPARE, .comparison = c};
        jz_report(fuzz_sink(), &x, &o, &err);
    }
    jz_comparison_free(c);
    unlink(path);
    return 0;
}
