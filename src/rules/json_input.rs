//! Strict reading of the household JSON: the limits of one document, exact money, required
//! answers, no repeated parameter, no positional arrays, and error messages that never echo
//! more than a short, printable piece of what was typed.
//!
//! The limits (also in `docs/schema.md`, "Limits"): a document is at most
//! [`MAX_DOCUMENT_BYTES`]; a household at most [`super::validate::MAX_MEMBERS`] members, each with
//! at most [`MAX_INCOME_ITEMS`] income items; money at most
//! [`super::validate::MAX_AMOUNT`] yuan, exact to the fen.

use super::fact::Fact;
use rust_decimal::Decimal;
use serde::de::{Deserialize, Deserializer, Error, MapAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;

/// Largest household document accepted (1 MiB): a 30-member household with every answer is
/// under 20 KB.
pub const MAX_DOCUMENT_BYTES: usize = 1 << 20;
/// Most income items per member.
pub const MAX_INCOME_ITEMS: usize = 50;
/// Longest piece of the input quoted back in a message.
pub const ECHO_CHARS: usize = 80;

/// Separates the English and Chinese halves of a message carried through serde's one-string
/// `custom` errors (read back by `validate::parse`).
pub const LANG_SEP: char = '\u{1f}';

/// A serde error with a message in both languages.
pub fn bilingual<E: Error>(zh: impl fmt::Display, en: impl fmt::Display) -> E {
    E::custom(format!("{en}{LANG_SEP}{zh}"))
}

/// A piece of the input, safe to show: control characters escaped (`\u{1b}`), at most
/// [`ECHO_CHARS`] characters, `…` when cut.
pub fn echo(s: &str) -> String {
    let mut out = String::new();
    for (n, c) in s.chars().enumerate() {
        if n == ECHO_CHARS {
            out.push('…');
            break;
        }
        if c.is_control() || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}') {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// A serde message made safe: every `quoted` or "quoted" piece shortened by [`echo`], control
/// characters escaped everywhere.
pub fn tidy(msg: &str) -> String {
    let mut out = String::new();
    let mut rest = msg;
    while let Some(start) = rest.find(['`', '"']) {
        let q = rest.as_bytes()[start] as char;
        out.push_str(&echo_all(&rest[..=start]));
        rest = &rest[start + 1..];
        // serde writes strings with `{:?}` (escaped quotes) or between backticks.
        let end = if q == '"' {
            let mut esc = false;
            rest.char_indices()
                .find(|&(_, c)| {
                    let hit = c == '"' && !esc;
                    esc = c == '\\' && !esc;
                    hit
                })
                .map(|(i, _)| i)
        } else {
            rest.find('`')
        };
        match end {
            Some(end) => {
                out.push_str(&echo(&rest[..end]));
                out.push(q);
                rest = &rest[end + 1..];
            }
            None => {
                out.push_str(&echo(rest));
                rest = "";
            }
        }
    }
    out.push_str(&echo_all(rest));
    if out.chars().count() > MAX_MESSAGE_CHARS {
        out = out.chars().take(MAX_MESSAGE_CHARS).collect();
        out.push('…');
    }
    out
}

/// Longest message passed on from the JSON reader.
const MAX_MESSAGE_CHARS: usize = 600;

/// Control characters escaped, no length limit (for the engine's own words).
fn echo_all(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() {
                format!("\\u{{{:x}}}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Money

/// Why a money text is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyError {
    NotANumber,
    Negative,
    /// More than two decimals after trailing zeros are dropped.
    TooPrecise,
    /// Over [`super::validate::MAX_AMOUNT`].
    TooLarge,
}

impl MoneyError {
    pub fn zh(self) -> String {
        match self {
            MoneyError::NotANumber => "金额须为数字，例如 612 或 \"612.50\"".into(),
            MoneyError::Negative => "金额不能为负数".into(),
            MoneyError::TooPrecise => "金额最多精确到分（两位小数）".into(),
            MoneyError::TooLarge => "金额过大（超过1000万元），请检查是否输入有误".into(),
        }
    }
    pub fn en(self) -> String {
        match self {
            MoneyError::NotANumber => "an amount must be a number, e.g. 612 or \"612.50\"".into(),
            MoneyError::Negative => "amount must not be negative".into(),
            MoneyError::TooPrecise => "amounts are exact to the fen (at most 2 decimals)".into(),
            MoneyError::TooLarge => {
                "amount is over 10,000,000 yuan (the limit): please check it".into()
            }
        }
    }
}

/// Reads a money amount digit by digit from its JSON text (`612`, `612.5`, `6.125e2`,
/// `"612.50"`): at most two decimals once trailing zeros are dropped, at most 10,000,000 yuan.
/// Nothing is rounded.
pub fn exact_money(text: &str) -> Result<Decimal, MoneyError> {
    let s = text.trim();
    let (neg, s) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (mantissa, exp) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits_ok = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() && frac.is_empty() || !digits_ok(int) || !digits_ok(frac) {
        return Err(MoneyError::NotANumber);
    }
    let mut exp10: i64 = match exp {
        None => 0,
        Some(e) => {
            let (eneg, e) = match e.strip_prefix('-') {
                Some(r) => (true, r),
                None => (false, e.strip_prefix('+').unwrap_or(e)),
            };
            if e.is_empty() || !digits_ok(e) {
                return Err(MoneyError::NotANumber);
            }
            // Any exponent beyond 9 digits is far outside every limit; cap it.
            let v: i64 = e[..e.len().min(9)].parse().unwrap_or(0)
                + if e.len() > 9 { 1_000_000_000 } else { 0 };
            if eneg {
                -v
            } else {
                v
            }
        }
    };
    let all: String = int.chars().chain(frac.chars()).collect();
    exp10 -= frac.len() as i64;
    let mut digits = all.trim_start_matches('0');
    if digits.is_empty() {
        return Ok(Decimal::ZERO);
    }
    while let Some(d) = digits.strip_suffix('0') {
        digits = d;
        exp10 += 1;
    }
    if neg {
        return Err(MoneyError::Negative);
    }
    if exp10 < -2 {
        return Err(MoneyError::TooPrecise);
    }
    // Integer digits of the value: at most 8 (10,000,000).
    if digits.len() as i64 + exp10 > 8 {
        return Err(MoneyError::TooLarge);
    }
    let mut n: i128 = digits.parse().map_err(|_| MoneyError::TooLarge)?;
    let mut scale = 0u32;
    if exp10 < 0 {
        scale = (-exp10) as u32;
    } else {
        n *= 10i128.pow(exp10 as u32);
    }
    let d = Decimal::from_i128_with_scale(n, scale);
    if d > Decimal::from(super::validate::MAX_AMOUNT) {
        return Err(MoneyError::TooLarge);
    }
    Ok(d)
}

/// `#[serde(deserialize_with)]` for a money answer: a number or a numeric string, or `null`
/// for "don't know"; read exactly by [`exact_money`].
pub fn money<'de, D: Deserializer<'de>>(d: D) -> Result<Fact<Decimal>, D::Error> {
    match serde_json::Value::deserialize(d)? {
        serde_json::Value::Null => Ok(Fact::Unknown),
        serde_json::Value::Number(n) => exact_money(&n.to_string())
            .map(Fact::Known)
            .map_err(|e| bilingual(e.zh(), e.en())),
        serde_json::Value::String(s) => exact_money(&s)
            .map(Fact::Known)
            .map_err(|e| bilingual(e.zh(), e.en())),
        _ => Err(bilingual(
            MoneyError::NotANumber.zh(),
            MoneyError::NotANumber.en(),
        )),
    }
}

/// `#[serde(deserialize_with)]` for an answer that must be given (a value, or `null` for
/// "don't know"): leaving it out is an error, not "don't know".
pub fn required<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Fact<T>, D::Error> {
    Fact::deserialize(d)
}

/// `#[serde(deserialize_with)]` for `params`: an object whose names are each given once.
pub fn unique_params<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, serde_json::Value>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = BTreeMap<String, serde_json::Value>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object of parameter values")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some(k) = map.next_key::<String>()? {
                let v = map.next_value()?;
                if out.contains_key(&k) {
                    let name = echo(&k);
                    return Err(bilingual(
                        format!("参数 `{name}` 出现了两次"),
                        format!("duplicate parameter `{name}`"),
                    ));
                }
                out.insert(k, v);
            }
            Ok(out)
        }
    }
    d.deserialize_map(V)
}

