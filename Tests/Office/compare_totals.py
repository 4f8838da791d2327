#!/usr/bin/env python3
"""Compares the sheets LibreOffice exported as CSV (values it computed) with coopstat's tables/*.csv.

usage: compare_totals.py WORKBOOK.xlsx SHEET_CSV_FOLDER TABLES_FOLDER

For every Excel table of the workbook that has a tables/NAME.csv: each data cell must equal the CSV
(numbers numerically, text exactly), and in the totals row each summed column must equal the sum of
the CSV column, and a share column must equal its parts' totals (women / (women + men)).
"""
import csv
import glob
import math
import os
import posixpath
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "p": "http://schemas.openxmlformats.org/package/2006/relationships",
}
SUMMED = {"cooperatives", "members_total", "members_women", "members_men", "members_gender_unknown",
          "women_cooperatives", "capital_mad", "members", "members_youth", "cooperatives_reporting",
          "members_total_reporting"}
SHARES = {"women_share": ("members_women", ["members_women", "members_men"]),
          "youth_share": ("members_youth", ["members_total_reporting"])}


def rels(z, part):
    folder, name = posixpath.split(part)
    path = posixpath.join(folder, "_rels", name + ".rels")
    if path not in z.namelist():
        return {}
    tree = ET.fromstring(z.read(path))
    return {r.get("Id"): posixpath.normpath(posixpath.join(folder, r.get("Target")))
            for r in tree.findall("p:Relationship", NS)}


def tables_by_sheet(path):
    """[(sheet name, table name, first row, last row, has totals)] with zero-based rows."""
    found = []
    with zipfile.ZipFile(path) as z:
        book = ET.fromstring(z.read("xl/workbook.xml"))
        book_rels = rels(z, "xl/workbook.xml")
        for sheet in book.find("m:sheets", NS):
            part = book_rels[sheet.get("{%s}id" % NS["r"])]
            sheet_rels = rels(z, part)
            tree = ET.fromstring(z.read(part))
            parts = tree.find("m:tableParts", NS)
            for tp in (parts if parts is not None else []):
                table = ET.fromstring(z.read(sheet_rels[tp.get("{%s}id" % NS["r"])]))
                first, last = table.get("ref").split(":")
                row = lambda ref: int("".join(ch for ch in ref if ch.isdigit())) - 1
                found.append((sheet.get("name"), table.get("name"), row(first), row(last),
                              table.get("totalsRowCount") == "1"))
    return found


def number(text):
    """A number as LibreOffice exports it (`0.4785`, or `47.85%` for percent-formatted cells)."""
    try:
        if text.endswith("%"):
            return float(text[:-1]) / 100
        return float(text)
    except ValueError:
        return None


def main():
    workbook, sheet_folder, tables_folder = sys.argv[1:4]
    base = os.path.splitext(os.path.basename(workbook))[0]
    failures, checked_totals, checked_cells = [], 0, 0
    for sheet, name, first, last, totals in tables_by_sheet(workbook):
        table_csv = os.path.join(tables_folder, name + ".csv")
        if not os.path.exists(table_csv):
            continue
        sheet_csv = os.path.join(sheet_folder, "%s-%s.csv" % (base, sheet))
        if not os.path.exists(sheet_csv):
            failures.append("%s: LibreOffice wrote no %s" % (name, sheet_csv))
            continue
        with open(sheet_csv, newline="", encoding="utf-8") as f:
            grid = list(csv.reader(f))
        with open(table_csv, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        keys, data = rows[0], rows[1:]
        cell = lambda r, c: grid[r][c] if r < len(grid) and c < len(grid[r]) else ""
        for i, values in enumerate(data):
            for c, expected in enumerate(values):
                got = cell(first + 1 + i, c)
                a, b = number(expected), number(got)
                same = (a is not None and b is not None and math.isclose(a, b, abs_tol=1e-9)) or got == expected
                if not same:
                    failures.append("%s row %d %s: LibreOffice shows %r, CSV has %r" % (name, i + 1, keys[c], got, expected))
                checked_cells += 1
        if not totals or not data:
            continue
        total_row = last
        sums = {}
        for c, key in enumerate(keys):
            if key in SUMMED:
                sums[key] = sum(number(r[c]) or 0.0 for r in data)
                got = number(cell(total_row, c))
                if got is None or not math.isclose(got, sums[key], abs_tol=0.005):
                    failures.append("%s totals %s: LibreOffice computed %r, the CSV sums to %r" % (name, key, cell(total_row, c), sums[key]))
                checked_totals += 1
        for c, key in enumerate(keys):
            if key in SHARES:
                top, bottom = SHARES[key]
                if top not in sums or any(b not in sums for b in bottom):
                    continue
                denominator = sum(sums[b] for b in bottom)
                got = cell(total_row, c)
                if denominator == 0:
                    ok = got == ""
                else:
                    ok = number(got) is not None and math.isclose(number(got), sums[top] / denominator, abs_tol=1e-9)
                if not ok:
                    failures.append("%s totals %s: LibreOffice computed %r" % (name, key, got))
                checked_totals += 1
    for failure in failures:
        print("  " + failure, file=sys.stderr)
    print("  checked %d table cells and %d totals against the CSV tables" % (checked_cells, checked_totals))
    if checked_totals == 0:
        print("  no totals were checked", file=sys.stderr)
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
