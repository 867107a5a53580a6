/**
 * The office's own comparables: terms read from its documents (EXTRACTTERMS' engine function) or rows
 * of a royalty-database export (./royalty-csv.ts), turned into user bands in exactly the layout BANDS
 * spills, so that =IPVALUE.BANDS("", IpvalueUserBands[#All]) and BANDSTATS read them. Each band also
 * carries an `internal` mark (the extra column the user-bands reader ignores), ticked by default: a
 * university's own past deals are confidential. Pure: the sheet is written by ../office/comparables.ts.
 */
import {
  Band,
  BAND_COLUMNS,
  BandColumn,
  EXCLUSIVITY_TYPES,
  Exclusivity,
  ExtractedKind,
  ExtractedTerm,
  LICENSEE_TYPES,
  LicenseeType,
  parseUserBands,
  RawValue,
  REGULATORY_PATHS,
  RegulatoryPath,
  RIGHT_TYPES,
  RightType,
  Text,
  ValuationError,
} from "../../engine";
import { decisionInternal } from "../../model/table-layout";
import { AMOUNT_FORMAT, forExcel, GENERAL, PERCENT_FORMAT } from "./cells";

export const USER_BANDS_SHEET = "IPVALUE bands";
export const USER_BANDS_TABLE = "IpvalueUserBands";
/** The header's first cell (0-based): A3, under a caption in A2 and the sheet's note in A1. */
export const USER_BANDS_AT = { row: 2, column: 0 };
/** The column after BANDS' columns: TRUE for a band that is not for the counterparty. */
export const INTERNAL_COLUMN = "internal";
export const USER_BANDS_HEADER: readonly string[] = [...BAND_COLUMNS, INTERNAL_COLUMN];

export const USER_BANDS_CAPTIONS: { note: Text; caption: Text } = {
  note: {
    en: "INTERNAL — the office's own comparables (past agreements, database exports): not for the counterparty unless a row's internal is FALSE.",
    ja: "社外秘 — 自機関の比較対象（過去の契約・データベースの書き出し）。internal が FALSE の行以外は相手方に出さないでください。",
  },
  caption: {
    en: 'Your own bands in the layout of IPVALUE.BANDS: use them with =IPVALUE.BANDS("", IpvalueUserBands[#All]) or =IPVALUE.BANDSTATS("", IpvalueUserBands[#All])',
    ja: '自機関のバンド（IPVALUE.BANDS と同じ形）。=IPVALUE.BANDS("", IpvalueUserBands[#All]) や =IPVALUE.BANDSTATS("", IpvalueUserBands[#All]) で使えます',
  },
};

/** One band as written into the table: BANDS' columns (origin always "user") and the internal mark. */
export interface UserBandRow extends Omit<Band, "unit"> {
  /** The unit as written (a rate on net sales, an amount per year …), checked when BANDS reads the table. */
  unit: string;
  internal: boolean;
}

/** What the user says about every term of one document (or every row of one export). */
export interface Conditions {
  right: RightType;
  regulatory: RegulatoryPath;
  licensee: LicenseeType;
  exclusivity: Exclusivity;
  /** The technology field (医療機器, software …): written into the descriptions, so BANDS' filter finds it. */
  field: string;
  /** Year of the agreement; "" for none. */
  year: number | "";
  /** The document's name: the bands' source column. */
  source: string;
  internal: boolean;
}

export const DEFAULT_CONDITIONS: Conditions = {
  right: "any",
  regulatory: "any",
  licensee: "any",
  exclusivity: "any",
  field: "",
  year: "",
  source: "",
  internal: true,
};

export const CONDITION_CHOICES = {
  right: RIGHT_TYPES,
  regulatory: REGULATORY_PATHS,
  licensee: LICENSEE_TYPES,
  exclusivity: EXCLUSIVITY_TYPES,
} as const;

/** A term as the user reviews it: the extracted one, possibly fixed, or dropped. */
export interface ReviewedTerm {
  kind: ExtractedKind;
  low: number | null;
  high: number | null;
  unit: ExtractedTerm["unit"];
  excerpt: string;
  keep: boolean;
}

