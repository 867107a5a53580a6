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
  addDays,
  isBlank,
  nextAuditDate,
  nextPeriod,
  periodEnd,
  pickScenario,
  Quarter,
  RawValue,
  readAssumptionsTable,
  resolveAssumptions,
  resolveSignedTerms,
  Text,
  track,
  TrackYear,
  ValuationError,
  withTerms,
  yearlyReports,
} from "../../engine";
import type { Language } from "../../model/language";
import { EditError, offerTermMap, readNumber, ScenarioSet } from "../../model/scenario-set";
import { assumptionsTableValues } from "../../model/table-layout";

/** A report's period: a contract year (1 = the first year after signing), whole or one of its quarters. */
export interface Period {
  year: number;
  /** null = the whole contract year. */
  quarter: Quarter | null;
}

/** One report as typed (a year's or a quarter's); null = not typed yet. */
export interface Report extends Period {
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

/** A period given as a contract year (a whole year) or a Period. */
export type PeriodRef = number | Period;
const toPeriod = (p: PeriodRef): Period => (typeof p === "number" ? { year: p, quarter: null } : p);
export const samePeriod = (a: Period, b: Period): boolean => a.year === b.year && a.quarter === b.quarter;
/** "3" for a whole year, "3Q1" for its first quarter: what the pane's period cell shows and reads. */
export const periodKey = (p: Period): string => (p.quarter === null ? String(p.year) : `${p.year}Q${p.quarter}`);
/** The period in words: "Year 3" / "Year 3 Q1", 「3年目」/「3年目第1四半期」. */
export const periodName = (p: Period): Text =>
  p.quarter === null ? { en: `Year ${p.year}`, ja: `${p.year}年目` } : { en: `Year ${p.year} Q${p.quarter}`, ja: `${p.year}年目第${p.quarter}四半期` };
const byPeriod = (a: Period, b: Period) => a.year - b.year || (a.quarter ?? 0) - (b.quarter ?? 0);

/**
 * A period as typed: a contract year from 1 to 100 ("3"), or with a quarter ("3Q1", "3 Q1", "3-q1",
 * 「3年目第1四半期」, full-width digits too); null when it is neither.
 */
export function parsePeriod(input: string): Period | null {
  const t = input.normalize("NFKC").trim();
  const m = /^(?:y(?:ear)?\s*)?(\d{1,3})\s*(?:年目?)?\s*(?:[-/ ]?\s*(?:q|第)\s*([1-4])\s*(?:四半期)?)?$/i.exec(t);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1 || year > 100) return null;
  return { year, quarter: m[2] === undefined ? null : (Number(m[2]) as Quarter) };
}

/** Why a period cannot join the others: reported already, or its year reported both whole and by quarter. */
function clash(reports: readonly Report[], p: Period): Text | null {
  const name = periodName(p);
  if (reports.some((r) => samePeriod(r, p))) return { en: `${name.en} is reported already.`, ja: `${name.ja}の報告はすでにあります。` };
  const other = reports.find((r) => r.year === p.year && (r.quarter === null) !== (p.quarter === null));
  if (other)
    return {
      en: `Year ${p.year} is reported ${other.quarter === null ? "as a whole year" : "by quarter"}: report a year whole or by quarter, not both.`,
      ja: `${p.year}年目は${other.quarter === null ? "年単位" : "四半期ごと"}で報告されています。1年分は年単位か四半期ごとのどちらかで報告してください。`,
    };
  return null;
}

/** A report added after the last one: its next period (the next quarter after a quarter, else the next year; year 1 first). */
export function addReport(m: Monitoring): Monitoring {
  const sorted = sortedReports(m);
  const last = sorted[sorted.length - 1];
  const next = last ? nextPeriod(last.year, last.quarter) : { year: 1, quarter: null };
  if (next.year > 100) refuse("Contract years go up to 100.", "契約年は100年までです。");
  return { ...m, reports: [...m.reports, { ...next, sales: null, royaltyPaid: null }] };
}

export function removeReport(m: Monitoring, period: PeriodRef): Monitoring {
  const p = toPeriod(period);
  return { ...m, reports: m.reports.filter((r) => !samePeriod(r, p)) };
}

/** Moves a report to another period (a contract year from 1 to 100, or one of its quarters, not reported yet). */
export function setReportPeriod(m: Monitoring, period: PeriodRef, input: string): Monitoring {
  const from = toPeriod(period);
  const to = parsePeriod(input);
  if (!to)
    refuse(
      "The period must be a contract year from 1 to 100, or a year and its quarter (e.g. 3Q1 for year 3's first quarter).",
      "期間は契約年（1〜100）か、年と四半期（例：3年目の第1四半期は 3Q1）で入力してください。"
    );
  const p = to as Period;
  if (samePeriod(p, from)) return m;
  const problem = clash(
    m.reports.filter((r) => !samePeriod(r, from)),
    p
  );
  if (problem) refuse(problem.en, problem.ja);
  return { ...m, reports: m.reports.map((r) => (samePeriod(r, from) ? { ...r, ...p } : r)) };
}

