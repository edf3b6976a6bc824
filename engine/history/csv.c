/*
 * csv.c - the CSV history reader.  Meant to take a CBS StatLine export
 * without hand editing, so it is lenient where exports differ (separator,
 * decimal comma, title lines, "Bron:" footers, extra columns, unit hints
 * such as "(x 1 000 euro)", Excel's Windows-1252) and strict where a
 * mistake would silently change a number (a value that does not parse, two
 * values for the same cell, a negative count): those stop the read with
 * file:line:column.
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "history/internal.h"

/* ---- CSV --------------------------------------------------------------- */

#define MAX_FIELDS 256
#define MAX_CELL 1024

typedef struct record {
    int n;
    int line;               /* line where the record starts */
    int col[MAX_FIELDS];    /* character column where each field starts */
    int quoted[MAX_FIELDS];
    char *f[MAX_FIELDS];
    char store[MAX_FIELDS * 64 + MAX_CELL * 4];
} record;

typedef struct csvin {
    const char *p, *end;
    int line;
    char sep;
    const char *name;
} csvin;

/* Read one record (a line, or more when a quoted field spans lines).
 * 1 = got one, 0 = end of input, <0 = error (err filled). */
static int read_record(csvin *in, record *rec, jz_error *err)
{
    if (in->p >= in->end)
        return 0;
    rec->n = 0;
    rec->line = in->line;
    size_t used = 0;
    const char *line_start = in->p;
    for (;;) {
        if (rec->n == MAX_FIELDS)
            return -jz_error_set(err, JZ_EINPUT, in->name, in->line, MAX_FIELDS,
                                "more than %d fields on one line", MAX_FIELDS);
        char *dst = rec->store + used;
        size_t room = sizeof rec->store - used;
        if (room < 2)
            return -jz_error_set(err, JZ_EINPUT, in->name, in->line, rec->n + 1,
                                "this line is too long (more than %zu characters of values)",
                                sizeof rec->store);
        size_t k = 0;
        rec->col[rec->n] = (int)(in->p - line_start) + 1;
        rec->quoted[rec->n] = 0;
        /* skip leading blanks before a quote */
        const char *q = in->p;
        while (q < in->end && (*q == ' ' || (*q == '\t' && in->sep != '\t')))
            q++;
        if (q < in->end && *q == '"') {
            int qline = in->line, qcol = (int)(q - line_start) + 1;
            rec->quoted[rec->n] = 1;
            in->p = q + 1;
            for (;;) {
                if (in->p >= in->end)
                    return -jz_error_set(err, JZ_EINPUT, in->name, qline, qcol,
                                        "a quoted field is not closed (missing '\"')");
                char c = *in->p++;
                if (c == '"') {
                    if (in->p < in->end && *in->p == '"') {
                        in->p++;
                    } else {
                        break;
                    }
                } else if (c == '\n') {
                    in->line++;
                    line_start = in->p;
                }
                if (k + 1 < room && k + 1 < MAX_CELL)
                    dst[k++] = c;
            }
            /* after the closing quote only blanks until the separator */
            while (in->p < in->end && (*in->p == ' ' || *in->p == '\r' ||
                                       (*in->p == '\t' && in->sep != '\t')))
                in->p++;
            if (in->p < in->end && *in->p != in->sep && *in->p != '\n')
                return -jz_error_set(err, JZ_EINPUT, in->name, in->line,
                                    (int)(in->p - line_start) + 1,
                                    "text after a closing quote; a '\"' inside a quoted field is "
                                    "written as \"\"");
        } else {
            while (in->p < in->end && *in->p != in->sep && *in->p != '\n') {
                if (*in->p != '\r' && k + 1 < room && k + 1 < MAX_CELL)
                    dst[k++] = *in->p;
                in->p++;
            }
        }
        dst[k] = '\0';
        rec->f[rec->n++] = dst;
        used += k + 1;
        if (in->p >= in->end)
            break;
        if (*in->p == in->sep) {
            in->p++;
            continue;
        }
        /* newline */
        in->p++;
        in->line++;
        break;
    }
    return 1;
}

