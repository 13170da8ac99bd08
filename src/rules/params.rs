//! Dated regional parameters: standards, multiples, limits — data, not code.
//!
//! Definitions (name, unit, meaning) are in `data/parameters.json`; values in
//! `data/regions/<GB/T 2260 code>.json`, each with its effective date, source and confidence
//! ([V] verified, [S] secondary, [SEED] seed document, [N] not found → `null`).
//!
//! Resolution for a household in region R on date D:
//! 1. an override given with the household (`params`) wins; it may say who provided it (a
//!    portal's own standard) and from when — see [`Provenance`];
//! 2. otherwise the local tier (county and prefecture) decides: of the entries in force on D,
//!    the newest wins (the county on a tie), so a new prefecture notice supersedes an older
//!    county figure; without any local entry, the most specific of province → national;
//! 3. if that entry is `null` (not published), walk on up for a value to show as a
//!    **reference** only; results that depend on it are at best `possible`;
//! 4. a local statistic (`local: true`, e.g. disposable income) found only at province or
//!    national level is likewise a reference.
//!
//! R is any real division of the tree ([`super::divisions`]), with or without a file of its
//! own: a county without a file inherits from its prefecture, province and the national level
//! like any other (its chain has an empty entry of its own). A code that is neither a division
//! nor a data file is an input error.

use super::date::Date;
use super::outcome::{ParameterUse, Source, Standing, Text};
use rust_decimal::Decimal;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;
use std::sync::{Mutex, OnceLock};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

pub use embedded::SAMPLE_FILES;
pub(super) use embedded::{DIVISIONS_JSON, DIVISION_CODES};

#[derive(Debug, Clone)]
pub struct ParamDef {
    pub name: String,
    pub unit: String,
    pub local: bool,
    pub zh: String,
    pub en: String,
    /// A value taken from a higher level (provincial 指导标准, national default) is a **floor**:
    /// the local value is at or above it (seed 003 二（二）). A newer higher-level value above an
    /// older local one replaces it. Lines built on a floor are not firm.
    pub floor: bool,
    /// Raised periodically (standards, statistics): a value older than the region's
    /// `review_months` on the screening date, or past its `valid_until`, is stale.
    pub reviewed: bool,
    /// Position in name order (set at load): the slot of this parameter in per-household
    /// and per-region tables.
    pub index: usize,
    /// The sane range of a number (set at load from `ranges` in `data/parameters.json`: by
    /// name, else by unit); `None` for flags.
    pub range: Option<ValueRange>,
}

/// The sane range of a parameter's value: outside it a value is a typing mistake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValueRange {
    pub min: Decimal,
    pub max: Decimal,
}

impl ValueRange {
    pub fn contains(&self, d: Decimal) -> bool {
        self.min <= d && d <= self.max
    }
}

/// `lower ≤ multiple × upper ÷ divisor` must hold between two parameters' values (e.g. a
/// minimum and its maximum, a class payment and the standard).
#[derive(Debug, Clone)]
pub struct Relation {
    pub lower: String,
    pub upper: String,
    pub multiple: Decimal,
    pub divisor: Decimal,
}

