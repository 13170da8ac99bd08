//! Step: Where you live: region (a search field, `ui::place_picker`, and the province → city →
//! county menus, GB/T 2260 — the whole tree once its names have arrived, `ui::place_tree`),
//! urban or rural standard, screening date; the dibao standards in force there on that date,
//! with source and date; and, where that standard is unknown, borrowed or stale, "I know my
//! local standard": the figure the resident was told, with its month, used and credited to them.

use std::collections::BTreeMap;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::t;

use super::ScreenProps;
use crate::answers::{standard_param, LocalStandard};
use crate::i18n::{tf, Lang};
use crate::place_search::Tree;
use crate::rules::date::Date;
use crate::rules::household::Residence;
use crate::rules::outcome::Standing;
use crate::rules::params::{catalogue, Params, Region};
use crate::ui::fields::{
    choices, mark_input, use_ui, Choices, NumberField, Radios, SelectField, Ui,
};
use crate::ui::format::yuan;
use crate::ui::place_picker::{place_picker, PickerState};
use crate::ui::place_tree::{use_tree, Loaded};

/// One entry of a menu: code and name.
type Entry = (String, String);

fn name(lang: Lang, r: &Region) -> String {
    lang.pick(&r.name_zh, &r.name_en).to_string()
}

/// Regions at `level` under `parent` (provinces: under the national entry), from the data
/// files: the menus until the whole tree has arrived.
fn children(lang: Lang, level: &str, parent: Option<&str>) -> Vec<Entry> {
    catalogue()
        .regions
        .values()
        .filter(|r| r.level == level && (parent.is_none() || r.parent.as_deref() == parent))
        .map(|r| (r.code.clone(), name(lang, r)))
        .collect()
}

/// The chosen province, second level (a prefecture, or a county directly under its province)
/// and county of a region code.
fn levels(code: &str) -> (Option<String>, Option<String>, Option<String>) {
    let (mut p, mut c, mut k) = (None, None, None);
    for r in catalogue().chain(code) {
        match r.level.as_str() {
            "province" => p = Some(r.code.clone()),
            "prefecture" => c = Some(r.code.clone()),
            "county" => k = Some(r.code.clone()),
            _ => {}
        }
    }
    if c.is_none() {
        // 直辖市 districts and 省直辖县级: the county is on the second menu.
        c = k.take();
    }
    (p, c, k)
}

fn tree_children(lang: Lang, tree: &Tree, parent: &str) -> Vec<Entry> {
    tree.children(parent)
        .into_iter()
        .map(|d| {
            (
                d.code.clone(),
                lang.pick(&d.name_zh, &d.name_en).to_string(),
            )
        })
        .collect()
}

fn region_choices(placeholder: &'static str, list: &[Entry]) -> Choices {
    let mut out = choices([("", placeholder)]);
    out.extend(
        list.iter()
            .map(|(code, name)| (AttrValue::from(code.clone()), AttrValue::from(name.clone()))),
    );
    out
}

