/**
 * The Office.js adapter (src/taskpane/office) against the in-memory Excel stand-in
 * (test/browser/fake-excel.js): what a save leaves in the workbook, what a load reads back, what the
 * custom functions make of the stored table, hand-edited and broken tables, change events, and the
 * Valuation sheet.
 */
import { cellOf, fake } from "./fake";
import { AssumptionKey, MILESTONE_COUNT, milestoneKey } from "../../../src/engine";
import { range, scenario } from "../../../src/functions/functions";
import type { Language } from "../../../src/model/language";
import {
  addScenario,
  blankSet,
  deleteScenario,
  EditError,
  emptyDecisions,
  KEYS,
  moveScenario,
  renameScenario,
  SCHEMA_VERSION,
  ScenarioSet,
  setBandSpread,
  setDecisionInternal,
  setIncludeInternal,
  setOfferTerm,
  setValue,
} from "../../../src/model/scenario-set";
import { exampleSet, EXAMPLES } from "../../../src/taskpane/model/examples";
import { computeResults } from "../../../src/taskpane/model/results";
import { AMOUNT_FORMAT, PERCENT_FORMAT } from "../../../src/taskpane/model/cells";
import { ASSUMPTIONS_TABLE, DECISIONS_TABLE, OFFER_TABLE } from "../../../src/taskpane/model/storage-sheet";
import { officeWorkbook } from "../../../src/taskpane/office/workbook";
import type { WorkbookPort } from "../../../src/taskpane/ui/port";
import { negotiatorWorkbook, toBase64 } from "../../../src/export/negotiator";
import { defaultShareChoice } from "../../../src/export/share";

type Cell = string | number | boolean;

const TIMINGS = ["end", "mid", "begin", "期央"];
const MOODS = ["楽観", "基準", "悲観", "中立"];

/** Nine milestones, year 0.5 … 9, each amount and probability different per scenario. */
function milestones(i: number): ScenarioSet["scenarios"][number]["values"] {
  const values: ScenarioSet["scenarios"][number]["values"] = {};
  for (let n = 1; n <= MILESTONE_COUNT; n++) {
    values[milestoneKey(n, "year")] = n - 0.5 + (i % 2) * 0.5;
    values[milestoneKey(n, "amount")] = 1_000_000 * n + i;
    values[milestoneKey(n, "probability")] = Math.max(0.1, 0.9 - n * 0.08);
  }
  return values;
}

