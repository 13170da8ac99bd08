//! The result: the output half of the JSON contract (documented in `docs/schema.md`).

use super::date::Date;
use super::household::Residence;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::cell::Cell;

/// Text that is either a literal in the program or built for this result.
pub type Str = Cow<'static, str>;

/// A message in both languages. zh-CN is primary; English is always present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub zh: Str,
    pub en: Str,
}

impl Text {
    pub const EMPTY: Text = Text {
        zh: Cow::Borrowed(""),
        en: Cow::Borrowed(""),
    };

    pub fn new(zh: impl Into<Str>, en: impl Into<Str>) -> Text {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }
}

thread_local! {
    static EXPLAINING: Cell<bool> = const { Cell::new(true) };
}

/// Whether explanations are being written (false in the statuses-only batch mode).
pub fn explaining() -> bool {
    EXPLAINING.with(Cell::get)
}

/// Turns explanations off until the guard is dropped.
pub struct QuietGuard(bool);

impl QuietGuard {
    pub fn new() -> QuietGuard {
        QuietGuard(EXPLAINING.with(|e| e.replace(false)))
    }
}

impl Default for QuietGuard {
    fn default() -> Self {
        QuietGuard::new()
    }
}

impl Drop for QuietGuard {
    fn drop(&mut self) {
        EXPLAINING.with(|e| e.set(self.0));
    }
}

/// Where a rule or number comes from: document (title and number) and article or section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub document: Str,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<Str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SchemeId {
    Dibao,
    DibaoSinglePerson,
    Tekun,
    Edge,
    RigidExpense,
    TemporaryRelief,
    GradualExit,
}

impl SchemeId {
    pub const ALL: [SchemeId; 7] = [
        SchemeId::Dibao,
        SchemeId::DibaoSinglePerson,
        SchemeId::Tekun,
        SchemeId::Edge,
        SchemeId::RigidExpense,
        SchemeId::TemporaryRelief,
        SchemeId::GradualExit,
    ];

    pub fn label(&self) -> Text {
        match self {
            SchemeId::Dibao => {
                text!("最低生活保障（低保）", "minimum living allowance (dibao)")
            }
            SchemeId::DibaoSinglePerson => {
                text!("参照“单人户”纳入低保", "dibao as a one-person household")
            }
            SchemeId::Tekun => text!(
                "特困人员救助供养（特困）",
                "support for people in extreme poverty (tekun)",
            ),
            SchemeId::Edge => text!("低保边缘家庭", "near-dibao (edge) household"),
            SchemeId::RigidExpense => text!(
                "刚性支出困难家庭",
                "household in hardship from essential expenses",
            ),
            SchemeId::TemporaryRelief => text!("临时救助", "temporary assistance"),
            SchemeId::GradualExit => text!("低保渐退期", "dibao phase-out period"),
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            SchemeId::Dibao => "dibao",
            SchemeId::DibaoSinglePerson => "dibao_single_person",
            SchemeId::Tekun => "tekun",
            SchemeId::Edge => "edge",
            SchemeId::RigidExpense => "rigid_expense",
            SchemeId::TemporaryRelief => "temporary_relief",
            SchemeId::GradualExit => "gradual_exit",
        }
    }
}

/// likely: every test passes on what the user said; possible: nothing fails but something is
/// unknown (named in `to_check`); unlikely: a test fails on known facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Likely,
    Possible,
    Unlikely,
}

impl Status {
    pub fn label(&self) -> Text {
        match self {
            Status::Likely => text!("很可能符合", "likely"),
            Status::Possible => text!("可能符合，需核实", "possible — check"),
            Status::Unlikely => text!("不太可能符合", "unlikely"),
        }
    }

    pub fn icon(&self) -> &'static str {
        match self {
            Status::Likely => "✔",
            Status::Possible => "?",
            Status::Unlikely => "✘",
        }
    }
}

/// One line of explanation with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    pub text: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// How far the household is from the line, per person per month and for the household.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Distance {
    /// `below`: income is under the line by `per_capita_monthly`; `above`: over it by that much.
    pub side: Side,
    pub per_capita_monthly: Decimal,
    pub household_monthly: Decimal,
    pub line_per_capita_monthly: Decimal,
    /// The same gap and line per person per **year**, exact (not × 12 of the rounded monthly
    /// figures): rural standards are published per year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_capita_yearly: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_per_capita_yearly: Option<Decimal>,
    /// How firm the line is: `published`, `floor`, `stale`, `reference`, `override`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_standing: Option<Standing>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Below,
    Above,
}

