#!/usr/bin/env bash
# Checks that need the real data in ../shared (seeds and reference sets). Says so and exits 0
# when ../shared is absent, so the README's test command stays runnable anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
if [ ! -d "$SHARED/seeds" ] || [ ! -d "$SHARED/data" ]; then
  echo "check-shared: $SHARED not found; skipping the checks on real articles and reference data"
  exit 0
fi
cargo build --release --locked -p crosscheck-cli
BIN=target/release/crosscheck
out=$(mktemp -d)

echo "== the hand-written stemmer against rust-stemmers on every word of $SHARED"
SHARED="$(cd "$SHARED" && pwd)" cargo test --workspace --locked -- --ignored --nocapture shared_corpora 2>&1 | grep -E "^stem:|test result: ok. 1 passed"

echo "== seeds: brief, no reader comment, caption, editorial or boilerplate in the summary; who said what"
$BIN brief "$SHARED/seeds" --format json -o "$out/seeds.json"
python3 scripts/check_brief.py "$out/seeds.json" --seeds

echo "== quote attribution on PolNeAR dev (speech-cue precision must stay >= 0.85), aliases on ECB+"
$BIN eval quotes --data "$SHARED/data/polnear/dev" --out "$out/quotes.jsonl" --json > "$out/quotes.score.json"
cat "$out/quotes.score.json"
python3 bench/quotes_score.py --data "$SHARED/data/polnear/dev" --pred "$out/quotes.jsonl" --json > "$out/quotes.py.json"
python3 - "$out/quotes.score.json" "$out/quotes.py.json" <<'PY'
import json, sys
rust, py = (json.load(open(p)) for p in sys.argv[1:3])
for part in ("overall", "speech"):
    for k in ("gold", "pred", "matched"):
        assert rust[part][k] == py[part][k], f"scorers disagree on {part} {k}: {rust[part][k]} vs {py[part][k]}"
assert rust["speech"]["precision"] >= 0.85, f"speech-cue precision fell to {rust['speech']['precision']:.3f}"
print("quotes: Rust and Python scorers agree; speech precision", round(rust["speech"]["precision"], 3))
PY
$BIN eval aliases --data "$SHARED/data/ecbplus"
$BIN eval aliases --data "$SHARED/data/ecbplus" --mentions


echo "== block kinds: the fitted table is what fit-blocks makes from the written sets; every labelled set scores"
$BIN eval fit-blocks --data bench/blocks/labelled.jsonl --data bench/blocks/heldout.jsonl --data bench/blocks/train2.jsonl --data bench/blocks/train3.jsonl \
  --out "$out/model_weights.rs"
diff -q "$out/model_weights.rs" crates/crosscheck/src/blocks/model_weights.rs \
  || { echo "blocks/model_weights.rs differs from a refit: run the fit-blocks command above"; exit 1; }
for f in bench/blocks/multinews_*.jsonl; do python3 bench/blocks/mn_lines.py check "$f"; done
for f in bench/quotes/multinews_quotes_*.jsonl; do python3 bench/quotes/mn_quotes.py check "$f"; done
for f in bench/blocks/*.jsonl; do
  echo "$f: $($BIN eval blocks --data "$f" --texts "$SHARED/data/multinews/dev.jsonl" | head -n 1)"
done

echo "== summary quality on the dev sets, and agreement with Google's rouge-score"
bash scripts/setup-bench.sh
for set in multinews:260 neus:60; do
  name=${set%%:*}; words=${set##*:}
  $BIN eval summary --data "$SHARED/data/$name/dev.jsonl" --words "$words" --out "$out/$name.jsonl" --json > "$out/$name.score.json"
  .venv-bench/bin/python bench/rouge_check.py --data "$SHARED/data/$name/dev.jsonl" --pred "$out/$name.jsonl" \
    --agree-with "$out/$name.score.json"
done
echo "== seeds again with the optional entity model worker (spaCy from the bench venv)"
$BIN brief "$SHARED/seeds" --format json -o "$out/seeds-ner.json" \
  --ner-command ".venv-bench/bin/python workers/ner_worker.py"
python3 scripts/check_brief.py "$out/seeds-ner.json" --seeds | tail -n 7
echo "check-shared: all passed"
