//! Money: exact decimals (rust_decimal), never floats.
//!
//! Rules compare exact values; rounding happens only for display, to the fen, half away from
//! zero (rules-decisions.md, "Results"). Annual amounts are the internal unit: a monthly amount is
//! multiplied by 12 (exact), so "per-capita monthly income below the monthly standard" is tested
//! as "household annual income below standard × 12 × members" with no division at all.

use rust_decimal::{Decimal, RoundingStrategy};

pub const TWELVE: Decimal = Decimal::from_parts(12, 0, 0, false, 0);

/// Rounds to the fen for display (half away from zero) and always shows two decimals.
pub fn fen(d: Decimal) -> Decimal {
    let mut r = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(2);
    r
}

/// `612.00元` / `¥612.00`.
pub fn yuan_zh(d: Decimal) -> String {
    format!("{}元", fen(d))
}

pub fn yuan_en(d: Decimal) -> String {
    let v = fen(d);
    if v.is_sign_negative() {
        format!("-¥{}", -v)
    } else {
        format!("¥{v}")
    }
}

/// `v` for display next to the `line` it is compared with: to the fen, unless rounding would
/// make it look equal to the line while it is not (699.9966… below 700 would read "700.00,
/// below the standard of 700.00"); then cut to four decimals towards its side of the line
/// (`699.9966`), so the figure never contradicts the comparison.
pub fn near(v: Decimal, line: Decimal) -> Decimal {
    if v == line || fen(v) != fen(line) {
        return fen(v);
    }
    let side = if v < line {
        RoundingStrategy::ToNegativeInfinity
    } else {
        RoundingStrategy::ToPositiveInfinity
    };
    v.round_dp_with_strategy(4, side)
}

/// [`yuan_zh`] of [`near`].
pub fn near_zh(v: Decimal, line: Decimal) -> String {
    format!("{}元", near(v, line))
}

/// [`yuan_en`] of [`near`].
pub fn near_en(v: Decimal, line: Decimal) -> String {
    format!("¥{}", near(v, line))
}

/// A gap for display: to the fen, but a gap that is not zero never shows as `0.00` (it would
/// contradict the side it is on): less than a fen shows as `0.01`.
pub fn gap_fen(gap: Decimal) -> Decimal {
    let f = fen(gap);
    if f.is_zero() && !gap.is_zero() {
        Decimal::new(if gap.is_sign_negative() { -1 } else { 1 }, 2)
    } else {
        f
    }
}

/// An amount that may be only partly known: at least `low`, at most `high` (`None` = no upper
/// bound). Unknown answers widen the range instead of being guessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub low: Decimal,
    pub high: Option<Decimal>,
}

impl Range {
    pub const ZERO: Range = Range {
        low: Decimal::ZERO,
        high: Some(Decimal::ZERO),
    };

    pub fn exact(v: Decimal) -> Range {
        Range {
            low: v,
            high: Some(v),
        }
    }

    /// Anything from 0 upwards: a non-negative amount the user does not know.
    pub fn unknown() -> Range {
        Range {
            low: Decimal::ZERO,
            high: None,
        }
    }

    pub fn between(low: Decimal, high: Decimal) -> Range {
        Range {
            low,
            high: Some(high),
        }
    }

    pub fn exact_value(&self) -> Option<Decimal> {
        match self.high {
            Some(h) if h == self.low => Some(h),
            _ => None,
        }
    }

    pub fn scale(self, k: Decimal) -> Range {
        Range {
            low: self.low * k,
            high: self.high.map(|h| h * k),
        }
    }

    /// `self − o`, floored at zero (income after deductions is never negative).
    pub fn minus_floor0(self, o: Range) -> Range {
        let low = match o.high {
            Some(oh) => (self.low - oh).max(Decimal::ZERO),
            None => Decimal::ZERO,
        };
        let high = self.high.map(|h| (h - o.low).max(Decimal::ZERO));
        Range { low, high }
    }

    pub fn min_with(self, cap: Decimal) -> Range {
        Range {
            low: self.low.min(cap),
            high: Some(self.high.map_or(cap, |h| h.min(cap))),
        }
    }

    /// Is the amount certainly below / certainly not below `limit`?
    pub fn below(&self, limit: Decimal) -> Tri {
        match self.high {
            Some(h) if h < limit => Tri::Yes,
            _ if self.low >= limit => Tri::No,
            _ => Tri::Maybe,
        }
    }

