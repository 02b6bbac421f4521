#!/usr/bin/env bash
# Page budgets (issue: "light enough for rural 3G"). Starts the app on a throwaway data folder and checks:
#  - transfer of HTML + CSS + JS per page, Brotli-compressed, excluding photos: <= 50 KB; HTML alone <= 14 KB;
#  - Lighthouse 13, mobile, simulated regular 3G (300 ms RTT, 700 Kbps, 4x CPU): LCP <= 2.5 s, performance >= 90,
#    accessibility >= 95, and no axe-core violation of serious or critical impact;
# on the storefront's pages (Vietnamese and English), sign-in and registration, a buyer's cart, checkout and
# tracking, and the portal's pages as the demo manager. Prints a table; exits 1 if any budget is missed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
port="${RURALMARKET_BUDGET_PORT:-5099}"
data="$(mktemp -d)"
[ -x /usr/bin/chromium ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
(cd tests/storefront-budgets && npm ci --no-audit --no-fund --engine-strict=false --silent)

ConnectionStrings__RuralMarket="Data Source=$data/ruralmarket.db" Media__Root="$data/media" Seed__DemoAccounts=true \
  dotnet run -c Release --project web/RuralMarket.Web -- --urls "http://127.0.0.1:$port" > "$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$port/readyz" >/dev/null || { echo "the app did not become ready"; cat "$data/app.log"; exit 1; }

eval "$(python3 scripts/budget-sessions.py "http://127.0.0.1:$port" "$data/app.log")"
coop=/portal/htx-nong-nghiep-vi-huong
# path, then the cookie its visitor carries (empty for a first visit)
pages=(
  "/" "" "/search?q=mat%20ong" "" "/products/mien-dong-vi-huong" "" "/cooperatives/htx-nong-nghiep-vi-huong" ""
  "/?culture=en-US" "" "/search?q=honey&culture=en-US" "" "/products/mien-dong-vi-huong?culture=en-US" ""
  "/cart" "$buyer_cookie" "/checkout" "$buyer_cookie" "$tracking" "$buyer_cookie" "/account/login" "" "/account/register" ""
  "$coop/dashboard" "$manager_cookie" "$coop/products" "$manager_cookie" "$coop/products/new" "$manager_cookie"
  "$coop/products/import" "$manager_cookie" "$coop/orders" "$manager_cookie" "$order" "$manager_cookie"
  "$order/packing-list" "$manager_cookie" "$coop/households" "$manager_cookie" "$coop/team" "$manager_cookie"
  "$coop/profile" "$manager_cookie" "$coop/activity" "$manager_cookie"
)

status=0
echo "| page | HTML (br) | CSS+JS (br) | total | perf | LCP | a11y | serious/critical |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for ((i = 0; i < ${#pages[@]}; i += 2)); do
  path="${pages[i]}"
  cookie="${pages[i+1]}"
  url="http://127.0.0.1:$port$path"
  html=$(curl -fs -H "Cookie: $cookie" -H 'Accept-Encoding: br' -o "$data/page.br" -w '%{size_download}' "$url")
  assets=0
  for asset in $(curl -fs -H "Cookie: $cookie" "$url" | grep -oE '(href|src)="/(css|js)/[^"]+"' | sed -E 's/^(href|src)="//; s/"$//'); do
    assets=$((assets + $(curl -fs -H 'Accept-Encoding: br' -o /dev/null -w '%{size_download}' "http://127.0.0.1:$port$asset")))
  done
  headers=$(python3 -c 'import json, sys; print(json.dumps({"Cookie": sys.argv[1]} if sys.argv[1] else {}))' "$cookie")
  CHROME_PATH=/usr/bin/chromium tests/storefront-budgets/node_modules/.bin/lighthouse "$url" --quiet --output=json --output-path="$data/lh.json" \
    --form-factor=mobile --screenEmulation.mobile --throttling-method=simulate --throttling.rttMs=300 --throttling.throughputKbps=700 \
    --throttling.cpuSlowdownMultiplier=4 --only-categories=performance,accessibility --extra-headers="$headers" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" >/dev/null 2>&1
  python3 - "$data/lh.json" "$path" "$html" "$assets" <<'PY' || status=1
import json, sys
report = json.load(open(sys.argv[1]))
path, html, assets = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
perf = round(report["categories"]["performance"]["score"] * 100)
a11y = round(report["categories"]["accessibility"]["score"] * 100)
lcp = report["audits"]["largest-contentful-paint"]["numericValue"] / 1000
severe = [a for a in report["audits"].values()
          if a.get("score") == 0 and (a.get("details") or {}).get("debugData", {}).get("impact") in ("serious", "critical")]
print(f"| `{path}` | {html/1024:.1f} KB | {assets/1024:.1f} KB | {(html+assets)/1024:.1f} KB | {perf} | {lcp:.2f} s | {a11y} | {len(severe)} |")
failed = html > 14 * 1024 or html + assets > 50 * 1024 or perf < 90 or lcp > 2.5 or a11y < 95 or severe
for a in severe:
    print(f"  - {a['id']}: {a['title']}", file=sys.stderr)
sys.exit(1 if failed else 0)
PY
done
[ $status -eq 0 ] && echo "All page budgets met." || echo "Some page budget was missed."
exit $status
