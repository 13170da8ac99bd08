//! 参照“单人户”纳入低保: a member assessed as a one-person household.
//!
//! Seed 002 (楚民发〔2023〕5号 一（二）): "对不符合低保条件，家庭人均收入低于当地低保标准 1.5 倍，且财产
//! 状况符合规定的低保边缘家庭中的重残人员、重病患者等特殊困难人员，经本人申请，可参照“单人户”纳入低保
//! 范围。成年无业的一级、二级重度残疾人和三级智力残疾人、三级精神残疾人，可以参照“单人户”提出低保申请",
//! with the support-payment exemptions (see `income`). Seed 000 (Xishan): level 1–2, level-3
//! intellectual/mental, serious illness. Seed 003 (Diqing): adds level 4 intellectual/mental;
//! the Yunnan draft adds an own-income limit of 1.5 × the standard for level 4 (parameters).
//! Because it needs 经本人申请 (the person's own application), a qualifying member is `likely` only
//! when every test passes; the estimate is the standard minus the person's own counted income.

use super::dibao::Dibao;
use super::Verdict;
use crate::rules::context::{Ctx, Standard};
use crate::rules::fact::Fact;
use crate::rules::household::Member;
use crate::rules::income::{member_income, Purpose};
use crate::rules::money::{fen, near_en, near_zh, yuan_en, yuan_zh, Range, Tri, TWELVE};
use crate::rules::outcome::{Estimate, PersonResult, Reason, Text};
use crate::rules::sources;
use rust_decimal::Decimal;

/// 成年无业重度残疾人: adult, without work, level 1–2 or level-3 intellectual/mental disability.
pub fn support_exemption_applies(ctx: &Ctx, m: &Member) -> bool {
    let adult = m.age.get().is_some_and(|a| a >= 18);
    let severe = m
        .known_disability()
        .is_some_and(|d| d.is_severe() || (d.level == 3 && d.is_intellectual_or_mental()));
    adult
        && severe
        && !m.work.has_work()
        && ctx.param("single_person_adult_unemployed_severe").flag() == Some(true)
}

/// Does the member belong to a group the carve-out names? Level 4 returns its own income limit.
fn condition(ctx: &Ctx, m: &Member) -> (Tri, Text, bool) {
    let src_level4 = ctx.param("single_person_level4_intellectual_mental");
    match m.disability {
        Fact::Known(Some(d)) if d.is_severe() => {
            return (
                Tri::Yes,
                text!(
                    format!("持{}级重度残疾证", d.level),
                    format!("level-{} (severe) disability", d.level),
                ),
                false,
            )
        }
        Fact::Known(Some(d)) if d.level == 3 && d.is_intellectual_or_mental() => {
            return (
                Tri::Yes,
                text!(
                    "三级智力或精神残疾",
                    "level-3 intellectual or mental disability",
                ),
                false,
            )
        }
        Fact::Known(Some(d)) if d.level == 4 && d.is_intellectual_or_mental() => {
            match src_level4.flag() {
                Some(true) => {
                    let t = if src_level4.is_firm() {
                        Tri::Yes
                    } else {
                        Tri::Maybe
                    };
                    return (
                        t,
                        text!(
                            "四级智力或精神残疾（本地可参照单人户）",
                            "level-4 intellectual or mental disability (included locally)",
                        ),
                        true,
                    );
                }
                None => {
                    return (
                        Tri::Maybe,
                        text!(
                            "四级智力或精神残疾：是否适用取决于当地规定",
                            "level-4 intellectual or mental disability: depends on local rules",
                        ),
                        true,
                    )
                }
                Some(false) => {}
            }
        }
        _ => {}
    }
    match (m.serious_illness, m.disability) {
        (Fact::Known(true), _) => (Tri::Yes, text!("患有重特大疾病", "serious illness"), false),
        (Fact::Unknown, _) | (_, Fact::Unknown) => (
            Tri::Maybe,
            text!(
                "残疾或重病情况不清楚",
                "disability or serious illness unknown",
            ),
            false,
        ),
        _ => (
            Tri::No,
            text!(
                "无重度残疾或重病",
                "no severe disability or serious illness",
            ),
            false,
        ),
    }
}

