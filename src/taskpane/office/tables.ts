/**
 * Office.js glue for the IPVALUE sheet, where the scenario set is stored (its layout is pure:
 * ../model/storage-sheet.ts). The workbook is the truth (Microsoft's co-authoring advice for add-ins):
 * nothing is cached as the truth between calls, every save re-reads the tables (values, formulas and
 * number formats) and writes only the cells the pane changed since the set it started from, merged
 * with what the workbook holds now (../../model/set-merge.ts, ../model/table-plan.ts): where a cell
 * changed in the grid or in another pane meanwhile, the workbook's value stays. No
 * TableRowCollection.add / TableColumnCollection.add: a table that needs another row or column is
 * resized (Table.resize) over cells that must be empty, and the cells it no longer covers are cleared.
 * Where ExcelApi 1.20 is there, a save is one undo group (Excel.run({ mergeUndoGroup: true })), so
 * Excel's own Ctrl+Z takes back one pane action.
 */
import type { Language } from "../../model/language";
import { EditError, emptyDecisions, SCHEMA_VERSION, ScenarioSet } from "../../model/scenario-set";
import { Kept, mergeSets } from "../../model/set-merge";
import { readDecisions, readScenarios } from "../../model/table-layout";
import type { RawValue } from "../../engine";
import { asText, cellName } from "../model/cells";
import { ASSUMPTIONS_TABLE, DECISIONS_TABLE, located, migrate, placements, readSchema, SCHEMA_CELLS, schemaRow, SHEET_NAME } from "../model/storage-sheet";
import { Grid, planAssumptions, planDecisions, TablePlan } from "../model/table-plan";

/** A table as read in a batch: its proxy, its sheet, where it is and what it holds. */
interface ReadTable {
  table: Excel.Table;
  sheet: Excel.Worksheet;
  sheetName: string;
  rowIndex: number;
  columnIndex: number;
  grid: Grid;
}

interface Read {
  set: ScenarioSet;
  assumptions: ReadTable;
  decisions: ReadTable | null;
}

/** Where ExcelApi 1.20 is there (Office says so): a batch can be one undo group. */
export function undoGroupSupported(): boolean {
  try {
    const requirements = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
    return !!requirements && typeof requirements.isSetSupported === "function" && requirements.isSetSupported("ExcelApi", "1.20");
  } catch {
    return false;
  }
}

/** Runs one pane action's batch: one undo group in Excel where the host supports it. */
export function runAction<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return undoGroupSupported() ? Excel.run({ mergeUndoGroup: true }, batch) : Excel.run(batch);
}

/**
 * Reads both tables in the batch: the set, or null when the workbook has no IPVALUE sheet; an
 * EditError says what to fix in a table that cannot be read (or a workbook of a newer IPVALUE).
 */
