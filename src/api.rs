//! The JavaScript API for government portals (wasm32 only): the rules engine and the screener
//! as plain functions a host page calls from `<script type="module">`, no bundler, no server.
//!
//! | JS | what |
//! |---|---|
//! | `evaluate(household)` | a household (object or JSON text, `docs/schema.md`) → the result, the same JSON as `jiuzhu evaluate` |
//! | `regions()` | every region with data: `[{code, level, parent, name_zh, name_en}]` |
//! | `parameters(region, date?)` | the parameters in force there on that date, each with its source |
//! | `version()` | `{app, rules, schema}` |
//! | `mount(element, options)` | the screener inside `element` (the custom element and the iframe page use it); returns a [`Screener`] with `update(options)` and `destroy()` |
//!
//! **Errors are returned, not thrown**: bad input gives `{error: {field, problem, message_zh,
//! message_en}}` (`problem` is a stable code, see [`problem_of`]), so a portal checks
//! `if (r.error)` and never sees an opaque wasm panic. Only `mount` throws, for a missing
//! element (a programming error in the host page, not user input).
//!
//! The documents cross the boundary as JSON text (`serde_json` in Rust, `JSON.parse` /
//! `JSON.stringify` in JS): that is exactly the CLI's JSON, with exact-decimal money read
//! digit by digit, and it costs nothing extra in the bundle (the engine already carries
//! `serde_json`). Going through `serde-wasm-bindgen` instead would turn arbitrary-precision
//! numbers into private marker objects.
//!
//! How a portal loads it: `dist/jiuzhu.js` (written by `scripts/embed-post-build.sh`) imports
//! the hashed wasm-bindgen glue, initialises the wasm and re-exports these functions. See
//! `docs/embedding.md`.

use crate::rules::{self, params, Date, InputError};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A stable, machine-readable code for what is wrong with an input, derived from the engine's
/// message (the messages themselves are for people).
pub fn problem_of(e: &InputError) -> &'static str {
    let en = e.message_en.as_str();
    let has = |s: &str| en.contains(s);
    if has("malformed JSON") || has("EOF while parsing") || has("expected value") {
        "syntax"
    } else if has("unknown field") {
        "unknown_field"
    } else if has("missing field") {
        "missing_field"
    } else if has("unknown variant") {
        "unknown_value"
    } else if has("invalid type") || has("must be text") || has("must be a") {
        "wrong_type"
    } else if has("unknown region") {
        "unknown_region"
    } else if has("unknown parameter") {
        "unknown_parameter"
    } else if has("after the screening date") {
        "not_in_force"
    } else if has("invalid date") {
        "invalid"
    } else if has("negative")
        || has("outside") || has("over ") || has("too ") || has("more than") || has("between")
    {
        "out_of_range"
    } else {
        "invalid"
    }
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    field: &'a str,
    problem: &'a str,
    message_zh: &'a str,
    message_en: &'a str,
}

#[derive(Serialize)]
struct ErrorDoc<'a> {
    error: ErrorBody<'a>,
}

/// `{error: {field, problem, message_zh, message_en}}` as a JS object.
fn error_value(e: &InputError) -> JsValue {
    error_with(e, problem_of(e))
}

fn error_with(e: &InputError, problem: &str) -> JsValue {
    let doc = ErrorDoc {
        error: ErrorBody {
            field: &e.field,
            problem,
            message_zh: &e.message_zh,
            message_en: &e.message_en,
        },
    };
    to_js(&doc)
}

/// Serialises to JSON text and parses it in JS: the CLI's exact JSON as a plain JS object.
fn to_js<T: Serialize>(value: &T) -> JsValue {
    match serde_json::to_string(value) {
        Ok(text) => js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL),
        Err(e) => error_value(&InputError::new(
            "(result)",
            format!("无法生成结果：{e}"),
            format!("could not write the result: {e}"),
        )),
    }
}

