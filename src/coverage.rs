//! `jiuzhu regions --coverage [--date D]`: for every prefecture of each province with data, whether
//! it has its own standards (dibao urban or rural, or tekun; the prefecture's own, or every one of
//! its counties') — current (from the year before D's or later) or older only — borrows the
//! province's dibao figure in force on D, or has nothing known; with counts. The categories are
//! those of docs/coverage.md (written by hand, with what was searched); this computes them from
//! `data/regions/`, and tests/regions_cli.rs checks the counts of the two agree.

use jiuzhu::rules::params::Catalogue;
use jiuzhu::rules::{divisions, Date};
use std::fmt::Write as _;

const OWN: [&str; 3] = [
    "dibao_urban_monthly",
    "dibao_rural_yearly",
    "tekun_basic_monthly",
];
const DIBAO: [&str; 2] = ["dibao_urban_monthly", "dibao_rural_yearly"];

/// The newest effective date, on or before `date`, of a value (not "not found") for one of
/// `names` in region `code`'s own file.
fn newest(cat: &Catalogue, code: &str, names: &[&str], date: Date) -> Option<Date> {
    cat.regions
        .get(code)?
        .values
        .iter()
        .filter(|e| names.contains(&e.name.as_str()) && e.value.is_some() && e.effective <= date)
        .map(|e| e.effective)
        .max()
}

/// Whether the province's dibao figure is in force on `date`: for the urban or rural standard,
/// the newest entry on or before `date` has a value (a later "not found" supersedes a figure).
fn in_force(cat: &Catalogue, code: &str, date: Date) -> bool {
    let Some(r) = cat.regions.get(code) else {
        return false;
    };
    DIBAO.iter().any(|n| {
        r.values
            .iter()
            .filter(|e| e.name == *n && e.effective <= date)
            .max_by_key(|e| e.effective)
            .is_some_and(|e| e.value.is_some())
    })
}

pub fn markdown(cat: &'static Catalogue, date: Date) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Coverage of local standards on {date} (computed from data/regions/)\n"
    );
    let _ = writeln!(out, "own, current = own dibao or tekun figures from {} or later; own, older only = older ones; borrows = the province's dibao figure in force; nothing known = neither.\n", date.year - 1);
    let provinces: Vec<_> = cat
        .regions
        .values()
        .filter(|r| r.level == "province")
        .collect();
    for p in provinces {
        let prefectures: Vec<_> = divisions::all()
            .iter()
            .filter(|d| d.parent == p.code && divisions::level(&d.code) == "prefecture")
            .collect();
        if prefectures.is_empty() {
            continue;
        }
        let borrows = in_force(cat, &p.code, date);
        let _ = writeln!(
            out,
            "## {} {} ({} prefectures)\n",
            p.code,
            p.name_zh,
            prefectures.len()
        );
        let _ = writeln!(
            out,
            "| code | prefecture | status | newest own figure |\n|---|---|---|---|"
        );
        let mut counts = [0usize; 4];
        for d in prefectures {
            // The prefecture's own figures, or every one of its counties' (the oldest of them).
            let counties: Vec<Option<Date>> = divisions::all()
                .iter()
                .filter(|c| c.parent == d.code)
                .map(|c| newest(cat, &c.code, &OWN, date))
                .collect();
            let every_county = (!counties.is_empty() && counties.iter().all(Option::is_some))
                .then(|| counties.iter().flatten().min().copied())
                .flatten();
            let own = newest(cat, &d.code, &OWN, date).max(every_county);
            let (i, status) = match own {
                Some(e) if e.year >= date.year - 1 => (0, "own, current"),
                Some(_) => (1, "own, older only"),
                None if borrows => (2, "borrows the province's"),
                None => (3, "nothing known"),
            };
            counts[i] += 1;
            let _ = writeln!(
                out,
                "| {} | {} | {status} | {} |",
                d.code,
                d.name_zh,
                own.map(|e| e.to_string()).unwrap_or_default()
            );
        }
        let _ = writeln!(out, "\nCounts: own, current **{}**; own, older only **{}**; borrows the province's **{}**; nothing known **{}**.\n", counts[0], counts[1], counts[2], counts[3]);
    }
    out
}
