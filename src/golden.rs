//! Golden policy cases (`tests/golden/*.json`): households whose expected results were worked
//! out by hand from the cited rule, and the runner that compares them with the engine.
//!
//! The cases are embedded (build.rs, `GOLDEN_FILES`) for the native test (`tests/golden.rs`) and
//! the browser tests; the app's self-test page runs the same runner on the copy of the cases the
//! build writes next to the app (`selftest-cases.json`, scripts/selftest-cases.mjs), so the app's
//! wasm does not carry them. No file system, and no dependence on today's date — every case sets
//! `household.as_of` and it is passed explicitly.
//! The case format is documented in `tests/golden/README.md`.
//!
//! A case only states the fields its author worked out; the runner checks exactly those and
//! reports every mismatch in words (case id, scheme, field, expected, got). Whatever a case
//! lists, every scheme and person the engine calls `possible` must name what to check. The expectation
//! format rejects unknown fields, so a misspelt expectation is an error, not a silent pass.

use crate::rules::outcome::{Evaluation, SchemeId, SchemeResult, Side, Status};
use crate::rules::{self, Date};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;

#[allow(dead_code)]
mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// Every golden case as `(id, json)`, sorted by id.
pub fn all() -> Vec<(&'static str, &'static str)> {
    embedded::GOLDEN_FILES.to_vec()
}

/// A field that may be given as `null` (expected to be null) or left out (not checked).
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<serde_json::Value>, D::Error> {
    serde_json::Value::deserialize(d).map(Some)
}

/// One golden case file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub id: String,
    pub title_zh: String,
    pub title_en: String,
    /// What the case checks.
    pub rule: String,
    /// Seed file and article, or national/provincial document and article.
    pub citation: String,
    /// The hand calculation, in words and numbers.
    pub worked: String,
    /// Exactly the CLI input (docs/schema.md); must set `as_of`.
    pub household: serde_json::Value,
    #[serde(default)]
    pub expect: Option<Expect>,
    #[serde(default)]
    pub expect_error: Option<ExpectError>,
}

/// Expected figures of a valid household. Money is a string with two decimals, as in results.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    #[serde(default, deserialize_with = "present")]
    pub per_capita_monthly_income: Option<serde_json::Value>,
    #[serde(default)]
    pub per_capita_monthly_income_at_least: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub household_monthly_income: Option<serde_json::Value>,
    #[serde(default, deserialize_with = "present")]
    pub dibao_standard_monthly: Option<serde_json::Value>,
    /// Per-capita income per year, exact (rural standards are published per year).
    #[serde(default, deserialize_with = "present")]
    pub per_capita_yearly_income: Option<serde_json::Value>,
    #[serde(default, deserialize_with = "present")]
    pub dibao_standard_yearly: Option<serde_json::Value>,
    /// `published`, `floor`, `stale`, `reference`, `override`.
    #[serde(default)]
    pub dibao_standard_standing: Option<crate::rules::outcome::Standing>,
    #[serde(default)]
    pub members_counted: Option<Vec<String>>,
    /// Ids of the members listed as excluded.
    #[serde(default)]
    pub members_excluded: Option<Vec<String>>,
    #[serde(default)]
    pub schemes: BTreeMap<String, SchemeExpect>,
    /// The one path first (`recommendation` of the result), if the author worked it out.
    #[serde(default)]
    pub recommendation: Option<RecommendationExpect>,
}

/// Expected recommendation: the recommended parts in order, and the leading scheme of each
/// alternative and of what comes in addition, in order.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecommendationExpect {
    pub recommended: Vec<PartExpect>,
    #[serde(default)]
    pub alternatives: Option<Vec<String>>,
    #[serde(default)]
    pub in_addition: Option<Vec<String>>,
}

/// One expected part of the recommended path.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartExpect {
    pub scheme: String,
    #[serde(default)]
    pub members: Option<Vec<String>>,
    /// As `estimate_monthly`: `"998.00"`, `["544.00", "744.00"]` or `null` (no amount).
    #[serde(default, deserialize_with = "present")]
    pub amount: Option<serde_json::Value>,
    /// `month`, `year` or `once`.
    #[serde(default)]
    pub unit: Option<String>,
}

