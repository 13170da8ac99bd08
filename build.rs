//! Embeds the parameter data (`data/`) and the sample households (`samples/`) into the
//! library, so the CLI, the wasm app and the tests all read the same files.

use std::fmt::Write as _;
use std::{env, fs, path::Path};

fn json_files(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().and_then(|x| x.to_str()) == Some("json") {
                let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
                out.push((stem, p.canonicalize().unwrap().display().to_string()));
            }
        }
    }
    out.sort();
    out
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut code = String::new();
    for (name, dir) in [
        ("REGION_FILES", "data/regions"),
        ("SAMPLE_FILES", "samples"),
    ] {
        println!("cargo:rerun-if-changed={dir}");
        writeln!(code, "pub const {name}: &[(&str, &str)] = &[").unwrap();
        for (stem, path) in json_files(&root.join(dir)) {
            println!("cargo:rerun-if-changed={path}");
            writeln!(code, "    ({stem:?}, include_str!({path:?})),").unwrap();
        }
        writeln!(code, "];").unwrap();
    }
    println!("cargo:rerun-if-changed=data/parameters.json");
    println!("cargo:rerun-if-changed=data/channels.json");
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("embedded.rs");
    fs::write(out, code).unwrap();
}
