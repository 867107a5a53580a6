/**
 * IPVALUE custom functions: thin adapters from Excel arguments to the valuation core.
 * Conventions for every function: rates, shares and probabilities are decimals (0.05 = 5%); periods
 * are years; amounts are in whatever currency the user types. Metadata (functions.json) is generated
 * from these JSDoc comments at build time; Japanese text lives in ./locale/ja.json.
 */
import {
  bandResult,
  bandsTable,
  cumulativeProbabilities,
  dcf as dcfCore,
  dealValue,
  equivalentRate,
  filterBands,
  findBand,
  invalidValue,
  likelihoodOfSuccess,
  maxRate,
  mergeBands,
  Milestone,
  Output,
  parseAssumptionsTable,
  parseBandField,
  parseOutput,
  parseTiming,
  parseUserBands,
  pickScenario,
  profitShare,
  rate25,
  reliefFromRoyalty,
  RawValue,
  DEFAULT_RANGE_OUTPUTS,
  rnpv as rnpvCore,
  royaltyStream,
  runScenario,
  salesForecast,
  scenarioOutput,
  scenarioTable,
  valuationRangeRows,
  ValuationError,
  bandRateRange,
  checkIterations,
  checkPercentile,
  checkSeed,
  DEFAULT_ITERATIONS,
  DEFAULT_SEED,
  MAX_PERCENTILES,
  parseDistribution,
  planFromTable,
  runSimulation,
  sensitivity as sensitivityCore,
  simulationTable,
  tornadoTable,
} from "../engine";
import {
  isBlankCell,
  matrix,
  scalar,
  spill,
  toBoolean,
  toMatrix,
  toNumber,
  toOptionalNumber,
  toExcelError,
  toOptionalName,
  toOptionalText,
  toVector,
} from "./excel";

/**
 * Present value of yearly cash flows (a row or a column). Flow i is discounted by (1+rate)^i at "end" (default; equals Excel's NPV), (1+rate)^(i-0.5) at "mid", (1+rate)^(i-1) at "begin". A blank cell is a zero flow whose year still passes (Excel's NPV skips blanks instead). Rates are decimals (0.1 = 10%).
 * @customfunction DCF
 * @param rate Discount rate per year, a decimal above -1 (0.1 = 10%).
 * @param cashflows Yearly cash flows, year 1 first: one row or one column, in your currency.
 * @param [timing] "end" (default), "mid" or "begin": when in each year the flows happen.
 * @returns Present value today, in the currency of the flows.
 */
export function dcf(rate: number, cashflows: any[][], timing?: string): number | CustomFunctions.Error {
  return scalar(() => dcfCore(toNumber(rate, "rate"), toVector(cashflows, "cashflows").values, parseTiming(timing)));
}

/**
 * Risk-adjusted NPV: the sum of probability × cash flow, discounted as in DCF. Probabilities are cumulative (the chance the project is still alive when that flow happens), decimals from 0 to 1.
 * @customfunction RNPV
 * @param rate Discount rate per year, a decimal above -1.
 * @param cashflows Yearly cash flows, year 1 first: one row or one column.
 * @param probabilities One probability for every flow, or a range of the same shape with one per flow (0 to 1).
 * @param [timing] "end" (default), "mid" or "begin".
 * @returns Risk-adjusted present value today.
 */
export function rnpv(rate: number, cashflows: any[][], probabilities: any[][], timing?: string): number | CustomFunctions.Error {
  return scalar(() => {
    const flows = toVector(cashflows, "cashflows");
    const p = toMatrix(probabilities, "probabilities");
    if (p.length === 1 && p[0].length === 1) {
      return rnpvCore(toNumber(rate, "rate"), flows.values, toNumber(p[0][0], "probabilities"), parseTiming(timing));
    }
    const probs = toVector(p, "probabilities");
    // A blank probability is accepted only beside a zero flow (a year with nothing to weigh).
    for (const i of probs.blanks) {
      if (flows.values[i] !== 0) {
        throw invalidValue(`probabilities: item ${i + 1} is blank but its cash flow is not; enter a probability from 0 to 1`);
      }
    }
    return rnpvCore(toNumber(rate, "rate"), flows.values, probs.values, parseTiming(timing));
  });
}

