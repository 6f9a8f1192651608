#!/usr/bin/env python3
"""The migration guide's four-line grep, scored against the usage oracle.

The guide finds eventlet with
    grep -rnw 'import eventlet'        grep -rnw 'from eventlet'
    grep -rnw 'eventlet.spawn'         grep -rnw 'eventlet.monkey_patch'
This runs the same four searches over ROOT's *.py files (the files the oracle
reads) with grep -w semantics: a match must not touch a word character
(letter, digit, underscore) on either side, and '.' matches any character.
Lines are split at '\\n' only, as grep does. Scoring: a hit line (unique
path:line) is right when the oracle has a site on it; an oracle site is found
when its line is a hit line; a file with oracle sites is found when grep hits
any line of it.

Usage: grep_baseline.py ROOT ORACLE_JSONL [--json]
"""
import argparse
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from usage_oracle import python_files  # noqa: E402  (the same file set as the oracle)

PATTERNS = ["import eventlet", "from eventlet", "eventlet.spawn", "eventlet.monkey_patch"]
# The patterns are used as the regular expressions grep would see: only '.' is special in them.
WORD = [re.compile(r"(?<!\w)" + p + r"(?!\w)") for p in PATTERNS]


def grep_hits(root):
    """{(path, line)} of lines matched by any pattern, and per-pattern hit-line counts."""
    hits, per_pattern = set(), [0] * len(PATTERNS)
    for full, rel in python_files(root):
        with open(full, "rb") as f:
            text = f.read().decode("utf-8", "replace")
        if "eventlet" not in text:
            continue
        for number, line in enumerate(text.split("\n"), 1):
            matched = False
            for i, pattern in enumerate(WORD):
                if pattern.search(line):
                    per_pattern[i] += 1
                    matched = True
            if matched:
                hits.add((rel, number))
    return hits, per_pattern


def score(root, oracle_file):
    sites = []
    with open(oracle_file, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                if r.get("layer", "direct") == "direct":  # the grep looks for eventlet's own names
                    sites.append((r["path"], r["line"]))
    hits, per_pattern = grep_hits(root)
    site_lines = set(sites)
    files = {p for p, _ in sites}
    files_hit = files & {p for p, _ in hits}
    right = len(hits & site_lines)
    found = sum(1 for s in sites if s in hits)

    def ratio(a, b):
        return round(a / b, 4) if b else None

    return {
        "hitLines": len(hits),
        "hitLinesPerPattern": dict(zip(PATTERNS, per_pattern)),
        "hitLinesWithASite": right,
        "precision": ratio(right, len(hits)),
        "oracleSites": len(sites),
        "sitesOnAHitLine": found,
        "recall": ratio(found, len(sites)),
        "filesWithSites": len(files),
        "filesWithSitesHit": len(files_hit),
        "fileRecall": ratio(len(files_hit), len(files)),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root")
    parser.add_argument("oracle", help="the oracle's JSON lines for the same ROOT")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args(argv)
    s = score(args.root, args.oracle)
    if args.json:
        print(json.dumps(s, sort_keys=True))
        return
    print("guide's four-line grep vs the usage oracle")
    for p, n in s["hitLinesPerPattern"].items():
        print(f"  grep -rnw {p!r:26} {n:6} hit lines")
    rows = [
        ("hit lines (unique path:line)", s["hitLines"], ""),
        ("hit lines with an oracle site", s["hitLinesWithASite"], f"precision {s['precision']}"),
        ("oracle sites", s["oracleSites"], ""),
        ("oracle sites on a hit line", s["sitesOnAHitLine"], f"recall {s['recall']}"),
        ("files with oracle sites", s["filesWithSites"], ""),
        ("  of which grep hits", s["filesWithSitesHit"], f"file recall {s['fileRecall']}"),
    ]
    for label, n, note in rows:
        print(f"  {label:36} {n:6}  {note}".rstrip())


if __name__ == "__main__":
    main()
