//! Generates N varied, valid households as JSON lines, for the CLI batch benchmark
//! (`BENCHMARKS.md`, `scripts/bench.sh`):
//!
//! ```text
//! cargo run --release --example gen_households -- 1000000 > /tmp/households.jsonl
//! ```
//!
//! Deterministic (a fixed-seed xorshift generator, no dependency): the same N gives the same
//! file on every machine. Households mix every region with data, urban and rural, screening
//! dates 2019–2025, 1–10 members (mostly 1–5) of every relation, ages 0–100, the common income
//! kinds (monthly and yearly), support payments, disabilities, serious illness, "不清楚"
//! (`null`) answers, expenses, assets and sudden events — the shapes a portal's batch would send.

use jiuzhu::rules::params;
use std::io::{self, BufWriter, Write};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len() as u64) as usize]
    }
    /// Yuan with 0 or 2 decimals, up to `max`.
    fn money(&mut self, max: u64) -> String {
        let fen = self.below(max * 100 + 1);
        if self.chance(70) {
            (fen / 100).to_string()
        } else {
            format!("{}.{:02}", fen / 100, fen % 100)
        }
    }
}

const RELATIONS: &[&str] = &[
    "spouse",
    "child",
    "child",
    "parent",
    "grandparent",
    "grandchild",
    "sibling",
    "child_in_law",
    "other",
];
const DATES: &[&str] = &[
    "2019-06-01",
    "2021-03-15",
    "2022-11-01",
    "2023-08-01",
    "2024-09-01",
    "2025-05-20",
];
const WORK: &[&str] = &[
    "not_working",
    "employed",
    "self_employed",
    "farming",
    "unemployed",
    "retired",
];
const DISABILITY: &[&str] = &[
    "physical",
    "intellectual",
    "mental",
    "visual",
    "hearing",
    "speech",
    "multiple",
];
const EVENTS: &[&str] = &["fire", "accident", "serious_illness", "disaster", "other"];

fn income(r: &mut Rng, age: u64, out: &mut String) {
    let kinds: &[&str] = if age >= 60 {
        &[
            "pension",
            "resident_basic_pension",
            "old_age_allowance",
            "support",
            "farming",
        ]
    } else if age >= 16 {
        &[
            "wages",
            "wages",
            "business",
            "farming",
            "property",
            "other_transfer",
            "assistance",
        ]
    } else {
        &["support", "scholarship"]
    };
    let n = if age < 16 { r.below(2) } else { r.below(3) };
    out.push_str(",\"income\":[");
    for i in 0..n {
        if i > 0 {
            out.push(',');
        }
        let kind = r.pick(kinds);
        let yearly = kind == "farming" || r.chance(10);
        let amount = if r.chance(5) {
            "null".to_string()
        } else if yearly {
            r.money(30_000)
        } else {
            r.money(4_000)
        };
        out.push_str(&format!("{{\"type\":\"{kind}\",\"amount\":{amount}"));
        if yearly {
            out.push_str(",\"period\":\"year\"");
        }
        if kind == "support" {
            out.push_str(&format!(
                ",\"payer\":\"{}\"",
                r.pick(&["sibling", "elder60_plus", "other"])
            ));
        }
        out.push('}');
    }
    out.push(']');
}

fn household(r: &mut Rng, regions: &[&str]) -> String {
    let mut s = String::with_capacity(600);
    let region = regions[r.below(regions.len() as u64) as usize];
    let residence = if r.chance(40) { "rural" } else { "urban" };
    s.push_str(&format!(
        "{{\"schema\":1,\"region\":\"{region}\",\"residence\":\"{residence}\",\"as_of\":\"{}\",\"members\":[",
        r.pick(DATES)
    ));
    let n = match r.below(100) {
        0..=24 => 1,
        25..=44 => 2,
        45..=64 => 3,
        65..=79 => 4,
        80..=89 => 5,
        _ => 6 + r.below(5),
    };
    for i in 0..n {
        if i > 0 {
            s.push(',');
        }
        let relation = if i == 0 {
            "applicant"
        } else {
            r.pick(RELATIONS)
        };
        let age = match relation {
            "child" | "grandchild" => r.below(30),
            "parent" | "grandparent" => 50 + r.below(51),
            _ => 18 + r.below(70),
        };
        s.push_str(&format!(
            "{{\"id\":\"m{}\",\"relation\":\"{relation}\",\"age\":",
            i + 1
        ));
        if r.chance(3) {
            s.push_str("null");
        } else {
            s.push_str(&age.to_string());
        }
        if age >= 16 {
            s.push_str(&format!(",\"work\":\"{}\"", r.pick(WORK)));
        } else if age >= 6 {
            s.push_str(",\"schooling\":\"compulsory\"");
        }
        if r.chance(8) {
            s.push_str(&format!(
                ",\"disability\":{{\"kind\":\"{}\",\"level\":{}}}",
                r.pick(DISABILITY),
                1 + r.below(4)
            ));
        }
        if r.chance(6) {
            s.push_str(",\"serious_illness\":true");
        } else if r.chance(3) {
            s.push_str(",\"serious_illness\":null");
        }
        if age >= 60 && r.chance(30) {
            s.push_str(",\"obligors\":[]");
        }
        if i > 0 && r.chance(2) {
            s.push_str(",\"excluded\":\"prison\"");
        }
        income(r, age, &mut s);
        s.push('}');
    }
    s.push(']');
    if r.chance(30) {
        s.push_str(&format!(
            ",\"expenses\":{{\"medical\":{},\"education\":{}}}",
            r.money(3_000),
            r.money(1_000)
        ));
    }
    s.push_str(&format!(
        ",\"assets\":{{\"financial\":{},\"homes\":{}}}",
        if r.chance(10) {
            "null".to_string()
        } else {
            r.money(60_000)
        },
        r.below(3)
    ));
    if r.chance(5) {
        s.push_str(&format!(
            ",\"circumstances\":{{\"sudden_event\":\"{}\"}}",
            r.pick(EVENTS)
        ));
    }
    s.push('}');
    s
}

fn main() {
    let n: u64 = match std::env::args().nth(1).map(|a| a.parse()) {
        None => 1_000_000,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!("usage: gen_households [N]   (N households as JSON lines on stdout)");
            std::process::exit(2);
        }
    };
    let regions: Vec<&str> = params::region_list()
        .iter()
        .map(|r| r.code.as_str())
        .collect();
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    for _ in 0..n {
        let line = household(&mut r, &regions);
        if writeln!(out, "{line}").is_err() {
            return; // stdout closed (e.g. piped into head)
        }
    }
    let _ = out.flush();
}
