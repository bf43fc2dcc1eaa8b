/*
 * lexicon.c: parses the lexicon files (docs/LEXICON.md) into a dc_lexicon.
 *
 * One entry per line, six TAB-separated columns:
 *
 *   term <TAB> kind <TAB> group <TAB> severity <TAB> flags <TAB> why
 *
 * Empty lines, lines of only spaces/tabs and lines starting with '#' are
 * skipped; a trailing CR is dropped so files edited on Windows still load.
 * Everything else is strict: a malformed line fails the whole file with
 * DECORUM_ERR_FORMAT, err->line set and a message "FILE:LINE: what is wrong",
 * because a silently skipped slur is a hole in moderation.
 *
 * Decisions the format leaves open:
 * - group "cat:a,cat:b": every category sets its bit; dc_entry.group keeps
 *   the first group name only ("ethnicity:mexican,nationality:mexican" ->
 *   "mexican"), so the rules can compare groups with one strcmp; when the
 *   column names several, dc_entry.groups keeps it whole for the few rules
 *   that need every group (a claim of membership: "wog" is a slur for
 *   Greeks too, and "as a Greek" reclaims it). The
 *   category "immigration" is accepted for "immigration_status".
 * - severity "-" is stored as 0.
 * - a term may hold a-z, 0-9, space, ' - / ( ) and non-ASCII characters,
 *   but not characters the normalizer folds away (typographic quotes and
 *   dashes, no-break and zero-width spaces): such a term could never match.
 *
 * Memory: each file is parsed twice. The first pass validates and counts;
 * then one new entry array and one new string arena are allocated for the
 * old content plus the file, the second pass fills them, and old pointers
 * are rebased into the new arena. So a failure (bad line, out of memory)
 * leaves the lexicon exactly as it was, and no pointer is ever left
 * pointing into a freed arena.
 *
 * The parser never reads data[len]: files read from disk are not
 * NUL-terminated.
 */
#include "dcx_utf8.h"
#include "decorum_int.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Hard limits, so a runaway file fails with DECORUM_ERR_TOOBIG instead of
 * exhausting memory. They are far above any real lexicon. */
#define LEX_MAX_ENTRIES (1u << 20)
#define LEX_MAX_ARENA (64u << 20)
#define LEX_MAX_FILE (16u << 20)
#define LEX_MAX_FILES 4096u
/* The matcher builds misspelling variants in fixed buffers. */
#define LEX_MAX_TERM 200u

/* A slice of the file being parsed. */
typedef struct slice {
    const char *p;
    size_t len;
} slice;

/* One parsed line; strings still point into the file. */
typedef struct rec {
    slice term, group, why; /* group: the first group name, or empty */
    slice groups; /* the whole column when it names several; else empty */
    uint8_t kind, severity;
    uint64_t flags;
    uint32_t categories;
} rec;

