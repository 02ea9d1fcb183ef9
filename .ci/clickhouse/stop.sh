#!/usr/bin/env bash
# Stops the servers started by start.sh DIR and removes DIR.
set -uo pipefail
dir="${1:?usage: stop.sh DIR}"
for p in "$dir"/shard*/pid; do
  [ -f "$p" ] || continue
  pid="$(cat "$p")"
  kill "$pid" 2>/dev/null
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -9 "$pid" 2>/dev/null || true
done
rm -rf "$dir"