/** An amount as typed: 0 or more, or blank (null). */
function readAmount(input: string, en: string, ja: string): number | null {
  const n = readNumber(input);
  if (n === undefined) return null;
  if (!(Number.isFinite(n) && n >= 0))
    refuse(`${en}: enter an amount of 0 or more, or leave it blank.`, `${ja}：0以上の金額を入力するか、空欄にしてください。`);
  return n as number;
}

export function setReport(m: Monitoring, period: PeriodRef, field: ReportField, input: string): Monitoring {
  const p = toPeriod(period);
  const i = m.reports.findIndex((r) => samePeriod(r, p));
  if (i < 0) refuse("That report no longer exists.", "その報告はもうありません。");
  const name = periodName(p);
  const value =
    field === "sales"
      ? readAmount(input, `${name.en} net sales`, `${name.ja}の正味販売高`)
      : readAmount(input, `${name.en} royalty paid`, `${name.ja}の支払ロイヤルティ`);
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

/** The reports in period order (a year's quarters in order). */
export const sortedReports = (m: Monitoring): Report[] => [...m.reports].sort(byPeriod);

/** Whether any report is a quarter's. */
export const isQuarterly = (m: Monitoring): boolean => m.reports.some((r) => r.quarter !== null);

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
  /** The last year reported by quarter while some of its quarters are not in: not audited yet, its missing quarters named. */
  inProgress: { year: number; missing: Quarter[] } | null;
}

const message = (e: unknown): Text => {
  if (e instanceof EditError) return e.reason;
  if (e instanceof ValuationError) return e.text;
  throw e;
};

/** The reports' contract years must run one after another: AUDIT reads the i-th report as year first + i. */
function checkYears(reports: readonly { year: number }[]): void {
  reports.forEach((r, i) => {
    if (i > 0 && r.year !== reports[i - 1].year + 1)
      refuse(
        `The report years must follow one another: year ${reports[i - 1].year + 1} is missing before year ${r.year}.`,
        `報告の年は連続している必要があります：${r.year}年目の前に${reports[i - 1].year + 1}年目がありません。`
      );
  });
}

const quarterList = (qs: readonly Quarter[]) => qs.map((q) => `Q${q}`).join(", ");

export interface AuditedYear {
  year: number;
  sales: number | null;
  royaltyPaid: number | null;
  /** How many quarters it adds up (null: reported as a whole year). */
  quarters: number | null;
}

/**
 * The contract years the checks run on: the reports added up by year (quarters to their year, so the
 * tiers and the minimum apply per year), less the last year while some of its quarters are not in (it
 * is named, not audited: its total is not known). An earlier year with a quarter missing is refused, not
 * read as 0; so is a year reported both whole and by quarter.
 */
export function auditedYears(m: Monitoring): { years: AuditedYear[]; inProgress: { year: number; missing: Quarter[] } | null } {
  const y = yearlyReports(sortedReports(m));
  for (const p of y.problems) {
    if (p.kind === "year-and-quarters")
      refuse(
        `Year ${p.year} is reported both as a whole year and by quarter: keep one.`,
        `${p.year}年目が年単位と四半期ごとの両方で報告されています。どちらか一方にしてください。`
      );
    else {
      const name = periodName(p);
      refuse(`${name.en} is reported twice.`, `${name.ja}の報告が重複しています。`);
    }
  }
  const last = y.years[y.years.length - 1];
  const inProgress = last && last.missing.length > 0 ? { year: last.year, missing: last.missing } : null;
  const complete = inProgress ? y.years.slice(0, -1) : y.years;
  for (const r of complete)
    if (r.missing.length > 0)
      refuse(
        `Year ${r.year} is reported by quarter but ${quarterList(r.missing)} ${r.missing.length === 1 ? "is" : "are"} missing: type ${r.missing.length === 1 ? "it" : "them"} (0 for a quarter without sales).`,
        `${r.year}年目は四半期ごとの報告ですが、${r.missing.map((q) => `第${q}四半期`).join("・")}がありません。入力してください（販売がなければ0）。`
      );
  return { years: complete.map((r) => ({ year: r.year, sales: r.sales, royaltyPaid: r.royaltyPaid, quarters: r.quarters && r.quarters.length })), inProgress };
}

