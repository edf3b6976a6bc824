/*
 * xlsx_inputs.c - the Aannames sheet of the workbook (xlsx.c): every
 * assumption as a controller reads it: the human label, what it holds for
 * (all scenarios, or the ones with each differing value), a Dutch unit, the
 * value as a number (a series one column per year), a remark and the cited
 * source.  No file paths, line numbers or raw YAML paths.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/reporters.h"
#include "jzsim/jzsim.h"

#ifdef JZ_HAVE_XLSXWRITER

#include "report/xlsx_book.h"

/* ---- the assumptions sheet ----
 * One row per input as a controller reads it: its human label, the value as
 * a number (a series: one column per year; a percentage as a percentage),
 * the unit in the reader's language and the cited source.  An input with
 * the same value in every scenario is listed once ("alle scenario's"); where
 * scenarios differ, one row per distinct value follows, naming the
 * scenarios it holds for.  The value is the text the scenario wrote, read
 * as the scenario format reads numbers (12k, 3.1M, 6.5%); a value that is
 * not a number or a year map (a distribution, a population with growth) is
 * shown as its central value with the rest as a remark. */

/* How a unit's values are shown: as a number (#,##0.###), as a percentage
 * (0.0##%), or bare, without a thousands separator: years (a measure's
 * startjaar 2026, its ingroeitijd 2.5), where "2.026" reads as a typo. */
typedef enum { SHOWN_NUMBER, SHOWN_PERCENT, SHOWN_BARE } unit_shown;

typedef struct unit_words {
    const char *key, *nl, *en;
    unit_shown shown;
} unit_words;

static const unit_words units[] = {
    {"clients", "cliënten", "clients", SHOWN_NUMBER},
    {"euros", "euro", "euros", SHOWN_NUMBER},
    {"months", "maanden", "months", SHOWN_NUMBER},
    {"fraction", "aandeel (%)", "share (%)", SHOWN_PERCENT},
    {"fraction/yr", "% per jaar", "% per year", SHOWN_PERCENT},
    {"per 1,000 youth/yr", "per 1.000 jeugdigen per jaar", "per 1,000 youth per year", SHOWN_NUMBER},
    {"number", "getal", "number", SHOWN_NUMBER},
    {"years", "jaren", "years", SHOWN_BARE},
};

/* Units that the input's key says more precisely than its unit kind. */
static const struct {
    const char *tail, *nl, *en;
} unit_by_key[] = {
    {".budget.volume", "cliëntjaren", "client-years"},
    {".budget.price", "euro per cliëntjaar", "euros per client-year"},
    {".cost", "euro per cliëntjaar", "euros per client-year"},
    {".budget.amount", "euro per jaar", "euros per year"},
    {".rijksbijdrage", "euro per jaar", "euros per year"},
    {".amount", "euro per jaar", "euros per year"},
    {".population.youth", "personen", "persons"},
    {".population.young_adults", "personen", "persons"},
    {".population.inhabitants", "personen op 1 januari", "persons on 1 January"},
};

static const char *unit_text(const jz_input *in, const book *b)
{
    size_t n = in->path ? strlen(in->path) : 0;
    for (size_t i = 0; i < sizeof unit_by_key / sizeof unit_by_key[0]; i++) {
        size_t k = strlen(unit_by_key[i].tail);
        if (n >= k && strcmp(in->path + n - k, unit_by_key[i].tail) == 0)
            return L(b, unit_by_key[i].nl, unit_by_key[i].en);
    }
    for (size_t i = 0; in->unit && i < sizeof units / sizeof units[0]; i++)
        if (strcmp(units[i].key, in->unit) == 0)
            return L(b, units[i].nl, units[i].en);
    return in->unit ? in->unit : "";
}

static const unit_words *unit_of(const char *u)
{
    for (size_t i = 0; u && i < sizeof units / sizeof units[0]; i++)
        if (strcmp(units[i].key, u) == 0)
            return &units[i];
    return NULL;
}

/* The cell format of a value in unit uw (NULL: a unit not in the table, a
 * number); NULL for a bare one: Excel's General. */
static lxw_format *unit_format(const book *b, const unit_words *uw)
{
    switch (uw ? uw->shown : SHOWN_NUMBER) {
    case SHOWN_PERCENT: return b->pct_in;
    case SHOWN_BARE: return NULL;
    case SHOWN_NUMBER: break;
    }
    return b->plain;
}

/* A number as the scenario format writes it: 1578, 18.4k, 11.427M, 6.5%,
 * € 12k; 1 and *v on success. */
