//! One short card per scheme: the status in words, icon and colour (never colour alone), the
//! estimated amount with its true unit (per month, per year, one-off), the one-sentence reason
//! (per person for tekun and the one-person carve-out) and what to check when the answer is
//! "possible"; behind one tap the distance to the line, how the amount is worked out, who is
//! covered, what the status unlocks and the reasons with their sources.

use yew::prelude::*;

use super::cite::{pick, reason_item};
use super::members::{member_label, member_list};
use super::money::{figure, per_unit};
use crate::i18n::{t, tf, Lang};
use crate::rules::outcome::{Distance, Estimate, PersonResult, Side};
use crate::rules::{Household, SchemeResult, Status};

/// `likely` / `possible` / `unlikely`: the CSS class (colour, border style) and the data
/// attribute tests look for; the icon and words carry the meaning.
pub fn status_code(status: Status) -> &'static str {
    match status {
        Status::Likely => "likely",
        Status::Possible => "possible",
        Status::Unlikely => "unlikely",
    }
}

/// The status as icon + words; the icon is decoration for screen readers.
pub fn status_badge(lang: Lang, status: Status) -> Html {
    html! {
        <p class={classes!("result-status", format!("result-status-{}", status_code(status)))}>
            <span class="result-icon" aria-hidden="true">{ status.icon() }</span>
            <span class="result-status-words">{ pick(lang, &status.label()) }</span>
        </p>
    }
}

/// One short card per scheme: name, status, the amount with its unit, one sentence, what to
/// check; the reasons, the calculation and the sources one tap away (`<details>`). An unlikely
/// scheme is name and status, with its reasons behind the same tap.
/// `second`: for a scheme that is only an alternative path, why it comes second (shown under
/// the status, so the card is never read as a second payment).
pub fn scheme_card(
    lang: Lang,
    h: &Household,
    s: &SchemeResult,
    id_prefix: &str,
    second: Option<&crate::rules::Text>,
) -> Html {
    let code = s.scheme.code();
    let heading_id = format!("{id_prefix}-card-{code}");
    let per_person = !s.people.is_empty();
    let unlikely = s.status == Status::Unlikely;
    html! {
        <li class={classes!("result-card", format!("result-card-{}", status_code(s.status)))}
            data-scheme={code} data-status={status_code(s.status)}>
            <article aria-labelledby={heading_id.clone()}>
                <h4 id={heading_id}>{ pick(lang, &s.scheme.label()) }</h4>
                { status_badge(lang, s.status) }
                if let Some(w) = second {
                    <p class="result-second" data-testid="second-because">{ pick(lang, w) }</p>
                }
                { for s.estimate.as_ref().filter(|_| !per_person && !unlikely).map(|e| estimate(lang, e)) }
                // Per-person schemes show each person instead of the household sentence.
                if !per_person && !unlikely {
                    <p class="result-summary">{ pick(lang, &s.summary) }</p>
                }
                if per_person && !unlikely {
                    { people(lang, h, &s.people) }
                }
                if !s.to_check.is_empty() {
                    <div class="result-check">
                        <h5>{ t(lang, "result.card.to_check") }</h5>
                        <ul>{ for s.to_check.iter().map(|r| reason_item(lang, r)) }</ul>
                    </div>
                }
                <details class="result-why">
                    <summary><span>{ t(lang, "result.card.more") }</span></summary>
                    if per_person || unlikely {
                        <p class="result-summary">{ pick(lang, &s.summary) }</p>
                    }
                    { for s.distance.as_ref().map(|d| distance(lang, h.residence, d)) }
                    { for s.estimate.as_ref().filter(|_| !per_person && !unlikely)
                        .map(|e| html! { <p class="result-basis">{ tf(lang, "result.estimate.basis", &[("basis", &pick(lang, &e.basis))]) }</p> }) }
                    if !per_person && !s.members.is_empty() {
                        <p class="result-members">
                            { tf(lang, "result.members.household", &[
                                ("n", &s.members.len().to_string()),
                                ("names", &member_list(h, &s.members, lang)),
                            ]) }
                        </p>
                    }
                    if !s.unlocks.is_empty() && !unlikely {
                        <div class="result-unlocks">
                            <h5>{ t(lang, "result.card.unlocks") }</h5>
                            <ul>{ for s.unlocks.iter().map(|r| reason_item(lang, r)) }</ul>
                        </div>
                    }
                    <h5>{ t(lang, "result.card.why") }</h5>
                    <ul>{ for s.reasons.iter().map(|r| reason_item(lang, r)) }</ul>
                    if per_person {
                        { people_reasons(lang, h, &s.people) }
                    }
                </details>
            </article>
        </li>
    }
}