static const struct {
    const char *name;
    uint64_t bit;
} flag_names[] = {
    {"reclaimable", DC_F_RECLAIMABLE}, {"ambiguous", DC_F_AMBIGUOUS},
    {"nofuzzy", DC_F_NOFUZZY},         {"compound", DC_F_COMPOUND},
    {"adj", DC_F_ADJ},                 {"verb", DC_F_VERB},
    {"case", DC_F_CASE},               {"plural", DC_F_PLURAL},
    {"severe", DC_F_SEVERE},           {"noun", DC_F_NOUN},
    {"banter", DC_F_BANTER},           {"belief", DC_F_BELIEF},
    {"negated", DC_F_NEGATED},         {"copula", DC_F_COPULA},
    {"star", DC_F_STAR},               {"will", DC_F_WILL},
    {"game", DC_F_GAME},               {"own", DC_F_OWN},
    {"formula", DC_F_FORMULA},         {"event", DC_F_EVENT},
    {"judge", DC_F_JUDGE},             {"place", DC_F_PLACE},
    {"thing", DC_F_THING},             {"joke", DC_F_JOKE},
    {"sport", DC_F_SPORT},             {"oblige", DC_F_OBLIGE},
    {"scare", DC_F_SCARE},             {"backs", DC_F_BACKS},
    {"ranks", DC_F_RANKS},             {"vent", DC_F_VENT},
    {"animal", DC_F_ANIMAL},           {"wished", DC_F_WISHED},
    {"exclaim", DC_F_EXCLAIM},         {"arrival", DC_F_ARRIVAL},
    {"notperson", DC_F_NOTPERSON},     {"fade", DC_F_FADE},
    {"anaphor", DC_F_ANAPHOR},         {"groupcue", DC_F_GROUPCUE},
    {"sexage", DC_F_SEXAGE},           {"essence", DC_F_ESSENCE},
    {"verbsense", DC_F_VERBSENSE},     {"frame", DC_F_FRAME},
    /* the values of the sense field, not bits of their own */
    {"feast", (uint64_t)DC_SENSE_FEAST << DC_F_SENSE_SHIFT},
    {"welcome", (uint64_t)DC_SENSE_WELCOME << DC_F_SENSE_SHIFT},
    {"music", (uint64_t)DC_SENSE_MUSIC << DC_F_SENSE_SHIFT},
    {"mishap", (uint64_t)DC_SENSE_MISHAP << DC_F_SENSE_SHIFT},
    {"coffin", (uint64_t)DC_SENSE_COFFIN << DC_F_SENSE_SHIFT},
    {"desert", (uint64_t)DC_SENSE_DESERT << DC_F_SENSE_SHIFT},
    {"dox", (uint64_t)DC_SENSE_DOX << DC_F_SENSE_SHIFT},
    {"breed", (uint64_t)DC_SENSE_BREED << DC_F_SENSE_SHIFT},
    {"year", (uint64_t)DC_SENSE_YEAR << DC_F_SENSE_SHIFT},
    {"melon", (uint64_t)DC_SENSE_MELON << DC_F_SENSE_SHIFT},
    {"chicken", (uint64_t)DC_SENSE_CHICKEN << DC_F_SENSE_SHIFT},
    {"fate", (uint64_t)DC_SENSE_FATE << DC_F_SENSE_SHIFT},
    {"illness", (uint64_t)DC_SENSE_ILLNESS << DC_F_SENSE_SHIFT},
    {"crack", (uint64_t)DC_SENSE_CRACK << DC_F_SENSE_SHIFT},
    {"dish", (uint64_t)DC_SENSE_DISH << DC_F_SENSE_SHIFT},
    {"praise", (uint64_t)DC_SENSE_PRAISE << DC_F_SENSE_SHIFT},
    {"notice", (uint64_t)DC_SENSE_NOTICE << DC_F_SENSE_SHIFT},
    {"vice", (uint64_t)DC_SENSE_VICE << DC_F_SENSE_SHIFT},
    {"conduct", (uint64_t)DC_SENSE_CONDUCT << DC_F_SENSE_SHIFT},
    {"architect", (uint64_t)DC_SENSE_ARCHITECT << DC_F_SENSE_SHIFT},
    {"capacity", (uint64_t)DC_SENSE_CAPACITY << DC_F_SENSE_SHIFT},
    {"pattern", (uint64_t)DC_SENSE_PATTERN << DC_F_SENSE_SHIFT},
    {"shrug", (uint64_t)DC_SENSE_SHRUG << DC_F_SENSE_SHIFT},
    {"plain", (uint64_t)DC_SENSE_PLAIN << DC_F_SENSE_SHIFT},
    {"virtue", (uint64_t)DC_SENSE_VIRTUE << DC_F_SENSE_SHIFT},
    {"gallows", (uint64_t)DC_SENSE_GALLOWS << DC_F_SENSE_SHIFT},
    {"sweep", (uint64_t)DC_SENSE_SWEEP << DC_F_SENSE_SHIFT},
    {"trap", (uint64_t)DC_SENSE_TRAP << DC_F_SENSE_SHIFT},
    {"kindle", (uint64_t)DC_SENSE_KINDLE << DC_F_SENSE_SHIFT},
    {"medium", (uint64_t)DC_SENSE_MEDIUM << DC_F_SENSE_SHIFT},
    {"performer", (uint64_t)DC_SENSE_PERFORMER << DC_F_SENSE_SHIFT},
    {"tempo", (uint64_t)DC_SENSE_TEMPO << DC_F_SENSE_SHIFT},
    {"duty", (uint64_t)DC_SENSE_DUTY << DC_F_SENSE_SHIFT},
    {"skill", (uint64_t)DC_SENSE_SKILL << DC_F_SENSE_SHIFT},
    {"failing", (uint64_t)DC_SENSE_FAILING << DC_F_SENSE_SHIFT},

    {"shove", (uint64_t)DC_SENSE_SHOVE << DC_F_SENSE_SHIFT},
    {"drop", (uint64_t)DC_SENSE_DROP << DC_F_SENSE_SHIFT},
    {"leave", (uint64_t)DC_SENSE_LEAVE << DC_F_SENSE_SHIFT},
    {"board", (uint64_t)DC_SENSE_BOARD << DC_F_SENSE_SHIFT},
    {"water", (uint64_t)DC_SENSE_WATER << DC_F_SENSE_SHIFT},
    {"festive", (uint64_t)DC_SENSE_FESTIVE << DC_F_SENSE_SHIFT},
    {"team", (uint64_t)DC_SENSE_TEAM << DC_F_SENSE_SHIFT},
    {"role", (uint64_t)DC_SENSE_ROLE << DC_F_SENSE_SHIFT},
    {"fright", (uint64_t)DC_SENSE_FRIGHT << DC_F_SENSE_SHIFT},
    {"ware", (uint64_t)DC_SENSE_WARE << DC_F_SENSE_SHIFT},
    {"wink", (uint64_t)DC_SENSE_WINK << DC_F_SENSE_SHIFT},
    {"kin", (uint64_t)DC_SENSE_KIN << DC_F_SENSE_SHIFT},
    {"sector", (uint64_t)DC_SENSE_SECTOR << DC_F_SENSE_SHIFT},
    {"stance", (uint64_t)DC_SENSE_STANCE << DC_F_SENSE_SHIFT},
    {"det", (uint64_t)DC_SENSE_DET << DC_F_SENSE_SHIFT},
    {"quant", (uint64_t)DC_SENSE_QUANT << DC_F_SENSE_SHIFT},
    {"head", (uint64_t)DC_SENSE_HEAD << DC_F_SENSE_SHIFT},
    {"lead", (uint64_t)DC_SENSE_LEAD << DC_F_SENSE_SHIFT},
    {"tag", (uint64_t)DC_SENSE_TAG << DC_F_SENSE_SHIFT},
    {"laugh", (uint64_t)DC_SENSE_LAUGH << DC_F_SENSE_SHIFT},
    {"ask", (uint64_t)DC_SENSE_ASK << DC_F_SENSE_SHIFT},
    {"answer", (uint64_t)DC_SENSE_ANSWER << DC_F_SENSE_SHIFT},
    {"bound", (uint64_t)DC_SENSE_BOUND << DC_F_SENSE_SHIFT},
    {"speech", (uint64_t)DC_SENSE_SPEECH << DC_F_SENSE_SHIFT},
    {"culture", (uint64_t)DC_SENSE_CULTURE << DC_F_SENSE_SHIFT},
    {"body", (uint64_t)DC_SENSE_BODY << DC_F_SENSE_SHIFT},
    {"hater", (uint64_t)DC_SENSE_HATER << DC_F_SENSE_SHIFT},
    {"kennel", (uint64_t)DC_SENSE_KENNEL << DC_F_SENSE_SHIFT},
    {"grapple", (uint64_t)DC_SENSE_GRAPPLE << DC_F_SENSE_SHIFT},
    {"pet", (uint64_t)DC_SENSE_PET << DC_F_SENSE_SHIFT},
    {"earthwork", (uint64_t)DC_SENSE_EARTHWORK << DC_F_SENSE_SHIFT},
    {"wild", (uint64_t)DC_SENSE_WILD << DC_F_SENSE_SHIFT},
    {"poll", (uint64_t)DC_SENSE_POLL << DC_F_SENSE_SHIFT},
    {"chant", (uint64_t)DC_SENSE_CHANT << DC_F_SENSE_SHIFT},
    {"wish", (uint64_t)DC_SENSE_WISH << DC_F_SENSE_SHIFT},
    {"part", (uint64_t)DC_SENSE_PART << DC_F_SENSE_SHIFT},
    {"prep", (uint64_t)DC_SENSE_PREP << DC_F_SENSE_SHIFT},
    {"owner", (uint64_t)DC_SENSE_OWNER << DC_F_SENSE_SHIFT},
    {"need", (uint64_t)DC_SENSE_NEED << DC_F_SENSE_SHIFT},
    {"belong", (uint64_t)DC_SENSE_BELONG << DC_F_SENSE_SHIFT},
    {"damn", (uint64_t)DC_SENSE_DAMN << DC_F_SENSE_SHIFT},
    {"refuse", (uint64_t)DC_SENSE_REFUSE << DC_F_SENSE_SHIFT},
    {"wanter", (uint64_t)DC_SENSE_WANTER << DC_F_SENSE_SHIFT},
    {"nearby", (uint64_t)DC_SENSE_NEARBY << DC_F_SENSE_SHIFT},
    {"placeprep", (uint64_t)DC_SENSE_PLACEPREP << DC_F_SENSE_SHIFT},
    {"placeowner", (uint64_t)DC_SENSE_PLACEOWNER << DC_F_SENSE_SHIFT},
    {"befall", (uint64_t)DC_SENSE_BEFALL << DC_F_SENSE_SHIFT},
    {"whom", (uint64_t)DC_SENSE_WHOM << DC_F_SENSE_SHIFT},
    {"get", (uint64_t)DC_SENSE_GET << DC_F_SENSE_SHIFT},
    {"getobj", (uint64_t)DC_SENSE_GETOBJ << DC_F_SENSE_SHIFT},
    {"may", (uint64_t)DC_SENSE_MAY << DC_F_SENSE_SHIFT},
    {"doer", (uint64_t)DC_SENSE_DOER << DC_F_SENSE_SHIFT},
    {"notgerund", (uint64_t)DC_SENSE_NOTGERUND << DC_F_SENSE_SHIFT},
    {"ought", (uint64_t)DC_SENSE_OUGHT << DC_F_SENSE_SHIFT},
    {"iwill", (uint64_t)DC_SENSE_IWILL << DC_F_SENSE_SHIFT},
    {"self", (uint64_t)DC_SENSE_SELF << DC_F_SENSE_SHIFT},
    {"future", (uint64_t)DC_SENSE_FUTURE << DC_F_SENSE_SHIFT},
    {"pride", (uint64_t)DC_SENSE_PRIDE << DC_F_SENSE_SHIFT},
    {"sexed", (uint64_t)DC_SENSE_SEXED << DC_F_SENSE_SHIFT},
    {"worship", (uint64_t)DC_SENSE_WORSHIP << DC_F_SENSE_SHIFT},
    {"numbered", (uint64_t)DC_SENSE_NUMBERED << DC_F_SENSE_SHIFT},
    {"gift", (uint64_t)DC_SENSE_GIFT << DC_F_SENSE_SHIFT},
    {"menace", (uint64_t)DC_SENSE_MENACE << DC_F_SENSE_SHIFT},
    {"arena", (uint64_t)DC_SENSE_ARENA << DC_F_SENSE_SHIFT},
    {"troupe", (uint64_t)DC_SENSE_TROUPE << DC_F_SENSE_SHIFT},
    {"company", (uint64_t)DC_SENSE_COMPANY << DC_F_SENSE_SHIFT},
    {"fatewhose", (uint64_t)DC_SENSE_FATEWHOSE << DC_F_SENSE_SHIFT},
    {"fateguard", (uint64_t)DC_SENSE_FATEGUARD << DC_F_SENSE_SHIFT},
    {"fatecause", (uint64_t)DC_SENSE_FATECAUSE << DC_F_SENSE_SHIFT},
    {"fateerrand", (uint64_t)DC_SENSE_FATEERRAND << DC_F_SENSE_SHIFT},
    {"rolepost", (uint64_t)DC_SENSE_ROLEPOST << DC_F_SENSE_SHIFT},
    {"roleown", (uint64_t)DC_SENSE_ROLEOWN << DC_F_SENSE_SHIFT},
    {"rolemoment", (uint64_t)DC_SENSE_ROLEMOMENT << DC_F_SENSE_SHIFT},
    {"roleing", (uint64_t)DC_SENSE_ROLEING << DC_F_SENSE_SHIFT},
    {"rolepower", (uint64_t)DC_SENSE_ROLEPOWER << DC_F_SENSE_SHIFT},
    {"rolerace", (uint64_t)DC_SENSE_ROLERACE << DC_F_SENSE_SHIFT},
    {"roleburden", (uint64_t)DC_SENSE_ROLEBURDEN << DC_F_SENSE_SHIFT},
    {"met", (uint64_t)DC_SENSE_MET << DC_F_SENSE_SHIFT},
    {"metone", (uint64_t)DC_SENSE_METONE << DC_F_SENSE_SHIFT},
    {"metrel", (uint64_t)DC_SENSE_METREL << DC_F_SENSE_SHIFT},
    {"metdenied", (uint64_t)DC_SENSE_METDENIED << DC_F_SENSE_SHIFT},
    {"mettold", (uint64_t)DC_SENSE_METTOLD << DC_F_SENSE_SHIFT},
    {"methated", (uint64_t)DC_SENSE_METHATED << DC_F_SENSE_SHIFT},
    {"itnext", (uint64_t)DC_SENSE_ITNEXT << DC_F_SENSE_SHIFT},
    {"showdet", (uint64_t)DC_SENSE_SHOWDET << DC_F_SENSE_SHIFT},
    {"showdoer", (uint64_t)DC_SENSE_SHOWDOER << DC_F_SENSE_SHIFT},
    {"edge", (uint64_t)DC_SENSE_EDGE << DC_F_SENSE_SHIFT},
    {"show", (uint64_t)DC_SENSE_SHOW << DC_F_SENSE_SHIFT},
    {"blame", (uint64_t)DC_SENSE_BLAME << DC_F_SENSE_SHIFT},
    {"comrade", (uint64_t)DC_SENSE_COMRADE << DC_F_SENSE_SHIFT},
    {"subject", (uint64_t)DC_SENSE_SUBJECT << DC_F_SENSE_SHIFT},
    {"bill", (uint64_t)DC_SENSE_BILL << DC_F_SENSE_SHIFT},
    {"doubt", (uint64_t)DC_SENSE_DOUBT << DC_F_SENSE_SHIFT},
    {"stage", (uint64_t)DC_SENSE_STAGE << DC_F_SENSE_SHIFT},
    {"known", (uint64_t)DC_SENSE_KNOWN << DC_F_SENSE_SHIFT},
    {"everyday", (uint64_t)DC_SENSE_EVERYDAY << DC_F_SENSE_SHIFT},
    {"garment", (uint64_t)DC_SENSE_GARMENT << DC_F_SENSE_SHIFT},
    {"residence", (uint64_t)DC_SENSE_RESIDENCE << DC_F_SENSE_SHIFT},
};

