//! What the resident has not said yet, with a link to each question: the yes/no questions still
//! open (counted as "don't know", so the result stays `possible`) and the blank answers the
//! result waits for. Shown in the live result bar and on the result screen; each link opens the
//! question's screen and focuses it.

use std::rc::Rc;

use yew::prelude::*;

use super::fields::use_ui;
use super::screens::members::member_title;
use crate::answers::{Answers, FieldError, Unanswered};
use crate::i18n::{t, tf, Lang};

/// The member a field is about (`members[2].age` → 2).
fn member_of(field: &str) -> Option<usize> {
    field
        .strip_prefix("members[")
        .and_then(|r| r.split(']').next())
        .and_then(|n| n.parse().ok())
}

/// "王芳（配偶）：" for a member's field, nothing otherwise: says whom a question is about.
pub fn who(lang: Lang, answers: &Answers, field: &str) -> String {
    match member_of(field).and_then(|i| answers.members.get(i)) {
        Some(m) => format!("{}{}", member_title(lang, m), lang.pick("：", ": ")),
        None => String::new(),
    }
}

/// The income item a field is about (`members[1].income[0].type` → 0).
fn income_item_of(field: &str) -> Option<usize> {
    field
        .split_once(".income[")
        .and_then(|(_, r)| r.split(']').next())
        .and_then(|n| n.parse().ok())
}

/// The question as the resident reads it; an income item is named by its place in the
/// member's list, as the income screen shows it ("第1笔收入的类型").
fn question(lang: Lang, u: &Unanswered) -> String {
    match income_item_of(&u.field) {
        Some(j) => tf(lang, u.question, &[("n", &(j + 1).to_string())]),
        None => t(lang, u.question).to_string(),
    }
}

#[derive(Properties, PartialEq)]
pub struct OpenQuestionsProps {
    pub answers: Rc<Answers>,
    /// Opens a field's screen and focuses it.
    pub go_to: Callback<Rc<str>>,
    /// The bar's short form: at most this many links, then "and N more".
    #[prop_or(usize::MAX)]
    pub max: usize,
    /// One line that opens to the list (`<details>`), for the result screen.
    #[prop_or_default]
    pub collapsed: bool,
}

/// "还有 3 个问题没有回答（按“不清楚”计算）" and a link to each; nothing when all are answered.
#[component]
pub fn OpenQuestions(p: &OpenQuestionsProps) -> Html {
    let ui = use_ui();
    let lang = ui.lang;
    let open = p.answers.unanswered();
    if open.is_empty() {
        return html! {};
    }
    let more = open.len().saturating_sub(p.max);
    let title = html! {
        <>
            <span class="icon" aria-hidden="true">{"？"}</span>
            { tf(lang, "open.title", &[("n", &open.len().to_string())]) }
        </>
    };
    let list = html! {
            <ul class="open-list">
                { for open.iter().take(p.max).map(|u| {
                    let field: Rc<str> = u.field.as_str().into();
                    html! {
                        <li>
                            <button type="button" class="link" data-testid="unanswered-link"
                                data-field={u.field.clone()} onclick={p.go_to.reform(move |_| field.clone())}>
                                { who(lang, &p.answers, &u.field) }{ question(lang, u) }
                            </button>
                        </li>
                    }
                }) }
            </ul>
    };
    if p.collapsed {
        return html! {
            <details class="open-questions" data-testid="unanswered">
                <summary class="open-title">{ title }</summary>
                { list }
            </details>
        };
    }
    html! {
        <div class="open-questions" data-testid="unanswered">
            <p class="open-title">{ title }</p>
            { list }
            if more > 0 {
                <p class="open-more">{ tf(lang, "open.more", &[("n", &more.to_string())]) }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct MissingAnswersProps {
    pub answers: Rc<Answers>,
    pub errors: Rc<Vec<FieldError>>,
    pub go_to: Callback<Rc<str>>,
}

/// The answers the result waits for (blank required ones and wrong ones), each named with
/// whom it is about and linked to its field.
#[component]
pub fn MissingAnswers(p: &MissingAnswersProps) -> Html {
    let ui = use_ui();
    let lang = ui.lang;
    html! {
        <ul class="missing-list" data-testid="missing-list">
            { for p.errors.iter().map(|e| {
                let field: Rc<str> = e.field.as_str().into();
                html! {
                    <li data-field={e.field.clone()}>
                        <button type="button" class="link" data-testid="missing-link"
                            onclick={p.go_to.reform(move |_| field.clone())}>
                            { who(lang, &p.answers, &e.field) }{ e.message(lang).to_string() }
                        </button>
                    </li>
                }
            }) }
        </ul>
    }
}
