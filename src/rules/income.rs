//! 家庭收入: what counts, what does not, and what is deducted.
//!
//! - Counted (民发〔2021〕57号): 工资性收入, 经营净收入, 财产净收入, 转移净收入 (pensions,
//!   support payments received, other regular transfers).
//! - Not counted: 优待抚恤金, 计划生育奖励与扶助金, 奖学金, 见义勇为奖励, 政府发放的社会救助款物,
//!   and (十四五, 2021–2025) the central basic pension of the resident pension scheme — a dated
//!   parameter (`resident_basic_pension_excluded`). For tekun (民发〔2021〕43号) the basic pension and
//!   高龄津贴 are never counted.
//! - Support payments (赡养/抚养/扶养费) for an adult without work with a level 1–2 disability or
//!   level-3 intellectual/mental disability (seed 002 楚民发〔2023〕5号 一（二）; 民发〔2022〕83号):
//!   from siblings fully exempt; from a supporter aged 60+ fully exempt below 1× the previous
//!   year's local per-capita disposable income, 50 % exempt from 1× to below 2×. An amount that
//!   the office cannot determine is counted at the local dibao standard (same clause); an amount
//!   the resident does not know is left open (anything from nothing up) and `to_check` names that
//!   fallback — the office determines it first (docs/reading-the-rules.md).
//! - Rigid expenses (medical, disability rehabilitation, education, employment) are deducted in
//!   full unless the region caps them (seed 000 二（二）2 "按规定予以扣减", seed 002 一（四）"充分扣减").
//!
//! All amounts are annual internally (see `money`).

use super::context::Ctx;
use super::fact::Fact;
use super::household::{IncomeItem, IncomeKind, Member, Payer, PayerIncomeBand, Period};
use super::money::{yuan_en, yuan_zh, Range, Tri, TWELVE};
use super::names;
use super::outcome::{Reason, Text};
use super::sources;
use rust_decimal::Decimal;

/// What an income figure is being computed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The whole household's dibao / edge / rigid-expense tests.
    Household,
    /// One person assessed alone; `exempt_support` applies the support-payment exemptions.
    Person { exempt_support: bool },
    /// The tekun "no means of living" test.
    Tekun,
}

/// A computed income with its explanation.
#[derive(Debug, Clone)]
pub struct Tally {
    pub annual: Range,
    pub lines: Vec<(Text, Option<super::outcome::Source>)>,
    /// Unknown answers or parameters that widen the range.
    pub checks: Vec<Reason>,
}

impl Tally {
    fn new() -> Tally {
        Tally {
            annual: Range::ZERO,
            lines: Vec::new(),
            checks: Vec::new(),
        }
    }
}

pub fn annual(amount: Decimal, period: Period) -> Decimal {
    match period {
        Period::Month => amount * TWELVE,
        Period::Year => amount,
    }
}

fn kind_label(k: IncomeKind) -> Text {
    let (zh, en) = match k {
        IncomeKind::Wages => ("工资性收入", "wages"),
        IncomeKind::Business => ("经营净收入", "business income"),
        IncomeKind::Farming => ("农业生产经营收入", "farming income"),
        IncomeKind::Property => (
            "财产净收入（租金、利息等）",
            "property income (rent, interest)",
        ),
        IncomeKind::Pension => ("养老金、退休金", "pension"),
        IncomeKind::Support => ("赡养、抚养、扶养费", "support from relatives"),
        IncomeKind::OtherTransfer => ("其他转移性收入", "other regular transfers"),
        IncomeKind::ResidentBasicPension => ("城乡居民基础养老金", "resident basic pension"),
        IncomeKind::OldAgeAllowance => ("高龄津贴", "old-age allowance"),
        IncomeKind::PreferentialCare => ("优待抚恤金", "preferential-care payments"),
        IncomeKind::FamilyPlanning => ("计划生育奖励与扶助金", "family-planning rewards"),
        IncomeKind::Scholarship => ("奖学金", "scholarship"),
        IncomeKind::BraveryAward => ("见义勇为奖励", "award for bravery"),
        IncomeKind::Assistance => ("政府发放的社会救助款物", "government assistance payments"),
    };
    text!(zh, en)
}

