#!/usr/bin/env bash
# `make test`: unit + integration tests on SQLite and on a throwaway PostgreSQL cluster, then
# Playwright in Debian's Chromium against the served app (JavaScript off and on).
#   scripts/test.sh all|rust|e2e
# Under CI=true nothing is skipped: a missing dependency fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-all}
log() { printf '\033[1;32m[test]\033[0m %s\n' "$*" >&2; }
start=$(date +%s)

scripts/ensure-tools.sh test

cleanup() {
  [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null || true
  [ -n "${PG_TEST_DIR:-}" ] && scripts/pg.sh stop "$PG_TEST_DIR"
  [ -n "${E2E_DIR:-}" ] && rm -rf "$E2E_DIR"
}
trap cleanup EXIT

if [ "$mode" = all ] || [ "$mode" = rust ]; then
  log "starting a throwaway PostgreSQL cluster"
  eval "$(scripts/pg.sh start)"
  log "unit + integration tests (SQLite and PostgreSQL)"
  SPOTTER_REQUIRE_POSTGRES=1 cargo test --features ssr
fi

if [ "$mode" = all ] || [ "$mode" = e2e ]; then
  log "building the site for end-to-end tests"
  scripts/build.sh debug
  E2E_DIR=$(mktemp -d /tmp/spotter-e2e.XXXXXX)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  # The offline coach types at 40 ms a word, so the browser tests can watch a reply stream and stop it.
  DATABASE_URL="sqlite://$E2E_DIR/e2e.db" SPOTTER_ADDR="127.0.0.1:$port" SPOTTER_LOGIN_LIMIT=1000 SPOTTER_OFFLINE_PACE_MS=40 \
    RUST_LOG=warn target/debug/spotter serve >"$E2E_DIR/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$E2E_DIR/server.log"; exit 1; }
    sleep 0.2
  done
  log "Playwright (Chromium, JavaScript off and on) against http://127.0.0.1:$port"
  (cd end2end && SPOTTER_URL="http://127.0.0.1:$port" ./node_modules/.bin/playwright test) || {
    echo "--- server log ---"; tail -50 "$E2E_DIR/server.log"; exit 1; }
fi
log "all tests passed in $(( $(date +%s) - start )) s"
