//! The field named in a household's parse errors (`rules::validate::parse`, found from
//! serde_json's error position by `src/rules/validate/json_path.rs`) is the one
//! serde_path_to_error names — the library's way until it left the wasm (BENCHMARKS.md, "App
//! size"). Every field of every sample household and golden case is broken in each way a
//! portal or a saved answer can break it: a wrong type (text, a huge number, an object, an
//! array, `true`), removed, or joined by an unknown field; every string gets a bad escape or
//! a control character; and the document is cut short or followed by more text. The messages come from the same serde error either way.

use jiuzhu::rules::household::Household;
use jiuzhu::rules::json_input::echo;
use jiuzhu::rules::validate::parse;
use serde_json::Value;

/// The field the previous `parse` named: serde_path_to_error's path of the same document
/// (`.` and `?` are the document itself), shown through `echo` as `parse` shows it. `None` when
/// the document is read without error.
fn field_with_path_to_error(json: &str) -> Option<String> {
    let mut de = serde_json::Deserializer::from_str(json);
    match serde_path_to_error::deserialize::<_, Household>(&mut de) {
        Ok(_) => None,
        Err(e) => {
            let path = e.path().to_string();
            Some(if path == "." || path == "?" || path.is_empty() {
                "(document)".to_string()
            } else {
                echo(&path)
            })
        }
    }
}

/// Every (pointer, value) in the document.
fn walk(v: &Value, pointer: String, out: &mut Vec<String>) {
    out.push(pointer.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                walk(x, format!("{pointer}/{k}"), out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                walk(x, format!("{pointer}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// The documents derived from `doc` by breaking each of its fields.
fn broken(doc: &Value) -> Vec<String> {
    let mut pointers = Vec::new();
    walk(doc, String::new(), &mut pointers);
    let mut out = Vec::new();
    let replacements = [
        Value::from("x"),
        Value::from(123456789012345u64),
        Value::from(-1),
        serde_json::json!({}),
        serde_json::json!([]),
        Value::from(true),
        Value::Null,
    ];
    for p in &pointers {
        for r in &replacements {
            let mut d = doc.clone();
            *d.pointer_mut(p).unwrap() = r.clone();
            out.push(d.to_string());
        }
        // Removed (a member of an object), or an unknown field added (an object).
        if let Some((parent, key)) = p.rsplit_once('/') {
            let mut d = doc.clone();
            if let Some(Value::Object(m)) = d.pointer_mut(parent) {
                m.remove(key);
                out.push(d.to_string());
            }
        }
        let mut d = doc.clone();
        if let Some(Value::Object(m)) = d.pointer_mut(p) {
            m.insert("zz_unknown".into(), Value::from(1));
            out.push(d.to_string());
        }
    }
    // Pretty-printed too (other lines and columns), cut short, and with text after it.
    let pretty = serde_json::to_string_pretty(doc).unwrap();
    for cut in (1..pretty.len()).step_by(37) {
        if pretty.is_char_boundary(cut) {
            out.push(pretty[..cut].to_string());
        }
    }
    // Bad text inside a string value: a lone surrogate escape, a raw control character, an
    // unknown escape.
    for bad in ["\\ud800", "\u{1}", "\\q"] {
        let mut at = 0;
        while let Some(i) = pretty[at..].find(": \"") {
            let start = at + i + 3;
            let end = start + pretty[start..].find('"').unwrap();
            out.push(format!("{}{bad}{}", &pretty[..end], &pretty[end..]));
            at = end + 1;
        }
    }
    out.push(format!("{pretty} x"));
    out.push(format!("{pretty}}}"));
    out
}

fn households() -> Vec<(String, Value)> {
    let mut docs = Vec::new();
    for (name, text) in jiuzhu::rules::params::SAMPLE_FILES {
        let v: Value = serde_json::from_str(text).unwrap();
        if v.get("members").is_some() {
            docs.push((format!("samples/{name}"), v));
        }
    }
    for (id, text) in jiuzhu::golden::all() {
        let v: Value = serde_json::from_str(text).unwrap();
        if let Some(h) = v.get("household") {
            docs.push((format!("tests/golden/{id}"), h.clone()));
        }
    }
    docs
}

#[test]
fn every_broken_field_is_named_as_serde_path_to_error_names_it() {
    let mut checked = 0;
    for (name, doc) in households() {
        for text in broken(&doc) {
            let Some(expected) = field_with_path_to_error(&text) else {
                continue;
            };
            let got = parse(&text).expect_err(&text);
            // An array where an object belongs is named by where the array is, whatever
            // serde tripped over inside it (json_input.rs): not a path of serde's.
            if got
                .message_en
                .starts_with("an object {…} with named fields is needed here")
            {
                continue;
            }
            // A syntax error where a key should start: serde_path_to_error says `?` for the
            // key it could not read; we name the object.
            let expected = match expected.strip_suffix('?') {
                Some(object) => {
                    let object = object.trim_end_matches('.');
                    if object.is_empty() {
                        "(document)"
                    } else {
                        object
                    }
                    .to_string()
                }
                None => expected,
            };
            assert_eq!(got.field, expected, "{name}: {text}");
            checked += 1;
        }
    }
    assert!(checked > 2000, "only {checked} errors");
}