fn never_counted(k: IncomeKind) -> bool {
    matches!(
        k,
        IncomeKind::PreferentialCare
            | IncomeKind::FamilyPlanning
            | IncomeKind::Scholarship
            | IncomeKind::BraveryAward
            | IncomeKind::Assistance
    )
}

fn amount_text(v: Decimal) -> Text {
    text!(
        format!("{}/年（{}/月）", yuan_zh(v), yuan_zh(v / TWELVE)),
        format!("{}/year ({}/month)", yuan_en(v), yuan_en(v / TWELVE)),
    )
}

/// What is unknown about a resident basic pension the resident did enter: not the amount, but
/// whether it counts. 民发〔2021〕57号 left the centrally set basic pension out of household income
/// during the 十四五 period (2021–2025); no rule for the years after it has been published.
fn pension_check(ctx: &Ctx, m: &Member, annual_amount: Decimal) -> Reason {
    let who = names::name_of(ctx.h, m);
    let monthly = annual_amount / TWELVE;
    let text = if ctx.as_of.year >= 2026 {
        text!(
            format!("{}填写的城乡居民基础养老金每月 {}：“十四五”期间（2021—2025年）国家规定它不计入家庭收入，这一规定已于2025年底到期，{}年是否计入尚未公布。如不计入，按 0 元计算；如计入，按每月 {} 计算。请向乡镇（街道）确认", who.zh, yuan_zh(monthly), ctx.as_of.year, yuan_zh(monthly)),
            format!("{} entered a resident basic pension of {} a month. During 2021–2025 (the 14th Five-Year Plan) national rules left it out of household income; that rule ended with 2025, and whether it counts in {} has not been published. If it does not count, it adds ¥0; if it does, {} a month. Ask the township office", who.en, yuan_en(monthly), ctx.as_of.year, yuan_en(monthly)),
        )
    } else {
        text!(
            format!("{}填写的城乡居民基础养老金每月 {}：是否计入家庭收入，当地规定未公布。如不计入，按 0 元计算；如计入，按每月 {} 计算。请向乡镇（街道）确认", who.zh, yuan_zh(monthly), yuan_zh(monthly)),
            format!("{} entered a resident basic pension of {} a month; whether it counts as household income is not published locally. If it does not count, it adds ¥0; if it does, {} a month. Ask the township office", who.en, yuan_en(monthly), yuan_en(monthly)),
        )
    };
    Reason {
        text,
        source: Some(sources::income_not_counted()),
    }
}

/// One member's counted income for the given purpose.
pub fn member_income(ctx: &Ctx, m: &Member, purpose: Purpose) -> Tally {
    let mut t = Tally::new();
    for (n, item) in m.income.iter().enumerate() {
        let who = names::name_of(ctx.h, m);
        let Fact::Known(kind) = item.kind else {
            let (counted, line) = kind_unknown(ctx, m, n + 1, item, &mut t.checks);
            t.annual += counted;
            t.lines.push((line, Some(sources::income_categories())));
            continue;
        };
        let label = kind_label(kind);
        let (counted, line) = item_counted(ctx, m, kind, item, purpose, &mut t.checks);
        t.annual += counted;
        t.lines.push((
            text!(
                format!("{}的{}：{}", who.zh, label.zh, line.zh),
                format!("{}'s {}: {}", who.en, label.en, line.en),
            ),
            Some(if never_counted(kind) {
                sources::income_not_counted()
            } else if kind == IncomeKind::Support {
                sources::support_exemption(ctx)
            } else {
                sources::income_categories()
            }),
        ));
    }
    t
}

