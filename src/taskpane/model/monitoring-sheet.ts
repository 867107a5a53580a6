/**
 * The "IPVALUE monitoring" sheet (the same name in Japanese, so formulas over it stay valid), where
 * license monitoring is stored in the post-signing functions' layout, each block growing downward with
 * nothing below it:
 *
 *   A1 ipvalue_monitoring | B1 layout version | C1 a note for people
 *   A3 caption, A4: table IpvalueMonitoring  item | value   (start_date, report_due_days, audit_interval_months, threshold, interest_rate, audit_cost)
 *   D3 caption, D4: table IpvalueReports     year | sales | royalty_paid | quarter   one row per period reported (quarter blank = the whole year)
 *   H3 caption, H4: table IpvalueSigned      key | value   the signed terms (written by the pane: the offer's terms over the Base scenario's)
 *   K3 caption, K4: =IPVALUE.AUDIT(IpvalueReports[sales], IpvalueReports[royalty_paid], IpvalueSigned[#All], threshold, interest_rate, audit_cost, first year)
 *   T3 caption, T4: =IPVALUE.TRACK(IpvalueAssumptions[#All], IpvalueReports[sales])
 *   AD3 caption, AD4: table IpvalueYearly    year | sales | royalty_paid | quarters   the reports added up by contract year (written by the pane once a quarter is reported)
 *
 * so the checks work in Excel without the pane. The functions' years are contract years: once a report
 * is a quarter's, K4 and T4 read IpvalueYearly instead (the quarters added up to their year, the last
 * year left out while quarters of it are missing, an earlier such year's amounts blank so AUDIT refuses
 * it by name). Sheets of version 1 (year | sales | royalty_paid, no quarter column) read the same and
 * stay so until a quarter is reported. Pure: the blocks as written and their reading back; the Office.js
 * glue is ../office/monitoring.ts.
 */
import type { CellValue, Quarter, RawValue, Text } from "../../engine";
import type { Language } from "../../model/language";
import { EditError } from "../../model/scenario-set";
import {
  auditedYears,
  DEFAULT_SETTINGS,
  formatDate,
  Monitoring,
  MonitoringSettings,
  parseDate,
  periodName,
  Report,
  samePeriod,
  SettingKey,
} from "./monitoring";
import { AMOUNT_FORMAT, asText, cellName, GENERAL, PERCENT_FORMAT } from "./cells";
import { ASSUMPTIONS_TABLE } from "./storage-sheet";

export const MONITORING_SHEET = "IPVALUE monitoring";
export const SETTINGS_TABLE = "IpvalueMonitoring";
export const REPORTS_TABLE = "IpvalueReports";
export const SIGNED_TABLE = "IpvalueSigned";
export const YEARLY_TABLE = "IpvalueYearly";
export const MONITORING_MARKER = "ipvalue_monitoring";
export const MONITORING_VERSION = 1;

/** Where each block's header is (0-based); its caption is the row above. */
export const SETTINGS_AT = { row: 3, column: 0 }; // A4
export const REPORTS_AT = { row: 3, column: 3 }; // D4
export const SIGNED_AT = { row: 3, column: 7 }; // H4
export const AUDIT_AT = { row: 3, column: 10 }; // K4
export const TRACK_AT = { row: 3, column: 19 }; // T4 (TRACK spills 9 columns: T:AB)
export const YEARLY_AT = { row: 3, column: 29 }; // AD4

/** The settings rows, in order: the pane's key and the item as the table names it. */
export const SETTING_ITEMS: readonly [SettingKey, string][] = [
  ["startDate", "start_date"],
  ["reportDueDays", "report_due_days"],
  ["auditIntervalMonths", "audit_interval_months"],
  ["threshold", "threshold"],
  ["interestRate", "interest_rate"],
  ["auditCost", "audit_cost"],
];
/** The reports' columns; a version-1 sheet has the first three only (every report a whole year). */
export const REPORTS_HEADER = ["year", "sales", "royalty_paid", "quarter"] as const;
export const YEARLY_HEADER = ["year", "sales", "royalty_paid", "quarters"] as const;

