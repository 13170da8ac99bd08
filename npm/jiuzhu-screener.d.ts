// TypeScript declarations for jiuzhu-screener.js: the <jiuzhu-screener> custom element
// (docs/embedding.md, "Custom element"). Importing the module defines the element.
import type { Problem, SchemeId, Status, Version } from "./jiuzhu-engine.js";
import type { Screener } from "./jiuzhu.js";

/** The element's attributes (all optional). */
export interface JiuzhuScreenerAttributes {
  /** A region code from `regions()`; none: the resident chooses. */
  region?: string;
  /**
   * The places residents may pick: division codes or their first 2 (province) / 4 (prefecture)
   * digits, space-separated, e.g. "5323" (楚雄州) or "532300 533400". The search and the menus
   * offer only those; a saved place elsewhere is not used (the resident is told and asked
   * again). An invalid value is refused with `jiuzhu-error` (problem "unknown_region").
   */
  "allowed-regions"?: string;
  /** "zh-CN" (default) or "en". */
  lang?: "zh-CN" | "en";
  /** "resident" (default) or "staff" (community workers). */
  mode?: "resident" | "staff";
  /** The screening date, "YYYY-MM-DD"; default today. */
  date?: string;
  /** Where this element keeps its answers on the device; default `jiuzhu:<id>`. */
  "storage-key"?: string;
  /** Present (no value): show an "apply" button that fires `jiuzhu-apply`. */
  apply?: "" | boolean;
}

export interface JiuzhuReadyDetail {
  version: Version;
}
/** Statuses only: no answers, no amounts. */
export interface JiuzhuResultDetail {
  region: string;
  as_of: string;
  schemes: { scheme: SchemeId; status: Status }[];
}
export interface JiuzhuApplyDetail {
  region: string | null;
}
export interface JiuzhuErrorDetail {
  field: string;
  problem: Problem | "load_failed";
  message_zh: string;
  message_en: string;
}

/** The events the element fires; they bubble and cross the shadow boundary. */
export interface JiuzhuScreenerEventMap extends HTMLElementEventMap {
  "jiuzhu-ready": CustomEvent<JiuzhuReadyDetail>;
  "jiuzhu-result": CustomEvent<JiuzhuResultDetail>;
  "jiuzhu-apply": CustomEvent<JiuzhuApplyDetail>;
  "jiuzhu-error": CustomEvent<JiuzhuErrorDetail>;
}

export class JiuzhuScreener extends HTMLElement {
  static observedAttributes: string[];
  /** The portal's own standards (docs/embedding.md, "Portal standards"); null: none. */
  params: Record<string, unknown> | null;
  /** The mounted screener (tests and diagnostics), or null. */
  readonly screener: Screener | null;
  addEventListener<K extends keyof JiuzhuScreenerEventMap>(
    type: K,
    listener: (this: JiuzhuScreener, ev: JiuzhuScreenerEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions
  ): void;
  removeEventListener<K extends keyof JiuzhuScreenerEventMap>(
    type: K,
    listener: (this: JiuzhuScreener, ev: JiuzhuScreenerEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "jiuzhu-screener": JiuzhuScreener;
  }
}