static int read_number(const char *p, const char *end, double *v)
{
    while (p < end && (*p == ' ' || *p == '"' || *p == '\''))
        p++;
    if (end - p >= 3 && memcmp(p, "€", 3) == 0)
        p += 3;
    while (p < end && *p == ' ')
        p++;
    while (end > p && (end[-1] == ' ' || end[-1] == '"' || end[-1] == '\''))
        end--;
    char buf[64];
    if (p >= end || (size_t)(end - p) >= sizeof buf)
        return 0;
    memcpy(buf, p, (size_t)(end - p));
    buf[end - p] = '\0';
    char *e;
    double x = strtod(buf, &e);
    if (e == buf)
        return 0;
    double scale = 1.0;
    if (*e == 'k' || *e == 'K')
        scale = 1e3, e++;
    else if (*e == 'M')
        scale = 1e6, e++;
    else if (*e == '%')
        scale = 0.01, e++;
    while (*e == ' ')
        e++;
    if (*e)
        return 0;
    *v = x * scale;
    return 1;
}

/* The written value, parsed: a number, a year map, or a map with a central
 * value (mode, base, value); what is left is a remark in words. */
typedef struct parsed {
    int is_number, n_years;
    double number;
    int year[64];
    double value[64];
    char remark[256];
} parsed;

static void parse_value(const char *text, const char *note, parsed *out, const book *b)
{
    memset(out, 0, sizeof *out);
    if (!text)
        return;
    const char *p = text, *end = text + strlen(text);
    if (read_number(p, end, &out->number)) {
        out->is_number = 1;
        return;
    }
    if (*p != '{' || end[-1] != '}') {
        snprintf(out->remark, sizeof out->remark, "%s", text);
        return;
    }
    p++;
    end--;
    int rl = 0;
    /* a `source:` note is the Bron cell's (cite); the rendered map does not
     * quote it.  It is the input's own note (in->source, the map's own
     * first): skipped by its length, commas and colons in it included.
     * Otherwise the pieces after its commas are skipped up to the next key
     * the series and distribution formats know (unc_parse.c's tables). */
    static const char *const known[] = {"interpolation", "bron", "label", "plausible", "dist", "low", "high",
                                        "mode", "mean", "sd", "base", "growth", "value", "median", "sd_log",
                                        "shape"};
    const size_t note_len = note ? strlen(note) : 0;
    int in_note = 0;
    while (p < end) {
        const char *q = p;
        int depth = 0;
        while (q < end && (depth || *q != ',')) {
            depth += *q == '{' || *q == '[';
            depth -= *q == '}' || *q == ']';
            q++;
        }
        const char *colon = memchr(p, ':', (size_t)(q - p));
        if (colon) {
            const char *k = p;
            while (k < colon && *k == ' ')
                k++;
            char key[32];
            snprintf(key, sizeof key, "%.*s", (int)(colon - k < 31 ? colon - k : 31), k);
            double x;
            char *e;
            long year = strtol(key, &e, 10);
            if (in_note) {
                int next = *e == '\0' && e != key;
                for (size_t i = 0; !next && i < sizeof known / sizeof known[0]; i++)
                    next = strcmp(key, known[i]) == 0;
                in_note = !next;
            }
            if (!in_note && strcmp(key, "source") == 0 && note_len) {
                const char *t = colon + 1;
                while (t < end && *t == ' ')
                    t++;
                if ((size_t)(end - t) >= note_len && memcmp(t, note, note_len) == 0 &&
                    (t + note_len == end || t[note_len] == ',')) {
                    p = t + note_len < end ? t + note_len + 1 : end;
                    while (p < end && *p == ' ')
                        p++;
                    continue;
                }
            }
            if (in_note || strcmp(key, "source") == 0) {
                in_note = 1;
                p = q < end ? q + 1 : q;
                while (p < end && *p == ' ')
                    p++;
                continue;
            }
            int ok = read_number(colon + 1, q, &x);
            if (*e == '\0' && year >= 1900 && year <= 2200 && ok && out->n_years < 64) {
                out->year[out->n_years] = (int)year;
                out->value[out->n_years++] = x;
            } else if (ok && !out->is_number &&
                       (!strcmp(key, "mode") || !strcmp(key, "base") || !strcmp(key, "value") ||
                        !strcmp(key, "mean"))) {
                out->is_number = 1;
                out->number = x;
            } else if (strcmp(key, "interpolation") == 0) {
                rl += snprintf(out->remark + rl, sizeof out->remark - (size_t)rl, "%s%s", rl ? "; " : "",
                               L(b, "lineair tussen de jaren", "linear between the years"));
            } else {
                static const struct { const char *k, *nl, *en; } words[] = {
                    {"dist", "verdeling", "distribution"}, {"low", "laag", "low"}, {"high", "hoog", "high"},
                    {"growth", "groei per jaar", "growth a year"}, {"sd", "standaardafwijking", "sd"},
                    {"median", "mediaan", "median"}, {"sd_log", "standaardafwijking van ln", "sd of ln"},
                    {"mean", "gemiddelde", "mean"}, {"mode", "meest waarschijnlijk", "mode"},
                    {"value", "puntwaarde", "point value"}, {"base", "basis", "base"},
                };
                const char *w = key;
                for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
                    if (strcmp(words[i].k, key) == 0)
                        w = L(b, words[i].nl, words[i].en);
                const char *v = colon + 1, *ve = q;
                while (v < ve && *v == ' ')
                    v++;
                static const struct { const char *k, *nl, *en; } dists[] = {
                    {"triangular", "driehoeksverdeling", "triangular"}, {"normal", "normaal", "normal"},
                    {"lognormal", "lognormaal", "lognormal"}, {"uniform", "uniform", "uniform"},
                    {"pert", "PERT", "PERT"},
                };
                for (size_t i = 0; i < sizeof dists / sizeof dists[0]; i++)
                    if ((size_t)(ve - v) == strlen(dists[i].k) && memcmp(v, dists[i].k, (size_t)(ve - v)) == 0) {
                        v = L(b, dists[i].nl, dists[i].en);
                        ve = v + strlen(v);
                        break;
                    }
                /* a figure in the reader's notation: "groei per jaar -0,3%",
                 * not the scenario's "-0.3000%" in a Dutch workbook */
                char fig[64];
                double fx;
                if (ve - v < (int)sizeof fig && read_number(v, ve, &fx)) {
                    int pct = memchr(v, '%', (size_t)(ve - v)) != NULL;
                    double shown = pct ? fx * 100.0 : fx;
                    jz_format_number(fig, sizeof fig - 1, shown, jz_format_decimals(shown, 4), b->lang);
                    if (pct)
                        strcat(fig, "%");
                    v = fig;
                    ve = fig + strlen(fig);
                }
                if (rl < (int)sizeof out->remark)
                    rl += snprintf(out->remark + rl, sizeof out->remark - (size_t)rl, "%s%s %.*s",
                                   rl ? "; " : "", w, (int)(ve - v), v);
            }
        }
        p = q < end ? q + 1 : q;
        while (p < end && *p == ' ')
            p++;
    }
    if (rl >= (int)sizeof out->remark)
        out->remark[sizeof out->remark - 1] = '\0';
}

