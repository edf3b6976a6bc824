/*
 * jzsim/werksessie.h - the interactive part of the briefing (`jzsim compare
 * --format html --interactive`, docs/werksessie.md).
 *
 * The page carries the scenario files as they were read, a description of
 * its controls (sliders for uncertain inputs, a switch and a realisation per
 * measure) taken from the loaded scenarios, the labels of the report layer,
 * and the werksessie engine: jzsim's loader and model compiled to
 * WebAssembly (engine/wasm), which reruns the real model in the browser on
 * a small variant YAML that `extends` the scenario being worked on.
 */
#ifndef JZSIM_WERKSESSIE_H
#define JZSIM_WERKSESSIE_H
#include <stdio.h>
#include "jzsim/error.h"
#include "jzsim/report.h"
#include "jzsim/scenario.h"
#include "jzsim/sensitivity.h"

#ifdef __cplusplus
extern "C" {
#endif

/* At most this many sliders of uncertain inputs per scenario (the ones the
 * tornado ranks highest). */
#define JZ_WERKSESSIE_MAX_SLIDERS 12

/* One input file of the page: its path as the loader opened it (relative
 * `extends` resolve against it in the page too) and its text. */
typedef struct jz_werksessie_file {
    char *path;
    char *text;
    size_t len;
} jz_werksessie_file;

typedef struct jz_werksessie {
    int n_scenarios;
    const jz_scenario *const *scenarios;   /* as compared; the first is the reference */
    const char *const *paths;              /* [n_scenarios] the files given */
    const jz_sensitivity *tornado;         /* of scenarios[0], or NULL: orders the sliders */
    const char *gemeente;                  /* CBS code of the gemeente the briefing shows (its
                                            * --gemeente), whose figures the page shows and
                                            * recomputes; NULL: the region total */
    const char *gemeente_name;             /* its name (with gemeente) */
    int n_files;
    const jz_werksessie_file *files;       /* every file of every extends chain */
    const char *engine;                    /* the engine bundle (JavaScript with the WebAssembly) */
    size_t engine_len;
} jz_werksessie;

/* Read the files of the extends chain of the scenario at path (the file
 * itself first) into *files (grown with realloc; *n counts them), skipping
 * files already there.  JZ_EIO/JZ_EINPUT/JZ_ENOMEM with err filled. */
int jz_werksessie_add_files(const char *path, jz_werksessie_file **files, int *n, jz_error *err);
void jz_werksessie_files_free(jz_werksessie_file *files, int n);

/* What a slider on input `path` of s moves and what it keeps: *point, the
 * value of every projected year (one value: a slider moves one), and
 * kept[0 .. n-1], the values of the realised years (the base year,
 * realisatie; n = jz_input_realised_years, at most max of them written),
 * which the werksessie's variant leaves as written.  An uncertain input
 * keeps its point value there, as its draws do.  Returns n, or -1 when the
 * input is not one value over the projected years (a series that changes
 * after the base year) or is no number of one unit, -2 when out of memory. */
int jz_slider_values(const jz_scenario *s, const char *path, double *point, double *kept, int max);

/* Write the interactive section (HTML with its data and scripts) to out.
 * JZ_EINPUT when the engine text could end the page's <script> early;
 * JZ_EIO on a write error. */
int jz_html_werksessie(FILE *out, const jz_werksessie *w, jz_lang lang, jz_error *err);

#ifdef __cplusplus
}
#endif
#endif
