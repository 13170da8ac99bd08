//! Input checks: one clear message naming the field, in zh-CN and English. Nothing panics.

use super::date::Date;
use super::fact::Fact;
use super::household::{Household, Relation};
use super::json_input::{echo, positional_array, tidy, LANG_SEP};
pub use super::json_input::{MAX_DOCUMENT_BYTES, MAX_INCOME_ITEMS};
use super::params::{catalogue, parse_value, ParamDef, Params, Provenance, Value, ValueRange};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::fmt;

mod json_path;

pub const MAX_MEMBERS: usize = 30;
pub const MAX_AGE: u8 = 130;
/// More than 10 million yuan in one answer is treated as a typing mistake.
pub const MAX_AMOUNT: i64 = 10_000_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// JSON path of the field, e.g. `members[1].income[0].amount`.
    pub field: String,
    pub message_zh: String,
    pub message_en: String,
}

impl InputError {
    pub fn new(
        field: impl Into<String>,
        zh: impl Into<String>,
        en: impl Into<String>,
    ) -> InputError {
        InputError {
            field: field.into(),
            message_zh: zh.into(),
            message_en: en.into(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} / {}",
            self.field, self.message_zh, self.message_en
        )
    }
}

impl std::error::Error for InputError {}

/// Parses a household document, turning serde errors into field-named messages. A UTF-8 byte
/// order mark is skipped; documents over [`MAX_DOCUMENT_BYTES`] are refused unread.
pub fn parse(json: &str) -> Result<Household, InputError> {
    use serde::Deserialize as _;
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    if json.len() > MAX_DOCUMENT_BYTES {
        return Err(InputError::new(
            "(document)",
            format!(
                "文档过大（{} 字节），上限为 {MAX_DOCUMENT_BYTES} 字节（1 MB）",
                json.len()
            ),
            format!(
                "the document is {} bytes, over the limit of {MAX_DOCUMENT_BYTES} bytes (1 MB)",
                json.len()
            ),
        ));
    }
    let mut de = serde_json::Deserializer::from_str(json);
    let inner = match Household::deserialize(&mut de) {
        Ok(h) => {
            if let Err(e) = de.end() {
                let msg = tidy(&e.to_string());
                return Err(InputError::new(
                    "(document)",
                    format!("JSON 格式错误：{msg}（一行只能有一个家庭）"),
                    format!("malformed JSON: {msg} (one household per document)"),
                ));
            }
            return match positional_array(json) {
                None => Ok(h),
                Some(place) => Err(positional(place)),
            };
        }
        Err(e) => e,
    };
    // Valid JSON with an array where an object belongs: say that, whatever serde tripped over
    // inside it.
    if !inner.is_eof() && serde_json::from_str::<serde::de::IgnoredAny>(json).is_ok() {
        if let Some(place) = positional_array(json) {
            return Err(positional(place));
        }
    }
    // The field is found from where serde_json stopped (json_path.rs): no second reading with
    // the path tracked, and valid input never pays for it.
    let path = json_path::of_error(json, &inner, inner.to_string().contains(LANG_SEP));
    let field = if path == "." || path.is_empty() {
        "(document)".to_string()
    } else {
        echo(&path)
    };
    let (zh, en) = if field == "residence" && !inner.is_eof() {
        (
            "须填写 urban（城市）或 rural（农村）".to_string(),
            "must be urban or rural".to_string(),
        )
    } else {
        serde_message(json, &inner)
    };
    Err(InputError::new(field, zh, en))
}

fn positional(place: String) -> InputError {
    InputError::new(
        place,
        "此处须为对象 {…}（写明字段名），不能用数组 […] 按位置列出",
        "an object {…} with named fields is needed here, not an array […] of values in order",
    )
}

/// A `\uD800`–`\uDFFF` escape somewhere in the text.
fn has_surrogate_escape(json: &str) -> bool {
    json.as_bytes().windows(4).any(|w| {
        w[0] == b'\\'
            && w[1] == b'u'
            && (w[2] | 0x20) == b'd'
            && matches!(w[3] | 0x20, b'8'..=b'9' | b'a'..=b'f')
    })
}

