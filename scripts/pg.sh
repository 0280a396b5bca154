#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests (no system service).
#   eval "$(scripts/pg.sh start)"   -> exports SPOTTER_TEST_POSTGRES_URL and PG_TEST_DIR
#   scripts/pg.sh stop DIR
#   scripts/pg.sh pause DIR / resume DIR  -> the server down and up again, data kept (fault tests)
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/spotter-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=${PG_TEST_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
    as_pg "$bin/initdb -D $dir/data -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8" >/dev/null
    echo "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300 -c synchronous_commit=off" > "$dir/options"
    as_pg "$bin/pg_ctl -D $dir/data -o '$(cat "$dir/options")' -l $dir/log -w start" >/dev/null
    echo "export PG_TEST_DIR=$dir"
    echo "export SPOTTER_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    dir=${2:?usage: pg.sh stop DIR}
    as_pg "$bin/pg_ctl -D $dir/data -m fast stop" >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  pause)
    dir=${2:?usage: pg.sh pause DIR}
    as_pg "$bin/pg_ctl -D $dir/data -m fast -w stop" >/dev/null
    ;;
  resume)
    dir=${2:?usage: pg.sh resume DIR}
    as_pg "$bin/pg_ctl -D $dir/data -o '$(cat "$dir/options")' -l $dir/log -w start" >/dev/null
    ;;
  *) echo "usage: pg.sh start|stop|pause|resume DIR" >&2; exit 2 ;;
esac