impl Relation {
    /// Whether the values satisfy the relation (compared exactly: `lower × divisor ≤ multiple ×
    /// upper`).
    pub fn holds(&self, lower: Decimal, upper: Decimal) -> bool {
        lower * self.divisor <= self.multiple * upper
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    Number(Decimal),
    Flag(bool),
}

impl Value {
    fn to_json(self) -> serde_json::Value {
        match self {
            Value::Number(d) => serde_json::to_value(d).unwrap_or(serde_json::Value::Null),
            Value::Flag(b) => serde_json::Value::Bool(b),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub name: String,
    pub effective: Date,
    pub value: Option<serde_json::Value>,
    pub source: String,
    pub article: Option<String>,
    pub confidence: String,
    pub note: Option<String>,
    /// Last day this value is meant to apply (a notice that says "until …"); after it the value
    /// is stale. Usually absent: the region's `review_months` says when it goes stale.
    pub valid_until: Option<Date>,
    /// `false`: this higher-level value is the rule itself for every lower level (e.g. Yunnan's
    /// edge multiple), not a floor — overrides the definition's `floor`.
    pub floor: Option<bool>,
}

#[derive(Debug, Clone)]
pub struct Region {
    pub code: String,
    pub parent: Option<String>,
    pub level: String,
    pub name_zh: String,
    pub name_en: String,
    /// How often this region reviews (raises) its standards, in months: a standard older than
    /// this on the screening date, with no newer one, is stale. Inherited from the parent region
    /// when absent.
    pub review_months: Option<u32>,
    pub values: Vec<Entry>,
    /// Positions in `values` by parameter name (built at load).
    index: BTreeMap<String, Vec<usize>>,
}

impl Region {
    /// County and prefecture publish the standards in force; province and nation give
    /// guidance and defaults.
    pub fn is_local(&self) -> bool {
        self.level == "county" || self.level == "prefecture"
    }

    pub fn name(&'static self) -> Text {
        text!(&self.name_zh, &self.name_en)
    }
}

/// Whole months from `from` to `to` (0 if `to` is earlier): 2023-07-01 → 2024-06-30 is 11.
pub fn months_between(from: Date, to: Date) -> u32 {
    let m = (i64::from(to.year) * 12 + i64::from(to.month))
        - (i64::from(from.year) * 12 + i64::from(from.month))
        - i64::from(to.day < from.day);
    m.max(0) as u32
}

/// How many review periods old an entry is on `as_of` (0 = current): past its `valid_until`
/// counts as at least one; otherwise whole `review_months` periods since it took effect.
pub fn stale_periods(cat: &'static Catalogue, region: &Region, e: &Entry, as_of: Date) -> u32 {
    let by_review = cat
        .review_months(&region.code)
        .map_or(0, |m| months_between(e.effective, as_of) / m);
    let by_validity = u32::from(e.valid_until.is_some_and(|u| as_of > u));
    by_review.max(by_validity)
}

/// All definitions and regions, loaded once from the embedded data.
pub struct Catalogue {
    pub defs: BTreeMap<String, ParamDef>,
    pub regions: BTreeMap<String, Region>,
    /// Relations between parameters' values that must hold (`ranges.relations`).
    pub relations: Vec<Relation>,
}

/// FNV-1a: a small, fast hash for the caches' (region, date) keys (no untrusted keys: codes are
/// checked against the data, the caches are bounded); std's SipHash and its random keys stay out
/// of the wasm.
pub(crate) struct Fnv(u64);

/// A hash map with [`Fnv`].
pub(crate) type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Converts a data-file or override value to the definition's type.
pub fn parse_value(def: &ParamDef, v: &serde_json::Value) -> Result<Value, String> {
    match (def.unit.as_str(), v) {
        ("flag", serde_json::Value::Bool(b)) => Ok(Value::Flag(*b)),
        ("flag", _) => Err("expected true or false".into()),
        (_, serde_json::Value::Number(n)) => {
            let d: Decimal = n
                .to_string()
                .parse()
                .or_else(|_| Decimal::from_scientific(&n.to_string()))
                .map_err(|_| format!("`{n}` is not an exact decimal number"))?;
            if d.is_sign_negative() {
                return Err("must not be negative".into());
            }
            Ok(Value::Number(d))
        }
        (_, serde_json::Value::String(s)) => s
            .parse::<Decimal>()
            .ok()
            .filter(|d| !d.is_sign_negative())
            .map(Value::Number)
            .ok_or_else(|| format!("`{s}` is not a non-negative number")),
        _ => Err("expected a number".into()),
    }
}

/// One region of the packed data (layout: `build/pack.rs`, `region`), its values checked
/// against their definitions.
fn read_region(
    rd: &mut super::packed::Reader,
    defs: &BTreeMap<String, ParamDef>,
) -> Result<Region, String> {
    use super::packed::DAMAGED;
    let mut read = || -> Option<Region> {
        let (code, parent, level, name_zh, name_en) = (
            rd.string()?,
            rd.opt_string()?,
            rd.string()?,
            rd.string()?,
            rd.string()?,
        );
        let review_months = rd.uint()?.checked_sub(1);
        let mut values = Vec::new();
        for _ in 0..rd.uint()? {
            let name = rd.string()?;
            let effective = rd.date()?;
            let value = match rd.byte()? {
                0 => None,
                1 => Some(serde_json::Value::Bool(false)),
                2 => Some(serde_json::Value::Bool(true)),
                3 => Some(serde_json::Value::Number(rd.str()?.parse().ok()?)),
                _ => Some(serde_json::Value::String(rd.string()?)),
            };
            values.push(Entry {
                name,
                effective,
                value,
                source: rd.string()?,
                article: rd.opt_string()?,
                confidence: rd.string()?,
                note: rd.opt_string()?,
                valid_until: rd.opt_date()?,
                floor: rd.opt_flag()?,
            });
        }
        Some(Region {
            code,
            parent,
            level,
            name_zh,
            name_en,
            review_months,
            values,
            index: BTreeMap::new(),
        })
    };
    let mut r = read().ok_or(DAMAGED)?;
    let stem = &r.code;
    for e in &r.values {
        let def = defs
            .get(&e.name)
            .ok_or_else(|| format!("data/regions/{stem}.json: unknown parameter {}", e.name))?;
        if let Some(v) = &e.value {
            parse_value(def, v)
                .map_err(|m| format!("data/regions/{stem}.json: {}: {m}", e.name))?;
        }
    }
    for (i, e) in r.values.iter().enumerate() {
        r.index.entry(e.name.clone()).or_default().push(i);
    }
    Ok(r)
}

impl Catalogue {
    /// Reads the data packed at build time (`build/pack.rs`, `super::packed`) and checks what
    /// the build could not: each value against its definition's unit, the ranges and relations.
    fn load() -> Result<Catalogue, String> {
        use super::packed::{Reader, DAMAGED};
        let file = "data/parameters.json";
        let mut rd = Reader::new(super::packed::PACKED_PARAMETERS);
        let mut defs = BTreeMap::new();
        for _ in 0..rd.uint().ok_or(DAMAGED)? {
            let (Some(name), Some(unit), Some(zh), Some(en), Some(flags)) = (
                rd.string(),
                rd.string(),
                rd.string(),
                rd.string(),
                rd.byte(),
            ) else {
                return Err(DAMAGED.into());
            };
            let def = ParamDef {
                name,
                unit,
                local: flags & 1 != 0,
                zh,
                en,
                floor: flags & 2 != 0,
                reviewed: flags & 4 != 0,
                index: 0,
                range: None,
            };
            defs.insert(def.name.clone(), def);
        }
        let mut by_unit_name = [BTreeMap::new(), BTreeMap::new()];
        for (map, key) in by_unit_name.iter_mut().zip(["by_unit", "by_name"]) {
            for _ in 0..rd.uint().ok_or(DAMAGED)? {
                let k = rd.str().ok_or(DAMAGED)?;
                let at = format!("{file}: ranges.{key}.{k}");
                let min = rd.decimal(&at)?;
                let max = rd.decimal(&at)?;
                map.insert(k, ValueRange { min, max });
            }
        }
        let [by_unit, by_name] = by_unit_name;
        let mut relations = Vec::new();
        for i in 0..rd.uint().ok_or(DAMAGED)? {
            let at = format!("{file}: ranges.relations[{i}]");
            let (Some(lower), Some(upper)) = (rd.string(), rd.string()) else {
                return Err(DAMAGED.into());
            };
            let multiple = rd.decimal(&at)?;
            let divisor = rd.decimal(&at)?;
            relations.push(Relation {
                lower,
                upper,
                multiple,
                divisor,
            });
        }
        if !rd.done() {
            return Err(DAMAGED.into());
        }
        for (i, d) in defs.values_mut().enumerate() {
            d.index = i;
            d.range = by_name
                .get(d.name.as_str())
                .or_else(|| by_unit.get(d.unit.as_str()))
                .copied();
            if d.range.is_none() && d.unit != "flag" {
                return Err(format!(
                    "data/parameters.json: {} (unit {}) has no range",
                    d.name, d.unit
                ));
            }
        }
        for r in &relations {
            for n in [&r.lower, &r.upper] {
                if !defs.contains_key(n) {
                    return Err(format!("data/parameters.json: relation names unknown {n}"));
                }
            }
        }
        let mut regions = BTreeMap::new();
        let mut rd = Reader::new(super::packed::PACKED_REGIONS);
        for _ in 0..rd.uint().ok_or(DAMAGED)? {
            let r = read_region(&mut rd, &defs)?;
            regions.insert(r.code.clone(), r);
        }
        if !rd.done() {
            return Err(DAMAGED.into());
        }
        for r in regions.values() {
            if let Some(p) = &r.parent {
                if !regions.contains_key(p) && !super::divisions::is_division(p) {
                    return Err(format!(
                        "region {}: parent {p} is neither a data file nor a division",
                        r.code
                    ));
                }
            }
        }
        Ok(Catalogue {
            defs,
            regions,
            relations,
        })
    }

    /// A parameter's definition by name. From the tree: the rules no longer look parameters up
    /// by name per household (they are resolved once per region and date, `ResolvedParams`), so
    /// a second map of the definitions by hash was only bytes in the wasm (BENCHMARKS.md).
    pub fn def(&self, name: &str) -> Option<&ParamDef> {
        self.defs.get(name)
    }

    /// The region's review period in months, inherited from the nearest ancestor that says;
    /// `None` where none says or the period is 0 (never reviewed).
    pub fn review_months(&'static self, code: &str) -> Option<u32> {
        self.chain(code)
            .iter()
            .find_map(|r| r.review_months)
            .filter(|m| *m > 0)
    }

    /// The region and its ancestors, most specific first. A division without a data file
    /// appears with no values of its own, so the chain always names every level.
    pub fn chain(&'static self, code: &str) -> Vec<&'static Region> {
        let mut out = Vec::new();
        let mut cur = self.region(code);
        while let Some(r) = cur {
            if out.len() > 8 {
                break;
            }
            out.push(r);
            cur = r.parent.as_deref().and_then(|p| self.region(p));
        }
        out
    }

    /// A region by code: its data file, or, for a real division without one, an entry with no
    /// values (its parent from the tree). `None` for a code that is neither.
    pub fn region(&'static self, code: &str) -> Option<&'static Region> {
        if let Some(r) = self.regions.get(code) {
            return Some(r);
        }
        let parent = super::divisions::parent(code)?;
        // Made once per code (sorted by code), and again once the app has the names.
        static BARE: Mutex<Vec<&'static Region>> = Mutex::new(Vec::new());
        let names = super::divisions::names(code);
        let mut bare = BARE.lock().unwrap_or_else(|e| e.into_inner());
        let at = bare.binary_search_by(|r| r.code.as_str().cmp(code));
        if let Ok(i) = at {
            if names.is_none() || !bare[i].name_zh.ends_with(code) {
                return Some(bare[i]);
            }
        }
        let (name_zh, name_en) = names.unwrap_or_else(|| {
            let zh = String::from("行政区划 ") + code;
            let en = String::from("division ") + code;
            (zh, en)
        });
        let r: &'static Region = Box::leak(Box::new(Region {
            code: code.to_string(),
            parent: Some(parent),
            level: super::divisions::level(code).to_string(),
            name_zh,
            name_en,
            review_months: None,
            values: Vec::new(),
            index: BTreeMap::new(),
        }));
        match at {
            Ok(i) => bare[i] = r,
            Err(i) => bare.insert(i, r),
        }
        Some(r)
    }

    /// Whether `code` is a place jiuzhu can screen for: a division of the tree or a data file.
    pub fn is_region(&'static self, code: &str) -> bool {
        self.region(code).is_some()
    }
}

/// The embedded catalogue. The data is checked by the test suite; a broken data file is a
/// build defect, reported here with the file and field.
pub fn catalogue() -> &'static Catalogue {
    static CAT: OnceLock<Catalogue> = OnceLock::new();
    CAT.get_or_init(|| Catalogue::load().unwrap_or_else(|e| panic!("parameter data: {e}")))
}

/// Checks the embedded data without panicking (used by `jiuzhu regions --check` and tests).
pub fn check_data() -> Result<usize, String> {
    Catalogue::load().map(|c| c.regions.len())
}

/// Who gave an override and from when: a portal passing its county's newly published standard
/// says so, and the result shows "provided by …, from …" instead of a data-file source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Provenance {
    /// The portal or office that provided the value, e.g. `某某县民政局`.
    pub provided_by: Option<String>,
    /// The date the value takes effect (default: the screening date).
    pub effective: Option<Date>,
    /// The document the value comes from, e.g. a notice's title and number.
    pub document: Option<String>,
}

