"""Checks a brief JSON (from `crosscheck brief --format json`) on real articles:
every summary sentence is verbatim text of its document at its character offsets, lies inside a
body or quote_block block, and cites its own document first. Prints the summary with its blocks.

Usage: python3 scripts/check_brief.py BRIEF.json
"""
import json
import sys

REPORTING = {"body", "quote_block"}


def main(path):
    brief = json.load(open(path, encoding="utf-8"))
    docs = {d["id"]: d for d in brief["documents"]}
    problems = []
    if not brief["summary"]:
        problems.append("empty summary")
    for s in brief["summary"]:
        doc = docs[s["doc"]]
        text = doc["text"][s["start"]:s["end"]]
        kinds = [b["kind"] for b in doc["blocks"] if b["start"] <= s["start"] and s["end"] <= b["end"]]
        print(f"[{', '.join(s['citations'])}] ({'/'.join(kinds)}) {s['text']}")
        if text != s["text"]:
            problems.append(f"offsets of {s['doc']}:{s['start']} do not give back the sentence")
        if not kinds or kinds[0] not in REPORTING:
            problems.append(f"summary sentence from a {kinds or 'missing'} block: {s['text'][:80]}")
        if s["citations"][0] != s["doc"]:
            problems.append(f"citations do not start with the sentence's own document: {s['citations']}")
    for p in problems:
        print("FAIL:", p)
    if problems:
        sys.exit(1)
    print(f"ok: {len(brief['summary'])} sentences from {len(docs)} documents")


if __name__ == "__main__":
    main(sys.argv[1])
