//! The first screen of the result: the **one path** to act on first (the engine's
//! `recommendation`: which schemes, for whom, the amount with its true unit — per month, per year
//! or one-off), what comes in addition (临时救助), the next step (where to apply, what to bring)
//! and the actions the app passes in (print, hand-over, apply). The other paths, each with why it
//! comes second and the rule that the two are not received together, are one tap away.
//!
//! The engine decides the path (`src/rules/recommendation.rs`); this file only lays it out.

use yew::prelude::*;

use super::card::{status_badge, status_code};
use super::cite::{pick, source_note};
use super::money::{figure, per_unit};
use crate::i18n::{t, tf, Lang};
use crate::rules::next_steps::NextSteps;
use crate::rules::recommendation::{Alternative, PathPart, Recommendation};

/// How many documents the first screen names (the full list is under "how to apply").
const FIRST_DOCUMENTS: usize = 1;

/// The first clause of a channel's sentence (up to `；`, `，`, ` — ` or `; `): the place itself.
/// The whole sentence is under "how to apply".
pub fn first_clause(s: &str) -> &str {
    ["；", "，", " — ", "; "]
        .iter()
        .filter_map(|sep| s.find(sep))
        .min()
        .map_or(s, |i| &s[..i])
}

/// One scheme of a path: name, for whom, status, amount with its unit (or what it gives).
pub fn part(lang: Lang, p: &PathPart) -> Html {
    let who = pick(lang, &p.who);
    html! {
        <li class={classes!("result-path-part", format!("result-card-{}", status_code(p.status)))}
            data-scheme={p.scheme.code()} data-status={status_code(p.status)}>
            <p class="result-path-name">
                <strong>{ pick(lang, &p.scheme.label()) }</strong>
                if !who.is_empty() {
                    <span class="result-path-who">{ tf(lang, "result.path.for", &[("who", &who)]) }</span>
                }
            </p>
            <div class="result-path-line">
                { status_badge(lang, p.status) }
                if let Some(a) = &p.amount {
                    <p class="result-path-amount" data-testid="path-amount">
                        <strong class="result-money">{ figure(lang, a.low, a.high, a.approximate) }</strong>
                        { " " }
                        <span class="result-per">{ per_unit(lang, a.unit) }</span>
                    </p>
                }
            </div>
            if let Some(n) = &p.note {
                <p class="result-path-note">{ pick(lang, n) }</p>
            }
        </li>
    }
}

fn alternative(lang: Lang, a: &Alternative) -> Html {
    html! {
        <li class="result-alternative" data-testid="alternative">
            <p class="result-why-second">{ pick(lang, &a.why_second) }</p>
            <ul class="result-path-parts">{ for a.parts.iter().map(|p| part(lang, p)) }</ul>
            <p class="result-not-together">
                { t(lang, "result.path.not_together") }{ pick(lang, &a.not_together.text) }
                { source_note(lang, a.not_together.source.as_ref()) }
            </p>
        </li>
    }
}

/// The recommended path and what comes in addition.
pub fn recommendation(lang: Lang, r: &Recommendation, heading_id: &str) -> Html {
    html! {
        <section class="result-path" aria-labelledby={heading_id.to_string()} data-testid="recommendation">
            <h3 id={heading_id.to_string()}>{ t(lang, "result.path.title") }</h3>
            if r.recommended.is_empty() {
                <p class="result-summary" data-testid="path-none">{ pick(lang, &r.summary) }</p>
            } else {
                <ul class="result-path-parts" data-testid="recommended">
                    { for r.recommended.iter().map(|p| part(lang, p)) }
                </ul>
            }
            if !r.in_addition.is_empty() {
                <p class="result-path-also">{ t(lang, "result.path.in_addition") }</p>
                <ul class="result-path-parts" data-testid="in-addition">
                    { for r.in_addition.iter().map(|p| part(lang, p)) }
                </ul>
            }
        </section>
    }
}

/// The other paths, each with why it comes second and the rule that the two are not received
/// together: one tap away, after the next step.
pub fn alternatives(lang: Lang, r: &Recommendation) -> Html {
    if r.alternatives.is_empty() {
        return Html::default();
    }
    html! {
        <details class="result-alternatives" data-testid="alternatives">
            <summary><span>{ tf(lang, "result.path.alternatives", &[("n", &r.alternatives.len().to_string())]) }</span></summary>
            <ul class="result-alternative-list">{ for r.alternatives.iter().map(|a| alternative(lang, a)) }</ul>
        </details>
    }
}

/// The next step in two lines: where to apply (the window, else the first channel) and the
/// first documents to bring; the full lists are under "how to apply".
pub fn first_step(lang: Lang, n: &NextSteps, heading_id: &str) -> Html {
    let place = n
        .channels
        .iter()
        .find(|c| c.kind == "window")
        .or_else(|| n.channels.iter().find(|c| c.kind != "hotline"));
    let docs: Vec<String> = n
        .documents
        .iter()
        .take(FIRST_DOCUMENTS)
        .map(|d| pick(lang, &d.text))
        .collect();
    let more = n.documents.len().saturating_sub(FIRST_DOCUMENTS);
    html! {
        <section class="result-first-step" aria-labelledby={heading_id.to_string()} data-testid="first-step">
            <h3 id={heading_id.to_string()}>{ t(lang, "result.first.next") }</h3>
            if let Some(c) = place {
                <p><strong>{ t(lang, "result.first.where") }</strong>{ first_clause(&pick(lang, &c.text)).to_string() }</p>
            }
            if !docs.is_empty() {
                <p><strong>{ t(lang, "result.first.bring") }</strong>{ docs.join(lang.pick("；", "; ")) }
                    if more > 0 { { tf(lang, "result.first.bring_more", &[("n", &more.to_string())]) } }
                </p>
            }
        </section>
    }
}
