/** IPVALUE.SIMULATE, IPVALUE.SENSITIVITY and IPVALUE.SPIDER as Excel calls them: omitted arguments as null, ranges as 2-D arrays. */
import { planFromTable, runScenario, runSimulation, scenarioOutput, sensitivity } from "../../src/engine";
import { MEDICAL_DEVICE } from "../fixtures/medical-device";
import { F, grid, isExcelError, spilledError } from "./helpers";

/** The medical-device table as a user might select it: a unit column, a blank row, a blank column. */
const table = [
  ...MEDICAL_DEVICE.slice(0, 5).map((r, i) => [...r.slice(0, 2), i === 0 ? "unit" : "", ...r.slice(2), ""]),
  ["", "", "", "", "", "", ""],
  ...MEDICAL_DEVICE.slice(5).map((r) => [...r.slice(0, 2), "", ...r.slice(2), ""]),
];
/** SIMULATE's arguments with only `correlations` given (the ninth). */
const withCorrelations = (matrix: unknown[][]) => [table, null, null, null, null, null, null, null, matrix];

/** A 2 × 2 correlation table of market_size and peak_share with the two off-diagonal cells given. */
const corr2 = (upper: number | string, lower: number | string) => [
  ["", "market_size", "peak_share"],
  ["market_size", 1, upper],
  ["peak_share", lower, 1],
];

