//! Sample households (`samples/*.json`), shared by the tests, the docs and the staff demo.

use super::params::SAMPLE_FILES;

#[derive(Debug, Clone, Copy)]
pub struct Sample {
    pub id: &'static str,
    pub title_zh: &'static str,
    pub title_en: &'static str,
    pub json: &'static str,
}

/// Titles live in `samples/index.json`; each other file is a household document.
pub fn all() -> Vec<Sample> {
    static ALL: std::sync::OnceLock<Vec<Sample>> = std::sync::OnceLock::new();
    ALL.get_or_init(load).clone()
}

fn load() -> Vec<Sample> {
    let index = SAMPLE_FILES
        .iter()
        .find(|(k, _)| *k == "index")
        .map(|(_, v)| *v)
        .unwrap_or("{}");
    let titles: serde_json::Value = serde_json::from_str(index).unwrap_or(serde_json::Value::Null);
    SAMPLE_FILES
        .iter()
        .filter(|(k, _)| *k != "index")
        .map(|(id, json)| {
            let t = &titles[*id];
            Sample {
                id,
                title_zh: leak(t["zh"].as_str().unwrap_or(id)),
                title_en: leak(t["en"].as_str().unwrap_or(id)),
                json,
            }
        })
        .collect()
}

fn leak(s: &str) -> &'static str {
    // Called once per title, when the sample list is first loaded.
    Box::leak(s.to_string().into_boxed_str())
}

pub fn get(id: &str) -> Option<Sample> {
    all().into_iter().find(|s| s.id == id)
}
