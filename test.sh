#!/usr/bin/env bash
# The one command that runs every test: UI component tests (Vitest), the .NET suites (unit,
# real-socket protocol tests, REST, headless-Chromium end-to-end), and a smoke test of the
# published app (the same publish the Dockerfile runs).
set -euo pipefail
cd "$(dirname "$0")"

if [ -f ui/package.json ] && grep -q '"test"' ui/package.json; then
  (cd ui && npm ci --no-audit --no-fund && npm test)
fi

dotnet build Sandbox.sln -c Release
dotnet test --solution Sandbox.sln -c Release --no-build
scripts/smoke-published.sh
