#!/usr/bin/env bash
# Installs what Backprop Lab needs on Debian bookworm, only when it is missing: the Debian
# packages below (as root; otherwise it prints the command and exits non-zero), then npm ci.
# Quick and silent when nothing is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# g++/make/cmake: native build; emscripten: wasm build; libeigen3-dev, nlohmann-json3-dev: core
# headers; catch2: native tests; zlib1g-dev: the native tests gunzip datasets/*.bpds.gz (the core
# and the wasm build do not use it); chromium + fonts: browser tests and screenshots; clang-format:
# the C++ formatting check (scripts/check-format.sh); clang + libclang-rt-14-dev (its sanitizer
# runtimes): the sanitized tests, which clang compiles faster than g++ (a third less time on the
# test files).
packages=(g++ make cmake emscripten libeigen3-dev nlohmann-json3-dev catch2 zlib1g-dev chromium fonts-dejavu-core
  clang-format clang libclang-rt-14-dev)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  command="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: missing Debian packages: ${missing[*]}" >&2
    echo "setup: run this as root, then run the npm command again:" >&2
    echo "  sudo sh -c '$command'" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# npm packages: only when node_modules is missing or older than the lock file.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
