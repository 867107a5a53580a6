/**
 * The spider, on the model of sensitivity.test.ts whose answers are known by hand: sales of 1,000 a
 * year for three years discounted at 10 %, PV(sales) = 2,486.85…, rnpv = upfront + p · rate · PV(sales),
 * linear in the royalty rate and the probability of success. Every point of the medical-device
 * example is checked against the scenario model run directly (runScenario, scenarioOutput).
 */
import {
  checkSpiderPoints,
  planFromTable,
  runScenario,
  scenarioOutput,
  sensitivity,
  spider,
  spiderInput,
  spiderPositions,
  spiderTable,
  ValuationError,
} from "../../src/engine";
import { MEDICAL_DEVICE } from "../fixtures/medical-device";
import { close, handTable, PV_SALES } from "./helpers";

describe("positions and inputs", () => {
  test("positions run evenly from −1 to 1, 0 exact when odd", () => {
    expect(spiderPositions(5)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(spiderPositions(2)).toEqual([-1, 1]);
    expect(spiderPositions(3)).toEqual([-1, 0, 1]);
    expect(spiderPositions(4).map((x) => Math.round(x * 1e12) / 1e12)).toEqual([-1, -1 / 3, 1 / 3, 1].map((x) => Math.round(x * 1e12) / 1e12));
    expect(spiderPositions(21)[10]).toBe(0);
  });

  test("inputs: the low at −1, the base at 0, the high at 1, linear on each side (the sides can differ in width)", () => {
    const u = { low: 0.1, base: 0.2, high: 0.6, whole: false };
    expect(spiderInput(u, -1)).toBe(0.1);
    expect(spiderInput(u, 0)).toBe(0.2);
    expect(spiderInput(u, 1)).toBe(0.6);
    close(spiderInput(u, -0.5), 0.15);
    close(spiderInput(u, 0.5), 0.4);
    // whole years round at each point
    const years = { low: 2, base: 3, high: 6, whole: true };
    expect([-1, -0.5, 0, 0.5, 1].map((x) => spiderInput(years, x))).toEqual([2, 3, 3, 5, 6]);
  });

  test("points outside 2..21 or not whole are refused in the user's language", () => {
    for (const bad of [1, 22, 2.5, NaN]) expect(() => checkSpiderPoints(bad)).toThrow(/points must be a whole number from 2 to 21/);
    try {
      checkSpiderPoints(0);
    } catch (e) {
      expect((e as ValuationError).in("ja")).toMatch(/points は 2～21 の整数/);
    }
    expect.assertions(5);
  });
});

describe("spider on a model known by hand", () => {
  test("rnpv along the royalty rate and the probability: straight lines through the base at 0", () => {
    const s = spider(planFromTable(handTable()), "rnpv", 5);
    close(s.base, 100 + 0.6 * 0.03 * PV_SALES);
    expect(s.lines.map((l) => l.key)).toEqual(["royalty_rate", "success_probability"]);
    const [rate, p] = s.lines;
    expect(rate.inputs.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([0.02, 0.025, 0.03, 0.035, 0.04]);
    rate.outputs.forEach((y, i) => close(y, 100 + 0.6 * rate.inputs[i] * PV_SALES));
    close(rate.spread!, 0.6 * 0.02 * PV_SALES);
    // the probability's low side (0.5 → 0.6) is half as wide as its high side (0.6 → 0.8)
    expect(p.inputs.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([0.5, 0.55, 0.6, 0.7, 0.8]);
    p.outputs.forEach((y, i) => close(y, 100 + p.inputs[i] * 0.03 * PV_SALES));
    expect(rate.outputs[2]).toBe(s.base);
    expect(p.outputs[2]).toBe(s.base);
  });

  test("its ends are the tornado's output at low and at high", () => {
    const plan = planFromTable(MEDICAL_DEVICE);
    const s = spider(plan, "rnpv", 7);
    const t = sensitivity(plan, "rnpv");
    expect(s.base).toBe(t.base);
    for (const line of s.lines) {
      const row = t.rows.find((r) => r.key === line.key)!;
      expect(line.outputs[0]).toBe(row.outputLow);
      expect(line.outputs[6]).toBe(row.outputHigh);
    }
  });

  test("every point of the medical-device example is the scenario model evaluated directly at that input", () => {
    const plan = planFromTable(MEDICAL_DEVICE);
    const s = spider(plan, "rnpv", 5);
    expect(s.lines).toHaveLength(plan.uncertain.length);
    for (const line of s.lines) {
      line.inputs.forEach((v, i) => {
        expect(line.outputs[i]).toBe(scenarioOutput(runScenario({ ...plan.base, [line.key]: v }), "rnpv"));
      });
    }
    // a row of the table, checked independently: market_size halfway between its low and base
    const market = plan.uncertain.find((u) => u.key === "market_size")!;
    const halfway = (market.low + market.base) / 2;
    const row = spiderTable(s, String).find((r) => r[0] === "market_size")!;
    expect(row[2]).toBeCloseTo(scenarioOutput(runScenario({ ...plan.base, market_size: halfway }), "rnpv"), 4);
    expect(row[3]).toBe(s.base);
    // sorted by spread, largest first
    const spreads = s.lines.map((l) => l.spread!);
    expect([...spreads].sort((a, b) => b - a)).toEqual(spreads);
  });

  test("years with the royalty term left blank: the term follows the years at every point", () => {
    const cells = handTable().map((row) => (row[0] === "years" ? ["years", 2, 3, 5] : row));
    const s = spider(planFromTable(cells), "npv", 5);
    const years = s.lines.find((l) => l.key === "years")!;
    expect(years.inputs).toEqual([2, 3, 3, 4, 5]); // 2.5 rounds to 3 (Math.round), 4 exactly
    const pv = (n: number) => Array.from({ length: n }, (_, t) => 1 / 1.1 ** (t + 1)).reduce((a, b) => a + b, 0);
    years.outputs.forEach((y, i) => close(y, 100 + 0.03 * 1000 * pv(years.inputs[i])));
  });

  test("a point without an answer holds an error in its cell only; that line comes last", () => {
    // maxrate needs sales within the royalty term: launches in years 4 and later of 3 have none
    const s = spider(planFromTable(handTable([["launch_year", 1, 1, 5]])), "maxrate", 5);
    const last = s.lines[s.lines.length - 1];
    expect(last.key).toBe("launch_year");
    expect(last.inputs).toEqual([1, 1, 1, 3, 5]);
    expect(last.spread).toBeUndefined();
    expect(last.outputs.slice(0, 4).every((y) => typeof y === "number")).toBe(true);
    expect(last.outputs[4]).toBeInstanceOf(ValuationError);
    const cells = spiderTable(s, (e) => `#NUM!(${e.kind})`);
    expect(cells[0]).toEqual(["assumption", -1, -0.5, 0, 0.5, 1]);
    expect(cells[1]).toEqual(["base", s.base, s.base, s.base, s.base, s.base]);
    expect(cells[cells.length - 1][5]).toBe("#NUM!(invalidNumber)");
    expect(typeof cells[cells.length - 1][4]).toBe("number");
  });

  test("scenarios that agree: just the header and the base", () => {
    const one = [
      ["key", "Only"],
      ...handTable()
        .slice(1)
        .map((r) => [r[0], r[2]]),
    ];
    expect(spiderTable(spider(planFromTable(one)), String)).toHaveLength(2);
  });
});
