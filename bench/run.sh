#!/usr/bin/env bash
# The benchmarks.
#   bench/run.sh [--tracks N]          the ingest benchmark: import -> stored + enriched + embedded, and the embedding
#                                      model alone (default 10,000 tracks; a few minutes on 2 cores)
#   bench/run.sh --embedding-only [--tracks N]   the embedding model alone (sections, then lines), no services
#   bench/run.sh --features [--tracks N]   text features (rhymes on eSpeak NG) against the embedding, per track
#   bench/run.sh --malmi DIR           rhyme density against Malmi's code on his songs (DIR: raplysaattori's lyrics_en)
#   bench/run.sh --generation [--tracks N] [--verses N] [--queries N] [--lyrics DIR] [--seed N] [--training-queries N]
#                                      the embedded generator: line index build (time, memory), ranker training,
#                                      next-line top-1 and MRR, generation latency; on the synthetic corpus, or on the
#                                      songs under DIR (e.g. raplysaattori's lyrics_en)
#   bench/run.sh --analyze [--songs N] POST /analyze through the gateway: embedded cold and cached, the LLM path's
#                                      overhead over a fake LLM's 500 ms, concurrent songs/s (default 200 songs)
#   bench/run.sh --search [--tracks N] [--large N] [--queries N] [--text-queries N] [--large-text-queries N]
#                [--recall-queries N] [--no-grid] [--real N] [--no-lines]
#                [--m M --ef-construction E --ef-search S] [--embed-only] [--show N]
#                                      GET /search at 57,718 then 500,000 tracks (--large 0 skips it): latency through
#                                      the gateway (1 and 8 clients), the SQL directly, exact scans, recall@10, MRR,
#                                      index build time and size, catalog RSS; the HNSW grid at the first size.
#                                      USE-Lite vectors and line signs are cached in ~/.cache/rapanalyzer/search-bench
#                                      (the first run embeds 57,718 tracks and their 1.6M lines: ~40 min on 2 cores);
#                                      --show N prints generated track N
#   bench/run.sh --search --units DIR [--queries-per-track N] [--seed N]
#                                      half-remembered lines of the songs under DIR (e.g. raplysaattori's lyrics_en):
#                                      MRR with one vector per track, per section, per line and per line as signs
set -euo pipefail
cd "$(dirname "$0")/.."
bash eng/setup.sh
case "${1:-}" in
  --features)
    shift
    dotnet build bench/FeatureBenchmark -c Release -nologo -v quiet
    exec dotnet bench/FeatureBenchmark/bin/Release/net10.0/FeatureBenchmark.dll "$@" ;;
  --generation)
    shift
    dotnet build bench/GenerationBenchmark -c Release -nologo -v quiet
    exec dotnet bench/GenerationBenchmark/bin/Release/net10.0/GenerationBenchmark.dll "$@" ;;
  --malmi)
    dotnet build bench/FeatureBenchmark -c Release -nologo -v quiet
    exec dotnet bench/FeatureBenchmark/bin/Release/net10.0/FeatureBenchmark.dll --malmi "${2:?the lyrics_en folder of github.com/ekQ/raplysaattori}" docs/research/malmi-rhyme-density-values.json ;;
  --analyze)
    shift
    dotnet build bench/AnalyzeBenchmark -c Release -nologo -v quiet
    exec dotnet bench/AnalyzeBenchmark/bin/Release/net10.0/AnalyzeBenchmark.dll "$@" ;;
  --search)
    shift
    dotnet build bench/SearchBenchmark -c Release -nologo -v quiet
    exec dotnet bench/SearchBenchmark/bin/Release/net10.0/SearchBenchmark.dll "$@" ;;
esac
dotnet build bench/IngestBenchmark -c Release -nologo -v quiet
exec dotnet bench/IngestBenchmark/bin/Release/net10.0/IngestBenchmark.dll "$@"
