// The iframe demo host (iframe.html). Query: frame=<base URL of the jiuzhu build> (default:
// this build), origin=<origin to allow> (default: this page's origin; tests pass another to
// check that the frame then ignores us), region, lang, mode.
const q = new URLSearchParams(location.search);
const base = new URL(q.get("frame") ?? "../", location.href);
const frameOrigin = base.origin;
const src = new URL("embed.html", base);
src.searchParams.set("region", q.get("region") ?? "530112");
src.searchParams.set("lang", q.get("lang") ?? "zh-CN");
if (q.get("mode")) src.searchParams.set("mode", q.get("mode"));
src.searchParams.set("origin", q.get("origin") ?? location.origin);
src.searchParams.set("apply", "1");
const frame = document.getElementById("screener");
frame.src = src.href;

// Every message from the frame, for the demo log and the tests.
window.jiuzhuMessages = [];
window.addEventListener("message", (event) => {
  // Accept only the frame we made, from its origin, speaking our protocol.
  if (event.origin !== frameOrigin || event.source !== frame.contentWindow) return;
  const m = event.data;
  if (typeof m !== "object" || m === null || m.source !== "jiuzhu" || typeof m.type !== "string") return;
  window.jiuzhuMessages.push(m);
  if (m.type === "resize" && Number.isFinite(m.height) && m.height > 0) {
    frame.style.height = `${Math.min(m.height, 20000)}px`;
  }
  if (m.type === "apply") {
    // A real portal opens its own application channel here.
  }
  const li = document.createElement("li");
  li.dataset.type = m.type;
  li.textContent = JSON.stringify(m);
  document.getElementById("log").append(li);
});
const send = (msg) => frame.contentWindow.postMessage({ source: "jiuzhu-host", ...msg }, frameOrigin);
window.jiuzhuSend = send;
document.getElementById("hello").addEventListener("click", () => send({ type: "hello" }));
document.getElementById("english").addEventListener("click", () =>
  send({ type: "configure", options: { lang: "en" } })
);
