//! 刚性支出困难家庭 (刚性支出困难家庭认定办法, 民政部, in force 2025-01-01).
//!
//! All of: not dibao, tekun or edge; per-capita income below the previous year's local per-capita
//! disposable income; rigid expenses of the last 12 months ÷ household income above the local
//! ratio; property within the local rules. Rigid expenses are basic living (counted at the
//! local dibao standard per person, as the Gansu 2025 rule defines it — the only published
//! definition), medical costs after insurance, education, disability rehabilitation and other
//! necessary costs (disaster, accident). Unknown ratio or income figure → `possible`, unless the
//! ratio is not above even the lowest ratio any published rule uses (60 %) → `unlikely`.
//!
//! A household that reported none of the costs beyond basic living (all of medical, education,
//! rehabilitation and other necessary costs known to be 0) is `unlikely`: the measure is for
//! "刚性支出较大导致基本生活出现严重困难的家庭" (武政办发〔2023〕78号, seed 004), and basic living
//! is counted only alongside those costs — docs/reading-the-rules.md "Rigid expense: living
//! costs alone are not a rigid-expense hardship".

use super::edge::Edge;
use super::Verdict;
use crate::rules::context::{Ctx, Standard};
use crate::rules::income::{annual, HouseholdIncome};
use crate::rules::lines;
use crate::rules::money::{fen, yuan_en, yuan_zh, Range, Tri, TWELVE};
use crate::rules::outcome::{Reason, Text};
use crate::rules::property;
use crate::rules::sources;
use rust_decimal::Decimal;

pub struct Rigid {
    pub verdict: Verdict,
    pub summary: Text,
}

/// Rigid expenses over 12 months beyond basic living (medical, education, rehabilitation,
/// other necessary costs), and what is unknown about them.
pub fn special_expenses(ctx: &Ctx) -> (Range, Vec<Reason>) {
    let e = &ctx.h.expenses;
    let mut total = Range::ZERO;
    let mut checks = Vec::new();
    for (f, zh, en) in [
        (&e.medical, "医疗自付支出", "medical costs"),
        (&e.education, "教育支出", "education"),
        (
            &e.disability_rehab,
            "残疾康复支出",
            "disability rehabilitation",
        ),
        (&e.other, "其他必需支出", "other necessary costs"),
    ] {
        match f.get() {
            Some(v) => total += Range::exact(annual(v, e.period)),
            None => {
                total += Range::unknown();
                checks.push(Reason {
                    text: text!(format!("{zh}金额不清楚"), format!("{en}: amount unknown")),
                    source: Some(sources::rigid_definition()),
                });
            }
        }
    }
    (total, checks)
}

/// Basic living over 12 months, counted at the dibao standard per person (Gansu 2025).
pub fn living_expenses(ctx: &Ctx, std: Option<Standard>) -> Range {
    match std {
        Some(s) => Range::exact(s.annual * ctx.size()),
        None => Range::ZERO,
    }
}

/// A ratio as a percentage: 0.6 → "60%".
fn pct(k: Decimal) -> String {
    format!("{}%", (k * Decimal::ONE_HUNDRED).normalize())
}

