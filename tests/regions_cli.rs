//! `jiuzhu regions`: the whole division tree with which places have data of their own, and the
//! chain a place inherits from (issue 10).

use std::process::{Command, Output};

fn jiuzhu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jiuzhu"))
        .args(args)
        .output()
        .expect("jiuzhu runs")
}

fn stdout(args: &[&str]) -> String {
    let out = jiuzhu(args);
    assert!(
        out.status.success(),
        "jiuzhu {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn the_list_is_the_whole_tree_marked_where_there_is_data() {
    let list = stdout(&["regions"]);
    let lines: Vec<&str> = list.lines().collect();
    assert!(lines.len() > 3000, "{} lines", lines.len());
    let line = |code: &str| {
        *lines
            .iter()
            .find(|l| l.starts_with(&format!("{code}\t")))
            .unwrap_or_else(|| panic!("{code} not listed"))
    };
    assert_eq!(
        line("530102"),
        "530102\tcounty\t五华区\tWuhua District\t530100\tinherits 530100"
    );
    assert!(line("530112").ends_with("\tdata"));
    assert_eq!(
        line("429004"),
        "429004\tcounty\t仙桃市\tXiantao City\t420000\tinherits 000000"
    );
    assert!(line("533401").contains("Shangri-La City"));
    assert!(line("000000").ends_with("\tdata"));
    // --data: only the regions with a file, as before.
    let data = stdout(&["regions", "--data"]);
    assert!(data.lines().any(|l| l.starts_with("530112\t")));
    assert!(!data.lines().any(|l| l.starts_with("530102\t")));
}

#[test]
fn a_county_without_data_shows_the_chain_it_inherits() {
    let out = stdout(&["regions", "530102", "--date", "2024-10-01"]);
    let first = out.lines().next().unwrap();
    assert_eq!(
        first,
        "# 530102 五华区 → 530100 昆明市 → 530000 云南省 → 000000 全国 — parameters in force on 2024-10-01"
    );
    assert!(out.contains("530102 county 五华区 (Wuhua District): no data of its own: inherits"));
    // Kunming's 2024 urban standard of 735 (昆民发〔2024〕8号), from the prefecture.
    let urban = out
        .lines()
        .find(|l| l.starts_with("dibao_urban_monthly\t"))
        .unwrap();
    assert!(
        urban.contains("\"735\"") && urban.contains("\t530100\t2024-07-01\t"),
        "{urban}"
    );
}

#[test]
fn a_code_that_is_not_a_division_is_an_error() {
    for code in ["530199", "999999"] {
        let out = jiuzhu(&["regions", code]);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("not a current division code"));
    }
}

#[test]
fn coverage_counts_agree_with_the_hand_written_table() {
    // docs/coverage.md: "Counts: own, current **N**; own, older only **N**; borrows the
    // province's **N**; nothing known **N**." per province, for a screening date in 2025.
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/coverage.md"))
        .expect("docs/coverage.md");
    let counts = |text: &str| -> Vec<String> {
        let flat = text.replace('\n', " ");
        flat.split("Counts: ")
            .skip(1)
            .map(|c| {
                c.split("**")
                    .skip(1)
                    .step_by(2)
                    .take(4)
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .collect()
    };
    let computed = stdout(&["regions", "--coverage", "--date", "2025-12-31"]);
    let section = |text: &str, code: &str| -> String {
        let start = text
            .find(&format!("## {code}"))
            .unwrap_or_else(|| panic!("{code}"));
        counts(&text[start..])[0].clone()
    };
    // The hand-written page lists Yunnan, Shanxi and Gansu in that order.
    let by_hand = counts(&doc);
    assert_eq!(section(&computed, "530000"), by_hand[0], "Yunnan");
    assert_eq!(section(&computed, "140000"), by_hand[1], "Shanxi");
    assert_eq!(section(&computed, "620000"), by_hand[2], "Gansu");
}
