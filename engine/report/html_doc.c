/*
 * html_doc.c - what makes the HTML briefing (html.c) a document a council
 * can file and cite: its date and kenmerk, the printed page footer, the
 * last realised year, and the accountability section with the sources
 * cited as a reader would (from the scenarios' `bronnen:`), never a file
 * name or a line number.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jzsim/history.h"
#include "report/html_page.h"

/* The date the briefing is made: SOURCE_DATE_EPOCH when set (reproducible
 * builds and tests), else now; "6 december 2026" / "6 December 2026". */
void jz_html_date(const page *p, char *buf, size_t n)
{
    static const char *const nl[] = {"januari", "februari", "maart", "april", "mei", "juni", "juli",
                                     "augustus", "september", "oktober", "november", "december"};
    static const char *const en[] = {"January", "February", "March", "April", "May", "June", "July",
                                     "August", "September", "October", "November", "December"};
    const char *e = getenv("SOURCE_DATE_EPOCH");
    time_t t = e && *e ? (time_t)strtoll(e, NULL, 10) : time(NULL);
    struct tm tm;
    if (!gmtime_r(&t, &tm)) {
        snprintf(buf, n, "?");
        return;
    }
    snprintf(buf, n, "%d %s %d", tm.tm_mday, (p->lang == JZ_LANG_NL ? nl : en)[tm.tm_mon], tm.tm_year + 1900);
}

