/**
 * The negotiator workbook: a plain .xlsx for the other side of the table, built with exceljs, that
 * any spreadsheet opens, audits and recalculates. No IPVALUE function anywhere: every result is a
 * native formula (SUMPRODUCT, MIN, MAX, IF …) over the shared scenarios' assumptions, written with
 * the value the engine computes cached beside it, so the file reads right before any recalculation
 * and follows when a negotiator changes an input.
 *
 * Built from a SharedContent (share.ts), never from a ScenarioSet: only the chosen items exist here,
 * so nothing internal can reach a cell, a sheet name, the shared-strings table or a property.
 *
 * Sheets, in order:
 *   Summary (概要)            the valuation range (low/base/high), the royalty-rate range by method,
 *                             the proposal if shared, each scenario's results: formulas over the model sheets
 *   Assumptions (前提条件)     key | label | unit | one column per shared scenario: plain input cells
 *                             (the functions' table layout, so IPVALUE.RANGE could read it too); a blank
 *                             key whose default is another key (FOLLOWS) is a formula over that key's
 *                             cell, named in the note column after the scenarios
 *   Plan (事業計画)            only when a shared scenario has yearly plan rows: per scenario a block of
 *                             rows sales / operating_profit / investment, one input column per year
 *   Model - <name> (モデル - …) one per scenario: its inputs linked from Assumptions (every key, deal
 *                             terms included), the timing offset, the deal's lump sums valued, the
 *                             results and the yearly model (rows from LAYOUT.model)
 *   Reference bands (参考バンド) the published rates used, with source, place, page and year (if shared)
 *   Notes (注記)               date, version, currency, methods in plain words, the committee's notes if shared
 */
import * as ExcelJS from "exceljs";
import {
  assumptionSpec,
  ASSUMPTIONS as ALL_ASSUMPTIONS,
  FOOTBALL_OUTPUTS,
  FOLLOWS_ONLY_WITH,
  Timing,
  AssumptionKey,
  BandRow,
  discountFactors,
  FOLLOWS,
  lumpSumValue,
  MAX_YEARS,
  MILESTONE_COUNT,
  milestoneKey,
  OUTPUTS,
  patentValue,
  newSeries,
  PLAN_SERIES,
  PlanSeries,
  presentValue,
  MONEY_OUTPUTS,
  Output,
  outputLabel,
  outputSpec,
  RATE_ORDER,
  RateSource,
  royaltyStream,
  runScenario,
  ScenarioModel,
  scenarioOutput,
  valuationRangeRows,
  ValuationError,
} from "../engine";
import { columnLetters, isoDate, quoted, sheetRef } from "../model/a1";
import { fieldScale } from "../model/football";
import type { ChartSpec, FootballChartSpec } from "./chart-spec";
import { addCharts } from "./charts";
import type { Language } from "../model/language";
import type { ScenarioSet } from "../model/scenario-set";
import { SharedContent, SharedScenario, SharedTerm, selectShared, ShareChoice, ShareError } from "./share";
import { WORDS, Words } from "./words";
import { AMOUNT, BASE_FONT, BOLD, DEFAULT_FONT, HEADER_FILL, INPUT_PERCENT, RATE, TITLE_FONT } from "./styles";
import { textHeight } from "./text-layout";
import { UNIT_LABELS } from "../model/table-layout";

/**
 * The assumptions the workbook writes as inputs: every key, deal terms included, blank or not, so a
 * counterparty can fill in a term the valuation left blank and see every result follow.
 */
const ASSUMPTIONS = ALL_ASSUMPTIONS;

/** The deal's lump sums and the licensee's outlays, valued once on each model sheet (rows after the timing offset). */
export const DERIVED = [
  "milestonesValue",
  "milestonesRisked",
  "exitEquity",
  "exitSuccessFee",
  "patentValue",
  "milestonesAtHurdle",
  "patentAtHurdle",
  "laterInvestment",
  "licenseeOutlay",
] as const;
export type Derived = (typeof DERIVED)[number];

const OFFSET_ROW = 7 + ASSUMPTIONS.length;
const RESULTS_HEADER_ROW = OFFSET_ROW + DERIVED.length + 3;
/** Room for every output, then a blank row and the yearly table's heading. */
const TABLE_HEADER_ROW = RESULTS_HEADER_ROW + 1 + OUTPUTS.length + 2;

export interface BuildOptions {
  language: Language;
  /** The date written on the workbook (and its document properties). */
  date: Date;
  /** IPVALUE's version (src/export/version.ts). */
  version: string;
  /** The currency of the amounts, as the user names it ("JPY", "円"); blank = not stated. */
  currency?: string;
}

// ---------------------------------------------------------------------------------------------
// Layout (1-based rows and columns, as in a spreadsheet)

export const LAYOUT = {
  assumptions: { headerRow: 4, firstKeyRow: 5, firstScenarioColumn: 4 },
  model: {
    inputsHeaderRow: 6,
    firstInputRow: 7,
    offsetRow: OFFSET_ROW,
    firstDerivedRow: OFFSET_ROW + 1,
    resultsHeaderRow: RESULTS_HEADER_ROW,
    firstResultRow: RESULTS_HEADER_ROW + 1,
    tableHeaderRow: TABLE_HEADER_ROW,
    firstYearRow: TABLE_HEADER_ROW + 1,
  },
  bands: { headerRow: 5, firstRow: 6 },
  /** Scenario j's block starts at firstBlockRow + j × blockRows: one row per PLAN_SERIES, then a blank row. */
  plan: { headerRow: 5, firstBlockRow: 6, blockRows: PLAN_SERIES.length + 1, firstYearColumn: 4 },
} as const;

const PERCENT = RATE;
const FACTOR = "0.000000";
const HEADING_FONT: Partial<ExcelJS.Font> = { ...BASE_FONT, bold: true };
const INPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF7D6" } };
const KEY_FONT: Partial<ExcelJS.Font> = { ...BASE_FONT, size: 9, color: { argb: "FF7F7F7F" } };

/** What a formula cell caches: a number, a text ("n/a", a blank term's "") or a flag. */
type Cached = number | string | boolean;

// exceljs counts rows and columns from 1.
const letters = (col: number) => columnLetters(col - 1);
const abs = (row: number, col: number) => `$${letters(col)}$${row}`;
const rel = (row: number, col: number) => `${letters(col)}${row}`;

/** Excel's longest sheet name, in UTF-16 units (an emoji counts two). */
const SHEET_NAME_LENGTH = 31;
/** Excel's longest text in a cell ("Excel specifications and limits"), in UTF-16 units. */
export const CELL_TEXT_LIMIT = 32_767;

/** Control characters (tab, line feed from Alt+Enter …) and line separators: no spreadsheet keeps them in a sheet name. */
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const CONTROL_RUN = /[ ]*(?:[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff][ ]*)+/g;

/** The string with each lone surrogate (half an emoji, from a broken paste) replaced by `by`. */
function wholeCodePoints(s: string, by: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += ch.length === 1 && c >= 0xd800 && c <= 0xdfff ? by : ch;
  }
  return out;
}

/** The longest start of `s` of at most `units` UTF-16 units that ends on a code-point boundary. */
function cutUnits(s: string, units: number): string {
  let out = "";
  for (const ch of s) {
    if (out.length + ch.length > units) break;
    out += ch;
  }
  // A cut just after a zero-width joiner would leave it dangling at the end of the name.
  return out.replace(/\u200d+$/, "");
}

/** Neither end may be an apostrophe (Excel refuses it) nor a space. */
const tidyEnds = (s: string) => s.replace(/^[\s']+|[\s']+$/g, "");

/**
 * Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ], not starting or ending with ',
 * unique ignoring case; and no control character (LibreOffice renames such a sheet, and every formula
 * naming it ends at #NAME?). Each run of control characters becomes one space; the cut falls on a
 * code-point boundary, so it never splits an emoji.
 */
