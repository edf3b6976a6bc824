/*
 * inputs.c - what a reader is told about each traceable input: its label
 * and its source.
 *
 * A scenario may list its sources once, as a reader cites them:
 *
 *     bronnen:
 *       - {id: enschede2023, title: Eindrapportage strategie duurzame jeugdzorg,
 *          publisher: Gemeente Enschede, year: 2023, table: Tabel 3.3a}
 *
 * and any map (or series map) refers to one with `bron: enschede2023`.  An
 * input may carry its own `label:`; otherwise its label is made from the
 * zorgsoort's name and the key, in Dutch and English:
 * "Instroom ambulante jeugdhulp (per 1.000 jeugdigen)".  A written label is
 * stored on the jz_input record; a generated one is made when a report asks
 * (jz_input_label), so loading does not format ~15,000 labels nobody reads.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzsim/measures.h"
#include "scenario/build.h"
#include "scenario/schema.h"
#include "scenario/value.h"

static char *dup(const char *t)
{
    size_t n = strlen(t) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, t, n);
    return d;
}

static int oom(jz_error *err) { return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory"); }

/* ---- bronnen --------------------------------------------------------------- */

static int text(const jz_node *item, const char *key, char **out, jz_error *err)
{
    const jz_node *n = jz_node_get(item, key);
    if (n && n->type != JZ_NODE_SCALAR)
        return jz_node_error(err, n, "bronnen %s: expected a text, got %s", key, jz_node_type_name(n));
    if (!(*out = dup(n ? n->scalar : "")))
        return oom(err);
    return JZ_OK;
}

int jz_load_bronnen(jz_scenario *s, const jz_node *list, jz_error *err)
{
    if (!list)
        return JZ_OK;
    if (list->type != JZ_NODE_SEQ)
        return jz_node_error(err, list, "bronnen: expected a list of sources, e.g. - {id: enschede2023, title: ..., "
                             "publisher: ..., year: 2023, page: 12}, got %s", jz_node_type_name(list));
    if (list->n == 0)
        return JZ_OK;
    s->bronnen = calloc(list->n, sizeof *s->bronnen);
    if (!s->bronnen)
        return oom(err);
    for (size_t i = 0; i < list->n; i++) {
        const jz_node *it = list->values[i];
        int rc = jz_schema_check(it, jz_keys_bron, "bronnen item", err);
        if (rc)
            return rc;
        const jz_node *id = jz_node_get(it, "id");
        if (id->type != JZ_NODE_SCALAR || !id->scalar[0])
            return jz_node_error(err, id, "bronnen id: expected a short name, e.g. id: enschede2023");
        for (int o = 0; o < s->n_bronnen; o++)
            if (strcmp(s->bronnen[o].id, id->scalar) == 0)
                return jz_node_error(err, id, "bron '%s' is listed twice", id->scalar);
        jz_bron *b = &s->bronnen[s->n_bronnen++]; /* counted first so that free() sees it */
        if ((rc = text(it, "id", &b->id, err)) || (rc = text(it, "title", &b->title, err)) ||
            (rc = text(it, "publisher", &b->publisher, err)) || (rc = text(it, "page", &b->page, err)) ||
            (rc = text(it, "table", &b->table, err)) || (rc = text(it, "section", &b->section, err)))
            return rc;
        const jz_node *y = jz_node_get(it, "year");
        long year;
        if (y && (rc = jz_value_int(y, 1800, 2200, "bronnen year", &year, err)))
            return rc;
        b->year = y ? (int)year : 0;
    }
    return JZ_OK;
}

int jz_bron_ref(const jz_scenario *s, const jz_node *map, const jz_node *outer, int *idx, jz_error *err)
{
    const jz_node *r = map && map->type == JZ_NODE_MAP ? jz_node_get(map, "bron") : NULL;
    if (!r && outer && outer->type == JZ_NODE_MAP)
        r = jz_node_get(outer, "bron");
    *idx = -1;
    if (!r)
        return JZ_OK;
    if (r->type != JZ_NODE_SCALAR)
        return jz_node_error(err, r, "bron: expected the id of an entry of the bronnen: list, got %s",
                             jz_node_type_name(r));
    for (int i = 0; i < s->n_bronnen; i++)
        if (strcmp(s->bronnen[i].id, r->scalar) == 0) {
            *idx = i;
            return JZ_OK;
        }
    if (s->n_bronnen == 0)
        return jz_node_error(err, r, "bron '%s': the scenario has no bronnen: list to refer to", r->scalar);
    jz_key keys[65];
    int n = 0;
    for (int i = 0; i < s->n_bronnen && n < 64; i++)
        keys[n++] = (jz_key){s->bronnen[i].id, 0, ""};
    keys[n] = (jz_key){NULL, 0, NULL};
    const char *near = jz_schema_suggest(r->scalar, keys);
    if (near)
        return jz_node_error(err, r, "bron '%s' is not in the bronnen: list; did you mean '%s'?", r->scalar, near);
    return jz_node_error(err, r, "bron '%s' is not in the bronnen: list", r->scalar);
}