/// The household as JSON text: a string is taken as it is, anything else goes through
/// `JSON.stringify` (which refuses cycles and BigInt: reported, not thrown). The error is
/// always the `wrong_type` problem.
fn json_text(value: &JsValue) -> Result<String, InputError> {
    if let Some(s) = value.as_string() {
        return Ok(s);
    }
    let not_json = || {
        InputError::new(
            "(document)",
            "请传入一个家庭信息对象或 JSON 文字",
            "pass a household object or its JSON text",
        )
    };
    if value.is_undefined() || value.is_null() || value.is_function() || value.is_symbol() {
        return Err(not_json());
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(not_json)
}

/// `evaluate(household)`: the full result, or `{error}`.
#[wasm_bindgen]
pub fn evaluate(household: JsValue) -> JsValue {
    let text = match json_text(&household) {
        Ok(t) => t,
        Err(e) => return error_with(&e, "wrong_type"),
    };
    match rules::evaluate_json(&text) {
        Ok(ev) => to_js(&ev),
        Err(e) => error_value(&e),
    }
}

#[derive(Serialize)]
struct RegionInfo<'a> {
    code: &'a str,
    level: &'a str,
    parent: Option<&'a str>,
    name_zh: &'a str,
    name_en: &'a str,
}

fn region_info(r: &params::Region) -> RegionInfo<'_> {
    RegionInfo {
        code: &r.code,
        level: &r.level,
        parent: r.parent.as_deref(),
        name_zh: &r.name_zh,
        name_en: &r.name_en,
    }
}

/// `regions()`: every region with data, by code.
#[wasm_bindgen]
pub fn regions() -> JsValue {
    let list: Vec<RegionInfo> = params::region_list().into_iter().map(region_info).collect();
    to_js(&list)
}

#[derive(Serialize)]
struct ParametersDoc<'a> {
    region: RegionInfo<'a>,
    /// The region and its ancestors, most specific first.
    chain: Vec<RegionInfo<'a>>,
    date: Date,
    parameters: Vec<rules::outcome::ParameterUse>,
}

/// `parameters(region, date?)`: every parameter in force in `region` on `date` (default today,
/// China Standard Time), with value, standing, effective date, source and confidence.
#[wasm_bindgen]
pub fn parameters(region: JsValue, date: JsValue) -> JsValue {
    match parameters_doc(&region, &date) {
        Ok(v) => v,
        Err(e) => error_value(&e),
    }
}

fn parameters_doc(region: &JsValue, date: &JsValue) -> Result<JsValue, InputError> {
    let code = region.as_string().ok_or_else(|| {
        InputError::new(
            "region",
            "地区代码须为文字，例如 \"530112\"",
            "invalid type: the region code must be a string, e.g. \"530112\"",
        )
    })?;
    let date = if date.is_undefined() || date.is_null() {
        Date::today()
    } else {
        let s = date.as_string().ok_or_else(|| {
            InputError::new(
                "date",
                "日期须为 YYYY-MM-DD 格式的文字",
                "invalid type: the date must be a YYYY-MM-DD string",
            )
        })?;
        Date::parse(&s)
            .filter(|d| (2014..=2100).contains(&d.year))
            .ok_or_else(|| {
                InputError::new(
                    "date",
                    format!("日期 `{s}` 无效：须为2014至2100年间的 YYYY-MM-DD"),
                    format!("invalid date `{s}`: expected YYYY-MM-DD between 2014 and 2100"),
                )
            })?
    };
    let cat = params::catalogue();
    let p = params::Params::new(&code, date, Default::default()).ok_or_else(|| {
        InputError::new(
            "region",
            format!("未知地区代码 {code}（用 regions() 查看支持的地区）"),
            format!("unknown region code {code} (regions() lists them)"),
        )
    })?;
    let doc = ParametersDoc {
        region: region_info(p.region()),
        chain: cat.chain(&code).into_iter().map(region_info).collect(),
        date,
        parameters: cat.defs.keys().map(|n| p.get(n).to_use()).collect(),
    };
    Ok(to_js(&doc))
}

#[derive(Serialize)]
struct VersionDoc {
    app: &'static str,
    rules: &'static str,
    schema: u32,
}

/// `version()`: `{app: "0.1.0", rules: "jiuzhu-rules 0.1.0", schema: 1}`.
#[wasm_bindgen]
pub fn version() -> JsValue {
    to_js(&VersionDoc {
        app: env!("CARGO_PKG_VERSION"),
        rules: rules::RULES_VERSION,
        schema: rules::household::SCHEMA_VERSION,
    })
}
