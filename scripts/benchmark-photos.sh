#!/usr/bin/env bash
# Photo pipeline benchmark: makes a 24-megapixel JPEG, then times our libvips pipeline (all variants) next to
# ImageSharp 2.1 and ImageMagick's convert producing the same sizes, in one run; prints medians, peak RSS and ratios.
# Usage: scripts/benchmark-photos.sh [rounds]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
missing=()
[ -x /usr/bin/convert ] || missing+=(imagemagick)
[ -x /usr/bin/time ] || missing+=(time)
command -v vips >/dev/null || missing+=(libvips-tools)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
dotnet run -c Release --project tests/RuralMarket.Photos.Benchmarks -- "${1:-5}"
