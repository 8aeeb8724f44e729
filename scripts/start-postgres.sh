#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback for the test suite and prints its URL.
# Uses Debian's postgresql binaries (installed by scripts/bootstrap.sh test). Prints nothing
# and exits 1 if PostgreSQL is not available, so the PostgreSQL tests are skipped.
set -euo pipefail
port="${PLEDGETRACK_TEST_PG_PORT:-54329}"
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bindir" ] && [ -x "$bindir/initdb" ] || exit 1
dir="/tmp/pledgetrack-pg-$port"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if ! as_pg "$bindir/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  rm -rf "$dir"
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  as_pg "$bindir/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_pg "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k /tmp -c fsync=off -c synchronous_commit=off" start >/dev/null
fi
as_pg "$bindir/../bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='pledgetrack'" \
  | grep -q 1 || as_pg "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres pledgetrack
echo "postgres://postgres@127.0.0.1:$port/pledgetrack"
