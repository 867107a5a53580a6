/**
 * Import of a royalty-database export (ktMINE, RoyaltySource, RoyaltyRange, RoyaltyStat, or the office's
 * own list): a CSV file or a table pasted from a sheet (tabs), parsed by papaparse. The usual columns are
 * found by their English or Japanese headers; the mapping (and how rates are written) is shown to the user
 * before anything is saved, and may be changed. Every row becomes a user band (./comparables.ts) or is
 * refused with its row number and reason: none is dropped silently. Pure.
 */
import Papa from "papaparse";
import type { Text } from "../../engine";
import { Conditions, newKeys, Refusal, UserBandRow } from "./comparables";

/** What a column of the export can be. */
export const CSV_FIELDS = ["licensor", "licensee", "industry", "code", "rate", "low", "high", "base", "year", "source"] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

export const CSV_FIELD_LABELS: Record<CsvField, Text> = {
  licensor: { en: "Licensor", ja: "ライセンサー" },
  licensee: { en: "Licensee", ja: "ライセンシー" },
  industry: { en: "Industry", ja: "業種" },
  code: { en: "SIC / NAICS code", ja: "SIC・NAICS コード" },
  rate: { en: "Royalty rate (one figure)", ja: "料率（単一値）" },
  low: { en: "Royalty low", ja: "料率（下限）" },
  high: { en: "Royalty high", ja: "料率（上限）" },
  base: { en: "Royalty base", ja: "算定基礎" },
  year: { en: "Year", ja: "年" },
  source: { en: "Source", ja: "出典" },
};

/** Header words of each field, compared after NFKC, lower case and without spaces, _ , - , / and brackets. */
const HEADER_WORDS: Record<CsvField, readonly string[]> = {
  licensor: ["licensor", "licensorname", "licensors", "ライセンサー", "許諾者", "実施許諾者", "権利者"],
  licensee: ["licensee", "licenseename", "licensees", "ライセンシー", "実施権者", "被許諾者", "実施者"],
  industry: ["industry", "sector", "industrysector", "field", "technology", "technologyfield", "業種", "産業", "分野", "技術分野"],
  code: ["sic", "siccode", "naics", "naicscode", "sicnaics", "industrycode", "産業分類", "産業分類コード", "業種コード"],
  rate: ["royalty", "royaltyrate", "rate", "royalty%", "rate%", "料率", "実施料率", "ロイヤルティ", "ロイヤルティ料率", "ロイヤリティ", "ロイヤリティ料率"],
  low: [
    "royaltylow",
    "lowroyalty",
    "low",
    "min",
    "minimum",
    "ratelow",
    "royaltyratelow",
    "royaltymin",
    "下限",
    "料率下限",
    "実施料率下限",
    "最低料率",
    "ロイヤルティ下限",
    "ロイヤリティ下限",
  ],
  high: [
    "royaltyhigh",
    "highroyalty",
    "high",
    "max",
    "maximum",
    "ratehigh",
    "royaltyratehigh",
    "royaltymax",
    "上限",
    "料率上限",
    "実施料率上限",
    "最高料率",
    "ロイヤルティ上限",
    "ロイヤリティ上限",
  ],
  base: ["base", "royaltybase", "basis", "対象", "算定基礎", "算定ベース", "ベース", "計算基礎"],
  year: ["year", "date", "agreementdate", "effectivedate", "dealyear", "年", "契約年", "年度", "契約日", "締結日", "締結年"],
  source: ["source", "database", "reference", "citation", "出典", "情報源", "データベース", "引用"],
};

const headerWord = (h: string): string =>
  h
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-/()[\]（）「」・.]+/g, "");

/** The column (0-based) each field is read from; absent = not in the export. */
export type Mapping = Partial<Record<CsvField, number>>;

/** How the export writes rates: "percent" (5 or 5% = 0.05) or "decimal" (0.05; 5% still reads 0.05). */
export type RateStyle = "percent" | "decimal";

export interface ParsedCsv {
  header: string[];
  /** The rows under the header, with their row number in the file (1 = the header). */
  rows: { line: number; cells: string[] }[];
  /** Rows with nothing in them: not bands, counted so the pane can say so. */
  blankRows: number;
  mapping: Mapping;
  rateStyle: RateStyle;
}

