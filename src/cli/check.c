/*
 * check.c: `decorum check`, one comment judged and explained for a person
 * at a terminal (or, with --json, the object `decorum score` writes).
 *
 * Output, human form:
 *
 *   reject  hateful: yes
 *   TOXICITY 0.91  SEVERE_TOXICITY 0.12  IDENTITY_ATTACK 0.88  ...
 *
 *     the comment, spans highlighted
 *
 *     12-20  "invaders"  IDENTITY_ATTACK  coded.echo  reason...
 *
 * Colour only when stdout is a terminal and NO_COLOR is unset (or with
 * --color always); otherwise spans are marked with [brackets]. The comment
 * is shown with control characters made visible: it is untrusted text and
 * must not drive the terminal.
 */
#include "cli.h"
#include "cliopt.h"
#include "decorum.h"
#include "jsonw.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PROG "decorum check"

#define C_RESET "\033[0m"
#define C_GREEN "\033[1;32m"
#define C_YELLOW "\033[1;33m"
#define C_RED "\033[1;31m"
#define C_ATTACK "\033[1;4;31m" /* bold underlined red */
#define C_MITIGATING "\033[4;36m"
#define C_DIM "\033[2m"

/* Reads all of stdin up to max bytes. Returns 0 with a malloc'd buffer, 1
 * when the input is longer (message printed), -1 on a read error. */
static int read_stdin(size_t max, char **out, size_t *out_len)
{
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    if (!buf)
        goto nomem;
    for (;;) {
        if (len == cap) {
            if (cap > max) {
                free(buf);
                fprintf(stderr,
                        "%s: the text on standard input is longer than the "
                        "limit of %zu bytes\n",
                        PROG, max);
                return 1;
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb)
                goto nomem;
            buf = nb;
            cap *= 2;
        }
        ssize_t n = read(STDIN_FILENO, buf + len, cap - len);
        if (n == 0)
            break;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fprintf(stderr, "%s: cannot read standard input: %s\n", PROG,
                    strerror(errno));
            free(buf);
            return -1;
        }
        len += (size_t)n;
    }
    *out = buf;
    *out_len = len;
    return 0;
nomem:
    free(buf);
    fprintf(stderr, "%s: out of memory\n", PROG);
    return -1;
}

/* Writes bytes for a terminal or a pager: printable text and UTF-8 as they
 * are, newlines and tabs kept when keep_lines, every other control
 * character (C0, DEL, C1) as \xHH, so no escape sequence from the comment
 * reaches the terminal. */
static void put_visible(FILE *f, const char *s, size_t n, int keep_lines)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c == '\n' || c == '\t') && keep_lines) {
            fputc(c, f);
            if (c == '\n')
                fputs("  ", f); /* keep the indent of the text block */
        } else if (c == '\n') {
            fputs("\\n", f);
        } else if (c == '\t') {
            fputs("\\t", f);
        } else if (c == '"' && !keep_lines) {
            fputs("\\\"", f);
        } else if (c == '\\' && !keep_lines) {
            fputs("\\\\", f);
        } else if (c < 0x20 || c == 0x7f) {
            fprintf(f, "\\x%02x", c);
        } else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
                   (unsigned char)s[i + 1] <= 0x9f) {
            fprintf(f, "\\u%04x", (unsigned char)s[i + 1]);
            i++;
        } else {
            fputc(c, f);
        }
    }
}

/* How a byte of the comment is covered by spans. */
enum { COVER_NONE, COVER_MITIGATING, COVER_ATTACK };

static int coverage(const decorum_result *r, size_t pos)
{
    int cov = COVER_NONE;
    for (size_t i = 0; i < r->n_spans; i++) {
        const decorum_span *sp = &r->spans[i];
        if (sp->begin <= pos && pos < sp->end) {
            if (!(sp->flags & DECORUM_SPAN_MITIGATING))
                return COVER_ATTACK;
            cov = COVER_MITIGATING;
        }
    }
    return cov;
}

/* The comment with its spans marked. Overlapping spans merge: a region is
 * shown as an attack when any attack span covers it; without colour, each
 * maximal covered run gets one pair of brackets. Boundaries are only span
 * ends, so this is O(spans^2), fine for the few spans of a comment. */