/* ---- labels ------------------------------------------------------------------ */

/* The words for a key, by the part of the path after the zorgsoort. */
typedef struct key_words {
    const char *tail;      /* "instroom.per_1000"; a trailing '*' matches any rest */
    const char *nl, *en;   /* the words, before the zorgsoort name */
    const char *unit_nl, *unit_en;
} key_words;

static const key_words cell_words[] = {
    {"start", "Cliënten in zorg op 1 januari,", "Clients in care on 1 January,", "", ""},
    {"instroom", "Instroom", "Inflow", "per jaar", "per year"},
    {"instroom.absolute", "Instroom", "Inflow", "per jaar", "per year"},
    {"instroom.per_1000", "Instroom", "Inflow", "per 1.000 jeugdigen", "per 1,000 youth"},
    {"instroom.trend", "Autonome trend van de instroom,", "Autonomous trend of the inflow,", "per jaar", "per year"},
    {"zorgduur", "Zorgduur", "Duration of care,", "maanden", "months"},
    {"cost", "Kosten per cliëntjaar", "Cost per client-year,", "euro, prijzen basisjaar", "euros, base-year prices"},
    {"cost.tariff", "Tarief", "Tariff,", "euro per eenheid, prijzen basisjaar", "euros per unit, base-year prices"},
    {"cost.units_per_year", "Eenheden per cliëntjaar", "Units per client-year,", "", ""},
    {"intensity_trend", "Intensiteitstrend", "Intensity trend,", "per jaar", "per year"},
    {"tariff_indexation", "Tariefindexatie", "Tariff indexation,", "per jaar", "per year"},
    {"tariff_correction", "Eenmalige tariefcorrectie", "One-off tariff correction,", "", ""},
    {"budget.volume", "Begroot volume", "Budgeted volume,", "cliëntjaren", "client-years"},
    {"budget.price", "Begrote prijs", "Budgeted price,", "euro per cliëntjaar, prijzen basisjaar", "euros per client-year, base-year prices"},
    {"budget.amount", "Begroot bedrag", "Budgeted amount,", "euro per jaar, prijzen basisjaar", "euros per year, base-year prices"},
    {"budget.nominal", "Begroting", "Begroting (budget),", "euro per jaar, nominaal", "euros per year, nominal"},
    {"financing.amount", "Financiering", "Financing,", "euro, prijzen basisjaar", "euros, base-year prices"},
    {"transitions.*", "Overgang naar", "Transition to", "", ""},
    {"reentry.fraction", "Terugkeer na einde zorg,", "Re-entry after care ends,", "", ""},
    {"reentry.delay_months", "Wachttijd tot terugkeer na einde zorg,", "Delay before re-entry after care ends,",
     "maanden", "months"},
    {"reentry.to", "Zorgsoort bij terugkeer na einde zorg,", "Zorgsoort re-entered after care ends,", "", ""},
    {"ageing.rate", "Aandeel dat 18 wordt,", "Share turning 18,", "per jaar", "per year"},
    {"ageing.to", "Zorgsoort bij doorstroom op 18 jaar,", "Zorgsoort moved on to at 18,", "", ""},
    {"ageing.fraction", "Doorstroom bij 18 jaar,", "Moving on at 18,", "", ""},
};

static const key_words global_words[] = {
    {"indexation.tariff", "Tariefindexatie", "Tariff indexation", "per jaar", "per year"},
    {"indexation.budget", "Indexatie van de begroting", "Budget indexation", "per jaar", "per year"},
    {"indexation.tariff_correction", "Eenmalige tariefcorrectie", "One-off tariff correction", "", ""},
    {"population.youth", "Jeugdigen 0-17 jaar", "Youth aged 0-17", "personen", "persons"},
    {"population.young_adults", "Jongvolwassenen 18-22 jaar", "Young adults aged 18-22", "personen", "persons"},
    {"population.inhabitants", "Inwoners", "Inhabitants", "personen op 1 januari", "persons on 1 January"},
    {"rijksbijdrage", "Rijksbijdrage jeugd", "National contribution for youth care", "euro per jaar, nominaal", "euros per year, nominal"},
};

