//! Answers and preferences kept on the device (`localStorage`), nowhere else.
//!
//! - `<key>`: the answers ([`Answers::to_json`], versioned); written after every change, removed
//!   when they are back to a fresh start or the user clears their data;
//! - `<key>.prefs`: language, 大字模式 and the screen the user was on.
//!
//! Storage may be missing or refuse (private mode, a sandboxed iframe, a full quota): the app
//! then works without saving. Nothing here ever panics.

use serde::{Deserialize, Serialize};

use super::state::Step;
use crate::answers::{Answers, RestoreProblem};

fn store() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn get(key: &str) -> Option<String> {
    store()?.get_item(key).ok().flatten()
}

/// Writes `value`; false only when there is a storage and it refused (full: another key or
/// another app filled the quota). No storage at all is not a failure here: the page was
/// opened where nothing can be kept (see the module doc).
fn set(key: &str, value: &str) -> bool {
    store().is_none_or(|s| s.set_item(key, value).is_ok())
}

fn remove(key: &str) {
    if let Some(s) = store() {
        let _ = s.remove_item(key);
    }
}

fn prefs_key(key: &str) -> String {
    format!("{key}.prefs")
}

/// What was saved, read back: the answers (fresh if nothing or nothing usable) and what to tell
/// the user about them.
pub fn load_answers(key: &str) -> (Answers, Option<RestoreProblem>) {
    match get(key) {
        None => (Answers::default(), None),
        Some(json) => match Answers::restore(&json) {
            Ok((a, problem)) => (a, problem),
            Err(problem) => {
                // Keep the unreadable text aside rather than destroying it, then start afresh.
                let _ = set(&format!("{key}.unreadable"), &json);
                remove(key);
                (Answers::default(), Some(problem))
            }
        },
    }
}

/// Saves the answers; false when the storage refused them (the app keeps them in memory and
/// tells the resident they will not be kept).
pub fn save_answers(key: &str, a: &Answers) -> bool {
    if *a == Answers::default() {
        remove(key);
        true
    } else {
        set(key, &a.to_json())
    }
}

/// "清除我的数据": the answers, anything kept aside, and the position in the flow.
pub fn clear(key: &str) {
    remove(key);
    remove(&format!("{key}.unreadable"));
    remove(&prefs_key(key));
}

/// Preferences: language tag, elder mode, screen.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    pub elder: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<Step>,
}

pub fn load_prefs(key: &str) -> Prefs {
    get(&prefs_key(key))
        .and_then(|j| serde_json::from_str(&j).ok())
        .unwrap_or_default()
}

pub fn save_prefs(key: &str, p: &Prefs) {
    if let Ok(j) = serde_json::to_string(p) {
        let _ = set(&prefs_key(key), &j);
    }
}

/// The browser's language: English if it says so, otherwise 简体中文.
pub fn browser_lang() -> crate::i18n::Lang {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .and_then(|tag| crate::i18n::Lang::from_tag(&tag))
        .unwrap_or_default()
}
