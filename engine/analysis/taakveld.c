/*
 * taakveld.c - the totals of a result per Iv3 taakveld (jzsim/taakveld.h):
 * the sum of the zorgsoorten that the scenario maps to each taakveld.
 */
#include <stdlib.h>
#include <string.h>

#include "jzsim/taakveld.h"

const char *const jz_taakveld_codes[JZ_TAAKVELD_N] = {"6.1", "6.71", "6.72", "6.73", "6.74", "6.81", "6.82"};

int jz_taakveld_index(const char *code)
{
    for (int i = 0; code && i < JZ_TAAKVELD_N; i++)
        if (strcmp(code, jz_taakveld_codes[i]) == 0)
            return i;
    return -1;
}

void jz_taakveld_totals_free(jz_taakveld_totals *t)
{
    if (!t)
        return;
#define FREE_(f) free(t->f);
    JZ_TAAKVELD_METRICS(FREE_)
#undef FREE_
    free(t);
}

int jz_taakveld_totals_alloc(const jz_scenario *s, const jz_result *r, jz_taakveld_totals **out,
                             jz_error *err)
{
    *out = NULL;
    jz_taakveld_totals *t = calloc(1, sizeof *t);
    if (!t)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    const int Z = r->n_zorgsoorten, G1 = r->n_gemeenten + 1, H = r->horizon;
    int slot[JZ_TAAKVELD_N];
    for (int c = 0; c < JZ_TAAKVELD_N; c++) {
        slot[c] = -1;
        for (int z = 0; z < Z; z++)
            if (jz_taakveld_index(s->zorgsoorten[z].taakveld) == c) {
                if (slot[c] < 0) {
                    slot[c] = t->n;
                    t->code[t->n++] = c;
                }
                t->n_zorgsoorten[slot[c]]++;
            }
    }
    t->n_gemeenten = r->n_gemeenten;
    t->horizon = H;
    size_t cells = (size_t)G1 * (size_t)(t->n > 0 ? t->n : 1) * (size_t)H;
    int bad = 0;
#define ALLOC_(f) bad |= (t->f = calloc(cells, sizeof(double))) == NULL;
    JZ_TAAKVELD_METRICS(ALLOC_)
#undef ALLOC_
    if (bad) {
        jz_taakveld_totals_free(t);
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
    for (int g = 0; g < G1; g++)
        for (int z = 0; z < Z; z++) {
            int c = jz_taakveld_index(s->zorgsoorten[z].taakveld);
            if (c < 0)
                continue;
            for (int y = 0; y < H; y++) {
                size_t i = jz_result_cz(r, g, z, y), k = jz_taakveld_at(t, g, slot[c], y);
#define SUM_(f) t->f[k] += r->f[i];
                JZ_TAAKVELD_METRICS(SUM_)
#undef SUM_
            }
        }
    *out = t;
    return JZ_OK;
}
