/**
 * Office.js glue for sharing: opening the negotiator workbook in Excel, listing the sheets, and
 * "Freeze for sharing" (copies of sheets with every =IPVALUE.* formula replaced by its value; the
 * pure part is ../model/freeze.ts).
 */
import { EditError } from "../../model/scenario-set";
import type { CellValue } from "../../model/table-layout";
import { a1, cellName, forExcel } from "../model/cells";
import { absolute, callsIpvalue, FrozenCell, FrozenSheet, replaceSpillReferences, sharedCopyNames } from "../model/freeze";

/** Where Excel supports it (ExcelApi 1.8, or no requirement information but the function is there). */
function canCreateWorkbook(): boolean {
  if (typeof Excel === "undefined" || typeof Excel.createWorkbook !== "function") return false;
  try {
    const requirements = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
    if (requirements && typeof requirements.isSetSupported === "function") return requirements.isSetSupported("ExcelApi", "1.8");
  } catch {
    // no requirement information (outside Office): the function being there is the answer
  }
  return true;
}

/** Opens an .xlsx (base64) as a new workbook; "unsupported" where the host cannot or will not. */
export async function openNewWorkbook(base64: string): Promise<"opened" | "unsupported"> {
  if (!canCreateWorkbook()) return "unsupported";
  try {
    await Excel.createWorkbook(base64);
    return "opened";
  } catch {
    return "unsupported"; // a host or policy that refuses it: the pane offers the file as a download
  }
}

/** The workbook's sheet names, in tab order. */
export async function sheetNames(): Promise<string[]> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    return sheets.items.map((s) => s.name);
  });
}

/**
 * Freezes a copy of each named sheet, in order; returns every cell it changed. First every copy gets
 * its values, then the references to frozen spills are rewritten, so that a reference from one frozen
 * sheet to another's spill (Valuation!A13# on the Simulation sheet) points at the other's copy.
 */
export async function freezeSheets(names: readonly string[]): Promise<FrozenCell[]> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const changed: FrozenCell[] = [];
    const done: { name: string; copy: Excel.Worksheet; copyName: string; used: Excel.Range; spills: Map<string, string> }[] = [];
    for (const name of names) {
      const source = sheets.getItemOrNullObject(name);
      await context.sync();
      if (source.isNullObject) {
        throw new EditError({ en: `There is no sheet called "${name}".`, ja: `「${name}」というシートはありません。` });
      }
      const used = source.getUsedRangeOrNullObject().load("formulas,values,rowIndex,columnIndex");
      // The copy's name: the first of "<name> (shared)", "(shared 2)" … not taken.
      const candidates = sharedCopyNames(name);
      const taken = candidates.map((c) => sheets.getItemOrNullObject(c));
      await context.sync();
      const copyName = candidates[taken.findIndex((t) => t.isNullObject)];
      const copy = source.copy("After", source);
      copy.name = copyName;
      if (used.isNullObject) {
        await context.sync();
        continue;
      }
      // Anchors: cells whose formula calls IPVALUE. Their values come from the source, already calculated.
      const anchors: { row: number; column: number; formula: string; value: unknown; spill: Excel.Range }[] = [];
      used.formulas.forEach((line, i) =>
        line.forEach((f, j) => {
          if (typeof f !== "string" || !f.startsWith("=") || !callsIpvalue(f)) return;
          const row = used.rowIndex + i;
          const column = used.columnIndex + j;
          const spill = source.getRangeByIndexes(row, column, 1, 1).getSpillingToRangeOrNullObject().load("values,rowIndex,columnIndex,rowCount,columnCount");
          anchors.push({ row, column, formula: f, value: used.values[i][j], spill });
        })
      );
      await context.sync();
      const spills = new Map<string, string>();
      for (const a of anchors) {
        if (a.spill.isNullObject) {
          copy.getRangeByIndexes(a.row, a.column, 1, 1).values = [[forExcel(a.value as CellValue)]];
          changed.push({ sheet: copyName, address: a1(a.row, a.column), formula: a.formula, value: a.value, kind: "value" });
        } else {
          const { rowIndex, columnIndex, rowCount, columnCount, values } = a.spill;
          copy.getRangeByIndexes(rowIndex, columnIndex, rowCount, columnCount).values = values.map((line) => line.map((v) => forExcel(v as CellValue)));
          const block = a1(rowIndex, columnIndex, rowCount, columnCount);
          spills.set(cellName(a.row, a.column), absolute(block));
          changed.push({ sheet: copyName, address: block, formula: a.formula, value: values, kind: "value" });
        }
      }
      await context.sync();
      done.push({ name, copy, copyName, used, spills });
    }
    // Formulas over a frozen spill (=INDEX($A$13#,2,2), Valuation!A13#): pointed at the block's cells instead.
    const frozen = new Map<string, FrozenSheet>(done.map((d) => [d.name.toUpperCase(), { copy: d.copyName, spills: d.spills }]));
    for (const { name, copy, copyName, used, spills } of done) {
      used.formulas.forEach((line, i) =>
        line.forEach((f, j) => {
          if (typeof f !== "string" || !f.startsWith("=") || callsIpvalue(f)) return;
          const next = replaceSpillReferences(f, spills, name, frozen);
          if (next === f) return;
          const row = used.rowIndex + i;
          const column = used.columnIndex + j;
          copy.getRangeByIndexes(row, column, 1, 1).formulas = [[next]];
          changed.push({ sheet: copyName, address: a1(row, column), formula: f, value: next, kind: "reference" });
        })
      );
    }
    await context.sync();
    return changed;
  });
}
