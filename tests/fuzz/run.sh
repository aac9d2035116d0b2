#!/bin/sh
# Builds the libFuzzer targets in build-fuzz/ with clang and runs each for
# a bounded time, from its seed corpus.  Inputs found interesting go to
# build-fuzz/corpus-NAME/ (kept between runs); a crash, leak or timeout
# stops the run, is saved as build-fuzz/artifacts/NAME-*, and fails the
# script.
#   tests/fuzz/run.sh [NAME...]          (default: report layout photo pipeline
#                                         issue)
#   FUZZ_SECONDS=600 tests/fuzz/run.sh report
set -eu
cd "$(dirname "$0")/../.."
seconds=${FUZZ_SECONDS:-60}
build="build-fuzz"
names=${*:-report layout photo pipeline issue}

# shellcheck disable=SC2086
cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DNP_FUZZ=ON \
  -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo ${NP_CMAKE_ARGS:-} >/dev/null
for name in $names; do
  cmake --build "$build" --parallel --target "fuzz-$name"
done

mkdir -p "$build/artifacts"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# GLib 2.74 recycles small blocks (GError, GPtrArray, list nodes) in its
# slice allocator, where LeakSanitizer cannot see them leak.
export G_SLICE=always-malloc
status=0
for name in $names; do
  fuzzer=$build/tests/fuzz/fuzz-$name
  # Leaks inside fontconfig and Cairo that the suite knows of (explained in
  # the file); newsprint's own allocations are never suppressed.
  export LSAN_OPTIONS="print_suppressions=0"
  [ -f "tests/fuzz/$name.supp" ] &&
    export LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/$name.supp:print_suppressions=0"
  # Earlier findings first: each must now pass.
  for input in tests/fuzz/regressions/"$name"-*; do
    [ -f "$input" ] || continue
    "$fuzzer" "$input" >"$build/artifacts/regression.log" 2>&1 || {
      echo "run.sh: fuzz-$name fails on $input again:"
      tail -40 "$build/artifacts/regression.log"
      status=1
    }
  done
  mkdir -p "$build/corpus-$name"
  seeds="tests/fuzz/corpus-$name" dict="tests/fuzz/$name.dict" max_len=65536
  # The whole pipeline reads reports: their seeds and words as well, and
  # short ones, since each run typesets a newsletter.
  if [ "$name" = pipeline ]; then
    seeds="$seeds tests/fuzz/corpus-report" dict=tests/fuzz/report.dict
    max_len=4096
  fi
  echo "run.sh: fuzz-$name for ${seconds}s"
  # shellcheck disable=SC2086
  if ! "$fuzzer" "$build/corpus-$name" $seeds \
       -dict="$dict" -max_total_time="$seconds" \
       -max_len="$max_len" -timeout=30 \
       -print_final_stats=1 -artifact_prefix="$build/artifacts/$name-" \
       >"$build/fuzz-$name.log" 2>&1; then
    echo "run.sh: fuzz-$name found a problem (see $build/fuzz-$name.log):"
    grep -A40 -m1 'ERROR\|WARNING: Leak\|==ERROR\|deadly signal\|timeout' \
      "$build/fuzz-$name.log" | head -60
    status=1
  fi
  grep -E '^stat::(number_of_executed_units|peak_rss_mb)|^#[0-9]+ *DONE' \
    "$build/fuzz-$name.log" || true
done
exit $status
