/**
 * Office.js glue for the IPVALUE sheet, where the scenario set is stored (its layout is pure:
 * ../model/storage-sheet.ts). The workbook is the truth (Microsoft's co-authoring advice for add-ins):
 * nothing is cached as the truth between calls, every save re-reads the tables (values, formulas and
 * number formats) and writes only the cells the pane changed since the set it started from, merged
 * with what the workbook holds now (../../model/set-merge.ts, ../model/table-plan.ts): where a cell
 * changed in the grid or in another pane meanwhile, the workbook's value stays. No
 * TableRowCollection.add / TableColumnCollection.add: a table that needs another row or column is
 * resized (Table.resize) over cells that must be empty, and the cells it no longer covers are cleared.
 * The offer's term sheet makes room instead of refusing: its table is created in entire sheet rows
 * inserted above the assumptions table (Range.insert, ExcelApi 1.1), and grows by rows inserted
 * below its last row when the row below is taken; an insert that would cut through a table is refused.
 * The correlations table (once a pair is correlated) is made and grows the same way, just above the
 * assumptions table's caption, merged pair by pair (mergeCorrelations).
 * Where ExcelApi 1.20 is there, a save is one undo group (Excel.run({ mergeUndoGroup: true })), so
 * Excel's own Ctrl+Z takes back one pane action.
 */
import type { Language } from "../../model/language";
import { EditError, emptyDecisions, readSources, SCHEMA_VERSION, ScenarioSet } from "../../model/scenario-set";
import { Kept, mergeSets } from "../../model/set-merge";
import { OfferTerm } from "../../model/scenario-set";
import { readDecisions, readOffer, readScenarios } from "../../model/table-layout";
import { Correlation, readCorrelations } from "../../model/correlations";
import type { RawValue } from "../../engine";
import { asText, cellName } from "../model/cells";
import {
  ASSUMPTIONS_TABLE,
  CORRELATIONS_CAPTION,
  CORRELATIONS_TABLE,
  correlationsBlock,
  correlationsRowsNeeded,
  DECISIONS_TABLE,
  located,
  migrate,
  OFFER_CAPTION,
  OFFER_TABLE,
  offerBlock,
  offerRowsNeeded,
  placements,
  readSchema,
  SCHEMA_CELLS,
  schemaRow,
  SHEET_NAME,
} from "../model/storage-sheet";
import { Grid, planAssumptions, planCorrelations, planDecisions, planOffer, TablePlan } from "../model/table-plan";

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
  offer: ReadTable | null;
  correlations: ReadTable | null;
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
 * Reads the tables in the batch: the set, or null when the workbook has no IPVALUE sheet; an
 * EditError says what to fix in a table that cannot be read (or a workbook of a newer IPVALUE).
 */
