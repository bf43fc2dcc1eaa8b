"""perspective.py: the Perspective-compatible routes, spoken as clients speak them.

Checks protocol behaviour that holds whatever the engine's scores are:
response shapes, Coral Talk's exact call, character offsets, every
errorType with its HTTP status and field, API keys, doNotStore and
suggestscore storage. Content checks (a toxic comment scores high) live in
content.py, outside the default run.

usage: python3 perspective.py path/to/decorum
"""
import os
import shutil
import sqlite3
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server, check, eq, error_field, error_type, finish  # noqa: E402

BIN = sys.argv[1]
ATTRS = ["TOXICITY", "SEVERE_TOXICITY", "IDENTITY_ATTACK", "INSULT",
         "PROFANITY", "THREAT"]


def feedback_rows(db, kind):
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT record FROM feedback WHERE kind = ?",
                           (kind,)).fetchall()
    finally:
        con.close()


srv = Server(BIN).start()

# --- Coral Talk's exact call: endpoint + "/comments:analyze?key=" + key.
coral = {"comment": {"text": "I think the council got this one wrong."},
         "languages": ["en"], "doNotStore": True,
         "requestedAttributes": {"TOXICITY": {}}}
st, hd, r = srv.analyze(coral, key="anything")
eq(st, 200, "coral call status")
check(hd.get("content-type", "").startswith("application/json"),
      "coral call content type", hd.get("content-type"))
v = r["attributeScores"]["TOXICITY"]["summaryScore"]["value"]
check(isinstance(v, (int, float)) and 0.0 <= v <= 1.0, "coral score in [0,1]", v)
eq(r["attributeScores"]["TOXICITY"]["summaryScore"]["type"], "PROBABILITY",
   "score type")
eq(list(r["attributeScores"].keys()), ["TOXICITY"], "only requested attributes")
eq(r["languages"], ["en"], "languages echoed")
eq(r["detectedLanguages"], ["en"], "detectedLanguages")
check("spanScores" not in r["attributeScores"]["TOXICITY"],
      "no spanScores unless asked")
check("clientToken" not in r, "no clientToken unless sent")
eq(feedback_rows(srv.db, "analyze"), [], "doNotStore: nothing stored")

# --- All six attributes, pinned versions, spans, clientToken.
text = "Caf\u00e9 \U0001F600 readers, think again."  # 2-byte and 4-byte chars
req = {"comment": {"text": text, "type": "PLAIN_TEXT"},
       "requestedAttributes": {a + ("@6" if a == "TOXICITY" else ""): {}
                               for a in ATTRS},
       "spanAnnotations": True, "clientToken": "tok-123",
       "sessionId": "s1", "communityId": "c1", "doNotStore": True}
st, _, r = srv.analyze(req)
eq(st, 200, "all attributes status")
eq(sorted(r["attributeScores"].keys()), sorted(ATTRS), "all six attributes")
eq(r["clientToken"], "tok-123", "clientToken echoed")
eq(r["languages"], ["en"], "languages default to detected")
for a in ATTRS:
    spans = r["attributeScores"][a].get("spanScores")
    check(isinstance(spans, list), "spanScores list for " + a)
    for sp in spans or []:
        check(0 <= sp["begin"] < sp["end"] <= len(text),
              "span inside the text in code points (%s)" % a, sp)
        eq(sp["score"]["type"], "PROBABILITY", "span score type")
ext = r["decorum"]
eq(ext["chars"], len(text), "decorum.chars counts code points")
eq(ext["offsets"], "codepoints", "offset unit named")
check(ext["verdict"] in ("allow", "review", "reject"), "verdict value", ext["verdict"])
eq(sorted(ext["scores"].keys()), sorted(ATTRS), "extension has all scores")
for sp in ext["spans"]:
    b, e = sp["byte_begin"], sp["byte_end"]
    raw = text.encode()
    eq(raw[b:e].decode(), text[sp["begin"]:sp["end"]],
       "byte and code point offsets agree")
    eq(sp["text"], text[sp["begin"]:sp["end"]], "span text")
    u16 = text.encode("utf-16-le")
    eq(u16[2 * sp["utf16_begin"]:2 * sp["utf16_end"]].decode("utf-16-le"),
       sp["text"], "UTF-16 offsets agree")
# With no evidence span the whole comment is one span (Perspective's
# sentence spans cover the text); with evidence, spans are the evidence.
tox_spans = r["attributeScores"]["TOXICITY"]["spanScores"]
if not [s for s in ext["spans"] if not s["mitigating"]]:
    eq([(s["begin"], s["end"]) for s in tox_spans], [(0, len(text))],
       "whole-comment span counts code points, not bytes")

