#!/usr/bin/env bash
# Installs whatever the build needs and is missing, idempotently: check first, install second.
#   scripts/ensure-tools.sh build   -> wasm32 target, npm tools (echarts, esbuild, binaryen)
#   scripts/ensure-tools.sh test    -> the above + Chromium, PostgreSQL, nginx, Playwright
#   scripts/ensure-tools.sh bindgen -> wasm-bindgen-cli (scripts/build.sh runs this beside its
#                                      compile: about a minute of cargo install, once)
# Under CI=true every failure is fatal; nothing is silently skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml | head -1)
TOOLS=tools
mode=${1:-build}

log() { printf '\033[1;34m[tools]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[tools] error:\033[0m %s\n' "$*" >&2; exit 1; }

. scripts/apt.sh

wasm_target_ok() {
  local dir
  dir=$(rustc --print target-libdir --target wasm32-unknown-unknown 2>/dev/null) || return 1
  compgen -G "$dir/libstd-*.rlib" >/dev/null
}

ensure_wasm_target() {
  if wasm_target_ok; then return; fi
  if [ -f "$TOOLS/.debian-web-rust" ]; then return; fi
  log "adding the wasm32-unknown-unknown target with rustup"
  if command -v rustup >/dev/null && timeout 300 rustup target add wasm32-unknown-unknown && wasm_target_ok; then return; fi
  log "rustup route failed; falling back to Debian's rustc-web (std built with -Zbuild-std)"
  apt_install rustc-web cargo-web rust-web-src lld
  if [ ! -e /usr/bin/rust-lld ] && command -v ld.lld >/dev/null; then sudo_cmd ln -sf "$(command -v ld.lld)" /usr/bin/rust-lld; fi
  mkdir -p "$TOOLS" && touch "$TOOLS/.debian-web-rust"
}

ensure_wasm_bindgen() {
  local bin="$TOOLS/cargo/bin/wasm-bindgen"
  if [ -x "$bin" ] && [ "$("$bin" --version | awk '{print $2}')" = "$WASM_BINDGEN_VERSION" ]; then return; fi
  # --debug: a 1 min build instead of 3 on 2 cores (Dec 7); it then takes ~1 s instead of 0.3 s
  # on the client's wasm and writes the same bytes.
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about a minute, once)"
  cargo install -q --debug wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$TOOLS/cargo" || die "cargo install wasm-bindgen-cli failed"
}

npm_install() { # DIR: installs DIR/package.json's dependencies unless already current
  local dir=$1 installed="$1/node_modules/.package-lock.json" cmd=install
  if [ -f "$installed" ] && [ "$installed" -nt "$dir/package.json" ] \
    && { [ ! -f "$dir/package-lock.json" ] || [ "$installed" -nt "$dir/package-lock.json" ]; }; then return; fi
  command -v npm >/dev/null || apt_install nodejs npm
  # With a committed lock file, exactly what it pins (npm ci fails if package.json disagrees).
  if [ -f "$dir/package-lock.json" ]; then cmd=ci; fi
  log "npm $cmd in $dir (no browser download)"
  (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm "$cmd" --no-audit --no-fund --loglevel=error) || die "npm $cmd in $dir failed"
}

ensure_npm_tools() {
  npm_install "$TOOLS"
  # build.sh bundles the site's ECharts with esbuild (tools/echarts-entry.js).
  [ -x "$TOOLS/node_modules/.bin/esbuild" ] || die "esbuild missing from $TOOLS/node_modules"
  [ -f "$TOOLS/node_modules/echarts/package.json" ] || die "echarts missing from $TOOLS/node_modules"
  "$TOOLS/node_modules/.bin/esbuild" --version >/dev/null || die "esbuild in $TOOLS does not run"
}

ensure_chromium() {
  command -v chromium >/dev/null && return
  apt_install chromium
}

ensure_postgres() {
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && return
  apt_install postgresql
}

ensure_nginx() {
  # The two-instance test behind a reverse proxy (scripts/scale-demo.sh).
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || apt_install nginx
}

if [ "$mode" = bindgen ]; then
  ensure_wasm_bindgen
  exit
fi
ensure_wasm_target
ensure_npm_tools
if [ "$mode" = test ]; then
  ensure_chromium
  ensure_postgres
  ensure_nginx
  command -v curl >/dev/null || apt_install curl
  npm_install end2end
fi
log "toolchain ready"
