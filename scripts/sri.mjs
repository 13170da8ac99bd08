// index.html's subresource-integrity hashes (SRI: Trunk writes `integrity="sha384-…"` on the
// app's wasm and glue): the post-build steps that change a file it names swap its hash here.
import { createHash } from "node:crypto";

/** The SRI value of a file's content (string or Buffer). */
export const sri = (data) => `sha384-${createHash("sha384").update(data).digest("base64")}`;

/**
 * `html` with the SRI hash of `before` replaced by that of `after`. Returns null when `html`
 * has integrity hashes but none of `before` (the caller says which file that is); `html`
 * unchanged when it has no integrity hashes at all.
 */
export function swapSri(html, before, after) {
  const old = sri(before);
  if (html.includes(old)) return html.split(old).join(sri(after));
  return /\bintegrity=/.test(html) ? null : html;
}
