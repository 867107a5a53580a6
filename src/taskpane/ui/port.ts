/**
 * What the pane needs from the workbook. The UI receives a WorkbookPort as a prop and holds no Excel
 * calls itself; the Office.js adapter (../office/workbook.ts) implements it.
 */
import type { Language } from "../../model/language";
import type { EditError, ScenarioSet } from "../../model/scenario-set";
import type { FrozenCell } from "../model/freeze";
import type { SimulationRequest } from "../model/simulation";
import type { Kept } from "../../model/set-merge";
import type { RawValue } from "../../engine";
import type { Monitoring } from "../model/monitoring";
import type { SavedMonitoring } from "../office/monitoring";
import type { SavedBands, UserBandRow } from "../model/comparables";

export interface SaveResult {
  /** The tables after the save: the pane's changes merged with the workbook's. */
  set: ScenarioSet;
  /** What the workbook kept against the pane's changes (a cell both changed, a scenario deleted there). */
  kept: Kept[];
}

/** A sheet the pane inserted: its name, and whether it replaced an earlier sheet of IPVALUE's. */
export interface InsertedSheet {
  name: string;
  replaced: boolean;
}

export interface WorkbookPort {
  /** The stored scenario set, or null when the workbook has no IPVALUE sheet yet. Throws EditError (src/model/scenario-set) when the stored tables cannot be read, with what to fix. */
  load(): Promise<ScenarioSet | null>;
  /**
   * Saves what the pane changed from `base` (the set it last got from the workbook; when not given,
   * the last set load or save returned) to `set`: only those cells are written, merged with what the
   * workbook holds now, where the workbook's value wins a cell both changed (the sheet and tables are
   * created the first time). Resolves with the tables as they are after it and what the workbook kept;
   * throws EditError, writing nothing, when the tables cannot be read or come from a newer IPVALUE.
   */
  save(set: ScenarioSet, language: Language, base?: ScenarioSet | null): Promise<SaveResult>;
  /** Calls back with the re-read set (or the EditError) whenever the user edits either table in the grid; not for the port's own saves. Returns an async unsubscribe. */
  watch(onChange: (result: ScenarioSet | EditError) => void): Promise<() => Promise<void>>;
  /** Adds (or replaces) a "Valuation" sheet with live =IPVALUE.* formulas over the table and a native football-field chart. */
  insertValuationSheet(set: ScenarioSet, language: Language): Promise<InsertedSheet>;
  /** Adds (or replaces) a "Simulation" sheet: live =IPVALUE.SIMULATE and =IPVALUE.SENSITIVITY over the table, the histogram's counts, and native histogram and tornado charts. */
  insertSimulationCharts(set: ScenarioSet, language: Language, request: SimulationRequest): Promise<InsertedSheet>;
  /** Deletes a sheet the pane inserted (undo), if it is still there and still IPVALUE's (its A1 says so); false, deleting nothing, when not. */
  removeInsertedSheet(name: string): Promise<boolean>;
  /** Opens an .xlsx (base64) as a new workbook in Excel (Excel.createWorkbook, ExcelApi 1.8); "unsupported" where the host cannot (offer a download instead). */
  openWorkbook(base64: string): Promise<"opened" | "unsupported">;
  /** License monitoring as stored on the "IPVALUE monitoring" sheet (empty when there is none); EditError names a cell that cannot be read. */
  loadMonitoring(): Promise<Monitoring>;
  /** Saves the pane's monitoring changes (from `base`, what it last read) merged with the sheet as it is now, and the signed terms; the sheet is made the first time. */
  saveMonitoring(base: Monitoring, monitoring: Monitoring, signed: readonly [string, RawValue][], language: Language): Promise<SavedMonitoring>;
  /**
   * Calls back with the re-read monitoring (or the EditError naming the cell that cannot be read)
   * whenever its settings or reports table is edited in the grid, by the user or a coauthor; not for
   * the port's own saves. Returns an async unsubscribe.
   */
  watchMonitoring(onChange: (result: Monitoring | EditError) => void): Promise<() => Promise<void>>;
  /** The workbook's sheet names, in tab order. */
  listSheets(): Promise<string[]>;
  /** Copies each named sheet and replaces, in the copy, every =IPVALUE.* formula with its value (spills included); returns what changed. */
  freezeForSharing(sheetNames: string[]): Promise<FrozenCell[]>;
  /** The keys of the office's own bands already in the IpvalueUserBands table (none when there is none). */
  userBandKeys(): Promise<string[]>;
  /** The office's own bands in the IpvalueUserBands table, as BANDS reads them, with their internal marks (none when there is no table). */
  userBands(): Promise<SavedBands>;
  /** Adds bands below the IpvalueUserBands table's last row (the "IPVALUE bands" sheet made the first time); the rows as saved, a key taken meanwhile renumbered. */
  addUserBands(rows: readonly UserBandRow[], language: Language): Promise<UserBandRow[]>;
}
