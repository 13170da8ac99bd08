//! The place search: one field where a resident types 五华, 楚雄, 香格里拉 or pinyin (wuhua,
//! xianggelila) and picks from the matches, each shown with its city and province.
//!
//! WAI-ARIA 1.2 combobox pattern: an `<input role="combobox">` that controls a
//! `role="listbox"` popup (`aria-expanded`, `aria-controls`, `aria-activedescendant`);
//! ↓/↑ move through the matches, Enter picks, Escape closes the list (a second Escape clears
//! the field); a polite live region says how many matches there are. The search itself is
//! `crate::place_search` (native-tested).

use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::i18n::{t, tf, Lang};
use crate::place_search::{Match, Tree};
use crate::ui::fields::use_ui;
use crate::ui::place_tree::{use_tree, Loaded};

/// Most matches listed at once.
const LIMIT: usize = 12;

#[derive(Properties, PartialEq)]
pub struct PickerProps {
    /// Called with the code of the chosen division.
    pub on_pick: Callback<String>,
}

fn label(lang: Lang, d: &crate::rules::divisions::Division) -> String {
    lang.pick(&d.name_zh, &d.name_en).to_string()
}

fn parents(lang: Lang, m: &Match) -> String {
    let parts: Vec<String> = [m.city, m.province]
        .into_iter()
        .flatten()
        .map(|d| label(lang, d))
        .collect();
    parts.join(lang.pick("，", ", "))
}

#[component]
pub fn PlacePicker(p: &PickerProps) -> Html {
    let ui = use_ui();
    let lang = ui.lang;
    let loaded = use_tree(None);
    let query = use_state(String::new);
    let open = use_state(|| false);
    let active = use_state(|| None::<usize>);
    let id = ui.id("place-search");
    let list_id = format!("{id}-list");
    let hint_id = format!("{id}-hint");
    let tree: Option<std::rc::Rc<Tree>> = match &loaded {
        Some(Loaded::Ready(t)) => Some(t.clone()),
        _ => None,
    };
    let matches: Vec<Match> = tree
        .as_deref()
        .map(|t| t.search_in(&query, LIMIT, &ui.limit))
        .unwrap_or_default();
    let codes: Vec<String> = matches.iter().map(|m| m.division.code.clone()).collect();
    let n = codes.len();
    let expanded = *open && n > 0;

    let pick = {
        let (on_pick, query, open, active) = (
            p.on_pick.clone(),
            query.clone(),
            open.clone(),
            active.clone(),
        );
        Callback::from(move |(code, name): (String, String)| {
            query.set(name);
            open.set(false);
            active.set(None);
            on_pick.emit(code);
        })
    };
    let names: Vec<String> = matches.iter().map(|m| label(lang, m.division)).collect();
    let oninput = {
        let (query, open, active) = (query.clone(), open.clone(), active.clone());
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value());
            open.set(true);
            active.set(None);
        })
    };
    let onkeydown = {
        let (query, open, active, pick) =
            (query.clone(), open.clone(), active.clone(), pick.clone());
        let (codes, names) = (codes.clone(), names.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "ArrowDown" if n > 0 => {
                e.prevent_default();
                open.set(true);
                active.set(Some(match *active {
                    Some(i) if *open => (i + 1) % n,
                    _ => 0,
                }));
            }
            "ArrowUp" if n > 0 => {
                e.prevent_default();
                open.set(true);
                active.set(Some(match *active {
                    Some(i) if *open && i > 0 => i - 1,
                    _ => n - 1,
                }));
            }
            "Enter" => {
                if let Some(i) = active.filter(|_| *open).or((n == 1).then_some(0)) {
                    e.prevent_default();
                    pick.emit((codes[i].clone(), names[i].clone()));
                }
            }
            "Escape" => {
                if *open && n > 0 {
                    open.set(false);
                    active.set(None);
                } else {
                    query.set(String::new());
                }
            }
            _ => {}
        })
    };
    let onblur = {
        let open = open.clone();
        Callback::from(move |_: FocusEvent| open.set(false))
    };
    let option_id = |i: usize| format!("{id}-opt-{i}");
    let status = match (&loaded, query.trim().is_empty(), n) {
        (Some(Loaded::Failed), _, _) => t(lang, "place.search_failed").to_string(),
        (Some(Loaded::Ready(_)), false, 0) => tf(lang, "place.no_match", &[("q", query.trim())]),
        (Some(Loaded::Ready(_)), false, n) => tf(lang, "place.matches", &[("n", &n.to_string())]),
        _ => String::new(),
    };
    let ready = matches!(loaded, Some(Loaded::Ready(_)));
    html! {
        <div class="field place-search" data-field="region.search">
            <label for={id.clone()}>{ t(lang, "place.search") }</label>
            <p class="hint" id={hint_id.clone()}>
                { if ready || loaded.is_none() { t(lang, "place.search_hint") } else if matches!(loaded, Some(Loaded::Failed)) { t(lang, "place.search_failed") } else { t(lang, "place.search_loading") } }
            </p>
            if !ui.limit.is_none() {
                <p class="hint" data-testid="place-limited">
                    { tf(lang, "place.limited", &[("area", &crate::ui::app::area_names(lang, &ui.limit))]) }
                </p>
            }
            <div class="combobox">
                <input id={id.clone()} type="text" role="combobox" autocomplete="off"
                    spellcheck="false" autocapitalize="off"
                    aria-autocomplete="list"
                    aria-expanded={if expanded { "true" } else { "false" }}
                    aria-controls={list_id.clone()}
                    aria-activedescendant={active.filter(|_| expanded).map(option_id)}
                    aria-describedby={hint_id}
                    value={(*query).clone()}
                    {oninput} {onkeydown} {onblur} />
                <ul id={list_id} role="listbox" class="place-matches"
                    aria-label={t(lang, "place.listbox")} hidden={!expanded}>
                    { for matches.iter().enumerate().map(|(i, m)| {
                        let choose = {
                            let pick = pick.clone();
                            let (code, name) = (m.division.code.clone(), label(lang, m.division));
                            Callback::from(move |e: MouseEvent| { e.prevent_default(); pick.emit((code.clone(), name.clone())) })
                        };
                        let selected = *active == Some(i);
                        html! {
                            <li id={option_id(i)} role="option"
                                aria-selected={if selected { "true" } else { "false" }}
                                class={classes!("place-match", selected.then_some("active"))}
                                data-code={m.division.code.clone()}
                                onmousedown={choose}>
                                <span class="place-match-name">{ label(lang, m.division) }</span>
                                <span class="place-match-where">{ parents(lang, m) }</span>
                            </li>
                        }
                    }) }
                </ul>
            </div>
            <p class="sr-only" role="status" aria-live="polite" data-testid="place-search-status">{ status }</p>
        </div>
    }
}
