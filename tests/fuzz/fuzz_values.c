/*
 * fuzz_values.c - the value parser: the input (one line) becomes the value
 * of one of several keys of a small scenario, chosen by its first byte, so
 * that numbers, units, percentages, year series and distributions are
 * parsed where the loader parses them; then a run and the reports.
 */
#include "fuzz_common.h"

static const char *const slots[] = {"instroom", "start", "zorgduur", "cost", "intensity_trend", "transitions",
                                    "budget", "reentry"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 4096)
        return 0;
    char value[4100];
    size_t n = 0;
    for (size_t i = 1; i < size; i++) /* one line; the value may still be a flow map or list */
        value[n++] = (data[i] == '\n' || data[i] == '\r' || data[i] == '\0') ? ' ' : (char)data[i];
    value[n] = '\0';
    const char *slot = slots[data[0] % (sizeof slots / sizeof slots[0])];
    char yaml[6000];
    int len = snprintf(yaml, sizeof yaml,
                       "meta: {name: F, base_year: 2024, horizon: 3}\n"
                       "zorgsoorten:\n"
                       "  - {key: a, name: A, instroom: 10, start: 10, zorgduur: 12, cost: 10k}\n"
                       "  - key: b\n    name: B\n    instroom: 5\n    start: 5\n    zorgduur: 6\n    cost: 5k\n"
                       "    %s: %s\n"
                       "gemeenten:\n"
                       "  - {code: GM0001, name: G, population: {youth: {base: 1000}}}\n",
                       slot, value);
    if (len < 0 || (size_t)len >= sizeof yaml)
        return 0;
    jz_error err;
    jz_scenario *s = jz_scenario_load_string(yaml, (size_t)len, "fuzz.yaml", NULL, &err);
    if (s)
        fuzz_run_and_report(s);
    jz_scenario_free(s);
    return 0;
}
