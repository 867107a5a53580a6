/**
 * Office.js glue for the office's own comparables: the "IPVALUE bands" sheet and its table
 * IpvalueUserBands, in BANDS' layout (../model/comparables.ts). Bands are only added: every save re-reads
 * the table in the same batch, renumbers a new key someone took meanwhile, and writes the new rows below
 * the last one, the table grown (Table.resize) only over empty cells. The sheet is made the first time.
 * Uses only the Office.js members the IPVALUE sheet's glue uses (see ./workbook.ts).
 */
import type { Language } from "../../model/language";
import { EditError } from "../../model/scenario-set";
import { asText, cellName } from "../model/cells";
import {
  headerProblem,
  keysIn,
  readSavedBands,
  rowCells,
  rowFormats,
  SavedBands,
  USER_BANDS_AT,
  USER_BANDS_CAPTIONS,
  USER_BANDS_HEADER,
  USER_BANDS_SHEET,
  USER_BANDS_TABLE,
  UserBandRow,
  withFreshKeys,
} from "../model/comparables";
import { runAction } from "./tables";

/** The keys of the bands already in the table (none when there is no table yet). */
export async function readUserBandKeys(): Promise<string[]> {
  return Excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(USER_BANDS_TABLE);
    await context.sync();
    if (table.isNullObject) return [];
    const range = table.getRange().load("values");
    await context.sync();
    return keysIn(range.values);
  });
}

/** The bands of the table as BANDS reads them, with their internal marks (none when there is no table yet). */
export async function readUserBands(): Promise<SavedBands> {
  return Excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(USER_BANDS_TABLE);
    await context.sync();
    if (table.isNullObject) return readSavedBands(null);
    const range = table.getRange().load("values");
    await context.sync();
    return readSavedBands(range.values);
  });
}

/** Adds the bands below the table's last row (the sheet and table made the first time); the rows as saved, with their keys. */
export async function addUserBands(rows: readonly UserBandRow[], language: Language): Promise<UserBandRow[]> {
  if (rows.length === 0) return [];
  return runAction(async (context) => {
    const wb = context.workbook;
    const table = wb.tables.getItemOrNullObject(USER_BANDS_TABLE);
    const found = wb.worksheets.getItemOrNullObject(USER_BANDS_SHEET);
    await context.sync();
    if (table.isNullObject) {
      const sheet = found.isNullObject ? wb.worksheets.add(USER_BANDS_SHEET) : found;
      const at = sheet.getRangeByIndexes(USER_BANDS_AT.row - 2, USER_BANDS_AT.column, 2 + 1 + rows.length, USER_BANDS_HEADER.length).load("values");
      await context.sync();
      if (at.values.some((r) => r.some((v) => v !== "" && v !== null))) {
        throw new EditError({
          en: `IPVALUE needs the empty cells ${USER_BANDS_SHEET}!A1:${cellName(at.values.length - 1, USER_BANDS_HEADER.length - 1)} for its table of your bands: move what is there, then try again.`,
          ja: `バンドの表を作るには ${USER_BANDS_SHEET}!A1:${cellName(at.values.length - 1, USER_BANDS_HEADER.length - 1)} が空いている必要があります。そこにある内容を移動してから、もう一度お試しください。`,
        });
      }
      const saved = withFreshKeys(rows, []);
      sheet.getRangeByIndexes(USER_BANDS_AT.row - 2, USER_BANDS_AT.column, 2, 1).values = [
        [asText(USER_BANDS_CAPTIONS.note[language])],
        [asText(USER_BANDS_CAPTIONS.caption[language])],
      ];
      const target = sheet.getRangeByIndexes(USER_BANDS_AT.row, USER_BANDS_AT.column, 1 + saved.length, USER_BANDS_HEADER.length);
      target.numberFormat = [USER_BANDS_HEADER.map(() => "General"), ...saved.map(rowFormats)];
      target.values = [[...USER_BANDS_HEADER], ...saved.map(rowCells)];
      const made = sheet.tables.add(target, true);
      made.name = USER_BANDS_TABLE;
      await context.sync();
      return saved;
    }
    const range = table.getRange().load("values,rowIndex,columnIndex");
    const sheet = table.worksheet.load("name");
    await context.sync();
    const problem = headerProblem(range.values[0]);
    if (problem) throw new EditError(problem);
    const saved = withFreshKeys(rows, keysIn(range.values));
    const r0 = range.rowIndex;
    const c0 = range.columnIndex;
    const height = range.values.length;
    const below = sheet.getRangeByIndexes(r0 + height, c0, saved.length, USER_BANDS_HEADER.length).load("values");
    await context.sync();
    if (below.values.some((r) => r.some((v) => v !== "" && v !== null))) {
      const where = `'${sheet.name}'!${cellName(r0 + height, c0)}`;
      throw new EditError({
        en: `IPVALUE needs the empty cells below its table of your bands (at ${where}) to add them: move what is there, then try again.`,
        ja: `バンドを追加するには、表の下のセル（${where}）が空いている必要があります。そこにある内容を移動してから、もう一度お試しください。`,
      });
    }
    table.resize(sheet.getRangeByIndexes(r0, c0, height + saved.length, USER_BANDS_HEADER.length));
    const added = sheet.getRangeByIndexes(r0 + height, c0, saved.length, USER_BANDS_HEADER.length);
    added.numberFormat = saved.map(rowFormats);
    added.values = saved.map(rowCells);
    await context.sync();
    return saved;
  });
}
