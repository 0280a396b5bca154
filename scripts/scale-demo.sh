#!/usr/bin/env bash
# Two Spotter instances on one PostgreSQL behind nginx, on loopback (the scale-out shape:
# stateless app instances, one database). nginx round-robins between them from 127.0.0.2, the
# one address the instances trust for X-Forwarded-For (SPOTTER_TRUSTED_PROXIES), and does not
# buffer, so replies stream through it.
#   eval "$(scripts/scale-demo.sh start)"  -> SCALE_DIR, SCALE_URL (nginx), SCALE_A, SCALE_B,
#                                             SCALE_DATABASE_URL
#   scripts/scale-demo.sh stop DIR
# The instances run $SPOTTER_BIN (default target/debug/spotter) with the caller's environment
# (SPOTTER_LOGIN_LIMIT, SPOTTER_CHAT_LIMIT, LLM_BASE_URL, ...). `make scale-demo` starts it,
# with the demo account, and stops it on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
log() { printf '\033[1;35m[scale]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[scale] error:\033[0m %s\n' "$*" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
nginx_bin() { command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true; }

start() {
  local bin=${SPOTTER_BIN:-target/debug/spotter}
  [ -x "$bin" ] || die "$bin is missing (scripts/build.sh debug)"
  local nginx; nginx=$(nginx_bin)
  [ -n "$nginx" ] || die "nginx is missing (apt-get install nginx; scripts/ensure-tools.sh test installs it)"
  local dir; dir=$(mktemp -d /tmp/spotter-scale.XXXXXX)
  local pg; pg=$(scripts/pg.sh start) || die "PostgreSQL did not start"
  eval "$pg"
  echo "$PG_TEST_DIR" > "$dir/pg"
  local db=$SPOTTER_TEST_POSTGRES_URL
  DATABASE_URL=$db RUST_LOG=warn "$bin" migrate >/dev/null
  local a b port
  a=$(free_port); b=$(free_port); port=$(free_port)
  for which in a b; do
    local p; if [ $which = a ]; then p=$a; else p=$b; fi
    DATABASE_URL=$db SPOTTER_ADDR=127.0.0.1:$p SPOTTER_TRUSTED_PROXIES=127.0.0.2 RUST_LOG=${RUST_LOG:-warn} \
      setsid "$bin" serve >"$dir/$which.log" 2>&1 &
    echo $! > "$dir/$which.pid"
  done
  mkdir -p "$dir/tmp"
  local user_line=""; [ "$(id -u)" = 0 ] && user_line="user root;"
  cat > "$dir/nginx.conf" <<CONF
$user_line
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/nginx.error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  client_max_body_size 20m;
  upstream spotter { server 127.0.0.1:$a; server 127.0.0.1:$b; keepalive 32; }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://spotter;
      proxy_bind 127.0.0.2;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_buffering off;
      proxy_read_timeout 1h;
    }
  }
}
CONF
  "$nginx" -p "$dir" -c "$dir/nginx.conf" 2>>"$dir/nginx.error.log" || { cat "$dir/nginx.error.log" >&2; die "nginx did not start"; }
  for p in $a $b $port; do
    for _ in $(seq 1 150); do
      curl -fsS "http://127.0.0.1:$p/readyz" >/dev/null 2>&1 && break
      sleep 0.2
    done
    curl -fsS "http://127.0.0.1:$p/readyz" >/dev/null 2>&1 || { tail -20 "$dir"/*.log >&2; die "127.0.0.1:$p is not ready"; }
  done
  log "nginx http://127.0.0.1:$port -> instances 127.0.0.1:$a and 127.0.0.1:$b on $db"
  echo "export SCALE_DIR=$dir"
  echo "export SCALE_URL=http://127.0.0.1:$port"
  echo "export SCALE_A=http://127.0.0.1:$a"
  echo "export SCALE_B=http://127.0.0.1:$b"
  echo "export SCALE_DATABASE_URL=$db"
}

stop() {
  local dir=${1:?usage: scale-demo.sh stop DIR}
  [ -f "$dir/nginx.pid" ] && kill "$(cat "$dir/nginx.pid")" 2>/dev/null || true
  for which in a b; do
    [ -f "$dir/$which.pid" ] && kill "$(cat "$dir/$which.pid")" 2>/dev/null || true
  done
  sleep 0.5
  [ -f "$dir/pg" ] && scripts/pg.sh stop "$(cat "$dir/pg")"
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  demo)
    env=$(start); eval "$env"
    trap 'stop "$SCALE_DIR"' EXIT INT TERM
    DATABASE_URL=$SCALE_DATABASE_URL RUST_LOG=warn "${SPOTTER_BIN:-target/debug/spotter}" demo >&2
    log "open $SCALE_URL (demo@spotter.local / spotter-demo); Ctrl-C stops everything"
    while sleep 3600; do :; done ;;
  *) echo "usage: scale-demo.sh start|stop DIR|demo" >&2; exit 2 ;;
esac