/**
 * Licensee net sales per year from the market: market in year t = market_size × (1+market_growth)^(t-1); in the k-th year of sales the share is peak_share × min(1, k/years_to_peak); nothing before launch_year. Spills a column of `years` values.
 * @customfunction SALES
 * @param market_size Market in year 1, in your currency (0 or more).
 * @param market_growth Market growth per year, a decimal above -1 (0.05 = 5%).
 * @param peak_share Peak market share of the licensed product, a decimal from 0 to 1.
 * @param years_to_peak Sales years until the peak share is reached (straight-line ramp); 0 or 1 = at peak from launch.
 * @param years Number of years to model, a whole number from 1 to 200.
 * @param [launch_year] Year of first sales, a whole number (default 1).
 * @returns A column of yearly net sales, year 1 first.
 */
export function sales(
  market_size: number,
  market_growth: number,
  peak_share: number,
  years_to_peak: number,
  years: number,
  launch_year?: number
): any[][] {
  return matrix(() => {
    const f = salesForecast({
      marketSize: toNumber(market_size, "market_size"),
      marketGrowth: toNumber(market_growth, "market_growth"),
      peakShare: toNumber(peak_share, "peak_share"),
      yearsToPeak: toNumber(years_to_peak, "years_to_peak"),
      years: toNumber(years, "years"),
      launchYear: toNumber(launch_year, "launch_year", 1),
    });
    return spill(f.sales, "column");
  });
}

/**
 * Royalty per year: max(royalty_rate × sales, annual_minimum) from the first year with sales through year term_years, and 0 before the first sale and after the term. Spills in the same orientation as sales.
 * @customfunction ROYALTIES
 * @param sales Licensee net sales per year, year 1 first (one row or column, 0 or more).
 * @param royalty_rate Running royalty rate, a decimal from 0 to 1 (0.03 = 3%).
 * @param [annual_minimum] Minimum royalty per year once sales have started (default 0).
 * @param [term_years] Last year (counted from year 1) in which royalties are due (default: all years).
 * @returns Royalties per year, in the currency of the sales.
 */
export function royalties(sales: any[][], royalty_rate: number, annual_minimum?: number, term_years?: number): any[][] {
  return matrix(() => {
    const s = toVector(sales, "sales");
    const out = royaltyStream(
      s.values,
      toNumber(royalty_rate, "royalty_rate"),
      toNumber(annual_minimum, "annual_minimum", 0),
      toOptionalNumber(term_years, "term_years")
    );
    return spill(out, s.orientation);
  });
}

/**
 * Royalty rate by the 25% rule of thumb: operating_margin × licensor_share. A cross-check only, not a basis on its own: the US Federal Circuit rejected the rule as a basis for damages (Uniloc v. Microsoft, Fed. Cir. 2011).
 * @customfunction RATE25
 * @param operating_margin Licensee operating profit before royalty ÷ net sales, a decimal up to 1 (0.2 = 20%).
 * @param [licensor_share] Share of that profit going to the licensor, a decimal from 0 to 1 (default 0.25).
 * @returns Royalty rate as a decimal of net sales.
 */
export function rate25Fn(operating_margin: number, licensor_share?: number): number | CustomFunctions.Error {
  return scalar(() => rate25(toNumber(operating_margin, "operating_margin"), toNumber(licensor_share, "licensor_share", 0.25)));
}

/**
 * Share of the licensee's operating profit before royalty that a royalty rate takes: royalty_rate ÷ operating_margin (the inverse of RATE25).
 * @customfunction PROFITSHARE
 * @param royalty_rate Royalty rate, a decimal of net sales from 0 to 1.
 * @param operating_margin Licensee operating profit before royalty ÷ net sales, a decimal above 0 and up to 1.
 * @returns The licensor's share of operating profit, a decimal.
 */
