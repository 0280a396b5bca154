#!/usr/bin/env bash
# Builds the site: the wasm client (hydrate), its JS bindings, static assets, and the server.
#   scripts/build.sh [release|debug]    (server profile; the client is always wasm-release)
#   scripts/build.sh client             (the client and the site's files only)
# Idempotent: cargo skips unchanged work, bindings are regenerated only when the wasm changed.
#
# The client (its cargo build, the wasm-bindgen-cli install on a fresh machine, wasm-opt,
# esbuild) runs beside the server's build: each has a long stretch on one core (the server's
# crate, the client's LTO and wasm-opt), so side by side they keep both cores busy. The
# client's output goes to target/client-build.log and is shown if it fails. The two cargo
# builds use different profile directories, so neither waits for the other's lock.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${1:-release}
SITE=target/site
NAME=spotter
log() { printf '\033[1;34m[build]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[build] error:\033[0m %s\n' "$*" >&2; exit 1; }

client() {
  # 1. client (wasm-bindgen-cli is installed meanwhile if missing). The crate is an rlib for
  #    everything else; `cargo rustc --crate-type cdylib` makes the wasm alone a cdylib. With
  #    rlib among its crate types cargo left out the profile's fat LTO: 386 KB gzip then,
  #    336 KB since (Dec 7).
  scripts/ensure-tools.sh bindgen &
  local bindgen_pid=$!
  if [ -f tools/.debian-web-rust ]; then
    log "client (wasm, Debian rustc-web with build-std)"
    RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 /usr/bin/cargo rustc --lib --crate-type cdylib --target wasm32-unknown-unknown \
      --no-default-features --features hydrate --profile wasm-release -Zbuild-std=std,panic_abort
  else
    log "client (wasm)"
    cargo rustc --lib --crate-type cdylib --target wasm32-unknown-unknown --no-default-features --features hydrate --profile wasm-release
  fi
  wait "$bindgen_pid" || die "installing wasm-bindgen-cli failed"
  WASM=target/wasm32-unknown-unknown/wasm-release/$NAME.wasm

  # 2. bindings (wasm-bindgen keeps its default NAME_bg.wasm name, which Leptos requests)
  mkdir -p "$SITE/pkg"
  if [ ! -f "$SITE/pkg/${NAME}_bg.wasm" ] || [ "$WASM" -nt "$SITE/pkg/${NAME}_bg.wasm" ]; then
    log "wasm-bindgen"
    tools/cargo/bin/wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
      --out-dir "$SITE/pkg" --out-name "$NAME" "$WASM"
    if [ "${SPOTTER_WASM_OPT:-1}" = 1 ] && [ -x tools/node_modules/.bin/wasm-opt ]; then
      # -Oz: 1 % smaller gzip in ~10 s. (--flatten --rereloop -Oz --converge took another ~50 s
      # for 1 % more; not worth it since the client is linked with fat LTO, Dec 7: 336 KB gzip.)
      log "wasm-opt -Oz"
      tools/node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
        --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
        "$SITE/pkg/${NAME}_bg.wasm" -o "$SITE/pkg/${NAME}_bg.wasm"
    fi
  fi

  # 3. static assets
  cp -r public/. "$SITE/"
  cp style/main.css "$SITE/main.css"
  # ECharts: a build with only what the server's chart options use (tools/echarts-entry.js),
  # bundled by esbuild as a minified IIFE that sets the global `echarts`, like the full
  # dist/echarts.min.js it replaces (~180 KB br instead of ~300). Rebuilt only when its inputs
  # change, so `spotter precompress` below finds its br/gz fresh. SPOTTER_ECHARTS_DEV=1 builds
  # it with ECharts' development checks (console errors such as "Component xxx is used but not
  # imported"; larger, for testing only).
  ECHARTS_ENV=production
  if [ "${SPOTTER_ECHARTS_DEV:-0}" = 1 ]; then ECHARTS_ENV=development; fi
  ESBUILD=tools/node_modules/.bin/esbuild
  if [ -x "$ESBUILD" ] && [ -f tools/node_modules/echarts/package.json ]; then
    echarts_version=$(node -p 'require("./tools/node_modules/echarts/package.json").version')
    echarts_args=(tools/echarts-entry.js --bundle --minify --format=iife --global-name=echarts
      "--define:process.env.NODE_ENV=\"$ECHARTS_ENV\"" --legal-comments=none --log-level=warning
      "--banner:js=/*! Apache ECharts $echarts_version (custom build: tools/echarts-entry.js), Apache-2.0; zrender, BSD-3-Clause; tslib, 0BSD */")
    stamp=target/.echarts-build
    want=$(cat tools/echarts-entry.js tools/node_modules/.package-lock.json <(printf '%s\n' "${echarts_args[@]}") | sha256sum | cut -c1-16)
    if [ ! -f "$SITE/echarts.min.js" ] || [ "$SITE/echarts.min.js" -nt "$stamp" ] \
      || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
      log "echarts.min.js (esbuild, tools/echarts-entry.js, $ECHARTS_ENV)"
      "$ESBUILD" "${echarts_args[@]}" --outfile="$SITE/echarts.min.js" || die "esbuild failed on tools/echarts-entry.js"
      printf '%s\n' "$want" > "$stamp"
    fi
  elif [ "${CI:-}" = true ]; then
    die "esbuild or echarts missing from tools/node_modules (scripts/ensure-tools.sh build installs them)"
  else
    log "warning: esbuild or echarts missing from tools/node_modules (run scripts/ensure-tools.sh build);" \
      "serving the full ECharts bundle"
    cp tools/node_modules/echarts/dist/echarts.min.js "$SITE/echarts.min.js"
    rm -f target/.echarts-build
  fi

}