#[component]
pub fn Place(p: &ScreenProps) -> Html {
    let ui = use_ui();
    let lang = ui.lang;
    let loaded = use_tree();
    let tree = match &loaded {
        Some(Loaded::Ready(t)) => Some(t.clone()),
        _ => None,
    };
    let a = &p.answers;
    // A portal's `allowedRegions` (`ui.limit`): the menus list only the places that lead to an
    // allowed one; a choice above them (云南省 when only 楚雄州 is allowed) is kept here, not
    // in the answers, until the resident goes down to an allowed place.
    let limit = ui.limit.clone();
    let picker = use_state(PickerState::default);
    let shown = match (&picker.browse, a.region.is_empty()) {
        (Some(b), true) => b.as_str(),
        _ => a.region.as_str(),
    };
    let (prov, city, county) = levels(shown);
    let set_region = p.set(|a, v: String| a.region = v);
    let choose = |fallback: Option<String>| {
        let (set_region, picker, limit) = (set_region.clone(), picker.clone(), limit.clone());
        Callback::from(move |v: String| {
            let code = if v.is_empty() {
                fallback.clone().unwrap_or_default()
            } else {
                v
            };
            let browse = (!code.is_empty() && !limit.allows(&code)).then(|| code.clone());
            if picker.browse != browse {
                let mut next = (*picker).clone();
                next.browse = browse.clone();
                picker.set(next);
            }
            set_region.emit(if browse.is_some() {
                String::new()
            } else {
                code
            });
        })
    };
    let kids = |level: &str, parent: Option<&str>| {
        let mut list = match (&tree, parent) {
            (Some(t), Some(parent)) => tree_children(lang, t, parent),
            (Some(t), None) => tree_children(lang, t, "000000"),
            (None, parent) => children(lang, level, parent),
        };
        list.retain(|(code, _)| limit.reaches(code));
        list
    };
    // "The whole province / city" only where that is allowed.
    let whole = |code: &Option<String>, key: &'static str| {
        if code.as_deref().is_some_and(|c| limit.allows(c)) {
            t(lang, key)
        } else {
            t(lang, "place.choose")
        }
    };
    let provinces = kids("province", None);
    let cities = prov
        .as_deref()
        .map(|c| kids("prefecture", Some(c)))
        .unwrap_or_default();
    let counties = city
        .as_deref()
        .filter(|c| c.ends_with("00"))
        .map(|c| kids("county", Some(c)))
        .unwrap_or_default();
    let on_pick = set_region.clone();
    let on_date = p.set(|a, v: String| a.date = v);
    let date_id = ui.id("as_of");
    let date_hint = [date_id.as_str(), "-hint"].concat();
    let date_err = p.error(lang, "as_of");
    let residence = match a.residence {
        Some(Residence::Urban) => "urban",
        Some(Residence::Rural) => "rural",
        None => "",
    };
    let date = Date::parse(a.date.trim()).unwrap_or(p.today);
    html! {
        <>
            { place_picker(&ui, &loaded, &picker, &on_pick) }
            <fieldset class="place-browse">
                <legend>{ t(lang, "place.browse") }</legend>
                <SelectField field="region.province" label={t(ui.lang, "place.province")}
                    choices={region_choices(t(ui.lang, "place.choose"), &provinces)}
                    value={prov.clone().unwrap_or_default()}
                    error={p.error(lang, "region")}
                    on_change={choose(None)} />
                if prov.is_some() && !cities.is_empty() {
                    <SelectField field="region.city" label={t(ui.lang, "place.city")}
                        choices={region_choices(whole(&prov, "place.whole_province"), &cities)}
                        value={city.clone().unwrap_or_default()}
                        on_change={choose(prov.clone())} />
                }
                if city.is_some() && !counties.is_empty() {
                    <SelectField field="region.county" label={t(ui.lang, "place.county")}
                        choices={region_choices(whole(&city, "place.whole_city"), &counties)}
                        value={county.clone().unwrap_or_default()}
                        on_change={choose(city.clone())} />
                }
            </fieldset>
            <Radios field="residence" legend={t(ui.lang, "place.residence")}
                hint={t(ui.lang, "place.residence_hint")}
                choices={choices([("urban", t(ui.lang, "place.urban")), ("rural", t(ui.lang, "place.rural"))])}
                value={residence}
                error={p.error(lang, "residence")}
                on_change={p.set(|a, v: String| a.residence = Some(if v == "rural" { Residence::Rural } else { Residence::Urban }))} />
            <div class={classes!("field", date_err.is_some().then_some("has-error"))} data-field="as_of">
                <label for={date_id.clone()}>{ t(ui.lang, "place.date") }</label>
                <p class="hint" id={date_hint.clone()}>
                    { tf(lang, "place.date_hint", &[("today", &p.today.to_string())]) }
                </p>
                <input id={date_id.clone()} type="date" value={a.date.clone()} min="2014-01-01" max="2100-12-31"
                    aria-describedby={date_hint}
                    aria-invalid={date_err.is_some().then_some("true")}
                    oninput={on_date.reform(|e: InputEvent| { mark_input(); e.target_unchecked_into::<HtmlInputElement>().value() })} />
                if let Some(e) = date_err {
                    <p class="field-error" data-testid="field-error"><span class="icon" aria-hidden="true">{"⚠"}</span>{ e }</p>
                }
            </div>
            { standards(lang, &a.region, date) }
            { own_standard(p, &ui, date) }
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
                html! { <strong class="money">{ [yuan(v).as_str(), " ", t(lang, unit)].concat() }</strong> }
            }
            None => html! { <strong>{ t(lang, "place.not_published") }</strong> },
        };
        let whom = r.region.map(|x| name_of(lang, x)).unwrap_or_default();
        let since = r.entry.map(|e| e.effective.to_string()).unwrap_or_default();
        let src = r.source();
        let source = match &src.article {
            Some(art) => [&*src.document, " ", &**art].concat(),
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

/// Why the data's standard may not be the one in force: unknown, borrowed from a wider area, or
/// older than the region's review interval (`review_months`, else 12 months) on `date`.
fn standard_doubt(region: &str, date: Date, name: &str) -> Option<&'static str> {
    let params = Params::new(region, date, BTreeMap::new())?;
    let r = params.get(name);
    if r.number().is_none() {
        return Some("place.own.why_unknown");
    }
    if matches!(r.standing, Standing::Reference | Standing::Floor) {
        return Some("place.own.why_borrowed");
    }
    if r.standing == Standing::Stale {
        return Some("place.own.why_stale");
    }
    let months = catalogue()
        .chain(region)
        .iter()
        .find_map(|x| x.review_months)
        .unwrap_or(12);
    let effective = r.entry.map(|e| e.effective)?;
    let age = (i64::from(date.year) - i64::from(effective.year)) * 12 + i64::from(date.month)
        - i64::from(effective.month);
    (age >= i64::from(months)).then_some("place.own.why_stale")
}

