//! Component tests of the result screen (`jiuzhu::ui::result`), rendered by Yew in headless
//! Chromium for sample households. Run with:
//!
//! ```sh
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser_result
//! ```
//! (`scripts/test.sh` does this.) Natively this file compiles to nothing.
//!
//! Expected figures are worked by hand from the sample households and the published standards
//! (policy-research.md), not copied from the program's output.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use jiuzhu::i18n::Lang;
use jiuzhu::rules::samples;
use jiuzhu::rules::{evaluate_json, Evaluation, Household, Status};
use jiuzhu::ui::result::money::{grouped, yuan};
use jiuzhu::ui::result::read_aloud::{speech_available, spoken_summary};
use jiuzhu::ui::result::{ResultScreen, ResultScreenProps};
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

fn sample(id: &str) -> (Rc<Evaluation>, Rc<Household>) {
    let json = if id == "gansu_spending_spike" {
        GANSU_SPENDING_SPIKE
    } else {
        samples::all()
            .into_iter()
            .find(|s| s.id == id)
            .unwrap_or_else(|| panic!("sample household {id} is missing"))
            .json
    };
    let ev = evaluate_json(json).unwrap_or_else(|e| panic!("{id} does not evaluate: {e}"));
    let h: Household = serde_json::from_str(json).expect("sample is a household");
    (Rc::new(ev), Rc::new(h))
}

/// A rendered result screen; removed from the page when dropped.
struct Screen {
    root: Element,
    handle: Option<yew::AppHandle<ResultScreen>>,
}

impl Drop for Screen {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
        self.root.remove();
    }
}

impl Screen {
    fn one(&self, selector: &str) -> Element {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(wasm_bindgen::JsCast::unchecked_into::<Element>)
            .collect()
    }

    fn text(&self, selector: &str) -> String {
        self.one(selector).text_content().unwrap_or_default()
    }
}

async fn render(id: &str, lang: Lang, elder: bool) -> Screen {
    let (evaluation, household) = sample(id);
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = ResultScreenProps {
        evaluation,
        household,
        lang,
        elder,
        heading: true,
        id_prefix: "jz".into(),
        actions: Default::default(),
        notes: Default::default(),
    };
    let handle = yew::Renderer::<ResultScreen>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    Screen {
        root,
        handle: Some(handle),
    }
}

/// Xishan urban family of three (2022): counted income 1200 + 636 = ¥1836 a month (the
/// scholarship is not counted), ÷ 3 = ¥612 per person, under the ¥700 standard → dibao likely;
/// estimate (700 − 612) × 3 = ¥264 a month; the line for the household is 700 × 3 = ¥2100, so
/// income could rise by 2100 − 1836 = ¥264 and still be under it.
#[wasm_bindgen_test]
async fn dibao_household_shows_likely_with_the_estimate_in_the_card() {
    let s = render("xishan_urban_three", Lang::Zh, false).await;
    let card = s.one(".result-cards [data-scheme=dibao]");
    assert_eq!(card.get_attribute("data-status").as_deref(), Some("likely"));
    let text = card.text_content().unwrap_or_default();
    assert!(text.contains(Status::Likely.icon()), "no icon: {text}");
    assert!(text.contains("很可能符合"), "no status words: {text}");
    assert!(
        text.contains("612.00"),
        "no per-capita figure in the reason: {text}"
    );
    let estimate = s.text(".result-cards [data-scheme=dibao] [data-testid=estimate]");
    assert!(estimate.contains("¥264.00"), "estimate missing: {estimate}");
    let distance = s.text(".result-cards [data-scheme=dibao] .result-distance");
    assert!(distance.contains("再增加 ¥264.00"), "distance: {distance}");
    assert!(distance.contains("¥700.00"), "the line: {distance}");
    assert!(
        text.contains("覆盖全家 3 人：申请人（45岁）、配偶（43岁）、子女（12岁）"),
        "members covered: {text}"
    );
    assert!(text.contains("医疗救助"), "what it unlocks: {text}");
    // Likely schemes come first.
    let first = s.one(".result-card");
    assert_eq!(
        first.get_attribute("data-status").as_deref(),
        Some("likely")
    );
    assert_eq!(s.text("[data-testid=per-capita]"), "¥612.00");
    // An unlikely scheme says so in words too.
    let tekun = s.one(".result-cards [data-scheme=tekun]");
    assert_eq!(
        tekun.get_attribute("data-status").as_deref(),
        Some("unlikely")
    );
    assert!(tekun
        .text_content()
        .unwrap_or_default()
        .contains("不太可能符合"));
}

