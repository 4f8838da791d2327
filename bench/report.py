"""Turns bench/out/measurements.tsv into the printed table and bench/RESULTS.md.

One row per tool and size: median wall seconds, MB/s of input (10^6 bytes over the median wall),
median peak RSS (MiB), median CPU seconds (user + system), and the ratio coopstat/tool (coopstat's
full run's median wall over this tool's: below 1 means coopstat is faster). The messy national
run is compared with the fastest reference on the national canonical file, as issue 7's target
says. Invariant: it only reads what run.sh measured; it never times anything itself.
"""
import argparse
import csv
import os
import platform
import statistics
import sys

REFERENCES = ["pandas", "polars", "duckdb"]
ORDER = ["coopstat-full", "coopstat-csv", "pandas", "polars", "duckdb", "cat", "wc-l"]
SIZE_ORDER = ["national", "national-messy", "1m", "10m"]
LABELS = {
    "coopstat-full": "coopstat run (xlsx,txt,csv,json)",
    "coopstat-csv": "coopstat run (csv only)",
    "pandas": "pandas + XlsxWriter",
    "polars": "Polars lazy + write_excel",
    "duckdb": "DuckDB (2 threads)",
    "cat": "floor: cat FILE > /dev/null",
    "wc-l": "floor: wc -l FILE",
}


def machine():
    model, memory = "unknown", "unknown"
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo") as handle:
            for line in handle:
                if line.startswith("MemTotal"):
                    memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                    break
    except OSError:
        pass
    return os.cpu_count(), model, memory


def versions():
    found = {"python": platform.python_version()}
    for name in ("pandas", "polars", "duckdb", "xlsxwriter", "openpyxl"):
        try:
            found[name] = __import__(name).__version__
        except Exception:  # noqa: BLE001 - a missing library is reported, not fatal
            found[name] = "not installed"
    return found


def load(out):
    rows = list(csv.DictReader(open(os.path.join(out, "measurements.tsv")), delimiter="\t"))
    groups = {}
    for row in rows:
        groups.setdefault((row["tool"], row["size"]), []).append(row)
    sizes = {}
    with open(os.path.join(out, "sizes.txt")) as handle:
        for line in handle:
            name, count, size = line.split()
            sizes[name] = (int(count), int(size))
    return groups, sizes


def summarise(groups):
    summary = {}
    for key, runs in groups.items():
        ok = [r for r in runs if r["status"] == "0"]
        if not ok:
            summary[key] = None
            continue
        wall = statistics.median(float(r["wall_s"]) for r in ok)
        summary[key] = {
            "wall": wall,
            "walls": [float(r["wall_s"]) for r in ok],
            "cpu": statistics.median(float(r["cpu_s"]) for r in ok),
            "rss": statistics.median(int(r["rss_kib"]) for r in ok) / 1024,
            "bytes": int(ok[0]["bytes"]),
            "runs": len(ok),
            "failed": len(runs) - len(ok),
        }
    return summary


def table(summary, sizes):
    header = ["tool", "size", "input MB", "median wall s", "MB/s", "peak RSS MiB", "CPU s", "coopstat/tool (wall)",
              "coopstat/tool (CPU)"]
    lines = []
    present = sorted({size for _, size in summary}, key=lambda s: SIZE_ORDER.index(s) if s in SIZE_ORDER else 99)
    for size in present:
        base_size = "national" if size == "national-messy" else size
        coopstat = summary.get(("coopstat-full", size))
        references = [summary.get((r, base_size)) for r in REFERENCES]
        fastest = min((r["wall"] for r in references if r), default=None)
        fastest_cpu = min((r["cpu"] for r in references if r), default=None)
        for tool in ORDER:
            result = summary.get((tool, size), "absent")
            if result == "absent":
                continue
            label = LABELS[tool] + (" — messy bundled registries" if size == "national-messy" else "")
            if result is None:
                lines.append([label, size, "", "failed", "", "", "", "", ""])
                continue
            if size == "national-messy":
                ratio = f"{coopstat['wall'] / fastest:.2f} vs fastest reference" if fastest and coopstat else ""
                cpu_ratio = f"{coopstat['cpu'] / fastest_cpu:.2f} vs fastest reference" if fastest_cpu and coopstat else ""
            elif tool == "coopstat-full":
                ratio = cpu_ratio = "1.00"
            else:
                ratio = f"{coopstat['wall'] / result['wall']:.2f}" if coopstat else ""
                cpu_ratio = f"{coopstat['cpu'] / result['cpu']:.2f}" if coopstat and result["cpu"] > 0 else ""
            megabytes = result["bytes"] / 1e6
            lines.append([label, size, f"{megabytes:.1f}", f"{result['wall']:.3f}",
                          f"{megabytes / result['wall']:.0f}" if result["wall"] > 0 else "",
                          f"{result['rss']:.1f}", f"{result['cpu']:.2f}", ratio, cpu_ratio])
    return header, lines


