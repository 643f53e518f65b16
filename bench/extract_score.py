"""Main-text extraction score of the Scrapinghub article-extraction benchmark.

Usage (no dependencies beyond the Python 3.8+ standard library):
    python3 bench/extract_score.py --data ../shared/data/extraction --pred PRED.json \
        [--name SYSTEM] [--header] [--json] [--bootstrap N] [--per-page OUT.tsv]

PRED.json is {id: text} (text may be null). The benchmark's own output files,
{id: {"articleBody": text}} and {"version": v, "output": {...}}, are read too.

The rule is the one in the benchmark's evaluate.py
(github.com/scrapinghub/article-extraction-benchmark), which made its published
numbers (trafilatura F1 0.958, newspaper4k 0.949, Readability.js 0.947,
readability-lxml 0.922). `crosscheck eval extract` implements the same rule.

1. Tokens: every maximal run of characters matched by Python's `\\w` on a str,
   which (Python 3.11, Unicode 14.0) is exactly the characters whose general
   category is L* (Lu Ll Lt Lm Lo) or N* (Nd Nl No), plus "_". Everything else
   (spaces, punctuation, symbols, combining marks Mn/Mc/Me, ZWJ, U+FE0F)
   separates tokens. No lower-casing, no Unicode normalisation. None -> "".
2. Shingles: the multiset of 4-grams of consecutive tokens,
   tokens[i:i+4] for i in 0..len-4. A text with 1-3 tokens has exactly one
   shingle, all its tokens (so "a b c" is one 3-token shingle); a text with no
   token has no shingle.
3. Per page, over the union of shingles, with t/p the counts in truth/prediction:
   tp = sum min(t, p), fp = sum max(0, p - t), fn = sum max(0, t - p);
   then tp, fp, fn are divided by s = tp + fp + fn when s > 0.
   precision = 1 if fp == fn == 0; else 0 if tp == fp == 0; else tp / (tp + fp).
   recall    = 1 if fp == fn == 0; else 0 if tp == fn == 0; else tp / (tp + fn).
4. Aggregation is macro (every page weighs the same, whatever its length):
   P = mean of page precision over the pages with tp + fp > 0 (prediction has a
   shingle); R = mean of page recall over the pages with tp + fn > 0 (truth has a
   shingle); F1 = 2 P R / (P + R) of those two means (not a mean of page F1s).
   So an empty prediction does not count in P at all and counts 0 in R.
5. accuracy (extra): mean over all pages of [tokens(truth) == tokens(pred)].
6. Bootstrap (as evaluate.py, seeded here): resample the pages with replacement
   N times, recompute P, R, F1 and accuracy; *_std is the sample standard
   deviation of those N values (the "±" in the published table).

Every ground-truth id is scored. An id missing from PRED.json counts as an empty
prediction (evaluate.py instead refuses files whose ids differ); an id in
PRED.json that is not in the ground truth is an error.
"""
import argparse
import json
import random
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

NGRAM = 4
_TOKEN_RE = re.compile(r"\w+")  # str pattern: Unicode \w (categories L*, N*, and "_")


def tokenize(text):
    return _TOKEN_RE.findall(text or "")


def shingles(tokens, n=NGRAM):
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)))


