/*
 * text.h - display width and padding of UTF-8 text for the terminal tables
 * and the SVG labels (internal).
 *
 * Width is counted in code points, so "é" and "€" take one column, which
 * is right for the Latin text of the reports (no wide CJK characters or
 * combining marks occur in them).  Text too long for its column is cut at a
 * character boundary and ends in "…", so a table keeps its layout; a
 * zorgsoort's name in a table goes on below its row instead
 * (jz_text_name_cell), since a cut name can read as another one.
 */
#ifndef JZ_REPORT_TEXT_H
#define JZ_REPORT_TEXT_H

#include <stddef.h>
#include <stdio.h>

/* Display width of s: its number of UTF-8 code points. */
int jz_text_width(const char *s);
/* The number of bytes of the first n characters of s (all of s when it is
 * shorter, or when n < 0). */
size_t jz_text_prefix(const char *s, int n);
/* s padded with spaces to width columns, right-aligned when right; when
 * longer, its first width - 1 characters and "…". */
void jz_text_pad(FILE *out, const char *s, int width, int right);
/* A figure right-aligned in width columns with at least one space before
 * it: never cut (a cut figure would be a wrong figure); one too wide for
 * its column pushes the rest of the line to the right instead. */
void jz_text_pad_figure(FILE *out, const char *s, int width);
/* Where to break s to keep a first line within width columns: the last
 * space at or before column width that is not followed by '-' (a line
 * starting "-plaatsing)" reads as a minus), or NULL when there is none. */
const char *jz_text_break(const char *s, int width);
/* A name in a table's name column of namew: a longer one is never cut (a
 * cut name is a wrong one, "Jeugdhulp ambulant (6.7…"), but goes on at a
 * word break on the lines below its row.  jz_text_name_cell writes the
 * first line, padded to namew, and returns the rest (or NULL); gap: the
 * columns at the end of the column the name leaves blank (1 when the
 * figures after it may start without a space of their own, else 0).
 * jz_text_name_rest writes that rest after the row's newline, indented by
 * two, whole. */
const char *jz_text_name_cell(FILE *out, const char *name, int namew, int gap);
void jz_text_name_rest(FILE *out, const char *rest, int namew);
/* text word-wrapped at width display columns, ending in a newline. */
void jz_text_wrap(FILE *out, const char *text, int width);

/* What the startverschil is, in one phrase for every table that explains
 * it: "kosten min begroting in het basisjaar" (right for a budget above the
 * cost, a negative startverschil, as for one below it).  en: English. */
const char *jz_text_startverschil(int en);

/* A part of the tekort, or a change in it, said in words: a council member
 * reads "€ -2,4 mln" as nonsense.  amount: the figure written without its
 * sign (fabs(v)); the result goes into buf, which is returned.
 * jz_text_tekort_part: "een tekort van € 0,3 mln" for v > 0, "een
 * overschot van € 2,4 mln" below (en: "a deficit of", "a surplus of"), the
 * amount alone for 0 (pass 0 for a v that amount shows as zero).
 * jz_text_tekort_change: d the change in the tekort (scenario minus
 * reference, or what one cause adds to it): "€ 3,8 mln hoger" for d > 0,
 * "€ 0,5 mln lager" for d < 0, the amount alone for 0 (en: "higher",
 * "lower").  Every briefing and table that speaks of a part of the tekort
 * or of a difference in it uses these two. */
const char *jz_text_tekort_part(char *buf, size_t size, double v, const char *amount, int en);
const char *jz_text_tekort_change(char *buf, size_t size, double d, const char *amount, int en);

/* Where the tekort changes sign between the reference (ref) and a
 * scenario (v), the words that take the place of a percentage (jz_cmp_rel
 * gives none there): "van een overschot naar een tekort", "van een tekort
 * naar een overschot" (en: "from a surplus to a deficit", ...); NULL when
 * it keeps its side of 0.  Pass 0 for a figure that shows as zero. */
const char *jz_text_tekort_turn(double ref, double v, int en);

/* The 90% band (P5 lo to P95 hi) of the tekort as the summary's sentence,
 * in words a council member reads right whichever side of 0 it lies:
 * "Met de onzekerheid meegerekend ligt het tekort met 90% kans tussen € 1,0
 * mln en € 3,0 mln.", "... ligt het overschot ... tussen € 1,0 mln en € 3,0
 * mln." (the smaller amount first), "... ligt de uitkomst ... tussen een
 * overschot van € 1,0 mln en een tekort van € 2,0 mln.", and "... is het
 * tekort met 90% kans € 6,4 mln." when both ends show the same amount.
 * amount_lo / amount_hi: fabs(lo) / fabs(hi) written without a sign; pass 0
 * for an end its amount shows as zero.  en: English. */
const char *jz_text_tekort_band(char *buf, size_t size, double lo, double hi, const char *amount_lo,
                                const char *amount_hi, int en);

struct jz_taakveld_list;
/* The one line every reporter that lists taakvelden writes under them when
 * l leaves some out (jz_taakveld_list_make): "Taakveld 6.1 staat niet in de
 * tabel: ...", into buf; "" when none is left out.  Returns buf. */
const char *jz_text_taakveld_empty(char *buf, size_t size, const struct jz_taakveld_list *l, int en);
/* A taakveld row's name in every reporter's table: its Iv3 code ("6.72"),
 * or "Overig" ("Other") for JZ_TAAKVELD_OUTSIDE.  en: English. */
const char *jz_text_taakveld_name(int code, int en);
/* What that terse "Overig" holds, in one sentence, for the note under a
 * taakveld table that lists it (the briefing, the workbook's scenario
 * sheets): "Overig: wat op geen taakveld staat (...)." en: English. */
const char *jz_text_taakveld_outside_note(int en);

#endif
