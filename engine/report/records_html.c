/*
 * records_html.c - the duration curves as an HTML page: per zorgsoort the
 * Kaplan-Meier curve with its 95% band, the chosen Erlang-k and the
 * two-branch mixture (jz_svg_line_chart over months), and a table of the
 * fits.  Self-contained (no scripts, fonts or images); the same
 * suppression as every other output: a curve stops where fewer than the
 * threshold are at risk, and a zorgsoort with too few ended trajectories
 * shows no fit.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "jzsim/jzsim.h"
#include "jzsim/records.h"
#include "report/reporters.h"
#include "report/svg.h"

static const char *tr(int en, const char *nl, const char *eng) { return en ? eng : nl; }

static void fit_row(FILE *out, const char *name, const jz_duration_fit *f, int en, int chosen)
{
    char m[32], se[32], s1[32], s2[32];
    jz_lang l = en ? JZ_LANG_EN : JZ_LANG_NL;
    if (!f->ok)
        return;
    fprintf(out, "<tr%s><td>", chosen ? " class=\"total\"" : "");
    jz_html_escape(out, name);
    fprintf(out, "</td><td class=\"n\">%s &plusmn; %s</td>", jz_format_number(m, sizeof m, f->mean, 2, l),
            jz_format_number(se, sizeof se, f->se_mean, 2, l));
    if (isfinite(f->shape) && isfinite(f->se_shape))
        fprintf(out, "<td class=\"n\">%s &plusmn; %s</td>", jz_format_number(s1, sizeof s1, f->shape, 2, l),
                jz_format_number(s2, sizeof s2, f->se_shape, 2, l));
    else if (isfinite(f->shape))
        fprintf(out, "<td class=\"n\">%d</td>", (int)f->shape);
    else
        fprintf(out, "<td class=\"n\">p = %s; %s / %s</td>", jz_format_number(s1, sizeof s1, f->p, 2, l),
                jz_format_number(s2, sizeof s2, f->d1, 1, l), jz_format_number(se, sizeof se, f->d2, 1, l));
    fprintf(out, "<td class=\"n\">%s</td>", jz_format_number(m, sizeof m, f->loglik, 1, l));
    fprintf(out, "<td class=\"n\">%s</td>", jz_format_number(m, sizeof m, f->aic, 1, l));
    fprintf(out, "<td class=\"n\">%s</td></tr>\n", jz_format_number(m, sizeof m, f->ks, 3, l));
    (void)tr;
}

int jz_rep_records_html(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    const jz_records_analysis *a = x->records;
    const jz_records *r = a->rec;
    const int en = o->lang == JZ_LANG_EN;
    char w0[16], e0[16];
    fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>%s</title>\n",
            en ? "en" : "nl", tr(en, "Zorgduur uit trajectgegevens", "Duration of care from trajectory records"));
    fputs("<style>body{margin:0;background:#f4f4f2;color:#1a1a1a;font:15px/1.5 system-ui,sans-serif}"
          "main{max-width:940px;margin:0 auto;background:#fff;padding:30px 44px}"
          "h1{color:#1f3a68;font-size:25px}h2{color:#1f3a68;font-size:19px;border-bottom:1px solid #c8c8c8}"
          "table{border-collapse:collapse;width:100%;font-size:13.5px;font-variant-numeric:tabular-nums}"
          "th,td{padding:4px 8px;border-bottom:1px solid #e2e2e2}th{text-align:left;border-bottom:2px solid #888}"
          "td.n{text-align:right;white-space:nowrap}tr.total td{font-weight:600}.note{color:#555;font-size:13px}"
          ".chart{width:100%;height:auto;display:block}.chart text{fill:#222}.chart .tick{font-size:12px}"
          ".chart .unit{font-size:12px;font-weight:600}.chart .leg{font-size:12.5px}"
          ".chart .grid{stroke:#e3e3e3}.chart .zero{stroke:#555}.chart .axis{stroke:#555}"
          "section{break-inside:avoid}</style>\n</head>\n<body>\n<main>\n", out);
    fprintf(out, "<h1>%s</h1>\n<p class=\"note\">", tr(en, "Zorgduur uit trajectgegevens", "Duration of care from trajectory records"));
    jz_html_escape(out, r->path);
    fprintf(out, "; %s %s &ndash; %s; %d %s. %s %d %s; %d %s.</p>\n", tr(en, "venster", "window"),
            jz_day_format(r->window_start, w0, sizeof w0), jz_day_format(r->export_date, e0, sizeof e0), r->n,
            tr(en, "trajecten", "trajectories"),
            tr(en, "Privacy: aantallen onder de", "Privacy: counts below"), r->min_count,
            tr(en, "worden niet getoond en curves stoppen waar minder cli&euml;nten in zorg zijn",
               "are withheld and the curves stop where fewer clients are in care"),
            a->n_suppressed, tr(en, "waarden weggelaten", "values withheld"));
    fprintf(out, "<p class=\"note\">%s</p>\n",
            tr(en, "Kaplan-Meier houdt rekening met lopende trajecten (rechts gecensureerd) en met trajecten die "
                   "v&oacute;&oacute;r het venster begonnen (links afgekapt). Erlang-k en het mengsel van twee "
                   "exponenti&euml;le takken zijn met maximale aannemelijkheid geschat; &plusmn; is &eacute;&eacute;n "
                   "standaardfout. KS = grootste afstand tot de Kaplan-Meier-curve.",
               "Kaplan-Meier accounts for running trajectories (right-censored) and for trajectories that began "
               "before the window (left-truncated). Erlang-k and the two-branch exponential mixture are maximum "
               "likelihood fits; &plusmn; is one standard error. KS = largest distance to the Kaplan-Meier curve."));
    for (int z = 0; z < a->n_durations; z++) {
        const jz_duration *d = &a->durations[z];
        fputs("<section>\n<h2>", out);
        jz_html_escape(out, r->zorgsoorten[z]);
        fputs("</h2>\n", out);
        if (!d->enough || d->n_km < 2) {
            fprintf(out, "<p class=\"note\">%s</p>\n</section>\n",
                    tr(en, "Te weinig be&euml;indigde trajecten om te publiceren.", "Too few ended trajectories to publish."));
            continue;
        }
        int n = d->n_km, *months = malloc(sizeof *months * (size_t)n);
        double *v = malloc(sizeof *v * (size_t)n * 3), *band = malloc(sizeof *band * (size_t)n * 9);
        if (!months || !v || !band) {
            free(months);
            free(v);
            free(band);
            return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        }
        for (int m = 0; m < n; m++) {
            months[m] = m;
            v[m] = d->km[m];
            v[n + m] = d->km_erlang[m];
            v[2 * n + m] = d->km_mixture[m];
            for (int k = 0; k < 9; k++)
                band[m * 3 + (size_t)(k / 3) * (size_t)n * 3 + k % 3] = NAN;
            band[m * 3] = d->km_lo[m];
            band[m * 3 + 1] = d->km[m];
            band[m * 3 + 2] = d->km_hi[m];
        }
        char kname[48];
        snprintf(kname, sizeof kname, "Erlang-%d", d->best_k);
        const char *names[3] = {"Kaplan-Meier", kname, tr(en, "mengsel (2 takken)", "mixture (2 branches)")};
        int ids[3] = {0, 1, 2};
        char id[64];
        snprintf(id, sizeof id, "curve-%d", z);
        jz_chart ch = {.out = out, .lang = en ? JZ_LANG_EN : JZ_LANG_NL, .id = id,
                       .title = tr(en, "Aandeel nog in zorg na t maanden", "Share still in care after t months"),
                       .y_label = tr(en, "nog in zorg", "still in care"), .scale = 1.0, .width = 860, .height = 300};
        jz_svg_line_chart(&ch, months, n, 3, names, ids, v, band, 1);
        fprintf(out, "<p class=\"note\">%s</p>\n", tr(en, "Horizontale as: maanden sinds de start.", "Horizontal axis: months since the start."));
        free(months);
        free(v);
        free(band);
        fprintf(out, "<table><tr><th>%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th><th class=\"n\">log L</th>"
                     "<th class=\"n\">AIC</th><th class=\"n\">KS</th></tr>\n",
                tr(en, "model", "model"), tr(en, "gem. duur (mnd)", "mean (months)"), tr(en, "vorm", "shape"));
        for (int k = 1; k <= JZ_RECORDS_MAX_K; k++) {
            char nm[32];
            snprintf(nm, sizeof nm, "Erlang-%d%s", k, k == d->best_k ? tr(en, " (gekozen)", " (chosen)") : "");
            fit_row(out, nm, &d->erlang[k], en, k == d->best_k);
        }
        fit_row(out, tr(en, "gamma (vrije vorm)", "gamma (free shape)"), &d->gamma, en, 0);
        fit_row(out, tr(en, "mengsel van 2 takken", "two-branch mixture"), &d->mixture, en, 0);
        char nv[32], md[32];
        fprintf(out, "</table>\n<p class=\"note\">%s %s %s; %s %s.</p>\n</section>\n",
                tr(en, "Naief gemiddelde (alleen be&euml;indigde trajecten die in het venster begonnen):",
                   "Naive mean (ended trajectories that began in the window only):"),
                jz_format_number(nv, sizeof nv, d->naive_mean, 2, en ? JZ_LANG_EN : JZ_LANG_NL),
                tr(en, "maanden, vertekend", "months, biased"), tr(en, "mediaan (Kaplan-Meier)", "median (Kaplan-Meier)"),
                isfinite(d->km_median) ? jz_format_number(md, sizeof md, d->km_median, 1, en ? JZ_LANG_EN : JZ_LANG_NL) : "-");
    }
    fprintf(out, "<p class=\"note\">jzsim %s &middot; docs/records.md</p>\n</main>\n</body>\n</html>\n", JZSIM_VERSION);
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "could not write the HTML page");
    return JZ_OK;
}
