/*
 * rules.c: the rule layer. It models how hate is built rather than listing
 * keywords: for every piece of attack language the matcher found (a slur,
 * a dehumanizing word, a threat verb, a call for exclusion, a stereotype
 * frame, an insult) it asks *who* is targeted and *in what scope* it is said.
 *
 *   targets: a protected group (identity nouns, identity adjectives before a
 *            person noun, "the Chinese", slurs, coded names, the
 *            triple-parentheses echo), a pronoun resolved to an earlier
 *            group in the comment or its context (parent, title), the person
 *            addressed ("you"), a non-protected target (governments,
 *            politicians, policies), or an object;
 *   scope:   negation ("X are not human" is an attack, "I don't hate X" is
 *            not), questions (rhetorical questions still attack), quotation
 *            and reporting with denunciation (counter-speech), reclaimed
 *            in-group use of a slur.
 *
 * Input is the normalized comment (dc_norm) and the lexicon hits
 * (dc_hitvec); output is a list of findings (dc_finding) in normalized
 * offsets with a reason each, the rules' attribute and hate scores, and the
 * rule features the model reads. Everything lives in the scratch and is
 * reused across comments: the hot path does not allocate once warm.
 *
 * Vocabulary lives in data/lexicon; this file knows only grammar (kinds,
 * punctuation, sentence and clause structure).
 */
#include "decorum_int.h"

#include <stddef.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Hard limits that bound the work per comment. */
#define MAX_TOKENS (1u << 20)
#define MAX_ITEMS (1u << 18)
#define TARGET_WINDOW 12 /* tokens between an attack and its target */
#define NEG_WINDOW 6     /* tokens between a negator and what it negates */
/* How many tokens after "theory" rule_code looks for "true" or "real". */
#define THEORY_WINDOW 6
/* How many tokens after a stereotype a conclusion drawn from it ("...,
 * that's why ...") may open: the particle, the comma and a second trait
 * ("dirty and lazy, thats why"). */
#define CONCLUSION_WINDOW 6
#define HUMANITY_GAP 2    /* words between "not" and the humanity word */
#define MEMBER_MAX 8      /* groups a dehumanized "you" may be addressed as */
#define MAX_FINDINGS 1024 /* findings kept per comment (the most seen: 49) */

enum { TK_WORD, TK_PUNCT, TK_NL };

typedef struct tok {
  uint32_t b, e;   /* normalized byte range */
  uint32_t sent;   /* sentence index */
  uint32_t clause; /* clause index (global) */
  uint8_t type;    /* TK_* */
  uint8_t ch;      /* the punctuation character, for TK_PUNCT */
  uint8_t quoted;  /* inside "..." or '...' */
  uint8_t named;   /* after a scare frame: "so-called X" (mark_named) */
} tok;

/* b, e, entry and how lie as they do in the hit (dc_hit), which
 * place_hits copies them from in one go. */
typedef struct mention {
  uint32_t b, e; /* normalized byte range */
  uint32_t entry;
  uint8_t how; /* DC_HIT_* */
  uint8_t kind;
  uint8_t used;      /* consumed as part of a group or another finding */
  uint8_t reclaimed; /* a slur used by its own group (set before rules) */
  uint32_t tb, te;   /* token range [tb, te) */
  uint8_t dropped;   /* explained by a longer mention; removed */
} mention;

/* tokenize copies a word's run (dc_wrun) into b and e, and the sentence
 * and clause as one pair. */
_Static_assert(offsetof(tok, e) == offsetof(tok, b) + sizeof(uint32_t) &&
                   offsetof(dc_wrun, e) ==
                       offsetof(dc_wrun, b) + sizeof(uint32_t) &&
                   offsetof(tok, clause) ==
                       offsetof(tok, sent) + sizeof(uint32_t),
               "a run and a (sentence, clause) pair copy as they are");
_Static_assert(offsetof(mention, b) == offsetof(dc_hit, begin) &&
                   offsetof(mention, e) == offsetof(dc_hit, end) &&
                   offsetof(mention, entry) == offsetof(dc_hit, entry) &&
                   offsetof(mention, how) == offsetof(dc_hit, how) &&
                   offsetof(mention, reclaimed) < sizeof(dc_hit),
               "a hit's range and entry copy into a mention as they are");

enum { TG_GROUP, TG_YOU, TG_NP, TG_OBJECT, TG_PRONOUN };

typedef struct target {
  uint32_t tb, te;
  uint32_t categories;
  int32_t entry; /* lexicon entry naming the group, or -1 */
  uint8_t type;  /* TG_* */
  uint8_t coded; /* named by a code (echo, dog whistle) */
  uint8_t slur;
  uint8_t reclaimed; /* names the writer's own group */
  uint32_t b, e;     /* normalized bytes, when known (else 0, 0) */
  /* In rs->t, once resolve_pronoun has worked it out for the comment
   * (rs->gn_known): the index of the last group or non-protected target
   * at or before this one, or NO_TARGET. */
  uint32_t gn_upto;
} target;

#define NO_TARGET UINT32_MAX

typedef struct sentence {
  uint32_t tb, te;
  uint8_t question;
  uint8_t hostile; /* hostility's answer (HOSTILE_*): 0 not yet */
  uint8_t speech;  /* about_speech's answer: 0 not yet, 1 no, 2 yes */
  uint32_t bang;   /* the index of its last '!' token + 1; 0: none */
  /* report_in's cursor: the mentions before token rep_tb are read (0:
   * none yet); among them a report of others' words (rep_words), the
   * latest end of a report of others' belief + 1 (rep_belief; 0: none);
   * the last unquoted "but" before rep_tb + 1 (rep_but; 0: none) */
  uint32_t rep_tb, rep_belief, rep_but;
  uint8_t rep_words;
  /* hostility's too: 1 + the token of its last insult that is no slur's
   * own entry (0: none), complete when no attack word was found */
  uint32_t insult_end;
  /* calling_modal's: the first modal not flagged `backs` starts at token
   * plain_modal - 1 (0: not looked for yet; UINT32_MAX: there is none) */
  uint32_t plain_modal;
  /* calling_modal_around's: 1 + the token of its first modal of any
   * kind (0: not looked for yet; UINT32_MAX: there is none) */
  uint32_t first_modal;
  /* denounces' answer: 0 not yet, 1 no, 2 yes */
  uint8_t denounced;
  /* judged_true's: 1 + the token of the word that calls what was said
   * true (0: not looked for yet; UINT32_MAX: there is none) */
  uint32_t truth;
} sentence;

/* The term of the exclusion entry rule_no_group gives its findings: a
 * pattern, not words, which no comment's words match. */
#define SIGN_TERM "no (group) allowed"
/* ... and of the one rule_group_out gives its findings */
#define OUT_TERM "(group) out"
/* ... and of the ones rule_group_frames gives its findings, by frame:
 * admission stopped ("stop letting X in", "not one more X"), trade
 * refused ("don't rent to X"), rights taken ("revoke the citizenship of
 * all X", "X have no business voting"), a group "dealt with for good",
 * and harm hinted at ("shame if something happened to your mosque"). */
enum { FR_LET_IN, FR_TRADE, FR_RIGHTS, FR_FOR_GOOD, FR_HAPPEN, FR_N };
static const char *const frame_terms[FR_N] = {
    "(group) not let in", "(group) refused trade", "(group) stripped of rights",
    "(group) dealt with for good", "(group) something happens to"};

/* The most split verbs dc_rules keeps. */
#define SPLIT_MAX 32

/* Built for one lexicon, the one dc_rules_run is then given. */
#define RECLAIM_GROUPS 24

struct dc_rules {
  /* The lexicon's noun for migrants, named when a thread about migration
   * is the only thing a dehumanizing word can be about; -1 if none. */
  int32_t migrant_entry;
  /* The exclusion entry rule_no_group gives the signs it finds ("No
   * Muslims allowed", "No blacks, no dogs"): its severity and its why;
   * -1 if the lexicon has none, and the rule is off. */
  int32_t sign_entry;
  /* ... and the one rule_group_out gives "Somalis out!"; -1 if none */
  int32_t out_entry;
  /* The pattern entries rule_group_frames gives its findings (FR_*):
   * severity and why; -1 where the lexicon has none, and that frame
   * is off. */
  int32_t frame_entry[FR_N];
  /* The peoples of the lexicon's libels: the groups of its severity-3
   * consp_actor entries (the Rothschilds, a "Jewish lobby"), each once,
   * as entry indices (-1 past the last). A conspiracy story told of
   * such a people by name is the libel itself (rule_conspiracy). */
  int32_t libel_entry[4];
  /* The groups that reclaimable slurs name, each once, every group of
   * an entry's column ("wog": black, ..., greek, italian, lebanese): the
   * group's name (in the lexicon's arena) and the categories the slurs
   * give it; n_reclaim past RECLAIM_GROUPS when a lexicon has more
   * (then claim_covers scans the lexicon). A claim of such a group may
   * reclaim another group's slur of those categories (claim_covers). */
  const char *reclaim_name[RECLAIM_GROUPS];
  uint16_t reclaim_len[RECLAIM_GROUPS];
  uint32_t reclaim_cats[RECLAIM_GROUPS];
  size_t n_reclaim;
  /* [n_entries] the entries' kinds, one byte each: every hit's kind is
   * looked up, and this table stays in the L1 cache where the 56-byte
   * entries (200 KB) did not. */
  uint8_t *kind_of;
  size_t n_entries;
  /* Exclusion and threat verbs of two words ("send back", "kick out",
   * "string up"), which also come split around their object ("send the
   * Albanians back", "string them ... up"): entry indices, and the
   * length of the first word. */
  uint32_t split[SPLIT_MAX];
  uint8_t split_len[SPLIT_MAX];
  /* 1 for a threat verb with an innocent reading ("round up", "put
   * down", "wipe out"): split, it counts only around a quantified
   * group ("round all the Jews up"; not "round the kids up") */
  uint8_t split_quant[SPLIT_MAX];
  size_t n_split;
  /* What a token must look like to be one of their words (split_word):
   * bit (length, at most 63) of the first and of the second words, and
   * bit (first byte & 63) of each. Most groups stand beside no such
   * word, and these tests pass them over before the entries are read. */
  uint64_t split_len1, split_byte1, split_len2, split_byte2;
  /* Each verb's two words' lengths and first bytes in one word
   * (split_key): split_verb_around compares the words of a token pair
   * only with the verbs of the same key. */
  uint32_t split_keys[SPLIT_MAX];
};

/* The lengths (cut to 255) and first bytes of two words, as one value:
 * two words equal to a verb's have its key. */
static inline uint32_t split_key(size_t l1, unsigned char b1, size_t l2,
                                 unsigned char b2) {
  return (uint32_t)(l1 < 255 ? l1 : 255) | (uint32_t)b1 << 8 |
         (uint32_t)(l2 < 255 ? l2 : 255) << 16 | (uint32_t)b2 << 24;
}

struct dc_rules_scratch {
  char note[96]; /* split_note's text, until its reason is made */
  tok *toks;
  size_t ntok, cap_tok;
  /* [ntok + 1]: each token's first bytes as a key (tok_key), for
   * tok_is_word; 0 for the sentinel. */
  uint64_t *key;
  size_t cap_key;
  /* A copy of a text that has no pad (a dc_norm made by hand), with
   * eight zero bytes after it: tok_key reads eight bytes a token. */
  char *padded;
  size_t cap_padded;
  /* [len]: tok_at[b] is the token that starts at normalized byte b, if
   * one does; other bytes hold stale indices of earlier comments (or
   * zeros), so a lookup checks toks[tok_at[b]].b == b. place_hits finds
   * a hit's first token here instead of walking the tokens, whose stops
   * mispredicted about once a hit. The indices are cut to 16 bits, half
   * the cache lines to write: past 65 535 tokens a cut index names an
   * earlier token, which fails the check like a stale one, and the
   * lookup falls back to bisection. */
  uint16_t *tok_at;
  size_t cap_tok_at;
  mention *m;
  size_t nm, cap_m;
  /* [ntok + 1]: index of the first mention with tb >= i (room for three
   * more, which place_hits' running sum goes over). It lies in at's
   * block, right after at's ntok + 1 words: one block is cleared with
   * one call. */
  uint32_t *first;
  /* [ntok + 1]: bit k set: a mention of kind k starts at token i. Most
   * lookups by token and kind (mention_at) end at this bit. */
  uint64_t *at;
  size_t cap_at; /* in words, for at and first */
  /* [nm]: the indices of the mentions of TARGET_KINDS, in order */
  uint32_t *tlist;
  size_t ntl, cap_tl;
  /* [nm]: the indices of the mentions of RULE_KINDS, in order */
  uint32_t *rlist;
  size_t nrl, cap_rl;
  /* The most tokens a negation mention spans, once negator has worked
   * it out for the comment (else UINT32_MAX). */
  uint32_t neg_span;
  /* The glue hits place_hits left for later, in hit order: their bits
   * of at[] are set by place_glue, on the first question. */
  const dc_hit **glue;
  size_t n_glue, cap_glue;
  target *t; /* sorted by tb: find_targets pushes them in mention order */
  size_t nt, cap_t;
  /* The most tokens a target spans, once target_span has worked it out
   * for the comment (else UINT32_MAX). */
  uint32_t t_span;
  /* The most tokens an identity mention spans, once identity_ends_at
   * has worked it out for the comment (else UINT32_MAX). */
  uint32_t id_span;
  /* mark_named has marked the comment's tokens (named_at). */
  bool named_marked;
  /* context_place's answer for the comment (0 not yet, 1 no, 2 yes) and
   * its group: asked per threat, it reads the whole context. */
  uint8_t place_known;
  /* The last answers of next_like (token indices) and next_group (target
   * indices), for the attacks of one long sentence: no match in
   * [from, past - 1), and past - 1 is the first match from there (or the
   * end). past 0: nothing known yet, so that zeros reset them. */
  struct seek {
    uint32_t from, past;
  } like, group;
  bool gn_known; /* the targets' gn_upto are set */
  sentence *s;
  size_t ns, cap_s;
  /* addressed_as_member's candidates for the current comment, valid
   * once run.member_known is set */
  target member[MEMBER_MAX];
  size_t n_member;
  bool full; /* dc_rules_scratch_full: weak kinds need the full pass */
  /* run.deed's group, and whether the deed is a noun ("the Armenian
   * genocide"); here rather than in run, which is cleared per comment */
  target deed_group;
  bool deed_noun;
  target place_group; /* context_place's group (place_known) */
};

/* Everything one run needs, passed around instead of a dozen parameters. */
typedef struct run {
  const dc_alloc *al;
  const dc_lexicon *lx;
  const char *orig;
  size_t orig_len;
  const dc_norm *n;
  dc_rules_scratch *rs;
  dc_rules_out *out;
  const dc_ctx_view *ctx;
  size_t n_ctx;
  /* migration_context's answer: 0 not yet, 1 no, 2 yes. Asked only of
   * some attacks, so worked out on the first. */
  uint8_t migration_topic;
  bool denounce_any; /* some denouncing word in the comment */
  bool ingroup;      /* speaker marks in-group membership */
  uint32_t ingroup_categories;
  /* the identity entries find_ingroup saw claimed ("as a gay man":
   * gay), for mark_reclaimed to ask whose slurs they may reclaim; past
   * INGROUP_CLAIMS, any of the categories' */
  uint32_t ingroup_claim[4];
  uint8_t n_ingroup_claims;
  float hate_so_far; /* running hate estimate, before deduplication */
  bool untargeted;   /* attack language aimed at no protected group */
  /* swearing in a sentence that addresses someone ("fuck off and die,
   * you shit"): its TOXICITY counts toward the verdict (tox_aimed) */
  bool swore_at_you;
  /* insults in the comment, and those aimed at an object ("this
   * printer is a piece of shit"): swearing beside insults that are all
   * at things is aimed at no one */
  uint32_t insults, insults_at_things;
  bool echo;          /* three '(' tokens in a row: the echo may fire */
  bool quotes;        /* a '"' or '\'' token: mark_quotes has work */
  uint32_t quote_tok; /* the first such token, where mark_quotes starts */
  bool question;      /* a '?' token: some sentence is a question */
  /* a hate verb was swallowed by a longer denouncing phrase ("stop
   * hating", "against hating"): the writer opposes hatred */
  bool opposes_hatred;
  /* bit k set: a target of type k (TG_*) was found by find_targets */
  uint8_t target_types;
  uint64_t kinds; /* bit k: some mention is of kind k */
  const dc_rules *rules;
  /* addressed_as_member's candidates (in the scratch) worked out */
  uint8_t member_known;
  uint8_t tropes_known;  /* another_trope's answer: 0 not yet, 1 no, 2 yes */
  uint8_t tropes_stated; /* tropes_told's answer: 0 not yet, 1 no, 2 yes */
  /* a_form_banter's: does the comment name a race (an identity word, a
   * slur that is not banter)? 0 not yet, 1 no, 2 yes */
  uint8_t race_named;
  /* a_form_banter's sentence (index + 1; 0: none yet): does it hold a
   * dog whistle? */
  uint32_t aform_sent;
  bool aform_whistle;
  /* used_of_people's clause (index + 1; 0: none yet): the mention its
   * scan started from, and 1 + the last hostile one it met (0: none) */
  uint32_t used_clause;
  size_t used_from, used_last;
  /* demonstrative_dehum's sentence (index + 1; 0: none yet): does it
   * treat whoever it names as people? */
  uint32_t dd_sent;
  bool dd_people;
  /* ... and does it set them among real animals (a `place` flagged
   * `thing`: "in the basement", "the exterminator")? */
  bool dd_literal;
  /* ... and does it call for an exclusion that is one only of people
   * (an exclusion not flagged `ambiguous`: "back where they came
   * from", "deport")? */
  bool dd_expel;
  /* code_around's bound: 1 + the longest code mention, in bytes (0: not
   * worked out yet) */
  uint32_t code_span;
  /* echo_denounced's sentence (index + 1; 0: none yet): whether it holds
   * a denouncing word that names bigotry, and its first judge word */
  uint32_t echo_sent, echo_judge, echo_dehum;
  bool echo_naming;
  /* game_scan's sentence (index + 1; 0: none yet), its last game's
   * preposition and whether it names a game */
  uint32_t game_sent, game_prep;
  bool game_any;
  /* gearbox_sense's: does the comment talk of vehicles? and
   * disability_named's: does it name an aid (a wheelchair)? and
   * game_talk's: does it speak of a video game? 0 not yet,
   * 1 no, 2 yes (game_talk has more) */
  uint8_t car_talk, aid_named, game_said;
  /* game_talk's first "wipe" token */
  uint32_t game_wipe;
  /* The last violence told as done to a protected group (history, news,
   * an event noun: "Jews were gassed", "the Armenian genocide"), noted
   * by rule_attack only in a comment with an approve entry; the group
   * it was done to is in the scratch (deed_group). rule_approval reads
   * approval of it. */
  const mention *deed;
} run;

/* Do entries a and b name the same group ("religion:jewish")? */
static bool same_group(const dc_entry *a, const dc_entry *b) {
  return a->group_len && a->group_len == b->group_len &&
         memcmp(a->group, b->group, a->group_len) == 0;
}

/* One group of an entry's group column: its name and its category's bit. */
typedef struct group_item {
  const char *name;
  size_t len;
  uint32_t category;
} group_item;

/* The groups the entry e names, one per call, *pos starting at NULL; false
 * after the last. dc_entry.group is the first only: an entry whose column
 * names several ("race:black,...,nationality:greek") keeps the column in
 * dc_entry.groups, which the loaders checked ("cat:name" items), so a
 * malformed item can only come from a hand-made image: it ends the list. */
static bool entry_group_next(const dc_entry *e, const char **pos,
                             group_item *out) {
  if (!*e->groups) {
    if (*pos || !e->group_len)
      return false;
    *pos = e->group;
    *out = (group_item){e->group, e->group_len, e->categories};
    return true;
  }
  const char *p = *pos ? *pos : e->groups;
  if (!*p)
    return false;
  size_t n = strcspn(p, ",");
  const char *colon = memchr(p, ':', n);
  if (!colon)
    return false;
  *pos = p[n] ? p + n + 1 : p + n;
  out->name = colon + 1;
  out->len = n - (size_t)(colon - p) - 1;
  out->category = 0;
  (void)dc_category_of(p, (size_t)(colon - p), &out->category);
  return true;
}

/* Does entry e name the group g (n bytes long), first or among the others
 * of its column: is "greek" one of "wog"'s groups? A name in the column
 * follows its "cat:" and ends at a comma; the lone group has neither. */
static bool names_group(const dc_entry *e, const char *g, size_t n) {
  const char *col = *e->groups ? e->groups : e->group;
  size_t len = *e->groups ? strlen(e->groups) : e->group_len;
  for (size_t i = 0; n && i + n <= len; i++)
    if (memcmp(col + i, g, n) == 0 && (i == 0 || col[i - 1] == ':') &&
        (i + n == len || col[i + n] == ','))
      return true;
  return false;
}

decorum_status dc_rules_new(const dc_alloc *al, const dc_lexicon *lx,
                            dc_rules **out, decorum_error *err) {
  dc_rules *r = dc_calloc(al, 1, sizeof *r);
  if (!r)
    return dc_fail(err, DECORUM_ERR_NOMEM, (size_t)-1, "out of memory");
  r->migrant_entry = -1;
  r->sign_entry = -1;
  r->out_entry = -1;
  for (size_t k = 0; k < sizeof r->frame_entry / sizeof *r->frame_entry; k++)
    r->frame_entry[k] = -1;
  for (size_t k = 0; k < sizeof r->libel_entry / sizeof *r->libel_entry; k++)
    r->libel_entry[k] = -1;
  r->n_entries = lx->n;
  r->kind_of = dc_malloc(al, lx->n ? lx->n : 1);
  if (!r->kind_of) {
    dc_free(al, r, sizeof *r);
    return dc_fail(err, DECORUM_ERR_NOMEM, (size_t)-1, "out of memory");
  }
  for (size_t i = 0; i < lx->n; i++)
    r->kind_of[i] = lx->entries[i].kind;
  for (size_t i = 0; i < lx->n; i++) {
    const dc_entry *e = &lx->entries[i];
    if (e->kind == DC_KIND_IDENTITY && (e->flags & DC_F_NOUN) &&
        e->categories == (1u << DECORUM_CATEGORY_IMMIGRATION)) {
      r->migrant_entry = (int32_t)i;
      break;
    }
  }
  for (size_t i = 0, nl = 0;
       i < lx->n && nl < sizeof r->libel_entry / sizeof *r->libel_entry; i++) {
    const dc_entry *e = &lx->entries[i];
    if (e->kind != DC_KIND_CONSP_ACTOR || e->severity < 3 || !e->group_len)
      continue;
    size_t k = 0;
    while (k < nl && !same_group(&lx->entries[r->libel_entry[k]], e))
      k++;
    if (k == nl)
      r->libel_entry[nl++] = (int32_t)i;
  }
  for (size_t i = 0; i < lx->n && r->n_reclaim <= RECLAIM_GROUPS; i++) {
    const dc_entry *e = &lx->entries[i];
    if (e->kind != DC_KIND_SLUR || !(e->flags & DC_F_RECLAIMABLE))
      continue;
    const char *pos = NULL;
    group_item it;
    while (r->n_reclaim <= RECLAIM_GROUPS && entry_group_next(e, &pos, &it)) {
      size_t k = 0;
      while (k < r->n_reclaim &&
             !(r->reclaim_len[k] == it.len &&
               memcmp(r->reclaim_name[k], it.name, it.len) == 0))
        k++;
      if (k == RECLAIM_GROUPS || it.len >= UINT16_MAX) {
        r->n_reclaim = RECLAIM_GROUPS + 1; /* too many: scan */
        break;
      }
      if (k == r->n_reclaim) {
        r->reclaim_name[k] = it.name;
        r->reclaim_len[k] = (uint16_t)it.len;
        r->reclaim_cats[k] = 0;
        r->n_reclaim++;
      }
      r->reclaim_cats[k] |= it.category;
    }
  }
  for (size_t i = 0; i < lx->n; i++) {
    const dc_entry *e = &lx->entries[i];
    if (e->kind != DC_KIND_EXCLUSION)
      continue;
    if (e->term_len == sizeof SIGN_TERM - 1 &&
        memcmp(e->term, SIGN_TERM, sizeof SIGN_TERM - 1) == 0)
      r->sign_entry = (int32_t)i;
    if (e->term_len == sizeof OUT_TERM - 1 &&
        memcmp(e->term, OUT_TERM, sizeof OUT_TERM - 1) == 0)
      r->out_entry = (int32_t)i;
  }
  for (size_t i = 0; i < lx->n; i++) {
    const dc_entry *e = &lx->entries[i];
    if (e->kind != DC_KIND_EXCLUSION && e->kind != DC_KIND_THREAT)
      continue;
    for (size_t k = 0; k < FR_N; k++)
      if (e->term_len == strlen(frame_terms[k]) &&
          memcmp(e->term, frame_terms[k], e->term_len) == 0)
        r->frame_entry[k] = (int32_t)i;
  }
  for (size_t i = 0; i < lx->n && r->n_split < SPLIT_MAX; i++) {
    const dc_entry *e = &lx->entries[i];
    /* A threat verb with an innocent reading ("put down", "blow up",
     * "round up") counts split only around a quantified group: around
     * a group alone it is as often the innocent one ("stop putting
     * Black people down"), around all of a group it is done to
     * people ("round all the Jews up", "wipe every last Muslim
     * out"). */
    bool splits = (e->flags & DC_F_VERB) &&
                  (e->kind == DC_KIND_EXCLUSION || e->kind == DC_KIND_THREAT);
    const char *sp = splits ? memchr(e->term, ' ', e->term_len) : NULL;
    if (!sp || memchr(sp + 1, ' ', e->term_len - (size_t)(sp + 1 - e->term)) ||
        sp - e->term > 32)
      continue;
    r->split[r->n_split] = (uint32_t)i;
    r->split_quant[r->n_split] =
        e->kind == DC_KIND_THREAT && (e->flags & DC_F_AMBIGUOUS);
    r->split_len[r->n_split++] = (uint8_t)(sp - e->term);
    size_t l1 = (size_t)(sp - e->term), l2 = e->term_len - l1 - 1;
    r->split_len1 |= (uint64_t)1 << (l1 < 63 ? l1 : 63);
    r->split_byte1 |= (uint64_t)1 << ((unsigned char)e->term[0] & 63);
    r->split_len2 |= (uint64_t)1 << (l2 < 63 ? l2 : 63);
    r->split_byte2 |= (uint64_t)1 << ((unsigned char)sp[1] & 63);
    r->split_keys[r->n_split - 1] =
        split_key(l1, (unsigned char)e->term[0], l2, (unsigned char)sp[1]);
  }
  *out = r;
  return DECORUM_OK;
}

void dc_rules_free(const dc_alloc *al, dc_rules *r) {
  if (!r)
    return;
  dc_free(al, r->kind_of, r->n_entries ? r->n_entries : 1);
  dc_free(al, r, sizeof *r);
}

decorum_status dc_rules_scratch_new(const dc_alloc *al,
                                    dc_rules_scratch **out) {
  *out = dc_calloc(al, 1, sizeof **out);
  return *out ? DECORUM_OK : DECORUM_ERR_NOMEM;
}

void dc_rules_scratch_full(dc_rules_scratch *rs, bool full) { rs->full = full; }

void dc_rules_scratch_free(const dc_alloc *al, dc_rules_scratch *rs) {
  if (!rs)
    return;
  dc_free(al, rs->toks, rs->cap_tok * sizeof *rs->toks);
  dc_free(al, rs->key, rs->cap_key * sizeof *rs->key);
  dc_free(al, rs->padded, rs->cap_padded);
  dc_free(al, rs->tok_at, rs->cap_tok_at * sizeof *rs->tok_at);
  dc_free(al, rs->m, rs->cap_m * sizeof *rs->m);
  dc_free(al, rs->at, rs->cap_at * sizeof *rs->at);
  dc_free(al, rs->tlist, rs->cap_tl * sizeof *rs->tlist);
  dc_free(al, rs->rlist, rs->cap_rl * sizeof *rs->rlist);
  dc_free(al, rs->glue, rs->cap_glue * sizeof *rs->glue);
  dc_free(al, rs->t, rs->cap_t * sizeof *rs->t);
  dc_free(al, rs->s, rs->cap_s * sizeof *rs->s);
  dc_free(al, rs, sizeof *rs);
}

void dc_rules_out_release(const dc_alloc *al, dc_rules_out *o) {
  dc_free(al, o->v, o->cap * sizeof *o->v);
  dc_free(al, o->reasons, o->reasons_cap);
  memset(o, 0, sizeof *o);
}

/* ---------------------------------------------------------------------- */
/* Tokens, sentences, clauses, quotes                                      */
/* ---------------------------------------------------------------------- */

/* Word bytes: a-z, 0-9, '*' (a masked letter) and every byte of a
 * non-ASCII character; a table, as the tokenizer asks for every byte. */
static const bool word_byte[256] = {
#define R10(c)                                                                 \
  [c] = 1, [c + 1] = 1, [c + 2] = 1, [c + 3] = 1, [c + 4] = 1, [c + 5] = 1,    \
  [c + 6] = 1, [c + 7] = 1, [c + 8] = 1, [c + 9] = 1
    R10('0'),  R10('a'),  R10('a' + 10), ['u'] = 1, ['v'] = 1,
    ['w'] = 1, ['x'] = 1, ['y'] = 1,     ['z'] = 1, ['*'] = 1,
#define H16(b)                                                                 \
  [b] = 1, [b + 1] = 1, [b + 2] = 1, [b + 3] = 1, [b + 4] = 1, [b + 5] = 1,    \
  [b + 6] = 1, [b + 7] = 1, [b + 8] = 1, [b + 9] = 1, [b + 10] = 1,            \
  [b + 11] = 1, [b + 12] = 1, [b + 13] = 1, [b + 14] = 1, [b + 15] = 1
    H16(0x80), H16(0x90), H16(0xa0),     H16(0xb0), H16(0xc0),
    H16(0xd0), H16(0xe0), H16(0xf0),
#undef H16
#undef R10
};

static inline bool is_word_byte(unsigned char c) { return word_byte[c]; }

/* A token's key: its first bytes, up to eight, as a little-endian word,
 * the bytes past its end zero (tokenize writes it, from the padded text).
 * A word's bytes are never zero, so for a word w of 1 to 7 bytes, whose
 * key has a zero in its top byte, key == lit_key(w) says that the token
 * is w: a shorter token has a zero where w has a byte, a longer one a
 * byte where w has a zero (in the top byte if it is eight or longer). A
 * punctuation token's key is its one byte, the sentinel's 0. */
static const uint64_t key_mask[9] = {0,
                                     0xff,
                                     0xffff,
                                     0xffffff,
                                     0xffffffff,
                                     0xffffffffffull,
                                     0xffffffffffffull,
                                     0xffffffffffffffull,
                                     UINT64_MAX};

/* Eight bytes at p as a little-endian word: the first byte at the bottom. */
static inline uint64_t le64(const char *p) {
  uint64_t v;
  memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  v = __builtin_bswap64(v);
#elif !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
  const unsigned char *q = (const unsigned char *)p;
  v = (uint64_t)q[7] << 56 | (uint64_t)q[6] << 48 | (uint64_t)q[5] << 40 |
      (uint64_t)q[4] << 32 | (uint64_t)q[3] << 24 | (uint64_t)q[2] << 16 |
      (uint64_t)q[1] << 8 | q[0];
#endif
  return v;
}

/* The key of the token at bytes [b, e) of s, which is readable 8 bytes
 * past b (a padded text). */
static inline uint64_t tok_key(const char *s, uint32_t b, uint32_t e) {
  uint32_t l = e - b;
  return le64(s + b) & key_mask[l < 8 ? l : 8];
}

/* Byte i of the literal w (sizeof w bytes with its NUL) in a key: byte i
 * and past the end the NUL, which adds nothing. Constant where w is. */
#define LIT_KEY_(w, i)                                                         \
  ((uint64_t)(unsigned char)(w)[(i) < sizeof(w) ? (i) : sizeof(w) - 1]         \
   << (8 * (i)))
#define lit_key(w)                                                             \
  (LIT_KEY_(w, 0) | LIT_KEY_(w, 1) | LIT_KEY_(w, 2) | LIT_KEY_(w, 3) |         \
   LIT_KEY_(w, 4) | LIT_KEY_(w, 5) | LIT_KEY_(w, 6))

/* Is token ti the word w? w is a string literal (the "" makes sure), so
 * its length and its key are known where the test is written and the
 * compare can be inlined: a strlen and memcmp call a test cost more than
 * the test. */
#define tok_is_word(R, ti, w)                                                  \
  tok_is_lit(R, ti, "" w, sizeof(w) - 1, lit_key("" w))

/* Always inlined: GCC left 25 000 tests of the corpus out of line (a
 * call of 16 instructions, with the word's length no longer known). */
static inline __attribute__((always_inline)) bool
tok_is_wordn(const run *R, uint32_t ti, const char *w, size_t wl) {
  const tok *t = &R->rs->toks[ti];
  return t->e - t->b == wl && t->type == TK_WORD &&
         memcmp(R->n->text + t->b, w, wl) == 0;
}

/* tok_is_wordn for the words written in the rules (tok_is_word), without
 * the type test: a token that is no word is one byte that is no word
 * byte (punctuation, a newline; tokenize) or the empty sentinel, so it
 * never has both the length and the bytes of such a word. Every literal
 * asked for starts with a word byte or is longer than one byte ("'ve").
 * The test was a load and a branch at each length that matched. A word
 * of 1 to 7 bytes (nearly all) is one compare of keys (tok_key): the
 * test of the length, then of the bytes, mispredicted 173K times on the
 * bench corpus (cachegrind's model), more than any other line of the
 * rules. */
static inline __attribute__((always_inline)) bool
tok_is_lit(const run *R, uint32_t ti, const char *w, size_t wl, uint64_t key) {
  if (wl - 1 < 7)
    return R->rs->key[ti] == key;
  const tok *t = &R->rs->toks[ti];
  return t->e - t->b == wl && memcmp(R->n->text + t->b, w, wl) == 0;
}

/* Token ti is "a" or "an", the indefinite article (not lexicon entries:
 * thirteen rules ask for it by word, one member or one thing named). */
static inline __attribute__((always_inline)) bool a_or_an(const run *R,
                                                          uint32_t ti) {
  return tok_is_word(R, ti, "a") || tok_is_word(R, ti, "an");
}

/* Token ti is "he" or "she", one third person (not lexicon entries: five
 * rules ask for them by word). */
static inline __attribute__((always_inline)) bool he_or_she(const run *R,
                                                            uint32_t ti) {
  return tok_is_word(R, ti, "he") || tok_is_word(R, ti, "she");
}

#if defined(__SSE2__)
/* Bit k set: p[k] is a word byte (see word_byte), for 16 bytes. Adding
 * 0x80 - lo moves [lo, lo + n) to the bottom of the signed range, where
 * one signed compare finds it. */
static inline unsigned word_bits16(const char *p) {
  __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
  __m128i high = _mm_cmplt_epi8(x, _mm_setzero_si128()); /* >= 0x80 */
  __m128i az = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8(0x80 - 'a')),
                              _mm_set1_epi8((char)(0x80 + 26)));
  __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8(0x80 - '0')),
                                 _mm_set1_epi8((char)(0x80 + 10)));
  __m128i star = _mm_cmpeq_epi8(x, _mm_set1_epi8('*'));
  return (unsigned)_mm_movemask_epi8(
      _mm_or_si128(_mm_or_si128(high, az), _mm_or_si128(digit, star)));
}
#endif

/* The end of the word going on at p. The text ends at end, where there is
 * a NUL, and NUL is no word byte, so the byte loop needs no bounds check.
 * An apostrophe belongs to the word only between word bytes ("don't",
 * "jew's"); elsewhere it is a quote mark.
 *
 * With SSE2 the end is found 16 bytes a step while they lie inside the
 * text: 6% more instructions for the rule layer than the byte loop, but
 * no branch that mispredicts at every word's end, and 7% less time
 * (bench_stages, best of 10 runs of 10 rounds: 0.90 -> 0.83 us). */
static const char *word_end(const char *p, const char *end) {
  for (;;) {
#if defined(__SSE2__)
    unsigned other = 0; /* bit k: p[k] ends the word */
    while (end - p >= 16 && (other = ~word_bits16(p) & 0xffffu) == 0)
      p += 16;
    if (other)
      p += __builtin_ctz(other);
    else
#endif
      while (is_word_byte((unsigned char)*p))
        p++;
    if (p[0] != '\'' || !is_word_byte((unsigned char)p[1]))
      return p;
    p += 2;
  }
}

/* No runs from the matcher: every word's end is found by word_end. */
static const dc_wrun no_runs[1] = {{UINT32_MAX, UINT32_MAX}};

/* Tokens, and in the same pass the sentences and clauses they lie in (a
 * second walk over the tokens cost as much as the first). Quotation is
 * marked afterwards (mark_quotes): single quotes pair up within sentences,
 * which are only known once the sentence ends.
 *
 * Sentences end at . ! ? ; and line breaks; a full stop after a one-letter
 * word ("u.s.") or before a non-space does not end one. A run of ?!. after
 * the end stays in the ending sentence. Clauses also end at , : and dashes.
 *
 * Every token takes at least one byte, so room for len tokens (and one
 * sentence more than tokens) is made once, up front: the loop then writes
 * without checks. Past MAX_TOKENS tokens the comment is too big, as it
 * was when the array grew a token at a time.
 *
 * The matcher's word pass has already been over the words, and rv are its
 * runs (dc_hitvec.runs: the maximal runs of [a-z0-9] and non-ASCII bytes,
 * then a sentinel). They are the words' bytes but '*' and the apostrophe,
 * so a word token that starts with such a byte starts a run, and ends
 * where the run does unless a '*' or "'x" carries it on (word_end then
 * takes over from there): taking the end from the run spares looking for
 * it again. That holds for normalized text, which is lower case (the
 * matcher also counts A-Z as word bytes, these tokens do not). With
 * no_runs, word_end finds every end.
 *
 * Not inlined: in dc_rules_run its loop state spilled to the stack. */
static __attribute__((noinline)) decorum_status tokenize(run *R,
                                                         const dc_wrun *rv) {
  dc_rules_scratch *rs = R->rs;
  const char *s = R->n->text;
  size_t len = R->n->len;
  size_t lim = len < MAX_TOKENS ? len : MAX_TOKENS;
  /* one token more for the sentinel that ends place_hits' scans */
  decorum_status st = dc_grow(R->al, (void **)&rs->toks, &rs->cap_tok, lim + 1,
                              sizeof *rs->toks, MAX_TOKENS + 1);
  if (st == DECORUM_OK)
    st = dc_grow(R->al, (void **)&rs->key, &rs->cap_key, lim + 1,
                 sizeof *rs->key, MAX_TOKENS + 1);
  if (st == DECORUM_OK)
    st = dc_grow(R->al, (void **)&rs->s, &rs->cap_s,
                 lim < MAX_TOKENS ? lim + 1 : MAX_TOKENS, sizeof *rs->s,
                 MAX_TOKENS);
  if (st == DECORUM_OK && len > rs->cap_tok_at) {
    /* Zeroed when it grows, so that no lookup reads uninitialized
     * memory; stale indices are told apart by the lookup itself. */
    st = dc_grow(R->al, (void **)&rs->tok_at, &rs->cap_tok_at, len,
                 sizeof *rs->tok_at, UINT32_MAX);
    if (st == DECORUM_OK)
      memset(rs->tok_at, 0, rs->cap_tok_at * sizeof *rs->tok_at);
  }
  if (st != DECORUM_OK)
    return st;
  tok *toks = rs->toks;
  uint64_t *key = rs->key;
  uint16_t *tok_at = rs->tok_at;
  sentence *sv = rs->s;
  size_t nt = 0, ns = 0;
  uint32_t sent = 0, clause = 0, start = 0;
  bool question = false; /* a '?' in the open sentence */
  uint32_t bang = 0;     /* the open sentence's last '!' token + 1 */
  bool ended = false;    /* the open sentence has ended; a ?!. run goes on */
  unsigned opens = 0;    /* '(' tokens in a row, for the echo rule */
  R->echo = false;
  R->quotes = false;
  bool any_question = false;
  /* The loop over the runs has no room to check: a word there is
   * followed by a space and another word, so fewer than len - 1 tokens
   * precede it. That is room enough unless len > MAX_TOKENS, and then
   * word_end finds every end, where the room is checked. */
  if (len > MAX_TOKENS)
    rv = no_runs;
  size_t i = 0;
  for (;;) {
    while (s[i] == ' ') /* the NUL at len stops it */
      i++;
    if (i >= len)
      break;
    if (nt == lim)
      return DECORUM_ERR_TOOBIG;
    unsigned char c = (unsigned char)s[i];
    if (ended) {
      if (c == '?' || c == '!' || c == '.') {
        tok_at[i] = (uint16_t)nt;
        key[nt] = c;
        toks[nt++] = (tok){
            (uint32_t)i, (uint32_t)i + 1, sent, clause, TK_PUNCT, c, 0, 0};
        question |= c == '?';
        if (c == '!')
          bang = (uint32_t)nt;
        opens = 0;
        i++;
        continue;
      }
      sv[ns++] = (sentence){
          start, (uint32_t)nt, question, 0, 0, bang, 0, 0, 0, 0, 0, 0, 0, 0, 0};
      any_question |= question;
      sent++;
      clause++;
      start = (uint32_t)nt;
      question = false;
      bang = 0;
      ended = false;
    }
    if (is_word_byte(c)) {
      /* Most tokens are words, and words mostly follow words: a run
       * of them changes no sentence or clause, so it gets a loop of
       * its own with little state to keep in registers. */
      for (;;) {
        /* Passes over the runs the last token took in ("t" of
         * "don't", "r" of "n**r"). */
        while (rv->b < i)
          rv++;
        size_t j;
        if (rv->b == i) {
          /* The usual text: words of one run each, one space
           * apart. Such a word is its run, copied as it is, and
           * the sentence and clause do not change: three stores
           * a token (a token built whole was put together in a
           * vector register, field by field), its index by byte
           * and its key (tok_key). Each is written so, the last of the stretch
           * too, and the loop goes on while a word is followed
           * by one space and a run. The sentinel run never
           * starts one byte after a run's end. The room: token
           * k starts at byte rv->b, so k <= rv->b < len = lim
           * (past MAX_TOKENS bytes there are no runs). */
          tok *tp = toks + nt;
          uint32_t sc[2] = {sent, clause}, k = (uint32_t)nt;
          /* Two words a turn: the second is written only when
           * the first is followed by a run, so rv[2] is there
           * (at worst the sentinel). */
          for (;;) {
            memcpy(&tp->b, rv, 2 * sizeof tp->b);
            memcpy(&tp->sent, sc, sizeof sc);
            tp->type = TK_WORD;
            tp->ch = tp->quoted = tp->named = 0;
            tok_at[rv->b] = (uint16_t)k;
            key[k] = tok_key(s, rv->b, rv->e);
            if (s[rv->e] != ' ' || rv[1].b != rv->e + 1) {
              k++;
              tp++;
              break;
            }
            memcpy(&tp[1].b, rv + 1, 2 * sizeof tp->b);
            memcpy(&tp[1].sent, sc, sizeof sc);
            tp[1].type = TK_WORD;
            tp[1].ch = tp[1].quoted = tp[1].named = 0;
            tok_at[rv[1].b] = (uint16_t)(k + 1);
            key[k + 1] = tok_key(s, rv[1].b, rv[1].e);
            if (s[rv[1].e] != ' ' || rv[2].b != rv[1].e + 1) {
              k += 2;
              tp += 2;
              rv++;
              break;
            }
            k += 2;
            tp += 2;
            rv += 2;
          }
          nt = k;
          j = rv->e;
          rv++;
          /* the last word goes on past its run: "don't", "n**r" */
          unsigned char d = (unsigned char)s[j];
          if (d == '*' || d == '\'') {
            j = (size_t)(word_end(s + j, s + len) - s);
            tp[-1].e = (uint32_t)j;
            key[k - 1] = tok_key(s, tp[-1].b, tp[-1].e);
          }
        } else {
          j = (size_t)(word_end(s + i + 1, s + len) - s);
          tok_at[i] = (uint16_t)nt;
          key[nt] = tok_key(s, (uint32_t)i, (uint32_t)j);
          toks[nt++] =
              (tok){(uint32_t)i, (uint32_t)j, sent, clause, TK_WORD, 0, 0, 0};
        }
        i = j;
        while (s[i] == ' ')
          i++;
        if (!is_word_byte((unsigned char)s[i]))
          break; /* punctuation, or the NUL at len */
        if (nt == lim)
          return DECORUM_ERR_TOOBIG;
      }
      opens = 0;
      continue;
    }
    tok *t = &toks[nt];
    tok_at[i] = (uint16_t)nt;
    key[nt] = c;
    *t = (tok){(uint32_t)i,
               (uint32_t)i + 1,
               sent,
               clause,
               c == '\n' ? TK_NL : TK_PUNCT,
               c,
               0,
               0};
    i++;
    opens = c == '(' ? opens + 1 : 0;
    if (opens == 3)
      R->echo = true;
    if ((c == '"' || c == '\'') && !R->quotes) {
      R->quotes = true;
      R->quote_tok = (uint32_t)nt;
    }
    switch (c) {
    case '\n':
      ended = true;
      break;
    case '?':
      question = true;
      ended = true;
      break;
    case '!':
      bang = (uint32_t)nt + 1;
      ended = true;
      break;
    case ';':
      ended = true;
      break;
    case '.': {
      bool short_prev = nt > 0 && toks[nt - 1].type == TK_WORD &&
                        toks[nt - 1].e - toks[nt - 1].b == 1;
      bool glued =
          i < len && s[i] != ' ' && s[i] != '\n' && s[i] != '"' && s[i] != '.';
      ended = !short_prev && !glued;
      break;
    }
    case '-':
      /* "knife-wielding", "so-called": a hyphen inside a word ends
       * no clause; a dash between words does */
      if (!(i >= 2 && is_word_byte((unsigned char)s[i - 2]) &&
            is_word_byte((unsigned char)s[i])))
        clause++;
      break;
    case ',':
      /* "800,000": a comma between digits ends no clause */
      if (i >= 2 && i < len && s[i - 2] >= '0' && s[i - 2] <= '9' &&
          s[i] >= '0' && s[i] <= '9')
        break;
      clause++;
      break;
    case ':':
    case '(':
    case ')':
      clause++;
      break;
    default:
      break;
    }
    nt++;
  }
  any_question |= question;
  R->question = any_question;
  if (ended) {
    sv[ns++] = (sentence){
        start, (uint32_t)nt, question, 0, 0, bang, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    start = (uint32_t)nt;
    question = false;
    bang = 0;
  }
  if (start < nt || ns == 0)
    sv[ns++] = (sentence){
        start, (uint32_t)nt, question, 0, 0, bang, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  /* A sentinel no hit reaches: place_hits' token scans need no bound. */
  toks[nt] = (tok){UINT32_MAX, UINT32_MAX, sent, clause, TK_NL, 0, 0, 0};
  key[nt] = 0;
  rs->ntok = nt;
  rs->ns = ns;
  return DECORUM_OK;
}

/* A single quote that a tokenizer spaced off its word: "they 'll", "it 's".
 * It is an apostrophe, not a quotation mark. */
static bool apostrophe_at(const run *R, uint32_t k) {
  const dc_rules_scratch *rs = R->rs;
  if (k + 1 >= rs->ntok || rs->toks[k + 1].type != TK_WORD ||
      rs->toks[k + 1].b != rs->toks[k].e)
    return false;
  return tok_is_word(R, k + 1, "s") || tok_is_word(R, k + 1, "ll") ||
         tok_is_word(R, k + 1, "re") || tok_is_word(R, k + 1, "ve") ||
         tok_is_word(R, k + 1, "d") || tok_is_word(R, k + 1, "t") ||
         tok_is_word(R, k + 1, "m");
}

/* Which words are inside quotation marks. Double quotes toggle, and a line
 * break closes one left open. Single quotes are also apostrophes, so they
 * quote only in pairs within a line, and by their shape: a mark glued to
 * the word before it and not to the next one ("Muslims' children") can
 * only close a quote, so with none open it is an apostrophe; one glued to
 * a contraction's ending ("they 'll", as tokenized text writes it) is
 * never a quote; a mark spaced on both sides (tokenized text again) can
 * open or close. */
static void mark_quotes(run *R) {
  dc_rules_scratch *rs = R->rs;
  bool dq = false;
  uint32_t open = UINT32_MAX; /* the single quote waiting for its pair */
  /* The tokens before the first quote mark are unquoted, as the
   * tokenizer left them, and change neither dq nor open. */
  for (uint32_t i = R->quote_tok; i < rs->ntok; i++) {
    tok *t = &rs->toks[i];
    if (t->type == TK_WORD) { /* most tokens */
      t->quoted = dq;
      continue;
    }
    if (t->type == TK_NL) {
      dq = false;
      open = UINT32_MAX;
    } else if (t->type == TK_PUNCT && t->ch == '"') {
      dq = !dq;
    }
    /* Other tokens stay unquoted, as the tokenizer left them. */
    if (t->type != TK_PUNCT || t->ch != '\'' || apostrophe_at(R, i))
      continue;
    bool glued_before =
        i > 0 && rs->toks[i - 1].type == TK_WORD && rs->toks[i - 1].e == t->b;
    bool glued_after = i + 1 < rs->ntok && rs->toks[i + 1].type == TK_WORD &&
                       rs->toks[i + 1].b == t->e;
    if (open == UINT32_MAX) {
      if (!glued_before || glued_after)
        open = i;
      continue;
    }
    for (uint32_t j = open + 1; j < i; j++)
      if (rs->toks[j].type == TK_WORD)
        rs->toks[j].quoted = 1;
    open = UINT32_MAX;
  }
}

/* A comment that is all quotation, with no words of the writer's around
 * it but a retweet mark, a handle or a link ("RT \"...\"", a headline in
 * quotes), is what the writer posts: nothing frames it as someone else's
 * words, so it is not read as quoted speech. */
static void unquote_whole(run *R) {
  dc_rules_scratch *rs = R->rs;
  bool any = false;
  for (uint32_t i = 0; i < rs->ntok; i++) {
    const tok *t = &rs->toks[i];
    if (t->type != TK_WORD)
      continue;
    if (t->quoted) {
      any = true;
      continue;
    }
    bool handle = i > 0 && rs->toks[i - 1].type == TK_PUNCT &&
                  rs->toks[i - 1].ch == '@' && rs->toks[i - 1].e == t->b;
    if (!handle && !tok_is_word(R, i, "rt") && !tok_is_word(R, i, "via") &&
        !tok_is_word(R, i, "http") && !tok_is_word(R, i, "https"))
      return;
  }
  if (!any)
    return;
  for (uint32_t i = 0; i < rs->ntok; i++)
    rs->toks[i].quoted = 0;
}

/* ---------------------------------------------------------------------- */
/* Mentions: lexicon hits placed on tokens                                 */
/* ---------------------------------------------------------------------- */

/* Sets of kinds are 64-bit masks (run.kinds, the sets below). */
#define KIND_BIT(k) ((uint64_t)1 << DC_KIND_##k)
_Static_assert(DC_N_KINDS <= 64, "a kind set fits in 64 bits");

/* Categories a team is named for: a nation ("the Italians", "English
 * fans"). */
#define NATION_CATEGORIES                                                      \
  ((1u << DECORUM_CATEGORY_NATIONALITY) | (1u << DECORUM_CATEGORY_ETHNICITY))

/* Kinds that say something (as opposed to grammar and names). */
#define CONTENT_KINDS                                                          \
  (KIND_BIT(SLUR) | KIND_BIT(DEHUMANIZE) | KIND_BIT(DEROGATE) |                \
   KIND_BIT(HATE_VERB) | KIND_BIT(THREAT) | KIND_BIT(EXCLUSION) |              \
   KIND_BIT(STEREOTYPE) | KIND_BIT(PROFANITY) | KIND_BIT(INSULT) |             \
   KIND_BIT(POSITIVE) | KIND_BIT(DENOUNCE) | KIND_BIT(CODE) |                  \
   KIND_BIT(DOGWHISTLE))

static bool content_kind(dc_kind k) { return (CONTENT_KINDS >> k) & 1; }

/* Kinds that can name a target; find_targets reads only
 * those mentions (place_hits lists them). */
#define TARGET_KINDS                                                           \
  (KIND_BIT(IDENTITY) | KIND_BIT(SLUR) | KIND_BIT(DOGWHISTLE) |                \
   KIND_BIT(PRONOUN_GROUP) | KIND_BIT(PRONOUN_YOU) | KIND_BIT(NONPROTECTED) |  \
   KIND_BIT(OBJECT) | KIND_BIT(CONSP_ACTOR))

/* Kinds that dc_rules_run's rule loop reads (a switch case of their own);
 * place_hits lists those mentions, so that the loop passes over no other:
 * its test of every mention's kind mispredicted ~20K times on the bench
 * corpus (cachegrind's model). */
#define RULE_KINDS                                                             \
  (KIND_BIT(SLUR) | KIND_BIT(DEHUMANIZE) | KIND_BIT(DEROGATE) |                \
   KIND_BIT(HATE_VERB) | KIND_BIT(THREAT) | KIND_BIT(EXCLUSION) |              \
   KIND_BIT(STEREOTYPE) | KIND_BIT(INSULT) | KIND_BIT(HUMANITY) |              \
   KIND_BIT(PROFANITY) | KIND_BIT(CODE) | KIND_BIT(CONSPIRACY) |               \
   KIND_BIT(NEGATION))

/* Content kinds but profanity: the kinds that yield to a longer entry
 * of another kind (explained_by's second case). */
#define DROPPABLE (CONTENT_KINDS & ~KIND_BIT(PROFANITY))

/* Should mention m yield to o, an earlier mention whose bytes contain it?
 * Glue (a function word) explains nothing, and is never an o: place_hits
 * keeps it out of the mentions. */
static bool explained_by(const run *R, const mention *m, const mention *o) {
  bool longer = o->e - o->b > m->e - m->b;
  /* Inside an innocent phrase ("spic and span", "chink in the armour",
   * "royal troon"), nothing else counts. */
  if (o->kind == DC_KIND_ALLOW && m->kind != DC_KIND_ALLOW && longer)
    return true;
  /* A content word inside a longer entry of another kind yields to it:
   * "hate" in "hate crime", "sick" in "sick of". Structural words stay:
   * the rules read them inside phrases. */
  if (content_kind((dc_kind)m->kind) && m->kind != DC_KIND_PROFANITY &&
      longer && o->kind != DC_KIND_IDENTITY && o->kind != DC_KIND_PERSON &&
      o->kind != DC_KIND_CODE && o->kind != DC_KIND_DOGWHISTLE)
    return true;
  /* A run-together reading inside a token that a whole-word entry already
   * explains is spurious: "niggas" is not "nig" + "gas". Hashtag codes
   * keep their pieces ("killalljews" threatens). */
  const tok *toks = R->rs->toks;
  return m->how == DC_HIT_COMPOUND && o->how != DC_HIT_COMPOUND &&
         o->b <= toks[m->tb].b && o->e >= toks[m->te - 1].e &&
         o->kind != DC_KIND_CODE && o->kind != DC_KIND_DOGWHISTLE;
}

/* Is some mention of the comment of kind k? Passes over the mentions that
 * look for one kind are skipped when it is absent. */
static bool any_kind(const run *R, dc_kind k) { return (R->kinds >> k) & 1; }

/* The longest of the mentions mv[0, upto), in bytes. */
typedef struct longest {
  size_t upto;
  uint32_t len;
} longest;

/* Is mention mv[i] explained by an earlier one that contains it? Hits are
 * sorted by begin, longer first, so every mention containing mv[i] sits
 * before it and starts at most lg->len bytes earlier once lg covers the
 * mentions before it: scanning back that far keeps this linear in the
 * comment's length. lg is brought up to i here, not by the placement loop
 * for every mention, as explained is seldom called. Dropped mentions count
 * as containers too. Out of line: inlined it cost the placement loop its
 * registers. */
static __attribute__((noinline)) bool explained(const run *R, const mention *mv,
                                                size_t i, longest *lg) {
  for (; lg->upto < i; lg->upto++)
    if (mv[lg->upto].e - mv[lg->upto].b > lg->len)
      lg->len = mv[lg->upto].e - mv[lg->upto].b;
  uint32_t max_len = lg->len;
  const mention *m = &mv[i];
  for (size_t j = i; j-- > 0 && mv[j].b + max_len >= m->b;) {
    const mention *o = &mv[j];
    if (o->b > m->b || o->e < m->e)
      continue;
    if (explained_by(R, m, o))
      return true;
  }
  return false;
}

/* Writes hit as a mention on tokens [tb, te). The whole hit is copied as
 * it lies (its padding then overwritten): a mention built whole was
 * gathered into a vector one field at a time. */
static inline void put_mention(mention *m, const dc_hit *hit, uint8_t kind,
                               uint32_t tb, uint32_t te) {
  memcpy(m, hit, sizeof *hit);
  m->kind = kind;
  m->used = m->reclaimed = m->dropped = 0;
  m->tb = tb;
  m->te = te;
}

/* The first token ending after byte b (the sentinel if none): the token
 * that starts at b when there is one, found by its index, else by
 * bisection (a hit inside a word, as a run-together reading is, or one
 * that starts on a space). The arrays come from place_hits' locals: its
 * stores into mentions may alias the scratch's fields. */
static inline uint32_t token_at(const tok *toks, const uint16_t *tok_at,
                                size_t ntok, uint32_t b, size_t len) {
  if (b < len) {
    uint32_t ti = tok_at[b];
    /* Most hits start a token: said so, GCC lays this way out
     * straight, where it jumped away and back. */
    if (__builtin_expect(ti < ntok && toks[ti].b == b, 1))
      return ti;
  }
  size_t lo = 0, hi = ntok;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (toks[mid].e <= b)
      lo = mid + 1;
    else
      hi = mid;
  }
  return (uint32_t)lo;
}

/* Travellers: Irish Travellers or anyone travelling? The words of a
 * comment about travel (flights, airports, hotels, tourists, holidays)
 * say the second; the words of the Traveller community's life (sites,
 * camps, caravans, halting sites, the council, settled people) say the
 * first, and so does any name of the community, of Roma or of the Irish
 * that the lexicon found in the comment (community_named: the names
 * stay in the lexicon's data). */
static const char *const travel_words[] = {
    "flight",      "flights",     "airport",      "airports", "airline",
    "airlines",    "plane",       "planes",       "heathrow", "gatwick",
    "stansted",    "eurostar",    "ryanair",      "easyjet",  "hotel",
    "hotels",      "hostel",      "hostels",      "tourist",  "tourists",
    "tourism",     "holiday",     "holidays",     "vacation", "passport",
    "passports",   "luggage",     "baggage",      "boarding", "gate",
    "backpacking", "backpackers", "solo",         "business", "budget",
    "frequent",    "fellow",      "carriage",     "trip",     "trips",
    "journey",     "destination", "destinations", "visa",     "cruise",
    "tripadvisor", "timeshare",   "timeshares",   "resort",   "resorts",
    "campervan",   "security",    "jet",          "delays",   "delayed",
    "tip",         "sightseeing", "itinerary",    "abroad",   "train",
    "trains",      "station",     "ferry",        "ferries",  "bus",
    "coach",       "commuters",   "passengers",   "inn"};
static const char *const traveller_words[] = {
    "site",    "sites",    "camp",    "camps",   "encampment",
    "caravan", "caravans", "halting", "council", "settled",
    "horses",  "tarmac",   "served"};

/* Does the comment name the Traveller community, Roma or the Irish
 * otherwise than by "traveller(s)" (flag `case`)? Any identity word or
 * slur of those groups the matcher found: "gypsies", "Roma", "Irish",
 * "pikeys", "tinkers". The Irish by an identity word only: "paddy" and
 * "mick" are mostly a rice field and a name. */
static bool community_named(const run *R, const dc_hitvec *hits) {
  for (size_t k = 0; k < hits->n; k++) {
    uint32_t id = hits->v[k].entry;
    if (id >= R->lx->n)
      continue;
    const dc_entry *e = &R->lx->entries[id];
    if ((e->kind != DC_KIND_IDENTITY && e->kind != DC_KIND_SLUR) ||
        (e->flags & DC_F_CASE))
      continue;
    if ((e->group_len == 4 && memcmp(e->group, "roma", 4) == 0) ||
        (e->group_len == 15 && memcmp(e->group, "irish_traveller", 15) == 0) ||
        (e->kind == DC_KIND_IDENTITY && e->group_len == 5 &&
         memcmp(e->group, "irish", 5) == 0))
      return true;
  }
  return false;
}

static bool word_among(const run *R, uint32_t a, uint32_t b,
                       const char *const *list, size_t n);

/* Does "traveller(s)" at tokens [ti, te) name Irish Travellers? Not
 * after a country or an identity word ("UK Travellers", "British
 * Travellers": travellers from there), nor as a name of a run of title
 * case ("The Travellers Rest pub", "Heathrow Travellers Face Delays"),
 * nor where the comment talks of travel and not of the Traveller
 * community's life (travel_words, traveller_words, community_named).
 * Capitals or none, opening its sentence or not: "Travellers are scum,
 * burn them out", "No travellers served", "I hate Travellers who clap
 * when the plane lands". (*travel: 0 not yet asked, 1 travel, 2 not) */
static bool traveller_named(const run *R, const dc_hitvec *hits,
                            const tok *toks, uint32_t ntok, uint32_t ti,
                            uint32_t te, const uint64_t *at, int *travel) {
  if (ti > 0 && (at[ti - 1] & (KIND_BIT(IDENTITY) | KIND_BIT(NONPROTECTED))))
    return false;
  uint32_t ob = dc_norm_src_begin(R->n, toks[ti].b);
  bool cap = ob < R->orig_len && R->orig[ob] >= 'A' && R->orig[ob] <= 'Z';
  if (cap && ob + 1 < R->orig_len &&
      !(R->orig[ob + 1] >= 'A' && R->orig[ob + 1] <= 'Z') && te < ntok &&
      toks[te].type == TK_WORD) {
    uint32_t nb = dc_norm_src_begin(R->n, toks[te].b);
    if (nb < R->orig_len && R->orig[nb] >= 'A' && R->orig[nb] <= 'Z')
      return false;
  }
  if (!*travel)
    *travel =
        word_among(R, 0, ntok, travel_words,
                   sizeof travel_words / sizeof *travel_words) &&
                !word_among(R, 0, ntok, traveller_words,
                            sizeof traveller_words / sizeof *traveller_words) &&
                !community_named(R, hits)
            ? 1
            : 2;
  return *travel == 2;
}

/* How far before a hit, in bytes, a hit that contains it may start: a
 * lexicon term is at most 200 bytes (lexicon.c), and a misspelled or
 * masked form a few more. */
#define CONTAINER_SPAN 256u

static bool disguised(const run *R, const mention *m);

/* place_hits' undoing of an allow entry that held a slur, where its
 * clause attacks (see there): each slur of mv[0, nm) dropped inside a
 * kept allow mention flagged `reclaimable` (a group's own name: "yid
 * army", "dyke march"; not "island of lesbos", a place), in a clause with
 * a hostile mention, is kept, and the allow mention dropped. Rare: asked only
 * when a slur was dropped and a hostile word placed. */
static void restore_attacked_slurs(run *R, mention *mv, size_t nm, uint64_t *at,
                                   uint64_t *kinds, uint64_t *dropped) {
  const tok *toks = R->rs->toks;
  const uint64_t hostile = KIND_BIT(THREAT) | KIND_BIT(DEHUMANIZE) |
                           KIND_BIT(DEROGATE) | KIND_BIT(INSULT) |
                           KIND_BIT(EXCLUSION);
  uint32_t seen = 0; /* 1 + the clause whose answer attacked holds */
  bool attacked = false;
  for (size_t i = 0; i < nm; i++) {
    if (!mv[i].dropped || mv[i].kind != DC_KIND_SLUR)
      continue;
    size_t a = nm;
    /* (the container starts before it within a term's length: a
     * comment of thousands of them is not read back for each) */
    for (size_t j = i;
         j-- > 0 && a == nm && mv[i].b - mv[j].b <= CONTAINER_SPAN;)
      if (!mv[j].dropped && mv[j].kind == DC_KIND_ALLOW &&
          (R->lx->entries[mv[j].entry].flags & DC_F_RECLAIMABLE) &&
          mv[j].b <= mv[i].b && mv[j].e >= mv[i].e)
        a = j;
    for (size_t j = i + 1; j < nm && mv[j].b <= mv[i].b && a == nm; j++)
      if (!mv[j].dropped && mv[j].kind == DC_KIND_ALLOW &&
          (R->lx->entries[mv[j].entry].flags & DC_F_RECLAIMABLE) &&
          mv[j].e >= mv[i].e)
        a = j;
    if (a == nm)
      continue;
    /* Is the clause attacked? Worked out once a clause, from the
     * mentions around i (sorted by begin, so a clause's are
     * together). */
    uint32_t clause = toks[mv[i].tb].clause;
    if (clause + 1 != seen) {
      seen = clause + 1;
      attacked = false;
      for (size_t j = i;
           j-- > 0 && toks[mv[j].tb].clause == clause && !attacked;)
        attacked = !mv[j].dropped && ((hostile >> mv[j].kind) & 1);
      for (size_t j = i + 1;
           j < nm && toks[mv[j].tb].clause == clause && !attacked; j++)
        attacked = !mv[j].dropped && ((hostile >> mv[j].kind) & 1);
    }
    if (!attacked)
      continue;
    mv[i].dropped = 0;
    at[mv[i].tb] |= KIND_BIT(SLUR);
    *kinds |= KIND_BIT(SLUR);
    mv[a].dropped = 1;
    at[mv[a].tb] &= ~KIND_BIT(ALLOW);
    *dropped |= KIND_BIT(ALLOW);
  }
}

/* Is token t a person noun (at: the kind bits of each token), not a
 * collective or a trade ("population", "community", "family", "man":
 * "the mozzie population", "the Mozzie Man van")? */
static bool person_after(const run *R, uint32_t t, const uint64_t *at) {
  return t < R->rs->ntok && (at[t] & (KIND_BIT(IDENTITY) | KIND_BIT(PERSON))) &&
         !tok_is_word(R, t, "population") && !tok_is_word(R, t, "community") &&
         !tok_is_word(R, t, "family") && !tok_is_word(R, t, "man") &&
         !tok_is_word(R, t, "men");
}

/* An ambiguous slur flagged `groupcue` (mozzie: everyday Australian and
 * British for a mosquito, which people hate, swat, kill and call vermin
 * every summer) is the slur only where it plainly names people: spelled
 * in disguise ("m0zzies"), before a person noun ("a mozzie guy"; not a
 * collective or a trade: "the mozzie population", "the Mozzie Man van"),
 * or beside a word for its group in the comment ("mozzies" and
 * "Muslims"). Elsewhere it is the insect, and no mention at all: a
 * hostile word is no cue ("I hate mozzies", "Kill every mozzie in the
 * tent", "Mozzies are vermin"), and a threat or a word of contempt must
 * not find a group in it. Asked of the placed mentions mv[0, nm). */
static bool groupcue_named(const run *R, const mention *mv, size_t nm,
                           const mention *m, const uint64_t *at,
                           const char **grp, int *named) {
  if (disguised(R, m))
    return true;
  if (person_after(R, m->te, at))
    return true;
  /* a Hindi grammar word beside it: a postposition or "log" after ("in
   * mullon ko", "mulle log"), a Hindi demonstrative or "sab" before
   * ("ye mulle", "sab mullon"). The Hinglish forms of "mulla" are also
   * Finnish and Estonian for "to me" ("Anna mulle se kirja"), so not
   * the words those languages share: "se", "ne", "ka". */
  {
    static const char *const post[] = {"ko",    "ke",   "ki", "log",
                                       "logon", "logo", "par"};
    static const char *const pre[] = {"un",  "ye",    "yeh",  "inn",  "unn",
                                      "sab", "saare", "sare", "saale"};
    if ((m->te < R->rs->ntok &&
         word_among(R, m->te, m->te + 1, post, sizeof post / sizeof *post)) ||
        (m->tb > 0 &&
         word_among(R, m->tb - 1, m->tb, pre, sizeof pre / sizeof *pre)))
      return true;
  }
  /* a word of the group: "Muslims", "Islam", another slur for them
   * (worked out once for each group: a chant of "mozzies" asks again
   * and again) */
  const dc_entry *e = &R->lx->entries[m->entry];
  if (*grp != e->group) {
    *grp = e->group;
    *named = 0;
    for (size_t i = 0; i < nm && !*named; i++) {
      const dc_entry *o = &R->lx->entries[mv[i].entry];
      *named =
          !mv[i].dropped && !(o->flags & DC_F_GROUPCUE) && same_group(e, o);
    }
  }
  return *named;
}

/* Is [b, e) (normalized) written in capitals in the original ("FOB",
 * "FOBs") in a comment that has lower-case letters elsewhere? */
static bool acronym(const run *R, uint32_t b, uint32_t e) {
  if (e <= b)
    return false;
  uint32_t ob = dc_norm_src_begin(R->n, b);
  uint32_t oe = dc_norm_src_end(R->n, e - 1);
  if (oe > R->orig_len || oe - ob < 2)
    return false;
  for (uint32_t i = ob; i < oe; i++)
    if (!(R->orig[i] >= 'A' && R->orig[i] <= 'Z') &&
        !(i + 1 == oe && R->orig[i] == 's'))
      return false;
  for (uint32_t i = 0; i < R->orig_len; i++)
    if ((i < ob || i >= oe) && R->orig[i] >= 'a' && R->orig[i] <= 'z')
      return true;
  return false;
}

/* Is a hit other than h of one of the kinds (a KIND_BIT mask) among the
 * comment's hits [hv, hend), before sentences are marked? */
static bool hostile_hit(const run *R, const dc_hit *hv, const dc_hit *hend,
                        const dc_hit *h, uint64_t hostile) {
  for (const dc_hit *o = hv; o < hend; o++)
    if (o != h && o->entry < R->lx->n &&
        (hostile >> R->rules->kind_of[o->entry] & 1u))
      return true;
  return false;
}

/* Is hit h a four-letter slur with its middle letters swapped ("pkais",
 * match.c gen_fuzzy) that is too weak to count? The swapped forms are no
 * English words, but they are acronyms ("Member FINRA/SIPC", "AOBs" at
 * the end of UK meeting minutes: any other business), names ("Shanghai
 * SIPG", the place "Pkai"), identifiers ("sipc_total", "kkie-2231") and
 * typos ("Pahg"). So a swap counts only as its own entry's (a severe,
 * unambiguous slur: the form is shared by the term's whole group), in
 * lower case, standing alone, and plural with some sign that people are
 * meant: "these"/"those"/"all"/"too many" or an epithet before it, or a
 * hostile word or a plot's verb in the comment ("all these pkais ...
 * stink", "the kkies run the banks"; not "Any aobs before we close?"). */
static bool weak_swap(const run *R, const dc_hit *hv, const dc_hit *hend,
                      const dc_hit *h, uint32_t ti) {
  const dc_entry *e = &R->lx->entries[h->entry];
  const char *s = R->n->text + h->begin;
  uint32_t n = h->end - h->begin;
  if (h->how != DC_HIT_MASKED || e->term_len != 4 || n < 4 ||
      e->term[1] == e->term[2] || s[1] != e->term[2] || s[2] != e->term[1] ||
      s[0] != e->term[0])
    return false;
  if (e->kind != DC_KIND_SLUR || !(e->flags & DC_F_SEVERE) ||
      (e->flags & DC_F_AMBIGUOUS) || s[n - 1] != 's')
    return true;
  uint32_t ob = dc_norm_src_begin(R->n, h->begin);
  uint32_t oe = dc_norm_src_end(R->n, h->end - 1);
  if (oe > R->orig_len || oe <= ob)
    return true;
  for (uint32_t i = ob; i < oe; i++)
    if (!(R->orig[i] >= 'a' && R->orig[i] <= 'z'))
      return true;
  char before = ob > 0 ? R->orig[ob - 1] : ' ';
  char after = oe < R->orig_len ? R->orig[oe] : ' ';
  if (strchr("_-/@#.", before) || (before >= '0' && before <= '9') ||
      strchr("_-/@#", after) || (after >= '0' && after <= '9') ||
      (after == '.' && oe + 1 < R->orig_len &&
       ((R->orig[oe + 1] >= 'a' && R->orig[oe + 1] <= 'z') ||
        (R->orig[oe + 1] >= '0' && R->orig[oe + 1] <= '9'))))
    return true;
  /* (sentences are not marked yet when hits are placed: the words
   * just before it, and hostile hits anywhere in the comment) */
  const tok *toks = R->rs->toks;
  for (uint32_t k = ti; k > 0 && k + 2 >= ti; k--) {
    if (toks[k - 1].type != TK_WORD)
      break;
    if (tok_is_word(R, k - 1, "these") || tok_is_word(R, k - 1, "those") ||
        tok_is_word(R, k - 1, "all") || tok_is_word(R, k - 1, "them") ||
        tok_is_word(R, k - 1, "dirty") || tok_is_word(R, k - 1, "filthy") ||
        tok_is_word(R, k - 1, "fucking") || tok_is_word(R, k - 1, "bloody") ||
        tok_is_word(R, k - 1, "stinking") ||
        (tok_is_word(R, k - 1, "many") && k >= 2 &&
         (tok_is_word(R, k - 2, "too") || tok_is_word(R, k - 2, "so"))))
      return false;
  }
  return !hostile_hit(R, hv, hend, h,
                      KIND_BIT(DEHUMANIZE) | KIND_BIT(DEROGATE) |
                          KIND_BIT(THREAT) | KIND_BIT(EXCLUSION) |
                          KIND_BIT(HATE_VERB) | KIND_BIT(INSULT) |
                          KIND_BIT(STEREOTYPE) | KIND_BIT(CONSP_ACTION));
}

/* Does a slur flagged `case` and `notperson` ("fob", hit h) at tokens
 * [ti, te) name the thing in this comment: a key fob or the band? Like the
 * smoking words for a cigarette (subject_beside_group), a fob is a key,
 * opens doors, cars and buildings, is cloned, tapped, bought on Amazon
 * and runs on a battery; Fall Out Boy makes albums and songs. A single
 * one owned ("my fob is sticky", "my fob.") is the thing too. The device
 * words are everyday ones, so not beside a threat, an exclusion, a
 * dehumanizing word or a hate verb ("Dirty fob, go back home, the door is
 * that way"; a "cheap" fob is still a thing). Asked only of such a slur's hits,
 * so the scan of the comment is rare. */
static bool device_sense(const run *R, const dc_hit *hv, const dc_hit *hend,
                         const dc_hit *h, uint32_t ti, uint32_t te) {
  static const char *const device[] = {
      "key",     "keys",      "keychain", "keyring",  "door",   "doors",
      "car",     "cars",      "garage",   "gate",     "clone",  "cloned",
      "clones",  "cloning",   "copy",     "building", "amazon", "ebay",
      "battery", "batteries", "card",     "cards",    "lock",   "locks",
      "unlock",  "unlocks",   "tap",      "tapped",   "access", "reader",
      "rfid",    "nfc",       "flipper",  "remote",   "sensor", "album",
      "albums",  "song",      "songs",    "band",     "tour",   "concert",
      "lyrics",  "emo",       "playlist"};
  const dc_rules_scratch *rs = R->rs;
  if (ti > 0 && te == ti + 1 && R->n->text[rs->toks[ti].e - 1] != 's' &&
      (tok_is_word(R, ti - 1, "my") || tok_is_word(R, ti - 1, "your") ||
       tok_is_word(R, ti - 1, "our") || tok_is_word(R, ti - 1, "his") ||
       tok_is_word(R, ti - 1, "her") || tok_is_word(R, ti - 1, "their")) &&
      (te >= rs->ntok || rs->toks[te].type != TK_WORD ||
       tok_is_word(R, te, "is") || tok_is_word(R, te, "was") ||
       tok_is_word(R, te, "broke") || tok_is_word(R, te, "stopped") ||
       tok_is_word(R, te, "died") || tok_is_word(R, te, "needs")))
    return true; /* not "my fob coworker" */
  /* (a device word beside it is the thing: "the fob album slaps",
   * "key fob") */
  if (word_among(R, ti > 0 ? ti - 1 : 0, te + 1 < rs->ntok ? te + 1 : te,
                 device, sizeof device / sizeof device[0]))
    return true;
  return word_among(R, 0, (uint32_t)rs->ntok, device,
                    sizeof device / sizeof device[0]) &&
         !hostile_hit(R, hv, hend, h,
                      KIND_BIT(DEHUMANIZE) | KIND_BIT(THREAT) |
                          KIND_BIT(EXCLUSION) | KIND_BIT(HATE_VERB));
}

/* Places the hits on tokens as mentions, drops those a longer mention
 * explains, and indexes the rest by first token. Room for every hit is made
 * once (past MAX_ITEMS mentions the comment is too big, as before). */
static decorum_status place_hits(run *R, const dc_hitvec *hits) {
  dc_rules_scratch *rs = R->rs;
  size_t lim = hits->n < MAX_ITEMS ? hits->n : MAX_ITEMS;
  decorum_status st = dc_grow(R->al, (void **)&rs->m, &rs->cap_m, lim,
                              sizeof *rs->m, MAX_ITEMS);
  /* at's ntok + 1 words, then first's ntok + 4 counts */
  size_t n_at = rs->ntok + 1, n_words = n_at + (rs->ntok + 5) / 2;
  if (st == DECORUM_OK)
    st = dc_grow(R->al, (void **)&rs->at, &rs->cap_at, n_words, sizeof *rs->at,
                 MAX_TOKENS + 1 + (MAX_TOKENS + 5) / 2);
  if (st == DECORUM_OK)
    st = dc_grow(R->al, (void **)&rs->glue, &rs->cap_glue, hits->n,
                 sizeof *rs->glue, SIZE_MAX / sizeof *rs->glue);
  if (st == DECORUM_OK)
    st = dc_grow(R->al, (void **)&rs->tlist, &rs->cap_tl, lim,
                 sizeof *rs->tlist, MAX_ITEMS);
  if (st == DECORUM_OK)
    st = dc_grow(R->al, (void **)&rs->rlist, &rs->cap_rl, lim,
                 sizeof *rs->rlist, MAX_ITEMS);
  if (st != DECORUM_OK)
    return st;
  rs->first = (uint32_t *)(void *)(rs->at + n_at);
  /* Loop invariants in locals: the byte-sized stores into mentions may
   * alias anything, and would make the compiler reload them. */
  const tok *toks = rs->toks;
  const uint16_t *tok_at = rs->tok_at;
  const uint8_t *kind_of = R->rules->kind_of;
  size_t n_entries = R->lx->n, ntok = rs->ntok, len = R->n->len, nm = 0;
  mention *mv = rs->m;
  /* No containment scan is needed when no earlier mention reaches as far
   * as this one ends. */
  uint32_t reach = 0;
  longest lg = {0, 0};
  /* Mentions are indexed by token: first[t] is the first mention with
   * tb >= t. Once they are placed, the kept mentions of token t are
   * counted in first[t + 1], and a running sum turns the counts into
   * indices. The dropped ones stay in mv until the end, as later mentions
   * are checked against them too, but are not counted. */
  uint32_t *first = rs->first;
  uint64_t *at = rs->at;
  memset(at, 0, n_words * sizeof *at); /* first's 3 more: the sum */
  /* Every hit that lands on a token takes room, glue and dropped ones
   * too. Past MAX_ITEMS hits they are counted first, and more than
   * MAX_ITEMS of them make the comment too big; below that each has
   * room, and the loop keeps no count (it had no register to spare). */
  if (hits->n > MAX_ITEMS) {
    size_t placed = 0;
    for (size_t i = 0; i < hits->n; i++) {
      const dc_hit *h = &hits->v[i];
      placed += h->entry < n_entries && h->end > h->begin &&
                toks[token_at(toks, tok_at, ntok, h->begin, len)].b < h->end;
    }
    if (placed > lim)
      return DECORUM_ERR_TOOBIG;
  }
  /* Bit k: a kept, or a dropped mention of kind k. Whether an allow
   * entry was placed is asked of both. */
  uint64_t kinds = 0, dropped = 0;
  bool cued = false; /* a slur flagged groupcue was placed */
  int travel = 0;    /* traveller_named's reading of the comment */
  /* By pointer, and the end kept in a local: the stores into the
   * mentions may alias *hits, which the compiler then read again every
   * hit. (hits->v may be NULL when there are none.) */
  const dc_hit *hit_end = hits->n ? hits->v + hits->n : hits->v;
  const dc_hit **later = rs->glue;
  size_t ng = 0;
  for (const dc_hit *hit = hits->v; hit < hit_end; hit++) {
    uint32_t hb = hit->begin, he = hit->end;
    if (hit->entry >= n_entries || he <= hb)
      continue;
    uint8_t kind = kind_of[hit->entry];
    /* Glue (function words) is 42% of the hits (73 000 of 171 000 on
     * the bench corpus), and the rules ask whether a token starts one
     * for 2 000-odd comments of the 13 800 that come here. Glue that
     * cannot yield (explained_by: not a run-together reading, and no
     * allow entry placed before it) is kept wherever it lands on a
     * token, and is placed only when first asked about (place_glue). */
    if (kind == DC_KIND_GLUE && hit->how != DC_HIT_COMPOUND &&
        !((kinds | dropped) & KIND_BIT(ALLOW))) {
      later[ng++] = hit;
      continue;
    }
    uint32_t ti = token_at(toks, tok_at, ntok, hb, len);
    /* The sentinel token after the last stops the scan for te, and is
     * where a hit past the last token finds only spaces. */
    if (toks[ti].b >= he)
      continue; /* only spaces */
    uint32_t te = ti + 1;
    for (const tok *tq = toks + te; tq->b < he; tq++)
      te++;
    /* A slur flagged `case` ("fob") is no slur written in capitals,
     * an acronym ("FOB": Fall Out Boy, a forward operating base),
     * unless the whole comment shouts; nor run together with other
     * words ("#waitedforfobandgotthis"): its three letters are in too
     * many. */
    if (kind == DC_KIND_SLUR && hit->how == DC_HIT_MASKED &&
        weak_swap(R, hits->v, hit_end, hit, ti))
      continue;
    if (kind == DC_KIND_SLUR &&
        (R->lx->entries[hit->entry].flags & DC_F_CASE) &&
        (hit->how == DC_HIT_COMPOUND || acronym(R, hb, he) ||
         ((R->lx->entries[hit->entry].flags & DC_F_NOTPERSON) &&
          device_sense(R, hits->v, hit_end, hit, ti, te))))
      continue;
    /* An identity noun flagged `case` ("Travellers") names the group
     * unless the comment is about travel, or it is a country's
     * travellers or part of a title-case name (traveller_named):
     * "No travellers served", "Travellers are scum"; not "Business
     * Travellers hate the new Heathrow charges". */
    if (kind == DC_KIND_IDENTITY &&
        (R->lx->entries[hit->entry].flags & DC_F_CASE) &&
        !traveller_named(R, hits, toks, (uint32_t)ntok, ti, te, at, &travel))
      continue;
    mention *m = &mv[nm];
    put_mention(m, hit, kind, ti, te);
    /* Only a compound, a content word other than profanity, or any
     * word after an allow entry can yield (see explained_by). */
    bool yields =
        reach >= he &&
        (m->how == DC_HIT_COMPOUND || ((DROPPABLE >> kind) & 1) ||
         (((kinds | dropped) & KIND_BIT(ALLOW)) && kind != DC_KIND_ALLOW)) &&
        explained(R, mv, nm, &lg);
    if (kind == DC_KIND_GLUE) {
      /* Glue that may yield (a run-together reading, or after an
       * allow entry): the rules only ask whether a token starts one
       * (glue_at), so it is dropped as other words are, but explains
       * no other word, so it stays out of the mentions, which every
       * rule scans (and out of lg and reach, which only bound the
       * search for a container). Kept, it sets its token's bit. It
       * is written at mv[nm] all the same, for explained to read,
       * and the next mention takes its place. (A test for glue
       * mispredicted at one hit in three when all glue came this
       * way; now it is rare.) */
      if (!yields)
        at[ti] |= KIND_BIT(GLUE);
      continue;
    }
    if (yields) {
      m->dropped = 1;
      dropped |= (uint64_t)1 << kind;
    } else {
      kinds |= (uint64_t)1 << kind;
      at[ti] |= (uint64_t)1 << kind;
      cued |= kind == DC_KIND_SLUR &&
              (R->lx->entries[hit->entry].flags & DC_F_GROUPCUE);
    }
    nm++;
    reach = he > reach ? he : reach;
  }
  /* "stop hating", "against hating": a denouncing phrase that ends
   * with a hate verb it swallowed ("hate crime", "hate speech" start
   * with theirs and say nothing of the writer) */
  bool opposes = false;
  if ((dropped & KIND_BIT(HATE_VERB)) && (kinds & KIND_BIT(DENOUNCE)))
    for (size_t i = 0; i < nm && !opposes; i++) {
      if (!mv[i].dropped || mv[i].kind != DC_KIND_HATE_VERB)
        continue;
      /* the container starts before it (mentions are sorted by
       * begin), within a term's length: a comment of thousands of
       * "hate crime"s is not read once for each */
      for (size_t j = i;
           j-- > 0 && mv[i].b - mv[j].b <= CONTAINER_SPAN && !opposes;)
        opposes = !mv[j].dropped && mv[j].kind == DC_KIND_DENOUNCE &&
                  mv[j].b < mv[i].b && mv[j].e == mv[i].e;
    }
  R->opposes_hatred = opposes;
  /* "Gas the Yid Army", "Yid army scum": an allow entry that holds a
   * slur as a group's own name (flag `reclaimable`: the fans' "yid
   * army", "dyke march") explains the slur away only
   * where nothing in its clause attacks: a threat, a dehumanizing or
   * derogating word, an insult or a call for exclusion there is aimed at
   * the people it names, and the slur is theirs again. */
  if ((dropped & KIND_BIT(SLUR)) &&
      (kinds & (KIND_BIT(THREAT) | KIND_BIT(DEHUMANIZE) | KIND_BIT(DEROGATE) |
                KIND_BIT(INSULT) | KIND_BIT(EXCLUSION))))
    restore_attacked_slurs(R, mv, nm, at, &kinds, &dropped);
  if (cued) {
    /* the insect, not the slur: no mention (groupcue_named) */
    const char *grp = NULL;
    int named = 0;
    for (size_t i = 0; i < nm; i++)
      if (!mv[i].dropped && mv[i].kind == DC_KIND_SLUR &&
          (R->lx->entries[mv[i].entry].flags & DC_F_GROUPCUE) &&
          !groupcue_named(R, mv, nm, &mv[i], at, &grp, &named)) {
        mv[i].dropped = 1;
        dropped |= KIND_BIT(SLUR);
      }
    /* the kind bits again, from the slurs kept */
    kinds &= ~KIND_BIT(SLUR);
    for (size_t i = 0; i < nm; i++)
      if (mv[i].kind == DC_KIND_SLUR)
        at[mv[i].tb] &= ~KIND_BIT(SLUR);
    for (size_t i = 0; i < nm; i++)
      if (mv[i].kind == DC_KIND_SLUR && !mv[i].dropped) {
        kinds |= KIND_BIT(SLUR);
        at[mv[i].tb] |= KIND_BIT(SLUR);
      }
  }
  if (dropped) {
    size_t keep = 0;
    for (size_t i = 0; i < nm; i++)
      if (!mv[i].dropped)
        mv[keep++] = mv[i];
    nm = keep;
  }
  /* Counted once the dropped mentions are gone: no test of each. The
   * mentions that may name a target are listed in the same loop,
   * without a branch: find_targets' test of every mention's kind
   * mispredicted 40K times on the bench corpus (cachegrind's model). */
  uint32_t *tl = rs->tlist, *rl = rs->rlist;
  size_t ntl = 0, nrl = 0;
  for (size_t i = 0; i < nm; i++) {
    first[mv[i].tb + 1]++;
    tl[ntl] = rl[nrl] = (uint32_t)i;
    ntl += (TARGET_KINDS >> mv[i].kind) & 1;
    nrl += (RULE_KINDS >> mv[i].kind) & 1;
  }
  rs->ntl = ntl;
  rs->nrl = nrl;
#if defined(__SSE2__)
  /* Four counts at a time, into the three spare zeros past the end: the
   * scalar loop's own work was as much as the sum's, and one unrolled
   * mispredicted its remainder. */
  __m128i carry = _mm_setzero_si128();
  for (uint32_t *f = first + 1, *f_end = first + ntok + 1; f < f_end; f += 4) {
    __m128i x = _mm_loadu_si128((const __m128i *)(void *)f);
    x = _mm_add_epi32(x, _mm_slli_si128(x, 4));
    x = _mm_add_epi32(x, _mm_slli_si128(x, 8));
    x = _mm_add_epi32(x, carry);
    _mm_storeu_si128((__m128i *)(void *)f, x);
    carry = _mm_shuffle_epi32(x, _MM_SHUFFLE(3, 3, 3, 3));
  }
#else
  uint32_t sum = 0;
  for (uint32_t *f = first + 1, *f_end = first + ntok + 1; f < f_end; f++)
    *f = sum += *f;
#endif
  rs->nm = nm;
  rs->n_glue = ng;
  rs->neg_span = UINT32_MAX;
  rs->id_span = UINT32_MAX;
  rs->named_marked = false;
  rs->place_known = 0;
  R->kinds = kinds;
  return DECORUM_OK;
}

/* Is cp a face or a hand that reacts (😡 😂 🙏 👍 🤷 💯 👀 💀)? Such
 * an emoji is the writer's feeling set down between two thoughts, as a full
 * stop or a dash is; it stands for no word. Object, animal and people
 * emoji often do stand for one in these comments ("send all 🦍 back",
 * "my neighbours are 👳", "all these 🚣 coming over", "I ❤ trans
 * people"), and claps between words are emphasis ("muslims 👏 are 👏
 * ..."), so those are left alone. */
static bool reaction_cp(uint32_t cp) {
  /* Not sorrow, sympathy or prayer (😔 😞 😟 😢 😥 😩 😪 😫 😭 😿 🙁
   * 🙏 🥺 ☹): before news they grieve it, and the news goes on ("Muslims 😢
   * shot in Christchurch" is no call to shoot). */
  if (cp == 0x1F614 || cp == 0x1F61E || cp == 0x1F61F || cp == 0x1F622 ||
      cp == 0x1F625 || cp == 0x1F629 || cp == 0x1F62A || cp == 0x1F62B ||
      cp == 0x1F62D || cp == 0x1F63F || cp == 0x1F641 || cp == 0x1F64F ||
      cp == 0x1F97A || cp == 0x2639)
    return false;
  return (cp >= 0x1F600 && cp <= 0x1F64F) || /* emoticons, 🙌 🙈 */
         (cp >= 0x1F910 && cp <= 0x1F92F) || /* 🤐 .. 🤯, 🤦 */
         (cp >= 0x1F970 && cp <= 0x1F97A) || /* 🥰 .. 🥺 */
         cp == 0x1F9D0 || cp == 0x1F937 ||   /* 🧐 🤷 */
         cp == 0x1F440 || cp == 0x1F44C ||   /* 👀 👌 */
         cp == 0x1F44D || cp == 0x1F44E ||   /* 👍 👎 */
         cp == 0x1F480 || cp == 0x1F4AF ||   /* 💀 💯 */
         cp == 0x2639 || cp == 0x263A;       /* ☹ ☺ */
}

/* Is the word token [b, e) reaction emoji only (reaction_cp), with their
 * skin tones and gender signs ("🤦🏽♂")? The normalizer has taken out the
 * joiners and variation selectors. */
static bool reaction_token(const char *s, uint32_t b, uint32_t e) {
  bool any = false;
  while (b < e) {
    const unsigned char *p = (const unsigned char *)s + b;
    uint32_t cp;
    if (p[0] >= 0xF0 && e - b >= 4) {
      cp = ((uint32_t)(p[0] & 7) << 18) | ((uint32_t)(p[1] & 63) << 12) |
           ((uint32_t)(p[2] & 63) << 6) | (p[3] & 63);
      b += 4;
    } else if (p[0] >= 0xE0 && p[0] < 0xF0 && e - b >= 3) {
      cp = ((uint32_t)(p[0] & 15) << 12) | ((uint32_t)(p[1] & 63) << 6) |
           (p[2] & 63);
      b += 3;
    } else {
      return false;
    }
    if (reaction_cp(cp))
      any = true;
    else if (!(cp >= 0x1F3FB && cp <= 0x1F3FF) && cp != 0x2640 && cp != 0x2642)
      return false;
  }
  return any;
}

/* "Muslims 😡 kill them all": a reaction emoji (reaction_token) that no
 * lexicon entry gives a meaning ends its clause, as a comma or a dash
 * would, so that "kill them all" is a call about the Muslims, not a
 * sentence whose subject they are ("Muslims, kill them all" reads so
 * already). The tokens after each such emoji move to the next clause.
 * Only for a text with non-ASCII bytes, and only a token whose first
 * byte could start an emoji is looked at. */
static void emoji_clauses(run *R) {
  dc_rules_scratch *rs = R->rs;
  tok *toks = rs->toks;
  const char *s = R->n->text;
  uint32_t add = 0;
  for (size_t k = 0; k < rs->ntok; k++) {
    toks[k].clause += add;
    if (toks[k].type == TK_WORD && (unsigned char)s[toks[k].b] >= 0xE2 &&
        !rs->at[k] && k + 1 < rs->ntok &&
        reaction_token(s, toks[k].b, toks[k].e))
      add++;
  }
  toks[rs->ntok].clause += add;
}

/* The word at normalized bytes [b, e) looks plural: it ends in s, or in
 * -ren or -men ("children", "men", "women"). */
static bool plural_word(const run *R, uint32_t b, uint32_t e) {
  const char *z = R->n->text + e;
  size_t n = e - b;
  /* (and "ppl", chat's "people") */
  return (n > 2 && z[-1] == 's') ||
         (n > 3 && z[-1] == 'n' && z[-2] == 'e' &&
          (z[-3] == 'r' || z[-3] == 'm')) ||
         (n == 3 && memcmp(z - 3, "ppl", 3) == 0);
}

static const dc_entry *ent(const run *R, const mention *m) {
  return &R->lx->entries[m->entry];
}

/* The group a mention names, as a target: an identity word, a code or an
 * attack word that names its own group. */
static target group_of(const run *R, const mention *m) {
  return (target){m->tb,
                  m->te,
                  ent(R, m)->categories,
                  (int32_t)m->entry,
                  TG_GROUP,
                  0,
                  0,
                  0,
                  m->b,
                  m->e,
                  NO_TARGET};
}

/* mention_at once the token's bit says there is one. */
static __attribute__((noinline)) const mention *
mention_scan(const run *R, uint32_t ti, dc_kind kind) {
  for (size_t i = R->rs->first[ti]; i < R->rs->nm; i++) {
    const mention *m = &R->rs->m[i];
    if (m->tb != ti)
      break;
    if (m->kind == kind)
      return m;
  }
  return NULL;
}

/* Does a mention of kind start at token ti? Most lookups end at the
 * token's bit, inlined. */
static inline bool kind_at(const run *R, uint32_t ti, dc_kind kind) {
  return ti < R->rs->ntok && ((R->rs->at[ti] >> kind) & 1);
}

/* The first mention of kind starting at token ti, or NULL. */
static inline const mention *mention_at(const run *R, uint32_t ti,
                                        dc_kind kind) {
  return kind_at(R, ti, kind) ? mention_scan(R, ti, kind) : NULL;
}

/* The most tokens after a scare frame that its name may take: the name
 * starts among them (three words and a quote mark: "the so called 'hate
 * crimes'"). */
#define SCARE_REACH 4

/* Is mention m an allow entry flagged `scare` ("so-called", "so called")? */
static inline bool is_scare(const run *R, const mention *m) {
  return m->kind == DC_KIND_ALLOW && (ent(R, m)->flags & DC_F_SCARE);
}

/* "the so-called white power gesture", "the so called 'hate crimes'": an
 * allow entry flagged `scare` (allow.tsv) is the writer's scare frame, no
 * report ("called" is taken out of the reports by it), and the name right
 * after it is others' name for the thing, which the writer keeps at a
 * distance: its tokens are marked named, which scope_of reads as it reads
 * a quote. The name starts within SCARE_REACH tokens of the frame, with
 * only words and quote marks before it, no linking verb or modal: what
 * the writer says of the thing is their own ("these so-called disabled
 * people are just lazy frauds"). Marked once per comment, when scope_of
 * first asks (named_at), as glue is placed (place_glue): scope_of had
 * looked back for "so called" from every attack, and marking every
 * comment with an allow entry as its hits were placed cost 104K
 * instructions on the bench corpus, where few ask. */
static __attribute__((noinline)) void mark_named(const run *R) {
  dc_rules_scratch *rs = R->rs;
  rs->named_marked = true;
  for (size_t i = 0; i < rs->nm; i++) {
    const mention *a = &rs->m[i];
    if (!is_scare(R, a))
      continue;
    for (uint32_t k = a->te; k < rs->ntok && k < a->te + SCARE_REACH; k++) {
      tok *t = &rs->toks[k];
      if (t->type == TK_PUNCT && (t->ch == '"' || t->ch == '\'')) {
        t->named = 1; /* scare quotes around the name */
        continue;
      }
      /* The name stops before a linking verb, a modal or other
       * punctuation, which are not part of it. */
      if (t->type != TK_WORD ||
          (rs->at[k] & (KIND_BIT(COPULA) | KIND_BIT(MODAL))))
        break;
      t->named = 1;
    }
  }
}

/* Is token ti marked named (mark_named)? Only a comment with an allow
 * entry has such tokens. */
static inline bool named_at(const run *R, uint32_t ti) {
  if (!any_kind(R, DC_KIND_ALLOW))
    return false;
  if (!R->rs->named_marked)
    mark_named(R);
  return R->rs->toks[ti].named;
}

/* Sets the glue bits of at[] that place_hits left for later, as it would
 * have: a glue hit that lands on a token marks the token it starts in. */
static __attribute__((noinline)) void place_glue(const run *R) {
  dc_rules_scratch *rs = R->rs;
  const tok *toks = rs->toks;
  const uint16_t *tok_at = rs->tok_at;
  uint64_t *at = rs->at;
  size_t ntok = rs->ntok, len = R->n->len;
  const dc_hit *const *glue = rs->glue, *const *end = glue + rs->n_glue;
  rs->n_glue = 0;
  for (; glue < end; glue++) {
    uint32_t ti = token_at(toks, tok_at, ntok, (*glue)->begin, len);
    if (toks[ti].b < (*glue)->end)
      at[ti] |= KIND_BIT(GLUE);
  }
}

/* Before at[]'s glue bits are read. */
static inline void need_glue(const run *R) {
  if (R->rs->n_glue)
    place_glue(R);
}

/* Token ti starts a glue entry (not among the mentions: place_hits). */
static bool glue_at(const run *R, uint32_t ti) {
  need_glue(R);
  return kind_at(R, ti, DC_KIND_GLUE);
}

static bool has_kind_in(const run *R, uint32_t tb, uint32_t te, dc_kind kind) {
  if (!any_kind(R, kind) || tb >= R->rs->ntok)
    return false;
  for (size_t i = R->rs->first[tb]; i < R->rs->nm; i++) {
    const mention *m = &R->rs->m[i];
    if (m->tb >= te)
      break;
    if (m->kind == kind)
      return true;
  }
  return false;
}

/* The original text of token ti starts with an upper-case ASCII letter. */
static bool capitalized(const run *R, uint32_t ti) {
  uint32_t ob = dc_norm_src_begin(R->n, R->rs->toks[ti].b);
  return ob < R->orig_len && R->orig[ob] >= 'A' && R->orig[ob] <= 'Z';
}

/* Title case in the original, as names are written ("Subcontinentals"),
 * as opposed to a text in capitals throughout, where every word starts
 * upper case and the case says nothing. */
static bool title_case(const run *R, uint32_t ti) {
  const tok *t = &R->rs->toks[ti];
  uint32_t ob = dc_norm_src_begin(R->n, t->b);
  if (!capitalized(R, ti))
    return false;
  /* (a capital alone, "E", says nothing in a text in capitals: its
   * neighbour tells, "FACE E PUT LANDMINES") */
  if (t->e - t->b < 2) {
    for (uint32_t k = ti + 1; k < R->rs->ntok && k < ti + 3; k++)
      if (R->rs->toks[k].type == TK_WORD &&
          R->rs->toks[k].e - R->rs->toks[k].b >= 2)
        return !capitalized(R, k) || title_case(R, k);
    return true;
  }
  return ob + 1 >= R->orig_len ||
         !(R->orig[ob + 1] >= 'A' && R->orig[ob + 1] <= 'Z');
}

/* The hit carries an -s past its term: "jews", or the plural possessive
 * "the Muslims' houses" (the matcher's span takes the apostrophe in). */
static bool plural_hit(const run *R, const mention *m) {
  const dc_entry *e = ent(R, m);
  uint32_t len = m->e - m->b;
  const char *end = R->n->text + m->e;
  /* "retards", "retards'"; not the singular possessive "retard's" */
  return len > e->term_len &&
         ((end[-1] == 's' && end[-2] != '\'') ||
          (len > e->term_len + 1 && end[-1] == '\'' && end[-2] == 's'));
}

/* An entry listed in its plural ("refugees", "arabs"): a group noun when
 * no noun follows, though its flags call it an adjective. */
static bool plural_term(const dc_entry *e) {
  return e->term_len > 3 && e->term[e->term_len - 1] == 's' &&
         e->term[e->term_len - 2] != 's' && e->term[e->term_len - 2] != 'u';
}

/* ---------------------------------------------------------------------- */
/* Targets                                                                 */
/* ---------------------------------------------------------------------- */

/* Past this many targets, the scans for one near a token start where it
 * may be, found by bisection; below, from the first. */
#define FEW_TARGETS 8

/* The most tokens a target of the comment spans (rs->t_span). */
static uint32_t target_span(dc_rules_scratch *rs) {
  if (rs->t_span == UINT32_MAX) {
    rs->t_span = 0;
    for (size_t j = 0; j < rs->nt; j++)
      if (rs->t[j].te - rs->t[j].tb > rs->t_span)
        rs->t_span = rs->t[j].te - rs->t[j].tb;
  }
  return rs->t_span;
}

/* The first target with tb >= ti (targets are sorted by tb). */
static size_t targets_from(const dc_rules_scratch *rs, uint32_t ti) {
  size_t lo = 0, hi = rs->nt;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (rs->t[mid].tb < ti)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* A word that can follow "the" + identity adjective and still leave the
 * adjective as the head noun ("the Chinese can ...", "the Irish are").
 * A following noun (government, food, people) makes it a modifier. */
static size_t split_verb_around(const run *R, uint32_t tb, uint32_t te,
                                uint32_t *v);
static mention split_mention(const run *R, uint32_t v, size_t j);

static bool head_noun_follows(const run *R, uint32_t ti) {
  /* "many Muslim-majority states", "in Hindu-majority countries": the
   * group joined by a hyphen to "majority" before a word for states
   * tells what kind of state; the states are the noun, and what is
   * said of them is said of their laws and rulers ("Jewish-run
   * banks", "Muslim-majority neighbourhoods" keep the group's reading:
   * who runs them, who lives there) */
  static const char *const polity[] = {
      "state",   "states",    "country",    "countries",   "nation",
      "nations", "world",     "government", "governments", "regime",
      "regimes", "societies", "society",    "republic",    "republics"};
  if (ti > 0 && ti + 2 < R->rs->ntok && R->rs->toks[ti].type == TK_PUNCT &&
      R->rs->toks[ti].ch == '-' && R->rs->toks[ti].b == R->rs->toks[ti - 1].e &&
      R->rs->toks[ti + 1].b == R->rs->toks[ti].e &&
      (tok_is_word(R, ti + 1, "majority") ||
       tok_is_word(R, ti + 1, "dominated")) &&
      word_among(R, ti + 2, ti + 3, polity, sizeof polity / sizeof *polity))
    return true;
  if (ti >= R->rs->ntok || R->rs->toks[ti].type != TK_WORD)
    return false;
  static const dc_kind nouny[] = {DC_KIND_PERSON, DC_KIND_IDENTITY,
                                  DC_KIND_NONPROTECTED, DC_KIND_OBJECT,
                                  DC_KIND_HUMANITY};
  for (size_t k = 0; k < sizeof nouny / sizeof nouny[0]; k++)
    if (mention_at(R, ti, nouny[k]))
      return true;
  /* An unknown lower-case word after "the X" is most often a noun
   * ("the chinese restaurant"), unless it is a verb we know. */
  if (mention_at(R, ti, DC_KIND_COPULA) || mention_at(R, ti, DC_KIND_MODAL) ||
      mention_at(R, ti, DC_KIND_NEGATION) ||
      mention_at(R, ti, DC_KIND_THREAT) ||
      mention_at(R, ti, DC_KIND_EXCLUSION) ||
      mention_at(R, ti, DC_KIND_STEREOTYPE) ||
      mention_at(R, ti, DC_KIND_CONSP_ACTION) ||
      mention_at(R, ti, DC_KIND_QUANTIFIER) ||
      mention_at(R, ti, DC_KIND_CONJUNCTION) || glue_at(R, ti))
    return false;
  /* "I would kill every Muslim if I could": a conjunction opens a
   * clause of its own; no noun is spelled like one. */
  if (tok_is_word(R, ti, "if") || tok_is_word(R, ti, "unless") ||
      tok_is_word(R, ti, "until") || tok_is_word(R, ti, "than"))
    return false;
  const tok *t = &R->rs->toks[ti];
  size_t l = t->e - t->b;
  /* Verbs in the third person or past ("the Chinese amass", "the Irish
   * drank") are not nouns; plural nouns end in s too, so only -ed and
   * modal-like short words are safe calls. Be conservative: treat the
   * word as a noun unless it ends in -ed or is a known function word. */
  if (l > 2 && memcmp(R->n->text + t->e - 2, "ed", 2) == 0)
    return false;
  if (l > 4 && memcmp(R->n->text + t->e - 3, "ing", 3) == 0)
    return false; /* "every Mexican crossing": a participle */
  return true;
}

/* "The ref is a blind, useless clown": an ambiguous identity adjective
 * after "a"/"an", then a comma, a hostile word and a noun: the first of a
 * list of adjectives before the noun they all describe (one person
 * insulted), not "a blind" as one of a group. */
static bool listed_adjective(const run *R, const mention *m,
                             const dc_entry *e) {
  const dc_rules_scratch *rs = R->rs;
  uint32_t c = m->te;
  if (!(e->flags & DC_F_AMBIGUOUS) || !a_or_an(R, m->tb - 1) ||
      c + 2 >= rs->ntok || rs->toks[c].type != TK_PUNCT ||
      rs->toks[c].ch != ',')
    return false;
  return (kind_at(R, c + 1, DC_KIND_DEROGATE) ||
          kind_at(R, c + 1, DC_KIND_INSULT)) &&
         head_noun_follows(R, c + 2);
}

/* "a Muslim comes", "an Arab moves": after "a X" a word in -s is a verb
 * (a singular noun after it would not take the plural -s). */
static bool singular_verb_after_a(const run *R, const mention *m) {
  const dc_rules_scratch *rs = R->rs;
  if (m->tb == 0 || m->te >= rs->ntok || rs->toks[m->te].type != TK_WORD ||
      !a_or_an(R, m->tb - 1))
    return false;
  const tok *t = &rs->toks[m->te];
  const char *w = R->n->text + t->b;
  size_t l = t->e - t->b;
  return l > 3 && w[l - 1] == 's' && w[l - 2] != 's' && w[l - 2] != 'u' &&
         w[l - 2] != 'i' && !mention_at(R, m->te, DC_KIND_PERSON) &&
         !mention_at(R, m->te, DC_KIND_IDENTITY);
}

/* Does token ti end in "-ed" (three bytes or more): a past form, read as
 * a verb where a noun or a place was wanted? */
static bool ends_ed(const run *R, uint32_t ti) {
  const tok *t = &R->rs->toks[ti];
  return t->e - t->b > 2 && memcmp(R->n->text + t->e - 2, "ed", 2) == 0;
}

static bool is_determiner(const run *R, uint32_t ti) {
  return tok_is_word(R, ti, "the") || mention_at(R, ti, DC_KIND_QUANTIFIER);
}

static bool identity_ends_at(const run *R, uint32_t tb);
static bool named_to_denounce(const run *R, const mention *m);
static const mention *identity_ending_at(const run *R, uint32_t tb);
static bool faith_entry(const dc_entry *e);
static bool adverb_like(const run *R, uint32_t k);
static const sentence *sent_of(const run *R, uint32_t ti);
static const mention *adjective_names(const run *R, const mention *m,
                                      bool *any_adj);

/* The slur is said of any member of a group: "a woman is a whore if
 * ...", "every girl is always a slut", "any woman who ... is a whore".
 * Walks back from the slur over "a"/"an", adverbs and the linking verb to
 * an identity word that "a", "an", "any", "each" or a quantifier opens. */
static bool generic_subject(const run *R, const mention *m) {
  uint32_t k = m->tb;
  if (k > 0 && a_or_an(R, k - 1))
    k--;
  while (k > 0 && (adverb_like(R, k - 1) || tok_is_word(R, k - 1, "always")))
    k--;
  if (k < 3 || !kind_at(R, k - 1, DC_KIND_COPULA))
    return false;
  k--; /* the linking verb; the identity word ends here, or before a
        * clause about it: "any woman who sleeps around is a whore" */
  for (uint32_t j = k, lo = k > 8 ? k - 8 : 0; j-- > lo;)
    if (tok_is_word(R, j, "who")) {
      k = j;
      break;
    }
  const dc_rules_scratch *rs = R->rs;
  uint32_t from = k > 3 ? k - 3 : 0;
  /* A person word ("a woman") for a slur about a sex: the slur names
   * the group the person word leaves open. Not after a quantifier:
   * "every guy is a bitch today" names no sex. */
  bool person_ok = (ent(R, m)->categories & ~(1u << DECORUM_CATEGORY_SEX)) == 0;
  for (size_t i = rs->first[from]; i < rs->nm && rs->m[i].tb < k; i++) {
    const mention *id = &rs->m[i];
    if (id->te != k || id->tb == 0 ||
        !(id->kind == DC_KIND_IDENTITY ||
          (person_ok && id->kind == DC_KIND_PERSON)))
      continue;
    uint32_t d = id->tb - 1;
    /* "if a girl is a ...", "when a woman is a ...": a case put, not
     * a claim; "the double standard where a woman is a slut", "to say
     * a woman is a whore", "that a girl is a slut": a view the
     * sentence talks about */
    if (d > 0 &&
        (tok_is_word(R, d - 1, "if") ||
         kind_at(R, d - 1, DC_KIND_CONJUNCTION) ||
         tok_is_word(R, d - 1, "where") || tok_is_word(R, d - 1, "that") ||
         kind_at(R, d - 1, DC_KIND_REPORT) || tok_is_word(R, d - 1, "say")))
      return false;
    const sentence *s = sent_of(R, m->tb);
    if (s->question ||
        (R->denounce_any && has_kind_in(R, s->tb, s->te, DC_KIND_DENOUNCE)))
      return false;
    return a_or_an(R, d) || tok_is_word(R, d, "any") ||
           tok_is_word(R, d, "each") ||
           (id->kind == DC_KIND_IDENTITY && kind_at(R, d, DC_KIND_QUANTIFIER));
  }
  return false;
}

/* A slur flagged plural ("retard", "bitch") in the singular, not after an
 * identity word ("that Muslim slut") and not said of any member of a
 * group ("a woman is a whore"): an insult at one person, which names no
 * group (rule_slur). A banter slur ("bitch") after an identity word is
 * such an insult too ("that white bitch": the datasets' annotators call it
 * offensive, not hate), and not banter (mark_reclaimed). */
static bool singular_slur(const run *R, const mention *m) {
  uint64_t f = ent(R, m)->flags;
  return (f & DC_F_PLURAL) && !plural_hit(R, m) &&
         ((f & DC_F_BANTER) || !(m->tb > 0 && identity_ends_at(R, m->tb))) &&
         !generic_subject(R, m);
}

/* "the next" before token k: one member picked out, whoever it is ("I'll
 * shoot the next Mexican I see"). Not a quantifier of the lexicon, which
 * would make "the next bitch" (another woman, in banter) the group. */
static bool the_next(const run *R, uint32_t k) {
  return k >= 2 && tok_is_word(R, k - 1, "next") &&
         tok_is_word(R, k - 2, "the");
}

/* "the next Mexican I see": the_next and the writer's own clause right
 * after the identity word, with no "who" or "that" clause after it: "the
 * next American I see who calls football soccer" picks out a habit, in a
 * joke, not the people. */
static bool the_next_seen(const run *R, const mention *m) {
  if (!the_next(R, m->tb) || m->te >= R->rs->ntok ||
      !mention_at(R, m->te, DC_KIND_PRONOUN_SELF))
    return false;
  const sentence *s = sent_of(R, m->tb);
  for (uint32_t k = m->te + 1; k < m->te + 4 && k < s->te; k++)
    if (tok_is_word(R, k, "who") || tok_is_word(R, k, "that"))
      return false;
  return true;
}

/* A quantifier or "no" ends right before token ti: "every last Mexican",
 * "no woman". */
static bool quantified(const run *R, uint32_t ti) {
  if (!(R->kinds & (KIND_BIT(QUANTIFIER) | KIND_BIT(NEGATION))))
    return false;
  uint32_t from = ti > 3 ? ti - 3 : 0;
  for (size_t i = from < R->rs->ntok ? R->rs->first[from] : R->rs->nm;
       i < R->rs->nm && R->rs->m[i].tb < ti; i++) {
    const mention *q = &R->rs->m[i];
    if (q->te == ti &&
        (q->kind == DC_KIND_QUANTIFIER || q->kind == DC_KIND_NEGATION))
      return true;
  }
  return false;
}

static bool hostile_kind(dc_kind k);

/* Is mention m a hostile word: attack language or swearing, but not a
 * wished death ("dead", "die", "gone": flag `wished`), which is a word of
 * no hostility until rule_attack finds the wish ("that nigga dead lol",
 * "how you gone wife a bitch"). */
static bool hostile_word(const run *R, const mention *m) {
  return hostile_kind((dc_kind)m->kind) && !(ent(R, m)->flags & DC_F_WISHED);
}

/* Praise in tokens [pb, pe) around "go back to" at g, and no hostile word
 * there but "go back" itself, nor "belong": praise beside them is sarcasm
 * ("Go back to India, amazing place for scammers like you", "go back to
 * Pakistan where you belong, great country"). */
/* "Go back to China if you love the CCP so much", "if you like it so
 * much, go back": the love of an "if you ... so much" clause is the
 * nativist taunt's, no praise of a trip. */
/* Where the comment talks of a trip or of the family there ("Go back to
 * Italy if you love the food so much, book another trip!", "... if you
 * love your mum's cooking so much, we miss her too") the same words are
 * friendly advice, and the love is praise again. */
static bool so_much_taunt(const run *R, const mention *m) {
  static const char *const kin[] = {"miss", "cousins", "family", "visit",
                                    "book", "grandma", "nan"};
  if (m->tb < 2 || !tok_is_word(R, m->tb - 2, "if") ||
      !kind_at(R, m->tb - 1, DC_KIND_PRONOUN_YOU))
    return false;
  for (uint32_t k = m->te; k + 1 < R->rs->ntok && k < m->te + 5; k++) {
    if (R->rs->toks[k].clause != R->rs->toks[m->tb].clause)
      break;
    if (tok_is_word(R, k, "so") && tok_is_word(R, k + 1, "much"))
      return !word_among(R, 0, R->rs->ntok, travel_words,
                         sizeof travel_words / sizeof *travel_words) &&
             !word_among(R, 0, R->rs->ntok, kin, sizeof kin / sizeof *kin);
  }
  return false;
}

static bool praised_trip(const run *R, uint32_t g, uint32_t pb, uint32_t pe) {
  const dc_rules_scratch *rs = R->rs;
  bool praise = false;
  for (size_t i = rs->first[pb]; i < rs->nm && rs->m[i].tb < pe; i++) {
    const mention *m = &rs->m[i];
    if (m->tb == g)
      continue; /* "go back" itself */
    if (hostile_word(R, m))
      return false;
    praise |= m->kind == DC_KIND_POSITIVE && !so_much_taunt(R, m);
  }
  for (uint32_t k = pb; praise && k < pe; k++)
    if (tok_is_word(R, k, "belong"))
      return false;
  return praise;
}

/* A modal of obligation or desert (flag `oblige`: "should", "must",
 * "deserves to", "needs to", "ought to") starting at token k, that ends
 * at te when te is not 0; not "should have". */
static bool obliging_at(const run *R, uint32_t k, uint32_t te) {
  if (!kind_at(R, k, DC_KIND_MODAL) || tok_is_word(R, k + 1, "have") ||
      tok_is_word(R, k + 1, "'ve"))
    return false;
  for (size_t i = R->rs->first[k]; i < R->rs->nm && R->rs->m[i].tb == k; i++) {
    const mention *m = &R->rs->m[i];
    if (m->kind == DC_KIND_MODAL && (ent(R, m)->flags & DC_F_OBLIGE) &&
        (!te || m->te == te))
      return true;
  }
  return false;
}

/* The first token of a modal of obligation (obliging_at) that ends right
 * before token g, or g when there is none. */
static uint32_t obliging_before(const run *R, uint32_t g) {
  for (uint32_t k = g > 3 ? g - 3 : 0; k < g; k++)
    if (obliging_at(R, k, g))
      return k;
  return g;
}

/* "Go back to Mexico", "why don't you go back to Somalia": a country
 * after "go back to" told to the person addressed (the clause opens with
 * "go", or "you" comes at most two words before it) names the nation the
 * writer sends them to, and so their origin: its people are the target,
 * as with "go back to your country". So does one the writer says a third
 * person must go back to, by a modal of obligation ("She should go back
 * to Somalia", "they need to go back to Mexico"; not what they will do or
 * want: "she will go back to Somalia next year", "she wants to go back"),
 * when the country ends the clause or "where" follows ("... to Mexico
 * where they came from"): a reason or errand after it makes it a trip
 * ("He has to go back to India for his father's surgery", "she must go
 * back to Pakistan to renew her visa"). te: the country's end token.
 * Not the writer's own trip ("I want to go back to Mexico next summer"),
 * whose clause opens with the writer, nor a trip recommended, in a
 * sentence that praises ("You should go back to Japan sometime, the food
 * is amazing", "Go back to Japan and enjoy the food") and attacks no one
 * (praised_trip). */
static bool told_back_to(const run *R, uint32_t c, uint32_t te) {
  if (c < 3 || !tok_is_word(R, c - 1, "to") || !tok_is_word(R, c - 2, "back") ||
      !tok_is_word(R, c - 3, "go"))
    return false;
  const dc_rules_scratch *rs = R->rs;
  uint32_t g = c - 3;
  /* (the praise within TARGET_WINDOW tokens either side, in the
   * sentence: a long sentence of many countries stays linear) */
  const sentence *s = sent_of(R, g);
  uint32_t pb = g > s->tb + TARGET_WINDOW ? g - TARGET_WINDOW : s->tb;
  uint32_t pe = c + TARGET_WINDOW < s->te ? c + TARGET_WINDOW : s->te;
  if (any_kind(R, DC_KIND_POSITIVE) && praised_trip(R, g, pb, pe))
    return false;
  if (g == 0 || rs->toks[g - 1].clause != rs->toks[g].clause ||
      rs->toks[g - 1].sent != rs->toks[g].sent)
    return true;
  /* "you can go back to Mexico by bus": a way, not a command */
  if (tok_is_word(R, g - 1, "can") || tok_is_word(R, g - 1, "could"))
    return false;
  uint32_t md = obliging_before(R, g); /* the modal's first word */
  if (md < g && md > 0 && rs->toks[md - 1].clause == rs->toks[g].clause &&
      (he_or_she(R, md - 1) || tok_is_word(R, md - 1, "they")))
    return te >= rs->ntok || rs->toks[te].sent != rs->toks[g].sent ||
           rs->toks[te].type != TK_WORD || tok_is_word(R, te, "where");
  for (uint32_t k = g, lo = g > 3 ? g - 3 : 0; k-- > lo;) {
    if (rs->toks[k].clause != rs->toks[g].clause)
      break;
    if (kind_at(R, k, DC_KIND_PRONOUN_SELF))
      return false;
    if (kind_at(R, k, DC_KIND_PRONOUN_YOU))
      return true;
  }
  return false;
}

static bool pest_sense(const run *R, const mention *m);
static bool gearbox_sense(run *R, const mention *m);
static bool verb_sense(const run *R, const mention *m);

/* The "they" at t opens the comment: no word before it can name them
 * ("my hamsters, they ...", "I bought two rats and now they ...": the
 * animals themselves). */
static bool they_unnamed(const run *R, const target *t) {
  const dc_rules_scratch *rs = R->rs;
  for (uint32_t k = 0; k < t->tb; k++)
    if (rs->toks[k].type == TK_WORD)
      return false;
  return true;
}

/* Does the comment speak of pets, pests or a garden ("my two guinea
 * pigs became twenty", "get a sealed bin", "fence the veg patch", "call
 * pest control")? Then "they breed like rabbits" opening it is said of
 * the animals. Asked only when that simile opens a comment. */
static bool pets_kept(const run *R) {
  static const char *const words[] = {
      "pet",      "pets",      "guinea", "hamster",  "hamsters", "gerbil",
      "gerbils",  "mice",      "cage",   "hutch",    "litter",   "litters",
      "fixed",    "neutered",  "spayed", "compost",  "bin",      "garden",
      "veg",      "vegetable", "lawn",   "pest",     "pests",    "exterminator",
      "fruit",    "walls",     "kitten", "kittens",  "puppies",  "vet",
      "aquarium", "tank",      "fish",   "chickens", "traps"};
  return word_among(R, 0, (uint32_t)R->rs->ntok, words,
                    sizeof words / sizeof *words);
}

/* Is the entry a simile ("breed like rats"): a word of its own, then
 * "like" inside it? */
static bool simile_entry(const dc_entry *e) {
  for (size_t i = 1; i + 6 <= e->term_len; i++)
    if (memcmp(e->term + i, " like ", 6) == 0)
      return true;
  return false;
}

static bool clause_done(const run *R, uint32_t k);

/* Does a call to leave start at token k and end its clause, or end it
 * with "to" and a country ("go home", "go back to China", "get out!")? A
 * lone nationality adjective before it is its subject, as a plural
 * ("Chinese go home"); before a longer clause it is told of people, and
 * may be anything ("Chinese go home for New Year"). */
static bool leave_slogan(const run *R, uint32_t k) {
  const dc_rules_scratch *rs = R->rs;
  const mention *x = mention_at(R, k, DC_KIND_EXCLUSION);
  if (!x)
    return false;
  uint32_t j = x->te;
  if (j + 1 < rs->ntok && tok_is_word(R, j, "to") &&
      mention_at(R, j + 1, DC_KIND_NONPROTECTED))
    j = mention_at(R, j + 1, DC_KIND_NONPROTECTED)->te;
  /* (token j - 1 is the phrase's or the country's, in k's clause) */
  return clause_done(R, j);
}

/* Does the comment say that the word of m's entry is code: "we all know
 * what 'Zionist' really means", "you know what globalist means" ("know
 * what" at most three tokens before a mention of the entry, then "means",
 * "really means" or "actually means", ending its clause)? Asked only of
 * ambiguous stand-in words with a group, which are rare. */
static bool code_spelled(const run *R, const mention *m) {
  const dc_rules_scratch *rs = R->rs;
  for (size_t i = 0; i < rs->nm; i++) {
    const mention *x = &rs->m[i];
    if (x->entry != m->entry)
      continue;
    bool what = false;
    for (uint32_t k = x->tb > 3 ? x->tb - 3 : 0; k < x->tb; k++)
      what |= tok_is_word(R, k, "what") && k > 0 &&
              (tok_is_word(R, k - 1, "know") || tok_is_word(R, k - 1, "knows"));
    if (!what)
      continue;
    uint32_t k = x->te;
    while (k < rs->ntok && rs->toks[k].type == TK_PUNCT && k < x->te + 2)
      k++; /* the closing quote */
    if (k < rs->ntok &&
        (tok_is_word(R, k, "really") || tok_is_word(R, k, "actually")))
      k++;
    /* left unsaid, the wink: "means" ends its sentence ("...
     * really means."; not "means: supporting a Jewish state") */
    if (k < rs->ntok &&
        (tok_is_word(R, k, "means") || tok_is_word(R, k, "mean")) &&
        (k + 1 >= rs->ntok || rs->toks[k + 1].sent != rs->toks[k].sent ||
         (rs->toks[k + 1].type == TK_PUNCT && rs->toks[k + 1].ch != ':' &&
          rs->toks[k + 1].ch != ',')))
      return true;
  }
  return false;
}

/* Is the noun m, naming people by sex alone ("boys", "girls", "ladies"),
 * whom the writer speaks to rather than of: the last word of its
 * sentence after a comma, an object pronoun or a word of time, at the end
 * of a command or a cheer? "Kill the Kiwis tomorrow boys", "Let's kill it
 * tonight girls", "Smash them, lads". Not "kill the boys", "kill all
 * boys", "kill those little girls": a determiner, a quantifier or another
 * word before it makes it the object. */
static bool vocative(const run *R, const mention *m, const dc_entry *e) {
  static const char *const before[] = {
      "it",       "them",   "em",     "this",  "that",  "tomorrow",
      "tonight",  "today",  "now",    "again", "there", "weekend",
      "saturday", "sunday", "friday", "later"};
  const dc_rules_scratch *rs = R->rs;
  if (e->categories != 1u << DECORUM_CATEGORY_SEX || m->tb == 0)
    return false;
  const sentence *s = sent_of(R, m->tb);
  if (m->tb <= s->tb + 1)
    return false;
  if ((unsigned char)R->n->text[rs->toks[m->tb].b] >= 0x80)
    return false; /* an emoji: "🚺🚹" */
  /* Only ending punctuation and emoji after it: not "dogs, women,
   * gays" */
  for (uint32_t k = m->te; k < s->te; k++) {
    const tok *q = &rs->toks[k];
    if (q->type == TK_WORD ? (unsigned char)R->n->text[q->b] < 0x80
                           : q->ch != '.' && q->ch != '!' && q->ch != '?')
      return false;
  }
  /* Only where the comment names no other group: "Mosque on our street.
   * Torch it tonight boys" calls the boys to burn the mosque ("it"), and
   * the threat must keep a target. */
  for (size_t i = 0; i < rs->nm; i++) {
    const mention *o = &rs->m[i];
    if (o != m && o->tb != m->tb &&
        (o->kind == DC_KIND_IDENTITY || o->kind == DC_KIND_SLUR ||
         o->kind == DC_KIND_DOGWHISTLE))
      return false;
  }
  const tok *p = &rs->toks[m->tb - 1];
  /* (after a comma, not the last of a list of people: "children, men,
   * women") */
  if (p->type == TK_PUNCT && p->ch == ',')
    return !(rs->at[m->tb - 2] &
             (KIND_BIT(IDENTITY) | KIND_BIT(PERSON) | KIND_BIT(SLUR)));
  return word_among(R, m->tb - 1, m->tb, before,
                    sizeof before / sizeof *before);
}

/* Is token k a participle of living somewhere, before "in" ("Albanians
 * living in Greece", "Somalis based in Minneapolis")? */
static bool living_in(const run *R, uint32_t k) {
  static const char *const live[] = {"living",  "residing", "based",  "settled",
                                     "staying", "born",     "working"};
  return word_among(R, k, k + 1, live, sizeof live / sizeof *live);
}

/* Is the ambiguous slur m in its everyday sense, owned by one person:
 * after "my", "your", "his" or "her" ("my nips hurt", "his spade")? A
 * part of the body or a thing one has is no group to threaten. Not a
 * slur that is also reclaimed or banter ("my hoes", "his dyke wife":
 * people), nor after "our" or "their" ("our Negroes": people owned, the
 * slaver's voice). */
static bool owned_sense(const run *R, const mention *m, const dc_entry *e) {
  static const char *const own[] = {"my", "your", "his", "her", "ur"};
  if (!(e->flags & DC_F_AMBIGUOUS) ||
      (e->flags & (DC_F_RECLAIMABLE | DC_F_BANTER)) || m->tb == 0 ||
      !word_among(R, m->tb - 1, m->tb, own, sizeof own / sizeof *own))
    return false;
  /* A person noun after it says people, and so does an attack said in
   * its sentence: "My coon coworkers are lazy apes", "His spook
   * girlfriend is an ape". */
  const sentence *s = sent_of(R, m->tb);
  return !(m->te < R->rs->ntok && (kind_at(R, m->te, DC_KIND_PERSON) ||
                                   kind_at(R, m->te, DC_KIND_IDENTITY) ||
                                   kind_at(R, m->te, DC_KIND_HUMANITY))) &&
         !has_kind_in(R, s->tb, s->te, DC_KIND_DEHUMANIZE) &&
         !has_kind_in(R, s->tb, s->te, DC_KIND_DEROGATE) &&
         !has_kind_in(R, s->tb, s->te, DC_KIND_STEREOTYPE);
}

static bool said_of_one(const run *R, const mention *m);

/* "Malema is a clown and a thug", "Putin is a thug and a murderer": a
 * code word whose plain sense is a word for a kind of person (flag
 * `ambiguous`: "thug"), said with "a" of one person the sentence names
 * before "is" or "was", is that word for that person, perhaps the last
 * of a list of them ("a clown and a thug"). It names no group there: the
 * code needs a group reading ("thugs in our neighbourhood"), and taking
 * it for one lends its race to every insult beside it. */
static bool list_joiner(const run *R, uint32_t k);

static bool whistle_said_of_one(const run *R, const mention *m) {
  const dc_rules_scratch *rs = R->rs;
  if (!(ent(R, m)->flags & DC_F_AMBIGUOUS) || m->tb < 3 ||
      !a_or_an(R, m->tb - 1))
    return false;
  uint32_t k = m->tb - 1; /* the "a" before the word */
  /* back over "a clown and", "a liar, a crook and": "and", "or" or a
   * comma, then "a" and at most two words */
  for (int n = 0; n < 4 && k >= 3; n++) {
    uint32_t j = k - 1;
    if (!list_joiner(R, j))
      break;
    uint32_t a = j;
    while (a > 0 && a + 3 > j && !a_or_an(R, a - 1) &&
           rs->toks[a - 1].type == TK_WORD)
      a--;
    if (a == 0 || !a_or_an(R, a - 1))
      break;
    k = a - 1;
  }
  mention one = *m;
  one.tb = k + 1;
  return said_of_one(R, &one);
}

static decorum_status find_targets(run *R) {
  dc_rules_scratch *rs = R->rs;
  rs->nt = 0;
  rs->t_span = UINT32_MAX;
  if (!(R->kinds & TARGET_KINDS))
    return DECORUM_OK;
  decorum_status st = dc_grow(R->al, (void **)&rs->t, &rs->cap_t, rs->nm,
                              sizeof *rs->t, MAX_ITEMS);
  if (st != DECORUM_OK)
    return st;
  /* The mentions and their count in locals: the stores into the
   * targets may alias rs, and the compiler read both again for each
   * mention, most of which are no target. Nothing here adds one. */
  mention *const mv = rs->m;
  const uint32_t *tl = rs->tlist, *tl_end = tl + rs->ntl;
  for (; tl < tl_end; tl++) {
    size_t i = *tl;
    mention *m = &mv[i];
    const dc_entry *e = ent(R, m);
    /* Written in place, where it stays if pushed: there is room for a
     * target a mention. */
    target *t = &rs->t[rs->nt];
    *t = (target){m->tb, m->te, e->categories, (int32_t)m->entry, 0, 0, 0,
                  0,     m->b,  m->e,          NO_TARGET};
    switch (m->kind) {
    case DC_KIND_IDENTITY: {
      if (m->used)
        continue;
      /* "Con men are born liars", "hit men": the group noun ends a
       * compound that targets.tsv holds as a trade or role */
      if (m->tb > 0) {
        const mention *np = mention_at(R, m->tb - 1, DC_KIND_NONPROTECTED);
        if (np && np->te == m->te)
          continue;
      }
      bool group = false;
      if (e->flags & DC_F_ADJ) {
        /* Identity adjective: a group when it heads a person noun
         * or identity noun ("black women"), is plural ("blacks"),
         * is used as a noun after a determiner ("the Chinese"),
         * or precedes a capitalized plural ("Indian
         * Subcontinentals"). */
        /* The noun right after it: "black women", "gay men",
         * "trans people" (never across a verb: "refugees are
         * human garbage"). */
        const mention *nx = NULL;
        if (m->te < rs->ntok) {
          nx = mention_at(R, m->te, DC_KIND_PERSON);
          /* a role noun names a group only in the plural:
           * "Nigerian players", not "the Nigerian striker" */
          /* ...or after "every", "any", "each", which make the
           * singular all of them ("every gay teacher in the
           * district", as "every woman") */
          if (nx && (ent(R, nx)->flags & DC_F_PLURAL) && !plural_hit(R, nx) &&
              !(m->tb > 0 && (tok_is_word(R, m->tb - 1, "every") ||
                              tok_is_word(R, m->tb - 1, "any") ||
                              tok_is_word(R, m->tb - 1, "each"))))
            nx = NULL;
          if (!nx)
            nx = mention_at(R, m->te, DC_KIND_IDENTITY);
          if (!nx)
            nx = mention_at(R, m->te, DC_KIND_HUMANITY);
          /* "Chinese-Australians", "Indian-Canadians": a
           * heritage joined to a nationality by a hyphen, no
           * space either side, names the heritage's people
           * (citizens of the other: no migrant status) */
          if (!nx && m->te + 1 < rs->ntok && rs->toks[m->te].type == TK_PUNCT &&
              rs->toks[m->te].ch == '-' && rs->toks[m->te].b == m->e &&
              rs->toks[m->te + 1].b == rs->toks[m->te].e) {
            nx = mention_at(R, m->te + 1, DC_KIND_IDENTITY);
            if (nx && !(ent(R, nx)->categories &
                        (1u << DECORUM_CATEGORY_NATIONALITY)))
              nx = NULL;
          }
          /* "human garbage" is a phrase of its own */
          if (nx && nx->kind == DC_KIND_HUMANITY &&
              mention_at(R, m->te, DC_KIND_DEHUMANIZE))
            nx = NULL;
        }
        uint32_t sv;
        if (nx) {
          group = true;
          t->te = nx->te;
          t->e = nx->e;
          const dc_entry *ne = ent(R, nx);
          t->categories |= ne->categories;
          for (size_t j = i + 1; j < rs->nm && rs->m[j].tb < t->te; j++)
            if (rs->m[j].kind == DC_KIND_IDENTITY ||
                rs->m[j].kind == DC_KIND_HUMANITY ||
                rs->m[j].kind == DC_KIND_PERSON)
              rs->m[j].used = 1;
        } else if (plural_hit(R, m) ||
                   (plural_term(e) && !head_noun_follows(R, m->te)) ||
                   (m->te < rs->ntok && !(e->flags & DC_F_AMBIGUOUS) &&
                    (mention_at(R, m->te, DC_KIND_COPULA) ||
                     mention_at(R, m->te, DC_KIND_MODAL) ||
                     ((m->tb == 0 ||
                       rs->toks[m->tb - 1].clause != rs->toks[m->tb].clause) &&
                      leave_slogan(R, m->te))))) {
          /* ...or is the subject of a verb: "Chinese are"; or
           * opens its clause before a call to leave that ends
           * it, as a plural: "Chinese go home", "Chinese go
           * back to China" (not "Chinese go home for New
           * Year") */
          group = true;
        } else if (m->tb > 0 &&
                   (is_determiner(R, m->tb - 1) || quantified(R, m->tb) ||
                    a_or_an(R, m->tb - 1) || the_next(R, m->tb)) &&
                   (!head_noun_follows(R, m->te) ||
                    singular_verb_after_a(R, m) ||
                    /* "every Muslim I see", "every immigrant
                     * who crosses", "the next Mexican I see": a
                     * clause of its own; "the Mexican I hired" is
                     * one man */
                    (quantified(R, m->tb) && m->te < rs->ntok &&
                     (mention_at(R, m->te, DC_KIND_PRONOUN_SELF) ||
                      tok_is_word(R, m->te, "who"))) ||
                    the_next_seen(R, m) ||
                    /* "hunt every Muslim down": the particle of
                     * a split verb around it, no noun */
                    split_verb_around(R, m->tb, m->te, &sv)) &&
                   !listed_adjective(R, m, e)) {
          /* "the Chinese can ...", "every last Mexican"; "a
           * Muslim", one of them, attacked for being one ("I
           * will kill a Muslim") */
          group = true;
        } else if (m->te < rs->ntok && rs->toks[m->te].type == TK_WORD &&
                   title_case(R, m->te) && title_case(R, m->tb)) {
          const tok *nt = &rs->toks[m->te];
          if (R->n->text[nt->e - 1] == 's' && nt->e - nt->b > 3) {
            group = true;
            t->te = m->te + 1;
          }
        }
      } else {
        /* "Kill it tonight girls": the girls are spoken to. */
        group = !vocative(R, m, e);
        /* "woman" names the group only as "women", or as "every
         * woman", "no woman". */
        if (group && (e->flags & DC_F_PLURAL))
          group = plural_hit(R, m) || quantified(R, m->tb);
      }
      if (!group)
        continue;
      break;
    }
    case DC_KIND_SLUR:
      /* "you retard, go die": a plural-only slur in the singular is
       * an insult at one person (rule_slur), not the group. */
      if (singular_slur(R, m) || pest_sense(R, m) || owned_sense(R, m, e) ||
          gearbox_sense(R, m) || verb_sense(R, m))
        continue;
      t->slur = 1;
      t->reclaimed = m->reclaimed;
      break;
    case DC_KIND_DOGWHISTLE:
      if (!e->categories || whistle_said_of_one(R, m))
        continue;
      t->coded = 1;
      break;
    case DC_KIND_CONSP_ACTOR:
      /* "Zionists are a cancer. And we all know what 'Zionist'
       * really means": a stand-in word (ambiguous, with a group)
       * that the comment itself says is code names the group, as a
       * dog whistle does. Elsewhere it is a story's actor only. */
      if (!e->categories || !(e->flags & DC_F_AMBIGUOUS) || !code_spelled(R, m))
        continue;
      t->coded = 1;
      break;
    case DC_KIND_PRONOUN_GROUP:
      t->type = TG_PRONOUN;
      t->entry = -1;
      break;
    case DC_KIND_PRONOUN_YOU:
      /* "I hate you Muslims": "you" addresses the group named right
       * after it in the plural, which is the target ("you white
       * man" is one person; "you retard", "you hoes" are insults at
       * the people addressed). */
      if (tok_is_word(R, m->tb, "you") || tok_is_word(R, m->tb, "yall")) {
        const mention *id = mention_at(R, m->te, DC_KIND_IDENTITY);
        if (id && plural_hit(R, id))
          continue;
      }
      t->type = TG_YOU;
      break;
    case DC_KIND_NONPROTECTED:
      /* A country names its people after a people word and "from":
       * "those people from Somalia", "these animals from Syria",
       * "refugees from Syria" (targets.tsv gives each country its
       * nationality). Alone, or after "weapons from", it is the
       * state. */
      t->type = TG_NP;
      /* A faith's believers (its group column) are read only by
       * rule_attack, of a dehumanizing word said of the faith: it
       * is no country, and no one is from it or told back to it. */
      if (faith_entry(e))
        break;
      if (e->categories && told_back_to(R, m->tb, m->te)) {
        t->type = TG_GROUP;
        break;
      }
      if (e->categories) {
        bool from = m->tb >= 2 && tok_is_word(R, m->tb - 1, "from");
        /* "refugees from Syria": the group is named already, the
         * country only says where from */
        if (from && kind_at(R, m->tb - 2, DC_KIND_IDENTITY))
          continue;
        /* "Afghans in Germany are all rapists", "black people
         * across France": a country after "in" or "across" right
         * after a group says where the group lives; the group
         * stays what is spoken of. */
        if (m->tb >= 2 && rs->nt > 0 && rs->t[rs->nt - 1].type == TG_GROUP &&
            (rs->t[rs->nt - 1].te == m->tb - 1 ||
             (rs->t[rs->nt - 1].te + 2 == m->tb && living_in(R, m->tb - 2))) &&
            (tok_is_word(R, m->tb - 1, "in") ||
             tok_is_word(R, m->tb - 1, "across") ||
             tok_is_word(R, m->tb - 1, "throughout") || from))
          continue;
        /* people, in the plural: "that guy from Mexico" is one
         * man, "immigration from Mexico" a policy */
        const tok *pw = from ? &rs->toks[m->tb - 2] : NULL;
        bool plural = pw && plural_word(R, pw->b, pw->e);
        /* dehumanizing words and slurs are mass nouns ("vermin
         * from Somalia", "trash from Mexico") */
        if (from && (kind_at(R, m->tb - 2, DC_KIND_HUMANITY) ||
                     kind_at(R, m->tb - 2, DC_KIND_PRONOUN_GROUP) ||
                     kind_at(R, m->tb - 2, DC_KIND_DEHUMANIZE) ||
                     kind_at(R, m->tb - 2, DC_KIND_SLUR) ||
                     (plural && kind_at(R, m->tb - 2, DC_KIND_PERSON))))
          t->type = TG_GROUP;
        else
          t->categories = 0;
      }
      break;
    case DC_KIND_OBJECT:
      t->type = TG_OBJECT;
      break;
    default:
      continue;
    }
    /* One push for every case: a copy of the target in each cost
     * the comment's code more cache lines. */
    rs->nt++;
    R->target_types |= (uint8_t)(1u << t->type);
  }
  return DECORUM_OK;
}

/* ---------------------------------------------------------------------- */
/* Findings                                                                */
/* ---------------------------------------------------------------------- */

#define REASON_MAX 512 /* bytes, with the NUL */

/* Shortens len so that s[0..len) does not end inside a UTF-8 character;
 * s[len] must be readable (the rules only cut text that goes on, or ends
 * in a NUL). Reasons must be valid UTF-8: JSON and terminals need it. */
static size_t utf8_cut(const char *s, size_t len) {
  while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80)
    len--;
  return len;
}

/* Reasons are built for every finding on the hot path, and nearly every
 * finding reaches the output, so they are put together from pieces whose
 * lengths are known where they can be: a literal's at compile time (LIT),
 * an entry's why and group strings' from the load (entry_why,
 * entry_group), another string's by one strlen (piece_str), a quote of
 * the text cut to whole characters (piece_text). A printf-like formatter
 * scanned every format for its conversions on every call: 290
 * instructions a reason, where the pieces take about a third of that. */
typedef struct piece {
  const char *s;
  size_t n;
} piece;

/* l must be a string literal (the "" makes sure). */
#define LIT(l) ((piece){"" l, sizeof(l) - 1})

static inline piece piece_str(const char *s) {
  return (piece){s, s ? strlen(s) : 0};
}

/* An entry's why and group strings, their lengths known from the load
 * (dc_entry.why_len, group_len). */
static inline piece entry_why(const dc_entry *e) {
  return (piece){e->why, e->why_len};
}

static inline piece entry_group(const dc_entry *e) {
  return (piece){e->group, e->group_len};
}

/* At most w bytes of s (none when w <= 0), not ending inside a
 * character. */
static inline piece piece_text(const char *s, int w) {
  return (piece){s, w > 0 ? utf8_cut(s, (size_t)w) : 0};
}

/* Joins the pieces into buf[cap] (NUL-terminated, cut at a character
 * boundary when too long) and returns the length. */
static size_t join(char *buf, size_t cap, const piece *p, size_t np) {
  size_t n = 0;
  for (size_t i = 0; i < np; i++) {
    size_t len = p[i].n;
    if (n + len >= cap)
      len = utf8_cut(p[i].s, cap - 1 - n);
    memcpy(buf + n, p[i].s, len);
    n += len;
  }
  buf[n] = '\0';
  return n;
}

/* The pieces as an array and its length: PIECES(LIT("a"), piece_str(s)). The
 * second use of the arguments is inside sizeof, which does not evaluate
 * them. */
#define PIECES(...)                                                            \
  (const piece[]){__VA_ARGS__},                                                \
      sizeof((const piece[]){__VA_ARGS__}) / sizeof(piece)

/* Joins pieces into buf[cap]: JOIN(buf, cap, LIT("a"), piece_str(s)). */
#define JOIN(buf, cap, ...) join(buf, cap, PIECES(__VA_ARGS__))

/* Adds a reason to the arena and sets *off to its offset:
 * REASON(R, &off, LIT("a"), piece_str(s)). */
#define REASON(R, off, ...)                                                    \
  add_reason((R)->al, (R)->out, off, PIECES(__VA_ARGS__))

static decorum_status add_reason(const dc_alloc *al, dc_rules_out *o,
                                 uint32_t *off, const piece *p, size_t np) {
  /* Joined straight into the arena: room for the longest reason is made
   * first (join cuts at REASON_MAX). */
  decorum_status st = dc_grow(al, (void **)&o->reasons, &o->reasons_cap,
                              o->reasons_len + REASON_MAX, 1, (size_t)1 << 24);
  if (st != DECORUM_OK)
    return st;
  size_t len = join(o->reasons + o->reasons_len, REASON_MAX, p, np);
  *off = (uint32_t)o->reasons_len;
  o->reasons_len += len + 1;
  return DECORUM_OK;
}

/* Does a split slur (DC_HIT_SPLIT) lie in [b, e)? The normalizer's
 * how[] cannot say so: the matcher joined the fragments. */
static bool split_in(const run *R, uint32_t b, uint32_t e) {
  for (size_t i = 0; i < R->rs->nm; i++) {
    const mention *m = &R->rs->m[i];
    if (m->how == DC_HIT_SPLIT && m->b >= b && m->e <= e)
      return true;
  }
  return false;
}

static uint32_t evasion_flags(const run *R, uint32_t b, uint32_t e) {
  if (!R->n->evasions)
    return 0; /* the OR of every byte's flags: nothing to find */
  uint32_t how = 0;
  for (uint32_t i = b; i < e && i < R->n->len; i++)
    how |= R->n->how[i];
  /* A hidden character between a word and a space ("tar\u200b baby",
   * "tar baby\u200b lad") hides nothing inside a word: normalize marks
   * the letter before a dropped character, and at a word's end that is
   * no evasion. (The property test of zero-width characters between
   * words found it.) */
  if (how & DC_EV_INVISIBLE) {
    how = 0;
    for (uint32_t i = b; i < e && i < R->n->len; i++)
      how |= R->n->how[i] & ~(i + 1 >= R->n->len || R->n->text[i + 1] == ' ' ||
                                      R->n->text[i + 1] == '\n'
                                  ? (uint32_t)DC_EV_INVISIBLE
                                  : 0u);
  }
  return how;
}

static __attribute__((noinline)) piece evasion_words(uint32_t how) {
  if (how & DC_EV_SPACED)
    return LIT(" (letters spaced out to evade filters)");
  if (how & DC_EV_LEET)
    return LIT(" (leetspeak spelling to evade filters)");
  if (how & DC_EV_CONFUSABLE)
    return LIT(" (look-alike characters to evade filters)");
  if (how & DC_EV_MASK)
    return LIT(" (masked letters to evade filters)");
  if (how & DC_EV_INVISIBLE)
    return LIT(" (hidden characters to evade filters)");
  if (how & DC_EV_STRETCH)
    return LIT(" (stretched letters)");
  return LIT("");
}

/* Most findings are spelled plainly: their empty note is returned inline,
 * where the call and its chain of tests cost ~30 instructions a reason. */
static inline piece evasion_note(uint32_t how) {
  return how & DC_EV_ANY ? evasion_words(how) : LIT("");
}

/* The evasion note of the mention m's reason: for a split slur, which
 * word the fragments spell ("ki kes": " (split spelling of 'kike' to
 * evade filters)"), so that a moderator sees why the span is a slur. */
static __attribute__((noinline)) piece split_note(run *R, const mention *m) {
  const dc_entry *e = &R->lx->entries[m->entry];
  char *note = R->rs->note;
  int w = (int)(e->term_len > 40 ? 40 : e->term_len);
  return (piece){note,
                 JOIN(note, sizeof R->rs->note, LIT(" (split spelling of '"),
                      piece_text(e->term, w), LIT("' to evade filters)"))};
}

static inline piece mention_note(run *R, const mention *m) {
  return m->how == DC_HIT_SPLIT ? split_note(R, m)
                                : evasion_note(evasion_flags(R, m->b, m->e));
}

/* Describes a target for a reason: "jewish (religion)". Returns the
 * label as a piece of buf. */
static piece target_label(const run *R, const target *t, char *buf,
                          size_t cap) {
  const dc_entry *ge = t->entry >= 0 ? &R->lx->entries[t->entry] : NULL;
  if (!ge || !ge->group_len) {
    const tok *a = &R->rs->toks[t->tb];
    const tok *z = &R->rs->toks[t->te - 1];
    int n = (int)(z->e - a->b);
    return (piece){buf, JOIN(buf, cap, LIT("'"),
                             piece_text(R->n->text + a->b, n > 60 ? 60 : n),
                             LIT("'"))};
  }
  /* The named group's own category first: "trans women" are trans
   * people (gender_identity), though "women" adds sex. */
  uint32_t cats = t->categories & ge->categories
                      ? t->categories & ge->categories
                      : t->categories;
  const char *cat = "";
  for (int c = 0; c < DECORUM_N_CATEGORIES; c++)
    if (cats & (1u << c)) {
      cat = decorum_category_name((decorum_category)c);
      break;
    }
  if (*cat)
    return (piece){buf, JOIN(buf, cap, entry_group(ge), LIT(" people ("),
                             piece_str(cat), LIT(")"))};
  return (piece){buf, JOIN(buf, cap, entry_group(ge), LIT(" people"))};
}

typedef struct finding_spec {
  uint32_t b, e; /* normalized byte range */
  decorum_signal signal;
  decorum_attribute attribute;
  uint32_t categories;
  float weight;
  uint16_t flags;
  bool hate;   /* counts toward the hate score */
  bool severe; /* counts toward SEVERE_TOXICITY */
} finding_spec;

/* Internal finding flags, above the public DECORUM_SPAN_* bits. */
#define F_HATE 0x100u
#define F_SEVERE 0x200u
#define F_EXCLAIM 0x400u /* swearing as an exclamation (`exclaim`) */

static float noisy_or(float a, float b) {
  return 1.0f - (1.0f - a) * (1.0f - b);
}

static decorum_status emit(run *R, const finding_spec *fs, uint32_t reason) {
  dc_rules_out *o = R->out;
  /* aggregate() merges findings pairwise; past MAX_FINDINGS (a comment
   * of thousands of slurs) the scores are saturated and the list long
   * past reading, so the rest only count toward the running estimate. */
  if (o->n >= MAX_FINDINGS) {
    if (!(fs->flags & DECORUM_SPAN_MITIGATING) && fs->hate)
      R->hate_so_far = noisy_or(R->hate_so_far, fs->weight);
    return DECORUM_OK;
  }
  decorum_status st = dc_grow(R->al, (void **)&o->v, &o->cap, o->n + 1,
                              sizeof *o->v, MAX_ITEMS);
  if (st != DECORUM_OK)
    return st;
  uint32_t how = evasion_flags(R, fs->b, fs->e);
  dc_finding *f = &o->v[o->n++];
  f->begin = fs->b;
  f->end = fs->e;
  f->signal = (uint8_t)fs->signal;
  f->attribute = (uint8_t)fs->attribute;
  f->flags = fs->flags | (how ? DECORUM_SPAN_EVASION : 0);
  f->categories = fs->categories;
  f->weight = fs->weight;
  f->reason = reason;
  /* A masked swear word in a comment that names no group ("d*mn",
   * "f***") is mostly courtesy, not a filter dodged: the span still says
   * evasion, the model's feature does not ("d*mn, this coffee is good"
   * scored 0.50 toxic with it, 0.43 without; "damn" 0.33). Said of a
   * group ("all immigrants are sh!t") the mask still counts. */
  if (how && (fs->signal != DECORUM_SIGNAL_PROFANITY ||
              ((R->target_types >> TG_GROUP) & 1)))
    o->rf[DC_RF_EVASION] = 1;
  if (fs->hate)
    f->flags |= F_HATE;
  if (fs->severe)
    f->flags |= F_SEVERE;
  if (!(fs->flags & DECORUM_SPAN_MITIGATING) && fs->hate)
    R->hate_so_far = noisy_or(R->hate_so_far, fs->weight);
  return DECORUM_OK;
}

/* The findings over a split slur are evasions too (DECORUM_SPAN_EVASION,
 * DC_RF_EVASION), which emit cannot tell from the normalizer's how[]:
 * marked here once, for the rare comment that has one, rather than asked
 * in emit of every finding. */
static __attribute__((noinline)) void split_findings(run *R) {
  dc_rules_out *o = R->out;
  for (size_t i = 0; i < o->n; i++)
    if (split_in(R, o->v[i].begin, o->v[i].end)) {
      o->v[i].flags |= DECORUM_SPAN_EVASION;
      o->rf[DC_RF_EVASION] = 1;
    }
}

/* Adds one finding's weight to the attribute scores. An exclamation's
 * share of TOXICITY ("damn", "fucking wild") stays out of tox_aimed: a
 * PROFANITY finding is swearing aimed at no one (aimed at a group it is
 * also a derogation, at the person addressed an insult, and those
 * findings count); a swear word that names a person ("bitch", "cunt")
 * counts. */
static void add_scores(dc_rules_out *o, const dc_finding *f) {
  float w = f->weight;
  float *a = o->attr;
  bool hate = (f->flags & F_HATE) != 0;
  float tox = 0; /* what the finding adds to TOXICITY */
  switch ((decorum_attribute)f->attribute) {
  case DECORUM_IDENTITY_ATTACK:
    a[DECORUM_IDENTITY_ATTACK] = noisy_or(a[DECORUM_IDENTITY_ATTACK], w);
    tox = w * 0.95f;
    if (f->signal == DECORUM_SIGNAL_SLUR)
      a[DECORUM_INSULT] = noisy_or(a[DECORUM_INSULT], w * 0.8f);
    break;
  case DECORUM_THREAT:
    a[DECORUM_THREAT] = noisy_or(a[DECORUM_THREAT], w);
    tox = w * 0.9f;
    if (hate)
      a[DECORUM_IDENTITY_ATTACK] = noisy_or(a[DECORUM_IDENTITY_ATTACK], w);
    break;
  case DECORUM_INSULT:
    a[DECORUM_INSULT] = noisy_or(a[DECORUM_INSULT], w);
    tox = w * 0.85f;
    break;
  case DECORUM_PROFANITY:
    a[DECORUM_PROFANITY] = noisy_or(a[DECORUM_PROFANITY], w);
    if (f->flags & F_EXCLAIM)
      a[DECORUM_TOXICITY] = noisy_or(a[DECORUM_TOXICITY], w * 0.55f);
    else
      tox = w * 0.55f;
    break;
  case DECORUM_TOXICITY:
    tox = w;
    break;
  default:
    a[f->attribute] = noisy_or(a[f->attribute], w);
    break;
  }
  if (tox > 0) {
    a[DECORUM_TOXICITY] = noisy_or(a[DECORUM_TOXICITY], tox);
    o->tox_aimed = noisy_or(o->tox_aimed, tox);
  }
  if (f->flags & F_SEVERE)
    a[DECORUM_SEVERE_TOXICITY] = noisy_or(a[DECORUM_SEVERE_TOXICITY], w * 0.9f);
  if (hate) {
    o->hate = noisy_or(o->hate, w);
    o->categories |= f->categories;
  }
}

/* Merges findings that say the same thing about overlapping text (two
 * lexicon entries for one word, "sick" inside "sick of"): the stronger
 * keeps the union of the ranges. Then sums up the scores. Internal flag
 * bits are cleared on the way out. */
static void aggregate(dc_rules_out *o) {
  /* Past a few findings, the kept ones' extent for each signal and side
   * (mitigating or not): a finding outside it overlaps none of them and
   * reads none. A 64 KiB chant's MAX_FINDINGS disjoint findings each
   * read all the ones before (0.5M comparisons, 4M instructions). */
  enum { FEW = 16 };
  uint32_t lo[DECORUM_N_SIGNALS][2], hi[DECORUM_N_SIGNALS][2];
  const bool wide = o->n > FEW;
  if (wide)
    for (size_t k = 0; k < DECORUM_N_SIGNALS; k++)
      lo[k][0] = lo[k][1] = UINT32_MAX, hi[k][0] = hi[k][1] = 0;
  size_t keep = 0;
  for (size_t i = 0; i < o->n; i++) {
    /* Read in place: the findings it merges into lie before it, and
     * one that stays where it is (most) is not copied. */
    const dc_finding *f = &o->v[i];
    bool merged = false;
    if (wide) {
      const size_t sg = f->signal,
                   sd = (f->flags & DECORUM_SPAN_MITIGATING) != 0;
      const bool apart = f->begin >= hi[sg][sd] || f->end <= lo[sg][sd];
      lo[sg][sd] = f->begin < lo[sg][sd] ? f->begin : lo[sg][sd];
      hi[sg][sd] = f->end > hi[sg][sd] ? f->end : hi[sg][sd];
      if (apart) {
        if (keep != i)
          o->v[keep] = *f;
        keep++;
        continue;
      }
    }
    for (size_t j = 0; j < keep && !merged; j++) {
      dc_finding *g = &o->v[j];
      if (g->signal != f->signal || g->begin >= f->end || f->begin >= g->end ||
          (g->flags & DECORUM_SPAN_MITIGATING) !=
              (f->flags & DECORUM_SPAN_MITIGATING))
        continue;
      /* an exclamation only if both are ("fuck" inside "fuck
       * off" is the taunt) */
      uint16_t exclaim = g->flags & f->flags & F_EXCLAIM;
      if (f->weight > g->weight) {
        g->weight = f->weight;
        g->reason = f->reason;
        g->categories |= f->categories;
        g->flags |= f->flags;
      }
      g->flags = (uint16_t)((g->flags & ~F_EXCLAIM) | exclaim);
      g->begin = g->begin < f->begin ? g->begin : f->begin;
      g->end = g->end > f->end ? g->end : f->end;
      merged = true;
    }
    if (!merged) {
      if (keep != i)
        o->v[keep] = *f;
      keep++;
    }
  }
  o->n = keep;
  for (size_t i = 0; i < o->n; i++) {
    if (!(o->v[i].flags & DECORUM_SPAN_MITIGATING))
      add_scores(o, &o->v[i]);
    o->v[i].flags &= (uint16_t) ~(F_HATE | F_SEVERE | F_EXCLAIM);
  }
}

/* Byte range of tokens [tb, te). */
static uint32_t tb_byte(const run *R, uint32_t tb) { return R->rs->toks[tb].b; }
static uint32_t te_byte(const run *R, uint32_t te) {
  return R->rs->toks[te - 1].e;
}

/* ---------------------------------------------------------------------- */
/* Scope                                                                   */
/* ---------------------------------------------------------------------- */

static const sentence *sent_of(const run *R, uint32_t ti) {
  return &R->rs->s[R->rs->toks[ti].sent];
}

/* The most tokens a mention of kind spans, worked out once a comment into
 * *cache (UINT32_MAX until then). */
static uint32_t kind_span(const dc_rules_scratch *rs, uint32_t *cache,
                          dc_kind kind) {
  if (*cache == UINT32_MAX) {
    *cache = 0;
    for (size_t i = 0; i < rs->nm; i++)
      if (rs->m[i].kind == kind && rs->m[i].te - rs->m[i].tb > *cache)
        *cache = rs->m[i].te - rs->m[i].tb;
  }
  return *cache;
}

/* A negator before the attack in the same clause, close enough, not part
 * of the attack phrase itself. A negated auxiliary opening a question
 * ("aren't they just ...?") is rhetorical and does not negate. */
static const mention *negator_in(const run *R, uint32_t tb);

/* "Shame it didn't burn", "pity they didn't all drown", "too bad he
 * wasn't shot": regret that something did not happen wishes it. Is a
 * word of regret among the four tokens before the negation at tb (words
 * or commas), in its sentence? */
static bool regret_before(const run *R, uint32_t tb) {
  const tok *t = R->rs->toks;
  uint32_t sb = sent_of(R, tb)->tb;
  for (uint32_t k = tb, n = 0; k-- > sb && n < 4; n++) {
    if (tok_is_word(R, k, "shame") || tok_is_word(R, k, "pity") ||
        (tok_is_word(R, k, "bad") && k > 0 && tok_is_word(R, k - 1, "too")))
      return true;
    if (t[k].type != TK_WORD && (t[k].type != TK_PUNCT || t[k].ch != ','))
      return false;
  }
  return false;
}

/* A word that names a target or a dehumanized group at token k: one test
 * of the token's kind bits (at[]), where four mention look-ups each read
 * the same word. */
static bool group_word_at(const run *R, uint32_t k) {
  return k < R->rs->ntok &&
         (R->rs->at[k] & (KIND_BIT(IDENTITY) | KIND_BIT(SLUR) |
                          KIND_BIT(PRONOUN_GROUP) | KIND_BIT(DEHUMANIZE)));
}

static bool context_place(const run *R, target *out);

/* Is the word at token k a bare "it" (or "this", "that" with no noun after
 * it: "burn that down", not "burn that hotel down"), a thing the reply
 * does not name? */
static bool bare_it_at(const run *R, uint32_t k) {
  const dc_rules_scratch *rs = R->rs;
  if (k >= rs->ntok || rs->toks[k].type != TK_WORD)
    return false;
  if (tok_is_word(R, k, "it"))
    return true;
  if (!tok_is_word(R, k, "this") && !tok_is_word(R, k, "that"))
    return false;
  return k + 1 >= rs->ntok || rs->toks[k + 1].type != TK_WORD ||
         tok_is_word(R, k + 1, "down") || tok_is_word(R, k + 1, "to") ||
         tok_is_word(R, k + 1, "up") || tok_is_word(R, k + 1, "with");
}

/* Does regret before the negation at negtb wish the act of the verb at
 * tokens [vb, ve) on people? Only when the group is the verb's object
 * ("pity they didn't kill them all", "shame they didn't deport the
 * invaders") or the verb has no object of its own and its subject or a
 * phrase after it names the group ("pity the refugees didn't drown",
 * "shame it didn't burn with the invaders inside"). Not when a noun
 * phrase of its own follows the verb ("shame the gay bar didn't ban
 * smoking", "too bad they didn't burn the old tires"), nor of a bare "it"
 * ("shame it didn't burn, the marshmallows were raw"), which the context
 * alone would tie to a group. */
static bool regret_wish(const run *R, uint32_t negtb, uint32_t vb,
                        uint32_t ve) {
  if (negtb == 0 || !regret_before(R, negtb))
    return false;
  const dc_rules_scratch *rs = R->rs;
  const tok *t = rs->toks;
  uint32_t se = sent_of(R, vb)->te;
  uint32_t k = ve;
  /* a particle of the verb ("kill off", "burn down") or an adverb */
  while (k < se && t[k].type == TK_WORD &&
         (tok_is_word(R, k, "off") || tok_is_word(R, k, "out") ||
          tok_is_word(R, k, "up") || tok_is_word(R, k, "down") ||
          tok_is_word(R, k, "away") || tok_is_word(R, k, "all") ||
          adverb_like(R, k)))
    k++;
  bool object = k < se && t[k].type == TK_WORD && !tok_is_word(R, k, "with") &&
                !tok_is_word(R, k, "in") && !tok_is_word(R, k, "inside") &&
                !tok_is_word(R, k, "at") && !tok_is_word(R, k, "on") &&
                !tok_is_word(R, k, "into") && !tok_is_word(R, k, "to") &&
                !tok_is_word(R, k, "before") &&
                !kind_at(R, k, DC_KIND_CONJUNCTION); /* when, while */
  /* the object, or a phrase after an intransitive verb: a group word
   * among its first three words */
  for (uint32_t j = k + (object ? 0 : 1), n = 0;
       j < se && n < 3 && t[j].type == TK_WORD; j++, n++)
    if (group_word_at(R, j))
      return true;
  if (object)
    return false;
  /* no object: the subject right before the negation */
  uint32_t sj = negtb - 1;
  if (t[sj].type != TK_WORD)
    return false;
  if (!tok_is_word(R, sj, "it") && !tok_is_word(R, sj, "this") &&
      !tok_is_word(R, sj, "that"))
    return true;
  /* A bare "it" burnt is the building the context names as a group's
   * ("Shame it didn't burn down" under "Asylum hotel fire", "Mosque
   * vandalised"), for a threat done to places (flag `place`) whose
   * sentence says nothing more after it ("shame it didn't burn, the
   * marshmallows were raw" names what "it" was). Under a title that
   * names a group and no place of theirs ("Muslim chef wins baking
   * contest") "it" is a thing: the reverted 4a2e324 read it as the
   * group's, with no place words to tell. */
  /* "Shame it didn't finish the job": the job (flag `anaphor`) is the
   * harm told before, and "it" what did it; whom, rule_attack finds in
   * the sentence before (anaphor_group) */
  const mention *job = mention_at(R, vb, DC_KIND_THREAT);
  if (job && (ent(R, job)->flags & DC_F_ANAPHOR))
    return true;
  const mention *act = R->n_ctx ? job : NULL;
  if (!act || !(ent(R, act)->flags & DC_F_PLACE))
    return false;
  for (uint32_t j = k; j < se; j++)
    if (t[j].type != TK_WORD && t[j].ch != '.' && t[j].ch != '!')
      return false;
  target g;
  return context_place(R, &g);
}

/* The threat or exclusion starting at token tb, if any. */
static const mention *act_at(const run *R, uint32_t tb) {
  const mention *a = mention_at(R, tb, DC_KIND_THREAT);
  return a ? a : mention_at(R, tb, DC_KIND_EXCLUSION);
}

/* Most comments have no negation: then no call (negator_in saves six
 * registers before any test). */
static inline const mention *negator(const run *R, uint32_t tb) {
  return any_kind(R, DC_KIND_NEGATION) ? negator_in(R, tb) : NULL;
}

static bool disclaimed(const run *R, uint32_t tb);
static bool reasserts(const run *R, const sentence *s, uint32_t from);
static bool reasserted(const run *R, uint32_t tb);

/* "racist to say": a charge of bigotry, then "to", before the report
 * starting at token r (r >= 2). Read from the negator ("It's not racist
 * to say ...": negator_in), from the report (others_report) and in a
 * question (asks_claim). */
static bool charge_to_say(const run *R, uint32_t r) {
  return kind_at(R, r - 2, DC_KIND_DENOUNCE) && tok_is_word(R, r - 1, "to");
}

/* Is the word that judges saying before "to" and the report at token r
 * in sentence s (r >= s->tb + 2) negated: a negator among the four
 * tokens before it ("it's not racist to say", "it isn't fair to say")? */
static bool to_say_negated(const run *R, const sentence *s, uint32_t r) {
  return has_kind_in(R, r >= s->tb + 6 ? r - 6 : s->tb, r - 2,
                     DC_KIND_NEGATION);
}

static const mention *negator_in(const run *R, uint32_t tb) {
  dc_rules_scratch *rs = R->rs;
  kind_span(rs, &rs->neg_span, DC_KIND_NEGATION);
  const sentence *s = sent_of(R, tb);
  uint32_t clause = rs->toks[tb].clause;
  const mention *best = NULL;
  /* The last mention before tb that qualifies: looked for backwards, up
   * to where no negation can end within NEG_WINDOW of tb (none spans
   * more than neg_span tokens), so that a comment of many attacks does
   * not scan all its mentions for each. */
  for (size_t i = rs->first[tb]; i-- > 0;) {
    const mention *m = &rs->m[i];
    if (m->tb + rs->neg_span + NEG_WINDOW < tb)
      break;
    if (m->kind != DC_KIND_NEGATION || m->te > tb)
      continue;
    if (rs->toks[m->tb].clause != clause || tb - m->te > NEG_WINDOW)
      continue;
    if (s->question && m->tb <= s->tb + 1)
      continue;
    /* "I'm just asking, aren't Jews parasites?": a negated auxiliary
     * opening the question's clause after a comma is as rhetorical
     * as one opening the sentence (its entry's term, which "arent"
     * matches as well). */
    if (s->question && m->tb > s->tb && rs->toks[m->tb - 1].type == TK_PUNCT &&
        rs->toks[m->tb - 1].ch == ',' && m->te == m->tb + 1 &&
        ent(R, m)->term_len > 3 &&
        memcmp(ent(R, m)->term + ent(R, m)->term_len - 3, "n't", 3) == 0)
      continue;
    /* "Why don't you go back ...", with or without its '?': a
     * suggestion, not a denial ("y not ..." as well). */
    if (m->tb == s->tb + 1 &&
        (tok_is_word(R, s->tb, "why") || tok_is_word(R, s->tb, "y")))
      continue;
    best = m;
    break;
  }
  if (!best)
    return NULL;
  /* Negative concord: a negator right before an attack that starts with
   * "no" ("ain't no better than rats") stresses it, it does not deny it;
   * "ain't not real women" is a double negation. */
  if (best->te == tb && tok_is_word(R, tb, "no"))
    return NULL;
  /* "I'm not saying all X should be shot, but most should": the
   * negator denies the saying, and the "but" takes the denial back. */
  if (best->te < tb && kind_at(R, best->te, DC_KIND_REPORT) &&
      (disclaimed(R, tb) || reasserted(R, tb)))
    return NULL; /* "I never said X are ..., I said most of them are" */
  /* "It's not racist to say X are rats": the negator denies the charge
   * against saying it, and leaves the claim standing (others_report). */
  if (best->te + 2 < tb && charge_to_say(R, best->te + 2) &&
      kind_at(R, best->te + 2, DC_KIND_REPORT))
    return NULL;
  /* "Never forget the Jews killed Jesus", "don't doubt that ...": a
   * negated forgetting or doubting insists on what follows. */
  if (best->te < tb &&
      (tok_is_word(R, best->te, "forget") || tok_is_word(R, best->te, "doubt")))
    return NULL;
  /* "Jews never stop scheming", "they don't stop lying": a negated
   * stopping right before a doing (an -ing word) says it goes on.
   * (A threat, an exclusion or a hate verb after it is read by
   * halt_scope: "We will never stop killing Jews".) */
  if (best->te + 1 == tb && !act_at(R, tb) &&
      !mention_at(R, tb, DC_KIND_HATE_VERB) &&
      (tok_is_word(R, best->te, "stop") || tok_is_word(R, best->te, "stops") ||
       tok_is_word(R, best->te, "quit"))) {
    const tok *a = &rs->toks[tb];
    if (a->e - a->b > 4 && memcmp(R->n->text + a->e - 3, "ing", 3) == 0)
      return NULL;
  }
  /* "I can't wait until they're gone", "can't wait to see them hang":
   * an impatient wish, which denies nothing. */
  if (best->te + 1 < tb && tok_is_word(R, best->te, "wait") &&
      (tok_is_word(R, best->te + 1, "until") ||
       tok_is_word(R, best->te + 1, "till") ||
       tok_is_word(R, best->te + 1, "til") ||
       tok_is_word(R, best->te + 1, "for") ||
       (tok_is_word(R, best->te + 1, "to") && best->te + 2 < tb &&
        (tok_is_word(R, best->te + 2, "see") ||
         tok_is_word(R, best->te + 2, "watch")))) &&
      act_at(R, tb))
    return NULL;
  /* "I can't stand these lowlife ...", "I don't like that bitch": the
   * negator is the first word of a hate verb, and the attack is in the
   * verb's own object, its first three words: the writer's hostility,
   * which denies nothing. Not an attack in a relative clause, which the
   * writer opposes ("can't stand people who want to gas the Jews"). */
  const mention *hv = mention_at(R, best->tb, DC_KIND_HATE_VERB);
  if (hv && hv->te > best->te && hv->te <= tb && tb - hv->te < 3) {
    bool relative = false;
    for (uint32_t k = hv->te; k < tb && !relative; k++)
      relative = tok_is_word(R, k, "who") || tok_is_word(R, k, "that") ||
                 tok_is_word(R, k, "which");
    if (!relative)
      return NULL;
  }
  /* "Shame it didn't burn with them inside": a wish (of an act on the
   * group, regret_wish; of anything else, as before) */
  if (best->tb > 0 && regret_before(R, best->tb)) {
    const mention *act = act_at(R, tb);
    if (!act || regret_wish(R, best->tb, act->tb, act->te))
      return NULL;
  }
  /* A clause of its own starts between at a conjunction ("don't eat
   * pork because they're filthy"). A new subject alone is no such sign:
   * "never say they are cockroaches", "nobody is telling you Muslims
   * are terrorists", "there is no evidence that ..." deny what follows. */
  if (any_kind(R, DC_KIND_CONJUNCTION))
    for (size_t i = rs->first[best->te]; i < rs->nm && rs->m[i].tb < tb; i++)
      if (rs->m[i].kind == DC_KIND_CONJUNCTION)
        return NULL;
  return best;
}

/* A question that opens with a negated auxiliary ("Isn't it", "Shouldn't
 * we", "Don't you think") is rhetorical: it asserts. */
static bool negated_opening(const run *R, const sentence *s) {
  return s->question && s->tb < R->rs->ntok &&
         mention_at(R, s->tb, DC_KIND_NEGATION) != NULL;
}

/* Does token k say that a claim is fair to make ("fair", "safe", "valid"
 * before "to say")? */
static bool assent_word(const run *R, uint32_t k) {
  static const char *const words[] = {"fair", "safe", "valid"};
  const tok *t = &R->rs->toks[k];
  return t->type == TK_WORD && dc_word_in(R->n->text + t->b, t->e - t->b, words,
                                          sizeof words / sizeof words[0]);
}

/* "but" between tokens a and b, outside quotes: after a belief or a
 * portrayal ("Hollywood depicts Muslims as peaceful but they are all
 * terrorists", "he thinks ... but ...") the writer goes on in their own
 * words. (After words reported, "but" is often still theirs.) Returns
 * the token of the first such "but" + 1 (where disclaimer's goes on), or
 * 0. */
static uint32_t but_between(const run *R, uint32_t a, uint32_t b) {
  for (uint32_t k = a; k < b; k++)
    if (!R->rs->toks[k].quoted && tok_is_word(R, k, "but"))
      return k + 1;
  return 0;
}

/* How far disclaimed looks back for the preface, and on from it for its
 * "but" (a long sentence of attacks stays linear). */
#define DISCLAIM_REACH 24

/* The sentence after a denied saying that has no "but" takes the denial
 * back by itself when it is only the "not all, but most" of it: "I'm not
 * saying all gays should be killed. Just most.", "... Only most of them.",
 * "... Most though.", "... Just the majority." A softener may open it
 * ("just", "only", "but", "well", "maybe"); after the quantifier only
 * "of them", a verb that stands for the claim ("are", "do", "should") or a
 * tag ("though", "lol") may follow. "Most are hard workers." goes on with
 * a claim of its own, and "Just some." grants a few. Returns the
 * quantifier's token, or 0. */
static uint32_t most_after(const run *R, const sentence *s) {
  static const char *const lead[] = {"just",  "only",     "but", "well",
                                     "maybe", "probably", "ok",  "okay"};
  static const char *const tail[] = {
      "of",       "them",   "em",     "those", "are",   "do",
      "should",   "would",  "though", "tho",   "lol",   "lmao",
      "honestly", "really", "tbh",    "imo",   "anyway"};
  uint32_t si = (uint32_t)(s - R->rs->s);
  if (si + 1 >= R->rs->ns)
    return 0;
  const sentence *nx = &R->rs->s[si + 1];
  const tok *toks = R->rs->toks;
  uint32_t k = nx->tb, words = 0, q = 0;
  for (; k < nx->te; k++) {
    const tok *t = &toks[k];
    if (t->type != TK_WORD) {
      if (t->type == TK_PUNCT && t->ch == '%' && q)
        continue; /* "90%" */
      if (t->type == TK_PUNCT &&
          (t->ch == ',' || t->ch == '.' || t->ch == '!' || t->ch == '%'))
        continue;
      return 0;
    }
    if (++words > 6)
      return 0;
    const char *w = R->n->text + t->b;
    size_t l = t->e - t->b;
    if (!q) {
      if (dc_word_in(w, l, lead, sizeof lead / sizeof lead[0]))
        continue;
      bool pct = l <= 3 && w[0] >= '1' && w[0] <= '9' && k + 1 < nx->te &&
                 toks[k + 1].type == TK_PUNCT && toks[k + 1].ch == '%';
      if ((a_or_an(R, k) && tok_is_word(R, k + 1, "lot")) ||
          (tok_is_word(R, k, "the") && tok_is_word(R, k + 1, "majority"))) {
        q = k++;
        continue;
      }
      if (!pct && !tok_is_word(R, k, "most") && !tok_is_word(R, k, "many") &&
          !tok_is_word(R, k, "lots") && !tok_is_word(R, k, "plenty"))
        return 0;
      q = k;
      continue;
    }
    if (!dc_word_in(w, l, tail, sizeof tail / sizeof tail[0]))
      return 0;
  }
  return q;
}

/* "I'm not saying all X should be shot, but most should", "I'm not
 * saying X are bad, but they are vermin", "I don't say X are rats, but
 * ...": the writer's own saying, denied in the present ("not saying",
 * "not calling", "ain't saying", "don't say"), then an unquoted "but" in
 * the sentence s, or a next sentence that is only the "not all, but
 * most" of it (most_after). The preface denies nothing the "but" does not
 * take back. m is the report; returns the token of the "but" + 1, the
 * next sentence's quantifier, or 0. */
static uint32_t disclaimer(const run *R, const sentence *s, const mention *m) {
  if (m->tb < s->tb + 1 || m->te != m->tb + 1)
    return 0;
  const mention *neg = mention_at(R, m->tb - 1, DC_KIND_NEGATION);
  if (!neg || neg->te != m->tb || neg->tb < s->tb)
    return 0;
  bool ing =
      tok_is_word(R, m->tb, "saying") || tok_is_word(R, m->tb, "calling");
  uint32_t but_end =
      m->te + DISCLAIM_REACH < s->te ? m->te + DISCLAIM_REACH : s->te;
  /* "Not saying all X are ..., but ...": the writer's own, the subject
   * dropped as comments drop it ("Not saying" opens the sentence). */
  if (neg->tb == s->tb) {
    if (!ing || !tok_is_word(R, neg->tb, "not"))
      return 0;
    uint32_t b = but_between(R, m->te, but_end);
    return b ? b : most_after(R, s);
  }
  /* the entry's term, which "dont" matches as well (as negator_in
   * reads "n't") */
  const dc_entry *ne = ent(R, neg);
  bool dont = ne->term_len == 5 && memcmp(ne->term, "don't", 5) == 0;
  if (!(ing && !dont) && !(dont && tok_is_word(R, m->tb, "say")))
    return 0;
  uint32_t p = neg->tb - 1;
  if (p > s->tb && kind_at(R, p, DC_KIND_COPULA) &&
      !kind_at(R, p, DC_KIND_PRONOUN_SELF))
    p--; /* "I am not saying" */
  if (!kind_at(R, p, DC_KIND_PRONOUN_SELF) || tok_is_word(R, p, "my") ||
      tok_is_word(R, p, "our"))
    return 0;
  uint32_t b = but_between(R, m->te, but_end);
  return b ? b : most_after(R, s);
}

/* Is the attack at token tb the writer's claim after such a preface
 * (disclaimer)? One after the "but" is the writer's; one inside what the
 * writer is "not saying" only when the "but" goes on with a quantifier,
 * the "not all, but most" of it ("..., but most should", "but a lot of
 * them are"): "I'm not saying she's a slut, but ..." leaves the word
 * said of one woman denied. (Its negator is the preface's: negator_in.) */
static bool disclaimed(const run *R, uint32_t tb) {
  const sentence *s = sent_of(R, tb);
  uint32_t lo = tb > s->tb + DISCLAIM_REACH ? tb - DISCLAIM_REACH : s->tb;
  if (!any_kind(R, DC_KIND_REPORT) || !any_kind(R, DC_KIND_NEGATION))
    return false;
  for (size_t i = R->rs->first[lo]; i < R->rs->nm && R->rs->m[i].tb < tb; i++) {
    const mention *m = &R->rs->m[i];
    if (m->kind != DC_KIND_REPORT || m->te > tb)
      continue;
    uint32_t but = disclaimer(R, s, m);
    if (!but)
      continue;
    if (but <= tb)
      return true;
    uint32_t q = but;
    if (a_or_an(R, q) && tok_is_word(R, q + 1, "lot"))
      return true;
    /* "..., but... ok yeah I am", "but they are": the "but" takes
     * the claim back up, in its sentence or the next */
    uint32_t si = R->rs->toks[tb].sent; /* s is sentence si */
    if (reasserts(R, s, q) ||
        (si + 1 < R->rs->ns && reasserts(R, &R->rs->s[si + 1], s->te)))
      return true;
    if (q >= s->te) /* the next sentence's "Just most." (most_after) */
      return true;
    return kind_at(R, q, DC_KIND_QUANTIFIER) || tok_is_word(R, q, "lots");
  }
  return false;
}

/* Does the report mention m in sentence s give someone else's words or
 * thoughts? Not the writer's own ("I think", "I really believe"; but the
 * passive "I was called" is someone else's), and not "Don't you think X
 * are ...?", which asks for agreement with the writer's own view. */
static bool others_report(const run *R, const sentence *s, const mention *m) {
  /* "Nazi propaganda showed Jews as rats", "cartoons drew them as
   * vermin": a verb of showing or drawing (report entries, flag
   * `belief`) portrays only with "as" after its object, a few words on
   * in its clause; "the data showed that ...", "someone painted a
   * swastika" report nothing. */
  static const char *const shows[] = {"showed",  "shown", "presented",
                                      "painted", "drew",  "drawn",
                                      "framed",  "cast",  "casting"};
  const tok *vt = &R->rs->toks[m->tb];
  /* "..., just saying": the writer's own tag on what they said, ending
   * its sentence (not "my friend is just saying Muslims are ...") */
  if (m->tb > 0 && tok_is_word(R, m->tb - 1, "just") &&
      (tok_is_word(R, m->tb, "saying") || tok_is_word(R, m->tb, "sayin")) &&
      (m->te >= s->te || R->rs->toks[m->te].type != TK_WORD))
    return false;
  /* "..., my wife jokes" reports the joke, as the sentence's last word;
   * anywhere else "jokes" is the noun or tells what a joke was about in
   * the writer's own words ("All jokes aside, ...", "comedian X jokes
   * about ... #code") */
  if (ent(R, m)->term_len >= 4 && (memcmp(ent(R, m)->term, "jok", 3) == 0 ||
                                   memcmp(ent(R, m)->term, "quip", 4) == 0))
    for (uint32_t k = m->te; k < s->te; k++)
      if (R->rs->toks[k].type == TK_WORD)
        return false;
  if (m->te == m->tb + 1 && dc_word_in(R->n->text + vt->b, vt->e - vt->b, shows,
                                       sizeof shows / sizeof shows[0])) {
    bool as = false;
    for (uint32_t q = m->te; !as && q < s->te && q < m->te + 6 &&
                             R->rs->toks[q].clause == vt->clause;
         q++)
      as = tok_is_word(R, q, "as");
    if (!as)
      return false;
  }
  bool self =
      (m->tb >= 1 && mention_at(R, m->tb - 1, DC_KIND_PRONOUN_SELF)) ||
      (m->tb >= 2 && mention_at(R, m->tb - 2, DC_KIND_PRONOUN_SELF) &&
       !mention_at(R, m->tb - 1, DC_KIND_NEGATION) &&
       !mention_at(R, m->tb - 1, DC_KIND_COPULA) &&
       /* "my neighbour called me ...": a possessive, whose
        * noun is the one speaking */
       !tok_is_word(R, m->tb - 2, "my") && !tok_is_word(R, m->tb - 2, "our"));
  /* "I have to say ...", "I must say", "I'd say": the writer and a
   * modal (of one or two words) before the verb */
  if (!self && m->tb >= 2 && m->tb - 2 >= s->tb &&
      (mention_at(R, m->tb - 1, DC_KIND_MODAL) ||
       mention_at(R, m->tb - 2, DC_KIND_MODAL))) {
    uint32_t w =
        mention_at(R, m->tb - 1, DC_KIND_MODAL) ? m->tb - 1 : m->tb - 2;
    self = w > s->tb && kind_at(R, w - 1, DC_KIND_PRONOUN_SELF) &&
           !tok_is_word(R, w - 1, "my") && !tok_is_word(R, w - 1, "our");
  }
  /* "I'm just saying what everyone thinks, ...", "what we all know":
   * a consensus the writer claims for their own words, no one else's
   * report. */
  if (!self && m->tb >= s->tb + 2 && tok_is_word(R, m->tb - 2, "what") &&
      (tok_is_word(R, m->tb - 1, "everyone") ||
       tok_is_word(R, m->tb - 1, "everybody")))
    self = true;
  if (!self && m->tb >= s->tb + 3 && tok_is_word(R, m->tb - 3, "what") &&
      tok_is_word(R, m->tb - 2, "we") && tok_is_word(R, m->tb - 1, "all"))
    self = true;
  bool rhetorical = s->question && m->tb >= 1 &&
                    mention_at(R, m->tb - 1, DC_KIND_PRONOUN_YOU) &&
                    negated_opening(R, s);
  /* "It is fair to say that ...", "it's totally valid to say ...": the
   * writer asserts what follows, as with "I'd say"; not asked ("Is it
   * fair to say ...?") nor denied ("it isn't fair to say ...";
   * "not fair to say", "unfair to say" are reports of their own). */
  if (!self && !s->question && m->tb >= s->tb + 2 &&
      tok_is_word(R, m->tb - 1, "to") && assent_word(R, m->tb - 2))
    self = !to_say_negated(R, s, m->tb);
  /* "It's not racist to say ...": a charge of bigotry before "to say",
   * denied, clears the claim after it for the writer to make; the
   * writer's own. The charge made ("it's racist to say ...") judges the
   * words. (Asked, "Is it racist to say ...?", see asks_claim.) */
  if (!self && !s->question && m->tb >= s->tb + 2 && charge_to_say(R, m->tb))
    self = to_say_negated(R, s, m->tb);
  /* "That said, ...", "Having said that, ...", "That being said, ...":
   * a discourse marker opening the sentence, after which the writer goes
   * on in their own words. ("a sign that said ..." reports.) */
  uint32_t k = m->tb - s->tb; /* words before the verb in the sentence */
  bool marker =
      (k == 1 && tok_is_word(R, s->tb, "that")) ||
      (k == 1 && tok_is_word(R, s->tb, "having") &&
       tok_is_word(R, m->te, "that")) ||
      (k == 2 && tok_is_word(R, s->tb + 1, "being") &&
       (tok_is_word(R, s->tb, "that") || tok_is_word(R, s->tb, "this"))) ||
      (k == 2 && tok_is_word(R, s->tb, "with") &&
       tok_is_word(R, s->tb + 1, "that"));
  /* "Immigrants are accurately characterized as invaders", "blacks have
   * been likened to apes": a portrayal in the passive with no one doing
   * it is the writer's own (belief entries ending in -ed, or "shown",
   * "drawn", after a linking verb, perhaps with an adverb between). */
  bool passive = false;
  if ((ent(R, m)->flags & DC_F_BELIEF) && m->tb > 0 &&
      (R->n->text[m->e - 1] == 'd' ||
       (m->e - m->b > 4 && R->n->text[m->e - 2] == 'w' &&
        R->n->text[m->e - 1] == 'n'))) {
    uint32_t j = m->tb - 1;
    if (j > 0 && adverb_like(R, j))
      j--;
    /* in the present ("are characterized as") or prescribed ("should
     * be regarded as", "must be viewed as"), with nobody named after
     * it ("... by the tabloids", "... in Nazi propaganda"); "were
     * depicted", "have been likened" tell what was done */
    passive = tok_is_word(R, j, "are") || tok_is_word(R, j, "is") ||
              (tok_is_word(R, j, "be") && j > 0 &&
               mention_at(R, j - 1, DC_KIND_MODAL));
    for (uint32_t q = m->te; passive && q < s->te && q < m->te + 8; q++)
      passive = !tok_is_word(R, q, "by") && !tok_is_word(R, q, "in");
  }
  /* "Call me racist, but ...", "you can call me a bigot if you want":
   * the writer names the charge to wave it off, and goes on in their
   * own words. Only "call me" and a name for a bigot: "he called me a
   * faggot", "they call me racial slurs" report abuse. (tok_is_word is
   * false at ntok, so c is read only inside the comment or at its
   * sentinel.) */
  static const char *const charges[] = {
      "racist",    "bigot",      "homophobe", "transphobe", "islamophobe",
      "xenophobe", "antisemite", "sexist",    "nazi",       "fascist"};
  bool waved = false;
  if (tok_is_word(R, m->tb, "call") && m->te == m->tb + 1 &&
      tok_is_word(R, m->te, "me")) {
    uint32_t c = m->te + 1;
    if (a_or_an(R, c))
      c++;
    const tok *ct = &R->rs->toks[c];
    waved = c < R->rs->ntok && ct->type == TK_WORD &&
            dc_word_in(R->n->text + ct->b, ct->e - ct->b, charges,
                       sizeof charges / sizeof charges[0]);
  }
  return !self && !rhetorical && !marker && !passive && !waved;
}

/* A reporting verb earlier in the sentence whose subject is not the
 * writer: "he said", "if you think". "I think" and "I say" are the writer's
 * own assertions. */
static bool report_in(const run *R, const sentence *s, uint32_t tb) {
  if (!any_kind(R, DC_KIND_REPORT) || s->tb >= R->rs->ntok)
    return false;
  if (tb < s->rep_tb) { /* behind the cursor: read from the start */
    for (size_t i = R->rs->first[s->tb]; i < R->rs->nm; i++) {
      const mention *m = &R->rs->m[i];
      if (m->tb >= tb)
        break;
      if (m->kind == DC_KIND_REPORT && others_report(R, s, m) &&
          !((ent(R, m)->flags & DC_F_BELIEF) && but_between(R, m->te, tb)))
        return true;
    }
    return false;
  }
  /* The rules ask in token order: the sentence's cursor moves on from
   * where the last question left it (a sentence of many attacks and
   * reports stays linear). A report of words before tb answers yes; a
   * report of a belief only with no "but" after it, and if the one that
   * ends last has none, it answers. */
  sentence *ms = &R->rs->s[s - R->rs->s];
  uint32_t from = ms->rep_tb ? ms->rep_tb : s->tb;
  for (uint32_t k = from; k < tb; k++)
    if (!R->rs->toks[k].quoted && tok_is_word(R, k, "but"))
      ms->rep_but = k + 1;
  for (size_t i = R->rs->first[from]; i < R->rs->nm && R->rs->m[i].tb < tb;
       i++) {
    const mention *m = &R->rs->m[i];
    if (m->kind != DC_KIND_REPORT || !others_report(R, s, m))
      continue;
    if (!(ent(R, m)->flags & DC_F_BELIEF))
      ms->rep_words = 1;
    else if (m->te + 1 > ms->rep_belief)
      ms->rep_belief = m->te + 1;
  }
  ms->rep_tb = tb;
  return ms->rep_words ||
         (ms->rep_belief && !(ms->rep_but && ms->rep_but >= ms->rep_belief));
}

/* A report of words (not of a belief: "I don't think X are disgusting" is
 * about X, not about speech) anywhere in the sentence, by anyone. */
static bool speech_in(const run *R, const sentence *s) {
  if (s->tb >= R->rs->ntok)
    return false;
  for (size_t i = R->rs->first[s->tb]; i < R->rs->nm && R->rs->m[i].tb < s->te;
       i++)
    if (R->rs->m[i].kind == DC_KIND_REPORT &&
        !(ent(R, &R->rs->m[i])->flags & DC_F_BELIEF) &&
        others_report(R, s, &R->rs->m[i]))
      return true;
  return false;
}

/* Speech reported or quoted in the sentence, worked out once for it: a
 * long sentence of judging words asks for each. */
static bool about_speech(const run *R, uint32_t si) {
  sentence *s = &R->rs->s[si];
  if (!s->speech) {
    bool speech = speech_in(R, s);
    for (uint32_t k = s->tb; k < s->te && !speech; k++)
      speech = R->rs->toks[k].quoted;
    s->speech = speech ? 2 : 1;
  }
  return s->speech == 2;
}

/* "Jews are rats he said", "... said my uncle": a closing attribution
 * with no comma before it, as unpunctuated comments write it. Only a bare
 * "said" or "says" that ends the sentence with its subject: a third-person
 * pronoun right before it ("he said"; not "what he said", "everything he
 * says", which name what was said), or after it one to three words
 * opening with a possessive or an article, or he/she ("said my uncle",
 * "said the teacher"). Words after the sentence's last word token are
 * punctuation or emoji. */
static bool said_last(const run *R, const sentence *s, uint32_t tb,
                      const mention *m) {
  if (m->te != m->tb + 1 ||
      !(tok_is_word(R, m->tb, "said") || tok_is_word(R, m->tb, "says")))
    return false;
  const tok *toks = R->rs->toks;
  uint32_t end = s->te;
  while (end > m->te && toks[end - 1].type != TK_WORD)
    end--;
  if (end == m->te) {
    uint32_t p = m->tb - 1;
    return p > tb &&
           (tok_is_word(R, p, "he") || tok_is_word(R, p, "she") ||
            tok_is_word(R, p, "they")) &&
           toks[p - 1].clause == toks[p].clause &&
           !tok_is_word(R, p - 1, "what") && !tok_is_word(R, p - 1, "that") &&
           !tok_is_word(R, p - 1, "as") && !tok_is_word(R, p - 1, "like") &&
           !tok_is_word(R, p - 1, "everything") &&
           !tok_is_word(R, p - 1, "all");
  }
  if (end - m->te > 3 || toks[m->te].clause != toks[m->tb].clause ||
      toks[m->tb - 1].type != TK_WORD)
    return false;
  for (uint32_t j = m->te; j < end; j++)
    if (toks[j].type != TK_WORD)
      return false;
  uint32_t o = m->te;
  return tok_is_word(R, o, "my") || tok_is_word(R, o, "his") ||
         tok_is_word(R, o, "her") || tok_is_word(R, o, "their") ||
         tok_is_word(R, o, "our") || tok_is_word(R, o, "the") ||
         tok_is_word(R, o, "a") || tok_is_word(R, o, "he") ||
         tok_is_word(R, o, "she");
}

/* report_after's reach: a passive's subject, and the tail of a sentence
 * that can hold ", police said" (four tokens after the verb, four before
 * it). */
#define PASSIVE_SUBJECT 16
#define ATTRIBUTION_TAIL 10

/* Token n is a text or a body of knowledge, not a speaker: what the
 * writer invokes to back a claim ("the Bible says", "science says so",
 * "the stats say it"). */
static bool text_word(const run *R, uint32_t n) {
  return tok_is_word(R, n, "bible") || tok_is_word(R, n, "koran") ||
         tok_is_word(R, n, "quran") || tok_is_word(R, n, "torah") ||
         tok_is_word(R, n, "data") || tok_is_word(R, n, "stats") ||
         tok_is_word(R, n, "statistics") || tok_is_word(R, n, "facts") ||
         tok_is_word(R, n, "evidence") || tok_is_word(R, n, "science") ||
         tok_is_word(R, n, "numbers") || tok_is_word(R, n, "research") ||
         tok_is_word(R, n, "truth") || tok_is_word(R, n, "biology") ||
         tok_is_word(R, n, "history") || tok_is_word(R, n, "nature");
}

/* The words at token w name who says it: a name as names are written
 * ("Farage", "Reuters"), or a determiner and a noun ("the far right", "one
 * MP", "my uncle"); not a text ("the Bible", "the stats"), nor the writer
 * ("said I"). */
static bool names_speaker(const run *R, uint32_t w) {
  if (tok_is_word(R, w, "i"))
    return false;
  if (title_case(R, w))
    return true;
  if (!(tok_is_word(R, w, "the") || tok_is_word(R, w, "a") ||
        tok_is_word(R, w, "an") || tok_is_word(R, w, "one") ||
        tok_is_word(R, w, "my") || tok_is_word(R, w, "his") ||
        tok_is_word(R, w, "her") || tok_is_word(R, w, "their") ||
        tok_is_word(R, w, "our") || tok_is_word(R, w, "some")))
    return false;
  uint32_t n = w + 1;
  return R->rs->toks[n].type == TK_WORD && !text_word(R, n) &&
         !tok_is_word(R, n, "lot");
}

/* ", says the far right", ", claimed one MP": the reporting verb opens
 * the sentence's last clause after a comma, and its subject, which names
 * a speaker (names_speaker), follows it to the end (one to four words,
 * nothing else): the claim before the comma is someone else's. Not ",
 * says it all", ", says a lot", ", says science", ", posted from my
 * phone"; not "saying"/"calling", which go on with a clause of their
 * own. */
static bool inverted_said(const run *R, const sentence *s, uint32_t tb,
                          const mention *m) {
  const tok *toks = R->rs->toks;
  uint32_t k = m->tb;
  if (k <= s->tb || m->te != k + 1 || toks[tb].clause == toks[k].clause ||
      !(toks[k - 1].type == TK_PUNCT && toks[k - 1].ch == ','))
    return false;
  char last = R->n->text[m->e - 1];
  bool plural = last == 'y'; /* "..., say campaigners" */
  if (last != 's' && last != 'd' && !plural)
    return false;
  /* (the speaker may be followed by where it was said: "..., says a
   * Hamas leader in a new video", five words more after a preposition,
   * or what about: "..., says the electoral commission about
   * donations") */
  uint32_t words = 0, where = 0;
  for (uint32_t j = m->te; j < s->te; j++) {
    if (toks[j].type != TK_WORD)
      continue;
    if (toks[j].clause != toks[k].clause)
      return false;
    if (!where && words >= (plural ? 1u : 2u) &&
        (tok_is_word(R, j, "in") || tok_is_word(R, j, "on") ||
         tok_is_word(R, j, "at") || tok_is_word(R, j, "during") ||
         tok_is_word(R, j, "about") || tok_is_word(R, j, "for")))
      where = 1;
    if (where ? ++where > 6 : ++words > 4)
      return false;
  }
  if (words == 0 || toks[m->te].type != TK_WORD)
    return false;
  /* "say" before a bare plural that names who ("say campaigners", "say
   * critics"; not "say yes", "say us") */
  if (plural) {
    const tok *w = &toks[m->te];
    return (words <= 2 || where) && w->e - w->b > 3 &&
           R->n->text[w->e - 1] == 's' && !tok_is_word(R, m->te, "yes") &&
           !tok_is_word(R, m->te, "this") &&
           !kind_at(R, m->te, DC_KIND_QUANTIFIER);
  }
  return names_speaker(R, m->te);
}

/* Words before tb's clause ends reported by a verb after them: the
 * subject of a passive report ("Auslander raus was sprayed on the
 * mosque", "'Jews out' was chanted"), or a last
 * clause of attribution after a comma ("..., police said", "..., a
 * spokesman told reporters": one to four words before the verb, none the
 * writer, and at most four tokens after it; not "..., saying ..."), or
 * after it (inverted_said: "..., says the far right"). */
static bool report_after(const run *R, const sentence *s, uint32_t tb) {
  if (!any_kind(R, DC_KIND_REPORT))
    return false;
  const tok *toks = R->rs->toks;
  /* A passive's subject is a slogan of at most PASSIVE_SUBJECT tokens;
   * past that only the sentence's last few tokens can hold a closing
   * attribution, and the walk jumps there: a long sentence of many
   * mentions stays linear. */
  bool jumped = false;
  for (size_t i = R->rs->first[tb]; i < R->rs->nm && R->rs->m[i].tb < s->te;
       i++) {
    const mention *m = &R->rs->m[i];
    if (!jumped && m->tb > tb + PASSIVE_SUBJECT) {
      jumped = true;
      uint32_t near = s->te > ATTRIBUTION_TAIL ? s->te - ATTRIBUTION_TAIL : 0;
      if (near > m->tb) {
        i = R->rs->first[near] - 1;
        continue;
      }
    }
    if (m->kind != DC_KIND_REPORT || m->tb <= tb ||
        (ent(R, m)->flags & DC_F_BELIEF))
      continue;
    char last = R->n->text[m->e - 1];
    bool passive = (last == 'd' || last == 'n') &&
                   m->tb <= tb + PASSIVE_SUBJECT &&
                   (tok_is_word(R, m->tb - 1, "was") ||
                    tok_is_word(R, m->tb - 1, "were") ||
                    tok_is_word(R, m->tb - 1, "been"));
    if (!passive && s->te - m->te > 4) {
      /* neither can hold: others_report is not asked; but for
       * a speaker and where: ", says a Hamas leader in a new
       * video" (inverted_said) */
      if (s->te - m->te <= 9 && m->tb > s->tb &&
          toks[m->tb - 1].type == TK_PUNCT && toks[m->tb - 1].ch == ',' &&
          inverted_said(R, s, tb, m) && others_report(R, s, m))
        return true;
      continue;
    }
    if (!others_report(R, s, m))
      continue;
    if (passive) {
      /* the subject is the words from tb on, when the lexicon knows
       * each of them (a slogan: "Jews are rats was scrawled"); not
       * "a kike knows the torah was written" */
      uint32_t cov = tb;
      bool known = true;
      need_glue(R); /* at[k] of every kind */
      for (size_t j = R->rs->first[tb], k = tb; known && k < m->tb - 1; k++) {
        for (; j < R->rs->nm && R->rs->m[j].tb <= k; j++)
          if (R->rs->m[j].te > cov)
            cov = R->rs->m[j].te;
        known = k < cov || R->rs->at[k] || toks[k].type != TK_WORD;
      }
      if (known)
        return true;
      continue;
    }
    if (said_last(R, s, tb, m))
      return true;
    /* ", police said": the verb's clause opens after a comma and is
     * the sentence's last */
    uint32_t c = toks[m->tb].clause, k = m->tb;
    while (k > s->tb && toks[k - 1].clause == c)
      k--;
    if (m->tb == k && inverted_said(R, s, tb, m))
      return true;
    if (k <= s->tb || toks[tb].clause == c || m->tb == k || m->tb - k > 4 ||
        s->te - m->te > 4 ||
        !(toks[k - 1].type == TK_PUNCT && toks[k - 1].ch == ','))
      continue;
    /* a subject, not "and call it even", "no matter what he says";
     * not a text the writer invokes to back the claim ("..., science
     * says so", "..., the stats say it all"), nor a verb whose "so"
     * or "it" takes the claim up as the writer's own ("..., everyone
     * says so"): backing, not attribution */
    bool subject = !kind_at(R, k, DC_KIND_CONJUNCTION) &&
                   !tok_is_word(R, k, "and") && !tok_is_word(R, k, "or") &&
                   !tok_is_word(R, m->te, "so");
    for (uint32_t j = k; j < m->tb && subject; j++)
      subject = !text_word(R, j);
    for (uint32_t j = k; j < m->tb && subject; j++)
      subject = !kind_at(R, j, DC_KIND_NEGATION) &&
                !tok_is_word(R, j, "what") && !tok_is_word(R, j, "whatever");
    for (uint32_t j = m->te; j < s->te && subject; j++)
      subject = toks[j].clause == c;
    if (subject)
      return true;
  }
  return false;
}

/* ", he said" ending the sentence: m is a bare "said"/"says", nothing
 * but punctuation after it, a lone he/she/they before it and a comma
 * before that. report_after reads it as a closing attribution; it carries
 * no more than the comma-less "he said" that said_last reads. */
static bool comma_he_said(const run *R, const sentence *s, uint32_t tb,
                          const mention *m) {
  if (m->te != m->tb + 1 || m->tb < tb + 3 ||
      !(tok_is_word(R, m->tb, "said") || tok_is_word(R, m->tb, "says")))
    return false;
  const tok *toks = R->rs->toks;
  for (uint32_t j = m->te; j < s->te; j++)
    if (toks[j].type == TK_WORD)
      return false;
  uint32_t p = m->tb - 1;
  return (tok_is_word(R, p, "he") || tok_is_word(R, p, "she") ||
          tok_is_word(R, p, "they")) &&
         toks[p - 1].type == TK_PUNCT && toks[p - 1].ch == ',';
}

/* Is the attack at token tb someone's words only by a bare "said" that
 * ends its sentence after it (said_last: "... he said", "... said my
 * uncle"; comma_he_said: "..., he said"), no quote marks, no scare
 * frame and no report before it? */
static bool bare_said_after(const run *R, uint32_t tb) {
  const sentence *s = sent_of(R, tb);
  if (R->rs->toks[tb].quoted || named_at(R, tb) || report_in(R, s, tb))
    return false;
  /* said_last's verb has at most three words after it: only the
   * sentence's tail is read, so a long sentence of many threats stays
   * linear */
  uint32_t from = s->te > ATTRIBUTION_TAIL ? s->te - ATTRIBUTION_TAIL : 0;
  if (from <= tb)
    from = tb + 1;
  if (from >= s->te)
    return false;
  for (size_t i = R->rs->first[from]; i < R->rs->nm && R->rs->m[i].tb < s->te;
       i++) {
    const mention *m = &R->rs->m[i];
    if (m->kind == DC_KIND_REPORT && m->tb > tb &&
        !(ent(R, m)->flags & DC_F_BELIEF) &&
        (said_last(R, s, tb, m) || comma_he_said(R, s, tb, m)))
      return true;
  }
  return false;
}

/* "People who say Muslims are peaceful are idiots, Muslims are
 * terrorists": a report in a relative clause ("who say", "that claim")
 * names the people by what they say, and its words end where the main
 * verb closes it; a later clause is the writer's own again. Are all the reports
 * before tb in sentence s such reports, whose clause (the report's words go on
 * in it: not "who claim, without evidence, that ...") ended before tb? */
static bool reports_closed(const run *R, const sentence *s, uint32_t tb) {
  const tok *tk = R->rs->toks;
  bool any = false;
  if (!any_kind(R, DC_KIND_REPORT))
    return false;
  for (size_t i = R->rs->first[s->tb]; i < R->rs->nm && R->rs->m[i].tb < tb;
       i++) {
    const mention *m = &R->rs->m[i];
    if (m->kind != DC_KIND_REPORT)
      continue;
    /* (the entry may hold the pronoun: "who say") */
    if (m->tb == s->tb || m->te >= tb ||
        !(tok_is_word(R, m->tb - 1, "who") ||
          tok_is_word(R, m->tb - 1, "that") || tok_is_word(R, m->tb, "who")) ||
        tk[m->te].type != TK_WORD || tk[m->te].clause != tk[m->tb].clause ||
        tk[tb].clause == tk[m->tb].clause)
      return false;
    /* the main verb after the words told closes the relative clause
     * ("... who say Muslims are peaceful are idiots"): two linking
     * verbs in the report's clause; one is still the words told,
     * however the commas go on ("Those that say refugees are
     * thieves, dangerous criminals and lazy people are wrong") */
    uint32_t links = 0;
    for (uint32_t k = m->te; k < tb && tk[k].clause == tk[m->tb].clause; k++)
      links += kind_at(R, k, DC_KIND_COPULA);
    if (links < 2)
      return false;
    any = true;
  }
  return any;
}

static bool report_before(const run *R, uint32_t tb) {
  if (tb >= R->rs->ntok)
    return false;
  const sentence *s = sent_of(R, tb);
  if (reports_closed(R, s, tb))
    return report_after(R, s, tb);
  return report_in(R, s, tb) || report_after(R, s, tb);
}

/* The kinds of the mentions that start among the three tokens before
 * token tb, as a set (bit k for kind k): what a denouncing word is read
 * with, negated ("that's not racist") or named ("calling that bigotry"),
 * by denounces and rebutted alike. */
static uint64_t kinds_before(const run *R, uint32_t tb) {
  uint64_t kinds = 0;
  for (uint32_t k = tb > 3 ? tb - 3 : 0; k < tb; k++)
    kinds |= R->rs->at[k];
  return kinds;
}

/* A denouncing word in sentence s that denounces: not negated ("that's
 * not racist") and not what someone is called ("calling that bigotry is
 * pathetic"). Read once for the sentence (s->denounced): a long question
 * of attacks asks it for each (asks_claim). */
static bool denounces(const run *R, const sentence *s) {
  if (!R->denounce_any)
    return false;
  sentence *ms = &R->rs->s[s - R->rs->s];
  if (ms->denounced)
    return ms->denounced == 2;
  ms->denounced = 1;
  for (size_t i = R->rs->first[s->tb]; i < R->rs->nm && R->rs->m[i].tb < s->te;
       i++) {
    const mention *d = &R->rs->m[i];
    if (d->kind == DC_KIND_DENOUNCE &&
        !(kinds_before(R, d->tb) & (KIND_BIT(NEGATION) | KIND_BIT(REPORT)))) {
      ms->denounced = 2;
      break;
    }
  }
  return ms->denounced == 2;
}

/* Does the agreeing phrase m take an object of its own after it, past a
 * time ("all day", "today", "in years"): "Best thing I've read all day is
 * the reply calling him out", "I wouldn't disagree with the lawsuit"
 * (not "with that", "with him", which take up the words told)? */
static bool endorses_other(const run *R, const sentence *s, const mention *m) {
  static const char *const when[] = {"all",   "day",  "today",   "this",
                                     "week",  "year", "in",      "ages",
                                     "years", "lol",  "honestly"};
  const tok *toks = R->rs->toks;
  uint32_t k = m->te;
  while (k < s->te && toks[k].type == TK_WORD &&
         dc_word_in(R->n->text + toks[k].b, toks[k].e - toks[k].b, when,
                    sizeof when / sizeof when[0]))
    k++;
  if (k >= s->te || toks[k].type != TK_WORD)
    return false;
  return tok_is_word(R, k, "is") || tok_is_word(R, k, "was") ||
         (tok_is_word(R, k, "with") && k + 1 < s->te &&
          (is_determiner(R, k + 1) || a_or_an(R, k + 1)));
}

/* An agreeing word in sentence s. One flagged `ambiguous` (`exactly`)
 * before a determiner is an adverb of what follows ("calling them
 * 'invaders' is exactly the language that inspired the shooter"), not
 * agreement ("Exactly.", "Yes, exactly", "is exactly what I think"); so
 * it is before "what", "how" or "why" that no "I" or "we" follows
 * ("you're doing exactly what the rioters did", "show exactly why"). */
static bool agrees_in(const run *R, const sentence *s) {
  if (!has_kind_in(R, s->tb, s->te, DC_KIND_ENDORSE))
    return false;
  for (size_t i = R->rs->first[s->tb]; i < R->rs->nm; i++) {
    const mention *m = &R->rs->m[i];
    if (m->tb >= s->te)
      break;
    if (m->kind == DC_KIND_ENDORSE &&
        (!(ent(R, m)->flags & DC_F_AMBIGUOUS) ||
         !(is_determiner(R, m->te) || a_or_an(R, m->te) ||
           ((tok_is_word(R, m->te, "what") || tok_is_word(R, m->te, "how") ||
             tok_is_word(R, m->te, "why")) &&
            !kind_at(R, m->te + 1, DC_KIND_PRONOUN_SELF)))) &&
        !endorses_other(R, s, m))
      return true;
  }
  return false;
}

/* Is a word of the list [n] among tokens [a, b)? (word lists for a
 * sentence: "a photo word", "a time word") */
static bool word_among(const run *R, uint32_t a, uint32_t b,
                       const char *const *list, size_t n) {
  /* Over a stretch (a sentence, the comment), a mask of the entries'
   * first bytes (their low six bits) first: a word whose first byte is
   * none of them is none of the entries (dc_word_in compares the first
   * bytes), and most words are not, where the call walked the list for
   * every word. Sentence scans cost ~35 instructions a word before. */
  if (b > a + 1) {
    uint64_t first = 0;
    for (size_t i = 0; i < n; i++)
      first |= 1ull << ((unsigned char)list[i][0] & 63);
    for (uint32_t j = a; j < b; j++) {
      const tok *t = &R->rs->toks[j];
      if (t->type != TK_WORD)
        continue;
      const unsigned char c = (unsigned char)R->n->text[t->b];
      if (t->e > t->b && c != 0 && !((first >> (c & 63)) & 1))
        continue;
      if (dc_word_in(R->n->text + t->b, t->e - t->b, list, n))
        return true;
    }
    return false;
  }
  for (uint32_t j = a; j < b; j++) {
    const tok *t = &R->rs->toks[j];
    if (t->type == TK_WORD &&
        dc_word_in(R->n->text + t->b, t->e - t->b, list, n))
      return true;
  }
  return false;
}

/* Is token k a word that may stand between a linking verb and the word
 * calling something true, or around that word alone in its sentence:
 * "is just accurate", "100% true", "sadly accurate", "the truth"? Not
 * "hardly", "partly", "supposedly", which take the truth back. */
static bool truth_filler(const run *R, uint32_t k) {
  static const char *const words[] = {
      "just",          "so",         "very",     "100",        "totally",
      "absolutely",    "completely", "simply",   "entirely",   "quite",
      "pretty",        "dead",       "the",      "plain",      "simple",
      "literally",     "really",     "actually", "factually",  "sadly",
      "unfortunately", "also",       "still",    "all",        "perfectly",
      "100%",          "sooo",       "soo",      "painfully",  "brutally",
      "honestly",      "obviously",  "clearly",  "definitely", "spot"};
  const tok *t = &R->rs->toks[k];
  if (t->type == TK_PUNCT)
    return t->ch == '%';
  return word_among(R, k, k + 1, words, sizeof words / sizeof words[0]);
}

/* Does token k call something true: "accurate", "true", "correct",
 * "factual", "truth"? */
static bool truth_word(const run *R, uint32_t k) {
  return tok_is_word(R, k, "accurate") || tok_is_word(R, k, "true") ||
         tok_is_word(R, k, "correct") || tok_is_word(R, k, "factual") ||
         tok_is_word(R, k, "truth");
}

/* Is token k a count: digits, or a number word ("Three Jews hurt in
 * synagogue attack", "200 migrants")? */
static bool count_word(const run *R, uint32_t k) {
  static const char *const words[] = {
      "two",   "three",  "four",     "five",      "six",
      "seven", "eight",  "nine",     "ten",       "twelve",
      "dozen", "dozens", "hundreds", "thousands", "several"};
  const tok *t = &R->rs->toks[k];
  return t->type == TK_WORD &&
         ((R->n->text[t->b] >= '0' && R->n->text[t->b] <= '9') ||
          word_among(R, k, k + 1, words, sizeof words / sizeof words[0]));
}

/* Does the comment name a group by more than its nationality ("we should
 * destroy the saudis. all muslims.")? Then a nation in it is no team. */
static bool faith_or_race_named(const run *R) {
  for (size_t i = 0; i < R->rs->nt; i++)
    if (R->rs->t[i].type == TG_GROUP &&
        (R->rs->t[i].categories & ~NATION_CATEGORIES))
      return true;
  return false;
}

/* Is token k a linking verb, or a pronoun that holds one ("that's",
 * "it's", as comments also write them without the apostrophe)? */
static bool links_at(const run *R, uint32_t k) {
  return kind_at(R, k, DC_KIND_COPULA) || tok_is_word(R, k, "that's") ||
         tok_is_word(R, k, "thats") || tok_is_word(R, k, "it's") ||
         tok_is_word(R, k, "its");
}

/* Is the truth word at token k, after the linking verb at token c, the
 * writer's own verdict? Not negated ("isn't accurate", "is not true",
 * "Nothing he said is true", "None of it is accurate"), not asked of
 * ("Is it accurate to ...": the caller skips questions), not "true to"
 * or "true of" something, and not itself reported: a report of others'
 * words earlier in its clause that is not the clause's subject ("Some
 * say calling them 'invaders' is accurate"; but "Calling Muslims 'vermin'
 * is accurate", "What he said is true" judge the words). */
static bool own_truth(const run *R, const sentence *s, uint32_t c, uint32_t k) {
  const tok *toks = R->rs->toks;
  if (tok_is_word(R, k + 1, "to") || tok_is_word(R, k + 1, "of") ||
      tok_is_word(R, k + 1, "that"))
    return false;
  uint32_t cb = c; /* the clause's first token */
  while (cb > s->tb && toks[cb - 1].clause == toks[c].clause)
    cb--;
  for (uint32_t j = cb; j < k; j++)
    if (kind_at(R, j, DC_KIND_NEGATION) || tok_is_word(R, j, "nothing") ||
        tok_is_word(R, j, "none") || tok_is_word(R, j, "no") ||
        tok_is_word(R, j, "neither") || tok_is_word(R, j, "if") ||
        tok_is_word(R, j, "whether"))
      return false;
  /* The subject is what was said: a pronoun or "that" pointing back to
   * it, the quote itself, or a clause opened by a report verb in -ing
   * ("Calling migrants invaders is accurate"); not a noun of its own
   * ("the translation is accurate", "the quote is correct"). */
  static const char *const back[] = {
      "that", "this", "it",    "which", "he",         "she", "they",
      "you",  "said", "wrote", "says",  "everything", "all"};
  const tok *st = &toks[c];
  bool subject = tok_is_word(R, c, "that's") || tok_is_word(R, c, "thats") ||
                 tok_is_word(R, c, "it's") || tok_is_word(R, c, "its");
  if (!subject && c > s->tb) {
    st = &toks[c - 1];
    subject =
        (st->type == TK_PUNCT && (st->ch == '\'' || st->ch == '"')) ||
        (st->type == TK_WORD && dc_word_in(R->n->text + st->b, st->e - st->b,
                                           back, sizeof back / sizeof back[0]));
  }
  if (!subject && kind_at(R, cb, DC_KIND_REPORT)) {
    const tok *g = &toks[cb];
    subject = g->e - g->b > 3 && R->n->text[g->e - 1] == 'g' &&
              R->n->text[g->e - 2] == 'n' && R->n->text[g->e - 3] == 'i';
  }
  if (!subject)
    return false;
  if (!has_kind_in(R, cb, c, DC_KIND_REPORT))
    return true;
  for (size_t i = R->rs->first[cb]; i < R->rs->nm && R->rs->m[i].tb < c; i++) {
    const mention *m = &R->rs->m[i];
    if (m->kind != DC_KIND_REPORT || m->tb == cb || !others_report(R, s, m))
      continue;
    /* "what he said", "everything she wrote": the words, named */
    if ((m->tb >= cb + 1 && (tok_is_word(R, m->tb - 1, "what") ||
                             tok_is_word(R, m->tb - 1, "everything"))) ||
        (m->tb >= cb + 2 && (tok_is_word(R, m->tb - 2, "what") ||
                             tok_is_word(R, m->tb - 2, "everything"))))
      continue;
    return false;
  }
  return true;
}

/* Sentence s calls what was quoted or reported true in the writer's own
 * voice: on its own ("Correct.", "100% true.", "Just accurate.", "The
 * truth."), or as what a linking verb says of it, with at most two
 * softening or strengthening words between ("Calling Muslims 'vermin' is
 * just accurate", "..., which is sadly accurate", "That's the truth"),
 * the writer's own (own_truth). Not a question ("Is it accurate to call
 * migrants 'invaders'?"). Returns the truth word's token + 1, or 0;
 * worked out once per sentence. */
static uint32_t judged_true(const run *R, const sentence *s) {
  sentence *ms = &R->rs->s[s - R->rs->s];
  if (ms->truth)
    return ms->truth == UINT32_MAX ? 0 : ms->truth;
  ms->truth = UINT32_MAX;
  if (s->question)
    return 0;
  const tok *toks = R->rs->toks;
  uint32_t words = 0, truth = UINT32_MAX;
  for (uint32_t k = s->tb; k < s->te; k++) {
    if (toks[k].type != TK_WORD)
      continue;
    words++;
    if (!truth_word(R, k))
      continue;
    /* "that's accurate history", "accurate reporting": said of
     * the noun after it */
    if (k + 1 < s->te && toks[k + 1].type == TK_WORD &&
        !tok_is_word(R, k + 1, "and") && !tok_is_word(R, k + 1, "but") &&
        !tok_is_word(R, k + 1, "though") && !tok_is_word(R, k + 1, "lol"))
      continue;
    if (truth == UINT32_MAX)
      truth = k;
    uint32_t c = k, gap = 0;
    while (c > s->tb && gap <= 2 && truth_filler(R, c - 1)) {
      c--;
      gap++;
    }
    if (c > s->tb && gap <= 2 && links_at(R, c - 1) &&
        own_truth(R, s, c - 1, k)) {
      ms->truth = k + 1;
      return k + 1;
    }
  }
  /* "Correct.", "Just accurate.": the sentence is the verdict, its
   * other words fillers (asked only of a short sentence with one) */
  if (truth == UINT32_MAX || words > 4 || tok_is_word(R, truth + 1, "to"))
    return 0;
  for (uint32_t k = s->tb; k < s->te; k++)
    if (toks[k].type == TK_WORD && !truth_word(R, k) && !truth_filler(R, k))
      return 0;
  ms->truth = truth + 1;
  return ms->truth;
}

/* Sentence s ends with "I said it" (then only punctuation): "Muslims
 * are 'vermin', there, I said it.", "... Yes. I said it." The writer owns
 * the words just written. */
static bool said_it_last(const run *R, const sentence *s) {
  uint32_t end = s->te;
  while (end > s->tb && end + 4 > s->te && R->rs->toks[end - 1].type != TK_WORD)
    end--; /* (a few marks at most: "it!!!") */
  return end >= s->tb + 3 && tok_is_word(R, end - 1, "it") &&
         tok_is_word(R, end - 2, "said") && tok_is_word(R, end - 3, "i");
}

/* Does sentence s, from token from on, end by taking the claim back up
 * in the writer's voice: "People keep saying immigrants are rapists.
 * Well, they are.", "... and they are", "I'm not saying X, but... ok
 * yeah I am"? Its last words are "they are" (or "they do", "I am"),
 * perhaps with an adverb between ("they really are"), and nothing but
 * an interjection or a conjunction before them in the clause; "They
 * aren't.", "I don't know why they are" do not. */
static bool reasserts(const run *R, const sentence *s, uint32_t from) {
  static const char *const lead[] = {
      "well", "and",      "but",      "yeah", "yes",     "yep",
      "ok",   "okay",     "so",       "oh",   "because", "cause",
      "lol",  "honestly", "actually", "ya",   "yea"};
  static const char *const adv[] = {
      "really", "actually",   "definitely", "totally", "literally",
      "sure",   "absolutely", "all",        "kinda",   "mostly"};
  const tok *toks = R->rs->toks;
  uint32_t end = s->te;
  while (end > from && end + 4 > s->te && toks[end - 1].type != TK_WORD)
    end--;
  if (end < from + 2 || toks[end - 1].type != TK_WORD)
    return false;
  uint32_t v = end - 1, p = v - 1;
  bool am = tok_is_word(R, v, "am");
  if (!am && !tok_is_word(R, v, "are") && !tok_is_word(R, v, "do"))
    return false;
  if (p > from && toks[p].type == TK_WORD &&
      dc_word_in(R->n->text + toks[p].b, toks[p].e - toks[p].b, adv,
                 sizeof adv / sizeof adv[0]))
    p--;
  /* "most of them are", "most are": the "not all, but most" of it */
  /* (not "some are": a few, granted) */
  if (!am && p > from &&
      (tok_is_word(R, p, "them") || tok_is_word(R, p, "em")) &&
      tok_is_word(R, p - 1, "of") && p - 2 >= from &&
      (tok_is_word(R, p - 2, "most") || tok_is_word(R, p - 2, "many")))
    p -= 2;
  else if (!am && p >= from &&
           (tok_is_word(R, p, "most") || tok_is_word(R, p, "many")))
    ;
  else if (p < from ||
           !(am ? tok_is_word(R, p, "i") : tok_is_word(R, p, "they")))
    return false;
  uint32_t k = p;
  while (k > s->tb && toks[k - 1].type != TK_WORD)
    k--;
  if (k == s->tb)
    return true;
  const tok *lt = &toks[k - 1];
  /* "..., I said most of them are": the writer's own saying */
  if (k >= from + 2 &&
      (tok_is_word(R, k - 1, "said") || tok_is_word(R, k - 1, "saying")))
    return tok_is_word(R, k - 2, "i") || tok_is_word(R, k - 2, "im") ||
           tok_is_word(R, k - 2, "i'm");
  return k - 1 >= from && dc_word_in(R->n->text + lt->b, lt->e - lt->b, lead,
                                     sizeof lead / sizeof lead[0]);
}

/* The claim at token tb taken back up after it (reasserts), in its
 * sentence or the next. */
static bool reasserted(const run *R, uint32_t tb) {
  uint32_t si = R->rs->toks[tb].sent;
  return reasserts(R, &R->rs->s[si], tb + 1) ||
         (si + 1 < R->rs->ns &&
          reasserts(R, &R->rs->s[si + 1], R->rs->s[si + 1].tb));
}

/* Is the word at token tb what someone called people, a naming told
 * ("Streicher called Jews 'vermin'", "The MP described migrants as
 * 'cockroaches'")? A truth word after it confirms the telling ("That's
 * accurate", "Correct, he said it in 2015"), not the name; and after a
 * naming told in the passive ("Jews were called vermin by the Nazis,
 * which is true") any agreement does (passive). */
static bool named_act(const run *R, const sentence *s, uint32_t tb,
                      bool passive) {
  static const char *const naming[] = {
      "called", "named",     "labelled", "labeled",  "branded",
      "dubbed", "described", "likened",  "compared", "referred"};
  const tok *toks = R->rs->toks;
  for (uint32_t k = tb > s->tb + 8 ? tb - 8 : s->tb; k < tb; k++)
    if (toks[k].type == TK_WORD &&
        dc_word_in(R->n->text + toks[k].b, toks[k].e - toks[k].b, naming,
                   sizeof naming / sizeof naming[0]) &&
        (!passive || (k > s->tb && (tok_is_word(R, k - 1, "were") ||
                                    tok_is_word(R, k - 1, "was") ||
                                    tok_is_word(R, k - 1, "been")))))
      return true;
  return false;
}

/* Agreement with the quote in its sentence or a neighbouring one. An
 * agreeing word in a sentence that denounces agrees with the denouncing:
 * "saying 'X are terrorists' is exactly the kind of bigotry we fight". */
static bool endorsed(const run *R, uint32_t tb) {
  uint32_t si = R->rs->toks[tb].sent;
  uint32_t lo = si > 0 ? si - 1 : 0;
  uint32_t hi = si + 1 < R->rs->ns ? si + 1 : si;
  /* "..., there, I said it." in the quote's sentence or the next, or
   * "..., well, they are." after the claim (reasserted) */
  if (said_it_last(R, &R->rs->s[si]) ||
      (hi > si && said_it_last(R, &R->rs->s[hi])) || reasserted(R, tb))
    return !denounces(R, &R->rs->s[si]) && !denounces(R, &R->rs->s[hi]);
  /* "He said calling migrants vermin is racist. That's the truth.":
   * the agreement is with the sentence that denounces. */
  if (denounces(R, &R->rs->s[si]))
    return false;
  /* The words called true after them, in their sentence or the next:
   * "Calling Muslims 'vermin' is just accurate", "He said 'X'. Correct."
   * (not before them: "It's true, he said ..." tells that he said it) */
  /* (named_act, a scan of words, asked last) */
  uint32_t t = judged_true(R, &R->rs->s[si]);
  if (((t > tb + 1) || (hi > si && judged_true(R, &R->rs->s[hi]) &&
                        !denounces(R, &R->rs->s[hi]))) &&
      !named_act(R, &R->rs->s[si], tb, false))
    return true;
  if (!has_kind_in(R, R->rs->s[lo].tb, R->rs->s[hi].te, DC_KIND_ENDORSE) ||
      named_act(R, &R->rs->s[si], tb, true))
    return false;
  for (uint32_t k = lo; k <= hi; k++) {
    const sentence *s = &R->rs->s[k];
    if (agrees_in(R, s) && !denounces(R, s))
      return true;
  }
  return false;
}

/* A denouncing word in the sentence that is not the attack itself. */
static bool denounce_near(const run *R, uint32_t tb, uint32_t te) {
  if (!any_kind(R, DC_KIND_DENOUNCE))
    return false;
  const sentence *s = sent_of(R, tb);
  for (size_t i = R->rs->first[s->tb]; i < R->rs->nm; i++) {
    const mention *m = &R->rs->m[i];
    if (m->tb >= s->te)
      break;
    if (m->kind != DC_KIND_DENOUNCE)
      continue;
    if (m->tb >= tb && m->te <= te)
      continue;
    return true;
  }
  /* The next sentence may carry the denunciation: "'X are vermin.' That
   * is disgusting." */
  uint32_t si = R->rs->toks[tb].sent;
  if (si + 1 < R->rs->ns) {
    const sentence *nx = &R->rs->s[si + 1];
    if (has_kind_in(R, nx->tb, nx->te, DC_KIND_DENOUNCE))
      return true;
  }
  return false;
}

typedef enum scope {
  SC_ASSERTED,
  SC_NEGATED,
  SC_COUNTER, /* quoted or reported, and denounced */
  SC_REPORTED /* quoted or reported without a stance */
} scope;

/* Sentence nx opens with a one-word verdict on the claim asked before it,
 * set off by punctuation: "Immigrants are lazy? Nonsense, they work
 * harder than anyone." "...? Wrong." "...? Not true!" Not when it or
 * the next sentence goes on to report, agree or attack ("Wrong! They
 * control the whole world.", "Nope, just a fact.", "Rubbish, say the
 * liberals"). */
static bool rebuttal_opens(const run *R, const sentence *nx, uint32_t k) {
  const uint64_t goes_on =
      KIND_BIT(REPORT) | KIND_BIT(ENDORSE) | KIND_BIT(DEROGATE) |
      KIND_BIT(DEHUMANIZE) | KIND_BIT(STEREOTYPE) | KIND_BIT(THREAT) |
      KIND_BIT(EXCLUSION) | KIND_BIT(SLUR) | KIND_BIT(CONSPIRACY) |
      KIND_BIT(CONSP_ACTION) | KIND_BIT(CODE);
  /* (this sentence and the next: "Wrong! They control the world.") */
  uint32_t ni = (uint32_t)(nx - R->rs->s);
  uint32_t upto = ni + 1 < R->rs->ns ? R->rs->s[ni + 1].te : nx->te;
  for (size_t i = R->rs->first[nx->tb]; i < R->rs->nm && R->rs->m[i].tb < upto;
       i++)
    if ((goes_on >> R->rs->m[i].kind) & 1)
      return false;
  for (uint32_t j = nx->tb; j < nx->te; j++)
    if (tok_is_word(R, j, "fact") || tok_is_word(R, j, "true") ||
        tok_is_word(R, j, "truth"))
      if (!(j == k + 1 && tok_is_word(R, k, "not")))
        return false;
  uint32_t n = k + 1;
  if (tok_is_word(R, k, "not") && tok_is_word(R, k + 1, "true"))
    n = k + 2;
  else if (!tok_is_word(R, k, "nonsense") && !tok_is_word(R, k, "rubbish") &&
           !tok_is_word(R, k, "bollocks") && !tok_is_word(R, k, "wrong") &&
           !tok_is_word(R, k, "false") && !tok_is_word(R, k, "untrue") &&
           !tok_is_word(R, k, "nope") && !tok_is_word(R, k, "bullshit") &&
           !tok_is_word(R, k, "lies"))
    return false;
  return n >= nx->te || R->rs->toks[n].type == TK_PUNCT;
}

/* The sentence after token tb's rebuts it: it opens with "that", "this"
 * or "which" and, within its first words, calls it a lie, racist, a myth
 * ("Jews control the media? That's an antisemitic lie."). Not with a
 * judging word, which may say the same of the group ("... That is
 * disgusting."), nor a negated one ("That's not racist"), nor a question.
 * Asked of claims only: a stereotype (attack_on_group) and a conspiracy
 * story (rule_conspiracy). */
static bool rebutted(const run *R, uint32_t tb) {
  const dc_rules_scratch *rs = R->rs;
  uint32_t si = rs->toks[tb].sent;
  if (si + 1 >= rs->ns)
    return false;
  const sentence *nx = &rs->s[si + 1];
  if (nx->question) /* "That's antisemitic? Good." */
    return false;
  uint32_t k = nx->tb;
  while (k < nx->te && rs->toks[k].type != TK_WORD)
    k++;
  if (k < nx->te && rs->s[si].question && rebuttal_opens(R, nx, k))
    return true;
  /* "Muslims can't integrate? My whole street proves otherwise." */
  if (rs->s[si].question) {
    static const char *const show[] = {"prove", "proves", "proved", "show",
                                       "shows", "showed", "says",   "suggests"};
    for (uint32_t j = nx->tb + 1; j < nx->te; j++)
      if (tok_is_word(R, j, "otherwise") &&
          word_among(R, j - 1, j, show, sizeof show / sizeof *show))
        return true;
  }
  if (!R->denounce_any || k >= nx->te ||
      !(tok_is_word(R, k, "that") || tok_is_word(R, k, "this") ||
        tok_is_word(R, k, "that's") || tok_is_word(R, k, "thats") ||
        tok_is_word(R, k, "which")))
    return false;
  for (size_t i = rs->first[nx->tb]; i < rs->nm && rs->m[i].tb < nx->te; i++) {
    const mention *d = &rs->m[i];
    if (d->tb > k + 5)
      break; /* "This is the natural order, and ... dehumanizing" */
    if (d->kind == DC_KIND_DENOUNCE && !(ent(R, d)->flags & DC_F_JUDGE) &&
        !(kinds_before(R, d->tb) & KIND_BIT(NEGATION)))
      return true;
  }
  return false;
}

/* Scare quotes around the writer's own predicate: "Muslims are
 * 'vermin'.", 'Jews are just "rats"'. The quote is one to three words
 * right after a linking verb (perhaps with "just", "all", "a" or an
 * adverb between), with something before the verb to be its subject, and
 * it ends the sentence, or goes on (after a comma perhaps) with "and",
 * "but", "because", "so", "who", "they", "period": the writer says it of the
 * subject and marks the word, not someone else's words. In the present only
 * ("Jews were 'rats'" tells what was said then), and not after a viewpoint
 * opening the sentence ("To him, ..."). Not a question ("So Muslims are
 * 'vermin' now?"), hearsay ("Apparently Jews are 'rats'", "... according
 * to him"), nor in a comment that denounces (a scope of its own then:
 * counter-speech); a report before or after it is scope_of's. */
static bool own_scare(const run *R, uint32_t tb) {
  static const char *const hearsay[] = {"apparently", "supposedly", "allegedly",
                                        "according",  "reportedly", "seemingly",
                                        "now",        "anymore"};
  /* After the closing mark only words of stress: the writer's claim
   * ends there. A clause that goes on may be anyone's ("... they
   * say", "... because the far right says so", "... and we should be
   * ashamed of that rhetoric", "... but the data shows otherwise"). */
  static const char *const go_on[] = {"period", "plain", "simple", "end",
                                      "full"};
  const tok *toks = R->rs->toks;
  const sentence *s = sent_of(R, tb);
  if (s->question || R->denounce_any)
    return false;
  uint32_t a = tb, e = tb + 1; /* the quoted words [a, e) */
  while (a > s->tb && toks[a - 1].type == TK_WORD && toks[a - 1].quoted)
    a--;
  while (e < s->te && toks[e].type == TK_WORD && toks[e].quoted)
    e++;
  if (e - a > 3 || a < s->tb + 3 || e >= s->te)
    return false;
  /* a label, not a clause of its own ('... is "she's trash"') */
  const uint64_t clause_kinds = KIND_BIT(COPULA) | KIND_BIT(PRONOUN_GROUP) |
                                KIND_BIT(PRONOUN_YOU) | KIND_BIT(PRONOUN_SELF) |
                                KIND_BIT(MODAL) | KIND_BIT(NEGATION);
  for (uint32_t k = a; k < e; k++) {
    if (R->rs->at[k] & clause_kinds)
      return false;
    for (uint32_t b = toks[k].b; b < toks[k].e; b++)
      if (R->n->text[b] == '\'')
        return false;
  }
  const tok *o = &toks[a - 1], *cl = &toks[e];
  if (o->type != TK_PUNCT || (o->ch != '\'' && o->ch != '"') ||
      cl->type != TK_PUNCT || cl->ch != o->ch)
    return false;
  uint32_t c = a - 1, gap = 0;
  while (c > s->tb + 1 && gap < 2 && !kind_at(R, c - 1, DC_KIND_COPULA) &&
         (adverb_like(R, c - 1) || a_or_an(R, c - 1) ||
          tok_is_word(R, c - 1, "all"))) {
    c--;
    gap++;
  }
  /* in the present: "Jews were 'rats'" tells what was said or thought
   * then; and not after a viewpoint that opens the sentence ("To him,
   * Muslims are 'vermin'", "For them ...", "In their eyes ...") */
  if (!kind_at(R, c - 1, DC_KIND_COPULA) || c - 1 == s->tb ||
      tok_is_word(R, c - 1, "was") || tok_is_word(R, c - 1, "were") ||
      tok_is_word(R, s->tb, "to") || tok_is_word(R, s->tb, "for") ||
      tok_is_word(R, s->tb, "in"))
    return false;
  /* said of people, not of a word or a text ("Only word I can
   * understand is 'n...'", "My argument is 'trash'") */
  static const char *const texts[] = {
      "word",     "words",    "term",      "name",     "slur",     "insult",
      "label",    "phrase",   "answer",    "argument", "response", "reply",
      "title",    "quote",    "comment",   "tweet",    "sign",     "caption",
      "headline", "password", "favourite", "favorite", "line",     "joke"};
  if (c > s->tb + 1 &&
      word_among(R, s->tb, c - 1, texts, sizeof texts / sizeof texts[0]))
    return false;
  /* what comes after the closing mark */
  uint32_t n = e + 1;
  if (n < s->te && toks[n].type == TK_PUNCT && toks[n].ch != ',' &&
      toks[n].ch != '.' && toks[n].ch != '!')
    return false; /* "Immigrants are 'animals': Trump", "- Trump" */
  if (n < s->te && toks[n].type == TK_PUNCT && toks[n].ch == ',')
    n++;
  /* (a list of labels in scare quotes, "'vermin' and 'cockroaches' to
   * the far right", tells others' names for them) */
  if (n < s->te && toks[n].type == TK_WORD &&
      (!dc_word_in(R->n->text + toks[n].b, toks[n].e - toks[n].b, go_on,
                   sizeof go_on / sizeof go_on[0]) ||
       (n + 1 < s->te && toks[n + 1].type == TK_PUNCT &&
        toks[n + 1].ch == o->ch)))
    return false; /* "Jews are 'rats' to the far right", ", in the
                     eyes of the Mail" */
  return !word_among(R, s->tb, s->te, hearsay,
                     sizeof hearsay / sizeof hearsay[0]);
}

/* Whose words these are. Quoted or reported words are someone else's:
 * denounced, they are counter-speech; neutral, they are reporting (news,
 * a victim telling what was said); agreed with ("and he was right"), they
 * are the writer's own. */
static scope scope_of(const run *R, uint32_t tb, uint32_t te,
                      const mention **neg) {
  *neg = negator(R, tb);
  bool quoted = R->rs->toks[tb].quoted && !own_scare(R, tb);
  /* Both ways report_before reads need a report: tested here, where it
   * costs no call. */
  bool reported = quoted || named_at(R, tb) ||
                  (any_kind(R, DC_KIND_REPORT) && report_before(R, tb) &&
                   !disclaimed(R, tb));
  if (reported && !endorsed(R, tb)) {
    if (denounce_near(R, tb, te) || R->denounce_any)
      return SC_COUNTER;
    return SC_REPORTED;
  }
  if (*neg)
    return SC_NEGATED;
  return SC_ASSERTED;
}

/* ---------------------------------------------------------------------- */
/* Linking attacks to targets                                              */
/* ---------------------------------------------------------------------- */

static bool context_group(const run *R, target *out, bool *from_ctx);

/* The first token from k on that is the word "like", or ntok. */
static uint32_t next_like(const run *R, uint32_t k) {
  struct seek *c = &R->rs->like;
  if (k >= c->from && k < c->past)
    return c->past - 1;
  uint32_t stop = k < c->from ? c->from : (uint32_t)R->rs->ntok, j = k;
  while (j < stop && !tok_is_word(R, j, "like"))
    j++;
  c->past = (j < stop ? j : k < c->from ? c->past - 1 : stop) + 1;
  c->from = k;
  return c->past - 1;
}

/* A pronoun phrase that names people as a group ("these people", "their
 * kind", "you people") rather than a bare "they". "That whole nation"
 * names people only through the nationality it stands for: with nobody
 * named it is a country, a state ("the whole nation is a criminal gang
 * run by the president"). */
static bool demonstrative_people(const run *R, const target *t) {
  return (t->te - t->tb > 1 && !tok_is_word(R, t->te - 1, "nation")) ||
         (t->tb > 0 && mention_at(R, t->tb - 1, DC_KIND_QUANTIFIER));
}

/* After the group g that opens a fragment, the rest of its sentence
 * says where they are or where they go ("Every single black face on this
 * island, on a plane back to Africa") and holds no verb of its own: a
 * verb right after the phrase ("Every Ukrainian refugee wants to go
 * home") or a clause of its own ("..., it's a disgrace") makes it a
 * sentence about them, no apposition; and a group word that only
 * modifies the next word ("Every single Muslim-hating troll") names
 * someone else. */
static bool verbless_rest(const run *R, const target *g) {
  static const char *const prep[] = {
      "on",    "in",   "at",   "from", "of",       "across",    "back",
      "to",    "out",  "with", "who",  "that",     "and",       "or",
      "off",   "onto", "into", "over", "under",    "through",   "here",
      "there", "now",  "too",  "left", "included", "everywhere"};
  static const char *const clause[] = {
      "it",      "he",      "she", "we",   "you",  "i",
      "is",      "are",     "was", "were", "it's", "that's",
      "they're", "there's", "has", "have", "will", "they"};
  const dc_rules_scratch *rs = R->rs;
  uint32_t sent = rs->toks[g->tb].sent;
  uint32_t k = g->te;
  if (k >= rs->ntok || rs->toks[k].sent != sent)
    return true;
  if (rs->toks[k].type == TK_WORD
          ? !word_among(R, k, k + 1, prep, sizeof prep / sizeof prep[0])
          : !(rs->toks[k].ch == ',' || rs->toks[k].ch == '.' ||
              rs->toks[k].ch == '!' || rs->toks[k].ch == '?' ||
              rs->toks[k].ch == ';' || rs->toks[k].ch == ':'))
    return false;
  for (; k < rs->ntok && rs->toks[k].sent == sent; k++)
    if (rs->toks[k].type == TK_WORD &&
        (word_among(R, k, k + 1, clause, sizeof clause / sizeof clause[0]) ||
         kind_at(R, k, DC_KIND_COPULA) || kind_at(R, k, DC_KIND_MODAL)))
      return false;
  return true;
}

/* "Deport them all. Every single black face on this island, on a plane
 * back to Africa": a "them" of a threat or exclusion (inside the phrase
 * or right after it) that nothing before names, followed by a sentence
 * that opens by picking out every member of a group ("every", "each",
 * "all", then at most three of "single", "last", "one", "of", "the",
 * "those", "these"), means that group, named after it as in apposition.
 * NULL when there is none. */
static const target *fragment_group(const run *R, const mention *m,
                                    const target *t) {
  const dc_rules_scratch *rs = R->rs;
  if (!tok_is_word(R, t->tb, "them") && !tok_is_word(R, t->tb, "em"))
    return NULL;
  if (t->tb < m->tb || t->tb > m->te)
    return NULL;
  uint32_t k = sent_of(R, t->tb)->te;
  while (k < rs->ntok && rs->toks[k].type != TK_WORD)
    k++;
  if (k >= rs->ntok || !(tok_is_word(R, k, "every") ||
                         tok_is_word(R, k, "each") || tok_is_word(R, k, "all")))
    return NULL;
  uint32_t sent = rs->toks[k].sent;
  k++;
  for (uint32_t n = 0;
       n < 3 && k < rs->ntok &&
       (tok_is_word(R, k, "single") || tok_is_word(R, k, "last") ||
        tok_is_word(R, k, "one") || tok_is_word(R, k, "of") ||
        tok_is_word(R, k, "the") || tok_is_word(R, k, "those") ||
        tok_is_word(R, k, "these"));
       n++)
    k++;
  if (k >= rs->ntok || rs->toks[k].sent != sent)
    return NULL;
  /* "Every single Muslim I know thinks so too" is a sentence about
   * the writer's acquaintances, no apposition */
  for (uint32_t j = k; j < rs->ntok && rs->toks[j].sent == sent; j++)
    if (kind_at(R, j, DC_KIND_PRONOUN_SELF))
      return NULL;
  for (size_t i = targets_from(rs, k); i < rs->nt && rs->t[i].tb <= k; i++)
    if (rs->t[i].tb == k && rs->t[i].type == TG_GROUP &&
        verbless_rest(R, &rs->t[i]))
      return &rs->t[i];
  return NULL;
}

/* "Those people on the planning committee", "these people at the
 * council": a people phrase narrowed by "on" or "at" says who they are by
 * where they sit or work, and names no group and no one earlier in the
 * comment, unless the phrase names a group or a country ("those people
 * at the mosque"): its next few words in the clause hold no identity
 * word, slur or country, nor a word of migration or a stereotype or
 * conspiracy object that tells what kind of people they are ("those
 * people at the border", "those people on welfare"). ("In" tells where
 * people live: "those people in Gaza" are a population.) */
static bool narrowed_people(const run *R, const target *t) {
  const dc_rules_scratch *rs = R->rs;
  uint32_t k = t->te;
  if (t->te - t->tb < 2 || k + 1 >= rs->ntok ||
      !(tok_is_word(R, k, "on") || tok_is_word(R, k, "at")))
    return false;
  for (uint32_t j = k;
       j < k + 6 && j < rs->ntok && rs->toks[j].clause == rs->toks[k].clause;
       j++) {
    const mention *np = mention_at(R, j, DC_KIND_NONPROTECTED);
    if (kind_at(R, j, DC_KIND_IDENTITY) || kind_at(R, j, DC_KIND_SLUR) ||
        kind_at(R, j, DC_KIND_DOGWHISTLE) || kind_at(R, j, DC_KIND_MIGRATION) ||
        kind_at(R, j, DC_KIND_STEREOTYPE) ||
        kind_at(R, j, DC_KIND_CONSP_OBJECT) || (np && ent(R, np)->categories))
      return false;
  }
  return true;
}

/* The first target from index i on that is a group, or rs->nt. */
static size_t next_group(const run *R, size_t i) {
  struct seek *c = &R->rs->group;
  if (i >= c->from && i < c->past)
    return c->past - 1;
  size_t stop = i < c->from ? c->from : R->rs->nt, j = i;
  while (j < stop && R->rs->t[j].type != TG_GROUP)
    j++;
  c->past = (j < stop      ? (uint32_t)j
             : i < c->from ? c->past - 1
                           : (uint32_t)stop) +
            1;
  c->from = (uint32_t)i;
  return c->past - 1;
}

/* Resolves a pronoun at token ti to the nearest earlier group or
 * non-protected target in the comment, else to a group in the context.
 * Returns 1 on success with *out filled, and sets *from_ctx. */
/* How many tokens back a pronoun looks for a member of a group named
 * without the group ("Algerian again. They're savages"). */
#define MEMBER_REACH 40u

/* "Ukrainians are all nazis anyway, who cares if they die": a target
 * that is the predicate of a linking verb (only an article, a
 * quantifier, an adverb or a negation between: "are all", "are just
 * the", "aren't", "are not") whose subject is a group ending right
 * before the verb says what the group is, and a later "they" are the
 * group's people, not the predicate's. g is the target resolve_pronoun
 * found; returns the subject's index, or g. */
static uint32_t predicate_subject(const run *R, uint32_t g) {
  const dc_rules_scratch *rs = R->rs;
  if (g == 0)
    return g;
  uint32_t k = rs->t[g].tb;
  while (k > 0 && rs->toks[k - 1].type == TK_WORD &&
         !kind_at(R, k - 1, DC_KIND_COPULA) &&
         (a_or_an(R, k - 1) || tok_is_word(R, k - 1, "the") ||
          kind_at(R, k - 1, DC_KIND_QUANTIFIER) || adverb_like(R, k - 1) ||
          tok_is_word(R, k - 1, "not")))
    k--;
  if (k == 0)
    return g;
  const mention *neg = mention_at(R, k - 1, DC_KIND_NEGATION);
  if (!kind_at(R, k - 1, DC_KIND_COPULA) &&
      !(neg && (ent(R, neg)->flags & DC_F_COPULA)))
    return g;
  uint32_t x = rs->t[g - 1].gn_upto;
  return x != NO_TARGET && rs->t[x].type == TG_GROUP && rs->t[x].te == k - 1
             ? x
             : g;
}

/* Is the group word ending before token te the first half of a hyphened
 * compound that names someone else ("gay-bashers", "Muslim-hating
 * arsonists")? Not where the second half still names the group's own
 * people: a birthplace ("Somali-born"), or another identity word
 * ("Chinese-American"). */
static bool hyphen_modifier(const run *R, uint32_t te) {
  const dc_rules_scratch *rs = R->rs;
  uint32_t e = rs->toks[te - 1].e;
  if (e + 1 >= R->n->len || R->n->text[e] != '-')
    return false;
  /* (the hyphen may be a token of its own) */
  if (te < rs->ntok && rs->toks[te].type == TK_PUNCT && rs->toks[te].b == e)
    te++;
  if (te >= rs->ntok || rs->toks[te].b != e + 1 || rs->toks[te].type != TK_WORD)
    return false;
  return !tok_is_word(R, te, "born") && !tok_is_word(R, te, "bred") &&
         !tok_is_word(R, te, "raised") && !mention_at(R, te, DC_KIND_IDENTITY);
}

/* "Gas them all. Muslims I mean.", "Shoot the lot of them. I mean the
 * Jews.": the sentence right after the pronoun's is a short afterthought
 * (at most six words, "I mean" in it) that names the group g, the first
 * group after the pronoun: the pronoun stands for it. */
static bool afterthought(const run *R, uint32_t ti, const target *g) {
  const dc_rules_scratch *rs = R->rs;
  uint32_t si = rs->toks[ti].sent;
  if (si + 1 >= rs->ns || rs->toks[g->tb].sent != si + 1)
    return false;
  const sentence *n = &rs->s[si + 1];
  uint32_t words = 0;
  bool mean = false;
  for (uint32_t k = n->tb; k < n->te; k++) {
    if (rs->toks[k].type != TK_WORD)
      continue;
    if (++words > 6)
      return false;
    mean |=
        k > n->tb && tok_is_word(R, k, "mean") && tok_is_word(R, k - 1, "i");
  }
  return mean;
}

static bool resolve_pronoun(const run *R, uint32_t ti, target *out,
                            bool *from_ctx) {
  dc_rules_scratch *rs = R->rs;
  *from_ctx = false;
  /* Targets from ti on end after it: the search starts before them, and
   * goes from group to group (gn_upto) past those that do not end
   * before ti (the few that span it). */
  if (!rs->gn_known) {
    uint32_t last = NO_TARGET;
    for (size_t i = 0; i < rs->nt; i++) {
      if (rs->t[i].type == TG_GROUP || rs->t[i].type == TG_NP)
        last = (uint32_t)i;
      rs->t[i].gn_upto = last;
    }
    rs->gn_known = true;
  }
  size_t from = rs->nt > FEW_TARGETS ? targets_from(rs, ti) : rs->nt;
  uint32_t g = from ? rs->t[from - 1].gn_upto : NO_TARGET;
  while (g != NO_TARGET && rs->t[g].te > ti)
    g = g ? rs->t[g - 1].gn_upto : NO_TARGET;
  if (g != NO_TARGET) {
    /* "Anyone who attacks Jews, I'll kill them", "those racists who
     * beat up the Somali kid ...": a group inside a relative clause
     * (a "who" a few words before it) is not who the pronoun in a
     * later clause stands for; its head is. */
    const target *tg = &rs->t[g];
    uint32_t gs = rs->toks[tg->tb].sent;
    /* "Gay-bashers belong in prison, lock them all up", "The
     * Muslim-hating arsonists ...: lock the lot of them up": a group
     * joined by a hyphen to the word after it modifies that word
     * (the attackers); "The Proud Boys who stormed the Capitol? Lock
     * em all up": a group word inside a name that is no protected
     * group (targets.tsv) is that name's. Neither is whom the
     * pronoun stands for. */
    if (hyphen_modifier(R, tg->te))
      return false;
    const mention *np =
        tg->tb > 0 ? mention_at(R, tg->tb - 1, DC_KIND_NONPROTECTED) : NULL;
    if (np && np->te >= tg->te)
      return false;
    if (gs == rs->toks[ti].sent &&
        rs->toks[tg->tb].clause != rs->toks[ti].clause)
      for (uint32_t k = tg->tb, n = 0; k-- > rs->s[gs].tb && n < 5; n++)
        if (tok_is_word(R, k, "who") || tok_is_word(R, k, "whoever"))
          return false;
    *out = rs->t[predicate_subject(R, g)];
    return true;
  }
  /* "They're all terrorists, these Muslims": a group later in the same
   * sentence. Targets are sorted by tb, so the first group after ti is
   * the one, if it is in the sentence. */
  size_t i = next_group(R, targets_from(rs, ti + 1));
  if (i < rs->nt && rs->toks[rs->t[i].tb].sent == rs->toks[ti].sent) {
    *out = rs->t[i];
    return true;
  }
  /* "Algerian again. They're savages", "Typical Afghan, they ...": no
   * group was named, but a member was, in this sentence or the one
   * before; "they" are the group. Not across a doer named between ("a
   * Mexican worker was killed by a drunk driver. They ...", "my wife is
   * Jewish and someone ...", "the Somali shopkeeper was robbed by
   * teenagers"), not the writer's own group ("I'm Mexican", "my wife is
   * Jewish"), not inside "anti-muslim" nor before a hyphen
   * ("gay-bashers" are no gay people). */
  const mention *last = NULL;
  uint32_t si = rs->toks[ti].sent;
  /* (at most MEMBER_REACH tokens back: the search is per pronoun, and a
   * long comment of pronouns must not read itself once for each) */
  uint32_t mfrom = si > 0 ? rs->s[si - 1].tb : rs->s[si].tb;
  if (ti > MEMBER_REACH && mfrom < ti - MEMBER_REACH)
    mfrom = ti - MEMBER_REACH;
  for (size_t j = rs->first[mfrom]; j < rs->nm && rs->m[j].tb < ti; j++) {
    const mention *c = &rs->m[j];
    if (c->kind != DC_KIND_IDENTITY || (ent(R, c)->flags & DC_F_AMBIGUOUS) ||
        !ent(R, c)->categories ||
        (c->tb > 0 && R->n->text[rs->toks[c->tb].b - 1] == '-') ||
        hyphen_modifier(R, c->te))
      continue;
    /* "the Norwegian rats in my basement ... before they breed": an
     * adjective of an animal or a thing names no member */
    if ((ent(R, c)->flags & DC_F_ADJ) &&
        (kind_at(R, c->te, DC_KIND_DEHUMANIZE) ||
         kind_at(R, c->te, DC_KIND_OBJECT) ||
         kind_at(R, c->te, DC_KIND_NONPROTECTED)))
      continue;
    bool own = false;
    for (uint32_t k = c->tb > 3 ? c->tb - 3 : 0; k < c->tb && !own; k++)
      own = kind_at(R, k, DC_KIND_PRONOUN_SELF);
    bool doer = false;
    for (uint32_t k = c->te; k < ti && !doer; k++)
      doer = tok_is_word(R, k, "by") || tok_is_word(R, k, "someone") ||
             tok_is_word(R, k, "somebody") ||
             (kind_at(R, k, DC_KIND_PERSON) && k > c->te) ||
             kind_at(R, k, DC_KIND_NONPROTECTED);
    last = own || doer ? NULL : c;
  }
  if (last) {
    *out = group_of(R, last);
    return true;
  }
  if (i < rs->nt && afterthought(R, ti, &rs->t[i])) {
    *out = rs->t[i];
    return true;
  }
  /* "They're animals." under "Women's football attendance hits record
   * high": "they" are the people the context is about, not a group named
   * only as the owner of the topic (the players, the fans, anyone). */
  return context_group(R, out, from_ctx);
}

/* Does the word at [b, e) of text (len bytes) own what follows it:
 * "women's football", "girls' school"? A trailing quote mark is the
 * plural's possessive only after an s, with a word right after it to own,
 * and not closing a quote that opens before the word ("arrival of
 * 'gypsies'", "'gypsies' arrive"). */
static bool owner_in_text(const char *text, uint32_t len, uint32_t b,
                          uint32_t e) {
  if (e >= 2 && text[e - 2] == '\'' && text[e - 1] == 's')
    return true;
  if (e >= len || text[e] != '\'' || e < 1 || text[e - 1] != 's' ||
      (b > 0 && text[b - 1] == '\''))
    return false;
  uint32_t k = e + 1;
  while (k < len && text[k] == ' ')
    k++;
  return k > e + 1 && k < len && text[k] >= 'a' && text[k] <= 'z';
}

/* The last protected group named in the context (parent, then title),
 * not one named only as the owner of something ("Women's football",
 * "girls' school"): a comment that names no one and is read as about the
 * context's people ("What an infestation.", "They're animals.") needs the
 * people themselves. */
static bool context_group(const run *R, target *out, bool *from_ctx) {
  /* Identity nouns, identity adjectives that are not everyday words
   * ("Jewish family", "gay couples"), and slurs count; the context is
   * only read to learn who "they" are. */
  for (size_t c = 0; c < R->n_ctx; c++) {
    const dc_hitvec *hv = R->ctx[c].hits;
    for (size_t h = hv->n; h-- > 0;) {
      const dc_entry *e = &R->lx->entries[hv->v[h].entry];
      if ((e->kind == DC_KIND_IDENTITY &&
           (!(e->flags & DC_F_ADJ) || !(e->flags & DC_F_AMBIGUOUS) ||
            hv->v[h].end - hv->v[h].begin > e->term_len)) ||
          e->kind == DC_KIND_SLUR) {
        if (owner_in_text(R->ctx[c].norm->text, R->ctx[c].norm->len,
                          hv->v[h].begin, hv->v[h].end))
          continue;
        memset(out, 0, sizeof *out);
        out->type = TG_GROUP;
        out->categories = e->categories;
        out->entry = (int32_t)hv->v[h].entry;
        out->tb = out->te = 0;
        *from_ctx = true;
        return true;
      }
    }
  }
  return false;
}

/* The identity hit of a context's hits hv that names a place's group: a
 * protected group word, not a colour word nor a nation alone (the White
 * House, an Irish centre). */
static bool place_group_word(const run *R, const dc_hit *h) {
  const dc_entry *e = &R->lx->entries[h->entry];
  return e->kind == DC_KIND_IDENTITY && !(e->flags & DC_F_AMBIGUOUS) &&
         (e->categories & ~NATION_CATEGORIES);
}

/* The most bytes a group word joined to a place may start before it:
 * longer than any identity term with its plural. */
#define PLACE_REACH 256

/* Is the word of len bytes at w one that gives a place to the people
 * named after it ("hotel housing asylum seekers", "shelter for
 * refugees")? */
static bool place_for_word(const char *w, size_t len) {
  static const char *const words[] = {"housing", "for", "hosting",
                                      "sheltering"};
  return dc_word_in(w, len, words, sizeof words / sizeof words[0]);
}

static bool context_place_scan(const run *R, target *out);

/* "Asylum hotel fire", "Fire at hotel housing asylum seekers", "Mosque
 * vandalised": does the context (parent, then title) name one place of a
 * protected group, in the singular, for a reply's bare "it" to mean? A
 * place entry with a group (`asylum hotel`), an identity noun flagged
 * `place` (`mosque`), or a place entry (`hotel`, `centre`) with a group
 * word right before it ("migrant hotel", "refugee centre") or after
 * "housing"/"for" and at most two words ("shelter for young refugees").
 * The group is *out (named in the context). Not a title that names a
 * group and no place ("Muslim chef wins baking contest"), nor a place of
 * no group ("Fire at empty factory", "the senator's house"). */
static bool context_place(const run *R, target *out) {
  dc_rules_scratch *rs = R->rs;
  if (!rs->place_known)
    rs->place_known = context_place_scan(R, &rs->place_group) ? 2 : 1;
  if (rs->place_known == 2)
    *out = rs->place_group;
  return rs->place_known == 2;
}

/* context_place, read from the context's hits: no cache. */
static bool context_place_scan(const run *R, target *out) {
  for (size_t c = 0; c < R->n_ctx; c++) {
    const dc_hitvec *hv = R->ctx[c].hits;
    const char *text = R->ctx[c].norm->text;
    uint32_t len = (uint32_t)R->ctx[c].norm->len;
    for (size_t h = 0; h < hv->n; h++) {
      const dc_hit *p = &hv->v[h];
      if (p->entry >= R->lx->n)
        continue;
      const dc_entry *e = &R->lx->entries[p->entry];
      /* one place, which "it" can mean: not "hotels" */
      if (p->end - p->begin != e->term_len)
        continue;
      const dc_hit *g = NULL;
      if ((e->kind == DC_KIND_PLACE && e->categories) ||
          (e->kind == DC_KIND_IDENTITY && (e->flags & DC_F_PLACE)))
        g = p;
      else if (e->kind != DC_KIND_PLACE || (e->flags & DC_F_THING))
        continue; /* (`thing`: where animals are, "barn") */
      /* a group word ending right before it, a space between
       * (looked for among the hits that start at most a term's
       * length before it, so that a context of many places is not
       * read once for each) */
      for (size_t j = h; !g && j-- > 0 && p->begin > 0 &&
                         hv->v[j].begin + PLACE_REACH >= p->begin;)
        if (hv->v[j].end + 1 == p->begin && text[p->begin - 1] == ' ' &&
            hv->v[j].entry < R->lx->n && place_group_word(R, &hv->v[j]))
          g = &hv->v[j];
      /* "housing" or "for", then the group within two more words */
      uint32_t k = p->end;
      while (!g && k < len && text[k] == ' ')
        k++;
      uint32_t we = k;
      while (we < len && text[we] >= 'a' && text[we] <= 'z')
        we++;
      if (!g && we > k && place_for_word(text + k, we - k)) {
        /* hits sorted by begin: words counted from "for" on */
        uint32_t words = 0, b = we;
        for (size_t j = h + 1; j < hv->n && !g; j++) {
          if (hv->v[j].begin < we)
            continue;
          for (; b < hv->v[j].begin; b++)
            words += text[b] == ' ' && b + 1 < len && text[b + 1] != ' ';
          if (words > 3)
            break;
          if (hv->v[j].entry < R->lx->n && place_group_word(R, &hv->v[j]))
            g = &hv->v[j];
        }
      }
      if (!g)
        continue;
      const dc_entry *ge = &R->lx->entries[g->entry];
      memset(out, 0, sizeof *out);
      out->type = TG_GROUP;
      out->categories = ge->categories;
      out->entry = (int32_t)g->entry;
      return true;
    }
  }
  return false;
}

enum { DIR_FORWARD = 1, DIR_BACKWARD = 2 };

/* Is token ti inside a relative clause opened by "who" a word or two
 * earlier in the sentence, with the clause's verb between ("who blame
 * immigrants", "who really hate Jews")? */
static bool in_relative_clause(const run *R, const sentence *s, uint32_t ti) {
  for (uint32_t k = ti; k > s->tb && k + 4 > ti;) {
    k--;
    if (tok_is_word(R, k, "who"))
      return k + 1 < ti;
    if (R->rs->toks[k].type != TK_WORD)
      return false;
  }
  return false;
}

/* The wrongs a relative clause's verb can name: "who hate", "who attack",
 * "who want to deport", "that kill". */
#define WRONG_KINDS                                                            \
  (KIND_BIT(HARM) | KIND_BIT(THREAT) | KIND_BIT(HATE_VERB) |                   \
   KIND_BIT(EXCLUSION))

/* Does a relative clause open in [a, b) that names its head by a wrong
 * done to what follows ("people who hate Jews", "anyone who attacks
 * Muslims", "those that harass gay people", "whoever kills Hindus")?
 * Then a target at b is the object of that wrong, and the head (the
 * wrongdoers) is what a verb before a is aimed at. "who"/"that" needs a
 * head between (not "kill that Jew", where "that" is a determiner); the
 * clause's verb is a wrong (at[] bits), right after it or after one word
 * ("who really hate", "who want to deport": two), in one clause; "people
 * who are Jews", "anyone who marries Muslims" do no wrong to the group
 * and do not count. */
static bool wrongdoers_between(const run *R, uint32_t a, uint32_t b) {
  const tok *toks = R->rs->toks;
  for (uint32_t k = a; k < b; k++) {
    if (toks[k].type != TK_WORD || toks[k].clause != toks[b].clause)
      continue;
    bool who = tok_is_word(R, k, "who") || tok_is_word(R, k, "that");
    if (!(who ? k > a : tok_is_word(R, k, "whoever")))
      continue;
    for (uint32_t j = k + 1; j < b && j <= k + 3; j++)
      if (R->rs->at[j] & WRONG_KINDS)
        return true;
    return false;
  }
  return false;
}

static const target *group_ending_at(const run *R, uint32_t tb,
                                     uint32_t clause);

/* Does the group t, before the exclusion m and in another clause, name
 * wrongdoers or their victims rather than the people m's call is for:
 * "Gay-bashers ..., lock them all up" (t joined by a hyphen to the word
 * after it, which it modifies), "The thugs who beat up the gay couple,
 * lock em all up" (t the head of a relative clause whose verb is a wrong,
 * or t inside such a clause, its object)? */
static bool wrongdoers_before(const run *R, const target *t, const mention *m) {
  const dc_rules_scratch *rs = R->rs;
  const tok *toks = rs->toks;
  if (hyphen_modifier(R, t->te))
    return true;
  if (toks[t->tb].clause == toks[m->tb].clause)
    return false;
  uint32_t k = t->te;
  if (k + 1 < m->tb && toks[k].clause == toks[t->tb].clause &&
      (tok_is_word(R, k, "who") || tok_is_word(R, k, "that")))
    for (uint32_t j = k + 1; j < m->tb && j <= k + 3; j++)
      if (rs->at[j] & WRONG_KINDS)
        return true;
  return wrongdoers_between(R, sent_of(R, t->tb)->tb, t->tb);
}

/* The group that ends the sentence in apposition after a relative clause
 * ending at token `after`, renaming the wrongdoers it narrows ("Exterminate
 * the vermin that kill Christians, the Muslims", "Round up those that
 * attack Christians: the Muslims"; `after` ends the clause, exclusive): a
 * comma, colon or dash, at most one determiner, the group, and only
 * punctuation or emoji after it. NULL if none. Reads the sentence's tail
 * only. */
static const target *appositive_group(const run *R, uint32_t after) {
  const sentence *s = sent_of(R, after);
  const tok *toks = R->rs->toks;
  uint32_t e = s->te;
  while (e > after && toks[e - 1].type != TK_WORD)
    e--;
  const target *g = group_ending_at(R, e, UINT32_MAX /* any clause */);
  if (!g || g->te != e || g->tb <= after)
    return NULL;
  uint32_t p = g->tb - 1;
  if (tok_is_word(R, p, "the") || tok_is_word(R, p, "those") ||
      tok_is_word(R, p, "these") || tok_is_word(R, p, "all"))
    p--;
  if (p < after || toks[p].type != TK_PUNCT ||
      !(toks[p].ch == ',' || toks[p].ch == ':' || toks[p].ch == '-'))
    return NULL;
  return g;
}

/* "not" right before token ti, or before "the" right before it, and no
 * linking verb before "not": a contrast ("X, not the Jews", "the Romans
 * killed Jesus not the Jews"), not a predicate ("people who are not
 * straight"). */
static bool not_before(const run *R, uint32_t ti) {
  if (ti >= 1 && tok_is_word(R, ti - 1, "the"))
    ti--;
  return ti >= 2 && tok_is_word(R, ti - 1, "not") &&
         !kind_at(R, ti - 2, DC_KIND_COPULA);
}

/* Is a "than" among tokens [b, e)? At most TARGET_WINDOW are read. */
static bool than_between(const run *R, uint32_t b, uint32_t e) {
  for (uint32_t k = b; k < e && k < b + TARGET_WINDOW; k++)
    if (tok_is_word(R, k, "than"))
      return true;
  return false;
}

static bool in_target(const run *R, uint32_t k, int type);

/* "why on earth would he kill white people", "Why would anyone kill
 * Jews?", "why did they gas them", "How could you want to hurt them?": a
 * sentence opened by "why" (past "but", "so", "and"; "on earth", "the
 * hell", "tf" after it) or "how could", an auxiliary that asks about a
 * deed and its subject, the threat verb next, past at most an adverb or
 * "want to" ("would anyone even want to kill"). It asks for the motive of
 * a deed and calls for nothing ("Why would we kill the Jews? They do so
 * much for us"). Not negated, with the writer or the reader as the
 * subject ("why don't we kill them all", "why wouldn't we ...", "why not
 * just gas them": a call made as a question, why_not_call), nor
 * "should" ("why shouldn't he shoot them"). */
static bool motive_asked(const run *R, const mention *m) {
  static const char *const aux[] = {"would", "did",  "does", "do",
                                    "could", "will", "was",  "were"};
  static const char *const who[] = {
      "he",     "she",       "they", "anyone", "anybody", "someone", "somebody",
      "people", "someone's", "you",  "u",      "we",      "i"};
  const sentence *s = sent_of(R, m->tb);
  uint32_t k = s->tb;
  while (k < m->tb && (tok_is_word(R, k, "but") || tok_is_word(R, k, "so") ||
                       tok_is_word(R, k, "and")))
    k++;
  /* "how could anyone ..." asks the same */
  bool how = k + 1 < m->tb && tok_is_word(R, k, "how") &&
             tok_is_word(R, k + 1, "could");
  if (k >= m->tb || (!tok_is_word(R, k, "why") && !how))
    return false;
  k++;
  if (k + 1 < m->tb &&
      ((tok_is_word(R, k, "on") && tok_is_word(R, k + 1, "earth")) ||
       (tok_is_word(R, k, "the") &&
        (tok_is_word(R, k + 1, "hell") || tok_is_word(R, k + 1, "fuck")))))
    k += 2;
  else if (k < m->tb && tok_is_word(R, k, "tf"))
    k++;
  if (k + 1 >= m->tb ||
      !word_among(R, k, k + 1, aux, sizeof aux / sizeof aux[0]) ||
      !word_among(R, k + 1, k + 2, who, sizeof who / sizeof who[0]))
    return false;
  /* "would anyone even want to kill": only such words between; not
   * "Why would anyone oppose the extermination of Muslims?", which asks
   * why the deed is opposed */
  for (uint32_t j = k + 2; j < m->tb; j++)
    if (!adverb_like(R, j) && !tok_is_word(R, j, "want") &&
        !tok_is_word(R, j, "wanna") && !tok_is_word(R, j, "to") &&
        !tok_is_word(R, j, "try") && !tok_is_word(R, j, "ever") &&
        !tok_is_word(R, j, "even"))
      return false;
  if (m->tb > k + 5)
    return false;
  /* The question ends the comment with the deed's object: no manner,
   * measure or answer after it ("Why would anyone kill Jews one at a
   * time? Gas works better", "Why would we kill the Jews quickly when we
   * can make them suffer", "Why would you kill a Muslim? To make the
   * world better"), only an interjection ("wtf", "lol"). A sick joke
   * asked as a question goes on; a question of disbelief stops. */
  static const char *const end[] = {"wtf",    "lol",       "smh",      "tho",
                                    "though", "seriously", "honestly", "omg"};
  const dc_rules_scratch *rs = R->rs;
  uint32_t j = m->te;
  while (j < rs->ntok &&
         (in_target(R, j, TG_GROUP) || in_target(R, j, TG_PRONOUN) ||
          tok_is_word(R, j, "the") || a_or_an(R, j)))
    j++;
  for (; j < rs->ntok; j++)
    if (rs->toks[j].type == TK_WORD &&
        (unsigned char)R->n->text[rs->toks[j].b] < 0x80 &&
        !word_among(R, j, j + 1, end, sizeof end / sizeof *end))
      return false;
  return true;
}

/* Is the target t the writer's own description of themselves: "As a
 * disabled person I ...", "Being a gay man, I'm ..."? "as" or "being" and
 * an article before it, the writer ("I", "I'm") right after it, past a
 * comma. */
static bool writer_as(const run *R, const target *t) {
  if (t->tb < 2 || !a_or_an(R, t->tb - 1) ||
      !(tok_is_word(R, t->tb - 2, "as") || tok_is_word(R, t->tb - 2, "being")))
    return false;
  uint32_t k = t->te;
  if (kind_at(R, k, DC_KIND_PERSON)) /* "a Muslim man" */
    k++;
  if (k < R->rs->ntok && R->rs->toks[k].type == TK_PUNCT &&
      R->rs->toks[k].ch == ',')
    k++;
  return k < R->rs->ntok &&
         (tok_is_word(R, k, "i") || tok_is_word(R, k, "i'm") ||
          tok_is_word(R, k, "im"));
}

/* Does the writer name themselves by the phrase starting at token k: "as
 * a", "I'm a", "I am a", "proud", "we", at most three words before it? */
static bool self_named(const run *R, uint32_t k) {
  static const char *const self[] = {"as", "i'm", "im", "i", "proud", "we"};
  return word_among(R, k > 3 ? k - 3 : 0, k, self, sizeof self / sizeof *self);
}

/* Does a word of identity or a slur follow the hate verb m in its
 * sentence ("As a gay man, I'm tired of trans freaks")? pick_target may
 * find no group there (an adjective before an insult is none), but the
 * writer is weary of people all the same. */
static bool group_word_after(const run *R, const mention *m) {
  const dc_rules_scratch *rs = R->rs;
  uint32_t se = sent_of(R, m->tb)->te;
  for (size_t i = rs->first[m->te]; i < rs->nm && rs->m[i].tb < se; i++)
    if ((rs->m[i].kind == DC_KIND_IDENTITY || rs->m[i].kind == DC_KIND_SLUR) &&
        ent(R, &rs->m[i])->categories)
      return true;
  return false;
}

/* Is the target t the subject of the hate verb m said as a state ("X are
 * (all) tired of", "they're just sick of")? Between them a linking verb
 * (or the pronoun's own: "they're") and only quantifiers and adverbs.
 * Not a passive, an inflection in "-d" ("Jews are hated", "are
 * despised by"), whose subject is the one hated. */
static bool subject_of_state(const run *R, const target *t, const mention *m) {
  const dc_entry *e = ent(R, m);
  if (m->e - m->b > e->term_len && R->n->text[m->e - 1] == 'd')
    return false;
  /* only a state of being weary of something ("sick of", "tired of",
   * "fed up with"), not "are all haters", "are hatred incarnate" */
  if (!(e->term_len > 3 && memcmp(e->term + e->term_len - 3, " of", 3) == 0) &&
      !(e->term_len > 5 && memcmp(e->term + e->term_len - 5, " with", 5) == 0))
    return false;
  /* and no one hated after it: "Americans are tired of Mexicans" is
   * weariness of a group */
  const dc_rules_scratch *rs = R->rs;
  uint32_t se = sent_of(R, m->tb)->te;
  for (size_t i = targets_from(rs, m->te); i < rs->nt && rs->t[i].tb < se; i++)
    if (rs->t[i].type == TG_GROUP || rs->t[i].type == TG_PRONOUN)
      return false;
  bool linked = false;
  if (t->te > t->tb) {
    const mention *p = mention_at(R, t->te - 1, DC_KIND_PRONOUN_GROUP);
    linked = p && p->te == t->te && (ent(R, p)->flags & DC_F_COPULA);
  }
  for (uint32_t k = t->te; k < m->tb; k++) {
    if (R->rs->toks[k].type != TK_WORD)
      return false;
    if (kind_at(R, k, DC_KIND_COPULA))
      linked = true;
    else if (!kind_at(R, k, DC_KIND_QUANTIFIER) && !adverb_like(R, k))
      return false;
  }
  return linked;
}

/* Picks the target an attack at [tb, te) is about: the nearest target in
 * the same sentence within TARGET_WINDOW tokens, preferring the given
 * direction (verbs look at their object, predicates at their subject). */
static const target *pick_target(const run *R, uint32_t tb, uint32_t te,
                                 uint32_t b, uint32_t e, int prefer,
                                 int *dist_out) {
  dc_rules_scratch *rs = R->rs;
  const sentence *s = sent_of(R, tb);
  const target *best = NULL;
  int best_score = 1 << 30;
  /* Only targets in the sentence and within TARGET_WINDOW can win: from
   * the first that may end that close before the attack (none spans
   * more than t_span tokens) to the last that starts that close after
   * it, in the order of the full list, so that ties go the same way. A
   * comment of many attacks then does not scan all its targets for
   * each. */
  size_t i = 0;
  if (rs->nt > FEW_TARGETS) {
    uint32_t span = target_span(rs);
    uint32_t from = tb > TARGET_WINDOW + span ? tb - TARGET_WINDOW - span : 0;
    i = targets_from(rs, from > s->tb ? from : s->tb);
  }
  for (; i < rs->nt; i++) {
    const target *t = &rs->t[i];
    if (t->tb >= s->te || t->tb > te + TARGET_WINDOW)
      break;
    if (t->tb < s->tb || t->te > s->te)
      continue;
    /* Overlapping the attack itself it is no target, unless both are
     * pieces of one run-together word ("killalljews"). */
    bool pieces = t->e > t->b && e > b && (t->e <= b || t->b >= e);
    if (t->tb < te && t->te > tb && !pieces)
      continue;
    int dist, dir;
    if (pieces && t->tb < te && t->te > tb) {
      dist = 0;
      dir = t->b >= e ? DIR_FORWARD : DIR_BACKWARD;
    } else if (t->tb >= te) {
      dist = (int)(t->tb - te);
      dir = DIR_FORWARD;
    } else {
      dist = (int)(tb - t->te);
      dir = DIR_BACKWARD;
    }
    if (dist > TARGET_WINDOW)
      continue;
    /* "hatred of Muslims", "racism against Black people": the group
     * complements a noun about hatred, which is the clause's subject.
     * Not when the "of" belongs to the verb ("sick of Muslims",
     * "tired of gays": one hate-verb entry that ends with it), whose
     * object the group is. */
    if (t->type == TG_GROUP && t->tb >= 2 &&
        (tok_is_word(R, t->tb - 1, "of") ||
         tok_is_word(R, t->tb - 1, "against") ||
         tok_is_word(R, t->tb - 1, "towards"))) {
      const mention *hv = mention_at(R, t->tb - 2, DC_KIND_HATE_VERB);
      bool own_of = hv && hv->te == t->tb;
      if (!own_of && (hv || mention_at(R, t->tb - 2, DC_KIND_DENOUNCE)))
        continue;
    }
    /* "People who blame immigrants are the problem": a target inside
     * a relative clause is the object of its verb; what follows the
     * clause is said of its head ("people"), or of a target before
     * "who" ("Muslims who ... are"). */
    if (dir == DIR_BACKWARD && in_relative_clause(R, s, t->tb))
      continue;
    /* "The Romans killed Jesus, not the Jews", "corporations, not
     * immigrants, take our jobs": a group after "not" is the one the
     * claim is denied of. */
    if (t->type == TG_GROUP && not_before(R, t->tb))
      continue;
    int score = dist * 2 + (dir == prefer ? 0 : 5);
    /* "Dalits in our village are like stray dogs, feed them once and
     * they never leave": a target after a word said of the one
     * before it (a predicate: dehumanizing, derogatory), in another
     * clause, is the subject of that clause, not the one the word is
     * said of; the group its own clause names before it wins within
     * the window. (Threats, which look forward, keep their reading.) */
    if (prefer == DIR_BACKWARD && dir == DIR_FORWARD &&
        rs->toks[t->tb].clause != rs->toks[tb].clause)
      score += 6;
    /* A protected group is the more specific reading when a pronoun or
     * a generic target competes at a similar distance. */
    if (t->type == TG_GROUP)
      score -= 1;
    if (score < best_score) {
      best_score = score;
      best = t;
      if (dist_out)
        *dist_out = dist;
    }
  }
  return best;
}

/* ---------------------------------------------------------------------- */
/* The rules                                                               */
/* ---------------------------------------------------------------------- */

static float severity_weight(int sev, float w1, float w2, float w3) {
  return sev >= 3 ? w3 : sev == 2 ? w2 : w1;
}

static piece signal_verb(decorum_signal s) {
  switch (s) {
  case DECORUM_SIGNAL_DEHUMANIZATION:
    return LIT("dehumanizing language");
  case DECORUM_SIGNAL_DEROGATION:
    return LIT("derogation");
  case DECORUM_SIGNAL_THREAT:
    return LIT("threat of violence");
  case DECORUM_SIGNAL_EXCLUSION:
    return LIT("call for exclusion");
  case DECORUM_SIGNAL_STEREOTYPE:
    return LIT("stereotype");
  case DECORUM_SIGNAL_INSULT:
    return LIT("insult");
  default:
    return piece_str(decorum_signal_name(s));
  }
}

/* The mention's text in quotes, at most 60 bytes of it, after "before"
 * (which ends in the opening quote), joined in buf[96]. */
static piece quote_mention(const run *R, const mention *m, piece before,
                           char buf[96]) {
  int tl = (int)(m->e - m->b);
  return (piece){buf, JOIN(buf, 96, before,
                           piece_text(R->n->text + m->b, tl > 60 ? 60 : tl),
                           LIT("'"))};
}

/* Emits a mitigating span explaining why an attack did not count. */
static decorum_status mitigate(run *R, uint32_t b, uint32_t e, scope sc,
                               piece what) {
  finding_spec fs = {0};
  fs.b = b;
  fs.e = e;
  fs.attribute = DECORUM_IDENTITY_ATTACK;
  fs.flags = DECORUM_SPAN_MITIGATING;
  fs.weight = 0;
  piece why;
  if (sc == SC_NEGATED) {
    fs.signal = DECORUM_SIGNAL_NEGATED;
    why = LIT("negated");
    R->out->rf[DC_RF_NEGATED] = 1;
  } else if (sc == SC_COUNTER) {
    fs.signal = DECORUM_SIGNAL_COUNTER_SPEECH;
    why = LIT("quoted or reported in order to denounce it (counter-speech)");
    R->out->rf[DC_RF_COUNTER] = 1;
  } else {
    fs.signal = DECORUM_SIGNAL_QUOTED;
    why = LIT("quoted or reported speech");
    R->out->rf[DC_RF_QUOTED] = 1;
  }
  uint32_t r;
  decorum_status st =
      REASON(R, &r, LIT("not an attack: "), what, LIT(" is "), why);
  if (st != DECORUM_OK)
    return st;
  return emit(R, &fs, r);
}

/* Words that call people something: an answer holding one attacks on. */
#define NAMING_KINDS                                                           \
  (KIND_BIT(DEHUMANIZE) | KIND_BIT(DEROGATE) | KIND_BIT(SLUR) |                \
   KIND_BIT(STEREOTYPE) | KIND_BIT(INSULT))

#define NO_ANSWER UINT32_MAX

/* Sentence si is a question and the next opens with a negator ("No",
 * "Nope"): the negator's token, or NO_ANSWER. What may follow it is for
 * the caller to say. */
static uint32_t no_answer(const run *R, uint32_t si) {
  const dc_rules_scratch *rs = R->rs;
  if (!rs->s[si].question || si + 1 >= rs->ns)
    return NO_ANSWER;
  uint32_t a = rs->s[si + 1].tb;
  /* "Of course not." */
  if (a + 2 < rs->s[si + 1].te && tok_is_word(R, a, "of") &&
      tok_is_word(R, a + 1, "course") && tok_is_word(R, a + 2, "not"))
    return a + 2;
  return a < rs->s[si + 1].te && mention_at(R, a, DC_KIND_NEGATION) ? a
                                                                    : NO_ANSWER;
}

/* Token ti is in a question the writer answers "No" in the next sentence:
 * "Are immigrants filthy? No, they are our neighbours." The answer is a
 * negator opening the sentence and standing alone ("No,", "No.", "Nope!")
 * or before "they"/"we"/"of course": not "No Muslim should ...". */
static bool answered_no(const run *R, uint32_t ti) {
  const dc_rules_scratch *rs = R->rs;
  uint32_t si = rs->toks[ti].sent;
  uint32_t a = no_answer(R, si);
  if (a == NO_ANSWER)
    return false;
  const sentence *ans = &rs->s[si + 1];
  /* "No, animals have more dignity": an answer that attacks on takes
   * nothing back; nor does "No. Just most of them" (a short sentence
   * after it). "No. The real terrorists are ..." aims elsewhere. */
  for (uint32_t k = a + 1; k < ans->te; k++)
    if (rs->at[k] & NAMING_KINDS) /* kind_at for five kinds at once */
      return false;
  uint32_t end = ans->te;
  if (si + 2 < rs->ns && rs->s[si + 2].te - rs->s[si + 2].tb <= 5)
    end = rs->s[si + 2].te;
  for (uint32_t k = a + 1; k < end; k++)
    if (tok_is_word(R, k, "just") || tok_is_word(R, k, "only") ||
        tok_is_word(R, k, "most"))
      return false;
  return a + 1 >= ans->te || rs->toks[a + 1].type != TK_WORD ||
         mention_at(R, a + 1, DC_KIND_PRONOUN_GROUP) ||
         mention_at(R, a + 1, DC_KIND_PRONOUN_SELF);
}

#define APPROVAL_REACH 8

/* Does the writer assert the halt word at k, one of opposing or
 * preventing ("prevent", "oppose", "against", "an end to")? Not in a
 * question that opens with who/why/what/how ("Who would be against killing
 * Jews?": nobody, it asks), not after "nothing", "no one" or "nobody" in
 * its clause within APPROVAL_REACH tokens before k ("Nothing can prevent
 * the extermination ..."), and not with an approval within as many tokens
 * after the attack m ("..., and good"). The reach keeps a long sentence
 * of attacks linear. */
static bool halt_asserted(const run *R, uint32_t k, const mention *m) {
  const sentence *s = sent_of(R, k);
  const tok *toks = R->rs->toks;
  if (s->question) {
    uint32_t f = s->tb;
    while (f < k && toks[f].type != TK_WORD)
      f++;
    if (tok_is_word(R, f, "who") || tok_is_word(R, f, "why") ||
        tok_is_word(R, f, "what") || tok_is_word(R, f, "how"))
      return false;
  }
  /* "nothing can ever prevent": a few words back, not the whole clause
   * (a long clause of halts stays linear) */
  for (uint32_t j = k; j > s->tb && j + APPROVAL_REACH > k &&
                       toks[j - 1].clause == toks[k].clause;
       j--)
    if (tok_is_word(R, j - 1, "nothing") || tok_is_word(R, j - 1, "nobody") ||
        tok_is_word(R, j - 1, "noone") ||
        (tok_is_word(R, j - 1, "one") && j >= 2 && tok_is_word(R, j - 2, "no")))
      return false;
  if (any_kind(R, DC_KIND_APPROVE) && m->te < R->rs->ntok)
    for (size_t i = R->rs->first[m->te];
         i < R->rs->nm && R->rs->m[i].tb < m->te + APPROVAL_REACH &&
         R->rs->m[i].tb < s->te;
         i++)
      if (R->rs->m[i].kind == DC_KIND_APPROVE)
        return false;
  return true;
}

/* A threat, exclusion or hate verb right after "stop" or "quit" (or "end
 * the"): a call to end the violence, not for it ("Stop killing
 * Palestinians", "Israel must stop the bombing of Gaza", "stop deporting
 * refugees"). So is one after a word of preventing or opposing ("prevent
 * the genocide of ...", "we oppose the persecution of ...", "stand
 * against the killing of ...") and after "an end to", "a stop to", "a
 * halt to" ("We should put an end to the killing of Hindus", "call for an
 * end to ..."). Returns the token of "stop" (of "end"), or UINT32_MAX. */
static uint32_t halt_at(const run *R, const mention *m) {
  if (m->kind != DC_KIND_THREAT && m->kind != DC_KIND_EXCLUSION &&
      m->kind != DC_KIND_HATE_VERB)
    return UINT32_MAX;
  uint32_t k = m->tb;
  if (k >= 1 && tok_is_word(R, k - 1, "the"))
    k--;
  if (k < 1)
    return UINT32_MAX;
  k--;
  /* "an end to the killing": the noun "end" (a stop, a halt) before
   * "to" */
  if (k >= 1 && tok_is_word(R, k, "to") &&
      (tok_is_word(R, k - 1, "end") || tok_is_word(R, k - 1, "stop") ||
       tok_is_word(R, k - 1, "halt")))
    return halt_asserted(R, k - 1, m) ? k - 1 : UINT32_MAX;
  bool halt = tok_is_word(R, k, "stop") || tok_is_word(R, k, "stops") ||
              tok_is_word(R, k, "stopped") || tok_is_word(R, k, "stopping") ||
              tok_is_word(R, k, "quit") || tok_is_word(R, k, "end") ||
              tok_is_word(R, k, "ending") || tok_is_word(R, k, "halt");
  bool oppose = tok_is_word(R, k, "prevent") || tok_is_word(R, k, "prevents") ||
                tok_is_word(R, k, "preventing") ||
                tok_is_word(R, k, "oppose") || tok_is_word(R, k, "opposes") ||
                tok_is_word(R, k, "opposing") || tok_is_word(R, k, "against");
  return halt || (oppose && halt_asserted(R, k, m)) ? k : UINT32_MAX;
}

/* The scope of attack m after halt_at: a halted attack is negated, and a
 * negated halt ("we will never stop killing them") asserts it. */
static scope halt_scope(const run *R, const mention *m, scope sc,
                        const mention *neg) {
  uint32_t h = halt_at(R, m);
  if (h == UINT32_MAX)
    return sc;
  if (sc == SC_ASSERTED)
    return SC_NEGATED;
  if (sc == SC_NEGATED && neg && neg->te <= h)
    return SC_ASSERTED;
  return sc;
}

static bool adverb_like(const run *R, uint32_t k);

/* Is the word w (l bytes) a form of "take"? taken_back and
 * taken_back_text both ask it, and object_of_denied_act's verbs of
 * admitting start with it. */
static bool take_word(const char *w, size_t l) {
  static const char *const takes[] = {"take", "takes", "took", "taking",
                                      "taken"};
  return dc_word_in(w, l, takes, sizeof takes / sizeof takes[0]);
}

/* Does a scare frame (an allow entry flagged `scare`: "so called")
 * start at token k? */
static bool scare_at(const run *R, uint32_t k) {
  if (!kind_at(R, k, DC_KIND_ALLOW))
    return false;
  for (size_t i = R->rs->first[k]; i < R->rs->nm && R->rs->m[i].tb == k; i++)
    if (is_scare(R, &R->rs->m[i]))
      return true;
  return false;
}

/* Does token k name a way of calling, seeing or treating someone ("call
 * them", "see them as", "consider", "like"), after which a negation
 * denies the label itself ("don't call them invaders")? The words of
 * calling and saying ("call", "calls", "calling", "called", "say",
 * "says") are reports (grammar.tsv, scope.tsv), which
 * object_of_denied_act, the one caller, tests first: a report is dropped
 * only inside a longer allow entry, and of those only "so called" (a
 * scare frame, tested there by its flag) and "call a spade a spade" (five
 * words, more than the four the caller reads) hold one. */
static bool naming_word(const run *R, uint32_t k) {
  static const char *const words[] = {
      "consider", "considers", "label",   "labels",   "labelling", "labeling",
      "see",      "sees",      "view",    "views",    "regard",    "regards",
      "think",    "thinks",    "believe", "believes", "treat",     "treats",
      "name",     "describe",  "as",      "like",     "mean",      "means",
      "use",      "find"};
  const tok *t = &R->rs->toks[k];
  if (t->type != TK_WORD)
    return false;
  return dc_word_in(R->n->text + t->b, t->e - t->b, words,
                    sizeof words / sizeof words[0]);
}

/* Tokens [v, te) between a negated verb (from it on) and the noun it
 * takes: at most max words, quote marks between, none that makes the noun
 * a label or a predicate (a linking verb, a report, a naming word,
 * another negation, a humanity word, a scare frame, "to", "be", "of"). */
static bool words_between_ok(const run *R, uint32_t v, uint32_t te,
                             unsigned max) {
  const tok *t = R->rs->toks;
  unsigned words = 0;
  for (uint32_t k = v; k < te; k++) {
    if (t[k].type != TK_WORD) {
      if (t[k].type != TK_PUNCT || (t[k].ch != '"' && t[k].ch != '\''))
        return false;
      continue;
    }
    if (++words > max)
      return false;
    if (kind_at(R, k, DC_KIND_COPULA) || kind_at(R, k, DC_KIND_REPORT) ||
        kind_at(R, k, DC_KIND_NEGATION) || kind_at(R, k, DC_KIND_HUMANITY) ||
        scare_at(R, k) || naming_word(R, k) || tok_is_word(R, k, "to") ||
        tok_is_word(R, k, "be") || tok_is_word(R, k, "of"))
      return false;
  }
  return true;
}

/* "Mexico won't take back invaders", "we don't need more parasites": a
 * negated verb of admitting or wanting denies the act, not what its
 * object is called; the dehumanizing noun right after the verb (an
 * article, adjectives or quote marks between, at most three words) is
 * still the writer's word. "They are not invaders", "don't call them
 * invaders", "I don't see them as animals" still deny it. */
static bool object_of_denied_act(const run *R, const mention *neg,
                                 const mention *m) {
  const tok *t = R->rs->toks;
  const dc_entry *e = ent(R, m);
  if (m->kind != DC_KIND_DEHUMANIZE || neg->te >= m->tb ||
      (ent(R, neg)->flags & DC_F_COPULA))
    return false;
  /* "Do not do business with Muslim cockroaches": a plural noun phrase
   * that names the group by an identity word and the noun together
   * refers to the people by it, whatever the negated verb does to them
   * (any verb, not only admitting). Not a singular noun, often a
   * modifier ("never mind that Muslim and Jewish animal slaughter is
   * ..."). */
  bool any_adj = false;
  const mention *idm =
      plural_hit(R, m) ? adjective_names(R, m, &any_adj) : NULL;
  bool named = idm && (!(ent(R, idm)->flags & DC_F_AMBIGUOUS) || any_adj);
  /* (an ambiguous word after a verb is as often the thing itself: "don't
   * eat pig", "nor domesticate any animals"; unless it names its group:
   * "invaders") */
  if ((e->flags & DC_F_AMBIGUOUS) && !e->categories && !named)
    return false;
  /* "are not", "were never": a negated linking verb */
  if (neg->tb > 0 &&
      (kind_at(R, neg->tb - 1, DC_KIND_COPULA) ||
       (mention_at(R, neg->tb - 1, DC_KIND_PRONOUN_GROUP) &&
        (ent(R, mention_at(R, neg->tb - 1, DC_KIND_PRONOUN_GROUP))->flags &
         DC_F_COPULA))))
    return false;
  uint32_t v = neg->te;
  while (v < m->tb && t[v].type == TK_WORD && adverb_like(R, v))
    v++;
  /* the verb, then at most three words before the noun (words counts
   * the verb too) */
  if (v >= m->tb || m->tb - v > 8 || t[v].type != TK_WORD || glue_at(R, v))
    return false;
  /* (the verb's own object: no "and" between, "did not exist lol and
   * the Jewish ...") */
  if (named) {
    for (uint32_t k = v; k < idm->tb; k++)
      if (tok_is_word(R, k, "and") || tok_is_word(R, k, "or") ||
          tok_is_word(R, k, "but"))
        return false;
    return words_between_ok(R, v, idm->tb, 4);
  }
  /* Only a verb of admitting, wanting or taking back: what is not let
   * in is still called what it is called. Other acts denied are often
   * games or stories ("we didn't kill the invaders, the game crashed"). */
  static const char *const admits[] = {
      "need",  "needs",  "want",     "wants",   "accept", "accepts", "let",
      "lets",  "admit",  "admits",   "allow",   "allows", "welcome", "import",
      "bring", "brings", "tolerate", "receive", "house",  "host"};
  const char *vw = R->n->text + t[v].b;
  size_t vl = t[v].e - t[v].b;
  if (!take_word(vw, vl) &&
      !dc_word_in(vw, vl, admits, sizeof admits / sizeof admits[0]))
    return false;
  return words_between_ok(R, v, m->tb, 4);
}

/* Token tb is in a question that opens with a frame of belief asking
 * whether what follows is true ("Is it true that ...?", a report flagged
 * `belief` at the sentence's first word, no other report after it up to
 * tb), and nothing in it denounces. */
static bool asks_claim(const run *R, uint32_t tb) {
  const sentence *s = sent_of(R, tb);
  if (!s->question)
    return false;
  /* "Is it racist to say Muslims are animals?", "Why is it racist to
   * say ...?": a charge of bigotry asked about, before "to" and a verb
   * of speech, so as to clear the claim; not "Isn't it racist to say
   * ...?", asked to make the charge. (A slur so asked about is a word
   * asked about: "Is it offensive to call a Jew a ...?" is rule_slur's,
   * which does not ask this.) */
  uint32_t lo = tb > s->tb + DISCLAIM_REACH ? tb - DISCLAIM_REACH : s->tb;
  for (size_t i = R->rs->first[lo]; i < R->rs->nm && R->rs->m[i].tb < tb; i++) {
    const mention *r = &R->rs->m[i];
    if (r->kind != DC_KIND_REPORT || r->te > tb || r->tb < s->tb + 2 ||
        !charge_to_say(R, r->tb))
      continue;
    if (!to_say_negated(R, s, r->tb) &&
        !has_kind_in(R, r->te, tb, DC_KIND_REPORT))
      return true;
  }
  const mention *f = mention_at(R, s->tb, DC_KIND_REPORT);
  if (!f || !(ent(R, f)->flags & DC_F_BELIEF))
    return false;
  if (denounces(R, s))
    return false;
  /* (not "Is it true that people call Jews vermin?", which asks about
   * others' words) */
  return f->te <= tb && !has_kind_in(R, f->te, tb, DC_KIND_REPORT);
}

static bool wouldnt_mind(const run *R, const mention *m, const sentence *s);
static bool answered_yes(const run *R, const sentence *s);

/* "Jews never stop scheming is exactly the kind of antisemitic garbage we
 * report here": the claim is the subject of a linking verb right after
 * it, whose predicate names it a bigotry (a `denounce` entry that is no
 * mere judgement, not negated): the writer quotes it to condemn it. */
static bool claim_named_bigotry(const run *R, const mention *m) {
  const sentence *s = sent_of(R, m->tb);
  if (m->te >= s->te ||
      !(tok_is_word(R, m->te, "is") || tok_is_word(R, m->te, "was")) ||
      !R->denounce_any)
    return false;
  for (size_t i = R->rs->first[m->te]; i < R->rs->nm; i++) {
    const mention *d = &R->rs->m[i];
    if (d->tb >= s->te || d->tb > m->te + 8)
      break;
    if (d->kind == DC_KIND_DENOUNCE && !(ent(R, d)->flags & DC_F_JUDGE) &&
        !(kinds_before(R, d->tb) & KIND_BIT(NEGATION))) {
      /* (not "... is antisemitic, but true") */
      for (uint32_t k = d->te; k < s->te; k++)
        if (tok_is_word(R, k, "but") || tok_is_word(R, k, "true"))
          return false;
      return true;
    }
  }
  return false;
}

/* "The database wrongly listed thousands of Latino kids as gang
 * members", "migrants deported as gang members": a stereotype noun after
 * "as" and a past participle is a label others gave, which the sentence
 * reports. */
static bool label_given(const run *R, const mention *m) {
  if (!(ent(R, m)->flags & DC_F_NOUN) || m->tb < 2 ||
      !tok_is_word(R, m->tb - 1, "as"))
    return false;
  /* (the participle a few words back in the clause: "listed thousands
   * of Latino kids as ...") */
  const tok *tk = R->rs->toks;
  for (uint32_t k = m->tb - 1;
       k-- > 0 && k + 7 > m->tb && tk[k].clause == tk[m->tb].clause;) {
    if (tk[k].type == TK_WORD && tk[k].e - tk[k].b > 3 && ends_ed(R, k) &&
        !kind_at(R, k, DC_KIND_IDENTITY))
      return true;
  }
  return false;
}

/* An attack term linked to a protected group: the core rule. */
static decorum_status attack_on_group(run *R, const mention *m, const target *t,
                                      decorum_signal sig, float w,
                                      bool from_ctx) {
  const dc_entry *e = ent(R, m);
  const mention *neg;
  scope sc = scope_of(R, m->tb, m->te, &neg);
  /* A claim about a group (a stereotype) that the next sentence calls a
   * lie or racist is told to be rebutted; a slur, a threat or a
   * dehumanizing word is not taken back that way ("Gas the kikes.
   * That's antisemitic lol"). */
  if (sc == SC_ASSERTED && m->kind == DC_KIND_STEREOTYPE && rebutted(R, m->tb))
    sc = SC_COUNTER;
  if (sc == SC_ASSERTED && m->kind == DC_KIND_STEREOTYPE &&
      (claim_named_bigotry(R, m) || label_given(R, m)))
    sc = SC_COUNTER;
  if (t->reclaimed)
    return DECORUM_OK; /* "my fellow crips and I are sick of ..." */
  /* "No Sikh should ever be allowed to ...": the negator completes an
   * entry that means its negation; without one (or a question: "should
   * they ever be allowed to vote?") it says nothing. */
  if (e->flags & DC_F_NEGATED) {
    if (sc == SC_NEGATED)
      sc = SC_ASSERTED;
    else if (sc == SC_ASSERTED && !sent_of(R, m->tb)->question)
      return DECORUM_OK;
  }
  if (sc == SC_NEGATED && neg && object_of_denied_act(R, neg, m))
    sc = SC_ASSERTED;
  /* "Wouldn't shed a tear if a truck ploughed through ...": the
   * negation is of the writer's grief, not of the deed */
  if (sc == SC_NEGATED && m->kind == DC_KIND_THREAT &&
      wouldnt_mind(R, m, sent_of(R, m->tb)))
    sc = SC_ASSERTED;
  if (sc == SC_ASSERTED && answered_no(R, m->tb))
    sc = SC_NEGATED; /* "Are immigrants filthy? No, ..." */
  sc = halt_scope(R, m, sc, neg);
  /* "Kill all the Jews he said": a call to violence with only a bare
   * "he said" after it, no quote marks and no stance, is read as the
   * writer's own words at a person's reading (review), not cleared as
   * reported speech: nothing but the two words tells the two apart.
   * Dehumanizing and other words so reported stay reports ("Jews are
   * rats he said"), as does a threat quoted or denounced. */
  bool bare = sc == SC_REPORTED && m->kind == DC_KIND_THREAT &&
              ((e->flags & DC_F_SEVERE) || e->severity >= 3) &&
              bare_said_after(R, m->tb);
  if (bare) {
    sc = SC_ASSERTED;
    w *= 0.75f;
  }
  /* "Is it true that Jews are vermin?": a question that opens by
   * asking whether a claim is true puts the claim; a fact may be asked
   * about ("Is it true that Jews control the media?" stays a report),
   * but calling people vermin is no fact to check: the question
   * dehumanizes (at a person's reading, as questions do). */
  if ((sc == SC_REPORTED || sc == SC_COUNTER) &&
      m->kind == DC_KIND_DEHUMANIZE && asks_claim(R, m->tb))
    sc = SC_ASSERTED;
  if (sc != SC_ASSERTED) {
    char what[96];
    return mitigate(R, m->b, m->e, sc, quote_mention(R, m, LIT("'"), what));
  }
  const sentence *qs = sent_of(R, m->tb);
  if (qs->question) {
    R->out->rf[DC_RF_QUESTION] = 1;
    /* "Why should we keep useless eaters alive?": "why" and a modal
     * opening the question ask nothing; it asserts in full. */
    if (!(tok_is_word(R, qs->tb, "why") && qs->tb + 1 < qs->te &&
          mention_at(R, qs->tb + 1, DC_KIND_MODAL)))
      w *= 0.9f;
  }
  char buf[128];
  piece label = target_label(R, t, buf, sizeof buf);
  finding_spec fs = {0};
  fs.b = m->b;
  fs.e = m->e;
  fs.signal = sig;
  fs.attribute =
      sig == DECORUM_SIGNAL_THREAT ? DECORUM_THREAT : DECORUM_IDENTITY_ATTACK;
  fs.categories = t->categories;
  fs.weight = w;
  fs.hate = true;
  fs.severe = (e->flags & DC_F_SEVERE) || e->severity >= 3;
  if (from_ctx)
    fs.flags |= DECORUM_SPAN_CONTEXT;
  uint32_t r;
  decorum_status st = REASON(
      R, &r, signal_verb(sig), LIT(" aimed at "), label,
      from_ctx ? LIT(" (named in the context)") : LIT(""), LIT(": "),
      entry_why(e), mention_note(R, m),
      bare ? LIT(" (told with only a bare 'he said' after it)") : LIT(""));
  if (st != DECORUM_OK)
    return st;
  return emit(R, &fs, r);
}

/* A person no target word names: "kill him", "dumb bitch"
 * (attack_on_other says "someone"). */
static const target someone = {.type = TG_PRONOUN, .entry = -1};

/* Attack language aimed at a person or a non-protected target: toxic, not
 * hate. Counted for the model whether or not it is asserted; weighed in
 * full at the person addressed, by 3/4 elsewhere. */
static decorum_status attack_on_other(run *R, const mention *m, const target *t,
                                      decorum_signal sig,
                                      decorum_attribute attr, float w) {
  const dc_entry *e = ent(R, m);
  R->untargeted = true;
  if (t->type == TG_YOU)
    R->out->rf[DC_RF_INSULT_YOU] = 1;
  R->out->rf[DC_RF_INSULT_ANY] = 1;
  const mention *neg;
  scope sc = scope_of(R, m->tb, m->te, &neg);
  if (halt_scope(R, m, sc, neg) != SC_ASSERTED)
    return DECORUM_OK;
  finding_spec fs = {0};
  fs.b = m->b;
  fs.e = m->e;
  fs.signal = sig;
  fs.attribute = attr;
  fs.weight = t->type == TG_YOU ? w : w * 0.75f;
  fs.severe = attr == DECORUM_THREAT && (e->flags & DC_F_SEVERE);
  piece who = t->type == TG_YOU  ? LIT("the person addressed")
              : t->type == TG_NP ? LIT("a non-protected target")
                                 : LIT("someone");
  uint32_t r;
  decorum_status st = REASON(R, &r, signal_verb(sig), LIT(" aimed at "), who,
                             LIT(" (not a protected group): "), entry_why(e),
                             mention_note(R, m));
  if (st != DECORUM_OK)
    return st;
  return emit(R, &fs, r);
}

/* How far "take back" reaches for its object, in the comment's tokens
 * (taken_back) and in a context's text (taken_back_text) alike: at most
 * TAKE_BACK_WORDS words between "back" and the word, besides quote marks
 * and one determiner right after "back" ("take back 'foreign' invaders",
 * "took back the illegal invaders"). The two had different limits (the
 * text two words of any sort, the tokens a determiner and two more), so
 * a title and a comment of the same words were read apart; the tokens'
 * limit is kept, as its cases (tests/data/golden) were the reviewed
 * ones. */
#define TAKE_BACK_WORDS 2

/* The determiners of a noun phrase after "take back" that no lexicon
 * entry marks: "the" and the quantifiers ("these", "all") are is_determiner's
 * (a mention), and the context's text asks its hits for them. */
static bool take_back_det(const char *w, size_t l) {
  static const char *const dets[] = {"a", "an", "our", "their"};
  return dc_word_in(w, l, dets, sizeof dets / sizeof dets[0]);
}

/* The kinds of the hits that start at byte b of a context's text (hits
 * hv, sorted by begin), as at[] holds them for a comment's token: bit k
 * for kind k. */
static uint64_t ctx_kinds_at(const run *R, const dc_hitvec *hv, uint32_t b) {
  size_t lo = 0, hi = hv->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (hv->v[mid].begin < b)
      lo = mid + 1;
    else
      hi = mid;
  }
  uint64_t kinds = 0;
  for (; lo < hv->n && hv->v[lo].begin == b; lo++)
    if (hv->v[lo].entry < R->lx->n)
      kinds |= (uint64_t)1 << R->lx->entries[hv->v[lo].entry].kind;
  return kinds;
}

/* Is the word at byte b of a context's text (normalized text, hits hv)
 * the object of "take back", as in the title "Mexico won't take back
 * 'foreign' invaders"? taken_back asks the same of the comment's tokens,
 * with the same reach (TAKE_BACK_WORDS) and the same words between; the
 * text has no tokens, so its words are runs of letters, and what the
 * lexicon knows of one its hits say. */
static bool taken_back_text(const run *R, const dc_hitvec *hv, const char *text,
                            uint32_t b) {
  uint32_t k = b, words = 0;
  bool det = false;
  for (;;) {
    while (k > 0 &&
           (text[k - 1] == ' ' || text[k - 1] == '"' || text[k - 1] == '\''))
      k--;
    uint32_t we = k;
    while (k > 0 && text[k - 1] >= 'a' && text[k - 1] <= 'z')
      k--;
    if (k == we)
      return false;
    if (we - k == 4 && memcmp(text + k, "back", 4) == 0)
      break;
    uint64_t kinds = ctx_kinds_at(R, hv, k);
    if ((we - k == 3 && memcmp(text + k, "the", 3) == 0) ||
        (kinds & KIND_BIT(QUANTIFIER)) || take_back_det(text + k, we - k)) {
      if (det)
        return false;
      det = true;
      continue;
    }
    if (det || ++words > TAKE_BACK_WORDS || kinds)
      return false;
  }
  while (k > 0 && text[k - 1] == ' ')
    k--;
  uint32_t vb = k;
  while (vb > 0 && text[vb - 1] >= 'a' && text[vb - 1] <= 'z')
    vb--;
  return take_word(text + vb, k - vb);
}

/* The parent or title is about migration. */
static bool migration_in_context(const run *R) {
  for (size_t c = 0; c < R->n_ctx; c++) {
    const dc_hitvec *hv = R->ctx[c].hits;
    for (size_t h = 0; h < hv->n; h++) {
      const dc_entry *e = &R->lx->entries[hv->v[h].entry];
      if (e->kind == DC_KIND_MIGRATION ||
          (e->kind == DC_KIND_IDENTITY &&
           (e->categories & (1u << DECORUM_CATEGORY_IMMIGRATION))))
        return true;
      /* a word for migrants that is taken back */
      if (e->kind == DC_KIND_DEHUMANIZE &&
          (e->categories & (1u << DECORUM_CATEGORY_IMMIGRATION)) &&
          taken_back_text(R, hv, R->ctx[c].norm->text, hv->v[h].begin))
        return true;
    }
  }
  return false;
}

/* The comment or its context is about migration: a migration word, or a
 * group of the immigration category. */
static bool migration_scan(const run *R) {
  if (any_kind(R, DC_KIND_MIGRATION))
    return true;
  for (size_t i = 0; any_kind(R, DC_KIND_IDENTITY) && i < R->rs->nm; i++) {
    const mention *m = &R->rs->m[i];
    if (m->kind == DC_KIND_IDENTITY &&
        (ent(R, m)->categories & (1u << DECORUM_CATEGORY_IMMIGRATION)))
      return true;
  }
  return migration_in_context(R);
}

/* A dehumanizing word for people in the plural ("cockroaches"; a mass
 * noun, flag `noun` and not `plural`: "vermin") whose sentence holds a
 * word of people arriving (flag `arrival`: "boatload", "our shores",
 * "crossing the Channel"; not "border", which has its collies and its
 * customs seizures, nor "asylum"), and no group: the people are those
 * who come. Not a word said of a
 * thing ("the asylum system is a parasite": singular), nor one that is
 * a thing as often (flag `thing`: "trash", "filth"). */
static bool migrants_in_sentence(const run *R, const mention *m) {
  const dc_entry *e = ent(R, m);
  if (!any_kind(R, DC_KIND_MIGRATION) || (e->flags & DC_F_THING) ||
      !(plural_hit(R, m) ||
        (e->flags & (DC_F_NOUN | DC_F_PLURAL)) == DC_F_NOUN))
    return false;
  const sentence *s = sent_of(R, m->tb);
  bool arrival = false;
  for (size_t i = R->rs->first[s->tb];
       i < R->rs->nm && R->rs->m[i].tb < s->te && !arrival; i++)
    arrival = R->rs->m[i].kind == DC_KIND_MIGRATION &&
              (ent(R, &R->rs->m[i])->flags & DC_F_ARRIVAL);
  if (!arrival)
    return false;
  /* things may be named ("The boats keep bringing ..."), not a group */
  for (size_t i = targets_from(R->rs, s->tb);
       i < R->rs->nt && R->rs->t[i].tb < s->te; i++)
    if (R->rs->t[i].type == TG_GROUP)
      return false;
  return true;
}

/* "These aren't asylum seekers, it's an invasion. Vermin pouring across
 * Roxham Road", "Refugees arrived today. Cockroaches flooding in by the
 * thousand": a dehumanizing word for people in the plural (or a mass
 * noun: "vermin") opening its clause, a verb of pouring in right after
 * it. Only in a comment about migration (migration_context, asked last):
 * "Rats pouring across the yard", "cockroaches swarming out of the
 * drains" are animals. */
static bool pours_in(const run *R, const mention *m) {
  static const char *const flow[] = {
      "pouring",  "pour",      "pours",       "flooding", "flood",
      "floods",   "streaming", "swarming",    "swarm",    "surging",
      "spilling", "flocking",  "crossing",    "sneaking", "invading",
      "storming", "piling",    "teeming",     "coming",   "arriving",
      "landing",  "washing",   "overrunning", "breaching"};
  const dc_entry *e = ent(R, m);
  const dc_rules_scratch *rs = R->rs;
  if ((e->flags & DC_F_THING) || m->te >= rs->ntok ||
      !(plural_hit(R, m) ||
        (e->flags & (DC_F_NOUN | DC_F_PLURAL)) == DC_F_NOUN))
    return false;
  /* (a linking verb or "keep" may come between: "Vermin are pouring
   * across the border", "The vermin keep pouring in") */
  uint32_t f = m->te;
  if (f + 1 < rs->ntok && rs->toks[f + 1].clause == rs->toks[f].clause &&
      (mention_at(R, f, DC_KIND_COPULA) || tok_is_word(R, f, "keep") ||
       tok_is_word(R, f, "keeps") || tok_is_word(R, f, "still")))
    f++;
  if (!word_among(R, f, f + 1, flow, sizeof flow / sizeof flow[0]))
    return false;
  /* (and a clause may open with what it means: "Open borders means
   * vermin pouring in") */
  uint32_t c = m->tb;
  while (c > 0 && rs->toks[c - 1].clause == rs->toks[m->tb].clause &&
         (is_determiner(R, c - 1) || tok_is_word(R, c - 1, "more") ||
          tok_is_word(R, c - 1, "and")))
    c--;
  if (c > 0 && rs->toks[c - 1].clause == rs->toks[m->tb].clause &&
      !tok_is_word(R, c - 1, "means") && !tok_is_word(R, c - 1, "mean") &&
      !(rs->toks[c - 1].type == TK_PUNCT && rs->toks[c - 1].ch == '='))
    return false;
  /* animals come out of holes and up from drains; people come in, across
   * and over ("rats pouring out of the grain store", "cockroaches coming
   * up through the drains"), and a setting of real animals (a `place`
   * flagged `thing`: the barn, the yard, the kitchen) says the same */
  uint32_t d = f + 1;
  if (d < rs->ntok &&
      (tok_is_word(R, d, "out") || tok_is_word(R, d, "up") ||
       tok_is_word(R, d, "down") || tok_is_word(R, d, "from") ||
       tok_is_word(R, d, "under") || tok_is_word(R, d, "through")))
    return false;
  for (size_t i = 0; i < rs->nm; i++)
    if (rs->m[i].kind == DC_KIND_PLACE &&
        (ent(R, &rs->m[i])->flags & DC_F_THING))
      return false;
  return true;
}

/* "Refugees in Calais live with rats. Rats pouring across the tents",
 * "Locusts swarming across East Africa are forcing farmers to become
 * refugees": the comment names a group in a sentence that also names the
 * animals of m's word, and does not say the word of the group (no
 * linking verb, no simile: predicated). The animals are beside the
 * people, as real animals are, not a name for them. Asked only of a flow
 * that pours_in found. */
static bool predicated(const run *R, const target *t, const mention *m);

static bool animals_beside_group(const run *R, const mention *m) {
  const dc_rules_scratch *rs = R->rs;
  for (size_t i = 0; i < rs->nm; i++) {
    const mention *o = &rs->m[i];
    if (o->entry != m->entry)
      continue;
    const sentence *s = sent_of(R, o->tb);
    for (size_t j = targets_from(rs, s->tb); j < rs->nt && rs->t[j].tb < s->te;
         j++)
      if (rs->t[j].type == TG_GROUP && !predicated(R, &rs->t[j], o))
        return true;
  }
  return false;
}

/* migration_scan's answer, worked out once per comment (R->migration_topic)
 * and only when an attack asks: most comments never do. */
static bool migration_context(run *R) {
  if (!R->migration_topic)
    R->migration_topic = migration_scan(R) ? 2 : 1;
  return R->migration_topic == 2;
}

/* Does the speaker mark in-group membership ("as a gay man", "we
 * queers")? Records the categories claimed. Called only when some mention
 * is of kind INGROUP (R->ingroup starts false), and out of line, as are
 * the other passes that few comments need: called for every comment, they
 * paid a prologue before their test. */
static unsigned hostility(const run *R, uint32_t si);
#define HOSTILE_WORD 2u

#define INGROUP_CLAIMS 4u

static __attribute__((noinline)) void find_ingroup(run *R) {
  for (size_t i = 0; i < R->rs->nm; i++) {
    const mention *m = &R->rs->m[i];
    if (m->kind != DC_KIND_INGROUP)
      continue;
    for (size_t j = i + 1; j < R->rs->nm; j++) {
      const mention *k = &R->rs->m[j];
      if (k->tb > m->te + 3)
        break;
      if (k->kind == DC_KIND_IDENTITY || k->kind == DC_KIND_SLUR) {
        /* "Being a dyke is disgusting", "Being a poof is a sin":
         * "being a" and its noun the subject of a linking verb
         * judge what one is; a claim is "Being a gay man, I ..."
         * or one with the writer in the sentence */
        const sentence *s = sent_of(R, m->tb);
        if (tok_is_word(R, m->tb, "being") && k->te + 1 < R->rs->ntok &&
            (kind_at(R, k->te, DC_KIND_COPULA) ||
             kind_at(R, k->te + 1, DC_KIND_COPULA)) &&
            !has_kind_in(R, s->tb, s->te, DC_KIND_PRONOUN_SELF) &&
            (hostility(R, R->rs->toks[m->tb].sent) & HOSTILE_WORD))
          continue;
        R->ingroup = true;
        R->ingroup_categories |= ent(R, k)->categories;
        if (k->kind == DC_KIND_IDENTITY) {
          if (R->n_ingroup_claims < INGROUP_CLAIMS)
            R->ingroup_claim[R->n_ingroup_claims] = k->entry;
          if (R->n_ingroup_claims <= INGROUP_CLAIMS)
            R->n_ingroup_claims++;
        }
      }
    }
  }
}

/* Attack language, swearing included. */
#define HOSTILE_KINDS                                                          \
  (KIND_BIT(DEHUMANIZE) | KIND_BIT(DEROGATE) | KIND_BIT(THREAT) |              \
   KIND_BIT(EXCLUSION) | KIND_BIT(HATE_VERB) | KIND_BIT(INSULT) |              \
   KIND_BIT(PROFANITY) | KIND_BIT(STEREOTYPE))

static bool hostile_kind(dc_kind k) { return (HOSTILE_KINDS >> k) & 1; }

/* m is the insult entry of a word that is a slur too ("hoe", "whore"):
 * the slur's own rules judge it, so it is no hostile word beside the slur
 * (a banter "hoes" would otherwise never be banter). */
static bool slur_as_insult(const run *R, const mention *m) {
  if (m->kind != DC_KIND_INSULT || !kind_at(R, m->tb, DC_KIND_SLUR))
    return false;
  const mention *sl = mention_at(R, m->tb, DC_KIND_SLUR);
  return sl && sl->te == m->te;
}

/* Does sentence si hold attack language other than slurs? Worked out once
 * per sentence: casual() asks it for every slur, twice, and a sentence can
 * hold thousands. */
/* sentence.hostile, worked out once: HOSTILE_SEEN, then HOSTILE_WORD for
 * a hostile word but swearing (an insult that is a slur's own entry not
 * counted), HOSTILE_ATTACK for one but swearing and insults. */
#define HOSTILE_SEEN 1u
#define HOSTILE_ATTACK 4u

/* A word that names a group for ranks_below: an identity word or a slur,
 * of a group other than a sex ("women are better than men" is no
 * ranking of peoples). */
static bool ranked_group(const run *R, const mention *o) {
  return (o->kind == DC_KIND_IDENTITY || o->kind == DC_KIND_SLUR) &&
         (ent(R, o)->categories & ~(1u << DECORUM_CATEGORY_SEX));
}

/* m, a comparison flagged `ranks` ("better than", "superior to"), ranks
 * one people below another: a group word (within five words before the
 * verb) is the subject of a linking verb at most three words before it ("white
 * people are (far) superior to", "whites are so much better than") and another
 * group word comes within three words after it ("... than n...s", "... to the
 * Mexicans"). The lower group is the one attacked, so it must name people: an
 * identity adjective in the plural or before a person noun ("better than
 * European by liberals", "better than Australian Labor" rank a culture and a
 * party), and not at something ("better than white people at
 * basketball" compares a skill; "at everything" is no skill), nor only
 * nations ("the French are
 * better than the Germans this season"). "I'm better than these n...s"
 * and "cats are better than dogs" rank no people: the words are
 * nothing. */
static bool ranks_below(const run *R, const mention *m) {
  const dc_rules_scratch *rs = R->rs;
  const sentence *s = sent_of(R, m->tb);
  uint32_t c = m->tb, lo = m->tb > s->tb + 3 ? m->tb - 3 : s->tb;
  while (c > lo && !mention_at(R, c - 1, DC_KIND_COPULA))
    c--;
  if (c == lo)
    return false;
  /* the subject within five words before the verb ("all white people
   * are"): a window, not the sentence, which a 64 KiB sentence of
   * rankings read again for each */
  uint32_t from = c > s->tb + 5 ? c - 5 : s->tb;
  bool upper = false, lower = false;
  uint32_t upper_cats = 0; /* the categories of the groups ranked above */
  for (size_t i = rs->first[from]; i < rs->nm; i++) {
    const mention *o = &rs->m[i];
    if (o->tb >= s->te || o->tb >= m->te + 3)
      break;
    if (!ranked_group(R, o))
      continue;
    if (o->te < c) {
      upper = true;
      upper_cats |= ent(R, o)->categories;
    }
    if (o->tb < m->te)
      continue;
    /* "The French are better than the Germans this season": one
     * nation above another is a team, a state or an economy
     * compared; a ranking of peoples names a race or a faith on one
     * side ("whites are superior to Mexicans") */
    if (!((upper_cats | ent(R, o)->categories) & ~NATION_CATEGORIES))
      continue;
    uint32_t end = o->te;
    if (end < s->te &&
        (mention_at(R, end, DC_KIND_PERSON) ||
         mention_at(R, end, DC_KIND_HUMANITY) ||
         mention_at(R, end, DC_KIND_IDENTITY) || tok_is_word(R, end, "ones")))
      end++;
    else if ((ent(R, o)->flags & DC_F_ADJ) && !plural_hit(R, o))
      continue;
    /* "better than white people at basketball": a skill, compared;
     * not "at everything", "at all things", "at anything": at all
     * that people do, the people ranked */
    lower |= !(end < s->te && tok_is_word(R, end, "at")) ||
             (end + 1 < s->te && (kind_at(R, end + 1, DC_KIND_QUANTIFIER) ||
                                  tok_is_word(R, end + 1, "everything") ||
                                  tok_is_word(R, end + 1, "anything")));
  }
  return upper && lower;
}

static unsigned hostility(const run *R, uint32_t si) {
  dc_rules_scratch *rs = R->rs;
  sentence *s = &rs->s[si];
  if (!s->hostile) {
    s->hostile = HOSTILE_SEEN;
    for (size_t i = s->tb < rs->ntok ? rs->first[s->tb] : rs->nm;
         i < rs->nm && rs->m[i].tb < s->te; i++) {
      unsigned k = rs->m[i].kind;
      /* (not a wished death: hostile_word) */
      if (((HOSTILE_KINDS & ~(KIND_BIT(PROFANITY) | KIND_BIT(INSULT))) >> k) &
              1 &&
          !(ent(R, &rs->m[i])->flags & DC_F_WISHED) &&
          !((ent(R, &rs->m[i])->flags & DC_F_RANKS) &&
            !ranks_below(R, &rs->m[i]))) {
        s->hostile |= HOSTILE_WORD | HOSTILE_ATTACK;
        break;
      }
      if (k == DC_KIND_INSULT && !slur_as_insult(R, &rs->m[i])) {
        s->hostile |= HOSTILE_WORD;
        s->insult_end = rs->m[i].tb + 1;
      }
    }
  }
  return s->hostile;
}

static bool hostile_in(const run *R, uint32_t si) {
  return hostility(R, si) & HOSTILE_WORD;
}

/* A reclaimable slur in a sentence that attacks no one: no hostile word
 * besides swearing, not said of a subject ("women are ..."), not hurled at
 * the person addressed ("you ..."), not plural after a group-naming
 * determiner. */
static bool casual(const run *R, const mention *m, bool self_said) {
  /* m is a slur, never one of the hostile kinds */
  if (hostile_in(R, R->rs->toks[m->tb].sent))
    return false;
  /* "you're a little bitch" puts three words between. Said of a subject
   * ("women are bitches") it is aimed at them; but a banter word used as
   * an adjective right after the verb (no article, not a plural noun)
   * describes ("my friend is queer"). */
  bool adjective = (ent(R, m)->flags & DC_F_BANTER) && m->tb > 0 &&
                   !plural_hit(R, m) &&
                   mention_at(R, m->tb - 1, DC_KIND_COPULA);
  uint32_t from = m->tb > 3 ? m->tb - 3 : 0;
  for (uint32_t k = from; k < m->tb; k++)
    if ((!self_said && !adjective && k + 2 >= m->tb &&
         mention_at(R, k, DC_KIND_COPULA)) ||
        mention_at(R, k, DC_KIND_PRONOUN_YOU) ||
        mention_at(R, k, DC_KIND_QUANTIFIER))
      return false;
  return true;
}

/* A banter slur for women in the plural ("hoes", "bitches") pointed at
 * particular people and said of no group: after "you"/"y'all" or a
 * demonstrative ("these hoes ain't loyal", "y'all bitches"; not "so many
 * ..."), with no linking verb that says it of a subject ("women are
 * bitches"), no identity word before it, and no attack in its sentence but
 * insults and swearing ("I hate hoes" is not this). Davidson's and
 * HateXplain's annotators call such uses offensive, not hate: it is an
 * insult at those people (rule_slur). In the singular it is
 * singular_slur's; a slur with a group besides women ("them n...s", "that
 * crip") stays the slur. *to_you is set when the people addressed are
 * meant. */
static bool banter_at_people(const run *R, const mention *m, bool *to_you) {
  if (!(ent(R, m)->flags & DC_F_BANTER) || m->tb == 0 || !plural_hit(R, m) ||
      identity_ends_at(R, m->tb) ||
      (ent(R, m)->categories & ~(1u << DECORUM_CATEGORY_SEX)))
    return false;
  const sentence *s = sent_of(R, m->tb);
  bool pointed = false;
  *to_you = false;
  uint32_t from = m->tb > s->tb + 3 ? m->tb - 3 : s->tb;
  for (uint32_t k = from; k < m->tb; k++) {
    if (k + 2 >= m->tb && mention_at(R, k, DC_KIND_COPULA))
      return false;
    if (mention_at(R, k, DC_KIND_PRONOUN_YOU))
      pointed = *to_you = true;
    else if (tok_is_word(R, k, "these") || tok_is_word(R, k, "those") ||
             tok_is_word(R, k, "them") || tok_is_word(R, k, "dem"))
      pointed = true;
  }
  /* the sentence's answer is worked out once (a 64 KiB chant of "...
   * hoes" read it for each) */
  return pointed && !(hostility(R, R->rs->toks[m->tb].sent) & HOSTILE_ATTACK);
}

/* "... and proud" right after the slur m, the motto of a pride that ends
 * its clause or says where or of what ("batty man and proud at Pride JA",
 * "Paki and proud of it", "... and proud to be"). Pride in a deed is
 * sarcasm at the group, no motto ("a Paki and proud of nicking jobs"). */
static bool and_proud(const run *R, const mention *m, const sentence *s) {
  static const char *const where[] = {"at",      "in",    "since", "always",
                                      "forever", "every", "today"};
  static const char *const of[] = {"it",  "that", "this",  "my",
                                   "our", "who",  "where", "being"};
  uint32_t k = m->te + 2;
  if (k > s->te || !tok_is_word(R, m->te, "and") ||
      !tok_is_word(R, m->te + 1, "proud"))
    return false;
  if (k == s->te || R->rs->toks[k].type != TK_WORD)
    return true;
  if (word_among(R, k, k + 1, where, sizeof where / sizeof where[0]))
    return true;
  if (k + 1 < s->te && tok_is_word(R, k, "to"))
    return tok_is_word(R, k + 1, "be");
  return k + 1 < s->te && tok_is_word(R, k, "of") &&
         word_among(R, k + 1, k + 2, of, sizeof of / sizeof of[0]);
}

/* "Proud wog here, ...", "Old poof here.": the self-introduction of a
 * forum, the slur in the singular opening its sentence (after at most
 * two words of introduction) and "here" ending its clause. What the
 * sentence says next is the writer's ("..., Mum's moussaka beats your
 * nan's roast"): a "you" after it addresses no one by the slur. So is
 * the motto "X and proud" (and_proud), where the words before the slur
 * may also name the writer's other groups ("British Paki and proud",
 * "queer Jamaican b... man and proud"). */
static bool self_intro(const run *R, const mention *m) {
  static const char *const intro[] = {"proud", "old",      "a",      "an",
                                      "just",  "resident", "fellow", "token"};
  const sentence *s = sent_of(R, m->tb);
  if (m->tb > s->tb + 2 || m->te >= s->te || plural_hit(R, m))
    return false;
  bool motto = and_proud(R, m, s);
  if (!motto &&
      (!tok_is_word(R, m->te, "here") ||
       (m->te + 1 < s->te && R->rs->toks[m->te + 1].type != TK_PUNCT)))
    return false;
  for (uint32_t k = s->tb; k < m->tb; k++)
    if (!word_among(R, k, k + 1, intro, sizeof intro / sizeof intro[0]) &&
        !(motto && kind_at(R, k, DC_KIND_IDENTITY)))
      return false;
  return true;
}

/* Is token k a list's separator (a comma, "&", "and"), or else one of
 * its describing words (no pronoun, negator or linking verb)? 0 neither,
 * 1 a word, 2 a separator. */
static int list_piece(const run *R, uint32_t k) {
  const tok *t = &R->rs->toks[k];
  if (t->type == TK_PUNCT)
    return t->ch == ',' || t->ch == '&' ? 2 : 0;
  if (t->type != TK_WORD || kind_at(R, k, DC_KIND_PRONOUN_SELF) ||
      kind_at(R, k, DC_KIND_PRONOUN_YOU) ||
      kind_at(R, k, DC_KIND_PRONOUN_GROUP) || kind_at(R, k, DC_KIND_NEGATION) ||
      kind_at(R, k, DC_KIND_COPULA) || tok_is_word(R, k, "that's") ||
      tok_is_word(R, k, "thats"))
    return 0;
  return tok_is_word(R, k, "and") ? 2 : 1;
}

/* The slur is one of a list of words the writer describes themselves by
 * ("I'm fat, femme, faggy and fabulous"; "fat, femme, faggy and
 * fabulous, that's literally my whole dating profile", "..., that's me"):
 * the list right after "I'm" or "we're", or opening the sentence and
 * owned by "that's" + the writer ("me", "us", or "my"/"our" and a word
 * for how one presents oneself: profile, bio, vibe). Said of anyone
 * else ("you're fat, femme and ...", "..., that's every gay guy here",
 * "..., that's my neighbour") it is not. */
static bool self_list(const run *R, const mention *m, const sentence *s) {
  static const char *const shown[] = {
      "profile", "bio",      "vibe",  "vibes",       "aesthetic",
      "brand",   "identity", "motto", "personality", "life"};
  /* one word an item, words and separators in turn: "sick of f...s,
   * d...s and ..." is no list of the writer's traits */
  uint32_t a = m->tb, b = m->te, items = 1;
  while (a >= s->tb + 2 && a + 12 > m->tb && list_piece(R, a - 1) == 2 &&
         list_piece(R, a - 2) == 1) {
    a -= 2;
    items++;
  }
  while (b + 1 < s->te && b < m->te + 12 && list_piece(R, b) == 2 &&
         list_piece(R, b + 1) == 1) {
    b += 2;
    items++;
  }
  if (items < 3) /* a list of three or more */
    return false;
  if (a > s->tb) {
    uint32_t k = a - 1;
    return tok_is_word(R, k, "i'm") || tok_is_word(R, k, "im") ||
           tok_is_word(R, k, "we're") ||
           (kind_at(R, k, DC_KIND_COPULA) && k > s->tb &&
            (tok_is_word(R, k - 1, "i") || tok_is_word(R, k - 1, "we")));
  }
  /* then a comma, a dash or a colon */
  if (b < s->te && R->rs->toks[b].type == TK_PUNCT)
    b++;
  if (b >= s->te ||
      !(tok_is_word(R, b, "that's") || tok_is_word(R, b, "thats")))
    return false;
  for (uint32_t k = b + 1; k < s->te && k <= b + 3; k++) {
    if (kind_at(R, k, DC_KIND_NEGATION))
      return false;
    if (tok_is_word(R, k, "me") || tok_is_word(R, k, "us"))
      return true;
    if (tok_is_word(R, k, "my") || tok_is_word(R, k, "our"))
      return word_among(R, k + 1, k + 4 < s->te ? k + 4 : s->te, shown,
                        sizeof shown / sizeof shown[0]);
  }
  return false;
}

/* Does the slur e name only races, ethnicities or nationalities? Their
 * in-group reclaims them by a claim or "we p..is", not by the looser
 * company of first persons that gay slurs keep ("my f****t", "I love my
 * dyke wife"). */
static bool racial_only(const dc_entry *e) {
  return !(e->categories & ~((1u << DECORUM_CATEGORY_RACE) |
                             (1u << DECORUM_CATEGORY_ETHNICITY) |
                             (1u << DECORUM_CATEGORY_NATIONALITY)));
}

/* "I clocked the tranny", "we saw a tranny at the gym": a verb of the
 * writer (k is the first-person pronoun) whose object the slur is, after
 * a determiner, names someone else. Not a linking verb or a verb of
 * being or naming ("I'm a dyke", "I am just a queer", "I'd rather be a
 * fag", "I identify as a dyke", "I call myself a queer"), nor one of
 * love, whose partner is as likely the writer's own kind. */
static bool writers_object(const run *R, uint32_t k, const mention *m) {
  /* (linking verbs are copula mentions, asked below) */
  static const char *const be[] = {
      "as", "like", "im", "i'm", "called", "call", "myself", "ourselves",
      "just", "only", "still", "also", "proud", "identify", "identified",
      "feel", "felt", "born", "raised",
      /* the writer's partner is most often of the writer's own group:
       * "I married a dyke and we are happy" */
      "married", "marry", "dating", "dated", "date", "love", "loved", "kissed",
      "wed", "fancy", "fell"};
  static const char *const subj[] = {"i",    "we",    "i'd", "we'd",
                                     "i'll", "we'll", "id",  "ill"};
  const dc_rules_scratch *rs = R->rs;
  /* (the writer as the subject, not "me", "my": "cheating on me with a
   * fag" is the cigarette; nor a slur also said in banter: "I'd cut a
   * bitch over that" is an insult at one person) */
  if (!word_among(R, k, k + 1, subj, sizeof subj / sizeof *subj) ||
      (ent(R, m)->flags & DC_F_BANTER) || m->tb < k + 3 ||
      !(is_determiner(R, m->tb - 1) || a_or_an(R, m->tb - 1) ||
        tok_is_word(R, m->tb - 1, "that") || tok_is_word(R, m->tb - 1, "this")))
    return false;
  for (uint32_t j = k + 1; j + 1 < m->tb; j++)
    if (rs->toks[j].type != TK_WORD || kind_at(R, j, DC_KIND_COPULA) ||
        word_among(R, j, j + 1, be, sizeof be / sizeof *be))
      return false;
  return true;
}

/* The writer speaks of themselves next to the slur: "we dykes", "I'm a
 * proud homo", "queers like me", or as the subject it is said of ("me and
 * my girls are bad ..."). A first person elsewhere in the sentence says
 * nothing about it ("I'm just upset they got f*** on this show", "this f***
 * in front of me", "f*** disgust me"), nor does a possessive subject ("my
 * neighbour is a f***"). */
static bool self_beside(const run *R, const mention *m) {
  const sentence *s = sent_of(R, m->tb);
  /* "Being a fat old poof in Brighton is the best life": the writer's
   * own life, told with a word of approval ("Being a fag is a sin" is
   * no such telling) */
  if (tok_is_word(R, s->tb, "being") && m->tb <= s->tb + 5 &&
      a_or_an(R, s->tb + 1) && has_kind_in(R, m->te, s->te, DC_KIND_POSITIVE))
    return true;
  /* Every way below needs a first person: most comments have none. */
  if (!any_kind(R, DC_KIND_PRONOUN_SELF))
    return false;
  uint32_t from = m->tb > s->tb + 3 ? m->tb - 3 : s->tb;
  for (uint32_t k = from; k < m->tb; k++) {
    /* Not the subject of a verb whose object the slur is: "I hate
     * that f***" ("hate that" is an object entry, the hate verb has
     * yielded to it) aims the slur at someone else. Only a singular
     * slur or one that ends its clause is that object: before a
     * plural and its verb "that" opens a clause, which the writer
     * speaks beside as before ("I hate that dykes get harassed",
     * "... that fags like us can't marry"). */
    /* Nor others the writer sees: a racial slur with words between
     * it and the writer's "I" or "we" and no linking verb ("I often
     * see p..is claim to be white"): its in-group says "we p..is".
     * (One person the writer's verb gets or meets, "We got a p..i as
     * our new doctor", is writers_object's.) */
    if ((tok_is_word(R, k, "we") || tok_is_word(R, k, "i")) && m->tb > k + 1 &&
        racial_only(ent(R, m)) && !(ent(R, m)->flags & DC_F_BANTER) &&
        !has_kind_in(R, k, m->tb, DC_KIND_COPULA))
      return false;
    if (mention_at(R, k, DC_KIND_PRONOUN_SELF))
      return (!has_kind_in(R, k + 1, m->tb, DC_KIND_OBJECT) &&
              !writers_object(R, k, m)) ||
             ((plural_hit(R, m) || plural_term(ent(R, m))) && m->te < s->te &&
              R->rs->toks[m->te].type != TK_PUNCT);
    if (k + 2 >= m->tb && mention_at(R, k, DC_KIND_COPULA)) {
      /* the subject: "me and my girls are", "we are"; not "my
       * neighbour is", whose possessive owns the neighbour */
      for (uint32_t j = k > s->tb + 4 ? k - 4 : s->tb; j < k; j++)
        if (mention_at(R, j, DC_KIND_PRONOUN_SELF) &&
            !tok_is_word(R, j, "my") && !tok_is_word(R, j, "our"))
          return true;
      /* "Being queer is part of who I am": the property, owned
       * anywhere in the sentence. */
      if (tok_is_word(R, k, "being") &&
          has_kind_in(R, s->tb, s->te, DC_KIND_PRONOUN_SELF))
        return true;
    }
  }
  /* "a bit of a wog myself", "I'm a dyke myself": the writer names
   * themselves by it */
  if (m->te < s->te && tok_is_word(R, m->te, "myself"))
    return true;
  /* "queers like me"; not "queers disgust me" */
  return m->te + 1 < s->te && tok_is_word(R, m->te, "like") &&
         mention_at(R, m->te + 1, DC_KIND_PRONOUN_SELF);
}

/* The n-word's -a form and its spellings (a banter slur of race alone)
 * where casual() would not have it: after a determiner or a quantifier,
 * at the person addressed, said of a subject ("these n...s be actin
 * like ...", "all these n...s makin babies", "ain't you at work n...?").
 * In most such comments it is a word for people in Black speech, and
 * Davidson's and HateXplain's annotators call them offensive or normal,
 * not hate. It stays the slur where the comment attacks anyone for race:
 * a dehumanizing, derogating, threatening, excluding or stereotyping word
 * or a hate verb in its sentence, a two-word threat or exclusion verb
 * split around it ("string these n...s up", "send these n...s back"),
 * an insult said of them by a linking verb ("these n...s are so
 * stupid") or, the verb dropped, after an intensifier ("these n...s so
 * stupid"), another word of race in the comment (an
 * identity word, a slur that is not banter); and where it is disguised
 * (leet, masks, look-alikes, spaced or split letters), which is how a
 * filter is dodged, not how the word is used among friends. Each answer
 * that is the comment's or a sentence's is worked out once (a 64 KiB
 * chant of "these n...s" asks for every one). */
static bool a_form_banter(run *R, const mention *m) {
  const dc_rules_scratch *rs = R->rs;
  if (ent(R, m)->categories != 1u << DECORUM_CATEGORY_RACE ||
      m->how != DC_HIT_EXACT ||
      (evasion_flags(R, m->b, m->e) & ~(uint32_t)DC_EV_STRETCH))
    return false;
  if (!R->race_named) {
    R->race_named = 1;
    for (size_t i = 0; i < rs->nm; i++) {
      const mention *o = &rs->m[i];
      const dc_entry *oe = ent(R, o);
      if ((o->kind == DC_KIND_IDENTITY &&
           (oe->categories & (1u << DECORUM_CATEGORY_RACE))) ||
          (o->kind == DC_KIND_SLUR && !(oe->flags & DC_F_BANTER))) {
        R->race_named = 2;
        break;
      }
    }
  }
  uint32_t si = rs->toks[m->tb].sent;
  uint32_t v;
  if (R->race_named == 2 || (hostility(R, si) & HOSTILE_ATTACK) ||
      split_verb_around(R, m->tb, m->te, &v))
    return false;
  /* with no attack word in the sentence, hostility() read all of it */
  const sentence *s = &rs->s[si];
  for (uint32_t k = m->te; k < m->te + 2 && k < s->te; k++)
    if (mention_at(R, k, DC_KIND_COPULA) && s->insult_end > k + 1)
      return false;
  /* The same insult with the linking verb dropped but an intensifier
   * kept: "these n...s so stupid", "too dumb", "hella ignorant". */
  if (s->insult_end > m->te + 1 && m->te + 1 < s->te &&
      (tok_is_word(R, m->te, "so") || tok_is_word(R, m->te, "too") ||
       tok_is_word(R, m->te, "hella") || tok_is_word(R, m->te, "mad")) &&
      mention_at(R, m->te + 1, DC_KIND_INSULT) &&
      !slur_as_insult(R, mention_at(R, m->te + 1, DC_KIND_INSULT)))
    return false;
  /* A dog whistle in its sentence ("every n... a thug", "these n...s
   * are thugs"), read once a sentence. Tried and left out, as the data
   * calls them offensive more than hate: an insult right after it with
   * the linking verb dropped ("these n...s retarded": 4 rows toward the
   * label, 15 away) and a modal of obligation ("should", "gotta": 1
   * toward, 8 away). */
  if (R->aform_sent != si + 1) {
    R->aform_sent = si + 1;
    R->aform_whistle = has_kind_in(R, s->tb, s->te, DC_KIND_DOGWHISTLE);
  }
  return !R->aform_whistle;
}

/* Does the writer say they are one of the slur e's own group, by a
 * linking verb and the identity word right after it ("i'm trans and my
 * stream is just t... gremlin energy", "we're gay, ...", "I'm Greek" and
 * "wog", a slur for Greeks among others)? The group itself,
 * not its category: "I'm straight and f...s are gross" claims nothing of
 * gay people; and "I'm not trans" puts a negator between. Asked only of a
 * reclaimable slur not yet claimed, in a comment with a first person. */
static bool self_named_as(const run *R, const dc_entry *e) {
  const dc_rules_scratch *rs = R->rs;
  for (size_t i = 0; i < rs->nm; i++) {
    const mention *k = &rs->m[i];
    if (k->kind != DC_KIND_IDENTITY || k->tb == 0)
      continue;
    uint32_t p = k->tb - 1;
    if (!(tok_is_word(R, p, "i'm") || tok_is_word(R, p, "im") ||
          tok_is_word(R, p, "we're") ||
          (p > 0 && tok_is_word(R, p, "am") && tok_is_word(R, p - 1, "i")) ||
          (p > 0 && tok_is_word(R, p, "are") && tok_is_word(R, p - 1, "we"))))
      continue;
    const dc_entry *g = ent(R, k);
    if (names_group(e, g->group, g->group_len))
      return true;
  }
  return false;
}

/* May the writer's claim of a group of the slur e's category reclaim e?
 * A claim of e's own group does ("as a gay man" and a slur for gay men),
 * and so does one of a group that has reclaimable slurs of its own in
 * that category, whose members share the words ("as a lesbian" and a
 * slur for gay men, "as a gay man" and "dykes"). A group no reclaimable
 * slur names is no in-group of the slur's: "as a straight man, d...s are
 * gross", "as a white man, w...s are filthy" say it from outside. The
 * groups of reclaimable slurs are listed at load (dc_rules_new): a scan
 * of the lexicon here cost 556M instructions on a 36 KB comment of
 * claims and slurs (review of session 22). Slurs claimed by the writer's own
 * use ("we d...s") are not in the claims; they, and claims past INGROUP_CLAIMS,
 * keep the category's reading. */
static bool claim_covers(const run *R, const dc_entry *e) {
  if (R->n_ingroup_claims == 0 || R->n_ingroup_claims > INGROUP_CLAIMS)
    return true;
  bool any = false;
  for (uint32_t i = 0; i < R->n_ingroup_claims; i++) {
    const dc_entry *g = &R->lx->entries[R->ingroup_claim[i]];
    if (!(g->categories & e->categories))
      continue;
    any = true;
    if (names_group(e, g->group, g->group_len))
      return true;
    const dc_rules *r = R->rules;
    if (r->n_reclaim <= RECLAIM_GROUPS) {
      for (size_t k = 0; k < r->n_reclaim; k++)
        if ((r->reclaim_cats[k] & e->categories) &&
            r->reclaim_len[k] == g->group_len &&
            memcmp(r->reclaim_name[k], g->group, g->group_len) == 0)
          return true;
      continue;
    }
    for (size_t j = 0; j < R->lx->n && g->group_len; j++) {
      const dc_entry *o = &R->lx->entries[j];
      if (o->kind == DC_KIND_SLUR && (o->flags & DC_F_RECLAIMABLE) &&
          (o->categories & e->categories) &&
          names_group(o, g->group, g->group_len))
        return true;
    }
  }
  /* (the category came from a slur the writer claimed, not a word) */
  return !any;
}

/* Is the in-group reading of slur m undone by what its sentence says?
 * A claim of membership licenses the word, not an attack on the group:
 * "We f...s are an abomination and should be wiped out", "As a gay man,
 * I can say f...s are disgusting" say of the slur's group what an
 * outsider's attack says. So: an attack word (dehumanizing, derogating,
 * threatening, excluding or a stereotype; not negated, not a wish's
 * object, no report between) after the slur in its sentence, a hate verb
 * right before it ("I hate f...s"), or an insult said of it by a linking verb
 * ("f...s are pathetic"). And the writer's licence to say it claimed
 * before the slur ("I can say", "I can call them"): who uses a word
 * among their own does not ask leave. "We d...s are not disgusting",
 * "us homos on the team started a group chat", "I love my fellow f*gs"
 * keep the reading. Asked only of a slur about to be reclaimed. */
static bool claim_undone(const run *R, const mention *m) {
  const dc_rules_scratch *rs = R->rs;
  const sentence *s = sent_of(R, m->tb);
  for (uint32_t k = m->tb > s->tb + 6 ? m->tb - 6 : s->tb; k + 1 < m->tb; k++)
    if ((tok_is_word(R, k, "can") || tok_is_word(R, k, "may")) && k > s->tb &&
        kind_at(R, k - 1, DC_KIND_PRONOUN_SELF) &&
        kind_at(R, k + 1, DC_KIND_REPORT))
      return true;
  if (m->tb > s->tb) {
    const mention *h = mention_at(R, m->tb - 1, DC_KIND_HATE_VERB);
    if (h && !(kinds_before(R, h->tb) & KIND_BIT(NEGATION)))
      return true;
  }
  for (size_t i = m->te < rs->ntok ? rs->first[m->te] : rs->nm;
       i < rs->nm && rs->m[i].tb < s->te; i++) {
    const mention *o = &rs->m[i];
    /* "we queers are tired of being told we are disgusting": what
     * others say of the group, reported */
    if (o->kind == DC_KIND_REPORT)
      break;
    /* (said of another group or of the writer: "i am a lazy f...
     * i am stupid because j...s made me this way") */
    if (o->kind == DC_KIND_IDENTITY || o->kind == DC_KIND_SLUR ||
        o->kind == DC_KIND_PRONOUN_SELF) {
      /* (but a group the slur is said of, "like" it: "as a Greek,
       * w..s like the Lebanese next door are vermin" calls others
       * by the slur the claim licensed) */
      uint32_t p = o->tb;
      if (p > m->te && tok_is_word(R, p - 1, "the"))
        p--;
      if (o->kind == DC_KIND_IDENTITY && p > m->te &&
          tok_is_word(R, p - 1, "like"))
        continue;
      break;
    }
    /* (a hate verb after the slur is the group's own: "trannies
     * like me are sick of your hate") */
    if (!((HOSTILE_KINDS &
           ~(KIND_BIT(PROFANITY) | KIND_BIT(INSULT) | KIND_BIT(HATE_VERB))) >>
              o->kind &
          1) ||
        (ent(R, o)->flags & DC_F_WISHED) ||
        (kinds_before(R, o->tb) & KIND_BIT(NEGATION)) ||
        /* (not a mild generalization: "a hoe for all of them") */
        (o->kind == DC_KIND_STEREOTYPE && ent(R, o)->severity < 2))
      continue;
    /* a threat or an exclusion done to the group is passive ("should
     * be wiped out"); in the active the group does it ("we d...s will
     * destroy the patriarchy") */
    if ((o->kind == DC_KIND_THREAT || o->kind == DC_KIND_EXCLUSION) &&
        !has_kind_in(R, m->te, o->tb, DC_KIND_COPULA))
      continue;
    return true;
  }
  for (uint32_t k = m->te; k < m->te + 2 && k < s->te; k++) {
    if (kind_at(R, k, DC_KIND_PRONOUN_SELF) ||
        kind_at(R, k, DC_KIND_PRONOUN_GROUP))
      break;
    if (kind_at(R, k, DC_KIND_COPULA))
      for (uint32_t j = k + 1; j < k + 4 && j < s->te; j++) {
        const mention *o = mention_at(R, j, DC_KIND_INSULT);
        if (kind_at(R, j, DC_KIND_NEGATION))
          return false;
        if (o && !slur_as_insult(R, o))
          return true;
      }
  }
  return false;
}

/* Does the writer call the slur m "our word", in its sentence or the next
 * ("being the only w.. kid at school sucked but now its basically our
 * word", "d... is our word now")? Who says so claims the word for the
 * group. Not "our word for them", "our words against ...": the word
 * others are called. */
static bool our_word(const run *R, const mention *m) {
  const dc_rules_scratch *rs = R->rs;
  size_t si = rs->toks[m->tb].sent;
  uint32_t end = rs->s[si + 1 < rs->ns ? si + 1 : si].te;
  static const char *const is[] = {"is",    "it's", "its", "that's",
                                   "thats", "was",  "are", "'s"};
  static const char *const adv[] = {"basically", "now",     "still",    "just",
                                    "really",    "totally", "literally"};
  /* (the first person's mentions, not every token: most comments with
   * a slur and a first person have no "our word") */
  for (size_t i = m->te < rs->ntok ? rs->first[m->te] : rs->nm;
       i < rs->nm && rs->m[i].tb + 1 < end; i++) {
    uint32_t k = rs->m[i].tb;
    if (rs->m[i].kind != DC_KIND_PRONOUN_SELF || k <= m->te ||
        !tok_is_word(R, k, "our") ||
        !(tok_is_word(R, k + 1, "word") || tok_is_word(R, k + 1, "words")))
      continue;
    /* said of the word by a linking verb, an adverb or two between
     * ("its basically our word"); not "took our words" */
    uint32_t p = k - 1;
    while (p > m->te && word_among(R, p, p + 1, adv, sizeof adv / sizeof *adv))
      p--;
    if (!word_among(R, p, p + 1, is, sizeof is / sizeof *is))
      continue;
    /* (not after an attack on the group: "w..s out, that's our
     * word" is the writer's verdict, not a word claimed; the call
     * "X out" is a rule's, rule_group_out, no exclusion entry) */
    if (tok_is_word(R, m->te, "out") ||
        has_kind_in(R, m->te, p, DC_KIND_EXCLUSION) ||
        has_kind_in(R, m->te, p, DC_KIND_THREAT) ||
        has_kind_in(R, m->te, p, DC_KIND_DEHUMANIZE) ||
        has_kind_in(R, m->te, p, DC_KIND_DEROGATE) ||
        has_kind_in(R, m->te, p, DC_KIND_HATE_VERB))
      return false;
    return !(k + 2 < end && (tok_is_word(R, k + 2, "for") ||
                             tok_is_word(R, k + 2, "against")));
  }
  return false;
}

/* Marks reclaimable slurs used by their own group: after a first-person
 * possessive ("my ..."), in a sentence whose subject is the writer ("we
 * dykes", "me and my girls are ..."), or in a comment where the writer
 * claims the group ("as a gay man"). Once one use is reclaimed, the others
 * of the same group in the comment are too. Runs before targets are built,
 * so attacks on a reclaimed group ("my fellow crips and I are sick of")
 * are not read as hate. */
static __attribute__((noinline)) void mark_reclaimed(run *R) {
  dc_rules_scratch *rs = R->rs; /* some mention is a slur */
  /* In locals: the byte stores below may alias rs, and the compiler read
   * both again for every mention. No mention is added here. Slurs are
   * among the mentions place_hits lists for find_targets: only those
   * are read (-0.2M instructions and -13K mispredictions on the bench
   * corpus, by cachegrind's model). */
  _Static_assert(TARGET_KINDS & KIND_BIT(SLUR), "slurs are listed");
  mention *const mv = rs->m;
  const uint32_t *const tl = rs->tlist;
  const size_t ntl = rs->ntl;
  for (int pass = 0; pass < 2; pass++) {
    /* The second pass is for slurs the first left unclaimed: claimed
     * now that another was (the ingroup changed), or banter. With none
     * such, it would change nothing. */
    bool claimed = false, banter = false;
    for (size_t q = 0; q < ntl; q++) {
      mention *m = &mv[tl[q]];
      const dc_entry *e = ent(R, m);
      if (m->kind != DC_KIND_SLUR || !(e->flags & DC_F_RECLAIMABLE) ||
          m->reclaimed)
        continue;
      bool own = R->ingroup && (R->ingroup_categories & e->categories) &&
                 claim_covers(R, e);
      /* (a possessive before one person named by a racial or
       * ethnic slur that is no banter owns that person, not the
       * group: "my p..i neighbour, the ignorant shit", "where's my
       * p*ki"; "my fellow f*gs", "my dykes" are the writer's own
       * people, and "my f****t" among gay friends is in-group
       * teasing; so are the writer's family and crowd the slur
       * describes: "my w*g mum makes the best lasagne", "me and my
       * w*g mates at the footy") */
      static const char *const kin[] = {
          "mum",      "mom",     "mam",    "dad",     "nonna",
          "nonno",    "nan",     "nanna",  "grandma", "grandad",
          "granddad", "grandpa", "family", "parents", "cousins",
          "brothers", "sisters", "uncles", "aunties", "mates",
          "friends",  "lads",    "boys",   "fam",     "relatives"};
      bool owned_one =
          m->tb > 0 && !(e->flags & DC_F_BANTER) && racial_only(e) &&
          !plural_hit(R, m) && !plural_term(e) &&
          (tok_is_word(R, m->tb - 1, "my") ||
           tok_is_word(R, m->tb - 1, "our")) &&
          !word_among(R, m->te, m->te + 1, kin, sizeof kin / sizeof *kin);
      if (!own && m->tb > 0 && !owned_one)
        own = mention_at(R, m->tb - 1, DC_KIND_PRONOUN_SELF) != NULL ||
              mention_at(R, m->tb - 1, DC_KIND_INGROUP) != NULL ||
              /* "us homos on the varsity team": the writer's
               * group by apposition, as "we homos" is; a plural
               * ("you homos" is aimed at others), and not what
               * others call the writer ("they call us
               * bitches": a report) */
              (tok_is_word(R, m->tb - 1, "us") &&
               (plural_hit(R, m) || plural_term(e)) &&
               !(m->tb >= 2 && kind_at(R, m->tb - 2, DC_KIND_REPORT)));
      if (!own && any_kind(R, DC_KIND_PRONOUN_SELF) && self_named_as(R, e))
        own = true;
      if (!own && any_kind(R, DC_KIND_PRONOUN_SELF) && our_word(R, m))
        own = true;
      if (!own) {
        /* The writer says it of themselves: "being queer is part
         * of who I am", "we dykes are marching". */
        const sentence *s = sent_of(R, m->tb);
        /* (the list's other words may insult: "fat", said by
         * the writer of themselves, is no hostility) */
        own = self_intro(R, m) ||
              (any_kind(R, DC_KIND_PRONOUN_SELF) && self_list(R, m, s) &&
               !has_kind_in(R, s->tb, s->te, DC_KIND_PRONOUN_YOU)) ||
              (!owned_one && self_beside(R, m) &&
               !has_kind_in(R, s->tb, s->te, DC_KIND_PRONOUN_YOU) &&
               casual(R, m, true));
      }
      /* (not "my n...a", "my hoes": a possessive, the writer's
       * own people, not a group's name) */
      if (own &&
          !(m->tb > 0 && (tok_is_word(R, m->tb - 1, "my") ||
                          tok_is_word(R, m->tb - 1, "our"))) &&
          claim_undone(R, m))
        own = false;
      if (own) {
        m->reclaimed = 1;
        R->ingroup = true;
        R->ingroup_categories |= e->categories;
        claimed = true;
      } else if (pass == 1 && (e->flags & DC_F_BANTER) &&
                 !(singular_slur(R, m) && m->tb > 0 &&
                   identity_ends_at(R, m->tb)) &&
                 (casual(R, m, false) || a_form_banter(R, m))) {
        /* Not claimed, but not used against anyone either: the
         * -a form in banter, "bad bitches". Vulgar, not an attack;
         * the writer is not credited with the group, though. Only
         * slurs the lexicon marks as common in such banter. */
        m->reclaimed = 1;
      } else {
        banter |= (e->flags & DC_F_BANTER) != 0;
      }
    }
    if (!claimed && !banter)
      break;
  }
}

/* "He scored two crackers in the final", "she hit a couple of crackers
 * in the semis": what is scored or struck (a word of scoring among the
 * four words before token tb) is a goal or a shot, the sport's slang, not
 * a player. */
static bool scored(const run *R, uint32_t tb) {
  for (uint32_t k = tb, n = 0; k-- > 0 && n < 4; n++) {
    if (R->rs->toks[k].type != TK_WORD)
      return false;
    if (tok_is_word(R, k, "scored") || tok_is_word(R, k, "scores") ||
        tok_is_word(R, k, "score") || tok_is_word(R, k, "scoring") ||
        tok_is_word(R, k, "hit") || tok_is_word(R, k, "hits") ||
        tok_is_word(R, k, "struck") || tok_is_word(R, k, "netted") ||
        tok_is_word(R, k, "bagged") || tok_is_word(R, k, "smashed"))
      return true;
  }
  return false;
}

/* Do the term of m and the word after it make an allow entry ("f*g
 * break" is "fag break": masked, the everyday phrase is still the
 * everyday phrase)? A scan of the lexicon, asked only of a disguised
 * ambiguous slur, which is rare. */
static bool allow_with_next(const run *R, const mention *m) {
  const dc_rules_scratch *rs = R->rs;
  if (m->te >= rs->ntok || rs->toks[m->te].type != TK_WORD)
    return false;
  const dc_entry *e = &R->lx->entries[m->entry];
  const tok *t = &rs->toks[m->te];
  size_t wl = t->e - t->b;
  for (size_t i = 0; i < R->lx->n; i++) {
    const dc_entry *a = &R->lx->entries[i];
    if (a->kind == DC_KIND_ALLOW && a->term_len == e->term_len + 1 + wl &&
        memcmp(a->term, e->term, e->term_len) == 0 &&
        a->term[e->term_len] == ' ' &&
        memcmp(a->term + e->term_len + 1, R->n->text + t->b, wl) == 0)
      return true;
  }
  return false;
}

/* Is a zero-width character (U+200B-U+200D, U+2060) in the original bytes
 * [ob, oe) inside a word: neither at an edge nor next to a space? */
static bool hidden_inside(const run *R, uint32_t ob, uint32_t oe) {
  for (uint32_t i = ob; i + 3 <= oe; i++) {
    const unsigned char *q = (const unsigned char *)R->orig + i;
    if (q[0] != 0xE2 || !((q[1] == 0x80 && q[2] >= 0x8B && q[2] <= 0x8D) ||
                          (q[1] == 0x81 && q[2] == 0xA0)))
      continue;
    if (i > ob && i + 3 < oe && R->orig[i - 1] != ' ' && R->orig[i + 3] != ' ')
      return true;
    i += 2;
  }
  return false;
}

/* Is the slur m spelled in disguise: leet, masks, look-alike or
 * full-width letters, spaced or split letters ("c00ns", "f*gs", "ｆａｇｓ",
 * "d.y.k.e.s")? Not a piece of a run-together word ("@tr4pb0y" is a
 * handle), nor a word only written in capitals and dots or with a capital
 * O for zero ("F.A.G. stands for...", "C00N cheese": a name, nothing
 * hidden). Of the other characters only the term's own letters count: an
 * apostrophe after it ("spade’s", typed curly by phones) hides nothing,
 * and neither does an accented Latin letter ("Côon", a river; a dodger
 * swaps letters for look-alikes from other scripts, not for accents). */
static bool disguised(const run *R, const mention *m) {
  if (m->how == DC_HIT_COMPOUND || m->e <= m->b)
    return false;
  uint32_t ob = dc_norm_src_begin(R->n, m->b);
  uint32_t oe = dc_norm_src_end(R->n, m->e - 1);
  if (oe > R->orig_len)
    oe = R->orig_len;
  /* (look-alike letters alone are judged below, letter by letter:
   * the normalizer takes accents for look-alikes) */
  uint32_t how = evasion_flags(R, m->b, m->e) &
                 ~(uint32_t)(DC_EV_STRETCH | DC_EV_CONFUSABLE);
  /* A zero-width character hides something only inside a word ("tar
   * ba\u200bby"); next to a space ("tar\u200b baby") it is between
   * words, which the normalizer takes the same way */
  int inside = -1; /* hidden_inside(R, ob, oe), once asked */
  if (how == DC_EV_INVISIBLE && m->how != DC_HIT_MASKED &&
      m->how != DC_HIT_SPLIT && !(inside = hidden_inside(R, ob, oe)))
    how = 0;
  if (m->how == DC_HIT_MASKED || m->how == DC_HIT_SPLIT || how) {
    if (allow_with_next(R, m))
      return false;
    /* All capitals (digits and dots between) in a comment not
     * shouted is a name or an acronym written out, not a dodge; "GET
     * THE C00NS OUT" shouted is. */
    bool caps = false, lower = false;
    for (uint32_t i = ob; i < oe; i++) {
      unsigned char c = (unsigned char)R->orig[i];
      caps |= c >= 'A' && c <= 'Z';
      lower |= (c >= 'a' && c <= 'z') || c == '*' || c == '@' || c == '$' ||
               c >= 0x80;
    }
    if (!caps || lower)
      return true;
    for (uint32_t i = 0; i < R->orig_len; i++)
      if (R->orig[i] >= 'a' && R->orig[i] <= 'z')
        return false;
    return true;
  }
  if (R->n->ascii)
    return false;
  for (uint32_t i = ob; i < oe;) {
    unsigned char c = (unsigned char)R->orig[i];
    if (c < 0x80) {
      /* the apostrophe ends the word's own letters */
      if (c == '\'')
        break;
      i++;
      continue;
    }
    uint32_t cp;
    size_t n = dc_utf8_decode((const unsigned char *)R->orig + i, oe - i, &cp);
    if (n == 0)
      return true; /* cut off at the hit's end */
    /* ’ and the other quotes end the word; accents (Latin-1,
     * Latin Extended, combining marks) disguise nothing; nor does a
     * zero-width character between words (hidden_inside) */
    if (cp >= 0x2018 && cp <= 0x201f)
      break;
    if ((cp >= 0x200b && cp <= 0x200d) || cp == 0x2060) {
      if (inside < 0)
        inside = hidden_inside(R, ob, oe);
      if (inside)
        return true;
      i += (uint32_t)n;
      continue;
    }
    if (!(cp < 0x250 || (cp >= 0x300 && cp < 0x370)))
      return true;
    i += (uint32_t)n;
  }
  return false;
}

/* Does a noun naming people by sex or age (flag `sexage`: women, girls,
 * children), or another word of identity ("non-fag white men"), follow
 * the mention m? Not "men", "boys": a trade or a crew takes them ("Spade
 * men dug the trench", "the bender boys at the festival"). */
static bool sexage_after(const run *R, const mention *m) {
  if (m->te >= R->rs->ntok)
    return false;
  const mention *p = mention_at(R, m->te, DC_KIND_IDENTITY);
  if (p && ((ent(R, p)->flags & DC_F_SEXAGE) ||
            !(ent(R, p)->group_len == 4 &&
              memcmp(ent(R, p)->group, "male", 4) == 0)))
    return true;
  p = mention_at(R, m->te, DC_KIND_PERSON);
  return p && (ent(R, p)->flags & DC_F_SEXAGE);
}

/* "Pride month again. The fags get a whole month", "Gay marriage, and now
 * the benders want adoption too": the plural of a slur whose everyday
 * sense names no people (flag `notperson`: the cigarette, the
 * embankment) as the subject opening its clause (after at most a
 * determiner, before a word), in a comment that names the slur's people
 * by a word of their own (an identity word, another slur or a word of
 * support such as `pride month`, of the same category and no innocent
 * reading of its own). Not where the comment smokes ("The gays at work
 * went out for a smoke, the fags were all gone by noon"): cigarettes are
 * bought, lit, smoked and packed. Asked only once the cheaper ways
 * failed. */
static bool subject_beside_group(const run *R, const mention *m) {
  static const char *const smoke[] = {
      "smoke",   "smoked",    "smoking",    "smokes",  "smoker",  "smokers",
      "pack",    "packet",    "packs",      "lighter", "lit",     "light",
      "tobacco", "cigarette", "cigarettes", "cig",     "cigs",    "ciggies",
      "ciggy",   "baccy",     "rollies",    "ash",     "ashtray", "puff",
      "vape",    "nicotine",  "quit",       "drag"};
  const dc_entry *e = ent(R, m);
  const dc_rules_scratch *rs = R->rs;
  if (!(e->flags & DC_F_NOTPERSON) || (e->flags & DC_F_GROUPCUE) ||
      !plural_hit(R, m) || m->te >= rs->ntok ||
      rs->toks[m->te].type != TK_WORD || tok_is_word(R, m->te, "of"))
    return false;
  /* (a conjunction or "now" may open the clause before the
   * determiner: "and now the fags want adoption too") */
  uint32_t c = m->tb;
  while (c > 0 && rs->toks[c - 1].clause == rs->toks[m->tb].clause &&
         (is_determiner(R, c - 1) || tok_is_word(R, c - 1, "all") ||
          tok_is_word(R, c - 1, "and") || tok_is_word(R, c - 1, "now") ||
          tok_is_word(R, c - 1, "but") || tok_is_word(R, c - 1, "so")))
    c--;
  if (c > 0 && rs->toks[c - 1].clause == rs->toks[m->tb].clause)
    return false;
  bool named = false;
  for (size_t i = 0; i < rs->nm && !named; i++) {
    const mention *o = &rs->m[i];
    const dc_entry *oe = ent(R, o);
    named = o != m && !o->dropped &&
            (o->kind == DC_KIND_IDENTITY || o->kind == DC_KIND_SLUR ||
             o->kind == DC_KIND_POSITIVE) &&
            !(oe->flags & DC_F_AMBIGUOUS) && (oe->categories & e->categories);
  }
  return named && !word_among(R, 0, (uint32_t)rs->ntok, smoke,
                              sizeof smoke / sizeof smoke[0]);
}

/* Words before a noun that pick out one or some of it ("a", "some",
 * "this", "his"), past which partner_of and verb_sense look. */
static const char *const np_openers[] = {"a",     "an",  "the", "some", "this",
                                         "that",  "his", "her", "my",   "your",
                                         "their", "our", "its"};

/* "She left him for some dyke", "my cousin married a chamar", "he lost
 * his wife to a dyke", "cheated on me with a dyke": the object of a verb
 * of courtship or marriage, or of "for", "to" or "with" after one and
 * the person it leaves behind, is a person: nobody marries, dates or
 * leaves a husband for an embankment, a cigarette or a gearbox. Not a
 * slur that is also an insult at one woman (`banter`, `plural`: "dating
 * a hoe", "fell in love with a bitch": toxic, said of one person), nor
 * where a person noun follows ("married a Chamar boy": the word then
 * qualifies the person, the community's own name), nor "left for the
 * dyke" (gone there: nobody left behind). */
static bool partner_of(const run *R, const mention *m) {
  static const char *const verbs[] = {
      "married",  "marry",   "marries",  "marrying", "dating",  "dated",
      "dates",    "date",    "kissed",   "kissing",  "kiss",    "snogged",
      "snogging", "shagged", "shagging", "fancies",  "divorced"};
  static const char *const leave[] = {
      "left",     "leave",    "leaves",  "leaving", "lost",    "dumped",
      "cheated",  "cheating", "cheats",  "fell",    "falling", "slept",
      "sleeping", "hooked",   "engaged", "ditched"};
  /* ...of which those that leave someone: "left me with a spade" (gave
   * it), "dumped a coon on our driveway" are no courtship; "left him
   * for", "lost his wife to" are */
  static const char *const quit[] = {"left", "leave",  "leaves", "leaving",
                                     "lost", "dumped", "ditched"};
  /* verbs whose partner follows the preposition directly: "eloped
   * with", "engaged to", "got hitched to" */
  static const char *const wed[] = {"eloped", "elope",   "eloping",
                                    "elopes", "engaged", "hitched"};
  /* a kiss is given by pets too: "our cat was kissing a coon" */
  static const char *const pets[] = {"cat",   "cats",   "dog",    "dogs",
                                     "puppy", "kitten", "pup",    "pet",
                                     "pets",  "horse",  "hamster"};
  static const char *const person[] = {
      "him",  "her",     "me",     "us",         "them",      "you",
      "wife", "husband", "love",   "girlfriend", "boyfriend", "gf",
      "bf",   "partner", "fiance", "fiancee",    "up"};
  const dc_rules_scratch *rs = R->rs;
  if ((ent(R, m)->flags & (DC_F_BANTER | DC_F_PLURAL)) ||
      person_after(R, m->te, rs->at))
    return false;
  uint32_t k = m->tb, clause = rs->toks[m->tb].clause;
  while (k > 0 && rs->toks[k - 1].clause == clause &&
         word_among(R, k - 1, k, np_openers,
                    sizeof np_openers / sizeof *np_openers))
    k--;
  if (k == 0 || rs->toks[k - 1].clause != clause)
    return false;
  /* "My sister married a Chamar": a community's own name for itself
   * (`reclaimable`, no `notperson`: its innocent reading is people too)
   * written as a name, capitalized inside its sentence, is that name; a
   * partner tells nothing of which. ("marry a Shylock" is no name a
   * people gives itself.) */
  if ((ent(R, m)->flags & (DC_F_NOTPERSON | DC_F_RECLAIMABLE)) ==
          DC_F_RECLAIMABLE &&
      m->tb > sent_of(R, m->tb)->tb && capitalized(R, m->tb))
    return false;
  if (word_among(R, k - 1, k, verbs, sizeof verbs / sizeof *verbs)) {
    if (!tok_is_word(R, k - 1, "kissing") && !tok_is_word(R, k - 1, "kissed") &&
        !tok_is_word(R, k - 1, "kiss"))
      return true;
    const sentence *s = sent_of(R, m->tb);
    return !word_among(R, s->tb, k - 1, pets, sizeof pets / sizeof *pets);
  }
  bool with = tok_is_word(R, k - 1, "with");
  if (!tok_is_word(R, k - 1, "for") && !tok_is_word(R, k - 1, "to") && !with)
    return false;
  /* "left us for the dyke at dawn": gone to a place all know */
  if (tok_is_word(R, k - 1, "for") && tok_is_word(R, k, "the"))
    return false;
  if (k >= 2 && word_among(R, k - 2, k - 1, wed, sizeof wed / sizeof *wed))
    return true;
  /* the verb at most four words back, someone left behind between */
  bool behind = false;
  for (uint32_t j = k - 1; j-- > 0 && j + 6 > k;) {
    if (rs->toks[j].clause != clause || rs->toks[j].type != TK_WORD)
      return false;
    if (word_among(R, j, j + 1, leave, sizeof leave / sizeof *leave))
      return behind && !(with && word_among(R, j, j + 1, quit,
                                            sizeof quit / sizeof *quit));
    behind |= word_among(R, j, j + 1, person, sizeof person / sizeof *person);
  }
  return false;
}

/* "Knacker caravans blocking the GAA pitch again, the whole tribe of
 * them": an ambiguous slur for Travellers (knacker, tinker) in a comment
 * about the Traveller community's life (caravans, a halting site, an
 * encampment, "the tribe") or one that names the community otherwise
 * ("Travellers", "pikeys", "gypsies") is the slur. Not the knacker's yard
 * (the slaughterhouse: "yard" or a possessive after it), nor "tinkers
 * with" (fiddles with); "knackered" (tired) is no hit at all. Horses and
 * the council are left out of the cues: the knacker's trade takes
 * horses, and councils are everywhere. */
static bool traveller_life(const run *R, const mention *m) {
  static const char *const life[] = {"caravan", "caravans",   "halting",
                                     "tribe",   "encampment", "encampments"};
  const dc_rules_scratch *rs = R->rs;
  const dc_entry *e = ent(R, m);
  if (!(e->flags & DC_F_AMBIGUOUS) || !names_group(e, "irish_traveller", 15))
    return false;
  const tok *t = &rs->toks[m->te - 1];
  if (t->e - t->b > 2 && memcmp(R->n->text + t->e - 2, "'s", 2) == 0)
    return false;
  /* the everyday senses by the words around: the trade ("the knacker
   * man"), the horse ("a tinker cob"), the fairy and the novel ("Tinker
   * Bell", "Tinker, Tailor"), the verb ("to tinker at the edges", "he'll
   * knacker his back", "tinkers on old caravans") and the testicles
   * ("hit in the knackers") */
  static const char *const after[] = {"yard", "yards", "man",   "men",
                                      "cob",  "cobs",  "horse", "horses",
                                      "bell", "tailor"};
  static const char *const verb_after[] = {
      "with", "at", "on",   "around", "about", "in",  "his",
      "her",  "my", "your", "their",  "its",   "our", "away"};
  if (m->te < rs->ntok &&
      word_among(R, m->te, m->te + 1, after, sizeof after / sizeof *after))
    return false;
  /* ("Tinker, Tailor, Soldier, Spy"; the trade in a sentence of dead
   * stock: "The knacker collected the dead ewe": review22a) */
  static const char *const stock[] = {
      "dead", "carcass", "carcasses", "ewe",      "ewes",      "sheep",
      "cow",  "cows",    "cattle",    "calf",     "livestock", "stock",
      "pony", "foal",    "abattoir",  "slaughter"};
  const sentence *st = sent_of(R, m->tb);
  if ((m->te + 1 < rs->ntok && rs->toks[m->te].type == TK_PUNCT &&
       rs->toks[m->te].ch == ',' && tok_is_word(R, m->te + 1, "tailor")) ||
      word_among(R, st->tb, st->te, stock, sizeof stock / sizeof *stock))
    return false;
  /* the verb's objects and prepositions, where no determiner makes it
   * a noun ("the knackers at the halting site") nor the sentence's
   * start ("Knackers in caravans all over the pitch") */
  if (m->te < rs->ntok && m->tb > st->tb &&
      word_among(R, m->te, m->te + 1, verb_after,
                 sizeof verb_after / sizeof *verb_after) &&
      !(m->tb > 0 && (is_determiner(R, m->tb - 1) ||
                      kind_at(R, m->tb - 1, DC_KIND_QUANTIFIER))))
    return false;
  if (m->tb > 0) {
    const tok *p = &rs->toks[m->tb - 1];
    if (tok_is_word(R, m->tb - 1, "to") ||
        (p->e - p->b >= 3 && memcmp(R->n->text + p->e - 3, "'ll", 3) == 0) ||
        (m->tb > 1 && tok_is_word(R, m->tb - 2, "in") &&
         tok_is_word(R, m->tb - 1, "the")))
      return false;
  }
  /* "knacker scum", "tinker filth, the lot of them": an attack word
   * right beside it says it of people */
  for (size_t i = rs->first[m->tb > 0 ? m->tb - 1 : 0];
       i < rs->nm && rs->m[i].tb <= m->te; i++)
    if ((rs->m[i].te == m->tb || rs->m[i].tb == m->te) &&
        hostile_word(R, &rs->m[i]))
      return true;
  if (word_among(R, 0, rs->ntok, life, sizeof life / sizeof *life))
    return true;
  for (size_t i = 0; i < rs->nm; i++) {
    const mention *o = &rs->m[i];
    if (o == m || (o->kind != DC_KIND_IDENTITY && o->kind != DC_KIND_SLUR))
      continue;
    if (names_group(ent(R, o), "irish_traveller", 15) ||
        names_group(ent(R, o), "roma", 4))
      return true;
  }
  return false;
}

/* "we wouldn't clock the tranny", "had to share a bathroom with the
 * tranny from accounting", "the tranny next door": a slur for trans
 * people (flag `notperson`: its everyday sense is the gearbox) in a
 * place only a person takes. Three: the object of "clock" (trans slang
 * for being seen through; a gearbox is not clocked: the odometer clocks
 * miles, not the part), the one a bathroom or changing room is shared
 * with ("share a bathroom with a tranny"; a bathroom is not fitted with
 * a gearbox), and the one "from" a department of an office or who lives
 * next door ("the tranny from accounting"; a gearbox comes from a car, a
 * scrapyard or eBay). Asked only of a trans slur that failed the other
 * cues. */
static bool trans_person_place(const run *R, const mention *m) {
  static const char *const clock[] = {"clock", "clocked", "clocking", "clocks"};
  static const char *const shared[] = {
      "bathroom", "bathrooms", "toilet",   "toilets", "restroom", "restrooms",
      "loo",      "locker",    "changing", "change",  "showers",  "shower",
      "dorm",     "cell",      "tent",     "cubicle", "stall"};
  static const char *const dept[] = {
      "accounting", "accounts",   "hr",      "marketing", "sales",
      "finance",    "legal",      "payroll", "reception", "admin",
      "upstairs",   "downstairs", "work",    "office",    "church",
      "class",      "school",     "uni",     "college",   "gym"};
  const dc_rules_scratch *rs = R->rs;
  uint32_t k = m->tb;
  if (k > 0 && (is_determiner(R, k - 1) || a_or_an(R, k - 1)))
    k--;
  /* (not a reading taken at a number: "The shop clocked the tranny at
   * 180k miles" is the gearbox's mileage) */
  if (k > 0 && word_among(R, k - 1, k, clock, sizeof clock / sizeof *clock))
    return !(m->te + 1 < rs->ntok && tok_is_word(R, m->te, "at") &&
             rs->toks[m->te + 1].type == TK_WORD &&
             R->n->text[rs->toks[m->te + 1].b] >= '0' &&
             R->n->text[rs->toks[m->te + 1].b] <= '9');
  if (k > 1 && tok_is_word(R, k - 1, "with")) {
    uint32_t from = k > 6 ? k - 6 : 0;
    if (from < sent_of(R, m->tb)->tb)
      from = sent_of(R, m->tb)->tb;
    if (word_among(R, from, k - 1, shared, sizeof shared / sizeof *shared))
      return true;
  }
  if (m->te + 1 < rs->ntok && tok_is_word(R, m->te, "next") &&
      tok_is_word(R, m->te + 1, "door"))
    return true;
  if (m->te + 1 < rs->ntok && tok_is_word(R, m->te, "from")) {
    uint32_t j = m->te + 1;
    if (j + 1 < rs->ntok && (is_determiner(R, j) || tok_is_word(R, j, "my") ||
                             tok_is_word(R, j, "our")))
      j++;
    return word_among(R, j, j + 1, dept, sizeof dept / sizeof *dept);
  }
  return false;
}

/* A slur that is also an everyday word ("coon" the raccoon, "crackers"
 * the biscuits, "dyke" the embankment) counts only when it is used of
 * people: addressed ("you ..."), the object of hostility ("kill the ...",
 * "filthy ..."), or the subject of a hostile clause ("... are disgusting",
 * "... should be locked up"). */
static bool used_of_people(run *R, const mention *m) {
  static const char *const hire[] = {
      "hired",    "hire",   "hires",    "hiring",  "appointed", "appoint",
      "employed", "employ", "promoted", "promote", "let",       "lets",
      "letting",  "took",   "take",     "picked",  "chose",     "named"};
  static const char *const work[] = {"teach", "coach",   "run",   "manage",
                                     "lead",  "babysit", "mind",  "look",
                                     "care",  "train",   "treat", "head"};
  const dc_rules_scratch *rs = R->rs;
  if (partner_of(R, m))
    return true;
  uint32_t from = m->tb > 3 ? m->tb - 3 : 0;
  for (uint32_t k = from; k < m->tb; k++) {
    if (mention_at(R, k, DC_KIND_PRONOUN_YOU))
      return true;
    /* "women are bitches": said of someone; "these ...", "that ...":
     * people */
    if (k + 2 >= m->tb &&
        (mention_at(R, k, DC_KIND_COPULA) ||
         mention_at(R, k, DC_KIND_QUANTIFIER) || tok_is_word(R, k, "that") ||
         tok_is_word(R, k, "this")))
      return true;
    for (size_t i = rs->first[k]; i < rs->nm && rs->m[i].tb == k; i++)
      if (hostile_word(R, &rs->m[i]) && rs->m[i].te <= m->tb)
        return true;
  }
  /* "crackers like him", "fags like you": the word is compared to a
   * person, so it names people. */
  if (m->te + 1 < rs->ntok && tok_is_word(R, m->te, "like") &&
      (tok_is_word(R, m->te + 1, "him") || tok_is_word(R, m->te + 1, "her") ||
       tok_is_word(R, m->te + 1, "them") || tok_is_word(R, m->te + 1, "you")))
    return true;
  /* "Clear the c00ns out", "another fckn tr@nny", "a bunch of d.y.k.e.s",
   * "ｆａｇｓ ruining football", "f*gs": a disguised spelling dodges a
   * filter, which the raccoon, the cigarette and the embankment never
   * need. */
  if (disguised(R, m))
    return true;
  /* "mozzie women", "tranny women", "spade children": a noun naming
   * people by sex or age (flag `sexage`) right after a word whose
   * everyday sense names no people (flag `notperson`: the mosquito, the
   * gearbox) describes people. Not any person noun: the animal and the
   * tool take many ("the coon population", "a tranny mechanic", "the
   * knacker man", "Dyke residents", "the bender lads", "the Nog
   * family"); nor "colored folk", "queer couples", where the everyday
   * sense is itself a word for people. */
  if ((ent(R, m)->flags & DC_F_NOTPERSON) && sexage_after(R, m))
    return true;
  /* A slur for trans people whose everyday sense is a gearbox: a
   * person where trans_person_place says so ("clock the tranny", "the
   * trany from accounting"), or "Another tranny in the womens change
   * room", "a tranny in the girls' toilets": inside a place kept for
   * women or girls (a `sexage` word, then the place or nothing); no
   * gearbox uses a changing room. (Only this group's slurs: a raccoon
   * may well get into the girls' bathroom.) */
  const bool trans_notperson =
      (ent(R, m)->flags & DC_F_NOTPERSON) && names_group(ent(R, m), "trans", 5);
  if (trans_notperson && trans_person_place(R, m))
    return true;
  if (trans_notperson && m->te + 2 < rs->ntok &&
      (tok_is_word(R, m->te, "in") || tok_is_word(R, m->te, "into") ||
       tok_is_word(R, m->te, "using"))) {
    static const char *const kept[] = {
        "change",  "changing", "locker",    "bathroom", "bathrooms", "toilet",
        "toilets", "restroom", "restrooms", "loo",      "loos",      "room",
        "rooms",   "showers",  "shower",    "prison",   "prisons",   "shelter",
        "refuge",  "dressing", "sports",    "team",     "ward",      "dorm",
        "dorms",   "spaces",   "space",     "race",     "league",    "gym"};
    uint32_t k = m->te + 1;
    if (is_determiner(R, k) || a_or_an(R, k))
      k++;
    const mention *p = mention_at(R, k, DC_KIND_IDENTITY);
    /* (past the apostrophe of "the girls' toilets": "the girls' car"
     * holds a gearbox) */
    uint32_t n = p ? p->te : 0;
    if (p && n < rs->ntok && rs->toks[n].type == TK_PUNCT &&
        rs->toks[n].ch == '\'')
      n++;
    if (p && (ent(R, p)->flags & DC_F_SEXAGE) &&
        (n >= rs->ntok || (rs->toks[n].type != TK_WORD && n == p->te) ||
         word_among(R, n, n + 1, kept, sizeof kept / sizeof *kept)))
      return true;
  }
  /* "my son's school hired a tranny as the PE teacher", "promoted a
   * dyke to manager", "let a tranny coach the team": one of them, after
   * "a", given a post by a verb of hiring and a person noun or the
   * post's work after it: no gearbox or raccoon holds a post. (Not
   * "used a spade as the kids' goalpost marker", "dressed as a fairy as
   * the teacher suggested": no hiring verb; nor a possessive before the
   * person noun, which names whose thing it is.) */
  uint32_t hv =
      m->tb > 2 && tok_is_word(R, m->tb - 2, "on") ? m->tb - 3 : m->tb - 2;
  if (m->tb > 1 && a_or_an(R, m->tb - 1) && m->te + 1 < rs->ntok &&
      word_among(R, hv, hv + 1, hire, sizeof hire / sizeof *hire)) {
    uint32_t k = m->te + 1;
    if (tok_is_word(R, m->te, "to") &&
        word_among(R, k, k + 1, work, sizeof work / sizeof *work))
      return true;
    if (tok_is_word(R, hv, "let") &&
        word_among(R, m->te, m->te + 1, work, sizeof work / sizeof *work))
      return true;
    if (tok_is_word(R, m->te, "as") || tok_is_word(R, m->te, "to")) {
      if (k < rs->ntok && (is_determiner(R, k) || a_or_an(R, k) ||
                           kind_at(R, k, DC_KIND_PRONOUN_SELF)))
        k++;
      for (uint32_t j = k; j < k + 3 && j < rs->ntok &&
                           rs->toks[j].clause == rs->toks[m->tb].clause;
           j++) {
        const tok *tj = &rs->toks[j];
        if (tj->type != TK_WORD ||
            (tj->e - tj->b > 2 &&
             (memcmp(R->n->text + tj->e - 2, "'s", 2) == 0 ||
              R->n->text[tj->e - 1] == '\'')))
          break;
        if (kind_at(R, j, DC_KIND_PERSON))
          return true;
      }
    }
  }
  if (subject_beside_group(R, m))
    return true;
  if (traveller_life(R, m))
    return true;
  /* ...and a slur flagged `groupcue` before any person noun but a
   * collective or a trade ("a mozzie guy") */
  if ((ent(R, m)->flags & DC_F_GROUPCUE) && person_after(R, m->te, rs->at))
    return true;
  /* "Get the coons off the pitch", "too many coons in the premier
   * league": people in the plural (or counted: "not a single coon on
   * the pitch") on a playing field or in a competition (an `object`
   * flagged `sport` after the preposition) are players: no raccoon plays
   * there. Not a game or a fictional world (`game` alone: "a trap in
   * Fortnite", "the fairies in Skyrim"), nor one thing or animal ("a
   * frog on the pitch", "he scored with a bender on the pitch"). */
  if (m->te + 1 < rs->ntok &&
      (plural_hit(R, m) || plural_term(ent(R, m)) || quantified(R, m->tb)) &&
      (tok_is_word(R, m->te, "off") || tok_is_word(R, m->te, "on") ||
       tok_is_word(R, m->te, "in") || tok_is_word(R, m->te, "onto") ||
       tok_is_word(R, m->te, "from"))) {
    uint32_t k = m->te + 1;
    const mention *g = mention_at(R, k, DC_KIND_OBJECT);
    if (!g && is_determiner(R, k) && k + 1 < rs->ntok)
      g = mention_at(R, k + 1, DC_KIND_OBJECT);
    if (g && (ent(R, g)->flags & DC_F_SPORT) && !scored(R, m->tb))
      return true;
  }
  /* "Bunch of dykes.", "What a bunch of fags!": the plural after "bunch
   * of" ending a sentence that says nothing else (nothing before but
   * "a", "what", "such", "just") is an exclamation about people; not "a
   * bunch of crackers and cheese", "I bought a bunch of crackers". A
   * slur flagged `thing` is its innocent thing here: "What a bunch of
   * crackers" is said of biscuits. */
  if (plural_hit(R, m) && m->tb >= 1 && !(ent(R, m)->flags & DC_F_THING) &&
      (tok_is_word(R, m->tb - 1, "buncha") ||
       (m->tb >= 2 && tok_is_word(R, m->tb - 1, "of") &&
        tok_is_word(R, m->tb - 2, "bunch")))) {
    const sentence *s = sent_of(R, m->tb);
    bool alone = true;
    for (uint32_t k = m->te; k < s->te && alone; k++)
      alone = rs->toks[k].type != TK_WORD;
    uint32_t bunch =
        tok_is_word(R, m->tb - 1, "buncha") ? m->tb - 1 : m->tb - 2;
    for (uint32_t k = s->tb; k < bunch && alone; k++)
      alone = rs->toks[k].type != TK_WORD || tok_is_word(R, k, "a") ||
              tok_is_word(R, k, "what") || tok_is_word(R, k, "such") ||
              tok_is_word(R, k, "just");
    if (alone)
      return true;
  }
  /* "The women's team is just a bunch of angry dykes": "a bunch of"
   * said of people by a linking verb (past "just", "only") says what
   * kind of people they are, with one word of description allowed
   * before the plural; not "a bunch of dykes by the sea" said of
   * nothing. */
  if (plural_hit(R, m) && m->tb >= 4 && !(ent(R, m)->flags & DC_F_THING)) {
    uint32_t of = m->tb - 1;
    if (!tok_is_word(R, of, "of") && tok_is_word(R, of - 1, "of") &&
        rs->toks[of].type == TK_WORD)
      of--;
    uint32_t k = of >= 2 && tok_is_word(R, of, "of") &&
                         tok_is_word(R, of - 1, "bunch") &&
                         tok_is_word(R, of - 2, "a")
                     ? of - 2
                     : 0;
    if (k > 0 &&
        (tok_is_word(R, k - 1, "just") || tok_is_word(R, k - 1, "only")))
      k--;
    /* ...of people: a group, a person or a pronoun for them before
     * the verb ("the women's team is", "they're"; not "the coast is
     * a bunch of old dykes") */
    if (k > 0 && mention_at(R, k - 1, DC_KIND_COPULA))
      for (uint32_t j = sent_of(R, m->tb)->tb; j < k; j++)
        if (kind_at(R, j, DC_KIND_IDENTITY) || kind_at(R, j, DC_KIND_PERSON) ||
            kind_at(R, j, DC_KIND_PRONOUN_GROUP) ||
            kind_at(R, j, DC_KIND_PRONOUN_YOU))
          return true;
  }
  /* The plural opening its sentence as the subject of a verb a few words
   * on: "Coons from the projects are robbing everyone", "Fags ruin
   * everything they touch". Not a community's own name for itself
   * (`reclaimable`, no `notperson`: "Chamars have been leatherworkers"):
   * its people are the subject in either reading. */
  if (plural_hit(R, m) && m->tb == sent_of(R, m->tb)->tb &&
      (ent(R, m)->flags & (DC_F_NOTPERSON | DC_F_RECLAIMABLE | DC_F_BANTER)) !=
          DC_F_RECLAIMABLE)
    for (uint32_t k = m->te; k < m->te + 4 && k < rs->ntok; k++)
      if (mention_at(R, k, DC_KIND_COPULA) || mention_at(R, k, DC_KIND_MODAL) ||
          (k == m->te && (mention_at(R, k, DC_KIND_DEROGATE) ||
                          mention_at(R, k, DC_KIND_THREAT))))
        return true;
  if (m->te < rs->ntok && (mention_at(R, m->te, DC_KIND_COPULA) ||
                           mention_at(R, m->te, DC_KIND_MODAL))) {
    /* A hostile mention from the verb to the clause's end. The scan
     * is kept (where it started, the last hostile mention it met):
     * "dyke is a slur" chanted 64 KiB long asks for every slur in
     * one clause. */
    uint32_t clause = rs->toks[m->tb].clause;
    size_t at = rs->first[m->te];
    if (R->used_clause != clause + 1 || at < R->used_from) {
      R->used_clause = clause + 1;
      R->used_from = at;
      R->used_last = 0;
      for (size_t i = at; i < rs->nm; i++) {
        const mention *o = &rs->m[i];
        if (rs->toks[o->tb].clause != clause)
          break;
        if (hostile_word(R, o))
          R->used_last = i + 1;
      }
    }
    if (R->used_last > at)
      return true;
  }
  return false;
}

/* A hostile mention in the comment, other than m, that names its own
 * group ("back to Africa", a slur): the group, as a target, in *out. */
static bool addressed_as_member(run *R, const mention *m, target *out) {
  /* The candidates are worked out once (each one's scope costs a scan of
   * the comment, and a comment may say "you <dehumanizing word>" many
   * times), the first MEMBER_MAX of them; the nearest to m is taken
   * ("Women belong in the kitchen. And go back to Africa, you monkey"
   * addresses a Black person). m (dehumanizing) is never a candidate. */
  if (!R->member_known) {
    R->member_known = 1;
    R->rs->n_member = 0;
    for (size_t i = 0; i < R->rs->nm && R->rs->n_member < MEMBER_MAX; i++) {
      const mention *o = &R->rs->m[i];
      const dc_entry *e = ent(R, o);
      if (!e->categories || !*e->group || o->reclaimed ||
          (o->kind != DC_KIND_EXCLUSION && o->kind != DC_KIND_SLUR &&
           o->kind != DC_KIND_THREAT && o->kind != DC_KIND_DEROGATE))
        continue;
      if (o->kind == DC_KIND_SLUR && singular_slur(R, o))
        continue; /* an insult at one person, as in find_targets */
      const mention *neg;
      if (scope_of(R, o->tb, o->te, &neg) != SC_ASSERTED)
        continue;
      target g = group_of(R, o);
      g.slur = o->kind == DC_KIND_SLUR;
      R->rs->member[R->rs->n_member++] = g;
    }
  }
  const target *best = NULL;
  uint32_t best_d = UINT32_MAX;
  for (size_t i = 0; i < R->rs->n_member; i++) {
    const target *t = &R->rs->member[i];
    uint32_t d = t->tb >= m->te ? t->tb - m->te : m->tb - t->te;
    if (d < best_d) {
      best_d = d;
      best = t;
    }
  }
  if (!best)
    return false;
  *out = *best;
  return true;
}

/* Is token k "and", "or" or a comma, joining a list? */
static bool list_joiner(const run *R, uint32_t k) {
  const tok *t = &R->rs->toks[k];
  return tok_is_word(R, k, "and") || tok_is_word(R, k, "or") ||
         (t->e == t->b + 1 && R->n->text[t->b] == ',');
}

/* Words between a verb of speech and the slur it reports that are not
 * the frame of what was said (pronouns, linking verbs, "that", articles
 * and possessives): "called my daughter a ...", "yelled that I was a dirty
 * ..." have one. */
static uint32_t cite_words(const run *R, uint32_t a, uint32_t b) {
  uint32_t n = 0;
  for (uint32_t k = a; k < b; k++) {
    /* a list of the words cited: "words like f*g, d*ke and tr*nny"
     * cites the last as the first (the slurs, commas and "and", "or"
     * between are no words of a frame) */
    const mention *sl = mention_at(R, k, DC_KIND_SLUR);
    if (sl && sl->te + 1 < b && list_joiner(R, sl->te) &&
        mention_at(R, sl->te + 1, DC_KIND_SLUR)) {
      k = sl->te - 1;
      continue;
    }
    if (k + 1 < b && mention_at(R, k + 1, DC_KIND_SLUR) && list_joiner(R, k))
      continue;
    n += !(mention_at(R, k, DC_KIND_PRONOUN_SELF) ||
           mention_at(R, k, DC_KIND_PRONOUN_YOU) ||
           mention_at(R, k, DC_KIND_PRONOUN_GROUP) ||
           mention_at(R, k, DC_KIND_COPULA) || tok_is_word(R, k, "that") ||
           a_or_an(R, k) || tok_is_word(R, k, "the") ||
           tok_is_word(R, k, "him") || tok_is_word(R, k, "her") ||
           tok_is_word(R, k, "his") || he_or_she(R, k));
  }
  return n;
}

/* cites_word's limits: CITE_REACH words (besides the frame of what was
 * said) between the verb of speech and the slur; CITE_WINDOW tokens
 * looked back for the verb. */
#define CITE_REACH 3
/* The most words between the verb and a "that" that opens what was said:
 * whom it was said to and where ("at my eight year old son", "in front
 * of the whole class"). */
#define CITE_TO 8
#define CITE_WINDOW 40

/* Is the slur m quoted, or reported by a verb of speech whose subject is
 * someone else, a few words before it in its sentence ("someone called my
 * daughter a ...", "he said", "the word")? A report of belief ("if you
 * think ...") does not make the slur someone else's, nor does a report far
 * back in a long sentence ("he said it was a routine check but you can't
 * trust these ... doctors"): past CITE_REACH words other than the frame
 * of what was said (cite_words), counted from a "that" after the verb
 * when there is one, the slur is the writer's again. */
static bool cites_word(const run *R, const mention *m) {
  const dc_rules_scratch *rs = R->rs;
  if (rs->toks[m->tb].quoted)
    return true;
  const sentence *s = sent_of(R, m->tb);
  /* Only a verb at most CITE_WINDOW tokens back can be near enough:
   * a long sentence of reports and slurs ("Dad called me a ... Dad
   * called me a ...") would otherwise be read back in full for each. */
  uint32_t lo = m->tb > CITE_WINDOW ? m->tb - CITE_WINDOW : 0;
  if (lo < s->tb)
    lo = s->tb;
  for (size_t i = rs->first[lo]; i < rs->nm && rs->m[i].tb < m->tb; i++) {
    const mention *o = &rs->m[i];
    if (o->kind != DC_KIND_REPORT || o->te > m->tb ||
        (ent(R, o)->flags & DC_F_BELIEF))
      continue;
    /* "screamed at my eight year old son that he was a ...": what
     * was said starts at "that", after whom it was said to */
    uint32_t from = o->te;
    for (uint32_t k = m->tb; k-- > o->te;)
      if (tok_is_word(R, k, "that")) {
        /* a "that" that opens a clause ("that he was"), not one
         * that points ("drop that ...") */
        if (cite_words(R, o->te, k) <= CITE_TO && k + 1 < m->tb &&
            (mention_at(R, k + 1, DC_KIND_PRONOUN_SELF) ||
             mention_at(R, k + 1, DC_KIND_PRONOUN_YOU) || he_or_she(R, k + 1)))
          from = k + 1;
        break;
      }
    if (cite_words(R, from, m->tb) <= CITE_REACH && others_report(R, s, o))
      return true;
  }
  return false;
}

/* How far from a slur named as a word denounces_within looks. */
#define NAMED_WORD_REACH 12

/* denounces(), read only within NAMED_WORD_REACH tokens of token ti in
 * sentence s: it is asked for every slur so named, and a long sentence of
 * them would otherwise be read in full for each. A denouncing word over
 * token skip does not count: that is the word noun itself ("slur"), which
 * names the word without judging it ("nigger is a slur they earned"). */
static bool denounces_within(const run *R, const sentence *s, uint32_t ti,
                             uint32_t skip) {
  if (!R->denounce_any)
    return false;
  uint32_t lo = ti > s->tb + NAMED_WORD_REACH ? ti - NAMED_WORD_REACH : s->tb;
  uint32_t hi = s->te - ti > NAMED_WORD_REACH ? ti + NAMED_WORD_REACH : s->te;
  for (size_t i = R->rs->first[lo]; i < R->rs->nm && R->rs->m[i].tb < hi; i++) {
    const mention *d = &R->rs->m[i];
    if (d->kind == DC_KIND_DENOUNCE && !(d->tb <= skip && skip < d->te) &&
        !(kinds_before(R, d->tb) & (KIND_BIT(NEGATION) | KIND_BIT(REPORT))))
      return true;
  }
  return false;
}

/* Is token k a noun for a word ("word", "term", "slur", "insult") that
 * names what comes before it, not one applied to people after it ("hoe is
 * the term for women", "a word for awesome")? */
static bool word_noun(const run *R, uint32_t k, uint32_t end) {
  /* "slur" and "insult" judge the word they name: "an ethnic slur for
   * Jews" classes it by whom it insults, it does not call them so.
   * (Indefinite: "the best insult for Jews" picks it for them.) */
  bool judged = (tok_is_word(R, k, "slur") || tok_is_word(R, k, "insult")) &&
                k >= 2 && (a_or_an(R, k - 1) || a_or_an(R, k - 2));
  return (tok_is_word(R, k, "word") || tok_is_word(R, k, "term") ||
          tok_is_word(R, k, "slur") || tok_is_word(R, k, "insult")) &&
         (judged || !(k + 1 < end && tok_is_word(R, k + 1, "for")));
}

/* A linking verb at k (the lexicon's, or "it's", "that's", which it
 * holds as function words), an article, and at most two more words to a
 * word noun, inside [k, end): "is a slur", "it's a vile word"; not "the
 * n... is worthless a slur is needed", two clauses run together. Returns
 * the word noun's token, or 0 (never one: k comes before it). */
static uint32_t called_a_word(const run *R, uint32_t k, uint32_t end) {
  if (k + 1 >= end ||
      !(kind_at(R, k, DC_KIND_COPULA) || tok_is_word(R, k, "it's") ||
        tok_is_word(R, k, "its") || tok_is_word(R, k, "that's") ||
        tok_is_word(R, k, "thats")) ||
      !(tok_is_word(R, k + 1, "a") || tok_is_word(R, k + 1, "an") ||
        tok_is_word(R, k + 1, "the") || tok_is_word(R, k + 1, "such")))
    return 0;
  for (uint32_t j = k + 1; j < end && j <= k + 4; j++) {
    if (R->rs->toks[j].type != TK_WORD)
      return 0;
    if (word_noun(R, j, end))
      return j;
  }
  return 0;
}

/* Does the word noun at w (called_a_word's) call the word a slur: "slur"
 * or "insult" not followed by a clause of its own ("dyke is a slur", "...
 * is a slur like do u live under a rock"; not "a slur they earned", "a
 * slur that fits them"), or a noun after a word that so judges a word ("a
 * derogative term against Lesbians")? */
static bool slur_named(const run *R, uint32_t w, uint32_t end) {
  static const char *const opens[] = {"they", "we",   "he",     "she", "you",
                                      "i",    "that", "which",  "who", "and",
                                      "but",  "so",   "because"};
  if ((tok_is_word(R, w, "slur") || tok_is_word(R, w, "insult"))) {
    bool opened = false;
    for (size_t i = 0; w + 1 < end && i < sizeof opens / sizeof *opens; i++)
      opened = opened || tok_is_wordn(R, w + 1, opens[i], strlen(opens[i]));
    if (!opened)
      return true;
  }
  for (uint32_t j = w - 1; j > w - 3; j--)
    if (tok_is_word(R, j, "derogatory") || tok_is_word(R, j, "derogative") ||
        tok_is_word(R, j, "pejorative") || tok_is_word(R, j, "offensive"))
      return true;
  return false;
}

/* Is the slur m said of someone: the predicate of a linking verb or
 * hurled at "you", with at most two articles between ("Jews are kikes",
 * "you're a faggot", "they are niggers")? Then a word noun after it
 * ("that's the correct term") vouches for the word, it does not name it. */
static bool said_of_someone(const run *R, const mention *m) {
  const sentence *s = sent_of(R, m->tb);
  uint32_t k = m->tb;
  while (k > s->tb && m->tb - k < 2 &&
         (a_or_an(R, k - 1) || tok_is_word(R, k - 1, "the") ||
          tok_is_word(R, k - 1, "such")))
    k--;
  return k > s->tb && (mention_at(R, k - 1, DC_KIND_COPULA) ||
                       mention_at(R, k - 1, DC_KIND_PRONOUN_YOU));
}

/* Is the slur m named as a word, not used of anyone: said to be one by a
 * linking verb right after it ("dyke is a slur", "raghead, it's a vile
 * word"), or by the next sentence opening so when one of the two
 * denounces ("... stop using raghead in their insults. It's a vile
 * word."; not "Muslims are ...s. It's a fitting word.")? *denounced is
 * set when the sentence that names it so, or the slur's, denounces, by a
 * word other than the word noun. Not a slur said of someone ("you're a
 * faggot, that's the right word"); and in its own sentence only when
 * denounced, or called a "slur" or "insult" that ends its clause ("how
 * do you not know dyke is a slur"; not "nigger is the right word", "...
 * is a slur they earned"). */
static bool named_as_word(const run *R, const mention *m, bool *denounced) {
  const dc_rules_scratch *rs = R->rs;
  const sentence *s = sent_of(R, m->tb);
  uint32_t k = m->te;
  if (k < s->te && rs->toks[k].type == TK_PUNCT && rs->toks[k].ch == ',')
    k++;
  if (k < s->te && (tok_is_word(R, k, "it") || tok_is_word(R, k, "that")))
    k++;
  if (said_of_someone(R, m))
    return false;
  uint32_t w = called_a_word(R, k, s->te);
  if (w) {
    *denounced = denounces_within(R, s, m->tb, w);
    return *denounced || slur_named(R, w, s->te);
  }
  /* the next sentence: "It's a vile word.", "That is a slur." */
  uint32_t si = R->rs->toks[m->tb].sent;
  if (si + 1 >= rs->ns)
    return false;
  const sentence *n = &rs->s[si + 1];
  k = n->tb;
  if (k < n->te && (tok_is_word(R, k, "it") || tok_is_word(R, k, "that") ||
                    tok_is_word(R, k, "this")))
    k++;
  if (k == n->tb && kind_at(R, k, DC_KIND_COPULA))
    return false;
  w = called_a_word(R, k, n->te);
  if (!w)
    return false;
  *denounced = denounces_within(R, n, n->tb, w) ||
               denounces_within(R, s, m->tb, UINT32_MAX);
  return *denounced;
}

/* "Paki is what they called me at school", "Faggot was what the kids
 * yelled": the slur, a linking verb and "what", then within three words a
 * verb of speech whose subject is someone else (or "the word", "the
 * name" and someone else using it): the slur is the word they used, told
 * (as by a victim), not the writer's. Not "Paki is what they are", nor
 * "... what I call them". (Not called_a_word: "the" and the noun right
 * after the verb, and "name", pick out the word someone used; "a slur"
 * classes it.) */
static bool cleft_cited(const run *R, const mention *m) {
  const dc_rules_scratch *rs = R->rs;
  const sentence *s = sent_of(R, m->tb);
  uint32_t k = m->te;
  if (k + 2 >= s->te || !kind_at(R, k, DC_KIND_COPULA))
    return false;
  /* "Paki was the word they used for us", "... the name the kids called
   * me": a word noun, then a clause whose subject is someone else
   * (not "I", "we": "the word we use for them") using or saying it */
  if (tok_is_word(R, k + 1, "the") && k + 4 < s->te &&
      (tok_is_word(R, k + 2, "word") || tok_is_word(R, k + 2, "name") ||
       tok_is_word(R, k + 2, "term"))) {
    uint32_t c = k + 3;
    if (tok_is_word(R, c, "that") || tok_is_word(R, c, "which"))
      c++;
    if (c >= s->te || rs->toks[c].type != TK_WORD ||
        kind_at(R, c, DC_KIND_PRONOUN_SELF) ||
        kind_at(R, c, DC_KIND_PRONOUN_YOU))
      return false;
    for (uint32_t v = c + 1; v < s->te && v <= c + 3; v++) {
      if (kind_at(R, v, DC_KIND_PRONOUN_SELF))
        return false;
      if (tok_is_word(R, v, "used") || tok_is_word(R, v, "use") ||
          tok_is_word(R, v, "uses") ||
          (kind_at(R, v, DC_KIND_REPORT) &&
           !(ent(R, mention_at(R, v, DC_KIND_REPORT))->flags & DC_F_BELIEF)))
        return true;
    }
    return false;
  }
  if (!tok_is_word(R, k + 1, "what"))
    return false;
  for (size_t i = rs->first[k + 2];
       i < rs->nm && rs->m[i].tb < s->te && rs->m[i].tb <= k + 5; i++) {
    const mention *o = &rs->m[i];
    if (o->kind == DC_KIND_REPORT && !(ent(R, o)->flags & DC_F_BELIEF))
      return others_report(R, s, o);
  }
  return false;
}

/* Is the insult noun m, in the plural, the subject of a verb whose
 * object is the group t right after it: "incels calling women 'foids'
 * ...", "idiots who harass Muslims should be banned", "morons attacking
 * gay couples deserve jail"? The insult names those who do it, not the
 * group ("idiots like all Muslims", "morons, these Muslims" say it of the
 * group: no verb between). The verb is a participle in -ing or follows
 * "who" or "that", and is no linking verb. */
static bool insult_does(const run *R, const mention *m, const target *t) {
  uint32_t k = m->te;
  if (!plural_hit(R, m) || t->tb <= k || t->tb > k + 3 ||
      R->rs->toks[k].sent != R->rs->toks[t->tb].sent)
    return false;
  bool rel = tok_is_word(R, k, "who") || tok_is_word(R, k, "that");
  if (rel)
    k++;
  if (k >= t->tb || R->rs->toks[k].type != TK_WORD ||
      kind_at(R, k, DC_KIND_COPULA) || kind_at(R, k, DC_KIND_NEGATION) ||
      kind_at(R, k, DC_KIND_PRONOUN_SELF) || is_determiner(R, k) ||
      tok_is_word(R, k, "like"))
    return false;
  const tok *v = &R->rs->toks[k];
  bool ing = v->e - v->b > 4 && memcmp(R->n->text + v->e - 3, "ing", 3) == 0;
  if (!rel && !ing)
    return false;
  /* at most a determiner between the verb and the group */
  return k + 1 == t->tb || (k + 2 == t->tb && is_determiner(R, k + 1));
}

/* Is the slur m, flagged `verbsense`, the ordinary verb its letters also
 * spell: "retard the ignition timing by two degrees", "that would cripple
 * our military", "tariffs will cripple the economy", "to retard the
 * spark"? Before a word that opens a noun phrase (or a noun of what is
 * slowed: "growth", "timing") in its clause, and at the head of its
 * clause or after "to", "and", a subject pronoun or a modal (or, in -s,
 * after "it"/"which": "it retards the growth"). Said of people it is the
 * slur: "retard kids shouldn't be in school", "you retard", "that cripple
 * the council hired" (no verb before it). */
static bool verb_sense(const run *R, const mention *m) {
  static const char *const before[] = {
      "to",     "will",    "would", "could", "can", "may",   "might", "must",
      "should", "shall",   "does",  "did",   "do",  "gonna", "wanna", "it",
      "which",  "that'll", "it'll", "and",   "we",  "they"};
  static const char *const slowed[] = {"any",         "every",  "these",
                                       "those",       "growth", "progress",
                                       "development", "timing"};
  const dc_rules_scratch *rs = R->rs;
  if (!(ent(R, m)->flags & DC_F_VERBSENSE) || m->te >= rs->ntok ||
      rs->toks[m->te].clause != rs->toks[m->tb].clause ||
      !(word_among(R, m->te, m->te + 1, np_openers,
                   sizeof np_openers / sizeof *np_openers) ||
        word_among(R, m->te, m->te + 1, slowed,
                   sizeof slowed / sizeof *slowed)))
    return false;
  /* "retard the lot of them": people, not a thing slowed */
  if (m->te + 1 < rs->ntok && tok_is_word(R, m->te + 1, "lot"))
    return false;
  /* "retard the adults are talking", "Retard your mom should have
   * aborted you": a verb of its own right after the noun phrase makes
   * that phrase a subject, and the slur before it a name called */
  static const char *const aux[] = {
      "is",     "are",    "was",    "were",   "does",  "doesn't", "don't",
      "did",    "didn't", "has",    "have",   "had",   "isn't",   "aren't",
      "wasn't", "can't",  "won't",  "should", "would", "will",    "can",
      "never",  "dont",   "doesnt", "cant",   "wont"};
  for (uint32_t j = m->te + 1; j < m->te + 5 && j < rs->ntok; j++) {
    if (rs->toks[j].clause != rs->toks[m->tb].clause ||
        tok_is_word(R, j, "and") || tok_is_word(R, j, "which") ||
        tok_is_word(R, j, "that") || tok_is_word(R, j, "by"))
      break;
    if (kind_at(R, j, DC_KIND_COPULA) || kind_at(R, j, DC_KIND_MODAL) ||
        word_among(R, j, j + 1, aux, sizeof aux / sizeof *aux))
      return false;
  }
  bool third = plural_hit(R, m);
  uint32_t k = m->tb;
  /* at the head of the sentence; at the head of a later clause
   * ("shut up, retard your opinion ...", "sit down, retard the ...")
   * the word after a comma is as often a name called */
  if (k == sent_of(R, m->tb)->tb)
    return !third;
  if (rs->toks[k - 1].clause != rs->toks[k].clause)
    return false;
  if (third)
    return tok_is_word(R, k - 1, "it") || tok_is_word(R, k - 1, "which");
  return word_among(R, k - 1, k, before, sizeof before / sizeof before[0]) ||
         kind_at(R, k - 1, DC_KIND_MODAL);
}

/* Is the insult m a tell-off ("go to hell") after a modal whose subject
 * is a noun naming no one: "this fucking disease can go to hell",
 * "cancer can go to hell"? The subject is the word right before the
 * modal (a swear word before it may come between it and "this"), not a
 * person, identity, insult, slur or dehumanizing word said of a group
 * named in the sentence, nor a pronoun ("you can go to hell", "this guy
 * can go to hell", "Muslims can go to hell" are said to people). */
static bool thing_told_off(const run *R, const mention *m) {
  const sentence *s = sent_of(R, m->tb);
  if (m->tb < s->tb + 2 || !kind_at(R, m->tb - 1, DC_KIND_MODAL))
    return false;
  uint32_t k = m->tb - 2;
  const tok *n = &R->rs->toks[k];
  if (n->type != TK_WORD || kind_at(R, k, DC_KIND_PERSON) ||
      kind_at(R, k, DC_KIND_HUMANITY) || kind_at(R, k, DC_KIND_IDENTITY) ||
      kind_at(R, k, DC_KIND_INSULT) || kind_at(R, k, DC_KIND_SLUR) ||
      kind_at(R, k, DC_KIND_PRONOUN_YOU) ||
      kind_at(R, k, DC_KIND_PRONOUN_SELF) ||
      kind_at(R, k, DC_KIND_PRONOUN_GROUP) ||
      kind_at(R, k, DC_KIND_NONPROTECTED) || is_determiner(R, k) ||
      has_kind_in(R, s->tb, s->te, DC_KIND_IDENTITY) ||
      has_kind_in(R, s->tb, s->te, DC_KIND_SLUR))
    return false;
  static const char *const people[] = {
      "he",       "she",       "it",     "they",    "who",
      "everyone", "everybody", "anyone", "anybody", "somebody",
      "someone",  "whoever",   "u",      "this",    "that"};
  static const char *const dets[] = {"this",  "that", "these",
                                     "those", "my",   "our"};
  if (word_among(R, k, k + 1, people, sizeof people / sizeof people[0]))
    return false;
  /* the noun opens the sentence or a clause after a comma, or "this"
   * or "my" holds it, a swear word between at most ("this fucking
   * disease"); "the mods can go to hell" may name people the lexicon
   * does not know */
  if (k == s->tb || R->rs->toks[k - 1].type == TK_PUNCT)
    return true;
  uint32_t d = k - 1;
  if (kind_at(R, d, DC_KIND_PROFANITY) && d > s->tb)
    d--;
  return word_among(R, d, d + 1, dets, sizeof dets / sizeof dets[0]);
}

/* Slurs: they name and attack a group at once. */
/* "hes a retard who thinks the wheelchair makes him special": a
 * disability slur thrown at one person in a sentence that names a
 * disability (an identity word of that category with no everyday sense:
 * not "blind", as in "the blind idiot god"; or the aids that mark it: a
 * wheelchair, crutches) is thrown at the person for being
 * disabled: the slur, not a mere insult. Not at the writer ("I felt like
 * such a retard in my wheelchair"). */
static bool disability_named(run *R, const mention *m) {
  static const char *const aids[] = {
      "wheelchair", "wheelchairs",  "crutches", "autism",
      "disability", "disabilities", "palsy"};
  const dc_entry *e = ent(R, m);
  if (!(e->categories & (1u << DECORUM_CATEGORY_DISABILITY)))
    return false;
  const dc_rules_scratch *rs = R->rs;
  const sentence *s = sent_of(R, m->tb);
  for (uint32_t k = s->tb; k < m->tb; k++)
    if (kind_at(R, k, DC_KIND_PRONOUN_SELF))
      return false;
  if (!R->aid_named)
    R->aid_named =
        word_among(R, 0, (uint32_t)rs->ntok, aids, sizeof aids / sizeof *aids)
            ? 2
            : 1;
  if (R->aid_named == 2 &&
      word_among(R, s->tb, s->te, aids, sizeof aids / sizeof *aids))
    return true;
  for (size_t i = rs->first[s->tb]; i < rs->nm && rs->m[i].tb < s->te; i++)
    if (rs->m[i].kind == DC_KIND_IDENTITY &&
        !(ent(R, &rs->m[i])->flags & DC_F_AMBIGUOUS) &&
        (ent(R, &rs->m[i])->categories & (1u << DECORUM_CATEGORY_DISABILITY)))
      return true;
  return false;
}

/* "Rebuilt two trannies this winter, the auto ones always slip": a
 * gender-identity slur whose everyday sense is a gearbox (flag
 * `notperson`: "tranny", "trannie") in a comment about vehicles is the
 * gearbox, unless it is aimed at someone ("you ...") or comes before a
 * person noun ("tranny women"). */
static bool gearbox_sense(run *R, const mention *m) {
  static const char *const car[] = {
      "gearbox",  "gearboxes", "transmission", "transmissions", "clutch",
      "gear",     "gears",     "engine",       "engines",       "diesel",
      "manual",   "automatic", "auto",         "rebuild",       "rebuilt",
      "fluid",    "torque",    "converter",    "overdrive",     "axle",
      "flywheel", "truck",     "trucks",       "car",           "cars",
      "rpm",      "4x4",       "shifter",      "shifting",      "truck's",
      "car's"};
  static const char *const disgust[] = {"sick", "puke", "vomit", "gross",
                                        "disgusting"};
  const dc_entry *e = ent(R, m);
  const dc_rules_scratch *rs = R->rs;
  if (!(e->flags & DC_F_NOTPERSON) ||
      !(e->categories & (1u << DECORUM_CATEGORY_GENDER_IDENTITY)))
    return false;
  if ((m->tb > 0 && mention_at(R, m->tb - 1, DC_KIND_PRONOUN_YOU)) ||
      sexage_after(R, m))
    return false;
  /* (the comment's vehicles asked once: word by word, the dearest
   * test) */
  if (!R->car_talk)
    R->car_talk =
        word_among(R, 0, (uint32_t)rs->ntok, car, sizeof car / sizeof *car) ? 2
                                                                            : 1;
  if (R->car_talk != 2)
    return false;
  /* ...and its sentence says nothing that is said of people: no group
   * word, strong stereotype (not "always": "the auto ones always
   * slip"), threat, hatred, exclusion or noun of contempt for people
   * ("trannies are freaks and I drive a truck") */
  const sentence *s = sent_of(R, m->tb);
  /* The vehicle is in the slur's own sentence ("Lol look at this
   * tranny. Anyway back to my engine swap": two subjects), and no
   * person ("Uber driver was a tranny", "my mechanic turned out to be a
   * tranny"), disgust ("felt sick the whole ride in that car") or "is
   * a ..." (said what someone is) beside it. */
  if (!word_among(R, s->tb, s->te, car, sizeof car / sizeof *car) ||
      word_among(R, s->tb, s->te, disgust, sizeof disgust / sizeof *disgust) ||
      (m->tb >= 2 && (is_determiner(R, m->tb - 1) || a_or_an(R, m->tb - 1)) &&
       (kind_at(R, m->tb - 2, DC_KIND_COPULA) ||
        tok_is_word(R, m->tb - 2, "be"))))
    return false;
  /* (what is said of the gearbox itself, "the tranny is shot", "is
   * junk", after a linking verb, is its state) */
  uint32_t state = m->te < s->te && kind_at(R, m->te, DC_KIND_COPULA)
                       ? m->te + 1
                       : UINT32_MAX;
  for (size_t i = rs->first[s->tb]; i < rs->nm && rs->m[i].tb < s->te; i++) {
    const mention *o = &rs->m[i];
    if (o->kind == DC_KIND_COPULA && o->tb + 1 == state)
      continue;
    if (o->tb == state)
      continue;
    if (o->kind == DC_KIND_IDENTITY || o->kind == DC_KIND_THREAT ||
        (o->kind == DC_KIND_STEREOTYPE && ent(R, o)->severity >= 2) ||
        o->kind == DC_KIND_HATE_VERB || o->kind == DC_KIND_EXCLUSION ||
        o->kind == DC_KIND_PERSON || o->kind == DC_KIND_INSULT ||
        (o->kind == DC_KIND_DEROGATE &&
         ((ent(R, o)->flags & DC_F_NOUN) || ent(R, o)->severity >= 2)))
      return false;
  }
  return true;
}

/* "the chink in the Oilers armour", "a chink in Labour's armor": the
 * idiom for a weak point, with the armour's owner between (allow.tsv holds
 * the forms with a pronoun, which the matcher drops before the rules).
 * The slur right before "in" with "armour" at most five tokens on, in its
 * sentence. */
static bool armour_sense(const run *R, const mention *m) {
  static const char *const armour[] = {"armour", "armor"};
  if (m->te >= R->rs->ntok || !tok_is_word(R, m->te, "in"))
    return false;
  const sentence *s = sent_of(R, m->tb);
  uint32_t end = m->te + 7 < s->te ? m->te + 7 : s->te;
  return word_among(R, m->te + 1, end, armour, 2);
}

/* Does token ti name a person by its ending: a job or role noun made
 * with -er, -ier, -ist, -ian, -man, -woman ("gardener", "cashier",
 * "dentist", "technician", "handyman")? A thing the lexicon knows
 * ("printer", "charger", "computer": kind object) is none, nor "-over"
 * ("hangover"), nor a word of under six letters ("paper", "order",
 * "river"). */
static bool person_ending(const run *R, uint32_t ti) {
  const tok *t = &R->rs->toks[ti];
  const char *w = R->n->text + t->b;
  size_t l = t->e - t->b;
  if (l < 6 || kind_at(R, ti, DC_KIND_OBJECT))
    return false;
  if (memcmp(w + l - 2, "er", 2) == 0)
    return memcmp(w + l - 4, "over", 4) != 0;
  return memcmp(w + l - 3, "ist", 3) == 0 || memcmp(w + l - 3, "ian", 3) == 0 ||
         memcmp(w + l - 3, "man", 3) == 0; /* and -woman */
}

/* "this bitch of a tax return", "an absolute cunt of a bird", "a
 * bastard of a day": a swear word for a person in "a <swear> of a <noun>"
 * says how bad the noun is; when the noun (or the word after it, past an
 * adjective: "a bitch of a long day") names no person, the swearing is
 * aimed at a thing, as an exclamation is. "a bitch of a woman", "that
 * cunt of a landlord", "that bastard of a gardener" stay insults: a
 * person noun of the lexicon (person, humanity, nonprotected, identity),
 * a job noun by its ending (person_ending), or one of the kin and roles
 * below that the lexicon does not list. Only a swear word (a profanity
 * or insult entry) says how bad a thing is: a word that is only a slur
 * ("that spic of a gardener") is the slur, whatever the noun. */
static bool thing_swear_of(const run *R, const mention *m);

/* ("of" first, inline: asked of 15K swear words and slurs on the bench
 * corpus, it is the test that nearly all fail, and the call cost more
 * than the test: 0.40M instructions before, of which ~0.3M gone) */
static inline bool thing_swear(const run *R, const mention *m) {
  return m->te + 2 < R->rs->ntok && tok_is_word(R, m->te, "of") &&
         thing_swear_of(R, m);
}

static __attribute__((noinline)) bool thing_swear_of(const run *R,
                                                     const mention *m) {
  static const char *const people[] = {
      "husband", "wife",     "boyfriend", "girlfriend", "ex",      "mother",
      "father",  "mum",      "mom",       "dad",        "brother", "sister",
      "son",     "daughter", "ref",       "coach",      "cousin",  "uncle",
      "aunt",    "partner",  "mate",      "friend"};
  uint32_t k = m->te; /* "of", thing_swear saw, with two tokens after */
  /* ("the bitch of a gang boss" is whose, not how bad) */
  if (m->tb > 0 && tok_is_word(R, m->tb - 1, "the"))
    return false;
  if (!a_or_an(R, k + 1) || R->rs->toks[k + 2].type != TK_WORD ||
      R->rs->toks[k + 2].sent != R->rs->toks[m->tb].sent)
    return false;
  if (!kind_at(R, m->tb, DC_KIND_PROFANITY) &&
      !kind_at(R, m->tb, DC_KIND_INSULT))
    return false;
  for (uint32_t j = k + 2; j < k + 4 && j < R->rs->ntok; j++) {
    if (R->rs->toks[j].type != TK_WORD)
      break;
    if (kind_at(R, j, DC_KIND_PERSON) || kind_at(R, j, DC_KIND_IDENTITY) ||
        kind_at(R, j, DC_KIND_NONPROTECTED) ||
        kind_at(R, j, DC_KIND_HUMANITY) || kind_at(R, j, DC_KIND_SLUR) ||
        kind_at(R, j, DC_KIND_INSULT) || person_ending(R, j) ||
        word_among(R, j, j + 1, people, sizeof people / sizeof *people))
      return false;
  }
  return true;
}

/* "bastard seagull nicked my chips", "fucking possum in the roof again":
 * a swear word for a person right before an animal is said of the
 * animal; not after "you" ("you bastard dog"). (No "fox": "a slimeball
 * Fox host" is the network's.) */
static bool animal_named(const run *R, const mention *m, uint32_t k,
                         unsigned char c0);

static inline bool animal_swear(const run *R, const mention *m) {
  /* (the first letters of animal_named's cases, tested inline in one
   * mask: most words after a swear word start with another, and the
   * call and the switch's indirect jump cost more than the test) */
  const uint32_t letters =
      1u << ('b' - 'a') | 1u << ('c' - 'a') | 1u << ('d' - 'a') |
      1u << ('f' - 'a') | 1u << ('g' - 'a') | 1u << ('h' - 'a') |
      1u << ('i' - 'a') | 1u << ('m' - 'a') | 1u << ('p' - 'a') |
      1u << ('r' - 'a') | 1u << ('s' - 'a') | 1u << ('w' - 'a');
  uint32_t k = m->te;
  if (k >= R->rs->ntok || R->rs->toks[k].type != TK_WORD)
    return false;
  const unsigned char c0 = (unsigned char)R->n->text[R->rs->toks[k].b];
  return (unsigned)(c0 - 'a') <= 'z' - 'a' && ((letters >> (c0 - 'a')) & 1) &&
         animal_named(R, m, k, c0);
}

/* animal_swear's word k, of first letter c0, an animal's? */
static __attribute__((noinline)) bool
animal_named(const run *R, const mention *m, uint32_t k, unsigned char c0) {
  /* (by the first letter, then one compare of keys for a word of up
   * to 7 bytes: a list walked word by word cost 2.4M instructions on
   * the bench corpus, asked of every insult and swear word) */
  bool is = false;
  switch (c0) {
  case 'b':
    is = tok_is_word(R, k, "bird") || tok_is_word(R, k, "birds");
    break;
  case 'c':
    is = tok_is_word(R, k, "cat") || tok_is_word(R, k, "cats") ||
         tok_is_word(R, k, "cockatoo") || tok_is_word(R, k, "cockatoos") ||
         tok_is_word(R, k, "cow") || tok_is_word(R, k, "crow") ||
         tok_is_word(R, k, "crows");
    break;
  case 'd':
    is = tok_is_word(R, k, "dog") || tok_is_word(R, k, "dogs");
    break;
  case 'f':
    is = tok_is_word(R, k, "flies") || tok_is_word(R, k, "fly");
    break;
  case 'g':
    is = tok_is_word(R, k, "geese") || tok_is_word(R, k, "goat") ||
         tok_is_word(R, k, "goose") || tok_is_word(R, k, "gull") ||
         tok_is_word(R, k, "gulls");
    break;
  case 'h':
    is = tok_is_word(R, k, "horse");
    break;
  case 'i':
    is = tok_is_word(R, k, "ibis");
    break;
  case 'm':
    is = tok_is_word(R, k, "magpie") || tok_is_word(R, k, "magpies") ||
         tok_is_word(R, k, "mice") || tok_is_word(R, k, "mosquito") ||
         tok_is_word(R, k, "mosquitoes") || tok_is_word(R, k, "mouse");
    break;
  case 'p':
    is = tok_is_word(R, k, "pigeon") || tok_is_word(R, k, "pigeons") ||
         tok_is_word(R, k, "possum") || tok_is_word(R, k, "possums");
    break;
  case 'r':
    is = tok_is_word(R, k, "raccoon") || tok_is_word(R, k, "raccoons");
    break;
  case 's':
    is = tok_is_word(R, k, "seagull") || tok_is_word(R, k, "seagulls") ||
         tok_is_word(R, k, "squirrel") || tok_is_word(R, k, "squirrels");
    break;
  case 'w':
    is = tok_is_word(R, k, "wasp") || tok_is_word(R, k, "wasps");
    break;
  default:
    break;
  }
  return is && !(m->tb > 0 && kind_at(R, m->tb - 1, DC_KIND_PRONOUN_YOU));
}

/* Is the slur m written with a vowel under a macron ("kātua", Māori for
 * adult)? The macron marks long vowels in Māori, Latvian and romanized
 * Sanskrit and Hindi; typed on purpose, it spells a word of those
 * languages, not a look-alike that dodges a filter (which takes a letter
 * nearer to hand: "à", "ä", a digit). */
static bool macron_spelled(const run *R, const mention *m) {
  uint32_t ob = dc_norm_src_begin(R->n, m->b);
  uint32_t oe = dc_norm_src_end(R->n, m->e - 1);
  for (uint32_t i = ob; i + 1 < oe && i + 1 < R->orig_len; i++) {
    unsigned char a = (unsigned char)R->orig[i];
    unsigned char b = (unsigned char)R->orig[i + 1];
    /* U+0100/0101 (Ā ā), U+0112/0113, U+012A/012B, U+014C/014D,
     * U+016A/016B */
    if ((a == 0xC4 && (b == 0x80 || b == 0x81 || b == 0x92 || b == 0x93 ||
                       b == 0xAA || b == 0xAB)) ||
        (a == 0xC5 && (b == 0x8C || b == 0x8D || b == 0xAA || b == 0xAB)))
      return true;
  }
  return false;
}

static __attribute__((noinline)) decorum_status rule_slur(run *R,
                                                          const mention *m) {
  const dc_entry *e = ent(R, m);
  if (macron_spelled(R, m))
    return DECORUM_OK;
  if ((e->flags & DC_F_AMBIGUOUS) &&
      (!used_of_people(R, m) || pest_sense(R, m)))
    return DECORUM_OK;
  if (thing_swear(R, m))
    return DECORUM_OK;
  /* (and the model, which learned the word as a slur, is damped as
   * for other attack words aimed at no one: "the chink in the Oilers
   * armour is their goaltending" had the model alone at review) */
  if (gearbox_sense(R, m) || armour_sense(R, m) || verb_sense(R, m)) {
    R->untargeted = true;
    return DECORUM_OK;
  }
  /* "the slur '...'" is joined only for the reasons that name the word;
   * the usual one does not. */
  char buf[96];
  if (m->reclaimed) {
    {
      R->out->rf[DC_RF_RECLAIMED] = 1;
      finding_spec fs = {0};
      fs.b = m->b;
      fs.e = m->e;
      fs.signal = DECORUM_SIGNAL_RECLAIMED;
      fs.attribute = DECORUM_IDENTITY_ATTACK;
      fs.flags = DECORUM_SPAN_MITIGATING;
      fs.categories = e->categories;
      uint32_t r;
      piece what = quote_mention(R, m, LIT("the slur '"), buf);
      decorum_status st = REASON(R, &r, LIT("reclaimed in-group use of "), what,
                                 LIT(", not an attack"));
      if (st != DECORUM_OK)
        return st;
      st = emit(R, &fs, r);
      if (st != DECORUM_OK)
        return st;
      /* Still vulgar: a little profanity. */
      fs.flags = 0;
      fs.signal = DECORUM_SIGNAL_PROFANITY;
      fs.attribute = DECORUM_PROFANITY;
      fs.weight = 0.5f;
      fs.categories = 0;
      if ((st = REASON(R, &r, LIT("vulgar language: "), what)) != DECORUM_OK)
        return st;
      return emit(R, &fs, r);
    }
  }
  const mention *neg;
  scope sc = scope_of(R, m->tb, m->te, &neg);
  /* A slur speaks for whoever uses it, even inside a report of what
   * others think ("if you think <slur> Obama will ..."): only one that
   * is quoted, or that a verb of speech reports ("called me a <slur>",
   * "the word <slur>"), is someone else's. */
  if (sc == SC_REPORTED && !cites_word(R, m))
    sc = SC_ASSERTED;
  /* "dyke is a slur", "Stop using raghead, it's a vile word": a slur
   * named as a word is mentioned, not used of anyone; denounced, it is
   * counter-speech. */
  bool denounced = false;
  if (sc != SC_COUNTER && sc != SC_REPORTED && named_as_word(R, m, &denounced))
    sc = denounced ? SC_COUNTER : SC_REPORTED;
  if (sc == SC_ASSERTED && cleft_cited(R, m))
    sc = SC_REPORTED;
  /* "I'm not a X" or "X is not a word to use": a negator does not
   * neutralize a slur; only quoting or reporting it does. */
  if (sc == SC_COUNTER || sc == SC_REPORTED)
    return mitigate(R, m->b, m->e, sc,
                    quote_mention(R, m, LIT("the slur '"), buf));
  float w = severity_weight(e->severity, 0.6f, 0.85f, 0.95f);
  /* A slur flagged plural names its group in the plural ("retards",
   * "bitches"). In the singular, thrown at one person, it borrows the
   * group's name to insult them: toxic, not hate ("you're a retard",
   * "that bitch"); said of a group ("every woman is a whore") or after
   * an identity word ("that Muslim slut") it is the slur. */
  if (singular_slur(R, m) && !disability_named(R, m)) {
    int dist = 0;
    const target *t =
        pick_target(R, m->tb, m->te, m->b, m->e, DIR_BACKWARD, &dist);
    /* With no target word it is still said of someone ("dumb
     * bitch", "shut up, retard"): an ambiguous one has passed
     * used_of_people. */
    if (!t || (t->type != TG_GROUP && t->type != TG_PRONOUN))
      return attack_on_other(R, m, t ? t : &someone, DECORUM_SIGNAL_INSULT,
                             DECORUM_INSULT, w);
  }
  bool to_you;
  if (banter_at_people(R, m, &to_you)) {
    static const target addressed = {.type = TG_YOU, .entry = -1};
    return attack_on_other(R, m, to_you ? &addressed : &someone,
                           DECORUM_SIGNAL_INSULT, DECORUM_INSULT, w);
  }
  R->out->rf[DC_RF_SLUR] += 1;
  finding_spec fs = {0};
  fs.b = m->b;
  fs.e = m->e;
  fs.signal = DECORUM_SIGNAL_SLUR;
  fs.attribute = DECORUM_IDENTITY_ATTACK;
  fs.categories = e->categories;
  fs.weight = w;
  fs.hate = true;
  fs.severe = (e->flags & DC_F_SEVERE) || e->severity >= 3;
  uint32_t r;
  decorum_status st = REASON(R, &r, LIT("slur for "),
                             *e->group ? entry_group(e) : LIT("a group"),
                             LIT(": "), entry_why(e), mention_note(R, m));
  if (st != DECORUM_OK)
    return st;
  return emit(R, &fs, r);
}

/* The code word that named a group ("Skypes", "Googles") gets its own
 * span when an attack or a conspiracy story uses it. */
static decorum_status code_word(run *R, const target *t) {
  const dc_entry *ce = &R->lx->entries[t->entry];
  finding_spec fs = {0};
  fs.b = tb_byte(R, t->tb);
  fs.e = te_byte(R, t->te);
  fs.signal = DECORUM_SIGNAL_CODED_DOGWHISTLE;
  fs.attribute = DECORUM_IDENTITY_ATTACK;
  fs.categories = t->categories;
  fs.weight = 0.7f;
  fs.hate = true;
  uint32_t r;
  decorum_status st = REASON(R, &r, LIT("code word for "), entry_group(ce),
                             LIT(": "), entry_why(ce));
  if (st != DECORUM_OK)
    return st;
  return emit(R, &fs, r);
}

static bool in_target(const run *R, uint32_t k, int type);

/* Is the group t, before the predicate m ("... was disgusting"), inside
 * the subject as what an event happened to? After a preposition of that
 * ("on", "to", "against", "towards", "at", past one determiner), or
 * followed by a verb of suffering ("get", "face", "suffer", "endure"),
 * with a copula between the group and m; or as what is treated, in the
 * judgement's clause ("how they treat refugees", "the treatment of
 * refugees", "the way these refugees were treated"). */
static bool event_subject(const run *R, const target *t, const mention *m) {
  bool copula = false;
  for (uint32_t k = t->te; k < m->tb && !copula; k++)
    copula = mention_at(R, k, DC_KIND_COPULA) != NULL;
  if (!copula)
    return false;
  uint32_t p = t->tb;
  if (p > 0 &&
      (tok_is_word(R, p - 1, "the") || tok_is_word(R, p - 1, "those") ||
       tok_is_word(R, p - 1, "these") || tok_is_word(R, p - 1, "a")))
    p--;
  if (p > 0 &&
      (tok_is_word(R, p - 1, "on") || tok_is_word(R, p - 1, "to") ||
       tok_is_word(R, p - 1, "against") || tok_is_word(R, p - 1, "towards") ||
       tok_is_word(R, p - 1, "toward") || tok_is_word(R, p - 1, "at")))
    return true;
  /* "how they treat refugees", "the way police treated these refugees",
   * "the treatment of refugees": the group is what is done to it */
  bool treated =
      (p > 0 &&
       (tok_is_word(R, p - 1, "treat") || tok_is_word(R, p - 1, "treats") ||
        tok_is_word(R, p - 1, "treated") || tok_is_word(R, p - 1, "treating") ||
        tok_is_word(R, p - 1, "mistreat") ||
        tok_is_word(R, p - 1, "mistreated"))) ||
      (p > 1 && tok_is_word(R, p - 1, "of") &&
       (tok_is_word(R, p - 2, "treatment") ||
        tok_is_word(R, p - 2, "mistreatment") ||
        tok_is_word(R, p - 2, "plight") || tok_is_word(R, p - 2, "handling")));
  uint32_t v = t->te;
  /* "the way these refugees were treated", "how Jews are being treated",
   * "the way refugees get handled": a passive of treating, its group the
   * subject */
  for (uint32_t k = v; !treated && k < m->tb && k < v + 3; k++) {
    if (tok_is_word(R, k, "treated") || tok_is_word(R, k, "mistreated") ||
        tok_is_word(R, k, "handled")) {
      treated = k > v;
      break;
    }
    if (!mention_at(R, k, DC_KIND_COPULA) && !tok_is_word(R, k, "being") &&
        !tok_is_word(R, k, "get") && !tok_is_word(R, k, "got") &&
        !tok_is_word(R, k, "gets") && !adverb_like(R, k))
      break;
  }
  /* ...in the judgement's clause, no other subject between: the
   * judgement is of the treatment (not "refugees are treated well, they
   * are disgusting", "treat women well for they are like animals") */
  if (treated && R->rs->toks[t->tb].clause == R->rs->toks[m->tb].clause) {
    bool other = false;
    for (uint32_t k = t->te; !other && k < m->tb; k++)
      other = in_target(R, k, TG_PRONOUN) || in_target(R, k, TG_GROUP) ||
              in_target(R, k, TG_YOU) || kind_at(R, k, DC_KIND_PRONOUN_SELF) ||
              he_or_she(R, k);
    if (!other)
      return true;
  }
  /* "Chinese ppl in my town got harassed during covid, it was
   * disgusting": a wrong the group suffers in a passive in its clause,
   * then the judgement said of "it" or "that" in a later one, is a
   * judgement of what happened (not "Muslims are everywhere, it's
   * disgusting": nothing was done to them). */
  const tok *toks = R->rs->toks;
  if (m->tb >= 2 && toks[t->tb].clause != toks[m->tb].clause &&
      mention_at(R, m->tb - 1, DC_KIND_COPULA) &&
      (tok_is_word(R, m->tb - 2, "it") || tok_is_word(R, m->tb - 2, "that") ||
       tok_is_word(R, m->tb - 2, "this")))
    for (uint32_t k = t->te + 1;
         k < m->tb && toks[k].clause == toks[t->tb].clause; k++)
      if ((R->rs->at[k] & (KIND_BIT(HARM) | KIND_BIT(THREAT))) &&
          (mention_at(R, k - 1, DC_KIND_COPULA) ||
           tok_is_word(R, k - 1, "get") || tok_is_word(R, k - 1, "got") ||
           tok_is_word(R, k - 1, "gets") || tok_is_word(R, k - 1, "being")))
        return true;
  return v < R->rs->ntok && v < m->tb &&
         (tok_is_word(R, v, "get") || tok_is_word(R, v, "gets") ||
          tok_is_word(R, v, "face") || tok_is_word(R, v, "faces") ||
          tok_is_word(R, v, "suffer") || tok_is_word(R, v, "suffered") ||
          tok_is_word(R, v, "endure") || tok_is_word(R, v, "endured") ||
          tok_is_word(R, v, "received") || tok_is_word(R, v, "receive"));
}

/* Token ti opens sentence s, or follows a determiner that does ("the",
 * "those"): the sentence's subject starts there. */
static bool opens_sentence(const run *R, const sentence *s, uint32_t ti) {
  return ti == s->tb || (ti == s->tb + 1 && is_determiner(R, s->tb));
}

/* "natives blocking the rail line again, like cockroaches": a simile set
 * off by a comma is said of the group that opens the sentence, however
 * long the clause between, if no other comma or linking verb stands there
 * (not "Muslims are kind, like my neighbours"; "Fans leaving early, like
 * rats" names no group). Not when the clause tells what was done to them
 * (a past participle: "Jews herded onto trains, like cattle", "refugees
 * kept in cages, like animals"): the simile tells how they were treated. */
static bool comma_simile(const run *R, const target *t, const mention *m) {
  const tok *tk = R->rs->toks;
  if (m->tb < 2 || t->te + 2 > m->tb || m->tb - t->te > TARGET_WINDOW ||
      !tok_is_word(R, m->tb - 1, "like") || tk[m->tb - 2].type != TK_PUNCT ||
      tk[m->tb - 2].ch != ',' || !opens_sentence(R, sent_of(R, m->tb), t->tb))
    return false;
  static const char *const done[] = {"kept",   "held",   "left",   "put",
                                     "thrown", "driven", "taken",  "sent",
                                     "shut",   "caught", "bought", "sold"};
  for (uint32_t k = t->te; k < m->tb - 2; k++) {
    if (tk[k].type != TK_WORD) {
      if (tk[k].ch == ',' || tk[k].ch == '.')
        return false;
      continue;
    }
    if (kind_at(R, k, DC_KIND_COPULA) ||
        (tk[k].e - tk[k].b > 3 &&
         memcmp(R->n->text + tk[k].e - 2, "ed", 2) == 0) ||
        word_among(R, k, k + 1, done, sizeof done / sizeof *done))
      return false;
  }
  return true;
}

/* "The Muslims at the end of my street are vermin": the group opens its
 * sentence (after at most a determiner) and the predicate follows its
 * verb, however long the phrase between; it is what the sentence is
 * about. */
static bool opening_subject(const run *R, const target *t, const mention *m) {
  if (!t || t->te > m->tb || !opens_sentence(R, sent_of(R, m->tb), t->tb))
    return false;
  if (comma_simile(R, t, m))
    return true;
  /* not the verb of a relative clause: "... have dogs that are animals" */
  for (uint32_t k = t->te; k < m->tb; k++)
    if (tok_is_word(R, k, "that") || tok_is_word(R, k, "who") ||
        tok_is_word(R, k, "which"))
      return false;
  /* "is a pack of thieves", "are a bunch of parasites" */
  uint32_t v = m->tb;
  if (v >= 4 && tok_is_word(R, v - 1, "of") && tok_is_word(R, v - 3, "a"))
    v -= 3;
  return (v >= 1 && mention_at(R, v - 1, DC_KIND_COPULA)) ||
         (v >= 2 && mention_at(R, v - 2, DC_KIND_COPULA));
}

/* "Filthy rats, the lot of them", "vermin, every one of them Jews": an
 * exclamation whose subject follows it, after a comma, as "... of them"
 * (t is that "them", or the group right after it). */
static bool appositive(const run *R, const mention *m, const target *t) {
  const dc_rules_scratch *rs = R->rs;
  uint32_t c = m->te;
  while (c < m->te + 2 && c < rs->ntok &&
         !(rs->toks[c].type == TK_PUNCT && rs->toks[c].ch == ','))
    c++;
  if (c >= rs->ntok || rs->toks[c].type != TK_PUNCT || rs->toks[c].ch != ',')
    return false;
  for (uint32_t k = c + 1; k + 1 < rs->ntok && k <= c + 4; k++)
    if (tok_is_word(R, k, "of") && tok_is_word(R, k + 1, "them"))
      return t->tb == k + 1 || t->tb == k + 2;
  return false;
}

/* "The real virus is the Asians", "the plague that is the Jews", "the
 * virus (aka gay people)": the word, definite, then a linking verb (after
 * "that", not negated) and a determiner, or "aka", then the target, which
 * says who the word means. */
static bool names_the_word(const run *R, const mention *m, const target *t) {
  uint32_t b = m->tb;
  if (b > 0 &&
      (tok_is_word(R, b - 1, "real") || tok_is_word(R, b - 1, "true") ||
       tok_is_word(R, b - 1, "actual")))
    b--;
  if (b == 0 || !tok_is_word(R, b - 1, "the"))
    return false;
  uint32_t k = m->te;
  if (k < t->tb && R->rs->toks[k].type == TK_PUNCT && R->rs->toks[k].ch == '(')
    k++;
  if (k < t->tb && tok_is_word(R, k, "aka"))
    return t->tb == k + 1;
  if (k < t->tb && tok_is_word(R, k, "that"))
    k++;
  if (k >= t->tb || !mention_at(R, k, DC_KIND_COPULA) ||
      kind_at(R, k, DC_KIND_NEGATION))
    return false;
  k++;
  if (k < t->tb && is_determiner(R, k))
    k++;
  return t->tb == k;
}

/* "The real virus isn't corona; it's the Asians": the word, definite,
 * denied of one thing (a negated linking verb and at most three words,
 * then ';' or ',') and said of a group right after, by "it's" or "it is"
 * and perhaps a determiner or "them", the group ending its clause:
 * names_the_word across the contrast, which splits the sentence. The
 * group's target, or NULL. */
static const target *contrast_names(const run *R, const mention *m) {
  const dc_rules_scratch *rs = R->rs;
  uint32_t b = m->tb;
  if (b > 0 &&
      (tok_is_word(R, b - 1, "real") || tok_is_word(R, b - 1, "true") ||
       tok_is_word(R, b - 1, "actual")))
    b--;
  if (b == 0 || !tok_is_word(R, b - 1, "the") || m->te >= rs->ntok)
    return NULL;
  uint32_t k = m->te;
  const mention *neg = mention_at(R, k, DC_KIND_NEGATION);
  if (neg && (ent(R, neg)->flags & DC_F_COPULA))
    k = neg->te;
  else if (kind_at(R, k, DC_KIND_COPULA) && k + 1 < rs->ntok &&
           kind_at(R, k + 1, DC_KIND_NEGATION))
    k += 2;
  else
    return NULL;
  uint32_t words = 0;
  for (; k < rs->ntok && rs->toks[k].type == TK_WORD; k++)
    if (++words > 3)
      return NULL;
  if (words == 0 || k + 2 >= rs->ntok ||
      !(rs->toks[k].ch == ';' || rs->toks[k].ch == ','))
    return NULL;
  k++;
  if (tok_is_word(R, k, "it's") || tok_is_word(R, k, "its"))
    k++;
  else if (tok_is_word(R, k, "it") && tok_is_word(R, k + 1, "is"))
    k += 2;
  else
    return NULL;
  if (k < rs->ntok && (is_determiner(R, k) || tok_is_word(R, k, "them")))
    k++;
  for (size_t i = rs->nt > FEW_TARGETS ? targets_from(rs, k) : 0;
       i < rs->nt && rs->t[i].tb <= k; i++)
    if (rs->t[i].type == TG_GROUP && rs->t[i].tb == k &&
        (rs->t[i].te >= rs->ntok || rs->toks[rs->t[i].te].type == TK_PUNCT))
      return &rs->t[i]; /* (ending its clause: not "it's the
                         * Asians who suffer from racism") */
  return NULL;
}

/* Does "the lot", "the lot of them", "all of them", "every one of them"
 * or "the whole lot" follow m: the noun said of everyone named before,
 * as an afterthought ("letting boatloads of Africans in, animals the
 * lot")? */
static bool lot_after(const run *R, const mention *m) {
  uint32_t k = m->te;
  if (k + 1 >= R->rs->ntok)
    return false;
  if (tok_is_word(R, k, "the"))
    return tok_is_word(R, k + 1, "lot") ||
           (k + 2 < R->rs->ntok && tok_is_word(R, k + 1, "whole") &&
            tok_is_word(R, k + 2, "lot"));
  return k + 2 < R->rs->ntok &&
         ((tok_is_word(R, k, "all") && tok_is_word(R, k + 1, "of") &&
           (tok_is_word(R, k + 2, "them") || tok_is_word(R, k + 2, "em"))) ||
          (tok_is_word(R, k, "every") && tok_is_word(R, k + 1, "one") &&
           tok_is_word(R, k + 2, "of")));
}

/* "They eat bats and dogs, filthy people": the word and a bare noun for
 * people (`people`, `folk`, `creatures`) ending its sentence, after a
 * comma, is an epithet the writer hangs on whoever the sentence is
 * about. */
static bool epithet_after(const run *R, const mention *m) {
  static const char *const folk[] = {"people", "folk", "folks", "creatures",
                                     "bunch",  "lot",  "ppl"};
  uint32_t k = m->te;
  const tok *t = R->rs->toks;
  return k < R->rs->ntok &&
         word_among(R, k, k + 1, folk, sizeof folk / sizeof *folk) &&
         (k + 1 >= R->rs->ntok || t[k + 1].type != TK_WORD ||
          t[k + 1].sent != t[k].sent);
}

/* Is the word said of the target? A linking verb just before it ("are
 * vermin", "are nothing but a disease"), a simile ("like rats"), or the
 * two side by side ("vermin migrants", "migrants, vermin"). */
/* "Esos ilegales son parásitos", "los judíos son una plaga", "son como
 * animales": a Spanish linking verb at token k, with nothing between it
 * and the noun at tb but Spanish articles, "como" (like) and hedges. Not
 * in the lexicon as a copula: "son" is the English noun ("my son keeps
 * rats"), so it links only where Spanish words alone lie between. */
static bool spanish_link(const run *R, uint32_t k, uint32_t tb) {
  static const char *const verbs[] = {"son",    "es",      "eran", "era",
                                      "fueron", "parecen", "somos"};
  static const char *const fill[] = {
      "un",    "una",  "unos", "unas", "como", "puros", "puras", "todos",
      "todas", "solo", "mas",  "que",  "pura", "puro",  "nada"};
  if (!word_among(R, k, k + 1, verbs, sizeof verbs / sizeof *verbs))
    return false;
  for (uint32_t j = k + 1; j < tb; j++)
    if (!word_among(R, j, j + 1, fill, sizeof fill / sizeof *fill))
      return false;
  return true;
}

static bool predicated(const run *R, const target *t, const mention *m) {
  /* one run-together statement: "#gaysaredisgusting" */
  if (t->tb < m->te && t->te > m->tb)
    return true;
  /* "..., animals the lot", "..., vermin every one of them": the noun
   * opens its clause after the group and is said of all of them */
  if (t->te <= m->tb && m->tb > 0 && R->rs->toks[m->tb - 1].type == TK_PUNCT &&
      R->rs->toks[m->tb - 1].sent == R->rs->toks[m->tb].sent &&
      (lot_after(R, m) || epithet_after(R, m)))
    return true;
  if (t->tb >= m->te && appositive(R, m, t))
    return true;
  if (t->te > t->tb && t->tb >= m->te) /* word before target */
    return t->tb == m->te ||
           (t->tb == m->te + 1 && R->rs->toks[m->te].type == TK_WORD) ||
           names_the_word(R, m, t);
  /* side by side, or with a comma or a hedge between ("migrants,
   * vermin", "they're all rats", "Mexicans just vermin") */
  /* (not "you act like a female, dog": a bare word after one member
   * and a comma, ending its sentence, calls whoever is addressed) */
  if (m->tb == t->te + 1 && R->rs->toks[t->te].type == TK_PUNCT &&
      R->rs->toks[t->te].ch == ',' && t->tb > 0 && a_or_an(R, t->tb - 1) &&
      (m->te >= R->rs->ntok || R->rs->toks[m->te].type != TK_WORD))
    return false;
  if (m->tb == t->te ||
      (m->tb == t->te + 1 &&
       (R->rs->toks[t->te].type == TK_PUNCT ||
        mention_at(R, t->te, DC_KIND_QUANTIFIER) ||
        tok_is_word(R, t->te, "just") || tok_is_word(R, t->te, "such"))))
    return true;
  if (comma_simile(R, t, m))
    return true;
  /* four words back; a hyphen is no word ("are nothing but
   * knife-wielding apes"). Counted from the head of "a death cult of
   * animals", "a filthy horde of rats" when a word of contempt ends
   * right before "of": the phrase is one noun of contempt, however many
   * words it takes (not "a friend of animals", "a loyal friend of
   * animals": no contempt heads them). */
  uint32_t from = m->tb;
  if (from >= 3 && tok_is_word(R, from - 1, "of") &&
      (any_kind(R, DC_KIND_DEROGATE) || any_kind(R, DC_KIND_DEHUMANIZE))) {
    const dc_rules_scratch *rs = R->rs;
    for (size_t i = rs->first[from - 3]; i < rs->nm && rs->m[i].tb < from - 1;
         i++)
      if (rs->m[i].te == from - 1 && (rs->m[i].kind == DC_KIND_DEROGATE ||
                                      rs->m[i].kind == DC_KIND_DEHUMANIZE)) {
        from = rs->m[i].tb;
        break;
      }
  }
  for (int words = 0; from > 0 && words < 4;) {
    const tok *tf = &R->rs->toks[--from];
    if (tf->type == TK_WORD)
      words++;
    else if (R->n->text[tf->b] == '-' && words > 0 && from > 0 &&
             R->rs->toks[from - 1].e == tf->b &&
             R->rs->toks[from + 1].b == tf->e)
      words--; /* "knife-wielding" is one word; a spaced dash is no
                * part of one */
  }
  if (from < t->te)
    from = t->te;
  /* "they're a cancer", "they're just vermin": the pronoun holds the
   * linking verb, and only an article or a hedge stands between (not
   * "they're curing cancer") */
  if (t->te > t->tb && m->tb - t->te <= 3) {
    const mention *p = mention_at(R, t->te - 1, DC_KIND_PRONOUN_GROUP);
    bool plain = p && (ent(R, p)->flags & DC_F_COPULA);
    for (uint32_t k = t->te; plain && k < m->tb; k++)
      plain = a_or_an(R, k) || tok_is_word(R, k, "such") ||
              tok_is_word(R, k, "nothing") || tok_is_word(R, k, "but") ||
              adverb_like(R, k) ||               /* "barely even", "just" */
              kind_at(R, k, DC_KIND_QUANTIFIER); /* "all", "both" */
    if (plain)
      return true;
  }
  /* the nearest linking word before the noun */
  for (uint32_t k = m->tb; k-- > from;) {
    bool spanish = false;
    if (mention_at(R, k, DC_KIND_COPULA) || tok_is_word(R, k, "like") ||
        tok_is_word(R, k, "as") || (spanish = spanish_link(R, k, m->tb))) {
      /* Spanish praise ("son unas bestias en el boxeo", "unos
       * animales jugando al fútbol") and a group that owns the
       * subject ("los perros de los refugiados son animales") */
      if (spanish &&
          ((m->te < R->rs->ntok &&
            (tok_is_word(R, m->te, "en") || tok_is_word(R, m->te, "jugando") ||
             tok_is_word(R, m->te, "con"))) ||
           (t->tb >= 2 && tok_is_word(R, t->tb - 2, "de")) ||
           (t->tb >= 1 && tok_is_word(R, t->tb - 1, "de"))))
        return false;
      /* "are researching the parasites": a participle after it
       * with an article after that takes the noun as its object;
       * "is terrified of dogs": an adjective's preposition does
       * ("are full of ...", "nothing but" still predicate) */
      for (uint32_t j = k + 1; j < m->tb; j++) {
        const tok *tj = &R->rs->toks[j];
        if (j + 1 < m->tb && tj->type == TK_WORD && tj->e - tj->b > 4 &&
            memcmp(R->n->text + tj->e - 3, "ing", 3) == 0 &&
            /* "are becoming the rats of Europe" still links */
            !tok_is_word(R, j, "becoming") && !tok_is_word(R, j, "turning") &&
            (tok_is_word(R, j + 1, "the") || a_or_an(R, j + 1)))
          return false;
        if (j > k + 1 && !tok_is_word(R, j - 1, "full") &&
            /* "are a horde of savages": a noun phrase */
            !tok_is_word(R, k + 1, "a") && !tok_is_word(R, k + 1, "an") &&
            !tok_is_word(R, k + 1, "the") &&
            !mention_at(R, k + 1, DC_KIND_QUANTIFIER) &&
            (tok_is_word(R, j, "of") || tok_is_word(R, j, "with") ||
             tok_is_word(R, j, "by") || tok_is_word(R, j, "about")))
          return false;
      }
      return true;
    }
  }
  return false;
}

/* Is the word at token tb said of someone: after a linking verb ("are
 * rats"; "they're rats" holds one, "them rats" does not), "like" or "as",
 * or "you" ("you rats"), past determiners and adverbs ("are all just
 * rats")? */
static bool said_as_predicate(const run *R, const sentence *s, uint32_t tb) {
  uint32_t k = tb;
  while (k > s->tb && (is_determiner(R, k - 1) || a_or_an(R, k - 1) ||
                       adverb_like(R, k - 1)))
    k--;
  if (k == s->tb)
    return false;
  const mention *p = mention_at(R, k - 1, DC_KIND_PRONOUN_GROUP);
  return kind_at(R, k - 1, DC_KIND_COPULA) ||
         kind_at(R, k - 1, DC_KIND_PRONOUN_YOU) ||
         tok_is_word(R, k - 1, "like") || tok_is_word(R, k - 1, "as") ||
         (p && (ent(R, p)->flags & DC_F_COPULA));
}

/* "These rats should be put in traps", "Put these traps near the rat
 * holes": a slur whose innocent sense is a snare for animals (flag
 * `animal`: "trap"), in a sentence of pest control, is the snare. Pest
 * control: an animal said literally (a dehumanizing word of no group not
 * said of anyone: said_as_predicate; "they breed like rats" likens), or
 * a setting of real animals (a `place` flagged `thing`: "the basement",
 * "the exterminator"). Not the slur said of someone ("trans women are
 * traps", "you trap": said_as_predicate), nor after an identity word, and
 * only where a snare is set or caught in (below).
 * Asked for the slur's own rule and for it as a target. */
static bool pest_sense(const run *R, const mention *m) {
  const dc_rules_scratch *rs = R->rs;
  if (!(ent(R, m)->flags & DC_F_ANIMAL) ||
      (!any_kind(R, DC_KIND_DEHUMANIZE) && !any_kind(R, DC_KIND_PLACE)))
    return false;
  const sentence *s = sent_of(R, m->tb);
  if (m->tb > s->tb && kind_at(R, m->tb - 1, DC_KIND_IDENTITY))
    return false;
  if (said_as_predicate(R, s, m->tb))
    return false;
  /* The snare is what is set, put, baited or caught in: the object of
   * such a verb or of "in"/"into" (past a determiner), or a compound
   * after an animal ("rat traps"). Not a subject ("Traps are
   * disgusting", "traps should ...") nor one of a list beside vermin
   * ("traps and other vermin"). */
  uint32_t k = m->tb;
  while (k > s->tb && (is_determiner(R, k - 1) || a_or_an(R, k - 1) ||
                       kind_at(R, k - 1, DC_KIND_QUANTIFIER) ||
                       tok_is_word(R, k - 1, "more")))
    k--;
  /* "..., any traps that work?": a determined snare opening its clause */
  bool opens = k < m->tb && (k == s->tb || R->rs->toks[k - 1].type != TK_WORD);
  if (!opens &&
      (k == s->tb ||
       !(tok_is_word(R, k - 1, "in") || tok_is_word(R, k - 1, "into") ||
         tok_is_word(R, k - 1, "put") || tok_is_word(R, k - 1, "set") ||
         tok_is_word(R, k - 1, "lay") || tok_is_word(R, k - 1, "laid") ||
         tok_is_word(R, k - 1, "bait") || tok_is_word(R, k - 1, "baited") ||
         tok_is_word(R, k - 1, "check") || tok_is_word(R, k - 1, "empty") ||
         tok_is_word(R, k - 1, "use") || tok_is_word(R, k - 1, "buy") ||
         tok_is_word(R, k - 1, "bought") ||
         /* "any tips on traps?", "looking for traps" */
         tok_is_word(R, k - 1, "on") || tok_is_word(R, k - 1, "for") ||
         (k == m->tb && kind_at(R, k - 1, DC_KIND_DEHUMANIZE)))))
    return false;
  if (tok_is_word(R, m->te, "and") || tok_is_word(R, m->te, "or") ||
      kind_at(R, m->te, DC_KIND_COPULA) || kind_at(R, m->te, DC_KIND_MODAL))
    return false;
  for (size_t i = rs->first[s->tb]; i < rs->nm && rs->m[i].tb < s->te; i++) {
    const mention *o = &rs->m[i];
    const dc_entry *oe = ent(R, o);
    if (o->kind == DC_KIND_PLACE && (oe->flags & DC_F_THING))
      return true;
    if (o->kind != DC_KIND_DEHUMANIZE || oe->categories)
      continue;
    if (!said_as_predicate(R, s, o->tb))
      return true;
  }
  return false;
}

/* Token k lies inside a target of the given type. Only targets that start
 * at most the longest target's span before k can: the search starts at
 * the first of them, so a comment of many attacks does not scan all its
 * targets for each. */
static bool in_target(const run *R, uint32_t k, int type) {
  dc_rules_scratch *rs = R->rs;
  size_t i = 0;
  if (rs->nt > FEW_TARGETS) {
    uint32_t span = target_span(rs);
    i = targets_from(rs, k > span ? k - span : 0);
  }
  for (; i < rs->nt && rs->t[i].tb <= k; i++)
    if (rs->t[i].type == type && rs->t[i].te > k)
      return true;
  return false;
}

/* A verbless slogan: a group, then the phrase, then the clause ends
 * ("Jews out of our country.", "Muslims go home."). "Poles go home for
 * Christmas in huge numbers" goes on, and is news. */
static bool slogan(const run *R, const mention *m) {
  const dc_rules_scratch *rs = R->rs;
  uint32_t clause = rs->toks[m->tb].clause;
  uint32_t words_after = 0;
  /* Counted only as far as the test below needs: a long clause of
   * threats would otherwise be read to its end for each. */
  for (uint32_t k = m->te;
       k < rs->ntok && rs->toks[k].clause == clause &&
       rs->toks[k].sent == rs->toks[m->tb].sent && words_after < 2;
       k++) {
    /* "Every Israeli is a legitimate target until Palestine is
     * free": a condition of time says how long the threat holds and
     * takes none of it back; the slogan ends before it. */
    if (words_after == 0 &&
        (tok_is_word(R, k, "until") || tok_is_word(R, k, "till") ||
         tok_is_word(R, k, "til")))
      break;
    if (rs->toks[k].type == TK_WORD)
      words_after++;
  }
  if (words_after > 1)
    return false;
  bool group = false;
  for (uint32_t k = m->tb; k-- > 0;) {
    const tok *t = &rs->toks[k];
    if (t->clause != clause || t->sent != rs->toks[m->tb].sent)
      break;
    if (t->type != TK_WORD)
      continue;
    if (in_target(R, k, TG_GROUP)) {
      group = true;
      continue;
    }
    /* "Jews everywhere are legitimate targets", "Muslims really are
     * legitimate targets": an adverb between changes nothing */
    if (!glue_at(R, k) && !mention_at(R, k, DC_KIND_QUANTIFIER) &&
        !adverb_like(R, k) && !tok_is_word(R, k, "everywhere") &&
        !tok_is_word(R, k, "here"))
      return false;
  }
  return group;
}

static bool wish_frame(const run *R, const mention *m, uint32_t *from);

/* Is act o a command's word: not a wished death ("dead", "die", "gone":
 * flag `wished`) that no wish frames (wish_frame), which is nothing
 * ("Two Muslims dead in the mosque shooting" was read as a command
 * opening the clause of "shooting"). */
static bool command_word(const run *R, const mention *o) {
  return !(ent(R, o)->flags & DC_F_WISHED) || wish_frame(R, o, NULL);
}

/* Token k lies inside a threat or exclusion phrase. */
static bool command_at(const run *R, uint32_t k) {
  /* One that starts at k covers it: a chant of them ("kys kys ...")
   * needs no scan. */
  if (kind_at(R, k, DC_KIND_THREAT) || kind_at(R, k, DC_KIND_EXCLUSION)) {
    const mention *o = mention_at(R, k, DC_KIND_THREAT);
    if (!o)
      o = mention_at(R, k, DC_KIND_EXCLUSION);
    if (command_word(R, o))
      return true;
  }
  uint32_t from = k > 4 ? k - 4 : 0;
  for (size_t i = R->rs->first[from]; i < R->rs->nm; i++) {
    const mention *o = &R->rs->m[i];
    if (o->tb > k)
      break;
    if (o->te > k &&
        (o->kind == DC_KIND_THREAT || o->kind == DC_KIND_EXCLUSION) &&
        command_word(R, o))
      return true;
  }
  return false;
}

/* A particle that joins a verb before its object: "line up the",
 * "round out the". */
static bool verb_particle(const run *R, uint32_t k) {
  return tok_is_word(R, k, "up") || tok_is_word(R, k, "out") ||
         tok_is_word(R, k, "down");
}

/* Could token k, opening a clause, be a bare imperative verb ("get",
 * "keep", "send")? Not a word the lexicon knows as a noun, pronoun or
 * name, not a plural or participle ("firefighters", "deported"). */
static bool bare_verb(const run *R, uint32_t k) {
  static const dc_kind nouny[] = {
      DC_KIND_IDENTITY,    DC_KIND_PERSON,       DC_KIND_PRONOUN_SELF,
      DC_KIND_PRONOUN_YOU, DC_KIND_NONPROTECTED, DC_KIND_OBJECT,
      DC_KIND_HUMANITY,    DC_KIND_SLUR,         DC_KIND_NEGATION,
      DC_KIND_COPULA,      DC_KIND_MODAL,        DC_KIND_CONSP_ACTOR,
      DC_KIND_REPORT,      DC_KIND_MIGRATION,    DC_KIND_DOGWHISTLE};
  for (size_t i = 0; i < sizeof nouny / sizeof nouny[0]; i++)
    if (mention_at(R, k, nouny[i]))
      return false;
  const tok *t = &R->rs->toks[k];
  size_t l = t->e - t->b;
  const char *w = R->n->text + t->b;
  if (l < 2 || w[l - 1] == 's' ||
      (l > 2 && w[l - 2] == 'e' && w[l - 1] == 'd') ||
      (l > 3 && memcmp(w + l - 3, "ing", 3) == 0))
    return false;
  /* The next word must start its object: a determiner, a pronoun, or the
   * group itself; a particle may come first ("Line up every Muslim ...
   * and shoot them", as "Line the Muslims up" already was). */
  uint32_t nx = k + 1;
  if (nx + 1 < R->rs->ntok && verb_particle(R, nx))
    nx++;
  if (nx >= R->rs->ntok)
    return false;
  return tok_is_word(R, nx, "the") || mention_at(R, nx, DC_KIND_QUANTIFIER) ||
         mention_at(R, nx, DC_KIND_PRONOUN_GROUP) ||
         in_target(R, nx, TG_GROUP) || command_at(R, nx);
}

/* The first group target that ends at token tb or the one before, in
 * clause `clause` unless that is ANY_CLAUSE, or NULL. Only targets that
 * start at most t_span tokens earlier can: a comment of many untargeted
 * attacks does not scan all its targets for each. */
#define ANY_CLAUSE UINT32_MAX
static const target *group_ending_at(const run *R, uint32_t tb,
                                     uint32_t clause) {
  dc_rules_scratch *rs = R->rs;
  uint32_t span = target_span(rs);
  uint32_t from = tb > span + 1 ? tb - span - 1 : 0;
  for (size_t i = targets_from(rs, from); i < rs->nt && rs->t[i].tb <= tb;
       i++) {
    const target *t = &rs->t[i];
    if (t->type == TG_GROUP && t->te + 1 >= tb && t->te <= tb &&
        (clause == ANY_CLAUSE || rs->toks[t->tb].clause == clause))
      return t;
  }
  return NULL;
}

static bool group_ends_at(const run *R, uint32_t tb) {
  return group_ending_at(R, tb, ANY_CLAUSE) != NULL;
}

/* The identity mention that ends at token tb (the one starting last, if
 * several do), looked for among the mentions that start at most id_span
 * tokens before it; identity_ends_at asks whether there is one. An
 * ambiguous word inside a longer one that is not gives way to it:
 * "non-white" holds "white", the colour, but names people only. */
static const mention *identity_ending_at(const run *R, uint32_t tb) {
  if (!any_kind(R, DC_KIND_IDENTITY))
    return NULL;
  dc_rules_scratch *rs = R->rs;
  uint32_t span = kind_span(rs, &rs->id_span, DC_KIND_IDENTITY);
  uint32_t from = tb > span ? tb - span : 0;
  const mention *last = NULL, *plain = NULL;
  for (size_t i = rs->first[from]; i < rs->nm && rs->m[i].tb < tb; i++)
    if (rs->m[i].te == tb && rs->m[i].kind == DC_KIND_IDENTITY) {
      last = &rs->m[i];
      if (!(ent(R, last)->flags & DC_F_AMBIGUOUS))
        plain = last;
    }
  if (last && plain && (ent(R, last)->flags & DC_F_AMBIGUOUS))
    return plain;
  return last;
}

static bool identity_ends_at(const run *R, uint32_t tb) {
  return identity_ending_at(R, tb) != NULL;
}

/* The verb at m is in the past (or a participle): an inflection ending
 * in d ("murdered", "deported"), or a one-word entry that is the -ed form
 * itself ("destroyed"; not "should be aborted", whose modal is inside). */
static bool past_form(const run *R, const mention *m) {
  const dc_entry *e = ent(R, m);
  const char *w = R->n->text;
  return w[m->e - 1] == 'd' &&
         (m->e - m->b > e->term_len ||
          (e->term_len > 3 && m->e - m->b == e->term_len &&
           w[m->e - 2] == 'e' && !memchr(e->term, ' ', e->term_len)));
}

/* The most tokens from a backing modal's start to the act it backs: the
 * longest such modal ("i am all for") and two words. */
#define BACKED_REACH 8

/* Does the modal md, which backs an act named as its object ("I endorse",
 * "we call for": flag `backs`), back the act at token tb? Only when tb is
 * that object: right after it, or after at most two words of its noun
 * phrase ("I endorse the murder of ...", "I'm all for the mass murder of
 * ..."), none a word the lexicon knows for another use but a determiner.
 * An act further on is another verb's ("I encourage everyone to protest
 * the murder of ...", "we call for an end to the killing of ...", "I
 * endorse the candidate who condemned the killing of ...").
 * The act, ending at token te, must also be done to a group named right
 * after it by "of" (perhaps "all"/"the" between) and ending its clause:
 * "we call for the killing of Muslims to stop", "I'm all for the murder
 * of Jews being investigated" and "I am all for the banning of hate
 * speech against Jews" back stopping, judging or banning something else. */
static bool backed_act(const run *R, const mention *md, uint32_t tb,
                       uint32_t te) {
  const dc_rules_scratch *rs = R->rs;
  if (tb < md->te || tb - md->te > 2 || te + 1 >= rs->ntok ||
      !tok_is_word(R, te, "of"))
    return false;
  uint32_t g = te + 1;
  if (g < rs->ntok && tok_is_word(R, g, "all"))
    g++;
  if (g < rs->ntok && is_determiner(R, g))
    g++;
  bool ends = false;
  for (size_t i = rs->nt > FEW_TARGETS ? targets_from(rs, g) : 0;
       i < rs->nt && rs->t[i].tb <= g; i++)
    if (rs->t[i].type == TG_GROUP && rs->t[i].tb == g &&
        (rs->t[i].te >= rs->ntok || rs->toks[rs->t[i].te].type == TK_PUNCT))
      ends = true;
  if (!ends)
    return false;
  for (uint32_t k = md->te; k < tb; k++)
    if (R->rs->toks[k].type != TK_WORD ||
        (!is_determiner(R, k) && !a_or_an(R, k) &&
         (R->rs->at[k] != 0 || glue_at(R, k))))
      return false;
  return true;
}

/* A word of degree between an article and a deserved act: "a good
 * beating", "a proper kicking", "a real hiding". */
static bool desert_degree(const run *R, uint32_t k) {
  static const char *const words[] = {"good",  "proper", "real",   "right",
                                      "sound", "severe", "serious"};
  return word_among(R, k, k + 1, words, sizeof words / sizeof words[0]);
}

static bool nationality_alone(const target *t);

/* "The Aussies deserve a good beating in the Ashes", "The English deserve
 * a good beating tonight": a nation alone given a beating in a sentence
 * that names a sport or game after it (an `object` flagged `game`) or
 * the evening of the match, is its team's defeat. */
static bool match_beating(const run *R, uint32_t tb, const target *t) {
  if (!nationality_alone(t))
    return false;
  const sentence *s = sent_of(R, tb);
  for (uint32_t k = tb + 1; k < s->te; k++) {
    if (tok_is_word(R, k, "tonight") || tok_is_word(R, k, "today"))
      return true;
    const mention *o = mention_at(R, k, DC_KIND_OBJECT);
    if (o && (ent(R, o)->flags & DC_F_GAME))
      return true;
  }
  return false;
}

/* The act at token tb is the object of the `backs` modal md, at most a
 * determiner or an article between (an article and a word of degree:
 * desert_degree), and the target t is its subject, before it: "Mexicans
 * deserve a beating" (not "gay people deserve safety 🔫", whose act is
 * no object of the verb). */
static bool desert_of(const run *R, const mention *md, uint32_t tb,
                      const target *t) {
  if (!t || t->te > md->tb || tb < md->te || tb - md->te > 2)
    return false;
  /* "deserve a good beating", "a proper kicking": an article and a
   * word that only says how much */
  if (tb - md->te == 2)
    return a_or_an(R, md->te) && desert_degree(R, md->te + 1) &&
           !match_beating(R, tb, t);
  return tb == md->te || is_determiner(R, md->te) || a_or_an(R, md->te);
}

static bool armed_expulsion(const run *R, const mention *m);

/* A modal in sentence s before token tb (an act ending at te) that calls
 * for what follows.
 * "will", "would" and "can" (ambiguous modals, and "would") after an
 * institution foretell its act, when the act is done to people for their
 * immigration status (t) and the writer says nothing of their own in the
 * sentence: "the Home Office will deport asylum seekers to Rwanda", "the
 * bill would deport millions". "We will deport them all", "should", and
 * "the government will finally deport the Muslims" (a faith) call for it;
 * so does "... and I will cheer". */
static bool calling_modal(const run *R, const sentence *s, uint32_t tb,
                          uint32_t te, const target *t, bool exclusion) {
  if (!has_kind_in(R, s->tb, tb, DC_KIND_MODAL))
    return false;
  /* A modal that backs an act (`backs`) can only be a few tokens
   * before it: those are looked at alone, and the walk below starts at
   * the sentence's first other modal, found once per sentence. Skipping
   * them in a walk from the sentence's start for every act made a
   * sentence of "I endorse the murder of ..." repeated quadratic (64
   * KiB: 160M instructions, 21M at 16 KiB). */
  uint32_t near = tb > BACKED_REACH ? tb - BACKED_REACH : 0;
  for (size_t i = R->rs->first[near > s->tb ? near : s->tb];
       i < R->rs->nm && R->rs->m[i].tb < tb; i++) {
    const mention *md = &R->rs->m[i];
    if (md->kind == DC_KIND_MODAL && (ent(R, md)->flags & DC_F_BACKS) &&
        (backed_act(R, md, tb, te) || desert_of(R, md, tb, t)))
      return true;
  }
  sentence *ms = &R->rs->s[s - R->rs->s];
  if (ms->plain_modal == 0) {
    ms->plain_modal = UINT32_MAX;
    for (size_t i = R->rs->first[s->tb];
         i < R->rs->nm && R->rs->m[i].tb < s->te; i++)
      if (R->rs->m[i].kind == DC_KIND_MODAL &&
          !(ent(R, &R->rs->m[i])->flags & DC_F_BACKS)) {
        ms->plain_modal = R->rs->m[i].tb + 1;
        break;
      }
  }
  if (ms->plain_modal == UINT32_MAX || ms->plain_modal - 1 >= tb)
    return false;
  bool news = t && t->type == TG_GROUP &&
              t->categories == (1u << DECORUM_CATEGORY_IMMIGRATION) &&
              !has_kind_in(R, s->tb, s->te, DC_KIND_PRONOUN_SELF);
  for (size_t i = R->rs->first[ms->plain_modal - 1];
       i < R->rs->nm && R->rs->m[i].tb < tb; i++) {
    const mention *md = &R->rs->m[i];
    if (md->kind != DC_KIND_MODAL || (ent(R, md)->flags & DC_F_BACKS))
      continue;
    bool predicts =
        (ent(R, md)->flags & DC_F_AMBIGUOUS) || tok_is_word(R, md->tb, "would");
    /* The group itself before a modal that predicts is its subject:
     * where it will go is foretold, not called for ("Refugees will
     * return to camps after the storm", "Migrants will be bused to
     * camps"). Not violence: "The Jews will be gassed again", "women
     * would benefit from a beating" wish it. */
    if (exclusion && predicts && t && t->type == TG_GROUP && t->te == md->tb)
      continue;
    if (!news || !predicts ||
        !has_kind_in(R, s->tb, md->tb, DC_KIND_NONPROTECTED))
      return true;
  }
  return false;
}

/* Is the threat verb m a deed told in the past by an indefinite doer that
 * opens its clause: "Someone shot two Muslims outside the station",
 * "Somebody burned down the mosque last year", "Some thug beat up a trans
 * woman on the bus"? Such news tells a hate crime; the imperative walk of
 * is_call would read "someone" as a vocative ("Someone shoot them all")
 * or as a bare verb. Only the verb's form tells them apart: an
 * imperative is the base form, so a past form ("-ed", "shot", "burnt",
 * "ran over") is told. A form shared by both ("beat", "set", "hit",
 * "cut") is told only with an indefinite or counted object right after
 * the phrase ("beat up a gay man", "hit two Sikhs") or a word of past
 * time in the sentence ("set fire to the mosque last night"); "Someone
 * beat up the gays" still calls for it. Not a modal before the verb
 * ("someone should shoot", "someone needs to burn down"): is_call has
 * read those already. */
static bool past_deed_of_someone(const run *R, const mention *m,
                                 const sentence *s) {
  static const char *const past[] = {
      "shot", "burnt", "threw", "blew",   "ran",   "hung",  "struck", "slit",
      "slew", "drove", "stuck", "beaten", "shook", "broke", "fought", "tore"};
  static const char *const shared[] = {"beat", "set", "hit", "cut", "put"};
  static const char *const when[] = {"yesterday", "last",    "ago",
                                     "earlier",   "tonight", "overnight"};
  static const char *const counted[] = {"two", "three",   "four", "five",
                                        "six", "several", "some", "one"};
  const dc_rules_scratch *rs = R->rs;
  uint32_t k = m->tb;
  /* an adverb between: "someone just shot", "somebody allegedly set" */
  while (k > s->tb && adverb_like(R, k - 1))
    k--;
  if (k == s->tb)
    return false;
  /* the doer: "someone"/"somebody", or "some" and a word or two */
  uint32_t d = k - 1;
  if (!tok_is_word(R, d, "someone") && !tok_is_word(R, d, "somebody")) {
    uint32_t n = 0;
    while (d > s->tb && n < 2 && rs->toks[d].type == TK_WORD &&
           !tok_is_word(R, d, "some"))
      d--, n++;
    if (n == 0 || !tok_is_word(R, d, "some"))
      return false;
  }
  /* it opens its clause, perhaps after "and", "then", "yesterday" */
  for (uint32_t j = s->tb; j < d; j++)
    if (rs->toks[j].clause == rs->toks[d].clause &&
        rs->toks[j].type == TK_WORD && !glue_at(R, j) && !adverb_like(R, j) &&
        !tok_is_word(R, j, "yesterday"))
      return false;
  const tok *v = &rs->toks[m->tb];
  const char *w = R->n->text + v->b;
  size_t l = v->e - v->b;
  if ((l > 3 && w[l - 2] == 'e' && w[l - 1] == 'd') ||
      dc_word_in(w, l, past, sizeof past / sizeof past[0]))
    return true;
  if (!dc_word_in(w, l, shared, sizeof shared / sizeof shared[0]))
    return false;
  if (m->te < s->te && rs->toks[m->te].type == TK_WORD) {
    const tok *o = &rs->toks[m->te];
    const char *ow = R->n->text + o->b;
    size_t ol = o->e - o->b;
    if (a_or_an(R, m->te) || (ow[0] >= '0' && ow[0] <= '9') ||
        dc_word_in(ow, ol, counted, sizeof counted / sizeof counted[0]))
      return true;
  }
  return word_among(R, m->te, s->te, when, sizeof when / sizeof when[0]);
}

/* The most words is_call reads back from a verb to its clause's start. */
#define CALL_WALK 64

/* Does sentence s greet or celebrate: an unambiguous `positive` entry
 * opening it ("Happy Diwali", not the irony of "my welcome gift for
 * refugees = 💣", nor "all my neighbours are ...", which describes), or a
 * firework emoji (a non-ASCII `positive` entry) anywhere in it? */
static bool greeting_in(const run *R, const sentence *s) {
  if (!any_kind(R, DC_KIND_POSITIVE))
    return false;
  for (size_t i = R->rs->first[s->tb]; i < R->rs->nm; i++) {
    const mention *p = &R->rs->m[i];
    if (p->tb >= s->te)
      break;
    if (p->kind == DC_KIND_POSITIVE &&
        ((unsigned char)R->n->text[p->b] >= 0x80 ||
         (p->tb == s->tb && !(ent(R, p)->flags & DC_F_AMBIGUOUS))))
      return true;
  }
  return false;
}

/* How many tokens a wish's object may take between the wish and the
 * death it wishes ("I want every last one of the Jews dead"). */
#define WISH_REACH 8

/* May token k stand between a wish and the death it wishes (wish_frame):
 * a word of the object (a group, a pronoun, a dehumanizing word, a slur,
 * a determiner or quantifier), an adverb, swearing, or one of the few
 * auxiliaries of the wished clause ("were", "would", "get", "all")? A
 * verb of its own ("stop saying", "knew whether") or a relative pronoun
 * ("the refugees who died") makes the death another clause's. */
static bool wish_gap(const run *R, uint32_t k) {
  static const char *const aux[] = {
      "were", "was", "are", "be", "would", "will", "could", "can", "to", "get",
      "got", "all", "of", "one", "last", "single", "each", "the", "go",
      "finally", "already", "soon", "them", "em", "they", "'d", "just",
      "fucking", "freaking", "damn", "now", "gets", "getting", "in", "across",
      /* ("hope the new mosque gets hit") */
      "new", "old", "local"};
  const tok *t = &R->rs->toks[k];
  if (t->type != TK_WORD)
    return false;
  /* "hope every mosque in Europe gets flattened": the place the object
   * is in, one word after "in" or "across", is still the object's */
  if (k > 0 &&
      (tok_is_word(R, k - 1, "in") || tok_is_word(R, k - 1, "across")) &&
      !kind_at(R, k, DC_KIND_THREAT) && !kind_at(R, k, DC_KIND_EXCLUSION) &&
      !tok_is_word(R, k, "who") && !tok_is_word(R, k, "that"))
    return true;
  if (dc_word_in(R->n->text + t->b, t->e - t->b, aux,
                 sizeof aux / sizeof aux[0]))
    return true;
  /* "that mosque", "those Muslims": a determiner of the group right
   * after it (not "the refugees that died", a relative clause) */
  if ((tok_is_word(R, k, "that") || tok_is_word(R, k, "this") ||
       tok_is_word(R, k, "those") || tok_is_word(R, k, "these")) &&
      k + 1 < R->rs->ntok && in_target(R, k + 1, TG_GROUP))
    return true;
  return in_target(R, k, TG_GROUP) || in_target(R, k, TG_PRONOUN) ||
         kind_at(R, k, DC_KIND_QUANTIFIER) || kind_at(R, k, DC_KIND_IDENTITY) ||
         kind_at(R, k, DC_KIND_PERSON) || kind_at(R, k, DC_KIND_DEHUMANIZE) ||
         kind_at(R, k, DC_KIND_SLUR) || kind_at(R, k, DC_KIND_PROFANITY) ||
         adverb_like(R, k);
}

/* Is the wish ending at token k the writer's: "I", "we" (or "I'd",
 * "let's") before it, perhaps behind adverbs and auxiliaries ("I really
 * do hope", "we can only hope", "I would love to"), or nothing, the
 * clause opening with it ("Hope they all die")? Not someone the writer
 * tells about ("Racists want all Jews dead", "Nobody wants ..."), nor a
 * negated wish ("I don't want them dead"). */
static bool wish_by_writer(const run *R, uint32_t k) {
  const tok *tk = R->rs->toks;
  uint32_t c = tk[k].clause;
  for (uint32_t j = k; j-- > 0 && tk[j].clause == c;) {
    if (tk[j].type != TK_WORD)
      continue;
    if (adverb_like(R, j) || tok_is_word(R, j, "do") ||
        tok_is_word(R, j, "would") || tok_is_word(R, j, "only") ||
        tok_is_word(R, j, "can") || tok_is_word(R, j, "really") ||
        tok_is_word(R, j, "all") || tok_is_word(R, j, "sincerely") ||
        tok_is_word(R, j, "truly"))
      continue;
    return tok_is_word(R, j, "i") || tok_is_word(R, j, "we") ||
           tok_is_word(R, j, "i'd") || tok_is_word(R, j, "we'd") ||
           tok_is_word(R, j, "let's") || tok_is_word(R, j, "lets");
  }
  return true;
}

/* Does token k end the writer's wish that what follows it come true: "I
 * want", "I wish", "I hope", "I'd love to see", "wanna see", "can't wait
 * until", "can't wait for", "the world would be better if", "if only"? */
static bool wish_head(const run *R, uint32_t k) {
  if (tok_is_word(R, k, "want") || tok_is_word(R, k, "wish") ||
      tok_is_word(R, k, "hope"))
    return wish_by_writer(R, k);
  if (k == 0)
    return false;
  /* "I'd like every Muslim shot", "we would love them all dead" */
  if ((tok_is_word(R, k, "like") || tok_is_word(R, k, "love")) &&
      (tok_is_word(R, k - 1, "i'd") || tok_is_word(R, k - 1, "we'd") ||
       tok_is_word(R, k - 1, "would")))
    return wish_by_writer(R, k);
  if (tok_is_word(R, k, "see") || tok_is_word(R, k, "watch")) {
    if (tok_is_word(R, k - 1, "wanna"))
      return wish_by_writer(R, k - 1);
    return k > 1 && tok_is_word(R, k - 1, "to") &&
           (tok_is_word(R, k - 2, "love") || tok_is_word(R, k - 2, "like") ||
            tok_is_word(R, k - 2, "want") ||
            (tok_is_word(R, k - 2, "wait") && k > 2 &&
             mention_at(R, k - 3, DC_KIND_NEGATION))) &&
           wish_by_writer(R, tok_is_word(R, k - 2, "wait") ? k - 3 : k - 2);
  }
  if (tok_is_word(R, k, "until") || tok_is_word(R, k, "till") ||
      tok_is_word(R, k, "til") || tok_is_word(R, k, "for"))
    return k > 1 && tok_is_word(R, k - 1, "wait") &&
           mention_at(R, k - 2, DC_KIND_NEGATION) && wish_by_writer(R, k - 2);
  if (tok_is_word(R, k, "only"))
    return tok_is_word(R, k - 1, "if");
  if (tok_is_word(R, k, "if")) {
    /* "would be better if", "a better place if", "better off if" */
    for (uint32_t j = k, n = 0; j-- > 0 && n < 3; n++)
      if (tok_is_word(R, j, "better"))
        return true;
    /* "Would be a real shame if the new gurdwara had an accident":
     * the racketeer's hypothetical regret wishes what it names;
     * "would" or "'d" before it ("it's a shame if ..." judges) */
    uint32_t j = k - 1;
    if (j > 0 &&
        (tok_is_word(R, j - 1, "real") || tok_is_word(R, j - 1, "great") ||
         tok_is_word(R, j - 1, "terrible")))
      j--;
    if (tok_is_word(R, k - 1, "shame") || tok_is_word(R, k - 1, "pity"))
      for (uint32_t i = j, n = 0; i-- > 0 && n < 3; n++)
        if (tok_is_word(R, i, "would") || tok_is_word(R, i, "it'd") ||
            tok_is_word(R, i, "that'd") || tok_is_word(R, i, "d"))
          return true;
  }
  return false;
}

/* "I want all Jews dead", "I wish Muslims didn't exist", "I hope they
 * all die", "can't wait until the refugees are gone": a death (or
 * riddance) entry flagged `wished` counts only as what the writer wishes
 * on an object named between the wish (wish_head) and it, in its clause,
 * with nothing but the object's words and a few auxiliaries between
 * (wish_gap: not "the refugees who died", not "people would stop saying
 * Jews should die"). Sets *from to the first token after the wish. */
static bool wish_frame(const run *R, const mention *m, uint32_t *from) {
  const tok *tk = R->rs->toks;
  uint32_t c = tk[m->tb].clause;
  bool object = false;
  for (uint32_t k = m->tb, n = 0; k-- > 0 && n <= WISH_REACH; n++) {
    if (tk[k].clause != c)
      return false;
    if (object && wish_head(R, k)) {
      if (from)
        *from = k + 1;
      return true;
    }
    if (!wish_gap(R, k))
      return false;
    object |= in_target(R, k, TG_GROUP) || in_target(R, k, TG_PRONOUN) ||
              kind_at(R, k, DC_KIND_DEHUMANIZE) || kind_at(R, k, DC_KIND_SLUR);
  }
  return false;
}

/* Is token k an irregular participle of a threat ("shot", "burnt",
 * "beaten", "hung", "hurt"), whose entry is the form itself or the verb
 * (past_form reads "-ed")? */
static bool participle_word(const run *R, uint32_t k) {
  return tok_is_word(R, k, "shot") || tok_is_word(R, k, "burnt") ||
         tok_is_word(R, k, "beaten") || tok_is_word(R, k, "hung") ||
         tok_is_word(R, k, "hurt");
}

static bool nationality_alone(const target *t);

/* Is the wished "gone" m, of a people named as a nation, its team or its
 * visitors wished away for a while ("I hope the Indians are gone by lunch
 * on day 3", "gone by 11", "gone for the weekend"), or a nation's army
 * gone from a place not the writer's ("I want the Russians gone from
 * Crimea"; not "gone from our town", "from here", "from this country")?
 * Not a year ("gone by 2030"), nor a faith or a race. */
static bool gone_elsewhere(const run *R, const mention *m) {
  static const char *const when[] = {
      "lunch", "midnight", "noon",    "tonight",  "stumps",
      "tea",   "dinner",   "closing", "halftime", "kickoff"};
  const dc_rules_scratch *rs = R->rs;
  uint32_t k = m->te;
  if (k + 1 >= rs->ntok || rs->toks[k + 1].type != TK_WORD)
    return false;
  /* (a people named as a nation: the group before the wish's word) */
  const target *t = NULL;
  for (size_t i = 0; i < rs->nt && rs->t[i].te <= m->tb; i++)
    if (rs->t[i].type == TG_GROUP)
      t = &rs->t[i];
  if (!t || (t->categories & ~NATION_CATEGORIES))
    return false;
  const tok *n = &rs->toks[k + 1];
  size_t nl = n->e - n->b;
  if (tok_is_word(R, k, "by") || tok_is_word(R, k, "before")) {
    /* an hour, not a year ("gone by 2030" is a plan) */
    if (nl <= 2 && R->n->text[n->b] >= '0' && R->n->text[n->b] <= '9')
      return true;
    return dc_word_in(R->n->text + n->b, nl, when,
                      sizeof when / sizeof when[0]);
  }
  if (tok_is_word(R, k, "for"))
    return tok_is_word(R, k + 1, "the") && k + 2 < rs->ntok &&
           (tok_is_word(R, k + 2, "weekend") ||
            tok_is_word(R, k + 2, "night") || tok_is_word(R, k + 2, "day") ||
            tok_is_word(R, k + 2, "summer"));
  if (tok_is_word(R, k, "from")) {
    return nationality_alone(t) &&
           !mention_at(R, k + 1, DC_KIND_PRONOUN_SELF) &&
           !tok_is_word(R, k + 1, "our") && !tok_is_word(R, k + 1, "my") &&
           !tok_is_word(R, k + 1, "here") && !tok_is_word(R, k + 1, "this") &&
           !tok_is_word(R, k + 1, "europe") &&
           !(tok_is_word(R, k + 1, "the") && k + 2 < rs->ntok &&
             (tok_is_word(R, k + 2, "country") || tok_is_word(R, k + 2, "uk") ||
              tok_is_word(R, k + 2, "us") || tok_is_word(R, k + 2, "west") ||
              tok_is_word(R, k + 2, "streets") ||
              tok_is_word(R, k + 2, "neighbourhood") ||
              tok_is_word(R, k + 2, "neighborhood")));
  }
  return false;
}

/* Does the wished "dead" or non-existence m ("didn't exist", "never
 * existed") end its clause, perhaps after a short tail ("all", "now",
 * "already", "lol", "and gone", "and buried", another threat or
 * exclusion after "and"/"or": "dead or deported"), or before a
 * conjunction opening a clause of its own ("dead because ...")? "dead
 * last", "dead drunk", "dead quiet", "dead chuffed" are the adverb, and
 * "never existed in India", "didn't exist as a stateless people" wish
 * away something else. "die" and "gone" take their own tails. */
static bool wished_tail_ok(const run *R, const mention *m) {
  const dc_rules_scratch *rs = R->rs;
  uint32_t last = m->te - 1;
  if (tok_is_word(R, last, "gone"))
    return !gone_elsewhere(R, m);
  if (!tok_is_word(R, last, "dead") && !tok_is_word(R, last, "exist") &&
      !tok_is_word(R, last, "existed"))
    return true;
  static const char *const tail[] = {
      "all",     "now", "already", "lol",     "lmao",     "asap", "please",
      "anymore", "too", "again",   "forever", "honestly", "tbh"};
  uint32_t c = rs->toks[m->tb].clause, k = m->te;
  for (;;) {
    if (k >= rs->ntok || rs->toks[k].type != TK_WORD || rs->toks[k].clause != c)
      return true;
    const tok *t = &rs->toks[k];
    if (dc_word_in(R->n->text + t->b, t->e - t->b, tail,
                   sizeof tail / sizeof tail[0]) ||
        kind_at(R, k, DC_KIND_PROFANITY) ||
        /* "want them all dead the jews": the group in afterthought */
        in_target(R, k, TG_GROUP) || tok_is_word(R, k, "the") ||
        kind_at(R, k, DC_KIND_SLUR) || kind_at(R, k, DC_KIND_DEHUMANIZE)) {
      k++;
      continue;
    }
    if (kind_at(R, k, DC_KIND_CONJUNCTION))
      return true;
    if ((tok_is_word(R, k, "and") || tok_is_word(R, k, "or")) &&
        k + 1 < rs->ntok &&
        (tok_is_word(R, k + 1, "gone") || tok_is_word(R, k + 1, "buried") ||
         kind_at(R, k + 1, DC_KIND_THREAT) ||
         kind_at(R, k + 1, DC_KIND_EXCLUSION) ||
         kind_at(R, k + 1, DC_KIND_DEHUMANIZE)))
      return true;
    return false;
  }
}

/* Is "stoned" at the end of threat m the drug's sense: followed by "on"
 * (not "on sight"), "24/7", "all day", or with a word of cannabis in the
 * comment ("Gays should be stoned, legalise weed for everyone lol")? */
static bool stoned_high(const run *R, const mention *m) {
  static const char *const weed[] = {
      "weed",      "420",     "legalise", "legalize", "cannabis",
      "marijuana", "bong",    "spliff",   "ganja",    "stoner",
      "stoners",   "edibles", "munchies", "thc"};
  const dc_rules_scratch *rs = R->rs;
  uint32_t k = m->te;
  if (k < rs->ntok) {
    if (tok_is_word(R, k, "on"))
      return !(k + 1 < rs->ntok && tok_is_word(R, k + 1, "sight"));
    if (tok_is_word(R, k, "24") ||
        (tok_is_word(R, k, "all") && k + 1 < rs->ntok &&
         (tok_is_word(R, k + 1, "day") || tok_is_word(R, k + 1, "night"))))
      return true;
  }
  return word_among(R, 0, rs->ntok, weed, sizeof weed / sizeof weed[0]);
}

/* Do the tokens [k, v) after a group word and before a verb phrase at v
 * begin with a noun it modifies or owns ("Muslims paintings", "the
 * Muslims' paintings"): a possessive mark, or a word the lexicon does
 * not know (no kind, not glue, not an adverb), as head_noun_follows
 * reads it? Not "who", "here", "today", "in France", "all",
 * "themselves". */
static bool hung_of_thing(const run *R, uint32_t k, uint32_t v) {
  const dc_rules_scratch *rs = R->rs;
  if (rs->toks[k].type == TK_PUNCT && rs->toks[k].ch == '\'' && k + 1 < v)
    return true;
  if (rs->toks[k].type != TK_WORD || k + 1 != v)
    return false;
  static const char *const not_noun[] = {
      "who",      "that",    "here",     "there",      "today",     "now",
      "nowadays", "too",     "also",     "everywhere", "anyway",    "then",
      "again",    "lol",     "tbh",      "honestly",   "seriously", "frankly",
      "really",   "tonight", "tomorrow", "everyone",   "anywhere"};
  need_glue(R);
  const tok *t = &rs->toks[k];
  return rs->at[k] == 0 && !adverb_like(R, k) &&
         !dc_word_in(R->n->text + t->b, t->e - t->b, not_noun,
                     sizeof not_noun / sizeof not_noun[0]);
}

/* Is the wished death m the end of a threat entry of its own that
 * starts before it ("hope they all die", "wish they were dead", "should
 * die")? That entry speaks for it. */
static bool wished_in_entry(const run *R, const mention *m) {
  for (uint32_t k = m->tb, n = 0; k-- > 0 && n < 5; n++) {
    const mention *o = mention_at(R, k, DC_KIND_THREAT);
    /* (not "are dead" waiting for "the only good ...": `formula`) */
    if (o && o->te >= m->te && !(ent(R, o)->flags & DC_F_FORMULA))
      return true;
  }
  return false;
}

/* "Line up every Muslim in the street and shoot them", "Take the Jews
 * on my street and shoot them": a verb right after "and" is coordinated
 * with the command that opens its clause (a command entry, or a bare verb
 * before its object: bare_verb), whatever the first verb's object phrase
 * holds ("in the street"), which is_call's walk reads as a statement;
 * its object "them". At most CALL_REACH tokens back. */
#define CALL_REACH 12

/* "... and shoot them a pass", "shoot them a text": sending, not a gun;
 * "Line up the models and shoot them for Vogue": a camera, a word of
 * photography in the sentence. Asked of a "shoot" only. */
static bool shoot_not_gun(const run *R, const mention *m, const sentence *s) {
  static const char *const sent[] = {"pass",  "text", "message", "email",
                                     "look",  "dm",   "line",    "glance",
                                     "smile", "wink", "note"};
  static const char *const photo[] = {
      "photo",     "photos",   "photoshoot",   "camera",    "cameras",
      "vogue",     "magazine", "portrait",     "portraits", "pictures",
      "picture",   "lens",     "photographer", "headshots", "film",
      "catalogue", "catalog",  "cover",        "runway",    "studio"};
  if (!tok_is_word(R, m->tb, "shoot"))
    return false;
  const dc_rules_scratch *rs = R->rs;
  uint32_t k = m->te;
  if (k < rs->ntok && (tok_is_word(R, k, "them") || tok_is_word(R, k, "em")))
    k++;
  if (k + 1 < rs->ntok && a_or_an(R, k) &&
      word_among(R, k + 1, k + 2, sent, sizeof sent / sizeof sent[0]))
    return true;
  return word_among(R, s->tb, s->te, photo, sizeof photo / sizeof photo[0]);
}

static bool coordinated_command(const run *R, const mention *m,
                                const sentence *s) {
  const dc_rules_scratch *rs = R->rs;
  if (m->tb < s->tb + 3 || !tok_is_word(R, m->tb - 1, "and"))
    return false;
  /* the second verb's object is "them", the people the first one took
   * ("... and shot over 500" narrates) */
  bool them = false;
  for (uint32_t k = m->tb; k <= m->te && k < rs->ntok && !them; k++)
    them = tok_is_word(R, k, "them") || tok_is_word(R, k, "em");
  /* "Drop them off the pier and see who floats": a threat that ends
   * its clause and takes no object of its own tells what comes of the
   * first command, whose object (right after the verb) is the victim */
  bool outcome = !them && (m->te >= s->te || rs->toks[m->te].type != TK_WORD ||
                           rs->toks[m->te].clause != rs->toks[m->tb].clause);
  if ((!them && !outcome) || shoot_not_gun(R, m, s))
    return false;
  uint32_t clause = rs->toks[m->tb].clause, k = m->tb - 1, n = 0;
  while (k > s->tb && rs->toks[k - 1].clause == clause) {
    if (++n > CALL_REACH)
      return false;
    k--;
  }
  while (k + 1 < m->tb &&
         (tok_is_word(R, k, "just") || tok_is_word(R, k, "please") ||
          tok_is_word(R, k, "so") || tok_is_word(R, k, "then")))
    k++;
  if (outcome) {
    uint32_t o = k + 1;
    if (o + 1 < m->tb && verb_particle(R, o))
      o++;
    if (o + 1 >= m->tb ||
        !(tok_is_word(R, o, "them") || tok_is_word(R, o, "em") ||
          in_target(R, o, TG_GROUP) ||
          (tok_is_word(R, o, "the") && in_target(R, o + 1, TG_GROUP))))
      return false;
  }
  /* (not a quantifier, which bare_verb is never asked of: "all white
   * boys do is lie and punch walls") */
  return k + 2 < m->tb && rs->toks[k].type == TK_WORD &&
         !mention_at(R, k, DC_KIND_QUANTIFIER) &&
         (command_at(R, k) || bare_verb(R, k));
}

/* A threat phrase flagged `oblige` is a call as it stands when it is no
 * question ("Is it time for another Holocaust film?") and ends its noun
 * phrase: punctuation or the sentence's end after it, a group, or a word
 * that goes on the call ("for", "of", "on", "now", "soon", "again"); not
 * a noun it modifies ("We need another Holocaust museum", "... another
 * Holocaust survivor to come and speak"). */
static bool oblige_call(const run *R, const mention *m, const sentence *s) {
  static const char *const on[] = {"for", "of", "on", "now", "soon", "again",
                                   "already", "please", "lads", "boys",
                                   "against", "in", "or", "and", "asap",
                                   /* a tag after it: "Time for a
                                    * repeat lol" */
                                   "lol", "lmao", "tbh", "imo"};
  if (s->question)
    return false;
  uint32_t k = m->te;
  return k >= s->te || R->rs->toks[k].type != TK_WORD ||
         word_among(R, k, k + 1, on, sizeof on / sizeof on[0]) ||
         in_target(R, k, TG_GROUP);
}

/* "If a few of them got lynched I wouldn't complain", "Wouldn't shed a
 * tear if a truck ploughed through the next pride parade": a deed in an
 * "if" clause of a sentence whose other clause says the writer would not
 * mind it (the writer, or no one, its subject: not "my mum wouldn't
 * mind if ...") is wished, as a regret that it did not happen is. */
static bool wouldnt_mind(const run *R, const mention *m, const sentence *s) {
  static const char *const mind[] = {"complain", "mind",   "care", "cry",
                                     "object",   "grieve", "weep"};
  bool cond = false;
  for (uint32_t k = s->tb; k < m->tb && !cond; k++)
    cond = tok_is_word(R, k, "if");
  if (!cond)
    return false;
  for (uint32_t k = s->tb; k + 1 < s->te; k++) {
    uint32_t v = k + 1;
    if (tok_is_word(R, k, "not") && k > s->tb && tok_is_word(R, k - 1, "would"))
      ; /* "would not" */
    else if (!tok_is_word(R, k, "wouldn't") && !tok_is_word(R, k, "wouldnt") &&
             !tok_is_word(R, k, "won't"))
      continue;
    uint32_t subj = tok_is_word(R, k, "not") ? k - 2 : k - 1;
    bool mine = k == s->tb || (tok_is_word(R, k, "not") && k - 1 == s->tb) ||
                tok_is_word(R, subj, "i") || tok_is_word(R, subj, "we") ||
                R->rs->toks[subj].type == TK_PUNCT;
    if (!mine)
      continue;
    if (word_among(R, v, v + 1, mind, sizeof mind / sizeof mind[0]) ||
        (v + 2 < s->te && tok_is_word(R, v, "shed") &&
         tok_is_word(R, v + 2, "tear")) ||
        (v + 1 < s->te && tok_is_word(R, v, "lose") &&
         tok_is_word(R, v + 1, "sleep")))
      return true;
  }
  return false;
}

static bool obliging(const run *R, uint32_t k);

/* Is the noun of violence m (not a verb entry) the object of a verb of
 * consequence, an article or "another" between at most, that does not
 * open its sentence and follows no modal of obligation ("This would cause
 * another Holocaust for Palestinians", "Deporting them would lead to a
 * massacre", "it will end in a bloodbath"): a warning of what follows,
 * not a call for it ("Cause a massacre", "we should cause a massacre"
 * call)? */
static bool consequence_of(const run *R, const mention *m, const sentence *s) {
  static const char *const verbs[] = {
      "cause", "causes", "caused", "trigger", "triggers",
      "risk",  "risks",  "mean",   "means",   "provoke",
      "spark", "sparks", "create", "creates", "unleash"};
  if ((ent(R, m)->flags & DC_F_VERB) || m->tb < s->tb + 2)
    return false;
  uint32_t k = m->tb - 1;
  if (a_or_an(R, k) || tok_is_word(R, k, "another") || tok_is_word(R, k, "the"))
    k--;
  if (k <= s->tb)
    return false;
  bool conseq = word_among(R, k, k + 1, verbs, sizeof verbs / sizeof verbs[0]);
  /* "lead to", "result in", "end in" */
  if (!conseq && k > s->tb + 1 &&
      (tok_is_word(R, k, "to") || tok_is_word(R, k, "in"))) {
    static const char *const two[] = {"lead",    "leads", "led", "result",
                                      "results", "end",   "ends"};
    conseq = word_among(R, k - 1, k, two, sizeof two / sizeof two[0]);
    k--;
  }
  return conseq && !obliging(R, k - 1) &&
         !(k >= 2 && obliging(R, k - 2)); /* "need to cause" */
}

/* Is the act m asked for by a question that suggests it: "why not",
 * or "why don't / can't / wouldn't / shouldn't we" right before it
 * ("why not gas them all", "Why not just deport every Muslim?", "why
 * wouldn't we kill all the jews")? Such a question is a proposal, as an
 * imperative is. */
static bool why_not_call(const run *R, const mention *m, const sentence *s) {
  static const char *const neg[] = {
      "don't",   "dont",      "can't",    "cant",  "wouldn't",
      "wouldnt", "shouldn't", "shouldnt", "won't", "wont"};
  static const char *const subj[] = {"we", "you", "they", "u"};
  /* (a softener or "go (and)" before the act: "why not just gas them",
   * "why not finally gas the jews", "why not go burn the mosque") */
  static const char *const soft[] = {"just", "simply", "finally", "go", "and"};
  uint32_t k = m->tb;
  for (int n = 0; n < 3 && k > s->tb &&
                  word_among(R, k - 1, k, soft, sizeof soft / sizeof *soft);
       n++)
    k--;
  if (k < s->tb + 2)
    return false;
  if (tok_is_word(R, k - 1, "not"))
    return tok_is_word(R, k - 2, "why") || tok_is_word(R, k - 2, "y");
  /* "How about we gas the Jews": a proposal too */
  if (k >= s->tb + 3 && tok_is_word(R, k - 1, "we") &&
      (tok_is_word(R, k - 2, "about") || tok_is_word(R, k - 2, "bout")) &&
      tok_is_word(R, k - 3, "how"))
    return true;
  /* "Why hasn't anyone shot the Somalis yet?", "why doesn't someone
   * burn that mosque", "why has nobody gassed them": asking why no one
   * has done it yet wants it done. (A done deed asked about has a word
   * between: "why hasn't anyone arrested the man who shot them") */
  static const char *const anyone[] = {"anyone", "anybody", "someone",
                                       "somebody", "nobody"};
  static const char *const yet[] = {"hasn't", "hasnt",   "haven't",
                                    "havent", "doesn't", "doesnt",
                                    "didn't", "didnt",   "has"};
  if (k >= s->tb + 3 &&
      word_among(R, k - 1, k, anyone, sizeof anyone / sizeof *anyone) &&
      word_among(R, k - 2, k - 1, yet, sizeof yet / sizeof *yet) &&
      tok_is_word(R, k - 3, "why") &&
      (tok_is_word(R, k - 1, "nobody") == tok_is_word(R, k - 2, "has")))
    return true;
  return k >= s->tb + 3 &&
         word_among(R, k - 1, k, subj, sizeof subj / sizeof *subj) &&
         word_among(R, k - 2, k - 1, neg, sizeof neg / sizeof *neg) &&
         tok_is_word(R, k - 3, "why");
}

/* Is there an object right after token k (before te): a group or a
 * pronoun, perhaps after "the" ("It will hurt the gays")? */
static bool object_after(const run *R, uint32_t k, uint32_t te) {
  if (k < te && (tok_is_word(R, k, "the") || a_or_an(R, k)))
    k++;
  return k < te && (in_target(R, k, TG_GROUP) || in_target(R, k, TG_PRONOUN));
}

/* Is the ambiguous threat verb m done by a thing: its subject right
 * before it, perhaps a predicting modal and adverbs between, is a policy,
 * a law, a price or "it" ("The new law would hurt gay couples the most",
 * "your rule changes would destroy the sport", "it actually hurts, I'm
 * also biracial")? Harm to someone's interests, or pain: no violence
 * called for. Not after a modal that wishes or calls ("I hope the ban
 * destroys them", "they should pass a law ..."). */
static bool thing_harms(const run *R, const mention *m, const sentence *s) {
  static const char *const things[] = {
      "it",           "law",           "laws",          "tariff",
      "tariffs",      "change",        "changes",       "cuts",
      "tax",          "taxes",         "policy",        "rule",
      "rules",        "ruling",        "decision",      "plan",
      "ban",          "inflation",     "prices",        "budget",
      "reform",       "reforms",       "recession",     "measure",
      "measures",     "proposal",      "bill",          "mandate",
      "assimilation", "media",         "secularism",    "modernity",
      "technology",   "globalization", "globalisation", "capitalism",
      "consumerism",  "poverty",       "drugs",         "pornography",
      "porn",         "internet",      "smartphones"};
  static const char *const predict[] = {
      "will", "would", "could", "can", "may", "might", "'ll", "shall", "gonna"};
  /* The verbs whose harm is also to interests or felt as pain; not
   * "drown", "shoot" ("Put them on boats, it will drown the migrants") */
  static const char *const harm[] = {
      "hurt",      "hurts",      "hurting", "destroy", "destroys",
      "destroyed", "destroying", "crush",   "crushes", "crushing"};
  if (m->kind != DC_KIND_THREAT || !(ent(R, m)->flags & DC_F_AMBIGUOUS) ||
      !word_among(R, m->tb, m->tb + 1, harm, sizeof harm / sizeof *harm))
    return false;
  uint32_t k = m->tb;
  while (k > s->tb && adverb_like(R, k - 1))
    k--;
  if (k > s->tb &&
      word_among(R, k - 1, k, predict, sizeof predict / sizeof *predict))
    k--;
  while (k > s->tb && adverb_like(R, k - 1))
    k--;
  if (k <= s->tb)
    return false;
  k--; /* the subject */
  /* (not any object: "if a truck ploughed through the pride parade") */
  const mention *np = mention_at(R, k, DC_KIND_NONPROTECTED);
  if (!np && k > s->tb)
    np = mention_at(R, k - 1, DC_KIND_NONPROTECTED);
  if (!word_among(R, k, k + 1, things, sizeof things / sizeof *things) &&
      !(np && np->te == k + 1 && (ent(R, np)->flags & DC_F_THING)))
    return false;
  /* "it" only hurts, as pain, with no object after the verb: "It will
   * destroy every mosque in town, God willing" may be anything */
  if (tok_is_word(R, k, "it") &&
      ((!tok_is_word(R, m->tb, "hurts") && !tok_is_word(R, m->tb, "hurt")) ||
       object_after(R, m->te, s->te)))
    return false;
  /* a modal that wishes or calls, not one that predicts or can ("I can
   * totally relate to this and it actually hurts") */
  for (uint32_t j = s->tb; j < k; j++)
    if (kind_at(R, j, DC_KIND_MODAL) &&
        !word_among(R, j, j + 1, predict, sizeof predict / sizeof *predict) &&
        !tok_is_word(R, j, "going"))
      return false;
  return true;
}

/* "Shame it didn't burn", "pity they didn't all drown": the negation
 * right before the verb (an adverb or "all" between) after a word of
 * regret wishes it. */
static bool regretted(const run *R, const mention *m, const sentence *s) {
  if (!any_kind(R, DC_KIND_NEGATION))
    return false;
  for (uint32_t k = m->tb, n = 0; k-- > s->tb && n < 3; n++) {
    if (mention_at(R, k, DC_KIND_NEGATION))
      return regret_wish(R, k, m->tb, m->te);
    if (R->rs->toks[k].type != TK_WORD ||
        (!adverb_like(R, k) && !tok_is_word(R, k, "all")))
      break;
  }
  return false;
}

/* "If those people come into my neighbourhood I've got something waiting
 * for them": a threat the writer (or the writer's side) holds ready, in the
 * main clause after an "if" clause that opens the sentence, is what the
 * writer will do should the condition be met. The threat ends its sentence:
 * a gift it names after it is no threat ("If the refugees come tonight
 * we've got something waiting for them: hot soup"). */
static bool if_warning(const run *R, const mention *m, const sentence *s) {
  static const char *const self[] = {"i",    "we",   "i've",  "we've", "ive",
                                     "weve", "i'll", "we'll", "i'm",   "we're"};
  const tok *t = R->rs->toks;
  if (!tok_is_word(R, s->tb, "if"))
    return false;
  for (uint32_t k = m->te; k < s->te; k++)
    if (t[k].type == TK_WORD || t[k].ch == ':' || t[k].ch == ',')
      return false;
  /* (the writer is the main clause's subject, not the condition's:
   * "If I see Muslims ..." asks for another "I" after it) */
  for (uint32_t k = m->tb; k-- > s->tb + 2;)
    if (word_among(R, k, k + 1, self, sizeof self / sizeof self[0]))
      return true;
  return false;
}

/* "The Aussies better watch themselves, the All Blacks are in form",
 * "Don't come crying when your house gets hit, buy insurance": a clause
 * after a comma (or a semicolon or dash) in the warning's own sentence
 * gives the reason for it or the care that goes with it, unless the
 * writer is its subject ("..., we know where they live"): the writer's
 * side is the doer then. */
static bool reason_follows(const run *R, const mention *m, const sentence *s) {
  static const char *const self[] = {
      "i",   "we",   "i'll", "we'll", "i've", "we've",  "i'm",    "we're",
      "ill", "weve", "im",   "us",    "you",  "you'll", "you've", "they'll"};
  const tok *t = R->rs->toks;
  for (uint32_t k = m->te; k + 1 < s->te; k++) {
    if (t[k].type == TK_WORD)
      continue;
    if (t[k].ch != ',' && t[k].ch != ';' && t[k].ch != '-')
      continue;
    uint32_t w = k + 1;
    while (w < s->te && t[w].type != TK_WORD)
      w++;
    if (w == s->te ||
        word_among(R, w, w + 1, self, sizeof self / sizeof self[0]))
      return false;
    /* (nor the group called by name, "..., Jews", "..., you filthy
     * immigrants": a vocative, three words at most to its end) */
    uint32_t words = 0, last = w;
    for (uint32_t j = w; j < s->te; j++)
      if (t[j].type == TK_WORD) {
        words++;
        last = j;
      }
    return !(words <= 3 &&
             (kind_at(R, last, DC_KIND_IDENTITY) ||
              kind_at(R, last, DC_KIND_SLUR) || tok_is_word(R, w, "you")));
  }
  return false;
}

/* "Don't come crying when your synagogue gets hit", "don't come
 * whining to me if your mosque burns": violence in a "when" or "if" clause
 * after a refusal of the victims' complaint is foretold as deserved, a
 * warning that threatens it. The refusal opens the sentence: "don't" (or
 * "do not"), "come", the complaint and at most "to me"/"to us" before
 * "when"/"if". */
static bool warned_deed(const run *R, const mention *m, const sentence *s) {
  static const char *const cry[] = {"crying",  "whining", "complaining",
                                    "cry",     "whine",   "complain",
                                    "running", "cryin",   "whinin"};
  uint32_t k = s->tb;
  if (tok_is_word(R, k, "do") && tok_is_word(R, k + 1, "not"))
    k++;
  else if (!tok_is_word(R, k, "don't") && !tok_is_word(R, k, "dont"))
    return false;
  k++;
  if (k + 2 >= m->tb || !tok_is_word(R, k, "come") ||
      !word_among(R, k + 1, k + 2, cry, sizeof cry / sizeof cry[0]))
    return false;
  k += 2;
  if (tok_is_word(R, k, "to") && k + 2 < m->tb &&
      (tok_is_word(R, k + 1, "me") || tok_is_word(R, k + 1, "us")))
    k += 2;
  if (!tok_is_word(R, k, "when") && !tok_is_word(R, k, "if"))
    return false;
  /* Not a harm its doer is named for ("when your house gets hit by the
   * storm", "when your garden gets destroyed by slugs"): the threat
   * leaves the doer unsaid. Nor a warning that gives its reason or
   * advice ("when your portfolio gets hit, crypto is volatile"). */
  for (k = m->te; k < s->te && k < m->te + 3; k++)
    if (tok_is_word(R, k, "by"))
      return false;
  return !reason_follows(R, m, s);
}

/* "Maybe next time somebody finishes the job at that synagogue",
 * "Hopefully someone torches the mosque": an unnamed doer's deed after the
 * writer's hope of it ("hopefully", "next time", "maybe" before them and
 * nothing else in the clause), in a clause that ends its sentence, is
 * wished. Not a clause a main clause follows ("Next time someone shoots up
 * the synagogue, the guards will be ready"): that one tells when. */
static bool hoped_deed(const run *R, const mention *m, const sentence *s) {
  const tok *t = R->rs->toks;
  uint32_t clause = t[m->tb].clause, k = m->tb;
  bool hope = false;
  if (k < s->tb + 2 ||
      (!tok_is_word(R, k - 1, "somebody") && !tok_is_word(R, k - 1, "someone")))
    return false;
  for (k--; k-- > s->tb && t[k].clause == clause;) {
    if (tok_is_word(R, k, "hopefully"))
      hope = true;
    else if (tok_is_word(R, k, "time") && k > s->tb &&
             tok_is_word(R, k - 1, "next")) {
      hope = true;
      k--;
    } else if (t[k].type == TK_WORD && !tok_is_word(R, k, "maybe"))
      return false;
  }
  /* and the deed's object ends it: four words at most ("... at that
   * synagogue"; not "... at the mosque before Ramadan so the roof stops
   * leaking", a job of work) */
  uint32_t words = 0;
  for (k = m->te; hope && k < s->te; k++)
    if (t[k].clause != clause || (t[k].type == TK_WORD && ++words > 4))
      return false;
  return hope;
}

/* A call to act: a modal or wish earlier in the sentence (calling_modal,
 * which reads the attack's target tg), or the verb opening its clause (an
 * imperative), perhaps after a few softeners. */
static bool is_call(const run *R, const mention *m, const target *tg) {
  const dc_rules_scratch *rs = R->rs;
  const sentence *s = sent_of(R, m->tb);
  /* "I want them dead": the writer's wish is the call (wish_frame);
   * so is a warning that the deed will come ("Don't come crying when
   * your synagogue gets hit", warned_deed). */
  if (ent(R, m)->flags & (DC_F_WISHED | DC_F_FORMULA))
    return wish_frame(R, m, NULL) || regretted(R, m, s) ||
           (any_kind(R, DC_KIND_NEGATION) && warned_deed(R, m, s));
  if (thing_harms(R, m, s))
    return false;
  /* "I hope the women who were hurt recover", "I hope gays who were
   * beaten get justice": a passive in a relative clause tells what
   * befell the people it describes; the wish is for something else. */
  if (m->tb >= 2 && (past_form(R, m) || participle_word(R, m->tb)) &&
      (kind_at(R, m->tb - 1, DC_KIND_COPULA) ||
       tok_is_word(R, m->tb - 1, "been") || tok_is_word(R, m->tb - 1, "got") ||
       tok_is_word(R, m->tb - 1, "get"))) {
    uint32_t k = m->tb - 2;
    if (k > s->tb && tok_is_word(R, k, "been"))
      k--; /* "who have been" */
    if (k > s->tb && (tok_is_word(R, k, "have") || tok_is_word(R, k, "had") ||
                      tok_is_word(R, k, "has")))
      k--;
    if (tok_is_word(R, k, "who") || tok_is_word(R, k, "that"))
      return false;
  }
  /* A phrase that carries its own modality is a statement of exclusion
   * or a call as it stands: "not welcome", "shouldn't be allowed"; so
   * does one flagged `oblige`, whose "need" the lexicon files as glue
   * ("the blacks in this city need a good cull": the words between
   * the group and it are no imperative's). */
  if (ent(R, m)->flags & DC_F_OBLIGE)
    return oblige_call(R, m, s);
  /* "Chinese students better watch themselves walking home at night":
   * a phrase that opens with the "(had) better" of a warning holds its
   * own modality, so it warns whatever its subject; a warning out of
   * care names the danger it warns of ("Trans people better watch their
   * backs, hate crimes are rising"), which a denunciation in the comment
   * stands for. */
  /* So does a reason or advice after a comma ("Muslims better watch
   * themselves fasting in this heat, stay hydrated"; reason_follows), or
   * "for" what to watch ("Older women better watch themselves for signs
   * of osteoporosis"). */
  if (m->kind == DC_KIND_THREAT && tok_is_word(R, m->tb, "better"))
    return !any_kind(R, DC_KIND_DENOUNCE) && !tok_is_word(R, m->te, "for") &&
           !reason_follows(R, m, s);
  for (uint32_t k = m->tb; k < m->te; k++)
    if (mention_at(R, k, DC_KIND_NEGATION) || mention_at(R, k, DC_KIND_MODAL))
      return true;
  if (m->kind == DC_KIND_THREAT &&
      (hoped_deed(R, m, s) || if_warning(R, m, s) ||
       (any_kind(R, DC_KIND_NEGATION) && warned_deed(R, m, s))))
    return true;
  if (consequence_of(R, m, s))
    return false;
  if (negated_opening(R, s) ||
      calling_modal(R, s, m->tb, m->te, tg,
                    m->kind == DC_KIND_EXCLUSION &&
                        /* ("Luos will be chased out ... with pangas"
                         * is no forecast) */
                        !armed_expulsion(R, m)) ||
      why_not_call(R, m, s))
    return true;
  /* "me everytime i see a gay guy 🔪", "refugees = 💣": a weapon emoji
   * right after the group (only punctuation and emoji between), with
   * nothing after it in its sentence but punctuation and emoji, is the
   * writer's answer to the group, as a call is; the meme's frame ("me
   * when ...") is no narration. A word between says something else of
   * the group ("pray for the Muslims shot in the mosque 🔫😢"). Not in a
   * greeting or a celebration (an unambiguous word of approval
   * or a firework emoji, kind `positive`: "Happy Diwali Hindus 💣🎇",
   * where the bomb is a firecracker; "welcome" is ambiguous: "my welcome
   * gift for refugees = 💣"), nor after a flag named as the place where
   * a thing is made or comes from ("knives made in 🇯🇵 🔪"). */
  if ((unsigned char)R->n->text[m->b] >= 0x80 && tg && tg->type == TG_GROUP &&
      tg->te <= m->tb &&
      !(tg->tb > s->tb &&
        (unsigned char)R->n->text[rs->toks[tg->tb].b] >= 0x80 &&
        (tok_is_word(R, tg->tb - 1, "in") ||
         tok_is_word(R, tg->tb - 1, "from")))) {
    bool bare = true;
    for (uint32_t k = tg->te; k < m->tb && bare; k++)
      bare = rs->toks[k].type != TK_WORD ||
             (unsigned char)R->n->text[rs->toks[k].b] >= 0x80;
    uint32_t k = m->te;
    while (bare && k < s->te &&
           (rs->toks[k].type != TK_WORD ||
            (unsigned char)R->n->text[rs->toks[k].b] >= 0x80))
      k++;
    if (bare && k == s->te && !greeting_in(R, s))
      return true;
  }
  if (regretted(R, m, s))
    return true;
  if (any_kind(R, DC_KIND_NEGATION) && wouldnt_mind(R, m, s))
    return true;
  /* An exclamation: "Poles go home!" (tokenize notes the sentence's last
   * '!'). */
  if (s->bang > m->te)
    return true;
  /* A participle opening a clause describes ("Deported Mexicans arrive");
   * it does not command. */
  const dc_entry *e = ent(R, m);
  if (m->e - m->b > e->term_len && R->n->text[m->e - 1] == 'd')
    return false;
  /* So does one in -ing after a comma ("In 1963 the Klan bombed the
   * church, killing four Black girls"): what the deed did. */
  if (m->e - m->b >= e->term_len + 3 && m->tb > s->tb &&
      memcmp(R->n->text + m->e - 3, "ing", 3) == 0 &&
      rs->toks[m->tb - 1].type == TK_PUNCT && rs->toks[m->tb - 1].ch == ',')
    return false;
  /* One word in -ing in a prepositional phrase, after "the" or "a" and
   * at most two words more ("Two Muslims die in the mosque shooting",
   * "killed in a mass shooting", "after the stabbing"), names the
   * event: a noun, which commands nothing. Not after a verb ("Start the
   * killing of the Jews") nor as a subject ("the shooting starts
   * tonight"). */
  if (m->te == m->tb + 1 && m->tb > s->tb + 1) {
    /* (not "of": "We need more of the shooting at mosques") */
    static const char *const preps[] = {
        "in", "at", "after", "during", "since", "before", "from", "following"};
    const tok *v = &rs->toks[m->tb];
    if (v->e - v->b > 5 && memcmp(R->n->text + v->e - 3, "ing", 3) == 0)
      for (uint32_t k = m->tb, n = 0; k-- > s->tb + 1 && n < 3; n++) {
        if (rs->toks[k].type != TK_WORD)
          break;
        if (tok_is_word(R, k, "the") || a_or_an(R, k)) {
          if (word_among(R, k - 1, k, preps, sizeof preps / sizeof preps[0]))
            return false;
          break;
        }
      }
  }
  uint32_t clause = rs->toks[m->tb].clause;
  if (slogan(R, m))
    return true;
  if (tg && tg->type == TG_GROUP && coordinated_command(R, m, s))
    return true;
  if (m->kind == DC_KIND_THREAT && past_deed_of_someone(R, m, s))
    return false;
  /* An imperative: the clause opens with the verb, perhaps after a few
   * softeners ("just", "please"), or with another command it is
   * coordinated with ("Round up the Roma and burn their camps"), or with
   * an unknown verb whose object is the group ("Get women out of
   * parliament", "Keep the Arabs out"). */
  bool saw_group = false, saw_command = false;
  /* Clause numbers only grow along the tokens: the clause starts at cs. */
  uint32_t cs = s->tb, words = 0;
  for (uint32_t k = m->tb; k-- > s->tb;) {
    const tok *t = &rs->toks[k];
    /* "but" right before a verb entry opens a command of its own
     * ("Just joking but gas the Jews", "I'm not racist but deport
     * them all"; not "but ethnic cleansing has happened", a noun) */
    if (t->clause != clause ||
        (k > s->tb && k + 1 == m->tb && but_between(R, k, k + 1) &&
         (ent(R, m)->flags & DC_F_VERB))) {
      cs = k + 1;
      break;
    }
    if (t->type != TK_WORD)
      continue;
    /* A clause of more than CALL_WALK words of groups, commands and
     * function words before the verb is a chant, not a statement
     * ("kill all the jews kill all the jews ..."); reading further
     * back for each verb would make such a comment quadratic. */
    if (++words > CALL_WALK)
      return true;
    /* "are hunted down": a linking verb makes it a statement. */
    if (mention_at(R, k, DC_KIND_COPULA))
      return false;
    /* A command makes the group irrelevant: the word is skipped
     * either way, and saw_command outweighs saw_group below. */
    bool command = command_at(R, k);
    bool group =
        !command && (in_target(R, k, TG_GROUP) ||
                     (tg && tg->type == TG_GROUP && k >= tg->tb && k < tg->te));
    saw_group |= group;
    saw_command |= command;
    if (glue_at(R, k) || mention_at(R, k, DC_KIND_QUANTIFIER) ||
        mention_at(R, k, DC_KIND_PROFANITY) ||
        mention_at(R, k, DC_KIND_PRONOUN_GROUP) || group || command ||
        tok_is_word(R, k, "please") || tok_is_word(R, k, "so") ||
        tok_is_word(R, k, "then") ||
        /* "Three Jews hurt ...": the count of a group */
        (count_word(R, k) && in_target(R, k + 1, TG_GROUP)))
      continue;
    /* Only the clause's first word may be an unknown verb. */
    for (uint32_t j = k; j-- > s->tb && rs->toks[j].clause == clause;)
      if (rs->toks[j].type == TK_WORD)
        return false;
    return bare_verb(R, k);
  }
  /* A group before the verb with no command before it is the subject of
   * a statement ("Poles go home for Christmas"), unless the clause opens
   * with a bare verb the lexicon files as a function word ("Get women
   * out of parliament"). */
  if (saw_group && !saw_command) {
    for (uint32_t k = cs; k < m->tb; k++)
      if (rs->toks[k].clause == clause && rs->toks[k].type == TK_WORD)
        return glue_at(R, k) && bare_verb(R, k);
    return false;
  }
  return true;
}

/* "Mexico won't take back 'foreign' invaders": people taken back are
 * sent home, and a word for migrants as the object of "take back" is
 * about migration. Between "back" and the word only quote marks, a
 * determiner and at most two words the lexicon does not know ("the
 * illegal invaders"); a second determiner starts a clause of its own
 * ("took back the land the invaders had seized"), and a preposition
 * makes the word what it was taken from ("took back York from the
 * Viking invaders"). */
static bool taken_back(const run *R, const mention *m) {
  const tok *t = R->rs->toks;
  uint32_t k = m->tb, words = 0, word[TAKE_BACK_WORDS];
  bool det = false;
  for (uint32_t n = 0; k > 1 && n < 8; n++) {
    k--;
    if (tok_is_word(R, k, "back"))
      break;
    if (t[k].type == TK_PUNCT && (t[k].ch == '"' || t[k].ch == '\''))
      continue;
    if (t[k].type != TK_WORD)
      return false;
    /* ("these", "those": quantifiers of the lexicon) */
    if (is_determiner(R, k) ||
        take_back_det(R->n->text + t[k].b, t[k].e - t[k].b)) {
      if (det)
        return false;
      det = true;
      continue;
    }
    if (det || words == TAKE_BACK_WORDS || R->rs->at[k] != 0)
      return false;
    word[words++] = k;
  }
  if (k < 1 || !tok_is_word(R, k, "back"))
    return false;
  const tok *v = &t[k - 1];
  if (v->type != TK_WORD || !take_word(R->n->text + v->b, v->e - v->b))
    return false;
  /* Glue is known to the lexicon too: asked last, as placing it
   * (need_glue, which glue_at does once) costs a pass over the
   * comment's glue, which most walks that find no "take back" never
   * need (place_glue on the bench corpus: 302,251 instructions before,
   * 302,901 asked before the walk, 301,701 asked here). */
  for (uint32_t i = 0; i < words; i++)
    if (glue_at(R, word[i]))
      return false;
  return true;
}

/* How many tokens around a word for migrants past_war looks. */
#define WAR_REACH 12

/* The tokens [*lo, *hi) within WAR_REACH of m in its sentence: where
 * past_war looks for a year, own_word_expelled for a call and
 * dd_invaders_taken for what the trope says they do. */
static void war_window(const run *R, const mention *m, uint32_t *lo,
                       uint32_t *hi) {
  const sentence *s = sent_of(R, m->tb);
  *lo = m->tb > s->tb + WAR_REACH ? m->tb - WAR_REACH : s->tb;
  *hi = m->te + WAR_REACH < s->te ? m->te + WAR_REACH : s->te;
}

/* Does the word before token k (k > 0) say that a year follows: "in",
 * "since", "by", "from", "until"? past_war and rule_code add words of
 * their own ("the invaders of 1066"; "year 1488"): each list was tuned
 * on its own rows, and sharing them would change what either finds. */
static bool year_before(const run *R, uint32_t k) {
  return tok_is_word(R, k - 1, "in") || tok_is_word(R, k - 1, "since") ||
         tok_is_word(R, k - 1, "by") || tok_is_word(R, k - 1, "from") ||
         tok_is_word(R, k - 1, "until");
}

/* "The invaders were repelled at the border in 1813", "the Norman
 * invaders of 1066": a year up to 1945 within WAR_REACH tokens of m in
 * its sentence dates a war of the past, whose invaders were armies. A
 * number is a year only after "in", "of", "since", "by", "from",
 * "until" or "circa", or before "AD" or "BC": not "another 1200
 * invaders", not "we saw 1900 of them". (A word of migration does not
 * undo the year: "repelled at the border in 1813".) rule_attack may ask
 * it of one word three times; a memo in the run cost more (26K
 * instructions on the bench corpus) than the rare repeats. */
static bool past_war(const run *R, const mention *m) {
  const dc_rules_scratch *rs = R->rs;
  const sentence *s = sent_of(R, m->tb);
  uint32_t lo, hi;
  war_window(R, m, &lo, &hi);
  for (uint32_t k = lo; k < hi; k++) {
    const tok *t = &rs->toks[k];
    const char *w = R->n->text + t->b;
    if (t->type != TK_WORD || t->e - t->b != 4 || w[0] != '1')
      continue;
    if (!(w[1] >= '0' && w[1] <= '9' && w[2] >= '0' && w[2] <= '9' &&
          w[3] >= '0' && w[3] <= '9' &&
          (w[1] < '9' || w[2] < '4' || (w[2] == '4' && w[3] <= '5'))))
      continue;
    if ((k > s->tb && (year_before(R, k) || tok_is_word(R, k - 1, "of") ||
                       tok_is_word(R, k - 1, "circa"))) ||
        (k + 1 < s->te &&
         (tok_is_word(R, k + 1, "ad") || tok_is_word(R, k + 1, "bc"))))
      return true;
  }
  return false;
}

/* Is m, a word for migrants ("invaders", "illegals"), meant of migrants:
 * the comment or its context is about migration, or m is the object of
 * "take back"; not in a sentence dated to a war of the past (past_war)?
 * Asked by rule_attack of an ambiguous word both as an attack that may
 * be its own target and as the object of a threat. */
static inline bool migrant_word_meant(run *R, const mention *m) {
  return (ent(R, m)->categories & (1u << DECORUM_CATEGORY_IMMIGRATION)) &&
         (migration_context(R) || taken_back(R, m)) && !past_war(R, m);
}

/* "Jews hurt in synagogue attack", "Two gay men beaten outside bar",
 * "Muslims killed in mosque fire": a participle with a place or time
 * right after it is a headline's passive ("be" left out), whose victims
 * the group before it is, not its doer. */
static bool headline_passive(const run *R, const mention *m) {
  static const char *const after[] = {"in",     "at",    "outside", "near",
                                      "during", "after", "on",      "by"};
  return (past_form(R, m) || participle_word(R, m->te - 1)) &&
         word_among(R, m->te, m->te + 1, after, sizeof after / sizeof after[0]);
}

/* The protected group that does what verb m says: a group target ending
 * at most three words before it, with no linking verb, negation or
 * punctuation between ("black teens kill", "muslims always murder").
 * Only targets that start within that reach and the longest target's
 * length are looked at: scanning them all for every verb was quadratic
 * ('"kill them" he said' said over 64 KiB: 75M instructions here). */
static const target *group_subject(const run *R, const mention *m) {
  const dc_rules_scratch *rs = R->rs;
  uint32_t reach = 3 + target_span(R->rs);
  for (size_t i = targets_from(rs, m->tb > reach ? m->tb - reach : 0);
       i < rs->nt && rs->t[i].tb <= m->tb; i++) {
    const target *t = &rs->t[i];
    if (t->type != TG_GROUP || t->te > m->tb || m->tb - t->te > 3 ||
        rs->toks[t->tb].sent != rs->toks[m->tb].sent)
      continue;
    /* "the Nigerian striker": one person, not a whole group */
    const mention *head =
        t->te > t->tb ? mention_at(R, t->te - 1, DC_KIND_PERSON) : NULL;
    if (head && !plural_word(R, head->b, head->e))
      continue;
    bool clean = true;
    for (uint32_t k = t->te; k < m->tb && clean; k++)
      clean = rs->toks[k].type == TK_WORD &&
              !mention_at(R, k, DC_KIND_COPULA) &&
              !mention_at(R, k, DC_KIND_NEGATION) &&
              !mention_at(R, k, DC_KIND_REPORT);
    if (clean)
      return t;
  }
  return NULL;
}

/* A word of time that may follow an object: "kill her tonight", not a
 * noun "her" owns ("hang her coat"). */
static bool when_word(const run *R, uint32_t k) {
  return tok_is_word(R, k, "tonight") || tok_is_word(R, k, "today") ||
         tok_is_word(R, k, "tomorrow") || tok_is_word(R, k, "now") ||
         tok_is_word(R, k, "soon") || tok_is_word(R, k, "again") ||
         tok_is_word(R, k, "someday") || tok_is_word(R, k, "already");
}

/* After a verb, "her" followed by a word is a possessive ("hang her
 * coat", "beat her time") and "him"/"her" before an article the first of
 * two objects ("shoot him a text", "burn her a CD"): not what the verb is
 * done to ("kill her tonight" is: when_word). */
static bool object_of_two(const run *R, uint32_t k) {
  const tok *nx = &R->rs->toks[k + 1]; /* toks[ntok] is a sentinel */
  if (nx->type != TK_WORD)
    return false;
  return a_or_an(R, k + 1) || (tok_is_word(R, k, "her") && !glue_at(R, k + 1) &&
                               !when_word(R, k + 1));
}

/* "him" or "her" inside the phrase or right after it: the threat is
 * aimed at a person. */
static bool person_object(const run *R, const mention *m) {
  for (uint32_t k = m->tb; k <= m->te; k++)
    if ((tok_is_word(R, k, "him") || tok_is_word(R, k, "her") ||
         (k < m->te && tok_is_word(R, k, "his"))) &&
        (k < m->te || !object_of_two(R, k)))
      return true;
  /* "kill that guy", "shoot this man": a demonstrative and one person
   * (a singular person noun) right after the verb */
  uint32_t k = m->te;
  if ((tok_is_word(R, k, "that") || tok_is_word(R, k, "this")) &&
      R->rs->toks[k + 1].type == TK_WORD) {
    const mention *p = mention_at(R, k + 1, DC_KIND_PERSON);
    return p && p->te == k + 2 && !plural_word(R, p->b, p->e);
  }
  return false;
}

/* A modal of obligation or desert at token k, not "should have". */
static bool obliging(const run *R, uint32_t k) { return obliging_at(R, k, 0); }

/* A threat wished on "he" or "she": the threat is a passive after a modal
 * of obligation ("She should be raped", "he deserves to be shot") or holds
 * one ("He deserves to die"), and the pronoun is at most five words
 * before it in its clause. Not an active verb, which sport and idiom use
 * ("he should destroy Federer", "she needs to kill the ball", "he should
 * hang up his boots"), nor a report ("he could have killed"). */
static bool person_subject(const run *R, const mention *m) {
  uint32_t clause = R->rs->toks[m->tb].clause;
  bool inside = false;
  for (uint32_t k = m->tb; k < m->te && !inside; k++)
    inside = obliging(R, k);
  bool passive = m->tb >= 1 && tok_is_word(R, m->tb - 1, "be");
  if (!inside && !passive)
    return false;
  bool modal = inside;
  for (uint32_t k = m->tb, words = 0; k-- > 0 && words < 5;) {
    const tok *t = &R->rs->toks[k];
    if (t->clause != clause)
      break;
    if (t->type != TK_WORD)
      continue;
    words++;
    modal |= obliging(R, k);
    if (he_or_she(R, k))
      return modal;
  }
  return false;
}

/* The writer's will (a pronoun flagged `will`: i'll, we'll, i'd) governs
 * the verb at token ti: right before it ("I'll kill you", an adverb
 * between: "I'd happily shoot"), or before a
 * first verb joined to it by "and" in the same clause ("I'll find you and
 * hurt you", "I'll come over and kill you"). */
static bool writer_will(const run *R, uint32_t ti) {
  const mention *pw = mention_at(R, ti - 1, DC_KIND_PRONOUN_SELF);
  /* an adverb between: "I'd happily shoot", "I'll gladly ..." */
  if (!pw && ti >= 2 && adverb_like(R, ti - 1))
    pw = mention_at(R, ti - 2, DC_KIND_PRONOUN_SELF);
  if (pw)
    return (ent(R, pw)->flags & DC_F_WILL) != 0;
  if (ti < 3 || !tok_is_word(R, ti - 1, "and"))
    return false;
  /* at most two words between: "I'll find you and", not "I'll say
   * something stupid and" */
  uint32_t clause = R->rs->toks[ti].clause;
  for (uint32_t j = ti - 2, lo = ti > 4 ? ti - 4 : 0; j-- > lo;) {
    if (R->rs->toks[j].clause != clause)
      return false;
    if ((pw = mention_at(R, j, DC_KIND_PRONOUN_SELF)) != NULL)
      return (ent(R, pw)->flags & DC_F_WILL) != 0;
  }
  return false;
}

/* Does a threat done to places (flag `place`: "burn", "torch") put
 * people inside the place, "with" then, within four words in its clause,
 * "inside" or "in it" ("we'll burn it down with them inside", "torch the
 * hotel with the lot of them still in it")? Burning people is as severe
 * as the severest threat. */
static bool people_inside(const run *R, const mention *m) {
  const dc_rules_scratch *rs = R->rs;
  if (!(ent(R, m)->flags & DC_F_PLACE))
    return false;
  uint32_t c = rs->toks[m->tb].clause, w = UINT32_MAX;
  for (uint32_t k = m->te;
       k < rs->ntok && k < m->te + 6 && rs->toks[k].clause == c; k++)
    if (tok_is_word(R, k, "with")) {
      w = k;
      break;
    }
  for (uint32_t k = w + 1;
       w != UINT32_MAX && k < rs->ntok && k < w + 6 && rs->toks[k].clause == c;
       k++)
    if (tok_is_word(R, k, "inside") ||
        (tok_is_word(R, k, "in") && k + 1 < rs->ntok &&
         (tok_is_word(R, k + 1, "it") || tok_is_word(R, k + 1, "there"))))
      return true;
  return false;
}

/* A milder threat verb (hurt, beat) whose object, right after it or
 * inside the phrase ("break your legs"), ends the clause or is followed by
 * "up" or "badly" (not then "at" or "in": "I'll beat you badly at
 * chess"), or, for a verb with no innocent reading, by "if", "until",
 * "in": "I'll hurt you", "I'll beat you up if you come back", "I'll smash
 * your face in"; not "I'll beat you at chess", "I'll hurt you if I tell
 * you the truth". A verb that is also a win in a game (flag `game`) needs
 * "up" or "badly": "I'll beat you!" is as likely a game. */
static bool bare_object(const run *R, const mention *m) {
  uint32_t k = m->te;  /* after the object */
  bool inside = false; /* "break your legs": the phrase holds it */
  for (uint32_t j = m->tb + 1; j < m->te && !inside; j++)
    inside = mention_at(R, j, DC_KIND_PRONOUN_YOU) ||
             tok_is_word(R, j, "his") || tok_is_word(R, j, "her") ||
             tok_is_word(R, j, "him");
  if (!inside) {
    if (k >= R->rs->ntok ||
        !(mention_at(R, k, DC_KIND_PRONOUN_YOU) || tok_is_word(R, k, "him") ||
          tok_is_word(R, k, "her")))
      return false;
    k++;
  }
  uint64_t f = ent(R, m)->flags;
  bool game = (f & DC_F_GAME) != 0;
  if (k >= R->rs->ntok || R->rs->toks[k].type != TK_WORD ||
      R->rs->toks[k].clause != R->rs->toks[k - 1].clause)
    return !game; /* "I'll hurt you.", "I'll hurt you, I swear" */
  if (tok_is_word(R, k, "up") || tok_is_word(R, k, "badly"))
    /* not "I'll beat you badly at chess" */
    return !tok_is_word(R, k + 1, "at") && !tok_is_word(R, k + 1, "in");
  /* a verb with an innocent reading ("hurt": feelings) only as above:
   * "I'll hurt you if I tell you the truth", "in the second half" */
  return !(f & DC_F_AMBIGUOUS) &&
         (tok_is_word(R, k, "if") || tok_is_word(R, k, "until") ||
          tok_is_word(R, k, "in")); /* "smash your face in" */
}

/* Works out, once per sentence si, game_named's and game_in's answers:
 * whether it names a game at all (game_any) and the preposition of its
 * last game after at/in/on (game_prep). */
static void game_scan(run *R, uint32_t si) {
  const sentence *s = &R->rs->s[si];
  if (R->game_sent != si + 1) {
    R->game_sent = si + 1;
    R->game_prep = UINT32_MAX;
    R->game_any = false;
    for (uint32_t k = s->te; k-- > s->tb;) {
      const mention *g = mention_at(R, k, DC_KIND_OBJECT);
      if (!g || !(ent(R, g)->flags & DC_F_GAME))
        continue;
      R->game_any = true;
      if (k == s->tb)
        break;
      uint32_t p = k - 1;
      if ((tok_is_word(R, p, "the") || tok_is_word(R, p, "a") ||
           tok_is_word(R, p, "this") || tok_is_word(R, p, "my") ||
           tok_is_word(R, p, "our")) &&
          p > s->tb)
        p--;
      if (tok_is_word(R, p, "at") || tok_is_word(R, p, "in") ||
          tok_is_word(R, p, "on")) {
        R->game_prep = p;
        break;
      }
    }
  }
}

/* A game named after threat verb m in its sentence, after "at", "in" or
 * "on", perhaps with a determiner between (an `object` entry flagged
 * `game`): "I'll murder the Italians at FIFA tonight", "kill the boss on
 * hard mode", "we slaughtered them in Call of Duty". */
static bool game_named(run *R, const mention *m) {
  if (!any_kind(R, DC_KIND_OBJECT))
    return false;
  /* The sentence's last game after at/in/on, found once per sentence (a
   * comment of a thousand "kill"s stays linear): game_prep is the token
   * of its preposition, or UINT32_MAX. A game after the threat has its
   * preposition at or past the threat's end. */
  game_scan(R, R->rs->toks[m->tb].sent);
  return R->game_prep != UINT32_MAX && R->game_prep >= m->te;
}

/* m follows a passive "treated like"/"treated as" ("are treated like
 * animals", "get treated like dirt", "being treated as second-class
 * citizens"; or the active past with the group as its object, "the
 * regime treated Kurds as inferior"), two words at most between "like"
 * and m and between a form
 * of "be"/"get" and "treated", an adverb: "are still treated like"),
 * with no modal or wish before it in the sentence ("should be treated
 * like pigs" calls for it). */
static bool treated_like(const run *R, const mention *m) {
  const sentence *s = sent_of(R, m->tb);
  uint32_t k = m->tb;
  while (k > s->tb && m->tb - k < 2 && !tok_is_word(R, k - 1, "like") &&
         !tok_is_word(R, k - 1, "as"))
    k--;
  if (k <= s->tb + 1 ||
      !(tok_is_word(R, k - 1, "like") || tok_is_word(R, k - 1, "as")))
    return false;
  for (uint32_t j = k; j < m->tb; j++)
    if (R->rs->toks[j].type != TK_WORD)
      return false;
  uint32_t tr = k - 2;
  if (!tok_is_word(R, tr, "treated")) {
    /* The active past with the group as object, its doer named before
     * it, not the writer: "successive regimes treated Kurds as an
     * inferior people", "the colonists treated the natives like
     * animals". */
    for (size_t i = targets_from(R->rs, s->tb);
         i < R->rs->nt && R->rs->t[i].tb < k; i++) {
      const target *g = &R->rs->t[i];
      if (g->type != TG_GROUP || g->te != k - 1)
        continue;
      uint32_t v = g->tb;
      if (v > s->tb && is_determiner(R, v - 1))
        v--;
      if (v <= s->tb + 1 || !tok_is_word(R, v - 1, "treated") ||
          kind_at(R, v - 2, DC_KIND_PRONOUN_SELF))
        return false;
      return !has_kind_in(R, s->tb, v - 1, DC_KIND_MODAL);
    }
    return false;
  }
  uint32_t b = tr;
  if (b > s->tb && adverb_like(R, b - 1))
    b--;
  if (b <= s->tb ||
      !(kind_at(R, b - 1, DC_KIND_COPULA) || tok_is_word(R, b - 1, "be") ||
        tok_is_word(R, b - 1, "been") || tok_is_word(R, b - 1, "being") ||
        tok_is_word(R, b - 1, "get") || tok_is_word(R, b - 1, "gets") ||
        tok_is_word(R, b - 1, "got") || tok_is_word(R, b - 1, "getting")))
    return false;
  return !has_kind_in(R, s->tb, tr, DC_KIND_MODAL);
}

/* The verb at m is a passive participle called for: its text ends in
 * -ed or -en, or is "shot" or "hung", "be" or "get" comes a word or two
 * before, and a modal of obligation before that ("should all be shot",
 * "must be killed", "need to be hanged"; not "before they could be shot",
 * "they will be slaughtered"). */
static bool passive_of(const run *R, const mention *m) {
  const tok *last = &R->rs->toks[m->te - 1];
  const char *w = R->n->text + last->b;
  size_t len = last->e - last->b;
  bool part = (len > 3 && w[len - 2] == 'e' &&
               (w[len - 1] == 'd' || w[len - 1] == 'n')) ||
              tok_is_word(R, m->te - 1, "shot") ||
              tok_is_word(R, m->te - 1, "hung");
  if (!part)
    return false;
  bool modal = false;
  for (uint32_t k = m->tb > 4 ? m->tb - 4 : 0; k < m->te; k++) {
    if (tok_is_word(R, k, "should") || tok_is_word(R, k, "must") ||
        tok_is_word(R, k, "need") || tok_is_word(R, k, "needs") ||
        tok_is_word(R, k, "deserve") || tok_is_word(R, k, "ought"))
      modal = true;
    else if (modal && (tok_is_word(R, k, "be") || tok_is_word(R, k, "get") ||
                       tok_is_word(R, k, "been")))
      return true;
  }
  return false;
}

/* The pronoun t the threat m is aimed at may be people: not in a
 * question ("would you be arrested if you shot them?"), not in a clause
 * of condition or time ("if ...", "before they could be shot"), and not
 * after a thing or a non-protected target it can point back to ("those
 * weeds are everywhere, kill them all"). */
static bool unnamed_people(const run *R, const mention *m, const target *t) {
  const dc_rules_scratch *rs = R->rs;
  const sentence *s = sent_of(R, m->tb);
  if (s->question)
    return false;
  /* the clause and the sentence before, at most MEMBER_REACH tokens
   * back: this is asked per threat */
  uint32_t from = m->tb > MEMBER_REACH ? m->tb - MEMBER_REACH : 0;
  for (uint32_t k = s->tb > from ? s->tb : from; k < m->tb; k++)
    if (tok_is_word(R, k, "if") || tok_is_word(R, k, "before") ||
        tok_is_word(R, k, "after") || tok_is_word(R, k, "until") ||
        tok_is_word(R, k, "unless"))
      return false;
  for (size_t i = targets_from(rs, from); i < rs->nt && rs->t[i].tb < t->tb;
       i++)
    if (rs->t[i].type == TG_OBJECT || rs->t[i].type == TG_NP)
      return false;
  return true;
}

/* A faith named as a belief system (`islam`, `judaism`: a non-protected
 * entry whose group column holds only religions), whose believers a
 * dehumanizing word said of it means. */
static bool faith_entry(const dc_entry *e) {
  return e->kind == DC_KIND_NONPROTECTED && e->categories &&
         !(e->categories & ~(1u << DECORUM_CATEGORY_RELIGION));
}

/* Word k before a faith's name makes it a setting or a movement: "in
 * Islam", "under Islam", "radical Islam", "political Islam". */
static bool faith_qualified(const run *R, uint32_t k) {
  static const char *const words[] = {
      "in",        "under",    "radical",        "political", "militant",
      "extremist", "violent",  "fundamentalist", "jihadist",  "jihadi",
      "wahhabi",   "salafist", "hardline"};
  const tok *t = &R->rs->toks[k];
  return t->type == TK_WORD && dc_word_in(R->n->text + t->b, t->e - t->b, words,
                                          sizeof words / sizeof words[0]);
}

/* A people named by its nationality alone ("Scots", "the French"), which
 * banter about its team or its state may mean (rule_attack,
 * rule_profanity). */
static bool nationality_alone(const target *t) {
  return t->categories == (1u << DECORUM_CATEGORY_NATIONALITY);
}

/* Categories no animal is named for: a faith, a gender identity, a
 * disability, a migrant status ("Norwegian rats", "African monkeys",
 * "female rats", "gay dogs" are animals). */
#define NOT_PLACE_CATEGORIES                                                   \
  ((1u << DECORUM_CATEGORY_RELIGION) |                                         \
   (1u << DECORUM_CATEGORY_GENDER_IDENTITY) |                                  \
   (1u << DECORUM_CATEGORY_DISABILITY) | (1u << DECORUM_CATEGORY_IMMIGRATION))

/* "they're" or "they are" one or two words before token k: what follows
 * is said of people ("they're just Arab vermin"); "these are Norwegian
 * rats" is said of anything. */
static bool said_of(const run *R, uint32_t k) {
  for (uint32_t j = k > 3 ? k - 3 : 0; j < k; j++) {
    const mention *p = mention_at(R, j, DC_KIND_PRONOUN_GROUP);
    if (p && (ent(R, p)->flags & DC_F_COPULA))
      return true;
    if (p && j + 1 < k && kind_at(R, j + 1, DC_KIND_COPULA))
      return true;
  }
  return false;
}

/* An emoji entry flagged `own` (🍉, the watermelon trope) is said of the
 * group t it attacks: t is named by an entry of the same group as the
 * emoji's ("black people 🍉"; not "Free 🇵🇸 🍉", a nationality, nor "🇯🇵 🍉
 * square watermelons", a fruit), and only punctuation, emoji or a linking
 * verb stand between them ("blacks = 🍉"; not "my black neighbours,
 * brought a 🍉", a fruit brought). */
static bool emoji_said_of(const run *R, const target *t, const mention *m,
                          const dc_entry *e) {
  if (t->entry < 0 || t->te > m->tb)
    return false;
  const dc_entry *ge = &R->lx->entries[t->entry];
  if (ge->group_len != e->group_len ||
      memcmp(ge->group, e->group, e->group_len) != 0)
    return false;
  for (uint32_t k = t->te; k < m->tb; k++)
    if (R->rs->toks[k].type == TK_WORD &&
        (unsigned char)R->n->text[R->rs->toks[k].b] < 0x80 &&
        !kind_at(R, k, DC_KIND_COPULA))
      return false;
  return true;
}

/* The target's last word is the entry's last word, in the singular or
 * the plural: "trans women" and "are not women", "a trans woman" and "is
 * not a woman" (man/men, woman/women differ in one vowel). */
static bool same_noun(const run *R, const target *t, const dc_entry *e) {
  if (t->te <= t->tb)
    return false;
  const tok *k = &R->rs->toks[t->te - 1];
  const char *a = R->n->text + k->b;
  size_t la = k->e - k->b;
  const char *b = e->term + e->term_len;
  while (b > e->term && b[-1] != ' ')
    b--;
  size_t lb = e->term_len - (size_t)(b - e->term);
  if (la != lb)
    return false;
  for (size_t i = 0; i < la; i++)
    if (a[i] != b[i] &&
        !(la >= 3 && i == la - 2 && a[la - 1] == 'n' && a[la - 3] == 'm' &&
          (a[i] == 'a' || a[i] == 'e') && (b[i] == 'a' || b[i] == 'e')))
      return false;
  return true;
}

static bool expelled(const run *R, uint32_t tb, uint32_t te);
static bool game_in(run *R, const sentence *s);

/* A noun for people that is also a thing ("trash", "filth", "rubbish": a
 * `dehumanize` entry flagged `noun` and `thing`), ending before token e,
 * after the identity word at token a reads as people, not goods, when it
 * ends its noun phrase (punctuation, the end, or a function word: "full
 * of Arab rubbish!", "Somali trash like you"; a word the lexicon does not
 * know may be the head it qualifies: "American garbage shows") and is not
 * said of a thing by a linking verb ("the phone was Chinese garbage";
 * "they're Somali trash" is said of people; "is full of Arab rubbish" is
 * the object of a preposition). */
static bool mass_people(const run *R, uint32_t a, uint32_t e) {
  const tok *t = R->rs->toks;
  const uint64_t *at = R->rs->at; /* kind_at for several kinds at once */
  if (e < R->rs->ntok && t[e].type == TK_WORD && !glue_at(R, e) &&
      !(at[e] & (KIND_BIT(COPULA) | KIND_BIT(MODAL))))
    return false;
  /* A word qualifying the phrase before the identity word is said of
   * goods unless it is abuse itself: "cheap Chinese trash", "used
   * German rubbish" are products; "filthy Somali trash", "other African
   * trash" are not. */
  const uint64_t abuse = KIND_BIT(DEROGATE) | KIND_BIT(DEHUMANIZE) |
                         KIND_BIT(INSULT) | KIND_BIT(PROFANITY) |
                         KIND_BIT(SLUR);
  if (a > 0 && t[a - 1].type == TK_WORD && !glue_at(R, a - 1) &&
      !is_determiner(R, a - 1) && !tok_is_word(R, a - 1, "other") &&
      !tok_is_word(R, a - 1, "another") && !(at[a - 1] & abuse))
    return false;
  for (uint32_t j = a; j > 0 && j + 3 > a;) {
    j--;
    if (t[j].type != TK_WORD)
      break;
    if (kind_at(R, j, DC_KIND_COPULA))
      return said_of(R, a);
    if (glue_at(R, j) && !is_determiner(R, j))
      break; /* "is full of Arab rubbish": a preposition's object */
  }
  return true;
}

/* The identity word right before attack noun m that names who it means
 * ("the non-white parasites", "Muslim vermin"), or NULL. Not before an
 * insult ("stupid Muslim" is the other way round), nor a stereotype noun
 * in the singular ("the Nigerian scammer was extradited": one man in the
 * news). A noun that is often literal ("African monkeys") only if it is
 * dehumanizing and the word is a group no animal is named for ("Muslim
 * vermin") or said of people ("they're just Arab vermin"); never after an
 * adjective that is an everyday word ("black rats"), except an animal
 * emoji among people ("all those little black 🐒", not "I saw a black 🐍
 * in the garden") and an animal called the person addressed ("you black
 * monkey"), for which *any_adj is set. */
static const mention *adjective_names(const run *R, const mention *m,
                                      bool *any_adj) {
  const mention *pv = identity_ending_at(R, m->tb);
  if (!pv || m->kind == DC_KIND_INSULT ||
      (m->kind == DC_KIND_STEREOTYPE && !plural_hit(R, m)))
    return NULL;
  const dc_entry *e = ent(R, m), *pe = ent(R, pv);
  if (!(e->flags & DC_F_AMBIGUOUS))
    return pv;
  /* "Muslim scum", "Mexican scum", "trans freaks", "Somali parasites":
   * a derogating or dehumanizing noun for people (flag `noun`) names who
   * it means after any identity word that is no everyday adjective
   * ("black scum" on a pond); a count noun (flag `plural` too) only in
   * the plural: "a Muslim pervert was convicted" is one man in the news,
   * "a Brazilian freak injury" no noun at all, "the Brazilian parasite"
   * an organism. (A dehumanizing word goes on to the tests below: "this
   * Muslim parasite".) */
  if ((m->kind == DC_KIND_DEROGATE || m->kind == DC_KIND_DEHUMANIZE) &&
      (e->flags & DC_F_NOUN) && !(pe->flags & DC_F_AMBIGUOUS) &&
      (!(e->flags & DC_F_PLURAL) || plural_hit(R, m)) &&
      (!(e->flags & DC_F_THING) || mass_people(R, pv->tb, m->te)))
    return pv;
  if (m->kind != DC_KIND_DEHUMANIZE)
    return NULL;
  /* "you black monkey", "u black 🐒": a person addressed is called the
   * animal; "you" stands right before the adjective, so it is no colour
   * of something the writer saw. The animal ends its clause, as a name
   * called does (only punctuation or emoji after it): in "I told you
   * black rats are living in the barn" "you" is the object of "told"
   * and the rats are the subject of what follows. */
  if (pv->tb > 0 && mention_at(R, pv->tb - 1, DC_KIND_PRONOUN_YOU) &&
      (m->te >= R->rs->ntok || R->rs->toks[m->te].type != TK_WORD ||
       (unsigned char)R->n->text[R->rs->toks[m->te].b] >= 0x80)) {
    *any_adj = true;
    return pv;
  }
  if ((unsigned char)R->n->text[m->b] >= 0x80 &&
      (!(pe->flags & DC_F_AMBIGUOUS) || said_of(R, pv->tb) ||
       quantified(R, pv->tb) ||
       (pv->tb > 1 && (kind_at(R, pv->tb - 2, DC_KIND_QUANTIFIER) ||
                       kind_at(R, pv->tb - 1, DC_KIND_QUANTIFIER))))) {
    *any_adj = true;
    return pv;
  }
  if (!(pe->flags & DC_F_AMBIGUOUS) &&
      (said_of(R, pv->tb) || (pe->categories & NOT_PLACE_CATEGORIES)))
    return pv;
  /* ...or that an exclusion expels, as only people are ("Get these
   * Afghan rats out of our town", "deport these Afghan rats"; not "get
   * rid of the Norwegian rats in our garage"), the adjective not a
   * colour ("black rats"). */
  if (!(pe->categories & (1u << DECORUM_CATEGORY_RACE)) &&
      expelled(R, pv->tb, m->te)) {
    *any_adj = true;
    return pv;
  }
  return NULL;
}

/* An exclusion entry with no innocent reading (not flagged `ambiguous`:
 * "out of our town", "deport"; not "out of our", "keep out", "remove")
 * right after the noun phrase [tb, te), or right before it or its
 * determiner: its object. */
static bool expelled(const run *R, uint32_t tb, uint32_t te) {
  if (!any_kind(R, DC_KIND_EXCLUSION))
    return false;
  const mention *x = mention_at(R, te, DC_KIND_EXCLUSION);
  if (x && !(ent(R, x)->flags & DC_F_AMBIGUOUS))
    return true;
  if (tb > 0 && is_determiner(R, tb - 1))
    tb--;
  for (size_t i = R->rs->first[tb > 4 ? tb - 4 : 0];
       i < R->rs->nm && R->rs->m[i].tb < tb; i++)
    if (R->rs->m[i].kind == DC_KIND_EXCLUSION && R->rs->m[i].te == tb &&
        !(ent(R, &R->rs->m[i])->flags & DC_F_AMBIGUOUS))
      return true;
  return false;
}

/* Token c follows a past form of "be" that the lexicon reads as a linking
 * verb: "were", "was", "been" ("Jews were gassed"). */
static bool after_past_be(const run *R, uint32_t c) {
  return c >= 2 && mention_at(R, c - 1, DC_KIND_COPULA) &&
         (tok_is_word(R, c - 1, "were") || tok_is_word(R, c - 1, "was") ||
          tok_is_word(R, c - 1, "been"));
}

/* A group named after threat verb m in its clause, within six words, as
 * its object: not after "by" (the doer of a passive). Returns it, or
 * NULL. */
static const target *victim_after(const run *R, const mention *m) {
  const dc_rules_scratch *rs = R->rs;
  uint32_t c = rs->toks[m->tb].clause;
  for (size_t i = targets_from(rs, m->te);
       i < rs->nt && rs->t[i].tb < m->te + 6; i++) {
    const target *t = &rs->t[i];
    if (t->tb < m->te || rs->toks[t->tb].clause != c)
      continue;
    for (uint32_t k = m->te; k < t->tb; k++)
      if (tok_is_word(R, k, "by"))
        return NULL;
    if (t->type == TG_GROUP)
      return t;
  }
  return NULL;
}

/* The group that is the subject of passive m in its clause, ending right
 * before "were", "was" or "been" or a word before that ("Jews were
 * gassed"), or NULL. */
static const target *passive_victim(const run *R, const mention *m) {
  /* or a headline's, "be" left out: "Muslims killed in mosque fire" */
  if (!after_past_be(R, m->tb) && !(m->tb > 0 && headline_passive(R, m)))
    return NULL;
  return group_ending_at(R, m->tb - 1, R->rs->toks[m->tb].clause);
}

/* Notes violence told as done to group t (see run.deed): a verb, or a
 * noun that names it. */
static void note_deed(run *R, const mention *m, const target *t, bool noun) {
  if (!t || t->reclaimed)
    return;
  R->deed = m;
  R->rs->deed_group = *t;
  R->rs->deed_noun = noun;
}

/* "Six million Jews were murdered in the Holocaust": the group is the
 * subject of a passive in the past, right before its linking verb, and
 * nothing in the comment approves of it (a positive word). What was done
 * to the group, as victim_after reads it. */
static bool victim_before(const run *R, const mention *m) {
  uint32_t c = m->tb;
  if (!after_past_be(R, c))
    return false;
  /* Not a wish or a case put ("if every black person was killed!"), and
   * the statement ends its sentence: nothing added after it ("..., good",
   * "... and they deserved it"). */
  const sentence *s = sent_of(R, m->tb);
  if (s->bang || any_kind(R, DC_KIND_POSITIVE))
    return false;
  uint32_t clause = R->rs->toks[m->tb].clause;
  for (uint32_t k = s->tb; k < s->te; k++)
    if ((k < m->tb && tok_is_word(R, k, "if")) ||
        (k > m->tb &&
         (tok_is_word(R, k, "and") || R->rs->toks[k].clause != clause)))
      return false;
  return group_ends_at(R, c - 1) && R->rs->toks[c - 2].clause == clause;
}

/* The event noun m opens its sentence, after "the" and a group word or a
 * country ("The Rwandan genocide", "Rwanda genocide"). */
static bool event_opens(const run *R, const mention *m) {
  const sentence *s = sent_of(R, m->tb);
  uint32_t k = m->tb;
  const mention *id = identity_ending_at(R, k);
  if (id)
    k = id->tb;
  else if (k > s->tb && in_target(R, k - 1, TG_NP))
    k--;
  if (k > s->tb && tok_is_word(R, k - 1, "the"))
    k--;
  return k == s->tb;
}

/* Is a modal in sentence s that may call for the act m: any but one that
 * backs only the act named right after it (`backs`: "I endorse the
 * murder of ...", "deserve") and comes after m ("The bombing of the
 * mosque was abhorrent, Muslims deserve safety")? Each sentence's first
 * modal of each sort is looked for once. */
static bool calling_modal_around(const run *R, const sentence *s,
                                 const mention *m) {
  if (!any_kind(R, DC_KIND_MODAL))
    return false;
  sentence *ms = &R->rs->s[s - R->rs->s];
  if (ms->plain_modal == 0 || ms->first_modal == 0) {
    ms->plain_modal = ms->first_modal = UINT32_MAX;
    for (size_t i = R->rs->first[s->tb];
         i < R->rs->nm && R->rs->m[i].tb < s->te; i++) {
      const mention *md = &R->rs->m[i];
      if (md->kind != DC_KIND_MODAL)
        continue;
      if (ms->first_modal == UINT32_MAX)
        ms->first_modal = md->tb + 1;
      if (!(ent(R, md)->flags & DC_F_BACKS)) {
        ms->plain_modal = md->tb + 1;
        break;
      }
    }
  }
  return ms->plain_modal != UINT32_MAX ||
         (ms->first_modal != UINT32_MAX && ms->first_modal - 1 < m->te);
}

/* Threat m is a noun naming violence done ("The killing of Tutsis in
 * 1994", "Another mosque shooting"): a determiner opens its clause, then
 * perhaps a group word in the singular ("mosque", "Jewish"), then m, not
 * in the past, and a group word before it or "of" or
 * "against" and a group within three words after it; no modal before it
 * in its sentence and no '!' after ("The killing of Jews must begin",
 * "Another mosque shooting now!" call for it). The group goes in *out. */
static bool deed_noun(const run *R, const mention *m, target *out) {
  const dc_rules_scratch *rs = R->rs;
  uint32_t k = m->tb;
  if (k == 0)
    return false;
  /* The determiner right before, or a group word of one or two tokens
   * (asked of the token bits first: most threats have neither). */
  const mention *id = NULL;
  if (!glue_at(R, k - 1) && !tok_is_word(R, k - 1, "another")) {
    if (!kind_at(R, k - 1, DC_KIND_IDENTITY) &&
        !(k > 1 && kind_at(R, k - 2, DC_KIND_IDENTITY)))
      return false;
    id = identity_ending_at(R, k);
    if (!id || id->tb == 0)
      return false;
    k = id->tb;
  }
  k--;
  if (!(tok_is_word(R, k, "the") || a_or_an(R, k) ||
        tok_is_word(R, k, "another") ||
        (!id && (tok_is_word(R, k, "this") || tok_is_word(R, k, "that")))))
    return false;
  /* After a group word, a noun: not a plural subject and its verb
   * ("the whites kill", "the Jews killed"). */
  if (id && (plural_hit(R, id) || past_form(R, m)))
    return false;
  uint32_t clause = rs->toks[m->tb].clause;
  if (k > 0 && rs->toks[k - 1].clause == clause &&
      rs->toks[k - 1].type == TK_WORD)
    return false; /* not opening its clause: "let the killing begin" */
  const sentence *s = sent_of(R, m->tb);
  if (s->bang > m->te || calling_modal_around(R, s, m))
    return false;
  if (id) {
    *out = group_of(R, id);
    return true;
  }
  if (m->te >= rs->ntok ||
      !(tok_is_word(R, m->te, "of") || tok_is_word(R, m->te, "against")))
    return false;
  for (size_t i = targets_from(rs, m->te + 1);
       i < rs->nt && rs->t[i].tb <= m->te + 3; i++)
    if (rs->t[i].type == TG_GROUP && rs->toks[rs->t[i].tb].clause == clause) {
      *out = rs->t[i];
      return true;
    }
  return false;
}

/* The first code mention of the last nine tokens up to m's that contains
 * m and names a group, or NULL. Mentions are sorted by begin, so one
 * that contains m begins no earlier than m's end less the longest code
 * mention: a binary search skips the rest, and the scan stops past m's
 * begin. Without those bounds a long run of emoji with no space between
 * them (one token) made every mention scan all those before it: 64 KiB of
 * weapon emoji took 2.5G instructions. */
/* "Found an ok groomer near Leeds", "The Ok Groomer van": after an
 * article or a determiner "ok" rates a pet groomer; the taunt is said to
 * someone, with none. Such a mention names no group (code_around) and is
 * no code (rule_code). */
static bool ok_rated(const run *R, const mention *c) {
  static const char *const det[] = {"a",   "an",   "the",  "my",
                                    "our", "your", "just", "their"};
  const dc_entry *e = ent(R, c);
  return e->term_len == 10 && memcmp(e->term, "ok groomer", 10) == 0 &&
         c->tb > 0 &&
         word_among(R, c->tb - 1, c->tb, det, sizeof det / sizeof *det);
}

static const mention *code_around(run *R, const mention *m) {
  if (!any_kind(R, DC_KIND_CODE))
    return NULL;
  const mention *mv = R->rs->m;
  const size_t nm = R->rs->nm;
  if (!R->code_span) {
    uint32_t widest = 0;
    for (size_t i = 0; i < nm; i++)
      if (mv[i].kind == DC_KIND_CODE && mv[i].e - mv[i].b > widest)
        widest = mv[i].e - mv[i].b;
    R->code_span = widest + 1;
  }
  const uint32_t span = R->code_span - 1;
  const uint32_t from = m->e > span ? m->e - span : 0;
  size_t lo = R->rs->first[m->tb > 8 ? m->tb - 8 : 0], hi = nm;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (mv[mid].b < from)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t i = lo; i < nm && mv[i].tb <= m->tb && mv[i].b <= m->b; i++) {
    const mention *c = &mv[i];
    /* (not the same word read as a code for a person, the gorilla
     * emoji: rule_code judges that reading, and the animal word
     * names no group by it) */
    if (c->kind == DC_KIND_CODE && c->e >= m->e && ent(R, c)->categories &&
        !(c->b == m->b && c->e == m->e && (ent(R, c)->flags & DC_F_NOUN)) &&
        !ok_rated(R, c))
      return c;
  }
  return NULL;
}

/* An identity word at token k, or after "a", "an" or "the" there. */
static bool identity_from(const run *R, uint32_t k) {
  if (k < R->rs->ntok && (a_or_an(R, k) || tok_is_word(R, k, "the")))
    k++;
  return k < R->rs->ntok && kind_at(R, k, DC_KIND_IDENTITY);
}

/* Hostile language after the set-up m, in its sentence or the next, at
 * most 2 * TARGET_WINDOW tokens on (so that a sentence of many set-ups
 * stays linear): the answer that makes it a joke ("... a Jew and a
 * Muslim? Nothing, both are rats."). */
static bool joke_answered(const run *R, const mention *m) {
  const dc_rules_scratch *rs = R->rs;
  if (m->te >= rs->ntok)
    return false;
  uint32_t si = rs->toks[m->tb].sent;
  uint32_t end = rs->s[si + 1 < rs->ns ? si + 1 : si].te;
  if (end > m->te + 2 * TARGET_WINDOW)
    end = m->te + 2 * TARGET_WINDOW;
  for (size_t i = rs->first[m->te]; i < rs->nm && rs->m[i].tb < end; i++)
    if (hostile_word(R, &rs->m[i]))
      return true;
  return false;
}

/* A joke's set-up m goes on to compare two people named by their groups,
 * "(between) a Sunni and a Shia Muslim": an identity word opens what
 * follows it, and another opens what follows an "and" at most four words
 * on, in its sentence; and no hostile answer follows (joke_answered). */
static bool compares_groups(const run *R, const mention *m) {
  uint32_t k = m->te, end = sent_of(R, m->tb)->te;
  if (!identity_from(R, k))
    return false;
  for (uint32_t j = k + 1; j < end && j <= k + 5; j++)
    if (tok_is_word(R, j, "and"))
      return identity_from(R, j + 1) && !joke_answered(R, m);
  return false;
}

/* Is the threat m done to a bare "it": its object right after it ("burn
 * it down", "torch it"), or its subject a few words before, across a
 * negation, a modal, a linking verb or glue ("shame it didn't burn down",
 * "it should be burnt to the ground")? */
static bool at_bare_it(const run *R, const mention *m) {
  if (bare_it_at(R, m->te))
    return true;
  uint32_t sb = sent_of(R, m->tb)->tb;
  for (uint32_t k = m->tb, n = 0; k-- > sb && n < 4; n++) {
    if (bare_it_at(R, k))
      return true;
    if (R->rs->toks[k].type != TK_WORD ||
        !(R->rs->at[k] &
          (KIND_BIT(NEGATION) | KIND_BIT(MODAL) | KIND_BIT(COPULA))))
      return false;
  }
  return false;
}

/* How far after an attack word generalised_after looks. */
#define GENERAL_REACH 8

/* Does the writer go on from the attack word m to the whole group, within
 * GENERAL_REACH tokens of it in its sentence: "like them", "like the rest
 * of them", "like they all are", "they all are"? */
static bool generalised_after(const run *R, const mention *m) {
  const sentence *s = sent_of(R, m->tb);
  uint32_t end = s->te - m->te > GENERAL_REACH ? m->te + GENERAL_REACH : s->te;
  for (uint32_t k = m->te; k + 1 < end; k++) {
    if (tok_is_word(R, k, "they") && tok_is_word(R, k + 1, "all"))
      return true;
    if (tok_is_word(R, k, "like"))
      for (uint32_t j = k + 1; j < end && j <= k + 4; j++)
        if (tok_is_word(R, j, "them") || tok_is_word(R, j, "they"))
          return true;
  }
  return false;
}

/* "That midfielder is a beast", "the keeper was an animal": a word said
 * with "a" of one person or thing the sentence names before a singular
 * linking verb, not of the group a thread is about ("This is an
 * invasion", "it's a plague" still may be). */
static bool said_of_one(const run *R, const mention *m) {
  if (m->tb < 3 || !a_or_an(R, m->tb - 1))
    return false;
  if (!tok_is_word(R, m->tb - 2, "is") && !tok_is_word(R, m->tb - 2, "was"))
    return false;
  uint32_t k = m->tb - 3;
  return R->rs->toks[k].type == TK_WORD &&
         R->rs->toks[k].sent == R->rs->toks[m->tb].sent &&
         !tok_is_word(R, k, "this") && !tok_is_word(R, k, "that") &&
         !tok_is_word(R, k, "it") && !tok_is_word(R, k, "there") &&
         !tok_is_word(R, k, "here") && !tok_is_word(R, k, "what") &&
         !tok_is_word(R, k, "which") && !tok_is_word(R, k, "who") &&
         !kind_at(R, k, DC_KIND_PRONOUN_GROUP);
}

/* The most tokens own_lot reads after the phrase for a group. */
#define OWN_LOT_REACH 24

/* After "hate being" (token tb is the word after "being"): is what is
 * hated the writer's own lot, being named so or being one ("I hate being
 * called a fag", "i hate being a white girl")? A reporting verb, "a"/"an"
 * or an identity word must come next, and no group may be named after
 * that short phrase (at most three words, up to a comma or a word that
 * links it to something else) in the sentence: "I hate being a neighbor
 * to Jews", "I hate being an American surrounded by Muslims", "I hate
 * being called a Jew lover, Jews are vermin" hate the group. */
static bool own_lot(const run *R, uint32_t tb) {
  static const char *const links[] = {
      "to",   "by",     "of",   "in",      "with", "because", "among",
      "near", "and",    "or",   "who",     "that", "for",     "from",
      "like", "around", "than", "amongst", "but",  "next",    "beside"};
  const dc_rules_scratch *rs = R->rs;
  const mention *rep = mention_at(R, tb, DC_KIND_REPORT);
  if (!rep && !a_or_an(R, tb) && !kind_at(R, tb, DC_KIND_IDENTITY))
    return false;
  uint32_t k = rep ? rep->te : tb;
  if (k < rs->ntok && a_or_an(R, k))
    k++;
  for (uint32_t n = 0; k < rs->ntok && n < 3; k++, n++) {
    const tok *t = &rs->toks[k];
    if (t->type != TK_WORD || dc_word_in(R->n->text + t->b, t->e - t->b, links,
                                         sizeof links / sizeof *links))
      break;
  }
  /* Read at most OWN_LOT_REACH tokens on, so a long sentence of such
   * phrases stays linear. */
  uint32_t se = sent_of(R, tb)->te;
  if (k >= se)
    return true;
  if (se - k > OWN_LOT_REACH)
    se = k + OWN_LOT_REACH;
  for (size_t i = targets_from(rs, k); i < rs->nt && rs->t[i].tb < se; i++)
    if (rs->t[i].type == TG_GROUP)
      return false;
  return true;
}

/* How far after a participle of speech speech_attacks looks. */
#define SPEECH_REACH 12

/* Is the participle of speech at k what the speakers say of others, and
 * when it is "calling", does the name attack: an attack word or a slur
 * within SPEECH_REACH tokens of it in its sentence, other than the
 * writer's hate verb m ("people calling Jews rats"; not "people calling
 * Jews humans")? Not when the participle names the speakers themselves
 * ("people calling themselves Muslims", "saying they are ...", "claiming
 * to be ..."). */
static bool speech_attacks(const run *R, const mention *m, uint32_t k) {
  const sentence *s = sent_of(R, k);
  uint32_t end = s->te - k > SPEECH_REACH ? k + SPEECH_REACH : s->te;
  if (k + 1 >= end || tok_is_word(R, k + 1, "themselves") ||
      tok_is_word(R, k + 1, "himself") || tok_is_word(R, k + 1, "herself"))
    return false;
  if (k + 2 < end &&
      ((tok_is_word(R, k + 1, "they") &&
        mention_at(R, k + 2, DC_KIND_COPULA)) ||
       (tok_is_word(R, k + 1, "to") && tok_is_word(R, k + 2, "be"))))
    return false;
  /* "saying asians are not poc" reports a view of the group; "calling
   * Jews humans" only names them, hostile when the name is. */
  if (!tok_is_word(R, k, "calling"))
    return true;
  for (size_t i = R->rs->first[k + 1]; i < R->rs->nm && R->rs->m[i].tb < end;
       i++) {
    const mention *o = &R->rs->m[i];
    if (o != m && (hostile_word(R, o) || o->kind == DC_KIND_SLUR))
      return true;
  }
  return false;
}

/* "these animals", "those filthy invaders", "these vermin": the token of
 * "these" or "those" before an ambiguous dehumanizing word in the plural
 * (up to two words of contempt may come between), or UINT32_MAX. A mass
 * noun of people (flag `noun`, not `plural` nor `thing`: "vermin")
 * counts as it stands when it ends its noun phrase ("these vermin need
 * to be removed"; not "these savage attacks"). */
static uint32_t dd_demonstrative(const run *R, const mention *m) {
  const dc_entry *e = ent(R, m);
  if (m->kind != DC_KIND_DEHUMANIZE || !(e->flags & DC_F_AMBIGUOUS))
    return UINT32_MAX;
  if (!plural_word(R, m->b, m->e)) {
    uint32_t k = m->te;
    if ((e->flags & (DC_F_NOUN | DC_F_PLURAL | DC_F_THING)) != DC_F_NOUN ||
        m->e - m->b != e->term_len ||
        (k < R->rs->ntok && R->rs->toks[k].type == TK_WORD && !glue_at(R, k) &&
         !kind_at(R, k, DC_KIND_MODAL) && !kind_at(R, k, DC_KIND_COPULA)))
      return UINT32_MAX;
  }
  uint32_t d = m->tb;
  /* up to two words of contempt: "Gas these filthy disgusting animals";
   * or "foreign", which says whom the word means: "those foreign
   * invaders must go back" */
  for (int n = 0; n < 2 && d > 1 &&
                  (kind_at(R, d - 1, DC_KIND_DEROGATE) ||
                   kind_at(R, d - 1, DC_KIND_INSULT) ||
                   kind_at(R, d - 1, DC_KIND_PROFANITY) ||
                   tok_is_word(R, d - 1, "foreign"));
       n++)
    d--;
  if (d == 0 ||
      !(tok_is_word(R, d - 1, "these") || tok_is_word(R, d - 1, "those")))
    return UINT32_MAX;
  return d - 1;
}

/* The token past the end of token k's clause, at most 12 tokens on. */
static uint32_t clause_end(const run *R, uint32_t k) {
  const tok *tk = R->rs->toks;
  uint32_t c = tk[k].clause, e = k;
  while (e < R->rs->ntok && e < k + 12 && tk[e].clause == c)
    e++;
  return e;
}

/* Does the threat or call for exclusion v take the demonstrative phrase
 * [dem, x) as what it is done to? As its object, right after the verb
 * ("Gas these animals", "deport all those invaders", "get these animals
 * off our streets"), or as the subject of a call that excludes them or a
 * passive one ("those invaders must go back", "these vermin need to be
 * removed", "these animals should be gassed"; not "these rats will kill
 * us"): only a modal, a linking verb, a negation, an adverb, "all" or
 * "to" between. In one clause. */
static bool dd_taken(const run *R, const mention *v, uint32_t dem,
                     const mention *x) {
  const tok *tk = R->rs->toks;
  if (tk[dem].clause != tk[v->tb].clause)
    return false;
  if (dem >= v->te) {
    uint32_t k = v->te;
    if (k < dem && (tok_is_word(R, k, "all") || tok_is_word(R, k, "off") ||
                    tok_is_word(R, k, "out")))
      k++;
    return k == dem;
  }
  /* a threat entry that holds its own modal is a passive call too
   * ("Those parasites should be put in camps") */
  /* ... and a wished death ("I want these invaders dead") */
  if (x->te > v->tb || v->tb - x->te > 4 ||
      !(v->kind == DC_KIND_EXCLUSION || passive_of(R, v) ||
        kind_at(R, v->tb, DC_KIND_MODAL) ||
        (ent(R, v)->flags & (DC_F_WISHED | DC_F_FORMULA))))
    return false;
  for (uint32_t k = x->te; k < v->tb; k++)
    if (!kind_at(R, k, DC_KIND_MODAL) && !kind_at(R, k, DC_KIND_COPULA) &&
        !kind_at(R, k, DC_KIND_NEGATION) && !adverb_like(R, k) &&
        !tok_is_word(R, k, "all") && !tok_is_word(R, k, "to") &&
        !tok_is_word(R, k, "be") && !tok_is_word(R, k, "get"))
      return false;
  return true;
}

/* Is the demonstrative phrase of the dehumanizing word x taken by a
 * threat or call for exclusion in its clause (dd_taken), or by a verb
 * split around it (split_verb_around), called for (is_call)? The verbs
 * looked at start at most seven tokens before x and five after it. */
/* The verb dd_taken_any found: its kind, and its entry's flags (for a
 * verb split around the phrase, "send these animals back", the split
 * verb's entry). */
typedef struct {
  dc_kind kind;
  uint64_t flags;
} dd_verb;

/* The group a word that names its own ("invaders": migrants) stands for,
 * as a target from token tb to the word's end, for is_call to weigh. */
static target own_group(const run *R, const mention *x, uint32_t tb) {
  return (target){.tb = tb,
                  .te = x->te,
                  .entry = -1,
                  .type = TG_GROUP,
                  .categories = ent(R, x)->categories,
                  .gn_upto = NO_TARGET};
}
static bool dd_taken_any(const run *R, const mention *x, uint32_t dem,
                         dd_verb *how) {
  const dc_rules_scratch *rs = R->rs;
  uint32_t sv;
  /* the word's own group ("invaders": migrants) for is_call, which
   * reads "Ukraine will kick those invaders out" as news */
  const target tg = own_group(R, x, dem);
  size_t j = split_verb_around(R, x->tb, x->te, &sv);
  if (j) {
    /* "send these animals back", "keep those rats out", "string
     * these animals up" */
    mention sm = split_mention(R, sv, j);
    if (how)
      *how = (dd_verb){(dc_kind)sm.kind, ent(R, &sm)->flags};
    return is_call(R, &sm, &tg);
  }
  if (!any_kind(R, DC_KIND_THREAT) && !any_kind(R, DC_KIND_EXCLUSION))
    return false;
  uint32_t lo = dem > 4 ? dem - 4 : 0;
  for (size_t i = rs->first[lo]; i < rs->nm && rs->m[i].tb < x->te + 6; i++) {
    const mention *v = &rs->m[i];
    /* called for, not told ("my cat kills these rats every night") */
    if ((v->kind == DC_KIND_THREAT || v->kind == DC_KIND_EXCLUSION) &&
        (v->te <= dem || v->tb >= x->te) && dd_taken(R, v, dem, x) &&
        is_call(R, v, &tg)) {
      if (how)
        *how = (dd_verb){v->kind, ent(R, v)->flags};
      return true;
    }
  }
  return false;
}

/* How many tokens before "these rats" dd_resolve looks for "the rats". */
#define DD_PLAIN_REACH 40

/* A group resolved for the demonstrative at dem (resolve_pronoun), unless
 * it is the subject of the verb whose object the phrase is: one to three
 * words between, none a function word or a linking verb ("The Polish
 * builders found these cockroaches in the kitchen" are not the
 * cockroaches; "Islamic violence from those invaders" may be theirs). */
static bool dd_resolve(const run *R, uint32_t dem, const mention *x,
                       target *out, bool *from_ctx) {
  /* "Our Muslim neighbours complain about the rats. These rats must be
   * exterminated": the same word said plainly before, after a
   * determiner ("the rats", "our rats", "no rats"; not "Muslims are
   * rats"), named the animals "these" points back to, not the people.
   * (Not is_determiner: its quantifiers "these", "all" would take the
   * demonstrative's own phrase, or a claim, as plain.) */
  const dc_rules_scratch *rs = R->rs;
  uint32_t lo = dem > DD_PLAIN_REACH ? dem - DD_PLAIN_REACH : 0;
  for (size_t i = rs->first[lo]; i < rs->nm && rs->m[i].tb < dem; i++) {
    const mention *o = &rs->m[i];
    if (o->kind == DC_KIND_DEHUMANIZE && o->entry == x->entry && o->tb > 0 &&
        (tok_is_word(R, o->tb - 1, "the") || tok_is_word(R, o->tb - 1, "our") ||
         tok_is_word(R, o->tb - 1, "my") || tok_is_word(R, o->tb - 1, "some") ||
         tok_is_word(R, o->tb - 1, "no")))
      return false;
  }
  if (!resolve_pronoun(R, dem, out, from_ctx))
    return false;
  const tok *tk = R->rs->toks;
  if (*from_ctx || out->te > dem || dem - out->te > 3 || dem == out->te)
    return true;
  for (uint32_t k = out->te; k < dem; k++)
    if (tk[k].type != TK_WORD || glue_at(R, k) ||
        kind_at(R, k, DC_KIND_COPULA) || kind_at(R, k, DC_KIND_MODAL) ||
        kind_at(R, k, DC_KIND_PERSON) || kind_at(R, k, DC_KIND_IDENTITY))
      return true;
  return false;
}

/* demonstrative_dehum's look at the sentence si, once per sentence (a
 * chant asks it for every word): R->dd_people, R->dd_literal. */
static void dd_scan(run *R, uint32_t si) {
  const dc_rules_scratch *rs = R->rs;
  if (R->dd_sent == si + 1)
    return;
  const sentence *s = &rs->s[si];
  bool people = false, literal = false, expel = false;
  for (size_t i = rs->first[s->tb]; i < rs->nm; i++) {
    const mention *o = &rs->m[i];
    if (o->tb >= s->te)
      break;
    expel |=
        o->kind == DC_KIND_EXCLUSION && !(ent(R, o)->flags & DC_F_AMBIGUOUS);
    people |= o->kind == DC_KIND_MIGRATION || o->kind == DC_KIND_HATE_VERB;
    literal |= o->kind == DC_KIND_PLACE && (ent(R, o)->flags & DC_F_THING);
  }
  R->dd_sent = si + 1;
  R->dd_people = people || expel;
  R->dd_literal = literal;
  R->dd_expel = expel;
}

/* "Send the invaders back where they came from": a word that names its
 * own group (invaders for migrants) in a sentence that calls for an
 * exclusion only people can suffer (dd_scan), said as a call (is_call),
 * means the group; not a past-tense story ("Charles Martel sent the
 * invaders back where they came from"), nor under a year that dates a
 * war of the past ("In 1066 the invaders were sent back where they came
 * from": past_war). */
static bool own_word_expelled(run *R, const mention *m) {
  if (!any_kind(R, DC_KIND_EXCLUSION))
    return false;
  dd_scan(R, R->rs->toks[m->tb].sent);
  if (!R->dd_expel || past_war(R, m))
    return false;
  /* the exclusions within WAR_REACH tokens, asked as calls at m (an
   * imperative whose object is m: "Send the invaders back ...") */
  const dc_rules_scratch *rs = R->rs;
  uint32_t lo, hi;
  war_window(R, m, &lo, &hi);
  const target tg = own_group(R, m, m->tb);
  for (size_t i = rs->first[lo]; i < rs->nm && rs->m[i].tb < hi; i++) {
    const mention *o = &rs->m[i];
    if (o->kind == DC_KIND_EXCLUSION && !(ent(R, o)->flags & DC_F_AMBIGUOUS) &&
        is_call(R, o, &tg))
      return true;
  }
  return false;
}

/* "those invaders must go back": is the word for migrants m, pointed at
 * by the demonstrative at dem, taken by a call (dd_taken_any) that means
 * people: a call for exclusion, or a threat in a sentence that treats
 * them as people (dd_scan: a word of migration, an exclusion only people
 * suffer; or a conspiracy action and its object after it). A threat
 * alone ("Zerg rush: kill those invaders", "Kill these invaders in wave
 * 5") is a war or a game, as is a call to go back to a planet; a state
 * before a modal that foretells ("Ukraine will kick those invaders out
 * of Crimea") no call (is_call, asked with the word's group). */
static bool dd_invaders_taken(run *R, const mention *m, uint32_t dem) {
  dd_verb how = {0};
  if (!dd_taken_any(R, m, dem, &how))
    return false;
  dd_scan(R, R->rs->toks[m->tb].sent);
  if (R->dd_people)
    return true;
  /* what the trope says they do, after the word in its sentence: "Kill
   * those invaders, they are flooding our country" (an object other
   * than a dehumanizing word) */
  uint32_t lo, hi;
  war_window(R, m, &lo, &hi);
  bool action = false;
  for (size_t i = R->rs->first[m->te]; i < R->rs->nm && R->rs->m[i].tb < hi;
       i++) {
    const mention *o = &R->rs->m[i];
    action |= o->kind == DC_KIND_CONSP_ACTION;
    if (action && o->kind == DC_KIND_CONSP_OBJECT &&
        !kind_at(R, o->tb, DC_KIND_DEHUMANIZE))
      return true;
  }
  /* a place after the word in its clause that no one migrates from
   * (a `nonprotected` entry flagged `thing`: "Those invaders must go
   * back to Mars") is a story's */
  const dc_rules_scratch *rs = R->rs;
  uint32_t ce = clause_end(R, m->tb);
  for (size_t i = rs->first[m->te]; i < rs->nm && rs->m[i].tb < ce; i++)
    if (rs->m[i].kind == DC_KIND_NONPROTECTED &&
        (ent(R, &rs->m[i])->flags & DC_F_THING))
      return false;
  return how.kind == DC_KIND_EXCLUSION;
}

/* "These invaders should be shot", "Those invaders should be hanged", "I
 * want these invaders dead": a word for migrants pointed at by the
 * demonstrative at dem, as the subject of a severe threat v called for
 * by a modal or a wish (dd_taken, is_call), with no sign that migrants
 * are meant (dd_invaders_taken said no). A game or a war gives orders
 * ("Kill those invaders before they reach your base", "shoot these
 * invaders in wave 5": the word is the verb's object) and fights aliens
 * ("Those invaders from Mars should be shot": a `nonprotected` place
 * flagged `thing` after the word in its clause); a sentence that judges
 * what people called so deserve is about people. Sets *out to people of
 * unknown identity, whom the moderator is to name (a review, as "gas
 * these animals" is). */
static bool own_word_judged(run *R, const mention *x, uint32_t dem,
                            const mention *v, target *out) {
  const dc_rules_scratch *rs = R->rs;
  if (v->kind != DC_KIND_THREAT || !(ent(R, v)->flags & DC_F_SEVERE) ||
      v->tb < x->te)
    return false;
  uint32_t ce = clause_end(R, x->tb);
  for (size_t i = rs->first[x->te]; i < rs->nm && rs->m[i].tb < ce; i++)
    if (rs->m[i].kind == DC_KIND_NONPROTECTED &&
        (ent(R, &rs->m[i])->flags & DC_F_THING))
      return false;
  const target tg = own_group(R, x, dem);
  if (!is_call(R, v, &tg))
    return false;
  *out = (target){.tb = dem,
                  .te = x->te,
                  .entry = -1,
                  .type = TG_GROUP,
                  .gn_upto = NO_TARGET};
  return true;
}

/* Is the sentence of token k about real animals (dd_scan)? Not when it
 * treats them as people: a word of migration, an exclusion only people
 * suffer ("Deport these animals, they sleep in our garage"). */
static bool dd_literal(run *R, uint32_t k) {
  if (!any_kind(R, DC_KIND_PLACE))
    return false;
  dd_scan(R, R->rs->toks[k].sent);
  return R->dd_literal && !R->dd_people;
}

/* Is the word x, taken by a verb of flags vflags with no sign that
 * people are meant, an animal the verb may be done to ("These rats need
 * to be exterminated", "Those leeches must be removed": both the verb
 * and the word, a pest or livestock, flagged `animal`)? Not a word for
 * animals in general or for people ("Kill these animals", "these vermin
 * need to be removed"). */
static bool dd_animal_act(const run *R, const mention *x, uint64_t vflags) {
  return (vflags & DC_F_ANIMAL) && (ent(R, x)->flags & DC_F_ANIMAL);
}

/* "These animals should be deported", "I hate these parasites", "The
 * Jews own the banks. These parasites must go": an ambiguous dehumanizing
 * word x in the plural after "these" or "those" (dd_demonstrative: the
 * token dem) names people when the comment says who (the nearest group
 * or other people named before it, as for "they": dd_resolve) or its
 * sentence treats them as people: a word of migration, a call for
 * exclusion that is one only of people ("send them back", not "ban",
 * "keep out", "out of our"), or a hate verb; or a threat or call for
 * exclusion is aimed at the phrase itself ("Gas these animals", "these
 * vermin need to be removed"). With nobody named it is a group of
 * unknown identity, as "these people are animals" is
 * (demonstrative_people), and weighs less: who they are is the
 * moderator's to read ("I hate these parasites" may be fleas). A threat
 * or call elsewhere in the sentence, or "our", is no sign. Of the
 * datasets' rows that say "these/those" and such a word, 40 are labelled
 * hate and 5 not.
 *
 * Asked two ways. With v, the threat or call dd_taken says takes the
 * phrase, by rule_attack for v: a word that names its own group
 * ("invaders") is that group, unless the sentence is a war of the past
 * or a game ("in 1813 those invaders had to go back", "shoot those
 * invaders in Fortnite") or the threat alone does not say people
 * (dd_invaders_taken); the target spans the phrase. With v NULL, for
 * the word itself, when rule_attack found no other target: any verb
 * that takes the phrase (dd_taken_any) counts, and the target named is
 * the one dd_resolve found.
 *
 * Sets *out and returns the weight of the attack on it: 1 for a group
 * named, 0.8 for people of unknown identity in a sentence that treats
 * them as people ("deport these animals"), 0.6 for them taken by the
 * verb alone ("gas these animals": with the verb's own finding, a
 * review, not a reject). Returns 0 for no one: not people, or taken by
 * a verb also done to animals with no sign of people ("these rats need
 * to be exterminated", "those leeches must be removed": dd_animal_act),
 * whose words count for the model alone, as untargeted. */
static float demonstrative_dehum(run *R, const mention *x, uint32_t dem,
                                 const mention *v, target *out,
                                 bool *from_ctx) {
  bool own = ent(R, x)->categories != 0;
  if (v && own) {
    if (past_war(R, x) || game_in(R, sent_of(R, x->tb)))
      return 0.0f;
    if (!dd_invaders_taken(R, x, dem))
      return own_word_judged(R, x, dem, v, out) ? 0.6f : 0.0f;
    *out = group_of(R, x);
    out->tb = dem;
    out->te = x->te;
    return 1.0f;
  }
  /* real animals ("gas these rats in the basement"); an army of the
   * past ("the invaders of 1066") */
  if (dd_literal(R, x->tb) ||
      (!v && (ent(R, x)->categories & (1u << DECORUM_CATEGORY_IMMIGRATION)) &&
       past_war(R, x)))
    return 0.0f;
  if (dd_resolve(R, dem, x, out, from_ctx)) {
    if (v) {
      out->tb = dem;
      out->te = x->te;
    }
    return 1.0f;
  }
  dd_scan(R, R->rs->toks[x->tb].sent);
  uint64_t vflags;
  if (v) {
    vflags = ent(R, v)->flags;
  } else {
    dd_verb how = {0};
    if (!R->dd_people && !dd_taken_any(R, x, dem, &how))
      return 0.0f;
    /* a word for migrants taken by a threat alone is an army's or a
     * game's enemy ("kill those invaders before they reach your
     * base") */
    if (!R->dd_people && own && !dd_invaders_taken(R, x, dem))
      return 0.0f;
    vflags = how.flags;
  }
  if (!R->dd_people && dd_animal_act(R, x, vflags))
    return 0.0f;
  *out = (target){.tb = dem,
                  .te = x->te,
                  .entry = -1,
                  .type = TG_GROUP,
                  .gn_upto = NO_TARGET};
  return R->dd_people ? 0.8f : 0.6f;
}

/* Dehumanizing, derogating, threatening, excluding and stereotyping
 * language: find the target, then judge. */
/* Is the threat m, of verb entry e, the verb's agent noun: its term
 * plus "er", "ers" (or "r", "rs" after a final e), with a stereotype
 * mention over the same bytes? */
static bool agent_noun(const run *R, const mention *m, const dc_entry *e) {
  uint32_t l = m->e - m->b;
  if (l <= e->term_len || memcmp(R->n->text + m->b, e->term, e->term_len) != 0)
    return false;
  const char *x = R->n->text + m->b + e->term_len;
  uint32_t xl = l - e->term_len;
  bool final_e = e->term[e->term_len - 1] == 'e';
  bool agent = (xl == 2 && memcmp(x, "er", 2) == 0) ||
               (xl == 3 && memcmp(x, "ers", 3) == 0) ||
               (final_e && xl == 1 && x[0] == 'r') ||
               (final_e && xl == 2 && memcmp(x, "rs", 2) == 0);
  if (!agent)
    return false;
  const mention *st = mention_at(R, m->tb, DC_KIND_STEREOTYPE);
  return st && st->b == m->b && st->e == m->e;
}

/* Does a passive ("being blamed", "getting attacked") or a participle of
 * speech ("saying", "calling") start at token k, perhaps after an
 * adverb? */
static bool situation_after(const run *R, uint32_t k) {
  if (k < R->rs->ntok && adverb_like(R, k))
    k++;
  if (k >= R->rs->ntok || R->rs->toks[k].type != TK_WORD)
    return false;
  const tok *tk = &R->rs->toks[k];
  if (tok_is_word(R, k, "being") || tok_is_word(R, k, "getting") ||
      tok_is_word(R, k, "gettin")) {
    /* a participle after it: "being blamed", "getting hurt"; not
     * "being here", "being so loud" */
    static const char *const irregular[] = {"hurt", "shot", "told",
                                            "beat", "left", "kept"};
    uint32_t p = k + 1;
    if (p < R->rs->ntok && adverb_like(R, p))
      p++;
    if (p >= R->rs->ntok || R->rs->toks[p].type != TK_WORD)
      return false;
    const tok *pt = &R->rs->toks[p];
    const char *w = R->n->text + pt->b;
    size_t l = pt->e - pt->b;
    return (l > 3 && (memcmp(w + l - 2, "ed", 2) == 0 ||
                      memcmp(w + l - 2, "en", 2) == 0)) ||
           dc_word_in(w, l, irregular, sizeof irregular / sizeof irregular[0]);
  }
  return kind_at(R, k, DC_KIND_REPORT) && tk->e - tk->b > 4 &&
         memcmp(R->n->text + tk->e - 3, "ing", 3) == 0;
}

/* Does token k pick out one member of a group: "any", "every", "each",
 * "next", "another" (member_det, member_gets)? */
static bool picks_one(const run *R, uint32_t k) {
  return tok_is_word(R, k, "any") || tok_is_word(R, k, "another") ||
         tok_is_word(R, k, "every") || tok_is_word(R, k, "each") ||
         tok_is_word(R, k, "next");
}

/* Does a word before token k (in sentence s) pick out one member of the
 * group named at k, whoever it is: "a", "an", "any", "another", "every",
 * "each", "one more", "(the) next", "a single" ("If I see one more
 * Pakistani at the bus stop ...", "the next Muslim that ...")? */
static bool member_det(const run *R, const sentence *s, uint32_t k) {
  uint32_t d = k - 1;
  if (a_or_an(R, d) || picks_one(R, d))
    return true;
  return d > s->tb &&
         ((tok_is_word(R, d, "more") && tok_is_word(R, d - 1, "one")) ||
          (tok_is_word(R, d, "single") && a_or_an(R, d - 1)));
}

/* Does the threat m open with a form of "leave" ("leaving in a body
 * bag", "leaves in an ambulance"): a veiled threat with a verb of its
 * own, whose subject the member is (member_antecedent, member_gets)? */
static bool leave_verb(const run *R, const mention *m) {
  const tok *t = &R->rs->toks[m->tb];
  return t->e - t->b >= 4 && memcmp(R->n->text + t->b, "leav", 4) == 0;
}

/* Is the veiled threat phrase m used for what its words say? The phrases
 * that veil a threat in everyday words are everyday words first:
 *   - the oven ready "for you and your family" in a comment about food
 *     or a feast ("Sunday roast at ours!", "Diwali baking starts at 5");
 *   - a river, sea or channel with "room for" the writer's own ("all of
 *     us") or for people named by a role after their group ("more women
 *     gamers", "more Muslim rowers"): members welcomed, not drowned;
 *   - "throw acid" before a style of music ("Acid Jazz nights");
 *   - a building to bulldoze "to build" something else or "for flats"
 *     (a plan told, with no one inside).
 * The lexicon says which entry has which everyday sense (its sense flag:
 * feast, welcome, music; the bulldozing is a place that is also a game's
 * win), so only those are looked at. */
static bool veil_literal(const run *R, const mention *m, const dc_entry *e) {
  const dc_rules_scratch *rs = R->rs;
  const sentence *s = sent_of(R, m->tb);
  /* the veiled oven ("the oven's preheated for you and your family")
   * beside food in its sentence; not the plain calls ("to the ovens",
   * "fire up the ovens"), which no pizza later in the comment excuses
   * ("Jews to the ovens. Baking cookies later lol": review of session
   * 22) */
  unsigned sense = DC_SENSE_OF(e->flags);
  if (sense == DC_SENSE_FEAST) {
    static const char *const food[] = {
        "roast",  "baking",  "bake",    "baked",  "pizza",
        "cookie", "cookies", "cake",    "bread",  "dough",
        "dinner", "lunch",   "supper",  "feast",  "thanksgiving",
        "turkey", "lasagne", "lasagna", "kiln",   "pottery",
        "brunch", "pie",     "pies",    "recipe", "biscuits"};
    return word_among(R, s->tb, s->te, food, sizeof food / sizeof *food);
  }
  if (sense == DC_SENSE_WELCOME) {
    uint32_t k = m->te;
    if (k < s->te && (tok_is_word(R, k, "all") || tok_is_word(R, k, "more")))
      k++;
    if (k < s->te && tok_is_word(R, k, "of"))
      k++;
    if (k < s->te && (tok_is_word(R, k, "us") || tok_is_word(R, k, "me")))
      return true;
    for (uint32_t j = m->te; j < s->te && j < m->te + 4; j++) {
      const mention *g = mention_at(R, j, DC_KIND_IDENTITY);
      if (!g)
        continue;
      uint32_t r = g->te;
      if (r >= s->te || rs->toks[r].type != TK_WORD)
        return false;
      const tok *t = &rs->toks[r];
      return t->e - t->b > 3 && R->n->text[t->e - 1] == 's' &&
             !kind_at(R, r, DC_KIND_IDENTITY) && !kind_at(R, r, DC_KIND_SLUR) &&
             !kind_at(R, r, DC_KIND_GLUE);
    }
    return false;
  }
  if (sense == DC_SENSE_MUSIC)
    return m->te < s->te &&
           (tok_is_word(R, m->te, "jazz") || tok_is_word(R, m->te, "house") ||
            tok_is_word(R, m->te, "techno") || tok_is_word(R, m->te, "rave"));
  if ((e->flags & (DC_F_PLACE | DC_F_GAME)) == (DC_F_PLACE | DC_F_GAME)) {
    /* people inside anywhere after it, before or after the purpose
     * ("Bulldoze every Roma camp to build flats with them inside") */
    for (uint32_t k = m->te; k < s->te; k++)
      if (tok_is_word(R, k, "inside") ||
          (k + 1 < s->te && tok_is_word(R, k, "with") &&
           tok_is_word(R, k + 1, "them")))
        return false;
    for (uint32_t k = m->te; k + 1 < s->te; k++) {
      if ((tok_is_word(R, k, "to") && tok_is_word(R, k + 1, "build")) ||
          (tok_is_word(R, k, "to") && tok_is_word(R, k + 1, "make")) ||
          (tok_is_word(R, k, "for") &&
           (tok_is_word(R, k + 1, "flats") || tok_is_word(R, k + 1, "luxury") ||
            tok_is_word(R, k + 1, "housing") ||
            tok_is_word(R, k + 1, "offices"))))
        return true;
    }
  }
  return false;
}

/* Is the threat m a veiled one that names no victim: an entry flagged
 * `anaphor` (its object is told before it) that is no severe deed and
 * holds no pronoun of its own ("there will be blood", "I'm grabbing the
 * bat"; not "finish the job", "they'll get one")? Its victim is only a
 * member met in the writer's own case put before it (member_antecedent):
 * elsewhere it threatens no one ("there will be blood on the pitch
 * tonight", the film), whatever group the sentence names. */
static bool veiled_threat(const run *R, const mention *m) {
  const dc_entry *e = ent(R, m);
  return m->kind == DC_KIND_THREAT && (e->flags & DC_F_ANAPHOR) &&
         !(e->flags & (DC_F_WISHED | DC_F_SEVERE)) &&
         !kind_at(R, m->tb, DC_KIND_PRONOUN_GROUP);
}

/* Does the clause of the veiled threat m go on after it, saying what the
 * weapon or the blood is for ("I'm grabbing my bat for a proper match",
 * "I get my bat and join in", "getting my gun cleaned first", "there
 * will be bloodshed on the scoreboard")? The threat leaves its deed
 * unsaid and ends its clause ("..., I'm grabbing my bat.", "I'm getting
 * my bat out, they're vermin"); a threat or harm said after it is no
 * purpose that clears it. */
static bool veiled_goes_on(const run *R, const mention *m) {
  const dc_rules_scratch *rs = R->rs;
  const sentence *s = sent_of(R, m->tb);
  uint32_t k = m->te;
  while (k < s->te && (tok_is_word(R, k, "out") || tok_is_word(R, k, "again") ||
                       tok_is_word(R, k, "lol") || tok_is_word(R, k, "then")))
    k++;
  if (k >= s->te || rs->toks[k].type != TK_WORD)
    return false;
  return !has_kind_in(R, k, s->te, DC_KIND_THREAT) &&
         !has_kind_in(R, k, s->te, DC_KIND_HARM);
}

/* "Luos will be chased out of Rift Valley with pangas", "drive the
 * Somalis out with machetes": an expulsion (a term with "out", or an
 * expelling verb first) done "with" weapons, within ten words after it
 * in its sentence, is violence promised, not a policy: a threat. Not a
 * deed told ("were chased out ... with pangas in 2008", "had been driven
 * out"). */
static bool armed_expulsion(const run *R, const mention *m) {
  static const char *const expel[] = {"chase", "chased", "drive",  "driven",
                                      "run",   "kick",   "kicked", "throw",
                                      "expel", "deport"};
  /* (one weapon as well as many: "with a knife", "with an axe") */
  static const char *const weapons[] = {
      "panga",    "pangas", "machete", "machetes", "gun",     "guns",
      "rifle",    "rifles", "knife",   "knives",   "bat",     "bats",
      "club",     "clubs",  "axe",     "axes",     "torches", "pitchforks",
      "sjamboks", "spear",  "spears",  "arrows",   "bullets"};
  static const char *const told[] = {"was", "were", "had", "got"};
  /* Others foretold to do it, or a fear or a warning of it, is no call:
   * "If these politicians win, militias will chase the Luo out with
   * pangas again", "HRW fears militias will drive the Tutsi out with
   * machetes", "politicians warn, gangs will chase ... out". Not where
   * they are told to ("militias should chase them out"), nor "we
   * will", the passive ("Luos will be chased out") or a command. */
  static const char *const others[] = {
      "militia",    "militias", "mob",        "mobs",      "gang",
      "gangs",      "thugs",    "rebels",     "soldiers",  "troops",
      "vigilantes", "youths",   "extremists", "attackers", "raiders"};
  static const char *const fear[] = {
      "fear",    "fears",    "feared",    "fearing", "warn",    "warns",
      "warned",  "warning",  "worry",     "worries", "worried", "afraid",
      "predict", "predicts", "predicted", "dread"};
  static const char *const told_to[] = {"should", "must",  "need",
                                        "needs",  "shall", "gotta"};
  const dc_entry *e = ent(R, m);
  size_t fl = 0;
  while (fl < e->term_len && e->term[fl] != ' ')
    fl++;
  bool out = dc_word_in(e->term, fl, expel, sizeof expel / sizeof *expel);
  for (size_t i = 0; i + 3 <= e->term_len && !out; i++)
    out = memcmp(e->term + i, "out", 3) == 0 &&
          (i == 0 || e->term[i - 1] == ' ') &&
          (i + 3 == e->term_len || e->term[i + 3] == ' ');
  if (!out)
    return false;
  const sentence *s = sent_of(R, m->tb);
  if (word_among(R, m->tb > s->tb + 2 ? m->tb - 2 : s->tb, m->tb, told,
                 sizeof told / sizeof *told))
    return false;
  if (word_among(R, s->tb, m->tb, fear, sizeof fear / sizeof *fear))
    return false;
  /* (the writer's own side is no third party: "our youths will ...") */
  uint32_t near = m->tb > s->tb + 4 ? m->tb - 4 : s->tb;
  for (uint32_t k = near; k < m->tb; k++)
    if (word_among(R, k, k + 1, others, sizeof others / sizeof *others) &&
        !(k > s->tb &&
          (tok_is_word(R, k - 1, "our") || tok_is_word(R, k - 1, "my"))) &&
        !word_among(R, k, m->tb, told_to, sizeof told_to / sizeof *told_to))
      return false;
  for (uint32_t k = m->te; k + 1 < s->te && k < m->te + 10; k++)
    if (tok_is_word(R, k, "with") &&
        word_among(R, k + 1, k + 3 < s->te ? k + 3 : s->te, weapons,
                   sizeof weapons / sizeof *weapons))
      return true;
  return false;
}

/* "whoever the gay guy in this video is I hope someone finds him and
 * beats him to death": the writer wishes (wish_head) or calls for
 * ("someone should") a threat at "him" or "her" right after the verb,
 * and the one person the comment named before it is picked out by an
 * identity: "the"/"that"/"this", an identity adjective and a singular
 * person noun ("that trans woman", "this Muslim kid"), with no other
 * person word between (not "My gay friend was jumped by a thug. I hope
 * someone beats him to death"). *out is the person's group. */
static bool one_named_before(const run *R, const mention *m, target *out) {
  static const char *const one[] = {"guy", "man",   "woman", "girl",
                                    "boy", "lady",  "dude",  "bloke",
                                    "kid", "chick", "fella", "person"};
  static const char *const det[] = {"the", "that", "this"};
  const dc_rules_scratch *rs = R->rs;
  if (m->te >= rs->ntok ||
      !(tok_is_word(R, m->te, "him") || tok_is_word(R, m->te, "her")))
    return false;
  const sentence *s = sent_of(R, m->tb);
  if (s->question || R->denounce_any)
    return false;
  bool wish = false;
  uint32_t w = s->tb;
  for (; w < m->tb && !wish; w++)
    wish = wish_head(R, w) || (tok_is_word(R, w, "should") && w > s->tb &&
                               (tok_is_word(R, w - 1, "someone") ||
                                tok_is_word(R, w - 1, "somebody")));
  if (!wish)
    return false;
  /* (the verb inside a clause of "whoever"/"who" after the wish tells
   * the deed done to the victim, whom the writer sides with: "I hope
   * the police find whoever beat him", "I hope someone arrests whoever
   * hurt her") */
  for (; w < m->tb; w++)
    if (tok_is_word(R, w, "whoever") || tok_is_word(R, w, "who") ||
        tok_is_word(R, w, "whomever"))
      return false;
  /* A verb that is also play (flag `game`: "beat") wishes harm only
   * with a violent outcome after the pronoun ("beats him to death",
   * "beat her up", "senseless", "bloody") or a severe threat in the
   * sentence; else it is a win: "I hope someone beats her at worlds",
   * "someone should beat him in the final challenge". */
  if ((ent(R, m)->flags & DC_F_GAME) && !(ent(R, m)->flags & DC_F_SEVERE)) {
    static const char *const hurt[] = {
        "death", "up",   "senseless", "bloody", "unconscious", "pulp",
        "blue",  "dead", "half",      "inch",   "hospital",    "coma"};
    uint32_t j = m->te + 1;
    bool violent = word_among(R, j, j + 4 < s->te ? j + 4 : s->te, hurt,
                              sizeof hurt / sizeof *hurt);
    for (size_t i = R->rs->first[s->tb];
         i < R->rs->nm && R->rs->m[i].tb < s->te && !violent; i++)
      violent = R->rs->m[i].kind == DC_KIND_THREAT &&
                (ent(R, &R->rs->m[i])->flags & DC_F_SEVERE);
    if (!violent)
      return false;
  }
  const target *p = NULL;
  /* (a place or a thing may come between: "the gay guy in this video") */
  for (size_t i = 0; i < rs->nt && rs->t[i].te <= m->tb; i++)
    if (rs->t[i].type == TG_GROUP)
      p = &rs->t[i];
  if (!p || !p->categories || p->te < p->tb + 2 || p->tb == 0 ||
      !word_among(R, p->te - 1, p->te, one, sizeof one / sizeof *one) ||
      !word_among(R, p->tb - 1, p->tb, det, sizeof det / sizeof *det))
    return false;
  for (uint32_t k = p->te; k < m->tb; k++)
    if (kind_at(R, k, DC_KIND_PERSON) || kind_at(R, k, DC_KIND_IDENTITY))
      return false;
  *out = *p;
  return true;
}

/* The member of a group that a threat's pronoun object ("him", "her",
 * "them", "em", "its", right after the verb or inside the phrase) refers
 * back to: one named earlier in the sentence by "a"/"an"/"any" (or
 * another word that picks out one: member_det) and an identity
 * noun or a slur, after "if", "when" or "whenever" ("If I see a Muslim
 * near my house I will beat him", "when a tranny walks in ..."). Not a
 * person noun ("If I see a man hitting a woman I will beat him") nor an
 * adjective that qualifies one. The last such member before the threat
 * is the antecedent; *out is its group. */
static bool member_antecedent(const run *R, const mention *m, target *out) {
  const dc_rules_scratch *rs = R->rs;
  bool pron = false;
  for (uint32_t k = m->tb; k <= m->te && k < rs->ntok && !pron; k++)
    pron = tok_is_word(R, k, "him") || tok_is_word(R, k, "her") ||
           tok_is_word(R, k, "them") || tok_is_word(R, k, "em") ||
           tok_is_word(R, k, "its") ||
           /* inside the phrase, the member's body: "I'd break his
            * legs", "smash their faces in" */
           (k > m->tb && k + 1 < m->te &&
            (tok_is_word(R, k, "his") || tok_is_word(R, k, "their")));
  /* "If a trans person uses the ladies', they're leaving in an
   * ambulance": a veiled threat with its own verb has the member as its
   * subject pronoun (they/he/she, then 're/'s/'ll/is/are/will and
   * "be"), and its person noun is the member, not a bystander */
  bool leaves = leave_verb(R, m);
  /* "If I see that Pakistani family on our road again there will be
   * blood", "if I catch two gay blokes kissing I'm grabbing the bat": a
   * veiled threat that names no victim (flag `anaphor`, no pronoun
   * opening it) is aimed at whoever the writer's own case met */
  bool veiled = !pron && veiled_threat(R, m);
  if (veiled && veiled_goes_on(R, m))
    return false;
  pron |= veiled;
  if (!pron && leaves) {
    uint32_t k = m->tb;
    for (int n = 0;
         n < 5 && k > 0 &&
         (tok_is_word(R, k - 1, "be") || tok_is_word(R, k - 1, "is") ||
          tok_is_word(R, k - 1, "are") || tok_is_word(R, k - 1, "will") ||
          tok_is_word(R, k - 1, "re") || tok_is_word(R, k - 1, "s") ||
          tok_is_word(R, k - 1, "ll") || rs->toks[k - 1].ch == '\'');
         n++)
      k--;
    static const char *const subj[] = {"they",    "he",    "she",
                                       "they're", "he's",  "she's",
                                       "they'll", "he'll", "she'll"};
    pron = k > 0 && word_among(R, k - 1, k, subj, sizeof subj / sizeof subj[0]);
  }
  if (!pron)
    return false;
  const sentence *s = sent_of(R, m->tb);
  /* "its" of a person says the member is a thing to the writer: "If a
   * black woman walks in I'll break its neck" means no one person */
  bool its = false;
  for (uint32_t k = m->tb; k <= m->te && k < rs->ntok && !its; k++)
    its = tok_is_word(R, k, "its");
  const mention *last = NULL;
  bool cond = false, self = false;
  for (uint32_t k = s->tb; k < m->tb; k++)
    if (!cond && (tok_is_word(R, k, "if") || tok_is_word(R, k, "when") ||
                  tok_is_word(R, k, "whenever") ||
                  /* "Next time a tranny walks into ..." */
                  (tok_is_word(R, k, "next") && k + 1 < m->tb &&
                   tok_is_word(R, k + 1, "time")) ||
                  (veiled && tok_is_word(R, k, "once"))))
      cond = true;
    else if (cond && veiled && !last && kind_at(R, k, DC_KIND_PRONOUN_SELF))
      self = true;
    else if (veiled && cond && !self && !last && k > s->tb &&
             (member_det(R, s, k) ||
              /* "If those gays come to my church again", "When the
               * gays show up at our school": the group the case
               * opens with, its subject */
              ((tok_is_word(R, k - 1, "that") ||
                tok_is_word(R, k - 1, "those") ||
                tok_is_word(R, k - 1, "these") ||
                tok_is_word(R, k - 1, "the")) &&
               k > s->tb + 1 &&
               (tok_is_word(R, k - 2, "if") || tok_is_word(R, k - 2, "when") ||
                tok_is_word(R, k - 2, "once"))))) {
      /* "If a Muslim walks into my shop I'm bringing a bat", "next
       * time a tranny walks into my daughter's changing room ...":
       * one member, the subject of the case, who comes into what is
       * the writer's ("my", "our", "me", "us" between it and the
       * threat: not the writer's "I'm" before it, "If a Muslim
       * wins I'm bringing a bat" says nothing of violence) */
      const mention *c = mention_at(R, k, DC_KIND_IDENTITY);
      if (!c)
        c = mention_at(R, k, DC_KIND_SLUR);
      /* (or who move in next door, come back, show up) */
      bool into_mine = false;
      for (uint32_t j = c ? c->te : m->tb; j < m->tb && !into_mine; j++)
        into_mine =
            tok_is_word(R, j, "my") || tok_is_word(R, j, "our") ||
            tok_is_word(R, j, "me") || tok_is_word(R, j, "us") ||
            tok_is_word(R, j, "here") ||
            (j > 0 && tok_is_word(R, j, "door") &&
             tok_is_word(R, j - 1, "next")) ||
            (j > 0 && tok_is_word(R, j, "in") &&
             (tok_is_word(R, j - 1, "move") || tok_is_word(R, j - 1, "moves")));
      const target *g = NULL;
      for (size_t i = R->rs->nt > FEW_TARGETS ? targets_from(rs, k) : 0;
           i < rs->nt && rs->t[i].tb <= k && !g; i++)
        if (rs->t[i].tb == k && rs->t[i].type == TG_GROUP &&
            rs->t[i].te <= m->tb &&
            /* (not a nation alone: "When the English fans come
             * to our town there will be blood" is football) */
            (rs->t[i].categories & ~NATION_CATEGORIES))
          g = &rs->t[i];
      /* "that Pakistani family": an identity adjective before a
       * role noun names one household of the group */
      target one;
      if (!g && c && c->kind == DC_KIND_IDENTITY &&
          !(ent(R, c)->flags & DC_F_AMBIGUOUS) &&
          (ent(R, c)->categories & ~NATION_CATEGORIES) &&
          kind_at(R, c->te, DC_KIND_PERSON)) {
        one = group_of(R, c);
        g = &one;
      }
      if (into_mine && g && !has_kind_in(R, s->tb, m->tb, DC_KIND_HARM) &&
          !has_kind_in(R, s->tb, m->tb, DC_KIND_THREAT) &&
          !situation_after(R, g->te)) {
        *out = *g;
        return true;
      }
    } else if (veiled && self && !last) {
      /* the veiled threat: any group the writer's case meets
       * ("that Pakistani family", "two gay blokes"), not in a case
       * that tells a wrong done ("catch those lads beating up a gay
       * kid", "see a Muslim being harassed") */
      const target *g = NULL;
      for (size_t i = R->rs->nt > FEW_TARGETS ? targets_from(rs, k) : 0;
           i < rs->nt && rs->t[i].tb <= k && !g; i++)
        if (rs->t[i].tb == k && rs->t[i].type == TG_GROUP &&
            rs->t[i].te <= m->tb)
          g = &rs->t[i];
      if (g && !has_kind_in(R, s->tb, m->tb, DC_KIND_HARM) &&
          !has_kind_in(R, s->tb, m->tb, DC_KIND_THREAT) &&
          !situation_after(R, g->te)) {
        *out = *g;
        return true;
      }
    } else if (cond && k > s->tb && !veiled &&
               (member_det(R, s, k) ||
                /* "If my son came out as gay I'd break his legs": a
                 * person who comes out is a member from then on */
                (k > s->tb + 1 && tok_is_word(R, k - 1, "as") &&
                 tok_is_word(R, k - 2, "out")))) {
      const mention *c = mention_at(R, k, DC_KIND_IDENTITY);
      if (c && ((ent(R, c)->flags & DC_F_AMBIGUOUS) ||
                (!its && !leaves &&
                 (kind_at(R, c->te, DC_KIND_PERSON) ||
                  (c->te < rs->ntok && kind_at(R, c->te, DC_KIND_IDENTITY))))))
        c = NULL; /* "a white guy", "a black woman": the person */
      if (!c)
        c = mention_at(R, k, DC_KIND_SLUR);
      /* "a Muslim being harassed", "a Muslim gets attacked": the
       * member suffers, and the threat is at whoever does it */
      if (c && ent(R, c)->categories && !situation_after(R, c->te) &&
          !((tok_is_word(R, c->te, "gets") || tok_is_word(R, c->te, "got") ||
             tok_is_word(R, c->te, "is") || tok_is_word(R, c->te, "was")) &&
            situation_after(R, c->te) == false && c->te + 1 < rs->ntok &&
            R->rs->toks[c->te + 1].e - R->rs->toks[c->te + 1].b > 3 &&
            memcmp(R->n->text + R->rs->toks[c->te + 1].e - 2, "ed", 2) == 0))
        last = c;
    }
  if (!last)
    return false;
  /* "If my son came out as gay and someone bullied him I'd break their
   * legs": someone else named after the member is whom the pronoun
   * means */
  for (uint32_t k = last->te; k < m->tb; k++)
    if (tok_is_word(R, k, "someone") || tok_is_word(R, k, "somebody") ||
        tok_is_word(R, k, "anyone") || tok_is_word(R, k, "anybody") ||
        tok_is_word(R, k, "they") || tok_is_word(R, k, "people"))
      return false;
  *out = group_of(R, last);
  return true;
}

/* A verb of coming (or "in") at token k, before "here": "comes here",
 * "moves here", "walks in here". */
static bool coming_here(const run *R, uint32_t k) {
  static const char *const words[] = {"come",  "comes", "coming", "move",
                                      "moves", "walk",  "walks",  "in"};
  const tok *t = &R->rs->toks[k];
  return t->type == TK_WORD && dc_word_in(R->n->text + t->b, t->e - t->b, words,
                                          sizeof words / sizeof words[0]);
}

/* The last group named in the sentence before m's, whose harm an entry
 * flagged `anaphor` ("finish the job") takes up, when the writer regrets
 * that a bare "it" (the disease, the fire, the attack) did not finish it:
 * "Shame it didn't finish the job". NULL if none, if that sentence is a
 * question, or if people did the job ("The builders renovated the Jewish
 * school. Shame they didn't finish the job"). */
static const target *anaphor_group(const run *R, const mention *m,
                                   target *buf) {
  const dc_rules_scratch *rs = R->rs;
  const sentence *s = sent_of(R, m->tb);
  /* "Gujarat 2002 showed how to deal with them. Time for a repeat.": a
   * call to repeat (a word of it in the phrase: "a repeat", "do it
   * again") takes up the event told before it, in its sentence or the
   * one before (an `event` threat entry that names its group: the
   * pogrom, the Holocaust), and aims at that group; not denied ("let's
   * never do it again") */
  static const char *const again[] = {"repeat", "again", "redo"};
  if (word_among(R, m->tb, m->te, again, sizeof again / sizeof *again)) {
    if (has_kind_in(R, s->tb, m->tb, DC_KIND_NEGATION) || s->question)
      return NULL;
    /* (told of someone else, a warning: "He'd do it again", "they
     * would do it again") */
    static const char *const told_of[] = {
        "would",  "will",  "could",  "might",   "may", "he'd", "she'd",
        "they'd", "he'll", "she'll", "they'll", "he",  "she",  "they"};
    if (m->tb > s->tb && word_among(R, m->tb - 1, m->tb, told_of,
                                    sizeof told_of / sizeof *told_of))
      return NULL;
    /* "We need a repeat of the Kindertransport generosity", "... of
     * that turnout": "a repeat of" names what is repeated, and only
     * the event itself after it is the pogrom's repeat */
    uint32_t of = m->tb;
    while (of < m->te && !tok_is_word(R, of, "repeat"))
      of++;
    /* ("a repeat of it", "of that.": the event before, as bare) */
    bool back =
        of + 2 < s->te &&
        (tok_is_word(R, of + 2, "it") ||
         ((tok_is_word(R, of + 2, "that") || tok_is_word(R, of + 2, "this")) &&
          (of + 3 >= s->te || rs->toks[of + 3].type != TK_WORD)));
    if (of < m->te && of + 2 < s->te && !back && tok_is_word(R, of + 1, "of")) {
      uint32_t j = of + 2;
      if (j + 1 < s->te &&
          (tok_is_word(R, j, "the") || tok_is_word(R, j, "another")))
        j++;
      const mention *ev = mention_at(R, j, DC_KIND_THREAT);
      if (!ev || !(ent(R, ev)->flags & DC_F_EVENT) || !ent(R, ev)->categories)
        return NULL;
      *buf = group_of(R, ev);
      return buf;
    }
    /* (the event named only to qualify a remembrance or its people:
     * "the Gujarat riots survivors' cricket match", "the Kristallnacht
     * memorial walk", "the 1984 riots exhibition": that is what is
     * done again) */
    static const char *const told[] = {
        "survivors", "survivor",    "victims",       "victim",
        "memorial",  "remembrance", "vigil",         "exhibition",
        "exhibit",   "lecture",     "talk",          "documentary",
        "film",      "assembly",    "march",         "walk",
        "museum",    "anniversary", "commemoration", "inquiry",
        "podcast",   "concert",     "service",       "event",
        "class",     "lesson",      "book",          "play"};
    uint32_t from = s->tb > 0 ? sent_of(R, s->tb - 1)->tb : s->tb;
    for (uint32_t k = from; k < m->tb; k++) {
      const mention *ev = mention_at(R, k, DC_KIND_THREAT);
      if (ev && (ent(R, ev)->flags & DC_F_EVENT) && ent(R, ev)->categories) {
        if (ev->te < rs->ntok &&
            word_among(R, ev->te, ev->te + 1, told, sizeof told / sizeof *told))
          return NULL;
        *buf = group_of(R, ev);
        return buf;
      }
    }
    return NULL;
  }
  if (s->tb == 0)
    return NULL;
  /* (the regret: "shame"/"pity" before "it" and a negation) */
  bool it = false;
  for (uint32_t k = s->tb + 1; k < m->tb && !it; k++)
    it = tok_is_word(R, k - 1, "it") && mention_at(R, k, DC_KIND_NEGATION) &&
         regret_before(R, k);
  if (!it)
    return NULL;
  const sentence *p = sent_of(R, s->tb - 1);
  if (p->question)
    return NULL;
  /* the job is a harm: told by a threat or harm word, or done by a
   * disease or disaster ("AIDS was God's way of cleaning up the gays";
   * not "The builders started on the mosque roof") */
  static const char *const scourge[] = {
      "aids",  "hiv",     "covid",   "smallpox", "plague",   "virus",
      "ebola", "disease", "famine",  "fire",     "flood",    "earthquake",
      "bomb",  "tsunami", "cholera", "measles",  "pandemic", "epidemic"};
  bool harm = false;
  for (uint32_t k = p->tb; k < s->tb && !harm; k++)
    harm =
        kind_at(R, k, DC_KIND_THREAT) || kind_at(R, k, DC_KIND_HARM) ||
        (rs->toks[k].type == TK_WORD &&
         dc_word_in(R->n->text + rs->toks[k].b, rs->toks[k].e - rs->toks[k].b,
                    scourge, sizeof scourge / sizeof scourge[0]));
  if (!harm)
    return NULL;
  const target *g = NULL;
  for (size_t i = targets_from(rs, p->tb); i < rs->nt && rs->t[i].tb < s->tb;
       i++)
    if (rs->t[i].type == TG_GROUP && rs->t[i].tb >= p->tb)
      g = &rs->t[i];
  /* "Covid ripped through the refugee camps": the group's places, named
   * by an identity adjective before a place noun, stand for it */
  for (uint32_t k = p->tb; !g && k < s->tb; k++) {
    const mention *c = mention_at(R, k, DC_KIND_IDENTITY);
    if (c && (ent(R, c)->flags & DC_F_ADJ) && ent(R, c)->categories &&
        c->te < s->tb && kind_at(R, c->te, DC_KIND_PLACE)) {
      *buf = group_of(R, c);
      g = buf;
    }
  }
  return g;
}

/* "Any immigrant that comes near my farm gets a bullet", "Every Muslim I
 * see gets stabbed", "Next gay couple that holds hands in front of me is
 * getting their heads kicked in": a sentence that opens with one member
 * picked out ("any", "every", "next", "one more", "any of the": as
 * member_det) and a clause of the writer's own (a first-person word or
 * "here" in it: "I see", "near my farm", "comes here"), then a threat the
 * member "gets" or "is getting", lays down what the writer will do to
 * whichever member comes: a threat at the group, said as the writer's
 * will. Not the writer's acquaintances ("every gay man I know gets beaten
 * up" tells what they suffer), not "got" (news: "Police said any migrant
 * who resisted got shot"), nor with the doer named ("gets shot by the
 * police"). *out is the member's group. */
static bool member_gets(const run *R, const mention *m, target *out) {
  const dc_rules_scratch *rs = R->rs;
  const sentence *s = sent_of(R, m->tb);
  uint32_t g = m->tb;
  if (g > s->tb + 1 &&
      (a_or_an(R, g - 1) || tok_is_word(R, g - 1, "the") ||
       tok_is_word(R, g - 1, "their") || tok_is_word(R, g - 1, "his") ||
       tok_is_word(R, g - 1, "her") || tok_is_word(R, g - 1, "its")))
    g--;
  if (g < s->tb + 3)
    return false;
  g--;
  /* "Any Muslim who comes here is leaving in a body bag": the veiled
   * threat holds its own verb, which "is" or "will" puts as the
   * writer's rule for whoever comes; in the present it needs neither
   * ("Any gay who comes to this pub leaves in a body bag") */
  bool leaves = leave_verb(R, m);
  if (leaves && tok_is_word(R, m->tb, "leaves"))
    g = m->tb;
  else if (!tok_is_word(R, g, "gets") && !tok_is_word(R, g, "get") &&
           !tok_is_word(R, g, "getting") &&
           !(leaves && (tok_is_word(R, g, "is") || tok_is_word(R, g, "will") ||
                        tok_is_word(R, g, "be"))))
    return false;
  uint32_t b = m->te;
  if (b < s->te && (tok_is_word(R, b, "at") || tok_is_word(R, b, "up") ||
                    tok_is_word(R, b, "down") || tok_is_word(R, b, "over")))
    b++; /* "gets shot at by", "gets beaten up by" */
  if (b < s->te && tok_is_word(R, b, "by"))
    return false;
  uint32_t k = s->tb;
  if (tok_is_word(R, k, "the"))
    k++;
  if (tok_is_word(R, k, "one") && tok_is_word(R, k + 1, "more"))
    k += 2;
  else if (picks_one(R, k))
    k++;
  else
    return false;
  if (tok_is_word(R, k, "of") &&
      (tok_is_word(R, k + 1, "the") || tok_is_word(R, k + 1, "these") ||
       tok_is_word(R, k + 1, "those")))
    k += 2;
  if (k >= g)
    return false;
  const mention *c = mention_at(R, k, DC_KIND_IDENTITY);
  if (!c)
    c = mention_at(R, k, DC_KIND_SLUR);
  /* "Any bloke who walks in while my daughter's in there is leaving in
   * an ambulance": a person noun picks out whoever comes, of no group;
   * the rule is a threat at people all the same (*out: a pronoun) */
  const mention *who = c ? NULL : mention_at(R, k, DC_KIND_PERSON);
  if (who)
    c = who;
  else if (!c || !ent(R, c)->categories)
    return false;
  if (c->te >= g)
    return false;
  bool mine = false;
  for (uint32_t j = c->te; j < g; j++) {
    if (rs->toks[j].type != TK_WORD)
      return false;
    if (tok_is_word(R, j, "know") || tok_is_word(R, j, "knew") ||
        tok_is_word(R, j, "met") || tok_is_word(R, j, "meet") ||
        kind_at(R, j, DC_KIND_NEGATION))
      return false;
    /* "here" after a verb of coming is the writer's place ("comes
     * here", "walks in here"); not "comes out here", "runs from the
     * police here", which tell what happens in a place */
    mine |= kind_at(R, j, DC_KIND_PRONOUN_SELF) ||
            (tok_is_word(R, j, "here") && coming_here(R, j - 1)) ||
            /* "Any gay who comes to this pub": the place the writer
             * points at, for a member named by the group's word */
            (!who && j > c->te && tok_is_word(R, j, "this") &&
             (tok_is_word(R, j - 1, "to") || tok_is_word(R, j - 1, "into")));
  }
  if (!mine)
    return false;
  if (who) {
    *out = (target){c->tb, c->te, 0, -1, TG_PRONOUN, 0, 0, 0, 0, 0, NO_TARGET};
    return true;
  }
  *out = group_of(R, c);
  return true;
}

static bool said_of_all(const run *R, const target *t, const mention *m);
static bool believed_of(const run *R, const target *t, const mention *m);
static bool viewed_as(const run *R, uint32_t a, uint32_t b);
static bool part_of_group(const run *R, const target *t);
static bool trait_of(const run *R, const target *t, const mention *m);
static bool rights_denied(const run *R, const mention *m, const target *t);
static bool essentialized(const run *R, const mention *m);
static bool concluded_from(const run *R, const mention *m);
static bool libel_names(const run *R, const target *t, const dc_entry *e);
static bool medical_question(const run *R, const mention *m);
static bool code_in_context(const run *R, const mention *m);
static decorum_status rule_whistle_pair(run *R);

/* "Korea put landmines along the border in the 1950s", "Poland will mine
 * the border with Russia": a named subject before the measure's verb
 * ("put", "plant", "mine", "line" the border) (a name,
 * capitalized, or a word the lexicon calls no protected group), perhaps
 * with "will", "would" or "already" between, tells what a state did or
 * plans; the writer's call has no subject ("Mine the border") or the
 * writer's own ("We should put landmines along the border"). */
static bool state_doer(const run *R, const mention *m) {
  static const char *const aux[] = {"will", "would", "already", "'ll",
                                    "also", "plans", "to"};
  static const char *const soft[] = {"please", "pls", "just", "lets", "let's",
                                     "go",     "so",  "and",  "then", "yes",
                                     "simply", "i",   "we",   "you",  "u"};
  static const char *const verb[] = {"put", "plant", "mine", "line"};
  const sentence *s = sent_of(R, m->tb);
  uint32_t h = m->tb;
  if (!word_among(R, h, h + 1, verb, sizeof verb / sizeof verb[0]))
    return false;
  for (int n = 0; n < 3 && h > s->tb &&
                  word_among(R, h - 1, h, aux, sizeof aux / sizeof aux[0]);
       n++)
    h--;
  if (h <= s->tb || R->rs->toks[h - 1].type != TK_WORD)
    return false;
  h--;
  /* (an article is no name, capital or not: "A plant landmines ...") */
  if (word_among(R, h, h + 1, soft, sizeof soft / sizeof soft[0]) ||
      a_or_an(R, h))
    return false;
  /* (a name in title case: in a text in capitals throughout the case
   * says nothing, "SECOND HOLOCAUST MINE THE BORDER") */
  return title_case(R, h) || kind_at(R, h, DC_KIND_NONPROTECTED);
}

/* The subject of the verb m is a doer named by a noun phrase of its own
 * ("the developers want to", "the council", "bulldozers will"), no
 * pronoun of the writer or the reader and no group, and nothing after it
 * in the sentence puts people inside ("with them inside"). */
static bool doer_named(const run *R, const mention *m) {
  static const char *const aux[] = {
      "want",    "wants",   "wanted", "to",    "will",    "would", "should",
      "could",   "must",    "plan",   "plans", "planned", "going", "gonna",
      "finally", "just",    "can",    "may",   "might",   "is",    "are",
      "has",     "have",    "had",    "voted", "decided", "hope",  "hopes",
      "intend",  "intends", "need",   "needs", "set",     "about", "already",
      "now",     "soon",    "and"};
  const dc_rules_scratch *rs = R->rs;
  const sentence *s = sent_of(R, m->tb);
  for (uint32_t k = m->te; k < s->te; k++)
    if (tok_is_word(R, k, "inside") || tok_is_word(R, k, "them") ||
        tok_is_word(R, k, "people") || tok_is_word(R, k, "alive"))
      return false;
  uint32_t k = m->tb;
  for (int n = 0; n < 6 && k > s->tb &&
                  word_among(R, k - 1, k, aux, sizeof aux / sizeof aux[0]);
       n++)
    k--;
  if (k <= s->tb || rs->toks[k - 1].type != TK_WORD)
    return false;
  uint32_t h = k - 1; /* the subject's head */
  if (kind_at(R, h, DC_KIND_PRONOUN_SELF) ||
      kind_at(R, h, DC_KIND_PRONOUN_YOU) ||
      kind_at(R, h, DC_KIND_PRONOUN_GROUP) || kind_at(R, h, DC_KIND_IDENTITY) ||
      kind_at(R, h, DC_KIND_SLUR) || kind_at(R, h, DC_KIND_DEHUMANIZE) ||
      tok_is_word(R, h, "someone") || tok_is_word(R, h, "somebody") ||
      tok_is_word(R, h, "everyone") || tok_is_word(R, h, "people") ||
      tok_is_word(R, h, "they") || tok_is_word(R, h, "it"))
    return false;
  return kind_at(R, h, DC_KIND_NONPROTECTED) ||
         (h > s->tb &&
          (is_determiner(R, h - 1) || tok_is_word(R, h - 1, "local") ||
           tok_is_word(R, h - 1, "city")));
}

/* A word of fighting among the WISH_REACH words before m in its
 * sentence ("want a fight", "asking for a war", "looking for trouble"),
 * which an answer flagged `anaphor` ("they'll get one") takes up. */
static bool fight_before(const run *R, const mention *m) {
  static const char *const fight[] = {"fight",   "war",    "scrap",  "ruck",
                                      "trouble", "battle", "riot",   "beef",
                                      "kicking", "hiding", "rumble", "brawl"};
  /* A fight that is a struggle against, over or for something, or a
   * match or a lawsuit ("want a fight against homophobia", "a fight over
   * the campus ban", "a fight on the pitch"), is no violence. */
  static const char *const cause[] = {"against", "over", "for",
                                      "about",   "on",   "to"};
  /* Nor is the one promised from someone else, in court, with support,
   * or at the polls ("they'll get one from the All Blacks", "in court",
   * "with our support"). */
  static const char *const how[] = {"from", "with", "in", "at", "on"};
  const dc_rules_scratch *rs = R->rs;
  const sentence *s = sent_of(R, m->tb);
  uint32_t nx = m->te;
  while (nx < s->te && rs->toks[nx].type != TK_WORD)
    nx++;
  if (nx < s->te && word_among(R, nx, nx + 1, how, sizeof how / sizeof how[0]))
    return false;
  /* "Immigrants want trouble? They'll get it": a question right before
   * an answer that opens its sentence is where the fight was told */
  uint32_t from = s->tb;
  if (m->tb <= s->tb + 1 && s->tb > 0 && sent_of(R, s->tb - 1)->question)
    from = sent_of(R, s->tb - 1)->tb;
  for (uint32_t k = m->tb, n = 0; k-- > from && n < WISH_REACH + 4; n++)
    if (word_among(R, k, k + 1, fight, sizeof fight / sizeof fight[0])) {
      uint32_t a = k + 1;
      return !(a < m->tb &&
               word_among(R, a, a + 1, cause, sizeof cause / sizeof cause[0]));
    }
  return false;
}

/* Is m the writer's refusal to hire, employ, rent or sell to a group
 * (an exclusion entry "i/we ... hire") that the comment shows is no
 * discrimination? Asked back ("I never hire Germans? I literally employ
 * five."); followed by whom the writer does hire, no group ("I don't hire
 * men or women, I hire qualified people"; not "..., I hire real
 * Americans"); "only" after the group ("We don't hire Christians only");
 * a legal reason (a permit, a visa, sponsorship: "We don't hire
 * Americans for this role because it requires an EU work permit"), or
 * the words of a sign told of ("We don't rent to Jews - that was the
 * sign my grandfather saw"). Runs for the refusal entries alone. */
static bool refusal_explained(const run *R, const mention *m) {
  /* the refusal's own verb ends its entry; the verbs of whom the
   * writer does hire come in any form */
  static const char *const refuse[] = {"hire",    "employ", "rent",
                                       "sell",    "hiring", "employing",
                                       "renting", "selling"};
  static const char *const verbs[] = {
      "hire",      "employ",  "rent",    "sell",  "hiring",
      "employing", "renting", "selling", "hired", "employed"};
  static const char *const why[] = {
      "permit",      "permits", "visa",  "visas",   "sponsor", "sponsorship",
      "opportunity", "sign",    "signs", "licence", "license", "table"};
  const dc_entry *e = ent(R, m);
  const dc_rules_scratch *rs = R->rs;
  if (e->severity < 3 || m->te <= m->tb ||
      !(tok_is_word(R, m->tb, "i") || tok_is_word(R, m->tb, "we")))
    return false;
  uint32_t last = m->te - 1;
  if (tok_is_word(R, last, "to") && last > m->tb)
    last--;
  if (!word_among(R, last, last + 1, refuse, sizeof refuse / sizeof *refuse))
    return false;
  if (sent_of(R, m->tb)->question)
    return true;
  if (word_among(R, m->te, rs->ntok, why, sizeof why / sizeof *why))
    return true;
  for (uint32_t k = m->te; k < rs->ntok && k < m->te + 6; k++) {
    if (in_target(R, k, TG_GROUP)) {
      uint32_t j = k;
      while (j < rs->ntok && in_target(R, j, TG_GROUP))
        j++;
      if (tok_is_word(R, j, "only"))
        return true;
      break;
    }
  }
  for (uint32_t k = m->te; k < rs->ntok; k++) {
    if (!word_among(R, k, k + 1, verbs, sizeof verbs / sizeof *verbs) ||
        kind_at(R, k - 1, DC_KIND_NEGATION) ||
        (k >= 2 && kind_at(R, k - 2, DC_KIND_NEGATION)))
      continue;
    bool group = false;
    for (uint32_t j = k + 1;
         j < rs->ntok && j < k + 5 && rs->toks[j].clause == rs->toks[k].clause;
         j++)
      group |= kind_at(R, j, DC_KIND_IDENTITY);
    if (!group)
      return true;
  }
  return false;
}

/* Does "they can't" and a verb of what work asks follow token from, in
 * its sentence or the next, within 30 tokens ("..., they cant handle 3am
 * pages", "they can't code")? The reason a call not to hire gives when
 * it judges the whole group unfit (rights_denied). Not "they cant get a
 * bus home that late". */
static bool unfit_said(const run *R, uint32_t from) {
  static const char *const cannot[] = {"can't", "cant", "cannot", "couldn't",
                                       "couldnt"};
  static const char *const able[] = {
      "handle",     "cope",  "do",      "code",  "lead",    "manage",
      "lift",       "think", "focus",   "keep",  "perform", "deal",
      "understand", "hack",  "program", "drive", "learn"};
  const dc_rules_scratch *rs = R->rs;
  if (from >= rs->ntok)
    return false;
  uint32_t end = sent_of(R, from)->te;
  if (end < rs->ntok)
    end = sent_of(R, end)->te;
  for (uint32_t k = from; k + 1 < end && k < from + 30; k++)
    if (tok_is_word(R, k, "they") &&
        word_among(R, k + 1, k + 2, cannot, sizeof cannot / sizeof *cannot) &&
        word_among(R, k + 2, k + 3, able, sizeof able / sizeof *able))
      return true;
  return false;
}

/* Does the hiring entry m ("should stop hiring", "shouldn't hire") argue
 * about how a group is hired, not whether? 1 when a purpose or a pay
 * follows in its sentence: "should stop hiring women only to push them
 * out after maternity leave", "shouldn't hire disabled people just for
 * the tax credit", "should never hire women for lower pay than men",
 * "... for less than men" (the call is for them: no exclusion at all);
 * 2 when a condition does ("shouldn't be hiring deaf people for phone
 * support without captioning tools": a reason that follows, "they can't
 * do the job", is the missing tools', not the group's, so no reject
 * from it); 0 otherwise. Runs for hiring entries alone. */
static int hiring_how(const run *R, const mention *m) {
  static const char *const merely[] = {"only", "just", "simply", "merely",
                                       "purely"};
  static const char *const aim[] = {"to", "for", "because", "so"};
  static const char *const less[] = {"lower",   "less",    "cheaper",
                                     "unequal", "reduced", "half"};
  static const char *const pay[] = {"pay",      "wage", "wages", "salary",
                                    "salaries", "than", "money", "rates"};
  const dc_entry *e = ent(R, m);
  bool hire = false;
  for (size_t i = 0; i + 3 <= e->term_len && !hire; i++)
    hire = memcmp(e->term + i, "hir", 3) == 0 ||
           (i + 6 <= e->term_len && memcmp(e->term + i, "employ", 6) == 0);
  if (!hire)
    return 0;
  const sentence *s = sent_of(R, m->tb);
  /* (quotas and diversity are the smear's own purpose, not how the
   * group is treated: "stop hiring women just for diversity points,
   * they can't do the job") */
  static const char *const quota[] = {"diversity", "quota", "quotas",
                                      "dei",       "token", "tokens",
                                      "optics",    "boxes", "box"};
  if (word_among(R, m->te, s->te, quota, sizeof quota / sizeof *quota))
    return 0;
  int how = 0;
  for (uint32_t k = m->te; k + 1 < s->te && k < m->te + 14; k++) {
    if ((word_among(R, k, k + 1, merely, sizeof merely / sizeof *merely) &&
         word_among(R, k + 1, k + 2, aim, sizeof aim / sizeof *aim)) ||
        (word_among(R, k, k + 1, less, sizeof less / sizeof *less) &&
         word_among(R, k + 1, k + 2, pay, sizeof pay / sizeof *pay)))
      return 1;
    if (tok_is_word(R, k, "without"))
      how = 2;
  }
  return how;
}

/* "The mosque on Church Street has until Friday.", "Muslims in this
 * town have until Christmas.": an ultimatum (a threat entry ending in
 * "until" or "till") given to a group that opens the sentence (within
 * its first three tokens), with the deadline and nothing after it: at
 * most three words, none that says what the time is for ("... has until
 * Friday to file its objection", "... have until sunset for iftar").
 * *out is the group. Not a question. */
static bool term_ends(const dc_entry *e, const char *w, bool start);

static bool ultimatum(const run *R, const mention *m, target *out) {
  static const char *const purpose[] = {
      "to", "for", "because", "so", "and", "when", "before", "or", "but"};
  const dc_rules_scratch *rs = R->rs;
  const sentence *s = sent_of(R, m->tb);
  if (s->question)
    return false;
  uint32_t words = 0;
  for (uint32_t k = m->te; k < s->te; k++) {
    if (rs->toks[k].type != TK_WORD)
      continue;
    if (++words > 3 ||
        word_among(R, k, k + 1, purpose, sizeof purpose / sizeof *purpose))
      return false;
  }
  if (words == 0)
    return false;
  /* (a fast, a feast or a match runs until its time: "Muslims have
   * until sunset", "The French have until the final whistle") */
  static const char *const season[] = {
      "sunset",  "sundown",  "iftar",   "suhoor", "easter",  "lent",
      "eid",     "sabbath",  "shabbat", "diwali", "ramadan", "passover",
      "whistle", "kickoff",  "minute",  "lunch",  "tea",     "stumps",
      "innings", "fulltime", "halftime"};
  if (word_among(R, m->te, s->te, season, sizeof season / sizeof *season))
    return false;
  for (size_t i = targets_from(rs, s->tb); i < rs->nt && rs->t[i].tb < m->tb;
       i++)
    if (rs->t[i].type == TG_GROUP &&
        (rs->t[i].categories & ~NATION_CATEGORIES) && rs->t[i].tb < s->tb + 3 &&
        rs->t[i].te <= m->tb) {
      /* A deadline is a threat only where it is put to a place
       * pinned down ("The mosque on Church Street", "Muslims in
       * this town") or where the comment menaces ("We know where
       * the imam lives."): "Muslims have until Friday", "The
       * synagogue has until March" are calendars. */
      uint32_t k = rs->t[i].te;
      bool pinned =
          k + 1 < m->tb &&
          (tok_is_word(R, k, "on") || tok_is_word(R, k, "at") ||
           (tok_is_word(R, k, "in") &&
            (tok_is_word(R, k + 1, "this") || tok_is_word(R, k + 1, "our") ||
             tok_is_word(R, k + 1, "my"))));
      bool menace = false;
      for (uint32_t j = 0; j + 2 < rs->ntok && !menace; j++)
        menace = tok_is_word(R, j, "know") && tok_is_word(R, j + 1, "where");
      /* (another threat, not this one nor its "has till" twin) */
      for (size_t j = 0; j < rs->nm && !menace; j++)
        menace = rs->m[j].kind == DC_KIND_THREAT &&
                 (rs->m[j].te <= m->tb || rs->m[j].tb >= m->te) &&
                 !term_ends(ent(R, &rs->m[j]), "until", false) &&
                 !term_ends(ent(R, &rs->m[j]), " till", false);
      if (!pinned && !menace)
        return false;
      *out = rs->t[i];
      return true;
    }
  return false;
}

/* Does the threat entry's term end with (or, `start`, begin with) the
 * words w? Cheap: the false alarms below are asked only of the entries
 * that name them. */
static bool term_ends(const dc_entry *e, const char *w, bool start) {
  size_t n = strlen(w);
  if (e->term_len < n)
    return false;
  return memcmp(e->term + (start ? 0 : e->term_len - n), w, n) == 0;
}

/* Session 22 review: the round-8 threat phrases are said of ordinary
 * things far more often than as threats. Is mention m (a threat) one of
 * them said harmlessly? Each test runs only for the entries it names.
 * - the writer arming ("bringing a bat") with a sport or a hobby in the
 *   comment ("our cricket club ... we need the practice", "my shotgun
 *   for the clay pigeon shooting");
 * - an "accident" that is a noun's first half ("an accident-free Eid",
 *   "an accident report"), or a worry given its reason after it ("...
 *   during the renovation; the contractor's safety record is poor");
 * - "leave (it) in a box/coffin" but for the one who comes in, a member
 *   picked out by "any", "every" or "each" and a "who" after it ("any
 *   Dalit who walks into our temple will leave it in a box");
 * - left in the desert with no people named to be left (no group, no
 *   deporting before it: "Leave them in the desert where you found
 *   them", of lizards), or told ("would" before it, the past habitual;
 *   "alleges", "says", "report");
 * - the doxxing call asked ("Someone dox him? Doxxing is a crime") or
 *   followed by anything but a menace ("... I owe her money from the
 *   bake sale", "... for the baby shower").
 * Each entry's sense flag (mishap, coffin, desert, dox) says which. */
static bool harmless_threat(const run *R, const mention *m, const dc_entry *e) {
  const dc_rules_scratch *rs = R->rs;
  const sentence *s = sent_of(R, m->tb);
  if (e->flags & DC_F_ANAPHOR) {
    /* (not "game", "match", "hunt": "bringing a bat, game over for
     * him") */
    static const char *const hobby[] = {
        "cricket",  "baseball", "softball", "rounders", "practice",
        "practise", "training", "clay",     "pigeon",   "pigeons",
        "skeet",    "hunting",  "innings",  "nets"};
    return word_among(R, 0, rs->ntok, hobby, sizeof hobby / sizeof *hobby);
  }
  unsigned sense = DC_SENSE_OF(e->flags);
  if (sense == DC_SENSE_MISHAP) {
    if (m->te < s->te && rs->toks[m->te].type == TK_PUNCT &&
        rs->toks[m->te].ch == '-')
      return true;
    if (m->te < s->te &&
        (tok_is_word(R, m->te, "report") || tok_is_word(R, m->te, "free") ||
         tok_is_word(R, m->te, "reports")))
      return true;
    /* (not "as": "..., as soon as possible" is when, not why) */
    static const char *const reason[] = {"because", "since", "given"};
    /* (not a reason that blames: "..., because they deserve it",
     * "..., since he is gay": a reason that names a group is one) */
    static const char *const blame[] = {"deserve", "deserves", "coming",
                                        "asked", "earned"};
    if (word_among(R, m->te, rs->ntok, blame, sizeof blame / sizeof *blame) ||
        has_kind_in(R, m->te, rs->ntok, DC_KIND_IDENTITY) ||
        has_kind_in(R, m->te, rs->ntok, DC_KIND_SLUR))
      return false;
    for (uint32_t k = m->te; k < rs->ntok; k++) {
      if (!((rs->toks[k].type == TK_PUNCT && rs->toks[k].ch == ';') ||
            (k + 1 < rs->ntok && rs->toks[k].type == TK_PUNCT &&
             rs->toks[k].ch == ',' &&
             word_among(R, k + 1, k + 2, reason,
                        sizeof reason / sizeof *reason))))
        continue;
      /* a clause, not a word ("; lol"): three words after it */
      uint32_t words = 0;
      for (uint32_t j = k + 1; j < rs->ntok && words < 3; j++)
        words += rs->toks[j].type == TK_WORD;
      return words >= 3;
    }
    return false;
  }
  if (sense == DC_SENSE_COFFIN) {
    bool any = false, who = false;
    for (uint32_t k = s->tb; k < m->tb; k++)
      if (tok_is_word(R, k, "any") || tok_is_word(R, k, "every") ||
          tok_is_word(R, k, "each"))
        any = true;
      else if (any && (tok_is_word(R, k, "who") || tok_is_word(R, k, "that")))
        who = true;
    return !who;
  }
  if (sense == DC_SENSE_DESERT) {
    static const char *const told[] = {
        "would",  "alleges", "alleged", "says",      "said",
        "report", "claims",  "lawsuit", "according", "reportedly"};
    static const char *const deport[] = {
        "deport",       "deporting", "deported", "deportation",
        "deportations", "illegals",  "illegal"};
    if (word_among(R, s->tb, s->te, told, sizeof told / sizeof *told))
      return true;
    bool group = false;
    for (size_t i = 0; i < rs->nt && !group; i++)
      group = rs->t[i].type == TG_GROUP && rs->t[i].categories &&
              rs->t[i].tb < m->tb;
    return !group &&
           !word_among(R, 0, m->tb, deport, sizeof deport / sizeof *deport);
  }
  if (sense == DC_SENSE_DOX) {
    static const char *const menace[] = {
        "lesson",  "visit",  "pay",   "regret", "deserves",
        "deserve", "punish", "sorry", "learn",  "hurt",
        "handle",  "deal",   "show",  "teach",  "taught"};
    if (s->question)
      return true;
    bool after = false;
    for (uint32_t k = m->te; k < rs->ntok && !after; k++)
      after = rs->toks[k].type == TK_WORD;
    return after &&
           !word_among(R, m->te, rs->ntok, menace,
                       sizeof menace / sizeof *menace) &&
           !has_kind_in(R, m->te, rs->ntok, DC_KIND_THREAT) &&
           !has_kind_in(R, m->te, rs->ntok, DC_KIND_HARM);
  }
  return false;
}

/* Is the threat m said in a video game: its sentence names one (an
 * `object` entry flagged `game`: "kill him on hard mode in Elden Ring"),
 * or the comment speaks the jargon of raids and bosses, two distinct
 * words that are said of nothing else ("phase", "enrages", "aggro",
 * "respawn", "dps"), or a raid that wipes? Asked only for a threat at a
 * person noun. Everyday words ("wow", "level", "noob", "tank", "loot",
 * "raid" alone) are not enough: "Wow, I hope someone kills that judge.
 * Total noob." is a threat; nor is a word of the threat itself ("wipe
 * them out" after a police raid). */
static bool game_talk(run *R, const mention *m) {
  static const char *const jargon[] = {
      "phase",    "enrage", "enrages",  "dps",       "aggro",    "respawn",
      "respawns", "healer", "healers",  "dungeon",   "npc",      "npcs",
      "pvp",      "pve",    "cooldown", "cooldowns", "speedrun", "gank"};
  static const char *const wipe[] = {"wipe", "wipes", "wiped"};
  if (game_in(R, sent_of(R, m->tb)))
    return true;
  /* (the comment is scanned once: game_said 2 when two jargon words,
   * 3 when a raid and one wipe, 4 when a raid and several wipes; 1
   * no) */
  if (!R->game_said) {
    R->game_said = 1;
    const tok *first = NULL;
    uint32_t wipes = 0;
    bool raid = false;
    for (uint32_t j = 0; j < R->rs->ntok && R->game_said != 2; j++) {
      const tok *t = &R->rs->toks[j];
      if (tok_is_word(R, j, "raid")) {
        raid = true;
      } else if (word_among(R, j, j + 1, wipe, 3)) {
        if (!wipes++)
          R->game_wipe = j;
      } else if (!word_among(R, j, j + 1, jargon,
                             sizeof jargon / sizeof *jargon)) {
        continue;
      } else if (!first) {
        first = t;
      } else if (t->e - t->b != first->e - first->b ||
                 memcmp(R->n->text + t->b, R->n->text + first->b,
                        t->e - t->b) != 0) {
        R->game_said = 2;
      }
    }
    if (R->game_said != 2 && raid && wipes)
      R->game_said = wipes > 1 ? 4 : 3;
  }
  return R->game_said == 2 || R->game_said == 4 ||
         (R->game_said == 3 && (R->game_wipe < m->tb || R->game_wipe >= m->te));
}

/* Is threat verb m the deed of "whoever" that the writer wants found or
 * punished: "I hope they find whoever beat her", "catch whoever attacked
 * him", "whoever hurt him goes to jail"? Its object is the victim the
 * writer sides with. A verb of seeking (find, catch, arrest, ...) before
 * "whoever", or a word of punishment after the verb; not a reward
 * promised ("whoever beats him up gets a beer" is a call). */
static bool attacker_sought(const run *R, const mention *m) {
  static const char *const seek[] = {
      "find",    "finds",   "found",     "catch",    "catches",    "caught",
      "arrest",  "arrests", "arrested",  "identify", "identifies", "charge",
      "charges", "jail",    "prosecute", "report",   "punish",     "track",
      "down",    "expose",  "sue",       "name"};
  static const char *const punish[] = {
      "expelled",   "jail",     "prison",  "arrested",  "charged",
      "caught",     "punished", "sacked",  "fired",     "banned",
      "prosecuted", "locked",   "justice", "suspended", "sentenced"};
  if (m->tb == 0 || !(tok_is_word(R, m->tb - 1, "whoever") ||
                      tok_is_word(R, m->tb - 1, "whomever")))
    return false;
  const sentence *s = sent_of(R, m->tb);
  uint32_t w = m->tb - 1;
  if (word_among(R, w > s->tb + 3 ? w - 3 : s->tb, w, seek,
                 sizeof seek / sizeof *seek))
    return true;
  return word_among(R, m->te, m->te + 6 < s->te ? m->te + 6 : s->te, punish,
                    sizeof punish / sizeof *punish);
}

static decorum_status rule_attack(run *R, const mention *m) {
  const dc_entry *e = ent(R, m);
  decorum_signal sig;
  int prefer = DIR_BACKWARD;
  float w;
  switch (m->kind) {
  case DC_KIND_DEHUMANIZE:
    sig = DECORUM_SIGNAL_DEHUMANIZATION;
    w = severity_weight(e->severity, 0.7f, 0.85f, 0.92f);
    break;
  case DC_KIND_DEROGATE:
    /* a ranking of peoples attacks the lower one, after it */
    if (e->flags & DC_F_RANKS) {
      if (!ranks_below(R, m))
        return DECORUM_OK;
      prefer = DIR_FORWARD;
    }
    sig = DECORUM_SIGNAL_DEROGATION;
    w = severity_weight(e->severity, 0.55f, 0.7f, 0.85f);
    break;
  case DC_KIND_HATE_VERB:
    sig = DECORUM_SIGNAL_DEROGATION;
    prefer = DIR_FORWARD;
    w = severity_weight(e->severity, 0.6f, 0.75f, 0.85f);
    break;
  case DC_KIND_THREAT:
    /* A weapon emoji stands for a verb ("jews 🔪"); after a
     * possessive or an article it is the thing itself ("sharpen your
     * 🔪", "you are the 💣"). */
    if ((unsigned char)R->n->text[m->b] >= 0x80 && m->tb > 0 &&
        R->rs->toks[m->tb].b == m->b &&
        (tok_is_word(R, m->tb - 1, "your") || tok_is_word(R, m->tb - 1, "my") ||
         tok_is_word(R, m->tb - 1, "the") || tok_is_word(R, m->tb - 1, "da")))
      return DECORUM_OK;
    /* "killers", "murderer": a verb's agent noun names people (by
     * what they did or are said to do); it calls for nothing. When
     * the lexicon has the noun as a stereotype at the same place,
     * that reading is the one ("Muslims are killers"). */
    if ((e->flags & DC_F_VERB) && agent_noun(R, m, e))
      return DECORUM_OK;
    if (harmless_threat(R, m, e))
      return DECORUM_OK;
    if (attacker_sought(R, m))
      return DECORUM_OK;
    if (motive_asked(R, m))
      return mitigate(R, m->b, m->e, SC_REPORTED,
                      LIT("a deed whose motive the writer asks "
                          "('why would anyone ...')"));
    sig = DECORUM_SIGNAL_THREAT;
    prefer = DIR_FORWARD;
    w = severity_weight(e->severity, 0.7f, 0.88f, 0.95f);
    break;
  case DC_KIND_EXCLUSION:
    /* (a purpose or a pay with no word that the group is unfit:
     * "... just for the tax credit"; with one, "... just for the tax
     * credit, they can't do meaningful work that way", a review) */
    if (refusal_explained(R, m) ||
        (hiring_how(R, m) == 1 && !unfit_said(R, m->te)))
      return DECORUM_OK;
    sig = DECORUM_SIGNAL_EXCLUSION;
    prefer = DIR_FORWARD;
    w = severity_weight(e->severity, 0.6f, 0.75f, 0.88f);
    break;
  case DC_KIND_STEREOTYPE:
    /* "always will be", "it's in the blood": a mild essentializing
     * frame is said of anything ("Jews have always been scapegoated,
     * always will be"); it only makes a crime or a hostile trait
     * inborn (essentialized), and counts for nothing alone. */
    if ((e->flags & DC_F_ESSENCE) && e->severity < 2)
      return DECORUM_OK;
    sig = DECORUM_SIGNAL_STEREOTYPE;
    w = severity_weight(e->severity, 0.4f, 0.6f, 0.75f);
    break;
  case DC_KIND_INSULT:
    /* said of a thing or an animal (thing_swear, animal_swear): no
     * one is insulted, and the swearing beside it is aimed at no
     * one */
    if (thing_swear(R, m) || animal_swear(R, m)) {
      R->insults_at_things++;
      return DECORUM_OK;
    }
    sig = DECORUM_SIGNAL_INSULT;
    w = severity_weight(e->severity, 0.55f, 0.7f, 0.85f);
    break;
  default:
    return DECORUM_OK;
  }
  /* "dead", "die", "gone" (flag `wished`) are a threat only as what
   * the writer wishes on the object before them ("I want all Jews
   * dead"); their object comes first. Elsewhere ("six Muslims dead
   * after attack", "I hope my dog doesn't die") they are nothing. */
  /* "Muslims want a fight in Leicester, they'll get one": an answer
   * that holds its own pronoun (flag `anaphor`: "they'll get one")
   * threatens only the fight told before it in its sentence; "Students
   * want a discount, they'll get one" promises a discount. */
  if ((e->flags & DC_F_ANAPHOR) && kind_at(R, m->tb, DC_KIND_PRONOUN_GROUP) &&
      !fight_before(R, m))
    return DECORUM_OK;
  /* "The developers want to flatten the Victorian mosque building", "I
   * hope the council flattens that derelict church": flattening (a
   * place threat flagged `game`) with a doer named as its subject is
   * what builders and planners do to buildings; only the writer's own
   * call or a wish with the people inside ("gets flattened with them
   * inside") is violence. */
  if (m->kind == DC_KIND_THREAT &&
      (e->flags & (DC_F_PLACE | DC_F_GAME)) == (DC_F_PLACE | DC_F_GAME) &&
      doer_named(R, m))
    return DECORUM_OK;
  /* A threat phrase that names its own group ("put landmines along the
   * border": migrants, who cross it) is a call only as the writer's:
   * not asked ("Should we put landmines on the border? Absolutely
   * not"), nor told of a doer ("They put landmines along the border
   * during the war"). */
  if (m->kind == DC_KIND_THREAT && e->categories &&
      (sent_of(R, m->tb)->question ||
       (m->tb > 0 && kind_at(R, m->tb - 1, DC_KIND_PRONOUN_GROUP)) ||
       state_doer(R, m)))
    return DECORUM_OK;
  if (m->kind == DC_KIND_THREAT && veil_literal(R, m, e))
    return DECORUM_OK;
  /* "what's coming to them" with what comes named after it ("... in
   * court", "... in the final", "..., justice will be served") is that:
   * the threat leaves it unsaid and ends its sentence, an adverb at most
   * after it ("Muslims will get what's coming to them soon", "...,
   * and soon"). */
  if (m->kind == DC_KIND_THREAT && m->te >= m->tb + 3 &&
      tok_is_word(R, m->te - 3, "coming") && tok_is_word(R, m->te - 2, "to")) {
    const sentence *s = sent_of(R, m->tb);
    for (uint32_t k = m->te; k < s->te; k++)
      if (R->rs->toks[k].type == TK_WORD && !adverb_like(R, k) &&
          !tok_is_word(R, k, "and") && !tok_is_word(R, k, "soon") &&
          !tok_is_word(R, k, "now") && !tok_is_word(R, k, "eventually") &&
          !tok_is_word(R, k, "lol"))
        return DECORUM_OK;
  }
  uint32_t wish_from = 0;
  bool wished = false;
  if (e->flags & DC_F_WISHED) {
    /* (or the deed warned of, "Don't come crying when your synagogue
     * gets hit", or regretted, "shame it didn't take all of them with
     * it": is_call reads both again) */
    bool framed = wish_frame(R, m, &wish_from);
    if ((!framed && !(any_kind(R, DC_KIND_NEGATION) &&
                      (warned_deed(R, m, sent_of(R, m->tb)) ||
                       regretted(R, m, sent_of(R, m->tb))))) ||
        wished_in_entry(R, m))
      return DECORUM_OK;
    wished = framed;
  }
  /* "The Irish should be stoned on St Patrick's day", "Jamaicans should
   * be stoned 24/7 lol": high, not stoning (stoned_high) */
  if (m->kind == DC_KIND_THREAT && tok_is_word(R, m->te - 1, "stoned") &&
      stoned_high(R, m))
    return DECORUM_OK;
  /* "I can't wait until all Jews are dead": the formula's "are dead"
   * (flag `formula`, which holds the shorter "dead") wished as well */
  if ((e->flags & DC_F_FORMULA) && wish_frame(R, m, &wish_from))
    wished = true;
  /* "I want all Jews exterminated", "I'd like every Muslim shot": a
   * threat's or exclusion's participle wished on its object, before
   * it (not "I hope Muslims kill ...", whose group does it) */
  if (!wished && (m->kind == DC_KIND_THREAT || m->kind == DC_KIND_EXCLUSION) &&
      /* (a severe one: a milder verb is a win in a game as often, "I
       * want the Germans crushed in the final", "I'd love the Scots
       * beaten on Saturday") */
      e->severity >= 3 && (past_form(R, m) || participle_word(R, m->tb)) &&
      wish_frame(R, m, &wish_from))
    wished = true;
  if (wished)
    prefer = DIR_BACKWARD;
  /* "Hatred of Muslims has no place here", "hate against trans people":
   * a noun phrase about hatred, not the writer hating. */
  if (m->kind == DC_KIND_HATE_VERB && m->te < R->rs->ntok &&
      (tok_is_word(R, m->te, "of") || tok_is_word(R, m->te, "against") ||
       tok_is_word(R, m->te, "towards") || tok_is_word(R, m->te, "toward")))
    return DECORUM_OK;
  /* "I hate being called a fag", "i hate being a white girl": what is
   * hated is the writer's own lot, being named so or being one, not
   * the group: told, as a report is, so the model's reading of the
   * group word beside "hate" does not count in full. Being near them is
   * no such lot ("I hate being around Muslims"), nor being beside a
   * group named after it ("I hate being a neighbor to Jews"): own_lot. */
  if (m->kind == DC_KIND_HATE_VERB && m->te + 1 < R->rs->ntok &&
      tok_is_word(R, m->te, "being") && own_lot(R, m->te + 1))
    return mitigate(R, m->b, m->e, SC_REPORTED,
                    LIT("hatred of the writer's own lot (being "
                        "called so, or being one)"));
  /* "My uncle hates Muslims", "she hated her Jewish neighbours": the
   * hatred of someone the writer tells about (a verb in the third
   * person, or "he"/"she" before it), not the writer's. "Everyone hates
   * Gypsies" generalizes and "God hates ..." speaks with authority:
   * both stay. Nor the hatred of the person addressed, asked about or
   * charged ("Why do you hate black people?", "you just hate whites"),
   * but in a question that opens negated ("Don't you just hate ...?"),
   * which invites the reader to agree. */
  if (m->kind == DC_KIND_HATE_VERB && m->tb > 0 &&
      !tok_is_word(R, m->tb - 1, "who") && !tok_is_word(R, m->tb - 1, "that") &&
      !tok_is_word(R, m->tb - 1, "god") &&
      !tok_is_word(R, m->tb - 1, "allah")) {
    bool third = m->e - m->b == e->term_len + 1 && R->n->text[m->e - 1] == 's';
    uint32_t k = m->tb - 1;
    if (k > 0 && adverb_like(R, k))
      k--; /* "she really hated", "you really hate" */
    if (!third &&
        (tok_is_word(R, k, "you") || tok_is_word(R, k, "u") ||
         tok_is_word(R, k, "ya") || tok_is_word(R, k, "yall")) &&
        !negated_opening(R, sent_of(R, m->tb)) && !endorsed(R, m->tb))
      return mitigate(R, m->b, m->e, SC_REPORTED,
                      LIT("the hatred of the person the writer "
                          "addresses"));
    /* "Some people hate Muslims", "Why do people hate Jews?": people
     * that are some, many, or asked about tell of others' hatred.
     * "Most people", "normal people" and "all people" generalize and
     * stay, as "everyone" does below. */
    if (!third && k > 0 && tok_is_word(R, k, "people") &&
        (tok_is_word(R, k - 1, "some") || tok_is_word(R, k - 1, "many") ||
         tok_is_word(R, k - 1, "do") || tok_is_word(R, k - 1, "did")) &&
        !endorsed(R, m->tb))
      return mitigate(R, m->b, m->e, SC_REPORTED,
                      LIT("the hatred of someone the writer tells "
                          "about"));
    third |= he_or_she(R, k);
    /* ...unless agreed with ("and he is right", "couldn't agree
     * more"), said of anyone ("any decent person hates", "everyone in
     * this town hates", "everyone hates") or of a group ("every
     * Muslim hates"): the five words before it include the one right
     * before */
    for (uint32_t j = m->tb > 5 ? m->tb - 5 : 0; third && j < m->tb; j++)
      third = !kind_at(R, j, DC_KIND_QUANTIFIER) &&
              !tok_is_word(R, j, "everyone") &&
              !tok_is_word(R, j, "everybody") && !tok_is_word(R, j, "any");
    third = third && !kind_at(R, m->tb - 1, DC_KIND_IDENTITY) &&
            !endorsed(R, m->tb);
    if (third)
      return mitigate(R, m->b, m->e, SC_REPORTED,
                      LIT("the hatred of someone the writer tells "
                          "about"));
  }
  /* "People who hate gays are disgusting": the hatred belongs to the
   * relative clause's head, not to the writer ("I'm someone who hates
   * ..." still does). */
  if (m->kind == DC_KIND_HATE_VERB && m->tb >= 1) {
    uint32_t k = m->tb - 1;
    if (!tok_is_word(R, k, "who") && k >= 1)
      k--;
    if (tok_is_word(R, k, "who")) {
      /* "I'm someone who hates", "I am one who hates": the writer
       * says what they are. "I hate people who hate ...", "I think
       * people who hate ...": the hatred is someone else's. */
      bool self = false;
      for (uint32_t j = k, lo = k > 6 ? k - 6 : 0; j-- > lo;) {
        const mention *ps = mention_at(R, j, DC_KIND_PRONOUN_SELF);
        if (ps) {
          uint32_t a = j + 1; /* after "i'm" or "i am" */
          if (!(ent(R, ps)->flags & DC_F_COPULA))
            a = a < k && kind_at(R, a, DC_KIND_COPULA) ? a + 1 : k + 1;
          /* "I'm just someone who", "we're all people who" */
          while (a < k && (adverb_like(R, a) || tok_is_word(R, a, "all")))
            a++;
          /* "I'm someone who", "I am a person who", "I'm one of
           * those who", "we are people who": the writer is the
           * head; "I'm against people who", "I'm sick of those
           * who" are not. */
          self = a == k ||
                 (a < k &&
                  (a_or_an(R, a) || tok_is_word(R, a, "the") ||
                   tok_is_word(R, a, "one") || tok_is_word(R, a, "someone") ||
                   tok_is_word(R, a, "somebody") ||
                   kind_at(R, a, DC_KIND_PERSON) ||
                   kind_at(R, a, DC_KIND_HUMANITY)));
          break;
        }
        if (!kind_at(R, j, DC_KIND_COPULA) &&
            (kind_at(R, j, DC_KIND_HATE_VERB) || kind_at(R, j, DC_KIND_REPORT)))
          break; /* "I hate people who", "I think people who" */
      }
      if (!self) {
        char buf[96];
        int tl = (int)(m->e - m->b);
        piece what = {buf,
                      JOIN(buf, sizeof buf, LIT("the hatred of others ('who "),
                           piece_text(R->n->text + m->b, tl > 40 ? 40 : tl),
                           LIT("')"))};
        return mitigate(R, m->b, m->e, SC_REPORTED, what);
      }
    }
  }
  /* "The hostel was infested with cockroaches": an infestation by
   * animals named after "with" is literal, whoever owns the place; not
   * by people named so ("infested with Somali vermin"). */
  if (m->kind == DC_KIND_DEHUMANIZE && m->te + 1 < R->rs->ntok &&
      tok_is_word(R, m->te, "with") &&
      (kind_at(R, m->te + 1, DC_KIND_DEHUMANIZE) ||
       (m->te + 2 < R->rs->ntok && kind_at(R, m->te + 2, DC_KIND_DEHUMANIZE) &&
        R->rs->toks[m->te + 1].type == TK_WORD &&
        !kind_at(R, m->te + 1, DC_KIND_IDENTITY) &&
        !kind_at(R, m->te + 1, DC_KIND_SLUR) &&
        !in_target(R, m->te + 1, TG_GROUP))))
    return DECORUM_OK;
  /* "Remigration is a racist idea": an exclusion that names its own
   * group (a `remigration` entry with a group), named as the sentence's
   * subject to denounce it, as a trope or a code is. */
  if (m->kind == DC_KIND_EXCLUSION && e->categories && R->denounce_any &&
      named_to_denounce(R, m))
    return mitigate(R, m->b, m->e, SC_COUNTER,
                    LIT("a call for exclusion named to denounce it"));
  /* "Mexican workers are treated like animals", "Jews got treated as
   * vermin": the passive of "treat" before "like"/"as" tells a wrong the
   * group suffers; the word is the mistreaters' view, not the writer's.
   * Not a call: "should be treated like animals", "deserve to be treated
   * like pigs" (a modal before it in the sentence). */
  if ((m->kind == DC_KIND_DEHUMANIZE || m->kind == DC_KIND_DEROGATE ||
       m->kind == DC_KIND_STEREOTYPE || m->kind == DC_KIND_INSULT) &&
      treated_like(R, m))
    return mitigate(R, m->b, m->e, SC_REPORTED,
                    LIT("how others treat the group, told"));
  /* "Saying 'X are vermin' is disgusting": in a sentence about speech,
   * a word that can judge speech does. The sentence is only scanned for
   * the few words that can (derogate or insult entries that are also
   * denounce entries). */
  if ((m->kind == DC_KIND_DEROGATE || m->kind == DC_KIND_INSULT ||
       m->kind == DC_KIND_HATE_VERB) &&
      mention_at(R, m->tb, DC_KIND_DENOUNCE)) {
    if (about_speech(R, R->rs->toks[m->tb].sent))
      return DECORUM_OK;
  }
  /* Threat verbs in the past tense without a modal narrate ("the Nazis
   * murdered six million", "the striker destroyed the defence", where
   * the entry is the past form itself); "should be killed" still
   * threatens. */
  if ((m->kind == DC_KIND_THREAT || m->kind == DC_KIND_EXCLUSION) && !wished &&
      past_form(R, m)) {
    bool modal = false;
    for (uint32_t k = m->tb > 3 ? m->tb - 3 : 0; k < m->tb; k++)
      modal |= mention_at(R, k, DC_KIND_MODAL) != NULL;
    /* "Every Muslim I see gets stabbed": the participle of a rule the
     * writer lays down (member_gets) calls for it, as a modal does */
    target laid;
    if (!modal && m->kind == DC_KIND_THREAT && m->tb > 2 &&
        member_gets(R, m, &laid))
      modal = true;
    /* "if a few of them got lynched I wouldn't complain" */
    if (!modal && m->kind == DC_KIND_THREAT && any_kind(R, DC_KIND_NEGATION) &&
        wouldnt_mind(R, m, sent_of(R, m->tb)))
      modal = true;
    /* "Don't come crying when your synagogue gets bombed" */
    if (!modal && m->kind == DC_KIND_THREAT && any_kind(R, DC_KIND_NEGATION) &&
        warned_deed(R, m, sent_of(R, m->tb)))
      modal = true;
    /* "Jews were expelled from Spain in 1492" is history too; whether
     * an exclusion is a call is is_call's to say, as before. */
    if (!modal && m->kind == DC_KIND_EXCLUSION) {
      if (!group_subject(R, m) && victim_before(R, m))
        R->untargeted = true;
    } else if (!modal) {
      /* "The Ku Klux Klan lynched thousands of Black Americans": the
       * group is what the violence was done to (its object, not
       * after "by", no group and not the writer doing it: "i raped
       * the jews ..." boasts): history, and the model's
       * reading of violence beside a group does not count in
       * full. */
      if ((headline_passive(R, m) || !group_subject(R, m)) &&
          !(m->tb > 0 && kind_at(R, m->tb - 1, DC_KIND_PRONOUN_SELF))) {
        const target *v = victim_after(R, m);
        if (v || victim_before(R, m))
          R->untargeted = true;
        /* "Jews were gassed. Good riddance.": what rule_approval
         * reads approval of. */
        if (any_kind(R, DC_KIND_APPROVE))
          note_deed(R, m, v ? v : passive_victim(R, m), false);
      }
      return DECORUM_OK;
    }
  }
  /* "The Holocaust": an event noun that names the group it was done to
   * is that event, never a call for it ("another holocaust" is an
   * entry of its own). */
  if ((e->flags & DC_F_EVENT) && e->categories) {
    if (any_kind(R, DC_KIND_APPROVE)) {
      target self = group_of(R, m);
      note_deed(R, m, &self, true);
    }
    return DECORUM_OK;
  }
  /* "the Armenian genocide", "the genocide against the Yazidis", "the
   * Rwanda genocide killed ...", "in that massacre": a noun flagged
   * `event` after a group word, a country or "the", and no call for it,
   * names an event, as history does ("we need a Muslim genocide" calls
   * for one) */
  if ((e->flags & DC_F_EVENT) && m->tb > 0 &&
      (identity_ends_at(R, m->tb) || tok_is_word(R, m->tb - 1, "the") ||
       tok_is_word(R, m->tb - 1, "that") || tok_is_word(R, m->tb - 1, "this") ||
       in_target(R, m->tb - 1, TG_NP)) &&
      !has_kind_in(R, sent_of(R, m->tb)->tb, m->tb, DC_KIND_MODAL) &&
      sent_of(R, m->tb)->bang <= m->te) {
    /* "The Rwandan genocide is also known as the genocide against
     * the Tutsi": the event is what the sentence is about (it opens
     * it, a linking verb follows) and the model's reading of
     * violence beside a group counts as for history. */
    if (mention_at(R, m->te, DC_KIND_COPULA) && event_opens(R, m))
      R->untargeted = true;
    if (any_kind(R, DC_KIND_APPROVE)) {
      const mention *id = identity_ending_at(R, m->tb);
      target g;
      const target *v = NULL;
      if (id) {
        g = group_of(R, id);
        v = &g;
      } else {
        v = victim_after(R, m);
      }
      note_deed(R, m, v, true);
    }
    return DECORUM_OK;
  }
  /* "What's the difference between a Sunni and a Shia Muslim?": a
   * joke's set-up (flag `joke`) comparing two people named by their
   * groups asks what tells the groups apart; the joke likens a group to
   * a thing ("between a Jew and a canoe?"). */
  if ((e->flags & DC_F_JOKE) && compares_groups(R, m))
    return DECORUM_OK;
  int dist = 0;
  const target *t = pick_target(R, m->tb, m->te, m->b, m->e, prefer, &dist);
  /* "incels calling women ...": the insult is at those who do it, the
   * people the insult itself names (no protected group) */
  bool by_doer = t && t->type == TG_GROUP && m->kind == DC_KIND_INSULT &&
                 insult_does(R, m, t);
  const target doers = {m->tb, m->te, 0, -1, TG_NP, 0, 0, 0, 0, 0, NO_TARGET};
  if (by_doer)
    t = &doers;
  /* "Ukrainians are all tired of war", "they're sick of being searched":
   * with no one hated after it, a hate verb said as a state after the
   * group and a linking verb is the group's own weariness. */
  if (t && m->kind == DC_KIND_HATE_VERB && t->te <= m->tb &&
      subject_of_state(R, t, m))
    return DECORUM_OK;
  /* "As a disabled person I am SO tired of the stairs", "Being a gay
   * man, I'm sick of the commute": the group before the verb is who the
   * writer is, not whom they are tired of; with no group after the
   * verb (pick_target looked there first) no one is. */
  if (t && m->kind == DC_KIND_HATE_VERB && t->te <= m->tb && writer_as(R, t) &&
      !group_word_after(R, m))
    return DECORUM_OK;
  /* "The Muslim-hating arsonists", "Jew-haters should be locked up": a
   * hate word joined to the group by a hyphen names those who hate it,
   * not the writer's hate; unless the writer is one ("As a
   * Muslim-hater, this warms my heart", "I'm a proud Jew-hater"). */
  if (t && m->kind == DC_KIND_HATE_VERB && t->te <= m->tb &&
      m->tb <= t->te + 1 && hyphen_modifier(R, t->te) &&
      !self_named(R, t->tb)) {
    /* (told to the model as counter-speech when the comment is about
     * them, as for "I hate people who hate Jews") */
    if (!R->hate_so_far)
      R->out->rf[DC_RF_COUNTER] = 1;
    return DECORUM_OK;
  }
  /* "I'm sick of Muslims being blamed for everything", "tired of women
   * getting harassed", "fed up with Jews saying ...": weariness of a
   * group in a passive or a participle of speech right after it is
   * weariness of what happens to them or of what is said, not of the
   * group ("I'm sick of Muslims" is). Only these: other participles
   * ("sick of gays shoving it ...") still name the group. */
  if (t && t->type == TG_GROUP && m->kind == DC_KIND_HATE_VERB &&
      (e->flags & DC_F_AMBIGUOUS) && t->tb >= m->te && t->tb <= m->te + 2 &&
      situation_after(R, t->te))
    return DECORUM_OK;
  /* "refugees deserve worse than they get", "Muslims deserve to suffer
   * more than that": what follows "than" is the other term of a
   * comparison, not the threat's object; the threat is said of its
   * subject. */
  if (t && m->kind == DC_KIND_THREAT && t->tb >= m->te &&
      than_between(R, m->te, t->tb)) {
    int d2 = 0;
    const target *b =
        pick_target(R, m->tb, m->te, m->b, m->e, DIR_BACKWARD, &d2);
    t = b && b->te <= m->tb ? b : NULL;
    dist = d2;
  }
  /* "Muslims should be kicked out of India", "deported from America":
   * a passive call's object is its subject; the country after "of" or
   * "from" is only where they would be sent from. */
  /* (So is a place named by "in" a little further on, in the call's
   * clause: "Jews should be barred from holding office in Sweden".) */
  if (t && t->type == TG_NP && m->kind == DC_KIND_EXCLUSION && t->tb > m->te &&
      ((t->tb <= m->te + 2 &&
        (tok_is_word(R, m->te, "of") || tok_is_word(R, m->te, "from"))) ||
       /* (or "inside", "into": "gay people should not be allowed
        * inside the church") */
       (t->tb <= m->te + 6 &&
        (tok_is_word(R, t->tb - 1, "in") ||
         tok_is_word(R, t->tb - 1, "inside") ||
         tok_is_word(R, t->tb - 1, "into")) &&
        R->rs->toks[t->tb].clause == R->rs->toks[m->tb].clause))) {
    /* (the participle opens the phrase: "driven out") */
    mention head = *m;
    head.te = m->tb + 1;
    int d2 = 0;
    const target *s =
        pick_target(R, m->tb, m->te, m->b, m->e, DIR_BACKWARD, &d2);
    /* (or ends it: "should not be allowed") */
    if (s && s->type == TG_GROUP && s->te <= m->tb &&
        (passive_of(R, &head) || passive_of(R, m))) {
      t = s;
      dist = d2;
    }
  }
  /* "hoe", "whore", "slut" are insults and slurs both. As an insult the
   * word does not attack another slur's group beside it ("these hoes
   * like n...s", "hoes will be hoes"): the slurs' own rule judges each
   * (rule_slur). At a group named otherwise it does ("you're a whore
   * like all Muslim women"). */
  if (t && t->slur && slur_as_insult(R, m))
    return DECORUM_OK;
  /* A threat at the person addressed aims at its object: "you" right
   * after the verb or inside the phrase ("I'll kill you", "break your
   * neck"), not a "you" further on ("hang the pheasant for a week
   * before you pluck it"). */
  if (t && t->type == TG_YOU && m->kind == DC_KIND_THREAT && t->tb > m->te + 1)
    t = NULL;
  /* A pronoun inside the phrase is its object: "send them all back",
   * "break your neck" (you, when nothing else was found). (Targets are
   * sorted by tb, and none ends before it begins.) */
  if (!t || t->type != TG_GROUP)
    for (size_t i = R->rs->nt > FEW_TARGETS ? targets_from(R->rs, m->tb) : 0;
         i < R->rs->nt && R->rs->t[i].tb <= m->te; i++)
      if ((R->rs->t[i].type == TG_PRONOUN ||
           (R->rs->t[i].type == TG_YOU && !t)) &&
          R->rs->t[i].tb >= m->tb && R->rs->t[i].te <= m->te) {
        t = &R->rs->t[i];
        dist = 0;
        break;
      }
  /* "AIDS was God's way of cleaning up the gays. Shame it didn't
   * finish the job": the job (flag `anaphor`) is the harm told in the
   * sentence before, to the group it names, when the threat's own
   * sentence names no one. */
  target anaphor_buf;
  /* (a call to repeat, `anaphor` and `oblige`, aims only at the group
   * of the event it takes up: "those who fail to learn from history
   * are doomed to repeat it" repeats no one's) */
  if ((e->flags & (DC_F_ANAPHOR | DC_F_OBLIGE)) == (DC_F_ANAPHOR | DC_F_OBLIGE))
    t = NULL;
  if (!t && (e->flags & DC_F_ANAPHOR))
    t = anaphor_group(R, m, &anaphor_buf);
  /* "them Jews": the pronoun's own noun says who. */
  if (t && t->type == TG_PRONOUN)
    for (size_t i = R->rs->nt > FEW_TARGETS ? targets_from(R->rs, t->te) : 0;
         i < R->rs->nt && R->rs->t[i].tb <= t->te; i++)
      if (R->rs->t[i].type == TG_GROUP && R->rs->t[i].tb == t->te) {
        t = &R->rs->t[i];
        break;
      }
  /* The writer's hatred and a relative clause: aimed past one it is
   * hatred of whoever the clause is about ("I hate people who hate
   * Jews"); aimed at a group the clause narrows by what its members do
   * to others, it is not hatred of the group ("I hate men who hit
   * women"). */
  if (m->kind == DC_KIND_HATE_VERB && t && t->tb >= m->te) {
    /* "people who are trans" is trans people all the same. A
     * participle of speech after the hated people is such a clause
     * too ("I can't stand people calling Jews rats", "anyone saying
     * ..."): the speakers are hated, for what they say of the group,
     * when what they say attacks it (speech_attacks). Not a
     * participle right after the verb, which is the writer's own
     * saying ("I hate saying it, but ..."). */
    /* (Each reading below tells the model, as counter-speech, that
     * the writer's hatred is of those who attack a group.) */
    for (uint32_t k = m->te; k < t->tb; k++) {
      if (tok_is_word(R, k, "who")) {
        if (!(kind_at(R, k + 1, DC_KIND_COPULA) && t->tb <= k + 3)) {
          R->out->rf[DC_RF_COUNTER] = 1;
          return DECORUM_OK;
        }
        break;
      }
      const tok *tk = &R->rs->toks[k];
      if (k > m->te && kind_at(R, k, DC_KIND_REPORT) && tk->e - tk->b > 4 &&
          memcmp(R->n->text + tk->e - 3, "ing", 3) == 0 &&
          tk->clause == R->rs->toks[t->tb].clause && speech_attacks(R, m, k)) {
        R->out->rf[DC_RF_COUNTER] = 1;
        return DECORUM_OK;
      }
    }
    /* Narrowed by a wrong they do to others ("men who hit women",
     * "those who rape kids", "Muslims who hate Jews") or by what they
     * say or think of others ("white people who think non-white people
     * are ..."); "women who drive", "gays who flaunt it", "blacks that
     * date white women" and "blacks that much" name neither and still
     * mean the group. */
    uint32_t k = t->te;
    if (tok_is_word(R, k, "who") || tok_is_word(R, k, "that")) {
      /* "who say" is one report entry */
      bool says = kind_at(R, k, DC_KIND_REPORT), others = false;
      for (uint32_t j = k + 1; j < k + 5 && j < R->rs->ntok &&
                               R->rs->toks[j].clause == R->rs->toks[k].clause;
           j++) {
        if (kind_at(R, j, DC_KIND_HARM) || kind_at(R, j, DC_KIND_THREAT) ||
            kind_at(R, j, DC_KIND_HATE_VERB)) {
          R->out->rf[DC_RF_COUNTER] = 1;
          return DECORUM_OK;
        }
        says |= kind_at(R, j, DC_KIND_REPORT);
        others |= in_target(R, j, TG_GROUP) || kind_at(R, j, DC_KIND_PERSON);
        if (says && others) {
          R->out->rf[DC_RF_COUNTER] = 1;
          return DECORUM_OK;
        }
      }
    }
  }
  /* "Men who hit women are scum", "any woman who abuses a child is
   * vile": a predicate said of a group that a relative clause narrows by
   * a wrong its members do to others judges the wrongdoers, as "I hate
   * men who hit women" does. */
  if ((m->kind == DC_KIND_DEROGATE || m->kind == DC_KIND_INSULT ||
       m->kind == DC_KIND_DEHUMANIZE) &&
      t && t->type == TG_GROUP && t->te < m->tb &&
      (tok_is_word(R, t->te, "who") || tok_is_word(R, t->te, "that")))
    for (uint32_t j = t->te + 1; j < m->tb && j < t->te + 5; j++)
      if (kind_at(R, j, DC_KIND_HARM) || kind_at(R, j, DC_KIND_THREAT) ||
          kind_at(R, j, DC_KIND_HATE_VERB))
        return DECORUM_OK;
  /* A group named inside a quote, judged from outside it, is the quote
   * being judged ("whoever wrote '...' is a coward"). */
  if (t && t->type != TG_PRONOUN && R->rs->toks[t->tb].quoted &&
      !R->rs->toks[m->tb].quoted)
    return DECORUM_OK;
  target resolved;
  bool from_ctx = false;
  /* Predication is checked against the word in this sentence, the
   * pronoun if that is what the sentence says ("they're all rats"). */
  const target *t_local = t;
  if (t && t->type == TG_PRONOUN) {
    bool narrowed = narrowed_people(R, t);
    const target *frag = NULL;
    if (!narrowed && resolve_pronoun(R, t->tb, &resolved, &from_ctx))
      t = &resolved;
    else if (!narrowed &&
             (m->kind == DC_KIND_THREAT || m->kind == DC_KIND_EXCLUSION) &&
             (frag = fragment_group(R, m, t)) != NULL)
      t = frag;
    else if (!narrowed && demonstrative_people(R, t)) {
      /* "These people are animals" with nobody named: a group all
       * the same, of unknown identity. */
      resolved = *t;
      resolved.type = TG_GROUP;
      t = &resolved;
    } else if (m->kind == DC_KIND_DEHUMANIZE && !(e->flags & DC_F_AMBIGUOUS) &&
               t->te == m->tb && tok_is_word(R, t->tb, "they") &&
               simile_entry(e) && they_unnamed(R, t) &&
               unnamed_people(R, m, t) && !pets_kept(R)) {
      /* "they breed like rats in the cites of Marseille": a simile
       * that only likens people (no ambiguous word: "breed like
       * rats"), its subject a "they" that nothing names, is said of
       * people all the same, whoever they are (not a group: none is
       * named); see they_unnamed for the animals it spares. */
      t = &someone;
    } else if (m->kind == DC_KIND_THREAT && e->severity >= 3 &&
               /* (not the "them" of a harm taken up from before,
                * flag `anaphor`: with no group told, the storm that
                * did not "take all of them with it" took things) */
               !(e->flags & DC_F_ANAPHOR) && unnamed_people(R, m, t) &&
               (((tok_is_word(R, t->tb, "them") ||
                  tok_is_word(R, t->tb, "em")) &&
                 t->tb > m->tb && t->tb <= m->te) ||
                (t->te <= m->tb && passive_of(R, m)))) {
      /* "Someone should shoot them all", "they should all be shot":
       * people, whoever they are, threatened all the same (a
       * threat, not hate: no group is named). "them" right after
       * the verb, or the subject of a passive; not when they do it
       * ("they will kill us") or own it ("kill their food"). */
      t = &someone;
    } else
      t = NULL;
  }
  /* "If I see a Muslim near my house I will beat him to death", "if i
   * see a tranny in the womens room im beating them senseless": one
   * member met in a case put (member_antecedent), then threatened by
   * the pronoun, is threatened for being one. */
  bool member = false;
  if (m->kind == DC_KIND_THREAT &&
      !(t && t_local && t_local->type == TG_GROUP && t_local->tb >= m->te) &&
      (member_antecedent(R, m, &resolved) ||
       one_named_before(R, m, &resolved))) {
    t = t_local = &resolved;
    member = true;
  }
  if (!member && veiled_threat(R, m))
    return DECORUM_OK;
  /* "Any Muslim who comes here gets shot": a rule the writer lays down
   * for whichever member comes (member_gets), the writer's will. */
  bool laid_down = false;
  if (m->kind == DC_KIND_THREAT && !member && m->tb > 2 &&
      member_gets(R, m, &resolved)) {
    if (resolved.type == TG_PRONOUN) {
      t = t_local = &someone; /* whoever comes: a person noun */
      laid_down = true;
    } else {
      t = t_local = &resolved;
      member = laid_down = true;
    }
  }
  /* "I don't want to associate with people who hate Jews", "ban anyone
   * who harasses Muslims", "kill whoever attacks Hindus": a group named
   * after the verb inside a relative clause that names the verb's
   * object by a wrong done to the group is that wrong's object; the
   * call is aimed at the wrongdoers, people of no protected group (a
   * threat at them is still a threat). */
  if (t && t->type == TG_GROUP &&
      (m->kind == DC_KIND_THREAT || m->kind == DC_KIND_EXCLUSION) &&
      t_local->tb >= m->te && wrongdoers_between(R, m->te, t_local->tb)) {
    /* unless the sentence names them after all, in apposition: "Wipe
     * out the rats that attack our women, the Somalis" */
    const target *app = appositive_group(R, t_local->te);
    t = t_local = app ? app : &someone;
  }
  /* "Gay-bashers belong in prison, lock them all up", "The thugs who
   * beat up the gay couple, lock em all up": a call to lock people up
   * after a description of wrongdoers is aimed at them. A group named
   * before it as the wrong's victim (inside the relative clause, in a
   * clause of its own), as the head of a relative clause that names a
   * wrong, or as the first half of a hyphened compound ("Muslim-hating
   * arsonists") is not whom the call locks up. Only exclusions: threats
   * read their doers elsewhere. */
  if (t && t == t_local && t->type == TG_GROUP &&
      m->kind == DC_KIND_EXCLUSION && t->te <= m->tb &&
      wrongdoers_before(R, t, m)) {
    t = t_local = &someone;
    /* (told to the model as counter-speech: the call is the writer's
     * answer to those who wrong a group, "Jew-haters should be
     * locked up") */
    R->out->rf[DC_RF_COUNTER] = 1;
  }
  /* "The attack on the synagogue was disgusting", "what happened to those
   * Muslims was horrific", "the abuse trans people get is disgusting":
   * the judgement is of an event the group suffered, not of the group. */
  if (t && t->type == TG_GROUP && t->te <= m->tb &&
      (m->kind == DC_KIND_DEROGATE || m->kind == DC_KIND_INSULT ||
       m->kind == DC_KIND_DEHUMANIZE) &&
      event_subject(R, t, m))
    return DECORUM_OK;
  /* "Islam is a cancer", "the plague called Islam", "the Islam virus": a
   * disease or vermin said of a faith (targets.tsv gives each faith its
   * believers) is said of its people; the data's rows that say so are
   * all labelled hate. A judgement of its ideas ("Islam's laws on
   * apostasy are cruel") is no dehumanizing word and stays an opinion,
   * and so does one said of a state ("Israel's government is a cancer"):
   * a country's people are read only after a people word and "from".
   * After "in" or "under" the faith is where a view is held ("in Islam
   * she is considered half human" tells what it teaches of her); after
   * "radical", "political" and the like it is a movement, not the
   * believers ("Radical Islam is a cancer", as "Islamism" is). */
  if (t && t == t_local && t->type == TG_NP && m->kind == DC_KIND_DEHUMANIZE &&
      t->entry >= 0 && faith_entry(&R->lx->entries[t->entry]) &&
      !(t->tb > 0 && faith_qualified(R, t->tb - 1)) && predicated(R, t, m)) {
    resolved = *t;
    resolved.type = TG_GROUP;
    resolved.categories = R->lx->entries[t->entry].categories;
    t = t_local = &resolved;
  }
  /* Ambiguous words ("animals", "plague") need the group close by and
   * said of it: "women own livestock" is not "women are livestock". */
  if (t && (e->flags & DC_F_AMBIGUOUS) &&
      ((t->type == TG_GROUP && dist > 6 && m->kind != DC_KIND_THREAT &&
        m->kind != DC_KIND_EXCLUSION && !opening_subject(R, t_local, m)) ||
       ((m->kind == DC_KIND_DEHUMANIZE || m->kind == DC_KIND_DEROGATE) &&
        !predicated(R, t_local, m))))
    t = NULL;
  /* An entry flagged `own` attacks only the group it names, by the noun
   * it ends with: "trans women are not women" denies trans women; "men
   * are not women", "trans men are not women" and "nonbinary people are
   * not men or women" deny nobody. */
  if (t && t->type == TG_GROUP && (e->flags & DC_F_OWN) &&
      (!(t->categories & e->categories) ||
       ((unsigned char)e->term[0] >= 0x80 ? !emoji_said_of(R, t, m, e)
                                          : !same_noun(R, t, e))))
    t = NULL;
  /* A stereotype whose entry names the groups it smears ("recruiting
   * kids": gay and trans people) is that smear only of them; said of
   * Muslims running Quran classes it is no slur on anyone. */
  /* A libel (severity 3: organ harvesting, stealing babies, taqiyya)
   * is that libel only of the people it is told of, by name: "Chinese
   * doctors harvest organs from prisoners" is news of a state, and
   * the nationality shares only its kind with "Israeli". */
  if (t && t->type == TG_GROUP && m->kind == DC_KIND_STEREOTYPE &&
      e->group_len &&
      (!(t->categories & e->categories) ||
       (e->severity >= 3 && !libel_names(R, t, e))))
    return DECORUM_OK;
  /* An outburst (flag `vent`: 🤬) at a nation is anger at whatever went
   * wrong there, its team or a trip ("India lost again 🇮🇳🤬", "Lost my
   * luggage in 🇲🇽 🤬"), not at its people, unless a slur names them;
   * at a faith or at migrants it curses them ("immigrants 🤬"). Beside
   * a slur it stays a hostile word, so the slur is no banter. */
  if (t && t->type == TG_GROUP && (e->flags & DC_F_VENT) && !t->slur &&
      !(t->categories & ~NATION_CATEGORIES))
    t = NULL;
  /* "I'll kill you", "I'll break her neck", "I'll kill every Muslim I
   * see": the writer's will in the contraction (flag `will`), right
   * before a severe threat at one person or at a group it names after
   * the verb. A milder verb only at a person and with its object last
   * (bare_object): "I'll beat you at chess", "we'll crush the Germans
   * on Saturday" are games. */
  /* A threat verb that is also play (flag `game`) in a sentence that
   * names the game it is played in, at a team or no group: "I'll murder
   * the Italians at FIFA", "kill the boss on hard mode"; not "I'll
   * murder the Italians at the match", nor at a faith or a race ("kill
   * all the Jews in Minecraft": games are played against nations). */
  if (m->kind == DC_KIND_THREAT && (e->flags & DC_F_GAME) &&
      (!t || t->type != TG_GROUP || !(t->categories & ~NATION_CATEGORIES)) &&
      game_named(R, m)) {
    R->untargeted = true;
    return DECORUM_OK;
  }
  /* "Kick the Germans out of the tournament", "ban the Russians from
   * the Olympics": a nation kept out of a competition (an `object`
   * entry flagged `game` in the sentence) is its team, and so is one
   * said to do what a stereotype says at a sport ("The Welsh will steal
   * everything in the rugby this year"; not what it is: "Mexicans are
   * rapists who play football"). */
  if ((m->kind == DC_KIND_EXCLUSION ||
       (m->kind == DC_KIND_STEREOTYPE && t && t->te <= m->tb &&
        !has_kind_in(R, t->te, m->tb, DC_KIND_COPULA))) &&
      t && t->type == TG_GROUP && !(t->categories & ~NATION_CATEGORIES) &&
      game_in(R, sent_of(R, m->tb))) {
    R->untargeted = true;
    return DECORUM_OK;
  }
  /* "We will absolutely destroy the Scots on Saturday": a milder `game`
   * verb (beat, crush, destroy) of the writer's side at a nation is a
   * result foretold, as "we'll crush the Germans" is (bare_object). */
  if (m->kind == DC_KIND_THREAT && (e->flags & DC_F_GAME) && e->severity < 3 &&
      t && t->type == TG_GROUP && t->tb >= m->te &&
      !(t->categories & ~NATION_CATEGORIES) && m->tb > 0) {
    /* "we will", "we'll", "we're gonna", an adverb between; not "we
     * should", "we must" (a call) */
    bool ours = false, told = false;
    uint32_t c = R->rs->toks[m->tb].clause;
    for (uint32_t k = m->tb, lo = m->tb > 4 ? m->tb - 4 : 0;
         k-- > lo && R->rs->toks[k].clause == c && !ours;) {
      const mention *ps = mention_at(R, k, DC_KIND_PRONOUN_SELF);
      if (ps) {
        ours = told || (ent(R, ps)->flags & DC_F_WILL);
        break;
      }
      if (tok_is_word(R, k, "will") || tok_is_word(R, k, "gonna"))
        told = true;
      else if (!adverb_like(R, k))
        break;
    }
    if (ours) {
      R->untargeted = true;
      return DECORUM_OK;
    }
  }
  /* "The mosque on Church Street has until Friday.": the group given
   * the ultimatum, its subject, and nothing else ("You have until
   * Friday" is a deadline) */
  bool deadline = false;
  if (m->kind == DC_KIND_THREAT && e->term_len > 5 &&
      (memcmp(e->term + e->term_len - 5, "until", 5) == 0 ||
       memcmp(e->term + e->term_len - 5, " till", 5) == 0)) {
    if (!ultimatum(R, m, &resolved))
      return DECORUM_OK;
    t = t_local = &resolved;
    deadline = true;
  }
  /* "kill him": asked once, of the threats that can use it */
  bool at_person = m->kind == DC_KIND_THREAT &&
                   (!t || (e->severity >= 3 && m->tb > 0)) &&
                   (person_object(R, m) || (!t && person_subject(R, m)));
  bool intent = false;
  /* "we'll burn it down with them inside": as severe as can be */
  bool sev3 =
      e->severity >= 3 || (m->kind == DC_KIND_THREAT && people_inside(R, m));
  if (m->kind == DC_KIND_THREAT && m->tb > 0 && (sev3 || bare_object(R, m)) &&
      ((t && t->type == TG_YOU && !object_of_two(R, t->tb)) || at_person ||
       (t && t->type == TG_GROUP && sev3 &&
        (t->tb >= m->te ||
         /* "If Muslims come near my house I'll kill them", "I'll burn
          * them alive": the group named before, by the pronoun its
          * object */
         has_kind_in(R, m->tb + 1, m->te + 1, DC_KIND_PRONOUN_GROUP) ||
         /* ("... with them inside": the pronoun after it) */
         (e->severity < 3 && t_local && t_local->tb >= m->te)))))
    intent = writer_will(R, m->tb);
  /* "if i see a tranny ... im beating them senseless": in the case put
   * for a member, the writer's present progressive is the will too */
  if (member && !intent && m->tb > 0) {
    const tok *vt = &R->rs->toks[m->tb];
    uint32_t k = m->tb - 1;
    /* (a veiled threat, flag `anaphor`, in the writer's case: "...
     * there will be blood") */
    intent =
        (e->flags & DC_F_ANAPHOR) || writer_will(R, m->tb) ||
        (vt->e - vt->b > 4 && memcmp(R->n->text + vt->e - 3, "ing", 3) == 0 &&
         (tok_is_word(R, k, "im") || tok_is_word(R, k, "i'm") ||
          (k > 0 && tok_is_word(R, k, "am") && tok_is_word(R, k - 1, "i"))));
  }
  intent |= laid_down || deadline;
  /* "The only good Indian is a dead Indian": a threat entry flagged
   * `formula` ("is a dead", "are dead") counts only after "only good"
   * and the group, and then as a call; "the plan is a dead end" is
   * nothing. */
  if ((e->flags & DC_F_FORMULA) && !wished) {
    const mention *idm = identity_ending_at(R, m->tb);
    /* "the only good trans people are dead ones": the adjective
     * before a person noun */
    if (!idm && m->tb >= 2 &&
        (kind_at(R, m->tb - 1, DC_KIND_PERSON) ||
         kind_at(R, m->tb - 1, DC_KIND_HUMANITY)))
      idm = identity_ending_at(R, m->tb - 1);
    if (!idm || idm->tb < 2 || !tok_is_word(R, idm->tb - 2, "only") ||
        !tok_is_word(R, idm->tb - 1, "good"))
      return DECORUM_OK;
    /* the identity word is the group, even where alone it would be
     * an adjective ("the only good Indian") */
    resolved = group_of(R, idm);
    t = &resolved;
    intent = true;
  }
  /* "I want all Jews dead", "I don't hate Muslims, I just want them
   * all dead": a wished death is aimed at the group its object names
   * (or a pronoun holding one, resolved above), between the wish and
   * it; at no one else: "I want my ex dead", "I want the Taliban dead"
   * are left to the model, as "someone should shoot the Taliban" is a
   * threat at a non-protected target and no more. A phrase of
   * dehumanizing words ("I want these invaders dead") is read below,
   * as the object of a threat. */
  if (wished) {
    at_person = false;
    intent = true;
    if (t && (t->type != TG_GROUP || !t_local || t_local->tb < wish_from ||
              t_local->te > m->tb))
      t = NULL;
    /* "I want the Germans dead and buried in the final", "Hope the
     * Italians die on penalties": a death wished on a nation (or a
     * people named as one: NATION_CATEGORIES, as game_named) in
     * a sentence that names a game or a sport is its team's defeat */
    if (t && (e->flags & (DC_F_WISHED | DC_F_FORMULA)) &&
        !(t->categories & ~NATION_CATEGORIES) &&
        game_in(R, sent_of(R, m->tb))) {
      R->untargeted = true;
      return DECORUM_OK;
    }
    /* "I want the Americans dead last", "dead drunk", "I wish the
     * Muslims were dead quiet", "I wish the Kurds didn't exist as a
     * stateless people": "dead" and the wished non-existence end
     * their clause, or a short tail does (wished_tail_ok) */
    if (!wished_tail_ok(R, m))
      return DECORUM_OK;
  }
  /* "Muslims paintings should be hung in galleries", "The Muslims'
   * paintings should be hung": the group word before "should be hung"
   * only modifies or owns the noun the subject is (hung_of_thing) */
  if (m->kind == DC_KIND_THREAT && t && t->type == TG_GROUP && t_local &&
      t_local->te < m->tb && tok_is_word(R, m->te - 1, "hung") &&
      hung_of_thing(R, t_local->te, m->tb))
    return DECORUM_OK;
  /* "Open season on the Aussies bowlers today": the nation modifies
   * the noun after it, the people the season is open on */
  if (m->kind == DC_KIND_THREAT && t && t->type == TG_GROUP && t_local &&
      t_local->tb >= m->te && t_local->tb <= m->te + 1 &&
      tok_is_word(R, m->tb, "open") && tok_is_word(R, m->te - 1, "on") &&
      t_local->te + 1 < R->rs->ntok &&
      hung_of_thing(R, t_local->te, t_local->te + 1))
    return DECORUM_OK;
  /* Threats and calls for exclusion are calls: a modal ("should be
   * shot"), a wish, an imperative ("deport them all"), or the writer's
   * will. The same verbs narrate history and news ("Iran hangs gay
   * men", "were kept out"). */
  if ((m->kind == DC_KIND_THREAT || m->kind == DC_KIND_EXCLUSION) && !intent &&
      !is_call(R, m, t)) {
    /* Narrated violence whose doer is a whole group ("black people
     * murder each other", "Islam teaches its followers to kill") casts
     * the group as violent: a stereotype, not a threat. A group that
     * suffers the violence ("five blacks were killed") is not
     * attacked by the telling. */
    const target *doer = NULL;
    if (m->kind == DC_KIND_THREAT && (e->flags & DC_F_VERB) &&
        !headline_passive(R, m))
      doer = group_subject(R, m);
    if (!doer) {
      /* "The Home Office will deport asylum seekers to Rwanda": an
       * institution's act foretold (a modal that calling_modal did
       * not take as a call), news the model must not read as an
       * attack on the group in full either, as history (the past
       * threats above). (Not all narration: "we commend the
       * extermination of Jews" is the model's to catch.) */
      if (t && t->type == TG_GROUP &&
          has_kind_in(R, sent_of(R, m->tb)->tb, m->tb, DC_KIND_MODAL))
        R->untargeted = true;
      /* "Gays were beaten in Chechnya. About time.": an irregular
       * past participle past_form does not know */
      if (m->kind == DC_KIND_THREAT && any_kind(R, DC_KIND_APPROVE)) {
        const target *pv = passive_victim(R, m);
        /* "Someone shot two Muslims. Good.": the group the told
         * deed was done to, after the verb */
        if (!pv && past_deed_of_someone(R, m, sent_of(R, m->tb)))
          pv = victim_after(R, m);
        note_deed(R, m, pv, false);
      }
      /* "He told the Jews to go back to Israel, which is
       * antisemitic": a command reported and denounced is
       * counter-speech, call or not. (Reported alone it is left to
       * the model: "black activists call for lynching white
       * people" is hate on the datasets more often than not.) */
      const mention *neg;
      if (scope_of(R, m->tb, m->te, &neg) == SC_COUNTER) {
        char buf[96];
        return mitigate(R, m->b, m->e, SC_COUNTER,
                        quote_mention(R, m, LIT("'"), buf));
      }
      return DECORUM_OK;
    }
    R->out->rf[DC_RF_STEREOTYPE] += 1;
    return attack_on_group(R, m, doer, DECORUM_SIGNAL_STEREOTYPE, 0.55f, false);
  }
  /* "The killing of Tutsis in 1994 was ...", "Another mosque shooting":
   * a threat word after a determiner, before "of" and a group or after
   * a group word, opening its clause with no call in its sentence, is a
   * noun naming the violence done, as an event is. is_call reads it as
   * a verb opening its clause; asked here, of the few threats read as
   * calls, not of every threat. */
  if (m->kind == DC_KIND_THREAT && !intent && m->tb > 0 &&
      (glue_at(R, m->tb - 1) ||
       ((R->rs->at[m->tb - 1] >> DC_KIND_IDENTITY) & 1) ||
       (m->tb > 1 && ((R->rs->at[m->tb - 2] >> DC_KIND_IDENTITY) & 1)) ||
       tok_is_word(R, m->tb - 1, "another"))) {
    target v;
    if (deed_noun(R, m, &v)) {
      if (any_kind(R, DC_KIND_APPROVE))
        note_deed(R, m, &v, true);
      return DECORUM_OK;
    }
  }
  /* A dehumanizing or derogatory word that itself names a group
   * ("invaders" for migrants, "illegals"): it is its own target when the
   * topic is that group, or an adjective of the group qualifies it
   * ("South American invaders"). */
  if ((!t || t->type != TG_GROUP) && e->categories &&
      m->kind != DC_KIND_INSULT && m->kind != DC_KIND_HATE_VERB) {
    bool topical = !(e->flags & DC_F_AMBIGUOUS) || migrant_word_meant(R, m) ||
                   (m->kind == DC_KIND_DEHUMANIZE && own_word_expelled(R, m));
    /* "those invaders must go back", "Those invaders are flooding our
     * country": pointed at by "these" or "those", and called to be
     * expelled or cast as doing what the trope says they do (a
     * conspiracy action and its object after it in its clause, not
     * "those invaders control the whole map"), the word names the
     * people among us, not an army of the past nor one in a game. */
    uint32_t dem;
    if (!topical && m->kind == DC_KIND_DEHUMANIZE &&
        (dem = dd_demonstrative(R, m)) != UINT32_MAX) {
      uint32_t ce = clause_end(R, m->tb);
      topical = (dd_invaders_taken(R, m, dem) ||
                 (has_kind_in(R, m->te, ce, DC_KIND_CONSP_ACTION) &&
                  has_kind_in(R, m->te, ce, DC_KIND_CONSP_OBJECT))) &&
                !past_war(R, m) && !game_in(R, sent_of(R, m->tb));
    }
    if (!topical && t && t->type == TG_GROUP)
      topical = true;
    /* "kids like that should've been screened out before birth",
     * "people like him should have been screened out in the womb": a
     * wish that names its group, said of people (a person noun or a
     * humanity word before it in its clause); not of conditions
     * ("heart defects should be screened out before birth") */
    if (!topical && m->kind == DC_KIND_THREAT) {
      const dc_rules_scratch *rs = R->rs;
      for (uint32_t k = sent_of(R, m->tb)->tb; k < m->tb && !topical; k++)
        topical =
            rs->toks[k].clause == rs->toks[m->tb].clause &&
            (kind_at(R, k, DC_KIND_PERSON) || kind_at(R, k, DC_KIND_HUMANITY));
    }
    if (!topical && m->tb > 0 && !(e->flags & DC_F_OWN))
      topical = group_ends_at(R, m->tb) || identity_ends_at(R, m->tb);
    if (topical) {
      target self = group_of(R, m);
      R->out->rf[m->kind == DC_KIND_DEHUMANIZE   ? DC_RF_DEHUMANIZATION
                 : m->kind == DC_KIND_THREAT     ? DC_RF_THREAT
                 : m->kind == DC_KIND_EXCLUSION  ? DC_RF_EXCLUSION
                 : m->kind == DC_KIND_STEREOTYPE ? DC_RF_STEREOTYPE
                                                 : DC_RF_DEROGATION] += 1;
      return attack_on_group(R, m, &self, sig, w, false);
    }
  }
  /* An insult that names what the person is ("you stupid Muslim",
   * "dirty Jew") attacks them for it; so does "like all Mexicans". */
  if ((!t || t->type != TG_GROUP) && !by_doer &&
      !(e->flags & (DC_F_OWN | DC_F_VENT)) &&
      (m->kind == DC_KIND_INSULT || m->kind == DC_KIND_DEROGATE ||
       m->kind == DC_KIND_DEHUMANIZE || m->kind == DC_KIND_STEREOTYPE)) {
    const mention *idm = NULL;
    for (uint32_t k = m->te; k < m->te + 2 && k < R->rs->ntok && !idm; k++)
      idm = mention_at(R, k, DC_KIND_IDENTITY);
    /* "the non-white parasites", "Muslim vermin": the identity word
     * right before the attack noun names who it means. */
    bool any_adj = false;
    if (!idm && m->tb > 0)
      idm = adjective_names(R, m, &any_adj);
    if (idm && (!(ent(R, idm)->flags & DC_F_AMBIGUOUS) || any_adj)) {
      resolved = group_of(R, idm);
      t = &resolved;
    } else {
      const sentence *s2 = sent_of(R, m->tb);
      uint32_t k = next_like(R, m->te);
      if (k + 1 < s2->te)
        for (size_t i = R->rs->nt > FEW_TARGETS ? targets_from(R->rs, k + 1)
                                                : 0;
             i < R->rs->nt && R->rs->t[i].tb <= k + 3; i++)
          if (R->rs->t[i].type == TG_GROUP && R->rs->t[i].tb > k &&
              quantified(R, R->rs->t[i].tb))
            t = &R->rs->t[i];
    }
  }
  /* "Burn down the migrant hotels", "torch the Jewish school": a threat
   * done to places (flag `place`) at a place an identity adjective names
   * as the group's (a determiner, the adjective, then the noun right
   * after the verb) threatens the group. */
  /* (a non-protected target in another clause is not the place's:
   * "..., police wont do anything") */
  if ((!t || t->type == TG_OBJECT ||
       (t->type == TG_NP &&
        R->rs->toks[t->tb].clause != R->rs->toks[m->tb].clause)) &&
      m->kind == DC_KIND_THREAT && (e->flags & DC_F_PLACE)) {
    uint32_t k = m->te;
    if (k < R->rs->ntok && is_determiner(R, k))
      k++;
    const mention *idm =
        k + 1 < R->rs->ntok ? mention_at(R, k, DC_KIND_IDENTITY) : NULL;
    /* Not a nation's: "torch the Chinese buffet", "bomb the Italian
     * restaurant", "set fire to the Irish pub" are a meal and a night
     * out. */
    /* Their homes are: "burn the gypsy camp down", "torch the
     * Somali houses". Only dwellings: a nation's quarter, site or
     * village is a place ("bomb the French quarter in New Orleans
     * lol", "torch the Italian site"). */
    static const char *const homes[] = {"camp",     "camps",  "houses", "homes",
                                        "caravans", "shacks", "huts"};
    if (idm && (ent(R, idm)->flags & DC_F_ADJ) &&
        !(ent(R, idm)->flags & DC_F_AMBIGUOUS) &&
        ((ent(R, idm)->categories & ~NATION_CATEGORIES) ||
         word_among(R, idm->te, idm->te + 1, homes,
                    sizeof homes / sizeof *homes)) &&
        R->rs->toks[idm->te].type == TK_WORD &&
        R->rs->toks[idm->te].sent == R->rs->toks[m->tb].sent) {
      resolved = group_of(R, idm);
      t = &resolved;
    }
  }
  /* "Deport the invaders", "shame it didn't burn with the invaders
   * inside": a threat or a call for exclusion at a dehumanizing word
   * that names its own group when the topic is that group (as it is
   * its own target above) threatens the group: the word among the four
   * tokens after the verb, in its clause. */
  if ((!t || t->type == TG_OBJECT) &&
      (m->kind == DC_KIND_THREAT || m->kind == DC_KIND_EXCLUSION) &&
      any_kind(R, DC_KIND_DEHUMANIZE)) {
    uint32_t clause = R->rs->toks[m->tb].clause;
    for (uint32_t k = m->te;
         k < m->te + 4 && k < R->rs->ntok && R->rs->toks[k].clause == clause;
         k++) {
      const mention *d = mention_at(R, k, DC_KIND_DEHUMANIZE);
      if (!d)
        continue;
      const dc_entry *de = ent(R, d);
      if (de->categories &&
          (!(de->flags & DC_F_AMBIGUOUS) || migrant_word_meant(R, d) ||
           own_word_expelled(R, d))) {
        resolved = group_of(R, d);
        t = &resolved;
      }
      break;
    }
  }
  /* "Gas these animals", "those invaders must go back", "these vermin
   * need to be removed": a threat or call for exclusion aimed at a
   * dehumanizing word after "these" or "those" (dd_taken) is aimed at
   * people called so: the group the word names (invaders), or the one
   * the demonstrative points back to (dd_resolve), else people of
   * unknown identity, weighed as demonstrative_dehum weighs them. (The
   * guard repeats the one above on purpose: the two under one guard
   * cost 59K instructions in rule_attack on the bench corpus.) */
  float dd_w = 1.0f;
  if ((!t || t->type == TG_OBJECT) &&
      (m->kind == DC_KIND_THREAT || m->kind == DC_KIND_EXCLUSION) &&
      any_kind(R, DC_KIND_DEHUMANIZE)) {
    dc_rules_scratch *rs = R->rs;
    uint32_t lo = m->tb > 7 ? m->tb - 7 : 0;
    for (size_t i = rs->first[lo]; i < rs->nm && rs->m[i].tb < m->te + 5; i++) {
      const mention *x = &rs->m[i];
      uint32_t dem;
      if (x->kind != DC_KIND_DEHUMANIZE || (x->tb < m->te && x->te > m->tb) ||
          (dem = dd_demonstrative(R, x)) == UINT32_MAX ||
          !dd_taken(R, m, dem, x))
        continue;
      float dw = demonstrative_dehum(R, x, dem, m, &resolved, &from_ctx);
      if (dw > 0.0f) {
        t = &resolved;
        dd_w = dw;
      }
      break;
    }
  }
  w *= dd_w;
  if (!t && wished)
    return DECORUM_OK;
  /* "ugh my flare-up is back, this fucking disease can go to hell",
   * "cancer can go to hell": a tell-off whose subject, before a modal,
   * is a noun naming no one (no person, identity, insult or slur word,
   * no pronoun) is said to a thing, not to the person addressed. */
  if (!t && m->kind == DC_KIND_INSULT && thing_told_off(R, m))
    return DECORUM_OK;
  /* An insult with nobody named is said to someone ("Shut up, loser"). */
  if (!t && m->kind == DC_KIND_INSULT) {
    resolved = (target){m->tb, m->tb, 0, -1, TG_YOU, 0, 0, 0, 0, 0, NO_TARGET};
    t = &resolved;
  }
  /* A threat at "him" or "her" ("I will kill him", "break her neck"),
   * or at "them" with nobody named ("shoot them all"), is aimed at a
   * person, not a group: a threat all the same. */
  bool person = (!t && at_person) || t == &someone;
  if (person)
    t = &someone;
  /* "Burn it down", "shame it didn't burn down": a threat done to places
   * at a bare "it" means the place the context names as a group's
   * ("Mosque vandalised", "Asylum hotel fire"), and threatens the group;
   * under a context that names no such place ("Muslim chef wins baking
   * contest": the cake) it threatens no one. */
  bool it_place = !t && R->n_ctx && m->kind == DC_KIND_THREAT &&
                  (e->flags & DC_F_PLACE) && at_bare_it(R, m);
  if (it_place && context_place(R, &resolved)) {
    t = &resolved;
    from_ctx = true;
  }
  /* Nothing in the comment to attach to, but the thread is about a group
   * ("What an infestation." under "New asylum center opens"). */
  if (!t && !it_place && R->rs->nt == 0 && m->kind != DC_KIND_INSULT &&
      m->kind != DC_KIND_HATE_VERB && !R->denounce_any && !said_of_one(R, m) &&
      context_group(R, &resolved, &from_ctx))
    t = &resolved; /* not "that's antisemitic garbage", which judges */
  /* "The real virus isn't corona; it's the Asians" */
  if (!t && m->kind == DC_KIND_DEHUMANIZE)
    t = contrast_names(R, m);
  /* Inside a hate code that names its group ("Hitler should have
   * finished the job"), the code says who. */
  if (!t) {
    const mention *c = code_around(R, m);
    if (c) {
      /* not marked coded: rule_code gives the code its span */
      resolved = group_of(R, c);
      t = &resolved;
    }
  }
  /* ...or is about migration without naming anyone ("What an
   * infestation." under "New asylum center opens"); or, for people in
   * the plural, its sentence is ("The boats keep bringing cockroaches
   * to our shores", "Another boatload of parasites landed today"): the
   * migrants, inferred from the words around, weigh as people the
   * comment does not name (review, not reject: "rats crossing the
   * Channel on ferries" may be rats). */
  if (!t && m->kind == DC_KIND_DEHUMANIZE && R->rules->migrant_entry >= 0 &&
      !said_of_one(R, m)) {
    bool ctx = R->rs->nt == 0 && migration_in_context(R);
    /* (a flow of them in a comment about migration says who they
     * are as plainly as a linking verb: weighed in full) */
    bool flow = !ctx && pours_in(R, m) && !past_war(R, m) &&
                migration_context(R) && !animals_beside_group(R, m);
    if (ctx || flow || (migrants_in_sentence(R, m) && !past_war(R, m))) {
      memset(&resolved, 0, sizeof resolved);
      resolved.type = TG_GROUP;
      resolved.entry = R->rules->migrant_entry;
      resolved.categories = 1u << DECORUM_CATEGORY_IMMIGRATION;
      t = &resolved;
      from_ctx = ctx;
      if (!ctx && !flow)
        w *= 0.8f;
    }
  }
  if (!t) {
    /* people of unknown identity weigh less (0.68 for "animals":
     * review, not reject); pest control, farming: untargeted */
    uint32_t dem = dd_demonstrative(R, m);
    float dw = dem == UINT32_MAX
                   ? 0.0f
                   : demonstrative_dehum(R, m, dem, NULL, &resolved, &from_ctx);
    if (dw > 0.0f) {
      t = &resolved;
      w *= dw;
    }
  }
  if (!t) {
    R->untargeted = true;
    return DECORUM_OK;
  }
  /* "Go back to Africa, you monkey": dehumanizing the person addressed
   * in a comment that attacks a group addresses them as one of it. */
  if (t->type == TG_YOU && m->kind == DC_KIND_DEHUMANIZE &&
      addressed_as_member(R, m, &resolved)) {
    resolved.tb = t->tb;
    resolved.te = t->te;
    t = &resolved;
  }
  /* A crime noun said of one person described by an identity word ("the
   * rapist was a Black man") tells what one man did; a stereotype is
   * said of a group ("Black men are rapists"). Such news of a crime (a
   * crime noun, flag `noun`, said of the person) names a group and
   * attacks no one: the model's reading of the crime beside the group
   * counts as for news told of the past (untargeted), not in full. Not
   * a joke's set-up, which names one member to mock the group ("What do
   * you call a black man with ...?"). */
  /* "The killers were Muslims", "the rapist was an immigrant": a crime
   * noun (flag `noun`) as the definite subject, a past linking verb,
   * then the group: who the ones of one deed were, news of the past
   * (untargeted). The group as the subject says what the group is
   * ("Muslims are killers"); "the real killers are ..." names the
   * group the word. */
  if (t->type == TG_GROUP && m->kind == DC_KIND_STEREOTYPE &&
      (e->flags & DC_F_NOUN) && m->tb > 0 && tok_is_word(R, m->tb - 1, "the") &&
      (tok_is_word(R, m->te, "was") || tok_is_word(R, m->te, "were")) &&
      (t->tb == m->te + 1 || (t->tb == m->te + 2 && a_or_an(R, m->te + 1)))) {
    R->untargeted = true;
    return DECORUM_OK;
  }
  /* "Diabetes among South Asians is a ticking time bomb", "Youth
   * unemployment among Black men is a ticking time bomb": the group
   * after a preposition before it is where a condition strikes, and the
   * condition is the bomb; "Every Muslim is a ticking time bomb" says it
   * of the people. */
  if (t->type == TG_GROUP && m->kind == DC_KIND_STEREOTYPE && e->term_len > 8 &&
      memcmp(e->term, "ticking ", 8) == 0 && t->te <= m->tb && t->tb > 0) {
    /* (not "of": "the number of Muslims in Europe is a ticking time
     * bomb" says it of them) */
    static const char *const prep[] = {"among", "amongst", "in", "for"};
    uint32_t a = t->tb > 2 ? t->tb - 2 : 0;
    if (word_among(R, a, t->tb, prep, sizeof prep / sizeof *prep)) {
      R->untargeted = true;
      return DECORUM_OK;
    }
  }
  if (t->type == TG_GROUP && m->kind == DC_KIND_STEREOTYPE && t->te > t->tb &&
      !(e->flags & DC_F_JOKE)) {
    const mention *head = mention_at(R, t->te - 1, DC_KIND_PERSON);
    /* (a collective noun names the group: "the white race",
     * "the migrant community"; so does any member of it: "every trans
     * woman is a rapist") */
    bool every = quantified(R, t->tb) && kind_at(R, t->te, DC_KIND_COPULA);
    /* ... and so is one quantified before its verb ("every Pakistani
     * man treats women like property"); not one the writer narrows
     * to those met ("every Pakistani man I've dated ..."), unless the
     * writer puts the trait down to the group ("... it's the culture,
     * not the individual"). */
    if (!every && quantified(R, t->tb) && t->te < R->rs->ntok &&
        R->rs->toks[t->te].sent == R->rs->toks[t->tb].sent && t->te <= m->tb) {
      bool inborn = essentialized(R, m);
      if (inborn || predicated(R, t, m))
        every =
            inborn ||
            !(mention_at(R, t->te, DC_KIND_PRONOUN_SELF) ||
              tok_is_word(R, t->te, "i") || tok_is_word(R, t->te, "who") ||
              tok_is_word(R, t->te, "that") || tok_is_word(R, t->te, "whom"));
    }
    /* "My neighbour, a Muslim, is a drug dealer": a member named in
     * apposition (commas around "a ...") to a singular person noun is
     * that one person described; "a Muslim is a drug dealer" alone
     * may be said of any member, and so may the one person when the
     * writer goes on to all of them ("..., they all are"). */
    const tok *tk = R->rs->toks;
    if (!head && t->tb >= 3 && t->te < R->rs->ntok &&
        (tok_is_word(R, t->tb - 1, "a") || tok_is_word(R, t->tb - 1, "an")) &&
        tk[t->tb - 2].type == TK_PUNCT && tk[t->tb - 2].ch == ',' &&
        tk[t->te].type == TK_PUNCT && tk[t->te].ch == ',' &&
        !generalised_after(R, m))
      head = mention_at(R, t->tb - 3, DC_KIND_PERSON);
    if (head && !every && !plural_word(R, head->b, head->e) &&
        !tok_is_word(R, head->tb, "race") &&
        !tok_is_word(R, head->tb, "community") &&
        !tok_is_word(R, head->tb, "population")) {
      if (e->flags & DC_F_NOUN)
        R->untargeted = true;
      return DECORUM_OK;
    }
    /* "the Nigerian scammer was extradited": a person noun of the
     * lexicon (flag `noun`) in the singular right after the adjective
     * is one man; not news to read as untargeted, as the noun there
     * may be an adjective itself ("jew criminal plot") */
    if ((e->flags & DC_F_NOUN) && t->te == m->tb && !plural_hit(R, m))
      return DECORUM_OK;
  }
  /* A team or its fans judged for their play or their conduct: a role
   * in a sport (a person noun flagged `game`) after a nationality names
   * a team or its supporters, and "Nigerian players are incapable of
   * defending set pieces", "English fans can never be trusted with
   * alcohol" judge them as such, and so does a simile for how they
   * acted ("the Irish fans celebrated like animals"). Calling them
   * animals ("Nigerian players are monkeys", "are like animals"), and
   * any group named by race or faith ("black players are incapable of
   * leading"), stay attacks. */
  bool manner = m->kind == DC_KIND_DEHUMANIZE && m->tb > 2 &&
                tok_is_word(R, m->tb - 1, "like") &&
                R->rs->toks[m->tb - 2].type == TK_WORD &&
                !kind_at(R, m->tb - 2, DC_KIND_COPULA);
  if (t->type == TG_GROUP && (m->kind == DC_KIND_DEROGATE || manner) &&
      t->te > t->tb && !(t->categories & ~NATION_CATEGORIES)) {
    const mention *head = mention_at(R, t->te - 1, DC_KIND_PERSON);
    if (head && (ent(R, head)->flags & DC_F_GAME)) {
      R->untargeted = true;
      return DECORUM_OK;
    }
  }
  /* A put-down of a performance (flag `game`: useless, rubbish, a
   * disgrace, pathetic) said of a people named by its nationality alone
   * ("The Scots were rubbish tonight", "the French are useless at
   * stopping the boats"): its team or its state judged, an insult as at
   * a government, not hate. Words for what people are ("Romanians are
   * dirty", "the French are cowards"), and any group named by race,
   * ethnicity or faith, stay attacks. */
  /* So is a beating that is no killing (flag `game`, not `severe`:
   * crush, destroy, thrash) done to a people named by its nationality
   * alone ("Crush the Welsh, lads!", "we'll destroy the French on
   * Saturday"): its team beaten, aimed at no one. */
  /* So is a people named by its nationality alone said to scorn
   * schooling or work (a stereotype flagged `game`: "Americans don't
   * value education"): a complaint about a country and its habits;
   * of a people named by race, ethnicity or faith it is the smear. */
  if (t->type == TG_GROUP && (e->flags & DC_F_GAME) &&
      m->kind == DC_KIND_STEREOTYPE && nationality_alone(t) &&
      !faith_or_race_named(R)) {
    R->untargeted = true;
    return DECORUM_OK;
  }
  if (t->type == TG_GROUP && (e->flags & DC_F_GAME) &&
      m->kind == DC_KIND_THREAT && !(e->flags & DC_F_SEVERE) &&
      nationality_alone(t) && !faith_or_race_named(R)) {
    R->untargeted = true;
    return DECORUM_OK;
  }
  if (t->type == TG_GROUP && (e->flags & DC_F_GAME) &&
      (m->kind == DC_KIND_DEROGATE || m->kind == DC_KIND_INSULT ||
       m->kind == DC_KIND_DEHUMANIZE) &&
      nationality_alone(t)) {
    target nation = *t;
    nation.type = TG_NP;
    resolved = nation;
    t = &resolved;
  }
  /* "Women shouldn't be pundits. Stick to the kitchen love, the men are
   * talking": a derogation that names its own group (female for
   * "stick to the kitchen") is said of that group, not of another one
   * the sentence happens to name. */
  /* (another group of the same kind alone: "the men"; "black women"
   * are of it) */
  if (t->type == TG_GROUP && m->kind == DC_KIND_DEROGATE && e->group_len &&
      t->entry >= 0 && t->categories == e->categories &&
      !same_group(&R->lx->entries[t->entry], e)) {
    resolved = group_of(R, m);
    t = &resolved;
  }
  /* (the libel's people checked again of a group found only now, after
   * the attack word: "Franco's regime stole babies from Spanish
   * Republican mothers" tells of a state's crime, not the libel of the
   * Roma) */
  if (t->type == TG_GROUP && m->kind == DC_KIND_STEREOTYPE &&
      e->severity >= 3 && e->group_len &&
      (!(t->categories & e->categories) || !libel_names(R, t, e) ||
       medical_question(R, m)))
    return DECORUM_OK;
  if (t->type == TG_GROUP) {
    /* (an expulsion by force is a threat: armed_expulsion) */
    if (m->kind == DC_KIND_EXCLUSION && t_local && armed_expulsion(R, m)) {
      sig = DECORUM_SIGNAL_THREAT;
      w = 0.88f;
    }
    /* Insults aimed at a group are derogation; after a generalizing
     * frame ("are all hypocrites") they are a stereotype. */
    if (sig == DECORUM_SIGNAL_INSULT) {
      /* "Roma are liars": an insult the lexicon also holds as a
       * stereotype at the same place is read once, as that */
      /* (in the plural: one "Muslim liar" is an insult of one
       * man, which the stereotype noun leaves alone) */
      const mention *st = mention_at(R, m->tb, DC_KIND_STEREOTYPE);
      if (st && st->te == m->te && plural_hit(R, st))
        return DECORUM_OK;
      sig = DECORUM_SIGNAL_DEROGATION;
      for (uint32_t k = m->tb > 2 ? m->tb - 2 : 0; k < m->tb; k++) {
        const mention *fr = mention_at(R, k, DC_KIND_STEREOTYPE);
        if (fr && fr->te >= m->tb)
          sig = DECORUM_SIGNAL_STEREOTYPE;
      }
    }
    switch (sig) {
    case DECORUM_SIGNAL_DEHUMANIZATION:
      R->out->rf[DC_RF_DEHUMANIZATION] += 1;
      break;
    case DECORUM_SIGNAL_THREAT:
      R->out->rf[DC_RF_THREAT] += 1;
      break;
    case DECORUM_SIGNAL_EXCLUSION:
      R->out->rf[DC_RF_EXCLUSION] += 1;
      break;
    case DECORUM_SIGNAL_STEREOTYPE:
      R->out->rf[DC_RF_STEREOTYPE] += 1;
      break;
    default:
      R->out->rf[m->kind == DC_KIND_HATE_VERB ? DC_RF_HATE_VERB
                                              : DC_RF_DEROGATION] += 1;
      break;
    }
    /* "Afghans are all rapists", "All Muslims are terrorists",
     * "they're all thieves", "trans people are all mentally ill",
     * "Moroccans are thieves, every single one of them": a crime or a
     * hostile trait (a stereotype of severity 2, not a frame) said of
     * every member names a whole people so, a moderator's reject; the
     * trait alone ("Albanians are criminals") stays for review, and
     * so does a mild one with the quantifier ("they're all cheap").
     * A contemptuous noun of severity 2 said so is the same ("trans
     * women are all perverts, every one of them", "Muslims are all
     * degenerates"); an insult ("men are all idiots") is not one.
     * "Malays are lazy lah, that's why still need the quota", "black
     * people dont value education, thats why the school is failing":
     * a stereotype said of the group and made the cause of what
     * follows is held as a fact of the whole group, the same reject.
     * A people named by its nationality alone and called lazy
     * ("Americans are lazy, that's why tuition is so high") is mostly
     * a complaint about a country, for review (said to scorn
     * schooling, a stereotype flagged `game`, it was left as aimed at
     * no one above); a crime noun said of it ("Nigerians are
     * scammers, that's why ...") is not. */
    if ((m->kind == DC_KIND_STEREOTYPE ||
         (m->kind == DC_KIND_DEROGATE && (e->flags & DC_F_NOUN) &&
          R->n_ingroup_claims == 0 && t_local &&
          !tok_is_word(R, t_local->tb, "we") &&
          !tok_is_word(R, t_local->tb, "us"))) &&
        e->severity >= 2 && !(e->flags & (DC_F_ESSENCE | DC_F_JOKE)) &&
        t_local &&
        (said_of_all(R, t_local, m) ||
         (m->kind == DC_KIND_STEREOTYPE && concluded_from(R, m) &&
          ((e->flags & DC_F_NOUN) || !nationality_alone(t_local)))) &&
        !part_of_group(R, t_local) && !believed_of(R, t_local, m) &&
        ((e->flags & DC_F_NOUN) || trait_of(R, t_local, m)))
      w = 0.88f;
    /* "They're born thieves, it's in the blood", "Gays are pedophiles,
     * always have been": a crime or a hostile trait (severity 2) said
     * to be inborn is said of every member, the same reject; not of
     * a share of them ("45% of Americans are too lazy to vote"). */
    if (m->kind == DC_KIND_STEREOTYPE && e->severity >= 2 &&
        !(e->flags & DC_F_ESSENCE) && t_local && essentialized(R, m) &&
        !part_of_group(R, t_local) && !believed_of(R, t_local, m))
      w = 0.88f;
    /* "Israelis harvest organs", "gypsies still steal babies": a
     * libel told of a people for centuries (a stereotype of severity
     * 3, which counts only of the people it names) is the same
     * reject, said of them at all. */
    if (m->kind == DC_KIND_STEREOTYPE && e->severity >= 3 && t_local &&
        !part_of_group(R, t_local) && !believed_of(R, t_local, m))
      w = 0.88f;
    /* "gay teachers are grooming kids in every school": a crime
     * (severity 2) the group is said to do everywhere ("in every
     * ...", "in all ...", "everywhere" right after it) is said of
     * all of it, the same reject. */
    if (m->kind == DC_KIND_STEREOTYPE && e->severity >= 2 && t_local &&
        t->te <= m->tb && m->te + 1 < R->rs->ntok &&
        !viewed_as(R, t->te, m->tb) &&
        ((tok_is_word(R, m->te, "in") && (tok_is_word(R, m->te + 1, "every") ||
                                          tok_is_word(R, m->te + 1, "all"))) ||
         tok_is_word(R, m->te, "everywhere")))
      w = 0.88f;
    /* "Muslims should not be allowed to vote", "Deport every single
     * Roma, citizen or not": a civil right denied, or the whole group
     * expelled for who they are, is the same reject (rights_denied). */
    if (m->kind == DC_KIND_EXCLUSION && t_local && w < 0.88f &&
        rights_denied(R, m, t))
      w = 0.88f;
    if (t->coded)
      R->out->rf[DC_RF_CODED] += 1;
    decorum_status st = attack_on_group(R, m, t, sig, w, from_ctx);
    if (st != DECORUM_OK || !t->coded)
      return st;
    return code_word(R, t);
  }
  if (t->type == TG_YOU || person ||
      (t->type == TG_NP && sig != DECORUM_SIGNAL_STEREOTYPE)) {
    if (sig == DECORUM_SIGNAL_EXCLUSION || sig == DECORUM_SIGNAL_STEREOTYPE)
      return DECORUM_OK;
    decorum_attribute attr =
        sig == DECORUM_SIGNAL_THREAT ? DECORUM_THREAT : DECORUM_INSULT;
    decorum_signal osig =
        sig == DECORUM_SIGNAL_THREAT ? sig : DECORUM_SIGNAL_INSULT;
    /* "I hate the government": an opinion; "this tax policy is
     * cancer": a metaphor about an institution or an idea is
     * criticism, not an insult. */
    /* "Someone should kill this bill", "destroy the system": a
     * threat verb at a bill, a policy or an ideology (a target flagged
     * `thing`) hurts no one. */
    /* "The Catholic Church needs to catch up or die out": an end
     * that institutions, parties and customs come to (flag `fade`)
     * is no violence done to anyone; nor is a fight an institution
     * is promised ("The government wants a fight with the unions,
     * they'll get one": flag `anaphor`). */
    if (m->kind == DC_KIND_HATE_VERB ||
        (t->type == TG_NP && m->kind == DC_KIND_DEHUMANIZE) ||
        (t->type == TG_NP && m->kind == DC_KIND_THREAT &&
         ((ent(R, m)->flags & DC_F_FADE) ||
          ((ent(R, m)->flags & DC_F_ANAPHOR) &&
           kind_at(R, m->tb, DC_KIND_PRONOUN_GROUP)))) ||
        (t->type == TG_NP && m->kind == DC_KIND_THREAT && t->entry >= 0 &&
         (R->lx->entries[t->entry].flags & DC_F_THING))) {
      R->untargeted = true;
      return DECORUM_OK;
    }
    /* "kill the boss in phase 2 before he enrages or the whole raid
     * wipes": a threat at a person noun in a comment about a video
     * game (game_talk) is play, aimed at no one */
    if (sig == DECORUM_SIGNAL_THREAT && t->type != TG_YOU && game_talk(R, m)) {
      R->untargeted = true;
      return DECORUM_OK;
    }
    /* "My boss is going to murder me when he sees the invoice", "my
     * wife will kill me": a threat at the writer, by a person or a
     * body the writer names before it, is what the writer fears (or
     * jokes of), no threat the writer makes */
    if (sig == DECORUM_SIGNAL_THREAT && t->type == TG_NP && t->te <= m->tb &&
        tok_is_word(R, m->te, "me")) {
      R->untargeted = true;
      return DECORUM_OK;
    }
    return attack_on_other(R, m, t, osig, attr, w);
  }
  /* the object the insult is said of, by a linking verb, in a
   * sentence that names no group ("this printer is a piece of shit";
   * not "the dumptruck driving mexican asshole") */
  if (t->type == TG_OBJECT && m->kind == DC_KIND_INSULT && t->te <= m->tb &&
      has_kind_in(R, t->te, m->tb, DC_KIND_COPULA) &&
      !has_kind_in(R, sent_of(R, m->tb)->tb, sent_of(R, m->tb)->te,
                   DC_KIND_IDENTITY))
    R->insults_at_things++;
  return DECORUM_OK;
}

/* Is the stereotype m said to be inborn: "born" right before it ("born
 * thieves"), or an essentializing frame (flag `essence`: "it's in the
 * blood", "by nature", "always have been") in its sentence, or opening
 * the next one ("g y p s i e s = thieves. always have been always will
 * be")? A frame alone is a generalization and stays what it weighs. */
static bool essentialized(const run *R, const mention *m) {
  /* (not a birthplace: "Canadian-born terrorists") */
  if (m->tb > 0 && tok_is_word(R, m->tb - 1, "born") &&
      !(m->tb > 1 && R->rs->toks[m->tb - 2].type == TK_PUNCT &&
        R->rs->toks[m->tb - 2].ch == '-'))
    return true;
  /* "Roma kids are taught to pickpocket", "raised to hate": a trait
   * the whole group is brought up to, from childhood. */
  if (m->tb > 1 && tok_is_word(R, m->tb - 1, "to") &&
      (tok_is_word(R, m->tb - 2, "taught") ||
       tok_is_word(R, m->tb - 2, "raised") ||
       tok_is_word(R, m->tb - 2, "bred") ||
       tok_is_word(R, m->tb - 2, "trained") ||
       tok_is_word(R, m->tb - 2, "groomed") ||
       tok_is_word(R, m->tb - 2, "conditioned") ||
       (m->tb > 2 && tok_is_word(R, m->tb - 2, "up") &&
        tok_is_word(R, m->tb - 3, "brought"))))
    return true;
  /* "Somalis are naturally violent", "Roma are thieves by birth",
   * "violent from birth", "Black people are genetically less
   * intelligent" (race science): the trait said to be their nature */
  if (m->tb > 1 &&
      (tok_is_word(R, m->tb - 1, "naturally") ||
       tok_is_word(R, m->tb - 1, "genetically")) &&
      kind_at(R, m->tb - 2, DC_KIND_COPULA))
    return true;
  if (m->te + 1 < R->rs->ntok &&
      (tok_is_word(R, m->te, "by") || tok_is_word(R, m->te, "from")) &&
      tok_is_word(R, m->te + 1, "birth"))
    return true;
  /* "women are too emotional to be trusted", "too lazy to work": a
   * trait that unfits the group for something is said to be what its
   * members are, an inability. */
  /* ("r 2 lazy to work", "too lazy 2 work": "2" for "too" or "to") */
  if ((tok_is_word(R, m->te, "to") || tok_is_word(R, m->te, "2")) &&
      ((m->tb > 0 &&
        (tok_is_word(R, m->tb - 1, "too") || tok_is_word(R, m->tb - 1, "2"))) ||
       tok_is_word(R, m->tb, "too")))
    return true;
  uint32_t si = R->rs->toks[m->tb].sent;
  const sentence *s = &R->rs->s[si];
  uint32_t end = s->te;
  if (si + 1 < R->rs->ns)
    end = R->rs->s[si + 1].tb + 3 < R->rs->s[si + 1].te
              ? R->rs->s[si + 1].tb + 3
              : R->rs->s[si + 1].te;
  for (uint32_t k = s->tb; k < end; k++) {
    if ((k >= m->tb && k < m->te) || !kind_at(R, k, DC_KIND_STEREOTYPE))
      continue;
    /* "always" and "always have been" start together */
    for (size_t i = R->rs->first[k]; i < R->rs->nm && R->rs->m[i].tb == k; i++)
      if (R->rs->m[i].kind == DC_KIND_STEREOTYPE &&
          (ent(R, &R->rs->m[i])->flags & DC_F_ESSENCE))
        return true;
  }
  return false;
}

/* Is the stereotype m made the cause of what follows: "that's why",
 * "which is why" opening one of the next few words of its sentence, or
 * the next sentence ("Dalits are dirty and lazy, thats why they are
 * poor")? Not in a question ("is that why ...?"). */
static bool concluded_from(const run *R, const mention *m) {
  static const char *const cause[] = {"that's", "thats", "which", "this",
                                      "that"};
  const tok *tk = R->rs->toks;
  uint32_t si = tk[m->tb].sent;
  if (R->rs->s[si].question)
    return false;
  uint32_t end = m->te + CONCLUSION_WINDOW;
  if (end > R->rs->ntok)
    end = R->rs->ntok;
  for (uint32_t k = m->te; k + 1 < end; k++) {
    if (tk[k].sent != si && (tk[k].sent != si + 1 || R->rs->s[si + 1].question))
      break;
    if (!word_among(R, k, k + 1, cause, sizeof cause / sizeof *cause))
      continue;
    uint32_t w = k + 1;
    /* ("that is why") */
    if (tok_is_word(R, w, "is") && w + 1 < end)
      w++;
    if (tok_is_word(R, w, "why") && (k == 0 || tk[k - 1].type == TK_PUNCT ||
                                     tk[k - 1].clause != tk[k].clause))
      return true;
  }
  return false;
}

/* Is the libel m's sentence a question of medical ethics: "whether"
 * before it, or a word of donation around it ("Halacha debates whether
 * Jewish doctors may harvest organs from brain-dead donors", "... from
 * donors who consented")? The libel tells of a theft, not of a transplant
 * a doctor may or may not perform. */
static bool medical_question(const run *R, const mention *m) {
  static const char *const donation[] = {
      "donor",      "donors",      "donation",        "donations", "donated",
      "transplant", "transplants", "transplantation", "brain-dead"};
  const sentence *s = sent_of(R, m->tb);
  return word_among(R, s->tb, m->tb, (const char *const[]){"whether"}, 1) ||
         word_among(R, s->tb, s->te, donation,
                    sizeof donation / sizeof *donation);
}

/* Does the group t name one of the people the libel e is told of (its
 * entry and e share a group by name, not only its kind)? */
static bool libel_names(const run *R, const target *t, const dc_entry *e) {
  if (t->entry < 0)
    return false;
  const char *p = NULL;
  group_item g;
  while (entry_group_next(&R->lx->entries[t->entry], &p, &g))
    if (names_group(e, g.name, g.len))
      return true;
  return false;
}

/* Is the trait m (no noun) said of the group t, not of a noun it stands
 * before? Said of it by a linking verb or side by side (predicated:
 * "Jews are always scheming", "Indians smell of curry"), and not
 * attributive: "are victims of violent attacks", "lost someone to
 * violent antisemitism". After it a word may only go on the predicate
 * ("violent and lazy", "too lazy to work", "scheming against us",
 * "violent people"). */
static bool trait_of(const run *R, const target *t, const mention *m) {
  static const char *const goes_on[] = {
      "and", "or", "but", "to", "as", "by", "against", "with", "than", "like",
      "in", "at", "towards", "toward", "every", "all", "each", "without",
      "because", "since", "when", "who", "that", "people", "folk", "folks",
      "lot", "bunch", "always", "too", "for", "of", "about", "from", "anyway",
      "lol", "af", "though", "tbh", "ppl", "then", "so", "never", "just",
      /* the sentence particles of Singlish and Malaysian English,
       * which close a predicate ("Malays are lazy lah") */
      "lah", "leh", "lor", "meh", "one", "sia"};
  /* "Jews never stop scheming": the group, then the doing it never
   * stops */
  if (m->tb >= 2 && t->te + 2 == m->tb && tok_is_word(R, m->tb - 2, "never") &&
      (tok_is_word(R, m->tb - 1, "stop") || tok_is_word(R, m->tb - 1, "stops")))
    return true;
  if (!predicated(R, t, m))
    return false;
  uint32_t k = m->te;
  const tok *tk = R->rs->toks;
  if (k >= R->rs->ntok || tk[k].type != TK_WORD || tk[k].sent != tk[m->tb].sent)
    return true;
  /* "Sikhs are all violent Khalistanis", "they're all violent thugs.":
   * one noun after the trait that closes its clause is the predicate's
   * head, the trait said of the group all the same; and a participle
   * goes on with it ("predators looking for access to little girls"). */
  /* (the trait right after the linking verb or its quantifier: not
   * "Sikhs are all against violent protests") */
  if ((k + 1 >= R->rs->ntok || tk[k + 1].type != TK_WORD ||
       tk[k + 1].clause != tk[k].clause) &&
      m->tb > 0 &&
      (kind_at(R, m->tb - 1, DC_KIND_COPULA) ||
       tok_is_word(R, m->tb - 1, "all") || tok_is_word(R, m->tb - 1, "just") ||
       tok_is_word(R, m->tb - 1, "so") || tok_is_word(R, m->tb - 1, "really")))
    return true;
  if (tk[k].e - tk[k].b > 4 && memcmp(R->n->text + tk[k].e - 3, "ing", 3) == 0)
    return true;
  return word_among(R, k, k + 1, goes_on, sizeof goes_on / sizeof *goes_on) ||
         kind_at(R, k, DC_KIND_PERSON) || kind_at(R, k, DC_KIND_IDENTITY) ||
         kind_at(R, k, DC_KIND_HUMANITY);
}

/* Is the group t named as a share of it: a count or "some", "many",
 * "few" right before it ("some Muslims", "200 migrants"), or a share
 * and "of" ("45% of Americans", "most of the Roma", "half of them")? */
static bool part_of_group(const run *R, const target *t) {
  static const char *const share[] = {
      "some",     "many",    "few", "several", "most",   "half", "majority",
      "minority", "percent", "lot", "lots",    "plenty", "none", "fraction"};
  uint32_t k = t->tb;
  if (k > 0 && tok_is_word(R, k - 1, "the"))
    k--;
  if (k > 1 && tok_is_word(R, k - 1, "of"))
    k--;
  if (k == 0)
    return false;
  const tok *p = &R->rs->toks[k - 1];
  if (p->type == TK_PUNCT && p->ch == '%')
    return true;
  return (p->type == TK_WORD && R->n->text[p->b] >= '0' &&
          R->n->text[p->b] <= '9') ||
         word_among(R, k - 1, k, share, sizeof share / sizeof *share);
}

/* Is the trait m said of the group t someone's belief the writer
 * reports, or a role in fiction: a verb of report before the group in
 * its sentence ("In the 1950s doctors believed gay men were too mentally
 * ill to ...", "My grandpa thought women were too emotional to drive"),
 * or the stories it is told in after it ("Women are always scheming in
 * these Korean dramas")? Then it is not the writer's word on every
 * member. */
static bool believed_of(const run *R, const target *t, const mention *m) {
  static const char *const fiction[] = {
      "dramas", "drama",   "movies", "films",    "shows", "series", "novels",
      "anime",  "sitcoms", "soaps",  "cartoons", "games", "lobbies"};
  /* (a belief of the past, told as such: not "I think ...", "my dad
   * always says ..., and he's right", "as my granddad said, ...") */
  static const char *const held[] = {"believed", "thought",    "said",
                                     "claimed",  "insisted",   "argued",
                                     "assumed",  "considered", "taught"};
  const sentence *s = sent_of(R, m->tb);
  /* ("Men are always lazy about the dishes, my dad included": the
   * writer's own kin counted in, banter among one's own) */
  static const char *const kin[] = {
      "dad",     "mum",      "mom",    "nonna",   "nan",     "grandma",
      "grandpa", "granddad", "father", "mother",  "brother", "sister",
      "uncle",   "aunt",     "family", "parents", "me",      "myself"};
  for (uint32_t k = m->te + 1; k + 1 < s->te; k++)
    if (tok_is_word(R, k + 1, "included") &&
        word_among(R, k, k + 1, kin, sizeof kin / sizeof *kin) &&
        (tok_is_word(R, k, "me") || tok_is_word(R, k, "myself") ||
         mention_at(R, k - 1, DC_KIND_PRONOUN_SELF)))
      return true;
  /* (the writer's own word is no one else's belief: "I said Gypsies
   * are all thieves and I stand by it") */
  if (!any_kind(R, DC_KIND_ENDORSE))
    for (uint32_t k = s->tb; k < t->tb; k++)
      if (word_among(R, k, k + 1, held, sizeof held / sizeof *held) &&
          !(k > s->tb && (tok_is_word(R, k - 1, "as") ||
                          kind_at(R, k - 1, DC_KIND_PRONOUN_SELF))))
        return true;
  /* Others' belief or treatment told in the present: "People assume
   * Roma are thieves", "Cops treat Black teens as criminals",
   * "landlords see Muslims as terrorists" (the view's "as" or "like"
   * between the group and its trait); not the writer's own ("I see
   * them as thieves") nor one called for ("we should treat them as
   * criminals"). */
  static const char *const assume[] = {"assume", "assumes", "presume",
                                       "presumes"};
  static const char *const treat[] = {"treat",  "treats",  "see",   "sees",
                                      "view",   "views",   "label", "labels",
                                      "regard", "regards", "brand", "brands"};
  if (!any_kind(R, DC_KIND_ENDORSE) && t->tb > s->tb) {
    bool as =
        m->tb > t->te &&
        (tok_is_word(R, m->tb - 1, "as") || tok_is_word(R, m->tb - 1, "like") ||
         (m->tb > t->te + 1 && (tok_is_word(R, m->tb - 2, "as") ||
                                tok_is_word(R, m->tb - 2, "like"))));
    for (uint32_t k = s->tb; k < t->tb; k++)
      if ((word_among(R, k, k + 1, assume, sizeof assume / sizeof *assume) ||
           (as && k + 3 > t->tb &&
            word_among(R, k, k + 1, treat, sizeof treat / sizeof *treat))) &&
          !(k > s->tb && (kind_at(R, k - 1, DC_KIND_PRONOUN_SELF) ||
                          kind_at(R, k - 1, DC_KIND_MODAL))) &&
          !has_kind_in(R, s->tb, k, DC_KIND_MODAL))
        return true;
  }
  uint32_t end = m->te + 6 < s->te ? m->te + 6 : s->te;
  return word_among(R, m->te, end, fiction, sizeof fiction / sizeof *fiction);
}

/* Is a verb of others' view between the group and its trait (tokens
 * [a, b)): "Black men are always assumed to be criminals", "Sikhs are
 * always mistaken for terrorists", "Roma are treated like thieves",
 * "seen as criminals everywhere"? The trait is then what someone else
 * takes them for, told by the writer as a wrong done to them. */
static bool viewed_as(const run *R, uint32_t a, uint32_t b) {
  static const char *const view[] = {
      "assumed",   "treated",  "mistaken", "seen",        "viewed",
      "called",    "labelled", "labeled",  "stereotyped", "portrayed",
      "depicted",  "painted",  "branded",  "blamed",      "regarded",
      "perceived", "profiled", "harassed", "accused",     "typecast",
      "suspected", "cast",     "framed",   "shown",       "considered",
      "presumed",  "thought",  "judged",   "written",     "targeted",
      "dismissed", "stopped",  "searched"};
  /* (not one the writer calls for: "all Muslims must be considered
   * potential terrorists", "should be treated as criminals") */
  return b > a && word_among(R, a, b, view, sizeof view / sizeof *view) &&
         !has_kind_in(R, a, b, DC_KIND_MODAL);
}

/* Does a universal follow the predicate m in its sentence, within a few
 * words: "every single one of them", "every last one", "every one of
 * them", "each and every one", "all of them", "every single time",
 * "without exception"? Not one the writer narrows to those met ("every
 * single one I've met", "all of them I know"): a hedged experience. */
static bool universal_after(const run *R, const mention *m) {
  const sentence *s = sent_of(R, m->tb);
  uint32_t end = m->te + 8 < s->te ? m->te + 8 : s->te;
  for (uint32_t k = m->te; k + 1 < end; k++) {
    uint32_t after;
    if (tok_is_word(R, k, "every") &&
        (tok_is_word(R, k + 1, "single") || tok_is_word(R, k + 1, "last")))
      after = k + 3;
    else if (tok_is_word(R, k, "every") && tok_is_word(R, k + 1, "one") &&
             tok_is_word(R, k + 2, "of"))
      after = k + 4;
    else if (tok_is_word(R, k, "each") && tok_is_word(R, k + 1, "and") &&
             tok_is_word(R, k + 2, "every"))
      after = k + 4;
    else if (tok_is_word(R, k, "all") && tok_is_word(R, k + 1, "of") &&
             (tok_is_word(R, k + 2, "them") || tok_is_word(R, k + 2, "em")))
      after = k + 3;
    else if (tok_is_word(R, k, "without") && tok_is_word(R, k + 1, "exception"))
      after = k + 2;
    /* "the lot of them", "to a man", "no exceptions", "each one of
     * them" */
    else if (tok_is_word(R, k, "lot") && tok_is_word(R, k + 1, "of") &&
             k > m->te && tok_is_word(R, k - 1, "the") && k + 2 < end &&
             (tok_is_word(R, k + 2, "them") || tok_is_word(R, k + 2, "em")))
      after = k + 3;
    else if (tok_is_word(R, k, "to") && tok_is_word(R, k + 1, "a") &&
             k + 2 < end && tok_is_word(R, k + 2, "man") && k == m->te)
      after = k + 3;
    else if (tok_is_word(R, k, "no") && (tok_is_word(R, k + 1, "exceptions") ||
                                         tok_is_word(R, k + 1, "exception")))
      after = k + 2;
    else if (tok_is_word(R, k, "each") && tok_is_word(R, k + 1, "one") &&
             k + 2 < end && tok_is_word(R, k + 2, "of"))
      after = k + 4;
    else
      continue;
    /* ("every single one of them I've met") */
    if (after < s->te && tok_is_word(R, after, "of"))
      after += 2;
    return !(after < s->te && (mention_at(R, after, DC_KIND_PRONOUN_SELF) ||
                               tok_is_word(R, after, "i")));
  }
  /* "Moroccans are thieves. Every single one." "All of them.": the
   * universal as the whole next sentence, right after the trait's */
  uint32_t si = R->rs->toks[m->tb].sent;
  if (si + 1 < R->rs->ns && m->te + 2 >= s->te) {
    const sentence *n = &R->rs->s[si + 1];
    uint32_t w = n->te - n->tb;
    if (w >= 2 && w <= 5 &&
        ((tok_is_word(R, n->tb, "every") &&
          (tok_is_word(R, n->tb + 1, "single") ||
           tok_is_word(R, n->tb + 1, "last") ||
           tok_is_word(R, n->tb + 1, "one"))) ||
         (tok_is_word(R, n->tb, "all") && tok_is_word(R, n->tb + 1, "of") &&
          w >= 3 && tok_is_word(R, n->tb + 2, "them"))))
      return true;
  }
  return false;
}

/* Is the predicate m said of every member of the group target t before
 * it: "all" or "every" right before the group ("all Muslims are",
 * "every Afghan is") or between it and m ("Afghans are all"), in one
 * sentence, and not denied ("not all Muslims", "not every")? Not when a
 * relative clause between narrows the group to those m names ("all the
 * migrants who are criminals"). */
static bool said_of_all(const run *R, const target *t, const mention *m) {
  if (t->te > m->tb || R->rs->toks[t->tb].sent != R->rs->toks[m->tb].sent ||
      viewed_as(R, t->te, m->tb))
    return false;
  /* (nor the writer's own few, nor a hedge: "the Nigerian guys in my
   * building always seem to be running some kind of scam") */
  for (uint32_t k = t->te; k < m->tb; k++)
    if (tok_is_word(R, k, "who") || tok_is_word(R, k, "that") ||
        tok_is_word(R, k, "which") || tok_is_word(R, k, "my") ||
        tok_is_word(R, k, "seem") || tok_is_word(R, k, "seems"))
      return false;
  uint32_t from = t->tb >= 2 ? t->tb - 2 : 0;
  for (uint32_t k = from; k < m->tb; k++) {
    if (k >= t->tb && k < t->te)
      continue;
    /* ("Brahmins are always scheming": every member, every time;
     * in the trait's clause: not "The Swiss are all armed - violent
     * crime is rare") */
    if (R->rs->toks[k].clause != R->rs->toks[m->tb].clause ||
        !(tok_is_word(R, k, "all") || tok_is_word(R, k, "every") ||
          (k >= t->te &&
           (tok_is_word(R, k, "always") || tok_is_word(R, k, "constantly") ||
            tok_is_word(R, k, "forever") || tok_is_word(R, k, "allways") ||
            /* "Jews never stop scheming" */
            (tok_is_word(R, k, "never") && k + 1 < m->tb &&
             (tok_is_word(R, k + 1, "stop") ||
              tok_is_word(R, k + 1, "stops")))))))
      continue;
    if (k > 0 &&
        (tok_is_word(R, k - 1, "not") || kind_at(R, k - 1, DC_KIND_NEGATION)))
      return false;
    return true;
  }
  return universal_after(R, m);
}

/* Is every denouncing word of the comment a judgement (flag `judge`)
 * aimed at the group t itself, which makes the comment no counter-speech:
 * said after t in its sentence ("Muslims are vile and should not be
 * allowed to vote"), in a sentence about them ("Their religion is
 * evil.", "Gross people."), or "sick of them"? Not a bare "Disgusting."
 * after the call, which may judge the call. */
static bool judged_group(const run *R, const target *t) {
  const dc_rules_scratch *rs = R->rs;
  bool any = false;
  for (size_t i = 0; i < rs->nm; i++) {
    const mention *d = &rs->m[i];
    if (d->kind != DC_KIND_DENOUNCE)
      continue;
    if (!(ent(R, d)->flags & DC_F_JUDGE))
      return false;
    const sentence *ds = sent_of(R, d->tb);
    bool at =
        (rs->toks[d->tb].sent == rs->toks[t->tb].sent && t->te <= d->tb) ||
        (d->te + 1 < rs->ntok && tok_is_word(R, d->te, "of") &&
         tok_is_word(R, d->te + 1, "them")) ||
        tok_is_word(R, ds->tb, "their") || tok_is_word(R, ds->tb, "they") ||
        tok_is_word(R, ds->tb, "they're") || tok_is_word(R, ds->tb, "these") ||
        tok_is_word(R, ds->tb, "those") ||
        (ds->tb == d->tb && d->te < ds->te && tok_is_word(R, d->te, "people"));
    if (!at)
      return false;
    any = true;
  }
  return any;
}

/* Does the call for exclusion m, aimed at the group t, deny the group a
 * civil right or expel it whole, for who its members are: a moderator's
 * reject, where a ban on anything ("Muslims shouldn't be allowed to build
 * here") or a call to send people back stays for review?
 *   - the writer waves aside the legal status that could make it policy:
 *     "Deport every single Roma from France, citizen or not", "Send the
 *     Turks back, even the ones born here" (any group);
 *   - what is denied is a civil right: voting, holding office,
 *     citizenship, marrying, having children, serving in the army,
 *     entering a temple ("Muslims should not be allowed to vote", "Jews
 *     should be barred from holding office", "disabled people shouldn't
 *     be allowed to have children", "keep the gays out of the army"): a
 *     word of it among the eight after the verb, in its clause. Not at a
 *     nationality or a migrant status, which the law itself sorts by
 *     ("non-citizens shouldn't vote", "illegal immigrants should not be
 *     allowed to vote"), and not the army at a disability (fitness);
 *   - an expulsion (deport, send back, kick out, ...) of all or every
 *     member ("Deport all Muslims", "send every Jew back"), again not of
 *     a migrant status ("deport every illegal immigrant" is enforcement
 *     asked for).
 * Not in a question, after a word of report in its sentence, nor in a
 * comment that denounces something (counter-speech is read elsewhere;
 * the escalation waits for a plain statement). */
/* A word of children or spaces of one sex after token k in sentence s
 * ("girls' teams", "women's shelters", "boys' changing rooms"). */
static bool other_sex_after(const run *R, const sentence *s, uint32_t k) {
  static const char *const sexed[] = {"girls",  "boys",  "women's", "men's",
                                      "girls'", "boys'", "female",  "male",
                                      "womens", "mens",  "ladies",  "ladies'"};
  for (uint32_t j = k + 1; j < s->te && j < k + 5; j++)
    if (word_among(R, j, j + 1, sexed, sizeof sexed / sizeof *sexed))
      return true;
  return false;
}

static bool rights_denied(const run *R, const mention *m, const target *t) {
  static const char *const rights[] = {
      "vote",       "votes",       "voting",    "elections", "election",
      "office",     "citizenship", "marry",     "marriage",  "children",
      "kids",       "babies",      "reproduce", "temple",    "temples",
      "property",   "army",        "military",  "adopt",     "land",
      "parliament", "juries",      "jury",      "citizens",  "dating",
      "exist",      "breed"};
  /* a public role or a place open to all: "Gays should be banned
   * from coaching youth sports", "Travellers shouldn't be allowed
   * into any pub", "Disabled kids should be kept out of our
   * school" */
  static const char *const roles[] = {"coaching", "coach", "teaching",
                                      "teach",    "jobs",  "job"};
  /* (a place named as one, after a determiner or a preposition: not a
   * word that qualifies another, "no more likely to be school
   * shooters") */
  static const char *const places[] = {
      "school", "schools",  "classroom",  "classrooms",  "university",
      "pub",    "pubs",     "restaurant", "restaurants", "shop",
      "shops",  "hospital", "hospitals"};
  /* Ordinary public life closed to a people for who they are: "Black
   * fans shouldn't be allowed at kpop concerts", "disabled people
   * should be banned from dating apps". Not at one sex, where venues
   * and apps split by sex are argued in good faith ("men shouldn't be
   * allowed in the women's gym"), and a word of one qualifying word
   * after a preposition ("at kpop concerts", "from dating apps") */
  static const char *const venues[] = {
      "concert", "concerts", "gig",  "gigs",  "festival", "festivals",
      "venue",   "venues",   "gym",  "gyms",  "pool",     "pools",
      "beach",   "beaches",  "park", "parks", "stadium",  "stadiums",
      "cinema",  "cinemas",  "app",  "apps",  "bars",     "clubs",
      "library", "libraries"};
  static const char *const venue_prep[] = {"at", "in", "into", "from",
                                           "on", "to", "our",  "any"};
  static const char *const place_det[] = {
      "our",  "the",  "a",  "any", "my", "their", "this",   "that", "every",
      "from", "into", "in", "at",  "of", "to",    "public", "local"};
  /* (a house of worship is a right to build or enter: "no more
   * demolition of mosques" denies none) */
  static const char *const worship[] = {"mosque",   "mosques",   "church",
                                        "churches", "synagogue", "synagogues",
                                        "gurdwara", "gurdwaras"};
  static const char *const worship_verb[] = {
      "build", "open", "enter", "attend", "have", "inside", "into"};
  /* A body people belong to or serve on, closed to a people for who
   * they are: "no muslims should be allowed on that board", "keep
   * trans people out of the Rust community". The word ends its phrase
   * ("the community garden" is a thing) and a determiner or a
   * preposition comes at most three words before it; not at one sex,
   * as for venues ("men shouldn't be allowed on the women's
   * committee") */
  static const char *const bodies[] = {
      "board",        "boards",        "council",   "councils",
      "committee",    "committees",    "community", "communities",
      "congregation", "congregations", "parish"};
  static const char *const body_det[] = {"on",   "of",   "from", "in",
                                         "into", "to",   "our",  "the",
                                         "that", "this", "any",  "every"};
  static const char *const armed[] = {"army", "military"};
  static const char *const expel[] = {"deport", "send",   "ship",       "kick",
                                      "expel",  "throw",  "boot",       "drive",
                                      "banish", "remove", "remigration"};
  const dc_rules_scratch *rs = R->rs;
  const sentence *s = sent_of(R, m->tb);
  /* (a view told or asked stays the moderator's to read: "My
   * grandfather thought women shouldn't be allowed to vote") */
  if (s->question || (R->denounce_any && !judged_group(R, t)))
    return false;
  /* (a deed told: "Operation Wetback deported Mexicans, even the ones
   * born here"; not the passive call, "should be deported") */
  {
    const tok *v = &rs->toks[m->tb];
    if (v->e - v->b > 4 && memcmp(R->n->text + v->e - 2, "ed", 2) == 0 &&
        !(m->tb > 0 && (tok_is_word(R, m->tb - 1, "be") ||
                        tok_is_word(R, m->tb - 1, "been") ||
                        tok_is_word(R, m->tb - 1, "being") ||
                        tok_is_word(R, m->tb - 1, "get") ||
                        tok_is_word(R, m->tb - 1, "gets") ||
                        kind_at(R, m->tb - 1, DC_KIND_COPULA))))
      return false;
  }
  /* (a report before the call, but "I think"/"I believe" is the
   * writer's own view; one after it, "..., says my aunt"; a belief told
   * in the past, "My grandfather thought ..."; a plan told of others,
   * "They'd send the Turks back ... if the AfD got power") */
  for (uint32_t k = s->tb; k < s->te; k++) {
    if (k >= m->tb && k < m->te)
      continue;
    const mention *r = mention_at(R, k, DC_KIND_REPORT);
    if (r &&
        !(k > s->tb && k < m->tb && kind_at(R, k - 1, DC_KIND_PRONOUN_SELF) &&
          (tok_is_word(R, k, "think") || tok_is_word(R, k, "believe") ||
           tok_is_word(R, k, "reckon"))) &&
        !(k > s->tb && kind_at(R, k - 1, DC_KIND_PRONOUN_SELF) && k > m->tb))
      return false;
    if (k < m->tb &&
        (tok_is_word(R, k, "thought") || tok_is_word(R, k, "believed") ||
         tok_is_word(R, k, "they'd") || tok_is_word(R, k, "he'd") ||
         tok_is_word(R, k, "she'd") ||
         ((tok_is_word(R, k, "they") || tok_is_word(R, k, "he") ||
           tok_is_word(R, k, "she")) &&
          k + 1 < m->tb &&
          (tok_is_word(R, k + 1, "would") || tok_is_word(R, k + 1, "want") ||
           tok_is_word(R, k + 1, "wants")))))
      return false;
  }
  /* (a visa is the law's own sorting, policy to argue: "Stop hiring
   * Indians on H1B visas for tech jobs") */
  {
    static const char *const visa[] = {
        "visa", "visas", "h1b", "h1bs", "permit", "permits", "sponsorship"};
    if (word_among(R, s->tb, s->te, visa, sizeof visa / sizeof *visa))
      return false;
  }
  static const char *const kin[] = {"kids",      "children",      "babies",
                                    "grandkids", "grandchildren", "sons",
                                    "daughters", "offspring"};
  /* "citizen or not", "born here" after "even" */
  /* (to the sentence's last word: "..., even the ones born here") */
  for (uint32_t k = s->tb; k + 1 < s->te; k++) {
    if ((tok_is_word(R, k, "citizen") || tok_is_word(R, k, "citizens")) &&
        k + 2 < s->te && tok_is_word(R, k + 1, "or") &&
        tok_is_word(R, k + 2, "not"))
      return true;
    if (tok_is_word(R, k, "born") && tok_is_word(R, k + 1, "here"))
      for (uint32_t j = k > s->tb + 4 ? k - 4 : s->tb; j < k; j++)
        if (tok_is_word(R, j, "even"))
          return true;
    /* "..., and their NZ born kids too", "their US-born children as
     * well": the children born in the country, citizens by birth,
     * sent with them ("too", "also", "as well", "even") */
    if (tok_is_word(R, k, "born") &&
        word_among(R, k + 1, k + 3 < s->te ? k + 3 : s->te, kin,
                   sizeof kin / sizeof *kin)) {
      static const char *const also[] = {"too", "also", "well", "even",
                                         "included"};
      if (word_among(R, k > s->tb + 4 ? k - 4 : s->tb, s->te, also,
                     sizeof also / sizeof *also))
        return true;
    }
  }
  const uint32_t status = (1u << DECORUM_CATEGORY_IMMIGRATION) |
                          (1u << DECORUM_CATEGORY_NATIONALITY);
  /* (a migrant status alone; "Immigrant Muslims" are Muslims too) */
  if ((t->categories & (1u << DECORUM_CATEGORY_IMMIGRATION)) &&
      !(t->categories & ~status))
    return false;
  static const char *const jobs[] = {"jobs", "job"};
  /* "we shouldnt be hiring women for the on-call rotation at all, they
   * cant handle 3am pages": a call not to hire a group whose reason,
   * in its sentence or the next, says "they" cannot do the work: the
   * whole group judged unfit, not a budget or a role ("we shouldn't be
   * hiring anyone until the budget clears"). */
  if ((t->categories & ~status) && t->tb >= m->te) {
    const dc_entry *he = ent(R, m);
    bool hire = false;
    for (size_t i = 0; i + 3 <= he->term_len && !hire; i++)
      hire = memcmp(he->term + i, "hir", 3) == 0 ||
             (i + 6 <= he->term_len && memcmp(he->term + i, "employ", 6) == 0);
    /* (nor where the hiring has a condition or a purpose, "without
     * captioning tools", "just for the tax credit" (hiring_how), or
     * the group an age: "stop hiring old white guys as commentators,
     * they can't keep up anymore" is said of their years) */
    static const char *const aged[] = {"old",    "older", "elderly", "aging",
                                       "ageing", "young", "younger"};
    if (hire && hiring_how(R, m) == 0 &&
        !word_among(R, t->tb > 0 ? t->tb - 1 : 0, t->te, aged,
                    sizeof aged / sizeof *aged) &&
        unfit_said(R, t->te))
      return true;
  }
  /* (a call to stop hiring a group "only" for jobs asks to open them
   * to others: "Stop hiring only Christians for public school jobs",
   * "men only for engineering jobs") */
  if (((t->tb > 0 && tok_is_word(R, t->tb - 1, "only")) ||
       (t->te < s->te && tok_is_word(R, t->te, "only"))) &&
      t->tb >= m->te &&
      word_among(R, t->te, s->te, jobs, sizeof jobs / sizeof *jobs))
    return false;
  if (t->categories & ~status) {
    uint32_t c = rs->toks[m->tb].clause;
    for (uint32_t k = m->tb;
         k < s->te && k < m->te + 8 && rs->toks[k].clause == c; k++) {
      bool role = word_among(R, k, k + 1, roles, sizeof roles / sizeof *roles);
      if (!word_among(R, k, k + 1, rights, sizeof rights / sizeof *rights) &&
          !role &&
          !(k > m->tb &&
            word_among(R, k, k + 1, places, sizeof places / sizeof *places) &&
            word_among(R, k - 1, k, place_det,
                       sizeof place_det / sizeof *place_det)) &&
          !(word_among(R, k, k + 1, worship,
                       sizeof worship / sizeof *worship) &&
            k >= m->tb + 2 &&
            word_among(R, k - 2, k, worship_verb,
                       sizeof worship_verb / sizeof *worship_verb)) &&
          !(k >= m->tb + 2 && (t->categories & ~(1u << DECORUM_CATEGORY_SEX)) &&
            word_among(R, k, k + 1, venues, sizeof venues / sizeof *venues) &&
            word_among(R, k - 2, k, venue_prep,
                       sizeof venue_prep / sizeof *venue_prep)) &&
          !(k > m->tb + 1 && (t->categories & ~(1u << DECORUM_CATEGORY_SEX)) &&
            word_among(R, k, k + 1, bodies, sizeof bodies / sizeof *bodies) &&
            (k + 1 >= s->te || rs->toks[k + 1].type != TK_WORD) &&
            word_among(R, k > m->tb + 3 ? k - 3 : m->tb + 1, k, body_det,
                       sizeof body_det / sizeof *body_det)) &&
          /* "shouldn't be allowed to date": (not a day, "past the
           * expiry date") */
          !(k > m->tb && tok_is_word(R, k, "date") &&
            tok_is_word(R, k - 1, "to")))
        continue;
      /* A public role is denied by a call, not by a ban reported as a thing
       * ("The ban on women teaching in Afghanistan is an outrage"); and one sex
       * kept from the other's children or spaces ("Men should be banned from
       * coaching girls' teams") is a safeguarding argument, for review, not
       * this reject. */
      if (role) {
        if (m->tb > s->tb && is_determiner(R, m->tb - 1))
          continue;
        /* Jobs: "Stop hiring Sikhs for trucking jobs." shuts
         * the group out; "stop hiring only Christians", "men
         * only" asks to open the work to others, and jobs with a
         * word after them ("for dangerous jobs without safety
         * training", "for low paid jobs and then wondering why
         * they leave", "for jobs you won't adapt") argue about the
         * work's conditions, often for the group: a reject only
         * with another attack or exclusion in the comment ("...
         * Keep them off our highways"). */
        if (tok_is_word(R, k, "jobs") || tok_is_word(R, k, "job")) {
          if (k + 1 < s->te && rs->toks[k + 1].type == TK_WORD) {
            bool other = false;
            for (size_t i = 0; i < rs->nm && !other; i++) {
              const mention *o = &rs->m[i];
              other = o != m && (o->kind == DC_KIND_EXCLUSION ||
                                 o->kind == DC_KIND_DEHUMANIZE ||
                                 o->kind == DC_KIND_DEROGATE ||
                                 o->kind == DC_KIND_THREAT);
            }
            if (!other)
              continue;
          }
        }
        if (!(t->categories & ~(1u << DECORUM_CATEGORY_SEX)) &&
            other_sex_after(R, s, k))
          continue;
      }
      if ((t->categories & ~(1u << DECORUM_CATEGORY_DISABILITY)) ||
          !word_among(R, k, k + 1, armed, sizeof armed / sizeof *armed))
        return true;
    }
  }
  /* an expulsion of all or every member */
  const dc_entry *e = ent(R, m);
  size_t fl = 0;
  while (fl < e->term_len && e->term[fl] != ' ')
    fl++;
  if (!dc_word_in(e->term, fl, expel, sizeof expel / sizeof *expel) ||
      rs->toks[t->tb].sent != rs->toks[m->tb].sent)
    return false;
  /* (those of the group who did something: "Kick out all the English
   * fans who sang that song"; and a nationality, which the law sorts
   * by, unless sent "back": "Deport all the Brits from Magaluf after
   * what they did", but "Send every Somali back") */
  if (t->te < s->te &&
      (tok_is_word(R, t->te, "who") || tok_is_word(R, t->te, "that")))
    return false;
  if (!(t->categories & ~status) &&
      !(t->te < s->te && tok_is_word(R, t->te, "back")) &&
      !(t->te + 1 < s->te && tok_is_word(R, t->te + 1, "back")))
    return false;
  for (uint32_t k = t->tb > 3 ? t->tb - 3 : 0; k < t->tb; k++)
    if ((tok_is_word(R, k, "all") || tok_is_word(R, k, "every")) &&
        !(k > 0 && (tok_is_word(R, k - 1, "not") ||
                    kind_at(R, k - 1, DC_KIND_NEGATION))))
      return true;
  return false;
}

/* A word that can stand between a linking verb and "not" as an adverb:
 * an -ly word ("really", "simply") or "just", "even", "still", "so". */
static bool adverb_like(const run *R, uint32_t k) {
  const tok *t = &R->rs->toks[k];
  uint32_t len = t->e - t->b;
  const char *w = R->n->text + t->b;
  return (len > 3 && w[len - 2] == 'l' && w[len - 1] == 'y') ||
         tok_is_word(R, k, "just") || tok_is_word(R, k, "even") ||
         tok_is_word(R, k, "still") || tok_is_word(R, k, "so");
}

/* Does the negation deny being something? It is a negated copula
 * ("aren't": flag `copula` in grammar.tsv) or one follows it ("never were
 * human"), or a linking verb or a pronoun holding one ("they're") comes
 * before it, at most two words before ("are simply not"), or before a
 * contrast. After "do", a modal or "have" it negates a verb or a
 * possession, and the humanity word is that verb's object: "Muslims don't
 * hate people", "Women do not trust people easily", "they have no
 * problem calling people ...". */
static bool denies_being(const run *R, const mention *neg) {
  uint32_t b = neg->tb;
  const tok *t = R->rs->toks;
  if ((ent(R, neg)->flags & DC_F_COPULA) ||
      kind_at(R, neg->te, DC_KIND_COPULA)) /* "never were human" */
    return true;
  /* A linking verb, or a pronoun holding one ("they're"), right before
   * it, or with an adverb or two between ("are simply not", "are really
   * really not"; "are good neighbours not people to fear" says something
   * else). */
  for (uint32_t k = b, n = 0; k-- > 0 && n <= 2; n++) {
    if (kind_at(R, k, DC_KIND_COPULA))
      return true;
    const mention *p = mention_at(R, k, DC_KIND_PRONOUN_GROUP);
    if (p && (ent(R, p)->flags & DC_F_COPULA))
      return true;
    if (t[k].type != TK_WORD || glue_at(R, k) || !adverb_like(R, k))
      break;
  }
  /* A contrast: "they are animals, not people", "X are its, not humans":
   * a copula at most four words before the comma; or ending a list of
   * what they are said to be ("Trans people are freaks, science
   * experiments gone wrong, not real humans"): items of at most four
   * words, two more commas back at most. */
  if (b < 3 || t[b - 1].type != TK_PUNCT || t[b - 1].ch != ',')
    return false;
  for (uint32_t k = b - 2, n = 0, commas = 0;; k--) {
    if (t[k].type == TK_WORD) {
      if (kind_at(R, k, DC_KIND_COPULA))
        return true;
      if (++n > 4)
        break;
    } else if (t[k].type != TK_PUNCT || t[k].ch != ',' || n == 0 ||
               ++commas > 2) {
      break;
    } else {
      n = 0; /* a new item, before the comma */
    }
    if (k == 0)
      break;
  }
  return false;
}

/* "X are not human": a negated humanity word with a group subject. */
static __attribute__((noinline)) decorum_status
rule_humanity(run *R, const mention *m) {
  if (m->used)
    return DECORUM_OK;
  const mention *neg = negator(R, m->tb);
  if (!neg || m->tb - neg->te > HUMANITY_GAP)
    return DECORUM_OK;
  /* The negation must deny the humanity word itself: "X are not (even,
   * really, fully) human". A function word or punctuation between says
   * it denies something else: "not afraid of people", "not surprised
   * that people hate them". A linking verb right after the negator is
   * the denial itself: "they'll never be real people". */
  for (uint32_t k = neg->te; k < m->tb; k++)
    if (R->rs->toks[k].type != TK_WORD ||
        (glue_at(R, k) && !(k == neg->te && kind_at(R, k, DC_KIND_COPULA))))
      return DECORUM_OK;
  if (!denies_being(R, neg))
    return DECORUM_OK;
  /* "not people who steal", "not people to fear": a noun phrase the
   * clause goes on to describe, not a denial of being human. (The
   * humanity word inside a compound, "people smugglers", "human
   * shields", is an allow entry of its own.) */
  if (tok_is_word(R, m->te, "who") || tok_is_word(R, m->te, "that") ||
      tok_is_word(R, m->te, "to"))
    return DECORUM_OK;
  int dist = 0;
  const target *t =
      pick_target(R, neg->tb, neg->te, neg->b, neg->e, DIR_BACKWARD, &dist);
  target resolved;
  bool from_ctx = false;
  if (t && t->type == TG_PRONOUN) {
    if (!resolve_pronoun(R, t->tb, &resolved, &from_ctx))
      return DECORUM_OK;
    t = &resolved;
  }
  if (!t || t->type != TG_GROUP || t->tb > neg->tb)
    return DECORUM_OK;
  /* Counter-speech still applies ("saying X are not human is vile"). */
  bool quoted = R->rs->toks[m->tb].quoted;
  if ((quoted || report_before(R, m->tb)) && denounce_near(R, m->tb, m->te))
    return mitigate(R, tb_byte(R, neg->tb), m->e, SC_COUNTER,
                    LIT("denying humanity"));
  char buf[128];
  piece label = target_label(R, t, buf, sizeof buf);
  finding_spec fs = {0};
  fs.b = tb_byte(R, neg->tb);
  fs.e = m->e;
  fs.signal = DECORUM_SIGNAL_DEHUMANIZATION;
  fs.attribute = DECORUM_IDENTITY_ATTACK;
  fs.categories = t->categories;
  fs.weight = 0.9f;
  fs.hate = true;
  fs.severe = true;
  if (from_ctx)
    fs.flags |= DECORUM_SPAN_CONTEXT;
  R->out->rf[DC_RF_DEHUMANIZATION] += 1;
  uint32_t r;
  decorum_status st = REASON(R, &r, LIT("dehumanizing language aimed at "),
                             label, LIT(": denies that they are human"));
  if (st != DECORUM_OK)
    return st;
  return emit(R, &fs, r);
}

/* A swear word that names a person, in a simile of how the writer (or
 * anyone) does something: "this song makes me cry like a little bitch",
 * "screamed like a bitch when the spider ran". "Like a", at most one word
 * between ("little", "total"), the word in the singular, not after a verb
 * of seeming: it names no one, and counts as an exclamation does. At
 * someone ("you cry like a little bitch") the sentence addresses them
 * (swore_at_you); of a group ("women cry like bitches") the slur's rule
 * judges the plural. On the shared datasets: some 50 rows toward their
 * label (review to allow), none away; "looks like a bitch", said of
 * someone, is left out. */
static bool simile_swear(const run *R, const mention *m) {
  uint32_t k = m->tb;
  if (k < 3 || plural_hit(R, m))
    return false;
  if (!tok_is_word(R, k - 1, "a")) {
    if (R->rs->toks[k - 1].type != TK_WORD ||
        kind_at(R, k - 1, DC_KIND_IDENTITY))
      return false;
    k--;
  }
  if (k < 2 || !tok_is_word(R, k - 1, "a") || !tok_is_word(R, k - 2, "like") ||
      R->rs->toks[k - 2].sent != R->rs->toks[m->tb].sent)
    return false;
  /* "Beyonce seems like a bitch", "he looks like a bitch": said of
   * someone, an insult (a verb of seeming before "like") */
  static const char *const seem[] = {"look",   "looks",   "looked", "looking",
                                     "seem",   "seems",   "seemed", "sound",
                                     "sounds", "sounded", "smells", "smell"};
  return k < 3 ||
         !word_among(R, k - 3, k - 2, seem, sizeof seem / sizeof seem[0]);
}

/* Is some slur in the comment one that may aim the swearing beside it:
 * any but a person-naming swear word in a simile ("cry like a little
 * bitch", simile_swear) and a slur read as its ordinary verb ("retard
 * the timing", verb_sense)? */
static bool slur_beside(const run *R) {
  if (!any_kind(R, DC_KIND_SLUR))
    return false;
  /* slurs are among the mentions listed for find_targets */
  for (size_t q = 0; q < R->rs->ntl; q++) {
    const mention *m = &R->rs->m[R->rs->tlist[q]];
    if (m->kind == DC_KIND_SLUR && !simile_swear(R, m) && !thing_swear(R, m) &&
        !verb_sense(R, m))
      return true;
  }
  return false;
}

static bool disbelief_you(const run *R, uint32_t k, const sentence *s);

/* Profanity: vulgar on its own; an attack when aimed at a group. */
static __attribute__((noinline)) decorum_status
rule_profanity(run *R, const mention *m) {
  const dc_entry *e = ent(R, m);
  R->out->rf[DC_RF_PROFANITY] += 1;
  float w = severity_weight(e->severity, 0.6f, 0.8f, 0.92f);
  decorum_status st;
  uint32_t r;
  /* Directly before a group ("f*** muslims", "fucking jews"): derogation.
   * (The targets are sorted by tb: from the first at m->te on, not all
   * of them for each mention, so a comment of many stays linear.) */
  /* Not the object of "for" ("can't talk for shit these white people
   * are wild", "for fuck's sake"): an idiom, ending its phrase. */
  bool idiom = m->tb > 0 && tok_is_word(R, m->tb - 1, "for");
  for (size_t i = R->rs->nt > FEW_TARGETS ? targets_from(R->rs, m->te) : 0;
       !idiom && i < R->rs->nt && R->rs->t[i].tb <= m->te + 1; i++) {
    const target *t = &R->rs->t[i];
    if (t->type != TG_GROUP || t->tb < m->te)
      continue;
    /* Mild swearing (severity 1) at a people named by its nationality
     * alone ("Bloody Scots, can never take a loss") is banter about a
     * team or a state, as a performance word is (rule_attack). */
    if (e->severity <= 1 && nationality_alone(t))
      continue;
    const mention *neg;
    scope sc = scope_of(R, m->tb, m->te, &neg);
    if (sc == SC_NEGATED)
      break;
    char buf[128];
    piece label = target_label(R, t, buf, sizeof buf);
    /* Someone else's words, as for slurs and attacks. */
    if (sc == SC_COUNTER || sc == SC_REPORTED) {
      char wbuf[160];
      piece what = {wbuf,
                    JOIN(wbuf, sizeof wbuf, LIT("profanity aimed at "), label)};
      if ((st = mitigate(R, m->b, te_byte(R, t->te), sc, what)) != DECORUM_OK)
        return st;
      break;
    }
    finding_spec fs = {0};
    fs.b = m->b;
    fs.e = te_byte(R, t->te);
    fs.signal = DECORUM_SIGNAL_DEROGATION;
    fs.attribute = DECORUM_IDENTITY_ATTACK;
    fs.categories = t->categories;
    fs.weight = 0.8f;
    fs.hate = true;
    R->out->rf[DC_RF_DEROGATION] += 1;
    if ((st = REASON(R, &r, LIT("profanity aimed at "), label)) != DECORUM_OK)
      return st;
    if ((st = emit(R, &fs, r)) != DECORUM_OK)
      return st;
    break;
  }
  /* In a sentence that addresses someone ("you're a fucking idiot",
   * "fuck off and die, you shit") the swearing is aimed at them, and
   * counts toward the verdict as an insult does; aimed at no one
   * ("Damn, fucking wild") it does not (tox_aimed, score.c). */
  if (!R->swore_at_you && any_kind(R, DC_KIND_PRONOUN_YOU)) {
    const sentence *s = sent_of(R, m->tb);
    for (uint32_t k = s->tb; k < s->te && !R->swore_at_you; k++)
      R->swore_at_you =
          mention_at(R, k, DC_KIND_PRONOUN_YOU) && !disbelief_you(R, k, s);
  }
  /* Aimed at the person addressed ("fuck you"): an insult. */
  if (m->te < R->rs->ntok && mention_at(R, m->te, DC_KIND_PRONOUN_YOU)) {
    finding_spec fs = {0};
    fs.b = m->b;
    fs.e = te_byte(R, m->te + 1);
    fs.signal = DECORUM_SIGNAL_INSULT;
    fs.attribute = DECORUM_INSULT;
    fs.weight = 0.75f;
    R->out->rf[DC_RF_INSULT_YOU] = 1;
    if ((st = REASON(R, &r, LIT("profanity aimed at the person addressed"))) !=
        DECORUM_OK)
      return st;
    if ((st = emit(R, &fs, r)) != DECORUM_OK)
      return st;
  }
  finding_spec fs = {0};
  fs.b = m->b;
  fs.e = m->e;
  fs.signal = DECORUM_SIGNAL_PROFANITY;
  fs.attribute = DECORUM_PROFANITY;
  fs.weight = w;
  /* Said of a thing or an animal ("an absolute cunt of a bird"), even
   * the strongest word is swearing at no one: not severe toxicity,
   * which the verdict reads in full. */
  /* (not asked of a word already an exclamation, "fucking", "shit",
   * unless it is severe) */
  bool at_thing = (!(e->flags & DC_F_EXCLAIM) || (e->flags & DC_F_SEVERE)) &&
                  (thing_swear(R, m) || animal_swear(R, m));
  fs.severe = (e->flags & DC_F_SEVERE) != 0 && !at_thing;
  if ((e->flags & DC_F_EXCLAIM) || simile_swear(R, m) || at_thing)
    fs.flags |= F_EXCLAIM;
  if ((st = REASON(R, &r, LIT("profanity: "), entry_why(e),
                   mention_note(R, m))) != DECORUM_OK)
    return st;
  return emit(R, &fs, r);
}

/* Is the "you" at token k the one of a cry of disbelief ("are you
 * fucking kidding me", "you serious?!", "are you shitting me"): "are" or
 * nothing before it in its sentence, then at most two words of swearing
 * or degree, then `kidding`, `joking`, `serious` or `shitting`? It is
 * said at no one: swearing beside it is an exclamation at a catch or a
 * goal. */
static bool disbelief_you(const run *R, uint32_t k, const sentence *s) {
  static const char *const cry[] = {"kidding",  "joking", "serious",
                                    "shitting", "kiddin", "jokin"};
  if (k > s->tb &&
      !(tok_is_word(R, k - 1, "are") || tok_is_word(R, k - 1, "r")))
    return false;
  for (uint32_t j = k + 1, n = 0; j < s->te && n < 3; j++, n++) {
    if (word_among(R, j, j + 1, cry, sizeof cry / sizeof *cry))
      return true;
    if (!kind_at(R, j, DC_KIND_PROFANITY) && !adverb_like(R, j))
      return false;
  }
  return false;
}

/* Does the comment carry any unmitigated attack so far? */
static bool attacked(const run *R) { return R->hate_so_far > 0.3f; }

/* Two innuendos that each have an innocent reading, a leading question
 * and a statement ("Who controls the media?" and "always the same
 * names"), tell the story together. */
static bool another_trope(run *R) {
  /* Worked out once per comment (a comment may repeat a trope thousands
   * of times): is there a trope in a question and another one, a
   * different entry, in a statement? Two questions are not a story
   * ("Who owns the media? Murdoch. Who owns the banks? Shareholders."). */
  if (!R->tropes_known) {
    uint32_t q[2] = {UINT32_MAX, UINT32_MAX}, st[2] = {UINT32_MAX, UINT32_MAX};
    for (size_t i = 0; i < R->rs->nm; i++) {
      const mention *o = &R->rs->m[i];
      if (o->kind != DC_KIND_CONSPIRACY)
        continue;
      uint32_t *v = sent_of(R, o->tb)->question ? q : st;
      if (v[0] == UINT32_MAX)
        v[0] = o->entry;
      else if (v[1] == UINT32_MAX && o->entry != v[0])
        v[1] = o->entry;
    }
    bool pair = q[0] != UINT32_MAX && st[0] != UINT32_MAX &&
                (q[0] != st[0] || q[1] != UINT32_MAX || st[1] != UINT32_MAX);
    R->tropes_known = pair ? 2 : 1;
  }
  return R->tropes_known == 2;
}

/* A trope asked as a question and answered with the group it is about
 * (the group its entry names), in the same sentence or the next: "Who
 * controls the media? The Jews." Not when the answer denies it or the
 * comment denounces the trope ("Not the Jews, that antisemitic myth is
 * nonsense"). */
static bool answered(const run *R, const mention *m) {
  const sentence *s = sent_of(R, m->tb);
  if (!s->question || R->denounce_any)
    return false;
  const char *group = ent(R, m)->group;
  uint32_t si = R->rs->toks[m->tb].sent;
  /* Targets are sorted by tb: from the first after m to the end of the
   * next sentence (all of them, for every trope of a long comment of
   * questions, was quadratic). */
  for (size_t i = targets_from(R->rs, m->te); i < R->rs->nt; i++) {
    const target *t = &R->rs->t[i];
    uint32_t ts = R->rs->toks[t->tb].sent;
    if (ts > si + 1)
      break;
    if (t->type != TG_GROUP || t->entry < 0 ||
        strcmp(R->lx->entries[t->entry].group, group) != 0)
      continue;
    if (!negator(R, t->tb))
      return true;
  }
  return false;
}

/* A trope or code named as the subject of a sentence that calls it what it
 * is: "Eurabia is a far-right conspiracy theory", "1488 is a neo-Nazi
 * code". A copula follows it and the denouncing word (no `judge` word:
 * "Londonistan is disgusting" judges what the trope claims) is its
 * complement, at most six tokens on ("a far - right conspiracy
 * theory"), with no negation, report, conjunction or second copula between ("is
 * not a conspiracy theory", "is called a conspiracy theory by the media",
 * "is coming and it is racist to deny it"); no "but" turns the sentence round
 * after it ("... but it's happening") and it is no question. Anywhere
 * else a denouncing word may be the writer's sneer ("libs call it
 * racist"). */
static bool named_to_denounce(const run *R, const mention *m) {
  const sentence *s = sent_of(R, m->tb);
  if (s->question || !opens_sentence(R, s, m->tb) ||
      !kind_at(R, m->te, DC_KIND_COPULA))
    return false;
  for (uint32_t k = m->te + 1; k < s->te && k <= m->te + 6; k++) {
    if (kind_at(R, k, DC_KIND_NEGATION) || kind_at(R, k, DC_KIND_REPORT) ||
        kind_at(R, k, DC_KIND_CONJUNCTION) || kind_at(R, k, DC_KIND_COPULA) ||
        tok_is_word(R, k, "and") || tok_is_word(R, k, "but"))
      return false;
    const mention *d = mention_at(R, k, DC_KIND_DENOUNCE);
    if (!d || (ent(R, d)->flags & DC_F_JUDGE))
      continue;
    return !but_between(R, d->te, s->te);
  }
  return false;
}

/* Is sentence s put in a mocked voice: "X be like: ...", "..., said no
 * one"? */
static bool mocked_voice(const run *R, const sentence *s) {
  for (uint32_t k = s->tb; k + 1 < s->te; k++)
    if ((tok_is_word(R, k, "be") && tok_is_word(R, k + 1, "like")) ||
        (tok_is_word(R, k, "said") && tok_is_word(R, k + 1, "no") &&
         k + 2 < s->te && tok_is_word(R, k + 2, "one")))
      return true;
  return false;
}

/* Is the ambiguous code m told as a deed that keeps happening, the
 * sarcasm that gives the code its meaning: "Religion of peace strikes
 * again", "... at it again", "... does it again", "... never stops",
 * "another 'diverse youth'"? The frame follows the
 * code in its clause ("... in action" is left out: "The religion of
 * peace in action: a charity drive" may be meant). */
/* Is "another" the word before token k, past the quote mark that opens
 * it ("Another 'diverse youth' ...": the mark is a token of its own)? */
static bool another_before(const run *R, uint32_t k) {
  const tok *toks = R->rs->toks;
  if (k > 0 && toks[k - 1].type == TK_PUNCT &&
      (toks[k - 1].ch == '\'' || toks[k - 1].ch == '"'))
    k--;
  return k > 0 && tok_is_word(R, k - 1, "another");
}

/* Is there a code or a dog whistle in the comment apart from m? */
static bool other_code(const run *R, const mention *m) {
  for (size_t i = 0; i < R->rs->nm; i++) {
    const mention *o = &R->rs->m[i];
    if ((o->kind == DC_KIND_CODE || o->kind == DC_KIND_DOGWHISTLE) &&
        (o->te <= m->tb || o->tb >= m->te))
      return true;
  }
  return false;
}

static bool sarcastic_event(const run *R, const mention *m) {
  uint32_t k = m->te;
  if (R->denounce_any || k + 1 >= R->rs->ntok ||
      R->rs->toks[k].clause != R->rs->toks[m->tb].clause)
    return false;
  bool event;
  if (tok_is_word(R, k, "strikes") || tok_is_word(R, k, "struck") ||
      tok_is_word(R, k, "striking"))
    event = tok_is_word(R, k + 1, "again");
  else if (tok_is_word(R, k, "never"))
    /* "cultural enrichment never stops": sarcasm only beside a
     * crime or a harm told ("..., three stabbings this week") or
     * another code ("Another 'diverse youth' ..."); not
     * "Ethiopian breakfast, Tamil lunch, Korean dinner!" */
    event = (tok_is_word(R, k + 1, "stops") || tok_is_word(R, k + 1, "ends")) &&
            (any_kind(R, DC_KIND_HARM) || any_kind(R, DC_KIND_THREAT) ||
             any_kind(R, DC_KIND_STEREOTYPE) || other_code(R, m));
  else if (R->rs->toks[m->tb].quoted && another_before(R, m->tb))
    /* "Another 'diverse youth' ...": the euphemism in scare quotes,
     * one more of a series */
    event = true;
  else
    event = (tok_is_word(R, k, "at") || tok_is_word(R, k, "does") ||
             tok_is_word(R, k, "did")) &&
            tok_is_word(R, k + 1, "it") && tok_is_word(R, k + 2, "again");
  /* not asked ("Religion of peace at it again? No, a lone nutter."),
   * nor in a comment that denounces ("Islamophobes be like: ...",
   * "..., said no one", "Stop blaming all Muslims") */
  const sentence *s = sent_of(R, m->tb);
  return event && !s->question && !mocked_voice(R, s);
}

/* "88 to all the lads in chat", "88 to my brothers": the number opening
 * its sentence, then "to", at most three words of a determiner or a
 * quantifier, and a word of fellowship (lads, brothers, comrades, kin):
 * the code offered as a greeting. Not a word of address alone: "88 to
 * all, thanks for the QSO" and "88 to y'all" are a radio amateur's
 * sign-off (88, love and kisses), "88 to you, 91 to me" and "88 to
 * everyone who voted for me" a score or a tally (review22a). No comment
 * with another number reads so ("88 to the lads in blue, 85 to us", "88
 * to all my friends on the net, 73 from G4ABC"), nor a count ("88 to 70
 * at the half", "88 to go"). */
/* The words of fellowship "88" is offered to, as a greeting (greeting_88)
 * or a sign-off (code_in_context); the last two are the sign-off's
 * only. */
static const char *const fellows_88[] = {
    "brothers", "brother", "bros",     "brethren", "comrades",
    "comrade",  "kinsmen", "kin",      "lads",     "sisters",
    "frens",    "aryans",  "patriots", "friends",  "fam"};

static bool greeting_88(const run *R, const mention *m, const sentence *s) {
  static const char *const fill[] = {"all", "the",   "my",  "of",
                                     "you", "every", "our", "fellow"};
  const dc_rules_scratch *rs = R->rs;
  if (m->tb != s->tb || !tok_is_word(R, m->te, "to"))
    return false;
  for (uint32_t k = 0; k < rs->ntok; k++) {
    char c = R->n->text[rs->toks[k].b];
    if ((k < m->tb || k >= m->te) && rs->toks[k].type == TK_WORD && c >= '0' &&
        c <= '9')
      return false;
  }
  uint32_t k = m->te + 1, n = 0;
  for (; k < s->te && n < 3 &&
         word_among(R, k, k + 1, fill, sizeof fill / sizeof *fill);
       k++, n++)
    ;
  /* (the sign-off's words of address but its last two, "friends" and
   * "fam", which a radio amateur's "88 to all my friends" has too) */
  return k < s->te && word_among(R, k, k + 1, fellows_88,
                                 sizeof fellows_88 / sizeof *fellows_88 - 2);
}

/* "14 words. Protect the future of Irish children.", "Fourteen
 * words. Secure a future for our Irish kids": the slogan named
 * as a slogan (its sentence holds nothing else but "the", "remember",
 * "never forget"; "the 14 words" is an entry of its own) in a comment
 * that says its words of a people: a race, a nation or an
 * ethnic group named (white, European, Irish), a word of its cause
 * (future, existence, secure, protect) and of whom it is for (children,
 * kids, race, people). Not a count ("14 words per line", "the title is
 * 14 words long", "14 words. That's the limit for the Irish children's
 * poem"). */
static bool slogan_14(const run *R, const mention *m) {
  static const char *const cause[] = {"future", "existence", "secure",
                                      "protect", "survival"};
  static const char *const whom[] = {"children", "kids", "race", "people",
                                     "babies"};
  static const char *const lead[] = {"the", "remember", "never", "forget"};
  const dc_rules_scratch *rs = R->rs;
  const sentence *s = sent_of(R, m->tb);
  bool alone = true;
  for (uint32_t k = s->tb; k < s->te && alone; k++)
    if (rs->toks[k].type == TK_WORD && (k < m->tb || k >= m->te))
      alone = k < m->tb &&
              word_among(R, k, k + 1, lead, sizeof lead / sizeof *lead);
  if (!alone)
    return false;
  /* the slogan's cause as a call: a sentence opening with "protect",
   * "secure", "save" or "preserve" (or "we must" before one), not a
   * story or a poem's count that says those words ("That's all my
   * Irish kids' poem needs to secure first place", "Write a story about
   * the future for Black children in fourteen words": review22a) */
  static const char *const call[] = {"protect", "secure", "save", "preserve"};
  static const char *const must[] = {"we", "must", "need", "to"};
  bool called = false;
  for (uint32_t si = 0; si < rs->ns && !called; si++) {
    uint32_t k = rs->s[si].tb;
    while (k < rs->s[si].te && rs->toks[k].type != TK_WORD)
      k++;
    for (int n = 0; n < 3 && k + 1 < rs->s[si].te &&
                    word_among(R, k, k + 1, must, sizeof must / sizeof *must);
         n++)
      k++;
    called = k < rs->s[si].te &&
             word_among(R, k, k + 1, call, sizeof call / sizeof *call);
  }
  if (!called ||
      !word_among(R, 0, rs->ntok, cause, sizeof cause / sizeof *cause) ||
      !word_among(R, 0, rs->ntok, whom, sizeof whom / sizeof *whom))
    return false;
  for (size_t i = 0; i < rs->nt; i++) {
    const target *t = &rs->t[i];
    if (t->type == TG_GROUP &&
        (t->categories & (NATION_CATEGORIES | (1u << DECORUM_CATEGORY_RACE))))
      return true;
  }
  return false;
}

/* "groomer", the smear of LGBTQ people as child abusers, where no pet
 * or court case is meant:
 * - a term of address ending a short retort ("Ok, groomer.", "Nice try,
 *   groomer.", "Okay groomer"): the word last in its sentence of at most
 *   eight words, right after a comma or after "ok", "okay", "sure",
 *   "cope"; not "Sarah, our groomer" (a determiner before it), not "the
 *   dog groomer";
 * - said of LGBTQ people, Pride or drag in its sentence ("Every teacher
 *   with a pride flag is a groomer", "Pride is a groomer parade", "LGBT
 *   = groomers").
 * Not in a comment about a conviction or a trial ("the groomer was
 * jailed for 8 years"), nor of a dog or a pet. */
static bool groomer_smear(const run *R, const mention *m) {
  static const char *const court[] = {
      "jailed", "convicted", "sentenced", "charged", "arrested",
      "court",  "trial",     "guilty",    "prison",  "police",
      "years",  "dog",       "dogs",      "pet",     "pets",
      "cat",    "cats",      "horse",     "poodle",  "salon"};
  static const char *const retort[] = {"ok",   "okay", "k",    "sure",
                                       "cope", "yeah", "right"};
  static const char *const pride[] = {
      "pride",    "drag",       "lgbt",        "lgbtq",    "lgbtq+",
      "lgbtqia",  "rainbow",    "queer",       "queers",   "gay",
      "gays",     "trans",      "tranny",      "trannies", "lesbian",
      "lesbians", "homosexual", "homosexuals", "alphabet"};
  const dc_rules_scratch *rs = R->rs;
  if (word_among(R, 0, rs->ntok, court, sizeof court / sizeof *court))
    return false;
  const sentence *s = sent_of(R, m->tb);
  uint32_t words = 0;
  for (uint32_t k = s->tb; k < s->te; k++)
    words += rs->toks[k].type == TK_WORD;
  bool last = true;
  for (uint32_t k = m->te; k < s->te; k++)
    last &= rs->toks[k].type != TK_WORD;
  /* (not a customer's thanks: "Thanks, groomer!") */
  static const char *const thanks[] = {"thanks", "thank", "thx", "ty",
                                       "cheers", "love",  "best"};
  if (last && words <= 8 && m->tb > s->tb &&
      !has_kind_in(R, s->tb, s->te, DC_KIND_POSITIVE) &&
      !word_among(R, s->tb, s->te, thanks, sizeof thanks / sizeof *thanks) &&
      ((rs->toks[m->tb - 1].type == TK_PUNCT &&
        rs->toks[m->tb - 1].ch == ',') ||
       word_among(R, m->tb - 1, m->tb, retort, sizeof retort / sizeof *retort)))
    return true;
  if (word_among(R, s->tb, s->te, pride, sizeof pride / sizeof *pride))
    return true;
  for (size_t i = 0; i < rs->nt; i++) {
    const target *t = &rs->t[i];
    if (t->type == TG_GROUP && t->tb >= s->tb && t->tb < s->te &&
        (t->categories & ((1u << DECORUM_CATEGORY_SEXUAL_ORIENTATION) |
                          (1u << DECORUM_CATEGORY_GENDER_IDENTITY))))
      return true;
  }
  return false;
}

/* Does an ambiguous code stand in the context its code reading needs?
 * - "88" signing off (its sentence is "88" alone or with a word of
 *   address: "88 brothers", "88!") a comment that names white people
 *   ("Great to see good white folks standing up ... 88 brothers"); not a
 *   count ("88 keys on a piano", "88 people showed up"), nor a year or a
 *   score inside a sentence ("my '88 Corolla"); or offered as a
 *   greeting (greeting_88).
 * - "14 words" / "fourteen words" as the slogan (slogan_14).
 * - "groomer" as the smear of LGBTQ people (groomer_smear).
 * - a Jewish code ("the JQ") beside a leading question of who controls
 *   something ("Who runs Hollywood? Who runs the Fed?"), the trope asked
 *   with the answer left to the reader; not "the JQ" as a journal's
 *   initials in a sentence with no such question. */
static bool code_in_context(const run *R, const mention *m) {
  const dc_entry *e = ent(R, m);
  const dc_rules_scratch *rs = R->rs;
  if (R->denounce_any)
    return false;
  if (e->term_len == 2 && e->term[0] == '8' && e->term[1] == '8') {
    static const char *const cause[] = {
        "race",        "pride",    "power",    "nation",   "nationalism",
        "genocide",    "identity", "homeland", "children", "survival",
        "brotherhood", "europe",   "america"};
    const sentence *s = sent_of(R, m->tb);
    if (greeting_88(R, m, s))
      return true;
    if (R->rs->toks[m->tb].sent + 1 != rs->ns)
      return false;
    uint32_t words = 0;
    bool other = false;
    for (uint32_t k = s->tb; k < s->te; k++) {
      if (rs->toks[k].type != TK_WORD || (k >= m->tb && k < m->te))
        continue;
      words++;
      other |= !word_among(R, k, k + 1, fellows_88,
                           sizeof fellows_88 / sizeof *fellows_88);
    }
    if (words > 1 || other)
      return false;
    for (size_t i = 0; i < rs->nt; i++) {
      const target *t = &rs->t[i];
      if (t->type != TG_GROUP || t->entry < 0)
        continue;
      const dc_entry *g = &R->lx->entries[t->entry];
      /* white people named as a people: with a noun for them
       * ("white folks", "white men") or a word of the nationalists'
       * cause ("white pride", "white race"); a band, a team or a
       * song named by the word alone is none ("the White Stripes",
       * "Leeds United, the Whites", "White Christmas") */
      if (g->group_len == 5 && memcmp(g->group, "white", 5) == 0 &&
          ((t->te - t->tb >= 2 && (kind_at(R, t->te - 1, DC_KIND_PERSON) ||
                                   kind_at(R, t->te - 1, DC_KIND_IDENTITY) ||
                                   kind_at(R, t->te - 1, DC_KIND_HUMANITY))) ||
           /* "good whites": the plural in lower case */
           (t->te - t->tb == 1 && !capitalized(R, t->tb) &&
            R->n->text[rs->toks[t->tb].e - 1] == 's') ||
           word_among(R, t->te, t->te + 1 < rs->ntok ? t->te + 1 : rs->ntok,
                      cause, sizeof cause / sizeof *cause)))
        return true;
    }
    return false;
  }
  if ((e->term_len == 8 && memcmp(e->term, "14 words", 8) == 0) ||
      (e->term_len == 14 && memcmp(e->term, "fourteen words", 14) == 0))
    return slogan_14(R, m);
  if (e->term_len == 7 && memcmp(e->term, "groomer", 7) == 0)
    return groomer_smear(R, m);
  /* "The JQ podcast explained it": the initials name a show, a
   * journal or a piece */
  static const char *const media[] = {
      "podcast", "podcasts",   "journal", "magazine", "show",    "piece",
      "article", "newsletter", "blog",    "channel",  "episode", "review"};
  if (!(e->categories & (1u << DECORUM_CATEGORY_RELIGION)) ||
      !(R->kinds & KIND_BIT(CONSP_ACTION)) ||
      word_among(R, m->te, m->te + 1 < rs->ntok ? m->te + 1 : rs->ntok, media,
                 sizeof media / sizeof *media))
    return false;
  for (uint32_t si = 0; si < rs->ns; si++) {
    const sentence *s = &rs->s[si];
    if (!s->question || !tok_is_word(R, s->tb, "who"))
      continue;
    const mention *a = mention_at(R, s->tb + 1, DC_KIND_CONSP_ACTION);
    if (a && a->te < s->te &&
        (kind_at(R, a->te, DC_KIND_CONSP_OBJECT) ||
         (a->te + 1 < s->te && kind_at(R, a->te + 1, DC_KIND_CONSP_OBJECT))))
      return true;
  }
  return false;
}

/* Is the code at token tb the mark by which the sentence would sanction
 * someone: "Anyone with 1488 in their username should be banned", "report
 * accounts using 88 in their bio", "people posting 14/88 get blocked",
 * "the guy spamming 1488 in chat is a neo-Nazi. Ban him.",
 * "people writing (((they))) control the banks should be banned" (the
 * echo, rule_echo)?
 * The code follows a word that makes it what someone has or shows, and
 * a word of moderation (ban, report, block, mute, kick, remove), not
 * negated, is in its clause, whose sentence names no protected group (a ban of
 * a group stays a call for exclusion: "1488, ban all the Muslims").
 * Counter-speech: the writer wants the code's users gone. */
static bool code_sanctioned_at(run *R, uint32_t tb, uint32_t skip_e) {
  static const char *const has[] = {
      "with",       "using",  "uses",    "use",      "posting",
      "posts",      "post",   "wearing", "writing",  "writes",
      "displaying", "has",    "having",  "spamming", "spams",
      "spammed",    "typing", "types",   "typed"};
  static const char *const act[] = {
      "ban",       "banned", "bans",    "banning", "report", "reported",
      "reporting", "block",  "blocked", "mute",    "muted",  "kick",
      "kicked",    "remove", "removed", "delete",  "deleted"};
  /* (four words back: "with 88 or 1488 in their handle") */
  if (!word_among(R, tb > 4 ? tb - 4 : 0, tb, has, sizeof has / sizeof *has))
    return false;
  const sentence *s = sent_of(R, tb);
  bool sanction = false;
  for (uint32_t k = s->tb; k < s->te; k++) {
    /* (the words [tb, skip_e) an echo wraps are the code, not a group
     * named) */
    if (in_target(R, k, TG_GROUP) && !(k >= tb && k < skip_e))
      return false;
    /* (an echo's clause ends at its brackets; the sanction on who
     * writes it may follow anywhere after it in its sentence) */
    if ((skip_e > tb ? k < skip_e
                     : R->rs->toks[k].clause != R->rs->toks[tb].clause) ||
        negator(R, k))
      continue;
    sanction |= word_among(R, k, k + 1, act, sizeof act / sizeof *act);
  }
  /* "... the account above with 1488 in the username is using a
   * neo-Nazi code. Please ban.": or a short sentence right after it of
   * a word of moderation and at most three more words */
  uint32_t si = (uint32_t)(s - R->rs->s);
  if (!sanction && si + 1 < R->rs->ns) {
    const sentence *nx = &R->rs->s[si + 1];
    uint32_t words = 0;
    for (uint32_t k = nx->tb; k < nx->te; k++) {
      if (R->rs->toks[k].type != TK_WORD)
        continue;
      /* (not "Ban me.": the writer's dare) */
      if (++words > 4 || negator(R, k) || in_target(R, k, TG_GROUP) ||
          kind_at(R, k, DC_KIND_PRONOUN_SELF))
        return false;
      sanction |= word_among(R, k, k + 1, act, sizeof act / sizeof *act);
    }
  }
  return sanction;
}

/* Is conspiracy mention m a denial of the Holocaust's toll said by its
 * number alone ("six million is made up") where the number is money or
 * another count? The comment names neither the Holocaust, its
 * perpetrators or camps, nor Jewish people, and it talks of money or
 * gives another figure ("Six million my ass, that house is worth two at
 * most", "The mayor's 6 million figure is made up, the budget was 4
 * million"), or the sentence asks it to answer no ("Six million is a
 * hoax? No. Read Hilberg."). Alone, the number keeps its one meaning
 * ("Six million is a lie, it never happened"). Runs only for entries
 * starting with the number. */
static bool toll_unnamed(const run *R, const mention *m, const dc_entry *e) {
  static const char *const named[] = {
      "holocaust", "holohoax",  "shoah",     "nazi",   "nazis",
      "hitler",    "auschwitz", "treblinka", "dachau", "chambers",
      "chamber",   "camps",     "genocide",  "ww2",    "wwii"};
  static const char *const money[] = {
      "worth",   "budget",    "price",       "prize",     "lottery", "jackpot",
      "funding", "savings",   "money",       "cost",      "costs",   "tax",
      "salary",  "market",    "house",       "apartment", "flat",    "contract",
      "deal",    "dollars",   "pounds",      "euros",     "bucks",   "fee",
      "views",   "followers", "subscribers", "votes",     "sales"};
  const dc_rules_scratch *rs = R->rs;
  if (!((e->term_len > 12 && memcmp(e->term, "six million ", 12) == 0) ||
        (e->term_len > 10 && memcmp(e->term, "6 million ", 10) == 0)))
    return false;
  if (word_among(R, 0, rs->ntok, named, sizeof named / sizeof *named))
    return false;
  /* Jewish people named: a group the lexicon says is Jewish */
  for (size_t i = 0; i < rs->nt; i++) {
    const target *t = &rs->t[i];
    if (t->type != TG_GROUP || t->entry < 0)
      continue;
    const dc_entry *g = &R->lx->entries[t->entry];
    if (g->group_len == 6 && memcmp(g->group, "jewish", 6) == 0)
      return false;
  }
  if (sent_of(R, m->tb)->question ||
      word_among(R, 0, rs->ntok, money, sizeof money / sizeof *money))
    return true;
  for (uint32_t k = 0; k < rs->ntok; k++) {
    const tok *t = &rs->toks[k];
    unsigned char c = (unsigned char)R->n->text[t->b];
    if ((k < m->tb || k >= m->te) && t->type == TK_WORD &&
        ((c >= '0' && c <= '9') || c == '$'))
      return true;
  }
  return false;
}

static bool negated_copula(const char *w, size_t wl);

/* Is trope m held true right after it: "love jihad is real", "the
 * great replacement is happening", "Eurabia is a fact"? A linking verb
 * follows it, then at most an adverb ("is absolutely real") and "real",
 * "true", "happening" or "a fact", in a statement ("Is love jihad real?"
 * asks). Said so, the trope is the writer's claim, not a word in
 * passing: 1. Said with a negation ("love jihad is not real", "...
 * isn't happening") it is denied: -1. Else 0. */
static int trope_held(const run *R, const mention *m) {
  static const char *const held[] = {"real", "true", "happening"};
  const sentence *s = sent_of(R, m->tb);
  uint32_t k = m->te;
  if (s->question || k >= s->te)
    return 0;
  /* "Love jihad exists", ending its clause */
  if ((tok_is_word(R, k, "exists") || tok_is_word(R, k, "exist")) &&
      (k + 1 >= s->te || R->rs->toks[k + 1].type == TK_PUNCT))
    return 1;
  bool neg = kind_at(R, k, DC_KIND_NEGATION);
  if (!kind_at(R, k, DC_KIND_COPULA) &&
      !(neg && negated_copula(R->n->text + R->rs->toks[k].b,
                              R->rs->toks[k].e - R->rs->toks[k].b)))
    return 0; /* (a linking verb, or one negated: "isn't") */
  k++;
  /* ("very real", "100% real", "so fucking real"; "so" and the -ly
   * words are adverb_like's, '%' is punctuation) */
  static const char *const degree[] = {"very", "100", "fucking", "def"};
  for (int i = 0;
       i < 3 && k < s->te &&
       (adverb_like(R, k) || kind_at(R, k, DC_KIND_NEGATION) ||
        word_among(R, k, k + 1, degree, sizeof degree / sizeof *degree) ||
        (R->rs->toks[k].type == TK_PUNCT && R->rs->toks[k].ch == '%'));
       i++, k++)
    neg |= kind_at(R, k, DC_KIND_NEGATION);
  if (k >= s->te)
    return 0;
  uint32_t w = k + 1;
  if (!word_among(R, k, k + 1, held, sizeof held / sizeof *held)) {
    if (!(k + 1 < s->te && tok_is_word(R, k, "a") &&
          (tok_is_word(R, k + 1, "fact") || tok_is_word(R, k + 1, "reality"))))
      return 0;
    w = k + 2;
  }
  /* The word ends its clause ("is real, ...", "is real and ..."): not
   * "is a fact of life in Kerala politics", "is a real problem". */
  static const char *const next[] = {
      "and", "but", "now",  "here",  "today",  "already",    "lol",
      "af",  "bro", "mate", "folks", "people", "everywhere", "too"};
  if (w < s->te && R->rs->toks[w].type != TK_PUNCT &&
      !word_among(R, w, w + 1, next, sizeof next / sizeof *next))
    return 0;
  return neg ? -1 : 1;
}

/* Does the comment state two different tropes, apart, in statements
 * ("Muslims are outbreeding us, by 2050 it will be Eurabia"), and
 * denounce nothing? Each alone may be a word in passing; two told
 * together are the writer's story. Worked out once per comment. */
static bool tropes_told(run *R) {
  /* (not named as theories: "Eurabia and the great replacement are
   * both conspiracy theories") */
  static const char *const named[] = {"theory", "theories", "conspiracy",
                                      "conspiracies"};
  if (!R->tropes_stated &&
      word_among(R, 0, R->rs->ntok, named, sizeof named / sizeof *named))
    R->tropes_stated = 1;
  if (!R->tropes_stated) {
    const mention *first = NULL;
    bool two = false;
    for (size_t i = 0; i < R->rs->nm && !two && !R->denounce_any; i++) {
      const mention *o = &R->rs->m[i];
      if (o->kind != DC_KIND_CONSPIRACY || sent_of(R, o->tb)->question)
        continue;
      if (!first)
        first = o;
      else
        two = o->entry != first->entry && o->tb >= first->te;
    }
    R->tropes_stated = two ? 2 : 1;
  }
  return R->tropes_stated == 2;
}

/* Is the statistic code m ("13/50", a count over a count) a score or
 * a count: a word of marks, tests or games right around it ("I got
 * 13/50 on the quiz", "13/50 correct", "rated it 13/50", "shot 13/50
 * from three"), or the things or people it counts right after it
 * ("13/50 students said", "13/50 of the families we surveyed")? Next to
 * the number, not anywhere in the sentence: "13/50 and they get away
 * with it", "13/50 every week in Chicago" are the meme. */
static bool code_scored(const run *R, const mention *m) {
  static const char *const before[] = {
      "got",     "get",   "gets", "getting",  "scored",   "score",  "scores",
      "scoring", "rated", "rate", "rating",   "shot",     "shoots", "shooting",
      "hit",     "hits",  "went", "finished", "answered", "made",   "covered",
      "won",     "lost",  "was",  "were",     "am"};
  static const char *const after[] = {
      "points",     "marks",      "mark",        "test",         "quiz",
      "exam",       "grade",      "questions",   "correct",      "attempts",
      "shots",      "from",       "on",          "wickets",      "runs",
      "seats",      "votes",      "page",        "pages",        "chapter",
      "episode",    "rating",     "stars",       "shifts",       "night",
      "of",         "students",   "respondents", "participants", "patients",
      "pupils",     "kids",       "children",    "families",     "members",
      "households", "candidates", "applicants",  "employees",    "workers",
      "women",      "men",        "voters",      "people",       "games",
      "matches",    "days",       "times",       "words",        "items",
      "samples",    "cases",      "tries",       "free",         "throws",
      "field",      "goals",      "halftime",    "overall"};
  const sentence *s = sent_of(R, m->tb);
  uint32_t a = m->tb >= s->tb + 3 ? m->tb - 3 : s->tb;
  if (word_among(R, a, m->tb, before, sizeof before / sizeof *before))
    return true;
  uint32_t e = m->te + 2 < s->te ? m->te + 2 : s->te;
  /* ("13/50 of them": the meme's "of them") */
  if (tok_is_word(R, m->te, "of") && tok_is_word(R, m->te + 1, "them"))
    return false;
  return word_among(R, m->te, e, after, sizeof after / sizeof *after);
}

/* Are people talked of beside statistic code m: a group named or a
 * third-person pronoun ("13/50 and they still wonder why nobody wants to
 * rent to them") in its sentence? The statistic then is said of them. */
static bool code_said_of(const run *R, const mention *m) {
  const sentence *s = sent_of(R, m->tb);
  for (size_t i = targets_from(R->rs, s->tb); i < R->rs->nt; i++) {
    const target *t = &R->rs->t[i];
    if (t->tb >= s->te)
      break;
    if (t->type == TG_GROUP || t->type == TG_PRONOUN)
      return true;
  }
  return false;
}

/* Is the group word of target t (before the phrase m) a colour or a place
 * before a name written as one, a breed ("Black Angus", "our Black
 * Orpingtons", "Black Copper Marans")? A word in title case right after
 * it that is no noun for people ("Black families", "Black Women" are
 * people) nor the phrase itself ("Muslims Breed On Purpose"). */
static bool breed_named(const run *R, const target *t, const mention *m) {
  uint32_t k = t->tb;
  while (k < t->te && !kind_at(R, k, DC_KIND_IDENTITY))
    k++;
  k++; /* (the word after the first group word: "Black Women Are") */
  return k < t->te + 1 && k < R->rs->ntok && k != m->tb &&
         R->rs->toks[k].type == TK_WORD && title_case(R, k) &&
         !kind_at(R, k, DC_KIND_PERSON) && !kind_at(R, k, DC_KIND_IDENTITY);
}

/* Is the libel m, a deed blamed on a people ("they poisoned the wells",
 * "released covid on purpose"), told of that
 * people: the comment names the group its entry names ("the Jews
 * poisoned the wells", "The Chinese released covid on purpose"), apart
 * from the phrase, or calls them a "tribe" ("... same tribe")? A company
 * or a war that poisoned wells, a government that released a virus
 * are no people. Runs only for entries
 * that start with the deed's verb (or its adverb), or of sense `breed`. */
static bool libel_of_people(const run *R, const mention *m, const dc_entry *e) {
  static const char *const deed[] = {
      "poisoned", "poisoning", "poison",       "poisons",
      "released", "unleashed", "deliberately", "intentionally"};
  size_t fl = 0;
  while (fl < e->term_len && e->term[fl] != ' ')
    fl++;
  /* "Muslims are breeding on purpose": the demographic plot, told of
   * any group its entry smears (a kind of group: migrants, Muslims,
   * people of colour), not of a breeder's dogs */
  if (DC_SENSE_OF(e->flags) == DC_SENSE_BREED) {
    for (size_t i = 0; i < R->rs->nt; i++) {
      const target *t = &R->rs->t[i];
      if (t->type == TG_GROUP && (t->categories & e->categories) &&
          !(t->tb < m->te && t->te > m->tb) && !breed_named(R, t, m))
        return true;
    }
    return false;
  }
  if (!dc_word_in(e->term, fl, deed, sizeof deed / sizeof *deed))
    return false;
  /* "tribe" as the writer's name for the people, by a pointing word
   * ("same tribe", "that tribe", "a certain tribe"); not a named one
   * ("the Navajo tribe depends on ...") nor "find your tribe" */
  static const char *const pointing[] = {"same",   "that",  "this", "certain",
                                         "chosen", "usual", "those"};
  for (uint32_t k = 1; k < R->rs->ntok; k++) {
    if (!tok_is_word(R, k, "tribe") && !tok_is_word(R, k, "tribes"))
      continue;
    uint32_t p = k - 1; /* ("same old tribe") */
    if (p > 0 && tok_is_word(R, p, "old"))
      p--;
    if (word_among(R, p, p + 1, pointing, sizeof pointing / sizeof *pointing))
      return true;
  }
  for (size_t i = 0; i < R->rs->nt; i++) {
    const target *t = &R->rs->t[i];
    /* (nor "the tribe" after the deed, its victims: "... so the
     * tribe had to move south"; "the tribe poisoned the wells" is
     * told of the people) */
    if (t->type != TG_GROUP || t->entry < 0 ||
        (t->tb < m->te && t->te > m->tb) ||
        (t->tb >= m->te && (tok_is_word(R, t->te - 1, "tribe") ||
                            tok_is_word(R, t->te - 1, "tribes"))))
      continue;
    if (strcmp(R->lx->entries[t->entry].group, e->group) == 0)
      return true;
  }
  return false;
}

/* Is the ambiguous plot word m ("gay agenda", "trans agenda") the subject
 * of a smear later in its sentence: a stereotype entry that names no
 * group or names m's ("the gay agenda is recruiting kids", "the lgbt
 * agenda is grooming kids")? The agenda is then the smear's doer, the
 * trope meant, not a phrase quoted or a policy debated ("the gay agenda
 * is a myth", "the so-called gay agenda on the school board's list").
 * Not a smear denied: a negation in the stretch of its clause before it
 * ("the gay agenda is not recruiting kids", "isn't grooming anyone") or
 * one that contrasts it away ("... is equal rights, not grooming kids");
 * a clause of its own after a comma still counts ("the gay agenda isn't
 * about rights, it's grooming kids"). */
static bool agenda_smear(const run *R, const mention *m, const dc_entry *e) {
  if (!e->group_len || !any_kind(R, DC_KIND_STEREOTYPE))
    return false;
  const sentence *s = sent_of(R, m->tb);
  for (size_t i = R->rs->first[m->te]; i < R->rs->nm; i++) {
    const mention *o = &R->rs->m[i];
    if (o->tb >= s->te)
      break;
    if (o->kind != DC_KIND_STEREOTYPE)
      continue;
    const dc_entry *oe = ent(R, o);
    if (oe->group_len && (oe->group_len != e->group_len ||
                          memcmp(oe->group, e->group, e->group_len) != 0))
      continue;
    uint32_t cb = o->tb;
    while (cb > m->te &&
           !(R->rs->toks[cb - 1].type == TK_PUNCT && R->rs->toks[cb - 1].ch &&
             strchr(",;:", R->rs->toks[cb - 1].ch)))
      cb--;
    if (!has_kind_in(R, cb, o->tb, DC_KIND_NEGATION))
      return true;
  }
  return false;
}

/* Is the ambiguous code m in scare quotes of its own, the writer's
 * sarcasm: "the hotel is being 'enriched' next month", "fewer 'urban'
 * families", "would you let a 'quota doctor' operate", "'diverse youth'
 * stabbed someone"? Quote marks right around the code's words, no
 * report in its sentence (a quote someone is named for: "the mayor
 * called it 'enriched'", "what the paper calls 'urban' families"), no
 * word naming it a word ("the term 'urban'", "what does 'urban' mean"),
 * no word of praise and nothing denounced. And said of people or where
 * they live: the code a noun for people itself (flag `noun`), a noun for
 * people right after the closing mark ("'urban' families"), or a word of
 * a place people live in its sentence ("the village", "the hotel"); not
 * "'enriched' flour", "'urban' music". */
static bool code_scare_quoted(const run *R, const mention *m) {
  static const char *const named[] = {
      "word",      "words", "term",   "terms",   "label",    "phrase",
      "euphemism", "mean",  "means",  "meaning", "meant",    "called",
      "calls",     "call",  "dubbed", "branded", "according"};
  static const char *const where[] = {
      "village",  "town",    "area",      "neighbourhood", "neighborhood",
      "district", "city",    "street",    "estate",        "hotel",
      "school",   "schools", "community", "suburb",        "borough",
      "county",   "country", "parish",    "ward",          "constituency",
      "postcode", "zip",     "block",     "building",      "hostel",
      "centre",   "center"};
  static const char *const move[] = {"moved", "moving", "move", "moves"};
  /* a gathering the crowd comes to, told with a warning to lock up
   * ("'cultural enrichment' at the mela this weekend, lock your cars";
   * not "The 'diverse' line-up at the festival was all white guys,
   * again") */
  static const char *const event[] = {"festival", "mela", "carnival", "parade"};
  const dc_rules_scratch *rs = R->rs;
  const tok *t = rs->toks;
  if (R->denounce_any || m->tb == 0 || m->te >= rs->ntok)
    return false;
  const tok *o = &t[m->tb - 1], *c = &t[m->te];
  /* (the quotes may open one word before the code: "'cultural
   * enrichment'") */
  if (o->type == TK_WORD && m->tb >= 2)
    o = &t[m->tb - 2];
  if (o->type != TK_PUNCT || (o->ch != '\'' && o->ch != '"') ||
      c->type != TK_PUNCT || c->ch != o->ch)
    return false;
  const sentence *s = sent_of(R, m->tb);
  /* (nor quotes of emphasis beside praise: "Our school is proudly
   * 'diverse' and I love it"; the code itself may be a word of praise,
   * "'diversity'") */
  if (has_kind_in(R, s->tb, s->te, DC_KIND_REPORT) ||
      has_kind_in(R, s->tb, m->tb, DC_KIND_POSITIVE) ||
      has_kind_in(R, m->te, s->te, DC_KIND_POSITIVE))
    return false;
  /* (but "mean" in the wink, "if you know what I mean") */
  for (uint32_t k = s->tb; k < s->te; k++)
    if (word_among(R, k, k + 1, named, sizeof named / sizeof *named) &&
        !(tok_is_word(R, k, "mean") && k > s->tb && tok_is_word(R, k - 1, "i")))
      return false;
  /* The insinuation the quotes make needs its point in the comment: a
   * crime or a decline laid beside the code ("Wonder what the crime
   * stats look like", "test scores jumped. Funny how that works",
   * "arrested again", "Lock your doors", "Would you trust a 'quota
   * doctor'"), or the wink ("if you know what I mean", "if you catch
   * my drift"). Quotes
   * of doubt or irony have none ("Our town is hardly 'urban'", "Our
   * 'diverse' school has exactly one Black teacher", "Iran's uranium
   * is 'enriched' to 60%", "My mother was mocked as a 'quota doctor'":
   * review22a, 19 such false alarms). */
  static const char *const point[] = {
      "crime",       "crimes",      "stats",       "statistics", "stabbed",
      "stabbing",    "stabbings",   "arrested",    "rape",       "raped",
      "rapes",       "riot",        "riots",       "mugged",     "mugging",
      "robbed",      "robbery",     "burned",      "burnt",      "looted",
      "knife",       "knives",      "gang",        "gangs",      "violence",
      "scores",      "again",       "another",     "funny",      "wonder",
      "coincidence", "meritorious", "merit",       "incident",   "incidents",
      "assaulted",   "attacked",    "shoplifting", "theft",      "lock",
      "trust",       "drift"};
  bool wink = false;
  for (uint32_t k = 0; k + 1 < rs->ntok && !wink; k++)
    wink = tok_is_word(R, k, "know") && tok_is_word(R, k + 1, "what");
  if (!wink && !word_among(R, 0, rs->ntok, point, sizeof point / sizeof *point))
    return false;
  if (ent(R, m)->flags & DC_F_NOUN)
    return true;
  uint32_t n = m->te + 1;
  if (n < s->te &&
      (kind_at(R, n, DC_KIND_PERSON) || kind_at(R, n, DC_KIND_HUMANITY)))
    return true;
  if (word_among(R, s->tb, s->te, event, sizeof event / sizeof *event)) {
    for (uint32_t k = 0; k + 1 < rs->ntok; k++)
      if (tok_is_word(R, k, "lock") && tok_is_word(R, k + 1, "your"))
        return true;
  }
  /* A place word in the sentence, not one somewhere else ("moved to
   * another city" is leaving), or a named place moved into ("moved
   * into Maple Ridge"; "moved" alone is no place: "the 'diversity'
   * officer moved on"). */
  for (uint32_t k = s->tb; k < s->te; k++) {
    if (word_among(R, k, k + 1, where, sizeof where / sizeof *where) &&
        !(k > s->tb &&
          (tok_is_word(R, k - 1, "another") || tok_is_word(R, k - 1, "other"))))
      return true;
    if (k + 2 < s->te &&
        word_among(R, k, k + 1, move, sizeof move / sizeof *move) &&
        (tok_is_word(R, k + 1, "into") || tok_is_word(R, k + 1, "to") ||
         tok_is_word(R, k + 1, "in")) &&
        t[k + 2].type == TK_WORD && capitalized(R, k + 2))
      return true;
  }
  return false;
}

/* The ape emoji m put for a person in the forms the abuse of players
 * takes: beside a name or a @handle ("Rashford 🐒", "@Vinicius 🐒🐒",
 * "🦍🦍 @Player"), after "=" ("Saka = 🐒"), after "which", "typical" or a
 * determiner and one adjective ("Which 🦍 missed the penalty?", "typical
 * 🦍", "That black 🦍 should be deported"), or after a determiner as the
 * subject of a verb ("Look at this 🦍 trying to play football"). Not in a
 * comment of the writer's own ("me after leg day, this 🦍 is tired") or
 * of praise or wishes ("Happy birthday Tom 🐒"), nor of hype ("🦍🦍🦍
 * what a game", "Gym 🦍", "apes together strong"), nor in
 * capitals throughout ("GME 🦍🦍"); code_as_person keeps out real
 * animals. */
static bool ape_named(const run *R, const mention *m) {
  static const char *const hype[] = {"gym",      "lift",     "lifting",
                                     "gains",    "beast",    "mode",
                                     "strong",   "lfg",      "hodl",
                                     "moon",     "stonks",   "game",
                                     "kong",     "king",     "win",
                                     "hype",     "mood",     "vibes",
                                     "squad",    "gang",     "lol",
                                     "lmao",     "haha",     "happy",
                                     "birthday", "congrats", "congratulations",
                                     "thanks"};
  static const char *const pre[] = {"which", "typical", "another", "that",
                                    "this",  "the",     "these",   "those"};
  static const char *const verb[] = {
      "is",      "was",     "should", "can't", "cant",  "can",   "will",
      "missed",  "trying",  "tried",  "keeps", "needs", "got",   "just",
      "playing", "running", "scored", "did",   "does",  "thinks"};
  const dc_rules_scratch *rs = R->rs;
  if (any_kind(R, DC_KIND_PRONOUN_SELF) || any_kind(R, DC_KIND_POSITIVE) ||
      word_among(R, 0, rs->ntok, hype, sizeof hype / sizeof *hype))
    return false;
  uint32_t p = m->tb - 1; /* m->tb > 0 */
  const tok *pt = &rs->toks[p];
  const char *src = R->n->text;
  /* "Saka = 🐒" */
  if (pt->type == TK_PUNCT && pt->ch == '=')
    return true;
  /* a name or a handle right before it, or a handle right after */
  if (pt->type == TK_WORD &&
      ((pt->b > 0 && src[pt->b - 1] == '@') ||
       (title_case(R, p) &&
        !word_among(R, p, p + 1, pre, sizeof pre / sizeof *pre))))
    return true;
  if (m->te < rs->ntok &&
      ((rs->toks[m->te].type == TK_WORD && rs->toks[m->te].b > 0 &&
        src[rs->toks[m->te].b - 1] == '@') ||
       (rs->toks[m->te].type == TK_PUNCT && rs->toks[m->te].ch == '@' &&
        m->te + 1 < rs->ntok && rs->toks[m->te + 1].type == TK_WORD)))
    return true;
  if (pt->type != TK_WORD)
    return false;
  /* "Which 🦍 ...", "typical 🦍" */
  if (tok_is_word(R, p, "which") || tok_is_word(R, p, "typical"))
    return true;
  /* a determiner (and one adjective), the emoji the subject of a verb:
   * "That black 🦍 should be deported" */
  bool det = word_among(R, p, p + 1, pre, sizeof pre / sizeof *pre) ||
             (p > 0 && word_among(R, p - 1, p, pre, sizeof pre / sizeof *pre));
  return det && m->te < rs->ntok &&
         word_among(R, m->te, m->te + 1, verb, sizeof verb / sizeof *verb);
}

/* Is the ambiguous code m, an emoji flagged `noun` that stands for a
 * person (the gorilla or monkey emoji), used as a noun for one person:
 * "imagine paying $50m to a 🦍 who can't even read a playbook", "that 🐒
 * on the wing"? A determiner before it, and after it "who" (not in the
 * writer's own simile) or, in its sentence, a word of a role or a wage
 * (player, striker, contract, paying); in a comment with no word of real
 * animals ("the zoo's new 🦍
 * who loves bananas", "a baby 🦍 at the sanctuary"). */
static bool code_as_person(const run *R, const mention *m) {
  static const char *const det[] = {"a",       "an",  "that", "this", "some",
                                    "another", "the", "your", "ur"};
  static const char *const role[] = {
      "player",    "players",    "striker",     "forward",   "defender",
      "keeper",    "goalkeeper", "quarterback", "qb",        "receiver",
      "ref",       "referee",    "playbook",    "contract",  "coach",
      "signing",   "signed",     "wing",        "winger",    "pitch",
      "court",     "league",     "club",        "paid",      "paying",
      "pay",       "salary",     "wages",       "transfer",  "draft",
      "drafted",   "rookie",     "teammate",    "starter",   "bench",
      "neighbour", "neighbor",   "coworker",    "colleague", "boss",
      "teacher",   "doctor",     "nurse",       "president", "mayor",
      "manager",   "employee",   "student",     "classmate"};
  static const char *const animals[] = {
      "zoo", "zoos", "wildlife", "safari", "animal", "animals", "enclosure",
      "species", "primate", "primates", "sanctuary", "documentary", "gorilla",
      "gorillas", "monkey", "monkeys", "ape", "apes", "orangutan", "chimp",
      "chimps", "chimpanzee", "habitat", "rainforest", "harambe", "baby",
      "cute", "pet", "banana", "bananas",
      /* a lifter's nickname, a toy, a costume, a mascot, a cartoon */
      "gym", "kg", "lbs", "squat", "deadlift", "deadlifts", "dumbbells",
      "weights", "lifting", "plush", "sticker", "mascot", "cartoon", "costume",
      "dressed", "toy", "temple", "kong", "tricks", "chest"};
  const dc_rules_scratch *rs = R->rs;
  if (m->tb == 0)
    return false;
  if (!word_among(R, m->tb - 1, m->tb, det, sizeof det / sizeof *det))
    return ape_named(R, m) && !word_among(R, 0, rs->ntok, animals,
                                          sizeof animals / sizeof *animals);
  /* (not the writer's own story: "That 🐒 who stole my phone in Bali",
   * "that 🦍 in the mirror is me") */
  if (any_kind(R, DC_KIND_PRONOUN_SELF))
    return false;
  const sentence *s = sent_of(R, m->tb);
  /* (with "who" alone, not the writer's own simile: "feeling like a 🦍
   * who just lifted a car") */
  if (!(word_among(R, s->tb, s->te, role, sizeof role / sizeof *role) ||
        (m->te < s->te && tok_is_word(R, m->te, "who") &&
         !(m->tb >= 2 && (tok_is_word(R, m->tb - 2, "like") ||
                          tok_is_word(R, m->tb - 2, "as")))) ||
        ape_named(R, m)))
    return false;
  return !word_among(R, 0, rs->ntok, animals, sizeof animals / sizeof *animals);
}

/* Does sentence s say what the writer will say ("'OK groomer' is all
 * I'll be saying at the council meeting", "I'm going to tell them ...")?
 * A pronoun of the writer's will (`i'll`, `we'll`), or "i"/"we" and
 * "will", "am going to" or "gonna", and within three words a verb of
 * saying, not negated ("I'll never say ..."). The words quoted beside it
 * are the writer's own, no one else's. */
static bool writer_will_say(const run *R, const sentence *s) {
  static const char *const say[] = {
      "say",   "saying",   "tell",    "telling",    "yell",   "yelling",
      "shout", "shouting", "reply",   "replying",   "answer", "answering",
      "post",  "posting",  "comment", "commenting", "call",   "calling"};
  for (uint32_t k = s->tb; k < s->te; k++) {
    const mention *p = mention_at(R, k, DC_KIND_PRONOUN_SELF);
    if (!p)
      continue;
    uint32_t v = p->te;
    if (!(ent(R, p)->flags & DC_F_WILL)) {
      if (!(tok_is_word(R, k, "i") || tok_is_word(R, k, "we")))
        continue;
      if (tok_is_word(R, v, "will") || tok_is_word(R, v, "gonna"))
        v++;
      else if (tok_is_word(R, v, "am") && tok_is_word(R, v + 1, "going") &&
               tok_is_word(R, v + 2, "to"))
        v += 3;
      else
        continue;
    }
    for (uint32_t j = v; j < s->te && j < v + 3; j++) {
      if (negator(R, j))
        break;
      if (word_among(R, j, j + 1, say, sizeof say / sizeof *say))
        return true;
    }
  }
  return false;
}

/* Does the nativist slogan m ("Britain for the British", "Kenya for
 * Kenyans", coded.tsv) stand as a slogan? The same words run on into
 * travel and sport: "flying to Japan for the Japanese Grand Prix", "to
 * Ireland for the Irish Sea crossing", "Poland for Poles abroad", "moved
 * to Germany for the Germans' love of bread", "Made in America for
 * Americans, our trucks ...". A slogan ends its clause (punctuation, an
 * emoji, the end of the text, "only", "alone", "and no one else", a
 * particle), and its country is no place gone to, left or made in: not
 * after "to", "in", "from", "visit", "leave" ... */
static bool nativist_slogan_stands(const run *R, const mention *m) {
  static const char *const place[] = {
      "to",      "in",      "into",   "from",    "via",      "across", "around",
      "through", "visit",   "visits", "visited", "visiting", "leave",  "leaves",
      "left",    "leaving", "tour",   "touring", "toured"};
  /* (and a particle or a tag that ends a sentence: "SG for
   * Singaporeans lah", "Britain for the British innit") */
  static const char *const closing[] = {
      "only", "alone",  "first",  "again", "forever", "always", "now", "not",
      "no",   "nobody", "period", "lah",   "leh",     "lor",    "sia", "la",
      "ah",   "innit",  "mate",   "bro",   "lol",     "yeah",   "ok",  "okay"};
  static const char *const none[] = {"no", "not", "nobody", "none", "noone"};
  const tok *tk = R->rs->toks;
  uint32_t n = R->rs->ntok;
  if (m->tb > 0 &&
      word_among(R, m->tb - 1, m->tb, place, sizeof place / sizeof *place))
    return false;
  /* "the Germans' love": the people's, a possessive, runs on */
  if (m->e < R->n->len && R->n->text[m->e] == '\'')
    return false;
  if (m->te >= n || tk[m->te].type == TK_NL)
    return true;
  if (tk[m->te].type == TK_PUNCT)
    return tk[m->te].ch != '-' && tk[m->te].ch != '\'';
  if ((unsigned char)R->n->text[tk[m->te].b] >= 0xE2)
    return true; /* an emoji, or a word of another script: no name */
  if (word_among(R, m->te, m->te + 1, closing,
                 sizeof closing / sizeof *closing))
    return true;
  return tok_is_word(R, m->te, "and") && m->te + 1 < n &&
         word_among(R, m->te + 1, m->te + 2, none, sizeof none / sizeof *none);
}

/* Numeric codes and hate acronyms. Ambiguous ones ("88") count only next to
 * other hate. */
static decorum_status rule_code(run *R, const mention *m, bool second_pass) {
  const dc_entry *e = ent(R, m);
  bool ambiguous = (e->flags & DC_F_AMBIGUOUS) != 0;
  if (ambiguous != second_pass)
    return DECORUM_OK;
  /* in scare quotes of its own, the writer's sarcasm (an entry flagged
   * `scare` is a code only so: "urban", "enriched") */
  bool scare_q = ambiguous && m->kind == DC_KIND_CODE && R->quotes &&
                 code_scare_quoted(R, m);
  /* an emoji that stands for a person, used as a noun for one */
  bool as_person = ambiguous && m->kind == DC_KIND_CODE &&
                   (e->flags & DC_F_NOUN) && !(e->flags & DC_F_SCARE) &&
                   !R->n->ascii && code_as_person(R, m);
  if ((e->flags & DC_F_SCARE) && !scare_q)
    return DECORUM_OK;
  if (m->kind == DC_KIND_CONSPIRACY) {
    if (toll_unnamed(R, m, e))
      return DECORUM_OK;
    /* "Holocaust figures are impossible to deny": "impossible to" is
     * what the figures make impossible, not the figures */
    if (e->term_len > 10 &&
        memcmp(e->term + e->term_len - 10, "impossible", 10) == 0 &&
        tok_is_word(R, m->te, "to"))
      return DECORUM_OK;
  }
  if (ok_rated(R, m))
    return DECORUM_OK;
  /* "Can you remove kebab and add halloumi please?", "remove kebab
   * from my order": the meme's words in an order of food are the
   * order */
  if (e->term_len == 12 && memcmp(e->term, "remove kebab", 12) == 0) {
    static const char *const food[] = {
        "order",    "menu",    "grill",  "skewer", "add",      "delivery",
        "halloumi", "falafel", "chips",  "salad",  "sauce",    "vegetarian",
        "vegan",    "meal",    "dinner", "lunch",  "takeaway", "photo"};
    if (word_among(R, 0, R->rs->ntok, food, sizeof food / sizeof *food))
      return DECORUM_OK;
  }
  /* "X for the Xs" (the only code entries of immigration status with
   * a "for" in them) as a slogan, not a trip to the X for something */
  if (m->kind == DC_KIND_CODE &&
      e->categories == (1u << DECORUM_CATEGORY_IMMIGRATION)) {
    bool slogan_for = false;
    for (uint32_t i = 0; i + 5 <= e->term_len && !slogan_for; i++)
      slogan_for = memcmp(e->term + i, " for ", 5) == 0;
    if (slogan_for && !nativist_slogan_stands(R, m))
      return DECORUM_OK;
  }
  /* "just join the 41% already": the share of trans people in one
   * survey who had tried to end their lives, said as a place to join,
   * is a call to suicide only as that share, with its "%" or "percent"
   * ("join the 41 families who signed" counts people, "join the 41% of
   * users who switched", "join the 41 percent of users who ..." a share
   * of someone else). (A sentinel token sits at ntok: the word after
   * the "%" may be read at the comment's end.) */
  bool percent = term_ends(e, " the 41 percent", false);
  if (percent || term_ends(e, " the 41", false)) {
    static const char *const whose[] = {"of",    "who",    "that", "which",
                                        "among", "in",     "on",   "at",
                                        "for",   "voting", "using"};
    uint32_t after = m->te;
    if (!percent) {
      if (!(m->te < R->rs->ntok && R->rs->toks[m->te].type == TK_PUNCT &&
            R->rs->toks[m->te].ch == '%'))
        return DECORUM_OK;
      after++;
    }
    if (word_among(R, after, after + 1, whose, sizeof whose / sizeof *whose))
      return DECORUM_OK;
  }
  /* a code its context confirms ("... good white folks ... 88
   * brothers") is meant: no innocent reading is left, a reject */
  bool confirmed = false;
  if (ambiguous && !scare_q && !as_person && !attacked(R) &&
      !(m->kind == DC_KIND_CONSPIRACY &&
        (another_trope(R) || answered(R, m) ||
         (confirmed = libel_of_people(R, m, e)) ||
         (confirmed = agenda_smear(R, m, e)))) &&
      !(m->kind == DC_KIND_CODE &&
        (sarcastic_event(R, m) || (confirmed = code_in_context(R, m)))))
    return DECORUM_OK;
  if ((e->flags & DC_F_CASE) && !capitalized(R, m->tb))
    return DECORUM_OK;
  /* "in 1488", "since 1988": a year. */
  if (m->tb > 0 && e->term_len == 4 && e->term[0] >= '0' && e->term[0] <= '9' &&
      (year_before(R, m->tb) || tok_is_word(R, m->tb - 1, "year")))
    return DECORUM_OK;
  bool numeric = false, ratio = false;
  for (uint32_t i = 0; i < e->term_len; i++) {
    if (e->term[i] >= '0' && e->term[i] <= '9')
      numeric = true;
    ratio |= e->term[i] == '/';
  }
  /* "13/50": a statistic meme that is also how a score is written. A
   * score ("I got 13/50 on the quiz") is none; said beside people
   * ("13/50 and they still wonder ...") it is the meme meant. (Not
   * "14/88", a code of the highest severity that no score reads as.) */
  if (ratio && numeric && m->kind == DC_KIND_CODE && e->severity < 3) {
    if (code_scored(R, m))
      return DECORUM_OK;
    confirmed |= code_said_of(R, m);
  }
  decorum_signal sig = m->kind == DC_KIND_CONSPIRACY ? DECORUM_SIGNAL_CONSPIRACY
                       : numeric ? DECORUM_SIGNAL_CODED_NUMERIC
                                 : DECORUM_SIGNAL_CODED_DOGWHISTLE;
  const mention *neg;
  scope sc = scope_of(R, m->tb, m->te, &neg);
  /* (the scare quotes are the writer's, no one else's words; so are
   * quoted words the writer says they will say) */
  if (sc == SC_REPORTED && (scare_q || (R->rs->toks[m->tb].quoted &&
                                        writer_will_say(R, sent_of(R, m->tb)))))
    sc = SC_ASSERTED;
  char buf[96];
  piece what = quote_mention(R, m, LIT("'"), buf);
  /* A trope or code named in order to denounce it: "Eurabia is a
   * far-right conspiracy theory", "1488 is a neo-Nazi code". A judging
   * word ("Londonistan is disgusting") judges what the trope claims. */
  if (sc == SC_ASSERTED && R->denounce_any && named_to_denounce(R, m))
    sc = SC_COUNTER;
  if (sc == SC_ASSERTED && m->kind == DC_KIND_CODE &&
      code_sanctioned_at(R, m->tb, m->tb))
    sc = SC_COUNTER;
  /* "Carlson promoted the great replacement theory on air": a trope
   * followed by "theory" names an idea to tell of it; unless the
   * sentence holds it true ("the replacement theory is real"), which
   * an endorse entry or "true"/"real" after it says. */
  if (sc == SC_ASSERTED && m->kind == DC_KIND_CONSPIRACY &&
      (tok_is_word(R, m->te, "theory") || tok_is_word(R, m->te, "theories"))) {
    const sentence *s = sent_of(R, m->tb);
    bool held = has_kind_in(R, s->tb, s->te, DC_KIND_ENDORSE);
    /* "true" or "real" in the few words after it, not negated ("...
     * theory is not real"); a window, not the rest of the sentence,
     * which a sentence of many tropes read again for each. */
    uint32_t end =
        m->te + 1 + THEORY_WINDOW < s->te ? m->te + 1 + THEORY_WINDOW : s->te;
    for (uint32_t k = m->te + 1; k < end && !held; k++)
      held = (tok_is_word(R, k, "true") || tok_is_word(R, k, "real")) &&
             !negator(R, k);
    if (!held)
      sc = SC_REPORTED;
  }
  /* "Does drag story hour turn kids gay? No, every study says no.",
   * "Does the LGBT agenda exist? Only in the sense that ...": a
   * question the writer answers no, or one that asks whether the
   * thing exists, puts the trope to rebut it */
  if (sc == SC_ASSERTED && m->kind == DC_KIND_CONSPIRACY) {
    const sentence *s = sent_of(R, m->tb);
    if (answered_no(R, m->tb))
      sc = SC_NEGATED;
    else if (s->question && m->te < s->te &&
             (tok_is_word(R, m->te, "exist") ||
              tok_is_word(R, m->te, "exists")) &&
             !answered_yes(R, s))
      sc = SC_REPORTED;
  }
  int held =
      sc == SC_ASSERTED && m->kind == DC_KIND_CONSPIRACY ? trope_held(R, m) : 0;
  if (held < 0)
    sc = SC_NEGATED; /* "love jihad is not real" */
  /* "she's not a DEI hire, she's the best engineer we have": a code
   * that labels one person, after "a", denied of them defends them */
  if (sc == SC_COUNTER || sc == SC_REPORTED ||
      (sc == SC_NEGATED && (sig == DECORUM_SIGNAL_CONSPIRACY ||
                            (m->tb > 0 && a_or_an(R, m->tb - 1)))))
    return mitigate(R, m->b, m->e, sc, what);
  /* A trope held true ("love jihad is real") or told beside another
   * ("... outbreeding us, by 2050 it will be Eurabia") is the writer's
   * claim: the reject a trope of the highest severity is alone. */
  if (sc == SC_ASSERTED && m->kind == DC_KIND_CONSPIRACY && e->severity >= 2 &&
      (held > 0 || tropes_told(R)))
    confirmed = true;
  float w = severity_weight(e->severity, 0.55f, 0.75f, 0.9f);
  if (confirmed && w < 0.88f)
    w = 0.88f;
  R->out
      ->rf[sig == DECORUM_SIGNAL_CONSPIRACY ? DC_RF_CONSPIRACY : DC_RF_CODED] +=
      1;
  finding_spec fs = {0};
  fs.b = m->b;
  fs.e = m->e;
  fs.signal = sig;
  fs.attribute = DECORUM_IDENTITY_ATTACK;
  fs.categories = e->categories;
  fs.weight = w;
  fs.hate = true;
  fs.severe = e->severity >= 3;
  uint32_t r;
  decorum_status st =
      REASON(R, &r,
             sig == DECORUM_SIGNAL_CONSPIRACY ? LIT("conspiracy trope")
                                              : LIT("hate code"),
             LIT(" "), what, LIT(": "), entry_why(e));
  if (st != DECORUM_OK)
    return st;
  return emit(R, &fs, r);
}

/* Where the Holocaust named at token h has its toll denied, the token
 * that ends the denial (0: none):
 * - its toll said false with an adverb or more words between, which no
 *   lexicon phrase holds: "the holocaust numbers were massively
 *   inflated", "holocaust figures have long been wildly exaggerated": a
 *   word of count right after it, then linking verbs, adverbs and "a",
 *   then a word of falsehood; no negation between ("... were never
 *   inflated" holds them true);
 * - the number itself denied in the comment that names it: "no way it
 *   was 6 million", "nowhere near six million", "fewer than 6 million"
 *   (not "no fewer than", nor "not 6 million but 17 million": a larger
 *   toll). */
static uint32_t toll_denied_at(const run *R, uint32_t h, uint32_t *from) {
  static const char *const count[] = {
      "numbers", "number",     "figures", "figure", "toll",
      "count",   "statistics", "stats",   "deaths", "victims"};
  static const char *const falsehood[] = {
      "inflated",   "exaggerated", "overblown", "overstated", "fake",
      "fabricated", "invented",    "debunked",  "bogus",      "lie",
      "lies",       "myth",        "hoax",      "impossible", "nonsense",
      "propaganda", "padded",      "made",      "fiction",    "fraud",
      "cooked",     "jacked",      "rigged",    "faked"};
  static const char *const link[] = {"have", "has",   "been",     "a",
                                     "all",  "total", "complete", "long",
                                     "got",  "get",   "=",        "so"};
  /* a number that counts others than the dead: "fewer than 6 million
   * visitors", "Israel's population was nowhere near six million" */
  static const char *const others[] = {
      "population", "visitors", "citizens",    "residents", "inhabitants",
      "survivors",  "tourists", "subscribers", "views",     "copies",
      "dollars",    "viewers",  "users",       "members"};
  const dc_rules_scratch *rs = R->rs;
  const sentence *s = sent_of(R, h);
  uint32_t k = h + 1;
  if (tok_is_word(R, k, "death") && tok_is_word(R, k + 1, "toll"))
    k++;
  /* ("the holocaust was wildly exaggerated": the event itself said
   * swollen, without a word of count, by a word only a toll takes) */
  bool swollen = k < s->te && kind_at(R, k, DC_KIND_COPULA);
  if (swollen)
    k--;
  if (k < s->te && (swollen || word_among(R, k, k + 1, count,
                                          sizeof count / sizeof *count))) {
    uint32_t j = k + 1;
    for (int n = 0; j < s->te && n < 5 &&
                    (kind_at(R, j, DC_KIND_COPULA) || adverb_like(R, j) ||
                     word_among(R, j, j + 1, link, sizeof link / sizeof *link));
         n++, j++)
      if (kind_at(R, j, DC_KIND_NEGATION))
        return 0;
    /* ("were made to wear yellow stars": "made" is a falsehood
     * only as "made up") */
    if (j > k + 1 && j < s->te && !kind_at(R, j, DC_KIND_NEGATION) &&
        word_among(R, j, j + 1, falsehood,
                   sizeof falsehood / sizeof *falsehood) &&
        !(tok_is_word(R, j, "made") && !tok_is_word(R, j + 1, "up")) &&
        (!swollen || word_among(R, j, j + 1, falsehood, 4))) {
      *from = h;
      return j + 1;
    }
  }
  for (uint32_t i = 1; i + 1 < rs->ntok; i++) {
    if (!tok_is_word(R, i + 1, "million") ||
        !(tok_is_word(R, i, "6") || tok_is_word(R, i, "six")))
      continue;
    /* the first token of the denial before the number (UINT32_MAX:
     * none; it may be the comment's first, "Never 6 million.") */
    uint32_t d = UINT32_MAX;
    if (tok_is_word(R, i - 1, "never") || tok_is_word(R, i - 1, "wasn't") ||
        tok_is_word(R, i - 1, "wasnt"))
      d = i - 1;
    else if (i >= 2 && tok_is_word(R, i - 1, "near") &&
             tok_is_word(R, i - 2, "nowhere"))
      d = i - 2;
    else if (i >= 2 && tok_is_word(R, i - 1, "than") &&
             (tok_is_word(R, i - 2, "less") ||
              tok_is_word(R, i - 2, "fewer")) &&
             !(i >= 3 &&
               (tok_is_word(R, i - 3, "no") || tok_is_word(R, i - 3, "not"))))
      d = i - 2;
    else if (i >= 4 && tok_is_word(R, i - 4, "no") &&
             tok_is_word(R, i - 3, "way") &&
             (tok_is_word(R, i - 1, "was") || tok_is_word(R, i - 1, "were")))
      d = i - 4;
    if (d == UINT32_MAX)
      continue;
    const sentence *ns = sent_of(R, i);
    if (word_among(R, ns->tb, ns->te, others, sizeof others / sizeof *others))
      continue;
    /* (not a larger toll: "not 6 million but 17 million") */
    bool larger = false;
    for (uint32_t j = i + 2; j < rs->ntok && j < i + 6; j++)
      larger |= tok_is_word(R, j, "but");
    if (larger)
      continue;
    *from = d;
    return i + 2;
  }
  return 0;
}

/* "The holocaust numbers were massively inflated, no way it was 6
 * million": Holocaust minimization said in words of the writer's own
 * (toll_denied_at), in a comment that names the Holocaust. The lexicon
 * holds the fixed phrases ("holocaust numbers were inflated"); this
 * takes the ones an adverb breaks and the number denied. Reported
 * ("deniers claim the numbers were inflated"), denounced or negated, it
 * is counter-speech. */
static decorum_status rule_toll_denied(run *R) {
  const dc_rules_scratch *rs = R->rs;
  for (size_t i = 0; i < rs->nm; i++) {
    const mention *m = &rs->m[i];
    const dc_entry *e = ent(R, m);
    if (m->kind != DC_KIND_THREAT || !(e->flags & DC_F_EVENT) ||
        e->term_len != 9 || memcmp(e->term, "holocaust", 9) != 0)
      continue;
    /* (a phrase of the lexicon already said it) */
    if (R->out->rf[DC_RF_CONSPIRACY] > 0)
      return DECORUM_OK;
    uint32_t from = 0, end = toll_denied_at(R, m->tb, &from);
    if (!end)
      continue;
    const mention *neg;
    scope sc = scope_of(R, from, end, &neg);
    if (sc == SC_ASSERTED && R->denounce_any)
      sc = SC_COUNTER;
    uint32_t b = tb_byte(R, from), be = te_byte(R, end);
    if (sc != SC_ASSERTED)
      return mitigate(R, b, be, sc, LIT("Holocaust minimization"));
    R->out->rf[DC_RF_CONSPIRACY] += 1;
    finding_spec fs = {0};
    fs.b = b;
    fs.e = be;
    fs.signal = DECORUM_SIGNAL_CONSPIRACY;
    fs.attribute = DECORUM_IDENTITY_ATTACK;
    fs.categories = e->categories;
    fs.weight = 0.9f;
    fs.hate = true;
    fs.severe = true;
    uint32_t r;
    int l = (int)(be - b);
    decorum_status st =
        REASON(R, &r, LIT("conspiracy trope '"),
               piece_text(R->n->text + b, l > 60 ? 60 : l),
               LIT("': Holocaust minimization: denies the number of its "
                   "victims"));
    if (st != DECORUM_OK)
      return st;
    return emit(R, &fs, r);
  }
  return DECORUM_OK;
}

/* Does mention m end in a plural "s", not a possessive ("Google's")? */
static bool plural_s(const run *R, const mention *m) {
  return m->e - m->b > 2 && R->n->text[m->e - 1] == 's' &&
         R->n->text[m->e - 2] != '\'';
}

/* Do the plural code words m and x, joined, name people? As a noun
 * phrase of people they follow the sentence's start, a punctuation mark,
 * a hostile word ("filthy googles and skypes") or a word that opens a
 * noun phrase or states what something is ("the", "too many", "full of",
 * "is"). After a subject or a verb the first is a verb or an object: the
 * everyday verbs ("She googles and skypes all day", "Grandpa finally
 * googles and skypes") and the brands ("We compared Bings and Googles",
 * "Both Yahoos and Googles were search engines"); "of the" after them is
 * the brands' idiom ("the Googles and Skypes of the world"). */
static bool pair_names_people(const run *R, const mention *m,
                              const mention *x) {
  static const char *const lead[] = {
      "the", "these", "those", "all", "many", "more", "some",  "any",   "no",
      "of",  "with",  "by",    "to",  "for",  "from", "among", "like",  "is",
      "are", "was",   "were",  "be",  "our",  "them", "other", "fewer", "less"};
  const dc_rules_scratch *rs = R->rs;
  if (tok_is_word(R, x->te, "of") && tok_is_word(R, x->te + 1, "the"))
    return false;
  if (m->tb == sent_of(R, m->tb)->tb || rs->toks[m->tb - 1].type == TK_PUNCT)
    return true;
  if (word_among(R, m->tb - 1, m->tb, lead, sizeof lead / sizeof *lead))
    return true;
  for (size_t i = 0; i < rs->nm; i++)
    if (rs->m[i].te == m->tb && hostile_word(R, &rs->m[i]))
      return true;
  return false;
}

/* "Too many googles and skypes moving into this neighbourhood": two code
 * words of one campaign (dogwhistles flagged `plural`, "Operation
 * Google"), each in the plural, joined by "and", "or", "&" or a comma,
 * name the groups they stand for together; nobody lists products so.
 * The pair is the code without an attack word linked to it, a reject;
 * one of them alone ("two googles of results") stays a word. Quoted,
 * reported or denounced ("'googles and skypes' is a racist code") it is
 * counter-speech. */
static decorum_status rule_whistle_pair(run *R) {
  const dc_rules_scratch *rs = R->rs;
  for (size_t i = 0; i < rs->nm; i++) {
    const mention *m = &rs->m[i];
    const dc_entry *e = ent(R, m);
    if (m->kind != DC_KIND_DOGWHISTLE || !(e->flags & DC_F_PLURAL) ||
        !plural_s(R, m))
      continue;
    uint32_t k = m->te;
    while (k < rs->ntok && k < m->te + 2 &&
           (tok_is_word(R, k, "and") || tok_is_word(R, k, "or") ||
            (rs->toks[k].type == TK_PUNCT &&
             (rs->toks[k].ch == ',' || rs->toks[k].ch == '&'))))
      k++;
    if (k == m->te || k >= rs->ntok || !kind_at(R, k, DC_KIND_DOGWHISTLE))
      continue;
    const mention *x = mention_scan(R, k, DC_KIND_DOGWHISTLE);
    const dc_entry *xe = ent(R, x);
    if (!(xe->flags & DC_F_PLURAL) || x->entry == m->entry || !plural_s(R, x) ||
        !pair_names_people(R, m, x))
      continue;
    const mention *neg;
    scope sc = scope_of(R, m->tb, x->te, &neg);
    char buf[96];
    mention both = *m;
    both.e = x->e;
    both.te = x->te;
    piece what = quote_mention(R, &both, LIT("'"), buf);
    if (sc == SC_ASSERTED && R->denounce_any && named_to_denounce(R, m))
      sc = SC_COUNTER;
    if (sc == SC_COUNTER || sc == SC_REPORTED || sc == SC_NEGATED)
      return mitigate(R, m->b, x->e, sc, what);
    R->out->rf[DC_RF_CODED] += 1;
    finding_spec fs = {0};
    fs.b = m->b;
    fs.e = x->e;
    fs.signal = DECORUM_SIGNAL_CODED_DOGWHISTLE;
    fs.attribute = DECORUM_IDENTITY_ATTACK;
    fs.categories = e->categories | xe->categories;
    fs.weight = 0.88f;
    fs.hate = true;
    uint32_t r;
    decorum_status st =
        REASON(R, &r, LIT("hate code "), what, LIT(": code words for "),
               entry_group(e), LIT(" and "), entry_group(xe),
               LIT(" people, named together"));
    if (st != DECORUM_OK)
      return st;
    return emit(R, &fs, r);
  }
  return DECORUM_OK;
}

/* "Another jogger broke into three cars on my street": a code word for
 * a race (a `dogwhistle` of a race of severity 2: "jogger") as the one who does
 * a crime of property right after it (at most an adverb between: "broke into",
 * "stole", "looted"), the deed the code is used to pin on the race. Its
 * innocent reading has no such deeds ("a jogger found the body", "a jogger was
 * robbed", "the jogger broke into a sprint"). A review: the word may still be
 * meant. */
static decorum_status rule_whistle_deed(run *R) {
  static const char *const deed[] = {"stole",      "steals",     "stealing",
                                     "looted",     "loots",      "looting",
                                     "shoplifted", "shoplifts",  "shoplifting",
                                     "burgled",    "burglarized"};
  static const char *const into[] = {"broke", "breaks", "breaking"};
  /* what one breaks into that is no crime */
  static const char *const burst[] = {
      "sprint", "run",    "jog",          "song",   "tears",  "laughter",
      "smile",  "grin",   "dance",        "trot",   "gallop", "applause",
      "sweat",  "pace",   "conversation", "cheers", "walk",   "top",
      "lead",   "chorus", "jig",          "rhythm", "stride"};
  /* what one steals that is no crime: "stole the show", "stole a
   * glance", "stole my parking spot" */
  static const char *const taken[] = {
      "show",      "headlines", "headline", "glance", "glances",   "ball",
      "spot",      "parking",   "heart",    "hearts", "kiss",      "limelight",
      "spotlight", "march",     "base",     "bases",  "moment",    "scene",
      "thunder",   "look",      "lead",     "seat",   "attention", "possession",
      "win",       "victory",   "point",    "points", "joke",      "idea",
      "crown",     "title",     "race"};
  static const char *const det[] = {"the",  "a",    "an",      "my",
                                    "his",  "her",  "our",     "their",
                                    "your", "some", "another", "every"};
  const dc_rules_scratch *rs = R->rs;
  for (size_t i = 0; i < rs->nm; i++) {
    const mention *m = &rs->m[i];
    const dc_entry *e = ent(R, m);
    /* (a code word of severity 2, whose plain sense is harmless
     * ("jogger", "googles"); not one of severity 1 whose plain sense
     * is itself a criminal: "some thug broke into my car") */
    if (m->kind != DC_KIND_DOGWHISTLE || e->severity < 2 ||
        !(e->categories & (1u << DECORUM_CATEGORY_RACE)))
      continue;
    const sentence *s = sent_of(R, m->tb);
    uint32_t k = m->te;
    if (k < s->te && adverb_like(R, k))
      k++;
    if (k >= s->te)
      continue;
    bool crime = word_among(R, k, k + 1, deed, sizeof deed / sizeof *deed);
    if (crime) {
      uint32_t o = k + 1;
      while (o < s->te && o < k + 4 &&
             word_among(R, o, o + 1, det, sizeof det / sizeof *det))
        o++;
      crime = !(o < s->te && word_among(R, o, o + 2 < s->te ? o + 2 : s->te,
                                        taken, sizeof taken / sizeof *taken));
    }
    if (!crime && k + 2 < s->te &&
        word_among(R, k, k + 1, into, sizeof into / sizeof *into) &&
        tok_is_word(R, k + 1, "into")) {
      uint32_t o = k + 2;
      if (o + 1 < s->te && a_or_an(R, o))
        o++;
      crime = !word_among(R, o, o + 2 < s->te ? o + 2 : s->te, burst,
                          sizeof burst / sizeof *burst);
    }
    /* "another jogger caught on ring cam checking car doors": the
     * prowler's deed a few words on, trying the doors or handles of
     * cars and houses ("a jogger checking his watch" tries none) */
    if (!crime) {
      static const char *const probe[] = {"checking", "trying",   "testing",
                                          "pulling",  "jiggling", "casing"};
      static const char *const doors[] = {
          "door", "doors", "handle", "handles", "houses", "windows", "garages"};
      /* (the scope is read over the words up to the doors tried:
       * a negation after them denies something else, "another
       * jogger checking car doors and not one cop came") */
      uint32_t end = k + 8 < s->te ? k + 8 : s->te;
      for (uint32_t j = k; j < end && !crime; j++) {
        if (!word_among(R, j, j + 1, probe, sizeof probe / sizeof *probe))
          continue;
        for (uint32_t d = j + 1; d < j + 3 && d < s->te && !crime; d++)
          if (word_among(R, d, d + 1, doors, sizeof doors / sizeof *doors)) {
            crime = true;
            k = d;
          }
      }
    }
    if (!crime)
      continue;
    const mention *neg;
    scope sc = scope_of(R, m->tb, k + 1, &neg);
    char buf[96];
    piece what = quote_mention(R, m, LIT("'"), buf);
    if (sc == SC_ASSERTED && R->denounce_any)
      sc = SC_COUNTER;
    if (sc != SC_ASSERTED)
      return mitigate(R, m->b, m->e, sc, what);
    R->out->rf[DC_RF_CODED] += 1;
    finding_spec fs = {0};
    fs.b = m->b;
    fs.e = m->e;
    fs.signal = DECORUM_SIGNAL_CODED_DOGWHISTLE;
    fs.attribute = DECORUM_IDENTITY_ATTACK;
    fs.categories = e->categories;
    fs.weight = 0.6f;
    fs.hate = true;
    uint32_t r;
    decorum_status st =
        REASON(R, &r, LIT("hate code "), what, LIT(": "), entry_why(e),
               LIT(", told as the one who did a crime"));
    if (st != DECORUM_OK)
      return st;
    return emit(R, &fs, r);
  }
  return DECORUM_OK;
}

/* Sentence s names a game or a fictional world (an `object` entry
 * flagged `game`): game_scan's answer. */
static bool game_in(run *R, const sentence *s) {
  if (!any_kind(R, DC_KIND_OBJECT))
    return false;
  game_scan(R, (uint32_t)(s - R->rs->s));
  return R->game_any;
}

/* Could token ti be a word of a split exclusion verb, by its length and
 * first byte (dc_rules.split_len1 and the like)? */
static inline bool split_word(const run *R, uint32_t ti, uint64_t lens,
                              uint64_t bytes) {
  const tok *t = &R->rs->toks[ti];
  uint32_t l = t->e - t->b;
  return ((lens >> (l < 63 ? l : 63)) & 1) &&
         ((bytes >> ((unsigned char)R->n->text[t->b] & 63)) & 1);
}

/* The first token of a determiner or a quantifier that ends right before
 * token k ("the", "all the", "every last", "all of"), the longest; k if
 * none. *quant is set when it is a quantifier. */
static uint32_t det_before(const run *R, uint32_t k, bool *quant) {
  const dc_rules_scratch *rs = R->rs;
  if (k == 0)
    return k;
  uint32_t b = k;
  if (R->kinds & KIND_BIT(QUANTIFIER)) {
    uint32_t from = k > 3 ? k - 3 : 0;
    for (size_t i = rs->first[from]; i < rs->nm && rs->m[i].tb < k; i++) {
      const mention *q = &rs->m[i];
      if (q->te == k && q->kind == DC_KIND_QUANTIFIER && q->tb < b)
        b = q->tb;
    }
  }
  if (b < k) {
    *quant = true;
    return b;
  }
  return tok_is_word(R, k - 1, "the") ? k - 1 : k;
}

/* A two-word exclusion or threat verb split around the words [tb, te)
 * as its object, with a determiner or a quantifier or three before them:
 * "send the Albanians back", "kick all these Muslims out", "string all of
 * these ... up", "hunt every last Muslim down"; one with an innocent
 * reading (dc_rules.split_quant) only with a quantifier there. Returns the
 * index into dc_rules.split + 1 and sets *v to the verb's first token; 0
 * if there is none. */
static size_t split_verb_around(const run *R, uint32_t tb, uint32_t te,
                                uint32_t *v) {
  const dc_rules *ru = R->rules;
  if (tb == 0 || te >= R->rs->ntok ||
      !split_word(R, te, ru->split_len2, ru->split_byte2))
    return 0;
  uint32_t k = tb;
  bool quant = false;
  for (int d = 0; d < 3; d++) {
    uint32_t b = det_before(R, k, &quant);
    if (b == k)
      break;
    k = b;
  }
  if (k == 0)
    return 0;
  k--;
  if (!split_word(R, k, ru->split_len1, ru->split_byte1))
    return 0;
  /* the verbs' words are read only for the pair's key (split_keys): the
   * loop that compared them all cost 0.3M instructions on the bench
   * corpus, with its memcmp calls */
  const tok *w1 = &R->rs->toks[k], *w2 = &R->rs->toks[te];
  const unsigned char *s = (const unsigned char *)R->n->text;
  uint32_t key = split_key(w1->e - w1->b, s[w1->b], w2->e - w2->b, s[w2->b]);
  for (size_t j = 0; j < ru->n_split; j++) {
    if (ru->split_keys[j] != key)
      continue;
    const dc_entry *e = &R->lx->entries[ru->split[j]];
    size_t fl = ru->split_len[j];
    if ((quant || !ru->split_quant[j]) && tok_is_wordn(R, k, e->term, fl) &&
        tok_is_wordn(R, te, e->term + fl + 1, e->term_len - fl - 1)) {
      *v = k;
      return j + 1;
    }
  }
  return 0;
}

/* The split verb around the group [tb, te), if any (split_verb_around),
 * judged as the verb would be, from its first word; categories are the
 * group's. */
static decorum_status split_around(run *R, uint32_t tb, uint32_t te,
                                   uint32_t categories) {
  const dc_rules *ru = R->rules;
  const dc_rules_scratch *rs = R->rs;
  uint32_t v;
  size_t j = split_verb_around(R, tb, te, &v);
  if (!j)
    return DECORUM_OK;
  /* "round all the women up for the photo": a verb with an innocent
   * reading is what is done to people of a sex as friends, not as a
   * people */
  if (ru->split_quant[j - 1] && categories == 1u << DECORUM_CATEGORY_SEX)
    return DECORUM_OK;
  /* "String the 🇮🇪 up for St Patrick's Day": a lone flag after "the" is
   * the cloth, strung up as bunting; the people it stands for are
   * counted or pointed at ("string all the 🇮🇪 up", "string these 🇮🇪
   * up"). */
  if (R->lx->entries[ru->split[j - 1]].kind == DC_KIND_THREAT && v + 2 < te &&
      tok_is_word(R, v + 1, "the")) {
    uint32_t k = v + 2;
    while (k < te && (unsigned char)R->n->text[rs->toks[k].b] >= 0x80)
      k++;
    if (k == te)
      return DECORUM_OK;
  }
  mention sm = split_mention(R, v, j);
  return rule_attack(R, &sm);
}

/* The mention of split verb j (split_verb_around's answer) at token v:
 * its first word's span, with the verb's entry and kind. */
static mention split_mention(const run *R, uint32_t v, size_t j) {
  mention sm = {0};
  sm.b = R->rs->toks[v].b;
  sm.e = R->rs->toks[v].e;
  sm.entry = R->rules->split[j - 1];
  sm.kind = R->lx->entries[sm.entry].kind;
  sm.tb = v;
  sm.te = v + 1;
  return sm;
}

/* A split verb around a group it takes as its object: an identity word or
 * a slur ("send the Albanians back"), or a word that names its own group
 * ("send the invaders back", "kick those invaders out": rule_attack judges
 * whether it means the group, as for "deport the invaders"), or a
 * dehumanizing word after "these" or "those" ("send these animals back":
 * dd_taken). */
static decorum_status rule_split_exclusion(run *R) {
  const dc_rules_scratch *rs = R->rs;
  const dc_rules *ru = R->rules;
  for (size_t i = 0; i < rs->nt; i++) {
    const target *t = &rs->t[i];
    /* split_verb_around's first test, the word after the group, here:
     * most groups have no split verb's end there, and the call cost
     * more than the test (0.17M instructions on the bench corpus) */
    if (t->type != TG_GROUP || t->te >= rs->ntok ||
        !split_word(R, t->te, ru->split_len2, ru->split_byte2))
      continue;
    decorum_status st = split_around(R, t->tb, t->te, t->categories);
    if (st != DECORUM_OK)
      return st;
  }
  if (!any_kind(R, DC_KIND_DEHUMANIZE))
    return DECORUM_OK;
  for (size_t i = 0; i < rs->nm; i++) {
    const mention *m = &rs->m[i];
    /* split_around's first test, the word after, before the dearer
     * ones: most dehumanizing words have no split verb's end there */
    if (m->kind != DC_KIND_DEHUMANIZE || m->te >= rs->ntok ||
        !split_word(R, m->te, ru->split_len2, ru->split_byte2) ||
        in_target(R, m->tb, TG_GROUP) ||
        (!ent(R, m)->categories && dd_demonstrative(R, m) == UINT32_MAX))
      continue;
    decorum_status st = split_around(R, m->tb, m->te, ent(R, m)->categories);
    if (st != DECORUM_OK)
      return st;
  }
  return DECORUM_OK;
}

/* ---------------------------------------------------------------------- */
/* Exclusion signs: "No Muslims allowed", "No blacks, no dogs"              */
/* ---------------------------------------------------------------------- */

/* Is token k, before a "no" in its clause, a word that leaves the "no"
 * opening it ("Sorry, no ...", "and absolutely no ...")? */
static bool sign_softener(const run *R, uint32_t k) {
  static const char *const soft[] = {"and",  "but", "so",   "sorry", "please",
                                     "also", "ok",  "okay", "then"};
  const tok *t = &R->rs->toks[k];
  return adverb_like(R, k) || dc_word_in(R->n->text + t->b, t->e - t->b, soft,
                                         sizeof soft / sizeof soft[0]);
}

/* Is token k a handle the comment opens with ("@USER", "<user>"): who
 * it is addressed to, no word of its sentence? */
static bool handle_at(const run *R, uint32_t k) {
  const tok *tk = R->rs->toks;
  return k > 0 && tk[k].type == TK_WORD && tk[k - 1].type == TK_PUNCT &&
         (tk[k - 1].ch == '@' ||
          (tk[k - 1].ch == '<' && tok_is_word(R, k, "user")));
}

/* Does the "no" at token k open its clause, only softeners before it? */
static bool no_opens(const run *R, uint32_t k) {
  const tok *tk = R->rs->toks;
  for (uint32_t j = k, n = 0; j-- > 0 && tk[j].clause == tk[k].clause;) {
    if (tk[j].type != TK_WORD)
      continue;
    if (handle_at(R, j))
      continue;
    if (++n > 2 || !sign_softener(R, j))
      return false;
  }
  return true;
}

/* Is token k the end of its clause's words (past the end, punctuation,
 * or emoji up to it: "No Jews 😡")? */
static bool clause_done(const run *R, uint32_t k) {
  const tok *tk = R->rs->toks;
  uint32_t c = k > 0 ? tk[k - 1].clause : 0;
  for (; k < R->rs->ntok && tk[k].clause == c; k++)
    if (tk[k].type == TK_WORD && (unsigned char)R->n->text[tk[k].b] < 0x80)
      return false;
  return true;
}

/* The end of one or two words from token j in clause c that end it and
 * name a place of ours ("in our church", "out of this country"): no
 * function word, no word the lexicon gives a meaning, the second no past
 * form ("in my opinion ended"); 0 if they do not. For signs and slogans. */
static uint32_t place_words_end(const run *R, uint32_t j, uint32_t c) {
  const tok *tk = R->rs->toks;
  for (uint32_t n = 0;
       n < 2 && j < R->rs->ntok && tk[j].type == TK_WORD && tk[j].clause == c;
       n++, j++) {
    if (glue_at(R, j) || (R->rs->at[j] & CONTENT_KINDS) ||
        (n == 1 && ends_ed(R, j)))
      return 0;
    if (clause_done(R, j + 1))
      return j + 1;
  }
  return 0;
}

/* Are tokens [b, e) group targets and nothing else ("muslims indians")? */
static bool groups_only(const run *R, uint32_t b, uint32_t e) {
  const dc_rules_scratch *rs = R->rs;
  for (size_t i = targets_from(rs, b); i < rs->nt && b < e; i++)
    if (rs->t[i].type == TG_GROUP && rs->t[i].tb == b && rs->t[i].te <= e)
      b = rs->t[i].te;
  return b == e;
}

/* A sentence of "no" items and nothing else: "No Jews.", "No Irish, no
 * blacks, no dogs", "no jews no blacks no asians", "No Muslims, Indians
 * or Asians". Items are parted by punctuation, "and", "or", or the next
 * "no"; the first opens with "no". An item that opens with "no" holds one
 * or two words, the last no past form ("no dogs", "no problems"; not "no
 * Jews were hurt", "no Jews died"), one that does not (after "," "and"
 * "or") only groups; none holds an adverb ("No Muslims, no Jews, just
 * humans"). The item the group [gb, ge) is in must end with it: "No
 * Muslims were hurt" is a group and its verb. */
static bool no_list(const run *R, const sentence *s, uint32_t gb, uint32_t ge) {
  const tok *tk = R->rs->toks;
  uint32_t k = s->tb;
  while (k < s->te &&
         (tk[k].type != TK_WORD || sign_softener(R, k) || handle_at(R, k)))
    k++;
  if (k >= s->te || !tok_is_word(R, k, "no"))
    return false;
  bool ours = false;
  while (k < s->te) {
    bool no = tok_is_word(R, k, "no");
    uint32_t b = no ? ++k : k;
    while (k < s->te && tk[k].type == TK_WORD &&
           (unsigned char)R->n->text[tk[k].b] < 0x80 &&
           !tok_is_word(R, k, "no") && !tok_is_word(R, k, "and") &&
           !tok_is_word(R, k, "or") && !adverb_like(R, k) &&
           !tok_is_word(R, k, "only"))
      k++;
    if (k == b || k - b > 3)
      return false;
    bool mine = gb >= b && gb < k;
    if (mine && ge != k)
      return false;
    ours |= mine;
    if (!mine && !groups_only(R, b, k)) {
      if (!no || k - b > 2 || ends_ed(R, k - 1))
        return false;
    }
    /* what parts it from the next: punctuation, emoji, "and", "or" */
    while (k < s->te && !tok_is_word(R, k, "no") &&
           (tk[k].type != TK_WORD ||
            (unsigned char)R->n->text[tk[k].b] >= 0x80 ||
            tok_is_word(R, k, "and") || tok_is_word(R, k, "or")))
      k++;
  }
  return ours;
}

/* Is token k a noun for a sign ("sign", "banner", "slogan")? */
static bool sign_noun(const run *R, uint32_t k) {
  static const char *const names[] = {"sign",    "signs",   "slogan", "slogans",
                                      "banner",  "banners", "poster", "posters",
                                      "placard", "placards"};
  const tok *t = &R->rs->toks[k];
  return t->type == TK_WORD && dc_word_in(R->n->text + t->b, t->e - t->b, names,
                                          sizeof names / sizeof names[0]);
}

/* Does sentence s read as a sign that is named as one in the sentence
 * after it ("No Jews allowed. That sign hung in Berlin.")? */
static bool sign_named_after(const run *R, const sentence *s) {
  size_t si = (size_t)(s - R->rs->s);
  if (si + 1 >= R->rs->ns)
    return false;
  const sentence *nx = &R->rs->s[si + 1];
  for (uint32_t k = nx->tb, n = 0; k < nx->te && n < 4; k++) {
    if (R->rs->toks[k].type != TK_WORD)
      continue;
    n++;
    if (sign_noun(R, k))
      return true;
  }
  return false;
}

/* Whose sign or slogan starting at token tb in sentence s it is, as far
 * as the words after it tell (attack_on_group reads the words before
 * it): attributed by a clause after it ("No Muslims allowed into the US,
 * says Trump": reported, counter-speech if the comment denounces), or
 * called racist by the next sentence ("... no Muslims allowed to enter.
 * This is racist.": counter-speech, rebutted). */
static scope sign_scope(const run *R, const sentence *s, uint32_t tb) {
  if (rebutted(R, tb))
    return SC_COUNTER;
  if (any_kind(R, DC_KIND_REPORT) && report_after(R, s, tb))
    return R->denounce_any ? SC_COUNTER : SC_REPORTED;
  return SC_ASSERTED;
}

/* Is the sign at token no told as one, a sign noun before it in its
 * sentence, no modal, no first person and no command to make one ("The
 * restaurant put up a sign: No Muslims allowed"; not "We should put up a
 * sign: ...", "My sign says it all: ...", "Put up a sign: ...")? */
static bool sign_told(const run *R, const sentence *s, uint32_t no) {
  static const char *const make[] = {"put",   "hang",  "post",  "make", "print",
                                     "stick", "paint", "write", "get"};
  const tok *f = &R->rs->toks[s->tb];
  if (f->type == TK_WORD && dc_word_in(R->n->text + f->b, f->e - f->b, make,
                                       sizeof make / sizeof make[0]))
    return false;
  bool named = false;
  for (uint32_t k = s->tb; k < no; k++) {
    if (mention_at(R, k, DC_KIND_MODAL) ||
        mention_at(R, k, DC_KIND_PRONOUN_SELF) || tok_is_word(R, k, "my") ||
        tok_is_word(R, k, "our"))
      return false;
    named |= sign_noun(R, k);
  }
  return named;
}

/* After the group that "no" opens its clause with, from token k: the rest
 * of a sign, or not? Returns the token past the sign's last word, or 0.
 *   - a word of admission, then the clause ends or a place or a purpose
 *     follows ("No Muslims allowed.", "No Jews wanted here", "No blacks
 *     welcome in this bar", "No Muslims allowed to vote"; not "No Jews
 *     allowed signs were everywhere"), and "need apply";
 *   - "here" ending the clause ("No Muslims here!");
 *   - a preposition of place, "our", "my", "this" or nothing, then one or
 *     two words ending the clause ("No gays in our church", "No homos at
 *     church"; not "No Muslims in the village were hurt", nor "No
 *     Muslims in our village died", a past form second);
 *   - a modal, "ever", "be allowed" or "be permitted", then what the
 *     admission to is ("No Muslims should be allowed to hold office";
 *     not a harm they are spared: "No refugee should be allowed to drown",
 *     "... to be abused": a threat, harm or "be" after "to"). */
static uint32_t sign_rest(const run *R, uint32_t k) {
  /* not "admitted", "accepted": news of numbers ("No refugees
   * admitted in October"); not "served", a verb of its own as often
   * ("No Muslims served in Congress until 2007") */
  static const char *const admit[] = {"allowed", "wanted", "welcome",
                                      "permitted", "tolerated"};
  static const char *const after[] = {
      "in",     "into",     "on",     "at",     "near",       "here",
      "there",  "anymore",  "ever",   "again",  "please",     "to",
      "inside", "within",   "around", "period", "whatsoever", "thanks",
      "thank",  "anywhere", "either"};
  static const char *const places[] = {"in", "into", "on", "at", "near"};
  static const char *const spared[] = {"be",    "die",  "suffer", "starve",
                                       "drown", "feel", "fear",   "go"};
  const dc_rules_scratch *rs = R->rs;
  const tok *tk = rs->toks;
  if (k >= rs->ntok || tk[k].type != TK_WORD ||
      tk[k].clause != tk[k - 1].clause)
    return 0;
  const char *w = R->n->text + tk[k].b;
  size_t l = tk[k].e - tk[k].b;
  if (dc_word_in(w, l, admit, sizeof admit / sizeof admit[0])) {
    if (clause_done(R, k + 1))
      return k + 1;
    const tok *n = &tk[k + 1];
    /* "No Jews wanted to leave": the past of "want", a verb of the
     * group's own */
    if (tok_is_word(R, k, "wanted") && tok_is_word(R, k + 1, "to"))
      return 0;
    if (n->type == TK_WORD && dc_word_in(R->n->text + n->b, n->e - n->b, after,
                                         sizeof after / sizeof after[0]))
      return k + 1;
    return 0;
  }
  if (tok_is_word(R, k, "need") && k + 1 < rs->ntok &&
      tok_is_word(R, k + 1, "apply"))
    return k + 2;
  /* "No Travellers served.", the pub sign: "served" ending the clause
   * (or before "here"); not "No Muslims served in Congress until 2007" */
  if (tok_is_word(R, k, "served")) {
    if (clause_done(R, k + 1))
      return k + 1;
    if (tok_is_word(R, k + 1, "here") && clause_done(R, k + 2))
      return k + 2;
  }
  if (tok_is_word(R, k, "here")) {
    /* "No Jews here, just Christians and atheists": who is here,
     * told; the next clause says who else */
    if (!clause_done(R, k + 1))
      return 0;
    uint32_t j = k + 1;
    while (j < rs->ntok && tk[j].type != TK_WORD && tk[j].sent == tk[k].sent)
      j++;
    if (j < rs->ntok && tk[j].sent == tk[k].sent &&
        (tok_is_word(R, j, "just") || tok_is_word(R, j, "only") ||
         tok_is_word(R, j, "but") || tok_is_word(R, j, "except")))
      return 0;
    return k + 1;
  }
  if (dc_word_in(w, l, places, sizeof places / sizeof places[0])) {
    uint32_t j = k + 1;
    /* "No Jews in the White House", "No gays in the military": a
     * place after "the" too, one or two words ending the clause as
     * after "our" */
    bool the = j < rs->ntok && tok_is_word(R, j, "the");
    if (j < rs->ntok && (tok_is_word(R, j, "our") || tok_is_word(R, j, "my") ||
                         tok_is_word(R, j, "this") || the))
      j++;
    uint32_t end = place_words_end(R, j, tk[k].clause);
    /* after "the", only a sentence of its own (but for a word of
     * stress, ", period"): "No Asians in the lead roles, yet again",
     * "No gays in the church, says the bishop" tell who is missing,
     * or who says so */
    if (end && the) {
      static const char *const stress[] = {"period", "whatsoever", "please",
                                           "full", "stop"};
      const sentence *st = sent_of(R, k);
      for (uint32_t x = end; x < st->te; x++)
        if (tk[x].type == TK_WORD &&
            !dc_word_in(R->n->text + tk[x].b, tk[x].e - tk[x].b, stress,
                        sizeof stress / sizeof stress[0]))
          return 0;
    }
    return end;
  }
  if (!mention_at(R, k, DC_KIND_MODAL))
    return 0;
  uint32_t j = k + 1;
  if (j < rs->ntok && tok_is_word(R, j, "ever"))
    j++;
  if (j + 1 >= rs->ntok || !tok_is_word(R, j, "be") ||
      !(tok_is_word(R, j + 1, "allowed") || tok_is_word(R, j + 1, "permitted")))
    return 0;
  j += 2;
  if (clause_done(R, j))
    return j;
  /* ("No Muslims should be allowed on that board", "... inside our
   * church": a body or a building admission is to) */
  if (!tok_is_word(R, j, "to") && !tok_is_word(R, j, "in") &&
      !tok_is_word(R, j, "into") && !tok_is_word(R, j, "near") &&
      !tok_is_word(R, j, "on") && !tok_is_word(R, j, "inside") &&
      !tok_is_word(R, j, "onto"))
    return 0;
  if (tok_is_word(R, j, "to")) {
    if (j + 1 >= rs->ntok || tk[j + 1].type != TK_WORD)
      return 0;
    const tok *v = &tk[j + 1];
    if (dc_word_in(R->n->text + v->b, v->e - v->b, spared,
                   sizeof spared / sizeof spared[0]) ||
        (R->rs->at[j + 1] & (KIND_BIT(THREAT) | KIND_BIT(HARM))))
      return 0;
  }
  return j;
}

/* Is target t one ambiguous adjective alone, in the singular ("no white
 * in the arctic", "white out"): a colour as much as a people? Its plural
 * ("no whites") is people. For signs and slogans. */
static bool colour_alone(const run *R, const target *t) {
  const mention *id = mention_at(R, t->tb, DC_KIND_IDENTITY);
  return t->te == t->tb + 1 && id &&
         (ent(R, id)->flags & (DC_F_ADJ | DC_F_AMBIGUOUS)) ==
             (DC_F_ADJ | DC_F_AMBIGUOUS) &&
         !plural_hit(R, id);
}

/* A sign or slogan sm (rule_no_group, rule_group_out) that keeps group t
 * out, the writer's own: exclusion at the weight of the pattern entry it
 * reads its severity from. */
static decorum_status slogan_exclusion(run *R, const mention *sm,
                                       const target *t, int32_t entry) {
  const dc_entry *e = &R->lx->entries[entry];
  R->out->rf[DC_RF_EXCLUSION] += 1;
  if (t->coded)
    R->out->rf[DC_RF_CODED] += 1;
  decorum_status st =
      attack_on_group(R, sm, t, DECORUM_SIGNAL_EXCLUSION,
                      severity_weight(e->severity, 0.6f, 0.75f, 0.88f), false);
  if (st != DECORUM_OK)
    return st;
  return t->coded ? code_word(R, t) : DECORUM_OK;
}

/* A sign that keeps a protected group out: "no", then the group, then a
 * word of admission, "here", a place of ours, or nothing else in a
 * sentence of such items ("No Muslims allowed", "No Jews wanted here",
 * "No gays in our church", "No Irish, no blacks, no dogs", "No Muslims
 * should be allowed to hold office"), "no" opening its clause. Not a
 * group with a verb of its own ("No Muslims were hurt", "No women
 * applied"), not a question ("No Jews allowed? That sign was from 1940s
 * Germany"), nor a sentence the next one names as a sign, nor one told
 * of as a sign (sign_told: a reported span), nor one dated
 * to a war of the past (past_war); not a group named by sex alone ("No
 * girls allowed" on a treehouse, "no men allowed" at a women's shelter:
 * the spaces of a sex are mostly innocent), nor a nation kept out of a
 * competition ("No Russians allowed at the Olympics"). Scope is
 * attack_on_group's: quoted, reported or denounced, it is not the
 * writer's ("The sign said 'No Irish, no blacks, no dogs'"). */
static decorum_status rule_no_group(run *R) {
  const dc_rules_scratch *rs = R->rs;
  int32_t se = R->rules->sign_entry;
  if (se < 0)
    return DECORUM_OK;
  for (size_t i = 0; i < rs->nt; i++) {
    const target *t = &rs->t[i];
    if (t->type != TG_GROUP || t->reclaimed || t->tb == 0 ||
        !(t->categories & ~(1u << DECORUM_CATEGORY_SEX)))
      continue;
    if (colour_alone(R, t))
      continue;
    /* "no filthy Muslims allowed": abuse between */
    uint32_t no = t->tb - 1;
    for (int gap = 0; gap < 2 && no > 0 &&
                      (rs->at[no] & (KIND_BIT(DEROGATE) | KIND_BIT(PROFANITY) |
                                     KIND_BIT(INSULT)));
         gap++)
      no--;
    if (!tok_is_word(R, no, "no") ||
        rs->toks[no].clause != rs->toks[t->tb].clause)
      continue;
    const sentence *s = sent_of(R, no);
    if (s->question || !no_opens(R, no))
      continue;
    uint32_t end = sign_rest(R, t->te);
    /* "No Jews or blacks allowed", "No Jews, Muslims or blacks
     * allowed here": more groups joined by "or", "and" or commas
     * before the word of admission */
    for (uint32_t j = t->te, n = 0; !end && n < 4; n++) {
      uint32_t k = j;
      while (k < s->te &&
             (tok_is_word(R, k, "or") || tok_is_word(R, k, "and") ||
              (rs->toks[k].type == TK_PUNCT && rs->toks[k].ch == ',')))
        k++;
      if (k == j || k >= s->te)
        break;
      size_t g = targets_from(rs, k);
      if (g >= rs->nt || rs->t[g].tb != k || rs->t[g].type != TG_GROUP)
        break;
      j = rs->t[g].te;
      end = sign_rest(R, j);
    }
    /* a list sign, the group alone or "here": not an answer to the
     * question before ("Who was hurt? No Muslims.", "Any Jews here?
     * No Jews here, sorry") */
    size_t si = (size_t)(s - rs->s);
    bool answer = si > 0 && rs->s[si - 1].question;
    if (!end) {
      if (!no_list(R, s, t->tb, t->te) || answer)
        continue;
      end = t->te;
    } else if (answer && tok_is_word(R, end - 1, "here")) {
      continue;
    }
    if (sign_named_after(R, s))
      continue;
    mention sm = {0};
    sm.b = rs->toks[no].b;
    sm.e = rs->toks[end - 1].e;
    sm.entry = (uint32_t)se;
    sm.kind = DC_KIND_EXCLUSION;
    sm.tb = no;
    sm.te = end;
    if (past_war(R, &sm) ||
        (!(t->categories & ~NATION_CATEGORIES) && game_in(R, s)))
      continue;
    scope told = sign_scope(R, s, no);
    if (told != SC_ASSERTED || sign_told(R, s, no)) {
      decorum_status st =
          mitigate(R, sm.b, sm.e, told != SC_ASSERTED ? told : SC_REPORTED,
                   LIT("a sign told of"));
      if (st != DECORUM_OK)
        return st;
      continue;
    }
    decorum_status st = slogan_exclusion(R, &sm, t, se);
    if (st != DECORUM_OK)
      return st;
  }
  return DECORUM_OK;
}

/* "Somalis out!", "Muslims out of Europe", "all illegals out of here": a
 * group opening its clause (only "all", softeners or a handle before it)
 * and "out" right after it, then the clause ends, or "now", or "of" and
 * a place: "here", a country ("the UK", "the country"), or "our", "my",
 * "this" and one or two words (not a past form second) ending the
 * clause, or a name ("Muslims out of Europe"; not "out of the running",
 * "out of the closet", "out of the World Cup"). Not what they
 * are out of ("Refugees out of danger", "Immigrants out of work": no
 * place), nor "out in force", nor a question; not a sex alone, nor a
 * colour ("white out"), as for signs; a nation out of a country is its
 * army as often ("Russians out of Ukraine"), and out of a competition
 * its team; nor one named in the singular, which signs off ("Cracker
 * out!"). */
static decorum_status rule_group_out(run *R) {
  const dc_rules_scratch *rs = R->rs;
  const tok *tk = rs->toks;
  int32_t oe = R->rules->out_entry;
  if (oe < 0)
    return DECORUM_OK;
  for (size_t i = 0; i < rs->nt; i++) {
    const target *t = &rs->t[i];
    /* in the plural: "Cracker out!" signs off */
    if (t->type != TG_GROUP || t->reclaimed || t->te + 1 > rs->ntok ||
        !tok_is_word(R, t->te, "out") ||
        !plural_word(R, tk[t->te - 1].b, tk[t->te - 1].e) ||
        tk[t->te].clause != tk[t->tb].clause ||
        !(t->categories & ~(1u << DECORUM_CATEGORY_SEX)))
      continue;
    if (colour_alone(R, t))
      continue;
    const sentence *s = sent_of(R, t->tb);
    if (s->question)
      continue;
    bool opens = true;
    for (uint32_t j = t->tb, n = 0;
         opens && j-- > 0 && tk[j].clause == tk[t->tb].clause;) {
      if (tk[j].type != TK_WORD || handle_at(R, j))
        continue;
      opens = ++n <= 2 && (sign_softener(R, j) || tok_is_word(R, j, "all"));
    }
    if (!opens)
      continue;
    bool nation = !(t->categories & ~NATION_CATEGORIES);
    uint32_t k = t->te + 1, end = k;
    if (k < rs->ntok && tok_is_word(R, k, "now"))
      end = ++k;
    if (!clause_done(R, k)) {
      if (!tok_is_word(R, k, "of") || k + 1 >= rs->ntok)
        continue;
      k++;
      const mention *np = mention_at(R, k, DC_KIND_NONPROTECTED);
      if (tok_is_word(R, k, "here")) {
        end = k + 1;
      } else if ((np && !(ent(R, np)->flags & DC_F_THING)) ||
                 title_case(R, k)) {
        /* a country, a place named ("out of Europe") */
        if (nation)
          continue; /* "Russians out of Ukraine" */
        end = np ? np->te : k + 1;
      } else if (tok_is_word(R, k, "the") && k + 1 < rs->ntok &&
                 ((np = mention_at(R, k + 1, DC_KIND_NONPROTECTED)) ||
                  tok_is_word(R, k + 1, "country") ||
                  tok_is_word(R, k + 1, "west"))) {
        /* "the UK", "the country"; not "out of the running",
         * "out of the World Cup", "out of the closet": what they
         * are out of, an idiom or a contest */
        if (nation || (np && (ent(R, np)->flags & DC_F_THING)))
          continue;
        end = np ? np->te : k + 2;
      } else if (tok_is_word(R, k, "our") || tok_is_word(R, k, "my") ||
                 tok_is_word(R, k, "this")) {
        end = place_words_end(R, k + 1, tk[k].clause);
        if (!end)
          continue;
      } else {
        continue;
      }
      if (!clause_done(R, end))
        continue;
    }
    if (nation && game_in(R, s))
      continue;
    mention sm = {0};
    sm.b = tk[t->tb].b;
    sm.e = tk[end - 1].e;
    sm.entry = (uint32_t)oe;
    sm.kind = DC_KIND_EXCLUSION;
    sm.tb = t->tb;
    sm.te = end;
    if (past_war(R, &sm))
      continue;
    scope told = sign_scope(R, s, t->tb);
    if (told != SC_ASSERTED) {
      decorum_status st =
          mitigate(R, sm.b, sm.e, told, LIT("a slogan told of"));
      if (st != DECORUM_OK)
        return st;
      continue;
    }
    decorum_status st = slogan_exclusion(R, &sm, t, oe);
    if (st != DECORUM_OK)
      return st;
  }
  return DECORUM_OK;
}

/* ---------------------------------------------------------------------- */
/* Frames around a group: "stop letting X in", "don't rent to X", "deal    */
/* with X permanently", "shame if something happened to your mosque"      */
/* ---------------------------------------------------------------------- */

/* The token before the determiners that open group t ("the", "these",
 * "all", ...) in its clause; UINT32_MAX if the clause opens there. */
static uint32_t frame_before(const run *R, const target *t) {
  static const char *const det[] = {"the", "these", "those", "them", "all",
                                    "any", "every", "a",     "an"};
  const tok *tk = R->rs->toks;
  uint32_t k = t->tb;
  while (k > 0 && tk[k - 1].clause == tk[t->tb].clause &&
         word_among(R, k - 1, k, det, sizeof det / sizeof *det))
    k--;
  if (k == 0 || tk[k - 1].clause != tk[t->tb].clause ||
      tk[k - 1].type != TK_WORD)
    return UINT32_MAX;
  return k - 1;
}

/* Does the word before token k (in its clause) make the writer's call of
 * a negated verb at k: the clause opens there (an order, "Don't rent to
 * ..."), or a modal or the writer comes first ("should never", "we
 * don't")? Not a relative clause that tells what others do ("landlords
 * who don't rent to ..."). */
static bool frame_call(const run *R, uint32_t k) {
  static const char *const lead[] = {"should", "must",  "we",     "i",   "you",
                                     "please", "just",  "and",    "so",  "ever",
                                     "would",  "will",  "pls",    "plz", "u",
                                     "shall",  "gotta", "better", "ya"};
  const tok *tk = R->rs->toks;
  if (k == 0 || tk[k - 1].clause != tk[k].clause)
    return true;
  return no_opens(R, k) ||
         word_among(R, k - 1, k, lead, sizeof lead / sizeof *lead);
}

/* Which frame (FR_*) holds group t, and the first token of its words in
 * *from and the end in *to; FR_N if none. */
static int group_frame(const run *R, const target *t, uint32_t *from,
                       uint32_t *to) {
  static const char *const admit[] = {"letting", "allowing", "admitting",
                                      "let",     "allow",    "admit"};
  static const char *const stop[] = {"stop",  "quit", "don't", "dont",
                                     "never", "not",  "cease"};
  /* where they are let: in, into our towns, across the border; or to
   * settle, buy or own ("don't let the Filipinos buy houses here") */
  static const char *const into[] = {"into", "across", "through"};
  static const char *const in_end[] = {"here",  "our", "this", "anymore",
                                       "again", "now", "ever", "any"};
  static const char *const settle[] = {"settle", "buy",       "own",  "come",
                                       "enter",  "immigrate", "move", "stay",
                                       "live",   "vote"};
  static const char *const trade_to[] = {"rent",    "sell",    "lease",
                                         "renting", "selling", "leasing"};
  static const char *const trade_obj[] = {"hire",   "employ",    "serve",
                                          "hiring", "employing", "serving"};
  static const char *const refuse[] = {"don't",  "dont", "never", "not",
                                       "refuse", "stop", "won't", "wont"};
  static const char *const papers[] = {"citizenship", "passports", "passport",
                                       "nationality", "residency"};
  static const char *const revoke[] = {
      "revoke",   "strip",    "cancel",    "rescind",    "remove", "take",
      "withdraw", "revoking", "stripping", "cancelling", "taking"};
  static const char *const rights[] = {
      "vote",  "voting",   "own",   "owning",   "live",  "living",
      "marry", "marrying", "hold",  "holding",  "buy",   "buying",
      "teach", "teaching", "adopt", "adopting", "being", "running"};
  static const char *const handle[] = {"sort", "handle",  "finish",
                                       "fix",  "silence", "erase"};
  static const char *const hinted[] = {"shame", "pity", "careful",
                                       "hate",  "sad",  "terrible"};
  static const char *const happen[] = {"happen", "happened", "happens",
                                       "happening"};
  const dc_rules_scratch *rs = R->rs;
  const tok *tk = rs->toks;
  const sentence *s = sent_of(R, t->tb);
  uint32_t c = tk[t->tb].clause;
  uint32_t b = frame_before(R, t);
  uint32_t n = rs->ntok;
  /* admission stopped: "stop letting Somalis in", "quit letting
   * mexicans across the border", "don't let the Filipinos buy houses
   * here"; not what they are let suffer ("stop letting Somalis
   * drown", "stop letting Muslims be scapegoated") */
  if (b != UINT32_MAX && b > 0 &&
      word_among(R, b, b + 1, admit, sizeof admit / sizeof *admit) &&
      word_among(R, b - 1, b, stop, sizeof stop / sizeof *stop) &&
      frame_call(R, b - 1)) {
    uint32_t k = t->te;
    bool where = clause_done(R, k);
    if (!where && k < n && tk[k].clause == c) {
      if (word_among(R, k, k + 1, into, sizeof into / sizeof *into) ||
          word_among(R, k, k + 1, settle, sizeof settle / sizeof *settle))
        where = true;
      else if (tok_is_word(R, k, "in") || tok_is_word(R, k, "over"))
        where = clause_done(R, k + 1) ||
                (k + 1 < n && word_among(R, k + 1, k + 2, in_end,
                                         sizeof in_end / sizeof *in_end));
    }
    if (where) {
      *from = b - 1;
      *to = k < n && tk[k].clause == c ? k + 1 : t->te;
      return FR_LET_IN;
    }
  }
  /* "not one more Afghan", "not a single more refugee, we're full":
   * the group ends its clause, or is kept out "in" or "here" */
  if (t->tb >= 3 && tok_is_word(R, t->tb - 1, "more") &&
      (tok_is_word(R, t->tb - 2, "one") ||
       tok_is_word(R, t->tb - 2, "single"))) {
    uint32_t no = tok_is_word(R, t->tb - 2, "single") && t->tb >= 4 &&
                          tok_is_word(R, t->tb - 3, "a")
                      ? t->tb - 4
                      : t->tb - 3;
    uint32_t k = t->te;
    if (tok_is_word(R, no, "not") && tk[no].clause == c && no_opens(R, no) &&
        (clause_done(R, k) ||
         (k < n && tk[k].clause == c &&
          (tok_is_word(R, k, "in") || tok_is_word(R, k, "into") ||
           tok_is_word(R, k, "here") || tok_is_word(R, k, "allowed") ||
           tok_is_word(R, k, "coming") || tok_is_word(R, k, "please"))))) {
      *from = no;
      *to = t->te;
      return FR_LET_IN;
    }
  }
  /* trade refused: "don't rent to Pakistanis", "never sell your house
   * to a jew", "refuse service to every Mexican", "don't hire Muslims";
   * the present only (a refusal told, "refused service to ...", is a
   * deed), and the writer's call (frame_call) */
  if (b != UINT32_MAX) {
    uint32_t v = UINT32_MAX;
    if (tok_is_word(R, b, "to")) {
      for (uint32_t j = b; j-- > 0 && j + 5 > b && tk[j].clause == c;)
        if (word_among(R, j, j + 1, trade_to,
                       sizeof trade_to / sizeof *trade_to) ||
            (tok_is_word(R, j, "service") && j + 1 == b)) {
          v = j;
          break;
        }
    } else if (word_among(R, b, b + 1, trade_obj,
                          sizeof trade_obj / sizeof *trade_obj)) {
      v = b;
    }
    if (v != UINT32_MAX && v > 0) {
      uint32_t ng = v - 1;
      if (tok_is_word(R, ng, "to") && ng > 0)
        ng--; /* "refuse to rent to ..." */
      if (tk[ng].clause == c &&
          word_among(R, ng, ng + 1, refuse, sizeof refuse / sizeof *refuse) &&
          frame_call(R, ng)) {
        *from = ng;
        *to = t->te;
        return FR_TRADE;
      }
    }
  }
  /* rights taken: "revoke the citizenship of all Muslims", "strip every
   * Pakistani of citizenship", "Hispanics have no business voting" */
  if (b != UINT32_MAX && tok_is_word(R, b, "of") && b >= 2) {
    for (uint32_t j = b; j-- > 0 && j + 3 > b && tk[j].clause == c;)
      if (word_among(R, j, j + 1, papers, sizeof papers / sizeof *papers))
        for (uint32_t v = j; v-- > 0 && v + 4 > j && tk[v].clause == c;)
          if (word_among(R, v, v + 1, revoke, sizeof revoke / sizeof *revoke) &&
              frame_call(R, v)) {
            *from = v;
            *to = t->te;
            return FR_RIGHTS;
          }
  }
  if (b != UINT32_MAX &&
      word_among(R, b, b + 1, revoke, sizeof revoke / sizeof *revoke) &&
      frame_call(R, b)) {
    uint32_t k = t->te;
    if (k + 1 < n && tok_is_word(R, k, "of")) {
      uint32_t p = k + 1;
      if (p + 1 < n && tok_is_word(R, p, "their"))
        p++;
      if (word_among(R, p, p + 1, papers, sizeof papers / sizeof *papers)) {
        *from = b;
        *to = p + 1;
        return FR_RIGHTS;
      }
    }
  }
  if (t->te + 3 < n &&
      (tok_is_word(R, t->te, "have") || tok_is_word(R, t->te, "has")) &&
      tok_is_word(R, t->te + 1, "no") &&
      (tok_is_word(R, t->te + 2, "business") ||
       tok_is_word(R, t->te + 2, "right"))) {
    uint32_t k = t->te + 3;
    if (tok_is_word(R, k, "to") && k + 1 < n)
      k++;
    if (tk[k].clause == c &&
        word_among(R, k, k + 1, rights, sizeof rights / sizeof *rights)) {
      *from = t->tb;
      *to = k + 1;
      return FR_RIGHTS;
    }
  }
  /* dealt with for good: "deal with these Nigerians permanently", "take
   * care of these refugees permanently", "sort these gypsies out for
   * good"; the present (a deed told, "dealt with", is not asked for) */
  {
    uint32_t k = t->te;
    if (k < n && (tok_is_word(R, k, "out") || tok_is_word(R, k, "off")))
      k++;
    bool good =
        k < n && tk[k].clause == c &&
        (tok_is_word(R, k, "permanently") || tok_is_word(R, k, "forever") ||
         (k + 1 < n && tok_is_word(R, k, "for") &&
          tok_is_word(R, k + 1, "good")) ||
         (k + 1 < n && tok_is_word(R, k, "once") &&
          tok_is_word(R, k + 1, "and")));
    if (good && b != UINT32_MAX &&
        (word_among(R, b, b + 1, handle, sizeof handle / sizeof *handle) ||
         (b > 0 && tok_is_word(R, b, "with") &&
          (tok_is_word(R, b - 1, "deal") ||
           tok_is_word(R, b - 1, "dealing"))) ||
         (b > 1 && tok_is_word(R, b, "of") && tok_is_word(R, b - 1, "care") &&
          (tok_is_word(R, b - 2, "take") ||
           tok_is_word(R, b - 2, "taking"))))) {
      *from = tok_is_word(R, b, "with") || tok_is_word(R, b, "of")
                  ? b - (tok_is_word(R, b, "of") ? 2 : 1)
                  : b;
      *to = k + 1;
      return FR_FOR_GOOD;
    }
  }
  /* harm hinted at: "it'd be a shame if something happened to your
   * synagogue", "would be a pity if those Africans had an accident";
   * not a place of ours ("something happened to our synagogue, so we
   * fitted cameras": a fear, not a threat) */
  if (word_among(R, s->tb, t->tb, hinted, sizeof hinted / sizeof *hinted) &&
      word_among(R, s->tb, t->tb, (const char *const[]){"if"}, 1)) {
    uint32_t k = t->tb;
    if (k > 0 &&
        (tok_is_word(R, k - 1, "your") || tok_is_word(R, k - 1, "their") ||
         tok_is_word(R, k - 1, "that") || tok_is_word(R, k - 1, "the") ||
         tok_is_word(R, k - 1, "those") || tok_is_word(R, k - 1, "these")))
      k--;
    if (k >= 3 && tok_is_word(R, k - 1, "to") &&
        word_among(R, k - 2, k - 1, happen, sizeof happen / sizeof *happen) &&
        word_among(R, k > 6 ? k - 6 : 0, k - 2,
                   (const char *const[]){"something", "anything"}, 2)) {
      *from = k - 2;
      *to = t->te;
      return FR_HAPPEN;
    }
    k = t->te;
    if (k + 2 < n &&
        (tok_is_word(R, k, "had") || tok_is_word(R, k, "have") ||
         tok_is_word(R, k, "has")) &&
        (tok_is_word(R, k + 1, "an") || tok_is_word(R, k + 1, "a")) &&
        (tok_is_word(R, k + 2, "accident") ||
         (k + 3 < n && tok_is_word(R, k + 3, "accident")))) {
      *from = t->tb;
      *to = k + 3;
      return FR_HAPPEN;
    }
  }
  return FR_N;
}

/* A group held in a frame of exclusion or a veiled threat (group_frame):
 * the finding at the frame's pattern entry, its severity and its why.
 * Not a question, a group named by sex alone, nor a colour alone; scope
 * is attack_on_group's (quoted, reported, denounced: not the writer's). */
static decorum_status rule_group_frames(run *R) {
  const dc_rules_scratch *rs = R->rs;
  for (size_t i = 0; i < rs->nt; i++) {
    const target *t = &rs->t[i];
    if (t->type != TG_GROUP || t->reclaimed ||
        !(t->categories & ~(1u << DECORUM_CATEGORY_SEX)) || colour_alone(R, t))
      continue;
    const sentence *s = sent_of(R, t->tb);
    if (s->question)
      continue;
    uint32_t from = 0, to = 0;
    int fr = group_frame(R, t, &from, &to);
    if (fr == FR_N || R->rules->frame_entry[fr] < 0 || to <= from)
      continue;
    int32_t fe = R->rules->frame_entry[fr];
    const dc_entry *e = &R->lx->entries[fe];
    mention sm = {0};
    sm.b = rs->toks[from].b;
    sm.e = rs->toks[to - 1].e;
    sm.entry = (uint32_t)fe;
    sm.kind = e->kind;
    sm.tb = from;
    sm.te = to;
    if (past_war(R, &sm))
      continue;
    decorum_status st;
    if (e->kind == DC_KIND_EXCLUSION) {
      st = slogan_exclusion(R, &sm, t, fe);
    } else {
      R->out->rf[DC_RF_THREAT] += 1;
      st = attack_on_group(R, &sm, t, DECORUM_SIGNAL_THREAT,
                           severity_weight(e->severity, 0.7f, 0.88f, 0.95f),
                           false);
    }
    if (st != DECORUM_OK)
      return st;
  }
  return DECORUM_OK;
}

/* ---------------------------------------------------------------------- */
/* Renaming: "Refugees? More like parasites", "Muslims aka rats"           */
/* ---------------------------------------------------------------------- */

/* Does a marker that renames what comes before it end right before token
 * k ("more like", "you mean", "I mean", "or should I say", "aka",
 * "a.k.a." (normalized "aka."), "or rather", "known as", "as I (like to)
 * call them")? Returns its first token, else
 * UINT32_MAX; *asks is set for the markers that answer a question
 * ("Refugees? More like ...", "Immigrants? You mean ..."), which may stand
 * across the question's end. */
static uint32_t rename_marker(const run *R, uint32_t k, bool *asks) {
  const tok *tk = R->rs->toks;
  *asks = false;
  if (k >= 1 && tok_is_word(R, k - 1, "aka"))
    return k - 1;
  /* "a.k.a.", which the normalizer makes "aka." */
  if (k >= 2 && tk[k - 1].type == TK_PUNCT && tk[k - 1].ch == '.' &&
      tok_is_word(R, k - 2, "aka"))
    return k - 2;
  if (k < 2)
    return UINT32_MAX;
  if ((tok_is_word(R, k - 2, "more") && tok_is_word(R, k - 1, "like")) ||
      (tok_is_word(R, k - 2, "you") && tok_is_word(R, k - 1, "mean"))) {
    *asks = true;
    return k - 2;
  }
  if ((tok_is_word(R, k - 2, "i") &&
       (tok_is_word(R, k - 1, "mean") || tok_is_word(R, k - 1, "meant"))) ||
      (tok_is_word(R, k - 2, "or") && tok_is_word(R, k - 1, "rather")) ||
      (tok_is_word(R, k - 2, "known") && tok_is_word(R, k - 1, "as")))
    return k - 2;
  if (k >= 3 && tok_is_word(R, k - 3, "should") && tok_is_word(R, k - 2, "i") &&
      tok_is_word(R, k - 1, "say"))
    return k >= 4 && tok_is_word(R, k - 4, "or") ? k - 4 : k - 3;
  /* "as I call them", "as I like to call them" */
  if (k >= 4 && tok_is_word(R, k - 1, "them") &&
      tok_is_word(R, k - 2, "call")) {
    uint32_t a = tok_is_word(R, k - 3, "i") ? k - 4
                 : k >= 6 && tok_is_word(R, k - 3, "to") &&
                         tok_is_word(R, k - 4, "like") &&
                         tok_is_word(R, k - 5, "i")
                     ? k - 6
                     : UINT32_MAX;
    if (a == UINT32_MAX || !tok_is_word(R, a, "as"))
      return UINT32_MAX;
    return a > 0 && tok_is_word(R, a - 1, "or") ? a - 1 : a;
  }
  return UINT32_MAX;
}

/* Is token k punctuation that may part a group from the marker renaming
 * it: a comma, a dash, a bracket; across a question's end too ("?", the
 * dots of "...") when the marker answers it? */
static bool rename_gap(const run *R, uint32_t k, bool asks) {
  const tok *t = &R->rs->toks[k];
  if (t->type != TK_PUNCT)
    return false;
  return t->ch == ',' || t->ch == '-' || t->ch == '(' || t->ch == ':' ||
         (asks && (t->ch == '?' || t->ch == '.' || t->ch == '!'));
}

/* A group renamed as a dehumanizing word, or a noun of contempt or crime
 * for people ("scum", "rapists": derogation, stereotype): the group, then
 * a marker
 * (rename_marker), then the word ("Refugees? More like parasites",
 * "Muslims aka rats", "Immigrants, or should I say vermin"), or the word,
 * the marker and the group as the correction ("Rats, I mean Muslims";
 * no punctuation after the marker there: "I like rats. I mean, Muslims
 * ..." is no correction). An article or words of contempt may stand
 * before the word ("more like a plague", "aka filthy rats"). The word is
 * said of the group as a linking verb would say it; scope is
 * attack_on_group's ("He wrote 'Muslims aka rats', which is vile" is
 * reported and denounced). Not "Ticks? More like parasites", nor
 * "Landlords aka parasites": no protected group. A word that names its
 * own group ("invaders") is rule_attack's already. */
static decorum_status rule_renamed(run *R) {
  const dc_rules_scratch *rs = R->rs;
  for (size_t i = 0; i < rs->nm; i++) {
    const mention *d = &rs->m[i];
    const dc_entry *de = ent(R, d);
    /* a dehumanizing word, or a noun for people of contempt or of
     * crime ("scum", "rapists") */
    if ((d->kind != DC_KIND_DEHUMANIZE &&
         !((d->kind == DC_KIND_DEROGATE || d->kind == DC_KIND_STEREOTYPE) &&
           (de->flags & DC_F_NOUN))) ||
        de->categories)
      continue;
    /* an article or contempt before the word */
    uint32_t k = d->tb;
    for (int n = 0; n < 2 && k > 0 &&
                    (a_or_an(R, k - 1) || tok_is_word(R, k - 1, "the") ||
                     (rs->at[k - 1] & (KIND_BIT(DEROGATE) | KIND_BIT(INSULT) |
                                       KIND_BIT(PROFANITY))));
         n++)
      k--;
    bool asks;
    const target *g = NULL;
    /* the marker right before it, or before punctuation: a comma
     * ("Jews, I mean, rats"), and the dots of one that answers a
     * question ("More like... parasites") */
    uint32_t mk = k, mb = rename_marker(R, k, &asks);
    if (mb == UINT32_MAX) {
      while (mk > 0 && rename_gap(R, mk - 1, true))
        mk--;
      if (mk < k && (mb = rename_marker(R, mk, &asks)) != UINT32_MAX)
        for (uint32_t j = mk; j < k; j++)
          if (!rename_gap(R, j, asks))
            mb = UINT32_MAX;
    }
    if (mb != UINT32_MAX) {
      uint32_t e = mb;
      while (e > 0 && rename_gap(R, e - 1, asks))
        e--;
      /* "Refugees? More like ...": the group ends where the gap
       * starts */
      const target *t = group_ending_at(R, e, ANY_CLAUSE);
      if (t && t->te == e && !t->reclaimed)
        g = t;
    }
    /* "Rats, I mean Muslims": the correction after the word, the
     * group right after the marker (an article between). The word
     * opens its clause: "Mosquitoes are vermin, I mean Africans
     * suffer most from malaria" corrects nothing. */
    bool opens = k == sent_of(R, d->tb)->tb || rs->toks[k - 1].type != TK_WORD;
    for (uint32_t j = d->te, l = 1; opens && !g && l <= 6 && j + l < rs->ntok;
         l++) {
      while (j < rs->ntok && l == 1 && rename_gap(R, j, false))
        j++;
      /* a mock correction ("I mean", "or should I say"), not a
       * name for whom the word meant ("Rapists aka the men in that
       * cult were jailed") */
      if (j + l >= rs->ntok || rename_marker(R, j + l, &asks) != j || asks ||
          tok_is_word(R, j, "aka") || tok_is_word(R, j, "known"))
        continue;
      uint32_t gb = j + l;
      if (tok_is_word(R, gb, "the") || tok_is_word(R, gb, "these") ||
          tok_is_word(R, gb, "those"))
        gb++;
      for (size_t t = targets_from(rs, gb); t < rs->nt && rs->t[t].tb <= gb;
           t++)
        if (rs->t[t].tb == gb && rs->t[t].type == TG_GROUP &&
            !rs->t[t].reclaimed)
          g = &rs->t[t];
    }
    if (!g)
      continue;
    /* "or should I say", "as I call them": the writer's own report
     * verb in the marker; read from the group, the word is not
     * reported */
    mention sm = *d;
    if (g->tb < d->tb && mb != UINT32_MAX &&
        has_kind_in(R, mb, k, DC_KIND_REPORT)) {
      sm.tb = g->tb;
      sm.b = rs->toks[g->tb].b;
    }
    decorum_signal sig;
    float w;
    if (d->kind == DC_KIND_DEHUMANIZE) {
      sig = DECORUM_SIGNAL_DEHUMANIZATION;
      w = severity_weight(de->severity, 0.7f, 0.85f, 0.92f);
      R->out->rf[DC_RF_DEHUMANIZATION] += 1;
    } else if (d->kind == DC_KIND_DEROGATE) {
      sig = DECORUM_SIGNAL_DEROGATION;
      w = severity_weight(de->severity, 0.55f, 0.7f, 0.85f);
      R->out->rf[DC_RF_DEROGATION] += 1;
    } else {
      sig = DECORUM_SIGNAL_STEREOTYPE;
      w = severity_weight(de->severity, 0.4f, 0.6f, 0.75f);
      R->out->rf[DC_RF_STEREOTYPE] += 1;
    }
    decorum_status st = attack_on_group(R, &sm, g, sig, w, false);
    if (st != DECORUM_OK)
      return st;
  }
  return DECORUM_OK;
}

/* Conspiracy tropes told as a story: an actor (Soros, "globalists", a
 * group) secretly doing something (funding, controlling) to an object (the
 * invasion, the media), in one sentence. */
/* Is the group of entry g a people the lexicon's libels are told of
 * (dc_rules.libel_entry)? */
static bool libel_people(const run *R, const dc_entry *g) {
  const int32_t *le = R->rules->libel_entry;
  for (size_t k = 0;
       k < sizeof R->rules->libel_entry / sizeof *le && le[k] >= 0; k++)
    if (same_group(&R->lx->entries[le[k]], g))
      return true;
  return false;
}

/* Is the story of the trope actor at atb, in sentence s, history: a war
 * (an object flagged `event`) waged with a deed done (an action in -ed:
 * "financed") by one person named
 * (a name before the actor, "Nathan Rothschild financed Wellington's
 * army", or the actor in apposition to one, "Jacob Schiff, a Jewish
 * banker, financed ...") or dated to a year ("in 1904", "in the 1830s")?
 * The trope tells of a timeless secret power ("Rothschilds fund both
 * sides of every war"), not of a loan on record; a caravan or an
 * invasion funded "in 2018" is the trope still. */
static bool story_history(const run *R, const sentence *s, uint32_t atb,
                          const mention *action, const mention *object) {
  const char *a = R->n->text;
  if (!(action->e - action->b > 3 && a[action->e - 2] == 'e' &&
        a[action->e - 1] == 'd') ||
      !(ent(R, object)->flags & DC_F_EVENT))
    return false;
  /* (not "both sides of the war", "every war", "and still do") */
  for (uint32_t k = action->te; k < object->te; k++)
    if (tok_is_word(R, k, "both") || tok_is_word(R, k, "every") ||
        tok_is_word(R, k, "all"))
      return false;
  for (uint32_t k = s->tb; k < s->te; k++)
    if (tok_is_word(R, k, "still"))
      return false;
  const tok *t = R->rs->toks;
  if (atb > s->tb && t[atb - 1].type == TK_WORD && capitalized(R, atb - 1) &&
      capitalized(R, atb) && !is_determiner(R, atb - 1))
    return true;
  if (atb >= s->tb + 2 &&
      (tok_is_word(R, atb - 1, "a") || tok_is_word(R, atb - 1, "an")) &&
      t[atb - 2].type == TK_PUNCT && t[atb - 2].ch == ',')
    return true;
  for (uint32_t k = s->tb + 1; k < s->te; k++) {
    const char *w = a + t[k].b;
    size_t n = t[k].e - t[k].b;
    if (t[k].type != TK_WORD || !(n == 4 || (n == 5 && w[4] == 's')) ||
        !((w[0] == '1' && w[1] >= '0' && w[1] <= '9') ||
          (w[0] == '2' && w[1] == '0')) ||
        !(w[2] >= '0' && w[2] <= '9' && w[3] >= '0' && w[3] <= '9'))
      continue;
    if (year_before(R, k) || tok_is_word(R, k - 1, "the") ||
        tok_is_word(R, k - 1, "of"))
      return true;
  }
  return false;
}

/* Does a word naming the claim as a falsehood or a bigotry
 * ("conspiracy theories", "antisemitic", a `denounce` entry that is no
 * mere judgement) open the phrase the story sits in: "Conspiracy theories
 * about the Rothschilds controlling the world are antisemitic nonsense",
 * "the antisemitic lie of Jewish bankers running ..."? The story is then
 * the topic of the denunciation, not the writer's claim. */
static bool story_named_false(const run *R, const sentence *s, uint32_t atb) {
  uint32_t k = atb;
  if (k > s->tb && is_determiner(R, k - 1))
    k--;
  if (!(k > s->tb &&
        (tok_is_word(R, k - 1, "about") || tok_is_word(R, k - 1, "of") ||
         tok_is_word(R, k - 1, "that"))))
    return false;
  for (size_t i = R->rs->first[s->tb]; i < R->rs->nm; i++) {
    const mention *d = &R->rs->m[i];
    if (d->tb >= k - 1)
      break;
    if (d->kind == DC_KIND_DENOUNCE && d->te + 2 >= k - 1 &&
        !(ent(R, d)->flags & DC_F_JUDGE))
      return true;
  }
  return false;
}

/* Does the sentence after the question s open with a yes ("Does the gay
 * agenda exist? Yes, and ...")? */
static bool answered_yes(const run *R, const sentence *s) {
  const dc_rules_scratch *rs = R->rs;
  size_t si = (size_t)(s - rs->s);
  if (si + 1 >= rs->ns)
    return false;
  uint32_t a = rs->s[si + 1].tb;
  return tok_is_word(R, a, "yes") || tok_is_word(R, a, "yep") ||
         tok_is_word(R, a, "yeah") || tok_is_word(R, a, "absolutely") ||
         tok_is_word(R, a, "obviously");
}

/* An object that is as often a plain fact's as the trope's ("the
 * NBA", "the schools", "every outlet", "the curriculum"): a group that
 * "dominates" it plays or wins ("Black players dominate the NBA"), and
 * it is the object only when nothing qualifies or continues it: not a
 * possessive or a noun after it ("the schools' PTA", "the NBA MVP
 * award"), a place or a part ("the schools in Ireland", "every outlet of
 * Christian radio"), nor a main verb that makes the story a topic ("Jews
 * own the NBA is a trope"). After it only the sentence's end, a comma or
 * a clause that goes on about it ("... and every outlet that covers it"). */
static bool weak_object(const run *R, const sentence *s, const mention *action,
                        const mention *object) {
  static const char *const weak[] = {"the nba", "the nfl", "every outlet",
                                     "the schools", "the curriculum"};
  static const char *const go_on[] = {"and", "that", "which"};
  const dc_entry *oe = ent(R, object);
  if (!dc_word_in(oe->term, oe->term_len, weak, sizeof weak / sizeof *weak))
    return false;
  if (term_ends(ent(R, action), "dominat", true))
    return true;
  uint32_t k = object->te;
  if (k >= s->te)
    return false;
  const tok *t = &R->rs->toks[k];
  if (t->type == TK_PUNCT)
    return t->ch == '\'' || (R->n->text[t->b] & 0x80);
  return !word_among(R, k, k + 1, go_on, sizeof go_on / sizeof *go_on) ||
         (k + 1 < s->te && R->rs->toks[k + 1].type == TK_PUNCT &&
          R->rs->toks[k + 1].ch == '\'');
}

static __attribute__((noinline)) decorum_status rule_conspiracy(run *R) {
  /* A story needs an action and an object in one sentence: the caller
   * checks that the comment has both. */
  static const char *const crash_deed[] = {
      "engineered",   "engineer",     "caused",    "cause", "causing",
      "orchestrated", "orchestrate",  "planned",   "plan",  "rigged",
      "rig",          "masterminded", "mastermind"};
  dc_rules_scratch *rs = R->rs;
  for (size_t si = 0; si < rs->ns; si++) {
    const sentence *s = &rs->s[si];
    const mention *actor = NULL, *action = NULL, *object = NULL;
    const target *gactor = NULL;
    for (size_t i = rs->first[s->tb]; i < rs->nm; i++) {
      const mention *m = &rs->m[i];
      if (m->tb >= s->te)
        break;
      if (m->kind == DC_KIND_CONSP_ACTOR && !actor)
        actor = m;
      else if (m->kind == DC_KIND_CONSP_ACTION && (actor || !action))
        action = action && actor && action->tb > actor->tb ? action : m;
      else if (m->kind == DC_KIND_CONSP_OBJECT &&
               (!object || m->tb >= object->te) &&
               /* a year stands for its crash only as the object
                * of a deed that makes a crash ("engineered 2008",
                * "caused 2008"); "started the mosque in 2008"
                * dates a deed, "the Irish dominated 2008" won a
                * season */
               (DC_SENSE_OF(ent(R, m)->flags) != DC_SENSE_YEAR ||
                (action && m->tb == action->te &&
                 word_among(R, action->tb, action->te, crash_deed,
                            sizeof crash_deed / sizeof *crash_deed))))
        object = m; /* "every war", not the "war" inside it */
    }
    target pactor;
    if (!actor) {
      /* A protected group as the actor: "the Jews control the media",
       * or a pronoun that stands for one ("they control everything"
       * under "Jewish community center opens"). The one nearest
       * before the action is its subject: in "it's not that I hate
       * Jews, I just think they control everything" that is "they",
       * outside the negated clause. */
      /* Nearest first, and only a few pronouns are resolved (each
       * resolution scans the targets): a sentence of a thousand
       * "they"s stays linear. */
      /* Targets are sorted by tb: back from the action to the
       * sentence's start (from the comment's end, for every
       * sentence, was quadratic: "Who controls the media? The
       * Jews." over 64 KiB took 93M instructions here). */
      int tries = 4;
      for (size_t i = action ? targets_from(rs, action->tb) : 0;
           i-- > 0 && !gactor;) {
        const target *t = &rs->t[i];
        if (t->tb < s->tb)
          break;
        if (t->te > s->te)
          continue;
        bool fc;
        target pt;
        if (t->type == TG_GROUP) {
          gactor = t;
        } else if (t->type == TG_PRONOUN && tries-- > 0 &&
                   resolve_pronoun(R, t->tb, &pt, &fc) && pt.type == TG_GROUP &&
                   pt.entry >= 0) {
          pactor = pt;
          pactor.tb = t->tb;
          pactor.te = t->te;
          gactor = &pactor;
        }
      }
    }
    if (!(actor || gactor) || !action || !object)
      continue;
    uint32_t atb = actor ? actor->tb : gactor->tb;
    if (!(action->tb > atb && object->tb >= action->te))
      continue;
    /* "destroy" is said of a plot only close up: its doer a few
     * words before it and what it would destroy right after ("Jewish
     * academics to destroy the western family"); far apart the doer
     * is another ("Americans are sick of what the left is trying to
     * do to destroy America") or the thing destroyed is no society
     * ("their mindset has destroyed how my friends see white
     * people"). */
    if (ent(R, action)->term_len == 7 &&
        memcmp(ent(R, action)->term, "destroy", 7) == 0 &&
        (action->tb - atb > 6 || object->tb > action->te + 2))
      continue;
    /* (nor where the group only says or fears it, of another doer:
     * "Jewish scholars warned that assimilation would destroy the
     * traditional family") */
    if (ent(R, action)->term_len == 7 &&
        memcmp(ent(R, action)->term, "destroy", 7) == 0) {
      uint32_t ate = actor ? actor->te : gactor->te;
      if (has_kind_in(R, ate, action->tb, DC_KIND_REPORT) ||
          (ate + 1 < action->tb &&
           word_among(R, ate + 1, action->tb,
                      (const char *const[]){"that", "fear", "fears", "feared"},
                      4)))
        continue;
    }
    /* An actor with an innocent reading ("goblins") in a sentence that
     * names a game or a fictional world (an `object` entry flagged
     * `game`): "the goblins control every bank in the wizarding
     * world" tells the story of the fiction. */
    if (actor && (ent(R, actor)->flags & DC_F_AMBIGUOUS) && game_in(R, s))
      continue;
    /* "The Russians started the war in Ukraine", "the Germans started
     * the war": a nation named as who waged a war (an object flagged
     * `event`) tells what its state did in the open, history or
     * politics, not a secret plot. A faith or a race behind the wars
     * stays the trope. */
    if (!actor && !(gactor->categories & ~NATION_CATEGORIES) &&
        (ent(R, object)->flags & DC_F_EVENT)) {
      R->untargeted = true; /* the model's reading counts as for history */
      continue;
    }
    /* "Christians control congress", "Indians run the motel
     * industry": an object whose trope is told of one group (its
     * group column: congress, Washington, an industry, "Zionist-
     * occupied") is a story only with that group, or an actor of
     * the lexicon's tropes, as its actor; with another group named it
     * tells of seats held or a trade, and the model's reading of power
     * beside a group counts as for a nation's war. */
    if (!actor && ent(R, object)->group_len) {
      const dc_entry *oe = ent(R, object);
      const dc_entry *ge =
          gactor->entry >= 0 ? &R->lx->entries[gactor->entry] : NULL;
      if (!ge || ge->group_len != oe->group_len ||
          memcmp(ge->group, oe->group, oe->group_len) != 0) {
        R->untargeted = true;
        continue;
      }
    }
    /* "Nathan Rothschild financed Wellington's army during the
     * Napoleonic wars": history (story_history); the model's reading
     * counts as for a nation's war */
    if (actor && story_history(R, s, atb, action, object)) {
      R->untargeted = true;
      continue;
    }
    if (!actor && weak_object(R, s, action, object))
      continue;
    const mention *neg;
    scope sc = scope_of(R, atb, object->te, &neg);
    if (sc == SC_ASSERTED && negator(R, action->tb))
      sc = SC_NEGATED; /* "Jews do not control the media" */
    if (sc == SC_ASSERTED && answered_no(R, atb))
      sc = SC_NEGATED; /* "Do Jews own the NBA? No, ..." */
    if (sc == SC_ASSERTED && R->denounce_any && story_named_false(R, s, atb))
      sc = SC_COUNTER; /* "Conspiracy theories about ... are nonsense" */
    if (sc == SC_ASSERTED && rebutted(R, atb))
      sc = SC_COUNTER; /* "... That is an antisemitic lie." */
    /* "Soros has been accused of funding migrant caravans": a report
     * verb between the actor and the action tells of the claim */
    if (sc == SC_ASSERTED && has_kind_in(R, atb, action->tb, DC_KIND_REPORT))
      sc = SC_REPORTED;
    uint32_t b = tb_byte(R, atb), e = object->e;
    if (sc != SC_ASSERTED) {
      decorum_status st = mitigate(R, b, e, sc, LIT("a conspiracy trope"));
      if (st != DECORUM_OK)
        return st;
      continue;
    }
    const dc_entry *ae = actor ? ent(R, actor) : &R->lx->entries[gactor->entry];
    /* The story stated of an actor that is itself the trope
     * (severity 3: "the Rothschilds", a "Jewish lobby"), or of the
     * people those actors stand for, by name ("The Jews control the
     * media"), is the classic libel a moderator removes: reject. Told
     * of a public figure (Soros), of a vaguer actor ("globalists",
     * "the elite"), of a people only through a pronoun the rules
     * resolved, asked, or told of other groups ("whites run this
     * country", "white men control the narrative": as often politics
     * or a complaint about power as a trope), it stays for review. */
    float w = 0.8f;
    if (!s->question &&
        (actor ? ae->severity >= 3 : gactor != &pactor && libel_people(R, ae)))
      w = 0.9f;
    if (s->question)
      w *= 0.95f;
    R->out->rf[DC_RF_CONSPIRACY] += 1;
    finding_spec fs = {0};
    fs.b = b;
    fs.e = e;
    fs.signal = DECORUM_SIGNAL_CONSPIRACY;
    fs.attribute = DECORUM_IDENTITY_ATTACK;
    fs.categories = actor ? ae->categories : gactor->categories;
    if (!fs.categories)
      fs.categories = ent(R, object)->categories;
    fs.weight = w;
    fs.hate = true;
    uint32_t r;
    int al = (int)(te_byte(R, actor ? actor->te : gactor->te) - b);
    int xl = (int)(action->e - action->b), ol = (int)(object->e - object->b);
    decorum_status st = REASON(
        R, &r, LIT("conspiracy trope: '"),
        piece_text(R->n->text + b, al > 40 ? 40 : al), LIT("' secretly '"),
        piece_text(R->n->text + action->b, xl > 30 ? 30 : xl), LIT("' '"),
        piece_text(R->n->text + object->b, ol > 30 ? 30 : ol), LIT("'; "),
        entry_why(ae));
    if (st != DECORUM_OK)
      return st;
    if ((st = emit(R, &fs, r)) != DECORUM_OK)
      return st;
    if (gactor && gactor->coded && (st = code_word(R, gactor)) != DECORUM_OK)
      return st;
  }
  return DECORUM_OK;
}

/* A denouncing word in sentence s that denounces the echo opening at
 * token i: any naming bigotry ("writing (((Cohen))) is antisemitic"); a
 * `judge` word (evil, disgusting, lie) only before the echo ("it's
 * disgusting that people write (((Soros)))") or when a gerund governs the
 * echo ("putting (((brackets))) around names is disgusting"). After it,
 * it judges the people the echo marks ("the (((bankers))) are evil",
 * "wow, the (((media))) lies again"). What the sentence holds is worked out
 * once per sentence (a comment of many echoes stays linear). */
static bool echo_denounced(run *R, const sentence *s, uint32_t i) {
  uint32_t si = R->rs->toks[i].sent;
  if (!R->echo_sent || R->echo_sent - 1 != si) {
    R->echo_sent = si + 1;
    R->echo_naming = false;
    R->echo_judge = UINT32_MAX;
    R->echo_dehum = 0;
    for (size_t x = R->rs->first[s->tb];
         x < R->rs->nm && R->rs->m[x].tb < s->te; x++) {
      const mention *d = &R->rs->m[x];
      if (d->kind == DC_KIND_DEHUMANIZE)
        R->echo_dehum = d->tb;
      if (d->kind != DC_KIND_DENOUNCE)
        continue;
      if (!(ent(R, d)->flags & DC_F_JUDGE))
        R->echo_naming = true;
      else if (R->echo_judge == UINT32_MAX)
        R->echo_judge = d->tb;
    }
  }
  /* A naming word among dehumanizing ones said of the echo that opens
   * the sentence calls the people it marks names too ("(((bankers)))
   * are evil racist parasites"); it does not denounce the symbol
   * ("(((Echoes))) like that are an antisemitic code"). */
  if (R->echo_naming)
    return !(opens_sentence(R, s, i) && R->echo_dehum > i);
  if (R->echo_judge == UINT32_MAX)
    return false;
  if (R->echo_judge < i)
    return true;
  /* a gerund right before the echo (or before its article) governs it */
  uint32_t g = i;
  if (g > s->tb && is_determiner(R, g - 1))
    g--;
  if (g > s->tb && R->rs->toks[g - 1].type == TK_WORD) {
    const tok *t = &R->rs->toks[g - 1];
    if (t->e - t->b > 4 && memcmp(R->n->text + t->e - 3, "ing", 3) == 0)
      return true;
  }
  return false;
}

/* Do the words [b, e) inside an echo name someone it can mark? Names
 * come in any case ("( ( ( paul krugman ) ) )" on lowercased sites) and
 * in words no list holds, so what is ruled out is only words that name
 * no one: quantifiers and words of degree ("(((so many))) brackets lol",
 * "(((very))) happy"), a typing habit. Pronouns ("(((they)))", "(((who)))")
 * and every other word may be a target. */
static bool echo_names_someone(const run *R, uint32_t b, uint32_t e) {
  static const char *const degree[] = {"very", "too",  "much", "such",
                                       "more", "less", "lot",  "lots"};
  const tok *t = R->rs->toks;
  for (uint32_t k = b; k < e; k++) {
    if (t[k].type != TK_WORD || kind_at(R, k, DC_KIND_QUANTIFIER) ||
        adverb_like(R, k) ||
        dc_word_in(R->n->text + t[k].b, t[k].e - t[k].b, degree,
                   sizeof degree / sizeof degree[0]))
      continue;
    return true;
  }
  return false;
}

/* The triple-parentheses echo around a name or group marks it as Jewish in
 * order to target it. An echo around one's own name is solidarity; a text
 * that discusses or denounces the symbol is not an attack. */
static __attribute__((noinline)) decorum_status rule_echo(run *R) {
  dc_rules_scratch *rs = R->rs; /* some "(((" among the tokens: R->echo */
  for (uint32_t i = 0; i + 2 < rs->ntok; i++) {
    const tok *t = rs->toks;
    if (!(t[i].type == TK_PUNCT && t[i].ch == '(' && t[i + 1].ch == '(' &&
          t[i + 2].ch == '(' && t[i + 1].type == TK_PUNCT &&
          t[i + 2].type == TK_PUNCT))
      continue;
    uint32_t j = i + 3;
    while (j < rs->ntok && t[j].type == TK_PUNCT && t[j].ch == '(')
      j++;
    uint32_t inner = j, words = 0;
    while (j < rs->ntok && !(t[j].type == TK_PUNCT && t[j].ch == ')') &&
           t[j].type != TK_NL && words < 8) {
      if (t[j].type == TK_WORD)
        words++;
      j++;
    }
    if (j + 2 >= rs->ntok || words == 0 || t[j + 1].ch != ')' ||
        t[j + 2].ch != ')' || t[j + 1].type != TK_PUNCT ||
        t[j + 2].type != TK_PUNCT)
      continue;
    uint32_t close = j + 3;
    while (close < rs->ntok && t[close].type == TK_PUNCT && t[close].ch == ')')
      close++;
    uint32_t b = t[i].b, e = t[close - 1].e;
    /* The writer's own name, solidarity, or an innocent use such as
     * "(((hugs)))" (an allow entry covering it). */
    const sentence *es = sent_of(R, i);
    bool own = has_kind_in(R, inner, j, DC_KIND_PRONOUN_SELF) ||
               has_kind_in(R, es->tb, es->te, DC_KIND_INGROUP) ||
               has_kind_in(R, i, close, DC_KIND_ALLOW) ||
               has_kind_in(R, inner, j, DC_KIND_POSITIVE);
    if (!own && !echo_names_someone(R, inner, j)) {
      i = close - 1;
      continue;
    }
    const mention *neg;
    scope sc = scope_of(R, inner, j, &neg);
    if (!own && sc == SC_ASSERTED && echo_denounced(R, es, i))
      sc = SC_COUNTER;
    /* "People writing (((they))) control the banks should be
     * banned": the echo named as what people write, in a clause that
     * would ban them, is counter-speech as 1488 is (rule_code) */
    if (!own && sc == SC_ASSERTED && code_sanctioned_at(R, inner, j))
      sc = SC_COUNTER;
    decorum_status st;
    if (own || sc == SC_COUNTER || sc == SC_REPORTED) {
      st = mitigate(R, b, e, own ? SC_REPORTED : SC_COUNTER,
                    own ? LIT("an echo around the writer's own name "
                              "(solidarity)")
                        : LIT("the triple-parentheses echo"));
      if (st != DECORUM_OK)
        return st;
      i = close - 1;
      continue;
    }
    R->out->rf[DC_RF_CODED] += 1;
    R->out->rf[DC_RF_TARGET_GROUP] = 1;
    finding_spec fs = {0};
    fs.b = b;
    fs.e = e;
    fs.signal = DECORUM_SIGNAL_CODED_ECHO;
    fs.attribute = DECORUM_IDENTITY_ATTACK;
    fs.categories = 1u << DECORUM_CATEGORY_RELIGION;
    fs.weight = R->denounce_any ? 0.6f : 0.82f;
    /* "(((They))) own the media, the banks": the echo as the actor of
     * a conspiracy story after it in its sentence (rule_conspiracy
     * finds no actor in it: an echoed pronoun names no group) tells
     * the libel of Jews by name, as "the Jews control the media"
     * does. */
    if (!R->denounce_any &&
        has_kind_in(R, close, es->te, DC_KIND_CONSP_ACTION) &&
        has_kind_in(R, close, es->te, DC_KIND_CONSP_OBJECT))
      fs.weight = 0.9f;
    /* "every outlet spinning this story is run by (((journalists)))",
     * "the banks are owned by (((them)))": the echo as the agent of
     * a passive of control over what comes before tells the same
     * libel, who runs things, by the code */
    if (!R->denounce_any && i >= 2) {
      static const char *const ctl[] = {"run",    "owned",    "controlled",
                                        "funded", "financed", "bankrolled",
                                        "backed", "ran"};
      uint32_t by = i - 1;
      if (by > es->tb && (is_determiner(R, by) || a_or_an(R, by)))
        by--;
      if (by > es->tb && tok_is_word(R, by, "by") &&
          word_among(R, by - 1, by, ctl, sizeof ctl / sizeof *ctl))
        fs.weight = 0.9f;
    }
    /* "the (((journalists))) always cover for them", "(((they))) are
     * always lying": the echo as the subject of a habit (a word of
     * "always" right after it, or after its linking verb or "all")
     * says of the people it marks what they all do, a generalization
     * of Jews by the code. */
    /* (not the echo as what someone writes: "people who write
     * (((journalists))) always get banned") */
    static const char *const writes[] = {
        "write", "writes", "writing", "wrote", "type", "types", "typing",
        "put",   "puts",   "putting", "use",   "uses", "using"};
    if (!R->denounce_any &&
        !(i > 0 &&
          word_among(R, is_determiner(R, i - 1) && i > 1 ? i - 2 : i - 1, i,
                     writes, sizeof writes / sizeof *writes))) {
      static const char *const habit[] = {"always", "constantly", "never",
                                          "forever"};
      uint32_t k = close;
      while (k < es->te && k < close + 2 &&
             (kind_at(R, k, DC_KIND_COPULA) || tok_is_word(R, k, "all")))
        k++;
      if (k < es->te &&
          word_among(R, k, k + 1, habit, sizeof habit / sizeof *habit))
        fs.weight = 0.9f;
    }
    fs.hate = true;
    uint32_t r;
    int il = (int)(t[j - 1].e - t[inner].b);
    st = REASON(R, &r,
                LIT("antisemitic code: the triple-parentheses echo marks "
                    "'"),
                piece_text(R->n->text + t[inner].b, il > 60 ? 60 : il),
                LIT("' as Jewish in order to target them"));
    if (st != DECORUM_OK)
      return st;
    if ((st = emit(R, &fs, r)) != DECORUM_OK)
      return st;
    i = close - 1;
  }
  return DECORUM_OK;
}

/* A negation that is itself a negated linking verb: "aren't", "isn't",
 * "wasn't", "weren't" (w, wl: its normalized bytes). denial and
 * weak_denial both ask it. */
static bool negated_copula(const char *w, size_t wl) {
  return wl >= 5 && (memcmp(w, "aren", 4) == 0 || memcmp(w, "isn", 3) == 0 ||
                     memcmp(w, "wasn", 4) == 0 || memcmp(w, "weren", 5) == 0);
}

/* A denial: a negation after a copula ("are not", "is never") or a
 * contracted one ("aren't", "isn't"). Other negations ("they don't
 * belong", "no place for") are common in hate itself. Not the `copula`
 * flag, which also marks "ain't" (often a plain negation: "I ain't got
 * time") and "isnt": reading denials by the flag changed 17 of the 18,486
 * bench rows, one verdict for the worse ("everyone that isnt a jew"). */
static bool denial(const run *R, const mention *m) {
  return (m->tb >= 1 && kind_at(R, m->tb - 1, DC_KIND_COPULA)) ||
         negated_copula(R->n->text + m->b, m->e - m->b);
}

/* "Not all Muslims are like that", "not every migrant is a criminal": a
 * negation before "all" or "every" that a group follows in its sentence
 * denies a generalization. (Only with a group named, which the short way
 * of needs_rules never has, so weak_denial need not know it.) */
static bool not_all(const run *R, const mention *m) {
  if (!tok_is_word(R, m->te, "all") && !tok_is_word(R, m->te, "every"))
    return false;
  const sentence *s = sent_of(R, m->tb);
  for (size_t i = R->rs->nt > FEW_TARGETS ? targets_from(R->rs, m->te) : 0;
       i < R->rs->nt && R->rs->t[i].tb < s->te; i++)
    if (R->rs->t[i].type == TG_GROUP && R->rs->t[i].tb > m->te &&
        R->rs->t[i].tb <= m->te + 3)
      return true;
  return false;
}

/* Three '(' in a row, spaces allowed between ("(((", "( ( ("): the echo
 * rule may fire (its tokens are the '(' with or without spaces). */
static bool echo_in(const dc_norm *n) {
  const char *end = n->text + n->len;
  for (const char *p = n->text; (p = memchr(p, '(', (size_t)(end - p)));) {
    int opens = 1;
    for (p++; p < end && (*p == ' ' || *p == '(') && opens < 3; p++)
      opens += *p == '(';
    if (opens == 3)
      return true;
  }
  return false;
}

/* Kinds that make needs_rules look closer (weak_needs): alone they fire
 * no rule but in company (a positive or denouncing word, a humanity word
 * with no negation, one part of a conspiracy story). */
#define WEAK_KINDS                                                             \
  (KIND_BIT(POSITIVE) | KIND_BIT(DENOUNCE) | KIND_BIT(HUMANITY) |              \
   KIND_BIT(CONSP_ACTOR) | KIND_BIT(CONSP_ACTION) | KIND_BIT(CONSP_OBJECT))

/* Kinds whose hits needs_rules' plain features read, as the full pass
 * reads their kept mentions (the kinds of target and "positive"), and
 * ENDORSE, which both ask of agreeing_hits. */
#define PLAIN_KINDS                                                            \
  (KIND_BIT(POSITIVE) | KIND_BIT(PRONOUN_YOU) | KIND_BIT(NONPROTECTED) |       \
   KIND_BIT(OBJECT) | KIND_BIT(ENDORSE))

/* How far weak_needs looks back for a token's start, in bytes: further,
 * it leaves the comment to the full pass. */
#define TOKEN_LOOK 64u

/* Is byte k of s inside a word token (tokenize): a word byte, or an
 * apostrophe between two ("don't")? s[k + 1] must be readable. */
static bool in_word(const unsigned char *s, uint32_t k) {
  return is_word_byte(s[k]) ||
         (s[k] == '\'' && k > 0 && is_word_byte(s[k - 1]) &&
          is_word_byte(s[k + 1]));
}

/* The first byte of the token that holds byte k (not a space) of the
 * normalized text s, as tokenize cuts tokens: a word's first byte, a
 * punctuation mark's own; UINT32_MAX past TOKEN_LOOK bytes. */
static uint32_t token_start(const unsigned char *s, uint32_t k) {
  if (!in_word(s, k))
    return k;
  uint32_t lo = k > TOKEN_LOOK ? k - TOKEN_LOOK : 0;
  while (k > lo && in_word(s, k - 1))
    k--;
  return k == lo && k > 0 && in_word(s, k - 1) ? UINT32_MAX : k;
}

/* Would the full pass read the negation hits[i] as a denial (denial())?
 * It does when it is "aren't" and the like, or when a linking verb's
 * mention starts at the token before its own (whose start token_start
 * finds; the hits are sorted by begin, so such a verb's hit is among the
 * few before it). -1: not known within TOKEN_LOOK bytes. */
static int weak_denial(const dc_rules *r, const dc_lexicon *lx,
                       const dc_norm *n, const dc_hitvec *hits, size_t i) {
  const dc_hit *h = &hits->v[i];
  if (negated_copula(n->text + h->begin, h->end - h->begin))
    return 1;
  const unsigned char *s = (const unsigned char *)n->text;
  uint32_t tb = token_start(s, h->begin);
  if (tb == UINT32_MAX)
    return -1;
  uint32_t k = tb, lo = tb > TOKEN_LOOK ? tb - TOKEN_LOOK : 0;
  while (k > lo && s[k - 1] == ' ')
    k--;
  if (k == 0)
    return 0; /* the first token: none before it */
  if (s[k - 1] == ' ')
    return -1;
  uint32_t pe = k, pb = token_start(s, k - 1);
  if (pb == UINT32_MAX)
    return -1;
  for (size_t j = i; j-- > 0 && hits->v[j].begin >= pb;)
    if (hits->v[j].begin < pe && hits->v[j].entry < lx->n &&
        r->kind_of[hits->v[j].entry] == DC_KIND_COPULA)
      return 1;
  return 0;
}

/* needs_rules for a comment whose hits of the kinds it needs are all
 * weak (WEAK_KINDS): does the full pass need to run, or would it give the
 * plain features of dc_rules_run's short way? It would when no rule can
 * fire and the facts the full pass records are the hits' own: every hit
 * of a kind the features read is placed and kept (not spaces, and
 * place_hits would not ask whether it is explained: no earlier hit
 * reaches as far, or it could not yield), no country that a people word
 * before "from" makes a group, no in-group marker, no negation beside a
 * humanity word and a pronoun for a group ("they are not human"), not
 * both an action and an object of a conspiracy story, and no echo. The
 * full pass then finds nothing, and hedges the comment for a '?' or a
 * denial (*hedged: a negation after a linking verb, or "aren't" ..., told
 * from the hits and the bytes around them, weak_denial). Anything else
 * goes the full way. */
static __attribute__((noinline)) bool
weak_needs(const dc_rules *r, const dc_lexicon *lx, const dc_norm *n,
           const dc_hitvec *hits, bool *hedged) {
  const uint64_t needs = CONTENT_KINDS | KIND_BIT(IDENTITY) |
                         KIND_BIT(HUMANITY) | KIND_BIT(CONSPIRACY) |
                         KIND_BIT(CONSP_ACTOR) | KIND_BIT(CONSP_ACTION) |
                         KIND_BIT(CONSP_OBJECT);
  if (n->len > MAX_TOKENS || hits->n > MAX_ITEMS)
    return true;
  uint64_t kinds = 0;
  uint32_t reach = 0, last = 0;
  bool denial = false, allow = false;
  for (size_t i = 0; i < hits->n; i++) {
    const dc_hit *h = &hits->v[i];
    if (h->begin < last)
      return true; /* not sorted by begin, as weak_denial needs */
    last = h->begin;
    if (h->entry >= lx->n)
      continue;
    dc_kind k = (dc_kind)r->kind_of[h->entry];
    if (((needs & ~WEAK_KINDS) >> k) & 1)
      return true;
    kinds |= (uint64_t)1 << k;
    if ((PLAIN_KINDS >> k) & 1) {
      /* place_hits' test for a mention that may yield; only
       * "positive" is a content word (DROPPABLE) */
      if (h->end <= h->begin || h->begin >= n->len ||
          n->text[h->begin] == ' ' ||
          (reach >= h->end &&
           (h->how == DC_HIT_COMPOUND || allow || k == DC_KIND_POSITIVE)) ||
          (k == DC_KIND_NONPROTECTED && lx->entries[h->entry].categories))
        return true;
    }
    if (k == DC_KIND_NEGATION || k == DC_KIND_COPULA) {
      /* placed and kept, as the plain kinds, for denial to be read
       * from the hits; then a negation's answer */
      if (h->end <= h->begin || h->begin >= n->len ||
          n->text[h->begin] == ' ' ||
          (reach >= h->end && (h->how == DC_HIT_COMPOUND || allow)))
        return true;
      if (k == DC_KIND_NEGATION && !denial) {
        int d = weak_denial(r, lx, n, hits, i);
        if (d < 0)
          return true;
        denial = d;
      }
    }
    if (k != DC_KIND_GLUE && h->end > reach)
      reach = h->end;
    allow |= k == DC_KIND_ALLOW;
  }
  if (kinds & KIND_BIT(INGROUP))
    return true;
  /* "they are not human": a group for rule_humanity can only be one a
   * pronoun stands for */
  if ((kinds & KIND_BIT(NEGATION)) && (kinds & KIND_BIT(HUMANITY)) &&
      (kinds & KIND_BIT(PRONOUN_GROUP)))
    return true;
  if ((kinds & KIND_BIT(CONSP_ACTION)) && (kinds & KIND_BIT(CONSP_OBJECT)))
    return true;
  if (echo_in(n))
    return true;
  *hedged = denial || memchr(n->text, '?', n->len) != NULL;
  return false;
}

/* Does the normalized text hold the k bytes w anywhere? (memmem is not
 * C11.) */
static bool text_has(const dc_norm *n, const char *w, size_t k) {
  for (const char *p = n->text, *end = n->text + n->len;
       (size_t)(end - p) >= k &&
       (p = memchr(p, w[0], (size_t)(end - p) - k + 1)) != NULL;
       p++)
    if (memcmp(p, w, k) == 0)
      return true;
  return false;
}

/* A place matched (kinds) in a comment whose text holds a zoo figure
 * zoo_word knows: the words of the place's comment rule_zoo_place may
 * read ("the asylum hotel has become a kennel"). The text is read only
 * when a place was matched. */
static bool zoo_in(uint64_t kinds, const dc_norm *n) {
  return ((kinds >> DC_KIND_PLACE) & 1) &&
         (text_has(n, "zoo", 3) || text_has(n, "menager", 7) ||
          text_has(n, "kennel", 6) || text_has(n, "pigst", 5) ||
          text_has(n, "farmyard", 8) || text_has(n, " nest", 5));
}

/* Could any rule fire? Attack language, a group, a code, a conspiracy
 * part, a humanity word (for "they are not human"), a place called a zoo,
 * or an echo. With closer, weak kinds alone are looked at closer
 * (weak_needs); without, they are enough. When no rule can fire, *hedged
 * says whether the full pass would have hedged the comment. */
static bool needs_rules(const dc_rules *r, const dc_lexicon *lx,
                        const dc_norm *n, const dc_hitvec *hits, bool closer,
                        bool *hedged, uint64_t *seen) {
  const uint64_t needs = CONTENT_KINDS | KIND_BIT(IDENTITY) |
                         KIND_BIT(HUMANITY) | KIND_BIT(CONSPIRACY) |
                         KIND_BIT(CONSP_ACTOR) | KIND_BIT(CONSP_ACTION) |
                         KIND_BIT(CONSP_OBJECT);
  const uint8_t *kind_of = r->kind_of;
  size_t n_entries = lx->n;
  uint64_t kinds = 0;
  for (size_t i = 0; i < hits->n; i++) {
    uint32_t entry = hits->v[i].entry;
    if (entry >= n_entries)
      continue;
    kinds |= (uint64_t)1 << kind_of[entry];
    if ((needs >> kind_of[entry]) & 1) {
      if (!((WEAK_KINDS >> kind_of[entry]) & 1) || !closer)
        return true;
      /* A weak kind first: most such comments have a strong one
       * later, found by the same loop before weak_needs looks
       * closer. */
      for (i++; i < hits->n; i++) {
        entry = hits->v[i].entry;
        if (entry >= n_entries)
          continue;
        kinds |= (uint64_t)1 << kind_of[entry];
        if (((needs & ~WEAK_KINDS) >> kind_of[entry]) & 1)
          return true;
      }
      *seen = kinds;
      return weak_needs(r, lx, n, hits, hedged) || zoo_in(kinds, n);
    }
  }
  *seen = kinds;
  return zoo_in(kinds, n) || echo_in(n);
}

static void agreeing_hits(const dc_rules *r, const dc_lexicon *lx,
                          const dc_norm *n, const dc_hitvec *hits,
                          dc_rules_out *out);

/* Is the identity mention g framed by scare quotes: after "so-called"
 * (its tokens marked named, mark_named) or between quote marks of its own
 * ('these "refugees"')? Not a word quoted as a word, after "the word",
 * "term", "called" or "label" ('the word "immigrants" appears ...'). */
static bool scare_framed(const run *R, const mention *g) {
  const tok *t = R->rs->toks;
  if (named_at(R, g->tb))
    return true;
  /* "the 'refugees' are ...": the closing mark of single quotes reads
   * as a plural possessive's apostrophe, inside the hit. (Left out of
   * mark_quotes: quoted, the word would read as someone else's in every
   * rule, and scare quotes are the writer's own.) */
  bool closed_in = g->tb > 0 && t[g->tb - 1].type == TK_PUNCT &&
                   t[g->tb - 1].ch == '\'' && g->e > g->b + 2 &&
                   R->n->text[g->e - 1] == '\'' && R->n->text[g->e - 2] == 's';
  if (!closed_in &&
      (g->tb == 0 || g->te >= R->rs->ntok || t[g->tb - 1].type != TK_PUNCT ||
       (t[g->tb - 1].ch != '"' && t[g->tb - 1].ch != '\'') ||
       t[g->te].type != TK_PUNCT ||
       (t[g->te].ch != '"' && t[g->te].ch != '\'')))
    return false;
  if (g->tb < 2)
    return true;
  uint32_t k = g->tb - 2;
  return !(tok_is_word(R, k, "word") || tok_is_word(R, k, "term") ||
           tok_is_word(R, k, "called") || tok_is_word(R, k, "label"));
}

/* Weight of a scare frame's derogation (rule_scare): review, not reject. */
#define SCARE_WEIGHT 0.6f

static decorum_status group_finding(run *R, uint32_t b, uint32_t e,
                                    decorum_signal sig, piece what,
                                    const target *g, float w, piece why);

/* "Most of these so-called refugees ... invade the whole world", 'these
 * "refugees" ... rape': a migrant word in scare quotes or after
 * "so-called" denies the people the name (they are no real refugees).
 * Alone that is a mild signal (session 12 counted 18 rows of the train
 * and dev data at ~67% hate), so it counts only in a comment that also
 * holds a dehumanizing word, a threat, a slur or a code, denounces
 * nothing and found no hate by any other rule: derogation of the group,
 * weight SCARE_WEIGHT. On the 92,399 train and dev rows that newly flags
 * 3, all labelled hate; the frame alone flagged 12 (8 hate), and with
 * derogation, stereotypes, exclusion or quantifiers as the second signal
 * 9 (6 hate). */
/* Is the identity mention g right after a word of praise in scare
 * quotes of its own ("another 'peaceful' Muslim", 'the "moderate"
 * Muslims')? The quotes deny the group the quality, as sarcasm. */
static bool scare_praised(const run *R, const mention *g) {
  static const char *const praise[] = {
      "peaceful",    "moderate",    "innocent",     "harmless",   "tolerant",
      "law-abiding", "hardworking", "hard-working", "vulnerable", "persecuted",
      "skilled",     "educated",    "civilised",    "civilized",  "friendly",
      "gentle",      "loving",      "oppressed"};
  const tok *t = R->rs->toks;
  if (g->tb < 3)
    return false;
  const tok *o = &t[g->tb - 3], *w = &t[g->tb - 2], *c = &t[g->tb - 1];
  return o->type == TK_PUNCT && (o->ch == '\'' || o->ch == '"') &&
         c->type == TK_PUNCT && c->ch == o->ch && w->type == TK_WORD &&
         dc_word_in(R->n->text + w->b, w->e - w->b, praise,
                    sizeof praise / sizeof praise[0]);
}

static __attribute__((noinline)) decorum_status rule_scare(run *R) {
  const dc_rules_scratch *rs = R->rs;
  for (size_t i = 0; i < rs->nm; i++) {
    const mention *g = &rs->m[i];
    if (g->kind != DC_KIND_IDENTITY)
      continue;
    if (scare_praised(R, g)) {
      target t = group_of(R, g);
      return group_finding(R, g->b, g->e, DECORUM_SIGNAL_DEROGATION,
                           LIT("derogation aimed at "), &t, SCARE_WEIGHT,
                           LIT("praise in scare quotes denies them "
                               "the quality, beside hostile words"));
    }
    if (!(ent(R, g)->categories & (1u << DECORUM_CATEGORY_IMMIGRATION)) ||
        !scare_framed(R, g))
      continue;
    target t = group_of(R, g);
    return group_finding(R, g->b, g->e, DECORUM_SIGNAL_DEROGATION,
                         LIT("derogation aimed at "), &t, SCARE_WEIGHT,
                         LIT("scare quotes deny them the name, beside "
                             "hostile words"));
  }
  return DECORUM_OK;
}

/* A finding of signal sig against group g over the normalized bytes
 * [b, e), hateful, at weight w; its reason "<what><the group>: <why>". */
static decorum_status group_finding(run *R, uint32_t b, uint32_t e,
                                    decorum_signal sig, piece what,
                                    const target *g, float w, piece why) {
  char buf[128];
  piece label = target_label(R, g, buf, sizeof buf);
  finding_spec fs = {0};
  fs.b = b;
  fs.e = e;
  fs.signal = sig;
  fs.attribute = DECORUM_IDENTITY_ATTACK;
  fs.categories = g->categories;
  fs.weight = w;
  fs.hate = true;
  uint32_t r;
  decorum_status st = REASON(R, &r, what, label, LIT(": "), why);
  if (st != DECORUM_OK)
    return st;
  return emit(R, &fs, r);
}

/* Does the zoo figure start at token z: "zoo(s)", "menagerie", "pigsty",
 * or a vermin's nest ("a rat's nest", "a cockroach nest")? */
static bool zoo_word(const run *R, uint32_t z, uint32_t end) {
  static const char *const zoo[] = {"zoo",      "zoos",      "kennel",
                                    "kennels",  "pigsty",    "pigsties",
                                    "farmyard", "menagerie", "menageries"};
  static const char *const pest[] = {"rat",   "rats",      "rat's",
                                     "roach", "cockroach", "vermin"};
  if (word_among(R, z, z + 1, zoo, sizeof zoo / sizeof *zoo))
    return true;
  if (!word_among(R, z, z + 1, pest, sizeof pest / sizeof *pest))
    return false;
  for (uint32_t j = z + 1; j < end && j <= z + 3; j++)
    if (tok_is_word(R, j, "nest") || tok_is_word(R, j, "nests"))
      return true;
  return false;
}

/* The link after the place's last token k: a linking verb, "has become",
 * "turned into", "=", each perhaps with "like" after it; the token after
 * the link, or 0 if there is none. */
static uint32_t zoo_link(const run *R, uint32_t k, uint32_t end) {
  const tok *t = R->rs->toks;
  if (k >= end)
    return 0;
  if (t[k].type == TK_PUNCT && t[k].ch == '=')
    return k + 1;
  if ((tok_is_word(R, k, "has") || tok_is_word(R, k, "have")) && k + 1 < end &&
      (tok_is_word(R, k + 1, "become") || tok_is_word(R, k + 1, "turned")))
    k += 2;
  else if (tok_is_word(R, k, "became") || tok_is_word(R, k, "turned") ||
           tok_is_word(R, k, "becomes"))
    k++;
  else if (kind_at(R, k, DC_KIND_COPULA))
    k++;
  else
    return 0;
  if (k < end && (tok_is_word(R, k, "into") || tok_is_word(R, k, "like")))
    k++;
  return k;
}

/* "The asylum hotel is basically a zoo now. Feed them, hose them down,
 * lock the gates": a group's place (a `place` entry with a group, or an
 * identity word up to two words before a `place`: "the migrant hotel",
 * "the Muslim housing estate") said to be a zoo, a menagerie, a kennel, a
 * pigsty or a rat's nest (by a linking verb, "has become", "turned into",
 * "is like" or "="), in a comment that keeps people as animals are kept
 * (feeds them, hoses or sprays them down, cages, fumigates or fences them
 * in): its people are the animals. A place named with no group takes one
 * named in the same or the next sentence ("The camp is a zoo. The migrants
 * in it need hosing down"). A zoo of its own ("the zoo is cruel, hose down
 * the enclosures"), a place of no group ("the airport was a zoo, they
 * hosed down the runway") or the figure alone ("the migrant hotel is a
 * zoo, the staff can't cope": chaos) is nothing. Runs only with a `place`
 * mention. */
static decorum_status rule_zoo_place(run *R) {
  /* not feeding alone: a charity, a canteen and the Home Office feed
   * people in a place that is "a zoo" (busy) */
  static const char *const keep[] = {"hose",   "hosed",    "hosing", "cage",
                                     "muzzle", "fumigate", "spray",  "fence"};
  static const char *const obj[] = {"them", "em", "'em"};
  static const char *const pen[] = {"gates",     "gate",    "bars",
                                    "fence",     "cages",   "bananas",
                                    "livestock", "animals", "pen"};
  static const char *const carer[] = {"we",         "us",        "our",
                                      "volunteers", "volunteer", "staff",
                                      "charity",    "charities"};
  const dc_rules_scratch *rs = R->rs;
  /* From the places, which are few: the place before the link that leads
   * to the zoo word with only articles and adverbs between ("is
   * basically a zoo") */
  for (size_t i = 0; i < rs->nm; i++) {
    const mention *p = &rs->m[i];
    if (p->kind != DC_KIND_PLACE || p->te >= rs->ntok)
      continue;
    const sentence *s = sent_of(R, p->tb);
    uint32_t z = zoo_link(R, p->te, s->te);
    if (!z)
      continue;
    while (z < s->te &&
           (a_or_an(R, z) || adverb_like(R, z) || tok_is_word(R, z, "just") ||
            tok_is_word(R, z, "now") || tok_is_word(R, z, "like")))
      z++;
    if (z >= s->te || !zoo_word(R, z, s->te))
      continue;
    const mention *g = ent(R, p)->categories ? p : NULL;
    /* an identity word right before the place or one word before it
     * ("the Muslim housing estate") */
    for (uint32_t back = 0; !g && back < 2 && p->tb > s->tb + back; back++) {
      g = identity_ending_at(R, p->tb - back);
      if (g && ((ent(R, g)->flags & DC_F_AMBIGUOUS) ||
                !(ent(R, g)->categories & ~NATION_CATEGORIES)))
        g = NULL;
    }
    /* a place of no group: a group named in its sentence or the next */
    for (size_t j = 0; !g && j < rs->nm; j++) {
      const mention *o = &rs->m[j];
      if (o->kind != DC_KIND_IDENTITY || o->tb < s->tb ||
          rs->toks[o->tb].sent > rs->toks[s->tb].sent + 1 ||
          (ent(R, o)->flags & DC_F_AMBIGUOUS) ||
          !(ent(R, o)->categories & ~NATION_CATEGORIES))
        continue;
      g = o;
    }
    if (!g || negator_in(R, z))
      continue;
    /* the keeping: one of its verbs, then "them", "'em", "down" or
     * "off", or people put in cages */
    bool kept = false;
    for (uint32_t k = s->tb; k + 1 < rs->ntok && !kept; k++) {
      if (rs->toks[k].sent > rs->toks[s->tb].sent + 1)
        break;
      kept = (word_among(R, k, k + 1, keep, sizeof keep / sizeof *keep) &&
              word_among(R, k + 1, k + 2, obj, sizeof obj / sizeof *obj)) ||
             (tok_is_word(R, k, "in") && tok_is_word(R, k + 1, "cages"));
      /* the charity's own feeding ("that's when we feed them",
       * "volunteers rushed to feed them breakfast") keeps no
       * animals */
      if (kept) {
        const sentence *ks = sent_of(R, k);
        kept =
            !word_among(R, ks->tb, ks->te, carer, sizeof carer / sizeof *carer);
      }
    }
    /* "just feed them and lock the gates": feeding told as an order
     * (opening its clause, or after "just"), with a pen's bars,
     * gates or fence, or bananas, in the comment */
    for (uint32_t k = s->tb; k + 1 < rs->ntok && !kept; k++) {
      if (rs->toks[k].sent > rs->toks[s->tb].sent + 1)
        break;
      if (!tok_is_word(R, k, "feed") ||
          !word_among(R, k + 1, k + 2, obj, sizeof obj / sizeof *obj))
        continue;
      const tok *pv = k > 0 ? &rs->toks[k - 1] : NULL;
      if (pv && pv->type == TK_WORD && pv->sent == rs->toks[k].sent &&
          !tok_is_word(R, k - 1, "just"))
        continue;
      kept = word_among(R, 0, rs->ntok, pen, sizeof pen / sizeof *pen);
    }
    /* (another place's sentence may keep them: "The asylum hotel is a
     * zoo, the staff cannot cope. ... The camp has become a zoo.
     * Fumigate them.") */
    if (!kept)
      continue;
    target t = group_of(R, g);
    return group_finding(
        R, rs->toks[z].b, rs->toks[z].e, DECORUM_SIGNAL_DEHUMANIZATION,
        LIT("dehumanizing language aimed at "), &t, 0.85f,
        LIT("calls the group's place a zoo and its people animals to "
            "be fed and hosed down"));
  }
  return DECORUM_OK;
}

/* The set-up of a joke at group g's expense, tokens [k, last]: a
 * stereotype at the weight of the lexicon's joke frames (review with the
 * model beside it); which set-up, in how. */
static decorum_status joke_setup(run *R, uint32_t k, uint32_t last,
                                 const target *g, piece how) {
  return group_finding(R, R->rs->toks[k].b, R->rs->toks[last].e,
                       DECORUM_SIGNAL_STEREOTYPE, LIT("stereotype aimed at "),
                       g, 0.6f, how);
}

/* "How many Jews does it take to change a lightbulb?", "how many jews fit
 * in a volkswagen? the ashtray": a sentence opening "how many", a group
 * right after it (perhaps behind one adjective), then the riddle's verb,
 * "does it take" or "fit in a": the set-up of a joke at the
 * group's expense, as "what do you call a ...?" is (joke frames in
 * stereotype.tsv). "How many Jews live in Israel?" asks a number. The
 * weight of the lexicon's joke frame with the model beside it (review).
 * Run only for a comment with a group. */
static __attribute__((noinline)) decorum_status rule_joke_count(run *R) {
  const dc_rules_scratch *rs = R->rs;
  for (uint32_t si = 0; si < rs->ns; si++) {
    const sentence *s = &rs->s[si];
    uint32_t k = s->tb;
    while (k < s->te && rs->toks[k].type != TK_WORD)
      k++;
    /* "why did the mexican cross the border? to steal your job":
     * the chicken's riddle told of a member (an identity word right
     * before "cross", no noun after it; then "the road", "the
     * street" or "the border", not "the river in 1950") */
    if (k + 4 < s->te && tok_is_word(R, k, "why") &&
        tok_is_word(R, k + 1, "did") &&
        (tok_is_word(R, k + 2, "the") || a_or_an(R, k + 2))) {
      const mention *id = mention_at(R, k + 3, DC_KIND_IDENTITY);
      if (id && ent(R, id)->categories &&
          !(ent(R, id)->flags & DC_F_AMBIGUOUS) &&
          tok_is_word(R, id->te, "cross") &&
          tok_is_word(R, id->te + 1, "the") &&
          (tok_is_word(R, id->te + 2, "road") ||
           tok_is_word(R, id->te + 2, "street") ||
           tok_is_word(R, id->te + 2, "border"))) {
        target g = group_of(R, id);
        return joke_setup(R, k, id->te, &g,
                          LIT("the set-up of a joke at a group's "
                              "expense (\"why did the ... cross\")"));
      }
    }
    if (k + 4 >= s->te || !tok_is_word(R, k, "how") ||
        !tok_is_word(R, k + 1, "many"))
      continue;
    const target *t = NULL;
    for (size_t i = targets_from(rs, k + 2); i < rs->nt && rs->t[i].tb <= k + 3;
         i++)
      if (rs->t[i].type == TG_GROUP && rs->t[i].tb >= k + 2) {
        t = &rs->t[i];
        break;
      }
    if (!t)
      continue;
    uint32_t v = t->te;
    bool riddle = (tok_is_word(R, v, "does") || tok_is_word(R, v, "do")) &&
                  tok_is_word(R, v + 1, "it") && tok_is_word(R, v + 2, "take");
    /* "fit in a volkswagen": a thing with "a", not "fit in the
     * housing scheme"; nor "can fit in a hotel room", which asks
     * about room */
    riddle |= tok_is_word(R, v, "fit") &&
              (tok_is_word(R, v + 1, "in") || tok_is_word(R, v + 1, "into")) &&
              a_or_an(R, v + 2);
    if (!riddle)
      continue;
    target g = *t;
    return joke_setup(R, k, k + 1, &g,
                      LIT("the set-up of a joke at a group's expense "
                          "(\"how many ... does it take\", \"fit in "
                          "a\")"));
  }
  return DECORUM_OK;
}

/* How far after the blame rule_scapegoat looks for the ruin it blames
 * the group for, in the clause. */
#define SCAPEGOAT_REACH 8

/* Is token k, in the clause up to ce, the start of a ruin: "ruined",
 * "going downhill", "falling apart", "everything wrong", "crime is up"
 * (not "crime is down")? These are the outcomes a scapegoat is blamed
 * for; "the reason our NHS still works" credits, it blames nothing. */
static bool ruin_at(const run *R, uint32_t k, uint32_t ce) {
  static const char *const ruin[] = {
      "ruined",     "ruining", "ruin",      "downhill", "destroyed",
      "destroying", "decline", "declining", "shithole", "crumbling",
      "collapsing", "dying",   "broke",     "broken"};
  const tok *t = &R->rs->toks[k];
  if (t->type != TK_WORD)
    return false;
  if (dc_word_in(R->n->text + t->b, t->e - t->b, ruin,
                 sizeof ruin / sizeof ruin[0]))
    return true;
  if (tok_is_word(R, k, "falling") || tok_is_word(R, k, "fallen"))
    return k + 1 < ce && tok_is_word(R, k + 1, "apart");
  if (tok_is_word(R, k, "wrong")) /* "everything wrong", "all that's wrong" */
    return k > 0 &&
           (tok_is_word(R, k - 1, "everything") ||
            tok_is_word(R, k - 1, "problem") ||
            tok_is_word(R, k - 1, "that's") || tok_is_word(R, k - 1, "is"));
  if (tok_is_word(R, k, "problems")) /* "all our problems" */
    return k > 0 &&
           (tok_is_word(R, k - 1, "our") || tok_is_word(R, k - 1, "all") ||
            tok_is_word(R, k - 1, "the"));
  /* "to blame for the financial crisis", "the pandemic", "every war":
   * the ills a conspiracy story blames on a group */
  if (kind_at(R, k, DC_KIND_CONSP_OBJECT))
    return true;
  if (tok_is_word(R, k, "crime") || tok_is_word(R, k, "crimes")) {
    /* "the cause of all the crime", "responsible for crime": the
     * blame's own object */
    if (k > 1 &&
        (tok_is_word(R, k - 1, "for") || tok_is_word(R, k - 1, "of")) &&
        (tok_is_word(R, k - 2, "responsible") ||
         tok_is_word(R, k - 2, "cause") || tok_is_word(R, k - 2, "blame") ||
         tok_is_word(R, k - 2, "reason")))
      return true;
    if (k > 0 && (tok_is_word(R, k - 1, "all") ||
                  (tok_is_word(R, k - 1, "the") && k > 1 &&
                   tok_is_word(R, k - 2, "all"))))
      return true;
    /* "crime is up", "crime is so high", "crime rates rising" */
    for (uint32_t j = k + 1; j < ce && j < k + 5; j++)
      if (tok_is_word(R, j, "up") || tok_is_word(R, j, "high") ||
          tok_is_word(R, j, "rising") || tok_is_word(R, j, "rise") ||
          tok_is_word(R, j, "increased") || tok_is_word(R, j, "skyrocketing") ||
          tok_is_word(R, j, "everywhere"))
        return true;
    return false;
  }
  if (tok_is_word(R, k, "gone") || tok_is_word(R, k, "going"))
    /* "gone to shit", "going to hell", "going down the drain" */
    return k + 2 < ce &&
           (tok_is_word(R, k + 1, "to") || tok_is_word(R, k + 1, "down")) &&
           (tok_is_word(R, k + 2, "shit") || tok_is_word(R, k + 2, "hell") ||
            tok_is_word(R, k + 2, "crap") || tok_is_word(R, k + 2, "pot") ||
            tok_is_word(R, k + 2, "the"));
  return false;
}

/* "Immigrants are the reason this country is ruined", "Muslims are to
 * blame for everything wrong", "Gypsies are responsible for crime going
 * up": a group named, a linking verb, the blame ("the reason", "to
 * blame", "responsible", "the cause") and then a ruin in its clause
 * (ruin_at): the group made the scapegoat of the country's ills,
 * derogation. Not denied ("are not the reason"), reported or quoted
 * (scope_of), nor echoed as a question ("... but white people are to
 * blame for everything?"), nor asked ("Are immigrants the reason ...?" has no
 * group before its verb), nor a non-protected subject ("Politicians are the
 * reason ...": no group target), nor a credit ("the reason our NHS
 * still works": no ruin). Run only for a comment with a group and a
 * linking verb. */
static __attribute__((noinline)) decorum_status rule_scapegoat(run *R) {
  const dc_rules_scratch *rs = R->rs;
  for (size_t i = 0; i < rs->nt; i++) {
    const target *t = &rs->t[i];
    uint32_t k = t->te;
    if ((t->type != TG_GROUP && t->type != TG_PRONOUN) ||
        !kind_at(R, k, DC_KIND_COPULA))
      continue;
    const mention *cop = mention_at(R, k, DC_KIND_COPULA);
    k = cop->te;
    while (k < rs->ntok && (adverb_like(R, k) || tok_is_word(R, k, "all")))
      k++;
    uint32_t blame = k;
    if (tok_is_word(R, k, "the") &&
        (tok_is_word(R, k + 1, "reason") || tok_is_word(R, k + 1, "cause")))
      k += 2;
    else if (tok_is_word(R, k, "to") && tok_is_word(R, k + 1, "blame"))
      k += 2;
    else if (tok_is_word(R, k, "responsible"))
      k += 1;
    else
      continue;
    const sentence *s = sent_of(R, t->tb);
    /* "... but white people are to blame for everything?": the
     * claim echoed as a question, to mock it */
    if (s->question)
      continue;
    uint32_t ce = clause_end(R, k);
    if (ce > s->te)
      ce = s->te;
    bool ruin = false;
    for (uint32_t j = k; j < ce && j < k + SCAPEGOAT_REACH && !ruin; j++)
      ruin = ruin_at(R, j, ce);
    if (!ruin || has_kind_in(R, t->te, blame, DC_KIND_NEGATION))
      continue;
    /* "They are taught that White people are the cause of all the
     * problems": a clause after "that" is what someone else holds,
     * unless the writer holds it ("I know that ...") */
    uint32_t th = t->tb;
    if (th > s->tb && tok_is_word(R, th - 1, "the"))
      th--;
    if (th > s->tb && tok_is_word(R, th - 1, "that") &&
        !has_kind_in(R, th > s->tb + 3 ? th - 4 : s->tb, th - 1,
                     DC_KIND_PRONOUN_SELF))
      continue;
    const mention *neg;
    if (scope_of(R, t->tb, k, &neg) != SC_ASSERTED)
      continue;
    target g = *t;
    /* "Muslims. They are the reason ...": "they" of a group named
     * before (not "these people" with no one named) */
    bool ctx = false;
    if (t->type == TG_PRONOUN &&
        (t->te - t->tb != 1 || !resolve_pronoun(R, t->tb, &g, &ctx) ||
         g.type != TG_GROUP || ctx))
      continue;
    return group_finding(R, rs->toks[blame].b, rs->toks[k - 1].e,
                         DECORUM_SIGNAL_DEROGATION, LIT("derogation aimed at "),
                         &g, 0.7f,
                         LIT("blames the group for the country's ills "
                             "(scapegoating)"));
  }
  return DECORUM_OK;
}

/* How many words rule_approval lets a sentence of approval have after
 * the sentence that told the deed ("Jews were gassed. Good riddance."). */
#define APPROVAL_WORDS 6

/* A case put or a doubt before token te in sentence s: "if", "whether". */
static bool doubted(const run *R, const sentence *s, uint32_t te) {
  for (uint32_t k = s->tb; k < te; k++)
    if (tok_is_word(R, k, "if") || tok_is_word(R, k, "whether"))
      return true;
  return false;
}

/* "Trans women are women? No, they are men.": a question that puts an
 * affirmation of what a group is (a `positive` entry that names the group
 * and holds a copula) answered "No" in the next sentence, itself no
 * question (the negator opening it, then nothing, punctuation or a
 * pronoun: not "No doubt"), is
 * the writer denying it: derogation of the group. Other praise is a
 * question of fact, taste or policy, and "No" answers it ("Are gay people
 * happy? No, studies show ...", "Is the new mosque beautiful? No",
 * "Refugees welcome? No. We cannot house them all"). Run only for a
 * comment with a positive entry, a negation and a question. */
static decorum_status rule_denied_affirmation(run *R) {
  const dc_rules_scratch *rs = R->rs;
  for (size_t i = 0; i < rs->nm; i++) {
    const mention *p = &rs->m[i];
    if (p->kind != DC_KIND_POSITIVE)
      continue;
    uint32_t si = rs->toks[p->tb].sent;
    if (rs->toks[p->tb].quoted || !has_kind_in(R, p->tb, p->te, DC_KIND_COPULA))
      continue;
    uint32_t a = no_answer(R, si);
    if (a == NO_ANSWER)
      continue;
    /* (not "No?", the writer prompting the reader's answer: "Do
     * you think trans women are women? No? Then you are a bigot.") */
    const sentence *ans = &rs->s[si + 1];
    if (ans->question ||
        !(a + 1 >= ans->te || rs->toks[a + 1].type != TK_WORD ||
          kind_at(R, a + 1, DC_KIND_PRONOUN_GROUP)))
      continue;
    const target *g = NULL;
    for (size_t j = targets_from(rs, p->tb);
         j < rs->nt && rs->t[j].tb < p->te && !g; j++)
      if (rs->t[j].type == TG_GROUP && rs->t[j].tb >= p->tb &&
          rs->t[j].te <= p->te)
        g = &rs->t[j];
    if (!g || g->reclaimed)
      continue;
    char buf[128], what[96];
    piece label = target_label(R, g, buf, sizeof buf);
    const finding_spec fs = {.b = p->b,
                             .e = rs->toks[a].e,
                             .signal = DECORUM_SIGNAL_DEROGATION,
                             .attribute = DECORUM_IDENTITY_ATTACK,
                             .categories = g->categories,
                             .weight = 0.7f,
                             .hate = true};
    uint32_t r;
    decorum_status st = REASON(
        R, &r, LIT("derogation aimed at "), label, LIT(": answers 'no' to "),
        quote_mention(R, p, LIT("'"), what), LIT(", denying it"));
    if (st != DECORUM_OK)
      return st;
    R->out->rf[DC_RF_DEROGATION] += 1;
    return emit(R, &fs, r);
  }
  return DECORUM_OK;
}

/* "The synagogue was attacked", "Jews were assaulted": violence told with
 * a `harm` verb (flag `severe`: attack, assault, stab; not "mocked") in the
 * past passive, a group its subject, is a deed as a threat verb's is
 * (note_deed). Run only for a comment with an approve entry and no deed
 * of a threat. */
static void harm_deed(run *R) {
  const dc_rules_scratch *rs = R->rs;
  for (size_t i = 0; i < rs->nm; i++) {
    const mention *m = &rs->m[i];
    if (m->kind != DC_KIND_HARM || !(ent(R, m)->flags & DC_F_SEVERE) ||
        !past_form(R, m))
      continue;
    const target *v = passive_victim(R, m);
    if (v)
      note_deed(R, m, v, false);
  }
}

/* "Anyone who says Jews should be barred from office is a bigot", "People
 * who say Muslims shouldn't vote are racists": what a relative clause of
 * speech says of a group, its speakers then called bigots by the writer
 * (a copula and, within two words, a denouncing word, later in the
 * sentence), is told to the model as counter-speech, whatever the rules
 * made of the reported words. */
static void sayers_denounced(run *R) {
  const dc_rules_scratch *rs = R->rs;
  for (uint32_t k = 0; k + 3 < rs->ntok; k++) {
    /* (the kind bit first: one test a token, where the two words
     * were two; 151K instructions on the bench corpus before) */
    if (!kind_at(R, k + 1, DC_KIND_REPORT) ||
        !(tok_is_word(R, k, "who") || tok_is_word(R, k, "that")))
      continue;
    const sentence *s = sent_of(R, k);
    bool group = false;
    for (uint32_t j = k + 2; j + 1 < s->te; j++) {
      group |= in_target(R, j, TG_GROUP);
      if (group && kind_at(R, j, DC_KIND_COPULA) &&
          (kind_at(R, j + 1, DC_KIND_DENOUNCE) ||
           (j + 2 < s->te && kind_at(R, j + 2, DC_KIND_DENOUNCE)))) {
        R->out->rf[DC_RF_COUNTER] = 1;
        return;
      }
    }
    /* A later "who says" in this sentence scans a tail of this one's
     * span with fewer groups seen: it finds nothing either (and a
     * sentence of many would cost their square). */
    k = s->te - 1;
  }
}

/* "Jews were gassed. Good riddance.", "Muslims were killed and they
 * deserved it", "The Holocaust was a good thing": an approve entry after
 * the violence rule_attack noted as done to a group (R->deed), in its
 * sentence or in a short next one, approves of it: a threat at the group.
 * No other threat lies between, the approval ends its sentence ("was
 * justified by the regime as ..." and "..., according to ..." tell a
 * claim, "Saying the Holocaust was a good thing is vile" judges it), a
 * next sentence holds only function words and "they" before it, its
 * sentence asks nothing and doubts nothing ("whether ... was
 * justified"), and does not denounce; one that holds or follows a
 * linking verb ("was good", "was justified": flag `copula`) is said of
 * the deed itself, which
 * opens its sentence ("The Armenian genocide was justified"; not "The
 * film about the Armenian genocide was good"); after a noun deed, one
 * without a linking verb needs no linking verb between ("Another mosque
 * shooting, about time"). Negation, quotes and
 * reports are attack_on_group's (scope_of): "was not justified". Run
 * only for a comment with a deed and an approve entry. */
static __attribute__((noinline)) decorum_status rule_approval(run *R) {
  const dc_rules_scratch *rs = R->rs;
  const mention *d = R->deed;
  uint32_t ds = rs->toks[d->tb].sent;
  if (doubted(R, &rs->s[ds], d->tb))
    return DECORUM_OK;
  for (size_t i = rs->first[d->te]; i < rs->nm; i++) {
    const mention *a = &rs->m[i];
    uint32_t as = rs->toks[a->tb].sent;
    /* Violence told after the deed is what an approval after it
     * approves of ("Muslims were killed by the terrorist, who was
     * shot dead. Good riddance."). */
    if (as > ds + 1 || a->kind == DC_KIND_THREAT)
      break;
    if (a->kind != DC_KIND_APPROVE)
      continue;
    const sentence *s = &rs->s[as];
    uint32_t clause = rs->toks[a->tb].clause;
    if (s->question)
      continue;
    /* "Good" (flag `ambiguous`) approves only as a sentence of its own
     * after the deed, not in it ("... by people who are good"). */
    if ((ent(R, a)->flags & DC_F_AMBIGUOUS) && as == ds)
      continue;
    /* It ends its sentence: only punctuation or emoji after it (",
     * according to Turkish nationalists" reports it). Asked before
     * doubted(), which reads the sentence from its start: at most one
     * approval a sentence gets that far (each of 2,500 in one
     * sentence asking it took 506M instructions). */
    uint32_t k = a->te;
    while (k < s->te && (rs->toks[k].type != TK_WORD ||
                         (unsigned char)R->n->text[rs->toks[k].b] >= 0x80))
      k++;
    if (k < s->te || doubted(R, s, a->tb))
      continue;
    if (as > ds) {
      /* A short sentence, and nothing before the approval but
       * function words and "they" ("Good riddance.", "And they
       * deserved it."): "Those responsible got what they deserved"
       * approves of something else. */
      uint32_t words = 0;
      bool other = false;
      for (uint32_t j = s->tb; j < s->te; j++) {
        if (rs->toks[j].type != TK_WORD)
          continue;
        words++;
        other |= j < a->tb && !glue_at(R, j) &&
                 !kind_at(R, j, DC_KIND_PRONOUN_GROUP);
      }
      if (words > APPROVAL_WORDS || other)
        continue;
    }
    if (ent(R, a)->flags & DC_F_COPULA) {
      /* the linking verb is the entry's first word ("was good") or
       * the word before it ("was justified") */
      uint32_t cb = a->tb;
      if (!kind_at(R, cb, DC_KIND_COPULA)) {
        if (cb == 0 || !kind_at(R, cb - 1, DC_KIND_COPULA))
          continue;
        cb--;
      }
      if (as != ds || rs->toks[d->tb].clause != clause || !event_opens(R, d) ||
          has_kind_in(R, d->te, cb, DC_KIND_COPULA))
        continue;
    }
    /* A noun deed that is the subject of a verb of its own is told of
     * for that ("The Holocaust was taught in school. Good job,
     * teachers", "The Armenian genocide was recognised by Germany.
     * About time."). */
    if (!(ent(R, a)->flags & DC_F_COPULA) && rs->deed_noun &&
        has_kind_in(R, d->te, a->tb, DC_KIND_COPULA))
      continue;
    if (denounces(R, s))
      continue;
    R->out->rf[DC_RF_THREAT] += 1;
    return attack_on_group(R, a, &rs->deed_group, DECORUM_SIGNAL_THREAT, 0.9f,
                           false);
  }
  return DECORUM_OK;
}

/* "watermelon and fried chicken at the Lincoln Elementary cookout, how
 * appropriate 🍉🍗": the two foods of the racist trope together, with a
 * sneer that says they suit the people there ("how appropriate", "how
 * fitting", "so fitting", "figures", "go figure"), point at Black people
 * without naming them: a review. The foods alone are a menu ("watermelon
 * and fried chicken at the picnic, yum"), and naming the trope ("the
 * watermelon and fried chicken stereotype is racist") has no sneer. The
 * sneer closes its sentence: a menu's words say what the food suits
 * ("how fitting for the 4th of July", "figures that the kids finished
 * both") or are nouns ("sales figures later"), and "typical" is a menu's
 * own ("a typical summer cookout", "Typical Southern picnic: ..."). */
static decorum_status rule_food_trope(run *R) {
  static const char *const sneer[] = {"appropriate", "fitting", "figure",
                                      "figures"};
  const mention *melon = NULL;
  bool chicken = false;
  for (size_t i = 0; i < R->rs->nm; i++) {
    const mention *m = &R->rs->m[i];
    if (m->kind != DC_KIND_STEREOTYPE)
      continue;
    /* (the entries' sense field says which half: lexicon data,
     * not term bytes here) */
    unsigned sense = DC_SENSE_OF(ent(R, m)->flags);
    if (sense == DC_SENSE_MELON && !melon)
      melon = m;
    chicken |= sense == DC_SENSE_CHICKEN;
  }
  /* (the drumstick emoji, which no entry holds) */
  if (melon && !chicken && !R->n->ascii)
    chicken = text_has(R->n, "\xf0\x9f\x8d\x97", 4);
  if (!melon || !chicken)
    return DECORUM_OK;
  const tok *toks = R->rs->toks;
  bool sneered = false;
  for (uint32_t k = 0; k < R->rs->ntok && !sneered; k++) {
    if (!word_among(R, k, k + 1, sneer, sizeof sneer / sizeof *sneer))
      continue;
    /* nothing but punctuation or emoji after it in its sentence */
    const sentence *s = &R->rs->s[toks[k].sent];
    uint32_t j = k + 1;
    while (j < s->te && (toks[j].type != TK_WORD ||
                         (unsigned char)R->n->text[toks[j].b] >= 0x80))
      j++;
    if (j < s->te)
      continue;
    /* "figures" opens its clause ("..., figures", "Figures."; "it" or
     * "that" may come first) and "figure" follows "go"; "appropriate"
     * and "fitting" follow "how", "so" or "very" */
    bool first = k == 0 || toks[k - 1].type != TK_WORD ||
                 tok_is_word(R, k - 1, "it") || tok_is_word(R, k - 1, "that");
    if (tok_is_word(R, k, "figures"))
      sneered = first;
    else if (tok_is_word(R, k, "figure"))
      sneered = k > 0 && tok_is_word(R, k - 1, "go");
    else
      sneered = k > 0 &&
                (tok_is_word(R, k - 1, "how") || tok_is_word(R, k - 1, "so") ||
                 tok_is_word(R, k - 1, "very"));
  }
  if (!sneered || R->denounce_any)
    return DECORUM_OK;
  finding_spec fs = {0};
  fs.b = melon->b;
  fs.e = melon->e;
  fs.signal = DECORUM_SIGNAL_STEREOTYPE;
  fs.attribute = DECORUM_IDENTITY_ATTACK;
  fs.categories = 1u << DECORUM_CATEGORY_RACE;
  fs.weight = 0.6f;
  fs.hate = true;
  R->out->rf[DC_RF_STEREOTYPE] += 1;
  uint32_t r;
  decorum_status st =
      REASON(R, &r,
             LIT("stereotype aimed at Black people (race): "
                 "watermelon and fried chicken served up with a "
                 "sneer, the racist food trope"));
  if (st != DECORUM_OK)
    return st;
  return emit(R, &fs, r);
}

decorum_status dc_rules_run(const dc_alloc *al, const dc_rules *r,
                            dc_rules_scratch *rs, const dc_lexicon *lx,
                            const char *text, size_t len, const dc_norm *n,
                            const dc_hitvec *hits, const dc_ctx_view *ctx,
                            size_t n_ctx, dc_rules_out *out) {
  out->n = 0;
  out->reasons_len = 0;
  /* Not memset: GCC makes it a rep stos, whose start-up costs more than
   * a few vector stores. With SSE2, stores of one zero register, unrolled
   * (a copy from static zeros loads each line too: 0.06M instructions
   * more on the bench corpus; as a loop, 0.2M more). */
#if defined(__SSE2__)
#pragma GCC unroll 8
  for (int f = 0; f + 4 <= DC_N_RULE_FEATURES; f += 4)
    _mm_storeu_ps(out->rf + f, _mm_setzero_ps());
  for (int f = DC_N_RULE_FEATURES & ~3; f < DC_N_RULE_FEATURES; f++)
    out->rf[f] = 0;
#else
  static const float no_features[DC_N_RULE_FEATURES];
  memcpy(out->rf, no_features, sizeof out->rf);
#endif
  memset(out->attr, 0, sizeof out->attr);
  out->hate = 0;
  out->tox_aimed = 0;
  out->categories = 0;
  out->untargeted = false;
  out->hedged = false;
  out->agrees = false;
  if (n->len == 0)
    return DECORUM_OK;
  /* The hits are read first, then the text and the runs, each where the
   * last left off. A caller that analyses a batch stage by stage hands
   * them over cold, and each cache line then waited for memory in turn;
   * asked for together, the waits overlap. The lines of an average
   * comment are asked for (its 100 bytes of text, its 20-odd runs of 8
   * bytes): a prefetch past the end is harmless. (Right after dc_match
   * they are in the cache, and this costs a few instructions.) */
  __builtin_prefetch(n->text);
  __builtin_prefetch(n->text + 64);
  if (hits->has_runs) {
    const char *rp = (const char *)hits->runs;
    __builtin_prefetch(rp);
    __builtin_prefetch(rp + 64);
    __builtin_prefetch(rp + 128);
    __builtin_prefetch(rp + 192);
  }
  /* Most comments carry no attack language and name no group: then no
   * rule can fire, and the features the model reads are plain facts
   * about the hits (the same ones the full pass would set). Skipping the
   * token and target work for them is most of the rule layer's cost on
   * ordinary traffic. */
  bool hedged = false;
  uint64_t seen = 0;
  if (!needs_rules(r, lx, n, hits, !rs->full, &hedged, &seen)) {
    out->hedged = hedged;
    /* The hits' kinds as bits (needs_rules gathers them as it reads
     * the hits), then the four features: a switch on each hit's kind
     * mispredicted often (58K times on the corpus, by cachegrind's
     * model). */
    if (seen & KIND_BIT(PRONOUN_YOU))
      out->rf[DC_RF_TARGET_YOU] = 1;
    if (seen & KIND_BIT(NONPROTECTED))
      out->rf[DC_RF_TARGET_NONPROTECTED] = 1;
    if (seen & KIND_BIT(OBJECT))
      out->rf[DC_RF_TARGET_OBJECT] = 1;
    if (seen & KIND_BIT(POSITIVE))
      out->rf[DC_RF_POSITIVE] = 1;
    if (n_ctx && ctx[0].parent)
      agreeing_hits(r, lx, n, hits, out);
    return DECORUM_OK;
  }
  decorum_status st;
  dc_norm copy;
  if (!n->padded) {
    /* tok_key reads eight bytes from each token's start: a text made
     * by hand, with no pad, is read from a copy that has one */
    if ((st = dc_grow(al, (void **)&rs->padded, &rs->cap_padded, n->len + 8, 1,
                      SIZE_MAX)) != DECORUM_OK)
      return st;
    memcpy(rs->padded, n->text, n->len);
    memset(rs->padded + n->len, 0, 8);
    copy = *n;
    copy.text = rs->padded;
    n = &copy;
  }
  run R = {.al = al,
           .lx = lx,
           .orig = text,
           .orig_len = len,
           .n = n,
           .rs = rs,
           .out = out,
           .ctx = ctx,
           .n_ctx = n_ctx,
           .rules = r};
  if ((st = tokenize(&R, hits->has_runs ? hits->runs : no_runs)) != DECORUM_OK)
    return st;
  if (R.quotes) { /* the tokenizer leaves every token unquoted */
    mark_quotes(&R);
    unquote_whole(&R);
  }
  if ((st = place_hits(&R, hits)) != DECORUM_OK)
    return st;
  if (!n->ascii)
    emoji_clauses(&R);
  if (any_kind(&R, DC_KIND_INGROUP))
    find_ingroup(&R);
  if (any_kind(&R, DC_KIND_SLUR))
    mark_reclaimed(&R);
  if ((st = find_targets(&R)) != DECORUM_OK)
    return st;
  rs->like = rs->group = (struct seek){0, 0};
  rs->gn_known = false;
  /* One pass over the mentions for the facts about the whole comment. */
  R.denounce_any = any_kind(&R, DC_KIND_DENOUNCE);
  if (any_kind(&R, DC_KIND_POSITIVE))
    out->rf[DC_RF_POSITIVE] = 1; /* recorded for the model */
  /* The kinds of target found, for the model (set from find_targets as
   * it pushes them: a pass over the targets mispredicted its switch). */
  out->rf[DC_RF_TARGET_GROUP] = (R.target_types >> TG_GROUP) & 1;
  out->rf[DC_RF_TARGET_YOU] = (R.target_types >> TG_YOU) & 1;
  out->rf[DC_RF_TARGET_NONPROTECTED] = (R.target_types >> TG_NP) & 1;
  out->rf[DC_RF_TARGET_OBJECT] = (R.target_types >> TG_OBJECT) & 1;
  if (R.echo && (st = rule_echo(&R)) != DECORUM_OK)
    return st;
  /* Most mentions are grammar with no rule of their own: the loop reads
   * only the ones place_hits listed (rs->rlist, RULE_KINDS), where a
   * switch over all of them mispredicted its indirect jump, and a bit
   * test of each kind in front of it its branch. The rules add no
   * mentions and move none. A denial ("aren't", "is not") is looked
   * for in the same pass, not one of its own: no rule changes what
   * denial reads. */
  bool denied = false;
  for (size_t ri = 0; ri < rs->nrl; ri++) {
    const mention *m = &rs->m[rs->rlist[ri]];
    switch (m->kind) {
    case DC_KIND_SLUR:
      st = rule_slur(&R, m);
      break;
    case DC_KIND_DEHUMANIZE:
    case DC_KIND_DEROGATE:
    case DC_KIND_HATE_VERB:
    case DC_KIND_THREAT:
    case DC_KIND_EXCLUSION:
    case DC_KIND_STEREOTYPE:
    case DC_KIND_INSULT:
      R.insults += m->kind == DC_KIND_INSULT;
      st = rule_attack(&R, m);
      break;
    case DC_KIND_HUMANITY:
      st = rule_humanity(&R, m);
      break;
    case DC_KIND_PROFANITY:
      st = rule_profanity(&R, m);
      break;
    case DC_KIND_CODE:
    case DC_KIND_CONSPIRACY:
      st = rule_code(&R, m, false);
      break;
    case DC_KIND_NEGATION:
      denied = denied || denial(&R, m) || not_all(&R, m);
      st = DECORUM_OK;
      break;
    default:
      st = DECORUM_OK;
      break;
    }
    if (st != DECORUM_OK)
      return st;
  }
  if (R.question && any_kind(&R, DC_KIND_POSITIVE) &&
      any_kind(&R, DC_KIND_NEGATION) &&
      (st = rule_denied_affirmation(&R)) != DECORUM_OK)
    return st;
  if (!R.deed && any_kind(&R, DC_KIND_APPROVE) && any_kind(&R, DC_KIND_HARM))
    harm_deed(&R);
  if (R.deed && (st = rule_approval(&R)) != DECORUM_OK)
    return st;
  if (any_kind(&R, DC_KIND_CONSP_ACTION) &&
      any_kind(&R, DC_KIND_CONSP_OBJECT) &&
      (st = rule_conspiracy(&R)) != DECORUM_OK)
    return st;
  if (any_kind(&R, DC_KIND_THREAT) && (st = rule_toll_denied(&R)) != DECORUM_OK)
    return st;
  /* the food trope names no group: a stereotype word is its cheap test */
  if (any_kind(&R, DC_KIND_STEREOTYPE) &&
      (st = rule_food_trope(&R)) != DECORUM_OK)
    return st;
  /* Each runs only with a target of a type it can use: a group or a
   * pronoun blamed; a group in a riddle's set-up, or an identity word
   * after "why did the" (any target let a comment with only "you" in:
   * 0.3M instructions on the bench corpus) */
  if ((R.target_types & (1u << TG_GROUP | 1u << TG_PRONOUN)) &&
      any_kind(&R, DC_KIND_COPULA) && (st = rule_scapegoat(&R)) != DECORUM_OK)
    return st;
  if ((((R.target_types >> TG_GROUP) & 1) || any_kind(&R, DC_KIND_IDENTITY)) &&
      (st = rule_joke_count(&R)) != DECORUM_OK)
    return st;
  /* the group a split verb is around is named by an identity word, a
   * slur ("send these n...s back") or a word that names its own group
   * ("send the invaders back") */
  if ((any_kind(&R, DC_KIND_IDENTITY) || any_kind(&R, DC_KIND_SLUR) ||
       any_kind(&R, DC_KIND_DEHUMANIZE)) &&
      (st = rule_split_exclusion(&R)) != DECORUM_OK)
    return st;
  /* a sign needs a "no" before a group */
  if (any_kind(&R, DC_KIND_NEGATION) && (R.target_types >> TG_GROUP) & 1 &&
      (st = rule_no_group(&R)) != DECORUM_OK)
    return st;
  if ((R.target_types >> TG_GROUP) & 1 &&
      (st = rule_group_out(&R)) != DECORUM_OK)
    return st;
  if ((R.target_types >> TG_GROUP) & 1 &&
      (st = rule_group_frames(&R)) != DECORUM_OK)
    return st;
  if (any_kind(&R, DC_KIND_PLACE) && (st = rule_zoo_place(&R)) != DECORUM_OK)
    return st;
  if ((R.target_types >> TG_GROUP) & 1 &&
      (R.kinds &
       (KIND_BIT(DEHUMANIZE) | KIND_BIT(DEROGATE) | KIND_BIT(STEREOTYPE))) &&
      (st = rule_renamed(&R)) != DECORUM_OK)
    return st;
  if (any_kind(&R, DC_KIND_DOGWHISTLE) &&
      (st = rule_whistle_pair(&R)) != DECORUM_OK)
    return st;
  if (any_kind(&R, DC_KIND_DOGWHISTLE) && R.hate_so_far == 0 &&
      (st = rule_whistle_deed(&R)) != DECORUM_OK)
    return st;
  /* Second pass: codes that only count beside other hate. */
  for (size_t i = 0;
       (any_kind(&R, DC_KIND_CODE) || any_kind(&R, DC_KIND_CONSPIRACY)) &&
       i < rs->nm;
       i++) {
    const mention *m = &rs->m[i];
    if (m->kind == DC_KIND_CODE || m->kind == DC_KIND_CONSPIRACY)
      if ((st = rule_code(&R, m, true)) != DECORUM_OK)
        return st;
  }
  if (R.hate_so_far == 0 && !R.denounce_any && any_kind(&R, DC_KIND_IDENTITY) &&
      (R.quotes || any_kind(&R, DC_KIND_ALLOW)) &&
      (R.kinds & (KIND_BIT(DEHUMANIZE) | KIND_BIT(THREAT) | KIND_BIT(SLUR) |
                  KIND_BIT(CODE))) &&
      (st = rule_scare(&R)) != DECORUM_OK)
    return st;
  if (R.denounce_any && any_kind(&R, DC_KIND_REPORT) &&
      any_kind(&R, DC_KIND_COPULA))
    sayers_denounced(&R);
  if (hits->split)
    split_findings(&R);
  aggregate(out);
  /* Swearing beside a slur or an insult, in a sentence that addresses
   * someone, or in a comment that names a protected group ("fucking
   * migrants", "fuck the whole government, and fuck the blacks") may be
   * aimed: all of it counts toward the verdict. */
  if (R.swore_at_you || slur_beside(&R) || R.insults > R.insults_at_things ||
      ((R.target_types >> TG_GROUP) & 1))
    out->tox_aimed = out->attr[DECORUM_TOXICITY];
  out->untargeted = R.untargeted && out->hate == 0;
  /* "We must stop hating Muslims": with no attack found, the model's
   * reading of "hating" + a group does not count in full either. */
  out->hedged = R.ingroup ||
                (out->hate <= 0 && (R.question || denied || R.opposes_hatred));
  /* Counts are capped at 3. Only the attack counts (attack.slur to
   * profanity, ten in a row) are ever added to; every other feature is
   * set to 0 or 1, and rule.hate and rule.toxicity are written below.
   * So only they are capped (all 25 cost 0.7M instructions on the
   * bench corpus, these 0.2M): three steps of four where SSE2 is
   * there, the last over the two insult flags too, which minps leaves
   * as they are (it keeps a value below 3, else 3, as the scalar loop
   * does). */
  _Static_assert(DC_RF_PROFANITY == DC_RF_SLUR + 9 &&
                     DC_RF_SLUR + 12 <= DC_RF_RULE_HATE,
                 "the counts lie together, within three steps of four");
#if defined(__SSE2__)
  for (int f = DC_RF_SLUR; f < DC_RF_SLUR + 12; f += 4)
    _mm_storeu_ps(out->rf + f,
                  _mm_min_ps(_mm_loadu_ps(out->rf + f), _mm_set1_ps(3)));
#else
  for (int f = DC_RF_SLUR; f <= DC_RF_PROFANITY; f++)
    if (out->rf[f] > 3)
      out->rf[f] = 3;
#endif
  out->rf[DC_RF_RULE_HATE] = out->hate;
  out->rf[DC_RF_RULE_TOX] = out->attr[DECORUM_TOXICITY];
  if (n_ctx && ctx[0].parent && out->hate == 0 && any_kind(&R, DC_KIND_ENDORSE))
    agreeing_hits(r, lx, n, hits, out);
  return DECORUM_OK;
}

#define AGREE_WORDS 12
/* A short reply that only agrees ("Exactly.", "So true. 100%.", "Couldn't
 * agree more"), read from its hits, its word runs and its text (the same
 * for a comment the rules pass over, needs_rules, and one they read): an
 * agreeing word, at most AGREE_WORDS words, every other word a function
 * word or a number (not "Exactly. Reported.", "Exactly the kind of
 * comment ..."), no negator outside an agreeing phrase ("not exactly"),
 * no denouncing word, no question. Its agreeing words go in
 * out->agree_b/e. */
static void agreeing_hits(const dc_rules *r, const dc_lexicon *lx,
                          const dc_norm *n, const dc_hitvec *hits,
                          dc_rules_out *out) {
  if (!hits->has_runs || hits->nruns > AGREE_WORDS ||
      memchr(n->text, '?', n->len))
    return;
  const dc_hit *agree = NULL;
  for (size_t i = 0; i < hits->n; i++)
    if (hits->v[i].entry < lx->n &&
        r->kind_of[hits->v[i].entry] == DC_KIND_ENDORSE && !agree)
      agree = &hits->v[i];
  if (!agree)
    return;
  for (size_t k = 0; k < hits->nruns; k++) {
    const dc_wrun *wr = &hits->runs[k];
    bool ok = true;
    for (uint32_t q = wr->b; q < wr->e && ok; q++)
      ok = n->text[q] >= '0' && n->text[q] <= '9';
    for (size_t i = 0; i < hits->n && !ok; i++) {
      if (hits->v[i].entry >= lx->n)
        continue;
      dc_kind kd = (dc_kind)r->kind_of[hits->v[i].entry];
      ok = (kd == DC_KIND_ENDORSE && wr->b >= hits->v[i].begin &&
            wr->e <= hits->v[i].end) ||
           (kd == DC_KIND_GLUE && wr->b == hits->v[i].begin &&
            wr->e == hits->v[i].end);
    }
    if (!ok)
      return;
  }
  for (size_t i = 0; i < hits->n; i++) {
    if (hits->v[i].entry >= lx->n)
      continue;
    dc_kind k = (dc_kind)r->kind_of[hits->v[i].entry];
    if (k == DC_KIND_DENOUNCE)
      return;
    if (k != DC_KIND_NEGATION)
      continue;
    bool inside = false;
    for (size_t j = 0; j < hits->n && !inside; j++)
      inside = hits->v[j].entry < lx->n &&
               r->kind_of[hits->v[j].entry] == DC_KIND_ENDORSE &&
               hits->v[i].begin >= hits->v[j].begin &&
               hits->v[i].end <= hits->v[j].end;
    if (!inside)
      return;
  }
  out->agrees = true;
  out->agree_b = agree->begin;
  out->agree_e = agree->end;
}

decorum_status dc_rules_agree(const dc_alloc *al, dc_rules_out *out,
                              const dc_rules_out *parent) {
  /* The parent hateful by the rules' own score (the model's alone is
   * not enough to pin on a reply of three words). */
  if (!out->agrees || parent->hate < 0.5f)
    return DECORUM_OK;
  const dc_finding *best = NULL;
  for (size_t i = 0; i < parent->n; i++) {
    const dc_finding *f = &parent->v[i];
    if ((f->flags & DECORUM_SPAN_MITIGATING) || !f->categories ||
        (f->attribute != DECORUM_IDENTITY_ATTACK &&
         f->attribute != DECORUM_THREAT))
      continue;
    if (!best || f->weight > best->weight)
      best = f;
  }
  if (!best || out->n >= MAX_FINDINGS)
    return DECORUM_OK;
  const char *why = parent->reasons + best->reason;
  uint32_t r;
  decorum_status st = dc_grow(al, (void **)&out->v, &out->cap, out->n + 1,
                              sizeof *out->v, MAX_ITEMS);
  if (st == DECORUM_OK)
    st = add_reason(al, out, &r,
                    PIECES(LIT("agrees with the comment it replies to, "
                               "which has: "),
                           piece_text(why, (int)strlen(why))));
  if (st != DECORUM_OK)
    return st;
  dc_finding *f = &out->v[out->n++];
  *f = (dc_finding){out->agree_b,
                    out->agree_e,
                    best->signal,
                    best->attribute,
                    (uint16_t)(DECORUM_SPAN_CONTEXT | F_HATE),
                    best->categories,
                    parent->hate * 0.9f,
                    r};
  if (parent->attr[DECORUM_SEVERE_TOXICITY] > 0)
    f->flags |= F_SEVERE;
  add_scores(out, f);
  f->flags &= (uint16_t) ~(F_HATE | F_SEVERE | F_EXCLAIM);
  out->untargeted = false;
  out->hedged = false;
  out->rf[DC_RF_RULE_HATE] = out->hate;
  out->rf[DC_RF_RULE_TOX] = out->attr[DECORUM_TOXICITY];
  return DECORUM_OK;
}