def targets(summary, sizes):
    notes = []
    messy = summary.get(("coopstat-full", "national-messy"))
    refs = [(r, summary.get((r, "national"))) for r in REFERENCES]
    refs = [(r, s) for r, s in refs if s]
    if messy and refs:
        name, fastest = min(refs, key=lambda item: item[1]["wall"])
        factor = fastest["wall"] / messy["wall"]
        notes.append(f"National, full run on the messy registries: {messy['wall']:.3f} s vs {name} "
                     f"{fastest['wall']:.3f} s on the canonical file: speed-up {factor:.2f}x "
                     f"(target ≥ 3x): {'met' if factor >= 3 else 'NOT met'}.")
    for size in ("1m", "10m"):
        coopstat, duckdb = summary.get(("coopstat-full", size)), summary.get(("duckdb", size))
        if coopstat and duckdb:
            factor = duckdb["wall"] / coopstat["wall"]
            target = " (target ≥ 2x at 10M)" if size == "10m" else " (the 2x target is for 10M)"
            mbps = coopstat["bytes"] / 1e6 / coopstat["wall"]
            notes.append(f"{size}: coopstat full run {coopstat['wall']:.3f} s ({mbps:.0f} MB/s) vs DuckDB "
                         f"{duckdb['wall']:.3f} s: speed-up {factor:.2f}x{target}"
                         + (f": {'met' if factor >= 2 else 'NOT met'}." if size == "10m" else "."))
        if coopstat and size in sizes:
            rows = sizes[size][0]
            budget = 64 + 32 * rows / 1024 / 1024
            notes.append(f"{size}: peak RSS {coopstat['rss']:.1f} MiB; budget 64 MiB + 32 B × {rows:,} "
                         f"cooperatives = {budget:.1f} MiB: {'met' if coopstat['rss'] <= budget else 'NOT met'}.")
    return notes


def markdown(header, lines):
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(line) + " |" for line in lines]
    return "\n".join(out)


def plain(header, lines):
    widths = [max(len(str(row[i])) for row in [header] + lines) for i in range(len(header))]
    return "\n".join("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)) for row in [header] + lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    for option in ("out", "results", "repeats", "swift", "coopstat", "commit", "load", "xlsx", "compare", "note"):
        parser.add_argument("--" + option, default="")
    args = parser.parse_args()
    groups, sizes = load(args.out)
    summary = summarise(groups)
    header, lines = table(summary, sizes)
    print()
    print(plain(header, lines))
    notes = targets(summary, sizes)
    print()
    for note in notes:
        print("- " + note)

    cores, model, memory = machine()
    found = versions()
    text = ["# Benchmark results (issue 7)", ""]
    text.append("Written by `make bench` (bench/run.sh); re-run it to refresh. "
                "Ratios are coopstat's full run (median) over each tool's, in wall time and in CPU seconds: "
                "below 1 means coopstat is faster. The floor rows' ratios only show how far from I/O-bound it is.")
    text.append("")
    if args.note:
        text += ["> " + args.note, ""]
    text += ["## Machine and versions", ""]
    text.append(f"- machine: {cores} cores (`nproc`), {model}, {memory} memory; load average "
                f"(1/5/15 min) before → after the run: {args.load}")
    text.append(f"- coopstat {args.coopstat} at commit {args.commit}; {args.swift}")
    text.append("- " + ", ".join(f"{name} {version}" for name, version in found.items()))
    text.append(f"- {args.repeats} runs per tool and size, alternating tools; median shown; files in the "
                "page cache (read once before timing); wall time from the shell, peak RSS and CPU "
                "(user + system) from `/usr/bin/time -v`.")
    if args.xlsx != "yes":
        text.append("- **coopstat wrote no workbook in this run** (`coopstat.xlsx` absent: the binary was built "
                    "without the real WorkbookWriter), so its \"full run\" lacks the xlsx cost.")
    text += ["", "## Inputs", ""]
    for name, (count, size) in sizes.items():
        what = f"{count} CSV files" if name == "national-messy" else f"{count:,} rows"
        text.append(f"- {name}: {what}, {size / 1e6:.1f} MB")
    text += ["", "## Results", "", markdown(header, lines), "", "## Targets", ""]
    text += ["- " + note for note in notes]
    agree = "all tools gave the same numbers (compare.py)" if args.compare == "0" else \
        "**the tools gave different numbers** — see bench/out/compare-*.txt"
    text += ["", f"Numbers: {agree}.", ""]
    failed = [f"{tool} {size}" for (tool, size), s in summary.items() if s and s["failed"]]
    if failed:
        text += [f"Failed runs (excluded from medians): {', '.join(failed)}.", ""]
    with open(args.results, "w", encoding="utf-8") as handle:
        handle.write("\n".join(text))
    print(f"\nwrote {args.results}", file=sys.stderr)


if __name__ == "__main__":
    main()
