/**
 * Office.js glue for the "IPVALUE monitoring" sheet (its layout is pure: ../model/monitoring-sheet.ts).
 * As for the IPVALUE sheet, the workbook is the truth: every save re-reads the tables in the same batch
 * and writes the pane's changes (from the monitoring it last read) merged with what the grid holds now
 * (../model/monitoring.ts mergeMonitoring), so a cell changed in the grid meanwhile keeps the grid's
 * value. The sheet and its formulas are made the first time; after that only the tables are written,
 * and a table grows (Table.resize) only over empty cells. Quarterly reports: a version-1 reports table
 * (no quarter column) widens to one once a quarter is reported (over empty cells only), the yearly
 * totals table is written beside the checks, and K4 / T4 are switched to read it, but only while they
 * hold IPVALUE's own formula (one typed over them is left alone). Uses only the Office.js members the
 * IPVALUE sheet's glue uses (see ./workbook.ts).
 */
import type { RawValue } from "../../engine";
import type { Language } from "../../model/language";
import { EditError } from "../../model/scenario-set";
import { asText, cellName } from "../model/cells";
import { emptyMonitoring, isQuarterly, mergeMonitoring, Monitoring, MonitoringKept } from "../model/monitoring";
import {
  AUDIT_AT,
  AUDIT_FORMULA,
  AUDIT_YEARLY_FORMULA,
  Block,
  CAPTIONS,
  checkFormulas,
  markerRow,
  MONITORING_SHEET,
  readMonitoring,
  REPORTS_AT,
  REPORTS_TABLE,
  reportsBlock,
  SETTINGS_AT,
  SETTINGS_TABLE,
  settingsBlock,
  SIGNED_AT,
  SIGNED_TABLE,
  signedBlock,
  TRACK_AT,
  TRACK_FORMULA,
  TRACK_YEARLY_FORMULA,
  YEARLY_AT,
  YEARLY_TABLE,
  yearlyBlock,
} from "../model/monitoring-sheet";
import { runAction } from "./tables";

interface ReadTable {
  table: Excel.Table;
  rowIndex: number;
  columnIndex: number;
  values: RawValue[][];
}

interface Read {
  sheet: Excel.Worksheet;
  monitoring: Monitoring;
  tables: Record<"settings" | "reports" | "signed" | "yearly", ReadTable | null>;
  /** What K4 and T4 hold now. */
  formulas: { audit: string; track: string };
}

async function readSheet(context: Excel.RequestContext): Promise<Read | null> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(MONITORING_SHEET);
  const found = [SETTINGS_TABLE, REPORTS_TABLE, SIGNED_TABLE, YEARLY_TABLE].map((n) => context.workbook.tables.getItemOrNullObject(n));
  await context.sync();
  if (sheet.isNullObject) return null;
  const ranges = found.map((t) => (t.isNullObject ? null : { table: t, range: t.getRange().load("values,rowIndex,columnIndex") }));
  const checks = [AUDIT_AT, TRACK_AT].map((at) => sheet.getRangeByIndexes(at.row, at.column, 1, 1).load("formulas"));
  await context.sync();
  const [settings, reports, signed, yearly] = ranges.map(
    (x): ReadTable | null => x && { table: x.table, rowIndex: x.range.rowIndex, columnIndex: x.range.columnIndex, values: x.range.values as RawValue[][] }
  );
  const [audit, track] = checks.map((r) => String(r.formulas[0][0] ?? ""));
  return {
    sheet,
    monitoring: readMonitoring(settings?.values ?? null, reports?.values ?? null),
    tables: { settings, reports, signed, yearly },
    formulas: { audit, track },
  };
}

/** The monitoring stored in the workbook (empty when it has no monitoring sheet); an EditError says which cell cannot be read. */
export async function readMonitoringSheet(): Promise<Monitoring> {
  return Excel.run(async (context) => (await readSheet(context))?.monitoring ?? emptyMonitoring());
}

export interface SavedMonitoring {
  monitoring: Monitoring;
  kept: MonitoringKept[];
}

/**
 * Saves the pane's monitoring (`intended`, made from `base`, what the pane last read) and the signed
 * terms: the sheet is made the first time; after that the pane's changes are merged with the tables as
 * they are now. Refused (EditError, nothing written) when a table cannot be read or has no room to grow.
 */