/// An income whose kind the resident has not said (`type` `null`: not known, or not chosen on
/// the form). The kind decides whether and how it counts — some kinds are never counted (优待抚恤金,
/// 奖学金 …), wages less the costs of working, business, property and pensions in full — so it is
/// counted as anything from nothing to the full amount, never as one kind by default, and the
/// item is named to check (docs/reading-the-rules.md, "An income whose type is not chosen").
fn kind_unknown(
    ctx: &Ctx,
    m: &Member,
    n: usize,
    item: &IncomeItem,
    checks: &mut Vec<Reason>,
) -> (Range, Text) {
    let who = names::name_of(ctx.h, m);
    let amount = item.amount.get().map(|a| annual(a, item.period));
    // The amount as the resident entered it: "每月 3000.00元" / "每年 18000.00元".
    let entered = |v: Decimal| match item.period {
        Period::Month => text!(
            format!("每月 {}", yuan_zh(v)),
            format!("{} a month", yuan_en(v))
        ),
        Period::Year => text!(
            format!("每年 {}", yuan_zh(v)),
            format!("{} a year", yuan_en(v))
        ),
    };
    let (range, check, line) = match amount {
        Some(a) => (
            Range::between(Decimal::ZERO, a),
            text!(
                format!("{}的第{}笔收入（{}）没有选择收入类型：有的收入不计入家庭收入（如优待抚恤金、奖学金），工资性收入扣除就业成本后计入，经营、财产等收入全额计入。现按 0 元至每月 {} 计算；请选择收入类型", who.zh, n, entered(item.amount.get().unwrap_or_default()).zh, yuan_zh(a / TWELVE)),
                format!("{}'s income {} ({}) has no type chosen: some kinds are not counted (such as preferential-care payments and scholarships), wages are counted less the costs of working, business and property income in full. Counted for now as anything from ¥0 to {} a month; choose its type", who.en, n, entered(item.amount.get().unwrap_or_default()).en, yuan_en(a / TWELVE)),
            ),
            text!(
                format!("{}，类型未选择，按 0 元至全额计算", amount_text(a).zh),
                format!("{}, type not chosen: counted as ¥0 up to the full amount", amount_text(a).en),
            ),
        ),
        None => (
            Range::unknown(),
            text!(
                format!("{}的第{}笔收入类型和金额都不清楚：请选择收入类型并填写金额", who.zh, n),
                format!("{}'s income {}: type and amount unknown — choose its type and enter the amount", who.en, n),
            ),
            text!("类型未选择，金额不清楚", "type not chosen, amount unknown"),
        ),
    };
    checks.push(Reason {
        text: check,
        source: Some(sources::income_categories()),
    });
    (
        range,
        text!(
            format!("{}的第{}笔收入：{}", who.zh, n, line.zh),
            format!("{}'s income {}: {}", who.en, n, line.en),
        ),
    )
}

