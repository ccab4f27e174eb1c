#!/usr/bin/env python3
"""winnow(1): exit codes, error records, input forms, output formats, robustness.

  test_cli.py WINNOW_BIN

Prints 'N passed, N failed' last (see wn_testlib.Suite).
"""
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from wn_testlib import SHARED, Suite, schema_errors

WINNOW = sys.argv[1] if len(sys.argv) == 2 else sys.exit(__doc__)
BENCH = SHARED / "bench" / "scrapinghub" / "html"
SEED_RU = SHARED / "seeds" / "004_3e89b73850765df9.txt"
t = Suite()

HTML = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A test page</title></head>
<body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>A test page</h1>
<p>This is the first paragraph of a small article that exists only to exercise the command line.</p>
<p>This is the second paragraph, long enough to look like running text to any extractor.</p>
</article><footer>Copyright 2024</footer></body></html>
"""
TEXT = (b"Home\nAbout\n\nA test page\n\nThis is the first paragraph of a small article that "
        b"exists only to exercise the command line.\n\nThis is the second paragraph, long enough "
        b"to look like running text to any extractor.\n\nCopyright 2024\n")


def run(*args, stdin=b"", timeout=120):
    return subprocess.run([WINNOW, *map(str, args)], input=stdin, capture_output=True,
                          timeout=timeout)


def loads(out):
    try:
        return json.loads(out)
    except ValueError:
        return None


def jsonl(out):
    """The records of JSON Lines output; None if any line is not JSON."""
    recs = [loads(line) for line in out.decode("utf-8", "replace").splitlines()]
    return None if any(r is None for r in recs) else recs


def check_article(name, art, tagged):
    t.check(f"{name}: is an article", isinstance(art, dict) and "error" not in art, repr(art)[:200])
    if not isinstance(art, dict):
        return
    errs = schema_errors(art)
    t.check(f"{name}: schema", not errs, "; ".join(errs[:3]))
    t.check(f"{name}: id/file {'present' if tagged else 'absent'}",
            ("id" in art and "file" in art) == tagged and ("id" in art) == ("file" in art))


def check_error(name, rec, file, code):
    ok = (isinstance(rec, dict) and list(rec) == ["id", "file", "error"]
          and rec["file"] == file and rec["error"].get("code") == code
          and isinstance(rec["error"].get("message"), str) and rec["error"]["message"])
    t.check(f"{name}: error record {code}", ok, repr(rec)[:200])


def test_help_version():
    p = run("--version")
    t.check("--version", p.returncode == 0 and p.stdout.startswith(b"winnow ")
            and p.stdout.strip().split()[-1][:1].isdigit(), repr(p.stdout))
    for args in (["--help"], ["-h"], ["help"]):
        p = run(*args)
        t.check(f"{' '.join(args)}", p.returncode == 0 and b"extract" in p.stdout and not p.stderr)
    for args in (["help", "extract"], ["extract", "--help"]):
        p = run(*args)
        t.check(f"{' '.join(args)}", p.returncode == 0 and b"--format" in p.stdout
                and b"--no-rules" in p.stdout)


def test_usage_errors(d):
    page = d / "page.html"
    for args in ([], ["frobnicate"], ["--nope"], ["help", "nope"],
                 ["extract", "--bogus", page], ["extract", "--format"],
                 ["extract", "--format", "xml", page], ["extract", "--as", "pdf", page],
                 ["extract", "--url"]):
        p = run(*args)
        t.check(f"usage error {[str(a) for a in args]}",
                p.returncode == 2 and not p.stdout and b"usage:" in p.stderr,
                f"rc={p.returncode} stderr={p.stderr[:120]!r}")
    p = run("extract", "--rules", d / "no-such-dir", page)
    t.check("bad --rules dir exits 2", p.returncode == 2 and not p.stdout and p.stderr,
            f"rc={p.returncode}")


def test_one_file(d):
    page = d / "page.html"
    p = run("extract", page)
    art = loads(p.stdout)
    t.check("one file: exit 0", p.returncode == 0, p.stderr.decode(errors="replace")[:200])
    check_article("one file", art, tagged=False)
    t.check("one file: pretty-printed", p.stdout.startswith(b"{\n  \""))
    p = run("extract", "--format", "jsonl", page)
    recs = jsonl(p.stdout)
    t.check("one file jsonl: one line", recs is not None and len(recs) == 1 and p.returncode == 0)
    if recs:
        check_article("one file jsonl", recs[0], tagged=True)
        t.check("one file jsonl: id and file", recs[0].get("id") == "page"
                and recs[0].get("file") == str(page))
    # UTF-8 is written as is, not as \\u escapes.
    p = run("extract", "--no-rules", SEED_RU)
    t.check("utf-8 unescaped", p.returncode == 0 and "Москва".encode() in p.stdout
            and b"\\u04" not in p.stdout)


def test_several_files(d):
    good1, good2, missing = d / "page.html", d / "page.txt", d / "missing.html"
    p = run("extract", good1, missing, good2)
    recs = jsonl(p.stdout)
    t.check("several: exit 1 when one is missing", p.returncode == 1, f"rc={p.returncode}")
    t.check("several: three records", recs is not None and len(recs) == 3, repr(p.stdout[:200]))
    if recs and len(recs) == 3:
        t.check("several: ids in input order", [r.get("id") for r in recs] == ["page", "missing", "page"])
        t.check("several: files as given",
                [r.get("file") for r in recs] == [str(good1), str(missing), str(good2)])
        check_article("several[0]", recs[0], tagged=True)
        check_error("several[1]", recs[1], str(missing), "io_error")
        check_article("several[2]", recs[2], tagged=True)
    t.check("several: message on stderr", str(missing).encode() in p.stderr)
    p = run("extract", good1, good2)
    t.check("several: exit 0 when all succeed", p.returncode == 0 and jsonl(p.stdout)
            and len(jsonl(p.stdout)) == 2)
    p = run("extract", "--format", "json", good1, good2)
    t.check("several --format json: exit 0", p.returncode == 0)


def test_failures(d):
    empty, corrupt, big = d / "empty.txt", d / "corrupt.html.gz", d / "big.html"
    cases = [(empty, "empty_input"), (corrupt, "bad_compression"), (big, "too_large"),
             (d, "io_error")]
    for path, code in cases:
        p = run("extract", path)
        t.check(f"{path.name}: exit 1", p.returncode == 1, f"rc={p.returncode}")
        check_error(path.name, loads(p.stdout), str(path), code)
        t.check(f"{path.name}: message on stderr", p.stderr.startswith(b"winnow: "))
    # A file name that is not UTF-8 still gives valid JSON (U+FFFD in "file").
    odd = os.path.join(os.fsencode(d), b"odd\xff.txt")
    with open(odd, "wb") as f:
        f.write(TEXT)
    p = subprocess.run([os.fsencode(WINNOW), b"extract", b"--format", b"jsonl", odd],
                       capture_output=True, timeout=60)
    recs = jsonl(p.stdout)
    t.check("non-UTF-8 file name", p.returncode == 0 and recs and recs[0].get("file", "").endswith(
        "odd\ufffd.txt") and recs[0].get("id") == "odd\ufffd", repr(p.stdout[:200]))


def test_stdin(d):
    p = run("extract", "-", stdin=TEXT)
    art = loads(p.stdout)
    t.check("stdin '-': exit 0", p.returncode == 0)
    check_article("stdin '-'", art, tagged=False)
    p = run("extract", stdin=TEXT)
    t.check("no FILE reads stdin", p.returncode == 0 and loads(p.stdout) == art)
    p = run("extract", "--format", "jsonl", "-", stdin=TEXT)
    recs = jsonl(p.stdout)
    t.check("stdin jsonl: id and file '-'", recs and recs[0].get("id") == "-"
            and recs[0].get("file") == "-")
    p = run("extract", "-", stdin=b"")
    check_error("empty stdin", loads(p.stdout), "-", "empty_input")


def test_gzip_and_kind(d):
    plain = loads(run("extract", d / "page.html").stdout) or {}
    gz = loads(run("extract", d / "page.html.gz").stdout) or {}
    t.check("gzip input: same article", gz and gz.get("paragraphs") == plain.get("paragraphs")
            and gz.get("title") == plain.get("title") and gz.get("input") == "html",
            f"{gz.get('input')} {str(gz.get('paragraphs'))[:120]}")
    t.check("html detected", plain.get("input") == "html", str(plain.get("input")))
    txt = loads(run("extract", d / "page.txt").stdout) or {}
    t.check("text detected", txt.get("input") == "text", str(txt.get("input")))
    as_text = loads(run("extract", "--as", "text", d / "page.html").stdout) or {}
    t.check("--as text", as_text.get("input") == "text", str(as_text.get("input")))
    as_html = loads(run("extract", "--as", "html", d / "page.txt").stdout) or {}
    t.check("--as html", as_html.get("input") == "html", str(as_html.get("input")))


def test_text_format(d):
    files = [d / "page.html", d / "page.txt", d / "empty.txt"]
    texts = [(loads(run("extract", f).stdout) or {}).get("text", "") for f in files]
    p = run("extract", "--format", "text", files[0])
    want = texts[0] + "\n" if texts[0] else ""
    t.check("text: one file", p.returncode == 0 and p.stdout.decode() == want, repr(p.stdout[:120]))
    p = run("extract", "--format", "text", *files)
    chunks = p.stdout.decode().split("\f\n")
    t.check("text: several, form-feed separated, failed one empty",
            p.returncode == 1 and chunks == [x + "\n" if x else "" for x in texts],
            repr(p.stdout[:200]))


def test_rules_explain(d):
    p = run("extract", "--no-rules", d / "page.html")
    art = loads(p.stdout) or {}
    t.check("--no-rules", p.returncode == 0 and art.get("rules") == [])
    (d / "rules").mkdir(exist_ok=True)
    p = run("extract", "--rules", d / "rules", d / "page.html")
    t.check("--rules DIR (empty)", p.returncode == 0 and (loads(p.stdout) or {}).get("rules") == [])
    t.check("no removed without --explain", "removed" not in art)
    p = run("extract", "--explain", d / "page.html")
    art = loads(p.stdout) or {}
    t.check("--explain: removed", p.returncode == 0 and isinstance(art.get("removed"), list))
    errs = schema_errors(art)
    t.check("--explain: schema", not errs, "; ".join(errs[:3]))


def test_write_errors():
    files = sorted(BENCH.glob("*.html.gz"))
    # A reader that goes away after one line: no crash, no noise.
    proc = subprocess.Popen([WINNOW, "extract", "--format", "jsonl", *files],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    rc = proc.wait(timeout=300)
    t.check("closed pipe: first record", loads(first) is not None)
    t.check("closed pipe: no crash", rc in (0, 1) and b"Sanitizer" not in err
            and b"runtime error" not in err, f"rc={rc} {err[:200]!r}")
    t.check("closed pipe: quiet", b"write error" not in err, repr(err[:200]))
    if os.path.exists("/dev/full"):
        with open("/dev/full", "wb") as full:
            p = subprocess.run([WINNOW, "extract", files[0]], stdout=full, stderr=subprocess.PIPE,
                               timeout=60)
        t.check("full disk: exit 1 with message", p.returncode == 1 and b"write error" in p.stderr,
                f"rc={p.returncode} {p.stderr[:200]!r}")


def test_bench():
    files = sorted(BENCH.glob("*.html.gz"))
    t.check("bench: 181 pages", len(files) == 181, str(len(files)))
    p = run("extract", "--format", "jsonl", *files, timeout=540)
    recs = jsonl(p.stdout) or []
    t.check("bench: exit 0", p.returncode == 0, p.stderr.decode(errors="replace")[:300])
    t.check("bench: one record per page", len(recs) == len(files), str(len(recs)))
    t.check("bench: input order", [r.get("file") for r in recs] == [str(f) for f in files]
            and [r.get("id") for r in recs] == [f.name.split(".")[0] for f in files])
    bad = [r.get("id") for r in recs if "error" in r]
    t.check("bench: no error record", not bad, str(bad[:5]))
    invalid = [(r.get("id"), e) for r in recs for e in schema_errors(r)[:1]]
    t.check("bench: every record valid", not invalid, str(invalid[:3]))
    empty = [r.get("id") for r in recs if not (r.get("text") or "").strip()]
    t.check("bench: non-empty text", not empty, f"{len(empty)} empty, e.g. {empty[:3]}")


def main():
    with tempfile.TemporaryDirectory(prefix="wn-cli-") as tmp:
        d = Path(tmp)
        (d / "page.html").write_bytes(HTML)
        (d / "page.html.gz").write_bytes(gzip.compress(HTML))
        (d / "page.txt").write_bytes(TEXT)
        (d / "empty.txt").write_bytes(b"")
        (d / "corrupt.html.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"\xff" * 64)
        with open(d / "big.html", "wb") as f:  # sparse: over the 64 MiB cap, no disk used
            f.truncate((64 << 20) + 1)
        test_help_version()
        test_usage_errors(d)
        test_one_file(d)
        test_several_files(d)
        test_failures(d)
        test_stdin(d)
        test_gzip_and_kind(d)
        test_text_format(d)
        test_rules_explain(d)
    test_write_errors()
    test_bench()
    t.finish()


if __name__ == "__main__":
    main()
