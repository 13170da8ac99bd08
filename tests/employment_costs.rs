//! Wages are counted "扣除必要的就业成本" (net of the necessary costs of working; national
//! principle, policy-research.md §3.3); the amount is set locally.
//!
//! Where the region publishes it (or a portal provides it), it is deducted from each wage
//! earner's wages. Where it is not published, wages are counted in full — the cautious reading:
//! a household is never told it is below a line because of a deduction nobody has confirmed —
//! and the calculation trace says that nothing was deducted and why.

use jiuzhu::rules::evaluate_json;
use rust_decimal::Decimal;

/// One wage earner in 西山区 (the deduction is not published there), 2,000 yuan a month.
fn earner(params: &str) -> String {
    format!(
        r#"{{"schema": 1, "region": "530112", "residence": "urban", "as_of": "2024-09-01",
            "members": [{{"id": "m1", "relation": "applicant", "age": 40, "work": "employed",
              "income": [{{"type": "wages", "amount": 2000, "period": "month"}}]}}],
            "params": {params}}}"#
    )
}

fn trace_text(json: &str) -> String {
    let ev = evaluate_json(json).expect("valid household");
    ev.trace
        .iter()
        .map(|l| format!("{} | {}", l.text.zh, l.text.en))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn not_published_wages_counted_in_full_and_the_trace_says_so() {
    let ev = evaluate_json(&earner("{}")).unwrap();
    assert_eq!(ev.per_capita_monthly_income, Some(Decimal::from(2000)));
    let trace = trace_text(&earner("{}"));
    assert!(
        trace.contains("当地就业成本扣除标准未公布，未扣除"),
        "{trace}"
    );
    assert!(trace.contains("none deducted"), "{trace}");
}

#[test]
fn provided_deduction_is_taken_off_the_wages() {
    // 2,000 − 300 = 1,700 a month for a household of one.
    let json = earner(r#"{"employment_cost_deduction_monthly": 300}"#);
    let ev = evaluate_json(&json).unwrap();
    assert_eq!(ev.per_capita_monthly_income, Some(Decimal::from(1700)));
    let trace = trace_text(&json);
    assert!(!trace.contains("未扣除"), "{trace}");
    assert!(trace.contains("扣除就业成本"), "{trace}");
}
