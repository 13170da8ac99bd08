//! Properties that must hold for every household, checked on generated households (proptest):
//!
//! - more counted income never makes dibao more likely, never raises its estimate, and never
//!   makes "dibao or edge" more likely (edge alone can rise: a household that leaves the dibao
//!   band by earning more enters the edge band — that is the policy, not a fault);
//! - the order in which members are listed changes nothing;
//! - any household within the valid ranges evaluates without panicking;
//! - households and results round-trip through JSON, and the output is deterministic;
//! - any string at all given to the JSON entry point gives a result or an input error.
//!
//! Households are generated as JSON, as a resident's app or a portal would send them, with a
//! fixed `as_of` so that nothing depends on today's date.

use jiuzhu::rules::{
    evaluate_json, evaluate_on, params, validate, Date, Evaluation, SchemeId, Status,
};
use proptest::prelude::*;
use serde_json::{json, Value};

const RELATIONS: &[&str] = &[
    "spouse",
    "child",
    "parent",
    "grandparent",
    "grandchild",
    "sibling",
    "child_in_law",
    "other",
];
const INCOME_KINDS: &[&str] = &[
    "wages",
    "business",
    "farming",
    "property",
    "pension",
    "support",
    "other_transfer",
    "resident_basic_pension",
    "old_age_allowance",
    "preferential_care",
    "family_planning",
    "scholarship",
    "bravery_award",
    "assistance",
];
const WORK: &[&str] = &[
    "not_working",
    "employed",
    "self_employed",
    "farming",
    "unemployed",
    "retired",
];
const SCHOOLING: &[&str] = &[
    "none",
    "preschool",
    "compulsory",
    "high_school",
    "secondary_vocational",
    "undergraduate",
    "postgraduate",
];
const DISABILITY: &[&str] = &[
    "physical",
    "intellectual",
    "mental",
    "visual",
    "hearing",
    "speech",
    "multiple",
];
const EXCLUSIONS: &[&str] = &[
    "religious_away_3_years",
    "prison",
    "compulsory_rehab",
    "declared_missing",
    "conscript",
];
const DATES: &[&str] = &[
    "2019-06-01",
    "2021-03-15",
    "2022-11-01",
    "2023-08-01",
    "2024-09-01",
    "2025-05-20",
];

fn regions() -> Vec<String> {
    params::region_list()
        .into_iter()
        .map(|r| r.code.clone())
        .collect()
}

/// Money with at most two decimals: mostly up to `max_yuan`, sometimes anywhere up to the
/// validator's ceiling (validate::MAX_AMOUNT, 1e7), sometimes unknown (null).
fn money(max_yuan: u64) -> impl Strategy<Value = Value> {
    let ceiling_fen = validate::MAX_AMOUNT * 100;
    prop_oneof![
        8 => (0..=max_yuan * 100).prop_map(|fen| json!(rust_decimal::Decimal::new(fen as i64, 2))),
        1 => (0..=ceiling_fen).prop_map(|fen| json!(rust_decimal::Decimal::new(fen, 2))),
        1 => Just(Value::Null),
    ]
}

fn pick(list: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    proptest::sample::select(list)
}

fn income_item() -> impl Strategy<Value = Value> {
    (pick(INCOME_KINDS), money(20_000), any::<bool>()).prop_map(|(kind, amount, yearly)| {
        let mut item = json!({"type": kind, "amount": amount});
        if yearly {
            item["period"] = json!("year");
        }
        if kind == "support" {
            item["payer"] = json!("sibling");
        }
        item
    })
}

fn member(i: usize) -> impl Strategy<Value = Value> {
    (
        pick(RELATIONS),
        prop_oneof![9 => (0u8..=130).prop_map(|a| json!(a)), 1 => Just(Value::Null)],
        pick(WORK),
        pick(SCHOOLING),
        proptest::option::weighted(0.2, (pick(DISABILITY), 1u8..=4)),
        proptest::option::weighted(0.05, pick(EXCLUSIONS)),
        prop_oneof![Just(json!(false)), Just(json!(true)), Just(Value::Null)],
        proptest::collection::vec(income_item(), 0..3),
    )
        .prop_map(
            move |(relation, age, work, schooling, disability, excluded, illness, income)| {
                let mut m = json!({
                    "id": format!("m{}", i + 1),
                    "relation": if i == 0 { "applicant" } else { relation },
                    "age": age,
                    "work": work,
                    "schooling": schooling,
                    "serious_illness": illness,
                    "income": income,
                });
                if let Some((kind, level)) = disability {
                    m["disability"] = json!({"kind": kind, "level": level});
                }
                if let (Some(x), true) = (excluded, i > 0) {
                    m["excluded"] = json!(x);
                }
                m
            },
        )
}

fn members(max: usize) -> impl Strategy<Value = Vec<Value>> {
    (1..=max).prop_flat_map(|n| (0..n).map(member).collect::<Vec<_>>())
}

/// A household within the valid ranges (the validator may still refuse some combinations,
/// e.g. nobody counted: that must be an input error, not a panic).
fn household(max_members: usize) -> impl Strategy<Value = Value> {
    let regions = regions();
    (
        proptest::sample::select(regions),
        any::<bool>(),
        pick(DATES),
        members(max_members),
        (money(5_000), money(5_000), money(5_000)),
        (money(200_000), prop_oneof![Just(json!(0)), Just(json!(1)), Just(json!(2)), Just(Value::Null)]),
        proptest::option::of(pick(&["fire", "accident", "serious_illness", "disaster", "other"])),
    )
        .prop_map(|(region, rural, date, members, (medical, education, rehab), (financial, homes), event)| {
            let mut h = json!({
                "schema": 1,
                "region": region,
                "residence": if rural { "rural" } else { "urban" },
                "as_of": date,
                "members": members,
                "expenses": {"medical": medical, "education": education, "disability_rehab": rehab},
                "assets": {"financial": financial, "homes": homes},
            });
            if let Some(e) = event {
                h["circumstances"] = json!({"sudden_event": e});
            }
            h
        })
}