static int line_is_blank(const record *r)
{
    for (int i = 0; i < r->n; i++) {
        for (const char *c = r->f[i]; *c; c++)
            if (!isspace((unsigned char)*c))
                return 0;
    }
    return 1;
}

/* Is every field after the first blank? */
static int only_first_field(const record *r)
{
    for (int i = 1; i < r->n; i++)
        for (const char *c = r->f[i]; *c; c++)
            if (!isspace((unsigned char)*c))
                return 0;
    return 1;
}

/* Join a record back into one text, for notes. */
static void join(const record *r, char *out, size_t size)
{
    size_t j = 0;
    out[0] = '\0';
    for (int i = 0; i < r->n; i++) {
        char t[MAX_CELL];
        hist_cpy(t, sizeof t, r->f[i]);
        hist_trim(t);
        if (!*t)
            continue;
        int w = snprintf(out + j, size - j, "%s%s", j ? " " : "", t);
        if (w < 0 || (size_t)w >= size - j)
            break;
        j += (size_t)w;
    }
}

/* The separator: the first of ';', tab, ',' that occurs outside quotes on
 * the first line that is not a comment. */
static char detect_sep(const char *p, const char *end)
{
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        const char *q = p;
        while (q < eol && isspace((unsigned char)*q))
            q++;
        if (q < eol && *q != '#') {
            int semi = 0, tab = 0, comma = 0, inq = 0;
            for (const char *c = p; c < eol; c++) {
                if (*c == '"')
                    inq = !inq;
                else if (!inq && *c == ';')
                    semi++;
                else if (!inq && *c == '\t')
                    tab++;
                else if (!inq && *c == ',')
                    comma++;
            }
            if (semi)
                return ';';
            if (tab)
                return '\t';
            if (comma)
                return ',';
        }
        p = eol + 1;
    }
    return ',';
}

/* ---- encoding: UTF-8, or Excel's Windows-1252 ("ANSI") ---------------- */

/* Length of the valid UTF-8 sequence at s[0..n), 0 when it is not one. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t k;
    unsigned min;
    if (c < 0x80)
        return 1;
    if (c >= 0xc2 && c <= 0xdf)
        k = 2, min = 0x80;
    else if (c >= 0xe0 && c <= 0xef)
        k = 3, min = 0x800;
    else if (c >= 0xf0 && c <= 0xf4)
        k = 4, min = 0x10000;
    else
        return 0;
    if (n < k)
        return 0;
    unsigned cp = c & (0x7f >> k);
    for (size_t i = 1; i < k; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return k;
}

/* Offset of the first byte that is not valid UTF-8, or n. */
static size_t utf8_invalid_at(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        size_t k = utf8_len(u + i, n - i);
        if (!k)
            return i;
        i += k;
    }
    return n;
}

/* A text with a NUL byte is no CSV file we read.  Mostly it is one that
 * Excel saved as UTF-16 ("Unicode-tekst", "UTF-16 LE"): a byte order mark
 * FF FE or FE FF, or a NUL beside every ASCII character; then say how to save
 * it instead.  JZ_OK when the text has no NUL. */
static int reject_nul(const char *text, size_t len, const char *name, jz_error *err)
{
    if (!memchr(text, '\0', len))
        return JZ_OK;
    const unsigned char *u = (const unsigned char *)text;
    int utf16 = len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff));
    if (!utf16 && len >= 4) { /* no mark: NULs at every odd (LE) or every even (BE) byte of the start */
        size_t n = len < 64 ? len & ~(size_t)1 : 64, odd = 0, even = 0;
        for (size_t i = 0; i < n; i++)
            if (!u[i] && (i & 1))
                odd++;
            else if (!u[i])
                even++;
        utf16 = (odd == n / 2 && !even) || (even == n / 2 && !odd);
    }
    if (utf16)
        return jz_error_set(err, JZ_EINPUT, name, 0, 0,
                            "the file is UTF-16 (Excel's 'Unicode-tekst'), not UTF-8; save it from Excel as "
                            "'CSV UTF-8 (door komma's gescheiden)'");
    return jz_error_set(err, JZ_EINPUT, name, 0, 0, "the file contains NUL bytes; is it a text (CSV) file?");
}

