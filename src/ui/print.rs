//! The printable summary (办事清单): one A4 page in large type that a resident takes to the
//! township or street window — the result per scheme with the reason and the figures, the
//! household, the documents to bring, where to go, the timeline, the rules version and parameter
//! date, and "this is an estimate, not a decision".
//!
//! [`PrintSummary`] is in the page with the `hidden` attribute, so on screen (and to screen
//! readers) it does not exist; `www/print.css` shows it under `@media print` and hides everything
//! else (the controls, the flow, the result screen). [`PrintButton`] calls `window.print()`,
//! where the browser also offers "save as PDF". The layout stays on one page for a typical
//! household by keeping only what the window needs: schemes that are likely or possible in
//! full, the others as one line; documents and the timeline as short lists; sources left to the
//! result screen.

use std::rc::Rc;

use yew::prelude::*;

use super::result::card::status_code;
use super::result::cite::pick;
use super::result::members::member_list;
use super::result::money::{figure, per_unit, yuan};
use crate::i18n::{t, tf, Lang};
use crate::rules::household::Residence;
use crate::rules::{Evaluation, Household, SchemeResult, Status};

#[derive(Properties, PartialEq)]
pub struct PrintButtonProps {
    /// The line under the button ("print it or save as PDF …"); off among the result's first
    /// buttons, where space is short.
    #[prop_or(true)]
    pub hint: bool,
}

/// "打印办事清单": opens the browser's print window (print or save as PDF).
#[component]
pub fn PrintButton(p: &PrintButtonProps) -> Html {
    let ui = use_ui_lang();
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <div class="print-action">
            <button type="button" class="primary" onclick={print} data-testid="print">
                <span aria-hidden="true">{"🖨 "}</span>{ t(ui, "print.button") }
            </button>
            if p.hint {
                <p class="hint">{ t(ui, "print.hint") }</p>
            }
        </div>
    }
}

#[hook]
fn use_ui_lang() -> Lang {
    super::fields::use_ui().lang
}

#[derive(Properties, PartialEq)]
pub struct PrintSummaryProps {
    pub evaluation: Rc<Evaluation>,
    pub household: Rc<Household>,
    pub lang: Lang,
}

/// The newest effective date among the parameters used (as on the result screen's stamp).
fn parameters_date(ev: &Evaluation) -> String {
    ev.parameters
        .iter()
        .filter_map(|p| p.effective)
        .max()
        .unwrap_or(ev.as_of)
        .to_string()
}

/// `：` in Chinese, `: ` in English.
fn colon(lang: Lang) -> &'static str {
    lang.pick("：", ": ")
}

fn sep(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "、",
        Lang::En => "; ",
    }
}

/// One scheme that is likely or possible: status, name, reason and figures. `checks` are its
/// things to check not already listed under an earlier scheme (the same unpublished figure often
/// matters to several schemes; the page says it once).
fn scheme(lang: Lang, h: &Household, s: &SchemeResult, checks: &[String]) -> Html {
    let per_person = !s.people.is_empty();
    let distance = s.distance.as_ref().map(|d| {
        let (sentence, line) = crate::ui::result::yearly::distance_plain(lang, h.residence, d);
        format!("{sentence} {line}")
    });
    let estimate = s.estimate.as_ref().filter(|_| !per_person).map(|e| {
        format!(
            "{}{}{}{}",
            tf(
                lang,
                "print.estimate",
                &[
                    (
                        "amount",
                        &figure(lang, e.monthly_low, e.monthly_high, e.approximate)
                    ),
                    ("unit", per_unit(lang, e.unit)),
                ]
            ),
            lang.pick("（", " ("),
            pick(lang, &e.basis),
            lang.pick("）", ")"),
        )
    });
    html! {
        <li class={classes!("print-scheme", format!("print-{}", status_code(s.status)))}
            data-scheme={s.scheme.code()} data-status={status_code(s.status)}>
            <p class="print-scheme-head">
                <span aria-hidden="true">{ s.status.icon() }{" "}</span>
                <strong>{ pick(lang, &s.scheme.label()) }</strong>{ colon(lang) }
                <strong>{ pick(lang, &s.status.label()) }</strong>
            </p>
            if per_person {
                <ul class="print-people">
                    { for s.people.iter().filter(|p| p.status != Status::Unlikely).map(|p| html! {
                        <li>
                            { member_list(h, std::slice::from_ref(&p.member), lang) }{ colon(lang) }
                            { pick(lang, &p.status.label()) }
                            { for p.reasons.first().map(|r| format!(" — {}", pick(lang, &r.text))) }
                            { for p.estimate.as_ref().map(|e| format!("{}{}", lang.pick("；", "; "), tf(lang, "print.estimate",
                                &[("amount", &figure(lang, e.monthly_low, e.monthly_high, e.approximate)), ("unit", per_unit(lang, e.unit))]))) }
                        </li>
                    }) }
                </ul>
            } else {
                <p>{ pick(lang, &s.summary) }</p>
            }
            { for distance.map(|d| html! { <p>{ d }</p> }) }
            { for estimate.map(|e| html! { <p class="print-estimate">{ e }</p> }) }
            if !checks.is_empty() {
                <p>{ t(lang, "result.card.to_check") }{ colon(lang) }
                    { checks.join(sep(lang)) }
                </p>
            } else if !s.to_check.is_empty() {
                <p>{ t(lang, "print.to_check_above") }</p>
            }
        </li>
    }
}

