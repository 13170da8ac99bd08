//! The parameter data packed at build time: `data/parameters.json`, `data/regions/*.json`,
//! `data/citations.json` and `data/channels.json` become a few byte strings that
//! `src/rules/packed.rs` reads at start-up with a small hand-written reader — no JSON parsing
//! and no `serde` deserialisers in the wasm (BENCHMARKS.md, "App size": issue 11).
//!
//! The data files stay the source of truth. Every file is checked here, field by field, as
//! strictly as the engine's types would read it (required fields, types, no unknown fields,
//! real dates); a mistake fails the build naming the file and the field, e.g.
//! `data/regions/530112.json: values[3].effective: ...`. What needs the engine's own knowledge
//! (a value's unit, a parent that is a division, a decimal's exactness) is checked when the
//! catalogue loads (`Catalogue::load`), which `tests/data.rs` runs.
//!
//! The encoding: one table of distinct strings (`strings`: a count, then each string as its
//! byte length and UTF-8 bytes) and sections that refer to strings by their position in it.
//! Numbers are unsigned LEB128 varints; an optional string is 0 (absent) or position + 1; a
//! date is `(year × 16 + month) × 32 + day`, an optional date 0 or that + 1. Values keep their
//! exact JSON text (a number `12.50` stays `12.50`). The layout of each section is written
//! next to the function that writes it, and read in the same order by `src/rules/packed.rs`
//! and its callers.
//!
//! Also included by `tests/data_packing.rs`, which checks that malformed files are rejected.

use serde_json::{Map, Value};
use std::collections::HashMap;

/// The string table being built and the positions of the strings already in it.
#[derive(Default)]
pub struct Packer {
    strings: Vec<String>,
    seen: HashMap<String, u32>,
}

/// Appends `n` as an unsigned LEB128 varint.
pub fn uint(out: &mut Vec<u8>, mut n: u32) {
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

impl Packer {
    fn index(&mut self, s: &str) -> u32 {
        if let Some(i) = self.seen.get(s) {
            return *i;
        }
        let i = self.strings.len() as u32;
        self.strings.push(s.to_string());
        self.seen.insert(s.to_string(), i);
        i
    }

    /// A string, by its position in the table.
    pub fn str(&mut self, out: &mut Vec<u8>, s: &str) {
        let i = self.index(s);
        uint(out, i);
    }

    /// An optional string: 0 for none, else its position + 1.
    pub fn opt_str(&mut self, out: &mut Vec<u8>, s: Option<&str>) {
        match s {
            None => uint(out, 0),
            Some(s) => {
                let i = self.index(s);
                uint(out, i + 1);
            }
        }
    }

    /// The string table: the count, then each string's byte length and bytes.
    pub fn table(&self) -> Vec<u8> {
        let mut out = Vec::new();
        uint(&mut out, self.strings.len() as u32);
        for s in &self.strings {
            uint(&mut out, s.len() as u32);
            out.extend_from_slice(s.as_bytes());
        }
        out
    }
}

// ---- checking the JSON, with messages that name the file and the field ----

pub fn object<'a>(v: &'a Value, at: &str) -> &'a Map<String, Value> {
    v.as_object()
        .unwrap_or_else(|| panic!("{at}: expected an object, found {}", kind(v)))
}

fn array<'a>(v: &'a Value, at: &str) -> &'a Vec<Value> {
    v.as_array()
        .unwrap_or_else(|| panic!("{at}: expected an array, found {}", kind(v)))
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// No field outside `required` and `optional`, and every field of `required` present.
pub fn fields(m: &Map<String, Value>, at: &str, required: &[&str], optional: &[&str]) {
    for k in m.keys() {
        if !required.contains(&k.as_str()) && !optional.contains(&k.as_str()) {
            let mut all: Vec<&str> = required.to_vec();
            all.extend_from_slice(optional);
            panic!("{at}: unknown field `{k}`, expected one of {all:?}");
        }
    }
    for r in required {
        if !m.contains_key(*r) {
            panic!("{at}: missing field `{r}`");
        }
    }
}

fn string<'a>(m: &'a Map<String, Value>, key: &str, at: &str) -> &'a str {
    opt_string(m, key, at).unwrap_or_else(|| panic!("{at}.{key}: expected a string, found null"))
}

/// Absent or `null` is none.
fn opt_string<'a>(m: &'a Map<String, Value>, key: &str, at: &str) -> Option<&'a str> {
    match m.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s),
        Some(v) => panic!("{at}.{key}: expected a string, found {}", kind(v)),
    }
}

/// Absent is `default`; `null` is a mistake (as for the engine's `bool` fields).
fn boolean(m: &Map<String, Value>, key: &str, at: &str, default: Option<bool>) -> bool {
    match (m.get(key), default) {
        (Some(Value::Bool(b)), _) => *b,
        (None, Some(d)) => d,
        (None, None) => panic!("{at}: missing field `{key}`"),
        (Some(v), _) => panic!("{at}.{key}: expected true or false, found {}", kind(v)),
    }
}