static unsigned fnv(unsigned h, const char *s)
{
    for (; s && *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return (h ^ 0xffu) * 16777619u; /* a separator, so that "ab","c" != "a","bc" */
}

/* A short hash of every scenario's name and inputs (each value as written
 * and where it sits), so that two printed briefings can be told apart:
 * "JZ-1a2b3c4d". */
void jz_html_kenmerk(const page *p, char *buf, size_t n)
{
    unsigned h = 2166136261u;
    for (int s = 0; s < p->c->n_scenarios; s++) {
        const jz_scenario *sc = p->c->scen[s].scenario;
        char name[JZ_CMP_SHOWN_NAME_MAX]; /* with its label: [1] saved is not [2] */
        h = fnv(h, jz_cmp_scen_name(name, sizeof name, p->c, s, p->lang));
        for (int i = 0; i < sc->n_inputs; i++) {
            h = fnv(h, sc->inputs[i].path);
            h = fnv(h, sc->inputs[i].value);
        }
    }
    snprintf(buf, n, "JZ-%08x", h);
}

/* The printed page's footer: kenmerk and date left, page numbers right
 * (CSS page-margin boxes; the text is digits, ASCII letters and spaces,
 * so it needs no escaping inside the CSS string). */
void jz_html_page_footer(const page *p, const char *ken, const char *date)
{
    fprintf(p->out, "<style>@page{@bottom-left{content:\"%s %s \\00B7  %s\";font-size:9pt;color:#555}"
                    "@bottom-right{content:\"%s \" counter(page) \" %s \" counter(pages);font-size:9pt;color:#555}}</style>\n",
            L(p, "Kenmerk", "Reference"), ken, date, L(p, "pagina", "page"), L(p, "van", "of"));
}

/* The last realised year: the reference's base year, or the last whole,
 * not provisional year of the history when one is given. */
int jz_html_realised_year(const jz_comparison *c, const jz_history *h)
{
    int y = c->scen[0].scenario->meta.base_year;
    for (int i = 0; h && i < h->n_rows; i++)
        if (!h->rows[i].provisional && h->rows[i].half == 0 && h->rows[i].year > y)
            y = h->rows[i].year;
    return y;
}

/* ---- accountability and sources ---- */

/* A source as a reader cites it: "Title. Publisher, 2023, 3.4 Uitgaven,
 * p. 12, Tabel 3.3a." */
static void cite(const page *p, const jz_bron *b)
{
    FILE *out = p->out;
    fputs("<li><i>", out);
    esc(p, b->title && b->title[0] ? b->title : b->id);
    fputs("</i>", out);
    const char *sep = ". ";
    if (b->publisher && b->publisher[0]) {
        fputs(sep, out);
        esc(p, b->publisher);
        sep = ", ";
    }
    if (b->year) {
        fprintf(out, "%s%d", sep, b->year);
        sep = ", ";
    }
    if (b->section && b->section[0]) {
        fputs(sep, out);
        T(p, "§ ", "§ ");
        esc(p, b->section);
        sep = ", ";
    }
    if (b->page && b->page[0]) {
        fputs(sep, out);
        /* "12" reads as a page number; "p. 12" is kept as written */
        if (b->page[0] >= '0' && b->page[0] <= '9')
            T(p, "p. ", "p. ");
        esc(p, b->page);
        sep = ", ";
    }
    if (b->table && b->table[0]) {
        fputs(sep, out);
        esc(p, b->table);
    }
    fputs(".</li>\n", out);
}

static int same_bron(const jz_bron *a, const jz_bron *b)
{
#define EQ(f) (strcmp(a->f ? a->f : "", b->f ? b->f : "") == 0)
    return EQ(title) && EQ(publisher) && EQ(section) && EQ(page) && EQ(table) && a->year == b->year;
#undef EQ
}

void jz_html_accountability(const page *p)
{
    const jz_comparison *c = p->c;
    FILE *out = p->out;
    fprintf(out, "<h2>%s</h2>\n", L(p, "Verantwoording", "Accountability"));
    fprintf(out, "<p>%s</p>\n",
            L(p, "De cijfers zijn projecties op basis van de aannames van de scenario’s; ze zijn geen voorspelling. "
                 "Elke aanname staat met waarde, eenheid en bron in het bijbehorende Excel-werkboek (blad Aannames).",
              "The figures are projections from the scenarios’ assumptions, not forecasts. "
              "Every assumption is listed with value, unit and source in the accompanying Excel workbook (sheet Inputs)."));
    if (c->n_notes) {
        fprintf(out, "<p><b>%s</b></p><ul>\n", L(p, "Let op", "Note"));
        for (int i = 0; i < c->n_notes; i++) {
            char note[1024];
            fprintf(out, "<li>");
            esc(p, jz_cmp_note_format(c, i, p->lang, note, sizeof note));
            fprintf(out, "</li>\n");
        }
        fprintf(out, "</ul>\n");
    }
    /* the scenarios' bronnen, each once; a scenario without them cites its
     * free-text meta.sources */
    int any = 0;
    for (int s = 0; s < c->n_scenarios; s++) {
        const jz_scenario *sc = c->scen[s].scenario;
        any |= sc->n_bronnen > 0 || sc->meta.n_sources > 0;
    }
    if (!any)
        return;
    fprintf(out, "<h3>%s</h3>\n<ul class=\"bronnen\">\n", L(p, "Bronnen", "Sources"));
    for (int s = 0; s < c->n_scenarios; s++) {
        const jz_scenario *sc = c->scen[s].scenario;
        for (int i = 0; i < sc->n_bronnen; i++) {
            int seen = 0;
            for (int t = 0; t <= s && !seen; t++)
                for (int j = 0; j < c->scen[t].scenario->n_bronnen && !seen && !(t == s && j >= i); j++)
                    seen = same_bron(&c->scen[t].scenario->bronnen[j], &sc->bronnen[i]);
            if (!seen)
                cite(p, &sc->bronnen[i]);
        }
        if (sc->n_bronnen)
            continue;
        for (int i = 0; i < sc->meta.n_sources; i++) {
            int seen = 0;
            for (int t = 0; t <= s && !seen; t++)
                for (int j = 0; j < c->scen[t].scenario->meta.n_sources && !seen && !(t == s && j >= i); j++)
                    seen = c->scen[t].scenario->n_bronnen == 0 &&
                           strcmp(c->scen[t].scenario->meta.sources[j], sc->meta.sources[i]) == 0;
            if (seen)
                continue;
            fprintf(out, "<li>");
            esc(p, sc->meta.sources[i]);
            fprintf(out, "</li>\n");
        }
    }
    fprintf(out, "</ul>\n");
}