static int tail_match(const char *pattern, const char *tail, const char **rest)
{
    size_t n = strlen(pattern);
    if (n && pattern[n - 1] == '*') {
        *rest = tail + n - 1;
        return strncmp(pattern, tail, n - 1) == 0;
    }
    *rest = "";
    return strcmp(pattern, tail) == 0;
}

/* "Ambulante jeugdhulp" inside a sentence: "ambulante jeugdhulp" (the first
 * letter lowered unless the second is upper case too, as in "GGZ"). */
static void lower_first(char *dst, size_t size, const char *name)
{
    snprintf(dst, size, "%s", name);
    if (dst[0] && !isupper((unsigned char)dst[1]))
        dst[0] = (char)tolower((unsigned char)dst[0]);
}

static void unit_paren(char *buf, size_t size, const char *unit)
{
    if (unit[0])
        snprintf(buf, size, " (%s)", unit);
    else
        buf[0] = '\0';
}

/* The words, subject and unit as "Instroom ambulante jeugdhulp (per 1.000 jeugdigen)". */
static void compose(char *nl, char *en, size_t size, const key_words *w, const char *subject_nl,
                    const char *subject_en, const char *rest)
{
    char un[64], ue[64];
    unit_paren(un, sizeof un, w->unit_nl);
    unit_paren(ue, sizeof ue, w->unit_en);
    const char *sp_nl = subject_nl[0] ? " " : "", *sp_en = subject_en[0] ? " " : "";
    if (rest[0]) { /* transitions.<to>: "Overgang ambulante jeugdhulp naar residentieel" */
        snprintf(nl, size, "%s%s%s %s%s", w->nl, sp_nl, subject_nl, rest, un);
        snprintf(en, size, "%s %s, from %s%s", w->en, rest, subject_en, ue);
        return;
    }
    snprintf(nl, size, "%s%s%s%s", w->nl, sp_nl, subject_nl, un);
    snprintf(en, size, "%s%s%s%s", w->en, sp_en, subject_en, ue);
}

