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

echo "== seeds: brief, and no reader comment, caption, editorial or boilerplate in the summary"
$BIN brief "$SHARED/seeds" --format json -o "$out/seeds.json"
python3 scripts/check_brief.py "$out/seeds.json"

echo "== summary quality on the dev sets, and agreement with Google's rouge-score"
bash scripts/setup-bench.sh
for set in multinews:260 neus:60; do
  name=${set%%:*}; words=${set##*:}
  $BIN eval summary --data "$SHARED/data/$name/dev.jsonl" --words "$words" --out "$out/$name.jsonl" --json > "$out/$name.score.json"
  .venv-bench/bin/python bench/rouge_check.py --data "$SHARED/data/$name/dev.jsonl" --pred "$out/$name.jsonl" \
    --agree-with "$out/$name.score.json"
done
echo "check-shared: all passed"
