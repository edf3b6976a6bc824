/*
 * jzsim/jzsim.h - umbrella header for the jzsim library.
 *
 * jz_init() (init.h) turns GSL's aborting error handler off once per
 * process; the entry points call it themselves.
 *
 * The stages, in the order data flows through them:
 *   scenario.h     load and validate a scenario (YAML, extends, units)
 *   uncertainty.h  distributions and correlations on scenario inputs
 *   measures.h     Hervormingsagenda and local measures in a scenario
 *   model.h        the projection: scenario -> per-year results
 *   compare.h      scenarios side by side
 *   mc.h           Monte Carlo bands
 *   sensitivity.h  one-way sensitivity (tornado) and break-even
 *   history.h      observed history files
 *   calibrate.h    fitting to history, backtesting
 *   report.h       tables, CSV, JSON and atomic output files
 */
#ifndef JZSIM_JZSIM_H
#define JZSIM_JZSIM_H
#include "jzsim/error.h"
#include "jzsim/init.h"
#include "jzsim/scenario.h"
#include "jzsim/uncertainty.h"
#include "jzsim/measures.h"
#include "jzsim/regio.h"
#include "jzsim/model.h"
#include "jzsim/compare.h"
#include "jzsim/mc.h"
#include "jzsim/sensitivity.h"
#include "jzsim/history.h"
#include "jzsim/calibrate.h"
#include "jzsim/records.h"
#include "jzsim/report.h"
#include "jzsim/taakveld.h"
#include "jzsim/werksessie.h"
#include "jzsim/verschil.h"
#include "jzsim/version.h" /* JZSIM_VERSION, generated from CMake's project(VERSION) */
#endif