/** n scenarios with Japanese names, every assumption filled (numbers, and timing words), some internal. */
function bigSet(n: number): ScenarioSet {
  const scenarios = Array.from({ length: n }, (_, i) => {
    const values: ScenarioSet["scenarios"][number]["values"] = {
      market_size: 1e9 * (i + 1) + 0.5,
      market_growth: -0.05 + (i % 11) * 0.01,
      peak_share: 0.01 + (i % 9) * 0.01,
      years_to_peak: 1 + (i % 6) + 0.5,
      launch_year: 1 + (i % 4),
      years: 10 + (i % 10),
      term_years: 8 + (i % 10),
      royalty_rate: 0.0125 + (i % 5) * 0.005,
      annual_minimum: (i % 3) * 1_000_000,
      operating_margin: 0.1 + (i % 7) * 0.03,
      tax_rate: 0.3,
      discount_rate: 0.08 + (i % 5) * 0.01,
      hurdle_rate: 0.1 + (i % 4) * 0.01,
      success_probability: 0.05 + (i % 19) * 0.05,
      upfront: 10_000_000 * (i % 4),
      investment: 100_000_000 + i,
      timing: TIMINGS[i % TIMINGS.length],
      licensor_share: 0.25,
      // The deal terms, every one of them (flags as booleans), valid together so the engine values them.
      tier_1_threshold: 5e8 + i,
      tier_1_rate: 0.02 + (i % 3) * 0.005,
      tier_2_threshold: 2e9 + i,
      tier_2_rate: 0.01,
      claims_expire_year: 5 + (i % 4),
      post_expiry_rate: 0.0125,
      annual_fee: 1_000_000 + i,
      annual_fee_from_year: 1 + (i % 2),
      annual_fee_until_sales: i % 2 === 0,
      annual_fee_creditable: i % 3 === 0,
      sublicense_income: 20_000_000 + i,
      sublicense_share: 0.1,
      equity_share: 0.05,
      dilution: 0.3 + (i % 5) * 0.05,
      exit_year: 5 + (i % 3) + 0.5,
      exit_value: 3e9 + i,
      exit_probability: 0.3,
      success_fee: 0.0125,
      patent_cost_reimbursement: 4_500_000 + i,
      patent_cost_years: 3,
      licensor_ownership: 0.5 + (i % 2) * 0.5,
      ...milestones(i),
    };
    return { name: `シナリオ${String(i + 1).padStart(3, "0")} ${MOODS[i % MOODS.length]}`, internal: i % 7 === 3, values };
  });
  return {
    schema: SCHEMA_VERSION,
    scenarios,
    decisions: {
      terms: [],
      offer: { value: 250_000_000, internal: true },
      floor: { value: 120_000_000, internal: false },
      ceiling: { value: null, internal: true },
      notes: { text: "委員会メモ：上限は次回決定。=SUM(A1) は数式ではない", internal: true },
      includeInternal: { value: false, internal: true },
      bands: { filter: "patent approval", spread: "minmax", internal: false },
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitFor(predicate: () => boolean, what: string, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

async function loadError(port: WorkbookPort): Promise<EditError> {
  try {
    await port.load();
  } catch (e) {
    if (e instanceof EditError) return e;
    throw e;
  }
  throw new Error("load did not refuse the workbook");
}

let port: WorkbookPort;
beforeEach(() => {
  fake.reset();
  port = officeWorkbook({ debounceMs: 10 });
});

describe("save and load", () => {
  test("a workbook without the IPVALUE sheet loads as null", async () => {
    expect(await port.load()).toBeNull();
  });

  test("200 scenarios with Japanese names, every key, internal marks and decisions survive save → load unchanged", async () => {
    const set = bigSet(200);
    await port.save(set, "ja");
    const back = await port.load();
    expect(back).toEqual(set);
    // Every key of every scenario really went through the grid.
    expect(fake.table(ASSUMPTIONS_TABLE)!.values[0]).toHaveLength(3 + 200);
    expect(back!.scenarios.every((s) => KEYS.every((k) => s.values[k] !== undefined))).toBe(true);
    expect(back!.scenarios.map((s) => s.values.annual_fee_until_sales).slice(0, 3)).toEqual([true, false, true]);
  });

  test("a set saved, then read by a second port (the file reopened), is the same", async () => {
    const set = bigSet(12);
    await port.save(set, "en");
    const snapshot = fake.snapshot();
    fake.reset();
    fake.load(snapshot);
    expect(await officeWorkbook().load()).toEqual(set);
  });

  test("texts Excel would read as formulas, numbers, dates or TRUE stay text", async () => {
    const names = ["=A1", "-悲観", "+1", "2025", "TRUE", "1/2", "5%", "'quoted", "@home"];
    const set = blankSet("en");
    set.scenarios = names.map((name) => ({ name, internal: false, values: { royalty_rate: 0.03 } }));
    set.decisions.notes.text = "=SUM(A1:A3) is not a formula";
    await port.save(set, "en");
    expect(fake.table(ASSUMPTIONS_TABLE)!.values[0].slice(3)).toEqual(names);
    expect(await port.load()).toEqual(set);
  });

  test("the IPVALUE sheet is visible and holds the schema cell, then the decisions table at A3 and the assumptions table at A11", async () => {
    await port.save(bigSet(3), "en");
    expect(fake.sheet("IPVALUE")!.visibility).toBe("Visible");
    expect(fake.values("IPVALUE!A1:B1")).toEqual([["ipvalue_schema", SCHEMA_VERSION]]);
    expect(String(fake.values("IPVALUE!C1")[0][0])).toMatch(/IPVALUE/);
    expect(fake.table(DECISIONS_TABLE)!.address).toBe("IPVALUE!A3:D9");
    expect(fake.table(ASSUMPTIONS_TABLE)!.address).toBe(`IPVALUE!A11:F${11 + KEYS.length + 1}`);
    const values = fake.table(ASSUMPTIONS_TABLE)!.values;
    expect(values.map((row) => row[0])).toEqual(["key", ...KEYS, "internal"]);
  });

  test("rates and shares are formatted as percentages and amounts with separators; the values stay decimals", async () => {
    await port.save(exampleSet("medical-device", "en"), "en");
    const t = fake.table(ASSUMPTIONS_TABLE)!;
    const row = (key: string) => t.values.findIndex((r) => r[0] === key);
    expect(t.numberFormat[row("market_growth")].slice(3)).toEqual([PERCENT_FORMAT, PERCENT_FORMAT, PERCENT_FORMAT]);
    expect(t.numberFormat[row("peak_share")][4]).toBe(PERCENT_FORMAT);
    expect(t.numberFormat[row("market_size")][4]).toBe(AMOUNT_FORMAT);
    expect(t.numberFormat[row("years")][4]).toBe("General");
    expect(t.numberFormat[row("market_growth")][1]).toBe("General"); // the label column is not a percentage
    expect(t.values[row("market_growth")].slice(3)).toEqual([0.02, 0.04, 0.06]);
    expect(fake.table(DECISIONS_TABLE)!.numberFormat.map((r) => r[1])).toEqual([
      "General",
      AMOUNT_FORMAT,
      AMOUNT_FORMAT,
      AMOUNT_FORMAT,
      "General",
      "General",
      "General",
    ]);
  });

  test("saving fewer scenarios resizes the same table and leaves no stale cells", async () => {
    await port.save(bigSet(200), "en");
    const id = fake.table(ASSUMPTIONS_TABLE)!.id;
    const three = bigSet(3);
    await port.save(three, "en");
    const t = fake.table(ASSUMPTIONS_TABLE)!;
    expect(t.id).toBe(id);
    expect(t.address).toBe(`IPVALUE!A11:F${11 + KEYS.length + 1}`);
    expect(fake.usedAddress("IPVALUE")).toBe(`IPVALUE!A1:F${11 + KEYS.length + 1}`);
    expect(fake.numberFormat("IPVALUE!G12:G13")).toEqual([["General"], ["General"]]);
    expect(await port.load()).toEqual(three);
  });

  test("saving more scenarios grows the same table", async () => {
    await port.save(bigSet(3), "en");
    const id = fake.table(ASSUMPTIONS_TABLE)!.id;
    await port.save(bigSet(5), "en");
    expect(fake.table(ASSUMPTIONS_TABLE)!.id).toBe(id);
    expect(fake.table(ASSUMPTIONS_TABLE)!.address).toBe(`IPVALUE!A11:H${11 + KEYS.length + 1}`);
    expect(await port.load()).toEqual(bigSet(5));
  });

  test("blank rows the user inserted in the table are kept by the next save: a save of an unchanged set writes nothing", async () => {
    const set = exampleSet("software", "en");
    await port.save(set, "en");
    const values = fake.table(ASSUMPTIONS_TABLE)!.values;
    const withBlanks = [values[0], ["", "", "", "", "", ""], ...values.slice(1, 5), ["", "", "", "", "", ""], ...values.slice(5)];
    fake.userReplaceTable(ASSUMPTIONS_TABLE, withBlanks);
    const before = fake.snapshot();
    await port.save(set, "en");
    expect(fake.snapshot()).toEqual(before);
    expect(await port.load()).toEqual(set);
  });

  test("a note column the user added is kept by the next save, matched by key", async () => {
    const set = exampleSet("medical-device", "en");
    await port.save(set, "en");
    const values = fake.table(ASSUMPTIONS_TABLE)!.values.map((row) => [...row]);
    values.forEach((row, r) => row.push(r === 0 ? "note" : row[0] === "discount_rate" ? "WACC from the 2025 report" : ""));
    fake.userReplaceTable(ASSUMPTIONS_TABLE, values);
    const edited = { ...set, scenarios: set.scenarios.slice(0, 2) };
    await port.save(edited, "en");
    const t = fake.table(ASSUMPTIONS_TABLE)!;
    expect(t.values[0]).toEqual(["key", "label", "unit", "Low", "Base", "note"]);
    expect(t.values.find((row) => row[0] === "discount_rate")![5]).toBe("WACC from the 2025 report");
    // A column headed note is the user's source column: its texts are the assumptions' sources.
    expect(await port.load()).toEqual({ ...edited, sources: { discount_rate: "WACC from the 2025 report" } });
  });

  test("yearly plan rows typed into the table (sales_1 …, which the pane does not edit) survive every kind of pane save, and the functions read them", async () => {
    let set = exampleSet("software", "en");
    await port.save(set, "en");
    const values = fake.table(ASSUMPTIONS_TABLE)!.values.map((row) => [...row]);
    const plan: Cell[][] = [
      ["sales_1", "", "", 100_000_000, 200_000_000, 300_000_000],
      ["operating_profit_2", "", "", 10_000_000, 20_000_000, 30_000_000],
      ["investment_2", "", "", 5_000_000, 0, 5_000_000],
    ];
    values.splice(5, 0, ...plan); // among the assumptions, where she typed them
    fake.userReplaceTable(ASSUMPTIONS_TABLE, values);
    set = (await port.load())!;
    const planOf = (scenario: string) => {
      const t = fake.table(ASSUMPTIONS_TABLE)!.values;
      const c = t[0].indexOf(scenario);
      return plan.map((p) => t.find((r) => r[0] === p[0])![c]);
    };
    const expected = { Low: [100_000_000, 10_000_000, 5_000_000], Base: [200_000_000, 20_000_000, 0], High: [300_000_000, 30_000_000, 5_000_000] };
    const steps: [string, (x: ScenarioSet) => ScenarioSet][] = [
      ["a value", (x) => setValue(x, 1, "royalty_rate", "7")],
      ["a deal term's first use (a new row)", (x) => setValue(setValue(x, 0, "annual_fee_creditable", "TRUE"), 0, "annual_fee", "1000000")],
      ["a scenario added", (x) => addScenario(x, "Stretch")],
      ["a rename", (x) => renameScenario(x, 2, "Top")],
      ["a move", (x) => moveScenario(x, 0, 2)],
      [
        "a deletion",
        (x) =>
          deleteScenario(
            x,
            x.scenarios.findIndex((s) => s.name === "Stretch")
          ),
      ],
    ];
    for (const [what, step] of steps) {
      const next = step(set);
      const saved = await port.save(next, "en", set);
      set = saved.set;
      expect([what, planOf("Low"), planOf("Base"), planOf(set.scenarios.some((s) => s.name === "Top") ? "Top" : "High")]).toEqual([
        what,
        expected.Low,
        expected.Base,
        expected.High,
      ]);
    }
    // The functions value Base with its plan rows: its sales are the plan's, not the market forecast.
    const table = fake.table(ASSUMPTIONS_TABLE)!.values;
    expect(table.find((r) => r[0] === "sales_1")).toBeDefined();
    expect(scenario(table, "Base", "rnpv")).not.toEqual(
      scenario(
        table.filter((r) => !String(r[0]).match(/^(sales|operating_profit|investment)_/)),
        "Base",
        "rnpv"
      )
    );
  });

  test("decisions are internal by default, and stored so", async () => {
    await port.save(blankSet("en"), "en");
    expect(fake.table(DECISIONS_TABLE)!.values).toEqual([
      ["item", "value", "internal", "label"],
      ["offer", "", true, "Offer price"],
      ["floor", "", true, "Walk-away floor"],
      ["ceiling", "", true, "Ceiling"],
      ["notes", "", true, "Committee notes"],
      ["band_filter", "", false, "Reference bands (filter)"],
      ["include_internal", true, true, "Committee range includes internal scenarios"],
    ]);
    expect((await port.load())!.decisions).toEqual(emptyDecisions());
  });

  test("a decision marked shareable in the grid (FALSE) loads as shareable; the others stay internal", async () => {
    await port.save(blankSet("en"), "en");
    fake.userEdit("IPVALUE!B4:C4", [[90000000, "FALSE"]]);
    const d = (await port.load())!.decisions;
    expect(d.offer).toEqual({ value: 90000000, internal: false });
    expect(d.floor.internal).toBe(true);
  });
});

describe("the layout version kept in the workbook", () => {
  test("a workbook saved by a newer IPVALUE is refused with a message saying so", async () => {
    await port.save(blankSet("en"), "en");
    fake.userEdit("IPVALUE!B1", SCHEMA_VERSION + 1);
    const e = await loadError(port);
    expect(e.reason.en).toMatch(/newer version of IPVALUE/);
    expect(e.reason.en).toContain(`layout ${SCHEMA_VERSION + 1}`);
    expect(e.reason.ja).toMatch(/新しい版のIPVALUE/);
  });

  test("a version cell that is not a whole number is refused, naming the cell", async () => {
    await port.save(blankSet("en"), "en");
    fake.userEdit("IPVALUE!B1", "one");
    expect((await loadError(port)).reason.en).toMatch(/Cell B1 of the IPVALUE sheet must hold the layout version/);
  });

  test("a missing schema marker is refused, saying what A1 must hold", async () => {
    await port.save(blankSet("en"), "en");
    fake.userEdit("IPVALUE!A1", "");
    expect((await loadError(port)).reason.en).toMatch(/Cell A1 of the IPVALUE sheet must read ipvalue_schema/);
  });
});

describe("the stored table is what the custom functions read", () => {
  const outputsOf = (rows: unknown[][]) => rows.slice(1).map((r) => ({ output: r[0], low: r[1], base: r[2], high: r[3] }));
  const paneRange = (set: ScenarioSet, language: Language, outputs: string[]) =>
    computeResults(set, language)
      .range.filter((r) => outputs.includes(r.output))
      .sort((a, b) => outputs.indexOf(a.output) - outputs.indexOf(b.output))
      .map((r) => ({ output: r.output, low: r.low, base: r.base, high: r.high }));

  test.each(EXAMPLES.flatMap((e) => (["en", "ja"] as const).map((lang) => [e.id, lang] as const)))(
    "IPVALUE.RANGE over the stored %s table (%s) gives the pane's low, base and high",
    async (id, lang) => {
      const set = exampleSet(id, lang);
      await port.save(set, lang);
      const table = fake.table(ASSUMPTIONS_TABLE)!.values;
      const defaults = ["rnpv", "npv", "rate25", "maxrate"];
      expect(outputsOf(range(table, undefined, undefined))).toEqual(paneRange(set, lang, defaults));
      const field = ["npv", "rnpv", "value_rate25", "value_maxrate"];
      expect(outputsOf(range(table, [[field.join(",")]], undefined))).toEqual(paneRange(set, lang, field));
    }
  );

  test("IPVALUE.SCENARIO over the stored 200-scenario table gives each scenario's rnpv as the pane computes it", async () => {
    const set = bigSet(200);
    await port.save(set, "ja");
    const table = fake.table(ASSUMPTIONS_TABLE)!.values;
    const pane = computeResults(set, "ja");
    expect(pane.problem).toBeUndefined();
    for (const i of [0, 57, 123, 199]) {
      expect(scenario(table, set.scenarios[i].name, "rnpv")).toEqual([[pane.scenarios[i].outputs.rnpv]]);
    }
    const low = Math.min(...pane.scenarios.map((s) => s.outputs.rnpv as number));
    expect(range(table, [["rnpv"]], false)[0][0]).toBe(low);
  });
});

describe("tables edited by hand", () => {
  test("extra blank rows, High before Low, a note column and the label column moved still load the same scenarios", async () => {
    const set = exampleSet("drug-candidate", "en");
    await port.save(set, "en");
    const values = fake.table(ASSUMPTIONS_TABLE)!.values;
    // Columns: key | unit | High | Base | note | Low | label, with blank rows here and there.
    const order = [0, 2, 5, 4, -1, 3, 1];
    const edited: Cell[][] = values.map((row, r) => order.map((c) => (c < 0 ? (r === 0 ? "note" : r === 3 ? "from the BIO study" : "") : row[c])));
    edited.splice(
      4,
      0,
      edited[0].map(() => "")
    );
    edited.splice(
      12,
      0,
      edited[0].map(() => ""),
      edited[0].map(() => "")
    );
    edited.push(edited[0].map(() => ""));
    fake.userReplaceTable(ASSUMPTIONS_TABLE, edited);
    const back = await port.load();
    expect(back!.scenarios.map((s) => s.name)).toEqual(["High", "Base", "Low"]);
    expect(back!.scenarios).toEqual([set.scenarios[2], set.scenarios[1], set.scenarios[0]]);
    expect(back!.decisions).toEqual(set.decisions);
  });

  test("keys typed as words ('Market size', 'ROYALTY-RATE') still load", async () => {
    const set = exampleSet("software", "en");
    await port.save(set, "en");
    fake.userEdit(cellOf("Low", "market_size").replace(/[A-Z]+(\d+)$/, "A$1"), "Market size");
    fake.userEdit(cellOf("Low", "royalty_rate").replace(/[A-Z]+(\d+)$/, "A$1"), "ROYALTY-RATE");
    expect(await port.load()).toEqual(set);
  });

  test("a required key's row deleted is refused, naming the key and where the table is", async () => {
    await port.save(exampleSet("software", "en"), "en");
    const values = fake.table(ASSUMPTIONS_TABLE)!.values.filter((row) => row[0] !== "market_size");
    fake.userReplaceTable(ASSUMPTIONS_TABLE, values);
    const e = await loadError(port);
    expect(e.reason.en).toMatch(/missing the required key market_size/);
    expect(e.reason.en).toMatch(/IpvalueAssumptions, header row at IPVALUE!A11/);
    expect(e.reason.ja).toMatch(/前提条件表を読めません/);
  });

  test("an unknown key is refused, naming it and its row, and listing the allowed keys", async () => {
    await port.save(exampleSet("software", "en"), "en");
    fake.userEdit("IPVALUE!A13", "growth");
    const e = await loadError(port);
    expect(e.reason.en).toMatch(/unknown assumption key 'growth' in row 3/);
    expect(e.reason.en).toMatch(/Allowed: market_size, market_growth/);
  });

  test("a key given twice is refused with both rows", async () => {
    await port.save(exampleSet("software", "en"), "en");
    fake.userEdit("IPVALUE!A14", "market_growth"); // row 4 of the table was peak_share
    expect((await loadError(port)).reason.en).toMatch(/key 'market_growth' appears twice \(rows 3 and 4\)/);
  });

  test("a scenario name typed twice: Excel renames the new header (Base2), so both scenarios still load", async () => {
    const set = exampleSet("software", "en");
    await port.save(set, "en");
    fake.userEdit("IPVALUE!D11", "base");
    const back = await port.load();
    expect(back!.scenarios.map((s) => s.name)).toEqual(["base2", "Base", "High"]);
    expect(back!.scenarios[0].values).toEqual(set.scenarios[0].values);
  });

  test("an unknown row in the decisions table is refused, naming it and the table", async () => {
    await port.save(blankSet("en"), "en");
    fake.userEdit("IPVALUE!A5", "target");
    const e = await loadError(port);
    expect(e.reason.en).toMatch(/Unknown row "target" in the decisions table/);
    expect(e.reason.en).toMatch(/IpvalueDecisions, header row at IPVALUE!A3/);
  });

  test("the assumptions table removed (converted to a range) is refused with what to do", async () => {
    await port.save(blankSet("en"), "en");
    fake.userConvertTableToRange(ASSUMPTIONS_TABLE);
    expect((await loadError(port)).reason.en).toMatch(/lost its table IpvalueAssumptions.*Undo/);
  });

  test("the decisions table removed: the decisions load as the default, internal, and the next save recreates the table", async () => {
    const set = bigSet(3);
    await port.save(set, "en");
    fake.userConvertTableToRange(DECISIONS_TABLE);
    expect((await port.load())!.decisions).toEqual(emptyDecisions());
    await port.save(set, "en");
    expect(fake.table(DECISIONS_TABLE)!.address).toBe("IPVALUE!A3:D9");
    expect(await port.load()).toEqual(set);
  });

  test("a workbook saved before the include_internal row (decisions A3:D8, caption right below) counts internal scenarios; the choice, once made, gets its row in an inserted sheet row", async () => {
    const set = exampleSet("software", "en");
    await port.save(set, "en");
    // The older layout: the decisions table without its last row, the assumptions caption right below it.
    const decisions = fake.table(DECISIONS_TABLE)!.values;
    fake.userReplaceTable(DECISIONS_TABLE, decisions.slice(0, -1));
    const caption = fake.values("IPVALUE!A10")[0][0];
    fake.userEdit("IPVALUE!A9", caption);
    fake.userEdit("IPVALUE!A10", "");
    expect(fake.table(DECISIONS_TABLE)!.address).toBe("IPVALUE!A3:D8");
    const old = (await port.load())!;
    expect(old.decisions.includeInternal).toEqual({ value: true, internal: true });
    const assumptionsBefore = fake.table(ASSUMPTIONS_TABLE)!.values;
    const saved = await port.save(setIncludeInternal(old, false), "en", old);
    expect(saved.set.decisions.includeInternal.value).toBe(false);
    expect(fake.table(DECISIONS_TABLE)!.address).toBe("IPVALUE!A3:D9");
    expect(fake.table(DECISIONS_TABLE)!.values.at(-1)!.slice(0, 3)).toEqual(["include_internal", false, true]);
    expect(fake.values("IPVALUE!A10")[0][0]).toBe(caption);
    expect(fake.table(ASSUMPTIONS_TABLE)!.address).toMatch(/^IPVALUE!A12:/);
    expect(fake.table(ASSUMPTIONS_TABLE)!.values).toEqual(assumptionsBefore);
    expect((await port.load())!.decisions.includeInternal.value).toBe(false);
  });

  test("the committee's interquartile band bar is stored in a band_spread row inserted below the decisions (the assumptions move down intact) and reads back; back to minmax keeps the row, read as minmax", async () => {
    const set = exampleSet("software", "en");
    await port.save(set, "en");
    const base = (await port.load())!;
    expect(base.decisions.bands.spread).toBe("minmax");
    expect(fake.table(DECISIONS_TABLE)!.address).toBe("IPVALUE!A3:D9");
    const assumptionsBefore = fake.table(ASSUMPTIONS_TABLE)!.values;
    const saved = await port.save(setBandSpread(base, "iqr"), "en", base);
    expect(saved.set.decisions.bands.spread).toBe("iqr");
    expect(fake.table(DECISIONS_TABLE)!.address).toBe("IPVALUE!A3:D10");
    expect(fake.table(DECISIONS_TABLE)!.values.at(-1)!.slice(0, 2)).toEqual(["band_spread", "iqr"]);
    expect(fake.table(ASSUMPTIONS_TABLE)!.values).toEqual(assumptionsBefore);
    expect(await port.load()).toEqual(setBandSpread(base, "iqr"));
    const back = await port.save(setBandSpread(saved.set, "minmax"), "en", saved.set);
    expect(back.set.decisions.bands.spread).toBe("minmax");
    expect((await port.load())!.decisions.bands.spread).toBe("minmax");
  });

  test("a first save of a set with the interquartile bar puts the assumptions below the longer decisions table", async () => {
    const set = setBandSpread(exampleSet("software", "ja"), "iqr");
    await port.save(set, "ja");
    expect(fake.table(DECISIONS_TABLE)!.address).toBe("IPVALUE!A3:D10");
    expect(fake.table(ASSUMPTIONS_TABLE)!.address).toMatch(/^IPVALUE!A12:/);
    expect(await port.load()).toEqual(set);
  });

  test("the committee's include_internal choice merges with a co-author's edit of another decision; a co-author's change of it survives the pane's change of its mark", async () => {
    const set = exampleSet("software", "en");
    await port.save(set, "en");
    const base = (await port.load())!;
    fake.userEdit("IPVALUE!B7", "typed in the grid"); // notes
    const saved = await port.save(setIncludeInternal(base, false), "en", base);
    expect(saved.set.decisions.notes.text).toBe("typed in the grid");
    expect(saved.set.decisions.includeInternal.value).toBe(false);
    // A co-author ticks it back in the grid while the pane shares the choice itself: both survive.
    fake.userEdit("IPVALUE!B9", true);
    const again = await port.save(setDecisionInternal(saved.set, "includeInternal", false), "en", saved.set);
    expect(again.set.decisions.includeInternal).toEqual({ value: true, internal: false });
    expect(again.kept).toEqual([]);
  });

  test("the IPVALUE sheet renamed is refused, naming the sheet the tables are on", async () => {
    await port.save(blankSet("en"), "en");
    fake.userRenameSheet("IPVALUE", "Scenarios");
    expect((await loadError(port)).reason.en).toMatch(/on a sheet called "Scenarios": rename it back to IPVALUE/);
  });
});

describe("watch: the grid and the pane stay in step", () => {
  test("an edit in the grid calls back with the re-read set", async () => {
    const set = exampleSet("medical-device", "en");
    await port.save(set, "en");
    const seen: (ScenarioSet | EditError)[] = [];
    const stop = await port.watch((r) => seen.push(r));
    fake.userEdit(cellOf("Base", "royalty_rate"), "4%");
    await waitFor(() => seen.length > 0, "the callback");
    const got = seen[0] as ScenarioSet;
    expect(got.scenarios[1].values.royalty_rate).toBe(0.04);
    expect({ ...got, scenarios: got.scenarios.map((s, i) => (i === 1 ? set.scenarios[1] : s)) }).toEqual(set);
    await stop();
  });

  test("a grid edit in the offer table (made by a save while watching) calls back with the term sheet as typed", async () => {
    await port.save(exampleSet("software", "en"), "en");
    const seen: (ScenarioSet | EditError)[] = [];
    const stop = await port.watch((r) => seen.push(r));
    await port.save(setOfferTerm((await port.load())!, "royalty_rate", "3"), "en");
    expect(fake.handlerCount(OFFER_TABLE)).toBe(1);
    fake.userEdit("IPVALUE!B13", 0.045);
    await waitFor(() => seen.length > 0, "the callback");
    expect((seen[0] as ScenarioSet).decisions.terms).toEqual([{ key: "royalty_rate", value: 0.045, source: "" }]);
    await stop();
  });

  test("the port's own save does not call back; a grid edit after it does, once", async () => {
    await port.save(exampleSet("software", "en"), "en");
    const seen: (ScenarioSet | EditError)[] = [];
    const stop = await port.watch((r) => seen.push(r));
    await port.save(bigSet(5), "en");
    await port.save(bigSet(2), "en");
    await sleep(80);
    expect(seen).toEqual([]);
    fake.userEdit(cellOf(bigSet(2).scenarios[0].name, "years"), 30);
    await waitFor(() => seen.length > 0, "the callback");
    await sleep(50);
    expect(seen).toHaveLength(1);
    expect((seen[0] as ScenarioSet).scenarios[0].values.years).toBe(30);
    await stop();
  });

  test("a burst of edits (a few ms apart) calls back once, after the last, with the last state", async () => {
    const slow = officeWorkbook({ debounceMs: 200 });
    await slow.save(exampleSet("software", "en"), "en");
    const seen: (ScenarioSet | EditError)[] = [];
    const stop = await slow.watch((r) => seen.push(r));
    for (const years of [11, 12, 13, 14, 15]) {
      fake.userEdit(cellOf("High", "years"), years);
      await sleep(5);
    }
    await waitFor(() => seen.length > 0, "the callback");
    await sleep(250);
    expect(seen).toHaveLength(1);
    expect((seen[0] as ScenarioSet).scenarios[2].values.years).toBe(15);
    await stop();
  });

  test("an edit in the decisions table calls back", async () => {
    await port.save(blankSet("ja"), "ja");
    const seen: (ScenarioSet | EditError)[] = [];
    const stop = await port.watch((r) => seen.push(r));
    fake.userEdit("IPVALUE!B5", 1e8);
    await waitFor(() => seen.length > 0, "the callback");
    expect((seen[0] as ScenarioSet).decisions.floor).toEqual({ value: 1e8, internal: true });
    await stop();
  });

  test("an edit that breaks the table calls back with the EditError saying what to fix", async () => {
    await port.save(exampleSet("software", "en"), "en");
    const seen: (ScenarioSet | EditError)[] = [];
    const stop = await port.watch((r) => seen.push(r));
    fake.userEdit("IPVALUE!A12", "");
    await waitFor(() => seen.length > 0, "the callback");
    expect(seen[0]).toBeInstanceOf(EditError);
    expect((seen[0] as EditError).reason.en).toMatch(/row 2 has values but no assumption key/);
    await stop();
  });

  test("watching before the sheet exists: the first save attaches the handlers, and grid edits then call back", async () => {
    const seen: (ScenarioSet | EditError)[] = [];
    const stop = await port.watch((r) => seen.push(r));
    expect(fake.handlerCount(ASSUMPTIONS_TABLE)).toBe(0);
    await port.save(exampleSet("software", "en"), "en");
    expect(fake.handlerCount(ASSUMPTIONS_TABLE)).toBe(1);
    expect(fake.handlerCount(DECISIONS_TABLE)).toBe(1);
    fake.userEdit(cellOf("Low", "upfront"), 1234);
    await waitFor(() => seen.length > 0, "the callback");
    expect((seen[0] as ScenarioSet).scenarios[0].values.upfront).toBe(1234);
    await stop();
  });

  test("after unsubscribing, the handlers are removed and edits no longer call back", async () => {
    await port.save(exampleSet("software", "en"), "en");
    const seen: (ScenarioSet | EditError)[] = [];
    const stop = await port.watch((r) => seen.push(r));
    expect(fake.handlerCount(ASSUMPTIONS_TABLE)).toBe(1);
    await stop();
    expect(fake.handlerCount(ASSUMPTIONS_TABLE)).toBe(0);
    expect(fake.handlerCount(DECISIONS_TABLE)).toBe(0);
    fake.userEdit(cellOf("Low", "years"), 20);
    await sleep(60);
    expect(seen).toEqual([]);
  });

  test("two watchers share one handler per table and both hear an edit", async () => {
    await port.save(exampleSet("software", "en"), "en");
    const a: unknown[] = [];
    const b: unknown[] = [];
    const stopA = await port.watch((r) => a.push(r));
    const stopB = await port.watch((r) => b.push(r));
    expect(fake.handlerCount(ASSUMPTIONS_TABLE)).toBe(1);
    fake.userEdit(cellOf("Low", "years"), 21);
    await waitFor(() => a.length > 0 && b.length > 0, "both callbacks");
    await stopA();
    expect(fake.handlerCount(ASSUMPTIONS_TABLE)).toBe(1);
    await stopB();
    expect(fake.handlerCount(ASSUMPTIONS_TABLE)).toBe(0);
  });
});

describe("the Valuation sheet", () => {
  const set = exampleSet("medical-device", "en");

  test("holds live IPVALUE formulas over the table and the decisions, and is activated", async () => {
    await port.insertValuationSheet(set, "en");
    expect(fake.sheetNames()).toContain("Valuation");
    expect(fake.sheet("Valuation")!.active).toBe(true);
    expect(fake.formulas("Valuation!A6")[0][0]).toBe("=IPVALUE.RANGE(IpvalueAssumptions[#All])");
    expect(fake.formulas("Valuation!A13")[0][0]).toBe('=IPVALUE.RANGE(IpvalueAssumptions[#All],"npv,rnpv,value_rate25,value_maxrate")');
    expect(fake.formulas("Valuation!A21:C23")).toEqual(
      set.scenarios.map((s) => [
        s.name,
        `=IPVALUE.SCENARIO(IpvalueAssumptions[#All],"${s.name}","rnpv")`,
        `=IPVALUE.SCENARIO(IpvalueAssumptions[#All],"${s.name}","npv")`,
      ])
    );
    const decisions = fake.formulas("Valuation!G6:G8").map((r) => String(r[0]));
    ["offer", "floor", "ceiling"].forEach((k, i) => expect(decisions[i]).toContain(`MATCH("${k}",IpvalueDecisions[item],0)`));
    // And the table it points at holds this set.
    expect(await port.load()).toEqual(set);
  });

  test("has a native stacked-bar football field over helper cells taken from the spilled range, lows unfilled", async () => {
    await port.insertValuationSheet(set, "ja");
    const charts = fake.charts("Valuation");
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({ type: "BarStacked", source: "Valuation!F11:I18", seriesBy: "Columns", legendVisible: false });
    expect(charts[0].series.map((s) => s.fill)).toEqual(["none", "#2F6FB0", "#C0392B"]);
    expect(charts[0].title).toMatch(/フットボールフィールド/);
    const helper = fake.formulas("Valuation!F12:I18");
    expect(helper.slice(0, 4).map((r) => r.slice(1, 3))).toEqual(
      [2, 3, 4, 5].map((r) => {
        // Clipped at the axis end G22 (fieldScale as formulas: a bar wholly beyond is a stub at the end).
        const start = `IF(INDEX($A$13#,${r},2)>$G$22,0.96*$G$22,INDEX($A$13#,${r},2))`;
        return [`=${start}`, `=MAX(0,MIN(INDEX($A$13#,${r},4),$G$22)-${start})`];
      })
    );
    expect(helper.slice(4).map((r) => r[0])).toEqual(["提示価格", "最低受入価格", "上限価格"]);
    expect(String(helper[4][3])).toBe('=IF($G$6="",NA(),$G$20)');
  });

  test("running it again replaces the sheet instead of adding another", async () => {
    await port.insertValuationSheet(set, "en");
    await port.insertValuationSheet(bigSet(4), "en");
    expect(fake.sheetNames().filter((n) => n.startsWith("Valuation"))).toEqual(["Valuation"]);
    expect(fake.charts("Valuation")).toHaveLength(1);
    expect(fake.values("Valuation!A21:A25").map((r) => r[0])).toEqual([...bigSet(4).scenarios.map((s) => s.name), ""]);
  });

  test("a Valuation sheet of the user's is left alone; IPVALUE's goes to 'Valuation (IPVALUE)'", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("Valuation").getRange("A1").values = [["My own notes"]];
      await context.sync();
    });
    await port.insertValuationSheet(set, "en");
    await port.insertValuationSheet(set, "en");
    expect(fake.values("Valuation!A1")).toEqual([["My own notes"]]);
    expect(fake.sheetNames().filter((n) => n.startsWith("Valuation"))).toEqual(["Valuation", "Valuation (IPVALUE)"]);
    expect(fake.charts("Valuation (IPVALUE)")).toHaveLength(1);
  });

  test("when both names are taken by sheets of the user's, inserting is refused and neither sheet is touched", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("Valuation").getRange("A1").values = [["My own notes"]];
      context.workbook.worksheets.add("Valuation (IPVALUE)").getRange("A1").values = [["My other notes"]];
      await context.sync();
    });
    await expect(port.insertValuationSheet(set, "en")).rejects.toThrow(/Sheets called "Valuation", "Valuation \(IPVALUE\)" exist and are not IPVALUE's/);
    expect(fake.values("Valuation!A1")).toEqual([["My own notes"]]);
    expect(fake.values("'Valuation (IPVALUE)'!A1")).toEqual([["My other notes"]]);
    expect(fake.charts("Valuation (IPVALUE)")).toHaveLength(0);
  });

  test("a scenario name with quotes is escaped in its formula", async () => {
    const quoted = { ...set, scenarios: [{ ...set.scenarios[0], name: 'The "best" case' }] };
    await port.insertValuationSheet(quoted, "en");
    expect(fake.formulas("Valuation!B21")[0][0]).toBe('=IPVALUE.SCENARIO(IpvalueAssumptions[#All],"The ""best"" case","rnpv")');
  });

  test("says INTERNAL when it shows an internal scenario or decision, and nothing when all is shareable", async () => {
    await port.insertValuationSheet(set, "en");
    expect(fake.values("Valuation!A3")[0][0]).toBe("");
    const withOffer = { ...set, decisions: { ...set.decisions, offer: { value: 1e8, internal: true } } };
    await port.insertValuationSheet(withOffer, "en");
    expect(String(fake.values("Valuation!A3")[0][0])).toMatch(/^INTERNAL/);
  });
});

