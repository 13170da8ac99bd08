//! Component tests of the outreach features (`jiuzhu::ui::{staff, handover, print, self_test}`),
//! rendered by Yew in headless Chromium. Run with:
//!
//! ```sh
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser_outreach
//! ```
//! (`scripts/test.sh` does this.) Natively this file compiles to nothing. The end-to-end side
//! (QR decoding, PDF pages, a second browser) is `e2e/outreach.spec.mjs`.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use jiuzhu::answers::Answers;
use jiuzhu::golden;
use jiuzhu::handover;
use jiuzhu::i18n::Lang;
use jiuzhu::rules::date::Date;
use jiuzhu::rules::{evaluate_json, samples, validate, Household};
use jiuzhu::ui::print::{PrintSummary, PrintSummaryProps};
use jiuzhu::ui::self_test::{self, SelfTest, SelfTestProps};
use jiuzhu::ui::{mount, Mode, Options};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlDialogElement, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

fn document() -> web_sys::Document {
    window().document().unwrap()
}

fn storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

fn mount_point() -> Element {
    let div = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

/// A fresh full-page app setup (not embedded: hand-over, print and the self-test are on).
fn options(key: &str) -> Options {
    for k in [
        key.to_string(),
        format!("{key}.prefs"),
        format!("{key}.staff"),
        format!("{key}.unreadable"),
    ] {
        let _ = storage().remove_item(&k);
    }
    Options {
        storage_key: key.to_string(),
        lang: Some(Lang::Zh),
        date: Some("2024-05-06".into()),
        ..Options::default()
    }
}

async fn flush() {
    yew::scheduler::flush().await;
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

fn query(root: &Element, sel: &str) -> Option<Element> {
    root.query_selector(sel).unwrap()
}

fn find(root: &Element, sel: &str) -> Element {
    query(root, sel).unwrap_or_else(|| panic!("nothing matches {sel}: {}", root.inner_html()))
}

/// Waits (up to `secs`) for `sel` to appear.
async fn wait_for(root: &Element, sel: &str, secs: i32) -> Element {
    for _ in 0..secs * 20 {
        flush().await;
        if let Some(e) = query(root, sel) {
            return e;
        }
        sleep(50).await;
    }
    find(root, sel)
}

async fn click(root: &Element, sel: &str) {
    find(root, sel).dyn_into::<HtmlElement>().unwrap().click();
    flush().await;
}

async fn choose_sample(root: &Element, id: &str) {
    let select: HtmlSelectElement = find(root, "[data-testid=sample]").dyn_into().unwrap();
    select.set_value(id);
    assert_eq!(select.value(), id);
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    flush().await;
}

fn sample_answers(id: &str) -> Answers {
    let s = samples::get(id).unwrap_or_else(|| panic!("sample {id} is missing"));
    Answers::from_household(&validate::parse(s.json).unwrap())
}

/// Puts `fragment` in the address bar without a navigation (as opening a link would).
fn set_hash(fragment: &str) {
    let base = window().location().href().unwrap();
    let base = base.split('#').next().unwrap().to_string();
    window()
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{base}{fragment}")),
        )
        .unwrap();
}

fn hash() -> String {
    window().location().hash().unwrap()
}

// ---- self-test ------------------------------------------------------------------------------

/// The golden cases as the self-test reads them from `selftest-cases.json`.
fn golden_cases() -> std::rc::Rc<self_test::Cases> {
    std::rc::Rc::new(
        golden::all()
            .into_iter()
            .map(|(id, json)| (id.to_string(), json.to_string()))
            .collect(),
    )
}

/// The self-test screen in `root`: with `cases` it runs those, otherwise it fetches `cases_url`.
fn render_self_test(
    root: &Element,
    cases_url: &str,
    cases: Option<std::rc::Rc<self_test::Cases>>,
) -> yew::AppHandle<SelfTest> {
    yew::Renderer::<SelfTest>::with_root_and_props(
        root.clone(),
        SelfTestProps {
            on_back: yew::Callback::noop(),
            cases_url: cases_url.to_string().into(),
            cases,
        },
    )
    .render()
}

/// Every golden case passes in the browser, through the runner the self-test screen uses.
#[wasm_bindgen_test]
fn every_golden_case_passes_in_wasm() {
    let report = self_test::run(&golden_cases());
    assert!(report.cases.len() >= 100, "{} cases", report.cases.len());
    assert_eq!(report.cases.len(), golden::all().len());
    let failing: Vec<_> = report
        .cases
        .iter()
        .filter(|c| !c.problems.is_empty())
        .collect();
    assert!(failing.is_empty(), "{failing:#?}");
    assert_eq!(report.passed(), report.cases.len());
}

/// The screen shows "N / N" once the run ends, in a status region, with no failure list.
#[wasm_bindgen_test]
async fn self_test_screen_shows_every_case_passing() {
    let root = mount_point();
    let app = render_self_test(&root, "unused.json", Some(golden_cases()));
    flush().await;
    let total = golden::all().len().to_string();
    // Before the run ends: "working through N cases".
    let status = find(&root, "[data-testid=selftest-status]");
    assert_eq!(status.get_attribute("role").as_deref(), Some("status"));
    let count = wait_for(&root, "[data-testid=selftest-count]", 20).await;
    assert_eq!(
        count.get_attribute("data-total").as_deref(),
        Some(total.as_str())
    );
    assert_eq!(
        count.get_attribute("data-pass").as_deref(),
        Some(total.as_str())
    );
    assert!(
        count
            .text_content()
            .unwrap()
            .contains(&format!("{total} / {total} 个用例通过")),
        "{}",
        count.text_content().unwrap()
    );
    assert!(query(&root, "[data-testid=selftest-failures]").is_none());
    app.destroy();
    root.remove();
}

/// The file the build writes (scripts/selftest-cases.mjs: `{"id": case, …}`) reads back as the
/// same cases, exact numbers included; an empty or damaged file is refused.
#[wasm_bindgen_test]
fn the_cases_file_reads_back_exactly() {
    let text = format!(
        "{{{}}}",
        golden::all()
            .iter()
            .map(|(id, json)| format!("{id:?}:{}", json.trim()))
            .collect::<Vec<_>>()
            .join(",\n")
    );
    let cases = self_test::parse_cases(&text).expect("reads");
    assert_eq!(cases.len(), golden::all().len());
    let report = self_test::run(&cases);
    assert_eq!(report.passed(), cases.len());
    assert!(self_test::parse_cases("{}").is_err());
    assert!(self_test::parse_cases("{\"a\": ").is_err());
}

/// When the cases cannot be read (offline before the app was ever cached, a portal that did not
/// copy the file), the screen says so in words instead of "0 / 0".
#[wasm_bindgen_test]
async fn self_test_says_when_the_cases_cannot_be_read() {
    let root = mount_point();
    let app = render_self_test(&root, "no-such-selftest-cases.json", None);
    let failed = wait_for(&root, "[data-testid=selftest-load-failed]", 20).await;
    let text = failed.text_content().unwrap();
    assert!(text.contains("无法读取测试用例"), "{text}");
    assert!(text.contains("selftest-cases.json"), "{text}");
    assert!(query(&root, "[data-testid=selftest-count]").is_none());
    app.destroy();
    root.remove();
}

// ---- staff mode ---------------------------------------------------------------------------------

/// The switch turns staff mode on, and a new app on this device starts with it on.
#[wasm_bindgen_test]
async fn staff_mode_is_remembered_on_the_device() {
    let key = "t.out.staff";
    let root = mount_point();
    let app = mount(root.clone(), options(key));
    flush().await;
    assert!(query(&root, "[data-testid=staff-tools]").is_none());
    assert!(query(&root, "[data-testid=sample]").is_none());
    let switch = find(&root, "[data-testid=staff-switch]");
    assert_eq!(
        switch.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    click(&root, "[data-testid=staff-switch]").await;
    assert!(query(&root, "[data-testid=staff-tools]").is_some());
    assert!(query(&root, "[data-testid=sample]").is_some());
    assert_eq!(
        storage()
            .get_item(&format!("{key}.staff"))
            .unwrap()
            .as_deref(),
        Some("1")
    );
    app.destroy();
    // A new start: remembered (options() would forget it, so mount with the key as is).
    let app = mount(
        root.clone(),
        Options {
            storage_key: key.to_string(),
            lang: Some(Lang::Zh),
            ..Options::default()
        },
    );
    flush().await;
    assert!(query(&root, "[data-testid=staff-tools]").is_some());
    app.destroy();
    root.remove();
}

/// "Next resident": a modal dialog first; "cancel" keeps everything; "clear" leaves nothing.
#[wasm_bindgen_test]
async fn next_resident_asks_then_clears_everything() {
    let key = "t.out.next";
    let root = mount_point();
    let app = mount(
        root.clone(),
        Options {
            mode: Mode::Staff,
            ..options(key)
        },
    );
    flush().await;
    // A portal's staff mode has no switch: it is always on.
    assert!(query(&root, "[data-testid=staff-switch]").is_none());
    choose_sample(&root, "xishan_urban_three").await;
    let saved = storage().get_item(key).unwrap().expect("answers saved");
    assert!(saved.contains("530112"));
    assert!(query(&root, "[data-testid=result-bar] [data-scheme]").is_some());

    let dialog: HtmlDialogElement = find(&root, "[data-testid=next-confirm]")
        .dyn_into()
        .unwrap();
    assert!(!dialog.open());
    click(&root, "[data-testid=next-resident]").await;
    assert!(dialog.open(), "the question is asked first");
    click(&root, "[data-testid=next-no]").await;
    assert!(!dialog.open());
    assert_eq!(
        storage().get_item(key).unwrap().as_deref(),
        Some(saved.as_str())
    );

    click(&root, "[data-testid=next-resident]").await;
    click(&root, "[data-testid=next-yes]").await;
    flush().await;
    assert!(!find(&root, "[data-testid=next-confirm]")
        .dyn_into::<HtmlDialogElement>()
        .unwrap()
        .open());
    assert!(storage().get_item(key).unwrap().is_none(), "answers gone");
    let prefs = storage()
        .get_item(&format!("{key}.prefs"))
        .unwrap()
        .unwrap_or_default();
    assert!(!prefs.contains("result"), "{prefs}");
    assert!(query(&root, "[data-testid=result-bar] [data-scheme]").is_none());
    let sample: HtmlSelectElement = find(&root, "[data-testid=sample]").dyn_into().unwrap();
    assert_eq!(sample.value(), "", "the sample picker starts again");
    // The page's text, without the sample picker (which names the sample households).
    let copy: Element = root.clone_node_with_deep(true).unwrap().dyn_into().unwrap();
    if let Some(picker) = query(&copy, "[data-field=sample]") {
        picker.remove();
    }
    let text = copy.text_content().unwrap();
    for trace in ["西山", "612", "264"] {
        assert!(!text.contains(trace), "{trace} still on the page");
    }
    assert_eq!(
        find(&root, "[data-testid=app]")
            .get_attribute("data-step")
            .as_deref(),
        Some("place")
    );
    app.destroy();
    root.remove();
}

// ---- hand-over ----------------------------------------------------------------------------------

/// Opening the app with a hand-over link and nothing saved: loaded, result shown, saved, and
/// the fragment gone from the address bar.
#[wasm_bindgen_test]
async fn a_handover_link_restores_the_household() {
    let key = "t.out.link";
    let a = sample_answers("wuding_rural_four");
    let fragment = handover::encode(&a, Date::parse("2024-05-06").unwrap()).unwrap();
    let opts = options(key);
    set_hash(&format!("#{fragment}"));
    let root = mount_point();
    let app = mount(root.clone(), opts);
    flush().await;
    flush().await;
    assert_eq!(hash(), "", "the fragment is removed once read");
    assert!(query(&root, "[data-testid=handover-loaded]").is_some());
    assert_eq!(
        find(&root, "[data-testid=app]")
            .get_attribute("data-step")
            .as_deref(),
        Some("result")
    );
    let saved = storage().get_item(key).unwrap().expect("saved");
    let (restored, problem) = Answers::restore(&saved).unwrap();
    assert_eq!(problem, None);
    assert_eq!(restored, a);
    // The result is the household's: Wuding (武定县) rural standard.
    assert!(find(&root, "[data-testid=region]")
        .text_content()
        .unwrap()
        .contains("武定"));
    app.destroy();
    root.remove();
}

/// A damaged link: a message in an alert, and the saved answers are exactly as they were.
#[wasm_bindgen_test]
async fn a_damaged_link_is_rejected_and_keeps_the_saved_answers() {
    let key = "t.out.bad";
    let own = sample_answers("xishan_tekun_elder").to_json();
    let good = handover::encode(
        &sample_answers("xishan_fire"),
        Date::parse("2024-05-06").unwrap(),
    )
    .unwrap();
    let mut changed = good.clone().into_bytes();
    let i = changed.len() - 10;
    changed[i] = if changed[i] == b'A' { b'B' } else { b'A' };
    let changed = String::from_utf8(changed).unwrap();
    for (fragment, reason) in [
        (format!("#{changed}"), "tampered"),
        ("#h1=@@@".to_string(), "corrupt"),
        ("#h9=AAAAAAAA".to_string(), "newer"),
        (
            format!("#h1={}", "A".repeat(handover::MAX_PAYLOAD + 1)),
            "too_large",
        ),
    ] {
        let opts = options(key);
        storage().set_item(key, &own).unwrap();
        set_hash(&fragment);
        let root = mount_point();
        let app = mount(root.clone(), opts);
        flush().await;
        flush().await;
        let alert = find(&root, "[data-testid=handover-rejected]");
        assert_eq!(alert.get_attribute("role").as_deref(), Some("alert"));
        assert_eq!(alert.get_attribute("data-reason").as_deref(), Some(reason));
        let text = alert.text_content().unwrap();
        assert!(
            text.contains("无法读取交接链接") && text.contains("没有任何改动"),
            "{text}"
        );
        assert_eq!(
            storage().get_item(key).unwrap().as_deref(),
            Some(own.as_str()),
            "{reason}"
        );
        assert_eq!(hash(), "");
        app.destroy();
        root.remove();
    }
}

/// Other answers saved here: the link asks in a modal dialog; "keep" changes nothing.
#[wasm_bindgen_test]
async fn a_link_asks_before_replacing_other_answers() {
    let key = "t.out.ask";
    let own = sample_answers("xishan_tekun_elder").to_json();
    let theirs = sample_answers("chuxiong_found_work");
    let fragment = handover::encode(&theirs, Date::parse("2024-05-06").unwrap()).unwrap();
    for keep in [true, false] {
        let opts = options(key);
        storage().set_item(key, &own).unwrap();
        set_hash(&format!("#{fragment}"));
        let root = mount_point();
        let app = mount(root.clone(), opts);
        flush().await;
        flush().await;
        let dialog: HtmlDialogElement = find(&root, "[data-testid=handover-ask]")
            .dyn_into()
            .unwrap();
        assert!(dialog.open());
        assert_eq!(
            storage().get_item(key).unwrap().as_deref(),
            Some(own.as_str())
        );
        if keep {
            click(&root, "[data-testid=handover-keep]").await;
            assert!(query(&root, "[data-testid=handover-ask]").is_none());
            assert_eq!(
                storage().get_item(key).unwrap().as_deref(),
                Some(own.as_str())
            );
        } else {
            click(&root, "[data-testid=handover-replace]").await;
            flush().await;
            let saved = storage().get_item(key).unwrap().unwrap();
            assert_eq!(Answers::restore(&saved).unwrap().0, theirs);
        }
        app.destroy();
        root.remove();
    }
}

/// The result screen's panel: a QR image (SVG data URL) and the link of exactly these answers.
#[wasm_bindgen_test]
async fn the_panel_shows_the_qr_code_and_the_link() {
    let key = "t.out.panel";
    let root = mount_point();
    let app = mount(
        root.clone(),
        Options {
            mode: Mode::Staff,
            ..options(key)
        },
    );
    flush().await;
    choose_sample(&root, "xishan_urban_three").await;
    click(&root, "[data-testid=bar-open]").await;
    assert!(
        query(&root, "[data-testid=handover-qr]").is_none(),
        "drawn only when asked"
    );
    click(&root, "[data-testid=handover-show]").await;
    let img = find(&root, "[data-testid=handover-qr]");
    assert!(img
        .get_attribute("src")
        .unwrap()
        .starts_with("data:image/svg+xml;base64,"));
    assert!(!img.get_attribute("alt").unwrap_or_default().is_empty());
    let link: HtmlInputElement = find(&root, "[data-testid=handover-link]")
        .dyn_into()
        .unwrap();
    let url = link.value();
    let (_, fragment) = url.split_once('#').expect("a fragment");
    let got = handover::decode(fragment).unwrap().unwrap();
    assert_eq!(got.answers, sample_answers("xishan_urban_three"));
    assert!(link.read_only());
    app.destroy();
    root.remove();
}

// ---- print --------------------------------------------------------------------------------------

/// The printable summary of the Xishan family of three (hand-worked: per capita 1836 ÷ 3 = 612 <
/// 700, dibao estimate (700 − 612) × 3 = ¥264.00): hidden on screen, with the figures, every
/// document the engine lists, the timeline and the stamp.
#[wasm_bindgen_test]
async fn print_summary_has_the_figures_and_the_checklist() {
    let json = samples::get("xishan_urban_three").unwrap().json;
    let ev = Rc::new(evaluate_json(json).unwrap());
    let h: Rc<Household> = Rc::new(serde_json::from_str(json).unwrap());
    let root = mount_point();
    let app = yew::Renderer::<PrintSummary>::with_root_and_props(
        root.clone(),
        PrintSummaryProps {
            evaluation: ev.clone(),
            household: h,
            lang: Lang::Zh,
        },
    )
    .render();
    flush().await;
    let s = find(&root, "[data-testid=print-summary]");
    assert!(s.has_attribute("hidden"), "not shown on screen");
    let text = s.text_content().unwrap();
    for want in [
        "社会救助办事清单",
        "¥612.00",
        "¥700.00",
        "¥264.00",
        "西山区",
        "3 人",
        "要带的材料",
        "在哪里申请",
        "要多长时间",
        "这是估算，不是审核决定",
    ] {
        assert!(text.contains(want), "{want} missing: {text}");
    }
    let dibao = find(&s, "[data-scheme=dibao]");
    assert_eq!(
        dibao.get_attribute("data-status").as_deref(),
        Some("likely")
    );
    let docs = s
        .query_selector_all(".print-list")
        .unwrap()
        .item(0)
        .unwrap();
    assert_eq!(
        docs.dyn_into::<Element>().unwrap().children().length() as usize,
        ev.next_steps.documents.len()
    );
    assert!(text.contains(&ev.rules_version));
    app.destroy();
    root.remove();
}
