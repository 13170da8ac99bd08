//! 朗读 — "read aloud": reads the result's summary in the current language with the browser's
//! speech synthesis (Web Speech API, `speechSynthesis`), for residents who find small print hard.
//! Where the browser has no speech synthesis the button is not shown at all. Nothing leaves the
//! device: the browser's own voices are used.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::cite::pick;
use super::money::spoken;
use crate::i18n::{t, tf, Lang};
use crate::rules::{Evaluation, Status};

/// What is read: the region, the per-person income, each scheme that is likely or possible
/// with its reason and amount, how many are unlikely, and that this is an estimate.
pub fn spoken_summary(ev: &Evaluation, lang: Lang) -> String {
    let mut parts = vec![tf(
        lang,
        "result.speak.intro",
        &[("region", &pick(lang, &ev.region_name))],
    )];
    if let Some(pc) = ev.per_capita_monthly_income {
        parts.push(tf(
            lang,
            "result.speak.per_capita",
            &[("amount", &spoken(pc, lang))],
        ));
    }
    let mut unlikely = 0;
    for s in &ev.schemes {
        if s.status == Status::Unlikely {
            unlikely += 1;
            continue;
        }
        parts.push(tf(
            lang,
            "result.speak.scheme",
            &[
                ("scheme", &pick(lang, &s.scheme.label())),
                ("status", &pick(lang, &s.status.label())),
                ("summary", &pick(lang, &s.summary)),
            ],
        ));
        if let Some(e) = &s.estimate {
            let amount = if e.monthly_low == e.monthly_high {
                spoken(e.monthly_low, lang)
            } else {
                tf(
                    lang,
                    "result.speak.range",
                    &[
                        ("low", &spoken(e.monthly_low, lang)),
                        ("high", &spoken(e.monthly_high, lang)),
                    ],
                )
            };
            parts.push(tf(lang, "result.speak.estimate", &[("amount", &amount)]));
        }
    }
    if unlikely == ev.schemes.len() {
        parts.push(t(lang, "result.speak.none").to_string());
    } else if unlikely > 0 {
        parts.push(tf(
            lang,
            "result.speak.rest",
            &[("n", &unlikely.to_string())],
        ));
    }
    parts.push(pick(lang, &ev.disclaimer));
    parts.join(" ")
}

/// True where the browser offers `speechSynthesis` and `SpeechSynthesisUtterance`.
pub fn speech_available() -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let has = |name: &str| js_sys::Reflect::has(&w, &JsValue::from_str(name)).unwrap_or(false);
    has("speechSynthesis") && has("SpeechSynthesisUtterance")
}

fn synth() -> Option<web_sys::SpeechSynthesis> {
    if !speech_available() {
        return None;
    }
    web_sys::window()?.speech_synthesis().ok()
}

/// BCP 47 tags the voices are chosen by.
fn voice_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en-US",
    }
}

#[derive(Properties, PartialEq)]
pub struct ReadAloudProps {
    pub evaluation: Rc<Evaluation>,
    pub lang: Lang,
}

/// A button that reads the summary aloud, and stops it on a second press.
#[component]
pub fn ReadAloud(props: &ReadAloudProps) -> Html {
    let available = *use_memo((), |_| speech_available());
    let speaking = use_state_eq(|| false);
    {
        // A new result or language: stop reading the old one (also on leaving the screen).
        let speaking = speaking.clone();
        use_effect_with((props.evaluation.clone(), props.lang), move |_| {
            speaking.set(false);
            || {
                if let Some(s) = synth() {
                    s.cancel();
                }
            }
        });
    }
    if !available {
        return Html::default();
    }
    let onclick = {
        let speaking = speaking.clone();
        let ev = props.evaluation.clone();
        let lang = props.lang;
        Callback::from(move |_: MouseEvent| {
            let Some(s) = synth() else { return };
            s.cancel();
            if *speaking {
                speaking.set(false);
                return;
            }
            let Ok(u) =
                web_sys::SpeechSynthesisUtterance::new_with_text(&spoken_summary(&ev, lang))
            else {
                return;
            };
            u.set_lang(voice_lang(lang));
            u.set_rate(0.9);
            for set in [
                web_sys::SpeechSynthesisUtterance::set_onend,
                web_sys::SpeechSynthesisUtterance::set_onerror,
            ] {
                let speaking = speaking.clone();
                let done = Closure::once_into_js(move || speaking.set(false));
                set(&u, Some(done.unchecked_ref()));
            }
            s.speak(&u);
            speaking.set(true);
        })
    };
    let label = if *speaking {
        t(props.lang, "result.read.stop")
    } else {
        t(props.lang, "result.read.start")
    };
    html! {
        <button type="button" class="result-read-aloud" data-testid="read-aloud" {onclick}>
            { speaker_icon(*speaking) }{ label }
        </button>
    }
}

/// A loudspeaker (or a stop square while reading), drawn so it needs no emoji font.
fn speaker_icon(speaking: bool) -> Html {
    html! {
        <svg class="result-read-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            if speaking {
                <rect x="5" y="5" width="14" height="14" fill="currentColor" />
            } else {
                <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor" />
                <path d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
            }
        </svg>
    }
}