const NOTE: Text = {
  en: "IPVALUE license monitoring — type the licensee's reports and the settings here or in the task pane",
  ja: "IPVALUE ライセンス後の管理 — ライセンシーの報告と設定はここでも作業ウィンドウでも入力できます",
};
export const CAPTIONS: Record<"settings" | "reports" | "signed" | "audit" | "track" | "yearly", Text> = {
  settings: { en: "Monitoring settings (rates are decimals shown as %)", ja: "管理の設定（率は小数。%表示）" },
  reports: {
    en: "Royalty reports: contract year, net sales, royalty paid, quarter (1–4; blank = the whole year)",
    ja: "ロイヤルティ報告：契約年・正味販売高・支払ロイヤルティ・四半期（1〜4。空欄は1年分）",
  },
  yearly: {
    en: "Reports by contract year (written by IPVALUE: quarters added up; read by the checks at K4 and T4)",
    ja: "契約年ごとの報告（IPVALUEが記入：四半期を合計。K4・T4の検査が参照）",
  },
  signed: {
    en: "Signed terms (written by IPVALUE: the offer's terms over the Base scenario's)",
    ja: "締結条件（IPVALUEが記入：提示条件＋基準シナリオの値）",
  },
  audit: { en: "Audit of the reports (IPVALUE.AUDIT)", ja: "報告の監査（IPVALUE.AUDIT）" },
  track: { en: "Plan against actual (IPVALUE.TRACK)", ja: "計画と実績（IPVALUE.TRACK）" },
};

export const markerRow = (language: Language): CellValue[][] => [[MONITORING_MARKER, MONITORING_VERSION, NOTE[language]]];

/** A block as written: values (texts already prefixed for Excel where needed) and number formats. */
export interface Block {
  values: CellValue[][];
  numberFormat: string[][];
}

const settingFormat = (k: SettingKey) => (k === "threshold" || k === "interestRate" ? PERCENT_FORMAT : k === "auditCost" ? AMOUNT_FORMAT : GENERAL);

export function settingsBlock(s: MonitoringSettings): Block {
  return {
    values: [
      ["item", "value"],
      ...SETTING_ITEMS.map(([k, item]): CellValue[] => [item, k === "startDate" ? (s.startDate === "" ? "" : `'${s.startDate}`) : s[k]]),
    ],
    numberFormat: [[GENERAL, GENERAL], ...SETTING_ITEMS.map(([k]) => [GENERAL, k === "startDate" ? "@" : settingFormat(k)])],
  };
}

/**
 * The reports in period order; an Excel table needs a row, so none is one blank row. `columns` 3 writes
 * a version-1 table (no quarter column), only for reports that are all whole years.
 */
export function reportsBlock(reports: readonly Report[], columns: 3 | 4 = 4): Block {
  const sorted = [...reports].sort((a, b) => a.year - b.year || (a.quarter ?? 0) - (b.quarter ?? 0));
  if (columns === 3 && sorted.some((r) => r.quarter !== null)) throw new Error("A quarter's report needs the quarter column.");
  const rows: CellValue[][] = sorted.map((r) => [r.year, r.sales ?? "", r.royaltyPaid ?? "", r.quarter ?? ""].slice(0, columns));
  if (rows.length === 0) rows.push(new Array<CellValue>(columns).fill(""));
  const formats = [GENERAL, AMOUNT_FORMAT, AMOUNT_FORMAT, GENERAL].slice(0, columns);
  return { values: [[...REPORTS_HEADER.slice(0, columns)], ...rows], numberFormat: [formats.map(() => GENERAL), ...rows.map(() => formats)] };
}

/**
 * The reports by contract year, as the checks read them (monitoring.ts auditedYears): a year's quarters
 * added up, the last year left out while some of its quarters are missing. Reports that cannot be added
 * up (a quarter missing in an earlier year, a year both whole and by quarter) leave the amounts of the
 * years concerned blank, so that AUDIT refuses them by year instead of reading 0.
 */
