/*
 * init.c - once-per-process set-up: GSL's aborting error handler off
 * (jzsim/init.h).
 */
#include <pthread.h>

#include <gsl/gsl_errno.h>

#include "jzsim/init.h"

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init_gsl(void)
{
    gsl_set_error_handler_off();
}

void jz_init(void)
{
    pthread_once(&init_once, init_gsl);
}
