/**
 * The LibreOffice harness of the export tests: recalculate workbooks with ../shared/tools/lo-recalc.sh,
 * read them back, and compare every formula cell with the engine's value to 1e-9 relative. Shared by
 * libreoffice-recalc.test.ts (today's terms) and libreoffice-deal-terms.test.ts (every deal term).
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { eachValue, ROOT } from "./demo";

export const RECALC = path.resolve(ROOT, "../shared/tools/lo-recalc.sh");
/** A cached result no formula computes: one that survives recalculation proves it did not happen. */
export const PLACEHOLDER = -987654.321;
export const TOLERANCE = 1e-9;

export const onPath = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;

/** Recalculates `inputs` into `outDir` (same file names); fails unless LibreOffice wrote every one. */
export function recalc(inputs: string[], outDir: string): void {
  try {
    execFileSync("bash", [RECALC, ...inputs, outDir], { stdio: "pipe", timeout: 170_000 });
  } catch (e) {
    const err = e as { status?: number; stderr?: Buffer };
    throw new Error(`lo-recalc.sh failed (exit ${err.status}): ${err.stderr?.toString() ?? e}`, { cause: e });
  }
  for (const input of inputs) {
    const out = path.join(outDir, path.basename(input));
    if (!fs.existsSync(out)) throw new Error(`LibreOffice wrote no ${out}`);
  }
}

export async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export interface FormulaCell {
  sheet: string;
  address: string;
  formula: string;
  cached: unknown;
}

/** What a reader sees in a cell: a formula's result, else the value typed there (an edit typed over a formula). */
export function valueAt(wb: ExcelJS.Workbook, sheet: string, address: string): unknown {
  const cell = wb.getWorksheet(sheet)!.getCell(address);
  return cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
}

export function formulaCells(wb: ExcelJS.Workbook): FormulaCell[] {
  const out: FormulaCell[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) out.push({ sheet: ws.name, address: cell.address, formula: cell.formula, cached: cell.result });
      })
    )
  );
  return out;
}

/** Replaces every formula's cached result by PLACEHOLDER, so every value read back is LibreOffice's. */
export function withPlaceholders(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) cell.value = { formula: cell.formula, result: PLACEHOLDER } as ExcelJS.CellFormulaValue;
      })
    );
}

/**
 * A blank deal term's link on a model sheet, IF(ISBLANK(x),"",x): LibreOffice stores its empty text as
 * <v></v> (t="str"), which exceljs reads back as no value at all.
 */
const BLANK_LINK = /^IF\(ISBLANK\(([^()]+)\),"",\1\)$/;

/** Every value in the workbook that is an error (#NAME?, #VALUE!, #REF! …), or a formula left without a value, as "sheet!A1 = #…". */
/** A tier's rate that follows the royalty rate only once its threshold is given: IF(ISNUMBER(t),r,""). */
const BLANK_UNTIL = /^IF\(ISNUMBER\([^()]+\),[^()]+,""\)$/;
/** A plain link to one cell, on this sheet or another. */
const LINK = /^(?:'((?:[^']|'')+)'!|([^'!]+)!)?\$?([A-Z]+\$?\d+)$/;

/** A formula whose empty text is meant: a blank term's link, a tier rate before its threshold, or a link to either. */
function blankByDesign(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, formula: string, depth = 0): boolean {
  if (BLANK_LINK.test(formula) || BLANK_UNTIL.test(formula)) return true;
  const m = LINK.exec(formula);
  if (!m || depth > 3) return false;
  const sheet = m[1] !== undefined ? wb.getWorksheet(m[1].replace(/''/g, "'")) : m[2] !== undefined ? wb.getWorksheet(m[2]) : ws;
  const target = sheet?.getCell(m[3].replace(/\$/g, ""));
  return !!target && target.type === ExcelJS.ValueType.Formula && blankByDesign(wb, sheet!, target.formula, depth + 1);
}

