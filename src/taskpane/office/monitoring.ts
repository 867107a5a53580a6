/**
 * Office.js glue for the "IPVALUE monitoring" sheet (its layout is pure: ../model/monitoring-sheet.ts).
 * As for the IPVALUE sheet, the workbook is the truth: every save re-reads the tables in the same batch
 * and writes the pane's changes (from the monitoring it last read) merged with what the grid holds now
 * (../model/monitoring.ts mergeMonitoring), so a cell changed in the grid meanwhile keeps the grid's
 * value. The sheet and its formulas are made the first time; after that only the three tables are
 * written, and a table grows (Table.resize) only over empty cells. Uses only the Office.js members the
 * IPVALUE sheet's glue uses (see ./workbook.ts).
 */
import type { RawValue } from "../../engine";
import type { Language } from "../../model/language";
import { EditError } from "../../model/scenario-set";
import { asText, cellName } from "../model/cells";
import { emptyMonitoring, mergeMonitoring, Monitoring, MonitoringKept } from "../model/monitoring";
import {
  AUDIT_AT,
  AUDIT_FORMULA,
  Block,
  CAPTIONS,
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
  tables: Record<"settings" | "reports" | "signed", ReadTable | null>;
}

async function readSheet(context: Excel.RequestContext): Promise<Read | null> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(MONITORING_SHEET);
  const found = [SETTINGS_TABLE, REPORTS_TABLE, SIGNED_TABLE].map((n) => context.workbook.tables.getItemOrNullObject(n));
  await context.sync();
  if (sheet.isNullObject) return null;
  const ranges = found.map((t) => (t.isNullObject ? null : { table: t, range: t.getRange().load("values,rowIndex,columnIndex") }));
  await context.sync();
  const [settings, reports, signed] = ranges.map(
    (x): ReadTable | null => x && { table: x.table, rowIndex: x.range.rowIndex, columnIndex: x.range.columnIndex, values: x.range.values as RawValue[][] }
  );
  return { sheet, monitoring: readMonitoring(settings?.values ?? null, reports?.values ?? null), tables: { settings, reports, signed } };
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
    const blocks = [
      { name: SETTINGS_TABLE, at: SETTINGS_AT, read: read.tables.settings, block: settingsBlock(merge.monitoring.settings) },
      { name: REPORTS_TABLE, at: REPORTS_AT, read: read.tables.reports, block: reportsBlock(merge.monitoring.reports) },
      { name: SIGNED_TABLE, at: SIGNED_AT, read: read.tables.signed, block: signedBlock(signed) },
    ];
    // Every check before the first write: a refused save writes nothing.
    for (const b of blocks) if (b.read) await roomBelow(context, read.sheet, b.read, b.block);
    for (const b of blocks) {
      if (b.read) writeTable(read.sheet, b.read, b.block);
      else addTable(read.sheet, b.at, b.name, b.block); // a table deleted in the grid is made again
    }
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
  const caption = (at: { row: number; column: number }, text: string) => (sheet.getRangeByIndexes(at.row - 1, at.column, 1, 1).values = [[asText(text)]]);
  caption(SETTINGS_AT, CAPTIONS.settings[language]);
  caption(REPORTS_AT, CAPTIONS.reports[language]);
  caption(SIGNED_AT, CAPTIONS.signed[language]);
  caption(AUDIT_AT, CAPTIONS.audit[language]);
  caption(TRACK_AT, CAPTIONS.track[language]);
  sheet.getRangeByIndexes(AUDIT_AT.row, AUDIT_AT.column, 1, 1).formulas = [[AUDIT_FORMULA]];
  sheet.getRangeByIndexes(TRACK_AT.row, TRACK_AT.column, 1, 1).formulas = [[TRACK_FORMULA]];
}

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

/** Writes a block over its table (the merged contents): resized to it, only the rows that differ written, the rows it no longer covers cleared. */
function writeTable(sheet: Excel.Worksheet, at: ReadTable, block: Block): void {
  const width = block.values[0].length;
  const oldRows = at.values.length;
  if (block.values.length !== oldRows) at.table.resize(sheet.getRangeByIndexes(at.rowIndex, at.columnIndex, block.values.length, width));
  block.values.forEach((row, r) => {
    if (r === 0) return; // the header stays as it is
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