export function sheetName(wanted: string, taken: Set<string>): string {
  const clean =
    tidyEnds(
      wholeCodePoints(wanted, "_")
        .replace(CONTROL_RUN, " ")
        .replace(/[:\\/?*[\]]/g, "_")
    ) || "Sheet";
  let name = tidyEnds(cutUnits(clean, SHEET_NAME_LENGTH)) || "Sheet";
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = tidyEnds(cutUnits(clean, SHEET_NAME_LENGTH - suffix.length)) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

/**
 * A text in parts of at most `limit` UTF-16 units whose concatenation is the text: each part ends at
 * a line break or else a space in its last eighth if there is one, and never inside a surrogate pair.
 */
export function cellParts(text: string, limit = CELL_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = limit;
    const c = rest.charCodeAt(cut - 1);
    if (c >= 0xd800 && c <= 0xdbff) cut--; // the pair would straddle the cut
    const near = cut - (limit >> 3);
    const lineBreak = rest.lastIndexOf("\n", cut - 1);
    const space = rest.lastIndexOf(" ", cut - 1);
    if (lineBreak >= near) cut = lineBreak + 1;
    else if (space >= near) cut = space + 1;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  parts.push(rest);
  return parts;
}

/** A value of the engine, or the workbook's "n/a" where the engine has no answer. */
function attempt(f: () => number, na: string): Cached {
  try {
    const v = f();
    return Number.isFinite(v) ? v : na;
  } catch (e) {
    if (e instanceof ValuationError) return na;
    throw e;
  }
}

function setFormula(ws: ExcelJS.Worksheet, address: string, formula: string, result: Cached, numFmt?: string): void {
  const cell = ws.getCell(address);
  cell.value = { formula, result } as ExcelJS.CellFormulaValue;
  if (numFmt) cell.numFmt = numFmt;
}

function header(ws: ExcelJS.Worksheet, row: number, firstCol: number, labels: readonly string[]): void {
  labels.forEach((label, i) => {
    const cell = ws.getCell(row, firstCol + i);
    cell.value = label;
    cell.font = BOLD;
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: "middle", wrapText: true };
  });
}

function text(ws: ExcelJS.Worksheet, address: string, value: string, font?: Partial<ExcelJS.Font>): void {
  const cell = ws.getCell(address);
  cell.value = value;
  if (font) cell.font = font;
}

const labelOf = (o: Output, language: Language) => outputLabel(o)[language];
/** The rates an output can be valued at, and the year column of the royalties at each (words.ts names them). */
type ValuedRate = "rate25" | "maxrate";
const AT_RATE_COLUMN: Record<ValuedRate, "royaltyAt25" | "royaltyAtMax"> = { rate25: "royaltyAt25", maxrate: "royaltyAtMax" };
const outputFormat = (o: Output) => (outputSpec(o).kind === "rate" ? PERCENT : AMOUNT);

function pageSetup(ws: ExcelJS.Worksheet): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: "landscape",
    paperSize: 9, // A4
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

// ---------------------------------------------------------------------------------------------
// The model of one scenario, with what each formula cell caches

interface ModelSheet {
  name: string;
  scenario: SharedScenario;
  model: ScenarioModel;
  /** Cached value of each chosen output, by output. */
  results: Map<Output, Cached>;
  /** Row of each chosen output's result in column B. */
  resultRow: Map<Output, number>;
}

/**
 * A tier's rate whose threshold is blank in these assumptions: its cells are blank until the threshold
 * is typed (FOLLOWS_ONLY_WITH), on the Assumptions sheet and on the model sheet that links it.
 */
const waitsForThreshold = (a: Readonly<Partial<Record<AssumptionKey, unknown>>>, key: AssumptionKey): boolean => {
  const needs = FOLLOWS_ONLY_WITH[key];
  return needs !== undefined && typeof a[needs] !== "number";
};
/** A value as the sheet writes it: the timing in the sheet's own words (期央, mid). */
const asWritten = (unit: string, value: unknown, w: Words): Cached | null => (unit === "timing" ? w.timingWords[value as Timing] : (value as Cached | null));

const inputRow = (key: AssumptionKey) => LAYOUT.model.firstInputRow + ASSUMPTIONS.findIndex((s) => s.key === key);
const P = (key: AssumptionKey) => abs(inputRow(key), 2);
const D = (id: Derived) => abs(LAYOUT.model.firstDerivedRow + DERIVED.indexOf(id), 2);

interface YearColumn {
  id: keyof Words["columns"];
  format: string;
  /** The formula of row r (year in column A), given the column letters of the others. */
  formula: (r: number, col: (id: keyof Words["columns"]) => string) => string;
  /** The engine's value in year i + 1 (i < years). */
  cached: (i: number) => Cached;
  /** What rows after the years modelled cache; 0 unless given. */
  after?: Cached;
}

/** Where one scenario's yearly plan rows are on the Plan sheet. */
interface PlanRefs {
  sheet: string;
  row: Record<PlanSeries, number>;
}

/** The Plan sheet's year columns, first to last (MAX_YEARS of them). */
const planColumn = (i: number) => LAYOUT.plan.firstYearColumn + i;
const planSpan = (sheet: string, row: number) => `${sheetRef(sheet)}${abs(row, planColumn(0))}:${abs(row, planColumn(MAX_YEARS - 1))}`;

