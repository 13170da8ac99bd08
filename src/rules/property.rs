//! 家庭财产: the property tests of each scheme.
//!
//! 社会救助暂行办法 art. 10 leaves property rules to provinces or prefectures. Where a region
//! publishes a limit, it is applied. Where it does not, jiuzhu's screening safe harbour
//! (rules-decisions.md, "Property") applies: financial assets within a few months of the dibao
//! standard (a dated, sourced parameter marked as a screening assumption), at most one home, no
//! vehicle bought in the last 12 months, no non-residential property and no registered business
//! never block `likely`; anything else makes the result `possible` with "check local property
//! rules". Relocation housing (易地扶贫搬迁) is never counted (seed 002 三（一）).

use super::context::{Ctx, Standard};
use super::fact::Fact;
use super::money::{yuan_en, yuan_zh, Tri};
use super::outcome::Reason;
use super::schemes::Verdict;
use super::sources;
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    Dibao,
    Tekun,
    Edge,
    RigidExpense,
}

struct PropertyTest {
    verdict: Tri,
    reasons: Vec<Reason>,
    checks: Vec<Reason>,
}

/// A reason whose text is formatted only when explanations are wanted (`text!`): the
/// statuses-only batch path builds no strings here.
macro_rules! reason {
    ($zh:expr, $en:expr, $source:expr $(,)?) => {
        Reason {
            text: text!($zh, $en),
            source: Some($source),
        }
    };
}

/// One property dimension's outcome.
struct Acc {
    verdict: Tri,
    reasons: Vec<Reason>,
    checks: Vec<Reason>,
}

impl Acc {
    fn fail(&mut self, r: Reason) {
        self.verdict = self.verdict.and(Tri::No);
        self.reasons.push(r);
    }
    fn unsure(&mut self, r: Reason) {
        self.verdict = self.verdict.and(Tri::Maybe);
        self.checks.push(r);
    }
}

/// "Check local property rules" for `what` (formatted only when explaining).
macro_rules! local_rules_check {
    ($ctx:expr, $what_zh:expr, $what_en:expr $(,)?) => {{
        let region = $ctx.params.region().name();
        reason!(
            format!(
                "{}：{}未公布相应财产标准，请向乡镇（街道）核实当地财产规定",
                $what_zh, region.zh
            ),
            format!(
                "{}: {} publishes no limit for this — check local property rules",
                $what_en, region.en
            ),
            sources::property_rules(),
        )
    }};
}

/// The property test of a scheme as one headline line plus its details and checks.
pub fn verdict(ctx: &Ctx, scheme: Scheme, std: Option<Standard>) -> Verdict {
    let p = test(ctx, scheme, std);
    let rules = match scheme {
        Scheme::Dibao => ("低保", "dibao"),
        Scheme::Tekun => ("特困", "tekun"),
        Scheme::Edge => ("低保边缘家庭", "edge household"),
        Scheme::RigidExpense => ("刚性支出困难家庭", "rigid-expense household"),
    };
    let headline = match p.verdict {
        Tri::Yes => text!(
            format!("家庭财产状况未见超出{}规定", rules.0),
            format!("property within the {} rules as far as known", rules.1)
        ),
        Tri::No => text!(
            format!("家庭财产超出当地{}规定", rules.0),
            format!("property exceeds the local {} rules", rules.1)
        ),
        Tri::Maybe => text!(
            format!("家庭财产需按当地{}规定核实", rules.0),
            format!("property to be checked against the local {} rules", rules.1)
        ),
    };
    let mut v = Verdict::new();
    v.test(p.verdict, headline, Some(sources::property_rules()));
    v.reasons.extend(p.reasons);
    v.checks(p.checks);
    v
}

fn test(ctx: &Ctx, scheme: Scheme, std: Option<Standard>) -> PropertyTest {
    let n = ctx.size().max(Decimal::ONE);
    let mut acc = Acc {
        verdict: Tri::Yes,
        reasons: Vec::new(),
        checks: Vec::new(),
    };

    homes(ctx, scheme, &mut acc);
    financial_assets(ctx, scheme, std, n, &mut acc);
    vehicles(ctx, scheme, &mut acc);
    other_property(ctx, scheme, &mut acc);
    PropertyTest {
        verdict: acc.verdict,
        reasons: acc.reasons,
        checks: acc.checks,
    }
}

