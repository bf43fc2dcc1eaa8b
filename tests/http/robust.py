"""robust.py: the service under bad inputs and bad clients.

413 for bodies over the limit (declared by Content-Length, or chunked),
slow clients timed out, the connection cap, keep-alive reuse, concurrent
analyze on a thread pool, /healthz, /metrics in Prometheus text format,
the moderator page being served, and SIGTERM: a request in flight when the
signal arrives still gets its answer, then the process exits 0.

usage: python3 robust.py path/to/decorum
"""
import json
import os
import re
import signal
import socket
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import TOKEN, Server, check, eq, finish  # noqa: E402

BIN = sys.argv[1]
LIMIT = 4096
srv = Server(BIN, ["--max-body-bytes", str(LIMIT), "--timeout", "3",
                   "--max-connections", "6", "--threads", "2"]).start()


def raw_exchange(data, read_timeout=5.0, parts=None):
    """Sends bytes on a fresh socket and returns everything read until the
    server closes or read_timeout passes."""
    s = socket.create_connection(("127.0.0.1", srv.port), timeout=read_timeout)
    try:
        s.sendall(data)
        for p in parts or []:
            try:
                s.sendall(p)
            except OSError:
                break
        out = b""
        deadline = time.time() + read_timeout
        while time.time() < deadline:
            try:
                chunk = s.recv(65536)
            except socket.timeout:
                break
            except OSError:
                break
            if not chunk:
                break
            out += chunk
            if b"\r\n\r\n" in out:
                head, _, body = out.partition(b"\r\n\r\n")
                m = re.search(rb"Content-Length: (\d+)", head, re.I)
                if m and len(body) >= int(m.group(1)):
                    break
        return out
    finally:
        s.close()


def status_of(resp):
    m = re.match(rb"HTTP/1\.[01] (\d+)", resp)
    return int(m.group(1)) if m else None


ANALYZE = b"POST /v1alpha1/comments:analyze HTTP/1.1\r\nHost: t\r\n"

# --- 413: declared too large, refused before the body is sent.
resp = raw_exchange(ANALYZE + b"Content-Type: application/json\r\n"
                    b"Content-Length: %d\r\n\r\n" % (LIMIT + 1))
eq(status_of(resp), 413, "Content-Length over the limit")
check(b'"INVALID_REQUEST"' in resp and b"exceeds the limit" in resp,
      "413 in the error envelope", resp[:300])
# --- 413: chunked, counted as it arrives.
chunk = b"x" * 1000
body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(6)) + b"0\r\n\r\n"
resp = raw_exchange(ANALYZE + b"Transfer-Encoding: chunked\r\n\r\n" + body)
eq(status_of(resp), 413, "chunked body over the limit")
# --- Just under the limit is fine (a valid request padded with context).
pad = "p" * (LIMIT - 200)
req = {"comment": {"text": "hello"}, "requestedAttributes": {"TOXICITY": {}},
       "doNotStore": True, "context": {"entries": [{"text": pad}]}}
st, _, r = srv.analyze(req)
check(len(json.dumps(req)) <= LIMIT, "padded request under the limit")
eq(st, 200, "body just under the limit")
st, _, r = srv.request("POST", "/v1/comments", raw=b"{" + b" " * (LIMIT + 10) + b"}",
                       headers={"Content-Type": "application/json"}, token=TOKEN)
eq(st, 413, "413 on the native route too")

# --- Invalid JSON on the native route names where it broke.
st, _, r = srv.request("POST", "/v1/comments", raw=b'{"text": "a", "author": {"id": }}',
                       headers={"Content-Type": "application/json"}, token=TOKEN)
eq(st, 400, "native invalid JSON")
check("author.id" in r["error"]["message"], "invalid JSON message names the field",
      r["error"]["message"])

# --- Keep-alive: several requests on one connection.
c = srv.conn()
for i in range(5):
    st, hd, r = srv.analyze({"comment": {"text": "request %d" % i},
                             "requestedAttributes": {"TOXICITY": {}},
                             "doNotStore": True}, conn=c)
    eq(st, 200, "keep-alive request %d" % i)
c.close()

# --- Concurrency: 8 client threads, 25 requests each, all answered.
results = []


def hammer(n):
    cc = srv.conn()
    for i in range(25):
        try:
            st, _, r = srv.analyze({"comment": {"text": "thread %d message %d" % (n, i)},
                                    "requestedAttributes": {"TOXICITY": {}},
                                    "doNotStore": True}, conn=cc)
            results.append(st)
        except Exception as e:  # noqa: BLE001
            results.append(repr(e))
    cc.close()