/* Windows-1252 bytes 0x80..0x9f as Unicode (0: not assigned); 0xa0..0xff
 * are Latin-1, the same code point. */
static const unsigned short cp1252_80[32] = {
    0x20ac, 0,      0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017d, 0,      0,      0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
    0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0,      0x017e, 0x0178};

/* Line and 1-based character column of byte offset at in text. */
static void line_col(const char *text, size_t at, int *line, int *col)
{
    int l = 1;
    size_t start = 0;
    for (size_t i = 0; i < at; i++)
        if (text[i] == '\n') {
            l++;
            start = i + 1;
        }
    *line = l;
    *col = (int)(at - start) + 1;
}

/* text[0..len) has a byte at bad that is not UTF-8: decode the whole text as
 * Windows-1252 into a new UTF-8 buffer (*out, *out_len) and say so once.
 * A byte that Windows-1252 does not assign is a located error: the file is
 * in some other encoding. */
static int decode_cp1252(jz_history *h, const char *text, size_t len, size_t bad, char **out, size_t *out_len,
                         jz_error *err)
{
    int line, col;
    char *o = malloc(len * 3 + 1);
    if (!o)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned c = (unsigned char)text[i];
        if (c >= 0x80 && c < 0xa0) {
            c = cp1252_80[c - 0x80];
            if (!c) {
                free(o);
                line_col(text, i, &line, &col);
                return jz_error_set(err, JZ_EINPUT, h->path, line, col,
                                    "byte 0x%02X is neither UTF-8 nor Windows-1252 text; save the file as "
                                    "'CSV UTF-8'", (unsigned char)text[i]);
            }
        }
        if (c < 0x80) {
            o[k++] = (char)c;
        } else if (c < 0x800) {
            o[k++] = (char)(0xc0 | (c >> 6));
            o[k++] = (char)(0x80 | (c & 0x3f));
        } else {
            o[k++] = (char)(0xe0 | (c >> 12));
            o[k++] = (char)(0x80 | ((c >> 6) & 0x3f));
            o[k++] = (char)(0x80 | (c & 0x3f));
        }
    }
    o[k] = '\0';
    line_col(text, bad, &line, &col);
    if (hist_add_warning(h, line, "the file is not UTF-8 (column %d: byte 0x%02X); read as Windows-1252, as "
                             "Excel writes 'CSV (puntkomma gescheiden)'; save as 'CSV UTF-8' to silence this",
                    col, (unsigned char)text[bad])) {
        free(o);
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
    *out = o;
    *out_len = k;
    return JZ_OK;
}

/* ---- the header and its column map -------------------------------------- */

typedef struct colmap {
    int n;                   /* fields in the header; 0 = no header yet */
    int line;                /* its line */
    char sep;
    int comma_decimal;       /* ';' and tab files: decimal commas */
    int role[MAX_FIELDS];    /* field -> COL_* or jz_hseries, -1 ignored */
    double scale[MAX_FIELDS];/* unit hint of the field, e.g. x 1 000 */
    int role_col[COL_ROLES]; /* role -> field, -1 absent */
    int n_map;               /* --map entries: normalised header -> role */
    char map_name[32][128];
    int map_role[32], map_used[32];
    char hdr[MAX_FIELDS][64];  /* header texts, for messages */
} colmap;

/* The --map entries ("Type maatregel=zorgsoort", separated by newlines or
 * ';'); JZ_EINPUT naming the bad entry. */
