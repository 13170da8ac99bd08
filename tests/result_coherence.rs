//! The result says one thing at a time (issue 13 §1 and §3): on every sample and golden
//! household,
//! - the recommendation is coherent: it never recommends an `unlikely` scheme, never two schemes
//!   that exclude each other for the same person as both received, lists every likely or possible
//!   scheme somewhere (recommended, alternative or in addition), gives each alternative why it
//!   is second and the sourced rule that they are not received together, and is empty only when
//!   nothing is likely or possible;
//! - no shown reason contradicts the statuses: nothing says the household does not qualify for
//!   dibao when dibao is likely, or that it does when dibao is unlikely; no minor-age reason for an
//!   adult not at school; the carve-out is neither offered by the edge card when it is unlikely
//!   nor called inapplicable when it may apply; no line repeated within a list;
//! - what a status unlocks applies to someone it covers (education: a pupil or a minor;
//!   employment: someone of working age).

use jiuzhu::golden;
use jiuzhu::rules::fact::Fact;
use jiuzhu::rules::household::Schooling;
use jiuzhu::rules::outcome::Reason;
use jiuzhu::rules::{self, samples, Evaluation, Household, SchemeId, Status};
use std::collections::BTreeSet;

fn households() -> Vec<(String, Household)> {
    let mut out = Vec::new();
    for s in samples::all() {
        out.push((
            format!("sample {}", s.id),
            serde_json::from_str(s.json).unwrap(),
        ));
    }
    for (id, json) in golden::all() {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        if v.get("expect_error").is_none() {
            out.push((
                format!("golden {id}"),
                serde_json::from_value(v["household"].clone()).unwrap(),
            ));
        }
    }
    out
}

fn evaluate(h: &Household) -> Evaluation {
    rules::evaluate_on(h, h.as_of.expect("fixed as_of")).unwrap()
}

/// The schemes a person receives as their living allowance or status: at most one at a time.
fn main_scheme(id: SchemeId) -> bool {
    id != SchemeId::TemporaryRelief
}

fn recommendation_problems(r: &Evaluation) -> Vec<String> {
    let mut p = Vec::new();
    let rec = &r.recommendation;
    let open: BTreeSet<SchemeId> = r
        .schemes
        .iter()
        .filter(|s| s.status != Status::Unlikely)
        .map(|s| s.scheme)
        .collect();
    let mut listed = BTreeSet::new();
    let paths = std::iter::once(&rec.recommended).chain(rec.alternatives.iter().map(|a| &a.parts));
    for parts in paths {
        let mut seen = BTreeSet::new();
        for part in parts {
            listed.insert(part.scheme);
            if !open.contains(&part.scheme) {
                p.push(format!("{:?} is unlikely but part of a path", part.scheme));
            }
            if part.members.is_empty() || part.who.zh.is_empty() || part.who.en.is_empty() {
                p.push(format!("{:?}: a part for nobody", part.scheme));
            }
            if main_scheme(part.scheme) {
                for m in &part.members {
                    if !seen.insert(m.clone()) {
                        p.push(format!(
                            "{m} gets two schemes that exclude each other in one path"
                        ));
                    }
                }
            }
        }
    }
    for part in &rec.in_addition {
        listed.insert(part.scheme);
        if part.scheme != SchemeId::TemporaryRelief || part.status == Status::Unlikely {
            p.push(format!("{:?} in addition", part.scheme));
        }
    }
    for s in &open {
        if !listed.contains(s) {
            p.push(format!(
                "{s:?} is {:?} but not in the recommendation",
                r.scheme(*s).status
            ));
        }
    }
    if rec.recommended.is_empty() != open.is_empty() {
        p.push("recommended is empty exactly when nothing is likely or possible".into());
    }
    for a in &rec.alternatives {
        if a.why_second.zh.is_empty() || a.why_second.en.is_empty() {
            p.push("an alternative without why it is second".into());
        }
        if a.not_together.text.zh.is_empty() || a.not_together.source.is_none() {
            p.push("an alternative without the sourced rule that they are not together".into());
        }
    }
    if rec.summary.zh.is_empty() || rec.summary.en.is_empty() {
        p.push("no summary".into());
    }
    if let Some(first) = rec.recommended.first() {
        for a in &rec.alternatives {
            if a.parts[0].status < first.status {
                p.push(format!(
                    "alternative {:?} is more likely than the recommended {:?}",
                    a.parts[0].scheme, first.scheme
                ));
            }
        }
    }
    p
}

