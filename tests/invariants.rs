//! Invariants that hold the engine to rules-decisions.md, on generated households biased toward
//! the lines (issue 9, item 8):
//!
//! - every `possible` (scheme or person) names what to check;
//! - "don't know" covers every answer (among them work, school, self-care and a sudden event): replacing a known answer by `null` gives, for every
//!   scheme, either `possible` or the status the known answer gave (`likely` only if every answer
//!   is likely, `unlikely` only if every answer is unlikely);
//! - adding a member with no income never makes dibao less likely for a household below the line;
//! - tekun is monotone in the person's own income, and so is the carve-out while the household's
//!   dibao status stays the same (more income can take the household out of dibao and into it);
//! - failing dibao on property (a second home in urban Yunnan, within the edge limit) never
//!   removes the carve-out.
//!
//! Every generated household is valid (the generator builds only valid ones, and a refused one
//! fails the test); incomes are aimed at multiples of the household's own dibao standard around
//! the dibao and edge lines, and coverage counters are printed (`--nocapture`).

use jiuzhu::rules::{evaluate_on, validate, Date, Evaluation, SchemeId, Status};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Regions with published standards in each seed province, and some that inherit or lack them.
const REGIONS: &[&str] = &[
    "530112", "530100", "532301", "532300", "533401", "530124", "140404", "140428", "140400",
    "620602", "620600",
];
const DATES: &[&str] = &["2022-11-01", "2023-01-15", "2023-08-01", "2024-09-01"];
/// Per-capita income aimed at, as a multiple of the dibao standard (around 1, 1.5 and 3).
const FACTORS: &[&str] = &[
    "0", "0.5", "0.9", "0.999", "1", "1.001", "1.2", "1.49", "1.5", "1.51", "2", "2.99", "3",
    "3.01", "4",
];
const DISABILITY: &[&str] = &["physical", "intellectual", "mental", "visual", "hearing"];
const WORK: &[&str] = &[
    "not_working",
    "employed",
    "unemployed",
    "retired",
    "farming",
];
const RELATIONS: &[&str] = &["spouse", "child", "parent", "grandparent", "sibling"];
const SCHOOLING: &[&str] = &[
    "none",
    "compulsory",
    "high_school",
    "secondary_vocational",
    "undergraduate",
];
const SELF_CARE: &[&str] = &["full", "partial", "none"];

/// One of `list`, or (`p_null` in 100) `null`: not known / not answered.
fn pick_or_null(list: &'static [&'static str], p_null: u32) -> impl Strategy<Value = Value> {
    prop_oneof![
        (100 - p_null) => pick(list).prop_map(|v| json!(v)),
        p_null => Just(Value::Null),
    ]
}

fn pick(list: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    proptest::sample::select(list)
}

fn fact_bool(p_true: f64, p_null: f64) -> impl Strategy<Value = Value> {
    let t = (p_true * 100.0) as u32;
    let n = (p_null * 100.0) as u32;
    prop_oneof![
        (100 - t - n).max(1) => Just(json!(false)),
        t.max(1) => Just(json!(true)),
        n.max(1) => Just(Value::Null),
    ]
}

