#!/usr/bin/env bash
# Soak test of `coopstat refresh` (issue 6), run by `make soak` after `make release`:
#   1. the kill -9 test (Tests/EndToEndTests/RefreshKillTests.swift) with KILLS kills per seed,
#      for each seed in SEEDS, against the RELEASE binary (what cron runs);
#   2. the concurrency tests (2 and 5 concurrent refreshes, late run) ROUNDS times.
# The checks are the XCTest ones (one checker for `make test` and the soak); only the numbers
# change. Prints runs, kills, where the kills landed, failures and time; exit 1 on any failure.
#
#   KILLS=60 SEEDS="1 2 3" ROUNDS=5 bash Tests/Soak/soak.sh
set -uo pipefail
cd "$(dirname "$0")/../.."

KILLS=${KILLS:-60}
SEEDS=${SEEDS:-25203712}
ROUNDS=${ROUNDS:-3}
BIN=${COOPSTAT_BIN:-$PWD/.build/release/coopstat}
LOG=${SOAK_LOG:-$(mktemp -t coopstat-soak.XXXXXX)}

if [ ! -x "$BIN" ]; then
  echo "soak: $BIN is missing; run 'make release' first (or set COOPSTAT_BIN)" >&2
  exit 1
fi
echo "soak: binary $BIN; kills per seed $KILLS; seeds $SEEDS; concurrency rounds $ROUNDS; log $LOG"
echo "soak: building the test bundle (debug)…"
swift build --build-tests >>"$LOG" 2>&1 || { echo "soak: build failed, see $LOG" >&2; exit 1; }

start=$(date +%s.%N)
failures=0
kills=0
runs=0
for seed in $SEEDS; do
  t0=$(date +%s.%N)
  out=$(COOPSTAT_E2E_BINARY="$BIN" COOPSTAT_SOAK_KILLS="$KILLS" COOPSTAT_SOAK_SEED="$seed" \
        swift test --skip-build --filter 'EndToEndTests.RefreshKillTests' 2>&1)
  status=$?
  echo "$out" >>"$LOG"
  line=$(grep -o 'RefreshKillTests: .*' <<<"$out" | head -1)
  t1=$(date +%s.%N)
  if [ $status -ne 0 ] || [ -z "$line" ]; then
    failures=$((failures + 1))
    echo "soak: seed $seed FAILED (exit $status):"
    grep -E 'error:|XCTAssert|failed' <<<"$out" | head -20
  else
    echo "soak: seed $seed ok — ${line#RefreshKillTests: } (wall $(awk "BEGIN{printf \"%.1f\", $t1 - $t0}") s)"
  fi
  k=$(grep -o '^[0-9]* kills' <<<"${line#RefreshKillTests: }" | grep -o '^[0-9]*')
  r=$(grep -o '[0-9]* runs' <<<"$line" | grep -o '^[0-9]*')
  kills=$((kills + ${k:-0}))
  runs=$((runs + ${r:-0}))
done

for round in $(seq 1 "$ROUNDS"); do
  out=$(COOPSTAT_E2E_BINARY="$BIN" swift test --skip-build --filter 'EndToEndTests.RefreshConcurrencyTests' 2>&1)
  status=$?
  echo "$out" >>"$LOG"
  # 2 + 5 concurrent runs and a follow-up each, 2 runs (+1) in the late-run test.
  runs=$((runs + 2 + 1 + 5 + 1 + 3))
  if [ $status -ne 0 ]; then
    failures=$((failures + 1))
    echo "soak: concurrency round $round FAILED:"
    grep -E 'error:|failed' <<<"$out" | head -20
  else
    echo "soak: concurrency round $round ok"
  fi
done

end=$(date +%s.%N)
printf 'soak: %d refresh runs, %d kills, %d failures, %.1f s\n' "$runs" "$kills" "$failures" "$(awk "BEGIN{print $end - $start}")"
[ "$failures" -eq 0 ]
