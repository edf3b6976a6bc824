/*
 * names.c - the names of a history's series and columns: the header
 * aliases (Dutch, English, CBS StatLine), their normalisation, unit hints
 * and "did you mean" suggestions (jzsim/history.h, docs/calibration.md).
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "history/internal.h"

const double jz_duration_class_edges[JZ_DUR_CLASSES + 1] = {0, 3, 6, 12, 24, 36, 48, INFINITY};

/* ---- series names ------------------------------------------------------- */

static const char *const series_key[JZ_HS_N] = {
    "clients_start", "clients_end", "instroom", "uitstroom", "unique_clients",
    "client_years", "cost", "cost_per_client", "mean_duration",
    "dur_0_3m", "dur_3_6m", "dur_6_12m", "dur_1_2y", "dur_2_3y", "dur_3_4y", "dur_4y_plus"};

static const char *const series_nl[JZ_HS_N] = {
    "Cliënten begin", "Cliënten eind", "Instroom", "Uitstroom", "Unieke cliënten",
    "Cliëntjaren", "Kosten", "Kosten per cliënt", "Gem. duur beëindigd (mnd)",
    "Duur 0-3 mnd", "Duur 3-6 mnd", "Duur 6-12 mnd", "Duur 1-2 jr", "Duur 2-3 jr",
    "Duur 3-4 jr", "Duur 4+ jr"};

static const char *const series_en[JZ_HS_N] = {
    "Clients at start", "Clients at end", "Inflow", "Outflow", "Unique clients",
    "Client-years", "Cost", "Cost per client", "Mean duration ended (months)",
    "Duration 0-3 m", "Duration 3-6 m", "Duration 6-12 m", "Duration 1-2 y",
    "Duration 2-3 y", "Duration 3-4 y", "Duration 4+ y"};

const char *jz_hseries_key(int s) { return s >= 0 && s < JZ_HS_N ? series_key[s] : "?"; }
const char *jz_hseries_label(int s, int english)
{
    if (s < 0 || s >= JZ_HS_N)
        return "?";
    return english ? series_en[s] : series_nl[s];
}
int jz_hseries_is_money(int s) { return s == JZ_HS_COST || s == JZ_HS_COST_PER_CLIENT; }


/* Header aliases, compared after normalisation (lower case, letters and
 * digits only, accents dropped, text in parentheses removed).  The first
 * alias of each role is the documented name. */