void jz_input_make_label(const jz_scenario *s, const char *path, char *nl, char *en, size_t size)
{
    char zkey[JZ_KEY_MAX] = "", code[JZ_CODE_MAX] = "", item[JZ_NAME_MAX] = "";
    const char *tail = NULL;
    int n = 0;
    snprintf(nl, size, "%s", path);
    snprintf(en, size, "%s", path);
    if (sscanf(path, "zorgsoorten[%63[^]]].%n", zkey, &n) == 1 && n > 0) {
        tail = path + n;
    } else if (sscanf(path, "gemeenten[%15[^]]].zorg.%n", code, &n) == 1 && n > 0) {
        const char *p = path + n, *dot = strchr(p, '.');
        size_t len = dot ? (size_t)(dot - p) : strlen(p);
        if (!dot || len >= sizeof zkey)
            return;
        memcpy(zkey, p, len);
        zkey[len] = '\0';
        tail = dot + 1;
    }
    if (tail) {
        int z = jz_scenario_zorgsoort_index(s, zkey);
        char name[JZ_NAME_MAX + 64];
        lower_first(name, sizeof name, z >= 0 ? s->zorgsoorten[z].name : zkey);
        if (code[0]) { /* a gemeente's own value: "ambulante jeugdhulp, Enschede" */
            int g = jz_scenario_gemeente_index(s, code);
            size_t l = strlen(name);
            snprintf(name + l, sizeof name - l, ", %s", g >= 0 ? s->gemeenten[g].name : code);
        }
        for (size_t i = 0; i < sizeof cell_words / sizeof cell_words[0]; i++) {
            const char *rest;
            if (tail_match(cell_words[i].tail, tail, &rest)) {
                char to[JZ_NAME_MAX] = "";
                if (rest[0]) {
                    int w = jz_scenario_zorgsoort_index(s, rest);
                    lower_first(to, sizeof to, w >= 0 ? s->zorgsoorten[w].name : rest);
                }
                /* "Overgang ambulante jeugdhulp naar residentieel": the words take the subject first */
                if (rest[0]) {
                    char un[64];
                    unit_paren(un, sizeof un, cell_words[i].unit_nl);
                    snprintf(nl, size, "Overgang %s naar %s%s", name, to, un);
                    snprintf(en, size, "Transition from %s to %s", name, to);
                } else {
                    compose(nl, en, size, &cell_words[i], name, name, "");
                }
                return;
            }
        }
        return;
    }
    if (sscanf(path, "gemeenten[%15[^]]].%n", code, &n) == 1 && n > 0) {
        int g = jz_scenario_gemeente_index(s, code);
        const char *gname = g >= 0 ? s->gemeenten[g].name : code;
        const char *rest = path + n;
        int m = 0;
        if (sscanf(rest, "fixed_costs[%159[^]]].%n", item, &m) == 1 && m > 0) {
            const char *f = rest + m;
            const char *wn = strcmp(f, "amount") == 0       ? "bedrag (euro per jaar, prijzen basisjaar)"
                             : strcmp(f, "indexation") == 0 ? "indexatie"
                                                            : "begroting (euro per jaar, nominaal)";
            const char *we = strcmp(f, "amount") == 0       ? "amount (euros per year, base-year prices)"
                             : strcmp(f, "indexation") == 0 ? "indexation"
                                                            : "budget (euros per year, nominal)";
            snprintf(nl, size, "Vaste lasten %s, %s: %s", gname, item, wn);
            snprintf(en, size, "Fixed costs %s, %s: %s", gname, item, we);
            return;
        }
        if (sscanf(rest, "external_shifts[%159[^]]].%n", item, &m) == 1 && m > 0) {
            const char *f = rest + m;
            const char *wn = strcmp(f, "client_years") == 0 ? "cliëntjaren"
                             : strcmp(f, "cost") == 0       ? "kosten per cliëntjaar (euro, prijzen basisjaar)"
                                                            : "compensatie (euro per jaar, nominaal)";
            const char *we = strcmp(f, "client_years") == 0 ? "client-years"
                             : strcmp(f, "cost") == 0       ? "cost per client-year (euros, base-year prices)"
                                                            : "compensation (euros per year, nominal)";
            snprintf(nl, size, "Externe verschuiving %s, %s: %s", gname, item, wn);
            snprintf(en, size, "External shift %s, %s: %s", gname, item, we);
            return;
        }
        /* a begroting per taakveld or in total (load_gemeente.c) */
        if (sscanf(rest, "begroting.taakveld[%159[^]]]", item) == 1) {
            snprintf(nl, size, "Begroting %s, taakveld %s (euro per jaar, nominaal)", gname, item);
            snprintf(en, size, "Begroting (budget) %s, taakveld %s (euros per year, nominal)", gname, item);
            return;
        }
        if (strcmp(rest, "begroting.totaal") == 0) {
            snprintf(nl, size, "Begroting %s, totaal (euro per jaar, nominaal)", gname);
            snprintf(en, size, "Begroting (budget) %s, total (euros per year, nominal)", gname);
            return;
        }
        for (size_t i = 0; i < sizeof global_words / sizeof global_words[0]; i++)
            if (strcmp(global_words[i].tail, rest) == 0) {
                compose(nl, en, size, &global_words[i], gname, gname, "");
                return;
            }
        return;
    }
    if (sscanf(path, "measures[%63[^]]].%n", zkey, &n) == 1 && n > 0) {
        const char *mname = zkey;
        for (int i = 0; i < s->n_measures; i++)
            if (strcmp(s->measures[i].key, zkey) == 0)
                mname = s->measures[i].name;
        snprintf(nl, size, "Maatregel %s: %s", mname, path + n);
        snprintf(en, size, "Measure %s: %s", mname, path + n);
        return;
    }
    for (size_t i = 0; i < sizeof global_words / sizeof global_words[0]; i++)
        if (strcmp(global_words[i].tail, path) == 0) {
            compose(nl, en, size, &global_words[i], "", "", "");
            return;
        }
}

int jz_input_describe(jz_scenario *s, int i, const char *label, int bron)
{
    jz_input *in = &s->inputs[i];
    free(in->label);
    in->label = NULL;
    in->bron = bron;
    if (label) {
        /* at most 511 bytes, as the label was when it was formatted */
        char given[512];
        snprintf(given, sizeof given, "%s", label);
        if (!(in->label = dup(given)))
            return JZ_ENOMEM;
    }
    return JZ_OK;
}

const jz_input *jz_input_find(const jz_scenario *s, const char *path)
{
    for (int i = 0; i < s->n_inputs; i++)
        if (s->inputs[i].path && strcmp(s->inputs[i].path, path) == 0)
            return &s->inputs[i];
    return NULL;
}

