#!/usr/bin/env bash
# Fails on unformatted code: C++ in core/, wasm/, tests/ and bench/native/ that clang-format
# (.clang-format) would change, and any tracked text file against .editorconfig's whitespace rules
# (LF line ends, no trailing whitespace, no tabs, a final newline). JavaScript's formatting is
# checked by ESLint's stylistic rules (eslint.config.js). `--fix` rewrites the C++ in place.
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -d '' cpp < <(git ls-files -z -- 'core/*.cpp' 'core/*.hpp' 'wasm/*.cpp' 'wasm/*.hpp' 'wasm/*.h' \
  'tests/*.cpp' 'tests/*.hpp' 'bench/native/*.cpp' 'bench/native/*.hpp')
if [[ "${1:-}" == "--fix" ]]; then
  clang-format -i "${cpp[@]}"
  exit 0
fi

status=0
if ! clang-format --dry-run --Werror "${cpp[@]}"; then
  echo "check-format: the C++ above is not formatted; run: bash scripts/check-format.sh --fix" >&2
  status=1
fi

# text files: everything tracked but the binary datasets, images, NumPy fixtures and the fuzzers' seed inputs
mapfile -d '' text < <(git ls-files -z | grep -zvE '\.(gz|png|wasm|bpds|npz)$|^tests/fuzz/corpus/')
# Makefiles need tabs; none is tracked
if grep -nIE $'[ \t]+$' -- "${text[@]}"; then
  echo "check-format: trailing whitespace (above)" >&2
  status=1
fi
if grep -nIP '\t' -- "${text[@]}"; then
  echo "check-format: tabs (above); indent with spaces" >&2
  status=1
fi
if grep -lIP '\r$' -- "${text[@]}"; then
  echo "check-format: CRLF line ends in the files above" >&2
  status=1
fi
for file in "${text[@]}"; do
  if [[ -s "$file" && -n "$(tail -c 1 "$file")" ]]; then
    echo "check-format: $file does not end with a newline" >&2
    status=1
  fi
done
exit "$status"
