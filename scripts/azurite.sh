#!/usr/bin/env bash
# Installs (from npm, pinned) and starts/stops Azurite's blob service on loopback for the Azure Blob
# state backend's tests. Usage: scripts/azurite.sh start|stop|status. Port: AZURITE_BLOB_PORT (default 10000).
# Data lives in a temporary folder, removed on stop.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version=3.37.0
port="${AZURITE_BLOB_PORT:-10000}"
run_dir="${TMPDIR:-/tmp}/provision-azurite-$port"
bin="$root/.tools/node_modules/.bin/azurite-blob"

reachable() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

case "${1:-}" in
  start)
    if reachable; then echo "azurite: already listening on 127.0.0.1:$port"; exit 0; fi
    # A fresh install is tried twice: an npm install cut short (a busy cache, a dropped connection) leaves a
    # package that cannot load, so a failed start reinstalls once from scratch.
    for attempt in 1 2; do
      if [ ! -x "$bin" ] || [ "$attempt" -eq 2 ]; then
        rm -rf "$root/.tools/node_modules"
        npm install --prefix "$root/.tools" --no-audit --no-fund --loglevel=error "azurite@$version" >&2
      fi
      mkdir -p "$run_dir/data"
      nohup "$bin" --blobHost 127.0.0.1 --blobPort "$port" --location "$run_dir/data" --skipApiVersionCheck --loose --silent \
        >"$run_dir/azurite.log" 2>&1 &
      echo $! >"$run_dir/pid"
      for _ in $(seq 1 100); do
        if reachable; then echo "azurite: started on 127.0.0.1:$port (pid $(cat "$run_dir/pid"))"; exit 0; fi
        if ! kill -0 "$(cat "$run_dir/pid")" 2>/dev/null; then break; fi
        sleep 0.1
      done
      echo "azurite: did not start (attempt $attempt); see $run_dir/azurite.log" >&2
      cat "$run_dir/azurite.log" >&2 || true
    done
    exit 1
    ;;
  stop)
    if [ -f "$run_dir/pid" ]; then kill "$(cat "$run_dir/pid")" 2>/dev/null || true; fi
    rm -rf "$run_dir"
    echo "azurite: stopped"
    ;;
  status)
    if reachable; then echo "azurite: listening on 127.0.0.1:$port"; else echo "azurite: not running"; exit 1; fi
    ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
