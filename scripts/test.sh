#!/usr/bin/env bash
# `make test`: unit + integration tests on SQLite and on a throwaway PostgreSQL cluster, then
# schemathesis (scripts/api-fuzz.sh) and Playwright in Debian's Chromium against the served app
# (JavaScript off and on). The Rust tests also get a real OpenAI-compatible LLM server (scripts/llm-server.sh: llama.cpp + SmolLM2-135M,
# compiled once into tools/llm-venv) at SPOTTER_TEST_LLM_URL.
#   scripts/test.sh all|rust|e2e|llm     (llm: only the real-LLM tests, `real_llm` in tests/all)
# Under CI=true nothing is skipped: a missing dependency fails the run. Elsewhere a failed LLM
# install or start prints a loud SKIPPED and the run goes on without SPOTTER_TEST_LLM_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-all}
log() { printf '\033[1;32m[test]\033[0m %s\n' "$*" >&2; }
start=$(date +%s)

scripts/ensure-tools.sh test

BG_PIDS=()
CLIENT_PID=
cleanup() {
  local status=$?
  local pid
  for pid in "${BG_PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then pkill -TERM -P "$pid" 2>/dev/null; kill "$pid" 2>/dev/null; fi
  done
  [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null || true
  [ -n "${PG_TEST_DIR:-}" ] && scripts/pg.sh stop "$PG_TEST_DIR"
  [ -n "${E2E_DIR:-}" ] && rm -rf "$E2E_DIR"
  if [ -n "${LLM_SERVER_PID:-}" ]; then # on failure the server's log stays for a look
    if [ "$status" = 0 ]; then scripts/llm-server.sh stop "$LLM_SERVER_PID" "${LLM_SERVER_LOG:-}"
    else scripts/llm-server.sh stop "$LLM_SERVER_PID"; log "LLM server log: ${LLM_SERVER_LOG:-}"; fi
  fi
  [ -n "${LLM_SKIPPED:-}" ] && llm_skipped_banner
  true
}
trap cleanup EXIT

llm_skipped_banner() {
  printf '\033[1;33m[test] ============================================================\n' >&2
  printf '[test] SKIPPED: the real-LLM tests (no LLM server: %s).\n' "$LLM_SKIPPED" >&2
  printf '[test] Run scripts/llm-server.sh install (then start) by hand to see why; under CI=true this fails.\n' >&2
  printf '[test] ============================================================\033[0m\n' >&2
}

# Installs (once: 6-10 min) and starts the real LLM server, exporting SPOTTER_TEST_LLM_URL and
# SPOTTER_TEST_LLM_MODEL for the tests. `start_llm required` (or CI=true) makes a failure fatal.
start_llm() {
  local env
  log "real LLM server (llama-cpp-python + SmolLM2-135M)"
  if ! scripts/llm-server.sh install; then
    LLM_SKIPPED="scripts/llm-server.sh install failed"
  elif ! env=$(scripts/llm-server.sh start); then
    LLM_SKIPPED="scripts/llm-server.sh start failed"
  else
    eval "$env"
    return
  fi
  if [ "${CI:-}" = true ] || [ "${1:-}" = required ]; then
    printf '\033[1;31m[test] error:\033[0m %s\n' "$LLM_SKIPPED" >&2
    LLM_SKIPPED=
    exit 1
  fi
  llm_skipped_banner
}

if [ "$mode" = all ] || [ "$mode" = rust ]; then
  # On a fresh machine the LLM server's install compiles llama.cpp (~6 min) and the site's
  # client needs its wasm build and wasm-bindgen-cli: both run beside the tests' own compile,
  # which spends long stretches on one core (this crate, the test binary, linking).
  mkdir -p target
  scripts/llm-server.sh install >target/llm-install.log 2>&1 &
  BG_PIDS+=($!)
  if [ "$mode" = all ]; then
    scripts/build.sh client >target/client-build.log 2>&1 &
    CLIENT_PID=$!
    BG_PIDS+=("$CLIENT_PID")
  fi
  log "compiling the tests (beside them: the LLM server's install, the client's build)"
  cargo test --features ssr --no-run
  log "starting a throwaway PostgreSQL cluster"
  eval "$(scripts/pg.sh start)"
  # Waits for the install above (or, if it failed, tries once more and reports why).
  wait "${BG_PIDS[0]}" || true
  start_llm
  log "unit + integration tests (SQLite and PostgreSQL${SPOTTER_TEST_LLM_URL:+, real LLM at $SPOTTER_TEST_LLM_URL})"
  SPOTTER_REQUIRE_POSTGRES=1 cargo test --features ssr
fi

if [ "$mode" = llm ]; then
  start_llm required
  log "real-LLM tests against $SPOTTER_TEST_LLM_URL"
  cargo test --features ssr --test all real_llm
fi

if [ "$mode" = all ] || [ "$mode" = e2e ]; then
  if [ -n "$CLIENT_PID" ] && ! wait "$CLIENT_PID"; then
    tail -40 target/client-build.log >&2
    printf '\033[1;31m[test] error:\033[0m the client build failed (log: target/client-build.log)\n' >&2
    exit 1
  fi
  log "building the site for end-to-end tests"
  scripts/build.sh debug
  E2E_DIR=$(mktemp -d /tmp/spotter-e2e.XXXXXX)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  # The demo account (`spotter demo`: six months of training) for the specs that ask the coach
  # about real-looking history (end2end/tests/demo_chart.spec.ts).
  DATABASE_URL="sqlite://$E2E_DIR/e2e.db" RUST_LOG=warn target/debug/spotter demo >/dev/null
  # The offline coach types at 40 ms a word, so the browser tests can watch a reply stream and stop it.
  DATABASE_URL="sqlite://$E2E_DIR/e2e.db" SPOTTER_ADDR="127.0.0.1:$port" SPOTTER_LOGIN_LIMIT=1000 SPOTTER_OFFLINE_PACE_MS=40 \
    RUST_LOG=warn target/debug/spotter serve >"$E2E_DIR/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$E2E_DIR/server.log"; exit 1; }
    sleep 0.2
  done
  # Schemathesis against the OpenAPI document, as a user of its own (bounded: ~8 examples an
  # operation, ~30 s): no 5xx, every response as documented.
  printf 'api fuzz password 1\n' | DATABASE_URL="sqlite://$E2E_DIR/e2e.db" RUST_LOG=error \
    target/debug/spotter user add --email api-fuzz@example.com --password-stdin >/dev/null
  fuzz_token=$(DATABASE_URL="sqlite://$E2E_DIR/e2e.db" RUST_LOG=error \
    target/debug/spotter token create --email api-fuzz@example.com --name api-fuzz)
  scripts/api-fuzz.sh "http://127.0.0.1:$port" "$fuzz_token" || {
    echo "--- server log ---"; tail -50 "$E2E_DIR/server.log"; exit 1; }
  log "Playwright (Chromium, JavaScript off and on) against http://127.0.0.1:$port"
  (cd end2end && SPOTTER_URL="http://127.0.0.1:$port" ./node_modules/.bin/playwright test) || {
    echo "--- server log ---"; tail -50 "$E2E_DIR/server.log"; exit 1; }
fi
log "all tests passed in $(( $(date +%s) - start )) s"
