#!/usr/bin/env bash
# Draws one placeholder photo per seed product (a coloured card with its category, its name and "Ảnh minh họa",
# lettered large enough to read on a 140 px wide card on a phone)
# with libvips' CLI, into seed/RuralMarket.Seed/Images/<slug>.webp. Run again after adding products.
# They stand in until cooperatives upload real photos; the README says so.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
catalogue="$here/RuralMarket.Seed/Catalogue/cooperatives.json"
out="$here/RuralMarket.Seed/Images"
command -v vips >/dev/null || { apt-get update -qq && apt-get install -y -qq libvips-tools fonts-dejavu-core; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

python3 - "$catalogue" > "$work/list.tsv" <<'PY'
import json, sys
categories = {"Food": "Thực phẩm", "Beverages": "Đồ uống", "Herbal": "Thảo dược", "Handicrafts": "Thủ công mỹ nghệ",
              "OrnamentalPlantsAndAnimals": "Sinh vật cảnh", "RuralTourism": "Du lịch nông thôn"}
for c in json.load(open(sys.argv[1]))["cooperatives"]:
    for p in c["products"]:
        print("\t".join([p["slug"], p["name"], p["color"], categories[p["category"]]]))
PY

while IFS=$'\t' read -r slug name color category; do
  r=$((16#${color:1:2})); g=$((16#${color:3:2})); b=$((16#${color:5:2}))
  # Dark text on light cards, light text on dark ones.
  if [ $(( (r * 299 + g * 587 + b * 114) / 1000 )) -gt 150 ]; then ink="40 40 40"; else ink="250 250 245"; fi
  vips black "$work/bg.v" 800 600 --bands 3
  vips linear "$work/bg.v" "$work/card.v" "1 1 1" "$r $g $b" --uchar
  vips black "$work/inkbg.v" 800 600 --bands 3
  vips linear "$work/inkbg.v" "$work/ink.v" "1 1 1" "$ink" --uchar
  vips text "$work/title.v" "<b>$name</b>" --font "DejaVu Sans 78" --width 720 --align centre --dpi 72
  vips text "$work/kind.v" "$category" --font "DejaVu Sans 44" --dpi 72
  vips text "$work/note.v" "Ảnh minh họa" --font "DejaVu Sans 40" --dpi 72
  tw=$(vipsheader -f width "$work/title.v"); th=$(vipsheader -f height "$work/title.v")
  kw=$(vipsheader -f width "$work/kind.v"); nw=$(vipsheader -f width "$work/note.v")
  vips embed "$work/title.v" "$work/title-placed.v" $(( (800 - tw) / 2 )) $(( (600 - th) / 2 + 10 )) 800 600
  vips embed "$work/kind.v" "$work/kind-placed.v" $(( (800 - kw) / 2 )) 36 800 600
  vips embed "$work/note.v" "$work/note-placed.v" $(( (800 - nw) / 2 )) 520 800 600
  vips add "$work/title-placed.v" "$work/kind-placed.v" "$work/upper.v"
  vips add "$work/upper.v" "$work/note-placed.v" "$work/mask.v"
  vips cast "$work/mask.v" "$work/mask8.v" uchar
  vips ifthenelse "$work/mask8.v" "$work/ink.v" "$work/card.v" "$work/photo.v" --blend
  vips copy "$work/photo.v" "$out/$slug.webp[Q=70,strip]"
done < "$work/list.tsv"
ls "$out" | wc -l