async function readTables(context: Excel.RequestContext): Promise<Read | null> {
  const wb = context.workbook;
  const sheet = wb.worksheets.getItemOrNullObject(SHEET_NAME);
  const assumptions = wb.tables.getItemOrNullObject(ASSUMPTIONS_TABLE);
  const decisions = wb.tables.getItemOrNullObject(DECISIONS_TABLE);
  const offer = wb.tables.getItemOrNullObject(OFFER_TABLE);
  const correlations = wb.tables.getItemOrNullObject(CORRELATIONS_TABLE);
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
  const o = offer.isNullObject ? null : load(offer);
  const c = correlations.isNullObject ? null : load(correlations);
  await context.sync();

  const version = readSchema(schema.values);
  if (!a) {
    throw new EditError({
      en: `The ${SHEET_NAME} sheet has lost its table ${ASSUMPTIONS_TABLE} (the scenarios). Undo the change that removed it (Ctrl+Z), or delete the ${SHEET_NAME} sheet to start again.`,
      ja: `${SHEET_NAME}シートからシナリオの表 ${ASSUMPTIONS_TABLE} がなくなっています。削除した操作を元に戻す（Ctrl+Z）か、${SHEET_NAME}シートを削除して最初からやり直してください。`,
    });
  }
  const tables = migrate(version, {
    assumptions: a.range.values,
    decisions: d ? d.range.values : null,
    offer: o ? o.range.values : null,
    correlations: c ? c.range.values : null,
  });
  /** Reads one table; a refusal says where the table is. */
  const readAt = <T>(x: NonNullable<typeof a>, name: string, reader: () => T): T => {
    try {
      return reader();
    } catch (e) {
      if (e instanceof EditError) throw located(e, name, x.sheet.name, x.range.rowIndex, x.range.columnIndex);
      throw e;
    }
  };
  const scenarios = readAt(a, ASSUMPTIONS_TABLE, () => readScenarios(tables.assumptions));
  // A deleted decisions table: back to the safe default (internal); no offer table: no term sheet.
  let decided = tables.decisions && d ? readAt(d, DECISIONS_TABLE, () => readDecisions(tables.decisions!)) : emptyDecisions();
  const terms: OfferTerm[] = tables.offer && o ? readAt(o, OFFER_TABLE, () => readOffer(tables.offer!)) : [];
  decided = { ...decided, terms };
  const pairs: Correlation[] = tables.correlations && c ? readAt(c, CORRELATIONS_TABLE, () => readCorrelations(tables.correlations!)) : [];
  const info = (x: NonNullable<typeof a>): ReadTable => ({
    table: x.table,
    sheet: x.sheet,
    sheetName: x.sheet.name,
    rowIndex: x.range.rowIndex,
    columnIndex: x.range.columnIndex,
    grid: { values: x.range.values as RawValue[][], formulas: x.range.formulas, numberFormat: x.range.numberFormat as string[][] },
  });
  const sources = readSources(tables.assumptions);
  return {
    set: {
      schema: SCHEMA_VERSION,
      scenarios,
      decisions: decided,
      ...(Object.keys(sources).length > 0 ? { sources } : {}),
      ...(pairs.length > 0 ? { correlations: pairs } : {}),
    },
    assumptions: info(a),
    decisions: d ? info(d) : null,
    offer: o ? info(o) : null,
    correlations: c ? info(c) : null,
  };
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
      // Where the assumptions were put (lower than ASSUMPTIONS_AT when the decisions have a band_spread row).
      const assumptionsRow = async () => {
        const header = context.workbook.tables.getItemOrNullObject(ASSUMPTIONS_TABLE).getRange().load("rowIndex");
        await context.sync();
        return header.rowIndex;
      };
      if (intended.decisions.terms.length > 0) createOffer(context, await offerPlace(context, await assumptionsRow()), intended.decisions.terms, language);
      if ((intended.correlations ?? []).length > 0) {
        createCorrelations(context, await offerPlace(context, await assumptionsRow()), intended.correlations!, language);
      }
      await context.sync();
      const after = await readTables(context);
      return { set: after!.set, kept: [] };
    }
    const merge = mergeSets(base ?? read.set, intended, read.set);
    const correlated = merge.set.correlations ?? []; // merged pair by pair, like the cells (mergeSets)
    const correlationsPlan = read.correlations ? planCorrelations(read.correlations.grid, correlated) : null;
    const assumptionsPlan = planAssumptions(read.assumptions.grid, merge.applied, language);
    const decisionsPlan = read.decisions ? planDecisions(read.decisions.grid, merge.applied, language) : null;
    const offerPlan = read.offer ? planOffer(read.offer.grid, merge.applied, language) : null;
    const terms = merge.set.decisions.terms;
    // Every check before the first write: a refused save writes nothing.
    await roomFor(context, read.assumptions, assumptionsPlan, false);
    // A workbook saved before a decision row existed (include_internal): rows inserted below the table.
    const decisionsInsert = read.decisions ? await roomFor(context, read.decisions, decisionsPlan!, true) : 0;
    const offerInsert = read.offer ? await roomFor(context, read.offer, offerPlan!, true) : 0;
    const offerAt = !read.offer && terms.length > 0 ? await offerPlace(context, read.assumptions.rowIndex) : null;
    const correlationsInsert = read.correlations ? await roomFor(context, read.correlations, correlationsPlan!, true) : 0;
    const correlationsAt = !read.correlations && correlated.length > 0 ? await offerPlace(context, read.assumptions.rowIndex) : null;
    writePlan(read.assumptions, assumptionsPlan, 0);
    if (!read.decisions) await createTables(context, merge.set, language, DECISIONS_TABLE);
    // Inserting rows moves the tables below, after their writes were queued at their places: the
    // correlations' rows (above the assumptions), the offer's (above them), then the decisions' (above all) last.
    // The correlations lie just above the assumptions' caption, below the offer: queued before the offer's rows.
    if (read.correlations) writePlan(read.correlations, correlationsPlan!, correlationsInsert);
    else if (correlationsAt !== null) createCorrelations(context, correlationsAt, correlated, language);
    if (read.offer) writePlan(read.offer, offerPlan!, offerInsert);
    else if (offerAt !== null) createOffer(context, offerAt, terms, language);
    if (read.decisions) writePlan(read.decisions, decisionsPlan!, decisionsInsert);
    await context.sync();
    const after = await readTables(context);
    return { set: after!.set, kept: merge.kept };
  });
}

