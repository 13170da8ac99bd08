//! The root component: header (language, 大字模式, clear my data), progress, one screen, back /
//! next, and the live result bar. Owns the [`Flow`] state and its side effects: saving on the
//! device, focus on navigation, the page language, the host's callbacks, the timing marks.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::fields::Ui;
use super::result::ResultScreen;
use super::result_bar::ResultBar;
use super::sample_picker::SamplePicker;
use super::screens::{self, ScreenProps};
use super::state::{Action, Edit, Flow, Outcome, Step};
use super::unanswered::{MissingAnswers, OpenQuestions};
use super::{handover, print, self_test, staff, storage, Mode, Options};
use crate::i18n::{t, tf, Lang};
use crate::rules::date::Date;

/// The words for each step: (short name for the progress list, screen heading).
fn step_names(lang: Lang, s: Step) -> (&'static str, &'static str) {
    match s {
        Step::Place => (t(lang, "step.place"), t(lang, "title.place")),
        Step::Members => (t(lang, "step.members"), t(lang, "title.members")),
        Step::Income => (t(lang, "step.income"), t(lang, "title.income")),
        Step::Expenses => (t(lang, "step.expenses"), t(lang, "title.expenses")),
        Step::Assets => (t(lang, "step.assets"), t(lang, "title.assets")),
        Step::Events => (t(lang, "step.events"), t(lang, "title.events")),
        Step::Result => (t(lang, "step.result"), t(lang, "title.result")),
    }
}

/// An id prefix from the storage key (letters and digits only), unique per app on a page.
fn prefix(key: &str) -> Rc<str> {
    let s: String = key
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("jz-{s}").into()
}

/// The language the app is shown in: the one asked for, except Chinese while the English
/// messages are still on their way (`super::english`).
fn shown_lang(flow: &Flow) -> Lang {
    if flow.lang == Lang::En && !crate::i18n::english_ready() {
        Lang::Zh
    } else {
        flow.lang
    }
}

/// The language a new app starts in: the portal's, else the one the resident chose on this
/// device, else the browser's.
pub fn starting_lang(o: &Options, prefs: &storage::Prefs) -> Lang {
    o.lang
        .or_else(|| prefs.lang.as_deref().and_then(Lang::from_tag))
        .unwrap_or_else(storage::browser_lang)
}

/// The flow of a new app: the saved answers, else the portal's region (or its only allowed
/// place). A saved place the portal does not allow is dropped and returned, to be told.
fn init(o: &Options) -> (Flow, Option<String>) {
    let (mut answers, notice) = storage::load_answers(&o.storage_key);
    let prefs = storage::load_prefs(&o.storage_key);
    let dropped = outside(&o.allowed, &answers.region);
    if dropped.is_some() {
        answers.region.clear();
    }
    if answers.region.is_empty() && dropped.is_none() {
        let only = match o.allowed.roots() {
            [one] => Some(one),
            _ => None,
        };
        if let Some(r) = o
            .region
            .as_ref()
            .or(only)
            .filter(|r| crate::rules::params::catalogue().is_region(r.as_str()))
        {
            answers.region = r.clone();
        }
    }
    let lang = starting_lang(o, &prefs);
    let today = o
        .date
        .as_deref()
        .and_then(Date::parse)
        .unwrap_or_else(Date::today);
    let step = match dropped {
        Some(_) => Step::Place,
        None => prefs.step.unwrap_or(Step::Place),
    };
    let flow = Flow::new(
        answers,
        step,
        lang,
        prefs.elder,
        today,
        o.params.clone(),
        notice,
    );
    (flow, dropped)
}

/// `region` if it is set and the portal does not allow it.
fn outside(allowed: &crate::place_search::Limit, region: &str) -> Option<String> {
    (!region.is_empty() && !allowed.allows(region)).then(|| region.to_string())
}

