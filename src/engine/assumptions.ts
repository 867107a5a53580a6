/**
 * The assumptions of a scenario, defined once: the custom functions, the task pane and the negotiator
 * export all read this list. The assumptions table is a range whose first row holds scenario names
 * and whose first column holds these keys; columns headed label, unit or note are for people.
 */
import { isBlank, RawValue } from "./cells";
import { parseTiming, Timing } from "./discount";
import { DEFAULT_LICENSOR_SHARE } from "./rates";
import {
  describeCellIn,
  excerptIn,
  invalidValue,
  keyName,
  keyNames,
  Localized,
  MAX_YEARS,
  phrase,
  quotedName,
  registerJapaneseLabels,
  requireAtMostOne,
  requireFinite,
  requireFraction,
  requireNonNegative,
  requireRate,
  requireWholeYears,
  ValuationError,
  wordList,
  wrapped,
} from "./errors";

export type BaseKey =
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

/** The deal terms beyond one royalty rate (issue "deal terms"): all optional, a table without them values as before. */
export type DealKey =
  | "tier_1_threshold"
  | "tier_1_rate"
  | "tier_2_threshold"
  | "tier_2_rate"
  | "claims_expire_year"
  | "post_expiry_rate"
  | "annual_fee"
  | "annual_fee_from_year"
  | "annual_fee_until_sales"
  | "annual_fee_creditable"
  | "sublicense_income"
  | "sublicense_share"
  | "equity_share"
  | "dilution"
  | "exit_year"
  | "exit_value"
  | "exit_probability"
  | "success_fee"
  | "patent_cost_reimbursement"
  | "patent_cost_years"
  | "licensor_ownership";

export const MILESTONE_COUNT = 9;
export type MilestoneIndex = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
export type MilestonePart = "year" | "amount" | "probability";
export type MilestoneKey = `milestone_${MilestoneIndex}_${MilestonePart}`;
export const milestoneKey = (n: number, part: MilestonePart): MilestoneKey => `milestone_${n as MilestoneIndex}_${part}`;

export type AssumptionKey = BaseKey | DealKey | MilestoneKey;

/**
 * The licensee's business plan year by year, where the user has it: rows keyed sales_<t>,
 * operating_profit_<t>, investment_<t> (t = 1 … years). Not assumptions of their own: yearly inputs.
 */
export const PLAN_SERIES = ["sales", "operating_profit", "investment"] as const;
export type PlanSeries = (typeof PLAN_SERIES)[number];

export interface YearPlan {
  /** Net sales per year (blank years 0), replacing the market forecast; null when not given. */
  sales: number[] | null;
  /** Operating profit before royalty per year, overriding margin × sales where given (null entries: not given). */
  operating_profit: (number | null)[] | null;
  /** The licensee's further investment per year beside year-0 `investment` (blank years 0); null when not given. */
  investment: number[] | null;
}

/** A plan row key such as sales_3: the series and the year, or null. */
export function planKey(key: string): { series: PlanSeries; year: number } | null {
  const m = /^(sales|operating_profit|investment)_(\d{1,3})$/.exec(key);
  if (!m) return null;
  const year = Number(m[2]);
  if (year < 1 || year > MAX_YEARS || m[2].startsWith("0")) return null;
  return { series: m[1] as PlanSeries, year };
}

export interface DealAssumptions {
  /** null: no tiers. */
  tier_1_threshold: number | null;
  tier_1_rate: number;
  tier_2_threshold: number | null;
  tier_2_rate: number;
  claims_expire_year: number;
  post_expiry_rate: number;
  annual_fee: number;
  annual_fee_from_year: number;
  annual_fee_until_sales: boolean;
  annual_fee_creditable: boolean;
  sublicense_income: number;
  sublicense_share: number;
  equity_share: number;
  dilution: number;
  exit_year: number | null;
  exit_value: number | null;
  exit_probability: number;
  success_fee: number;
  patent_cost_reimbursement: number;
  patent_cost_years: number;
  licensor_ownership: number;
}

