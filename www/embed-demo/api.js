// The JS API demo (api.html): a plain module, no bundler. See docs/embedding.md#js-api.
import { evaluate, regions, version } from "../jiuzhu-engine.js";

const sample = {
  region: "530112",
  residence: "urban",
  as_of: "2022-11-01",
  members: [
    { id: "m1", relation: "applicant", age: 45, income: [{ type: "wages", amount: 1200 }] },
    { id: "m2", relation: "spouse", age: 44, income: [{ type: "wages", amount: 636 }] },
    { id: "c1", relation: "child", age: 10, income: [{ type: "scholarship", amount: 100 }] },
  ],
};
const $ = (id) => document.getElementById(id);
const v = version();
$("version").textContent = `jiuzhu ${v.app} · ${v.rules} · schema ${v.schema} · ${regions().length} regions`;
$("household").value = JSON.stringify(sample, null, 2);

function show() {
  const out = $("output");
  out.replaceChildren();
  const r = evaluate($("household").value);
  if (r.error) {
    const p = document.createElement("p");
    p.id = "error";
    p.setAttribute("role", "alert");
    p.textContent = `${r.error.field}: ${r.error.message_zh} (${r.error.problem})`;
    const en = document.createElement("span");
    en.className = "en";
    en.lang = "en";
    en.textContent = r.error.message_en;
    p.append(en);
    out.append(p);
    return;
  }
  const ul = document.createElement("ul");
  ul.id = "statuses";
  for (const s of r.schemes) {
    const li = document.createElement("li");
    li.dataset.scheme = s.scheme;
    li.dataset.status = s.status;
    li.textContent = `${s.scheme}: ${s.status} — ${s.summary.zh}`;
    ul.append(li);
  }
  out.append(ul);
}
$("run").addEventListener("click", show);
$("break").addEventListener("click", () => {
  const bad = structuredClone(sample);
  bad.members[0].age = 200;
  $("household").value = JSON.stringify(bad, null, 2);
  show();
});
$("run").disabled = $("break").disabled = false;
