/*
 * derive_internal.h - what the files of engine/init share (internal).
 *
 *   reference.c  the reference table (default zorgduur and stages)
 *   derive.c     template -> steady-state inversion -> scenario YAML
 *   prognose.c   realised months -> year end with a band
 */
#ifndef JZ_DERIVE_INTERNAL_H
#define JZ_DERIVE_INTERNAL_H

#include "jzsim/derive.h"
#include "jzsim/prognose.h"
#include "scenario/node.h"

/* Client-years of one year of the model's monthly Erlang chain: k stages,
 * D months, S clients on 1 January split equally over the stages, A starts
 * per year entering uniformly; *end (may be NULL) gets the stock on
 * 31 December.  NAN when the coefficients cannot be computed. */
double jz_derive_chain_year(int k, double D, double S, double A, double *end);

#endif
