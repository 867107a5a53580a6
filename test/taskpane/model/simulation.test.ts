/**
 * The pane's simulation model: the request's sampling reaches the engine and the Simulation sheet's
 * formula, each statistic comes with its standard error, and the advice to draw more appears when a
 * percentile's standard error is above 1% of it — with a number of draws that brings it there.
 */
import { parseAssumptionsTable, planFromTable, RawValue, runSimulation } from "../../../src/engine";
import { simulateFn, spiderFn } from "../../../src/functions/functions";
import { addScenario, setDecision, setIncludeInternal, setInternal } from "../../../src/model/scenario-set";
import { assumptionsTableValues } from "../../../src/model/table-layout";
import { exampleSet } from "../../../src/taskpane/model/examples";
import { correlatableKeys, DEFAULT_REQUEST, drawsAdvice, RELATIVE_ERROR_LIMIT, setCorrelation, simulateSet } from "../../../src/taskpane/model/simulation";
import { EditError } from "../../../src/model/scenario-set";
import { correlationsTableValues } from "../../../src/model/correlations";
import { simulationSheet, STORED_REFERENCES } from "../../../src/taskpane/model/simulation-sheet";

const set = setDecision(exampleSet("medical-device", "en"), "floor", "120000000");
const plan = () => planFromTable(assumptionsTableValues(set, "en", true) as never);