export class CsvError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

/** The field of a header, if it is one of the usual names. */
export function fieldOfHeader(h: string): CsvField | undefined {
  const w = headerWord(h);
  if (w === "") return undefined;
  return CSV_FIELDS.find((f) => HEADER_WORDS[f].includes(w));
}

/** The mapping found from the header: each field from the first column whose header names it. */
export function detectMapping(header: readonly string[]): Mapping {
  const m: Mapping = {};
  header.forEach((h, c) => {
    const f = fieldOfHeader(h);
    if (f !== undefined && m[f] === undefined) m[f] = c;
  });
  return m;
}

/** A number as an export writes it: ASCII or full-width digits, thousands commas, a % sign; undefined otherwise. */
function readNumber(cell: string): { value: number; percent: boolean } | undefined {
  const t = cell.normalize("NFKC").trim().replace(/,/g, "");
  const m = /^([-+]?(?:\d+\.?\d*|\.\d+))\s*(%|パーセント)?$/.exec(t);
  if (!m) return undefined;
  return { value: Number(m[1]), percent: m[2] !== undefined };
}

/**
 * How the plain figures (without %) are written: percentages when any is above 1 (5 means 5%), else
 * decimals. A figure marked % is a percentage whatever the style.
 */
export function detectRateStyle(rows: readonly { cells: string[] }[], mapping: Mapping): RateStyle {
  const cols = (["rate", "low", "high"] as const).map((f) => mapping[f]).filter((c): c is number => c !== undefined);
  for (const r of rows) {
    for (const c of cols) {
      const n = readNumber(r.cells[c] ?? "");
      if (n && !n.percent && n.value > 1) return "percent";
    }
  }
  return "decimal";
}

/**
 * Parses the export: CSV (commas, semicolons) or a pasted table (tabs), papaparse finding the delimiter.
 * The first non-blank row is the header. Refused (CsvError) when there is no header and at least one row.
 */
export function parseRoyaltyCsv(text: string): ParsedCsv {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: false, delimitersToGuess: ["\t", ",", ";", "|"] });
  const all = parsed.data.map((cells, i) => ({ line: i + 1, cells: cells.map((c) => (c ?? "").trim()) }));
  const isBlank = (r: { cells: string[] }) => r.cells.every((c) => c === "");
  const first = all.findIndex((r) => !isBlank(r));
  if (first < 0) throw new CsvError({ en: "The file or the pasted text is empty.", ja: "ファイルまたは貼り付けたテキストが空です。" });
  const header = all[first].cells;
  let end = all.length;
  while (end > first + 1 && isBlank(all[end - 1])) end--; // the file's last line break is no row
  const body = all.slice(first + 1, end);
  const rows = body.filter((r) => !isBlank(r));
  if (rows.length === 0) throw new CsvError({ en: "There is a header row but no rows under it.", ja: "見出し行はありますが、その下に行がありません。" });
  const mapping = detectMapping(header);
  return { header, rows, blankRows: body.length - rows.length, mapping, rateStyle: detectRateStyle(rows, mapping) };
}

/** What is missing from a mapping before it can be used; null when it can. */
export function mappingProblem(m: Mapping): Text | null {
  if (m.rate === undefined && m.low === undefined && m.high === undefined) {
    return {
      en: "No column holds the royalty rate: choose the column of the rate, or of its low and high.",
      ja: "料率の列がありません。料率の列（または下限・上限の列）を選んでください。",
    };
  }
  return null;
}

function readYear(cell: string): number | "" | undefined {
  const t = cell.normalize("NFKC").trim();
  if (t === "") return "";
  // 2019, FY2019, 2019-05-01, 2019/5/1, 5/1/2019, 2019年5月: one year of four digits
  const years = t.match(/(?<!\d)(19|20|21)\d{2}(?!\d)/g);
  if (!years || years.length !== 1) return undefined;
  return Number(years[0]);
}

const quoteCell = (s: string) => (s.length > 30 ? `"${s.slice(0, 30)}…"` : `"${s}"`);

