#!/usr/bin/env bash
# Builds an opt-in variant of the wasm module in build/bench-wasm-<name>/ (never build/wasm or
# web/generated): the same CMake tree with extra compile and link flags. The module lands in
# build/bench-wasm-<name>/site/generated/ beside a copy of web/js/engine/engine.js, so that node and the
# bench page can load it (bench/variants/measure.mjs). Usage:
#   bash bench/variants/build-variant.sh <name> "<extra compile flags>" "<extra link flags>" ["<-O flags>"]
# The optional last argument replaces CMake's Release flags "-O3 -DNDEBUG" (e.g. "-Oz -DNDEBUG").
# BENCH_SOURCE=<folder> builds a patched copy of the tree instead of this one.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/env.sh
name=$1 cflags=${2:-} lflags=${3:-} release=${4:--O3 -DNDEBUG}
dir=build/bench-wasm-$name
mkdir -p "$dir/site/js/engine"
emcmake cmake -S "${BENCH_SOURCE:-.}" -B "$dir" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS="$cflags" -DCMAKE_CXX_FLAGS_RELEASE="$release" \
  -DCMAKE_EXE_LINKER_FLAGS="$lflags" -DBACKPROP_WASM_OUTPUT_DIR="$PWD/$dir/site/generated" >/dev/null
cmake --build "$dir" -j2 >/dev/null
cp web/js/engine/engine.js "$dir/site/js/engine/engine.js"
ls -l "$dir/site/generated/backprop.mjs"
