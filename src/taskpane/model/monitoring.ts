/**
 * License monitoring (ライセンス後の管理, issue 15): the royalty reports the licensee sent (contract year,
 * net sales, royalty paid), checked against the signed terms by the engine's own AUDIT and TRACK
 * (src/engine/post-signing.ts), and a reporting calendar (case 7: reports within 30 days of a year's
 * end, at most one audit per 12 months). Pure data and pure operations (each returns a new value); the
 * sheet layout is ./monitoring-sheet.ts, the Office.js glue ../office/monitoring.ts.
 *
 * The signed terms: the committee's offer term sheet, when it has terms, laid over the values of the
 * scenario the committee signs (pickScenario: the one named Base, else the middle one); else that
 * scenario's own terms. TRACK measures the reports against that scenario's plan, as
 * =IPVALUE.TRACK(IpvalueAssumptions[#All], …) does.
 */
import {
  audit,
  Audit,
  DEFAULT_AUDIT_THRESHOLD,
  DEFAULT_TRACK_TRIGGER,
  isBlank,
  pickScenario,
  RawValue,
  readAssumptionsTable,
  resolveAssumptions,
  resolveSignedTerms,
  Text,
  track,
  TrackYear,
  ValuationError,
  withTerms,
} from "../../engine";
import type { Language } from "../../model/language";
import { EditError, offerTermMap, readNumber, ScenarioSet } from "../../model/scenario-set";
import { assumptionsTableValues } from "../../model/table-layout";

/** One yearly report as typed; null = not typed yet. */
export interface Report {
  /** The contract year (1 = the first year after signing). */
  year: number;
  sales: number | null;
  royaltyPaid: number | null;
}

export interface MonitoringSettings {
  /** The contract's start (signing) date, YYYY-MM-DD; "" = not typed yet. */
  startDate: string;
  /** Days after a contract year's end within which its report is due (case 7: 30). */
  reportDueDays: number;
  /** The least months between two audits (case 7: 12). */
  auditIntervalMonths: number;
  /** The shortfall share of the total due from which the audit's cost is claimed (case 7: 0.05). */
  threshold: number;
  interestRate: number;
  auditCost: number;
}

export interface Monitoring {
  reports: Report[];
  settings: MonitoringSettings;
}

export type SettingKey = keyof MonitoringSettings;
export type ReportField = "sales" | "royaltyPaid";

export const DEFAULT_SETTINGS: MonitoringSettings = {
  startDate: "",
  reportDueDays: 30,
  auditIntervalMonths: 12,
  threshold: DEFAULT_AUDIT_THRESHOLD,
  interestRate: 0,
  auditCost: 0,
};

export const emptyMonitoring = (): Monitoring => ({ reports: [], settings: { ...DEFAULT_SETTINGS } });

/** Whether the user has typed anything: an empty monitoring is not written to the workbook. */
export const hasMonitoring = (m: Monitoring): boolean =>
  m.reports.length > 0 || (Object.keys(DEFAULT_SETTINGS) as SettingKey[]).some((k) => m.settings[k] !== DEFAULT_SETTINGS[k]);

const refuse = (en: string, ja: string): never => {
  throw new EditError({ en, ja });
};

/** A report added after the last one (the next contract year; year 1 first). */
export function addReport(m: Monitoring): Monitoring {
  const year = m.reports.length === 0 ? 1 : Math.max(...m.reports.map((r) => r.year)) + 1;
  if (year > 100) refuse("Contract years go up to 100.", "契約年は100年までです。");
  return { ...m, reports: [...m.reports, { year, sales: null, royaltyPaid: null }] };
}

export function removeReport(m: Monitoring, year: number): Monitoring {
  return { ...m, reports: m.reports.filter((r) => r.year !== year) };
}

/** Moves a report to another contract year (a whole number from 1 to 100 not reported yet). */
export function setReportYear(m: Monitoring, year: number, input: string): Monitoring {
  const n = readNumber(input);
  if (n === undefined || !(Number.isInteger(n) && n >= 1 && n <= 100))
    refuse("The contract year must be a whole number from 1 to 100.", "契約年は1〜100の整数にしてください。");
  if (n !== year && m.reports.some((r) => r.year === n)) refuse(`Year ${n} is reported already.`, `${n}年目の報告はすでにあります。`);
  return { ...m, reports: m.reports.map((r) => (r.year === year ? { ...r, year: n as number } : r)) };
}

