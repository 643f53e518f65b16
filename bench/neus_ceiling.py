"""How far can an extractive 60-word summary go on NeuS? Probes of the ceiling, with hindsight.

Usage (after `bash scripts/setup-bench.sh`):
    .venv-bench/bin/python bench/neus_ceiling.py [--shared ../shared] [--train-limit 2452]

NeuS references are neutral syntheses written by AllSides editors; the inputs are three short
leads. The issue asks for R-1 two points above the best peer (TextRank), i.e. about 40.3 on dev.
This script measures what extractive selection can reach, every summary cut to exactly 60 words
and scored with Google's rouge-score (R-1 F, stemming), on dev (train is used only to fit):

  oracle rows (they read the reference, so no system can use them):
    best-lead      the one document lead that scores best
    best-subset    the best combination of up to 4 sentences (from the first 9 in reading order)
    greedy-oracle  sentences ranked by their ROUGE-1 precision against the reference, then the
                   same greedy fill every scorer below uses (the ceiling of "score sentences,
                   then fill": a perfect sentence scorer reaches this, no more)
  system rows (no reference):
    central-lead   the lead of the document most similar to the others
    ridge-sentence a ridge regression over 10 sentence features (position, length, similarity to
                   the other documents and to the centre, quoting, document centrality), fitted
                   on NeuS train to predict each sentence's ROUGE-1 precision
    pseudo-ref     the subset (as in best-subset) whose words best match the other leads, each
                   lead taken as a stand-in reference (mean ROUGE-1 F against them)

Sentences come from a plain regular-expression splitter, not crosscheck's; these are probes of
the task, not of our code. Scores are comparable with bench_summary.py (same cut, same scorer).
"""
import argparse
import collections
import itertools
import json
import math
import os
import re
import sys

import numpy as np
from rouge_score import rouge_scorer, tokenize
from nltk.stem import porter

sys.path.insert(0, os.path.dirname(__file__))
from rouge_check import read_jsonl  # noqa: E402

BUDGET = 60
SCORER = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
STEMMER = porter.PorterStemmer()
STOP = set("a an the of to in on at for and or but is are was were be been has have had it its this that with as by "
           "from he she they his her their we you i not will would said says say".split())
SPLIT = re.compile(r'(?:(?<=[.!?])|(?<=[.!?]["”’]))\s+(?=["“A-Z])')
_stems = {}


def words(text):
    out = []
    for w in tokenize.tokenize(text, None):
        if w not in _stems:
            _stems[w] = STEMMER.stem(w)
        out.append(_stems[w])
    return out


def cut(text):
    return " ".join(text.split()[:BUDGET])


def r1(ref, text):
    return SCORER.score(ref, text)["rouge1"].fmeasure


def f1(a, b):
    overlap = sum((a & b).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(a.values()), overlap / sum(b.values())
    return 2 * p * r / (p + r)


def cosine(a, b):
    num = sum(v * b.get(k, 0.0) for k, v in a.items())
    den = math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))
    return num / den if den else 0.0