/// Expected result of one scheme; only the fields given are checked.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchemeExpect {
    #[serde(default)]
    pub status: Option<Status>,
    /// Member ids covered (order does not matter).
    #[serde(default)]
    pub members: Option<Vec<String>>,
    /// `"264.00"` (low = high), `["220.00", "534.00"]` (a range), or `null` (no estimate).
    #[serde(default, deserialize_with = "present")]
    pub estimate_monthly: Option<serde_json::Value>,
    #[serde(default)]
    pub estimate_approximate: Option<bool>,
    #[serde(default)]
    pub distance: Option<DistanceExpect>,
    /// Words (zh or en) that must appear in the scheme's `to_check`: what a `possible` names.
    #[serde(default)]
    pub depends_on: Vec<String>,
    /// Words (zh or en) that must appear in the summary or a reason.
    #[serde(default)]
    pub text_contains: Vec<String>,
    /// Per-person results (tekun, single-person carve-out), by member id.
    #[serde(default)]
    pub people: BTreeMap<String, PersonExpect>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DistanceExpect {
    #[serde(default)]
    pub side: Option<Side>,
    #[serde(default)]
    pub per_capita_monthly: Option<String>,
    #[serde(default)]
    pub household_monthly: Option<String>,
    #[serde(default)]
    pub line_per_capita_monthly: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonExpect {
    #[serde(default)]
    pub status: Option<Status>,
    #[serde(default, deserialize_with = "present")]
    pub estimate_monthly: Option<serde_json::Value>,
    #[serde(default)]
    pub depends_on: Vec<String>,
}

/// Invalid input: the error must name this field (JSON path, e.g. `members[0].age`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectError {
    pub field: String,
}

/// Parses a case file, checking that it is complete.
pub fn parse(case_json: &str) -> Result<Case, String> {
    let case: Case =
        serde_json::from_str(case_json).map_err(|e| format!("case file does not parse: {e}"))?;
    let id = case.id.clone();
    for (name, v) in [
        ("title_zh", &case.title_zh),
        ("title_en", &case.title_en),
        ("rule", &case.rule),
        ("citation", &case.citation),
        ("worked", &case.worked),
    ] {
        if v.trim().is_empty() {
            return Err(format!("{id}: `{name}` is empty"));
        }
    }
    match (&case.expect, &case.expect_error) {
        (Some(_), Some(_)) => Err(format!("{id}: give `expect` or `expect_error`, not both")),
        (None, None) => Err(format!("{id}: needs `expect` or `expect_error`")),
        _ => Ok(case),
    }
}

/// The date used when an invalid household cannot even say its own `as_of`.
const FALLBACK_DATE: Date = Date {
    year: 2024,
    month: 1,
    day: 1,
};

/// Runs one case and returns every mismatch, each naming the case, scheme, field, expected
/// and actual value.
pub fn check(case_json: &str) -> Result<(), Vec<String>> {
    let case = parse(case_json).map_err(|e| vec![e])?;
    let id = case.id.as_str();
    let text = case.household.to_string();
    let parsed = rules::validate::parse(&text);

    if let Some(want) = &case.expect_error {
        let got = parsed.and_then(|h| {
            let today = h.as_of.unwrap_or(FALLBACK_DATE);
            rules::evaluate_on(&h, today)
        });
        return match got {
            Ok(_) => Err(vec![format!(
                "{id}: expected an input error naming `{}`, but the household was accepted",
                want.field
            )]),
            Err(e) if e.field == want.field => Ok(()),
            Err(e) => Err(vec![format!(
                "{id}: error field: expected `{}`, got `{}` ({})",
                want.field, e.field, e.message_en
            )]),
        };
    }
    let h = parsed.map_err(|e| vec![format!("{id}: household rejected: {e}")])?;
    let Some(as_of) = h.as_of else {
        return Err(vec![format!(
            "{id}: household must set a fixed `as_of` (no dependence on today's date)"
        )]);
    };
    let result = rules::evaluate_on(&h, as_of)
        .map_err(|e| vec![format!("{id}: household rejected: {e}")])?;
    let expect = case.expect.as_ref().expect("checked by parse");
    let mut errs = Vec::new();
    compare(id, expect, &result, &mut errs);
    if errs.is_empty() {
        Ok(())
    } else {
        Err(errs)
    }
}

