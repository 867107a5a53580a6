/**
 * Reference bands: published license terms with their source, so a number put to a counterparty
 * can say where it comes from. Each band is a low and a high (equal for a single published value)
 * in a stated unit, the base it applies to, the conditions it was published for (right type,
 * regulatory path, licensee, exclusivity), and a citation (document, case or figure, page) with the
 * year of the data.
 *
 * The built-in bands come from the JPO study of 2026 on university licensing income (its report and
 * its case collection, the "seed" entries, each carrying the numbers as printed so a test can check
 * them against the text) and from other public sources, each cited. Descriptions are our own words;
 * numbers and citations are facts.
 *
 * A user can add their own bands (past deals, a database export) in the layout BANDS spills: they
 * extend the built-in set or override a built-in band with the same key, and every row says whether
 * it is "built-in" or "user".
 */
import { invalidValue, notAvailable } from "./errors";

export type RawCell = number | string | boolean | null | undefined;

// ---------------------------------------------------------------------------------------------
// Vocabulary

/** What low and high measure. share_* are decimals from 0 to 1 (0.05 = 5%). */
export const BAND_UNITS = [
  "share_of_net_sales", // running royalty on the licensee's net sales
  "share_of_sublicense_income", // licensor's share of what the licensee receives from sublicensees
  "share_of_exit_value", // success fee on the company's exit (sale, IPO) value
  "share_of_company_value", // cash due on an acquisition, as a share of the company's value
  "share_of_fully_diluted_equity", // equity on a fully diluted basis
  "share_of_equity", // equity, basis not stated
  "share_of_research_funding", // premium on a sponsored-research budget
  "share_of_amount_due", // audit threshold: an underpayment of this share of the amount due
  "share_of_patent_costs", // share of the patent costs the licensee bears
  "share_of_income", // a part of licensing income (income mix)
  "share_of_licenses", // a part of the licenses granted
  "share_of_agreements", // a part of the agreements signed
  "amount", // a one-off amount, in `currency`
  "amount_per_year", // an amount every year, in `currency`
  "ratio", // one quantity divided by another (e.g. US ÷ Japan)
  "count", // a number of things
  "count_per_year", // a number of times a year
  "days",
  "months",
  "years",
  "contract_year", // a year of the license term, year 1 = the first year after signing
] as const;
export type BandUnit = (typeof BAND_UNITS)[number];

export const isShareUnit = (u: string): boolean => u.startsWith("share_of_");
export const isAmountUnit = (u: string): boolean => u === "amount" || u === "amount_per_year";

/** patent: patents or valid claims (pending applications count; copyright too where the source groups it); know_how: technical information without a valid claim. */
export const RIGHT_TYPES = ["patent", "know_how", "any"] as const;
/** approval: the product needs regulatory approval (FDA etc.); no_approval: it does not. */
export const REGULATORY_PATHS = ["approval", "no_approval", "any"] as const;
export const LICENSEE_TYPES = ["startup", "sme", "large", "any"] as const;
export const EXCLUSIVITY_TYPES = ["exclusive", "non_exclusive", "assignment", "any"] as const;
export type RightType = (typeof RIGHT_TYPES)[number];
export type RegulatoryPath = (typeof REGULATORY_PATHS)[number];
export type LicenseeType = (typeof LICENSEE_TYPES)[number];
export type Exclusivity = (typeof EXCLUSIVITY_TYPES)[number];

export type BandOrigin = "built-in" | "user";

export interface Band {
  /** Stable key, lower case: what BAND looks up. */
  key: string;
  low: number;
  high: number;
  unit: BandUnit | "";
  /** ISO code of the currency of an amount ("USD", "EUR", "JPY"); "" for anything else. */
  currency: string;
  /** What the rate or amount applies to. */
  base: string;
  right: RightType;
  regulatory: RegulatoryPath;
  licensee: LicenseeType;
  exclusivity: Exclusivity;
  description_en: string;
  description_ja: string;
  /** The document: title, author or publisher, date. */
  source: string;
  /** Where in it: case, figure, table or section. */
  locator: string;
  /** Page in the document ("p.21"), "" when the source has none we could verify. */
  page: string;
  /** Year the data is for; "" when a user band gives none. */
  year: number | "";
}

/** The numbers of a seed entry as printed in the seed report, for the test that checks them. */
export interface SeedEvidence {
  /** "事例⑦" or "図表 24": the case or figure whose text holds the numbers. */
  section: string;
  /** A heading inside the section that narrows it (one of the two fixed-term models of case 7). */
  part?: string;
  /** Fragments as printed (whitespace aside); low and high must each be one of their numbers. */
  printed: string[];
  /** Multiplier from the printed number to the stored one (1000 for a table in thousand yen). */
  scale?: number;
}

export interface BuiltInBand extends Band {
  seed?: SeedEvidence;
}

export interface BandRow extends Band {
  origin: BandOrigin;
}

/** The columns BANDS spills, in order; the header row of a user-bands range uses the same names. */
export const BAND_COLUMNS = [
  "key",
  "low",
  "high",
  "unit",
  "currency",
  "base",
  "right",
  "regulatory",
  "licensee",
  "exclusivity",
  "description_en",
  "description_ja",
  "source",
  "locator",
  "page",
  "year",
  "origin",
] as const;
export type BandColumn = (typeof BAND_COLUMNS)[number];

// ---------------------------------------------------------------------------------------------
// Sources

const CASES = "JPO FY2025 study (Nomura Research Institute), 海外大学における知財収入の分析及び技術移転活動に関する調査 — 事例集 (case collection), 2026";
const REPORT = "JPO FY2025 study (Nomura Research Institute), 海外大学における知財収入の分析及び技術移転活動に関する調査研究報告書 (report), Feb 2026";
const METI =
  "経済産業省 経済産業政策局 知的財産政策室 編『ロイヤルティ料率データハンドブック ～特許権・商標権・プログラム著作権・技術ノウハウ～』(経済産業調査会, Aug 2010), from the JPO FY2009 study by Teikoku Databank (Mar 2010)";
const METI_LOCATOR = "本編1 I.2(3)(i)-2 技術分類別ロイヤルティ料率の平均値 (patents, domestic questionnaire)";
const AUTM =
  "AUTM U.S. Licensing Activity Survey: FY2011 (AUTM, Dec 2012), as reported by IPWatchdog, 'University Tech Licensing Has Substantial Impact on Economy', 10 Dec 2012, ipwatchdog.com/2012/12/10/university-tech-licensing-has-substantial-impact-on-economy/id=31258/";

const CASE7_A = "初期負担軽減モデル";
const CASE7_B = "株式併用・ロイヤリティ詳細設定モデル";
const LOC7_A = `事例⑦, 固定条件ライセンス例：${CASE7_A} (express license, model A)`;
const LOC7_B = `事例⑦, 固定条件ライセンス例：${CASE7_B} (express license, model B)`;

type Conditions = Partial<Pick<Band, "right" | "regulatory" | "licensee" | "exclusivity" | "currency" | "page">>;