async function readTables(context: Excel.RequestContext): Promise<Read | null> {
  const wb = context.workbook;
  const sheet = wb.worksheets.getItemOrNullObject(SHEET_NAME);
  const assumptions = wb.tables.getItemOrNullObject(ASSUMPTIONS_TABLE);
  const decisions = wb.tables.getItemOrNullObject(DECISIONS_TABLE);
  await context.sync();
  if (sheet.isNullObject) {
    if (assumptions.isNullObject) return null;
    const elsewhere = assumptions.worksheet.load("name");
    await context.sync();
    throw new EditError({
      en: `The IPVALUE tables are on a sheet called "${elsewhere.name}": rename it back to ${SHEET_NAME}.`,
      ja: `IPVALUEの表が「${elsewhere.name}」というシートにあります。シート名を ${SHEET_NAME} に戻してください。`,
    });
  }
  const schema = sheet.getRange(SCHEMA_CELLS).load("values");
  const load = (t: Excel.Table) => ({
    table: t,
    range: t.getRange().load("values,formulas,numberFormat,rowIndex,columnIndex"),
    sheet: t.worksheet.load("name"),
  });
  const a = assumptions.isNullObject ? null : load(assumptions);
  const d = decisions.isNullObject ? null : load(decisions);
  await context.sync();

  const version = readSchema(schema.values);
  if (!a) {
    throw new EditError({
      en: `The ${SHEET_NAME} sheet has lost its table ${ASSUMPTIONS_TABLE} (the scenarios). Undo the change that removed it (Ctrl+Z), or delete the ${SHEET_NAME} sheet to start again.`,
      ja: `${SHEET_NAME}シートからシナリオの表 ${ASSUMPTIONS_TABLE} がなくなっています。削除した操作を元に戻す（Ctrl+Z）か、${SHEET_NAME}シートを削除して最初からやり直してください。`,
    });
  }
  const tables = migrate(version, { assumptions: a.range.values, decisions: d ? d.range.values : null });
  let scenarios;
  try {
    scenarios = readScenarios(tables.assumptions);
  } catch (e) {
    if (e instanceof EditError) throw located(e, ASSUMPTIONS_TABLE, a.sheet.name, a.range.rowIndex, a.range.columnIndex);
    throw e;
  }
  let decided = emptyDecisions(); // a deleted decisions table: back to the safe default (internal)
  if (tables.decisions && d) {
    try {
      decided = readDecisions(tables.decisions);
    } catch (e) {
      if (e instanceof EditError) throw located(e, DECISIONS_TABLE, d.sheet.name, d.range.rowIndex, d.range.columnIndex);
      throw e;
    }
  }
  const info = (x: NonNullable<typeof a>): ReadTable => ({
    table: x.table,
    sheet: x.sheet,
    sheetName: x.sheet.name,
    rowIndex: x.range.rowIndex,
    columnIndex: x.range.columnIndex,
    grid: { values: x.range.values as RawValue[][], formulas: x.range.formulas, numberFormat: x.range.numberFormat as string[][] },
  });
  return { set: { schema: SCHEMA_VERSION, scenarios, decisions: decided }, assumptions: info(a), decisions: d ? info(d) : null };
}

/** The stored set, or null when the workbook has no IPVALUE sheet; an EditError says what to fix in a table that cannot be read. */
export async function readStored(): Promise<ScenarioSet | null> {
  return Excel.run(async (context) => (await readTables(context))?.set ?? null);
}

export interface Saved {
  /** The tables as they are after the save: the merge of the pane's changes and the workbook's. */
  set: ScenarioSet;
  /** What the workbook kept against the pane's changes. */
  kept: Kept[];
}

/**
 * Saves the pane's `intended` set, made from `base` (null: the pane has read nothing, its whole set is
 * its change): the IPVALUE sheet and its tables are created the first time; after that only the pane's
 * changes are written, merged with the workbook as it is now. A table that cannot be read, or a
 * workbook of a newer IPVALUE, is refused (EditError) and nothing is written.
 */
export async function saveStored(base: ScenarioSet | null, intended: ScenarioSet, language: Language): Promise<Saved> {
  return runAction(async (context) => {
    const read = await readTables(context);
    if (!read) {
      await createTables(context, intended, language, null);
      await context.sync();
      const after = await readTables(context);
      return { set: after!.set, kept: [] };
    }
    const merge = mergeSets(base ?? read.set, intended, read.set);
    await writePlan(context, read.assumptions, planAssumptions(read.assumptions.grid, merge.applied, language));
    if (read.decisions) await writePlan(context, read.decisions, planDecisions(read.decisions.grid, merge.applied, language));
    else await createTables(context, merge.set, language, DECISIONS_TABLE);
    await context.sync();
    const after = await readTables(context);
    return { set: after!.set, kept: merge.kept };
  });
}

