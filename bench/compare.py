"""Checks that coopstat and the reference pipelines give the same numbers.

Usage: python3 compare.py LABEL=DIR LABEL=DIR ...   (each DIR holds tables/*.csv)
Compares, per table and row key (region, sector, year, quarter, region × sector), every metric:
cooperatives, members_total, members_women, members_men, members_gender_unknown, women_share,
women_cooperatives and capital_mad (as exact decimals). The first folder is the baseline; every
difference is printed as `table key column: label=value ...`. Exit 0 when all agree, 1 otherwise.
Only the standard library: it runs with any python3.
"""
import csv
import os
import sys
from decimal import Decimal, InvalidOperation

TABLES = {
    "by_region": (["region_code"], ["cooperatives", "members_total", "members_women", "members_men",
                                    "members_gender_unknown", "women_share", "women_cooperatives", "capital_mad"]),
    "by_sector": (["sector_code"], ["cooperatives", "members_total", "members_women", "members_men",
                                    "members_gender_unknown", "women_share", "women_cooperatives", "capital_mad"]),
    "yearly": (["year"], ["cooperatives", "members_total", "members_women", "members_men",
                          "members_gender_unknown", "women_share", "women_cooperatives", "capital_mad",
                          "cumulative_cooperatives"]),
    "quarterly": (["quarter"], ["cooperatives", "members_total", "members_women", "members_men",
                                "members_gender_unknown", "women_share", "women_cooperatives", "capital_mad",
                                "cumulative_cooperatives"]),
    "region_sector": (["region_code", "sector_code"], ["cooperatives", "members_total", "members_women"]),
}


def value(text):
    """Numbers compare as exact decimals (so 12.5 == 12.50); empty stays empty."""
    try:
        return Decimal(text) if text != "" else ""
    except InvalidOperation:
        return text


def load(folder, table, keys, columns):
    path = os.path.join(folder, "tables", table + ".csv")
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    missing = [c for c in keys + columns if rows and c not in rows[0]]
    if missing:
        raise ValueError(f"{path}: missing columns {missing}")
    return {tuple(row[k] for k in keys): {c: value(row[c]) for c in columns} for row in rows}


def compare(sources):
    problems = 0
    for table, (keys, columns) in TABLES.items():
        loaded = {}
        for label, folder in sources:
            try:
                loaded[label] = load(folder, table, keys, columns)
            except (OSError, ValueError) as error:
                print(f"MISMATCH {table}: {label}: cannot read ({error})")
                problems += 1
        if len(loaded) < 2:
            continue
        labels = list(loaded)
        all_keys = sorted(set().union(*(set(rows) for rows in loaded.values())))
        for key in all_keys:
            name = "/".join(key)
            absent = [label for label in labels if key not in loaded[label]]
            if absent:
                print(f"MISMATCH {table} {name}: row missing in {', '.join(absent)}")
                problems += 1
                continue
            for column in columns:
                values = {label: loaded[label][key][column] for label in labels}
                if len(set(values.values())) > 1:
                    shown = "  ".join(f"{label}={values[label]}" for label in labels)
                    print(f"MISMATCH {table} {name} {column}: {shown}")
                    problems += 1
    return problems


def main(argv):
    sources = []
    for argument in argv:
        label, _, folder = argument.partition("=")
        if not folder:
            print(f"usage: compare.py LABEL=DIR ...  (got {argument!r})", file=sys.stderr)
            return 2
        sources.append((label, folder))
    if len(sources) < 2:
        print("usage: compare.py LABEL=DIR LABEL=DIR ...", file=sys.stderr)
        return 2
    problems = compare(sources)
    labels = ", ".join(label for label, _ in sources)
    if problems:
        print(f"compare: {problems} difference(s) between {labels}")
        return 1
    print(f"compare: {labels} agree on all {len(TABLES)} tables")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
