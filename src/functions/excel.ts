/**
 * Glue between Excel's calling conventions and the valuation core: ranges arrive as 2-D arrays,
 * omitted optional arguments as null, empty cells as "" or null. Engine errors become
 * CustomFunctions.Error values; nothing leaves as NaN, Infinity or an exception.
 */
import { isEmptyCell } from "../engine/cells";
import { messageLanguage } from "./display-language";
import { describeCellIn, excerptText, invalidNumber, invalidValue, keyName, MessageLanguage, phrase, renderMessage, ValuationError } from "../engine/errors";

export type Cell = number | string | boolean | null | undefined;
export type Matrix = Cell[][];
export type MatrixResult = (number | string | boolean | CustomFunctions.Error)[][];

/** How a 1-D input was laid out, so a spilled result can keep the same orientation. */
export type Orientation = "row" | "column";

export interface Vector {
  values: number[];
  orientation: Orientation;
  /** Indices (0-based) of the cells that were blank (null or ""). */
  blanks: number[];
}

/** A wrong cell for a message; text cut at 30 characters (no length: the format predates excerpt's). */

/** An empty cell as Excel passes it (null, undefined or ""); a space is text. The engine's isEmptyCell. */
export const isBlankCell = isEmptyCell;

/** An optional argument left out of the formula (Excel passes null); a blank cell is not omitted. */
export const isOmitted = (v: unknown): boolean => v === null || v === undefined;

/** Every cell of a range is blank (a range of "" meaning "none"). */
export const isBlankRange = (m: Matrix): boolean => m.every((row) => row.every(isBlankCell));

/** Unwraps a 1×1 range, which Excel passes for a single cell given to a range parameter. */
function single(value: unknown, name: string): unknown {
  if (!Array.isArray(value)) return value;
  if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return value[0][0];
  throw invalidValue("single-value", { name: keyName(name) });
}

/** A number argument. Omitted or blank gives `fallback`; without one, the argument is required. */
export function toNumber(value: unknown, name: string, fallback?: number): number {
  const v = single(value, name);
  if (isBlankCell(v)) {
    if (fallback !== undefined) return fallback;
    throw invalidValue("required", { name: keyName(name) });
  }
  if (typeof v !== "number") throw invalidValue("must-be-number", { name: keyName(name), got: describeCellIn(v) });
  if (!Number.isFinite(v)) throw invalidValue("finite-number", { name: keyName(name), got: String(v) });
  return v;
}

/** An optional number: undefined when omitted or blank. */
export function toOptionalNumber(value: unknown, name: string): number | undefined {
  return isBlankCell(single(value, name)) ? undefined : toNumber(value, name);
}

/** An optional name: text, or a number used as a name (a scenario headed 2025). */
export function toOptionalName(value: unknown, name: string): string | undefined {
  const v = single(value, name);
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return toOptionalText(v, name);
}

/** An optional text argument: undefined when omitted or blank. */
export function toOptionalText(value: unknown, name: string): string | undefined {
  const v = single(value, name);
  if (isBlankCell(v)) return undefined;
  if (typeof v !== "string") throw invalidValue("must-be-text", { name: keyName(name), got: describeCellIn(v) });
  return v;
}

/** An optional TRUE/FALSE argument (1/0 accepted, as Excel does). */
export function toBoolean(value: unknown, name: string, fallback: boolean): boolean {
  const v = single(value, name);
  if (isBlankCell(v)) return fallback;
  if (typeof v === "boolean") return v;
  if (v === 1 || v === 0) return v === 1;
  throw invalidValue("true-or-false", { name: keyName(name), got: describeCellIn(v) });
}

/** Checks that a 2-D argument is a non-empty rectangle. */
export function toMatrix(value: unknown, name: string): Matrix {
  if (!Array.isArray(value)) return [[value as Cell]];
  if (value.length === 0 || !Array.isArray(value[0]) || value[0].length === 0) throw invalidValue("empty", { argument: keyName(name) });
  const width = value[0].length;
  for (let r = 1; r < value.length; r++) {
    const row = value[r];
    if (!Array.isArray(row) || row.length !== width) throw invalidValue("rectangular", { argument: keyName(name) });
  }
  return value as Matrix;
}

