/*
 * zipcheck.h - read back a written zip (an .xlsx) before it replaces the
 * previous file (internal).
 *
 * libxlsxwriter stages each part of a workbook in a temporary file and does
 * not check every write, read or seek of them: with a full disk it can
 * assemble a well-formed zip of truncated parts and report success.  So the
 * workbook is verified from disk: the central directory is read, every
 * entry is inflated and its size and CRC-32 compared, and every XML part
 * must start with its declaration and close every element it opens.
 */
#ifndef JZ_REPORT_ZIPCHECK_H
#define JZ_REPORT_ZIPCHECK_H

#include "jzsim/error.h"

/* JZ_OK, or JZ_EIO with a message naming `name` (the file as the user
 * knows it) and what is wrong. */
int jz_zip_verify(const char *path, const char *name, jz_error *err);

#endif
