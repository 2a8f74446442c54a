#!/usr/bin/env bash
# Fuzzes the core's parsers with clang's libFuzzer (Debian's clang-14 and libclang-rt-14-dev),
# under AddressSanitizer and UndefinedBehaviorSanitizer: CSV text, CSV options, the model spec,
# the training settings, generator requests and bundled BPDS bytes. Each target starts from its
# seed corpus in tests/fuzz/corpus/<target>/ and runs for SECONDS (default 60); a finding is saved
# in build/fuzz/findings/<target>/ and makes the script exit non-zero. Not part of `npm test`.
#   bash scripts/fuzz.sh [SECONDS] [TARGET ...]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(csv csv_options spec settings generator bundled)
cxx=${CXX_FUZZ:-clang++-14}
out=build/fuzz
mkdir -p "$out/obj" "$out/findings"
flags=(-std=c++20 -O1 -g -fno-omit-frame-pointer -ffp-contract=off -fsanitize=address,undefined
       -fno-sanitize-recover=all -I. -isystem /usr/include/eigen3)

# the core once, as objects (rebuilt when a source is newer than its object)
objects=()
for source in core/*/*.cpp; do
  object="$out/obj/$(basename "${source%.cpp}").o"
  if [[ ! -f "$object" || "$source" -nt "$object" || -n "$(find core -name '*.hpp' -newer "$object" -print -quit)" ]]; then
    "$cxx" "${flags[@]}" -fsanitize=fuzzer-no-link -c "$source" -o "$object" &
    while (($(jobs -rp | wc -l) >= 2)); do wait -n; done
  fi
  objects+=("$object")
done
wait

status=0
for target in "${targets[@]}"; do
  "$cxx" "${flags[@]}" -fsanitize=fuzzer "tests/fuzz/$target.fuzz.cpp" "${objects[@]}" -o "$out/$target"
  mkdir -p "$out/findings/$target" "$out/corpus/$target"
  log="$out/$target.log"
  if "$out/$target" "$out/corpus/$target" "tests/fuzz/corpus/$target" -max_total_time="$seconds" -max_len=65536 \
      -rss_limit_mb=2048 -artifact_prefix="$out/findings/$target/" -print_final_stats=1 >"$log" 2>&1; then
    result=ok
  else
    result=FINDING
    status=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  echo "fuzz $target: $result, ${runs:-?} executions in ${seconds} s (log: $log)"
done
exit $status
