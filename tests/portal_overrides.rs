//! Portal standards: a host passes its own parameter value (e.g. a county's 2025 standard) with
//! who provided it and from when; it is validated, used, and the result says so.

use jiuzhu::rules::{evaluate_json, outcome::Standing, SchemeId, Status};

/// Xishan household of three with 612.00 yuan per person a month (docs/schema.md), screened on
/// 2025-03-01, with the standard given by the portal. Business income (not wages), so no
/// unpublished deduction for costs of working is in question.
fn household(params: &str) -> String {
    format!(
        r#"{{"region":"530112","residence":"urban","as_of":"2025-03-01","params":{params},
        "members":[
          {{"id":"m1","relation":"applicant","age":45,"income":[{{"type":"business","amount":1200}}]}},
          {{"id":"m2","relation":"spouse","age":44,"income":[{{"type":"business","amount":636}}]}},
          {{"id":"c1","relation":"child","age":10}}]}}"#
    )
}

#[test]
fn a_portal_standard_is_used_and_credited_with_its_date() {
    // 600 < 612.00 per person: with the portal's (hypothetical) standard of 600 the household
    // is above the line, whatever the data file says.
    let r = evaluate_json(&household(
        r#"{"dibao_urban_monthly":{"value":600,"provided_by":"西山区民政局","effective":"2025-01-01","document":"2025年城乡低保标准的通知"}}"#,
    ))
    .unwrap();
    assert_eq!(r.dibao_standard_monthly.unwrap().to_string(), "600.00");
    assert_eq!(r.scheme(SchemeId::Dibao).status, Status::Unlikely);
    let p = r
        .parameters
        .iter()
        .find(|p| p.name == "dibao_urban_monthly")
        .expect("the standard is listed");
    assert_eq!(p.standing, Standing::Override);
    assert_eq!(p.provided_by.as_deref(), Some("西山区民政局"));
    assert_eq!(p.effective.unwrap().to_string(), "2025-01-01");
    assert!(p.source.document.contains("西山区民政局"));
    assert!(p.source.document.contains("2025年城乡低保标准的通知"));
    // The user sees it in "how we worked it out".
    assert!(r
        .trace
        .iter()
        .any(|t| t.text.zh.contains("由西山区民政局提供") && t.text.zh.contains("2025-01-01")));
}

#[test]
fn a_bare_override_still_works_and_is_dated_with_the_screening_date() {
    let r = evaluate_json(&household(r#"{"dibao_urban_monthly":700}"#)).unwrap();
    let p = r
        .parameters
        .iter()
        .find(|p| p.name == "dibao_urban_monthly")
        .unwrap();
    assert_eq!(p.standing, Standing::Override);
    assert_eq!(p.provided_by, None);
    assert_eq!(p.effective.unwrap().to_string(), "2025-03-01");
    assert_eq!(r.scheme(SchemeId::Dibao).status, Status::Likely);
}

#[test]
fn portal_overrides_are_validated() {
    let err = |params: &str| evaluate_json(&household(params)).unwrap_err();
    let e = err(r#"{"dibao_urban_monthly":{"value":760,"effective":"2025-06-01"}}"#);
    assert_eq!(e.field, "params.dibao_urban_monthly.effective");
    assert!(e.message_en.contains("after the screening date"), "{e}");
    let e = err(r#"{"dibao_urban_monthly":{"value":-5,"provided_by":"x"}}"#);
    assert_eq!(e.field, "params.dibao_urban_monthly.value");
    let e = err(r#"{"dibao_urban_monthly":{"provided_by":"x"}}"#);
    assert_eq!(e.field, "params.dibao_urban_monthly.value");
    let e = err(r#"{"dibao_urban_monthly":{"value":760,"by":"x"}}"#);
    assert_eq!(e.field, "params.dibao_urban_monthly.by");
    let e = err(r#"{"dibao_urban_monthly":{"value":760,"provided_by":""}}"#);
    assert_eq!(e.field, "params.dibao_urban_monthly.provided_by");
    let e = err(r#"{"dibao_urban_monthly":{"value":760,"effective":"2025-02-30"}}"#);
    assert_eq!(e.field, "params.dibao_urban_monthly.effective");
    let e = err(r#"{"no_such_standard":{"value":1}}"#);
    assert_eq!(e.field, "params.no_such_standard");
}
