/*
 * flow_lanes.c - the monthly step of flow.c for JZ_LANES runs at once
 * (lanes.h): one vector operation does one scalar operation of every lane.
 *
 * Same bits as the scalar step.  The code below is flow.c's step with
 * double replaced by jz_lane: the same products and sums in the same
 * order.  Nothing here may change that order: no reduction across lanes,
 * no reassociation (no -ffast-math), and no a * b + c contracted into one
 * fused multiply-add, which rounds once instead of twice.  This file is
 * built with -ffp-contract=off (CMakeLists.txt), and its AVX2 clone does not
 * enable FMA.  tests/test_lanes.c compares every figure with the scalar
 * path bit for bit.
 *
 * Dispatch.  On x86-64 with GCC or clang (not emscripten, which has no
 * target_clones) jz_lanes_year is compiled twice, for AVX2 (a lane vector
 * is one 256-bit register) and for the baseline x86-64 (two SSE2
 * registers); the loader picks one per machine.  Elsewhere the compiler
 * splits the vectors into what the target has.
 */
#include <stdlib.h>
#include <string.h>

#include "model/chain_step.h"
#include "model/internal.h"
#include "model/lanes.h"
#include "model/simd.h"

/* n lane vectors, cleared; what it takes into *took as jz_lanes_size
 * counts it (the 64-byte lines, and 64 for the alignment). */
static void *lane_array(size_t n, size_t *took)
{
    /* a whole number of 64-byte lines: aligned_alloc needs it */
    size_t bytes = (n * sizeof(jz_lane) + 63) / 64 * 64;
    void *p = aligned_alloc(64, bytes ? bytes : 64);
    if (p)
        memset(p, 0, bytes ? bytes : 64);
    *took += bytes + 64;
    return p;
}

void jz_lanes_free(jz_lanes *ln)
{
    if (!ln)
        return;
    free(ln->cell);
    free(ln->frac);
    free(ln->route_to);
    free(ln->pool_slot);
    free(ln->x);
    free(ln->arrive);
    free(ln->next);
    free(ln->ring);
    free(ln->acc);
    free(ln->stock);
    free(ln->fig);
    free(ln);
}

/* What jz_lanes_alloc takes for Z zorgsoorten and ring_cap slots (size.c
 * counts it; the same terms, rounded as lane_array rounds). */
size_t jz_lanes_size(int Z, int H, int ring_cap)
{
    size_t z = (size_t)Z, h = (size_t)(H > 0 ? H : 0), ring = (size_t)(ring_cap > 0 ? ring_cap : 1);
#define LANE_BYTES_(n) (((n) * sizeof(jz_lane) + 63) / 64 * 64 + 64)
    size_t bytes = sizeof(jz_lanes) + (z * sizeof(jz_lane_cell) + 63) / 64 * 64;
    bytes += LANE_BYTES_(z * z) + LANE_BYTES_(z * JZ_STAGES_MAX) + 3 * LANE_BYTES_(z) +
             LANE_BYTES_(z * ring) + LANE_BYTES_(z * ACC_N) + LANE_BYTES_(z * h * FIG_N);
#undef LANE_BYTES_
    return bytes + (z * z + ring) * sizeof(int);
}

jz_lanes *jz_lanes_alloc(int Z, int H, int ring_cap)
{
    jz_lanes *ln = calloc(1, sizeof *ln);
    if (!ln)
        return NULL;
    size_t z = (size_t)Z;
    ln->Z = Z;
    ln->ring_cap = ring_cap;
    /* jz_lane_cell holds jz_lane members: aligned like them */
    size_t cell_bytes = (z * sizeof(jz_lane_cell) + 63) / 64 * 64;
    ln->cell = aligned_alloc(64, cell_bytes);
    if (ln->cell)
        memset(ln->cell, 0, cell_bytes);
    size_t ring = ring_cap > 0 ? (size_t)ring_cap : 1;
    /* every block counted as it is asked for, so that a test can hold
     * jz_lanes_size to it (tests/test_lanes.c) */
    ln->bytes = sizeof *ln + cell_bytes;
    ln->frac = lane_array(z * z, &ln->bytes);
    ln->route_to = calloc(z > 0 ? z * z : 1, sizeof *ln->route_to);
    ln->bytes += z * z * sizeof *ln->route_to;
    ln->pool_slot = calloc(ring, sizeof *ln->pool_slot);
    ln->bytes += ring * sizeof *ln->pool_slot;
    ln->x = lane_array(z * JZ_STAGES_MAX, &ln->bytes);
    ln->arrive = lane_array(z, &ln->bytes);
    ln->next = lane_array(z, &ln->bytes);
    ln->ring = lane_array(z * (size_t)ring_cap, &ln->bytes);
    ln->acc = lane_array(z * ACC_N, &ln->bytes);
    ln->stock = lane_array(z, &ln->bytes);
    ln->H = H > 0 ? H : 0;
    ln->fig = lane_array(z * (size_t)ln->H * FIG_N, &ln->bytes);
    ln->fig_g = -1;
    if (!ln->fig || !ln->cell || !ln->frac || !ln->route_to || !ln->pool_slot || !ln->x || !ln->arrive || !ln->next || !ln->ring || !ln->acc || !ln->stock) {
        jz_lanes_free(ln);
        return NULL;
    }
    return ln;
}