/// "收入再增加 ¥264.00/月 仍在标准线内" / "超出 ¥88.00/月", per household and per person.
fn distance(lang: Lang, residence: crate::rules::household::Residence, d: &Distance) -> Html {
    // Rural: per year as published, the month alongside; a line that is not published and
    // current says so (super::yearly).
    let (sentence, line) = super::yearly::distance_sentence(lang, residence, d);
    let class = match d.side {
        Side::Below => "result-distance-below",
        Side::Above => "result-distance-above",
    };
    html! {
        <p class={classes!("result-distance", class)}>
            { sentence }
            <span class="result-line">{ line }</span>
        </p>
    }
}

/// The estimated amount, large, with its true unit (每月, 每年, 一次性); "约" for approximate
/// figures, "最多" for a ceiling.
fn estimate(lang: Lang, e: &Estimate) -> Html {
    html! {
        <p class="result-estimate result-estimate-figure" data-testid="estimate">
            <span class="result-estimate-label">{ t(lang, "result.estimate.label") }</span>
            { " " }
            <strong class="result-money">{ figure(lang, e.monthly_low, e.monthly_high, e.approximate) }</strong>
            { " " }
            <span class="result-per">{ per_unit(lang, e.unit) }</span>
        </p>
    }
}

/// Per-person schemes: each member in one line — name, status, amount — and what to check.
fn people(lang: Lang, h: &Household, people: &[PersonResult]) -> Html {
    html! {
        <div class="result-people">
            <h5>{ t(lang, "result.card.people") }</h5>
            <ul>
                { for people.iter().map(|p| {
                    let who = member_label(h, &p.member, lang);
                    html! {
                        <li class={classes!("result-person", format!("result-card-{}", status_code(p.status)))}
                            data-member={p.member.clone()} data-status={status_code(p.status)}>
                            <p class="result-person-name"><strong>{ who }</strong></p>
                            { status_badge(lang, p.status) }
                            { for p.estimate.as_ref().filter(|_| p.status != Status::Unlikely).map(|e| estimate(lang, e)) }
                            if !p.to_check.is_empty() {
                                <p class="result-check-title">{ t(lang, "result.card.to_check") }</p>
                                <ul>{ for p.to_check.iter().map(|r| reason_item(lang, r)) }</ul>
                            }
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

/// Each person's reasons (behind the card's "reasons" tap).
fn people_reasons(lang: Lang, h: &Household, people: &[PersonResult]) -> Html {
    html! {
        <ul class="result-person-reasons">
            { for people.iter().map(|p| html! {
                <li data-member={p.member.clone()}>
                    <strong>{ member_label(h, &p.member, lang) }{ lang.pick("：", ": ") }</strong>
                    { pick(lang, &p.status.label()) }
                    <ul>{ for p.reasons.iter().map(|r| html! { <li>{ pick(lang, &r.text) }</li> }) }</ul>
                    { for p.estimate.as_ref().map(|e| html! {
                        <p class="result-basis">{ tf(lang, "result.estimate.basis", &[("basis", &pick(lang, &e.basis))]) }</p>
                    }) }
                </li>
            }) }
        </ul>
    }
}