static const struct {
    int role;
    const char *name;
} aliases[] = {
    {COL_GEMEENTE, "gemeente"}, {COL_GEMEENTE, "gemeentecode"}, {COL_GEMEENTE, "gemeentenaam"},
    {COL_GEMEENTE, "regio"}, {COL_GEMEENTE, "regios"}, {COL_GEMEENTE, "regiocode"},
    {COL_GEMEENTE, "municipality"}, {COL_GEMEENTE, "wijkenenbuurten"},
    {COL_ZORGSOORT, "zorgsoort"}, {COL_ZORGSOORT, "zorgsoorten"}, {COL_ZORGSOORT, "caretype"},
    {COL_ZORGSOORT, "soortjeugdhulp"}, {COL_ZORGSOORT, "vormjeugdhulp"},
    {COL_ZORGSOORT, "jeugdhulpvorm"}, {COL_ZORGSOORT, "typejeugdhulp"},
    {COL_ZORGSOORT, "vormvanjeugdhulp"}, {COL_ZORGSOORT, "soortzorg"},
    {COL_ZORGSOORT, "typemaatregel"}, {COL_ZORGSOORT, "soortmaatregel"}, {COL_ZORGSOORT, "maatregel"},
    {COL_ZORGSOORT, "jeugdbeschermingsmaatregel"}, {COL_ZORGSOORT, "typejeugdbescherming"},
    {COL_ZORGSOORT, "soorttraject"}, {COL_ZORGSOORT, "typetraject"},
    {COL_PERIOD, "periode"}, {COL_PERIOD, "perioden"}, {COL_PERIOD, "jaar"},
    {COL_PERIOD, "period"}, {COL_PERIOD, "year"}, {COL_PERIOD, "halfjaar"},
    {COL_PERIOD, "peildatum"}, {COL_PERIOD, "datum"}, {COL_PERIOD, "date"},
    {COL_SOURCE, "bron"}, {COL_SOURCE, "source"}, {COL_SOURCE, "bronnen"}, {COL_SOURCE, "sources"},
    {COL_STATUS, "status"}, {COL_STATUS, "vintage"}, {COL_STATUS, "cijferstatus"}, {COL_STATUS, "versie"},
    {JZ_HS_START, "clientsstart"}, {JZ_HS_START, "clientenbegin"}, {JZ_HS_START, "clientenstart"},
    {JZ_HS_START, "start"}, {JZ_HS_START, "begin"}, {JZ_HS_START, "beginstand"},
    {JZ_HS_START, "inzorgbegin"}, {JZ_HS_START, "clienten1januari"}, {JZ_HS_START, "stand1januari"},
    {JZ_HS_END, "clientsend"}, {JZ_HS_END, "clienteneind"}, {JZ_HS_END, "end"},
    {JZ_HS_END, "eind"}, {JZ_HS_END, "eindstand"}, {JZ_HS_END, "inzorgeind"},
    {JZ_HS_END, "clienten31december"}, {JZ_HS_END, "stand31december"},
    {JZ_HS_END, "stand"}, {JZ_HS_END, "standoppeildatum"}, {JZ_HS_END, "oppeildatum"},
    {JZ_HS_END, "lopendetrajecten"}, {JZ_HS_END, "lopendemaatregelen"}, {JZ_HS_END, "clienteninzorg"},
    {JZ_HS_END, "jeugdigenmetmaatregel"}, {JZ_HS_END, "jeugdigenmetjeugdbeschermingsmaatregel"},
    {JZ_HS_INSTROOM, "instroom"}, {JZ_HS_INSTROOM, "inflow"}, {JZ_HS_INSTROOM, "starts"},
    {JZ_HS_INSTROOM, "gestartetrajecten"}, {JZ_HS_INSTROOM, "gestartejeugdhulptrajecten"},
    {JZ_HS_INSTROOM, "startedtrajectories"},
    {JZ_HS_UITSTROOM, "uitstroom"}, {JZ_HS_UITSTROOM, "outflow"}, {JZ_HS_UITSTROOM, "ends"},
    {JZ_HS_UITSTROOM, "beeindigdetrajecten"}, {JZ_HS_UITSTROOM, "beeindigdejeugdhulptrajecten"},
    {JZ_HS_UITSTROOM, "endedtrajectories"},
    {JZ_HS_UNIQUE, "uniqueclients"}, {JZ_HS_UNIQUE, "uniek"}, {JZ_HS_UNIQUE, "unique"},
    {JZ_HS_UNIQUE, "uniekeclienten"}, {JZ_HS_UNIQUE, "clienten"}, {JZ_HS_UNIQUE, "clients"},
    {JZ_HS_UNIQUE, "jongerenmetjeugdhulp"}, {JZ_HS_UNIQUE, "jeugdigenmetjeugdhulp"},
    {JZ_HS_UNIQUE, "actiefinperiode"}, {JZ_HS_UNIQUE, "jongeren"},
    {JZ_HS_CLIENT_YEARS, "clientyears"}, {JZ_HS_CLIENT_YEARS, "clientjaren"},
    {JZ_HS_CLIENT_YEARS, "zorgjaren"},
    {JZ_HS_COST, "cost"}, {JZ_HS_COST, "kosten"}, {JZ_HS_COST, "costs"},
    {JZ_HS_COST, "uitgaven"}, {JZ_HS_COST, "lasten"},
    {JZ_HS_COST_PER_CLIENT, "costperclient"}, {JZ_HS_COST_PER_CLIENT, "kostenperclient"},
    {JZ_HS_COST_PER_CLIENT, "kostenperjongere"}, {JZ_HS_COST_PER_CLIENT, "gemiddeldekostenperclient"},
    {JZ_HS_MEAN_DURATION, "meanduration"}, {JZ_HS_MEAN_DURATION, "gemduur"},
    {JZ_HS_MEAN_DURATION, "gemiddeldeduur"}, {JZ_HS_MEAN_DURATION, "gemiddeldeduurbeeindigdetrajecten"},
    {JZ_HS_MEAN_DURATION, "duur"},
    {JZ_HS_DUR_0_3M, "dur03m"}, {JZ_HS_DUR_0_3M, "duur03m"}, {JZ_HS_DUR_0_3M, "0tot3maanden"},
    {JZ_HS_DUR_0_3M, "kortordan3maanden"}, {JZ_HS_DUR_0_3M, "korterdan3maanden"},
    {JZ_HS_DUR_0_3M, "minderdan3maanden"},
    {JZ_HS_DUR_3_6M, "dur36m"}, {JZ_HS_DUR_3_6M, "duur36m"}, {JZ_HS_DUR_3_6M, "3tot6maanden"},
    {JZ_HS_DUR_6_12M, "dur612m"}, {JZ_HS_DUR_6_12M, "duur612m"}, {JZ_HS_DUR_6_12M, "6tot12maanden"},
    {JZ_HS_DUR_6_12M, "6maandentot1jaar"},
    {JZ_HS_DUR_1_2Y, "dur12y"}, {JZ_HS_DUR_1_2Y, "duur12j"}, {JZ_HS_DUR_1_2Y, "1tot2jaar"},
    {JZ_HS_DUR_2_3Y, "dur23y"}, {JZ_HS_DUR_2_3Y, "duur23j"}, {JZ_HS_DUR_2_3Y, "2tot3jaar"},
    {JZ_HS_DUR_3_4Y, "dur34y"}, {JZ_HS_DUR_3_4Y, "duur34j"}, {JZ_HS_DUR_3_4Y, "3tot4jaar"},
    {JZ_HS_DUR_4Y_PLUS, "dur4yplus"}, {JZ_HS_DUR_4Y_PLUS, "duur4jplus"},
    {JZ_HS_DUR_4Y_PLUS, "4jaaroflanger"}, {JZ_HS_DUR_4Y_PLUS, "4jaarenlanger"},
    {JZ_HS_DUR_4Y_PLUS, "langerdan4jaar"}, {JZ_HS_DUR_4Y_PLUS, "4jaarofmeer"},
    {JZ_HS_DUR_0_3M, "duur0tot3maanden"}, {JZ_HS_DUR_3_6M, "duur3tot6maanden"},
    {JZ_HS_DUR_6_12M, "duur6tot12maanden"}, {JZ_HS_DUR_6_12M, "duur6maandentot1jaar"},
    {JZ_HS_DUR_1_2Y, "duur1tot2jaar"}, {JZ_HS_DUR_2_3Y, "duur2tot3jaar"}, {JZ_HS_DUR_3_4Y, "duur3tot4jaar"},
    {JZ_HS_DUR_4Y_PLUS, "duur4jaaroflanger"}, {JZ_HS_DUR_4Y_PLUS, "duur4jaarofmeer"},
};
#define N_ALIASES (sizeof aliases / sizeof aliases[0])

