//! The `<select>` of sample households (staff demo mode and the first screen).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::rules::samples;

#[derive(Properties, PartialEq)]
pub struct SamplePickerProps {
    /// Id of the sample shown now.
    pub selected: AttrValue,
    /// Called with the id of the sample the user picks.
    pub on_choose: Callback<String>,
}

#[component]
pub fn SamplePicker(props: &SamplePickerProps) -> Html {
    let on_change = {
        let on_choose = props.on_choose.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            on_choose.emit(select.value());
        })
    };
    html! {
        <div class="field">
            <label for="sample">
                {"示例家庭"}
                <span class="en" lang="en">{"Sample household"}</span>
            </label>
            <select id="sample" name="sample" onchange={on_change}>
                { for samples::all().into_iter().map(|s| html! {
                    <option value={s.id} selected={props.selected == s.id}>
                        { format!("{} — {}", s.title_zh, s.title_en) }
                    </option>
                }) }
            </select>
        </div>
    }
}
