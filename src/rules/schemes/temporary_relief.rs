//! 临时救助: temporary assistance (社会救助暂行办法 第四十七条; 2018 opinion; seed 002 二).
//!
//! Any one of: a sudden event (急难型: fire, accident, sudden serious illness, disaster); a spike
//! in necessary spending with per-capita income below the previous year's local per-capita
//! disposable income (支出型); uninsured unemployed with 3+ months in a row without income and
//! not on dibao (seed 002 二（一）); a household awaiting dibao review that meets sudden hardship
//! (seed 002 二（二）). Amounts are set locally: shown as the region's bands as multiples of the
//! monthly dibao standard where published, otherwise "decided locally" — never an invented figure.

use super::Verdict;
use crate::rules::context::{Ctx, Standard};
use crate::rules::fact::Fact;
use crate::rules::income::HouseholdIncome;
use crate::rules::money::{fen, yuan_en, yuan_zh, Tri};
use crate::rules::outcome::{Estimate, Reason, Text};
use crate::rules::sources;

pub struct Relief {
    pub verdict: Verdict,
    pub summary: Text,
    pub estimate: Option<Estimate>,
}

/// Is per-capita income at or above the named multiple of the edge line (far above it)?
fn far_above_edge(ctx: &Ctx, hi: &HouseholdIncome, std: Option<Standard>) -> Tri {
    let far = ctx
        .params
        .temporary_relief_emergency_far_above_edge_multiple();
    let k = ctx.params.edge_multiple();
    match (std, k.number(), far.number()) {
        (Some(s), Some(k), Some(f)) => !hi.net.below(f * k * s.annual * ctx.size()),
        _ => Tri::Maybe,
    }
}

pub fn evaluate(
    ctx: &Ctx,
    hi: &HouseholdIncome,
    std: Option<Standard>,
    edge: &super::edge::Edge,
) -> Relief {
    let c = &ctx.h.circumstances;
    let mut any = Tri::No;
    let mut reasons = Vec::new();
    let mut checks = Vec::new();
    let mut summary = text!(
        "未报告突发事件、支出骤增或失业无收入等情形",
        "no sudden event, spending spike or months without income reported",
    );
    let mut kind_emergency = false;

    if c.sudden_event.is_unknown() {
        // Not answered whether a sudden event happened: emergency relief stays open (named).
        let t = text!(
            "是否遭遇突发事件（火灾、交通事故、突发重病、自然灾害等）未回答：如遭遇，可申请急难型临时救助",
            "not answered whether a sudden event happened (fire, accident, sudden serious illness, disaster): if one did, emergency relief can be applied for",
        );
        any = Tri::Maybe;
        kind_emergency = true;
        summary = t.clone();
        reasons.push(Reason {
            text: t.clone(),
            source: Some(sources::temporary_relief_types()),
        });
        checks.push(Reason {
            text: t,
            source: Some(sources::temporary_relief_types()),
        });
    }
    if matches!(c.sudden_event, Fact::Known(Some(_))) {
        kind_emergency = true;
        summary = text!(
            "遭遇突发事件，可申请急难型临时救助，紧急情况可先行救助",
            "a sudden event: emergency relief can be applied for and paid first in urgent cases",
        );
        reasons.push(Reason {
            text: summary.clone(),
            source: Some(sources::temporary_relief_types()),
        });
        // Relief is for households whose basic living the event puts into serious difficulty
        // (seed 003 四（九）, seed 004 三（三）): far above the edge line with property above the
        // rules, that is the office's call — at most `possible`.
        let far = far_above_edge(ctx, hi, std);
        let large = !edge.property.tri;
        if far.and(large) == Tri::No {
            any = Tri::Yes;
        } else {
            any = Tri::Maybe;
            let t = text!(
                "家庭收入远高于低保边缘线且财产超出规定（或不清楚）：突发事件是否使基本生活陷入严重困难，由乡镇（街道）审核判断",
                "income far above the edge line and property above the rules (or unknown): whether the event puts basic living into serious difficulty is for the township to decide",
            );
            reasons.push(Reason {
                text: t.clone(),
                source: Some(sources::emergency_relief(ctx)),
            });
            checks.push(Reason {
                text: t,
                source: Some(sources::emergency_relief(ctx)),
            });
        }
    }
    match c.spending_spike {
        Fact::Known(false) => {}
        spike => {
            let di = ctx.params.disposable_income_yearly();
            let income = match di.number() {
                Some(d) => {
                    let t = hi.gross.annual.below(d * ctx.size());
                    if t != Tri::No && !di.is_firm() {
                        checks.push(ctx.param_check(di));
                        Tri::Maybe
                    } else {
                        t
                    }
                }
                None => {
                    checks.push(ctx.param_check(di));
                    Tri::Maybe
                }
            };
            let spike_t = if spike.is_unknown() {
                Tri::Maybe
            } else {
                Tri::Yes
            };
            let t = spike_t.and(income);
            if t != Tri::No {
                let text = text!("必需支出突然增加，家庭人均收入低于上年度当地居民人均可支配收入：可申请支出型临时救助", "a spike in necessary spending with income below the local disposable income: expense-driven relief");
                if t == Tri::Maybe {
                    checks.push(Reason {
                        text: text.clone(),
                        source: Some(sources::temporary_relief_types()),
                    });
                }
                reasons.push(Reason {
                    text: text.clone(),
                    source: Some(sources::temporary_relief_types()),
                });
                if any != Tri::Yes {
                    summary = text;
                }
            }
            any = any.or(t);
        }
    }
    let months = c.months_without_income.get();
    let three = match months {
        Some(m) => Tri::from_bool(m >= 3),
        None => Tri::Maybe,
    };
    let uninsured = match c.unemployment_insurance {
        Fact::Known(b) => Tri::from_bool(!b),
        Fact::Unknown => Tri::Maybe,
    };
    let not_on_dibao = match c.on_dibao {
        Fact::Known(b) => Tri::from_bool(!b),
        Fact::Unknown => Tri::Maybe,
    };
    let t = three.and(uninsured).and(not_on_dibao);
    if t != Tri::No {
        let text = text!("连续3个月以上无收入、未参加失业保险且未纳入低保：可申请一次性临时救助", "3+ months without income, no unemployment insurance and not on dibao: one-off temporary relief");
        reasons.push(Reason {
            text: text.clone(),
            source: Some(sources::uninsured_unemployed(ctx)),
        });
        if t == Tri::Maybe {
            checks.push(Reason {
                text: text.clone(),
                source: Some(sources::uninsured_unemployed(ctx)),
            });
        }
        if any != Tri::Yes {
            summary = text;
        }
        any = any.or(t);
    }
    if c.dibao_application_pending != Fact::Known(false) && any != Tri::Yes {
        let text = text!("低保审核期间如遭遇突发性、临时性、紧迫性困难，可及时给予临时救助", "while a dibao application is under review, sudden urgent hardship can get temporary relief");
        reasons.push(Reason {
            text: text.clone(),
            source: Some(sources::pending_dibao_relief(ctx)),
        });
        checks.push(Reason {
            text: if c.dibao_application_pending.is_unknown() {
                text!("是否已申请低保、正在审核不清楚：审核期间如遭遇突发性、临时性、紧迫性困难，可及时给予临时救助", "whether a dibao application is under review is unknown: while it is, sudden urgent hardship can get temporary relief")
            } else {
                text.clone()
            },
            source: Some(sources::pending_dibao_relief(ctx)),
        });
        summary = text;
        any = any.or(Tri::Maybe);
    }
    if any == Tri::No {
        reasons.push(Reason {
            text: summary.clone(),
            source: Some(sources::temporary_relief()),
        });
    }
    let mut v = Verdict::new();
    v.tri = any;
    v.reasons = reasons;
    v.checks(checks);
    let estimate = if any != Tri::No {
        amount(ctx, std, kind_emergency, &mut v)
    } else {
        None
    };
    Relief {
        verdict: v.finish(),
        summary,
        estimate,
    }
}

