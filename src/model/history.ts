/**
 * The pane's own undo and redo: each pane action (an edit, a scenario added, renamed, moved or
 * deleted, a decision, a sheet inserted) is one step. A step is taken back as a change, not by putting an old set
 * back: what the action changed is reversed on the set as it is now (a merge, src/model/set-merge.ts),
 * so edits made since elsewhere, in the grid or in another pane, stay; a deleted scenario always comes
 * back with its values. Pure data: the pane keeps it in state; Excel's own Ctrl+Z (one undo group
 * per save on ExcelApi 1.20) is separate.
 */
import type { ScenarioSet } from "./scenario-set";
import { Kept, mergeSets } from "./set-merge";

export interface SetStep {
  kind: "set";
  before: ScenarioSet;
  after: ScenarioSet;
}

/**
 * A sheet the pane inserted (Valuation or Simulation). Undo deletes it, and makes again the sheet of
 * IPVALUE's it replaced, if any (its formulas are live over the tables, so it is made from the tables
 * as they are); redo inserts it again.
 */
export interface SheetStep {
  kind: "sheet";
  sheet: "valuation" | "simulation";
  /** The sheet's name in the workbook. */
  name: string;
  /** It replaced an earlier sheet of IPVALUE's under that name. */
  replaced: boolean;
  /** What inserting it again needs besides the tables (the Simulation sheet's draws, seed and distribution). */
  request?: unknown;
}

/** An edit of the license monitoring (kept by its panel, stored on a sheet of its own): the panel takes it back. */
export interface MonitoringStep {
  kind: "monitoring";
  before: unknown;
  after: unknown;
}

export type Step = SetStep | SheetStep | MonitoringStep;

export interface History {
  undo: readonly Step[];
  redo: readonly Step[];
}

/** At least 50 steps, as the issue asks; older ones are dropped. */
export const HISTORY_LIMIT = 100;

export const emptyHistory: History = { undo: [], redo: [] };

/** A new pane action: it can be undone, and what was undone before can no longer be redone. */
export function record(h: History, before: ScenarioSet, after: ScenarioSet, limit = HISTORY_LIMIT): History {
  return push(h, { kind: "set", before, after }, limit);
}

/** A sheet inserted by the pane, as a step. */
export function recordSheet(h: History, step: Omit<SheetStep, "kind">, limit = HISTORY_LIMIT): History {
  return push(h, { kind: "sheet", ...step }, limit);
}

/** A monitoring edit, as a step. */
export function recordMonitoring(h: History, before: unknown, after: unknown, limit = HISTORY_LIMIT): History {
  return push(h, { kind: "monitoring", before, after }, limit);
}

function push(h: History, step: Step, limit: number): History {
  return { undo: [...h.undo, step].slice(-limit), redo: [] };
}

export interface Moved {
  history: History;
  set: ScenarioSet;
  kept: Kept[];
  /** For a sheet step, the workbook action that takes it back (undo) or does it again (redo); the set is unchanged. */
  sheet?: { step: SheetStep; action: "remove" | "insert" };
  /** For a monitoring step, the change to lay onto the monitoring as it is now (from → to); the set is unchanged. */
  monitoring?: { from: unknown; to: unknown };
}

/** Takes back the last step on `current`; null when there is nothing to undo. */
export function undo(h: History, current: ScenarioSet): Moved | null {
  const step = h.undo[h.undo.length - 1];
  if (!step) return null;
  const history = { undo: h.undo.slice(0, -1), redo: [...h.redo, step] };
  if (step.kind === "sheet") return { history, set: current, kept: [], sheet: { step, action: "remove" } };
  if (step.kind === "monitoring") return { history, set: current, kept: [], monitoring: { from: step.after, to: step.before } };
  const merge = mergeSets(step.after, step.before, current);
  return { history, set: merge.set, kept: merge.kept };
}

/** Does again the last step undone; null when there is none. */
export function redo(h: History, current: ScenarioSet): Moved | null {
  const step = h.redo[h.redo.length - 1];
  if (!step) return null;
  const history = { undo: [...h.undo, step], redo: h.redo.slice(0, -1) };
  if (step.kind === "sheet") return { history, set: current, kept: [], sheet: { step, action: "insert" } };
  if (step.kind === "monitoring") return { history, set: current, kept: [], monitoring: { from: step.before, to: step.after } };
  const merge = mergeSets(step.before, step.after, current);
  return { history, set: merge.set, kept: merge.kept };
}
