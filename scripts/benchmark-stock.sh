#!/usr/bin/env bash
# Stock benchmark: one hot product, 8 and 200 concurrent callers, ProductGrain.ReserveAsync against the old single
# conditional UPDATE, on SQLite and PostgreSQL in the same run; prints medians of the rounds, reservations/s, p50/p99,
# the 200/8 ratio and the grain/UPDATE ratio, and fails if a unit was ever sold twice.
# Usage: scripts/benchmark-stock.sh [reservations per round] [rounds]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
eval "$(scripts/postgres-for-tests.sh)"
trap 'scripts/postgres-for-tests.sh stop >/dev/null 2>&1' EXIT
dotnet run -c Release --project tests/RuralMarket.Grains.Benchmarks -- "${1:-2000}" "${2:-3}"
