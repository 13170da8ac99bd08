//! `jiuzhu-engine`: the engine-only wasm for portals that call only the JS API — `evaluate`,
//! `regions`, `parameters`, `version` (`src/api.rs`) — and show their own pages. Trunk builds
//! it with `--no-default-features` (no `ui` feature: no Yew, no `mount`; `www/index.html`'s
//! second rust link) and `scripts/embed-post-build.sh` writes its entry module
//! `jiuzhu-engine.js`. See `docs/embedding.md`.

// Links the library, whose `#[wasm_bindgen]` exports (src/api.rs) are this module's: nothing
// here names them, and a crate nothing names is not linked.
#[cfg(target_arch = "wasm32")]
extern crate jiuzhu;

/// The allocator: Talc instead of Rust's default dlmalloc, whose code is larger (BENCHMARKS.md,
/// "Embedding": the module's budget is 150 KiB gzip). A wasm page is single-threaded.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    // Nothing to start: the exports of the library's JS API are the whole module.
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "jiuzhu-engine is the engine-only wasm for portals: Trunk builds it for wasm32 (docs/embedding.md)."
    );
    std::process::exit(2);
}