/* The input's `source:` note as a reader reads it: the text as written,
 * with the scenario writers' marker ASSUMPTION in the reader's words
 * ("ASSUMPTION: illustratief" -> "eigen aanname: illustratief"). */
static void note_words(char *buf, size_t n, const char *note, const book *b)
{
    static const char marker[] = "ASSUMPTION";
    const char *own = L(b, "eigen aanname", "own assumption");
    size_t at = 0;
    buf[0] = '\0';
    for (const char *p = note; *p && at + 1 < n;) {
        if (strncmp(p, marker, sizeof marker - 1) == 0 && !isalpha((unsigned char)p[sizeof marker - 1])) {
            int w = snprintf(buf + at, n - at, "%s", own);
            at += w > 0 ? (size_t)w : 0;
            p += sizeof marker - 1;
        } else {
            buf[at++] = *p++;
            buf[at] = '\0';
        }
    }
    if (at >= n)
        buf[n - 1] = '\0';
}

/* The Bron cell: the input's `bron:` as a reader cites it (title,
 * publisher, year, page, table), then its free-text `source:` note, which
 * says what the registered source does not ("omvang: eigen aanname"), or
 * is the only source an input has (docs/scenario-format.md, "Source
 * notes").  A note the citation already holds word for word ("Tabel 3.3a")
 * is not repeated. */
