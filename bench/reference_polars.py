"""Reference pipeline 2: Polars (lazy, one `collect_all`) + `write_excel` on the canonical registry.

Parses every row with an explicit schema (dates as Date, capital as Decimal(18, 2), region codes
as text), applies the contract's derivations (§1.4) and metrics (§3.1), builds the five
aggregations as lazy frames over one scan and collects them together (the shared scan is
computed once), then writes tables/*.csv and polars.xlsx.
"""
import os

import polars as pl
import xlsxwriter

import common

SCHEMA = {
    "registration_id": pl.String, "name": pl.String, "creation_date": pl.Date,
    "region_code": pl.String, "province": pl.String, "sector": pl.String,
    "members_total": pl.Int64, "members_women": pl.Int64, "members_men": pl.Int64,
    "capital_mad": pl.Decimal(18, 2),
}


def main():
    args = common.arguments(__doc__)
    scan = pl.scan_csv(args.input, schema=SCHEMA, has_header=True)
    total, women, men = pl.col("members_total"), pl.col("members_women"), pl.col("members_men")
    reported = women.is_not_null() | men.is_not_null()
    derived = (
        scan.filter(pl.col("registration_id").is_not_null()
                    & pl.col("creation_date").is_between(pl.date(2005, 1, 1), pl.date(2024, 12, 31)))
        .with_columns(reported.alias("reported"), total.fill_null(women + men).alias("members_total"))
        .with_columns(men.fill_null(total - women).alias("members_men"))
        .with_columns(women.fill_null(total - men).alias("members_women"))
        .select(
            "region_code", "sector",
            pl.col("creation_date").dt.year().alias("year"),
            pl.col("creation_date").dt.quarter().alias("quarter"),
            pl.lit(1, dtype=pl.Int64).alias("cooperatives"),
            total,
            pl.when("reported").then(women).otherwise(0).alias("members_women"),
            pl.when("reported").then(men).otherwise(0).alias("members_men"),
            pl.when("reported").then(0).otherwise(total).alias("members_gender_unknown"),
            (pl.col("reported") & (women == total)).cast(pl.Int64).alias("women_cooperatives"),
            pl.col("capital_mad").fill_null(0),
        )
    )
    groupings = [["region_code"], ["sector"], ["year"], ["year", "quarter"], ["region_code", "sector"]]
    frames = pl.collect_all([derived.group_by(keys).agg(pl.col(common.SUMS).sum()) for keys in groupings])

    def sums(frame, keys):
        return {common.plain_key(tuple(row[k] for k in keys) if len(keys) > 1 else row[keys[0]]): row
                for row in frame.to_dicts()}

    tables = common.lay_out(*(sums(frame, keys) for frame, keys in zip(frames, groupings)))
    common.write_csv(args.output, tables)
    with xlsxwriter.Workbook(os.path.join(args.output, "polars.xlsx")) as workbook:
        for name, (header, cells) in common.xlsx_frames(tables).items():
            pl.DataFrame(cells, schema=header, orient="row").write_excel(workbook, worksheet=name)


if __name__ == "__main__":
    main()
