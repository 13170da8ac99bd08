//! Embeds the parameter data (`data/`, packed: `build/pack.rs`) and the sample households
//! (`samples/`) into the library, so the CLI, the wasm app and the tests all read the same files.

use std::fmt::Write as _;
use std::{env, fs, path::Path};

fn json_files(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().and_then(|x| x.to_str()) == Some("json") {
                let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
                out.push((stem, p.canonicalize().unwrap().display().to_string()));
            }
        }
    }
    out.sort();
    out
}

#[path = "build/pack.rs"]
mod pack;

/// Packs the parameter data (`data/parameters.json`, `data/regions/*.json`, citations and
/// channels) into the compact encoding of `build/pack.rs`, read by `src/rules/packed.rs`: no
/// JSON is parsed at start-up. The entries' `note`s are for the people who maintain the data
/// (`docs/parameters.md`, written by the CLI) and never reach a result: only native builds
/// keep them, so the wasm (whose download size counts: BENCHMARKS.md, "App size") does not
/// carry them.
fn packed(root: &Path, wasm: bool, code: &mut String) {
    let mut p = pack::Packer::default();
    let read = |rel: &str| {
        println!("cargo:rerun-if-changed={rel}");
        fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    };
    let params = pack::parameters(&mut p, &read("data/parameters.json"));
    println!("cargo:rerun-if-changed=data/regions");
    let files = json_files(&root.join("data/regions"));
    let mut regions = Vec::new();
    pack::uint(&mut regions, files.len() as u32);
    for (stem, path) in &files {
        println!("cargo:rerun-if-changed={path}");
        let text = fs::read_to_string(path).unwrap();
        pack::region(&mut p, &mut regions, stem, &text, !wasm);
    }
    let citations = pack::citations(&mut p, &read("data/citations.json"));
    let channels = pack::channels(&mut p, &read("data/channels.json"));
    let dir = Path::new(&env::var("OUT_DIR").unwrap()).join("packed");
    fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in [
        ("STRINGS", p.table()),
        ("PARAMETERS", params),
        ("REGIONS", regions),
        ("CITATIONS", citations),
        ("CHANNELS", channels),
    ] {
        let out = dir.join(format!("{}.bin", name.to_lowercase()));
        fs::write(&out, bytes).unwrap();
        writeln!(
            code,
            "#[allow(dead_code)]\npub const PACKED_{name}: &[u8] = include_bytes!({:?});",
            out.display().to_string()
        )
        .unwrap();
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let wasm = env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    let mut code = String::new();
    packed(root, wasm, &mut code);
    for (name, dir) in [
        ("SAMPLE_FILES", "samples"),
        ("GOLDEN_FILES", "tests/golden"),
    ] {
        println!("cargo:rerun-if-changed={dir}");
        // Not every crate module that includes this file uses every list.
        writeln!(
            code,
            "#[allow(dead_code)]\npub const {name}: &[(&str, &str)] = &["
        )
        .unwrap();
        for (stem, path) in json_files(&root.join(dir)) {
            println!("cargo:rerun-if-changed={path}");
            writeln!(code, "    ({stem:?}, include_str!({path:?})),").unwrap();
        }
        writeln!(code, "];").unwrap();
    }
    // The UI message catalogue: every data/i18n/*.json file is an object
    // { "key": { "zh-CN": "…", "en": "…" } }. The build turns them into one `match`, so a lookup
    // costs no parsing at start-up. A key without both languages or defined twice fails the build
    // (and tests/i18n.rs says which).
    println!("cargo:rerun-if-changed=data/i18n");
    let mut seen = std::collections::BTreeMap::new();
    for (stem, path) in json_files(&root.join("data/i18n")) {
        println!("cargo:rerun-if-changed={path}");
        let text = fs::read_to_string(&path).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("data/i18n/{stem}.json is not valid JSON: {e}"));
        let obj = v
            .as_object()
            .unwrap_or_else(|| panic!("data/i18n/{stem}.json: not an object"));
        for (key, entry) in obj {
            let zh = entry.get("zh-CN").and_then(|x| x.as_str());
            let en = entry.get("en").and_then(|x| x.as_str());
            match (zh, en) {
                (Some(zh), Some(en)) if !zh.trim().is_empty() && !en.trim().is_empty() => {
                    if let Some(prev) = seen.insert(key.clone(), (zh.to_string(), en.to_string(), stem.clone())) {
                        panic!("message key {key:?} defined twice (data/i18n/{}.json and {stem}.json)", prev.2);
                    }
                }
                _ => panic!("message key {key:?} in data/i18n/{stem}.json needs non-empty \"zh-CN\" and \"en\""),
            }
        }
    }
    let mut msgs = String::new();
    // The app's wasm built with `lazy-en` (Trunk, www/index.html) carries only the Chinese: the
    // English is the file i18n-en.json next to the app (scripts/i18n-en.mjs), fetched when the
    // resident switches language (src/ui/english.rs). Every other build compiles both in.
    let lazy_en = wasm && env::var("CARGO_FEATURE_LAZY_EN").is_ok();
    if lazy_en {
        writeln!(msgs, "pub fn zh(key: &str) -> Option<&'static str> {{").unwrap();
    } else {
        writeln!(
            msgs,
            "pub fn message(key: &str) -> Option<(&'static str, &'static str)> {{"
        )
        .unwrap();
    }
    writeln!(msgs, "    Some(match key {{").unwrap();
    for (key, (zh, en, _)) in &seen {
        if lazy_en {
            writeln!(msgs, "        {key:?} => {zh:?},").unwrap();
        } else {
            writeln!(msgs, "        {key:?} => ({zh:?}, {en:?}),").unwrap();
        }
    }
    writeln!(msgs, "        _ => return None,\n    }})\n}}").unwrap();
    writeln!(msgs, "pub const MESSAGE_KEYS: &[&str] = &[").unwrap();
    for key in seen.keys() {
        writeln!(msgs, "    {key:?},").unwrap();
    }
    writeln!(msgs, "];").unwrap();
    fs::write(
        Path::new(&env::var("OUT_DIR").unwrap()).join("messages.rs"),
        msgs,
    )
    .unwrap();
    divisions(&root.join("data/divisions.json"), &mut code);
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("embedded.rs");
    fs::write(out, code).unwrap();
}

