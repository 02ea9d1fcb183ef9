#!/usr/bin/env python3
"""The peers of bench/compare.sh, and the check that all three agree.

    peers.py polars FILE      monthly totals by Polars, as JSON on stdout
    peers.py pandas FILE      the same by pandas
    peers.py check TRADEDASH_JSON PEER_JSON...   compare the monthly totals to the cent
    peers.py table RESULTS_TSV                   print the timing table

Both peers do what `tradedash summary FILE --json` does with a synthetic Comtrade file
(see src/synth.rs: no World, TOTAL or chapter rows, so a month's exports are the plain sum
of its kept X rows): read the CSV, keep the rows with flowCode X or M, customsCode C00,
motCode 0 and partner2Code 0, and sum primaryValue per month and flow. Each reads only the
columns it needs, as an analyst would write it; the code columns are read as text so that
"0" and "C00" compare as written.
"""

import json
import sys

COLUMNS = ["period", "flowCode", "partner2Code", "customsCode", "motCode", "primaryValue"]
CODES = ["period", "flowCode", "partner2Code", "customsCode", "motCode"]


def by_polars(path):
    import polars as pl

    df = (
        pl.scan_csv(path, schema_overrides={c: pl.String for c in CODES} | {"primaryValue": pl.Float64})
        .select(COLUMNS)
        .filter(
            pl.col("flowCode").is_in(["X", "M"])
            & (pl.col("customsCode") == "C00")
            & (pl.col("motCode") == "0")
            & (pl.col("partner2Code") == "0")
        )
        .group_by("period", "flowCode")
        .agg(pl.col("primaryValue").sum(), pl.len().alias("rows"))
        .collect()
    )
    return [(r["period"], r["flowCode"], r["primaryValue"], r["rows"]) for r in df.iter_rows(named=True)]


def by_pandas(path):
    import pandas as pd

    df = pd.read_csv(
        path,
        usecols=COLUMNS,
        dtype={c: str for c in CODES} | {"primaryValue": "float64"},
        encoding="utf-8-sig",
    )
    kept = df[
        df["flowCode"].isin(["X", "M"])
        & (df["customsCode"] == "C00")
        & (df["motCode"] == "0")
        & (df["partner2Code"] == "0")
    ]
    g = kept.groupby(["period", "flowCode"])["primaryValue"].agg(["sum", "size"])
    return [(p, f, float(s), int(n)) for (p, f), (s, n) in g.iterrows()]


def to_json(groups):
    """{"months": [{"period": "2018-01", "exports": …, "imports": …}], "rows_kept": n}."""
    months = {}
    kept = 0
    for period, flow, value, rows in groups:
        p = str(period)
        m = months.setdefault(f"{p[:4]}-{p[4:6]}", {"exports": None, "imports": None})
        m["exports" if flow == "X" else "imports"] = value
        kept += rows
    out = [{"period": p, **v} for p, v in sorted(months.items())]
    return {"months": out, "rows_kept": kept}


def cents(v):
    return None if v is None else round(v * 100)


def check(files):
    """Exits 1, naming the first months that differ, unless every file has the same months
    with the same exports and imports to the cent."""
    loaded = []
    kept = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            data = json.load(fh)
        months = {m["period"]: (cents(m["exports"]), cents(m["imports"])) for m in data["months"]}
        loaded.append((f, months))
        if "rows_kept" in data:
            kept.append((f, data["rows_kept"]))
        else:  # tradedash summary --json
            kept.append((f, data["rows_read"] - data["rows_skipped"] - data["rows_set_aside"]))
    ref_name, ref = loaded[0]
    bad = 0
    if len({k for _, k in kept}) != 1:
        bad += 1
        print("MISMATCH rows kept: " + ", ".join(f"{f} {k}" for f, k in kept))
    for name, months in loaded[1:]:
        for period in sorted(set(ref) | set(months)):
            a, b = ref.get(period), months.get(period)
            if a != b:
                bad += 1
                if bad <= 10:
                    print(f"MISMATCH {period}: {ref_name} {a} vs {name} {b} (cents: exports, imports)")
    if bad:
        print(f"FAILED: {bad} monthly totals differ")
        sys.exit(1)
    total = sum((e or 0) + (i or 0) for e, i in ref.values())
    print(f"check: {len(files)} tools agree on the rows kept ({kept[0][1]:,}) and to the cent on "
          f"{len(ref)} months of exports and imports (turnover ${total / 100:,.2f}, synthetic)")


def table(path):
    """RESULTS_TSV lines: rows, tool, wall seconds (median), max RSS kB (median), status."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            n, tool, wall, rss, status = line.rstrip("\n").split("\t")
            rows.append((int(n), tool, float(wall), int(rss), status))
    for n in sorted({r[0] for r in rows}):
        these = {r[1]: r for r in rows if r[0] == n}
        td = these.get("tradedash")
        print(f"\n{n:,} rows")
        print(f"{'tool':<10} {'wall s':>8} {'peak RSS MB':>12} {'tradedash/tool wall':>20} {'RSS':>7}")
        for tool in ["cat", "tradedash", "polars", "pandas"]:
            if tool not in these:
                continue
            _, _, wall, rss, status = these[tool]
            if status != "ok":
                print(f"{tool:<10} {status}")
                continue
            ratio, rratio = "", ""
            if td and td[4] == "ok" and tool in ("polars", "pandas"):
                ratio = f"{td[2] / wall:.2f}"
                rratio = f"{td[3] / rss:.2f}"
            print(f"{tool:<10} {wall:>8.2f} {rss / 1024:>12.0f} {ratio:>20} {rratio:>7}")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "polars":
        json.dump(to_json(by_polars(args[0])), sys.stdout)
    elif cmd == "pandas":
        json.dump(to_json(by_pandas(args[0])), sys.stdout)
    elif cmd == "check":
        check(args)
    elif cmd == "table":
        table(args[0])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
