//! The live result bar: after every change, each scheme's status in words and an icon (never
//! colour alone), announced politely to screen readers; or what still needs an answer.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::t;

use super::fields::use_ui;
use super::state::{Outcome, Step};
use super::unanswered::{MissingAnswers, OpenQuestions};
use crate::answers::Answers;
use crate::i18n::tf;
use crate::rules::Status;

#[derive(Properties, PartialEq)]
pub struct ResultBarProps {
    pub outcome: Outcome,
    pub answers: Rc<Answers>,
    /// Opens a screen (the result, or the screen of the first answer to fix).
    pub go: Callback<Step>,
    /// Opens the screen of a field and focuses it (an unanswered question, a missing answer).
    pub go_to: Callback<Rc<str>>,
}

/// How many open questions the bar links to (the result screen lists them all).
const BAR_OPEN_MAX: usize = 3;

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
            // Wrong answers first; when only blanks remain, exactly which ones.
            let msg = if wrong.is_empty() {
                tf(lang, "bar.missing_n", &[("n", &errors.len().to_string())])
            } else {
                tf(lang, "bar.fix", &[("n", &wrong.len().to_string())])
            };
            let listed: Vec<_> = if wrong.is_empty() {
                errors.iter().take(BAR_OPEN_MAX).cloned().collect()
            } else {
                wrong.iter().take(1).map(|e| (*e).clone()).collect()
            };
            (
                html! {
                    <>
                        <p class="bar-message">
                            <span class="icon" aria-hidden="true">{"✎"}</span>{ msg }
                        </p>
                        <MissingAnswers answers={p.answers.clone()} errors={Rc::new(listed)} go_to={p.go_to.clone()} />
                    </>
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
            if matches!(p.outcome, Outcome::Evaluated { .. }) {
                <OpenQuestions answers={p.answers.clone()} go_to={p.go_to.clone()} max={BAR_OPEN_MAX} />
            }
            <button type="button" class="secondary" onclick={p.go.reform(move |_| target)} data-testid="bar-open">
                { label }
            </button>
        </aside>
    }
}
