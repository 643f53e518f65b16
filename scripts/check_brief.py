"""Checks a brief JSON (from `crosscheck brief --format json`) on real articles:
every summary sentence is verbatim text of its document at its character offsets, lies inside a
body or quote_block block, and cites its own document first. Prints the summary with its blocks.

With --seeds, also checks what the seed story (../shared/seeds) must show: the quotes of Kirby,
Peskov, Zakharova and Lavrov attributed to them, and the Islamic State and Lavrov names merged.

Usage: python3 scripts/check_brief.py BRIEF.json [--seeds]
"""
import json
import sys

REPORTING = {"body", "quote_block"}


def check_offsets(brief, docs, problems):
    """Quotes and entity mentions point at their text."""
    for q in brief["quotes"]:
        text = docs[q["doc"]]["text"]
        if text[q["start"]:q["end"]] != q["text"]:
            problems.append(f"quote offsets of {q['doc']}:{q['start']} do not give back its text")
        if q["source"] and not (0 <= q["source"]["start"] < q["source"]["end"] <= len(text)):
            problems.append(f"quote source span out of range in {q['doc']}")
    for e in brief["entities"]:
        for m in e["mentions"]:
            if not (0 <= m["start"] < m["end"] <= len(docs[m["doc"]]["text"])):
                problems.append(f"mention of {e['name']} out of range in {m['doc']}")


def check_seeds(brief, problems):
    """The attributions and merges the issue names for the seed story."""
    def speaker_of(opening):
        found = [q for q in brief["quotes"] if q["text"].startswith(opening) or opening in q["text"][:80]]
        if not found:
            problems.append(f"no quote starting {opening!r}")
            return None
        return found[0]

    for opening, speaker, role in [
        ("Greater than 90%", "John Kirby", "spokesman"),
        ("There is simply no other organized", "Dmitry Peskov", None),
        ("I can assure you", "Maria Zakharova", None),
        ("If it looks like a terrorist", "Lavrov", None),
    ]:
        q = speaker_of(opening)
        if q is None:
            continue
        print(f"quote {opening!r}: {q['speaker']} ({q['role']})")
        if not q["speaker"] or speaker not in q["speaker"]:
            problems.append(f"{opening!r} attributed to {q['speaker']}, not {speaker}")
        if role and role not in (q["role"] or ""):
            problems.append(f"{opening!r} has role {q['role']!r}, expected one with {role!r}")

    def entity_with(*names):
        for e in brief["entities"]:
            called = [e["name"], *e["aliases"]]
            if all(any(n == c or n in c.split() for c in called) for n in names):
                return e
        return None

    for names in [("ISIS", "ISIL", "Islamic State", "Daesh"), ("Sergei Lavrov", "Sergey Lavrov")]:
        e = entity_with(*names)
        print(f"entity with {names}: {e and (e['name'], e['aliases'])}")
        if e is None:
            problems.append(f"no single entity holds all of {names}")


def main(path, seeds=False):
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
    check_offsets(brief, docs, problems)
    if seeds:
        check_seeds(brief, problems)
    for p in problems:
        print("FAIL:", p)
    if problems:
        sys.exit(1)
    print(f"ok: {len(brief['summary'])} sentences from {len(docs)} documents")


if __name__ == "__main__":
    main(sys.argv[1], seeds="--seeds" in sys.argv[2:])
