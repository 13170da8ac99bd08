//! 特困人员救助供养（特困）: per person (特困人员认定办法, 民发〔2021〕43号).
//!
//! All three must hold:
//! 1. 无劳动能力: aged 60+; a minor (under 18 since 民发〔2020〕69号, and beyond 18 while still in
//!    compulsory education, high school or secondary vocational school — for those recognised
//!    before 18); level 1–3 intellectual or mental, level 1–2 physical, level 1 visual disability;
//!    provinces may add (Yunnan 2017: level-1 hearing/speech, bedridden 6+ months);
//! 2. 无生活来源: own income below the local **dibao** standard (not the tekun standard) and
//!    property within the rules; the basic pension and 高龄津贴 are not counted;
//! 3. 无法定赡养、抚养、扶养义务人，或者其法定义务人无履行义务能力: a supporter is unable if tekun;
//!    on dibao and 60+; 70+ with income below the local disposable income and property within
//!    the rules; severely disabled with the same tests; without civil capacity, missing or in
//!    prison, with the property test.
//!
//! Estimate: basic living standard (≥ 1.3 × the urban dibao standard, seed 000) + the care
//! allowance tier for the person's self-care ability, at home unless they ask for an institution.

use super::Verdict;
use crate::rules::context::{Ctx, Standard};
use crate::rules::fact::Fact;
use crate::rules::household::{DisabilityKind, Member, Obligor, Schooling, SelfCare};
use crate::rules::income::{member_income, Purpose};
use crate::rules::lines;
use crate::rules::money::{fen, near_en, near_zh, yuan_en, yuan_zh, Tri, TWELVE};
use crate::rules::outcome::{Estimate, PersonResult, Reason, Text};
use crate::rules::sources;
use rust_decimal::Decimal;

fn src() -> Option<crate::rules::outcome::Source> {
    Some(sources::tekun_conditions())
}

/// 无劳动能力.
fn unable_to_work(ctx: &Ctx, m: &Member) -> (Tri, Text) {
    let minor_limit = ctx
        .params
        .tekun_minor_age_limit()
        .number()
        .unwrap_or(Decimal::from(18));
    let mut verdict = Tri::No;
    let mut why = text!(
        "未见无劳动能力的情形（年龄、残疾）",
        "no sign of inability to work (age, disability)",
    );
    match m.age.get() {
        Some(age) if age >= 60 => {
            return (
                Tri::Yes,
                text!(
                    format!("{}岁，年满60周岁", age),
                    format!("aged {age}, 60 or over"),
                ),
            )
        }
        Some(age) if Decimal::from(age) < minor_limit => {
            return (
                Tri::Yes,
                text!(
                    format!("{}岁，未满{}周岁", age, minor_limit),
                    format!("aged {age}, under {minor_limit}"),
                ),
            )
        }
        Some(age)
            if matches!(
                m.schooling,
                Fact::Known(
                    Schooling::Compulsory | Schooling::HighSchool | Schooling::SecondaryVocational
                )
            ) =>
        {
            verdict = Tri::Maybe;
            why = text!(
                format!("{}岁仍在接受义务教育或高中、中职教育：已认定的特困未成年人可延续至毕业", age),
                format!("aged {age} and still at school: support continues past 18 for minors already recognised"),
            );
        }
        // Not answered whether still at school: a pupil past 18 may continue (as above).
        Some(age) if m.schooling.is_unknown() => {
            verdict = Tri::Maybe;
            why = text!(
                format!("{}岁，是否仍在接受义务教育或高中、中职教育未回答：已认定的特困未成年人可延续至毕业", age),
                format!("aged {age}, not answered whether still at school: support continues past 18 for minors already recognised"),
            );
        }
        Some(_) => {}
        None => {
            verdict = Tri::Maybe;
            why = text!("年龄不清楚", "age unknown");
        }
    }
    let hearing = ctx.params.tekun_hearing_speech_level1_counts().flag() == Some(true);
    match m.disability {
        Fact::Unknown => {
            if verdict == Tri::No {
                verdict = Tri::Maybe;
                why = text!("残疾情况不清楚", "disability unknown");
            }
        }
        Fact::Known(Some(d)) => {
            let counts = match d.kind {
                DisabilityKind::Intellectual | DisabilityKind::Mental => d.level <= 3,
                DisabilityKind::Physical | DisabilityKind::Multiple => d.level <= 2,
                DisabilityKind::Visual => d.level == 1,
                DisabilityKind::Hearing | DisabilityKind::Speech => hearing && d.level == 1,
            };
            if counts {
                return (
                    Tri::Yes,
                    text!(
                        format!("持{}级残疾证，属于无劳动能力", d.level),
                        format!("level-{} disability: unable to work", d.level),
                    ),
                );
            }
        }
        Fact::Known(None) => {}
    }
    if ctx.params.tekun_bedridden_counts().flag() == Some(true) {
        match m.bedridden {
            Fact::Known(true) => {
                return (
                    Tri::Yes,
                    text!(
                        "因重病卧床连续6个月以上",
                        "bedridden by serious illness for 6+ months",
                    ),
                )
            }
            Fact::Unknown if verdict == Tri::No => {
                verdict = Tri::Maybe;
                why = text!("是否长期卧床不清楚", "whether bedridden is unknown");
            }
            _ => {}
        }
    }
    (verdict, why)
}

