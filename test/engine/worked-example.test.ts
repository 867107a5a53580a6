/** The README's worked example (test/fixtures/medical-device.ts): the numbers printed there. */
import { parseAssumptionsTable, readAssumptionsTable, runScenario, scenarioOutput, valuationRange, valuationRangeRows, ValuationError } from "../../src/engine";
import { MEDICAL_DEVICE } from "../fixtures/medical-device";

describe("README worked example: medical device license", () => {
  const scenarios = parseAssumptionsTable(MEDICAL_DEVICE);

  test("the label column is ignored and the three scenarios are read in order", () => {
    expect(scenarios.map((s) => s.name)).toEqual(["Low", "Base", "High"]);
  });

  test("the valuation range matches the README table", () => {
    const rows = valuationRange(scenarios);
    const rounded = rows.map((r) => [r.output, ...[r.low, r.base, r.high].map((x) => (Math.abs(x) > 10 ? Math.round(x) : Math.round(x * 10000) / 10000))]);
    expect(rounded).toEqual([
      ["rnpv", 45562599, 157834849, 517230097],
      ["npv", 81125199, 256391415, 734614425],
      ["rate25", 0.045, 0.055, 0.065],
      ["maxrate", -0.1986, 0.1176, 0.2305],
    ]);
  });

  test("base year 3 is the first sales year: 405.6 million of sales, 12.168 million of royalty", () => {
    const m = runScenario(scenarios[1].assumptions);
    expect(m.sales[2]).toBeCloseTo(405.6e6, 0);
    expect(m.royalty[2]).toBeCloseTo(12.168e6, 0);
    expect(scenarioOutput(m, "npv")).toBeCloseTo(256391415.45, 1);
  });
});

describe("valuationRangeRows", () => {
  test("a loss-making Low scenario leaves rate25 as #NUM! while the other outputs keep their range", () => {
    const table = MEDICAL_DEVICE.map((row) => (row[0] === "operating_margin" ? [row[0], row[1], -0.05, row[3], row[4]] : row));
    const rows = valuationRangeRows(parseAssumptionsTable(table), ["npv", "rate25"]);
    expect(rows[0]).toEqual(valuationRange(parseAssumptionsTable(MEDICAL_DEVICE), ["npv"])[0]);
    expect(rows[1]).toBeInstanceOf(ValuationError);
    expect((rows[1] as ValuationError).kind).toBe("invalidNumber");
    expect((rows[1] as ValuationError).message).toMatch(/^Scenario 'Low': operating_margin is negative/);
    expect(() => valuationRange(parseAssumptionsTable(table), ["npv", "rate25"])).toThrow(/Scenario 'Low'/);
  });
});

describe("rate cross-checks turned into money", () => {
  const scenarios = parseAssumptionsTable(MEDICAL_DEVICE);
  const withRate = (rate: number) => parseAssumptionsTable(MEDICAL_DEVICE.map((row) => (row[0] === "royalty_rate" ? [row[0], row[1], rate, rate, rate] : row)));

  test("value_rate25 is the rnpv the base scenario would have at the 25%-rule rate (5.5%)", () => {
    const base = runScenario(scenarios[1].assumptions);
    expect(scenarioOutput(base, "rate25")).toBeCloseTo(0.055, 12);
    const expected = scenarioOutput(runScenario(withRate(0.055)[1].assumptions), "rnpv");
    expect(scenarioOutput(base, "value_rate25")).toBeCloseTo(expected, 4);
  });

  test("value_maxrate uses the walk-away rate, and a negative walk-away rate counts as 0 (upfront and minimums only)", () => {
    const high = runScenario(scenarios[2].assumptions);
    const rate = scenarioOutput(high, "maxrate");
    expect(scenarioOutput(high, "value_maxrate")).toBeCloseTo(scenarioOutput(runScenario(withRate(rate)[2].assumptions), "rnpv"), 4);
    const low = runScenario(scenarios[0].assumptions);
    expect(scenarioOutput(low, "maxrate")).toBeLessThan(0);
    expect(scenarioOutput(low, "value_maxrate")).toBeCloseTo(scenarioOutput(runScenario(withRate(0)[0].assumptions), "rnpv"), 4);
  });
});

describe("the internal row", () => {
  const marked = [...MEDICAL_DEVICE, ["internal", "社外秘", "", true, "社外秘"]];

  test("marks scenarios internal and changes no result", () => {
    const scenarios = parseAssumptionsTable(marked);
    expect(scenarios.map((s) => s.internal)).toEqual([false, true, true]);
    expect(valuationRange(scenarios)).toEqual(valuationRange(parseAssumptionsTable(MEDICAL_DEVICE)));
  });

  test("readAssumptionsTable keeps what was typed: blanks stay blank, nothing is defaulted", () => {
    const raw = readAssumptionsTable([
      ["key", "A"],
      ["market_size", 1],
      ["peak_share", 0.1],
      ["years", 3],
      ["royalty_rate", ""],
      ["operating_margin", 0.2],
      ["discount_rate", 0.1],
      ["internal", "FALSE"],
    ]);
    expect(raw).toEqual([
      { name: "A", internal: false, values: { market_size: 1, peak_share: 0.1, years: 3, royalty_rate: undefined, operating_margin: 0.2, discount_rate: 0.1 } },
    ]);
  });
});