/// `provided_by` of a standard the resident typed themselves ("I know my local standard"):
/// results say 您提供的 / provided by you.
pub const PROVIDED_BY_YOU: &str = "您 / you";

impl Provenance {
    /// Who provided an override, as a result says it: `(中文, English)`.
    pub fn who(by: &str) -> (String, String) {
        if by == PROVIDED_BY_YOU {
            ("您提供的".into(), "provided by you".into())
        } else {
            (format!("由{by}提供"), format!("provided by {by}"))
        }
    }
}

/// A parameter as resolved for one household.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub def: &'static ParamDef,
    pub value: Option<Value>,
    pub standing: Standing,
    pub region: Option<&'static Region>,
    pub entry: Option<&'static Entry>,
    /// For an override: the date it was given for.
    pub override_date: Option<Date>,
    /// For an override: who provided it, if they said so.
    pub provenance: Option<Provenance>,
    /// A local value replaced by a newer, higher floor from a higher level (stated in the trace).
    pub replaced: Option<(&'static Region, &'static Entry)>,
    /// Review periods the value is out of date by on the screening date (0 = current).
    pub stale_periods: u32,
}

impl Resolved {
    pub fn number(&self) -> Option<Decimal> {
        match self.value {
            Some(Value::Number(d)) => Some(d),
            _ => None,
        }
    }