const char *dc_sense_name(unsigned sense)
{
    /* a sense is a value of the field, not a bit: only an exact match of
     * the whole field names it (the field's bits hold no flag of their
     * own) */
    if (sense == 0 || sense >= DC_SENSE_N_)
        return "?";
    uint64_t v = (uint64_t)sense << DC_F_SENSE_SHIFT;
    for (size_t k = 0; k < sizeof flag_names / sizeof flag_names[0]; k++)
        if (flag_names[k].bit == v)
            return flag_names[k].name;
    return "?";
}

/* Does s spell lit? Most calls compare against a list of names and fail
 * on the first byte, so no strlen. Never reads lit past its NUL, even when
 * s holds NUL bytes (fuzz_lexicon found strncmp's version did). */
static bool slice_is(slice s, const char *lit)
{
    size_t i = 0;
    for (; i < s.len; i++)
        if (lit[i] != s.p[i] || lit[i] == '\0')
            return false;
    return lit[i] == '\0';
}

/* Reports a bad line: "name:line: message". */
__attribute__((format(printf, 5, 6))) static decorum_status
bad_line(decorum_error *err, const char *name, size_t line, size_t pos,
         const char *fmt, ...)
{
    if (!err)
        return DECORUM_ERR_FORMAT;
    char msg[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    dc_fail(err, DECORUM_ERR_FORMAT, pos, "%s:%zu: %s", name, line, msg);
    err->line = line;
    return DECORUM_ERR_FORMAT;
}

/* Characters the normalizer never leaves in its output, so a term holding
 * one could not match: typographic quotes and dashes, spaces other than
 * U+0020, zero-width characters, and the byte-order mark. */
static bool folded_away(uint32_t cp)
{
    return cp == 0x00a0 || cp == 0x00ad || (cp >= 0x2000 && cp <= 0x200f) ||
           (cp >= 0x2010 && cp <= 0x2015) || (cp >= 0x2018 && cp <= 0x201f) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x2060 ||
           cp == 0xfeff;
}

static decorum_status check_term(slice t, const char *name, size_t line,
                                 size_t pos, decorum_error *err)
{
    if (t.len == 0)
        return bad_line(err, name, line, pos, "empty term");
    if (t.len > LEX_MAX_TERM)
        return bad_line(err, name, line, pos,
                        "term is %zu bytes; the limit is %u", t.len,
                        LEX_MAX_TERM);
    if (t.p[0] == ' ' || t.p[t.len - 1] == ' ')
        return bad_line(err, name, line, pos,
                        "term \"%.*s\" is not normalized: leading or "
                        "trailing space",
                        (int)t.len, t.p);
    for (size_t i = 0; i < t.len;) {
        unsigned char c = (unsigned char)t.p[i];
        if (c >= 0x80) {
            uint32_t cp = 0;
            size_t n = dc_utf8_decode((const unsigned char *)t.p + i,
                                      t.len - i, &cp);
            if (n == 0)
                return bad_line(err, name, line, pos + i,
                                "term is not valid UTF-8 at byte %zu", i);
            if (folded_away(cp))
                return bad_line(err, name, line, pos + i,
                                "term \"%.*s\" is not normalized: U+%04X "
                                "never survives normalization (use ASCII ' "
                                "- or a plain space)",
                                (int)t.len, t.p, (unsigned)cp);
            i += n;
            continue;
        }
        if (c >= 'A' && c <= 'Z')
            return bad_line(err, name, line, pos + i,
                            "term \"%.*s\" is not normalized: upper-case "
                            "'%c'",
                            (int)t.len, t.p, c);
        if (c == ' ' && t.p[i + 1] == ' ') /* i + 1 < len: no trailing ' ' */
            return bad_line(err, name, line, pos + i,
                            "term \"%.*s\" is not normalized: two spaces in "
                            "a row",
                            (int)t.len, t.p);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ' ||
              c == '\'' || c == '-' || c == '/' || c == '(' || c == ')')) {
            if (c < 0x20 || c == 0x7f)
                return bad_line(err, name, line, pos + i,
                                "control character 0x%02x in the term", c);
            return bad_line(err, name, line, pos + i,
                            "character '%c' is not allowed in a term "
                            "(a-z 0-9 space ' - / ( ) and non-ASCII only)",
                            c);
        }
        i++;
    }
    return DECORUM_OK;
}

