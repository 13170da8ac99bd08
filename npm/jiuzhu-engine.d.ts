// TypeScript declarations for jiuzhu-engine.js: the engine-only JS API (no screener, no Yew).
// Hand-written to match src/api.rs and docs/schema.md; scripts/package.sh puts them in the
// package (dist/jiuzhu-engine.d.ts). The documents are the CLI's JSON: money is a decimal
// string with two decimals ("612.00"), dates are "YYYY-MM-DD".

/** Money: a decimal string with two decimals, e.g. "612.00". Parse it as a decimal. */
export type Money = string;
/** A date, "YYYY-MM-DD". */
export type DateString = string;
/** A text in both languages. */
export interface Text {
  zh: string;
  en: string;
}
export interface Source {
  document: string;
  article?: string | null;
  [key: string]: unknown;
}

export type SchemeId =
  | "dibao"
  | "dibao_single_person"
  | "tekun"
  | "edge"
  | "rigid_expense"
  | "temporary_relief"
  | "gradual_exit";
export type Status = "likely" | "possible" | "unlikely";
export type Residence = "urban" | "rural";

/** A household (docs/schema.md, "Household"); unknown fields are refused, so typos show. */
export interface Household {
  schema?: 1;
  /** GB/T 2260 code of a region with data (see `regions()`). */
  region: string;
  residence: Residence;
  as_of?: DateString;
  /** Portal standards: a value, or `{value, provided_by?, effective?, document?}`. */
  params?: Record<string, number | boolean | PortalStandard>;
  members: Member[];
  expenses?: Record<string, unknown>;
  assets?: Record<string, unknown>;
  circumstances?: Record<string, unknown>;
}
export interface PortalStandard {
  value: number | boolean;
  provided_by?: string;
  effective?: DateString;
  document?: string;
}
export type Relation =
  | "applicant"
  | "spouse"
  | "child"
  | "parent"
  | "grandparent"
  | "grandchild"
  | "sibling"
  | "child_in_law"
  | "other";
/** A member (docs/schema.md, "Member"); the other fields as listed there. */
export interface Member {
  id: string;
  relation: Relation;
  /** 0–130, or null for "don't know" (required). */
  age: number | null;
  /** What the resident calls this person, 1–40 characters. */
  name?: string;
  income?: IncomeItem[];
  [field: string]: unknown;
}
/** An income item (docs/schema.md, "Income item"). */
export interface IncomeItem {
  type: string;
  /** Money (a number or a numeric string, at most two decimals), or null for "don't know" (required). */
  amount: number | string | null;
  period?: "month" | "year";
  [field: string]: unknown;
}

export interface Reason {
  text: Text;
  source?: Source | null;
}
export interface SchemeResult {
  scheme: SchemeId;
  status: Status;
  members: string[];
  summary: Text;
  reasons: Reason[];
  to_check: Reason[];
  distance?: {
    side: "below" | "above";
    per_capita_monthly: Money | null;
    household_monthly: Money | null;
    line_per_capita_monthly: Money | null;
  } | null;
  estimate?: { monthly_low: Money; monthly_high: Money; approximate: boolean; basis: Text } | null;
  [field: string]: unknown;
}
export interface ParameterUse {
  name: string;
  label: Text;
  value: string | boolean | null;
  unit: string;
  standing: "published" | "reference" | "override" | "unknown";
  region: string;
  region_name: Text;
  effective: DateString;
  source: Source;
  confidence: string;
  provided_by?: string;
  [field: string]: unknown;
}
/** The result of `evaluate` (docs/schema.md, "Result"). */
export interface Evaluation {
  schema: 1;
  rules_version: string;
  region: string;
  region_name: Text;
  as_of: DateString;
  residence: Residence;
  members_counted: string[];
  members_excluded: { member: string; reason: Text }[];
  household_monthly_income: Money | null;
  per_capita_monthly_income: Money | null;
  per_capita_monthly_income_at_least: Money;
  dibao_standard_monthly: Money | null;
  /** Always seven entries, in the order of `SchemeId`. */
  schemes: SchemeResult[];
  income_lines: { scheme: SchemeId; household_monthly: Money; firm: boolean }[];
  trace: Reason[];
  parameters: ParameterUse[];
  next_steps: Record<string, unknown>;
  disclaimer: Text;
  error?: undefined;
}

/** A stable code for what is wrong with an input (docs/embedding.md, "Errors"). */
export type Problem =
  | "syntax"
  | "wrong_type"
  | "unknown_field"
  | "missing_field"
  | "unknown_value"
  | "unknown_region"
  | "unknown_parameter"
  | "out_of_range"
  | "not_in_force"
  | "invalid";
/** Bad input is returned, never thrown. */
export interface ErrorResult {
  error: { field: string; problem: Problem; message_zh: string; message_en: string };
}

export interface RegionInfo {
  code: string;
  level: "national" | "province" | "prefecture" | "county" | string;
  parent: string | null;
  name_zh: string;
  name_en: string;
}
export interface ParametersDoc {
  region: RegionInfo;
  /** The region and its ancestors, most specific first. */
  chain: RegionInfo[];
  date: DateString;
  parameters: ParameterUse[];
  error?: undefined;
}
export interface Version {
  app: string;
  rules: string;
  schema: number;
}

/** A household (object or its JSON text) → the full result, or `{error}`. */
export function evaluate(household: Household | string): Evaluation | ErrorResult;
/** Every region with data. */
export function regions(): RegionInfo[];
/** The parameters in force in `region` on `date` (default: today in China), or `{error}`. */
export function parameters(region: string, date?: DateString | null): ParametersDoc | ErrorResult;
export function version(): Version;
/** Absolute URLs of this build's hashed files. */
export const files: { readonly glue: string; readonly wasm: string };