function entry(
  key: string,
  low: number,
  high: number,
  unit: BandUnit,
  base: string,
  en: string,
  ja: string,
  cite: { source: string; locator: string; page: string; year: number },
  conditions: Conditions = {},
  seed?: SeedEvidence
): BuiltInBand {
  const b: BuiltInBand = {
    key,
    low,
    high,
    unit,
    currency: conditions.currency ?? "",
    base,
    right: conditions.right ?? "any",
    regulatory: conditions.regulatory ?? "any",
    licensee: conditions.licensee ?? "any",
    exclusivity: conditions.exclusivity ?? "any",
    description_en: en,
    description_ja: ja,
    source: cite.source,
    locator: cite.locator,
    page: cite.page,
    year: cite.year,
  };
  if (seed) b.seed = seed;
  return b;
}

const case2 = { source: CASES, locator: "事例② (IP portfolio placed with overseas startups)", page: "p.8", year: 2025 };
const case6 = { source: CASES, locator: "事例⑥ (license terms by company size, French TTO)", page: "p.18", year: 2025 };
const case7a = { source: CASES, locator: LOC7_A, page: "p.21", year: 2025 };
const case7b = { source: CASES, locator: LOC7_B, page: "p.22", year: 2025 };
const case11 = { source: CASES, locator: "事例⑪ (premium-for-option sponsored research, US university)", page: "p.30", year: 2025 };
const fig = (n: number, page: number, year: number, what: string) => ({ source: REPORT, locator: `図表 ${n} (${what})`, page: `p.${page}`, year });
const meti = { source: METI, locator: METI_LOCATOR, page: "", year: 2009 };
const autm = {
  source: AUTM,
  locator: "Product-sales questions: 2,821 licenses at 58 of 186 US institutions paid USD 662M running royalties on USD 37B product sales",
  page: "",
  year: 2011,
};

const s7a = (...printed: string[]): SeedEvidence => ({ section: "事例⑦", part: CASE7_A, printed });
const s7b = (...printed: string[]): SeedEvidence => ({ section: "事例⑦", part: CASE7_B, printed });
const startupX = { licensee: "startup", exclusivity: "exclusive" } as const;

// ---------------------------------------------------------------------------------------------
// The built-in bands

