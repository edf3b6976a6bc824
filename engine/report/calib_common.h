/*
 * calib_common.h - helpers shared by the calibrate and backtest reporters
 * (internal; calib_common.c).
 */
#ifndef JZ_REPORT_CALIB_COMMON_H
#define JZ_REPORT_CALIB_COMMON_H

#include <stddef.h>
#include <stdio.h>

#include "jzsim/calibrate.h"
#include "report/csvw.h"

/* The zorgsoort key ("totaal" for z < 0) and gemeente code ("alle" for g < 0). */
const char *jz_calrep_zname(const jz_scenario *s, int z);
const char *jz_calrep_gname(const jz_scenario *s, int g);
/* A figure for the table: decimals by size, "-" when unknown. */
const char *jz_calrep_fmt_val(char *buf, size_t n, double v, jz_lang lang);
/* A parameter's value: a percentage for trends, "x f" for factors. */
const char *jz_calrep_fmt_param(char *buf, size_t n, const jz_calib_param *q, double v, jz_lang lang);
/* A CSV writer as these two reporters have always written (10 digits). */
void jz_calrep_csv_init(jz_csvw *w, FILE *out, int nl);
/* JZ_EIO when writing to out failed. */
int jz_calrep_finish(FILE *out, jz_error *err);
/* A parameter's note and an analysis warning in the reader's language. */
const char *jz_calrep_note_text(char *buf, size_t n, const char *note, jz_lang lang);
const char *jz_calrep_warn_text(char *buf, size_t n, const char *w, jz_lang lang);

#endif
