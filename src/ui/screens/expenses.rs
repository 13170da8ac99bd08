//! Step: Rigid expenses (刚性支出), out of pocket, all in one period: medical after insurance,
//! education, disability rehabilitation, costs of working, other necessary spending.

use yew::prelude::*;

use crate::i18n::t;

use super::income::period_radios;
use super::ScreenProps;
use crate::answers::Answers;
use crate::rules::household::Period;
use crate::ui::fields::{use_ui, NumberField};

#[component]
pub fn Expenses(p: &ScreenProps) -> Html {
    let ui = use_ui();
    let lang = ui.lang;
    let a = &p.answers;
    let x = &a.expenses;
    let field = |name: &'static str,
                 label: &'static str,
                 hint: Option<&'static str>,
                 value: &str,
                 set: fn(&mut Answers, String)| {
        let path = format!("expenses.{name}");
        html! {
            <NumberField field={path.clone()} label={t(ui.lang, label)} hint={hint.map(|h| AttrValue::from(t(ui.lang, h)))}
                unit={t(ui.lang, "unit.yuan")} value={value.to_string()} error={p.error(lang, &path)}
                on_change={p.set(set)} />
        }
    };
    html! {
        <>
            <p class="lead">{ t(ui.lang, "expenses.lead") }</p>
            { period_radios(p, lang, "expenses.period".into(), x.period,
                p.set(|a, v: Period| a.expenses.period = v)) }
            { field("medical", "expenses.medical", Some("expenses.medical_hint"), &x.medical, |a, v| a.expenses.medical = v) }
            if a.anyone_at_school() {
                { field("education", "expenses.education", None, &x.education, |a, v| a.expenses.education = v) }
            }
            if a.anyone_disabled() {
                { field("disability_rehab", "expenses.rehab", None, &x.rehab, |a, v| a.expenses.rehab = v) }
            }
            if a.anyone_working() {
                { field("employment", "expenses.employment", Some("expenses.employment_hint"), &x.employment, |a, v| a.expenses.employment = v) }
            }
            { field("other", "expenses.other", Some("expenses.other_hint"), &x.other, |a, v| a.expenses.other = v) }
        </>
    }
}
