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
use crate::rules::income::{member_income, HouseholdIncome, Purpose};
use crate::rules::lines;
use crate::rules::money::{fen, near_en, near_zh, yuan_en, yuan_zh, Tri, TWELVE};
use crate::rules::outcome::{Estimate, PersonResult, Reason, Source, Text};
use crate::rules::params::Resolved;
use crate::rules::sources;
use rust_decimal::Decimal;

/// 成年无业重度残疾人: adult, without work, level 1–2 or level-3 intellectual/mental disability,
/// where the support exemptions apply — as far as the answers say (an unknown age or disability
/// leaves it open).
pub fn support_exemption(ctx: &Ctx, m: &Member) -> Tri {
    if ctx.params.single_person_adult_unemployed_severe().flag() != Some(true) {
        return Tri::No;
    }
    adult_severe_without_work(m)
}

/// [`support_exemption`] known to apply.
pub fn support_exemption_applies(ctx: &Ctx, m: &Member) -> bool {
    support_exemption(ctx, m) == Tri::Yes
}

/// Does the member belong to a group the carve-out names? Level 4 returns its own income limit.
fn condition(ctx: &Ctx, m: &Member) -> (Tri, Text, bool) {
    let src_level4 = ctx.params.single_person_level4_intellectual_mental();
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

/// 成年无业重度残疾人 (seed 002 一（二）second sentence; 民发〔2022〕83号): adult, without work,
/// level 1–2 or level-3 intellectual/mental disability — as far as the answers say.
fn adult_severe_without_work(m: &Member) -> Tri {
    let adult = match m.age.get() {
        Some(a) => Tri::from_bool(a >= 18),
        None => Tri::Maybe,
    };
    let severe = match m.disability {
        Fact::Known(Some(d)) => {
            Tri::from_bool(d.is_severe() || (d.level == 3 && d.is_intellectual_or_mental()))
        }
        Fact::Known(None) => Tri::No,
        Fact::Unknown => Tri::Maybe,
    };
    let without_work = match m.work {
        Fact::Known(w) => Tri::from_bool(!w.has_work()),
        Fact::Unknown => Tri::Maybe,
    };
    adult.and(severe).and(without_work)
}

/// A regional flag that opens a route: published true → yes; a reference or unknown value →
/// possible (named); false → no.
fn route_flag(ctx: &Ctx, v: &mut Verdict, r: &Resolved, unknown_opens: bool, text: Text) {
    let t = match r.flag() {
        Some(true) if r.is_firm() => Tri::Yes,
        Some(true) => Tri::Maybe,
        None if unknown_opens => Tri::Maybe,
        _ => Tri::No,
    };
    v.test(t, text, Some(r.source()));
    if t == Tri::Maybe {
        v.checks(Some(ctx.param_check(r)));
    }
}

/// Property where the person is assessed on their own (the second sentence and the community-
/// correction route): the household's property is not the person's, so a household that fails
/// or may fail the property rules leaves the person's own property to be checked, never a firm no.
fn own_property(edge_property: &Verdict, v: &mut Verdict) {
    match edge_property.tri {
        Tri::Yes => v.test(
            Tri::Yes,
            text!(
                "家庭财产状况符合规定",
                "household property within the rules",
            ),
            Some(sources::property_rules()),
        ),
        _ => {
            let t = text!(
                "参照单人户时按本人财产状况核实：家庭财产超出或可能超出规定，本人财产以乡镇（街道）核实为准",
                "assessed alone, the person's own property counts: the household's property is or may be above the rules — the township checks the person's own",
            );
            v.test(Tri::Maybe, t.clone(), Some(sources::property_rules()));
            v.checks(Some(Reason {
                text: t,
                source: Some(sources::property_rules()),
            }));
        }
    }
}

/// The person's own counted income against the standard; the estimate is the difference.
fn own_income_test(
    ctx: &Ctx,
    m: &Member,
    std: Option<Standard>,
    exempt: bool,
    level4: bool,
    v: &mut Verdict,
    src: Source,
) -> Option<Estimate> {
    if exempt {
        v.reasons.push(Reason {
            text: text!("成年无业重度残疾人：兄弟姐妹或60周岁以上老人给付的供养费按规定豁免", "adult without work with severe disability: support from siblings or supporters 60+ exempted as the rules say"),
            source: Some(sources::support_exemption(ctx)),
        });
    }
    let own = if exempt {
        member_income(
            ctx,
            m,
            Purpose::Person {
                exempt_support: true,
            },
        )
    } else {
        // Where the exemption may apply (age or disability not known), anything between.
        crate::rules::income::member_income_maybe_exempt(ctx, m, support_exemption(ctx, m))
    };
    v.checks(own.checks.iter().cloned());
    let s = match std {
        Some(s) => s,
        None => {
            v.test(
                Tri::Maybe,
                text!("当地低保标准未公布", "local dibao standard not published"),
                Some(src.clone()),
            );
            v.checks(Some(ctx.standard_check()));
            return None;
        }
    };
    // Above a line that is not firm but within its band, or within a plausible unpublished
    // deduction for costs of working: possible (lines).
    let slack = lines::employment_slack(ctx, &[m], &s);
    let (t, near) = lines::below(own.annual, &s.line(ctx, Decimal::ONE), slack.as_ref());
    v.checks(near);
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
        Some(src.clone()),
    );
    if !s.firm {
        v.soften(ctx.standard_check());
    }
    if level4 {
        let k = ctx.params.single_person_level4_income_multiple();
        if let Some(k) = k.number() {
            v.test(
                own.annual.below(k * s.annual),
                text!(
                    format!("四级残疾：本人年收入须低于低保标准的{}倍", k),
                    format!("level 4: own yearly income must be below {k}× the standard"),
                ),
                Some(k_source(ctx, &k)),
            );
        }
    }
    match (own.annual.exact_value(), t != Tri::No) {
        // No amount from a figure the income is not below.
        (Some(x), true) if x < s.annual => {
            let amount = fen((s.annual - x) / TWELVE);
            Some(Estimate {
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
            })
        }
        _ => None,
    }
}