# --- scoreThreshold: attributes under it are left out.
st, _, r = srv.analyze({"comment": {"text": "Thanks for the thorough reporting."},
                        "requestedAttributes": {"TOXICITY": {"scoreThreshold": 1.0},
                                                "INSULT": {"scoreType": "PROBABILITY",
                                                           "scoreThreshold": 0}},
                        "doNotStore": True})
eq(st, 200, "threshold request status")
check("INSULT" in r["attributeScores"], "threshold 0 keeps the attribute")
check("TOXICITY" not in r["attributeScores"] or
      r["attributeScores"]["TOXICITY"]["summaryScore"]["value"] >= 1.0,
      "threshold 1.0 drops a score below it", r["attributeScores"])

# --- dropUnsupportedAttributes drops unknown attributes instead of failing.
st, _, r = srv.analyze({"comment": {"text": "hello"}, "doNotStore": True,
                        "dropUnsupportedAttributes": True,
                        "requestedAttributes": {"TOXICITY": {}, "FLIRTATION": {}}})
eq(st, 200, "dropUnsupportedAttributes status")
eq(list(r["attributeScores"].keys()), ["TOXICITY"], "unsupported dropped")

# --- Regional English is English.
st, _, r = srv.analyze({"comment": {"text": "hello"}, "languages": ["en-GB"],
                        "requestedAttributes": {"TOXICITY": {}}, "doNotStore": True})
eq(st, 200, "en-GB accepted")


# --- Every error type, with its HTTP status and the field it names.
def expect_error(body, etype, field, what, status=400, raw=None):
    st, _, r = srv.request("POST", "/v1alpha1/comments:analyze", body, raw=raw)
    eq(st, status, what + ": status")
    if not isinstance(r, dict) or "error" not in r:
        check(False, what + ": error envelope", r)
        return None
    eq(r["error"]["code"], status, what + ": error.code")
    eq(r["error"]["status"], "INVALID_ARGUMENT", what + ": error.status")
    eq(error_type(r), etype, what + ": errorType")
    if field:
        eq(error_field(r), field, what + ": field")
    check(isinstance(r["error"]["message"], str) and r["error"]["message"],
          what + ": message")
    return r


A = {"TOXICITY": {}}
r = expect_error({"comment": {"text": ""}, "requestedAttributes": A},
                 "COMMENT_EMPTY", "comment.text", "empty text")
if r:
    eq(r["error"]["message"], "Comment must be non-empty.", "empty message")
expect_error({"requestedAttributes": A}, "COMMENT_EMPTY", "comment", "no comment")
expect_error({"comment": {}, "requestedAttributes": A}, "COMMENT_EMPTY",
             "comment.text", "comment without text")
expect_error({"comment": {"text": None}, "requestedAttributes": A},
             "COMMENT_EMPTY", "comment.text", "null text")
r = expect_error({"comment": {"text": "x" * 3001}, "requestedAttributes": A},
                 "COMMENT_TOO_LONG", "comment.text", "3001 bytes")
if r:
    eq(r["error"]["message"], "Comment text too long.", "too long message")
# The limit counts bytes: 1000 three-byte characters are exactly 3000.
st, _, _ = srv.analyze({"comment": {"text": "\u20ac" * 1000},
                        "requestedAttributes": A, "doNotStore": True})
eq(st, 200, "3000 bytes is within the limit")
expect_error({"comment": {"text": "\u20ac" * 1000 + "x"}, "requestedAttributes": A},
             "COMMENT_TOO_LONG", "comment.text", "3001 bytes of UTF-8")
r = expect_error({"comment": {"text": "hi"}}, "NO_REQUESTED_ATTRIBUTES",
                 "requestedAttributes", "no attributes")
if r:
    eq(r["error"]["message"], "Missing requested_attributes", "no attributes message")
expect_error({"comment": {"text": "hi"}, "requestedAttributes": {}},
             "NO_REQUESTED_ATTRIBUTES", "requestedAttributes", "empty attributes")
r = expect_error({"comment": {"text": "hi"}, "languages": ["de"],
                  "requestedAttributes": A},
                 "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE", "languages", "German")
if r:
    det = [d for d in r["error"]["details"] if "errorType" in d][0]
    lerr = det.get("languageNotSupportedByAttributeError", {})
    eq(lerr.get("attribute"), "TOXICITY", "language error attribute")
    eq(lerr.get("requestedLanguages"), ["de"], "language error requested")
    eq(lerr.get("detectedLanguages"), ["en"], "language error detected")
    eq(r["error"]["message"],
       "Attribute TOXICITY does not support request languages: de",
       "language error message")
