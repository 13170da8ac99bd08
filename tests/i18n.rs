//! The message catalogue is complete: every key has zh-CN and English (build.rs refuses
//! otherwise), and every key the UI code asks for through `t(…, "key")` / `tf(…, "key", …)`
//! exists.

use std::fs;
use std::path::Path;

use jiuzhu::i18n::{message, MESSAGE_KEYS};

/// Every `"…"` string literal that directly follows `t(` / `tf(` / `tr(` and a first argument.
fn keys_used_in(src: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for call in ["t(", "tf(", "tr("] {
        let mut rest = src;
        while let Some(i) = rest.find(call) {
            let before = rest[..i].chars().last();
            rest = &rest[i + call.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            // first argument up to the comma, then a string literal
            let Some(comma) = rest.find(',') else { break };
            let after = rest[comma + 1..].trim_start();
            if let Some(lit) = after.strip_prefix('"') {
                if let Some(end) = lit.find('"') {
                    keys.push(lit[..end].to_string());
                }
            }
        }
    }
    keys
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_key_used_by_the_ui_is_in_the_catalogue() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/ui"), &mut files);
    rust_files(&root.join("src/bin"), &mut files);
    let mut missing = Vec::new();
    for f in &files {
        let src = fs::read_to_string(f).unwrap();
        for key in keys_used_in(&src) {
            if message(&key).is_none() {
                missing.push(format!(
                    "{}: {key}",
                    f.strip_prefix(root).unwrap().display()
                ));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "message keys missing from data/i18n/*.json:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_message_has_both_languages() {
    assert!(!MESSAGE_KEYS.is_empty());
    for key in MESSAGE_KEYS {
        let (zh, en) = message(key).unwrap();
        assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{key}");
        // Placeholders must match between the languages.
        let holes = |s: &str| {
            let mut v: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|x| x.0.to_string()))
                .collect();
            v.sort();
            v
        };
        assert_eq!(holes(zh), holes(en), "placeholders differ in {key}");
    }
}

#[test]
fn the_key_scanner_finds_keys() {
    let keys = keys_used_in(
        r#"let a = t(lang, "x.y"); tf(Lang::En, "a.b", &[]); format(t, "no"); st(lang, "z")"#,
    );
    assert_eq!(keys, vec!["x.y", "a.b"]);
}
