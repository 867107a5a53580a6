/** The worked examples the pane offers are complete and tell a coherent story. */
import { parseAssumptionsTable, RawValue, runScenario, ScenarioModel, scenarioComponents, scenarioOutput } from "../../../src/engine";
import { assumptionsTableValues } from "../../../src/model/table-layout";
import { EXAMPLES, exampleSet } from "../../../src/taskpane/model/examples";
import { computeResults } from "../../../src/taskpane/model/results";

describe.each(EXAMPLES.map((e) => [e.id, e] as const))("example %s", (id) => {
  const results = computeResults(exampleSet(id, "en"), "en");

  test("values every scenario with no missing or refused assumption", () => {
    expect(results.problem).toBeUndefined();
    expect(results.scenarios.map((s) => s.name)).toEqual(["Low", "Base", "High"]);
    for (const s of results.scenarios) expect(typeof s.outputs.rnpv).toBe("number");
  });

  test("orders the scenarios: licensor value rises from Low to High", () => {
    const rnpv = results.scenarios.map((s) => s.outputs.rnpv as number);
    expect(rnpv[0]).toBeLessThan(rnpv[1]);
    expect(rnpv[1]).toBeLessThan(rnpv[2]);
  });

  test("the base case's royalty rate is one the licensee can afford", () => {
    const base = results.scenarios[1].outputs;
    expect(base.maxrate as number).toBeGreaterThan(base.royalty_rate as number);
  });

  test("draws a football field with five money bars (four methods and the reference bands), low ≤ base ≤ high", () => {
    expect(results.football.map((b) => b.output)).toEqual(["npv", "rnpv", "value_rate25", "value_maxrate", "band_rate"]);
    for (const b of results.football) {
      expect(b.low).toBeLessThanOrEqual(b.base);
      expect(b.base).toBeLessThanOrEqual(b.high);
    }
  });
});

test("Japanese examples use Japanese scenario names and pick 基準 as the base", () => {
  const r = computeResults(exampleSet("software", "ja"), "ja");
  expect(r.scenarios.map((s) => s.name)).toEqual(["低位", "基準", "高位"]);
  expect(r.range.find((x) => x.output === "npv")!.base).toBe(r.scenarios[1].outputs.npv);
});

test("the reference-bands row follows the committee's filter: METI 2010 field means give 3.7%–6.0%", () => {
  const set = exampleSet("medical-device", "en");
  const withBands = { ...set, decisions: { ...set.decisions, bands: { ...set.decisions.bands, filter: "meti2010" } } };
  const r = computeResults(withBands, "en");
  const row = r.range.find((x) => x.output === "band_rate")!;
  expect([row.low, row.base, row.high]).toEqual([0.037, 0.043, 0.06]);
  const bar = r.football.find((b) => b.output === "band_rate")!;
  // In money: the base scenario's risk-adjusted value at 3.7% and at 6.0%; more royalty, more value.
  expect(bar.low).toBeLessThan(bar.base);
  expect(bar.base).toBeLessThan(bar.high);
  expect(bar.high).toBeGreaterThan(r.range.find((x) => x.output === "rnpv")!.base as number);
});

describe("the university spin-out example (JPO report, case 7 model B terms)", () => {
  const set = exampleSet("university-spinout", "en");
  const models = parseAssumptionsTable(assumptionsTableValues(set, "en") as RawValue[][]).map((s) => runScenario(s.assumptions));
  const component = (m: ScenarioModel, name: string) =>
    scenarioComponents(m)
      .find((r) => r[0] === name)!
      .slice(1) as number[];

  test("carries the report's terms: $5,000 fee and annual fee, $10,000 minimum at 150 yen, 5% equity, 5% / 2.5%, 10% of sublicense income, half the patent", () => {
    const a = models[1].assumptions;
    expect([a.upfront, a.annual_fee, a.annual_minimum]).toEqual([5_000 * 150, 5_000 * 150, 10_000 * 150]);
    expect([a.royalty_rate, a.post_expiry_rate, a.equity_share, a.sublicense_share, a.licensor_ownership]).toEqual([0.05, 0.025, 0.05, 0.1, 0.5]);
    expect([a.annual_fee_until_sales, a.annual_fee_creditable]).toEqual([true, false]);
    expect(a.claims_expire_year).toBeLessThan(a.term_years);
    expect(set.scenarios[1].values.annual_fee_until_sales).toBe(true); // a boolean, stored as a TRUE cell
  });

  test("every scenario's components are finite; the exit's equity and the licensee's payments are all there", () => {
    for (const m of models) {
      const rows = scenarioComponents(m).slice(1);
      for (const row of rows) for (const v of row.slice(1) as number[]) expect(Number.isFinite(v)).toBe(true);
      for (const name of ["upfront", "royalties", "annual_fees", "sublicense", "equity", "patent_costs"]) expect(component(m, name)[1]).toBeGreaterThan(0);
      expect(component(m, "milestones")).toEqual([0, 0]); // model B has none
      expect(scenarioOutput(m, "rnpv")).toBeGreaterThan(m.assumptions.upfront);
    }
  });

  test("after the claims expire the know-how rate applies, and the annual fee stops once sales start", () => {
    const m = models[1];
    const a = m.assumptions;
    const year = a.claims_expire_year + 1; // year 11: above the minimum, so the rate shows
    expect(m.royalty[year - 1]).toBeCloseTo(0.025 * m.sales[year - 1], 6);
    expect(m.royalty[a.claims_expire_year - 1]).toBeCloseTo(0.05 * m.sales[a.claims_expire_year - 1], 6);
    expect(m.fee.map((f, i) => (f > 0 ? i + 1 : 0)).filter((y) => y > 0)).toEqual([1, 2]); // launch in year 3
  });

  test("the licensee can afford the base case, the rate equivalent to the whole deal is above the running rate, and its NPV is an amount", () => {
    const r = computeResults(set, "en");
    const base = r.scenarios[1].outputs;
    expect(base.equivalent_rate as number).toBeGreaterThan(0.05);
    expect(base.equivalent_rate as number).toBeLessThan(base.maxrate as number);
    expect(base.licensee_npv as number).toBeGreaterThan(0);
  });
});
