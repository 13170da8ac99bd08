//! Hand-over by QR code in the page (the format is [`crate::handover`]):
//!
//! - [`HandoverPanel`] on the result screen: on request, the answers as a link (`#h1=…` after the
//!   page's own address, so it works from any sub-path) shown as a QR code and as a read-only
//!   text field with a "copy" button (Clipboard API; if the browser refuses, the text is
//!   selected and the user is told how to copy it).
//! - [`Inbox`] in the header: when the page was opened with a hand-over link it reads the
//!   fragment once, removes it from the address bar (`history.replaceState`, so a reload or a
//!   bookmark does not carry the answers), and then
//!   - a link that cannot be used (corrupt, changed, newer, too large) → a bilingual alert
//!     saying why and that the saved answers were not changed; nothing is written;
//!   - usable answers and nothing saved on this device (a fresh start) or the same answers →
//!     loaded at once, and the result is shown;
//!   - usable answers and *other* answers saved here → a dialog asks before replacing them
//!     ("keep" leaves everything as it was). We ask rather than restoring into a separate fresh
//!     state because this device keeps one set of answers: a silent replace could destroy a
//!     resident's own answers, a silent ignore would make the link look broken.
//!
//! The QR code is drawn by the `qrcode` crate (error-correction level M) into an SVG string,
//! shown as an `<img>` with a `data:` URL: the strict Content-Security-Policy allows `img-src
//! data:`, and an `<img>` has a plain text alternative.

use std::rc::Rc;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlDialogElement, HtmlInputElement};
use yew::prelude::*;

use super::fields::use_ui;
use crate::answers::{Answers, RestoreProblem};
use crate::handover::{self, HandoverError, Received};
use crate::i18n::t;
use crate::rules::date::Date;

/// The page's address without its fragment (origin, path and query: works from a sub-path).
pub fn page_address() -> String {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let href = loc.href().unwrap_or_default();
    match href.split_once('#') {
        Some((base, _)) => base.to_string(),
        None => href,
    }
}

/// The full hand-over link for `answers`.
pub fn link(answers: &Answers, today: Date) -> Result<String, HandoverError> {
    Ok(format!(
        "{}#{}",
        page_address(),
        handover::encode(answers, today)?
    ))
}

/// The QR code of `text` as an SVG `data:` URL and its side in CSS pixels, or `None` if it does
/// not fit in a QR code. The side is a whole number of pixels per module (at least 4, and about
/// 300 px), so every module is drawn equally sharp: a phone camera, or jsQR in the tests, reads
/// it from the screen more reliably than a code scaled by a fraction.
pub fn qr_image(text: &str) -> Option<(String, u32)> {
    let code =
        qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M).ok()?;
    let modules = code.width() as u32 + 8; // with the quiet zone of 4 modules each side
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .module_dimensions(1, 1)
        .quiet_zone(true)
        .build();
    let side = modules * (300 / modules).max(4);
    Some((
        format!(
            "data:image/svg+xml;base64,{}",
            STANDARD.encode(svg.as_bytes())
        ),
        side,
    ))
}

/// Removes the fragment from the address bar without reloading or adding a history entry.
pub fn forget_fragment() {
    let Some(w) = web_sys::window() else { return };
    if w.location().hash().map(|h| h.is_empty()).unwrap_or(true) {
        return;
    }
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&page_address()));
    }
}

#[derive(Properties, PartialEq)]
pub struct HandoverPanelProps {
    pub answers: Rc<Answers>,
    /// The screening date used when the answers leave it empty (written into the link).
    pub today: Date,
}

/// What the copy button last did.
#[derive(Clone, Copy, PartialEq)]
enum Copy {
    None,
    Done,
    Failed,
}

