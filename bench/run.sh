#!/usr/bin/env bash
# The benchmarks: the ingest benchmark (import -> stored + enriched + embedded, and the embedding model alone).
# Usage: bench/run.sh [--tracks N]   (default 10,000 tracks; takes a few minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
bash eng/setup.sh
dotnet build bench/IngestBenchmark -c Release -nologo -v quiet
exec dotnet bench/IngestBenchmark/bin/Release/net10.0/IngestBenchmark.dll "$@"
