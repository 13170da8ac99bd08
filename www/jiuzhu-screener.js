// <jiuzhu-screener>: the screener as a custom element for portal pages (docs/embedding.md).
//
//   <script type="module" src="/jiuzhu/jiuzhu-screener.js"></script>
//   <jiuzhu-screener region="530112" lang="zh-CN" mode="resident"></jiuzhu-screener>
//
// Attributes: region (GB/T 2260 code), allowed-regions (the places residents may pick: codes or
// their first 2/4 digits, space-separated, e.g. "5323"), lang (zh-CN | en), mode (resident | staff), date
// (YYYY-MM-DD), storage-key (where its answers are kept on the device; default from the id,
// else the element's order on the page), apply (present: show an "apply" button, which fires
// jiuzhu-apply). Property: `params`, the portal's own standards
// ({name: value | {value, provided_by, effective, document}}, docs/schema.md).
// Events (bubbling, composed): jiuzhu-ready, jiuzhu-result (detail: statuses only),
// jiuzhu-apply (detail: {region}), jiuzhu-error (detail: {field, problem, message_zh,
// message_en}).
//
// The app lives in an open shadow root with its own stylesheet (jiuzhu-shadow-*.css: the
// app's CSS made for a shadow root, plus the theming variables of www/jiuzhu-screener.css),
// so the host page's CSS does not reach in and its CSS does not leak out. The wasm is
// loaded on the first connected element only (dynamic import of jiuzhu.js); every element
// mounts its own app, with its own state and storage key. Removing an element destroys its
// app (Yew's AppHandle::destroy) and drops its callbacks; nothing is left behind (no window or
// document listener, no timer).

const here = import.meta.url;
let filesModule; // Promise of jiuzhu-files.js: the hashed stylesheet's name
let apiModule; // Promise of jiuzhu.js: the wasm, initialised
const loadFiles = () => (filesModule ??= import(new URL("./jiuzhu-files.js", here).href));
const loadApi = () => (apiModule ??= import(new URL("./jiuzhu.js", here).href));

let created = 0;

const TEXT = {
  loading: ["正在加载救助自查…", "Loading the assistance self-check…"],
  failed: [
    "救助自查未能加载。请刷新页面，或换用较新的浏览器。",
    "The self-check could not load. Reload the page, or try a newer browser.",
  ],
};

export class JiuzhuScreener extends HTMLElement {
  static observedAttributes = ["region", "allowed-regions", "lang", "mode", "date", "storage-key", "apply"];

  #shadow;
  #link = null;
  #root = null;
  #screener = null;
  #params = null;
  #run = 0; // bumped on every disconnect: a mount still loading for an old run is dropped
  #refused = false; // the last mount refused the attributes: any change tries again
  #number = ++created;

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: "open" });
  }

  /** The portal's own standards (see the file header); setting them re-applies. */
  get params() {
    return this.#params;
  }

  set params(value) {
    this.#params = value ?? null;
    this.#update();
  }

  /** The mounted screener (for tests and diagnostics), or null. */
  get screener() {
    return this.#screener;
  }

  connectedCallback() {
    this.#start(++this.#run);
  }

  disconnectedCallback() {
    this.#run++;
    this.#stop();
  }

  attributeChangedCallback(_name, before, after) {
    if (before !== after) this.#update();
  }

  #options() {
    const attr = (n) => this.getAttribute(n) ?? undefined;
    return {
      region: attr("region"),
      allowedRegions: attr("allowed-regions"),
      lang: attr("lang"),
      mode: attr("mode"),
      date: attr("date"),
      storageKey:
        attr("storage-key") ?? (this.id ? `jiuzhu:${this.id}` : `jiuzhu:screener-${this.#number}`),
      params: this.#params ?? undefined,
      // This copy's folder: the self-test (staff mode) reads selftest-cases.json from it.
      filesBase: new URL(".", here).href,
      onResult: (statuses) => this.#emit("jiuzhu-result", statuses),
      // The app shows its "apply" button only if the portal asked for it (and listens).
      onApply: this.hasAttribute("apply")
        ? () => this.#emit("jiuzhu-apply", { region: this.getAttribute("region") })
        : undefined,
    };
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  #error(e) {
    const detail = {
      field: e?.field ?? "(load)",
      problem: e?.problem ?? "load_failed",
      message_zh: e?.message_zh ?? TEXT.failed[0],
      message_en: e?.message_en ?? TEXT.failed[1],
    };
    this.#emit("jiuzhu-error", detail);
    return detail;
  }

  /** A fresh wrapper in the shadow root showing a status line (loading, or an error). */
  #status([zh, en], role) {
    const root = document.createElement("div");
    root.className = "jiuzhu-embed-root";
    root.lang = this.#langTag();
    const p = document.createElement("p");
    p.className = role === "alert" ? "jiuzhu-embed-status error" : "jiuzhu-embed-status";
    p.setAttribute("role", role);
    p.append(zh);
    const sub = document.createElement("span");
    sub.className = "en";
    sub.lang = "en";
    sub.textContent = en;
    p.append(sub);
    root.append(p);
    this.#root?.remove();
    this.#root = root;
    this.#shadow.append(root);
    return root;
  }

  #langTag() {
    return (this.getAttribute("lang") ?? "").toLowerCase().startsWith("en") ? "en" : "zh-CN";
  }

  async #start(run) {
    if (this.#screener) return;
    const root = this.#status(TEXT.loading, "status");
    try {
      const { files } = await loadFiles();
      if (run !== this.#run) return;
      await this.#stylesheet(files.shadowCss);
      const api = await loadApi();
      if (run !== this.#run || !this.isConnected) return; // removed while loading
      try {
        this.#refused = false;
        this.#screener = api.mount(root, this.#options());
      } catch (e) {
        const d = this.#error(e);
        this.#status([d.message_zh, d.message_en], "alert");
        this.#refused = true;
        return;
      }
      this.#emit("jiuzhu-ready", { version: api.version() });
    } catch (e) {
      if (run !== this.#run) return;
      console.error("jiuzhu-screener: could not load", e);
      this.#error(null);
      this.#status(TEXT.failed, "alert");
    }
  }

  /** Links the stylesheet once and waits for it (at most 5 s), so nothing shows unstyled. */
  #stylesheet(href) {
    if (this.#link) return Promise.resolve();
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    this.#link = link;
    this.#shadow.prepend(link);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        link.removeEventListener("load", done);
        link.removeEventListener("error", done);
        resolve();
      };
      const timer = setTimeout(done, 5000);
      link.addEventListener("load", done);
      link.addEventListener("error", done);
    });
  }

  #update() {
    // Refused at mount (e.g. region="999999"): a corrected attribute mounts it after all.
    if (!this.#screener && this.#refused && this.isConnected) {
      this.#refused = false;
      this.#start(this.#run);
      return;
    }
    if (!this.#screener) return;
    try {
      this.#screener.update(this.#options());
      if (this.#root) this.#root.lang = this.#langTag();
    } catch (e) {
      // An invalid attribute: the screener keeps its previous options; the portal is told.
      this.#error(e);
      console.warn("jiuzhu-screener:", e?.message ?? e);
    }
  }

  #stop() {
    if (this.#screener) {
      this.#screener.destroy();
      this.#screener.free(); // the wasm-side object
      this.#screener = null;
    }
    this.#root?.remove();
    this.#root = null;
  }
}

if (!customElements.get("jiuzhu-screener")) {
  customElements.define("jiuzhu-screener", JiuzhuScreener);
}