export function profitShareFn(royalty_rate: number, operating_margin: number): number | CustomFunctions.Error {
  return scalar(() => profitShare(toNumber(royalty_rate, "royalty_rate"), toNumber(operating_margin, "operating_margin")));
}

/**
 * The licensee's walk-away royalty rate: the rate at which its NPV at the hurdle rate is zero, (p × PV(operating profit) × (1-T) - investment) ÷ (p × PV(sales) × (1-T)). A negative result means the project fails the hurdle even royalty-free.
 * @customfunction MAXRATE
 * @param sales Licensee net sales per year, year 1 first (one row or column).
 * @param operating_profit Operating profit before royalty per year (same shape as sales), or one number: a margin applied to every year's sales.
 * @param hurdle_rate Licensee's required return, a decimal above -1.
 * @param [investment] Licensee outlay at year 0 (default 0).
 * @param [tax_rate] Licensee tax rate, a decimal from 0 to below 1 (default 0).
 * @param [success_probability] Chance the sales happen, a decimal above 0 up to 1 (default 1).
 * @param [timing] "end" (default), "mid" or "begin".
 * @returns Highest royalty rate the licensee can accept, a decimal of net sales.
 */
export function maxRateFn(
  sales: any[][],
  operating_profit: any[][],
  hurdle_rate: number,
  investment?: number,
  tax_rate?: number,
  success_probability?: number,
  timing?: string
): number | CustomFunctions.Error {
  return scalar(() => {
    const s = toVector(sales, "sales").values;
    const op = toMatrix(operating_profit, "operating_profit");
    let profit: number[];
    if (op.length === 1 && op[0].length === 1) {
      const margin = toNumber(op[0][0], "operating_profit");
      if (margin > 1) throw invalidValue(`operating_profit as one number is a margin and must be at most 1; got ${margin}`);
      profit = s.map((x) => x * margin);
    } else {
      profit = toVector(op, "operating_profit").values;
    }
    return maxRate({
      sales: s,
      operatingProfit: profit,
      hurdleRate: toNumber(hurdle_rate, "hurdle_rate"),
      investment: toNumber(investment, "investment", 0),
      taxRate: toNumber(tax_rate, "tax_rate", 0),
      successProbability: toNumber(success_probability, "success_probability", 1),
      timing: parseTiming(timing),
    });
  });
}

/**
 * Relief-from-royalty value: the after-tax royalties the owner of the technology is spared, discounted. With amortization_years n, multiplied by the tax amortization benefit 1/(1 - T × AF/n), AF the n-year annuity factor at the discount rate.
 * @customfunction RFR
 * @param sales Net sales per year that would bear the royalty, year 1 first.
 * @param royalty_rate Royalty rate, a decimal from 0 to 1.
 * @param tax_rate Tax rate, a decimal from 0 to below 1.
 * @param discount_rate Discount rate, a decimal above -1.
 * @param [timing] "end" (default), "mid" or "begin".
 * @param [amortization_years] Tax amortization period in whole years; omit for no amortization benefit.
 * @returns Value of the technology today, in the currency of the sales.
 */
export function rfr(
  sales: any[][],
  royalty_rate: number,
  tax_rate: number,
  discount_rate: number,
  timing?: string,
  amortization_years?: number
): number | CustomFunctions.Error {
  return scalar(() =>
    reliefFromRoyalty(
      toVector(sales, "sales").values,
      toNumber(royalty_rate, "royalty_rate"),
      toNumber(tax_rate, "tax_rate"),
      toNumber(discount_rate, "discount_rate"),
      parseTiming(timing),
      toOptionalNumber(amortization_years, "amortization_years")
    )
  );
}

/**
 * The running royalty rate whose royalties on the given sales are worth lump_sum today: lump_sum ÷ PV(sales). Converts a lump sum into a running royalty and back.
 * @customfunction EQUIVRATE
 * @param lump_sum Amount paid today, 0 or more.
 * @param sales Net sales per year, year 1 first.
 * @param discount_rate Discount rate, a decimal above -1.
 * @param [timing] "end" (default), "mid" or "begin".
 * @returns Equivalent royalty rate, a decimal of net sales.
 */