fn amount(ctx: &Ctx, std: Option<Standard>, emergency: bool, v: &mut Verdict) -> Option<Estimate> {
    // Bands are multiples of the monthly urban standard; without one, no band estimate — but
    // what the region does publish (e.g. Gansu's small-amount ceiling) is still said.
    let urban = ctx
        .params
        .dibao_urban_monthly()
        .number()
        .or(std.map(|s| s.monthly));
    if emergency {
        let lo = ctx.params.temporary_relief_emergency_min_multiple();
        let hi = ctx.params.temporary_relief_emergency_max_multiple();
        if let (Some(l), Some(h), Some(urban)) = (lo.number(), hi.number(), urban) {
            return Some(Estimate {
                monthly_low: fen(l * urban),
                monthly_high: fen(h * urban),
                approximate: true,
                unit: crate::rules::outcome::Unit::Once,
                basis: text!(
                    format!("一次性：月低保标准 {} 的 {}–{} 倍", yuan_zh(urban), l, h),
                    format!(
                        "one-off: {}–{}× the monthly standard {}",
                        l,
                        h,
                        yuan_en(urban)
                    ),
                ),
            });
        }
        let small = ctx.params.temporary_relief_small_amount_max();
        if let Some(s) = small.number() {
            v.reasons.push(Reason {
                text: text!(
                    format!("小额先行救助最高 {}", yuan_zh(s)),
                    format!("small amounts up to {} can be paid at once", yuan_en(s)),
                ),
                source: Some(small.source()),
            });
        }
    } else {
        let m = ctx.params.temporary_relief_expenditure_max_months();
        if let (Some(months), Some(urban)) = (m.number(), urban) {
            let n = ctx.size();
            return Some(Estimate {
                monthly_low: fen(rust_decimal::Decimal::ZERO),
                monthly_high: fen(urban * n * months),
                approximate: true,
                unit: crate::rules::outcome::Unit::Once,
                basis: text!(
                    format!(
                        "一次性，最高：月城市低保标准 {} × {} 人 × {} 个月",
                        yuan_zh(urban),
                        n,
                        months
                    ),
                    format!(
                        "one-off, at most: monthly urban standard {} × {} people × {} months",
                        yuan_en(urban),
                        n,
                        months
                    ),
                ),
            });
        }
    }
    v.reasons.push(Reason {
        text: text!(
            "救助金额由县级以上地方政府确定：取决于当地规定",
            "the amount is set by the county government: depends on local rules",
        ),
        source: Some(sources::temporary_relief()),
    });
    None
}
