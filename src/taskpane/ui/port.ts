/**
 * What the pane needs from the workbook. The Office.js glue (../workbook.ts) implements it; the UI
 * receives one as a prop and holds no Excel calls itself.
 */
import type { EditError, Language, ScenarioSet } from "../model/scenario-set";

export interface WorkbookPort {
  /** The stored set, or null when the workbook has no IPVALUE sheet yet. */
  load(): Promise<ScenarioSet | null>;
  save(set: ScenarioSet, language: Language): Promise<void>;
  /** Calls back with the re-read set (or why it cannot be read) when the table changes in Excel; resolves to an unsubscribe. */
  watch(onChange: (result: ScenarioSet | EditError) => void): Promise<() => Promise<void>>;
  insertValuationSheet(set: ScenarioSet, language: Language): Promise<void>;
}
