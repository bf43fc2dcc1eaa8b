"""durability.py: an acknowledged comment is never lost.

Six client threads submit comments as fast as the server takes them; the
server is killed with SIGKILL in the middle of the load, restarted on the
same database, and every comment that was acknowledged (201) must be there,
through the API and in the SQLite file, which must pass integrity_check.
Comments whose reply never came may or may not be there: both are right.

Bounded: each client stops at 400 submissions or at its first error, and
the kill comes after 150 acknowledgements or 20 seconds.

usage: python3 durability.py path/to/decorum
"""
import os
import signal
import sqlite3
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import TOKEN, Server, check, eq, finish  # noqa: E402

BIN = sys.argv[1]
srv = Server(BIN, ["--threads", "2"]).start()
acked = set()
lock = threading.Lock()
stop = threading.Event()


def client(n):
    c = srv.conn(timeout=10)
    for i in range(400):
        if stop.is_set():
            break
        ext = "t%d-%d" % (n, i)
        try:
            st, _, r = srv.request("POST", "/v1/comments",
                                   {"site": "dur", "id": ext,
                                    "article": {"id": "a", "title": "Durability"},
                                    "author": {"id": "u%d" % n},
                                    "text": "comment %d from client %d" % (i, n)},
                                   token=TOKEN, conn=c)
        except Exception:  # noqa: BLE001  (the kill)
            break
        if st == 201:
            with lock:
                acked.add(ext)
        else:
            break
    c.close()


threads = [threading.Thread(target=client, args=(n,)) for n in range(6)]
for t in threads:
    t.start()
deadline = time.time() + 20
while time.time() < deadline:
    with lock:
        if len(acked) >= 150:
            break
    time.sleep(0.01)
os.kill(srv.proc.pid, signal.SIGKILL)
stop.set()
for t in threads:
    t.join(30)
srv.proc.wait(10)
srv.proc = None
n_acked = len(acked)
check(n_acked >= 50, "enough acknowledged before the kill", n_acked)

# Restart on the same database: every acknowledged comment is there.
srv2 = Server(BIN, db=srv.db, workdir=srv.dir).start()
found = set()
offset = 0
for _ in range(100):
    st, _, r = srv2.request("GET", "/v1/queue?status=all&site=dur&limit=500&offset=%d"
                            % offset, token=TOKEN)
    eq(st, 200, "queue after restart")
    found.update(c["ext_id"] for c in r["items"])
    offset += len(r["items"])
    if not r["items"] or offset >= r["total"]:
        break
missing = sorted(acked - found)
eq(missing, [], "acknowledged comments missing after SIGKILL")
check(len(found) >= n_acked, "store holds at least the acknowledged",
      (len(found), n_acked))
# Each stored comment is whole: text, verdict and first audit entry.
con = sqlite3.connect(srv.db)
eq(con.execute("PRAGMA integrity_check").fetchone()[0], "ok", "integrity_check")
eq(con.execute("PRAGMA journal_mode").fetchone()[0], "wal", "WAL mode")
orphans = con.execute("SELECT COUNT(*) FROM comments c WHERE NOT EXISTS"
                      " (SELECT 1 FROM audit a WHERE a.comment_id = c.id)").fetchone()[0]
eq(orphans, 0, "every comment has its audit entry (one transaction)")
con.close()
# The restarted server takes new comments.
st, _, _ = srv2.request("POST", "/v1/comments", {"site": "dur", "text": "after"},
                        token=TOKEN)
eq(st, 201, "submit after restart")
print("durability: %d acknowledged, %d stored" % (n_acked, len(found)))
srv2.cleanup()
finish("durability")
