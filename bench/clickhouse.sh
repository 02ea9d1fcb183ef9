#!/usr/bin/env bash
# ClickHouse against the in-process engine, on this machine: `tradedash generate` writes a
# SYNTHETIC Comtrade CSV of ROWS rows (src/synth/; made-up figures), two ClickHouse servers
# start on 127.0.0.1 as the shards of `tradedash_test` (.ci/clickhouse/start.sh), the CSV is
# pushed once into a Distributed table over both (`tradedash push`, timed), and then
# `tradedash summary clickhouse://… --json` is timed for a sequence of selection changes
# (all partners, then single partners: what the window asks when the selection changes),
# against `tradedash summary CSV --json` (the in-process engine: import and aggregate).
# It CHECKS that the table and the file give the same months and years, and exits 1 if not.
#
# Usage: bench/clickhouse.sh [ROWS]          default 20000000
# Environment: BIN (default target/release/tradedash if built, else target/debug/tradedash),
#   WINDOW_BIN (default target/release/examples/clickhouse_window, else the debug one),
#   REPS (default 3) runs per selection (the median is printed), KEEP=1 leaves the servers up,
#   FILE=0 skips the in-process run on the CSV (and its check), REUSE=1 measures again on the servers and table a KEEP=1 run left (no push).
# Writes: target/bench-data/comtrade-synthetic-N.csv (shared with bench/compare.sh),
#   target/bench-clickhouse/ (server data, outputs). About 350 bytes a row of CSV on disk
#   (20 M rows: 7 GB) and roughly 40 bytes a row in ClickHouse.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-20000000}
reps=${REPS:-3}
target=${CARGO_TARGET_DIR:-target}
data=$target/bench-data
out=$target/bench-clickhouse
bin=${BIN:-}
if [ -z "$bin" ]; then
  if [ -x "$target/release/tradedash" ]; then bin=$target/release/tradedash; else bin=$target/debug/tradedash; fi
fi
[ -x "$bin" ] || { echo "no tradedash binary at $bin: cargo build --bin tradedash first" >&2; exit 1; }
mkdir -p "$data" "$out"
csv=$data/comtrade-synthetic-$rows.csv
step() { echo; echo "=== $*"; }
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc; }

step "tradedash generate --rows $rows (SYNTHETIC data)"
"$bin" generate --rows "$rows" --out "$csv" --reuse

step "two ClickHouse shards"
servers=$out/servers
q() { curl -sS --fail-with-body "$1/" --data-binary "$2"; }
# A query on system.query_log, which the server makes at its first flush (every 7.5 s): tried
# again for a while, then said to be missing instead of stopping the bench.
logged() {
  local i out
  for i in 1 2 3 4 5 6; do
    if out=$(q "$1" "$2" 2>/dev/null); then echo "$out"; return 0; fi
    sleep 2
  done
  echo "(not in system.query_log)"
}
export TRADEDASH_CLICKHOUSE_PASSWORD=test-secret
reuse=0
if [ "${REUSE:-0}" = 1 ] && [ -f "$servers/env" ]; then
  . "$servers/env"
  # The servers a KEEP=1 run left, with the table it pushed: measured again, not pushed again.
  if [ "$(q "$TRADEDASH_CH_SHARD1" "SELECT count() FROM default.bench" 2>/dev/null || true)" -gt 0 ] 2>/dev/null; then
    reuse=1
    echo "reusing the servers and the table of $servers ($(q "$TRADEDASH_CH_SHARD1" "SELECT count() FROM default.bench") rows)"
  fi
fi
if [ "$reuse" = 0 ]; then
  .ci/clickhouse/stop.sh "$servers" >/dev/null 2>&1 || true
  .ci/clickhouse/start.sh "$servers"
fi
[ "${KEEP:-0}" = 1 ] || trap '.ci/clickhouse/stop.sh "$servers"' EXIT
. "$servers/env"
addr="clickhouse://tradedash@${TRADEDASH_CH_SHARD1#http://}/default/bench?timeout=600"
if [ "$reuse" = 0 ]; then
  # Log queries on shard 1 (the initiator), to print the server's own time for the totals
  # query beside the command's wall time (users.xml is re-read by the running server).
  sed -i 's|<load_balancing>random</load_balancing>|&<log_queries>1</log_queries>|' "$servers/shard1/users.xml"
  sleep 6
  cols="period String, reporter String, reporter_code String, partner String, partner_code String, flow String, commodity String, commodity_name String, value_usd Float64"
  for s in "$TRADEDASH_CH_SHARD1" "$TRADEDASH_CH_SHARD2"; do
    q "$s" "CREATE TABLE default.bench_local ($cols) ENGINE = MergeTree ORDER BY (reporter, partner, period)"
  done
  q "$TRADEDASH_CH_SHARD1" "CREATE TABLE default.bench AS default.bench_local ENGINE = Distributed(tradedash_test, default, bench_local, cityHash64(period, partner, flow, commodity))"

  step "tradedash push (once)"
  t0=$(now)
  "$bin" push "$csv" "$addr" 2> "$out/push.log" | tee "$out/push.out"
  t1=$(now)
  echo "push: $(secs "$t0" "$t1") s wall ($(tail -1 "$out/push.log"))"
