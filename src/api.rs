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
//! | `validateOptions(options)` | the options as `mount` would use them, or `{error}` |
//! | `mountedCount()` | screeners mounted and not destroyed |
//!
//! **Errors are returned, not thrown**: bad input gives `{error: {field, problem, message_zh,
//! message_en}}` (`problem` is a stable code, see [`problem_of`]), so a portal checks
//! `if (r.error)` and never sees an opaque wasm panic. Only `mount` and `Screener.update`
//! throw (a JS `Error` carrying the same fields), for a missing element or invalid options: a
//! programming error in the host page, not a resident's answer.
//!
//! The documents cross the boundary as JSON text (`serde_json` in Rust, `JSON.parse` /
//! `JSON.stringify` in JS): that is exactly the CLI's JSON, with exact-decimal money read
//! digit by digit, and it needs no extra dependency (the engine already carries `serde_json`).
//! Going through `serde-wasm-bindgen` instead would turn arbitrary-precision numbers into
//! private marker objects.
//!
//! How a portal loads it: `dist/jiuzhu.js` (written by `scripts/embed-post-build.sh`) imports
//! the hashed wasm-bindgen glue, initialises the wasm and re-exports these functions. See
//! `docs/embedding.md`. The app's own page (`index.html`) loads a copy of the same wasm without
//! these exports (`scripts/resident-wasm.mjs`, which lists them: a new export here must be added
//! there): residents never call them, and they and the code only they reach cost every
//! resident 17 KiB gzip (BENCHMARKS.md, "App size").

