/*
 * names.c: names and messages for the public enums, all generated from the
 * X-macro tables in decorum.h and decorum_int.h so that they cannot drift
 * from the enums.
 */
#include "decorum_int.h"

#include <string.h>

const char *decorum_version(void)
{
    return DECORUM_VERSION;
}

const char *decorum_strerror(decorum_status status)
{
    switch (status) {
#define X(name, value, msg)                                                    \
    case DECORUM_##name:                                                       \
        return msg;
        DECORUM_STATUS_MAP(X)
#undef X
    }
    return "unknown status";
}

const char *decorum_status_name(decorum_status status)
{
    switch (status) {
#define X(name, value, msg)                                                    \
    case DECORUM_##name:                                                       \
        return #name;
        DECORUM_STATUS_MAP(X)
#undef X
    }
    return "UNKNOWN";
}

static const char *const attribute_names[DECORUM_N_ATTRIBUTES] = {
    "TOXICITY", "SEVERE_TOXICITY", "IDENTITY_ATTACK",
    "INSULT",   "PROFANITY",       "THREAT"};

const char *decorum_attribute_name(decorum_attribute a)
{
    if ((unsigned)a >= DECORUM_N_ATTRIBUTES)
        return NULL;
    return attribute_names[a];
}

decorum_status decorum_attribute_parse(const char *name, size_t len,
                                       decorum_attribute *out)
{
    if (!name || !out)
        return DECORUM_ERR_INVALID;
    for (int i = 0; i < DECORUM_N_ATTRIBUTES; i++) {
        if (strlen(attribute_names[i]) == len &&
            memcmp(attribute_names[i], name, len) == 0) {
            *out = (decorum_attribute)i;
            return DECORUM_OK;
        }
    }
    return DECORUM_ERR_INVALID;
}

const char *decorum_verdict_name(decorum_verdict v)
{
    switch (v) {
    case DECORUM_ALLOW:
        return "allow";
    case DECORUM_REVIEW:
        return "review";
    case DECORUM_REJECT:
        return "reject";
    }
    return NULL;
}

static const char *const signal_names[DECORUM_N_SIGNALS] = {
#define X(e, name, attr) name,
    DECORUM_SIGNAL_MAP(X)
#undef X
};

const char *decorum_signal_name(decorum_signal s)
{
    if ((unsigned)s >= DECORUM_N_SIGNALS)
        return NULL;
    return signal_names[s];
}

decorum_status decorum_signal_parse(const char *name, size_t len,
                                    decorum_signal *out)
{
    if (!name || !out)
        return DECORUM_ERR_INVALID;
    for (int i = 0; i < DECORUM_N_SIGNALS; i++) {
        if (strlen(signal_names[i]) == len &&
            memcmp(signal_names[i], name, len) == 0) {
            *out = (decorum_signal)i;
            return DECORUM_OK;
        }
    }
    return DECORUM_ERR_INVALID;
}

static const char *const category_names[DECORUM_N_CATEGORIES] = {
#define X(e, name) name,
    DECORUM_CATEGORY_MAP(X)
#undef X
};

const char *decorum_category_name(decorum_category c)
{
    if ((unsigned)c >= DECORUM_N_CATEGORIES)
        return NULL;
    return category_names[c];
}

static const char *const kind_names[DC_N_KINDS] = {
#define X(e, name) name,
    DC_KIND_MAP(X)
#undef X
};

const char *dc_kind_name(dc_kind k)
{
    if ((unsigned)k >= DC_N_KINDS)
        return NULL;
    return kind_names[k];
}

static const char *const rule_feature_names[DC_N_RULE_FEATURES] = {
#define X(e, name) name,
    DC_RULE_FEATURE_MAP(X)
#undef X
};

const char *dc_rule_feature_name(dc_rule_feature f)
{
    if ((unsigned)f >= DC_N_RULE_FEATURES)
        return NULL;
    return rule_feature_names[f];
}
