//! Staff mode (工作人员模式) for community and village workers who demonstrate the screener or help
//! residents fill it in, one after another:
//!
//! - [`StaffSwitch`] (in the footer, the app's settings area): turns staff mode on or off. The
//!   choice is a device setting, remembered in `localStorage` under `<key>.staff` — not with the
//!   resident's answers, so "clear my data" and "next resident" keep it. A portal that mounts
//!   the app with `Mode::Staff` has it on for good (no switch).
//! - [`StaffTools`] (under the header while staff mode is on): "下一位居民 / next resident" and
//!   the self-test. With staff mode on, the first screen also offers the sample households
//!   ([`super::sample_picker`]: `crate::rules::samples`, the same ones the tests and the docs
//!   use), loaded into the answers with `Answers::from_household`.
//! - "Next resident" asks first in a modal `<dialog>` (focus moves into it, Escape cancels),
//!   then [`forget_resident`] removes everything of the resident: the saved answers, anything
//!   kept aside and the position in the flow (`storage::clear`), a hand-over fragment still in
//!   the address bar, and speech still being read out; the app then resets its state
//!   (`Action::Clear`) and remounts the outreach parts, so no message, dialog or link of the
//!   previous resident remains in the page or in its live regions. The language and 大字模式 are
//!   the device's settings (the worker's choice) and stay as they are.

use web_sys::HtmlDialogElement;
use yew::prelude::*;

use super::fields::use_ui;
use super::storage;
use crate::i18n::t;

fn staff_key(key: &str) -> String {
    format!("{key}.staff")
}

/// Whether staff mode was turned on on this device.
pub fn remembered(key: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(&staff_key(key)).ok().flatten())
        .is_some_and(|v| v == "1")
}

/// Remembers (or forgets) staff mode on this device.
pub fn remember(key: &str, on: bool) {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = if on {
            s.set_item(&staff_key(key), "1")
        } else {
            s.remove_item(&staff_key(key))
        };
    }
}

/// Everything of the current resident outside the app's state: saved answers and position,
/// a hand-over link in the address bar, speech in progress.
pub fn forget_resident(key: &str) {
    storage::clear(key);
    super::handover::forget_fragment();
    if let Some(s) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) {
        s.cancel();
    }
}

#[derive(Properties, PartialEq)]
pub struct StaffSwitchProps {
    pub on: bool,
    pub on_toggle: Callback<bool>,
}

/// The staff-mode switch (a toggle button with its state in `aria-pressed`).
#[component]
pub fn StaffSwitch(p: &StaffSwitchProps) -> Html {
    let ui = use_ui();
    let id = ui.id("staff-hint");
    let on = p.on;
    html! {
        <div class="staff-switch">
            <button type="button" class="tool" aria-pressed={if on { "true" } else { "false" }}
                aria-describedby={id.clone()} onclick={p.on_toggle.reform(move |_| !on)}
                data-testid="staff-switch">
                { ui.t("staff.mode") }
            </button>
            <p class="hint" id={id}>{ ui.t("staff.mode_hint") }</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct StaffToolsProps {
    /// After the confirmation: clear everything for the next resident.
    pub on_next: Callback<()>,
    pub on_selftest: Callback<()>,
}

#[component]
pub fn StaffTools(p: &StaffToolsProps) -> Html {
    let ui = use_ui();
    let lang = ui.lang;
    let asking = use_state(|| false);
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with(*asking, move |asking| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                if *asking && !d.open() {
                    let _ = d.show_modal();
                } else if !*asking && d.open() {
                    d.close();
                }
            }
        });
    }
    let ask = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(true))
    };
    let cancel = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(false))
    };
    let on_cancel = {
        let asking = asking.clone();
        Callback::from(move |e: Event| {
            e.prevent_default();
            asking.set(false);
        })
    };
    let yes = {
        let asking = asking.clone();
        let on_next = p.on_next.clone();
        Callback::from(move |_: MouseEvent| {
            asking.set(false);
            on_next.emit(());
        })
    };
    let id = ui.id("staff");
    html! {
        <section class="staff-tools" aria-labelledby={format!("{id}-h")} data-testid="staff-tools">
            <h2 id={format!("{id}-h")} class="staff-title">{ t(lang, "staff.tools") }</h2>
            <div class="staff-buttons">
                <button type="button" class="primary" onclick={ask} data-testid="next-resident">
                    { t(lang, "staff.next") }
                </button>
                <button type="button" class="secondary" onclick={p.on_selftest.reform(|_| ())}
                    data-testid="open-selftest">
                    { t(lang, "staff.selftest") }
                </button>
            </div>
            <dialog ref={dialog} class="jz-dialog" aria-labelledby={format!("{id}-q-h")}
                aria-describedby={format!("{id}-q")} oncancel={on_cancel} data-testid="next-confirm">
                <h2 id={format!("{id}-q-h")} class="dialog-title">{ t(lang, "staff.next") }</h2>
                <p id={format!("{id}-q")}>{ t(lang, "staff.next_question") }</p>
                <div class="dialog-buttons">
                    <button type="button" class="primary danger" onclick={yes} data-testid="next-yes">
                        { t(lang, "staff.next_yes") }
                    </button>
                    <button type="button" class="secondary" onclick={cancel} data-testid="next-no">
                        { t(lang, "staff.next_no") }
                    </button>
                </div>
            </dialog>
        </section>
    }
}
