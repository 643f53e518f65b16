#!/usr/bin/env bash
# The project's test command: formatting, lints, and every test of the workspace.
# Needs only a Rust toolchain; fixtures are in the repo. Checks against ../shared are in
# scripts/check-shared.sh (run by .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo test --workspace --locked
