//! Income lines and how firm they are (rules-decisions "Results": lines are only as firm as
//! their source).
//!
//! Every line a scheme compares income with — the dibao standard (dibao, tekun's "no means",
//! the carve-out, the gradual exit), the edge line (edge, the carve-out's band), the local
//! disposable income (rigid expense) — carries the [`Standing`] of the figures it is built on:
//! published and current, borrowed from a higher level (a **floor**: a provincial 指导标准 that
//! counties may only exceed, seed 003 二（二）), **stale** (older than the region's review
//! period), a reference, or unknown.
//!
//! - Income **below** a floor or stale line is below the local line too (the local line is at
//!   least as high), but the amount is not the local one: at best `possible` (as before).
//! - Income **above** a line that is not firm, but within the near-line band above it, may still
//!   be below the real local line: `possible`, naming the figure used, its source and date, and
//!   asking the resident to confirm the local standard. Above the band `unlikely` stands.
//! - Wages are counted in full where the local deduction for costs of working (就业成本) is not
//!   published; a household above a line by less than a plausible deduction is `possible` too,
//!   naming the deduction to ask about.
//!
//! The bands are named parameters (`near_line_band_floor`, `near_line_band_stale_per_period`,
//! `edge_multiple_highest_seen`, `employment_cost_plausible_share_of_dibao`), each with its
//! source in `data/regions/000000.json` and its reasoning in `docs/reading-the-rules.md`.

use super::context::{Ctx, Standard};
use super::fact::Fact;
use super::household::{IncomeKind, Member};
use super::income::annual;
use super::membership::who;
use super::money::{yuan_en, yuan_zh, Range, Tri, TWELVE};
use super::outcome::{explaining, Reason, Standing, Text};
use super::params::Resolved;
use rust_decimal::Decimal;

/// A line a household's (or a person's) annual income is compared with.
#[derive(Debug, Clone)]
pub struct Line {
    /// The line as computed from the figures used (annual).
    pub annual: Decimal,
    /// The highest the real local line plausibly is: `annual` when firm, otherwise `annual`
    /// raised by the near-line band.
    pub upper: Decimal,
    pub firm: bool,
    /// What to confirm when the line is not firm: the figure used, its source and date.
    pub check: Option<Reason>,
}

/// Income that may be overstated because a deduction nobody has published was not made.
#[derive(Debug, Clone)]
pub struct Slack {
    pub annual: Decimal,
    pub check: Reason,
}

/// How much higher than a resolved figure the real local figure plausibly is, as a factor
/// (1 for a firm figure): the floor band for a borrowed or reference figure, plus the yearly
/// band for every review period it is out of date.
pub fn upper_factor(ctx: &Ctx, r: &Resolved) -> Decimal {
    let mut f = Decimal::ONE;
    if matches!(r.standing, Standing::Floor | Standing::Reference) {
        f += ctx
            .params
            .near_line_band_floor()
            .number()
            .unwrap_or_default();
    }
    if r.stale_periods > 0 && r.standing != Standing::Override {
        f += ctx
            .params
            .near_line_band_stale_per_period()
            .number()
            .unwrap_or_default()
            * Decimal::from(r.stale_periods);
    }
    f
}

impl Standard {
    /// The household line: standard × members (annual).
    pub fn line(&self, ctx: &Ctx, n: Decimal) -> Line {
        Line {
            annual: self.annual * n,
            upper: self.upper_annual * n,
            firm: self.firm,
            check: (!self.firm).then(|| ctx.standard_check()),
        }
    }

    /// The edge line: multiple × standard × members; a multiple that is not firm may be as high
    /// as the highest any province allows.
    pub fn edge_line(&self, ctx: &Ctx, k: &Resolved, kv: Decimal, n: Decimal) -> Line {
        let k_upper = if k.is_firm() {
            kv
        } else {
            ctx.params
                .edge_multiple_highest_seen()
                .number()
                .map_or(kv * upper_factor(ctx, k), |h| h.max(kv))
        };
        let check = match (self.firm, k.is_firm()) {
            (true, true) => None,
            (false, _) => Some(ctx.standard_check()),
            (true, false) => Some(ctx.param_check(k)),
        };
        Line {
            annual: kv * self.annual * n,
            upper: k_upper * self.upper_annual * n,
            firm: self.firm && k.is_firm(),
            check,
        }
    }
}

