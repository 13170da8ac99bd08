//! The names of every division for the place picker, fetched after the first paint.
//!
//! The wasm only knows which codes are real ([`crate::rules::divisions`]); the names, English
//! names and pinyin (~60 KB gzip) are the file [`TREE_FILE`], which the build copies next to the
//! app (`scripts/trunk-post-build.sh`) and the service worker precaches, so it is read from the
//! offline cache after the first visit and never delays the first screen. Once read, the names
//! are registered with the engine, so a result for a county without a data file names it.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::place_search::Tree;
use crate::rules::divisions;

/// The window event sent once the tree has been read or has failed.
pub const READ_EVENT: &str = "jiuzhu-places-read";

/// The tree file, next to the app (written by the build from `data/divisions.json`).
pub const TREE_FILE: &str = "regions-tree.json";

#[derive(Clone)]
pub enum Loaded {
    Loading,
    Ready(Rc<Tree>),
    Failed,
}

thread_local! {
    static STATE: RefCell<Option<Loaded>> = const { RefCell::new(None) };
    static LISTENERS: RefCell<Vec<(u32, Callback<()>)>> = const { RefCell::new(Vec::new()) };
    static NEXT: RefCell<u32> = const { RefCell::new(0) };
}

/// The tree if read, else whether it is loading or failed (`None`: not asked for yet).
pub fn state() -> Option<Loaded> {
    STATE.with(|s| s.borrow().clone())
}

/// Starts reading the tree from `base` + [`TREE_FILE`], once per page.
pub fn start(base: &str) {
    if state().is_some() {
        return;
    }
    STATE.with(|s| *s.borrow_mut() = Some(Loaded::Loading));
    let url = [base, TREE_FILE].concat();
    // Three tasks, not one, once the file is here: reading the 3,216 rows, indexing them, and
    // the picker's re-render each take tens of ms on a slow phone; together they were one long
    // task that held up the first answer (BENCHMARKS.md "Resident app").
    wasm_bindgen_futures::spawn_local(async move {
        let read = fetch_bytes(&url).await.and_then(|b| divisions::parse(&b));
        next_task().await;
        let done = match read {
            Ok(list) => {
                divisions::register_names(&list);
                let tree = Tree::new(list);
                next_task().await;
                Loaded::Ready(Rc::new(tree))
            }
            Err(e) => {
                web_sys::console::warn_1(&format!("{TREE_FILE}: {e}").into());
                Loaded::Failed
            }
        };
        STATE.with(|s| *s.borrow_mut() = Some(done));
        let listeners: Vec<_> =
            LISTENERS.with(|l| l.borrow().iter().map(|x| x.1.clone()).collect());
        for cb in listeners {
            cb.emit(());
        }
        // The resident's page registers its offline worker only now (www/sw-register.js), so
        // the worker's downloads do not compete with the app's first one.
        if let Some(w) = web_sys::window() {
            if let Ok(e) = web_sys::Event::new(READ_EVENT) {
                let _ = w.dispatch_event(&e);
            }
        }
    });
}

/// The bytes of `url` (also the English and the self-test's cases, through [`fetch_text`]: one
/// copy of the fetch code in the wasm). Read as bytes, not text: the browser's text would be
/// converted back to UTF-8 on its way into the wasm.
pub(crate) async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let err = |e: wasm_bindgen::JsValue| {
        e.as_string()
            .or_else(|| {
                e.dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
            })
            .unwrap_or_else(|| "network error".into())
    };
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(err)?
        .dyn_into()
        .map_err(err)?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(err)?)
        .await
        .map_err(err)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Lets the browser do what waits (paint, input, a frame) before the next step: the rest runs
/// in a task of its own (a zero `setTimeout`, not a microtask).
pub(crate) async fn next_task() {
    use wasm_bindgen::JsCast;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ =
                w.set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The text of `url` (UTF-8).
pub(crate) async fn fetch_text(url: &str) -> Result<String, String> {
    String::from_utf8(fetch_bytes(url).await?).map_err(|_| "not UTF-8 text".to_string())
}

/// Re-renders the component when the tree has been read (or failed).
#[hook]
pub fn use_tree() -> Option<Loaded> {
    let tick = use_state(|| 0u32);
    {
        let tick = tick.clone();
        use_tree_read(Callback::from(move |()| tick.set(*tick + 1)));
    }
    state()
}

/// Calls `on_read` when the tree has been read (or failed), without re-rendering the component
/// (the app's root: only what shows the names, and the result if a place is chosen, change).
#[hook]
pub fn use_tree_read(on_read: Callback<()>) {
    use_effect_with((), move |_| {
        let id = NEXT.with(|n| {
            let mut n = n.borrow_mut();
            *n += 1;
            *n
        });
        LISTENERS.with(|l| l.borrow_mut().push((id, on_read)));
        move || LISTENERS.with(|l| l.borrow_mut().retain(|x| x.0 != id))
    });
}
