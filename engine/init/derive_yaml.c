/*
 * derive_yaml.c - the scenario YAML that `jzsim init` writes: every derived
 * number with its derivation as a comment, every default marked ASSUMPTION
 * with its source, and the list of assumptions that remain (each with the
 * figure of the template that would replace it).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "init/derive_internal.h"
#include "jzsim/report.h"
#include "scenario/value.h"

/* An assumption that remains, in Dutch and in English (jzsim init --lang):
 * both texts kept, or o->oom set. */
static void assume_text(jz_derive_out *o, const char *nl, const char *en)
{
    if (o->n_ass == o->cap_ass) {
        int cap = o->cap_ass ? 2 * o->cap_ass : 16;
        jz_derive_assumption *p = realloc(o->ass, (size_t)cap * sizeof *p);
        if (!p) {
            o->oom = 1;
            return;
        }
        o->ass = p;
        o->cap_ass = cap;
    }
    jz_derive_assumption *a = &o->ass[o->n_ass];
    a->nl = strdup(nl);
    a->en = strdup(en);
    if (!a->nl || !a->en) {
        free(a->nl);
        free(a->en);
        o->oom = 1;
    } else
        o->n_ass++;
}

/* The same from two printf formats (each checked) on the same arguments. */
#define assume(o, nl, en, ...)                                                                                    \
    do {                                                                                                          \
        char nl_[512], en_[512];                                                                                  \
        snprintf(nl_, sizeof nl_, nl, __VA_ARGS__);                                                               \
        snprintf(en_, sizeof en_, en, __VA_ARGS__);                                                               \
        assume_text(o, nl_, en_);                                                                                 \
    } while (0)

/* A YAML double-quoted scalar: quotes, backslashes and control characters
 * escaped, so that a name from the template cannot break the scenario. */