static int parse_map(jz_history *h, const char *map, colmap *cm, jz_error *err)
{
    const char *p = map;
    while (p && *p) {
        size_t n = strcspn(p, ";\n");
        char e[256];
        hist_cpy(e, sizeof e, p);
        if (n < sizeof e)
            e[n] = '\0';
        p += n;
        if (*p)
            p++;
        hist_trim(e);
        if (!e[0])
            continue;
        char *eq = strrchr(e, '=');
        if (!eq || cm->n_map == 32)
            return jz_error_set(err, JZ_EINPUT, h->path, 0, 0,
                                "--map '%s': write COLUMN=ROLE, e.g. 'Type maatregel=zorgsoort' (at most 32)", e);
        *eq = '\0';
        int role = hist_role_by_name(eq + 1);
        if (role == -1)
            return jz_error_set(err, JZ_EINPUT, h->path, 0, 0,
                                "--map '%s=%s': '%s' is not a role; use zorgsoort, gemeente, periode, bron, "
                                "status, a series such as instroom or clients_end, or negeer",
                                e, eq + 1, eq + 1);
        hist_normalise(e, cm->map_name[cm->n_map], sizeof cm->map_name[0], 1, NULL, 0);
        cm->map_role[cm->n_map++] = role;
    }
    return JZ_OK;
}