/// Is one supporter unable to support (the six conditions, the sixth being provincial)?
fn obligor_unable(o: &Obligor) -> Tri {
    let age = o.age.get();
    let tests = o.property_within_rules;
    let t = |f: Fact<bool>| match f {
        Fact::Known(b) => Tri::from_bool(b),
        Fact::Unknown => Tri::Maybe,
    };
    let age_at_least = |n: u8| match age {
        Some(a) => Tri::from_bool(a >= n),
        None => Tri::Maybe,
    };
    let c1 = t(o.tekun);
    let c2 = t(o.dibao).and(age_at_least(60));
    let c3 = age_at_least(70)
        .and(t(o.income_below_disposable))
        .and(t(tests));
    let c4 = t(o.severe_disability)
        .and(t(o.income_below_disposable))
        .and(t(tests));
    let c5 = t(o.incapacitated).and(t(tests));
    c1.or(c2).or(c3).or(c4).or(c5)
}

/// Counted members who are this person's legal supporters by their relation to the applicant
/// (spouses to each other, parents to children, adult children to parents).
fn co_living_obligors<'a>(ctx: &Ctx<'a>, m: &Member) -> Vec<&'a Member> {
    use crate::rules::household::Relation::*;
    ctx.counted
        .iter()
        .copied()
        .filter(|o| o.id != m.id)
        .filter(|o| match (m.relation, o.relation) {
            (Applicant, Spouse) | (Spouse, Applicant) | (Applicant, Parent) => true,
            (Applicant | Spouse, Child) => o.age.get().is_some_and(|a| a >= 18),
            (Child, Applicant | Spouse) | (Parent, Applicant) => true,
            _ => false,
        })
        .collect()
}

/// A co-living supporter who is clearly able: 18–69, no severe disability, no serious illness.
fn clearly_capable(o: &Member) -> bool {
    let age_ok = o.age.get().is_some_and(|a| (18..70).contains(&a));
    let disabled = match o.disability {
        Fact::Known(Some(d)) => d.is_severe() || (d.level == 3 && d.is_intellectual_or_mental()),
        Fact::Known(None) => false,
        Fact::Unknown => true,
    };
    age_ok && !disabled && o.serious_illness == Fact::Known(false)
}

fn no_capable_supporter(ctx: &Ctx, m: &Member) -> (Tri, Text) {
    match &m.obligors {
        Fact::Unknown => {
            let capable: Vec<&str> = co_living_obligors(ctx, m)
                .into_iter()
                .filter(|o| clearly_capable(o))
                .map(|o| o.id.as_str())
                .collect();
            let capable_names = crate::rules::names::names(ctx.h, &capable);
            if capable.is_empty() {
                (
                    Tri::Maybe,
                    text!(
                        "是否有法定赡养、抚养、扶养义务人及其能力不清楚",
                        "whether there is a legal supporter able to help is unknown",
                    ),
                )
            } else {
                (
                    Tri::No,
                    text!(
                        format!(
                            "与有履行义务能力的法定义务人（{}）共同生活",
                            capable_names.zh
                        ),
                        format!(
                            "lives with a legal supporter able to help ({})",
                            capable_names.en
                        ),
                    ),
                )
            }
        }
        Fact::Known(list) if list.is_empty() => (
            Tri::Yes,
            text!("无法定赡养、抚养、扶养义务人", "no legal supporter"),
        ),
        Fact::Known(list) => {
            let all = list.iter().map(obligor_unable).fold(Tri::Yes, Tri::and);
            let text = match all {
                Tri::Yes => text!(
                    "法定义务人均无履行义务能力",
                    "every legal supporter is unable to support",
                ),
                Tri::No => text!(
                    "有具备履行义务能力的法定义务人",
                    "has a legal supporter able to support",
                ),
                Tri::Maybe => text!(
                    "法定义务人是否有履行能力需核实",
                    "whether the legal supporters can help must be checked",
                ),
            };
            (all, text)
        }
    }
}

