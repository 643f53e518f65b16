"""Random search over SummaryConfig weights with the release binary.

Usage: python3 bench/tune_summary.py --trials 60 [--seed 1]
Scores each trial on Multi-News dev (260 words) and NeuS train (60 words; NeuS dev is kept
for reporting) and prints the best configs by the smaller margin over the peer targets.
"""
import argparse, json, random, subprocess

BIN = "target/release/crosscheck"
SETS = [("../shared/data/multinews/dev.jsonl", 260), ("../shared/data/neus/train.jsonl", 60)]
SPACE = {
    "w_coverage": (0.0, 2.0), "w_expected": (0.0, 12.0), "w_centroid": (0.0, 2.0), "w_position": (0.0, 2.0), "w_support": (0.0, 1.0),
    "position_decay": (0.0, 2.0), "bigram_weight": (0.0, 1.5), "length_exponent": (0.0, 1.2),
    "max_redundancy": (0.3, 0.9), "doc_damping": (0.3, 1.0), "cite_threshold": (0.3, 0.7),
    "min_words": (3, 12), "max_words": (30, 90), "quote_penalty": (0.0, 1.0), "doc_centrality_exponent": (0.0, 6.0), "consensus_exponent": (0.0, 2.0), "dangling_penalty": (0.1, 0.5),
}

def run(config):
    out = []
    for data, words in SETS:
        r = subprocess.run([BIN, "eval", "summary", "--data", data, "--words", str(words), "--json",
                            "--config", json.dumps(config)], capture_output=True, text=True, check=True)
        out.append(json.loads(r.stdout))
    return out

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--base", default="{}", help="JSON config to perturb around")
    ap.add_argument("--spread", type=float, default=1.0, help="1 = whole range; smaller = local search")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    base = json.loads(args.base)
    results = []
    for t in range(args.trials + 1):
        cfg = dict(base)
        if t > 0:
            for k, (lo, hi) in SPACE.items():
                centre = base.get(k, (lo + hi) / 2)
                v = centre + (rng.random() - 0.5) * (hi - lo) * args.spread
                v = min(hi, max(lo, v))
                cfg[k] = int(round(v)) if isinstance(lo, int) else round(v, 3)
        mn, ne = run(cfg)
        results.append((mn["rouge1"], mn["rouge2"], ne["rouge1"], ne["rouge2"], cfg))
        print(f"{t:3d} MN {mn['rouge1']:.2f}/{mn['rouge2']:.2f} NeuS {ne['rouge1']:.2f}/{ne['rouge2']:.2f} {json.dumps(cfg)}", flush=True)
    results.sort(key=lambda r: -min(r[0] - 44.22, r[2] - 38.26))
    print("best:")
    for r in results[:5]:
        print(f"MN {r[0]:.2f}/{r[1]:.2f} NeuS {r[2]:.2f}/{r[3]:.2f} {json.dumps(r[4])}")

if __name__ == "__main__":
    main()
