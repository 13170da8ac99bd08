//! The browser app (Yew, compiled to wasm32 only): the resident's screening flow.
//!
//! The UI holds no policy logic. It edits the resident's [`crate::answers::Answers`], turns them
//! into the engine's household with `Answers::to_household` after every change, evaluates it
//! with [`crate::rules::evaluate_on`] and shows the result.
//!
//! | module | what |
//! |---|---|
//! | [`state`] | the one state of a screening ([`state::Flow`]) and the actions that change it (a reducer) |
//! | [`app`] | the root component [`App`]: header, progress, the screen, the live result bar |
//! | [`screens`] | one component per question group: place, members, income, expenses, assets, events |
//! | [`fields`] | labelled inputs with "不清楚 / I don't know" and the error next to the field |
//! | [`result_bar`] | the compact status per scheme, announced politely |
//! | [`result`] | the result screen (built separately: cards, chart, next steps) |
//! | [`storage`] | answers and preferences in `localStorage`, versioned; clear my data |
//! | [`crash`] | the panic screen that keeps the saved answers |
//! | [`sample_picker`] | sample households (staff mode) |
//! | [`staff`] | staff mode: the switch (remembered on the device), "next resident", the self-test button |
//! | [`handover`] | hand-over by QR code: the link of the answers (`#h1=…`, [`crate::handover`]) and reading one |
//! | [`print`] | the printable summary (办事清单) and its print button (`www/print.css`) |
//! | [`self_test`] | the self-test screen: every golden case run in the browser |
//!
//! ## Embedding interface
//!
//! A page (or the portal embedding in `src/api.rs`) mounts the app into any element with
//! [`mount`]`(element, `[`Options`]`)`; [`start`] mounts the full-page app into `#jiuzhu-root`.
//! [`Options`] are the [`App`]'s properties:
//!
//! | field | meaning | default |
//! |---|---|---|
//! | `region: Option<String>` | GB/T 2260 code preselected when the saved answers have none | none: the resident picks |
//! | `lang: Option<Lang>` | the starting language (the user can still switch) | saved choice, else `navigator.language` (zh-CN unless English) |
//! | `mode: Mode` | `Resident`, or `Staff` (staff mode always on: samples, next resident, self-test; otherwise a switch in the footer, remembered on the device) | `Resident` |
//! | `date: Option<String>` | screening date `YYYY-MM-DD` used when the resident leaves the date empty | today (China time) |
//! | `storage_key: String` | `localStorage` key of this app's answers (preferences under `<key>.prefs`) | `"jiuzhu.answers.v1"` |
//! | `embedded: bool` | inside a host page: no `<main>` landmark, no page title or `<html lang>` changes | `false` |
//! | `on_result: Option<Callback<Rc<Evaluation>>>` | called with every new evaluation | none |
//! | `on_apply: Option<Callback<()>>` | shows an "apply" button on the result screen; called when pressed | none |
//! | `params: Rc<PortalParams>` | the portal's own standards (household `params` form), used in every evaluation and credited to the portal | none |
//! | `allowed: Rc<Limit>` | the places the resident may pick (`allowedRegions`): the search and the menus offer only those; a saved place elsewhere is dropped with a notice | anywhere |
//!
//! Several apps on one page are independent: each keeps its own state, and element ids are
//! prefixed from its storage key. The only thing shared is the panic screen (a panic in wasm
//! stops every app of the page, so every mounted root shows it).
//!
//! Other entry points: the URL fragment `#jiuzhu-panic-test` makes the app panic once mounted
//! (to test the panic screen end to end); `#selftest` (or `?selftest`) opens the self-test; a
//! hand-over fragment `#h1=…` brings answers from another device (full-page app only, removed
//! from the address bar once read; see [`handover`]). Nothing else is read from the URL.