fi
for s in "$TRADEDASH_CH_SHARD1" "$TRADEDASH_CH_SHARD2"; do
  echo "rows on $s: $(q "$s" "SELECT count() FROM default.bench_local"), bytes on disk: $(q "$s" "SELECT sum(bytes) FROM system.parts WHERE table = 'bench_local' AND active")"
done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_summary() { # INPUT ARGS… → median seconds over REPS runs; output kept in $out/last.json
  local input=$1; shift
  for _ in $(seq 1 "$reps"); do
    local a; a=$(now)
    "$bin" summary --json "$input" "$@" > "$out/last.json"
    local b; b=$(now)
    secs "$a" "$b"
  done | median
}
figures() { python3 -c 'import json,sys; v=json.load(open(sys.argv[1])); [m.pop("skipped_rows",None) for k in ("months","years") for m in v[k]]; print(json.dumps([v["months"],v["years"]]))' "$1"; }

step "selection changes on the table (median of $reps runs each)"
status=0
for sel in "" "--partner KAZ" "--partner RUS" "--partner CHN" "--partner DEU"; do
  since=$(q "$TRADEDASH_CH_SHARD1" "SELECT toUInt32(now())")
  # shellcheck disable=SC2086
  t=$(time_summary "$addr" $sel)
  cp "$out/last.json" "$out/table.json"
  sleep 8 # the query log is flushed every 7.5 s
  ms=$(logged "$TRADEDASH_CH_SHARD1" "SELECT concat(toString(quantile(0.5)(query_duration_ms)), ' ms, ', toString(quantile(0.5)(read_rows)), ' rows read') FROM system.query_log WHERE type = 2 AND query LIKE 'SELECT td_ym, sum(td_e)%' AND toUInt32(event_time) >= $since")
  printf '%-16s clickhouse summary: %6.2f s (totals query on the server: %s)' "${sel:-all partners}" "$t" "$ms"
  if [ "${FILE:-1}" = 1 ] && { [ -z "$sel" ] || [ "${CHECK_ALL:-0}" = 1 ]; }; then
    # shellcheck disable=SC2086
    a=$(now); "$bin" summary --json "$csv" $sel > "$out/file.json"; b=$(now)
    printf '   in-process (import + aggregate): %6.2f s' "$(secs "$a" "$b")"
    if [ "$(figures "$out/file.json")" = "$(figures "$out/table.json")" ]; then printf '   same figures'; else printf '   DIFFERENT FIGURES'; status=1; fi
  fi
  echo
done

step "the window on the table: connect once, then selection changes (examples/clickhouse_window.rs)"
# The window's own code: `io::clickhouse::fetch` (File ▸ Connect to ClickHouse…: one scan for
# the row counts and the stored reporters and partners, then the sums per commodity when
# they fit, else the cube per (month, reporter, partner, flow)), then each partner change
# answered in memory (checked against the server's totals), and commodity selections asked
# of the server, one query each (only when the table is held as a cube).
window=${WINDOW_BIN:-}
if [ -z "$window" ]; then
  if [ -x "$target/release/examples/clickhouse_window" ]; then window=$target/release/examples/clickhouse_window; else window=$target/debug/examples/clickhouse_window; fi
fi
if [ -x "$window" ]; then
  since=$(q "$TRADEDASH_CH_SHARD1" "SELECT toUInt32(now())")
  "$window" "$addr" KAZ RUS CHN DEU -- 01 0101 010110 97 | tee "$out/window.out"
  grep -q DIFFERENT "$out/window.out" && status=1
  sleep 8
  echo "the server's own time and rows read per query of the window (system.query_log, shard 1):"
  logged "$TRADEDASH_CH_SHARD1" "SELECT query_duration_ms, read_rows, substring(query, position(query, 'SELECT'), 70) FROM system.query_log WHERE type = 2 AND toUInt32(event_time) >= $since AND query NOT LIKE '%system.%' ORDER BY event_time FORMAT TSV"
else
  echo "no $window: cargo build --release --example clickhouse_window first"
fi
exit $status