fn money(v: &str) -> Option<Decimal> {
    v.parse().ok()
}

fn show(d: Option<Decimal>) -> String {
    d.map_or("null".into(), |d| d.to_string())
}

/// Compares an optional money figure where the expectation may be a string or `null`.
fn money_field(
    errs: &mut Vec<String>,
    at: &str,
    want: &Option<serde_json::Value>,
    got: Option<Decimal>,
) {
    let Some(want) = want else { return };
    match want {
        serde_json::Value::Null => {
            if got.is_some() {
                errs.push(format!("{at}: expected null, got {}", show(got)));
            }
        }
        serde_json::Value::String(s) => match money(s) {
            Some(w) if Some(w) == got => {}
            Some(_) => errs.push(format!("{at}: expected {s}, got {}", show(got))),
            None => errs.push(format!("{at}: expectation `{s}` is not a number")),
        },
        other => errs.push(format!(
            "{at}: expectation must be a string such as \"612.00\" or null, not {other}"
        )),
    }
}

fn estimate_field(
    errs: &mut Vec<String>,
    at: &str,
    want: &Option<serde_json::Value>,
    got: Option<(Decimal, Decimal)>,
) {
    let Some(want) = want else { return };
    let got_s = got.map_or("no estimate".into(), |(l, h)| {
        if l == h {
            l.to_string()
        } else {
            format!("{l}–{h}")
        }
    });
    let expected: Option<(Option<Decimal>, Option<Decimal>)> = match want {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some((money(s), money(s))),
        serde_json::Value::Array(a) if a.len() == 2 => {
            let f = |v: &serde_json::Value| v.as_str().and_then(money);
            Some((f(&a[0]), f(&a[1])))
        }
        _ => Some((None, None)),
    };
    match (expected, got) {
        (None, None) => {}
        (None, Some(_)) => errs.push(format!("{at}: expected no estimate, got {got_s}")),
        (Some((Some(l), Some(h))), Some((gl, gh))) if l == gl && h == gh => {}
        (Some((Some(_), Some(_))), _) => errs.push(format!("{at}: expected {want}, got {got_s}")),
        (Some(_), _) => errs.push(format!(
            "{at}: expectation {want} must be \"264.00\", [\"low\", \"high\"] or null"
        )),
    }
}

fn set_field(errs: &mut Vec<String>, at: &str, want: &Option<Vec<String>>, got: &[String]) {
    let Some(want) = want else { return };
    let mut w = want.clone();
    w.sort();
    let mut g = got.to_vec();
    g.sort();
    if w != g {
        errs.push(format!("{at}: expected {w:?}, got {g:?}"));
    }
}

fn status_name(s: Status) -> &'static str {
    match s {
        Status::Likely => "likely",
        Status::Possible => "possible",
        Status::Unlikely => "unlikely",
    }
}

fn mentions(texts: &[&crate::rules::Text], word: &str) -> bool {
    texts
        .iter()
        .any(|t| t.zh.contains(word) || t.en.to_lowercase().contains(&word.to_lowercase()))
}