static void put_marked(FILE *f, const char *text, size_t len,
                       const decorum_result *r, int color)
{
    fputs("  ", f);
    size_t pos = 0;
    int prev = COVER_NONE;
    while (pos < len) {
        size_t next = len;
        for (size_t i = 0; i < r->n_spans; i++) {
            const decorum_span *sp = &r->spans[i];
            if (sp->begin > pos && sp->begin < next)
                next = sp->begin;
            if (sp->end > pos && sp->end < next)
                next = sp->end;
        }
        int cov = coverage(r, pos);
        int after = next < len ? coverage(r, next) : COVER_NONE;
        if (cov != COVER_NONE) {
            if (color)
                fputs(cov == COVER_ATTACK ? C_ATTACK : C_MITIGATING, f);
            else if (prev == COVER_NONE)
                fputc('[', f);
        }
        put_visible(f, text + pos, next - pos, 1);
        if (cov != COVER_NONE) {
            if (color)
                fputs(C_RESET, f);
            else if (after == COVER_NONE)
                fputc(']', f);
        }
        prev = cov;
        pos = next;
    }
    fputc('\n', f);
}

static void put_human(FILE *f, const decorum_result *r, const char *text,
                      size_t len, int color)
{
    const char *v = decorum_verdict_name(r->verdict);
    const char *vc = r->verdict == DECORUM_REJECT   ? C_RED
                     : r->verdict == DECORUM_REVIEW ? C_YELLOW
                                                    : C_GREEN;
    fprintf(f, "%s%s%s  hateful: %s\n", color ? vc : "", v ? v : "?",
            color ? C_RESET : "", r->hateful ? "yes" : "no");
    for (int a = 0; a < DECORUM_N_ATTRIBUTES; a++)
        fprintf(f, "%s%s %.2f", a ? "  " : "",
                decorum_attribute_name((decorum_attribute)a),
                (double)r->scores[a]);
    fputs("\n\n", f);
    put_marked(f, text, len, r, color);
    fputc('\n', f);
    if (r->n_spans == 0) {
        fprintf(f, "%sno spans%s\n", color ? C_DIM : "", color ? C_RESET : "");
        return;
    }
    for (size_t i = 0; i < r->n_spans; i++) {
        const decorum_span *sp = &r->spans[i];
        size_t b = sp->begin < len ? sp->begin : len;
        size_t e = sp->end < len ? sp->end : len;
        if (e < b)
            e = b;
        const char *attr = decorum_attribute_name(sp->attribute);
        const char *sig = decorum_signal_name(sp->signal);
        int mit = (sp->flags & DECORUM_SPAN_MITIGATING) != 0;
        fprintf(f, "  %zu-%zu  \"", sp->begin, sp->end);
        if (color)
            fputs(mit ? C_MITIGATING : C_ATTACK, f);
        put_visible(f, text + b, e - b, 0);
        if (color)
            fputs(C_RESET, f);
        fprintf(f, "\"  %s  %s%s  ", attr ? attr : "?", sig ? sig : "?",
                mit ? " (mitigating)" : "");
        put_visible(f, sp->reason ? sp->reason : "",
                    sp->reason ? strlen(sp->reason) : 0, 0);
        fputc('\n', f);
    }
}

static void help(void)
{
    printf("usage: decorum check [OPTIONS] [TEXT|-]\n"
           "\n"
           "Judges one comment and explains the verdict: allow, review or "
           "reject, whether\nit is hateful, the six attribute scores, and "
           "the spans of the text that\nled there. The text is TEXT, or "
           "standard input when TEXT is absent or '-'\n(one final newline "
           "is dropped).\n"
           "\n"
           "Options:\n"
           "  --parent TEXT   the comment this one replies to (context)\n"
           "  --title TEXT    the title of the article (context)\n"
           "  --json          print the JSON object `decorum score` writes, "
           "without id\n"
           "  --color WHEN    auto (default: on a terminal unless NO_COLOR "
           "is set),\n"
           "                  always or never\n" CLIOPT_ENGINE_HELP
           "  -h, --help      this help\n"
           "\n"
           "Exit status: 0 when the comment was judged (whatever the "
           "verdict), 1 when the\ntext cannot be judged (not UTF-8, too "
           "long), 2 on a usage error.\n");
}

