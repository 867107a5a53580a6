/** The README's worked example (test/fixtures/medical-device.ts): the numbers printed there. */
import { parseAssumptionsTable, runScenario, scenarioOutput, valuationRange, valuationRangeRows, ValuationError } from "../../src/engine";
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