/**
 * Checks that a plan fits where its table is (refused with an EditError before anything is written):
 * a larger table takes over cells that must be empty, or they would become part of it. With
 * `insertRows`, a table that needs more rows where the cells below it (or the row right after them)
 * are taken gets entire sheet rows inserted below its last row instead: the rows to insert.
 */
async function roomFor(context: Excel.RequestContext, at: ReadTable, plan: TablePlan, insertRows: boolean): Promise<number> {
  const oldRows = at.grid.values.length;
  const oldCols = at.grid.values[0].length;
  const { rowIndex: r0, columnIndex: c0, sheet } = at;
  const extraRows = plan.rows - oldRows;
  const right = plan.columns > oldCols ? sheet.getRangeByIndexes(r0, c0 + oldCols, Math.max(plan.rows, oldRows), plan.columns - oldCols).load("values") : null;
  const below =
    extraRows > 0 ? sheet.getRangeByIndexes(r0 + oldRows, c0, extraRows + (insertRows ? 1 : 0), Math.min(plan.columns, oldCols)).load("values") : null;
  if (!right && !below) return 0;
  await context.sync();
  const taken = (r: Excel.Range | null) => !!r && r.values.some((row) => row.some((v) => v !== "" && v !== null));
  const refuse = (row: number, column: number) => {
    const where = `${at.sheetName}!${cellName(row, column)}`;
    return new EditError({
      en: `IPVALUE needs the empty cells next to its table (at ${where}) to add a scenario or a row: move what is there, then try again.`,
      ja: `シナリオや行を追加するには、表の隣のセル（${where}）が空いている必要があります。そこにある内容を移動してから、もう一度お試しください。`,
    });
  };
  const rowsTaken = taken(below);
  if (rowsTaken && !insertRows) throw refuse(r0 + oldRows, c0 + (plan.columns > oldCols ? oldCols : 0));
  if (taken(right)) throw refuse(r0, c0 + oldCols);
  if (!rowsTaken) return 0;
  await checkInsert(context, sheet, at.sheetName, r0 + oldRows);
  return extraRows;
}

/**
 * Writes a plan onto a table (checked by roomFor): inserts `insert` sheet rows below it first, grows
 * or shrinks it, then writes the changed cells.
 */
