/**
 * The assumptions of a scenario, defined once: the custom functions, the task pane and the negotiator
 * export all read this list. The assumptions table is a range whose first row holds scenario names
 * and whose first column holds these keys; columns headed label, unit or note are for people.
 */
import { isBlank, RawValue } from "./cells";
import { parseTiming, Timing } from "./discount";
import { DEFAULT_LICENSOR_SHARE } from "./rates";
import {
  excerpt,
  invalidValue,
  MAX_YEARS,
  quoted,
  requireAtMostOne,
  requireFraction,
  requireNonNegative,
  requireRate,
  requireWholeYears,
  ValuationError,
} from "./errors";

export type AssumptionKey =
  | "market_size"
  | "market_growth"
  | "peak_share"
  | "years_to_peak"
  | "launch_year"
  | "years"
  | "term_years"
  | "royalty_rate"
  | "annual_minimum"
  | "operating_margin"
  | "tax_rate"
  | "discount_rate"
  | "hurdle_rate"
  | "success_probability"
  | "upfront"
  | "investment"
  | "timing"
  | "licensor_share";

export interface Assumptions {
  market_size: number;
  market_growth: number;
  peak_share: number;
  years_to_peak: number;
  launch_year: number;
  years: number;
  term_years: number;
  royalty_rate: number;
  annual_minimum: number;
  operating_margin: number;
  tax_rate: number;
  discount_rate: number;
  hurdle_rate: number;
  success_probability: number;
  upfront: number;
  investment: number;
  timing: Timing;
  licensor_share: number;
}

/** currency: the user's currency; rate: decimal that may be negative (growth, discount); share: decimal 0..1. */
export type Unit = "currency" | "currency_per_year" | "rate" | "share" | "years" | "year" | "timing";

export interface Text {
  en: string;
  ja: string;
}

/** One assumption; its check, allowed and interval come from its kind of validity (VALID). */
export interface AssumptionSpec extends Validity {
  key: AssumptionKey;
  unit: Unit;
  /** Absent = required. `{ follows }`: a blank takes that other assumption's value. */
  fallback?: number | Timing | { follows: AssumptionKey };
  label: Text;
  /** What it means and where a licensing manager finds it. */
  help: Text;
}

/**
 * What an assumption allows, declared once per kind: the interval (the simulation holds its draws to it),
 * the check that refuses a value outside it with a message naming the key (the functions and the
 * pane), and the same in words (the pane's reason when it refuses an entry). A test holds the check to
 * the interval at and beyond its ends.
 */
export interface Validity {
  check: (value: number, key: string) => unknown;
  allowed: Text;
  /** [min, max] with open ends marked; absent for text (timing). */
  interval?: Interval;
}

export interface Interval {
  min: number;
  max: number;
  minOpen: boolean;
  maxOpen: boolean;
  /** Whole numbers only. */
  whole: boolean;
}

const interval = (min: number, max: number, open: { min?: boolean; max?: boolean; whole?: boolean } = {}): Interval => ({
  min,
  max,
  minOpen: open.min ?? false,
  maxOpen: open.max ?? false,
  whole: open.whole ?? false,
});

const yearCount = (x: number, key: string): void => {
  requireNonNegative(x, key);
  if (x > MAX_YEARS) throw invalidValue(`${key} must be at most ${MAX_YEARS}; got ${x}`);
};
const SHARE: Text = { en: "from 0% to 100% (a decimal from 0 to 1)", ja: "0%～100%（0～1の小数）" };

export const VALID = {
  amount: { check: requireNonNegative, allowed: { en: "an amount of 0 or more", ja: "0以上の金額" }, interval: interval(0, Infinity) },
  rate: {
    check: requireRate,
    allowed: { en: "above -100% (a decimal above -1)", ja: "-100%より大きい値（-1より大きい小数）" },
    interval: interval(-1, Infinity, { min: true }),
  },
  share: { check: (x, k) => requireFraction(x, k), allowed: SHARE, interval: interval(0, 1) },
  shareBelow1: {
    check: (x, k) => requireFraction(x, k, { below1: true }),
    allowed: { en: "from 0% to below 100%", ja: "0%以上100%未満" },
    interval: interval(0, 1, { max: true }),
  },
  shareAbove0: {
    check: (x, k) => requireFraction(x, k, { above0: true }),
    allowed: { en: "above 0% and at most 100%", ja: "0%より大きく100%以下" },
    interval: interval(0, 1, { min: true }),
  },
  margin: {
    check: requireAtMostOne,
    allowed: { en: "at most 100% (a decimal of at most 1)", ja: "100%以下（1以下の小数）" },
    interval: interval(-Infinity, 1),
  },
  yearCount: { check: yearCount, allowed: { en: `0 to ${MAX_YEARS} years`, ja: `0～${MAX_YEARS}年` }, interval: interval(0, MAX_YEARS) },
  wholeYears: {
    check: (x, k) => requireWholeYears(x, k),
    allowed: { en: `a whole number from 1 to ${MAX_YEARS}`, ja: `1～${MAX_YEARS}の整数` },
    interval: interval(1, MAX_YEARS, { whole: true }),
  },
  timing: { check: () => undefined, allowed: { en: "end, mid or begin", ja: "end、mid、begin のいずれか" } },
} as const satisfies Record<string, Validity>;