enum { OPT_JSON = 1, OPT_PARENT, OPT_TITLE, OPT_COLOR, OPT_HELP };

int cmd_check(int argc, char **argv)
{
    static const struct cliopt_spec specs[] = {
        {"json", 0, 0, OPT_JSON},
        {"parent", 0, 1, OPT_PARENT},
        {"title", 0, 1, OPT_TITLE},
        {"color", 0, 1, OPT_COLOR},
        {"help", 'h', 0, OPT_HELP},
        CLIOPT_ENGINE_SPECS,
        {NULL, 0, 0, 0},
    };
    struct cliopt o;
    struct cliopt_engine eo = {0};
    const char *text_arg = NULL, *parent = NULL, *title = NULL, *arg;
    int json = 0, color = -1, id, rc;
    cliopt_init(&o, argc, argv, PROG, specs);
    while ((id = cliopt_next(&o, &arg)) != CLIOPT_END) {
        switch (id) {
        case CLIOPT_ERROR:
            return 2;
        case CLIOPT_OPERAND:
            if (text_arg)
                return cliopt_usage_error(
                    PROG, "one text at most (quote it: decorum check \"...\")");
            text_arg = arg;
            break;
        case OPT_JSON:
            json = 1;
            break;
        case OPT_PARENT:
            parent = arg;
            break;
        case OPT_TITLE:
            title = arg;
            break;
        case OPT_COLOR:
            if (strcmp(arg, "always") == 0)
                color = 1;
            else if (strcmp(arg, "never") == 0)
                color = 0;
            else if (strcmp(arg, "auto") == 0)
                color = -1;
            else
                return cliopt_usage_error(
                    PROG, "--color takes auto, always or never, not '%s'", arg);
            break;
        case OPT_HELP:
            help();
            return 0;
        default:
            if ((rc = cliopt_engine_option(&eo, PROG, id, arg)) != 0)
                return rc;
        }
    }
    if (color < 0) {
        const char *nc = getenv("NO_COLOR");
        color = isatty(STDOUT_FILENO) && !(nc && *nc);
    }

    char *owned = NULL;
    const char *text;
    size_t len;
    if (!text_arg || strcmp(text_arg, "-") == 0) {
        /* +2 leaves room for the final newline that gets dropped. */
        if ((rc = read_stdin(DECORUM_DEFAULT_MAX_INPUT + 2, &owned, &len)) !=
            0)
            return 1;
        if (len && owned[len - 1] == '\n')
            len--;
        if (len && owned[len - 1] == '\r')
            len--;
        text = owned;
    } else {
        text = text_arg;
        len = strlen(text_arg);
    }

    decorum_engine *eng = NULL;
    decorum_scratch *scr = NULL;
    struct jbuf out = {0};
    decorum_error err;
    if ((rc = cliopt_engine_open(&eo, PROG, &eng)) != 0)
        goto done;
    rc = 1;
    if (decorum_scratch_alloc(eng, &scr, &err) != DECORUM_OK) {
        fprintf(stderr, "%s: %s\n", PROG, err.message);
        goto done;
    }
    decorum_context ctx = {parent, parent ? strlen(parent) : 0, title,
                           title ? strlen(title) : 0, 0};
    const decorum_result *res;
    if (decorum_analyze(eng, scr, text, len, (parent || title) ? &ctx : NULL,
                        &res, &err) != DECORUM_OK) {
        fprintf(stderr, "%s: cannot judge the text: %s\n", PROG, err.message);
        goto done;
    }
    if (json) {
        if (jbuf_put(&out, "{", 1) || jsonw_result(&out, res, text, len) ||
            jbuf_put(&out, "}\n", 2)) {
            fprintf(stderr, "%s: out of memory\n", PROG);
            goto done;
        }
        fwrite(out.p, 1, out.len, stdout);
    } else {
        put_human(stdout, res, text, len, color);
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "%s: cannot write the output: %s\n", PROG,
                strerror(errno));
        goto done;
    }
    rc = 0;
done:
    jbuf_free(&out);
    decorum_scratch_free(scr);
    decorum_engine_free(eng);
    free(owned);
    return rc;
}
