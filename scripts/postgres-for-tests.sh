#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster from Debian's packages for the test suite, on 127.0.0.1 only,
# and prints the connection string the tests read from RURALMARKET_TEST_POSTGRES.
# Usage: eval "$(scripts/postgres-for-tests.sh)"   (stop it with: scripts/postgres-for-tests.sh stop)
set -euo pipefail
# eval would run nothing and succeed if this script failed: print a failing command, so the caller's eval fails too.
trap 'echo false' ERR

port="${RURALMARKET_PG_PORT:-55432}"
root="${RURALMARKET_PG_DIR:-/tmp/ruralmarket-pg}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"

if [ "${1:-}" = "stop" ]; then
  [ -n "$bin" ] && [ -d "$root/data" ] && runuser -u postgres -- "$bin/pg_ctl" -D "$root/data" -m fast stop >&2 || true
  exit 0
fi

if [ -z "$bin" ] || [ ! -x "$bin/initdb" ] || [ ! -f "$(dirname "$bin")/lib/unaccent.so" ]; then
  echo "Installing PostgreSQL from Debian's packages…" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >&2
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
fi

if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  rm -rf "$root"
  mkdir -p "$root"
  chown postgres:postgres "$root"
  runuser -u postgres -- "$bin/initdb" -D "$root/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >&2
  runuser -u postgres -- "$bin/pg_ctl" -D "$root/data" -l "$root/server.log" -w start \
    -o "-p $port -k $root -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >&2
fi

echo "export RURALMARKET_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Maximum Pool Size=250;Include Error Detail=true'"
