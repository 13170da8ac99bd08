//! Every reason, check, next step and parameter a household is shown cites the rule of its own
//! region or one it inherits (prefecture, province, nation) — never another prefecture's notice
//! (issue 9, item 6). The citations are data (`data/citations.json`).

use jiuzhu::rules::{self, params, sources, Date};

/// Document-number prefixes of local notices and the prefecture they belong to (Xishan's letter,
/// a district of Kunming, reports Kunming's standards too, so it may be shown in Kunming).
const LOCAL_DOCUMENTS: &[(&str, &str)] = &[
    ("楚民", "532300"),
    ("西民", "530100"),
    ("迪办", "533400"),
    ("武政办", "620600"),
    ("长民", "140400"),
    ("昆民", "530100"),
];

/// A household that touches every cited rule: support payments, a relocation home, a student,
/// a disability, medical costs, a sudden event, months without income, on dibao with new work.
fn household(region: &str, as_of: &str) -> String {
    format!(
        r#"{{"region":"{region}","residence":"urban","as_of":"{as_of}",
        "members":[
          {{"id":"m1","relation":"applicant","age":45,"work":"unemployed",
            "income":[{{"type":"wages","amount":300}}]}},
          {{"id":"m2","relation":"child","age":24,"disability":{{"kind":"mental","level":3}},
            "income":[{{"type":"support","amount":null,"payer":"elder60_plus"}}]}},
          {{"id":"m3","relation":"child","age":19,"schooling":"undergraduate","serious_illness":true}}],
        "expenses":{{"medical":200,"education":100}},
        "assets":{{"homes":2,"relocation_homes":1,"financial":1000}},
        "circumstances":{{"sudden_event":"fire","months_without_income":4,
          "unemployment_insurance":false,"on_dibao":true,"income_rose_from_work":true,
          "dibao_application_pending":true}}}}"#
    )
}

#[test]
fn no_household_is_shown_another_prefectures_notice() {
    let mut wrong = Vec::new();
    for date in ["2021-01-01", "2022-12-01", "2024-03-01"] {
        for region in params::region_list() {
            let chain: Vec<String> = params::catalogue()
                .chain(&region.code)
                .iter()
                .map(|r| r.code.clone())
                .collect();
            let r = rules::evaluate_json(&household(&region.code, date))
                .unwrap_or_else(|e| panic!("{}: {e}", region.code));
            let mut docs: Vec<String> = Vec::new();
            for s in &r.schemes {
                for x in s.reasons.iter().chain(&s.to_check).chain(&s.unlocks) {
                    docs.extend(x.source.as_ref().map(|s| s.document.to_string()));
                }
                for p in &s.people {
                    for x in p.reasons.iter().chain(&p.to_check) {
                        docs.extend(x.source.as_ref().map(|s| s.document.to_string()));
                    }
                }
            }
            docs.extend(
                r.trace
                    .iter()
                    .filter_map(|t| t.source.as_ref())
                    .map(|s| s.document.to_string()),
            );
            let n = &r.next_steps;
            for x in n
                .documents
                .iter()
                .chain(&n.timeline)
                .chain(&n.rights_and_duties)
            {
                docs.extend(x.source.as_ref().map(|s| s.document.to_string()));
            }
            docs.extend(r.parameters.iter().map(|p| p.source.document.to_string()));
            for d in docs {
                for (prefix, issuer) in LOCAL_DOCUMENTS {
                    if d.contains(prefix) && !chain.iter().any(|c| c == issuer) {
                        wrong.push(format!("{} on {date}: {d}", region.code));
                    }
                }
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_carve_out_cites_the_households_own_region() {
    let on = Date {
        year: 2024,
        month: 3,
        day: 1,
    };
    let doc = |region: &str| {
        sources::cite_for(region, on, "single_person")
            .document
            .to_string()
    };
    assert!(doc("532301").contains("楚民发"), "{}", doc("532301"));
    assert!(doc("530112").contains("西民函"), "{}", doc("530112"));
    assert!(doc("533422").contains("迪办发"), "{}", doc("533422"));
    assert!(doc("620602").contains("武政办发"), "{}", doc("620602"));
    // Changzhi restates no carve-out of its own: the national notice.
    assert!(
        doc("140404").contains("民发〔2022〕83号"),
        "{}",
        doc("140404")
    );
    // Before a local notice was issued, the national rule in force then.
    let early = Date {
        year: 2022,
        month: 1,
        day: 1,
    };
    let d = sources::cite_for("532301", early, "single_person")
        .document
        .to_string();
    assert!(d.contains("民发〔2021〕57号"), "{d}");
}

#[test]
fn every_cited_rule_has_a_national_entry() {
    let rules = sources::check_data().expect("data/citations.json is valid");
    assert!(rules.len() >= 10, "{rules:?}");
}
