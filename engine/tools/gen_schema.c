/*
 * gen_schema.c - jzsim-gen-schema: print the JSON Schema of scenario files.
 *
 * Made from the loader's own tables: the keys, whether each is required and
 * its description (scenario/schema.c, load_measures.c, unc_parse.c,
 * unc_corr.c), and each key's type, unit and range (scenario/schema_types.c,
 * ranges from jz_unit_range).  Exits 1 naming the key when a table key has
 * no type or a type names a key that no table has.
 *
 *   jzsim-gen-schema > docs/scenario.schema.json
 *
 * A file with `extends:` is a variant: it may leave out what its base gives,
 * so its maps are checked against the "partial." definitions (every key
 * known, none required).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "scenario/schema_types.h"
#include "scenario/value.h"

static const jz_unit units[] = {JZ_U_COUNT, JZ_U_MONEY, JZ_U_MONTHS, JZ_U_FRACTION,
                                JZ_U_RATE, JZ_U_PER_1000, JZ_U_FACTOR};

/* The name of a unit in definition names: number_<u>, series_<u>. */
static const char *unit_id(int u)
{
    switch (u) {
    case JZ_U_COUNT: return "count";
    case JZ_U_MONEY: return "money";
    case JZ_U_MONTHS: return "months";
    case JZ_U_FRACTION: return "fraction";
    case JZ_U_RATE: return "rate";
    case JZ_U_PER_1000: return "per_1000";
    case JZ_U_FACTOR: return "factor";
    case JZ_UNIT_SIGNED_MONEY: return "signed_money";
    default: return "any";
    }
}

static void json_str(const char *s)
{
    putchar('"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            printf("\\%c", c);
        else if (c == '\n')
            fputs("\\n", stdout);
        else if (c < 0x20)
            printf("\\u%04x", c);
        else
            putchar(c);
    }
    putchar('"');
}

/* A JSON number without a trailing ".000000" (1e13, 0.01, 1200). */
static void json_num(double v)
{
    printf("%.17g", v);
}

static const jz_key_table *tables;
static size_t n_tables;
static const jz_key_type *types;
static size_t n_types;

static const jz_key_table *table_named(const char *name)
{
    for (size_t i = 0; i < n_tables; i++)
        if (strcmp(tables[i].name, name) == 0)
            return &tables[i];
    return NULL;
}

static const jz_key_type *type_of(const char *table, const char *key)
{
    for (size_t i = 0; i < n_types; i++)
        if (strcmp(types[i].table, table) == 0 && strcmp(types[i].key, key) == 0)
            return &types[i];
    return NULL;
}

/* Both ways: every table key has a type, every type a table key. */
static int check_agree(void)
{
    int bad = 0;
    for (size_t t = 0; t < n_tables; t++)
        for (const jz_key *k = tables[t].keys; k->key; k++)
            if (!type_of(tables[t].name, k->key)) {
                fprintf(stderr, "jzsim-gen-schema: key '%s' of table '%s' has no type in "
                        "engine/scenario/schema_types.c\n", k->key, tables[t].name);
                bad = 1;
            }
    for (size_t i = 0; i < n_types; i++) {
        const jz_key_table *t = table_named(types[i].table);
        const jz_key *k = t ? t->keys : NULL;
        while (k && k->key && strcmp(k->key, types[i].key) != 0)
            k++;
        if (!k || !k->key) {
            fprintf(stderr, "jzsim-gen-schema: engine/scenario/schema_types.c types key '%s' of table "
                    "'%s', which the loader's table lacks\n", types[i].key, types[i].table);
            bad = 1;
        }
        if ((types[i].kind == JZ_T_MAP || types[i].kind == JZ_T_LIST || types[i].kind == JZ_T_BYNAME ||
             (types[i].kind == JZ_T_SERIES && types[i].ref)) && !table_named(types[i].ref)) {
            fprintf(stderr, "jzsim-gen-schema: %s.%s refers to an unknown table '%s'\n",
                    types[i].table, types[i].key, types[i].ref);
            bad = 1;
        }
    }
    return bad;
}

/* The number definitions: a YAML number in the unit's range, or a string
 * with the unit's suffixes (k, M, €, %) which the loader reads. */