function buildModelSheet(
  wb: ExcelJS.Workbook,
  m: ModelSheet,
  content: SharedContent,
  assumptionsSheet: string,
  column: number,
  plan: PlanRefs | null,
  w: Words,
  language: Language
): void {
  const ws = wb.addWorksheet(m.name);
  const a = m.scenario.assumptions;
  const n = a.years;
  const L = LAYOUT.model;
  const first = L.firstYearRow;
  // A row for every year the Assumptions sheet allows: rows beyond `years` evaluate to zero, so a
  // longer term typed there recalculates (the formulas test year > years or year > term_years).
  const last = first + MAX_YEARS - 1;
  const year = (r: number) => `$A${r}`;
  const na = w.notAvailable;

  text(ws, "A1", w.modelTitle(m.scenario.name), TITLE_FONT);
  text(ws, "A2", w.modelAbout(assumptionsSheet));
  text(ws, "A3", w.yearsNote(n, MAX_YEARS));

  // Inputs, linked to the Assumptions sheet.
  text(ws, `A${L.inputsHeaderRow - 1}`, w.inputs, HEADING_FONT);
  header(ws, L.inputsHeaderRow, 1, [w.input, w.value, w.key]);
  ASSUMPTIONS.forEach((spec, i) => {
    const r = L.firstInputRow + i;
    ws.getCell(r, 1).value = spec.label[language];
    const from = `${sheetRef(assumptionsSheet)}${abs(LAYOUT.assumptions.firstKeyRow + i, column)}`;
    const v = a[spec.key];
    const fmt = spec.unit === "rate" || spec.unit === "share" ? INPUT_PERCENT : spec.unit.startsWith("currency") ? AMOUNT : undefined;
    // A term whose blank means "none" (a tier threshold, the exit, a milestone's year) stays blank here:
    // a plain link would read a blank as 0. The formulas test such a term with ISNUMBER.
    const link = spec.fallback === null ? `IF(ISBLANK(${from}),"",${from})` : from;
    setFormula(ws, rel(r, 2), link, v === null || waitsForThreshold(a, spec.key) ? "" : asWritten(spec.unit, v, w)!, fmt);
    if (spec.unit === "timing") ws.getCell(r, 2).alignment = { horizontal: "right" };
    text(ws, rel(r, 3), spec.key, KEY_FONT);
  });
  const offset = abs(L.offsetRow, 2);
  ws.getCell(L.offsetRow, 1).value = w.timingOffset;
  // The timing in either language's words (期央 or mid), whichever the sheet was written or edited in.
  const timingIs = (t: Timing) => `OR(${P("timing")}="${WORDS.en.timingWords[t]}",${P("timing")}="${WORDS.ja.timingWords[t]}")`;
  setFormula(ws, rel(L.offsetRow, 2), `IF(${timingIs("mid")},0.5,IF(${timingIs("begin")},1,0))`, { end: 0, mid: 0.5, begin: 1 }[a.timing]);

  // Cached series from the engine.
  const md = m.model;
  // Operating profit before royalty: the plan's where given, else margin × sales (scenario.ts operatingProfit).
  const operatingProfit = Array.from(md.sales, (s, i) => a.plan?.operating_profit?.[i] ?? a.operating_margin * s);
  const royaltyBase = Array.from(md.sales, (s, i) => (i < a.term_years ? s : 0));
  const hurdleFactor = discountFactors(a.hurdle_rate, a.timing, newSeries(n));
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  const atRate = (v: Cached | undefined) =>
    typeof v === "number" ? Array.from(royaltyStream(md.sales, clamp(v), a.annual_minimum, a.term_years)) : newSeries(n);

  // The deal's lump sums and the licensee's outlays, each valued once (rows after the timing offset).
  const dr = P("discount_rate");
  const h = P("hurdle_rate");
  const milestones = (rate: string, risked: boolean) =>
    Array.from({ length: MILESTONE_COUNT }, (_, k) => {
      const y = P(milestoneKey(k + 1, "year"));
      const amount = P(milestoneKey(k + 1, "amount"));
      const q = risked ? `${P(milestoneKey(k + 1, "probability"))}*` : "";
      return `IF(AND(ISNUMBER(${y}),${amount}>0),${q}${amount}/(1+${rate})^${y},0)`;
    }).join("+");
  const exitGiven = `AND(ISNUMBER(${P("exit_year")}),ISNUMBER(${P("exit_value")}))`;
  const yearSpan = `$A$${first}:$A$${last}`;
  // Every repayment, past the years modelled too (the engine's patentValue): over the table's year column, not the years.
  const patent = (rate: string) =>
    `IF(${P("patent_cost_reimbursement")}=0,0,${P("patent_cost_reimbursement")}/${P("patent_cost_years")}*SUMPRODUCT((${yearSpan}<=${P("patent_cost_years")})/(1+${rate})^(${yearSpan}-${offset})))`;
  const exitFactor = md.exit.equity === 0 && md.exit.successFee === 0 ? 0 : Math.pow(1 + a.discount_rate, -md.exit.year);
  const atHurdle = {
    milestones: lumpSumValue(md.milestones, a.hurdle_rate, true),
    patent: patentValue(a, a.hurdle_rate, a.timing),
    later: a.plan?.investment ? presentValue(a.hurdle_rate, a.plan.investment.slice(0, n), a.timing) : 0,
  };
  // The plan's rows on the Plan sheet, when the workbook has one: a cell per year, and the sales row's
  // test "any sales given" (the engine's: with any sales_<t> the sales come from the plan).
  const planCell = (series: PlanSeries, r: number) => `${sheetRef(plan!.sheet)}${abs(plan!.row[series], planColumn(r - first))}`;
  const fromPlan = plan ? `COUNT(${planSpan(plan.sheet, plan.row.sales)})>0` : null;
  const planYears = plan ? planSpan(plan.sheet, LAYOUT.plan.headerRow) : "";
  const derived: Record<Derived, { formula: string; cached: number }> = {
    milestonesValue: { formula: milestones(dr, false), cached: lumpSumValue(md.milestones, a.discount_rate, false) },
    milestonesRisked: { formula: milestones(dr, true), cached: lumpSumValue(md.milestones, a.discount_rate, true) },
    exitEquity: {
      formula: `IF(${exitGiven},${P("equity_share")}*(1-${P("dilution")})*${P("exit_value")}/(1+${dr})^${P("exit_year")},0)`,
      cached: md.exit.equity * exitFactor,
    },
    exitSuccessFee: {
      formula: `IF(${exitGiven},${P("success_fee")}*${P("exit_value")}/(1+${dr})^${P("exit_year")},0)`,
      cached: md.exit.successFee * exitFactor,
    },
    patentValue: { formula: patent(dr), cached: md.patentValue },
    milestonesAtHurdle: { formula: milestones(h, true), cached: atHurdle.milestones },
    patentAtHurdle: { formula: patent(h), cached: atHurdle.patent },
    // The plan's investment in year t, discounted like the yearly flows (timing) and not weighted by success.
    laterInvestment: {
      formula: plan ? `SUMPRODUCT((${planYears}<=${P("years")})*${planSpan(plan.sheet, plan.row.investment)}/(1+${h})^(${planYears}-${offset}))` : "",
      cached: atHurdle.later,
    },
    licenseeOutlay: {
      formula: `${P("investment")}+${P("upfront")}+(${D("laterInvestment")}+${D("milestonesAtHurdle")}+${D("patentAtHurdle")})`,
      cached: a.investment + a.upfront + (atHurdle.later + atHurdle.milestones + atHurdle.patent),
    },
  };
  DERIVED.forEach((id, i) => {
    const row = L.firstDerivedRow + i;
    ws.getCell(row, 1).value = w.derived[id];
    // Without a Plan sheet there are no later investments: a plain 0, no formula to audit.
    if (derived[id].formula === "") ws.getCell(row, 2).value = derived[id].cached;
    else setFormula(ws, rel(row, 2), derived[id].formula, derived[id].cached, AMOUNT);
    ws.getCell(row, 2).numFmt = AMOUNT;
  });

  const outputs = content.outputs;
  const resultCell = (o: Output) => abs(m.resultRow.get(o)!, 2);
  const started = (r: number, col: (id: keyof Words["columns"]) => string) => `MAX(${col("sales")}$${first}:${col("sales")}${r})>0`;
  const inTerm = (r: number) => `${year(r)}<=${P("years")},${year(r)}<=${P("term_years")}`;
  const royaltyAt = (rateCell: string) => (r: number, col: (id: keyof Words["columns"]) => string) =>
    `IF(AND(ISNUMBER(${rateCell}),${inTerm(r)},${started(r, col)}),MAX(MIN(1,MAX(0,${rateCell}))*${col("sales")}${r},${P("annual_minimum")}),0)`;
  /**
   * The running royalty on the year's sales (deal-terms.ts runningRoyalty): the post-expiry rate after the
   * claims expire; else marginal tiers where a tier 1 threshold is given (the tier 2 threshold taken at
   * least the tier 1's), else the royalty rate.
   */
  const running = (r: number, col: (id: keyof Words["columns"]) => string) => {
    const s = `${col("sales")}${r}`;
    const [t1, t2] = [P("tier_1_threshold"), P("tier_2_threshold")];
    const t2e = `MAX(${t1},${t2})`;
    const tiered =
      `${P("royalty_rate")}*MIN(${s},${t1})` +
      `+IF(${s}>${t1},${P("tier_1_rate")}*(IF(ISNUMBER(${t2}),MIN(${s},${t2e}),${s})-${t1}),0)` +
      `+IF(AND(ISNUMBER(${t2}),${s}>${t2e}),${P("tier_2_rate")}*(${s}-${t2e}),0)`;
    return `IF(${year(r)}>${P("claims_expire_year")},${P("post_expiry_rate")}*${s},IF(ISNUMBER(${t1}),${tiered},${P("royalty_rate")}*${s}))`;
  };

  // With the plan's sales the market forecast is not used: its columns read n/a.
  const unlessPlan = (formula: string) => (fromPlan ? `IF(${fromPlan},"${na}",${formula})` : formula);
  const columns: YearColumn[] = [
    {
      id: "market",
      format: AMOUNT,
      formula: (r) => unlessPlan(`IF(${year(r)}>${P("years")},0,${P("market_size")}*(1+${P("market_growth")})^(${year(r)}-1))`),
      cached: (i) => (md.market ? md.market[i] : na),
      after: md.market ? 0 : na,
    },
    {
      id: "share",
      format: PERCENT,
      formula: (r) => {
        const k = `(${year(r)}-${P("launch_year")}+1)`;
        return unlessPlan(
          `IF(OR(${year(r)}>${P("years")},${k}<1),0,IF(${P("years_to_peak")}<=${k},${P("peak_share")},${P("peak_share")}*${k}/${P("years_to_peak")}))`
        );
      },
      cached: (i) => (md.share ? md.share[i] : na),
      after: md.share ? 0 : na,
    },
    {
      id: "sales",
      format: AMOUNT,
      // The plan's figure (+0: a blank year is 0, a text is an error rather than a silent 0), within the years modelled.
      formula: (r, col) =>
        fromPlan
          ? `IF(${fromPlan},IF(${year(r)}>${P("years")},0,${planCell("sales", r)}+0),${col("market")}${r}*${col("share")}${r})`
          : `${col("market")}${r}*${col("share")}${r}`,
      cached: (i) => md.sales[i],
    },
    {
      id: "royalty",
      format: AMOUNT,
      formula: (r, col) => `IF(AND(${inTerm(r)},${started(r, col)}),MAX(${running(r, col)},${P("annual_minimum")}),0)`,
      cached: (i) => md.royalty[i],
    },
    {
      id: "discountFactor",
      format: FACTOR,
      formula: (r) => `IF(${year(r)}>${P("years")},0,1/(1+${P("discount_rate")})^(${year(r)}-${offset}))`,
      cached: (i) => md.discountFactor[i],
    },
    { id: "presentValue", format: AMOUNT, formula: (r, col) => `${col("royalty")}${r}*${col("discountFactor")}${r}`, cached: (i) => md.presentValue[i] },
    {
      id: "feeDue",
      format: AMOUNT,
      formula: (r, col) =>
        `IF(AND(${P("annual_fee")}>0,${year(r)}>=${P("annual_fee_from_year")},${inTerm(r)},NOT(AND(${P("annual_fee_until_sales")},${started(r, col)}))),${P("annual_fee")},0)`,
      cached: (i) => md.feeDue[i],
    },
    {
      id: "annualFee",
      format: AMOUNT,
      formula: (r, col) => `IF(${P("annual_fee_creditable")},MAX(0,${col("feeDue")}${r}-${col("royalty")}${r}),${col("feeDue")}${r})`,
      cached: (i) => md.fee[i],
    },
    {
      id: "sublicense",
      format: AMOUNT,
      formula: (r) => `IF(AND(${inTerm(r)}),${P("sublicense_share")}*${P("sublicense_income")},0)`,
      cached: (i) => md.sublicense[i],
    },
    {
      id: "patentCost",
      format: AMOUNT,
      formula: (r) => `IF(AND(${year(r)}<=${P("years")},${year(r)}<=${P("patent_cost_years")}),${P("patent_cost_reimbursement")}/${P("patent_cost_years")},0)`,
      cached: (i) => md.patent[i],
    },
  ];
  if (outputs.includes("maxrate") || outputs.includes("licensee_npv")) {
    columns.push(
      {
        id: "operatingProfit",
        format: AMOUNT,
        // The plan's operating profit replaces margin × sales in a year where it is given.
        formula: (r, col) => {
          const margin = `${P("operating_margin")}*${col("sales")}${r}`;
          if (!plan) return margin;
          const given = planCell("operating_profit", r);
          return `IF(${year(r)}>${P("years")},0,IF(ISNUMBER(${given}),${given},${margin}))`;
        },
        cached: (i) => operatingProfit[i],
      },
      { id: "royaltyBase", format: AMOUNT, formula: (r, col) => `IF(${year(r)}<=${P("term_years")},${col("sales")}${r},0)`, cached: (i) => royaltyBase[i] },
      {
        id: "hurdleFactor",
        format: FACTOR,
        formula: (r) => `IF(${year(r)}>${P("years")},0,1/(1+${P("hurdle_rate")})^(${year(r)}-${offset}))`,
        cached: (i) => hurdleFactor[i],
      }
    );
  }
  // The royalties at each rate an output is valued at (value_rate25: at the 25%-rule rate).
  for (const o of outputs) {
    const spec = outputSpec(o);
    if (spec.money !== "at_rate") continue;
    const rate = spec.rate as ValuedRate;
    const royalties = atRate(m.results.get(rate));
    columns.push({ id: AT_RATE_COLUMN[rate], format: AMOUNT, formula: royaltyAt(resultCell(rate)), cached: (i) => royalties[i] });
  }

  const colOf = new Map<string, string>(columns.map((c, i) => [c.id, letters(2 + i)]));
  const col = (id: keyof Words["columns"]) => colOf.get(id)!;
  const span = (id: keyof Words["columns"]) => `${col(id)}${first}:${col(id)}${last}`;
  const pv = (id: keyof Words["columns"], factor: keyof Words["columns"] = "discountFactor") => `SUMPRODUCT(${span(id)},${span(factor)})`;

  // Results.
  text(ws, `A${L.resultsHeaderRow - 1}`, w.results, HEADING_FONT);
  header(ws, L.resultsHeaderRow, 1, [w.result, w.value, w.key]);
  const p = P("success_probability");
  const own = P("licensor_ownership");
  const exit = `(${D("exitEquity")}+${D("exitSuccessFee")})`;
  /** The licensor's value (scenario.ts licensorValue) given the PV of the royalties and of the fees. */
  const licensorValue = (risked: boolean, royalties: string, fees: string) =>
    risked
      ? `${own}*(${P("upfront")}+${D("patentValue")}+${p}*(${royalties}+${fees}+${pv("sublicense")})+${D("milestonesRisked")}+${P("exit_probability")}*${exit})`
      : `${own}*(${P("upfront")}+(${royalties}+${fees}+${pv("sublicense")}+${D("patentValue")})+${D("milestonesValue")}+${exit})`;
  // Each output from its two parts (outputs.ts), as scenarioOutput computes it.
  const rateFormulas: Record<RateSource, () => string> = {
    royalty_rate: () => P("royalty_rate"),
    rate25: () => `IF(${P("operating_margin")}<0,"${na}",${P("operating_margin")}*${P("licensor_share")})`,
    maxrate: () => {
      // The annual fee counts in full, creditable or not: the walk-away rate replaces the royalty terms only.
      const denominator = `${p}*${pv("royaltyBase", "hurdleFactor")}*(1-${P("tax_rate")})`;
      const numerator = `${p}*(${pv("operatingProfit", "hurdleFactor")}-${pv("feeDue", "hurdleFactor")})*(1-${P("tax_rate")})-${D("licenseeOutlay")}`;
      return `IF(${denominator}>0,(${numerator})/(${denominator}),"${na}")`;
    },
    equivalent_rate: () => {
      const denominator = `${own}*${p}*SUMPRODUCT((${year(first)}:${year(last)}<=${P("term_years")})*${span("sales")},${span("discountFactor")})`;
      return `IF(${denominator}>0,(${formula("rnpv")})/(${denominator}),"${na}")`;
    },
  };
  const formula = (o: Output): string => {
    const spec = outputSpec(o);
    switch (spec.money) {
      case "npv":
        return licensorValue(false, pv("royalty"), pv("annualFee"));
      case "rnpv":
        return licensorValue(true, pv("royalty"), pv("annualFee"));
      case "at_rate": {
        // A flat rate replaces the rate, tiers and post-expiry rate; a creditable fee is credited against that royalty.
        const rate = spec.rate as ValuedRate;
        const [due, at] = [span("feeDue"), span(AT_RATE_COLUMN[rate])];
        const fees = `IF(${P("annual_fee_creditable")},SUMPRODUCT((${due}>${at})*(${due}-${at}),${span("discountFactor")}),${pv("feeDue")})`;
        return `IF(ISNUMBER(${resultCell(rate)}),${licensorValue(true, pv(AT_RATE_COLUMN[rate]), fees)},"${na}")`;
      }
      case "licensee":
        return `${p}*(${pv("operatingProfit", "hurdleFactor")}-${pv("royalty", "hurdleFactor")}-${pv("annualFee", "hurdleFactor")})*(1-${P("tax_rate")})-${D("licenseeOutlay")}`;
      case undefined:
        return rateFormulas[spec.rate!]();
    }
  };
  for (const o of outputs) {
    const r = m.resultRow.get(o)!;
    ws.getCell(r, 1).value = labelOf(o, language);
    setFormula(ws, rel(r, 2), formula(o), m.results.get(o)!, outputFormat(o));
    ws.getCell(r, 2).font = BOLD;
    text(ws, rel(r, 3), o, KEY_FONT);
  }

  // Year by year: the engine's years, then zeros to MAX_YEARS.
  refuseNonFinite(m.scenario, columns, n);
  text(ws, `A${L.tableHeaderRow - 1}`, w.yearly, HEADING_FONT);
  header(ws, L.tableHeaderRow, 1, [w.columns.year, ...columns.map((c) => w.columns[c.id])]);
  ws.getRow(L.tableHeaderRow).height = 30;
  for (let i = 0; i < MAX_YEARS; i++) {
    const r = first + i;
    ws.getCell(r, 1).value = i + 1;
    columns.forEach((c, j) => setFormula(ws, rel(r, 2 + j), c.formula(r, col), i < n ? c.cached(i) : (c.after ?? 0), c.format));
  }
  // Rows beyond the years modelled in grey, following `years` as it is changed (a hidden or grouped
  // row would stay hidden when the term grows, and the table would disagree with the results).
  ws.addConditionalFormatting({
    ref: `A${first}:${letters(1 + columns.length)}${last}`,
    rules: [{ type: "expression", priority: 1, formulae: [`$A${first}>${P("years")}`], style: { font: { color: { argb: "FFA6A6A6" } } } }],
  });

  ws.getColumn(1).width = 34;
  ws.getColumn(2).width = 18;
  for (let j = 1; j < columns.length; j++) ws.getColumn(2 + j).width = 17;
  pageSetup(ws);
}