export type MilestoneAssumptions = { [K in `milestone_${MilestoneIndex}_year`]: number | null } & {
  [K in `milestone_${MilestoneIndex}_amount` | `milestone_${MilestoneIndex}_probability`]: number;
};

export type Assumptions = BaseAssumptions &
  DealAssumptions &
  MilestoneAssumptions & {
    /** The yearly business plan rows, or null when the scenario has none. */
    plan: YearPlan | null;
  };

export interface BaseAssumptions {
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
export type Unit = "currency" | "currency_per_year" | "rate" | "share" | "years" | "year" | "timing" | "flag";

export interface Text {
  en: string;
  ja: string;
}

/** One assumption; its check, allowed and interval come from its kind of validity (VALID). */
export interface AssumptionSpec extends Validity {
  key: AssumptionKey;
  unit: Unit;
  /** Absent = required. `{ follows }`: a blank takes that other assumption's value; null: blank means "no such term". */
  fallback?: number | Timing | boolean | null | { follows: AssumptionKey };
  /** A deal term: the pane groups these apart (collapsed until used). */
  group?: "deal";
  /** The milestone this key belongs to (the pane shows milestones as rows). */
  milestone?: { index: number; part: MilestonePart };
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
  if (x > MAX_YEARS) throw invalidValue("at-most", { name: keyName(key), max: MAX_YEARS, got: x });
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
  yearOrZero: {
    check: (x, k) => requireWholeYears(x, k, 0),
    allowed: { en: `a whole number from 0 to ${MAX_YEARS}`, ja: `0～${MAX_YEARS}の整数` },
    interval: interval(0, MAX_YEARS, { whole: true }),
  },
  flag: { check: () => undefined, allowed: { en: "TRUE or FALSE", ja: "TRUE または FALSE" } },
} as const satisfies Record<string, Validity>;

const BASE_SPECS: AssumptionSpec[] = [
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

function deal(spec: Omit<AssumptionSpec, "group">): AssumptionSpec {
  return { ...spec, group: "deal" };
}

const DEAL_TERMS_BEFORE_MILESTONES: AssumptionSpec[] = [
  deal({
    key: "tier_1_threshold",
    unit: "currency_per_year",
    fallback: null,
    ...VALID.amount,
    label: { en: "Tier 1 threshold (yearly sales)", ja: "第1段階の閾値（年間売上）" },
    help: {
      en: "Tiered royalties, marginal like tax brackets: yearly sales up to this amount bear the royalty rate, sales above it the tier 1 rate. Blank: one rate.",
      ja: "段階料率（税率表と同じく超過部分に適用）：年間売上のうちこの額までは基本料率、超える部分は第1段階料率。空欄なら単一料率。",
    },
  }),
  deal({
    key: "tier_1_rate",
    unit: "share",
    fallback: { follows: "royalty_rate" },
    ...VALID.share,
    label: { en: "Tier 1 royalty rate", ja: "第1段階の料率" },
    help: {
      en: "Rate on yearly sales above the tier 1 threshold (up to the tier 2 threshold). Default: the royalty rate.",
      ja: "第1段階の閾値を超える売上（第2段階の閾値まで）に適用する料率。既定は基本料率。",
    },
  }),
  deal({
    key: "tier_2_threshold",
    unit: "currency_per_year",
    fallback: null,
    ...VALID.amount,
    label: { en: "Tier 2 threshold (yearly sales)", ja: "第2段階の閾値（年間売上）" },
    help: {
      en: "Yearly sales above this amount bear the tier 2 rate. Must be above the tier 1 threshold. Blank: no second tier.",
      ja: "年間売上のうちこの額を超える部分に第2段階料率を適用。第1段階の閾値より大きいこと。空欄なら第2段階なし。",
    },
  }),
  deal({
    key: "tier_2_rate",
    unit: "share",
    fallback: { follows: "tier_1_rate" },
    ...VALID.share,
    label: { en: "Tier 2 royalty rate", ja: "第2段階の料率" },
    help: {
      en: "Rate on yearly sales above the tier 2 threshold. Default: the tier 1 rate.",
      ja: "第2段階の閾値を超える売上に適用する料率。既定は第1段階料率。",
    },
  }),
  deal({
    key: "claims_expire_year",
    unit: "year",
    fallback: { follows: "term_years" },
    ...VALID.yearOrZero,
    label: { en: "Last year covered by a valid claim", ja: "有効な請求項の最終年" },
    help: {
      en: "Last model year in which a valid patent claim covers the product. After it, up to the royalty term, the post-expiry (know-how) rate applies. Default: the royalty term.",
      ja: "有効な特許請求項が製品をカバーする最終年。その翌年からロイヤルティ期間の終わりまでは満了後料率（ノウハウ料率）を適用。既定はロイヤルティ期間の最終年。",
    },
  }),
  deal({
    key: "post_expiry_rate",
    unit: "share",
    fallback: 0,
    ...VALID.share,
    label: { en: "Royalty rate after the claims expire", ja: "特許満了後の料率（ノウハウ）" },
    help: {
      en: "Flat rate on sales after the last year with a valid claim, to the end of the royalty term (e.g. 2.5% for know-how only). Default 0.",
      ja: "有効な請求項がなくなった後、ロイヤルティ期間の終わりまで売上に掛ける単一料率（例：ノウハウのみ2.5%）。既定は0。",
    },
  }),
  deal({
    key: "annual_fee",
    unit: "currency_per_year",
    fallback: 0,
    ...VALID.amount,
    label: { en: "Annual fee", ja: "年間維持費" },
    help: {
      en: "License maintenance fee per year (from its first year through the royalty term, or only until sales start).",
      ja: "毎年のライセンス維持費（開始年からロイヤルティ期間の終わりまで、または売上開始まで）。",
    },
  }),
  deal({
    key: "annual_fee_from_year",
    unit: "year",
    fallback: 1,
    ...VALID.wholeYears,
    label: { en: "Annual fee from year", ja: "年間維持費の開始年" },
    help: { en: "First model year in which the annual fee is due. Default 1.", ja: "年間維持費が発生する最初の年。既定は1。" },
  }),
  deal({
    key: "annual_fee_until_sales",
    unit: "flag",
    fallback: false,
    ...VALID.flag,
    label: { en: "Annual fee only until first sales", ja: "年間維持費は初回売上まで" },
    help: {
      en: "TRUE: the fee is due only in years before the first year with sales. FALSE (default): through the royalty term.",
      ja: "TRUE：初めて売上が立つ年の前年までのみ発生。FALSE（既定）：ロイヤルティ期間の終わりまで。",
    },
  }),
  deal({
    key: "annual_fee_creditable",
    unit: "flag",
    fallback: false,
    ...VALID.flag,
    label: { en: "Annual fee creditable against royalties", ja: "年間維持費をロイヤルティに充当" },
    help: {
      en: "TRUE: the fee is credited against that year's royalty, so the year pays the larger of the two. FALSE (default): royalty plus fee.",
      ja: "TRUE：その年のロイヤルティに充当でき、支払いは両者の大きい方。FALSE（既定）：ロイヤルティ＋維持費。",
    },
  }),
];

const ORDINAL_JA = ["", "１", "２", "３", "４", "５", "６", "７", "８", "９"];
/** Milestones 1 … 9: year, amount and probability each. A milestone needs its year and amount. */
const MILESTONE_SPECS: AssumptionSpec[] = Array.from({ length: MILESTONE_COUNT }, (_, i) => i + 1).flatMap((n): AssumptionSpec[] => [
  deal({
    key: milestoneKey(n, "year"),
    unit: "years",
    fallback: null,
    milestone: { index: n, part: "year" },
    ...VALID.yearCount,
    label: { en: `Milestone ${n}: year`, ja: `マイルストーン${ORDINAL_JA[n]}：時期（年）` },
    help: {
      en: `When milestone ${n} is paid, in years from signing (fractions allowed). Discounted as a lump sum, (1 + r)^−year, whatever the timing.`,
      ja: `マイルストーン${ORDINAL_JA[n]}の支払時期（契約からの年数、小数可）。時点の設定にかかわらず一時金として (1 + r)^−年 で割り引く。`,
    },
  }),
  deal({
    key: milestoneKey(n, "amount"),
    unit: "currency",
    fallback: 0,
    milestone: { index: n, part: "amount" },
    ...VALID.amount,
    label: { en: `Milestone ${n}: amount`, ja: `マイルストーン${ORDINAL_JA[n]}：金額` },
    help: { en: `Amount of milestone ${n}.`, ja: `マイルストーン${ORDINAL_JA[n]}の金額。` },
  }),
  deal({
    key: milestoneKey(n, "probability"),
    unit: "share",
    fallback: 1,
    milestone: { index: n, part: "probability" },
    ...VALID.share,
    label: { en: `Milestone ${n}: probability`, ja: `マイルストーン${ORDINAL_JA[n]}：確率` },
    help: {
      en: `Probability that milestone ${n} is paid (e.g. of reaching that phase). Blank: 1.`,
      ja: `マイルストーン${ORDINAL_JA[n]}が支払われる確率（例：その段階に到達する確率）。空欄なら1。`,
    },
  }),
]);

const DEAL_TERMS_AFTER_MILESTONES: AssumptionSpec[] = [
  deal({
    key: "sublicense_income",
    unit: "currency_per_year",
    fallback: 0,
    ...VALID.amount,
    label: { en: "Licensee's sublicense income per year", ja: "ライセンシーのサブライセンス収入（年額）" },
    help: {
      en: "The licensee's expected non-royalty income from sublicensees per year, years 1 to the royalty term.",
      ja: "ライセンシーがサブライセンシーから得る、ロイヤルティ以外の年間収入の見込み（1年目からロイヤルティ期間の終わりまで）。",
    },
  }),
  deal({
    key: "sublicense_share",
    unit: "share",
    fallback: 0,
    ...VALID.share,
    label: { en: "Licensor's share of sublicense income", ja: "サブライセンス収入の配分率" },
    help: { en: "The licensor's share of that sublicense income (e.g. 0.15).", ja: "そのサブライセンス収入のうちライセンサーが受け取る割合（例：0.15）。" },
  }),
  deal({
    key: "equity_share",
    unit: "share",
    fallback: 0,
    ...VALID.share,
    label: { en: "Equity received", ja: "取得する株式持分" },
    help: {
      en: "Stake in the licensee received at signing (e.g. 0.05 = 5% fully diluted). Needs the exit year and value.",
      ja: "契約時に受け取るライセンシーの株式持分（例：完全希薄化後5% = 0.05）。Exitの年と価値が必要。",
    },
  }),
  deal({
    key: "dilution",
    unit: "share",
    fallback: 0,
    ...VALID.share,
    label: { en: "Dilution before exit", ja: "Exitまでの希薄化" },
    help: {
      en: "Total dilution of the stake before the exit (0.4 = the stake falls to 60% of itself). Default 0.",
      ja: "Exitまでの持分の希薄化の合計（0.4なら持分は元の60%に）。既定は0。",
    },
  }),
  deal({
    key: "exit_year",
    unit: "years",
    fallback: null,
    ...VALID.yearCount,
    label: { en: "Exit year", ja: "Exitの時期（年）" },
    help: {
      en: "When the company is sold or listed, in years from signing. Equity and success fee are discounted from it as lump sums.",
      ja: "会社の売却・上場の時期（契約からの年数）。株式と成功報酬はこの時点から一時金として割り引く。",
    },
  }),
  deal({
    key: "exit_value",
    unit: "currency",
    fallback: null,
    ...VALID.amount,
    label: { en: "Company value at exit", ja: "Exit時の企業価値" },
    help: {
      en: "The licensee's company value at the exit. Required with equity or a success fee.",
      ja: "Exit時のライセンシーの企業価値。株式または成功報酬がある場合は必須。",
    },
  }),
  deal({
    key: "exit_probability",
    unit: "share",
    fallback: { follows: "success_probability" },
    ...VALID.share,
    label: { en: "Probability of the exit", ja: "Exitの確率" },
    help: { en: "Chance the exit happens. Default: the probability of success.", ja: "Exitが実現する確率。既定は成功確率。" },
  }),
  deal({
    key: "success_fee",
    unit: "share",
    fallback: 0,
    ...VALID.share,
    label: { en: "Success fee (share of exit value)", ja: "成功報酬（Exit価値に対する割合）" },
    help: {
      en: "Share of the exit value paid to the licensor at the exit (e.g. 0.0125).",
      ja: "Exit時にライセンサーに支払われる、Exit価値に対する割合（例：0.0125）。",
    },
  }),
  deal({
    key: "patent_cost_reimbursement",
    unit: "currency",
    fallback: 0,
    ...VALID.amount,
    label: { en: "Patent costs reimbursed", ja: "特許費用の償還額" },
    help: {
      en: "The licensor's patent costs the licensee repays, spread evenly over the repayment years from year 1. Certain: not weighted by success.",
      ja: "ライセンシーが償還するライセンサーの特許費用。1年目から償還年数で均等に支払われる。確実な収入として扱い、成功確率を掛けない。",
    },
  }),
  deal({
    key: "patent_cost_years",
    unit: "years",
    fallback: 1,
    ...VALID.wholeYears,
    label: { en: "Patent cost repayment years", ja: "特許費用の償還年数" },
    help: { en: "Years over which the patent costs are repaid, from year 1. Default 1.", ja: "特許費用を償還する年数（1年目から）。既定は1。" },
  }),
  deal({
    key: "licensor_ownership",
    unit: "share",
    fallback: 1,
    ...VALID.shareAbove0,
    label: { en: "Licensor's ownership share", ja: "ライセンサーの持分（共有特許）" },
    help: {
      en: "Share of the license's proceeds that accrue to this licensor (a co-owned patent: its share under the co-ownership agreement). Default 1.",
      ja: "ライセンス収入のうちこのライセンサーに帰属する割合（共有特許なら共有契約上の持分）。既定は1。",
    },
  }),
];

/** Every assumption, in the order of the table, the pane and the negotiator's model sheet: today's first, then the deal terms. */
export const ASSUMPTIONS: readonly AssumptionSpec[] = [...BASE_SPECS, ...DEAL_TERMS_BEFORE_MILESTONES, ...MILESTONE_SPECS, ...DEAL_TERMS_AFTER_MILESTONES];
/** The deal terms (all optional). */
export const DEAL_KEYS: readonly AssumptionKey[] = ASSUMPTIONS.filter((s) => s.group === "deal").map((s) => s.key);

/** Whether resolved assumptions use any deal term or plan row: a value other than its blank's. */
export function hasDealTerms(a: Assumptions): boolean {
  if (a.plan) return true;
  return DEAL_KEYS.some((k) => {
    const f = assumptionSpec(k).fallback;
    const blank = f !== null && typeof f === "object" ? a[f.follows] : f;
    return a[k] !== blank;
  });
}

export const ASSUMPTION_KEYS: readonly AssumptionKey[] = ASSUMPTIONS.map((s) => s.key);
const SPEC_BY_KEY = new Map<string, AssumptionSpec>(ASSUMPTIONS.map((s) => [s.key, s]));
const PLAN_LABELS_JA: Record<PlanSeries, string> = { sales: "売上", operating_profit: "営業利益", investment: "投資" };
// Messages name an assumption or a plan row by its Japanese label and its key (errors.ts cannot import this file).
registerJapaneseLabels((key) => {
  const plan = planKey(key);
  return plan ? `${plan.year}年目の${PLAN_LABELS_JA[plan.series]}` : SPEC_BY_KEY.get(key)?.label.ja;
});
export const REQUIRED_KEYS: readonly AssumptionKey[] = ASSUMPTIONS.filter((s) => s.fallback === undefined).map((s) => s.key);

/** Defaults that follow another assumption (term_years ← years, hurdle_rate ← discount_rate). */
export const FOLLOWS: Readonly<Partial<Record<AssumptionKey, AssumptionKey>>> = Object.fromEntries(
  ASSUMPTIONS.flatMap((s) => (s.fallback !== null && typeof s.fallback === "object" ? [[s.key, s.fallback.follows]] : []))
);

/**
 * Defaults that follow another key only where their term exists: a tier's rate without its threshold
 * is refused (checkDealTerms), so a sheet that writes the follow as a formula leaves it blank until the
 * threshold is typed.
 */
export const FOLLOWS_ONLY_WITH: Readonly<Partial<Record<AssumptionKey, AssumptionKey>>> = { tier_1_rate: "tier_1_threshold", tier_2_rate: "tier_2_threshold" };

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
export function resolveAssumptions(
  raw: Partial<Record<AssumptionKey, RawValue>>,
  scenario: string,
  series: Partial<Record<PlanSeries, RawValue[]>> = {}
): Assumptions {
  const a: Partial<Assumptions> = {};
  const plan = rethrowFor(scenario, () => resolvePlan(series));
  for (const spec of ASSUMPTIONS) {
    const v = raw[spec.key];
    if (isBlank(v)) continue;
    if (spec.unit === "timing") {
      a.timing = rethrowFor(scenario, () => parseTiming(v, spec.key));
      continue;
    }
    if (spec.unit === "flag") {
      (a as Record<string, unknown>)[spec.key] = rethrowFor(scenario, () => readFlag(v, spec.key));
      continue;
    }
    if (typeof v !== "number") {
      throw invalidValue("in-scenario", {
        scenario: quotedName(scenario),
        message: phrase("assumption-not-number", { key: keyName(spec.key), got: excerptIn(v) }),
      });
    }
    rethrowFor(scenario, () => spec.check(v, spec.key));
    (a as Record<string, number>)[spec.key] = v;
  }
  // Defaults in list order, so one that follows another value (hurdle_rate <- discount_rate) sees it.
  for (const spec of ASSUMPTIONS) {
    if ((a as Record<string, unknown>)[spec.key] !== undefined) continue;
    if (spec.fallback === undefined) {
      // With yearly sales rows the market forecast is not used: its inputs are not needed.
      if (plan?.sales && FORECAST_ONLY.has(spec.key)) {
        (a as Record<string, unknown>)[spec.key] = 0;
        continue;
      }
      throw invalidValue("in-scenario", { scenario: quotedName(scenario), message: phrase("assumption-missing", { key: keyName(spec.key) }) });
    }
    const v = spec.fallback !== null && typeof spec.fallback === "object" ? (a as Record<string, unknown>)[spec.fallback.follows] : spec.fallback;
    (a as Record<string, unknown>)[spec.key] = v;
  }
  const resolved = a as Assumptions;
  resolved.plan = plan;
  rethrowFor(scenario, () => checkDealTerms(resolved, raw));
  return resolved;
}

/** Required only to forecast sales from the market: not needed when the scenario gives sales_<t> rows. */
const FORECAST_ONLY: ReadonlySet<AssumptionKey> = new Set<AssumptionKey>(["market_size", "peak_share"]);

/** TRUE/FALSE, 1/0 or the words true/false (text from another spreadsheet). */
export function readFlag(v: RawValue, key: string): boolean {
  if (typeof v === "boolean") return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === "string") {
    const w = v.normalize("NFKC").trim().toLowerCase();
    if (w === "true" || w === "yes" || w === "はい") return true;
    if (w === "false" || w === "no" || w === "いいえ") return false;
  }
  throw invalidValue("true-or-false", { name: keyName(key), got: describeCellIn(v) });
}

/** The yearly plan rows of one scenario, checked: sales and investments 0 or more, operating profit any finite amount. */
function resolvePlan(series: Partial<Record<PlanSeries, RawValue[]>>): YearPlan | null {
  let any = false;
  const plan: YearPlan = { sales: null, operating_profit: null, investment: null };
  for (const name of PLAN_SERIES) {
    const cells = series[name];
    if (!cells || cells.every((c) => isBlank(c))) continue;
    any = true;
    const values = Array.from(cells, (v, i) => {
      const key = `${name}_${i + 1}`;
      if (isBlank(v)) return null;
      if (typeof v !== "number") throw invalidValue("must-be-number", { name: keyName(key), got: describeCellIn(v) });
      if (name === "operating_profit") requireFinite(v, key);
      else requireNonNegative(v, key);
      return v;
    });
    if (name === "operating_profit") plan.operating_profit = values;
    else plan[name] = values.map((v) => v ?? 0);
  }
  return any ? plan : null;
}

/**
 * The checks that join several terms: tiers ascending and each tier's rate with its threshold, a
 * milestone's year with its amount, the exit with equity or a success fee, plan rows within the years.
 */
function checkDealTerms(a: Assumptions, raw: Partial<Record<AssumptionKey, RawValue>>): void {
  const given = (k: AssumptionKey) => !isBlank(raw[k]);
  if (a.tier_1_threshold === null) {
    for (const k of ["tier_1_rate", "tier_2_threshold", "tier_2_rate"] as const) {
      if (given(k)) throw invalidValue("tier-1-threshold-blank", { key: keyName(k), threshold: keyName("tier_1_threshold") });
    }
  }
  if (a.tier_2_threshold === null && given("tier_2_rate")) {
    throw invalidValue("tier-2-threshold-blank", { key: keyName("tier_2_rate"), threshold: keyName("tier_2_threshold") });
  }
  if (a.tier_1_threshold !== null && a.tier_2_threshold !== null && !(a.tier_2_threshold > a.tier_1_threshold)) {
    throw invalidValue("tiers-ascend", { second: a.tier_2_threshold, first: a.tier_1_threshold });
  }
  for (let n = 1; n <= MILESTONE_COUNT; n++) {
    const year = milestoneKey(n, "year");
    const amount = milestoneKey(n, "amount");
    const probability = milestoneKey(n, "probability");
    if ((a[amount] as number) > 0 && !given(year)) throw invalidValue("milestone-year-blank", { amount: keyName(amount), year: keyName(year) });
    if ((given(year) || given(probability)) && !given(amount)) {
      throw invalidValue("milestone-amount-blank", { key: keyName(given(year) ? year : probability), amount: keyName(amount) });
    }
  }
  if (a.equity_share > 0 || a.success_fee > 0) {
    const term = a.equity_share > 0 ? "equity_share" : "success_fee";
    for (const k of ["exit_year", "exit_value"] as const) {
      if (a[k] === null) throw invalidValue("exit-term-missing", { key: keyName(k), term: keyName(term) });
    }
  }
  if (a.plan) {
    for (const name of PLAN_SERIES) {
      const values = a.plan[name];
      if (!values) continue;
      let last = values.length - 1;
      while (last >= 0 && (values[last] === null || values[last] === 0)) last--;
      if (last + 1 > a.years) throw invalidValue("plan-after-last-year", { key: keyName(`${name}_${last + 1}`), years: a.years });
    }
  }
}

function rethrowFor<T>(scenario: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ValuationError) throw wrapped(e, "in-scenario", { scenario: quotedName(scenario) });
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
  /** The yearly plan rows (sales_<t> …) as typed, year 1 first; absent when the table has none. */
  series?: Partial<Record<PlanSeries, RawValue[]>>;
}