static const char *cite(char *buf, size_t n, const jz_scenario *sc, const jz_input *in, const book *b)
{
    buf[0] = '\0';
    int len = 0;
    if (in->bron >= 0 && in->bron < sc->n_bronnen) {
        const jz_bron *r = &sc->bronnen[in->bron];
        len = snprintf(buf, n, "%s", r->title ? r->title : "");
        if (r->publisher && r->publisher[0] && len >= 0 && (size_t)len < n)
            len += snprintf(buf + len, n - (size_t)len, ", %s", r->publisher);
        if (r->year && len >= 0 && (size_t)len < n)
            len += snprintf(buf + len, n - (size_t)len, ", %d", r->year);
        if (r->page && r->page[0] && len >= 0 && (size_t)len < n)
            len += snprintf(buf + len, n - (size_t)len, ", p. %s", r->page);
        if (r->table && r->table[0] && len >= 0 && (size_t)len < n)
            len += snprintf(buf + len, n - (size_t)len, ", %s", r->table);
    }
    if (in->source && in->source[0] && len >= 0 && (size_t)len < n) {
        char note[1024];
        note_words(note, sizeof note, in->source, b);
        if (!strstr(buf, note))
            snprintf(buf + len, n - (size_t)len, "%s%s", len ? "; " : "", note);
    }
    return buf;
}

/* The words of a measure's keys: the loader labels a measure's input as
 * "Maatregel <name>: <key>"; a reader gets the key in words. */
static const struct {
    const char *key, *nl, *en;
} measure_keys[] = {
    {"saving", "besparing", "saving"},
    {"certain", "zeker deel", "certain part"},
    {"in_baseline", "al in de basis vanaf", "in the baseline from"},
    {"cause", "oorzaak", "cause"},
    {"gemeenten", "gemeenten", "gemeenten"},
    {"zorgsoorten", "zorgsoorten", "care types"},
    {"effect", "soort effect", "kind of effect"},
    {"start", "startjaar", "first year"},
    {"ramp_years", "ingroeitijd (jaren)", "ramp-up (years)"},
    {"ramp_shape", "vorm van de ingroei", "shape of the ramp-up"},
    {"share", "aandeel", "share"},
    {"investment", "investering per jaar", "investment per year"},
    {"evaluation_months", "evaluatie na (maanden)", "evaluation after (months)"},
    {"from", "van zorgsoort", "from care type"},
    {"to", "naar zorgsoort", "to care type"},
    {"change", "verandering", "change"},
    {"fade_half_life", "halfwaardetijd van het uitdoven (jaren)", "half-life of the fading (years)"},
    {"fade_after_years", "uitdoven na (jaren)", "fading after (years)"},
    {"service_cost", "kosten van het voorliggend aanbod", "cost of the diverted service"},
    {"realisation", "realisatie", "realisation"},
    {"national", "landelijk bedrag", "national amount"},
    {"national_youth", "jeugdigen 0-17 landelijk", "national youth 0-17"},
    {"fade_years", "uitdoven over (jaren)", "fading over (years)"},
    {"amount", "bedrag per jaar (prijzen basisjaar)", "amount per year (base-year prices)"},
    {"weights", "gewicht per gemeente", "weight per gemeente"},
    {"regional_investment.amount", "regionale investering per jaar", "regional investment per year"},
};

/* The keys below a measure's map whose last part is a gemeente or a key of
 * a verdeelsleutel (regional_investment.tabel.GM0153): the words of the map,
 * then that part as it is. */
static const struct {
    const char *prefix, *nl, *en;
} measure_key_prefixes[] = {
    {"regional_investment.sleutel.", "regionale investering, aandeel verdeelsleutel",
     "regional investment, share of key"},
    {"regional_investment.tabel.", "regionale investering, aandeel volgens tabel", "regional investment, table share"},
    {"regional_investment.gebruik.cijfers.", "regionale investering, gebruik", "regional investment, use"},
};

static const char *input_label(char *buf, size_t n, const jz_scenario *s, const jz_input *in, const book *b)
{
    char made[512];
    const char *l = jz_input_label(s, in, b->lang == JZ_LANG_EN, made, sizeof made);
    const char *colon = strrchr(l, ':');
    if (!in->label && colon && colon[1] == ' ' &&
        (strncmp(l, "Maatregel ", 10) == 0 || strncmp(l, "Measure ", 8) == 0)) {
        const char *key = colon + 2;
        for (size_t i = 0; i < sizeof measure_keys / sizeof measure_keys[0]; i++)
            if (strcmp(key, measure_keys[i].key) == 0) {
                snprintf(buf, n, "%.*s: %s", (int)(colon - l), l, L(b, measure_keys[i].nl, measure_keys[i].en));
                return buf;
            }
        for (size_t i = 0; i < sizeof measure_key_prefixes / sizeof measure_key_prefixes[0]; i++) {
            size_t k = strlen(measure_key_prefixes[i].prefix);
            if (strncmp(key, measure_key_prefixes[i].prefix, k) == 0) {
                snprintf(buf, n, "%.*s: %s %s", (int)(colon - l), l,
                         L(b, measure_key_prefixes[i].nl, measure_key_prefixes[i].en), key + k);
                return buf;
            }
        }
    }
    snprintf(buf, n, "%s", l);
    return buf;
}

