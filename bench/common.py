"""What the three reference pipelines share: the job's fixed vocabulary (regions, sectors, the
analysed range), the command line, and the CSV writing of the finished tables.

Invariant: every reference writes the same five tables with the columns of CONTRACT §3.1 and
the same formatting as coopstat (women_share 4 places half up, capital_mad 2 places), so
compare.py can put any two output folders side by side. Only stdlib here: the aggregation
itself is each library's own work.
"""
import argparse
import csv
import os
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(os.path.dirname(HERE), "datasets", "reference")

FIRST_YEAR, LAST_YEAR = 2005, 2024          # the contract's default analysed range
RANGE_START, RANGE_END = "2005-01-01", "2024-12-31"

# Canonical registry columns (coopstat sample --canonical).
COLUMNS = ["registration_id", "name", "creation_date", "region_code", "province", "sector",
           "members_total", "members_women", "members_men", "capital_mad"]

METRICS = ["cooperatives", "members_total", "members_women", "members_men",
           "members_gender_unknown", "women_share", "women_cooperatives", "capital_mad"]
# The sums each reference computes per group (women_share is derived from women and men).
SUMS = ["cooperatives", "members_total", "members_women", "members_men",
        "members_gender_unknown", "women_cooperatives", "capital_mad"]

TABLES = ["by_region", "by_sector", "yearly", "quarterly", "region_sector"]


def arguments(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--input", required=True, help="canonical registry CSV")
    parser.add_argument("--output", required=True, help="output folder (tables/*.csv and an xlsx)")
    return parser.parse_args()


def _reference_rows(name):
    with open(os.path.join(REFERENCE, name), encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def regions():
    """[(code, English name)] in code order: the 12 regions of 2015."""
    return [(row["region_code"], row["name_en"]) for row in _reference_rows("regions.csv")]


def sectors():
    """[(code, English name)] in taxonomy order, `other` last."""
    rows = [(row["sector_code"], row["name_en"]) for row in _reference_rows("sectors.csv")]
    return [r for r in rows if r[0] != "other"] + [r for r in rows if r[0] == "other"]


def years():
    return list(range(FIRST_YEAR, LAST_YEAR + 1))


def quarters():
    """[(year, quarter)] over the range."""
    return [(y, q) for y in years() for q in range(1, 5)]


def share(women, men):
    """women / (women + men), 4 places, half up; empty when undefined (as coopstat writes it)."""
    denominator = women + men
    if denominator == 0:
        return ""
    return str((Decimal(women) / Decimal(denominator)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


def money(value):
    """An exact decimal (Decimal, or int centimes when `cents`) with 2 places."""
    return str(Decimal(value).quantize(Decimal("0.01")))


def metric_cells(sums):
    """The contract's metric cells from a dict of SUMS (capital_mad a Decimal)."""
    return [int(sums["cooperatives"]), int(sums["members_total"]), int(sums["members_women"]),
            int(sums["members_men"]), int(sums["members_gender_unknown"]),
            share(int(sums["members_women"]), int(sums["members_men"])),
            int(sums["women_cooperatives"]), money(sums["capital_mad"])]


ZERO = {name: 0 for name in SUMS}


def lay_out(by_region, by_sector, by_year, by_quarter, by_region_sector):
    """The five tables as {name: (header, rows)} from dicts of SUMS keyed by region code, sector
    code, year, (year, quarter), (region code, sector code); missing keys are zero rows."""
    tables = {}
    tables["by_region"] = (["region_code", "region"] + METRICS,
                           [[code, name] + metric_cells(by_region.get(code, ZERO)) for code, name in regions()])
    tables["by_sector"] = (["sector_code", "sector"] + METRICS,
                           [[code, name] + metric_cells(by_sector.get(code, ZERO)) for code, name in sectors()])
    rows, cumulative = [], 0
    for year in years():
        sums = by_year.get(year, ZERO)
        cumulative += int(sums["cooperatives"])
        rows.append([year] + metric_cells(sums) + [cumulative])
    tables["yearly"] = (["year"] + METRICS + ["cumulative_cooperatives"], rows)
    rows, cumulative = [], 0
    for year, quarter in quarters():
        sums = by_quarter.get((year, quarter), ZERO)
        cumulative += int(sums["cooperatives"])
        rows.append([f"{year}Q{quarter}"] + metric_cells(sums) + [cumulative])
    tables["quarterly"] = (["quarter"] + METRICS + ["cumulative_cooperatives"], rows)
    rows = []
    for region, _ in regions():
        for sector, _ in sectors():
            sums = by_region_sector.get((region, sector), ZERO)
            rows.append([region, sector, int(sums["cooperatives"]), int(sums["members_total"]),
                         int(sums["members_women"])])
    tables["region_sector"] = (["region_code", "sector_code", "cooperatives", "members_total", "members_women"], rows)
    return tables


def write_csv(output, tables):
    folder = os.path.join(output, "tables")
    os.makedirs(folder, exist_ok=True)
    for name, (header, rows) in tables.items():
        with open(os.path.join(folder, name + ".csv"), "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)


def xlsx_frames(tables):
    """{name: (header, rows)} with numbers as numbers for a workbook (women_share, capital_mad as
    floats: Excel stores doubles; the CSVs keep the exact text)."""
    result = {}
    for name, (header, rows) in tables.items():
        numeric = []
        for row in rows:
            cells = []
            for column, cell in zip(header, row):
                if column in ("women_share", "capital_mad"):
                    cells.append(float(cell) if cell != "" else None)
                else:
                    cells.append(cell)
            numeric.append(cells)
        result[name] = (header, numeric)
    return result


def plain_key(key):
    """A group key as plain Python (str codes, int years/quarters; tuples stay tuples)."""
    if isinstance(key, tuple):
        return tuple(plain_key(part) for part in key)
    return key if isinstance(key, str) else int(key)