fn member(i: usize) -> impl Strategy<Value = Value> {
    (
        pick(RELATIONS),
        prop_oneof![2 => 0u8..18, 4 => 18u8..60, 3 => 60u8..95],
        pick_or_null(WORK, 5),
        proptest::option::weighted(0.35, (pick(DISABILITY), 1u8..=4)),
        fact_bool(0.2, 0.05),
        proptest::option::weighted(
            0.4,
            (
                pick(&["pension", "wages", "support", "old_age_allowance"]),
                pick(&["sibling", "elder60_plus", "other"]),
                prop_oneof![9 => (0u32..200_000).prop_map(|f| json!(Decimal::new(f.into(), 2))), 1 => Just(Value::Null)],
            ),
        ),
        prop_oneof![3 => Just(Value::Null), 2 => Just(json!([]))],
        fact_bool(0.1, 0.03),
        (pick_or_null(SCHOOLING, 5), pick_or_null(SELF_CARE, 5)),
    )
        .prop_map(
            move |(
                relation,
                age,
                work,
                disability,
                illness,
                income,
                obligors,
                corrections,
                (schooling, self_care),
            )| {
                let mut m = json!({
                    "id": format!("m{}", i + 1),
                    "relation": if i == 0 { "applicant" } else { relation },
                    "age": age,
                    "work": work,
                    "schooling": schooling,
                    "self_care": self_care,
                    "serious_illness": illness,
                    "obligors": obligors,
                    "community_corrections": corrections,
                });
                if let Some((kind, level)) = disability {
                    m["disability"] = json!({"kind": kind, "level": level});
                }
                if let Some((kind, payer, amount)) = income {
                    m["income"] = json!([{"type": kind, "amount": amount}]);
                    if kind == "support" {
                        m["income"][0]["payer"] = json!(payer);
                    }
                }
                m
            },
        )
}

fn members() -> impl Strategy<Value = Vec<Value>> {
    (1usize..=5).prop_flat_map(|n| (0..n).map(member).collect::<Vec<_>>())
}

/// A valid household and the factor its per-capita income is aimed at.
fn household() -> impl Strategy<Value = (Value, Decimal)> {
    (
        pick(REGIONS),
        prop_oneof![3 => Just("urban"), 1 => Just("rural")],
        pick(DATES),
        members(),
        pick(FACTORS),
        (
            prop_oneof![6 => Just(json!(0)), 2 => (0u32..20_000).prop_map(|v| json!(v)), 1 => (100_000u32..300_000).prop_map(|v| json!(v)), 1 => Just(Value::Null)],
            prop_oneof![Just(json!(0)), Just(json!(1)), Just(json!(2))],
        ),
        (
            prop_oneof![
                16 => Just(None),
                3 => pick(&["fire", "accident", "disaster"]).prop_map(|e| Some(json!(e))),
                1 => Just(Some(Value::Null)),
            ],
            fact_bool(0.15, 0.05),
            prop_oneof![4 => Just(json!(0)), 1 => Just(json!(4)), 1 => Just(Value::Null)],
            (any::<bool>(), fact_bool(0.5, 0.1), fact_bool(0.3, 0.1)),
            prop_oneof![3 => Just(json!(0)), 1 => (0u32..8000).prop_map(|v| json!(v)), 1 => Just(Value::Null)],
        ),
    )
        .prop_map(
            |(region, residence, date, members, factor, (financial, homes), (event, monitored, months, (on_dibao, rose, insured), medical))| {
                let mut h = json!({
                    "schema": 1, "region": region, "residence": residence, "as_of": date,
                    "members": members,
                    "expenses": {"medical": medical},
                    "assets": {"financial": financial, "homes": homes},
                    "circumstances": {"monitored_at_risk": monitored, "months_without_income": months,
                        "on_dibao": on_dibao, "income_rose_from_work": rose,
                        "unemployment_insurance": insured},
                });
                if let Some(e) = event {
                    h["circumstances"]["sudden_event"] = e;
                }
                (h, factor.parse().unwrap())
            },
        )
}

fn eval(h: &Value) -> Result<Evaluation, String> {
    let parsed = validate::parse(&h.to_string()).map_err(|e| format!("{e}: {h}"))?;
    evaluate_on(&parsed, Date::parse("2026-01-01").unwrap()).map_err(|e| format!("{e}: {h}"))
}

/// Adds to the applicant the income that brings per-capita income up to `factor` × the
/// household's own standard (nothing if it is already above, or no standard is known).
fn aim(h: &mut Value, factor: Decimal) -> Result<(), String> {
    let ev = eval(h)?;
    let (Some(std), Some(pc)) = (ev.dibao_standard_monthly, ev.per_capita_monthly_income) else {
        return Ok(());
    };
    let n = Decimal::from(ev.members_counted.len() as u64);
    let add = ((factor * std - pc) * n).round_dp(2);
    if add > Decimal::ZERO {
        let m = &mut h["members"][0];
        if !m["income"].is_array() {
            m["income"] = json!([]);
        }
        m["income"]
            .as_array_mut()
            .unwrap()
            .push(json!({"type": "other_transfer", "amount": add}));
    }
    Ok(())
}

