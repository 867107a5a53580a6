/**
 * How IPVALUE writes cells: texts Excel must keep as texts, the number formats of amounts and
 * percentages, A1 addresses, and a block of formulas with one number format. Pure: the Office.js
 * adapter writes what the sheet layouts (storage-sheet, valuation-sheet, simulation-sheet) make.
 */
import type { CellValue } from "../../model/table-layout";

export const PERCENT_FORMAT = "0.0#%";
export const AMOUNT_FORMAT = "#,##0";
export const GENERAL = "General";

/**
 * A string as Excel must receive it to keep it as that text: one that Excel would read as a formula
 * (= + - @), a number, a percentage, a date or TRUE/FALSE gets the apostrophe text prefix, which Excel
 * does not keep in the value.
 */
export function asText(s: string): string {
  const t = s.normalize("NFKC").trim();
  const risky =
    /^[=+\-@']/.test(s) ||
    /^[=+\-@]/.test(t) ||
    /^[-+]?[\d.,]+%?$/.test(t) ||
    /^[-+]?(\d+\.?\d*|\.\d+)e[-+]?\d+$/i.test(t) ||
    /^(true|false)$/i.test(t) ||
    (/\d/.test(t) && /[/:年月日]/.test(t));
  return risky ? `'${s}` : s;
}

/** A cell value as Excel must receive it: texts through asText. */
export const forExcel = (v: CellValue): CellValue => (typeof v === "string" ? asText(v) : v);

/** The A1 name of a cell (0-based row and column). */
export function cellName(row: number, column: number): string {
  let s = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row + 1}`;
}

/** The A1 address of a cell, or of a block of rows × columns from it. */
export function a1(row: number, column: number, rows = 1, columns = 1): string {
  const first = cellName(row, column);
  return rows === 1 && columns === 1 ? first : `${first}:${cellName(row + rows - 1, column + columns - 1)}`;
}

/** Cells of a sheet layout: formulas (or constants) at an address, all in one number format if given. */
export interface SheetBlock {
  address: string;
  formulas: (string | number)[][];
  numberFormat?: string;
}
