#!/usr/bin/env bash
# Benchmark: a broadcast to a group of N generated recipients on a running Herald. Imports them (JSON
# lines, streamed), puts them in a new group, sends an EMAIL broadcast from a template greeting each
# by name, approves it when it waits for approval, polls until it is final, and prints the import
# time, the broadcast's wall time (approval to final), recipients/s, the API process's peak heap
# while broadcasting, and the final counts per channel.
# Usage: bench/broadcast.sh [count=10000]   (Herald on BASE_URL, default http://localhost:8080;
#        CHANNEL=IN_APP for the in-app inbox instead of email)
set -euo pipefail
count=${1:-10000}
channel=${CHANNEL:-EMAIL}
base=${BASE_URL:-http://localhost:8080}
work=$(mktemp -d)
sampler=
trap '[ -n "$sampler" ] && kill "$sampler" 2>/dev/null; rm -rf "$work"' EXIT

heap_mb() {
  curl -fsS "$base/actuator/metrics/jvm.memory.used?tag=area:heap" |
    python3 -c 'import json,sys; print(int(json.load(sys.stdin)["measurements"][0]["value"] / 1048576))'
}
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
now_ns() { date +%s%N; }
secs() { python3 -c "print(f'{($2 - $1) / 1e9:.2f}')"; }
post() { curl -fsS -X POST -H 'Content-Type: application/json' "$base$1" -d "$2"; }

curl -fsS "$base/actuator/health" >/dev/null || { echo "no Herald at $base (start it with: mvn -pl devkit -am spring-boot:run)"; exit 2; }
run=$(date +%s)
group="bench-$run"

# 1. recipients, streamed as JSON lines
start=$(now_ns)
awk -v n="$count" -v run="$run" 'BEGIN {
  for (i = 0; i < n; i++)
    printf "{\"id\":\"bcast-%s-%d\",\"name\":\"Member %d\",\"email\":\"bcast-%s-%d@example.com\"}\n", run, i, i, run, i
}' | curl -fsS -X POST -T - -H 'Content-Type: application/x-ndjson' "$base/api/v1/recipients/import" > "$work/imported"
imported=$(now_ns)

# 2. a group of all of them, 10,000 ids per call
post /api/v1/groups "{\"key\":\"$group\",\"name\":\"Benchmark $run\"}" >/dev/null
for ((from = 0; from < count; from += 10000)); do
  python3 -c "import json,sys; f,n=int(sys.argv[1]),int(sys.argv[2]); r=sys.argv[3]
print(json.dumps({'recipientIds': ['bcast-%s-%d' % (r, i) for i in range(f, min(f + 10000, n))]}))" "$from" "$count" "$run" \
    > "$work/ids.json"
  curl -fsS -X POST -H 'Content-Type: application/json' "$base/api/v1/groups/$group/members" -d @"$work/ids.json" >/dev/null
done
grouped=$(now_ns)

# 3. a template greeting each member by name, then the broadcast
if ! curl -fsS "$base/api/v1/templates/bench-broadcast" >/dev/null 2>&1; then
  post /api/v1/templates '{"key":"bench-broadcast","owner":"bench"}' >/dev/null
  post /api/v1/templates/bench-broadcast/versions \
    '{"defaults":{"email":{"subject":"Hello {{recipient.name}}","text":"Hi {{recipient.name}}, this is a benchmark."},"inApp":{"title":"Hello {{recipient.name}}","body":"Hi {{recipient.name}}, this is a benchmark."}}}' >/dev/null
  post /api/v1/templates/bench-broadcast/versions/1/publish '' >/dev/null
fi
id=$(post /api/v1/notifications "{\"idempotencyKey\":\"bench-broadcast-$run\",\"channels\":[\"$channel\"],\"group\":\"$group\",\"template\":\"bench-broadcast\",\"sender\":\"bench\"}" | field "['id']")

status() { curl -fsS "$base/api/v1/notifications/$id" | field "['status']"; }
while [[ "$(status)" == ACCEPTED ]]; do sleep 0.2; done
before=$(heap_mb)
( while true; do heap_mb >> "$work/heap" 2>/dev/null || true; sleep 0.2; done ) &
sampler=$!
if [[ "$(status)" == PENDING_APPROVAL ]]; then
  post "/api/v1/notifications/$id/approval" '{"decision":"APPROVE","approver":"bench"}' >/dev/null
fi
approved=$(now_ns)

# 4. until final. Polled every 2 s (each poll counts the deliveries: work on the box being measured);
# the wall time is the server's own, from the approval to the final status write.
while true; do
  s=$(status)
  case "$s" in COMPLETED|PARTIALLY_FAILED|FAILED|REJECTED|EXPIRED|CANCELLED) break ;; esac
  sleep 2
done
final=$(now_ns)
server_secs=$(curl -fsS "$base/api/v1/notifications/$id" | python3 -c 'import json,sys
from datetime import datetime
n = json.load(sys.stdin)
t = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
a = n.get("approval")
print("%.2f" % (t(n["updatedAt"]) - t(a["decidedAt"])).total_seconds() if a else "")')
kill "$sampler" 2>/dev/null || true
sampler=

peak=$(sort -n "$work/heap" | tail -n 1)
echo "notification: $id ($s)"
echo "recipients:   $count, imported in $(secs "$start" "$imported") s ($(cat "$work/imported"))"
echo "group:        $group, members added in $(secs "$imported" "$grouped") s"
wall=${server_secs:-$(secs "$approved" "$final")}
echo "broadcast:    $wall s from approval to $s"
echo "rate:         $(python3 -c "print(int($count / $wall))") recipients/s"
echo "heap:         ${before} MB before, ${peak:-?} MB peak while broadcasting (sampled every 0.2 s)"
echo "counts:       $(curl -fsS "$base/api/v1/notifications/$id" | python3 -c 'import json,sys; p=json.load(sys.stdin)["progress"]
print(json.dumps({k: p[k] for k in ("total","pending","sent","delivered","failed","skipped","cancelled")}))')"
curl -fsS "$base/api/v1/notifications/$id" | python3 -c 'import json,sys
for c in json.load(sys.stdin)["progress"]["channels"]:
  print("  %-7s" % c.pop("channel"), json.dumps(c))'
