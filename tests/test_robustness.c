/*
 * test_robustness.c - issue 12: messages that cannot break a terminal, CSV
 * cells that cannot run as formulas, the model size estimate, a workbook
 * checked before it replaces the previous one, outputs onto special files.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <malloc.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jzsim/jzsim.h"
#include "jzsim/compare.h"
#include "report/csvw.h"
#include "report/zipcheck.h"

static void test_escape(void **state)
{
    (void)state;
    char b[128];
    jz_text_escape(b, sizeof b, "a\033[31mb\nc\td\re");
    assert_string_equal(b, "a\\x1b[31mb\\nc\\td\\re");
    jz_text_escape(b, sizeof b, "ge\xc3\xabn \xe2\x82\xac"); /* "geën €": valid UTF-8 stays */
    assert_string_equal(b, "ge\xc3\xabn \xe2\x82\xac");
    jz_text_escape(b, sizeof b, "x\xffy\xc0\xafz"); /* invalid byte, overlong '/' */
    assert_string_equal(b, "x\\xffy\\xc0\\xafz");
    jz_text_escape(b, sizeof b, "\xc2\x9b" "1m\x7f"); /* C1 CSI, DEL */
    assert_string_equal(b, "\\u009b1m\\x7f");
    jz_text_escape(b, sizeof b, "\xed\xa0\x80"); /* a surrogate */
    assert_string_equal(b, "\\xed\\xa0\\x80");
    /* cut at a character, never inside an escape or a sequence */
    jz_text_escape(b, 6, "ab\033cd");
    assert_string_equal(b, "ab");
    jz_text_escape(b, 4, "a\xc3\xab\xc3\xab");
    assert_string_equal(b, "a\xc3\xab");
    /* escaping twice changes nothing (warnings are copied through it) */
    char c[128];
    jz_text_escape(b, sizeof b, "k\033\xff");
    jz_text_escape(c, sizeof c, b);
    assert_string_equal(b, c);
}

static void test_error_set_escapes(void **state)
{
    (void)state;
    jz_error err;
    jz_error_set(&err, JZ_EINPUT, "in\nput.yaml", 3, 4, "unknown key '%s'", "x\033]0;owned\007");
    assert_null(strchr(err.message, '\033'));
    assert_null(strchr(err.file, '\n'));
    assert_string_equal(err.message, "unknown key 'x\\x1b]0;owned\\x07'");
    char buf[4096];
    jz_error_format(&err, buf, sizeof buf);
    assert_string_equal(buf, "in\\nput.yaml:3:4: unknown key 'x\\x1b]0;owned\\x07'");
}

static char *csv_of(const char *text, int nl)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    jz_csvw w;
    jz_csvw_init(&w, f, nl);
    jz_csvw_field(&w, text);
    jz_csvw_field(&w, "x");
    jz_csvw_end_row(&w);
    fclose(f);
    return buf;
}

