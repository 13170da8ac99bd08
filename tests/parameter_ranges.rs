//! Every parameter has a sane range and the relations between parameters hold
//! (`ranges` in `data/parameters.json`): for every value in the data files, and for every
//! override a portal or resident may pass — outside its range an override is an input error
//! naming the parameter and the range, inside it is accepted.

use jiuzhu::rules::params::{catalogue, parse_value, Params, Value};
use jiuzhu::rules::{evaluate_json, Date};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn household(params: &str) -> String {
    format!(
        r#"{{"region":"530112","residence":"urban","as_of":"2024-01-01","params":{params},
        "members":[{{"id":"a","relation":"applicant","age":40,"income":[{{"type":"wages","amount":500}}]}}]}}"#
    )
}

/// The number parameters, in name order.
fn numbers() -> Vec<&'static jiuzhu::rules::params::ParamDef> {
    catalogue()
        .defs
        .values()
        .filter(|d| d.unit != "flag")
        .collect()
}

#[test]
fn every_number_parameter_has_a_range() {
    for d in numbers() {
        let r = d.range.unwrap_or_else(|| panic!("{} has no range", d.name));
        assert!(r.min >= Decimal::ZERO && r.min < r.max, "{}: {r:?}", d.name);
    }
    // Ages 0–130, months 0–120, standards above zero.
    let range = |n: &str| catalogue().defs[n].range.unwrap();
    assert_eq!(range("tekun_minor_age_limit").max, Decimal::from(130));
    assert_eq!(range("gradual_exit_max_months").max, Decimal::from(120));
    for n in [
        "dibao_urban_monthly",
        "dibao_rural_yearly",
        "tekun_basic_monthly",
    ] {
        assert!(range(n).min > Decimal::ZERO, "{n}");
    }
}

#[test]
fn every_data_file_value_is_within_its_range() {
    let cat = catalogue();
    for r in cat.regions.values() {
        for e in &r.values {
            let def = &cat.defs[&e.name];
            let Some(v) = &e.value else { continue };
            if let (Ok(Value::Number(d)), Some(range)) = (parse_value(def, v), def.range) {
                assert!(
                    range.contains(d),
                    "data/regions/{}.json: {} = {d} outside {range:?}",
                    r.code,
                    e.name
                );
            }
        }
    }
}

#[test]
fn the_relations_hold_in_every_region_on_every_date_in_the_data() {
    let cat = catalogue();
    let mut dates: Vec<Date> = cat
        .regions
        .values()
        .flat_map(|r| r.values.iter().map(|e| e.effective))
        .collect();
    dates.sort();
    dates.dedup();
    let mut checked = 0;
    for code in cat.regions.keys() {
        for &date in &dates {
            let p = Params::new(code, date, Default::default()).unwrap();
            for rel in &cat.relations {
                let (Some(l), Some(u)) = (p.get(&rel.lower).number(), p.get(&rel.upper).number())
                else {
                    continue;
                };
                checked += 1;
                assert!(
                    rel.holds(l, u),
                    "{code} on {date}: {} = {l} but {} = {u}",
                    rel.lower,
                    rel.upper
                );
            }
        }
    }
    assert!(checked > 100, "only {checked} relations checked");
}

#[test]
fn the_values_of_the_issue_are_refused_with_name_and_range() {
    for (params, field, words) in [
        (
            r#"{"tekun_minor_age_limit":10000000}"#,
            "params.tekun_minor_age_limit",
            "outside its range 0–130",
        ),
        (
            r#"{"dibao_urban_monthly":0}"#,
            "params.dibao_urban_monthly",
            "outside its range 1–20000",
        ),
        (
            r#"{"public_notice_days":1e7}"#,
            "params.public_notice_days",
            "outside its range 0–365",
        ),
        (
            r#"{"dibao_rural_class_a_monthly":10000000}"#,
            "params.dibao_rural_class_a_monthly",
            "outside its range",
        ),
        (
            r#"{"dibao_rural_class_a_monthly":{"value":5000,"provided_by":"某县"}}"#,
            "params.dibao_rural_class_a_monthly.value",
            "more than",
        ),
        (
            r#"{"temporary_relief_emergency_min_multiple":3,"temporary_relief_emergency_max_multiple":2}"#,
            "params.temporary_relief_emergency_min_multiple",
            "more than",
        ),
        (
            r#"{"gradual_exit_min_months":7,"gradual_exit_max_months":6}"#,
            "params.gradual_exit_min_months",
            "more than",
        ),
    ] {
        let Err(e) = evaluate_json(&household(params)) else {
            panic!("{params} accepted");
        };
        assert_eq!(e.field, field, "{params}: {e}");
        assert!(e.message_en.contains(words), "{params}: {e}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Any value of any number parameter: accepted inside its range (unless a relation with
    /// another parameter fails, which names "more than"), refused outside it with the name and
    /// the range.
    #[test]
    fn overrides_are_held_to_their_range(pick in 0usize..1000, cents in 0i64..4_000_000_000, over in any::<bool>()) {
        let defs = numbers();
        let def = defs[pick % defs.len()];
        let r = def.range.unwrap();
        let span = r.max - r.min;
        // Inside: min + a fraction of the span; outside: above max or below min by some cents.
        let step = Decimal::new(cents, 2);
        let v = if !over {
            (r.min + span * Decimal::new(cents % 10_001, 4)).round_dp(2)
        } else if cents % 2 == 0 || r.min.is_zero() {
            r.max + Decimal::new(1, 2) + step
        } else {
            (r.min - Decimal::new(1, 2) - step).max(Decimal::ZERO)
        };
        let result = evaluate_json(&household(&format!(r#"{{"{}":{}}}"#, def.name, v)));
        let inside = r.contains(v);
        match result {
            Ok(_) => prop_assert!(inside, "{} = {v} accepted outside {r:?}", def.name),
            Err(e) => {
                prop_assert_eq!(&e.field, &format!("params.{}", def.name));
                if inside {
                    prop_assert!(e.message_en.contains("more than"), "{} = {v}: {}", def.name, e);
                } else {
                    let range = format!("outside its range {}–{}", r.min.normalize(), r.max.normalize());
                    prop_assert!(e.message_en.contains(&range), "{} = {v}: {}", def.name, e);
                }
            }
        }
    }
}
