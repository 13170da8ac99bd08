//! Golden policy cases (`tests/golden/*.json`, format in `tests/golden/README.md`): each
//! household's expected statuses and figures were worked out by hand from the cited rule. The
//! runner (`jiuzhu::golden`) is the library's, so the browser self-test page runs the same code.

use jiuzhu::golden;
use jiuzhu::rules::SchemeId;

#[test]
fn every_golden_case_matches_its_hand_calculation() {
    let cases = golden::all();
    let mut failures = Vec::new();
    for (id, json) in &cases {
        if let Err(errs) = golden::check(json) {
            failures.push(format!("[{id}]\n  {}", errs.join("\n  ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} golden cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn there_are_at_least_forty_cases_and_ids_match_file_names() {
    let cases = golden::all();
    assert!(cases.len() >= 40, "only {} golden cases", cases.len());
    for (stem, json) in &cases {
        let case = golden::parse(json).unwrap_or_else(|e| panic!("{stem}: {e}"));
        assert_eq!(&case.id, stem, "the id must be the file name");
    }
}

#[test]
fn every_scheme_appears_in_some_expectation() {
    let cases: Vec<golden::Case> = golden::all()
        .iter()
        .map(|(_, j)| golden::parse(j).unwrap())
        .collect();
    for s in SchemeId::ALL {
        let n = cases
            .iter()
            .filter_map(|c| c.expect.as_ref())
            .filter(|e| e.schemes.contains_key(s.code()))
            .count();
        assert!(n > 0, "no golden case expects anything of `{}`", s.code());
    }
    let errors = cases.iter().filter(|c| c.expect_error.is_some()).count();
    assert!(errors >= 5, "only {errors} invalid-input cases");
}

/// Changes one value in a case file and returns the new JSON.
fn mutate(json: &str, f: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(json).unwrap();
    f(&mut v);
    v.to_string()
}

#[test]
fn a_wrong_expectation_is_reported() {
    // Pick a loaded case that expects a dibao status and an estimate, and break each in turn.
    let (id, json) = golden::all()
        .into_iter()
        .find(|(_, j)| {
            let v: serde_json::Value = serde_json::from_str(j).unwrap();
            let d = &v["expect"]["schemes"]["dibao"];
            d["status"] == "likely" && d["estimate_monthly"].is_string()
        })
        .expect("some case expects a likely dibao with an estimate");
    assert_eq!(golden::check(json), Ok(()), "{id} must pass unchanged");

    let wrong_amount = mutate(json, |v| {
        v["expect"]["schemes"]["dibao"]["estimate_monthly"] = "1.23".into();
    });
    let errs = golden::check(&wrong_amount).expect_err("a wrong estimate must fail");
    assert!(
        errs.iter()
            .any(|e| e.contains(id) && e.contains("dibao") && e.contains("1.23")),
        "{errs:?}"
    );

    let wrong_status = mutate(json, |v| {
        v["expect"]["schemes"]["dibao"]["status"] = "unlikely".into();
    });
    let errs = golden::check(&wrong_status).expect_err("a wrong status must fail");
    assert!(
        errs.iter()
            .any(|e| e.contains("dibao: status: expected unlikely, got likely")),
        "{errs:?}"
    );

    // Every mismatch is reported, not only the first.
    let both = mutate(&wrong_status, |v| {
        v["expect"]["schemes"]["dibao"]["estimate_monthly"] = "1.23".into();
        v["expect"]["per_capita_monthly_income"] = "0.01".into();
    });
    let errs = golden::check(&both).expect_err("must fail");
    assert!(errs.len() >= 3, "{errs:?}");
}

#[test]
fn a_wrong_error_field_and_a_misspelt_expectation_are_reported() {
    let (_, json) = golden::all()
        .into_iter()
        .find(|(_, j)| j.contains("\"expect_error\""))
        .expect("some invalid-input case");
    let wrong = mutate(json, |v| v["expect_error"]["field"] = "nowhere".into());
    assert!(golden::check(&wrong).is_err());

    let (_, json) = golden::all()
        .into_iter()
        .find(|(_, j)| j.contains("\"expect\""))
        .unwrap();
    let typo = mutate(json, |v| v["expect"]["per_capita_income"] = "1.00".into());
    assert!(
        golden::check(&typo).is_err(),
        "unknown expectation fields are errors"
    );
    let no_date = mutate(json, |v| {
        v["household"].as_object_mut().unwrap().remove("as_of");
    });
    assert!(golden::check(&no_date).is_err(), "a case must fix its date");
}

#[test]
fn wrong_people_distance_and_to_check_expectations_are_reported() {
    let find = |pred: &dyn Fn(&serde_json::Value) -> bool| {
        golden::all()
            .into_iter()
            .find(|(_, j)| pred(&serde_json::from_str(j).unwrap()))
            .map(|(_, j)| j)
            .expect("a case of that kind")
    };
    // A per-person estimate.
    let json = find(&|v| v["expect"]["schemes"]["dibao_single_person"]["people"].is_object());
    let bad = mutate(json, |v| {
        let people = v["expect"]["schemes"]["dibao_single_person"]["people"]
            .as_object_mut()
            .unwrap();
        let first = people.values_mut().next().unwrap();
        first["status"] = "unlikely".into();
    });
    assert!(
        golden::check(&bad).is_err(),
        "a wrong per-person status must fail"
    );
    // A distance.
    let json = find(&|v| v["expect"]["schemes"]["dibao"]["distance"].is_object());
    let bad = mutate(json, |v| {
        v["expect"]["schemes"]["dibao"]["distance"]["line_per_capita_monthly"] = "1.00".into();
    });
    assert!(golden::check(&bad).is_err(), "a wrong distance must fail");
    // What a `possible` names.
    let json = find(&|v| v["expect"]["schemes"]["dibao"]["depends_on"].is_array());
    let bad = mutate(json, |v| {
        v["expect"]["schemes"]["dibao"]["depends_on"] =
            serde_json::json!(["no such words anywhere"]);
    });
    assert!(
        golden::check(&bad).is_err(),
        "a missing to_check mention must fail"
    );
    // Who is counted.
    let json = find(&|v| v["expect"]["members_counted"].is_array());
    let bad = mutate(json, |v| {
        v["expect"]["members_counted"] = serde_json::json!(["nobody"])
    });
    assert!(golden::check(&bad).is_err(), "a wrong head count must fail");
}
