#!/usr/bin/env bash
# make check-office: opens the workbook in a real spreadsheet program (LibreOffice Calc, headless),
# lets it recalculate every formula, and checks that the totals it computes equal the sums of the
# CSV tables (and that every table cell equals the CSV). Also renders the workbook to PDF and PNG
# pages for a human to look at. Not part of `make test` (it installs packages and takes a minute).
#
# Output (kept): ${CHECK_OFFICE_OUT:-/tmp/check-office}/{en,fr,ar}/ with coopstat.xlsx, the PDF,
# one CSV per sheet and PNG pages.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
out="${CHECK_OFFICE_OUT:-/tmp/check-office}"
languages="${CHECK_OFFICE_LANGS:-en fr ar}"

need=""
command -v soffice >/dev/null 2>&1 || need="$need libreoffice-calc"
command -v pdftoppm >/dev/null 2>&1 || need="$need poppler-utils"
if [ -n "$need" ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "installing$need"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq --no-install-recommends $need fonts-dejavu-core >/dev/null 2>&1 \
      || (apt-get update -qq && apt-get install -y -qq --no-install-recommends $need fonts-dejavu-core >/dev/null)
  else
    echo "missing:$need; run: sudo apt-get update && sudo apt-get install -y$need" >&2
    exit 1
  fi
fi

swift build -c release --product coopstat
bin="$root/.build/release/coopstat"

rm -rf "$out"
mkdir -p "$out"
registries="$root/datasets/registries"
if [ ! -d "$registries" ]; then
  echo "datasets/registries is missing: generating the sample registries into $out/registries"
  "$bin" sample --output "$out/registries" >/dev/null
  registries="$out/registries"
fi

# A LibreOffice profile that recalculates every formula of an xlsx on load (OOXMLRecalcMode 0 =
# always), so the totals checked below are LibreOffice's own, not the values cached in the file.
profile="$out/lo-profile"
mkdir -p "$profile/user"
cat > "$profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU
soffice=(soffice "-env:UserInstallation=file://$profile" --headless --norestore)

status=0
for lang in $languages; do
  dir="$out/$lang"
  mkdir -p "$dir/csv" "$dir/png"
  "$bin" run --input "$registries" --output "$dir/run" --lang "$lang" --quiet || true
  [ -f "$dir/run/coopstat.xlsx" ] || { echo "FAIL $lang: coopstat run wrote no workbook" >&2; status=1; continue; }
  cp "$dir/run/coopstat.xlsx" "$dir/coopstat.xlsx"
  "${soffice[@]}" --convert-to pdf --outdir "$dir" "$dir/coopstat.xlsx" >/dev/null 2>&1
  (cd "$dir/csv" && "${soffice[@]}" --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
      --outdir "$dir/csv" "$dir/coopstat.xlsx" >/dev/null 2>&1)
  [ -f "$dir/coopstat.pdf" ] || { echo "FAIL $lang: LibreOffice produced no PDF" >&2; status=1; continue; }
  pdftoppm -r 60 -png "$dir/coopstat.pdf" "$dir/png/page"
  if python3 "$root/Tests/Office/compare_totals.py" "$dir/coopstat.xlsx" "$dir/csv" "$dir/run/tables"; then
    echo "ok $lang: LibreOffice's totals and cells equal the CSV tables ($(ls "$dir/png" | wc -l) PDF pages in $dir/png)"
  else
    echo "FAIL $lang" >&2
    status=1
  fi
done
exit $status