export const BUILT_IN_BANDS: readonly BuiltInBand[] = [
  // --- Case 2: a patent portfolio assembled with a company and placed with overseas startups.
  entry(
    "case02_portfolio_equity",
    0.05,
    0.1,
    "share_of_equity",
    "shares of the startup taking the portfolio",
    "Equity in an overseas startup taken as the price of a bundled portfolio of foreign-filed patents, placed through a matching platform; the stake is split between the university, the partner company and the platform operator.",
    "外国でも権利化した特許を束ねて海外のスタートアップに移転したときの対価としての持株比率。大学、連携先の企業、運営会社がこの株式を分け合う。",
    case2,
    { right: "patent", licensee: "startup", exclusivity: "assignment" },
    { section: "事例②", printed: ["5~10%"] }
  ),

  // --- Case 6: a French technology transfer office; one royalty standard, upfront and equity by size.
  entry(
    "case06_upfront_large",
    100000,
    100000,
    "amount",
    "upfront fee at signing",
    "Upfront fee a French technology transfer office asks of a large company; published as more than EUR 100,000, so this is a floor. Royalty rates follow one field-based standard whatever the licensee's size.",
    "フランスの技術移転機関が大企業に求める契約一時金。「10万ユーロ超」とされており、この値は下限。料率は企業規模にかかわらず分野ごとの共通水準による。",
    case6,
    { licensee: "large", currency: "EUR" },
    { section: "事例⑥", printed: ["10万ユーロ超"] }
  ),
  entry(
    "case06_upfront_startup",
    10000,
    20000,
    "amount",
    "upfront fee at signing",
    "Upfront fee the same office asks of a startup, kept low to ease entry; the royalty rate is not reduced.",
    "同じ機関がスタートアップに求める契約一時金。参入しやすいよう低く抑えるが、料率は下げない。",
    case6,
    { licensee: "startup", currency: "EUR" },
    { section: "事例⑥", printed: ["1～2万ユーロ"] }
  ),
  entry(
    "case06_equity_cap_startup",
    0.15,
    0.15,
    "share_of_equity",
    "initial shares of the startup",
    "Ceiling on the initial stake the office takes in a startup in place of cash (about 15% under French rules); milestones for startups can be tied to funding rounds.",
    "現金の代わりにスタートアップの株式を受け取る場合の当初持株比率の上限（フランスの規制上およそ15%）。スタートアップのマイルストーンは資金調達の節目に連動させることがある。",
    case6,
    { licensee: "startup" },
    { section: "事例⑥", printed: ["約15%"] }
  ),

  // --- Case 7, model A: express license for startups, low initial burden.
  entry(
    "case07a_license_fee",
    0,
    0,
    "amount",
    "fee at signing",
    "Express (fixed-term) startup license, model A: no license fee at signing.",
    "スタートアップ向け定型ライセンスのモデルA：契約時のライセンス料はゼロ。",
    case7a,
    { ...startupX, currency: "USD" },
    s7a("(License Fee)なし")
  ),
  entry(
    "case07a_equity",
    0,
    0,
    "share_of_equity",
    "shares of the licensee",
    "Model A: the university takes no equity.",
    "モデルA：大学は株式を取得しない。",
    case7a,
    startupX,
    s7a("(Equity)なし")
  ),
  entry(
    "case07a_success_fee",
    0.0125,
    0.0125,
    "share_of_exit_value",
    "the company's value at exit",
    "Model A: success fee on the licensee's exit value, paid instead of equity.",
    "モデルA：株式の代わりに、ライセンシー企業のイグジット時の価値に対して受け取る成功報酬の率。",
    case7a,
    startupX,
    s7a("1.25%")
  ),
  entry(
    "case07a_royalty_patent",
    0.02,
    0.02,
    "share_of_net_sales",
    "licensee net sales",
    "Model A: running royalty on products covered by the licensed patents and/or copyright (exclusive rights).",
    "モデルA：許諾した特許・著作権（独占的権利）が及ぶ製品の正味売上高に対するロイヤルティ率。",
    case7a,
    { licensee: "startup", right: "patent", exclusivity: "exclusive" },
    s7a("= 2%")
  ),
  entry(
    "case07a_royalty_know_how",
    0.0075,
    0.0075,
    "share_of_net_sales",
    "licensee net sales",
    "Model A: running royalty when only the technical information is used (non-exclusive rights).",
    "モデルA：技術情報（非独占的権利）のみを利用する製品の正味売上高に対するロイヤルティ率。",
    case7a,
    { licensee: "startup", right: "know_how", exclusivity: "non_exclusive" },
    s7a("0.75%")
  ),
  entry(
    "case07a_milestones",
    0,
    0,
    "amount",
    "milestone payments",
    "Model A: no milestone payments.",
    "モデルA：マイルストーン支払はない。",
    case7a,
    { ...startupX, currency: "USD" },
    s7a("(Milestone Payment)なし")
  ),
  entry(
    "case07a_sublicense_share",
    0.15,
    0.15,
    "share_of_sublicense_income",
    "non-royalty payments the licensee receives from sublicensees",
    "Model A: university's share of what sublicensees pay the licensee other than royalties.",
    "モデルA：サブライセンシーからライセンシーが受け取るロイヤルティ以外の対価のうち、大学に支払う割合。",
    case7a,
    startupX,
    s7a("15%")
  ),
  entry(
    "case07a_sublicense_approval_years",
    2,
    2,
    "years",
    "period after signing",
    "Model A: years after signing during which each sublicense needs the university's consent.",
    "モデルA：サブライセンスに大学の同意を要する、契約後の年数。",
    case7a,
    startupX,
    s7a("最初の2年間")
  ),
  entry(
    "case07a_annual_fee",
    10000,
    10000,
    "amount_per_year",
    "yearly fee, creditable against royalties",
    "Model A: annual maintenance fee (minimum royalty), due from the third contract year; royalties paid count against it.",
    "モデルA：年間維持費（最低ロイヤルティ）。契約3年目から毎年かかり、支払ったロイヤルティと相殺できる。",
    case7a,
    { ...startupX, currency: "USD" },
    s7a("年間$10,000")
  ),
  entry(
    "case07a_annual_fee_from_year",
    3,
    3,
    "contract_year",
    "start of the annual fee",
    "Model A: contract year from which the annual maintenance fee is due.",
    "モデルA：年間維持費の支払が始まる契約年。",
    case7a,
    startupX,
    s7a("3年目")
  ),
  entry(
    "case07a_patent_cost_deferred",
    20000,
    20000,
    "amount",
    "patent costs incurred before signing",
    "Model A: first patent costs the university defers until the earliest of the first financing, a change of control or the sales trigger.",
    "モデルA：ライセンシーによる支払を大学が待つ当初の特許費用の額。初回の資金調達、支配権の変更、累積売上の条件のうち最も早い時点まで待つ。",
    case7a,
    { ...startupX, currency: "USD" },
    s7a("$20,000")
  ),
  entry(
    "case07a_patent_cost_sales_trigger",
    500000,
    500000,
    "amount",
    "cumulative licensee net sales",
    "Model A: cumulative net sales at which the deferred patent costs fall due (if no financing or change of control came first).",
    "モデルA：猶予した特許費用の支払期限となる累積正味売上高（資金調達や支配権の変更が先になければ）。",
    case7a,
    { ...startupX, currency: "USD" },
    s7a("$500,000")
  ),
  entry(
    "case07a_patent_cost_repay_years",
    2,
    2,
    "years",
    "repayment period for past patent costs",
    "Model A: past patent costs above the deferred amount are repaid quarterly over the first years of the license; later patent costs are the licensee's.",
    "モデルA：猶予額を超える過去の特許費用を四半期ごとに分けて返す期間（契約当初の年数）。以後の特許費用はライセンシーが負担する。",
    case7a,
    startupX,
    s7a("最初の2年間で四半期ごと")
  ),
  entry(
    "case07a_royalty_report_days",
    30,
    30,
    "days",
    "after each quarter end",
    "Model A: days after each quarter end to deliver the royalty report (a nil report too) with the payment.",
    "モデルA：各四半期末からロイヤルティ報告書（支払がなくても提出）を出すまでの日数。",
    case7a,
    startupX,
    s7a("四半期末から30日以内")
  ),
  entry(
    "case07a_progress_reports_per_year",
    1,
    2,
    "count_per_year",
    "development progress reports",
    "Model A: progress reports a year: two until royalties start, then one.",
    "モデルA：開発・事業化の進捗報告の回数。ロイヤルティ発生前は年2回、その後は年1回。",
    case7a,
    startupX,
    s7a("年2回", "年1回")
  ),
  entry(
    "case07a_event_notice_days",
    30,
    30,
    "days",
    "after a major corporate event",
    "Model A: days to tell the university of a major event (financing structure change, IPO filing, sale talks, major litigation, officer departure).",
    "モデルA：資本構成の大きな変化、上場申請、売却交渉、重大な訴訟、役員の退任などを大学に知らせるまでの日数。",
    case7a,
    startupX,
    s7a("30日以内に大学へ")
  ),
  entry(
    "case07a_audit_interval_months",
    12,
    12,
    "months",
    "between audits",
    "Model A: the university may audit the books at most once in this many months.",
    "モデルA：大学が帳簿を監査できる頻度（この月数に1回まで）。",
    case7a,
    startupX,
    s7a("12か月に1回")
  ),
  entry(
    "case07a_audit_threshold",
    0.05,
    0.05,
    "share_of_amount_due",
    "underpayment found by an audit",
    "Model A: an underpayment of at least this share makes the company pay the shortfall, interest and the audit's cost.",
    "モデルA：監査で見つかった支払不足がこの割合以上なら、不足額・利息・監査費用を会社が負担する。",
    case7a,
    startupX,
    s7a("5%以上の支払不足")
  ),

  // --- Case 7, model B: express license with equity and royalties by right type and regulatory path.
  entry(
    "case07b_license_fee",
    5000,
    5000,
    "amount",
    "fee at signing",
    "Model B: license fee, non-refundable and not creditable against royalties.",
    "モデルB：ライセンス料。返金されず、ロイヤルティとも相殺しない。",
    case7b,
    { ...startupX, currency: "USD" },
    s7b("$5,000")
  ),
  entry(
    "case07b_license_fee_due_days",
    10,
    10,
    "days",
    "after the effective date",
    "Model B: days after the effective date within which the license fee is paid.",
    "モデルB：契約発効日からライセンス料を支払うまでの日数。",
    case7b,
    startupX,
    s7b("10日以内")
  ),
  entry(
    "case07b_equity",
    0.05,
    0.05,
    "share_of_fully_diluted_equity",
    "fully diluted shares, issued on the qualifying financing",
    "Model B: equity the university receives once the startup has raised the financing threshold.",
    "モデルB：スタートアップが一定額の資金を調達した時点で大学が受け取る株式（完全希薄化後ベース）。",
    case7b,
    startupX,
    s7b("完全希釈化後株式の5.0%")
  ),
  entry(
    "case07b_equity_financing_trigger",
    1000000,
    1000000,
    "amount",
    "cumulative financing raised",
    "Model B: financing the startup must raise before the equity is issued.",
    "モデルB：株式付与の条件となる資金調達額。",
    case7b,
    { ...startupX, currency: "USD" },
    s7b("100万ドル以上")
  ),
  entry(
    "case07b_acquisition_rate",
    0.05,
    0.05,
    "share_of_company_value",
    "company value on an acquisition, up to the threshold",
    "Model B: cash due if the startup is acquired before the equity is issued, as a share of its value when that value is at most the threshold.",
    "モデルB：株式付与前に買収された場合に支払われる現金。企業価値が基準額以下のとき、その価値に対する割合。",
    case7b,
    startupX,
    s7b("企業価値の5%")
  ),
  entry(
    "case07b_acquisition_threshold",
    10000000,
    10000000,
    "amount",
    "company value on an acquisition",
    "Model B: company value that separates the two acquisition cash formulas.",
    "モデルB：買収時の現金の計算式が切り替わる企業価値。",
    case7b,
    { ...startupX, currency: "USD" },
    s7b("1,000万ドル以下")
  ),
  entry(
    "case07b_acquisition_fixed_above",
    500000,
    500000,
    "amount",
    "fixed part of the acquisition cash above the threshold",
    "Model B: fixed cash on an acquisition above the threshold value, to which a share of the excess is added.",
    "モデルB：企業価値が基準額を超える買収での固定額。超過分に対する割合がこれに加わる。",
    case7b,
    { ...startupX, currency: "USD" },
    s7b("50万ドル")
  ),
  entry(
    "case07b_acquisition_rate_above",
    0.025,
    0.025,
    "share_of_company_value",
    "company value above the threshold",
    "Model B: share of the company value above the threshold paid on top of the fixed amount.",
    "モデルB：基準額を超える企業価値の部分に対して、固定額に上乗せして支払う割合。",
    case7b,
    startupX,
    s7b("超えた部分の2.5%")
  ),
  entry(
    "case07b_success_fee",
    0,
    0,
    "share_of_exit_value",
    "the company's value at exit",
    "Model B: no success fee (equity takes its place).",
    "モデルB：成功報酬はない（株式がその役割を担う）。",
    case7b,
    startupX,
    s7b("(Success Fee)なし")
  ),
  entry(
    "case07b_royalty_no_approval_patent",
    0.05,
    0.05,
    "share_of_net_sales",
    "licensee net sales",
    "Model B: royalty on a product that needs no regulatory approval and is covered by a valid claim (issued or pending).",
    "モデルB：規制当局の承認が不要で、有効なクレーム（登録済みまたは審査中）が及ぶ製品のロイヤルティ率。",
    case7b,
    { licensee: "startup", right: "patent", regulatory: "no_approval", exclusivity: "exclusive" },
    s7b("5% (Valid Claimあり)")
  ),
  entry(
    "case07b_royalty_no_approval_know_how",
    0.025,
    0.025,
    "share_of_net_sales",
    "licensee net sales",
    "Model B: royalty on a product that needs no regulatory approval and uses know-how only.",
    "モデルB：規制当局の承認が不要で、ノウハウのみを使う製品のロイヤルティ率。",
    case7b,
    { licensee: "startup", right: "know_how", regulatory: "no_approval", exclusivity: "non_exclusive" },
    s7b("2.5% (Know-Howのみ)")
  ),
  entry(
    "case07b_royalty_approval_patent",
    0.02,
    0.02,
    "share_of_net_sales",
    "licensee net sales",
    "Model B: royalty on a product that needs regulatory approval (FDA etc.) and is covered by a valid claim.",
    "モデルB：規制当局（FDAなど）の承認が必要で、有効なクレームが及ぶ製品のロイヤルティ率。",
    case7b,
    { licensee: "startup", right: "patent", regulatory: "approval", exclusivity: "exclusive" },
    s7b("2.0% (Valid Claimあり)")
  ),
  entry(
    "case07b_royalty_approval_know_how",
    0.01,
    0.01,
    "share_of_net_sales",
    "licensee net sales",
    "Model B: royalty on a product that needs regulatory approval and uses know-how only.",
    "モデルB：規制当局の承認が必要で、ノウハウのみを使う製品のロイヤルティ率。",
    case7b,
    { licensee: "startup", right: "know_how", regulatory: "approval", exclusivity: "non_exclusive" },
    s7b("1.0% (Know-Howのみ)")
  ),
  entry(
    "case07b_milestones",
    0,
    0,
    "amount",
    "milestone payments",
    "Model B: no milestone payments.",
    "モデルB：マイルストーン支払はない。",
    case7b,
    { ...startupX, currency: "USD" },
    s7b("(Milestone Payment)なし")
  ),
  entry(
    "case07b_sublicense_share",
    0.1,
    0.1,
    "share_of_sublicense_income",
    "non-royalty sublicense income",
    "Model B: university's share of the licensee's sublicense income other than royalties.",
    "モデルB：ライセンシーが得るサブライセンス収入（ロイヤルティを除く）のうち大学に支払う割合。",
    case7b,
    startupX,
    s7b("サブライセンス収入の10%")
  ),
  entry(
    "case07b_sublicense_due_days",
    30,
    30,
    "days",
    "after the sublicense income is received",
    "Model B: days after receipt within which the university's share of sublicense income is paid.",
    "モデルB：サブライセンス収入の受領から大学の取り分を支払うまでの日数。",
    case7b,
    startupX,
    s7b("受領後30日以内")
  ),
  entry(
    "case07b_annual_fee",
    5000,
    5000,
    "amount_per_year",
    "yearly fee until the first net sales",
    "Model B: annual maintenance fee, due each year until the first net sales; neither refundable nor creditable.",
    "モデルB：年間維持費。最初の正味売上が生じるまで毎年支払い、返金も相殺もされない。",
    case7b,
    { ...startupX, currency: "USD" },
    s7b("年間維持費：年間$5,000")
  ),
  entry(
    "case07b_minimum_royalty",
    10000,
    10000,
    "amount_per_year",
    "yearly royalties once net sales have started",
    "Model B: minimum royalty each year from the first net sales; only the shortfall below it is paid.",
    "モデルB：最初の正味売上以降の年間最低ロイヤルティ。ロイヤルティがこれに届かない年は差額のみ支払う。",
    case7b,
    { ...startupX, currency: "USD" },
    s7b("最低ロイヤリティ：年間$10,000")
  ),
  entry(
    "case07b_patent_costs_share",
    1,
    1,
    "share_of_patent_costs",
    "past and future patent costs",
    "Model B: the licensee bears all patent costs, past and future.",
    "モデルB：過去分も今後の分も、特許費用はすべてライセンシーが負担する。",
    case7b,
    startupX,
    s7b("ライセンシーの全額負担")
  ),
  entry(
    "case07b_patent_cost_start_months",
    6,
    6,
    "months",
    "after signing",
    "Model B: months after signing when repayment of past patent costs starts.",
    "モデルB：過去の特許費用の返済が始まる、契約後の月数。",
    case7b,
    startupX,
    s7b("契約6ヶ月後")
  ),
  entry(
    "case07b_patent_cost_installments",
    8,
    8,
    "count",
    "equal quarterly instalments",
    "Model B: number of equal quarterly instalments for repaying past patent costs.",
    "モデルB：過去の特許費用を返済する四半期ごとの均等分割の回数。",
    case7b,
    startupX,
    s7b("8回の四半期均等分割払い")
  ),
  entry(
    "case07b_patent_invoice_days",
    30,
    30,
    "days",
    "after the university's invoice",
    "Model B: days to pay patent costs incurred after signing, from the university's invoice.",
    "モデルB：契約後に生じた特許費用を、大学の請求書受領から支払うまでの日数。",
    case7b,
    startupX,
    s7b("請求書受領後30日以内")
  ),
  entry(
    "case07b_royalty_report_days",
    30,
    30,
    "days",
    "after each quarter end",
    "Model B: royalties are paid quarterly, with the report due this many days after the quarter end.",
    "モデルB：ロイヤルティは四半期ごとに支払い、報告書は四半期末からこの日数以内に提出する。",
    case7b,
    startupX,
    s7b("四半期末から30日以内")
  ),
  entry(
    "case07b_progress_reports_per_year",
    1,
    1,
    "count_per_year",
    "development, financing and sales reports",
    "Model B: progress reports a year on development, financing and sales.",
    "モデルB：開発・資金調達・販売状況の進捗報告の回数。",
    case7b,
    startupX,
    s7b("年1回")
  ),
  entry(
    "case07b_audit_threshold",
    0.05,
    0.05,
    "share_of_amount_due",
    "under-reporting found by an audit",
    "Model B: the university pays for audits, but under-reporting of at least this share shifts the whole cost to the licensee.",
    "モデルB：監査費用は大学持ちだが、この割合以上の過少申告が見つかればライセンシーが全額を負担する。",
    case7b,
    startupX,
    s7b("5%以上の過少申告")
  ),

  // --- Case 11: a US university's sponsored research with a premium for a license option.
  entry(
    "case11_option_premium",
    0.1,
    0.15,
    "share_of_research_funding",
    "sponsored-research budget",
    "Premium on top of the research budget a sponsor pays for an option to a non-exclusive license to the results, so the terms are known before the work starts.",
    "スポンサー企業が研究費に上乗せして支払うプレミアムの率。成果の非独占的実施のオプションを研究開始前に確保できる。",
    case11,
    { exclusivity: "non_exclusive" },
    { section: "事例⑪", printed: ["10～15%"] }
  ),
  entry(
    "case11_research_reservation_share",
    0.95,
    0.95,
    "share_of_agreements",
    "sponsored-research agreements",
    "Share of sponsor agreements in which the university keeps, as a non-negotiable term, the right to use the results for non-commercial research and teaching.",
    "非商業目的の研究・教育に成果を使う大学の権利を、譲れない条件として確保しているスポンサー契約の割合。",
    case11,
    {},
    { section: "事例⑪", printed: ["約95%"] }
  ),

  // --- Figures of the report: income, income mix and per-license facts, Japan vs US.
  entry(
    "fig07_jp_ip_income_2022",
    6509179000,
    6509179000,
    "amount_per_year",
    "IP income of Japanese universities (MEXT survey), FY2022",
    "Total IP income of Japanese universities in fiscal 2022.",
    "日本の大学の知財収入の合計（2022年度）。",
    fig(7, 14, 2022, "Japan vs US university IP income by year"),
    { currency: "JPY" },
    { section: "図表 7", printed: ["6,509,179"], scale: 1000 }
  ),
  entry(
    "fig07_us_license_income_2022",
    416121975000,
    416121975000,
    "amount_per_year",
    "gross license income of US universities (AUTM STATT, hospitals and research institutes excluded), 2022, in yen",
    "Gross license income of US universities in 2022, converted to yen at the year's average rate; about 40% of it came from one university (COVID-19 vaccine patents).",
    "米国の大学のライセンス収入総額（2022年、年平均レートで円換算）。約4割は一大学（新型コロナワクチン関連特許）による。",
    fig(7, 14, 2022, "Japan vs US university IP income by year"),
    { currency: "JPY" },
    { section: "図表 7", printed: ["416,121,975"], scale: 1000 }
  ),
  entry(
    "fig07_us_jp_income_ratio_2022",
    63.9,
    63.9,
    "ratio",
    "US ÷ Japan university IP income, 2022",
    "How many times Japan's university IP income the US figure was in 2022.",
    "米国の大学の知財収入が日本の何倍か（2022年）。",
    fig(7, 14, 2022, "Japan vs US university IP income by year"),
    {},
    { section: "図表 7", printed: ["63.9"] }
  ),
  entry(
    "fig07_us_penn_share_2022",
    0.397,
    0.397,
    "share_of_income",
    "US university gross license income, 2022",
    "Share of all US university license income earned by the University of Pennsylvania alone in 2022 (COVID-19 vaccine patents).",
    "米国の大学のライセンス収入全体のうち、ペンシルベニア大学一校が占めた割合（2022年、新型コロナワクチン関連特許）。",
    fig(7, 14, 2022, "Japan vs US university IP income by year"),
    {},
    { section: "図表 7", printed: ["39.7%"] }
  ),
  entry(
    "fig07_jp_ip_income_2023",
    8205580000,
    8205580000,
    "amount_per_year",
    "IP income of Japanese universities (MEXT survey), FY2023",
    "Total IP income of Japanese universities in fiscal 2023.",
    "日本の大学の知財収入の合計（2023年度）。",
    fig(7, 14, 2023, "Japan vs US university IP income by year"),
    { currency: "JPY" },
    { section: "図表 7", printed: ["8,205,580"], scale: 1000 }
  ),
  entry(
    "fig07_us_license_income_2023",
    414627711000,
    414627711000,
    "amount_per_year",
    "gross license income of US universities (AUTM STATT, hospitals and research institutes excluded), 2023, in yen",
    "Gross license income of US universities in 2023, in yen.",
    "米国の大学のライセンス収入総額（2023年、円換算）。",
    fig(7, 14, 2023, "Japan vs US university IP income by year"),
    { currency: "JPY" },
    { section: "図表 7", printed: ["414,627,711"], scale: 1000 }
  ),
  entry(
    "fig07_us_jp_income_ratio_2023",
    50.5,
    50.5,
    "ratio",
    "US ÷ Japan university IP income, 2023",
    "How many times Japan's university IP income the US figure was in 2023.",
    "米国の大学の知財収入が日本の何倍か（2023年）。",
    fig(7, 14, 2023, "Japan vs US university IP income by year"),
    {},
    { section: "図表 7", printed: ["50.5"] }
  ),
  entry(
    "fig07_us_penn_share_2023",
    0.391,
    0.391,
    "share_of_income",
    "US university gross license income, 2023",
    "Share of all US university license income earned by the University of Pennsylvania alone in 2023.",
    "米国の大学のライセンス収入全体のうち、ペンシルベニア大学一校が占めた割合（2023年）。",
    fig(7, 14, 2023, "Japan vs US university IP income by year"),
    {},
    { section: "図表 7", printed: ["39.1%"] }
  ),
  entry(
    "fig09_jp_patent_share_of_ip_income_2022",
    0.7,
    0.7,
    "share_of_income",
    "IP income of Japanese universities, FY2022",
    "Share of Japanese university IP income that comes from patents.",
    "日本の大学の知財収入のうち特許権による収入の割合。",
    fig(9, 15, 2022, "patent income and licensing income within IP income"),
    { right: "patent" },
    { section: "図表 9", printed: ["約70%"] }
  ),
  entry(
    "fig09_jp_licensing_share_of_patent_income_2022",
    0.9,
    0.9,
    "share_of_income",
    "patent income of Japanese universities, FY2022",
    "Share of Japanese university patent income that comes from licensing.",
    "日本の大学の特許権収入のうち実施許諾による収入の割合。",
    fig(9, 15, 2022, "patent income and licensing income within IP income"),
    { right: "patent" },
    { section: "図表 9", printed: ["約90%"] }
  ),
  entry(
    "fig10_us_jp_income_per_license_ratio_2022",
    56,
    56,
    "ratio",
    "US income per license ÷ Japanese income per license of solely owned IP, 2022",
    "Even counting only IP the Japanese university owns alone, US universities earn this many times more per license.",
    "日本の大学が単独で保有する知財に限っても、米国の大学のライセンス1件あたり収入は日本の何倍か。",
    fig(10, 16, 2022, "income per license, Japan vs US"),
    {},
    { section: "図表 10", printed: ["約 56 倍"] }
  ),
  entry(
    "fig12_us_startup_share_of_licenses_2022",
    0.18,
    0.18,
    "share_of_licenses",
    "licenses granted by US universities, 2022",
    "Share of US university licenses that go to startups: a minority, so startup deals alone do not explain the income gap.",
    "米国の大学のライセンスのうちスタートアップ向けの割合。少数であり、収入差をこれだけでは説明できない。",
    fig(12, 18, 2022, "licenses by type of licensee"),
    { licensee: "startup" },
    { section: "図表 12", printed: ["約 18%"] }
  ),
  entry(
    "fig24_jp_licensed_rights_2022",
    25678,
    25678,
    "count",
    "IP rights under license at Japanese universities (counted per right), FY2022",
    "Number of licensed IP rights at Japanese universities (counted per right, not per agreement).",
    "日本の大学の知財の実施許諾件数（契約ではなく権利ごとに数えた件数）。",
    fig(24, 34, 2022, "research scale, Japan vs US"),
    {},
    { section: "図表 24", printed: ["25,678件"] }
  ),
  entry(
    "fig24_jp_license_agreements_2022",
    5818,
    5818,
    "count",
    "license agreements of 84 responding Japanese institutions (UNITT survey), 2022",
    "License agreements counted per agreement by the 84 Japanese universities and TLOs that answered the UNITT survey.",
    "UNITTの調査に回答した日本の大学・TLO 84機関のライセンス契約件数（契約単位）。",
    fig(24, 34, 2022, "research scale, Japan vs US"),
    {},
    { section: "図表 24", printed: ["5,818件"] }
  ),
  entry(
    "fig24_us_income_licenses_2022",
    17298,
    17298,
    "count",
    "US university licenses that produced income (AUTM), 2022",
    "Number of US university license agreements that produced income.",
    "米国の大学で収入を生んだライセンス契約の件数。",
    fig(24, 34, 2022, "research scale, Japan vs US"),
    {},
    { section: "図表 24", printed: ["17,298件"] }
  ),
  entry(
    "fig24_jp_licensing_institutions_2022",
    236,
    236,
    "count",
    "Japanese institutions with at least one licensed right, FY2022",
    "Japanese institutions that licensed at least one IP right.",
    "知財の実施許諾が1件以上ある日本の機関の数。",
    fig(24, 34, 2022, "research scale, Japan vs US"),
    {},
    { section: "図表 24", printed: ["236機関"] }
  ),
  entry(
    "fig24_us_licensing_institutions_2022",
    143,
    143,
    "count",
    "US universities with non-zero gross license income, 2022",
    "US universities whose gross license income was not zero.",
    "ライセンス収入がゼロでない米国の大学の数。",
    fig(24, 34, 2022, "research scale, Japan vs US"),
    {},
    { section: "図表 24", printed: ["143機関"] }
  ),

  // --- METI/JPO royalty-rate survey of Japanese companies (2010): mean rates on patents by field.
  entry(
    "meti2010_patent_all",
    0.037,
    0.037,
    "share_of_net_sales",
    "licensee net sales",
    "Mean royalty rate on patent licenses across all technology fields, from a questionnaire of Japanese companies and organisations.",
    "国内の企業・団体へのアンケートによる、特許権ライセンスのロイヤルティ料率の全技術分野の平均値。",
    meti,
    { right: "patent" }
  ),
  entry(
    "meti2010_patent_bio_pharma",
    0.06,
    0.06,
    "share_of_net_sales",
    "licensee net sales",
    "Mean royalty rate on patent licenses in biotechnology and pharmaceuticals (the highest field).",
    "バイオ・製薬分野の特許権ライセンスのロイヤルティ料率の平均値（全分野で最も高い）。",
    meti,
    { right: "patent" }
  ),
  entry(
    "meti2010_patent_health_lifesaving_amusement",
    0.053,
    0.053,
    "share_of_net_sales",
    "licensee net sales",
    "Mean royalty rate on patent licenses in health, life-saving and amusement.",
    "健康・人命救助・娯楽分野の特許権ライセンスのロイヤルティ料率の平均値。",
    meti,
    { right: "patent" }
  ),
  entry(
    "meti2010_patent_chemistry",
    0.043,
    0.043,
    "share_of_net_sales",
    "licensee net sales",
    "Mean royalty rate on patent licenses in chemistry.",
    "化学分野の特許権ライセンスのロイヤルティ料率の平均値。",
    meti,
    { right: "patent" }
  ),
  entry(
    "meti2010_patent_microstructure_nano",
    0.041,
    0.041,
    "share_of_net_sales",
    "licensee net sales",
    "Mean royalty rate on patent licenses in micro-structure technology and nanotechnology.",
    "マイクロ構造技術・ナノ技術分野の特許権ライセンスのロイヤルティ料率の平均値。",
    meti,
    { right: "patent" }
  ),

  // --- AUTM FY2011: the average running royalty US university licenses earned on product sales.
  entry(
    "autm2011_us_university_royalty",
    0.018,
    0.018,
    "share_of_net_sales",
    "licensee product sales",
    "Average running royalty on product sales implied by the US university licenses that reported sales to AUTM for fiscal 2011 (royalties ÷ sales).",
    "AUTMの2011年度調査で売上高を報告した米国大学のライセンスについて、ロイヤルティ額を製品売上高で割った平均料率。",
    autm
  ),
];

