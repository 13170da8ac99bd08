//! One module per scheme, in the order the rules are applied (policy-research §13):
//! tekun per person, dibao for the whole household, the single-person carve-out, edge,
//! rigid-expense, then temporary relief and the gradual exit; `unlocks` says what each opens.

pub mod dibao;
pub mod edge;
pub mod gradual_exit;
pub mod rigid_expense;
pub mod single_person;
pub mod tekun;
pub mod temporary_relief;
pub mod unlocks;

use super::money::{Range, Tri, TWELVE};
use super::outcome::{Distance, Reason, Side, Source, Status, Text};
use rust_decimal::Decimal;

/// Collects the tests of one scheme: every test must pass; unknowns make it `possible`.
#[derive(Debug, Clone)]
pub struct Verdict {
    pub tri: Tri,
    pub reasons: Vec<Reason>,
    pub checks: Vec<Reason>,
    /// The first test that failed on known facts: the summary of an `unlikely` result.
    pub first_fail: Option<Text>,
}

impl Verdict {
    pub fn new() -> Verdict {
        Verdict {
            tri: Tri::Yes,
            reasons: Vec::new(),
            checks: Vec::new(),
            first_fail: None,
        }
    }

    /// The sentence to show: the first failure when unlikely, otherwise `summary`.
    pub fn summary_or_failure(&self, summary: &Text) -> Text {
        match (&self.first_fail, self.tri) {
            (Some(f), Tri::No) => f.clone(),
            _ => summary.clone(),
        }
    }

    /// Records one test and its explanation.
    pub fn test(&mut self, tri: Tri, text: Text, source: Option<Source>) {
        self.tri = self.tri.and(tri);
        if tri == Tri::No && self.first_fail.is_none() {
            self.first_fail = Some(text.clone());
        }
        // The statuses-only path keeps no explanations (their texts are empty there anyway).
        if super::outcome::explaining() {
            self.reasons.push(Reason { text, source });
        }
    }

    pub fn checks(&mut self, checks: impl IntoIterator<Item = Reason>) {
        if !super::outcome::explaining() {
            return;
        }
        for c in checks {
            if !self.checks.contains(&c) {
                self.checks.push(c);
            }
        }
    }

    /// Adds another group of tests (e.g. the property test) to this verdict.
    pub fn merge(&mut self, other: Verdict) {
        self.tri = self.tri.and(other.tri);
        if self.first_fail.is_none() {
            self.first_fail = other.first_fail;
        }
        self.reasons.extend(other.reasons);
        self.checks(other.checks);
    }

    /// A value used by the tests is only a reference: at best `possible`.
    pub fn soften(&mut self, check: Reason) {
        if self.tri == Tri::Yes {
            self.tri = Tri::Maybe;
        }
        self.checks(Some(check));
    }

    pub fn status(&self) -> Status {
        status_of(self.tri)
    }

    /// Drops checks that cannot matter once a test has failed on known facts.
    pub fn finish(mut self) -> Verdict {
        if self.tri == Tri::No {
            self.checks.clear();
        }
        self
    }
}

impl Default for Verdict {
    fn default() -> Self {
        Verdict::new()
    }
}

pub fn status_of(t: Tri) -> Status {
    match t {
        Tri::Yes => Status::Likely,
        Tri::Maybe => Status::Possible,
        Tri::No => Status::Unlikely,
    }
}

/// Distance of an annual household income from an annual household line.
pub fn distance(
    net: Range,
    line_annual: Decimal,
    n: Decimal,
    standing: super::outcome::Standing,
) -> Option<Distance> {
    let v = net.exact_value()?;
    if n.is_zero() {
        return None;
    }
    let diff = line_annual - v;
    let (side, gap) = if diff > Decimal::ZERO {
        (Side::Below, diff)
    } else {
        (Side::Above, -diff)
    };
    Some(Distance {
        side,
        per_capita_monthly: super::money::gap_fen(gap / TWELVE / n),
        household_monthly: super::money::gap_fen(gap / TWELVE),
        line_per_capita_monthly: super::money::fen(line_annual / TWELVE / n),
        per_capita_yearly: Some(super::money::fen(gap / n)),
        line_per_capita_yearly: Some(super::money::fen(line_annual / n)),
        line_standing: Some(standing),
    })
}
