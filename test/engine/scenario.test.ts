/** The scenario model, its outputs, the default scenario and the low/base/high range. */
import {
  Assumptions,
  DEFAULT_RANGE_OUTPUTS,
  OUTPUTS,
  parseAssumptionsTable,
  parseOutput,
  pickScenario,
  resolveAssumptions,
  runScenario,
  Scenario,
  scenarioOutput,
  scenarioTable,
  TABLE_HEADER,
  ValuationError,
  valuationRange,
  withScenario,
} from "../../src/engine";
import { caught } from "./helpers";

/**
 * Base case worked by hand (launch year 2, two-year ramp, 10% growth, 10% discount):
 *   market   1000, 1100, 1210, 1331
 *   share       0,  0.1,  0.2,  0.2
 *   sales       0,  110,  242, 266.2
 *   royalty 5%  0,  5.5, 12.1, 13.31
 *   PV          0, 5.5/1.21 = 50/11, 12.1/1.331 = 100/11, 13.31/1.4641 = 100/11  -> 250/11 = 22.7273
 */
const base: Assumptions = resolveAssumptions(
  {
    market_size: 1000,
    market_growth: 0.1,
    peak_share: 0.2,
    years_to_peak: 2,
    years: 4,
    launch_year: 2,
    royalty_rate: 0.05,
    operating_margin: 0.2,
    discount_rate: 0.1,
    success_probability: 0.5,
    upfront: 10,
  },
  "Base"
);

describe("runScenario", () => {
  test("builds the yearly model of the worked example", () => {
    const m = runScenario(base);
    expect(Array.from(m.sales)).toEqual([0, 110, 242, 266.2].map((x) => expect.closeTo(x, 9)));
    expect(Array.from(m.royalty)).toEqual([0, 5.5, 12.1, 13.31].map((x) => expect.closeTo(x, 9)));
    expect(Array.from(m.presentValue)).toEqual([0, 50 / 11, 100 / 11, 100 / 11].map((x) => expect.closeTo(x, 9)));
    expect(m.royaltyValue).toBeCloseTo(250 / 11, 9);
  });

  test("the royalty term and the annual minimum are applied", () => {
    // term 3: year 4 pays nothing; minimum 8: year 2 pays max(5.5, 8) = 8
    const m = runScenario({ ...base, term_years: 3, annual_minimum: 8 });
    expect(Array.from(m.royalty)).toEqual([0, 8, expect.closeTo(12.1, 9), 0]);
  });

  test("mid-year timing moves every discount factor half a year earlier", () => {
    const m = runScenario({ ...base, timing: "mid" });
    expect(m.discountFactor[0]).toBeCloseTo(Math.pow(1.1, -0.5), 12);
    expect(m.royaltyValue).toBeCloseTo((250 / 11) * Math.sqrt(1.1), 9);
  });
});

describe("scenarioOutput", () => {
  const m = runScenario(base);

  test("npv = upfront + DCF of royalties", () => {
    // 10 + 250/11 = 32.7273
    expect(scenarioOutput(m, "npv")).toBeCloseTo(10 + 250 / 11, 9);
  });

  test("rnpv risk-adjusts the royalties but not the upfront", () => {
    // 10 + 0.5 · 250/11 = 21.3636
    expect(scenarioOutput(m, "rnpv")).toBeCloseTo(10 + 125 / 11, 9);
  });

  test("rate25 = margin × licensor share", () => {
    expect(scenarioOutput(m, "rate25")).toBeCloseTo(0.05, 15);
  });

  test("royalty_rate echoes the assumption", () => {
    expect(scenarioOutput(m, "royalty_rate")).toBe(0.05);
  });

  test("maxrate counts the upfront in the licensee's outlay and uses the discount rate as the default hurdle", () => {
    // PV(sales) at 10% = 110/1.21 + 242/1.331 + 266.2/1.4641 = 100·(1 + 2 + 2)/1.1 = 5000/11; PV(OP) = 0.2 · that = 1000/11
    // (0.5 · 1000/11 − (0 + 10)) / (0.5 · 5000/11) = (500 − 110)/11 / (2500/11) = 0.156
    expect(scenarioOutput(m, "maxrate")).toBeCloseTo(0.156, 12);
  });

  test("maxrate bears the royalty only on sales within the term, while profit counts every year", () => {
    // term 3: base = 110/1.21 + 242/1.331 = 3000/11; (0.5·1000/11 − 10) / (0.5·3000/11) = 390/1500 = 0.26
    expect(scenarioOutput(runScenario({ ...base, term_years: 3 }), "maxrate")).toBeCloseTo(0.26, 12);
  });

  test("maxrate uses its own hurdle rate, tax and investment when given", () => {
    // hurdle 0: PV(sales) = 618.2, PV(OP) = 123.64; T = 0.5, I = 5 (+10 upfront)
    // (0.5·123.64·0.5 − 15) / (0.5·618.2·0.5) = (30.91 − 15) / 154.55 = 0.102944
    const v = scenarioOutput(runScenario({ ...base, hurdle_rate: 0, tax_rate: 0.5, investment: 5 }), "maxrate");
    expect(v).toBeCloseTo(15.91 / 154.55, 12);
  });

  test("maxrate with the whole term before launch has no sales to carry a royalty: #NUM!", () => {
    expect(caught(() => scenarioOutput(runScenario({ ...base, term_years: 1 }), "maxrate")).kind).toBe("invalidNumber");
  });

  test("rate25 of a loss-making licensee is #NUM!", () => {
    expect(caught(() => scenarioOutput(runScenario({ ...base, operating_margin: -0.1 }), "rate25")).kind).toBe("invalidNumber");
  });
});

