//! A portal's own standards (`params`), in one of two forms (docs/embedding.md, "Portal
//! standards"):
//!
//! - flat, `{"dibao_urban_monthly": 760}`, for a screener fixed to one region (`region`);
//! - keyed by region, `{"530112": {"dibao_urban_monthly": 760}, "530100": {…}}`, for a portal
//!   that lets the resident pick the place: the standards of the resident's county, its
//!   prefecture and its province apply (the most specific for each parameter).

use super::state::PortalParams;

/// A GB/T 2260 code: six digits.
fn is_code(k: &str) -> bool {
    k.len() == 6 && k.bytes().all(|b| b.is_ascii_digit())
}

/// Whether the standards are keyed by region code (every key six digits).
pub fn keyed_by_region<'a>(keys: impl IntoIterator<Item = &'a String>) -> bool {
    let mut any = false;
    for k in keys {
        if !is_code(k) {
            return false;
        }
        any = true;
    }
    any
}

/// The standards that apply in `region`: the flat form as it is; from the keyed form, the
/// province's, then the prefecture's, then the county's (each overriding the one before).
pub fn for_region(params: &PortalParams, region: &str) -> PortalParams {
    if !keyed_by_region(params.keys()) {
        return params.clone();
    }
    let mut out = PortalParams::new();
    if !is_code(region) {
        return out;
    }
    let levels = [
        format!("{}0000", &region[..2]),
        format!("{}00", &region[..4]),
        region.to_string(),
    ];
    let mut seen = Vec::new();
    for code in levels {
        if seen.contains(&code) {
            continue;
        }
        if let Some(serde_json::Value::Object(p)) = params.get(&code) {
            for (k, v) in p {
                out.insert(k.clone(), v.clone());
            }
        }
        seen.push(code);
    }
    out
}