/// Xishan elder living alone (2022), partial self-care, no supporter: tekun per person, basic
/// living standard 1.3 × 700 = ¥910 plus the Yunnan care allowance for partial self-care ¥88 =
/// ¥998 a month, shown for grandma herself.
#[wasm_bindgen_test]
async fn tekun_elder_shows_the_per_person_estimate() {
    let s = render("xishan_tekun_elder", Lang::Zh, false).await;
    let card = s.one(".result-cards [data-scheme=tekun]");
    assert_eq!(card.get_attribute("data-status").as_deref(), Some("likely"));
    let person = s.one("[data-scheme=tekun] [data-member=grandma]");
    assert_eq!(
        person.get_attribute("data-status").as_deref(),
        Some("likely")
    );
    let text = person.text_content().unwrap_or_default();
    assert!(text.contains("申请人（78岁）"), "who: {text}");
    assert!(
        !text.contains("grandma"),
        "the member's id is shown: {text}"
    );
    assert!(text.contains("¥998.00"), "per-person estimate: {text}");
    // The estimate is in the person's entry, not repeated as a household figure.
    assert!(s
        .all("[data-scheme=tekun] > article > [data-testid=estimate]")
        .is_empty());
}

/// The trace names the rules' documents and every parameter's value, place and date; a
/// parameter with no published value says it depends on local rules.
#[wasm_bindgen_test]
async fn trace_lists_sources_and_parameter_dates() {
    let s = render("xishan_urban_three", Lang::Zh, false).await;
    let trace = s.one("details[data-testid=trace]");
    let text = trace.text_content().unwrap_or_default();
    assert!(
        text.contains("依据：西民函〔2022〕55号"),
        "rule source missing: {text}"
    );
    assert!(text.contains("1836.00"), "household income step missing");
    let std = s.text("[data-param=dibao_urban_monthly]");
    assert!(std.contains("¥700.00"), "value: {std}");
    assert!(std.contains("西山区"), "place: {std}");
    assert!(std.contains("2022-07-01"), "effective date: {std}");
    assert!(std.contains("可信度"), "confidence: {std}");
    // Kunming published no all-residents disposable income (policy-research.md): unknown.
    let unknown = s.text("[data-param=disposable_income_yearly]");
    assert!(
        unknown.contains("取决于当地规定"),
        "unknown parameter: {unknown}"
    );
    // Closed until the user opens it.
    assert!(trace.get_attribute("open").is_none());
}

fn attr_f64(e: &Element, name: &str) -> f64 {
    e.get_attribute(name)
        .unwrap_or_else(|| panic!("no {name}"))
        .parse()
        .unwrap()
}

/// The chart is described in words and marks the household inside the dibao band: household
/// income ¥1836 under the household dibao line ¥2100, over zero.
#[wasm_bindgen_test]
async fn chart_has_a_text_description_and_a_marker_in_the_right_band() {
    let s = render("xishan_urban_three", Lang::Zh, false).await;
    let svg = s.one(".result-chart svg[role=img]");
    assert_eq!(
        svg.get_attribute("aria-labelledby").as_deref(),
        Some("jz-chart-title jz-chart-desc")
    );
    let desc = s.text("#jz-chart-desc");
    assert!(
        desc.contains("¥1,836.00"),
        "income in the description: {desc}"
    );
    assert!(
        desc.contains("低于 ¥2,100.00"),
        "dibao band in the description: {desc}"
    );
    assert!(desc.contains("¥3,150.00"), "edge line (1.5 × 2100): {desc}");
    assert!(
        desc.contains("在“低保（按收入）”区间"),
        "band of the household: {desc}"
    );

    let marker = s.one("[data-testid=chart-marker]");
    assert_eq!(
        marker.get_attribute("data-income").as_deref(),
        Some("1836.00")
    );
    let line = s.one("[data-testid=chart-marker] line");
    let x = attr_f64(&line, "x1");
    let dibao = s.one("[data-band=dibao] rect");
    let (x0, w) = (attr_f64(&dibao, "x"), attr_f64(&dibao, "width"));
    assert!(
        x > x0 && x < x0 + w,
        "marker at {x} is outside the dibao band {x0}..{}",
        x0 + w
    );
    // The legend says the same in text and highlights the band.
    let here = s.one(".result-chart-legend .result-chart-here");
    assert_eq!(here.get_attribute("data-band").as_deref(), Some("dibao"));
    // Bands differ by pattern, not colour alone.
    let fills: Vec<String> = s
        .all(".result-chart-band rect")
        .iter()
        .map(|r| r.get_attribute("fill").unwrap_or_default())
        .collect();
    assert_eq!(
        fills,
        [
            "url(#jz-pat-dibao)",
            "url(#jz-pat-edge)",
            "url(#jz-pat-none)"
        ]
    );
}