// ---------------------------------------------------------------------------------------------
// Shape

/// Keys whose value is an object in the schema (never an array).
const OBJECT_KEYS: &[&str] = &[
    "expenses",
    "assets",
    "circumstances",
    "disability",
    "params",
];

/// serde reads a struct from an array of its fields in order, which the schema does not
/// allow: a household, member, income item… is always an object. Finds the first array where
/// an object belongs (the document itself, an element of a list, or the value of an object
/// field) in a document already known to be valid JSON, and names its place.
pub fn positional_array(json: &str) -> Option<String> {
    enum Seg<'a> {
        Key(&'a str),
        Index(usize),
    }
    let b = json.as_bytes();
    let mut path: Vec<Seg> = Vec::new();
    // Open containers: `{` with whether its current key is on `path`, or `[`.
    let mut stack: Vec<(u8, bool)> = Vec::new();
    let mut expect_key = false;
    let mut i = 0;
    let place = |path: &[Seg]| -> String {
        let mut s = String::new();
        for seg in path {
            match seg {
                Seg::Key(k) => {
                    if !s.is_empty() {
                        s.push('.');
                    }
                    s.push_str(&echo(k));
                }
                Seg::Index(n) => s.push_str(&format!("[{n}]")),
            }
        }
        if s.is_empty() {
            "(document)".into()
        } else {
            s
        }
    };
    while i < b.len() {
        match b[i] {
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                if expect_key {
                    path.push(Seg::Key(json.get(start..i.min(b.len())).unwrap_or("")));
                    if let Some(top) = stack.last_mut() {
                        top.1 = true;
                    }
                    expect_key = false;
                }
            }
            b'{' => {
                stack.push((b'{', false));
                expect_key = true;
            }
            b'[' => {
                let top = stack.last().map(|t| t.0);
                let object_key = top == Some(b'{')
                    && matches!(path.last(), Some(Seg::Key(k)) if OBJECT_KEYS.contains(k));
                if top.is_none() || top == Some(b'[') || object_key {
                    return Some(place(&path));
                }
                stack.push((b'[', true));
                path.push(Seg::Index(0));
            }
            b'}' | b']' => {
                if let Some((_, true)) = stack.pop() {
                    path.pop();
                }
                expect_key = false;
            }
            b',' => match stack.last_mut() {
                Some((b'{', has_key)) => {
                    if *has_key {
                        path.pop();
                        *has_key = false;
                    }
                    expect_key = true;
                }
                Some((b'[', _)) => {
                    if let Some(Seg::Index(n)) = path.last_mut() {
                        *n += 1;
                    }
                }
                _ => {}
            },
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn money_is_read_exactly() {
        assert_eq!(exact_money("612"), Ok(d("612")));
        assert_eq!(exact_money("612.50"), Ok(d("612.5")));
        assert_eq!(exact_money("612.500000"), Ok(d("612.5")));
        assert_eq!(exact_money("6.125e2"), Ok(d("612.5")));
        assert_eq!(exact_money("0.00e400"), Ok(Decimal::ZERO));
        assert_eq!(exact_money("10000000"), Ok(d("10000000")));
        assert_eq!(exact_money("-0"), Ok(Decimal::ZERO));
        assert_eq!(
            exact_money("699.99999999999999999999999999999"),
            Err(MoneyError::TooPrecise)
        );
        assert_eq!(exact_money("612.005"), Err(MoneyError::TooPrecise));
        assert_eq!(exact_money("1e-400"), Err(MoneyError::TooPrecise));
        assert_eq!(exact_money("1e400"), Err(MoneyError::TooLarge));
        assert_eq!(exact_money("1e99999999999"), Err(MoneyError::TooLarge));
        assert_eq!(
            exact_money("123456789012345678901234567890"),
            Err(MoneyError::TooLarge)
        );
        assert_eq!(exact_money("10000000.01"), Err(MoneyError::TooLarge));
        assert_eq!(exact_money("-5"), Err(MoneyError::Negative));
        assert_eq!(exact_money("abc"), Err(MoneyError::NotANumber));
        assert_eq!(exact_money("."), Err(MoneyError::NotANumber));
        assert_eq!(exact_money("1e"), Err(MoneyError::NotANumber));
    }

    #[test]
    fn echo_is_short_and_printable() {
        assert_eq!(echo("\u{1b}[2J"), "\\u{1b}[2J");
        assert_eq!(echo(&"x".repeat(500)).chars().count(), ECHO_CHARS + 1);
        let t = tidy(&format!(
            "unknown field `{}`, expected x",
            "\u{7}".repeat(300)
        ));
        assert!(!t.chars().any(char::is_control), "{t}");
        assert!(t.len() < 600, "{t}");
        assert!(t.ends_with("`, expected x"), "{t}");
    }

    #[test]
    fn positional_arrays_are_found() {
        assert_eq!(
            positional_array(r#"["530112"]"#).as_deref(),
            Some("(document)")
        );
        assert_eq!(
            positional_array(r#"{"members":[{"id":"a"},["m1","applicant",3]]}"#).as_deref(),
            Some("members[1]")
        );
        assert_eq!(
            positional_array(r#"{"a":"[","members":[{"income":[{"x":"]"}]}],"expenses":[1]}"#)
                .as_deref(),
            Some("expenses")
        );
        assert_eq!(
            positional_array(r#"{"members":[{"id":"a\"[","income":[],"obligors":[]}],"x":{}}"#),
            None
        );
    }
}
