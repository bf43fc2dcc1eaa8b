"""content.py: CONTENT checks, which hold only once the engine is smart.

Outside the default run: http_content.sh skips unless DECORUM_CONTENT_TESTS=1.
Takes a few curated cases from tests/data/golden (by id, so the expectation
lives in one place) and checks that the service carries the engine's
judgement through to its clients:
- Perspective: TOXICITY (or the case's attribute) scores at least 0.5 on
  attacks and under 0.5 on their contrasts; a TOXICITY spanScore overlaps
  the golden span, in code point offsets.
- Native: attacks wait in the queue as pending, contrasts are auto-approved,
  and the signal filter finds the attack.

usage: python3 content.py path/to/decorum
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import TOKEN, Server, check, eq, finish  # noqa: E402

BIN = sys.argv[1]
SRC = os.environ.get("DECORUM_SOURCE_DIR",
                     os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path.insert(0, os.path.join(SRC, "tools"))
import golden  # noqa: E402

WANT = ["dehum-race-01", "dehum-race-01-c", "threat-race-01",
        "threat-race-01-c", "threat-race-02"]

cases = {c["id"]: c for c in golden.cases(os.path.join(SRC, "tests/data/golden"))
         if c.get("id")}
srv = Server(BIN).start()
for cid in WANT:
    c = cases.get(cid)
    if not check(c is not None, "golden case %s exists" % cid):
        continue
    attack = c["verdict"] != "allow"
    st, _, r = srv.analyze({"comment": {"text": c["text"]},
                            "requestedAttributes": {"TOXICITY": {}, "IDENTITY_ATTACK": {},
                                                    "THREAT": {}},
                            "spanAnnotations": True, "doNotStore": True})
    eq(st, 200, cid + ": analyze")
    scores = {a: v["summaryScore"]["value"] for a, v in r["attributeScores"].items()}
    top = max(scores.values())
    if attack:
        check(top >= 0.5, cid + ": an attack scores >= 0.5", scores)
        check(r["decorum"]["verdict"] in c["verdict"].split("|"),
              cid + ": verdict", r["decorum"]["verdict"])
        for sp in c.get("spans", []):
            sub = sp.split(" = ")[0]
            b = c["text"].find(sub)
            e = b + len(sub)
            spans = r["attributeScores"]["TOXICITY"]["spanScores"]
            check(any(s["begin"] < e and b < s["end"] and s["end"] - s["begin"] < len(c["text"])
                      for s in spans),
                  cid + ": a word-level TOXICITY span overlaps '%s'" % sub, spans)
    else:
        check(scores["TOXICITY"] < 0.5, cid + ": a contrast scores < 0.5", scores)
    st, _, r = srv.request("POST", "/v1/comments", {"site": "golden", "id": cid,
                                                    "text": c["text"]}, token=TOKEN)
    eq(st, 201, cid + ": submit")
    eq(r["status"], "pending" if attack else "auto-approved", cid + ": queue status")
    if attack and c.get("signals"):
        sig = c["signals"].split()[0]
        st, _, q = srv.request("GET", "/v1/queue?status=all&site=golden&signal=" + sig,
                               token=TOKEN)
        check(cid in [i["ext_id"] for i in q["items"]],
              cid + ": the signal filter '%s' finds it" % sig)
srv.cleanup()
finish("content")