/// The QR code and link of the current answers, behind a "show" button (nothing is drawn, and
/// no link sits on screen, until asked for).
#[component]
pub fn HandoverPanel(p: &HandoverPanelProps) -> Html {
    let ui = use_ui();
    let lang = ui.lang;
    let open = use_state(|| false);
    let copied = use_state(|| Copy::None);
    let input = use_node_ref();
    // Any change of the answers makes the old "copied" message wrong.
    {
        let copied = copied.clone();
        use_effect_with(p.answers.clone(), move |_| copied.set(Copy::None));
    }
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let id = ui.id("handover");
    let body = if *open {
        match link(&p.answers, p.today) {
            Err(e) => html! {
                <p class="notice" role="alert" data-testid="handover-error">{ e.message(lang) }</p>
            },
            Ok(url) => {
                let qr = qr_image(&url);
                let copy = {
                    let url = url.clone();
                    let copied = copied.clone();
                    let input = input.clone();
                    Callback::from(move |_: MouseEvent| copy_link(&url, &input, copied.clone()))
                };
                let select_all = Callback::from(|e: FocusEvent| {
                    e.target_unchecked_into::<HtmlInputElement>().select();
                });
                html! {
                    <div class="handover-body">
                        if let Some((src, side)) = qr {
                            <img class="handover-qr" src={src} alt={t(lang, "handover.qr_alt")}
                                width={side.to_string()} height={side.to_string()} data-testid="handover-qr" />
                        }
                        <div class="field">
                            <label for={format!("{id}-link")}>{ t(lang, "handover.link_label") }</label>
                            <input id={format!("{id}-link")} type="text" readonly=true ref={input}
                                class="handover-link" value={url} data-testid="handover-link"
                                onfocus={select_all} autocomplete="off" spellcheck="false" />
                        </div>
                        <p>
                            <button type="button" class="secondary" onclick={copy} data-testid="handover-copy">
                                { t(lang, "handover.copy") }
                            </button>
                        </p>
                        <p role="status" class="handover-copied" data-testid="handover-copied">
                            { match *copied {
                                Copy::None => "",
                                Copy::Done => t(lang, "handover.copied"),
                                Copy::Failed => t(lang, "handover.copy_failed"),
                            } }
                        </p>
                        <p class="hint">{ t(lang, "handover.warning") }</p>
                    </div>
                }
            }
        }
    } else {
        html! {}
    };
    html! {
        <section class="handover" aria-labelledby={format!("{id}-h")} data-testid="handover">
            <h3 id={format!("{id}-h")}>{ t(lang, "handover.title") }</h3>
            <p>{ t(lang, "handover.explain") }</p>
            <p>
                <button type="button" class="secondary" aria-expanded={if *open { "true" } else { "false" }}
                    aria-controls={format!("{id}-body")} onclick={toggle} data-testid="handover-show">
                    { if *open { t(lang, "handover.hide") } else { t(lang, "handover.show") } }
                </button>
            </p>
            <div id={format!("{id}-body")}>{ body }</div>
        </section>
    }
}

/// Copies with the Clipboard API; where there is none (an insecure page, an old browser) or it
/// refuses, selects the link for the user to copy by hand.
fn copy_link(url: &str, input: &NodeRef, copied: UseStateHandle<Copy>) {
    let fallback = {
        let input = input.clone();
        let copied = copied.clone();
        move || {
            if let Some(i) = input.cast::<HtmlInputElement>() {
                let _ = i.focus();
                i.select();
            }
            copied.set(Copy::Failed);
        }
    };
    let Some(w) = web_sys::window() else {
        return fallback();
    };
    // `navigator.clipboard` is undefined outside secure contexts: check before calling.
    let nav = w.navigator();
    let has = js_sys::Reflect::get(&nav, &JsValue::from_str("clipboard"))
        .map(|c| !c.is_undefined() && !c.is_null())
        .unwrap_or(false);
    if !has {
        return fallback();
    }
    let promise = nav.clipboard().write_text(url);
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => copied.set(Copy::Done),
            Err(_) => fallback(),
        }
    });
}

/// What the page's fragment brought, until dealt with.
#[derive(Clone, PartialEq)]
enum Arrival {
    Nothing,
    Rejected(HandoverError),
    /// Waiting for "replace?".
    Asking(Rc<Received>),
    /// Loaded; with a note if the link came from an older version of the answers.
    Loaded(Option<RestoreProblem>),
}

#[derive(Properties, PartialEq)]
pub struct InboxProps {
    /// The answers the app has now (restored from this device).
    pub answers: Rc<Answers>,
    /// Replace the answers with handed-over ones and show the result.
    pub on_accept: Callback<Answers>,
}

