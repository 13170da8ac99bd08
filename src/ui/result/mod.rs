//! The result screen (结果页), built to be acted on. The first screen: the **one path** to apply
//! for first with its amount and true unit (the engine's `recommendation`; alternatives one tap
//! away), the next step (where to apply, what to bring) and the buttons (print, hand-over,
//! apply — given by the app — and read aloud). Then a short card per scheme (status in words,
//! icon and colour; amount with unit; one sentence; what to check) with its reasons, distance,
//! calculation and sources behind one tap; then, each behind one tap, how it was worked out
//! (income, standard, the status-by-income chart, the trace) and how to apply in full; last the
//! stamp "this is an estimate, not a decision" with the rules version and the parameter date.
//!
//! Everything here only displays the engine's [`Evaluation`]: no policy logic lives in the UI.
//! All fixed strings come from the message catalogue (`data/i18n/result.json`, keys `result.*`);
//! the engine's own texts carry zh-CN and English and are picked by [`Lang`].
//!
//! - [`path`]: the recommended path, the alternatives and the next step (the first screen).
//! - [`card`]: one card per scheme, per-person detail for tekun and the one-person carve-out.
//! - [`trace`]: the calculation trace and the parameters with place, date and confidence.
//! - [`chart`]: the inline-SVG status-by-income chart with its text description.
//! - [`next_steps`]: channels, documents, timeline, rights and duties.
//! - [`read_aloud`]: speech synthesis of the summary.
//! - [`money`], [`members`], [`cite`]: amounts, member names and sources in words.
//!
//! Elder mode (大字模式): the `elder` prop adds the `elder` class (and larger chart text); the
//! sizes themselves are in `www/result.css`, which also applies under any ancestor `.elder`.

pub mod card;
pub mod chart;
pub mod cite;
pub mod members;
pub mod money;
pub mod next_steps;
pub mod path;
pub mod read_aloud;
pub mod trace;
pub mod yearly;

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{t, tf, Lang};
use crate::rules::household::Residence;
use crate::rules::{Evaluation, Household, SchemeResult};

pub use chart::IncomeChart;
pub use read_aloud::ReadAloud;

#[derive(Properties, PartialEq, Clone)]
pub struct ResultScreenProps {
    /// The engine's answer for `household`.
    pub evaluation: Rc<Evaluation>,
    /// The household the evaluation was worked out for (member names and ages in the cards).
    pub household: Rc<Household>,
    pub lang: Lang,
    /// 大字模式: larger text and targets.
    #[prop_or_default]
    pub elder: bool,
    /// Show the screen's own `<h2>` (off when the host page gives the heading).
    #[prop_or(true)]
    pub heading: bool,
    /// Prefix of the element ids inside the screen, so that several apps on one page never share
    /// an id (the app passes its own prefix).
    #[prop_or(AttrValue::Static("jz"))]
    pub id_prefix: AttrValue,
    /// The buttons of the first screen (print, hand-over, apply), given by the app.
    #[prop_or_default]
    pub actions: Html,
    /// Shown after the first screen: e.g. the questions not answered yet (given by the app).
    #[prop_or_default]
    pub notes: Html,
}

/// The cards in the order of the recommendation: the recommended path, what comes in addition,
/// the alternatives; then the rest, likely first, then possible, then unlikely (the engine's
/// order within each).
fn ordered(ev: &Evaluation) -> Vec<&SchemeResult> {
    let r = &ev.recommendation;
    let place = |s: &SchemeResult| {
        let is = |parts: &[crate::rules::recommendation::PathPart]| {
            parts.iter().any(|p| p.scheme == s.scheme)
        };
        if is(&r.recommended) {
            0
        } else if is(&r.in_addition) {
            1
        } else if r.alternatives.iter().any(|a| is(&a.parts)) {
            2
        } else {
            3
        }
    };
    let mut v: Vec<&SchemeResult> = ev.schemes.iter().collect();
    v.sort_by_key(|s| (place(s), s.status));
    v
}

/// For a scheme that is only an alternative path: why it comes second ("如未被认定为特困，可
/// 申请低保"), so its card is never read as a second payment.
fn second_because(ev: &Evaluation, s: &SchemeResult) -> Option<crate::rules::Text> {
    let r = &ev.recommendation;
    let in_path = r
        .recommended
        .iter()
        .chain(&r.in_addition)
        .any(|p| p.scheme == s.scheme);
    if in_path {
        return None;
    }
    r.alternatives
        .iter()
        .find(|a| a.parts.iter().any(|p| p.scheme == s.scheme))
        .map(|a| a.why_second.clone())
}

/// The newest effective date among the parameters used (the "parameter date" of the stamp).
fn parameters_date(ev: &Evaluation) -> Option<String> {
    ev.parameters
        .iter()
        .filter_map(|p| p.effective)
        .max()
        .map(|d| d.to_string())
}