export function yearlyBlock(m: Monitoring): Block {
  let rows: CellValue[][];
  try {
    rows = auditedYears(m).years.map((y) => [y.year, y.sales ?? "", y.royaltyPaid ?? "", y.quarters ?? ""]);
  } catch {
    const years = [...new Set(m.reports.map((r) => r.year))].sort((a, b) => a - b);
    rows = years.map((year) => {
      const list = m.reports.filter((r) => r.year === year);
      const whole = list.length === 1 && list[0].quarter === null;
      return [year, whole ? (list[0].sales ?? "") : "", whole ? (list[0].royaltyPaid ?? "") : "", whole ? "" : list.length];
    });
  }
  if (rows.length === 0) rows.push(["", "", "", ""]);
  return {
    values: [[...YEARLY_HEADER], ...rows],
    numberFormat: [[GENERAL, GENERAL, GENERAL, GENERAL], ...rows.map(() => [GENERAL, AMOUNT_FORMAT, AMOUNT_FORMAT, GENERAL])],
  };
}

export function signedBlock(rows: readonly [string, RawValue][]): Block {
  const body: CellValue[][] = rows.map(([k, v]) => [k, typeof v === "string" ? asText(v) : v === undefined || v === null ? "" : (v as CellValue)]);
  if (body.length === 0) body.push(["", ""]);
  return { values: [["key", "value"], ...body], numberFormat: [[GENERAL, GENERAL], ...body.map(() => [GENERAL, GENERAL])] };
}

const setting = (item: string) => `INDEX(${SETTINGS_TABLE}[value],MATCH("${item}",${SETTINGS_TABLE}[item],0))`;

/** The live checks: what the pane shows, as formulas, over the reports (every report a whole year) or over the yearly totals (some by quarter). */
const auditOver = (table: string) =>
  `=IPVALUE.AUDIT(${table}[sales],${table}[royalty_paid],${SIGNED_TABLE}[#All],${setting("threshold")},${setting("interest_rate")},${setting("audit_cost")},MIN(${table}[year]))`;
export const AUDIT_FORMULA = auditOver(REPORTS_TABLE);
export const TRACK_FORMULA = `=IPVALUE.TRACK(${ASSUMPTIONS_TABLE}[#All],${REPORTS_TABLE}[sales])`;
export const AUDIT_YEARLY_FORMULA = auditOver(YEARLY_TABLE);
export const TRACK_YEARLY_FORMULA = `=IPVALUE.TRACK(${ASSUMPTIONS_TABLE}[#All],${YEARLY_TABLE}[sales])`;

/** The formulas K4 and T4 should hold for these reports. */
export const checkFormulas = (quarterly: boolean): { audit: string; track: string } =>
  quarterly ? { audit: AUDIT_YEARLY_FORMULA, track: TRACK_YEARLY_FORMULA } : { audit: AUDIT_FORMULA, track: TRACK_FORMULA };

/** A refusal of a cell that cannot be read, with where it is. */
function refuseCell(at: { row: number; column: number }, r: number, c: number, en: string, ja: string): never {
  const where = `'${MONITORING_SHEET}'!${cellName(at.row + r, at.column + c)}`;
  throw new EditError({ en: `${where}: ${en}`, ja: `${where}：${ja}` });
}

const blank = (v: unknown) => v === "" || v === null || v === undefined;

/** An Excel date serial (1 = 1900-01-01, counting Excel's 1900-02-29) as YYYY-MM-DD. */
const fromSerial = (n: number) => formatDate(new Date(Date.UTC(1899, 11, 30) + Math.round(n) * 86400000));

/** The settings table as read (header included); a blank value takes its default; one that cannot be read is refused. */
export function readSettings(values: readonly (readonly RawValue[])[], at = SETTINGS_AT): MonitoringSettings {
  const s: MonitoringSettings = { ...DEFAULT_SETTINGS };
  values.slice(1).forEach((row, i) => {
    const item = typeof row[0] === "string" ? row[0].trim().toLowerCase() : "";
    const found = SETTING_ITEMS.find(([, name]) => name === item);
    if (!found || blank(row[1])) return;
    const [k] = found;
    const v = row[1];
    if (k === "startDate") {
      const text = typeof v === "number" ? fromSerial(v) : String(v);
      const d = parseDate(text);
      if (!d) refuseCell(at, i + 1, 1, "the contract start must be a date (YYYY-MM-DD).", "契約開始日は日付（YYYY-MM-DD）にしてください。");
      s.startDate = formatDate(d);
      return;
    }
    const ok = typeof v === "number" && Number.isFinite(v) && v >= 0;
    const whole = ok && Number.isInteger(v);
    if (!ok || ((k === "reportDueDays" || k === "auditIntervalMonths") && !whole) || (k === "threshold" && (v as number) > 1))
      refuseCell(
        at,
        i + 1,
        1,
        `${found[1]} must be ${k === "threshold" ? "a decimal from 0 to 1" : whole || ok ? "a whole number" : "a number of 0 or more"}.`,
        `${found[1]} の値が正しくありません。`
      );
    (s as unknown as Record<string, number>)[k] = v as number;
  });
  return s;
}

