/** SCENARIO and RANGE over an assumptions table laid out as a user would in Excel. */
import { F, grid, spilledError } from "./helpers";

/**
 * Low/Base/High worked by hand (see test/engine/scenario.test.ts): PV(royalties) = {125, 250, 375}/11,
 * upfront 10, success probability 0.5, margins 0.15/0.2/0.25.
 * A label column, a unit column, a note column, a blank row and a blank trailing column are included
 * as a user would select them.
 */
const table = [
  ["", "label", "unit", "Low", "Base", "High", "note", ""],
  ["market_size", "Market size", "JPY", 1000, 1000, 1000, "research report", ""],
  ["market_growth", "Growth", "%", 0.1, 0.1, 0.1, "", ""],
  ["peak_share", "Peak share", "%", 0.1, 0.2, 0.3, "", ""],
  ["years_to_peak", "Ramp", "years", 2, 2, 2, "", ""],
  ["", "", "", "", "", "", "", ""],
  ["years", "Years", "years", 4, 4, 4, "", ""],
  ["launch_year", "Launch", "year", 2, 2, 2, "", ""],
  ["royalty_rate", "Royalty", "%", 0.05, 0.05, 0.05, "", ""],
  ["operating_margin", "Margin", "%", 0.15, 0.2, 0.25, "", ""],
  ["discount_rate", "Discount", "%", 0.1, 0.1, 0.1, "", ""],
  ["success_probability", "PoS", "%", 0.5, 0.5, 0.5, "", ""],
  ["upfront", "Upfront", "JPY", 10, 10, 10, "", ""],
  ["timing", "Timing", "", "end", "", null, "", ""],
  [null, null, null, null, null, null, null, null],
];

/** The table with cell (r, c) replaced. */
const withCell = (r: number, c: number, v: unknown) => table.map((rowCells, i) => rowCells.map((x, j) => (i === r && j === c ? v : x)));

describe("IPVALUE.SCENARIO", () => {
  test("by default gives the npv of the scenario named Base", () => {
    // 10 + 250/11
    expect(grid(F.SCENARIO(table, null, null))).toEqual([[expect.closeTo(10 + 250 / 11, 9)]]);
    expect(grid(F.SCENARIO(table, "", ""))).toEqual([[expect.closeTo(10 + 250 / 11, 9)]]);
  });

  test("picks a scenario by name, ignoring case", () => {
    expect(grid(F.SCENARIO(table, "high", null))).toEqual([[expect.closeTo(10 + 375 / 11, 9)]]);
    expect(grid(F.SCENARIO(table, " LOW ", "npv"))).toEqual([[expect.closeTo(10 + 125 / 11, 9)]]);
  });

  test.each([
    ["rnpv", 10 + 125 / 11], // 10 + 0.5 · 250/11
    ["rate25", 0.05], // 0.2 · 0.25
    ["maxrate", 0.156], // (0.5 · 1000/11 − 10) / (0.5 · 5000/11)
    ["royalty_rate", 0.05],
    [" NPV ", 10 + 250 / 11],
  ])("output %j of Base is %d", (output, expected) => {
    expect(grid(F.SCENARIO(table, "Base", output))).toEqual([[expect.closeTo(expected, 9)]]);
  });

  test("the middle scenario is the default when none is named Base", () => {
    const renamed = withCell(0, 4, "Central");
    expect(grid(F.SCENARIO(renamed, null, null))).toEqual([[expect.closeTo(10 + 250 / 11, 9)]]);
  });

  test('output "table" spills the yearly model under a header row', () => {
    const t = grid(F.SCENARIO(table, "Base", "table"));
    // Today's seven columns first, unchanged; the deal terms' yearly flows after them (zero without those terms).
    expect(t[0]).toEqual(["year", "market", "share", "sales", "royalty", "discount_factor", "present_value", "annual_fee", "sublicense", "patent_cost"]);
    expect(t.slice(1).map((r) => r.slice(7))).toEqual([0, 0, 0, 0].map(() => [0, 0, 0]));
    expect(t).toHaveLength(5);
    expect(t.map((r) => r[0])).toEqual(["year", 1, 2, 3, 4]);
    expect(t.slice(1).map((r) => r[3])).toEqual([0, 110, 242, 266.2].map((x) => expect.closeTo(x, 9)));
    expect(t.slice(1).map((r) => r[6])).toEqual([0, 50 / 11, 100 / 11, 100 / 11].map((x) => expect.closeTo(x, 9)));
  });

  test("the key column need not be first when headed 'key'", () => {
    // move the keys to after the label column and head it "key"; "Low" values move into column 0
    const moved = table.map((r, i) => [r[3], r[1], i === 0 ? "key" : r[0], r[4], r[5]]);
    expect(grid(F.SCENARIO(moved, "High", "npv"))).toEqual([[expect.closeTo(10 + 375 / 11, 9)]]);
  });

  test("a mid-year timing in the table is applied", () => {
    const mid = withCell(13, 4, "mid");
    expect(grid(F.SCENARIO(mid, "Base", "npv"))).toEqual([[expect.closeTo(10 + (250 / 11) * Math.sqrt(1.1), 9)]]);
  });

  test("an unknown scenario is #N/A naming it and listing the scenarios", () => {
    spilledError(F.SCENARIO(table, "Best", null), "#N/A", "scenario 'Best' is not in the table; it has 'Low', 'Base', 'High'");
  });

  test("an unknown output is #VALUE! listing the outputs", () => {
    spilledError(
      F.SCENARIO(table, "Base", "irr"),
      "#VALUE!",
      /^output must be one of rnpv, npv, rate25, maxrate, royalty_rate, value_rate25, value_maxrate, licensee_npv, equivalent_rate, components, table; got "irr"/
    );
  });

  test("a scenario given as a number that names no scenario is #N/A", () => {
    spilledError(F.SCENARIO(table, 3, null), "#N/A", /^scenario '3' is not in the table/);
  });

  test("a scenario given as TRUE is #VALUE! naming scenario", () => {
    spilledError(F.SCENARIO(table, true, null), "#VALUE!", "scenario must be text; got TRUE");
  });

  test("a text value where a number belongs is #VALUE! naming scenario and key", () => {
    spilledError(F.SCENARIO(withCell(8, 3, "5%"), "Base", null), "#VALUE!", `Scenario 'Low': royalty_rate must be a number; got "5%" (text or TRUE/FALSE)`);
  });

  test("a share above 1 is #VALUE! naming scenario, key and the allowed range", () => {
    spilledError(F.SCENARIO(withCell(3, 5, 1.2), "Base", null), "#VALUE!", /^Scenario 'High': peak_share must be a decimal from 0 to 1/);
  });

  test("an unknown key is #VALUE! naming it", () => {
    spilledError(F.SCENARIO(withCell(2, 0, "growth"), null, null), "#VALUE!", /^assumptions: unknown assumption key 'growth' in row 3\. Allowed: /);
  });

  test("a duplicate key is #VALUE! naming it", () => {
    spilledError(F.SCENARIO(withCell(12, 0, "Royalty Rate"), null, null), "#VALUE!", "assumptions: key 'royalty_rate' appears twice (rows 9 and 13)");
  });

  test("a missing required key is #VALUE! naming it", () => {
    const without = table.filter((r) => r[0] !== "discount_rate");
    spilledError(F.SCENARIO(without, null, null), "#VALUE!", "assumptions is missing the required key discount_rate");
  });

  test("a loss-making scenario's rate25 is #NUM!", () => {
    spilledError(F.SCENARIO(withCell(9, 4, -0.1), "Base", "rate25"), "#NUM!");
  });

  test("something that is not a table is #VALUE!", () => {
    spilledError(F.SCENARIO("A1:D10", null, null), "#VALUE!", /^assumptions must be a table/);
    spilledError(F.SCENARIO([], null, null), "#VALUE!", "assumptions is empty");
    spilledError(F.SCENARIO([["", "Base"], ["years"]], null, null), "#VALUE!", "assumptions must be a rectangular range");
  });
});