    /// Certainly above `limit`?
    pub fn above(&self, limit: Decimal) -> Tri {
        if self.low > limit {
            Tri::Yes
        } else {
            match self.high {
                Some(h) if h <= limit => Tri::No,
                _ => Tri::Maybe,
            }
        }
    }
}

/// Three-valued truth for tests that may depend on unknown answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tri {
    Yes,
    No,
    Maybe,
}

impl Tri {
    pub fn from_bool(b: bool) -> Tri {
        if b {
            Tri::Yes
        } else {
            Tri::No
        }
    }

    pub fn and(self, o: Tri) -> Tri {
        match (self, o) {
            (Tri::No, _) | (_, Tri::No) => Tri::No,
            (Tri::Yes, Tri::Yes) => Tri::Yes,
            _ => Tri::Maybe,
        }
    }

    pub fn or(self, o: Tri) -> Tri {
        match (self, o) {
            (Tri::Yes, _) | (_, Tri::Yes) => Tri::Yes,
            (Tri::No, Tri::No) => Tri::No,
            _ => Tri::Maybe,
        }
    }
}

/// Adding two ranges adds their bounds (an unknown upper bound stays unknown).
impl std::ops::Add for Range {
    type Output = Range;

    fn add(self, o: Range) -> Range {
        Range {
            low: self.low + o.low,
            high: match (self.high, o.high) {
                (Some(a), Some(b)) => Some(a + b),
                _ => None,
            },
        }
    }
}

impl std::ops::AddAssign for Range {
    fn add_assign(&mut self, o: Range) {
        *self = *self + o;
    }
}

/// "Not" of a three-valued answer: unknown stays unknown.
impl std::ops::Not for Tri {
    type Output = Tri;

    fn not(self) -> Tri {
        match self {
            Tri::Yes => Tri::No,
            Tri::No => Tri::Yes,
            Tri::Maybe => Tri::Maybe,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros_free::d;

    mod rust_decimal_macros_free {
        pub fn d(s: &str) -> rust_decimal::Decimal {
            s.parse().unwrap()
        }
    }

    #[test]
    fn rounding_is_half_away_from_zero_to_the_fen() {
        assert_eq!(fen(d("612.345")).to_string(), "612.35");
        assert_eq!(fen(d("612.344")).to_string(), "612.34");
        assert_eq!(fen(d("700")).to_string(), "700.00");
        assert_eq!(yuan_zh(d("88")), "88.00元");
        assert_eq!(yuan_en(d("-3.5")), "-¥3.50");
    }

    #[test]
    fn a_figure_never_looks_equal_to_a_line_it_is_not() {
        // 2099.99 ÷ 3 = 699.99666…: to the fen that is 700.00, the standard itself.
        let pc = d("2099.99") / d("3");
        assert_eq!(near(pc, d("700")).to_string(), "699.9966");
        assert_eq!(near_zh(pc, d("700")), "699.9966元");
        assert_eq!(near(d("700.004"), d("700")).to_string(), "700.004");
        assert_eq!(near(d("700"), d("700")).to_string(), "700.00");
        assert_eq!(near(d("612"), d("700")).to_string(), "612.00");
        assert_eq!(gap_fen(d("0.01") / d("3")).to_string(), "0.01");
        assert_eq!(gap_fen(d("0")).to_string(), "0.00");
        assert_eq!(gap_fen(d("3.333")).to_string(), "3.33");
    }

    #[test]
    fn below_is_strict() {
        assert_eq!(Range::exact(d("700")).below(d("700")), Tri::No);
        assert_eq!(Range::exact(d("699.99")).below(d("700")), Tri::Yes);
        assert_eq!(Range::unknown().below(d("700")), Tri::Maybe);
        assert_eq!(
            (Range::exact(d("800")) + Range::unknown()).below(d("700")),
            Tri::No
        );
    }

    #[test]
    fn deductions_floor_at_zero() {
        let r = Range::exact(d("100")).minus_floor0(Range::exact(d("250")));
        assert_eq!(r, Range::ZERO);
        let r = Range::exact(d("100")).minus_floor0(Range::unknown());
        assert_eq!(r, Range::between(d("0"), d("100")));
    }
}