export const reviewOf = (terms: readonly ExtractedTerm[]): ReviewedTerm[] => terms.map((t) => ({ ...t, keep: true }));

/** The terms' names as the pane and the bands' descriptions show them. */
export const KIND_LABELS: Record<ExtractedKind, Text> = {
  royalty_rate: { en: "Running royalty", ja: "ランニング・ロイヤルティ（実施料率）" },
  upfront: { en: "Upfront fee", ja: "契約一時金" },
  annual_minimum: { en: "Minimum annual royalty", ja: "最低実施料（年額）" },
  milestone: { en: "Milestone payment", ja: "マイルストーン" },
  equity_share: { en: "Equity", ja: "株式（持分）" },
  success_fee: { en: "Success fee", ja: "成功報酬" },
  sublicense_share: { en: "Share of sublicense income", ja: "サブライセンス収入の分配" },
  annual_fee: { en: "Annual fee", ja: "年間維持料" },
  unknown: { en: "Not known — choose the term", ja: "不明 — 条件の種類を選んでください" },
};

/** The band unit of a rate for each term (a rate of a term priced in money is refused). */
const RATE_UNIT: Partial<Record<ExtractedKind, string>> = {
  royalty_rate: "share_of_net_sales",
  sublicense_share: "share_of_sublicense_income",
  equity_share: "share_of_equity",
  success_fee: "share_of_exit_value",
};
/** The band unit of an amount for each term (an amount of a term that is a rate is refused). */
const AMOUNT_UNIT: Partial<Record<ExtractedKind, string>> = {
  upfront: "amount",
  milestone: "amount",
  success_fee: "amount",
  annual_minimum: "amount_per_year",
  annual_fee: "amount_per_year",
};
const BASE: Partial<Record<string, Text>> = {
  share_of_net_sales: { en: "net sales of licensed products", ja: "許諾製品の正味販売高" },
  share_of_sublicense_income: { en: "the licensee's sublicense income", ja: "ライセンシーのサブライセンス収入" },
  share_of_equity: { en: "shares of the licensee", ja: "ライセンシーの株式" },
  share_of_exit_value: { en: "the company's exit value", ja: "企業のエグジット価値" },
};

/** A term that cannot become a band, and why (en/ja): shown beside it, never dropped silently. */
export interface Refusal {
  /** The term's place in the review (0-based) or the export's row (1-based, as a spreadsheet counts). */
  at: number;
  reason: Text;
}

export interface BandsFrom {
  rows: UserBandRow[];
  refused: Refusal[];
}

/** Why a reviewed term cannot be saved as it is; null when it can. */
export function termProblem(t: ReviewedTerm): Text | null {
  if (t.kind === "unknown") return { en: "Choose which term this figure is, or drop it.", ja: "この数値がどの条件か選ぶか、除外してください。" };
  if (t.low === null || t.high === null || !Number.isFinite(t.low) || !Number.isFinite(t.high))
    return { en: "The figure could not be read: type it, or drop the term.", ja: "数値を読み取れませんでした。入力するか、除外してください。" };
  if (t.low < 0 || t.high < 0) return { en: "The figure is negative.", ja: "数値が負です。" };
  if (t.low > t.high) return { en: "The low end is above the high end.", ja: "下限が上限を上回っています。" };
  if (t.unit === "rate") {
    if (!RATE_UNIT[t.kind]) return { en: "This term is an amount of money, but the figure is a rate.", ja: "この条件は金額ですが、数値が率です。" };
    if (t.high > 1) return { en: "A rate above 100%.", ja: "率が100%を超えています。" };
  } else if (!AMOUNT_UNIT[t.kind]) {
    return { en: "This term is a rate, but the figure is an amount of money.", ja: "この条件は率ですが、数値が金額です。" };
  }
  return null;
}

/** A slug of a text for a key: lower-case ASCII letters, digits and underscores (may be ""). */
function slug(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 24)
    .replace(/_+$/, "");
}

