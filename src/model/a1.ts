/**
 * How IPVALUE writes addresses and text into Excel formulas, for the pane's sheets and the negotiator
 * workbook alike: column letters, A1 addresses, quoted strings and the date in file names.
 */

/** Column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(column: number): string {
  let s = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The A1 name of a cell (0-based row and column). */
export function cellName(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** The A1 address of a cell, or of a block of rows × columns from it (0-based). */
export function a1(row: number, column: number, rows = 1, columns = 1): string {
  const first = cellName(row, column);
  return rows === 1 && columns === 1 ? first : `${first}:${cellName(row + rows - 1, column + columns - 1)}`;
}

/** A sheet as a formula's reference prefix: always quoted, quotes doubled ('Plan A'!). */
export const sheetRef = (name: string): string => `'${name.replace(/'/g, "''")}'!`;

/** A text as a formula's string literal: in double quotes, quotes doubled. */
export const quoted = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** A local date as YYYY-MM-DD (file names, "prepared on"). */
export function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
