//! The self-test screen (自检): every golden case of the project (`tests/golden/*.json`, embedded
//! in the wasm by build.rs) run in the browser through [`crate::golden::check`] — the same runner
//! as the native test — against the rules compiled into this copy. It shows how many pass and,
//! for any failure, the case and every mismatch, so a portal or a worker can check that this
//! copy computes correctly. No network, and the resident's answers are not touched.
//!
//! Opened from staff mode, or by loading the app with `#selftest` (or `?selftest`) in its
//! address. The count is announced through a `role="status"` live region when the run ends.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::fields::use_ui;
use crate::golden;
use crate::i18n::{t, tf, Lang};
use crate::rules::RULES_VERSION;

/// Whether the page was opened as the self-test (`#selftest` or `?selftest`).
pub fn requested() -> bool {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return false;
    };
    let hash = loc.hash().unwrap_or_default();
    let search = loc.search().unwrap_or_default();
    hash == "#selftest"
        || search
            .trim_start_matches('?')
            .split('&')
            .any(|p| p == "selftest" || p.starts_with("selftest="))
}

/// One case's outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseResult {
    pub id: String,
    pub title_zh: String,
    pub title_en: String,
    /// Every mismatch (empty: passed).
    pub problems: Vec<String>,
}

/// The whole run.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub cases: Vec<CaseResult>,
    pub millis: f64,
}

impl Report {
    pub fn passed(&self) -> usize {
        self.cases.iter().filter(|c| c.problems.is_empty()).count()
    }
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Runs every golden case (synchronously).
pub fn run() -> Report {
    let start = now();
    let cases = golden::all()
        .into_iter()
        .map(|(id, json)| {
            let (title_zh, title_en) = match golden::parse(json) {
                Ok(c) => (c.title_zh, c.title_en),
                Err(_) => (id.to_string(), id.to_string()),
            };
            CaseResult {
                id: id.to_string(),
                title_zh,
                title_en,
                problems: golden::check(json).err().unwrap_or_default(),
            }
        })
        .collect();
    Report {
        cases,
        millis: now() - start,
    }
}

/// Lets the browser paint ("working…") before the run blocks the thread for a moment.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ =
                w.set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[derive(Properties, PartialEq)]
pub struct SelfTestProps {
    /// Back to the screening.
    pub on_back: Callback<()>,
}

#[component]
pub fn SelfTest(p: &SelfTestProps) -> Html {
    let ui = use_ui();
    let lang = ui.lang;
    let report = use_state(|| None::<Rc<Report>>);
    let runs = use_state(|| 0u32);
    {
        let report = report.clone();
        use_effect_with(*runs, move |_| {
            report.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                next_frame().await;
                report.set(Some(Rc::new(run())));
            });
        });
    }
    let again = {
        let runs = runs.clone();
        Callback::from(move |_: MouseEvent| runs.set(*runs + 1))
    };
    let total = golden::all().len().to_string();
    let id = ui.id("selftest");
    html! {
        <section class="self-test" aria-labelledby={format!("{id}-h")} data-testid="selftest">
            <h2 id={format!("{id}-h")}>{ t(lang, "selftest.title") }</h2>
            <p>{ t(lang, "selftest.explain") }</p>
            <div role="status" data-testid="selftest-status">
                { match &*report {
                    None => html! { <p>{ tf(lang, "selftest.running", &[("total", &total)]) }</p> },
                    Some(r) => summary(lang, r),
                } }
            </div>
            if let Some(r) = &*report {
                { failures(lang, r, &id) }
                <p class="hint" data-testid="selftest-details">{ tf(lang, "selftest.details", &[
                    ("rules", RULES_VERSION),
                    ("ms", &format!("{:.0}", r.millis)),
                ]) }</p>
            }
            <div class="nav-buttons">
                <button type="button" class="secondary" onclick={p.on_back.reform(|_| ())} data-testid="selftest-back">
                    <span aria-hidden="true">{"‹ "}</span>{ t(lang, "selftest.back") }
                </button>
                <button type="button" class="primary" onclick={again} disabled={report.is_none()} data-testid="selftest-again">
                    { t(lang, "selftest.again") }
                </button>
            </div>
        </section>
    }
}

fn summary(lang: Lang, r: &Report) -> Html {
    let pass = r.passed();
    let total = r.cases.len();
    let failed = total - pass;
    let ok = failed == 0 && total > 0;
    html! {
        <>
            <p class={classes!("selftest-count", if ok { "status-likely" } else { "status-unlikely" })}
                data-testid="selftest-count" data-pass={pass.to_string()} data-total={total.to_string()}>
                <span class="icon" aria-hidden="true">{ if ok { "✔" } else { "✘" } }</span>
                <strong>{ tf(lang, "selftest.summary", &[("pass", &pass.to_string()), ("total", &total.to_string())]) }</strong>
            </p>
            <p>{ if ok {
                t(lang, "selftest.all_pass").to_string()
            } else {
                tf(lang, "selftest.some_fail", &[("n", &failed.to_string())])
            } }</p>
        </>
    }
}

fn failures(lang: Lang, r: &Report, id: &str) -> Html {
    let failed: Vec<&CaseResult> = r.cases.iter().filter(|c| !c.problems.is_empty()).collect();
    if failed.is_empty() {
        return Html::default();
    }
    html! {
        <section aria-labelledby={format!("{id}-fail-h")} data-testid="selftest-failures">
            <h3 id={format!("{id}-fail-h")}>{ t(lang, "selftest.failures") }</h3>
            <ul class="selftest-failures">
                { for failed.iter().map(|c| html! {
                    <li data-case={c.id.clone()}>
                        <p><strong>{ c.id.clone() }</strong>{ " — " }{ lang.pick(&c.title_zh, &c.title_en).to_string() }</p>
                        // The runner's details are technical and in English.
                        <ul lang="en">{ for c.problems.iter().map(|m| html! { <li>{ m.clone() }</li> }) }</ul>
                    </li>
                }) }
            </ul>
        </section>
    }
}
