/**
 * Undo against the stand-in: each pane action (a scenario added, an assumption edited, a scenario
 * deleted, a decision changed) is one step, and undoing each in turn puts the workbook's tables back
 * exactly as they were before it (values, number formats, where they are); redo does it again. The
 * history is the pane's own (src/model/history.ts), taken back as changes through the port's save.
 */
import { fake } from "./fake";
import { emptyHistory, History, HISTORY_LIMIT, record, recordSheet, redo, undo } from "../../../src/model/history";
import { addScenario, deleteScenario, ScenarioSet, setDecision, setDecisionInternal, setValue } from "../../../src/model/scenario-set";
import { exampleSet } from "../../../src/taskpane/model/examples";
import { ASSUMPTIONS_TABLE, DECISIONS_TABLE } from "../../../src/taskpane/model/storage-sheet";
import { officeWorkbook } from "../../../src/taskpane/office/workbook";

const tables = () => [fake.table(ASSUMPTIONS_TABLE), fake.table(DECISIONS_TABLE), fake.usedAddress("IPVALUE")];

test("after add, edit, delete scenario and a decision change, undoing each in turn restores the tables exactly; redo does them again", async () => {
  fake.reset();
  const port = officeWorkbook();
  await port.save(exampleSet("drug-candidate", "en"), "en");
  let current = (await port.load())!;
  let history: History = emptyHistory;
  const before: unknown[] = [];
  const after: unknown[] = [];
  const act = async (edit: (s: ScenarioSet) => ScenarioSet) => {
    before.push(tables());
    const next = edit(current);
    history = record(history, current, next);
    current = (await port.save(next, "en", current)).set;
    after.push(tables());
  };
  await act((s) => addScenario(s, "Licensee case"));
  await act((s) => setValue(s, 3, "royalty_rate", "4.5"));
  await act((s) => deleteScenario(s, 1)); // Base, with every value
  await act((s) => setDecisionInternal(setDecision(s, "offer", "300000000"), "offer", false));
  expect(current.scenarios.map((s) => s.name)).toEqual(["Low", "High", "Licensee case"]);

  for (let i = before.length - 1; i >= 0; i--) {
    const moved = undo(history, current)!;
    expect(moved.kept).toEqual([]);
    history = moved.history;
    current = (await port.save(moved.set, "en", current)).set;
    expect(tables()).toEqual(before[i]);
  }
  expect(undo(history, current)).toBeNull();
  expect(current.scenarios.map((s) => s.name)).toEqual(["Low", "Base", "High"]);
  for (let i = 0; i < after.length; i++) {
    const moved = redo(history, current)!;
    history = moved.history;
    current = (await port.save(moved.set, "en", current)).set;
    expect(tables()).toEqual(after[i]);
  }
  expect(redo(history, current)).toBeNull();
});

test("undo keeps what was changed in the grid since: a deleted scenario comes back with its values, and a grid edit elsewhere stays", async () => {
  fake.reset();
  const port = officeWorkbook();
  await port.save(exampleSet("software", "en"), "en");
  const read = (await port.load())!;
  const deleted = deleteScenario(read, 0);
  const history = record(emptyHistory, read, deleted);
  await port.save(deleted, "en", read);
  fake.userEdit("IPVALUE!E12", 123456789); // High's market size, typed in the grid meanwhile
  const read2 = (await port.load())!;
  const moved = undo(history, read2)!;
  const current = (await port.save(moved.set, "en", read2)).set;
  expect(current.scenarios.map((s) => s.name)).toEqual(["Low", "Base", "High"]);
  expect(current.scenarios[0]).toEqual(read.scenarios[0]);
  expect(current.scenarios[2].values.market_size).toBe(123456789);
});

test("the history holds at least 50 steps", () => {
  let set = exampleSet("software", "en");
  let h: History = emptyHistory;
  for (let i = 0; i < 60; i++) {
    const next = setValue(set, 0, "years", String(10 + i));
    h = record(h, set, next);
    set = next;
  }
  expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(50);
  for (let i = 0; i < 60; i++) {
    const moved = undo(h, set)!;
    h = moved.history;
    set = moved.set;
  }
  expect(set.scenarios[0].values.years).toBe(exampleSet("software", "en").scenarios[0].values.years);
});

test("an inserted sheet is a step: undo deletes it (and makes again the IPVALUE sheet it replaced), redo inserts it again; a sheet holding the user's work is not deleted", async () => {
  fake.reset();
  const port = officeWorkbook();
  const set = (await port.save(exampleSet("medical-device", "en"), "en")).set;
  let history: History = emptyHistory;
  const first = await port.insertValuationSheet(set, "en");
  expect(first).toEqual({ name: "Valuation", replaced: false });
  history = recordSheet(history, { sheet: "valuation", ...first });
  expect(history.undo).toHaveLength(1);
  const tablesBefore = tables();

  const moved = undo(history, set)!;
  expect(moved.set).toBe(set); // the tables are not touched
  expect(moved.sheet).toEqual({ step: { kind: "sheet", sheet: "valuation", name: "Valuation", replaced: false }, action: "remove" });
  expect(await port.removeInsertedSheet("Valuation")).toBe(true);
  expect(fake.sheetNames()).not.toContain("Valuation");
  expect(tables()).toEqual(tablesBefore);
  history = moved.history;

  const again = redo(history, set)!;
  expect(again.sheet?.action).toBe("insert");
  await port.insertValuationSheet(set, "en");
  expect(fake.sheetNames()).toContain("Valuation");

  // Inserted over IPVALUE's own sheet: it says so, so that undo makes the earlier one again.
  expect(await port.insertValuationSheet(set, "en")).toEqual({ name: "Valuation", replaced: true });
  // A sheet whose A1 the user overwrote holds her work: not deleted.
  fake.userEdit("Valuation!A1", "My valuation notes");
  expect(await port.removeInsertedSheet("Valuation")).toBe(false);
  expect(fake.values("Valuation!A1")).toEqual([["My valuation notes"]]);
  expect(await port.removeInsertedSheet("No such sheet")).toBe(false);
});