r = expect_error({"comment": {"text": "hi"}, "requestedAttributes": {"SPAM": {}}},
                 "INVALID_REQUEST", "requestedAttributes.SPAM", "unknown attribute")
if r:
    eq(r["error"]["message"], "Unknown requested attribute: SPAM", "unknown message")
expect_error({"comment": {"text": "hi"}, "requestedAttributes": {"TOXICITY@": {}}},
             "INVALID_REQUEST", "requestedAttributes.TOXICITY@", "empty version pin")
expect_error({"comment": {"text": 42}, "requestedAttributes": A},
             "INVALID_REQUEST", "comment.text", "text is a number")
expect_error({"comment": "hi", "requestedAttributes": A},
             "INVALID_REQUEST", "comment", "comment is a string")
r = expect_error({"comment": {"text": "hi", "type": "HTML"}, "requestedAttributes": A},
                 "INVALID_REQUEST", "comment.type", "HTML comment")
if r:
    eq(r["error"]["message"], "Currently, only 'PLAIN_TEXT' comments are supported.",
       "HTML message")
expect_error({"comment": {"text": "hi"}, "requestedAttributes": ["TOXICITY"]},
             "INVALID_REQUEST", "requestedAttributes", "attributes as a list")
expect_error({"comment": {"text": "hi"}, "requestedAttributes":
              {"TOXICITY": {"scoreThreshold": "high"}}},
             "INVALID_REQUEST", "requestedAttributes.TOXICITY.scoreThreshold",
             "threshold is a string")
expect_error({"comment": {"text": "hi"}, "requestedAttributes":
              {"TOXICITY": {"scoreType": "STD_DEV_SCORE"}}},
             "INVALID_REQUEST", "requestedAttributes.TOXICITY.scoreType",
             "unsupported score type")
expect_error({"comment": {"text": "hi"}, "requestedAttributes": A, "languages": "en"},
             "INVALID_REQUEST", "languages", "languages is a string")
expect_error({"comment": {"text": "hi"}, "requestedAttributes": A, "doNotStore": "yes"},
             "INVALID_REQUEST", "doNotStore", "doNotStore is a string")
expect_error({"comment": {"text": "hi"}, "requestedAttributes": A, "clientToken": 7},
             "INVALID_REQUEST", "clientToken", "clientToken is a number")
expect_error({"comment": {"text": "hi"}, "requestedAttributes": A,
              "context": {"entries": [{"text": "ok"}, {"text": ["no"]}]}},
             "INVALID_REQUEST", "context.entries[1].text", "context entry type")
expect_error(None, "INVALID_REQUEST", "comment.text", "truncated JSON",
             raw=b'{"comment": {"text": "hi')
expect_error(None, "INVALID_REQUEST", "comment.text", "invalid UTF-8 names the field",
             raw=b'{"requestedAttributes":{"TOXICITY":{}},"comment":{"text":"ab\xc3\x28"}}')
expect_error(None, "INVALID_REQUEST", "context.entries[0].text", "invalid UTF-8 in context",
             raw=b'{"comment":{"text":"a"},"context":{"entries":[{"text":"\xed\xa0\x80"}]}}')
expect_error(None, "INVALID_REQUEST", None, "empty body", raw=b"")
expect_error(None, "INVALID_REQUEST", None, "JSON array body", raw=b"[1,2]")

# --- Context entries reach the engine as the parent: the request works
# and the extension reports spans on the comment only.
st, _, r = srv.analyze({"comment": {"text": "they should all go back"},
                        "context": {"entries": [{"text": "Article about migrants",
                                                 "type": "PLAIN_TEXT"}]},
                        "requestedAttributes": A, "spanAnnotations": True,
                        "doNotStore": True})
eq(st, 200, "context request status")
for sp in r["decorum"]["spans"]:
    check(sp["end"] <= len("they should all go back"), "spans only on the comment", sp)

# --- Stored when doNotStore is absent or false; never when true.
n0 = len(feedback_rows(srv.db, "analyze"))
srv.analyze({"comment": {"text": "keep me for training"}, "requestedAttributes": A,
             "communityId": "news", "sessionId": "sess"})
srv.analyze({"comment": {"text": "keep me too"}, "requestedAttributes": A,
             "doNotStore": False})
srv.analyze({"comment": {"text": "SECRET-do-not-keep"}, "requestedAttributes": A,
             "doNotStore": True})
