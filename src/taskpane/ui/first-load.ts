/**
 * The pane's one first read of the workbook, made by the small entry (Shell) and handed to the editor
 * (App) when its chunk arrives: the read's outcome, and — when the workbook has IPVALUE's tables — a
 * watch started right after it, holding what Excel changed meanwhile, so that an edit made while the
 * editor was loading is not lost and the workbook is not read twice.
 */
// Types only from the engine and the set: the start path does not load them (test/manifest/bundles.test.ts).
import type { Text } from "../../engine";
import { EditError } from "../../model/edit-error";
import type { ScenarioSet } from "../../model/scenario-set";
import type { WorkbookPort } from "./port";

/** What port.load() gave: the stored set (null: none yet), or what it threw. */
export type Loaded = { set: ScenarioSet | null } | { error: unknown };

export const settle = (loading: Promise<ScenarioSet | null>): Promise<Loaded> =>
  loading.then(
    (set) => ({ set }),
    (error: unknown) => ({ error })
  );

type Listener = (result: ScenarioSet | EditError) => void;

/** A watch of the workbook started before its listener is there; the first take() gets it, with the latest change held meanwhile. */
export interface HeldWatch {
  take(onChange: Listener): Promise<() => Promise<void>>;
}

export function holdWatch(port: WorkbookPort): HeldWatch {
  let listener: Listener | null = null;
  let held: { result: ScenarioSet | EditError } | null = null;
  // Each change is the whole re-read set (or why it cannot be read): the latest one is all the editor needs.
  const subscription = port.watch((result) => (listener ? listener(result) : (held = { result })));
  subscription.catch(() => undefined); // reported to the taker, which goes on without watching
  let taken = false;
  return {
    take(onChange) {
      if (taken) return port.watch(onChange);
      taken = true;
      listener = onChange;
      if (held) onChange(held.result);
      held = null;
      return subscription;
    },
  };
}

/** What the shell hands the editor: the first read, the watch begun after it, and the set the user started from on the start view. */
export interface FirstLoad {
  loaded: Loaded;
  watch?: HeldWatch;
  started?: ScenarioSet;
}

/** The pane's first read of the workbook; when the editor will show its tables, their watch begins as soon as it is done. */
export const readFirst = (port: WorkbookPort): Promise<FirstLoad> =>
  settle(port.load()).then((loaded) => ({ loaded, watch: opensEditor(loaded) ? holdWatch(port) : undefined }));

/** A refusal of the tables (what to fix in them), as the port throws it; anything else means no workbook. */
export const isEditError = (x: unknown): x is EditError =>
  x instanceof EditError || (typeof x === "object" && x !== null && "reason" in x && !("scenarios" in x));

/** Whether the editor is needed at once (there is a set, or tables to fix), or the start view comes first. */
export const opensEditor = (loaded: Loaded): boolean => ("set" in loaded ? loaded.set !== null : isEditError(loaded.error));

/** A refusal's reason, or the message of anything else that went wrong. */
export function reasonOf(e: unknown): Text {
  if (e instanceof EditError) return e.reason;
  // A ValuationError's text, or a reason that crossed a chunk: recognised by its shape.
  const holder = e as { reason?: Text; text?: Text } | null;
  for (const r of [holder?.reason, holder?.text]) if (r && typeof r.en === "string" && typeof r.ja === "string") return r;
  const m = e instanceof Error ? e.message : String(e);
  return { en: m, ja: m };
}