describe("the pane's simulation", () => {
  test("Latin hypercube by default; the chosen sampling is the engine's, with the standard errors SIMULATE's standard_error gives", () => {
    expect(DEFAULT_REQUEST.sampling).toBe("lhs");
    for (const sampling of ["lhs", "mc", "sobol"] as const) {
      const view = simulateSet(set, "en", { ...DEFAULT_REQUEST, iterations: 3000, sampling });
      const r = runSimulation(plan(), { iterations: 3000, sampling, percentiles: [0.1, 0.5, 0.9], threshold: 120e6, standardError: true });
      expect(view.result.percentiles).toEqual(r.percentiles);
      expect(view.result.standardErrors).toEqual(r.standardErrors);
    }
    const lhs = simulateSet(set, "en", { ...DEFAULT_REQUEST, iterations: 3000 }).result;
    const mc = simulateSet(set, "en", { ...DEFAULT_REQUEST, iterations: 3000, sampling: "mc" }).result;
    expect(lhs.percentiles[1].value).not.toBe(mc.percentiles[1].value);
    expect(lhs.standardErrors!.mean).toBeLessThan(0.5 * mc.standardErrors!.mean); // Latin hypercube's gain, shown as a smaller ±
  });

  test("the pane's spider is =IPVALUE.SPIDER's on the stored table, at its default five points", () => {
    const view = simulateSet(set, "en", { ...DEFAULT_REQUEST, iterations: 1000, output: "npv" });
    const cells = spiderFn(assumptionsTableValues(set, "en", true), "npv");
    expect(cells[0]).toEqual(["assumption", ...view.spider.positions]);
    expect(view.spider.positions).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(cells.slice(2)).toEqual(view.spider.lines.map((l) => [l.key, ...l.outputs]));
    expect(view.spider.lines.map((l) => l.key).sort()).toEqual(view.tornado.rows.map((r) => r.key).sort());
  });

  test("correlations: the editor offers the assumptions that vary; a possible matrix is stored, an impossible one refused with the engine's reason in en and ja", () => {
    expect(correlatableKeys(set, "en")).toEqual(plan().uncertain.map((u) => u.key));
    let next = setCorrelation(set, "en", "market_size", "peak_share", 0.6);
    next = setCorrelation(next, "en", "peak_share", "success_probability", 0.6);
    expect(next.correlations).toHaveLength(2);
    // market ↔ share 0.6, share ↔ success 0.6 and market ↔ success −0.9 cannot all hold (the determinant is −1.18)
    try {
      setCorrelation(next, "en", "market_size", "success_probability", -0.9);
      throw new Error("not refused");
    } catch (e) {
      expect(e).toBeInstanceOf(EditError);
      expect((e as EditError).reason.en).toMatch(/not positive semi-definite/);
      expect((e as EditError).reason.ja).toMatch(/半正定値ではありません/);
    }
    // an assumption equal in every scenario cannot be correlated
    expect(() => setCorrelation(set, "en", "market_size", "royalty_rate", 0.5)).toThrow(/royalty/i);
  });

  test("with correlations, the pane's run is the engine's with them, and the Simulation sheet's formula names IpvalueCorrelations: run on the two tables, it gives the pane's numbers", () => {
    const correlated = setCorrelation(set, "en", "market_size", "peak_share", 0.7);
    const request = { ...DEFAULT_REQUEST, iterations: 2000, seed: 3 };
    const view = simulateSet(correlated, "en", request);
    const independent = simulateSet(set, "en", request);
    expect(view.result.percentiles[1].value).not.toBe(independent.result.percentiles[1].value);
    const sheet = simulationSheet(view, correlated, "en", STORED_REFERENCES);
    const formula = String(sheet.blocks.find((b) => b.address === "A6")!.formulas[0][0]);
    expect(formula).toMatch(/,"pert","lhs",IpvalueCorrelations\[#All\],TRUE\)$/);
    expect(String(simulationSheet(independent, set, "en", STORED_REFERENCES).blocks.find((b) => b.address === "A6")!.formulas[0][0])).toMatch(
      /,"lhs",,TRUE\)$/
    );
    const cells = simulateFn(
      assumptionsTableValues(correlated, "en", true),
      2000,
      3,
      [[0.1, 0.5, 0.9]],
      "rnpv",
      120e6,
      "pert",
      "lhs",
      correlationsTableValues(correlated.correlations),
      true
    );
    expect(cells.slice(0, 3).map((r) => r[1])).toEqual(view.result.percentiles.map((p) => p.value));
  });

  test("the Simulation sheet's formula passes the sampling and asks for the standard errors: run, it gives the pane's numbers", () => {
    for (const sampling of ["lhs", "mc", "sobol"] as const) {
      const request = { ...DEFAULT_REQUEST, iterations: 2000, seed: 9, sampling };
      const view = simulateSet(set, "en", request);
      const sheet = simulationSheet(view, set, "en", STORED_REFERENCES);
      const formula = String(sheet.blocks.find((b) => b.address === "A6")!.formulas[0][0]);
      expect(formula).toMatch(new RegExp(`,"pert","${sampling}",,TRUE\\)$`));
      const table = assumptionsTableValues(set, "en", true);
      const e = view.result.standardErrors!;
      expect(simulateFn(table, 2000, 9, [[0.1, 0.5, 0.9]], "rnpv", 120e6, "pert", sampling, undefined, true)).toEqual([
        ...view.result.percentiles.map((x, i) => [`P${x.p * 100}`, x.value, e.percentiles[i]]),
        ["mean", view.result.mean, e.mean],
        ["P(<120000000)", view.result.below!.probability, e.below],
      ]);
    }
  });

  test("more draws are suggested when a percentile's standard error is above 1% of it; following the suggestion brings every percentile within 1% in at most three runs", () => {
    expect(RELATIVE_ERROR_LIMIT).toBe(0.01);
    const relative = (iterations: number, sampling: "lhs" | "mc") => {
      const r = simulateSet(set, "en", { ...DEFAULT_REQUEST, iterations, sampling }).result;
      return Math.max(...r.percentiles.map((p, i) => r.standardErrors!.percentiles[i] / Math.abs(p.value)));
    };
    // the defaults: every percentile well within 1%
    const atDefaults = simulateSet(set, "en", DEFAULT_REQUEST);
    console.log(`largest relative standard error of P10/P50/P90 at 10,000 draws: lhs ${relative(10000, "lhs")}, mc ${relative(10000, "mc")}`);
    expect(drawsAdvice(atDefaults)).toBeNull();
    for (const sampling of ["lhs", "mc"] as const) {
      const few = simulateSet(set, "en", { ...DEFAULT_REQUEST, iterations: 100, sampling });
      const advice = drawsAdvice(few)!;
      expect(advice).not.toBeNull();
      expect(advice.relative).toBeGreaterThan(0.01);
      // the worst percentile is named, and the draws follow 1/√n: 100·(relative/1%)², two significant digits up
      const worst = few.result.percentiles.map((p, i) => few.result.standardErrors!.percentiles[i] / Math.abs(p.value));
      expect(advice.label).toBe(["P10", "P50", "P90"][worst.indexOf(Math.max(...worst))]);
      const needed = 100 * (advice.relative / 0.01) ** 2;
      expect(advice.suggested).toBeGreaterThanOrEqual(needed);
      expect(advice.suggested).toBeLessThan(needed * 1.1 + 100);
      expect(Number(advice.suggested.toPrecision(2))).toBe(advice.suggested);
      // following the suggestion (again, if the new run still asks) reaches the limit within three runs
      const path = [`100 draws: ${advice.label} ±${(advice.relative * 100).toFixed(2)}%`];
      let next: ReturnType<typeof drawsAdvice> = advice;
      for (let step = 0; step < 3 && next; step++) {
        const iterations: number = next.suggested;
        next = drawsAdvice(simulateSet(set, "en", { ...DEFAULT_REQUEST, iterations, sampling }));
        path.push(
          `${iterations} draws: ${next ? `${next.label} ±${(next.relative * 100).toFixed(2)}%` : `within 1% (largest ±${(relative(iterations, sampling) * 100).toFixed(2)}%)`}`
        );
      }
      console.log(`${sampling}: ${path.join(" → ")}`);
      expect(next).toBeNull();
    }
  });

  test("at the most draws the advice suggests no more than 1,000,000", () => {
    const view = simulateSet(set, "en", { ...DEFAULT_REQUEST, iterations: 100 });
    const advice = drawsAdvice(view, 1e-6)!;
    expect(advice.suggested).toBe(1000000);
    const full = { ...view, result: { ...view.result, iterations: 1000000 } };
    expect(drawsAdvice(full, 1e-6)!.suggested).toBe(1000000);
  });
});

describe("a new scenario and the simulation", () => {
  const example = exampleSet("medical-device", "ja");
  const request = { ...DEFAULT_REQUEST, iterations: 2000 };

  test("a new scenario starts as a copy of the Base: the tornado's inputs and the draws are those of the set without it", () => {
    const added = addScenario(example, "新規");
    const copied = parseAssumptionsTable(assumptionsTableValues(added, "ja") as RawValue[][]);
    expect(copied[3].assumptions).toEqual(copied[1].assumptions);
    const before = simulateSet(example, "ja", request);
    const after = simulateSet(added, "ja", request);
    expect(after.tornado).toEqual(before.tornado);
    expect(after.result.percentiles).toEqual(before.result.percentiles);
  });

  test("internal scenarios left out of the committee's range leave the simulation too", () => {
    // An internal scenario with a market three times the High one's widens the simulation, unless left out.
    const wide = setInternal(addScenario(example, "社内強気", 2), 3, true);
    wide.scenarios[3] = { ...wide.scenarios[3], values: { ...wide.scenarios[3].values, market_size: 120e9 } };
    const p90 = (s: typeof example) => simulateSet(s, "ja", request).result.percentiles.at(-1)!;
    expect(p90(wide)).not.toEqual(p90(example));
    expect(p90(setIncludeInternal(wide, false))).toEqual(p90(example));
  });
});

describe("the Simulation sheet in Japanese", () => {
  test("the histogram's header row is Japanese: the bins' edges are 下限 and 上限, not from and to", () => {
    const ja = exampleSet("medical-device", "ja");
    const sheet = simulationSheet(simulateSet(ja, "ja", { ...DEFAULT_REQUEST, iterations: 500 }), ja, "ja", STORED_REFERENCES);
    const header = sheet.blocks.find((b) => b.address === "L6:P6")!.formulas[0];
    expect(header.slice(3)).toEqual(["下限", "上限"]);
    for (const cell of header) expect(cell).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    const en = simulationSheet(simulateSet(set, "en", { ...DEFAULT_REQUEST, iterations: 500 }), set, "en", STORED_REFERENCES);
    expect(en.blocks.find((b) => b.address === "L6:P6")!.formulas[0].slice(3)).toEqual(["from", "to"]);
  });
});
