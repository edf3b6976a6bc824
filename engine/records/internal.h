/*
 * records/internal.h - pieces shared by the files of engine/records
 * (internal): the growing string list used for warnings, and the
 * suppression rule (privacy.c), so that every count goes through one place.
 */
#ifndef JZ_RECORDS_INTERNAL_H
#define JZ_RECORDS_INTERNAL_H

#include "jzsim/records.h"

/* Append a formatted note to a string list; JZ_ENOMEM on failure. */
int jz_rec_note(char ***list, int *n, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void jz_rec_notes_free(char **list, int n);

/* Is a count below the threshold (and not zero: "none" reveals nothing
 * about a person and is published)?  privacy.c. */
int jz_rec_suppress(double count, int min_count);

/* Survival fits (survival.c), also used by the analysis. */
int jz_rec_durations(const jz_records *r, jz_records_analysis *a, jz_error *err);
/* Counts per period and transitions (counting.c). */
int jz_rec_count_periods(const jz_records *r, jz_records_analysis *a, jz_error *err);
int jz_rec_count_transitions(const jz_records *r, jz_records_analysis *a, jz_error *err);
/* Mark every count below the threshold in a (privacy.c). */
void jz_rec_apply_suppression(jz_records_analysis *a);

/* Sort trajectories by client, then start; merge rows of the same client
 * and zorgsoort that overlap or touch.  Returns the number merged. */
int jz_rec_sort_merge(jz_records *r);

#endif
