//! The CLI against what a 民政 office's data and a shell will throw at it: closed pipes, a full
//! disk, bytes that are not UTF-8, huge lines, blank lines, over-precise and huge amounts, left-out
//! answers, positional arrays, repeated parameters, a byte order mark, truncated documents,
//! unknown flags, lone surrogates and terminal escapes. Every case gets a clear message (never
//! a panic) and `--batch` gives exactly one output line per input line.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Output, Stdio};

const GOOD: &str = r#"{"region":"530112","residence":"urban","as_of":"2022-11-01","members":[{"id":"a","relation":"applicant","age":30,"income":[{"type":"wages","amount":600}]}]}"#;

fn jiuzhu() -> Command {
    Command::new(env!("CARGO_BIN_EXE_jiuzhu"))
}

/// Runs `jiuzhu ARGS` with `input` on stdin.
fn run(args: &[&str], input: &[u8]) -> Output {
    let mut child = jiuzhu()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    // Written from a thread: the child may answer (and fill its stdout pipe) before reading all.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The one-line error of `jiuzhu evaluate` for this document.
fn single_error(doc: &[u8]) -> String {
    let o = run(&["evaluate"], doc);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{e}");
    assert!(!e.contains("panicked"), "{e}");
    assert_eq!(e.lines().count(), 1, "{e}");
    e
}

/// The `--batch` output lines as JSON.
fn batch(input: &[u8]) -> Vec<serde_json::Value> {
    let o = run(&["evaluate", "--batch"], input);
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn household_with(member_extra: &str, top_extra: &str) -> String {
    format!(
        r#"{{"region":"530112","residence":"urban","as_of":"2022-11-01"{top_extra},"members":[{{"id":"a","relation":"applicant","age":30{member_extra}}}]}}"#
    )
}

// 1. ----------------------------------------------------------------------------------------

#[test]
fn a_closed_pipe_is_a_quiet_end() {
    // `regions --markdown` writes ~100 KB and a batch of 3000 lines ~1.5 MB: more than a pipe
    // holds, so the writes meet the closed pipe.
    let lines = format!("{GOOD}\n").repeat(3000);
    for (args, input) in [
        (vec!["regions", "--markdown"], String::new()),
        (vec!["evaluate", "--batch"], lines),
        (vec!["regions"], String::new()),
    ] {
        let mut child = jiuzhu()
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        // Like `| head -c 10`: read a little, then close.
        let mut out = child.stdout.take().unwrap();
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(input.as_bytes());
        });
        let mut first = [0u8; 10];
        let _ = out.read(&mut first);
        drop(out);
        let o = child.wait_with_output().unwrap();
        writer.join().unwrap();
        let e = stderr(&o);
        assert!(
            !e.contains("panicked") && !e.contains("Broken pipe"),
            "{args:?}: {e}"
        );
        assert!(o.status.success(), "{args:?}: {:?} {e}", o.status);
    }
}

#[test]
fn a_full_disk_is_an_error_message() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // not Linux
    };
    for args in [
        vec!["evaluate"],
        vec!["evaluate", "--batch"],
        vec!["regions"],
    ] {
        let mut child = jiuzhu()
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(full.try_clone().unwrap())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let _ = child.stdin.take().unwrap().write_all(GOOD.as_bytes());
        let o = child.wait_with_output().unwrap();
        let e = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {e}");
        assert!(
            e.contains("cannot write the output") && !e.contains("panicked"),
            "{e}"
        );
    }
}

// 2. 3. 4. --------------------------------------------------------------------------------------

