pub mod answers;
#[cfg(target_arch = "wasm32")]
pub mod api;
pub mod golden;
pub mod i18n;
pub mod rules;
#[cfg(target_arch = "wasm32")]
pub mod ui;
