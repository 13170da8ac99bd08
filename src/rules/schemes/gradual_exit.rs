//! 低保渐退期: phase-out period.
//!
//! Seed 002 (楚民发〔2023〕5号 一（三）): "对就业后家庭人均收入超过当地最低生活保障标准的最低生活保障
//! 家庭，给予半年至一年的渐退期"; seed 003 (迪庆 三（六）) and seed 004 (武威, up to 6 months). A household
//! currently on dibao whose per-capita income is now at or above the standard because a member
//! found work. The period is a regional parameter.

use super::Verdict;
use crate::rules::context::{Ctx, Standard};
use crate::rules::fact::Fact;
use crate::rules::lines;
use crate::rules::money::Tri;
use crate::rules::outcome::{Reason, Text};
use crate::rules::sources;

pub fn evaluate(
    ctx: &Ctx,
    hi: &crate::rules::income::HouseholdIncome,
    std: Option<Standard>,
) -> (Verdict, Text) {
    let net = hi.net;
    let c = &ctx.h.circumstances;
    let mut v = Verdict::new();
    let src = Some(sources::gradual_exit(ctx));
    let on_dibao = match c.on_dibao {
        Fact::Known(b) => Tri::from_bool(b),
        Fact::Unknown => Tri::Maybe,
    };
    v.test(
        on_dibao,
        match on_dibao {
            Tri::Yes => text!("目前是低保家庭", "currently receives dibao"),
            Tri::Maybe => text!(
                "是否正在领取低保不清楚：渐退期只适用于目前的低保家庭",
                "whether the household receives dibao now is unknown: the phase-out applies only to households now on dibao",
            ),
            Tri::No => text!(
                "渐退期只适用于目前的低保家庭",
                "the phase-out applies only to households now on dibao",
            ),
        },
        src.clone(),
    );
    if on_dibao == Tri::Maybe {
        v.checks([Reason {
            text: text!(
                "是否正在领取低保不清楚：渐退期只适用于目前的低保家庭",
                "whether the household receives dibao now is unknown: the phase-out applies only to households now on dibao",
            ),
            source: src.clone(),
        }]);
    }
    if on_dibao == Tri::No {
        // Nothing else applies to a household not on dibao: no reasons about its income or work.
        let summary = text!(
            "渐退期只适用于目前的低保家庭",
            "the phase-out applies only to households now on dibao",
        );
        return (v.finish(), summary);
    }
    match std {
        Some(s) => {
            let slack = ctx.household_slack(&s);
            let (above, near) = lines::at_or_above(net, &s.line(ctx, ctx.size()), slack);
            v.checks(near);
            if above == Tri::Maybe {
                // An amount the resident did not know leaves it open: name it.
                v.checks(
                    hi.gross
                        .checks
                        .iter()
                        .chain(hi.deductions.checks.iter())
                        .cloned(),
                );
            }
            v.test(
                above,
                match above {
                    Tri::No => text!(
                        "家庭人均收入仍低于低保标准，继续享受低保",
                        "income is still below the standard: dibao continues",
                    ),
                    _ => text!(
                        "家庭人均收入已达到或超过低保标准",
                        "income per person has reached the standard",
                    ),
                },
                src.clone(),
            );
        }
        None => {
            v.test(
                Tri::Maybe,
                text!("当地低保标准未公布", "local standard not published"),
                src.clone(),
            );
            v.checks(Some(ctx.standard_check()));
        }
    }
    let work = match c.income_rose_from_work {
        Fact::Known(b) => Tri::from_bool(b),
        Fact::Unknown => Tri::Maybe,
    };
    v.test(
        work,
        match work {
            Tri::Yes => text!(
                "收入增加是因为家庭成员就业",
                "income rose because a member found work",
            ),
            Tri::No => text!(
                "收入增加不是因为家庭成员就业：渐退期只适用于就业后收入增加",
                "income did not rise from a member finding work: the phase-out is for income from new work",
            ),
            Tri::Maybe => text!(
                "收入增加是否因为家庭成员就业，尚需核实",
                "whether income rose because a member found work is still to check",
            ),
        },
        src.clone(),
    );
    if work == Tri::Maybe {
        v.checks(Some(Reason {
            text: text!(
                "收入增加是否因家庭成员就业需核实",
                "check whether the rise comes from a member finding work",
            ),
            source: src.clone(),
        }));
    }
    let lo = ctx.params.gradual_exit_min_months();
    let hi = ctx.params.gradual_exit_max_months();
    let summary = match (lo.number(), hi.number()) {
        (Some(a), Some(b)) => text!(
            format!("渐退期 {a}–{b} 个月"),
            format!("phase-out period of {a}–{b} months"),
        ),
        (None, Some(b)) => text!(
            format!("渐退期最长 {b} 个月"),
            format!("phase-out period of up to {b} months"),
        ),
        _ => text!(
            "渐退期长度由当地规定",
            "the length of the phase-out is set locally",
        ),
    };
    if v.tri != Tri::No {
        v.reasons.push(Reason {
            text: summary.clone(),
            source: Some(hi.source()),
        });
        if !hi.is_firm() {
            v.checks(Some(ctx.param_check(hi)));
        }
    }
    (v.finish(), summary)
}