static decorum_status parse_kind(slice s, uint8_t *kind, const char *name,
                                 size_t line, size_t pos, decorum_error *err)
{
    for (int k = 0; k < DC_N_KINDS; k++) {
        if (slice_is(s, dc_kind_name((dc_kind)k))) {
            *kind = (uint8_t)k;
            return DECORUM_OK;
        }
    }
    return bad_line(err, name, line, pos, "unknown kind \"%.*s\"", (int)s.len,
                    s.p);
}

bool dc_category_of(const char *name, size_t len, uint32_t *bit)
{
    slice s = {name, len};
    for (int c = 0; c < DECORUM_N_CATEGORIES; c++) {
        if (slice_is(s, decorum_category_name((decorum_category)c))) {
            *bit = 1u << c;
            return true;
        }
    }
    /* docs/LEXICON.md spells it "immigration". */
    if (slice_is(s, "immigration")) {
        *bit = 1u << DECORUM_CATEGORY_IMMIGRATION;
        return true;
    }
    return false;
}

/* "-" or "cat:group[,cat:group...]". */
static decorum_status parse_group(slice s, rec *r, const char *name,
                                  size_t line, size_t pos, decorum_error *err)
{
    r->categories = 0;
    r->group.p = s.p;
    r->group.len = 0;
    r->groups.p = s.p;
    r->groups.len = 0;
    if (slice_is(s, "-"))
        return DECORUM_OK;
    size_t i = 0;
    for (;;) {
        size_t start = i;
        while (i < s.len && s.p[i] != ',')
            i++;
        slice item = {s.p + start, i - start};
        const char *colon = memchr(item.p, ':', item.len);
        if (!colon)
            return bad_line(err, name, line, pos + start,
                            "bad group \"%.*s\": expected category:group or -",
                            (int)item.len, item.p);
        slice cat = {item.p, (size_t)(colon - item.p)};
        slice grp = {colon + 1, item.len - cat.len - 1};
        uint32_t bit = 0;
        if (!dc_category_of(cat.p, cat.len, &bit))
            return bad_line(err, name, line, pos + start,
                            "unknown category \"%.*s\"", (int)cat.len, cat.p);
        if (grp.len == 0)
            return bad_line(err, name, line, pos + start,
                            "empty group name after \"%.*s:\"", (int)cat.len,
                            cat.p);
        for (size_t j = 0; j < grp.len; j++) {
            char c = grp.p[j];
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-'))
                return bad_line(err, name, line, pos + start,
                                "bad group name \"%.*s\" (a-z 0-9 _ - only)",
                                (int)grp.len, grp.p);
        }
        r->categories |= bit;
        if (r->group.len == 0)
            r->group = grp;
        else
            r->groups = s;
        if (i == s.len)
            return DECORUM_OK;
        i++; /* the ',' */
    }
}

static decorum_status parse_flags(slice s, uint64_t *flags, const char *name,
                                  size_t line, size_t pos, decorum_error *err)
{
    *flags = 0;
    if (slice_is(s, "-"))
        return DECORUM_OK;
    size_t i = 0;
    for (;;) {
        size_t start = i;
        while (i < s.len && s.p[i] != ',')
            i++;
        slice f = {s.p + start, i - start};
        if (f.len == 0)
            return bad_line(err, name, line, pos + start,
                            "empty flag name in \"%.*s\"", (int)s.len, s.p);
        uint64_t bit = 0;
        for (size_t k = 0; k < sizeof flag_names / sizeof flag_names[0]; k++)
            if (slice_is(f, flag_names[k].name))
                bit = flag_names[k].bit;
        if (!bit)
            return bad_line(err, name, line, pos + start,
                            "unknown flag \"%.*s\"", (int)f.len, f.p);
        /* (a sense is a value of several bits, not a bit: "music" and
         * "feast" share one, so the same sense twice is told apart from
         * two senses by the value) */
        if ((bit & DC_F_SENSE) ? (*flags & DC_F_SENSE) == bit : (*flags & bit))
            return bad_line(err, name, line, pos + start,
                            "flag \"%.*s\" given twice", (int)f.len, f.p);
        if ((bit & DC_F_SENSE) && (*flags & DC_F_SENSE))
            return bad_line(err, name, line, pos + start,
                            "flag \"%.*s\": one everyday sense per entry",
                            (int)f.len, f.p);
        *flags |= bit;
        if (i == s.len)
            return DECORUM_OK;
        i++;
    }
}