static void def_number(int u)
{
    printf("    \"number_%s\": {\n", unit_id(u));
    const char *pat;
    if (u == JZ_U_FRACTION || u == JZ_U_RATE)
        pat = "^ *[-+]?[0-9][0-9_]*(\\\\.[0-9]+)?([eE][-+]?[0-9]+)? *%? *$";
    else if (u == JZ_U_COUNT || u == JZ_U_MONEY || u == JZ_U_FACTOR || u == JZ_UNIT_SIGNED_MONEY ||
             u == JZ_UNIT_ANY)
        pat = "^ *(€ *)?[-+]?[0-9][0-9_]*(\\\\.[0-9]+)?([eE][-+]?[0-9]+)? *[kM%]? *$";
    else
        pat = "^ *[-+]?[0-9][0-9_]*(\\\\.[0-9]+)?([eE][-+]?[0-9]+)? *$";
    if (u >= 0) {
        double lo, hi;
        int lo_open;
        jz_unit_range((jz_unit)u, &lo, &hi, &lo_open);
        printf("      \"description\": ");
        json_str(jz_unit_name((jz_unit)u));
        printf(",\n      \"anyOf\": [{\"type\": \"number\", \"%s\": ", lo_open ? "exclusiveMinimum" : "minimum");
        json_num(lo);
        if (isfinite(hi)) {
            printf(", \"maximum\": ");
            json_num(hi);
        }
        printf("},\n");
    } else {
        printf("      \"description\": \"%s\",\n      \"anyOf\": [{\"type\": \"number\"},\n",
               u == JZ_UNIT_SIGNED_MONEY ? "euros (may be negative)" : "a number in the unit of the input");
    }
    printf("                {\"type\": \"string\", \"pattern\": \"%s\"}]\n    },\n", pat);
}

/* A series: one number, a map by year, {base, growth}, or an uncertain value. */
static void def_series(int u)
{
    const char *id = unit_id(u);
    printf("    \"series_%s\": {\n      \"anyOf\": [\n", id);
    printf("        {\"$ref\": \"#/$defs/number_%s\"},\n", id);
    printf("        {\"type\": \"object\", \"description\": \"a value per year; years in between step, "
           "or interpolate with interpolation: linear\",\n"
           "         \"patternProperties\": {\"^[0-9]{4}$\": {\"$ref\": \"#/$defs/number_%s\"}},\n"
           "         \"properties\": {\"interpolation\": {\"enum\": [\"step\", \"linear\"]}, "
           "\"source\": {\"type\": \"string\"}, \"bron\": {\"type\": \"string\"}, "
           "\"label\": {\"type\": \"string\"}, \"plausible\": {\"type\": \"boolean\"}},\n"
           "         \"additionalProperties\": false},\n", id);
    printf("        {\"type\": \"object\", \"description\": \"the base-year value compounding by growth\",\n"
           "         \"required\": [\"base\"],\n"
           "         \"properties\": {\"base\": {\"$ref\": \"#/$defs/number_%s\"}, "
           "\"growth\": {\"$ref\": \"#/$defs/number_rate\"}, \"source\": {\"type\": \"string\"}, "
           "\"bron\": {\"type\": \"string\"}, \"label\": {\"type\": \"string\"}, "
           "\"plausible\": {\"type\": \"boolean\"}},\n"
           "         \"additionalProperties\": false},\n", id);
    printf("        {\"$ref\": \"#/$defs/uncertain\"}\n      ]\n    },\n");
    printf("    \"pulse_%s\": {\n      \"description\": \"one-off values by year; years not named are 0\",\n"
           "      \"anyOf\": [{\"const\": 0},\n"
           "        {\"type\": \"object\", \"patternProperties\": {\"^[0-9]{4}$\": {\"$ref\": \"#/$defs/number_%s\"}},\n"
           "         \"properties\": {\"source\": {\"type\": \"string\"}, \"bron\": {\"type\": \"string\"}, "
           "\"label\": {\"type\": \"string\"}, \"plausible\": {\"type\": \"boolean\"}},\n"
           "         \"additionalProperties\": false},\n"
           "        {\"$ref\": \"#/$defs/uncertain\"}]\n    },\n", id, id);
}

