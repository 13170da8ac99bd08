//! One card per scheme: the status in words, icon and colour (never colour alone), the
//! one-sentence reason with the numbers, the distance to the line, the estimated amount, who is
//! covered (per person for tekun and the one-person carve-out), what the status unlocks, what to
//! check when the answer is "possible", and the reasons with their sources.

use yew::prelude::*;

use super::cite::{pick, reason_item};
use super::members::{member_label, member_list};
use super::money::yuan_range;
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

pub fn scheme_card(lang: Lang, h: &Household, s: &SchemeResult, id_prefix: &str) -> Html {
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
                // Per-person schemes list each person's reasons below; the summary would repeat them.
                if !per_person || unlikely {
                    <p class="result-summary">{ pick(lang, &s.summary) }</p>
                }
                { for s.distance.as_ref().map(|d| distance(lang, h.residence, d)) }
                { for s.estimate.as_ref().filter(|_| !per_person).map(|e| estimate(lang, e)) }
                if !per_person && !s.members.is_empty() {
                    <p class="result-members">
                        { tf(lang, "result.members.household", &[
                            ("n", &s.members.len().to_string()),
                            ("names", &member_list(h, &s.members, lang)),
                        ]) }
                    </p>
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
                if !s.unlocks.is_empty() && !unlikely {
                    <div class="result-unlocks">
                        <h5>{ t(lang, "result.card.unlocks") }</h5>
                        <ul>{ for s.unlocks.iter().map(|r| reason_item(lang, r)) }</ul>
                    </div>
                }
                <details class="result-why">
                    <summary><span>{ t(lang, "result.card.why") }</span></summary>
                    <ul>{ for s.reasons.iter().map(|r| reason_item(lang, r)) }</ul>
                    if per_person && unlikely {
                        { people(lang, h, &s.people) }
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

/// The estimated monthly amount, large; a range and "about" for approximate figures.
fn estimate(lang: Lang, e: &Estimate) -> Html {
    let amount = yuan_range(e.monthly_low, e.monthly_high);
    let label = if e.approximate {
        t(lang, "result.estimate.label_approx")
    } else {
        t(lang, "result.estimate.label")
    };
    html! {
        <div class="result-estimate" data-testid="estimate">
            <p class="result-estimate-figure">
                <span class="result-estimate-label">{ label }</span>
                { " " }
                <strong class="result-money">{ amount }</strong>
                { " " }
                <span class="result-per-month">{ t(lang, "result.estimate.per_month") }</span>
            </p>
            <p class="result-basis">{ tf(lang, "result.estimate.basis", &[("basis", &pick(lang, &e.basis))]) }</p>
        </div>
    }
}

/// Per-person schemes: each member with their own status, reasons, amount and what to check.
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
                            <ul class="result-person-reasons">
                                { for p.reasons.iter().map(|r| html! { <li>{ pick(lang, &r.text) }</li> }) }
                            </ul>
                            { for p.estimate.as_ref().map(|e| estimate(lang, e)) }
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