fn rank(s: Status) -> u8 {
    match s {
        Status::Likely => 2,
        Status::Possible => 1,
        Status::Unlikely => 0,
    }
}

fn name(s: Status) -> &'static str {
    match s {
        Status::Likely => "likely",
        Status::Possible => "possible",
        Status::Unlikely => "unlikely",
    }
}

/// Statuses seen per scheme, printed after each run.
#[derive(Default)]
struct Coverage(BTreeMap<String, usize>);

impl Coverage {
    fn see(&mut self, ev: &Evaluation) {
        for s in &ev.schemes {
            *self
                .0
                .entry(format!("{}:{}", s.scheme.code(), name(s.status)))
                .or_default() += 1;
        }
    }
    fn count(&self, key: &str) -> usize {
        self.0.get(key).copied().unwrap_or(0)
    }
    fn print(&self, what: &str) {
        eprintln!("coverage ({what}):");
        for (k, v) in &self.0 {
            eprintln!("  {k:32} {v}");
        }
    }
}

/// `cases` households, or `JIUZHU_INVARIANT_CASES` when set (for a longer search).
fn runner(cases: u32) -> TestRunner {
    let cases = std::env::var("JIUZHU_INVARIANT_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

fn fail(msg: String) -> TestCaseError {
    TestCaseError::fail(msg)
}

/// Generates, aims and evaluates one household; an invalid one is a generator fault.
fn prepare((h, factor): (Value, Decimal)) -> Result<(Value, Evaluation), TestCaseError> {
    let mut h = h;
    aim(&mut h, factor).map_err(fail)?;
    let ev = eval(&h).map_err(fail)?;
    Ok((h, ev))
}

fn possible_names_what_to_check(ev: &Evaluation, h: &Value) -> Result<(), TestCaseError> {
    for s in &ev.schemes {
        if s.status == Status::Possible && s.to_check.is_empty() {
            return Err(fail(format!(
                "{} possible with nothing to check: {h}",
                s.scheme.code()
            )));
        }
        for p in &s.people {
            if p.status == Status::Possible && p.to_check.is_empty() {
                return Err(fail(format!(
                    "{} [{}] possible with nothing to check: {h}",
                    s.scheme.code(),
                    p.member
                )));
            }
        }
    }
    Ok(())
}

#[test]
fn every_possible_names_what_to_check() {
    let cov = RefCell::new(Coverage::default());
    runner(1500)
        .run(&household(), |x| {
            let (h, ev) = prepare(x)?;
            cov.borrow_mut().see(&ev);
            possible_names_what_to_check(&ev, &h)
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let c = cov.borrow();
    c.print("every possible names what to check");
    // The generator reaches every status of the main schemes.
    for key in [
        "dibao:likely",
        "dibao:possible",
        "dibao:unlikely",
        "edge:likely",
        "edge:unlikely",
        "tekun:likely",
        "dibao_single_person:likely",
        "temporary_relief:likely",
        "gradual_exit:likely",
    ] {
        assert!(
            c.count(key) >= 10,
            "{key} reached only {} times",
            c.count(key)
        );
    }
}

/// Every path in the household where a known answer can be replaced by `null`.
fn known_answers(h: &Value) -> Vec<Vec<Value>> {
    let mut paths: Vec<Vec<Value>> = vec![
        vec![json!("assets"), json!("financial")],
        vec![json!("assets"), json!("homes")],
        vec![json!("circumstances"), json!("monitored_at_risk")],
        vec![json!("circumstances"), json!("months_without_income")],
        vec![json!("circumstances"), json!("on_dibao")],
        vec![json!("circumstances"), json!("income_rose_from_work")],
        vec![json!("circumstances"), json!("unemployment_insurance")],
        vec![json!("expenses"), json!("medical")],
    ];
    for (i, m) in h["members"].as_array().unwrap().iter().enumerate() {
        for f in [
            "age",
            "serious_illness",
            "community_corrections",
            "disability",
            "obligors",
            "work",
            "schooling",
            "self_care",
        ] {
            // The supporter answer is about everyone, living here or not; with other members
            // in the household the generated answer may contradict them (a spouse present,
            // "no supporters"), so it is tested where the person lives alone.
            if f == "obligors" && h["members"].as_array().unwrap().len() > 1 {
                continue;
            }
            if !m[f].is_null() || f == "disability" {
                paths.push(vec![json!("members"), json!(i), json!(f)]);
            }
        }
        if let Some(items) = m["income"].as_array() {
            for j in 0..items.len() {
                for f in ["amount", "type"] {
                    paths.push(vec![
                        json!("members"),
                        json!(i),
                        json!("income"),
                        json!(j),
                        json!(f),
                    ]);
                }
            }
        }
    }
    let mut paths: Vec<Vec<Value>> = paths.into_iter().filter(|p| !get(h, p).is_null()).collect();
    // No sudden event is written by leaving the field out: a known answer too.
    if !h["circumstances"]
        .as_object()
        .is_some_and(|c| c.get("sudden_event").is_some_and(Value::is_null))
    {
        paths.push(vec![json!("circumstances"), json!("sudden_event")]);
    }
    paths
}

fn get<'a>(h: &'a Value, path: &[Value]) -> &'a Value {
    path.iter().fold(h, |v, k| match k {
        Value::String(s) => &v[s.as_str()],
        Value::Number(n) => &v[n.as_u64().unwrap() as usize],
        _ => &Value::Null,
    })
}

fn set_null(h: &mut Value, path: &[Value]) {
    let mut v = h;
    for k in path {
        v = match k {
            Value::String(s) => &mut v[s.as_str()],
            Value::Number(n) => &mut v[n.as_u64().unwrap() as usize],
            _ => unreachable!(),
        };
    }
    *v = Value::Null;
}

#[test]
fn dont_know_covers_every_answer() {
    let cov = RefCell::new(Coverage::default());
    runner(1200)
        .run(&(household(), 0usize..64), |(x, which)| {
            let (h, known) = prepare(x)?;
            cov.borrow_mut().see(&known);
            let paths = known_answers(&h);
            let path = &paths[which % paths.len()];
            let mut u = h.clone();
            set_null(&mut u, path);
            let unknown = eval(&u).map_err(fail)?;
            for s in &unknown.schemes {
                let k = known.scheme(s.scheme);
                if s.status != Status::Possible && s.status != k.status {
                    return Err(fail(format!(
                        "{}: with {:?} unknown it is {}, but the answer gives {}: {h}",
                        s.scheme.code(),
                        path,
                        name(s.status),
                        name(k.status)
                    )));
                }
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    cov.borrow().print("don't know covers every answer");
}

#[test]
fn a_member_without_income_never_makes_dibao_less_likely_below_the_line() {
    let cov = RefCell::new(Coverage::default());
    runner(800)
        .run(&household(), |x| {
            let (h, before) = prepare(x)?;
            cov.borrow_mut().see(&before);
            let below = matches!(
                (before.per_capita_monthly_income, before.dibao_standard_monthly),
                (Some(pc), Some(s)) if pc < s
            );
            if !below {
                return Ok(());
            }
            let mut more = h.clone();
            let n = more["members"].as_array().unwrap().len();
            more["members"]
                .as_array_mut()
                .unwrap()
                .push(json!({"id": format!("m{}", n + 1), "relation": "child", "age": 10}));
            let after = eval(&more).map_err(fail)?;
            let (d0, d1) = (
                before.scheme(SchemeId::Dibao).status,
                after.scheme(SchemeId::Dibao).status,
            );
            if rank(d1) < rank(d0) {
                return Err(fail(format!(
                    "dibao {} → {} with a child added: {h}",
                    name(d0),
                    name(d1)
                )));
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    cov.borrow().print("a member without income");
}

fn person(ev: &Evaluation, id: SchemeId, member: &str) -> Option<Status> {
    ev.scheme(id)
        .people
        .iter()
        .find(|p| p.member == member)
        .map(|p| p.status)
}

#[test]
fn tekun_and_the_carve_out_are_monotone_in_own_income() {
    runner(1000)
        .run(&(household(), 0usize..5, 1u32..300_000), |(x, who, fen)| {
            let (h, before) = prepare(x)?;
            let n = h["members"].as_array().unwrap().len();
            let i = who % n;
            let id = format!("m{}", i + 1);
            let mut richer = h.clone();
            let m = &mut richer["members"][i];
            if !m["income"].is_array() {
                m["income"] = json!([]);
            }
            m["income"]
                .as_array_mut()
                .unwrap()
                .push(json!({"type": "other_transfer", "amount": Decimal::new(fen.into(), 2)}));
            let after = eval(&richer).map_err(fail)?;
            // The carve-out is only for households that do not qualify for dibao as a whole, so
            // more income can move the household out of dibao and into the carve-out (and two
            // exclusive schemes can each be `possible` while one of them is certain). So the
            // carve-out is held to monotonicity where the household's dibao status stays the
            // same; tekun always.
            let same_dibao =
                before.scheme(SchemeId::Dibao).status == after.scheme(SchemeId::Dibao).status;
            for scheme in [SchemeId::Tekun, SchemeId::DibaoSinglePerson] {
                if scheme == SchemeId::DibaoSinglePerson && !same_dibao {
                    continue;
                }
                let s0 = person(&before, scheme, &id).unwrap_or(Status::Unlikely);
                let s1 = person(&after, scheme, &id).unwrap_or(Status::Unlikely);
                let (r0, r1) = (rank(s0), rank(s1));
                if r1 > r0 {
                    return Err(fail(format!(
                        "{} for {id}: {} → {} with more own income: {h}",
                        scheme.code(),
                        name(s0),
                        name(s1)
                    )));
                }
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn failing_dibao_on_property_never_removes_the_carve_out() {
    // Urban Yunnan from 2022: dibao allows one home, the edge rules two (both published).
    let yunnan_urban = (
        pick(&["530112", "532301", "530100"]),
        pick(&["2022-11-01", "2023-08-01", "2024-09-01"]),
        members(),
        pick(FACTORS),
    )
        .prop_map(|(region, date, members, factor)| {
            let h = json!({"schema": 1, "region": region, "residence": "urban", "as_of": date,
                "members": members, "assets": {"financial": 0, "homes": 1}});
            (h, factor.parse::<Decimal>().unwrap())
        });
    let seen = RefCell::new(0usize);
    runner(800)
        .run(&yunnan_urban, |x| {
            let (h, one_home) = prepare(x)?;
            let mut two = h.clone();
            two["assets"]["homes"] = json!(2);
            let two_homes = eval(&two).map_err(fail)?;
            if two_homes.scheme(SchemeId::Dibao).status == Status::Unlikely
                && one_home.scheme(SchemeId::Dibao).status != Status::Unlikely
            {
                *seen.borrow_mut() += 1;
            }
            for p in &one_home.scheme(SchemeId::DibaoSinglePerson).people {
                let after = person(&two_homes, SchemeId::DibaoSinglePerson, &p.member)
                    .unwrap_or(Status::Unlikely);
                if rank(after) < rank(p.status) {
                    return Err(fail(format!(
                        "carve-out for {}: {} with one home, {} with two: {h}",
                        p.member,
                        name(p.status),
                        name(after)
                    )));
                }
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let seen = *seen.borrow();
    eprintln!("households failing dibao only by the second home: {seen}");
    assert!(
        seen >= 20,
        "only {seen} households failed dibao by the second home"
    );
}
