//! Step: What happened: a sudden event, a spike in necessary spending, months without income and
//! unemployment insurance, on dibao now (and income rose from work), an application pending.

use yew::prelude::*;

use crate::i18n::t;

use super::labels::{self, code};
use super::ScreenProps;
use crate::answers::{YesNo, NO_EVENT, UNKNOWN};
use crate::ui::fields::{choices, use_ui, yes_no_unknown, NumberField, Radios, SelectField};

#[component]
pub fn Events(p: &ScreenProps) -> Html {
    let ui = use_ui();
    let lang = ui.lang;
    let a = &p.answers;
    let e = &a.events;
    let mut events = choices([(NO_EVENT, t(ui.lang, "event.none"))]);
    events.extend(labels::EVENTS.iter().map(|x| {
        (
            AttrValue::from(code(x)),
            AttrValue::from(labels::event(lang, *x)),
        )
    }));
    events.push((UNKNOWN.into(), t(lang, "ans.unknown").into()));
    html! {
        <>
            <p class="lead">{ t(ui.lang, "events.lead") }</p>
            <SelectField field="circumstances.sudden_event" label={t(ui.lang, "events.sudden")} hint={t(ui.lang, "events.sudden_hint")}
                choices={events} value={e.sudden_event.clone()} placeholder={Some(AttrValue::from(t(lang, "ans.choose")))}
                on_change={p.set(|a, v: String| a.events.sudden_event = v)} />
            <Radios field="circumstances.spending_spike" legend={t(ui.lang, "events.spike")}
                choices={yes_no_unknown(lang)} value={e.spending_spike.code()}
                on_change={p.set(|a, v: String| a.events.spending_spike = YesNo::from_code(&v))} />
            <NumberField field="circumstances.months_without_income" label={t(ui.lang, "events.months")}
                hint={t(ui.lang, "events.months_hint")} unit={t(ui.lang, "unit.months")} whole=true
                value={e.months_without_income.clone()}
                error={p.error(lang, "circumstances.months_without_income")}
                on_change={p.set(|a, v: String| a.events.months_without_income = v)} />
            if a.asks_unemployment_insurance() {
                <Radios field="circumstances.unemployment_insurance" legend={t(ui.lang, "events.insurance")}
                    choices={yes_no_unknown(lang)} value={e.unemployment_insurance.code()}
                    on_change={p.set(|a, v: String| a.events.unemployment_insurance = YesNo::from_code(&v))} />
            }
            if a.asks_monitored() {
                <Radios field="circumstances.monitored_at_risk" legend={t(ui.lang, "events.monitored")} hint={t(ui.lang, "events.monitored_hint")}
                    choices={yes_no_unknown(lang)} value={e.monitored_at_risk.code()}
                    on_change={p.set(|a, v: String| a.events.monitored_at_risk = YesNo::from_code(&v))} />
            }
            <Radios field="circumstances.on_dibao" legend={t(ui.lang, "events.on_dibao")}
                choices={yes_no_unknown(lang)} value={e.on_dibao.code()}
                on_change={p.set(|a, v: String| a.events.on_dibao = YesNo::from_code(&v))} />
            if a.asks_income_rose() {
                <Radios field="circumstances.income_rose_from_work" legend={t(ui.lang, "events.rose")}
                    choices={yes_no_unknown(lang)} value={e.income_rose_from_work.code()}
                    on_change={p.set(|a, v: String| a.events.income_rose_from_work = YesNo::from_code(&v))} />
            }
            if a.asks_application_pending() {
                <Radios field="circumstances.dibao_application_pending" legend={t(ui.lang, "events.pending")}
                    choices={yes_no_unknown(lang)} value={e.application_pending.code()}
                    on_change={p.set(|a, v: String| a.events.application_pending = YesNo::from_code(&v))} />
            }
        </>
    }
}
