/*
 * bigblock.c - zeroed blocks of several megabytes (the scenario's series,
 * a result, the YAML tree's arena) backed by 2 MiB pages where the kernel
 * offers them (see util.h).
 *
 * Why: a national scenario touches ~45 MB at once, and with 4 KiB pages
 * every first touch is a page fault.  On a virtual machine a fault costs
 * 10-20 us, so the ~11,000 faults of `jzsim run` on 342 gemeenten cost more
 * than loading and running the model together (bench/README.md).  Linux's
 * transparent huge pages are "madvise" by default on many systems: a
 * region asks for them with madvise(MADV_HUGEPAGE) before it is touched,
 * and then one fault maps 2 MiB.  The contents are the same either way;
 * where huge pages are off or unknown this is plain calloc.
 */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* MADV_HUGEPAGE is outside POSIX */
#endif
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "common/util.h"

enum { HUGE_PAGE = 2 * 1024 * 1024 };

void *jz_big_calloc(size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size)
        return NULL;
    size_t bytes = n * size;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (bytes >= HUGE_PAGE / 2) { /* at most half a huge page unused */
        /* whole huge pages: aligned start, length rounded up */
        size_t len = (bytes + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
        void *p = NULL;
        if (len >= bytes && posix_memalign(&p, HUGE_PAGE, len) == 0) {
            /* advice only: when it is refused the pages are small, the
             * memory the same */
            (void)madvise(p, len, MADV_HUGEPAGE);
            memset(p, 0, bytes);
            return p;
        }
        return NULL;
    }
#endif
    return calloc(n, size);
}