/** The audit and the diligence check of the reports, by the engine's AUDIT and TRACK on the signed terms and plan, per contract year. */
export function monitoringFigures(set: ScenarioSet, m: Monitoring, language: Language): MonitoringFigures {
  const out: MonitoringFigures = { scenario: null, audit: null, auditProblem: null, track: null, trackProblem: null, inProgress: null };
  if (m.reports.length === 0) return out;
  let reports: AuditedYear[];
  try {
    const a = auditedYears(m);
    reports = a.years;
    out.inProgress = a.inProgress;
    if (reports.length === 0) {
      const p = a.inProgress!;
      refuse(
        `year ${p.year}'s ${quarterList(p.missing)} ${p.missing.length === 1 ? "is" : "are"} not in yet: a year is audited once its four quarters are.`,
        `${p.year}年目の${p.missing.map((q) => `第${q}四半期`).join("・")}がまだありません。1年分は4四半期そろってから監査します。`
      );
    }
  } catch (e) {
    out.auditProblem = message(e);
    out.trackProblem = out.auditProblem;
    return out;
  }
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

export interface CalendarEntry extends Period {
  /** The period's last day. */
  end: string;
  due: string;
  /** Whether the report is in (sales and royalty paid both typed). */
  received: boolean;
  /** Not received and due before today. */
  overdue: boolean;
}

export interface Calendar {
  /** Each reported period, each quarter missing in a year reported by quarter, and the next period to report, with its due date. */
  reports: CalendarEntry[];
  /** The first report not received yet. */
  nextReport: CalendarEntry | null;
  /** The earliest date an audit may next be made: the first interval's end from the start that is today or later. */
  nextAudit: string;
}

/** The calendar from the start date (null when none is typed); `today` as YYYY-MM-DD. A report is due `reportDueDays` after its period (year or quarter) ends. */
export function reportingCalendar(m: Monitoring, today: string): Calendar | null {
  const start = parseDate(m.settings.startDate);
  const now = parseDate(today);
  if (!start || !now) return null;
  const reports = sortedReports(m);
  const periods: Period[] = reports.map((r) => ({ year: r.year, quarter: r.quarter }));
  // A quarter missing in a year reported by quarter is a report still to come (or overdue), not nothing.
  for (const year of new Set(reports.filter((r) => r.quarter !== null).map((r) => r.year)))
    for (const q of [1, 2, 3, 4] as Quarter[]) if (!periods.some((p) => p.year === year && p.quarter === q)) periods.push({ year, quarter: q });
  periods.sort(byPeriod);
  const last = periods[periods.length - 1];
  const next = last ? nextPeriod(last.year, last.quarter) : { year: 1, quarter: null };
  if (next.year <= 100) periods.push(next);
  const entries = periods.map((p): CalendarEntry => {
    const r = reports.find((x) => samePeriod(x, p));
    const received = !!r && r.sales !== null && r.royaltyPaid !== null;
    const end = periodEnd(start, p.year, p.quarter);
    const due = addDays(end, m.settings.reportDueDays);
    return { ...p, end: formatDate(end), due: formatDate(due), received, overdue: !received && due < now };
  });
  return {
    reports: entries,
    nextReport: entries.find((e) => !e.received) ?? null,
    nextAudit: formatDate(nextAuditDate(start, m.settings.auditIntervalMonths, now)),
  };
}

// ---- saving: what the pane changed, over what the workbook holds now ----

export interface MonitoringKept {
  text: Text;
}

const sameReport = (a: Report | undefined, b: Report | undefined) =>
  a === b || (!!a && !!b && samePeriod(a, b) && a.sales === b.sales && a.royaltyPaid === b.royaltyPaid);

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
  const at = (list: readonly Report[], p: Period) => list.find((r) => samePeriod(r, p));
  const periods = new Map([...base.reports, ...intended.reports, ...current.reports].map((r) => [periodKey(r), { year: r.year, quarter: r.quarter }]));
  const reports: Report[] = [];
  for (const p of [...periods.values()].sort(byPeriod)) {
    const b = at(base.reports, p);
    const i = at(intended.reports, p);
    const c = at(current.reports, p);
    const name = periodName(p);
    if (sameReport(b, i)) {
      if (c) reports.push(c);
      continue;
    }
    if (!i) {
      // Removed in the pane: unless the grid changed it meanwhile.
      if (c && b && !sameReport(b, c)) {
        reports.push(c);
        kept.push({ text: { en: `${name.en}'s report, changed in the workbook, was kept.`, ja: `ブックで変更された${name.ja}の報告を残しました。` } });
      }
      continue;
    }
    if (!c) {
      if (!b)
        reports.push(i); // added in the pane; a report deleted in the grid stays deleted
      else kept.push({ text: { en: `${name.en}'s report was deleted in the workbook.`, ja: `${name.ja}の報告はブックで削除されていました。` } });
      continue;
    }
    const cell = (f: ReportField): number | null => {
      const bv = b ? b[f] : null;
      if (i[f] === bv) return c[f];
      if (c[f] !== bv && c[f] !== i[f]) {
        kept.push({
          text: { en: `The workbook's ${name.en.toLowerCase()} ${f} (${c[f]}) was kept.`, ja: `ブックの${name.ja}の ${f}（${c[f]}）を残しました。` },
        });
        return c[f];
      }
      return i[f];
    };
    reports.push({ ...p, sales: cell("sales"), royaltyPaid: cell("royaltyPaid") });
  }
  return { monitoring: { reports, settings }, kept };
}

export const sameMonitoring = (a: Monitoring, b: Monitoring): boolean => JSON.stringify(a) === JSON.stringify(b);