if [ "$profile" = client ]; then
  client
  exit
fi
mkdir -p target
client_log=target/client-build.log
log "client (wasm) beside the server; its log: $client_log"
client >"$client_log" 2>&1 &
client_pid=$!
trap 'pkill -TERM -P "$client_pid" 2>/dev/null; kill "$client_pid" 2>/dev/null || true' EXIT

# 4. server
log "server ($profile)"
if [ "$profile" = release ]; then
  cargo build --bin $NAME --features ssr --release
else
  cargo build --bin $NAME --features ssr
fi
if ! wait "$client_pid"; then
  tail -40 "$client_log" >&2
  die "the client's build failed (whole log: $client_log)"
fi
trap - EXIT
sed -n 's/^\x1b\[1;34m\[build\]\x1b\[0m /client: /p' "$client_log" | while read -r line; do log "$line"; done

# 5. the client under names carrying its content hash (cached for good by browsers), listed in
#    hash.txt beside the server binary, which Leptos reads to name them in every page
if [ "$profile" = release ]; then bin=target/release/$NAME; else bin=target/debug/$NAME; fi
js_hash=$(sha256sum "$SITE/pkg/$NAME.js" | cut -c1-16)
wasm_hash=$(sha256sum "$SITE/pkg/${NAME}_bg.wasm" | cut -c1-16)
find "$SITE/pkg" -maxdepth 1 -regextype posix-extended -regex ".*/$NAME\.[0-9a-f]{16}\.(js|wasm)(\.br|\.gz)?" \
  ! -name "$NAME.$js_hash.js*" ! -name "$NAME.$wasm_hash.wasm*" -delete
cp -p "$SITE/pkg/$NAME.js" "$SITE/pkg/$NAME.$js_hash.js"
cp -p "$SITE/pkg/${NAME}_bg.wasm" "$SITE/pkg/$NAME.$wasm_hash.wasm"
printf 'js: %s\nwasm: %s\n' "$js_hash" "$wasm_hash" > "$(dirname "$bin")/hash.txt"

# 6. the site's files in br and gzip, once, for the server to send as they are
log "$("$bin" precompress "$SITE")"
raw=$(stat -c %s "$SITE/pkg/${NAME}_bg.wasm")
gz=$(gzip -9 -c "$SITE/pkg/${NAME}_bg.wasm" | wc -c)
log "site ready in $SITE (wasm: $((raw / 1024)) KiB raw, $((gz / 1024)) KiB gzip)"