fn all_texts(r: &Evaluation) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for s in &r.schemes {
        let code = s.scheme.code();
        out.push((format!("{code}.summary"), s.summary.zh.to_string()));
        for x in s.reasons.iter().chain(&s.to_check) {
            out.push((format!("{code}.reason"), x.text.zh.to_string()));
        }
    }
    out
}

fn duplicates(list: &[Reason]) -> Option<String> {
    let mut seen = BTreeSet::new();
    list.iter()
        .find(|r| !seen.insert(r.text.zh.clone()))
        .map(|r| r.text.zh.to_string())
}

fn contradiction_problems(h: &Household, r: &Evaluation) -> Vec<String> {
    let mut p = Vec::new();
    let dibao = r.scheme(SchemeId::Dibao).status;
    for (at, t) in all_texts(r) {
        if dibao == Status::Likely
            && ["整户不符合低保", "不符合低保条件", "不属于低保家庭"]
                .iter()
                .any(|w| t.contains(w))
        {
            p.push(format!("{at}: says not dibao while dibao is likely: {t}"));
        }
        if dibao != Status::Unlikely && t.contains("不属于低保") {
            p.push(format!("{at}: says not dibao while dibao may apply: {t}"));
        }
        if dibao == Status::Unlikely
            && ["整户符合低保", "家庭符合低保条件"]
                .iter()
                .any(|w| t.contains(w))
        {
            p.push(format!("{at}: says dibao while dibao is unlikely: {t}"));
        }
    }
    for s in &r.schemes {
        let code = s.scheme.code();
        for (name, list) in [
            ("reasons", &s.reasons),
            ("to_check", &s.to_check),
            ("unlocks", &s.unlocks),
        ] {
            if let Some(d) = duplicates(list) {
                p.push(format!("{code}.{name}: repeated line: {d}"));
            }
        }
        for person in &s.people {
            let m = h.members.iter().find(|m| m.id == person.member).unwrap();
            let adult = m.age.get().is_some_and(|a| a >= 18);
            if adult && m.schooling == Fact::Known(Schooling::None) {
                for x in &person.reasons {
                    if x.text.zh.contains("未成年") || x.text.zh.contains("16周岁") {
                        p.push(format!(
                            "{code}: a minor-age reason for an adult aged {:?}: {}",
                            m.age.get(),
                            x.text.zh
                        ));
                    }
                }
            }
            if let Some(d) = duplicates(&person.reasons) {
                p.push(format!("{code}.people: repeated line: {d}"));
            }
        }
        // What it unlocks applies to someone it covers.
        let covered: Vec<_> = h
            .members
            .iter()
            .filter(|m| s.members.contains(&m.id))
            .collect();
        for u in &s.unlocks {
            if u.text.zh.starts_with("教育救助")
                && !covered.iter().any(|m| {
                    m.schooling != Fact::Known(Schooling::None)
                        || m.age.get().is_none_or(|a| a < 18)
                })
            {
                p.push(format!(
                    "{code}: education assistance with no pupil or minor"
                ));
            }
            if u.text.zh.starts_with("就业救助")
                && !covered
                    .iter()
                    .any(|m| m.age.get().is_none_or(|a| (16..60).contains(&a)))
            {
                p.push(format!(
                    "{code}: employment assistance with nobody of working age"
                ));
            }
        }
    }
    let carve = r.scheme(SchemeId::DibaoSinglePerson);
    let edge = r.scheme(SchemeId::Edge);
    let invites = edge.unlocks.iter().any(|u| u.text.zh.contains("单人户"));
    if carve.status == Status::Unlikely && invites {
        p.push(format!(
            "edge invites the carve-out while it is unlikely: {}",
            carve.summary.zh
        ));
    }
    if carve.status != Status::Unlikely && carve.summary.zh.contains("没有") {
        p.push(format!(
            "the carve-out may apply but its summary says no member: {}",
            carve.summary.zh
        ));
    }
    p
}

