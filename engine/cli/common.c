/*
 * common.c - error printing, scenario loading, option parsing and report
 * writing shared by the subcommands, so that every command takes the same
 * options in the same way and says the same thing about the same mistake.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli/cli.h"
#include "common/util.h"
#include "cli/datadir.h"
#include "cli/unc_cli.h"

int cli_fail(const jz_error *err)
{
    char buf[JZ_ERR_FILE_MAX + JZ_ERR_MSG_MAX + 64];
    fprintf(stderr, "jzsim: %s\n", jz_error_format(err, buf, sizeof buf));
    return err->status == JZ_EINPUT ? EXIT_INPUT : EXIT_RUNTIME;
}

int cli_fail_input(const jz_error *err)
{
    int rc = cli_fail(err);
    /* an input that cannot be read is bad input (2) in every command */
    return err->status == JZ_EIO ? EXIT_INPUT : rc;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "jzsim %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'jzsim %s --help'.\n", cmd);
    return EXIT_INPUT;
}

void cli_warning_list(char *const *warnings, int n, int quiet)
{
    if (quiet)
        return;
    for (int i = 0; i < n; i++)
        fprintf(stderr, "jzsim: warning: %s\n", warnings[i]);
}

void cli_warnings(const jz_scenario *s, int quiet)
{
    cli_warning_list(s->warnings, s->n_warnings, quiet);
}

size_t cli_memory_limit(void)
{
    const char *v = getenv("JZSIM_MAX_MEMORY"); /* MiB; docs/scenario-format.md "Size limit" */
    char *end;
    unsigned long long mib = v ? strtoull(v, &end, 10) : 0;
    if (!v || end == v || *end || mib == 0 || mib > (SIZE_MAX >> 20))
        return JZ_MODEL_BYTES_DEFAULT;
    return (size_t)mib << 20;
}

jz_scenario *cli_load(const char *path, int *exit_code)
{
    return cli_load_with(path, NULL, exit_code);
}

void cli_gemeente_hint(const char *asked, int n, jz_gemeente_names *unit, const void *ctx, char *buf, size_t size)
{
    int at = jz_gemeente_nearest(asked, n, unit, ctx, NULL);
    buf[0] = '\0';
    if (at >= 0) {
        const char *name, *code;
        unit(ctx, at, &name, &code);
        snprintf(buf, size, "; did you mean '%s' (%s)?", name, code);
    }
}

/* The size check before any run allocates: a Monte Carlo's
 * (jz_mc_check_size, threads as asked: 0 all cores) when sp->draws; else
 * threads > 0 of `rolling` runs each (sp->rolling); else one run. */
static jz_scenario *load_checked(const char *path, const jz_load_options *opt, const cli_spec *sp, int threads,
                                 int *exit_code)
{
    jz_error err;
    char found[4096]; /* a shipped scenario under share/jzsim: cli/datadir.h */
    jz_scenario *s = jz_scenario_load(cli_find_scenario(path, found, sizeof found), opt, &err);
    if (!s) {
        *exit_code = cli_fail_input(&err);
        return NULL;
    }
    int rc;
    if (sp && sp->draws) {
        jz_mc_options mo;
        jz_mc_options_default(&mo);
        mo.threads = threads;
        rc = jz_mc_check_size(1, (const jz_scenario *const *)&s, &mo, cli_memory_limit(), &err);
    } else if (sp && sp->rolling) {
        rc = jz_model_check_size_rolling(s, threads, sp->rolling, cli_memory_limit(), &err);
    } else {
        rc = jz_model_check_size(s, cli_memory_limit(), &err);
    }
    if (rc != JZ_OK) {
        *exit_code = cli_fail(&err);
        jz_scenario_free(s);
        s = NULL;
    }
    return s;
}

jz_scenario *cli_load_with(const char *path, const jz_load_options *opt, int *exit_code)
{
    return load_checked(path, opt, NULL, 0, exit_code);
}

int cli_is_help(const char *arg)
{
    return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

int cli_opt_value(const char *cmd, int argc, char **argv, int *i, const char *name,
                  const char **value)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) != 0)
        return 0;
    if (a[n] == '=') {
        *value = a + n + 1;
        return 1;
    }
    if (a[n] != '\0')
        return 0;
    if (*i + 1 >= argc) {
        cli_usage_error(cmd, "option %s needs a value", name);
        return -1;
    }
    *value = argv[++*i];
    return 1;
}

