//! The panic screen: if the app panics, every mounted root shows a static bilingual message and
//! a reload link instead of a frozen page. The saved answers are not touched, so a reload brings
//! them back.
//!
//! After a panic the wasm instance is dead (release builds abort), so the screen is plain HTML
//! written into the roots from the panic hook, and "reload" is an ordinary link to the page.

use std::cell::RefCell;
use std::sync::Once;

thread_local! {
    /// The elements apps are mounted into (to show the message in each).
    static ROOTS: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
}

/// The message, in both languages (no script, no inline handler: it must work under a strict
/// Content-Security-Policy with the wasm stopped).
pub const CRASH_HTML: &str = concat!(
    r#"<div class="jz-crash" role="alert" data-testid="crash">"#,
    r#"<h2>出错了<span class="en" lang="en">Something went wrong</span></h2>"#,
    r#"<p>很抱歉，本工具出了错误。您填写的答案仍然保存在本机，重新加载后可以继续。</p>"#,
    r#"<p lang="en">Sorry, the tool hit an error. Your answers are still saved on this device: reload the page to carry on.</p>"#,
    r#"<p><a class="jz-button" href="">重新加载 / Reload</a></p>"#,
    r#"</div>"#
);

/// Remembers `root` and installs the panic hook (once per page).
pub fn install(root: &web_sys::Element) {
    ROOTS.with(|r| {
        let mut roots = r.borrow_mut();
        roots.retain(|e| e.is_connected());
        roots.push(root.clone());
    });
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("jiuzhu: {info}").into());
            show();
        }));
    });
}

/// Replaces the content of every mounted root with the message.
pub fn show() {
    ROOTS.with(|r| {
        if let Ok(roots) = r.try_borrow() {
            for root in roots.iter() {
                root.set_inner_html(CRASH_HTML);
            }
        }
    });
}
