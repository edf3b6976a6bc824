/*
 * analysis.c - jz_records_analyse: counts per period (counting.c),
 * durations (survival.c), transitions (counting.c), then the suppression
 * of small counts (privacy.c), in that order, so that every writer gets
 * figures that are already safe to publish.
 */
#include <stdlib.h>

#include <gsl/gsl_errno.h>

#include "records/internal.h"

void jz_records_analysis_free(jz_records_analysis *a)
{
    if (!a)
        return;
    free(a->cells);
    for (int i = 0; i < a->n_durations; i++)
        jz_duration_clear(&a->durations[i]);
    free(a->durations);
    free(a->transitions);
    jz_rec_notes_free(a->warnings, a->n_warnings);
    free(a);
}

jz_records_analysis *jz_records_analyse(const jz_records *r, jz_error *err)
{
    jz_error_clear(err);
    gsl_set_error_handler_off();
    jz_records_analysis *a = calloc(1, sizeof *a);
    if (!a) {
        jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    a->rec = r;
    int rc = jz_rec_count_periods(r, a, err);
    if (!rc)
        rc = jz_rec_durations(r, a, err);
    if (!rc)
        rc = jz_rec_count_transitions(r, a, err);
    if (rc) {
        jz_records_analysis_free(a);
        return NULL;
    }
    if (!a->first_year &&
        jz_rec_note(&a->warnings, &a->n_warnings,
                    "no whole calendar year lies between the window start and the export date: the "
                    "history has no yearly rows"))
        goto oom;
    for (int z = 0; z < a->n_durations; z++) {
        const jz_duration *d = &a->durations[z];
        if (d->events > 0 && d->events < r->min_count &&
            jz_rec_note(&a->warnings, &a->n_warnings,
                        "%s: fewer than %d ended trajectories; its duration fits are not published",
                        r->zorgsoorten[z], r->min_count))
            goto oom;
    }
    jz_rec_apply_suppression(a);
    return a;
oom:
    jz_records_analysis_free(a);
    jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    return NULL;
}