int cli_parse_lang(const char *cmd, const char *v, jz_lang *lang)
{
    if (strcmp(v, "nl") == 0)
        *lang = JZ_LANG_NL;
    else if (strcmp(v, "en") == 0)
        *lang = JZ_LANG_EN;
    else {
        cli_usage_error(cmd, "--lang must be nl or en, got '%s'", v);
        return -1;
    }
    return 0;
}

/* --format V: a jz_format the command takes, or -1 after a usage error. */
static int parse_format(const cli_spec *sp, const char *v)
{
    int n = 0, last = 0;
    for (int f = 0; f < JZ_FORMAT_COUNT; f++)
        if (sp->formats & CLI_FORMAT(f)) {
            if (strcmp(v, jz_format_name((jz_format)f)) == 0)
                return f;
            n++;
            last = f;
        }
    if (sp->formats_said) {
        cli_usage_error(sp->cmd, "--format must be %s, got '%s'", sp->formats_said, v);
        return -1;
    }
    char list[256];
    size_t len = 0;
    list[0] = '\0';
    for (int f = 0, i = 0; f < JZ_FORMAT_COUNT && len < sizeof list; f++)
        if (sp->formats & CLI_FORMAT(f))
            len += (size_t)snprintf(list + len, sizeof list - len, "%s%s",
                                    i++ == 0 ? "" : f == last ? " or " : ", ", jz_format_name((jz_format)f));
    (void)n;
    cli_usage_error(sp->cmd, "--format must be %s, got '%s'", list, v);
    return -1;
}

/* The format an output file's name asks for (".xlsx" -> JZ_FORMAT_XLSX), or -1.
 * Without --format a report is the text table: a "vergelijking.xlsx" that
 * Excel cannot open, or a "briefing.html" without markup. */
static int format_of_name(const char *path)
{
    static const struct { const char *ext; jz_format f; } ext[] = {
        {".xlsx", JZ_FORMAT_XLSX}, {".html", JZ_FORMAT_HTML}, {".htm", JZ_FORMAT_HTML},
        {".csv", JZ_FORMAT_CSV},   {".json", JZ_FORMAT_JSON},
    };
    size_t n = strlen(path);
    for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
        size_t k = strlen(ext[i].ext);
        if (n > k && strcasecmp(path + n - k, ext[i].ext) == 0)
            return (int)ext[i].f;
    }
    return -1;
}

int cli_parse_common(const cli_spec *sp, int argc, char **argv, int *i, cli_common *co)
{
    const char *a = argv[*i], *v = NULL;
    int k;
    if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
        co->quiet = 1;
        return CLI_TAKEN;
    }
    if (sp->gemeente != CLI_GEMEENTE_NO &&
        (k = cli_opt_value(sp->cmd, argc, argv, i, "--gemeente", &co->gemeente)))
        return k;
    if (!sp->formats)
        return CLI_NOT_MINE;
    if ((k = cli_opt_value(sp->cmd, argc, argv, i, "--output", &co->output)) ||
        (k = cli_opt_value(sp->cmd, argc, argv, i, "-o", &co->output)))
        return k;
    if ((k = cli_opt_value(sp->cmd, argc, argv, i, "--format", &v))) {
        if (k < 0 || (k = parse_format(sp, v)) < 0)
            return CLI_ERROR;
        co->format = (jz_format)k;
        co->format_given = 1;
        return CLI_TAKEN;
    }
    if ((k = cli_opt_value(sp->cmd, argc, argv, i, "--lang", &v)))
        return k < 0 || cli_parse_lang(sp->cmd, v, &co->lang) ? CLI_ERROR : CLI_TAKEN;
    if ((k = cli_opt_value(sp->cmd, argc, argv, i, "--locale", &v))) {
        if (k < 0)
            return CLI_ERROR;
        if (strcmp(v, "nl") != 0 && strcmp(v, "en") != 0) {
            cli_usage_error(sp->cmd, "--locale must be nl or en, got '%s'", v);
            return CLI_ERROR;
        }
        co->locale_nl = strcmp(v, "nl") == 0;
        return CLI_TAKEN;
    }
    return CLI_NOT_MINE;
}