export function errorValues(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  const isError = (x: unknown) => (typeof x === "object" && x !== null && "error" in x) || (typeof x === "string" && /^#[A-Z/0!?]+[!?]?$/.test(x));
  eachValue(wb, (where, v, cell) => {
    const empty = cell.type === ExcelJS.ValueType.Formula && v === undefined && !blankByDesign(wb, cell.worksheet, cell.formula);
    if (isError(v) || empty) out.push(`${where} = ${JSON.stringify(v)}`);
  });
  return out;
}

export const relativeError = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

export interface Comparison {
  where: string;
  expected: unknown;
  actual: unknown;
  rel: number;
  ok: boolean;
}

export function compare(where: string, expected: unknown, actual: unknown): Comparison {
  if (typeof expected === "number" && typeof actual === "number") {
    const rel = relativeError(expected, actual);
    return { where, expected, actual, rel, ok: rel <= TOLERANCE };
  }
  // A blank term's link (BLANK_LINK) caches "" and reads back from LibreOffice's file as undefined.
  const same = expected === actual || (expected === "" && actual === undefined);
  return { where, expected, actual, rel: same ? 0 : Infinity, ok: same };
}

export const failures = (cs: Comparison[]) =>
  cs
    .filter((c) => !c.ok)
    .slice(0, 10)
    .map((c) => `${c.where}: expected ${JSON.stringify(c.expected)}, LibreOffice ${JSON.stringify(c.actual)}`);

/** Fails (never skips) when LibreOffice or the recalculation script is missing. */
export function requireLibreOffice(): void {
  if (!onPath("soffice")) throw new Error("LibreOffice is not installed: 'soffice' is not on PATH. This test needs it and fails rather than skips.");
  if (!fs.existsSync(RECALC)) throw new Error(`The recalculation script is missing: ${RECALC}`);
}

/** The chart's start on the Summary's football-field cells: MIN(MAX(B<row>,min),max), the axis written with the file. */
const FIELD_START = /^MIN\(MAX\(B(\d+),(-?[0-9.e+-]+)\),(-?[0-9.e+-]+)\)$/;

interface FieldRow {
  sheet: string;
  row: number;
  min: number;
  max: number;
}

/**
 * The football field's rows of a workbook as written, and a check of them in a recalculated copy. The
 * chart's axis is fixed when the file is written (the chart part holds it), so after an edit these cells
 * clip at that axis, where a workbook built afresh from the edited values would pick its own: they are
 * compared with their own definition over the recalculated from/to instead of with a rebuilt workbook.
 */
export function footballField(written: ExcelJS.Workbook): {
  rows: FieldRow[];
  isField: (c: FormulaCell) => boolean;
  failures: (label: string, actual: ExcelJS.Workbook) => string[];
} {
  const rows: FieldRow[] = [];
  for (const c of formulaCells(written)) {
    const m = FIELD_START.exec(c.formula);
    if (m && c.address === `D${m[1]}`) rows.push({ sheet: c.sheet, row: Number(m[1]), min: Number(m[2]), max: Number(m[3]) });
  }
  const isField = (c: FormulaCell) => rows.some((r) => r.sheet === c.sheet && Number(/\d+$/.exec(c.address)![0]) === r.row && /^[A-E]\d/.test(c.address));
  const failures = (label: string, actual: ExcelJS.Workbook) => {
    const out: string[] = [];
    for (const r of rows) {
      const at = (col: string) => valueAt(actual, r.sheet, `${col}${r.row}`);
      const [from, to, start, length, name] = [at("B"), at("C"), at("D"), at("E"), at("A")];
      if (typeof from !== "number" || typeof to !== "number") {
        out.push(`${label} ${r.sheet}!B${r.row}:C${r.row}: ${JSON.stringify([from, to])}`);
        continue;
      }
      const wantStart = Math.min(Math.max(from, r.min), r.max);
      if (relativeError(start as number, wantStart) > TOLERANCE) out.push(`${label} ${r.sheet}!D${r.row}: ${start}, expected ${wantStart}`);
      const lengthCell = actual.getWorksheet(r.sheet)!.getCell(`E${r.row}`);
      const wantLength = Math.max(0, Math.min(to, r.max) - wantStart);
      if (lengthCell.type === ExcelJS.ValueType.Formula && Math.abs((length as number) - wantLength) > TOLERANCE * Math.max(1, r.max))
        out.push(`${label} ${r.sheet}!E${r.row}: ${length}, expected ${wantLength}`);
      if (String(name).includes("▸") !== to > r.max) out.push(`${label} ${r.sheet}!A${r.row}: ${JSON.stringify(name)} for a high of ${to} (axis to ${r.max})`);
    }
    return out;
  };
  return { rows, isField, failures };
}