/// Homes: at most the local limit (relocation housing never counted).
fn homes(ctx: &Ctx, scheme: Scheme, acc: &mut Acc) {
    let a = &ctx.h.assets;
    // Homes (relocation housing never counted).
    let homes_limit = match scheme {
        Scheme::Dibao if ctx.h.residence == super::household::Residence::Urban => {
            Some(ctx.params.dibao_urban_max_homes())
        }
        Scheme::Edge => Some(ctx.params.edge_max_homes()),
        Scheme::RigidExpense => Some(ctx.params.rigid_max_homes()),
        _ => None,
    };
    if a.relocation_homes > 0 {
        acc.reasons.push(reason!(
            format!("{} 套易地扶贫搬迁安置房不计入", a.relocation_homes),
            format!("{} relocation home(s) not counted", a.relocation_homes),
            sources::relocation_housing(ctx),
        ));
    }
    match a.homes.get() {
        None => acc.unsure(reason!(
            "住房套数不清楚",
            "number of homes unknown",
            sources::property_rules(),
        )),
        Some(h) => {
            let homes = Decimal::from(h.saturating_sub(a.relocation_homes));
            match homes_limit
                .as_ref()
                .and_then(|l| l.number().map(|v| (v, l)))
            {
                Some((lim, l)) if homes > lim => {
                    let r = reason!(
                        format!("拥有住房 {homes} 套，超过当地规定的 {lim} 套"),
                        format!("owns {homes} homes, more than the local limit of {lim}"),
                        l.source(),
                    );
                    if l.is_firm() {
                        acc.fail(r)
                    } else {
                        acc.unsure(r)
                    }
                }
                Some(_) => {}
                None if homes > Decimal::ONE => acc.unsure(local_rules_check!(
                    ctx,
                    format!("拥有住房 {homes} 套"),
                    format!("owns {homes} homes"),
                )),
                None => {}
            }
        }
    }
}

/// Financial assets: the scheme's local limit, else the outer bound and the screening safe
/// harbour.
fn financial_assets(ctx: &Ctx, scheme: Scheme, std: Option<Standard>, n: Decimal, acc: &mut Acc) {
    let a = &ctx.h.assets;
    // Financial assets.
    let fin_limit: Option<(Decimal, &super::params::Resolved, &str, &str)> = match scheme {
        Scheme::Dibao => {
            let r = ctx.params.dibao_financial_assets_months();
            match (r.number(), std) {
                (Some(m), Some(s)) => Some((
                    m * s.monthly * n,
                    r,
                    "低保金融资产上限",
                    "dibao financial-asset limit",
                )),
                _ => None,
            }
        }
        Scheme::Edge => {
            let r = ctx
                .params
                .edge_financial_assets_multiple_of_disposable_income();
            let di = ctx.params.disposable_income_yearly();
            match (r.number(), di.number()) {
                (Some(k), Some(d)) if di.is_firm() => Some((
                    k * d * n,
                    r,
                    "边缘家庭人均金融资产上限",
                    "edge financial-asset limit",
                )),
                // The limit exists but its base figure is not published: the safe harbour
                // below decides, and names local rules if it is exceeded.
                (Some(_), _) => None,
                _ => None,
            }
        }
        Scheme::RigidExpense => {
            let r = ctx.params.rigid_financial_assets_months();
            match (r.number(), std) {
                (Some(m), Some(s)) => Some((
                    m * s.monthly * n,
                    r,
                    "刚性支出困难家庭金融资产上限",
                    "rigid-expense financial-asset limit",
                )),
                _ => None,
            }
        }
        Scheme::Tekun => None,
    };
    // Outer bound (rules-decisions.md "Property"): above the most generous limit published
    // anywhere, no rule we know of lets the household in, local limit published or not.
    let outer = ctx.params.financial_assets_outer_bound_per_person();
    let outer_limit = outer.number().map(|b| b * n);
    match a.financial.get() {
        None => acc.unsure(reason!(
            "金融资产（存款等）金额不清楚",
            "financial assets (savings etc.) unknown",
            sources::property_rules(),
        )),
        Some(f) if outer_limit.is_some_and(|l| f > l) => {
            let l = outer_limit.unwrap_or_default();
            acc.fail(reason!(
                format!(
                    "金融资产 {} 超过所见各地公布的最宽金融资产上限（人均 {} × {} 人 = {}）：任何已知规定下都不符合",
                    yuan_zh(f),
                    yuan_zh(l / n),
                    n,
                    yuan_zh(l)
                ),
                format!(
                    "financial assets of {} exceed the most generous limit published anywhere we found ({} per person × {} = {}): no known rule allows this",
                    yuan_en(f),
                    yuan_en(l / n),
                    n,
                    yuan_en(l)
                ),
                outer.source(),
            ))
        }
        Some(f) => match fin_limit {
            Some((lim, r, zh, en)) => {
                if f > lim {
                    let rr = reason!(
                        format!("金融资产 {} 超过{} {}", yuan_zh(f), zh, yuan_zh(lim)),
                        format!(
                            "financial assets {} exceed the {} of {}",
                            yuan_en(f),
                            en,
                            yuan_en(lim)
                        ),
                        r.source(),
                    );
                    if r.is_firm() {
                        acc.fail(rr)
                    } else {
                        acc.unsure(rr)
                    }
                }
            }
            None => {
                let safe = ctx.params.screening_safe_financial_assets_months();
                let within = match (safe.number(), std) {
                    (Some(m), Some(s)) => f <= m * s.monthly * n,
                    _ => f.is_zero(),
                };
                if !within {
                    acc.unsure(local_rules_check!(
                        ctx,
                        format!("金融资产 {}", yuan_zh(f)),
                        format!("financial assets of {}", yuan_en(f)),
                    ));
                }
            }
        },
    }
}

