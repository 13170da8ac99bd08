//! 收入与标准线: the household's status across monthly household income, as an inline SVG (no
//! chart library: a few rectangles cost nothing in wasm size).
//!
//! The x axis is the household's counted monthly income. The engine's `income_lines` cut it into
//! bands: under the dibao line → dibao; up to the edge line → edge; up to the rigid-expense line →
//! rigid-expense hardship; above → none of these by income. Each band has its own pattern as well
//! as its colour, a label under it where it fits, and a line in the legend below, which is
//! ordinary text (so it follows the page's font size and elder mode). A "you are here" marker
//! shows the household's own income. Screen readers get the same in words: the SVG is
//! `role="img"` with a `<title>` and `<desc>`, and the legend is a list.
//!
//! Drawing coordinates are `f64` (geometry only); amounts stay `Decimal` and are printed to the
//! fen.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use yew::prelude::*;

use super::cite::pick;
use super::money::yuan;
use crate::i18n::{t, tf, Lang};
use crate::rules::{Evaluation, SchemeId};

/// One stretch of the income axis, `[from, to)`; `to == None` is open-ended.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// The scheme whose income test passes in this band; `None` above every line.
    pub scheme: Option<SchemeId>,
    pub from: Decimal,
    pub to: Option<Decimal>,
    /// The upper line is published for the region (false: a reference value).
    pub firm: bool,
    /// The same band per year, exact (rural households read yearly figures).
    pub from_yearly: Option<Decimal>,
    pub to_yearly: Option<Decimal>,
}

/// Where the household is on the axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Position {
    pub household_monthly: Decimal,
    /// Income is partly unknown: this is the lowest income consistent with the answers.
    pub at_least: bool,
    /// The household's income per year, exact, when known.
    pub household_yearly: Option<Decimal>,
}

/// The bands of the chart, from the engine's income lines (ascending; equal lines collapse).
pub fn bands(ev: &Evaluation) -> Vec<Band> {
    let mut out = Vec::new();
    let mut from = Decimal::ZERO;
    let mut from_yearly = Some(Decimal::ZERO);
    for line in &ev.income_lines {
        if line.household_monthly <= from {
            continue;
        }
        out.push(Band {
            scheme: Some(line.scheme),
            from,
            to: Some(line.household_monthly),
            firm: line.firm,
            from_yearly,
            to_yearly: line.household_yearly,
        });
        from = line.household_monthly;
        from_yearly = line.household_yearly;
    }
    if !out.is_empty() {
        out.push(Band {
            scheme: None,
            from,
            to: None,
            firm: true,
            from_yearly,
            to_yearly: None,
        });
    }
    out
}

/// The household's income, or the lowest income its answers allow when some amount is unknown
/// (none when that is zero: a marker at zero would say nothing true).
pub fn position(ev: &Evaluation) -> Option<Position> {
    if let Some(v) = ev.household_monthly_income {
        return Some(Position {
            household_monthly: v,
            at_least: false,
            household_yearly: ev.household_yearly_income,
        });
    }
    let n = Decimal::from(ev.members_counted.len().max(1) as u64);
    let low = ev.per_capita_monthly_income_at_least * n;
    (low > Decimal::ZERO).then_some(Position {
        household_monthly: low,
        at_least: true,
        household_yearly: ev.per_capita_yearly_income_at_least.map(|pc| pc * n),
    })
}

/// The band the household's income falls in.
pub fn band_of(bands: &[Band], p: Position) -> Option<&Band> {
    bands
        .iter()
        .find(|b| p.household_monthly >= b.from && b.to.is_none_or(|to| p.household_monthly < to))
}

fn band_name(lang: Lang, scheme: Option<SchemeId>) -> String {
    match scheme {
        Some(SchemeId::Dibao) => t(lang, "result.band.dibao").to_string(),
        Some(SchemeId::Edge) => t(lang, "result.band.edge").to_string(),
        Some(SchemeId::RigidExpense) => t(lang, "result.band.rigid_expense").to_string(),
        Some(other) => pick(lang, &other.label()),
        None => t(lang, "result.band.none").to_string(),
    }
}

