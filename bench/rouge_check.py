"""Score summaries against cluster references with Google's rouge-score.

Usage (after `bash scripts/setup-bench.sh`):
    .venv-bench/bin/python bench/rouge_check.py --data FILE.jsonl --pred OUT.jsonl [--pred OUT2.jsonl ...] [--json]
    .venv-bench/bin/python bench/rouge_check.py --tokens "Some text"   # rouge-score's tokens, one a line
    .venv-bench/bin/python bench/rouge_check.py --tokens - < text.txt  # same, text from stdin

--data: clusters, one JSON a line, with "id" and the reference "summary".
--pred: predictions, one {"id", "summary"} a line.
Scores: RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True), F-measure,
mean over all clusters of --data, x100, two decimals. A cluster missing from a
prediction file scores as an empty summary (0) and is counted in the "missing" column.
Prints one Markdown table row per prediction file; --json prints a JSON list instead.
--tokens shows exactly how rouge-score tokenizes and stems (for porting checks).
--agree-with FILE: a JSON object with "rouge1", "rouge2", "rougeL" (what `crosscheck eval summary
--json` prints for the same --pred); exits 1 unless every score agrees within 0.2 points.
"""
import argparse
import json
import os
import sys

from rouge_score import rouge_scorer

TYPES = ["rouge1", "rouge2", "rougeL"]


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score_file(scorer, refs, pred_path):
    preds = {row["id"]: row["summary"] for row in read_jsonl(pred_path)}
    sums = dict.fromkeys(TYPES, 0.0)
    for cid, ref in refs.items():
        scores = scorer.score(ref, preds.get(cid, ""))
        for t in TYPES:
            sums[t] += scores[t].fmeasure
    result = {t: round(100 * sums[t] / len(refs), 2) for t in TYPES}
    result.update(pred=pred_path, clusters=len(refs), missing=sum(1 for cid in refs if cid not in preds))
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data")
    ap.add_argument("--pred", action="append", default=[])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--tokens")
    ap.add_argument("--agree-with")
    args = ap.parse_args()

    scorer = rouge_scorer.RougeScorer(TYPES, use_stemmer=True)
    if args.tokens is not None:
        text = sys.stdin.read() if args.tokens == "-" else args.tokens
        print("\n".join(scorer._tokenizer.tokenize(text)))
        return
    if not args.data or not args.pred:
        ap.error("--data and at least one --pred are required")

    refs = {c["id"]: c["summary"] for c in read_jsonl(args.data)}
    results = [score_file(scorer, refs, p) for p in args.pred]
    if args.json:
        print(json.dumps(results, indent=1))
        return
    if args.agree_with:
        with open(args.agree_with, encoding="utf-8") as f:
            ours = json.load(f)
        worst = max(abs(ours[t] - results[0][t]) for t in TYPES)
        print(f"crosscheck {ours['rouge1']:.2f}/{ours['rouge2']:.2f}/{ours['rougeL']:.2f} vs rouge-score "
              f"{results[0]['rouge1']:.2f}/{results[0]['rouge2']:.2f}/{results[0]['rougeL']:.2f}: largest gap {worst:.3f}")
        if worst > 0.2:
            sys.exit("ROUGE disagreement above 0.2 points")
        return
    print("| prediction | R-1 | R-2 | R-L | missing |")
    print("|---|---:|---:|---:|---:|")
    for r in results:
        name = os.path.splitext(os.path.basename(r["pred"]))[0]
        print(f"| {name} | {r['rouge1']:.2f} | {r['rouge2']:.2f} | {r['rougeL']:.2f} | {r['missing']}/{r['clusters']} |")


if __name__ == "__main__":
    main()
