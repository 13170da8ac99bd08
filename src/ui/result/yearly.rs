//! Rural figures as published (per year, the month alongside) and how firm a line is, for the
//! result card, the overview and the print summary: rural standards are published per year
//! (Kunming 6400 元/年) and a rural resident reads 元/年; a line borrowed from a higher level or
//! out of date says so next to the figure.

use rust_decimal::Decimal;

use super::money::yuan;
use crate::i18n::{t, tf, Lang};
use crate::rules::household::Residence;
use crate::rules::outcome::{Distance, Side, Standing};

/// `¥6,400.00/年（¥533.33/月）` for rural (when the yearly figure is known), else `¥533.33`.
pub fn per_person(
    lang: Lang,
    residence: Residence,
    monthly: Decimal,
    yearly: Option<Decimal>,
) -> String {
    match (residence, yearly) {
        (Residence::Rural, Some(y)) => tf(
            lang,
            "result.per_year_month",
            &[("year", &yuan(y)), ("month", &yuan(monthly))],
        ),
        _ => yuan(monthly),
    }
}

/// What to add after a line that is not published and current.
pub fn standing_note(lang: Lang, s: Option<Standing>) -> Option<&'static str> {
    match s? {
        Standing::Floor => Some(t(lang, "result.line.floor")),
        Standing::Stale => Some(t(lang, "result.line.stale")),
        Standing::Reference => Some(t(lang, "result.line.reference")),
        Standing::Published | Standing::Override | Standing::Unknown => None,
    }
}

/// The distance sentence and the line, per year for rural households; the line says how firm
/// it is when it is not published and current.
pub fn distance_sentence(lang: Lang, residence: Residence, d: &Distance) -> (String, String) {
    let (sentence, line) = distance_plain(lang, residence, d);
    match standing_note(lang, d.line_standing) {
        Some(note) => (sentence, format!("{line}{note}")),
        None => (sentence, line),
    }
}

/// As [`distance_sentence`], without the standing note (the print summary says it once, next
/// to the standard).
pub fn distance_plain(lang: Lang, residence: Residence, d: &Distance) -> (String, String) {
    let yearly = match (residence, d.per_capita_yearly, d.line_per_capita_yearly) {
        (Residence::Rural, Some(py), Some(ly)) => Some((py, ly)),
        _ => None,
    };
    match yearly {
        Some((py, ly)) => {
            let args = [
                ("per_person_year", yuan(py)),
                ("per_person", yuan(d.per_capita_monthly)),
                ("line_year", yuan(ly)),
                ("line", yuan(d.line_per_capita_monthly)),
            ];
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let key = match d.side {
                Side::Below => "result.distance.below_year",
                Side::Above => "result.distance.above_year",
            };
            (
                tf(lang, key, &args),
                tf(lang, "result.distance.line_year", &args),
            )
        }
        None => {
            let args = [
                ("household", yuan(d.household_monthly)),
                ("per_person", yuan(d.per_capita_monthly)),
                ("line", yuan(d.line_per_capita_monthly)),
            ];
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let key = match d.side {
                Side::Below => "result.distance.below",
                Side::Above => "result.distance.above",
            };
            (
                tf(lang, key, &args),
                tf(lang, "result.distance.line", &args),
            )
        }
    }
}
