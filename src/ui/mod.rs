//! The browser app (Yew, compiled to wasm32 only).
//!
//! The UI holds no policy logic: it picks a household, hands its JSON to
//! [`crate::rules::evaluate_json`] and shows the [`crate::rules::Evaluation`] it gets back.
//!
//! - [`state`]: the one state type of the screen and the messages that change it (a reducer).
//! - [`app`]: the root component, [`App`].
//! - [`sample_picker`]: the `<select>` of sample households.
//! - [`result_view`]: the region, per-capita income and one row per scheme.
//! - [`format`]: money and bilingual text for display.
//!
//! [`start`] mounts the app into `#jiuzhu-root` (see `www/index.html`), replacing the loading
//! indicator that the page shows until the wasm has started.

pub mod app;
pub mod format;
pub mod result;
pub mod result_view;
pub mod sample_picker;
pub mod state;

pub use app::App;

/// The id of the element the app mounts into.
pub const ROOT_ID: &str = "jiuzhu-root";

/// Mounts [`App`] into `#jiuzhu-root` (or `<body>` if the page has no such element). Yew clears
/// the element's children first, so the page's loading indicator disappears on mount.
pub fn start() -> yew::AppHandle<App> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("jiuzhu runs in a browser page");
    match document.get_element_by_id(ROOT_ID) {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    }
}
