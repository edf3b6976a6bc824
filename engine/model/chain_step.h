/*
 * chain_step.h - the arithmetic of one step of one Erlang chain, written
 * once for the scalar path (flow.c, T = double) and the lanes
 * (flow_lanes.c, T = jz_lane).  Lanes must give the same bits as a run
 * alone (lanes.h), which holds only while both do the same operations in
 * the same order: one definition keeps them from drifting apart (the step,
 * the routing of its exits, the transfers of a year and the year's sums;
 * a cell-year's routes and figures, which the draws of a Monte Carlo make
 * for all lanes at once, flow.c).
 * Unrolling does not change the order of any addition.  The routing of
 * the exits is shared the same way (JZ_ROUTE_EXITS).
 */
#ifndef JZ_MODEL_CHAIN_STEP_H
#define JZ_MODEL_CHAIN_STEP_H

/* Unroll hint for the loops over the stages (k <= 8 fully unrolled when k
 * is a constant; longer chains keep the loop). */
#if defined(__clang__)
#define JZ_UNROLL _Pragma("unroll 8")
#elif defined(__GNUC__)
#define JZ_UNROLL _Pragma("GCC unroll 8")
#else
#define JZ_UNROLL
#endif

/* One step with inflow I of the chain x (k stages, coefficients e): x is
 * replaced by the end state; sums[0] = stock at the start, sums[1] = at the
 * end, sums[2] = client-steps, sums[3] = client-steps in the last stage
 * (completions / r).  x_j(end) = sum_{i<=j} phi_{j-i} x_i + I gamma_j, in
 * place from the last stage down (stage j reads only i <= j). */
#define JZ_CHAIN_STEP(T, e, x, I, k, sums)                        \
    do {                                                          \
        T s0_ = {0}, cm_ = (I) * (e)->V, last_ = (I) * (e)->V_last; \
        JZ_UNROLL                                                 \
        for (int i_ = 0; i_ < (k); i_++) {                        \
            s0_ += (x)[i_];                                       \
            cm_ += (x)[i_] * (e)->W[i_];                          \
            last_ += (x)[i_] * (e)->gamma[(k) - 1 - i_];          \
        }                                                         \
        T s1_ = {0};                                              \
        JZ_UNROLL                                                 \
        for (int j_ = (k) - 1; j_ >= 0; j_--) {                   \
            T v_ = (I) * (e)->gamma[j_];                          \
            JZ_UNROLL                                             \
            for (int i_ = 0; i_ <= j_; i_++)                      \
                v_ += (e)->phi[j_ - i_] * (x)[i_];                \
            (x)[j_] = v_;                                         \
            s1_ += v_;                                            \
        }                                                         \
        (sums)[0] = s0_;                                          \
        (sums)[1] = s1_;                                          \
        (sums)[2] = cm_;                                          \
        (sums)[3] = last_;                                        \
    } while (0)

/* Completions C to the routes: next[route_to[n]] += C route_frac[n], in
 * the order of the routes.  q is the cell (jz_cellyear, or jz_lane_cell
 * for the lanes). */
#define JZ_ROUTE_COMPLETIONS(next, q, C)                                 \
    do {                                                                 \
        for (int n_ = 0; n_ < (q)->n_route; n_++)                        \
            (next)[(q)->route_to[n_]] += (C) * (q)->route_frac[n_];      \
    } while (0)

/* Ageing exits A to the next age band (ageing_to, fraction aged_to) and
 * completions C to the re-entry ring (fraction reentry, into row reentry_to
 * at reentry_steps ahead of head, L slots per row).  Element i of next and
 * ring is at [i * stride]: 1 for a run alone (T = double) and for lanes
 * that share the integers (T = jz_lane); JZ_LANES for one lane of a lane
 * vector seen through a double pointer, when the lanes' destinations or
 * delays differ (gemeenten side by side, flow_lanes.c). */
#define JZ_ROUTE_AGE_REENTER(next, ring, stride, ageing_to, aged_to, reentry_to, reentry_steps, reentry, \
                             C, A, head, L)                                                              \
    do {                                                                                                 \
        if ((ageing_to) >= 0)                                                                            \
            (next)[(size_t)(ageing_to) * (size_t)(stride)] += (A) * (aged_to);                           \
        int slot_ = (head) + (reentry_steps);                                                            \
        if (slot_ >= (L))                                                                                \
            slot_ -= (L);                                                                                \
        (ring)[((size_t)(reentry_to) * (size_t)(L) + (size_t)slot_) * (size_t)(stride)] +=                \
            (C) * (reentry);                                                                             \
    } while (0)

/* Send one step's exits on: completions C to the routes (into next[]) and to
 * the re-entry ring (reentry_steps ahead of head, L slots per zorgsoort),
 * ageing exits A to the next age band.  q is the cell (jz_cellyear, or
 * jz_lane_cell for the lanes): one routing rule for both paths. */
