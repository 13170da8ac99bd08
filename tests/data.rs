//! The embedded data: every parameter file loads, every seed region is there with its parents,
//! and the values in force on a date are the ones policy-research.md gives.

use jiuzhu::rules::outcome::Standing;
use jiuzhu::rules::params::{self, Params};
use jiuzhu::rules::Date;
use rust_decimal::Decimal;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn num(region: &str, date: &str, name: &str) -> (Option<Decimal>, Standing) {
    let p = Params::new(region, d(date), Default::default()).expect("region exists");
    let r = p.get(name);
    (r.number(), r.standing)
}

#[test]
fn every_data_file_loads() {
    let n = params::check_data().expect("data/regions loads");
    assert!(n >= 25, "only {n} regions");
    jiuzhu::rules::next_steps::check_data().expect("data/channels.json loads");
}

#[test]
fn seed_regions_and_their_parents_exist() {
    for code in [
        "000000", "530000", "530100", "530112", "532300", "532329", "533400", "140000", "140400",
        "140403", "620000", "620600",
    ] {
        assert!(
            params::catalogue().regions.contains_key(code),
            "{code} missing"
        );
    }
    let chain: Vec<&str> = params::catalogue()
        .chain("530112")
        .iter()
        .map(|r| r.code.as_str())
        .collect();
    assert_eq!(chain, ["530112", "530100", "530000", "000000"]);
}

#[test]
fn xishan_2022_seed_standards() {
    // 西民函〔2022〕55号: 城市低保标准 700元/月/人，特困供养标准 910元/月/人.
    let (v, s) = num("530112", "2022-11-01", "dibao_urban_monthly");
    assert_eq!(v, Some(Decimal::from(700)));
    assert_eq!(s, Standing::Published);
    assert_eq!(
        num("530112", "2022-11-01", "tekun_basic_monthly").0,
        Some(Decimal::from(910))
    );
}

#[test]
fn the_value_in_force_on_the_date_is_used() {
    // Yunnan guidance: 700 from 2022-07-01, 728 from 2023-07-01 (policy-research §11.1).
    assert_eq!(
        num("530000", "2023-06-30", "dibao_urban_monthly").0,
        Some(Decimal::from(700))
    );
    assert_eq!(
        num("530000", "2023-07-01", "dibao_urban_monthly").0,
        Some(Decimal::from(728))
    );
}

#[test]
fn an_unpublished_local_statistic_is_only_a_reference() {
    // The national disposable income is no county's "local" figure.
    let (_, s) = num("530112", "2025-08-01", "disposable_income_yearly");
    assert_ne!(s, Standing::Published);
}

#[test]
fn an_override_wins_and_says_so() {
    let mut o = std::collections::BTreeMap::new();
    o.insert(
        "dibao_urban_monthly".to_string(),
        params::Value::Number(Decimal::from(800)),
    );
    let p = Params::new("530112", d("2022-11-01"), o).unwrap();
    let r = p.get("dibao_urban_monthly");
    assert_eq!(r.number(), Some(Decimal::from(800)));
    assert_eq!(r.standing, Standing::Override);
}
