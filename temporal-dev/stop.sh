#!/usr/bin/env bash
# Stops the Temporal dev server started by start.sh (its SQLite file is kept).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=${HERALD_TEMPORAL_DATA:-$here/data}
if [ -f "$data/temporal.pid" ] && kill "$(cat "$data/temporal.pid")" 2>/dev/null; then
  echo "Temporal dev server stopped"
else
  echo "Temporal dev server was not running"
fi
rm -f "$data/temporal.pid"
if [ -f "$data/codec-proxy.pid" ] && kill "$(cat "$data/codec-proxy.pid")" 2>/dev/null; then
  echo "codec proxy stopped"
fi
rm -f "$data/codec-proxy.pid"
