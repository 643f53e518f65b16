#!/usr/bin/env python3
"""Who-said-what labels over Multi-News dev documents, for measuring quote attribution.

Multi-News may be used for research only, so its text never enters the repository: a label
names a cluster (its `id` and 0-based place in ../shared/data/multinews/dev.jsonl), a document,
and character offsets into that document's text; the words are read back at evaluation time.

    python3 bench/quotes/mn_quotes.py show C D            # the document, one paragraph a line, with offsets
    python3 bench/quotes/mn_quotes.py pack DRAFT.jsonl OUT.jsonl [--labeller NAME]
    python3 bench/quotes/mn_quotes.py check OUT.jsonl     # offsets still point at the same words

A draft is written with exact substrings, which `pack` turns into offsets (each must occur
exactly once in the document, or carry "nth": k to pick the k-th occurrence, 0-based):

    {"index": 3, "doc": 0, "kind": "direct", "content": "We will not back down",
     "source": "Mayor Lena Ruiz", "speaker": "Lena Ruiz", "role": "Mayor"}

- kind: "direct" (words in quotation marks or a transcript turn) or "reported" (indirect speech:
  "X said that ...", "according to X, ...").
- content: the words attributed, without the quotation marks (for reported speech, the clause
  after the speech verb).
- source: the source phrase as written next to the quote ("the officials", "a US official",
  "he", "Lavrov"), or null when none is written; "source_nth" picks among repeats.
- speaker: the person or body a reader would name as the speaker (resolving "he" to the name),
  written as one mention of that name in the document (the fullest, e.g. "Lena Ruiz";
  "speaker_nth" picks among repeats), or null for an unnamed source ("a US official") — then
  source carries the phrase.
- role: the speaker's role as written in this document ("Mayor"), or null; "role_nth" as above.

Packed records keep "index", "doc" and "kind", add "cluster" and "labeller", and turn each
text field into character offsets: "content_span", "source_span", "speaker_span", "role_span"
([start, end], or null).
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("SHARED", os.path.join(HERE, "..", "..", "..", "shared"))
DATA = os.path.join(SHARED, "data", "multinews", "dev.jsonl")


def clusters():
    with open(DATA, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def show(args):
    text = clusters()[args.cluster]["documents"][args.doc]["text"]
    pos = 0
    for para in text.split("\n"):
        if para.strip():
            print(f"[{pos}] {para}")
        pos += len(para) + 1


def locate(text, needle, nth, what, where):
    if not needle:
        sys.exit(f"{where}: empty {what}")
    hits = []
    start = text.find(needle)
    while start >= 0:
        hits.append(start)
        start = text.find(needle, start + 1)
    if not hits:
        sys.exit(f"{where}: {what} not found: {needle[:60]!r}")
    if nth is None and len(hits) > 1:
        sys.exit(f"{where}: {what} occurs {len(hits)} times, give {what}_nth: {needle[:60]!r}")
    k = nth or 0
    if k >= len(hits):
        sys.exit(f"{where}: {what}_nth {k} but only {len(hits)} occurrences")
    return [hits[k], hits[k] + len(needle)]


def pack(args):
    rows = clusters()
    out = []
    for n, line in enumerate(open(args.draft, encoding="utf-8")):
        if not line.strip():
            continue
        rec = json.loads(line)
        where = f"{args.draft}:{n + 1}"
        if rec.get("kind") not in ("direct", "reported"):
            sys.exit(f"{where}: kind must be direct or reported")
        text = rows[rec["index"]]["documents"][rec["doc"]]["text"]
        rec["cluster"] = rows[rec["index"]]["id"]
        rec["labeller"] = args.labeller
        for field in ("content", "source", "speaker", "role"):
            value = rec.pop(field, None)
            nth = rec.pop(field + "_nth", None)
            if field == "content" and not value:
                sys.exit(f"{where}: no content")
            # Offsets only: the words stay in ../shared.
            rec[field + "_span"] = locate(text, value, nth, field, where) if value else None
        out.append(rec)
    with open(args.out, "w", encoding="utf-8") as f:
        for rec in out:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{args.out}: {len(out)} quotes")


def check(args):
    rows = clusters()
    n = 0
    for rec in map(json.loads, open(args.file, encoding="utf-8")):
        row = rows[rec["index"]]
        assert row["id"] == rec["cluster"], rec
        text = row["documents"][rec["doc"]]["text"]
        assert rec["kind"] in ("direct", "reported"), rec
        for field in ("content", "source", "speaker", "role"):
            span = rec[field + "_span"]
            assert span or field != "content", rec
            if span:
                assert 0 <= span[0] < span[1] <= len(text), rec
        n += 1
    print(f"{args.file}: {n} quotes, offsets inside their documents")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("show")
    s.add_argument("cluster", type=int)
    s.add_argument("doc", type=int)
    p = sub.add_parser("pack")
    p.add_argument("draft")
    p.add_argument("out")
    p.add_argument("--labeller", default="A")
    c = sub.add_parser("check")
    c.add_argument("file")
    args = ap.parse_args()
    {"show": show, "pack": pack, "check": check}[args.cmd](args)


if __name__ == "__main__":
    main()
