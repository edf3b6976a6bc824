/*
 * bigblock.c - zeroed blocks of a megabyte or more (the scenario's series
 * and cells, a result, the YAML tree's arena, the inputs' texts) mapped in
 * 2 MiB pages where the kernel offers them (see util.h).
 *
 * Why: a national scenario touches ~45 MB at once, and with 4 KiB pages
 * every first touch is a page fault.  On a virtual machine a fault costs
 * 10-20 us, so the ~11,000 faults of `jzsim run` on 342 gemeenten took
 * longer than loading and running the model together (bench/README.md).
 * Linux's transparent huge pages are "madvise" on many systems: a mapping
 * asks for them with madvise(MADV_HUGEPAGE) before it is touched, and then
 * one fault maps 2 MiB.  The mapping is made here, aligned to 2 MiB, so
 * that all of it can be huge; fresh anonymous memory is zero, so there is
 * no memset.  Where huge pages are off the pages are small and the memory
 * the same; off Linux this is calloc and free.
 */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS and MADV_HUGEPAGE are outside POSIX */
#endif
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__linux__) && !defined(__EMSCRIPTEN__)
#include <sys/mman.h>
#endif

#include "common/util.h"

/* not in the browser build (engine/wasm): its mmap is an emulation */
#if defined(__linux__) && !defined(__EMSCRIPTEN__) && defined(MADV_HUGEPAGE) && defined(MAP_ANONYMOUS)
#define BIG_MAP 1
#else
#define BIG_MAP 0
#endif

enum { HUGE_PAGE = 2 * 1024 * 1024 };

/* The length of the mapping for a block of bytes, 0 when the block is
 * small enough for calloc (below 512 KiB: 128 small pages), or TOO_BIG
 * when no mapping can hold it (it must fail, not fall back to calloc: a
 * realloc of a mapping by the C library would be undefined). */
#define TOO_BIG SIZE_MAX
static size_t map_len(size_t bytes)
{
    if (!BIG_MAP || bytes < HUGE_PAGE / 4)
        return 0;
    if (bytes > SIZE_MAX - 2 * (size_t)HUGE_PAGE)
        return TOO_BIG;
    return (bytes + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
}

size_t jz_big_bytes(size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size)
        return SIZE_MAX;
    size_t len = map_len(n * size);
    return len ? len : n * size;
}

void *jz_big_calloc(size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size)
        return NULL;
    size_t len = map_len(n * size);
    if (!len)
        return calloc(n, size);
    if (len == TOO_BIG)
        return NULL;
#if BIG_MAP
    /* map one huge page more, then give back the parts before the first
     * 2 MiB boundary and after the block */
    char *m = mmap(NULL, len + HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED)
        return NULL;
    uintptr_t at = ((uintptr_t)m + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
    char *p = (char *)at;
    size_t head = (size_t)(p - m), tail = HUGE_PAGE - head;
    if (head)
        munmap(m, head);
    if (tail)
        munmap(p + len, tail);
    /* advice only: when it is refused the pages are small, the memory the same */
    (void)madvise(p, len, MADV_HUGEPAGE);
    return p;
#else
    return NULL;
#endif
}

void *jz_big_realloc(void *p, size_t old_n, size_t new_n, size_t size)
{
    if (size != 0 && (new_n > SIZE_MAX / size || old_n > new_n))
        return NULL;
    size_t len = map_len(new_n * size);
    if (!len)
        return realloc(p, new_n * size); /* old_n <= new_n: p is malloc'd too */
    if (len == TOO_BIG)
        return NULL;
    void *q = jz_big_calloc(new_n, size);
    if (!q)
        return NULL;
    if (old_n)
        memcpy(q, p, old_n * size);
    jz_big_free(p, old_n, size);
    return q;
}

void jz_big_free(void *p, size_t n, size_t size)
{
    if (!p)
        return;
    size_t len = map_len(n * size);
    if (!len) {
        free(p);
        return;
    }
    if (len == TOO_BIG) /* never handed out */
        return;
#if BIG_MAP
    munmap(p, len);
#endif
}