rows = feedback_rows(srv.db, "analyze")
eq(len(rows) - n0, 2, "two stored analyze requests")
check(all("SECRET-do-not-keep" not in r[0] for r in rows), "doNotStore text absent")
check(any("keep me for training" in r[0] and '"news"' in r[0] for r in rows),
      "stored record has text and communityId")

# --- suggestscore stores the suggestion and echoes the clientToken.
st, _, r = srv.request("POST", "/v1alpha1/comments:suggestscore", {
    "comment": {"text": "moderator says this is fine"},
    "attributeScores": {"TOXICITY": {"summaryScore": {"value": 0.05}}},
    "languages": ["en"], "communityId": "news", "clientToken": "fb-1"})
eq(st, 200, "suggestscore status")
eq(r, {"clientToken": "fb-1"}, "suggestscore body")
rows = feedback_rows(srv.db, "suggestscore")
eq(len(rows), 1, "suggestion stored")
check(rows and "moderator says this is fine" in rows[0][0], "suggestion has the text")
st, _, r = srv.request("POST", "/v1alpha1/comments:suggestscore",
                       {"comment": {"text": "x"}, "attributeScores": {"TOXICITY": {}}})
eq(st, 400, "suggestscore without a value")
eq(error_field(r), "attributeScores.TOXICITY.summaryScore.value", "suggest field")
st, _, r = srv.request("POST", "/v1alpha1/comments:suggestscore",
                       {"comment": {"text": ""}, "attributeScores": {}})
eq(error_type(r), "COMMENT_EMPTY", "suggestscore empty comment")

# --- Browsers may call the Perspective routes (CORS), not the native API.
st, hd, _ = srv.request("OPTIONS", "/v1alpha1/comments:analyze",
                        headers={"Origin": "https://example.org",
                                 "Access-Control-Request-Method": "POST"})
eq(st, 204, "CORS preflight")
eq(hd.get("access-control-allow-origin"), "*", "preflight allows any origin")
check("x-goog-api-key" in hd.get("access-control-allow-headers", "").lower(),
      "preflight allows the key header")
st, hd, _ = srv.analyze(coral, headers={"Origin": "https://example.org"})
eq(hd.get("access-control-allow-origin"), "*", "analyze answer carries CORS")
st, hd, _ = srv.request("GET", "/healthz", headers={"Origin": "https://example.org"})
check("access-control-allow-origin" not in hd, "no CORS outside /v1alpha1")

# --- Method and route errors keep the envelope.
st, _, r = srv.request("GET", "/v1alpha1/comments:analyze")
eq(st, 405, "GET analyze is 405")
st, _, r = srv.request("POST", "/v1alpha1/comments:nothing", {})
eq(st, 404, "unknown route is 404")
check("error" in r, "404 has the envelope")
srv.cleanup()

# --- API keys: missing or wrong key is 403 PERMISSION_DENIED; the right key
# passes as ?key= (Coral) or X-Goog-Api-Key.
cfg_dir = tempfile.mkdtemp(prefix="decorum-cfg-")
cfg = os.path.join(cfg_dir, "config.json")
with open(cfg, "w") as f:
    f.write('{"api_keys": ["key-from-config"], "max_comment_bytes": 10}')
srv = Server(BIN, ["--config", cfg, "--api-key", "key-from-cli"]).start()
coral = dict(coral, comment={"text": "Fine."})
for key, want in ((None, 403), ("", 403), ("wrong", 403),
                  ("key-from-config", 200), ("key-from-cli", 200)):
    st, _, r = srv.analyze(coral, key=key)
    eq(st, want, "api key %r" % (key,))
    if want == 403:
        eq(r["error"]["status"], "PERMISSION_DENIED", "403 status name")
        eq(r["error"]["code"], 403, "403 code")
st, _, r = srv.analyze(coral, headers={"X-Goog-Api-Key": "key-from-cli"})
eq(st, 200, "key in X-Goog-Api-Key")
st, _, r = srv.request("POST", "/v1alpha1/comments:suggestscore?key=nope", {})
eq(st, 403, "suggestscore needs the key too")
# The configured COMMENT_TOO_LONG limit.
st, _, r = srv.analyze({"comment": {"text": "12345678901"}, "requestedAttributes": A},
                       key="key-from-cli")
eq(error_type(r), "COMMENT_TOO_LONG", "configured limit of 10 bytes")
srv.cleanup()
shutil.rmtree(cfg_dir, ignore_errors=True)

finish("perspective")
