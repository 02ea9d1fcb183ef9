#!/usr/bin/env bash
# Workspaces against the CSV they came from, on this machine, in one run: for each size,
# `tradedash generate` writes a SYNTHETIC Comtrade CSV (src/synth/; made-up figures),
# `tradedash save-workspace` saves it as a workspace (NAME.ron + NAME.data), then
# `tradedash summary WORKSPACE --json` is timed against `tradedash summary CSV --json`
# (GNU time: wall time and peak RSS; WARMUP warm-up runs, then the median of REPS runs).
# It CHECKS that both give the same months and years byte for byte, and exits 1 if not,
# or if a target of issue 16 is missed (file ≤ 10 MB at 200 k rows, ≤ 40 MB at 1 M; summary
# of the workspace ≤ 1.5× summary of the CSV).
#
# Usage: bench/workspace.sh [ROWS[,ROWS…]]    default 200000,1000000
# Environment: REPS (default 3), WARMUP (default 1), JOBS for cargo (default 1),
#   SKIP_BUILD=1 to time the target/release/tradedash already there.
# Writes: target/release (cargo build --release), target/bench-data/comtrade-synthetic-N.csv
# (shared with bench/compare.sh and `cargo bench`), target/bench-workspace/ (workspaces, outputs).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-200000,1000000}
reps=${REPS:-3}
warmup=${WARMUP:-1}
target=${CARGO_TARGET_DIR:-target}
data=$target/bench-data
out=$target/bench-workspace
bin=$target/release/tradedash
mkdir -p "$data" "$out"

step() { echo; echo "=== $*"; }

if ! /usr/bin/time -v true >/dev/null 2>&1; then
  echo "bench/workspace.sh needs GNU time at /usr/bin/time: sudo apt-get install time" >&2
  exit 1
fi

step "cargo build --release"
if [ "${SKIP_BUILD:-0}" = 1 ] && [ -x "$bin" ]; then
  echo "SKIP_BUILD=1: using $bin as it is"
else
  cargo build --release --locked -j "${JOBS:-1}" --bin tradedash
fi

step "machine"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD 2>/dev/null || commit="$commit (with uncommitted changes)"
echo "date: $(date -u +%Y-%m-%d)"
echo "tradedash: $commit"
echo "nproc: $(nproc)"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "ram: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"

# run NAME OUTFILE CMD…: warm-up, then REPS timed runs; prints "wall_s rss_kb" medians.
run() {
  local name=$1 result=$2; shift 2
  local i walls=() rsses=() t="$out/time.txt"
  for ((i = 0; i < warmup + reps; i++)); do
    if ! /usr/bin/time -v -o "$t" "$@" >"$result" 2>"$out/$name.stderr"; then
      echo "  $name failed: $(head -c 600 "$out/$name.stderr")" >&2
      return 1
    fi
    ((i < warmup)) && continue
    walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + p[k]; print s}' "$t")")
    rsses+=("$(awk -F': ' '/Maximum resident set size/ {print $2}' "$t")")
    echo "  $name run $((i - warmup + 1))/$reps: ${walls[-1]} s, $((rsses[-1] / 1024)) MB" >&2
  done
  local mid=$((reps / 2))
  printf '%s %s\n' "$(printf '%s\n' "${walls[@]}" | sort -g | sed -n "$((mid + 1))p")" \
    "$(printf '%s\n' "${rsses[@]}" | sort -n | sed -n "$((mid + 1))p")"
}

# Months and years of a `summary --json` output, as compact JSON text.
totals() { python3 -c 'import json,sys; v=json.load(open(sys.argv[1])); print(json.dumps([v["months"], v["years"]], separators=(",", ":")))' "$1"; }

failed=0
table=$out/results.txt
printf '%9s %10s %10s %10s %11s %11s %7s %9s\n' rows "CSV MB" ".ron KB" ".data MB" "sum CSV s" "sum WS s" "WS/CSV" "save s" >"$table"
for rows in ${sizes//,/ }; do
  rows=${rows//_/}
  csv=$data/comtrade-synthetic-$rows.csv
  ws=$out/ws-$rows.ron
  step "$rows rows: $csv"
  "$bin" generate --rows "$rows" --out "$csv" --reuse
  rm -f "$ws" "${ws%.ron}.data" "$ws.bak" "${ws%.ron}.data.bak"
  /usr/bin/time -f '%e' -o "$out/save.time" "$bin" save-workspace "$csv" --out "$ws"
  save_s=$(cat "$out/save.time")
  read -r csv_s csv_kb < <(run "summary-csv" "$out/$rows.csv.json" "$bin" summary "$csv" --json)
  read -r ws_s ws_kb < <(run "summary-ws" "$out/$rows.ws.json" "$bin" summary "$ws" --json)
  if [ "$(totals "$out/$rows.csv.json")" != "$(totals "$out/$rows.ws.json")" ]; then
    echo "!!! $rows rows: summary of the workspace and of the CSV DIFFER (outputs in $out)" >&2
    failed=1
  else
    echo "  months and years agree byte for byte"
  fi
  csv_b=$(stat -c %s "$csv"); ron_b=$(stat -c %s "$ws"); dat_b=$(stat -c %s "${ws%.ron}.data")
  ratio=$(awk -v a="$ws_s" -v b="$csv_s" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  printf '%9s %10.1f %10.1f %10.1f %11s %11s %7s %9s\n' "$rows" "$(bc -l <<<"$csv_b/1048576")" \
    "$(bc -l <<<"$ron_b/1024")" "$(bc -l <<<"$dat_b/1048576")" "$csv_s" "$ws_s" "$ratio" "$save_s" >>"$table"
  limit=$((rows <= 200000 ? 10 : 40))
  if ((ron_b + dat_b > limit * 1000000)); then
    echo "!!! $rows rows: workspace is $((ron_b + dat_b)) bytes, more than $limit MB" >&2
    failed=1
  fi
  if awk -v r="$ratio" 'BEGIN { exit !(r > 1.5) }'; then
    echo "!!! $rows rows: summary of the workspace takes ${ratio}× the CSV's" >&2
    failed=1
  fi
done

step "results (median of $reps after $warmup warm-up; SYNTHETIC data)"
cat "$table"
if ((failed)); then
  echo
  echo "FAILED: see the messages above" >&2
  exit 1
fi
