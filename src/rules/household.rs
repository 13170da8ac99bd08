//! The household as the resident describes it: the input half of the JSON contract.
//!
//! Field names and defaults are documented in `docs/schema.md`. Every struct rejects unknown
//! fields, so a typo is an error rather than a silently ignored answer. `null` means
//! "不清楚 / I don't know" (see [`Fact`]).

use super::date::Date;
use super::fact::Fact;
use super::json_input::{money, required, unique_params};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The version of the household and result documents.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Household {
    /// Document version; `1` when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<u32>,
    /// GB/T 2260 code of the county, prefecture or province where the household is registered.
    pub region: String,
    /// Which standard applies: 城市 (`urban`) or 农村 (`rural`).
    pub residence: Residence,
    /// The screening date; parameters in force on this date are used. Defaults to today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// Parameter overrides by name (e.g. a county's newly published standard).
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_params"
    )]
    pub params: BTreeMap<String, serde_json::Value>,
    pub members: Vec<Member>,
    #[serde(default)]
    pub expenses: Expenses,
    #[serde(default)]
    pub assets: Assets,
    #[serde(default)]
    pub circumstances: Circumstances,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Residence {
    Urban,
    Rural,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Any short label, unique in the household (e.g. `"m1"`, `"grandma"`).
    pub id: String,
    /// What the resident calls this person (妻子, 爷爷), as typed; shown in the result instead
    /// of the id. Absent: the result names the person by relation (see [`super::names`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Relation to the applicant; exactly one member is the `applicant`.
    pub relation: Relation,
    /// Age in whole years, 0–130; `null` = unknown. Required.
    #[serde(deserialize_with = "required")]
    pub age: Fact<u8>,
    /// Lives with the applicant long-term (长期共同居住). Default true.
    #[serde(default = "yes")]
    pub lives_together: bool,
    /// A national exclusion from the household count, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excluded: Option<Exclusion>,
    /// Disability certificate; absent = none, `null` = unknown. "None" is written by leaving the
    /// field out (so that a household written back to JSON reads the same).
    #[serde(default, skip_serializing_if = "no_disability")]
    pub disability: Fact<Option<Disability>>,
    /// Serious illness (重特大疾病) as defined locally.
    #[serde(default)]
    pub serious_illness: Fact<bool>,
    /// Bedridden by serious illness for 6 months or more and needing long-term care.
    #[serde(default)]
    pub bedridden: Fact<bool>,
    /// 生活自理能力; absent = `full`, `null` = unknown (the tekun care allowance is then a range).
    #[serde(default)]
    pub self_care: Fact<SelfCare>,
    /// School stage; absent = `none`, `null` = unknown (may be at school).
    #[serde(default)]
    pub schooling: Fact<Schooling>,
    /// Work; absent = `not_working`, `null` = unknown (may have work).
    #[serde(default)]
    pub work: Fact<Work>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub income: Vec<IncomeItem>,
    /// Legal supporters (赡养/抚养/扶养义务人) of this person, living here or not.
    /// Absent or `null` = not known; `[]` = has none. Only used for tekun.
    #[serde(default = "unknown_obligors")]
    pub obligors: Fact<Vec<Obligor>>,
    /// Wants support in an institution (集中供养) rather than at home.
    #[serde(default)]
    pub in_institution: bool,
    /// Under community correction (社区矫正). Where the region lets such a person with no means
    /// of living apply alone (长治, 长民函〔2022〕76号 二（二）), the carve-out considers them.
    #[serde(default, skip_serializing_if = "known_false")]
    pub community_corrections: Fact<bool>,
}

/// A known "no" (serialised by leaving the field out, so older documents read the same).
fn known_false(f: &Fact<bool>) -> bool {
    matches!(f, Fact::Known(false))
}

fn yes() -> bool {
    true
}

fn unknown_obligors() -> Fact<Vec<Obligor>> {
    Fact::Unknown
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Applicant,
    Spouse,
    Child,
    Parent,
    Grandparent,
    Grandchild,
    Sibling,
    ChildInLaw,
    /// No legal support duty (e.g. a lodger): never a household member.
    Other,
}

