#!/usr/bin/env bash
# What the Dockerfile does, without Docker: build the UI, then publish the server.
# Usage: scripts/publish.sh OUTPUT_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:?usage: scripts/publish.sh OUTPUT_DIR}"
(cd ui && npm ci --no-audit --no-fund && npm run build)
dotnet publish src/Sandbox.Server/Sandbox.Server.csproj -c Release -o "$out" -p:SkipUiBuild=true
