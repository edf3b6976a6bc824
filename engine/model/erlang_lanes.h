/*
 * erlang_lanes.h - the coefficients of erlang.h for JZ_LANES chains at once
 * (internal).
 *
 * The run needs a coefficient set per cell-year, and in the national
 * scenario or a Monte Carlo draw nearly every cell-year has its own
 * zorgduur, so they are computed, not looked up.  Four sets with the same
 * number of stages k (the years of one cell, or the draws of one cell-year)
 * are computed side by side, one per lane of a jz_lane (lanes.h).  Lane l
 * of every member is the same double as jz_erlang_step(k, D[l], p[l], tau)
 * gives: the lane code does the scalar code's operations in its order, the
 * slow/fast regime is chosen per lane, and the slow chain's series adds in
 * each lane exactly the terms the scalar series adds (erlang_lanes.c;
 * tests/test_model_erlang_lanes.c compares them bit for bit).
 */
#ifndef JZ_MODEL_ERLANG_LANES_H
#define JZ_MODEL_ERLANG_LANES_H

#include "model/erlang.h"
#include "model/lanes.h"

/* Coefficients of JZ_LANES chains of k stages, lane l with mean duration
 * D[l] months and annual ageing fraction p[l], steps of tau months.
 * Returns a bit mask of the lanes for which jz_erlang_step would fail (bit
 * l: lane l holds numbers of no meaning); 0 when every lane is good.  Pure,
 * no allocation. */
unsigned jz_erlang_step_lanes(jz_erlang_lanes *v, int k, const double *D, const double *p,
                              double tau);

/* Lane l of v as the jz_erlang that jz_erlang_step(e, k, D, p, tau) fills,
 * (k, D, p, tau) being lane l's inputs. */
void jz_erlang_from_lane(jz_erlang *e, const jz_erlang_lanes *v, int l, int k, double D,
                         double p, double tau);

#endif