export function equivRate(lump_sum: number, sales: any[][], discount_rate: number, timing?: string): number | CustomFunctions.Error {
  return scalar(() =>
    equivalentRate(toNumber(lump_sum, "lump_sum"), toVector(sales, "sales").values, toNumber(discount_rate, "discount_rate"), parseTiming(timing))
  );
}

/**
 * Today's value of a whole deal to the licensor: the upfront fee at signing, each milestone at its year (weighted by its probability when a third column gives one), and the royalty stream discounted as in DCF.
 * @customfunction DEAL
 * @param discount_rate Discount rate, a decimal above -1.
 * @param upfront Fee paid at signing (year 0).
 * @param milestones Two columns, year and amount (a third, optional: probability 0 to 1, blank = 1); blank rows are skipped. Use "" for none.
 * @param royalties Royalties per year, year 1 first (one row or column). Use "" for none.
 * @param [timing] "end" (default), "mid" or "begin", for the royalties.
 * @param [royalty_probabilities] Probability that royalties are paid: one number or one per year (default 1).
 * @returns Value of the deal today.
 */
export function deal(
  discount_rate: number,
  upfront: number,
  milestones: any[][],
  royalties: any[][],
  timing?: string,
  royalty_probabilities?: any[][]
): number | CustomFunctions.Error {
  return scalar(() => {
    const list: Milestone[] = [];
    const m = toMatrix(milestones, "milestones");
    const allBlank = m.every((row) => row.every(isBlankCell));
    if (!allBlank) {
      if (m[0].length < 2 || m[0].length > 3) {
        throw invalidValue(`milestones must have 2 columns (year, amount) or 3 (year, amount, probability); got ${m[0].length}`);
      }
      m.forEach((row, i) => {
        if (row.every(isBlankCell)) return;
        const label = `milestones (row ${i + 1})`;
        list.push({
          year: toNumber(row[0], `${label} year`),
          amount: toNumber(row[1], `${label} amount`),
          probability: row.length > 2 ? toNumber(row[2], `${label} probability`, 1) : 1,
        });
      });
    }
    const r = toMatrix(royalties, "royalties");
    const flows = r.every((row) => row.every(isBlankCell)) ? undefined : toVector(r, "royalties").values;
    let probs: number | number[] | undefined;
    if (royalty_probabilities !== null && royalty_probabilities !== undefined) {
      const p = toMatrix(royalty_probabilities, "royalty_probabilities");
      probs = p.length === 1 && p[0].length === 1 ? toNumber(p[0][0], "royalty_probabilities", 1) : toVector(p, "royalty_probabilities", null).values;
    }
    return dealValue({
      discountRate: toNumber(discount_rate, "discount_rate"),
      upfront: toNumber(upfront, "upfront", 0),
      milestones: list,
      royalties: flows,
      royaltyProbabilities: probs,
      timing: parseTiming(timing),
    });
  });
}

/**
 * Likelihood of reaching the market: the product of the stage-transition probabilities (e.g. phase I→II, II→III, III→filing, filing→approval). With cumulative TRUE, spills the running product after each stage, ready for RNPV.
 * @customfunction LOA
 * @param phase_probabilities Transition probabilities of each stage, decimals from 0 to 1 (one row or column).
 * @param [cumulative] FALSE (default): one number, the overall likelihood. TRUE: the probability after each stage, same orientation.
 * @returns Likelihood of success as a decimal, or the cumulative probabilities.
 */
export function loa(phase_probabilities: any[][], cumulative?: boolean): any[][] {
  return matrix(() => {
    const v = toVector(phase_probabilities, "phase_probabilities", null);
    if (!toBoolean(cumulative, "cumulative", false)) return [[likelihoodOfSuccess(v.values)]];
    return spill(cumulativeProbabilities(v.values), v.orientation);
  });
}

