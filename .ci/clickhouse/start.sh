#!/usr/bin/env bash
# Starts two ClickHouse servers on 127.0.0.1 as the two shards of the `tradedash_test`
# cluster, with data in a temporary folder, and waits until both answer over HTTP.
#   .ci/clickhouse/start.sh DIR      start; writes DIR/env with the ports
#   .ci/clickhouse/stop.sh DIR       stop both and remove DIR
# Ports: shard 1 HTTP 18123 / TCP 19000, shard 2 HTTP 18124 / TCP 19001 (override with
# TRADEDASH_CH_BASE_PORT, default 18123 → TCP base 19000).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="${1:?usage: start.sh DIR}"
server="$(command -v clickhouse-server || true)"
[ -n "$server" ] || { echo "start.sh: clickhouse-server is not installed (apt-get install clickhouse-server)" >&2; exit 1; }
http_base="${TRADEDASH_CH_BASE_PORT:-18123}"
tcp_base=$((http_base + 877))
mkdir -p "$dir"
for i in 1 2; do
  d="$dir/shard$i"
  mkdir -p "$d/data" "$d/tmp" "$d/user_files" "$d/format_schemas"
  cp "$here/users.xml" "$d/users.xml"
  sed -e "s|@DIR@|$d|g" -e "s|@HTTP@|$((http_base + i - 1))|" -e "s|@TCP@|$((tcp_base + i - 1))|" \
      -e "s|@TCP1@|$tcp_base|" -e "s|@TCP2@|$((tcp_base + 1))|" \
      "$here/shard.xml.in" > "$d/config.xml"
  "$server" --config-file="$d/config.xml" > "$d/stdout.log" 2>&1 &
  echo $! > "$d/pid"
done
for i in 1 2; do
  url="http://127.0.0.1:$((http_base + i - 1))/"
  for _ in $(seq 1 60); do
    if curl -fsS "$url?query=SELECT%201" > /dev/null 2>&1; then break; fi
    if ! kill -0 "$(cat "$dir/shard$i/pid")" 2>/dev/null; then
      echo "start.sh: shard $i exited; its log:" >&2; tail -20 "$dir/shard$i/"*.log >&2; exit 1
    fi
    sleep 0.5
  done
  curl -fsS "$url?query=SELECT%201" > /dev/null || { echo "start.sh: shard $i did not answer on $url within 30 s" >&2; exit 1; }
done
cat > "$dir/env" <<ENV
TRADEDASH_CH_SHARD1=http://127.0.0.1:$http_base
TRADEDASH_CH_SHARD2=http://127.0.0.1:$((http_base + 1))
TRADEDASH_CH_CLUSTER=tradedash_test
ENV
echo "ClickHouse shards up: $(tr '\n' ' ' < "$dir/env")"