/// 不计入共同生活家庭成员的情形 (民发〔2021〕57号 as implemented by the provinces).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Exclusion {
    /// 连续三年以上脱离家庭独立生活的宗教教职人员. Spelt as in docs/schema.md (serde's
    /// snake_case alone would give `religious_away3_years`).
    #[serde(rename = "religious_away_3_years")]
    ReligiousAway3Years,
    /// 在监狱内服刑.
    Prison,
    /// 在强制隔离戒毒场所.
    CompulsoryRehab,
    /// 宣告失踪.
    DeclaredMissing,
    /// 义务兵: excluded only where the province says so (none of the seed provinces does).
    Conscript,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Disability {
    pub kind: DisabilityKind,
    /// 1 (most severe) to 4.
    pub level: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisabilityKind {
    Physical,
    Intellectual,
    Mental,
    Visual,
    Hearing,
    Speech,
    Multiple,
}

impl Disability {
    /// 重度残疾: level 1–2 of any kind.
    pub fn is_severe(&self) -> bool {
        self.level <= 2
    }

    pub fn is_intellectual_or_mental(&self) -> bool {
        matches!(
            self.kind,
            DisabilityKind::Intellectual | DisabilityKind::Mental
        )
    }
}

/// 生活自理能力.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SelfCare {
    #[default]
    Full,
    Partial,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Schooling {
    #[default]
    None,
    Preschool,
    Compulsory,
    HighSchool,
    SecondaryVocational,
    /// 大专 / 本科 full-time.
    Undergraduate,
    Postgraduate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Work {
    #[default]
    NotWorking,
    Employed,
    SelfEmployed,
    Farming,
    Unemployed,
    Retired,
}

impl Work {
    pub fn has_work(&self) -> bool {
        matches!(self, Work::Employed | Work::SelfEmployed | Work::Farming)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    #[default]
    Month,
    Year,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncomeItem {
    /// Required; `null` = not known or not answered: the amount is counted as anything from
    /// nothing (a kind that is not counted) to the full amount, and the item is named to check.
    #[serde(rename = "type", deserialize_with = "required")]
    pub kind: Fact<IncomeKind>,
    /// Yuan, exact to the fen; `null` = unknown. Required.
    #[serde(deserialize_with = "money")]
    pub amount: Fact<Decimal>,
    #[serde(default)]
    pub period: Period,
    /// Who pays a `support` payment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payer: Option<Payer>,
    /// For a payer aged 60+: their per-capita income against the previous year's local
    /// per-capita disposable income.
    #[serde(default = "unknown_band")]
    pub payer_income: Fact<PayerIncomeBand>,
}

fn unknown_band() -> Fact<PayerIncomeBand> {
    Fact::Unknown
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncomeKind {
    /// 工资性收入.
    Wages,
    /// 经营净收入.
    Business,
    /// 农业生产经营净收入.
    Farming,
    /// 财产净收入: rent, interest, dividends.
    Property,
    /// 养老金 / 退休金 (other than the resident basic pension).
    Pension,
    /// 赡养费 / 抚养费 / 扶养费 received.
    Support,
    /// Other regular transfers.
    OtherTransfer,
    /// 城乡居民基本养老保险基础养老金 (central basic pension).
    ResidentBasicPension,
    /// 高龄津贴: counted for dibao, not for tekun.
    OldAgeAllowance,
    /// 优待抚恤金 — not counted.
    PreferentialCare,
    /// 计划生育奖励与扶助金 — not counted.
    FamilyPlanning,
    /// 奖学金 — not counted.
    Scholarship,
    /// 见义勇为奖励 — not counted.
    BraveryAward,
    /// 政府发放的社会救助款物 — not counted.
    Assistance,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Payer {
    Sibling,
    /// A supporter aged 60 or over (e.g. an elderly parent).
    Elder60Plus,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PayerIncomeBand {
    /// Below 1× the previous year's local per-capita disposable income.
    Below1x,
    /// From 1× to below 2×.
    From1xTo2x,
    /// 2× or more.
    From2x,
}

/// A legal supporter of a person (for the tekun "no capable supporter" test).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Obligor {
    pub relation: ObligorRelation,
    /// Required; `null` = unknown.
    #[serde(deserialize_with = "required")]
    pub age: Fact<u8>,
    /// Is tekun themselves.
    #[serde(default)]
    pub tekun: Fact<bool>,
    /// Receives dibao.
    #[serde(default)]
    pub dibao: Fact<bool>,
    /// Level 1–2 disability, or level-3 intellectual or mental disability.
    #[serde(default)]
    pub severe_disability: Fact<bool>,
    /// No civil capacity, declared missing, or in prison.
    #[serde(default)]
    pub incapacitated: Fact<bool>,
    /// Own income below the previous year's local per-capita disposable income.
    #[serde(default = "unknown_bool")]
    pub income_below_disposable: Fact<bool>,
    /// Property within the local low-income-family rules.
    #[serde(default = "unknown_bool")]
    pub property_within_rules: Fact<bool>,
}

fn unknown_bool() -> Fact<bool> {
    Fact::Unknown
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObligorRelation {
    Spouse,
    Child,
    Parent,
    Other,
}

/// 刚性支出 and other necessary spending of the household, out of pocket.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expenses {
    /// The period every amount below refers to; default `month`.
    #[serde(default)]
    pub period: Period,
    /// Medical costs after insurance and medical assistance.
    #[serde(default, deserialize_with = "money")]
    pub medical: Fact<Decimal>,
    #[serde(default, deserialize_with = "money")]
    pub education: Fact<Decimal>,
    #[serde(default, deserialize_with = "money")]
    pub disability_rehab: Fact<Decimal>,
    /// Costs of working (transport, tools).
    #[serde(default, deserialize_with = "money")]
    pub employment: Fact<Decimal>,
    /// Other necessary spending (disaster, accident, special nutrition); not deducted for dibao.
    #[serde(default, deserialize_with = "money")]
    pub other: Fact<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assets {
    /// Savings, deposits, securities, funds, commercial insurance, money owed, online balances.
    #[serde(default, deserialize_with = "money")]
    pub financial: Fact<Decimal>,
    /// Homes owned, including relocation housing.
    #[serde(default)]
    pub homes: Fact<u8>,
    /// Of those, homes obtained through 易地扶贫搬迁 (never counted).
    #[serde(default)]
    pub relocation_homes: u8,
    /// Shops, offices, factories, serviced flats.
    #[serde(default)]
    pub non_residential_property: Fact<bool>,
    /// Price of motor vehicles or large machinery bought in the last 12 months (0 = none).
    #[serde(default, deserialize_with = "money")]
    pub vehicle_bought_12m_price: Fact<Decimal>,
    /// Current value of the household's vehicles (0 = none).
    #[serde(default, deserialize_with = "money")]
    pub vehicle_value: Fact<Decimal>,
    /// The vehicle is a mobility vehicle for a disabled member (not counted).
    /// `null` = not known: a vehicle that would fail a limit is then only "possible" (named to
    /// check). Default `false`.
    #[serde(default)]
    pub vehicle_for_disability: Fact<bool>,
    /// Owns a registered company or business.
    #[serde(default)]
    pub business_registered: Fact<bool>,
    /// Its actual annual net profit.
    #[serde(default, deserialize_with = "money")]
    pub business_annual_profit: Fact<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Circumstances {
    /// A sudden event in the last months; absent = none, `null` = unknown (may have happened).
    #[serde(default, skip_serializing_if = "no_event")]
    pub sudden_event: Fact<Option<SuddenEvent>>,
    /// Necessary spending (medical, education...) jumped beyond what the household can bear.
    #[serde(default)]
    pub spending_spike: Fact<bool>,
    /// Months in a row without labour income.
    #[serde(default)]
    pub months_without_income: Fact<u8>,
    /// Covered by unemployment insurance.
    #[serde(default)]
    pub unemployment_insurance: Fact<bool>,
    /// The household currently receives dibao; `null` = not known (the phase-out stays open and
    /// names it). Default `false`.
    #[serde(default)]
    pub on_dibao: Fact<bool>,
    /// A dibao application is under review; `null` = not known (relief while under review stays
    /// open and names it). Default `false`.
    #[serde(default)]
    pub dibao_application_pending: Fact<bool>,
    /// Income rose because a member found work.
    #[serde(default)]
    pub income_rose_from_work: Fact<bool>,
    /// A household the rural-revitalisation office monitors against falling back into poverty
    /// (防止返贫监测对象, the 三类户: 脱贫不稳定户、边缘易致贫户、突发严重困难户) whose risk is not yet
    /// eliminated. 长治 (长民函〔2022〕76号) treats it as an edge household and exempts support
    /// payments it receives.
    #[serde(default, skip_serializing_if = "known_false")]
    pub monitored_at_risk: Fact<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SuddenEvent {
    Fire,
    Accident,
    SeriousIllness,
    Disaster,
    Other,
}

/// A known "no sudden event" (serialised by leaving the field out).
fn no_event(e: &Fact<Option<SuddenEvent>>) -> bool {
    matches!(e, Fact::Known(None))
}

/// A known "no disability certificate" (serialised by leaving the field out).
fn no_disability(d: &Fact<Option<Disability>>) -> bool {
    matches!(d, Fact::Known(None))
}

impl Member {
    /// The disability if known to exist.
    pub fn known_disability(&self) -> Option<Disability> {
        match self.disability {
            Fact::Known(d) => d,
            Fact::Unknown => None,
        }
    }
}
