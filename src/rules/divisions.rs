//! The administrative division tree (GB/T 2260): every province, prefecture and county-level
//! division of mainland China, from `data/divisions.json` (generated from a maintained data
//! package by `scripts/regions-tree.mjs`; its header says which release of the codes).
//!
//! A real division is a valid place even without a parameter file of its own: its parameters
//! are inherited county → prefecture → province → national ([`super::params`]). The parent of a
//! county is its prefecture when that exists in the tree, otherwise its province (the counties
//! directly under a province, such as 湖北省 429004 仙桃市, and the districts of the four
//! municipalities 11, 12, 31, 50).
//!
//! Every build knows *which* codes are real (a compact list of 3.3 KB). The names and pinyin
//! (~60 KB gzip) are only embedded in native builds (the CLI); the app fetches them after the
//! first paint and hands them over with [`register_names`]; until then a division without a
//! parameter file is named by its code.

use super::params::{DIVISIONS_JSON, DIVISION_CODES};
use std::sync::{OnceLock, RwLock};

/// One division of the tree: a row of the tree file, `[code, name_zh, name_en, parent, pinyin]`
/// (serde reads a struct from a sequence in field order).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct Division {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub parent: String,
    /// Pinyin of the Chinese name, syllables separated by spaces (ü written v).
    pub pinyin: String,
}

/// The part of the tree file the rows are in (its header fields say where the codes and the
/// English come from, for people).
#[derive(serde::Deserialize)]
struct TreeFile {
    rows: Vec<Division>,
}

/// Parses the tree file (`data/divisions.json`, or the copy the app fetches, as bytes): `rows`
/// of `[code, name_zh, name_en, parent, pinyin]`, sorted by code. Read straight into the rows
/// (no JSON value tree, no text conversion in the browser): it is the largest thing the app
/// reads after its first screen (BENCHMARKS.md "Resident app").
pub fn parse(json: &[u8]) -> Result<Vec<Division>, String> {
    // Through `from_str` (the UTF-8 checked once, no copy): the reader the rest of the wasm's
    // JSON goes through, so serde_json's code is not instantiated a second time for bytes.
    let text = std::str::from_utf8(json).map_err(|_| "not UTF-8 text".to_string())?;
    let out = serde_json::from_str::<TreeFile>(text)
        .map_err(|e| e.to_string())?
        .rows;
    if !out.windows(2).all(|w| w[0].code < w[1].code) {
        return Err("rows not sorted by code".into());
    }
    Ok(out)
}

fn codes() -> &'static [u32] {
    static CODES: OnceLock<Vec<u32>> = OnceLock::new();
    CODES.get_or_init(|| {
        let mut out = Vec::with_capacity(3300);
        let (mut prev, mut cur, mut shift) = (0u32, 0u32, 0u32);
        for &b in DIVISION_CODES {
            cur |= u32::from(b & 0x7f) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                prev += cur;
                out.push(prev);
                cur = 0;
                shift = 0;
            }
        }
        out
    })
}

fn number(code: &str) -> Option<u32> {
    (code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()))
        .then(|| code.parse().ok())
        .flatten()
}

/// Whether `code` is a division in the tree (the national level 000000 is not in the tree).
pub fn is_division(code: &str) -> bool {
    number(code).is_some_and(|n| codes().binary_search(&n).is_ok())
}

/// How many divisions the tree has.
pub fn count() -> usize {
    codes().len()
}

/// `province`, `prefecture` or `county`, from the code's shape.
pub fn level(code: &str) -> &'static str {
    if code == "000000" {
        "national"
    } else if code.ends_with("0000") {
        "province"
    } else if code.ends_with("00") {
        "prefecture"
    } else {
        "county"
    }
}

/// The parent in the tree: a county's prefecture if the tree has it, else its province; a
/// prefecture's province; a province's is the national level `000000`.
pub fn parent(code: &str) -> Option<String> {
    if !is_division(code) {
        return None;
    }
    let prefecture = format!("{}00", &code[..4]);
    let province = format!("{}0000", &code[..2]);
    Some(match level(code) {
        "province" => "000000".to_string(),
        "prefecture" => province,
        _ if is_division(&prefecture) => prefecture,
        _ => province,
    })
}

/// Names registered at run time (the app's fetched tree), sorted by code.
static NAMES: RwLock<Vec<(String, String, String)>> = RwLock::new(Vec::new());

/// The whole tree with names: embedded in native builds; in the app, what was registered.
pub fn all() -> &'static [Division] {
    static ALL: OnceLock<Vec<Division>> = OnceLock::new();
    ALL.get_or_init(|| {
        DIVISIONS_JSON
            .map(|j| parse(j.as_bytes()).unwrap_or_else(|e| panic!("data/divisions.json: {e}")))
            .unwrap_or_default()
    })
}