/* flow.c's chain_step, lane by lane.  The inflow comes by pointer: a
 * vector passed by value would have a different ABI in the two clones. */
static inline void lane_chain_step(const jz_erlang_lanes *restrict e, jz_lane *restrict x,
                                   const jz_lane *restrict inflow, int k, jz_lane sums[restrict 4])
{
    const jz_lane I = *inflow;
    JZ_CHAIN_STEP(jz_lane, e, x, I, k, sums);
}

/* uniform = 1 (a constant where it is inlined): every cell of every lane
 * has lane 0's integers, as draws of one gemeente always do, and the step
 * has no path for routes that differ. */
static inline __attribute__((always_inline)) int lanes_year_of(jz_lanes *ln, int S, int L, int head,
                                                               const int uniform)
{
    const int Z = ln->Z;
    for (int m = 0; m < S; m++) {
        for (int z = 0; z < Z; z++) {
            const jz_lane_cell *e = &ln->cell[z];
            jz_lane *x = ln->x + (size_t)z * JZ_STAGES_MAX;
            jz_lane *a = ln->acc + (size_t)z * ACC_N;
            jz_lane in_tr = ln->arrive[z];
            jz_lane in_re = ln->ring[(size_t)z * (size_t)L + (size_t)head];
            jz_lane I = e->ext + in_tr + in_re;

            jz_lane sums[4];
            switch (e->k) { /* constant k: fully unrolled up to 8 stages */
            case 1: lane_chain_step(&e->coef, x, &I, 1, sums); break;
            case 2: lane_chain_step(&e->coef, x, &I, 2, sums); break;
            case 3: lane_chain_step(&e->coef, x, &I, 3, sums); break;
            case 4: lane_chain_step(&e->coef, x, &I, 4, sums); break;
            case 5: lane_chain_step(&e->coef, x, &I, 5, sums); break;
            case 6: lane_chain_step(&e->coef, x, &I, 6, sums); break;
            case 7: lane_chain_step(&e->coef, x, &I, 7, sums); break;
            case 8: lane_chain_step(&e->coef, x, &I, 8, sums); break;
            default: lane_chain_step(&e->coef, x, &I, e->k, sums); break;
            }
            jz_lane cm = sums[2];
            jz_lane C = e->coef.r * sums[3];
            jz_lane A = e->coef.a * cm;

            if (uniform || e->ends_alike) {
                JZ_ROUTE_EXITS(ln->next, ln->ring, e, C, A, head, L); /* as flow.c's route_exits */
            } else {
                /* gemeenten side by side: the union of their routes (a
                 * lane's missing route adds C x +0.0 = +0.0 to a sum that
                 * started at +0.0 and is never -0.0: no bit changes; a
                 * non-finite C is caught after the year, flow.c), then
                 * each lane's ageing exits and re-entries to its own
                 * destination and slot, in route_exits' order */
                JZ_ROUTE_COMPLETIONS(ln->next, e, C);
                if (e->ageing_alike && e->ageing_to >= 0)
                    ln->next[e->ageing_to] += A * e->aged_to;
                double *next = (double *)ln->next, *ring = (double *)ln->ring;
                for (int l = 0; l < JZ_LANES; l++)
                    JZ_ROUTE_AGE_REENTER(next + l, ring + l, JZ_LANES, e->ageing_alike ? -1 : e->ageing_to_l[l],
                                         e->aged_to[l], e->reentry_to_l[l], e->reentry_steps_l[l],
                                         e->reentry[l], C[l], A[l], head, L);
            }
            JZ_STEP_SUMS(a, in_tr, in_re, C, A, cm);
        }
        for (int z = 0; z < Z; z++) {
            ln->arrive[z] = ln->next[z];
            ln->next[z] = (jz_lane){0};
            ln->ring[(size_t)z * (size_t)L + (size_t)head] = (jz_lane){0};
        }
        if (++head == L)
            head = 0;
    }
    return head;
}

/* The clones are of a static function behind a plain one: clang 14 names
 * the dispatcher of an exported multiversioned function differently from
 * what callers in other files link to. */
JZ_LANES_CLONES
static int lanes_year(jz_lanes *ln, int S, int L, int head)
{
    return ln->uniform ? lanes_year_of(ln, S, L, head, 1) : lanes_year_of(ln, S, L, head, 0);
}

int jz_lanes_year(jz_lanes *ln, int S, int L, int head)
{
    return lanes_year(ln, S, L, head);
}
