/** The output registry: one declaration per output, and the lists every consumer derives from it. */
import {
  DEFAULT_RANGE_OUTPUTS,
  DEFAULT_SHARED_OUTPUTS,
  FOOTBALL_OUTPUTS,
  licenseeNpv,
  MONEY_OUTPUTS,
  OUTPUTS,
  outputSpec,
  RATE_ORDER,
  RATE_OUTPUTS,
  rangeOutputKind,
  resolveAssumptions,
  RESULT_OUTPUTS,
  runScenario,
  scenarioOutput,
  SUMMARY_OUTPUTS,
  valueAtRate,
} from "../../src/engine";

const model = runScenario(
  resolveAssumptions(
    {
      market_size: 1000,
      market_growth: 0.1,
      peak_share: 0.2,
      years_to_peak: 2,
      years: 6,
      launch_year: 2,
      royalty_rate: 0.05,
      operating_margin: 0.3,
      discount_rate: 0.1,
      success_probability: 0.5,
      upfront: 7,
    },
    "Base"
  )
);

describe("output registry", () => {
  // The lists the pane, the sheets and the export wrote out by hand before the registry: they must not move.
  test("the derived lists are the ones each consumer used to write by hand, in the same order", () => {
    expect(OUTPUTS.map((o) => o.key)).toEqual([
      "rnpv",
      "npv",
      "rate25",
      "maxrate",
      "royalty_rate",
      "value_rate25",
      "value_maxrate",
      "licensee_npv",
      "equivalent_rate",
    ]);
    expect(DEFAULT_RANGE_OUTPUTS).toEqual(["rnpv", "npv", "rate25", "maxrate"]);
    expect(MONEY_OUTPUTS).toEqual(["rnpv", "npv", "value_rate25", "value_maxrate", "licensee_npv"]);
    expect(FOOTBALL_OUTPUTS).toEqual(["npv", "rnpv", "value_rate25", "value_maxrate"]);
    expect(RESULT_OUTPUTS).toEqual(["rnpv", "npv", "rate25", "maxrate", "value_rate25", "value_maxrate", "licensee_npv", "equivalent_rate"]);
    expect(new Set(DEFAULT_SHARED_OUTPUTS)).toEqual(new Set(["rnpv", "npv", "royalty_rate", "rate25", "maxrate"]));
    expect(SUMMARY_OUTPUTS).toEqual(["rnpv", "npv"]);
    expect(RATE_ORDER).toEqual(["royalty_rate", "rate25", "maxrate", "equivalent_rate"]);
    expect([...RATE_OUTPUTS].sort()).toEqual(["band_rate", "equivalent_rate", "maxrate", "rate25", "royalty_rate"]);
  });

  test("an output is money exactly when it declares how it is money, and a rate output is a decimal", () => {
    for (const o of OUTPUTS) {
      expect([o.key, o.kind]).toEqual([o.key, o.money ? "money" : "rate"]);
      expect(rangeOutputKind(o.key)).toBe(o.kind);
      const v = scenarioOutput(model, o.key);
      if (o.kind === "rate") expect(Math.abs(v)).toBeLessThan(1);
      else if (o.money === "licensee") expect(v).toBe(licenseeNpv(model));
      else expect(v).toBeGreaterThanOrEqual(7); // the licensor's: at least the upfront fee
    }
    expect(rangeOutputKind("band_rate")).toBe("rate");
  });

  test("a value at a rate needs that rate and equals the rnpv at it", () => {
    for (const o of OUTPUTS.filter((x) => x.money === "at_rate")) {
      expect(o.needs).toEqual([o.rate]);
      expect(scenarioOutput(model, o.key)).toBe(valueAtRate(model, scenarioOutput(model, o.rate!)));
    }
    expect(outputSpec("rnpv").needs).toEqual([]);
  });

  test("every output has a label in both languages and the football field holds only money", () => {
    for (const o of OUTPUTS) {
      expect(o.label.en.length).toBeGreaterThan(0);
      expect(o.label.ja.length).toBeGreaterThan(0);
    }
    for (const o of FOOTBALL_OUTPUTS) expect(outputSpec(o).kind).toBe("money");
  });
});