#[component]
pub fn App(o: &Options) -> Html {
    // A saved place outside the portal's `allowedRegions`: dropped, and the resident is told
    // (`outside_notice`) and asked again on the place screen.
    let dropped = use_mut_ref(|| None::<String>);
    let flow = {
        let (o, dropped) = (o.clone(), dropped.clone());
        use_reducer(move || {
            let (flow, d) = init(&o);
            *dropped.borrow_mut() = d;
            flow
        })
    };
    let dropped_place = {
        let first = dropped.borrow().clone();
        use_state(move || first)
    };
    // Later arrivals (a sample household, a changed `allowedRegions`): the same.
    {
        let (d, dropped_place) = (flow.dispatcher(), dropped_place.clone());
        use_effect_with(
            (flow.answers.region.clone(), o.allowed.clone()),
            move |(region, allowed)| {
                if let Some(code) = outside(allowed, region) {
                    d.dispatch(Action::Edit(Box::new(|a| a.region.clear())));
                    d.dispatch(Action::Go(Step::Place));
                    dropped_place.set(Some(code));
                } else if !region.is_empty() && dropped_place.is_some() {
                    dropped_place.set(None);
                }
            },
        );
    }
    let heading = use_node_ref();
    let root = use_node_ref();
    let key = o.storage_key.clone();
    // Outreach (staff.rs, self_test.rs, handover.rs): staff mode remembered on the device, the
    // self-test view, and a count of residents that remounts the outreach parts for each one.
    let staff_on = use_state(|| o.mode == Mode::Staff || staff::remembered(&o.storage_key));
    let selftest = use_state(self_test::requested);
    let resident = use_state(|| 0u32);
    // The place names for the picker, read after the first paint (`place_tree`); when they
    // arrive and a place is chosen, the result is worked out again, so it names a county without
    // a data file (`Action::PlacesRead`); the root itself is not re-rendered for them.
    {
        let d = flow.dispatcher();
        super::place_tree::use_tree_read(Callback::from(move |()| d.dispatch(Action::PlacesRead)));
        let base = o.files_base.clone().unwrap_or_default();
        use_effect_with((), move |_| super::place_tree::start(&base));
    }
    // The portal may change its standards after mounting (element property `params`).
    {
        let d = flow.dispatcher();
        use_effect_with(o.params.clone(), move |p| {
            d.dispatch(Action::SetPortalParams(p.clone()))
        });
    }
    // English asked for (the switch, the device's or the portal's language): the app's wasm
    // fetches its English messages first (`english`, feature `lazy-en`) and shows Chinese until
    // they arrive; if they cannot be read it says so in Chinese and stays in Chinese.
    let english_failed = use_state(|| false);
    // Mounted in English before the English messages are here (a portal's screener with
    // `lang: "en"`; the resident's own page waits on its loading screen instead, `start_page`):
    // a short bilingual notice until they arrive, not every question drawn in Chinese and
    // redrawn in English a moment later (a flash of the wrong language, a second full render).
    // A later switch keeps the Chinese screen until then.
    let starting_in_english = use_state(|| flow.lang == Lang::En && !crate::i18n::english_ready());
    {
        let d = flow.dispatcher();
        let failed = english_failed.clone();
        let base = o.files_base.clone().unwrap_or_default();
        use_effect_with(flow.lang, move |lang| {
            if *lang == Lang::En && !crate::i18n::english_ready() {
                let done = Callback::from(move |r: Result<(), String>| {
                    failed.set(r.is_err());
                    d.dispatch(match r {
                        // Worked out again: the answers' messages in English, and a new render.
                        Ok(()) => Action::Reevaluate,
                        Err(_) => Action::SetLang(Lang::Zh),
                    });
                });
                super::english::load(&base, done);
            }
        });
    }
    let lang = shown_lang(&flow);

    // Saved on the device as the user types. A full storage keeps the answers in this tab
    // only, and the resident is told.
    let save_failed = use_state(|| false);
    {
        let key = key.clone();
        let save_failed = save_failed.clone();
        use_effect_with(flow.answers.clone(), move |a| {
            let failed = !storage::save_answers(&key, a);
            if failed != *save_failed {
                save_failed.set(failed);
            }
        });
    }
    // What the portal sets explicitly (the element's `lang`, the iframe's `configure`) wins over
    // the language remembered on the device, also after mounting.
    {
        let d = flow.dispatcher();
        let current = flow.lang;
        use_effect_with(o.lang, move |lang| {
            if let Some(l) = *lang {
                if l != current {
                    d.dispatch(Action::SetLang(l));
                }
            }
        });
    }
    {
        let key = key.clone();
        use_effect_with(
            (flow.lang, flow.elder, flow.step),
            move |(lang, elder, step)| {
                storage::save_prefs(
                    &key,
                    &storage::Prefs {
                        lang: Some(lang.tag().to_string()),
                        elder: *elder,
                        step: Some(*step),
                    },
                )
            },
        );
    }
    // The page's language and title follow the app (full-page app only).
    use_effect_with((lang, o.embedded), |(lang, embedded)| {
        if !embedded {
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                if let Some(html) = doc.document_element() {
                    let _ = html.set_attribute("lang", lang.tag());
                }
                doc.set_title(t(*lang, "app.title"));
            }
        }
    });
    // Focus moves on every navigation (not on first load): to the field a link named (an
    // unanswered question, an answer to fix), else to the screen heading.
    {
        let (heading, root) = (heading.clone(), root.clone());
        let focus_id = flow.focus.as_deref().map(|f| field_id(&key, f));
        use_effect_with(flow.nav_count, move |n| {
            if *n > 0 {
                let field = focus_id.and_then(|id| {
                    root.cast::<Element>()?
                        .query_selector(&format!("#{id}"))
                        .ok()
                        .flatten()?
                        .dyn_into::<HtmlElement>()
                        .ok()
                });
                if let Some(f) = field.or_else(|| heading.cast::<HtmlElement>()) {
                    let _ = f.focus();
                }
            }
        });
    }
    // The browser's back button goes to the previous step (full-page app only: a host page's
    // history belongs to the host). Each step is a history entry whose state is the step's code.
    {
        let embedded = o.embedded;
        use_effect_with((flow.step, flow.nav_count), move |(step, _)| {
            if !embedded {
                remember_step(*step);
            }
        });
        let d = flow.dispatcher();
        use_effect_with(o.embedded, move |embedded| {
            let listener = (!embedded).then(|| {
                Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| {
                    if let Some(step) = history_step() {
                        d.dispatch(Action::Go(step));
                    }
                })
            });
            let window = web_sys::window();
            if let (Some(w), Some(l)) = (&window, &listener) {
                let _ = w.add_event_listener_with_callback("popstate", l.as_ref().unchecked_ref());
            }
            move || {
                if let (Some(w), Some(l)) = (window, listener) {
                    let _ = w.remove_event_listener_with_callback(
                        "popstate",
                        l.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    // Every new result: the input → result time, and the host's callback.
    {
        let on_result = o.on_result.clone();
        use_effect_with(flow.outcome.clone(), move |outcome| {
            if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
                if p.get_entries_by_name_with_entry_type("jz-input", "mark")
                    .length()
                    > 0
                {
                    let _ = p.measure_with_start_mark("jz-update", "jz-input");
                    p.clear_marks_with_mark_name("jz-input");
                }
            }
            if let (Some(cb), Outcome::Evaluated { evaluation, .. }) = (on_result, outcome) {
                cb.emit(evaluation.clone());
            }
        });
    }
    // `#jiuzhu-panic-test`: panic once mounted, to test the panic screen end to end.
    use_effect_with((), |_| {
        let hash = web_sys::window().and_then(|w| w.location().hash().ok());
        if hash.as_deref() == Some("#jiuzhu-panic-test") {
            panic!("jiuzhu panic test (#jiuzhu-panic-test)");
        }
    });

    if *starting_in_english && shown_lang(&flow) != flow.lang && !*english_failed {
        return super::english::waiting();
    }

    let ui = Ui {
        lang,
        elder: flow.elder,
        prefix: prefix(&key),
        limit: o.allowed.clone(),
    };
    let go = {
        let d = flow.dispatcher();
        Callback::from(move |s: Step| d.dispatch(Action::Go(s)))
    };
    let go_to = {
        let d = flow.dispatcher();
        Callback::from(move |f: Rc<str>| d.dispatch(Action::GoTo(f)))
    };
    // The result's "hand-over" button: opens the hand-over panel further down and moves there.
    let open_handover = {
        let root = root.clone();
        Callback::from(move |_: MouseEvent| {
            let show = root.cast::<Element>().and_then(|r| {
                r.query_selector("[data-testid=handover-show]")
                    .ok()
                    .flatten()?
                    .dyn_into::<HtmlElement>()
                    .ok()
            });
            if let Some(b) = show {
                if b.get_attribute("aria-expanded").as_deref() != Some("true") {
                    b.click();
                }
                b.scroll_into_view();
                let _ = b.focus();
            }
        })
    };
    let edit = {
        let d = flow.dispatcher();
        Callback::from(move |e: Edit| d.dispatch(Action::Edit(e)))
    };
    let act = |a: fn() -> Action| {
        let d = flow.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(a()))
    };
    let switch_lang = {
        let d = flow.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::SetLang(lang.other())))
    };
    let clear = {
        let d = flow.dispatcher();
        let key = key.clone();
        Callback::from(move |_: MouseEvent| {
            storage::clear(&key);
            d.dispatch(Action::Clear);
        })
    };
    let load_sample = {
        let d = flow.dispatcher();
        Callback::from(move |id: String| d.dispatch(Action::LoadSample(id)))
    };
    let toggle_staff = {
        let (staff_on, key) = (staff_on.clone(), key.clone());
        Callback::from(move |on: bool| {
            staff::remember(&key, on);
            staff_on.set(on);
        })
    };
    let next_resident = {
        let d = flow.dispatcher();
        let (key, resident, selftest) = (key.clone(), resident.clone(), selftest.clone());
        Callback::from(move |_: ()| {
            staff::forget_resident(&key);
            d.dispatch(Action::Clear);
            selftest.set(false);
            resident.set(*resident + 1);
        })
    };
    let show_selftest = {
        let selftest = selftest.clone();
        Callback::from(move |on: bool| {
            if !on {
                handover::forget_fragment();
            }
            selftest.set(on);
        })
    };
    let accept_handover = {
        let d = flow.dispatcher();
        Callback::from(move |a: crate::answers::Answers| {
            d.dispatch(Action::Edit(Box::new(move |x| *x = a)));
            d.dispatch(Action::Go(Step::Result));
        })
    };

    let step = flow.step;
    let (_, title) = step_names(lang, step);
    let errors = flow.errors();
    let props = ScreenProps {
        answers: flow.answers.clone(),
        errors: errors.clone(),
        show_blank: flow.shows_blank(step),
        edit,
        today: flow.today,
    };
    let screen = match step {
        Step::Place => html! { <screens::place::Place ..props /> },
        Step::Members => html! { <screens::members::Members ..props /> },
        Step::Income => html! { <screens::income::Income ..props /> },
        Step::Expenses => html! { <screens::expenses::Expenses ..props /> },
        Step::Assets => html! { <screens::assets::Assets ..props /> },
        Step::Events => html! { <screens::events::Events ..props /> },
        Step::Result => result_screen(&flow, o, &go_to, &open_handover, &ui.prefix),
    };
    let main_id = format!("{}-main", ui.prefix);
    let content = if *selftest {
        let cases_url = format!(
            "{}{}",
            o.files_base.as_deref().unwrap_or(""),
            self_test::CASES_FILE
        );
        html! { <self_test::SelfTest on_back={show_selftest.reform(|_| false)} cases_url={cases_url} /> }
    } else {
        html! {
        <>
            <h2 class="screen-title" ref={heading} tabindex="-1" data-testid="screen-title">{ title }</h2>
            if *staff_on && step == Step::Place {
                <SamplePicker key={*resident} on_choose={load_sample} />
            }
            <div class="screen" data-step={step.code()}>{ screen }</div>
            <div class="nav-buttons">
                if step != Step::Place {
                    <button type="button" class="secondary" data-testid="back"
                        onclick={go.reform(move |_| step.back())}>
                        <span aria-hidden="true">{"‹ "}</span>{ t(lang, "nav.back") }
                    </button>
                }
                if step != Step::Result {
                    <button type="button" class="primary" data-testid="next"
                        onclick={go.reform(move |_| step.next())}>
                        { if step.next() == Step::Result { t(lang, "nav.see_result") } else { t(lang, "nav.next") } }
                        <span aria-hidden="true">{" ›"}</span>
                    </button>
                }
            </div>
        </>
        }
    };
    html! {
        <ContextProvider<Ui> context={ui.clone()}>
            <div class={classes!("jz-app", flow.elder.then_some("elder"))} lang={lang.tag()}
                data-testid="app" data-step={step.code()} ref={root}>
                <a class="skip-link" href={format!("#{main_id}")}>{ t(lang, "app.skip") }</a>
                <header class="site-header">
                    // The page's <h1> in the full-page app; inside a host page, the host has one.
                    if o.embedded {
                        <p class="app-name">{ t(lang, "app.title") }</p>
                    } else {
                        <h1 class="app-name">{ t(lang, "app.title") }</h1>
                    }
                    <div class="toolbar">
                        <button type="button" class="tool" onclick={switch_lang} lang={lang.other().tag()}
                            data-testid="lang">
                            { super::english::name(lang.other()) }
                        </button>
                        <button type="button" class="tool" aria-pressed={if flow.elder { "true" } else { "false" }}
                            onclick={act(|| Action::ToggleElder)} data-testid="elder">
                            { t(lang, "app.elder") }
                        </button>
                        <button type="button" class="tool" onclick={act(|| Action::AskClear)} data-testid="clear">
                            { t(lang, "app.clear") }
                        </button>
                    </div>
                    if flow.confirming_clear {
                        <div class="confirm" role="group" aria-label={t(lang, "app.clear")} data-testid="clear-confirm">
                            <p>{ t(lang, "clear.question") }</p>
                            <button type="button" class="primary danger" onclick={clear} data-testid="clear-yes">{ t(lang, "clear.yes") }</button>
                            <button type="button" class="secondary" onclick={act(|| Action::CancelClear)}>{ t(lang, "clear.no") }</button>
                        </div>
                    }
                    if flow.cleared {
                        <p class="notice" role="status" data-testid="cleared">{ t(lang, "clear.done") }</p>
                    }
                    if *save_failed {
                        <p class="notice" role="alert" data-testid="save-failed">{ t(lang, "storage.full") }</p>
                    }
                    if let Some(code) = &*dropped_place {
                        <p class="notice" role="alert" data-testid="place-outside">
                            { tf(lang, "place.outside", &[("place", &place_name(lang, code)), ("area", &area_names(lang, &o.allowed))]) }
                        </p>
                    }
                    if *english_failed && lang == Lang::Zh {
                        <p class="notice" role="alert" data-testid="english-failed">{ t(Lang::Zh, "lang.english_failed") }</p>
                    }
                    if let Some(problem) = &flow.notice {
                        <div class="notice" role="alert" data-testid="restore-notice">
                            <p>{ problem.message(lang) }</p>
                            <button type="button" class="secondary" onclick={act(|| Action::DismissNotice)}>{ t(lang, "notice.ok") }</button>
                        </div>
                    }
                    // A hand-over link the page was opened with (not inside a host page: its
                    // address belongs to the host).
                    if !o.embedded {
                        <handover::Inbox key={*resident} answers={flow.answers.clone()} on_accept={accept_handover} />
                    }
                    if *staff_on {
                        <staff::StaffTools key={*resident} on_next={next_resident}
                            on_selftest={show_selftest.reform(|_| true)} />
                    }
                </header>
                <nav class="progress" aria-label={t(lang, "nav.steps")}>
                    <p class="progress-text" data-testid="progress">
                        { tf(lang, "progress.step", &[("n", &step.number().to_string()), ("total", &Step::ALL.len().to_string())]) }
                    </p>
                    // A <progress> rather than a styled width: no inline style (strict CSP).
                    <progress class="progress-bar" aria-hidden="true" max={Step::ALL.len().to_string()}
                        value={step.number().to_string()}></progress>
                    <ol class="steps">
                        { for Step::ALL.iter().map(|s| {
                            let s = *s;
                            let (name, _) = step_names(lang, s);
                            let current = s == step;
                            let has_error = s != Step::Result && errors.iter().any(|e| !e.blank && Step::of_field(&e.field) == s);
                            html! {
                                <li class={classes!(current.then_some("current"), has_error.then_some("has-error"))}>
                                    <button type="button" class="step-link" aria-current={current.then_some("step")}
                                        data-step={s.code()} onclick={go.reform(move |_| s)}>
                                        <span class="num" aria-hidden="true">{ s.number() }</span>
                                        { name }
                                        if has_error { <span class="sr-only">{ t(lang, "nav.has_error") }</span><span aria-hidden="true">{" ⚠"}</span> }
                                    </button>
                                </li>
                            }
                        }) }
                    </ol>
                </nav>
                if o.embedded {
                    <section id={main_id.clone()} class="jz-main" tabindex="-1" aria-label={title}>{ content }</section>
                } else {
                    <main id={main_id.clone()} class="jz-main" tabindex="-1">{ content }</main>
                }
                if step != Step::Result {
                    <ResultBar outcome={flow.outcome.clone()} answers={flow.answers.clone()}
                        go={go.clone()} go_to={go_to.clone()} />
                }
                <footer class="privacy">
                    <p>{ t(lang, "app.privacy") }</p>
                    // The settings area: the staff-mode switch, in the app's own page only. An
                    // embedded screener is what its portal made it: resident (no switch: a
                    // resident never meets staff tools there) or staff (`mode: "staff"`, on).
                    if o.mode != Mode::Staff && !o.embedded {
                        <staff::StaffSwitch on={*staff_on} on_toggle={toggle_staff} />
                    }
                </footer>
            </div>
        </ContextProvider<Ui>>
    }
}

