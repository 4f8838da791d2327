#!/usr/bin/env bash
# coopstat against pandas, Polars and DuckDB on the same job (issue 7) — `make bench`.
#
# Expects the release binary (make builds it: `bench: release`). Installs the Python references
# into bench/.venv, generates the canonical registries into bench/data/ on demand, runs every
# tool BENCH_REPEATS times per size (alternating), measures wall time, peak RSS and CPU seconds
# with /usr/bin/time -v, checks that all tools give the same numbers (compare.py), prints the
# table and writes bench/RESULTS.md.
#
#   BENCH_SIZES    sizes to run, among: national 1m 10m   (default all three; 10m is ~1 GB, generated once into bench/data)
#   BENCH_REPEATS  runs per tool and size                (default 3)
#   BENCH_NOTE     a sentence written into RESULTS.md    (e.g. the state of the machine)
# Never part of `make test`.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
BENCH="$ROOT/bench"
BIN="$ROOT/.build/release/coopstat"
DATA="$BENCH/data"
OUT="$BENCH/out"
VENV="$BENCH/.venv"
SIZES="${BENCH_SIZES:-national 1m 10m}"
REPEATS="${BENCH_REPEATS:-3}"
PINS="pandas==3.1.1 polars==2.1.0 duckdb==2.0.1 xlsxwriter==3.3.1 openpyxl==3.1.5"
FORMATS_FULL="xlsx,txt,csv,json"
# The references analyse 2005..2024 (bench/common.py); coopstat's default range now runs to today.
RANGE_END=2024-12-31

say() { printf 'bench: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

[ -x "$BIN" ] || die "$BIN is missing; build it first (make bench does: make release)"
case "$REPEATS" in ''|*[!0-9]*|0) die "BENCH_REPEATS must be a positive integer (got '$REPEATS')";; esac
for size in $SIZES; do
  case "$size" in national|1m|10m) ;; *) die "unknown size '$size' in BENCH_SIZES (use national, 1m, 10m)";; esac
done

# --- tools -------------------------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" = "0" ]; then
    say "installing GNU time (/usr/bin/time)"
    apt-get install -y -qq time >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
  else
    die "/usr/bin/time is missing; run: sudo apt-get install -y time"
  fi
fi

if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$VENV/.pins" 2>/dev/null)" != "$PINS" ]; then
  say "installing the Python references into bench/.venv ($PINS)"
  python3 -m venv "$VENV"
  # shellcheck disable=SC2086
  "$VENV/bin/pip" install --quiet --disable-pip-version-check $PINS
  echo "$PINS" > "$VENV/.pins"
fi
PY="$VENV/bin/python"

# --- data --------------------------------------------------------------------------------------
scale_of() { case "$1" in national) echo 1;; 1m) echo 16.66;; 10m) echo 166.5;; esac; }

canonical() {  # canonical() SIZE -> path of the canonical registry, generated when missing
  local size="$1" file="$DATA/$1/canonical.csv"
  if [ ! -s "$file" ]; then
    say "generating $size canonical registry (scale $(scale_of "$size")) into bench/data/$size"
    mkdir -p "$DATA/$size"
    "$BIN" sample --canonical --scale "$(scale_of "$size")" --output "$DATA/$size" --quiet \
      || die "coopstat sample --canonical failed for $size"
  fi
  echo "$file"
}

messy_registries() {  # the bundled messy registries, or a freshly generated copy of them
  if compgen -G "$ROOT/datasets/registries/*.csv" >/dev/null; then
    echo "$ROOT/datasets/registries"
  else
    if ! compgen -G "$DATA/registries/*.csv" >/dev/null; then
      say "datasets/registries is missing; generating it with coopstat sample into bench/data/registries"
      "$BIN" sample --output "$DATA/registries" --quiet || die "coopstat sample failed"
    fi
    echo "$DATA/registries"
  fi
}

input_bytes() {  # a file's size, or the sum of a folder's *.csv files
  if [ -d "$1" ]; then find "$1" -name '*.csv' -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}'
  else stat -c %s "$1"; fi
}

# --- measuring ---------------------------------------------------------------------------------
rm -rf "$OUT"
mkdir -p "$OUT"
MEASURES="$OUT/measurements.tsv"
printf 'tool\tsize\trepeat\tbytes\twall_s\tcpu_s\trss_kib\tstatus\n' > "$MEASURES"
FAILED=0

