/*
 * jzsim/init.h - once-per-process set-up of the library.
 *
 * GSL's default error handler prints and calls abort().  jzsim turns it
 * off once for the whole process (gsl_set_error_handler_off) and checks
 * every GSL status itself, turning a failure into a located jz_error: a
 * non positive definite correlation matrix, an out-of-memory allocation,
 * a solver that cannot start.  No input can make the library abort.
 *
 * jz_init() does that.  It is thread-safe (pthread_once) and idempotent,
 * and every entry point that can reach GSL calls it (loading a scenario's
 * uncertainty section, drawing, Monte Carlo, sensitivity and break-even,
 * calibration and backtests), so a program need not call it; call it
 * first when you call GSL yourself and want the same policy from the
 * start.  Because GSL's handler is process-wide, an application that
 * installs its own handler (gsl_set_error_handler) after jz_init() takes
 * responsibility for not aborting inside jzsim.
 */
#ifndef JZSIM_INIT_H
#define JZSIM_INIT_H

#ifdef __cplusplus
extern "C" {
#endif

void jz_init(void);

#ifdef __cplusplus
}
#endif
#endif
