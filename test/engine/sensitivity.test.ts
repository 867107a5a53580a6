/**
 * The tornado, on models whose answers are worked out by hand: sales of 1,000 a year for three years
 * discounted at 10 % at the end of each year, so PV(sales) = 1000·(1/1.1 + 1/1.21 + 1/1.331)
 * = 2,486.8519909842224, and rnpv = upfront + p · rate · PV(sales), linear in the royalty rate (no
 * minimum royalty) and in the probability of success.
 */
import { planFromTable, runScenario, scenarioOutput, sensitivity, tornadoTable, ValuationError } from "../../src/engine";
import { MEDICAL_DEVICE } from "../fixtures/medical-device";
import { close, handTable, PV_SALES } from "./helpers";

describe("sensitivity on a model known by hand", () => {
  test("rnpv: the royalty rate swings 0.6 × 0.02 × PV(sales), the probability 0.3 × 0.03 × PV(sales); sorted by swing", () => {
    const t = sensitivity(planFromTable(handTable()), "rnpv");
    close(t.base, 100 + 0.6 * 0.03 * PV_SALES);
    expect(t.rows.map((r) => r.key)).toEqual(["royalty_rate", "success_probability"]);
    const [rate, p] = t.rows;
    expect([rate.low, rate.high]).toEqual([0.02, 0.04]);
    close(rate.outputLow, 100 + 0.6 * 0.02 * PV_SALES);
    close(rate.outputHigh, 100 + 0.6 * 0.04 * PV_SALES);
    close(rate.swing!, 0.012 * PV_SALES);
    expect([p.low, p.high]).toEqual([0.5, 0.8]);
    close(p.outputLow, 100 + 0.5 * 0.03 * PV_SALES);
    close(p.outputHigh, 100 + 0.8 * 0.03 * PV_SALES);
    close(p.swing!, 0.009 * PV_SALES);
  });

  test("npv ignores the probability of success: its swing is 0 and it comes last", () => {
    const t = sensitivity(planFromTable(handTable()), "npv");
    close(t.base, 100 + 0.03 * PV_SALES);
    expect(t.rows.map((r) => [r.key, r.swing])).toEqual([
      ["royalty_rate", expect.closeTo(0.02 * PV_SALES, 9)],
      ["success_probability", 0],
    ]);
  });

  test("years with the royalty term left blank: the term follows the years (2 and 4 years of royalties)", () => {
    const cells = handTable().map((row) => (row[0] === "years" ? ["years", 2, 3, 4] : row));
    const t = sensitivity(planFromTable(cells), "npv");
    const years = t.rows.find((r) => r.key === "years")!;
    close(years.outputLow, 100 + 0.03 * 1000 * (1 / 1.1 + 1 / 1.21));
    close(years.outputHigh, 100 + 0.03 * 1000 * (1 / 1.1 + 1 / 1.21 + 1 / 1.331 + 1 / 1.4641));
    // with a term of 3 given, four years modelled still earn three years of royalties
    const fixedTerm = sensitivity(planFromTable([...cells, ["term_years", 3, 3, 3]]), "npv").rows.find((r) => r.key === "years")!;
    close(fixedTerm.outputHigh, 100 + 0.03 * PV_SALES);
  });

  test("every other assumption stays at the base scenario's value, and the base row equals SCENARIO", () => {
    const plan = planFromTable(MEDICAL_DEVICE);
    const t = sensitivity(plan, "rnpv");
    expect(t.base).toBe(scenarioOutput(runScenario(plan.base), "rnpv"));
    expect(t.rows).toHaveLength(plan.uncertain.length);
    for (const r of t.rows) {
      const u = plan.uncertain.find((x) => x.key === r.key)!;
      expect(r.outputLow).toBe(scenarioOutput(runScenario({ ...plan.base, [r.key]: u.low }), "rnpv"));
      expect(r.outputHigh).toBe(scenarioOutput(runScenario({ ...plan.base, [r.key]: u.high }), "rnpv"));
    }
    const swings = t.rows.map((r) => r.swing!);
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
    // launch_year's high is the base (3): its output at high is the base output
    expect(t.rows.find((r) => r.key === "launch_year")!.outputHigh).toBe(t.base);
  });

  test("an assumption at which the output has no answer gets errors in its row, listed last", () => {
    // maxrate needs sales within the royalty term: a launch in year 4 of 3 has none
    const t = sensitivity(planFromTable(handTable([["launch_year", 1, 1, 4]])), "maxrate");
    // (the walk-away rate does not depend on the rate assumed: swing 0; the probability scales the upfront's weight)
    expect(t.rows.map((r) => [r.key, r.swing === undefined ? "none" : r.swing > 0])).toEqual([
      ["success_probability", true],
      ["royalty_rate", false],
      ["launch_year", "none"],
    ]);
    const last = t.rows[2];
    expect(last.outputHigh).toBeInstanceOf(ValuationError);
    expect(last.swing).toBeUndefined();
    const cells = tornadoTable(t, (e) => `#NUM!(${e.kind})`);
    expect(cells[0]).toEqual(["assumption", "low", "high", "output_at_low", "output_at_high", "swing"]);
    expect(cells[1][0]).toBe("base");
    expect(cells[4]).toEqual(["launch_year", 1, 4, "#NUM!(invalidNumber)", "#NUM!(invalidNumber)", "#NUM!(invalidNumber)"]);
  });

  test("one scenario, or scenarios that agree: no rows, just the base", () => {
    const one = [
      ["key", "Only"],
      ...handTable()
        .slice(1)
        .map((r) => [r[0], r[2]]),
    ];
    const t = sensitivity(planFromTable(one), "rnpv");
    expect(t.rows).toEqual([]);
    expect(tornadoTable(t, String)).toHaveLength(2);
  });
});
