/** The changes between scenario sets and the three-way merge (src/model/set-merge.ts), on plain sets. */
import { addScenario, deleteScenario, duplicateScenario, moveScenario, renameScenario, setNotes, setValue } from "../../src/model/scenario-set";
import { applyChanges, diffSets, mergeSets, sameSet } from "../../src/model/set-merge";
import { exampleSet } from "../../src/taskpane/model/examples";

const base = exampleSet("software", "en");

test("a rename with nothing else changed is a rename; applied to the base it gives the new set", () => {
  const next = renameScenario(base, 1, "Central");
  expect(diffSets(base, next)).toEqual([{ kind: "rename", from: "Base", to: "Central" }]);
  expect(sameSet(applyChanges(base, diffSets(base, next)).set, next)).toBe(true);
});

test("a duplicate, a move and an edit, applied to the base, give the pane's set", () => {
  const next = setValue(moveScenario(duplicateScenario(base, 0, "en"), 0, 3), 2, "years", "14");
  expect(sameSet(applyChanges(base, diffSets(base, next)).set, next)).toBe(true);
});

test("the workbook's side: a changed header is a delete and an add, never a rename", () => {
  const theirs = renameScenario(base, 1, "Central");
  expect(diffSets(base, theirs, false).map((c) => c.kind)).toEqual(["delete", "add"]);
});

test("edits to different cells both survive; the same cell keeps the workbook's value and says so", () => {
  const mine = setValue(setValue(base, 0, "years", "11"), 1, "royalty_rate", "5");
  const theirs = setValue(setNotes(base, "from the grid"), 1, "royalty_rate", "7");
  const m = mergeSets(base, mine, theirs);
  expect(m.set.scenarios[0].values.years).toBe(11);
  expect(m.set.scenarios[1].values.royalty_rate).toBe(0.07);
  expect(m.set.decisions.notes.text).toBe("from the grid");
  expect(m.kept.map((k) => k.text.en)).toEqual(["Base — Royalty rate: kept 7% typed in the workbook (not 5%)."]);
});

test("a scenario the pane deleted but the workbook edited is kept; one both deleted is gone; an added one lands after its neighbour", () => {
  const mine = addScenario(deleteScenario(deleteScenario(base, 2), 0), "New");
  const theirs = deleteScenario(setValue(base, 0, "upfront", "1"), 2);
  const m = mergeSets(base, mine, theirs);
  expect(m.set.scenarios.map((s) => s.name)).toEqual(["Low", "Base", "New"]);
  expect(m.kept).toHaveLength(1);
});