/// Registers names fetched at run time (the app), so that results name a division that has no
/// parameter file. Returns how many were registered.
pub fn register_names(divisions: &[Division]) -> usize {
    // `divisions` is sorted by code ([`parse`] checks it).
    let list: Vec<_> = divisions
        .iter()
        .filter(|d| is_division(&d.code))
        .map(|d| (d.code.clone(), d.name_zh.clone(), d.name_en.clone()))
        .collect();
    let n = list.len();
    if let Ok(mut names) = NAMES.write() {
        *names = list;
    }
    n
}

/// A division's Chinese and English names, if known in this build.
pub fn names(code: &str) -> Option<(String, String)> {
    if let Some(d) =
        DIVISIONS_JSON.and_then(|_| all().binary_search_by(|d| d.code.as_str().cmp(code)).ok())
    {
        let d = &all()[d];
        return Some((d.name_zh.clone(), d.name_en.clone()));
    }
    let names = NAMES.read().ok()?;
    let i = names.binary_search_by(|x| x.0.as_str().cmp(code)).ok()?;
    Some((names[i].1.clone(), names[i].2.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::params::catalogue;

    #[test]
    fn the_tree_file_is_read_row_by_row_and_must_be_in_code_order() {
        let file = r#"{"about": "x", "rows": [
            ["530000","云南省","Yunnan","000000","yun nan sheng"],
            ["530100","昆明市","Kunming","530000","kun ming shi"]]}"#;
        let rows = parse(file.as_bytes()).unwrap();
        assert_eq!(rows[1].name_zh, "昆明市");
        assert_eq!(rows[1].parent, "530000");
        assert_eq!(rows[0].pinyin, "yun nan sheng");
        let short = r#"{"rows": [["530000","云南省","Yunnan","000000"]]}"#;
        assert!(parse(short.as_bytes()).unwrap_err().contains("5 elements"));
        let unsorted =
            br#"{"rows": [["530100","a","a","530000","a"],["530000","b","b","000000","b"]]}"#;
        assert_eq!(parse(unsorted).unwrap_err(), "rows not sorted by code");
        assert!(parse(b"{\"rows\": [").is_err());
    }

    #[test]
    fn the_tree_has_every_level_and_real_codes_only() {
        assert!(count() > 3000, "{} divisions", count());
        for real in [
            "530102", "530100", "530000", "429004", "110101", "500229", "533401",
        ] {
            assert!(is_division(real), "{real}");
        }
        for not in [
            "530199", "999999", "000000", "53010", "5301020", "abcdef", "140471",
        ] {
            assert!(!is_division(not), "{not}");
        }
        assert_eq!(all().len(), count());
    }

    #[test]
    fn every_data_file_is_a_place_of_the_tree() {
        // A file added for a place the tree lacks (a development zone with its own standards)
        // needs `node scripts/regions-tree.mjs` run again, or the picker cannot offer it.
        for (code, r) in &catalogue().regions {
            if code != "000000" {
                assert!(is_division(code), "data/regions/{code}.json ({}) is not in data/divisions.json: run node scripts/regions-tree.mjs", r.name_zh);
                assert_eq!(
                    parent(code).as_ref(),
                    r.parent.as_ref(),
                    "{code}: parent in the tree and in the file"
                );
            }
        }
    }

    #[test]
    fn parents_follow_the_tree_including_counties_under_a_province() {
        assert_eq!(parent("530102").as_deref(), Some("530100"));
        assert_eq!(parent("530100").as_deref(), Some("530000"));
        assert_eq!(parent("530000").as_deref(), Some("000000"));
        // 省直辖县级 (no 429000 in the tree) and a municipality's district.
        assert_eq!(parent("429004").as_deref(), Some("420000"));
        assert_eq!(parent("110101").as_deref(), Some("110000"));
        assert_eq!(parent("530199"), None);
        for d in all() {
            assert_eq!(
                parent(&d.code).as_deref(),
                Some(d.parent.as_str()),
                "{}",
                d.code
            );
        }
    }

    #[test]
    fn a_county_without_a_file_has_a_full_chain_and_names() {
        let chain: Vec<_> = catalogue()
            .chain("530102")
            .iter()
            .map(|r| (r.code.as_str(), r.name_zh.as_str()))
            .collect();
        assert_eq!(
            chain,
            [
                ("530102", "五华区"),
                ("530100", "昆明市"),
                ("530000", "云南省"),
                ("000000", "全国")
            ]
        );
        assert!(catalogue().region("530199").is_none());
        assert_eq!(
            names("533401").map(|n| n.1).as_deref(),
            Some("Shangri-La City")
        );
    }
}
