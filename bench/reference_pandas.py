"""Reference pipeline 1: pandas (C parser) + XlsxWriter on the canonical registry.

Parses every row (all ten columns), applies the contract's derivations (§1.4) and metrics
(§3.1), aggregates by region, sector, year, quarter and region × sector, and writes
tables/*.csv and pandas.xlsx. Capital is exact: pandas has no decimal dtype without pyarrow,
so capital_mad is read as text and turned into integer centimes with string operations (never
a float), summed in int64, and written through Decimal.
"""
import os

import pandas as pd

import common


def centimes(text):
    """Exact integer centimes from canonical capital text ("1200", "1200.50"; empty = 0)."""
    text = text.fillna("0")
    parts = text.str.partition(".")
    whole = parts[0].astype("int64")
    fraction = parts[2].str.slice(0, 2).str.pad(2, side="right", fillchar="0").astype("int64")
    return whole * 100 + fraction


def main():
    args = common.arguments(__doc__)
    text = {c: str for c in ("registration_id", "name", "creation_date", "region_code", "province", "sector", "capital_mad")}
    counts = {c: "Int64" for c in ("members_total", "members_women", "members_men")}
    frame = pd.read_csv(args.input, dtype={**text, **counts}, keep_default_na=False, na_values=[""], engine="c")

    day = pd.to_datetime(frame["creation_date"], format="%Y-%m-%d", errors="coerce")
    keep = frame["registration_id"].notna() & (day >= common.RANGE_START) & (day <= common.RANGE_END)
    frame, day = frame[keep], day[keep]

    total, women, men = frame["members_total"], frame["members_women"], frame["members_men"]
    reported = women.notna() | men.notna()
    total = total.fillna(women + men)
    men = men.fillna(total - women)
    women = women.fillna(total - men)

    rows = pd.DataFrame({
        "region_code": frame["region_code"],
        "sector": frame["sector"],
        "year": day.dt.year,
        "quarter": day.dt.quarter,
        "cooperatives": 1,
        "members_total": total.astype("int64"),
        "members_women": women.where(reported, 0).astype("int64"),
        "members_men": men.where(reported, 0).astype("int64"),
        "members_gender_unknown": total.where(~reported, 0).astype("int64"),
        "women_cooperatives": (reported & (women == total)).astype("int64"),
        "capital_mad": centimes(frame["capital_mad"]),
    })

    def sums(keys):
        grouped = rows.groupby(keys, sort=False)[common.SUMS].sum()
        result = {}
        for key, values in zip(grouped.index, grouped.to_dict("records")):
            values["capital_mad"] = common.Decimal(int(values["capital_mad"])).scaleb(-2)
            result[common.plain_key(key)] = values
        return result

    tables = common.lay_out(sums("region_code"), sums("sector"), sums("year"),
                            sums(["year", "quarter"]), sums(["region_code", "sector"]))
    common.write_csv(args.output, tables)
    with pd.ExcelWriter(os.path.join(args.output, "pandas.xlsx"), engine="xlsxwriter") as writer:
        for name, (header, cells) in common.xlsx_frames(tables).items():
            pd.DataFrame(cells, columns=header).to_excel(writer, sheet_name=name, index=False)


if __name__ == "__main__":
    main()
