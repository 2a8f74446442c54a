#!/usr/bin/env bash
# Builds one part of Backprop Lab: `native` (core + Catch2 tests), `sanitize` (the same under ASan
# and UBSan, in build/sanitize), `wasm` (the embind module into web/generated/) or `site` (wasm,
# then a static copy of web/ in dist/). BACKPROP_WERROR=ON (set by .ci/run) adds -Werror.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

werror="${BACKPROP_WERROR:-OFF}"

case "${1:-}" in
  native)
    cmake --preset native -DBACKPROP_WERROR=$werror >/dev/null
    cmake --build --preset native
    ;;
  sanitize)
    cmake --preset sanitize -DBACKPROP_WERROR=$werror >/dev/null
    cmake --build --preset sanitize
    ;;
  wasm)
    emcmake cmake --preset wasm -DBACKPROP_WERROR=$werror >/dev/null
    cmake --build --preset wasm
    node scripts/vendor.mjs
    ;;
  site)
    "$0" wasm
    node scripts/make-dist.mjs
    ;;
  *)
    echo "usage: scripts/build.sh native|sanitize|wasm|site" >&2
    exit 2
    ;;
esac