    pub fn flag(&self) -> Option<bool> {
        match self.value {
            Some(Value::Flag(b)) => Some(b),
            _ => None,
        }
    }

    /// Effective date of the value used.
    pub fn effective(&self) -> Option<Date> {
        self.override_date.or(self.entry.map(|e| e.effective))
    }

    /// Published (current) or overridden: safe to rely on for `likely` and for `unlikely`.
    pub fn is_firm(&self) -> bool {
        matches!(self.standing, Standing::Published | Standing::Override) && self.value.is_some()
    }

    pub fn label(&self) -> Text {
        text!(&self.def.zh, &self.def.en)
    }

    pub fn source(&self) -> Source {
        match (self.standing, self.entry) {
            (Standing::Override, _) => {
                let p = self.provenance.as_ref();
                let by = p.and_then(|p| p.provided_by.as_deref());
                let doc = p.and_then(|p| p.document.as_deref());
                let who = by.map(Provenance::who);
                Source {
                    document: match (who, doc) {
                        (Some((zh, en)), Some(doc)) => format!("{doc}（{zh} / {en}）").into(),
                        (Some((zh, en)), None) => format!("{zh} / {en}").into(),
                        (None, Some(doc)) => {
                            format!("{doc}（随家庭信息提供 / provided with the household）").into()
                        }
                        (None, None) => {
                            "provided with the household (portal or user) / 由门户或用户提供".into()
                        }
                    },
                    article: None,
                }
            }
            (_, Some(e)) => Source {
                document: e.source.as_str().into(),
                article: e.article.as_deref().map(Into::into),
            },
            _ => Source {
                document: "not published / 未找到公开标准".into(),
                article: None,
            },
        }
    }