const char *jz_input_label(const jz_scenario *s, const jz_input *in, int english, char *buf, size_t size)
{
    if (in->label)
        return in->label;
    char nl[512], en[512];
    jz_input_make_label(s, in->path, nl, en, sizeof nl);
    snprintf(buf, size, "%s", english ? en : nl);
    return buf;
}

/* ---- values ------------------------------------------------------------------ */

/* The value of an input that names zorgsoorten or gemeenten, as written: a
 * key ("verlengde_jeugdzorg") or a list ("[ambulant, daghulp]", as
 * jz_value_render writes one).  A reader gets the names the rest of the
 * report uses, joined with ", "; a name that does not fit in buf is left
 * out whole, with the rest, for "..." (never half a UTF-8 character). */
const char *jz_input_value_text(const jz_scenario *s, const jz_input *in, char *buf, size_t size)
{
    const char *v = in->value ? in->value : "";
    int zorgsoort = in->unit && (!strcmp(in->unit, "zorgsoort") || !strcmp(in->unit, "zorgsoorten"));
    int gemeente = in->unit && !strcmp(in->unit, "gemeenten");
    if ((!zorgsoort && !gemeente) || size < 8)
        return v;
    const char *p = v, *end = v + strlen(v);
    if (*p == '[' && end > p && end[-1] == ']')
        p++, end--;
    size_t at = 0;
    buf[0] = '\0';
    while (p < end) {
        const char *q = memchr(p, ',', (size_t)(end - p));
        if (!q)
            q = end;
        const char *a = p, *b = q;
        while (a < b && (*a == ' ' || *a == '"' || *a == '\''))
            a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '"' || b[-1] == '\''))
            b--;
        char item[JZ_NAME_MAX];
        snprintf(item, sizeof item, "%.*s", (int)(b - a), a);
        int i = zorgsoort ? jz_scenario_zorgsoort_index(s, item) : jz_scenario_gemeente_index(s, item);
        const char *name = i < 0 ? item : zorgsoort ? s->zorgsoorten[i].name : s->gemeenten[i].name;
        size_t need = (at ? 2 : 0) + strlen(name);
        if (at + need + 6 > size) { /* room for ", ..." and the NUL */
            snprintf(buf + at, size - at, "%s", at ? ", ..." : "...");
            return buf;
        }
        at += (size_t)snprintf(buf + at, size - at, "%s%s", at ? ", " : "", name);
        p = q < end ? q + 1 : q;
    }
    return buf;
}

/* ---- memory ---------------------------------------------------------------- */

void jz_scenario_clear_inputs(jz_scenario *s)
{
    for (int i = 0; i < s->n_inputs; i++)
        free(s->inputs[i].label);
    jz_scenario_free_input_memory(s); /* the array and its texts */
    s->n_inputs = 0;
}

void jz_scenario_free_sources(jz_scenario *s)
{
    for (int i = 0; i < s->n_bronnen; i++) {
        jz_bron *b = &s->bronnen[i];
        free(b->id);
        free(b->title);
        free(b->publisher);
        free(b->page);
        free(b->table);
        free(b->section);
    }
    free(s->bronnen);
    s->bronnen = NULL;
    s->n_bronnen = 0;
}

int jz_scenario_copy_sources(jz_scenario *d, const jz_scenario *src)
{
    if (src->n_bronnen > 0) {
        d->bronnen = calloc((size_t)src->n_bronnen, sizeof *d->bronnen);
        if (!d->bronnen)
            return JZ_ENOMEM;
        for (int i = 0; i < src->n_bronnen; i++) {
            const jz_bron *o = &src->bronnen[i];
            jz_bron *b = &d->bronnen[d->n_bronnen++];
            b->year = o->year;
            if (!(b->id = dup(o->id)) || !(b->title = dup(o->title)) || !(b->publisher = dup(o->publisher)) ||
                !(b->page = dup(o->page)) || !(b->table = dup(o->table)) || !(b->section = dup(o->section)))
                return JZ_ENOMEM;
        }
    }
    for (int i = 0; i < src->n_inputs && i < d->n_inputs; i++) {
        const jz_input *o = &src->inputs[i];
        jz_input *in = &d->inputs[i];
        in->bron = o->bron;
        if (o->label && !(in->label = dup(o->label)))
            return JZ_ENOMEM;
    }
    return JZ_OK;
}
