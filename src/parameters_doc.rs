//! `jiuzhu regions --markdown`: the text of `docs/parameters.md`, generated from the embedded
//! parameter data (`data/parameters.json`, `data/regions/*.json`) so the document cannot drift
//! from the data. `tests/parameters_doc.rs` fails when the committed file differs.
//!
//! The output depends on the data only (no "today"): the "in force" summary of each region is
//! resolved on the newest effective date found in the data.

use jiuzhu::rules::outcome::Standing;
use jiuzhu::rules::params::{self, Catalogue, Entry, Region};
use jiuzhu::rules::Date;
use std::fmt::Write;

/// The command that regenerates the document (quoted in its header and in the test).
pub const REGENERATE: &str = "cargo run --bin jiuzhu -- regions --markdown > docs/parameters.md";

const HOW_TO: &str = r#"## How to add a region or a new year's standard

Parameters are data, not code. Definitions (name, unit, meaning) are in
`data/parameters.json`; values are in one file per region, `data/regions/<code>.json`, named by
the GB/T 2260 administrative code. `build.rs` embeds every file in `data/regions/` into the
engine, so a new file needs no code change.

```json
{
  "code": "530112",
  "parent": "530100",
  "level": "county",
  "name_zh": "西山区",
  "name_en": "Xishan District (Kunming)",
  "values": [
    {
      "name": "dibao_urban_monthly",
      "effective": "2022-10-01",
      "value": 700,
      "source": "title of the notice and its number (文号), or the seed file",
      "article": "optional: article / paragraph",
      "confidence": "S",
      "note": "optional: anything a reviewer should know"
    }
  ]
}
```

- **`level`** is `national`, `province`, `prefecture` or `county`; **`parent`** is the code of
  the next level up (every parent needs its own file; the national file `000000` has
  `"parent": null`).
- **`value`** is a number (money in yuan, exact decimals, never a float computation), `true` /
  `false` for a flag, or **`null` for "not published"**: use `null` with confidence `N` when the
  region has a rule for this but its figure could not be found. The engine then shows the
  nearest value above it as a *reference* only, and every result that depends on it is at best
  `possible` ("depends on local rules").
- **`confidence`**: `V` verified against the official document, `S` secondary source (news,
  government portal summary), `SEED` from the project's seed documents, `N` not found
  (`value: null`), `assumption` for a documented modelling assumption.
- **`effective`** is the date from which the value applies. **A new year's standard is a new
  entry, not an edit**: add an entry with the same `name` and the new `effective` date and keep
  the old one, so households screened with an earlier `as_of` date still get the standard that
  was in force then.
- **Inheritance** county → prefecture → province → national: for a household in region R on
  date D, of the county's and prefecture's entries in force on D the newest wins (the county on
  a tie, so a new prefecture-wide notice supersedes an older county figure); without any local
  entry, the most specific of province → national is used. A local statistic (`local: true` in
  `data/parameters.json`, e.g. per-capita disposable income) found only at province or national
  level is shown as a reference, and results that depend on it are at best `possible`.
- **Floors**: a parameter defined with `"floor": true` (dibao and tekun standards, the edge
  multiple) taken from a province or the nation is a *floor* — the local figure is at or above
  it — and a local value older than the newest higher-level value that exceeds it is replaced
  by that floor. An entry with `"floor": false` at a higher level is the rule itself for every
  level below (Yunnan's edge multiple). Lines built on a floor are not firm: see
  `docs/reading-the-rules.md`.
- **Staleness**: a region file may say `"review_months": 12` (how often it raises its
  standards; inherited from the parent when absent — Yunnan, Shanxi, Gansu and the national
  file say 12), and an entry may say `"valid_until": "YYYY-MM-DD"`. A value of a parameter
  defined with `"reviewed": true` is *stale* on a date when it is older than the review period,
  or past its `valid_until`, and no newer value is in force: it is not firm.
  `jiuzhu regions --check [--date YYYY-MM-DD]` lists every value stale on that date (today by
  default).
- **A new parameter** needs a definition in `data/parameters.json` (name, unit, `local`,
  zh/en label; optional `floor`, `reviewed`) and a rule that reads it; an entry naming an undefined parameter fails to load
  (`cargo test --test data`).
- **Overrides**: a household may carry its own values in `params`, by parameter name
  (`{"dibao_urban_monthly": 760}` or `{"value": 760, "provided_by": "某某县民政局",
  "effective": "2025-01-01", "document": "…通知"}`, see `docs/schema.md`); a portal embedding
  the screener passes the same object as its `params` option (`docs/embedding.md`). An override
  wins over the data files and is shown in the result as `override` with who provided it.
- After editing the data: `cargo test --test data --test golden`, then regenerate this file
  with `cargo run --bin jiuzhu -- regions --markdown > docs/parameters.md` (a test fails while it
  is out of date).
"#;

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn json_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => cell(s),
        v => cell(&v.to_string()),
    }
}

