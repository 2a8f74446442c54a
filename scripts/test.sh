#!/usr/bin/env bash
# Every check, in dependency order: lint (ESLint, tsc, formatting), native build + ctest, the same
# tests under ASan and UBSan, wasm build, node tests against the built module, then browser tests
# in headless Chromium. Stops at the first failing layer.
set -euo pipefail
cd "$(dirname "$0")/.."

# The TEST_CASEs a Catch2 program lists (Catch2 v2 exits with that number, hence the "|| true").
count_cases() { { "$@" --list-test-names-only || true; } | grep -c . || true; }
# Every TEST_CASE must be its own ctest entry ("[" or ";" in a test name merges or splits entries).
check_entries() {
  local preset=$1 cases=$2 entries
  entries=$(ctest --preset "$preset" -N | sed -n 's/^Total Tests: //p')
  if [[ "$cases" != "$entries" ]]; then
    echo "test: the $preset test programs have $cases TEST_CASEs but ctest discovered $entries entries" >&2
    exit 1
  fi
}

echo "== lint (ESLint, tsc, formatting)"
bash scripts/lint.sh

echo "== native build and ctest"
bash scripts/build.sh native
check_entries native $(($(count_cases build/native/tests/core_tests) + $(count_cases build/native/tests/allocation_tests)))
ctest --preset native

echo "== sanitized build and ctest (ASan + UBSan; the [slow] tests left out)"
bash scripts/build.sh sanitize
check_entries sanitize "$(count_cases build/sanitize/tests/core_tests '~[slow]')"
ctest --preset sanitize

echo "== wasm build"
bash scripts/build.sh wasm

echo "== node tests (wasm module)"
node --test --test-timeout=120000 tests/node/

echo "== browser tests (headless Chromium)"
node --test --test-timeout=180000 tests/browser/
