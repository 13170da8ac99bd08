// Trunk initializer (data-initializer in index.html): shows load progress of the wasm file on
// slow networks and a plain message if the app cannot start. Runs before the wasm, so it is
// plain JS with no dependencies. The elements it updates are in index.html's loading block,
// which the app replaces when it mounts.
export default function jiuzhuLoader() {
  const prefs = savedPrefs();
  elderFromPrefs(prefs);
  preloadEnglish(prefs);
  const text = () => document.getElementById("jiuzhu-load-text");
  const bar = () => document.getElementById("jiuzhu-load-progress");
  const show = (zh, en) => {
    const el = text();
    if (!el) return;
    el.textContent = zh;
    const sub = document.createElement("span");
    sub.className = "en";
    sub.lang = "en";
    sub.textContent = en;
    el.appendChild(sub);
  };
  // The text sits in a live region: change it only every 10% so screen readers are not flooded;
  // the bar follows every chunk.
  let lastStep = -1;
  return {
    onStart: () => show("正在加载…", "Loading…"),
    onProgress: ({ current, total }) => {
      const el = bar();
      if (!el) return;
      if (total > 0) {
        const pct = Math.min(100, Math.round((current / total) * 100));
        el.value = pct;
        const step = Math.floor(pct / 10) * 10;
        if (step !== lastStep) {
          lastStep = step;
          show(`正在加载… ${step}%`, `Loading… ${step}%`);
        }
      } else {
        el.removeAttribute("value"); // size unknown: indeterminate bar
        show(`正在加载… ${Math.round(current / 1024)} KB`, `Loading… ${Math.round(current / 1024)} KB`);
      }
    },
    onComplete: () => {},
    onSuccess: () => {},
    onFailure: (error) => {
      const el = bar();
      if (el) el.remove();
      show(
        "加载失败。请检查网络后刷新页面，或换用较新的浏览器。",
        "The app could not start. Check the connection and reload, or try a newer browser."
      );
      const t = text();
      if (t) t.setAttribute("role", "alert");
      console.error("jiuzhu failed to start", error);
    },
  };
}

// The app's preferences from an earlier visit (src/ui/storage.rs: `<storage key>.prefs`,
// `{"elder": true, "lang": "en", ...}`). Storage may be missing or refuse, or the value be
// unreadable: then none.
function savedPrefs() {
  try {
    const prefs = JSON.parse(localStorage.getItem("jiuzhu.answers.v1.prefs") || "{}");
    return prefs && typeof prefs === "object" ? prefs : {};
  } catch {
    return {};
  }
}

// 大字模式 on the loading screen too, if the resident turned it on in an earlier visit.
function elderFromPrefs(prefs) {
  if (prefs.elder === true) {
    document.querySelector("#jiuzhu-root .loading")?.classList.add("elder");
  }
}

// An app that will start in English waits for its English messages (i18n-en.json: the wasm
// carries only the Chinese; src/ui/mod.rs `start_page`). Asked for here, while the wasm
// downloads, instead of after it has started: on a slow network that saves a whole round trip
// before the first question is drawn (BENCHMARKS.md "Resident app"). The same choice as the
// app's `starting_lang`: the language saved on the device, else the browser's. The preload is
// matched by the app's own fetch of the file (as=fetch, CORS mode like `fetch()`); ~10 KB gzip.
function preloadEnglish(prefs) {
  const fromTag = (tag) => {
    const primary = String(tag).split(/[-_]/)[0].toLowerCase();
    return primary === "zh" || primary === "en" ? primary : null;
  };
  const english = (fromTag(prefs.lang ?? "") || fromTag(navigator.language ?? "") || "zh") === "en";
  if (!english) return;
  const link = document.createElement("link");
  link.rel = "preload";
  link.as = "fetch";
  link.crossOrigin = "anonymous";
  link.href = "i18n-en.json";
  document.head.appendChild(link);
}