/** A quarter cell as read: blank (the whole year), 1–4, or "Q1"–"Q4"; undefined when it is none of them. */
function readQuarter(v: RawValue): Quarter | null | undefined {
  if (blank(v)) return null;
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v.normalize("NFKC").trim().replace(/^q/i, "")) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 4 ? (n as Quarter) : undefined;
}

/**
 * The reports table as read (header included), its columns found by their header (a version-1 table has
 * no quarter column: every report a whole year): rows left blank are skipped; a year must be whole, 1 to
 * 100; a quarter 1 to 4 or blank; a period once only, and a year whole or by quarter, not both.
 */
export function readReports(values: readonly (readonly RawValue[])[], at = REPORTS_AT): Report[] {
  const header = (values[0] ?? []).map((h) => (typeof h === "string" ? h.trim().toLowerCase() : ""));
  const column = (name: string, fallback: number) => (header.includes(name) ? header.indexOf(name) : fallback);
  const [cy, cs, cp] = [column("year", 0), column("sales", 1), column("royalty_paid", 2)];
  const cq = header.indexOf("quarter");
  const reports: Report[] = [];
  values.slice(1).forEach((row, i) => {
    const cells = [cy, cs, cp, ...(cq >= 0 ? [cq] : [])].map((c) => row[c]);
    if (cells.every(blank)) return;
    const [year, sales, paid] = cells;
    if (typeof year !== "number" || !Number.isInteger(year) || year < 1 || year > 100)
      refuseCell(at, i + 1, cy, "the contract year must be a whole number from 1 to 100.", "契約年は1〜100の整数にしてください。");
    const quarter = cq >= 0 ? readQuarter(row[cq]) : null;
    if (quarter === undefined)
      refuseCell(at, i + 1, cq, "the quarter must be 1, 2, 3 or 4, or blank for the whole year.", "四半期は1〜4、または1年分なら空欄にしてください。");
    const p = { year: year as number, quarter: quarter as Quarter | null };
    const name = periodName(p);
    if (reports.some((r) => samePeriod(r, p)))
      refuseCell(at, i + 1, p.quarter === null ? cy : cq, `${name.en.toLowerCase()} is reported twice.`, `${name.ja}の報告が重複しています。`);
    if (reports.some((r) => r.year === p.year && (r.quarter === null) !== (p.quarter === null)))
      refuseCell(
        at,
        i + 1,
        cq >= 0 ? cq : cy,
        `year ${p.year} is reported both as a whole year and by quarter: keep one.`,
        `${p.year}年目が年単位と四半期ごとの両方で報告されています。どちらか一方にしてください。`
      );
    const amount = (v: RawValue, c: number): number | null => {
      if (blank(v)) return null;
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0) refuseCell(at, i + 1, c, "enter an amount of 0 or more.", "0以上の金額を入力してください。");
      return v;
    };
    reports.push({ ...p, sales: amount(sales, cs), royaltyPaid: amount(paid, cp) });
  });
  return reports.sort((a, b) => a.year - b.year || (a.quarter ?? 0) - (b.quarter ?? 0));
}

export const readMonitoring = (settings: readonly (readonly RawValue[])[] | null, reports: readonly (readonly RawValue[])[] | null): Monitoring => ({
  settings: settings ? readSettings(settings) : { ...DEFAULT_SETTINGS },
  reports: reports ? readReports(reports) : [],
});