static int oom(jz_error *err) { return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory"); }

/* Is this the header: a line with a period column?  Lines above it are a
 * title (StatLine exports one or two). */
static int is_header(const record *rec)
{
    for (int i = 0; i < rec->n; i++) {
        char nm[256], par[128];
        hist_normalise(rec->f[i], nm, sizeof nm, 1, par, sizeof par);
        if (hist_role_of(nm) == COL_PERIOD)
            return 1;
    }
    return 0;
}

/* One header field: its role and unit; unknown names warn with a hint. */
static int map_column(jz_history *h, const record *rec, int i, colmap *cm, jz_error *err)
{
    char nm[256], par[128];
    hist_normalise(rec->f[i], nm, sizeof nm, 1, par, sizeof par);
    int r = hist_role_of(nm);
    for (int k = 0; k < cm->n_map; k++)
        if (strcmp(cm->map_name[k], nm) == 0) {
            r = cm->map_role[k];
            cm->map_used[k] = 1;
        }
    cm->role[i] = r;
    hist_cpy(cm->hdr[i], sizeof cm->hdr[i], rec->f[i]);
    cm->scale[i] = r >= 0 ? hist_unit_scale(r, par) : 1.0;
    if (r == COL_IGNORE)
        return JZ_OK;
    if (r < 0) {
        char raw[MAX_CELL];
        hist_cpy(raw, sizeof raw, rec->f[i]);
        hist_trim(raw);
        if (!raw[0])
            return JZ_OK;
        const char *sg = hist_suggest(nm);
        char q[JZ_QUOTE_BUF];
        if (hist_add_warning(h, rec->line, "column %d '%s' is not a known series and is ignored%s%s%s", i + 1,
                             jz_history_quote(raw, q, sizeof q), sg ? "; did you mean '" : "", sg ? sg : "",
                             sg ? "'?" : ""))
            return oom(err);
        return JZ_OK;
    }
    if (cm->role_col[r] >= 0) {
        char q1[JZ_QUOTE_BUF], q2[JZ_QUOTE_BUF];
        return jz_error_set(err, JZ_EINPUT, h->path, rec->line, i + 1,
                            "column '%s' means the same as column %d ('%s'): give each series once",
                            jz_history_quote(rec->f[i], q1, sizeof q1), cm->role_col[r] + 1,
                            jz_history_quote(rec->f[cm->role_col[r]], q2, sizeof q2));
    }
    cm->role_col[r] = i;
    return JZ_OK;
}

/* The header line: the column map, with at least one series. */
static int read_header(jz_history *h, const record *rec, colmap *cm, jz_error *err)
{
    cm->n = rec->n;
    cm->line = rec->line;
    for (int i = 0; i < rec->n; i++) {
        int rc = map_column(h, rec, i, cm, err);
        if (rc)
            return rc;
    }
    for (int k = 0; k < cm->n_map; k++)
        if (!cm->map_used[k])
            return jz_error_set(err, JZ_EINPUT, h->path, rec->line, 0,
                                "--map names a column that the header does not have ('%s', compared without "
                                "case, accents and spaces)", cm->map_name[k]);
    for (int s = 0; s < JZ_HS_N; s++)
        if (cm->role_col[s] >= 0)
            return JZ_OK;
    return jz_error_set(err, JZ_EINPUT, h->path, rec->line, 0,
                        "the header names no series; expected columns such as instroom, "
                        "uitstroom, unique_clients, cost (docs/calibration.md)");
}

/* ---- one data row -------------------------------------------------------- */

/* Field i of a data row (trimmed, in cell) into row; *any set when it holds
 * a value. */
static int read_cell(jz_history *h, const record *rec, const colmap *cm, int i, const char *cell,
                     jz_history_row *row, int *any, jz_error *err)
{
    int r = cm->role[i];
    char q[JZ_QUOTE_BUF];
    if (r == COL_GEMEENTE) {
        hist_cpy(row->gemeente, sizeof row->gemeente, cell);
        row->col_gemeente = i + 1;
    } else if (r == COL_ZORGSOORT) {
        hist_cpy(row->zorgsoort, sizeof row->zorgsoort, cell);
        row->col_zorgsoort = i + 1;
    } else if (r == COL_SOURCE) {
        free(row->source);
        row->source = NULL;
        if (cell[0] && !(row->source = jz_strdup(cell)))
            return oom(err);
    } else if (r == COL_PERIOD) {
        row->col_period = i + 1;
        if (!cell[0])
            return jz_error_set(err, JZ_EINPUT, h->path, rec->line, i + 1, "the period is empty; %s",
                                hist_period_hint);
        int pv = 0, st = hist_parse_period_date(cell, &row->year, &row->half, &pv, &row->peildatum);
        if (st == -2)
            return jz_error_set(err, JZ_EINPUT, h->path, rec->line, i + 1,
                                "peildatum '%s' ends no year or half-year; jzsim compares stocks on 31 December "
                                "(or 1 January of the next year) and 30 June (or 1 July)",
                                jz_history_quote(cell, q, sizeof q));
        if (st)
            return jz_error_set(err, JZ_EINPUT, h->path, rec->line, i + 1, "period '%s': %s",
                                jz_history_quote(cell, q, sizeof q), hist_period_hint);
        row->provisional |= pv;
    } else if (r == COL_STATUS) {
        int st = hist_status(cell);
        if (st < 0)
            return jz_error_set(err, JZ_EINPUT, h->path, rec->line, i + 1, "status '%s': %s",
                                jz_history_quote(cell, q, sizeof q), hist_status_hint);
        row->provisional |= st;
    } else {
        double v;
        const char *why;
        int st = hist_parse_number(cell, cm->comma_decimal, &v, &why);
        if (st == NUM_BAD)
            return jz_error_set(err, JZ_EINPUT, h->path, rec->line, i + 1, "%s: '%s' is not a number%s%s",
                                jz_hseries_key(r), jz_history_quote(cell, q, sizeof q), why ? "; " : "",
                                why ? why : "");
        if (st == NUM_MISSING)
            return JZ_OK;
        v *= cm->scale[i];
        if ((why = hist_check_value(r, v)))
            return jz_error_set(err, JZ_EINPUT, h->path, rec->line, i + 1, "%s %s, got %s", jz_hseries_key(r), why,
                                jz_history_quote(cell, q, sizeof q));
        row->v[r] = v;
        row->col[r] = i + 1;
        *any = 1;
    }
    return JZ_OK;
}

/* A cell of a column that matches no name: a number (StatLine's ID) or
 * nothing is ignored, but a text category (e.g. 'OTS' under 'Type
 * maatregel') would silently make the rows totals over its categories:
 * an error, located, with the ways out. */
static int unknown_category(jz_history *h, const record *rec, const colmap *cm, int i, jz_error *err)
{
    char cell[MAX_CELL], hdr[MAX_CELL], q1[JZ_QUOTE_BUF], q2[JZ_QUOTE_BUF];
    hist_cpy(cell, sizeof cell, rec->f[i]);
    hist_trim(cell);
    double v;
    const char *why;
    if (!cell[0] || jz_history_is_total(cell) || hist_parse_number(cell, cm->comma_decimal, &v, &why) != NUM_BAD ||
        hist_parse_number(cell, !cm->comma_decimal, &v, &why) != NUM_BAD)
        return JZ_OK;
    hist_cpy(hdr, sizeof hdr, cm->hdr[i]);
    hist_trim(hdr);
    return jz_error_set(err, JZ_EINPUT, h->path, rec->line, i + 1,
                        "column %d holds the category '%s', but its header '%s' is not a known column: "
                        "ignored, its categories would be added up as one total. Name the column "
                        "'zorgsoort' (or map it: --map '%s=zorgsoort'), or leave it out with "
                        "--map '%s=negeer'",
                        i + 1, jz_history_quote(cell, q1, sizeof q1),
                        jz_history_quote(hdr, q2, sizeof q2),
                        hdr, hdr);
}

/* A data row: its fields by the column map, then stored (a row of unknown
 * or missing cells only observes nothing and is skipped). */
static int read_row(jz_history *h, const record *rec, const colmap *cm, jz_error *err)
{
    if (rec->n != cm->n)
        return jz_error_set(err, JZ_EINPUT, h->path, rec->line, rec->n > cm->n ? cm->n + 1 : rec->n,
                            "this line has %d fields, the header (line %d) has %d; a separator "
                            "'%c' inside a value must be quoted",
                            rec->n, cm->line, cm->n, cm->sep);
    jz_history_row row;
    hist_row_init(&row, rec->line);
    int any = 0, rc = JZ_OK;
    for (int i = 0; i < rec->n && rc == JZ_OK; i++) {
        if (cm->role[i] == -1 && (rc = unknown_category(h, rec, cm, i, err)))
            break;
        if (cm->role[i] < 0)
            continue;
        char cell[MAX_CELL];
        hist_cpy(cell, sizeof cell, rec->f[i]);
        hist_trim(cell);
        rc = read_cell(h, rec, cm, i, cell, &row, &any, err);
    }
    if (rc == JZ_OK && any)
        rc = hist_store_row(h, &row, err);
    free(row.source);
    return rc;
}

/* ---- notes: comments, title and footer lines ----------------------------- */

/* A line below the header that is a footer such as "Bron: CBS" or "© CBS":
 * one field, not a period.  Excel pads it with separators ("Bron: CBS";;;;;;),
 * which gives text in the first field only: a note too, with one warning per
 * file.  1 = it was a note, 0 = not a footer, <0 = -status. */
static int footer_note(jz_history *h, const record *rec, const char *first, int *padded, jz_error *err)
{
    int y, hf, pv;
    if (!first[0] || !only_first_field(rec) || hist_parse_period(first, &y, &hf, &pv) == 0)
        return 0;
    if (hist_add_note(h, first))
        return -oom(err);
    if (rec->n > 1 && !(*padded)++) {
        char q[JZ_QUOTE_BUF];
        if (hist_add_warning(h, rec->line, "'%s' has text in its first field only: read as a note "
                                           "(a footer such as 'Bron: ...'), not as data",
                             jz_history_quote(first, q, sizeof q)))
            return -oom(err);
    }
    return 1;
}

/* A '#' comment line: a source note ("# bron: ..."). */
static int comment_note(jz_history *h, const record *rec, jz_error *err)
{
    char note[2048];
    join(rec, note, sizeof note);
    const char *t = note + 1;
    while (*t == ' ' || *t == '#')
        t++;
    return *t && hist_add_note(h, t) ? oom(err) : JZ_OK;
}

static int read_lines(jz_history *h, csvin *in, record *rec, colmap *cm, jz_error *err)
{
    int rc, padded = 0;
    while ((rc = read_record(in, rec, err)) > 0) {
        char first[MAX_CELL];
        hist_cpy(first, sizeof first, rec->n ? rec->f[0] : "");
        hist_trim(first);
        if (line_is_blank(rec))
            continue;
        if (first[0] == '#' && !rec->quoted[0]) {
            rc = comment_note(h, rec, err);
        } else if (!cm->n && !is_header(rec)) {
            char note[2048];
            join(rec, note, sizeof note);
            rc = hist_add_note(h, note) ? oom(err) : JZ_OK;
        } else if (!cm->n) {
            rc = read_header(h, rec, cm, err);
        } else if ((rc = footer_note(h, rec, first, &padded, err)) != 0) {
            rc = rc < 0 ? -rc : JZ_OK;
        } else {
            rc = read_row(h, rec, cm, err);
        }
        if (rc)
            return rc;
    }
    if (rc < 0)
        return -rc;
    if (!cm->n)
        return jz_error_set(err, JZ_EINPUT, h->path, 0, 0,
                            "no header line with a period column (periode, perioden, jaar, year) found");
    if (h->n_rows == 0)
        return jz_error_set(err, JZ_EINPUT, h->path, cm->line, 0, "no observations below the header");
    return JZ_OK;
}

int hist_csv_each(const char *text, size_t len, const char *name, char *sep, hist_csv_fn fn, void *ctx,
                  jz_error *err)
{
    jz_error_clear(err);
    int nul = reject_nul(text, len, name, err);
    if (nul)
        return nul;
    if (utf8_invalid_at(text, len) < len)
        return jz_error_set(err, JZ_EINPUT, name, 0, 0,
                            "the file is not UTF-8; save it from Excel as 'CSV UTF-8 (door komma's "
                            "gescheiden)'");
    record *rec = malloc(sizeof *rec);
    if (!rec)
        return oom(err);
    csvin in = {text, text + len, 1, ',', name};
    if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) /* UTF-8 byte order mark */
        in.p += 3;
    in.sep = detect_sep(in.p, in.end);
    *sep = in.sep;
    int rc = JZ_OK, got;
    while (!rc && (got = read_record(&in, rec, err)) > 0)
        rc = fn(ctx, rec->line, rec->n, rec->f, rec->col);
    if (!rc && got < 0)
        rc = err->status ? err->status : JZ_EINPUT;
    free(rec);
    return rc;
}

