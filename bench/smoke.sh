#!/usr/bin/env bash
# CI smoke run of the micro-benchmarks: proves they build and run, never judges timings.
# BenchmarkDotNet's Dry job runs each benchmark once (no pilot, no warm-up); the filter keeps
# it to a few cases, with the smallest parameters.
# Program.cs exits non-zero when a case fails or nothing matched the filter.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
dotnet run -c Release --project bench/Sandbox.Benchmarks -- \
  --job Dry --filter '*IngestBenchmarks.CopyAndIngest*' '*StoreBenchmarks.AddEvict*' '*ListBenchmarks*' '*ImapFetchBenchmarks.FetchLineCold*' \
  --inProcess --artifacts "$out" --stopOnFirstError
echo "smoke.sh: micro-benchmarks ran"
