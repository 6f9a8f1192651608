#!/usr/bin/env python3
"""Compare eventlet-scan's JSON report with the usage oracle, site by site.

Sites are keyed on (path, line, canonical symbol) and counted as multisets.
Direct findings (no "via") are scored against the oracle's direct layer,
indirect findings against its indirect layer; a site both report in
different layers is listed apart ("layer disagreements"). Files: those with
an oracle site in either layer against those with a Python usage finding.

Usage: compare.py ROOT SCAN.json [--oracle SITES.jsonl] [--name NAME] [--top N] [--json]
"""
import argparse
import collections
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

# the scanner's usages the oracle also reports: dependency, text and query findings are outside its scope
PYTHON_USAGES = {"import", "call", "decorator", "base-class", "with", "except", "reference", "mock", "string"}


# categories that report beside the inventory, on sites it already counts: hazards say what breaks under threads
BESIDE = {"threading-hazard"}


def tracked(symbol):
    return symbol.split(".", 1)[0] in ("eventlet", "greenlet")


def oracle_rows(root, oracle_file):
    if oracle_file:
        with open(oracle_file, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    import indirect_layer
    import usage_oracle
    usage_oracle.quiet()
    rows, *_ = indirect_layer.scan_project(root, sys.stderr, jobs=min(os.cpu_count() or 1, 8))
    return rows


def key(path, line, symbol):
    return path, line, symbol


def surplus(a, b):
    """What multiset a holds beyond b."""
    return collections.Counter({k: n - b.get(k, 0) for k, n in a.items() if n > b.get(k, 0)})


def matched(a, b):
    return sum(min(n, b.get(k, 0)) for k, n in a.items())


def ratio(a, b):
    return round(a / b, 4) if b else None


def compare(rows, report):
    od, oi, construct = collections.Counter(), collections.Counter(), {}
    for r in rows:
        k = key(r["path"], r["line"], r["symbol"])
        if r.get("layer", "direct") == "direct":
            od[k] += 1
        else:
            oi[k] += 1
            construct.setdefault(k, r.get("construct", "?"))
    sd, si, via = collections.Counter(), collections.Counter(), {}
    scanned_files = set()
    for f in report["findings"]:
        if f.get("usage") not in PYTHON_USAGES or not tracked(f.get("symbol", "")) or f.get("category") in BESIDE:
            continue
        k = key(f["path"], f["line"], f["symbol"])
        scanned_files.add(f["path"])
        if f.get("via"):
            si[k] += 1
            via.setdefault(k, " > ".join(h["name"] for h in f["via"]))
        else:
            sd[k] += 1
    direct_hits, indirect_hits = matched(od, sd), matched(oi, si)
    missed_direct, extra_direct = surplus(od, sd), surplus(sd, od)
    missed_indirect, extra_indirect = surplus(oi, si), surplus(si, oi)
    # the same site reported by both, but each in the other layer
    layer_scanner_indirect = collections.Counter({k: min(n, extra_indirect[k]) for k, n in missed_direct.items()
                                                  if extra_indirect.get(k)})
    layer_scanner_direct = collections.Counter({k: min(n, extra_direct[k]) for k, n in missed_indirect.items()
                                                if extra_direct.get(k)})
    # the same site in the same layer, named differently (typically one symbol extends the other)
    renamed = sorted(f"{p}:{line} oracle {s}, scanner {t}"
                     for (p, line, s) in missed_indirect for (q, other, t) in extra_indirect
                     if (p, line) == (q, other) and (s.startswith(t + ".") or t.startswith(s + ".")))
    by_construct = collections.defaultdict(lambda: [0, 0])
    for k, n in oi.items():
        by_construct[construct[k]][0] += n
        by_construct[construct[k]][1] += min(n, si.get(k, 0))
    oracle_files = {p for p, _, _ in od} | {p for p, _, _ in oi}
    return {
        "direct": {"oracle": sum(od.values()), "scanner": sum(sd.values()), "matched": direct_hits,
                   "precision": ratio(direct_hits, sum(sd.values())), "recall": ratio(direct_hits, sum(od.values()))},
        "indirect": {"oracle": sum(oi.values()), "scanner": sum(si.values()), "matched": indirect_hits,
                     "precision": ratio(indirect_hits, sum(si.values())), "recall": ratio(indirect_hits, sum(oi.values())),
                     "recallByConstruct": {c: {"oracle": t, "matched": m, "recall": ratio(m, t)}
                                           for c, (t, m) in sorted(by_construct.items())}},
        "files": {"oracle": len(oracle_files), "scanner": len(scanned_files),
                  "found": len(oracle_files & scanned_files), "missing": sorted(oracle_files - scanned_files),
                  "scannerOnly": sorted(scanned_files - oracle_files)},
        "layerDisagreements": {
            "oracleDirectScannerIndirect": sorted(f"{p}:{line} {s} (via {via.get((p, line, s))})"
                                                  for (p, line, s) in layer_scanner_indirect),
            "oracleIndirectScannerDirect": sorted(f"{p}:{line} {s}" for (p, line, s) in layer_scanner_direct)},
        "indirectSymbolDisagreements": renamed,
        "missedDirect": lines(missed_direct - layer_scanner_indirect),
        "extraDirect": lines(extra_direct - layer_scanner_direct),
        "missedIndirect": lines(missed_indirect - layer_scanner_direct, construct),
        "extraIndirect": lines(extra_indirect - layer_scanner_indirect, via, "via "),
    }


def lines(counter, notes=None, prefix=""):
    out = []
    for (p, line, s), n in sorted(counter.items()):
        note = f" [{prefix}{notes[(p, line, s)]}]" if notes and (p, line, s) in notes else ""
        out.append(f"{p}:{line} {s}{note}" + (f" x{n}" if n > 1 else ""))
    return out


def render(name, c, top):
    d, i, f = c["direct"], c["indirect"], c["files"]
    out = [f"{name}",
           f"  direct:   oracle {d['oracle']}, scanner {d['scanner']}, matched {d['matched']}:"
           f" precision {d['precision']}, recall {d['recall']}",
           f"  indirect: oracle {i['oracle']}, scanner {i['scanner']}, matched {i['matched']}:"
           f" precision {i['precision']}, recall {i['recall']}"]
    for construct, r in i["recallByConstruct"].items():
        out.append(f"    {construct}: {r['matched']}/{r['oracle']} = {r['recall']}")
    out.append(f"  files reaching eventlet (oracle) {f['oracle']}, with findings (scanner) {f['scanner']},"
               f" found {f['found']}; missing {len(f['missing'])}")
    for p in f["missing"]:
        out.append(f"    missing file: {p}")
    sections = [("oracle direct, scanner indirect", c["layerDisagreements"]["oracleDirectScannerIndirect"]),
                ("oracle indirect, scanner direct", c["layerDisagreements"]["oracleIndirectScannerDirect"]),
                ("same indirect site, other symbol (counted as missed and extra)", c["indirectSymbolDisagreements"]),
                ("missed direct", c["missedDirect"]), ("extra direct", c["extraDirect"]),
                ("missed indirect", c["missedIndirect"]), ("extra indirect", c["extraIndirect"])]
    for title, items in sections:
        if items:
            out.append(f"  {title} ({len(items)}):")
            out.extend(f"    {x}" for x in items[:top])
            if len(items) > top:
                out.append(f"    ... {len(items) - top} more")
    return "\n".join(out)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", help="the tree both scanned (paths in the report are relative to it)")
    parser.add_argument("report", help="eventlet-scan scan ROOT --format json")
    parser.add_argument("--oracle", help="the oracle's JSON lines for ROOT (else it runs now)")
    parser.add_argument("--name", help="the project's name in the output (default: ROOT's)")
    parser.add_argument("--top", type=int, default=25, help="disagreements listed per kind (default 25)")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of the table")
    args = parser.parse_args(argv)
    with open(args.report, encoding="utf-8") as f:
        report = json.load(f)
    c = compare(oracle_rows(args.root, args.oracle), report)
    if args.json:
        print(json.dumps(c, sort_keys=True))
    else:
        print(render(args.name or os.path.basename(os.path.normpath(args.root)), c, args.top))


if __name__ == "__main__":
    main()
