#!/usr/bin/env bash
# Fuzzes the whole pipeline (bytes in, every report out) with libFuzzer for a bounded time.
#   scripts/fuzz.sh [SECONDS]        (default 60)
# The seed corpus is made from fixtures/**/*.txt at each run; inputs libFuzzer finds go to
# .build-fuzz/corpus and are kept between local runs. A crash leaves its input as
# .build-fuzz/crash-*; turn it into a regression test in Tests/ before fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
scratch=.build-fuzz

scripts/ensure-deps.sh
# REPLYLINT_FUZZ adds the target to Package.swift. `--sanitize fuzzer` makes SwiftPM link
# libFuzzer's main instead of the target's; AddressSanitizer comes in the same -sanitize flag,
# placed after SwiftPM's, because swiftc keeps only the last one (`--sanitize fuzzer
# --sanitize address` would silently drop one of the two).
REPLYLINT_FUZZ=1 swift build --scratch-path "$scratch" -c release --product replylint-fuzz \
  --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=address

seeds="$scratch/seeds" corpus="$scratch/corpus" tmp="$scratch/tmp"
rm -rf "$seeds" "$tmp"
mkdir -p "$seeds" "$corpus" "$tmp"
find fixtures -name '*.txt' -exec cp {} "$seeds/" \;

log="$scratch/fuzz.log"
echo "fuzz: running for ${seconds}s (log: $log)"
# -max_len with -len_control=0 lets long inputs through from the start (libFuzzer otherwise
# grows the limit slowly from the largest seed, a few hundred bytes); -rss_limit_mb bounds
# memory well below the machine's; the second corpus directory only seeds, new inputs go to the first.
status=0
TMPDIR="$PWD/$tmp" "$scratch/release/replylint-fuzz" "$corpus" "$seeds" \
  -max_total_time="$seconds" -max_len=65536 -len_control=0 -rss_limit_mb=4096 -timeout=60 \
  -artifact_prefix="$scratch/" -print_final_stats=1 >"$log" 2>&1 || status=$?
rm -rf "$tmp"
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
if [ "$status" -eq 0 ] && [ "${runs:-0}" -eq 0 ]; then
  echo "fuzz: no input was run: is libFuzzer's main linked?" >&2
  exit 1
elif [ "$status" -eq 0 ]; then
  echo "fuzz: ${runs:-0} executions in ${seconds}s without a crash"
else
  tail -n 40 "$log"
  echo "fuzz: failed (exit $status) after ${runs:-?} executions; the input is in $scratch/crash-* (or leak-*, timeout-*, oom-*)"
fi
exit "$status"
