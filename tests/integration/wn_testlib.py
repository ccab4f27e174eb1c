"""Helpers shared by the Python integration and golden tests.

Tests run under /usr/bin/python3 (Debian's, with python3-jsonschema from ./run deps).
Each test script ends by printing 'N passed, N failed' (see Suite) and exits non-zero on failure.
"""
import json
import os
import socket
import sys
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("WN_SHARED") or ROOT.parent / "shared")
SCHEMA = json.loads((ROOT / "docs" / "article.schema.json").read_text(encoding="utf-8"))
_VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def schema_errors(article):
    """List of messages for each way article breaks docs/article.schema.json (empty if valid)."""
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in _VALIDATOR.iter_errors(article)]


def free_port():
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Suite:
    """Counts named checks; check() never raises, so one failure does not hide the rest."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {name}{': ' + detail if detail else ''}", file=sys.stderr)
        return ok

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed")
        sys.exit(1 if self.failed or not self.passed else 0)
