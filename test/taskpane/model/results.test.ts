/** The pane's results value the table as the functions do, yearly plan rows included. */
import { RawValue } from "../../../src/engine";
import { buildNegotiatorWorkbook } from "../../../src/export/negotiator";
import { defaultShareChoice, selectShared } from "../../../src/export/share";
import * as F from "../../../src/functions/functions";
import { addScenario, emptyDecisions, SCHEMA_VERSION, ScenarioSet, setIncludeInternal, setInternal, setValue } from "../../../src/model/scenario-set";
import { exampleSet } from "../../../src/taskpane/model/examples";
import { readScenarios } from "../../../src/model/table-layout";
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