export const ASSUMPTIONS: readonly AssumptionSpec[] = [
  {
    key: "market_size",
    unit: "currency_per_year",
    ...VALID.amount,
    label: { en: "Market size (year 1)", ja: "市場規模（初年度）" },
    help: {
      en: "Sales of all products in the target market in year 1. From market research reports or the licensee's business plan.",
      ja: "初年度の対象市場全体の売上高。市場調査レポートやライセンシーの事業計画から。",
    },
  },
  {
    key: "market_growth",
    unit: "rate",
    fallback: 0,
    ...VALID.rate,
    label: { en: "Market growth per year", ja: "市場成長率（年）" },
    help: {
      en: "Yearly growth of the market (0.05 = 5%); negative for a shrinking market. From market reports (CAGR).",
      ja: "市場の年成長率（0.05 = 5%）。縮小市場ならマイナス。市場レポートの年平均成長率（CAGR）から。",
    },
  },
  {
    key: "peak_share",
    unit: "share",
    ...VALID.share,
    label: { en: "Peak market share", ja: "ピーク時シェア" },
    help: {
      en: "Share of the market the licensed product reaches at its peak (0.1 = 10%). From the licensee's business plan.",
      ja: "ライセンス製品が到達する最大の市場シェア（0.1 = 10%）。ライセンシーの事業計画から。",
    },
  },
  {
    key: "years_to_peak",
    unit: "years",
    fallback: 1,
    ...VALID.yearCount,
    label: { en: "Years to peak share", ja: "ピークまでの年数" },
    help: {
      en: "Sales years until the peak share is reached (straight-line ramp); 1 = at peak from launch.",
      ja: "発売からピークシェアに達するまでの年数（直線で立ち上がる）。1なら発売年からピーク。",
    },
  },
  {
    key: "launch_year",
    unit: "year",
    fallback: 1,
    ...VALID.wholeYears,
    label: { en: "Launch year", ja: "発売年" },
    help: {
      en: "Model year of the first sales (1 = the first year after signing). Later for products that need development or approval.",
      ja: "最初に売上が立つ年（1 = 契約後の初年度）。開発や承認が必要な製品では遅くなる。",
    },
  },
  {
    key: "years",
    unit: "years",
    ...VALID.wholeYears,
    label: { en: "Years modelled", ja: "評価期間（年）" },
    help: {
      en: "Length of the model in years, usually to patent expiry or the product's expected life.",
      ja: "評価する年数。通常は特許満了または製品寿命まで。",
    },
  },
  {
    key: "term_years",
    unit: "year",
    fallback: { follows: "years" },
    ...VALID.wholeYears,
    label: { en: "Royalty term (last year)", ja: "ロイヤルティ期間（最終年）" },
    help: {
      en: "Last model year in which royalties are due, counted from year 1 (e.g. patent expiry). Default: every year modelled.",
      ja: "ロイヤルティが発生する最終年（1年目から数える。例：特許満了年）。既定は評価期間の全年。",
    },
  },
  {
    key: "royalty_rate",
    unit: "share",
    ...VALID.share,
    label: { en: "Royalty rate", ja: "ロイヤルティ料率" },
    help: {
      en: "Running royalty as a share of the licensee's net sales (0.03 = 3%). The term under negotiation.",
      ja: "ライセンシーの正味売上高に対するランニングロイヤルティ（0.03 = 3%）。交渉する条件そのもの。",
    },
  },
  {
    key: "annual_minimum",
    unit: "currency_per_year",
    fallback: 0,
    ...VALID.amount,
    label: { en: "Minimum annual royalty", ja: "最低ロイヤルティ（年額）" },
    help: {
      en: "Royalty due each year from the first sale even if rate × sales is lower.",
      ja: "初回販売以降、料率×売上が下回っても毎年支払われる最低額。",
    },
  },
  {
    key: "operating_margin",
    unit: "rate",
    ...VALID.margin,
    label: { en: "Licensee operating margin", ja: "ライセンシー営業利益率" },
    help: {
      en: "Licensee's operating profit before royalty as a share of sales (0.2 = 20%). From the licensee's P&L or industry averages.",
      ja: "ロイヤルティ控除前の営業利益の売上高比（0.2 = 20%）。ライセンシーの損益計算書や業界平均から。",
    },
  },
  {
    key: "tax_rate",
    unit: "share",
    fallback: 0,
    ...VALID.shareBelow1,
    label: { en: "Licensee tax rate", ja: "ライセンシー実効税率" },
    help: {
      en: "Licensee's effective tax rate on operating profit (0.3 = 30%). Used for its walk-away rate.",
      ja: "ライセンシーの実効税率（0.3 = 30%）。支払い可能な上限料率の計算に使う。",
    },
  },
  {
    key: "discount_rate",
    unit: "rate",
    ...VALID.rate,
    label: { en: "Licensor discount rate", ja: "ライセンサー割引率" },
    help: {
      en: "Rate at which the licensor discounts future royalties (0.1 = 10%); higher for riskier, earlier-stage technology.",
      ja: "ライセンサーが将来のロイヤルティを割り引く率（0.1 = 10%）。初期段階でリスクが高い技術ほど高く。",
    },
  },
  {
    key: "hurdle_rate",
    unit: "rate",
    fallback: { follows: "discount_rate" },
    ...VALID.rate,
    label: { en: "Licensee hurdle rate", ja: "ライセンシーのハードルレート" },
    help: {
      en: "Return the licensee requires on the project (its cost of capital). Default: the discount rate.",
      ja: "ライセンシーが事業に求める収益率（資本コスト）。既定は割引率と同じ。",
    },
  },
  {
    key: "success_probability",
    unit: "share",
    fallback: 1,
    ...VALID.shareAbove0,
    label: { en: "Probability of success", ja: "成功確率" },
    help: {
      en: "Chance the product reaches the market (e.g. the product of clinical phase transition rates). 1 = certain.",
      ja: "製品が上市に至る確率（例：臨床各相の移行確率の積）。1なら確実。",
    },
  },
  {
    key: "upfront",
    unit: "currency",
    fallback: 0,
    ...VALID.amount,
    label: { en: "Upfront fee", ja: "契約一時金" },
    help: {
      en: "Fee paid at signing (year 0). Counted in the licensor's value and in the licensee's outlay.",
      ja: "契約時（0年目）に支払われる一時金。ライセンサーの価値とライセンシーの支出の両方に含める。",
    },
  },
  {
    key: "investment",
    unit: "currency",
    fallback: 0,
    ...VALID.amount,
    label: { en: "Licensee investment", ja: "ライセンシーの初期投資" },
    help: {
      en: "What the licensee spends at year 0 to bring the product to market (development, plant, launch). From its business plan.",
      ja: "ライセンシーが製品化のため0年目に投じる額（開発・設備・販売準備）。事業計画から。",
    },
  },
  {
    key: "timing",
    unit: "timing",
    fallback: "end",
    ...VALID.timing,
    label: { en: "Cash-flow timing", ja: "キャッシュフローの時点" },
    help: {
      en: '"end" (end of each year, as Excel NPV), "mid" (mid-year, common in valuations) or "begin".',
      ja: '"end"（各年の期末、ExcelのNPVと同じ）、"mid"（期央、評価実務で一般的）、"begin"（期首）。',
    },
  },
  {
    key: "licensor_share",
    unit: "share",
    fallback: DEFAULT_LICENSOR_SHARE,
    ...VALID.share,
    label: { en: "Licensor share of profit", ja: "ライセンサーの利益配分率" },
    help: {
      en: "Share of the licensee's operating profit used by the 25% rule cross-check. Default 0.25.",
      ja: "25%ルールによる検証で用いる、ライセンシー営業利益のライセンサー取り分。既定は0.25。",
    },
  },
];

