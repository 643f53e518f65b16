"""Extractive baseline summaries (LexRank, TextRank, Lead) with sumy, for benchmarking.

Usage (after `bash scripts/setup-bench.sh`):
    .venv-bench/bin/python bench/peers/summarize.py --data FILE.jsonl --words N \
        --system {lexrank,textrank,lead} --out OUT.jsonl [--limit K]

Input: one cluster per line, {"id", "documents": [{"text", "title"?}], "summary"}.
Only document texts are used (titles are ignored); the literal token NEWLINE_CHAR
(Multi-News) becomes "\n". Documents are joined with a blank line.

Sentences come from sumy's PlaintextParser with its default English tokenizer
(NLTK Punkt, punkt_tab/english): lines are stripped, blank lines end a paragraph,
an all-upper-case line is a heading sentence of its own, the other lines of a
paragraph are joined with a space and split by Punkt.

lexrank / textrank: sumy's LexRankSummarizer / TextRankSummarizer over all documents
as one text, english Stemmer (NLTK Snowball) and sumy's english stop words. The
sentence budget is the smallest k whose k best-rated sentences hold >= N
whitespace-split words; sumy returns those k in document order.
lead: sentence 1 of each document in turn, then sentence 2 of each, ... until N words.
Every summary is then cut to " ".join(text.split()[:N]).

Output: {"id", "summary"} per line. Prints the summarization wall time (the loop
only: no start-up, no file reading) and clusters/second to stderr.
"""
import argparse
import json
import sys
import time

from sumy.nlp.stemmers import Stemmer
from sumy.nlp.tokenizers import Tokenizer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

LANG = "english"


def truncate(text, n):
    return " ".join(text.split()[:n])


def enough_words(n):
    """A sumy sentence-count callable: the best-rated prefix reaching n words."""
    def take(infos):  # infos: SentenceInfo sorted by rating, best first
        total = 0
        for i, info in enumerate(infos):
            total += len(str(info.sentence).split())
            if total >= n:
                return infos[: i + 1]
        return infos
    return take


def doc_texts(cluster):
    return [d["text"].replace("NEWLINE_CHAR", "\n") for d in cluster["documents"]]


def lead(texts, tokenizer, n):
    docs = [[str(s) for s in PlaintextParser.from_string(t, tokenizer).document.sentences]
            for t in texts]
    picked, total = [], 0
    for depth in range(max((len(d) for d in docs), default=0)):
        for sents in docs:
            if depth < len(sents) and total < n:
                picked.append(sents[depth])
                total += len(sents[depth].split())
    return " ".join(picked)


def make_ranker(system):
    cls = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer}[system]
    summarizer = cls(Stemmer(LANG))
    summarizer.stop_words = get_stop_words(LANG)

    def run(texts, tokenizer, n):
        document = PlaintextParser.from_string("\n\n".join(texts), tokenizer).document
        return " ".join(str(s) for s in summarizer(document, enough_words(n)))
    return run


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True)
    ap.add_argument("--words", type=int, required=True)
    ap.add_argument("--system", required=True, choices=["lexrank", "textrank", "lead"])
    ap.add_argument("--out", required=True)
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()

    with open(args.data, encoding="utf-8") as f:
        clusters = [json.loads(line) for line in f if line.strip()]
    if args.limit is not None:
        clusters = clusters[: args.limit]
    tokenizer = Tokenizer(LANG)
    summarize = lead if args.system == "lead" else make_ranker(args.system)

    start = time.perf_counter()
    rows = [{"id": c["id"], "summary": truncate(summarize(doc_texts(c), tokenizer, args.words), args.words)}
            for c in clusters]
    elapsed = time.perf_counter() - start

    with open(args.out, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    rate = len(rows) / elapsed if elapsed > 0 else float("inf")
    print(f"{args.system}: {len(rows)} clusters in {elapsed:.3f} s = {rate:.2f} clusters/s "
          f"({args.data}, {args.words} words)", file=sys.stderr)


if __name__ == "__main__":
    main()
