//! 我们是怎么算的 — "how we worked it out": the engine's calculation trace line by line (members
//! counted and excluded, incomes counted and not counted, deductions, per-capita income, the
//! standards) with each rule's source, then every parameter used with its value, the place that
//! set it, the date it took effect and how sure we are of it. A parameter nobody has published
//! shows as "depends on local rules", never as a guess.

use std::str::FromStr;

use rust_decimal::Decimal;
use yew::prelude::*;

use super::cite::{confidence_label, pick, source_note};
use super::members::member_label;
use super::money::yuan;
use crate::i18n::{t, tf, Lang};
use crate::rules::outcome::{ParameterUse, Standing};
use crate::rules::{Evaluation, Household};

pub fn working_out(lang: Lang, ev: &Evaluation, h: &Household) -> Html {
    html! {
        <details class="result-trace" data-testid="trace">
            <summary><span>{ t(lang, "result.trace.title") }</span></summary>
            <h4>{ t(lang, "result.trace.steps") }</h4>
            <ol class="result-trace-steps">
                { for ev.trace.iter().map(|line| html! {
                    <li>
                        <span class="result-reason">{ pick(lang, &line.text) }</span>
                        { source_note(lang, line.source.as_ref()) }
                    </li>
                }) }
            </ol>
            if !ev.members_excluded.is_empty() {
                <h4>{ t(lang, "result.trace.excluded") }</h4>
                <ul>
                    { for ev.members_excluded.iter().map(|m| html! {
                        <li>{ format!("{}: {}", member_label(h, &m.member, lang), pick(lang, &m.reason)) }</li>
                    }) }
                </ul>
            }
            <h4>{ t(lang, "result.trace.parameters") }</h4>
            <ul class="result-params">
                { for ev.parameters.iter().map(|p| parameter(lang, p)) }
            </ul>
        </details>
    }
}

fn parameter(lang: Lang, p: &ParameterUse) -> Html {
    let unknown = p.standing == Standing::Unknown || p.value.is_null();
    let value = if unknown {
        t(lang, "result.param.unknown").to_string()
    } else {
        value_text(lang, &p.value, &p.unit)
    };
    let place = p
        .region_name
        .as_ref()
        .map(|n| pick(lang, n))
        .or_else(|| p.region.clone())
        .unwrap_or_else(|| t(lang, "result.param.no_place").to_string());
    let effective = match p.effective {
        Some(d) => tf(lang, "result.param.effective", &[("date", &d.to_string())]),
        None => t(lang, "result.param.no_date").to_string(),
    };
    let standing = match p.standing {
        Standing::Published => t(lang, "result.standing.published"),
        Standing::Reference => t(lang, "result.standing.reference"),
        Standing::Override => t(lang, "result.standing.override"),
        Standing::Unknown => t(lang, "result.standing.unknown"),
        Standing::Floor => t(lang, "result.standing.floor"),
        Standing::Stale => t(lang, "result.standing.stale"),
    };
    html! {
        <li class={classes!("result-param", unknown.then_some("result-param-unknown"))}
            data-param={p.name.clone()}>
            <p>
                <strong>{ pick(lang, &p.label) }</strong>{ t(lang, "result.colon") }
                <span class="result-param-value">{ value }</span>
            </p>
            <p class="result-param-meta">
                { tf(lang, "result.param.place", &[("place", &place)]) }
                { " · " }{ effective }
                // For an unknown value the value itself already says "depends on local rules".
                if !unknown {
                    { " · " }{ standing }
                }
                { " · " }{ tf(lang, "result.param.confidence", &[("confidence", &confidence_label(lang, &p.confidence))]) }
            </p>
            if let Some(by) = &p.provided_by {
                <p class="result-param-meta">{ tf(lang, "result.param.provided_by", &[("who", by)]) }</p>
            }
            { source_note(lang, Some(&p.source)) }
        </li>
    }
}

/// A parameter value with its unit in words: `¥700.00 每人每月`, `7 天`, `1.5 倍`, `是`.
fn value_text(lang: Lang, v: &serde_json::Value, unit: &str) -> String {
    if let Some(b) = v.as_bool() {
        return yes_no(lang, b).to_string();
    }
    let raw = match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let Ok(n) = Decimal::from_str(&raw) else {
        return raw;
    };
    let plain = n.normalize().to_string();
    match unit {
        "yuan" => yuan(n),
        "yuan_per_person_month" => tf(
            lang,
            "result.unit.per_person_month",
            &[("amount", &yuan(n))],
        ),
        "yuan_per_person_year" => tf(lang, "result.unit.per_person_year", &[("amount", &yuan(n))]),
        "yuan_per_household_month" => tf(
            lang,
            "result.unit.per_household_month",
            &[("amount", &yuan(n))],
        ),
        "hours" => tf(lang, "result.unit.hours", &[("n", &plain)]),
        "days" => tf(lang, "result.unit.days", &[("n", &plain)]),
        "months" => tf(lang, "result.unit.months", &[("n", &plain)]),
        "years" => tf(lang, "result.unit.years", &[("n", &plain)]),
        "ratio" => tf(lang, "result.unit.ratio", &[("n", &plain)]),
        "flag" => yes_no(lang, !n.is_zero()).to_string(),
        _ => plain,
    }
}

fn yes_no(lang: Lang, b: bool) -> &'static str {
    if b {
        t(lang, "result.param.yes")
    } else {
        t(lang, "result.param.no")
    }
}