/* A word value of an input in the reader's words (true, intensity, ...). */
static const char *value_words(const char *v, const book *b)
{
    static const struct {
        const char *v, *nl, *en;
    } words[] = {
        {"true", "ja", "yes"}, {"false", "nee", "no"}, {"intensity", "zorgzwaarte", "intensity"},
        {"volume", "volume", "volume"}, {"tariff", "tarief", "tariff"}, {"instroom", "instroom", "inflow"},
        {"zorgduur", "zorgduur", "duration"}, {"exit_after", "evaluatie (uitstroom na)", "evaluation (exit after)"},
        {"substitution", "vervanging door andere zorg", "substitution"},
        {"diversion", "voorliggend aanbod", "diversion"}, {"lumpsum", "lumpsum", "lumpsum"},
        {"s_curve", "S-curve", "S-curve"}, {"linear", "lineair", "linear"},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(v, words[i].v) == 0)
            return L(b, words[i].nl, words[i].en);
    return v;
}

/* The inputs of one scenario sorted by path, so that finding the same
 * input in every scenario is a binary search (a national scenario has
 * ~15,000 inputs: a scan per input was quadratic).  Ties keep file order,
 * so a search finds the first input with a path, as a scan did. */
typedef struct path_index {
    const jz_scenario *sc;
    struct path_entry {
        const char *path;
        int i;
    } *e;
    int n; /* -1: no index (out of memory), scan instead */
} path_index;

static int cmp_entry(const void *pa, const void *pb)
{
    const struct path_entry *a = pa, *b = pb;
    int c = strcmp(a->path, b->path);
    return c ? c : (a->i > b->i) - (a->i < b->i);
}

static void index_build(path_index *x, const jz_scenario *sc)
{
    x->sc = sc;
    x->n = 0;
    x->e = malloc(((size_t)sc->n_inputs + 1) * sizeof *x->e);
    if (!x->e) {
        x->n = -1;
        return;
    }
    for (int i = 0; i < sc->n_inputs; i++)
        if (sc->inputs[i].path)
            x->e[x->n++] = (struct path_entry){sc->inputs[i].path, i};
    qsort(x->e, (size_t)x->n, sizeof *x->e, cmp_entry);
}

