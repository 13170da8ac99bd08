//! The resident's answers (答卷): what the user typed, kept exactly as typed.
//!
//! The screening app edits an [`Answers`] value, saves it on the device (localStorage) after
//! every change and turns it into the engine's [`Household`] with [`Answers::to_household`] to
//! evaluate it. This module is plain Rust (no web dependencies) so it is unit-tested natively.
//!
//! Why a separate type from [`Household`]:
//! - **nothing typed is lost**: numbers stay strings (`"12a"`, `"-5"`, `"200"`), so a bad entry
//!   can be shown next to its field with a specific message while every other answer is kept;
//! - **"不清楚 / I don't know"** is an answer: `"?"` in a number field, [`YesNo::Unknown`] for a
//!   yes/no question, [`Supporters::Unknown`] for supporters; each becomes the engine's
//!   `Fact::Unknown`, which makes the affected result `possible`;
//! - **nothing the resident did not say is a fact**: every yes/no question starts unanswered
//!   ([`YesNo::Unanswered`], no radio button checked), and so does every list question (残疾证,
//!   在上学吗, 工作情况, 生活能自理吗, 突发事件, and the type of each income item: an empty value,
//!   shown as "请选择"); the former tick boxes 正在领低保, 正在审核 and 残疾人代步车 are yes/no
//!   questions too (the care-home wish stays an opt-in tick box); each counts as
//!   "don't know" until answered, and [`Answers::unanswered`] lists the open ones for the live bar
//!   and the result. A member's relation to the applicant (a member added after the applicant
//!   starts without one) and whether they live with the household (not asked of the applicant)
//!   decide who is counted: the result waits for both (`err.relation_required`,
//!   `err.living_required`);
//! - **numbers as meant**: `1.5万`, `1,500元`, `1500块`, `72岁`, `3个月` and full-width digits
//!   are read as the resident meant them; an error's example fits its field (an age error shows
//!   an age); a monthly farming, business or pension amount that looks like a yearly one is
//!   asked about ([`Answers::sense_checks`]: "是每年的收入吗？"), never blocked;
//! - **compact and versioned** (`v`): short field names, defaults left out — the same JSON is
//!   saved on the device and (later) encoded into a QR-code URL fragment for hand-over.
//!
//! ## Which questions are asked (skip rules)
//! A question that cannot change any result for this household is not shown, and
//! [`Answers::to_household`] ignores any answer stored for it (so an answer given before the
//! question disappeared cannot change the result either). The rules, one function each:
//! - [`asks_supporters`] / self-care / institution: only for a possible 特困 person — aged 60+,
//!   under 18, at school, with a disability, bedridden, or age not known; 特困 is the only scheme
//!   that reads supporters, self-care and institutional care;
//! - [`asks_bedridden`]: only if serious illness is yes or not known;
//! - [`asks_schooling`]: under 30 or age not known (school stage matters for 特困 pupils past 18
//!   and for the documents to bring);
//! - [`asks_work`]: 16 or over, or age not known (work matters for the one-person carve-out);
//! - income: only for members counted in the household (not for people living elsewhere, in
//!   prison …, whose income the rules do not count); payer only for support payments, the payer's
//!   income band only for a payer aged 60+;
//! - expenses: rehabilitation only if someone has (or may have) a disability, education only if
//!   someone is at school, costs of working only if someone works;
//! - assets: relocation homes only if the household owns a home, business profit only for a
//!   registered business, the disability-vehicle question only if someone has a disability;
//! - what happened: unemployment insurance only after months without income or for an
//!   unemployed member; "income rose from work" only for households on dibao; "application
//!   pending" only for households not on dibao.

use std::collections::BTreeSet;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::i18n::{tf, Lang};
use crate::rules::date::Date;
use crate::rules::fact::Fact;
use crate::rules::household::{
    Assets, Circumstances, Disability, DisabilityKind, Exclusion, Expenses, Household, IncomeItem,
    IncomeKind, Member, Obligor, ObligorRelation, Payer, PayerIncomeBand, Period, Relation,
    Residence, Schooling, SelfCare, SuddenEvent, Work,
};
use crate::rules::validate::{self, MAX_AGE, MAX_AMOUNT, MAX_MEMBERS};

/// The format version of saved answers. Bump it when a field changes meaning, and teach
/// [`Answers::restore`] to read the old one.
///
/// - 1: a yes/no question left out of the JSON meant "否" (the form showed "否" selected).
/// - 2: every yes/no question starts unanswered; left out of the JSON means unanswered, which
///   the engine reads as "don't know". Version 1 answers are read with "否" where they left a
///   yes/no question out: that is what the resident saw selected.
/// - 3: every list question starts unanswered too (残疾证, 是否长期一起生活, 在上学吗, 工作情况,
///   生活能自理吗, 突发事件): left out of the JSON means unanswered; "no disability certificate"
///   is `no` and "no sudden event" is `none`. Version 1 and 2 answers are read with the choice
///   the form showed selected where they left one out (没有残疾证, 长期一起生活, 不在上学, 没有工作,
///   能完全自理, 没有突发事件): that is what the resident saw and went on with (see
///   docs/reading-the-rules.md, "Saved answers from before every question started unanswered").
/// - 4: the type of an income item starts unanswered too (`t` left out); versions 1–3 always
///   saved it (a new item started on 工资) and are read as saved, with 工资 where it is missing.
///   The tick boxes 这辆车是残疾人的代步车, 家里现在正在领低保 and 已经申请了低保、正在审核 became yes/no
///   questions that start unanswered (`vd`, `od`, `pd`: `y`/`n`/`?`); a version 1–3 tick (`vdis`,
///   `dibao`, `pend`) is "是" and a box left unticked (left out) is "否", what the form showed.
pub const VERSION: u32 = 4;

/// The disability answer "no disability certificate" (an empty answer is unanswered).
pub const NO_DISABILITY: &str = "no";
/// The sudden-event answer "nothing happened" (an empty answer is unanswered).
pub const NO_EVENT: &str = "none";

/// What a number field holds when the user ticked "不清楚 / I don't know".
pub const UNKNOWN: &str = "?";

fn is_default<T: Default + PartialEq>(t: &T) -> bool {
    *t == T::default()
}

/// Everything the resident answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    /// Format version ([`VERSION`]).
    pub v: u32,
    /// GB/T 2260 code of the county, prefecture or province; empty = not chosen yet.
    #[serde(rename = "r", skip_serializing_if = "String::is_empty")]
    pub region: String,
    /// 城市 or 农村 standard; `None` = not chosen yet.
    #[serde(rename = "u", skip_serializing_if = "Option::is_none")]
    pub residence: Option<Residence>,
    /// Screening date `YYYY-MM-DD`; empty = today.
    #[serde(rename = "d", skip_serializing_if = "String::is_empty")]
    pub date: String,
    #[serde(rename = "m")]
    pub members: Vec<MemberAnswers>,
    #[serde(rename = "x", skip_serializing_if = "is_default")]
    pub expenses: ExpenseAnswers,
    #[serde(rename = "a", skip_serializing_if = "is_default")]
    pub assets: AssetAnswers,
    #[serde(rename = "e", skip_serializing_if = "is_default")]
    pub events: EventAnswers,
    /// The local dibao standard the resident (or staff) typed because jiuzhu's is unknown,
    /// borrowed or stale: used in place of the data, marked "provided by you" in the result.
    /// (Empty when none was typed: not an `Option`, which costs the wasm a deserializer.)
    #[serde(rename = "ls", skip_serializing_if = "is_default")]
    pub local_standard: LocalStandard,
}

/// "I know my local standard": what the resident was told or read on a notice board. Saved as
/// one string `name|month|amount` (the amount last: it is typed text), so the wasm needs no
/// deserializer of its own for it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "String", from = "String")]
pub struct LocalStandard {
    /// `dibao_urban_monthly` or `dibao_rural_yearly`: which standard it is (it applies only
    /// while the answers' urban/rural choice matches).
    pub name: String,
    /// The amount as typed (yuan per person a month, or a year for the rural standard).
    pub amount: String,
    /// The month it took effect, `YYYY-MM`, as typed.
    pub month: String,
}

impl From<LocalStandard> for String {
    fn from(l: LocalStandard) -> String {
        [l.name, l.month, l.amount].join("|")
    }
}

impl From<String> for LocalStandard {
    /// A saved text that is not `name|month|amount` reads as nothing typed.
    fn from(s: String) -> LocalStandard {
        let mut parts = s.splitn(3, '|');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(name), Some(month), Some(amount)) => LocalStandard {
                name: name.into(),
                amount: amount.into(),
                month: month.into(),
            },
            _ => LocalStandard::default(),
        }
    }
}

/// Who a standard typed by the resident is credited to, in results and the print summary
/// (the engine shows it as 您提供的 / provided by you: `Provenance::who`).
pub const PROVIDED_BY_YOU: &str = crate::rules::params::PROVIDED_BY_YOU;

/// The dibao standard parameter for an urban or rural household.
pub fn standard_param(r: Residence) -> &'static str {
    match r {
        Residence::Urban => "dibao_urban_monthly",
        Residence::Rural => "dibao_rural_yearly",
    }
}

impl Default for Answers {
    /// A new screening: the applicant alone, nothing else answered.
    fn default() -> Self {
        Answers {
            v: VERSION,
            region: String::new(),
            residence: None,
            date: String::new(),
            members: vec![MemberAnswers::new("m1", Relation::Applicant)],
            expenses: ExpenseAnswers::default(),
            assets: AssetAnswers::default(),
            events: EventAnswers::default(),
            local_standard: LocalStandard::default(),
        }
    }
}

/// 是 / 否 / 不清楚, or not answered yet.
///
/// A question the resident has not answered is [`YesNo::Unanswered`] (no radio button checked):
/// the engine gets `Fact::Unknown` for it, exactly as for "不清楚", so nothing the resident did
/// not say is used as a fact; [`Answers::unanswered`] lists these questions for the live bar
/// and the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum YesNo {
    #[default]
    #[serde(rename = "")]
    Unanswered,
    #[serde(rename = "n")]
    No,
    #[serde(rename = "y")]
    Yes,
    #[serde(rename = "?")]
    Unknown,
}

impl YesNo {
    pub fn fact(self) -> Fact<bool> {
        match self {
            YesNo::No => Fact::Known(false),
            YesNo::Yes => Fact::Known(true),
            YesNo::Unknown | YesNo::Unanswered => Fact::Unknown,
        }
    }

    /// The resident said "是" or "不清楚": its follow-up questions are asked. (Not before the
    /// question is answered: the form stays short, and the unanswered question is named.)
    pub fn maybe(self) -> bool {
        matches!(self, YesNo::Yes | YesNo::Unknown)
    }

    pub fn of(f: Fact<bool>) -> YesNo {
        match f {
            Fact::Known(true) => YesNo::Yes,
            Fact::Known(false) => YesNo::No,
            Fact::Unknown => YesNo::Unknown,
        }
    }

    /// The value of a radio button / stored code: `y`, `n`, `?`; empty when unanswered (no
    /// radio button matches it, so none is checked).
    pub fn code(self) -> &'static str {
        match self {
            YesNo::No => "n",
            YesNo::Yes => "y",
            YesNo::Unknown => "?",
            YesNo::Unanswered => "",
        }
    }

    pub fn from_code(s: &str) -> YesNo {
        match s {
            "y" => YesNo::Yes,
            "n" => YesNo::No,
            "?" => YesNo::Unknown,
            _ => YesNo::Unanswered,
        }
    }

    /// A version 1 answer: "unanswered" did not exist, a left-out answer was "否".
    fn as_read_in_v1(self) -> YesNo {
        match self {
            YesNo::Unanswered => YesNo::No,
            x => x,
        }
    }
}

/// Where a listed person lives, with the national exclusions from the household count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Living {
    /// 长期共同居住.
    #[default]
    Together,
    /// Lives elsewhere long-term.
    Apart,
    Prison,
    CompulsoryRehab,
    ReligiousAway3Years,
    DeclaredMissing,
}

impl Living {
    pub const ALL: [Living; 6] = [
        Living::Together,
        Living::Apart,
        Living::Prison,
        Living::CompulsoryRehab,
        Living::ReligiousAway3Years,
        Living::DeclaredMissing,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Living::Together => "together",
            Living::Apart => "apart",
            Living::Prison => "prison",
            Living::CompulsoryRehab => "compulsory_rehab",
            Living::ReligiousAway3Years => "religious_away_3_years",
            Living::DeclaredMissing => "declared_missing",
        }
    }

    /// The national exclusion this answer means, if any.
    pub fn exclusion(self) -> Option<Exclusion> {
        match self {
            Living::Prison => Some(Exclusion::Prison),
            Living::CompulsoryRehab => Some(Exclusion::CompulsoryRehab),
            Living::ReligiousAway3Years => Some(Exclusion::ReligiousAway3Years),
            Living::DeclaredMissing => Some(Exclusion::DeclaredMissing),
            Living::Together | Living::Apart => None,
        }
    }

    pub fn from_code(s: &str) -> Living {
        Living::ALL
            .into_iter()
            .find(|l| l.code() == s)
            .unwrap_or_default()
    }
}

/// Legal supporters (法定赡养、抚养、扶养义务人) of a possible 特困 person, as one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Supporters {
    /// 不清楚: the engine then looks at the household members who live with them.
    #[default]
    #[serde(rename = "?")]
    Unknown,
    /// Has no legal supporter.
    None,
    /// Has a supporter able to support them.
    Able,
    /// Every supporter is 特困 themselves.
    Tekun,
    /// Every supporter is 60+ and on dibao.
    Dibao60,
    /// 70+, income below the local disposable income, property within the rules.
    Old70LowIncome,
    /// Severely disabled, income below the local disposable income, property within the rules.
    SevereDisabilityLowIncome,
    /// Without civil capacity, declared missing or in prison (property within the rules).
    Incapacitated,
}