/// The element id of a field in the app with storage key `key` (as [`Ui::id`]).
fn field_id(key: &str, field: &str) -> String {
    Ui {
        lang: Lang::Zh,
        elder: false,
        prefix: prefix(key),
        limit: Rc::default(),
    }
    .id(field)
}

/// Makes the current history entry the step's (a new entry when the step changed).
fn remember_step(step: Step) {
    let Some(h) = web_sys::window().and_then(|w| w.history().ok()) else {
        return;
    };
    let state = JsValue::from_str(step.code());
    match history_step() {
        Some(s) if s == step => {}
        Some(_) => {
            let _ = h.push_state(&state, "");
        }
        None => {
            let _ = h.replace_state(&state, "");
        }
    }
}

/// The step of the current history entry, if it is one of ours.
fn history_step() -> Option<Step> {
    let state = web_sys::window()?.history().ok()?.state().ok()?;
    Step::from_code(&state.as_string()?)
}

/// The result screen: the result component, or what still needs an answer.
fn result_screen(
    flow: &Flow,
    o: &Options,
    go_to: &Callback<Rc<str>>,
    open_handover: &Callback<MouseEvent>,
    prefix: &Rc<str>,
) -> Html {
    let lang = shown_lang(flow);
    match &flow.outcome {
        Outcome::Evaluated {
            household,
            evaluation,
        } => {
            // The first screen's buttons: print and hand-over in the app's own page (a host page
            // prints and addresses as it likes), the portal's "apply".
            let actions = html! {
                <>
                    if !o.embedded {
                        <print::PrintButton hint={false} />
                        <p class="handover-action">
                            <button type="button" class="secondary" onclick={open_handover.clone()} data-testid="handover-jump">
                                { t(lang, "handover.show") }
                            </button>
                        </p>
                    }
                    if let Some(apply) = &o.on_apply {
                        <p class="apply">
                            <button type="button" class="primary" data-testid="apply"
                                onclick={apply.reform(|_| ())}>{ t(lang, "result.apply") }</button>
                        </p>
                    }
                </>
            };
            let notes = html! {
                <OpenQuestions answers={flow.answers.clone()} go_to={go_to.clone()} collapsed=true />
            };
            html! {
            <>
                <ResultScreen evaluation={evaluation.clone()} household={household.clone()}
                    lang={lang} elder={flow.elder} heading={false}
                    id_prefix={AttrValue::from(prefix.clone())} {actions} {notes} />
                if !o.embedded {
                    <print::PrintSummary evaluation={evaluation.clone()} household={household.clone()} lang={lang} />
                    <handover::HandoverPanel answers={flow.answers.clone()} today={flow.today} />
                }
            </>
            }
        }
        Outcome::Invalid(errors) => html! {
            <div class="missing" data-testid="result-missing">
                <p>{ t(lang, "result.missing") }</p>
                <MissingAnswers answers={flow.answers.clone()} errors={errors.clone()} go_to={go_to.clone()} />
            </div>
        },
        Outcome::Refused(e) => {
            let s = Step::of_field(&e.field);
            let (name, _) = step_names(lang, s);
            let field: Rc<str> = e.field.as_str().into();
            html! {
                <div class="missing" data-testid="result-missing">
                    <p>{ e.message(lang).to_string() }</p>
                    <button type="button" class="link" onclick={go_to.reform(move |_| field.clone())}>
                        { tf(lang, "result.go_to", &[("step", name)]) }
                    </button>
                </div>
            }
        }
    }
}

/// A division's name in `lang` (its code until the names have arrived).
pub(crate) fn place_name(lang: Lang, code: &str) -> String {
    if let Some((zh, en)) = crate::rules::divisions::names(code) {
        return lang.pick(&zh, &en).to_string();
    }
    match crate::rules::params::catalogue().regions.get(code) {
        Some(r) => lang.pick(&r.name_zh, &r.name_en).to_string(),
        None => code.to_string(),
    }
}

/// The places a portal allows, by name.
pub(crate) fn area_names(lang: Lang, allowed: &crate::place_search::Limit) -> String {
    let names: Vec<String> = allowed
        .roots()
        .iter()
        .map(|c| place_name(lang, c))
        .collect();
    names.join(lang.pick("、", ", "))
}
