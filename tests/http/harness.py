"""harness.py: starts the real `decorum serve` on 127.0.0.1 and speaks HTTP to it.

Shared by the service tests in this directory (redis's start_server idea):
every server gets a fresh temporary directory and database, listens on a
port the kernel picks (--listen 127.0.0.1:0; the port is read from the
"listening on" line it prints), and is always killed when the test ends,
even when it fails. Standard library only.
"""
import atexit
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

TOKEN = "test-moderator-token"
_servers = []
_failures = []
_checks = [0]


def check(cond, what, detail=""):
    """Records one assertion; prints the failing expression's values."""
    _checks[0] += 1
    if not cond:
        _failures.append(what)
        print("FAIL: %s %s" % (what, detail), flush=True)
    return cond


def eq(got, want, what):
    return check(got == want, what, "(got %r, want %r)" % (got, want))


def finish(name):
    """Prints the closing line and exits non-zero on any failure."""
    for s in list(_servers):
        s.stop()
    failed = len(_failures)
    print("%s: %d passed, %d failed" % (name, _checks[0] - failed, failed))
    sys.exit(1 if failed else 0)


class Server:
    def __init__(self, binary, args=(), env=None, db=None, workdir=None):
        self.binary = binary
        self.dir = workdir or tempfile.mkdtemp(prefix="decorum-http-")
        self.own_dir = workdir is None
        self.db = db or os.path.join(self.dir, "decorum.db")
        self.args = list(args)
        self.env = dict(os.environ)
        self.env["DECORUM_MODERATOR_TOKEN"] = TOKEN
        if env:
            self.env.update(env)
        self.proc = None
        self.port = None
        self.lines = []

    def start(self, timeout=20.0):
        cmd = [self.binary, "serve", "--listen", "127.0.0.1:0", "--db",
               self.db] + self.args
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, env=self.env,
                                     text=True, bufsize=1)
        _servers.append(self)
        found = threading.Event()

        def reader():
            for line in self.proc.stdout:
                self.lines.append(line.rstrip("\n"))
                m = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", line)
                if m:
                    self.port = int(m.group(1))
                    found.set()
            found.set()

        threading.Thread(target=reader, daemon=True).start()
        if not found.wait(timeout) or self.port is None:
            self.stop()
            raise RuntimeError("server did not start: %s" % "\n".join(self.lines))
        return self

    def stop(self, sig=signal.SIGKILL, timeout=10.0):
        """Stops the server; returns its exit code."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            rc = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            rc = self.proc.wait(5)
        if self in _servers:
            _servers.remove(self)
        self.proc = None
        return rc

    def cleanup(self):
        self.stop()
        if self.own_dir:
            shutil.rmtree(self.dir, ignore_errors=True)

    def conn(self, timeout=10.0):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None, token=None,
                raw=None, conn=None):
        """Returns (status, headers dict, parsed JSON or text)."""
        h = dict(headers or {})
        if token:
            h["Authorization"] = "Bearer " + token
        data = raw
        if body is not None:
            data = json.dumps(body).encode()
            h.setdefault("Content-Type", "application/json")
        c = conn or self.conn()
        try:
            c.request(method, path, body=data, headers=h)
            r = c.getresponse()
            payload = r.read()
            hdrs = {k.lower(): v for k, v in r.getheaders()}
        finally:
            if conn is None:
                c.close()
        ctype = hdrs.get("content-type", "")
        if "json" in ctype and payload:
            return r.status, hdrs, json.loads(payload)
        return r.status, hdrs, payload.decode("utf-8", "replace")

    def analyze(self, body, key=None, **kw):
        path = "/v1alpha1/comments:analyze"
        if key is not None:
            path += "?key=" + key
        return self.request("POST", path, body, **kw)


def error_type(resp):
    """The Perspective errorType of an error envelope, or None."""
    for d in resp.get("error", {}).get("details", []):
        if "errorType" in d:
            return d["errorType"]
    return None


def error_field(resp):
    for d in resp.get("error", {}).get("details", []):
        for v in d.get("fieldViolations", []):
            return v.get("field")
    return None


def _cleanup_all():
    for s in list(_servers):
        try:
            s.stop()
        except Exception:
            pass


atexit.register(_cleanup_all)
