//! `jiuzhu-app`: the browser app's entry point. Trunk builds it for wasm32 (see `Trunk.toml`,
//! `www/index.html`); the app itself lives in `src/ui/`.

#[cfg(target_arch = "wasm32")]
fn main() {
    // The app lives as long as the page; dropping the handle does not unmount it.
    let _app = jiuzhu::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "jiuzhu-app is the browser app: run `bash scripts/run.sh` (Trunk builds it for wasm32)."
    );
    std::process::exit(2);
}
