//! The statuses-only batch path (`jiuzhu evaluate --batch`, [`evaluate_quiet`]) skips every
//! explanation for speed; these tests check that it still gives exactly the statuses, members
//! and amounts of the full evaluation, for every sample household and every golden case's
//! household — also when the same region and date come back (the parameter tables are shared
//! across households) — and that the CLI writes one such line per input line.

use jiuzhu::rules::{evaluate_on, evaluate_quiet, samples, validate, Date};
use std::io::Write;
use std::process::{Command, Stdio};

fn today() -> Date {
    Date::parse("2026-01-01").unwrap()
}

/// Every household document the project ships: samples and golden cases (valid ones).
fn households() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = samples::all()
        .into_iter()
        .map(|s| (s.id.to_string(), s.json.to_string()))
        .collect();
    for (id, json) in jiuzhu::golden::all() {
        let case: serde_json::Value = serde_json::from_str(json).unwrap();
        out.push((id.to_string(), case["household"].to_string()));
    }
    out
}

#[test]
fn quiet_summary_equals_full_summary() {
    let mut valid = 0;
    // Twice round, so the second pass reads parameters from the shared tables.
    for round in 0..2 {
        for (id, json) in households() {
            let Ok(h) = validate::parse(&json) else {
                continue;
            };
            let full = evaluate_on(&h, today());
            let quiet = evaluate_quiet(&h, today());
            match (full, quiet) {
                (Ok(f), Ok(q)) => {
                    assert!(
                        q.trace.is_empty() && q.parameters.is_empty(),
                        "{id}: quiet kept explanations"
                    );
                    assert_eq!(
                        f.summary(),
                        q.clone().into_summary(),
                        "{id} (round {round})"
                    );
                    assert_eq!(
                        q.summary(),
                        q.into_summary(),
                        "{id}: summary vs into_summary"
                    );
                    valid += 1;
                }
                (Err(a), Err(b)) => assert_eq!(a, b, "{id}"),
                (f, q) => panic!("{id}: full {:?} but quiet {:?}", f.is_ok(), q.is_ok()),
            }
        }
    }
    assert!(valid >= 2 * 40, "only {valid} valid households checked");
}

#[test]
fn cli_batch_writes_the_summary_of_each_line() {
    let docs: Vec<(String, String)> = households()
        .into_iter()
        .filter(|(_, j)| validate::parse(j).is_ok_and(|h| h.as_of.is_some()))
        .collect();
    let mut input = String::new();
    for (_, json) in &docs {
        // one document per line
        let compact: serde_json::Value = serde_json::from_str(json).unwrap();
        input.push_str(&compact.to_string());
        input.push('\n');
    }
    input.push('\n'); // a blank line gets its own error line (one output line per input line)
    let mut child = Command::new(env!("CARGO_BIN_EXE_jiuzhu"))
        .args(["evaluate", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), docs.len() + 1);
    let blank: serde_json::Value = serde_json::from_str(lines.pop().unwrap()).unwrap();
    assert_eq!(blank["line"], docs.len() + 1);
    assert!(blank["error"]["en"]
        .as_str()
        .unwrap()
        .contains("blank line"));
    for ((id, json), line) in docs.iter().zip(lines) {
        let h = validate::parse(json).unwrap();
        match evaluate_on(&h, today()) {
            Ok(ev) => {
                let expected = serde_json::to_string(&ev.summary()).unwrap();
                assert_eq!(line, expected, "{id}");
            }
            Err(e) => {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                assert_eq!(v["error"]["field"], e.field.as_str(), "{id}");
            }
        }
    }
}
