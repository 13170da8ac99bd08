pub mod answers;
pub mod golden;
pub mod i18n;
pub mod rules;
#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod api;
