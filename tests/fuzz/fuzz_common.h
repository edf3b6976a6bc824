/*
 * fuzz_common.h - shared pieces of the libFuzzer targets (tests/fuzz/).
 * Built only with -DJZ_FUZZ=ON (clang); see docs/robustness.md.
 */
#ifndef JZ_FUZZ_COMMON_H
#define JZ_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzsim/jzsim.h"

/* Fuzz inputs stay small enough to run in milliseconds: a scenario whose run
 * would take more than this is refused (as the CLI refuses above its limit). */
#define FUZZ_MODEL_BYTES ((size_t)32 << 20)

/* Reports go nowhere, but through the real writers. */
static inline FILE *fuzz_sink(void)
{
    static FILE *sink;
    if (!sink)
        sink = fopen("/dev/null", "w");
    return sink;
}

/* Write x in every basic format (CSV, JSON, table) to the sink; errors are
 * fine, crashes are not. */
static inline void fuzz_report_basic(const jz_report_subject *x)
{
    jz_error err;
    jz_report_options ro;
    jz_report_options_default(&ro);
    static const jz_format formats[] = {JZ_FORMAT_CSV, JZ_FORMAT_JSON, JZ_FORMAT_TABLE};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        ro.format = formats[i];
        jz_report(fuzz_sink(), x, &ro, &err);
    }
}

/* Run s and write every basic report; errors are fine, crashes are not. */
static inline void fuzz_run_and_report(const jz_scenario *s)
{
    jz_error err;
    if (jz_model_check_size(s, FUZZ_MODEL_BYTES, &err) != JZ_OK)
        return;
    jz_result *r = jz_result_alloc(s);
    jz_workspace *w = jz_workspace_alloc(s);
    if (r && w && jz_model_run(s, w, r, &err) == JZ_OK) {
        jz_report_subject x = {.kind = JZ_REPORT_RUN, .scenario = s, .result = r};
        fuzz_report_basic(&x);
    }
    jz_workspace_free(w);
    jz_result_free(r);
}

#endif
