//! The parameter data is packed at build time (`build/pack.rs`) and read by a hand-written
//! reader (`src/rules/packed.rs`) instead of JSON at start-up (BENCHMARKS.md, "App size").
//! These tests hold the packing to the data files: what the engine reads is exactly what the
//! files say, and a malformed file fails the build with a message naming the file and field.

use jiuzhu::rules::params;
use jiuzhu::rules::Date;
use rust_decimal::Decimal;
use serde_json::Value;
use std::str::FromStr;

#[allow(dead_code)]
#[path = "../build/pack.rs"]
mod pack;

fn read(path: &str) -> Value {
    let text = std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn opt_str(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(String::from)
}

fn date(v: &Value, key: &str) -> Option<Date> {
    v.get(key)
        .and_then(Value::as_str)
        .map(|s| Date::parse(s).unwrap())
}

/// Every field of every region file, every definition and range, as the engine has them.
#[test]
fn the_engine_reads_what_the_data_files_say() {
    let cat = params::catalogue();
    let dir = format!("{}/data/regions", env!("CARGO_MANIFEST_DIR"));
    let mut files = 0;
    for f in std::fs::read_dir(dir).unwrap() {
        let path = f.unwrap().path();
        let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
        let v = read(&format!("data/regions/{stem}.json"));
        let r = &cat.regions[&stem];
        files += 1;
        assert_eq!(r.code, stem);
        assert_eq!(r.parent, opt_str(&v, "parent"), "{stem}");
        assert_eq!(Some(r.level.clone()), opt_str(&v, "level"), "{stem}");
        assert_eq!(Some(r.name_zh.clone()), opt_str(&v, "name_zh"), "{stem}");
        assert_eq!(Some(r.name_en.clone()), opt_str(&v, "name_en"), "{stem}");
        assert_eq!(
            r.review_months,
            v.get("review_months")
                .and_then(Value::as_u64)
                .map(|m| m as u32),
            "{stem}"
        );
        let values = v["values"].as_array().unwrap();
        assert_eq!(r.values.len(), values.len(), "{stem}");
        for (e, j) in r.values.iter().zip(values) {
            let at = format!("{stem} {}", e.name);
            assert_eq!(Some(e.name.clone()), opt_str(j, "name"), "{at}");
            assert_eq!(Some(e.effective), date(j, "effective"), "{at}");
            let value = j.get("value").filter(|x| !x.is_null()).cloned();
            assert_eq!(e.value, value, "{at}");
            // The same digits, not just the same number (12.50 stays 12.50).
            assert_eq!(
                e.value.as_ref().map(Value::to_string),
                value.as_ref().map(Value::to_string),
                "{at}"
            );
            assert_eq!(Some(e.source.clone()), opt_str(j, "source"), "{at}");
            assert_eq!(e.article, opt_str(j, "article"), "{at}");
            assert_eq!(Some(e.confidence.clone()), opt_str(j, "confidence"), "{at}");
            // Native builds keep the maintainers' notes (docs/parameters.md); the wasm does not.
            assert_eq!(e.note, opt_str(j, "note"), "{at}");
            assert_eq!(e.valid_until, date(j, "valid_until"), "{at}");
            assert_eq!(e.floor, j.get("floor").and_then(Value::as_bool), "{at}");
        }
    }
    assert_eq!(files, cat.regions.len());

    let defs = read("data/parameters.json");
    let list = defs["parameters"].as_array().unwrap();
    assert_eq!(list.len(), cat.defs.len());
    for j in list {
        let name = j["name"].as_str().unwrap();
        let d = &cat.defs[name];
        assert_eq!(Some(d.unit.clone()), opt_str(j, "unit"), "{name}");
        assert_eq!(Some(d.zh.clone()), opt_str(j, "zh"), "{name}");
        assert_eq!(Some(d.en.clone()), opt_str(j, "en"), "{name}");
        assert_eq!(d.local, j["local"].as_bool().unwrap(), "{name}");
        assert_eq!(
            d.floor,
            j.get("floor").and_then(Value::as_bool).unwrap_or(false),
            "{name}"
        );
        let reviewed = j.get("reviewed").and_then(Value::as_bool).unwrap_or(false);
        assert_eq!(d.reviewed, reviewed, "{name}");
        let ranges = &defs["ranges"];
        let range = ranges["by_name"]
            .get(name)
            .or_else(|| ranges["by_unit"].get(&d.unit));
        let dec = |v: &Value| Decimal::from_str(&v.to_string()).unwrap();
        assert_eq!(
            d.range.map(|r| (r.min, r.max)),
            range.map(|r| (dec(&r["min"]), dec(&r["max"]))),
            "{name}"
        );
    }
    let relations = defs["ranges"]["relations"].as_array().unwrap();
    assert_eq!(cat.relations.len(), relations.len());
    for (r, j) in cat.relations.iter().zip(relations) {
        assert_eq!(Some(r.lower.clone()), opt_str(j, "lower"));
        assert_eq!(Some(r.upper.clone()), opt_str(j, "upper"));
        assert_eq!(r.multiple.to_string(), j["multiple"].to_string());
        assert_eq!(r.divisor.to_string(), j["divisor"].to_string());
    }

    let citations = read("data/citations.json");
    let rules: Vec<String> = citations["rules"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    assert_eq!(jiuzhu::rules::sources::check_data().unwrap(), rules);
    let channels = read("data/channels.json");
    assert_eq!(
        jiuzhu::rules::next_steps::check_data().unwrap(),
        channels["regions"].as_object().unwrap().len()
    );
}

/// The message the build fails with when packing `text` as `data/regions/{stem}.json`.
fn region_error(stem: &str, text: &str) -> String {
    let text = text.to_string();
    let stem = stem.to_string();
    let r = std::panic::catch_unwind(move || {
        let mut p = pack::Packer::default();
        let mut out = Vec::new();
        pack::region(&mut p, &mut out, &stem, &text, false);
    });
    match r {
        Ok(()) => panic!("packed without an error"),
        Err(e) => e
            .downcast_ref::<String>()
            .cloned()
            .unwrap_or_else(|| "(not a message)".into()),
    }
}

const GOOD: &str = r#"{"code": "530112", "parent": "530100", "level": "county",
 "name_zh": "西山区", "name_en": "Xishan District", "values": [
 {"name": "dibao_urban_monthly", "effective": "2022-11-03", "value": 700,
  "source": "西民函〔2022〕55号", "confidence": "SEED"}]}"#;

#[test]
fn a_well_formed_region_packs() {
    let mut p = pack::Packer::default();
    let mut out = Vec::new();
    pack::region(&mut p, &mut out, "530112", GOOD, true);
    assert!(!out.is_empty() && p.table().len() > 10);
}

#[test]
fn a_malformed_region_file_fails_the_build_naming_file_and_field() {
    let cases = [
        (
            GOOD.replace("\"confidence\"", "\"confidance\""),
            "data/regions/530112.json: values[0]: unknown field `confidance`",
        ),
        (
            GOOD.replace(", \"confidence\": \"SEED\"", ""),
            "data/regions/530112.json: values[0]: missing field `confidence`",
        ),
        (
            GOOD.replace("2022-11-03", "2023-02-29"),
            "data/regions/530112.json: values[0].effective: `2023-02-29` is not a real calendar day",
        ),
        (
            GOOD.replace("2022-11-03", "2022-11-3"),
            "data/regions/530112.json: values[0].effective: `2022-11-3` is not a date YYYY-MM-DD",
        ),
        (
            GOOD.replace("700", "[700]"),
            "data/regions/530112.json: values[0].value: expected a number, true/false or null, found an array",
        ),
        (
            GOOD.replace("\"西山区\"", "7"),
            "data/regions/530112.json.name_zh: expected a string, found a number",
        ),
        (
            GOOD.replace("\"county\",", "\"county\""),
            "data/regions/530112.json is not valid JSON",
        ),
    ];
    for (text, want) in cases {
        let got = region_error("530112", &text);
        assert!(got.contains(want), "expected {want:?}, got {got:?}");
    }
    let got = region_error("530100", GOOD);
    assert!(
        got.contains("data/regions/530100.json: code is 530112"),
        "{got}"
    );
}

#[test]
fn a_malformed_definition_fails_the_build_naming_the_field() {
    let text = r#"{"about": "", "parameters": [{"name": "x", "unit": "flag", "local": "no",
      "zh": "甲", "en": "x"}], "ranges": {"about": "", "by_unit": {}, "by_name": {},
      "relations": []}}"#;
    let r = std::panic::catch_unwind(|| {
        pack::parameters(&mut pack::Packer::default(), text);
    });
    let msg = r.unwrap_err().downcast_ref::<String>().cloned().unwrap();
    assert!(
        msg.contains(
            "data/parameters.json: parameters[0].local: expected true or false, found a string"
        ),
        "{msg}"
    );
}