    pub fn to_use(&self) -> ParameterUse {
        ParameterUse {
            name: self.def.name.clone(),
            label: self.label(),
            value: self.value.map_or(serde_json::Value::Null, Value::to_json),
            unit: self.def.unit.clone(),
            standing: if self.value.is_none() {
                Standing::Unknown
            } else {
                self.standing
            },
            region: self.region.map(|r| r.code.clone()),
            region_name: self.region.map(Region::name),
            effective: self.override_date.or(self.entry.map(|e| e.effective)),
            source: self.source(),
            provided_by: self.provenance.as_ref().and_then(|p| p.provided_by.clone()),
            confidence: match (self.standing, self.entry) {
                (Standing::Override, _) => "override".into(),
                (_, Some(e)) => e.confidence.clone(),
                _ => "N".into(),
            },
        }
    }
}

/// Parameters resolved from the data files for one region and date, by [`ParamDef::index`].
type Table = Rc<RefCell<Vec<Option<Resolved>>>>;

/// Most (region, date) tables kept in [`TABLES`] before it is emptied.
const TABLES_MAX: usize = 4096;

thread_local! {
    /// Resolved parameters by (region, date), shared by every household from that region and
    /// date: a batch resolves each parameter once per region and date. The data is embedded
    /// and never changes while the program runs, so an entry cannot go stale; overrides are
    /// never stored here (they are answered first).
    static TABLES: RefCell<FnvMap<(usize, Date), Table>> = RefCell::new(FnvMap::default());
}