/* Parses one non-comment line data[off, off + len). */
static decorum_status parse_line(const char *data, size_t off, size_t len,
                                 const char *name, size_t line, rec *r,
                                 decorum_error *err)
{
    slice col[6];
    size_t col_off[6];
    size_t ncol = 0, start = 0;
    const char *p = data + off;
    for (;;) {
        const char *tab = memchr(p + start, '\t', len - start);
        size_t i = tab ? (size_t)(tab - p) : len;
        if (ncol < 6) {
            col[ncol].p = p + start;
            col[ncol].len = i - start;
            col_off[ncol] = off + start;
        }
        ncol++;
        if (!tab)
            break;
        start = i + 1;
    }
    if (ncol != 6)
        return bad_line(err, name, line, off,
                        "expected 6 TAB-separated columns (term kind group "
                        "severity flags why), found %zu",
                        ncol);
    decorum_status st = check_term(col[0], name, line, col_off[0], err);
    if (st != DECORUM_OK)
        return st;
    r->term = col[0];
    if ((st = parse_kind(col[1], &r->kind, name, line, col_off[1], err)) !=
            DECORUM_OK ||
        (st = parse_group(col[2], r, name, line, col_off[2], err)) !=
            DECORUM_OK)
        return st;
    slice sev = col[3];
    if (slice_is(sev, "-"))
        r->severity = 0;
    else if (sev.len == 1 && sev.p[0] >= '1' && sev.p[0] <= '3')
        r->severity = (uint8_t)(sev.p[0] - '0');
    else
        return bad_line(err, name, line, col_off[3],
                        "bad severity \"%.*s\": expected 1, 2, 3 or -",
                        (int)sev.len, sev.p);
    if ((st = parse_flags(col[4], &r->flags, name, line, col_off[4], err)) !=
        DECORUM_OK)
        return st;
    slice why = col[5];
    if (why.len == 0)
        return bad_line(err, name, line, col_off[5],
                        "empty why column: say why the entry is here");
    for (size_t i = 0; i < why.len;) {
        unsigned char c = (unsigned char)why.p[i];
        if (c >= 0x20 && c < 0x7f) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = dc_utf8_decode((const unsigned char *)why.p + i,
                                  why.len - i, &cp);
        if (n == 0 || cp < 0x20 || cp == 0x7f)
            return bad_line(err, name, line, col_off[5] + i,
                            "why column: invalid UTF-8 or control character "
                            "at byte %zu",
                            i);
        i += n;
    }
    r->why = why;
    return DECORUM_OK;
}

/* Calls visit() for every entry line of data, in order. Stops at the first
 * failure. A line is data[off, off + len) without its '\n' (and CR). */
typedef decorum_status (*visit_fn)(void *ctx, const rec *r, size_t line);

static decorum_status each_line(const char *name, const char *data, size_t len,
                                visit_fn visit, void *ctx, decorum_error *err)
{
    size_t line = 0;
    for (size_t off = 0; off < len;) {
        line++;
        const char *nl = memchr(data + off, '\n', len - off);
        size_t end = nl ? (size_t)(nl - data) : len;
        size_t next = nl ? end + 1 : len;
        size_t l = end - off;
        if (l > 0 && data[off + l - 1] == '\r')
            l--;
        bool blank = true;
        for (size_t i = 0; i < l && blank; i++)
            blank = data[off + i] == ' ' || data[off + i] == '\t';
        if (!blank && data[off] != '#') {
            rec r;
            decorum_status st = parse_line(data, off, l, name, line, &r, err);
            if (st == DECORUM_OK)
                st = visit(ctx, &r, line);
            if (st != DECORUM_OK)
                return st;
        }
        off = next;
    }
    return DECORUM_OK;
}

/* Pass 1: counts entries and arena bytes. */
typedef struct count_ctx {
    size_t entries, bytes;
} count_ctx;

static decorum_status count_visit(void *ctx, const rec *r, size_t line)
{
    count_ctx *c = ctx;
    (void)line;
    c->entries++;
    /* Each string is at most a line long, and lines fit in size_t: the sum
     * is checked against the arena limit by the caller, per line here so it
     * cannot wrap. */
    c->bytes += r->term.len + r->group.len + r->why.len + 3;
    if (r->groups.len)
        c->bytes += r->groups.len + 1;
    if (c->bytes > LEX_MAX_ARENA)
        return DECORUM_ERR_TOOBIG;
    return DECORUM_OK;
}

/* Pass 2: copies entries into the new arrays. */
typedef struct fill_ctx {
    dc_entry *e;   /* next entry to fill */
    char *s;       /* next free arena byte */
    const char *file;
} fill_ctx;

static const char *put(fill_ctx *f, slice s)
{
    char *d = f->s;
    if (s.len)
        memcpy(d, s.p, s.len);
    d[s.len] = '\0';
    f->s += s.len + 1;
    return d;
}

/* A string's length for dc_entry, cut to what 16 bits hold. */
static uint16_t len16(size_t n)
{
    return (uint16_t)(n < UINT16_MAX ? n : UINT16_MAX);
}

static decorum_status fill_visit(void *ctx, const rec *r, size_t line)
{
    fill_ctx *f = ctx;
    dc_entry *e = f->e++;
    e->term = put(f, r->term);
    e->term_len = (uint32_t)r->term.len;
    e->kind = r->kind;
    e->severity = r->severity;
    e->flags = r->flags;
    e->categories = r->categories;
    e->group = put(f, r->group);
    /* (one group: its name's NUL is the empty list) */
    e->groups = r->groups.len ? put(f, r->groups) : e->group + r->group.len;
    e->why = put(f, r->why);
    e->group_len = len16(r->group.len);
    e->why_len = len16(r->why.len);
    e->file = f->file;
    e->line = line > UINT32_MAX ? UINT32_MAX : (uint32_t)line;
    return DECORUM_OK;
}

static const char *rebase(const char *p, const char *old, char *new_arena)
{
    return new_arena + (p - old);
}

/* The end of both loaders: on success (st is DECORUM_OK) lx takes
 * entries[n] and arena[size], which its old content must already have
 * been moved to or freed from; on failure they are freed. Returns st. */
static decorum_status install(const dc_alloc *al, dc_lexicon *lx,
                              decorum_status st, dc_entry *entries, size_t n,
                              char *arena, size_t size)
{
    if (st != DECORUM_OK) {
        dc_free(al, entries, n * sizeof *entries);
        dc_free(al, arena, size);
        return st;
    }
    lx->entries = entries;
    lx->n = n;
    lx->strings = arena;
    lx->strings_size = size;
    lx->borrowed = false;
    return DECORUM_OK;
}

/* Frees lx's arena unless it is borrowed from the built-in image. */
static void strings_free(const dc_alloc *al, dc_lexicon *lx)
{
    if (!lx->borrowed)
        dc_free(al, lx->strings, lx->strings_size);
}

