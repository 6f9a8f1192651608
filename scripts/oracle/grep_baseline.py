#!/usr/bin/env python3
"""The migration guide's four-line grep, measured against the usage oracle.

The guide suggests finding eventlet with:
    grep -rnw 'import eventlet'   grep -rnw 'from eventlet'
    grep -rnw 'eventlet.spawn'    grep -rnw 'eventlet.monkey_patch'
This reproduces those four searches over ROOT's *.py files (grep -w semantics:
the match must not touch word characters on either side; '.' matches any
character, as in grep's regular expressions) and scores them against the
oracle's usage sites: a grep hit line is right when the oracle has a site on
it; an oracle site is found when its line is a hit.

Usage: grep_baseline.py ROOT ORACLE_JSONL [--json]
"""
import argparse
import json
import os
import re

PATTERNS = ["import eventlet", "from eventlet", "eventlet.spawn", "eventlet.monkey_patch"]
WORD = re.compile("|".join(r"(?<!\w)" + p.replace(" ", r" ") + r"(?!\w)" for p in PATTERNS))
SKIP_DIRS = {".git", ".tox", ".nox", "__pycache__", "build", "dist", "venv", ".venv", "node_modules"}


def grep_hits(root):
    hits = set()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.endswith(".egg-info"))
        for name in sorted(filenames):
            if not name.endswith(".py"):
                continue
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, root).replace(os.sep, "/")
            with open(full, encoding="utf-8", errors="replace") as f:
                for number, line in enumerate(f, 1):
                    if WORD.search(line):
                        hits.add((rel, number))
    return hits


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root")
    parser.add_argument("oracle")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sites = []
    with open(args.oracle, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                sites.append((r["path"], r["line"]))
    hits = grep_hits(args.root)
    site_lines = set(sites)
    right = sum(1 for h in hits if h in site_lines)
    found = sum(1 for s in sites if s in hits)
    files = {p for p, _ in sites}
    files_hit = {p for p, _ in hits}
    figures = {
        "grepHitLines": len(hits),
        "hitLinesWithAUsage": right,
        "precision": round(right / len(hits), 4) if hits else 1.0,
        "oracleSites": len(sites),
        "sitesOnAHitLine": found,
        "recall": round(found / len(sites), 4) if sites else 1.0,
        "filesWithUsage": len(files),
        "filesWithUsageHit": len(files & files_hit),
        "fileRecall": round(len(files & files_hit) / len(files), 4) if files else 1.0,
    }
    if args.json:
        print(json.dumps(figures, sort_keys=True))
    else:
        print("guide's 4-line grep: {grepHitLines} hit lines, {hitLinesWithAUsage} with a usage site "
              "(precision {precision}); {sitesOnAHitLine} of {oracleSites} usage sites on a hit line "
              "(recall {recall}); {filesWithUsageHit} of {filesWithUsage} files with usage hit "
              "(file recall {fileRecall})".format(**figures))


if __name__ == "__main__":
    main()