/** An amount as typed: 0 or more, or blank (null). */
function readAmount(input: string, en: string, ja: string): number | null {
  const n = readNumber(input);
  if (n === undefined) return null;
  if (!(Number.isFinite(n) && n >= 0))
    refuse(`${en}: enter an amount of 0 or more, or leave it blank.`, `${ja}：0以上の金額を入力するか、空欄にしてください。`);
  return n as number;
}

export function setReport(m: Monitoring, year: number, field: ReportField, input: string): Monitoring {
  const i = m.reports.findIndex((r) => r.year === year);
  if (i < 0) refuse("That report no longer exists.", "その報告はもうありません。");
  const value =
    field === "sales"
      ? readAmount(input, `Year ${year} net sales`, `${year}年目の正味販売高`)
      : readAmount(input, `Year ${year} royalty paid`, `${year}年目の支払ロイヤルティ`);
  return { ...m, reports: m.reports.map((r, j) => (j === i ? { ...r, [field]: value } : r)) };
}

/** A YYYY-MM-DD date that exists (2026-02-30 does not); null otherwise. */
export function parseDate(text: string): Date | null {
  const t = text.normalize("NFKC").trim().replace(/[/.]/g, "-");
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? d : null;
}

export const formatDate = (d: Date): string => d.toISOString().slice(0, 10);

/** Sets one setting from what the user typed; the threshold and interest rate are typed as percentages. */
export function setSetting(m: Monitoring, key: SettingKey, input: string): Monitoring {
  const settings = { ...m.settings };
  if (key === "startDate") {
    const text = input.trim();
    if (text === "") settings.startDate = "";
    else {
      const d = parseDate(text);
      if (!d) refuse("Contract start: enter a date as YYYY-MM-DD (e.g. 2026-04-01).", "契約開始日：YYYY-MM-DD の形式で入力してください（例：2026-04-01）。");
      settings.startDate = formatDate(d as Date);
    }
    return { ...m, settings };
  }
  const n = readNumber(input);
  const fallback = DEFAULT_SETTINGS[key];
  const value = n === undefined ? fallback : key === "threshold" || key === "interestRate" ? n / 100 : n;
  const ok = Number.isFinite(value) && value >= 0;
  if (key === "reportDueDays" && !(ok && Number.isInteger(value) && value <= 366))
    refuse("Report due: enter a whole number of days from 0 to 366.", "報告期限：0〜366の整数の日数を入力してください。");
  if (key === "auditIntervalMonths" && !(ok && Number.isInteger(value) && value >= 1 && value <= 120))
    refuse("Audit interval: enter a whole number of months from 1 to 120.", "監査間隔：1〜120の整数の月数を入力してください。");
  if (key === "threshold" && !(ok && value <= 1)) refuse("Audit threshold: enter a percentage from 0 to 100.", "監査しきい値：0〜100の%で入力してください。");
  if ((key === "interestRate" || key === "auditCost") && !ok)
    refuse(
      key === "auditCost" ? "Audit cost: enter an amount of 0 or more." : "Interest rate: enter a percentage of 0 or more.",
      key === "auditCost" ? "監査費用：0以上の金額を入力してください。" : "利率：0以上の%で入力してください。"
    );
  (settings as Record<SettingKey, unknown>)[key] = value;
  return { ...m, settings };
}

/** The reports in year order. */
export const sortedReports = (m: Monitoring): Report[] => [...m.reports].sort((a, b) => a.year - b.year);