pub mod app;
pub mod crash;
pub mod english;
pub mod fields;
pub mod format;
pub mod handover;
pub mod place_picker;
pub mod place_tree;
pub mod portal_params;
pub mod print;
pub mod result;
pub mod result_bar;
pub mod sample_picker;
pub mod screens;
pub mod self_test;
pub mod staff;
pub mod state;
pub mod storage;
pub mod unanswered;

use std::rc::Rc;

use yew::Callback;

pub use app::App;

use crate::i18n::Lang;
use crate::rules::Evaluation;

/// The id of the element the full-page app mounts into.
pub const ROOT_ID: &str = "jiuzhu-root";

/// The default `localStorage` key of the answers.
pub const DEFAULT_STORAGE_KEY: &str = "jiuzhu.answers.v1";

/// Who uses the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// A resident screening their own household.
    #[default]
    Resident,
    /// Outreach staff (社区/村 worker): sample households can be loaded.
    Staff,
}

/// How the app is set up: the [`App`]'s properties (see the module docs).
#[derive(Clone, PartialEq, yew::Properties)]
pub struct Options {
    #[prop_or_default]
    pub region: Option<String>,
    #[prop_or_default]
    pub lang: Option<Lang>,
    #[prop_or_default]
    pub mode: Mode,
    #[prop_or_default]
    pub date: Option<String>,
    #[prop_or(DEFAULT_STORAGE_KEY.to_string())]
    pub storage_key: String,
    #[prop_or_default]
    pub embedded: bool,
    #[prop_or_default]
    pub on_result: Option<Callback<Rc<Evaluation>>>,
    #[prop_or_default]
    pub on_apply: Option<Callback<()>>,
    /// The host portal's own standards (household `params` form), validated by the embedding API.
    #[prop_or_default]
    pub params: Rc<state::PortalParams>,
    /// The folder this copy's files are served from (ending in `/`), when the page is not in it:
    /// a portal's page with the custom element. The self-test reads its cases from there.
    /// `None`: the page's own folder (the app, the iframe page).
    #[prop_or_default]
    pub files_base: Option<String>,
    /// The places the portal lets its residents pick (`allowedRegions`); empty: anywhere.
    #[prop_or_default]
    pub allowed: Rc<crate::place_search::Limit>,
}

impl Default for Options {
    /// The resident app.
    fn default() -> Self {
        Options {
            region: None,
            lang: None,
            mode: Mode::Resident,
            date: None,
            storage_key: DEFAULT_STORAGE_KEY.to_string(),
            embedded: false,
            on_result: None,
            on_apply: None,
            params: Rc::default(),
            files_base: None,
            allowed: Rc::default(),
        }
    }
}

/// Mounts an [`App`] with `options` into `root` (Yew clears the element's children first).
pub fn mount(root: web_sys::Element, options: Options) -> yew::AppHandle<App> {
    crash::install(&root);
    yew::Renderer::<App>::with_root_and_props(root, options).render()
}

/// Starts the resident's page (`src/bin/app.rs`). If the app will start in English and its
/// English messages are fetched (`english`, feature `lazy-en`), they are read first: the
/// bilingual loading screen stays until they are here, instead of the app drawing every
/// question in Chinese and redrawing it in English a moment later (a flash of the wrong
/// language, a layout shift, a second full render on a slow phone). If they cannot be read the
/// app starts anyway and says so, as after a switch.
pub fn start_page() {
    let o = Options::default();
    let english = app::starting_lang(&o, &storage::load_prefs(&o.storage_key)) == Lang::En;
    if english && !crate::i18n::english_ready() {
        english::load(
            "",
            Callback::from(|_| {
                let _ = start();
            }),
        );
    } else {
        let _ = start();
    }
}

/// Mounts the full-page resident app into `#jiuzhu-root` (or `<body>` if the page has none),
/// replacing the page's loading indicator.
pub fn start() -> yew::AppHandle<App> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("jiuzhu runs in a browser page");
    let root = match document.get_element_by_id(ROOT_ID) {
        Some(root) => root,
        None => document.body().expect("the page has a body").into(),
    };
    mount(root, Options::default())
}