describe("IPVALUE.SIMULATE", () => {
  test("defaults: P10, P50, P90 and the mean of the risk-adjusted value, 10,000 draws, seed 1 — the engine's numbers", () => {
    const g = grid(F.SIMULATE(table, null, null, null, null, null, null));
    const r = runSimulation(planFromTable(MEDICAL_DEVICE));
    expect(g).toEqual([
      ["P10", r.percentiles[0].value],
      ["P50", r.percentiles[1].value],
      ["P90", r.percentiles[2].value],
      ["mean", r.mean],
    ]);
    // the golden values of test/engine/simulate.test.ts: Latin hypercube, the default
    expect(g[1][1]).toBe(156301899.76038203);
  });

  test('sampling "mc" gives the numbers of the versions before Latin hypercube; "LHS" and "" are the default', () => {
    const mc = grid(F.SIMULATE(table, null, null, null, null, null, null, "mc", null));
    expect(mc[1][1]).toBe(156915450.8146959); // the golden value before Latin hypercube
    const r = runSimulation(planFromTable(MEDICAL_DEVICE), { sampling: "mc" });
    expect(mc.map((row) => row[1])).toEqual([...r.percentiles.map((x) => x.value), r.mean]);
    const lhs = F.SIMULATE(table, null, null, null, null, null, null, null, null);
    expect(F.SIMULATE(table, null, null, null, null, null, null, " LHS ", [[""]])).toEqual(lhs);
    expect(F.SIMULATE(table, null, null, null, null, null, null, "", "")).toEqual(lhs);
  });

  test("standard_error TRUE (or 1) adds a third column, the engine's standard errors, and changes no value; FALSE, blank or omitted is today's table", () => {
    const plain = grid(F.SIMULATE(table, 2000, 5, null, null, 120e6, null, null, null));
    const withErrors = grid(F.SIMULATE(table, 2000, 5, null, null, 120e6, null, null, null, true));
    const r = runSimulation(planFromTable(MEDICAL_DEVICE), { iterations: 2000, seed: 5, threshold: 120e6, standardError: true });
    const e = r.standardErrors!;
    expect(withErrors).toEqual([
      ["P10", r.percentiles[0].value, e.percentiles[0]],
      ["P50", r.percentiles[1].value, e.percentiles[1]],
      ["P90", r.percentiles[2].value, e.percentiles[2]],
      ["mean", r.mean, e.mean],
      ["P(<120000000)", r.below!.probability, e.below],
    ]);
    expect(withErrors.map((row) => row.slice(0, 2))).toEqual(plain);
    expect(F.SIMULATE(table, 2000, 5, null, null, 120e6, null, null, null, 1)).toEqual(withErrors);
    for (const off of [false, 0, null, ""]) expect(F.SIMULATE(table, 2000, 5, null, null, 120e6, null, null, null, off)).toEqual(plain);
    const mc = grid(F.SIMULATE(table, 2000, 5, null, null, null, null, "mc", null, true));
    expect(mc.map((row) => row[2])).toEqual(
      ((x) => [...x.percentiles, x.mean])(
        runSimulation(planFromTable(MEDICAL_DEVICE), { iterations: 2000, seed: 5, sampling: "mc", standardError: true }).standardErrors!
      )
    );
    spilledError(F.SIMULATE(table, 2000, 5, null, null, null, null, null, null, "yes"), "#VALUE!", 'standard_error must be TRUE or FALSE; got text "yes"');
  });

  test("correlations: a key table with one triangle filled pairs market_size and peak_share (Spearman near the target)", () => {
    const corr = [
      ["", "market_size", "peak_share"],
      ["market_size", 1, ""],
      ["peak_share", 0.8, 1],
    ];
    const wide = grid(F.SIMULATE(table, null, null, null, null, null, null, null, corr));
    const independent = grid(F.SIMULATE(table, null, null, null, null, null, null, null, null));
    // a larger market together with a larger share: a wider P10–P90
    expect((wide[2][1] as number) - (wide[0][1] as number)).toBeGreaterThan(1.1 * ((independent[2][1] as number) - (independent[0][1] as number)));
    const transposed = [
      ["corr", "peak_share", "market_size"],
      ["market_size", 0.8, 1],
      ["peak_share", 1, ""],
    ];
    expect(grid(F.SIMULATE(table, null, null, null, null, null, null, null, transposed))).toEqual(wide);
  });

  test("identical on every call; empty cells count as omitted", () => {
    const a = F.SIMULATE(table, null, null, null, null, null, null);
    expect(F.SIMULATE(table, "", "", [[""]], "", "", "")).toEqual(a);
    expect(F.SIMULATE(table, 10000, 1, [[0.1, 0.5, 0.9]], "rnpv", null, "pert")).toEqual(a);
    expect(F.SIMULATE(table)).toEqual(a);
  });

  test("another seed: another sample, close to the first", () => {
    const a = grid(F.SIMULATE(table, null, 1, null, null, null, null));
    const b = grid(F.SIMULATE(table, null, 2, null, null, null, null));
    a.forEach((row, i) => {
      expect(row[1]).not.toBe(b[i][1]);
      expect(Math.abs((row[1] as number) / (b[i][1] as number) - 1)).toBeLessThan(0.02);
    });
  });

  test("percentiles as a row, a column or one number; a threshold adds P(<threshold)", () => {
    const row = grid(F.SIMULATE(table, 2000, 7, [[0.05, 0.95]], null, 120000000, null));
    expect(row.map((r) => r[0])).toEqual(["P5", "P95", "mean", "P(<120000000)"]);
    expect(grid(F.SIMULATE(table, 2000, 7, [[0.05], [0.95]], null, 120000000, null))).toEqual(row);
    const p = row[3][1] as number;
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(0.5);
    expect(grid(F.SIMULATE(table, 2000, 7, 0.5, null, null, null)).map((r) => r[0])).toEqual(["P50", "mean"]);
  });

  test("P7 of 10,001 draws, where (n − 1)·p = 700.0000000000001 (mathjs's quantileSeq answers undefined there)", () => {
    const g = grid(F.SIMULATE(table, 10001, 1, 0.07, null, null, null));
    expect(g[0][0]).toBe("P7");
    expect(typeof g[0][1]).toBe("number");
  });

  test("other outputs and distributions", () => {
    const rate25 = grid(F.SIMULATE(table, 1000, 1, null, "rate25", null, null));
    // operating margin 0.18 … 0.26 × licensor share 0.25
    for (const [, v] of rate25) expect(v as number).toBeGreaterThan(0.045);
    for (const [, v] of rate25) expect(v as number).toBeLessThan(0.065);
    const tri = grid(F.SIMULATE(table, 1000, 1, null, "NPV", null, "Triangular"));
    expect(tri[1][1]).toBeGreaterThan(grid(F.SIMULATE(table, 1000, 1, null, "rnpv", null, "triangular"))[1][1] as number);
  });

  test.each([
    [[table, 99], /^iterations must be a whole number from 100 to 1,000,000; got 99$/],
    [[table, 1000001], /^iterations must be a whole number/],
    [[table, 250.5], /^iterations must be a whole number/],
    [[table, "many"], /^iterations must be a number; got text "many"$/],
    [[table, null, -1], /^seed must be a whole number from 0 to 4294967295; got -1$/],
    [[table, null, 1.5], /^seed must be a whole number/],
    [[table, null, null, [[0.5, 1]]], /^percentiles \(item 2\) must be a decimal between 0 and 1, exclusive \(0\.1 = P10\); got 1$/],
    [[table, null, null, [[0]]], /^percentiles \(item 1\) must be a decimal between 0 and 1/],
    [[table, null, null, [["P10"]]], /^percentiles: item 1 must be a decimal between 0 and 1; got text "P10"$/],
    [
      [table, null, null, null, "table"],
      /^output must be one of rnpv, npv, rate25, maxrate, royalty_rate, value_rate25, value_maxrate, licensee_npv, equivalent_rate; got "table"$/,
    ],
    [[table, null, null, null, null, "low"], /^threshold must be a number; got text "low"$/],
    [[table, null, null, null, null, null, "normal"], /^distribution must be one of pert, triangular, metalog; got "normal"$/],
    [[table, null, null, null, null, null, "metalog"], /^distribution "metalog": no three-term metalog/],
    [
      [table, null, null, null, null, null, null, "halton"],
      /^sampling must be "lhs" \(Latin hypercube, the default\), "mc" \(plain Monte Carlo\) or "sobol" \(scrambled Sobol points\); got "halton"$/,
    ],
    [
      [table, null, null, null, null, null, null, null, corr2(0.5, -0.5)],
      /^correlations is not symmetric: market_size–peak_share is 0\.5 but peak_share–market_size is -0\.5$/,
    ],
    [[table, null, null, null, null, null, null, null, corr2(1.5, "")], /^correlations: market_size–peak_share must be a number from −1 to 1; got 1\.5$/],
    [[table, null, null, null, null, null, null, null, corr2("high", "")], /^correlations: market_size–peak_share must be a number from −1 to 1; got high$/],
    [
      withCorrelations([
        ["", "market_size", "peak_share"],
        ["market_size", 0.9, 0.2],
        ["peak_share", 0.2, 1],
      ]),
      /^correlations: the diagonal must be 1 .*; market_size–market_size is 0\.9$/,
    ],
    [
      withCorrelations([
        ["", "market_size", "royalty_rate"],
        ["market_size", 1, 0.2],
        ["royalty_rate", 0.2, 1],
      ]),
      /^correlations names royalty_rate, which is the same in every scenario and so not drawn: only assumptions that vary can be correlated$/,
    ],
    [
      withCorrelations([
        ["", "market_size", "market_sise"],
        ["market_size", 1, 0.2],
        ["market_sise", 0.2, 1],
      ]),
      /^correlations names "market_sise", not an assumption key$/,
    ],
    [
      withCorrelations([
        ["", "market_size", "peak_share", "market_growth"],
        ["market_size", 1, 0.9, -0.9],
        ["peak_share", 0.9, 1, 0.9],
        ["market_growth", -0.9, 0.9, 1],
      ]),
      /^correlations is not positive semi-definite: the correlations among market_size, peak_share, market_growth contradict one another/,
    ],
    [
      withCorrelations([
        ["", "market_size"],
        ["peak_share", 1],
      ]),
      /^correlations: the first row and the first column must name the same keys; "peak_share" is in one but not the other$/,
    ],
    [
      withCorrelations([
        ["", "market_size", "peak_share"],
        ["market_size", 1, 0.2],
      ]),
      /^correlations must be square/,
    ],
    [
      [
        [
          ["key", "Base"],
          ["market_size", 1],
        ],
      ],
      /missing the required keys/,
    ],
  ])("bad input is #VALUE! naming it (%#)", (args, message) => {
    spilledError(F.SIMULATE(...(args as unknown[])), "#VALUE!", message);
  });

  test("an output with no answer in some draws is #NUM! (Excel shows no message on #NUM!)", () => {
    const losing = table.map((r) => (r[0] === "operating_margin" ? [r[0], r[1], r[2], -0.05, 0.05, 0.1, ""] : r));
    const e = spilledError(F.SIMULATE(losing, 1000, 1, null, "rate25", null, null), "#NUM!");
    expect(e.message).toBeUndefined();
  });
});