/** The signed terms as a key/value range (what =IPVALUE.AUDIT's terms argument reads): the offer's terms over the signed scenario's values. */
export function signedTermRows(set: ScenarioSet, language: Language): { scenario: string; rows: [string, RawValue][] } {
  const raws = readAssumptionsTable(assumptionsTableValues(set, language) as RawValue[][]);
  const base = raws[pickScenario(raws)];
  // The offer's terms in place of the scenario's own, as OFFER lays them (engine withTerms).
  const [signed] = withTerms([base], offerTermMap(set.decisions));
  const rows = Object.entries(signed.values).filter(([, v]) => !isBlank(v)) as [string, RawValue][];
  return { scenario: base.name, rows };
}

export interface MonitoringFigures {
  /** The scenario the terms and the plan come from. */
  scenario: string | null;
  audit: Audit | null;
  /** Why the audit cannot be made yet (a report blank, a gap in the years, a term refused). */
  auditProblem: Text | null;
  track: TrackYear[] | null;
  trackProblem: Text | null;
}

const message = (e: unknown): Text => {
  if (e instanceof EditError) return e.reason;
  if (e instanceof ValuationError) return e.text;
  throw e;
};

/** The reports' contract years must run one after another: AUDIT reads the i-th report as year first + i. */
function checkYears(reports: readonly Report[]): void {
  reports.forEach((r, i) => {
    if (i > 0 && r.year !== reports[i - 1].year + 1)
      refuse(
        `The report years must follow one another: year ${reports[i - 1].year + 1} is missing before year ${r.year}.`,
        `報告の年は連続している必要があります：${r.year}年目の前に${reports[i - 1].year + 1}年目がありません。`
      );
  });
}

/** The audit and the diligence check of the reports, by the engine's AUDIT and TRACK on the signed terms and plan. */
export function monitoringFigures(set: ScenarioSet, m: Monitoring, language: Language): MonitoringFigures {
  const reports = sortedReports(m);
  const out: MonitoringFigures = { scenario: null, audit: null, auditProblem: null, track: null, trackProblem: null };
  if (reports.length === 0) return out;
  const sales = reports.map((r) => r.sales);
  try {
    const signed = signedTermRows(set, language);
    out.scenario = signed.scenario;
    checkYears(reports);
    out.audit = audit(
      sales,
      reports.map((r) => r.royaltyPaid),
      resolveSignedTerms(new Map(signed.rows)),
      { threshold: m.settings.threshold, interestRate: m.settings.interestRate, auditCost: m.settings.auditCost, firstYear: reports[0].year }
    );
  } catch (e) {
    out.auditProblem = message(e);
  }
  try {
    checkYears(reports);
    if (reports[0].year !== 1)
      refuse("The plan is checked from contract year 1: add the reports from year 1.", "計画との比較は1年目からです。1年目からの報告を入力してください。");
    const raws = readAssumptionsTable(assumptionsTableValues(set, language, true) as RawValue[][]);
    const base = raws[pickScenario(raws)];
    out.scenario = base.name;
    out.track = track(resolveAssumptions(base.values, base.name, base.series), sales, DEFAULT_TRACK_TRIGGER);
  } catch (e) {
    out.trackProblem = message(e);
  }
  return out;
}

// ---- the reporting calendar ----

/** The date `months` months after d, the day kept where the month has it, else the month's last day. */
export function addMonths(d: Date, months: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
}

const addDays = (d: Date, days: number): Date => new Date(d.getTime() + days * 86400000);

/** The last day of contract year `year` counted from the start date (year 1 ends the day before the first anniversary). */
export const yearEnd = (start: Date, year: number): Date => addDays(addMonths(start, 12 * year), -1);

export interface CalendarEntry {
  year: number;
  yearEnd: string;
  due: string;
  /** Whether the report is in (sales and royalty paid both typed). */
  received: boolean;
  /** Not received and due before today. */
  overdue: boolean;
}

export interface Calendar {
  /** Each reported year and the next year to report, with its due date. */
  reports: CalendarEntry[];
  /** The next report not received yet. */
  nextReport: CalendarEntry | null;
  /** The earliest date an audit may next be made: the first interval's end from the start that is today or later. */
  nextAudit: string;
}

