pub mod answers;
#[cfg(target_arch = "wasm32")]
pub mod api;
pub mod golden;
pub mod handover;
pub mod i18n;
pub mod place_search;
pub mod rules;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod ui;