/* An uncertain input: {value, low, high} or {dist: ..., ...} (docs/uncertainty.md). */
static void def_uncertain(void)
{
    printf("    \"uncertain\": {\n      \"description\": \"an uncertain input: {value, low, high} or a "
           "distribution {dist: normal|lognormal|uniform|triangular|pert, ...}\",\n      \"anyOf\": [\n");
    const char *name;
    const jz_key *k;
    for (int kind = 0; (k = jz_unc_dist_table(kind, &name)); kind++) {
        printf("%s        {\"type\": \"object\", \"title\": \"%s\", \"properties\": {", kind ? ",\n" : "", name);
        int first = 1, n_req = 0;
        for (const jz_key *p = k; p->key; p++) {
            printf("%s\n          ", first ? "" : ",");
            first = 0;
            json_str(p->key);
            if (strcmp(p->key, "dist") == 0)
                printf(": {\"const\": \"%s\"}", name);
            else if (strcmp(p->key, "source") == 0)
                printf(": {\"type\": \"string\", \"description\": \"a source note\"}");
            else {
                printf(": {\"description\": ");
                json_str(p->hint);
                printf(", \"allOf\": [{\"$ref\": \"#/$defs/number_any\"}]}");
            }
            n_req += p->required;
        }
        printf("},\n         \"required\": [");
        first = 1;
        for (const jz_key *p = k; p->key; p++)
            if (p->required) {
                printf("%s\"%s\"", first ? "" : ", ", p->key);
                first = 0;
            }
        printf("], \"additionalProperties\": false}");
        (void)n_req;
    }
    printf("\n      ]\n    },\n");
}

/* The schema of one key's value. */
static void value_schema(const jz_key_type *t, int partial)
{
    const char *pre = partial ? "partial." : "";
    switch (t->kind) {
    case JZ_T_TEXT: printf("{\"type\": \"string\"}"); break;
    case JZ_T_BOOL: printf("{\"type\": \"boolean\"}"); break;
    case JZ_T_INT: printf("{\"type\": \"integer\", \"minimum\": %ld, \"maximum\": %ld}", t->lo, t->hi); break;
    case JZ_T_NUMBER:
        printf("{\"anyOf\": [{\"$ref\": \"#/$defs/number_%s\"}, {\"$ref\": \"#/$defs/uncertain\"}]}",
               unit_id(t->unit));
        break;
    case JZ_T_SERIES:
        if (t->ref)
            printf("{\"anyOf\": [{\"$ref\": \"#/$defs/series_%s\"}, {\"$ref\": \"#/$defs/%s%s\"}]}",
                   unit_id(t->unit), pre, t->ref);
        else
            printf("{\"$ref\": \"#/$defs/series_%s\"}", unit_id(t->unit));
        break;
    case JZ_T_PULSE: printf("{\"$ref\": \"#/$defs/pulse_%s\"}", unit_id(t->unit)); break;
    case JZ_T_MAP: printf("{\"$ref\": \"#/$defs/%s%s\"}", pre, t->ref); break;
    case JZ_T_LIST: printf("{\"type\": \"array\", \"items\": {\"$ref\": \"#/$defs/%s%s\"}}", pre, t->ref); break;
    case JZ_T_TEXTS: printf("{\"type\": \"array\", \"items\": {\"type\": \"string\"}}"); break;
    case JZ_T_BYNAME:
        printf("{\"type\": \"object\", \"additionalProperties\": {\"$ref\": \"#/$defs/%s%s\"}}", pre, t->ref);
        break;
    case JZ_T_ENUM: {
        printf("{\"enum\": [\"");
        for (const char *c = t->ref; *c; c++)
            if (*c == '|')
                printf("\", \"");
            else
                putchar(*c);
        printf("\"]}");
        break;
    }
    case JZ_T_JSON:
        if (partial && strstr(t->ref, "#/$defs/measure"))
            printf("{\"type\": \"array\", \"items\": {\"$ref\": \"#/$defs/partial.measure\"}}");
        else
            fputs(t->ref, stdout);
        break;
    }
}

/* The words a description adds after the table's hint: unit and range. */
static void describe(const jz_key *k, const jz_key_type *t)
{
    char buf[1200];
    int n = snprintf(buf, sizeof buf, "%s", k->hint);
    if ((t->kind == JZ_T_NUMBER || t->kind == JZ_T_SERIES || t->kind == JZ_T_PULSE) && t->unit >= 0) {
        double lo, hi;
        int lo_open;
        jz_unit_range((jz_unit)t->unit, &lo, &hi, &lo_open);
        n += snprintf(buf + n, sizeof buf - (size_t)n, " [%s%s: %s %g to %g]",
                      t->kind == JZ_T_SERIES ? "series, " : t->kind == JZ_T_PULSE ? "one-off values, " : "",
                      jz_unit_name((jz_unit)t->unit), lo_open ? "above" : "from", lo, hi);
    } else if (t->kind == JZ_T_INT) {
        n += snprintf(buf + n, sizeof buf - (size_t)n, " [whole number %ld to %ld]", t->lo, t->hi);
    }
    if (k->required)
        snprintf(buf + n, sizeof buf - (size_t)n, " (required)");
    json_str(buf);
}

