#!/usr/bin/env bash
# Runs RuralMarket on its embedded default: one process (web + the silo's background work), a SQLite file
# and photos under ./data, the seed catalogue loaded on first start. Storefront: http://localhost:5080
# Extra arguments go to the app, e.g. scripts/run.sh --urls http://0.0.0.0:8080
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

if ! command -v dotnet >/dev/null; then
  echo "RuralMarket needs the .NET 10 SDK (dotnet) on PATH." >&2
  exit 1
fi
# System libraries the app loads: ICU (Vietnamese text), libvips (photos), SQLite (the embedded database), DejaVu fonts (labels).
missing=()
ldconfig -p | grep -F libicuuc >/dev/null || missing+=(libicu72)
ldconfig -p | grep -F 'libvips.so.42 ' >/dev/null || missing+=(libvips42)
ldconfig -p | grep -F 'libsqlite3.so.0 ' >/dev/null || missing+=(libsqlite3-0)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core) # parcel labels
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian's packages…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

mkdir -p "$root/data"
export ConnectionStrings__RuralMarket="${ConnectionStrings__RuralMarket:-Data Source=$root/data/ruralmarket.db}"
export Media__Root="${Media__Root:-$root/data/media}"
# A manager and a helper for HTX Vi Hương to try the portal with; Seed__DemoAccounts=false leaves them out.
export Seed__DemoAccounts="${Seed__DemoAccounts:-true}"
# The first build restores and compiles about 20 projects (about 2 minutes on 2 cores); later ones take seconds.
echo "Building RuralMarket (the first build takes about 2 minutes)…"
dotnet build "$root/web/RuralMarket.Web" -c Release -v minimal -nologo -clp:NoSummary
exec dotnet run --project "$root/web/RuralMarket.Web" -c Release --no-build -- "$@"