void cli_help(const cli_spec *sp)
{
    fputs(sp->usage, stdout);
    for (const cli_option *o = sp->options; o && o->type != CLI_OPT_END; o++) {
        if (!o->help)
            continue;
        int n = printf("  %s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
        printf("%*s", n + 2 > sp->help_col ? 2 : sp->help_col - n, "");
        for (const char *h = o->help; *h; h++) {
            putchar(*h);
            if (*h == '\n')
                printf("%*s", sp->help_col, "");
        }
        putchar('\n');
    }
    fputs(sp->trailer, stdout);
}

/* One option of spec's table at argv[*i], of the kinds read here. */
static int parse_table(const cli_spec *sp, int argc, char **argv, int *i, void *ctx)
{
    for (const cli_option *o = sp->options; o && o->type != CLI_OPT_END; o++) {
        if (o->type < CLI_OPT_STRING)
            continue;
        const char *v = NULL;
        int k = cli_opt_value(sp->cmd, argc, argv, i, o->name, &v);
        if (k <= 0) {
            if (k < 0)
                return CLI_ERROR;
            continue;
        }
        void *field = (char *)ctx + o->offset;
        long x = 0;
        switch (o->type) {
        case CLI_OPT_STRING: *(const char **)field = v; return CLI_TAKEN;
        case CLI_OPT_LONG: return unc_cli_long(sp->cmd, o->name, v, o->lo, o->hi, (long *)field) ? CLI_ERROR : CLI_TAKEN;
        case CLI_OPT_INT:
            if (unc_cli_long(sp->cmd, o->name, v, o->lo, o->hi, &x))
                return CLI_ERROR;
            *(int *)field = (int)x;
            return CLI_TAKEN;
        case CLI_OPT_SEED: return unc_cli_seed(sp->cmd, v, (unsigned long *)field) ? CLI_ERROR : CLI_TAKEN;
        case CLI_OPT_MONEY: return unc_cli_money(sp->cmd, o->name, v, (double *)field) ? CLI_ERROR : CLI_TAKEN;
        default: break;
        }
    }
    return CLI_NOT_MINE;
}

int cli_check_output(const char *cmd, const char *output, int argc, char **argv)
{
    if (!output)
        return 0;
    if (!output[0]) {
        cli_usage_error(cmd, "-o needs a file name ('-' for standard output)");
        return -1;
    }
    for (int j = 1; j < argc; j++) /* inputs: every argument that names an existing file */
        if (argv[j] != output && jz_outfile_same_file(argv[j], output)) {
            cli_usage_error(cmd, "-o %s would overwrite the input file %s", output, argv[j]);
            return -1;
        }
    return 0;
}

/* The option of sp's table nearest to arg (a typing mistake such as
 * --fromat): 1 and its name in best when one is within 2 edits. */
static int suggest_option(const cli_spec *sp, const char *arg, char *best, size_t n)
{
    char want[48];
    size_t len = strcspn(arg, "=");
    if (len >= sizeof want)
        return 0;
    memcpy(want, arg, len);
    want[len] = '\0';
    size_t bestd = 3;
    for (const cli_option *o = sp->options; o && o->type != CLI_OPT_END; o++) {
        const char *p = o->name; /* "-o, --output": each name in turn */
        while (p && *p) {
            size_t k = strcspn(p, ",");
            char name[48];
            if (k < sizeof name) {
                memcpy(name, p, k);
                name[k] = '\0';
                size_t d = jz_edit_distance(want, name);
                if (d < bestd && name[1] == '-') {
                    bestd = d;
                    snprintf(best, n, "%s", name);
                }
            }
            p += k;
            while (*p == ',' || *p == ' ')
                p++;
        }
    }
    return bestd < 3;
}

int cli_parse(const cli_spec *sp, int argc, char **argv, cli_common *co, void *ctx)
{
    memset(co, 0, sizeof *co);
    co->lang = JZ_LANG_NL;
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            if (sp->help)
                sp->help();
            else
                cli_help(sp);
            return EXIT_OK;
        }
        int k = cli_parse_common(sp, argc, argv, &i, co);
        if (k == CLI_NOT_MINE && ctx)
            k = parse_table(sp, argc, argv, &i, ctx);
        if (k == CLI_NOT_MINE && sp->own)
            k = sp->own(sp->cmd, argc, argv, &i, ctx);
        if (k == CLI_ERROR)
            return EXIT_INPUT;
        if (k == CLI_TAKEN)
            continue;
        if (argv[i][0] == '-' && argv[i][1]) {
            char best[48];
            if (suggest_option(sp, argv[i], best, sizeof best))
                return cli_usage_error(sp->cmd, "unknown option '%s'; did you mean '%s'?", argv[i], best);
            return cli_usage_error(sp->cmd, "unknown option '%s'", argv[i]);
        }
        if (co->path && !sp->many)
            return cli_usage_error(sp->cmd, "one scenario at a time%s", sp->one_hint ? sp->one_hint : "");
        if (!co->path)
            co->path = argv[i];
        if (sp->max_paths > 0) {
            if (co->n_paths == sp->max_paths || co->n_paths == CLI_MAX_PATHS)
                return cli_usage_error(sp->cmd, "at most %d scenarios", co->n_paths);
            co->paths[co->n_paths++] = argv[i];
        }
    }
    if (!co->path && !sp->max_paths)
        return cli_usage_error(sp->cmd, "%s", sp->none_said ? sp->none_said : "no scenario file given");
    if (cli_check_output(sp->cmd, co->output, argc, argv))
        return EXIT_INPUT;
    int to_file = co->output && strcmp(co->output, "-") != 0;
    if ((co->format == JZ_FORMAT_XLSX || co->format == JZ_FORMAT_HTML) && !to_file)
        return cli_usage_error(sp->cmd, "--format %s needs -o FILE", jz_format_name(co->format));
    int named = to_file && sp->formats && !sp->output_is_scenario && !co->format_given ? format_of_name(co->output) : -1;
    if (named >= 0 && (sp->formats & CLI_FORMAT(named)))
        return cli_usage_error(sp->cmd, "-o %s: without --format the file would hold the text table; "
                                        "add --format %s (or name the file .txt)", co->output, jz_format_name((jz_format)named));
    if (named >= 0)
        return cli_usage_error(sp->cmd, "-o %s: %s writes no %s, and without --format the file would hold the "
                                        "text table; name it .txt, or see --format in 'jzsim %s --help'",
                               co->output, sp->cmd, jz_format_name((jz_format)named), sp->cmd);
    return CLI_GO_ON;
}