/// The Chinese and English message for a serde error.
fn serde_message(json: &str, inner: &serde_json::Error) -> (String, String) {
    let raw = inner.to_string();
    let raw = raw.split(" at line ").next().unwrap_or(&raw);
    if let Some((en, zh)) = raw.split_once(LANG_SEP) {
        return (tidy(zh), tidy(en));
    }
    let msg = tidy(raw);
    if inner.is_eof() {
        return (
            "文档不完整：在结尾前中断（括号或引号未闭合）".into(),
            "truncated document: it ends before it is complete (EOF while parsing; a bracket or quote is not closed)".into(),
        );
    }
    if msg.contains("surrogate") || (msg.contains("escape") && has_surrogate_escape(json)) {
        return (
            format!("文字中有无效的 Unicode 转义：单独的代理项（\\uD800–\\uDFFF）不是字符（{msg}）"),
            format!("malformed JSON: a lone surrogate escape (\\uD800–\\uDFFF) is not a character ({msg})"),
        );
    }
    let zh = if inner.is_syntax() {
        format!("JSON 格式错误（{msg}）")
    } else if let Some(rest) = msg.strip_prefix("unknown field ") {
        format!("未知字段 {}", rest.split(',').next().unwrap_or(rest))
    } else if let Some(rest) = msg.strip_prefix("missing field ") {
        format!("缺少必填字段 {rest}（不清楚请填 null）")
    } else if msg.starts_with("unknown variant") {
        format!("取值无效（{msg}）")
    } else if msg.starts_with("invalid type: null") {
        format!("此项必须填写，不能为 null（{msg}）")
    } else if msg.starts_with("invalid type: sequence") {
        format!("此处须为对象 {{…}}，不能用数组（{msg}）")
    } else if msg.starts_with("invalid type") {
        format!("类型错误（{msg}）")
    } else if msg.starts_with("invalid value") || msg.contains("out of range") {
        format!("数值无效（{msg}）")
    } else {
        format!("无效输入（{msg}）")
    };
    let en = if msg.starts_with("missing field ") {
        format!("{msg} (write null for \"don't know\")")
    } else if msg.starts_with("invalid type: null") {
        format!("{msg}: this answer cannot be null")
    } else {
        msg
    };
    (zh, en)
}

/// Checks one amount; `field` names it (built only when there is an error).
fn amount(field: impl Fn() -> String, v: &Fact<Decimal>) -> Result<(), InputError> {
    if let Fact::Known(d) = v {
        if d.is_sign_negative() && !d.is_zero() {
            return Err(InputError::new(
                field(),
                "金额不能为负数",
                "amount must not be negative",
            ));
        }
        if *d > Decimal::from(MAX_AMOUNT) {
            return Err(InputError::new(
                field(),
                "金额过大（超过1000万元），请检查是否输入有误",
                "amount is over 10,000,000 yuan: please check it",
            ));
        }
        if d.scale() > 2 && d.normalize().scale() > 2 {
            return Err(InputError::new(
                field(),
                "金额最多精确到分（两位小数）",
                "amounts are exact to the fen (at most 2 decimals)",
            ));
        }
    }
    Ok(())
}

/// The validated parameter overrides of a household: values, and who provided which.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub values: BTreeMap<String, Value>,
    pub provenance: BTreeMap<String, Provenance>,
}

/// Longest `provided_by` / `document` text accepted in an override.
pub const MAX_PROVENANCE_CHARS: usize = 200;

