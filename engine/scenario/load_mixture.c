/*
 * load_mixture.c - a zorgsoort's two-branch duration mixture:
 *
 *   mixture: {share: 62%, stages: [2, 1], zorgduur: [10, 18]}
 *
 * a share of the starts follows Erlang(stages[0]) with mean zorgduur[0]
 * months, the rest Erlang(stages[1]) with mean zorgduur[1] (docs/model.md,
 * section 2b; docs/scenario-format.md).  Every value error points at the
 * value; the plausible ranges of the branch means are checked with the
 * other plausibility ranges (plausible.c).
 */
#include <stdio.h>

#include "scenario/loader.h"
#include "scenario/plausible.h"
#include "scenario/schema.h"
#include "scenario/value.h"

/* A list of exactly two values of unit u, or an error at n naming what it
 * must hold; three items that are two with a decimal comma ([10,5, 18])
 * are named as that. */
static int pair(const jz_node *n, jz_unit u, const char *what, const char *example, jz_error *err)
{
    if (n->type == JZ_NODE_SEQ && n->n == 3)
        for (size_t i = 0; i + 1 < n->n; i++) {
            int rc = jz_value_split_comma(n->values[i], n->values[i + 1], u, 1, what, err);
            if (rc)
                return rc;
        }
    if (n->type != JZ_NODE_SEQ || n->n != 2)
        return jz_node_error(err, n, "%s must be a list of two values, one per branch, e.g. %s", what,
                             example);
    return JZ_OK;
}

int ld_mixture(loader *L, const jz_node *n, const char *owner, const char *key, jz_mixture *mix)
{
    jz_error *err = L->err;
    char what[160];
    snprintf(what, sizeof what, "%s.mixture", owner);
    if (n->type != JZ_NODE_MAP)
        return jz_node_error(err, n, "%s must be a map, e.g. mixture: {share: 62%%, stages: [2, 1], "
                                     "zorgduur: [10, 18]}", what);
    int rc = jz_schema_check(n, jz_keys_mixture, what, err);
    if (rc)
        return rc;

    const jz_node *v = jz_node_get(n, "share");
    double p;
    if ((rc = jz_value_number(v, JZ_U_FRACTION, "mixture.share", &p, err)))
        return rc;
    /* 0 or 1 leaves one branch empty: that is `stages`, not a mixture */
    if (!(p > 0.0 && p < 1.0))
        return jz_node_error(err, v, "mixture.share must be above 0%% and below 100%%, got %g%%; a share of "
                                     "0 or 100%% is one Erlang chain: write stages: instead", 100.0 * p);

    const jz_node *st = jz_node_get(n, "stages");
    if ((rc = pair(st, JZ_U_COUNT, "mixture.stages", "stages: [2, 1]", err)))
        return rc;
    const jz_node *du = jz_node_get(n, "zorgduur");
    char wz[192];
    snprintf(wz, sizeof wz, "%s.zorgduur", what);
    if ((rc = pair(du, JZ_U_MONTHS, wz, "zorgduur: [10, 18] (months)", err)))
        return rc;
    jz_mixture m = {p, {1, 1}, {0.0, 0.0}};
    for (int b = 0; b < 2; b++) {
        long k;
        if ((rc = jz_value_int(st->values[b], 1, JZ_STAGES_MAX, "mixture.stages", &k, err)) ||
            (rc = jz_value_number(du->values[b], JZ_U_MONTHS, "mixture.zorgduur", &m.zorgduur[b], err)))
            return rc;
        m.stages[b] = (int)k;
        /* a branch mean outside the range of a zorgduur is as likely a typo */
        char path[JZ_KEY_MAX + 40];
        snprintf(path, sizeof path, "zorgsoorten[%s].mixture.zorgduur", key);
        if ((rc = jz_plaus_range(L->s, du->values[b], JZ_U_MONTHS, path, &m.zorgduur[b], 1)))
            return rc;
    }
    *mix = m;
    return JZ_OK;
}
