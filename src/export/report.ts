/**
 * The committee report (評価レポート, case 15): the document the licensing committee deliberates on
 * and from which it fixes the offer and the acceptable range. One print-ready sheet laid out for A4
 * portrait (fit to one page wide, print area and print title set, a manual page break before each
 * section), every page marked internal in its header and footer and numbered.
 *
 * Every number is the engine's (the same functions the pane and =IPVALUE.RANGE / OFFER / SIMULATE /
 * SENSITIVITY call), written as a number with a number format. The scope is the committee's choice:
 * internal scenarios count in the range unless `includeInternal` is false, and the report says which
 * scenarios each number covers. The native charts are returned as ChartSpecs over the report's own
 * cells (chart-spec.ts); charts.ts writes them into the file.
 *
 * Sections: 1 question and recommendation, 2 range by method (football field), 3 scenarios side by
 * side, 4 deal terms, 5 reference bands, 6 simulation and tornado, 7 methods, 8 decision record.
 */
import * as ExcelJS from "exceljs";
import {
  AssumptionKey,
  assumptionSpec,
  Band,
  BandRow,
  bandRateRange,
  DEFAULT_ITERATIONS,
  DEFAULT_SEED,
  FOLLOWS,
  FOOTBALL_OUTPUTS,
  filterBands,
  mergeBands,
  MONEY_OUTPUTS,
  Output,
  outputLabel,
  outputSpec,
  parseAssumptionsTable,
  percentileLabel,
  pickScenario,
  planFromTable,
  RATE_ORDER,
  RawValue,
  readAssumptionsTable,
  resolveAssumptions,
  RESULT_OUTPUTS,
  reviewOffer,
  runScenario,
  runSimulation,
  Scenario,
  sensitivity,
  SimulationResult,
  Text,
  Tornado,
  Unit,
  valuationRangeRows,
  ValuationError,
  valueAtRate,
} from "../engine";
import { FieldBar, fieldScale, FieldScale } from "../model/football";
import type { Language } from "../model/language";
import { offerTermMap, ScenarioSet, scopedScenarios } from "../model/scenario-set";
import { assumptionsTableValues, tableKeys } from "../model/table-layout";
import type { ChartSpec } from "./chart-spec";
import { addCharts } from "./charts";
import { cellParts } from "./negotiator";
import { REPORT_WORDS, ReportWords } from "./report-words";
import { WORDS } from "./words";
import { AMOUNT, BASE_FONT, BOLD, DEFAULT_FONT, HEADER_FILL, INPUT_PERCENT, PROBABILITY, RATE, TITLE_FONT } from "./styles";
import { linesHeight, wrappedLines } from "./text-layout";

export interface ReportOptions {
  language: Language;
  /** The date printed on the report (YYYY-MM-DD). */
  date: string;
  /** IPVALUE's version (src/export/version.ts). */
  version: string;
  /** Whether internal scenarios count in the committee's range (default true, and the report says so). */
  includeInternal?: boolean;
  /** The simulation's draws and seed (default 10,000 and 1): fixed, so the report is reproducible. */
  simulation?: { iterations: number; seed: number };
  /** The currency of the amounts, as the user names it ("JPY", "円"); blank = not stated. */
  currency?: string;
  /** The office's own bands (the IpvalueUserBands table), compared beside the published ones; `internal` their keys not for the counterparty. */
  userBands?: { bands: readonly Band[]; internal: readonly string[] };
}

/** A set the report cannot be written from; `reason` is shown to the user in her language. */
export class ReportError extends Error {
  constructor(public readonly reason: Text) {
    super(reason.en);
    this.name = "ReportError";
  }
}

export const SECTIONS = ["question", "range", "scenarios", "terms", "bands", "simulation", "methods", "record"] as const;
export type Section = (typeof SECTIONS)[number];

/** The percentiles the report prints (and charts). */
export const REPORT_PERCENTILES: readonly number[] = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];
/** The tornado's rows the report prints, largest swing first. */
export const TORNADO_ROWS = 10;

/** What the report holds, beside the workbook: for the pane's notice, the script and the tests. */
export interface ReportFacts {
  /** The scenarios the committee's range covers, and the internal ones among them / left out. */
  scope: { covered: string[]; internalIncluded: string[]; internalLeftOut: string[]; base: string };
  /** The first row of each section (1-based). */
  sectionRows: Record<Section, number>;
  /** Rows after which a manual page break stands. */
  breaks: number[];
  lastRow: number;
  /** The range by method as printed: output → low, base, high (or the engine's reason). */
  range: { output: Output | "band_rate"; low: number; base: number; high: number; row: number }[];
  offer: { value: number | null; floor: number | null; ceiling: number | null; row: { offer: number; floor: number; ceiling: number } };
  simulation: SimulationResult | null;
  tornado: Tornado | null;
  /** Rows of the percentile table (P5 … P95, then the mean). */
  percentileRows: number[];
  field: { bars: { label: string; low: number; high: number }[]; scale: FieldScale } | null;
}