static void test_csv_formula_injection(void **state)
{
    (void)state;
    static const struct { const char *in; int nl; const char *out; } cases[] = {
        {"=1+2", 0, "'=1+2,x\n"},
        {"+31 6 1234", 0, "'+31 6 1234,x\n"},
        {"-2+3", 0, "'-2+3,x\n"},
        {"@SUM(A1)", 0, "'@SUM(A1),x\n"},
        {"\tTAB", 0, "'\tTAB,x\n"},
        {"\rCR", 0, "\"'\rCR\",x\n"},
        {"=HYPERLINK(\"http://x\",\"y\")", 0, "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",x\n"},
        {"=a;b", 1, "\"'=a;b\";x\n"},
        {"-3", 0, "-3,x\n"},          /* numbers stay numbers */
        {"+1.5e3", 0, "+1.5e3,x\n"},
        {"-2,5", 1, "-2,5;x\n"},
        {"-2,5", 0, "\"'-2,5\",x\n"}, /* not a number with a decimal point */
        {"Voorbeeld", 0, "Voorbeeld,x\n"},
        {"", 0, ",x\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = csv_of(cases[i].in, cases[i].nl);
        assert_string_equal(got, cases[i].out);
        free(got);
    }
    assert_int_equal(jz_csv_formula_like("-inf", 0), 1);
    assert_int_equal(jz_csv_formula_like("-nan", 0), 1);
}

static jz_scenario *example(void)
{
    jz_error err;
    jz_scenario *s = jz_scenario_load(JZ_SOURCE_DIR "/scenarios/example.yaml", NULL, &err);
    assert_non_null(s);
    return s;
}

static void test_size_estimate(void **state)
{
    (void)state;
    jz_scenario *s = example();
    jz_size_estimate e;
    jz_model_size(s, &e);
    jz_result *r = jz_result_alloc(s);
    assert_non_null(r);
    /* the estimate is what jz_result_alloc takes, exactly */
    assert_int_equal(e.result_bytes, r->block_len * sizeof(double));
    assert_true(e.workspace_bytes > 0 && e.run_bytes == e.result_bytes + e.workspace_bytes);
    jz_result_free(r);
    jz_error err;
    assert_int_equal(jz_model_check_size(s, 0, &err), JZ_OK);
    assert_int_equal(jz_model_check_size(s, 1024, &err), JZ_EINPUT);
    assert_non_null(strstr(err.message, "too large"));
    assert_non_null(strstr(err.file, "example.yaml"));
    /* dimensions whose product overflows saturate instead of wrapping */
    int G = s->n_gemeenten, Z = s->n_zorgsoorten;
    s->n_gemeenten = 2000000000;
    s->n_zorgsoorten = 2000000000;
    jz_model_size(s, &e);
    assert_true(e.run_bytes == SIZE_MAX);
    assert_int_equal(jz_model_check_size(s, 0, &err), JZ_EINPUT);
    s->n_gemeenten = G;
    s->n_zorgsoorten = Z;
    jz_scenario_free(s);
}

/* A Monte Carlo thread or a sensitivity holds a rolling result: the check
 * for them counts that (and the volumes kept), not a full result and a
 * report of every gemeente, so a scenario too large to report whole can
 * still be analysed when its rolling runs fit. */
static void test_size_rolling(void **state)
{
    (void)state;
    jz_scenario *s = example();
    jz_size_estimate e;
    jz_model_size(s, &e);
    jz_result *r = jz_result_alloc_rolling(s);
    assert_non_null(r);
    assert_int_equal(e.rolling_run_bytes, r->block_len * sizeof(double) + e.workspace_bytes);
    jz_result_free(r);
    int G = s->n_gemeenten;
    s->n_gemeenten = 20000; /* only the dimensions count */
    jz_model_size(s, &e);
    jz_error err;
    assert_int_equal(jz_model_check_size(s, 0, &err), JZ_EINPUT);
    assert_int_equal(jz_model_check_size_rolling(s, 2, 1, 0, &err), JZ_OK);
    /* exactly: the volumes kept and per thread its runs, each with a
     * scenario copy */
    size_t run = e.rolling_run_bytes + e.scenario_copy_bytes;
    size_t limit = e.volume_cache_bytes + 2 * run;
    assert_int_equal(jz_model_check_size_rolling(s, 2, 1, limit, &err), JZ_OK);
    assert_int_equal(jz_model_check_size_rolling(s, 3, 1, limit, &err), JZ_EINPUT);
    assert_non_null(strstr(err.message, "3 runs of"));
    /* a Monte Carlo's draws side by side: a copy and a run per lane */
    limit = e.volume_cache_bytes + 2 * 4 * run;
    assert_int_equal(jz_model_check_size_rolling(s, 2, 4, limit, &err), JZ_OK);
    assert_int_equal(jz_model_check_size_rolling(s, 2, 4, limit - 1, &err), JZ_EINPUT);
    assert_non_null(strstr(err.message, "8 runs of"));
    assert_non_null(strstr(err.file, "example.yaml"));
    s->n_gemeenten = G;
    jz_scenario_free(s);
}

/* jz_scenario_size is what a copy takes: the heap grows by about that
 * much (glibc's mallinfo2; under a sanitizer's allocator it reads 0 and
 * the comparison is skipped).  The copy also holds measures, sources and
 * fixed lines and the allocator adds its headers, so the heap grows a
 * little more (1-8% for these two; 28% for one with many measures). */
static void scenario_size_of(const char *path)
{
    jz_error err;
    jz_scenario *s = jz_scenario_load(path, NULL, &err);
    assert_non_null(s);
    size_t est = jz_scenario_size(s);
    assert_true(est > s->block_len * sizeof(double));
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
    /* in use: small blocks plus the mmap'ed large ones */
    struct mallinfo2 before = mallinfo2();
    jz_scenario *c = jz_scenario_copy(s);
    struct mallinfo2 after = mallinfo2();
    assert_non_null(c);
    size_t b = before.uordblks + before.hblkhd, a = after.uordblks + after.hblkhd;
    if (a > b) {
        double grew = (double)(a - b);
        assert_true((double)est <= grew);
        assert_true((double)est >= 0.85 * grew);
    }
    jz_scenario_free(c);
#endif
    jz_scenario_free(s);
}

static void test_scenario_size(void **state)
{
    (void)state;
    scenario_size_of(JZ_SOURCE_DIR "/scenarios/example.yaml");
    scenario_size_of(JZ_SOURCE_DIR "/scenarios/enschede/basis.yaml");
    /* not a scenario whose series reach 512 KiB (Twente's 14 gemeenten do):
     * those are mappings of their own (jz_big_calloc), which mallinfo2
     * does not see */
}

/* A Monte Carlo lane's copy holds only the cells' series a draw writes:
 * its size is the full copy's less the series it shares, and the check
 * for draws side by side counts that copy, a lane workspace and a rolling
 * result per lane, the lanes' state once per JZ_MODEL_LANES lanes, and
 * the volumes kept. */
static void test_size_draws(void **state)
{
    (void)state;
    jz_scenario *s = example();
    const int G = s->n_gemeenten, Z = s->n_zorgsoorten, H = s->meta.horizon;
    size_t nc = (size_t)G * (size_t)Z;
    uint32_t *own = calloc(nc, sizeof *own);
    assert_non_null(own);
    size_t none = jz_scenario_size_owning(s, own);
    assert_true(none < jz_scenario_size(s));
    assert_true(jz_scenario_size_owning(s, NULL) == jz_scenario_size(s));
    /* the first series (1 value per year) of one cell, then the last
     * (transition, Z per year) of another: example's blocks are below
     * jz_big_calloc's mapping size, so counted to the byte */
    int n_series = 0;
#define COUNT_SERIES_(field, width, extend) n_series++;
    JZ_CELL_SERIES(COUNT_SERIES_)
#undef COUNT_SERIES_
    own[0] = 1u;
    assert_true(jz_scenario_size_owning(s, own) == none + (size_t)H * sizeof(double));
    own[nc - 1] = 1u << (n_series - 1);
    assert_true(jz_scenario_size_owning(s, own) == none + (size_t)(1 + Z) * (size_t)H * sizeof(double));
    for (size_t c = 0; c < nc; c++)
        own[c] = n_series == 32 ? UINT32_MAX : (1u << n_series) - 1u;
    assert_true(jz_scenario_size_owning(s, own) == jz_scenario_size(s));
    free(own);

    /* the writer counts the copy it makes (example.yaml draws nothing) */
    jz_unc_writer *wr = jz_unc_writer_alloc(s, NULL);
    assert_non_null(wr);
    assert_true(jz_unc_writer_copy_bytes(wr, s) == none);
    jz_unc_writer_free(wr);

    jz_size_estimate e;
    jz_model_size(s, &e);
    size_t copy = 12345;
    size_t run = e.rolling_result_bytes + e.draw_workspace_bytes + copy;
    /* 2 threads of 8 lanes: per thread 8 runs and the lanes' state twice */
    size_t limit = e.volume_cache_bytes + 2 * (8 * run + 2 * e.lanes_bytes);
    jz_error err;
    assert_int_equal(jz_model_check_size_draws(s, 2, 8, copy, limit, &err), JZ_OK);
    assert_int_equal(jz_model_check_size_draws(s, 2, 8, copy, limit - 1, &err), JZ_EINPUT);
    assert_non_null(strstr(err.message, "16 draws side by side"));
    assert_non_null(strstr(err.file, "example.yaml"));
    /* 0: a full copy each */
    limit = e.volume_cache_bytes + 2 * (8 * (run - copy + e.scenario_copy_bytes) + 2 * e.lanes_bytes);
    assert_int_equal(jz_model_check_size_draws(s, 2, 8, 0, limit, &err), JZ_OK);
    assert_int_equal(jz_model_check_size_draws(s, 2, 8, 0, limit - 1, &err), JZ_EINPUT);
    jz_scenario_free(s);
}

/* jz_mc_check_size: the Monte Carlo's own check, with the lane count it
 * shares with the run; the same number the command line asked for by hand
 * (JZ_MODEL_RUNS_MAX lanes per scenario per thread, copies as the writer
 * plans them). */
static void test_mc_check_size(void **state)
{
    (void)state;
    jz_error err;
    jz_scenario *s = jz_scenario_load(JZ_SOURCE_DIR "/scenarios/example-onzeker.yaml", NULL, &err);
    assert_non_null(s);
    assert_true(s->n_uncertain > 0);
    jz_unc_writer *wr = jz_unc_writer_alloc(s, NULL);
    assert_non_null(wr);
    size_t copy = jz_unc_writer_copy_bytes(wr, s);
    jz_unc_writer_free(wr);
    assert_true(copy < jz_scenario_size(s)); /* a draw writes a few series, not all */
    jz_size_estimate e;
    jz_model_size(s, &e);
    size_t run = e.rolling_result_bytes + e.draw_workspace_bytes + copy;
    jz_mc_options o;
    jz_mc_options_default(&o);
    o.threads = 2;
    /* one scenario: 2 threads of 8 lanes, the lanes' state twice a thread */
    size_t limit = e.volume_cache_bytes + 2 * (8 * run + 2 * e.lanes_bytes);
    const jz_scenario *one[1] = {s}, *three[3] = {s, s, s};
    assert_int_equal(jz_mc_check_size(1, one, &o, limit, &err), JZ_OK);
    assert_int_equal(jz_mc_check_size(1, one, &o, limit - 1, &err), JZ_EINPUT);
    assert_non_null(strstr(err.message, "16 draws side by side"));
    assert_non_null(strstr(err.message, "JZSIM_MAX_MEMORY"));
    assert_non_null(strstr(err.file, "example")); /* meta.horizon, in the file extended */
    assert_true(err.line > 0);
    /* three scenarios on the same draws: 24 lanes a thread */
    limit = e.volume_cache_bytes + 2 * (24 * run + 6 * e.lanes_bytes);
    assert_int_equal(jz_mc_check_size(3, three, &o, limit, &err), JZ_OK);
    assert_int_equal(jz_mc_check_size(3, three, &o, limit - 1, &err), JZ_EINPUT);
    assert_non_null(strstr(err.message, "48 draws side by side"));
    /* one draw at a time (o.lanes = 1): one lane a thread */
    o.lanes = 1;
    limit = e.volume_cache_bytes + 2 * (run + e.lanes_bytes);
    assert_int_equal(jz_mc_check_size(1, one, &o, limit, &err), JZ_OK);
    assert_int_equal(jz_mc_check_size(1, one, &o, limit - 1, &err), JZ_EINPUT);
    /* 0 threads: all cores, as jz_mc_run takes them; NULL options: the defaults */
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    size_t T = cores < 1 ? 1 : cores > 256 ? 256 : (size_t)cores;
    limit = e.volume_cache_bytes + T * (8 * run + 2 * e.lanes_bytes);
    assert_int_equal(jz_mc_check_size(1, one, NULL, limit, &err), JZ_OK);
    assert_int_equal(jz_mc_check_size(1, one, NULL, limit - 1, &err), JZ_EINPUT);
    /* 0: the default limit, which a small scenario is far below */
    assert_int_equal(jz_mc_check_size(1, one, NULL, 0, &err), JZ_OK);
    assert_int_equal(jz_mc_check_size(0, one, NULL, 0, &err), JZ_EINPUT);
    jz_scenario_free(s);
}

#ifdef JZ_HAVE_XLSXWRITER
static long file_size(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 ? (long)st.st_size : -1;
}

static void test_zip_verify(void **state)
{
    (void)state;
    jz_scenario *s = example();
    jz_workspace *w = jz_workspace_alloc(s);
    jz_result *r = jz_result_alloc(s);
    jz_error err;
    assert_int_equal(jz_model_run(s, w, r, &err), JZ_OK);
    const jz_scenario *s2[2] = {s, s};
    const jz_result *r2[2] = {r, r};
    jz_comparison *c = jz_comparison_alloc(2, s2, r2, &err);
    assert_non_null(c);
    char dir[] = "/tmp/jztest-zip-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128], cut[160];
    snprintf(path, sizeof path, "%s/v.xlsx", dir);
    snprintf(cut, sizeof cut, "%s/cut.xlsx", dir);
    jz_report_options o;
    jz_report_options_default(&o);
    o.format = JZ_FORMAT_XLSX;
    o.path = path;
    jz_report_subject x = {.kind = JZ_REPORT_COMPARE, .comparison = c};
    assert_int_equal(jz_report(NULL, &x, &o, &err), JZ_OK);
    assert_int_equal(jz_zip_verify(path, "v.xlsx", &err), JZ_OK);
    long n = file_size(path);
    FILE *in = fopen(path, "rb");
    char *buf = malloc((size_t)n);
    assert_int_equal(fread(buf, 1, (size_t)n, in), (size_t)n);
    fclose(in);
    /* cut short anywhere, or one byte changed: refused, naming the file */
    long cuts[] = {0, 22, n / 3, n / 2, n - 23, n - 1};
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        FILE *f = fopen(cut, "wb");
        fwrite(buf, 1, (size_t)cuts[i], f);
        fclose(f);
        assert_int_equal(jz_zip_verify(cut, "v.xlsx", &err), JZ_EIO);
        assert_string_equal(err.file, "v.xlsx");
    }
    buf[n / 2] ^= 0x55;
    FILE *f = fopen(cut, "wb");
    fwrite(buf, 1, (size_t)n, f);
    fclose(f);
    assert_int_equal(jz_zip_verify(cut, "v.xlsx", &err), JZ_EIO);
    free(buf);
    unlink(cut);
    unlink(path);
    rmdir(dir);
    jz_comparison_free(c);
    jz_result_free(r);
    jz_workspace_free(w);
    jz_scenario_free(s);
}
#endif

static void test_outfile_special_and_umask(void **state)
{
    (void)state;
    jz_outfile of;
    jz_error err;
    /* a character device is written in place, never replaced */
    assert_int_equal(jz_outfile_open(&of, "/dev/null", &err), JZ_OK);
    assert_true(of.direct);
    fputs("x\n", of.fp);
    assert_int_equal(jz_outfile_commit(&of, &err), JZ_OK);
    struct stat st;
    assert_int_equal(stat("/dev/null", &st), 0);
    assert_true(S_ISCHR(st.st_mode));
    /* an empty name is bad input */
    assert_int_equal(jz_outfile_open(&of, "", &err), JZ_EINPUT);
    /* the umask decides the mode */
    char dir[] = "/tmp/jztest-out-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/r.csv", dir);
    mode_t old = umask(027);
    assert_int_equal(jz_outfile_open(&of, path, &err), JZ_OK);
    fputs("a\n", of.fp);
    assert_int_equal(jz_outfile_commit(&of, &err), JZ_OK);
    umask(old);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
    /* an abort leaves the previous file and no temporary file */
    assert_int_equal(jz_outfile_open(&of, path, &err), JZ_OK);
    fputs("NEW\n", of.fp);
    char tmp[sizeof of.tmp];
    snprintf(tmp, sizeof tmp, "%s", of.tmp);
    jz_outfile_abort(&of);
    assert_int_equal(access(tmp, F_OK), -1);
    FILE *f = fopen(path, "r");
    char line[16] = "";
    assert_non_null(fgets(line, sizeof line, f));
    fclose(f);
    assert_string_equal(line, "a\n");
    assert_true(jz_outfile_same_file(path, path));
    assert_false(jz_outfile_same_file(path, "/dev/null"));
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape),
        cmocka_unit_test(test_error_set_escapes),
        cmocka_unit_test(test_csv_formula_injection),
        cmocka_unit_test(test_size_estimate),
        cmocka_unit_test(test_scenario_size),
        cmocka_unit_test(test_size_rolling),
        cmocka_unit_test(test_size_draws),
        cmocka_unit_test(test_mc_check_size),
#ifdef JZ_HAVE_XLSXWRITER
        cmocka_unit_test(test_zip_verify),
#endif
        cmocka_unit_test(test_outfile_special_and_umask),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
