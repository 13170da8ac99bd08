//! Money for display: rounded to the fen, with `¥` and the thousands grouped (`¥3,150.00`), so
//! large amounts stay readable on a small screen and for elders; and the same amount in words a
//! speech synthesiser reads well (`3150.00元` / `3150.00 yuan`).

use rust_decimal::Decimal;

use crate::i18n::Lang;
use crate::ui::format::fen;

/// `1234567.5` → `1,234,567.50` (to the fen, half away from zero, as the engine rounds).
pub fn grouped(d: Decimal) -> String {
    let plain = fen(d.abs());
    let (int, frac) = plain.split_once('.').unwrap_or((plain.as_str(), "00"));
    let mut out = String::with_capacity(plain.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    let sign = if d.is_sign_negative() && !d.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}{out}.{frac}")
}

/// `¥3,150.00`; a negative amount is `-¥88.00`.
pub fn yuan(d: Decimal) -> String {
    let g = grouped(d);
    match g.strip_prefix('-') {
        Some(rest) => format!("-¥{rest}"),
        None => format!("¥{g}"),
    }
}

/// A monthly range: `¥512.67` when both ends are equal, else `¥400.00 – ¥600.00`.
pub fn yuan_range(low: Decimal, high: Decimal) -> String {
    if low == high {
        yuan(low)
    } else {
        format!("{} – {}", yuan(low), yuan(high))
    }
}

/// For speech: `612元`, `512.67元` in Chinese, `612 yuan` in English (a `¥` sign is often skipped
/// or misread by speech synthesisers, and "点零零" for whole yuan only slows the listener down).
pub fn spoken(d: Decimal, lang: Lang) -> String {
    let f = fen(d);
    let n = f.strip_suffix(".00").unwrap_or(&f);
    match lang {
        Lang::Zh => format!("{n}元"),
        Lang::En => format!("{n} yuan"),
    }
}

/// What an amount is per, in words: `每月` / `a month`, `每年` / `a year`, `一次性` / `one-off`.
pub fn per_unit(lang: crate::i18n::Lang, unit: crate::rules::outcome::Unit) -> &'static str {
    use crate::rules::outcome::Unit;
    crate::i18n::t(
        lang,
        match unit {
            Unit::Month => "result.unit.month",
            Unit::Year => "result.unit.year",
            Unit::Once => "result.unit.once",
        },
    )
}

/// An amount as a resident reads it: `约 ¥1,030.00`, `¥400.00 – ¥600.00`, or `最多 ¥8,400.00`
/// for a range from zero (a ceiling, not a promise of nothing).
pub fn figure(lang: crate::i18n::Lang, low: Decimal, high: Decimal, approximate: bool) -> String {
    let about = if approximate && low == high {
        crate::i18n::t(lang, "result.amount.about")
    } else {
        ""
    };
    if low.is_zero() && !high.is_zero() {
        format!(
            "{}{}",
            crate::i18n::t(lang, "result.amount.up_to"),
            yuan(high)
        )
    } else {
        format!("{about}{}", yuan_range(low, high))
    }
}