decorum_status dc_lexicon_parse(const dc_alloc *al, dc_lexicon *lx,
                                const char *name, const char *data,
                                size_t len, decorum_error *err)
{
    if (!al || !lx || !name || (!data && len))
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "dc_lexicon_parse: NULL argument");
    count_ctx c = {0, 0};
    decorum_status st = each_line(name, data, len, count_visit, &c, err);
    if (st == DECORUM_ERR_TOOBIG)
        return dc_fail(err, st, (size_t)-1,
                       "%s: lexicon strings exceed %u bytes", name,
                       LEX_MAX_ARENA);
    if (st != DECORUM_OK)
        return st;
    if (c.entries == 0)
        return DECORUM_OK;

    dc_entry *entries = NULL;
    char *arena = NULL;
    size_t name_len = strlen(name);
    size_t n = lx->n + c.entries;
    /* strings_size and c.bytes are at most LEX_MAX_ARENA and name is a
     * string in memory, so the sum cannot wrap. */
    size_t size = lx->strings_size + c.bytes + name_len + 1;
    if (n > LEX_MAX_ENTRIES || c.entries > LEX_MAX_ENTRIES) {
        st = dc_fail(err, DECORUM_ERR_TOOBIG, (size_t)-1,
                     "%s: more than %u lexicon entries", name,
                     LEX_MAX_ENTRIES);
        goto done;
    }
    if (lx->strings_size > LEX_MAX_ARENA || name_len > LEX_MAX_ARENA ||
        size > LEX_MAX_ARENA) {
        st = dc_fail(err, DECORUM_ERR_TOOBIG, (size_t)-1,
                     "%s: lexicon strings exceed %u bytes", name,
                     LEX_MAX_ARENA);
        goto done;
    }
    entries = dc_calloc(al, n, sizeof *entries);
    arena = dc_malloc(al, size);
    if (!entries || !arena) {
        st = dc_fail(err, DECORUM_ERR_NOMEM, (size_t)-1,
                     "%s: out of memory", name);
        goto done;
    }
    char *file = arena + lx->strings_size;
    memcpy(file, name, name_len + 1);
    fill_ctx f = {entries + lx->n, file + name_len + 1, file};
    st = each_line(name, data, len, fill_visit, &f, err);
    if (st != DECORUM_OK) /* pass 1 accepted every line: cannot happen */
        goto done;

    /* Commit: move the old content over and rebase its pointers. */
    if (lx->strings_size)
        memcpy(arena, lx->strings, lx->strings_size);
    for (size_t i = 0; i < lx->n; i++) {
        dc_entry *e = &entries[i];
        *e = lx->entries[i];
        e->term = rebase(e->term, lx->strings, arena);
        e->group = rebase(e->group, lx->strings, arena);
        e->groups = rebase(e->groups, lx->strings, arena);
        e->why = rebase(e->why, lx->strings, arena);
        e->file = rebase(e->file, lx->strings, arena);
    }
    dc_free(al, lx->entries, lx->n * sizeof *lx->entries);
    strings_free(al, lx);
done: /* success falls through: st is DECORUM_OK */
    return install(al, lx, st, entries, n, arena, size);
}

/* Reads a whole file through the engine allocator. */
static decorum_status read_file(const dc_alloc *al, const char *path,
                                char **out, size_t *out_len,
                                decorum_error *err)
{
    char *buf = NULL;
    size_t size = 0;
    decorum_status st;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return dc_fail(err, DECORUM_ERR_IO, (size_t)-1, "%s: %s", path,
                       strerror(errno));
    struct stat sb;
    if (fstat(fd, &sb) != 0) {
        st = dc_fail(err, DECORUM_ERR_IO, (size_t)-1, "%s: %s", path,
                     strerror(errno));
        goto fail;
    }
    if (!S_ISREG(sb.st_mode)) {
        st = dc_fail(err, DECORUM_ERR_IO, (size_t)-1,
                     "%s: not a regular file", path);
        goto fail;
    }
    if (sb.st_size < 0 || (uintmax_t)sb.st_size > LEX_MAX_FILE) {
        st = dc_fail(err, DECORUM_ERR_TOOBIG, (size_t)-1,
                     "%s: larger than %u bytes", path, LEX_MAX_FILE);
        goto fail;
    }
    size = (size_t)sb.st_size;
    buf = dc_malloc(al, size);
    if (!buf) {
        st = dc_fail(err, DECORUM_ERR_NOMEM, (size_t)-1, "%s: out of memory",
                     path);
        goto fail;
    }
    size_t got = 0;
    while (got < size) {
        ssize_t r = read(fd, buf + got, size - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            st = dc_fail(err, DECORUM_ERR_IO, (size_t)-1, "%s: %s", path,
                         strerror(errno));
            goto fail;
        }
        if (r == 0) {
            st = dc_fail(err, DECORUM_ERR_IO, (size_t)-1,
                         "%s: file shrank while being read", path);
            goto fail;
        }
        got += (size_t)r;
    }
    close(fd);
    *out = buf;
    *out_len = got;
    return DECORUM_OK;
fail:
    close(fd);
    dc_free(al, buf, size);
    return st;
}

static bool is_tsv(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 4 && memcmp(name + n - 4, ".tsv", 4) == 0;
}

/* Names of the *.tsv files in dir, sorted by byte value. */
typedef struct name_list {
    char **v;
    size_t n, cap;
} name_list;

static void names_free(const dc_alloc *al, name_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        dc_free(al, l->v[i], strlen(l->v[i]) + 1);
    dc_free(al, l->v, l->cap * sizeof *l->v);
}

static decorum_status list_dir(const dc_alloc *al, const char *dir,
                               name_list *l, decorum_error *err)
{
    decorum_status st = DECORUM_OK;
    DIR *d = opendir(dir);
    if (!d)
        return dc_fail(err, DECORUM_ERR_IO, (size_t)-1,
                       "lexicon directory %s: %s", dir, strerror(errno));
    for (;;) {
        errno = 0;
        struct dirent *de = readdir(d);
        if (!de) {
            if (errno)
                st = dc_fail(err, DECORUM_ERR_IO, (size_t)-1,
                             "lexicon directory %s: %s", dir,
                             strerror(errno));
            break;
        }
        if (!is_tsv(de->d_name))
            continue;
        st = dc_grow(al, (void **)&l->v, &l->cap, l->n + 1, sizeof *l->v,
                     LEX_MAX_FILES);
        if (st != DECORUM_OK) {
            dc_fail(err, st, (size_t)-1, "lexicon directory %s: %s", dir,
                    st == DECORUM_ERR_TOOBIG ? "too many files"
                                             : "out of memory");
            break;
        }
        char *s = dc_strndup(al, de->d_name, strlen(de->d_name));
        if (!s) {
            st = dc_fail(err, DECORUM_ERR_NOMEM, (size_t)-1,
                         "lexicon directory %s: out of memory", dir);
            break;
        }
        l->v[l->n++] = s;
    }
    closedir(d);
    if (st != DECORUM_OK)
        return st;
    /* Insertion sort: a handful of names, and qsort may call malloc. */
    for (size_t i = 1; i < l->n; i++) {
        char *x = l->v[i];
        size_t j = i;
        for (; j > 0 && strcmp(l->v[j - 1], x) > 0; j--)
            l->v[j] = l->v[j - 1];
        l->v[j] = x;
    }
    return DECORUM_OK;
}