/// With an income amount unknown, no marker is drawn and the text says why.
#[wasm_bindgen_test]
async fn chart_without_known_income_says_so() {
    let s = render("kunming_migrant_unemployed", Lang::Zh, false).await;
    assert!(s.all("[data-testid=chart-marker]").is_empty());
    assert!(s.text(".result-chart-you-text").contains("收入还不清楚"));
    let card = s.one(".result-cards [data-scheme=dibao]");
    assert_eq!(
        card.get_attribute("data-status").as_deref(),
        Some("possible")
    );
    assert!(card.text_content().unwrap_or_default().contains("需要核实"));
}

/// Documents are tailored: the disability certificate only when someone has a disability.
#[wasm_bindgen_test]
async fn next_steps_list_the_disability_certificate_only_when_someone_is_disabled() {
    let with = render("chuxiong_edge_disabled", Lang::Zh, false).await;
    assert!(with.text("[data-testid=documents]").contains("残疾人证"));
    drop(with);

    let without = render("xishan_urban_three", Lang::Zh, false).await;
    let docs = without.text("[data-testid=documents]");
    assert!(
        !docs.contains("残疾人证"),
        "certificate listed without a disability: {docs}"
    );
    assert!(docs.contains("身份证"), "ID cards: {docs}");
    let next = without.text("[data-testid=next-steps]");
    assert!(
        next.contains("一部手机办事通"),
        "Yunnan online channel: {next}"
    );
    assert!(next.contains("我要办低保"), "Yunnan menu: {next}");
    assert!(next.contains("一门受理"), "township window: {next}");
    assert!(next.contains("30 个工作日"), "review time: {next}");
    assert!(
        next.contains("20 个工作日") && next.contains("45 个工作日"),
        "{next}"
    );
    assert!(next.contains("公示 7 天"), "public notice: {next}");
    assert!(next.contains("如实申报"), "duties: {next}");
    let stamp = without.text("[data-testid=stamp]");
    assert!(stamp.contains("这是估算，不是审核决定"), "stamp: {stamp}");
    assert!(stamp.contains("jiuzhu-rules"), "rules version: {stamp}");
    assert!(
        stamp.contains("2022-11-01"),
        "date of the standards: {stamp}"
    );
}