/// Resolves parameters for one region, date and set of overrides.
pub struct Params {
    cat: &'static Catalogue,
    chain: Vec<&'static Region>,
    table: Table,
    as_of: Date,
    overrides: BTreeMap<String, Value>,
    provenance: BTreeMap<String, Provenance>,
}

impl Params {
    /// `overrides` must already be validated (see `validate::overrides`).
    pub fn new(region: &str, as_of: Date, overrides: BTreeMap<String, Value>) -> Option<Params> {
        let cat = catalogue();
        let chain = cat.chain(region);
        if chain.is_empty() {
            return None;
        }
        let key = (chain[0] as *const Region as usize, as_of);
        let table = TABLES.with(|t| {
            let mut t = t.borrow_mut();
            if t.len() >= TABLES_MAX {
                t.clear();
            }
            t.entry(key)
                .or_insert_with(|| Rc::new(RefCell::new(vec![None; cat.defs.len()])))
                .clone()
        });
        Some(Params {
            cat,
            chain,
            table,
            as_of,
            overrides,
            provenance: BTreeMap::new(),
        })
    }

    /// Says who provided which override (validated by `validate::check`).
    pub fn with_provenance(mut self, provenance: BTreeMap<String, Provenance>) -> Params {
        self.provenance = provenance;
        self
    }

