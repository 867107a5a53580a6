/**
 * A monitoring edit is one step of the pane's undo history: undo hands back the change to take back
 * (after → before) and leaves the scenario set as it is; redo hands the change again; a new edit clears redo.
 */
import { emptyHistory, record, recordMonitoring, redo, undo } from "../../src/model/history";
import { blankSet } from "../../src/model/scenario-set";
import { addReport, emptyMonitoring } from "../../src/taskpane/model/monitoring";

test("undo and redo of a monitoring step give its change, the set untouched", () => {
  const set = blankSet("en");
  const before = emptyMonitoring();
  const after = addReport(before);
  const h = recordMonitoring(record(emptyHistory, set, set), before, after);
  const back = undo(h, set)!;
  expect(back.set).toBe(set);
  expect(back.monitoring).toEqual({ from: after, to: before });
  expect(back.history.redo).toHaveLength(1);
  const again = redo(back.history, set)!;
  expect(again.monitoring).toEqual({ from: before, to: after });
  expect(recordMonitoring(back.history, after, before).redo).toEqual([]);
  // The step before it is a set step: no monitoring change.
  expect(undo(again.history.undo.length === 2 ? { undo: again.history.undo.slice(0, 1), redo: [] } : again.history, set)!.monitoring).toBeUndefined();
});