fn item_counted(
    ctx: &Ctx,
    m: &Member,
    kind: IncomeKind,
    item: &IncomeItem,
    purpose: Purpose,
    checks: &mut Vec<Reason>,
) -> (Range, Text) {
    let amount = item.amount.get().map(|a| annual(a, item.period));
    let excluded = |why_zh: &str, why_en: &str| {
        (
            Range::ZERO,
            text!(
                format!("不计入（{why_zh}）"),
                format!("not counted ({why_en})"),
            ),
        )
    };
    if never_counted(kind) {
        return excluded("国家规定不计入家庭收入", "excluded by national rules");
    }
    match kind {
        IncomeKind::ResidentBasicPension => {
            if purpose == Purpose::Tekun {
                return excluded("特困认定不计入基础养老金", "never counted for tekun");
            }
            let flag = ctx.params.resident_basic_pension_excluded();
            match flag.flag() {
                Some(true) => {
                    return excluded(
                        "“十四五”期间中央确定的基础养老金不计入",
                        "excluded 2021–2025",
                    )
                }
                Some(false) => {}
                None => {
                    return match amount {
                        Some(a) => {
                            checks.push(pension_check(ctx, m, a));
                            (
                                Range::between(Decimal::ZERO, a),
                                text!(
                                    format!("{}：金额已填写，是否计入家庭收入尚未确定（不计入按 0 元；计入按每月 {}）", amount_text(a).zh, yuan_zh(a / TWELVE)),
                                    format!("{}: amount given; whether it counts as household income is not settled (not counted: ¥0; counted: {} a month)", amount_text(a).en, yuan_en(a / TWELVE)),
                                ),
                            )
                        }
                        None => {
                            checks.push(ctx.param_check(flag));
                            (Range::unknown(), text!("金额不清楚", "amount unknown"))
                        }
                    };
                }
            }
        }
        IncomeKind::OldAgeAllowance if purpose == Purpose::Tekun => {
            return excluded("特困认定不计入高龄津贴", "never counted for tekun");
        }
        IncomeKind::Support => return support_counted(ctx, m, item, amount, purpose, checks),
        _ => {}
    }
    match amount {
        Some(a) => {
            let mut a = a;
            let mut text = amount_text(a);
            if kind == IncomeKind::Wages {
                let d = ctx.params.employment_cost_deduction_monthly();
                if let (Some(per_month), true) = (d.number(), d.is_firm()) {
                    let ded = (per_month * TWELVE).min(a);
                    a -= ded;
                    text = text!(
                        format!(
                            "{}，扣除就业成本 {} 后 {}",
                            amount_text(a + ded).zh,
                            yuan_zh(ded),
                            yuan_zh(a)
                        ),
                        format!(
                            "{}, less costs of working {} = {}",
                            amount_text(a + ded).en,
                            yuan_en(ded),
                            yuan_en(a)
                        ),
                    );
                } else if a > Decimal::ZERO {
                    // 扣除必要的就业成本 is national; the amount is set locally. Where it is not
                    // published, wages are counted in full (the cautious reading) and the
                    // calculation trace says so.
                    text = text!(
                        format!("{}（当地就业成本扣除标准未公布，未扣除）", text.zh),
                        format!("{} (the local deduction for costs of working is not published: none deducted)", text.en),
                    );
                }
            }
            (Range::exact(a), text)
        }
        None => {
            checks.push(Reason {
                text: text!(
                    format!(
                        "{}的{}金额不清楚",
                        names::name_of(ctx.h, m).zh,
                        kind_label(kind).zh
                    ),
                    format!(
                        "{}'s {} amount is unknown",
                        names::name_of(ctx.h, m).en,
                        kind_label(kind).en
                    ),
                ),
                source: Some(sources::income_categories()),
            });
            (Range::unknown(), text!("金额不清楚", "amount unknown"))
        }
    }
}