describe("scenarioTable", () => {
  test("has a header row and one row per year", () => {
    const t = scenarioTable(runScenario(base));
    expect(t[0]).toEqual([...TABLE_HEADER]);
    expect(t[0]).toEqual(["year", "market", "share", "sales", "royalty", "discount_factor", "present_value", "annual_fee", "sublicense", "patent_cost"]);
    expect(t).toHaveLength(5);
    expect(t[3]).toEqual([
      3,
      expect.closeTo(1210, 9),
      0.2,
      expect.closeTo(242, 9),
      expect.closeTo(12.1, 9),
      expect.closeTo(1 / 1.331, 12),
      expect.closeTo(100 / 11, 9),
      0,
      0,
      0,
    ]);
  });
});

describe("parseOutput", () => {
  test("reads every output, ignoring case and spaces", () => {
    for (const o of OUTPUTS) expect(parseOutput(` ${o.key.toUpperCase()} `)).toBe(o.key);
  });

  test("an unknown output is refused, naming the argument and the choices", () => {
    const e = caught(() => parseOutput("irr", "outputs"));
    expect(e.kind).toBe("invalidValue");
    expect(e.message).toBe(
      'outputs must be one of rnpv, npv, rate25, maxrate, royalty_rate, value_rate25, value_maxrate, licensee_npv, equivalent_rate; got "irr"'
    );
  });

  test("a non-text output is refused", () => {
    expect(caught(() => parseOutput(3)).message).toMatch(/^output must be one of/);
  });
});

describe("pickScenario", () => {
  const named = (...names: string[]): Scenario[] => names.map((name) => ({ name, assumptions: base, internal: false }));

  test("finds a scenario by name, ignoring case and surrounding spaces", () => {
    expect(pickScenario(named("Low", "Mid", "High"), "  high ")).toBe(2);
  });

  test("an unknown name is #N/A, naming it and the scenarios there are", () => {
    const e = caught(() => pickScenario(named("Low", "High"), "Best"));
    expect(e.kind).toBe("notAvailable");
    expect(e.message).toBe("scenario 'Best' is not in the table; it has 'Low', 'High'");
  });

  test("by default the scenario named Base wins wherever it is", () => {
    expect(pickScenario(named("Base", "Low", "High"))).toBe(0);
    expect(pickScenario(named("Low", "High", "base case"))).toBe(2);
    expect(pickScenario(named("悲観", "楽観", "ベース"))).toBe(2);
  });

  test("without a Base, the middle scenario is chosen (the left of the two middles for an even count)", () => {
    expect(pickScenario(named("Only"))).toBe(0);
    expect(pickScenario(named("A", "B"))).toBe(0);
    expect(pickScenario(named("A", "B", "C"))).toBe(1);
    expect(pickScenario(named("A", "B", "C", "D"))).toBe(1);
    expect(pickScenario(named("A", "B", "C", "D", "E"))).toBe(2);
  });

  test("a blank name means the default", () => {
    expect(pickScenario(named("A", "Base"), "  ")).toBe(1);
    expect(pickScenario(named("A", "Base"), null)).toBe(1);
  });
});

