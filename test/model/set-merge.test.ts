/** The changes between scenario sets and the three-way merge (src/model/set-merge.ts), on plain sets. */
import {
  addScenario,
  deleteScenario,
  duplicateScenario,
  moveScenario,
  removeOfferTerm,
  renameScenario,
  ScenarioSet,
  setNotes,
  setOfferTerm,
  setValue,
} from "../../src/model/scenario-set";
import type { Correlation } from "../../src/model/correlations";
import { emptyHistory, record, redo, undo } from "../../src/model/history";
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

describe("the offer's term sheet merges term by term", () => {
  const withSheet = setOfferTerm(setOfferTerm(base, "royalty_rate", "3"), "upfront", "1000000");
  const keys = (s: ScenarioSet) => s.decisions.terms.map((t) => [t.key, t.value]);

  test("adds, removals, values, sources and the order are changes; applied to the base they give the pane's sheet", () => {
    const three = setOfferTerm(withSheet, "term_years", "10");
    let next = setOfferTerm(removeOfferTerm(three, "term_years"), "equity_share", "5");
    next = {
      ...next,
      decisions: { ...next.decisions, terms: [...next.decisions.terms].reverse().map((t) => (t.key === "royalty_rate" ? { ...t, source: "METI" } : t)) },
    };
    expect(next.decisions.terms.map((t) => t.key)).toEqual(["equity_share", "upfront", "royalty_rate"]);
    const changes = diffSets(three, next);
    expect(changes.map((c) => c.kind)).toEqual(["termRemove", "termAdd", "term", "termOrder"]);
    expect(applyChanges(three, changes).set.decisions.terms).toEqual(next.decisions.terms);
    expect(sameSet(three, next)).toBe(false);
    expect(sameSet(three, three)).toBe(true);
  });

  test("different terms changed on each side both survive; the same term's value keeps the workbook's and says so in en and ja", () => {
    const mine = setOfferTerm(setOfferTerm(withSheet, "royalty_rate", "5"), "term_years", "10");
    const theirs = setOfferTerm(setOfferTerm(withSheet, "royalty_rate", "7"), "upfront", "2000000");
    const m = mergeSets(withSheet, mine, theirs);
    expect(keys(m.set)).toEqual([
      ["royalty_rate", 0.07],
      ["upfront", 2000000],
      ["term_years", 10],
    ]);
    expect(m.kept.map((k) => k.text.en)).toEqual(["Offer term Royalty rate: kept 7% typed in the workbook (not 5%)."]);
    expect(m.kept[0].text.ja).toBe("提示条件 ロイヤルティ料率：ブックに入力された 7% を残しました（5% ではなく）。");
  });

  test("a term the workbook added meanwhile stays when the pane saves; a term both added differently keeps the workbook's", () => {
    const theirs = setOfferTerm(withSheet, "equity_share", "5");
    const mine = setOfferTerm(setOfferTerm(withSheet, "upfront", "3000000"), "equity_share", "8");
    const m = mergeSets(withSheet, mine, theirs);
    expect(m.set.decisions.terms.map((t) => `${t.key}=${t.value}`)).toEqual(["royalty_rate=0.03", "upfront=3000000", "equity_share=0.05"]);
    expect(m.kept.map((k) => k.text.en)).toEqual(["Offer term Equity received: kept 5%, added in the workbook meanwhile (not 8%)."]);
  });

  test("a term the pane removed but the workbook changed is kept; a value for a term the workbook removed is not saved; both said", () => {
    const mine = setOfferTerm(removeOfferTerm(withSheet, "royalty_rate"), "upfront", "9");
    const theirs = removeOfferTerm(setOfferTerm(withSheet, "royalty_rate", "4"), "upfront");
    const m = mergeSets(withSheet, mine, theirs);
    expect(keys(m.set)).toEqual([["royalty_rate", 0.04]]);
    expect(m.kept.map((k) => k.text.en)).toEqual([
      "Offer term Royalty rate: kept, it was changed in the workbook meanwhile.",
      "Offer term Upfront fee: not saved, the term was taken off the offer in the workbook meanwhile.",
    ]);
  });
});

describe("the correlations merge pair by pair, beside the cells", () => {
  const pair = (value: number): Correlation[] => [{ a: "market_size", b: "peak_share", value }];
  const withPairs = (set: ScenarioSet, pairs: Correlation[]): ScenarioSet => ({ ...set, correlations: pairs });

  test("a pair the pane changed while its previous save was on its way survives the rebase onto the saved set (it went back to the saved value)", () => {
    const saving = withPairs(base, pair(0.5)); // on its way to the workbook
    const typed = withPairs(base, pair(0.6)); // entered meanwhile
    const saved = withPairs(base, pair(0.5)); // what the workbook holds once the first save is done
    const m = mergeSets(saving, typed, saved);
    expect(m.set.correlations).toEqual(pair(0.6));
    expect(m.kept).toEqual([]);
    expect(sameSet(m.set, typed)).toBe(true);
  });

  test("sameSet tells sets apart by their correlations; a pair removed leaves no table", () => {
    expect(sameSet(withPairs(base, pair(0.5)), withPairs(base, pair(0.6)))).toBe(false);
    expect(sameSet(withPairs(base, []), base)).toBe(true);
    const removed = mergeSets(withPairs(base, pair(0.5)), withPairs(base, []), withPairs(base, pair(0.5)));
    expect(removed.set.correlations).toBeUndefined();
  });

  test("a pair the workbook changed too keeps the workbook's value and says so in en and ja; the workbook's other pairs stay", () => {
    const other: Correlation = { a: "market_size", b: "success_probability", value: -0.2 };
    const m = mergeSets(withPairs(base, pair(0.5)), withPairs(base, pair(0.7)), withPairs(base, [...pair(0.2), other]));
    expect(m.set.correlations).toEqual([...pair(0.2), other]);
    expect(m.kept.map((k) => k.text.en)).toEqual([expect.stringMatching(/market_size ↔ peak_share .*workbook's value is kept/)]);
    expect(m.kept[0].text.ja).toMatch(/ブックの値を残しました/);
  });

  test("undo of a correlation edit gives the pair its value before, redo the value after", () => {
    const [before, after] = [withPairs(base, pair(0.5)), withPairs(base, pair(0.6))];
    const back = undo(record(emptyHistory, before, after), after)!;
    expect(back.set.correlations).toEqual(pair(0.5));
    expect(redo(back.history, back.set)!.set.correlations).toEqual(pair(0.6));
  });
});