/// The division tree (data/divisions.json, written by scripts/regions-tree.mjs): the engine needs
/// to know which codes are real divisions, so every build gets the sorted codes as LEB128 varint
/// deltas (~3.3 KB, `DIVISION_CODES`); names and pinyin only in native builds (`DIVISIONS_JSON`,
/// for the CLI) — the app fetches them after first paint (src/rules/divisions.rs).
fn divisions(path: &Path, code: &mut String) {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = fs::read_to_string(path).expect("data/divisions.json");
    let v: serde_json::Value = serde_json::from_str(&text).expect("data/divisions.json: JSON");
    let mut codes: Vec<u32> = v["rows"]
        .as_array()
        .expect("data/divisions.json: rows")
        .iter()
        .map(|r| {
            r[0].as_str()
                .and_then(|c| c.parse().ok())
                .expect("data/divisions.json: a row's code")
        })
        .collect();
    codes.sort_unstable();
    codes.dedup();
    let mut bytes = Vec::new();
    let mut prev = 0u32;
    for c in codes {
        let mut d = c - prev;
        prev = c;
        loop {
            let b = (d & 0x7f) as u8;
            d >>= 7;
            if d == 0 {
                bytes.push(b);
                break;
            }
            bytes.push(b | 0x80);
        }
    }
    writeln!(
        code,
        "#[allow(dead_code)]\npub const DIVISION_CODES: &[u8] = &{bytes:?};"
    )
    .unwrap();
    let wasm = env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    let canon = path.canonicalize().unwrap().display().to_string();
    if wasm {
        writeln!(
            code,
            "#[allow(dead_code)]\npub const DIVISIONS_JSON: Option<&str> = None;"
        )
        .unwrap();
    } else {
        writeln!(
            code,
            "#[allow(dead_code)]\npub const DIVISIONS_JSON: Option<&str> = Some(include_str!({canon:?}));"
        )
        .unwrap();
    }
}
