#!/usr/bin/env bash
# Make sure a PostgreSQL server runs on 127.0.0.1:5432 with a test role and database, installing
# Debian's postgresql package when it is missing. Prints the URL for TRIPWIRE_TEST_PG.
set -euo pipefail
PORT="${PGPORT:-5432}"
DB="${TRIPWIRE_TEST_PG_DB:-tripwire_test}"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "postgres: installing Debian's postgresql" >&2
  as_root apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >&2
fi
if ! pg_isready -q -h 127.0.0.1 -p "$PORT"; then
  VERSION=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$VERSION main$"; then
    as_root pg_createcluster "$VERSION" main -p "$PORT" >&2
  fi
  as_root pg_ctlcluster "$VERSION" main start >&2
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$PORT" && break; sleep 1; done
fi
pg_isready -q -h 127.0.0.1 -p "$PORT" || { echo "postgres: server did not start" >&2; exit 1; }
psql_su() { as_root runuser -u postgres -- psql -p "$PORT" -qtA "$@"; }
if [ "$(psql_su -c "SELECT 1 FROM pg_roles WHERE rolname='tripwire'")" != 1 ]; then
  psql_su -c "CREATE ROLE tripwire LOGIN SUPERUSER PASSWORD 'tripwire'" >&2
fi
if [ "$(psql_su -c "SELECT 1 FROM pg_database WHERE datname='$DB'")" != 1 ]; then
  psql_su -c "CREATE DATABASE $DB OWNER tripwire" >&2
fi
echo "postgresql://tripwire:tripwire@127.0.0.1:$PORT/$DB"
