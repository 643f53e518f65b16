#!/usr/bin/env python3
"""Lines of Multi-News dev documents, for labelling block kinds by hand.

Multi-News may be used for research only, so its text never enters the repository: labels are
stored as a cluster, a document index and the character offsets of each labelled line, and the
text is read back from ../shared at evaluation time.

    python3 bench/blocks/mn_lines.py show C D          # lines of document D of cluster C (file order, 0-based)
    python3 bench/blocks/mn_lines.py pack LABELS.tsv OUT.jsonl [--labeller NAME]
    python3 bench/blocks/mn_lines.py check OUT.jsonl   # offsets still match the text, every line labelled

A line is what the block classifier sees as one block: a non-empty line of the text, trimmed.
`show` prints `N<TAB>text` for each. LABELS.tsv has one row per line: `C<TAB>D<TAB>N<TAB>kind`
(kinds as in bench/blocks/README.md); `pack` turns the rows into one JSON object per document:

    {"cluster": "multinews-000", "index": 0, "doc": 0, "labeller": "A",
     "lines": [[start, end, "kind"], ...]}

with `start`/`end` in characters (Unicode scalars) into that document's `text`.
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("SHARED", os.path.join(HERE, "..", "..", "..", "shared"))
DATA = os.path.join(SHARED, "data", "multinews", "dev.jsonl")
KINDS = {"body", "quote_block", "editorial", "caption", "reader_comment", "boilerplate", "embedded_article"}


def clusters(path=DATA):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def lines(text):
    """(start, end) character spans of the trimmed non-empty lines of `text`."""
    out = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append((pos + lead, pos + lead + len(stripped)))
        pos += len(raw) + 1
    return out


def show(args):
    text = clusters()[args.cluster]["documents"][args.doc]["text"]
    for n, (s, e) in enumerate(lines(text)):
        print(f"{n}\t{text[s:e]}")


def pack(args):
    rows = clusters()
    by_doc = {}
    for k, row in enumerate(open(args.labels, encoding="utf-8")):
        row = row.rstrip("\n")
        if not row.strip() or row.startswith("#"):
            continue
        c, d, n, kind = row.split("\t")
        if kind not in KINDS:
            sys.exit(f"{args.labels}:{k + 1}: unknown kind {kind!r}")
        by_doc.setdefault((int(c), int(d)), {})[int(n)] = kind
    with open(args.out, "w", encoding="utf-8") as out:
        for (c, d), labels in sorted(by_doc.items()):
            spans = lines(rows[c]["documents"][d]["text"])
            missing = [n for n in range(len(spans)) if n not in labels]
            if missing or max(labels) >= len(spans):
                sys.exit(f"cluster {c} doc {d}: {len(spans)} lines, labels for {sorted(labels)[:5]}..., missing {missing[:10]}")
            rec = {"cluster": rows[c]["id"], "index": c, "doc": d, "labeller": args.labeller,
                   "lines": [[s, e, labels[n]] for n, (s, e) in enumerate(spans)]}
            out.write(json.dumps(rec) + "\n")


def check(args):
    rows = clusters()
    total = 0
    for rec in map(json.loads, open(args.file, encoding="utf-8")):
        row = rows[rec["index"]]
        assert row["id"] == rec["cluster"], rec["cluster"]
        spans = lines(row["documents"][rec["doc"]]["text"])
        assert [tuple(l[:2]) for l in rec["lines"]] == spans, (rec["cluster"], rec["doc"])
        assert all(l[2] in KINDS for l in rec["lines"])
        total += len(spans)
    print(f"{args.file}: {total} lines, offsets match")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("show")
    s.add_argument("cluster", type=int)
    s.add_argument("doc", type=int)
    p = sub.add_parser("pack")
    p.add_argument("labels")
    p.add_argument("out")
    p.add_argument("--labeller", default="A")
    c = sub.add_parser("check")
    c.add_argument("file")
    args = ap.parse_args()
    {"show": show, "pack": pack, "check": check}[args.cmd](args)


if __name__ == "__main__":
    main()