export const ASSUMPTION_KEYS: readonly AssumptionKey[] = ASSUMPTIONS.map((s) => s.key);
const SPEC_BY_KEY = new Map<string, AssumptionSpec>(ASSUMPTIONS.map((s) => [s.key, s]));
export const REQUIRED_KEYS: readonly AssumptionKey[] = ASSUMPTIONS.filter((s) => s.fallback === undefined).map((s) => s.key);

/** Defaults that follow another assumption (term_years ← years, hurdle_rate ← discount_rate). */
export const FOLLOWS: Readonly<Partial<Record<AssumptionKey, AssumptionKey>>> = Object.fromEntries(
  ASSUMPTIONS.flatMap((s) => (typeof s.fallback === "object" ? [[s.key, s.fallback.follows]] : []))
);

export function assumptionSpec(key: AssumptionKey): AssumptionSpec {
  return SPEC_BY_KEY.get(key)!;
}

/** "Market size", "market-size" and "MARKET_SIZE" all name market_size. */
export function normalizeKey(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

export function isAssumptionKey(key: string): key is AssumptionKey {
  return SPEC_BY_KEY.has(key);
}

/**
 * Applies defaults and checks every value of one scenario. `raw` holds what the user typed, blanks as
 * undefined. Errors name the scenario and the key.
 */
export function resolveAssumptions(raw: Partial<Record<AssumptionKey, RawValue>>, scenario: string): Assumptions {
  const a: Partial<Assumptions> = {};
  const where = (key: string) => `Scenario ${quoted(scenario, "'")}: ${key}`;
  for (const spec of ASSUMPTIONS) {
    const v = raw[spec.key];
    if (isBlank(v)) continue;
    if (spec.unit === "timing") {
      a.timing = rethrowFor(scenario, () => parseTiming(v, spec.key));
      continue;
    }
    if (typeof v !== "number") {
      throw invalidValue(`${where(spec.key)} must be a number; got ${excerpt(v)} (text or TRUE/FALSE)`);
    }
    rethrowFor(scenario, () => spec.check(v, spec.key));
    (a as Record<string, number>)[spec.key] = v;
  }
  // Defaults in list order, so one that follows another value (hurdle_rate <- discount_rate) sees it.
  for (const spec of ASSUMPTIONS) {
    if ((a as Record<string, unknown>)[spec.key] !== undefined) continue;
    if (spec.fallback === undefined) throw invalidValue(`${where(spec.key)} is missing: it is required`);
    const v = typeof spec.fallback === "object" ? (a as Record<string, unknown>)[spec.fallback.follows] : spec.fallback;
    (a as Record<string, unknown>)[spec.key] = v;
  }
  return a as Assumptions;
}

function rethrowFor<T>(scenario: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ValuationError) throw new ValuationError(e.kind, `Scenario ${quoted(scenario, "'")}: ${e.message}`);
    throw e;
  }
}

