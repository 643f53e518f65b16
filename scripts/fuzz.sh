#!/usr/bin/env bash
# Coverage-guided fuzzing of the readers and the pipeline with cargo-fuzz (libFuzzer).
#
#   scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags...]
#   scripts/fuzz.sh list                       # the targets
#
# TARGET is one of fuzz/fuzz_targets/*.rs (html, warc, jsonl, multinews, brief). Runs one
# fuzzer process from fuzz/seeds/TARGET plus the working corpus fuzz/corpus/TARGET (new inputs
# are saved there); crashes go to fuzz/artifacts/TARGET/, the full log to fuzz/logs/.
# fuzz/dicts/TARGET.dict, when present, is given to libFuzzer as a dictionary.
# Exits non-zero when libFuzzer found a crash, leak, timeout or out-of-memory input.
#
# Environment:
#   SANITIZER   address (default) or none; if an AddressSanitizer build fails, none is used.
#   TIMEOUT     seconds one input may take before it counts as a hang (default 10).
#   RSS_MB      memory limit of the fuzzer process in MiB (default 2048).
#
# libFuzzer instrumentation needs nightly compiler flags. On a stable toolchain the script sets
# RUSTC_BOOTSTRAP=1, which lets stable rustc accept them (cargo-fuzz passes it through).
set -euo pipefail
cd "$(dirname "$0")/.."

targets() { ls fuzz/fuzz_targets/ | sed -n 's/\.rs$//p'; }

if [[ $# -lt 1 || "$1" == "-h" || "$1" == "--help" ]]; then
    sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
if [[ "$1" == "list" ]]; then
    targets
    exit 0
fi
if [[ $# -lt 2 ]]; then
    echo "usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer flags...]" >&2
    exit 2
fi
target=$1
seconds=$2
shift 2
if [[ ! -f "fuzz/fuzz_targets/$target.rs" ]]; then
    echo "unknown target '$target'; targets: $(targets | tr '\n' ' ')" >&2
    exit 2
fi
if ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
    echo "SECONDS must be a whole number, got '$seconds'" >&2
    exit 2
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "installing cargo-fuzz from crates.io ..." >&2
    cargo install cargo-fuzz --locked
fi
if ! rustc -V | grep -q nightly; then
    export RUSTC_BOOTSTRAP=1
fi

# Longest input libFuzzer generates: whole pages and WARC records need room; the text formats
# exercise their parsers well below that and stay fast.
case "$target" in
    html | warc) max_len=65536 ;;
    *) max_len=16384 ;;
esac

# cargo-fuzz's default build: optimised like --release, but with debug assertions and overflow
# checks on (-O would turn them off and hide arithmetic overflows).
sanitizer=${SANITIZER:-address}
if ! cargo fuzz build -s "$sanitizer" "$target"; then
    if [[ "$sanitizer" == address ]]; then
        echo "AddressSanitizer build failed; building without a sanitizer (-s none)" >&2
        sanitizer=none
        cargo fuzz build -s none "$target"
    else
        exit 1
    fi
fi

corpus=fuzz/corpus/$target
dict=()
if [[ -f "fuzz/dicts/$target.dict" ]]; then
    dict=(-dict="fuzz/dicts/$target.dict")
fi
mkdir -p "$corpus" "fuzz/artifacts/$target" fuzz/logs
log=fuzz/logs/$target-$(date -u +%Y%m%dT%H%M%SZ).log
echo "fuzzing $target for ${seconds}s (sanitizer: $sanitizer, max_len: $max_len); log: $log" >&2

# One in-process fuzzer (no -jobs/-workers, which would fork children and hide their output in
# fuzz-N.log files). The first corpus directory receives new inputs; the seeds are only read.
set +e
cargo fuzz run -s "$sanitizer" "$target" "$corpus" "fuzz/seeds/$target" -- \
    "${dict[@]}" -max_total_time="$seconds" -max_len="$max_len" -timeout="${TIMEOUT:-10}" \
    -rss_limit_mb="${RSS_MB:-2048}" -print_final_stats=1 "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

echo
echo "== summary: $target, ${seconds}s, sanitizer $sanitizer =="
grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)' "$log" | tail -n 2 || true
grep -E '^(Done [0-9]+ runs|stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb))' "$log" || true
crashes=$(find "fuzz/artifacts/$target" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'slow-unit-*' \) | wc -l)
echo "artifacts in fuzz/artifacts/$target: $crashes"
if [[ $status -ne 0 ]]; then
    echo "libFuzzer stopped with status $status: see $log and fuzz/artifacts/$target/" >&2
fi
exit "$status"
