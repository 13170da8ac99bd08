//! One screening in progress: the household, its parameters, who counts, and the trace.

use super::date::Date;
use super::household::{Exclusion, Household, Member, Residence};
use super::membership::{membership, who, Facts};
use super::money::{yuan_en, yuan_zh, Range, TWELVE};
use super::outcome::{ExcludedMember, Reason, Source, Standing, Text, TraceLine};
use super::params::Resolved;
use super::resolved::HouseholdParams;
use super::sources;
use rust_decimal::Decimal;
use std::cell::{OnceCell, RefCell};

pub struct Ctx<'a> {
    pub h: &'a Household,
    /// The parameters in force, read by name of field: `ctx.params.edge_multiple()`.
    pub params: HouseholdParams,
    pub as_of: Date,
    /// 共同生活的家庭成员 counted in income and head count.
    pub counted: Vec<&'a Member>,
    pub excluded: Vec<ExcludedMember>,
    pub trace: RefCell<Vec<TraceLine>>,
    /// The household's plausible unpublished deduction for costs of working (worked out once,
    /// read by every scheme with an income line).
    slack: OnceCell<Option<super::lines::Slack>>,
}

/// The dibao standard that applies to this household, in both units.
#[derive(Debug, Clone, Copy)]
pub struct Standard {
    pub annual: Decimal,
    pub monthly: Decimal,
    /// Published for the region and current (not borrowed, stale or a reference).
    pub firm: bool,
    pub standing: Standing,
    /// The highest the real local standard plausibly is, per person per year (`annual` when
    /// firm; see [`lines`](super::lines)).
    pub upper_annual: Decimal,
}

