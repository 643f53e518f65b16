"""Quote attribution, crosscheck against textacy, on the same PolNeAR texts with the same scorer.

Usage (after `bash scripts/setup-bench.sh` and `cargo build --release`):
    .venv-bench/bin/python bench/bench_quotes.py --data ../shared/data/polnear/dev [--repeat 3]

Runs `crosscheck eval quotes` on one thread (RAYON_NUM_THREADS=1) and textacy's
direct_quotations (bench/peers/quotes.py, spaCy small English model, one thread) on the
same texts, scores both predictions with bench/quotes_score.py, and prints a Markdown table:
precision, recall and F1 overall and on the speech-verb subset, and articles per second (best
of --repeat runs, model loading excluded for both) with the speed ratio.
"""
import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(cmd, env=None):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env)
    return out.stdout


def score(data, pred):
    return json.loads(run([sys.executable, str(ROOT / "bench/quotes_score.py"), "--data", data, "--pred", pred, "--json"]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True)
    ap.add_argument("--bin", default=str(ROOT / "target/release/crosscheck"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", default=str(ROOT / "bench/out"))
    args = ap.parse_args()
    Path(args.out).mkdir(parents=True, exist_ok=True)
    split = Path(args.data).name

    ours_pred = f"{args.out}/crosscheck-quotes-{split}.jsonl"
    env = dict(os.environ, RAYON_NUM_THREADS="1")
    ours_speed = 0.0
    for _ in range(args.repeat):
        res = json.loads(run([args.bin, "eval", "quotes", "--data", args.data, "--out", ours_pred, "--json"], env))
        ours_speed = max(ours_speed, res["articles_per_s"])

    peer_pred = f"{args.out}/textacy-quotes-{split}.jsonl"
    lines = run([sys.executable, str(ROOT / "bench/peers/quotes.py"), "--data", args.data, "--out", peer_pred,
                 "--repeat", str(args.repeat)]).strip().splitlines()
    peer_speed = json.loads(lines[-1])["articles_per_s"]

    rows = [("crosscheck (rules)", score(args.data, ours_pred), ours_speed),
            ("textacy 0.13 direct_quotations (spaCy en_core_web_sm 3.8)", score(args.data, peer_pred), peer_speed)]
    print(f"PolNeAR {split}: {rows[0][1]['files']} articles\n")
    print("| system | P | R | F1 | speech P | speech R | speech F1 | articles/s (1 thread) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, s, speed in rows:
        o, sp = s["overall"], s["speech"]
        print(f"| {name} | {o['precision']:.3f} | {o['recall']:.3f} | {o['f1']:.3f} | {sp['precision']:.3f} | "
              f"{sp['recall']:.3f} | {sp['f1']:.3f} | {speed:.1f} |")
    print(f"\nspeed ratio crosscheck / textacy: {ours_speed / peer_speed:.0f}x")


if __name__ == "__main__":
    main()
