/*
 * text.c - UTF-8 display width, padding and cutting (see text.h).
 */
#include <stdio.h>
#include <string.h>

#include "jzsim/taakveld.h"
#include "report/text.h"

/* A byte that starts a character (not a UTF-8 continuation byte). */
static int lead(unsigned char c) { return (c & 0xC0) != 0x80; }

int jz_text_width(const char *s)
{
    int n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        n += lead(*p);
    return n;
}

size_t jz_text_prefix(const char *s, int n)
{
    const unsigned char *p = (const unsigned char *)s;
    int chars = 0;
    for (; *p; p++)
        if (lead(*p) && chars++ == n)
            break;
    return (size_t)(p - (const unsigned char *)s);
}

/* n spaces, written in blocks: the regional table pads ~40,000 figures,
 * and fprintf's "%*s" cost more than the rest of the table (issue 17). */
static void spaces(FILE *out, int n)
{
    static const char blank[] = "                                ";
    while (n > 0) {
        int k = n < (int)sizeof blank - 1 ? n : (int)sizeof blank - 1;
        fwrite(blank, 1, (size_t)k, out);
        n -= k;
    }
}

void jz_text_pad(FILE *out, const char *s, int width, int right)
{
    int len = jz_text_width(s);
    if (len > width) {
        fwrite(s, 1, jz_text_prefix(s, width - 1), out);
        fputs("…", out);
        return;
    }
    if (right)
        spaces(out, width - len);
    fputs(s, out);
    if (!right)
        spaces(out, width - len);
}

const char *jz_text_break(const char *s, int width)
{
    const char *brk = NULL;
    int col = 0;
    for (const char *p = s; *p && col <= width; p++) {
        /* not before a word that starts with '-' ("en -plaatsing"): at the
         * start of a line it reads as a minus */
        if (*p == ' ' && p[1] != '-')
            brk = p;
        col += lead((unsigned char)*p);
    }
    return brk;
}

void jz_text_pad_figure(FILE *out, const char *s, int width)
{
    int len = jz_text_width(s);
    if (len >= width)
        fprintf(out, " %s", s);
    else
        fprintf(out, "%*s%s", width - len, "", s);
}

const char *jz_text_name_cell(FILE *out, const char *name, int namew, int gap)
{
    const char *brk = jz_text_width(name) > namew - gap ? jz_text_break(name, namew - gap) : NULL;
    if (!brk || brk == name) {
        jz_text_pad(out, name, namew, 0);
        return NULL;
    }
    fprintf(out, "%.*s%*s", (int)(brk - name), name, namew - jz_text_width(name) + jz_text_width(brk), "");
    return brk + 1;
}

void jz_text_name_rest(FILE *out, const char *rest, int namew)
{
    const int w = namew - 2;
    while (rest) {
        const char *brk = jz_text_width(rest) > w ? jz_text_break(rest, w) : NULL;
        if (!brk || brk == rest) {
            fprintf(out, "  %s\n", rest);
            return;
        }
        fprintf(out, "  %.*s\n", (int)(brk - rest), rest);
        rest = brk + 1;
    }
}

/* Print text word-wrapped at `width` display columns (UTF-8 aware). */
void jz_text_wrap(FILE *out, const char *text, int width)
{
    int col = 0;
    const char *p = text;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *e = p;
        int len = 0;
        while (*e && *e != ' ') {
            len += ((unsigned char)*e & 0xC0) != 0x80;
            e++;
        }
        if (e == p)
            break;
        if (col > 0 && col + 1 + len > width) {
            fputc('\n', out);
            col = 0;
        } else if (col > 0) {
            fputc(' ', out);
            col++;
        }
        fwrite(p, 1, (size_t)(e - p), out);
        col += len;
        p = e;
    }
    fputc('\n', out);
}

const char *jz_text_startverschil(int en)
{
    return en ? "cost minus budget in the base year" : "kosten min begroting in het basisjaar";
}

const char *jz_text_tekort_part(char *buf, size_t size, double v, const char *amount, int en)
{
    if (v == 0) {
        snprintf(buf, size, "%s", amount);
        return buf;
    }
    const char *what = v > 0 ? (en ? "a deficit of" : "een tekort van") : (en ? "a surplus of" : "een overschot van");
    snprintf(buf, size, "%s %s", what, amount);
    return buf;
}

