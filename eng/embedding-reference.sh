#!/usr/bin/env bash
# eng/embedding-reference.sh - installs the node parity reference for the embedding model
# (tests/Enrichment.Tests/reference: TF.js core/converter/cpu backend + the universal-sentence-encoder
# tokenizer, exact versions from package-lock.json) with `npm ci`.
# Idempotent: a stamp holding the lock file's hash makes a second run a no-op that takes milliseconds.
# Needs node >= 18 and npm, and the model files from eng/setup.sh (models/use-lite/dist).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REF_DIR="$REPO_ROOT/tests/Enrichment.Tests/reference"
STAMP="$REF_DIR/node_modules/.rapanalyzer-lock.sha256"

log() { echo "embedding-reference: $*"; }
die() { echo "embedding-reference: ERROR: $*" >&2; exit 1; }

command -v node >/dev/null 2>&1 || die "node is not installed (apt-get install nodejs npm)"
command -v npm >/dev/null 2>&1 || die "npm is not installed (apt-get install npm)"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 18 ] || die "node $(node --version) is too old; need >= 18"
[ -f "$REF_DIR/package-lock.json" ] || die "missing $REF_DIR/package-lock.json"

want="$(sha256sum "$REF_DIR/package-lock.json" | cut -d' ' -f1)"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then
  log "up to date"
else
  log "npm ci in $REF_DIR"
  (cd "$REF_DIR" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed"
  echo "$want" >"$STAMP"
fi

if [ ! -f "$REPO_ROOT/models/use-lite/dist/model.json" ]; then
  log "warning: models/use-lite/dist/model.json is missing; run eng/setup.sh before the parity tests"
fi