fn band_short(lang: Lang, scheme: Option<SchemeId>) -> &'static str {
    match scheme {
        Some(SchemeId::Dibao) => t(lang, "result.band_short.dibao"),
        Some(SchemeId::Edge) => t(lang, "result.band_short.edge"),
        Some(SchemeId::RigidExpense) => t(lang, "result.band_short.rigid_expense"),
        Some(_) => "",
        None => t(lang, "result.band_short.none"),
    }
}

/// The fill of a band: a pattern defined in the chart's `<defs>`.
fn band_fill(prefix: &str, scheme: Option<SchemeId>) -> String {
    match scheme {
        Some(SchemeId::Dibao) => format!("url(#{prefix}-pat-dibao)"),
        Some(SchemeId::Edge) => format!("url(#{prefix}-pat-edge)"),
        Some(SchemeId::RigidExpense) => format!("url(#{prefix}-pat-rigid)"),
        _ => format!("url(#{prefix}-pat-none)"),
    }
}

/// Rural standards are published per year: a rural household's chart reads in 元/年.
fn yearly(ev: &Evaluation) -> bool {
    ev.residence == crate::rules::household::Residence::Rural
}

/// An amount on the axis: per month, or for a rural household per year where the exact yearly
/// figure is known.
fn amount(lang: Lang, rural: bool, monthly: Decimal, yearly: Option<Decimal>) -> String {
    match (rural, yearly) {
        (true, Some(y)) => tf(lang, "result.chart.per_year", &[("amount", &yuan(y))]),
        _ => yuan(monthly),
    }
}

fn band_range(lang: Lang, rural: bool, b: &Band) -> String {
    let from = amount(lang, rural, b.from, b.from_yearly);
    match b.to {
        Some(to) if b.from.is_zero() => tf(
            lang,
            "result.chart.range_below",
            &[("to", &amount(lang, rural, to, b.to_yearly))],
        ),
        Some(to) => tf(
            lang,
            "result.chart.range",
            &[
                ("from", &from),
                ("to", &amount(lang, rural, to, b.to_yearly)),
            ],
        ),
        None => tf(lang, "result.chart.range_above", &[("from", &from)]),
    }
}

/// The household's own income sentence key: per year for a rural household.
fn you_key(rural: bool, p: Position, key: &'static str, key_year: &'static str) -> &'static str {
    if rural && p.household_yearly.is_some() {
        key_year
    } else {
        key
    }
}

/// The whole description in one sentence (for the SVG's `<desc>` and read-aloud).
pub fn describe(lang: Lang, ev: &Evaluation) -> String {
    let bands = bands(ev);
    let rural = yearly(ev);
    let parts: Vec<String> = bands
        .iter()
        .map(|b| {
            format!(
                "{}{}{}",
                band_name(lang, b.scheme),
                t(lang, "result.colon"),
                band_range(lang, rural, b)
            )
        })
        .collect();
    let sep = match lang {
        Lang::Zh => "；",
        Lang::En => "; ",
    };
    let mut s = t(
        lang,
        if rural {
            "result.chart.desc_intro_year"
        } else {
            "result.chart.desc_intro"
        },
    )
    .to_string();
    s.push_str(&parts.join(sep));
    match position(ev) {
        Some(p) => {
            let band = band_of(&bands, p)
                .map(|b| band_name(lang, b.scheme))
                .unwrap_or_default();
            let income = match (rural, p.household_yearly) {
                (true, Some(y)) => yuan(y),
                _ => yuan(p.household_monthly),
            };
            let args = [("income", income), ("band", band)];
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let you = if p.at_least {
                tf(
                    lang,
                    you_key(
                        rural,
                        p,
                        "result.chart.you_at_least",
                        "result.chart.you_at_least_year",
                    ),
                    &args,
                )
            } else {
                tf(
                    lang,
                    you_key(rural, p, "result.chart.you", "result.chart.you_year"),
                    &args,
                )
            };
            s.push_str(sep);
            s.push_str(&you);
        }
        None => {
            s.push_str(sep);
            s.push_str(t(lang, "result.chart.you_unknown"));
        }
    }
    s
}

const W: f64 = 320.0;
const PAD: f64 = 6.0;

/// A coordinate for an SVG attribute, to a tenth of a unit: `12.3`, `34` (short attributes,
/// and the same text on every machine).
fn n(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, frac) = (tenths.abs() / 10, tenths.abs() % 10);
    if frac == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac}")
    }
}

