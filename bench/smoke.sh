#!/usr/bin/env bash
# CI smoke run of the micro-benchmarks: proves they build and run, never judges timings.
# BenchmarkDotNet's Dry job runs each benchmark once (no pilot, no warm-up); the filter keeps
# it to a few cases, with the smallest parameters.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
dotnet run -c Release --project bench/Sandbox.Benchmarks -- \
  --job Dry --filter '*IngestBenchmarks.CopyAndIngest*' '*StoreBenchmarks.AddEvict*' '*ListBenchmarks*' \
  --allCategories --artifacts "$out" --stopOnFirstError 2>&1 | tee "$out/smoke.log" | tail -40
# BenchmarkDotNet exits 0 even when a case failed to build or run; check its summary.
if grep -qE "Benchmarks with issues|// \*\* Failed|ExitCode != 0|NA \|" "$out/smoke.log"; then
  echo "smoke.sh: a benchmark failed" >&2
  exit 1
fi
echo "smoke.sh: micro-benchmarks ran"