describe("IPVALUE.SENSITIVITY", () => {
  test("the tornado of the medical-device example: header, base row, one row per assumption by swing", () => {
    const g = grid(F.SENSITIVITY(table, null));
    const t = sensitivity(planFromTable(MEDICAL_DEVICE), "rnpv");
    expect(g[0]).toEqual(["assumption", "low", "high", "output_at_low", "output_at_high", "swing"]);
    expect(g[1]).toEqual(["base", "", "", t.base, t.base, 0]);
    expect(g.slice(2)).toEqual(t.rows.map((r) => [r.key, r.low, r.high, r.outputLow, r.outputHigh, r.swing]));
    expect(g.slice(2).map((r) => r[0])).toEqual([
      "peak_share",
      "market_size",
      "success_probability",
      "market_growth",
      "launch_year",
      "years_to_peak",
      "discount_rate",
      "operating_margin",
    ]);
    // the base row is what SCENARIO gives for the base scenario
    expect(g[1][3]).toBe(grid(F.SCENARIO(table, null, "rnpv"))[0][0]);
  });

  test("another output", () => {
    const g = grid(F.SENSITIVITY(table, "maxrate"));
    expect(g[2][0]).toBe("peak_share");
    expect(g.slice(2).find((r) => r[0] === "operating_margin")![5]).toBeGreaterThan(0);
  });

  test("a row without an answer shows #NUM! in its three output cells", () => {
    const late = table.map((r) => (r[0] === "launch_year" ? [r[0], r[1], r[2], 3, 3, 13, ""] : r));
    const g = F.SENSITIVITY(late, "maxrate") as unknown[][];
    const last = g[g.length - 1];
    expect(last.slice(0, 3)).toEqual(["launch_year", 3, 13]);
    expect(last.slice(3).map((x) => (isExcelError(x) ? x.code : x))).toEqual(["#NUM!", "#NUM!", "#NUM!"]);
  });

  test("bad input is #VALUE!", () => {
    spilledError(F.SENSITIVITY(table, "table"), "#VALUE!", /^output must be one of/);
    spilledError(F.SENSITIVITY([[1]], null), "#VALUE!", /^assumptions must be a table/);
  });
});

