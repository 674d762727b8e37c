#!/usr/bin/env bash
# Installs what a Native AOT publish of provision needs on a fresh Debian/Ubuntu machine:
# clang (the linker driver the ILCompiler calls) and the zlib headers (libz.a is linked in).
# Idempotent: does nothing when both are present. Run as root or with sudo available.
set -euo pipefail

need=()
command -v clang >/dev/null 2>&1 || need+=(clang)
dpkg -s zlib1g-dev >/dev/null 2>&1 || need+=(zlib1g-dev)
if [ ${#need[@]} -eq 0 ]; then
  echo "native-prereqs: clang and zlib1g-dev already installed"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

echo "native-prereqs: installing ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
