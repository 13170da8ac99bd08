//! Browser tests: the rules engine and the UI compiled to wasm32, run in headless Chromium by
//! wasm-bindgen-test-runner (`.cargo/config.toml`). Run with:
//!
//! ```sh
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser
//! ```
//! (`scripts/test.sh` does this.) Natively this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use jiuzhu::rules::samples;
use jiuzhu::rules::{evaluate_json, SchemeId, Status};
use rust_decimal::Decimal;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn sample_json(id: &str) -> &'static str {
    samples::all()
        .into_iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("sample household {id} is missing"))
        .json
}

/// Hand-worked golden figure, computed by the engine inside the browser:
/// a Xishan district (530112) urban household of 3 with counted monthly income ¥1836, urban
/// dibao standard ¥700 per person per month (2022):
///   per capita 1836 ÷ 3 = 612.00 < 700  → dibao likely;
///   estimate (700 − 612) × 3 = 264.00 per month.
#[wasm_bindgen_test]
fn engine_in_wasm_xishan_urban_three() {
    let ev = evaluate_json(sample_json("xishan_urban_three")).expect("sample household is valid");

    assert_eq!(ev.region, "530112");
    assert_eq!(ev.per_capita_monthly_income, Some(Decimal::new(61200, 2)));

    let dibao = ev.scheme(SchemeId::Dibao);
    assert_eq!(dibao.status, Status::Likely);
    let estimate = dibao.estimate.as_ref().expect("dibao has an estimate");
    assert_eq!(estimate.monthly_low, Decimal::new(26400, 2));
    assert_eq!(estimate.monthly_high, Decimal::new(26400, 2));
}

/// Invalid input is an error value with a field and messages in both languages, not a panic.
#[wasm_bindgen_test]
fn engine_in_wasm_rejects_bad_json() {
    let err = evaluate_json("{ not json").expect_err("must be rejected");
    assert!(!err.message_zh.is_empty());
    assert!(!err.message_en.is_empty());
}

/// Every sample household evaluates in the browser (the staff demo mode depends on it).
#[wasm_bindgen_test]
fn every_sample_evaluates_in_wasm() {
    let all = samples::all();
    assert!(!all.is_empty(), "no sample households embedded");
    for s in all {
        if let Err(e) = evaluate_json(s.json) {
            panic!("sample {} does not evaluate: {e}", s.id);
        }
    }
}

mod ui {
    use super::*;
    use jiuzhu::ui::App;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlSelectElement};

    fn mount_point() -> Element {
        let document = web_sys::window().unwrap().document().unwrap();
        let div = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&div).unwrap();
        div
    }

    /// The app mounts, lists the samples, and shows the engine's result for the chosen one with
    /// the status in words and an icon.
    #[wasm_bindgen_test]
    async fn app_renders_the_xishan_result() {
        let root = mount_point();
        let handle = yew::Renderer::<App>::with_root(root.clone()).render();
        yew::scheduler::flush().await;

        let text = root.text_content().unwrap_or_default();
        assert!(text.contains("救助自查"), "header missing: {text}");

        // Choose the Xishan household through the <select>, as a user would.
        let select: HtmlSelectElement = root
            .query_selector("select#sample")
            .unwrap()
            .expect("the sample picker is rendered")
            .dyn_into()
            .unwrap();
        select.set_value("xishan_urban_three");
        assert_eq!(
            select.value(),
            "xishan_urban_three",
            "sample option missing"
        );
        let event = web_sys::Event::new("change").unwrap();
        select.dispatch_event(&event).unwrap();
        yew::scheduler::flush().await;

        let per_capita = root
            .query_selector("[data-testid=per-capita]")
            .unwrap()
            .expect("per-capita income shown")
            .text_content()
            .unwrap_or_default();
        assert_eq!(per_capita, "¥612.00");

        let dibao = root
            .query_selector("[data-scheme=dibao]")
            .unwrap()
            .expect("dibao row shown")
            .text_content()
            .unwrap_or_default();
        assert!(dibao.contains(Status::Likely.icon()), "no icon: {dibao}");
        assert!(
            dibao.contains(Status::Likely.label().zh.as_ref()),
            "no status words: {dibao}"
        );
        assert!(dibao.contains("¥264.00"), "no estimate: {dibao}");

        handle.destroy();
        root.remove();
    }
}