describe("IPVALUE.RANGE", () => {
  test("spills a header and low/base/high of the default outputs", () => {
    expect(grid(F.RANGE(table, null, null))).toEqual([
      ["output", "low", "base", "high"],
      ["rnpv", ...[10 + 62.5 / 11, 10 + 125 / 11, 10 + 187.5 / 11].map((x) => expect.closeTo(x, 9))],
      ["npv", ...[10 + 125 / 11, 10 + 250 / 11, 10 + 375 / 11].map((x) => expect.closeTo(x, 9))],
      ["rate25", ...[0.0375, 0.05, 0.0625].map((x) => expect.closeTo(x, 12))],
      // (0.5·0.15·2500 − 110)/1250, (0.5·0.2·5000 − 110)/2500, (0.5·0.25·7500 − 110)/3750
      ["maxrate", ...[0.062, 0.156, 827.5 / 3750].map((x) => expect.closeTo(x, 12))],
    ]);
  });

  test("labels FALSE gives the numbers only", () => {
    const g = grid(F.RANGE(table, null, false));
    expect(g).toHaveLength(4);
    for (const r of g) {
      expect(r).toHaveLength(3);
      for (const x of r) expect(typeof x).toBe("number");
    }
    expect(g[1][1]).toBeCloseTo(10 + 250 / 11, 9);
  });

  test("outputs as comma-separated text", () => {
    const g = grid(F.RANGE(table, "npv, royalty_rate", false));
    expect(g).toEqual([[10 + 125 / 11, 10 + 250 / 11, 10 + 375 / 11].map((x) => expect.closeTo(x, 9)), [0.05, 0.05, 0.05]]);
  });

  test("outputs as a range of cells, blanks skipped", () => {
    const g = grid(F.RANGE(table, [["rate25"], [""], ["MAXRATE"]], true));
    expect(g.map((r) => r[0])).toEqual(["output", "rate25", "maxrate"]);
  });

  test("outputs all blank means the defaults", () => {
    expect(grid(F.RANGE(table, [[""], [null]], true)).map((r) => r[0])).toEqual(["output", "rnpv", "npv", "rate25", "maxrate"]);
    expect(grid(F.RANGE(table, "", true))).toHaveLength(5);
  });

  test("base is the middle scenario when none is named Base", () => {
    const g = grid(F.RANGE(withCell(0, 4, "Mid"), "npv", false));
    expect(g[0][1]).toBeCloseTo(10 + 250 / 11, 9);
  });

  test("an unknown output is #VALUE! naming outputs", () => {
    spilledError(F.RANGE(table, "npv, irr", null), "#VALUE!", /^outputs must be one of .*; got "irr"/);
  });

  test("labels must be TRUE or FALSE", () => {
    spilledError(F.RANGE(table, null, "no"), "#VALUE!", /^labels must be TRUE or FALSE/);
  });

  test("an error in one scenario names that scenario", () => {
    spilledError(F.RANGE(withCell(1, 5, -1), null, null), "#VALUE!", /^Scenario 'High': market_size must be 0 or more/);
  });

  test("a scenario without sales in the royalty term makes only the maxrate row #NUM!", () => {
    // term_years 1, launch year 2: no royalty base
    const t = [...table.slice(0, -1), ["term_years", "", "", 1, 1, 1, "", ""]];
    const r = F.RANGE(t, null, null) as unknown[][];
    expect(r.map((row) => row[0])).toEqual(["output", "rnpv", "npv", "rate25", "maxrate"]);
    expect(r[4].slice(1).map((x) => (x as { code: string }).code)).toEqual(["#NUM!", "#NUM!", "#NUM!"]);
    expect(
      r
        .slice(1, 4)
        .flatMap((row) => row.slice(1))
        .every((x) => typeof x === "number")
    ).toBe(true);
    expect(grid(F.RANGE(t, "npv", false))).toEqual([[10, 10, 10]]);
  });

  test("a scenario named by a number (a year heading) can be chosen with a number", () => {
    const t = table.map((row, i) => (i === 0 ? row.map((h) => (h === "Base" ? 2025 : h)) : row));
    expect(F.SCENARIO(t, 2025, "npv")).toEqual(F.SCENARIO(table, "Base", "npv"));
  });
});