/// Care tier 1 (no self-care) to 3 (full self-care), for a self-care answer (the person's own,
/// or each possible answer when it is not known).
fn care_tier(ctx: &Ctx, m: &Member, care: SelfCare) -> u8 {
    let by_care = match care {
        SelfCare::None => 1,
        SelfCare::Partial => 2,
        SelfCare::Full => 3,
    };
    let by_level = match (
        ctx.params.tekun_care_tier_by_disability_level().flag(),
        m.known_disability(),
    ) {
        (Some(true), Some(d)) if d.level <= 2 => d.level,
        _ => 3,
    };
    by_care.min(by_level)
}

/// Rural residents where the region sets the tekun standard from the rural dibao standard
/// (长治, 甘肃: `tekun_basic_rural_from_rural_dibao`): multiple × the rural standard ÷ 12, plus the
/// institution uplift where published. `None` where the region does not say so.
fn rural_basic(ctx: &Ctx, m: &Member) -> Option<(Decimal, Text)> {
    if ctx.h.residence != crate::rules::household::Residence::Rural
        || ctx.params.tekun_basic_rural_from_rural_dibao().flag() != Some(true)
    {
        return None;
    }
    let k = ctx.params.tekun_basic_multiple_of_urban_dibao().number()?;
    let rural = ctx.params.dibao_rural_yearly().number()?;
    let monthly = k * rural / TWELVE;
    let uplift = ctx.params.tekun_concentrated_uplift();
    match (m.in_institution, uplift.number()) {
        (true, Some(u)) => {
            let b = fen(monthly * (Decimal::ONE + u));
            Some((
                b,
                text!(
                    format!(
                        "农村特困基本生活标准按农村低保标准的{}倍（{} ÷ 12 × {}），集中供养增加{}%：{}",
                        k,
                        yuan_zh(rural),
                        k,
                        u * Decimal::ONE_HUNDRED,
                        yuan_zh(b)
                    ),
                    format!(
                        "rural tekun basic standard at {}× the rural dibao standard ({} ÷ 12 × {}), plus {}% in an institution: {}",
                        k,
                        yuan_en(rural),
                        k,
                        u * Decimal::ONE_HUNDRED,
                        yuan_en(b)
                    ),
                ),
            ))
        }
        _ => {
            let b = fen(monthly);
            Some((
                b,
                text!(
                    format!(
                        "农村特困基本生活标准按农村低保标准的{}倍：{} ÷ 12 × {} = {}",
                        k,
                        yuan_zh(rural),
                        k,
                        yuan_zh(b)
                    ),
                    format!(
                        "rural tekun basic standard at {}× the rural dibao standard: {} ÷ 12 × {} = {}",
                        k,
                        yuan_en(rural),
                        k,
                        yuan_en(b)
                    ),
                ),
            ))
        }
    }
}

/// The care allowance for one self-care answer: (amount, approximate) and its text.
fn care_allowance(ctx: &Ctx, m: &Member, care: SelfCare) -> ((Decimal, bool), Text) {
    let tier = care_tier(ctx, m, care);
    let care_r = ctx.params.tekun_care_monthly(m.in_institution, tier);
    match care_r.number() {
        Some(c) => (
            (c, !care_r.is_firm()),
            text!(
                format!(" + 照料护理补贴{}档 {}", tier, yuan_zh(c)),
                format!(" + care allowance tier {tier} {}", yuan_en(c)),
            ),
        ),
        None => (
            (Decimal::ZERO, true),
            text!(
                format!(" + 照料护理补贴{}档（当地标准未公布）", tier),
                format!(" + care allowance tier {tier} (local amount not published)"),
            ),
        ),
    }
}