// ---------------------------------------------------------------------------------------------
// What a spreadsheet cannot store is refused, with the reason, through the pane's error path (ShareError)

/** The inputs behind a yearly column that can grow without bound. */
const COLUMN_INPUTS: Partial<Record<keyof Words["columns"], AssumptionKey[]>> = {
  market: ["market_size", "market_growth"],
  discountFactor: ["discount_rate", "timing"],
  hurdleFactor: ["hurdle_rate", "timing"],
};

const both = (f: (w: Words, language: Language) => string) => ({ en: f(WORDS.en, "en"), ja: f(WORDS.ja, "ja") });

/** Refuses a scenario whose yearly column holds a number that is not finite (a hurdle rate of −99.9% over 200 years). */
function refuseNonFinite(s: SharedScenario, columns: readonly YearColumn[], years: number): void {
  for (const c of columns) {
    for (let i = 0; i < years; i++) {
      const v = c.cached(i);
      if (typeof v !== "number" || Number.isFinite(v)) continue;
      const keys: AssumptionKey[] = [...(COLUMN_INPUTS[c.id] ?? []), "years"];
      const inputs = (language: Language) =>
        keys.map((k) => `${ASSUMPTIONS.find((x) => x.key === k)!.label[language]} = ${s.assumptions[k]}`).join(language === "ja" ? "、" : ", ");
      throw new ShareError(both((w, language) => w.refusal.notFinite(s.name, w.columns[c.id], i + 1, inputs(language))));
    }
  }
}

