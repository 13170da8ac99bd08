//! Standings of the figures a line is built on (rules-decisions "Results": lines are only as
//! firm as their source): published and current, borrowed floor, stale, replaced by a newer
//! provincial floor — resolved from the data, and `jiuzhu regions --check`'s stale list.

use jiuzhu::rules::date::Date;
use jiuzhu::rules::outcome::Standing;
use jiuzhu::rules::params::{stale_values, Params};
use rust_decimal::Decimal;

fn get(region: &str, on: &str, name: &str) -> jiuzhu::rules::params::Resolved {
    let d = Date::parse(on).unwrap();
    Params::new(region, d, Default::default())
        .unwrap()
        .get(name)
}

#[test]
fn xishan_2022_standard_is_published_and_current() {
    let r = get("530112", "2022-11-01", "dibao_urban_monthly");
    assert_eq!(r.number(), Some(Decimal::from(700)));
    assert_eq!(r.standing, Standing::Published);
    assert!(r.is_firm());
}

#[test]
fn changzhi_2019_standard_used_in_2022_is_stale() {
    // 潞州区 628 from 2019-04-28; Shanxi reviews about yearly (review_months 12): on
    // 2022-06-01 it is 3 whole years old.
    let r = get("140403", "2022-06-01", "dibao_urban_monthly");
    assert_eq!(r.number(), Some(Decimal::from(628)));
    assert_eq!(r.standing, Standing::Stale);
    assert_eq!(r.stale_periods, 3);
    assert!(!r.is_firm());
}

#[test]
fn a_value_is_current_until_its_review_period_has_passed() {
    // Xishan 700 from 2022-07-01: 11 whole months on 2023-06-30 → current.
    let r = get("530112", "2023-06-30", "dibao_urban_monthly");
    assert_eq!(r.stale_periods, 0);
}

#[test]
fn shangri_la_borrows_yunnan_guidance_as_a_floor() {
    let r = get("533401", "2024-08-01", "dibao_urban_monthly");
    assert_eq!(r.number(), Some(Decimal::from(735)));
    assert_eq!(r.standing, Standing::Floor);
    assert_eq!(r.region.unwrap().code, "530000");
}

#[test]
fn kunming_standard_below_newer_yunnan_floor_is_replaced_by_it() {
    // Kunming 640 from 2020-11-01; Yunnan guidance 660 from 2021-07-01 is newer and higher.
    let r = get("530112", "2021-10-15", "dibao_urban_monthly");
    assert_eq!(r.number(), Some(Decimal::from(660)));
    assert_eq!(r.standing, Standing::Floor);
    let (region, old) = r.replaced.expect("the local value is named as replaced");
    assert_eq!(region.code, "530100");
    assert_eq!(old.effective.to_string(), "2020-11-01");
    // Before the newer floor, Kunming's own 640 is used as published.
    let r = get("530112", "2021-06-01", "dibao_urban_monthly");
    assert_eq!(r.number(), Some(Decimal::from(640)));
    assert_eq!(r.standing, Standing::Published);
}

#[test]
fn diqing_tekun_is_borrowed_from_yunnan_once_diqing_publishes_none() {
    // Diqing 948 from 2023-06-01, then "not published" from 2024-07-01 → Yunnan's 956 floor.
    let r = get("533401", "2024-08-01", "tekun_basic_monthly");
    assert_eq!(r.number(), Some(Decimal::from(956)));
    assert_eq!(r.standing, Standing::Floor);
    let r = get("533401", "2024-05-01", "tekun_basic_monthly");
    assert_eq!(r.number(), Some(Decimal::from(948)));
    assert_eq!(r.standing, Standing::Published);
}

#[test]
fn wuwei_edge_multiple_is_the_national_floor_yunnan_publishes_its_own() {
    let r = get("620602", "2023-06-01", "edge_multiple");
    assert_eq!(r.number(), Some(Decimal::new(15, 1)));
    assert_eq!(r.standing, Standing::Floor);
    let r = get("530112", "2023-06-01", "edge_multiple");
    assert_eq!(r.standing, Standing::Published);
}

#[test]
fn regions_check_lists_values_stale_on_the_day() {
    let on = Date::parse("2022-06-01").unwrap();
    let stale = stale_values(on);
    assert!(stale.iter().any(|v| v.region.code == "140403"
        && v.name == "dibao_urban_monthly"
        && v.effective.to_string() == "2019-04-28"));
    // Xishan's standard in force then (Kunming/Xishan 2020–2022) is current.
    assert!(!stale.iter().any(|v| v.region.code == "530112"));
    // Before Changzhi's figures were a year old, none of them is listed.
    let early = stale_values(Date::parse("2019-06-01").unwrap());
    assert!(!early.iter().any(|v| v.region.code.starts_with("1404")));
}

#[test]
fn cli_regions_check_lists_stale_values_for_the_date() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jiuzhu"))
        .args(["regions", "--check", "--date", "2022-06-01"])
        .output()
        .expect("the CLI runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("values stale on 2022-06-01"), "{text}");
    assert!(
        text.lines().any(|l| l.starts_with("140403\t")
            && l.contains("dibao_urban_monthly")
            && l.contains("from 2019-04-28")),
        "{text}"
    );
}

#[test]
fn cli_regions_check_is_clean_today_every_standard_says_when_it_goes_out_of_date() {
    // 民发〔2021〕57号 and the provincial notices raise standards periodically; a value the data
    // cannot date (no review period up its region chain, no end date) would be used as current
    // for ever. The check fails on such a value; stale values are a refresh list, not errors.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jiuzhu"))
        .args(["regions", "--check"])
        .output()
        .expect("the CLI runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.lines()
            .next()
            .is_some_and(|l| l.contains("every standard says when it goes out of date")),
        "{text}"
    );
}
