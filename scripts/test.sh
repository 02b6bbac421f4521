#!/usr/bin/env bash
# Runs the whole test suite: installs what the tests need from Debian's packages (PostgreSQL with contrib,
# kubectl, Chromium for the browser test, libvips and its tools for photos, the system SQLite,
# DejaVu fonts and poppler-utils for parcel labels), starts a throwaway PostgreSQL on 127.0.0.1:55432, runs every test project on SQLite and PostgreSQL,
# and ends with one line: "Tests: N passed, N failed, N skipped".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
ls /usr/lib/postgresql/*/lib/unaccent.so >/dev/null 2>&1 || missing+=(postgresql-contrib)
command -v kubectl >/dev/null || missing+=(kubernetes-client)
[ -x /usr/bin/chromium ] || missing+=(chromium)
ldconfig -p | grep -F 'libvips.so.42 ' >/dev/null || missing+=(libvips42)
command -v vips >/dev/null || missing+=(libvips-tools)
ldconfig -p | grep -F 'libsqlite3.so.0 ' >/dev/null || missing+=(libsqlite3-0)
ldconfig -p | grep -F libicuuc >/dev/null || missing+=(libicu72)
# Parcel labels: DejaVu fonts to draw them, poppler's pdftoppm to scan their barcodes in the label test.
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian's packages…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# Each in-memory app of the web tests would watch its settings files; dozens at once exhaust the 128 inotify
# instances a user gets by default. Tests never edit those files, so nothing watches them.
export DOTNET_hostBuilder__reloadConfigOnChange=false
export DOTNET_USE_POLLING_FILE_WATCHER=true

eval "$(scripts/postgres-for-tests.sh)"
trap 'scripts/postgres-for-tests.sh stop >/dev/null 2>&1' EXIT

log="$(mktemp)"
results="$(mktemp -d)"
status=0
dotnet test RuralMarket.sln -c Release --logger "trx;LogFilePrefix=results" --results-directory "$results" 2>&1 | tee "$log" || status=$?

# dotnet test prints one summary per test project ("Passed!  - Failed: 0, Passed: 34, Skipped: 0, ..."): add them up.
# Its console shows a skipped test only as [SKIP]; the reason is in the TRX files, so it is printed from there.
python3 - "$log" "$results" <<'PY'
import glob, re, sys
import xml.etree.ElementTree as ET
passed = failed = skipped = 0
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.search(r"Failed:\s+(\d+), Passed:\s+(\d+), Skipped:\s+(\d+), Total:", line)
    if m:
        failed += int(m.group(1)); passed += int(m.group(2)); skipped += int(m.group(3))
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for trx in sorted(glob.glob(f"{sys.argv[2]}/*.trx")):
    for result in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult[@outcome='NotExecuted']", ns):
        reason = result.findtext("t:Output/t:ErrorInfo/t:Message", default="(no reason given)", namespaces=ns).strip()
        print(f"Skipped: {result.get('testName')}: {reason}")
print(f"Tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
rm -rf "$results"
exit $status
