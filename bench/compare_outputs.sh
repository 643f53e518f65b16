#!/usr/bin/env bash
# Runs two builds of crosscheck over the same inputs and diffs every output, for changes that
# must not move a summary, block, entity or quote (refactors, speed work).
#   bash bench/compare_outputs.sh OLD_BIN NEW_BIN [OUT_DIR]
# Entity ids and quote speaker ids are dropped before diffing (builds before them lack them).
set -uo pipefail
cd "$(dirname "$0")/.."
OLD=$1; NEW=$2; OUT=${3:-$(mktemp -d)}
SHARED=${SHARED:-../shared}
mkdir -p "$OUT/old" "$OUT/new"
strip='del(.entities[]?.id) | del(.quotes[]?.speaker_id) | del(.quotes[]?.source_text)'
run() { # name, then the arguments after the binary
  local name=$1; shift
  for side in old new; do
    local bin=$OLD; [ $side = new ] && bin=$NEW
    "$bin" "${@//@OUT@/$OUT/$side}" > "$OUT/$side/$name.stdout" 2> "$OUT/$side/$name.stderr"
  done
}
run seeds.json brief "$SHARED/seeds" --format json -o @OUT@/seeds.json
run seeds.md brief "$SHARED/seeds" --format md -o @OUT@/seeds.md
run story.json brief examples/story --format json -o @OUT@/story.json
run story.md brief examples/story --format md -o @OUT@/story.md
run story.blocks brief examples/story --show-blocks -o @OUT@/story.txt
run mn60 eval summary --data "$SHARED/data/multinews/dev.jsonl" --words 60 --out @OUT@/mn60.jsonl
run mn260 eval summary --data "$SHARED/data/multinews/dev.jsonl" --words 260 --out @OUT@/mn260.jsonl
run neus60 eval summary --data "$SHARED/data/neus/dev.jsonl" --words 60 --out @OUT@/neus60.jsonl
run polnear eval quotes --data "$SHARED/data/polnear/dev" --out @OUT@/polnear.jsonl
for f in bench/blocks/*.jsonl; do run "blocks-$(basename "$f")" eval blocks --data "$f" --misses; done
run extract eval extract --data "$SHARED/data/extraction" --out @OUT@/extract.json --json
run aliases eval aliases --data "$SHARED/data/ecbplus"
for side in old new; do
  for j in seeds story; do jq -S "$strip" "$OUT/$side/$j.json" > "$OUT/$side/$j.stripped.json"; done
done
norm() { sed -E 's/"(seconds|mb_per_second|clusters_per_second|articles_per_s|docs_per_s)":[0-9.e+-]+,?//g; /articles\/s|documents\/s/d; /\.jsonl \|/s/\| [0-9.]+ \|$/|/' "$1"; }
status=0
for f in "$OUT"/old/*; do
  name=$(basename "$f")
  case $name in *.stderr|seeds.json|story.json) continue;; esac
  # Timings differ run to run: drop them (JSON score lines lose their speed fields).
  if ! diff -q <(norm "$f") <(norm "$OUT/new/$name") > /dev/null; then
    echo "DIFFERS: $name"; status=1
  fi
done
[ $status = 0 ] && echo "all outputs identical ($OUT)" || echo "diffs in $OUT/old vs $OUT/new"
exit $status