impl Supporters {
    pub const ALL: [Supporters; 8] = [
        Supporters::Unknown,
        Supporters::None,
        Supporters::Able,
        Supporters::Tekun,
        Supporters::Dibao60,
        Supporters::Old70LowIncome,
        Supporters::SevereDisabilityLowIncome,
        Supporters::Incapacitated,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Supporters::Unknown => "?",
            Supporters::None => "none",
            Supporters::Able => "able",
            Supporters::Tekun => "tekun",
            Supporters::Dibao60 => "dibao60",
            Supporters::Old70LowIncome => "old70",
            Supporters::SevereDisabilityLowIncome => "severe",
            Supporters::Incapacitated => "incapacitated",
        }
    }

    pub fn from_code(s: &str) -> Supporters {
        Supporters::ALL
            .into_iter()
            .find(|x| x.code() == s)
            .unwrap_or_default()
    }

    /// The engine's obligor list for this answer: one representative supporter whose facts say
    /// exactly what the answer says (and nothing more: the rest stays unknown).
    fn obligors(self) -> Fact<Vec<Obligor>> {
        let base = Obligor {
            relation: ObligorRelation::Other,
            age: Fact::Unknown,
            tekun: Fact::Unknown,
            dibao: Fact::Unknown,
            severe_disability: Fact::Unknown,
            incapacitated: Fact::Unknown,
            income_below_disposable: Fact::Unknown,
            property_within_rules: Fact::Unknown,
        };
        let one = |o: Obligor| Fact::Known(vec![o]);
        let yes = Fact::Known(true);
        match self {
            Supporters::Unknown => Fact::Unknown,
            Supporters::None => Fact::Known(Vec::new()),
            Supporters::Able => one(Obligor {
                tekun: Fact::Known(false),
                dibao: Fact::Known(false),
                severe_disability: Fact::Known(false),
                incapacitated: Fact::Known(false),
                income_below_disposable: Fact::Known(false),
                property_within_rules: Fact::Known(false),
                ..base
            }),
            Supporters::Tekun => one(Obligor { tekun: yes, ..base }),
            Supporters::Dibao60 => one(Obligor {
                age: Fact::Known(60),
                dibao: yes,
                ..base
            }),
            Supporters::Old70LowIncome => one(Obligor {
                age: Fact::Known(70),
                income_below_disposable: yes,
                property_within_rules: yes,
                ..base
            }),
            Supporters::SevereDisabilityLowIncome => one(Obligor {
                severe_disability: yes,
                income_below_disposable: yes,
                property_within_rules: yes,
                ..base
            }),
            Supporters::Incapacitated => one(Obligor {
                incapacitated: yes,
                property_within_rules: yes,
                ..base
            }),
        }
    }

    /// The closest answer for an engine obligor list (a list of several supporters is read from
    /// its first one: the form asks one question, not one per supporter).
    fn of(f: &Fact<Vec<Obligor>>) -> Supporters {
        let list = match f {
            Fact::Unknown => return Supporters::Unknown,
            Fact::Known(l) => l,
        };
        let Some(o) = list.first() else {
            return Supporters::None;
        };
        let age = o.age.get();
        if o.tekun.is_true() {
            Supporters::Tekun
        } else if o.dibao.is_true() && age.is_some_and(|a| a >= 60) {
            Supporters::Dibao60
        } else if age.is_some_and(|a| a >= 70) && o.income_below_disposable.is_true() {
            Supporters::Old70LowIncome
        } else if o.severe_disability.is_true() && o.income_below_disposable.is_true() {
            Supporters::SevereDisabilityLowIncome
        } else if o.incapacitated.is_true() {
            Supporters::Incapacitated
        } else {
            Supporters::Able
        }
    }
}

/// One person in the household, as answered.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct MemberAnswers {
    /// Stable key of this member in the form (`m1`, `m2` …); never shown.
    pub id: String,
    /// What the family calls them (奶奶, 大儿子), optional; shown in the result.
    #[serde(rename = "n", skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// `None` = not answered yet: a member added to the form starts without a relation (it
    /// decides who counts, 民发〔2021〕57号 第九条), and the result waits for it.
    #[serde(rename = "rel", skip_serializing_if = "Option::is_none")]
    pub relation: Option<Relation>,
    /// Age in years as typed; `?` = not known.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub age: String,
    /// `None` = not answered yet (the result waits for it; never asked of the applicant).
    #[serde(rename = "liv", skip_serializing_if = "Option::is_none")]
    pub living: Option<Living>,
    /// Disability kind code (`physical` …), [`NO_DISABILITY`] = none, `?` = not known, empty =
    /// not answered yet (read as not known).
    #[serde(rename = "dis", skip_serializing_if = "String::is_empty")]
    pub disability: String,
    /// Disability level `1`–`4` as chosen; `?` = not known.
    #[serde(rename = "lvl", skip_serializing_if = "String::is_empty")]
    pub level: String,
    #[serde(rename = "ill", skip_serializing_if = "is_default")]
    pub serious_illness: YesNo,
    #[serde(rename = "bed", skip_serializing_if = "is_default")]
    pub bedridden: YesNo,
    /// `None` = not answered yet (read as not known), here and for school and work.
    #[serde(rename = "care", skip_serializing_if = "Option::is_none")]
    pub self_care: Option<SelfCare>,
    #[serde(rename = "sch", skip_serializing_if = "Option::is_none")]
    pub schooling: Option<Schooling>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub work: Option<Work>,
    #[serde(rename = "inc", skip_serializing_if = "Vec::is_empty")]
    pub income: Vec<IncomeAnswer>,
    #[serde(rename = "sup", skip_serializing_if = "is_default")]
    pub supporters: Supporters,
    #[serde(rename = "inst", skip_serializing_if = "is_default")]
    pub in_institution: bool,
    /// Under community correction (社区矫正): asked only where the region has a rule for it.
    #[serde(rename = "cc", skip_serializing_if = "is_default")]
    pub community_corrections: YesNo,
}

impl MemberAnswers {
    pub fn new(id: &str, relation: Relation) -> MemberAnswers {
        MemberAnswers {
            id: id.to_string(),
            name: String::new(),
            relation: Some(relation),
            age: String::new(),
            living: None,
            disability: String::new(),
            level: String::new(),
            serious_illness: YesNo::Unanswered,
            bedridden: YesNo::Unanswered,
            self_care: None,
            schooling: None,
            work: None,
            income: Vec::new(),
            supporters: Supporters::Unknown,
            in_institution: false,
            community_corrections: YesNo::Unanswered,
        }
    }

    /// The age if it is a valid number, `None` if blank, unknown or invalid.
    pub fn age_years(&self) -> Option<u8> {
        match parse_count(&self.age) {
            Ok(Count::Known(n)) if n <= u64::from(MAX_AGE) => Some(n as u8),
            _ => None,
        }
    }

    /// Counted in the household, by the engine's own rule (民发〔2021〕57号 第九条: the spouse,
    /// minor children and children who cannot live independently count while living away).
    pub fn is_counted(&self) -> bool {
        self.membership().counted()
    }

    /// Why this person is or is not a household member (`rules::membership`).
    pub fn membership(&self) -> crate::rules::membership::Why {
        use crate::rules::membership as ms;
        let level: Option<u8> = self.level.trim().parse().ok();
        let im = matches!(self.disability.as_str(), "intellectual" | "mental");
        let severe = self.has_disability_kind() && level.is_some_and(|l| l <= 2 || (l == 3 && im));
        // A living answer not given yet: read as living together, so that the questions about
        // the person are asked (the result waits for the answer: `err.living_required`).
        let living = self.living_answer();
        ms::membership(ms::Facts {
            // A relation not given yet: read as one that is counted (the spouse's rule), so
            // the questions about the person are asked (the result waits: `err.relation_required`).
            relation: self.relation.unwrap_or(Relation::Spouse),
            lives_together: living != Some(Living::Apart),
            excluded: living.and_then(Living::exclusion),
            age: self.age_years(),
            schooling: self.schooling_fact(),
            cannot_live_independently: ms::cannot_live_independently(severe, self.self_care_fact()),
        })
    }

    /// The living answer that counts: none for the applicant (the question is not asked of the
    /// person applying, who is always a member of their own household).
    fn living_answer(&self) -> Option<Living> {
        self.living
            .filter(|_| self.relation != Some(Relation::Applicant))
    }

    /// A disability kind was chosen (not "none", "not known" or unanswered).
    fn has_disability_kind(&self) -> bool {
        !matches!(self.disability.as_str(), "" | UNKNOWN | NO_DISABILITY)
    }

    /// School as the engine reads it: asked under 30 (not at school otherwise); not answered yet
    /// is not known.
    fn schooling_fact(&self) -> Fact<Schooling> {
        if asks_schooling(self) {
            known_or_unknown(self.schooling)
        } else {
            Fact::Known(Schooling::None)
        }
    }

    /// Self-care as the engine reads it: asked of a possible 特困 person (fully self-caring
    /// otherwise); not answered yet is not known.
    fn self_care_fact(&self) -> Fact<SelfCare> {
        if tekun_candidate(self) {
            known_or_unknown(self.self_care)
        } else {
            Fact::Known(SelfCare::Full)
        }
    }

    /// Has, or may have, a disability (a kind chosen, or "不清楚"; not before it is answered).
    pub fn may_be_disabled(&self) -> bool {
        !matches!(self.disability.as_str(), "" | NO_DISABILITY)
    }

    /// At school (anything from compulsory education up).
    pub fn at_school(&self) -> bool {
        self.schooling
            .is_some_and(|s| !matches!(s, Schooling::None | Schooling::Preschool))
    }

    /// Has work (employed, self-employed, farming), as answered.
    pub fn has_work(&self) -> bool {
        self.work.is_some_and(|w| w.has_work())
    }
}

/// Age below which a person is asked about supporters: the engine's minor rule for 特困 (the
/// limit is a regional parameter; 18 is the national one, and no region lowers it).
const ASK_MINOR_BELOW: u8 = 18;
/// Age from which someone is unable to work for 特困 (特困人员认定办法 第六条).
const ASK_ELDER_FROM: u8 = 60;

/// A known value, or "not known" for an answer not given yet.
fn known_or_unknown<T>(answer: Option<T>) -> Fact<T> {
    match answer {
        Some(v) => Fact::Known(v),
        None => Fact::Unknown,
    }
}

/// Could this person be 特困 by age, disability, illness or school (whether or not counted)?
fn tekun_candidate(m: &MemberAnswers) -> bool {
    let age_says = match m.age_years() {
        Some(a) => !(ASK_MINOR_BELOW..ASK_ELDER_FROM).contains(&a),
        None => true,
    };
    age_says
        || m.may_be_disabled()
        || m.bedridden.maybe()
        || m.serious_illness.maybe()
        || m.at_school()
}

/// Could this person be 特困 (so supporters, self-care and institutional care matter)?
pub fn asks_supporters(m: &MemberAnswers) -> bool {
    m.is_counted() && tekun_candidate(m)
}

/// Whether the person lives with the household: asked of everyone but the applicant.
pub fn asks_living(m: &MemberAnswers) -> bool {
    m.relation != Some(Relation::Applicant)
}

/// Bedridden only matters with a serious illness (yes or not known).
pub fn asks_bedridden(m: &MemberAnswers) -> bool {
    m.serious_illness.maybe()
}

/// School stage: under 30 or age not known.
pub fn asks_schooling(m: &MemberAnswers) -> bool {
    m.age_years().is_none_or(|a| a < 30)
}

/// Work: 16 or over (the legal working age), or age not known.
pub fn asks_work(m: &MemberAnswers) -> bool {
    m.age_years().is_none_or(|a| a >= 16)
}

/// Who pays a support payment: only for support payments.
pub fn asks_payer(i: &IncomeAnswer) -> bool {
    i.kind == Some(IncomeKind::Support)
}

/// The payer's income band: only for a payer aged 60+.
pub fn asks_payer_band(i: &IncomeAnswer) -> bool {
    asks_payer(i) && i.payer == Some(Payer::Elder60Plus)
}

/// One income of one member.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IncomeAnswer {
    /// `None` = not chosen yet (a new item starts on "请选择"): counted as "don't know" — from
    /// nothing to the full amount — and named until chosen. Versions 1–3 always saved it.
    #[serde(rename = "t", skip_serializing_if = "Option::is_none")]
    pub kind: Option<IncomeKind>,
    /// Yuan as typed; `?` = not known.
    #[serde(rename = "amt")]
    pub amount: String,
    #[serde(rename = "per", skip_serializing_if = "is_default")]
    pub period: Period,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payer: Option<Payer>,
    /// The payer's income band; `None` = not known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub band: Option<PayerIncomeBand>,
    /// The resident said "yes, per month" to the sense check ([`Answers::sense_checks`]) for
    /// this amount; typing a new amount asks again.
    #[serde(rename = "ok", skip_serializing_if = "is_default")]
    pub per_month_confirmed: bool,
}

impl Default for IncomeAnswer {
    fn default() -> Self {
        IncomeAnswer {
            kind: None,
            amount: String::new(),
            period: Period::Month,
            payer: None,
            band: None,
            per_month_confirmed: false,
        }
    }
}

/// Monthly amounts above which the form asks "是每年的收入吗？" (it never blocks, and never
/// changes a result by itself): net farming or business income of more than ¥5,000 a month, a
/// resident basic pension or old-age allowance of more than ¥1,000 a month. These are not
/// policy figures but a sense check of typing: farm and business income is usually known per
/// year (a harvest, a season), and the resident basic pension is ¥100–300 a month, so a larger
/// monthly figure is most often a yearly amount typed without switching the period.
pub fn plausible_monthly_max(kind: IncomeKind) -> Option<Decimal> {
    match kind {
        IncomeKind::Farming | IncomeKind::Business => Some(Decimal::from(5_000)),
        IncomeKind::ResidentBasicPension | IncomeKind::OldAgeAllowance => {
            Some(Decimal::from(1_000))
        }
        _ => None,
    }
}

/// A list question's state for [`Answers::unanswered`]: unanswered, or answered (any answer).
fn open_if(unanswered: bool) -> YesNo {
    if unanswered {
        YesNo::Unanswered
    } else {
        YesNo::No
    }
}

/// A question the form asks this household that the resident has not answered yet: the
/// engine reads it as "don't know" until it is answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unanswered {
    /// The field as named on the form (`members[0].serious_illness`, `assets.business_registered`).
    pub field: String,
    /// The question's message key (its text in both languages).
    pub question: &'static str,
    /// The member it is about (index in [`Answers::members`]), for member questions.
    pub member: Option<usize>,
}

/// An answer that looks unlikely as typed: the form asks, with a one-tap fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SenseCheck {
    /// The amount field (`members[0].income[1].amount`).
    pub field: String,
    pub member: usize,
    pub item: usize,
}

/// Incomes the national rules never count as household income (优抚金, 计生奖扶, 奖学金,
/// 见义勇为, 社会救助款物). The engine decides and shows it in its trace; this list only labels
/// the form's choices so residents see them named and excluded. The resident basic pension is
/// not here: whether it counts is a dated parameter (excluded 2021–2025), see the engine.
pub fn income_not_counted(kind: IncomeKind) -> bool {
    matches!(
        kind,
        IncomeKind::PreferentialCare
            | IncomeKind::FamilyPlanning
            | IncomeKind::Scholarship
            | IncomeKind::BraveryAward
            | IncomeKind::Assistance
    )
}