#define JZ_ROUTE_EXITS(next, ring, q, C, A, head, L)                                              \
    do {                                                                                          \
        JZ_ROUTE_COMPLETIONS(next, q, C);                                                         \
        JZ_ROUTE_AGE_REENTER(next, ring, 1, (q)->ageing_to, (q)->aged_to, (q)->reentry_to,        \
                             (q)->reentry_steps, (q)->reentry, C, A, head, L);                    \
    } while (0)

/* uit_transfer of a cell-year from its routes (flow.c, transfer_by_routes):
 * the completions C and ageing exits A of the year sent along the routes in
 * the order of their destinations, the ageing destination at its place
 * (added to its route's share when it is one).  q as in JZ_ROUTE_EXITS;
 * T the type of C, A and the result. */
#define JZ_TRANSFER_BY_ROUTES(T, q, C, A, transfer)                  \
    do {                                                            \
        const int ag_ = (q)->ageing_to;                             \
        int aged_done_ = ag_ < 0;                                   \
        T sum_ = {0};                                               \
        for (int n_ = 0; n_ < (q)->n_route; n_++) {                 \
            const int v_ = (q)->route_to[n_];                       \
            if (!aged_done_ && ag_ < v_) {                          \
                sum_ += (q)->aged_to * (A);                         \
                aged_done_ = 1;                                     \
            }                                                       \
            T t_ = (q)->route_frac[n_] * (C);                       \
            if (v_ == ag_) {                                        \
                t_ += (q)->aged_to * (A);                           \
                aged_done_ = 1;                                     \
            }                                                       \
            sum_ += t_;                                             \
        }                                                           \
        if (!aged_done_)                                            \
            sum_ += (q)->aged_to * (A);                             \
        (transfer) = sum_;                                          \
    } while (0)

/* Add one step of one cell into its year's sums a[] (ACC_* of internal.h):
 * transfers and re-entries in, exits E = C + A, ageing, completions and
 * client-steps, in this order for both paths. */
#define JZ_STEP_SUMS(a, in_tr, in_re, C, A, cm) \
    do {                                        \
        (a)[ACC_IN_TR] += (in_tr);              \
        (a)[ACC_IN_RE] += (in_re);              \
        (a)[ACC_EXIT] += (C) + (A);             \
        (a)[ACC_AGEING] += (A);                 \
        (a)[ACC_COMPL] += (C);                  \
        (a)[ACC_CM] += (cm);                    \
    } while (0)

/* A cell-year's routes of completions (flow.c: setup_cell_year, and the
 * draws' lanes_draws_year for all lanes at once): when the routes are the
 * same every year (nr >= 0 of them, destinations in to[], from
 * routes_of_gemeente) this year's fractions are read directly, else they
 * are found among all Z (branch-free: slot nr is overwritten until a
 * route takes it; ROUTE(t) says whether t is one, lane 0's for the
 * lanes).  frac[m] is route m's fraction; sum (from 0) adds them, which
 * is the sum of all Z (the others are 0).  LOAD(t, v) sets t, a T, to
 * this year's transition to v. */
#define JZ_CELL_ROUTES(T, LOAD, ROUTE, Z, to, frac, nr, sum) \
    do {                                                      \
        if ((nr) >= 0) {                                      \
            for (int m_ = 0; m_ < (nr); m_++) {               \
                T t_;                                         \
                LOAD(t_, (to)[m_]);                           \
                (frac)[m_] = t_;                              \
                (sum) += t_;                                  \
            }                                                 \
        } else {                                              \
            (nr) = 0;                                         \
            for (int v_ = 0; v_ < (Z); v_++) {                \
                T t_;                                         \
                LOAD(t_, v_);                                 \
                (sum) += t_;                                  \
                (to)[(nr)] = v_;                              \
                (frac)[(nr)] = t_;                            \
                (nr) += ROUTE(t_);                            \
            }                                                 \
        }                                                     \
    } while (0)

/* The figures of a cell-year from its parameters q (ext_year, out,
 * aged_to) and its year's sums a[] (ACC_*, element f at a[f * as]), S
 * steps a year: the stock on 1 January, instroom, unique clients,
 * client-years, and the exits that leave care (completions out of care,
 * ageing exits to no age band).  One definition for flow.c's
 * write_cell_year (T = double) and the draws' lanes_end_year_draws
 * (T = jz_lane), the same operations in the same order. */
#define JZ_CELL_FIGURES(q, a, as, S, start, instroom, unique, client_years, uit_out, aged_out) \
    do {                                                                                   \
        (start) = (a)[ACC_START * (as)];                                                   \
        (client_years) = (a)[ACC_CM * (as)] / (S); /* client-steps -> years */             \
        (instroom) = (q)->ext_year + (a)[ACC_IN_TR * (as)] + (a)[ACC_IN_RE * (as)];        \
        (unique) = (start) + (instroom);                                                   \
        (uit_out) = (q)->out * (a)[ACC_COMPL * (as)];                                      \
        (aged_out) = (1.0 - (q)->aged_to) * (a)[ACC_AGEING * (as)];                        \
    } while (0)

#endif