/// "I know my local standard": offered where the standard is unknown, borrowed or stale (and
/// kept open while the resident's own figure is in use).
fn own_standard(p: &ScreenProps, ui: &Ui, date: Date) -> Html {
    let lang = ui.lang;
    let a = &p.answers;
    let Some(res) = a.residence else {
        return html! {};
    };
    if a.region.is_empty() {
        return html! {};
    }
    let name = standard_param(res);
    let mine = Some(&a.local_standard).filter(|l| l.name == name);
    let doubt = standard_doubt(&a.region, date, name);
    if doubt.is_none() && mine.is_none() {
        return html! {};
    }
    let set = |f: fn(&mut LocalStandard, String)| {
        p.set(move |a, v: String| {
            let ls = &mut a.local_standard;
            ls.name = name.to_string();
            f(ls, v);
        })
    };
    let on_amount = set(|l, v| l.amount = v);
    let on_month = set(|l, v| l.month = v);
    let remove = p.act(|a| a.local_standard = LocalStandard::default());
    let unit = match res {
        Residence::Urban => "place.own.amount_urban",
        Residence::Rural => "place.own.amount_rural",
    };
    let month_id = ui.id("local_standard.month");
    let month_hint = [month_id.as_str(), "-hint"].concat();
    let title_id = ui.id("own-standard-title");
    let month_err = p.error(lang, "local_standard.month");
    let in_use = mine.is_some_and(|m| !m.amount.trim().is_empty());
    html! {
        <section class="own-standard" data-testid="own-standard" aria-labelledby={title_id.clone()}>
            <h3 id={title_id}>{ t(lang, "place.own.title") }</h3>
            if let Some(why) = doubt { <p class="hint">{ t(lang, why) }</p> }
            <p class="hint">{ t(lang, "place.own.lead") }</p>
            <NumberField field="local_standard.amount" label={t(lang, unit)}
                value={mine.map(|m| m.amount.clone()).unwrap_or_default()}
                unit={t(lang, "unit.yuan")} unknown={false}
                error={p.error(lang, "local_standard.amount")}
                on_change={on_amount} />
            <div class={classes!("field", month_err.is_some().then_some("has-error"))} data-field="local_standard.month">
                <label for={month_id.clone()}>{ t(lang, "place.own.month") }</label>
                <p class="hint" id={month_hint.clone()}>{ t(lang, "place.own.month_hint") }</p>
                <input id={month_id.clone()} type="month" min="2014-01" placeholder="2025-07"
                    value={mine.map(|m| m.month.clone()).unwrap_or_default()}
                    aria-describedby={month_hint}
                    aria-invalid={month_err.is_some().then_some("true")}
                    oninput={on_month.reform(|e: InputEvent| { mark_input(); e.target_unchecked_into::<HtmlInputElement>().value() })} />
                if let Some(e) = month_err {
                    <p class="field-error" data-testid="field-error"><span class="icon" aria-hidden="true">{"⚠"}</span>{ e }</p>
                }
            </div>
            if in_use {
                <p class="own-in-use" data-testid="own-in-use">{ t(lang, "place.own.in_use") }</p>
            }
            if mine.is_some() {
                <button type="button" class="secondary" onclick={remove}>{ t(lang, "place.own.remove") }</button>
            }
        </section>
    }
}