/** Writes a plan onto a table: grows it (over cells that must be empty) or shrinks it, then writes the changed cells. */
async function writePlan(context: Excel.RequestContext, at: ReadTable, plan: TablePlan): Promise<void> {
  const oldRows = at.grid.values.length;
  const oldCols = at.grid.values[0].length;
  const { rowIndex: r0, columnIndex: c0, sheet } = at;
  if (plan.rows === oldRows && plan.columns === oldCols && plan.writes.length === 0) return;
  // Cells a larger table would take over: they must be empty, or they would become part of the table.
  const strips: Excel.Range[] = [];
  if (plan.columns > oldCols) strips.push(sheet.getRangeByIndexes(r0, c0 + oldCols, Math.max(plan.rows, oldRows), plan.columns - oldCols).load("values"));
  if (plan.rows > oldRows) strips.push(sheet.getRangeByIndexes(r0 + oldRows, c0, plan.rows - oldRows, Math.min(plan.columns, oldCols)).load("values"));
  if (strips.length > 0) {
    await context.sync();
    const full = strips.find((s) => s.values.some((row) => row.some((v) => v !== "" && v !== null)));
    if (full) {
      const where = `${at.sheetName}!${cellName(r0 + (plan.rows > oldRows ? oldRows : 0), c0 + (plan.columns > oldCols ? oldCols : 0))}`;
      throw new EditError({
        en: `IPVALUE needs the empty cells next to its table (at ${where}) to add a scenario or a row: move what is there, then try again.`,
        ja: `シナリオや行を追加するには、表の隣のセル（${where}）が空いている必要があります。そこにある内容を移動してから、もう一度お試しください。`,
      });
    }
  }
  if (plan.rows !== oldRows || plan.columns !== oldCols) at.table.resize(sheet.getRangeByIndexes(r0, c0, plan.rows, plan.columns));
  const headerWrites = plan.writes.filter((w) => w.row === 0);
  if (headerWrites.length > 0) {
    const from = Math.min(...headerWrites.map((w) => w.column));
    const to = Math.max(...headerWrites.map((w) => w.column));
    sheet.getRangeByIndexes(r0, c0 + from, 1, to - from + 1).formulas = [plan.header.slice(from, to + 1) as (string | number | boolean)[]];
  }
  for (const w of plan.writes) {
    if (w.row === 0) {
      if (w.numberFormat !== undefined) sheet.getRangeByIndexes(r0, c0 + w.column, 1, 1).numberFormat = [[w.numberFormat]];
      continue;
    }
    const cell = sheet.getRangeByIndexes(r0 + w.row, c0 + w.column, 1, 1);
    if (w.numberFormat !== undefined) cell.numberFormat = [[w.numberFormat]];
    cell.formulas = [[w.input as string | number | boolean]];
  }
  // Cells the table covered before and no longer does: cleared, so nothing stale remains.
  if (oldCols > plan.columns) sheet.getRangeByIndexes(r0, c0 + plan.columns, oldRows, oldCols - plan.columns).clear();
  if (oldRows > plan.rows) sheet.getRangeByIndexes(r0 + plan.rows, c0, oldRows - plan.rows, Math.min(plan.columns, oldCols)).clear();
}

/** Creates the sheet and its tables (or only the table `only`, when it was removed): the whole blocks, under their captions. */
async function createTables(context: Excel.RequestContext, set: ScenarioSet, language: Language, only: string | null): Promise<void> {
  const wb = context.workbook;
  const found = wb.worksheets.getItemOrNullObject(SHEET_NAME);
  await context.sync();
  const sheet = found.isNullObject ? wb.worksheets.add(SHEET_NAME) : found;
  if (only === null) sheet.getRange(SCHEMA_CELLS).values = schemaRow(language);
  for (const p of placements(set, language)) {
    if (only !== null && p.name !== only) continue;
    const { values, numberFormat } = p.block();
    sheet.getRangeByIndexes(p.at.row - 1, p.at.column, 1, 1).values = [[asText(p.caption)]];
    const target = sheet.getRangeByIndexes(p.at.row, p.at.column, values.length, values[0].length);
    target.values = values;
    target.numberFormat = numberFormat;
    const table = sheet.tables.add(target, true);
    table.name = p.name;
  }
}
