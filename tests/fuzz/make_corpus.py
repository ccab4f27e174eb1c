#!/usr/bin/env python3
"""make_corpus.py TARGET OUTDIR [--source DIR] [--shared DIR] -- seed corpus
of one fuzz target, built from ../shared and the checkout.

The seeds are real inputs in the layout the target reads (fuzz.h: a mode
byte, then the payload): a deterministic sample of the benchmark pages
(HTML and scraped text), the seed pages, the ftr-site-config rule files and
the bundled rules.  OUTDIR is outside git (e.g. build-fuzz/corpus/TARGET);
it is created, and files already there are kept.  Pages are cut to the
fuzzers' -max_len so a 60 s run does not spend its time on one big page.
"""
import argparse
import gzip
import hashlib
import json
import os
import sys

MAX_LEN = 65536 - 1  # run_fuzz.sh's -max_len, less the mode byte


def sample(paths, n):
    """Every k-th of the sorted paths: n of them, the same on every machine."""
    paths = sorted(paths)
    if len(paths) <= n:
        return paths
    step = len(paths) / n
    return [paths[int(i * step)] for i in range(n)]


def files(d, suffix):
    if not os.path.isdir(d):
        return []
    return [os.path.join(d, f) for f in os.listdir(d) if f.endswith(suffix)]


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    return gzip.decompress(data) if path.endswith(".gz") else data


class Corpus:
    def __init__(self, out):
        self.out = out
        self.n = 0
        os.makedirs(out, exist_ok=True)

    def add(self, mode, payload):
        data = bytes([mode]) + payload[:MAX_LEN]
        name = hashlib.sha1(data).hexdigest()
        with open(os.path.join(self.out, name), "wb") as f:
            f.write(data)
        self.n += 1


def bench_html(shared, n):
    pages = []
    for b in ("scrapinghub", "wcxb-dev"):
        pages += sample(files(os.path.join(shared, "bench", b, "html"), ".html.gz"), n)
    return pages


def bench_text(shared, n):
    texts = files(os.path.join(shared, "seeds"), ".txt")
    for b in ("scrapinghub", "wcxb-dev"):
        texts += sample(files(os.path.join(shared, "bench", b, "text"), ".txt"), n)
    return texts


def html(c, src, shared):
    # bit 0 gzip, bit 1 AUTO, bit 2 windows-1251, bits 3-4 limits.
    for i, p in enumerate(bench_html(shared, 20)):
        page = read(p)
        c.add(0, page)
        c.add(1 if i % 2 else 2, page)
        if i % 5 == 0:
            with open(p, "rb") as f:
                c.add(2, f.read())  # the gzip bytes themselves, sniffed
            c.add(8 | 16, page)
    for root, _, names in os.walk(os.path.join(src, "tests")):
        for f in names:
            if f.endswith((".html", ".html.gz")):
                c.add(0, read(os.path.join(root, f)))


def text(c, src, shared):
    # payload: charset name, '\n', bytes.  bit 0 no charset, bit 1 as HTML.
    for i, p in enumerate(bench_text(shared, 10)):
        t = read(p)
        c.add(0, b"utf-8\n" + t)
        u = t.decode("utf-8", "replace")
        for cs in ("windows-1251", "koi8-r", "utf-16le", "iso-8859-1"):
            c.add(0 if i % 2 else 1, cs.encode() + b"\n" + u.encode(cs, "replace"))
    for p in bench_html(shared, 3):
        c.add(2, b"\n" + read(p))
    c.add(1, b"\n\xef\xbb\xbfBOM text\n\nsecond block\n")
    c.add(0, b"x-unknown-charset\n\xd0\xbf\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82\n")


def rules(c, src, shared):
    # payload: rule file, NUL, page text.  bit 1 match by URL.
    ftr = sample(files(os.path.join(shared, "ftr-site-config"), ".txt"), 120)
    for p in ftr:
        c.add(2, read(p))
    texts = files(os.path.join(shared, "seeds"), ".txt")
    bundled = files(os.path.join(src, "rules", "sites"), ".txt")
    bundled += files(os.path.join(src, "tests", "unit", "data", "rules"), ".txt")
    for p in bundled:
        c.add(2, read(p))
        for t in texts:
            c.add(0, read(p) + b"\0" + read(t))


# fuzz_selector.c's directives, by mode & 15.
SELECTOR_DIRECTIVES = ["body", "strip", "title", "author", "date", "next_page_link",
                       "single_page_link", "body_css", "strip_css", "title_css", "author_css",
                       "date_css", "strip_id_or_class", "strip_image_src"]