/**
 * Keys that are new in the table: `own_<source>_<n>` (or `<prefix>_…`), numbered past those taken (any
 * case). The prefix keeps them clear of the built-in keys, which a user band with the same key overrides.
 */
export function newKeys(count: number, prefix: string, source: string, taken: Iterable<string>): string[] {
  const used = new Set([...taken].map((k) => k.trim().toLowerCase()));
  const stem = [prefix, slug(source)].filter((s) => s !== "").join("_");
  const keys: string[] = [];
  for (let n = 1; keys.length < count; n++) {
    const k = `${stem}_${n}`;
    if (!used.has(k)) {
      keys.push(k);
      used.add(k);
    }
  }
  return keys;
}

const withField = (label: string, field: string, word: string) => (field.trim() === "" ? label : `${label} — ${word}: ${field.trim()}`);

/**
 * The kept terms as user bands under the conditions; a kept term that cannot be one (termProblem) is
 * refused with its reason, and nothing is saved until it is fixed or dropped (the pane says which).
 * The excerpt is the band's locator: where in the document the figure is.
 */
export function bandsFromTerms(terms: readonly ReviewedTerm[], c: Conditions, taken: Iterable<string>): BandsFrom {
  const refused: Refusal[] = [];
  const kept: { t: ReviewedTerm; unit: string }[] = [];
  terms.forEach((t, i) => {
    if (!t.keep) return;
    const problem = termProblem(t);
    if (problem) refused.push({ at: i, reason: problem });
    else kept.push({ t, unit: t.unit === "rate" ? RATE_UNIT[t.kind]! : AMOUNT_UNIT[t.kind]! });
  });
  const keys = newKeys(kept.length, "own", c.source, taken);
  const rows = kept.map(({ t, unit }, i): UserBandRow => {
    const base = BASE[unit];
    return {
      key: keys[i],
      low: t.low!,
      high: t.high!,
      unit,
      currency: t.unit === "rate" ? "" : t.unit,
      base: base ? base.en : "",
      right: c.right,
      regulatory: c.regulatory,
      licensee: c.licensee,
      exclusivity: c.exclusivity,
      description_en: withField(KIND_LABELS[t.kind].en, c.field, "field"),
      description_ja: withField(KIND_LABELS[t.kind].ja, c.field, "分野"),
      source: c.source.trim(),
      locator: t.excerpt,
      page: "",
      year: c.year,
      internal: c.internal,
    };
  });
  return { rows, refused };
}

/** A year typed in the conditions: "" for none, else an integer from 1900 to 2200; undefined when it is neither. */
export function parseYear(typed: string): number | "" | undefined {
  const t = typed.normalize("NFKC").trim();
  if (t === "") return "";
  if (!/^\d{4}$/.test(t)) return undefined;
  const y = Number(t);
  return y >= 1900 && y <= 2200 ? y : undefined;
}

export type TableCell = string | number | boolean;

/** One band's cells in the table's column order (texts as Excel must receive them to stay texts). */
export function rowCells(r: UserBandRow): TableCell[] {
  return USER_BANDS_HEADER.map((h): TableCell => {
    if (h === "origin") return "user";
    if (h === INTERNAL_COLUMN) return r.internal;
    const v = r[h as Exclude<BandColumn, "origin">];
    return typeof v === "string" ? (forExcel(v) as string) : v;
  });
}

/** The number formats of a band's cells: shares as percentages, amounts with thousands separators. */
export function rowFormats(r: UserBandRow): string[] {
  const f = r.unit.startsWith("share_of_") ? PERCENT_FORMAT : r.unit.startsWith("amount") ? AMOUNT_FORMAT : GENERAL;
  return USER_BANDS_HEADER.map((h) => (h === "low" || h === "high" ? f : GENERAL));
}