#[test]
fn every_household_gets_a_coherent_recommendation() {
    let mut failures = Vec::new();
    for (label, h) in households() {
        let r = evaluate(&h);
        for problem in recommendation_problems(&r) {
            failures.push(format!("{label}: {problem}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn no_shown_reason_contradicts_the_statuses() {
    let mut failures = Vec::new();
    for (label, h) in households() {
        let r = evaluate(&h);
        for problem in contradiction_problems(&h, &r) {
            failures.push(format!("{label}: {problem}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} contradictions:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_widow_is_told_one_path_and_nothing_about_schools() {
    // Issue 13: a 72-year-old widow in Kunming living alone, resident basic pension 200.
    let h: Household = serde_json::from_str(
        r#"{"region":"530112","residence":"urban","as_of":"2026-03-01","members":[
        {"id":"m1","relation":"applicant","age":72,"obligors":[],
         "income":[{"type":"resident_basic_pension","amount":200}]}],
        "assets":{"financial":2000,"homes":1}}"#,
    )
    .unwrap();
    let r = evaluate(&h);
    let rec = &r.recommendation;
    assert_eq!(rec.recommended.len(), 1);
    assert_eq!(rec.recommended[0].scheme, SchemeId::Tekun);
    assert_eq!(rec.alternatives[0].parts[0].scheme, SchemeId::Dibao);
    assert!(rec.summary.zh.contains("特困"), "{}", rec.summary.zh);
    assert!(rec.summary.zh.contains("1030.00"), "{}", rec.summary.zh);
    assert!(rec.summary.zh.contains("低保"), "{}", rec.summary.zh);
    assert!(
        rec.alternatives[0]
            .not_together
            .text
            .zh
            .contains("不重复享受"),
        "{:?}",
        rec.alternatives[0].not_together
    );
    for s in &r.schemes {
        for u in &s.unlocks {
            assert!(
                !u.text.zh.contains("义务教育"),
                "{:?}: {}",
                s.scheme,
                u.text.zh
            );
            assert!(
                !u.text.zh.starts_with("就业救助"),
                "{:?}: {}",
                s.scheme,
                u.text.zh
            );
        }
    }
    assert!(recommendation_problems(&r).is_empty());
    assert!(contradiction_problems(&h, &r).is_empty());
}

#[test]
fn the_checks_can_fail() {
    // A recommendation that lists an unlikely scheme, and a result whose dibao is likely while a
    // reason says the household does not qualify, are both caught.
    let h: Household =
        serde_json::from_str(samples::get("xishan_tekun_elder").unwrap().json).unwrap();
    let mut r = evaluate(&h);
    assert!(recommendation_problems(&r).is_empty());
    let mut bad = r.clone();
    bad.recommendation.recommended[0].scheme = SchemeId::Edge;
    assert!(!recommendation_problems(&bad).is_empty());
    let mut both = r.clone();
    let dibao = both.recommendation.alternatives[0].parts[0].clone();
    both.recommendation.recommended.push(dibao);
    assert!(recommendation_problems(&both)
        .iter()
        .any(|p| p.contains("exclude each other")));
    let i = r
        .schemes
        .iter()
        .position(|s| s.scheme == SchemeId::Dibao)
        .unwrap();
    r.schemes[i].reasons.push(Reason {
        text: jiuzhu::rules::Text::new("整户不符合低保收入条件", "not under the line"),
        source: None,
    });
    assert!(!contradiction_problems(&h, &r).is_empty());
}