static decorum_status load_dir(const dc_alloc *al, dc_lexicon *lx,
                               const char *dir, decorum_error *err)
{
    name_list names = {NULL, 0, 0};
    char *path = NULL, *data = NULL;
    size_t path_size = 0, data_len = 0;
    decorum_status st = list_dir(al, dir, &names, err);
    if (st != DECORUM_OK)
        goto fail;
    if (names.n == 0) {
        /* An empty lexicon would silently let everything through. */
        st = dc_fail(err, DECORUM_ERR_IO, (size_t)-1,
                     "lexicon directory %s holds no *.tsv file", dir);
        goto fail;
    }
    size_t dir_len = strlen(dir);
    for (size_t i = 0; i < names.n; i++) {
        size_t need = dir_len + strlen(names.v[i]) + 2;
        if (need < dir_len) {
            st = dc_fail(err, DECORUM_ERR_TOOBIG, (size_t)-1, "path too long");
            goto fail;
        }
        path = dc_malloc(al, need);
        if (!path) {
            st = dc_fail(err, DECORUM_ERR_NOMEM, (size_t)-1, "out of memory");
            goto fail;
        }
        path_size = need;
        snprintf(path, need, "%s/%s", dir, names.v[i]);
        st = read_file(al, path, &data, &data_len, err);
        if (st != DECORUM_OK) {
            data = NULL; /* read_file frees its buffer on failure */
            goto fail;
        }
        st = dc_lexicon_parse(al, lx, path, data, data_len, err);
        if (st != DECORUM_OK)
            goto fail;
        dc_free(al, data, data_len);
        dc_free(al, path, path_size);
        data = path = NULL;
    }
    names_free(al, &names);
    return DECORUM_OK;
fail:
    dc_free(al, data, data_len);
    dc_free(al, path, path_size);
    names_free(al, &names);
    return st;
}

/* ---------------------------------------------------------------------- */
/* The built-in image                                                      */
/* ---------------------------------------------------------------------- */

/* The image of a parsed lexicon (tools/lexdb.c makes it at build time from
 * the embedded TSV files), little-endian like the library's other formats
 * (dc_get_le), so a cross build's image is right on its target too:
 *
 *   "DCLX"  u32 version  u32 n  u32 strings_size
 *   n records of IMG_REC bytes:
 *     u32 term, term_len, group, why, file, line, categories, flags,
 *     u32 flags >> 32, u32 groups, u8 kind, u8 severity, two bytes of
 *     zeros, u16 group_len, u16 why_len (dc_entry's: strlen of group and
 *     of why, cut to UINT16_MAX)
 *   the string arena, strings_size bytes, ending in NUL
 *
 * where term, group, why, file and groups are offsets into the arena.
 * Loading it is an allocation for the entries and a loop that turns
 * offsets into pointers, and a copy of the arena unless the image is the
 * built-in one, which lives as long as the program: its arena is used in
 * place (a copy was 240 KB, 59 fresh pages, at every start of every
 * command). */
#define IMG_MAGIC "DCLX"
/* 7: the lengths of group and why (6: the sense field widened; 5: flags
 * 64 bits, read as two words; 4: the group column whole; 3: flags 48
 * bits, 2 had 32, 1 had 16) */
#define IMG_VERSION 7u
#define IMG_HEAD 16u
#define IMG_REC 48u

static void put32(unsigned char *p, uint32_t v)
{
    dc_put_le(p, v, 4);
}

/* Written out, not dc_get_le's loop: gcc makes this one load on a
 * little-endian machine, and the image has eight of them per entry. */
static uint32_t get32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

decorum_status dc_lexicon_image(const dc_alloc *al, const dc_lexicon *lx,
                                unsigned char **out, size_t *out_len,
                                decorum_error *err)
{
    if (!al || !lx || !out || !out_len)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "dc_lexicon_image: NULL argument");
    *out = NULL;
    *out_len = 0;
    /* The parser's limits keep every count and offset within 32 bits. */
    if (lx->n > LEX_MAX_ENTRIES || lx->strings_size > LEX_MAX_ARENA)
        return dc_fail(err, DECORUM_ERR_TOOBIG, (size_t)-1,
                       "lexicon too large for an image");
    size_t len = IMG_HEAD + lx->n * IMG_REC + lx->strings_size;
    unsigned char *img = dc_malloc(al, len);
    if (!img)
        return dc_fail(err, DECORUM_ERR_NOMEM, (size_t)-1, "out of memory");
    memcpy(img, IMG_MAGIC, 4);
    put32(img + 4, IMG_VERSION);
    put32(img + 8, (uint32_t)lx->n);
    put32(img + 12, (uint32_t)lx->strings_size);
    for (size_t i = 0; i < lx->n; i++) {
        const dc_entry *e = &lx->entries[i];
        unsigned char *r = img + IMG_HEAD + i * IMG_REC;
        put32(r, (uint32_t)(e->term - lx->strings));
        put32(r + 4, e->term_len);
        put32(r + 8, (uint32_t)(e->group - lx->strings));
        put32(r + 12, (uint32_t)(e->why - lx->strings));
        put32(r + 16, (uint32_t)(e->file - lx->strings));
        put32(r + 20, e->line);
        put32(r + 24, e->categories);
        put32(r + 28, (uint32_t)e->flags);
        put32(r + 32, (uint32_t)(e->flags >> 32));
        put32(r + 36, (uint32_t)(e->groups - lx->strings));
        r[40] = e->kind;
        r[41] = e->severity;
        r[42] = r[43] = 0;
        dc_put_le(r + 44, e->group_len, 2);
        dc_put_le(r + 46, e->why_len, 2);
    }
    if (lx->strings_size)
        memcpy(img + IMG_HEAD + lx->n * IMG_REC, lx->strings,
               lx->strings_size);
    *out = img;
    *out_len = len;
    return DECORUM_OK;
}

/* Whether t[0..n) is UTF-8 without a NUL. Terms are a few bytes long, so
 * one pass over their bytes, without the calls to memchr and
 * decorum_utf8_check, which cost more than the bytes themselves. A NUL can
 * only be a byte of its own: no multi-byte sequence holds one. */
static bool term_ok(const unsigned char *t, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (t[i] < 0x80) {
            if (t[i] == 0)
                return false;
            i++;
            continue;
        }
        size_t k = dcx_utf8_seq(t + i, n - i);
        if (k == 0)
            return false;
        i += k;
    }
    return true;
}

/* The entry of the image record r, whose offsets are into arena. */
static void entry_from(dc_entry *e, const unsigned char *r, char *arena)
{
    e->term = arena + get32(r);
    e->term_len = get32(r + 4);
    e->group = arena + get32(r + 8);
    e->why = arena + get32(r + 12);
    e->file = arena + get32(r + 16);
    e->line = get32(r + 20);
    e->categories = get32(r + 24);
    e->flags = get32(r + 28) | (uint64_t)get32(r + 32) << 32;
    e->groups = arena + get32(r + 36);
    e->kind = r[40];
    e->severity = r[41];
    e->group_len = (uint16_t)dc_get_le(r + 44, 2);
    e->why_len = (uint16_t)dc_get_le(r + 46, 2);
}

/* dc_lexicon_from_image; builtin: img is dc_builtin_lexdb[0], which
 * outlives lx (its arena is used in place) and which the build made from
 * TSV text it checked, so its entries are not checked again at every
 * start (below), as the built-in matcher's tables are not (match.c,
 * blob_load); tests/unit/test_lexicon.c loads it with every check. */