/// A number's exact JSON text (`arbitrary_precision` keeps the digits as written), or a string
/// holding one (the engine reads both).
fn number_text(m: &Map<String, Value>, key: &str, at: &str) -> String {
    match m.get(key) {
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(v) => panic!("{at}.{key}: expected a number, found {}", kind(v)),
        None => panic!("{at}: missing field `{key}`"),
    }
}

/// `YYYY-MM-DD`, a real calendar day between 1900 and 2200, packed as
/// `(year × 16 + month) × 32 + day`.
pub fn date(text: &str, at: &str) -> u32 {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let parsed = if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        digits(0..4).zip(digits(5..7)).zip(digits(8..10))
    } else {
        None
    };
    let Some(((y, m), d)) = parsed else {
        panic!("{at}: `{text}` is not a date YYYY-MM-DD");
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    };
    if !(1900..=2200).contains(&y) || d == 0 || d > days {
        panic!("{at}: `{text}` is not a real calendar day between 1900 and 2200");
    }
    (y * 16 + m) * 32 + d
}

fn date_field(m: &Map<String, Value>, key: &str, at: &str) -> u32 {
    date(string(m, key, at), &format!("{at}.{key}"))
}

fn opt_date_field(m: &Map<String, Value>, key: &str, at: &str) -> u32 {
    opt_string(m, key, at).map_or(0, |s| date(s, &format!("{at}.{key}")) + 1)
}

// ---- the sections ----

/// `data/parameters.json`. Layout: definitions (count; each name, unit, zh, en, then a byte of
/// flags: 1 local, 2 floor, 4 reviewed); `ranges.by_unit` and `ranges.by_name` (count; each key,
/// min, max as decimal text); `ranges.relations` (count; each lower, upper, multiple, divisor).
pub fn parameters(p: &mut Packer, text: &str) -> Vec<u8> {
    let file = "data/parameters.json";
    let v: Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{file} is not valid JSON: {e}"));
    let top = object(&v, file);
    fields(top, file, &["about", "parameters", "ranges"], &[]);
    let mut out = Vec::new();
    let defs = array(&top["parameters"], &format!("{file}: parameters"));
    uint(&mut out, defs.len() as u32);
    for (i, d) in defs.iter().enumerate() {
        let at = format!("{file}: parameters[{i}]");
        let d = object(d, &at);
        fields(
            d,
            &at,
            &["name", "unit", "local", "zh", "en"],
            &["floor", "reviewed"],
        );
        for key in ["name", "unit", "zh", "en"] {
            p.str(&mut out, string(d, key, &at));
        }
        let flags = u8::from(boolean(d, "local", &at, None))
            | u8::from(boolean(d, "floor", &at, Some(false))) << 1
            | u8::from(boolean(d, "reviewed", &at, Some(false))) << 2;
        out.push(flags);
    }
    let at = format!("{file}: ranges");
    let ranges = object(&top["ranges"], &at);
    fields(
        ranges,
        &at,
        &["about", "by_unit", "by_name", "relations"],
        &[],
    );
    for key in ["by_unit", "by_name"] {
        let at = format!("{at}.{key}");
        let m = object(&ranges[key], &at);
        uint(&mut out, m.len() as u32);
        for (k, r) in m {
            let at = format!("{at}.{k}");
            let r = object(r, &at);
            fields(r, &at, &["min", "max"], &[]);
            p.str(&mut out, k);
            for key in ["min", "max"] {
                p.str(&mut out, &number_text(r, key, &at));
            }
        }
    }
    let rels = array(&ranges["relations"], &format!("{at}.relations"));
    uint(&mut out, rels.len() as u32);
    for (i, r) in rels.iter().enumerate() {
        let at = format!("{at}.relations[{i}]");
        let r = object(r, &at);
        fields(r, &at, &["lower", "upper", "multiple", "divisor"], &[]);
        p.str(&mut out, string(r, "lower", &at));
        p.str(&mut out, string(r, "upper", &at));
        p.str(&mut out, &number_text(r, "multiple", &at));
        p.str(&mut out, &number_text(r, "divisor", &at));
    }
    out
}

