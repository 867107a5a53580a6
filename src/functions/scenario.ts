/**
 * Scenarios of an assumptions table: one scenario's output or yearly model (SCENARIO), and the
 * valuation range across all scenarios (RANGE).
 */
import {
  BAND_RATE,
  bandRateRange,
  parseBandSpread,
  DEFAULT_OFFER_OUTPUTS,
  DEFAULT_RANGE_OUTPUTS,
  offerRows,
  readAssumptionsTable,
  readTerms,
  Output,
  parseOutput,
  pickScenario,
  runScenario,
  scenarioOutput,
  scenarioComponents,
  scenarioTable,
  valuationRangeRows,
  ValuationError,
} from "../engine";
import { readBands, readScenarios } from "./arguments";
import { isBlankCell, isOmitted, matrix, toBoolean, toExcelError, toMatrix, toOptionalName, toOptionalText } from "./excel";

/**
 * Computes one scenario of an assumptions table (scenario names in the first row, keys such as market_size, peak_share, royalty_rate, discount_rate and the deal terms in the first column; columns headed label, unit or note are ignored). Output "npv" (default): ownership × (upfront + DCF of royalties, fees, sublicense share and patent costs + milestones + equity + success fee); "rnpv": the same with the running flows × success_probability, each milestone × its probability and the exit × exit_probability (upfront and patent costs certain); "rate25"; "maxrate" (licensee walk-away rate); "royalty_rate"; "value_rate25" or "value_maxrate" (the rnpv at the 25%-rule rate or at the walk-away rate); "licensee_npv" (the licensee's NPV under the deal at its hurdle rate); "equivalent_rate" (the flat running rate worth the deal's rnpv); "components" (the value by component, npv and rnpv); or "table" to spill the yearly model. A row keyed "internal" marks scenarios internal and is otherwise ignored.
 * @customfunction SCENARIO
 * @helpurl https://localhost:3000/help.html#ipvalue-scenario
 * @param assumptions The assumptions table, headers included.
 * @param [scenario] Scenario name (default: the one named Base, else the middle column).
 * @param [output] "npv" (default), "rnpv", "rate25", "maxrate", "royalty_rate", "value_rate25", "value_maxrate", "licensee_npv", "equivalent_rate", "components" or "table".
 * @returns The chosen output; the components (component, npv, rnpv); or the yearly table (year, market, share, sales, royalty, discount_factor, present_value, annual_fee, sublicense, patent_cost) under a header row.
 */
export function scenario(assumptions: any[][], scenario?: string, output?: string): any[][] {
  return matrix(() => {
    const scenarios = readScenarios(assumptions);
    const name = toOptionalName(scenario, "scenario");
    const chosen = scenarios[pickScenario(scenarios, name)];
    const what = toOptionalText(output, "output")?.trim().toLowerCase() ?? "npv";
    const model = runScenario(chosen.assumptions);
    if (what === "table") return scenarioTable(model);
    if (what === "components") return scenarioComponents(model);
    return [[scenarioOutput(model, parseOutput(what, "output", ["components", "table"]))]];
  });
}

/**
 * The valuation range across all scenarios of an assumptions table: for each output, the low (minimum over scenarios), the base (the scenario named Base, else the middle one) and the high (maximum). Spills a header row (output, low, base, high) and one labelled row per output; an output with no answer in some scenario shows #NUM! in its row. With band_filter, a band_rate row adds the royalty-rate range of the matching reference bands.
 * @customfunction RANGE
 * @helpurl https://localhost:3000/help.html#ipvalue-range
 * @param assumptions The assumptions table, headers included.
 * @param [outputs] Outputs to show, as a range or comma-separated text: rnpv, npv, rate25, maxrate, royalty_rate, value_rate25, value_maxrate, licensee_npv, equivalent_rate (default: rnpv, npv, rate25, maxrate).
 * @param [labels] TRUE (default) for the header row and output names; FALSE for the numbers only (one row per output: low, base, high).
 * @param [band_filter] Adds a band_rate row: the royalty-rate range of the reference bands matching these words (as in BANDS: patent, know_how, approval, no_approval, startup, meti2010 …; "all" for every royalty band). Low and high are the extremes, base the median of the bands' midpoints.
 * @param [user_bands] Your own bands in the layout BANDS spills, added to the reference bands.
 * @param [band_spread] How the band_rate row spans the bands: "minmax" (default: from the lowest low to the highest high of the matching bands) or "iqr" (from the first to the third quartile of their midpoints, PERCENTILE.INC, as BANDSTATS reports them: the middle half of the comparables). The base is the median of the midpoints either way.
 * @returns The low, base and high of each output.
 */
