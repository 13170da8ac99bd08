//! The embedded data: every parameter file loads, every seed region is there with its parents,
//! and the values in force on a date are the ones policy-research.md gives.

use jiuzhu::rules::outcome::Standing;
use jiuzhu::rules::params::{self, Params};
use jiuzhu::rules::Date;
use rust_decimal::Decimal;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn num(region: &str, date: &str, name: &str) -> (Option<Decimal>, Standing) {
    let p = Params::new(region, d(date), Default::default()).expect("region exists");
    let r = p.get(name);
    (r.number(), r.standing)
}

#[test]
fn every_data_file_loads() {
    let n = params::check_data().expect("data/regions loads");
    assert!(n >= 25, "only {n} regions");
    jiuzhu::rules::next_steps::check_data().expect("data/channels.json loads");
}

#[test]
fn seed_regions_and_their_parents_exist() {
    for code in [
        "000000", "530000", "530100", "530112", "532300", "532329", "533400", "140000", "140400",
        "140403", "620000", "620600",
    ] {
        assert!(
            params::catalogue().regions.contains_key(code),
            "{code} missing"
        );
    }
    let chain: Vec<&str> = params::catalogue()
        .chain("530112")
        .iter()
        .map(|r| r.code.as_str())
        .collect();
    assert_eq!(chain, ["530112", "530100", "530000", "000000"]);
}

#[test]
fn xishan_2022_seed_standards() {
    // 西民函〔2022〕55号: 城市低保标准 700元/月/人，特困供养标准 910元/月/人.
    let (v, s) = num("530112", "2022-11-01", "dibao_urban_monthly");
    assert_eq!(v, Some(Decimal::from(700)));
    assert_eq!(s, Standing::Published);
    assert_eq!(
        num("530112", "2022-11-01", "tekun_basic_monthly").0,
        Some(Decimal::from(910))
    );
}

#[test]
fn the_value_in_force_on_the_date_is_used() {
    // Yunnan guidance: 700 from 2022-07-01, 728 from 2023-07-01 (policy-research §11.1).
    assert_eq!(
        num("530000", "2023-06-30", "dibao_urban_monthly").0,
        Some(Decimal::from(700))
    );
    assert_eq!(
        num("530000", "2023-07-01", "dibao_urban_monthly").0,
        Some(Decimal::from(728))
    );
}

#[test]
fn an_unpublished_local_statistic_is_only_a_reference() {
    // The national disposable income is no county's "local" figure.
    let (_, s) = num("530112", "2025-08-01", "disposable_income_yearly");
    assert_ne!(s, Standing::Published);
}

#[test]
fn an_override_wins_and_says_so() {
    let mut o = std::collections::BTreeMap::new();
    o.insert(
        "dibao_urban_monthly".to_string(),
        params::Value::Number(Decimal::from(800)),
    );
    let p = Params::new("530112", d("2022-11-01"), o).unwrap();
    let r = p.get("dibao_urban_monthly");
    assert_eq!(r.number(), Some(Decimal::from(800)));
    assert_eq!(r.standing, Standing::Override);
}

/// Sources, articles and notes are shown to residents (issue 13): they name documents and
/// where they were published, never research files, research marks or seed file names.
#[test]
fn sources_name_documents_not_research_notes() {
    let banned = [
        "policy-research",
        "rules-decisions",
        ".md",
        "§",
        "[N]",
        "[S]",
        "[V]",
        "[SEED]",
        "seed 0",
        "jiuzhu",
        ".gov.cn",
        ".com",
    ];
    let mut bad = Vec::new();
    for r in params::catalogue().regions.values() {
        for e in &r.values {
            let texts = [Some(&e.source), e.article.as_ref(), e.note.as_ref()];
            for t in texts.into_iter().flatten() {
                if let Some(b) = banned.iter().find(|b| t.contains(*b)) {
                    bad.push(format!(
                        "{} {} {}: {b:?} in {t}",
                        r.code, e.name, e.effective
                    ));
                }
            }
        }
    }
    let channels = include_str!("../data/channels.json");
    for b in banned.iter().filter(|b| **b != "[SEED]") {
        if channels.contains(b) {
            bad.push(format!("data/channels.json: {b:?}"));
        }
    }
    assert!(
        bad.is_empty(),
        "research notes in resident-facing text:\n{}",
        bad.join("\n")
    );
}

/// A region's code extends its parent's (GB/T 2260: province 2 digits, prefecture 4), so a
/// mistyped code or parent shows up here.
#[test]
fn region_codes_extend_their_parents() {
    for r in params::catalogue().regions.values() {
        let Some(p) = r.parent.as_deref() else {
            continue;
        };
        let keep = match r.level.as_str() {
            "county" => 4,
            "prefecture" => 2,
            _ => 0,
        };
        assert_eq!(r.code.len(), 6, "{}", r.code);
        assert_eq!(&r.code[..keep], &p[..keep], "{} under {p}", r.code);
        assert!(p.ends_with(&"0".repeat(6 - keep)), "{} under {p}", r.code);
    }
}

#[test]
fn chuxiong_2023_notice_applies_from_its_issue_date() {
    // 楚民发〔2023〕5号 was issued 2023-02-14 (seed 002, last line) and gives no other start.
    assert_eq!(
        num("532301", "2023-02-13", "gradual_exit_min_months").0,
        None
    );
    assert_eq!(
        num("532301", "2023-02-14", "gradual_exit_min_months").0,
        Some(Decimal::from(6))
    );
}

#[test]
fn diqing_2023_tekun_figure_is_not_used_below_the_2024_provincial_floor() {
    // June 2023: 948 (above the 2023 floor of 947). From July 2024 Yunnan's floor is 956, so
    // 948 cannot be Diqing's standard any more; the figure shown is the province's.
    assert_eq!(
        num("533401", "2023-08-01", "tekun_basic_monthly").0,
        Some(Decimal::from(948))
    );
    let (v, s) = num("533401", "2025-08-01", "tekun_basic_monthly");
    assert_eq!(v, Some(Decimal::from(968)));
    assert_ne!(s, Standing::Published);
}

#[test]
fn prefectures_of_the_three_provinces_all_have_files() {
    let cat = params::catalogue();
    let count = |province: &str| {
        cat.regions
            .values()
            .filter(|r| r.level == "prefecture" && r.parent.as_deref() == Some(province))
            .count()
    };
    assert_eq!(count("530000"), 16, "Yunnan");
    assert_eq!(count("140000"), 11, "Shanxi");
    assert_eq!(count("620000"), 14, "Gansu");
}
