#!/usr/bin/env bash
# Fuzzes the CoopIngest ingest path with libFuzzer, one target at a time:
#   scanner   decoding, encoding detection, delimiter sniffing, CSV scanning (Text/ only)
#   values    every value parser through ValueFuzzing.violations (dates, counts, capital, yes/no)
#   registry  the full row pipeline, RegistryParser: bytes -> outcomes + accounting, fed whole
#             and in chunks (same outcomes required), checked against an independent re-scan, then
#             the accepted records on through the metrics cube and the tables (PipelineFuzzing)
# Usage: Tests/Fuzz/run.sh [scanner|values|registry|all] [extra libFuzzer flags]
#   FUZZ_SECONDS  seconds per target (default 60)
#   FUZZ_BUILD_ONLY=1  build the harnesses and stop
# Crashing inputs land in .build-fuzz/artifacts/<target>/; new coverage in .build-fuzz/corpus-<target>/.
# Seeds: Tests/Fuzz/corpus (scanner), corpus-values, corpus-registry; dictionaries: *.dict.
#
# SwiftPM executables rename `main`, which breaks libFuzzer's link, so the harnesses are built with
# swiftc directly. values/registry need more modules: CoopDomain, CoopParallel, CoopIngest, CoopTransform and the
# checks of Tests/CoopFuzzing (a SwiftPM target too, used by the unit tests) are compiled together
# with the harness as ONE module from a copy under .build-fuzz/src with the imports of those
# modules removed. In that copy the registry parser's 64 KiB head (the bytes
# gathered before detecting encoding and delimiter) is scaled down to 256 bytes, so that inputs
# of a few KiB cross it and chunked feeding is really exercised.
set -euo pipefail
cd "$(dirname "$0")/../.."
target="${1:-all}"
[ $# -gt 0 ] && shift
seconds="${FUZZ_SECONDS:-60}"
out=.build-fuzz
mkdir -p "$out"

# Copies CoopDomain + CoopParallel + CoopIngest + CoopTransform + CoopFuzzing into $out/src as one module's sources.
prepare_sources() {
    rm -rf "$out/src"
    mkdir -p "$out/src"
    # Every .swift file below each folder (CoopDomain has Rejects/, CoopIngest has only subfolders).
    local file
    while IFS= read -r file; do
        if [ -e "$out/src/$(basename "$file")" ]; then
            echo "run.sh: two sources named $(basename "$file"); prepare_sources flattens the folders" >&2
            exit 1
        fi
        grep -vE '^import (CoopDomain|CoopParallel|CoopIngest|CoopTransform)$' "$file" > "$out/src/$(basename "$file")"
    done < <(find Sources/CoopDomain Sources/CoopParallel Sources/CoopIngest Sources/CoopTransform Tests/CoopFuzzing \
        -name '*.swift' | LC_ALL=C sort)
    local parser="$out/src/RegistryParser.swift"
    sed -i 's/static let headSize = 64 \* 1024$/static let headSize = 256  \/\/ scaled down for fuzzing (run.sh)/' "$parser"
    if ! grep -q 'static let headSize = 256  ' "$parser"; then
        echo "run.sh: RegistryParser.headSize is no longer '64 * 1024'; update prepare_sources" >&2
        exit 1
    fi
}

# swiftc, without the linker's flood of "Cannot export local symbol '__asan_...'" warnings.
compile() {
    local status=0
    swiftc "$@" 2> "$out/build.log" || status=$?
    grep -v 'Cannot export local symbol' "$out/build.log" >&2 || true
    return $status
}

build() {
    local name="$1"
    case "$name" in
        scanner)
            compile -sanitize=fuzzer,address -parse-as-library -O \
                Tests/Fuzz/FuzzScanner.swift Sources/CoopIngest/Text/*.swift -o "$out/fuzz-scanner" ;;
        values)
            prepare_sources
            compile -sanitize=fuzzer,address -parse-as-library -O -wmo -module-name CoopFuzz \
                "$PWD/Tests/Fuzz/FuzzValues.swift" "$out"/src/*.swift -o "$out/fuzz-values" ;;
        registry)
            prepare_sources
            compile -sanitize=fuzzer,address -parse-as-library -O -wmo -module-name CoopFuzz \
                "$PWD/Tests/Fuzz/FuzzRegistry.swift" "$out"/src/*.swift -o "$out/fuzz-registry" ;;
    esac
}

run() {
    local name="$1"
    shift
    local seeds=Tests/Fuzz/corpus-"$name" dict=() max_len=4096
    [ "$name" = scanner ] && seeds=Tests/Fuzz/corpus
    [ "$name" = values ] && max_len=256
    [ -f Tests/Fuzz/"$name".dict ] && dict=(-dict=Tests/Fuzz/"$name".dict)
    mkdir -p "$out/corpus-$name" "$out/artifacts/$name"
    echo "== fuzzing $name for ${seconds}s"
    SWIFT_BACKTRACE=enable=no "./$out/fuzz-$name" \
        -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=4096 \
        -print_final_stats=1 -artifact_prefix="$out/artifacts/$name/" "${dict[@]}" \
        "$@" "$out/corpus-$name" "$seeds"
}

case "$target" in
    scanner|values|registry) names=("$target") ;;
    all) names=(scanner values registry) ;;
    *) echo "usage: Tests/Fuzz/run.sh [scanner|values|registry|all] [libFuzzer flags]" >&2; exit 2 ;;
esac
for name in "${names[@]}"; do
    echo "== building $name"
    build "$name"
done
[ "${FUZZ_BUILD_ONLY:-0}" = 1 ] && exit 0
for name in "${names[@]}"; do
    run "$name" "$@"
done
