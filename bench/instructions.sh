#!/usr/bin/env bash
# Instructions per summarised cluster (valgrind callgrind, `summarize_cluster` inclusive, one
# thread): a speed measure that machine noise does not move. Needs valgrind.
#   bash bench/instructions.sh [BIN] [DATA]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-target/release/crosscheck}
DATA=${2:-../shared/data/neus/dev.jsonl}
out=$(mktemp -d)
RAYON_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file="$out/cg" \
  "$BIN" eval summary --data "$DATA" --words 60 > /dev/null 2> "$out/log"
clusters=$(grep -c . "$DATA")
total=$(callgrind_annotate --inclusive=yes "$out/cg" 2>/dev/null | awk '/summarize_cluster/ && !n++ {gsub(",", "", $1); print $1}')
echo "$BIN: $((total / clusters)) instructions per cluster ($clusters clusters, $DATA)"
rm -rf "$out"