class Cluster:
    def __init__(self, row):
        self.ref = row["summary"]
        docs = [d["text"] for d in row["documents"] if d["text"].strip()]
        self.leads = [cut(d) for d in docs]
        self.sents = []  # (doc, position, text)
        for d, text in enumerate(docs):
            for k, s in enumerate(p for p in SPLIT.split(text.strip()) if p.strip()):
                self.sents.append((d, k, s))
        toks = [words(s) for _, _, s in self.sents]
        df = collections.Counter(t for ts in toks for t in set(ts))
        n = len(self.sents)
        idf = {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}
        self.vecs = [collections.Counter({t: c * idf[t] for t, c in collections.Counter(
            t for t in ts if t not in STOP).items()}) for ts in toks]
        doc_vecs = [collections.Counter(t for (d2, _, _), ts in zip(self.sents, toks) if d2 == d for t in ts
                                        if t not in STOP) for d in range(len(docs))]
        raw = [np.mean([cosine(doc_vecs[a], doc_vecs[b]) for b in range(len(docs)) if b != a]) if len(docs) > 1
               else 1.0 for a in range(len(docs))]
        self.centrality = [c / (max(raw) or 1.0) for c in raw]
        centre = collections.Counter()
        for v in self.vecs:
            centre.update(v)
        self.features = []
        for i, (d, k, s) in enumerate(self.sents):
            others = [max((cosine(self.vecs[i], self.vecs[j]) for j, (d2, _, _) in enumerate(self.sents) if d2 == e),
                          default=0.0) for e in range(len(docs)) if e != d]
            quoted = len("".join(re.findall(r'["“][^"”]*["”]', s))) / max(1, len(s))
            n_words = len(s.split())
            self.features.append([1.0, k, float(k == 0), n_words, math.log(n_words + 1), max(others, default=0.0),
                                  float(np.mean(others)) if others else 0.0, cosine(self.vecs[i], centre),
                                  quoted, self.centrality[d]])

    def summary(self, chosen):
        chosen = sorted(chosen, key=lambda i: (self.sents[i][1], self.sents[i][0]))
        return cut(" ".join(self.sents[i][2] for i in chosen))

    def greedy(self, scores, max_overlap=0.6):
        """Best-scored first, skipping a sentence that mostly repeats a chosen one, to the budget."""
        chosen, total = [], 0
        for i in np.argsort(-np.asarray(scores), kind="stable"):
            a = set(words(self.sents[i][2]))
            if any(len(a & (b := set(words(self.sents[j][2])))) / max(1, min(len(a), len(b))) > max_overlap
                   for j in chosen):
                continue
            chosen.append(i)
            total += len(self.sents[i][2].split())
            if total >= BUDGET:
                break
        return self.summary(chosen)

    def subsets(self, first=9, most=4):
        """Sentence sets that just reach the budget (dropping any member falls short), or the
        largest sets allowed when none does."""
        pool = sorted(range(len(self.sents)), key=lambda i: (self.sents[i][1], self.sents[i][0]))[:first]
        length = {i: len(self.sents[i][2].split()) for i in pool}
        for r in range(1, most + 1):
            for combo in itertools.combinations(pool, r):
                total = sum(length[i] for i in combo)
                if (total >= BUDGET or r == min(most, len(pool))) and all(total - length[i] < BUDGET for i in combo):
                    yield combo


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--train-limit", type=int, default=2452)
    args = ap.parse_args()
    train = [Cluster(r) for r in read_jsonl(f"{args.shared}/data/neus/train.jsonl")[:args.train_limit]]
    dev = [Cluster(r) for r in read_jsonl(f"{args.shared}/data/neus/dev.jsonl")]
    train, dev = [c for c in train if c.sents], [c for c in dev if c.sents]

    # Ridge regression (closed form) from sentence features to ROUGE-1 precision.
    x = np.array([f for c in train for f in c.features])
    y = np.array([SCORER.score(c.ref, s)["rouge1"].precision for c in train for _, _, s in c.sents])
    mean, std = x.mean(0), x.std(0) + 1e-9
    mean[0], std[0] = 0.0, 1.0
    xs = (x - mean) / std
    weights = np.linalg.solve(xs.T @ xs + 1.0 * np.eye(x.shape[1]), xs.T @ y)

    def pseudo_ref(c):
        leads = [collections.Counter(words(lead)) for lead in c.leads]
        return max(c.subsets(), key=lambda combo: np.mean(
            [f1(collections.Counter(words(c.summary(combo))), lead) for lead in leads]))

    rows = {
        "best-lead (oracle)": lambda c: max(c.leads, key=lambda lead: r1(c.ref, lead)),
        "best-subset (oracle)": lambda c: max((c.summary(s) for s in c.subsets()), key=lambda t: r1(c.ref, t)),
        "greedy-oracle (oracle)": lambda c: c.greedy(
            [SCORER.score(c.ref, s)["rouge1"].precision for _, _, s in c.sents]),
        "central-lead": lambda c: c.leads[int(np.argmax(c.centrality))],
        "ridge-sentence": lambda c: c.greedy(((np.array(c.features) - mean) / std) @ weights),
        "pseudo-ref": lambda c: c.summary(pseudo_ref(c)),
    }
    print(f"NeuS dev: {len(dev)} clusters; ridge fitted on {len(train)} train clusters; {BUDGET} words, rouge-score R-1 F")
    print("| probe | R-1 |\n|---|---:|")
    for name, make in rows.items():
        print(f"| {name} | {100 * np.mean([r1(c.ref, make(c)) for c in dev]):.2f} |")


if __name__ == "__main__":
    main()