static void qstr(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20 || c == 0x7f)
            fprintf(f, "\\x%02x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

/* 12345.678 -> "12.346" style for comments (Dutch thousands dots, no decimals) */
static const char *eur(char *buf, size_t n, double v)
{
    char raw[64];
    snprintf(raw, sizeof raw, "%.0f", fabs(v));
    size_t len = strlen(raw), j = 0;
    if (v < 0 && j < n - 1)
        buf[j++] = '-';
    for (size_t i = 0; i < len && j < n - 1; i++) {
        buf[j++] = raw[i];
        if ((len - i - 1) % 3 == 0 && i + 1 < len && j < n - 1)
            buf[j++] = '.';
    }
    buf[j] = '\0';
    return buf;
}

static void write_rate_series(FILE *f, const jz_template *t, const double *x)
{
    fputc('{', f);
    for (int y = 1; y < t->H; y++)
        fprintf(f, "%s%d: %.4f%%", y > 1 ? ", " : "", t->base_year + y, 100.0 * x[y]);
    if (t->H == 1)
        fprintf(f, "%d: 0%%", t->base_year);
    fputc('}', f);
}

/* The reference table's row of z as its assumptions name it: its source,
 * or that there is none (fasen: 1, an exponential zorgduur). */
static const char *ref_source(const jz_template_row *z)
{
    return z->ref ? z->ref->source : "geen rij: exponentieel";
}

/* The gemeente's own figures as a source note, the scenario's and each
 * zorgsoort's: "Opgave gemeente <naam> (<code>): jaarrekening <basisjaar> en
 * begroting".  Returns snprintf's count. */
static int opgave_source(char *buf, size_t size, const jz_template *t)
{
    return snprintf(buf, size, "Opgave gemeente %s (%s): jaarrekening %d en begroting", t->name, t->code,
                    t->base_year);
}

/* The zorgsoort's source note, which every input of it takes that has no
 * note of its own (docs/scenario-format.md, "Source notes"): the workbook's
 * Aannames then says in the Bron cell where its start, instroom, zorgduur,
 * price and begroting come from, as the comments here do for a YAML reader
 * (an empty Bron cell before: the derivation was only a comment).  Names
 * what came from the reference table instead of the gemeente. */
static void zs_source(FILE *f, const jz_template *t, const jz_template_row *z)
{
    const int dur = jz_row_dur_assumed(z), fasen = !z->has_stages;
    char src[1200];
    int n = opgave_source(src, sizeof src, t);
    if ((dur || fasen) && n > 0 && (size_t)n < sizeof src)
        snprintf(src + n, sizeof src - (size_t)n, "; %s: aanname uit de referentietabel (%s)",
                 dur && fasen ? "zorgduur en fasen" : dur ? "zorgduur" : "fasen",
                 ref_source(z));
    fprintf(f, "    source: ");
    qstr(f, src);
    fprintf(f, "\n");
}

static void write_zs(jz_derive_out *o, const jz_template *t, const jz_template_row *z, const double *bud_nominal, int bud_kind,
                     double share)
{
    FILE *f = o->f;
    char b1[64], b2[64];
    const int by = t->base_year;
    fprintf(f, "  - key: %s\n    name: ", z->key);
    qstr(f, z->name);
    fprintf(f, "\n");
    if (z->taakveld[0])
        fprintf(f, "    taakveld: \"%s\"\n", z->taakveld);
    zs_source(f, t, z);
    /* the opgave as the controller typed it, in Dutch figures; the
     * derivations below keep YAML's numbers (a point for decimals) */
    fprintf(f, "    # opgave %d: uitgaven EUR %s, unieke cliënten %s", by, eur(b1, sizeof b1, z->spending),
            jz_format_number(b2, sizeof b2, z->unique, 0, JZ_LANG_NL));
    if (z->has_start)
        fprintf(f, ", in zorg op 1 januari %.0f", z->start);
    if (z->has_starts)
        fprintf(f, ", starts %.0f", z->starts);
    if (z->has_ends)
        fprintf(f, ", eindes %.0f", z->ends);
    if (z->has_dur)
        fprintf(f, ", zorgduur %.4g maanden", z->dur);
    fprintf(f, "\n");
    if (z->has_stages)
        fprintf(f, "    stages: %d        # opgave (fasen)\n", z->stages);
    else {
        fprintf(f, "    stages: %d        # ASSUMPTION: referentietabel (%s)\n", z->stages,
                ref_source(z));
        assume(o, "%s: fasen %d uit de referentietabel (vervang met 'fasen' als u de spreiding van de looptijden kent)",
               "%s: fasen %d from the reference table (replace with 'fasen' if you know the spread of the durations)",
               z->key, z->stages);
    }
    fprintf(f, "    population: youth\n");
    /* start */
    if (z->has_start)
        fprintf(f, "    start: %.6f    # opgave in_zorg_1_januari\n", z->S);
    else
        fprintf(f, "    start: %.6f    # = unieke cliënten - instroom = %.0f - %.4f\n", z->S, z->unique, z->A);
    /* instroom: starts per year; with the number of youth given, per 1,000
     * youth so that it follows jeugd_groei (the base year is the same) */
    char how[256];
    if (z->has_starts)
        snprintf(how, sizeof how, "opgave starts");
    else if (z->has_start)
        snprintf(how, sizeof how, "unieke cliënten - in zorg op 1 januari = %.0f - %.0f", z->unique, z->start);
    else if (z->has_ends && !z->has_dur)
        snprintf(how, sizeof how, "eindes (evenwicht: instroom = uitstroom)");
    else
        snprintf(how, sizeof how, "unieke cliënten / (1 + zorgduur/12) = %.0f / (1 + %.4g/12) (evenwicht)",
                 z->unique, z->D);
    if (t->has_youth && t->youth > 0)
        fprintf(f, "    instroom: {per_1000: %.9f}    # = instroom / jeugd_0_17 x 1000 = %.6f / %.0f x 1000;\n"
                   "    #   instroom %d = %s; volgt daarna het aantal jeugdigen\n",
                1000.0 * z->A / t->youth, z->A, t->youth, t->base_year, how);
    else
        fprintf(f, "    instroom: %.6f    # = %s\n", z->A, how);
    /* zorgduur */
    if (z->has_dur)
        fprintf(f, "    zorgduur: %.6f    # opgave\n", z->D);
    else if (z->has_ends && z->has_start && z->has_starts)
        fprintf(f, "    zorgduur: %.6f    # = gemiddeld in zorg / eindes x 12 = (%.0f + (%.0f - %.0f)/2) / %.0f x 12 (Little)\n",
                z->D, z->S, z->A, z->ends, z->ends);
    else if (z->has_start || z->has_starts || z->has_ends)
        fprintf(f, "    zorgduur: %.6f    # = in zorg op 1 januari / starts x 12 = %.4f / %.4f x 12 (evenwicht)\n",
                z->D, z->S, z->A);
    else {
        fprintf(f, "    zorgduur: %.6f    # ASSUMPTION: referentietabel (%s)\n", z->D, z->ref->source);
        /* the figures as the line's language writes them: "1,5 maanden", "1.5 months" */
        char n[2][64], d[2][64], nl[512], en[512];
        for (int l = 0; l < 2; l++) {
            jz_format_number(d[l], sizeof d[l], z->D, jz_format_decimals(z->D, 2), l ? JZ_LANG_EN : JZ_LANG_NL);
            jz_format_number(n[l], sizeof n[l], z->unique, 0, l ? JZ_LANG_EN : JZ_LANG_NL);
        }
        snprintf(nl, sizeof nl,
                 "%s: zorgduur %s maanden uit de referentietabel, en daarmee de verdeling van de %s unieke "
                 "cliënten over in zorg op 1 januari en starts (vervang met 'zorgduur', 'starts' of 'in_zorg_1_januari')",
                 z->key, d[0], n[0]);
        snprintf(en, sizeof en,
                 "%s: zorgduur %s months from the reference table, and with it the split of the %s unique clients "
                 "into those in care on 1 January and starts (replace with 'zorgduur', 'starts' or 'in_zorg_1_januari')",
                 z->key, d[1], n[1]);
        assume_text(o, nl, en);
    }
    if (!z->has_start && !z->has_starts)
        assume(o, "%s: evenwicht (instroom = uitstroom in %d); geef 'starts' en 'in_zorg_1_januari' voor de werkelijke groei",
               "%s: equilibrium (instroom = uitstroom in %d); give 'starts' and 'in_zorg_1_januari' for the real growth",
               z->key, by);
    fprintf(f, "    cost: %.4f    # = uitgaven / cliëntjaren %d = %s / %.4f (cliëntjaren: een jaar van de maandketen van het model)\n",
            z->price, by, eur(b1, sizeof b1, z->spending), z->cy);
    /* budget */
    fprintf(f, "    budget:\n      amount: {");
    for (int y = 0; y < t->H; y++) {
        double B = jz_template_budget_factor(t, y);
        fprintf(f, "%s%d: %.2f", y ? ", " : "", by + y, bud_nominal[y] / B);
    }
    fprintf(f, "}\n");
    switch (bud_kind) {
    case 0:
        fprintf(f, "      # = begroting nominaal / budgetindex (prijzen %d): de loader indexeert het bedrag met\n"
                   "      #   indexation.budget, zodat de begroting per jaar weer het nominale bedrag is:", by);
        break;
    case 1:
        fprintf(f, "      # = totale begroting nominaal x aandeel in de uitgaven %d (%.2f%%) / budgetindex (prijzen %d);\n"
                   "      #   nominaal per jaar:", by, 100.0 * share, by);
        break;
    default:
        fprintf(f, "      # ASSUMPTION: geen begroting opgegeven: begroting = uitgaven %d, geïndexeerd; nominaal per jaar:", by);
        break;
    }
    for (int y = 0; y < t->H; y++)
        fprintf(f, " %d %s", by + y, eur(b2, sizeof b2, bud_nominal[y]));
    fprintf(f, "\n");
}

int jz_derive_write(jz_derive_out *o, const jz_template *t, jz_error *err)
{
    FILE *f = o->f;
    const int by = t->base_year, H = t->H;
    char b1[64];
    double total_sp = 0;
    /* the advice names the form the user fills: a row of the CSV sjabloon,
     * or the YAML key */
    const int csv = jz_csv_form_name(t->file);
    for (int i = 0; i < t->n_zs; i++)
        total_sp += t->zs[i].spending;

    /* a comment holds one line: control characters of the name become spaces */
    char cname[JZ_NAME_MAX], cfile[1024];
    snprintf(cname, sizeof cname, "%s", t->name);
    snprintf(cfile, sizeof cfile, "%s", t->file);
    for (char *c = cname; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            *c = ' ';
    for (char *c = cfile; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            *c = ' ';
    fprintf(f, "# %s (%s): scenario afgeleid met 'jzsim init' uit %s.\n", cname, t->code, cfile);
    fprintf(f, "# Methode: gesloten inversie van de evenwichtstoestand van het model (docs/model.md,\n"
               "# docs/eigen-gemeente.md): unieke cliënten = in zorg op 1 januari + instroom, in zorg =\n"
               "# instroom x zorgduur / 12, kosten = cliëntjaren x prijs.  De kalibratie (jzsim calibrate)\n"
               "# is niet gebruikt.  Elk afgeleid getal staat met zijn afleiding in het commentaar; elk\n"
               "# getal dat init moest aannemen is gemarkeerd met ASSUMPTION en zijn bron.\n");
    fprintf(f, "# Het basisjaar %d reproduceert de opgegeven uitgaven en unieke cliënten per zorgsoort.\n", by);
    fprintf(f, "# Geen overstappen tussen zorgsoorten, herhaald beroep of uitstroom bij 18 jaar: elke\n"
               "# zorgsoort heeft zijn eigen instroom (ASSUMPTION; voeg transitions/reentry/ageing toe als u ze kent).\n");
    assume_text(o, "alle zorgsoorten: geen overstappen, herhaald beroep of uitstroom bij 18 (voeg transitions, reentry, "
                   "ageing toe in de scenario-YAML)",
                "all zorgsoorten: no transitions, re-entry or outflow at 18 (add transitions, reentry, ageing in the "
                "scenario YAML)");
    if (t->has_youth && t->youth > 0)
        assume(o, "alle zorgsoorten: instroom per 1.000 jeugdigen en zorgduur blijven na %d gelijk (geen trend)",
               "all zorgsoorten: instroom per 1,000 youth and zorgduur stay the same after %d (no trend)", by);
    else
        assume(o, "alle zorgsoorten: instroom en zorgduur blijven na %d gelijk (geef jeugd_0_17 en jeugd_groei "
                  "om de instroom de bevolking te laten volgen)",
               "all zorgsoorten: instroom and zorgduur stay the same after %d (give jeugd_0_17 and jeugd_groei "
               "for an instroom that follows the population)", by);
    fprintf(f, "meta:\n  name: ");
    char nm[JZ_NAME_MAX + 16];
    snprintf(nm, sizeof nm, "%s basis", t->name);
    qstr(f, nm);
    fprintf(f, "\n  description: ");
    char desc[512];
    snprintf(desc, sizeof desc, "%s vanaf %d, afgeleid uit de jaarrekening %d (uitgaven en unieke cliënten per zorgsoort).",
             t->name, by, by);
    qstr(f, desc);
    fprintf(f, "\n  base_year: %d\n  horizon: %d\n  sources:\n", by, H);
    fprintf(f, "    - ");
    char src[1200];
    opgave_source(src, sizeof src, t);
    qstr(f, src);
    fprintf(f, "\n    - \"Zorgduur en fasen per zorgsoort waar de gemeente ze niet opgaf: het Enschede-basisscenario "
               "van jzsim, gekalibreerd op Gemeente Enschede, Programmabureau Sociaal (2023), Eindrapportage "
               "analyse jeugdzorg Enschede (aannames daar gemarkeerd)\"\n");

    fprintf(f, "\nindexation:\n  tariff: ");
    write_rate_series(f, t, t->tariff);
    if (t->n_tariff)
        fprintf(f, "   # opgave indexatie.tarief\n");
    else {
        fprintf(f, "   # ASSUMPTION: 3%% per jaar (middellange-termijn loon- en prijsstijging, als het Enschede-basisscenario vanaf 2026)\n");
        assume_text(o,
                    csv ? "tariefindexatie 3% per jaar (vervang met de regel 'indexatie_tarief')"
                        : "tariefindexatie 3% per jaar (vervang met 'indexatie: {tarief: ...}')",
                    csv ? "tariff indexation 3% a year (replace with the row 'indexatie_tarief')"
                        : "tariff indexation 3% a year (replace with 'indexatie: {tarief: ...}')");
    }
    fprintf(f, "  budget: ");
    write_rate_series(f, t, t->bindex);
    if (t->n_budget_index)
        fprintf(f, "   # opgave indexatie.begroting\n");
    else
        fprintf(f, "   # ASSUMPTION: gelijk aan de tariefindexatie (de begroting volgt de tarieven); hiermee is de nominale begroting omgerekend\n");
    if (!t->n_budget_index)
        assume_text(o,
                    csv ? "begrotingsindexatie gelijk aan de tariefindexatie (vervang met de regel 'indexatie_begroting')"
                        : "begrotingsindexatie gelijk aan de tariefindexatie (vervang met 'indexatie: {begroting: ...}')",
                    csv ? "budget indexation equal to the tariff indexation (replace with the row 'indexatie_begroting')"
                        : "budget indexation equal to the tariff indexation (replace with 'indexatie: {begroting: ...}')");

    fprintf(f, "\nzorgsoorten:\n");
    int any_budget = t->has_begroting;
    for (int i = 0; i < t->n_zs; i++)
        any_budget |= t->zs[i].has_begroting;
    for (int i = 0; i < t->n_zs; i++) {
        const jz_template_row *z = &t->zs[i];
        double nom[JZ_HORIZON_MAX];
        int kind;
        double base_budget = z->spending, v;
        if (z->has_begroting) {
            kind = 0;
            if (!jz_yearmap_get(&z->begroting, by, &base_budget))
                base_budget = z->spending;
            double last = base_budget;
            for (int y = 0; y < H; y++) {
                if (jz_yearmap_get(&z->begroting, by + y, &v))
                    last = v;
                else if (y > 0)
                    last = last / jz_template_budget_factor(t, y - 1) * jz_template_budget_factor(t, y);
                nom[y] = y == 0 ? base_budget : last;
            }
        } else if (t->has_begroting) {
            kind = 1;
            double share = z->spending / total_sp, tot = total_sp;
            if (jz_yearmap_get(&t->begroting, by, &v))
                tot = v;
            double last = tot;
            for (int y = 0; y < H; y++) {
                if (jz_yearmap_get(&t->begroting, by + y, &v))
                    last = v;
                else if (y > 0)
                    last = last / jz_template_budget_factor(t, y - 1) * jz_template_budget_factor(t, y);
                nom[y] = (y == 0 ? tot : last) * share;
            }
        } else {
            kind = 2;
            for (int y = 0; y < H; y++)
                nom[y] = z->spending * jz_template_budget_factor(t, y);
        }
        write_zs(o, t, z, nom, kind, z->spending / total_sp);
    }
    if (!any_budget)
        assume(o, csv ? "begroting per jaar = uitgaven %d, geïndexeerd (vervang met de regel 'begroting', de bedragen "
                        "onder %d, %d, ...)"
                      : "begroting per jaar = uitgaven %d, geïndexeerd (vervang met 'begroting: {%d: ..., %d: ...}')",
               csv ? "begroting per year = uitgaven %d, indexed (replace with the row 'begroting', the amounts "
                     "under %d, %d, ...)"
                   : "begroting per year = uitgaven %d, indexed (replace with 'begroting: {%d: ..., %d: ...}')",
               by, by + 1, by + 2);
    else {
        int has_base = 1;
        double v0;
        if (t->has_begroting)
            has_base = jz_yearmap_get(&t->begroting, by, &v0);
        for (int i = 0; i < t->n_zs; i++)
            if (t->zs[i].has_begroting && !jz_yearmap_get(&t->zs[i].begroting, by, &v0))
                has_base = 0;
        if (!has_base)
            assume(o, "begroting %d (het basisjaar) = uitgaven %d: geef de begroting van het basisjaar voor het tekort van de jaarrekening",
                   "begroting %d (the basisjaar) = uitgaven %d: give the begroting of the basisjaar for the tekort of the "
                   "jaarrekening", by, by);
    }

    fprintf(f, "\ngemeenten:\n  - code: %s\n    name: ", t->code);
    qstr(f, t->name);
    fprintf(f, "\n");
    if (t->has_youth) {
        fprintf(f, "    population:\n      youth: {base: %.0f, growth: %.4f%%}", t->youth, 100.0 * t->youth_growth);
        if (t->has_youth_growth)
            fprintf(f, "   # opgave jeugd_0_17 en jeugd_groei\n");
        else
            fprintf(f, "   # opgave jeugd_0_17; ASSUMPTION: geen groei (geef jeugd_groei)\n");
        fprintf(f, "      source: \"opgave gemeente\"\n");
    }
    if (t->has_inwoners)
        fprintf(f, "    # inwoners %s (opgave; alleen ter informatie)\n", eur(b1, sizeof b1, t->inwoners));
    if (t->has_rijks) {
        fprintf(f, "    rijksbijdrage: {");
        for (int i = 0; i < t->rijks.n; i++)
            fprintf(f, "%s%d: %.2f", i ? ", " : "", t->rijks.year[i], t->rijks.value[i]);
        fprintf(f, "}   # opgave, nominaal\n");
    }
    if (t->n_fixed) {
        fprintf(f, "    fixed_costs:\n");
        for (int i = 0; i < t->n_fixed; i++) {
            const jz_template_fixed *x = &t->fixed[i];
            fprintf(f, "      - name: ");
            qstr(f, x->name);
            fprintf(f, "\n        amount: %.2f   # opgave bedrag %d\n", x->amount, by);
            double ix[JZ_HORIZON_MAX];
            const char *how = "ASSUMPTION: de tariefindexatie";
            memcpy(ix, t->tariff, sizeof ix);
            if (x->n_index) {
                jz_error e2;
                if (jz_value_series(NULL, x->n_index, JZ_U_RATE, "vaste_lasten.indexatie", by, H, ix, &e2) != 0) {
                    *err = e2;
                    return err->status;
                }
                how = "opgave";
            }
            fprintf(f, "        indexation: ");
            write_rate_series(f, t, ix);
            fprintf(f, "   # %s\n", how);
            if (x->taakveld[0])
                fprintf(f, "        taakveld: \"%s\"   # opgave\n", x->taakveld);
            if (x->has_begroting) {
                fprintf(f, "        budget: {");
                for (int k = 0; k < x->begroting.n; k++)
                    fprintf(f, "%s%d: %.2f", k ? ", " : "", x->begroting.year[k], x->begroting.value[k]);
                fprintf(f, "}   # opgave, nominaal\n");
            }
        }
    }
    return JZ_OK;
}
