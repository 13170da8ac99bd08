//! The message catalogue of the user interface: every string the app shows that does not come
//! from the rules engine (whose texts carry their own zh-CN and English).
//!
//! The catalogue is data: `data/i18n/*.json`, one file per part of the app, each an object
//! `{ "key": { "zh-CN": "…", "en": "…" } }`. `build.rs` compiles all of them into one lookup and
//! fails the build if a key lacks a language or is defined twice; `tests/i18n.rs` also checks
//! that every key the UI code asks for exists. zh-CN is the primary language.
//!
//! The app's own wasm (built by Trunk with the feature `lazy-en`) carries only the Chinese, so
//! the first download is smaller (BENCHMARKS.md, "App size"): the English is the file
//! [`ENGLISH_FILE`], fetched when the resident switches language and precached by the service
//! worker (`src/ui/english.rs`). Native builds, the engine-only module and the tests compile
//! both languages in.
//!
//! ```
//! use jiuzhu::i18n::{t, Lang};
//! assert_eq!(t(Lang::Zh, "lang.name"), "中文");
//! assert_eq!(t(Lang::En, "lang.name"), "English");
//! ```

mod compiled {
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}

pub use compiled::MESSAGE_KEYS;

/// The two languages of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// 简体中文 (the default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag, for `lang` attributes and storage: `zh-CN` or `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Reads a tag such as `zh-CN`, `zh`, `zh-Hans-CN`, `en`, `en-GB` (case-insensitive);
    /// anything else is `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language (for the switch button).
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// Picks the Chinese or English of a pair, e.g. an engine [`crate::rules::Text`].
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// Both languages of a message, or `None` for a key that is not in the catalogue.
#[cfg(not(all(feature = "lazy-en", target_arch = "wasm32")))]
pub fn message(key: &str) -> Option<(&'static str, &'static str)> {
    compiled::message(key)
}

/// Both languages of a message, or `None` for a key that is not in the catalogue. The app's
/// wasm carries only the Chinese (feature `lazy-en`): until the English catalogue has arrived
/// ([`set_english`]), or for a key it lacks, the English is the Chinese.
#[cfg(all(feature = "lazy-en", target_arch = "wasm32"))]
pub fn message(key: &str) -> Option<(&'static str, &'static str)> {
    let zh = compiled::zh(key)?;
    let en = ENGLISH.get().and_then(|list| {
        list.binary_search_by(|(k, _)| (*k).cmp(key))
            .ok()
            .map(|i| list[i].1)
    });
    Some((zh, en.unwrap_or(zh)))
}

/// The English messages fetched when the resident switches language, sorted by key.
#[cfg(all(feature = "lazy-en", target_arch = "wasm32"))]
static ENGLISH: std::sync::OnceLock<Vec<(&'static str, &'static str)>> = std::sync::OnceLock::new();

/// The file of English messages the build writes next to the app (`scripts/i18n-en.mjs`, from
/// `data/i18n/*.json`): one JSON object, key → English.
pub const ENGLISH_FILE: &str = "i18n-en.json";

/// Whether the English messages are here: always, except in the app's wasm (feature
/// `lazy-en`) before [`ENGLISH_FILE`] has been read.
#[cfg(all(feature = "lazy-en", target_arch = "wasm32"))]
pub fn english_ready() -> bool {
    ENGLISH.get().is_some()
}

/// Whether the English messages are here: always (compiled in).
#[cfg(not(all(feature = "lazy-en", target_arch = "wasm32")))]
pub fn english_ready() -> bool {
    true
}

/// Takes the text of [`ENGLISH_FILE`] (the app's wasm; elsewhere the English is compiled in and
/// this only checks the text). An error says what is wrong with the text.
pub fn set_english(text: &str) -> Result<(), String> {
    let map: std::collections::BTreeMap<String, String> =
        serde_json::from_str(text).map_err(|e| e.to_string())?;
    if map.is_empty() {
        return Err("no messages".into());
    }
    #[cfg(all(feature = "lazy-en", target_arch = "wasm32"))]
    {
        let list = map
            .into_iter()
            .map(|(k, v)| (&*k.leak(), &*v.leak()))
            .collect();
        let _ = ENGLISH.set(list);
    }
    Ok(())
}

/// The message `key` in `lang`. A key missing from the catalogue shows as the key itself (so a
/// mistake is visible, never blank); `tests/i18n.rs` fails on any such key in the code.
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    match message(key) {
        Some((zh, en)) => lang.pick(zh, en),
        None => key,
    }
}

/// The message `key` with `{name}` placeholders filled in from `args`.
///
/// ```
/// use jiuzhu::i18n::{tf, Lang};
/// assert_eq!(tf(Lang::En, "progress.step", &[("n", "2"), ("total", "7")]), "Step 2 of 7");
/// ```
pub fn tf(lang: Lang, key: &'static str, args: &[(&str, &str)]) -> String {
    let mut s = t(lang, key).to_string();
    for (name, value) in args {
        s = s.replace(&format!("{{{name}}}"), value);
    }
    s
}