/* Fold a UTF-8 Latin letter with an accent to its ASCII base letter; 0 if
 * the two bytes are not one. */
static char fold_accent(unsigned char a, unsigned char b)
{
    if (a != 0xC3)
        return 0;
    if (b >= 0x80 && b <= 0x85) return 'a';
    if (b >= 0xA0 && b <= 0xA5) return 'a';
    if (b >= 0x88 && b <= 0x8B) return 'e';
    if (b >= 0xA8 && b <= 0xAB) return 'e';
    if (b >= 0x8C && b <= 0x8F) return 'i';
    if (b >= 0xAC && b <= 0xAF) return 'i';
    if (b >= 0x92 && b <= 0x96) return 'o';
    if (b >= 0xB2 && b <= 0xB6) return 'o';
    if (b >= 0x99 && b <= 0x9C) return 'u';
    if (b >= 0xB9 && b <= 0xBC) return 'u';
    return 0;
}

/* Normalise text for matching: ASCII letters and digits, lower case,
 * accents folded.  With drop_paren, text inside (...) is left out and
 * copied (normalised) into paren. */
void hist_normalise(const char *s, char *out, size_t size, int drop_paren,
                    char *paren, size_t psize)
{
    size_t j = 0, k = 0;
    int depth = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        char c = 0;
        if (*p == '(' && drop_paren) {
            depth++;
            continue;
        }
        if (*p == ')' && drop_paren && depth > 0) {
            depth--;
            continue;
        }
        if (*p >= 0x80) {
            if (p[1] && (c = fold_accent(p[0], p[1])))
                p++;
            else
                continue;
        } else if (isalnum(*p)) {
            c = (char)tolower(*p);
        } else if (*p == '+') {
            c = 0; /* "4+" == "4plus" handled by aliases; drop */
            if (depth == 0 && j + 4 < size) {
                memcpy(out + j, "plus", 4);
                j += 4;
            }
            continue;
        } else {
            continue;
        }
        if (depth > 0) {
            if (paren && k + 1 < psize)
                paren[k++] = c;
        } else if (j + 1 < size) {
            out[j++] = c;
        }
    }
    out[j] = '\0';
    if (paren && psize)
        paren[k] = '\0';
}