impl<'a> Ctx<'a> {
    pub fn new(h: &'a Household, params: HouseholdParams, as_of: Date) -> Ctx<'a> {
        let mut counted = Vec::new();
        let mut excluded = Vec::new();
        for m in &h.members {
            let why = membership(Facts::of(m));
            if why.counted() {
                counted.push(m);
            } else {
                excluded.push(ExcludedMember {
                    member: m.id.clone(),
                    reason: why.text(),
                });
            }
        }
        Ctx {
            h,
            params,
            as_of,
            counted,
            excluded,
            trace: RefCell::new(Vec::new()),
            slack: OnceCell::new(),
        }
    }

    pub fn size(&self) -> Decimal {
        Decimal::from(self.counted.len() as u64)
    }

    /// Every parameter read so far, by name (the result's parameter list).
    pub fn used_params(&self) -> Vec<Resolved> {
        self.params.used()
    }

    pub fn note(&self, text: Text, source: Option<Source>) {
        if !super::outcome::explaining() {
            return;
        }
        self.trace.borrow_mut().push(TraceLine { text, source });
    }

    /// The dibao standard: urban monthly × 12, or the rural yearly figure.
    pub fn standard(&self) -> Option<Standard> {
        let r = self.params.dibao_standard(self.h.residence);
        let annual = match self.h.residence {
            Residence::Urban => r.number()? * TWELVE,
            Residence::Rural => r.number()?,
        };
        Some(Standard {
            annual,
            monthly: annual / TWELVE,
            firm: r.is_firm(),
            standing: r.standing,
            upper_annual: annual * super::lines::upper_factor(self, r),
        })
    }

    /// [`employment_slack`](super::lines::employment_slack) of every counted member, worked out
    /// once per household. `s`: the household's standard ([`Ctx::standard`]).
    pub fn household_slack(&self, s: &Standard) -> Option<&super::lines::Slack> {
        self.slack
            .get_or_init(|| super::lines::employment_slack(self, &self.counted, s))
            .as_ref()
    }

    /// What to check when the dibao standard is not published, borrowed, stale or a reference.
    pub fn standard_check(&self) -> Reason {
        let r = self.params.dibao_standard(self.h.residence);
        let region = self.params.region().name();
        if let Some(c) = self.standing_check(r) {
            return c;
        }
        match (r.number(), r.standing) {
            (Some(v), Standing::Reference) => Reason {
                text: text!(
                    format!(
                        "{}在{}的本地标准未公布，按上级参考值 {} 计算；以当地民政部门公布为准",
                        r.def.zh, region.zh, v
                    ),
                    format!(
                        "the local {} for {} is not published; computed with the reference value {} from a wider area — depends on local rules",
                        r.def.en, region.en, v
                    ),
                ),
                source: Some(r.source()),
            },
            _ => Reason {
                text: text!(
                    format!("{}在{}未公布：取决于当地规定，请向乡镇（街道）咨询", r.def.zh, region.zh),
                    format!(
                        "the {} for {} is not published: depends on local rules — ask the township office",
                        r.def.en, region.en
                    ),
                ),
                source: Some(r.source()),
            },
        }
    }

    /// The figure, where it comes from and its date, and what to confirm, for a borrowed
    /// (floor) or stale value; `None` for other standings.
    pub fn standing_check(&self, r: &Resolved) -> Option<Reason> {
        let v = r.number()?;
        if !super::outcome::explaining() {
            // Statuses only (batch): that there is something to check decides, not its words.
            return Some(Reason {
                text: Text::EMPTY,
                source: None,
            });
        }
        let home = self.params.region().name();
        let (fz, fe) = figure_text(r, v);
        let from = r.effective().map(|d| d.to_string()).unwrap_or_default();
        let (wz, we) = r
            .region
            .map(|g| (g.name_zh.clone(), g.name_en.clone()))
            .unwrap_or_default();
        let text = match (r.standing, r.replaced) {
            (Standing::Floor, Some((lr, le))) => {
                let old = le
                    .value
                    .as_ref()
                    .and_then(|x| super::params::parse_value(r.def, x).ok());
                let old = match old {
                    Some(super::params::Value::Number(o)) => figure_text(r, o),
                    _ => (String::new(), String::new()),
                };
                text!(
                    format!(
                        "{}公布的{} {}（{}起）低于{}{}起的指导标准 {}，地方标准不得低于上级标准，按 {} 计算：请向乡镇（街道）确认当地现行标准",
                        lr.name_zh, r.def.zh, old.0, le.effective, wz, from, fz, fz
                    ),
                    format!(
                        "the {} {} published by {} (from {}) is below {}'s guidance of {} from {}; a local standard cannot be below it, so {} was used — confirm the local standard now in force with the township office",
                        r.def.en, old.1, lr.name_en, le.effective, we, fe, from, fe
                    ),
                )
            }
            (Standing::Floor, None) => text!(
                format!(
                    "{}未公布{}，暂按{} {}（{}起）计算，这是下限：请向乡镇（街道）确认当地标准",
                    home.zh, r.def.zh, wz, fz, from
                ),
                format!(
                    "{} has not published its own {}; {}'s {} (from {}) was used — a minimum set by a higher level, the local figure may be higher: confirm the local standard with the township office",
                    home.en, r.def.en, we, fe, from
                ),
            ),
            (Standing::Stale, _) => {
                let months = r
                    .region
                    .and_then(|g| super::params::catalogue().review_months(&g.code))
                    .unwrap_or(12);
                text!(
                    format!(
                        "{}的{} {}（{}起）已超过约{}个月的调整周期，现行标准可能更高：请向乡镇（街道）确认当地现行标准",
                        wz, r.def.zh, fz, from, months
                    ),
                    format!(
                        "{}'s {} of {} (from {}) is older than the usual review period of about {} months; the standard now in force may be higher — confirm it with the township office",
                        we, r.def.en, fe, from, months
                    ),
                )
            }
            _ => return None,
        };
        Some(Reason {
            text,
            source: Some(r.source()),
        })
    }

    /// Checks for a parameter that is not firm (unknown, reference, borrowed or stale).
    pub fn param_check(&self, r: &Resolved) -> Reason {
        if let Some(c) = self.standing_check(r) {
            return c;
        }
        let region = self.params.region().name();
        let text = match r.number() {
            Some(v) => text!(
                format!(
                    "{}（{}）未见本地公布值，暂按参考值 {} 计算",
                    r.def.zh, region.zh, v
                ),
                format!(
                    "{} ({}) is not published locally; a reference value of {} was used",
                    r.def.en, region.en, v
                ),
            ),
            None => text!(
                format!("{}（{}）未公布：取决于当地规定", r.def.zh, region.zh),
                format!(
                    "{} ({}) is not published: depends on local rules",
                    r.def.en, region.en
                ),
            ),
        };
        Reason {
            text,
            source: Some(r.source()),
        }
    }
}

/// An amount per person as the household's standard is published: urban per month; rural per
/// year with the month alongside (`每人每年 6400.00元（每月 533.33元）`). `annual` is exact.
pub fn per_person_text(residence: Residence, annual: Decimal) -> Text {
    match residence {
        Residence::Urban => text!(yuan_zh(annual / TWELVE), yuan_en(annual / TWELVE)),
        Residence::Rural => text!(
            format!(
                "每年 {}（每月 {}）",
                yuan_zh(annual),
                yuan_zh(annual / TWELVE)
            ),
            format!(
                "{} a year ({} a month)",
                yuan_en(annual),
                yuan_en(annual / TWELVE)
            ),
        ),
    }
}

/// A parameter value with its unit, for reasons: `每人每月 700元` / `¥700.00 per person a month`.
pub fn figure_text(r: &Resolved, v: Decimal) -> (String, String) {
    match r.def.unit.as_str() {
        "yuan_per_person_month" => (
            format!("每人每月 {}", yuan_zh(v)),
            format!("{} per person a month", yuan_en(v)),
        ),
        "yuan_per_person_year" => (
            format!("每人每年 {}", yuan_zh(v)),
            format!("{} per person a year", yuan_en(v)),
        ),
        "ratio" => (
            format!("{}倍", v.normalize()),
            format!("{}×", v.normalize()),
        ),
        _ => (v.normalize().to_string(), v.normalize().to_string()),
    }
}

/// The head-count trace line, with the rule.
pub fn note_members(ctx: &Ctx) {
    if !super::outcome::explaining() {
        return;
    }
    let names: Vec<Text> = ctx.counted.iter().map(|m| who(ctx.h, m)).collect();
    let zh: Vec<&str> = names.iter().map(|t| t.zh.as_ref()).collect();
    let en: Vec<&str> = names.iter().map(|t| t.en.as_ref()).collect();
    ctx.note(
        text!(
            format!("共同生活的家庭成员 {} 人：{}", zh.len(), zh.join("、")),
            format!(
                "household members counted: {} ({})",
                en.len(),
                en.join("; ")
            ),
        ),
        Some(sources::household_members()),
    );
    // Who is counted although living away, and who is not counted, each with the rule.
    for m in &ctx.h.members {
        let why = membership(Facts::of(m));
        if why.counted_while_away() || !why.counted() {
            let (w, r) = (who(ctx.h, m), why.text());
            let verb = if why.counted() {
                ("计入", "counted")
            } else {
                ("不计入", "not counted")
            };
            ctx.note(
                text!(
                    format!("{}{}：{}", w.zh, verb.0, r.zh),
                    format!("{} {}: {}", w.en, verb.1, r.en),
                ),
                Some(sources::household_members()),
            );
        }
    }
    if ctx
        .counted
        .iter()
        .any(|m| m.excluded == Some(Exclusion::Conscript))
    {
        ctx.note(
            text!(
                "义务兵仍计入家庭成员：本省未规定排除（河南等省份排除）",
                "conscripts are still counted: this province does not exclude them (some, e.g. Henan, do)",
            ),
            Some(sources::household_members()),
        );
    }
}

/// Formats an annual range as a monthly amount for the trace.
pub fn monthly_text(r: Range) -> Text {
    match (r.exact_value(), r.high) {
        (Some(v), _) => text!(yuan_zh(v / TWELVE), yuan_en(v / TWELVE)),
        // Every amount known; whether one counts is not settled.
        (None, Some(h)) => text!(
            format!(
                "{}–{}（取决于尚未确定是否计入的收入）",
                yuan_zh(r.low / TWELVE),
                yuan_zh(h / TWELVE)
            ),
            format!(
                "{}–{} (depending on income whose counting is not settled)",
                yuan_en(r.low / TWELVE),
                yuan_en(h / TWELVE)
            ),
        ),
        (None, None) => text!(
            format!("至少 {}（部分金额不清楚）", yuan_zh(r.low / TWELVE)),
            format!(
                "at least {} (some amounts unknown)",
                yuan_en(r.low / TWELVE)
            ),
        ),
    }
}