/// The household is not a dibao household as a whole — on income **or** property (seed 002
/// 一（二） "对不符合低保条件"): a household under the line whose property fails the dibao rules
/// keeps the carve-out.
fn not_dibao(ctx: &Ctx, dibao: &Dibao) -> Verdict {
    let mut v = Verdict::new();
    if dibao.verdict.tri == Tri::Maybe {
        v.checks(dibao.verdict.checks.iter().cloned());
    }
    v.test(
        !dibao.verdict.tri,
        match dibao.verdict.tri {
            Tri::Yes => text!(
                "整户已符合低保条件，整户纳入低保，无需参照“单人户”",
                "the whole household already qualifies for dibao and is enrolled whole: no carve-out needed",
            ),
            Tri::Maybe => text!(
                "整户是否符合低保条件尚不确定：如整户不符合（收入或财产），才参照单人户",
                "whether the household as a whole qualifies for dibao is not settled: the carve-out applies only if it does not (income or property)",
            ),
            Tri::No => text!(
                "整户不符合低保条件（收入或财产）",
                "the household as a whole does not meet the dibao conditions (income or property)",
            ),
        },
        Some(sources::dibao_whole_household(ctx)),
    );
    v
}

pub fn evaluate(
    ctx: &Ctx,
    dibao: &Dibao,
    hi: &HouseholdIncome,
    std: Option<Standard>,
    edge_property: &Verdict,
) -> (Tri, Vec<PersonResult>, Vec<Reason>) {
    let n = ctx.size();
    let net = hi.net;
    let not_dibao = not_dibao(ctx, dibao);
    // Route 1 (first sentence): a member of an edge household.
    let mut household = not_dibao.clone();
    let multiple = ctx.params.edge_multiple();
    match (std, multiple.number()) {
        (Some(s), Some(k)) => {
            let l = s.edge_line(ctx, multiple, k, n);
            let slack = ctx.household_slack(&s);
            let (t, near) = lines::below(net, &l, slack);
            household.checks(near);
            if t == Tri::Maybe {
                household.checks(
                    hi.gross
                        .checks
                        .iter()
                        .chain(hi.deductions.checks.iter())
                        .cloned(),
                );
            }
            // The words say where income is against the figure used; the band is in to_check.
            let (cz, ce) = match net.below(l.annual) {
                Tri::Yes => ("低于", "below"),
                Tri::No => ("不低于", "not below"),
                Tri::Maybe => ("可能低于", "possibly below"),
            };
            household.test(
                t,
                text!(
                    format!(
                        "家庭月人均收入{}低保标准的{}倍（{}）",
                        cz,
                        k,
                        yuan_zh(fen(k * s.monthly))
                    ),
                    format!(
                        "household income per person {} {}× the dibao standard ({})",
                        ce,
                        k,
                        yuan_en(fen(k * s.monthly))
                    ),
                ),
                Some(sources::single_person(ctx)),
            );
            // A standard or multiple that is only a reference from a wider area: at best
            // `possible` (rules-decisions.md "Results"), as for dibao and edge.
            if !s.firm {
                household.soften(ctx.standard_check());
            }
            if !multiple.is_firm() {
                household.soften(ctx.param_check(multiple));
            }
        }
        _ => {
            household.test(
                Tri::Maybe,
                text!("边缘家庭收入线未知", "edge line unknown"),
                Some(sources::single_person(ctx)),
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
        let exempt = support_exemption_applies(ctx, m);
        let mut routes: Vec<(Verdict, Option<Estimate>)> = Vec::new();
        // Route 1: an edge household's member with severe disability or serious illness.
        let (cond, why, level4) = condition(ctx, m);
        if cond != Tri::No {
            let mut v = household.clone();
            v.test(cond, why.clone(), Some(sources::single_person(ctx)));
            if cond == Tri::Maybe {
                v.checks(Some(Reason {
                    text: why,
                    source: Some(sources::single_person(ctx)),
                }));
            }
            let est = own_income_test(
                ctx,
                m,
                std,
                exempt,
                level4,
                &mut v,
                sources::single_person(ctx),
            );
            routes.push((v.finish(), est));
        }
        // Route 2 (seed 002 一（二）second sentence; 民发〔2022〕83号): an adult without work with
        // severe disability may apply alone whether or not the household is an edge household.
        let cond2 = adult_severe_without_work(m);
        if cond2 != Tri::No {
            let mut v = not_dibao.clone();
            route_flag(
                ctx,
                &mut v,
                ctx.params.single_person_severe_without_edge_condition(),
                true,
                text!(
                    "成年无业重度残疾人可以参照“单人户”提出低保申请，不以低保边缘家庭为前提",
                    "an adult without work with severe disability may apply as a one-person household whether or not the household is an edge household",
                ),
            );
            let why = text!(
                "成年、无业，持一级、二级重度残疾证或三级智力、精神残疾证",
                "adult, without work, level 1–2 disability or level-3 intellectual or mental disability",
            );
            v.test(
                cond2,
                why.clone(),
                Some(sources::single_person_severe_route(ctx)),
            );
            if cond2 == Tri::Maybe {
                v.checks(Some(Reason {
                    text: why,
                    source: Some(sources::single_person_severe_route(ctx)),
                }));
            }
            own_property(edge_property, &mut v);
            let est = own_income_test(
                ctx,
                m,
                std,
                exempt,
                false,
                &mut v,
                sources::single_person_severe_route(ctx),
            );
            routes.push((v.finish(), est));
        }
        // Route 3 (长治, seed 001 二（二）二是): a person under community correction with no
        // means of living applies alone.
        if m.community_corrections != Fact::Known(false)
            && ctx.params.single_person_community_corrections().flag() == Some(true)
        {
            let mut v = not_dibao.clone();
            route_flag(
                ctx,
                &mut v,
                ctx.params.single_person_community_corrections(),
                false,
                text!(
                    "生活无着的社区矫正人员可以单人申报低保",
                    "a person under community correction with no means of living may apply alone",
                ),
            );
            let cond3 = if m.community_corrections.is_unknown() {
                let t = text!(
                    "是否正在接受社区矫正不清楚",
                    "whether under community correction is unknown"
                );
                v.checks(Some(Reason {
                    text: t.clone(),
                    source: Some(sources::single_person_community_corrections(ctx)),
                }));
                (Tri::Maybe, t)
            } else {
                (
                    Tri::Yes,
                    text!("正在接受社区矫正", "under community correction"),
                )
            };
            v.test(
                cond3.0,
                cond3.1,
                Some(sources::single_person_community_corrections(ctx)),
            );
            own_property(edge_property, &mut v);
            let est = own_income_test(
                ctx,
                m,
                std,
                false,
                false,
                &mut v,
                sources::single_person_community_corrections(ctx),
            );
            routes.push((v.finish(), est));
        }
        // The most favourable route stands; on a tie the first (the edge-household route).
        let Some(best) = routes.iter().map(|(v, _)| v.status()).min() else {
            continue;
        };
        let (v, estimate) = routes
            .into_iter()
            .find(|(v, _)| v.status() == best)
            .expect("a route has the best status");
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

fn k_source(ctx: &Ctx, _k: &Decimal) -> crate::rules::outcome::Source {
    sources::single_person(ctx)
}