/// The whole result screen for one evaluation.
#[component]
pub fn ResultScreen(props: &ResultScreenProps) -> Html {
    let ev = &props.evaluation;
    let h = &props.household;
    let lang = props.lang;
    let schemes = ordered(ev);
    // The amount alone is large and unbroken; words around it wrap normally.
    let rural = ev.residence == Residence::Rural;
    let per_capita = match ev.per_capita_monthly_income {
        Some(v) => {
            let shown = yearly::per_person(lang, ev.residence, v, ev.per_capita_yearly_income);
            html! { <strong class="result-money" data-testid="per-capita">{ shown }</strong> }
        }
        None if ev.per_capita_monthly_income_at_least > rust_decimal::Decimal::ZERO => html! {
            <span data-testid="per-capita">
                { t(lang, "result.overview.at_least") }{ " " }
                <strong class="result-money">{ money::yuan(ev.per_capita_monthly_income_at_least) }</strong>
                { " " }{ t(lang, "result.overview.some_unknown") }
            </span>
        },
        None => {
            html! { <span data-testid="per-capita">{ t(lang, "result.overview.unknown") }</span> }
        }
    };
    let household_income = ev.household_monthly_income.map(money::yuan);
    let standard = ev.dibao_standard_monthly.map(|m| {
        let shown = yearly::per_person(lang, ev.residence, m, ev.dibao_standard_yearly);
        match yearly::standing_note(lang, ev.dibao_standard_standing) {
            Some(note) => format!("{shown}{note}"),
            None => shown,
        }
    });
    let params_date = parameters_date(ev).unwrap_or_else(|| ev.as_of.to_string());
    let p = props.id_prefix.as_str();
    let id = |name: &str| format!("{p}-{name}");

    html! {
        <section class={classes!("result-screen", props.elder.then_some("elder"))}
                 lang={lang.tag()} aria-labelledby={id("result-h")} data-testid="result-screen">
            if props.heading {
                <h2 id={id("result-h")}>{ t(lang, "result.title") }</h2>
            } else {
                <h2 id={id("result-h")} class="result-sr-only">{ t(lang, "result.title") }</h2>
            }
            // The first screen: the one path, the next step, the buttons.
            { path::recommendation(lang, &ev.recommendation, &id("path-h")) }
            { path::first_step(lang, &ev.next_steps, &id("first-h")) }
            { path::alternatives(lang, &ev.recommendation) }
            if props.actions != Html::default() {
                <div class="result-actions" data-testid="result-actions">
                    { props.actions.clone() }
                    <ReadAloud evaluation={ev.clone()} {lang} />
                </div>
            } else {
                <ReadAloud evaluation={ev.clone()} {lang} />
            }
            { props.notes.clone() }
            <section class="result-schemes" aria-labelledby={id("schemes-h")}>
                <h3 id={id("schemes-h")}>{ t(lang, "result.schemes.title") }</h3>
                <ul class="result-cards">
                    { for schemes.iter().map(|s| card::scheme_card(lang, h, s, p, second_because(ev, s).as_ref())) }
                </ul>
            </section>
            // One tap away: how it was worked out, how to apply in full.
            <details class="result-how result-section" data-testid="working">
                <summary><span>{ t(lang, "result.details.working") }</span></summary>
                <dl class="result-overview">
                    <div>
                        <dt>{ t(lang, "result.overview.region") }</dt>
                        <dd data-testid="region">{ cite::pick(lang, &ev.region_name) }
                            { " · " }{ match ev.residence {
                                Residence::Urban => t(lang, "result.overview.urban"),
                                Residence::Rural => t(lang, "result.overview.rural"),
                            } }
                        </dd>
                    </div>
                    if let Some(hi) = household_income {
                        <div>
                            <dt>{ t(lang, "result.overview.household_income") }</dt>
                            <dd><strong class="result-money">{ hi }</strong></dd>
                        </div>
                    }
                    <div>
                        <dt>{ t(lang, if rural { "result.overview.per_capita_year" } else { "result.overview.per_capita" }) }</dt>
                        <dd>{ per_capita }</dd>
                    </div>
                    if let Some(std) = standard {
                        <div>
                            <dt>{ t(lang, if rural { "result.overview.standard_year" } else { "result.overview.standard" }) }</dt>
                            <dd><strong class="result-money">{ std }</strong></dd>
                        </div>
                    }
                </dl>
                <IncomeChart evaluation={ev.clone()} {lang} elder={props.elder} id_prefix={props.id_prefix.clone()} />
                <h3 id={id("how-h")}>{ t(lang, "result.trace.heading") }</h3>
                { trace::working_out(lang, ev, h) }
            </details>
            <details class="result-section" data-testid="how-to-apply">
                <summary><span>{ t(lang, "result.details.next") }</span></summary>
                { next_steps::next_steps(lang, &ev.next_steps, p) }
            </details>
            <footer class="result-stamp" data-testid="stamp">
                <p class="result-disclaimer"><strong>{ t(lang, "result.stamp.estimate") }</strong></p>
                <p>{ cite::pick(lang, &ev.disclaimer) }</p>
                <p>{ tf(lang, "result.stamp.versions", &[
                    ("rules", &ev.rules_version),
                    ("as_of", &ev.as_of.to_string()),
                    ("params", &params_date),
                ]) }</p>
            </footer>
        </section>
    }
}