/// 刚性支出 as answered (all in the same period).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ExpenseAnswers {
    #[serde(rename = "per", skip_serializing_if = "is_default")]
    pub period: Period,
    #[serde(rename = "med", skip_serializing_if = "String::is_empty")]
    pub medical: String,
    #[serde(rename = "edu", skip_serializing_if = "String::is_empty")]
    pub education: String,
    #[serde(rename = "reh", skip_serializing_if = "String::is_empty")]
    pub rehab: String,
    #[serde(rename = "job", skip_serializing_if = "String::is_empty")]
    pub employment: String,
    #[serde(rename = "oth", skip_serializing_if = "String::is_empty")]
    pub other: String,
}

/// 家庭财产 as answered.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AssetAnswers {
    #[serde(rename = "fin", skip_serializing_if = "String::is_empty")]
    pub financial: String,
    #[serde(rename = "home", skip_serializing_if = "String::is_empty")]
    pub homes: String,
    #[serde(rename = "reloc", skip_serializing_if = "String::is_empty")]
    pub relocation_homes: String,
    #[serde(rename = "shop", skip_serializing_if = "is_default")]
    pub non_residential: YesNo,
    #[serde(rename = "vnew", skip_serializing_if = "String::is_empty")]
    pub vehicle_bought_12m_price: String,
    #[serde(rename = "vval", skip_serializing_if = "String::is_empty")]
    pub vehicle_value: String,
    /// Asked only with a vehicle and a disabled member.
    #[serde(rename = "vd", skip_serializing_if = "is_default")]
    pub vehicle_for_disability: YesNo,
    /// The tick box of versions 1–3 (`vdis`: `true`, or left out when unticked): read once,
    /// into [`AssetAnswers::vehicle_for_disability`], never written.
    #[serde(rename = "vdis", skip_serializing)]
    pub vehicle_ticked_v3: bool,
    #[serde(rename = "biz", skip_serializing_if = "is_default")]
    pub business: YesNo,
    #[serde(rename = "profit", skip_serializing_if = "String::is_empty")]
    pub business_profit: String,
}

/// What happened to the household.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct EventAnswers {
    /// An event code (`fire` …), [`NO_EVENT`], `?` = not known, empty = not answered yet (read
    /// as not known).
    #[serde(rename = "ev", skip_serializing_if = "String::is_empty")]
    pub sudden_event: String,
    #[serde(rename = "spike", skip_serializing_if = "is_default")]
    pub spending_spike: YesNo,
    /// Months in a row without labour income, as typed.
    #[serde(rename = "mo", skip_serializing_if = "String::is_empty")]
    pub months_without_income: String,
    #[serde(rename = "ui", skip_serializing_if = "is_default")]
    pub unemployment_insurance: YesNo,
    /// Receives dibao now.
    #[serde(rename = "od", skip_serializing_if = "is_default")]
    pub on_dibao: YesNo,
    /// A dibao application under review (asked unless on dibao).
    #[serde(rename = "pd", skip_serializing_if = "is_default")]
    pub application_pending: YesNo,
    /// The tick boxes of versions 1–3 (`dibao`, `pend`: `true`, or left out when unticked):
    /// read once into the two answers above, never written.
    #[serde(rename = "dibao", skip_serializing)]
    pub on_dibao_ticked_v3: bool,
    #[serde(rename = "pend", skip_serializing)]
    pub pending_ticked_v3: bool,
    #[serde(rename = "rose", skip_serializing_if = "is_default")]
    pub income_rose_from_work: YesNo,
    /// A 防返贫 monitored household whose risk is not eliminated: asked only where the region
    /// has a rule for it.
    #[serde(rename = "mon", skip_serializing_if = "is_default")]
    pub monitored_at_risk: YesNo,
}

/// A problem with one answer, in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field, named as the engine names it: `members[1].age`, `expenses.medical`, `region`.
    pub field: String,
    /// A required answer is still blank (the form shows these only once the user moves on).
    pub blank: bool,
    pub zh: String,
    pub en: String,
}

impl FieldError {
    fn new(field: impl Into<String>, key: &'static str, args: &[(&str, &str)]) -> FieldError {
        FieldError {
            field: field.into(),
            blank: false,
            zh: tf(Lang::Zh, key, args),
            en: tf(Lang::En, key, args),
        }
    }

    fn blank(field: impl Into<String>, key: &'static str) -> FieldError {
        FieldError {
            blank: true,
            ..FieldError::new(field, key, &[])
        }
    }

    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

/// A number field read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Count {
    Blank,
    Unknown,
    Known(u64),
}

/// Why a typed number is not one.
#[derive(Debug, Clone, PartialEq, Eq)]
enum NumberProblem {
    Negative,
    NotANumber,
    TooManyDecimals,
    NotWhole,
}

/// Normalises what a phone keyboard may type: full-width digits and dot, thousands commas,
/// spaces, a currency sign or 元.
fn normalise(s: &str) -> String {
    s.trim()
        .chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '．' | '。' => Some('.'),
            '－' | '—' | '−' => Some('-'),
            '？' => Some('?'),
            ',' | '，' | ' ' | '\u{3000}' | '¥' | '￥' | '元' => None,
            c => Some(c),
        })
        .collect()
}

/// Words people type after an amount (`1500块`, `1500块钱`, `1500人民币`): removed.
const MONEY_WORDS: [&str; 4] = ["块钱", "人民币", "块", "rmb"];
/// Words people type after an age, a count of homes or months (`72岁`, `3个月`, `1套`).
const COUNT_WORDS: [&str; 8] = ["周岁", "岁", "个月", "月", "套", "处", "个", "人"];

/// `t` without one of `words` at its end (case-insensitive for Latin letters).
fn without_word<'a>(t: &'a str, words: &[&str]) -> &'a str {
    for w in words {
        if t.len() >= w.len() && t.is_char_boundary(t.len() - w.len()) {
            let (head, tail) = t.split_at(t.len() - w.len());
            if tail.eq_ignore_ascii_case(w) {
                return head.trim_end();
            }
        }
    }
    t
}

/// A money amount: blank, unknown, or an exact decimal (at most 2 decimals, not negative).
/// Read as the resident meant it: `1.5万` is 15000, `3千` is 3000, `1,500元`, `1500块` and
/// full-width `１５００` are 1500.
fn parse_money(s: &str) -> Result<Option<Fact<Decimal>>, NumberProblem> {
    let t = normalise(s);
    if t.is_empty() {
        return Ok(None);
    }
    if t == UNKNOWN {
        return Ok(Some(Fact::Unknown));
    }
    let t = without_word(&t, &MONEY_WORDS);
    let (t, factor) = if let Some(x) = t.strip_suffix('万') {
        (x, 10_000u32)
    } else if let Some(x) = t.strip_suffix('千') {
        (x, 1_000)
    } else {
        (t, 1)
    };
    let (negative, digits) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let mut parts = digits.split('.');
    let whole = parts.next().unwrap_or("");
    let frac = parts.next();
    let ok = parts.next().is_none()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| f.bytes().all(|b| b.is_ascii_digit()))
        && !(whole.is_empty() && frac.is_none_or(str::is_empty))
        && whole.len() <= 15
        && frac.is_none_or(|f| f.len() <= 15);
    if !ok {
        return Err(NumberProblem::NotANumber);
    }
    if negative {
        return Err(NumberProblem::Negative);
    }
    let d: Decimal = digits
        .trim_end_matches('.')
        .parse::<Decimal>()
        .map_err(|_| NumberProblem::NotANumber)?;
    let d = d
        .checked_mul(Decimal::from(factor))
        .ok_or(NumberProblem::NotANumber)?
        .normalize();
    if d.scale() > 2 {
        return Err(NumberProblem::TooManyDecimals);
    }
    Ok(Some(Fact::Known(d)))
}

/// A whole number (age, count of homes, months): blank, unknown or known.
fn parse_count(s: &str) -> Result<Count, NumberProblem> {
    let t = normalise(s);
    if t.is_empty() {
        return Ok(Count::Blank);
    }
    if t == UNKNOWN {
        return Ok(Count::Unknown);
    }
    let t = without_word(&t, &COUNT_WORDS);
    let (negative, digits) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let is_number = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    if let Some((w, f)) = digits.split_once('.') {
        if is_number(w) && (f.is_empty() || is_number(f)) {
            if negative {
                return Err(NumberProblem::Negative);
            }
            if f.bytes().all(|b| b == b'0') {
                return parse_count(w);
            }
            return Err(NumberProblem::NotWhole);
        }
        return Err(NumberProblem::NotANumber);
    }
    if !is_number(digits) {
        return Err(NumberProblem::NotANumber);
    }
    if negative {
        return Err(NumberProblem::Negative);
    }
    // Longer than any sensible count: say "too large" via the caller's limit.
    Ok(Count::Known(digits.parse().unwrap_or(u64::MAX)))
}

/// Collects field errors while building the household.
struct Checker {
    errors: Vec<FieldError>,
}

/// What a number field holds, for an error message whose example fits it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NumberKind {
    /// Yuan: "例如 1200 或 1200.50".
    Money,
    /// Homes, months: "例如 2".
    Count,
    /// Years of age: "例如 72".
    Age,
}

impl Checker {
    fn number_problem(&mut self, field: &str, p: NumberProblem, typed: &str, kind: NumberKind) {
        let key = match (p, kind) {
            (NumberProblem::Negative, NumberKind::Money) => "err.negative",
            (NumberProblem::Negative, _) => "err.negative_count",
            (NumberProblem::NotANumber, NumberKind::Money) => "err.not_a_number",
            (NumberProblem::NotANumber, NumberKind::Count) => "err.not_a_number_count",
            (NumberProblem::NotANumber, NumberKind::Age) => "err.not_a_number_age",
            (NumberProblem::TooManyDecimals, _) => "err.decimals",
            (NumberProblem::NotWhole, _) => "err.not_whole",
        };
        self.errors
            .push(FieldError::new(field, key, &[("typed", typed.trim())]));
    }

    /// A money amount; blank is `blank_as` (zero for optional amounts) or a "required" error.
    fn money(&mut self, field: &str, typed: &str, required: bool) -> Fact<Decimal> {
        match parse_money(typed) {
            Ok(None) if required => {
                self.errors
                    .push(FieldError::blank(field, "err.amount_required"));
                Fact::Known(Decimal::ZERO)
            }
            Ok(None) => Fact::Known(Decimal::ZERO),
            Ok(Some(Fact::Known(d))) if d > Decimal::from(MAX_AMOUNT) => {
                let max = MAX_AMOUNT.to_string();
                self.errors.push(FieldError::new(
                    field,
                    "err.amount_too_large",
                    &[("max", &max)],
                ));
                Fact::Known(Decimal::ZERO)
            }
            Ok(Some(f)) => f,
            Err(p) => {
                self.number_problem(field, p, typed, NumberKind::Money);
                Fact::Known(Decimal::ZERO)
            }
        }
    }

    /// A whole number up to `max`; blank is zero.
    fn count(&mut self, field: &str, typed: &str, max: u8) -> Fact<u8> {
        match parse_count(typed) {
            Ok(Count::Blank) => Fact::Known(0),
            Ok(Count::Unknown) => Fact::Unknown,
            Ok(Count::Known(n)) if n <= u64::from(max) => Fact::Known(n as u8),
            Ok(Count::Known(_)) => {
                let m = max.to_string();
                self.errors.push(FieldError::new(
                    field,
                    "err.count_too_large",
                    &[("max", &m)],
                ));
                Fact::Known(0)
            }
            Err(p) => {
                self.number_problem(field, p, typed, NumberKind::Count);
                Fact::Known(0)
            }
        }
    }

    fn age(&mut self, field: &str, typed: &str) -> Fact<u8> {
        match parse_count(typed) {
            Ok(Count::Blank) => {
                self.errors
                    .push(FieldError::blank(field, "err.age_required"));
                Fact::Unknown
            }
            Ok(Count::Unknown) => Fact::Unknown,
            Ok(Count::Known(n)) if n <= u64::from(MAX_AGE) => Fact::Known(n as u8),
            Ok(Count::Known(_)) => {
                let max = MAX_AGE.to_string();
                self.errors.push(FieldError::new(
                    field,
                    "err.age_range",
                    &[("typed", typed.trim()), ("max", &max)],
                ));
                Fact::Unknown
            }
            Err(NumberProblem::NotWhole) => {
                self.errors.push(FieldError::new(
                    field,
                    "err.age_whole",
                    &[("typed", typed.trim())],
                ));
                Fact::Unknown
            }
            Err(p) => {
                self.number_problem(field, p, typed, NumberKind::Age);
                Fact::Unknown
            }
        }
    }
}

/// Why saved answers could not be used as they were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestoreProblem {
    /// Not JSON, or not answers at all: start again.
    Corrupt,
    /// Saved by an older version and read as well as possible: ask the user to check.
    Migrated { from: u32 },
    /// Saved by an older version and unreadable now: start again.
    Outdated { from: u32 },
    /// Saved by a newer version of the app: start again.
    Newer { from: u32 },
}

impl RestoreProblem {
    /// What to tell the user, in both languages: (zh-CN, English).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            RestoreProblem::Corrupt => tf(lang, "restore.corrupt", &[]),
            RestoreProblem::Migrated { from } => {
                tf(lang, "restore.migrated", &[("from", &from.to_string())])
            }
            RestoreProblem::Outdated { from } => {
                tf(lang, "restore.outdated", &[("from", &from.to_string())])
            }
            RestoreProblem::Newer { from } => {
                tf(lang, "restore.newer", &[("from", &from.to_string())])
            }
        }
    }

    /// Whether the answers were kept (migrated) rather than reset.
    pub fn kept(&self) -> bool {
        matches!(self, RestoreProblem::Migrated { .. })
    }
}

impl Answers {
    /// The saved form: compact JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads saved answers. Same version: as saved (unknown extra fields ignored, missing ones
    /// default). Older version: read leniently and reported as [`RestoreProblem::Migrated`]
    /// (the user is asked to check), or [`RestoreProblem::Outdated`] if it cannot be read.
    /// Anything else — not JSON, no version, wrong shape — is [`RestoreProblem::Corrupt`].
    /// Never panics; on `Err` the caller starts with [`Answers::default`].
    pub fn restore(json: &str) -> Result<(Answers, Option<RestoreProblem>), RestoreProblem> {
        let value: serde_json::Value =
            serde_json::from_str(json).map_err(|_| RestoreProblem::Corrupt)?;
        let v = value
            .get("v")
            .and_then(serde_json::Value::as_u64)
            .ok_or(RestoreProblem::Corrupt)?;
        let v = u32::try_from(v).map_err(|_| RestoreProblem::Corrupt)?;
        if v > VERSION {
            return Err(RestoreProblem::Newer { from: v });
        }
        let read = serde_json::from_value::<Answers>(value)
            .ok()
            .filter(Answers::sane);
        match read {
            Some(mut a) if v == VERSION => {
                a.v = VERSION;
                Ok((a, None))
            }
            // Version 0 never shipped; an older format is read by the current field names,
            // which are only ever added to. Fields it lacks take their defaults, except the
            // yes/no answers of version 1, which left "否" out.
            Some(mut a) if v >= 1 => {
                if v == 1 {
                    a.yes_no_from_v1();
                }
                if v <= 2 {
                    a.choices_from_v2();
                }
                a.answers_shown_before_v4();
                a.v = VERSION;
                Ok((a, Some(RestoreProblem::Migrated { from: v })))
            }
            Some(_) => Err(RestoreProblem::Outdated { from: v }),
            None if v == VERSION => Err(RestoreProblem::Corrupt),
            None => Err(RestoreProblem::Outdated { from: v }),
        }
    }