pub fn evaluate(
    ctx: &Ctx,
    hi: &HouseholdIncome,
    std: Option<Standard>,
    dibao_tri: Tri,
    edge: &Edge,
) -> Rigid {
    let n = ctx.size();
    let mut v = Verdict::new();
    v.checks(hi.gross.checks.iter().cloned());
    let not_lower = (!dibao_tri).and(!edge.verdict.tri);
    if not_lower == Tri::Maybe {
        // Whatever leaves edge status open (it includes what leaves dibao open) is named.
        v.checks(edge.verdict.checks.iter().cloned());
    }
    v.test(
        not_lower,
        match not_lower {
            Tri::No => text!(
                "已符合低保或低保边缘家庭条件，不再认定",
                "already qualifies for dibao or edge status",
            ),
            Tri::Maybe => text!(
                "是否属于低保或低保边缘家庭尚不确定：只有都不是时，才认定为刚性支出困难家庭",
                "whether the household is dibao or edge is not settled: this status applies only if it is neither",
            ),
            Tri::Yes => text!(
                "不属于低保、特困或低保边缘家庭",
                "not dibao, tekun or an edge household",
            ),
        },
        Some(sources::rigid_definition()),
    );
    let gross = hi.gross.annual;
    let di = ctx.params.disposable_income_yearly();
    match di.number() {
        Some(d) => {
            let (t, near) = match lines::param_line(ctx, di, n) {
                Some(l) => lines::below(gross, &l, None),
                None => (gross.below(d * n), Vec::new()),
            };
            v.checks(near);
            let raw = gross.below(d * n);
            v.test(
                t,
                text!(
                    format!(
                        "家庭年人均收入{}上年度当地居民人均可支配收入 {}",
                        if raw == Tri::No {
                            "不低于"
                        } else {
                            "低于"
                        },
                        yuan_zh(d)
                    ),
                    format!(
                        "income per person {} the previous year's local disposable income of {}",
                        if raw == Tri::No { "not below" } else { "below" },
                        yuan_en(d)
                    ),
                ),
                Some(sources::rigid_definition()),
            );
            if !di.is_firm() {
                v.soften(ctx.param_check(di));
            }
        }
        None => {
            v.test(
                Tri::Maybe,
                text!(
                    "上年度当地居民人均可支配收入未公布",
                    "local disposable income not published",
                ),
                Some(sources::rigid_definition()),
            );
            v.checks(Some(ctx.param_check(di)));
        }
    }
    let (special, checks) = special_expenses(ctx);
    v.checks(checks);
    if special.high == Some(Decimal::ZERO) {
        // Nothing beyond basic living was reported: not a rigid-expense hardship.
        let summary = text!(
            "没有填写医疗、教育、残疾康复或其他必需支出：刚性支出困难家庭是指因这类支出较大、基本生活出现困难的家庭，只有日常生活开支不能认定",
            "no medical, education, rehabilitation or other necessary costs were entered: this status is for households in hardship because such costs are high, not for everyday living costs alone",
        );
        v.test(
            Tri::No,
            summary.clone(),
            Some(sources::rigid_hardship_meaning(ctx)),
        );
        v.merge(property::verdict(ctx, property::Scheme::RigidExpense, std));
        return Rigid {
            verdict: v.finish(),
            summary,
        };
    }
    let living = living_expenses(ctx, std);
    let spend = special + living;
    let parts = text!(
        format!(
            "医疗、教育等支出{}，加上按低保标准计算的基本生活支出 {}",
            match special.high {
                Some(h) if h == special.low => format!(" {}", yuan_zh(h)),
                _ => format!("至少 {}", yuan_zh(special.low)),
            },
            yuan_zh(living.low)
        ),
        format!(
            "medical, education and similar costs {}, plus basic living counted at the dibao standard {}",
            match special.high {
                Some(h) if h == special.low => yuan_en(h),
                _ => format!("at least {}", yuan_en(special.low)),
            },
            yuan_en(living.low)
        ),
    );
    let ratio = ctx.params.rigid_expense_ratio();
    let summary;
    match ratio.number() {
        Some(k) => {
            // spend / gross > k  ⇔  spend > k × gross (gross ≥ 0).
            let t = if gross.high.is_none() {
                Tri::Maybe
            } else {
                let hi_inc = gross.high.unwrap_or(Decimal::ZERO);
                let lo_ok = spend.low > k * hi_inc;
                let hi_fail = spend.high.is_some_and(|s| s <= k * gross.low);
                if lo_ok {
                    Tri::Yes
                } else if hi_fail {
                    Tri::No
                } else {
                    Tri::Maybe
                }
            };
            summary = text!(
                format!(
                    "近12个月刚性支出约 {}（{}），须超过家庭收入的 {}",
                    yuan_zh(spend.low),
                    parts.zh,
                    pct(k)
                ),
                format!(
                    "essential expenses over 12 months about {} ({}); must exceed {} of household income",
                    yuan_en(spend.low),
                    parts.en,
                    pct(k)
                ),
            );
            v.test(t, summary.clone(), Some(ratio.source()));
            if !ratio.is_firm() {
                v.soften(ctx.param_check(ratio));
            }
        }
        None => {
            summary = text!(
                format!("近12个月刚性支出约 {}（{}）；须超过家庭收入的多大比例，当地规定未公布", yuan_zh(spend.low), parts.zh),
                format!("essential expenses over 12 months about {} ({}); the share of income they must exceed is not published locally", yuan_en(spend.low), parts.en),
            );
            // Not above even the lowest ratio any published rule uses: unlikely anywhere.
            let lowest = ctx.params.rigid_expense_ratio_lowest_published();
            let t = match lowest.number() {
                Some(k) if spend.high.is_some_and(|s| s <= k * gross.low) => Tri::No,
                _ => Tri::Maybe,
            };
            if t == Tri::No {
                let k = lowest.number().unwrap_or_default();
                v.test(
                    Tri::No,
                    text!(
                        format!("近12个月刚性支出约 {}（{}），未超过家庭收入的 {}（已公布的各地规定中最低的比例）", yuan_zh(spend.low), parts.zh, pct(k)),
                        format!("essential expenses over 12 months about {} ({}): not above {} of household income, the lowest share any published rule uses", yuan_en(spend.low), parts.en, pct(k)),
                    ),
                    Some(lowest.source()),
                );
            } else {
                v.test(
                    Tri::Maybe,
                    summary.clone(),
                    Some(sources::rigid_definition()),
                );
                v.checks(Some(ctx.param_check(ratio)));
            }
        }
    }
    if let Some(x) = gross.exact_value() {
        v.reasons.push(Reason {
            text: text!(
                format!("家庭月收入（扣减前）{}", yuan_zh(fen(x / TWELVE))),
                format!(
                    "household income before deductions {} a month",
                    yuan_en(fen(x / TWELVE))
                ),
            ),
            source: Some(sources::rigid_definition()),
        });
    }
    v.merge(property::verdict(ctx, property::Scheme::RigidExpense, std));
    Rigid {
        verdict: v.finish(),
        summary,
    }
}