/** The engine's model of a scenario; a scenario the engine cannot value over its years is refused by name. */
function modelOf(s: SharedScenario): ScenarioModel {
  try {
    return runScenario(s.assumptions);
  } catch (e) {
    if (!(e instanceof ValuationError)) throw e;
    // The discount factors overflow before the royalties' value does: name the cause the user can change.
    const a = s.assumptions;
    const df = discountFactors(a.discount_rate, a.timing, newSeries(a.years));
    const discount: YearColumn = { id: "discountFactor", format: FACTOR, formula: () => "", cached: (i) => df[i] };
    refuseNonFinite(s, [discount], a.years);
    throw new ShareError(both((w) => w.refusal.cannotValue(s.name, e.message)));
  }
}

/**
 * The last check before the file is written: no number that is not finite (OOXML has no Infinity or
 * NaN) and no text longer than a cell holds, in any cell of any sheet.
 */
function refuseUnstorable(wb: ExcelJS.Workbook): void {
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
        const where = `${ws.name}!${cell.address}`;
        if (typeof v === "number" && !Number.isFinite(v)) throw new ShareError(both((w) => w.refusal.cell(where, String(v))));
        if (typeof v === "string" && v.length > CELL_TEXT_LIMIT) throw new ShareError(both((w) => w.refusal.cell(where, w.refusal.tooLong(v.length))));
      })
    )
  );
}

// ---------------------------------------------------------------------------------------------
// The workbook

/** The negotiator workbook of a SharedContent (the chosen items only), without its chart. */
export function buildNegotiatorWorkbook(content: SharedContent, options: BuildOptions): ExcelJS.Workbook {
  return buildNegotiator(content, options).workbook;
}

/** The workbook and the charts to add to its bytes (the football field on the Summary). */
export function buildNegotiator(content: SharedContent, options: BuildOptions): { workbook: ExcelJS.Workbook; charts: ChartSpec[] } {
  const { language } = options;
  const w = WORDS[language];
  const na = w.notAvailable;
  const date = isoDate(options.date);
  const currency = (options.currency ?? "").trim();

  const wb = new ExcelJS.Workbook();
  // Document properties, set explicitly: no user names, a neutral title.
  wb.creator = "IPVALUE";
  wb.lastModifiedBy = "IPVALUE";
  wb.title = w.propertiesTitle;
  wb.subject = w.propertiesSubject;
  wb.created = options.date;
  wb.modified = options.date;
  wb.calcProperties.fullCalcOnLoad = true; // Excel recalculates on opening; the cached values are for the first look

  const scenarios = content.scenarios;
  const taken = new Set<string>();
  const names = {
    summary: sheetName(w.sheets.summary, taken),
    assumptions: sheetName(w.sheets.assumptions, taken),
    // The Plan sheet only when a shared scenario has yearly plan rows; then every scenario has its block.
    plan: scenarios.some((s) => s.assumptions.plan) ? sheetName(w.sheets.plan, taken) : null,
    bands: w.sheets.bands,
    notes: w.sheets.notes,
  };
  // Reserve the later sheets' names before the model sheets take theirs.
  names.bands = sheetName(w.sheets.bands, taken);
  names.notes = sheetName(w.sheets.notes, taken);

  const models: ModelSheet[] = scenarios.map((s) => {
    const model = modelOf(s);
    const results = new Map<Output, Cached>();
    const resultRow = new Map<Output, number>();
    content.outputs.forEach((o, i) => {
      results.set(
        o,
        attempt(() => scenarioOutput(model, o), na)
      );
      resultRow.set(o, LAYOUT.model.firstResultRow + i);
    });
    return { name: sheetName(w.sheets.model + s.name, taken), scenario: s, model, results, resultRow };
  });

  const summary = wb.addWorksheet(names.summary);
  const assumptions = wb.addWorksheet(names.assumptions, { views: [{ state: "frozen", xSplit: 3, ySplit: LAYOUT.assumptions.headerRow }] });
  buildAssumptionsSheet(assumptions, scenarios, w, language, currency, content.sources);
  const plans = names.plan ? buildPlanSheet(wb.addWorksheet(names.plan, planView), scenarios, names.assumptions, w, language, currency) : null;
  models.forEach((m, i) =>
    buildModelSheet(wb, m, content, names.assumptions, LAYOUT.assumptions.firstScenarioColumn + i, plans ? plans[i] : null, w, language)
  );
  const bandRange = content.bands ? buildBandsSheet(wb.addWorksheet(names.bands), content.bands, w, language) : null;
  const field = buildSummarySheet(summary, content, models, bandRange, options, w, currency, date);
  buildNotesSheet(wb.addWorksheet(names.notes), content, models, w, language, options.version, currency, date);
  wb.eachSheet(fitWrappedRows);

  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  refuseUnstorable(wb);
  return { workbook: wb, charts: field ? [field] : [] };
}

const planView: Partial<ExcelJS.AddWorksheetOptions> = {
  views: [{ state: "frozen", xSplit: LAYOUT.plan.firstYearColumn - 1, ySplit: LAYOUT.plan.headerRow }],
};

function buildAssumptionsSheet(
  ws: ExcelJS.Worksheet,
  scenarios: readonly SharedScenario[],
  w: Words,
  language: Language,
  currency: string,
  sources?: SharedContent["sources"]
): void {
  const L = LAYOUT.assumptions;
  const noteColumn = L.firstScenarioColumn + scenarios.length;
  text(ws, "A1", w.assumptionsTitle, TITLE_FONT);
  text(ws, "A2", w.assumptionsAbout);
  text(ws, "A3", w.amountsIn(currency));
  // The note column is headed "note" (注記): the functions skip it, so IPVALUE.RANGE still reads the table.
  header(ws, L.headerRow, 1, [w.key, w.label, w.unit, ...scenarios.map((s) => s.name), w.note]);
  const rowOf = (key: AssumptionKey) => L.firstKeyRow + ASSUMPTIONS.findIndex((x) => x.key === key);
  ASSUMPTIONS.forEach((spec, i) => {
    const r = L.firstKeyRow + i;
    ws.getCell(r, 1).value = spec.key;
    ws.getCell(r, 2).value = spec.label[language];
    ws.getCell(r, 3).value = UNIT_LABELS[spec.unit][language];
    // A blank key whose default is another key's value is that key's cell: it follows an edit of it.
    const driver = FOLLOWS[spec.key];
    const following = driver ? scenarios.filter((s) => s.defaulted.includes(spec.key)) : [];
    // The note: the assumption's source, when the user chose to share the sources, then what a blank follows.
    const notes = [
      sources?.[spec.key] ?? "",
      driver && following.length > 0 ? w.follows(driver, following.length === scenarios.length ? null : following.map((s) => s.name)) : "",
    ];
    if (notes.some((n) => n !== "")) text(ws, rel(r, noteColumn), notes.filter((n) => n !== "").join("; "), notes[0] !== "" ? BASE_FONT : DEFAULT_FONT);
    scenarios.forEach((s, j) => {
      const cell = ws.getCell(r, L.firstScenarioColumn + j);
      const value = s.assumptions[spec.key];
      const needs = FOLLOWS_ONLY_WITH[spec.key];
      if (driver && following.includes(s)) {
        const link = rel(rowOf(driver), L.firstScenarioColumn + j);
        cell.value = (
          needs
            ? {
                formula: `IF(ISNUMBER(${rel(rowOf(needs), L.firstScenarioColumn + j)}),${link},"")`,
                result: waitsForThreshold(s.assumptions, spec.key) ? "" : (value as Cached),
              }
            : { formula: link, result: value as Cached }
        ) as ExcelJS.CellFormulaValue;
      } else cell.value = asWritten(spec.unit, value, w);
      cell.fill = INPUT_FILL;
      if (spec.unit === "rate" || spec.unit === "share") cell.numFmt = INPUT_PERCENT;
      else if (spec.unit === "currency" || spec.unit === "currency_per_year") cell.numFmt = AMOUNT;
      if (s.defaulted.includes(spec.key)) cell.font = DEFAULT_FONT;
      if (spec.unit === "timing") cell.alignment = { horizontal: "right" };
      const v = w.validation;
      if (spec.unit === "share") {
        cell.dataValidation = {
          type: "decimal",
          operator: "between",
          formulae: [0, 1],
          allowBlank: false,
          showErrorMessage: true,
          errorTitle: v.title,
          error: v.share,
        };
      } else if (spec.key === "years" || spec.key === "launch_year" || spec.key === "term_years") {
        cell.dataValidation = {
          type: "whole",
          operator: "between",
          formulae: [1, MAX_YEARS],
          allowBlank: false,
          showErrorMessage: true,
          errorTitle: v.title,
          error: v.whole,
        };
      } else if (spec.unit === "timing") {
        cell.dataValidation = {
          type: "list",
          formulae: [`"${Object.values(w.timingWords).join(",")}"`],
          allowBlank: false,
          showErrorMessage: true,
          errorTitle: v.title,
          error: v.timing,
        };
      }
    });
  });
  ws.getColumn(1).width = 20;
  ws.getColumn(2).width = 34;
  ws.getColumn(3).width = 18;
  scenarios.forEach((_, j) => (ws.getColumn(L.firstScenarioColumn + j).width = 18));
  ws.getColumn(noteColumn).width = 30;
  pageSetup(ws);
}