/// English mode: the screen, the engine's texts and the statuses are in English.
#[wasm_bindgen_test]
async fn english_mode_shows_english() {
    let s = render("xishan_urban_three", Lang::En, false).await;
    let screen = s.one("[data-testid=result-screen]");
    assert_eq!(screen.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(s.text("#jz-result-h"), "Your screening result");
    assert_eq!(
        s.text(".result-cards [data-scheme=dibao] .result-status-words"),
        "likely"
    );
    let card = s.text(".result-cards [data-scheme=dibao]");
    assert!(card.contains("minimum living allowance (dibao)"), "{card}");
    assert!(card.contains("could rise by ¥264.00"), "{card}");
    assert!(
        !card.contains("很可能符合"),
        "Chinese status in English mode: {card}"
    );
    assert!(s
        .text("[data-testid=next-steps]")
        .contains("Where to apply"));
    assert!(
        s.text("#jz-chart-desc").contains("You are here")
            || s.text(".result-chart").contains("You are here")
    );
}

fn has_class(e: &Element, class: &str) -> bool {
    e.get_attribute("class")
        .unwrap_or_default()
        .split_whitespace()
        .any(|c| c == class)
}

/// Elder mode: the class that the large sizes hang on, and larger chart text.
#[wasm_bindgen_test]
async fn elder_mode_marks_the_screen_and_enlarges_the_chart_text() {
    let s = render("xishan_urban_three", Lang::Zh, true).await;
    let screen = s.one("[data-testid=result-screen]");
    assert!(has_class(&screen, "elder"));
    let label = s.one("[data-testid=chart-marker] text");
    assert_eq!(label.get_attribute("font-size").as_deref(), Some("34"));
    let normal = render("xishan_urban_three", Lang::Zh, false).await;
    assert!(!has_class(
        &normal.one("[data-testid=result-screen]"),
        "elder"
    ));
}

/// The read-aloud button is there exactly when the browser can speak; what it reads names the
/// likely scheme and its amount, in the chosen language.
#[wasm_bindgen_test]
async fn read_aloud_follows_the_browser_and_the_language() {
    let s = render("xishan_urban_three", Lang::Zh, false).await;
    assert_eq!(
        s.all("[data-testid=read-aloud]").len(),
        usize::from(speech_available())
    );
    let (ev, _) = sample("xishan_urban_three");
    let zh = spoken_summary(&ev, Lang::Zh);
    assert!(zh.contains("最低生活保障（低保）：很可能符合"), "{zh}");
    assert!(zh.contains("估算每月 264元"), "{zh}");
    assert!(zh.contains("其余 6 项不太可能符合"), "{zh}");
    let en = spoken_summary(&ev, Lang::En);
    assert!(en.contains("Estimated 264 yuan a month"), "{en}");
    assert!(!en.contains("很可能"), "{en}");
}

#[wasm_bindgen_test]
fn money_is_to_the_fen_with_grouped_thousands() {
    assert_eq!(yuan(Decimal::new(26400, 2)), "¥264.00");
    assert_eq!(yuan(Decimal::new(12345675, 1)), "¥1,234,567.50");
    assert_eq!(yuan(Decimal::new(51266666, 5)), "¥512.67");
    assert_eq!(yuan(Decimal::new(-88, 0)), "-¥88.00");
    assert_eq!(grouped(Decimal::new(100000, 0)), "100,000.00");
    assert_eq!(grouped(Decimal::ZERO), "0.00");
}

/// Two result screens on one page (two embedded apps) with their own id prefixes share no id, and
/// each chart's labels point into its own screen.
#[wasm_bindgen_test]
async fn two_result_screens_on_one_page_have_no_duplicate_ids() {
    let document = web_sys::window().unwrap().document().unwrap();
    let mut roots = Vec::new();
    let mut handles = Vec::new();
    for prefix in ["jza", "jzb"] {
        let (evaluation, household) = sample("xishan_urban_three");
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let props = ResultScreenProps {
            evaluation,
            household,
            lang: Lang::Zh,
            elder: false,
            heading: true,
            id_prefix: prefix.into(),
            actions: Default::default(),
            notes: Default::default(),
        };
        handles
            .push(yew::Renderer::<ResultScreen>::with_root_and_props(root.clone(), props).render());
        roots.push(root);
    }
    yew::scheduler::flush().await;
    let mut ids = Vec::new();
    for root in &roots {
        let all = root.query_selector_all("[id]").unwrap();
        for i in 0..all.length() {
            let el: Element = all.item(i).unwrap().dyn_into().unwrap();
            ids.push(el.id());
        }
    }
    assert!(ids.len() > 6, "ids found: {ids:?}");
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "duplicate ids: {ids:?}");
    assert!(ids.iter().any(|i| i == "jzb-chart-desc"));
    for h in handles {
        h.destroy();
    }
    for r in roots {
        r.remove();
    }
}

// ----- one rendered test per scheme, in both languages -------------------------------------
//
// Each asserts what a resident sees without a tap (nothing inside a closed <details>): the
// recommended path with its amount and true unit, the status words of every card, every
// `to_check` item, and the unit beside every estimate. Amounts are worked out by hand in each
// test's comment.

/// 甘肃省 2021 (urban standard ¥623 a month, 甘肃省2021年指导标准), a family of two whose
/// essential spending jumped: dibao likely, and expenditure-type temporary relief of at most
/// standard × people × months = 623 × 2 × 6 = ¥7,476, paid once (甘肃省临时救助 2021 方案).
const GANSU_SPENDING_SPIKE: &str = r#"{"schema":1,"region":"620000","residence":"urban","as_of":"2021-09-01",
 "members":[{"id":"m1","relation":"applicant","age":40,"work":"employed","serious_illness":false,
   "income":[{"type":"wages","amount":2500,"period":"month"}]},
   {"id":"m2","relation":"child","age":10,"schooling":"compulsory","serious_illness":false}],
 "expenses":{"period":"year","medical":30000},
 "assets":{"financial":1000,"homes":1,"non_residential_property":false,"business_registered":false},
 "circumstances":{"spending_spike":true}}"#;