describe("IPVALUE.OFFER and the deal-term outputs", () => {
  test("SCENARIO components spills the value by component; its total is npv and rnpv", () => {
    const c = grid(F.SCENARIO(table, "Base", "components"));
    expect(c[0]).toEqual(["component", "npv", "rnpv"]);
    expect(c.map((r) => r[0])).toEqual([
      "component",
      "upfront",
      "royalties",
      "annual_fees",
      "milestones",
      "sublicense",
      "equity",
      "success_fee",
      "patent_costs",
      "total",
    ]);
    expect(c[2]).toEqual(["royalties", expect.closeTo(250 / 11, 9), expect.closeTo(125 / 11, 9)]);
    expect(c[9]).toEqual(["total", expect.closeTo(10 + 250 / 11, 9), expect.closeTo(10 + 125 / 11, 9)]);
  });

  test("a term sheet valued in every scenario: a higher rate and a milestone, as typed with a heading row", () => {
    const terms = [
      ["key", "value"],
      ["royalty_rate", 0.1],
      ["milestone_1_year", 2],
      ["milestone_1_amount", 121],
      ["milestone_1_probability", 0.5],
    ];
    const t = grid(F.OFFER(table, terms, "rnpv, npv, royalty_rate"));
    expect(t[0]).toEqual(["scenario", "rnpv", "npv", "royalty_rate"]);
    // the rate doubles the royalties; the milestone is 121 / 1.1² = 100, weighted 0.5 in rnpv
    expect(t[2]).toEqual(["Base", expect.closeTo(10 + 250 / 11 + 50, 9), expect.closeTo(10 + 500 / 11 + 100, 9), 0.1]);
    expect(t.map((r) => r[0])).toEqual(["scenario", "Low", "Base", "High"]);
    // default outputs
    expect(grid(F.OFFER(table, terms, null))[0]).toEqual(["scenario", "rnpv", "licensee_npv", "equivalent_rate"]);
  });

  test("RANGE takes licensee_npv and equivalent_rate", () => {
    const r = grid(F.RANGE(table, "licensee_npv, equivalent_rate", null, null, null));
    expect(r.map((x) => x[0])).toEqual(["output", "licensee_npv", "equivalent_rate"]);
    // royalties alone (the upfront aside): the equivalent rate is a little above 5 %, by the upfront's share
    expect(r[2][2]).toBeCloseTo((10 + 125 / 11) / (0.5 * (250 / 11 / 0.05)), 12);
  });

  test("bad terms are #VALUE! saying what is wrong", () => {
    spilledError(F.OFFER(table, [["royalty", 0.05]], null), "#VALUE!", "terms: unknown key 'royalty' in row 1");
    spilledError(F.OFFER(table, [["key"]], null), "#VALUE!", /^terms must be a range of two columns or more/);
    spilledError(F.OFFER(table, [["royalty_rate", 0.1]], "band_rate"), "#VALUE!", /^outputs must be one of/);
  });
});
