/**
 * Office.js glue for the IPVALUE sheet, where the scenario set is stored (its layout is pure:
 * ../model/storage-sheet.ts). Co-authoring (Microsoft's advice for add-ins): no TableRowCollection.add /
 * TableColumnCollection.add; a save writes the values of the whole block and resizes the table over
 * them (Table.resize), then clears the cells the table no longer covers. Nothing is cached between
 * calls: every load re-reads.
 */
import type { Language } from "../../model/language";
import { EditError, emptyDecisions, SCHEMA_VERSION, ScenarioSet } from "../../model/scenario-set";
import { readDecisions, readScenarios } from "../../model/table-layout";
import { asText } from "../model/cells";
import { ASSUMPTIONS_TABLE, DECISIONS_TABLE, located, migrate, placements, readSchema, SCHEMA_CELLS, schemaRow, SHEET_NAME } from "../model/storage-sheet";

/** The stored set, or null when the workbook has no IPVALUE sheet; an EditError says what to fix in a table that cannot be read. */
export async function readStored(): Promise<ScenarioSet | null> {
  return Excel.run(async (context) => {
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
    const aRange = assumptions.isNullObject ? null : assumptions.getRange().load("values,rowIndex,columnIndex");
    const aSheet = assumptions.isNullObject ? null : assumptions.worksheet.load("name");
    const dRange = decisions.isNullObject ? null : decisions.getRange().load("values,rowIndex,columnIndex");
    await context.sync();

    const version = readSchema(schema.values);
    if (!aRange || !aSheet) {
      throw new EditError({
        en: `The ${SHEET_NAME} sheet has lost its table ${ASSUMPTIONS_TABLE} (the scenarios). Undo the change that removed it (Ctrl+Z), or delete the ${SHEET_NAME} sheet to start again.`,
        ja: `${SHEET_NAME}シートからシナリオの表 ${ASSUMPTIONS_TABLE} がなくなっています。削除した操作を元に戻す（Ctrl+Z）か、${SHEET_NAME}シートを削除して最初からやり直してください。`,
      });
    }
    const tables = migrate(version, { assumptions: aRange.values, decisions: dRange ? dRange.values : null });
    let scenarios;
    try {
      scenarios = readScenarios(tables.assumptions);
    } catch (e) {
      if (e instanceof EditError) throw located(e, ASSUMPTIONS_TABLE, aSheet.name, aRange.rowIndex, aRange.columnIndex);
      throw e;
    }
    let decided = emptyDecisions(); // a deleted decisions table: back to the safe default (internal)
    if (tables.decisions && dRange) {
      try {
        decided = readDecisions(tables.decisions);
      } catch (e) {
        if (e instanceof EditError) throw located(e, DECISIONS_TABLE, SHEET_NAME, dRange.rowIndex, dRange.columnIndex);
        throw e;
      }
    }
    return { schema: SCHEMA_VERSION, scenarios, decisions: decided };
  });
}

/** Writes the whole set: the schema cells and both tables (created the first time, resized over the new block after). */
export async function writeStored(set: ScenarioSet, language: Language): Promise<void> {
  const layout = placements(set, language);
  await Excel.run(async (context) => {
    const wb = context.workbook;
    const found = wb.worksheets.getItemOrNullObject(SHEET_NAME);
    const tables = layout.map((p) => wb.tables.getItemOrNullObject(p.name));
    await context.sync();
    const sheet = found.isNullObject ? wb.worksheets.add(SHEET_NAME) : found;
    sheet.getRange(SCHEMA_CELLS).values = schemaRow(language);

    // Existing tables: where they are now (the user may have moved them) and what they hold.
    const existing = tables.map((t) =>
      t.isNullObject ? null : { table: t, range: t.getRange().load("values,rowIndex,columnIndex,rowCount,columnCount"), sheet: t.worksheet }
    );
    await context.sync();

    layout.forEach((p, i) => {
      const old = existing[i];
      if (!old) {
        // First time (or the table was removed): write the block, then make it a table over it.
        const { values, numberFormat } = p.block();
        sheet.getRangeByIndexes(p.at.row - 1, p.at.column, 1, 1).values = [[asText(p.caption)]];
        const target = sheet.getRangeByIndexes(p.at.row, p.at.column, values.length, values[0].length);
        target.values = values;
        target.numberFormat = numberFormat;
        const table = sheet.tables.add(target, true);
        table.name = p.name;
        return;
      }
      const { rowIndex, columnIndex, rowCount, columnCount } = old.range;
      const { values, numberFormat } = p.block(old.range.values);
      const rows = values.length;
      const cols = values[0].length;
      const target = old.sheet.getRangeByIndexes(rowIndex, columnIndex, rows, cols);
      if (rows !== rowCount || cols !== columnCount) old.table.resize(target);
      target.values = values;
      target.numberFormat = numberFormat;
      // Cells the table covered before and no longer does: cleared, so nothing stale remains.
      if (columnCount > cols) old.sheet.getRangeByIndexes(rowIndex, columnIndex + cols, rowCount, columnCount - cols).clear();
      if (rowCount > rows) old.sheet.getRangeByIndexes(rowIndex + rows, columnIndex, rowCount - rows, Math.min(cols, columnCount)).clear();
    });
    await context.sync();
  });
}
