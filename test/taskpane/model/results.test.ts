/** The pane's results value the table as the functions do, yearly plan rows included. */
import { RawValue } from "../../../src/engine";
import { buildNegotiatorWorkbook } from "../../../src/export/negotiator";
import { defaultShareChoice, selectShared } from "../../../src/export/share";
import * as F from "../../../src/functions/functions";
import { addScenario, emptyDecisions, SCHEMA_VERSION, ScenarioSet, setIncludeInternal, setInternal, setValue } from "../../../src/model/scenario-set";
import { exampleSet } from "../../../src/taskpane/model/examples";
import { assumptionsTableValues, readScenarios } from "../../../src/model/table-layout";
import { readSavedBands } from "../../../src/taskpane/model/comparables";
import { computeResults } from "../../../src/taskpane/model/results";

// A licensee's business plan typed into the stored table: sales and a loss year, no market forecast.
const TABLE: RawValue[][] = [
  ["key", "label", "unit", "Low", "High"],
  ["years", "", "", 4, 4],
  ["royalty_rate", "", "", 0.04, 0.05],
  ["operating_margin", "", "", 0.2, 0.25],
  ["discount_rate", "", "", 0.1, 0.1],
  ["sales_1", "", "", 100, 150],
  ["sales_2", "", "", 200, 300],
  ["operating_profit_2", "", "", -10, 20],
  ["sales_3", "", "", 300, ""],
];

describe("yearly plan rows in the pane", () => {
  const set: ScenarioSet = { schema: SCHEMA_VERSION, scenarios: readScenarios(TABLE), decisions: emptyDecisions() };

  test("the pane's outputs are IPVALUE.SCENARIO's on the same table, plan rows included", () => {
    const results = computeResults(set, "en");
    expect(results.problem).toBeUndefined();
    for (const [i, name] of ["Low", "High"].entries()) {
      for (const output of ["npv", "rnpv", "maxrate", "licensee_npv"] as const) {
        const fn = (F.scenario(TABLE, name, output) as unknown[][])[0][0];
        expect([name, output, results.scenarios[i].outputs[output]]).toEqual([name, output, fn]);
      }
    }
  });

  test("the pane's share passes the plan rows: the negotiator workbook writes them on its Plan sheet, none left out", () => {
    const book = buildNegotiatorWorkbook(selectShared(set, defaultShareChoice(set)), {
      language: "en",
      date: new Date(2026, 11, 1),
      version: "test",
      currency: "JPY",
    });
    const plan = book.worksheets.find((w) => w.name !== "Assumptions" && w.getSheetValues().some((row) => Array.isArray(row) && row.includes("sales")));
    expect(plan).toBeDefined();
    const figures = new Set<unknown>();
    plan!.eachRow((row) => row.eachCell((cell) => figures.add(cell.value)));
    for (const v of [100, 150, 200, 300, -10, 20]) expect([v, figures.has(v)]).toEqual([v, true]);
  });
});

describe("the committee's range with or without the internal scenarios", () => {
  // The software example with a fourth, internal scenario far above the others.
  const example = exampleSet("software", "en");
  const withInternal = setInternal(setValue(addScenario(example, "Stretch"), 3, "market_size", "90000000000"), 3, true);
  const rnpv = (set: ScenarioSet) => computeResults(set, "en").range.find((r) => r.output === "rnpv")!;

  test("by default the range covers every scenario and says it includes internal ones", () => {
    const r = computeResults(withInternal, "en");
    expect(r.scope).toEqual({ names: ["Low", "Base", "High", "Stretch"], internal: ["Stretch"], excluded: [] });
    expect(rnpv(withInternal).high).toBeGreaterThan(rnpv(example).high as number);
  });

  test("left out, the range is the range of the shared scenarios alone, and says what it left out", () => {
    const shared = setIncludeInternal(withInternal, false);
    const r = computeResults(shared, "en");
    expect(r.scope).toEqual({ names: ["Low", "Base", "High"], internal: [], excluded: ["Stretch"] });
    expect(r.range).toEqual(computeResults(example, "en").range);
    expect(r.football).toEqual(computeResults(example, "en").football);
    // Each scenario's own results still list every scenario.
    expect(r.scenarios.map((s) => s.name)).toEqual(["Low", "Base", "High", "Stretch"]);
  });

  test("every scenario internal and left out: the range says why it is empty", () => {
    let all = setIncludeInternal(example, false);
    for (let i = 0; i < 3; i++) all = setInternal(all, i, true);
    const r = computeResults(all, "en");
    expect(r.range).toEqual([]);
    expect(r.problem).toMatch(/Every scenario is internal/);
    expect(computeResults(all, "ja").problem).toMatch(/内部シナリオを含めない/);
  });
});

