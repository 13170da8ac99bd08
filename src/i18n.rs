//! The message catalogue of the user interface: every string the app shows that does not come
//! from the rules engine (whose texts carry their own zh-CN and English).
//!
//! The catalogue is data: `data/i18n/*.json`, one file per part of the app, each an object
//! `{ "key": { "zh-CN": "…", "en": "…" } }`. `build.rs` compiles all of them into one lookup and
//! fails the build if a key lacks a language or is defined twice; `tests/i18n.rs` also checks
//! that every key the UI code asks for exists. zh-CN is the primary language.
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
pub fn message(key: &str) -> Option<(&'static str, &'static str)> {
    compiled::message(key)
}

/// The message `key` in `lang`. A key missing from the catalogue shows as the key itself (so a
/// mistake is visible, never blank); `tests/i18n.rs` fails on any such key in the code.
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    match compiled::message(key) {
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
