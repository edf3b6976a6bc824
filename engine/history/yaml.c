/*
 * yaml.c - the YAML history reader: the same columns as keys, one map per
 * row (docs/calibration.md).
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
#include "common/limits.h"
#include "scenario/node.h"

/* ---- YAML -------------------------------------------------------------- */

static int yaml_row(jz_history *h, const jz_node *m, jz_error *err)
{
    if (m->type != JZ_NODE_MAP)
        return jz_error_set(err, JZ_EINPUT, m->file, m->line, m->column,
                            "each item of `rows` must be a map such as {gemeente: GM0153, "
                            "periode: 2022, instroom: 1200}, got %s", jz_node_type_name(m));
    jz_history_row row;
    memset(&row, 0, sizeof row);
    for (int s = 0; s < JZ_HS_N; s++)
        row.v[s] = NAN;
    row.line = m->line;
    int have_period = 0, rc = JZ_OK;
    char *src = NULL;
    for (size_t i = 0; i < m->n; i++) {
        const jz_node *k = m->keys[i], *v = m->values[i];
        char nm[256], par[128];
        hist_normalise(k->scalar, nm, sizeof nm, 1, par, sizeof par);
        int r = hist_role_of(nm);
        if (r < 0) {
            const char *sg = hist_suggest(nm);
            char q[JZ_QUOTE_BUF];
            rc = jz_error_set(err, JZ_EINPUT, k->file, k->line, k->column,
                              "unknown key '%s' in a history row%s%s%s", jz_history_quote(k->scalar, q, sizeof q),
                              sg ? "; did you mean '" : "", sg ? sg : "", sg ? "'?" : "");
            break;
        }
        if (v->type != JZ_NODE_SCALAR) {
            char q[JZ_QUOTE_BUF];
            rc = jz_error_set(err, JZ_EINPUT, v->file, v->line, v->column,
                              "%s: expected a number or text, got %s", jz_history_quote(k->scalar, q, sizeof q), jz_node_type_name(v));
            break;
        }
        if (r == COL_GEMEENTE) {
            hist_cpy(row.gemeente, sizeof row.gemeente, v->scalar);
            row.col_gemeente = v->column;
        } else if (r == COL_ZORGSOORT) {
            hist_cpy(row.zorgsoort, sizeof row.zorgsoort, v->scalar);
            row.col_zorgsoort = v->column;
        } else if (r == COL_SOURCE) {
            free(src);
            if (!(src = jz_strdup(v->scalar))) {
                rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
                break;
            }
        } else if (r == COL_PERIOD) {
            row.col_period = v->column;
            int pv = 0;
            if (hist_parse_period_date(v->scalar, &row.year, &row.half, &pv, &row.peildatum)) {
                char q[JZ_QUOTE_BUF];
                rc = jz_error_set(err, JZ_EINPUT, v->file, v->line, v->column,
                                  "period '%s': %s", jz_history_quote(v->scalar, q, sizeof q), hist_period_hint);
                break;
            }
            row.provisional |= pv;
            have_period = 1;
        } else if (r == COL_STATUS) {
            int st = hist_status(v->scalar);
            if (st < 0) {
                char q[JZ_QUOTE_BUF];
                rc = jz_error_set(err, JZ_EINPUT, v->file, v->line, v->column, "status '%s': %s",
                                  jz_history_quote(v->scalar, q, sizeof q), hist_status_hint);
                break;
            }
            row.provisional |= st;
        } else {
            double x;
            const char *why;
            if (!v->quoted && (strcmp(v->scalar, "null") == 0 || strcmp(v->scalar, "~") == 0))
                continue;
            int st = hist_parse_number(v->scalar, 0, &x, &why);
            if (st == NUM_BAD) {
                char q[JZ_QUOTE_BUF];
                rc = jz_error_set(err, JZ_EINPUT, v->file, v->line, v->column,
                                  "%s: '%s' is not a number%s%s", jz_hseries_key(r), jz_history_quote(v->scalar, q, sizeof q),
                                  why ? "; " : "", why ? why : "");
                break;
            }
            if (st == NUM_MISSING)
                continue;
            x *= hist_unit_scale(r, par);
            if ((why = hist_check_value(r, x))) {
                char q[JZ_QUOTE_BUF];
                rc = jz_error_set(err, JZ_EINPUT, v->file, v->line, v->column,
                                  "%s %s, got %s", jz_hseries_key(r), why, jz_history_quote(v->scalar, q, sizeof q));
                break;
            }
            row.v[r] = x;
            row.col[r] = v->column;
        }
    }
    if (rc == JZ_OK && !have_period)
        rc = jz_error_set(err, JZ_EINPUT, m->file, m->line, m->column,
                          "this row has no `periode`; %s", hist_period_hint);
    if (rc == JZ_OK) {
        row.source = src;
        rc = hist_store_row(h, &row, err);
    }
    free(src);
    return rc;
}