/** The calendar from the start date (null when none is typed); `today` as YYYY-MM-DD. */
export function reportingCalendar(m: Monitoring, today: string): Calendar | null {
  const start = parseDate(m.settings.startDate);
  const now = parseDate(today);
  if (!start || !now) return null;
  const reports = sortedReports(m);
  const years = reports.map((r) => r.year);
  const next = years.length === 0 ? 1 : years[years.length - 1] + 1;
  const entries = [...years, next].map((year): CalendarEntry => {
    const r = reports.find((x) => x.year === year);
    const received = !!r && r.sales !== null && r.royaltyPaid !== null;
    const end = yearEnd(start, year);
    const due = addDays(end, m.settings.reportDueDays);
    return { year, yearEnd: formatDate(end), due: formatDate(due), received, overdue: !received && due < now };
  });
  let k = 1;
  while (addMonths(start, k * m.settings.auditIntervalMonths) < now) k++;
  return {
    reports: entries,
    nextReport: entries.find((e) => !e.received) ?? null,
    nextAudit: formatDate(addMonths(start, k * m.settings.auditIntervalMonths)),
  };
}

// ---- saving: what the pane changed, over what the workbook holds now ----

export interface MonitoringKept {
  text: Text;
}

const sameReport = (a: Report | undefined, b: Report | undefined) =>
  a === b || (!!a && !!b && a.year === b.year && a.sales === b.sales && a.royaltyPaid === b.royaltyPaid);

/**
 * The pane's changes (base → intended) laid onto what the workbook holds now (current): a cell the
 * pane did not change keeps the workbook's value; where both changed a cell (or the grid changed a
 * report the pane removed), the workbook's value stays and is reported as kept.
 */
export function mergeMonitoring(base: Monitoring, intended: Monitoring, current: Monitoring): { monitoring: Monitoring; kept: MonitoringKept[] } {
  const kept: MonitoringKept[] = [];
  const settings = { ...current.settings };
  for (const k of Object.keys(DEFAULT_SETTINGS) as SettingKey[]) {
    if (intended.settings[k] === base.settings[k]) continue;
    if (current.settings[k] !== base.settings[k] && current.settings[k] !== intended.settings[k]) {
      kept.push({ text: { en: `The workbook's ${k} (${current.settings[k]}) was kept.`, ja: `ブックの ${k}（${current.settings[k]}）を残しました。` } });
      continue;
    }
    (settings as Record<SettingKey, unknown>)[k] = intended.settings[k];
  }
  const at = (list: readonly Report[], year: number) => list.find((r) => r.year === year);
  const years = new Set([...base.reports, ...intended.reports, ...current.reports].map((r) => r.year));
  const reports: Report[] = [];
  for (const year of [...years].sort((a, b) => a - b)) {
    const b = at(base.reports, year);
    const i = at(intended.reports, year);
    const c = at(current.reports, year);
    if (sameReport(b, i)) {
      if (c) reports.push(c);
      continue;
    }
    if (!i) {
      // Removed in the pane: unless the grid changed it meanwhile.
      if (c && b && !sameReport(b, c)) {
        reports.push(c);
        kept.push({ text: { en: `Year ${year}'s report, changed in the workbook, was kept.`, ja: `ブックで変更された${year}年目の報告を残しました。` } });
      }
      continue;
    }
    if (!c) {
      if (!b)
        reports.push(i); // added in the pane; a report deleted in the grid stays deleted
      else kept.push({ text: { en: `Year ${year}'s report was deleted in the workbook.`, ja: `${year}年目の報告はブックで削除されていました。` } });
      continue;
    }
    const cell = (f: ReportField): number | null => {
      const bv = b ? b[f] : null;
      if (i[f] === bv) return c[f];
      if (c[f] !== bv && c[f] !== i[f]) {
        kept.push({ text: { en: `The workbook's year ${year} ${f} (${c[f]}) was kept.`, ja: `ブックの${year}年目の ${f}（${c[f]}）を残しました。` } });
        return c[f];
      }
      return i[f];
    };
    reports.push({ year, sales: cell("sales"), royaltyPaid: cell("royaltyPaid") });
  }
  return { monitoring: { reports, settings }, kept };
}

export const sameMonitoring = (a: Monitoring, b: Monitoring): boolean => JSON.stringify(a) === JSON.stringify(b);