    pub fn region(&self) -> &'static Region {
        self.chain[0]
    }

    pub fn get(&self, name: &str) -> Resolved {
        let def = self
            .cat
            .def(name)
            .unwrap_or_else(|| panic!("rules use an undefined parameter `{name}`"));
        if let Some(v) = self.overrides.get(name) {
            let provenance = self.provenance.get(name).cloned();
            return Resolved {
                def,
                value: Some(*v),
                standing: Standing::Override,
                region: Some(self.chain[0]),
                entry: None,
                override_date: Some(
                    provenance
                        .as_ref()
                        .and_then(|p| p.effective)
                        .unwrap_or(self.as_of),
                ),
                provenance,
                replaced: None,
                stale_periods: 0,
            };
        }
        if let Some(r) = &self.table.borrow()[def.index] {
            return r.clone();
        }
        let r = self.resolve(def);
        self.table.borrow_mut()[def.index] = Some(r.clone());
        r
    }

    /// Resolves a parameter from the data files (no override), as described in the module doc.
    fn resolve(&self, def: &'static ParamDef) -> Resolved {
        let name = def.name.as_str();
        let latest = |region: &'static Region| {
            region
                .index
                .get(name)
                .into_iter()
                .flatten()
                .map(|&i| &region.values[i])
                .filter(|e| e.effective <= self.as_of)
                .max_by_key(|e| e.effective)
                .map(|e| (region, e))
        };
        // The local tier (county, prefecture): the newest entry wins, the county on a tie, so
        // a prefecture notice supersedes an older county figure.
        let local = self
            .chain
            .iter()
            .filter(|r| r.is_local())
            .filter_map(|r| latest(r))
            .fold(
                None::<(&'static Region, &'static Entry)>,
                |best, c| match best {
                    Some(b) if b.1.effective >= c.1.effective => Some(b),
                    _ => Some(c),
                },
            );
        // The guidance tier (province, national): the most specific entry.
        let mut found: Option<(&'static Region, &'static Entry)> = None;
        let candidates = local.into_iter().chain(
            self.chain
                .iter()
                .filter(|r| !r.is_local())
                .filter_map(|r| latest(r)),
        );
        for (region, e) in candidates {
            if e.value.is_some() {
                let borrowed = found.is_some() || !region.is_local();
                let floor = def.floor && e.floor != Some(false) && !region.is_local();
                let standing = if floor {
                    Standing::Floor
                } else if found.is_none() && (!def.local || region.is_local()) {
                    Standing::Published
                } else {
                    Standing::Reference
                };
                let value = e.value.as_ref().and_then(|v| parse_value(def, v).ok());
                let stale = if def.reviewed {
                    stale_periods(self.cat, region, e, self.as_of)
                } else {
                    0
                };
                let mut r = Resolved {
                    def,
                    value,
                    standing: if standing == Standing::Published && stale > 0 {
                        Standing::Stale
                    } else {
                        standing
                    },
                    region: Some(region),
                    entry: Some(e),
                    override_date: None,
                    provenance: None,
                    replaced: None,
                    stale_periods: stale,
                };
                if def.floor && !borrowed {
                    self.apply_newer_floor(&mut r);
                }
                return r;
            }
            found.get_or_insert((region, e));
        }
        // Nothing with a value anywhere: unknown, reported with the "not found" entry if any.
        Resolved {
            def,
            value: None,
            standing: Standing::Unknown,
            region: found.map(|f| f.0),
            entry: found.map(|f| f.1),
            override_date: None,
            provenance: None,
            replaced: None,
            stale_periods: 0,
        }
    }

    /// A local value older than the newest higher-level floor that exceeds it is replaced by
    /// that floor: a county cannot pay below the province's minimum.
    fn apply_newer_floor(&self, r: &mut Resolved) {
        let (Some(local), Some(Value::Number(v))) = (r.entry, r.value) else {
            return;
        };
        let name = r.def.name.as_str();
        let newest = self
            .chain
            .iter()
            .filter(|g| !g.is_local())
            .filter_map(|g| {
                g.index
                    .get(name)
                    .into_iter()
                    .flatten()
                    .map(|&i| &g.values[i])
                    .filter(|e| e.effective <= self.as_of && e.floor != Some(false))
                    .max_by_key(|e| e.effective)
                    .map(|e| (*g, e))
            })
            .next();
        let Some((g, e)) = newest else { return };
        let floor = e.value.as_ref().and_then(|x| parse_value(r.def, x).ok());
        if let Some(Value::Number(f)) = floor {
            if e.effective > local.effective && f > v {
                r.replaced = Some((r.region.unwrap_or(g), local));
                r.value = floor;
                r.standing = Standing::Floor;
                r.region = Some(g);
                r.entry = Some(e);
                r.stale_periods = if r.def.reviewed {
                    stale_periods(self.cat, g, e, self.as_of)
                } else {
                    0
                };
            }
        }
    }
}

/// Lists regions as `code  name_zh  name_en` lines, for `jiuzhu regions`.
pub fn region_list() -> Vec<&'static Region> {
    catalogue().regions.values().collect()
}

/// A value a screening on some date would use although it is out of date.
#[derive(Debug, Clone)]
pub struct StaleValue {
    pub region: &'static Region,
    pub name: String,
    pub value: serde_json::Value,
    pub effective: Date,
    pub valid_until: Option<Date>,
    pub review_months: Option<u32>,
    /// Review periods out of date.
    pub periods: u32,
}

/// Every value that a screening on `on` would use while it is stale (older than its region's
/// `review_months`, or past its `valid_until`), once per data entry: `jiuzhu regions --check`.
pub fn stale_values(on: Date) -> Vec<StaleValue> {
    let cat = catalogue();
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for r in cat.regions.values() {
        let Some(p) = Params::new(&r.code, on, BTreeMap::new()) else {
            continue;
        };
        for def in cat.defs.values().filter(|d| d.reviewed) {
            let x = p.get(&def.name);
            let (Some(g), Some(e)) = (x.region, x.entry) else {
                continue;
            };
            if x.stale_periods == 0 || x.value.is_none() {
                continue;
            }
            if seen.insert((g.code.clone(), def.name.clone(), e.effective)) {
                out.push(StaleValue {
                    region: g,
                    name: def.name.clone(),
                    value: e.value.clone().unwrap_or(serde_json::Value::Null),
                    effective: e.effective,
                    valid_until: e.valid_until,
                    review_months: cat.review_months(&g.code),
                    periods: x.stale_periods,
                });
            }
        }
    }
    out
}
