//! The English messages of the interface, fetched when the resident switches to English.
//!
//! The app's wasm carries only the Chinese (feature `lazy-en`, `src/i18n.rs`): the English is
//! [`ENGLISH_FILE`], which the build writes next to the app (`scripts/i18n-en.mjs`) and the
//! service worker precaches, so after the first visit the switch works offline. Until it has
//! arrived the app stays in Chinese; if it cannot be read, the app says so in Chinese and stays
//! in Chinese. In every other build the English is compiled in and nothing is fetched.

use yew::Callback;

use crate::i18n::{english_ready, set_english, Lang, ENGLISH_FILE};

/// A language's name in that language, for the switch button (the same in both catalogues, and
/// needed before the English has arrived).
pub fn name(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "中文",
        Lang::En => "English",
    }
}

/// What an app started in English shows until its English messages are here (`App`; in both
/// languages, as the page's own loading screen: neither catalogue can be assumed yet).
pub fn waiting() -> yew::Html {
    yew::html! {
        <p class="jz-starting" role="status" data-testid="starting">
            { "正在加载…" }<span lang="en">{ " Loading…" }</span>
        </p>
    }
}

/// Makes sure the English messages are here: reads `base` + [`ENGLISH_FILE`] if they are not,
/// then calls `done` (at once if they are) with `Ok` or what went wrong.
pub fn load(base: &str, done: Callback<Result<(), String>>) {
    if english_ready() {
        done.emit(Ok(()));
        return;
    }
    let url = format!("{base}{ENGLISH_FILE}");
    wasm_bindgen_futures::spawn_local(async move {
        let r = super::place_tree::fetch_text(&url)
            .await
            .and_then(|t| set_english(&t));
        if let Err(e) = &r {
            web_sys::console::warn_1(&format!("{ENGLISH_FILE}: {e}").into());
        }
        done.emit(r);
    });
}
