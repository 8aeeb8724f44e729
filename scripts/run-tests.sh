#!/usr/bin/env bash
# Runs the whole suite. Services the tests need (PostgreSQL) are started here when available.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLEDGETRACK_TEST_PG_URL="${PLEDGETRACK_TEST_PG_URL:-$(scripts/start-postgres.sh || true)}"
exec .venv/bin/python -m pytest -n 2 "$@"