    /// Version 1 left a "否" out of the JSON: what was read as unanswered was "否".
    fn yes_no_from_v1(&mut self) {
        for m in &mut self.members {
            m.serious_illness = m.serious_illness.as_read_in_v1();
            m.bedridden = m.bedridden.as_read_in_v1();
            m.community_corrections = m.community_corrections.as_read_in_v1();
        }
        let (a, e) = (&mut self.assets, &mut self.events);
        a.non_residential = a.non_residential.as_read_in_v1();
        a.business = a.business.as_read_in_v1();
        e.spending_spike = e.spending_spike.as_read_in_v1();
        e.unemployment_insurance = e.unemployment_insurance.as_read_in_v1();
        e.income_rose_from_work = e.income_rose_from_work.as_read_in_v1();
        e.monitored_at_risk = e.monitored_at_risk.as_read_in_v1();
    }

    /// Versions 1 and 2 left the choice a list question started on out of the JSON (没有残疾证,
    /// 长期一起生活, 不在上学, 没有工作, 能完全自理, 没有突发事件): it is read as that choice — what
    /// the resident saw selected and went on with. Questions the form did not ask stay as they
    /// were (unanswered) and are still not read.
    fn choices_from_v2(&mut self) {
        for m in &mut self.members {
            if m.disability.is_empty() {
                m.disability = NO_DISABILITY.into();
            }
            m.living.get_or_insert(Living::Together);
            m.schooling.get_or_insert(Schooling::None);
            m.work.get_or_insert(Work::NotWorking);
            m.self_care.get_or_insert(SelfCare::Full);
        }
        if self.events.sudden_event.is_empty() {
            self.events.sudden_event = NO_EVENT.into();
        }
    }

    /// Versions 1–3 always saved an income item's type, and a new item started on 工资: an item
    /// without one is read as 工资, what the form showed. The tick boxes 残疾人代步车, 正在领低保
    /// and 正在审核 left an unticked box out: it is read as "否", what the form showed.
    fn answers_shown_before_v4(&mut self) {
        for item in self.members.iter_mut().flat_map(|m| m.income.iter_mut()) {
            item.kind.get_or_insert(IncomeKind::Wages);
        }
        let tick = |t: &mut bool| {
            if std::mem::take(t) {
                YesNo::Yes
            } else {
                YesNo::No
            }
        };
        let (a, e) = (&mut self.assets, &mut self.events);
        a.vehicle_for_disability = tick(&mut a.vehicle_ticked_v3);
        e.on_dibao = tick(&mut e.on_dibao_ticked_v3);
        e.application_pending = tick(&mut e.pending_ticked_v3);
    }

    /// Structurally usable (the form can show it): member keys present and distinct, and no
    /// absurd list lengths from a damaged file.
    fn sane(&self) -> bool {
        let mut ids = BTreeSet::new();
        self.members.len() <= 4 * MAX_MEMBERS
            && self
                .members
                .iter()
                .all(|m| !m.id.is_empty() && ids.insert(m.id.as_str()) && m.income.len() <= 100)
    }

    /// A key for a new member that no current member uses.
    pub fn new_member_id(&self) -> String {
        (1..)
            .map(|n| format!("m{n}"))
            .find(|id| self.members.iter().all(|m| &m.id != id))
            .unwrap_or_default()
    }

    /// The name a member goes by in the household document and the result: their name if given,
    /// otherwise their form key.
    pub fn member_label(m: &MemberAnswers) -> String {
        let n = m.name.trim();
        if n.is_empty() {
            m.id.clone()
        } else {
            n.to_string()
        }
    }

    pub fn anyone_disabled(&self) -> bool {
        self.members
            .iter()
            .any(|m| m.is_counted() && m.may_be_disabled())
    }

    pub fn anyone_at_school(&self) -> bool {
        self.members
            .iter()
            .any(|m| m.is_counted() && asks_schooling(m) && m.at_school())
    }

    pub fn anyone_working(&self) -> bool {
        self.members
            .iter()
            .any(|m| m.is_counted() && asks_work(m) && m.has_work())
    }

    /// Relocation homes: only if the household owns (or may own) a home.
    pub fn asks_relocation(&self) -> bool {
        !matches!(
            parse_count(&self.assets.homes),
            Ok(Count::Blank) | Ok(Count::Known(0))
        )
    }

    /// Business profit: only for a registered business (yes or not known).
    pub fn asks_business_profit(&self) -> bool {
        self.assets.business.maybe()
    }

    /// The disability-vehicle question: only if someone has (or may have) a disability and the
    /// household has (or may have) a vehicle — a value or a purchase that is not blank or 0.
    pub fn asks_vehicle_for_disability(&self) -> bool {
        let some = |s: &str| match parse_money(s) {
            Ok(None) => false,
            Ok(Some(Fact::Known(v))) => !v.is_zero(),
            _ => true,
        };
        self.anyone_disabled()
            && (some(&self.assets.vehicle_value) || some(&self.assets.vehicle_bought_12m_price))
    }

    /// Unemployment insurance: after months without income, or for an unemployed member.
    pub fn asks_unemployment_insurance(&self) -> bool {
        let months = !matches!(
            parse_count(&self.events.months_without_income),
            Ok(Count::Blank) | Ok(Count::Known(0))
        );
        months
            || self
                .members
                .iter()
                .any(|m| m.is_counted() && asks_work(m) && m.work == Some(Work::Unemployed))
    }

    /// "Income rose from work": for a household on dibao (yes or not known).
    pub fn asks_income_rose(&self) -> bool {
        self.events.on_dibao.maybe()
    }

    /// "Application pending": for a household not on dibao (no or not known).
    pub fn asks_application_pending(&self) -> bool {
        matches!(self.events.on_dibao, YesNo::No | YesNo::Unknown)
    }

    /// A follow-up of "on dibao now?" as the engine reads it: asked, the answer; not asked
    /// because that question is still open, not known; not asked because its answer rules the
    /// follow-up out, "no".
    fn on_dibao_follow_up(&self, asked: bool, answer: YesNo) -> Fact<bool> {
        if asked {
            answer.fact()
        } else if self.events.on_dibao == YesNo::Unanswered {
            Fact::Unknown
        } else {
            Fact::Known(false)
        }
    }

    /// A regional flag in force on the screening date (today when none is given).
    fn region_flag(&self, name: &str) -> bool {
        let date = Date::parse(self.date.trim()).unwrap_or_else(Date::today);
        crate::rules::params::Params::new(self.region.trim(), date, Default::default())
            .is_some_and(|p| p.get(name).flag() == Some(true))
    }

    /// Monitored against falling back into poverty: only where the region's rules use it
    /// (长治: edge households directly, support payments exempt).
    pub fn asks_monitored(&self) -> bool {
        self.region_flag("edge_monitored_households_direct")
            || self.region_flag("support_exempt_monitored_households")
    }

    /// Community correction: only where the region lets such a person apply alone (长治), and
    /// for members of working age or older.
    pub fn asks_community_corrections(&self, m: &MemberAnswers) -> bool {
        m.is_counted() && asks_work(m) && self.region_flag("single_person_community_corrections")
    }

