/**
 * Scenarios of an assumptions table: one scenario's output or yearly model (SCENARIO), and the
 * valuation range across all scenarios (RANGE).
 */
import {
  BAND_RATE,
  bandRateRange,
  DEFAULT_RANGE_OUTPUTS,
  Output,
  parseOutput,
  pickScenario,
  runScenario,
  scenarioOutput,
  scenarioTable,
  valuationRangeRows,
  ValuationError,
} from "../engine";
import { readBands, readScenarios } from "./arguments";
import { isBlankCell, isOmitted, matrix, toBoolean, toExcelError, toMatrix, toOptionalName, toOptionalText } from "./excel";

/**
 * Computes one scenario of an assumptions table (scenario names in the first row, keys such as market_size, peak_share, royalty_rate, discount_rate in the first column; columns headed label, unit or note are ignored). Output "npv" (default): upfront + DCF of royalties; "rnpv": upfront + success_probability × DCF of royalties; "rate25"; "maxrate" (licensee walk-away rate); "royalty_rate"; "value_rate25" or "value_maxrate" (the rnpv at the 25%-rule rate or at the walk-away rate); or "table" to spill the yearly model. A row keyed "internal" marks scenarios internal and is otherwise ignored.
 * @customfunction SCENARIO
 * @param assumptions The assumptions table, headers included.
 * @param [scenario] Scenario name (default: the one named Base, else the middle column).
 * @param [output] "npv" (default), "rnpv", "rate25", "maxrate", "royalty_rate", "value_rate25", "value_maxrate" or "table".
 * @returns The chosen output, or the yearly table (year, market, share, sales, royalty, discount_factor, present_value) under a header row.
 */
export function scenario(assumptions: any[][], scenario?: string, output?: string): any[][] {
  return matrix(() => {
    const scenarios = readScenarios(assumptions);
    const name = toOptionalName(scenario, "scenario");
    const chosen = scenarios[pickScenario(scenarios, name)];
    const what = toOptionalText(output, "output")?.trim().toLowerCase() ?? "npv";
    const model = runScenario(chosen.assumptions);
    if (what === "table") return scenarioTable(model);
    return [[scenarioOutput(model, parseOutput(what, "output", ["table"]))]];
  });
}

/**
 * The valuation range across all scenarios of an assumptions table: for each output, the low (minimum over scenarios), the base (the scenario named Base, else the middle one) and the high (maximum). Spills a header row (output, low, base, high) and one labelled row per output; an output with no answer in some scenario shows #NUM! in its row. With band_filter, a band_rate row adds the royalty-rate range of the matching reference bands.
 * @customfunction RANGE
 * @param assumptions The assumptions table, headers included.
 * @param [outputs] Outputs to show, as a range or comma-separated text: rnpv, npv, rate25, maxrate, royalty_rate, value_rate25, value_maxrate (default: rnpv, npv, rate25, maxrate).
 * @param [labels] TRUE (default) for the header row and output names; FALSE for the numbers only (one row per output: low, base, high).
 * @param [band_filter] Adds a band_rate row: the royalty-rate range of the reference bands matching these words (as in BANDS: patent, know_how, approval, no_approval, startup, meti2010 …; "all" for every royalty band). Low and high are the extremes, base the median of the bands' midpoints.
 * @param [user_bands] Your own bands in the layout BANDS spills, added to the reference bands.
 * @returns The low, base and high of each output.
 */
export function range(assumptions: any[][], outputs?: any[][], labels?: boolean, band_filter?: string, user_bands?: any[][]): any[][] {
  return matrix(() => {
    const scenarios = readScenarios(assumptions);
    const filter = toOptionalText(band_filter, "band_filter");
    const { outputs: wanted, bandRow } = readOutputs(outputs, filter !== undefined);
    const withLabels = toBoolean(labels, "labels", true);
    // One output without an answer (a loss-making scenario's rate25, no sales in the term for maxrate)
    // shows #NUM! in its own row; the other outputs still spill.
    const body: (number | CustomFunctions.Error)[][] = valuationRangeRows(scenarios, wanted).map((r) => {
      if (!(r instanceof ValuationError)) return [r.low, r.base, r.high];
      const error = toExcelError(r);
      return [error, error, error];
    });
    const names: string[] = [...wanted];
    if (bandRow) {
      const words = filter === undefined || filter.trim().toLowerCase() === "all" ? "" : filter;
      const b = bandRateRange(words, readBands(user_bands));
      body.push([b.low, b.base, b.high]);
      names.push(BAND_RATE);
    }
    if (!withLabels) return body;
    return [["output", "low", "base", "high"], ...body.map((row, i) => [names[i], ...row])];
  });
}

/** The RANGE row of the reference bands' royalty rates (not a scenario output). */

function readOutputs(outputs: unknown, withBands: boolean): { outputs: Output[]; bandRow: boolean } {
  const cells = isOmitted(outputs) ? [] : toMatrix(outputs, "outputs").flat();
  const words = cells.flatMap((c) => (isBlankCell(c) ? [] : String(c).split(/[,、;\s]+/))).filter((w) => w !== "");
  if (words.length === 0) return { outputs: [...DEFAULT_RANGE_OUTPUTS], bandRow: withBands };
  const bandRow = words.some((w) => w.toLowerCase() === BAND_RATE);
  const rest = words.filter((w) => w.toLowerCase() !== BAND_RATE);
  return { outputs: rest.map((w) => parseOutput(w, "outputs", [BAND_RATE])), bandRow: bandRow || withBands };
}
