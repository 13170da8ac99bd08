//! Step: Assets (家庭财产): savings and other financial assets, homes (relocation housing apart),
//! non-residential property, vehicles, a registered business and its profit.

use yew::prelude::*;

use crate::i18n::t;

use super::ScreenProps;
use crate::answers::{Answers, YesNo};
use crate::ui::fields::{use_ui, yes_no_unknown, NumberField, Radios};

#[component]
pub fn Assets(p: &ScreenProps) -> Html {
    let ui = use_ui();
    let lang = ui.lang;
    let a = &p.answers;
    let x = &a.assets;
    let number = |name: &'static str,
                  label: &'static str,
                  hint: Option<&'static str>,
                  unit: &'static str,
                  whole: bool,
                  value: &str,
                  set: fn(&mut Answers, String)| {
        let path = format!("assets.{name}");
        html! {
            <NumberField field={path.clone()} label={t(ui.lang, label)} hint={hint.map(|h| AttrValue::from(t(ui.lang, h)))}
                unit={t(ui.lang, unit)} whole={whole} value={value.to_string()} error={p.error(lang, &path)}
                on_change={p.set(set)} />
        }
    };
    html! {
        <>
            <p class="lead">{ t(ui.lang, "assets.lead") }</p>
            { number("financial", "assets.financial", Some("assets.financial_hint"), "unit.yuan", false, &x.financial, |a, v| a.assets.financial = v) }
            { number("homes", "assets.homes", Some("assets.homes_hint"), "unit.homes", true, &x.homes, |a, v| a.assets.homes = v) }
            if a.asks_relocation() {
                { number("relocation_homes", "assets.relocation", None, "unit.homes", true, &x.relocation_homes, |a, v| a.assets.relocation_homes = v) }
            }
            <Radios field="assets.non_residential_property" legend={t(ui.lang, "assets.shop")} hint={t(ui.lang, "assets.shop_hint")}
                choices={yes_no_unknown(lang)} value={x.non_residential.code()}
                on_change={p.set(|a, v: String| a.assets.non_residential = YesNo::from_code(&v))} />
            { number("vehicle_value", "assets.vehicle_value", Some("assets.vehicle_value_hint"), "unit.yuan", false, &x.vehicle_value, |a, v| a.assets.vehicle_value = v) }
            { number("vehicle_bought_12m_price", "assets.vehicle_new", Some("assets.vehicle_new_hint"), "unit.yuan", false, &x.vehicle_bought_12m_price, |a, v| a.assets.vehicle_bought_12m_price = v) }
            if a.asks_vehicle_for_disability() {
                <Radios field="assets.vehicle_for_disability" legend={t(ui.lang, "assets.vehicle_disability")}
                    choices={yes_no_unknown(lang)} value={x.vehicle_for_disability.code()}
                    on_change={p.set(|a, v: String| a.assets.vehicle_for_disability = YesNo::from_code(&v))} />
            }
            <Radios field="assets.business_registered" legend={t(ui.lang, "assets.business")}
                choices={yes_no_unknown(lang)} value={x.business.code()}
                on_change={p.set(|a, v: String| a.assets.business = YesNo::from_code(&v))} />
            if a.asks_business_profit() {
                { number("business_annual_profit", "assets.profit", None, "unit.yuan_year", false, &x.business_profit, |a, v| a.assets.business_profit = v) }
            }
        </>
    }
}