function writePlan(at: ReadTable, plan: TablePlan, insert: number): void {
  const oldRows = at.grid.values.length;
  const oldCols = at.grid.values[0].length;
  const { rowIndex: r0, columnIndex: c0, sheet } = at;
  if (plan.rows === oldRows && plan.columns === oldCols && plan.writes.length === 0) return;
  if (insert > 0) insertRowsAt(sheet, r0 + oldRows, insert);
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

/** Where each table of a sheet lies (its rows), to insert sheet rows without cutting through one. */
async function tableSpans(context: Excel.RequestContext, sheet: Excel.Worksheet): Promise<{ name: string; row: number; rows: number }[]> {
  const tables = sheet.tables.load("items/name");
  await context.sync();
  const ranges = tables.items.map((t) => ({ name: t.name, range: t.getRange().load("rowIndex,rowCount") }));
  await context.sync();
  return ranges.map((x) => ({ name: x.name, row: x.range.rowIndex, rows: x.range.rowCount }));
}

/** Refuses (EditError) to insert sheet rows at row `at` (0-based) where they would cut through a table. */
async function checkInsert(context: Excel.RequestContext, sheet: Excel.Worksheet, sheetName: string, at: number): Promise<void> {
  const cut = (await tableSpans(context, sheet)).find((t) => t.row < at && at < t.row + t.rows);
  if (!cut) return;
  const rows = `${t1(cut.row)}–${t1(cut.row + cut.rows - 1)}`;
  throw new EditError({
    en: `IPVALUE needs to insert rows at ${sheetName}!A${at + 1} for the offer's term sheet, but the table ${cut.name} spans that row (rows ${rows}) and would be cut through: move it off those rows, then try again.`,
    ja: `提示条件の表のために ${sheetName}!A${at + 1} に行を挿入する必要がありますが、表 ${cut.name} がその行にかかっています（${rows}行目）。その表を移動してから、もう一度お試しください。`,
  });
}

/** Inserts `count` entire sheet rows at row `at` (0-based): everything from that row down moves down, tables and formulas with it. */
function insertRowsAt(sheet: Excel.Worksheet, at: number, count: number): void {
  sheet.getRangeByIndexes(at, 0, count, 1).getEntireRow().insert(Excel.InsertShiftDirection.down);
}
const t1 = (row: number) => String(row + 1);

/** Where the offer table's rows are inserted: above the caption of the assumptions table (header at `assumptionsRow`), checked. */
async function offerPlace(context: Excel.RequestContext, assumptionsRow: number): Promise<number> {
  const at = Math.max(1, assumptionsRow - 1); // never above the schema row
  await checkInsert(context, context.workbook.worksheets.getItemOrNullObject(SHEET_NAME), SHEET_NAME, at);
  return at;
}

/**
 * Creates the offer table in entire rows inserted at row `at` (offerPlace): a blank row, the caption,
 * the table and a blank row, so the assumptions table and everything below it move down intact.
 */
function createOffer(context: Excel.RequestContext, at: number, terms: readonly OfferTerm[], language: Language): void {
  const sheet = context.workbook.worksheets.getItemOrNullObject(SHEET_NAME);
  insertRowsAt(sheet, at, offerRowsNeeded(terms));
  const { values, numberFormat } = offerBlock(terms, language);
  sheet.getRangeByIndexes(at + 1, 0, 1, 1).values = [[asText(OFFER_CAPTION[language])]];
  const target = sheet.getRangeByIndexes(at + 2, 0, values.length, values[0].length);
  target.values = values;
  target.numberFormat = numberFormat;
  const table = sheet.tables.add(target, true);
  table.name = OFFER_TABLE;
}

/**
 * Creates the correlations table in entire rows inserted at row `at` (offerPlace): a blank row, the
 * caption, the table and a blank row, so the assumptions table and everything below it move down intact.
 */
function createCorrelations(context: Excel.RequestContext, at: number, pairs: readonly Correlation[], language: Language): void {
  const sheet = context.workbook.worksheets.getItemOrNullObject(SHEET_NAME);
  insertRowsAt(sheet, at, correlationsRowsNeeded(pairs));
  const { values, numberFormat } = correlationsBlock(pairs);
  sheet.getRangeByIndexes(at + 1, 0, 1, 1).values = [[asText(CORRELATIONS_CAPTION[language])]];
  const target = sheet.getRangeByIndexes(at + 2, 0, values.length, values[0].length);
  target.values = values;
  target.numberFormat = numberFormat;
  const table = sheet.tables.add(target, true);
  table.name = CORRELATIONS_TABLE;
}