fn compare(id: &str, e: &Expect, r: &Evaluation, errs: &mut Vec<String>) {
    money_field(
        errs,
        &format!("{id}: per_capita_monthly_income"),
        &e.per_capita_monthly_income,
        r.per_capita_monthly_income,
    );
    if let Some(w) = &e.per_capita_monthly_income_at_least {
        money_field(
            errs,
            &format!("{id}: per_capita_monthly_income_at_least"),
            &Some(serde_json::Value::String(w.clone())),
            Some(r.per_capita_monthly_income_at_least),
        );
    }
    money_field(
        errs,
        &format!("{id}: household_monthly_income"),
        &e.household_monthly_income,
        r.household_monthly_income,
    );
    money_field(
        errs,
        &format!("{id}: dibao_standard_monthly"),
        &e.dibao_standard_monthly,
        r.dibao_standard_monthly,
    );
    money_field(
        errs,
        &format!("{id}: per_capita_yearly_income"),
        &e.per_capita_yearly_income,
        r.per_capita_yearly_income,
    );
    money_field(
        errs,
        &format!("{id}: dibao_standard_yearly"),
        &e.dibao_standard_yearly,
        r.dibao_standard_yearly,
    );
    if let Some(w) = e.dibao_standard_standing {
        if Some(w) != r.dibao_standard_standing {
            errs.push(format!(
                "{id}: dibao_standard_standing: expected {w:?}, got {:?}",
                r.dibao_standard_standing
            ));
        }
    }
    set_field(
        errs,
        &format!("{id}: members_counted"),
        &e.members_counted,
        &r.members_counted,
    );
    let excluded: Vec<String> = r
        .members_excluded
        .iter()
        .map(|x| x.member.clone())
        .collect();
    set_field(
        errs,
        &format!("{id}: members_excluded"),
        &e.members_excluded,
        &excluded,
    );
    // Whatever the case lists: a `possible` must always name what to check
    // (rules-decisions.md "Results"), for the scheme and for each person.
    for s in &r.schemes {
        let name = s.scheme.code();
        if s.status == Status::Possible && s.to_check.is_empty() {
            errs.push(format!(
                "{id}: {name}: `possible` without anything to check ({})",
                s.summary.en
            ));
        }
        for p in &s.people {
            if p.status == Status::Possible && p.to_check.is_empty() {
                errs.push(format!(
                    "{id}: {name}: people[{}]: `possible` without anything to check",
                    p.member
                ));
            }
        }
    }
    for (name, se) in &e.schemes {
        let Some(s) = SchemeId::ALL
            .iter()
            .find(|s| s.code() == name)
            .map(|&sid| r.scheme(sid))
        else {
            errs.push(format!("{id}: unknown scheme `{name}` in the expectation"));
            continue;
        };
        compare_scheme(&format!("{id}: {name}"), se, s, errs);
    }
    if let Some(re) = &e.recommendation {
        compare_recommendation(
            &format!("{id}: recommendation"),
            re,
            &r.recommendation,
            errs,
        );
    }
}

fn compare_recommendation(
    at: &str,
    e: &RecommendationExpect,
    r: &crate::rules::recommendation::Recommendation,
    errs: &mut Vec<String>,
) {
    let codes = |parts: &[&crate::rules::recommendation::PathPart]| -> Vec<String> {
        parts.iter().map(|p| p.scheme.code().to_string()).collect()
    };
    let want: Vec<String> = e.recommended.iter().map(|p| p.scheme.clone()).collect();
    let got = codes(&r.recommended.iter().collect::<Vec<_>>());
    if want != got {
        errs.push(format!("{at}: recommended: expected {want:?}, got {got:?}"));
        return;
    }
    for (i, (pe, p)) in e.recommended.iter().zip(&r.recommended).enumerate() {
        let pat = format!("{at}: recommended[{i}] {}", pe.scheme);
        set_field(errs, &format!("{pat}: members"), &pe.members, &p.members);
        let amount = p.amount.as_ref().map(|a| (a.low, a.high));
        estimate_field(errs, &format!("{pat}: amount"), &pe.amount, amount);
        if let Some(u) = &pe.unit {
            let got = p
                .amount
                .as_ref()
                .map(|a| serde_json::to_value(a.unit).unwrap_or_default());
            if got.as_ref().and_then(|g| g.as_str()) != Some(u.as_str()) {
                errs.push(format!("{pat}: unit: expected {u}, got {got:?}"));
            }
        }
    }
    if let Some(want) = &e.alternatives {
        let got = codes(
            &r.alternatives
                .iter()
                .map(|a| &a.parts[0])
                .collect::<Vec<_>>(),
        );
        if want != &got {
            errs.push(format!(
                "{at}: alternatives: expected {want:?}, got {got:?}"
            ));
        }
    }
    if let Some(want) = &e.in_addition {
        let got = codes(&r.in_addition.iter().collect::<Vec<_>>());
        if want != &got {
            errs.push(format!("{at}: in_addition: expected {want:?}, got {got:?}"));
        }
    }
}

