// The iframe page's script (embed.html, docs/embedding.md#iframe): mounts the screener and
// talks to the portal that framed it with postMessage — and only to that portal.
//
//   embed.html?region=530112&lang=zh-CN&mode=resident&date=2025-03-01&apply=1&origin=https://mz.example.gov.cn
//   embed.html?allowed-regions=5323&origin=…   (only places in 楚雄州 can be picked)
//
// `origin` is the portal's origin (scheme://host[:port]); it must be this page's own origin or
// on the allow-list the deployer wrote into embed.html (meta jiuzhu-embed-origins, from
// JIUZHU_EMBED_ORIGINS at build time). Without one the page works on its own but sends no
// message at all (statuses must not go to whoever framed it).
// `apply=1` shows an "apply" button that sends `apply`.
//
// Frame → portal (each {source: "jiuzhu", protocol: 1, type, ...}, posted to `origin` only):
//   ready       {version: {app, rules, schema}, options}   mounted (again after `hello`)
//   result      {region, as_of, schemes: [{scheme, status}]} statuses only, no answers
//   apply       {region}                                   the user pressed "apply"
//   resize      {height}                                   the page's height in CSS px
//   configured  {options}                                  a `configure` was applied
//   error       {field, problem, message_zh, message_en}   a portal message was refused
// Portal → frame ({source: "jiuzhu-host", type, ...}), accepted only from `origin` and from
// the parent window, everything validated:
//   hello       {}                                         answer with `ready`
//   configure   {options: {region?, allowedRegions?, lang?, mode?, date?, params?}}

import { mount, validateOptions, version } from "./jiuzhu.js";

export const PROTOCOL = 1;
const MAX_MESSAGE_CHARS = 16_384;
const HOST_TYPES = new Set(["hello", "configure"]);
const OPTION_KEYS = new Set(["region", "allowedRegions", "lang", "mode", "date", "params"]);

const query = new URLSearchParams(location.search);

/** The allowed portal origin: exactly scheme://host[:port], http(s) only; else null. */
export function parseOrigin(text) {
  if (!text) return null;
  try {
    const url = new URL(text);
    if (!/^https?:$/.test(url.protocol) || url.origin !== text.replace(/\/$/, "")) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** The portals the deployer of these files allows (the `jiuzhu-embed-origins` meta of
 *  embed.html, space-separated origins). A page that frames us cannot add itself: it only
 *  chooses the `origin` parameter, which must be on this list or be our own origin. */
export function allowList(doc = document) {
  const meta = doc.querySelector('meta[name="jiuzhu-embed-origins"]');
  return new Set((meta?.getAttribute("content") ?? "").split(/\s+/).map(parseOrigin).filter(Boolean));
}

const asked = parseOrigin(query.get("origin"));
const allowed = asked && (asked === location.origin || allowList().has(asked)) ? asked : null;
const parentWindow = window.parent !== window ? window.parent : null;
if (query.get("origin") && !asked) {
  console.warn("jiuzhu embed: ignoring invalid origin parameter; no messages will be sent");
} else if (asked && !allowed) {
  console.warn(`jiuzhu embed: ${asked} is not on this site's allow-list (meta jiuzhu-embed-origins); no messages will be sent`);
}

function post(type, body = {}) {
  if (!parentWindow || !allowed) return;
  parentWindow.postMessage({ source: "jiuzhu", protocol: PROTOCOL, type, ...body }, allowed);
}

function postError(err, request) {
  const e = err?.error ?? err ?? {};
  post("error", {
    request,
    field: String(e.field ?? "(message)"),
    problem: String(e.problem ?? "invalid"),
    message_zh: String(e.message_zh ?? "消息无效"),
    message_en: String(e.message_en ?? "invalid message"),
  });
}

// Options from the query string: each is validated; an invalid one is dropped (and reported),
// the rest still apply.
// Each is checked with those accepted before it (a `region` outside `allowed-regions` is refused).
let options = {};
for (const [param, key] of [
  ["allowed-regions", "allowedRegions"],
  ["region", "region"],
  ["lang", "lang"],
  ["mode", "mode"],
  ["date", "date"],
]) {
  const value = query.get(param);
  if (value === null || value === "") continue;
  const checked = validateOptions({ ...options, [key]: value });
  if (checked.error) {
    console.warn(`jiuzhu embed: ignoring ${param}=${value}: ${checked.error.message_en}`);
    queueMicrotask(() => postError(checked, "query"));
  } else {
    options[key] = value;
  }
}
if (options.lang) document.documentElement.lang = options.lang.startsWith("en") ? "en" : "zh-CN";

const callbacks = {
  storageKey: "jiuzhu:embed",
  onResult: (statuses) =>
    post("result", {
      region: statuses.region,
      as_of: statuses.as_of,
      schemes: statuses.schemes.map(({ scheme, status }) => ({ scheme, status })),
    }),
  // The "apply" button only for a portal that asked for it (apply=1) and can hear it.
  onApply:
    allowed && query.get("apply") === "1" ? () => post("apply", { region: options.region ?? null }) : undefined,
};

const root = document.getElementById("jiuzhu-frame-root");
const screener = mount(root, { ...options, ...callbacks });
const ready = () => post("ready", { version: version(), options: { ...options, params: undefined } });
ready();

// resize: the document's height whenever it changes (one message per animation frame at most).
let lastHeight = -1;
let frame = 0;
const observer = new ResizeObserver(() => {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== lastHeight) {
      lastHeight = height;
      post("resize", { height });
    }
  });
});
observer.observe(document.documentElement);