function readTable(assumptions: any[][]) {
  return parseAssumptionsTable(toMatrix(assumptions, "assumptions") as RawValue[][]);
}

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
    const scenarios = readTable(assumptions);
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
    const scenarios = readTable(assumptions);
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
const BAND_RATE = "band_rate";

function readOutputs(outputs: unknown, withBands: boolean): { outputs: Output[]; bandRow: boolean } {
  const cells = outputs === null || outputs === undefined ? [] : toMatrix(outputs, "outputs").flat();
  const words = cells.flatMap((c) => (isBlankCell(c) ? [] : String(c).split(/[,、;\s]+/))).filter((w) => w !== "");
  if (words.length === 0) return { outputs: [...DEFAULT_RANGE_OUTPUTS], bandRow: withBands };
  const bandRow = words.some((w) => w.toLowerCase() === BAND_RATE);
  const rest = words.filter((w) => w.toLowerCase() !== BAND_RATE);
  return { outputs: rest.map((w) => parseOutput(w, "outputs", [BAND_RATE])), bandRow: bandRow || withBands };
}

function readBands(user_bands: unknown) {
  if (user_bands === null || user_bands === undefined) return mergeBands();
  return mergeBands(parseUserBands(toMatrix(user_bands, "user_bands") as RawValue[][]));
}

/**
 * A reference band: a published license term with its source, e.g. BAND("case11_option_premium") gives 0.1 and 0.15 (low, high). Rates are decimals (0.05 = 5%); amounts are in the band's currency column. Default: low and high side by side; field "row" gives every column as BANDS shows it; one field name gives that column. A user band with the same key overrides the built-in one, and the origin column then says "user".
 * @customfunction BAND
 * @param key The band's key, as listed by IPVALUE.BANDS (case does not matter).
 * @param [field] "range" (default: low and high), "row", or one column: low, high, unit, currency, base, right, regulatory, licensee, exclusivity, description_en, description_ja, source, locator, page, year, origin.
 * @param [user_bands] Your own bands in the layout BANDS spills: its header row first (key and low required), one band per row. They add to or override the built-in bands.
 * @returns Low and high, the whole row, or one field of the band.
 */
export function band(key: string, field?: string, user_bands?: any[][]): any[][] {
  return matrix(() => {
    const k = toOptionalName(key, "key");
    if (k === undefined || k.trim() === "") throw invalidValue("key is required: the key of a band, as listed by =IPVALUE.BANDS()");
    const f = parseBandField(toOptionalText(field, "field"));
    return bandResult(findBand(readBands(user_bands), k), f);
  });
}

/**
 * The reference bands as a table to look through: a header row (key, low, high, unit, currency, base, right, regulatory, licensee, exclusivity, description_en, description_ja, source, locator, page, year, origin) and one row per band, built-in ones first. Filter words must all match: a condition (patent, know_how, approval, no_approval, startup, sme, large, exclusive, non_exclusive, assignment), built-in or user, column:value (e.g. unit:share_of_net_sales), or any word found in the key, description or citation. Rates are decimals (0.05 = 5%).
 * @customfunction BANDS
 * @param [filter] Words that must all match, separated by spaces or commas, e.g. "startup approval" or "royalty"; omit for every band.
 * @param [user_bands] Your own bands in the same layout as this table (header row first; key and low required). They add to or override the built-in bands and show "user" in the origin column.
 * @returns The matching bands under a header row.
 */
export function bands(filter?: string, user_bands?: any[][]): any[][] {
  return matrix(() => bandsTable(filterBands(readBands(user_bands), toOptionalText(filter, "filter"))));
}

