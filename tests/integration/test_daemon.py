"""Integration test of winnowd over HTTP.

  test_daemon.py WINNOWD SOURCE_ROOT

Starts WINNOWD on a free loopback port with the bundled rules, then checks every endpoint,
every error status with its JSON body (and that the daemon still answers after each), the
article output against docs/article.schema.json, the seed pages through check_seeds.py, the
command line, and a graceful SIGTERM while a slow request is in flight.
"""
import gzip
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import shutil
import tempfile
import threading
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from wn_testlib import SHARED, Suite, free_port, schema_errors  # noqa: E402

MAX_BODY = 2 * 1024 * 1024
HOST = "127.0.0.1"


class Daemon:
    """winnowd running on a free port, its stderr kept in a temporary file."""

    def __init__(self, binary, root, *extra):
        self.port = free_port()
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            [binary, "--listen", f"{HOST}:{self.port}", "--rules", str(root / "rules" / "sites"),
             "--threads", "4", "--max-body", str(MAX_BODY), *extra],
            stdout=subprocess.DEVNULL, stderr=self.log)

    def wait_ready(self, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False
            try:
                if request("GET", "/healthz", port=self.port)[0] == 200:
                    return True
            except OSError:
                time.sleep(0.05)
        return False

    def stderr(self):
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def request(method, path, body=None, headers=None, port=None, timeout=60):
    """(status, headers dict with lower-case names, body bytes) of one request."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def raw_exchange(port, head, chunks=(), pause=0.0):
    """Sends head, then each chunk (pausing between them, stopping early if an answer comes);
    returns everything the server sent back until it closed or went quiet."""
    with socket.create_connection((HOST, port), timeout=10) as s:
        s.sendall(head)
        for c in chunks:
            try:
                s.sendall(c)
            except OSError:
                break
            time.sleep(pause)
            s.setblocking(False)
            try:
                if s.recv(1, socket.MSG_PEEK):
                    break
            except BlockingIOError:
                pass
            finally:
                s.setblocking(True)
        data = b""
        s.settimeout(5)
        try:
            while True:
                d = s.recv(65536)
                if not d:
                    break
                data += d
                if b"\r\n\r\n" in data:
                    hdr, _, rest = data.partition(b"\r\n\r\n")
                    m = re.search(rb"content-length:\s*(\d+)", hdr, re.I)
                    if m and len(rest) >= int(m.group(1)):
                        break
        except (socket.timeout, ConnectionResetError):
            pass
        return data


def parse_raw(data):
    """(status, body bytes) of a raw HTTP response, (0, b'') if there is none."""
    m = re.match(rb"HTTP/1\.[01] (\d{3})", data)
    if not m:
        return 0, b""
    return int(m.group(1)), data.partition(b"\r\n\r\n")[2]


def error_code(body):
    """The error code of a JSON error body, or a description of what is wrong with it."""
    try:
        e = json.loads(body)["error"]
        if set(e) != {"code", "message"} or not isinstance(e["message"], str) or not e["message"]:
            return f"bad error object {e!r}"
        return e["code"]
    except (ValueError, KeyError, TypeError) as x:
        return f"not a JSON error body ({x}): {body[:200]!r}"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    binary, root = sys.argv[1], Path(sys.argv[2]).resolve()
    t = Suite()
    cli_checks(t, binary, root)

    d = Daemon(binary, root)
    try:
        if not t.check("daemon starts and /healthz answers", d.wait_ready(), d.stderr()[-2000:]):
            t.finish()
        port = d.port

        def alive(after):
            try:
                ok = request("GET", "/healthz", port=port)[0] == 200
            except OSError as e:
                ok, after = False, f"{after}: {e}"
            t.check(f"still answers after {after}", ok)

        def expect_error(name, status, code, got_status, headers, body):
            t.check(f"{name}: status {status}", got_status == status, f"got {got_status} {body[:200]!r}")
            t.check(f"{name}: error body", error_code(body) == code, f"code {error_code(body)}")
            t.check(f"{name}: JSON content type",
                    headers.get("content-type", "").startswith("application/json"), str(headers))
            alive(name)

        # /healthz
        s, h, b = request("GET", "/healthz", port=port)
        t.check("healthz body", s == 200 and json.loads(b) == {"status": "ok"}, repr(b))
        t.check("healthz content type", h.get("content-type") == "application/json; charset=utf-8")

        # Routing errors.
        expect_error("404", 404, "not_found", *request("GET", "/nope", port=port))
        s, h, b = request("GET", "/v1/extract", port=port)
        expect_error("405 GET /v1/extract", 405, "method_not_allowed", s, h, b)
        t.check("405 Allow: POST", h.get("allow") == "POST", str(h))
        s, h, b = request("POST", "/healthz", body=b"x", headers={"Content-Type": "text/plain"},
                          port=port)
        expect_error("405 POST /healthz", 405, "method_not_allowed", s, h, b)
        t.check("405 Allow has GET", "GET" in h.get("allow", ""), str(h))

        # Media types.
        expect_error("415 image/png", 415, "unsupported_media_type",
                     *request("POST", "/v1/extract", b"abc", {"Content-Type": "image/png"}, port))
        expect_error("415 no Content-Type", 415, "unsupported_media_type",
                     *request("POST", "/v1/extract", b"abc", {}, port))

        # Size limit.
        data = raw_exchange(port, (f"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\n"
                                   f"Content-Length: {MAX_BODY + 1}\r\n\r\n").encode())
        s, b = parse_raw(data)
        expect_error("413 Content-Length over the cap", 413, "too_large", s, {"content-type": "application/json"}, b)
        chunk = b"%x\r\n%s\r\n" % (256 * 1024, b"a" * 256 * 1024)
        start = time.monotonic()
        data = raw_exchange(port, b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                                  b"Transfer-Encoding: chunked\r\n\r\n", [chunk] * 64, pause=0.02)
        s, b = parse_raw(data)
        expect_error("413 chunked over the cap", 413, "too_large", s, {"content-type": "application/json"}, b)
        t.check("413 chunked comes before the upload ends", time.monotonic() - start < 0.02 * 40,
                f"{time.monotonic() - start:.2f}s")
        chunk = b"%x\r\n%s\r\n" % (1024, b"b" * 1024)
        data = raw_exchange(port, b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                                  b"Transfer-Encoding: chunked\r\n\r\n", [chunk] * 4 + [b"0\r\n\r\n"])
        t.check("chunked under the cap is extracted", parse_raw(data)[0] == 200, repr(data[:300]))

        # Malformed requests.
        text_hdr = {"Content-Type": "text/plain; charset=utf-8"}
        json_hdr = {"Content-Type": "application/json"}
        expect_error("400 empty body", 400, "empty_input", *request("POST", "/v1/extract", b"", text_hdr, port))
        expect_error("400 bad JSON", 400, "bad_request",
                     *request("POST", "/v1/extract", b'{"html": "<p>x', json_hdr, port))
        expect_error("400 JSON with neither html nor text", 400, "bad_request",
                     *request("POST", "/v1/extract", b'{"url": "https://a.example/"}', json_hdr, port))
        expect_error("400 JSON with both html and text", 400, "bad_request",
                     *request("POST", "/v1/extract", b'{"html": "a", "text": "b"}', json_hdr, port))
        expect_error("400 JSON html not a string", 400, "bad_request",
                     *request("POST", "/v1/extract", b'{"html": 5}', json_hdr, port))
        expect_error("400 JSON not an object", 400, "bad_request",
                     *request("POST", "/v1/extract", b'["html"]', json_hdr, port))
        expect_error("400 bad JSON with invalid UTF-8", 400, "bad_request",
                     *request("POST", "/v1/extract", b'{"html": "\xff\xfe', json_hdr, port))
        expect_error("400 format=bogus", 400, "bad_request",
                     *request("POST", "/v1/extract?format=bogus", b"Some text.", text_hdr, port))
        expect_error("400 explain=maybe", 400, "bad_request",
                     *request("POST", "/v1/extract?explain=maybe", b"Some text.", text_hdr, port))

        extract_checks(t, port)
        encoding_checks(t, port, expect_error)
        batch_checks(t, port, expect_error)
        observability_checks(t, port, expect_error)
        rules_test_checks(t, port, root, expect_error)
        log = d.stderr()
        t.check("one log line per request",
                re.search(r"^\S+Z POST /v1/extract 200 in=\d+ out=\d+ ms=[\d.]+ id=[0-9a-f]{16}$", log, re.M) is not None,
                log[-1000:])

        # The seeds, through the tool every front end is checked with.
        env = dict(os.environ, SEEDS_DIR=str(SHARED / "seeds"))
        for extra in ([], ["--url"]):
            r = subprocess.run([sys.executable, str(SHARED / "tools" / "check_seeds.py"), "http",
                                f"http://{HOST}:{port}", *extra], capture_output=True, text=True,
                               env=env, timeout=120)
            t.check(f"check_seeds.py http {' '.join(extra)}".strip(), r.returncode == 0,
                    (r.stdout + r.stderr).strip()[-3000:])

        shutdown_checks(t, d)
    finally:
        d.kill()
    production_checks(t, binary, root)
    t.finish()


def encoding_checks(t, port, expect_error):
    """Content-Encoding gzip and deflate, a bomb, corrupt and unknown encodings."""
    seed = sorted((SHARED / "seeds").glob("*.txt"))[0].read_bytes()
    plain = request("POST", "/v1/extract", seed, {"Content-Type": "text/plain"}, port)
    for name, data in (("gzip", gzip.compress(seed)), ("deflate", zlib.compress(seed))):
        s, h, b = request("POST", "/v1/extract", data,
                          {"Content-Type": "text/plain", "Content-Encoding": name}, port)
        t.check(f"Content-Encoding {name}: same article", s == 200 and b == plain[2], f"{s} {b[:200]!r}")
    bomb = zlib.compress(b"a" * (64 * MAX_BODY), 9)
    start = time.monotonic()
    expect_error("413 deflate bomb", 413, "too_large",
                 *request("POST", "/v1/extract", bomb, {"Content-Type": "text/plain",
                                                        "Content-Encoding": "deflate"}, port))
    t.check("413 deflate bomb is quick", time.monotonic() - start < 2, f"{time.monotonic() - start:.2f}s")
    gbomb = gzip.compress(b"<p>" * (30 * MAX_BODY))
    expect_error("413 gzip bomb", 413, "too_large",
                 *request("POST", "/v1/extract", gbomb, {"Content-Type": "text/html",
                                                         "Content-Encoding": "gzip"}, port))
    expect_error("400 corrupt gzip", 400, "bad_compression",
                 *request("POST", "/v1/extract", gzip.compress(seed)[:-30],
                          {"Content-Type": "text/plain", "Content-Encoding": "gzip"}, port))
    expect_error("400 gzip header on plain bytes", 400, "bad_compression",
                 *request("POST", "/v1/extract", seed, {"Content-Type": "text/plain",
                                                        "Content-Encoding": "gzip"}, port))
    expect_error("415 Content-Encoding br", 415, "unsupported_media_type",
                 *request("POST", "/v1/extract", seed, {"Content-Type": "text/plain",
                                                        "Content-Encoding": "br"}, port))


def batch_lines(body):
    return [json.loads(line) for line in body.decode("utf-8").splitlines()]


def batch_checks(t, port, expect_error):
    """POST /v1/extract/batch: order, one record per line, error records with line numbers."""
    nd = {"Content-Type": "application/x-ndjson"}
    seed = sorted((SHARED / "seeds").glob("*.txt"))[0].read_text(encoding="utf-8")
    single = json.loads(request("POST", "/v1/extract", seed.encode(), {"Content-Type": "text/plain"}, port)[2])
    lines = [json.dumps({"id": "a", "text": seed}), "", "{not json", json.dumps({"id": 7}),
             json.dumps({"id": "big", "text": "x" * (MAX_BODY + 10)}), json.dumps([1, 2]),
             json.dumps({"id": "h", "url": "https://example.org/a", "html": "<p>Hello batch world.</p>"}),
             json.dumps({"id": None, "text": 5})]
    s, h, b = request("POST", "/v1/extract/batch", ("\n".join(lines) + "\n").encode(), nd, port)
    t.check("batch: 200 NDJSON", s == 200 and h.get("content-type") == "application/x-ndjson", f"{s} {h}")
    try:
        recs = batch_lines(b)
    except ValueError as e:
        recs = []
        t.check("batch: every record is JSON", False, str(e))
    t.check("batch: one record per input line, in order",
            [r.get("line") for r in recs] == list(range(1, len(lines) + 1)), str([r.get("line") for r in recs]))
    if len(recs) == len(lines):
        t.check("batch: line 1 same article as /v1/extract", recs[0].get("article") == single and recs[0]["id"] == "a")
        want = [None, "empty_input", "bad_request", "bad_request", "too_large", "bad_request", None, "bad_request"]
        got = [r.get("error", {}).get("code") for r in recs]
        t.check("batch: error records where the lines are broken", got == want, str(got))
        t.check("batch: ids echoed", [r.get("id") for r in recs] == ["a", None, None, 7, None, None, "h", None],
                str([r.get("id") for r in recs]))
        t.check("batch: error status per record", recs[4].get("status") == 413 and recs[2].get("status") == 400)
        t.check("batch: html line extracted", recs[6].get("status") == 200 and
                recs[6]["article"]["url"] == "https://example.org/a")
    # No trailing newline, CRLF, and a large batch arriving chunked.
    s, h, b = request("POST", "/v1/extract/batch", b'{"id":1,"text":"One."}\r\n{"id":2,"text":"Two."}', nd, port)
    t.check("batch: CRLF and no final newline", s == 200 and [r["id"] for r in batch_lines(b)] == [1, 2], repr(b[:200]))
    # A batch opening with an empty line (found by fuzz_request: the UB
    # sanitizer build aborted on it): an error record for it, then the rest.
    s, h, b = request("POST", "/v1/extract/batch", b'\n{"id":2,"text":"Two."}\n', nd, port)
    got = [(r.get("line"), r.get("error", {}).get("code")) for r in batch_lines(b)] if s == 200 else s
    t.check("batch: empty first line gives an error record", got == [(1, "empty_input"), (2, None)], str(got))
    n = 3000
    body = "".join(json.dumps({"id": i, "text": f"Paragraph number {i} of the batch.\n\nAnd another."}) + "\n"
                   for i in range(n)).encode()

    def chunks():
        for i in range(0, len(body), 65536):
            yield body[i:i + 65536]
    conn = http.client.HTTPConnection(HOST, port, timeout=120)
    conn.request("POST", "/v1/extract/batch", body=chunks(), headers=dict(nd, **{"Transfer-Encoding": "chunked"}),
                 encode_chunked=True)
    r = conn.getresponse()
    b = r.read()
    conn.close()
    recs = batch_lines(b) if r.status == 200 else []
    t.check(f"batch: {n} chunked lines, {n} records in order",
            [x["id"] for x in recs] == list(range(n)) and all(x["status"] == 200 for x in recs),
            f"{r.status} {len(recs)}")
    expect_error("batch: 415 text/plain", 415, "unsupported_media_type",
                 *request("POST", "/v1/extract/batch", b'{"text":"x"}', {"Content-Type": "text/plain"}, port))
    expect_error("batch: 415 compressed", 415, "unsupported_media_type",
                 *request("POST", "/v1/extract/batch", gzip.compress(b'{"text":"x"}'),
                          dict(nd, **{"Content-Encoding": "gzip"}), port))
    expect_error("batch: 400 empty", 400, "empty_input", *request("POST", "/v1/extract/batch", b"", nd, port))
    s, h, b = request("GET", "/v1/extract/batch", port=port)
    expect_error("batch: 405 GET", 405, "method_not_allowed", s, h, b)


def observability_checks(t, port, expect_error):
    """/readyz, /v1/version, /metrics, request ids, keep-alive, /v1/rules, reload without a token."""
    s, h, b = request("GET", "/readyz", port=port)
    t.check("readyz 200", s == 200 and json.loads(b)["status"] == "ready", repr(b))
    s, h, b = request("GET", "/v1/version", port=port)
    t.check("version", s == 200 and json.loads(b)["name"] == "winnowd" and json.loads(b)["version"], repr(b))
    s, h, b = request("GET", "/healthz", headers={"X-Request-Id": "abc-123"}, port=port)
    t.check("X-Request-Id echoed", h.get("x-request-id") == "abc-123", str(h))
    s, h, b = request("GET", "/healthz", headers={"X-Request-Id": "bad id\" with spaces"}, port=port)
    t.check("unsafe X-Request-Id replaced", re.fullmatch(r"[0-9a-f]{16}", h.get("x-request-id", "")), str(h))
    ids = {request("GET", "/healthz", port=port)[1].get("x-request-id") for _ in range(5)}
    t.check("generated request ids differ", len(ids) == 5, str(ids))
    conn = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        statuses = []
        for _ in range(3):
            conn.request("GET", "/healthz")
            r = conn.getresponse()
            r.read()
            statuses.append(r.status)
        t.check("keep-alive: three requests on one connection", statuses == [200] * 3, str(statuses))
    finally:
        conn.close()
    s, h, b = request("GET", "/metrics", port=port)
    text = b.decode()
    t.check("metrics: text format", s == 200 and h.get("content-type", "").startswith("text/plain; version=0.0.4"), str(h))
    for name in ("winnowd_requests_total{route=\"/v1/extract\",status=\"200\"}",
                 "winnowd_requests_total{route=\"/v1/extract\",status=\"413\"}",
                 "winnowd_request_duration_seconds_bucket{le=\"+Inf\"}",
                 "winnowd_extraction_duration_seconds_count", "winnowd_request_body_bytes_total",
                 "winnowd_response_body_bytes_total", "winnowd_rule_files 2",
                 "winnowd_rule_reloads_ok_total 0", "winnowd_rule_reloads_failed_total 0"):
        t.check(f"metrics: {name}", name in text, text[:300])
    # The scrape itself is in flight (an answered request may not be completed yet).
    m = re.search(r"^winnowd_requests_in_flight (\d+)$", text, re.M)
    t.check("metrics: in flight counts the scrape", m and int(m.group(1)) >= 1, text[-300:])
    bad = [ln for ln in text.splitlines() if not ln.startswith("#") and
           not re.fullmatch(r'[a-z_]+(\{[^}]*\})? [0-9.e+-]+', ln)]
    t.check("metrics: every sample line parses", not bad, str(bad[:3]))
    s, h, b = request("GET", "/v1/rules", port=port)
    r = json.loads(b) if s == 200 else {}
    t.check("GET /v1/rules lists the files", s == 200 and sorted(f["site"] for f in r.get("files", [])) ==
            ["tass.com", "vseinfo.com"] and r.get("last_reload") is None, repr(b[:300]))
    t.check("GET /v1/rules: hash and counts", all(re.fullmatch(r"[0-9a-f]{16}", f.get("hash") or "") and
                                                  f["counts"]["tests"] > 0 and f["counts"]["text"] > 0
                                                  for f in r.get("files", [])), repr(b[:500]))
    expect_error("reload without --admin-token: 404", 404, "not_found",
                 *request("POST", "/v1/rules/reload", headers={"Authorization": "Bearer x"}, port=port))
    expect_error("GET /v1/rules/reload without --admin-token: 404", 404, "not_found",
                 *request("GET", "/v1/rules/reload", port=port))


def rules_test_checks(t, port, root, expect_error):
    """POST /v1/rules/test: a rule alone on a page, its embedded tests, 422 for a broken rule."""
    rule = (root / "rules" / "sites" / "tass.com.txt").read_text(encoding="utf-8")
    page = (root / "rules" / "sites" / "tests" / "tass.com-seed-000.txt").read_text(encoding="utf-8")
    jh = {"Content-Type": "application/json"}
    body = json.dumps({"rules": rule, "url": "https://tass.com/", "text": page}).encode()
    s, h, b = request("POST", "/v1/rules/test", body, jh, port)
    r = json.loads(b) if s == 200 else {}
    t.check("rules/test: 200", s == 200, f"{s} {b[:300]!r}")
    if r:
        art = r.get("article", {})
        t.check("rules/test: article with removed", isinstance(art.get("removed"), list) and art["removed"] and
                art.get("title") == "Russia views OSCE cybersecurity mechanisms as unsatisfactory", json.dumps(art)[:300])
        t.check("rules/test: the rule's file is named by the URL's host", art.get("rules") == ["tass.com.txt"] and
                r["rule"]["name"] == "tass.com.txt" and re.fullmatch(r"[0-9a-f]{16}", r["rule"].get("hash") or ""),
                json.dumps(r.get("rule"))[:300])
        # Lines 53-59 of tass.com.txt are the checks of the test whose fixture is this page.
        seed = [x for x in r.get("tests", []) if re.match(r"tass\.com\.txt:5[3-9] ", x["name"])]
        t.check("rules/test: the embedded test of this page ran and passed",
                len(seed) >= 5 and all(x["passed"] and not x["skipped"] for x in seed),
                json.dumps(r.get("tests"))[:500])
        t.check("rules/test: passed/failed count the checks",
                r["passed"] + r["failed"] == len([x for x in r["tests"] if not x["skipped"]]))
    # A test that fails is reported with what came out.
    broken_test = rule + "\ntest_url: https://tass.com/\ntest_title: Not the title\n"
    s, h, b = request("POST", "/v1/rules/test", json.dumps({"rules": broken_test, "url": "https://tass.com/",
                                                            "text": page}).encode(), jh, port)
    r = json.loads(b) if s == 200 else {}
    t.check("rules/test: a failing embedded test is reported", s == 200 and r.get("failed", 0) >= 1 and
            any(not x["passed"] and x.get("expected") == "Not the title" and
                x.get("got") == "Russia views OSCE cybersecurity mechanisms as unsatisfactory"
                for x in r.get("tests", [])), repr(b[:300]))
    # The rule lives only for that request.
    s, h, b = request("GET", "/v1/rules", port=port)
    t.check("rules/test: nothing installed", s == 200 and json.loads(b)["count"] == 2)
    # A different rule on the same page: it alone applies (no matching by host).
    s, h, b = request("POST", "/v1/rules/test", json.dumps({"rules": "text_drop_line: ^ROME\n",
                                                            "url": "https://tass.com/", "text": page}).encode(), jh, port)
    r = json.loads(b) if s == 200 else {}
    t.check("rules/test: only the posted rule applies", s == 200 and "ROME, September 28" not in r["article"]["text"]
            and any("text_drop_line" in x["reason"] for x in r["article"]["removed"]), repr(b[:300]))
    s, h, b = request("POST", "/v1/rules/test", json.dumps({"rules": "title: //h1\ntext_drop_line: (unclosed\n",
                                                            "text": page}).encode(), jh, port)
    expect_error("rules/test: 422 broken rule", 422, "rule_syntax", s, h, b)
    try:
        e = json.loads(b)
        t.check("rules/test: 422 names the line", e.get("line") == 2 and "line 2" in e["error"]["message"], repr(b))
    except ValueError:
        pass
    expect_error("rules/test: 400 no rules", 400, "bad_request",
                 *request("POST", "/v1/rules/test", json.dumps({"text": page}).encode(), jh, port))
    expect_error("rules/test: 400 no page", 400, "bad_request",
                 *request("POST", "/v1/rules/test", json.dumps({"rules": rule}).encode(), jh, port))
    expect_error("rules/test: 400 bad JSON", 400, "bad_request",
                 *request("POST", "/v1/rules/test", b"{", jh, port))
    expect_error("rules/test: 415 text/plain", 415, "unsupported_media_type",
                 *request("POST", "/v1/rules/test", b"{}", {"Content-Type": "text/plain"}, port))
    # A test_input can never make the daemon read a file.
    sneaky = "text_drop_line: ^x$\ntest_url: https://a.example/\ntest_input: /etc/passwd\ntest_contains: root\n"
    s, h, b = request("POST", "/v1/rules/test", json.dumps({"rules": sneaky, "url": "https://b.example/",
                                                            "text": "Some text here.\n\nMore."}).encode(), jh, port)
    r = json.loads(b) if s == 200 else {}
    t.check("rules/test: test_input is never read", s == 200 and all(x["skipped"] for x in r["tests"]) and
            "root:" not in b.decode(), repr(b[:300]))


def production_checks(t, binary, root):
    """A second daemon from a config file with an admin token, a small time budget, a short
    timeout, few connections and JSON logs: reload (token, SIGHUP, a broken file), pathological
    pages, slow clients."""
    tmp = Path(tempfile.mkdtemp(prefix="winnowd-test-"))
    rules = tmp / "rules"
    rules.mkdir()
    for f in (root / "rules" / "sites").glob("*.txt"):
        (rules / f.name).write_bytes(f.read_bytes())
    port = free_port()
    conf = tmp / "winnowd.conf"
    conf.write_text(f"# test config\nlisten = {HOST}:{port}\nrules = {rules}\nadmin-token = s3cret\n"
                    f"threads = 3\nmax-body = 12M\ntimeout = 2\nbudget = 300\nmax-connections = 8\n"
                    f"log-format = json\n")
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen([binary, "--config", str(conf)], stdout=subprocess.DEVNULL, stderr=log)
    try:
        deadline = time.monotonic() + 20
        up = False
        while time.monotonic() < deadline and proc.poll() is None and not up:
            try:
                up = request("GET", "/healthz", port=port)[0] == 200
            except OSError:
                time.sleep(0.05)
        if not t.check("config-file daemon starts", up):
            return

        def alive(after):
            try:
                ok = request("GET", "/healthz", port=port)[0] == 200
            except OSError as e:
                ok, after = False, f"{after}: {e}"
            t.check(f"config daemon still answers after {after}", ok)

        def expect_error(name, status, code, got_status, headers, body):
            t.check(f"{name}: status {status}", got_status == status, f"got {got_status} {body[:200]!r}")
            t.check(f"{name}: error body", error_code(body) == code, f"code {error_code(body)}")
            alive(name)

        # Reload over HTTP: 401 without or with a malformed header, 403 wrong token, 200 right.
        expect_error("reload 401 no header", 401, "unauthorized", *request("POST", "/v1/rules/reload", port=port))
        s, h, b = request("POST", "/v1/rules/reload", headers={"Authorization": "Basic czNjcmV0"}, port=port)
        expect_error("reload 401 malformed header", 401, "unauthorized", s, h, b)
        t.check("reload 401 has WWW-Authenticate", h.get("www-authenticate") == "Bearer", str(h))
        expect_error("reload 401 empty Bearer", 401, "unauthorized",
                     *request("POST", "/v1/rules/reload", headers={"Authorization": "Bearer "}, port=port))
        expect_error("reload 403 wrong token", 403, "forbidden",
                     *request("POST", "/v1/rules/reload", headers={"Authorization": "Bearer s3creT"}, port=port))
        auth = {"Authorization": "Bearer s3cret"}
        (rules / "example.org.txt").write_text("text_drop_line: ^Advertisement$\n")
        s, h, b = request("POST", "/v1/rules/reload", headers=auth, port=port)
        t.check("reload 200 with the token", s == 200 and json.loads(b)["count"] == 3, repr(b))
        # A broken file: the whole previous set stays, and GET /v1/rules says why.
        (rules / "broken.example.txt").write_text("text_drop_line: (unclosed\n")
        s, h, b = request("POST", "/v1/rules/reload", headers=auth, port=port)
        t.check("reload with a broken file: 422", s == 422 and "broken.example.txt:1" in error_code_msg(b), repr(b))
        proc.send_signal(signal.SIGHUP)
        time.sleep(0.5)
        r = json.loads(request("GET", "/v1/rules", port=port)[2])
        t.check("SIGHUP with a broken file keeps the previous set", r["count"] == 3 and
                "broken.example.txt" not in json.dumps(r["files"]), json.dumps(r)[:300])
        t.check("GET /v1/rules shows the failed reload", r["last_reload"] and not r["last_reload"]["ok"] and
                "broken.example.txt" in r["last_reload"]["message"], json.dumps(r.get("last_reload")))
        (rules / "broken.example.txt").unlink()
        proc.send_signal(signal.SIGHUP)
        time.sleep(0.5)
        r = json.loads(request("GET", "/v1/rules", port=port)[2])
        t.check("SIGHUP after the fix reloads", r["last_reload"]["ok"] and r["count"] == 3, json.dumps(r)[:300])
        m = request("GET", "/metrics", port=port)[2].decode()
        t.check("metrics count reloads", "winnowd_rule_reloads_ok_total 2" in m and
                "winnowd_rule_reloads_failed_total 2" in m, m[-800:])

        # Pathological pages: an answer or a JSON error, never a crash, and others still served.
        deep = b"<html><body>" + b"<div>" * 100000 + b"deep" + b"</div>" * 100000 + b"</body></html>"
        s, h, b = request("POST", "/v1/extract", deep, {"Content-Type": "text/html"}, port)
        t.check("100,000-deep nesting: 200 or JSON error", s == 200 or error_code(b) in ("timeout", "out_of_memory"),
                f"{s} {b[:200]!r}")
        alive("100,000-deep nesting")
        tiny = b"<html><body>" + b"<i>a</i>" * 300000 + b"</body></html>"
        results = {}

        def slow():
            results["tiny"] = request("POST", "/v1/extract", tiny, {"Content-Type": "text/html"}, port)
        th = threading.Thread(target=slow)
        th.start()
        time.sleep(0.2)
        t0 = time.monotonic()
        quick = request("GET", "/healthz", port=port)[0]
        t.check("others are answered while a huge page is extracted", quick == 200 and time.monotonic() - t0 < 3,
                f"{quick} {time.monotonic() - t0:.2f}s")
        th.join()
        s, h, b = results["tiny"]
        t.check("300,000 tiny elements over the time budget: 422 timeout", s == 422 and error_code(b) == "timeout",
                f"{s} {b[:200]!r}")
        million = b"<html><body>" + b"<i>a</i>" * 1000000 + b"</body></html>"
        s, h, b = request("POST", "/v1/extract", million, {"Content-Type": "text/html"}, port)
        t.check("a million tiny elements: JSON error (time or memory budget)",
                (s, error_code(b)) in ((422, "timeout"), (503, "out_of_memory")), f"{s} {b[:200]!r}")
        alive("a million tiny elements")
        big = ("word " * 15 + "\n\n").encode() * 130000
        s, h, b = request("POST", "/v1/extract", big, {"Content-Type": "text/plain"}, port)
        t.check("10 MB of text: 200 or JSON error", s == 200 or error_code(b) in ("timeout", "out_of_memory"),
                f"{s} {b[:200]!r}")
        alive("10 MB of text")

        # Slow clients: headers or a body that never finish are cut after --timeout.
        with socket.create_connection((HOST, port), timeout=10) as s1:
            s1.sendall(b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n")
            t0 = time.monotonic()
            try:
                closed = s1.recv(100) == b""
            except OSError:
                closed = True
            t.check("stalled headers are cut after --timeout", closed and time.monotonic() - t0 < 5,
                    f"{time.monotonic() - t0:.2f}s")
        with socket.create_connection((HOST, port), timeout=10) as s1:
            s1.sendall(b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                       b"Content-Length: 1000\r\n\r\n")
            t0 = time.monotonic()
            cut = False
            while time.monotonic() - t0 < 8:
                try:
                    s1.sendall(b"x")
                    time.sleep(0.5)
                except OSError:
                    cut = True
                    break
            t.check("a body dripping byte by byte is cut after --timeout", cut and time.monotonic() - t0 < 6,
                    f"{time.monotonic() - t0:.2f}s")
        alive("slow clients")
        # --max-connections: past the limit a connection is not accepted (it waits in the
        # kernel's backlog until one closes).
        held = [socket.create_connection((HOST, port), timeout=5) for _ in range(8)]
        try:
            time.sleep(0.2)
            try:
                request("GET", "/healthz", port=port, timeout=1)
                refused = False
            except OSError:
                refused = True
            t.check("--max-connections: the next connection is not served", refused)
        finally:
            for c in held:
                c.close()
        time.sleep(0.3)
        alive("--max-connections")
        proc.send_signal(signal.SIGTERM)
        try:
            rc = proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            rc = "still running after 10 s"
        log.seek(0)
        t.check("config daemon exits 0 after SIGTERM (clean under ASan: no leaks)", rc == 0, str(rc))
        lines = [ln for ln in log.read().decode("utf-8", "replace").splitlines() if ln.startswith("{")]
        try:
            recs = [json.loads(ln) for ln in lines]
            ok = recs and all({"ts", "id", "method", "path", "status", "ms"} <= set(r) for r in recs)
        except ValueError:
            ok = False
        t.check("--log-format json: one JSON object per request", ok and len(recs) > 20, "\n".join(lines[:3]))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)


def error_code_msg(body):
    try:
        return json.loads(body)["error"]["message"]
    except (ValueError, KeyError, TypeError):
        return ""


def extract_checks(t, port):
    """Extraction in each body form and output format; every article must fit the schema."""
    def article(name, path, body, headers):
        s, h, b = request("POST", path, body, headers, port)
        if not t.check(f"{name}: 200", s == 200, f"got {s} {b[:300]!r}"):
            return None
        t.check(f"{name}: content type", h.get("content-type") == "application/json; charset=utf-8", str(h))
        try:
            art = json.loads(b)
        except ValueError as e:
            t.check(f"{name}: JSON", False, str(e))
            return None
        errs = schema_errors(art)
        t.check(f"{name}: fits the schema", not errs, "; ".join(errs[:5]))
        return art

    meta = json.loads((SHARED / "bench" / "scrapinghub" / "meta.json").read_text(encoding="utf-8"))
    page_id = sorted(meta)[0]
    page_url = meta[page_id]["url"]
    gz = (SHARED / "bench" / "scrapinghub" / "html" / f"{page_id}.html.gz").read_bytes()
    html = gzip.decompress(gz)
    html_hdr = {"Content-Type": "text/html"}
    art = article("HTML page", "/v1/extract?url=" + page_url, html, html_hdr)
    if art:
        t.check("HTML page: input html", art.get("input") == "html", art.get("input"))
        t.check("HTML page: url echoed", art.get("url") == page_url, art.get("url"))
        t.check("HTML page: has paragraphs", len(art.get("paragraphs") or []) > 0)
        t.check("HTML page: no removed without explain", "removed" not in art)
    gz_art = article("gzip HTML page", "/v1/extract?url=" + page_url, gz, html_hdr)
    if art and gz_art:
        t.check("gzip HTML page: same article", gz_art == art)

    seed = sorted((SHARED / "seeds").glob("*.txt"))[0].read_bytes()
    text_art = article("text page", "/v1/extract", seed, {"Content-Type": "text/plain; charset=utf-8"})
    if text_art:
        t.check("text page: input text", text_art.get("input") == "text", text_art.get("input"))
        t.check("text page: url null", text_art.get("url") is None)

    cp = "Привет, мир. Это проверка кодировки.\n\nВторой абзац текста.\n".encode("windows-1251")
    cp_art = article("windows-1251 text", "/v1/extract", cp, {"Content-Type": "text/plain; charset=windows-1251"})
    if cp_art:
        t.check("windows-1251 text: decoded by the charset parameter",
                "Привет, мир" in json.dumps(cp_art, ensure_ascii=False), json.dumps(cp_art)[:300])

    j = json.dumps({"url": page_url, "html": html.decode("utf-8", "replace")}).encode()
    j_art = article("JSON body with html", "/v1/extract", j, {"Content-Type": "application/json"})
    if j_art:
        t.check("JSON body with html: input html", j_art.get("input") == "html", j_art.get("input"))
        t.check("JSON body with html: url", j_art.get("url") == page_url, j_art.get("url"))
    j = json.dumps({"text": seed.decode("utf-8")}).encode()
    j_art = article("JSON body with text", "/v1/extract", j, {"Content-Type": "application/json; charset=utf-8"})
    if j_art and text_art:
        t.check("JSON body with text: same article as text/plain", j_art == text_art)

    ex = article("explain=1", "/v1/extract?explain=1", seed, {"Content-Type": "text/plain"})
    if ex:
        t.check("explain=1: removed is a list", isinstance(ex.get("removed"), list), str(ex.get("removed"))[:200])

    pretty = request("POST", "/v1/extract?pretty=1", seed, {"Content-Type": "text/plain"}, port)
    t.check("pretty=1: indented JSON", pretty[0] == 200 and b'\n  "url"' in pretty[2], repr(pretty[2][:100]))

    s, h, b = request("POST", "/v1/extract?format=text", seed, {"Content-Type": "text/plain"}, port)
    t.check("format=text: 200", s == 200, f"{s} {b[:200]!r}")
    t.check("format=text: text/plain", h.get("content-type") == "text/plain; charset=utf-8", str(h))
    if text_art:
        t.check("format=text: the article's text alone", b.decode("utf-8") == text_art["text"],
                repr(b[:200]))

    # Concurrent requests on the thread pool.
    results = []

    def one():
        try:
            results.append(request("POST", "/v1/extract", seed, {"Content-Type": "text/plain"}, port)[0])
        except OSError as e:
            results.append(str(e))
    threads = [threading.Thread(target=one) for _ in range(16)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    t.check("16 concurrent requests all 200", results == [200] * 16, str(results))


def shutdown_checks(t, d):
    """SIGTERM while a slow request is in flight: it still gets its answer, new connections are
    refused, and the process exits 0 within a few seconds."""
    body = "Slow request paragraph one.\n\nSlow request paragraph two.\n".encode()
    head = (f"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode()
    with socket.create_connection((HOST, d.port), timeout=10) as s:
        s.sendall(head + body[:10])
        time.sleep(0.3)
        d.proc.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        refused = False
        try:
            request("GET", "/healthz", port=d.port, timeout=2)
        except OSError:
            refused = True
        t.check("after SIGTERM new connections are refused", refused)
        t.check("after SIGTERM the process waits for the request in flight", d.proc.poll() is None)
        s.sendall(body[10:])
        data = b""
        s.settimeout(10)
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
        except OSError:
            pass
    status, b = parse_raw(data)
    t.check("slow request in flight gets its answer", status == 200, repr(data[:300]))
    try:
        t.check("slow request answer fits the schema", not schema_errors(json.loads(b)))
    except ValueError:
        t.check("slow request answer is JSON", False, repr(b[:200]))
    try:
        rc = d.proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        rc = "still running after 5 s"
    t.check("exits 0 after SIGTERM", rc == 0, f"{rc}; {d.stderr()[-1500:]}")


def cli_checks(t, binary, root):
    """The command line: --version, --help, bad options (2), an unreadable rules dir (1)."""
    def run(*args):
        try:
            return subprocess.run([binary, *args], capture_output=True, text=True, timeout=10)
        except subprocess.TimeoutExpired as e:
            return subprocess.CompletedProcess(e.cmd, "still running after 10 s", "", str(e.stderr))
    r = run("--version")
    t.check("--version", r.returncode == 0 and r.stdout.startswith("winnowd "), r.stdout + r.stderr)
    r = run("--help")
    t.check("--help", r.returncode == 0 and "--max-body" in r.stdout, r.stderr)
    for args in (["--bogus"], ["--max-body", "0"], ["--timeout", "0"], ["--log-format", "xml"],
                 ["--max-connections", "x"], ["--budget", "-1"],
                 ["--max-body", "12X"], ["--threads", "0"],
                 ["--listen", "localhost"], ["--listen", "::1:80"], ["--listen", "127.0.0.1:70000"],
                 ["--rules"], ["extra-argument"]):
        r = run(*args)
        t.check(f"{' '.join(args)}: exit 2 with a message", r.returncode == 2 and r.stderr.strip(),
                f"rc={r.returncode} {r.stderr}")
    r = run("--config", "/nonexistent/winnowd.conf")
    t.check("missing config file: exit 1 with a message", r.returncode == 1 and "winnowd.conf" in r.stderr,
            f"rc={r.returncode} {r.stderr}")
    with tempfile.NamedTemporaryFile("w", suffix=".conf") as f:
        f.write("threads = 2\nno-such-option = 1\n")
        f.flush()
        r = run("--config", f.name)
        t.check("config file with an unknown option: exit 2 naming the line",
                r.returncode == 2 and ":2:" in r.stderr, f"rc={r.returncode} {r.stderr}")
    r = run("--rules", str(root / "no-such-rules-dir"), "--listen", f"{HOST}:{free_port()}")
    t.check("unreadable rules dir: exit 1 with a message",
            r.returncode == 1 and "no-such-rules-dir" in r.stderr, f"rc={r.returncode} {r.stderr}")


if __name__ == "__main__":
    main()
