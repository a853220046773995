#!/usr/bin/env bash
# Benchmark: import N generated recipients (JSON lines, streamed) into a running Herald and print the
# wall time, rows/s and the API process's peak heap while importing.
# Usage: bench/import-recipients.sh [count=100000]   (Herald on BASE_URL, default http://localhost:8080)
set -euo pipefail
count=${1:-100000}
base=${BASE_URL:-http://localhost:8080}
work=$(mktemp -d)
trap 'kill "$sampler" 2>/dev/null || true; rm -rf "$work"' EXIT

heap_mb() {
  curl -fsS "$base/actuator/metrics/jvm.memory.used?tag=area:heap" |
    python3 -c 'import json,sys; print(int(json.load(sys.stdin)["measurements"][0]["value"] / 1048576))'
}

curl -fsS "$base/actuator/health" >/dev/null || { echo "no Herald at $base (start it with: mvn -pl devkit -am spring-boot:run)"; exit 2; }
run=$(date +%s%N)
before=$(heap_mb)
( while true; do heap_mb >> "$work/heap" 2>/dev/null || true; sleep 0.2; done ) &
sampler=$!

start=$(date +%s%N)
awk -v n="$count" -v run="$run" 'BEGIN {
  for (i = 0; i < n; i++)
    printf "{\"id\":\"bench-%s-%d\",\"name\":\"Bench %d\",\"email\":\"bench%d@example.com\",\"locale\":\"en-US\"}\n", run, i, i, i
}' | curl -fsS -X POST -T - -H 'Content-Type: application/x-ndjson' "$base/api/v1/recipients/import" > "$work/answer"
end=$(date +%s%N)
kill "$sampler" 2>/dev/null || true

seconds=$(python3 -c "print(f'{($end - $start) / 1e9:.2f}')")
peak=$(sort -n "$work/heap" | tail -n 1)
echo "imported:   $(cat "$work/answer")"
echo "rows:       $count"
echo "wall time:  ${seconds} s"
echo "rate:       $(python3 -c "print(int($count / (($end - $start) / 1e9)))") rows/s"
echo "heap:       ${before} MB before, ${peak:-?} MB peak while importing (sampled every 0.2 s)"
