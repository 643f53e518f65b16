"""Summary quality and speed, crosscheck side by side with peers on the same clusters.

Usage (from the repo root, after `bash scripts/setup-bench.sh` and a release build):
    .venv-bench/bin/python bench/bench_summary.py [--shared ../shared] [--skip-peers] [--scale]

For each dev set (Multi-News at 260 words, NeuS at 60 words) it runs `crosscheck eval summary`
(once on one thread, once on all cores) and each peer in bench/peers/summarize.py (lead, sumy
LexRank, sumy TextRank; single-threaded Python), scores every output with Google's rouge-score
(bench/rouge_check.py), and prints one Markdown table: R-1/R-2/R-L F, clusters/s, and speed
relative to LexRank on one thread (each rate the best of several runs: crosscheck 5, peers 3).
All systems are cut to exactly N words.
--scale also times `crosscheck brief` on one "story" of 10, 100 and 1,000 documents (real articles
from ECB+ and Multi-News) to show how cost grows with cluster size.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from rouge_check import TYPES, read_jsonl, score_file  # noqa: E402
from rouge_score import rouge_scorer  # noqa: E402

BIN = "target/release/crosscheck"
PEERS = ["lead", "lexrank", "textrank"]


def run_crosscheck(data, words, out, threads, repeat=5):
    """Best of `repeat` runs: a NeuS pass takes about 50 ms, so one run is mostly noise."""
    env = dict(os.environ)
    if threads:
        env["RAYON_NUM_THREADS"] = str(threads)
    rates = []
    for _ in range(repeat):
        r = subprocess.run([BIN, "eval", "summary", "--data", data, "--words", str(words), "--out", out, "--json"],
                           capture_output=True, text=True, check=True, env=env)
        rates.append(json.loads(r.stdout)["clusters_per_second"])
    return max(rates)


def run_peer(system, data, words, out, repeat=3):
    """Best of `repeat` runs, like crosscheck, so the ratio compares best with best."""
    rates = []
    for _ in range(repeat):
        r = subprocess.run([sys.executable, "bench/peers/summarize.py", "--data", data, "--words", str(words),
                            "--system", system, "--out", out], capture_output=True, text=True, check=True)
        rates.append(float(re.search(r"= ([0-9.]+) clusters/s", r.stderr).group(1)))
    return max(rates)


def quality_table(shared, tmp, skip_peers):
    scorer = rouge_scorer.RougeScorer(TYPES, use_stemmer=True)
    print("| set (budget) | system | R-1 | R-2 | R-L | clusters/s | speed vs LexRank |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for name, words in (("multinews", 260), ("neus", 60)):
        data = f"{shared}/data/{name}/dev.jsonl"
        refs = {c["id"]: c["summary"] for c in read_jsonl(data)}
        rows = []
        for threads, label in ((1, "crosscheck (1 thread)"), (None, f"crosscheck ({os.cpu_count()} threads)")):
            out = f"{tmp}/{name}-crosscheck.jsonl"
            rate = run_crosscheck(data, words, out, threads)
            rows.append((label, score_file(scorer, refs, out), rate))
        if not skip_peers:
            for system in PEERS:
                out = f"{tmp}/{name}-{system}.jsonl"
                rate = run_peer(system, data, words, out)
                rows.append((system, score_file(scorer, refs, out), rate))
        lexrank = next((rate for label, _, rate in rows if label == "lexrank"), None)
        for label, s, rate in rows:
            ratio = f"{rate / lexrank:.1f}x" if lexrank else "-"
            print(f"| {name} ({words} words) | {label} | {s['rouge1']:.2f} | {s['rouge2']:.2f} | {s['rougeL']:.2f} "
                  f"| {rate:.1f} | {ratio} |")


def scale_table(shared, tmp):
    # Real articles of similar length: ECB+ (982 news articles), then Multi-News documents.
    docs = [r["text"] for r in read_jsonl(f"{shared}/data/ecbplus/stories.jsonl")]
    for c in read_jsonl(f"{shared}/data/multinews/dev.jsonl"):
        docs.extend(d["text"].replace("NEWLINE_CHAR", "\n") for d in c["documents"] if d["text"].strip())
    print("\n| documents | words | seconds (brief, 1 thread, best of 3) | ms per document |")
    print("|---:|---:|---:|---:|")
    for n in (10, 100, 1000):
        path = f"{tmp}/scale-{n}.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            for i, text in enumerate(docs[:n]):
                f.write(json.dumps({"id": str(i), "text": text}) + "\n")
        env = dict(os.environ, RAYON_NUM_THREADS="1")
        best = None
        for _ in range(3):
            start = time.perf_counter()
            r = subprocess.run([BIN, "brief", path, "--format", "json"], capture_output=True, check=True, env=env)
            elapsed = time.perf_counter() - start
            best = elapsed if best is None else min(best, elapsed)
        brief = json.loads(r.stdout)
        words = sum(len(d["text"].split()) for d in brief["documents"])
        print(f"| {len(brief['documents'])} | {words} | {best:.3f} | {1000 * best / len(brief['documents']):.2f} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--skip-peers", action="store_true")
    ap.add_argument("--scale", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        quality_table(args.shared, tmp, args.skip_peers)
        if args.scale:
            scale_table(args.shared, tmp)


if __name__ == "__main__":
    main()
