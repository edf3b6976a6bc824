/*
 * werksessie.c - `jzsim compare --format html --interactive`: the briefing
 * with the werksessie added (docs/werksessie.md).
 *
 * The static briefing is written exactly as without --interactive; the
 * interactive section (engine/report/html_interactive.c) goes in just
 * before its footer.  The engine is the bundle the WebAssembly build made
 * (build-wasm/werksessie.js, engine/wasm), named when this jzsim is
 * configured (-DJZ_WERKSESSIE_ENGINE=...) and installed with it as
 * share/jzsim/werksessie.js; an installed jzsim reads that copy
 * (cli_find_data_file).  Without it, this jzsim says so and stops before
 * computing anything.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/datadir.h"
#include "cli/werksessie.h"
#include "common/util.h"
#include "jzsim/compare.h"
#include "jzsim/werksessie.h"

int cli_werksessie_available(const char *cmd)
{
#ifdef JZ_WERKSESSIE_ENGINE
    (void)cmd;
    return -1;
#else
    fprintf(stderr, "jzsim %s: --interactive: this jzsim was built without the werksessie engine "
                    "(WebAssembly); build it with emscripten and configure jzsim with "
                    "-DJZ_WERKSESSIE_ENGINE=build-wasm/werksessie.js (docs/werksessie.md), or leave out "
                    "--interactive for the static briefing\n", cmd);
    return EXIT_INPUT;
#endif
}

#ifdef JZ_WERKSESSIE_ENGINE
typedef struct job {
    const jz_report_subject *x;
    jz_report_options *o;
    const jz_werksessie *w;
} job;

/* Where the section goes: before the briefing's footer (else before
 * </main>, </body>, or at the end). */
static size_t insert_at(const char *page, size_t len)
{
    static const char *const marks[] = {"<footer", "</main>", "</body>"};
    for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
        const char *last = NULL;
        for (const char *p = strstr(page, marks[k]); p; p = strstr(p + 1, marks[k]))
            last = p;
        if (last)
            return (size_t)(last - page);
    }
    return len;
}

static int write_page(jz_outfile *of, void *ctx, jz_error *err)
{
    job *j = ctx;
    char *page = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&page, &len);
    if (!mem)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    int st = jz_report(mem, j->x, j->o, err);
    if (fclose(mem) != 0 && st == JZ_OK)
        st = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    if (st == JZ_OK) {
        size_t at = insert_at(page, len);
        fwrite(page, 1, at, of->fp);
        st = jz_html_werksessie(of->fp, j->w, j->o->lang, err);
        if (st == JZ_OK)
            fwrite(page + at, 1, len - at, of->fp);
    }
    free(page);
    return st;
}

#endif

int cli_werksessie_write(const char *output, const jz_report_subject *x, jz_report_options *o,
                         jz_scenario *const *sc, const char *const *paths, int n, const jz_sensitivity *tornado)
{
#ifndef JZ_WERKSESSIE_ENGINE
    (void)output, (void)x, (void)o, (void)sc, (void)paths, (void)n, (void)tornado;
    return cli_werksessie_available("compare");
#else
    jz_error err;
    jz_error_clear(&err);
    /* the files as the loader found them (a shipped scenario under share/jzsim) */
    char found[JZ_CMP_MAX_SCENARIOS][4096];
    const char *where[JZ_CMP_MAX_SCENARIOS];
    for (int i = 0; i < n; i++) {
        if (strcmp(paths[i], "-") == 0)
            return cli_usage_error("compare", "--interactive puts the scenario files in the page: give files, "
                                              "not '-' (stdin)");
        where[i] = cli_find_scenario(paths[i], found[i], sizeof found[i]);
    }
    /* the gemeente the static briefing shows (--gemeente; by default the
     * region total, or the only gemeente, which is then the scenario's total) */
    const jz_comparison *c = x->comparison;
    const jz_cmp_unit *un = &c->units[o->gemeente >= 0 ? o->gemeente : c->total_unit];
    jz_werksessie w = {.n_scenarios = n, .scenarios = (const jz_scenario *const *)sc,
                       .paths = where, .tornado = tornado,
                       .gemeente = !un->is_total && c->n_units > 1 ? un->code : NULL, .gemeente_name = un->name};
    jz_werksessie_file *files = NULL;
    int n_files = 0, rc = EXIT_OK;
    char *engine = NULL;
    size_t engine_len = 0;
    /* the engine is part of this build: installed next to the scenarios
     * (share/jzsim), else the build's own; missing is a broken install (1) */
    char engine_at[4096 + 64];
    const char *engine_path = cli_find_data_file("werksessie.js", JZ_WERKSESSIE_ENGINE, engine_at,
                                                 sizeof engine_at);
    if (!engine_path) {
        fprintf(stderr, "jzsim compare: --interactive: the werksessie engine is missing: no werksessie.js in "
                        "$JZSIM_DATADIR, ../share/jzsim beside the jzsim executable or %s, and not at %s "
                        "where this jzsim was built; reinstall jzsim (docs/install.md)\n",
#ifdef JZSIM_DATADIR
                JZSIM_DATADIR,
#else
                "the installation's share/jzsim",
#endif
                JZ_WERKSESSIE_ENGINE);
        rc = EXIT_RUNTIME;
    } else if (jz_read_file(engine_path, (size_t)64 << 20, "werksessie engine", &engine, &engine_len, &err) !=
               JZ_OK) {
        rc = cli_fail(&err);
    }
    for (int i = 0; i < n && rc == EXIT_OK; i++)
        if (jz_werksessie_add_files(where[i], &files, &n_files, &err) != JZ_OK)
            rc = cli_fail_input(&err);
    if (rc == EXIT_OK) {
        w.files = files;
        w.n_files = n_files;
        w.engine = engine;
        w.engine_len = engine_len;
        job j = {x, o, &w};
        rc = cli_write(output, write_page, &j);
    }
    jz_werksessie_files_free(files, n_files);
    free(engine);
    return rc;
#endif
}
