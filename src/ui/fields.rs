//! Labelled form fields: every input has a visible `<label>` (or a `<fieldset>` + `<legend>`),
//! "不清楚 / I don't know" where a fact may be unknown, and its error in words right below it,
//! linked with `aria-describedby` and `aria-invalid`.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::answers::{FieldError, UNKNOWN};
use crate::i18n::{t, Lang};

/// What every component needs to know about its app: language, 大字模式 and the id prefix that
/// keeps ids unique when several apps share a page. Provided by [`super::App`].
#[derive(Clone, PartialEq)]
pub struct Ui {
    pub lang: Lang,
    pub elder: bool,
    pub prefix: Rc<str>,
    /// The places the portal lets the resident pick (the place screen).
    pub limit: Rc<crate::place_search::Limit>,
}

impl Ui {
    /// The element id of a field: prefix + the field's name with `[`, `]`, `.` as `-`.
    pub fn id(&self, field: &str) -> String {
        let mut s = String::with_capacity(self.prefix.len() + field.len() + 1);
        s.push_str(&self.prefix);
        s.push('-');
        for c in field.chars() {
            s.push(if c.is_ascii_alphanumeric() { c } else { '-' });
        }
        s
    }

    pub fn t(&self, key: &'static str) -> &'static str {
        t(self.lang, key)
    }
}

/// The [`Ui`] of the app this component is in.
#[hook]
pub fn use_ui() -> Ui {
    use_context::<Ui>().unwrap_or(Ui {
        lang: Lang::Zh,
        elder: false,
        prefix: "jz".into(),
        limit: Rc::default(),
    })
}

/// Records the moment of an input event (for the input → result measurement, see `app.rs`).
pub fn mark_input() {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        p.clear_marks_with_mark_name("jz-input");
        let _ = p.mark("jz-input");
    }
}

/// The message to show under `field`, if any: wrong answers always, blank required ones only
/// when `show_blank` (the user has moved on from the screen).
pub fn error_for(
    errors: &[FieldError],
    field: &str,
    show_blank: bool,
    lang: Lang,
) -> Option<AttrValue> {
    errors
        .iter()
        .find(|e| e.field == field && (show_blank || !e.blank))
        .map(|e| AttrValue::from(e.message(lang).to_string()))
}

fn error_line(id: &str, error: &Option<AttrValue>) -> Html {
    match error {
        Some(msg) => html! {
            <p class="field-error" id={format!("{id}-err")} data-testid="field-error">
                <span class="icon" aria-hidden="true">{"⚠"}</span>{ msg.clone() }
            </p>
        },
        None => html! {},
    }
}

fn described_by(id: &str, hint: bool, error: bool) -> Option<AttrValue> {
    let mut parts = Vec::new();
    if error {
        parts.push(format!("{id}-err"));
    }
    if hint {
        parts.push(format!("{id}-hint"));
    }
    (!parts.is_empty()).then(|| parts.join(" ").into())
}

fn hint_line(id: &str, hint: &Option<AttrValue>) -> Html {
    match hint {
        Some(h) => html! { <p class="hint" id={format!("{id}-hint")}>{ h.clone() }</p> },
        None => html! {},
    }
}

#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    /// The field's name as in [`FieldError::field`] (`members[0].age`).
    pub field: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// As typed; `?` = not known.
    pub value: AttrValue,
    /// 元, 岁, 套 …
    #[prop_or_default]
    pub unit: Option<AttrValue>,
    /// Offer "不清楚 / I don't know".
    #[prop_or(true)]
    pub unknown: bool,
    /// Whole numbers only (numeric keyboard without a decimal point).
    #[prop_or_default]
    pub whole: bool,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    pub on_change: Callback<String>,
}