/// 赡养/抚养/扶养费 received, with the seed-002 exemptions where they apply.
fn support_counted(
    ctx: &Ctx,
    m: &Member,
    item: &IncomeItem,
    amount: Option<Decimal>,
    purpose: Purpose,
    checks: &mut Vec<Reason>,
) -> (Range, Text) {
    let (a, how) = match amount {
        Some(a) => (a, amount_text(a)),
        // Not known to the resident: the office determines it (asking the payer, checking the
        // records), and only an amount it cannot determine is counted at the local standard
        // (seed 002 一（二）). So the screening counts anything from nothing up, and says so.
        None => {
            checks.push(Reason {
                text: match ctx.standard() {
                    Some(s) => text!(
                        format!(
                            "{}收到的赡养、抚养、扶养费金额不清楚：由乡镇（街道）核实；难以认定的，按当地低保标准 {} 认定",
                            names::name_of(ctx.h, m).zh,
                            amount_text(s.annual).zh
                        ),
                        format!(
                            "the support {} receives is of unknown amount: the township determines it; if it cannot, it is counted at the local dibao standard, {}",
                            names::name_of(ctx.h, m).en,
                            amount_text(s.annual).en
                        ),
                    ),
                    None => text!(
                        format!("{}收到的赡养、抚养、扶养费金额不清楚", names::name_of(ctx.h, m).zh),
                        format!("the support {} receives is of unknown amount", names::name_of(ctx.h, m).en),
                    ),
                },
                source: Some(sources::support_exemption(ctx)),
            });
            return (Range::unknown(), text!("金额不清楚", "amount unknown"));
        }
    };
    // 长治 (长民函〔2022〕76号 二（二）二是): support received by a monitored 三类户 whose risk is
    // not eliminated is exempt, for every purpose.
    if ctx.params.support_exempt_monitored_households().flag() == Some(true) {
        match ctx.h.circumstances.monitored_at_risk {
            Fact::Known(true) => {
                return (
                    Range::ZERO,
                    text!(
                        format!("{}，防返贫监测未解除风险的三类户：赡抚养费豁免", how.zh),
                        format!(
                            "{}, a monitored at-risk household (三类户): support exempt",
                            how.en
                        ),
                    ),
                )
            }
            Fact::Unknown => {
                checks.push(Reason {
                    text: text!(
                        "是否为防返贫监测未解除风险的三类户不清楚：是则赡抚养费豁免",
                        "whether the household is a monitored at-risk household (三类户) is unknown: if so, support payments are exempt",
                    ),
                    source: Some(sources::support_exempt_monitored(ctx)),
                });
                return (
                    Range::between(Decimal::ZERO, a),
                    text!(
                        format!("{}，是否豁免待核实", how.zh),
                        format!("{}, exemption to be checked", how.en),
                    ),
                );
            }
            Fact::Known(false) => {}
        }
    }
    let exempt = matches!(
        purpose,
        Purpose::Person {
            exempt_support: true
        }
    );
    if !exempt {
        return (Range::exact(a), how);
    }
    match item.payer {
        Some(Payer::Sibling) => (
            Range::ZERO,
            text!(
                format!("{}，兄弟姐妹给付的供养费全额豁免", how.zh),
                format!("{}, paid by a sibling: fully exempt", how.en),
            ),
        ),
        Some(Payer::Elder60Plus) => {
            let di = ctx.params.disposable_income_yearly();
            let band = if di.is_firm() {
                item.payer_income
            } else {
                Fact::Unknown
            };
            match band {
                Fact::Known(PayerIncomeBand::Below1x) => (
                    Range::ZERO,
                    text!(
                        format!("{}，60周岁以上供养人人均收入低于上年度居民人均可支配收入：全额豁免", how.zh),
                        format!("{}, supporter 60+ with income below the disposable-income line: fully exempt", how.en),
                    ),
                ),
                Fact::Known(PayerIncomeBand::From1xTo2x) => {
                    let half = a / Decimal::TWO;
                    (
                        Range::exact(half),
                        text!(
                            format!("{}，供养人人均收入在1至2倍之间：豁免50%，计入 {}", how.zh, yuan_zh(half)),
                            format!("{}, supporter income 1–2× the line: 50% exempt, {} counted", how.en, yuan_en(half)),
                        ),
                    )
                }
                Fact::Known(PayerIncomeBand::From2x) => (
                    Range::exact(a),
                    text!(
                        format!("{}，供养人人均收入达到2倍以上：全额计入", how.zh),
                        format!("{}, supporter income 2× the line or more: counted in full", how.en),
                    ),
                ),
                Fact::Unknown => {
                    if !di.is_firm() {
                        checks.push(ctx.param_check(di));
                    }
                    checks.push(Reason {
                        text: text!(
                            format!("{}的60周岁以上供养人人均收入与上年度当地居民人均可支配收入的比较不清楚", names::name_of(ctx.h, m).zh),
                            format!(
                                "how {}'s supporter (60+) compares with the local per-capita disposable income is unknown",
                                names::name_of(ctx.h, m).en
                            ),
                        ),
                        source: Some(sources::support_exemption(ctx)),
                    });
                    (
                        Range::between(Decimal::ZERO, a),
                        text!(
                            format!("{}，豁免比例待核实（0–100%）", how.zh),
                            format!("{}, exemption to be checked (0–100%)", how.en),
                        ),
                    )
                }
            }
        }
        Some(Payer::Other) | None => (Range::exact(a), how),
    }
}

/// Counted income of a group of members.
pub fn group_income(ctx: &Ctx, members: &[&Member], purpose: Purpose) -> Tally {
    let mut t = Tally::new();
    for m in members {
        let mt = member_income(ctx, m, purpose);
        t.annual += mt.annual;
        t.lines.extend(mt.lines);
        t.checks.extend(mt.checks);
    }
    t
}