void cli_report_options(const cli_common *co, jz_report_options *ro)
{
    jz_report_options_default(ro);
    ro->format = co->format;
    ro->lang = co->lang;
    ro->csv_nl = co->locale_nl;
}

jz_scenario *cli_load_scenario(const cli_spec *sp, const cli_common *co, int *gemeente, int *exit_code)
{
    int threads = co->threads; /* a Monte Carlo's: 0 is all cores */
    if (sp->rolling) {
        long n = co->threads > 0 ? co->threads : sysconf(_SC_NPROCESSORS_ONLN);
        threads = n < 1 ? 1 : n > 256 ? 256 : (int)n;
    }
    jz_scenario *s = load_checked(co->path, NULL, sp, threads, exit_code);
    if (!s)
        return NULL;
    cli_warnings(s, co->quiet);
    if (!co->gemeente || !gemeente || (sp->gemeente == CLI_GEMEENTE_ALL && strcmp(co->gemeente, "all") == 0))
        return s;
    int g = jz_scenario_gemeente_index(s, co->gemeente);
    if (g < 0) {
        char hint[CLI_HINT_MAX];
        cli_gemeente_hint(co->gemeente, s->n_gemeenten, jz_scenario_gemeente_names, s, hint, sizeof hint);
        *exit_code = cli_usage_error(sp->cmd, "no gemeente '%s' in %s%s", co->gemeente, co->path, hint);
        jz_scenario_free(s);
        return NULL;
    }
    *gemeente = g;
    return s;
}

int cli_write(const char *path, cli_writer writer, void *ctx)
{
    jz_error err;
    jz_error_clear(&err);
    jz_outfile of;
    int st = jz_outfile_open(&of, path, &err);
    if (st == JZ_OK) {
        st = writer(&of, ctx, &err);
        if (st == JZ_OK)
            st = jz_outfile_commit(&of, &err);
        else {
            if (!err.file[0] || strcmp(err.file, of.tmp) == 0) /* name the file the user asked for */
                snprintf(err.file, sizeof err.file, "%s", of.is_stdout ? "stdout" : of.path);
            jz_outfile_abort(&of);
        }
    }
    return st == JZ_OK ? EXIT_OK : cli_fail(&err);
}

typedef struct report_job {
    const jz_report_subject *x;
    jz_report_options *o;
} report_job;

static int write_report(jz_outfile *of, void *ctx, jz_error *err)
{
    report_job *j = ctx;
    /* libxlsxwriter writes by path: it fills the outfile's temporary file
     * (the still-open stream stays empty), which commit renames into place */
    j->o->path = of->tmp;
    return jz_report(of->fp, j->x, j->o, err);
}

int cli_report(const char *path, const jz_report_subject *x, jz_report_options *o)
{
    report_job j = {x, o};
    return cli_write(path, write_report, &j);
}
