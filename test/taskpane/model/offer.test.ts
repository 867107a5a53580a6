/** The committee's offer in the pane: its terms valued by OFFER in every scenario, and the checks it must pass. */
import { termsPreset } from "../../../src/engine";
import * as F from "../../../src/functions/functions";
import { emptyDecisions, SCHEMA_VERSION, ScenarioSet, setDecision, setOfferTerm, setOfferTerms } from "../../../src/model/scenario-set";
import { readScenarios } from "../../../src/model/table-layout";
import { committeeOffer } from "../../../src/taskpane/model/offer";
import { SPIN_OUT } from "../../fixtures/spin-out";

const base: ScenarioSet = { schema: SCHEMA_VERSION, scenarios: readScenarios(SPIN_OUT), decisions: emptyDecisions() };
// Case 7 model B (no approval) in yen at 150 yen to the dollar, as "Start from a published model" fills it.
const PRESET = termsPreset("case7_b_no_approval", 150).slice(1);
const modelB = setOfferTerms(
  base,
  PRESET.map((r) => ({ key: String(r[0]), value: r[1] === "" ? null : (r[1] as number | boolean), source: String(r[3]) }))
);

describe("the committee's offer", () => {
  test("nothing to show without terms or an amount", () => {
    expect(committeeOffer(base, "en")).toBeNull();
  });

  test("each scenario's value under the terms is IPVALUE.OFFER's on the same table and terms", () => {
    const offer = committeeOffer(modelB, "en")!;
    expect(offer.problem).toBeUndefined();
    const fn = F.offer(SPIN_OUT, termsPreset("case7_b_no_approval", 150)) as unknown[][];
    expect(fn[0]).toEqual(["scenario", "rnpv", "licensee_npv", "equivalent_rate"]);
    expect(offer.rows.map((r) => [r.name, r.rnpv, r.licenseeNpv, r.equivalentRate])).toEqual(fn.slice(1));
    expect(offer.base).toBe("Base");
    expect(offer.value).toBe(fn[2][1]);
  });

  test("the bar runs from the lowest to the highest scenario's value, the base marked", () => {
    const offer = committeeOffer(modelB, "en")!;
    const values = offer.rows.map((r) => r.rnpv as number);
    expect(offer.bar).toMatchObject({ low: Math.min(...values), high: Math.max(...values), base: offer.value });
    expect(offer.bar!.low).toBeLessThan(offer.bar!.high);
  });

  test("floor and ceiling are checked in money against the base scenario's value", () => {
    const v = committeeOffer(modelB, "en")!.value as number;
    const within = setDecision(setDecision(modelB, "floor", String(Math.floor(v * 0.5))), "ceiling", String(Math.ceil(v * 2)));
    const checks = committeeOffer(within, "en")!.checks;
    expect(checks.filter((c) => c.id === "floor" || c.id === "ceiling").map((c) => [c.id, c.ok])).toEqual([
      ["floor", true],
      ["ceiling", true],
    ]);
    const above = setDecision(within, "floor", String(Math.ceil(v * 1.1)));
    expect(committeeOffer(above, "en")!.checks.find((c) => c.id === "floor")).toEqual({ id: "floor", ok: false, value: v, limit: Math.ceil(v * 1.1) });
    const crossed = setDecision(setDecision(modelB, "floor", "200"), "ceiling", "100");
    expect(committeeOffer(crossed, "en")!.checks[0]).toEqual({ id: "range", ok: false, floor: 200, ceiling: 100 });
  });

  test("a rate the licensee cannot afford names the scenarios where it would walk away", () => {
    const negativeIn = (set: ScenarioSet) =>
      committeeOffer(set, "en")!
        .rows.filter((r) => (r.licenseeNpv as number) < 0)
        .map((r) => r.name);
    // The Low scenario's licensee is below its hurdle under model B (its business is, even at no royalty).
    expect(negativeIn(modelB)).toEqual(["Low"]);
    expect(committeeOffer(modelB, "en")!.checks.find((c) => c.id === "walkAway")).toEqual({ id: "walkAway", ok: false, scenarios: ["Low"], unknown: [] });
    const modest = { ...modelB, scenarios: modelB.scenarios.slice(1) };
    expect(committeeOffer(modest, "en")!.checks.find((c) => c.id === "walkAway")).toEqual({ id: "walkAway", ok: true, scenarios: [], unknown: [] });
    const greedy = setOfferTerm(modelB, "royalty_rate", "40%");
    const offer = committeeOffer(greedy, "en")!;
    const walk = offer.checks.find((c) => c.id === "walkAway")!;
    expect(walk.ok).toBe(false);
    const negative = offer.rows.filter((r) => (r.licenseeNpv as number) < 0).map((r) => r.name);
    expect(negative.length).toBeGreaterThan(0);
    expect(walk).toMatchObject({ scenarios: negative });
    expect(negative).toEqual(["Low", "Base", "High"]);
  });

  test("a term listed without its value is said, and each scenario keeps its own there", () => {
    const offer = committeeOffer(modelB, "en")!;
    const blanks = PRESET.filter((r) => r[1] === "").map((r) => r[0]);
    expect(blanks).toContain("patent_cost_reimbursement");
    expect(offer.checks.find((c) => c.id === "unfixed")).toEqual({ id: "unfixed", ok: true, keys: blanks });
  });

  test("a bare amount is checked against floor and ceiling only", () => {
    const bare = setDecision(setDecision(base, "offer", "100"), "ceiling", "90");
    expect(committeeOffer(bare, "ja")).toEqual({
      hasTerms: false,
      rows: [],
      base: null,
      value: 100,
      checks: [{ id: "ceiling", ok: false, value: 100, limit: 90 }],
    });
  });

  test("terms on scenarios that cannot be valued yet say why instead of showing numbers", () => {
    const blank: ScenarioSet = { ...modelB, scenarios: [{ name: "Low", internal: false, values: {} }] };
    const offer = committeeOffer(blank, "en")!;
    expect(offer.rows).toEqual([]);
    expect(offer.problem).toMatch(/market_size/);
  });
});
