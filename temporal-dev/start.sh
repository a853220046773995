#!/usr/bin/env bash
# Starts a real Temporal dev server for Herald: gRPC on :7233, web UI on http://localhost:8233,
# history persisted in a SQLite file, Herald's search attributes registered.
# Installs the Temporal CLI with `go install` when it is missing (needs Go).
# The UI decodes Herald's encrypted payloads through Herald's codec endpoint, by default the run command's
# (http://localhost:8080/api/v1/temporal-codec); TEMPORAL_CODEC_ENDPOINT names another, empty for none.
# Outside the dev kit that endpoint takes an admin key, which the UI cannot send: with HERALD_CODEC_KEY
# set, the UI calls codec-proxy/CodecProxy.java on localhost:${CODEC_PROXY_PORT:-8234}, which adds it.
# Then run Herald against it:  TEMPORAL_ADDRESS=localhost:7233 mvn -pl devkit -am spring-boot:run
# (the run command alone also finds and reuses a server already on :7233)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=${HERALD_TEMPORAL_DATA:-$here/data}
port=${TEMPORAL_PORT:-7233}
ui_port=${TEMPORAL_UI_PORT:-8233}
cli_version=v1.5.1   # later tags carry a replace directive that `go install` refuses

temporal_bin=$(command -v temporal || true)
if [ -z "$temporal_bin" ]; then
  gobin=$(go env GOPATH)/bin
  if [ ! -x "$gobin/temporal" ]; then
    echo "installing the Temporal CLI $cli_version (go install, once) ..."
    go install "github.com/temporalio/cli/cmd/temporal@$cli_version"
  fi
  temporal_bin=$gobin/temporal
fi

mkdir -p "$data"
if [ -f "$data/temporal.pid" ] && kill -0 "$(cat "$data/temporal.pid")" 2>/dev/null; then
  echo "Temporal dev server already running (pid $(cat "$data/temporal.pid"))"; exit 0
fi

if "$temporal_bin" operator cluster health --address "localhost:$port" >/dev/null 2>&1; then
  # not ours (no live pid file above): our server could not bind, and its health check would answer for this one
  echo "another Temporal server already answers on localhost:$port; stop it or set TEMPORAL_PORT" >&2
  exit 1
fi

attributes=()
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue;; esac
  attributes+=(--search-attribute "$line")
done < "$here/search-attributes"
tuning=()
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue;; esac
  tuning+=("${line%% *}" "${line#* }")
done < "$here/server-options"
codec_endpoint=${TEMPORAL_CODEC_ENDPOINT-http://localhost:8080/api/v1/temporal-codec}
codec=()
if [ -n "$codec_endpoint" ] && [ -n "${HERALD_CODEC_KEY:-}" ]; then
  proxy_port=${CODEC_PROXY_PORT:-8234}
  HERALD_CODEC_ENDPOINT=$codec_endpoint CODEC_PROXY_PORT=$proxy_port TEMPORAL_UI_ORIGIN=http://localhost:$ui_port \
    nohup "${JAVA_HOME:+$JAVA_HOME/bin/}java" "$here/codec-proxy/CodecProxy.java" > "$data/codec-proxy.log" 2>&1 &
  echo $! > "$data/codec-proxy.pid"
  codec=(--ui-codec-endpoint "http://localhost:$proxy_port")
elif [ -n "$codec_endpoint" ]; then
  codec=(--ui-codec-endpoint "$codec_endpoint")
fi

nohup "$temporal_bin" server start-dev --db-filename "$data/temporal.db" --port "$port" --ui-port "$ui_port" \
  --namespace default "${attributes[@]}" "${tuning[@]}" ${codec[@]+"${codec[@]}"} --log-level warn > "$data/temporal.log" 2>&1 &
echo $! > "$data/temporal.pid"

for _ in $(seq 1 60); do
  if ! kill -0 "$(cat "$data/temporal.pid")" 2>/dev/null; then
    echo "Temporal dev server exited; see $data/temporal.log" >&2
    exit 1
  fi
  if "$temporal_bin" operator cluster health --address "localhost:$port" >/dev/null 2>&1; then
    echo "Temporal dev server on localhost:$port, UI on http://localhost:$ui_port (data: $data)"; exit 0
  fi
  sleep 1
done
echo "Temporal dev server did not become healthy; see $data/temporal.log" >&2
exit 1
