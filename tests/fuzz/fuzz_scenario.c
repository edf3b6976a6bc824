/*
 * fuzz_scenario.c - the scenario loader with `extends` (the input is loaded
 * as if it sat in scenarios/, so `extends: example.yaml` resolves), then a
 * model run and the csv, json and table reports.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    jz_error err;
    jz_scenario *s = jz_scenario_load_string((const char *)data, size, JZ_FUZZ_SOURCE_DIR "/scenarios/fuzz.yaml",
                                             NULL, &err);
    if (s)
        fuzz_run_and_report(s);
    jz_scenario_free(s);
    return 0;
}
