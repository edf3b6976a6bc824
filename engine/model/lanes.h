/*
 * lanes.h - the chains of JZ_LANES runs stepped side by side (internal).
 *
 * A Monte Carlo projects the same gemeente for several draws.  Their chains
 * have the same integer structure (stages, routes, the ageing destination,
 * the re-entry delay and so the ring layout): no distribution reaches
 * those.  Only doubles differ: stocks, arrivals, coefficients, fractions.
 * So the chains of JZ_LANES draws are stepped together, one draw per lane
 * of a vector of doubles, with every array stored [..][lane]
 * (structure of arrays) (ln->uniform).  One run steps JZ_LANES gemeenten
 * the same way; they share the stages (per zorgsoort) but may differ in
 * routes (taken as the union, a missing one adding +0.0), re-entry rows,
 * delays and ring lengths, and ageing destinations, which are written lane
 * by lane.  Lane j does exactly the operations of the scalar step (flow.c)
 * in the same order, on its own numbers only, so its results are the same
 * bits as a run of that draw or gemeente alone.
 *
 * flow.c fills a jz_lanes from the lanes' workspaces (cell parameters per
 * cell-year; the coefficients it makes for all lanes at once,
 * erlang_lanes.c) and writes each lane's year into its result from the
 * lanes (lanes_end_year); flow_lanes.c steps the months.
 */
#ifndef JZ_MODEL_LANES_H
#define JZ_MODEL_LANES_H

#include <stdint.h>

#include "jzsim/model.h"

#define JZ_LANES JZ_MODEL_LANES

/* JZ_LANES doubles, one per lane (GCC/clang vector extension: the
 * operators act lane by lane; 4 doubles is one AVX2 register, or two SSE2
 * registers in the default build). */
typedef double jz_lane __attribute__((vector_size(JZ_LANES * sizeof(double))));

/* Lane masks: a comparison of two jz_lane gives -1 (all bits) in a lane
 * where it holds, 0 elsewhere. */
typedef int64_t jz_lane_mask __attribute__((vector_size(JZ_LANES * sizeof(double))));

/* m ? a : b, lane by lane, by the bits (no arithmetic: the same bits as the
 * scalar ?: picks).  A macro: a vector passed by value would have a
 * different ABI in the two clones. */
#define LANE_PICK(m, a, b) ((jz_lane)(((jz_lane_mask)(a) & (m)) | ((jz_lane_mask)(b) & ~(m))))

/* The members of jz_erlang that the step reads, [..][lane]
 * (erlang_lanes.h makes them). */
typedef struct jz_erlang_lanes {
    jz_lane phi[JZ_STAGES_MAX], gamma[JZ_STAGES_MAX], W[JZ_STAGES_MAX];
    jz_lane V, V_last, r, a, c;
} jz_erlang_lanes;

/* One zorgsoort in the current year, all lanes: the coefficients of its
 * chain (jz_erlang) and its cell parameters (jz_cellyear).  The draws of a
 * Monte Carlo share every integer (those of lane 0).  Gemeenten side by
 * side (one run, jz_flows_gemeenten_lanes) share k but may differ in their
 * routes, ageing destination, re-entry destination and delay: the routes
 * are then the union of the lanes' routes (a lane without route n has
 * fraction +0.0 there), and the re-entries, and the ageing exits when their
 * destinations differ, go lane by lane (the *_l members). */
typedef struct jz_lane_cell {
    jz_erlang_lanes coef; /* made in place (flow.c, lanes_coef_of) */
    jz_lane ext, reentry, aged_to; /* jz_cellyear */
    jz_lane ext_year, out;         /* jz_cellyear's, for the draws only (flow.c, lanes_draws_year) */
    jz_lane coef_D, coef_p; /* zorgduur and ageing the coefficients were made for */
    const jz_lane *route_frac; /* [n_route] fractions of completions to route_to[n] */
    const int *route_to;
    int k, n_route, ageing_to, reentry_to, reentry_steps;
    int ends_alike;   /* 1: every lane has ageing_to, reentry_to, reentry_steps */
    int ageing_alike; /* 1: every lane has ageing_to */
    int ageing_to_l[JZ_LANES], reentry_to_l[JZ_LANES], reentry_steps_l[JZ_LANES];
} jz_lane_cell;

/* The figures of a cell-year that money_lanes.c reads back from the
 * result (cells_lanes), kept as lane vectors for the draws (jz_lanes fig):
 * X(index, the jz_result array that holds it), one list for every place
 * that maps the one to the other. */
#define JZ_LANE_FIGURES(X)                                                                    \
    X(FIG_CLIENT_YEARS, client_years) X(FIG_UNIQUE, unique) X(FIG_START, start)               \
    X(FIG_EXT, instroom_ext) X(FIG_REENTRY, instroom_reentry) X(FIG_END, end) X(FIG_IN, instroom) \
    X(FIG_OUT, uitstroom)
#define JZ_LANE_FIG_INDEX_(k, field) k,
enum { JZ_LANE_FIGURES(JZ_LANE_FIG_INDEX_) FIG_N };
#undef JZ_LANE_FIG_INDEX_

/* The state of one gemeente's chains in all lanes; allocated with a
 * workspace (jz_lanes_alloc), used in the workspace of lane 0. */
typedef struct jz_lanes {
    int Z, ring_cap;
    int uniform;        /* 1: every cell of every lane has lane 0's integers (draws of one gemeente) */
    jz_lane_cell *cell; /* [Z] */
    jz_lane *frac;      /* [Z * Z] route fractions, cell z's at z * Z */
    int *route_to;      /* [Z * Z] the union of the lanes' routes, cell z's at z * Z */
    int *pool_slot;     /* [ring_cap] a lane's ring slot t in the lanes' ring (flow.c) */
    jz_lane *x;         /* [Z * JZ_STAGES_MAX] stock per stage */
    jz_lane *arrive;    /* [Z] transfers arriving in the current step */
    jz_lane *next;      /* [Z] transfers leaving now, arriving next step */
    jz_lane *ring;      /* [Z * ring_cap] re-entries by arrival slot */
    jz_lane *acc;       /* [Z * ACC_N] the year's sums (ACC_* of internal.h) */
    jz_lane *stock;     /* [Z] stock per cell on 1 January, then (after the year) 31 December */
    jz_lane *fig;       /* [Z * H * FIG_N] the draws' figures of cell-year (z, y) at (z * H + y) * FIG_N,
                           kept here instead of in the scratch slot of their rolling results
                           (flow.c, lanes_end_year_draws) */
    int H;              /* years fig has room for */
    int fig_g, fig_n;   /* fig holds gemeente fig_g's figures for fig_n lanes (-1: none); the
                           money of the lanes (money_lanes.c, next) reads them, writes them
                           into the results of the lanes that money.c does, and sets
                           fig_g = -1 */
    size_t bytes;       /* what jz_lanes_alloc asked for, as jz_lanes_size counts it */
} jz_lanes;

jz_lanes *jz_lanes_alloc(int Z, int H, int ring_cap);
size_t jz_lanes_size(int Z, int H, int ring_cap);
void jz_lanes_free(jz_lanes *ln);

/* Step S months of the Z chains in every lane, from ring slot head of a
 * ring of L slots (L: the longest ring of the lanes; a lane with a shorter
 * ring of its own has the same re-entries in the same order, in slots
 * further from its head); adds the months' arrivals, exits and
 * client-steps into acc.  Returns the ring slot of the next step. */
int jz_lanes_year(jz_lanes *ln, int S, int L, int head);

#endif