/// An override is a bare value (`760`, `true`) or an object
/// `{"value": 760, "provided_by": "…", "effective": "YYYY-MM-DD", "document": "…"}`.
fn split_override<'a>(
    field: &str,
    v: &'a serde_json::Value,
) -> Result<(&'a serde_json::Value, Option<Provenance>), InputError> {
    let serde_json::Value::Object(o) = v else {
        return Ok((v, None));
    };
    for key in o.keys() {
        if !matches!(
            key.as_str(),
            "value" | "provided_by" | "effective" | "document"
        ) {
            let key = echo(key);
            return Err(InputError::new(
                format!("{field}.{key}"),
                format!("未知字段 `{key}`（可用 value、provided_by、effective、document）"),
                format!(
                    "unknown field `{key}`, expected value, provided_by, effective or document"
                ),
            ));
        }
    }
    let value = o.get("value").ok_or_else(|| {
        InputError::new(
            format!("{field}.value"),
            "缺少必填字段 `value`",
            "missing field `value`",
        )
    })?;
    let text = |key: &str| -> Result<Option<String>, InputError> {
        match o.get(key) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s))
                if !s.trim().is_empty() && s.chars().count() <= MAX_PROVENANCE_CHARS =>
            {
                Ok(Some(s.trim().to_string()))
            }
            Some(_) => Err(InputError::new(
                format!("{field}.{key}"),
                format!("须为1至{MAX_PROVENANCE_CHARS}个字符的文字"),
                format!("must be text of 1 to {MAX_PROVENANCE_CHARS} characters"),
            )),
        }
    };
    let effective = match o.get("effective") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(raw)) => Some(
            Date::parse(raw)
                .filter(|d| (2014..=2100).contains(&d.year))
                .ok_or_else(|| {
                    let s = echo(raw);
                    InputError::new(
                        format!("{field}.effective"),
                        format!("日期 `{s}` 无效：须为2014至2100年间的 YYYY-MM-DD"),
                        format!("invalid date `{s}`: expected YYYY-MM-DD between 2014 and 2100"),
                    )
                })?,
        ),
        Some(_) => {
            return Err(InputError::new(
                format!("{field}.effective"),
                "日期须为 YYYY-MM-DD 格式的文字",
                "the date must be a YYYY-MM-DD string",
            ))
        }
    };
    Ok((
        value,
        Some(Provenance {
            provided_by: text("provided_by")?,
            effective,
            document: text("document")?,
        }),
    ))
}

/// A parameter value outside its sane range (`ranges` in `data/parameters.json`).
fn out_of_range(field: &str, def: &ParamDef, d: Decimal, r: ValueRange) -> InputError {
    let name = &def.name;
    let unit = &def.unit;
    let (min, max) = (r.min.normalize(), r.max.normalize());
    InputError::new(
        field,
        format!(
            "{}（{name}）为 {}，超出合理范围 {min}–{max}（{unit}）",
            def.zh,
            echo(&d.normalize().to_string())
        ),
        format!(
            "{} ({name}) is {}, outside its range {min}–{max} ({unit})",
            def.en,
            echo(&d.normalize().to_string())
        ),
    )
}

/// The relations between parameters (`ranges.relations` in `data/parameters.json`: a minimum
/// not above its maximum, a class payment not above a multiple of the standard…) hold for the
/// values this household's overrides give, together with the values in force in `region` on
/// `as_of`. Only relations touching an override are checked: the data files are held to them
/// by the test suite.
pub fn check_relations(o: &Overrides, region: &str, as_of: Date) -> Result<(), InputError> {
    if o.values.is_empty() {
        return Ok(());
    }
    let cat = catalogue();
    let Some(p) = Params::new(region, as_of, o.values.clone()) else {
        return Ok(()); // an unknown region is reported by `check`
    };
    for rel in &cat.relations {
        let lower_given = o.values.contains_key(&rel.lower);
        if !lower_given && !o.values.contains_key(&rel.upper) {
            continue;
        }
        let (lo, up) = (p.get(&rel.lower), p.get(&rel.upper));
        let (Some(l), Some(u)) = (lo.number(), up.number()) else {
            continue;
        };
        if rel.holds(l, u) {
            continue;
        }
        let named = if lower_given { &rel.lower } else { &rel.upper };
        let field = if o.provenance.contains_key(named) {
            format!("params.{named}.value")
        } else {
            format!("params.{named}")
        };
        let limit = super::money::fen(rel.multiple * u / rel.divisor).normalize();
        let times = if rel.divisor == Decimal::ONE {
            rel.multiple.normalize().to_string()
        } else {
            format!("{}/{}", rel.multiple.normalize(), rel.divisor.normalize())
        };
        let (l, u) = (l.normalize(), u.normalize());
        let (ld, ud) = (lo.def, up.def);
        let (zh, en) = if times == "1" {
            (
                format!(
                    "{}（{}）为 {l}，不能超过{}（{}）{u}",
                    ld.zh, ld.name, ud.zh, ud.name
                ),
                format!(
                    "{} ({}) is {l}, more than {} ({}) of {u}",
                    ld.en, ld.name, ud.en, ud.name
                ),
            )
        } else {
            (
                format!(
                    "{}（{}）为 {l}，不能超过 {limit}（{}（{}）{u} 的 {times} 倍）",
                    ld.zh, ld.name, ud.zh, ud.name
                ),
                format!(
                    "{} ({}) is {l}, more than {limit} ({times} × {} ({}) of {u})",
                    ld.en, ld.name, ud.en, ud.name
                ),
            )
        };
        return Err(InputError::new(field, zh, en));
    }
    Ok(())
}

