#!/usr/bin/env python3
"""Golden tests as data: run `winnow extract --format json` on each case and compare.

  run_golden.py WINNOW_BIN CASES_DIR [--seeds SEEDS_DIR]

Each CASES_DIR/<case>/ holds one input file (input.html, input.txt, or either with .gz) and
expected.json: any article key whose value must be equal, plus
  "images":   a list; image i must have the keys given equal (an empty list: no images at all),
  "contains": strings the text must contain,
  "absent":   strings the text must not contain,
  "count":    {string: n}: how many times the text must contain each string,
  "removed":  [[line, reason], ...]: lines --explain must list as removed, each with a reason
              that contains the one given (the case then runs with --explain),
  "not_removed": [[line, reason], ...]: lines --explain must not list with that reason,
  "args":     extra arguments for winnow extract (e.g. ["--url", "https://..."]); "{case}" in
              an argument stands for the case's directory (e.g. ["--rules", "{case}/rules"]),
  "about":    what the case shows, in a sentence (not checked).
A new case is a new directory.  With --seeds, each SEEDS_DIR/NAME.expected.json (its "input" is
the page, "format" and "site" describe it) is checked the same way as ../shared/tools/check_seeds.py
does, once without and once with --url.  Every output is validated against
docs/article.schema.json.  One check per field; prints 'N passed, N failed' last.
"""
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))
from wn_testlib import Suite, schema_errors  # noqa: E402

# Site URLs of the seed pages (as ../shared/tools/check_seeds.py has them).
SEED_URLS = {"tass.com": "https://tass.com/politics/1023519",
             "vseinfo.com": "https://vseinfo.com/news/mid-kiberugrozy"}
# Keys of expected.json that are not article fields.
CASE_META = ("args", "absent", "contains", "count", "removed", "not_removed", "about")
SEED_META = ("input", "format", "absent", "contains", "args")


def short(v):
    return json.dumps(v, ensure_ascii=False)[:160]


def run(winnow, args, path):
    """The parsed JSON output, or (None, reason) when the run failed."""
    cmd = [winnow, "extract", "--format", "json", *args, str(path)]
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        return None, "timed out"
    if p.returncode != 0:
        return None, f"exit {p.returncode}: {p.stderr.decode('utf-8', 'replace').strip()[:200]}"
    try:
        return json.loads(p.stdout), ""
    except ValueError as e:
        return None, f"bad JSON: {e}"


def compare(suite, name, exp, got, why, meta):
    """One check per expected field of exp against got (None: every check fails with why)."""
    if not suite.check(f"{name} runs", got is not None, why):
        got = {}
    else:
        errs = schema_errors(got)
        suite.check(f"{name} schema", not errs, "; ".join(errs[:3]))
    text = got.get("text") or ""
    for key, want in exp.items():
        if key in meta:
            continue
        have = got.get(key)
        if key == "images" and isinstance(want, list):
            imgs = have if isinstance(have, list) else []
            ok = imgs == [] if want == [] else all(
                i < len(imgs) and isinstance(imgs[i], dict) and
                all(imgs[i].get(k) == v for k, v in w.items())
                for i, w in enumerate(want))
        else:
            ok = key in got and have == want
        suite.check(f"{name} {key}", ok, f"want {short(want)} have {short(have)}")
    for s in exp.get("contains", []):
        suite.check(f"{name} contains {s[:40]!r}", s in text)
    for s in exp.get("absent", []):
        suite.check(f"{name} absent {s[:40]!r}", s not in text)
    for s, n in exp.get("count", {}).items():
        suite.check(f"{name} count {s[:40]!r}", text.count(s) == n, f"want {n} have {text.count(s)}")
    removed = got.get("removed") or []
    for want, listed in (("removed", True), ("not_removed", False)):
        for line, reason in exp.get(want, []):
            hit = any(r.get("text") == line and reason in (r.get("reason") or "") for r in removed)
            suite.check(f"{name} {want} {line[:40]!r}", hit == listed, f"reason {reason!r}")


def case_input(case):
    """The one input.* file of a case directory, or None."""
    found = sorted(p for p in case.iterdir() if p.name.startswith("input."))
    return found[0] if len(found) == 1 else None


def main():
    argv = sys.argv[1:]
    seeds = None
    if "--seeds" in argv:
        i = argv.index("--seeds")
        if i + 1 >= len(argv):
            sys.exit(__doc__)
        seeds = Path(argv[i + 1])
        del argv[i:i + 2]
    if len(argv) != 2:
        sys.exit(__doc__)
    winnow, cases = argv[0], Path(argv[1])
    suite = Suite()

    dirs = sorted(d for d in cases.iterdir() if d.is_dir())
    suite.check("cases found", bool(dirs), str(cases))
    for case in dirs:
        exp_file, inp = case / "expected.json", case_input(case)
        if not suite.check(f"{case.name} layout", exp_file.is_file() and inp is not None,
                           "needs expected.json and exactly one input.* file"):
            continue
        exp = json.loads(exp_file.read_text(encoding="utf-8"))
        args = [a.replace("{case}", str(case)) for a in exp.get("args", [])]
        if "removed" in exp or "not_removed" in exp:
            args.append("--explain")
        got, why = run(winnow, args, inp)
        compare(suite, case.name, exp, got, why, CASE_META)

    if seeds is not None:
        exps = sorted(seeds.glob("*.expected.json"))
        suite.check("seeds found", bool(exps), str(seeds))
        for exp_file in exps:
            exp = json.loads(exp_file.read_text(encoding="utf-8"))
            page = seeds / exp["input"]
            got, why = run(winnow, [], page)
            compare(suite, f"seed {page.stem}", exp, got, why, SEED_META)
            url = SEED_URLS.get(exp.get("site"))
            if suite.check(f"seed {page.stem} has a URL", url is not None, str(exp.get("site"))):
                got, why = run(winnow, ["--url", url], page)
                compare(suite, f"seed {page.stem} --url", exp, got, why, SEED_META)
    suite.finish()


if __name__ == "__main__":
    main()
