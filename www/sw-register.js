// Offline use (PWA): registers the service worker and offers a new version when one is ready.
// Loaded by index.html only (a portal's page that embeds the app does not get a worker).
//
// - sw.js is written at build time by scripts/pwa-sw.mjs (Trunk's post_build hook) next to this
//   file, so its URL is taken relative to this module: it works from a sub-path (/jiuzhu/).
// - Only over http(s): no worker for file:// or an embedding web view's custom scheme.
// - On a first visit, registered only once the app has started (`whenSettled`), so the worker's
//   downloads do not slow the app's own.
// - A new version is never forced on the user: the new worker waits; a small banner says
//   "新版本可用 / A new version is available" with a "刷新 / Reload" button; pressing it tells
//   the new worker to take over (SKIP_WAITING) and reloads once it has. The answers are in
//   localStorage, so a reload loses nothing.
// Plain JS, no dependencies; strict-CSP safe (no inline style or script).

const BANNER_ID = "jiuzhu-update";

function en(text) {
  const span = document.createElement("span");
  span.className = "en";
  span.lang = "en";
  span.textContent = text;
  return span;
}

/** Shows the banner (once) for the worker that is waiting to take over. */
function offer(worker, onAccept) {
  if (document.getElementById(BANNER_ID)) return;
  const box = document.createElement("div");
  box.id = BANNER_ID;
  box.className = "jz-update";
  box.setAttribute("role", "status");
  document.body.appendChild(box);
  // Fill the live region after it is in the page, so screen readers announce the text.
  setTimeout(() => {
    const text = document.createElement("p");
    text.append("新版本可用。您的回答保存在本机，刷新后不会丢失。",
      en("A new version is available. Your answers are kept on this device; reloading loses nothing."));
    const button = document.createElement("button");
    button.type = "button";
    button.append("刷新", en("Reload"));
    button.addEventListener("click", () => {
      button.disabled = true;
      onAccept(worker);
    });
    box.append(text, button);
  }, 50);
}

async function start() {
  const sw = navigator.serviceWorker;
  let accepted = false;
  sw.addEventListener("controllerchange", () => {
    // The first visit is taken over at once (clientsClaim): nothing to reload then. After the
    // user pressed "Reload", the new worker now serves this page: load it from there.
    if (accepted) location.reload();
  });
  const accept = (worker) => {
    accepted = true;
    if (worker.state === "activated") location.reload(); // another tab already switched
    else worker.postMessage({ type: "SKIP_WAITING" });
  };
  const reg = await sw.register(new URL("sw.js", import.meta.url), { updateViaCache: "none" });
  const ready = (worker) => {
    // A controller means an older version runs this page; without one this is the first install.
    if (worker && sw.controller) offer(worker, accept);
  };
  const track = (worker) =>
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed") ready(worker);
    });
  if (reg.waiting) ready(reg.waiting);
  track(reg.installing);
  reg.addEventListener("updatefound", () => track(reg.installing));
  // A page left open for days (a worker's phone at a village event): look for a new version
  // whenever it comes back to the foreground with a network.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && navigator.onLine) reg.update().catch(() => {});
  });
}

/**
 * When to register. A returning visit (a worker already serves this page): at once — that only
 * asks for sw.js to see whether there is a new version. A first visit: not before the app has
 * drawn its questions and read the place names (the app says so with the window event
 * `jiuzhu-places-read`, src/ui/place_tree.rs), because installing the worker downloads every
 * file it keeps for offline use (the place names, the self-test's cases, the English, and the
 * wasm again from a server that forbids caching it): on a slow phone network that would be
 * taken from the app's own first download (BENCHMARKS.md "Resident app"). The event comes also
 * when the place names cannot be read; if it never comes (the app could not start), 20 s after
 * the page has loaded.
 */
function whenSettled(register) {
  if (navigator.serviceWorker.controller) {
    register();
    return;
  }
  let done = false;
  const once = () => {
    if (!done) {
      done = true;
      setTimeout(register); // its own task, not a part of the app's
    }
  };
  addEventListener("jiuzhu-places-read", once, { once: true });
  const fallback = () => setTimeout(once, 20000);
  if (document.readyState === "complete") fallback();
  else addEventListener("load", fallback, { once: true });
}

if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
  whenSettled(() => start().catch((error) => console.warn("jiuzhu: offline use is not available", error)));
}