static decorum_status from_image(const dc_alloc *al, dc_lexicon *lx,
                                 const unsigned char *img, size_t len,
                                 bool builtin, decorum_error *err)
{
    memset(lx, 0, sizeof *lx);
    if (len < IMG_HEAD || memcmp(img, IMG_MAGIC, 4) != 0)
        return dc_fail(err, DECORUM_ERR_FORMAT, 0,
                       "built-in lexicon image: bad magic");
    if (get32(img + 4) != IMG_VERSION)
        return dc_fail(err, DECORUM_ERR_VERSION, 4,
                       "built-in lexicon image: version %u, expected %u",
                       get32(img + 4), IMG_VERSION);
    size_t n = get32(img + 8), size = get32(img + 12);
    if (n > LEX_MAX_ENTRIES || size > LEX_MAX_ARENA ||
        len != IMG_HEAD + n * IMG_REC + size ||
        (size && img[len - 1] != '\0') || (n && !size))
        return dc_fail(err, DECORUM_ERR_FORMAT, 8,
                       "built-in lexicon image: sizes do not add up");
    if (n == 0)
        return DECORUM_OK;
    const unsigned char *strings = img + IMG_HEAD + n * IMG_REC;
    decorum_status st = DECORUM_OK;
    /* Every field of every entry is set below: no need to zero them. n is
     * at most LEX_MAX_ENTRIES, so the product cannot overflow. */
    dc_entry *entries = dc_malloc(al, n * sizeof *entries);
    /* Borrowed, the arena is never written through: the cast only lets it
     * share the owned arena's field. */
    char *arena = builtin ? (char *)(uintptr_t)strings : dc_malloc(al, size);
    if (!entries || !arena) {
        st = dc_fail(err, DECORUM_ERR_NOMEM, (size_t)-1, "out of memory");
        goto done;
    }
    if (!builtin)
        memcpy(arena, strings, size);
    /* The built-in image's entries are only read, their lengths too:
     * tests/unit/test_lexicon.c loads it with every check of the loop
     * below and finds the entries of the text it was made from. The
     * checks and the two strlen of each of its ~14,300 entries were 1.87M
     * instructions at every start of every command (session 57), and the
     * strlen touched pages of its strings that most runs never read. */
    if (builtin) {
        for (size_t i = 0; i < n; i++)
            entry_from(&entries[i], img + IMG_HEAD + i * IMG_REC, arena);
        goto done;
    }
    /* Every offset lands inside the arena, whose last byte is NUL, so every
     * string is terminated; the term's length must reach its NUL, and
     * the stored lengths of group and why their strings'. */
    for (size_t i = 0; i < n; i++) {
        const unsigned char *r = img + IMG_HEAD + i * IMG_REC;
        uint32_t term = get32(r), term_len = get32(r + 4);
        uint32_t group = get32(r + 8), why = get32(r + 12);
        uint32_t file = get32(r + 16), groups = get32(r + 36);
        uint64_t flags = get32(r + 28) | (uint64_t)get32(r + 32) << 32;
        if (term >= size || group >= size || why >= size || file >= size ||
            groups >= size ||
            (flags & ~DC_F_ALL) || DC_SENSE_OF(flags) >= DC_SENSE_N_ ||
            term_len == 0 || term_len > LEX_MAX_TERM ||
            term_len >= size - term || arena[term + term_len] != '\0' ||
            !term_ok((const unsigned char *)arena + term, term_len) ||
            r[40] >= DC_N_KINDS || r[41] > 3 ||
            get32(r + 24) >= (1u << DECORUM_N_CATEGORIES)) {
            st = dc_fail(err, DECORUM_ERR_FORMAT, (size_t)(r - img),
                         "built-in lexicon image: bad entry %zu", i);
            goto done;
        }
        dc_entry *e = &entries[i];
        entry_from(e, r, arena);
        /* the lengths the built-in image is trusted with, checked here
         * (test_lexicon loads it this way) */
        if (e->group_len != len16(strlen(e->group)) ||
            e->why_len != len16(strlen(e->why))) {
            st = dc_fail(err, DECORUM_ERR_FORMAT, (size_t)(r - img),
                         "built-in lexicon image: bad entry %zu", i);
            goto done;
        }
    }
done: /* success falls through: st is DECORUM_OK */
    if (builtin) {
        st = install(al, lx, st, entries, n, NULL, 0);
        if (st == DECORUM_OK) {
            lx->strings = arena;
            lx->strings_size = size;
            lx->borrowed = true;
        }
        return st;
    }
    return install(al, lx, st, entries, n, arena, size);
}

decorum_status dc_lexicon_from_image(const dc_alloc *al, dc_lexicon *lx,
                                     const unsigned char *img, size_t len,
                                     decorum_error *err)
{
    if (!al || !lx || (!img && len))
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "dc_lexicon_from_image: NULL argument");
    return from_image(al, lx, img, len, false, err);
}

/* lx is overwritten: it must not hold a lexicon. On failure it is left
 * empty (zeroed) and nothing stays allocated. */
decorum_status dc_lexicon_load(const dc_alloc *al, dc_lexicon *lx,
                               const char *dir, decorum_error *err)
{
    if (!al || !lx)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "dc_lexicon_load: NULL argument");
    memset(lx, 0, sizeof *lx);
    decorum_status st = DECORUM_OK;
    if (dir) {
        st = load_dir(al, lx, dir, err);
    } else if (dc_builtin_lexdb_count > 0) {
        /* The build parsed the TSV text into this image (tools/lexdb.c).
         * Only the image is read here, so the text itself is not linked
         * into the programs, only into lexdb and the tests. */
        st = from_image(al, lx, dc_builtin_lexdb[0].data,
                        dc_builtin_lexdb[0].len, true, err);
    }
    if (st != DECORUM_OK)
        dc_lexicon_free(al, lx);
    return st;
}

void dc_lexicon_free(const dc_alloc *al, dc_lexicon *lx)
{
    if (!lx)
        return;
    dc_free(al, lx->entries, lx->n * sizeof *lx->entries);
    strings_free(al, lx);
    memset(lx, 0, sizeof *lx);
}

bool dc_word_in(const char *w, size_t l, const char *const *list, size_t n)
{
    /* The rules ask this of every word of a stretch against lists of ten
     * to forty words, and most entries differ from the word in its first
     * byte: testing that byte inline leaves strncmp (a call, ~27
     * instructions) to the few entries that share it (77K calls a pass
     * over the bench corpus before, 2.1M instructions). An empty word
     * equals only an empty entry, and no entry of l > 0 bytes starts
     * with a NUL: neither reads an entry past its terminator. */
    if (l == 0 || w[0] == '\0') {
        for (size_t i = 0; l == 0 && i < n; i++)
            if (list[i][0] == '\0')
                return true;
        return false;
    }
    const char c = w[0];
    for (size_t i = 0; i < n; i++)
        if (list[i][0] == c && strncmp(list[i] + 1, w + 1, l - 1) == 0 &&
            list[i][l] == '\0')
            return true;
    return false;
}
