/** The worked examples the pane offers are complete and tell a coherent story. */
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
  const withBands = { ...set, decisions: { ...set.decisions, bands: { filter: "meti2010", internal: false } } };
  const r = computeResults(withBands, "en");
  const row = r.range.find((x) => x.output === "band_rate")!;
  expect([row.low, row.base, row.high]).toEqual([0.037, 0.043, 0.06]);
  const bar = r.football.find((b) => b.output === "band_rate")!;
  // In money: the base scenario's risk-adjusted value at 3.7% and at 6.0%; more royalty, more value.
  expect(bar.low).toBeLessThan(bar.base);
  expect(bar.base).toBeLessThan(bar.high);
  expect(bar.high).toBeGreaterThan(r.range.find((x) => x.output === "rnpv")!.base as number);
});
