#!/usr/bin/env bash
# Runs the whole suite: everything on SQLite, then the tests marked `postgres` again on a
# throwaway PostgreSQL cluster (started here when Debian's postgresql is installed).
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
mkdir -p test-artifacts
"$py" -m pytest -n 2 --dist loadgroup "$@"
if pg_url=$(scripts/start-postgres.sh); then
  echo "== PostgreSQL: tests marked 'postgres' against $pg_url"
  set +e
  PLEDGETRACK_DATABASE_URL="$pg_url" "$py" -m pytest -p no:xdist -m postgres -q "$@"
  rc=$?
  set -e
  [ $rc -eq 5 ] && { echo "no postgres-marked tests"; rc=0; }
  exit $rc
else
  echo "PostgreSQL is not installed here: skipped the PostgreSQL run." >&2
fi