    /// The questions asked of this household (by the skip rules) that have no answer yet, in
    /// the order of the form.
    pub fn unanswered(&self) -> Vec<Unanswered> {
        let mut out = Vec::new();
        let mut ask = |yn: YesNo, field: String, question: &'static str, member: Option<usize>| {
            if yn == YesNo::Unanswered {
                out.push(Unanswered {
                    field,
                    question,
                    member,
                });
            }
        };
        for (i, m) in self.members.iter().enumerate() {
            let f = |s: &str| format!("members[{i}].{s}");
            ask(
                open_if(m.disability.is_empty()),
                f("disability"),
                "members.disability",
                Some(i),
            );
            ask(
                m.serious_illness,
                f("serious_illness"),
                "members.illness",
                Some(i),
            );
            if asks_bedridden(m) {
                ask(m.bedridden, f("bedridden"), "members.bedridden", Some(i));
            }
            if self.asks_community_corrections(m) {
                ask(
                    m.community_corrections,
                    f("community_corrections"),
                    "members.corrections",
                    Some(i),
                );
            }
            if asks_schooling(m) {
                ask(
                    open_if(m.schooling.is_none()),
                    f("schooling"),
                    "members.schooling",
                    Some(i),
                );
            }
            if asks_work(m) {
                ask(
                    open_if(m.work.is_none()),
                    f("work"),
                    "members.work",
                    Some(i),
                );
            }
            if asks_supporters(m) {
                ask(
                    open_if(m.self_care.is_none()),
                    f("self_care"),
                    "members.self_care",
                    Some(i),
                );
            }
        }
        // The income screen comes after the members: the type of each income item of a counted
        // member ("妻子（配偶）：第1笔收入的类型").
        for (i, m) in self.members.iter().enumerate() {
            if !m.is_counted() {
                continue;
            }
            for (j, item) in m.income.iter().enumerate() {
                ask(
                    open_if(item.kind.is_none()),
                    format!("members[{i}].income[{j}].type"),
                    "open.income_type",
                    Some(i),
                );
            }
        }
        let (a, e) = (&self.assets, &self.events);
        ask(
            a.non_residential,
            "assets.non_residential_property".into(),
            "assets.shop",
            None,
        );
        if self.asks_vehicle_for_disability() {
            ask(
                a.vehicle_for_disability,
                "assets.vehicle_for_disability".into(),
                "assets.vehicle_disability",
                None,
            );
        }
        ask(
            a.business,
            "assets.business_registered".into(),
            "assets.business",
            None,
        );
        ask(
            open_if(e.sudden_event.is_empty()),
            "circumstances.sudden_event".into(),
            "events.sudden",
            None,
        );
        ask(
            e.spending_spike,
            "circumstances.spending_spike".into(),
            "events.spike",
            None,
        );
        if self.asks_unemployment_insurance() {
            ask(
                e.unemployment_insurance,
                "circumstances.unemployment_insurance".into(),
                "events.insurance",
                None,
            );
        }
        ask(
            e.on_dibao,
            "circumstances.on_dibao".into(),
            "events.on_dibao",
            None,
        );
        if self.asks_income_rose() {
            ask(
                e.income_rose_from_work,
                "circumstances.income_rose_from_work".into(),
                "events.rose",
                None,
            );
        }
        if self.asks_application_pending() {
            ask(
                e.application_pending,
                "circumstances.dibao_application_pending".into(),
                "events.pending",
                None,
            );
        }
        if self.asks_monitored() {
            ask(
                e.monitored_at_risk,
                "circumstances.monitored_at_risk".into(),
                "events.monitored",
                None,
            );
        }
        out
    }

    /// Monthly incomes that look like yearly amounts ([`plausible_monthly_max`]) and that the
    /// resident has not confirmed as monthly: the form asks "是每年的收入吗？".
    pub fn sense_checks(&self) -> Vec<SenseCheck> {
        let mut out = Vec::new();
        for (i, m) in self.members.iter().enumerate() {
            if !m.is_counted() {
                continue;
            }
            for (j, item) in m.income.iter().enumerate() {
                let high = match (
                    item.kind.and_then(plausible_monthly_max),
                    parse_money(&item.amount),
                ) {
                    (Some(max), Ok(Some(Fact::Known(d)))) => d > max,
                    _ => false,
                };
                if high && item.period == Period::Month && !item.per_month_confirmed {
                    out.push(SenseCheck {
                        field: format!("members[{i}].income[{j}].amount"),
                        member: i,
                        item: j,
                    });
                }
            }
        }
        out
    }

    /// The engine's household, or every problem with the answers (each naming its field, in
    /// both languages). Answers to questions that are skipped for this household are ignored.
    pub fn to_household(&self) -> Result<Household, Vec<FieldError>> {
        let mut c = Checker { errors: Vec::new() };
        if self.region.trim().is_empty() {
            c.errors
                .push(FieldError::blank("region", "err.region_required"));
        }
        if self.residence.is_none() {
            c.errors
                .push(FieldError::blank("residence", "err.residence_required"));
        }
        let as_of = if self.date.trim().is_empty() {
            None
        } else {
            match Date::parse(self.date.trim()) {
                Some(d) => Some(d),
                None => {
                    c.errors.push(FieldError::new(
                        "as_of",
                        "err.date",
                        &[("typed", self.date.trim())],
                    ));
                    None
                }
            }
        };

        if self.members.is_empty() {
            c.errors
                .push(FieldError::new("members", "err.no_members", &[]));
        }
        if self.members.len() > MAX_MEMBERS {
            let max = MAX_MEMBERS.to_string();
            c.errors.push(FieldError::new(
                "members",
                "err.too_many_members",
                &[("max", &max)],
            ));
        }
        let applicants = self
            .members
            .iter()
            .filter(|m| m.relation == Some(Relation::Applicant))
            .count();
        if !self.members.is_empty() && applicants == 0 {
            c.errors
                .push(FieldError::new("members", "err.no_applicant", &[]));
        }
        if applicants > 1 {
            c.errors
                .push(FieldError::new("members", "err.two_applicants", &[]));
        }
        if !self.members.is_empty() && !self.members.iter().any(MemberAnswers::is_counted) {
            c.errors
                .push(FieldError::new("members", "err.nobody_counted", &[]));
        }

        let mut labels = BTreeSet::new();
        let mut members = Vec::with_capacity(self.members.len());
        for (i, m) in self.members.iter().enumerate() {
            let f = |s: &str| format!("members[{i}].{s}");
            let label = Answers::member_label(m);
            if label.chars().count() > 40 {
                c.errors
                    .push(FieldError::new(f("name"), "err.name_long", &[]));
            } else if !labels.insert(label.clone()) {
                c.errors.push(FieldError::new(
                    f("name"),
                    "err.name_twice",
                    &[("name", &label)],
                ));
            }
            let age = c.age(&f("age"), &m.age);
            if m.relation.is_none() {
                c.errors
                    .push(FieldError::blank(f("relation"), "err.relation_required"));
            }
            if asks_living(m) && m.living.is_none() {
                c.errors
                    .push(FieldError::blank(f("living"), "err.living_required"));
            }
            let disability = match m.disability.as_str() {
                NO_DISABILITY => Fact::Known(None),
                "" | UNKNOWN => Fact::Unknown,
                code => match serde_json::from_value::<DisabilityKind>(code.into()) {
                    Ok(kind) => match m.level.as_str() {
                        UNKNOWN => Fact::Unknown,
                        l => match l.parse::<u8>() {
                            Ok(level @ 1..=4) => Fact::Known(Some(Disability { kind, level })),
                            _ => {
                                c.errors.push(FieldError::blank(
                                    f("disability.level"),
                                    "err.level_required",
                                ));
                                Fact::Unknown
                            }
                        },
                    },
                    Err(_) => Fact::Unknown,
                },
            };
            let counted = m.is_counted();
            let mut income = Vec::new();
            if counted {
                for (j, item) in m.income.iter().enumerate() {
                    let amount = c.money(
                        &format!("members[{i}].income[{j}].amount"),
                        &item.amount,
                        true,
                    );
                    income.push(IncomeItem {
                        kind: known_or_unknown(item.kind),
                        amount,
                        period: item.period,
                        payer: if asks_payer(item) { item.payer } else { None },
                        payer_income: match (asks_payer_band(item), item.band) {
                            (true, Some(b)) => Fact::Known(b),
                            _ => Fact::Unknown,
                        },
                    });
                }
            }
            let tekun_questions = asks_supporters(m);
            let name = Some(m.name.trim())
                .filter(|n| !n.is_empty())
                .map(str::to_string);
            members.push(Member {
                id: label,
                name,
                relation: m.relation.unwrap_or(Relation::Other),
                age,
                lives_together: m.living_answer() != Some(Living::Apart),
                excluded: m.living_answer().and_then(Living::exclusion),
                disability,
                serious_illness: m.serious_illness.fact(),
                bedridden: if asks_bedridden(m) {
                    m.bedridden.fact()
                } else {
                    Fact::Known(false)
                },
                self_care: if tekun_questions {
                    m.self_care_fact()
                } else {
                    Fact::Known(SelfCare::Full)
                },
                schooling: m.schooling_fact(),
                work: if asks_work(m) {
                    known_or_unknown(m.work)
                } else {
                    Fact::Known(Work::NotWorking)
                },
                income,
                obligors: if tekun_questions {
                    m.supporters.obligors()
                } else {
                    Fact::Unknown
                },
                in_institution: tekun_questions && m.in_institution,
                community_corrections: if self.asks_community_corrections(m) {
                    m.community_corrections.fact()
                } else {
                    Fact::Known(false)
                },
            });
        }

        let x = &self.expenses;
        let opt = |c: &mut Checker, asked: bool, name: &str, typed: &str| {
            if asked {
                c.money(name, typed, false)
            } else {
                Fact::Known(Decimal::ZERO)
            }
        };
        let expenses = Expenses {
            period: x.period,
            medical: c.money("expenses.medical", &x.medical, false),
            education: opt(
                &mut c,
                self.anyone_at_school(),
                "expenses.education",
                &x.education,
            ),
            disability_rehab: opt(
                &mut c,
                self.anyone_disabled(),
                "expenses.disability_rehab",
                &x.rehab,
            ),
            employment: opt(
                &mut c,
                self.anyone_working(),
                "expenses.employment",
                &x.employment,
            ),
            other: c.money("expenses.other", &x.other, false),
        };

        let a = &self.assets;
        let homes = c.count("assets.homes", &a.homes, u8::MAX);
        let relocation_homes = if self.asks_relocation() {
            match c.count("assets.relocation_homes", &a.relocation_homes, u8::MAX) {
                Fact::Known(n) => n,
                Fact::Unknown => 0,
            }
        } else {
            0
        };
        let assets = Assets {
            financial: c.money("assets.financial", &a.financial, false),
            homes,
            relocation_homes,
            non_residential_property: a.non_residential.fact(),
            vehicle_bought_12m_price: c.money(
                "assets.vehicle_bought_12m_price",
                &a.vehicle_bought_12m_price,
                false,
            ),
            vehicle_value: c.money("assets.vehicle_value", &a.vehicle_value, false),
            vehicle_for_disability: if self.asks_vehicle_for_disability() {
                a.vehicle_for_disability.fact()
            } else {
                Fact::Known(false)
            },
            business_registered: a.business.fact(),
            business_annual_profit: opt(
                &mut c,
                self.asks_business_profit(),
                "assets.business_annual_profit",
                &a.business_profit,
            ),
        };

        let e = &self.events;
        let circumstances = Circumstances {
            sudden_event: match e.sudden_event.as_str() {
                NO_EVENT => Fact::Known(None),
                code => match serde_json::from_value::<SuddenEvent>(code.into()) {
                    Ok(ev) => Fact::Known(Some(ev)),
                    // Not answered yet, "不清楚", or a code this version does not know.
                    Err(_) => Fact::Unknown,
                },
            },
            spending_spike: e.spending_spike.fact(),
            months_without_income: c.count(
                "circumstances.months_without_income",
                &e.months_without_income,
                u8::MAX,
            ),
            unemployment_insurance: if self.asks_unemployment_insurance() {
                e.unemployment_insurance.fact()
            } else {
                Fact::Known(false)
            },
            on_dibao: e.on_dibao.fact(),
            dibao_application_pending: self
                .on_dibao_follow_up(self.asks_application_pending(), e.application_pending),
            income_rose_from_work: self
                .on_dibao_follow_up(self.asks_income_rose(), e.income_rose_from_work),
            monitored_at_risk: if self.asks_monitored() {
                e.monitored_at_risk.fact()
            } else {
                Fact::Known(false)
            },
        };

        let params = self.local_standard_params(&mut c, as_of);
        if !c.errors.is_empty() {
            return Err(c.errors);
        }
        let h = Household {
            schema: Some(crate::rules::household::SCHEMA_VERSION),
            region: self.region.trim().to_string(),
            residence: self.residence.unwrap_or(Residence::Urban),
            as_of,
            params,
            members,
            expenses,
            assets,
            circumstances,
        };
        // Everything the engine checks (region known, date range, homes, relocation ≤ homes …)
        // with its own message, on the field it names.
        validate::check(&h).map_err(|e| {
            vec![FieldError {
                field: e.field,
                blank: false,
                zh: e.message_zh,
                en: e.message_en,
            }]
        })?;
        Ok(h)
    }

    /// The resident's own standard as a household override (`params`), with its month and
    /// "provided by you"; nothing when none was typed or it is for the other urban/rural
    /// standard. A blank amount is no override; a bad amount or month is an error on
    /// `local_standard.amount` / `local_standard.month`.
    fn local_standard_params(
        &self,
        c: &mut Checker,
        as_of: Option<Date>,
    ) -> std::collections::BTreeMap<String, serde_json::Value> {
        let mut out = std::collections::BTreeMap::new();
        let ls = &self.local_standard;
        let Some(res) = self.residence else {
            return out;
        };
        if ls.name != standard_param(res) || ls.amount.trim().is_empty() {
            return out;
        }
        let before = c.errors.len();
        let amount = match c.money("local_standard.amount", &ls.amount, true) {
            _ if c.errors.len() > before => return out,
            Fact::Known(d) if !d.is_zero() => d,
            Fact::Known(_) => {
                c.errors.push(FieldError::blank(
                    "local_standard.amount",
                    "err.amount_required",
                ));
                return out;
            }
            Fact::Unknown => return out,
        };
        let month = ls.month.trim();
        let effective = if month.is_empty() {
            None
        } else {
            match Date::parse(&format!("{month}-01")) {
                Some(d) if as_of.is_none_or(|a| d <= a) && d <= Date::today() => Some(d),
                _ => {
                    c.errors.push(FieldError::new(
                        "local_standard.month",
                        "err.local_month",
                        &[("typed", month)],
                    ));
                    return out;
                }
            }
        };
        let mut v = serde_json::json!({
            "value": amount.normalize().to_string(),
            "provided_by": PROVIDED_BY_YOU,
        });
        if let Some(d) = effective {
            v["effective"] = serde_json::Value::String(d.to_string());
        }
        out.insert(ls.name.clone(), v);
        out
    }

    /// The answers that describe a household (a sample, or a household handed over as JSON).
    /// Parameter overrides are not answers and are dropped, except the standard the resident
    /// typed ("provided by you"); a list of several supporters is
    /// read from its first one.
    pub fn from_household(h: &Household) -> Answers {
        let money = |f: &Fact<Decimal>| match f {
            Fact::Known(d) if d.is_zero() => String::new(),
            Fact::Known(d) => d.normalize().to_string(),
            Fact::Unknown => UNKNOWN.to_string(),
        };
        let count = |f: &Fact<u8>| match f {
            Fact::Known(n) => n.to_string(),
            Fact::Unknown => UNKNOWN.to_string(),
        };
        let members = h
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let (disability, level) = match m.disability {
                    Fact::Known(None) => (NO_DISABILITY.to_string(), String::new()),
                    Fact::Unknown => (UNKNOWN.to_string(), String::new()),
                    Fact::Known(Some(d)) => (
                        serde_json::to_value(d.kind)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_string))
                            .unwrap_or_default(),
                        d.level.to_string(),
                    ),
                };
                MemberAnswers {
                    id: format!("m{}", i + 1),
                    // The name the resident gave, never the household's id (a program's key).
                    name: m.name.clone().unwrap_or_default(),
                    relation: Some(m.relation),
                    age: count(&m.age),
                    living: Some(match (m.lives_together, m.excluded) {
                        (false, _) => Living::Apart,
                        (true, Some(Exclusion::Prison)) => Living::Prison,
                        (true, Some(Exclusion::CompulsoryRehab)) => Living::CompulsoryRehab,
                        (true, Some(Exclusion::ReligiousAway3Years)) => Living::ReligiousAway3Years,
                        (true, Some(Exclusion::DeclaredMissing)) => Living::DeclaredMissing,
                        (true, Some(Exclusion::Conscript) | None) => Living::Together,
                    }),
                    disability,
                    level,
                    serious_illness: YesNo::of(m.serious_illness),
                    bedridden: YesNo::of(m.bedridden),
                    // A value not known in the household reads as not answered yet.
                    self_care: m.self_care.get(),
                    schooling: m.schooling.get(),
                    work: m.work.get(),
                    income: m
                        .income
                        .iter()
                        .map(|item| IncomeAnswer {
                            kind: item.kind.get(),
                            amount: match item.amount {
                                Fact::Known(d) => d.normalize().to_string(),
                                Fact::Unknown => UNKNOWN.to_string(),
                            },
                            period: item.period,
                            payer: item.payer,
                            band: item.payer_income.get(),
                            per_month_confirmed: false,
                        })
                        .collect(),
                    supporters: Supporters::of(&m.obligors),
                    in_institution: m.in_institution,
                    community_corrections: YesNo::of(m.community_corrections),
                }
            })
            .collect();
        let x = &h.expenses;
        let a = &h.assets;
        let c = &h.circumstances;
        // The resident's own standard travels as an override credited to "you".
        let local_standard = h.params.iter().find_map(|(name, v)| {
            (v.get("provided_by").and_then(|b| b.as_str()) == Some(PROVIDED_BY_YOU)).then(|| {
                let text = |k: &str| match v.get(k) {
                    Some(serde_json::Value::String(s)) => s.clone(),
                    Some(serde_json::Value::Number(n)) => n.to_string(),
                    _ => String::new(),
                };
                let effective = text("effective");
                LocalStandard {
                    name: name.clone(),
                    amount: text("value"),
                    month: effective.get(..7).unwrap_or_default().to_string(),
                }
            })
        });
        Answers {
            local_standard: local_standard.unwrap_or_default(),
            v: VERSION,
            region: h.region.clone(),
            residence: Some(h.residence),
            date: h.as_of.map(|d| d.to_string()).unwrap_or_default(),
            members,
            expenses: ExpenseAnswers {
                period: x.period,
                medical: money(&x.medical),
                education: money(&x.education),
                rehab: money(&x.disability_rehab),
                employment: money(&x.employment),
                other: money(&x.other),
            },
            assets: AssetAnswers {
                financial: money(&a.financial),
                homes: match a.homes {
                    Fact::Known(0) => String::new(),
                    f => count(&f),
                },
                relocation_homes: match a.relocation_homes {
                    0 => String::new(),
                    n => n.to_string(),
                },
                non_residential: YesNo::of(a.non_residential_property),
                vehicle_bought_12m_price: money(&a.vehicle_bought_12m_price),
                vehicle_value: money(&a.vehicle_value),
                vehicle_for_disability: YesNo::of(a.vehicle_for_disability),
                vehicle_ticked_v3: false,
                business: YesNo::of(a.business_registered),
                business_profit: money(&a.business_annual_profit),
            },
            events: EventAnswers {
                sudden_event: match c.sudden_event {
                    Fact::Known(None) => NO_EVENT.to_string(),
                    Fact::Known(Some(ev)) => serde_json::to_value(ev)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default(),
                    Fact::Unknown => UNKNOWN.to_string(),
                },
                spending_spike: YesNo::of(c.spending_spike),
                months_without_income: match c.months_without_income {
                    Fact::Known(0) => String::new(),
                    f => count(&f),
                },
                unemployment_insurance: YesNo::of(c.unemployment_insurance),
                on_dibao: YesNo::of(c.on_dibao),
                application_pending: YesNo::of(c.dibao_application_pending),
                on_dibao_ticked_v3: false,
                pending_ticked_v3: false,
                income_rose_from_work: YesNo::of(c.income_rose_from_work),
                monitored_at_risk: YesNo::of(c.monitored_at_risk),
            },
        }
    }

    /// The errors for one field (exact name), for showing next to it.
    pub fn errors_for<'a>(errors: &'a [FieldError], field: &str) -> Option<&'a FieldError> {
        errors.iter().find(|e| e.field == field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::samples;
    use crate::rules::{evaluate_on, SchemeId, Status};

    fn filled() -> Answers {
        let mut a = Answers {
            region: "530112".into(),
            residence: Some(Residence::Urban),
            date: "2022-11-01".into(),
            ..Answers::default()
        };
        a.members[0].age = "45".into();
        a.members[0].work = Some(Work::Employed);
        a.members[0].income.push(IncomeAnswer {
            kind: Some(IncomeKind::Wages),
            amount: "600".into(),
            ..IncomeAnswer::default()
        });
        answer_no_to_the_rest(&mut a);
        a
    }

    /// The resident answers "否" to every yes/no question still open, and the first, "nothing"
    /// choice to every list question still open (没有残疾证, 长期一起生活, 不在上学, 没有工作, 能完全
    /// 自理, 没有突发事件).
    fn answer_no_to_the_rest(a: &mut Answers) {
        for m in &mut a.members {
            if m.disability.is_empty() {
                m.disability = NO_DISABILITY.into();
            }
            if asks_living(m) {
                m.living.get_or_insert(Living::Together);
            }
            m.schooling.get_or_insert(Schooling::None);
            m.work.get_or_insert(Work::NotWorking);
            m.self_care.get_or_insert(SelfCare::Full);
        }
        if a.events.sudden_event.is_empty() {
            a.events.sudden_event = NO_EVENT.into();
        }
        for m in &mut a.members {
            for x in [
                &mut m.serious_illness,
                &mut m.bedridden,
                &mut m.community_corrections,
            ] {
                if *x == YesNo::Unanswered {
                    *x = YesNo::No;
                }
            }
        }
        let (x, e) = (&mut a.assets, &mut a.events);
        for y in [
            &mut x.non_residential,
            &mut x.business,
            &mut e.spending_spike,
            &mut e.unemployment_insurance,
            &mut e.income_rose_from_work,
            &mut e.monitored_at_risk,
            &mut x.vehicle_for_disability,
            &mut e.on_dibao,
            &mut e.application_pending,
        ] {
            if *y == YesNo::Unanswered {
                *y = YesNo::No;
            }
        }
    }

    #[test]
    fn every_yes_no_question_starts_unanswered_and_counts_as_not_known() {
        let mut a = filled();
        let mut fresh = MemberAnswers::new("m2", Relation::Spouse);
        fresh.age = "40".into();
        fresh.living = Some(Living::Together);
        a.members.push(fresh);
        a.events.months_without_income = "3".into();
        a.assets.business = YesNo::Unanswered;
        a.events.unemployment_insurance = YesNo::Unanswered;
        let open: Vec<String> = a.unanswered().into_iter().map(|u| u.field).collect();
        assert_eq!(
            open,
            [
                "members[1].disability",
                "members[1].serious_illness",
                "members[1].work",
                "assets.business_registered",
                "circumstances.unemployment_insurance",
            ]
        );
        let h = a.to_household().unwrap();
        assert_eq!(h.members[1].serious_illness, Fact::Unknown);
        assert_eq!(h.assets.business_registered, Fact::Unknown);
        assert_eq!(h.circumstances.unemployment_insurance, Fact::Unknown);
        // Nothing the resident did not say is a fact: not answered is not known.
        let ev = evaluate_on(&h, Date::new(2022, 11, 1).unwrap()).unwrap();
        assert_ne!(ev.scheme(SchemeId::Dibao).status, Status::Likely);
        // Answered: the list empties, the facts are known.
        answer_no_to_the_rest(&mut a);
        assert!(a.unanswered().is_empty());
        let h = a.to_household().unwrap();
        assert_eq!(h.assets.business_registered, Fact::Known(false));
        // Every question named in the list has its words in both languages.
        let mut b = Answers::default();
        b.events.on_dibao = YesNo::Yes;
        b.events.months_without_income = "2".into();
        for u in b.unanswered() {
            assert!(crate::i18n::message(u.question).is_some(), "{}", u.question);
        }
        // A new screening (age not known yet): 残疾证, 重特大疾病, 在上学吗, 工作情况, 生活能自理吗,
        // 非住宅房产, 注册公司, 突发事件, 支出骤增, 失业保险, 收入因就业增加.
        assert_eq!(b.unanswered().len(), 11, "{:?}", b.unanswered());
    }

    /// Changzhi's own questions start unanswered too, and are listed while open.
    #[test]
    fn changzhi_questions_start_unanswered() {
        let mut a = filled();
        a.region = "140404".into();
        a.date = "2023-06-01".into();
        a.members[0].community_corrections = YesNo::Unanswered;
        a.events.monitored_at_risk = YesNo::Unanswered;
        let open: Vec<String> = a.unanswered().into_iter().map(|u| u.field).collect();
        assert_eq!(
            open,
            [
                "members[0].community_corrections",
                "circumstances.monitored_at_risk"
            ]
        );
        let h = a.to_household().unwrap();
        assert_eq!(h.members[0].community_corrections, Fact::Unknown);
        assert_eq!(h.circumstances.monitored_at_risk, Fact::Unknown);
        let (v1, _) = Answers::restore(
            r#"{"v":1,"r":"140404","u":"urban","m":[{"id":"m1","rel":"applicant","age":"40"}]}"#,
        )
        .unwrap();
        assert_eq!(v1.members[0].community_corrections, YesNo::No);
        assert_eq!(v1.events.monitored_at_risk, YesNo::No);
    }

    /// 残疾证, 是否长期一起生活, 在上学吗, 工作情况, 生活能自理吗 and 突发事件 start unanswered
    /// ("请选择"); each is read as "don't know" (living is required: the result waits for it)
    /// and listed until answered.
    #[test]
    fn list_questions_start_unanswered_and_count_as_not_known() {
        let mut a = filled();
        a.members[0].disability.clear();
        a.members[0].work = None;
        a.events.sudden_event.clear();
        let mut son = MemberAnswers::new("m2", Relation::Child);
        son.age = "17".into();
        son.serious_illness = YesNo::No;
        a.members.push(son);
        let open: Vec<String> = a.unanswered().into_iter().map(|u| u.field).collect();
        assert_eq!(
            open,
            [
                "members[0].disability",
                "members[0].work",
                "members[1].disability",
                "members[1].schooling",
                "members[1].work",
                "members[1].self_care",
                "circumstances.sudden_event",
            ]
        );
        // The applicant is never asked whether they live with the household; anyone else must
        // answer it before there is a result.
        let e = only_error(&a, "members[1].living");
        assert!(e.blank);
        assert!(e.zh.contains("长期一起生活"), "{}", e.zh);
        a.members[1].living = Some(Living::Together);
        let h = a.to_household().unwrap();
        assert_eq!(h.members[0].disability, Fact::Unknown);
        assert_eq!(h.members[0].work, Fact::Unknown);
        assert_eq!(h.members[1].schooling, Fact::Unknown);
        assert_eq!(h.members[1].self_care, Fact::Unknown);
        assert_eq!(h.circumstances.sudden_event, Fact::Unknown);
        // A sudden event not answered keeps temporary relief open, and names it.
        let ev = evaluate_on(&h, Date::new(2022, 11, 1).unwrap()).unwrap();
        let relief = ev.scheme(SchemeId::TemporaryRelief);
        assert_eq!(relief.status, Status::Possible);
        assert!(
            relief
                .to_check
                .iter()
                .any(|c| c.text.zh.contains("突发事件")),
            "{:?}",
            relief.to_check
        );
        // Answered: nothing is open, and the answers are the facts.
        answer_no_to_the_rest(&mut a);
        assert!(a.unanswered().is_empty());
        let h = a.to_household().unwrap();
        assert_eq!(h.members[0].disability, Fact::Known(None));
        assert_eq!(h.members[1].schooling, Fact::Known(Schooling::None));
        assert_eq!(h.circumstances.sudden_event, Fact::Known(None));
        // The words of every listed question exist in both languages.
        for key in [
            "members.disability",
            "members.schooling",
            "members.work",
            "members.self_care",
            "events.sudden",
        ] {
            assert_ne!(crate::i18n::t(Lang::En, key), key);
        }
    }

    #[test]
    fn relation_of_an_added_member_starts_unanswered_and_the_result_waits_for_it() {
        // 民发〔2021〕57号 第九条: who counts depends on the relation (a spouse counts while living
        // away, another relative only when living together), so it is never assumed.
        let mut a = filled();
        let mut added = MemberAnswers::new("m2", Relation::Applicant);
        added.relation = None;
        added.age = "50".into();
        added.living = Some(Living::Apart);
        a.members.push(added);
        let e = only_error(&a, "members[1].relation");
        assert!(e.blank);
        assert!(e.zh.contains("关系"), "{}", e.zh);
        assert!(e.en.contains("related"), "{}", e.en);
        // Saved and read back, it is still unanswered (not the first choice of the list).
        let text = serde_json::to_string(&a).unwrap();
        let back: Answers = serde_json::from_str(&text).unwrap();
        assert_eq!(back.members[1].relation, None);
        // Answered "spouse", the husband working away counts; answered "sibling", he does not.
        a.members[1].relation = Some(Relation::Spouse);
        assert!(a.members[1].is_counted());
        a.members[1].relation = Some(Relation::Sibling);
        assert!(!a.members[1].is_counted());
    }

    /// The type of a new income item starts on "请选择": the item is listed as open ("第1笔收入的
    /// 类型", about its member) and reaches the engine as `type` unknown — counted from nothing to
    /// the full amount, so a result it decides is `possible` and names it — never as wages.
    #[test]
    fn income_type_starts_unanswered_and_counts_as_not_known() {
        let mut a = filled();
        a.members[0].income[0] = IncomeAnswer {
            amount: "3000".into(),
            ..IncomeAnswer::default()
        };
        assert_eq!(a.members[0].income[0].kind, None);
        let open = a.unanswered();
        assert_eq!(open.len(), 1, "{open:?}");
        assert_eq!(open[0].field, "members[0].income[0].type");
        assert_eq!(open[0].question, "open.income_type");
        assert_eq!(open[0].member, Some(0));
        for lang in [Lang::Zh, Lang::En] {
            let q = tf(lang, open[0].question, &[("n", "1")]);
            assert!(q.contains('1') && !q.contains("{n}"), "{q}");
        }
        let h = a.to_household().unwrap();
        assert_eq!(h.members[0].income[0].kind, Fact::Unknown);
        // Xishan 2022, standard 700: a kind not counted (0) would be below it, wages or business
        // income of 3000 far above it: dibao is possible, and the item is named.
        let ev = evaluate_on(&h, Date::new(2022, 11, 1).unwrap()).unwrap();
        let dibao = ev.scheme(SchemeId::Dibao);
        assert_eq!(dibao.status, Status::Possible);
        assert!(
            dibao
                .to_check
                .iter()
                .any(|c| c.text.zh.contains("第1笔收入") && c.text.zh.contains("收入类型")),
            "{:?}",
            dibao.to_check
        );
        // Chosen: the answer is the fact, nothing is open, and the result is firm either way.
        for (kind, status) in [
            (IncomeKind::Wages, Status::Unlikely),
            (IncomeKind::Scholarship, Status::Likely),
        ] {
            a.members[0].income[0].kind = Some(kind);
            assert!(a.unanswered().is_empty());
            let h = a.to_household().unwrap();
            assert_eq!(h.members[0].income[0].kind, Fact::Known(kind));
            let ev = evaluate_on(&h, Date::new(2022, 11, 1).unwrap()).unwrap();
            assert_eq!(ev.scheme(SchemeId::Dibao).status, status, "{kind:?}");
        }
        // Saved and read back, a type not chosen stays not chosen.
        a.members[0].income[0].kind = None;
        let (back, p) = Answers::restore(&a.to_json()).unwrap();
        assert_eq!(p, None);
        assert_eq!(back.members[0].income[0].kind, None);
        // Income of a member not counted is not asked about.
        a.members[0].income[0].kind = Some(IncomeKind::Wages);
        let mut away = MemberAnswers::new("m2", Relation::Sibling);
        away.living = Some(Living::Apart);
        away.income.push(IncomeAnswer::default());
        a.members.push(away);
        assert!(
            !a.unanswered().iter().any(|u| u.field.contains("income")),
            "{:?}",
            a.unanswered()
        );
    }

    /// Versions 1–3 always saved the type of an income item (a new item started on 工资): it is
    /// kept, and an item saved without one is read as 工资, what the form showed. The other
    /// answers of version 3 are read as saved (its unanswered list questions stay unanswered).
    #[test]
    fn version_3_income_types_are_kept() {
        let v3 = r#"{"v":3,"r":"530112","u":"urban","m":[{"id":"m1","rel":"applicant","age":"45","inc":[{"t":"farming","amt":"18000","per":"year"},{"t":"wages","amt":"600"},{"amt":"100"}]}],"a":{"vval":"90000","vdis":true},"e":{"dibao":true}}"#;
        let (a, p) = Answers::restore(v3).unwrap();
        assert_eq!(p, Some(RestoreProblem::Migrated { from: 3 }));
        assert_eq!(a.v, VERSION);
        let kinds: Vec<_> = a.members[0].income.iter().map(|i| i.kind).collect();
        assert_eq!(
            kinds,
            [
                Some(IncomeKind::Farming),
                Some(IncomeKind::Wages),
                Some(IncomeKind::Wages)
            ]
        );
        assert_eq!(a.members[0].income[0].period, Period::Year);
        // Tick boxes: ticked is "是", left out (unticked) is "否" — what the form showed.
        assert_eq!(a.assets.vehicle_for_disability, YesNo::Yes);
        assert_eq!(a.events.on_dibao, YesNo::Yes);
        assert_eq!(a.events.application_pending, YesNo::No);
        assert_eq!(
            a.members[0].disability, "",
            "a v3 unanswered stays unanswered"
        );
        assert_eq!(a.members[0].work, None);
        assert!(!a.unanswered().iter().any(|u| u.field.contains(".income[")));
        // Saved again as version 4, the types are written out and read back the same.
        let again = Answers::restore(&a.to_json()).unwrap();
        assert_eq!(again, (a, None));
        // The same item in version 4 without a type is not chosen.
        let v4 = v3.replace(r#""v":3"#, r#""v":4"#);
        let (b, p) = Answers::restore(&v4).unwrap();
        assert_eq!(p, None);
        assert_eq!(b.members[0].income[2].kind, None);
        assert_eq!(b.events.application_pending, YesNo::Unanswered);
        assert_eq!(
            b.events.on_dibao,
            YesNo::Unanswered,
            "version 4 does not read the old tick box"
        );
    }

    /// 家里现在正在领低保吗, 已经申请了低保、正在审核吗 and 这辆车是残疾人的代步车吗 were tick boxes whose
    /// blank read as "否": now questions that start unanswered, read as "don't know" (follow-ups
    /// of an open "on dibao?" too), listed while open, and the results they decide stay open.
    #[test]
    fn former_tick_boxes_start_unanswered() {
        let mut a = filled();
        // Wages of 3000 in Xishan 2022 (standard 700): above the line, as a household in the
        // phase-out would be.
        a.members[0].income[0].amount = "3000".into();
        a.events.on_dibao = YesNo::Unanswered;
        a.events.application_pending = YesNo::Unanswered;
        a.events.income_rose_from_work = YesNo::Unanswered;
        let open: Vec<String> = a.unanswered().into_iter().map(|u| u.field).collect();
        assert_eq!(open, ["circumstances.on_dibao"], "follow-ups wait for it");
        let h = a.to_household().unwrap();
        let c = &h.circumstances;
        assert_eq!(c.on_dibao, Fact::Unknown);
        assert_eq!(c.dibao_application_pending, Fact::Unknown);
        assert_eq!(c.income_rose_from_work, Fact::Unknown);
        let ev = evaluate_on(&h, Date::new(2022, 11, 1).unwrap()).unwrap();
        let exit = ev.scheme(SchemeId::GradualExit);
        assert_eq!(exit.status, Status::Possible);
        assert!(
            exit.to_check
                .iter()
                .any(|c| c.text.zh.contains("是否正在领取低保")),
            "{:?}",
            exit.to_check
        );
        let relief = ev.scheme(SchemeId::TemporaryRelief);
        assert_eq!(relief.status, Status::Possible);
        assert!(
            relief
                .to_check
                .iter()
                .any(|c| c.text.zh.contains("正在审核不清楚")),
            "{:?}",
            relief.to_check
        );
        // "否": the application question is asked (and listed until answered); answered "否" too,
        // the phase-out and relief are firm.
        a.events.on_dibao = YesNo::No;
        let open: Vec<String> = a.unanswered().into_iter().map(|u| u.field).collect();
        assert_eq!(open, ["circumstances.dibao_application_pending"]);
        a.events.application_pending = YesNo::No;
        let ev = evaluate_on(&a.to_household().unwrap(), Date::new(2022, 11, 1).unwrap()).unwrap();
        assert_eq!(ev.scheme(SchemeId::GradualExit).status, Status::Unlikely);
        assert_eq!(
            ev.scheme(SchemeId::TemporaryRelief).status,
            Status::Unlikely
        );
        // The vehicle question: only with a disabled member and a vehicle.
        a.members[0].disability = "physical".into();
        a.members[0].level = "2".into();
        assert!(!a.asks_vehicle_for_disability(), "no vehicle");
        a.assets.vehicle_bought_12m_price = "80000".into();
        a.assets.vehicle_for_disability = YesNo::Unanswered;
        assert!(a.asks_vehicle_for_disability());
        assert!(a
            .unanswered()
            .iter()
            .any(|u| u.field == "assets.vehicle_for_disability"));
        let h = a.to_household().unwrap();
        assert_eq!(h.assets.vehicle_for_disability, Fact::Unknown);
        a.assets.vehicle_for_disability = YesNo::Yes;
        let h = a.to_household().unwrap();
        assert_eq!(h.assets.vehicle_for_disability, Fact::Known(true));
    }

    /// Version 2 answers left out the choice a list question started on: what the resident saw
    /// selected is kept as their answer, and they are asked to check.
    #[test]
    fn version_2_answers_keep_what_the_form_showed() {
        let v2 = r#"{"v":2,"r":"530112","u":"urban","m":[{"id":"m1","rel":"applicant","age":"45","ill":"n"},{"id":"m2","rel":"child","age":"20","liv":"apart","sch":"undergraduate","ill":"n"}],"e":{"spike":"n"}}"#;
        let (a, p) = Answers::restore(v2).unwrap();
        assert_eq!(p, Some(RestoreProblem::Migrated { from: 2 }));
        assert_eq!(a.v, VERSION);
        let m = &a.members;
        assert_eq!(m[0].disability, NO_DISABILITY);
        assert_eq!(m[0].work, Some(Work::NotWorking));
        assert_eq!(m[0].self_care, Some(SelfCare::Full));
        assert_eq!(m[1].living, Some(Living::Apart), "a saved choice stays");
        assert_eq!(m[1].schooling, Some(Schooling::Undergraduate));
        assert_eq!(a.events.sudden_event, NO_EVENT);
        let open: Vec<String> = a.unanswered().into_iter().map(|u| u.field).collect();
        assert!(
            !open.iter().any(|f| f.ends_with("disability")
                || f.ends_with("work")
                || f.ends_with("sudden_event")),
            "{open:?}"
        );
        // Saved again, the choices are written out, and read back the same.
        let again = Answers::restore(&a.to_json()).unwrap();
        assert_eq!(again, (a, None));
    }

    #[test]
    fn version_1_answers_keep_their_no() {
        // Version 1 left "否" out: the resident saw "否" selected, so it stays "否".
        let v1 = r#"{"v":1,"r":"530112","u":"urban","m":[{"id":"m1","rel":"applicant","age":"45","ill":"?"}],"a":{"biz":"y"}}"#;
        let (a, p) = Answers::restore(v1).unwrap();
        assert_eq!(p, Some(RestoreProblem::Migrated { from: 1 }));
        assert_eq!(a.v, VERSION);
        assert_eq!(a.members[0].serious_illness, YesNo::Unknown);
        assert_eq!(a.members[0].bedridden, YesNo::No);
        assert_eq!(a.assets.business, YesNo::Yes);
        assert_eq!(a.assets.non_residential, YesNo::No);
        assert_eq!(a.events.spending_spike, YesNo::No);
        assert_eq!(a.events.unemployment_insurance, YesNo::No);
        // Version 2 leaves unanswered out, and reads it back as unanswered.
        let (b, p) = Answers::restore(&Answers::default().to_json()).unwrap();
        assert_eq!(p, None);
        assert_eq!(b.assets.non_residential, YesNo::Unanswered);
        let mut c = Answers::default();
        c.assets.non_residential = YesNo::No;
        let (c2, _) = Answers::restore(&c.to_json()).unwrap();
        assert_eq!(c2.assets.non_residential, YesNo::No, "a v2 \"否\" is saved");
    }

    #[test]
    fn numbers_are_read_as_the_resident_meant_them() {
        let money = |s: &str| parse_money(s).unwrap().unwrap();
        let known = |n: i64| Fact::Known(Decimal::from(n));
        assert_eq!(money("1.5万"), known(15_000));
        assert_eq!(money("1,500元"), known(1_500));
        assert_eq!(money("１５００"), known(1_500));
        assert_eq!(money("1500块"), known(1_500));
        assert_eq!(money("1500 块钱"), known(1_500));
        assert_eq!(money("3千"), known(3_000));
        assert_eq!(money("２万"), known(20_000));
        assert_eq!(money("1.23456万"), Fact::Known(Decimal::new(1234560, 2)));
        assert_eq!(money("1.234567万"), Fact::Known(Decimal::new(1234567, 2)));
        assert_eq!(
            parse_money("1.2345678万"),
            Err(NumberProblem::TooManyDecimals)
        );
        assert_eq!(parse_money("万"), Err(NumberProblem::NotANumber));
        assert_eq!(parse_money("1万万"), Err(NumberProblem::NotANumber));
        assert_eq!(parse_count("72岁"), Ok(Count::Known(72)));
        assert_eq!(parse_count("７２ 周岁"), Ok(Count::Known(72)));
        assert_eq!(parse_count("3个月"), Ok(Count::Known(3)));
        assert_eq!(parse_count("1套"), Ok(Count::Known(1)));
        assert_eq!(parse_count("岁"), Err(NumberProblem::NotANumber));
        let mut a = filled();
        a.members[0].age = "72岁".into();
        a.members[0].income[0].amount = "1.5万".into();
        let h = a.to_household().unwrap();
        assert_eq!(h.members[0].age, Fact::Known(72));
        assert_eq!(h.members[0].income[0].amount, known(15_000));
    }

    #[test]
    fn error_examples_fit_the_field() {
        let mut a = filled();
        a.members[0].age = "七十".into();
        let e = only_error(&a, "members[0].age");
        assert!(e.zh.contains("72") && !e.zh.contains("1200"), "{}", e.zh);
        assert!(e.en.contains("age"), "{}", e.en);
        a.members[0].age = "-3".into();
        let e = only_error(&a, "members[0].age");
        assert!(!e.zh.contains("金额"), "{}", e.zh);
        let mut a = filled();
        a.assets.homes = "一套".into();
        let e = only_error(&a, "assets.homes");
        assert!(
            e.zh.contains("例如 2") && !e.zh.contains("1200"),
            "{}",
            e.zh
        );
        let mut a = filled();
        a.members[0].income[0].amount = "六百".into();
        let e = only_error(&a, "members[0].income[0].amount");
        assert!(e.zh.contains("1200"), "{}", e.zh);
    }

    #[test]
    fn a_yearly_looking_monthly_amount_is_asked_about() {
        let mut a = filled();
        a.members[0].income.push(IncomeAnswer {
            kind: Some(IncomeKind::Farming),
            amount: "18000".into(),
            ..IncomeAnswer::default()
        });
        let checks = a.sense_checks();
        assert_eq!(checks.len(), 1);
        assert_eq!(checks[0].field, "members[0].income[1].amount");
        // It asks, it does not block: the answers still evaluate.
        assert!(a.to_household().is_ok());
        // One tap: it was per year.
        a.members[0].income[1].period = Period::Year;
        assert!(a.sense_checks().is_empty());
        // Or: yes, it is per month.
        a.members[0].income[1].period = Period::Month;
        a.members[0].income[1].per_month_confirmed = true;
        assert!(a.sense_checks().is_empty());
        // Wages of 18,000 a month are not questioned; farming of 4,000 a month is not either.
        a.members[0].income[1] = IncomeAnswer {
            kind: Some(IncomeKind::Wages),
            amount: "18000".into(),
            ..IncomeAnswer::default()
        };
        assert!(a.sense_checks().is_empty());
        a.members[0].income[1] = IncomeAnswer {
            kind: Some(IncomeKind::Farming),
            amount: "4000".into(),
            ..IncomeAnswer::default()
        };
        assert!(a.sense_checks().is_empty());
        a.members[0].income[1].kind = Some(IncomeKind::ResidentBasicPension);
        a.members[0].income[1].amount = "1416".into();
        assert_eq!(a.sense_checks().len(), 1);
    }

    fn errors(a: &Answers) -> Vec<FieldError> {
        a.to_household().expect_err("answers must be rejected")
    }

    fn only_error(a: &Answers, field: &str) -> FieldError {
        let e = errors(a);
        assert_eq!(e.len(), 1, "expected one error on {field}, got {e:?}");
        assert_eq!(e[0].field, field);
        assert!(!e[0].zh.is_empty() && !e[0].en.is_empty());
        assert!(
            !e[0].zh.contains("err."),
            "message key not in catalogue: {}",
            e[0].zh
        );
        e[0].clone()
    }

    #[test]
    fn filled_answers_become_the_engines_household() {
        let h = filled().to_household().expect("valid");
        assert_eq!(h.region, "530112");
        assert_eq!(h.members.len(), 1);
        assert_eq!(h.members[0].age, Fact::Known(45));
        assert_eq!(
            h.members[0].income[0].amount,
            Fact::Known(Decimal::from(600))
        );
        // 600 < 700 (Xishan urban standard, 2022): dibao likely.
        let ev = evaluate_on(&h, Date::new(2022, 11, 1).unwrap()).unwrap();
        assert_eq!(ev.scheme(SchemeId::Dibao).status, Status::Likely);
    }

    #[test]
    fn a_standard_the_resident_typed_is_used_credited_and_kept() {
        // 天河区 (no data anywhere in Guangdong): the resident read 1,200 a month on a notice
        // board, in force from July 2024. Income 600 < 1200 → dibao is no longer unknown.
        let mut a = filled();
        a.region = "440106".into();
        a.date = "2025-01-01".into();
        a.local_standard = LocalStandard {
            name: "dibao_urban_monthly".into(),
            amount: "1200".into(),
            month: "2024-07".into(),
        };
        let h = a.to_household().expect("valid");
        let ev = evaluate_on(&h, Date::new(2025, 1, 1).unwrap()).unwrap();
        let used = ev
            .parameters
            .iter()
            .find(|p| p.name == "dibao_urban_monthly")
            .expect("the standard is used");
        assert_eq!(used.value, serde_json::json!("1200"));
        assert_eq!(used.effective, Date::new(2024, 7, 1));
        assert!(used.source.document.to_string().contains("您提供的"));
        assert!(used.source.document.to_string().contains("provided by you"));
        let notes = serde_json::to_string(&ev).unwrap();
        assert!(notes.contains("您提供的，2024-07-01起执行"), "{notes}");
        // Saved with the answers and read back from the household (the hand-over link).
        let back = Answers::from_household(&h);
        assert_eq!(back.local_standard, a.local_standard);
        let (restored, _) = Answers::restore(&a.to_json()).unwrap();
        assert_eq!(restored.local_standard, a.local_standard);
        assert!(a
            .to_json()
            .contains(r#""ls":"dibao_urban_monthly|2024-07|1200""#));
        // An amount typed with a "|" survives; a mangled saved text reads as nothing typed.
        let odd = LocalStandard::from(String::from("dibao_urban_monthly|2024-07|12|00"));
        assert_eq!(odd.amount, "12|00");
        assert_eq!(
            LocalStandard::from(String::from("x")),
            LocalStandard::default()
        );
        // For the other (rural) standard it does not apply.
        a.residence = Some(Residence::Rural);
        assert!(a.to_household().unwrap().params.is_empty());
    }

    #[test]
    fn a_bad_local_standard_is_named() {
        let mut a = filled();
        a.local_standard = LocalStandard {
            name: "dibao_urban_monthly".into(),
            amount: "abc".into(),
            month: String::new(),
        };
        only_error(&a, "local_standard.amount");
        a.local_standard = LocalStandard {
            name: "dibao_urban_monthly".into(),
            amount: "800".into(),
            month: "2023-13".into(),
        };
        only_error(&a, "local_standard.month");
        // After the screening date (2022-11-01).
        a.local_standard.month = "2023-01".into();
        only_error(&a, "local_standard.month");
    }

    #[test]
    fn phone_keyboard_numbers_are_read() {
        let mut a = filled();
        a.members[0].income[0].amount = "１，２００．５".into();
        a.members[0].age = " ４５ ".into();
        let h = a.to_household().unwrap();
        assert_eq!(
            h.members[0].income[0].amount,
            Fact::Known(Decimal::new(12005, 1))
        );
        assert_eq!(h.members[0].age, Fact::Known(45));
    }

    #[test]
    fn negative_amount_is_named() {
        let mut a = filled();
        a.members[0].income[0].amount = "-5".into();
        let e = only_error(&a, "members[0].income[0].amount");
        assert!(e.zh.contains("负"), "{}", e.zh);
        assert!(e.en.contains("negative"), "{}", e.en);
    }

    #[test]
    fn letters_in_a_number_are_named_and_quoted() {
        let mut a = filled();
        a.members[0].income[0].amount = "12a".into();
        let e = only_error(&a, "members[0].income[0].amount");
        assert!(e.zh.contains("12a") && e.en.contains("12a"), "{e:?}");
        a.members[0].income[0].amount = "1.2.3".into();
        only_error(&a, "members[0].income[0].amount");
    }

    #[test]
    fn more_than_two_decimals_is_named() {
        let mut a = filled();
        a.members[0].income[0].amount = "10.123".into();
        let e = only_error(&a, "members[0].income[0].amount");
        assert!(e.en.contains("fen") || e.en.contains("decimal"), "{}", e.en);
        a.members[0].income[0].amount = "10.120".into();
        assert!(
            a.to_household().is_ok(),
            "a trailing zero is still two decimals"
        );
    }

    #[test]
    fn amount_over_the_engine_limit_is_named() {
        let mut a = filled();
        a.members[0].income[0].amount = (MAX_AMOUNT + 1).to_string();
        let e = only_error(&a, "members[0].income[0].amount");
        assert!(e.zh.contains(&MAX_AMOUNT.to_string()), "{}", e.zh);
        a.members[0].income[0].amount = MAX_AMOUNT.to_string();
        assert!(a.to_household().is_ok());
    }

    #[test]
    fn age_200_is_out_of_range() {
        let mut a = filled();
        a.members[0].age = "200".into();
        let e = only_error(&a, "members[0].age");
        assert!(
            e.zh.contains("200") && e.zh.contains(&MAX_AGE.to_string()),
            "{}",
            e.zh
        );
        a.members[0].age = MAX_AGE.to_string();
        assert!(a.to_household().is_ok());
        a.members[0].age = "99999999999999999999999".into();
        only_error(&a, "members[0].age");
    }

    #[test]
    fn age_must_be_whole_and_given() {
        let mut a = filled();
        a.members[0].age = "3.5".into();
        only_error(&a, "members[0].age");
        a.members[0].age = "".into();
        let e = only_error(&a, "members[0].age");
        assert!(e.blank, "a blank age is a missing answer, not a wrong one");
        a.members[0].age = "?".into();
        assert_eq!(a.to_household().unwrap().members[0].age, Fact::Unknown);
    }

    #[test]
    fn more_than_30_members_is_named() {
        let mut a = filled();
        for n in 0..MAX_MEMBERS {
            let mut m = MemberAnswers::new(&format!("x{n}"), Relation::Child);
            m.age = "5".into();
            m.living = Some(Living::Together);
            a.members.push(m);
        }
        assert_eq!(a.members.len(), MAX_MEMBERS + 1);
        let e = only_error(&a, "members");
        assert!(e.zh.contains(&MAX_MEMBERS.to_string()));
        a.members.pop();
        assert!(a.to_household().is_ok());
    }

    #[test]
    fn household_of_nobody_and_no_applicant() {
        let mut a = filled();
        a.members.clear();
        let e = only_error(&a, "members");
        assert!(e.en.contains("at least one person"), "{}", e.en);

        let mut a = filled();
        a.members[0].relation = Some(Relation::Spouse);
        a.members[0].living = Some(Living::Together);
        let e = only_error(&a, "members");
        assert!(e.en.contains("applicant"), "{}", e.en);

        let mut a = filled();
        let mut m = MemberAnswers::new("m2", Relation::Applicant);
        m.age = "40".into();
        a.members.push(m);
        only_error(&a, "members");

        // The applicant is not asked whether they live with the household: an answer kept from
        // an older version (in prison) is not read, and the applicant is counted.
        let mut a = filled();
        a.members[0].living = Some(Living::Prison);
        assert!(a.members[0].is_counted());
        assert_eq!(a.to_household().unwrap().members[0].excluded, None);
    }

    #[test]
    fn missing_place_is_reported_as_blank() {
        let mut a = filled();
        a.region.clear();
        a.residence = None;
        let e = errors(&a);
        assert_eq!(e.len(), 2);
        assert!(e.iter().all(|e| e.blank));
        assert_eq!(e[0].field, "region");
        assert_eq!(e[1].field, "residence");
    }

    #[test]
    fn the_engine_still_checks_what_the_form_does_not() {
        let mut a = filled();
        a.region = "999999".into();
        let e = only_error(&a, "region");
        assert!(e.zh.contains("999999"));
        let mut a = filled();
        a.assets.homes = "1".into();
        a.assets.relocation_homes = "2".into();
        only_error(&a, "assets.relocation_homes");
        let mut a = filled();
        a.date = "2001-01-01".into();
        only_error(&a, "as_of");
        a.date = "2022-13-01".into();
        only_error(&a, "as_of");
    }

    #[test]
    fn all_errors_are_reported_at_once_and_nothing_is_lost() {
        let mut a = filled();
        a.members[0].age = "abc".into();
        a.assets.financial = "-1".into();
        let before = a.clone();
        let e = errors(&a);
        let fields: Vec<&str> = e.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["members[0].age", "assets.financial"]);
        assert_eq!(a, before);
    }

    #[test]
    fn i_dont_know_becomes_unknown_and_possible() {
        let mut a = filled();
        a.members[0].income[0].amount = "?".into();
        let h = a.to_household().unwrap();
        assert_eq!(h.members[0].income[0].amount, Fact::Unknown);
        let ev = evaluate_on(&h, Date::new(2022, 11, 1).unwrap()).unwrap();
        assert_eq!(ev.scheme(SchemeId::Dibao).status, Status::Possible);
    }

    #[test]
    fn skipped_questions_do_not_count() {
        let mut a = filled();
        // A rehabilitation cost typed, then the disability removed: the question is gone.
        a.expenses.rehab = "500".into();
        assert_eq!(
            a.to_household().unwrap().expenses.disability_rehab,
            Fact::Known(Decimal::ZERO)
        );
        a.members[0].disability = "physical".into();
        a.members[0].level = "2".into();
        assert_eq!(
            a.to_household().unwrap().expenses.disability_rehab,
            Fact::Known(Decimal::from(500))
        );
        // Supporters are asked of a 45-year-old only because of the disability.
        assert!(asks_supporters(&a.members[0]));
        a.members[0].disability.clear();
        assert!(!asks_supporters(&a.members[0]));
        a.members[0].supporters = Supporters::None;
        assert_eq!(a.to_household().unwrap().members[0].obligors, Fact::Unknown);
        // A bad answer to a skipped question is not an error either.
        a.expenses.rehab = "abc".into();
        assert!(a.to_household().is_ok());
    }

    #[test]
    fn skip_rules_by_age() {
        let mut m = MemberAnswers::new("m1", Relation::Applicant);
        m.age = "78".into();
        assert!(asks_supporters(&m) && !asks_schooling(&m) && asks_work(&m));
        m.age = "10".into();
        assert!(asks_supporters(&m) && asks_schooling(&m) && !asks_work(&m));
        m.age = "40".into();
        assert!(!asks_supporters(&m) && !asks_schooling(&m) && asks_work(&m));
        m.age = "?".into();
        assert!(asks_supporters(&m) && asks_schooling(&m) && asks_work(&m));
        m.age = "40".into();
        m.relation = Some(Relation::Sibling);
        m.living = Some(Living::Apart);
        m.disability = "?".into();
        assert!(!asks_supporters(&m), "not counted: no 特困 questions");
    }

    #[test]
    fn income_of_people_not_counted_is_not_read() {
        let mut a = filled();
        let mut m = MemberAnswers::new("m2", Relation::Sibling);
        m.age = "40".into();
        m.living = Some(Living::Apart);
        m.income.push(IncomeAnswer {
            amount: "bad".into(),
            ..IncomeAnswer::default()
        });
        a.members.push(m);
        let h = a.to_household().unwrap();
        assert!(h.members[1].income.is_empty());
        assert!(!h.members[1].lives_together);
    }

    #[test]
    fn spouse_working_away_is_family_and_their_income_is_read() {
        // 民发〔2021〕57号 第九条: the spouse counts whether or not they live at home.
        let mut a = filled();
        let mut m = MemberAnswers::new("m2", Relation::Spouse);
        m.age = "40".into();
        m.living = Some(Living::Apart);
        m.income.push(IncomeAnswer {
            kind: Some(IncomeKind::Wages),
            amount: "2000".into(),
            ..IncomeAnswer::default()
        });
        a.members.push(m);
        assert!(a.members[1].is_counted());
        let h = a.to_household().unwrap();
        assert_eq!(h.members[1].income.len(), 1);
        assert!(!h.members[1].lives_together);
    }

    #[test]
    fn supporter_answers_drive_tekun() {
        let sample = samples::get("xishan_tekun_elder").unwrap();
        let h = crate::rules::validate::parse(sample.json).unwrap();
        let today = Date::new(2022, 11, 1).unwrap();
        let mut a = Answers::from_household(&h);
        assert_eq!(a.members[0].supporters, Supporters::None);
        let status = |a: &Answers| {
            let ev = evaluate_on(&a.to_household().unwrap(), today).unwrap();
            ev.scheme(SchemeId::Tekun).status
        };
        assert_eq!(status(&a), Status::Likely);
        a.members[0].supporters = Supporters::Able;
        assert_eq!(status(&a), Status::Unlikely);
        a.members[0].supporters = Supporters::Unknown;
        assert_eq!(status(&a), Status::Possible);
        for s in [
            Supporters::Tekun,
            Supporters::Dibao60,
            Supporters::Old70LowIncome,
            Supporters::SevereDisabilityLowIncome,
            Supporters::Incapacitated,
        ] {
            a.members[0].supporters = s;
            assert_eq!(status(&a), Status::Likely, "{s:?}: supporter unable");
            let back = Answers::from_household(&a.to_household().unwrap());
            assert_eq!(back.members[0].supporters, s, "round trip of {s:?}");
        }
    }

    /// Every sample household survives household → answers → household, and gives the same
    /// statuses (the staff demo loads samples into the form this way).
    #[test]
    fn every_sample_round_trips_with_the_same_result() {
        for s in samples::all() {
            let h = crate::rules::validate::parse(s.json).unwrap();
            let a = Answers::from_household(&h);
            let back = a
                .to_household()
                .unwrap_or_else(|e| panic!("sample {} does not round-trip: {e:?}", s.id));
            let today = Date::new(2024, 1, 1).unwrap();
            let st = |h: &Household| {
                evaluate_on(h, today)
                    .unwrap()
                    .schemes
                    .iter()
                    .map(|r| (r.scheme, r.status))
                    .collect::<Vec<_>>()
            };
            assert_eq!(st(&h), st(&back), "sample {}", s.id);
            // And the saved form restores to the same answers.
            let (restored, problem) = Answers::restore(&a.to_json()).unwrap();
            assert_eq!(restored, a, "sample {}", s.id);
            assert_eq!(problem, None);
        }
    }

    #[test]
    fn saved_form_is_compact_and_versioned() {
        let json = Answers::default().to_json();
        assert!(json.starts_with("{\"v\":4"), "{json}");
        assert!(json.len() < 60, "defaults are left out: {json}");
        let json = filled().to_json();
        assert!(
            !json.contains("expenses") && !json.contains("together"),
            "{json}"
        );
    }

    #[test]
    fn restore_corrupt_and_foreign_data() {
        for bad in [
            "",
            "{",
            "null",
            "[]",
            "42",
            "{\"v\":\"one\"}",
            "{\"m\":[]}",
            "{\"v\":4,\"m\":7}",
            "{\"v\":4,\"m\":[{\"id\":\"m1\"},{\"id\":\"m1\"}]}",
        ] {
            assert_eq!(
                Answers::restore(bad),
                Err(RestoreProblem::Corrupt),
                "{bad:?}"
            );
        }
        assert_eq!(
            Answers::restore("{\"v\":99,\"m\":[]}"),
            Err(RestoreProblem::Newer { from: 99 })
        );
        assert_eq!(
            Answers::restore("{\"v\":0}"),
            Err(RestoreProblem::Outdated { from: 0 })
        );
    }

    #[test]
    fn restore_keeps_what_it_can_read() {
        // Unknown fields (from a later minor change) are ignored; missing ones default.
        let (a, p) = Answers::restore(
            "{\"v\":4,\"r\":\"530112\",\"m\":[{\"id\":\"m1\",\"rel\":\"applicant\",\"age\":\"7x\"}],\"zz\":1}",
        )
        .unwrap();
        assert_eq!(p, None);
        assert_eq!(a.region, "530112");
        assert_eq!(a.members[0].age, "7x", "bad input is kept as typed");
    }

    #[test]
    fn restore_messages_exist_in_both_languages() {
        for p in [
            RestoreProblem::Corrupt,
            RestoreProblem::Migrated { from: 1 },
            RestoreProblem::Outdated { from: 0 },
            RestoreProblem::Newer { from: 9 },
        ] {
            for lang in [Lang::Zh, Lang::En] {
                let m = p.message(lang);
                assert!(!m.starts_with("restore."), "{m}");
            }
        }
    }

    #[test]
    fn duplicate_names_are_named() {
        let mut a = filled();
        a.members[0].name = "奶奶".into();
        let mut m = MemberAnswers::new("m2", Relation::Parent);
        m.age = "80".into();
        m.name = " 奶奶".into();
        m.living = Some(Living::Together);
        a.members.push(m);
        only_error(&a, "members[1].name");
    }

    #[test]
    fn disability_needs_a_level() {
        let mut a = filled();
        a.members[0].disability = "physical".into();
        let e = only_error(&a, "members[0].disability.level");
        assert!(e.blank);
        a.members[0].level = "1".into();
        let h = a.to_household().unwrap();
        assert_eq!(
            h.members[0].disability,
            Fact::Known(Some(Disability {
                kind: DisabilityKind::Physical,
                level: 1
            }))
        );
        a.members[0].level = "?".into();
        assert_eq!(
            a.to_household().unwrap().members[0].disability,
            Fact::Unknown
        );
    }

    /// Changzhi's own rules are asked about only in Changzhi, and the answers reach the engine
    /// and come back (issue 9, item 6).
    #[test]
    fn changzhi_asks_about_monitoring_and_community_correction() {
        let json = r#"{"region":"140404","residence":"urban","as_of":"2023-06-01",
            "members":[{"id":"a","relation":"applicant","age":40,"community_corrections":true}],
            "circumstances":{"monitored_at_risk":true}}"#;
        let h = crate::rules::validate::parse(json).unwrap();
        let a = Answers::from_household(&h);
        assert!(a.asks_monitored());
        assert!(a.asks_community_corrections(&a.members[0]));
        assert_eq!(a.events.monitored_at_risk, YesNo::Yes);
        assert_eq!(a.members[0].community_corrections, YesNo::Yes);
        let back = a.to_household().unwrap();
        assert_eq!(back.circumstances.monitored_at_risk, Fact::Known(true));
        assert_eq!(back.members[0].community_corrections, Fact::Known(true));

        let mut x = a.clone();
        x.region = "530112".into();
        assert!(!x.asks_monitored());
        assert!(!x.asks_community_corrections(&x.members[0]));
        let back = x.to_household().unwrap();
        assert_eq!(back.circumstances.monitored_at_risk, Fact::Known(false));
        assert_eq!(back.members[0].community_corrections, Fact::Known(false));
    }
}