/**
 * Monte Carlo percentiles of an output of an assumptions table. Each assumption that differs across the scenarios is drawn from a distribution between its lowest and highest value with the base scenario's value as the most likely (PERT by default); assumptions equal in every scenario stay fixed; whole years are rounded. The model runs once per draw. Spills one labelled row per percentile (default P10, P50, P90), the mean, and P(<threshold) when a threshold is given. A fixed default seed: the same numbers on every recalculation and every machine.
 * @customfunction SIMULATE
 * @param assumptions The assumptions table, headers included (as SCENARIO and RANGE read it).
 * @param [iterations] Number of draws, a whole number from 100 to 1,000,000 (default 10,000).
 * @param [seed] Seed of the random numbers, a whole number from 0 to 4294967295 (default 1). Another seed gives another sample.
 * @param [percentiles] Percentiles to show, decimals between 0 and 1 (default 0.1, 0.5, 0.9 for P10, P50, P90), as a range or array such as {0.05,0.5,0.95}.
 * @param [output] The output simulated: "rnpv" (default, risk-adjusted licensor value), "npv", "rate25", "maxrate", "royalty_rate", "value_rate25" or "value_maxrate".
 * @param [threshold] Adds the probability that the output falls below this value (e.g. the walk-away floor); "" or a blank cell for none.
 * @param [distribution] "pert" (default), "triangular", or "metalog" (low, base and high taken as P10, P50 and P90).
 * @returns Label and value per row: the percentiles, the mean, and P(<threshold).
 */
export function simulateFn(
  assumptions: any[][],
  iterations?: number,
  seed?: number,
  percentiles?: any[][],
  output?: string,
  // any, not number: a formula that yields "" while no floor is set (IF(floor="","",floor)) must reach the function as "none", not #VALUE!
  threshold?: any,
  distribution?: string
): any[][] {
  return matrix(() => {
    const plan = planFromTable(toMatrix(assumptions, "assumptions") as RawValue[][]);
    const result = runSimulation(plan, {
      iterations: checkIterations(toNumber(iterations, "iterations", DEFAULT_ITERATIONS)),
      seed: checkSeed(toNumber(seed, "seed", DEFAULT_SEED)),
      percentiles: readPercentiles(percentiles),
      output: readOutput(output),
      threshold: toOptionalNumber(threshold, "threshold"),
      distribution: parseDistribution(toOptionalText(distribution, "distribution")),
    });
    return simulationTable(result);
  });
}

function readOutput(output: unknown): Output {
  const what = toOptionalText(output, "output");
  return what === undefined ? "rnpv" : parseOutput(what, "output");
}

/** Percentiles as a range, an array constant or one number; blank cells are skipped. */
function readPercentiles(percentiles: unknown): number[] | undefined {
  if (percentiles === null || percentiles === undefined) return undefined;
  const cells = toMatrix(percentiles, "percentiles").flat();
  const values: number[] = [];
  cells.forEach((c, i) => {
    if (isBlankCell(c)) return;
    if (typeof c !== "number") throw invalidValue(`percentiles: item ${i + 1} must be a decimal between 0 and 1; got ${typeof c === "string" ? `text "${c}"` : String(c)}`);
    values.push(checkPercentile(c, `percentiles (item ${i + 1})`));
  });
  if (values.length === 0) return undefined;
  if (values.length > MAX_PERCENTILES) throw invalidValue(`percentiles may hold at most ${MAX_PERCENTILES} values; got ${values.length}`);
  return values;
}

/**
 * Sensitivity of an output to each assumption (a tornado table): for every assumption that differs across the scenarios, the output with that assumption at its low and at its high across the scenarios, every other assumption at the base scenario's value. Spills a header row (assumption, low, high, output_at_low, output_at_high, swing), a base row, then one row per assumption sorted by swing, the largest first; a row whose output has no answer shows #NUM!.
 * @customfunction SENSITIVITY
 * @param assumptions The assumptions table, headers included.
 * @param [output] The output: "rnpv" (default, risk-adjusted licensor value), "npv", "rate25", "maxrate", "royalty_rate", "value_rate25" or "value_maxrate".
 * @returns The tornado table under a header row.
 */
export function sensitivityFn(assumptions: any[][], output?: string): any[][] {
  return matrix(() => {
    const plan = planFromTable(toMatrix(assumptions, "assumptions") as RawValue[][]);
    return tornadoTable(sensitivityCore(plan, readOutput(output)), toExcelError);
  });
}