# The connection cap is 6, so run 5 threads at a time.
ts = [threading.Thread(target=hammer, args=(n,)) for n in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join(60)
eq(results.count(200), 125, "125 concurrent requests answered 200")

# --- Slow client: a request that stalls is cut off after --timeout 3.
s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
s.sendall(b"POST /v1alpha1/comments:analyze HTTP/1.1\r\nHost: t\r\nContent-Le")
t0 = time.time()
try:
    data = s.recv(100)
except OSError:
    data = b""
elapsed = time.time() - t0
s.close()
eq(data, b"", "stalled connection closed by the server")
check(2.0 <= elapsed <= 10.0, "closed after about the timeout", "%.1fs" % elapsed)

# --- Connection cap: with 6 connections open, MHD stops accepting; a 7th
# waits in the kernel's backlog (back-pressure, not an error) until a slot
# frees. The idle ones are younger than the 3 s timeout throughout.
idle = [socket.create_connection(("127.0.0.1", srv.port), timeout=5) for _ in range(6)]
time.sleep(0.2)
c7 = srv.conn(timeout=1.0)
try:
    c7.request("GET", "/healthz")
    c7.getresponse().read()
    served = True
except OSError:
    served = False
c7.close()
check(not served, "no answer over the cap")
for i in idle:
    i.close()
time.sleep(0.3)
st, _, r = srv.request("GET", "/healthz")
eq(st, 200, "served again under the cap")
eq(r["status"], "ok", "healthz body")

# --- The moderator page and its assets.
st, hd, page = srv.request("GET", "/")
eq(st, 200, "page status")
check(hd.get("content-type", "").startswith("text/html"), "page is HTML")
check("app.js" in page and "app.css" in page, "page links its assets")
for path, ctype in (("/app.js", "text/javascript"), ("/app.css", "text/css"),
                    ("/favicon.svg", "image/svg+xml")):
    st, hd, _ = srv.request("GET", path)
    eq(st, 200, path)
    check(hd.get("content-type", "").startswith(ctype), path + " content type")
st, _, _ = srv.request("GET", "/../../etc/passwd")
eq(st, 404, "no path traversal")
st, _, _ = srv.request("GET", "/v1/nothing", token=TOKEN)
eq(st, 404, "unknown API route")

# --- Metrics in Prometheus text format.
srv.request("POST", "/v1/comments", {"text": "metrics probe", "site": "m"}, token=TOKEN)
st, hd, text = srv.request("GET", "/metrics")
eq(st, 200, "metrics status")
check(hd.get("content-type", "").startswith("text/plain"), "metrics content type")
series = {}
for line in text.splitlines():
    if not line or line.startswith("#"):
        continue
    m = re.match(r'^([a-z_]+)(\{[^}]*\})? ([0-9.e+-]+)$', line)
    check(m is not None, "metrics line parses", line)
    if m:
        series[m.group(1) + (m.group(2) or "")] = float(m.group(3))
check(series.get('decorum_http_requests_total{route="analyze",code="200"}', 0) >= 130,
      "analyze 200s counted")
check(series.get('decorum_http_requests_total{route="analyze",code="413"}', 0) >= 2,
      "413s counted")
check(series.get('decorum_http_requests_total{route="comments_submit",code="201"}', 0) >= 1,
      "submissions counted")
inf = series.get('decorum_http_request_duration_seconds_bucket{route="analyze",le="+Inf"}')
cnt = series.get('decorum_http_request_duration_seconds_count{route="analyze"}')
check(inf is not None and inf == cnt, "histogram +Inf equals count", (inf, cnt))
buckets = [v for k, v in series.items()
           if k.startswith('decorum_http_request_duration_seconds_bucket{route="analyze"')]
check(buckets == sorted(buckets), "histogram buckets are cumulative")
verdicts = sum(v for k, v in series.items() if k.startswith("decorum_verdicts_total"))
check(verdicts >= 130, "verdicts counted", verdicts)
queue_total = sum(v for k, v in series.items() if k.startswith("decorum_queue_comments"))
eq(queue_total, 1.0, "queue gauge counts the stored comment")
check("decorum_http_in_flight_requests" in series, "in-flight gauge")
check(series.get("decorum_http_body_too_large_total", 0) >= 2, "413 counter")

# --- SIGTERM: a request in flight is finished, then exit 0.
body = json.dumps({"comment": {"text": "sent in two halves"},
                   "requestedAttributes": {"TOXICITY": {}}, "doNotStore": True}).encode()
s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
s.sendall(ANALYZE + b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n"
          % len(body) + body[:10])
time.sleep(0.3)
srv.proc.send_signal(signal.SIGTERM)
time.sleep(0.5)
check(srv.proc.poll() is None, "still running while a request is in flight")
s.sendall(body[10:])
resp = b""
try:
    while b"\r\n\r\n" not in resp or not resp.rstrip().endswith(b"}"):
        chunk = s.recv(65536)
        if not chunk:
            break
        resp += chunk
except OSError:
    pass
s.close()
eq(status_of(resp), 200, "in-flight request answered after SIGTERM")
check(b'"attributeScores"' in resp, "in-flight answer is complete")
try:
    rc = srv.proc.wait(15)
except Exception:  # noqa: BLE001
    rc = None
eq(rc, 0, "exit status 0 after SIGTERM")
check(any("SIGTERM received" in l for l in srv.lines), "drain announced")
srv.proc = None
srv.cleanup()

finish("robust")