/// An override that takes effect after the screening date is not in force yet.
pub fn check_in_force(o: &Overrides, as_of: Date) -> Result<(), InputError> {
    for (name, p) in &o.provenance {
        if let Some(e) = p.effective.filter(|e| *e > as_of) {
            return Err(InputError::new(
                format!("params.{name}.effective"),
                format!("该参数自 {e} 起执行，晚于估算日期 {as_of}"),
                format!("this value takes effect on {e}, after the screening date {as_of}"),
            ));
        }
    }
    Ok(())
}

/// Checks ranges and cross-field rules; returns the validated overrides.
pub fn check(h: &Household) -> Result<Overrides, InputError> {
    if let Some(s) = h.schema {
        if s != super::household::SCHEMA_VERSION {
            return Err(InputError::new(
                "schema",
                format!("不支持的版本 {s}，本工具支持版本 1"),
                format!("unsupported schema version {s}; this tool reads version 1"),
            ));
        }
    }
    if !catalogue().is_region(&h.region) {
        return Err(InputError::new(
            "region",
            format!(
                "未知地区代码 {}：不是现行的县级及以上行政区划代码",
                echo(&h.region)
            ),
            format!(
                "unknown region code {}: not a current county-level or higher division code",
                echo(&h.region)
            ),
        ));
    }
    if let Some(d) = h.as_of {
        if d.year < 2014 || d.year > 2100 {
            return Err(InputError::new(
                "as_of",
                "日期须在2014年至2100年之间",
                "the date must be between 2014 and 2100",
            ));
        }
    }
    if h.members.is_empty() {
        return Err(InputError::new(
            "members",
            "家庭成员为空：至少需要申请人一人",
            "no household members: at least the applicant is needed",
        ));
    }
    if h.members.len() > MAX_MEMBERS {
        return Err(InputError::new(
            "members",
            format!("家庭成员超过{MAX_MEMBERS}人，请检查"),
            format!("more than {MAX_MEMBERS} members: please check"),
        ));
    }
    let applicants = h
        .members
        .iter()
        .filter(|m| m.relation == Relation::Applicant)
        .count();
    if applicants == 0 {
        return Err(InputError::new(
            "members",
            "没有申请人：请把一位成员的关系设为“申请人”",
            "no applicant: mark one member as the applicant",
        ));
    }
    if applicants > 1 {
        return Err(InputError::new(
            "members",
            "只能有一位申请人",
            "only one member can be the applicant",
        ));
    }
    let mut ids = std::collections::BTreeSet::new();
    for (i, m) in h.members.iter().enumerate() {
        let f = |s: &str| format!("members[{i}].{s}");
        if m.id.trim().is_empty() || m.id.chars().count() > 40 {
            return Err(InputError::new(
                f("id"),
                "成员编号须为1至40个字符",
                "member id must be 1 to 40 characters",
            ));
        }
        if let Some(n) = &m.name {
            if n.trim().is_empty() || n.chars().count() > 40 {
                return Err(InputError::new(
                    f("name"),
                    "称呼须为1至40个字符（不填则按与申请人的关系称呼）",
                    "a name must be 1 to 40 characters (leave it out to be named by relation)",
                ));
            }
        }
        if !ids.insert(m.id.as_str()) {
            return Err(InputError::new(
                f("id"),
                format!("成员编号 {} 重复", echo(&m.id)),
                format!("member id {} is used twice", echo(&m.id)),
            ));
        }
        if let Fact::Known(a) = m.age {
            if a > MAX_AGE {
                return Err(InputError::new(
                    f("age"),
                    format!("年龄 {a} 超出 0–130 岁"),
                    format!("age {a} is outside 0–130"),
                ));
            }
        }
        if let Fact::Known(Some(d)) = m.disability {
            if !(1..=4).contains(&d.level) {
                return Err(InputError::new(
                    f("disability.level"),
                    "残疾等级须为1至4级",
                    "disability level must be 1 to 4",
                ));
            }
        }
        if m.income.len() > MAX_INCOME_ITEMS {
            return Err(InputError::new(
                f("income"),
                format!(
                    "收入项目 {} 项，超过每人{MAX_INCOME_ITEMS}项的上限",
                    m.income.len()
                ),
                format!(
                    "{} income items, over the limit of {MAX_INCOME_ITEMS} per member",
                    m.income.len()
                ),
            ));
        }
        for (j, item) in m.income.iter().enumerate() {
            amount(|| format!("members[{i}].income[{j}].amount"), &item.amount)?;
        }
        if let Fact::Known(list) = &m.obligors {
            if list.len() > MAX_MEMBERS {
                return Err(InputError::new(
                    f("obligors"),
                    "义务人过多",
                    "too many supporters listed",
                ));
            }
            for (j, o) in list.iter().enumerate() {
                if o.age.get().is_some_and(|a| a > MAX_AGE) {
                    return Err(InputError::new(
                        format!("members[{i}].obligors[{j}].age"),
                        "年龄超出 0–130 岁",
                        "age is outside 0–130",
                    ));
                }
            }
        }
    }
    let e = &h.expenses;
    for (name, v) in [
        ("medical", &e.medical),
        ("education", &e.education),
        ("disability_rehab", &e.disability_rehab),
        ("employment", &e.employment),
        ("other", &e.other),
    ] {
        amount(|| format!("expenses.{name}"), v)?;
    }
    let a = &h.assets;
    for (name, v) in [
        ("financial", &a.financial),
        ("vehicle_bought_12m_price", &a.vehicle_bought_12m_price),
        ("vehicle_value", &a.vehicle_value),
        ("business_annual_profit", &a.business_annual_profit),
    ] {
        amount(|| format!("assets.{name}"), v)?;
    }
    if let Fact::Known(n) = a.homes {
        if n > 50 {
            return Err(InputError::new(
                "assets.homes",
                "住房套数过多，请检查",
                "too many homes: please check",
            ));
        }
        if a.relocation_homes > n {
            return Err(InputError::new(
                "assets.relocation_homes",
                "搬迁安置房套数不能多于住房总套数",
                "relocation homes cannot exceed homes owned",
            ));
        }
    }
    let mut out = Overrides::default();
    for (name, v) in &h.params {
        let field = format!("params.{}", echo(name));
        let (v, provenance) = split_override(&field, v)?;
        let def = catalogue().defs.get(name).ok_or_else(|| {
            InputError::new(
                &field,
                format!("未知参数 {}", echo(name)),
                format!("unknown parameter {}", echo(name)),
            )
        })?;
        let value_field = if provenance.is_some() {
            format!("{field}.value")
        } else {
            field.clone()
        };
        let value = parse_value(def, v).map_err(|m| {
            InputError::new(
                &value_field,
                format!("参数值无效：{m}"),
                format!("invalid value: {m}"),
            )
        })?;
        if let (Value::Number(d), Some(r)) = (value, def.range) {
            if !r.contains(d) {
                return Err(out_of_range(&value_field, def, d, r));
            }
        }
        out.values.insert(name.clone(), value);
        if let Some(p) = provenance {
            out.provenance.insert(name.clone(), p);
        }
    }
    Ok(out)
}