export interface Scenario {
  name: string;
  assumptions: Assumptions;
  /** Marked internal in the table's `internal` row: never shared with the counterparty. */
  internal: boolean;
}

/** One scenario column as typed: blanks stay undefined, nothing is defaulted or checked yet. */
export interface RawScenario {
  name: string;
  values: Partial<Record<AssumptionKey, RawValue>>;
  internal: boolean;
}

/** Column headers the functions skip: human-readable labels, units, notes. */
export const IGNORED_HEADERS: ReadonlySet<string> = new Set(["label", "labels", "unit", "units", "note", "notes"]);
/** Headers that name the key column. */
export const KEY_HEADERS: ReadonlySet<string> = new Set(["key", "keys", "assumption", "assumptions"]);

/**
 * Headers of columns of the user's own beside the scenarios (comments, memos, sources), skipped like
 * label, unit and note: the word alone or followed by a space, colon, bracket, digit, "_" or "-"
 * ("Comment (Taro)", "note2", "Source: 2025 report"). The pane refuses these as scenario names.
 */
const USER_COLUMN_WORDS = [
  "note",
  "notes",
  "comment",
  "comments",
  "memo",
  "memos",
  "source",
  "sources",
  "remark",
  "remarks",
  "備考",
  "メモ",
  "コメント",
  "注記",
  "出典",
  "注",
];
export function isUserColumn(header: unknown): boolean {
  if (typeof header !== "string") return false;
  const h = header.normalize("NFKC").trim().toLowerCase();
  return USER_COLUMN_WORDS.some((w) => h === w || (h.startsWith(w) && /^[\s:：(（[\d_-]/.test(h.slice(w.length))));
}

/**
 * The key column of a table's header row (trimmed texts): the one headed key (keys, assumption …), else
 * the first column that is not a label, unit, note or user column; -1 when there is none.
 */
export function keyColumn(header: readonly string[]): number {
  const named = header.findIndex((h) => KEY_HEADERS.has(h.toLowerCase()));
  return named >= 0 ? named : header.findIndex((h) => !isIgnoredHeader(h));
}

/** A column header the functions skip: a label, unit or note column, or one of the user's own. */
export const isIgnoredHeader = (header: string): boolean => IGNORED_HEADERS.has(header.trim().toLowerCase()) || isUserColumn(header);

/**
 * The row key that marks scenarios internal (TRUE, 1, "yes", "internal", "社外秘"/"内部" count as
 * internal; blank or FALSE as shareable). Not an assumption: the model ignores it.
 */
export const INTERNAL_KEY = "internal";

/** Reads a cell of the `internal` row. */
export function isInternalMark(v: RawValue): boolean {
  if (v === true || v === 1) return true;
  if (typeof v !== "string") return false;
  return ["true", "yes", "y", "1", "internal", "社外秘", "内部", "はい"].includes(v.trim().toLowerCase());
}

/**
 * Reads the structure of an assumptions table (a 2-D range) without resolving the values. Blank rows
 * and fully blank columns are skipped, so a user may select a little more than the table. Keys may
 * come in any order; each may appear once. Errors say what to fix.
 */
export function readAssumptionsTable(cells: readonly (readonly RawValue[])[], argument = "assumptions"): RawScenario[] {
  if (!Array.isArray(cells) || cells.length < 2 || !Array.isArray(cells[0]) || cells[0].length < 2) {
    throw invalidValue(`${argument} must be a table with scenario names in its first row and assumption keys in its first column`);
  }
  const width = cells[0].length;
  if (cells.some((row) => !Array.isArray(row) || row.length !== width)) throw invalidValue(`${argument} must be a rectangular range`);
  const header = cells[0].map((h) => (isBlank(h) ? "" : String(h).trim()));
  const ignored = header.map((h) => isIgnoredHeader(h));
  const keyCol = keyColumn(header);
  if (keyCol < 0) throw invalidValue(`${argument} has no key column: every column is headed label, unit or note`);

  const scenarioCols: number[] = [];
  const names = new Set<string>();
  for (let c = 0; c < width; c++) {
    if (c === keyCol || ignored[c]) continue;
    const hasValues = cells.some((row, r) => r > 0 && !isBlank(row[c]));
    if (header[c] === "") {
      if (hasValues) throw invalidValue(`${argument}: column ${c + 1} has values but no scenario name in the first row`);
      continue;
    }
    const folded = header[c].toLowerCase();
    if (names.has(folded)) throw invalidValue(`${argument}: scenario ${quoted(header[c], "'")} appears twice in the first row`);
    names.add(folded);
    scenarioCols.push(c);
  }
  if (scenarioCols.length === 0) throw invalidValue(`${argument} has no scenario column: name at least one scenario in the first row`);

  const rowOf = new Map<AssumptionKey, number>();
  let internalRow = -1;
  for (let r = 1; r < cells.length; r++) {
    const rawKey = cells[r][keyCol];
    if (isBlank(rawKey)) {
      if (scenarioCols.some((c) => !isBlank(cells[r][c]))) throw invalidValue(`${argument}: row ${r + 1} has values but no assumption key`);
      continue;
    }
    const key = normalizeKey(String(rawKey));
    if (key === INTERNAL_KEY) {
      if (internalRow >= 0) throw invalidValue(`${argument}: key '${INTERNAL_KEY}' appears twice (rows ${internalRow + 1} and ${r + 1})`);
      internalRow = r;
      continue;
    }
    if (!isAssumptionKey(key)) {
      throw invalidValue(`${argument}: unknown assumption key ${quoted(String(rawKey).trim(), "'")} in row ${r + 1}. Allowed: ${ASSUMPTION_KEYS.join(", ")}`);
    }
    if (rowOf.has(key)) throw invalidValue(`${argument}: key '${key}' appears twice (rows ${rowOf.get(key)! + 1} and ${r + 1})`);
    rowOf.set(key, r);
  }
  const missing = REQUIRED_KEYS.filter((k) => !rowOf.has(k));
  if (missing.length > 0) throw invalidValue(`${argument} is missing the required key${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);

  return scenarioCols.map((c) => {
    const values: Partial<Record<AssumptionKey, RawValue>> = {};
    for (const [key, r] of rowOf) values[key] = isBlank(cells[r][c]) ? undefined : cells[r][c];
    return { name: header[c], values, internal: internalRow >= 0 && isInternalMark(cells[internalRow][c]) };
  });
}

/** Reads an assumptions table and resolves every scenario (defaults applied, every value checked). */
export function parseAssumptionsTable(cells: readonly (readonly RawValue[])[], argument = "assumptions"): Scenario[] {
  return resolveScenarios(readAssumptionsTable(cells, argument));
}

/** Resolves scenarios as read from a table (defaults applied, every value checked). */
export function resolveScenarios(raws: readonly RawScenario[]): Scenario[] {
  return raws.map((r) => ({ name: r.name, assumptions: resolveAssumptions(r.values, r.name), internal: r.internal }));
}
