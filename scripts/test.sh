#!/usr/bin/env bash
# Every test, in dependency order: native build + ctest, wasm build, node tests against the built
# module, then browser tests in headless Chromium. Stops at the first failing layer.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== native build and ctest"
bash scripts/build.sh native
# Every TEST_CASE must be its own ctest entry ("[" or ";" in a test name merges or splits
# entries). Catch2 v2 exits with the number of tests it listed, hence the "|| true".
names=$(./build/native/tests/core_tests --list-test-names-only || true)
cases=$(grep -c . <<<"$names")
entries=$(ctest --preset native -N | sed -n 's/^Total Tests: //p')
if [[ "$cases" != "$entries" ]]; then
  echo "test: core_tests has $cases TEST_CASEs but ctest discovered $entries entries" >&2
  exit 1
fi
ctest --preset native

echo "== wasm build"
bash scripts/build.sh wasm

echo "== node tests (wasm module)"
node --test --test-timeout=120000 tests/node/

echo "== browser tests (headless Chromium)"
node --test --test-timeout=180000 tests/browser/
