// Writes selftest-cases.json into a build: every golden case (tests/golden/*.json) as one JSON
// object, case id → case. The self-test screen (src/ui/self_test.rs) reads it when a worker opens
// it; the service worker precaches it with the app (scripts/pwa-sw.mjs). Keeping the cases out of
// the wasm saves every resident ~27 KB gzip (BENCHMARKS.md, "App size").
//   node scripts/selftest-cases.mjs <build dir>
// Run by scripts/trunk-post-build.sh. A case file that is not valid JSON fails the build (the
// native test tests/golden.rs says what is wrong with it).
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node scripts/selftest-cases.mjs <build dir>");
  process.exit(1);
}
const golden = join(dirname(fileURLToPath(import.meta.url)), "..", "tests", "golden");
// Each case's text goes in as it is (not parsed and re-printed: JavaScript numbers are floats,
// the engine's money is exact decimals).
const entries = [];
for (const file of readdirSync(golden).filter((f) => f.endsWith(".json")).sort()) {
  const text = readFileSync(join(golden, file), "utf8");
  try {
    JSON.parse(text);
  } catch (e) {
    console.error(`selftest-cases.mjs: tests/golden/${file}: ${e.message}`);
    process.exit(1);
  }
  entries.push(`${JSON.stringify(file.slice(0, -".json".length))}:${text.trim()}`);
}
const n = entries.length;
if (n === 0) {
  console.error("selftest-cases.mjs: no golden cases in tests/golden");
  process.exit(1);
}
writeFileSync(join(dir, "selftest-cases.json"), `{${entries.join(",\n")}}\n`);
console.log(`selftest-cases.mjs: ${n} cases → selftest-cases.json`);