/// A number typed as text (so nothing typed is lost), with a unit and "不清楚".
#[component]
pub fn NumberField(p: &NumberFieldProps) -> Html {
    let ui = use_ui();
    let id = ui.id(&p.field);
    let is_unknown = p.value.as_str() == UNKNOWN;
    let oninput = p.on_change.reform(|e: InputEvent| {
        mark_input();
        e.target_unchecked_into::<HtmlInputElement>().value()
    });
    let on_unknown = p.on_change.reform(|e: Event| {
        mark_input();
        let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
        if checked {
            UNKNOWN.to_string()
        } else {
            String::new()
        }
    });
    html! {
        <div class={classes!("field", p.error.is_some().then_some("has-error"))} data-field={p.field.clone()}>
            <label for={id.clone()}>{ p.label.clone() }</label>
            { hint_line(&id, &p.hint) }
            <div class="input-row">
                <input
                    id={id.clone()}
                    type="text"
                    inputmode={if p.whole { "numeric" } else { "decimal" }}
                    autocomplete="off"
                    value={if is_unknown { AttrValue::default() } else { p.value.clone() }}
                    disabled={is_unknown}
                    aria-invalid={p.error.is_some().then_some("true")}
                    aria-describedby={described_by(&id, p.hint.is_some(), p.error.is_some())}
                    {oninput}
                />
                if let Some(u) = &p.unit { <span class="unit" aria-hidden="true">{ u.clone() }</span> }
            </div>
            if p.unknown {
                <label class="check">
                    <input type="checkbox" checked={is_unknown} onchange={on_unknown}
                        data-testid="unknown" />
                    <span>{ t(ui.lang, "ans.unknown") }</span>
                </label>
            }
            { error_line(&id, &p.error) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub field: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub value: AttrValue,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    pub on_change: Callback<String>,
}

#[component]
pub fn TextField(p: &TextFieldProps) -> Html {
    let ui = use_ui();
    let id = ui.id(&p.field);
    let oninput = p.on_change.reform(|e: InputEvent| {
        mark_input();
        e.target_unchecked_into::<HtmlInputElement>().value()
    });
    html! {
        <div class={classes!("field", p.error.is_some().then_some("has-error"))} data-field={p.field.clone()}>
            <label for={id.clone()}>{ p.label.clone() }</label>
            { hint_line(&id, &p.hint) }
            <input id={id.clone()} type="text" autocomplete="off" value={p.value.clone()}
                aria-invalid={p.error.is_some().then_some("true")}
                aria-describedby={described_by(&id, p.hint.is_some(), p.error.is_some())}
                {oninput} />
            { error_line(&id, &p.error) }
        </div>
    }
}

/// A choice: `(value, label)`.
pub type Choices = Vec<(AttrValue, AttrValue)>;

/// Builds [`Choices`] from `(value, label)` pairs.
pub fn choices<I, V, L>(items: I) -> Choices
where
    I: IntoIterator<Item = (V, L)>,
    V: Into<AttrValue>,
    L: Into<AttrValue>,
{
    items
        .into_iter()
        .map(|(v, l)| (v.into(), l.into()))
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    pub field: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub choices: Choices,
    /// Groups shown after `choices` under a heading (`<optgroup>`).
    #[prop_or_default]
    pub groups: Vec<(AttrValue, Choices)>,
    pub value: AttrValue,
    /// "请选择": a first option that is not an answer, shown while the value is empty (the
    /// question is unanswered: nothing the resident did not choose is taken as their answer).
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    pub on_change: Callback<String>,
}

#[component]
pub fn SelectField(p: &SelectFieldProps) -> Html {
    let ui = use_ui();
    let id = ui.id(&p.field);
    let onchange = p.on_change.reform(|e: Event| {
        mark_input();
        e.target_unchecked_into::<HtmlSelectElement>().value()
    });
    let option = |(v, l): &(AttrValue, AttrValue)| {
        html! { <option value={v.clone()} selected={*v == p.value}>{ l.clone() }</option> }
    };
    // The chosen answer in words (a select with no matching option shows its first one).
    let all = || {
        p.choices
            .iter()
            .chain(p.groups.iter().flat_map(|(_, c)| c.iter()))
    };
    // An unanswered question shows its placeholder ("请选择").
    let placeholder = p
        .placeholder
        .as_ref()
        .filter(|_| p.value.is_empty())
        .cloned();
    let chosen = placeholder
        .or_else(|| {
            all()
                .find(|(v, _)| *v == p.value)
                .or_else(|| all().next())
                .map(|(_, l)| l.clone())
        })
        .unwrap_or(AttrValue::Static(""));
    html! {
        <div class={classes!("field", p.error.is_some().then_some("has-error"))} data-field={p.field.clone()}>
            <label for={id.clone()}>{ p.label.clone() }</label>
            { hint_line(&id, &p.hint) }
            // A native select cuts a long answer at the box edge on a 360 px phone; the chosen
            // answer is shown in full, wrapped, by a text layer over it (www/style.css
            // `.select-wrap`; hidden from screen readers, which read the select itself).
            <div class="select-wrap">
                <select id={id.clone()} {onchange}
                    aria-invalid={p.error.is_some().then_some("true")}
                    aria-describedby={described_by(&id, p.hint.is_some(), p.error.is_some())}>
                    if let Some(ph) = &p.placeholder {
                        <option value="" disabled=true selected={p.value.is_empty()} data-placeholder="">{ ph.clone() }</option>
                    }
                    { for p.choices.iter().map(option) }
                    { for p.groups.iter().map(|(label, items)| html! {
                        <optgroup label={label.clone()}>{ for items.iter().map(option) }</optgroup>
                    }) }
                </select>
                <span class="select-face" aria-hidden="true" data-testid="select-face">{ chosen }</span>
            </div>
            { error_line(&id, &p.error) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct RadiosProps {
    pub field: AttrValue,
    pub legend: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub choices: Choices,
    pub value: AttrValue,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    pub on_change: Callback<String>,
}

/// A short choice as radio buttons in a `<fieldset>` (是 / 否 / 不清楚, 城市 / 农村 …).
#[component]
pub fn Radios(p: &RadiosProps) -> Html {
    let ui = use_ui();
    let id = ui.id(&p.field);
    html! {
        <fieldset class={classes!("field", "radios", p.error.is_some().then_some("has-error"))}
            data-field={p.field.clone()}
            aria-describedby={described_by(&id, p.hint.is_some(), p.error.is_some())}>
            <legend>{ p.legend.clone() }</legend>
            { hint_line(&id, &p.hint) }
            <div class="choices">
                { for p.choices.iter().enumerate().map(|(k, (v, l))| {
                    let value = v.to_string();
                    let onchange = p.on_change.reform(move |_: Event| { mark_input(); value.clone() });
                    html! {
                        <label class="choice">
                            // The first choice carries the field's id: a link to the question
                            // focuses it.
                            <input type="radio" name={id.clone()} value={v.clone()}
                                id={(k == 0).then(|| id.clone())}
                                checked={*v == p.value} {onchange} />
                            <span>{ l.clone() }</span>
                        </label>
                    }
                }) }
            </div>
            { error_line(&id, &p.error) }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct CheckFieldProps {
    pub field: AttrValue,
    pub label: AttrValue,
    pub checked: bool,
    pub on_change: Callback<bool>,
}

#[component]
pub fn CheckField(p: &CheckFieldProps) -> Html {
    let id = use_ui().id(&p.field);
    let onchange = p.on_change.reform(|e: Event| {
        mark_input();
        e.target_unchecked_into::<HtmlInputElement>().checked()
    });
    html! {
        <div class="field" data-field={p.field.clone()}>
            <label class="check">
                <input type="checkbox" id={id} checked={p.checked} {onchange} />
                <span>{ p.label.clone() }</span>
            </label>
        </div>
    }
}

/// 是 / 否 / 不清楚 as choices.
pub fn yes_no_unknown(lang: Lang) -> Choices {
    choices([
        ("y", t(lang, "ans.yes")),
        ("n", t(lang, "ans.no")),
        ("?", t(lang, "ans.unknown")),
    ])
}