/** The keys of a table as read (its header row first), to number new bands past them. */
export function keysIn(values: readonly (readonly unknown[])[]): string[] {
  if (values.length === 0) return [];
  const at = values[0].findIndex((h) => typeof h === "string" && h.trim().toLowerCase() === "key");
  if (at < 0) return [];
  return values
    .slice(1)
    .map((r) => String(r[at] ?? ""))
    .filter((k) => k.trim() !== "");
}

/**
 * Checks a table read from the workbook still has BANDS' columns where the pane writes them (a user may
 * have moved or renamed one); the problem, or null. New rows are written in USER_BANDS_HEADER's order.
 */
export function headerProblem(header: readonly unknown[]): Text | null {
  const same = header.length === USER_BANDS_HEADER.length && header.every((h, i) => typeof h === "string" && h.trim().toLowerCase() === USER_BANDS_HEADER[i]);
  if (same) return null;
  return {
    en: `The table ${USER_BANDS_TABLE} no longer has its columns in IPVALUE's order (${USER_BANDS_HEADER.join(", ")}): put them back, or rename the table to keep it and let IPVALUE make a new one.`,
    ja: `表 ${USER_BANDS_TABLE} の列が IPVALUE の順序（${USER_BANDS_HEADER.join(", ")}）ではなくなっています。元に戻すか、表の名前を変えて残し、IPVALUE に新しい表を作らせてください。`,
  };
}

/**
 * The rows with every key taken meanwhile (another pane, a user typing in the grid) renumbered on the
 * same stem, so a save never makes two bands with one key (which BANDS refuses).
 */
export function withFreshKeys(rows: readonly UserBandRow[], taken: Iterable<string>): UserBandRow[] {
  const takenKeys = new Set([...taken].map((k) => k.trim().toLowerCase()));
  // The rows' own keys that are still free stay theirs; only a key taken (or given twice) moves.
  const used = new Set(takenKeys);
  const keeps = rows.map((r) => {
    const k = r.key.toLowerCase();
    if (used.has(k)) return false;
    used.add(k);
    return true;
  });
  return rows.map((r, i) => {
    if (keeps[i]) return r;
    const stem = r.key.replace(/_\d+$/, "");
    let n = 1;
    while (used.has(`${stem}_${n}`)) n++;
    used.add(`${stem}_${n}`);
    return { ...r, key: `${stem}_${n}` };
  });
}

/**
 * The workbook's own bands as the pane uses them beside the built-in ones (the band filter, its list,
 * the football field's band bar): the bands as BANDS reads the table, and the keys of those not for the
 * counterparty (internal unless the cell says plainly FALSE, as the sheet's note says).
 */
export interface SavedBands {
  bands: Band[];
  /** Keys (as written) of the internal bands. */
  internal: string[];
  /** Why the table cannot be read (the pane then uses the built-in bands only, and says so). */
  problem?: Text;
}

export const NO_SAVED_BANDS: SavedBands = { bands: [], internal: [] };

/** Reads the IpvalueUserBands table (header row first; null when there is none). */
export function readSavedBands(values: readonly (readonly RawValue[])[] | null): SavedBands {
  if (!values || values.length === 0) return NO_SAVED_BANDS;
  let bands: Band[];
  try {
    bands = parseUserBands(values, USER_BANDS_TABLE);
  } catch (e) {
    if (!(e instanceof ValuationError)) throw e;
    return { ...NO_SAVED_BANDS, problem: { en: e.in("en"), ja: e.in("ja") } };
  }
  const header = values[0].map((h) =>
    String(h ?? "")
      .trim()
      .toLowerCase()
  );
  const [keyAt, internalAt] = [header.indexOf("key"), header.indexOf(INTERNAL_COLUMN)];
  const internal = values
    .slice(1)
    .filter((r) => String(r[keyAt] ?? "").trim() !== "" && (internalAt < 0 || decisionInternal(r[internalAt])))
    .map((r) => String(r[keyAt]).trim());
  return { bands, internal };
}

/** Whether a band key is one of the office's internal bands (keys compare without case, as BANDS does). */
export const isInternalBand = (saved: SavedBands, key: string): boolean => saved.internal.some((k) => k.toLowerCase() === key.toLowerCase());