def selector(c, src, shared):
    # payload: selector lines, NUL, HTML page; mode & 15 names the directive.
    by_name = {}
    for p in sample(files(os.path.join(shared, "ftr-site-config"), ".txt"), 300):
        for line in read(p).splitlines():
            name, sep, value = line.partition(b":")
            name = name.strip().decode("ascii", "replace")
            if sep and name in SELECTOR_DIRECTIVES and value.strip():
                by_name.setdefault(name, []).append(value.strip())
    by_name.setdefault("body_css", []).extend(
        [b"article.post > p", b"#main .story p:first-child", b"div[itemprop=articleBody]",
         b"h1, h2.headline", b"ul li:not(.ad) a[href^='/']", b"* + p ~ div"])
    by_name.setdefault("strip_css", []).extend([b".share, .related", b"nav", b"[class*=promo]"])
    pages = [read(p) for p in bench_html(shared, 4)]
    for name, values in sorted(by_name.items()):
        mode = SELECTOR_DIRECTIVES.index(name)
        for i, v in enumerate(values[:40]):
            c.add(mode, v)
            if i < len(pages):
                c.add(mode | (16 if i % 2 else 0), v + b"\0" + pages[i])


def extract(c, src, shared):
    # bits 0-1 kind (1 HTML, 2 TEXT); bits 4-7 URL of bundled rule file n-2.
    for i, p in enumerate(bench_html(shared, 15)):
        c.add(1 if i % 2 else 1 | 4, read(p))
    n_bundled = len(files(os.path.join(src, "rules", "sites"), ".txt"))
    for p in files(os.path.join(shared, "seeds"), ".txt"):
        c.add(2, read(p))
        for r in range(n_bundled):
            c.add(2 | 4 | (r + 2) << 4, read(p))
    for p in bench_text(shared, 5):
        c.add(0, read(p))


def request(c, src, shared):
    # fuzz_request.c's layout: METHOD SP PATH?QUERY LF (NAME: VALUE LF)* LF BODY;
    # mode bit 0 sets an admin token, bit 1 a 4 KiB body cap.
    gets = [b"GET /healthz", b"GET /readyz", b"GET /metrics", b"GET /v1/version",
            b"GET /v1/rules", b"DELETE /v1/extract", b"GET /nope"]
    for g in gets:
        c.add(0, g + b"\n\n")
    for i, p in enumerate(bench_html(shared, 4)):
        q = b"?url=https://example.com/a&explain=1" if i % 2 else b"?format=text"
        c.add(i & 2, b"POST /v1/extract" + q + b"\nContent-Type: text/html; charset=utf-8\n\n" + read(p))
    for p in files(os.path.join(shared, "seeds"), ".txt"):
        body = read(p)
        c.add(0, b"POST /v1/extract\nContent-Type: text/plain\n\n" + body)
        line = json.dumps({"id": "1", "text": body.decode("utf-8", "replace")}).encode()
        c.add(0, b"POST /v1/extract/batch\nContent-Type: application/x-ndjson\n\n" + line + b"\n{bad\n")
        c.add(0, b"POST /v1/extract\nContent-Type: application/json\n\n" + line)
    c.add(0, b"POST /v1/extract\nContent-Type: text/html\nContent-Encoding: gzip\n\n"
          + gzip.compress(b"<p>" + b"a" * 100000 + b"</p>"))
    rule = b"text_drop_line: ^Share$\ntest_url: https://tass.com/x\n"
    c.add(0, b"POST /v1/rules/test\nContent-Type: application/json\n\n"
          + json.dumps({"rules": rule.decode(), "url": "https://tass.com/x", "text": "Share\nBody."}).encode())
    c.add(1, b"POST /v1/rules/reload\nAuthorization: Bearer fuzz\n\n")


TARGETS = {"html": html, "text": text, "rules": rules, "selector": selector,
           "extract": extract, "request": request}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("target")
    ap.add_argument("out")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--source", default=os.path.join(here, "..", ".."))
    ap.add_argument("--shared", default=None)
    a = ap.parse_args()
    shared = a.shared or os.path.join(a.source, "..", "shared")
    c = Corpus(a.out)
    if a.target in TARGETS:
        TARGETS[a.target](c, a.source, shared)
    if c.n == 0:
        # A target without seeds here (or no ../shared) starts from one
        # small input; libFuzzer needs a non-empty corpus to say so.
        c.add(0, b"\n")
    print(f"make_corpus: {c.n} seeds for {a.target} in {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
