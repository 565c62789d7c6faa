#!/usr/bin/env bash
# The one command that runs every test: UI component tests (Vitest), the .NET suites (unit,
# real-socket protocol tests, REST, headless-Chromium end-to-end), and a smoke test of the
# published app (the same publish the Dockerfile runs), and a smoke run of the micro-benchmarks.
# Ends with one summary line.
set -euo pipefail
cd "$(dirname "$0")"
log="$(mktemp)"
scripts/install-test-tools.sh
trap 'rm -f "$log"' EXIT

ui_passed=0
if [ -f ui/package.json ] && grep -q '"test"' ui/package.json; then
  (cd ui && npm ci --no-audit --no-fund && npx vitest run --reporter=default) 2>&1 | tee -a "$log"
  ui_passed=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | sed -n 's/^ *Tests *\([0-9]*\) passed.*/\1/p' | tail -1)
fi

dotnet build Sandbox.sln -c Release
dotnet test --solution Sandbox.sln -c Release --no-build 2>&1 | tee "$log"
net_passed=$(sed -n 's/^ *succeeded: *\([0-9]*\)/\1/p' "$log" | tail -1)
net_failed=$(sed -n 's/^ *failed: *\([0-9]*\)/\1/p' "$log" | tail -1)

scripts/smoke-published.sh

# The BenchmarkDotNet micro-benchmarks in smoke mode: they must build and run; timings are
# never judged here (bench/RESULTS.md holds the measured figures).
bench/smoke.sh

echo "tests: $((ui_passed + net_passed + 2)) passed, ${net_failed:-0} failed"
