#!/usr/bin/env bash
# Herald's benchmark harness (devkit/src/test/java/dev/herald/api/bench/HeraldBenchmarks.java), one
# Spring context per Temporal server, each printing a table measured in one run:
#   ceilings   the SMTP sink with Herald's pooled sender; a bare Temporal workflow with one activity,
#              trivial (before and after Herald's single sends: it rises as the JVM warms) and sending
#              the same email (Temporal + sink, without Herald's bookkeeping); Herald's single-send
#              workflow with no-op activities (its Temporal calls alone)
#   Herald     single email notifications, Kafka -> SENT in the delivery log (throughput, p50/p99)
#   rounds     single sends and the bare ceiling alternating, ROUNDS times: the median of their ratios
#   baseline   a Kafka consumer per partition sending straight to the same sink, no Temporal
#   API        accept latency, open loop (HdrHistogram, no coordinated omission), at half of Herald's single-send
#              rate (the API's own latency) and at API_RATE (beyond a slow server's start rate: its queue)
#   overload   twice Herald's measured rate for a while: time to delivery p50/p99/max, nothing lost
#   broadcast  one email to a group of BROADCAST members (approval -> COMPLETED), then the sink's
#              ceiling for as many mails to as many distinct recipients, measured right after
#   priority   PROBES HIGH emails idle and during a flood of FLOOD LOW ones; sender B's PROBES NORMAL ones idle
#              and during sender A's broadcast to BROADCAST; end-to-end latency open loop at half the single-send
#              rate, and Herald's workflow shape with and without eager workflow start (docs/benchmarks.md)
#   attachment the same broadcast of ATTACHMENT_BROADCAST members without and with a 1 MB attachment (needs SMTP_HOST)
#   per request  authentication (an API key remembered and read from the store, a recipient token, none)
#              and Temporal's payload converter with and without Herald's codec, in batches on this JVM's
#              own parts; accept latency with the key remembered or not (issue 18; docs/benchmarks.md)
# Usage: bench/run.sh [in-process|dev-server|both]
#        (COUNT=2000 ROUNDS=3 API_RATE=200 OVERLOAD_SECONDS=30 BROADCAST=10000 FLOOD=20000 PROBES=100
#         ATTACHMENT_BROADCAST=10000;
#         SMTP_HOST/SMTP_PORT for an external sink)
# dev-server starts a fresh `temporal server start-dev` (temporal-dev/start.sh) and stops it after.
# One row group alone, e.g. the per-request rows (seconds, after the context's start):
#   mvn -B -pl devkit -am verify -Dherald.bench=true -Dtest=NoUnitTests -Dsurefire.failIfNoSpecifiedTests=false \
#     -Dit.test='HeraldBenchmarks#authenticationAndEncryptionPerRequest' -Dfailsafe.failIfNoSpecifiedTests=false
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-both}
out=target/bench
mkdir -p "$out"

bench() {
  local name=$1
  mvn -B -pl devkit -am verify -Dherald.bench=true -Dherald.bench.count="${COUNT:-2000}" \
    -Dherald.bench.api-rate="${API_RATE:-200}" -Dherald.bench.overload-seconds="${OVERLOAD_SECONDS:-30}" \
    -Dherald.bench.broadcast="${BROADCAST:-10000}" -Dherald.bench.rounds="${ROUNDS:-3}" \
    -Dherald.bench.flood="${FLOOD:-20000}" -Dherald.bench.probes="${PROBES:-100}" \
    -Dherald.bench.attachment-broadcast="${ATTACHMENT_BROADCAST:-10000}" \
    -Dtest=NoUnitTests -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=HeraldBenchmarks -Dfailsafe.failIfNoSpecifiedTests=false > "$out/$name.log" 2>&1 ||
    { echo "benchmark run failed; see $out/$name.log" >&2; exit 1; }
  awk '/^## Herald benchmarks/{p=1} p{print} p&&/^[|]/{t=1} p&&t&&/^$/{exit}' "$out/$name.log" | tee "$out/$name.md"
}

if [[ $mode == in-process || $mode == both ]]; then
  env -u TEMPORAL_ADDRESS HERALD_TEMPORAL_DEV_SERVER=in-process bash -c "$(declare -f bench); out=$out; bench in-process"
fi
if [[ $mode == dev-server || $mode == both ]]; then
  data=$(mktemp -d)
  trap 'HERALD_TEMPORAL_DATA=$data temporal-dev/stop.sh >/dev/null 2>&1 || true; rm -rf "$data"' EXIT
  HERALD_TEMPORAL_DATA=$data temporal-dev/start.sh
  TEMPORAL_ADDRESS=localhost:7233 bench dev-server
fi
