/*
 * nearest.c - which gemeente a person meant by a name or code that named
 * none exactly (jz_scenario_gemeente_nearest, jzsim/scenario.h).
 *
 * One rule for every place a gemeente is named, so that a controller can
 * predict it: `jzsim run --gemeente hengelo` and `weights: {hengelo: 50%}`
 * in a scenario suggest the same gemeente, or both none.  Upper and lower
 * case count as the same letter (ASCII only: codes and the letters of Dutch
 * place names that people mistype); the distance is Levenshtein's, so a
 * swap of two neighbours counts two.  Two letters of slip in a short name
 * would make a different word ("Ede" and "Epe" are two gemeenten), so
 * texts of under five letters get one.  Two gemeenten equally near get no
 * suggestion: GM0146 is one digit from Almelo's GM0141 and from Borne's
 * GM0147, and a guess could put a figure on the wrong gemeente.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "common/util.h"
#include "jzsim/scenario.h"

/* Longer texts than this are no slip of a gemeente's name (the longest,
 * Súdwest-Fryslân, is 17 bytes); jz_edit_distance says so too. */
#define NEAREST_TEXT 64

/* a, lowercased into buf (NEAREST_TEXT bytes; ASCII letters only) */
static const char *lower(const char *a, char *buf)
{
    size_t i = 0;
    for (; a[i] && i + 1 < NEAREST_TEXT; i++)
        buf[i] = a[i] >= 'A' && a[i] <= 'Z' ? (char)(a[i] - 'A' + 'a') : a[i];
    buf[i] = '\0';
    return buf;
}

int jz_gemeente_nearest(const char *asked, int n, jz_gemeente_names *unit, const void *ctx, int *by_code)
{
    char a[NEAREST_TEXT], b[NEAREST_TEXT];
    size_t best = (size_t)-1, len = strlen(asked);
    int at = -1, code_nearer = 0, tied = 0;
    lower(asked, a);
    for (int i = 0; i < n; i++) {
        const char *name, *code;
        unit(ctx, i, &name, &code);
        size_t dn = jz_edit_distance(a, lower(name, b));
        size_t dc = jz_edit_distance(a, lower(code, b));
        size_t d = dc < dn ? dc : dn;
        if (d < best)
            best = d, at = i, code_nearer = dc < dn, tied = 0;
        else if (d == best)
            tied = 1;
    }
    if (by_code)
        *by_code = 0;
    if (at < 0 || tied || len >= NEAREST_TEXT || best > (len >= 5 ? 2u : 1u))
        return -1;
    if (by_code)
        *by_code = code_nearer;
    return at;
}

void jz_scenario_gemeente_names(const void *ctx, int i, const char **name, const char **code)
{
    const jz_scenario *s = ctx;
    *name = s->gemeenten[i].name;
    *code = s->gemeenten[i].code;
}

int jz_scenario_gemeente_nearest(const jz_scenario *s, const char *asked, int *by_code)
{
    return jz_gemeente_nearest(asked, s->n_gemeenten, jz_scenario_gemeente_names, s, by_code);
}

const char *jz_scenario_gemeente_hint(const jz_scenario *s, const char *asked, char *buf, size_t size)
{
    int by_code, at = jz_scenario_gemeente_nearest(s, asked, &by_code);
    if (at < 0)
        buf[0] = '\0';
    else
        snprintf(buf, size, "; did you mean '%s'?", by_code ? s->gemeenten[at].code : s->gemeenten[at].name);
    return buf;
}