// `max`/`min`, not `f64::clamp`: clamp's check (min ≤ max) panics with the two floats in the
// message, which alone put Rust's whole float formatting (~14 KB of code) in the app's wasm
// (BENCHMARKS.md, "App size"); and a label wider than the chart would have hit that panic.
fn x_of(v: Decimal, max: f64) -> f64 {
    let v = v.to_f64().unwrap_or(0.0).max(0.0).min(max);
    PAD + (W - 2.0 * PAD) * v / max
}

/// Rough width of a text in SVG units: CJK characters are square, Latin about half as wide.
fn text_width(s: &str, fs: f64) -> f64 {
    s.chars()
        .map(|c| if c.is_ascii() { 0.6 } else { 1.0 })
        .sum::<f64>()
        * fs
}

#[derive(Properties, PartialEq)]
pub struct IncomeChartProps {
    pub evaluation: std::rc::Rc<Evaluation>,
    pub lang: Lang,
    #[prop_or_default]
    pub elder: bool,
    /// Prefix of the element ids (see `ResultScreen`).
    #[prop_or(AttrValue::Static("jz"))]
    pub id_prefix: AttrValue,
}

/// The chart with its legend; a plain sentence when no line is known for the region.
#[component]
pub fn IncomeChart(props: &IncomeChartProps) -> Html {
    let lang = props.lang;
    let p = props.id_prefix.as_str();
    let ev = &*props.evaluation;
    let bands = bands(ev);
    if bands.is_empty() {
        return html! {
            <section class="result-chart" aria-labelledby={format!("{p}-chart-h")}>
                <h3 id={format!("{p}-chart-h")}>{ t(lang, "result.chart.title") }</h3>
                <p>{ t(lang, "result.chart.no_lines") }</p>
            </section>
        };
    }
    let here = position(ev);
    let last = bands
        .iter()
        .filter_map(|b| b.to)
        .max()
        .unwrap_or(Decimal::ONE);
    let top = here.map_or(last, |p| p.household_monthly.max(last));
    let max = (top.to_f64().unwrap_or(1.0) * 1.25).max(1.0);

    // Sizes in SVG units; the SVG is 320 units wide and as wide as the column (≥ 288 px on a
    // 320 px phone), so a unit is ≥ 0.9 px: 21 units ≥ 18 px, 34 units ≥ 30 px in elder mode.
    let fs = if props.elder { 34.0 } else { 21.0 };
    let label_y = fs;
    let tri_top = fs + 6.0;
    let bar_y = tri_top + 12.0;
    let bar_h = fs * 2.0;
    let under_y = bar_y + bar_h + fs + 4.0;
    let height = under_y + 8.0;

    let rects = bands.iter().map(|b| {
        let x0 = x_of(b.from, max);
        let x1 = b.to.map_or(W - PAD, |to| x_of(to, max));
        let short = band_short(lang, b.scheme);
        let fits = !short.is_empty() && text_width(short, fs) + 6.0 <= x1 - x0;
        let dash = if b.firm { "none" } else { "6 4" };
        html! {
            <g class="result-chart-band" data-band={b.scheme.map_or("none", |s| s.code())}>
                <rect x={n(x0)} y={n(bar_y)}
                      width={n((x1 - x0).max(0.0))} height={n(bar_h)}
                      fill={band_fill(p, b.scheme)} stroke="#1a1a1a" stroke-width="1.5"
                      stroke-dasharray={dash} />
                if fits {
                    <text x={n((x0 + x1) / 2.0)} y={n(under_y)}
                          text-anchor="middle" font-size={n(fs)} fill="#1a1a1a">{ short }</text>
                }
            </g>
        }
    });

    let marker = here.map(|p| {
        let x = x_of(p.household_monthly, max);
        let label = t(lang, "result.chart.here");
        let tw = text_width(label, fs);
        // Centred on the marker, within the chart; a label wider than it starts at its left edge.
        let tx = (x - tw / 2.0).min(W - PAD - tw).max(PAD);
        html! {
            <g class="result-chart-marker" data-testid="chart-marker"
               data-income={p.household_monthly.to_string()}>
                <text x={n(tx)} y={n(label_y)} font-size={n(fs)}
                      font-weight="bold" fill="#1a1a1a">{ label }</text>
                <path d={format!("M{} {t} L{} {t} L{} {} Z", n(x - 8.0), n(x + 8.0), n(x), n(tri_top + 10.0), t = n(tri_top))}
                      fill="#1a1a1a" />
                <line x1={n(x)} x2={n(x)} y1={n(bar_y)}
                      y2={n(bar_y + bar_h)} stroke="#ffffff" stroke-width="9" />
                <line x1={n(x)} x2={n(x)} y1={n(bar_y)}
                      y2={n(bar_y + bar_h)} stroke="#1a1a1a" stroke-width="4" />
            </g>
        }
    });

    let current = here.and_then(|p| band_of(&bands, p)).cloned();
    let legend = bands.iter().map(|b| {
        let is_here = current.as_ref() == Some(b);
        html! {
            <li class={classes!(is_here.then_some("result-chart-here"))}
                data-band={b.scheme.map_or("none", |s| s.code())}>
                <svg class="result-swatch" viewBox="0 0 28 28" width="28" height="28" aria-hidden="true" focusable="false">
                    <rect x="1" y="1" width="26" height="26" fill={band_fill(p, b.scheme)} stroke="#1a1a1a" stroke-width="1.5" />
                </svg>
                <span>
                    <strong>{ band_name(lang, b.scheme) }</strong>{ t(lang, "result.colon") }{ band_range(lang, yearly(ev), b) }
                    if !b.firm {
                        { " " }{ t(lang, "result.chart.reference") }
                    }
                    if is_here {
                        <strong class="result-chart-you">{ " ← " }{ t(lang, "result.chart.here") }</strong>
                    }
                </span>
            </li>
        }
    });

    let rural = yearly(ev);
    let income_of = |p: Position| match (rural, p.household_yearly) {
        (true, Some(y)) => yuan(y),
        _ => yuan(p.household_monthly),
    };
    let you_sentence = match here {
        Some(p) if p.at_least => tf(
            lang,
            you_key(
                rural,
                p,
                "result.chart.legend_at_least",
                "result.chart.legend_at_least_year",
            ),
            &[("income", &income_of(p))],
        ),
        Some(p) => tf(
            lang,
            you_key(
                rural,
                p,
                "result.chart.legend_you",
                "result.chart.legend_you_year",
            ),
            &[("income", &income_of(p))],
        ),
        None => t(lang, "result.chart.you_unknown").to_string(),
    };

    html! {
        <section class="result-chart" aria-labelledby={format!("{p}-chart-h")}>
            <h3 id={format!("{p}-chart-h")}>{ t(lang, "result.chart.title") }</h3>
            <svg class="result-chart-svg" viewBox={format!("0 0 {} {}", n(W), n(height))} role="img"
                 aria-labelledby={format!("{p}-chart-title {p}-chart-desc")} preserveAspectRatio="xMidYMid meet">
                <title id={format!("{p}-chart-title")}>{ t(lang, "result.chart.title") }</title>
                <desc id={format!("{p}-chart-desc")}>{ describe(lang, ev) }</desc>
                <defs>
                    <pattern id={format!("{p}-pat-dibao")} width="10" height="10" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect width="10" height="10" fill="#d4ecdb" />
                        <rect width="4" height="10" fill="#0b6b2c" />
                    </pattern>
                    <pattern id={format!("{p}-pat-edge")} width="10" height="10" patternUnits="userSpaceOnUse">
                        <rect width="10" height="10" fill="#fbe3c2" />
                        <circle cx="5" cy="5" r="2.5" fill="#8a4b00" />
                    </pattern>
                    <pattern id={format!("{p}-pat-rigid")} width="10" height="10" patternUnits="userSpaceOnUse">
                        <rect width="10" height="10" fill="#dbe6f7" />
                        <rect width="10" height="3" fill="#0b3d91" />
                    </pattern>
                    <pattern id={format!("{p}-pat-none")} width="10" height="10" patternUnits="userSpaceOnUse">
                        <rect width="10" height="10" fill="#f1f1ef" />
                    </pattern>
                </defs>
                { for rects }
                { for marker }
            </svg>
            <p class="result-chart-you-text">{ you_sentence }</p>
            <ul class="result-chart-legend">{ for legend }</ul>
            <p class="result-chart-note">{ t(lang, "result.chart.note") }</p>
        </section>
    }
}