/// An estimated amount. `low == high` for a single figure. Despite the field names (kept for
/// schema 1), the amount is per `unit`: per month for dibao, tekun and the carve-out, once for
/// temporary relief.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Estimate {
    pub monthly_low: Decimal,
    pub monthly_high: Decimal,
    /// True for rural class-based payments and figures based on a reference value.
    pub approximate: bool,
    pub basis: Text,
    /// What the amount is per: `month` (default), `year`, or `once` (a one-off payment).
    #[serde(default)]
    pub unit: Unit,
}

/// What an amount is per.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    #[default]
    Month,
    Year,
    Once,
}

/// The result for one person under a per-person scheme (tekun, single-person carve-out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonResult {
    pub member: String,
    pub status: Status,
    pub reasons: Vec<Reason>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to_check: Vec<Reason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimate: Option<Estimate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchemeResult {
    pub scheme: SchemeId,
    pub status: Status,
    /// Member ids covered at this status (whole household for dibao, edge, rigid_expense).
    pub members: Vec<String>,
    /// One plain sentence with the numbers.
    pub summary: Text,
    pub reasons: Vec<Reason>,
    /// What must be checked when the status is `possible`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to_check: Vec<Reason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance: Option<Distance>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimate: Option<Estimate>,
    /// Per-person detail for tekun and the single-person carve-out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<PersonResult>,
    /// What this status opens up (medical, education, housing, employment assistance...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unlocks: Vec<Reason>,
}

/// A parameter value as used, with where and since when it applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParameterUse {
    pub name: String,
    pub label: Text,
    /// A number, a flag, or null when unknown.
    pub value: serde_json::Value,
    pub unit: String,
    /// `published` (in force for this region and current), `reference` (from a wider area, or
    /// inherited local statistic), `floor` (a higher level's minimum, borrowed), `stale` (out of
    /// date on the screening date), `override` (given with the household), `unknown`.
    pub standing: Standing,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_name: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<Date>,
    pub source: Source,
    pub confidence: String,
    /// For an `override`: who provided it (e.g. the portal's civil-affairs office), if said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provided_by: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Published for the region and current on the screening date.
    Published,
    /// From a wider area, not a minimum (e.g. an inherited local statistic).
    Reference,
    /// Given with the household (a portal's own standard).
    Override,
    Unknown,
    /// Borrowed from a higher level (a provincial 指导标准, a national default), which the local
    /// value may only exceed; or a local value replaced by a newer, higher provincial floor.
    Floor,
    /// Published for the region but out of date on the screening date (older than the region's
    /// review period, or past its `valid_until`).
    Stale,
}

/// An income line of the household, per month, for the status-by-income chart: below
/// `household_monthly` the household is under that scheme's income test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncomeLine {
    pub scheme: SchemeId,
    pub household_monthly: Decimal,
    /// Published for the region and current (false: borrowed, stale or a reference).
    pub firm: bool,
    /// The line for the household per year, exact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub household_yearly: Option<Decimal>,
    /// How firm the line is (the weakest figure it is built on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standing: Option<Standing>,
}

