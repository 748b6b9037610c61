#!/usr/bin/env bash
# Runs the whole test suite: installs what is missing, builds, runs every test project one after another
# (several of them start real Postgres, Redis and RabbitMQ servers), and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
bash eng/setup.sh || exit 1
dotnet build RapAnalyzer.sln -nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }

# Each project's .trx and its attachments (the dashboard's screenshot among them) stay here after the run.
results="artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"
passed=0 failed=0 skipped=0 status=0
for project in tests/*/*.Tests.csproj; do
  name="$(basename "$project" .csproj)"
  echo "== $name"
  dotnet test "$project" --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" \
    || status=1
  trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "$name produced no results (the test host crashed?)"
    failed=$((failed + 1)); status=1
    continue
  fi
  counters="$(grep -o '<Counters [^>]*>' "$trx")"
  count() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total="$(count total)" executed="$(count executed)"
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
  skipped=$((skipped + total - executed))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
