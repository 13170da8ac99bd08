//! `docs/parameters.md` is generated from the parameter data (`jiuzhu regions --markdown`); this
//! test fails when the committed file differs from what the data gives now, so the document
//! cannot go stale. It also checks that the generated text says what the data says for a few
//! hand-picked values.

use std::process::Command;

const REGENERATE: &str = "cargo run --bin jiuzhu -- regions --markdown > docs/parameters.md";

fn generated() -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_jiuzhu"))
        .args(["regions", "--markdown"])
        .output()
        .expect("jiuzhu runs");
    assert!(
        out.status.success(),
        "jiuzhu regions --markdown failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn committed_parameters_doc_is_up_to_date() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/parameters.md");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    let fresh = generated();
    if committed != fresh {
        let line = committed
            .lines()
            .zip(fresh.lines())
            .position(|(a, b)| a != b)
            .map_or_else(
                || committed.lines().count().min(fresh.lines().count()) + 1,
                |i| i + 1,
            );
        panic!(
            "docs/parameters.md is out of date with data/ (first difference at line {line}); \
             regenerate it with:\n    {REGENERATE}"
        );
    }
}

#[test]
fn generated_doc_carries_the_data() {
    let doc = generated();
    // Every region file has its section.
    for f in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/data/regions")).unwrap() {
        let name = f.unwrap().file_name().into_string().unwrap();
        let code = name.trim_end_matches(".json");
        assert!(
            doc.contains(&format!("\n### {code}\n")),
            "no section for region {code}"
        );
    }
    // 西山区 2022: urban dibao 700 yuan (seed), a row of its own table.
    let xishan = doc
        .split("\n### 530112\n")
        .nth(1)
        .unwrap()
        .split("\n### ")
        .next()
        .unwrap();
    assert!(
        xishan.contains("| `dibao_urban_monthly` | 700 |"),
        "{xishan}"
    );
    // Unpublished values are shown as unknown, never as a number.
    assert!(doc.contains("**unknown** — depends on local rules"));
    // The how-to names the file format and the inheritance order.
    assert!(doc.contains("county → prefecture → province → national"));
}