export function range(assumptions: any[][], outputs?: any[][], labels?: boolean, band_filter?: string, user_bands?: any[][], band_spread?: string): any[][] {
  return matrix(() => {
    const scenarios = readScenarios(assumptions);
    const filter = toOptionalText(band_filter, "band_filter");
    const spread = parseBandSpread(toOptionalText(band_spread, "band_spread"));
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
      const b = bandRateRange(words, readBands(user_bands), spread);
      body.push([b.low, b.base, b.high]);
      names.push(BAND_RATE);
    }
    if (!withLabels) return body;
    return [["output", "low", "base", "high"], ...body.map((row, i) => [names[i], ...row])];
  });
}

/**
 * A term sheet valued in every scenario: the terms (a range of key and value, as IPVALUE.TERMS spills or as typed) replace those keys in each scenario of the assumptions table; everything else stays the scenario's. Spills a header row (scenario, then the outputs) and one row per scenario; an output with no answer in a scenario shows #NUM! in its cell. Default outputs: rnpv (the licensor's risk-adjusted value), licensee_npv (the licensee's NPV under the deal at its hurdle rate) and equivalent_rate (the flat running rate worth the same rnpv). Two OFFER formulas side by side compare two structures.
 * @customfunction OFFER
 * @helpurl https://localhost:3000/help.html#ipvalue-offer
 * @param assumptions The assumptions table, headers included.
 * @param terms Two columns or more: the key (an assumption key such as royalty_rate, upfront, post_expiry_rate, equity_share, milestone_1_amount) and its value; a heading row and further columns (unit, citation) are skipped; a blank value keeps the scenario's own.
 * @param [outputs] Outputs to show, as a range or comma-separated text: rnpv, npv, rate25, maxrate, royalty_rate, value_rate25, value_maxrate, licensee_npv, equivalent_rate (default: rnpv, licensee_npv, equivalent_rate).
 * @returns One row per scenario: its name and the outputs under the terms.
 */
export function offer(assumptions: any[][], terms: any[][], outputs?: any[][]): any[][] {
  return matrix(() => {
    const raws = readAssumptionsTable(toMatrix(assumptions, "assumptions"));
    const sheet = readTerms(toMatrix(terms, "terms"));
    const wanted = readOutputs(outputs, false, DEFAULT_OFFER_OUTPUTS, false).outputs;
    const rows = offerRows(raws, sheet, wanted).map((r) => [r.scenario, ...r.values.map((v) => (v instanceof ValuationError ? toExcelError(v) : v))]);
    return [["scenario", ...wanted], ...rows];
  });
}

/** The outputs asked for (RANGE may add its band_rate row; OFFER takes scenario outputs only). */
function readOutputs(
  outputs: unknown,
  withBands: boolean,
  defaults: readonly Output[] = DEFAULT_RANGE_OUTPUTS,
  bandsAllowed = true
): { outputs: Output[]; bandRow: boolean } {
  const cells = isOmitted(outputs) ? [] : toMatrix(outputs, "outputs").flat();
  const words = cells.flatMap((c) => (isBlankCell(c) ? [] : String(c).split(/[,、;\s]+/))).filter((w) => w !== "");
  if (words.length === 0) return { outputs: [...defaults], bandRow: withBands };
  if (!bandsAllowed) return { outputs: words.map((w) => parseOutput(w, "outputs")), bandRow: false };
  const bandRow = words.some((w) => w.toLowerCase() === BAND_RATE);
  const rest = words.filter((w) => w.toLowerCase() !== BAND_RATE);
  return { outputs: rest.map((w) => parseOutput(w, "outputs", [BAND_RATE])), bandRow: bandRow || withBands };
}