/**
 * The Plan sheet: per scenario a block of rows (sales, operating profit, investment), one input column
 * per year to MAX_YEARS (a longer term typed on the Assumptions sheet finds its years); the years after
 * a scenario's years modelled in grey, following `years`. Blank cells are blank: the engine's meaning
 * of a blank year (sales and investment 0, operating profit margin × sales) is in the formulas.
 */
function buildPlanSheet(
  ws: ExcelJS.Worksheet,
  scenarios: readonly SharedScenario[],
  assumptionsSheet: string,
  w: Words,
  language: Language,
  currency: string
): PlanRefs[] {
  const L = LAYOUT.plan;
  text(ws, "A1", w.planTitle, TITLE_FONT);
  text(ws, "A2", w.planAbout);
  text(ws, "A3", w.amountsIn(currency));
  const lastColumn = planColumn(MAX_YEARS - 1);
  header(ws, L.headerRow, 1, [w.planColumns.scenario, w.planColumns.item, w.key]);
  for (let i = 0; i < MAX_YEARS; i++) {
    const cell = ws.getCell(L.headerRow, planColumn(i));
    cell.value = i + 1;
    cell.font = BOLD;
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: "right" };
  }
  const yearsRow = LAYOUT.assumptions.firstKeyRow + ASSUMPTIONS.findIndex((x) => x.key === "years");
  const refs = scenarios.map((s, j): PlanRefs => {
    const top = L.firstBlockRow + j * L.blockRows;
    const row = Object.fromEntries(PLAN_SERIES.map((series, k) => [series, top + k])) as Record<PlanSeries, number>;
    const plan = s.assumptions.plan;
    for (const series of PLAN_SERIES) {
      const r = row[series];
      ws.getCell(r, 1).value = s.name;
      ws.getCell(r, 2).value = w.planSeries[series];
      text(ws, rel(r, 3), series, KEY_FONT);
      const values = plan?.[series] ?? [];
      for (let i = 0; i < MAX_YEARS; i++) {
        const cell = ws.getCell(r, planColumn(i));
        const v = values[i];
        if (v !== null && v !== undefined) cell.value = v;
        cell.fill = INPUT_FILL;
        cell.numFmt = AMOUNT;
        // Sales and investments are 0 or more (the engine refuses less); an operating profit may be a loss.
        const message = { allowBlank: true, showErrorMessage: true, errorTitle: w.validation.title };
        cell.dataValidation =
          series === "operating_profit"
            ? { type: "custom", formulae: [`ISNUMBER(${rel(r, planColumn(i))})`], ...message, error: w.validation.amount }
            : { type: "decimal", operator: "greaterThanOrEqual", formulae: [0], ...message, error: w.validation.nonNegative };
      }
    }
    ws.getCell(row.sales, 1).font = BOLD;
    // Years after this scenario's years modelled in grey, following `years` on the Assumptions sheet.
    const years = `${sheetRef(assumptionsSheet)}${abs(yearsRow, LAYOUT.assumptions.firstScenarioColumn + j)}`;
    ws.addConditionalFormatting({
      ref: `${rel(top, planColumn(0))}:${rel(top + PLAN_SERIES.length - 1, lastColumn)}`,
      rules: [
        { type: "expression", priority: 1, formulae: [`${letters(planColumn(0))}$${L.headerRow}>${years}`], style: { font: { color: { argb: "FFA6A6A6" } } } },
      ],
    });
    return { sheet: ws.name, row };
  });
  ws.getColumn(1).width = 20;
  ws.getColumn(2).width = 32;
  ws.getColumn(3).width = 16;
  for (let i = 0; i < MAX_YEARS; i++) ws.getColumn(planColumn(i)).width = 14;
  pageSetup(ws);
  return refs;
}

interface BandRange {
  low: string;
  mid: string;
  high: string;
  cached: { low: number; base: number; high: number };
}

function buildBandsSheet(ws: ExcelJS.Worksheet, bands: NonNullable<SharedContent["bands"]>, w: Words, language: Language): BandRange {
  const L = LAYOUT.bands;
  text(ws, "A1", w.bandsTitle, TITLE_FONT);
  text(ws, "A2", w.bandsFilter(bands.filter));
  text(ws, "A3", w.bandsAbout);
  header(ws, L.headerRow, 1, w.bandColumns);
  const conditions = (b: BandRow) => [b.right, b.regulatory, b.licensee, b.exclusivity].filter((x) => x !== "any").join(", ");
  bands.rows.forEach((b, i) => {
    const r = L.firstRow + i;
    ws.getCell(r, 1).value = b.key;
    ws.getCell(r, 2).value = language === "ja" ? b.description_ja : b.description_en;
    ws.getCell(r, 3).value = b.low;
    ws.getCell(r, 4).value = b.high;
    setFormula(ws, rel(r, 5), `(${rel(r, 3)}+${rel(r, 4)})/2`, (b.low + b.high) / 2, PERCENT);
    ws.getCell(r, 3).numFmt = PERCENT;
    ws.getCell(r, 4).numFmt = PERCENT;
    ws.getCell(r, 6).value = conditions(b);
    ws.getCell(r, 7).value = b.source;
    ws.getCell(r, 8).value = b.locator;
    ws.getCell(r, 9).value = b.page;
    ws.getCell(r, 10).value = b.year === "" ? "" : b.year;
    ws.getRow(r).alignment = { vertical: "top", wrapText: true };
  });
  [30, 44, 9, 9, 10, 22, 24, 40, 7, 9].forEach((width, i) => (ws.getColumn(i + 1).width = width));
  pageSetup(ws);
  const lastRow = L.firstRow + bands.rows.length - 1;
  const mids = bands.rows.map((b) => (b.low + b.high) / 2).sort((x, y) => x - y);
  const h = mids.length >> 1;
  const ref = (c: number) => `${sheetRef(ws.name)}${abs(L.firstRow, c)}:${abs(lastRow, c)}`;
  return {
    low: ref(3),
    mid: ref(5),
    high: ref(4),
    cached: {
      low: Math.min(...bands.rows.map((b) => b.low)),
      base: mids.length % 2 === 1 ? mids[h] : (mids[h - 1] + mids[h]) / 2,
      high: Math.max(...bands.rows.map((b) => b.high)),
    },
  };
}

