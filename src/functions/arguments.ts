/**
 * IPVALUE's own kinds of argument that several families take: the assumptions table, the user's
 * bands and the output to compute. Read here once, on top of excel.ts (Excel's cells, blanks and
 * errors), so every function that takes one reads it, and names it in its errors, the same way.
 * Not re-exported by functions.ts: none of these is a custom function.
 */
import { mergeBands, Output, parseAssumptionsTable, parseOutput, parseUserBands, planFromTable } from "../engine";
import { isOmitted, toMatrix, toOptionalText } from "./excel";

/** The scenarios of an assumptions table (SCENARIO, RANGE). */
export function readScenarios(assumptions: unknown) {
  return parseAssumptionsTable(toMatrix(assumptions, "assumptions"));
}

/** What varies across the scenarios of an assumptions table, for a simulation (SIMULATE, SENSITIVITY). */
export function readPlan(assumptions: unknown) {
  return planFromTable(toMatrix(assumptions, "assumptions"));
}

/** The built-in reference bands, with the user's bands added or overriding them (RANGE, BAND, BANDS). */
export function readBands(user_bands: unknown) {
  if (isOmitted(user_bands)) return mergeBands();
  return mergeBands(parseUserBands(toMatrix(user_bands, "user_bands")));
}

/** The output simulated (SIMULATE, SENSITIVITY): omitted or blank is the risk-adjusted value. */
export function readOutput(output: unknown): Output {
  const what = toOptionalText(output, "output");
  return what === undefined ? "rnpv" : parseOutput(what, "output");
}
