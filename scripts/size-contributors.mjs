#!/usr/bin/env node
// Top size contributors of the app's wasm, grouped by crate (for BENCHMARKS.md "App size").
//   node scripts/size-contributors.mjs [path/to/jiuzhu-app.wasm]
// Default: target/wasm32-unknown-unknown/release/jiuzhu-app.wasm, i.e. the output of
//   cargo build --release --target wasm32-unknown-unknown --bin jiuzhu-app
// That file still has its function names (Trunk's wasm-opt -Oz then shrinks and strips it), so
// twiggy can say whose code each byte is. Code is grouped by the crate that owns the function
// (for generic code monomorphised for jiuzhu's types, the crate of the generic: serde_json's
// deserializer for a jiuzhu struct counts as serde_json); `jiuzhu` is split by module. The data
// segment (.rodata: embedded JSON, message catalogue, strings) is reported on its own, with the
// embedded files that make up most of it.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";

const wasm = process.argv[2] || "target/wasm32-unknown-unknown/release/jiuzhu-app.wasm";
const csv = execFileSync("twiggy", ["top", "-n", "1000000", "--format", "csv", wasm], {
  encoding: "utf8",
  maxBuffer: 1 << 28,
});

function parseCsvLine(line) {
  const out = [];
  let cur = "";
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') q = false; else cur += c;
    } else if (c === '"') q = true;
    else if (c === ",") { out.push(cur); cur = ""; } else cur += c;
  }
  out.push(cur);
  return out;
}

// The crate (and, for jiuzhu, the module) that a function name belongs to.
function owner(name) {
  if (/^[a-z][A-Za-z0-9_]*_[0-9a-f]{3,}[a-z0-9]*$/.test(name) && !name.includes("::")) return "jiuzhu::api (wasm-bindgen exports)";
  let n = name.replace(/\[[0-9a-f]+\]/g, "").replace(/^(<|&mut |&|\*const |\*mut |dyn |\(|\[)+/g, "");
  if (n.startsWith("<")) n = n.slice(1);
  const m = n.match(/^([A-Za-z_][A-Za-z0-9_]*)::(?:([A-Za-z_][A-Za-z0-9_]*)::)?/);
  if (!m) return /^(func\[|code\[|elem|type|table|import|export|global)/.test(name) ? "(wasm tables, imports, exports)" : "(unnamed / std glue)";
  const krate = m[1];
  if (krate === "jiuzhu") return `jiuzhu::${m[2] || "(root)"}`;
  if (["core", "alloc", "std", "compiler_builtins", "dlmalloc"].includes(krate)) return "std (core/alloc/std, allocator)";
  if (krate === "serde_core" || krate === "serde") return "serde";
  return krate;
}

const groups = new Map();
let rodata = 0;
let sections = 0;
let total = 0;
for (const line of csv.trim().split("\n").slice(1)) {
  const [name, size] = parseCsvLine(line);
  const bytes = Number(size);
  if (!Number.isFinite(bytes) || name.startsWith("Σ") || name.startsWith("...")) continue;
  total += bytes;
  if (/custom section|subsection/.test(name)) { sections += bytes; continue; }
  if (/__wbindgen_describe/.test(name)) { sections += bytes; continue; }
  if (/data segment/.test(name)) { rodata += bytes; continue; }
  const g = owner(name);
  groups.set(g, (groups.get(g) || 0) + bytes);
}

const kb = (b) => (b / 1024).toFixed(1).padStart(8) + " KiB";
const code = [...groups.values()].reduce((a, b) => a + b, 0);
console.log(`${wasm}: ${total} bytes before wasm-bindgen and wasm-opt`);
console.log(`  names, wasm-bindgen metadata (removed in the build): ${kb(sections)}`);
console.log(`  data segment (.rodata):                                  ${kb(rodata)}`);
console.log(`  code:                                                    ${kb(code)}\n`);
console.log("code by crate (jiuzhu by module), largest first:");
for (const [g, b] of [...groups.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
  console.log(`${kb(b)}  ${((100 * b) / code).toFixed(1).padStart(5)} %  ${g}`);
}

console.log("\nembedded data files (include_str! via build.rs and src/), raw and gzip -9 on their own:");
for (const dir of ["tests/golden", "data/regions", "data/i18n", "samples", "data"]) {
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  const text = files.map((f) => readFileSync(join(dir, f))).reduce((a, b) => Buffer.concat([a, b]), Buffer.alloc(0));
  console.log(`${kb(text.length)} ${kb(gzipSync(text, { level: 9 }).length)} gzip  ${dir}/*.json (${files.length} files)`);
}