# measure TOOL SIZE REPEAT BYTES OUTDIR -- COMMAND...   (OUTDIR is emptied first; "-" for none)
measure() {
  local tool="$1" size="$2" repeat="$3" bytes="$4" outdir="$5"; shift 6
  local timing="$OUT/time.txt" log="$OUT/log-$tool-$size.txt" start end status
  [ "$outdir" = "-" ] || rm -rf "$outdir"
  start=$(date +%s%N)
  set +e
  /usr/bin/time -v -o "$timing" "$@" > "$log" 2>&1
  status=$?
  set -e
  end=$(date +%s%N)
  if [ "$status" != 0 ]; then
    say "$tool on $size failed (exit $status); last lines of $log:"
    tail -n 5 "$log" >&2
    FAILED=1
  fi
  awk -v tool="$tool" -v size="$size" -v repeat="$repeat" -v bytes="$bytes" -v status="$status" \
      -v wall="$(( (end - start) / 1000 ))" -F': ' '
    /User time \(seconds\)/ { user = $2 }
    /System time \(seconds\)/ { sys = $2 }
    /Maximum resident set size/ { rss = $2 }
    END { printf "%s\t%s\t%s\t%s\t%.4f\t%.2f\t%d\t%s\n", tool, size, repeat, bytes, wall / 1e6, user + sys, rss, status }
  ' "$timing" >> "$MEASURES"
}

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
COMPARE_STATUS=0
for size in $SIZES; do
  file="$(canonical "$size")"
  bytes="$(input_bytes "$file")"
  rows=$(( $(wc -l < "$file") - 1 ))
  echo "$size $rows $bytes" >> "$OUT/sizes.txt"
  messy=""
  if [ "$size" = national ]; then
    messy="$(messy_registries)"
    messy_bytes="$(input_bytes "$messy")"
    echo "national-messy $(find "$messy" -name '*.csv' -type f | wc -l) $messy_bytes" >> "$OUT/sizes.txt"
  fi
  cat "$file" > /dev/null   # page cache warm: every tool reads from memory
  say "$size: $rows rows, $bytes bytes, $REPEATS repeats"
  for repeat in $(seq 1 "$REPEATS"); do
    o="$OUT/$size"
    measure cat "$size" "$repeat" "$bytes" - -- bash -c 'cat "$1" > /dev/null' _ "$file"
    measure wc-l "$size" "$repeat" "$bytes" - -- wc -l "$file"
    measure coopstat-full "$size" "$repeat" "$bytes" "$o/coopstat-full" -- \
      "$BIN" run --input "$file" --output "$o/coopstat-full" --period all --range-end "$RANGE_END" --format "$FORMATS_FULL" --quiet
    measure coopstat-csv "$size" "$repeat" "$bytes" "$o/coopstat-csv" -- \
      "$BIN" run --input "$file" --output "$o/coopstat-csv" --period all --range-end "$RANGE_END" --format csv --quiet
    for reference in pandas polars duckdb; do
      measure "$reference" "$size" "$repeat" "$bytes" "$o/$reference" -- \
        "$PY" "$BENCH/reference_$reference.py" --input "$file" --output "$o/$reference"
    done
    if [ -n "$messy" ]; then
      measure coopstat-full national-messy "$repeat" "$messy_bytes" "$OUT/national-messy" -- \
        "$BIN" run --input "$messy" --output "$OUT/national-messy" --period all --range-end "$RANGE_END" --format "$FORMATS_FULL" --quiet
    fi
    say "$size: repeat $repeat/$REPEATS done"
  done
  o="$OUT/$size"
  if python3 "$BENCH/compare.py" "coopstat=$o/coopstat-full" "coopstat-csv=$o/coopstat-csv" \
       "pandas=$o/pandas" "polars=$o/polars" "duckdb=$o/duckdb" > "$OUT/compare-$size.txt" 2>&1; then
    say "$size: $(tail -n 1 "$OUT/compare-$size.txt")"
  else
    COMPARE_STATUS=1
    say "$size: the tools DISAGREE:"
    head -n 40 "$OUT/compare-$size.txt" >&2
  fi
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

# --- report ------------------------------------------------------------------------------------
SWIFT_VERSION="$( (swift --version 2>/dev/null || echo unknown) | head -n 1)"
COOPSTAT_VERSION="$("$BIN" --version 2>/dev/null || echo unknown)"
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
XLSX_WRITTEN=no
[ -s "$OUT/$(echo "$SIZES" | awk '{print $1}')/coopstat-full/coopstat.xlsx" ] && XLSX_WRITTEN=yes
"$PY" "$BENCH/report.py" --out "$OUT" --results "$BENCH/RESULTS.md" --repeats "$REPEATS" \
  --swift "$SWIFT_VERSION" --coopstat "$COOPSTAT_VERSION" --commit "$COMMIT" \
  --load "$LOAD_BEFORE -> $LOAD_AFTER" --xlsx "$XLSX_WRITTEN" --compare "$COMPARE_STATUS" \
  --note "${BENCH_NOTE:-}"

[ "$FAILED" = 0 ] || die "some runs failed (see above and bench/out/log-*.txt)"
[ "$COMPARE_STATUS" = 0 ] || die "the tools gave different numbers (see bench/out/compare-*.txt)"
