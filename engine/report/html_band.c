/*
 * html_band.c - the briefing's chart of the clients in care at year end
 * per zorgsoort of the reference [1] with the backtest's 95% band (run and
 * compare --intervals; the band is computed in engine/analysis/intervals.c
 * and held by the comparison, this file only draws it).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "jzsim/intervals.h"
#include "report/html_page.h"
#include "report/svg.h"

int jz_html_band_section(const page *p)
{
    const jz_band *b = p->band;
    const jz_result *r = p->band_r;
    const jz_scenario *s = p->band_s;
    if (!b || !r || !s)
        return JZ_OK;
    /* the shown unit's gemeente in the reference; a region of several
     * gemeenten (g = G) has a band only from the table's TOTAL rows (a sum
     * of bands is not a band) */
    int g = p->c->units[p->u].g[0];
    if (g < 0 || g > r->n_gemeenten || (g == r->n_gemeenten && r->n_gemeenten < 2))
        return JZ_OK;
    const int Z = r->n_zorgsoorten, H = r->horizon;
    double *v = malloc((size_t)Z * (size_t)H * sizeof *v);
    double *band = malloc((size_t)Z * (size_t)H * 3 * sizeof *band);
    int *years = malloc((size_t)H * sizeof *years), *ids = malloc((size_t)Z * sizeof *ids);
    const char **names = malloc((size_t)Z * sizeof *names);
    int ok = v && band && years && ids && names, beyond = 0, any = 0;
    for (int z = 0; ok && z < Z; z++) {
        ids[z] = z + 1;
        names[z] = s->zorgsoorten[z].name;
        for (int y = 0; y < H; y++) {
            size_t k = jz_result_cz(r, g, z, y);
            v[z * H + y] = r->end[k];
            double *q = band + ((size_t)z * (size_t)H + (size_t)y) * 3;
            q[0] = b->end_lo[k];
            q[1] = isfinite(b->end_lo[k]) ? r->end[k] : NAN;
            q[2] = b->end_hi[k];
            any |= isfinite(q[0]);
            beyond |= b->beyond[k];
        }
    }
    for (int y = 0; ok && y < H; y++)
        years[y] = r->base_year + y;
    if (ok && any) {
        fprintf(p->out, "<section class=\"blk\">\n<h2>%s</h2>\n<figure>\n",
                L(p, "Cliënten in zorg met de bandbreedte uit de backtest",
                  "Clients in care with the band from the backtest"));
        jz_chart ch = {p->out, p->lang, "chart-band-end",
                       L(p, "Cliënten in zorg op 31 december per zorgsoort", "Clients in care on 31 December per care type"),
                       L(p, "cliënten", "clients"), 1.0, 840, 300, .split = b->last_year - r->base_year + 1};
        jz_svg_line_chart(&ch, years, H, Z, names, ids, v, band, 0);
        fprintf(p->out, "<figcaption class=\"note\">");
        TF(p, "De banden geven het %.0f%%-interval van de prognosefout die de backtest op elke horizon mat "
              "(waargenomen t/m %d), rond deze projectie; het is de fout van het model, niet de onzekerheid van de "
              "aannames.",
           "The bands give the %.0f%% interval of the forecast error the backtest measured at each horizon "
           "(observed up to %d), around this projection; it is the model's error, not the uncertainty of the "
           "assumptions.", 100.0 * b->level, b->last_year);
        if (p->c->n_scenarios > 1) {
            T(p, " De band staat om de referentie ", " The band is around the reference ");
            esc_numbered(p, 0);
            T(p, "; de andere scenario's zijn alternatieven, geen prognoses die de backtest toetste.",
              "; the other scenarios are alternatives, not forecasts the backtest scored.");
        }
        if (beyond)
            T(p, " Verder vooruit dan de backtest toetste staat geen band.",
              " Further ahead than the backtest scored there is no band.");
        fprintf(p->out, "</figcaption>\n</figure>\n</section>\n");
    }
    free(names);
    free(ids);
    free(years);
    free(band);
    free(v);
    return ok ? JZ_OK : JZ_ENOMEM;
}
