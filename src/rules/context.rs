//! One screening in progress: the household, its parameters, who counts, and the trace.

use super::date::Date;
use super::household::{Exclusion, Household, Member, Residence};
use super::membership::{membership, who, Facts};
use super::money::{yuan_en, yuan_zh, Range, TWELVE};
use super::outcome::{ExcludedMember, Reason, Source, Standing, Text, TraceLine};
use super::params::{Params, Resolved};
use super::sources;
use rust_decimal::Decimal;
use std::cell::RefCell;

pub struct Ctx<'a> {
    pub h: &'a Household,
    pub p: Params,
    pub as_of: Date,
    /// 共同生活的家庭成员 counted in income and head count.
    pub counted: Vec<&'a Member>,
    pub excluded: Vec<ExcludedMember>,
    /// Parameters looked up so far, by [`ParamDef::index`](super::params::ParamDef) (the
    /// result's parameter list).
    used: RefCell<Vec<bool>>,
    pub trace: RefCell<Vec<TraceLine>>,
}

/// The dibao standard that applies to this household, in both units.
#[derive(Debug, Clone, Copy)]
pub struct Standard {
    pub annual: Decimal,
    pub monthly: Decimal,
    /// Published for the region (not a reference from a wider area).
    pub firm: bool,
}

impl<'a> Ctx<'a> {
    pub fn new(h: &'a Household, p: Params, as_of: Date) -> Ctx<'a> {
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
            p,
            as_of,
            counted,
            excluded,
            used: RefCell::new(vec![false; super::params::catalogue().defs.len()]),
            trace: RefCell::new(Vec::new()),
        }
    }

    pub fn size(&self) -> Decimal {
        Decimal::from(self.counted.len() as u64)
    }

    /// Looks up a parameter and records it for the result's parameter list.
    pub fn param(&self, name: &str) -> Resolved {
        let r = self.p.get(name);
        self.used.borrow_mut()[r.def.index] = true;
        r
    }

    /// Every parameter looked up so far, by name.
    pub fn used_params(&self) -> Vec<Resolved> {
        let used = self.used.borrow();
        super::params::catalogue()
            .defs
            .values()
            .filter(|d| used[d.index])
            .map(|d| self.p.get(&d.name))
            .collect()
    }

    pub fn note(&self, text: Text, source: Option<Source>) {
        if !super::outcome::explaining() {
            return;
        }
        self.trace.borrow_mut().push(TraceLine { text, source });
    }

    /// The dibao standard: urban monthly × 12, or the rural yearly figure.
    pub fn standard(&self) -> Option<Standard> {
        match self.h.residence {
            Residence::Urban => {
                let r = self.param("dibao_urban_monthly");
                r.number().map(|m| Standard {
                    annual: m * TWELVE,
                    monthly: m,
                    firm: r.is_firm(),
                })
            }
            Residence::Rural => {
                let r = self.param("dibao_rural_yearly");
                r.number().map(|y| Standard {
                    annual: y,
                    monthly: y / TWELVE,
                    firm: r.is_firm(),
                })
            }
        }
    }

    /// What to check when the dibao standard itself is not published.
    pub fn standard_check(&self) -> Reason {
        let name = match self.h.residence {
            Residence::Urban => "dibao_urban_monthly",
            Residence::Rural => "dibao_rural_yearly",
        };
        let r = self.param(name);
        let region = self.p.region().name();
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

    /// Checks for a parameter that is not firm (unknown or reference).
    pub fn param_check(&self, r: &Resolved) -> Reason {
        let region = self.p.region().name();
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
                    format!("{}（{}）：{}", w.zh, verb.0, r.zh),
                    format!("{} ({}): {}", w.en, verb.1, r.en),
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