/// One step of "how we worked it out".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraceLine {
    pub text: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExcludedMember {
    pub member: String,
    pub reason: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    pub schema: u32,
    pub rules_version: String,
    pub region: String,
    pub region_name: Text,
    pub as_of: Date,
    pub residence: Residence,
    /// Members counted in the household (共同生活的家庭成员).
    pub members_counted: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members_excluded: Vec<ExcludedMember>,
    /// Counted household income per month after deductions; `null` if an amount is unknown.
    pub household_monthly_income: Option<Decimal>,
    /// Per-capita monthly income, rounded to the fen; `null` if an amount is unknown.
    pub per_capita_monthly_income: Option<Decimal>,
    /// The lowest per-capita monthly income consistent with the answers.
    pub per_capita_monthly_income_at_least: Decimal,
    /// The highest per-capita monthly income consistent with the answers; `null` when an amount
    /// is unknown. Differs from `..._at_least` when an amount given may or may not count (the
    /// resident basic pension after 2025).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_capita_monthly_income_at_most: Option<Decimal>,
    /// The dibao standard that applies, per person per month (rural: yearly ÷ 12).
    pub dibao_standard_monthly: Option<Decimal>,
    /// The same standard per person per year (rural: as published; urban: monthly × 12).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dibao_standard_yearly: Option<Decimal>,
    /// How firm the standard is: `published` (current), `floor` (borrowed from a higher level),
    /// `stale`, `reference`, `override`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dibao_standard_standing: Option<Standing>,
    /// Counted household income per **year** after deductions, exact (rural households read
    /// yearly figures); absent when an amount is unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub household_yearly_income: Option<Decimal>,
    /// Per-capita income per **year**, exact from the yearly household income (not × 12 of the
    /// rounded monthly figure); `null` if an amount is unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_capita_yearly_income: Option<Decimal>,
    /// The lowest per-capita yearly income consistent with the answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_capita_yearly_income_at_least: Option<Decimal>,
    pub schemes: Vec<SchemeResult>,
    /// Income lines for the chart (dibao, edge, rigid_expense where known), ascending.
    pub income_lines: Vec<IncomeLine>,
    pub trace: Vec<TraceLine>,
    pub parameters: Vec<ParameterUse>,
    /// The one path to act on first, its alternatives, what comes on top (see
    /// [`super::recommendation`]).
    pub recommendation: super::recommendation::Recommendation,
    /// Where and how to apply, documents to bring, timeline, rights and duties.
    pub next_steps: super::next_steps::NextSteps,
    pub disclaimer: Text,
}

impl Evaluation {
    pub fn scheme(&self, id: SchemeId) -> &SchemeResult {
        self.schemes
            .iter()
            .find(|s| s.scheme == id)
            .expect("every scheme is always evaluated")
    }
}

/// The statuses-only result written by `jiuzhu evaluate --batch` (one line per household).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub schema: u32,
    pub region: String,
    pub as_of: Date,
    pub per_capita_monthly_income: Option<Decimal>,
    pub dibao_standard_monthly: Option<Decimal>,
    pub schemes: Vec<SchemeSummary>,
    /// The schemes of the recommended path, in order (see [`super::recommendation`]).
    #[serde(default)]
    pub recommended: Vec<SchemeId>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SchemeSummary {
    pub scheme: SchemeId,
    pub status: Status,
    pub members: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimate_monthly: Option<(Decimal, Decimal)>,
}

impl Evaluation {
    /// As [`Evaluation::summary`], taking the result apart instead of copying from it (the
    /// batch path, one summary per household).
    pub fn into_summary(self) -> Summary {
        Summary {
            schema: self.schema,
            region: self.region,
            as_of: self.as_of,
            per_capita_monthly_income: self.per_capita_monthly_income,
            dibao_standard_monthly: self.dibao_standard_monthly,
            recommended: self
                .recommendation
                .recommended
                .iter()
                .map(|p| p.scheme)
                .collect(),
            schemes: self
                .schemes
                .into_iter()
                .map(|s| SchemeSummary {
                    scheme: s.scheme,
                    status: s.status,
                    estimate_monthly: s.estimate.as_ref().map(|e| (e.monthly_low, e.monthly_high)),
                    members: s.members,
                })
                .collect(),
        }
    }

    pub fn summary(&self) -> Summary {
        Summary {
            schema: self.schema,
            region: self.region.clone(),
            as_of: self.as_of,
            per_capita_monthly_income: self.per_capita_monthly_income,
            dibao_standard_monthly: self.dibao_standard_monthly,
            recommended: self
                .recommendation
                .recommended
                .iter()
                .map(|p| p.scheme)
                .collect(),
            schemes: self
                .schemes
                .iter()
                .map(|s| SchemeSummary {
                    scheme: s.scheme,
                    status: s.status,
                    members: s.members.clone(),
                    estimate_monthly: s.estimate.as_ref().map(|e| (e.monthly_low, e.monthly_high)),
                })
                .collect(),
        }
    }
}
