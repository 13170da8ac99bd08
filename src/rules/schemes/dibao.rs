//! 最低生活保障（低保）: the whole household.
//!
//! 社会救助暂行办法 第九条: "共同生活的家庭成员人均收入低于当地最低生活保障标准，且符合当地
//! 最低生活保障家庭财产状况规定的" — per-capita income strictly below the standard **and** property
//! within the local rules. 第十二条: the benefit is the standard minus per-capita income, times the
//! number of members, per month. Rural dibao is paid by class in Yunnan and Gansu; where the
//! region publishes class amounts the estimate is their range, otherwise the difference formula
//! labelled as an estimate. Members are enrolled as a whole household (整户施保, seed 002 一（一）).

use super::{distance, Verdict};
use crate::rules::context::{per_person_text, Ctx, Standard};
use crate::rules::household::Residence;
use crate::rules::income::HouseholdIncome;
use crate::rules::lines;
use crate::rules::money::{fen, near_en, near_zh, yuan_en, yuan_zh, Tri, TWELVE};
use crate::rules::outcome::{Distance, Estimate, Text};
use crate::rules::property;
use crate::rules::sources;

pub struct Dibao {
    pub verdict: Verdict,
    pub income: Tri,
    pub property: Tri,
    pub summary: Text,
    pub distance: Option<Distance>,
    pub estimate: Option<Estimate>,
}

fn standard_name(ctx: &Ctx) -> Text {
    let region = ctx.params.region().name();
    match ctx.h.residence {
        Residence::Urban => text!(
            format!("{}城市低保标准", region.zh),
            format!("{} urban dibao standard", region.en),
        ),
        Residence::Rural => text!(
            format!("{}农村低保标准", region.zh),
            format!("{} rural dibao standard", region.en),
        ),
    }
}

pub fn evaluate(ctx: &Ctx, hi: &HouseholdIncome, std: Option<Standard>) -> Dibao {
    let mut v = Verdict::new();
    v.checks(hi.gross.checks.iter().cloned());
    v.checks(hi.deductions.checks.iter().cloned());
    let n = ctx.size();
    let name = standard_name(ctx);
    let pc_low = hi.net.low / TWELVE / n;

    let (income, summary, dist) = match std {
        None => {
            v.test(
                Tri::Maybe,
                text!(
                    format!("{}未公布，无法比较", name.zh),
                    format!("the {} is not published", name.en),
                ),
                Some(sources::dibao_eligibility()),
            );
            v.checks(Some(ctx.standard_check()));
            (
                Tri::Maybe,
                text!(
                    format!("家庭月人均收入 {}，当地低保标准未公布，取决于当地规定", yuan_zh(pc_low)),
                    format!("household income per person {} a month; the local standard is not published — depends on local rules", yuan_en(pc_low)),
                ),
                None,
            )
        }
        Some(s) => {
            let l = s.line(ctx, n);
            let slack = ctx.household_slack(&s);
            let (t, near) = lines::below(hi.net, &l, slack);
            let line = l.annual;
            let (zh_cmp, en_cmp) = match hi.net.below(line) {
                Tri::Yes => ("低于", "below"),
                Tri::No => ("不低于", "not below"),
                Tri::Maybe => ("可能低于", "possibly below"),
            };
            let pc = match hi.net.exact_value() {
                Some(x) => text!(
                    near_zh(x / TWELVE / n, s.monthly),
                    near_en(x / TWELVE / n, s.monthly)
                ),
                None => text!(
                    format!("至少{}", yuan_zh(pc_low)),
                    format!("at least {}", yuan_en(pc_low)),
                ),
            };
            let summary = match (hi.net.below(line), hi.net.high) {
                // Bounded but not exact: an amount the resident gave may or may not count
                // (e.g. the resident basic pension after 2025): both outcomes, in words.
                (Tri::Yes | Tri::No, Some(high)) if hi.net.exact_value().is_none() => {
                    let lo = hi.net.low / TWELVE / n;
                    let hi_pc = high / TWELVE / n;
                    text!(
                        format!("家庭月人均收入在 {} 到 {} 之间，取决于尚未确定是否计入的收入（见需核实）：无论是否计入，都{}{} {}", yuan_zh(lo), yuan_zh(hi_pc), zh_cmp, name.zh, yuan_zh(s.monthly)),
                        format!("household income per person between {} and {} a month, depending on income whose counting is not settled (see what to check): either way {} the {} of {}", yuan_en(lo), yuan_en(hi_pc), en_cmp, name.en, yuan_en(s.monthly)),
                    )
                }
                (Tri::Maybe, Some(high)) => {
                    let lo = hi.net.low / TWELVE / n;
                    let hi_pc = high / TWELVE / n;
                    let cmp = |below: bool| {
                        if below {
                            ("低于", "below")
                        } else {
                            ("不低于", "not below")
                        }
                    };
                    let (l_zh, l_en) = cmp(hi.net.low < line);
                    let (h_zh, h_en) = cmp(high < line);
                    text!(
                        format!("家庭月人均收入在 {} 到 {} 之间，取决于尚未确定是否计入的收入（见需核实）：按 {} 算{}{} {}，按 {} 算{}", yuan_zh(lo), yuan_zh(hi_pc), yuan_zh(lo), l_zh, name.zh, yuan_zh(s.monthly), yuan_zh(hi_pc), h_zh),
                        format!("household income per person between {} and {} a month, depending on income whose counting is not settled (see what to check): at {} it is {} the {} of {}, at {} {}", yuan_en(lo), yuan_en(hi_pc), yuan_en(lo), l_en, name.en, yuan_en(s.monthly), yuan_en(hi_pc), h_en),
                    )
                }
                _ if ctx.h.residence == Residence::Rural => {
                    // Rural standards are published per year: say it as published, month
                    // alongside.
                    let line_t = per_person_text(Residence::Rural, s.annual);
                    let pc_t = match hi.net.exact_value() {
                        Some(x) => per_person_text(Residence::Rural, x / n),
                        None => {
                            let t = per_person_text(Residence::Rural, hi.net.low / n);
                            text!(format!("至少{}", t.zh), format!("at least {}", t.en))
                        }
                    };
                    text!(
                        format!(
                            "家庭人均收入 {}，{}{} {}",
                            pc_t.zh, zh_cmp, name.zh, line_t.zh
                        ),
                        format!(
                            "household income per person {}, {} the {} of {}",
                            pc_t.en, en_cmp, name.en, line_t.en
                        ),
                    )
                }
                _ => text!(
                    format!(
                        "家庭月人均收入 {}，{}{} {}",
                        pc.zh,
                        zh_cmp,
                        name.zh,
                        yuan_zh(s.monthly)
                    ),
                    format!(
                        "household income per person {} a month, {} the {} of {}",
                        pc.en,
                        en_cmp,
                        name.en,
                        yuan_en(s.monthly)
                    ),
                ),
            };
            v.test(t, summary.clone(), Some(sources::dibao_eligibility()));
            v.checks(near);
            if !s.firm {
                v.soften(ctx.standard_check());
            }
            (t, summary, distance(hi.net, line, n, s.standing))
        }
    };

    let pv = property::verdict(ctx, property::Scheme::Dibao, std);
    let pt = pv.tri;
    v.merge(pv);
    v.reasons.push(crate::rules::outcome::Reason {
        text: text!(
            "符合条件的家庭整户纳入低保，不得只纳入部分成员",
            "a qualifying household is enrolled as a whole, never only some members",
        ),
        source: Some(sources::dibao_whole_household(ctx)),
    });

    let estimate = match (std, hi.net.exact_value(), hi.net.high, v.tri) {
        // Above the figure used (possible only because the line is not firm or a deduction is
        // unpublished): no amount can be estimated from it.
        (Some(s), Some(net), _, Tri::Yes | Tri::Maybe) if net < s.annual * n => {
            Some(estimate(ctx, s, net))
        }
        // Below the line whether or not an unsettled amount counts: the range of both outcomes.
        (Some(s), None, Some(high), Tri::Yes | Tri::Maybe) if income == Tri::Yes => {
            let counted = estimate(ctx, s, high);
            let not_counted = estimate(ctx, s, hi.net.low);
            Some(Estimate {
                monthly_low: counted.monthly_low.min(not_counted.monthly_low),
                monthly_high: counted.monthly_high.max(not_counted.monthly_high),
                approximate: true,
                unit: crate::rules::outcome::Unit::Month,
                basis: text!(
                    format!("{}；较低的金额是尚未确定的收入计入时的，较高的是不计入时的", not_counted.basis.zh),
                    format!("{}; the lower figure if the unsettled income counts, the higher if it does not", not_counted.basis.en),
                ),
            })
        }
        _ => None,
    };
    Dibao {
        verdict: v.finish(),
        income,
        property: pt,
        summary,
        distance: dist,
        estimate,
    }
}