use crate::rules::{self, params, Date, InputError};
use serde::Serialize;
#[cfg(feature = "ui")]
use std::cell::RefCell;
#[cfg(feature = "ui")]
use std::rc::Rc;
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
    } else if has("invalid type")
        || has("must be text")
        || has("must be a")
        || has("not an array")
        || has("is not a valid value")
    {
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
        || has("outside")
        || has("over ")
        || has("too ")
        || has("more than")
        || has("between")
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
    if let Some((field, what)) = not_json_value(value, String::new(), 0) {
        return Err(InputError::new(
            if field.is_empty() {
                "(document)".to_string()
            } else {
                field
            },
            format!("`{what}` 不是有效的值：不清楚请填 null"),
            format!("`{what}` is not a valid value: write null for \"don't know\""),
        ));
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(not_json)
}

/// The first `NaN`, `±Infinity` or `undefined` in a household object, with its place.
/// `JSON.stringify` would silently write the first two as `null` ("don't know") and drop the
/// third (a left-out answer): in an answer they are mistakes, not "don't know".
fn not_json_value(v: &JsValue, path: String, depth: usize) -> Option<(String, &'static str)> {
    if depth > 32 {
        return None; // deeper than any household; a cycle is refused by JSON.stringify
    }
    if let Some(n) = v.as_f64() {
        return (!n.is_finite()).then(|| (path, if n.is_nan() { "NaN" } else { "Infinity" }));
    }
    let check = |x: JsValue, at: String| {
        if x.is_undefined() {
            Some((at, "undefined"))
        } else {
            not_json_value(&x, at, depth + 1)
        }
    };
    if js_sys::Array::is_array(v) {
        let a: &js_sys::Array = v.unchecked_ref();
        return a
            .iter()
            .enumerate()
            .find_map(|(i, x)| check(x, format!("{path}[{i}]")));
    }
    if v.is_object() && !v.is_function() {
        let o: &js_sys::Object = v.unchecked_ref();
        return js_sys::Object::entries(o).iter().find_map(|e| {
            let e: js_sys::Array = e.unchecked_into();
            let key = crate::rules::json_input::echo(&e.get(0).as_string().unwrap_or_default());
            let at = if path.is_empty() {
                key
            } else {
                format!("{path}.{key}")
            };
            check(e.get(1), at)
        });
    }
    None
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

// ---------------------------------------------------------------------------------------------
// The screener as a component of a host page: `mount(element, options)`. Only with the `ui`
// feature (the default): the engine-only module (`src/bin/engine.rs`) has no Yew.
// ---------------------------------------------------------------------------------------------

#[cfg(feature = "ui")]
/// What a portal may set on an embedded screener (`<jiuzhu-screener>` attributes, `embed.html`
/// query parameters, or `mount`'s options object), after validation.
#[derive(Debug, Clone, PartialEq)]
pub struct EmbedOptions {
    /// A region code with data (see `regions()`).
    pub region: Option<String>,
    pub lang: Option<crate::i18n::Lang>,
    /// `false`: resident (default); `true`: staff (社区工作人员).
    pub staff: bool,
    /// The screening date.
    pub date: Option<Date>,
    /// Where this screener keeps its answers on the device; distinct per element.
    pub storage_key: String,
    /// The portal's own standards, in the household `params` form (validated).
    pub params: serde_json::Map<String, serde_json::Value>,
    /// `filesBase`: the folder jiuzhu's files are served from, an absolute http(s) URL ending in
    /// `/` (the custom element passes its own; the self-test reads its cases from there).
    pub files_base: Option<String>,
    /// `allowedRegions`: the places residents may pick (empty: anywhere).
    pub allowed: crate::place_search::Limit,
}

#[cfg(feature = "ui")]
/// The longest storage key accepted.
const MAX_STORAGE_KEY: usize = 100;

#[cfg(feature = "ui")]
fn get(obj: &JsValue, key: &str) -> JsValue {
    if obj.is_object() {
        js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

#[cfg(feature = "ui")]
/// A string option, or `None` if absent/empty; anything else is a `wrong_type` error.
fn opt_string(obj: &JsValue, key: &str) -> Result<Option<String>, (InputError, &'static str)> {
    let v = get(obj, key);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    match v.as_string() {
        Some(s) if s.trim().is_empty() => Ok(None),
        Some(s) => Ok(Some(s.trim().to_string())),
        None => Err((
            InputError::new(key, "须为文字", "must be a string"),
            "wrong_type",
        )),
    }
}

#[cfg(feature = "ui")]
/// Reads and validates the options object. Region, date and standards are checked by the
/// engine's own validation (a one-person household carrying them), so a portal standard that
/// the engine would refuse is refused here, before anything is shown.
pub fn read_options(obj: &JsValue) -> Result<EmbedOptions, (InputError, &'static str)> {
    if !(obj.is_undefined() || obj.is_null() || obj.is_object()) {
        return Err((
            InputError::new("(options)", "选项须为对象", "options must be an object"),
            "wrong_type",
        ));
    }
    let region = opt_string(obj, "region")?;
    if let Some(r) = &region {
        if !params::catalogue().is_region(r) {
            return Err((
                InputError::new(
                    "region",
                    format!(
                        "未知地区代码 {}：没有该地区的数据",
                        rules::json_input::echo(r)
                    ),
                    format!(
                        "unknown region code {}: no data for it",
                        rules::json_input::echo(r)
                    ),
                ),
                "unknown_region",
            ));
        }
    }
    let allowed = read_allowed(obj)?;
    if let Some(r) = region.as_ref().filter(|r| !allowed.allows(r)) {
        let roots = allowed.roots().join(" ");
        return Err((
            InputError::new(
                "region",
                ["地区 ", r, " 不在 allowedRegions（", &roots, "）之内"].concat(),
                ["region ", r, " is outside allowedRegions (", &roots, ")"].concat(),
            ),
            "out_of_range",
        ));
    }
    let lang = match opt_string(obj, "lang")? {
        None => None,
        Some(tag) => Some(crate::i18n::Lang::from_tag(&tag).ok_or_else(|| {
            (
                InputError::new(
                    "lang",
                    format!("不支持的语言 `{tag}`（可用 zh-CN 或 en）"),
                    format!("unsupported language `{tag}` (zh-CN or en)"),
                ),
                "unknown_value",
            )
        })?),
    };
    let staff = match opt_string(obj, "mode")?.as_deref() {
        None | Some("resident") => false,
        Some("staff") => true,
        Some(m) => {
            return Err((
                InputError::new(
                    "mode",
                    format!("不支持的模式 `{m}`（可用 resident 或 staff）"),
                    format!("unknown mode `{m}` (resident or staff)"),
                ),
                "unknown_value",
            ))
        }
    };
    let date = match opt_string(obj, "date")? {
        None => None,
        Some(s) => Some(
            Date::parse(&s)
                .filter(|d| (2014..=2100).contains(&d.year))
                .ok_or_else(|| {
                    (
                        InputError::new(
                            "date",
                            format!("日期 `{s}` 无效：须为2014至2100年间的 YYYY-MM-DD"),
                            format!(
                                "invalid date `{s}`: expected YYYY-MM-DD between 2014 and 2100"
                            ),
                        ),
                        "invalid",
                    )
                })?,
        ),
    };
    let storage_key = opt_string(obj, "storageKey")?.unwrap_or_else(|| "jiuzhu.embed".to_string());
    if storage_key.chars().count() > MAX_STORAGE_KEY {
        return Err((
            InputError::new(
                "storageKey",
                format!("存储键最长{MAX_STORAGE_KEY}个字符"),
                format!("the storage key is longer than {MAX_STORAGE_KEY} characters"),
            ),
            "out_of_range",
        ));
    }
    let params = match get(obj, "params") {
        p if p.is_undefined() || p.is_null() => serde_json::Map::new(),
        p => {
            let text = js_sys::JSON::stringify(&p)
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_default();
            match serde_json::from_str::<serde_json::Value>(&text) {
                Ok(serde_json::Value::Object(m)) => m,
                _ => {
                    return Err((
                        InputError::new(
                            "params",
                            "门户参数须为对象，例如 {\"dibao_urban_monthly\": 760}",
                            "params must be an object, e.g. {\"dibao_urban_monthly\": 760}",
                        ),
                        "wrong_type",
                    ))
                }
            }
        }
    };
    if crate::ui::portal_params::keyed_by_region(params.keys()) {
        // A portal that lets the resident pick the place: standards for its own region(s),
        // each checked against that region.
        for (code, p) in &params {
            let serde_json::Value::Object(p) = p else {
                return Err((
                    InputError::new(
                        format!("params.{code}"),
                        "须为该地区的参数对象，例如 {\"dibao_urban_monthly\": 760}",
                        "must be an object of that region's standards, e.g. {\"dibao_urban_monthly\": 760}",
                    ),
                    "wrong_type",
                ));
            };
            check_portal_params(code, date, p).map_err(|(mut e, problem)| {
                e.field = if e.field == "region" {
                    format!("params.{code}")
                } else {
                    e.field.replacen("params", &format!("params.{code}"), 1)
                };
                (e, problem)
            })?;
        }
    } else if !params.is_empty() {
        let Some(r) = &region else {
            return Err((
                InputError::new(
                    "params",
                    "门户参数需要指定地区：请设置 region，或按地区代码分别给出，例如 {\"530112\": {\"dibao_urban_monthly\": 760}}",
                    "portal standards need a region: set `region`, or key them by region code, e.g. {\"530112\": {\"dibao_urban_monthly\": 760}}",
                ),
                "invalid",
            ));
        };
        check_portal_params(r, date, &params)?;
    }
    let files_base = opt_string(obj, "filesBase")?;
    if let Some(b) = &files_base {
        let ok = (b.starts_with("https://") || b.starts_with("http://"))
            && b.ends_with('/')
            && b.len() <= 2000
            && !b.chars().any(|c| c.is_whitespace() || c == '"' || c == '<');
        if !ok {
            return Err((
                InputError::new(
                    "filesBase",
                    "文件位置须为以 / 结尾的 http(s) 网址",
                    "filesBase must be an http(s) URL ending in /",
                ),
                "invalid",
            ));
        }
    }
    Ok(EmbedOptions {
        region,
        lang,
        staff,
        date,
        storage_key,
        params,
        files_base,
        allowed,
    })
}

#[cfg(feature = "ui")]
/// `allowedRegions`: a string of codes (`"5323 5334"`, as the element's attribute) or an array
/// of them (`["532300", "5334"]`).
fn read_allowed(obj: &JsValue) -> Result<crate::place_search::Limit, (InputError, &'static str)> {
    const KEY: &str = "allowedRegions";
    let v = get(obj, KEY);
    let text = if v.is_undefined() || v.is_null() {
        String::new()
    } else if let Some(s) = v.as_string() {
        s
    } else if js_sys::Array::is_array(&v) {
        // Joined as JavaScript joins it: anything but a code is then named by the parser.
        String::from(js_sys::Array::from(&v).join(" "))
    } else {
        return Err((
            InputError::new(
                KEY,
                "须为地区代码，例如 \"5323\" 或 [\"532300\", \"533400\"]",
                "must be region codes, e.g. \"5323\" or [\"532300\", \"533400\"]",
            ),
            "wrong_type",
        ));
    };
    crate::place_search::Limit::parse(&text)
        .map_err(|(zh, en)| (InputError::new(KEY, zh, en), "unknown_region"))
}

#[cfg(feature = "ui")]
/// Checks a portal's standards against the region and date they will be used with: by the
/// engine's own validation, on a one-person household carrying them.
fn check_portal_params(
    region: &str,
    date: Option<Date>,
    params: &serde_json::Map<String, serde_json::Value>,
) -> Result<(), (InputError, &'static str)> {
    let probe = serde_json::json!({
        "region": region,
        "residence": "urban",
        "as_of": date.map(|d| d.to_string()),
        "params": params,
        "members": [{"id": "probe", "relation": "applicant", "age": 40}],
    });
    // Parsed from text like any household (deserialising from a `serde_json::Value` would
    // add a second copy of every Deserialize impl to the wasm, ~25 KB).
    let h = rules::validate::parse(&probe.to_string()).map_err(|e| (e, "invalid"))?;
    let checked = rules::validate::check(&h).map_err(|e| {
        let p = problem_of(&e);
        (e, p)
    })?;
    let as_of = h.as_of.unwrap_or_else(Date::today);
    rules::validate::check_in_force(&checked, as_of).map_err(|e| (e, "not_in_force"))?;
    rules::validate::check_relations(&checked, &h.region, as_of)
        .map_err(|e| (e, "out_of_range"))?;
    Ok(())
}

#[cfg(feature = "ui")]
/// Throws a JS `Error` whose message is `field: zh / en` and which carries `field`,
/// `problem`, `message_zh` and `message_en` as properties.
fn throw(e: &InputError, problem: &str) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    for (k, v) in [
        ("field", e.field.as_str()),
        ("problem", problem),
        ("message_zh", e.message_zh.as_str()),
        ("message_en", e.message_en.as_str()),
    ] {
        let _ = js_sys::Reflect::set(&err, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    err.into()
}

#[cfg(feature = "ui")]
/// `validateOptions(options)`: the options as the screener will use them, or `{error}`.
#[wasm_bindgen(js_name = validateOptions)]
pub fn validate_options(options: JsValue) -> JsValue {
    match read_options(&options) {
        Ok(o) => options_value(&o),
        Err((e, p)) => error_with(&e, p),
    }
}

#[cfg(feature = "ui")]
fn options_value(o: &EmbedOptions) -> JsValue {
    to_js(&serde_json::json!({
        "region": o.region,
        "lang": o.lang.map(|l| l.tag()),
        "mode": if o.staff { "staff" } else { "resident" },
        "date": o.date.map(|d| d.to_string()),
        "storageKey": o.storage_key,
        "params": o.params,
        "filesBase": o.files_base,
        "allowedRegions": o.allowed.roots(),
    }))
}

#[cfg(feature = "ui")]
/// An embedded screener: what `mount` returns. `destroy()` unmounts it and frees everything it
/// holds (Yew's listeners on its root, the callbacks into the host page); calling it twice, or
/// `update` after it, does nothing.
#[wasm_bindgen]
pub struct Screener {
    handle: Option<yew::AppHandle<crate::ui::App>>,
    callbacks: Callbacks,
    options: EmbedOptions,
}

#[cfg(feature = "ui")]
/// The host page's callbacks: `onResult(statuses)` and `onApply()`. The app shows its "apply"
/// button only when the host gave `onApply` (someone must be there to open the channel).
#[derive(Clone, Default)]
struct Callbacks {
    on_result: Option<js_sys::Function>,
    on_apply: Option<js_sys::Function>,
    /// The statuses last sent, so an answer that changes no status sends nothing.
    last: Rc<RefCell<Option<String>>>,
}

#[cfg(feature = "ui")]
fn callbacks(obj: &JsValue) -> Callbacks {
    let f = |k| get(obj, k).dyn_into::<js_sys::Function>().ok();
    Callbacks {
        on_result: f("onResult"),
        on_apply: f("onApply"),
        last: Rc::default(),
    }
}

#[cfg(feature = "ui")]
/// The statuses-only summary the host receives (`onResult`, the iframe's `result` message):
/// no incomes, no amounts, no answers — the portal decides what, if anything, it stores.
#[derive(Serialize)]
pub struct Statuses {
    pub region: String,
    pub as_of: Date,
    pub schemes: Vec<SchemeStatus>,
}

#[cfg(feature = "ui")]
#[derive(Serialize)]
pub struct SchemeStatus {
    pub scheme: rules::SchemeId,
    pub status: rules::Status,
}

#[cfg(feature = "ui")]
impl Statuses {
    pub fn of(ev: &rules::Evaluation) -> Statuses {
        Statuses {
            region: ev.region.clone(),
            as_of: ev.as_of,
            schemes: ev
                .schemes
                .iter()
                .map(|s| SchemeStatus {
                    scheme: s.scheme,
                    status: s.status,
                })
                .collect(),
        }
    }
}

#[cfg(feature = "ui")]
impl Callbacks {
    /// Calls `onResult` with the statuses when they changed; a throwing host callback is
    /// logged, not fatal.
    fn result(&self, ev: &rules::Evaluation) {
        if let Some(f) = &self.on_result {
            let statuses = Statuses::of(ev);
            let text = serde_json::to_string(&statuses).unwrap_or_default();
            if self.last.borrow().as_deref() == Some(text.as_str()) {
                return;
            }
            *self.last.borrow_mut() = Some(text);
            if let Err(e) = f.call1(&JsValue::NULL, &to_js(&statuses)) {
                web_sys::console::error_2(&"jiuzhu: onResult threw".into(), &e);
            }
        }
    }

    fn apply(&self) {
        if let Some(f) = &self.on_apply {
            if let Err(e) = f.call0(&JsValue::NULL) {
                web_sys::console::error_2(&"jiuzhu: onApply threw".into(), &e);
            }
        }
    }
}

#[cfg(feature = "ui")]
/// How many screeners are mounted now (for the host page's diagnostics and the leak test).
static MOUNTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

#[cfg(feature = "ui")]
/// `mountedCount()`: screeners mounted and not yet destroyed, on this page.
#[wasm_bindgen(js_name = mountedCount)]
pub fn mounted_count() -> usize {
    MOUNTED.load(std::sync::atomic::Ordering::Relaxed)
}

#[cfg(feature = "ui")]
/// The app's properties for these options: embedded (no `<main>`, no page title or `<html
/// lang>` changes), with the host's callbacks.
fn ui_options(o: &EmbedOptions, cbs: &Callbacks) -> crate::ui::Options {
    let on_result = cbs.on_result.as_ref().map(|_| {
        let cbs = cbs.clone();
        yew::Callback::from(move |ev: Rc<rules::Evaluation>| cbs.result(&ev))
    });
    let on_apply = cbs.on_apply.as_ref().map(|_| {
        let cbs = cbs.clone();
        yew::Callback::from(move |()| cbs.apply())
    });
    crate::ui::Options {
        region: o.region.clone(),
        lang: o.lang,
        mode: if o.staff {
            crate::ui::Mode::Staff
        } else {
            crate::ui::Mode::Resident
        },
        date: o.date.map(|d| d.to_string()),
        storage_key: o.storage_key.clone(),
        embedded: true,
        on_result,
        on_apply,
        params: Rc::new(o.params.clone().into_iter().collect()),
        files_base: o.files_base.clone(),
        allowed: Rc::new(o.allowed.clone()),
    }
}

#[cfg(feature = "ui")]
/// Mounts the app into `root` with these options.
fn render(
    root: web_sys::Element,
    options: &EmbedOptions,
    callbacks: &Callbacks,
) -> yew::AppHandle<crate::ui::App> {
    let handle = crate::ui::mount(root, ui_options(options, callbacks));
    MOUNTED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    handle
}

#[cfg(feature = "ui")]
fn unmount(handle: yew::AppHandle<crate::ui::App>) {
    handle.destroy();
    MOUNTED.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
}

#[cfg(feature = "ui")]
/// A screener freed from JS (`free()`) without `destroy()` is destroyed all the same: dropping
/// a Yew `AppHandle` alone would leave the app running.
impl Drop for Screener {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            unmount(h);
        }
    }
}

#[cfg(feature = "ui")]
#[wasm_bindgen]
impl Screener {
    /// Applies new options (an attribute changed). Invalid options throw like `mount`'s and
    /// leave the screener as it was.
    pub fn update(&mut self, options: JsValue) -> Result<(), JsValue> {
        let opts = read_options(&options).map_err(|(e, p)| throw(&e, p))?;
        let cbs = callbacks(&options);
        if self.handle.is_none() {
            return Ok(());
        }
        // New properties for the running app: its answers stay.
        if let Some(h) = self.handle.as_mut() {
            h.update(ui_options(&opts, &cbs));
        }
        self.options = opts;
        self.callbacks = cbs;
        Ok(())
    }

    /// Unmounts the screener and drops the host's callbacks. Idempotent.
    pub fn destroy(&mut self) {
        if let Some(h) = self.handle.take() {
            unmount(h);
        }
        self.callbacks = Callbacks::default();
    }

    /// The options in force, as `validateOptions` returns them.
    #[wasm_bindgen(getter)]
    pub fn options(&self) -> JsValue {
        options_value(&self.options)
    }

    /// Whether the screener is still mounted.
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        self.handle.is_some()
    }
}

#[cfg(feature = "ui")]
/// `mount(element, options)`: the screener inside `element` (an element in the page or in a
/// shadow root). Throws a JS `Error` carrying `{field, problem, message_zh, message_en}` if
/// `element` is not an element or an option is invalid.
#[wasm_bindgen]
pub fn mount(element: JsValue, options: JsValue) -> Result<Screener, JsValue> {
    let root: web_sys::Element = element.dyn_into().map_err(|_| {
        throw(
            &InputError::new("element", "须传入一个 DOM 元素", "must be a DOM element"),
            "wrong_type",
        )
    })?;
    let opts = read_options(&options).map_err(|(e, p)| throw(&e, p))?;
    let cbs = callbacks(&options);
    let handle = render(root, &opts, &cbs);
    Ok(Screener {
        handle: Some(handle),
        callbacks: cbs,
        options: opts,
    })
}