int hist_role_of(const char *norm)
{
    for (size_t i = 0; i < N_ALIASES; i++)
        if (strcmp(aliases[i].name, norm) == 0)
            return aliases[i].role;
    return -1;
}

static const char *role_name(int r)
{
    return r < JZ_HS_N ? jz_hseries_key(r)
           : r == COL_GEMEENTE ? "gemeente"
           : r == COL_ZORGSOORT ? "zorgsoort"
           : r == COL_PERIOD ? "periode"
           : r == COL_STATUS ? "status" : "bron";
}

int hist_role_by_name(const char *name)
{
    char n[128];
    hist_normalise(name, n, sizeof n, 0, NULL, 0);
    if (strcmp(n, "negeer") == 0 || strcmp(n, "ignore") == 0 || strcmp(n, "none") == 0)
        return COL_IGNORE;
    for (int r = 0; r < COL_ROLES; r++) {
        char k[64];
        hist_normalise(role_name(r), k, sizeof k, 0, NULL, 0);
        if (strcmp(k, n) == 0)
            return r;
    }
    return hist_role_of(n);
}

/* The documented name closest to an unknown header, or NULL: the nearest
 * alias within an edit distance of 2, else an alias of at least 5
 * characters that the header contains, or that contains the header (the
 * longest such), so 'Duur 0 tot 3 maanden (aantal)' suggests dur_0_3m and
 * 'Gemiddelde duur in maanden' mean_duration. */
const char *hist_suggest(const char *norm)
{
    const char *best = NULL;
    size_t bd = 3;
    for (size_t i = 0; i < N_ALIASES; i++) {
        size_t d = jz_edit_distance(norm, aliases[i].name);
        if (d < bd) {
            bd = d;
            best = role_name(aliases[i].role);
        }
    }
    if (best || strlen(norm) < 4)
        return best;
    size_t longest = 0;
    for (size_t i = 0; i < N_ALIASES; i++) {
        size_t L = strlen(aliases[i].name);
        if (L < 5 || L <= longest)
            continue;
        if (strstr(norm, aliases[i].name) || (strlen(norm) >= 5 && strstr(aliases[i].name, norm))) {
            longest = L;
            best = role_name(aliases[i].role);
        }
    }
    return best;
}

/* Unit hint in a header's parentheses: a multiplier for "x 1 000" and, for
 * durations, days or years to months. */
double hist_unit_scale(int role, const char *paren)
{
    double f = 1.0;
    if (strstr(paren, "x1000000") || strstr(paren, "mln") || strstr(paren, "miljoen"))
        f = 1e6;
    else if (strstr(paren, "x1000"))
        f = 1e3;
    if (role == JZ_HS_MEAN_DURATION) {
        if (strstr(paren, "dag") || strstr(paren, "day"))
            f /= 365.25 / 12.0;
        else if (strstr(paren, "jaar") || strstr(paren, "jaren") || strstr(paren, "year"))
            f *= 12.0;
    }
    return f;
}

int jz_region_code(const char *c)
{
    if (!c || strlen(c) != 4 || !isdigit((unsigned char)c[2]) || !isdigit((unsigned char)c[3]))
        return 0;
    return strncmp(c, "NL", 2) == 0 || strncmp(c, "PV", 2) == 0 || strncmp(c, "CR", 2) == 0;
}
