//! `jiuzhu-app`: the browser app's entry point. Trunk builds it for wasm32 (see `Trunk.toml`,
//! `www/index.html`); the app itself lives in `src/ui/`.

/// The allocator: Talc instead of Rust's default dlmalloc — smaller code, and faster (BENCHMARKS.md,
/// "App size"). A wasm page is single-threaded.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    // Only the app's own page (index.html) has `#jiuzhu-root`. A portal page that loads the
    // wasm for the JS API or the custom element (`dist/jiuzhu.js`, docs/embedding.md) has
    // none, and nothing must appear on it until the portal mounts the screener itself.
    let has_root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(jiuzhu::ui::ROOT_ID))
        .is_some();
    if has_root {
        // The app lives as long as the page; dropping its handle does not unmount it.
        jiuzhu::ui::start_page();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "jiuzhu-app is the browser app: run `bash scripts/run.sh` (Trunk builds it for wasm32)."
    );
    std::process::exit(2);
}
