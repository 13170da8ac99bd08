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
use crate::place_search::Match;
use crate::ui::fields::Ui;
use crate::ui::place_tree::Loaded;

/// Most matches listed at once.
const LIMIT: usize = 12;

/// The place screen's own state, in one hook (one `use_state` instantiation instead of four):
/// the search field, and the menus' choice above the allowed places (`browse`, see
/// `screens::place`).
#[derive(Clone, Default, PartialEq)]
pub struct PickerState {
    pub query: String,
    /// The list is open.
    pub open: bool,
    /// The match chosen with the arrow keys.
    pub active: Option<usize>,
    /// A menu choice that is not itself an allowed place (云南省 when only 楚雄州 is allowed).
    pub browse: Option<String>,
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

/// The search field and its list. A plain function rendered inside the place screen (not a
/// component of its own: each Yew component instantiates the framework's generic lifecycle code
/// again); its state is the screen's `st`, `on_pick` gets the chosen code.
pub fn place_picker(
    ui: &Ui,
    loaded: &Option<Loaded>,
    st: &UseStateHandle<PickerState>,
    on_pick: &Callback<String>,
) -> Html {
    let lang = ui.lang;
    let id = ui.id("place-search");
    let list_id = [id.as_str(), "-list"].concat();
    let hint_id = [id.as_str(), "-hint"].concat();
    let tree = match loaded {
        Some(Loaded::Ready(t)) => Some(t.clone()),
        _ => None,
    };
    let matches: Vec<Match> = tree
        .as_deref()
        .map(|t| t.search_in(&st.query, LIMIT, &ui.limit))
        .unwrap_or_default();
    let picks: std::rc::Rc<Vec<(String, String)>> = std::rc::Rc::new(
        matches
            .iter()
            .map(|m| (m.division.code.clone(), label(lang, m.division)))
            .collect(),
    );
    let n = picks.len();
    let expanded = st.open && n > 0;

    let pick = {
        let (on_pick, st) = (on_pick.clone(), st.clone());
        Callback::from(move |(code, name): (String, String)| {
            st.set(PickerState {
                query: name,
                open: false,
                active: None,
                browse: None,
            });
            on_pick.emit(code);
        })
    };
    let oninput = {
        let st = st.clone();
        Callback::from(move |e: InputEvent| {
            st.set(PickerState {
                query: e.target_unchecked_into::<HtmlInputElement>().value(),
                open: true,
                active: None,
                browse: st.browse.clone(),
            });
        })
    };
    let onkeydown = {
        let (st, pick, picks) = (st.clone(), pick.clone(), picks.clone());
        Callback::from(move |e: KeyboardEvent| {
            let mut next = (*st).clone();
            match e.key().as_str() {
                "ArrowDown" if n > 0 => {
                    e.prevent_default();
                    next.open = true;
                    next.active = Some(match st.active {
                        Some(i) if st.open => (i + 1) % n,
                        _ => 0,
                    });
                }
                "ArrowUp" if n > 0 => {
                    e.prevent_default();
                    next.open = true;
                    next.active = Some(match st.active {
                        Some(i) if st.open && i > 0 => i - 1,
                        _ => n - 1,
                    });
                }
                "Enter" => {
                    if let Some(i) = st.active.filter(|_| st.open).or((n == 1).then_some(0)) {
                        e.prevent_default();
                        pick.emit(picks[i].clone());
                    }
                    return;
                }
                "Escape" => {
                    if st.open && n > 0 {
                        next.open = false;
                        next.active = None;
                    } else {
                        next.query.clear();
                    }
                }
                _ => return,
            }
            st.set(next);
        })
    };
    let onblur = {
        let st = st.clone();
        Callback::from(move |_: FocusEvent| {
            if st.open {
                let mut next = (*st).clone();
                next.open = false;
                st.set(next);
            }
        })
    };
    let option_id = |i: usize| [id.as_str(), "-opt-", &i.to_string()].concat();
    let query = st.query.trim();
    let status = match (loaded, query.is_empty(), n) {
        (Some(Loaded::Failed), _, _) => t(lang, "place.search_failed").to_string(),
        (Some(Loaded::Ready(_)), false, 0) => tf(lang, "place.no_match", &[("q", query)]),
        (Some(Loaded::Ready(_)), false, n) => tf(lang, "place.matches", &[("n", &n.to_string())]),
        _ => String::new(),
    };
    let hint = match loaded {
        None | Some(Loaded::Ready(_)) => "place.search_hint",
        Some(Loaded::Failed) => "place.search_failed",
        Some(Loaded::Loading) => "place.search_loading",
    };
    html! {
        <div class="field place-search" data-field="region.search">
            <label for={id.clone()}>{ t(lang, "place.search") }</label>
            <p class="hint" id={hint_id.clone()}>{ t(lang, hint) }</p>
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
                    aria-activedescendant={st.active.filter(|_| expanded).map(option_id)}
                    aria-describedby={hint_id}
                    value={st.query.clone()}
                    {oninput} {onkeydown} {onblur} />
                <ul id={list_id} role="listbox" class="place-matches"
                    aria-label={t(lang, "place.listbox")} hidden={!expanded}>
                    { for matches.iter().enumerate().map(|(i, m)| {
                        let choose = {
                            let (pick, picks) = (pick.clone(), picks.clone());
                            Callback::from(move |e: MouseEvent| { e.prevent_default(); pick.emit(picks[i].clone()) })
                        };
                        let selected = st.active == Some(i);
                        html! {
                            <li id={option_id(i)} role="option"
                                aria-selected={if selected { "true" } else { "false" }}
                                class={classes!("place-match", selected.then_some("active"))}
                                data-code={picks[i].0.clone()}
                                onmousedown={choose}>
                                <span class="place-match-name">{ picks[i].1.clone() }</span>
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
