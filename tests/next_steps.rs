//! The timeline in "what to do next": the emergency-relief time limit is named only where a
//! region has published one.
//!
//! 迪办发〔2021〕26号（迪庆）四（九）: "对于急难型临时救助对象，在48小时内实施“先行救助”".
//! No national or other regional time limit was found (policy-research.md), so elsewhere the app
//! says that help can be paid first and that how soon depends on local rules.

use jiuzhu::rules::evaluate_json;

/// The sample household whose home burnt down (samples/xishan_fire.json), moved to `region`.
fn fire_in(region: &str) -> String {
    include_str!("../samples/xishan_fire.json").replace("\"530112\"", &format!("\"{region}\""))
}

fn emergency_line(region: &str) -> (String, String, String) {
    let ev = evaluate_json(&fire_in(region)).expect("valid household");
    let line = ev
        .next_steps
        .timeline
        .iter()
        .find(|r| r.text.zh.contains("先行"))
        .unwrap_or_else(|| panic!("{region}: no 先行救助 line in the timeline"));
    let source = line.source.as_ref().expect("the line names its source");
    (
        line.text.zh.to_string(),
        line.text.en.to_string(),
        source.document.to_string(),
    )
}

#[test]
fn diqing_pays_emergency_relief_first_within_48_hours() {
    // 香格里拉市 (533401) inherits the prefecture's rule.
    let (zh, en, source) = emergency_line("533401");
    assert!(zh.contains("48 小时内先行救助"), "{zh}");
    assert!(en.contains("within 48 hours"), "{en}");
    assert!(source.contains("迪办发〔2021〕26号"), "{source}");
}

#[test]
fn elsewhere_no_time_limit_is_promised() {
    for region in ["530112", "532301", "140403", "620602"] {
        let (zh, en, _) = emergency_line(region);
        assert!(!zh.contains("小时"), "{region}: {zh}");
        assert!(zh.contains("以当地规定为准"), "{region}: {zh}");
        assert!(en.contains("depends on local rules"), "{region}: {en}");
    }
}