// ---------------------------------------------------------------------------------------------
// Reading a user-bands range

const norm = (s: string): string => s.trim().toLowerCase();

function text(v: RawCell): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return typeof v === "string" ? v.trim() : String(v).trim();
}

const isBlankCell = (v: RawCell): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

const describe = (v: RawCell): string => {
  if (typeof v === "string") return `text "${v.length > 30 ? v.slice(0, 30) + "…" : v}"`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
};

/** Japanese and other spellings of the condition words. */
const CONDITION_ALIASES: ReadonlyMap<string, string> = new Map([
  ["valid_claim", "patent"],
  ["patents", "patent"],
  ["特許", "patent"],
  ["knowhow", "know_how"],
  ["know-how", "know_how"],
  ["ノウハウ", "know_how"],
  ["技術情報", "know_how"],
  ["regulatory_approval", "approval"],
  ["承認要", "approval"],
  ["承認必要", "approval"],
  ["no-approval", "no_approval"],
  ["承認不要", "no_approval"],
  ["スタートアップ", "startup"],
  ["中小企業", "sme"],
  ["大企業", "large"],
  ["non-exclusive", "non_exclusive"],
  ["nonexclusive", "non_exclusive"],
  ["独占", "exclusive"],
  ["非独占", "non_exclusive"],
  ["譲渡", "assignment"],
  ["全て", "any"],
  ["すべて", "any"],
]);
const canonical = (word: string): string => CONDITION_ALIASES.get(norm(word)) ?? norm(word);

