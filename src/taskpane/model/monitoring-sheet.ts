/**
 * The "IPVALUE monitoring" sheet (the same name in Japanese, so formulas over it stay valid), where
 * license monitoring is stored in the post-signing functions' layout, each block growing downward with
 * nothing below it:
 *
 *   A1 ipvalue_monitoring | B1 layout version | C1 a note for people
 *   A3 caption, A4: table IpvalueMonitoring  item | value   (start_date, report_due_days, audit_interval_months, threshold, interest_rate, audit_cost)
 *   D3 caption, D4: table IpvalueReports     year | sales | royalty_paid   one row per contract year reported
 *   H3 caption, H4: table IpvalueSigned      key | value   the signed terms (written by the pane: the offer's terms over the Base scenario's)
 *   K3 caption, K4: =IPVALUE.AUDIT(IpvalueReports[sales], IpvalueReports[royalty_paid], IpvalueSigned[#All], threshold, interest_rate, audit_cost, first year)
 *   T3 caption, T4: =IPVALUE.TRACK(IpvalueAssumptions[#All], IpvalueReports[sales])
 *
 * so the checks work in Excel without the pane. Pure: the blocks as written and their reading back;
 * the Office.js glue is ../office/monitoring.ts.
 */
import type { CellValue, RawValue, Text } from "../../engine";
import type { Language } from "../../model/language";
import { EditError } from "../../model/scenario-set";
import { DEFAULT_SETTINGS, formatDate, Monitoring, MonitoringSettings, parseDate, Report, SettingKey } from "./monitoring";
import { AMOUNT_FORMAT, asText, cellName, GENERAL, PERCENT_FORMAT } from "./cells";
import { ASSUMPTIONS_TABLE } from "./storage-sheet";

export const MONITORING_SHEET = "IPVALUE monitoring";
export const SETTINGS_TABLE = "IpvalueMonitoring";
export const REPORTS_TABLE = "IpvalueReports";
export const SIGNED_TABLE = "IpvalueSigned";
export const MONITORING_MARKER = "ipvalue_monitoring";
export const MONITORING_VERSION = 1;

/** Where each block's header is (0-based); its caption is the row above. */
export const SETTINGS_AT = { row: 3, column: 0 }; // A4
export const REPORTS_AT = { row: 3, column: 3 }; // D4
export const SIGNED_AT = { row: 3, column: 7 }; // H4
export const AUDIT_AT = { row: 3, column: 10 }; // K4
export const TRACK_AT = { row: 3, column: 19 }; // T4

/** The settings rows, in order: the pane's key and the item as the table names it. */
export const SETTING_ITEMS: readonly [SettingKey, string][] = [
  ["startDate", "start_date"],
  ["reportDueDays", "report_due_days"],
  ["auditIntervalMonths", "audit_interval_months"],
  ["threshold", "threshold"],
  ["interestRate", "interest_rate"],
  ["auditCost", "audit_cost"],
];
export const REPORTS_HEADER = ["year", "sales", "royalty_paid"] as const;

const NOTE: Text = {
  en: "IPVALUE license monitoring — type the licensee's reports and the settings here or in the task pane",
  ja: "IPVALUE ライセンス後の管理 — ライセンシーの報告と設定はここでも作業ウィンドウでも入力できます",
};
export const CAPTIONS: Record<"settings" | "reports" | "signed" | "audit" | "track", Text> = {
  settings: { en: "Monitoring settings (rates are decimals shown as %)", ja: "管理の設定（率は小数。%表示）" },
  reports: { en: "Royalty reports: contract year, net sales, royalty paid", ja: "ロイヤルティ報告：契約年・正味販売高・支払ロイヤルティ" },
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

/** The reports in year order; an Excel table needs a row, so none is one blank row. */
export function reportsBlock(reports: readonly Report[]): Block {
  const rows: CellValue[][] = [...reports].sort((a, b) => a.year - b.year).map((r) => [r.year, r.sales ?? "", r.royaltyPaid ?? ""]);
  if (rows.length === 0) rows.push(["", "", ""]);
  return { values: [[...REPORTS_HEADER], ...rows], numberFormat: [[GENERAL, GENERAL, GENERAL], ...rows.map(() => [GENERAL, AMOUNT_FORMAT, AMOUNT_FORMAT])] };
}

export function signedBlock(rows: readonly [string, RawValue][]): Block {
  const body: CellValue[][] = rows.map(([k, v]) => [k, typeof v === "string" ? asText(v) : v === undefined || v === null ? "" : (v as CellValue)]);
  if (body.length === 0) body.push(["", ""]);
  return { values: [["key", "value"], ...body], numberFormat: [[GENERAL, GENERAL], ...body.map(() => [GENERAL, GENERAL])] };
}

const setting = (item: string) => `INDEX(${SETTINGS_TABLE}[value],MATCH("${item}",${SETTINGS_TABLE}[item],0))`;

/** The live checks: what the pane shows, as native formulas. */
export const AUDIT_FORMULA = `=IPVALUE.AUDIT(${REPORTS_TABLE}[sales],${REPORTS_TABLE}[royalty_paid],${SIGNED_TABLE}[#All],${setting("threshold")},${setting("interest_rate")},${setting("audit_cost")},MIN(${REPORTS_TABLE}[year]))`;
export const TRACK_FORMULA = `=IPVALUE.TRACK(${ASSUMPTIONS_TABLE}[#All],${REPORTS_TABLE}[sales])`;

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

/** The reports table as read (header included): rows left blank are skipped; a year must be whole, 1 to 100, and once only. */
export function readReports(values: readonly (readonly RawValue[])[], at = REPORTS_AT): Report[] {
  const reports: Report[] = [];
  values.slice(1).forEach((row, i) => {
    if (row.slice(0, 3).every(blank)) return;
    const [year, sales, paid] = row;
    if (typeof year !== "number" || !Number.isInteger(year) || year < 1 || year > 100)
      refuseCell(at, i + 1, 0, "the contract year must be a whole number from 1 to 100.", "契約年は1〜100の整数にしてください。");
    if (reports.some((r) => r.year === year)) refuseCell(at, i + 1, 0, `year ${year} is reported twice.`, `${year}年目の報告が重複しています。`);
    const amount = (v: RawValue, c: number): number | null => {
      if (blank(v)) return null;
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0) refuseCell(at, i + 1, c, "enter an amount of 0 or more.", "0以上の金額を入力してください。");
      return v;
    };
    reports.push({ year, sales: amount(sales, 1), royaltyPaid: amount(paid, 2) });
  });
  return reports.sort((a, b) => a.year - b.year);
}

export const readMonitoring = (settings: readonly (readonly RawValue[])[] | null, reports: readonly (readonly RawValue[])[] | null): Monitoring => ({
  settings: settings ? readSettings(settings) : { ...DEFAULT_SETTINGS },
  reports: reports ? readReports(reports) : [],
});