/** The keys an unknown-key message lists: today's assumptions by name (its template adds the deal terms and plan rows by family; the README lists them all). */
const ALLOWED_KEYS_TEXT = wordList(ASSUMPTIONS.filter((s) => !s.group).map((s) => s.key));

/** Column headers the functions skip: human-readable labels, units, notes. */
export const IGNORED_HEADERS: ReadonlySet<string> = new Set(["label", "labels", "unit", "units", "note", "notes", "項目", "単位"]);
/** Headers that name the key column (a Japanese sheet's キー too: the negotiator file heads its key column so). */
export const KEY_HEADERS: ReadonlySet<string> = new Set(["key", "keys", "assumption", "assumptions", "キー"]);

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
export function readAssumptionsTable(cells: readonly (readonly RawValue[])[], argument: string | Localized = "assumptions"): RawScenario[] {
  if (!Array.isArray(cells) || cells.length < 2 || !Array.isArray(cells[0]) || cells[0].length < 2) {
    throw invalidValue("table-shape", { argument });
  }
  const width = cells[0].length;
  if (cells.some((row) => !Array.isArray(row) || row.length !== width)) throw invalidValue("rectangular", { argument });
  const header = cells[0].map((h) => (isBlank(h) ? "" : String(h).trim()));
  const ignored = header.map((h) => isIgnoredHeader(h));
  const keyCol = keyColumn(header);
  if (keyCol < 0) throw invalidValue("no-key-column", { argument });

  const scenarioCols: number[] = [];
  const names = new Set<string>();
  for (let c = 0; c < width; c++) {
    if (c === keyCol || ignored[c]) continue;
    const hasValues = cells.some((row, r) => r > 0 && !isBlank(row[c]));
    if (header[c] === "") {
      if (hasValues) throw invalidValue("column-without-scenario", { argument, column: c + 1 });
      continue;
    }
    const folded = header[c].toLowerCase();
    if (names.has(folded)) throw invalidValue("scenario-twice", { argument, scenario: quotedName(header[c]) });
    names.add(folded);
    scenarioCols.push(c);
  }
  if (scenarioCols.length === 0) throw invalidValue("no-scenario-column", { argument });

  const rowOf = new Map<AssumptionKey, number>();
  const planRows = new Map<string, { series: PlanSeries; year: number; row: number }>();
  let internalRow = -1;
  for (let r = 1; r < cells.length; r++) {
    const rawKey = cells[r][keyCol];
    if (isBlank(rawKey)) {
      if (scenarioCols.some((c) => !isBlank(cells[r][c]))) throw invalidValue("row-without-key", { argument, row: r + 1 });
      continue;
    }
    const key = normalizeKey(String(rawKey));
    if (key === INTERNAL_KEY) {
      if (internalRow >= 0) throw invalidValue("key-twice", { argument, key: INTERNAL_KEY, first: internalRow + 1, second: r + 1 });
      internalRow = r;
      continue;
    }
    const yearly = planKey(key);
    if (yearly) {
      const seen = planRows.get(key);
      if (seen) throw invalidValue("key-twice", { argument, key, first: seen.row + 1, second: r + 1 });
      planRows.set(key, { ...yearly, row: r });
      continue;
    }
    if (!isAssumptionKey(key)) {
      throw invalidValue("unknown-key", { argument, key: quotedName(String(rawKey).trim()), row: r + 1, allowed: ALLOWED_KEYS_TEXT });
    }
    if (rowOf.has(key)) throw invalidValue("key-twice", { argument, key, first: rowOf.get(key)! + 1, second: r + 1 });
    rowOf.set(key, r);
  }
  const hasSalesRows = [...planRows.values()].some((p) => p.series === "sales");
  const missing = REQUIRED_KEYS.filter((k) => !rowOf.has(k) && !(hasSalesRows && FORECAST_ONLY.has(k)));
  if (missing.length > 0) throw invalidValue(missing.length > 1 ? "required-keys-missing" : "required-key-missing", { argument, keys: keyNames(missing) });

  return scenarioCols.map((c) => {
    const values: Partial<Record<AssumptionKey, RawValue>> = {};
    for (const [key, r] of rowOf) values[key] = isBlank(cells[r][c]) ? undefined : cells[r][c];
    const scenario: RawScenario = { name: header[c], values, internal: internalRow >= 0 && isInternalMark(cells[internalRow][c]) };
    if (planRows.size > 0) {
      const series: Partial<Record<PlanSeries, RawValue[]>> = {};
      for (const p of planRows.values()) {
        const list = (series[p.series] ??= []);
        while (list.length < p.year) list.push(undefined);
        list[p.year - 1] = isBlank(cells[p.row][c]) ? undefined : cells[p.row][c];
      }
      scenario.series = series;
    }
    return scenario;
  });
}

/** Reads an assumptions table and resolves every scenario (defaults applied, every value checked). */
export function parseAssumptionsTable(cells: readonly (readonly RawValue[])[], argument: string | Localized = "assumptions"): Scenario[] {
  return resolveScenarios(readAssumptionsTable(cells, argument));
}

/** Resolves scenarios as read from a table (defaults applied, every value checked). */
export function resolveScenarios(raws: readonly RawScenario[]): Scenario[] {
  return raws.map((r) => ({ name: r.name, assumptions: resolveAssumptions(r.values, r.name, r.series), internal: r.internal }));
}