jz_history *jz_history_parse_csv(const char *text, size_t len, const char *name, jz_error *err)
{
    return jz_history_parse_csv_opts(text, len, name, NULL, err);
}

jz_history *jz_history_parse_csv_opts(const char *text, size_t len, const char *name,
                                      const jz_history_options *opts, jz_error *err)
{
    jz_error_clear(err);
    jz_history *h = jz_history_alloc(name);
    record *rec = malloc(sizeof *rec);
    colmap *cm = calloc(1, sizeof *cm);
    char *decoded = NULL; /* the text as UTF-8 when the file was Windows-1252 */
    int rc = JZ_OK;
    if (!h || !rec || !cm) {
        rc = oom(err);
        goto done;
    }
    if ((rc = reject_nul(text, len, h->path, err)))
        goto done;
    size_t bad = utf8_invalid_at(text, len);
    if (bad < len) {
        if ((rc = decode_cp1252(h, text, len, bad, &decoded, &len, err)))
            goto done;
        text = decoded;
    }
    csvin in = {text, text + len, 1, ',', h->path};
    if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) /* UTF-8 byte order mark */
        in.p += 3;
    in.sep = detect_sep(in.p, in.end);
    cm->sep = in.sep;
    cm->comma_decimal = in.sep != ',';
    for (int i = 0; i < COL_ROLES; i++)
        cm->role_col[i] = -1;
    if (opts && opts->map && (rc = parse_map(h, opts->map, cm, err)))
        goto done;
    rc = read_lines(h, &in, rec, cm, err);
done:
    free(rec);
    free(cm);
    free(decoded);
    if (rc) {
        jz_history_free(h);
        return NULL;
    }
    return h;
}
