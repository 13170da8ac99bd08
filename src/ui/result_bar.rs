//! The live result bar: after every change, each scheme's status in words and an icon (never
//! colour alone), announced politely to screen readers; or what still needs an answer.

use yew::prelude::*;

use crate::i18n::t;

use super::fields::use_ui;
use super::state::{Outcome, Step};
use crate::i18n::tf;
use crate::rules::Status;

#[derive(Properties, PartialEq)]
pub struct ResultBarProps {
    pub outcome: Outcome,
    /// Opens a screen (the result, or the screen of the first answer to fix).
    pub go: Callback<Step>,
}

pub fn status_class(s: Status) -> &'static str {
    match s {
        Status::Likely => "status-likely",
        Status::Possible => "status-possible",
        Status::Unlikely => "status-unlikely",
    }
}

#[component]
pub fn ResultBar(p: &ResultBarProps) -> Html {
    let ui = use_ui();
    let lang = ui.lang;
    let (body, target) = match &p.outcome {
        Outcome::Evaluated { evaluation, .. } => (
            html! {
                <ul class="bar-list">
                    { for evaluation.schemes.iter().map(|s| {
                        let label = s.scheme.label();
                        let status = s.status.label();
                        html! {
                            <li class={status_class(s.status)} data-scheme={s.scheme.code()} data-status={format!("{:?}", s.status).to_lowercase()}>
                                <span class="icon" aria-hidden="true">{ s.status.icon() }</span>
                                <span class="name">{ lang.pick(&label.zh, &label.en).to_string() }</span>
                                <span class="words">{ lang.pick(&status.zh, &status.en).to_string() }</span>
                            </li>
                        }
                    }) }
                </ul>
            },
            Step::Result,
        ),
        Outcome::Invalid(errors) => {
            let wrong: Vec<_> = errors.iter().filter(|e| !e.blank).collect();
            let first = wrong.first().copied().or(errors.first());
            let msg = if wrong.is_empty() {
                t(ui.lang, "bar.missing").to_string()
            } else {
                tf(lang, "bar.fix", &[("n", &wrong.len().to_string())])
            };
            (
                html! {
                    <p class="bar-message">
                        <span class="icon" aria-hidden="true">{"✎"}</span>{ msg }
                        if let Some(e) = first.filter(|e| !e.blank) {
                            <span class="bar-detail">{ e.message(lang).to_string() }</span>
                        }
                    </p>
                },
                first
                    .map(|e| Step::of_field(&e.field))
                    .unwrap_or(Step::Place),
            )
        }
        Outcome::Refused(e) => (
            html! { <p class="bar-message"><span class="icon" aria-hidden="true">{"⚠"}</span>{ e.message(lang).to_string() }</p> },
            Step::of_field(&e.field),
        ),
    };
    let label = if target == Step::Result {
        t(ui.lang, "bar.open")
    } else {
        t(ui.lang, "bar.go_fix")
    };
    html! {
        <aside class="result-bar" aria-label={t(ui.lang, "bar.title")}>
            <h2 class="bar-title">{ t(ui.lang, "bar.title") }</h2>
            <div aria-live="polite" aria-atomic="true" data-testid="result-bar">{ body }</div>
            <button type="button" class="secondary" onclick={p.go.reform(move |_| target)} data-testid="bar-open">
                { label }
            </button>
        </aside>
    }
}