pub fn evaluate(
    ctx: &Ctx,
    dibao: &Dibao,
    net: Range,
    std: Option<Standard>,
    edge_property: &Verdict,
) -> (Tri, Vec<PersonResult>, Vec<Reason>) {
    let n = ctx.size();
    let mut household = Verdict::new();
    // Not dibao as a whole household (on income).
    household.test(
        !dibao.income,
        match dibao.income {
            Tri::Yes => text!(
                "整户人均收入已低于低保标准：参照“单人户”只适用于整户收入不低于低保标准的家庭",
                "the household's income per person is already below the dibao standard: the carve-out is only for households whose income is not",
            ),
            Tri::Maybe => text!(
                "整户是否符合低保收入条件尚不确定：如整户不符合，才参照单人户",
                "whether the household as a whole is under the dibao line is not settled: the carve-out applies only if it is not",
            ),
            Tri::No => text!(
                "整户不符合低保收入条件",
                "the household as a whole is not under the dibao line",
            ),
        },
        Some(sources::single_person()),
    );
    let multiple = ctx.param("edge_multiple");
    match (std, multiple.number()) {
        (Some(s), Some(k)) => {
            let t = net.below(k * s.annual * n);
            household.test(
                t,
                text!(
                    format!(
                        "家庭月人均收入低于低保标准的{}倍（{}）",
                        k,
                        yuan_zh(fen(k * s.monthly))
                    ),
                    format!(
                        "household income per person below {}× the dibao standard ({})",
                        k,
                        yuan_en(fen(k * s.monthly))
                    ),
                ),
                Some(sources::single_person()),
            );
            // A standard or multiple that is only a reference from a wider area: at best
            // `possible` (rules-decisions.md "Results"), as for dibao and edge.
            if !s.firm {
                household.soften(ctx.standard_check());
            }
            if !multiple.is_firm() {
                household.soften(ctx.param_check(&multiple));
            }
        }
        _ => {
            household.test(
                Tri::Maybe,
                text!("边缘家庭收入线未知", "edge line unknown"),
                Some(sources::single_person()),
            );
            household.checks(Some(ctx.standard_check()));
        }
    }
    household.test(
        edge_property.tri,
        text!(
            "家庭财产状况符合规定",
            "household property within the rules",
        ),
        Some(sources::property_rules()),
    );
    household.checks(edge_property.checks.iter().cloned());

    let mut people = Vec::new();
    for m in &ctx.counted {
        let (cond, why, level4) = condition(ctx, m);
        if cond == Tri::No {
            continue;
        }
        let mut v = household.clone();
        v.test(cond, why.clone(), Some(sources::single_person()));
        if cond == Tri::Maybe {
            v.checks(Some(Reason {
                text: why,
                source: Some(sources::single_person()),
            }));
        }
        let exempt = support_exemption_applies(ctx, m);
        if exempt {
            v.reasons.push(Reason {
                text: text!("成年无业重度残疾人：兄弟姐妹或60周岁以上老人给付的供养费按规定豁免", "adult without work with severe disability: support from siblings or supporters 60+ exempted as the rules say"),
                source: Some(sources::support_exemption()),
            });
        }
        let own = member_income(
            ctx,
            m,
            Purpose::Person {
                exempt_support: exempt,
            },
        );
        v.checks(own.checks.iter().cloned());
        let mut estimate = None;
        if let Some(s) = std {
            let t = own.annual.below(s.annual);
            v.test(
                t,
                text!(
                    format!(
                        "本人月收入 {}，低于低保标准 {} 才可参照单人户",
                        near_zh(own.annual.low / TWELVE, s.monthly),
                        yuan_zh(s.monthly)
                    ),
                    format!(
                        "own income {} a month must be below the dibao standard {}",
                        near_en(own.annual.low / TWELVE, s.monthly),
                        yuan_en(s.monthly)
                    ),
                ),
                Some(sources::single_person()),
            );
            if level4 {
                let k = ctx.param("single_person_level4_income_multiple");
                if let Some(k) = k.number() {
                    v.test(
                        own.annual.below(k * s.annual),
                        text!(
                            format!("四级残疾：本人年收入须低于低保标准的{}倍", k),
                            format!("level 4: own yearly income must be below {k}× the standard"),
                        ),
                        Some(k_source(&k)),
                    );
                }
            }
            if let (Some(x), true) = (own.annual.exact_value(), t != Tri::No) {
                let amount = fen((s.annual - x) / TWELVE);
                estimate = Some(Estimate {
                    monthly_low: amount,
                    monthly_high: amount,
                    approximate: !s.firm,
                    unit: crate::rules::outcome::Unit::Month,
                    basis: text!(
                        format!(
                            "低保标准 {} − 本人月收入 {}",
                            yuan_zh(s.monthly),
                            yuan_zh(x / TWELVE)
                        ),
                        format!(
                            "standard {} − own income {}",
                            yuan_en(s.monthly),
                            yuan_en(x / TWELVE)
                        ),
                    ),
                });
            }
        }
        let v = v.finish();
        people.push(PersonResult {
            member: m.id.clone(),
            status: v.status(),
            reasons: v.reasons,
            to_check: v.checks,
            estimate: if v.tri == Tri::No { None } else { estimate },
        });
    }
    let best = people.iter().map(|p| p.status).min();
    let tri = match best {
        Some(crate::rules::outcome::Status::Likely) => Tri::Yes,
        Some(crate::rules::outcome::Status::Possible) => Tri::Maybe,
        _ => Tri::No,
    };
    (tri, people, household.reasons)
}

fn k_source(_k: &Decimal) -> crate::rules::outcome::Source {
    sources::single_person()
}