/// Seen without a tap: not inside a closed `<details>`.
fn shown(e: &Element) -> bool {
    e.closest("details:not([open])").unwrap().is_none()
}

fn text_of(e: &Element) -> String {
    e.text_content().unwrap_or_default()
}

/// The words of a unit as the resident reads them (written out here, not taken from the app).
fn unit_words(unit: jiuzhu::rules::outcome::Unit, lang: Lang) -> &'static str {
    use jiuzhu::rules::outcome::Unit;
    match (unit, lang) {
        (Unit::Month, Lang::Zh) => "每月",
        (Unit::Month, Lang::En) => "a month",
        (Unit::Year, Lang::Zh) => "每年",
        (Unit::Year, Lang::En) => "a year",
        (Unit::Once, Lang::Zh) => "一次性",
        (Unit::Once, Lang::En) => "one-off",
    }
}

fn status_words(status: Status, lang: Lang) -> &'static str {
    match (status, lang) {
        (Status::Likely, Lang::Zh) => "很可能符合",
        (Status::Possible, Lang::Zh) => "可能符合，需核实",
        (Status::Unlikely, Lang::Zh) => "不太可能符合",
        (Status::Likely, Lang::En) => "likely",
        (Status::Possible, Lang::En) => "possible — check",
        (Status::Unlikely, Lang::En) => "unlikely",
    }
}

/// Every card shows its status in words, every `to_check` item (the household's and each
/// person's), and every estimate with its unit, all without a tap.
fn every_card_says_what_the_engine_says(s: &Screen, ev: &Evaluation, lang: Lang) {
    for r in &ev.schemes {
        let code = r.scheme.code();
        let card = s.one(&format!(".result-cards [data-scheme={code}]"));
        let words = card
            .query_selector(":scope > article > .result-status .result-status-words")
            .unwrap()
            .unwrap_or_else(|| panic!("{code}: no status words"));
        assert!(shown(&words), "{code}: status hidden");
        assert_eq!(text_of(&words), status_words(r.status, lang), "{code}");
        let shown_items: Vec<String> = {
            let list = card
                .query_selector_all(".result-check li, .result-person li")
                .unwrap();
            (0..list.length())
                .filter_map(|i| list.item(i))
                .map(|n| n.unchecked_into::<Element>())
                .filter(shown)
                .map(|e| text_of(&e))
                .collect()
        };
        let people_checks = r.people.iter().flat_map(|p| p.to_check.iter());
        for c in r.to_check.iter().chain(people_checks) {
            let want = lang.pick(&c.text.zh, &c.text.en);
            assert!(
                shown_items.iter().any(|t| t.contains(want)),
                "{code}: to_check item not shown: {want}\nshown: {shown_items:?}"
            );
        }
        if let (Some(e), true, false) = (
            &r.estimate,
            r.people.is_empty(),
            r.status == Status::Unlikely,
        ) {
            let est = card
                .query_selector("[data-testid=estimate]")
                .unwrap()
                .unwrap();
            assert!(shown(&est), "{code}: estimate hidden");
            let t = text_of(&est);
            assert!(t.contains(unit_words(e.unit, lang)), "{code}: unit: {t}");
        }
    }
}

/// The recommended part for `scheme` on the first screen (not behind a tap).
fn path_part(s: &Screen, scheme: &str) -> Element {
    let p = s.one(&format!(
        "[data-testid=recommended] [data-scheme={scheme}], [data-testid=in-addition] [data-scheme={scheme}]"
    ));
    assert!(shown(&p), "{scheme} is hidden on the first screen");
    p
}

fn path_amount(s: &Screen, scheme: &str) -> String {
    let p = path_part(s, scheme);
    text_of(
        &p.query_selector("[data-testid=path-amount]")
            .unwrap()
            .unwrap(),
    )
}