fn eval(h: &Value) -> Result<Evaluation, validate::InputError> {
    let text = h.to_string();
    let parsed = validate::parse(&text)?;
    evaluate_on(&parsed, Date::parse("2026-01-01").unwrap())
}

/// likely > possible > unlikely.
fn rank(s: Status) -> u8 {
    match s {
        Status::Likely => 2,
        Status::Possible => 1,
        Status::Unlikely => 0,
    }
}

fn status(ev: &Evaluation, id: SchemeId) -> Status {
    ev.scheme(id).status
}

fn dibao_estimate_high(ev: &Evaluation) -> Option<rust_decimal::Decimal> {
    ev.scheme(SchemeId::Dibao)
        .estimate
        .as_ref()
        .map(|e| e.monthly_high)
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(300))]

    /// 家庭收入增加 never makes 低保 more likely, never raises the 低保 estimate, and never makes
    /// "低保 or 低保边缘" more likely.
    #[test]
    fn more_counted_income_never_helps(h in household(6), who in 0usize..6, extra_fen in 1i64..=2_000_000) {
        let Ok(before) = eval(&h) else { return Ok(()) };
        let mut richer = h.clone();
        let n = richer["members"].as_array().unwrap().len();
        let m = &mut richer["members"][who % n];
        m["income"].as_array_mut().unwrap().push(json!({
            "type": "wages",
            "amount": rust_decimal::Decimal::new(extra_fen, 2),
        }));
        let after = eval(&richer).expect("adding a valid wage keeps the household valid");
        let d0 = status(&before, SchemeId::Dibao);
        let d1 = status(&after, SchemeId::Dibao);
        prop_assert!(rank(d1) <= rank(d0), "dibao {:?} → {:?}", d0, d1);
        let best = |ev: &Evaluation| rank(status(ev, SchemeId::Dibao)).max(rank(status(ev, SchemeId::Edge)));
        prop_assert!(best(&after) <= best(&before), "dibao-or-edge rose");
        if let (Some(e0), Some(e1)) = (dibao_estimate_high(&before), dibao_estimate_high(&after)) {
            prop_assert!(e1 <= e0, "dibao estimate rose: {} → {}", e0, e1);
        }
    }

    /// 成员的排列顺序 changes no status, estimate or per-capita income.
    #[test]
    fn member_order_does_not_matter(h in household(8), seed in any::<u64>()) {
        let Ok(before) = eval(&h) else { return Ok(()) };
        let mut shuffled = h.clone();
        let list = shuffled["members"].as_array_mut().unwrap();
        // a deterministic shuffle from the seed (the applicant may move too)
        let mut s = seed;
        for i in (1..list.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            list.swap(i, (s >> 33) as usize % (i + 1));
        }
        let after = eval(&shuffled).expect("the same household in another order stays valid");
        prop_assert_eq!(before.per_capita_monthly_income, after.per_capita_monthly_income);
        for s in &before.schemes {
            let t = after.scheme(s.scheme);
            prop_assert_eq!(s.status, t.status, "{:?}", s.scheme);
            prop_assert_eq!(&s.estimate.as_ref().map(|e| (e.monthly_low, e.monthly_high)),
                            &t.estimate.as_ref().map(|e| (e.monthly_low, e.monthly_high)), "{:?}", s.scheme);
            let mut a = s.members.clone();
            let mut b = t.members.clone();
            a.sort();
            b.sort();
            prop_assert_eq!(a, b, "{:?}", s.scheme);
        }
    }

    /// Any household within the valid ranges (up to 30 members) gives a result or an input
    /// error — never a panic — and the result round-trips through JSON.
    #[test]
    fn valid_households_evaluate_and_round_trip(h in household(30)) {
        let text = h.to_string();
        match evaluate_json(&text) {
            Ok(ev) => {
                let out = serde_json::to_string(&ev).unwrap();
                let back: Evaluation = serde_json::from_str(&out).unwrap();
                prop_assert_eq!(&back, &ev);
                prop_assert_eq!(serde_json::to_string(&back).unwrap(), out);
                // the household itself round-trips too
                let parsed = validate::parse(&text).unwrap();
                let again = validate::parse(&serde_json::to_string(&parsed).unwrap()).unwrap();
                prop_assert_eq!(parsed, again);
            }
            Err(e) => {
                prop_assert!(!e.field.is_empty() || !e.message_en.is_empty());
            }
        }
    }

    /// Any text at all: a result or an input error, never a panic.
    #[test]
    fn any_string_is_answered(s in ".{0,400}") {
        let _ = evaluate_json(&s);
    }

    /// JSON-looking garbage near the real shape: a result or an input error, never a panic.
    #[test]
    fn mangled_households_are_answered(h in household(4), cut in 0usize..2000, junk in "[\\[\\]{}\",:0-9a-z.-]{0,8}") {
        let mut text = h.to_string();
        let at = cut.min(text.len());
        let at = (0..=at).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
        text.insert_str(at, &junk);
        let _ = evaluate_json(&text);
    }
}