/** The bands of the export under the mapping; each row that cannot be read is refused with its row number and reason. */
export function bandsFromCsv(
  csv: ParsedCsv,
  mapping: Mapping,
  rateStyle: RateStyle,
  c: Conditions,
  fileName: string,
  taken: Iterable<string>
): {
  rows: UserBandRow[];
  refused: Refusal[];
} {
  const missing = mappingProblem(mapping);
  if (missing) throw new CsvError(missing);
  const refused: Refusal[] = [];
  const read: Omit<UserBandRow, "key">[] = [];
  const get = (cells: string[], f: CsvField) => (mapping[f] === undefined ? "" : (cells[mapping[f]!] ?? ""));
  for (const { line, cells } of csv.rows) {
    const refuse = (reason: Text) => refused.push({ at: line, reason });
    const rate = (f: "rate" | "low" | "high"): number | "" | undefined => {
      const cell = get(cells, f);
      if (cell.trim() === "") return "";
      const n = readNumber(cell);
      if (!n) return undefined;
      return n.percent || rateStyle === "percent" ? parseFloat((n.value / 100).toPrecision(15)) : n.value;
    };
    const values = { rate: rate("rate"), low: rate("low"), high: rate("high") };
    const bad = (["rate", "low", "high"] as const).find((f) => values[f] === undefined);
    if (bad) {
      const got = quoteCell(get(cells, bad));
      refuse({ en: `${CSV_FIELD_LABELS[bad].en} is not a number: ${got}.`, ja: `${CSV_FIELD_LABELS[bad].ja}が数値ではありません：${got}。` });
      continue;
    }
    const lowIn = values.low !== "" ? values.low : values.rate !== "" ? values.rate : values.high;
    const highIn = values.high !== "" ? values.high : values.rate !== "" ? values.rate : values.low;
    if (lowIn === "" || highIn === "" || lowIn === undefined || highIn === undefined) {
      refuse({ en: "No royalty rate in this row.", ja: "この行に料率がありません。" });
      continue;
    }
    if (lowIn < 0 || highIn > 1) {
      refuse({
        en: `The rate is outside 0%–100% (${+(lowIn * 100).toPrecision(12)}%–${+(highIn * 100).toPrecision(12)}%): check how rates are written.`,
        ja: `料率が0%〜100%の外です（${+(lowIn * 100).toPrecision(12)}%〜${+(highIn * 100).toPrecision(12)}%）。率の書き方を確認してください。`,
      });
      continue;
    }
    if (lowIn > highIn) {
      refuse({ en: "The low rate is above the high rate.", ja: "料率の下限が上限を上回っています。" });
      continue;
    }
    const year = readYear(get(cells, "year"));
    if (year === undefined) {
      const got = quoteCell(get(cells, "year"));
      refuse({ en: `The year cannot be read: ${got}.`, ja: `年を読み取れません：${got}。` });
      continue;
    }
    const licensor = get(cells, "licensor").trim();
    const licensee = get(cells, "licensee").trim();
    const industry = get(cells, "industry").trim() || c.field.trim();
    const code = get(cells, "code").trim();
    const parties = licensor || licensee ? `${licensor || "?"} → ${licensee || "?"}` : "";
    const en = [parties, industry && `industry: ${industry}`, code && `code: ${code}`].filter(Boolean).join("; ");
    const ja = [parties, industry && `業種: ${industry}`, code && `コード: ${code}`].filter(Boolean).join("；");
    read.push({
      low: lowIn,
      high: highIn,
      unit: "share_of_net_sales",
      currency: "",
      base: get(cells, "base").trim() || "net sales",
      right: c.right,
      regulatory: c.regulatory,
      licensee: c.licensee,
      exclusivity: c.exclusivity,
      description_en: en ? `Royalty rate — ${en}` : "Royalty rate",
      description_ja: ja ? `実施料率 — ${ja}` : "実施料率",
      source: get(cells, "source").trim() || c.source.trim() || fileName.trim(),
      locator: `${fileName.trim() || "import"}, row ${line}`,
      page: "",
      year: year === "" ? c.year : year,
      internal: c.internal,
    });
  }
  const keys = newKeys(read.length, "db", c.source || fileName.replace(/\.[a-z0-9]+$/i, ""), taken);
  return { rows: read.map((r, i) => ({ key: keys[i], ...r })), refused };
}