const CONDITIONS: readonly { column: "right" | "regulatory" | "licensee" | "exclusivity"; values: readonly string[] }[] = [
  { column: "right", values: RIGHT_TYPES },
  { column: "regulatory", values: REGULATORY_PATHS },
  { column: "licensee", values: LICENSEE_TYPES },
  { column: "exclusivity", values: EXCLUSIVITY_TYPES },
];

/** Headers a user range may carry besides the band columns: ignored, like blank headers. */
const IGNORED_USER_HEADERS = new Set(["note", "notes", "comment", "comments", "memo", "備考"]);

/**
 * Reads the user's bands: a header row with the column names BANDS spills (any order; key and low
 * required, the rest optional), then one band per row. Blank rows are skipped. The origin column is
 * ignored (every band read here is "user"). Errors name the row and what to fix.
 */
export function parseUserBands(cells: readonly (readonly RawCell[])[], argument = "user_bands"): Band[] {
  const layout = `the header row first (${BAND_COLUMNS.join(", ")}; key and low required), as IPVALUE.BANDS spills it`;
  if (!Array.isArray(cells) || cells.length === 0 || !Array.isArray(cells[0]) || cells[0].length === 0) {
    throw invalidValue(`${argument} must be a range with ${layout}`);
  }
  const width = cells[0].length;
  if (cells.some((r) => !Array.isArray(r) || r.length !== width)) throw invalidValue(`${argument} must be a rectangular range`);
  if (cells.every((r) => r.every(isBlankCell))) return [];

  const columns = new Map<BandColumn, number>();
  cells[0].forEach((h, c) => {
    if (isBlankCell(h)) return;
    const name = norm(text(h));
    if (IGNORED_USER_HEADERS.has(name)) return;
    const column = BAND_COLUMNS.find((k) => k === name);
    if (column === undefined) {
      throw invalidValue(`${argument}: unknown column "${text(h)}" in the header row; the columns are ${BAND_COLUMNS.join(", ")} (a note column is ignored)`);
    }
    if (columns.has(column)) throw invalidValue(`${argument}: the column ${column} appears twice in the header row`);
    columns.set(column, c);
  });
  if (!columns.has("key") || !columns.has("low")) throw invalidValue(`${argument} must have ${layout}`);

  const bands: Band[] = [];
  const seen = new Set<string>();
  for (let r = 1; r < cells.length; r++) {
    const row = cells[r];
    if (row.every(isBlankCell)) continue;
    const cell = (c: BandColumn): RawCell => {
      const i = columns.get(c);
      return i === undefined ? undefined : row[i];
    };
    const key = text(cell("key"));
    const where = `${argument} row ${r + 1}`;
    if (key === "") throw invalidValue(`${where}: the key is blank; give every band a key`);
    const label = `${where} (${key})`;
    if (seen.has(norm(key))) throw invalidValue(`${argument}: the key ${key} appears twice`);
    seen.add(norm(key));

    const number = (c: "low" | "high"): number | undefined => {
      const v = cell(c);
      if (isBlankCell(v)) return undefined;
      if (typeof v !== "number" || !Number.isFinite(v)) throw invalidValue(`${label}: ${c} must be a number; got ${describe(v)}`);
      return v;
    };
    const lowIn = number("low");
    const highIn = number("high");
    if (lowIn === undefined && highIn === undefined) throw invalidValue(`${label}: low is blank; enter the value (and high for a range)`);
    const low = lowIn ?? (highIn as number);
    const high = highIn ?? low;
    if (low > high) throw invalidValue(`${label}: low (${low}) is above high (${high})`);

    const unitText = norm(text(cell("unit")));
    let unit: BandUnit | "" = "";
    if (unitText !== "") {
      const u = BAND_UNITS.find((x) => x === unitText);
      if (u === undefined) throw invalidValue(`${label}: unit must be one of ${BAND_UNITS.join(", ")} (or blank); got "${text(cell("unit"))}"`);
      unit = u;
    }
    if (unit !== "" && isShareUnit(unit) && (low < 0 || high > 1)) {
      throw invalidValue(`${label}: a ${unit} is a decimal from 0 to 1 (0.05 = 5%); got ${low} to ${high}`);
    }

    const condition = <T extends string>(c: "right" | "regulatory" | "licensee" | "exclusivity", allowed: readonly T[]): T => {
      const raw = text(cell(c));
      if (raw === "") return "any" as T;
      const v = canonical(raw);
      const found = allowed.find((x) => x === v);
      if (found === undefined) throw invalidValue(`${label}: ${c} must be one of ${allowed.join(", ")} (or blank for any); got "${raw}"`);
      return found;
    };

    const yearCell = cell("year");
    let year: number | "" = "";
    if (!isBlankCell(yearCell)) {
      if (typeof yearCell !== "number" || !Number.isInteger(yearCell) || yearCell < 1900 || yearCell > 2200) {
        throw invalidValue(`${label}: year must be a whole year such as 2024 (or blank); got ${describe(yearCell)}`);
      }
      year = yearCell;
    }

    bands.push({
      key,
      low,
      high,
      unit,
      currency: text(cell("currency")).toUpperCase(),
      base: text(cell("base")),
      right: condition("right", RIGHT_TYPES),
      regulatory: condition("regulatory", REGULATORY_PATHS),
      licensee: condition("licensee", LICENSEE_TYPES),
      exclusivity: condition("exclusivity", EXCLUSIVITY_TYPES),
      description_en: text(cell("description_en")),
      description_ja: text(cell("description_ja")),
      source: text(cell("source")),
      locator: text(cell("locator")),
      page: text(cell("page")),
      year,
    });
  }
  return bands;
}