/// The checklist, for print only (see the module docs).
#[component]
pub fn PrintSummary(p: &PrintSummaryProps) -> Html {
    let ev = &p.evaluation;
    let h = &p.household;
    let lang = p.lang;
    let mut schemes: Vec<&SchemeResult> = ev.schemes.iter().collect();
    schemes.sort_by_key(|s| s.status);
    let (hopeful, unlikely): (Vec<&SchemeResult>, Vec<&SchemeResult>) = schemes
        .into_iter()
        .partition(|s| s.status != Status::Unlikely);
    let unlikely_names = unlikely
        .iter()
        .map(|s| pick(lang, &s.scheme.label()))
        .collect::<Vec<_>>()
        .join(sep(lang));
    let residence = match ev.residence {
        Residence::Urban => t(lang, "result.overview.urban"),
        Residence::Rural => t(lang, "result.overview.rural"),
    };
    let income = match (ev.household_monthly_income, ev.per_capita_monthly_income) {
        (Some(hh), Some(pc)) if ev.residence == Residence::Rural => Some(tf(
            lang,
            "print.income_rural",
            &[
                ("household", &yuan(hh)),
                (
                    "per_capita",
                    &crate::ui::result::yearly::per_person(
                        lang,
                        ev.residence,
                        pc,
                        ev.per_capita_yearly_income,
                    ),
                ),
            ],
        )),
        (Some(hh), Some(pc)) => Some(tf(
            lang,
            "print.income",
            &[("household", &yuan(hh)), ("per_capita", &yuan(pc))],
        )),
        _ => None,
    };
    let names = member_list(h, &ev.members_counted, lang);
    // Each thing to check once, under the first scheme that needs it.
    let mut seen = std::collections::BTreeSet::new();
    let new_checks: Vec<Vec<String>> = hopeful
        .iter()
        .map(|s| {
            s.to_check
                .iter()
                .map(|r| pick(lang, &r.text))
                .filter(|c| seen.insert(c.clone()))
                .collect()
        })
        .collect();
    let n = &ev.next_steps;
    // A standard the resident typed ("I know my local standard") is said to be theirs.
    let by_you = ev.parameters.iter().any(|p| {
        p.name.starts_with("dibao_")
            && p.provided_by.as_deref() == Some(crate::answers::PROVIDED_BY_YOU)
    });
    html! {
        <section class="jz-print" hidden=true lang={lang.tag()} data-testid="print-summary">
            <header class="print-header">
                <h2>{ t(lang, "print.title") }</h2>
                <p class="print-sub">{ t(lang, "print.subtitle") }</p>
            </header>
            <h3>{ t(lang, "print.household") }</h3>
            <ul class="print-facts">
                <li>{ t(lang, "print.region") }{ colon(lang) }{ pick(lang, &ev.region_name) }{ " · " }{ residence }
                    { " · " }{ t(lang, "print.date") }{ colon(lang) }{ ev.as_of.to_string() }</li>
                <li>{ t(lang, "print.members") }{ colon(lang) }{ tf(lang, "print.members_count", &[("n", &ev.members_counted.len().to_string()), ("names", &names)]) }</li>
                if let Some(i) = income { <li>{ i }</li> }
                if let Some(s) = ev.dibao_standard_monthly {
                    <li>{ standard_line(lang, ev, s) }
                        if by_you { { t(lang, "print.standard_by_you") } }</li>
                }
            </ul>
            <h3>{ t(lang, "print.results") }</h3>
            <p class="print-path" data-testid="print-path"><strong>{ t(lang, "print.path") }</strong>{ pick(lang, &ev.recommendation.summary) }</p>
            <ul class="print-schemes">
                { for hopeful.iter().zip(new_checks.iter()).map(|(s, c)| scheme(lang, h, s, c)) }
            </ul>
            if !unlikely.is_empty() {
                <p class="print-unlikely">
                    <span aria-hidden="true">{ Status::Unlikely.icon() }{" "}</span>
                    { tf(lang, "print.others_unlikely", &[("names", &unlikely_names)]) }
                </p>
            }
            // The three lists flow through two balanced columns. The hotline is for questions,
            // not a place to apply: it stays on the result screen.
            <div class="print-columns">
                <h3>{ t(lang, "result.next.documents") }</h3>
                <ul class="print-list">{ for n.documents.iter().map(|r| html! { <li>{ pick(lang, &r.text) }</li> }) }</ul>
                <h3>{ t(lang, "result.next.where") }</h3>
                <ul class="print-list">{ for n.channels.iter().filter(|c| c.kind != "hotline").map(|c| html! { <li>{ pick(lang, &c.text) }</li> }) }</ul>
                <h3>{ t(lang, "result.next.timeline") }</h3>
                <ul class="print-list">{ for n.timeline.iter().map(|r| html! { <li>{ pick(lang, &r.text) }</li> }) }</ul>
            </div>
            <footer class="print-stamp">
                <p><strong>{ t(lang, "result.stamp.estimate") }</strong>{ " " }{ pick(lang, &ev.disclaimer) }
                    { " " }{ tf(lang, "result.stamp.versions", &[
                        ("rules", &ev.rules_version),
                        ("as_of", &ev.as_of.to_string()),
                        ("params", &parameters_date(ev)),
                    ]) }</p>
            </footer>
        </section>
    }
}

/// The local standard: per year for rural households, and how firm it is when it is not
/// published and current.
fn standard_line(lang: Lang, ev: &Evaluation, monthly: rust_decimal::Decimal) -> String {
    use crate::ui::result::yearly;
    let base = match (ev.residence, ev.dibao_standard_yearly) {
        (Residence::Rural, Some(_)) => tf(
            lang,
            "print.standard_rural",
            &[(
                "standard",
                &yearly::per_person(lang, ev.residence, monthly, ev.dibao_standard_yearly),
            )],
        ),
        _ => tf(lang, "print.standard", &[("standard", &yuan(monthly))]),
    };
    match yearly::standing_note(lang, ev.dibao_standard_standing) {
        Some(note) => format!("{base}{note}"),
        None => base,
    }
}
