#!/usr/bin/env bash
# Times `tradedash summary FILE --json` against Polars and pandas doing the same work on the
# same SYNTHETIC Comtrade file (src/synth/; made-up figures), on this machine, in one run:
# read the CSV, keep the rows with flowCode X or M, customsCode C00, motCode 0 and
# partner2Code 0, total them per month and flow. `cat FILE > /dev/null` is the floor.
# Each command runs under GNU time (`/usr/bin/time -v`): wall time and peak RSS (maximum
# resident set size), one warm-up run each (the file is then in the page cache), then the
# median of REPS runs. Then it CHECKS that the three agree on the rows kept and on every
# month's exports and imports to the cent, and exits 1 if they do not.
#
# Usage: bench/compare.sh [ROWS[,ROWS…]]    default 1000000; e.g. 100000,1000000,5000000
# Environment: REPS (default 3), WARMUP (default 1), JOBS for cargo (default 1),
#   SKIP_BUILD=1 to time the target/release/tradedash already there.
# Writes: target/release (cargo build --release), target/bench-data/comtrade-synthetic-N.csv
# (kept for the next run; a 5 M-row file is 1.7 GB: delete it when done), target/bench-venv
# (the peers, pinned in bench/requirements.txt, from PyPI), target/bench-compare/ (outputs).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-1000000}
reps=${REPS:-3}
warmup=${WARMUP:-1}
target=${CARGO_TARGET_DIR:-target}
data=$target/bench-data
venv=$target/bench-venv
out=$target/bench-compare
bin=$target/release/tradedash
mkdir -p "$data" "$out"

step() { echo; echo "=== $*"; }

step "GNU time"
if ! /usr/bin/time -v true >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends time >/dev/null
  else
    echo "bench/compare.sh needs GNU time at /usr/bin/time: sudo apt-get install time" >&2
    exit 1
  fi
fi
/usr/bin/time --version 2>&1 | head -1

step "cargo build --release"
if [ "${SKIP_BUILD:-0}" = 1 ] && [ -x "$bin" ]; then
  echo "SKIP_BUILD=1: using $bin as it is"
else
  cargo build --release --locked -j "${JOBS:-1}" --bin tradedash
fi

step "peers (Python venv in $venv)"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
want=$(grep -v '^#' bench/requirements.txt | sort)
have=$("$venv/bin/pip" freeze 2>/dev/null | sort)
if [ "$want" != "$have" ]; then
  "$venv/bin/pip" install -q --disable-pip-version-check -r bench/requirements.txt
fi
py="$venv/bin/python"
"$py" -c 'import sys, polars, pandas, numpy; print(f"Python {sys.version.split()[0]}, polars {polars.__version__}, pandas {pandas.__version__}, numpy {numpy.__version__}")'

step "machine"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD 2>/dev/null || commit="$commit (with uncommitted changes)"
echo "date: $(date -u +%Y-%m-%d)"
echo "tradedash: $commit"
echo "nproc: $(nproc)"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "ram: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"

# run NAME OUTFILE CMD…: warm-up, then REPS timed runs; prints "wall_s<TAB>rss_kb" medians,
# or returns 1 (with the command's stderr shown) when the command fails.
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
  printf '%s\t%s\n' "$(printf '%s\n' "${walls[@]}" | sort -g | sed -n "$((mid + 1))p")" \
    "$(printf '%s\n' "${rsses[@]}" | sort -n | sed -n "$((mid + 1))p")"
}

results=$out/results.tsv
: >"$results"
failed=0
for rows in ${sizes//,/ }; do
  rows=${rows//_/}
  file=$data/comtrade-synthetic-$rows.csv
  step "$rows rows: $file"
  "$bin" generate --rows "$rows" --out "$file" --reuse
  echo "$(du -h "$file" | cut -f1) on disk; SYNTHETIC data, not real trade"
  ok=1
  declare -A json=()
  for tool in cat tradedash polars pandas; do
    case $tool in
      cat) cmd=(cat "$file") ;;
      tradedash) cmd=("$bin" summary "$file" --json) ;;
      *) cmd=("$py" bench/peers.py "$tool" "$file") ;;
    esac
    json[$tool]=$out/$rows.$tool.json
    if m=$(run "$tool" "${json[$tool]}" "${cmd[@]}"); then
      printf '%s\t%s\t%s\tok\n' "$rows" "$tool" "$m" >>"$results"
    else
      printf '%s\t%s\t0\t0\tfailed (see %s)\n' "$rows" "$tool" "$out/$tool.stderr" >>"$results"
      [ "$tool" = cat ] || ok=0
      failed=1
    fi
  done
  if ((ok)); then
    if ! "$py" bench/peers.py check "${json[tradedash]}" "${json[polars]}" "${json[pandas]}"; then
      echo "!!! $rows rows: tradedash, Polars and pandas DISAGREE (outputs in $out)" >&2
      failed=1
    fi
  else
    echo "!!! $rows rows: a tool failed; no comparison" >&2
  fi
  unset json
done

step "results (median of $reps after $warmup warm-up; ratios > 1: tradedash slower / larger)"
"$py" bench/peers.py table "$results"
if ((failed)); then
  echo
  echo "FAILED: see the messages above" >&2
  exit 1
fi
