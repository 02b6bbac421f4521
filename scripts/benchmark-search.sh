#!/usr/bin/env bash
# Search benchmark: builds an index of N generated products (default 100,000) on PostgreSQL and SQLite in one run,
# then times a mixed query set; prints p50/p95/p99, queries/s and the SQLite/PostgreSQL ratio.
# Usage: scripts/benchmark-search.sh [products] [rounds]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
eval "$(scripts/postgres-for-tests.sh)"
trap 'scripts/postgres-for-tests.sh stop >/dev/null 2>&1' EXIT
dotnet run -c Release --project tests/RuralMarket.Search.Benchmarks -- "${1:-100000}" "${2:-3}"
