/**
 * How IPVALUE writes cells: texts Excel must keep as texts, the number formats of amounts and
 * percentages, A1 addresses, and a block of formulas with one number format. Pure: the Office.js
 * adapter writes what the sheet layouts (storage-sheet, valuation-sheet, simulation-sheet) make.
 */
import type { CellValue } from "../../engine";

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

export { a1, cellName } from "../../model/a1";

/** Cells of a sheet layout: formulas (or constants) at an address, all in one number format if given. */
export interface SheetBlock {
  address: string;
  formulas: (string | number)[][];
  numberFormat?: string;
}
