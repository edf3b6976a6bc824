/*
 * fuzz_history.c - the history readers (CSV when the input's first byte is
 * even, YAML when odd), then calibration of tests/data/history/synth.yaml
 * to what was read, the calibrated scenario written and loaded back.
 */
#include "fuzz_common.h"

static jz_scenario *base;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    jz_error err;
    base = jz_scenario_load(JZ_FUZZ_SOURCE_DIR "/tests/data/history/synth.yaml", NULL, &err);
    if (!base) {
        fprintf(stderr, "fuzz_history: %s\n", err.message);
        abort();
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    jz_error err;
    const char *text = (const char *)data + 1;
    jz_history *h = (data[0] & 1) ? jz_history_parse_yaml(text, size - 1, "fuzz.yaml", &err)
                                  : jz_history_parse_csv(text, size - 1, "fuzz.csv", &err);
    if (!h)
        return 0;
    jz_calib_options o;
    jz_calib_options_default(&o);
    jz_calib *c = jz_calibrate(base, h, &o, &err);
    if (c) {
        jz_report_options ro;
        jz_report_options_default(&ro);
        jz_report_subject x = {.kind = JZ_REPORT_CALIBRATE, .calib = c};
        jz_report(fuzz_sink(), &x, &ro, &err);
        char *buf = NULL;
        size_t len = 0;
        FILE *m = open_memstream(&buf, &len);
        if (m && jz_calib_write_yaml(m, c, JZ_FUZZ_SOURCE_DIR "/tests/data/history/synth.yaml", &err) == JZ_OK &&
            fclose(m) == 0) {
            m = NULL;
            /* the round trip: what calibrate writes is loaded back */
            jz_scenario *s = jz_scenario_load_string(buf, len, JZ_FUZZ_SOURCE_DIR "/tests/data/history/fit.yaml",
                                                     NULL, &err);
            jz_scenario_free(s);
        }
        if (m)
            fclose(m);
        free(buf);
    }
    jz_calib_free(c);
    jz_history_free(h);
    return 0;
}
