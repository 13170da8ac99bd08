//! Display helpers: money to the fen, bilingual text.

use rust_decimal::{Decimal, RoundingStrategy};

/// `612.00`: rounded to the fen, half away from zero, always two decimals (as the engine rounds).
pub fn fen(d: Decimal) -> String {
    let mut r = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(2);
    r.to_string()
}

/// `¥612.00`
pub fn yuan(d: Decimal) -> String {
    if d.is_sign_negative() {
        format!("-¥{}", fen(-d))
    } else {
        format!("¥{}", fen(d))
    }
}