fn estimate(ctx: &Ctx, m: &Member) -> Option<Estimate> {
    let rural_note = ctx.h.residence == crate::rules::household::Residence::Rural
        && ctx
            .params
            .tekun_basic_rural_from_rural_dibao()
            .flag()
            .is_none();
    let basic_r = if m.in_institution {
        let c = ctx.params.tekun_basic_concentrated_monthly();
        if c.number().is_some() {
            c
        } else {
            ctx.params.tekun_basic_monthly()
        }
    } else {
        ctx.params.tekun_basic_monthly()
    };
    let from_rural = rural_basic(ctx, m);
    let (basic, approx, basis_zh, basis_en) = match (from_rural, basic_r.number()) {
        (Some((b, t)), _) => (b, true, t.zh.into_owned(), t.en.into_owned()),
        (None, Some(b)) => (
            b,
            !basic_r.is_firm(),
            format!("基本生活标准 {}", yuan_zh(b)),
            format!("basic living standard {}", yuan_en(b)),
        ),
        (None, None) => {
            let k = ctx.params.tekun_basic_multiple_of_urban_dibao().number()?;
            let u = ctx.params.dibao_urban_monthly().number()?;
            let b = fen(k * u);
            (
                b,
                true,
                format!("基本生活标准不低于城市低保标准的{}倍：{}", k, yuan_zh(b)),
                format!(
                    "basic standard at least {}× the urban dibao standard: {}",
                    k,
                    yuan_en(b)
                ),
            )
        }
    };
    // Self-care not answered: the allowance is anything from the full-self-care tier to the
    // no-self-care tier.
    let (care_low, care_high, care_text) = match m.self_care {
        Fact::Known(c) => {
            let (care, text) = care_allowance(ctx, m, c);
            (care, care, text)
        }
        Fact::Unknown => {
            let (low, lt) = care_allowance(ctx, m, SelfCare::Full);
            let (high, ht) = care_allowance(ctx, m, SelfCare::None);
            let text = text!(
                format!(
                    "{}至{}（生活自理能力未回答）",
                    lt.zh,
                    ht.zh.trim_start_matches(" + ")
                ),
                format!(
                    "{} to {} (self-care not answered)",
                    lt.en,
                    ht.en.trim_start_matches(" + ")
                ),
            );
            (low, high, text)
        }
    };
    let care_approx = care_low.1 || care_high.1;
    let (total_low, total_high) = (fen(basic + care_low.0), fen(basic + care_high.0));
    // Where the region does not say whether rural residents' figure follows the rural standard,
    // the (urban-based) figure is only an estimate for them.
    let (nz, ne) = if rural_note {
        (
            "；农村特困标准是否另按农村低保标准确定，取决于当地规定",
            "; whether rural residents have their own figure from the rural standard depends on local rules",
        )
    } else {
        ("", "")
    };
    Some(Estimate {
        monthly_low: total_low,
        monthly_high: total_high,
        approximate: approx || care_approx || rural_note,
        unit: crate::rules::outcome::Unit::Month,
        basis: text!(basis_zh + &care_text.zh + nz, basis_en + &care_text.en + ne),
    })
}

/// One member's 特困 test. `property`: the household's property test for 特困
/// (`property::verdict(ctx, property::Scheme::Tekun, std)`), the same for every member.
pub fn evaluate_person(
    ctx: &Ctx,
    m: &Member,
    std: Option<Standard>,
    property: &Verdict,
) -> PersonResult {
    let mut v = Verdict::new();
    let (work, why) = unable_to_work(ctx, m);
    v.test(work, why.clone(), src());
    if work == Tri::Maybe {
        v.checks(Some(Reason {
            text: why,
            source: src(),
        }));
    }
    // The 2020 extension matters only to a 16- or 17-year-old (or an age not given).
    if m.age.get().is_some_and(|a| (16..18).contains(&a)) || m.age.is_unknown() {
        v.reasons.push(Reason {
            text: text!(
                "未成年人年龄从16周岁延长至18周岁",
                "minors are covered up to 18",
            ),
            source: Some(sources::tekun_minor()),
        });
    }

    let inc = member_income(ctx, m, Purpose::Tekun);
    v.checks(inc.checks.iter().cloned());
    match std {
        Some(s) => {
            let (t, near) = lines::below(inc.annual, &s.line(ctx, Decimal::ONE), None);
            v.checks(near);
            let own = inc.annual.low / TWELVE;
            v.test(
                t,
                text!(
                    format!("本人月收入 {}{}，与当地低保标准 {} 比较（特困认定以低保标准为准）", if inc.annual.exact_value().is_some() { "" } else { "至少" }, near_zh(own, s.monthly), yuan_zh(s.monthly)),
                    format!("own income {}{} a month, against the local dibao standard {} (the tekun test uses the dibao standard)", if inc.annual.exact_value().is_some() { "" } else { "at least " }, near_en(own, s.monthly), yuan_en(s.monthly)),
                ),
                src(),
            );
            if !s.firm {
                v.soften(ctx.standard_check());
            }
        }
        None => {
            v.test(
                Tri::Maybe,
                text!("当地低保标准未公布", "local dibao standard not published"),
                src(),
            );
            v.checks(Some(ctx.standard_check()));
        }
    }
    v.merge(property.clone());

    let (sup, why) = no_capable_supporter(ctx, m);
    v.test(sup, why.clone(), src());
    if sup == Tri::Maybe {
        v.checks(Some(Reason {
            text: why,
            source: src(),
        }));
    }
    if m.self_care.is_unknown() {
        v.checks(Some(Reason {
            text: text!(
                "生活自理能力未回答：照料护理补贴按自理能力分档，金额以评估为准",
                "self-care not answered: the care allowance depends on the assessed self-care ability",
            ),
            source: src(),
        }));
    }
    let v = v.finish();
    let estimate = if v.tri != Tri::No {
        estimate(ctx, m)
    } else {
        None
    };
    PersonResult {
        member: m.id.clone(),
        status: v.status(),
        reasons: v.reasons,
        to_check: v.checks,
        estimate,
    }
}