describe("sharing: a new workbook, and frozen copies of sheets", () => {
  const medical = () => exampleSet("medical-device", "en");

  test("openWorkbook hands the .xlsx to Excel.createWorkbook; where the host refuses, it says unsupported", async () => {
    const set = medical();
    const bytes = await negotiatorWorkbook(set, defaultShareChoice(set), { language: "en", date: new Date(2025, 10, 23), version: "test" });
    const base64 = toBase64(bytes);
    await expect(port.openWorkbook(base64)).resolves.toBe("opened");
    expect(fake.createdWorkbooks()).toEqual([base64]);
    fake.setCreateWorkbookSupported(false);
    await expect(port.openWorkbook(base64)).resolves.toBe("unsupported");
    expect(fake.createdWorkbooks()).toHaveLength(1);
  });

  test("listSheets names the sheets in tab order", async () => {
    await port.insertValuationSheet(medical(), "en");
    await expect(port.listSheets()).resolves.toEqual(["Sheet1", "IPVALUE", "Valuation"]);
  });

  /** The Valuation sheet as Excel would have calculated it: RANGE spills, SCENARIO in its cells. */
  async function calculatedValuationSheet(set: ScenarioSet) {
    await port.insertValuationSheet(set, "en");
    const table = fake.table(ASSUMPTIONS_TABLE)!.values;
    const spillA6 = range(table, undefined, undefined);
    const spillA13 = range(table, [["npv,rnpv,value_rate25,value_maxrate"]], undefined);
    fake.calculate("Valuation!A6", spillA6);
    fake.calculate("Valuation!A13", spillA13);
    set.scenarios.forEach((s, i) => {
      fake.calculate(`Valuation!B${21 + i}`, scenario(table, s.name, "rnpv")[0][0]);
      fake.calculate(`Valuation!C${21 + i}`, scenario(table, s.name, "npv")[0][0]);
    });
    return { spillA6, spillA13 };
  }

  test("freezeForSharing copies the sheet and puts values where =IPVALUE.* formulas were, spills included; the original keeps its formulas", async () => {
    const set = medical();
    const { spillA6, spillA13 } = await calculatedValuationSheet(set);
    const changed = await port.freezeForSharing(["Valuation"]);
    expect(fake.sheetNames()).toEqual(["Sheet1", "IPVALUE", "Valuation", "Valuation (shared)"]);
    const copy = "'Valuation (shared)'";
    const formulasLeft = fake
      .formulas(`${copy}!A1:I30`)
      .flat()
      .filter((f) => typeof f === "string" && /IPVALUE\./i.test(f));
    expect(formulasLeft).toEqual([]);
    expect(fake.values(`${copy}!A6:D10`)).toEqual(spillA6);
    expect(fake.values(`${copy}!A13:D17`)).toEqual(spillA13);
    expect(fake.values(`${copy}!B21:C21`)[0][0]).toBe(scenario(fake.table(ASSUMPTIONS_TABLE)!.values, "Low", "rnpv")[0][0]);
    // What it changed, listed: the two spills, then each scenario's two cells; then the references to a spill.
    const values = changed.filter((c) => c.kind === "value");
    expect(values.map((c) => c.address)).toEqual(["A6:D10", "A13:D17", "B21", "C21", "B22", "C22", "B23", "C23"]);
    expect(values.every((c) => c.sheet === "Valuation (shared)" && c.formula.startsWith("=IPVALUE."))).toBe(true);
    expect(values[0].value).toEqual(spillA6);
    // A formula over a frozen spill (INDEX($A$13#, …)) now reads the block of values instead.
    expect(fake.formulas(`${copy}!G12`)[0][0]).toBe("=IF(INDEX($A$13:$D$17,2,2)>$G$22,0.96*$G$22,INDEX($A$13:$D$17,2,2))");
    expect(changed.filter((c) => c.kind === "reference").map((c) => c.address)).toContain("G12");
    expect(fake.formulas(`${copy}!G21`)[0][0]).toBe("=3*MAX($G$6:$G$8,MEDIAN(INDEX($A$13:$D$17,0,4)))");
    expect(String(fake.formulas(`${copy}!G22`)[0][0])).not.toContain("#");
    // The chart of the copy shows the copy's cells; the original sheet is untouched.
    expect(fake.charts("Valuation (shared)")[0].source).toBe(`${copy}!F11:I18`);
    expect(fake.formulas("Valuation!A6")[0][0]).toBe("=IPVALUE.RANGE(IpvalueAssumptions[#All])");
    expect(fake.formulas("Valuation!G12")[0][0]).toBe("=IF(INDEX($A$13#,2,2)>$G$22,0.96*$G$22,INDEX($A$13#,2,2))");
  });

  test("freezing again makes another copy; a sheet without formulas is copied as it is; an unknown sheet is refused", async () => {
    await calculatedValuationSheet(medical());
    await port.freezeForSharing(["Valuation"]);
    await port.freezeForSharing(["Valuation", "Sheet1"]);
    expect(fake.sheetNames()).toEqual(["Sheet1", "Sheet1 (shared)", "IPVALUE", "Valuation", "Valuation (shared 2)", "Valuation (shared)"]);
    await expect(port.freezeForSharing(["Nope"])).rejects.toThrow(/no sheet called "Nope"/);
  });
});