export async function saveMonitoringSheet(
  base: Monitoring,
  intended: Monitoring,
  signed: readonly [string, RawValue][],
  language: Language
): Promise<SavedMonitoring> {
  return runAction(async (context) => {
    const read = await readSheet(context);
    if (!read) {
      create(context, intended, signed, language);
      await context.sync();
      return { monitoring: (await readSheet(context))!.monitoring, kept: [] };
    }
    const merge = mergeMonitoring(base, intended, read.monitoring);
    const quarterly = isQuarterly(merge.monitoring);
    // A version-1 reports table (three columns) stays so while every report is a whole year.
    const oldReports = read.tables.reports !== null && read.tables.reports.values[0].length === 3;
    const blocks = [
      { name: SETTINGS_TABLE, at: SETTINGS_AT, read: read.tables.settings, block: settingsBlock(merge.monitoring.settings) },
      { name: REPORTS_TABLE, at: REPORTS_AT, read: read.tables.reports, block: reportsBlock(merge.monitoring.reports, oldReports && !quarterly ? 3 : 4) },
      { name: SIGNED_TABLE, at: SIGNED_AT, read: read.tables.signed, block: signedBlock(signed) },
      // The yearly totals once a quarter is reported (and kept up to date after that).
      ...(quarterly || read.tables.yearly ? [{ name: YEARLY_TABLE, at: YEARLY_AT, read: read.tables.yearly, block: yearlyBlock(merge.monitoring) }] : []),
    ];
    // Every check before the first write: a refused save writes nothing.
    for (const b of blocks) {
      if (b.read) await roomBelow(context, read.sheet, b.read, b.block);
      else if (b.name === YEARLY_TABLE) await roomAt(context, read.sheet, b.at, b.block, b.at.row - 1);
    }
    if (oldReports && quarterly) await roomRight(context, read.sheet, read.tables.reports!, blocks[1].block);
    for (const b of blocks) {
      if (b.read) writeTable(read.sheet, b.read, b.block);
      else {
        addTable(read.sheet, b.at, b.name, b.block); // a table deleted in the grid is made again
        if (b.name === YEARLY_TABLE) caption(read.sheet, b.at, CAPTIONS.yearly[language]);
      }
    }
    // K4 and T4 read the reports or the yearly totals: switched only while they hold IPVALUE's own formula.
    const wanted = checkFormulas(quarterly);
    const own = { audit: [AUDIT_FORMULA, AUDIT_YEARLY_FORMULA], track: [TRACK_FORMULA, TRACK_YEARLY_FORMULA] };
    for (const [k, at] of [
      ["audit", AUDIT_AT],
      ["track", TRACK_AT],
    ] as const)
      if (own[k].includes(read.formulas[k]) && read.formulas[k] !== wanted[k]) read.sheet.getRangeByIndexes(at.row, at.column, 1, 1).formulas = [[wanted[k]]];
    await context.sync();
    return { monitoring: (await readSheet(context))!.monitoring, kept: merge.kept };
  });
}

function create(context: Excel.RequestContext, m: Monitoring, signed: readonly [string, RawValue][], language: Language): void {
  const sheet = context.workbook.worksheets.add(MONITORING_SHEET);
  sheet.getRange("A1:C1").values = markerRow(language);
  addTable(sheet, SETTINGS_AT, SETTINGS_TABLE, settingsBlock(m.settings));
  addTable(sheet, REPORTS_AT, REPORTS_TABLE, reportsBlock(m.reports));
  addTable(sheet, SIGNED_AT, SIGNED_TABLE, signedBlock(signed));
  caption(sheet, SETTINGS_AT, CAPTIONS.settings[language]);
  caption(sheet, REPORTS_AT, CAPTIONS.reports[language]);
  caption(sheet, SIGNED_AT, CAPTIONS.signed[language]);
  caption(sheet, AUDIT_AT, CAPTIONS.audit[language]);
  caption(sheet, TRACK_AT, CAPTIONS.track[language]);
  const quarterly = isQuarterly(m);
  if (quarterly) {
    addTable(sheet, YEARLY_AT, YEARLY_TABLE, yearlyBlock(m));
    caption(sheet, YEARLY_AT, CAPTIONS.yearly[language]);
  }
  const formulas = checkFormulas(quarterly);
  sheet.getRangeByIndexes(AUDIT_AT.row, AUDIT_AT.column, 1, 1).formulas = [[formulas.audit]];
  sheet.getRangeByIndexes(TRACK_AT.row, TRACK_AT.column, 1, 1).formulas = [[formulas.track]];
}