describe("valuationRange", () => {
  // Low: peak 0.1, margin 0.15; Base: as above; High: peak 0.3, margin 0.25. Sales scale with the peak share.
  const cells = [
    ["key", "Low", "Base", "High"],
    ["market_size", 1000, 1000, 1000],
    ["market_growth", 0.1, 0.1, 0.1],
    ["peak_share", 0.1, 0.2, 0.3],
    ["years_to_peak", 2, 2, 2],
    ["years", 4, 4, 4],
    ["launch_year", 2, 2, 2],
    ["royalty_rate", 0.05, 0.05, 0.05],
    ["operating_margin", 0.15, 0.2, 0.25],
    ["discount_rate", 0.1, 0.1, 0.1],
    ["success_probability", 0.5, 0.5, 0.5],
    ["upfront", 10, 10, 10],
  ];

  test("gives low, base and high of each default output, checked by hand", () => {
    const rows = valuationRange(parseAssumptionsTable(cells));
    expect(rows.map((r) => r.output)).toEqual([...DEFAULT_RANGE_OUTPUTS]);
    const by = Object.fromEntries(rows.map((r) => [r.output, [r.low, r.base, r.high]]));
    // rnpv: 10 + 0.5 · {125, 250, 375}/11
    expect(by.rnpv).toEqual([10 + 62.5 / 11, 10 + 125 / 11, 10 + 187.5 / 11].map((x) => expect.closeTo(x, 9)));
    // npv: 10 + {125, 250, 375}/11
    expect(by.npv).toEqual([10 + 125 / 11, 10 + 250 / 11, 10 + 375 / 11].map((x) => expect.closeTo(x, 9)));
    // rate25: 0.25 · {0.15, 0.2, 0.25}
    expect(by.rate25).toEqual([0.0375, 0.05, 0.0625].map((x) => expect.closeTo(x, 12)));
    // maxrate: PV(sales) = {2500, 5000, 7500}/11; (0.5·m·PV − 10)/(0.5·PV)
    //   low  (0.5·0.15·2500 − 110)/1250 = 77.5/1250 = 0.062
    //   base (0.5·0.2·5000 − 110)/2500 = 390/2500 = 0.156
    //   high (0.5·0.25·7500 − 110)/3750 = 827.5/3750 = 0.220667
    expect(by.maxrate).toEqual([0.062, 0.156, 827.5 / 3750].map((x) => expect.closeTo(x, 12)));
  });

  test("low and high are the minimum and maximum whichever column they come from", () => {
    const reordered = cells.map((r) => [r[0], r[3], r[1], r[2]]); // High, Low, Base
    const rows = valuationRange(parseAssumptionsTable(reordered), ["npv"]);
    expect(rows[0].low).toBeCloseTo(10 + 125 / 11, 9);
    expect(rows[0].base).toBeCloseTo(10 + 250 / 11, 9);
    expect(rows[0].high).toBeCloseTo(10 + 375 / 11, 9);
  });

  test("without a Base column, the middle scenario is the base", () => {
    const renamed = [["key", "Pessimistic", "Middle", "Optimistic"], ...cells.slice(1)];
    expect(valuationRange(parseAssumptionsTable(renamed), ["npv"])[0].base).toBeCloseTo(10 + 250 / 11, 9);
  });

  test("a single scenario gives low = base = high", () => {
    const one = cells.map((r) => [r[0], r[2]]);
    const [row] = valuationRange(parseAssumptionsTable(one), ["rnpv"]);
    expect(row.low).toBe(row.base);
    expect(row.high).toBe(row.base);
  });

  test("the outputs asked for are given in that order", () => {
    expect(valuationRange(parseAssumptionsTable(cells), ["royalty_rate", "npv"]).map((r) => r.output)).toEqual(["royalty_rate", "npv"]);
  });

  test("an error in one scenario names that scenario", () => {
    const bad = cells.map((r) => (r[0] === "operating_margin" ? [r[0], 0.1, 0.2, -0.3] : r));
    const e = caught(() => valuationRange(parseAssumptionsTable(bad), ["rate25"]));
    expect(e.kind).toBe("invalidNumber");
    expect(e.message).toMatch(/^Scenario 'High': operating_margin is negative/);
  });

  test("no scenarios is an invalid argument", () => {
    expect(caught(() => valuationRange([])).message).toBe("assumptions has no scenario");
  });
});

describe("withScenario", () => {
  test("prefixes a core error with the scenario, once", () => {
    const e = caught(() =>
      withScenario("Low", () =>
        withScenario("Other", () => {
          throw new ValuationError("invalidNumber", "no-band-matches");
        })
      )
    );
    expect(e.message).toBe("Scenario 'Other': No royalty-rate band matches");
    expect(e.kind).toBe("invalidNumber");
  });

  test("passes other exceptions through unchanged", () => {
    const err = new TypeError("x");
    expect(() =>
      withScenario("Low", () => {
        throw err;
      })
    ).toThrow(err);
  });
});