/// Rigid expenses deducted from household income (annual), with the regional cap if any.
pub fn rigid_deductions(ctx: &Ctx) -> Tally {
    let e = &ctx.h.expenses;
    let mut t = Tally::new();
    let items = [
        (
            &e.medical,
            "医疗自付支出",
            "medical costs paid out of pocket",
        ),
        (
            &e.disability_rehab,
            "残疾康复支出",
            "disability rehabilitation",
        ),
        (&e.education, "教育支出", "education costs"),
        (&e.employment, "就业成本", "costs of working"),
    ];
    for (fact, zh, en) in items {
        match fact.get() {
            Some(v) if v.is_zero() => {}
            Some(v) => {
                let a = annual(v, e.period);
                t.annual += Range::exact(a);
                t.lines.push((
                    text!(
                        format!("扣减{}：{}", zh, amount_text(a).zh),
                        format!("deduct {}: {}", en, amount_text(a).en),
                    ),
                    Some(sources::rigid_deduction(ctx)),
                ));
            }
            None => {
                t.annual += Range::unknown();
                t.checks.push(Reason {
                    text: text!(format!("{}金额不清楚", zh), format!("{en}: amount unknown")),
                    source: Some(sources::rigid_deduction(ctx)),
                });
            }
        }
    }
    let cap = ctx.params.rigid_deduction_cap_monthly();
    if let (Some(c), true) = (cap.number(), cap.is_firm()) {
        let c = c * TWELVE;
        if t.annual.high.is_none_or(|h| h > c) {
            t.annual = t.annual.min_with(c);
            t.lines.push((
                text!(
                    format!("刚性支出扣减以当地上限 {}/年 为限", yuan_zh(c)),
                    format!("capped at the local limit of {}/year", yuan_en(c)),
                ),
                Some(cap.source()),
            ));
        }
    }
    t
}

/// The household's counted income after deductions, all counted members.
pub struct HouseholdIncome {
    pub gross: Tally,
    pub deductions: Tally,
    pub net: Range,
}

/// One member's income assessed alone where the support exemptions may or may not apply
/// (`exempt`: known to apply, not, or open because an answer is unknown): when open, anything
/// between the exempt and the full count, naming the question.
pub fn member_income_maybe_exempt(ctx: &Ctx, m: &Member, exempt: Tri) -> Tally {
    let purpose = |e| Purpose::Person { exempt_support: e };
    match exempt {
        Tri::Yes => member_income(ctx, m, purpose(true)),
        Tri::No => member_income(ctx, m, Purpose::Household),
        Tri::Maybe => {
            let mut full = member_income(ctx, m, Purpose::Household);
            let with = member_income(ctx, m, purpose(true));
            if with.annual != full.annual {
                full.annual = Range {
                    low: full.annual.low.min(with.annual.low),
                    high: full
                        .annual
                        .high
                        .zip(with.annual.high)
                        .map(|(a, b)| a.max(b)),
                };
                let who = names::name_of(ctx.h, m);
                full.checks.push(Reason {
                    text: text!(
                        format!("{}是否为成年无业重度残疾人不清楚：是则兄弟姐妹或60周岁以上老人给付的供养费按规定豁免", who.zh),
                        format!("whether {} is an adult without work with a severe disability is unknown: if so, support from siblings or supporters 60+ is exempted as the rules say", who.en),
                    ),
                    source: Some(sources::support_exemption(ctx)),
                });
                for c in with.checks {
                    if !full.checks.contains(&c) {
                        full.checks.push(c);
                    }
                }
            }
            full
        }
    }
}

pub fn household_income(ctx: &Ctx) -> HouseholdIncome {
    // A one-person household whose member is an adult without work and severely disabled gets
    // the same support-payment exemptions as the single-person carve-out (rules-decisions.md);
    // where an unknown answer leaves that open, anything between.
    let gross = match ctx.counted.as_slice() {
        [only] => member_income_maybe_exempt(
            ctx,
            only,
            super::schemes::single_person::support_exemption(ctx, only),
        ),
        _ => group_income(ctx, &ctx.counted, Purpose::Household),
    };
    let deductions = rigid_deductions(ctx);
    let net = gross.annual.minus_floor0(deductions.annual);
    HouseholdIncome {
        gross,
        deductions,
        net,
    }
}