/// Dibao: Xishan family of three (2022): (700 − 612) × 3 = ¥264 a month (worked out above).
#[wasm_bindgen_test]
async fn scheme_dibao_in_both_languages() {
    for (lang, amount, words) in [
        (Lang::Zh, "¥264.00 每月", "很可能符合"),
        (Lang::En, "¥264.00 a month", "likely"),
    ] {
        let s = render("xishan_urban_three", lang, false).await;
        assert_eq!(path_amount(&s, "dibao"), amount);
        assert!(text_of(&path_part(&s, "dibao")).contains(words));
        let (ev, _) = sample("xishan_urban_three");
        every_card_says_what_the_engine_says(&s, &ev, lang);
        // One path: tekun and edge are not offered beside dibao.
        assert_eq!(s.all("[data-testid=recommended] > li").len(), 1);
    }
}

/// Tekun: the Xishan elder (2022): 1.3 × 700 + 88 = ¥998 a month; if not recognised, dibao
/// 700 − 50 (the old-age allowance counts; the basic pension does not in 2022) = ¥650 a month,
/// shown as the alternative with "not received together" — never as a second payment.
#[wasm_bindgen_test]
async fn scheme_tekun_in_both_languages() {
    for (lang, amount, alt, not_together, second) in [
        (
            Lang::Zh,
            "¥998.00 每月",
            "¥650.00 每月",
            "不能同时享受",
            "如未被认定为特困",
        ),
        (
            Lang::En,
            "¥998.00 a month",
            "¥650.00 a month",
            "Not received together",
            "if not recognised",
        ),
    ] {
        let s = render("xishan_tekun_elder", lang, false).await;
        // The cards follow the path: tekun first; the dibao card says it is the second path.
        let first = s.one(".result-cards > li");
        assert_eq!(first.get_attribute("data-scheme").as_deref(), Some("tekun"));
        let because = s.one(".result-cards [data-scheme=dibao] [data-testid=second-because]");
        assert!(
            shown(&because) && text_of(&because).contains(second),
            "{}",
            text_of(&because)
        );
        assert_eq!(path_amount(&s, "tekun"), amount);
        assert!(s
            .all("[data-testid=recommended] [data-scheme=dibao]")
            .is_empty());
        let alternatives = s.one("[data-testid=alternatives]");
        assert!(alternatives.get_attribute("open").is_none(), "one tap away");
        let t = text_of(&alternatives);
        assert!(t.contains(alt) && t.contains(not_together), "{t}");
        let (ev, _) = sample("xishan_tekun_elder");
        every_card_says_what_the_engine_says(&s, &ev, lang);
    }
}

/// The one-person carve-out: 楚雄市 (2023-07-01 urban standard ¥728); the son's only income is
/// ¥200 a month from a sibling, fully exempt for the carve-out: 728 − 0 = ¥728 a month for him;
/// his parents stay an edge household (no monthly allowance).
#[wasm_bindgen_test]
async fn scheme_carve_out_and_edge_in_both_languages() {
    for (lang, amount, edge_note) in [
        (Lang::Zh, "¥728.00 每月", "不按月发放"),
        (Lang::En, "¥728.00 a month", "no monthly allowance"),
    ] {
        let s = render("chuxiong_edge_disabled", lang, false).await;
        assert_eq!(path_amount(&s, "dibao_single_person"), amount);
        let edge = text_of(&path_part(&s, "edge"));
        assert!(edge.contains(edge_note), "{edge}");
        assert!(
            path_part(&s, "edge")
                .query_selector("[data-testid=path-amount]")
                .unwrap()
                .is_none(),
            "edge pays no monthly amount"
        );
        let (ev, _) = sample("chuxiong_edge_disabled");
        every_card_says_what_the_engine_says(&s, &ev, lang);
        let card = text_of(&s.one(".result-cards [data-scheme=edge]"));
        assert!(card.contains(status_words(Status::Likely, lang)), "{card}");
    }
}