/** Drops the seed evidence: what a row shows. */
function publicBand(b: BuiltInBand): Band {
  const { seed: _seed, ...band } = b;
  return band;
}

/**
 * The built-in bands with the user's merged in: a user band with a built-in key (ignoring case)
 * replaces it in place; other user bands follow in their own order.
 */
export function mergeBands(user: readonly Band[] = [], builtIn: readonly BuiltInBand[] = BUILT_IN_BANDS): BandRow[] {
  const byKey = new Map<string, Band>();
  for (const u of user) byKey.set(norm(u.key), u);
  const used = new Set<string>();
  const rows: BandRow[] = builtIn.map((b) => {
    const u = byKey.get(norm(b.key));
    if (u === undefined) return { ...publicBand(b), origin: "built-in" };
    used.add(norm(b.key));
    return { ...u, origin: "user" };
  });
  for (const u of user) if (!used.has(norm(u.key))) rows.push({ ...u, origin: "user" });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Looking up one band

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** Up to three keys close to `key`: containing it, or a few edits away. */
export function similarKeys(rows: readonly BandRow[], key: string): string[] {
  const k = norm(key);
  if (k === "") return [];
  const scored = rows
    .map((r) => {
      const rk = norm(r.key);
      const d = rk.includes(k) || k.includes(rk) ? 0 : editDistance(rk, k);
      return { key: r.key, d };
    })
    .filter((s) => s.d <= Math.max(2, Math.floor(k.length / 4)))
    .sort((a, b) => a.d - b.d);
  return scored.slice(0, 3).map((s) => s.key);
}

/** The band with this key (ignoring case and surrounding spaces), or #N/A naming it. */
export function findBand(rows: readonly BandRow[], key: string): BandRow {
  const k = norm(key);
  const found = rows.find((r) => norm(r.key) === k);
  if (found) return found;
  const close = similarKeys(rows, key);
  const hint = close.length > 0 ? ` Did you mean ${close.join(", ")}?` : "";
  throw notAvailable(`No band has the key "${key.trim()}".${hint} List the keys with =IPVALUE.BANDS(), or search with =IPVALUE.BANDS("word").`);
}

/** What BAND returns: "range" (low and high side by side, the default), "row" (every column) or one column. */
export type BandField = BandColumn | "range" | "row";
export const BAND_FIELDS: readonly BandField[] = ["range", "row", ...BAND_COLUMNS];

const FIELD_ALIASES: ReadonlyMap<string, BandField> = new Map<string, BandField>([
  ["description", "description_en"],
  ["description_jp", "description_ja"],
  ["en", "description_en"],
  ["ja", "description_ja"],
  ["下限", "low"],
  ["上限", "high"],
  ["範囲", "range"],
  ["行", "row"],
  ["単位", "unit"],
  ["通貨", "currency"],
  ["対象", "base"],
  ["権利", "right"],
  ["規制", "regulatory"],
  ["ライセンシー", "licensee"],
  ["独占性", "exclusivity"],
  ["説明", "description_ja"],
  ["出典", "source"],
  ["箇所", "locator"],
  ["ページ", "page"],
  ["年", "year"],
  ["由来", "origin"],
]);

/** Reads BAND's field argument; omitted = "range". */
export function parseBandField(field: string | undefined, argument = "field"): BandField {
  if (field === undefined || field.trim() === "") return "range";
  const f = norm(field);
  const found = BAND_FIELDS.find((x) => x === f) ?? FIELD_ALIASES.get(f);
  if (found === undefined) throw invalidValue(`${argument} must be one of ${BAND_FIELDS.join(", ")}; got "${field}"`);
  return found;
}

/** One row of the BANDS table, in BAND_COLUMNS order. */
export function bandCells(row: BandRow): (number | string)[] {
  return BAND_COLUMNS.map((c) => row[c]);
}

/** BAND's result: [[low, high]], the whole row, or one cell. */
export function bandResult(row: BandRow, field: BandField): (number | string)[][] {
  if (field === "range") return [[row.low, row.high]];
  if (field === "row") return [bandCells(row)];
  return [[row[field]]];
}

// ---------------------------------------------------------------------------------------------
// Listing and filtering

const TEXT_COLUMNS: readonly BandColumn[] = ["key", "unit", "currency", "base", "description_en", "description_ja", "source", "locator", "page"];
const EXACT_COLUMNS: ReadonlySet<BandColumn> = new Set(["unit", "currency", "right", "regulatory", "licensee", "exclusivity", "origin"]);
const NUMBER_COLUMNS: ReadonlySet<BandColumn> = new Set(["low", "high", "year"]);

type Test = (row: BandRow) => boolean;

function termTest(term: string, argument: string): Test {
  const sep = term.search(/[:=：]/);
  if (sep > 0) {
    const name = norm(term.slice(0, sep));
    const value = term.slice(sep + 1).trim();
    if (name === "text") return (row) => TEXT_COLUMNS.some((c) => norm(String(row[c])).includes(norm(value)));
    const column = BAND_COLUMNS.find((c) => c === name) ?? (FIELD_ALIASES.get(name) as BandColumn | undefined);
    if (column === undefined || !(BAND_COLUMNS as readonly string[]).includes(column)) {
      throw invalidValue(`${argument}: "${term.slice(0, sep)}" is not a column; use one of ${BAND_COLUMNS.join(", ")} or text, e.g. licensee:startup`);
    }
    if (NUMBER_COLUMNS.has(column)) {
      const n = Number(value);
      if (value === "" || !Number.isFinite(n)) throw invalidValue(`${argument}: ${column} is compared with a number; got "${value}"`);
      return (row) => row[column] === n;
    }
    if (EXACT_COLUMNS.has(column)) {
      const v = canonical(value);
      return (row) => norm(String(row[column])) === v;
    }
    return (row) => norm(String(row[column])).includes(norm(value));
  }
  const word = canonical(term);
  for (const { column, values } of CONDITIONS) {
    if (word !== "any" && values.includes(word)) return (row) => row[column] === word;
  }
  if (word === "built-in" || word === "user") return (row) => row.origin === word;
  return (row) => TEXT_COLUMNS.some((c) => norm(String(row[c])).includes(word));
}

/**
 * The rows matching every word of `filter` (separated by spaces or commas). A condition word
 * (patent, know_how, approval, no_approval, startup, sme, large, exclusive, non_exclusive,
 * assignment, and Japanese equivalents) selects that condition; built-in or user selects the
 * origin; column:value compares one column (exactly for units and conditions); any other word is
 * searched in the key, unit, base, descriptions and citation.
 */
export function filterBands(rows: readonly BandRow[], filter: string | undefined, argument = "filter"): BandRow[] {
  const terms = (filter ?? "").split(/[\s,、;；]+/).filter((t) => t !== "");
  if (terms.length === 0) return [...rows];
  const tests = terms.map((t) => termTest(t, argument));
  const out = rows.filter((r) => tests.every((t) => t(r)));
  if (out.length === 0) {
    throw notAvailable(`No band matches "${(filter ?? "").trim()}". =IPVALUE.BANDS() lists all ${rows.length}; filter by a word, a condition (startup, approval, know_how …) or column:value.`);
  }
  return out;
}

/** The BANDS table: the header row (BAND_COLUMNS) and one row per band. */
export function bandsTable(rows: readonly BandRow[]): (number | string)[][] {
  return [[...BAND_COLUMNS], ...rows.map(bandCells)];
}
