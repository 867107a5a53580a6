/** Cells as Excel hands them to the functions and the pane, and the two ways a cell can be blank. */

/** A cell's value as read: a number, text, TRUE/FALSE, or nothing (an empty cell, an omitted argument). */
export type RawValue = number | string | boolean | null | undefined;

/** A value written into a cell. */
export type CellValue = Exclude<RawValue, null | undefined>;

/** Nothing there: empty, or text of spaces only (tables people type into: a stray space is no value). */
export function isBlank(v: unknown): v is null | undefined | "" {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * Empty as Excel passes an empty cell or an omitted argument: null, undefined or "". A space typed in a
 * function's argument is not empty (it is text, refused where a number is due).
 */
export function isEmptyCell(v: unknown): v is null | undefined | "" {
  return v === null || v === undefined || v === "";
}