describe("the band bar over the workbook's own bands", () => {
  // Five of the office's own comparables (midpoints 1 %, 2 %, 3 %, 4 % and 10 %, ± 0.5 %), as the
  // IpvalueUserBands table holds them; the second is marked shared (FALSE), a blank mark stays internal.
  const TABLE_OWN: RawValue[][] = [
    ["key", "low", "high", "unit", "source", "internal"],
    ...[0.01, 0.02, 0.03, 0.04, 0.1].map((mid, i) => [
      `own_${i + 1}`,
      mid - 0.005,
      mid + 0.005,
      "share_of_net_sales",
      "ownfive",
      i === 1 ? false : i === 4 ? "" : true,
    ]),
  ];
  const saved = readSavedBands(TABLE_OWN);
  const base = exampleSet("medical-device", "en");
  const withFilter = (spread: "minmax" | "iqr") => ({ ...base, decisions: { ...base.decisions, bands: { filter: "ownfive", spread, internal: false } } });
  const bar = (spread: "minmax" | "iqr", language: "en" | "ja" = "en") =>
    computeResults(withFilter(spread), language, saved).football.find((b) => b.output === "band_rate")!;
  const row = (spread: "minmax" | "iqr") => computeResults(withFilter(spread), "en", saved).range.find((r) => r.output === "band_rate")!;

  test("the saved table's bands are read with their internal marks: internal unless plainly FALSE", () => {
    expect(saved.problem).toBeUndefined();
    expect(saved.bands.map((b) => b.key)).toEqual(["own_1", "own_2", "own_3", "own_4", "own_5"]);
    expect(saved.internal).toEqual(["own_1", "own_3", "own_4", "own_5"]);
  });

  test("a filter only the own bands match gives the band row from them, as RANGE with the same table (minmax and iqr)", () => {
    for (const spread of ["minmax", "iqr"] as const) {
      const table = assumptionsTableValues(base, "en", true) as RawValue[][];
      const fromRange = F.range(table, [["band_rate"]], false, "ownfive", TABLE_OWN, spread) as unknown as number[][];
      const r = row(spread);
      expect([r.low, r.base, r.high]).toEqual(fromRange[0].slice(0, 3));
    }
    // By hand: the interquartile range of midpoints 1, 2, 3, 4, 10 % is 2 %–4 %; min–max 0.5 %–10.5 %.
    expect(row("iqr").low).toBeCloseTo(0.02, 15);
    expect(row("iqr").high).toBeCloseTo(0.04, 15);
    expect(row("minmax").low).toBeCloseTo(0.005, 15);
    expect(row("minmax").high).toBeCloseTo(0.105, 15);
  });

  test("the bar's label says how it spans the bands and how many; the bar names the internal ones", () => {
    expect(bar("iqr").label).toEqual({ en: "Bands: interquartile range of 5", ja: "参考バンド：5件の四分位範囲" });
    expect(bar("minmax").label).toEqual({ en: "Bands: lowest to highest of 5", ja: "参考バンド：5件の最小～最大" });
    expect(bar("iqr").internal).toEqual(["own_1", "own_3", "own_4", "own_5"]);
    expect(bar("iqr").high).toBeLessThan(bar("minmax").high);
  });

  test("without the saved bands the own filter matches nothing: the band row says so, no band bar", () => {
    const r = computeResults(withFilter("minmax"), "en");
    expect(r.football.some((b) => b.output === "band_rate")).toBe(false);
    expect(r.range.find((x) => x.output === "band_rate")!.low).toEqual({ error: expect.stringMatching(/ownfive/) });
  });

  test("an unreadable table is reported, and the built-in bands still give the bar", () => {
    const broken = readSavedBands([
      ["key", "low", "colour"],
      ["own_x", 0.01, "red"],
    ]);
    expect(broken.problem?.en).toMatch(/colour/);
    expect(broken.bands).toEqual([]);
    const r = computeResults(base, "en", broken);
    expect(r.football.find((b) => b.output === "band_rate")!.label.en).toMatch(/^Bands: lowest to highest of \d+$/);
  });
});