/// 第十二条: (standard − per-capita income) × members, per month; rural by class where published.
fn estimate(ctx: &Ctx, s: Standard, net_annual: rust_decimal::Decimal) -> Estimate {
    let n = ctx.size();
    let diff = fen((s.annual * n - net_annual) / TWELVE);
    if ctx.h.residence == Residence::Rural {
        let a = ctx.params.dibao_rural_class_a_monthly();
        let c = ctx.params.dibao_rural_class_c_monthly();
        if let (Some(a), Some(c), true, true) = (a.number(), c.number(), a.is_firm(), c.is_firm()) {
            return Estimate {
                monthly_low: fen(c * n),
                monthly_high: fen(a * n),
                approximate: true,
                unit: crate::rules::outcome::Unit::Month,
                basis: text!(
                    format!("农村低保按类别施保：每人每月 {}–{}，乘以 {} 人；实际类别由审核确定", yuan_zh(c), yuan_zh(a), n),
                    format!("rural dibao is paid by class: {}–{} per person a month × {}; the class is decided on review", yuan_en(c), yuan_en(a), n),
                ),
            };
        }
        return Estimate {
            monthly_low: diff,
            monthly_high: diff,
            approximate: true,
            unit: crate::rules::outcome::Unit::Month,
            basis: text!(
                format!("估算：（标准 {} − 人均收入）× {} 人；农村低保实际按类别施保，金额以审核为准", yuan_zh(s.monthly), n),
                format!("estimate: (standard {} − income per person) × {}; rural dibao is paid by class, the amount is set on review", yuan_en(s.monthly), n),
            ),
        };
    }
    Estimate {
        monthly_low: diff,
        monthly_high: diff,
        approximate: !s.firm,
        unit: crate::rules::outcome::Unit::Month,
        basis: text!(
            format!(
                "（低保标准 {} − 家庭月人均收入）× {} 人",
                yuan_zh(s.monthly),
                n
            ),
            format!(
                "(standard {} − income per person) × {} members",
                yuan_en(s.monthly),
                n
            ),
        ),
    }
}
