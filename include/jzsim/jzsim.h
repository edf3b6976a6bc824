/* jzsim/jzsim.h - umbrella header for the jzsim library. */
#ifndef JZSIM_JZSIM_H
#define JZSIM_JZSIM_H
#include "jzsim/error.h"
#include "jzsim/scenario.h"
#include "jzsim/model.h"
#include "jzsim/report.h"
#define JZSIM_VERSION "0.1.0"
#endif