/// One `data/regions/<stem>.json`, appended to `out`. Layout: code, parent (optional), level,
/// name_zh, name_en, review_months (0 absent, else months + 1), the values (count; each name,
/// effective date, value, source, article (optional), confidence, note (optional; always
/// absent when `notes` is false), valid_until (optional date), floor (0 absent, 1 false,
/// 2 true)). A value is a byte — 0 null or absent, 1 false, 2 true, 3 a number, 4 a string —
/// and for 3 and 4 the text.
pub fn region(p: &mut Packer, out: &mut Vec<u8>, stem: &str, text: &str, notes: bool) {
    let file = format!("data/regions/{stem}.json");
    let v: Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{file} is not valid JSON: {e}"));
    let r = object(&v, &file);
    fields(
        r,
        &file,
        &["code", "level", "name_zh", "name_en", "values"],
        &["parent", "review_months"],
    );
    let code = string(r, "code", &file);
    if code != stem {
        panic!("{file}: code is {code}");
    }
    p.str(out, code);
    p.opt_str(out, opt_string(r, "parent", &file));
    for key in ["level", "name_zh", "name_en"] {
        p.str(out, string(r, key, &file));
    }
    match r.get("review_months") {
        None | Some(Value::Null) => uint(out, 0),
        Some(v) => match v.as_u64().filter(|m| *m < 1200) {
            Some(m) => uint(out, m as u32 + 1),
            None => panic!("{file}.review_months: expected a whole number of months"),
        },
    }
    let values = array(&r["values"], &format!("{file}: values"));
    uint(out, values.len() as u32);
    for (i, e) in values.iter().enumerate() {
        let at = format!("{file}: values[{i}]");
        let e = object(e, &at);
        fields(
            e,
            &at,
            &["name", "effective", "source", "confidence"],
            &["value", "article", "note", "valid_until", "floor"],
        );
        p.str(out, string(e, "name", &at));
        uint(out, date_field(e, "effective", &at));
        match e.get("value") {
            None | Some(Value::Null) => out.push(0),
            Some(Value::Bool(b)) => out.push(1 + u8::from(*b)),
            Some(Value::Number(n)) => {
                out.push(3);
                p.str(out, &n.to_string());
            }
            Some(Value::String(s)) => {
                out.push(4);
                p.str(out, s);
            }
            Some(v) => panic!(
                "{at}.value: expected a number, true/false or null, found {}",
                kind(v)
            ),
        }
        p.str(out, string(e, "source", &at));
        p.opt_str(out, opt_string(e, "article", &at));
        p.str(out, string(e, "confidence", &at));
        let note = opt_string(e, "note", &at);
        p.opt_str(out, note.filter(|_| notes));
        uint(out, opt_date_field(e, "valid_until", &at));
        match e.get("floor") {
            None | Some(Value::Null) => out.push(0),
            Some(Value::Bool(b)) => out.push(1 + u8::from(*b)),
            Some(v) => panic!("{at}.floor: expected true or false, found {}", kind(v)),
        }
    }
}

/// `data/citations.json`. Layout: rules (count; each rule id, then its citations: count; each
/// region, effective date, document, article (optional)).
pub fn citations(p: &mut Packer, text: &str) -> Vec<u8> {
    let file = "data/citations.json";
    let v: Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{file} is not valid JSON: {e}"));
    let top = object(&v, file);
    fields(top, file, &["about", "rules"], &[]);
    let rules = object(&top["rules"], &format!("{file}: rules"));
    let mut out = Vec::new();
    uint(&mut out, rules.len() as u32);
    for (rule, list) in rules {
        p.str(&mut out, rule);
        let list = array(list, &format!("{file}: rules.{rule}"));
        uint(&mut out, list.len() as u32);
        for (i, c) in list.iter().enumerate() {
            let at = format!("{file}: rules.{rule}[{i}]");
            let c = object(c, &at);
            fields(c, &at, &["region", "effective", "document"], &["article"]);
            p.str(&mut out, string(c, "region", &at));
            uint(&mut out, date_field(c, "effective", &at));
            p.str(&mut out, string(c, "document", &at));
            p.opt_str(&mut out, opt_string(c, "article", &at));
        }
    }
    out
}

/// `data/channels.json`. Layout: regions (count; each code, then its channels: count; each
/// kind, zh, en, source, confidence).
pub fn channels(p: &mut Packer, text: &str) -> Vec<u8> {
    let file = "data/channels.json";
    let v: Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{file} is not valid JSON: {e}"));
    let top = object(&v, file);
    fields(top, file, &["about", "regions"], &[]);
    let regions = object(&top["regions"], &format!("{file}: regions"));
    let mut out = Vec::new();
    uint(&mut out, regions.len() as u32);
    for (code, kinds) in regions {
        p.str(&mut out, code);
        let kinds = object(kinds, &format!("{file}: regions.{code}"));
        uint(&mut out, kinds.len() as u32);
        for (kind, e) in kinds {
            let at = format!("{file}: regions.{code}.{kind}");
            let e = object(e, &at);
            fields(e, &at, &["zh", "en", "source", "confidence"], &[]);
            p.str(&mut out, kind);
            for key in ["zh", "en", "source", "confidence"] {
                p.str(&mut out, string(e, key, &at));
            }
        }
    }
    out
}
