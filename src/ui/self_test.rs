//! The self-test screen (自检): every golden case of the project (`tests/golden/*.json`) run in
//! the browser through [`crate::golden::check`] — the same runner as the native test — against
//! the rules compiled into this copy. It shows how many pass and, for any failure, the case and
//! every mismatch, so a portal or a worker can check that this copy computes correctly. The
//! resident's answers are not touched.
//!
//! The cases are not in the wasm (158 KB of JSON, 27 KB gzip, that every resident would download
//! for a screen only staff open): the build writes them next to the app as
//! [`CASES_FILE`] (scripts/selftest-cases.mjs), the service worker precaches it with the app's
//! other files, and this screen reads it when it opens — from the offline cache once the app is
//! installed. Nothing is sent anywhere. Tests can hand the cases in directly
//! ([`SelfTestProps::cases`]).
//!
//! Opened from staff mode, or by loading the app with `#selftest` (or `?selftest`) in its
//! address. The count is announced through a `role="status"` live region when the run ends.

use std::rc::Rc;

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

/// The file of golden cases the build writes next to the app (scripts/selftest-cases.mjs): one
/// JSON object, case id → the case file's contents.
pub const CASES_FILE: &str = "selftest-cases.json";

/// The cases to run, as `(id, case JSON)`.
pub type Cases = Vec<(String, String)>;

/// Reads [`CASES_FILE`]'s text: every case, sorted by id.
pub fn parse_cases(text: &str) -> Result<Cases, String> {
    let map: std::collections::BTreeMap<String, serde_json::Value> =
        serde_json::from_str(text).map_err(|e| e.to_string())?;
    if map.is_empty() {
        return Err("no cases".into());
    }
    Ok(map
        .into_iter()
        .map(|(id, case)| (id, case.to_string()))
        .collect())
}

/// Fetches and reads [`CASES_FILE`] from `url`.
async fn load(url: &str) -> Result<Cases, String> {
    parse_cases(&super::place_tree::fetch_text(url).await?)
}

/// Runs every case (synchronously).
pub fn run(cases: &[(String, String)]) -> Report {
    let start = now();
    let cases = cases
        .iter()
        .map(|(id, json)| {
            let (title_zh, title_en) = match golden::parse(json) {
                Ok(c) => (c.title_zh, c.title_en),
                Err(_) => (id.clone(), id.clone()),
            };
            CaseResult {
                id: id.clone(),
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

#[derive(Properties, PartialEq)]
pub struct SelfTestProps {
    /// Back to the screening.
    pub on_back: Callback<()>,
    /// Where [`CASES_FILE`] is (relative to the page, or absolute): the app's own folder by
    /// default; a portal's custom element passes the folder its files come from.
    #[prop_or_else(|| CASES_FILE.into())]
    pub cases_url: AttrValue,
    /// The cases themselves (tests): then nothing is fetched.
    #[prop_or_default]
    pub cases: Option<Rc<Cases>>,
}

/// Where the run is.
#[derive(Clone, PartialEq)]
enum Run {
    Loading,
    Running(usize),
    Done(Rc<Report>),
    LoadFailed(String),
}

#[component]
pub fn SelfTest(p: &SelfTestProps) -> Html {
    let ui = use_ui();
    let lang = ui.lang;
    let run_state = use_state(|| Run::Loading);
    let runs = use_state(|| 0u32);
    {
        let run_state = run_state.clone();
        let given = p.cases.clone();
        let url = p.cases_url.to_string();
        use_effect_with(*runs, move |_| {
            run_state.set(Run::Loading);
            wasm_bindgen_futures::spawn_local(async move {
                let cases = match given {
                    Some(c) => Ok((*c).clone()),
                    None => load(&url).await,
                };
                match cases {
                    Err(e) => run_state.set(Run::LoadFailed(e)),
                    Ok(cases) => {
                        run_state.set(Run::Running(cases.len()));
                        // Lets the browser paint ("working…") before the run blocks the thread for a moment.
                        super::place_tree::next_task().await;
                        run_state.set(Run::Done(Rc::new(run(&cases))));
                    }
                }
            });
        });
    }
    let again = {
        let runs = runs.clone();
        Callback::from(move |_: MouseEvent| runs.set(*runs + 1))
    };
    let busy = matches!(*run_state, Run::Loading | Run::Running(_));
    let id = ui.id("selftest");
    html! {
        <section class="self-test" aria-labelledby={format!("{id}-h")} data-testid="selftest">
            <h2 id={format!("{id}-h")}>{ t(lang, "selftest.title") }</h2>
            <p>{ t(lang, "selftest.explain") }</p>
            <div role="status" data-testid="selftest-status">
                { match &*run_state {
                    Run::Loading => html! { <p>{ t(lang, "selftest.loading") }</p> },
                    Run::Running(n) => html! { <p>{ tf(lang, "selftest.running", &[("total", &n.to_string())]) }</p> },
                    Run::Done(r) => summary(lang, r),
                    Run::LoadFailed(e) => html! {
                        <p class="error" data-testid="selftest-load-failed">
                            { tf(lang, "selftest.load_failed", &[("file", CASES_FILE), ("detail", e)]) }
                        </p>
                    },
                } }
            </div>
            if let Run::Done(r) = &*run_state {
                { failures(lang, r, &id) }
                <p class="hint" data-testid="selftest-details">{ tf(lang, "selftest.details", &[
                    ("rules", RULES_VERSION),
                    ("ms", &format!("{}", r.millis.round() as i64)),
                ]) }</p>
            }
            <div class="nav-buttons">
                <button type="button" class="secondary" onclick={p.on_back.reform(|_| ())} data-testid="selftest-back">
                    <span aria-hidden="true">{"‹ "}</span>{ t(lang, "selftest.back") }
                </button>
                <button type="button" class="primary" onclick={again} disabled={busy} data-testid="selftest-again">
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
                // What was checked, and no more: N hand-worked cases, this rules version, today.
                tf(lang, "selftest.all_pass", &[
                    ("total", &total.to_string()),
                    ("rules", RULES_VERSION),
                    ("date", &crate::rules::date::Date::today().to_string()),
                ])
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