/// Reads a hand-over link the page was opened with (see the module docs).
#[component]
pub fn Inbox(p: &InboxProps) -> Html {
    let ui = use_ui();
    let lang = ui.lang;
    let arrival = use_state(|| Arrival::Nothing);
    let dialog = use_node_ref();
    // The answers now, for a link that arrives later (a `hashchange`: a link opened in the tab
    // the app is already in).
    let current = use_mut_ref(|| p.answers.clone());
    *current.borrow_mut() = p.answers.clone();
    {
        let arrival = arrival.clone();
        let on_accept = p.on_accept.clone();
        use_effect_with((), move |_| {
            let read = Rc::new(move || {
                let hash = web_sys::window()
                    .and_then(|w| w.location().hash().ok())
                    .unwrap_or_default();
                let Some(got) = handover::decode(&hash) else {
                    return;
                };
                // Read once: the fragment leaves the address bar (and the history entry).
                forget_fragment();
                arrival.set(match got {
                    Err(e) => Arrival::Rejected(e),
                    // Nothing would be lost: load at once.
                    Ok(r)
                        if *current.borrow().as_ref() == Answers::default()
                            || *current.borrow().as_ref() == r.answers =>
                    {
                        on_accept.emit(r.answers.clone());
                        Arrival::Loaded(r.migrated)
                    }
                    Ok(r) => Arrival::Asking(Rc::new(r)),
                });
            });
            read();
            let listener = {
                let read = read.clone();
                Closure::<dyn Fn()>::new(move || read())
            };
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback(
                    "hashchange",
                    listener.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(w) = &window {
                    let _ = w.remove_event_listener_with_callback(
                        "hashchange",
                        listener.as_ref().unchecked_ref(),
                    );
                }
                drop(listener);
            }
        });
    }
    {
        let dialog = dialog.clone();
        let asking = matches!(*arrival, Arrival::Asking(_));
        use_effect_with(asking, move |asking| {
            if *asking {
                if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                    if !d.open() {
                        let _ = d.show_modal();
                    }
                }
            }
        });
    }
    let dismiss = {
        let arrival = arrival.clone();
        Callback::from(move |_: MouseEvent| arrival.set(Arrival::Nothing))
    };
    let id = ui.id("inbox");
    match &*arrival {
        Arrival::Nothing => html! {},
        Arrival::Rejected(e) => html! {
            <div class="notice handover-rejected" role="alert" data-testid="handover-rejected" data-reason={e.code()}>
                <p><strong>{ t(lang, "handover.rejected.title") }</strong></p>
                <p>{ e.message(lang) }</p>
                <p>{ t(lang, "handover.kept") }</p>
                <button type="button" class="secondary" onclick={dismiss}>{ t(lang, "handover.ok") }</button>
            </div>
        },
        Arrival::Loaded(migrated) => html! {
            <div class="notice" role="status" data-testid="handover-loaded">
                <p>{ t(lang, "handover.received.done") }</p>
                if let Some(problem) = migrated { <p>{ problem.message(lang) }</p> }
                <button type="button" class="secondary" onclick={dismiss}>{ t(lang, "handover.ok") }</button>
            </div>
        },
        Arrival::Asking(r) => {
            let yes = {
                let arrival = arrival.clone();
                let on_accept = p.on_accept.clone();
                let r = r.clone();
                Callback::from(move |_: MouseEvent| {
                    on_accept.emit(r.answers.clone());
                    arrival.set(Arrival::Loaded(r.migrated.clone()));
                })
            };
            // Escape (the dialog's cancel) means "keep".
            let on_cancel = {
                let arrival = arrival.clone();
                Callback::from(move |e: Event| {
                    e.prevent_default();
                    arrival.set(Arrival::Nothing);
                })
            };
            html! {
                <dialog ref={dialog} class="jz-dialog" aria-labelledby={format!("{id}-h")}
                    aria-describedby={format!("{id}-q")} oncancel={on_cancel} data-testid="handover-ask">
                    <h2 id={format!("{id}-h")} class="dialog-title">{ t(lang, "handover.received.title") }</h2>
                    <p id={format!("{id}-q")}>{ t(lang, "handover.received.question") }</p>
                    <div class="dialog-buttons">
                        <button type="button" class="primary" onclick={yes} data-testid="handover-replace">
                            { t(lang, "handover.received.yes") }
                        </button>
                        <button type="button" class="secondary" onclick={dismiss} data-testid="handover-keep">
                            { t(lang, "handover.received.no") }
                        </button>
                    </div>
                </dialog>
            }
        }
    }
}
