//! Sample households (staff mode): loads one into the form, replacing the answers.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::t;

use super::fields::{mark_input, use_ui};
use crate::rules::samples;

#[derive(Properties, PartialEq)]
pub struct SamplePickerProps {
    /// Called with the id of the sample the user picks.
    pub on_choose: Callback<String>,
}

#[component]
pub fn SamplePicker(props: &SamplePickerProps) -> Html {
    let ui = use_ui();
    let id = ui.id("sample");
    let on_change = {
        let on_choose = props.on_choose.clone();
        Callback::from(move |e: Event| {
            mark_input();
            let select: HtmlSelectElement = e.target_unchecked_into();
            let v = select.value();
            if !v.is_empty() {
                on_choose.emit(v);
            }
        })
    };
    html! {
        <div class="field staff" data-field="sample">
            <label for={id.clone()}>{ t(ui.lang, "staff.sample") }</label>
            <p class="hint" id={format!("{id}-hint")}>{ t(ui.lang, "staff.sample_hint") }</p>
            <select id={id.clone()} name="sample" onchange={on_change} data-testid="sample"
                aria-describedby={format!("{id}-hint")}>
                <option value="" selected=true>{ t(ui.lang, "staff.sample_choose") }</option>
                { for samples::all().into_iter().map(|s| html! {
                    <option value={s.id}>{ ui.lang.pick(s.title_zh, s.title_en) }</option>
                }) }
            </select>
        </div>
    }
}