describe("IPVALUE.SPIDER", () => {
  test("the medical-device example: positions −1…1 in 5 points, a base row, rows whose ends are SENSITIVITY's", () => {
    const g = grid(F.SPIDER(table, null, null));
    expect(g[0]).toEqual(["assumption", -1, -0.5, 0, 0.5, 1]);
    const base = grid(F.SCENARIO(table, null, "rnpv"))[0][0];
    expect(g[1]).toEqual(["base", base, base, base, base, base]);
    const tornado = grid(F.SENSITIVITY(table, null));
    expect(
      g
        .slice(2)
        .map((r) => r[0])
        .sort()
    ).toEqual(
      tornado
        .slice(2)
        .map((r) => r[0])
        .sort()
    );
    for (const row of g.slice(2)) {
      const t = tornado.find((r) => r[0] === row[0])!;
      expect([row[1], row[3], row[5]]).toEqual([t[3], base, t[4]]);
    }
  });

  test("a row checked against the scenario model: peak_share halfway from its base to its high", () => {
    const g = grid(F.SPIDER(table, "npv", 5));
    const plan = planFromTable(MEDICAL_DEVICE);
    const share = plan.uncertain.find((u) => u.key === "peak_share")!;
    const expected = scenarioOutput(runScenario({ ...plan.base, peak_share: (share.base + share.high) / 2 }), "npv");
    const row = g.find((r) => r[0] === "peak_share")!;
    expect(row[4] as number).toBeCloseTo(expected, 4);
    expect(row[4]).not.toBe(row[3]);
  });

  test("points: 3 gives low, base, high; 9 gives 9 columns", () => {
    expect(grid(F.SPIDER(table, null, 3))[0]).toEqual(["assumption", -1, 0, 1]);
    expect(grid(F.SPIDER(table, null, 9))[0]).toHaveLength(10);
  });

  test("a point without an answer shows #NUM! in its cell only", () => {
    const late = table.map((r) => (r[0] === "launch_year" ? [r[0], r[1], r[2], 3, 3, 13, ""] : r));
    const g = F.SPIDER(late, "maxrate", 5) as unknown[][];
    const last = g[g.length - 1];
    expect(last[0]).toBe("launch_year");
    expect(last.slice(1).map((x) => (isExcelError(x) ? x.code : typeof x))).toEqual(["number", "number", "number", "number", "#NUM!"]);
  });

  test("bad input is #VALUE! naming the problem", () => {
    spilledError(F.SPIDER(table, null, 1), "#VALUE!", /^points must be a whole number from 2 to 21/);
    spilledError(F.SPIDER(table, null, 4.5), "#VALUE!", /^points must be a whole number from 2 to 21/);
    spilledError(F.SPIDER(table, "table", null), "#VALUE!", /^output must be one of/);
    spilledError(F.SPIDER([[1]], null, null), "#VALUE!", /^assumptions must be a table/);
  });
});
