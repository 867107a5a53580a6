/** Shared helpers for the custom-function tests (not a test file itself). */
import * as functions from "../../src/functions/functions";

export interface ExcelError {
  code: string;
  message?: string;
}

/** The stand-in CustomFunctions.Error class installed by test/setup/custom-functions-stand-in.js. */
export const StubError = (globalThis as any).CustomFunctions.Error as new (code: string, message?: string) => ExcelError;

export const isExcelError = (x: unknown): x is ExcelError => x instanceof StubError;

/** A custom function's entry in functions.json (the fields the tests read). */
export interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: { name: string; description: string; type: string; dimensionality?: string; optional?: boolean }[];
  result: { dimensionality?: string };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build step is plain JS
const { functionFiles, functionMetadata } = require("../../scripts/function-metadata.js") as {
  functionFiles: () => string[];
  functionMetadata: () => { metadata: { functions: FunctionMetadata[] }; associate: { id: string; functionName: string; sourceFileName: string }[] };
};
const parsed = functionMetadata();

/** The family files functions.ts re-exports, whose JSDoc makes functions.json. */
export const FUNCTION_FILES: readonly string[] = functionFiles();
/** functions.json as the build makes it, parsed from the same files (no build needed). */
export const METADATA: readonly FunctionMetadata[] = parsed.metadata.functions;

type Loose = (...args: any[]) => any;
/**
 * The custom functions by id, with loose argument types so tests can pass what Excel passes (null,
 * "", 2-D ranges, junk): each bound to the export its JSDoc declares, as the build associates them.
 */
export const F: Record<string, Loose> = Object.fromEntries(
  parsed.associate.map(({ id, functionName }) => {
    const fn = (functions as Record<string, unknown>)[functionName];
    if (typeof fn !== "function") throw new Error(`${id}: functions.ts exports no function ${functionName}`);
    return [id, fn as Loose];
  })
);

/** A scalar result that must be a finite number. */
export function num(result: unknown): number {
  if (isExcelError(result)) throw new Error(`expected a number, got ${result.code} ${result.message ?? ""}`);
  expect(typeof result).toBe("number");
  expect(Number.isFinite(result)).toBe(true);
  return result as number;
}

/** A spilled result that must be a grid of numbers/strings (no error). */
export function grid(result: unknown): (number | string)[][] {
  expect(Array.isArray(result)).toBe(true);
  const rows = result as unknown[][];
  const first = rows[0]?.[0];
  if (rows.length === 1 && rows[0].length === 1 && isExcelError(first)) {
    throw new Error(`expected a spilled grid, got ${first.code} ${first.message ?? ""}`);
  }
  return rows as (number | string)[][];
}

/** A column of numbers as a flat list, checking the result really is one column. */
export function column(result: unknown): number[] {
  const g = grid(result);
  for (const row of g) expect(row).toHaveLength(1);
  return g.map((r) => r[0] as number);
}

/** A scalar error result with the given code; its message must match `message` when given. */
export function scalarError(result: unknown, code: string, message?: RegExp | string): ExcelError {
  expect(isExcelError(result)).toBe(true);
  const e = result as ExcelError;
  expect(e.code).toBe(code);
  if (message !== undefined) {
    if (typeof message === "string") expect(e.message).toBe(message);
    else expect(e.message).toMatch(message);
  }
  return e;
}

/** A spilling function's error: a 1×1 array holding the error. */
export function spilledError(result: unknown, code: string, message?: RegExp | string): ExcelError {
  expect(Array.isArray(result)).toBe(true);
  const rows = result as unknown[][];
  expect(rows).toHaveLength(1);
  expect(rows[0]).toHaveLength(1);
  return scalarError(rows[0][0], code, message);
}

/** Turns a list into an Excel column range. */
export const col = (...xs: unknown[]): unknown[][] => xs.map((x) => [x]);
/** Turns a list into an Excel row range. */
export const row = (...xs: unknown[]): unknown[][] => [xs];
