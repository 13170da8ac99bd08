//! Step: Where you live: region (province → city → county, GB/T 2260), urban or rural standard,
//! screening date; and the dibao standards in force there on that date, with source and date.

use std::collections::BTreeMap;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::t;

use super::ScreenProps;
use crate::i18n::{tf, Lang};
use crate::rules::date::Date;
use crate::rules::household::Residence;
use crate::rules::outcome::Standing;
use crate::rules::params::{catalogue, Params, Region};
use crate::ui::fields::{choices, mark_input, use_ui, Choices, Radios, SelectField};
use crate::ui::format::yuan;

fn name(lang: Lang, r: &Region) -> String {
    lang.pick(&r.name_zh, &r.name_en).to_string()
}

/// Regions at `level` under `parent` (provinces: under the national entry).
fn children(level: &str, parent: Option<&str>) -> Vec<&'static Region> {
    catalogue()
        .regions
        .values()
        .filter(|r| r.level == level && (parent.is_none() || r.parent.as_deref() == parent))
        .collect()
}

/// The chosen province, prefecture and county of a region code.
fn levels(
    code: &str,
) -> (
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
) {
    let (mut p, mut c, mut k) = (None, None, None);
    for r in catalogue().chain(code) {
        match r.level.as_str() {
            "province" => p = Some(r.code.as_str()),
            "prefecture" => c = Some(r.code.as_str()),
            "county" => k = Some(r.code.as_str()),
            _ => {}
        }
    }
    (p, c, k)
}

fn region_choices(lang: Lang, placeholder: &'static str, list: &[&'static Region]) -> Choices {
    let mut out = choices([("", placeholder)]);
    out.extend(list.iter().map(|r| {
        (
            AttrValue::from(r.code.clone()),
            AttrValue::from(name(lang, r)),
        )
    }));
    out
}

#[component]
pub fn Place(p: &ScreenProps) -> Html {
    let ui = use_ui();
    let lang = ui.lang;
    let a = &p.answers;
    let (prov, city, county) = levels(&a.region);
    let choose = |fallback: Option<&'static str>| {
        p.set(move |a, v: String| {
            a.region = if v.is_empty() {
                fallback.unwrap_or_default().to_string()
            } else {
                v
            };
        })
    };
    let provinces = children("province", None);
    let cities = prov
        .map(|c| children("prefecture", Some(c)))
        .unwrap_or_default();
    let counties = city
        .map(|c| children("county", Some(c)))
        .unwrap_or_default();
    let on_date = p.set(|a, v: String| a.date = v);
    let date_id = ui.id("as_of");
    let date_err = p.error(lang, "as_of");
    let residence = match a.residence {
        Some(Residence::Urban) => "urban",
        Some(Residence::Rural) => "rural",
        None => "",
    };
    html! {
        <>
            <SelectField field="region.province" label={t(ui.lang, "place.province")}
                choices={region_choices(lang, t(ui.lang, "place.choose"), &provinces)}
                value={prov.unwrap_or_default()}
                error={p.error(lang, "region")}
                on_change={choose(None)} />
            if prov.is_some() && !cities.is_empty() {
                <SelectField field="region.city" label={t(ui.lang, "place.city")}
                    choices={region_choices(lang, t(ui.lang, "place.whole_province"), &cities)}
                    value={city.unwrap_or_default()}
                    on_change={choose(prov)} />
            }
            if city.is_some() && !counties.is_empty() {
                <SelectField field="region.county" label={t(ui.lang, "place.county")}
                    choices={region_choices(lang, t(ui.lang, "place.whole_city"), &counties)}
                    value={county.unwrap_or_default()}
                    on_change={choose(city)} />
            }
            <Radios field="residence" legend={t(ui.lang, "place.residence")}
                hint={t(ui.lang, "place.residence_hint")}
                choices={choices([("urban", t(ui.lang, "place.urban")), ("rural", t(ui.lang, "place.rural"))])}
                value={residence}
                error={p.error(lang, "residence")}
                on_change={p.set(|a, v: String| a.residence = Some(if v == "rural" { Residence::Rural } else { Residence::Urban }))} />
            <div class={classes!("field", date_err.is_some().then_some("has-error"))} data-field="as_of">
                <label for={date_id.clone()}>{ t(ui.lang, "place.date") }</label>
                <p class="hint" id={format!("{date_id}-hint")}>
                    { tf(lang, "place.date_hint", &[("today", &p.today.to_string())]) }
                </p>
                <input id={date_id.clone()} type="date" value={a.date.clone()} min="2014-01-01" max="2100-12-31"
                    aria-describedby={format!("{date_id}-hint")}
                    aria-invalid={date_err.is_some().then_some("true")}
                    oninput={on_date.reform(|e: InputEvent| { mark_input(); e.target_unchecked_into::<HtmlInputElement>().value() })} />
                if let Some(e) = date_err {
                    <p class="field-error" data-testid="field-error"><span class="icon" aria-hidden="true">{"⚠"}</span>{ e }</p>
                }
            </div>
            { standards(lang, &a.region, Date::parse(a.date.trim()).unwrap_or(p.today)) }
        </>
    }
}

/// The dibao standards in force for `region` on `date`, each with its place, date and source.
fn standards(lang: Lang, region: &str, date: Date) -> Html {
    let Some(params) = (!region.is_empty())
        .then(|| Params::new(region, date, BTreeMap::new()))
        .flatten()
    else {
        return html! {};
    };
    let row = |label: &'static str, unit: &'static str, name: &str| {
        let r = params.get(name);
        let value = match r.number() {
            Some(v) => {
                html! { <strong class="money">{ format!("{} {}", yuan(v), t(lang, unit)) }</strong> }
            }
            None => html! { <strong>{ t(lang, "place.not_published") }</strong> },
        };
        let whom = r.region.map(|x| name_of(lang, x)).unwrap_or_default();
        let since = r.entry.map(|e| e.effective.to_string()).unwrap_or_default();
        let src = r.source();
        let source = match &src.article {
            Some(art) => format!("{} {}", src.document, art),
            None => src.document.to_string(),
        };
        html! {
            <div>
                <dt>{ t(lang, label) }</dt>
                <dd>
                    { value }
                    if r.number().is_some() {
                        <p class="source">
                            { tf(lang, "place.standard_from", &[("place", &whom), ("date", &since)]) }
                            if r.standing == Standing::Reference { { " " }{ t(lang, "place.reference") } }
                            if r.standing == Standing::Floor { { " " }{ t(lang, "place.floor") } }
                            if r.standing == Standing::Stale { { " " }{ t(lang, "place.stale") } }
                        </p>
                    }
                    <p class="source">{ t(lang, "place.source") }{ source }</p>
                </dd>
            </div>
        }
    };
    html! {
        <section class="standards" data-testid="standards">
            <h3>
                { tf(lang, "place.standards_title", &[("place", &name_of(lang, params.region())), ("date", &date.to_string())]) }
            </h3>
            <dl class="facts">
                { row("place.urban_standard", "place.per_month", "dibao_urban_monthly") }
                { row("place.rural_standard", "place.per_year", "dibao_rural_yearly") }
            </dl>
        </section>
    }
}

fn name_of(lang: Lang, r: &Region) -> String {
    name(lang, r)
}