const caption = (sheet: Excel.Worksheet, at: { row: number; column: number }, text: string) =>
  (sheet.getRangeByIndexes(at.row - 1, at.column, 1, 1).values = [[asText(text)]]);

function addTable(sheet: Excel.Worksheet, at: { row: number; column: number }, name: string, block: Block): void {
  const target = sheet.getRangeByIndexes(at.row, at.column, block.values.length, block.values[0].length);
  target.values = block.values as (string | number | boolean)[][];
  target.numberFormat = block.numberFormat;
  const table = sheet.tables.add(target, true);
  table.name = name;
}

/** A table that needs more rows takes over the cells below it: refused unless they are empty. */
async function roomBelow(context: Excel.RequestContext, sheet: Excel.Worksheet, at: ReadTable, block: Block): Promise<void> {
  const extra = block.values.length - at.values.length;
  if (extra <= 0) return;
  const below = sheet.getRangeByIndexes(at.rowIndex + at.values.length, at.columnIndex, extra, block.values[0].length).load("values");
  await context.sync();
  if (below.values.some((row) => row.some((v) => v !== "" && v !== null))) {
    const where = `'${MONITORING_SHEET}'!${cellName(at.rowIndex + at.values.length, at.columnIndex)}`;
    throw new EditError({
      en: `IPVALUE needs the empty cells below its table (at ${where}) to add a row: move what is there, then try again.`,
      ja: `行を追加するには、表の下のセル（${where}）が空いている必要があります。そこにある内容を移動してから、もう一度お試しください。`,
    });
  }
}

/** A new table (and its caption row from `fromRow`) takes over cells of the sheet: refused unless they are empty. */
async function roomAt(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  at: { row: number; column: number },
  block: Block,
  fromRow = at.row
): Promise<void> {
  const height = at.row - fromRow + block.values.length;
  const cells = sheet.getRangeByIndexes(fromRow, at.column, height, block.values[0].length).load("values");
  await context.sync();
  if (cells.values.some((row) => row.some((v) => v !== "" && v !== null))) refuseRoom(fromRow, at.column);
}

/** A version-1 reports table widened by its quarter column takes over the cells to its right: refused unless they are empty. */
async function roomRight(context: Excel.RequestContext, sheet: Excel.Worksheet, at: ReadTable, block: Block): Promise<void> {
  const width = at.values[0].length;
  const extra = block.values[0].length - width;
  const height = Math.max(at.values.length, block.values.length);
  const right = sheet.getRangeByIndexes(at.rowIndex, at.columnIndex + width, height, extra).load("values");
  await context.sync();
  if (right.values.some((row) => row.some((v) => v !== "" && v !== null))) refuseRoom(at.rowIndex, at.columnIndex + width);
}

function refuseRoom(row: number, column: number): never {
  const where = `'${MONITORING_SHEET}'!${cellName(row, column)}`;
  throw new EditError({
    en: `IPVALUE needs the empty cells at ${where} for the quarterly reports: move what is there, then try again.`,
    ja: `四半期ごとの報告には ${where} のセルが空いている必要があります。そこにある内容を移動してから、もう一度お試しください。`,
  });
}

/** Writes a block over its table (the merged contents): resized to it, only the rows that differ written, the rows it no longer covers cleared. */
function writeTable(sheet: Excel.Worksheet, at: ReadTable, block: Block): void {
  const width = block.values[0].length;
  const oldRows = at.values.length;
  const widened = width > at.values[0].length;
  if (block.values.length !== oldRows || widened) at.table.resize(sheet.getRangeByIndexes(at.rowIndex, at.columnIndex, block.values.length, width));
  block.values.forEach((row, r) => {
    if (r === 0) {
      // The header stays as it is, but for a column the table gains (a version-1 reports table's quarter).
      if (widened) sheet.getRangeByIndexes(at.rowIndex, at.columnIndex, 1, width).values = [row as (string | number | boolean)[]];
      return;
    }
    const now = at.values[r];
    // A text written with its apostrophe reads back without it.
    const same = now && row.every((v, c) => (typeof v === "string" && v.startsWith("'") ? v.slice(1) : v) === now[c]);
    if (same) return;
    const range = sheet.getRangeByIndexes(at.rowIndex + r, at.columnIndex, 1, width);
    range.numberFormat = [block.numberFormat[r]];
    range.values = [row as (string | number | boolean)[]];
  });
  if (oldRows > block.values.length) sheet.getRangeByIndexes(at.rowIndex + block.values.length, at.columnIndex, oldRows - block.values.length, width).clear();
}
