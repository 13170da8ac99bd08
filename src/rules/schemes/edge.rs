//! 最低生活保障边缘家庭（低保边缘家庭）.
//!
//! 民政部、财政部 2020-07 notice; 民政部 2021-07-28 briefing: not dibao and not tekun, per-capita
//! income below the regional multiple (1.5 by default) of the dibao standard, and property within
//! the local rules (Yunnan's five edge property tests where published).

use super::dibao::Dibao;
use super::{distance, Verdict};
use crate::rules::context::{Ctx, Standard};
use crate::rules::income::HouseholdIncome;
use crate::rules::money::{fen, yuan_en, yuan_zh, Tri};
use crate::rules::outcome::{Distance, Reason, Text};
use crate::rules::property;
use crate::rules::sources;

pub struct Edge {
    pub verdict: Verdict,
    pub income: Tri,
    pub property: Verdict,
    pub summary: Text,
    pub distance: Option<Distance>,
}

pub fn evaluate(
    ctx: &Ctx,
    hi: &HouseholdIncome,
    std: Option<Standard>,
    dibao: &Dibao,
    all_tekun: bool,
) -> Edge {
    let net = hi.net;
    let income_checks: Vec<Reason> = hi
        .gross
        .checks
        .iter()
        .chain(hi.deductions.checks.iter())
        .cloned()
        .collect();
    let n = ctx.size();
    let mut v = Verdict::new();
    // Whatever leaves dibao open leaves "not a dibao household" open too: name it.
    if dibao.verdict.tri == Tri::Maybe {
        v.checks(dibao.verdict.checks.iter().cloned());
    }
    v.test(
        !dibao.verdict.tri,
        match dibao.verdict.tri {
            crate::rules::money::Tri::Yes => text!(
                "家庭符合低保条件，不再认定为边缘家庭",
                "the household qualifies for dibao instead",
            ),
            crate::rules::money::Tri::Maybe => text!(
                "是否符合低保尚不确定：如不符合低保，才认定为边缘家庭",
                "whether the household qualifies for dibao is not settled: edge status applies only if it does not",
            ),
            _ => text!("不符合低保条件", "does not qualify for dibao"),
        },
        Some(sources::edge_definition()),
    );
    if all_tekun {
        v.test(
            Tri::No,
            text!("家庭成员均符合特困条件", "every member qualifies for tekun"),
            Some(sources::edge_definition()),
        );
    }
    let multiple = ctx.param("edge_multiple");
    let mut summary = text!("边缘家庭收入线未知", "edge line unknown");
    let mut dist = None;
    let mut income = Tri::Maybe;
    match (std, multiple.number()) {
        (Some(s), Some(k)) => {
            let line = k * s.annual * n;
            income = net.below(line);
            if income == Tri::Maybe {
                // An income amount the resident did not know: name it.
                v.checks(income_checks.iter().cloned());
            }
            let line_m = fen(k * s.monthly);
            summary = text!(
                format!(
                    "家庭月人均收入{}低保标准的{}倍（{}）",
                    if income == Tri::Yes {
                        "低于"
                    } else if income == Tri::No {
                        "不低于"
                    } else {
                        "可能低于"
                    },
                    k,
                    yuan_zh(line_m)
                ),
                format!(
                    "household income per person {} {}× the dibao standard ({})",
                    if income == Tri::Yes {
                        "below"
                    } else if income == Tri::No {
                        "not below"
                    } else {
                        "possibly below"
                    },
                    k,
                    yuan_en(line_m)
                ),
            );
            v.test(income, summary.clone(), Some(sources::edge_definition()));
            if !s.firm {
                v.soften(ctx.standard_check());
            }
            if !multiple.is_firm() {
                v.soften(ctx.param_check(&multiple));
            }
            dist = distance(net, line, n);
        }
        _ => {
            v.test(
                Tri::Maybe,
                summary.clone(),
                Some(sources::edge_definition()),
            );
            v.checks(Some(ctx.standard_check()));
        }
    }
    let pv = property::verdict(ctx, property::Scheme::Edge, std);
    v.merge(pv.clone());
    Edge {
        verdict: v.finish(),
        income,
        property: pv,
        summary,
        distance: dist,
    }
}
