#!/usr/bin/env bash
# Search latency over the full python3.11-doc index, in one process (median, p90, p99 of 2,000 queries).
# Usage: bench/search-latency.sh [INDEX_DIR] [COUNT]
# Builds the index first when INDEX_DIR has none (from the default sources, as pyhelp does on first use).
set -euo pipefail
cd "$(dirname "$0")/.."
index=${1:-/tmp/pyhelp-bench-index}
count=${2:-2000}
dotnet build -c Release bench/SearchLatency -v q --nologo >/dev/null
if [ ! -f "$index/CURRENT" ]; then
  echo "building the index in $index ..."
  dotnet run -c Release --project src/HelpCli -- --index "$index" --rebuild >/dev/null
fi
dotnet bench/SearchLatency/bin/Release/net10.0/search-latency.dll "$index" "$count"