describe("undo groups", () => {
  test("where ExcelApi 1.20 is there, each save is one undo group (Excel.run with mergeUndoGroup)", async () => {
    await port.save(exampleSet("medical-device", "en"), "en");
    const read = (await port.load())!;
    const office = { context: { requirements: { isSetSupported: (set: string, v: string) => set === "ExcelApi" && Number(v) <= 1.2 } } };
    (globalThis as unknown as { Office?: unknown }).Office = office;
    try {
      const before = fake.stats().undoGroups;
      await port.save(setValue(read, 0, "years", "13"), "en");
      expect(fake.stats().undoGroups).toBe(before + 1);
    } finally {
      delete (globalThis as unknown as { Office?: unknown }).Office;
    }
    const before = fake.stats().undoGroups;
    await port.save(setValue((await port.load())!, 0, "years", "14"), "en");
    expect(fake.stats().undoGroups).toBe(before);
  });
});

describe("the stand-in behaves as Office does", () => {
  test("reading a value before load and sync throws PropertyNotLoaded", async () => {
    await port.save(blankSet("en"), "en");
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItemOrNullObject("IPVALUE").getRange("A1");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(r.values).toEqual([["ipvalue_schema"]]);
    });
  });

  test("entire rows inserted move every cell, formula and table below, grow a table they fall inside, and references follow (not text in quotes)", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject("Sheet1");
      sheet.getRange("A1:B6").formulas = [
        ["a", "b"],
        [1, 2],
        [3, 4],
        ["=A2+B$3", "=SUM(A2:A3)"],
        ["x", "y"],
        [5, 6],
      ];
      sheet.getRange("A5:B6").numberFormat = [
        [PERCENT_FORMAT, "General"],
        ["General", "General"],
      ];
      sheet.tables.add(sheet.getRange("A5:B6"), true).name = "Below";
      sheet.tables.add(sheet.getRange("D1:E4"), true).name = "Across";
      sheet.getRange("G1").formulas = [['=A5&"A5"&Sheet1!A6']];
      await context.sync();
      const inserted = sheet.getRangeByIndexes(2, 0, 2, 1).getEntireRow().insert(Excel.InsertShiftDirection.down).load("rowIndex,rowCount");
      const tables = sheet.tables.load("items/name");
      await context.sync();
      expect([inserted.rowIndex, inserted.rowCount]).toEqual([2, 2]);
      expect(tables.items.map((t) => t.name)).toEqual(["Below", "Across"]);
    });
    expect(fake.formulas("Sheet1!A1:B8")).toEqual([
      ["a", "b"],
      [1, 2],
      ["", ""],
      ["", ""],
      [3, 4],
      ["=A2+B$5", "=SUM(A2:A5)"],
      ["x", "y"],
      [5, 6],
    ]);
    expect(fake.numberFormat("Sheet1!A7")).toEqual([[PERCENT_FORMAT]]);
    expect(fake.table("Below")!.address).toBe("Sheet1!A7:B8");
    expect(fake.table("Across")!.address).toBe("Sheet1!D1:E6"); // the rows fell inside it: it grew
    expect(fake.formulas("Sheet1!G1")).toEqual([['=A7&"A5"&Sheet1!A8']]);
  });

  test("the offer's term sheet gets its table between the decisions and the assumptions, made in inserted rows", async () => {
    await port.save(exampleSet("medical-device", "en"), "en");
    const read = (await port.load())!;
    await port.save(setOfferTerm(read, "royalty_rate", "3"), "en");
    expect(fake.tableNames()).toEqual([DECISIONS_TABLE, ASSUMPTIONS_TABLE, OFFER_TABLE]);
    expect(fake.table(OFFER_TABLE)!.address).toBe("IPVALUE!A12:E13");
    expect(fake.table(ASSUMPTIONS_TABLE)!.address).toMatch(/^IPVALUE!A16:/);
    const more = setOfferTerm(setOfferTerm((await port.load())!, "upfront", "1"), "term_years", "5");
    await port.save(more, "en");
    expect(fake.table(OFFER_TABLE)!.address).toBe("IPVALUE!A12:E15");
    expect(fake.table(ASSUMPTIONS_TABLE)!.address).toMatch(/^IPVALUE!A18:/);
  });

  test("a proxy used after its Excel.run ended is refused", async () => {
    let sheet: Excel.Worksheet | undefined;
    await Excel.run(async (context) => {
      sheet = context.workbook.worksheets.getItemOrNullObject("Sheet1");
      await context.sync();
    });
    expect(() => sheet!.getRange("A1")).toThrow(/proxy used after its Excel.run ended/);
  });

  test("the adapter used every API member the stand-in implements (the stand-in has nothing extra)", () => {
    // Runs last in this file: the suite above exercised every path of the glue.
    expect(fake.used()).toEqual([...fake.IMPLEMENTED].sort());
  });
});

// Keys used above exist (a typo in a test would otherwise pass silently).
test.each(["royalty_rate", "years", "upfront", "market_size", "discount_rate"] as AssumptionKey[])("%s is an assumption key", (k) => {
  expect(KEYS).toContain(k);
});
