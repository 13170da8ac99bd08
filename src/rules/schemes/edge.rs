//! 最低生活保障边缘家庭（低保边缘家庭）.
//!
//! 民政部、财政部 2020-07 notice; 民政部 2021-07-28 briefing: not dibao and not tekun, per-capita
//! income below the regional multiple (1.5 by default) of the dibao standard, and property within
//! the local rules (Yunnan's five edge property tests where published).

use super::dibao::Dibao;
use super::{distance, Verdict};
use crate::rules::context::{per_person_text, Ctx, Standard};
use crate::rules::fact::Fact;
use crate::rules::household::Residence;
use crate::rules::income::HouseholdIncome;
use crate::rules::lines;
use crate::rules::money::Tri;
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
    all_tekun: (Tri, &[crate::rules::outcome::PersonResult]),
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
    // Every member tekun → not an edge household; while that is open (some member's tekun is
    // only possible and none is unlikely), so is edge status, naming what tekun needs.
    match all_tekun.0 {
        Tri::Yes => v.test(
            Tri::No,
            text!("家庭成员均符合特困条件", "every member qualifies for tekun"),
            Some(sources::edge_definition()),
        ),
        Tri::Maybe => {
            let t = text!(
                "家庭成员可能均符合特困条件（均符合的，不再认定为边缘家庭）",
                "every member may qualify for tekun (if all do, the household is not an edge household)",
            );
            v.test(Tri::Maybe, t, Some(sources::edge_definition()));
            v.checks(all_tekun.1.iter().flat_map(|p| p.to_check.iter().cloned()));
        }
        Tri::No => {}
    }
    let base = v.clone();
    let multiple = ctx.params.edge_multiple();
    let mut summary = text!("边缘家庭收入线未知", "edge line unknown");
    let mut dist = None;
    let mut income = Tri::Maybe;
    match (std, multiple.number()) {
        (Some(s), Some(k)) => {
            let l = s.edge_line(ctx, multiple, k, n);
            let slack = ctx.household_slack(&s);
            let (t, near) = lines::below(net, &l, slack);
            let line = l.annual;
            income = net.below(line);
            if income == Tri::Maybe {
                // An income amount the resident did not know: name it.
                v.checks(income_checks.iter().cloned());
            }
            let lt = per_person_text(ctx.h.residence, k * s.annual);
            let (pz, pe) = match ctx.h.residence {
                Residence::Urban => ("家庭月人均收入", "household income per person"),
                Residence::Rural => ("家庭人均收入", "household income per person"),
            };
            summary = text!(
                format!(
                    "{}{}低保标准的{}倍（{}）",
                    pz,
                    if income == Tri::Yes {
                        "低于"
                    } else if income == Tri::No {
                        "不低于"
                    } else {
                        "可能低于"
                    },
                    k,
                    lt.zh
                ),
                format!(
                    "{} {} {}× the dibao standard ({})",
                    pe,
                    if income == Tri::Yes {
                        "below"
                    } else if income == Tri::No {
                        "not below"
                    } else {
                        "possibly below"
                    },
                    k,
                    lt.en
                ),
            );
            income = t;
            v.test(income, summary.clone(), Some(sources::edge_definition()));
            v.checks(near);
            if !s.firm {
                v.soften(ctx.standard_check());
            }
            if !multiple.is_firm() {
                v.soften(ctx.param_check(multiple));
            }
            dist = distance(
                net,
                line,
                n,
                if l.firm {
                    crate::rules::outcome::Standing::Published
                } else if s.firm {
                    multiple.standing
                } else {
                    s.standing
                },
            );
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
    let (v, direct) = monitored(ctx, v, base);
    if let Some(t) = direct {
        summary = t;
    }
    Edge {
        verdict: v.finish(),
        income,
        property: pv,
        summary,
        distance: dist,
    }
}

/// 长治 (seed 001, 长民函〔2022〕76号 一): households the rural-revitalisation office monitors
/// against falling back into poverty whose risk is not eliminated are edge households directly —
/// the income and property tests do not apply (they must still not be dibao or all tekun).
/// Returns the verdict and, when the household is recognised this way, the summary to show.
fn monitored(ctx: &Ctx, normal: Verdict, mut base: Verdict) -> (Verdict, Option<Text>) {
    let flag = ctx.params.edge_monitored_households_direct();
    if flag.flag() != Some(true) {
        return (normal, None);
    }
    match ctx.h.circumstances.monitored_at_risk {
        Fact::Known(false) => (normal, None),
        Fact::Known(true) => {
            let t = text!(
                "防返贫监测对象中未解除风险的家庭，直接认定为低保边缘家庭",
                "a household monitored against falling back into poverty whose risk is not eliminated is an edge household directly",
            );
            base.test(Tri::Yes, t.clone(), Some(sources::edge_monitored(ctx)));
            if !flag.is_firm() {
                base.soften(ctx.param_check(flag));
            }
            (base, Some(t))
        }
        Fact::Unknown if normal.tri == Tri::No && base.tri != Tri::No => {
            let t = text!(
                "是否为防返贫监测中未解除风险的家庭不清楚：是则直接认定为低保边缘家庭",
                "whether the household is monitored against falling back into poverty is unknown: if so, it is an edge household directly",
            );
            base.test(Tri::Maybe, t.clone(), Some(sources::edge_monitored(ctx)));
            base.checks(Some(Reason {
                text: t.clone(),
                source: Some(sources::edge_monitored(ctx)),
            }));
            (base, Some(t))
        }
        Fact::Unknown => (normal, None),
    }
}