export interface BuiltReport {
  workbook: ExcelJS.Workbook;
  charts: ChartSpec[];
  facts: ReportFacts;
}

// ---------------------------------------------------------------------------------------------
// Page and type

/** Column widths (characters of the default font): 110 in all, printed at about 86% to fit A4 portrait. */
const WIDTHS = [32, 15.6, 15.6, 15.6, 15.6, 15.6];
const COLUMNS = WIDTHS.length;
const MARGINS = { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
/** A4 in points. */
const A4 = { width: 595.3, height: 841.9 };
/** The print scale fitToWidth gives: the columns' width in pixels (7 per character + 5) against the page's. */
const SCALE = Math.min(1, ((A4.width - 72 * (MARGINS.left + MARGINS.right)) * (96 / 72)) / WIDTHS.reduce((s, w) => s + w * 7 + 5, 0));
const TITLE_ROW_HEIGHT = 24;
/** The height of the sheet a page holds, with a margin for renderers that set type wider than Excel. */
const PAGE_HEIGHT = (0.9 * (A4.height - 72 * (MARGINS.top + MARGINS.bottom) - TITLE_ROW_HEIGHT)) / SCALE;

const WHOLE = "0";
const HEADING_FONT: Partial<ExcelJS.Font> = { ...BASE_FONT, bold: true, size: 13, color: { argb: "FF1F3864" } };
const SUBHEADING_FONT: Partial<ExcelJS.Font> = { ...BASE_FONT, bold: true };
const SMALL_FONT: Partial<ExcelJS.Font> = { ...BASE_FONT, size: 9, color: { argb: "FF595959" } };
const WARN_FONT: Partial<ExcelJS.Font> = { ...BASE_FONT, bold: true, color: { argb: "FFC00000" } };
const FIELD_BORDER: Partial<ExcelJS.Borders> = { bottom: { style: "thin", color: { argb: "FF808080" } } };

/** Rows a chart stands on, and their height (points). */
const CHART_ROWS = 17;
const CHART_ROW_HEIGHT = 16;

/** The height (points) of a row whose tallest cell wraps to `lines` lines: Japanese text sets taller lines. */
const rowHeight = (lines: number, language: Language, size = 11) => linesHeight(lines, size, language === "ja");

// ---------------------------------------------------------------------------------------------
// The sheet, row by row, with the page it is on

type Value = number | string | boolean | null;
interface CellSpec {
  value: Value;
  numFmt?: string;
  font?: Partial<ExcelJS.Font>;
  /** Columns it spans (merged), 1 by default. */
  span?: number;
  align?: "left" | "right" | "center";
  fill?: ExcelJS.Fill;
  border?: Partial<ExcelJS.Borders>;
}

class Writer {
  row = 1;
  private used = 0;
  readonly breaks: number[] = [];

  constructor(
    readonly ws: ExcelJS.Worksheet,
    readonly language: Language
  ) {}

  private width(from: number, span: number): number {
    return WIDTHS.slice(from - 1, from - 1 + span).reduce((s, w) => s + w, 0);
  }

  /** One row of cells from column 1 (a null value leaves the cell blank); its height fits every cell's text. */
  cells(cells: readonly (CellSpec | null)[], minHeight = 0): number {
    const r = this.row;
    let col = 1;
    let lines = 1;
    let size = 11;
    for (const c of cells) {
      if (c === null) {
        col++;
        continue;
      }
      const span = c.span ?? 1;
      const cell = this.ws.getCell(r, col);
      if (span > 1) this.ws.mergeCells(r, col, r, col + span - 1);
      if (c.value !== null) cell.value = c.value;
      cell.font = c.font ?? BASE_FONT;
      if (c.numFmt) cell.numFmt = c.numFmt;
      if (c.fill) cell.fill = c.fill;
      if (c.border) cell.border = c.border;
      const numeric = typeof c.value === "number";
      cell.alignment = { vertical: "top", wrapText: !numeric, horizontal: c.align ?? (numeric ? "right" : "left") };
      if (typeof c.value === "string" && c.value !== "") {
        const s = c.font?.size ?? 11;
        const l = wrappedLines(c.value, this.width(col, span), c.font ?? BASE_FONT);
        if (l * s > lines * size) [lines, size] = [l, s];
      }
      col += span;
    }
    const height = Math.max(minHeight, rowHeight(lines, this.language, size));
    this.ws.getRow(r).height = height;
    this.used += height;
    this.row++;
    return r;
  }

  /** A paragraph across the page. */
  text(value: string, font: Partial<ExcelJS.Font> = BASE_FONT): number {
    return this.cells([{ value, font, span: COLUMNS }]);
  }

  blank(height = 8): void {
    this.ws.getRow(this.row).height = height;
    this.used += height;
    this.row++;
  }

  /** A manual page break after the last row written (none on an empty page). */
  pageBreak(): void {
    if (this.used === 0) return;
    this.ws.getRow(this.row - 1).addPageBreak();
    this.breaks.push(this.row - 1);
    this.used = 0;
  }

  /** Starts a new page unless `height` points more still fit on this one. */
  keep(height: number): void {
    if (this.used + height > PAGE_HEIGHT) this.pageBreak();
  }

  /** Empty rows for a chart; returns its anchor (zero-based rows and columns). */
  chartRows(): { from: { col: number; row: number }; to: { col: number; row: number } } {
    this.keep(CHART_ROWS * CHART_ROW_HEIGHT);
    const first = this.row;
    for (let i = 0; i < CHART_ROWS; i++) this.blank(CHART_ROW_HEIGHT);
    return { from: { col: 0, row: first - 1 }, to: { col: COLUMNS, row: first - 1 + CHART_ROWS } };
  }

  heading(value: string): number {
    return this.cells([{ value, font: HEADING_FONT, span: COLUMNS, border: { bottom: { style: "medium", color: { argb: "FF1F3864" } } } }]);
  }

  header(labels: readonly (string | { value: string; span: number })[]): number {
    return this.cells(
      labels.map((l, i) => {
        const { value, span } = typeof l === "string" ? { value: l, span: 1 } : l;
        return { value, span, font: BOLD, fill: HEADER_FILL, align: i === 0 ? "left" : "right" };
      })
    );
  }
}

// ---------------------------------------------------------------------------------------------
// The engine's numbers

/** A number, or the report's "n/a" (right-aligned) where the engine has no answer. */
function num(v: number | ValuationError | null | undefined, numFmt: string, w: ReportWords, font?: Partial<ExcelJS.Font>): CellSpec {
  if (typeof v === "number" && Number.isFinite(v)) return { value: v, numFmt, font };
  return { value: v === null || v === undefined ? w.notSet : w.notAvailable, align: "right", font: font ?? DEFAULT_FONT };
}

const formatOf = (o: Output) => (outputSpec(o).kind === "rate" ? RATE : AMOUNT);
function unitFormat(unit: Unit): string | undefined {
  if (unit === "rate" || unit === "share") return INPUT_PERCENT;
  if (unit === "currency" || unit === "currency_per_year") return AMOUNT;
  if (unit === "years" || unit === "year") return WHOLE;
  return undefined;
}
/** A value as printed in a sentence: an amount with separators, a rate as a percentage. */
function spoken(v: number | ValuationError, numFmt: string, language: Language, w: ReportWords): string {
  if (typeof v !== "number") return w.notAvailable;
  if (numFmt === AMOUNT) return Math.round(v).toLocaleString(language === "ja" ? "ja-JP" : "en-US");
  return `${(v * 100).toFixed(numFmt === RATE ? 2 : 1)}%`;
}

const list = (names: readonly string[], language: Language) => names.join(language === "ja" ? "、" : ", ");

// ---------------------------------------------------------------------------------------------

/** The report as an exceljs workbook, its charts as specs over its cells, and what it holds. */
export function buildCommitteeReport(set: ScenarioSet, options: ReportOptions): BuiltReport {
  const { language } = options;
  const w = REPORT_WORDS[language];
  const includeInternal = options.includeInternal ?? true;
  const iterations = options.simulation?.iterations ?? DEFAULT_ITERATIONS;
  const seed = options.simulation?.seed ?? DEFAULT_SEED;
  const currency = options.currency ?? "";

  // The committee's scope: which scenarios its range covers.
  const scoped = scopedScenarios(set, includeInternal);
  const covered = scoped.scenarios;
  if (covered.length === 0) {
    throw new ReportError({
      en: "Every scenario is internal and internal scenarios are left out: the range would cover nothing. Include internal scenarios or mark one as shared.",
      ja: "すべてのシナリオが社外秘で、社外秘シナリオを除いているため、レンジの対象がありません。社外秘シナリオを含めるか、共有可能なシナリオを設定してください。",
    });
  }
  const table = assumptionsTableValues(scoped, language, true) as RawValue[][];
  let scenarios: Scenario[];
  try {
    scenarios = parseAssumptionsTable(table);
  } catch (e) {
    if (!(e instanceof ValuationError)) throw e;
    throw new ReportError({ en: `The scenarios cannot be valued yet: ${e.message}`, ja: `シナリオをまだ評価できません：${e.message}` });
  }
  const baseIndex = pickScenario(scenarios);
  const baseName = scenarios[baseIndex].name;
  const baseModel = runScenario(scenarios[baseIndex].assumptions);
  const scope = {
    covered: covered.map((s) => s.name),
    internalIncluded: covered.filter((s) => s.internal).map((s) => s.name),
    internalLeftOut: set.scenarios.filter((s) => s.internal && !covered.includes(s)).map((s) => s.name),
    base: baseName,
  };

  const moneyOutputs = RESULT_OUTPUTS.filter((o) => MONEY_OUTPUTS.includes(o));
  const rateOutputs = RATE_ORDER.filter((o) => RESULT_OUTPUTS.includes(o) || o === "royalty_rate");
  const rangeRows = valuationRangeRows(scenarios, [...moneyOutputs, ...rateOutputs]);
  const rangeOf = new Map<Output, (typeof rangeRows)[number]>([...moneyOutputs, ...rateOutputs].map((o, i) => [o, rangeRows[i]]));
  const { filter: bandFilter, spread: bandSpread } = set.decisions.bands;
  const allBands = mergeBands(options.userBands?.bands ?? []);
  const bandRange = answerOf(() => bandRateRange(bandFilter, allBands, bandSpread));
  const ownInternal = new Set((options.userBands?.internal ?? []).map((k) => k.toLowerCase()));

  // The offer: its terms valued in each scenario of the scope (OFFER), or the bare amount.
  const d = set.decisions;
  const floor = d.floor.value;
  const ceiling = d.ceiling.value;
  let review: ReturnType<typeof reviewOffer> | ValuationError | null = null;
  if (d.terms.length > 0) {
    try {
      review = reviewOffer(readAssumptionsTable(table), offerTermMap(d), floor, ceiling);
    } catch (e) {
      if (!(e instanceof ValuationError)) throw e;
      review = e;
    }
  }
  const offerValue: number | ValuationError | null =
    review === null ? d.offer.value : review instanceof ValuationError ? review : typeof review.value === "number" ? review.value : review.value;
  const offerMoney = typeof offerValue === "number" ? offerValue : null;

  // The simulation and the tornado over the base scenario, with the fixed seed.
  let simulation: SimulationResult | null = null;
  let tornado: Tornado | null = null;
  let simulationProblem: string | null = null;
  let nothingVaries = false;
  try {
    const plan = planFromTable(table);
    nothingVaries = plan.uncertain.length === 0;
    simulation = runSimulation(plan, { iterations, seed, output: "rnpv", percentiles: REPORT_PERCENTILES, threshold: floor ?? undefined });
    tornado = sensitivity(plan, "rnpv");
  } catch (e) {
    if (!(e instanceof ValuationError)) throw e;
    simulationProblem = e.message;
  }

  const wb = new ExcelJS.Workbook();
  wb.creator = "IPVALUE";
  wb.title = w.title;
  wb.subject = w.internalMark;
  wb.keywords = w.internalMark;
  const ws = wb.addWorksheet(w.sheet, {
    properties: { defaultRowHeight: 16 },
    views: [{ showGridLines: false }],
  });
  WIDTHS.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  const out = new Writer(ws, language);
  const charts: ChartSpec[] = [];
  const sectionRows = {} as Record<Section, number>;
  const section = (id: Section, heading: string) => {
    if (id !== SECTIONS[0]) out.pageBreak();
    sectionRows[id] = out.heading(heading);
    out.blank(6);
  };

  // The print title, repeated on every page.
  out.cells([{ value: `${w.title} — ${options.date}`, font: TITLE_FONT, span: COLUMNS }], TITLE_ROW_HEIGHT);
  out.text(`${w.preparedWith(options.version, options.date)} ${w.amountsIn(currency)}`, SMALL_FONT);
  out.blank();

  // 1. The question and the recommendation.
  section("question", w.questionHeading);
  out.text(w.question);
  out.blank();
  out.cells([{ value: w.recommendation, font: SUBHEADING_FONT, span: COLUMNS }]);
  const offerLabel = review !== null ? w.offerTerms : w.offerAmount;
  const offerRow = out.cells([{ value: offerLabel, font: BOLD, span: 2 }, num(offerValue, AMOUNT, w, BOLD)]);
  const floorRow = out.cells([{ value: w.floor, span: 2 }, num(floor, AMOUNT, w)]);
  const ceilingRow = out.cells([{ value: w.ceiling, span: 2 }, num(ceiling, AMOUNT, w)]);
  if (review !== null && !(review instanceof ValuationError)) {
    const values = review.rows.map((r) => r.values[0]).filter((v): v is number => typeof v === "number");
    if (values.length > 0) out.cells([{ value: w.offerRange, span: 2 }, num(Math.min(...values), AMOUNT, w), num(Math.max(...values), AMOUNT, w)]);
  }
  const rnpvRange = rangeOf.get("rnpv")!;
  if (!(rnpvRange instanceof ValuationError)) {
    out.cells([
      { value: `${w.rangeOfValue} (${w.low} / ${w.base} / ${w.high})`, span: 2 },
      num(rnpvRange.low, AMOUNT, w),
      num(rnpvRange.base, AMOUNT, w),
      num(rnpvRange.high, AMOUNT, w),
    ]);
  }
  if (simulation?.below)
    out.cells([
      { value: w.belowFloor, span: 2 },
      { value: simulation.below.probability, numFmt: PROBABILITY },
    ]);
  out.blank();
  out.cells([{ value: w.scope, font: SUBHEADING_FONT, span: COLUMNS }]);
  out.text(w.scopeCovers(list(scope.covered, language)));
  if (scope.internalIncluded.length > 0) out.text(w.includesInternal(list(scope.internalIncluded, language)), BOLD);
  if (scope.internalLeftOut.length > 0) out.text(w.excludesInternal(list(scope.internalLeftOut, language)), BOLD);
  if (scope.internalIncluded.length === 0 && scope.internalLeftOut.length === 0) out.text(w.noInternal);
  out.text(w.baseScenario(baseName));
  out.blank();
  out.cells([{ value: w.checks, font: SUBHEADING_FONT, span: COLUMNS }]);
  const check = (ok: boolean, line: string) => out.text(`${ok ? "✓" : "✗"} ${line}`, ok ? BASE_FONT : WARN_FONT);
  if (floor !== null && ceiling !== null && floor > ceiling) check(false, w.checkRange);
  if (offerMoney === null) out.text(offerValue instanceof ValuationError ? `${w.notAvailable}: ${offerValue.message}` : w.noOffer);
  else {
    if (floor !== null) check(offerMoney >= floor, w.checkFloor(offerMoney >= floor));
    if (ceiling !== null) check(offerMoney <= ceiling, w.checkCeiling(offerMoney <= ceiling));
  }
  if (review !== null && !(review instanceof ValuationError)) check(review.walkAway.length === 0, w.checkWalkAway(list(review.walkAway, language)));

  // 2. The range by method, and the football field.
  section("range", w.rangeHeading);
  out.text(w.rangeAbout(list(scope.covered, language)));
  out.blank();
  const printedRange: ReportFacts["range"] = [];
  const rangeBlock = (heading: string, outputs: readonly Output[], withBands: boolean) => {
    out.cells([{ value: heading, font: SUBHEADING_FONT, span: COLUMNS }]);
    out.header([{ value: w.method, span: 2 }, w.low, w.base, w.high]);
    for (const o of outputs) {
      const r = rangeOf.get(o)!;
      const fmt = formatOf(o);
      const label = { value: outputLabel(o)[language], span: 2 };
      if (r instanceof ValuationError) out.cells([label, num(r, fmt, w), num(r, fmt, w), num(r, fmt, w)]);
      else {
        const row = out.cells([label, num(r.low, fmt, w), num(r.base, fmt, w, BOLD), num(r.high, fmt, w)]);
        printedRange.push({ output: o, low: r.low, base: r.base, high: r.high, row });
      }
    }
    if (withBands && !(bandRange instanceof ValuationError)) {
      const row = out.cells([{ value: w.bandRow, span: 2 }, num(bandRange.low, RATE, w), num(bandRange.base, RATE, w, BOLD), num(bandRange.high, RATE, w)]);
      printedRange.push({ output: "band_rate", low: bandRange.low, base: bandRange.base, high: bandRange.high, row });
    }
    out.blank();
  };
  rangeBlock(w.moneyBlock, moneyOutputs, false);
  rangeBlock(w.rateBlock, rateOutputs, true);

  // The football field: a bar per method in money, the bands valued in the base scenario, the offer's bar, the committee's range.
  const bars: { label: string; bar: FieldBar }[] = [];
  for (const o of FOOTBALL_OUTPUTS) {
    const r = rangeOf.get(o) ?? valuationRangeRows(scenarios, [o])[0];
    if (!(r instanceof ValuationError)) bars.push({ label: outputLabel(o)[language], bar: { low: r.low, base: r.base, high: r.high } });
  }
  if (!(bandRange instanceof ValuationError)) {
    const at = (rate: number) => valueAtRate(baseModel, rate);
    const label = w.bandBarLabel(bandRange.keys.length, bandSpread === "iqr");
    bars.push({ label, bar: { low: at(bandRange.low), base: at(bandRange.base), high: at(bandRange.high) } });
  }
  if (review !== null && !(review instanceof ValuationError) && offerMoney !== null) {
    const values = review.rows.map((r) => r.values[0]);
    if (values.every((v) => typeof v === "number")) {
      const v = values as number[];
      bars.push({ label: w.offerBar, bar: { low: Math.min(...v), base: offerMoney, high: Math.max(...v) } });
    }
  }
  if (floor !== null && ceiling !== null && floor <= ceiling)
    bars.push({ label: w.committeeBar, bar: { low: floor, base: (floor + ceiling) / 2, high: ceiling } });
  let field: ReportFacts["field"] = null;
  if (bars.length > 0) {
    const marks = [offerMoney, floor, ceiling].filter((m): m is number => m !== null);
    const scale = fieldScale(
      bars.map((b) => b.bar),
      marks
    );
    const anchor = out.chartRows();
    out.cells([{ value: w.footballData, font: SMALL_FONT, span: COLUMNS }]);
    out.header([{ value: w.method, span: 2 }, w.barFrom, w.barLength, { value: "", span: 2 }]);
    const first = out.row;
    const lows: number[] = [];
    const spans: number[] = [];
    bars.forEach((b, i) => {
      const from = Math.min(scale.max, Math.max(scale.min, b.bar.low));
      const to = Math.min(scale.max, Math.max(scale.min, b.bar.high));
      lows.push(from);
      spans.push(to - from);
      const note = scale.clippedHigh[i]
        ? w.clipped(spoken(b.bar.high, AMOUNT, language, w))
        : scale.clippedLow[i]
          ? w.clipped(spoken(b.bar.low, AMOUNT, language, w))
          : "";
      out.cells([
        { value: b.label, span: 2, font: SMALL_FONT },
        { value: from, numFmt: AMOUNT, font: SMALL_FONT },
        { value: to - from, numFmt: AMOUNT, font: SMALL_FONT },
        { value: note, span: 2, font: SMALL_FONT },
      ]);
    });
    const last = out.row - 1;
    charts.push({
      kind: "football",
      anchor: { sheet: ws.name, ...anchor },
      title: w.footballTitle,
      valueTitle: currency || undefined,
      numFmt: AMOUNT,
      categories: { sheet: ws.name, range: `A${first}:A${last}`, cache: bars.map((b) => b.label) },
      low: { sheet: ws.name, range: `C${first}:C${last}`, cache: lows },
      span: { sheet: ws.name, range: `D${first}:D${last}`, cache: spans },
      axis: { min: scale.min, max: scale.max, step: scale.step },
    });
    field = { bars: bars.map((b) => ({ label: b.label, low: b.bar.low, high: b.bar.high })), scale };
  }

  // 3. The scenarios side by side (four to a block, so a block fits the page's width).
  section("scenarios", w.scenariosHeading);
  out.text(w.scenariosAbout);
  out.blank();
  const termKeys = new Set(d.terms.filter((t) => t.value !== undefined).map((t) => t.key));
  const resolved = set.scenarios.map((s) => {
    try {
      return resolveAssumptions(s.values as Partial<Record<AssumptionKey, RawValue>>, s.name, s.series);
    } catch (e) {
      if (e instanceof ValuationError) return null;
      throw e;
    }
  });
  const keys = tableKeys(set);
  for (let start = 0; start < set.scenarios.length; start += 4) {
    const chunk = set.scenarios.slice(start, start + 4);
    out.keep(rowHeight(1, language) * (keys.length + 4));
    out.header([w.assumption, ...chunk.map((s) => s.name), ...Array(4 - chunk.length).fill(""), w.note]);
    const pad = (cells: CellSpec[]) => [...cells, ...Array<CellSpec>(4 - chunk.length).fill({ value: null })];
    out.cells([
      { value: w.internalRow },
      ...pad(chunk.map((s) => ({ value: s.internal ? w.yes : w.no, align: "right" as const, font: s.internal ? BOLD : BASE_FONT }))),
    ]);
    out.cells([{ value: w.inRangeRow }, ...pad(chunk.map((s) => ({ value: covered.includes(s) ? w.yes : w.no, align: "right" as const })))]);
    for (const key of keys) {
      const spec = assumptionSpec(key);
      const fmt = unitFormat(spec.unit);
      // The user's source or note for the figure first, then what the report adds (defaults, the offer).
      const notes: string[] = set.sources?.[key] ? [set.sources[key]!] : [];
      const cells = chunk.map((s, j): CellSpec => {
        const typed = s.values[key];
        if (typed !== undefined) return { value: typed, numFmt: typeof typed === "number" ? fmt : undefined, align: "right" };
        const r = resolved[start + j];
        const v = r ? (r[key] as Value) : null;
        return { value: v, numFmt: typeof v === "number" ? fmt : undefined, font: DEFAULT_FONT, align: "right" };
      });
      const blanks = chunk.filter((s) => s.values[key] === undefined).length;
      if (blanks > 0) notes.push(FOLLOWS[key] ? w.follows(FOLLOWS[key]!) : w.defaulted);
      if (termKeys.has(key)) notes.push(w.fixedByOffer);
      out.cells([{ value: spec.label[language] }, ...pad(cells), { value: notes.join("; "), font: SMALL_FONT }]);
    }
    out.blank();
  }

  // 4. The deal terms: the committee's term sheet, with what each term means.
  section("terms", w.termsHeading);
  if (d.terms.length === 0) out.text(w.noTerms);
  else {
    out.text(w.termsAbout);
    out.blank();
    out.header([w.term, w.value, { value: w.meaning, span: 3 }, w.source]);
    for (const t of d.terms) {
      const spec = assumptionSpec(t.key);
      const fmt = unitFormat(spec.unit);
      const value: CellSpec =
        t.value === undefined
          ? { value: w.notFixed, font: DEFAULT_FONT, align: "right" }
          : { value: t.value, numFmt: typeof t.value === "number" ? fmt : undefined, align: "right" };
      out.cells([
        { value: spec.label[language], font: BOLD },
        value,
        { value: spec.help[language], span: 3, font: SMALL_FONT },
        { value: t.source, font: SMALL_FONT },
      ]);
    }
    out.blank();
    if (review instanceof ValuationError) out.text(`${w.notAvailable}: ${review.message}`);
    else if (review !== null) {
      out.cells([{ value: w.offerByScenario, font: SUBHEADING_FONT, span: COLUMNS }]);
      out.header([w.scenario, w.rnpv, w.licenseeNpv, w.equivalentRate, { value: "", span: 2 }]);
      for (const r of review.rows) {
        out.cells([
          { value: r.scenario + (r.internal ? ` (${w.internalRow})` : ""), font: r.scenario === review.base ? BOLD : BASE_FONT },
          num(r.values[0], AMOUNT, w),
          num(r.values[1], AMOUNT, w, typeof r.values[1] === "number" && r.values[1] < 0 ? WARN_FONT : undefined),
          num(r.values[2], RATE, w),
        ]);
      }
    }
  }

  // 5. The reference bands, compared.
  section("bands", w.bandsHeading);
  out.text(w.bandsFilter(bandFilter));
  if (!(bandRange instanceof ValuationError))
    out.text(w.bandsSpread(bandRange.keys.length, bandSpread === "iqr", bandRange.keys.filter((k) => ownInternal.has(k.toLowerCase())).length));
  const rateText = (o: Output) => {
    const r = rangeOf.get(o);
    return r === undefined || r instanceof ValuationError ? w.notAvailable : spoken(r.base, RATE, language, w);
  };
  out.text(w.bandsCompare(rateText("royalty_rate"), rateText("rate25"), rateText("maxrate")));
  out.blank();
  let bandRows: BandRow[] = [];
  try {
    bandRows = filterBands(allBands, `unit:share_of_net_sales ${bandFilter}`, "band_filter");
  } catch (e) {
    if (!(e instanceof ValuationError)) throw e;
  }
  if (bandRows.length === 0) out.text(w.noBands);
  else {
    out.header([w.band, w.low, w.high, w.midpoint, { value: w.citation, span: 2 }]);
    for (const b of bandRows) {
      const citation = [b.source, b.locator, b.page, b.year === "" ? "" : String(b.year)].filter((x) => x !== "").join(", ");
      out.cells([
        { value: (language === "ja" ? b.description_ja : b.description_en) + (ownInternal.has(b.key.toLowerCase()) ? w.internalBand : ""), font: SMALL_FONT },
        { value: b.low, numFmt: RATE },
        { value: b.high, numFmt: RATE },
        { value: (b.low + b.high) / 2, numFmt: RATE },
        { value: citation, span: 2, font: SMALL_FONT },
      ]);
    }
    if (!(bandRange instanceof ValuationError)) {
      out.cells([
        { value: w.bandRow, font: BOLD },
        { value: bandRange.low, numFmt: RATE, font: BOLD },
        { value: bandRange.high, numFmt: RATE, font: BOLD },
        { value: bandRange.base, numFmt: RATE, font: BOLD },
      ]);
    }
  }

  // 6. The simulation's percentiles, P(below the floor) and the tornado.
  section("simulation", w.simulationHeading);
  const percentileRows: number[] = [];
  if (simulation === null || tornado === null) out.text(w.simulationFailed(simulationProblem ?? ""), WARN_FONT);
  else {
    out.text(w.simulationAbout(iterations.toLocaleString(language === "ja" ? "ja-JP" : "en-US"), seed, baseName));
    if (nothingVaries) out.text(w.nothingVaries);
    out.blank();
    out.header([w.statistic, outputLabel("rnpv")[language]]);
    const first = out.row;
    for (const p of simulation.percentiles) percentileRows.push(out.cells([{ value: percentileLabel(p.p) }, { value: p.value, numFmt: AMOUNT }]));
    const last = out.row - 1;
    percentileRows.push(out.cells([{ value: w.mean }, { value: simulation.mean, numFmt: AMOUNT }]));
    if (simulation.below)
      out.cells([
        { value: w.belowFloor, span: 1 },
        { value: simulation.below.probability, numFmt: PROBABILITY, font: BOLD },
      ]);
    const anchor = out.chartRows();
    charts.push({
      kind: "column",
      anchor: { sheet: ws.name, ...anchor },
      title: w.percentilesTitle,
      valueTitle: currency || undefined,
      numFmt: AMOUNT,
      categories: { sheet: ws.name, range: `A${first}:A${last}`, cache: simulation.percentiles.map((p) => percentileLabel(p.p)) },
      values: { sheet: ws.name, range: `B${first}:B${last}`, cache: simulation.percentiles.map((p) => p.value) },
    });

    const rows = tornado.rows.filter((r) => typeof r.outputLow === "number" && typeof r.outputHigh === "number").slice(0, TORNADO_ROWS);
    out.keep(rowHeight(2, language) * (rows.length + 3) + CHART_ROWS * CHART_ROW_HEIGHT);
    out.blank();
    out.cells([{ value: w.tornadoHeading, font: SUBHEADING_FONT, span: COLUMNS }]);
    out.cells([
      { value: `${outputLabel("rnpv")[language]}, ${w.base}: `, span: 2 },
      { value: tornado.base, numFmt: AMOUNT },
    ]);
    out.header([w.assumption, w.inputLow, w.inputHigh, w.atLow, w.atHigh, w.swing]);
    const tFirst = out.row;
    for (const r of rows) {
      const spec = assumptionSpec(r.key);
      const fmt = unitFormat(spec.unit) ?? "General";
      out.cells([
        { value: spec.label[language] },
        { value: r.low, numFmt: fmt },
        { value: r.high, numFmt: fmt },
        { value: (r.outputLow as number) - tornado.base, numFmt: AMOUNT },
        { value: (r.outputHigh as number) - tornado.base, numFmt: AMOUNT },
        { value: r.swing!, numFmt: AMOUNT },
      ]);
    }
    const tLast = out.row - 1;
    if (rows.length > 0) {
      const tAnchor = out.chartRows();
      charts.push({
        kind: "tornado",
        anchor: { sheet: ws.name, ...tAnchor },
        title: w.tornadoTitle,
        valueTitle: currency || undefined,
        numFmt: AMOUNT,
        categories: { sheet: ws.name, range: `A${tFirst}:A${tLast}`, cache: rows.map((r) => assumptionSpec(r.key).label[language]) },
        low: { sheet: ws.name, range: `D${tFirst}:D${tLast}`, cache: rows.map((r) => (r.outputLow as number) - tornado!.base) },
        high: { sheet: ws.name, range: `E${tFirst}:E${tLast}`, cache: rows.map((r) => (r.outputHigh as number) - tornado!.base) },
        lowName: w.atLow,
        highName: w.atHigh,
      });
    }
  }

  // 7. The methods in plain words (the negotiator file's, and the simulation's).
  section("methods", w.methodsHeading);
  [...WORDS[language].methods, ...w.methodsExtra].forEach((line, i) => {
    const height = rowHeight(
      wrappedLines(
        `${i + 1}. ${line}`,
        WIDTHS.reduce((s, x) => s + x, 0)
      ),
      language
    );
    out.keep(height);
    out.text(`${i + 1}. ${line}`);
  });

  // 8. The decision record: lines to fill in, and the committee's notes.
  section("record", w.recordHeading);
  out.text(w.recordAbout, SMALL_FONT);
  out.blank();
  for (const item of w.recordItems) {
    const tall = item === w.recordItems[w.recordItems.length - 1];
    out.cells(
      [
        { value: item, font: BOLD },
        { value: "", span: COLUMNS - 1, border: FIELD_BORDER },
      ],
      tall ? 96 : 28
    );
  }
  out.blank(14);
  out.cells([{ value: w.committeeNotes, font: SUBHEADING_FONT, span: COLUMNS }]);
  const notes = d.notes.text.trim();
  if (notes === "") out.text(w.noNotes, DEFAULT_FONT);
  else for (const part of cellParts(d.notes.text)) out.text(part);
  out.blank(28);
  out.cells(
    [
      { value: w.signature, font: BOLD },
      { value: "", span: 3, border: FIELD_BORDER },
    ],
    32
  );

  const lastRow = out.row - 1;
  const mark = w.internalMark.replace(/&/g, "&&");
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: MARGINS,
    // exceljs puts a $ before each part: A$1 becomes $A$1, the absolute reference Excel writes.
    printArea: `A$1:${String.fromCharCode(64 + COLUMNS)}$${lastRow}`,
    printTitlesRow: "1:1",
    horizontalCentered: true,
  };
  ws.headerFooter = {
    oddHeader: `&L&"-,Bold"${mark}&R${options.date}`,
    oddFooter: `&L${mark}&R${w.page("&P", "&N")}`,
  };

  return {
    workbook: wb,
    charts,
    facts: {
      scope,
      sectionRows,
      breaks: out.breaks,
      lastRow,
      range: printedRange,
      offer: { value: offerMoney, floor, ceiling, row: { offer: offerRow, floor: floorRow, ceiling: ceilingRow } },
      simulation,
      tornado,
      percentileRows,
      field,
    },
  };
}

function answerOf<T>(f: () => T): T | ValuationError {
  try {
    return f();
  } catch (e) {
    if (e instanceof ValuationError) return e;
    throw e;
  }
}

/** The committee report's .xlsx bytes, its native charts (football field, percentiles, tornado) added. */
export async function committeeReport(set: ScenarioSet, options: ReportOptions): Promise<Uint8Array> {
  const { workbook, charts } = buildCommitteeReport(set, options);
  const buffer = await workbook.xlsx.writeBuffer();
  return addCharts(new Uint8Array(buffer as ArrayBuffer), charts);
}