def page_counts(true, pred):
    """Normalised (tp, fp, fn) of one page, as evaluate.py's string_shingle_matching."""
    t = shingles(tokenize(true))
    p = shingles(tokenize(pred))
    tp = fp = fn = 0.0
    for key in t.keys() | p.keys():
        tc, pc = t.get(key, 0), p.get(key, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    s = tp + fp + fn
    if s > 0:
        tp, fp, fn = tp / s, fp / s, fn / s
    return tp, fp, fn


def page_precision(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def page_recall(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def aggregate(counts, exact):
    """Macro P, R, F1 (and accuracy) over per-page (tp, fp, fn) triples."""
    ps = [page_precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [page_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    acc = statistics.mean(exact) if exact else 0.0
    return {"precision": p, "recall": r, "f1": f1, "accuracy": acc,
            "precision_pages": len(ps), "recall_pages": len(rs)}


def score(truth, pred, bootstrap=0, seed=0, details=False):
    """truth, pred: {id: text}. Returns precision, recall, f1, pages and extras."""
    extra = sorted(set(pred) - set(truth))
    if extra:
        raise ValueError(f"{len(extra)} predicted ids are not in the ground truth, e.g. {extra[0]}")
    ids = sorted(truth)
    counts, exact, missing, empty = [], [], 0, 0
    for i in ids:
        if i not in pred:
            missing += 1
        p = pred.get(i) or ""
        if not tokenize(p):
            empty += 1
        counts.append(page_counts(truth[i], p))
        exact.append(float(tokenize(truth[i]) == tokenize(p)))
    out = aggregate(counts, exact)
    out.update(pages=len(ids), missing=missing, empty_predictions=empty)
    if bootstrap > 0 and ids:
        rng = random.Random(seed)
        n = len(ids)
        samples = {k: [] for k in ("precision", "recall", "f1", "accuracy")}
        for _ in range(bootstrap):
            idx = [rng.randint(0, n - 1) for _ in range(n)]
            m = aggregate([counts[j] for j in idx], [exact[j] for j in idx])
            for k in samples:
                samples[k].append(m[k])
        for k, v in samples.items():
            out[f"{k}_std"] = statistics.stdev(v) if len(v) > 1 else 0.0
        out["bootstrap"] = bootstrap
    if details:
        out["per_page"] = [
            {"id": i, "tp": c[0], "fp": c[1], "fn": c[2],
             "precision": page_precision(*c), "recall": page_recall(*c)}
            for i, c in zip(ids, counts)]
    return out


def load_truth(data_dir):
    gt = json.loads((Path(data_dir) / "ground-truth.json").read_text(encoding="utf-8"))
    return {k: (v.get("articleBody") or "") for k, v in gt.items()}


def load_pred(path):
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if isinstance(data.get("output"), dict) and "version" in data:
        data = data["output"]
    return {k: (v.get("articleBody") if isinstance(v, dict) else v) for k, v in data.items()}


HEADER = ("| system | precision | recall | F1 | accuracy | pages |\n"
          "|---|---:|---:|---:|---:|---:|")


def row(name, m):
    def pm(k):
        return f"{m[k]:.3f} ± {m[k + '_std']:.3f}" if k + "_std" in m else f"{m[k]:.3f}"
    return (f"| {name} | {pm('precision')} | {pm('recall')} | {pm('f1')} | "
            f"{pm('accuracy')} | {m['pages']} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True, help="folder with ground-truth.json")
    ap.add_argument("--pred", required=True, help="{id: text} JSON")
    ap.add_argument("--name", help="system name for the Markdown row (default: file stem)")
    ap.add_argument("--json", action="store_true", help="print the metrics as JSON")
    ap.add_argument("--header", action="store_true", help="print the Markdown table header")
    ap.add_argument("--bootstrap", type=int, default=0, metavar="N",
                    help="bootstrap resamples for ± (evaluate.py uses 1000; default 0 = off)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--per-page", metavar="OUT.tsv", help="write id, tp, fp, fn, P, R per page")
    args = ap.parse_args()
    m = score(load_truth(args.data), load_pred(args.pred), bootstrap=args.bootstrap,
              seed=args.seed, details=bool(args.per_page))
    if args.per_page:
        with open(args.per_page, "w", encoding="utf-8") as f:
            f.write("id\ttp\tfp\tfn\tprecision\trecall\n")
            for r in m.pop("per_page"):
                f.write(f"{r['id']}\t{r['tp']:.6f}\t{r['fp']:.6f}\t{r['fn']:.6f}\t"
                        f"{r['precision']:.6f}\t{r['recall']:.6f}\n")
    if args.json:
        print(json.dumps(m, indent=2, sort_keys=True))
    else:
        if args.header:
            print(HEADER)
        print(row(args.name or Path(args.pred).stem, m))
    if m["missing"]:
        print(f"extract_score: {m['missing']} ground-truth ids missing from {args.pred} "
              "(scored as empty)", file=sys.stderr)


if __name__ == "__main__":
    main()