/** Checks a portal message; returns an error object or null. */
export function checkHostMessage(data) {
  const bad = (field, zh, en, problem = "invalid") => ({
    error: { field, problem, message_zh: zh, message_en: en },
  });
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return bad("(message)", "消息须为对象", "the message must be an object", "wrong_type");
  }
  let size;
  try {
    size = JSON.stringify(data).length;
  } catch {
    return bad("(message)", "消息不是 JSON", "the message is not JSON", "wrong_type");
  }
  if (size > MAX_MESSAGE_CHARS) {
    return bad("(message)", "消息过长", "the message is too long", "out_of_range");
  }
  for (const key of Object.keys(data)) {
    if (!["source", "type", "options"].includes(key)) {
      return bad(key, `未知字段 ${key}`, `unknown field ${key}`, "unknown_field");
    }
  }
  if (!HOST_TYPES.has(data.type)) {
    return bad("type", "未知消息类型", `unknown message type ${String(data.type)}`, "unknown_value");
  }
  if (data.type === "configure") {
    const o = data.options;
    if (typeof o !== "object" || o === null || Array.isArray(o)) {
      return bad("options", "须为对象", "options must be an object", "wrong_type");
    }
    for (const key of Object.keys(o)) {
      if (!OPTION_KEYS.has(key)) {
        return bad(`options.${key}`, `未知选项 ${key}`, `unknown option ${key}`, "unknown_field");
      }
    }
  }
  return null;
}

window.addEventListener("message", (event) => {
  // Only the portal that framed us, from its allow-listed origin; anything else is ignored
  // silently (answering would tell a stranger we are here).
  if (!allowed || event.origin !== allowed || event.source !== parentWindow) return;
  const data = event.data;
  if (typeof data !== "object" || data === null || data.source !== "jiuzhu-host") return;
  const problem = checkHostMessage(data);
  if (problem) return postError(problem, String(data.type ?? ""));
  if (data.type === "hello") return ready();
  const next = { ...options, ...data.options };
  const checked = validateOptions(next);
  if (checked.error) return postError(checked, "configure");
  try {
    screener.update({ ...next, ...callbacks });
  } catch (e) {
    return postError(e, "configure");
  }
  options = next;
  if (options.lang) document.documentElement.lang = options.lang.startsWith("en") ? "en" : "zh-CN";
  post("configured", { options: checked });
});