#[test]
fn batch_gives_one_line_per_input_line_whatever_the_line() {
    let mut input = Vec::new();
    input.extend_from_slice(GOOD.as_bytes());
    input.extend_from_slice(b"\n{\"region\":\"53\xff\xfe\"}\n"); // 2: not UTF-8
    input.extend_from_slice(b"\n"); // 3: blank
    input.extend_from_slice(b"   \r\n"); // 4: blank (CRLF)
    input.extend_from_slice(format!("{GOOD}\r\n").as_bytes()); // 5: CRLF is fine
    input.extend_from_slice(format!("{{\"x\":\"{}\"}}\n", "a".repeat(3 << 20)).as_bytes()); // 6
    let members: Vec<String> = (0..31)
        .map(|i| {
            format!(
                r#"{{"id":"m{i}","relation":"{}","age":30}}"#,
                if i == 0 { "applicant" } else { "child" }
            )
        })
        .collect();
    let many = format!(
        r#"{{"region":"530112","residence":"urban","members":[{}]}}"#,
        members.join(",")
    );
    input.extend_from_slice(format!("{many}\n").as_bytes()); // 7: 31 members
    let items = vec![r#"{"type":"wages","amount":1}"#; 51].join(",");
    input.extend_from_slice(household_with(&format!(r#","income":[{items}]"#), "").as_bytes());
    input.push(b'\n'); // 8: 51 income items
    input.extend_from_slice(GOOD.as_bytes()); // 9: last line without a newline
    let out = batch(&input);
    assert_eq!(out.len(), 9, "{out:?}");
    let err = |n: usize| &out[n - 1]["error"];
    for n in [1, 5, 9] {
        assert_eq!(out[n - 1]["schemes"][0]["status"], "likely", "line {n}");
    }
    for n in [2, 3, 4, 6, 7, 8] {
        assert_eq!(out[n - 1]["line"], n, "line {n}: {:?}", out[n - 1]);
    }
    assert!(err(2)["en"].as_str().unwrap().contains("not UTF-8"));
    assert!(err(3)["en"].as_str().unwrap().contains("blank line"));
    assert!(err(4)["en"].as_str().unwrap().contains("blank line"));
    assert!(err(6)["en"]
        .as_str()
        .unwrap()
        .contains("over the limit of 1048576 bytes"));
    assert_eq!(err(7)["field"], "members");
    assert!(err(7)["en"].as_str().unwrap().contains("30"));
    assert_eq!(err(8)["field"], "members[0].income");
    assert!(err(8)["en"].as_str().unwrap().contains("limit of 50"));
}

#[test]
fn batch_writes_each_result_before_reading_on() {
    // The first result must come out while the input is still open: a later failure (or a
    // reader that never ends) cannot lose it.
    let mut child = jiuzhu()
        .args(["evaluate", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(format!("{GOOD}\n").as_bytes()).unwrap();
    stdin.flush().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let line = rx.recv_timeout(std::time::Duration::from_secs(20));
    drop(stdin);
    let _ = child.wait();
    let line = line.expect("no output while the input was open");
    assert!(line.contains("\"likely\""), "{line}");
}

#[test]
fn a_huge_document_is_refused_in_single_mode() {
    let doc = format!("{{\"x\":\"{}\"}}", "a".repeat(2 << 20));
    let e = single_error(doc.as_bytes());
    assert!(e.contains("over the limit of 1048576 bytes"), "{e}");
    let e = single_error(b"{\"region\":\"\xff\"}");
    assert!(e.contains("not UTF-8"), "{e}");
}

// 5. ------------------------------------------------------------------------------------------

#[test]
fn amounts_are_exact_to_the_fen_and_within_the_limit() {
    let income = |amount: &str| {
        household_with(
            &format!(r#","income":[{{"type":"wages","amount":{amount}}}]"#),
            "",
        )
    };
    // 699.999… would round to 700 (not below the standard of 700): refused, not rounded.
    for a in [
        "699.99999999999999999999999999999",
        "612.005",
        "\"612.005\"",
        "1e-3",
    ] {
        let e = single_error(income(a).as_bytes());
        assert!(
            e.contains("members[0].income[0].amount") && e.contains("at most 2 decimals"),
            "{a}: {e}"
        );
    }
    for a in [
        "1e400",
        "123456789012345678901234567890",
        "\"1e400\"",
        "10000000.01",
    ] {
        let e = single_error(income(a).as_bytes());
        assert!(
            e.contains("members[0].income[0].amount") && e.contains("10,000,000 yuan"),
            "{a}: {e}"
        );
        assert!(!e.contains("serde_json") && !e.contains("$"), "{a}: {e}");
    }
    let e = single_error(household_with("", r#","expenses":{"medical":1e400}"#).as_bytes());
    assert!(
        e.contains("expenses.medical") && e.contains("10,000,000"),
        "{e}"
    );
    // Equal values with trailing zeros and exponents are fine.
    for a in ["600.000", "6e2", "\"600.00\""] {
        let o = run(&["evaluate"], income(a).as_bytes());
        assert!(o.status.success(), "{a}: {}", stderr(&o));
    }
}

// 6. ------------------------------------------------------------------------------------------

#[test]
fn required_answers_positional_arrays_and_repeated_parameters() {
    let no_age =
        r#"{"region":"530112","residence":"urban","members":[{"id":"a","relation":"applicant"}]}"#;
    let e = single_error(no_age.as_bytes());
    assert!(
        e.contains("members[0]") && e.contains("missing field `age`"),
        "{e}"
    );
    let e = single_error(household_with(r#","income":[{"type":"wages"}]"#, "").as_bytes());
    assert!(
        e.contains("members[0].income[0]") && e.contains("missing field `amount`"),
        "{e}"
    );
    let e = single_error(household_with(r#","obligors":[{"relation":"child"}]"#, "").as_bytes());
    assert!(e.contains("missing field `age`"), "{e}");
    // null is "don't know" and stays allowed.
    let o = run(
        &["evaluate"],
        household_with(r#","income":[{"type":"wages","amount":null}]"#, "")
            .replace("\"age\":30", "\"age\":null")
            .as_bytes(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    // An income type is required too; `null` (not known) is allowed and never read as wages.
    let e = single_error(household_with(r#","income":[{"amount":600}]"#, "").as_bytes());
    assert!(
        e.contains("members[0].income[0]")
            && e.contains("missing field `type`")
            && e.contains("null"),
        "{e}"
    );
    let o = run(
        &["evaluate"],
        household_with(r#","income":[{"type":null,"amount":3000}]"#, "").as_bytes(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(out["per_capita_monthly_income"].is_null(), "{out}");
    assert_eq!(out["per_capita_monthly_income_at_least"], "0.00");

    for (doc, place) in [
        (
            r#"["530112","urban",null,{},[]]"#.to_string(),
            "(document):",
        ),
        (
            r#"{"region":"530112","residence":"urban","members":[["a","applicant",30]]}"#.into(),
            "members[0]:",
        ),
        (
            household_with("", r#","expenses":["month",1]"#),
            "expenses:",
        ),
    ] {
        let e = single_error(doc.as_bytes());
        assert!(
            e.contains(place) && e.contains("not an array"),
            "{doc}: {e}"
        );
    }

    let e = single_error(
        household_with("", r#","params":{"edge_multiple":1.5,"edge_multiple":9}"#).as_bytes(),
    );
    assert!(
        e.contains("params") && e.contains("duplicate parameter `edge_multiple`"),
        "{e}"
    );
}

// 7. ------------------------------------------------------------------------------------------

#[test]
fn messages_a_person_can_act_on() {
    // A byte order mark is accepted.
    let o = run(&["evaluate"], format!("\u{feff}{GOOD}").as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let bom_batch = batch(format!("\u{feff}{GOOD}\n").as_bytes());
    assert_eq!(bom_batch[0]["schemes"][0]["status"], "likely");

    let e = single_error(b"{");
    assert!(
        e.contains("(document)") && e.contains("truncated document"),
        "{e}"
    );
    let e = single_error(GOOD.replace("\"urban\"", "null").as_bytes());
    assert!(
        e.contains("residence: ") && e.contains("urban or rural"),
        "{e}"
    );
    let e = single_error(GOOD.replace("2022-11-01", "0000-01-01").as_bytes());
    assert!(
        e.contains("as_of") && e.contains("invalid date `0000-01-01`"),
        "{e}"
    );
    let e = single_error(GOOD.replace("\"id\":\"a\"", r#""id":"a\ud800""#).as_bytes());
    assert!(
        e.contains("members[0].id") && e.contains("lone surrogate"),
        "{e}"
    );

    let o = run(&["evaluate", "--bogus"], GOOD.as_bytes());
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        e.contains("unknown option `--bogus`") && e.contains("usage:"),
        "{e}"
    );
    assert!(!e.contains("No such file"), "{e}");
    let o = run(&["regions", "--bogus"], b"");
    assert!(
        stderr(&o).contains("unknown option `--bogus`"),
        "{}",
        stderr(&o)
    );

    // Control characters are escaped and long input is cut.
    let e = single_error(GOOD.replace("530112", r"\u001b[2J").as_bytes());
    assert!(!e.contains('\u{1b}') && e.contains("\\u{1b}[2J"), "{e}");
    let long = "x".repeat(5000);
    let e = single_error(GOOD.replace("530112", &long).as_bytes());
    assert!(!e.contains(&"x".repeat(81)), "{e}");
    let e = single_error(household_with(&format!(r#","{long}":1"#), "").as_bytes());
    assert!(!e.contains(&"x".repeat(81)) && e.len() < 1500, "{e}");
    let e =
        single_error(household_with(&format!(r#","{}":1"#, r"\u001b".repeat(100)), "").as_bytes());
    assert!(!e.contains('\u{1b}'), "{e}");
}

// 16. -----------------------------------------------------------------------------------------

#[test]
fn residents_messages_never_mention_the_cli() {
    // The library's message is what the web app and the portals show to a resident.
    let doc = GOOD.replace("530112", "999999");
    let e = jiuzhu::rules::evaluate_json(&doc).unwrap_err();
    assert_eq!(e.field, "region");
    for m in [&e.message_zh, &e.message_en] {
        assert!(m.contains("999999"), "{m}");
        assert!(
            !m.contains("jiuzhu") && !m.contains("运行") && !m.contains("regions"),
            "{m}"
        );
    }
    // The CLI adds its own hint.
    let err = single_error(doc.as_bytes());
    assert!(err.contains("jiuzhu regions"), "{err}");
    // No resident-facing text in the app's message catalogue or the engine names the CLI.
    for dir in ["data/i18n", "src/rules", "src/ui"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            for (n, line) in text.lines().enumerate() {
                let code = line.trim_start();
                if code.starts_with("//") || code.starts_with("///") || code.starts_with("//!") {
                    continue;
                }
                assert!(
                    !line.contains("jiuzhu regions") && !line.contains("jiuzhu evaluate"),
                    "{}:{}: {line}",
                    path.display(),
                    n + 1
                );
            }
        }
    }
}