fn value_text(e: &Entry) -> String {
    match &e.value {
        None => "**unknown** — depends on local rules".to_string(),
        Some(v) => json_text(v),
    }
}

fn source_text(e: &Entry) -> String {
    match &e.article {
        Some(a) => format!("{} ({})", cell(&e.source), cell(a)),
        None => cell(&e.source),
    }
}

/// The newest effective date anywhere in the data: the date the "in force" lists are taken on.
fn newest_date(cat: &Catalogue) -> Date {
    cat.regions
        .values()
        .flat_map(|r| r.values.iter().map(|e| e.effective))
        .max()
        .unwrap_or_else(|| Date::new(2020, 1, 1).expect("a valid date"))
}

/// Regions in tree order: national, then each province followed by its prefectures and their
/// counties (by code).
fn tree_order(cat: &'static Catalogue) -> Vec<&'static Region> {
    fn walk(cat: &'static Catalogue, parent: Option<&str>, out: &mut Vec<&'static Region>) {
        for r in cat.regions.values() {
            if r.parent.as_deref() == parent {
                out.push(r);
                walk(cat, Some(&r.code), out);
            }
        }
    }
    let mut out = Vec::new();
    walk(cat, None, &mut out);
    out
}

fn level_zh(level: &str) -> &'static str {
    match level {
        "national" => "全国",
        "province" => "省",
        "prefecture" => "市/州",
        "county" => "县/区",
        _ => "",
    }
}