jz_history *jz_history_parse_yaml(const char *text, size_t len, const char *name, jz_error *err)
{
    jz_error_clear(err);
    jz_history *h = jz_history_alloc(name);
    jz_arena *a = jz_arena_alloc();
    if (!h || !a) {
        jz_arena_free(a);
        jz_history_free(h);
        jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    jz_yaml_limits lim = {JZ_YAML_MAX_BYTES, JZ_YAML_MAX_NODES};
    jz_node *root = jz_yaml_parse(a, text, len, h->path, &lim, err);
    int rc = root ? JZ_OK : err->status;
    const jz_node *rows = NULL;
    if (rc == JZ_OK && root->type != JZ_NODE_MAP)
        rc = jz_error_set(err, JZ_EINPUT, h->path, root->line, root->column,
                          "a history file is a map with `rows:` (and optionally `sources:`)");
    for (size_t i = 0; rc == JZ_OK && i < root->n; i++) {
        const jz_node *k = root->keys[i], *v = root->values[i];
        if (strcmp(k->scalar, "rows") == 0) {
            if (v->type != JZ_NODE_SEQ)
                rc = jz_error_set(err, JZ_EINPUT, v->file, v->line, v->column,
                                  "rows: expected a list of maps, got %s", jz_node_type_name(v));
            rows = v;
        } else if (strcmp(k->scalar, "sources") == 0 || strcmp(k->scalar, "bronnen") == 0 ||
                   strcmp(k->scalar, "source") == 0 || strcmp(k->scalar, "bron") == 0) {
            if (v->type == JZ_NODE_SCALAR) {
                if (hist_add_note(h, v->scalar))
                    rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
            } else if (v->type == JZ_NODE_SEQ) {
                for (size_t j = 0; rc == JZ_OK && j < v->n; j++) {
                    if (v->values[j]->type != JZ_NODE_SCALAR)
                        rc = jz_error_set(err, JZ_EINPUT, v->values[j]->file, v->values[j]->line,
                                          v->values[j]->column, "sources: expected a list of texts");
                    else if (hist_add_note(h, v->values[j]->scalar))
                        rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
                }
            } else {
                rc = jz_error_set(err, JZ_EINPUT, v->file, v->line, v->column,
                                  "sources: expected a text or a list of texts");
            }
        } else {
            char q[JZ_QUOTE_BUF];
            rc = jz_error_set(err, JZ_EINPUT, k->file, k->line, k->column,
                              "unknown key '%s' in a history file; expected rows or sources",
                              jz_history_quote(k->scalar, q, sizeof q));
        }
    }
    if (rc == JZ_OK && !rows)
        rc = jz_error_set(err, JZ_EINPUT, h->path, 1, 1, "no `rows:` list in the history file");
    for (size_t i = 0; rc == JZ_OK && i < rows->n; i++)
        rc = yaml_row(h, rows->values[i], err);
    if (rc == JZ_OK && h->n_rows == 0)
        rc = jz_error_set(err, JZ_EINPUT, h->path, rows->line, rows->column, "no observations in `rows`");
    jz_arena_free(a);
    if (rc != JZ_OK) {
        jz_history_free(h);
        return NULL;
    }
    return h;
}
