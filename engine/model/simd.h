/*
 * simd.h - how the vector code of engine/model is dispatched (internal).
 *
 * The lane-by-lane files (flow_lanes.c: the chain step; erlang_lanes.c: the
 * coefficients) are compiled with GCC/clang vector extensions and
 * -ffp-contract=off (CMakeLists.txt), and their hot function is marked
 * JZ_LANES_CLONES: on x86-64 with GCC or clang (not emscripten, which has
 * no target_clones) it is compiled twice, for AVX2 (a lane vector is one
 * 256-bit register) and for the baseline x86-64 (two SSE2 registers), and
 * the loader picks one per machine.  The AVX2 clone does not enable FMA: a
 * fused multiply-add rounds once where the scalar code rounds twice.
 * Elsewhere the compiler splits the vectors into what the target has.
 * Loops that the compiler vectorises itself are cloned the same way:
 * routes_of_gemeente, lanes_end_year, lanes_stock and lanes_pool_draws
 * (flow.c, also -ffp-contract=off),
 * the region totals' additions (total.c, also) and the range scan
 * (check.c: comparisons only), each element by element, the same bits.
 */
#ifndef JZ_MODEL_SIMD_H
#define JZ_MODEL_SIMD_H

/* ThreadSanitizer: the clones' ifunc resolver runs while the dynamic
 * loader relocates, before the TSan runtime is set up, and the program
 * crashes at start (seen with clang 14: even `jzsim mc --help`).  The TSan
 * build checks the threads, not the vector code, so it takes the default. */
#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define JZ_LANES_TSAN 1
#endif
#endif
#if defined(__SANITIZE_THREAD__)
#define JZ_LANES_TSAN 1
#endif

#if defined(__x86_64__) && !defined(__EMSCRIPTEN__) && !defined(JZ_LANES_TSAN) && \
    (defined(__clang__) ? __clang_major__ >= 14 : defined(__GNUC__) && __GNUC__ >= 6)
#define JZ_LANES_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define JZ_LANES_CLONES
#endif

#endif
