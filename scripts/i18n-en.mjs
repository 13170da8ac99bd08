// Writes i18n-en.json into a build: the English of every UI message (data/i18n/*.json), as one
// JSON object, key → English. The app's wasm carries only the Chinese (Cargo feature lazy-en,
// src/i18n.rs) and reads this file when the resident switches to English (src/ui/english.rs);
// the service worker precaches it with the app (scripts/pwa-sw.mjs), so the switch works offline
// once installed. Keeping it out of the wasm makes the first download smaller (BENCHMARKS.md,
// "App size").
//   node scripts/i18n-en.mjs <build dir>
// Run by scripts/trunk-post-build.sh. build.rs has already checked the catalogue (every key in
// both languages, none defined twice); this fails the build on a file that is not valid JSON.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node scripts/i18n-en.mjs <build dir>");
  process.exit(1);
}
const i18n = join(dirname(fileURLToPath(import.meta.url)), "..", "data", "i18n");
const en = {};
for (const file of readdirSync(i18n).filter((f) => f.endsWith(".json")).sort()) {
  let messages;
  try {
    messages = JSON.parse(readFileSync(join(i18n, file), "utf8"));
  } catch (e) {
    console.error(`i18n-en.mjs: data/i18n/${file}: ${e.message}`);
    process.exit(1);
  }
  for (const [key, m] of Object.entries(messages)) {
    if (typeof m?.en !== "string" || !m.en.trim()) {
      console.error(`i18n-en.mjs: data/i18n/${file}: ${key} has no English`);
      process.exit(1);
    }
    en[key] = m.en;
  }
}
const keys = Object.keys(en).sort();
writeFileSync(join(dir, "i18n-en.json"), JSON.stringify(Object.fromEntries(keys.map((k) => [k, en[k]]))) + "\n");
console.log(`i18n-en.mjs: ${keys.length} English messages → i18n-en.json`);
