/*
 * reference.c - the reference table of `jzsim init`: the default zorgduur
 * and stages per zorgsoort when the controller gives no figure for them.
 *
 * No national series gives a mean duration per zorgsoort in this form (CBS
 * StatLine publishes trajectories and their ends per hulpvorm, not a mean
 * length of care), so the defaults are the ratios of the shipped Enschede
 * basis scenario (scenarios/enschede/basis.yaml), each an ASSUMPTION there
 * with its reasoning.  docs/eigen-gemeente.md prints this table; the test
 * tests/test_init.c checks that the two agree with basis.yaml.
 *
 * start_share is Enschede's clients in care on 1 January 2022 divided by its
 * unique clients of 2022 (start / (start + instroom) of the basis run), for
 * comparison with what init derives; init itself derives the split from the
 * zorgduur (steady state).
 */
#include "jzsim/derive.h"

#define ENSCHEDE "Enschede basis (2022), ASSUMPTION daar"

static const jz_derive_reference table[] = {
    {"wijkteam", "Jeugdhulp door lokaal team", "6.1", 4.0, 1, 0.0, ENSCHEDE ": evaluatie na 3 maanden"},
    {"ambulant", "Ambulante jeugdhulp", "6.72", 15.0, 2, 0.52, ENSCHEDE},
    {"daghulp", "Daghulp", "6.72", 12.0, 1, 0.46, ENSCHEDE},
    {"pleegzorg", "Pleegzorg", "6.72", 48.0, 2, 0.72, ENSCHEDE},
    {"gezinshuis", "Gezinshuis", "6.72", 36.0, 2, 0.66, ENSCHEDE},
    {"residentieel", "Residentiële jeugdhulp", "6.72", 14.0, 2, 0.45, ENSCHEDE},
    {"jeugdzorgplus", "JeugdzorgPlus (gesloten)", "6.72", 6.0, 1, 0.27, ENSCHEDE},
    {"crisis", "Crisishulp", "6.72", 1.5, 1, 0.10, ENSCHEDE},
    {"jeugdbescherming", "Jeugdbescherming (OTS, voogdij)", "6.82", 30.0, 2, 0.65, ENSCHEDE},
    {"jeugdreclassering", "Jeugdreclassering", "6.82", 9.0, 1, 0.40, ENSCHEDE},
    {"verlengde_jeugdzorg", "Verlengde jeugdzorg (18+)", "6.72", 30.0, 2, 0.62, ENSCHEDE},
};

const jz_derive_reference *jz_derive_reference_table(int *n)
{
    if (n)
        *n = (int)(sizeof table / sizeof table[0]);
    return table;
}