/// The whole document.
pub fn markdown() -> String {
    let cat = params::catalogue();
    let on = newest_date(cat);
    let mut s = String::new();
    let _ = writeln!(s, "# Parameters by region (各地参数)\n");
    let _ = writeln!(
        s,
        "<!-- Generated from data/parameters.json and data/regions/*.json. Do not edit by hand: \
         run `{REGENERATE}`. -->\n"
    );
    let _ = writeln!(
        s,
        "Every standard, multiple and limit the rules use, per region, with its effective date, \
         source and confidence. A value marked **unknown** is one the region has a rule for but \
         whose figure was not found in any source searched: results that depend on it say \
         `possible` and name it (\"depends on local rules\"). Units: `yuan_per_person_month` = \
         元/人/月, `yuan_per_person_year` = 元/人/年, `ratio` = a multiple or share, `flag` = \
         yes/no.\n"
    );
    s.push_str(HOW_TO);

    let _ = writeln!(s, "\n## Parameters (参数定义)\n");
    let _ = writeln!(
        s,
        "| name | 中文 | English | unit | range | local statistic |"
    );
    let _ = writeln!(s, "|---|---|---|---|---|---|");
    for d in cat.defs.values() {
        let range = d.range.map_or(String::new(), |r| {
            format!("{}–{}", r.min.normalize(), r.max.normalize())
        });
        let _ = writeln!(
            s,
            "| `{}` | {} | {} | {} | {} | {} |",
            d.name,
            cell(&d.zh),
            cell(&d.en),
            d.unit,
            range,
            if d.local { "yes" } else { "" }
        );
    }
    let _ = writeln!(
        s,
        "\nA value (in a data file or an override) outside its range is refused. These must \
         also hold wherever both values are known (`ranges.relations`):\n"
    );
    for r in &cat.relations {
        let times = if r.divisor == rust_decimal::Decimal::ONE {
            format!("{}", r.multiple.normalize())
        } else {
            format!("{}/{}", r.multiple.normalize(), r.divisor.normalize())
        };
        let _ = writeln!(s, "- `{}` ≤ {times} × `{}`", r.lower, r.upper);
    }

    let _ = writeln!(s, "\n## Regions (地区)\n");
    let _ = writeln!(
        s,
        "For each region: the entries in its own file, then a summary of what a screening there \
         uses on {on} (the newest effective date in the data): how many parameters are \
         published for it (here or inherited), which are only a reference from a higher level, \
         and which are unknown.\n"
    );
    let regions = tree_order(cat);
    for r in &regions {
        let _ = writeln!(s, "- [{} {} {}](#{})", r.code, r.name_zh, r.name_en, r.code);
    }
    for r in &regions {
        let chain: Vec<String> = cat
            .chain(&r.code)
            .iter()
            .map(|c| format!("{} {}", c.code, c.name_zh))
            .collect();
        let _ = writeln!(s, "\n### {}\n", r.code);
        let _ = writeln!(
            s,
            "**{} {}** — {} ({}); inherits: {}\n",
            r.name_zh,
            r.name_en,
            r.level,
            level_zh(&r.level),
            chain.join(" → ")
        );
        if r.values.is_empty() {
            let _ = writeln!(
                s,
                "No entries of its own: everything is inherited from the regions above.\n"
            );
        } else {
            let _ = writeln!(
                s,
                "| parameter | value | unit | effective | source | confidence |"
            );
            let _ = writeln!(s, "|---|---|---|---|---|---|");
            let mut entries: Vec<&Entry> = r.values.iter().collect();
            entries.sort_by(|a, b| a.name.cmp(&b.name).then(a.effective.cmp(&b.effective)));
            for e in entries {
                let unit = cat.defs.get(&e.name).map_or("", |d| d.unit.as_str());
                let note = e
                    .note
                    .as_deref()
                    .map(|n| format!(" — {}", cell(n)))
                    .unwrap_or_default();
                let _ = writeln!(
                    s,
                    "| `{}` | {} | {} | {} | {}{} | {} |",
                    e.name,
                    value_text(e),
                    unit,
                    e.effective,
                    source_text(e),
                    note,
                    e.confidence
                );
            }
            let _ = writeln!(s);
        }
        if let Some(p) = params::Params::new(&r.code, on, Default::default()) {
            let (mut published, mut reference, mut unknown) = (0usize, Vec::new(), Vec::new());
            let (mut floor, mut stale) = (Vec::new(), Vec::new());
            for name in cat.defs.keys() {
                let u = p.get(name).to_use();
                let shown = format!(
                    "`{name}` ({} from {})",
                    json_text(&u.value),
                    u.region.clone().unwrap_or_default()
                );
                match u.standing {
                    Standing::Published | Standing::Override => published += 1,
                    Standing::Reference => reference.push(shown),
                    Standing::Floor => floor.push(shown),
                    Standing::Stale => stale.push(shown),
                    Standing::Unknown => unknown.push(format!("`{name}`")),
                }
            }
            let _ = writeln!(
                s,
                "In force on {on}: {published} of {} parameters published for this region.",
                cat.defs.len()
            );
            if !reference.is_empty() {
                let _ = writeln!(
                    s,
                    "Reference only (a higher level's figure; results say `possible`): {}.",
                    reference.join(", ")
                );
            }
            if !floor.is_empty() {
                let _ = writeln!(
                    s,
                    "Borrowed floor (a higher level's minimum; near the line results say `possible`): {}.",
                    floor.join(", ")
                );
            }
            if !stale.is_empty() {
                let _ = writeln!(
                    s,
                    "Out of date on that day (older than the review period): {}.",
                    stale.join(", ")
                );
            }
            if !unknown.is_empty() {
                let _ = writeln!(
                    s,
                    "Unknown (depends on local rules): {}.",
                    unknown.join(", ")
                );
            }
        }
    }
    s
}