/* The index of the same input (by path) in the indexed scenario, or -1. */
static int find_input(const path_index *x, const char *path)
{
    if (!path)
        return -1;
    if (x->n < 0) {
        for (int i = 0; i < x->sc->n_inputs; i++)
            if (x->sc->inputs[i].path && strcmp(x->sc->inputs[i].path, path) == 0)
                return i;
        return -1;
    }
    int lo = 0, hi = x->n; /* the first entry whose path is not below `path` */
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (strcmp(x->e[mid].path, path) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < x->n && strcmp(x->e[lo].path, path) == 0 ? x->e[lo].i : -1;
}

static int same_value(const jz_input *a, const jz_input *b)
{
    return a && b && a->value && b->value && strcmp(a->value, b->value) == 0;
}

void jz_xlsx_inputs_sheet(book *b, lxw_worksheet *ws, const jz_comparison *c)
{
    int S = c->n_scenarios, Y = c->n_years;
    char buf[1024];
    worksheet_write_string(ws, 0, 0, L(b, "Aannames: elke ingevoerde waarde met eenheid en bron",
                                       "Assumptions: every value set, with unit and source"), b->title);
    worksheet_write_string(ws, 1, 0,
                           L(b, "Eén regel per aanname; geldt een waarde niet voor alle scenario's, dan volgt "
                                "per afwijkende waarde een regel met de scenario's waarvoor die geldt. Een reeks "
                                "staat per jaar in de jaarkolommen; een jaar zonder waarde houdt de waarde van het "
                                "jaar ervoor (tenzij de opmerking 'lineair' zegt).",
                             "One row per assumption; where a value differs between scenarios, one row per "
                             "value follows with the scenarios it holds for. A series is shown per year in the "
                             "year columns; a year without a value keeps the value of the year before (unless "
                             "the remark says 'linear')."),
                           NULL);
    /* Aanname, Geldt voor, Eenheid, Waarde, the years, Opmerking, Bron:
     * the figures next to what they are, the long citation last */
    const int hr = 3, fixed = 4;
    const char *heads[] = {L(b, "Aanname", "Assumption"), L(b, "Geldt voor", "Holds for"),
                           L(b, "Eenheid", "Unit"), L(b, "Waarde", "Value")};
    for (int i = 0; i < fixed; i++)
        text(b, ws, hr, i, heads[i], b->head);
    for (int y = 0; y < Y; y++) {
        worksheet_write_number(ws, hr, (lxw_col_t)(fixed + y), jz_cmp_year(c, y), b->head);
        fit(b, fixed + y, 12);
    }
    text(b, ws, hr, fixed + Y, L(b, "Opmerking", "Remark"), b->head);
    text(b, ws, hr, fixed + Y + 1, L(b, "Bron", "Source"), b->head);
    int row = hr + 1;
    path_index idx[JZ_CMP_MAX_SCENARIOS];
    for (int t = 0; t < S; t++)
        index_build(&idx[t], c->scen[t].scenario);
    for (int s0 = 0; s0 < S; s0++) {
        const jz_scenario *sc0 = c->scen[s0].scenario;
        for (int i = 0; i < sc0->n_inputs; i++) {
            const jz_input *in0 = &sc0->inputs[i];
            /* listed with the first scenario that has it */
            int first = 1;
            for (int t = 0; t < s0 && first; t++)
                first = find_input(&idx[t], in0->path) < 0;
            if (!first)
                continue;
            const jz_input *val[JZ_CMP_MAX_SCENARIOS];
            const jz_scenario *own[JZ_CMP_MAX_SCENARIOS];
            int done[JZ_CMP_MAX_SCENARIOS] = {0}, all = 1;
            for (int t = 0; t < S; t++) {
                own[t] = c->scen[t].scenario;
                int k = find_input(&idx[t], in0->path);
                val[t] = k >= 0 ? &own[t]->inputs[k] : NULL;
                all &= same_value(val[t], in0);
            }
            for (int t = 0; t < S; t++) {
                if (done[t] || !val[t])
                    continue;
                /* one row for every scenario with this value */
                int len = 0;
                buf[0] = '\0';
                for (int u = t; u < S; u++)
                    if (!done[u] && same_value(val[u], val[t])) {
                        done[u] = 1;
                        if (len >= 0 && (size_t)len < sizeof buf)
                            len += snprintf(buf + len, sizeof buf - (size_t)len, "%s[%d]", len ? " " : "", u + 1);
                    }
                const jz_input *in = val[t];
                char lab[1024];
                text(b, ws, row, 0, input_label(lab, sizeof lab, own[t], in, b), NULL);
                text(b, ws, row, 1, all ? L(b, "alle scenario's", "all scenarios") : buf, NULL);
                text(b, ws, row, 2, unit_text(in, b), NULL);
                char src[2048];
                text(b, ws, row, fixed + Y + 1, cite(src, sizeof src, own[t], in, b), NULL);
                parsed pv;
                /* a zorgsoort or gemeente by its name, as the other sheets
                 * name it (the key stays in the trace: jz_input.value) */
                char named[2048];
                int by_name = jz_input_value_text(own[t], in, named, sizeof named) == named;
                parse_value(by_name ? NULL : in->value, in->source, &pv, b);
                lxw_format *f = unit_format(b, unit_of(in->unit));
                if (pv.is_number)
                    num(b, ws, row, 3, pv.number, f, 12);
                for (int k = 0; k < pv.n_years; k++) {
                    int y = pv.year[k] - c->first_year;
                    if (y >= 0 && y < Y)
                        num(b, ws, row, fixed + y, pv.value[k], f, 12);
                }
                if (by_name)
                    text(b, ws, row, fixed + Y, named, NULL);
                else if (pv.remark[0])
                    text(b, ws, row, fixed + Y, value_words(pv.remark, b), NULL);
                row++;
            }
        }
    }
    for (int t = 0; t < S; t++)
        free(idx[t].e);
    widths(b, ws, fixed + Y + 2, 70);
    worksheet_freeze_panes(ws, hr + 1, 1);
    worksheet_autofilter(ws, hr, 0, (lxw_row_t)(row > hr + 1 ? row - 1 : hr + 1), (lxw_col_t)(fixed + Y + 1));
    worksheet_repeat_rows(ws, hr, hr);
    print_a4(ws, 1);
}


#endif