/// A line from a non-money parameter (e.g. the local disposable income per person) × members.
pub fn param_line(ctx: &Ctx, r: &Resolved, n: Decimal) -> Option<Line> {
    let v = r.number()?;
    Some(Line {
        annual: v * n,
        upper: v * n * upper_factor(ctx, r),
        firm: r.is_firm(),
        check: (!r.is_firm()).then(|| ctx.param_check(r)),
    })
}

/// Is `income` below `line`? `No` only when it is above the line's band and above it after
/// any plausible unpublished deduction; otherwise `Maybe` with what to check.
pub fn below(income: Range, line: &Line, slack: Option<&Slack>) -> (Tri, Vec<Reason>) {
    let t = income.below(line.annual);
    if t != Tri::No {
        return (t, Vec::new());
    }
    let mut tri = Tri::No;
    let mut checks = Vec::new();
    if !line.firm && income.low < line.upper {
        tri = Tri::Maybe;
        checks.extend(line.check.clone());
    }
    if let Some(s) = slack {
        if s.annual > Decimal::ZERO && income.low - s.annual < line.upper {
            tri = Tri::Maybe;
            checks.push(s.check.clone());
        }
    }
    (tri, checks)
}

/// Is `income` at or above `line` (the gradual exit)? `Yes` only when it is above the line's
/// band and above it after any plausible unpublished deduction for costs of working (the same
/// tests as [`below`], so the phase-out is never surer than dibao's "not below"); otherwise
/// `Maybe` with what to check.
pub fn at_or_above(income: Range, line: &Line, slack: Option<&Slack>) -> (Tri, Vec<Reason>) {
    let (below, checks) = below(income, line, slack);
    (!below, checks)
}

/// The plausible unpublished deduction for costs of working of `members` (annual), when the
/// local deduction is not published and the resident entered no costs of working themselves.
pub fn employment_slack(ctx: &Ctx, members: &[&Member], s: &Standard) -> Option<Slack> {
    let d = ctx.params.employment_cost_deduction_monthly();
    if d.is_firm() {
        return None;
    }
    if matches!(ctx.h.expenses.employment, Fact::Known(v) if v > Decimal::ZERO) {
        return None;
    }
    let share = ctx.params.employment_cost_plausible_share_of_dibao();
    let per_earner = share.number()? * s.monthly * TWELVE;
    let mut total = Decimal::ZERO;
    let mut names = Vec::new();
    for m in members {
        let wages: Decimal = m
            .income
            .iter()
            .filter(|i| i.kind == Fact::Known(IncomeKind::Wages))
            .filter_map(|i| i.amount.get().map(|a| annual(a, i.period)))
            .sum();
        if wages > Decimal::ZERO {
            total += wages.min(per_earner);
            if explaining() {
                names.push(who(ctx.h, m));
            }
        }
    }
    if total.is_zero() {
        return None;
    }
    if !explaining() {
        // Statuses only (batch): the amount decides, the words are never read.
        return Some(Slack {
            annual: total,
            check: Reason {
                text: Text::EMPTY,
                source: None,
            },
        });
    }
    let region = ctx.params.region().name();
    let zh: Vec<&str> = names.iter().map(|t| t.zh.as_ref()).collect();
    let en: Vec<&str> = names.iter().map(|t| t.en.as_ref()).collect();
    let k = share.number().unwrap_or_default();
    Some(Slack {
        annual: total,
        check: Reason {
            text: text!(
                format!(
                    "{}的工资未扣就业成本（{}未公布；外地按低保标准的{}%扣，约每人每月 {}）：请询问当地就业成本扣减标准",
                    zh.join("、"), region.zh, (k * Decimal::ONE_HUNDRED).normalize(), yuan_zh(per_earner / TWELVE)
                ),
                format!(
                    "{}: wages counted without a deduction for costs of working ({} publishes none; elsewhere {}% of the dibao standard, about {} per worker a month, is deducted, which could put income below this line) — ask about the local deduction for costs of working",
                    en.join("; "), region.en, (k * Decimal::ONE_HUNDRED).normalize(), yuan_en(per_earner / TWELVE)
                ),
            ),
            source: Some(share.source()),
        },
    })
}
