// csp.html: the JS API, the element and the iframe, all under the strict policy.
import { evaluate } from "../jiuzhu.js";

const r = evaluate({
  region: "532301",
  residence: "urban",
  as_of: "2023-06-01",
  members: [{ id: "m1", relation: "applicant", age: 70 }],
});
const p = document.getElementById("api-check");
p.textContent = r.error ? `error: ${r.error.message_en}` : `evaluate → ${r.schemes.length} schemes`;
p.dataset.ok = String(!r.error);
const frame = document.getElementById("frame");
frame.src = new URL(
  `../embed.html?region=532301&csp=strict&origin=${encodeURIComponent(location.origin)}`,
  location.href
).href;