fn compare_scheme(at: &str, e: &SchemeExpect, s: &SchemeResult, errs: &mut Vec<String>) {
    if let Some(w) = e.status {
        if w != s.status {
            errs.push(format!(
                "{at}: status: expected {}, got {} ({})",
                status_name(w),
                status_name(s.status),
                s.summary.en
            ));
        }
    }
    set_field(errs, &format!("{at}: members"), &e.members, &s.members);
    let est = s.estimate.as_ref().map(|x| (x.monthly_low, x.monthly_high));
    estimate_field(errs, &format!("{at}: estimate"), &e.estimate_monthly, est);
    if let Some(w) = e.estimate_approximate {
        match &s.estimate {
            Some(x) if x.approximate == w => {}
            Some(x) => errs.push(format!(
                "{at}: estimate.approximate: expected {w}, got {}",
                x.approximate
            )),
            None => errs.push(format!(
                "{at}: estimate.approximate: expected {w}, got no estimate"
            )),
        }
    }
    if let Some(d) = &e.distance {
        match &s.distance {
            None => errs.push(format!("{at}: distance: expected one, got none")),
            Some(g) => {
                if let Some(side) = d.side {
                    if side != g.side {
                        errs.push(format!(
                            "{at}: distance.side: expected {side:?}, got {:?}",
                            g.side
                        ));
                    }
                }
                for (name, want, got) in [
                    (
                        "per_capita_monthly",
                        &d.per_capita_monthly,
                        g.per_capita_monthly,
                    ),
                    (
                        "household_monthly",
                        &d.household_monthly,
                        g.household_monthly,
                    ),
                    (
                        "line_per_capita_monthly",
                        &d.line_per_capita_monthly,
                        g.line_per_capita_monthly,
                    ),
                ] {
                    money_field(
                        errs,
                        &format!("{at}: distance.{name}"),
                        &want.clone().map(serde_json::Value::String),
                        Some(got),
                    );
                }
            }
        }
    }
    let checks: Vec<&crate::rules::Text> = s.to_check.iter().map(|c| &c.text).collect();
    for w in &e.depends_on {
        if !mentions(&checks, w) {
            errs.push(format!(
                "{at}: to_check: expected a mention of `{w}`, got [{}]",
                checks
                    .iter()
                    .map(|t| t.en.as_ref())
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
        }
    }
    let mut texts: Vec<&crate::rules::Text> = vec![&s.summary];
    texts.extend(s.reasons.iter().map(|r| &r.text));
    for w in &e.text_contains {
        if !mentions(&texts, w) {
            errs.push(format!(
                "{at}: summary/reasons: expected a mention of `{w}`, got summary `{}`",
                s.summary.en
            ));
        }
    }
    for (member, pe) in &e.people {
        let pat = format!("{at}: people[{member}]");
        let Some(p) = s.people.iter().find(|p| &p.member == member) else {
            errs.push(format!("{pat}: no per-person result for this member"));
            continue;
        };
        if let Some(w) = pe.status {
            if w != p.status {
                errs.push(format!(
                    "{pat}: status: expected {}, got {}",
                    status_name(w),
                    status_name(p.status)
                ));
            }
        }
        let est = p.estimate.as_ref().map(|x| (x.monthly_low, x.monthly_high));
        estimate_field(errs, &format!("{pat}: estimate"), &pe.estimate_monthly, est);
        let checks: Vec<&crate::rules::Text> = p.to_check.iter().map(|c| &c.text).collect();
        for w in &pe.depends_on {
            if !mentions(&checks, w) {
                errs.push(format!(
                    "{pat}: to_check: expected a mention of `{w}`, got [{}]",
                    checks
                        .iter()
                        .map(|t| t.en.as_ref())
                        .collect::<Vec<_>>()
                        .join("; ")
                ));
            }
        }
    }
}
