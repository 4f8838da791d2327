"""Reference pipeline 3: DuckDB (2 threads) on the canonical registry.

`read_csv` with explicit column types (dates as DATE, capital as DECIMAL(18, 2), region codes
as VARCHAR), the contract's derivations (§1.4) and metrics (§3.1) in SQL, and all five
aggregations in one pass with GROUPING SETS; then tables/*.csv and duckdb.xlsx (XlsxWriter:
DuckDB's own Excel writer is an extension that is downloaded at run time).
"""
import os

import duckdb
import xlsxwriter

import common

TYPES = ("{'registration_id': 'VARCHAR', 'name': 'VARCHAR', 'creation_date': 'DATE', "
         "'region_code': 'VARCHAR', 'province': 'VARCHAR', 'sector': 'VARCHAR', "
         "'members_total': 'BIGINT', 'members_women': 'BIGINT', 'members_men': 'BIGINT', "
         "'capital_mad': 'DECIMAL(18,2)'}")

QUERY = f"""
WITH source AS (
    SELECT * FROM read_csv($path, header = true, delim = ',', quote = '"', escape = '"',
                           columns = {TYPES}, auto_detect = false)
    WHERE registration_id IS NOT NULL
      AND creation_date BETWEEN DATE '{common.RANGE_START}' AND DATE '{common.RANGE_END}'
), derived AS (
    SELECT *, members_women IS NOT NULL OR members_men IS NOT NULL AS reported,
           coalesce(members_total, members_women + members_men) AS total
    FROM source
), rows AS (
    SELECT region_code, sector,
           year(creation_date) AS year, quarter(creation_date) AS quarter,
           total,
           CASE WHEN reported THEN coalesce(members_women, total - members_men) ELSE 0 END AS women,
           CASE WHEN reported THEN coalesce(members_men, total - members_women) ELSE 0 END AS men,
           CASE WHEN reported THEN 0 ELSE total END AS unknown,
           reported, capital_mad
    FROM derived
)
SELECT GROUPING(region_code, sector, year, quarter) AS level,
       region_code, sector, year, quarter,
       count(*) AS cooperatives,
       sum(total) AS members_total,
       sum(women) AS members_women,
       sum(men) AS members_men,
       sum(unknown) AS members_gender_unknown,
       count(*) FILTER (WHERE reported AND women = total) AS women_cooperatives,
       coalesce(sum(capital_mad), 0) AS capital_mad
FROM rows
GROUP BY GROUPING SETS ((region_code), (sector), (year), (year, quarter), (region_code, sector))
"""

# GROUPING() bits, most significant first: region_code, sector, year, quarter (1 = rolled up).
LEVELS = {0b0111: "region", 0b1011: "sector", 0b1101: "year", 0b1100: "quarter", 0b0011: "region_sector"}


def main():
    args = common.arguments(__doc__)
    connection = duckdb.connect()
    connection.execute("SET threads = 2")
    result = connection.execute(QUERY, {"path": args.input})
    names = [column[0] for column in result.description]
    groups = {level: {} for level in LEVELS.values()}
    for values in result.fetchall():
        row = dict(zip(names, values))
        level = LEVELS[row["level"]]
        key = {"region": row["region_code"], "sector": row["sector"], "year": row["year"],
               "quarter": (row["year"], row["quarter"]),
               "region_sector": (row["region_code"], row["sector"])}[level]
        groups[level][common.plain_key(key)] = row

    tables = common.lay_out(groups["region"], groups["sector"], groups["year"], groups["quarter"],
                            groups["region_sector"])
    common.write_csv(args.output, tables)
    with xlsxwriter.Workbook(os.path.join(args.output, "duckdb.xlsx")) as workbook:
        for name, (header, cells) in common.xlsx_frames(tables).items():
            sheet = workbook.add_worksheet(name)
            sheet.write_row(0, 0, header)
            for index, cells_row in enumerate(cells, start=1):
                sheet.write_row(index, 0, cells_row)


if __name__ == "__main__":
    main()