function buildSummarySheet(
  ws: ExcelJS.Worksheet,
  content: SharedContent,
  models: readonly ModelSheet[],
  bands: BandRange | null,
  options: BuildOptions,
  w: Words,
  currency: string,
  date: string
): FootballChartSpec | null {
  const { language } = options;
  const na = w.notAvailable;
  const base = models[content.baseIndex];
  text(ws, "A1", w.title, TITLE_FONT);
  text(ws, "A2", `${w.preparedWith(options.version, date)} ${w.amountsIn(currency)}`);
  text(ws, "A3", w.live);
  text(ws, "A4", w.scenariosLine(models.map((m) => m.scenario.name).join(", "), base.scenario.name));

  // Low / base / high of each output, engine-computed for the cache.
  const rows = valuationRangeRows(
    content.scenarios.map((s) => ({ name: s.name, assumptions: s.assumptions, internal: false })),
    content.outputs
  );
  const rangeOf = new Map<Output, { low: Cached; high: Cached }>();
  content.outputs.forEach((o, i) => {
    const r = rows[i];
    rangeOf.set(o, r instanceof ValuationError ? { low: na, high: na } : { low: r.low, high: r.high });
  });
  const refs = (o: Output) => models.map((m) => `${sheetRef(m.name)}${abs(m.resultRow.get(o)!, 2)}`);
  const n = models.length;

  let row = 6;
  /** The row of each output's low / base / high (the football field's cells read them). */
  const rangeRow = new Map<Output, number>();
  const rangeBlock = (heading: string, outputs: readonly Output[], withBands: boolean) => {
    if (outputs.length === 0 && !withBands) return;
    text(ws, `A${row}`, heading, HEADING_FONT);
    row++;
    header(ws, row, 1, [w.result, w.low, w.base, w.high, w.key]);
    for (let c = 2; c <= 4; c++) ws.getCell(row, c).alignment = { horizontal: "right" };
    row++;
    for (const o of outputs) {
      const list = refs(o).join(",");
      const cached = rangeOf.get(o)!;
      const fmt = outputFormat(o);
      ws.getCell(row, 1).value = labelOf(o, language);
      rangeRow.set(o, row);
      setFormula(ws, rel(row, 2), `IF(COUNT(${list})<${n},"${na}",MIN(${list}))`, cached.low, fmt);
      // The base case is its scenario's own result (an answer even where another scenario has none).
      setFormula(ws, rel(row, 3), `${sheetRef(base.name)}${abs(base.resultRow.get(o)!, 2)}`, base.results.get(o)!, fmt);
      setFormula(ws, rel(row, 4), `IF(COUNT(${list})<${n},"${na}",MAX(${list}))`, cached.high, fmt);
      ws.getCell(row, 3).font = BOLD;
      text(ws, rel(row, 5), o, KEY_FONT);
      row++;
    }
    if (withBands && bands) {
      ws.getCell(row, 1).value = w.bandRow;
      setFormula(ws, rel(row, 2), `MIN(${bands.low})`, bands.cached.low, PERCENT);
      setFormula(ws, rel(row, 3), `MEDIAN(${bands.mid})`, bands.cached.base, PERCENT);
      setFormula(ws, rel(row, 4), `MAX(${bands.high})`, bands.cached.high, PERCENT);
      ws.getCell(row, 3).font = BOLD;
      text(ws, rel(row, 5), "band_rate", KEY_FONT);
      row++;
    }
    row++;
  };
  rangeBlock(
    w.rangeHeading,
    MONEY_OUTPUTS.filter((o) => content.outputs.includes(o)),
    false
  );
  rangeBlock(
    w.rateHeading,
    RATE_ORDER.filter((o) => content.outputs.includes(o)),
    bands !== null
  );

  // The proposal: the amounts shared, then the offer's terms, each with what it means.
  const position: [string, number | undefined, "offer" | "ceiling" | "floor"][] = [
    [w.offer, content.offer, "offer"],
    [w.ceiling, content.ceiling, "ceiling"],
    [w.floor, content.floor, "floor"],
  ];
  const positionRow = new Map<"offer" | "ceiling" | "floor", number>();
  const terms = content.terms ?? [];
  if (position.some(([, v]) => v !== undefined) || terms.length > 0) {
    text(ws, `A${row}`, w.positionHeading, HEADING_FONT);
    row++;
    header(ws, row, 1, [...w.termColumns.slice(0, 3), "", w.termColumns[3]]);
    ws.getCell(row, 2).alignment = { horizontal: "right", vertical: "middle", wrapText: true };
    row++;
    const unitOfAmount = currency || w.currencyUnstated;
    for (const [label, value, key] of position) {
      if (value === undefined) continue;
      ws.getCell(row, 1).value = label;
      ws.getCell(row, 2).value = value;
      ws.getCell(row, 2).numFmt = AMOUNT;
      ws.getCell(row, 2).font = BOLD;
      ws.getCell(row, 3).value = unitOfAmount;
      text(ws, rel(row, 5), key, KEY_FONT);
      positionRow.set(key, row);
      row++;
      if (key === "offer") row = meaningRow(ws, row, w.offerMeaning(`${value.toLocaleString("en-US")} ${unitOfAmount}`));
    }
    if (terms.length > 0) {
      text(ws, `A${row}`, w.termsHeading, BOLD);
      row++;
      for (const t of terms) row = termRows(ws, row, t, w, language, currency);
    }
    row++;
  }

  text(ws, `A${row}`, w.byScenario, HEADING_FONT);
  row++;
  header(ws, row, 1, [w.scenario, ...content.outputs.map((o) => labelOf(o, language))]);
  content.outputs.forEach((_, j) => (ws.getCell(row, 2 + j).alignment = { horizontal: "right", vertical: "middle", wrapText: true }));
  ws.getRow(row).height = 45;
  row++;
  for (const m of models) {
    ws.getCell(row, 1).value = m.scenario.name;
    content.outputs.forEach((o, j) => setFormula(ws, rel(row, 2 + j), `${sheetRef(m.name)}${abs(m.resultRow.get(o)!, 2)}`, m.results.get(o)!, outputFormat(o)));
    row++;
  }

  ws.getColumn(1).width = 46;
  for (let c = 2; c <= Math.max(6, 1 + content.outputs.length); c++) ws.getColumn(c).width = 17;
  pageSetup(ws);
  return footballBlock(ws, row + 1, content, rangeOf, rangeRow, positionRow, w, language, currency);
}

/** The offer's value or a term's value as a sentence writes it: 3%, 20,000,000 JPY, 12, TRUE. */
function termText(value: SharedTerm["value"], key: AssumptionKey, currency: string): string {
  const unit = assumptionSpec(key).unit;
  if (typeof value === "number") {
    if (unit === "rate" || unit === "share") return `${Number((value * 100).toPrecision(10))}%`;
    if (unit === "currency" || unit === "currency_per_year") return `${value.toLocaleString("en-US")}${currency ? ` ${currency}` : ""}`;
  }
  return typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : String(value);
}

/** A sentence under the row above, across columns A to E, wrapped (its height set from its length). */
function meaningRow(ws: ExcelJS.Worksheet, row: number, sentence: string): number {
  ws.mergeCells(row, 1, row, 5);
  const cell = ws.getCell(row, 1);
  cell.value = sentence;
  cell.font = DEFAULT_FONT;
  cell.alignment = { wrapText: true, vertical: "top" };
  fitHeight(ws.getRow(row), sentence, columnsWidth(ws, 1, 5), DEFAULT_FONT);
  return row + 1;
}

/** One term of the offer: label, value, unit, key; and under it what it means. */
function termRows(ws: ExcelJS.Worksheet, row: number, t: SharedTerm, w: Words, language: Language, currency: string): number {
  const spec = assumptionSpec(t.key);
  const label = spec.label[language];
  ws.getCell(row, 1).value = label;
  const cell = ws.getCell(row, 2);
  cell.value = t.value === undefined ? w.termNotFixed : t.value;
  cell.font = BOLD;
  if (spec.unit === "rate" || spec.unit === "share") cell.numFmt = INPUT_PERCENT;
  else if (spec.unit === "currency" || spec.unit === "currency_per_year") cell.numFmt = AMOUNT;
  if (typeof t.value !== "number") cell.alignment = { horizontal: "right" };
  ws.getCell(row, 3).value = UNIT_LABELS[spec.unit][language];
  // Not the bare key: the range blocks above are keyed by output, and royalty_rate is one.
  text(ws, rel(row, 5), `offer:${t.key}`, KEY_FONT);
  const meaning = w.termMeaning[t.key];
  const sentence = t.value === undefined ? w.termOpen(label) : meaning ? meaning(termText(t.value, t.key, currency)) : spec.help[language];
  return meaningRow(ws, row + 1, sentence);
}

const OFFER_COLOR = "D9822B";
const RANGE_COLOR = "70AD47";
/** Rows the chart stands over. */
const CHART_ROWS = 18;

/**
 * The football field: a native chart under the Summary's tables, over a block of cells per bar (the
 * methods shared, the offer, the proposal's range when both its ends are shared): from, to (formulas
 * over the range block above), and what the chart draws: the start and the length, clipped to the
 * axis (fieldScale, the pane's scale). Only shared content reaches these cells and the chart's cache.
 */