/**
 * A row or a column of numbers (a single value counts as a one-year column). Blank cells are
 * `blankAs` (0 for cash flows, whose year still passes) or refused when blankAs is null.
 * (null, not undefined: an explicit undefined would silently select the default 0.)
 */
export function toVector(value: unknown, name: string, blankAs: number | null = 0): Vector {
  // One pass over the cells (shape checks included): this runs on every recalculation.
  const m: Matrix = Array.isArray(value) ? (value as Matrix) : [[value as Cell]];
  const first = m[0];
  if (m.length === 0 || !Array.isArray(first) || first.length === 0) throw invalidValue("empty", { argument: keyName(name) });
  const isRow = m.length === 1;
  const cols = first.length;
  if (!isRow && cols > 1) {
    toMatrix(value, name); // a ragged range gets the rectangular-range message
    throw invalidValue("row-or-column", { name: keyName(name), rows: m.length, columns: cols });
  }
  const n = isRow ? cols : m.length;
  const values: number[] = new Array(n);
  const blanks: number[] = [];
  for (let i = 0; i < n; i++) {
    let c: Cell;
    if (isRow) c = first[i];
    else {
      const row = m[i];
      if (!Array.isArray(row) || row.length !== 1) throw invalidValue("rectangular", { argument: keyName(name) });
      c = row[0];
    }
    if (typeof c === "number") {
      if (!Number.isFinite(c)) throw invalidValue("item-finite", { name: keyName(name), item: i + 1, got: String(c) });
      values[i] = c;
    } else if (isBlankCell(c)) {
      if (blankAs === null) throw invalidValue("item-blank", { name: keyName(name), item: i + 1 });
      values[i] = blankAs;
      blanks.push(i);
    } else {
      throw invalidValue("item-number", { name: keyName(name), item: i + 1, got: describeCellIn(c) });
    }
  }
  return { values, orientation: isRow && cols > 1 ? "row" : "column", blanks };
}

/** Lays a 1-D result out as a row or a column. */
export function spill(values: ArrayLike<number>, orientation: Orientation): number[][] {
  const out: number[][] = [];
  if (orientation === "row") out.push(Array.from(values));
  else for (let i = 0; i < values.length; i++) out.push([values[i]]);
  return out;
}

// The messages' language (Office's display language), in a file the functions' small entry shares.
export { messageLanguage };

/** The Excel error for anything a function body threw: engine errors keep their kind and message, in Office's display language. */
export function toExcelError(e: unknown, language: MessageLanguage = messageLanguage()): CustomFunctions.Error {
  if (e instanceof ValuationError) {
    const code = CustomFunctions.ErrorCode[e.kind];
    // Excel shows custom messages only on #VALUE! and #N/A; #NUM! carries the code alone.
    return e.kind === "invalidNumber" ? new CustomFunctions.Error(code) : new CustomFunctions.Error(code, e.in(language));
  }
  const message = e instanceof Error ? e.message : String(e);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, renderMessage("unexpected-error", { message: excerptText(message, 200) }, language));
}

function checkFinite(x: unknown): void {
  if (typeof x === "number" && !Number.isFinite(x)) throw invalidNumber("result-undefined", { what: phrase("what-result") });
}

/** Runs a scalar function body; errors come back as a CustomFunctions.Error value. */
export function scalar<T extends number | string>(body: () => T): T | CustomFunctions.Error {
  try {
    const r = body();
    checkFinite(r);
    return r;
  } catch (e) {
    return toExcelError(e);
  }
}

/** Runs a spilling function body; an error comes back as a 1×1 array holding it. */
export function matrix(body: () => (number | string | boolean | CustomFunctions.Error)[][]): MatrixResult {
  try {
    const r = body();
    for (const row of r) for (const x of row) checkFinite(x);
    return r;
  } catch (e) {
    return [[toExcelError(e)]];
  }
}