/// Rigid expense: the Changzhi family with ¥12,000 a year of medical costs (2023): possible, and
/// every item to check is on the card without a tap; no amount is promised. Changzhi's 2019
/// standard still in use makes the edge household possible too, and the two are never recognised
/// together: rigid expense is the second path, one tap away, and its card says why it is second.
#[wasm_bindgen_test]
async fn scheme_rigid_expense_in_both_languages() {
    for (lang, second) in [(Lang::Zh, "如未被认定为"), (Lang::En, "if not recognised")] {
        let s = render("changzhi_medical_costs", lang, false).await;
        let alternatives = s.one("[data-testid=alternatives]");
        assert!(alternatives.get_attribute("open").is_none(), "one tap away");
        alternatives.set_attribute("open", "").unwrap();
        let part = s.one("[data-testid=alternatives] [data-scheme=rigid_expense]");
        assert!(
            shown(&part),
            "rigid expense is hidden in the opened alternatives"
        );
        let because =
            s.one(".result-cards [data-scheme=rigid_expense] [data-testid=second-because]");
        assert!(
            shown(&because) && text_of(&because).contains(second),
            "{}",
            text_of(&because)
        );
        assert_eq!(
            part.get_attribute("data-status").as_deref(),
            Some("possible")
        );
        assert!(text_of(&part).contains(status_words(Status::Possible, lang)));
        assert!(part
            .query_selector("[data-testid=path-amount]")
            .unwrap()
            .is_none());
        let (ev, _) = sample("changzhi_medical_costs");
        assert!(!ev
            .scheme(jiuzhu::rules::SchemeId::RigidExpense)
            .to_check
            .is_empty());
        every_card_says_what_the_engine_says(&s, &ev, lang);
    }
}

/// Temporary relief paid once: at most 623 × 2 × 6 = ¥7,476 (see GANSU_SPENDING_SPIKE), shown
/// as "最多 ¥7,476.00 一次性" — never "每月"; in addition to the dibao path.
#[wasm_bindgen_test]
async fn scheme_temporary_relief_is_one_off_in_both_languages() {
    for (lang, amount, not) in [
        (Lang::Zh, "最多 ¥7,476.00 一次性", "每月"),
        (Lang::En, "up to ¥7,476.00 one-off", "a month"),
    ] {
        let s = render("gansu_spending_spike", lang, false).await;
        let add = s.one("[data-testid=in-addition] [data-scheme=temporary_relief]");
        assert!(shown(&add));
        let shown_amount = text_of(
            &add.query_selector("[data-testid=path-amount]")
                .unwrap()
                .unwrap(),
        );
        assert_eq!(shown_amount, amount);
        let card = s.one(".result-cards [data-scheme=temporary_relief] [data-testid=estimate]");
        let t = text_of(&card);
        assert!(t.contains(amount) && !t.contains(not), "card: {t}");
        let (ev, _) = sample("gansu_spending_spike");
        every_card_says_what_the_engine_says(&s, &ev, lang);
    }
    // The fire in Xishan: likely, and no amount where the region publishes none.
    for lang in [Lang::Zh, Lang::En] {
        let s = render("xishan_fire", lang, false).await;
        let part = path_part(&s, "temporary_relief");
        assert!(text_of(&part).contains(status_words(Status::Likely, lang)));
        let (ev, _) = sample("xishan_fire");
        every_card_says_what_the_engine_says(&s, &ev, lang);
    }
}

/// Gradual exit: the Chuxiong dibao family after finding work (2023): the phase-out continues
/// the dibao allowance (no new amount); rigid expense is the alternative.
#[wasm_bindgen_test]
async fn scheme_gradual_exit_in_both_languages() {
    for (lang, note) in [
        (Lang::Zh, "渐退期内继续领取低保金"),
        (
            Lang::En,
            "the dibao allowance continues during the phase-out",
        ),
    ] {
        let s = render("chuxiong_found_work", lang, false).await;
        let part = text_of(&path_part(&s, "gradual_exit"));
        assert!(part.contains(note), "{part}");
        assert!(part.contains(status_words(Status::Likely, lang)), "{part}");
        let (ev, _) = sample("chuxiong_found_work");
        every_card_says_what_the_engine_says(&s, &ev, lang);
    }
}

/// The first screen holds the next step: where to apply and the first documents to bring.
#[wasm_bindgen_test]
async fn the_next_step_is_on_the_first_screen() {
    let s = render("wuding_rural_four", Lang::Zh, false).await;
    let first = s.one("[data-testid=first-step]");
    assert!(shown(&first));
    let t = text_of(&first);
    assert!(t.contains("去哪里") && t.contains("社会救助窗口"), "{t}");
    assert!(t.contains("带上") && t.contains("身份证"), "{t}");
    // The rural standard is class-based: the amount is approximate, and says so.
    assert!(
        path_amount(&s, "dibao").starts_with("约 ¥"),
        "{}",
        path_amount(&s, "dibao")
    );
}