/// Vehicles: the rigid-expense price limit, else a vehicle bought in the last 12 months.
fn vehicles(ctx: &Ctx, scheme: Scheme, acc: &mut Acc) {
    let a = &ctx.h.assets;
    // Vehicles.
    match scheme {
        Scheme::RigidExpense => {
            let lim = ctx.params.rigid_vehicle_price_limit();
            match (a.vehicle_value.get(), lim.number()) {
                (None, _) => acc.unsure(reason!(
                    "车辆价值不清楚",
                    "vehicle value unknown",
                    sources::property_rules(),
                )),
                (Some(v), _) if v.is_zero() || a.vehicle_for_disability.is_true() => {}
                (Some(v), Some(l)) if v >= l => {
                    let r = reason!(
                        format!("车辆价值 {} 达到当地上限 {}", yuan_zh(v), yuan_zh(l)),
                        format!(
                            "vehicle worth {} reaches the local limit of {}",
                            yuan_en(v),
                            yuan_en(l)
                        ),
                        lim.source(),
                    );
                    if lim.is_firm() && !a.vehicle_for_disability.is_unknown() {
                        acc.fail(r)
                    } else {
                        acc.unsure(r);
                        disability_vehicle_check(a, acc);
                    }
                }
                (Some(_), Some(_)) => {}
                (Some(v), None) => acc.unsure(local_rules_check!(
                    ctx,
                    format!("车辆价值 {}", yuan_zh(v)),
                    format!("a vehicle worth {}", yuan_en(v)),
                )),
            }
        }
        _ => {
            let lim = if scheme == Scheme::Edge {
                Some(ctx.params.edge_vehicle_price_limit())
            } else {
                None
            };
            match a.vehicle_bought_12m_price.get() {
                None => acc.unsure(reason!(
                    "近12个月是否购车及价格不清楚",
                    "whether a vehicle was bought in the last 12 months is unknown",
                    sources::property_rules(),
                )),
                Some(v) if v.is_zero() || a.vehicle_for_disability.is_true() => {}
                Some(v) => match lim.as_ref().and_then(|l| l.number().map(|x| (x, l))) {
                    Some((l, r)) if v >= l => {
                        let rr = reason!(
                            format!("近12个月购买车辆 {}，达到 {} 的限制", yuan_zh(v), yuan_zh(l)),
                            format!("bought a vehicle for {} in the last 12 months, at or above the {} limit", yuan_en(v), yuan_en(l)),
                            r.source(),
                        );
                        if r.is_firm() && !a.vehicle_for_disability.is_unknown() {
                            acc.fail(rr)
                        } else {
                            acc.unsure(rr);
                            disability_vehicle_check(a, acc);
                        }
                    }
                    Some(_) => {}
                    None => acc.unsure(local_rules_check!(
                        ctx,
                        format!("近12个月购车 {}", yuan_zh(v)),
                        format!("a vehicle bought for {} in the last 12 months", yuan_en(v)),
                    )),
                },
            }
        }
    }
}

/// A vehicle over a limit whose use is not known: a mobility vehicle for a disabled member is
/// not counted, so the limit is only "possible", naming the question.
fn disability_vehicle_check(a: &super::household::Assets, acc: &mut Acc) {
    if a.vehicle_for_disability.is_unknown() {
        acc.unsure(reason!(
            "车辆是否为残疾人的代步车不清楚：是则不计入",
            "whether the vehicle is a mobility vehicle for a disabled member is unknown: if so, it is not counted",
            sources::property_rules(),
        ));
    }
}

/// Non-residential property and a registered business.
fn other_property(ctx: &Ctx, scheme: Scheme, acc: &mut Acc) {
    let a = &ctx.h.assets;
    // Non-residential property and registered business.
    let edge_list_in_force = scheme == Scheme::Edge && ctx.params.edge_max_homes().is_firm();
    match a.non_residential_property {
        Fact::Unknown => acc.unsure(reason!(
            "是否拥有非住宅类房产不清楚",
            "non-residential property unknown",
            sources::property_rules(),
        )),
        Fact::Known(false) => {}
        Fact::Known(true) if edge_list_in_force => acc.fail(reason!(
            "拥有商铺、办公用房等非住宅类房产",
            "owns non-residential property (shop, office, factory)",
            ctx.params.edge_max_homes().source(),
        )),
        Fact::Known(true) => acc.unsure(local_rules_check!(
            ctx,
            "拥有非住宅类房产",
            "owns non-residential property",
        )),
    }
    match a.business_registered {
        Fact::Unknown => acc.unsure(reason!(
            "是否登记有企业不清楚",
            "registered business unknown",
            sources::property_rules(),
        )),
        Fact::Known(false) => {}
        Fact::Known(true) => acc.unsure(local_rules_check!(
            ctx,
            "登记有企业或个体工商户",
            "has a registered business",
        )),
    }
}
