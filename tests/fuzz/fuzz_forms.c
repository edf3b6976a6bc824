/*
 * fuzz_forms.c - the forms a controller fills in Excel or a text editor:
 * the first byte picks one, the rest is its text.
 *   0: the template of jzsim init as CSV (jz_derive_from_string: read,
 *      derived, the derived scenario loaded and run once)
 *   1: the realised months of jzsim prognose as CSV, 2: as YAML
 *      (jz_prognose_read_string against the scenario derived from
 *      scenarios/sjabloon/voorbeeld.yml, then jz_prognose_run and its
 *      three reports)
 * Errors are fine; crashes, leaks and undefined behaviour are not.
 */
#include "fuzz_common.h"

#include "jzsim/derive.h"
#include "jzsim/prognose.h"

/* The scenario the realisations are read against, derived once. */
static jz_scenario *voorbeeld(void)
{
    static jz_scenario *s;
    static int tried;
    if (tried)
        return s;
    tried = 1;
    jz_error err;
    jz_derive_result *d = NULL;
    if (jz_derive_from_file(JZ_FUZZ_SOURCE_DIR "/scenarios/sjabloon/voorbeeld.yml", &d, &err) != JZ_OK)
        return NULL;
    s = jz_scenario_load_string(d->yaml, d->yaml_len, "voorbeeld.yaml", NULL, &err);
    jz_derive_result_free(d);
    return s;
}

static void prognose(const char *text, size_t len, const char *name)
{
    const jz_scenario *s = voorbeeld();
    if (!s)
        abort(); /* the shipped template must derive and load */
    jz_error err;
    jz_prognose_input *in = NULL;
    if (jz_prognose_read_string(text, len, name, s, &in, &err) != JZ_OK)
        return;
    jz_prognose *p = NULL;
    if (jz_prognose_run(s, 0, in, 0.8, &p, &err) == JZ_OK) {
        jz_report_subject x = {.kind = JZ_REPORT_PROGNOSE, .scenario = s, .prognose = p};
        fuzz_report_basic(&x);
    }
    jz_prognose_free(p);
    jz_prognose_input_free(in);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 65536)
        return 0;
    const char *text = (const char *)data + 1;
    const size_t len = size - 1;
    jz_error err;
    switch (data[0] % 3) {
    case 0: {
        jz_derive_result *d = NULL;
        if (jz_derive_from_string(text, len, "fuzz.csv", &d, &err) == JZ_OK) {
            jz_scenario *s = jz_scenario_load_string(d->yaml, d->yaml_len, "derived.yaml", NULL, &err);
            if (s)
                fuzz_run_and_report(s);
            jz_scenario_free(s);
        }
        jz_derive_result_free(d);
        break;
    }
    case 1: prognose(text, len, "fuzz.csv"); break;
    default: prognose(text, len, "fuzz.yml"); break;
    }
    return 0;
}
