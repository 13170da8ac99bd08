//! How long one evaluation takes natively (BENCHMARKS.md; target ≤ 10 µs):
//! a 3-member household (the Xishan family of three, `samples/`) and a 10-member household
//! (three generations with wages, farming, pensions, support, a disabled member and expenses),
//! each with the full result (texts, trace, parameters, next steps) and with the statuses-only
//! path that `jiuzhu evaluate --batch` uses; plus reading the JSON alone.
//!
//!   cargo bench --profile native --bench evaluate     (what scripts/bench.sh runs)
//!
//! `--profile native` is the release build optimised for speed (opt-level 3); plain
//! `cargo bench` uses the release settings, which are tuned for the wasm download size.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use jiuzhu::rules::{evaluate_on, evaluate_quiet, samples, validate, Date};

fn three_members() -> String {
    samples::all()
        .into_iter()
        .find(|s| s.id == "xishan_urban_three")
        .expect("sample xishan_urban_three")
        .json
        .to_string()
}

fn ten_members() -> String {
    r#"{"schema":1,"region":"532301","residence":"urban","as_of":"2024-06-01","members":[
      {"id":"m1","relation":"applicant","age":46,"work":"employed","income":[{"type":"wages","amount":2600}]},
      {"id":"m2","relation":"spouse","age":44,"work":"self_employed","income":[{"type":"business","amount":900}]},
      {"id":"m3","relation":"child","age":20,"schooling":"undergraduate","income":[{"type":"scholarship","amount":300}]},
      {"id":"m4","relation":"child","age":16,"schooling":"high_school"},
      {"id":"m5","relation":"child","age":9,"schooling":"compulsory"},
      {"id":"m6","relation":"parent","age":72,"work":"retired","income":[{"type":"resident_basic_pension","amount":160},{"type":"old_age_allowance","amount":50}]},
      {"id":"m7","relation":"parent","age":70,"work":"farming","income":[{"type":"farming","amount":3000,"period":"year"}]},
      {"id":"m8","relation":"sibling","age":40,"work":"not_working","disability":{"kind":"intellectual","level":2},"self_care":"partial",
       "income":[{"type":"support","amount":200,"payer":"sibling"}]},
      {"id":"m9","relation":"grandparent","age":91,"self_care":"none","income":[{"type":"pension","amount":1200}]},
      {"id":"m10","relation":"grandchild","age":2}
    ],
    "expenses":{"medical":800,"education":300,"disability_rehab":200},
    "assets":{"financial":12000,"homes":1}}"#
        .to_string()
}

fn bench(c: &mut Criterion) {
    let today = Date::parse("2026-01-01").unwrap();
    for (name, json) in [
        ("3 members", three_members()),
        ("10 members", ten_members()),
    ] {
        let h = validate::parse(&json).expect("valid household");
        evaluate_on(&h, today).expect("evaluates");
        c.bench_function(&format!("evaluate, full result, {name}"), |b| {
            b.iter(|| evaluate_on(black_box(&h), today).unwrap())
        });
        c.bench_function(&format!("evaluate, statuses only (--batch), {name}"), |b| {
            b.iter(|| evaluate_quiet(black_box(&h), today).unwrap())
        });
        c.bench_function(&format!("read JSON, {name}"), |b| {
            b.iter(|| validate::parse(black_box(&json)).unwrap())
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
