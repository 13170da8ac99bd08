//! Fuzz target: any bytes given to the JSON entry point (`jiuzhu evaluate`, the wasm API) give a
//! result or an input error, never a panic. The same bytes are also read as the resident app's
//! saved answers (`Answers::restore`, what a damaged localStorage entry or QR fragment could hold)
//! and, when they restore, turned into a household and evaluated.
#![no_main]

use jiuzhu::answers::Answers;
use jiuzhu::rules::{self, Date};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match rules::evaluate_json(text) {
        Ok(ev) => {
            // The output always serialises, and the batch summary too.
            serde_json::to_string(&ev).expect("an evaluation serialises");
            serde_json::to_string(&ev.summary()).expect("a summary serialises");
        }
        Err(e) => {
            // An input error always names what is wrong, in both languages.
            assert!(!e.message_zh.is_empty() && !e.message_en.is_empty());
        }
    }
    // The household parse alone, then the quiet (batch) path on a fixed date.
    if let Ok(h) = rules::validate::parse(text) {
        let today = Date::parse("2026-01-01").unwrap();
        let _ = rules::evaluate_quiet(&h, today);
    }
    // Saved answers: restore → household → evaluation; never a panic.
    if let Ok((answers, _)) = Answers::restore(text) {
        let _ = answers.to_json();
        if let Ok(h) = answers.to_household() {
            let _ = rules::evaluate_on(&h, Date::parse("2026-01-01").unwrap());
        }
    }
});
