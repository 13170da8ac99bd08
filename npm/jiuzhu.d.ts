// TypeScript declarations for jiuzhu.js: the full JS API (the engine functions and the
// screener's `mount`). Hand-written to match src/api.rs and docs/embedding.md.
export * from "./jiuzhu-engine.js";
import type { ErrorResult, Problem, Version } from "./jiuzhu-engine.js";

/** What `onResult` receives: statuses only — no answers, no amounts. */
export interface Statuses {
  region: string;
  as_of: string;
  schemes: { scheme: import("./jiuzhu-engine.js").SchemeId; status: import("./jiuzhu-engine.js").Status }[];
}
/** Options of a screener (docs/embedding.md, "mount"); all optional. */
export interface ScreenerOptions {
  region?: string;
  /**
   * The places residents may pick: division codes, or the first 2 (province) or 4 (prefecture)
   * digits, as an array or space/comma-separated, e.g. "5323" or ["532300", "533400"]. The
   * search and the menus offer only those; `region` must be one of them. Default: anywhere.
   */
  allowedRegions?: string | string[];
  lang?: "zh-CN" | "en";
  mode?: "resident" | "staff";
  date?: string;
  storageKey?: string;
  params?: Record<string, unknown>;
  /** The folder of jiuzhu's files: an http(s) URL ending in "/". */
  filesBase?: string;
  onResult?: (statuses: Statuses) => void;
  /** With it, the result shows an "apply" button. */
  onApply?: () => void;
}
export interface ValidatedOptions {
  region: string | null;
  lang: "zh-CN" | "en" | null;
  mode: "resident" | "staff";
  date: string | null;
  storageKey: string;
  params: Record<string, unknown>;
  filesBase: string | null;
  /** Six-digit codes; [] when unrestricted. */
  allowedRegions: string[];
  error?: undefined;
}
/** Thrown by `mount` and `Screener.update` for a missing element or invalid options. */
export interface JiuzhuError extends Error {
  field: string;
  problem: Problem;
  message_zh: string;
  message_en: string;
}
export class Screener {
  private constructor();
  update(options: ScreenerOptions): void;
  destroy(): void;
  free(): void;
  readonly options: ValidatedOptions;
  readonly mounted: boolean;
}
export function mount(element: Element, options?: ScreenerOptions): Screener;
export function validateOptions(options?: ScreenerOptions): ValidatedOptions | ErrorResult;
export function mountedCount(): number;
export const files: {
  readonly glue: string;
  readonly wasm: string;
  readonly styles: readonly string[];
  readonly shadowCss: string;
};
export type { Version };
