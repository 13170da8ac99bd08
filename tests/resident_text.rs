//! Resident-facing text is written for residents (issue 13 §3): every sample and golden household
//! is evaluated and every text of its result — summaries, reasons, to_check, trace, next steps,
//! estimate bases, parameter labels and sources, unlocks, the recommendation, the disclaimer —
//! in both languages is checked for file names (.md, .json, .rs), research-note marks ([N], [S],
//! [V], [SEED], §), internal document names (policy-research, rules-decisions, "jiuzhu rules")
//! and member ids. To catch any id, each household's member ids are first replaced by
//! sentinels (`QQID0`, `QQID1`, …) that no text may contain; members are named as the resident
//! named them or by relation (src/rules/names.rs).

use jiuzhu::golden;
use jiuzhu::rules::{self, samples};
use serde_json::Value;

/// Fields of the result that are codes for programs, not words for people.
const MACHINE_KEYS: &[&str] = &[
    "schema",
    "rules_version",
    "region",
    "as_of",
    "residence",
    "members_counted",
    "members",
    "member",
    "scheme",
    "status",
    "side",
    "name",
    "unit",
    "standing",
    "confidence",
    "kind",
    "effective",
    "value",
    "provided_by",
];

/// Every household the tests know: samples and golden cases (not the invalid ones).
pub fn households() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for s in samples::all() {
        out.push((
            format!("sample {}", s.id),
            serde_json::from_str(s.json).unwrap(),
        ));
    }
    for (id, json) in golden::all() {
        let v: Value = serde_json::from_str(json).unwrap();
        if v.get("household").is_some() && v.get("expect_error").is_none() {
            out.push((format!("golden {id}"), v["household"].clone()));
        }
    }
    out
}

fn with_sentinel_ids(mut h: Value) -> Value {
    if let Some(ms) = h["members"].as_array_mut() {
        for (i, m) in ms.iter_mut().enumerate() {
            m["id"] = Value::String(format!("QQID{i}"));
        }
    }
    h
}

fn texts<'a>(v: &'a Value, path: String, out: &mut Vec<(String, &'a str)>) {
    match v {
        Value::String(s) => out.push((path, s)),
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                texts(x, format!("{path}[{i}]"), out);
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                if !MACHINE_KEYS.contains(&k.as_str()) {
                    texts(x, format!("{path}.{k}"), out);
                }
            }
        }
        _ => {}
    }
}

/// What must never reach a resident, and why.
fn offence(s: &str) -> Option<&'static str> {
    let lower = s.to_lowercase();
    for ext in [".md", ".json", ".rs"] {
        if let Some(i) = lower.find(ext) {
            let next = lower[i + ext.len()..].chars().next();
            if !next.is_some_and(|c| c.is_ascii_alphanumeric()) {
                return Some("a file name");
            }
        }
    }
    for mark in ["[n]", "[s]", "[v]", "[seed]", "§"] {
        if lower.contains(mark) {
            return Some("a research-note mark");
        }
    }
    for name in ["policy-research", "rules-decisions", "jiuzhu rules"] {
        if lower.contains(name) {
            return Some("an internal document name");
        }
    }
    if s.contains("QQID") {
        return Some("a member id");
    }
    None
}

#[test]
fn no_file_names_research_marks_or_member_ids_in_resident_text() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (label, h) in households() {
        let h = with_sentinel_ids(h);
        let hh: rules::Household = serde_json::from_value(h).unwrap();
        let result = rules::evaluate(&hh).unwrap_or_else(|e| panic!("{label}: {e:?}"));
        let v = serde_json::to_value(&result).unwrap();
        let mut all = Vec::new();
        texts(&v, String::new(), &mut all);
        for (path, s) in all {
            checked += 1;
            if let Some(why) = offence(s) {
                failures.push(format!("{label}{path}: {why}: {s}"));
            }
        }
    }
    failures.sort();
    failures.dedup();
    assert!(checked > 1000, "only {checked} texts checked");
    assert!(
        failures.is_empty(),
        "{} resident-facing texts show internal notes:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_checker_catches_each_kind_of_internal_note() {
    for bad in [
        "依据：policy-research.md: not found [N]",
        "policy-research 3.2",
        "jiuzhu rules-decisions（本工具的筛查约定）",
        "见 §3.2",
        "[SEED] 楚民发",
        "法定义务人（QQID0）",
        "data/regions/530000.json",
        "src/rules/income.rs",
    ] {
        assert!(offence(bad).is_some(), "not caught: {bad}");
    }
    for good in [
        "社会救助暂行办法（国务院令第649号，2019年修订） 第九条",
        "本地规定未公布",
        "申请人本人的工资：每月 600.00元",
        "the applicant's wages: ¥600.00 a month",
    ] {
        assert_eq!(offence(good), None, "wrongly caught: {good}");
    }
}