/* The key by which a variant's list items meet the base's (extends.c):
 * key, code or id; NULL for a table whose items are not merged by key. */
static const char *has_id(const jz_key_table *tb)
{
    static const char *const ids[] = {"key", "code", "id"};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        for (const jz_key *k = tb->keys; k->key; k++)
            if (strcmp(k->key, ids[i]) == 0 && strcmp(tb->name, "top") != 0)
                return ids[i];
    return NULL;
}

static void def_table(const jz_key_table *tb, int partial, int last)
{
    printf("    \"%s%s\": {\n      \"type\": \"object\",\n      \"title\": ", partial ? "partial." : "", tb->name);
    json_str(tb->title);
    printf(",\n      \"properties\": {\n");
    for (const jz_key *k = tb->keys; k->key; k++) {
        const jz_key_type *t = type_of(tb->name, k->key);
        printf("        ");
        json_str(k->key);
        printf(": {\"description\": ");
        describe(k, t);
        printf(", \"allOf\": [");
        /* a gemeente's zorg.<key> lies over the zorgsoort's item per sub-key
         * (load_cell.c): its maps need no key the zorgsoort already gives */
        value_schema(t, partial || (strcmp(tb->name, "cell") == 0 && t->kind == JZ_T_MAP));
        printf("]}%s\n", k[1].key || (partial && (strcmp(tb->name, "top") == 0 || has_id(tb))) ? "," : "");
    }
    if (partial && has_id(tb))
        printf("        \"remove\": {\"description\": \"true: drop the base's item with this %s "
               "(the item then has only that key and remove)\", \"type\": \"boolean\"}%s\n",
               has_id(tb), strcmp(tb->name, "top") == 0 ? "," : "");
    if (partial && strcmp(tb->name, "top") == 0)
        printf("        \"extends\": {\"description\": \"the path of the base scenario, relative to this "
               "file; this file then gives only what differs\", \"type\": \"string\"}\n");
    printf("      },\n");
    if (!partial) {
        printf("      \"required\": [");
        int first = 1;
        for (const jz_key *k = tb->keys; k->key; k++)
            if (k->required) {
                printf("%s\"%s\"", first ? "" : ", ", k->key);
                first = 0;
            }
        printf("],\n");
    }
    printf("      \"additionalProperties\": false\n    }%s\n", last ? "" : ",");
}

int main(void)
{
    tables = jz_schema_tables(&n_tables);
    types = jz_schema_types(&n_types);
    if (check_agree())
        return 1;
    printf("{\n");
    printf("  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n");
    printf("  \"$id\": \"https://jzsim.example.org/scenario.schema.json\",\n");
    printf("  \"title\": \"jzsim scenario\",\n");
    printf("  \"description\": \"A jzsim scenario file (docs/scenario-format.md). Generated by "
           "jzsim-gen-schema from the loader's key tables; do not edit.\",\n");
    printf("  \"if\": {\"type\": \"object\", \"required\": [\"extends\"]},\n");
    printf("  \"then\": {\"$ref\": \"#/$defs/partial.top\"},\n");
    printf("  \"else\": {\"$ref\": \"#/$defs/top\"},\n");
    printf("  \"$defs\": {\n");
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        def_number(units[i]);
    def_number(JZ_UNIT_SIGNED_MONEY);
    def_number(JZ_UNIT_ANY);
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        def_series(units[i]);
    def_series(JZ_UNIT_SIGNED_MONEY);
    def_uncertain();
    for (int partial = 0; partial <= 1; partial++) {
        const char *pre = partial ? "partial." : "";
        /* A variant's measure without type: changes a base's measure of either kind. */
        printf("    \"%smeasure\": {\n      \"if\": {\"properties\": {\"type\": {\"const\": \"hervormingsagenda\"}}, "
               "\"required\": [\"type\"]},\n      \"then\": {\"$ref\": \"#/$defs/%smeasure_ha\"},\n"
               "      \"else\": {\"if\": {\"required\": [\"type\"]}, \"then\": {\"$ref\": \"#/$defs/%smeasure_local\"},\n"
               "               \"else\": {\"anyOf\": [{\"$ref\": \"#/$defs/%smeasure_ha\"}, "
               "{\"$ref\": \"#/$defs/%smeasure_local\"}]}}\n    },\n",
               pre, pre, pre, pre, pre);
        for (size_t i = 0; i < n_tables; i++)
            def_table(&tables[i], partial, partial && i + 1 == n_tables);
    }
    printf("  }\n}\n");
    return 0;
}