const char *jz_text_tekort_change(char *buf, size_t size, double d, const char *amount, int en)
{
    if (d > 0)
        snprintf(buf, size, "%s %s", amount, en ? "higher" : "hoger");
    else if (d < 0)
        snprintf(buf, size, "%s %s", amount, en ? "lower" : "lager");
    else
        snprintf(buf, size, "%s", amount);
    return buf;
}

const char *jz_text_tekort_turn(double ref, double v, int en)
{
    if (ref < 0 && v > 0)
        return en ? "from a surplus to a deficit" : "van een overschot naar een tekort";
    if (ref > 0 && v < 0)
        return en ? "from a deficit to a surplus" : "van een tekort naar een overschot";
    return NULL;
}

const char *jz_text_tekort_band(char *buf, size_t size, double lo, double hi, const char *amount_lo,
                                const char *amount_hi, int en)
{
    const char *lead = en ? "Taking uncertainty into account, " : "Met de onzekerheid meegerekend ";
    const char *tail = en ? " with 90% probability." : ".";
    if (lo < 0 && hi > 0) { /* it may go either way: name each end */
        snprintf(buf, size, en ? "%sthe outcome lies between a surplus of %s and a deficit of %s%s"
                               : "%sligt de uitkomst met 90%% kans tussen een overschot van %s en een tekort van %s%s",
                 lead, amount_lo, amount_hi, tail);
        return buf;
    }
    /* all one side: name it once, the smaller amount first */
    int surplus = hi <= 0 && lo < 0;
    const char *what = surplus ? (en ? "surplus" : "overschot") : (en ? "deficit" : "tekort");
    const char *a = surplus ? amount_hi : amount_lo, *b = surplus ? amount_lo : amount_hi;
    if (strcmp(a, b) == 0) /* a band narrower than the amounts show */
        snprintf(buf, size, en ? "%sthe %s is %s%s" : "%sis het %s met 90%% kans %s%s", lead, what, a, tail);
    else
        snprintf(buf, size, en ? "%sthe %s lies between %s and %s%s" : "%sligt het %s met 90%% kans tussen %s en %s%s", lead,
                 what, a, b, tail);
    return buf;
}

const char *jz_text_taakveld_empty(char *buf, size_t size, const struct jz_taakveld_list *l, int en)
{
    size_t o = 0;
    if (size)
        buf[0] = '\0';
    for (int i = 0; i < l->n_empty && o < size; i++) {
        const char *sep = i == 0 ? (l->n_empty > 1 ? "Taakvelden " : "Taakveld ")
                          : i == l->n_empty - 1 ? (en ? " and " : " en ") : ", ";
        o += (size_t)snprintf(buf + o, size - o, "%s%s", sep, jz_taakveld_key(l->empty[i]));
    }
    if (l->n_empty && o < size)
        snprintf(buf + o, size - o, "%s",
                 en ? (l->n_empty > 1 ? " are not in the table: their care types have no cost or budget in any year "
                                        "of the model."
                                      : " is not in the table: its care types have no cost or budget in any year of "
                                        "the model.")
                    : (l->n_empty > 1 ? " staan niet in de tabel: de zorgsoorten erop hebben in het model in geen "
                                        "jaar kosten of begroting."
                                      : " staat niet in de tabel: de zorgsoorten erop hebben in het model in geen "
                                        "jaar kosten of begroting."));
    return buf;
}

const char *jz_text_taakveld_name(int code, int en)
{
    return code == JZ_TAAKVELD_OUTSIDE ? (en ? "Other" : "Overig") : jz_taakveld_key(code);
}

const char *jz_text_taakveld_outside_note(int en)
{
    return en ? "Other: what is on no taakveld (fixed cost lines without one, investments in measures, a regional "
                "settlement or lumpsum, care types without a taakveld)."
              : "Overig: wat op geen taakveld staat (vaste lasten zonder taakveld, investeringen in maatregelen, een "
                "regionale verevening of lumpsum, zorgsoorten zonder taakveld).";
}
