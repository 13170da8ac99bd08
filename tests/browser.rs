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
    use jiuzhu::i18n::Lang;
    use jiuzhu::ui::{mount, Mode, Options};
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

    fn document() -> web_sys::Document {
        web_sys::window().unwrap().document().unwrap()
    }

    fn storage() -> web_sys::Storage {
        web_sys::window().unwrap().local_storage().unwrap().unwrap()
    }

    fn mount_point() -> Element {
        let div = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&div).unwrap();
        div
    }

    /// Options for a test: its own storage key, Chinese, a fixed date.
    fn options(key: &str) -> Options {
        let _ = storage().remove_item(key);
        let _ = storage().remove_item(&format!("{key}.prefs"));
        Options {
            storage_key: key.to_string(),
            lang: Some(Lang::Zh),
            date: Some("2022-11-01".into()),
            embedded: true,
            ..Options::default()
        }
    }

    async fn flush() {
        yew::scheduler::flush().await;
    }

    fn find(root: &Element, sel: &str) -> Element {
        root.query_selector(sel)
            .unwrap()
            .unwrap_or_else(|| panic!("nothing matches {sel}: {}", root.inner_html()))
    }

    fn text(root: &Element, sel: &str) -> String {
        find(root, sel).text_content().unwrap_or_default()
    }

    async fn click(root: &Element, sel: &str) {
        find(root, sel).dyn_into::<HtmlElement>().unwrap().click();
        flush().await;
    }

    /// Types into the text input of the field named `field` (as a user's input event does).
    async fn type_into(root: &Element, field: &str, value: &str) {
        let input: HtmlInputElement =
            find(root, &format!("[data-field=\"{field}\"] input[type=text]"))
                .dyn_into()
                .unwrap();
        input.set_value(value);
        input
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
        flush().await;
    }

    /// 云南省 → 昆明市 → 西山区 in the place menus (the seed 000 region of most flows).
    async fn choose_xishan(root: &Element) {
        choose(root, "region.province", "530000").await;
        choose(root, "region.city", "530100").await;
        choose(root, "region.county", "530112").await;
    }

    async fn choose(root: &Element, field: &str, value: &str) {
        let select: HtmlSelectElement = find(root, &format!("[data-field=\"{field}\"] select"))
            .dyn_into()
            .unwrap();
        select.set_value(value);
        assert_eq!(select.value(), value, "{field} has no option {value}");
        select
            .dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
        flush().await;
    }

    async fn radio(root: &Element, field: &str, value: &str) {
        click(
            root,
            &format!("[data-field=\"{field}\"] input[value=\"{value}\"]"),
        )
        .await;
    }

    /// Answers "否" to every yes/no question on the screen still unanswered (as a resident does:
    /// every question starts unanswered).
    async fn no_to_the_rest(root: &Element) {
        while let Some(n) = root
            .query_selector(".screen fieldset.radios:not(:has(input:checked)) input[value=n]")
            .unwrap()
        {
            n.dyn_into::<HtmlElement>().unwrap().click();
            flush().await;
        }
    }

    fn bar_status(root: &Element, scheme: &str) -> String {
        find(
            root,
            &format!("[data-testid=result-bar] [data-scheme={scheme}]"),
        )
        .get_attribute("data-status")
        .unwrap_or_default()
    }

    /// The first screen: where you live, step 1 of 7, and a result bar that asks for the place.
    #[wasm_bindgen_test]
    async fn first_screen_asks_where_you_live() {
        let root = mount_point();
        let app = mount(root.clone(), options("t.first"));
        flush().await;
        assert_eq!(text(&root, "[data-testid=screen-title]"), "您家住在哪里？");
        assert_eq!(text(&root, "[data-testid=progress]"), "第 1 步，共 7 步");
        // The bar names exactly what it still needs.
        let bar = text(&root, "[data-testid=result-bar]");
        assert!(bar.contains("还差 3 个答案"), "{bar}");
        assert!(bar.contains("请选择您家户籍所在的地区"), "{bar}");
        assert!(bar.contains("申请人（本人）：请填写年龄"), "{bar}");
        // Nothing chosen yet: no standards shown.
        assert!(root
            .query_selector("[data-testid=standards]")
            .unwrap()
            .is_none());
        app.destroy();
        root.remove();
    }

    /// Province → city → county, and the standards in force there with source and date:
    /// 西山区 2022-11-01 urban dibao ¥700 a month (golden figure of the engine tests).
    #[wasm_bindgen_test]
    async fn region_picker_shows_the_standards_in_force() {
        let root = mount_point();
        let app = mount(root.clone(), options("t.region"));
        flush().await;
        choose_xishan(&root).await;
        let standards = text(&root, "[data-testid=standards]");
        assert!(standards.contains("西山区"), "{standards}");
        assert!(standards.contains("¥700.00"), "{standards}");
        assert!(standards.contains("来源"), "{standards}");
        // Back to the whole city: the region becomes Kunming.
        choose(&root, "region.county", "").await;
        assert!(text(&root, "[data-testid=standards]").contains("昆明"));
        app.destroy();
        root.remove();
    }

    /// The whole flow by hand for the Xishan family of three (hand-worked: (1200 + 636) ÷ 3 =
    /// 612 < 700 → dibao likely, estimate (700 − 612) × 3 = ¥264), through every screen, with
    /// the live bar updating as the incomes are typed.
    #[wasm_bindgen_test]
    async fn xishan_family_by_hand_through_every_screen() {
        let root = mount_point();
        let app = mount(root.clone(), options("t.flow"));
        flush().await;
        choose_xishan(&root).await;
        radio(&root, "residence", "urban").await;
        click(&root, "[data-testid=next]").await;
        assert_eq!(text(&root, "[data-testid=progress]"), "第 2 步，共 7 步");
        assert_eq!(
            document()
                .active_element()
                .and_then(|e| e.get_attribute("data-testid")),
            Some("screen-title".into()),
            "focus moves to the screen heading"
        );
        type_into(&root, "members[0].age", "45").await;
        choose(&root, "members[0].work", "employed").await;
        choose(&root, "members[0].disability", "no").await;
        click(&root, "[data-testid=add-member]").await;
        choose(&root, "members[1].relation", "spouse").await;
        type_into(&root, "members[1].age", "43").await;
        choose(&root, "members[1].living", "together").await;
        choose(&root, "members[1].disability", "no").await;
        choose(&root, "members[1].work", "not_working").await;
        click(&root, "[data-testid=add-member]").await;
        // The relation of an added member starts on 请选择 (never assumed to be a child).
        let rel: HtmlSelectElement = find(&root, "[data-field=\"members[2].relation\"] select")
            .dyn_into()
            .unwrap();
        assert_eq!(rel.value(), "");
        assert_eq!(
            text(
                &root,
                "[data-field=\"members[2].relation\"] option[data-placeholder]"
            ),
            "请选择"
        );
        choose(&root, "members[2].relation", "child").await;
        type_into(&root, "members[2].age", "12").await;
        choose(&root, "members[2].living", "together").await;
        choose(&root, "members[2].disability", "no").await;
        // A 12-year-old may be tekun (a minor): asked whether they look after themselves.
        choose(&root, "members[2].self_care", "full").await;
        // A 12-year-old is asked about school, not about work.
        assert!(root
            .query_selector("[data-field=\"members[2].work\"]")
            .unwrap()
            .is_none());
        choose(&root, "members[2].schooling", "compulsory").await;
        no_to_the_rest(&root).await;
        click(&root, "[data-testid=next]").await;

        // Income: no income yet → per capita 0 → dibao within reach, but "possible" while the
        // questions of the later screens are unanswered (nothing is assumed).
        assert_eq!(bar_status(&root, "dibao"), "possible");
        click(&root, "[data-member=\"0\"] [data-testid=add-income]").await;
        choose(&root, "members[0].income[0].type", "wages").await;
        type_into(&root, "members[0].income[0].amount", "2400").await;
        // 2400 ÷ 3 = 800.00 > 700, and still above after a plausible unpublished deduction for
        // costs of working ((2400 − 30 % × 700) ÷ 3 = 730.00): the bar follows the typing.
        assert_eq!(bar_status(&root, "dibao"), "unlikely");
        type_into(&root, "members[0].income[0].amount", "1200").await;
        click(&root, "[data-member=\"1\"] [data-testid=add-income]").await;
        choose(&root, "members[1].income[0].type", "business").await;
        type_into(&root, "members[1].income[0].amount", "636").await;
        click(&root, "[data-member=\"2\"] [data-testid=add-income]").await;
        choose(&root, "members[2].income[0].type", "scholarship").await;
        type_into(&root, "members[2].income[0].amount", "100").await;
        assert!(text(&root, "[data-testid=income-excluded]").contains("奖学金"));
        assert_eq!(bar_status(&root, "dibao"), "possible");
        for _ in 0..3 {
            click(&root, "[data-testid=next]").await; // expenses, assets, events
            no_to_the_rest(&root).await;
        }
        choose(&root, "circumstances.sudden_event", "none").await;
        assert_eq!(bar_status(&root, "dibao"), "likely");
        assert_eq!(text(&root, "[data-testid=progress]"), "第 6 步，共 7 步");
        click(&root, "[data-testid=next]").await;
        assert_eq!(text(&root, "[data-testid=progress]"), "第 7 步，共 7 步");
        let dibao = text(&root, ".result-cards [data-scheme=dibao]");
        assert!(
            dibao.contains(Status::Likely.label().zh.as_ref()),
            "{dibao}"
        );
        assert!(
            root.text_content().unwrap_or_default().contains("¥264.00"),
            "estimate (700 − 612) × 3 = ¥264.00 shown on the result screen"
        );
        app.destroy();
        root.remove();
    }

    /// The selected option of the select of `field`: its value and the words shown.
    fn shown(root: &Element, field: &str) -> (String, String) {
        let select: HtmlSelectElement = find(root, &format!("[data-field=\"{field}\"] select"))
            .dyn_into()
            .unwrap();
        let words = select
            .selected_options()
            .item(0)
            .and_then(|o| o.text_content())
            .unwrap_or_default();
        (select.value(), words)
    }

    /// 残疾证, 工作情况, 生活能自理吗 and 突发事件 start on "请选择" (not an answer); the live bar
    /// and the result name each one still open, in Chinese and in English, with a link that
    /// opens the question; answered, it is no longer listed.
    #[wasm_bindgen_test]
    async fn list_questions_start_on_please_choose_and_are_named_until_answered() {
        let root = mount_point();
        let app = mount(root.clone(), options("t.choose"));
        flush().await;
        choose_xishan(&root).await;
        radio(&root, "residence", "urban").await;
        click(&root, "[data-testid=next]").await;
        type_into(&root, "members[0].age", "78").await;
        for field in [
            "members[0].disability",
            "members[0].work",
            "members[0].self_care",
        ] {
            assert_eq!(shown(&root, field), ("".into(), "请选择".into()), "{field}");
        }
        // The applicant is not asked whether they live with the household.
        assert!(root
            .query_selector("[data-field=\"members[0].living\"]")
            .unwrap()
            .is_none());
        no_to_the_rest(&root).await;
        let bar = text(&root, "aside.result-bar [data-testid=unanswered]");
        for q in ["残疾证", "工作情况", "生活能自理吗？"] {
            assert!(bar.contains(q), "the live bar names {q}: {bar}");
        }
        click(&root, "[data-testid=bar-open]").await;
        let listed = text(&root, "details[data-testid=unanswered]");
        for q in [
            "残疾证",
            "工作情况",
            "生活能自理吗？",
            "最近遇到突发事件了吗？",
        ] {
            assert!(listed.contains(q), "the result names {q}: {listed}");
        }
        assert!(listed.contains("按“不清楚”计算"), "{listed}");
        click(&root, "[data-testid=lang]").await;
        let listed = text(&root, "details[data-testid=unanswered]");
        for q in [
            "Disability certificate",
            "Work",
            "Can this person look after themselves?",
            "Has something sudden happened recently?",
        ] {
            assert!(listed.contains(q), "the result names {q}: {listed}");
        }
        // The link opens the question, focused, showing "Please choose".
        click(
            &root,
            "details[data-testid=unanswered] [data-testid=unanswered-link][data-field=\"members[0].work\"]",
        )
        .await;
        flush().await;
        let active = document().active_element().expect("a focused element");
        assert_eq!(active.tag_name(), "SELECT");
        assert!(
            active
                .closest("[data-field=\"members[0].work\"]")
                .unwrap()
                .is_some(),
            "focus on the work question"
        );
        assert_eq!(shown(&root, "members[0].work").1, "Please choose");
        choose(&root, "members[0].work", "retired").await;
        let bar = text(&root, "aside.result-bar [data-testid=unanswered]");
        assert!(!bar.contains("Work"), "answered, no longer listed: {bar}");
        assert!(bar.contains("Disability certificate"), "{bar}");
        app.destroy();
        root.remove();
    }

    /// The type of a new income item starts on "请选择" (never on 工资); the live bar and the
    /// result name the item as the resident sees it ("配偶：第1笔收入的类型", "Spouse: type of
    /// income 1"), in Chinese and in English, with a link to the select; chosen, it is no longer
    /// listed, and a farming amount that looks yearly is asked about ("是每年的收入吗？").
    #[wasm_bindgen_test]
    async fn income_type_starts_on_please_choose_and_is_named_until_chosen() {
        let root = mount_point();
        let app = mount(root.clone(), options("t.income_type"));
        flush().await;
        choose_xishan(&root).await;
        radio(&root, "residence", "urban").await;
        click(&root, "[data-testid=next]").await;
        type_into(&root, "members[0].age", "45").await;
        choose(&root, "members[0].work", "employed").await;
        choose(&root, "members[0].disability", "no").await;
        click(&root, "[data-testid=add-member]").await;
        choose(&root, "members[1].relation", "spouse").await;
        type_into(&root, "members[1].age", "43").await;
        choose(&root, "members[1].living", "together").await;
        choose(&root, "members[1].disability", "no").await;
        choose(&root, "members[1].work", "farming").await;
        no_to_the_rest(&root).await;
        click(&root, "[data-testid=next]").await;
        click(&root, "[data-member=\"1\"] [data-testid=add-income]").await;
        assert_eq!(
            shown(&root, "members[1].income[0].type"),
            ("".into(), "请选择".into())
        );
        assert_eq!(
            text(&root, "[data-income=\"1-0\"] .income-title"),
            "第1笔收入"
        );
        type_into(&root, "members[1].income[0].amount", "18000").await;
        // No type: not wages — the sense check for farming is not asked yet, the bar names it.
        assert!(root
            .query_selector("[data-testid=sense-check]")
            .unwrap()
            .is_none());
        let bar = text(&root, "aside.result-bar [data-testid=unanswered]");
        assert!(bar.contains("配偶：第1笔收入的类型"), "{bar}");
        assert_eq!(bar_status(&root, "dibao"), "possible");
        click(&root, "[data-testid=bar-open]").await;
        let listed = text(&root, "details[data-testid=unanswered]");
        assert!(listed.contains("配偶：第1笔收入的类型"), "{listed}");
        click(&root, "[data-testid=lang]").await;
        let listed = text(&root, "details[data-testid=unanswered]");
        assert!(listed.contains("Spouse: type of income 1"), "{listed}");
        click(
            &root,
            "details[data-testid=unanswered] [data-testid=unanswered-link][data-field=\"members[1].income[0].type\"]",
        )
        .await;
        flush().await;
        let active = document().active_element().expect("a focused element");
        assert!(
            active
                .closest("[data-field=\"members[1].income[0].type\"]")
                .unwrap()
                .is_some(),
            "focus on the income type"
        );
        assert_eq!(
            shown(&root, "members[1].income[0].type"),
            ("".into(), "Please choose".into())
        );
        assert_eq!(
            text(&root, "[data-income=\"1-0\"] .income-title"),
            "Income 1"
        );
        choose(&root, "members[1].income[0].type", "farming").await;
        let bar = text(&root, "aside.result-bar");
        assert!(
            !bar.contains("type of income 1"),
            "chosen, no longer listed: {bar}"
        );
        // Farming of 18,000 "a month": is it a yearly amount?
        assert!(text(&root, "[data-testid=sense-check]").contains("18000"));
        click(&root, "[data-testid=sense-yearly]").await;
        assert!(root
            .query_selector("[data-testid=sense-check]")
            .unwrap()
            .is_none());
        app.destroy();
        root.remove();
    }

    /// Bad input: the message is next to the field, in the current language, and every other
    /// answer is kept (and saved).
    #[wasm_bindgen_test]
    async fn bad_input_is_named_next_to_the_field() {
        let key = "t.bad";
        let root = mount_point();
        let app = mount(root.clone(), options(key));
        flush().await;
        click(&root, "button[data-step=members]").await;
        type_into(&root, "members[0].name", "奶奶").await;
        type_into(&root, "members[0].age", "200").await;
        let err = text(
            &root,
            "[data-field=\"members[0].age\"] [data-testid=field-error]",
        );
        assert!(err.contains("200") && err.contains("130"), "{err}");
        type_into(&root, "members[0].age", "4五").await;
        let err = text(
            &root,
            "[data-field=\"members[0].age\"] [data-testid=field-error]",
        );
        // An age error gives an age as its example, not an amount.
        assert!(err.contains("不是年龄") && err.contains("72"), "{err}");
        let input: HtmlInputElement = find(&root, "[data-field=\"members[0].name\"] input")
            .dyn_into()
            .unwrap();
        assert_eq!(input.value(), "奶奶", "other answers kept");
        let saved = storage().get_item(key).unwrap().unwrap_or_default();
        assert!(
            saved.contains("4五") && saved.contains("奶奶"),
            "saved as typed: {saved}"
        );
        app.destroy();
        root.remove();
    }

    /// Language switch keeps the answers; elder mode is one tap and remembered.
    #[wasm_bindgen_test]
    async fn language_and_elder_mode_switch_without_losing_answers() {
        let key = "t.lang";
        let root = mount_point();
        let app = mount(root.clone(), options(key));
        flush().await;
        click(&root, "button[data-step=members]").await;
        type_into(&root, "members[0].age", "78").await;
        click(&root, "[data-testid=lang]").await;
        assert_eq!(
            text(&root, "[data-testid=screen-title]"),
            "Who is in your household?"
        );
        assert_eq!(
            find(&root, "[data-testid=app]")
                .get_attribute("lang")
                .as_deref(),
            Some("en")
        );
        let input: HtmlInputElement = find(&root, "[data-field=\"members[0].age\"] input")
            .dyn_into()
            .unwrap();
        assert_eq!(input.value(), "78");
        // A 78-year-old may be tekun: the supporter questions are asked.
        assert!(root
            .query_selector("[data-testid=tekun-questions]")
            .unwrap()
            .is_some());

        assert!(!find(&root, "[data-testid=app]")
            .get_attribute("class")
            .unwrap_or_default()
            .contains("elder"));
        click(&root, "[data-testid=elder]").await;
        assert!(find(&root, "[data-testid=app]")
            .get_attribute("class")
            .unwrap_or_default()
            .contains("elder"));
        assert_eq!(
            find(&root, "[data-testid=elder]")
                .get_attribute("aria-pressed")
                .as_deref(),
            Some("true")
        );
        let prefs = storage()
            .get_item(&format!("{key}.prefs"))
            .unwrap()
            .unwrap_or_default();
        assert!(
            prefs.contains("\"elder\":true") && prefs.contains("\"lang\":\"en\""),
            "{prefs}"
        );
        app.destroy();

        // Mounted again (a reload): answers, language, elder mode and screen are back.
        let again = mount(
            root.clone(),
            Options {
                lang: None,
                ..options_keep(key)
            },
        );
        flush().await;
        assert!(find(&root, "[data-testid=app]")
            .get_attribute("class")
            .unwrap_or_default()
            .contains("elder"));
        assert_eq!(
            text(&root, "[data-testid=screen-title]"),
            "Who is in your household?"
        );
        let input: HtmlInputElement = find(&root, "[data-field=\"members[0].age\"] input")
            .dyn_into()
            .unwrap();
        assert_eq!(input.value(), "78");
        again.destroy();
        root.remove();
    }

    /// Options for a test that keep what an earlier mount saved.
    fn options_keep(key: &str) -> Options {
        Options {
            storage_key: key.to_string(),
            date: Some("2022-11-01".into()),
            embedded: true,
            ..Options::default()
        }
    }

    /// Damaged saved answers: a clear message, a working first screen, never a blank page.
    #[wasm_bindgen_test]
    async fn corrupt_saved_answers_are_reset_with_a_message() {
        let key = "t.corrupt";
        let root = mount_point();
        storage().set_item(key, "{\"v\":1,\"m\":[{\"id\":").unwrap();
        let app = mount(root.clone(), options_keep(key));
        flush().await;
        let notice = text(&root, "[data-testid=restore-notice]");
        assert!(
            notice.contains("损坏") || notice.contains("damaged"),
            "{notice}"
        );
        assert!(root
            .query_selector("[data-field=\"region.province\"] select")
            .unwrap()
            .is_some());
        app.destroy();
        root.remove();
        let _ = storage().remove_item(key);
        let _ = storage().remove_item(&format!("{key}.unreadable"));
    }

    /// "清除我的数据" asks first, then removes the saved answers.
    #[wasm_bindgen_test]
    async fn clear_my_data_asks_then_clears() {
        let key = "t.clear";
        let root = mount_point();
        let app = mount(root.clone(), options(key));
        flush().await;
        choose(&root, "region.province", "530000").await;
        assert!(storage().get_item(key).unwrap().is_some());
        click(&root, "[data-testid=clear]").await;
        assert!(
            storage().get_item(key).unwrap().is_some(),
            "nothing cleared before confirming"
        );
        click(&root, "[data-testid=clear-yes]").await;
        assert!(storage().get_item(key).unwrap().is_none());
        let s: HtmlSelectElement = find(&root, "[data-field=\"region.province\"] select")
            .dyn_into()
            .unwrap();
        assert_eq!(s.value(), "");
        assert!(root
            .query_selector("[data-testid=cleared]")
            .unwrap()
            .is_some());
        app.destroy();
        root.remove();
    }

    /// Staff mode loads a sample household; two apps on one page do not share anything.
    #[wasm_bindgen_test]
    async fn two_apps_on_one_page_are_independent() {
        let (ra, rb) = (mount_point(), mount_point());
        let a = mount(
            ra.clone(),
            Options {
                mode: Mode::Staff,
                ..options("t.two.a")
            },
        );
        let b = mount(rb.clone(), options("t.two.b"));
        flush().await;
        choose(&ra, "sample", "xishan_tekun_elder").await;
        assert_eq!(bar_status(&ra, "tekun"), "likely");
        assert!(rb
            .query_selector("[data-testid=result-bar] [data-scheme]")
            .unwrap()
            .is_none());
        assert!(
            rb.query_selector("[data-field=sample]").unwrap().is_none(),
            "resident mode has no samples"
        );
        let ids = |r: &Element| find(r, "[data-field=\"region.province\"] select").id();
        assert_ne!(ids(&ra), ids(&rb), "element ids are unique per app");
        assert!(storage().get_item("t.two.b").unwrap().is_none());
        a.destroy();
        b.destroy();
        ra.remove();
        rb.remove();
    }

    /// on_result is called with every new evaluation.
    #[wasm_bindgen_test]
    async fn host_gets_each_result() {
        use std::cell::RefCell;
        use std::rc::Rc;
        let got: Rc<RefCell<Vec<Status>>> = Rc::default();
        let sink = got.clone();
        let root = mount_point();
        let app = mount(
            root.clone(),
            Options {
                mode: Mode::Staff,
                on_result: Some(yew::Callback::from(
                    move |ev: Rc<jiuzhu::rules::Evaluation>| {
                        sink.borrow_mut().push(ev.scheme(SchemeId::Dibao).status)
                    },
                )),
                ..options("t.host")
            },
        );
        flush().await;
        assert!(got.borrow().is_empty(), "no result before any answer");
        choose(&root, "sample", "xishan_urban_three").await;
        assert_eq!(got.borrow().last(), Some(&Status::Likely));
        app.destroy();
        root.remove();
    }
}