function footballBlock(
  ws: ExcelJS.Worksheet,
  top: number,
  content: SharedContent,
  rangeOf: ReadonlyMap<Output, { low: Cached; high: Cached }>,
  rangeRow: ReadonlyMap<Output, number>,
  positionRow: ReadonlyMap<"offer" | "ceiling" | "floor", number>,
  w: Words,
  language: Language,
  currency: string
): FootballChartSpec | null {
  const methods = FOOTBALL_OUTPUTS.filter((o) => {
    const r = rangeOf.get(o);
    return r !== undefined && typeof r.low === "number" && typeof r.high === "number";
  });
  const offerRow = positionRow.get("offer");
  const floorRow = positionRow.get("floor");
  const ceilingRow = positionRow.get("ceiling");
  if (methods.length === 0 && offerRow === undefined) return null;
  const lowOf = (o: Output) => rangeOf.get(o)!.low as number;
  const highOf = (o: Output) => rangeOf.get(o)!.high as number;
  const marks = [content.offer, content.floor, content.ceiling].filter((v): v is number => v !== undefined);
  const scale = fieldScale(
    methods.map((o) => ({ low: lowOf(o), base: lowOf(o), high: highOf(o) })),
    marks
  );
  const { min, max } = scale;
  const clip = (v: number) => Math.min(Math.max(v, min), max);
  const S = (r: number, c: number) => rel(r, c);

  // The chart and its cells start a page: a page break never cuts the chart.
  ws.getRow(top - 1).addPageBreak();
  let row = top + CHART_ROWS + 1;
  const chartTop = top;
  text(ws, `A${row}`, w.fieldDataHeading, HEADING_FONT);
  row++;
  const about = offerRow !== undefined ? `${w.fieldAbout} ${w.offerNote}` : w.fieldAbout;
  row = meaningRow(ws, row, about);
  header(ws, row, 1, w.fieldColumns);
  for (let c = 2; c <= 5; c++) ws.getCell(row, c).alignment = { horizontal: "right", vertical: "middle", wrapText: true };
  row++;
  const first = row;
  const labels: string[] = [];
  const starts: number[] = [];
  const lengths: number[] = [];
  const colors: (string | undefined)[] = [];
  const short = w.shortAmount;
  /** One bar: its label, from and to (formulas over cells above), and the chart's start and length. */
  const bar = (label: string, key: string, from: string, to: string, low: number, high: number, color?: string, width?: number) => {
    // A label that says so when the bar runs past the axis (its true high printed), as the pane does.
    const [cut, after] = w.clipped(label, "\u0000").split("\u0000");
    const labelFormula = `IF(${S(row, 3)}>${max},${quoted(cut)}&TEXT(${S(row, 3)}/${short.divisor},${quoted(short.format)})&${quoted(short.unit + after)},${quoted(label)})`;
    const shown = high > max ? `${cut}${(high / short.divisor).toFixed(1)}${short.unit}${after}` : label;
    setFormula(ws, S(row, 1), labelFormula, shown);
    setFormula(ws, S(row, 2), from, low, AMOUNT);
    setFormula(ws, S(row, 3), to, high, AMOUNT);
    const start = clip(low);
    setFormula(ws, S(row, 4), `MIN(MAX(${S(row, 2)},${min}),${max})`, start, AMOUNT);
    if (width === undefined) {
      const length = Math.max(0, clip(high) - start);
      setFormula(ws, S(row, 5), `MAX(0,MIN(${S(row, 3)},${max})-${S(row, 4)})`, length, AMOUNT);
      lengths.push(length);
    } else {
      ws.getCell(row, 5).value = width;
      ws.getCell(row, 5).numFmt = AMOUNT;
      lengths.push(width);
    }
    text(ws, S(row, 6), key, KEY_FONT);
    labels.push(shown);
    starts.push(start);
    colors.push(color);
    row++;
  };
  for (const o of methods) {
    const r = rangeRow.get(o)!;
    bar(labelOf(o, language), o, S(r, 2), S(r, 4), lowOf(o), highOf(o));
  }
  if (offerRow !== undefined) {
    const offer = content.offer!;
    bar(w.offer, "offer", S(offerRow, 2), S(offerRow, 2), offer, offer, OFFER_COLOR, Math.round((max - min) * 0.005));
  }
  if (floorRow !== undefined && ceilingRow !== undefined) {
    bar(w.rangeBar, "range", S(floorRow, 2), S(ceilingRow, 2), content.floor!, content.ceiling!, RANGE_COLOR);
  }
  const last = row - 1;
  const block = (c: number, cache: (number | string)[]) => ({ sheet: ws.name, range: `${S(first, c)}:${S(last, c)}`, cache });
  return {
    kind: "football",
    anchor: { sheet: ws.name, from: { col: 0, row: chartTop - 1 }, to: { col: 5, row: chartTop - 1 + CHART_ROWS } },
    title: w.fieldTitle,
    valueTitle: w.fieldValueAxis(currency),
    numFmt: AMOUNT,
    categories: block(1, labels),
    low: block(4, starts),
    span: block(5, lengths),
    axis: { min, max, step: scale.step },
    pointColors: colors,
  };
}

function buildNotesSheet(
  ws: ExcelJS.Worksheet,
  content: SharedContent,
  models: readonly ModelSheet[],
  w: Words,
  language: Language,
  version: string,
  currency: string,
  date: string
): void {
  text(ws, "A1", w.notesTitle, TITLE_FONT);
  const facts: [string, string][] = [
    [w.date, date],
    [w.version, version],
    [w.currency, currency || w.currencyUnstated],
    [w.scenarios, w.covers(models.map((m) => m.scenario.name).join(", "))],
    [w.resultsShown, content.outputs.map((o) => labelOf(o, language)).join(", ")],
  ];
  let row = 3;
  for (const [k, v] of facts) {
    text(ws, `A${row}`, k, BOLD);
    text(ws, `B${row}`, v);
    ws.getCell(`A${row}`).alignment = { wrapText: true, vertical: "top" };
    ws.getCell(`B${row}`).alignment = { wrapText: true, vertical: "top" };
    row++;
  }
  row++;
  text(ws, `A${row++}`, w.methodsHeading, HEADING_FONT);
  w.methods.forEach((line, i) => {
    text(ws, `A${row}`, `${i + 1}.`);
    text(ws, `B${row}`, line);
    ws.getCell(`B${row}`).alignment = { wrapText: true, vertical: "top" };
    row++;
  });
  row++;
  text(ws, `B${row}`, w.recalc);
  ws.getCell(`B${row++}`).alignment = { wrapText: true, vertical: "top" };
  if (content.notes !== undefined) {
    row++;
    text(ws, `A${row++}`, w.notesHeading, HEADING_FONT);
    // Over a cell's limit, the notes run on in the cells below, each part labelled: nothing is cut.
    const parts = cellParts(content.notes);
    parts.forEach((part, i) => {
      if (parts.length > 1) text(ws, `A${row}`, w.notesPart(i + 1, parts.length));
      text(ws, `B${row}`, part);
      ws.getCell(`B${row}`).alignment = { wrapText: true, vertical: "top" };
      row++;
    });
  }
  ws.getColumn(1).width = 18;
  ws.getColumn(2).width = 110;
  pageSetup(ws);
}

// ---------------------------------------------------------------------------------------------
// Text laid out so that nothing overlaps when printed: a wrapped cell's row as tall as its lines

/** Makes the row tall enough for `text` wrapped in `width` characters (never shorter than it is). */
function fitHeight(row: ExcelJS.Row, text: string, width: number, font: Partial<ExcelJS.Font> = BASE_FONT): void {
  const needed = textHeight(text, width, font);
  if (needed > (row.height ?? 15)) row.height = needed;
}

/** Columns c1 … c2 together, in characters. */
const columnsWidth = (ws: ExcelJS.Worksheet, c1: number, c2: number) => {
  let width = 0;
  for (let c = c1; c <= c2; c++) width += ws.getColumn(c).width ?? 9;
  return width;
};

/**
 * Every wrapped cell of the sheet (not merged: those are fitted where they are made): its row as tall
 * as its text needs, its text at the top. LibreOffice keeps a row's stored height, so a row left at
 * the default would print a long wrapped text over the rows below.
 */
function fitWrappedRows(ws: ExcelJS.Worksheet): void {
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (!cell.alignment?.wrapText || cell.isMerged) return;
      const v = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
      if (typeof v !== "string" || v === "") return;
      fitHeight(row, v, ws.getColumn(cell.col).width ?? 9, cell.font ?? BASE_FONT);
    })
  );
  // In a row made taller, every cell's text at the top, beside the first line of its neighbours.
  ws.eachRow((row) => {
    if ((row.height ?? 15) <= 15) return;
    row.eachCell((cell) => {
      if (!cell.alignment?.vertical) cell.alignment = { ...cell.alignment, vertical: "top" };
    });
  });
}

// ---------------------------------------------------------------------------------------------
// One call for the pane and the demo

/** Filters the set by the choice, then builds the workbook: the .xlsx file's bytes, with its chart. */
export async function negotiatorWorkbook(set: ScenarioSet, choice: ShareChoice, options: BuildOptions): Promise<Uint8Array> {
  const content = selectShared(set, choice);
  const { workbook, charts } = buildNegotiator(content, options);
  const buffer = await workbook.xlsx.writeBuffer();
  // exceljs writes no charts: the football field's parts are added to its bytes.
  return addCharts(new Uint8Array(buffer as ArrayBuffer), charts);
}

/** Base64 of bytes (what Excel.createWorkbook takes), without Node's Buffer. */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}
