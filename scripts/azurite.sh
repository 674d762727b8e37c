#!/usr/bin/env bash
# Azurite's blob service (npm package, pinned below) for the Azure Blob state backend's tests.
#
#   scripts/azurite.sh install      install the pinned package under .tools/ (once) and print the path of azurite-blob
#   scripts/azurite.sh start        start one Azurite on a FREE loopback port with its own data folder; prints
#                                   "port=<port> dir=<folder>"; whoever starts it stops it:
#   scripts/azurite.sh stop <dir>   stop exactly the Azurite that 'start' made in <dir> (its process tree) and remove <dir>
#
# The tests do not need 'start': their fixture (tests/Provisioning.EndToEnd.Tests/Safety/Azurite.cs) calls 'install',
# then starts and stops its own Azurite. No fixed port and no shared pid file: a second Azurite on the machine (another
# run, another project) is never reused, taken over or stopped.
# Exit codes: 0 done, 1 failed, 2 usage, 3 npm or node is not installed (the blob tests then report themselves skipped).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version=3.37.0
bin="$root/.tools/node_modules/.bin/azurite-blob"

installed() { [ -x "$bin" ] && [ "$(cat "$root/.tools/azurite.version" 2>/dev/null)" = "$version" ]; }

install() {
  if installed; then return 0; fi
  if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    echo "azurite: npm and node are needed to install azurite@$version (not found on PATH)" >&2
    exit 3
  fi
  # A fresh install is tried twice: an install cut short (a busy cache, a dropped connection) leaves a package that
  # cannot load, so a failed one is removed and retried from scratch.
  for attempt in 1 2; do
    rm -rf "$root/.tools/node_modules" "$root/.tools/azurite.version"
    if npm install --prefix "$root/.tools" --no-audit --no-fund --no-save --loglevel=error "azurite@$version" >&2 \
      && "$bin" --version >/dev/null 2>&1; then
      echo "$version" >"$root/.tools/azurite.version"
      return 0
    fi
    echo "azurite: npm install azurite@$version failed (attempt $attempt)" >&2
  done
  exit 1
}

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();})"; }

reachable() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

case "${1:-}" in
  install)
    install
    echo "$bin"
    ;;
  start)
    install
    dir="$(mktemp -d "${TMPDIR:-/tmp}/provision-azurite-XXXXXXXX")"
    port="$(free_port)"
    mkdir -p "$dir/data"
    echo "$port" >"$dir/port"
    # setsid: its own process group, so that 'stop' ends the whole tree and nothing else.
    setsid "$bin" --blobHost 127.0.0.1 --blobPort "$port" --location "$dir/data" --skipApiVersionCheck --loose --silent \
      >"$dir/azurite.log" 2>&1 </dev/null &
    echo $! >"$dir/pid"
    for _ in $(seq 1 200); do
      if reachable "$port"; then echo "port=$port dir=$dir"; exit 0; fi
      if ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then break; fi
      sleep 0.1
    done
    echo "azurite: did not start on 127.0.0.1:$port; its log:" >&2
    cat "$dir/azurite.log" >&2 || true
    "$0" stop "$dir" >/dev/null
    exit 1
    ;;
  stop)
    dir="${2:?usage: $0 stop <dir printed by start>}"
    if [ -f "$dir/pid" ]; then
      pid="$(cat "$dir/pid")"
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL -- "-$pid" 2>/dev/null || true
    fi
    case "$dir" in "${TMPDIR:-/tmp}"/provision-azurite-*) rm -rf "$dir" ;; esac
    echo "azurite: stopped"
    ;;
  *)
    echo "usage: $0 install | start | stop <dir>" >&2
    exit 2
    ;;
esac
