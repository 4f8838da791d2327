#!/usr/bin/env bash
# Fuzzes the CoopIngest byte layer (decoding, delimiter sniffing, CSV scanning) with libFuzzer.
# Usage: Tests/Fuzz/run.sh [extra libFuzzer flags]   (FUZZ_SECONDS, default 60)
# Crashing inputs land in .build-fuzz/artifacts/; new coverage in .build-fuzz/corpus/.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p .build-fuzz/corpus .build-fuzz/artifacts
swiftc -sanitize=fuzzer,address -parse-as-library -O \
    Tests/Fuzz/FuzzScanner.swift Sources/CoopIngest/Text/*.swift \
    -o .build-fuzz/fuzz-scanner
SWIFT_BACKTRACE=enable=no ./.build-fuzz/fuzz-scanner \
    -max_total_time="${FUZZ_SECONDS:-60}" -max_len=4096 -print_final_stats=1 \
    -artifact_prefix=.build-fuzz/artifacts/ \
    "$@" .build-fuzz/corpus Tests/Fuzz/corpus
