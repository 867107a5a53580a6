/**
 * The Office.js adapter: the WorkbookPort (../ui/port.ts) over the global Excel. This folder is the
 * one place of the pane that calls Office: the IPVALUE sheet's tables (tables.ts), the Valuation and
 * Simulation sheets (sheets.ts), sharing (sharing.ts), the monitoring sheet (monitoring.ts), and here
 * the port itself, which runs one workbook operation at a time and turns table change events into
 * re-read sets (and re-read monitoring). As Microsoft's coauthoring guidance asks, nothing read is
 * trusted for long: every change event (the user's, a coauthor's "Remote" one, or the port's own
 * "Local" write) leads to a fresh read a moment later, and only a read that differs from what the port
 * last read or wrote is passed on, so the pane's own saves do not echo back. What the cells hold is
 * pure code in ../model and src/model.
 *
 * Office.js members used (ExcelApi 1.13 for Table.resize; 1.7 for Table.onChanged and
 * getRangeByIndexes; the rest 1.1–1.4). test/browser/fake-excel.js implements exactly these:
 *   Excel.run (with a batch, and with an event handler's context to remove it); RequestContext.sync,
 *   .workbook; Workbook.worksheets, .tables; WorksheetCollection.getItemOrNullObject, .add;
 *   Worksheet.isNullObject, .name, .load, .getRange, .getRangeByIndexes, .tables, .charts, .delete,
 *   .activate; TableCollection.getItemOrNullObject (workbook), .add (worksheet); Table.isNullObject,
 *   .name, .id, .load, .getRange, .worksheet, .resize, .onChanged (EventHandlers.add,
 *   EventHandlerResult.context, .remove); Range.values, .formulas, .numberFormat, .rowIndex,
 *   .columnIndex, .rowCount, .columnCount, .load, .clear; ChartCollection.add; Chart.name, .title
 *   (ChartTitle.text), .legend (ChartLegend.visible), .series (ChartSeriesCollection.getItemAt,
 *   ChartSeries.format, ChartSeriesFormat.fill, ChartFill.clear, .setSolidColor), .setPosition.
 * Sharing: Excel.createWorkbook (1.8); WorksheetCollection.load, .items; Worksheet.copy (1.7), the
 *   .name setter, .getUsedRangeOrNullObject (1.4); Range.isNullObject, .getSpillingToRangeOrNullObject (1.12).
 */
import type { Language } from "../../model/language";
import { EditError } from "../../model/edit-error";
import type { ScenarioSet } from "../../model/scenario-set";
import type { FrozenCell } from "../model/freeze";
import type { SimulationRequest } from "../model/simulation";
import { ASSUMPTIONS_TABLE, DECISIONS_TABLE, OFFER_TABLE, SHEET_NAME } from "../model/table-names";
import type { InsertedSheet, WorkbookPort } from "../ui/port";
import type { Saved } from "./store";
import type { RawValue } from "../../engine";
import type { Monitoring } from "../model/monitoring";
import type { SavedMonitoring } from "./monitoring";
import type { SavedBands, UserBandRow } from "../model/comparables";
import { loadOnce } from "../model/load-once";

// The operations only the editor uses (editor-ops.ts), a chunk of their own, fetched on the first such call.
const ops = loadOnce(() => import(/* webpackChunkName: "workbook-editor" */ "./editor-ops"));
// The tables' read and write with their layout and the engine (store.ts), fetched on the first read of a
// workbook that holds them or on the first save: a workbook without them opens the start view without it.
const store = loadOnce(() => import(/* webpackChunkName: "workbook-store" */ "./store"));

/** Whether the workbook has the IPVALUE sheet or its assumptions table: exactly when readStored has something to read or refuse. */
async function holdsTables(): Promise<boolean> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(SHEET_NAME);
    const assumptions = context.workbook.tables.getItemOrNullObject(ASSUMPTIONS_TABLE);
    await context.sync();
    return !sheet.isNullObject || !assumptions.isNullObject;
  });
}

export interface WorkbookOptions {
  /** How long to wait after the last change event before re-reading the tables (ms). */
  debounceMs?: number;
}

type Listener = (result: ScenarioSet | EditError) => void;
type MonitoringListener = (result: Monitoring | EditError) => void;
type Subscription = { tableId: string; result: OfficeExtension.EventHandlerResult<Excel.TableChangedEventArgs> };

/** A change handler on each of some named tables, kept on the tables that exist now (a table made again gets it again). */
class TableWatch {
  private subscriptions: Subscription[] = [];

  constructor(
    private readonly names: readonly string[],
    private readonly handler: () => Promise<void>
  ) {}

  /** Registers the handler on each table that does not have it yet; drops those of tables gone since. */
  async attach(): Promise<void> {
    await Excel.run(async (context) => {
      const tables = this.names.map((name) => context.workbook.tables.getItemOrNullObject(name));
      await context.sync();
      const present = tables.filter((t) => !t.isNullObject).map((t) => t.load("id"));
      await context.sync();
      const ids = present.map((t) => t.id);
      // Tables deleted since (e.g. recreated by a save) keep no handler of ours.
      const stale = this.subscriptions.filter((s) => !ids.includes(s.tableId));
      this.subscriptions = this.subscriptions.filter((s) => ids.includes(s.tableId));
      for (const s of stale) await removeHandler(s);
      for (const t of present) {
        if (this.subscriptions.some((s) => s.tableId === t.id)) continue;
        this.subscriptions.push({ tableId: t.id, result: t.onChanged.add(this.handler) });
      }
      await context.sync();
    });
  }

  async detach(): Promise<void> {
    const all = this.subscriptions;
    this.subscriptions = [];
    for (const s of all) await removeHandler(s);
  }
}

class OfficeWorkbook implements WorkbookPort {
  private readonly debounceMs: number;
  private readonly listeners = new Set<Listener>();
  private readonly tables = new TableWatch([ASSUMPTIONS_TABLE, DECISIONS_TABLE, OFFER_TABLE], () => this.onTableChanged());
  // The monitoring sheet's tables the pane reads (IpvalueSigned and IpvalueYearly are written by it).
  private readonly monitoringListeners = new Set<MonitoringListener>();
  private monitoringWatch: TableWatch | undefined; // made on the first watchMonitoring (its table names are in the editor's chunk)
  /** The monitoring as the port last read or wrote it (JSON): events that change nothing are dropped. */
  private knownMonitoring: string | undefined;
  private monitoringTimer: ReturnType<typeof setTimeout> | undefined;
  /** What the tables held when the port last read or wrote them: events that change nothing are dropped. */
  private known: string | undefined;
  /** The set the port last gave the pane from load or save: a save's base when the pane names none. */
  private reported: ScenarioSet | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: WorkbookOptions) {
    this.debounceMs = options.debounceMs ?? 150;
  }

  /** One workbook operation at a time, in call order (a re-read never interleaves with a save). */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  load(): Promise<ScenarioSet | null> {
    return this.serial(async () => {
      if (!(await holdsTables())) {
        this.known = undefined;
        this.reported = null;
        return null;
      }
      const { readStored, fingerprint } = await store();
      try {
        const set = await readStored();
        this.known = set ? fingerprint(set) : undefined;
        this.reported = set;
        return set;
      } catch (e) {
        if (e instanceof EditError) this.known = fingerprint(e);
        throw e;
      }
    });
  }

  save(set: ScenarioSet, language: Language, base?: ScenarioSet | null): Promise<Saved> {
    return this.serial(async () => {
      const { saveStored, fingerprint } = await store();
      const saved = await saveStored(base === undefined ? this.reported : base, set, language);
      this.known = fingerprint(saved.set);
      this.reported = saved.set;
      if (this.listeners.size > 0) await this.tables.attach(); // tables created by this save get handlers too
      return saved;
    });
  }

  async watch(onChange: Listener): Promise<() => Promise<void>> {
    this.listeners.add(onChange);
    await this.serial(() => this.tables.attach());
    return async () => {
      this.listeners.delete(onChange);
      if (this.listeners.size === 0) {
        if (this.timer !== undefined) clearTimeout(this.timer);
        await this.serial(() => this.tables.detach());
      }
    };
  }

  async watchMonitoring(onChange: MonitoringListener): Promise<() => Promise<void>> {
    this.monitoringListeners.add(onChange);
    await this.serial(async () => {
      const { SETTINGS_TABLE, REPORTS_TABLE } = await ops();
      this.monitoringWatch ??= new TableWatch([SETTINGS_TABLE, REPORTS_TABLE], () => this.onMonitoringChanged());
      await this.monitoringWatch.attach();
    });
    return async () => {
      this.monitoringListeners.delete(onChange);
      if (this.monitoringListeners.size === 0) {
        if (this.monitoringTimer !== undefined) clearTimeout(this.monitoringTimer);
        await this.serial(async () => this.monitoringWatch?.detach());
      }
    };
  }

  async insertValuationSheet(set: ScenarioSet, language: Language): Promise<InsertedSheet> {
    const saved = await this.save(set, language); // the formulas reference the table: make sure it holds this set
    return this.serial(async () => (await ops()).writeValuationSheet(saved.set, language));
  }

  async insertSimulationCharts(set: ScenarioSet, language: Language, request: SimulationRequest): Promise<InsertedSheet> {
    const saved = await this.save(set, language); // the formulas reference the table: make sure it holds this set
    return this.serial(async () => (await ops()).writeSimulationSheet(saved.set, language, request));
  }

  removeInsertedSheet(name: string): Promise<boolean> {
    return this.serial(async () => (await ops()).removeOwnSheet(name));
  }

  openWorkbook(base64: string): Promise<"opened" | "unsupported"> {
    return ops().then((o) => o.openNewWorkbook(base64));
  }

  loadMonitoring(): Promise<Monitoring> {
    return this.serial(async () => {
      try {
        const m = await (await ops()).readMonitoringSheet();
        this.knownMonitoring = JSON.stringify(m);
        return m;
      } catch (e) {
        if (e instanceof EditError) this.knownMonitoring = JSON.stringify(e.reason);
        throw e;
      }
    });
  }

  saveMonitoring(base: Monitoring, monitoring: Monitoring, signed: readonly [string, RawValue][], language: Language): Promise<SavedMonitoring> {
    return this.serial(async () => {
      const saved = await (await ops()).saveMonitoringSheet(base, monitoring, signed, language);
      this.knownMonitoring = JSON.stringify(saved.monitoring);
      if (this.monitoringListeners.size > 0) await this.monitoringWatch?.attach(); // the sheet made by this save is watched too
      return saved;
    });
  }

  listSheets(): Promise<string[]> {
    return this.serial(async () => (await ops()).sheetNames());
  }

  freezeForSharing(names: string[]): Promise<FrozenCell[]> {
    return this.serial(async () => (await ops()).freezeSheets(names));
  }

  private onMonitoringChanged(): Promise<void> {
    if (this.monitoringTimer !== undefined) clearTimeout(this.monitoringTimer);
    this.monitoringTimer = setTimeout(() => {
      this.monitoringTimer = undefined;
      void this.serial(() => this.recheckMonitoring());
    }, this.debounceMs);
    return Promise.resolve();
  }

  /** Re-reads the monitoring sheet after a change event; passes it on (or why it cannot be read) when it differs from what the port last read or wrote. */
  private async recheckMonitoring(): Promise<void> {
    if (this.monitoringListeners.size === 0) return;
    let result: Monitoring | EditError;
    try {
      result = await (await ops()).readMonitoringSheet();
    } catch (e) {
      result =
        e instanceof EditError
          ? e
          : new EditError({
              en: `IPVALUE could not read the monitoring sheet: ${(e as Error).message}`,
              ja: `管理シートを読めませんでした：${(e as Error).message}`,
            });
    }
    const print = JSON.stringify(result instanceof EditError ? result.reason : result);
    if (print === this.knownMonitoring) return; // the port's own save, or an edit that changed nothing
    this.knownMonitoring = print;
    for (const listener of [...this.monitoringListeners]) listener(result);
  }

  userBandKeys(): Promise<string[]> {
    return this.serial(async () => (await ops()).readUserBandKeys());
  }

  userBands(): Promise<SavedBands> {
    return this.serial(async () => (await ops()).readUserBands());
  }

  addUserBands(rows: readonly UserBandRow[], language: Language): Promise<UserBandRow[]> {
    return this.serial(async () => (await ops()).addUserBands(rows, language));
  }

  private readonly onTableChanged = async (): Promise<void> => {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.serial(() => this.recheck());
    }, this.debounceMs);
  };

  private async recheck(): Promise<void> {
    if (this.listeners.size === 0) return;
    // A change event comes only after a read or a save, which fetched the chunk; should it have failed, nothing to compare with.
    const loaded = await store().catch(() => null);
    if (!loaded) return;
    const { readStored, fingerprint } = loaded;
    let result: ScenarioSet | EditError | null;
    try {
      result = await readStored();
    } catch (e) {
      result =
        e instanceof EditError
          ? e
          : new EditError({ en: `IPVALUE could not read its tables: ${(e as Error).message}`, ja: `IPVALUEの表を読めませんでした：${(e as Error).message}` });
    }
    if (result === null) return; // the sheet is gone: nothing to show until the pane saves again
    const print = fingerprint(result);
    if (print === this.known) return; // the port's own save, or an edit that changed nothing
    this.known = print;
    for (const listener of [...this.listeners]) listener(result);
  }
}

/** Removes an event handler in the context it was added in, as Office requires. */
async function removeHandler(s: Subscription): Promise<void> {
  try {
    await Excel.run(s.result.context, async (context) => {
      s.result.remove();
      await context.sync();
    });
  } catch {
    // The table is gone, and its handler with it.
  }
}

/** The workbook port over the global Excel (Excel.run). */
export function officeWorkbook(options: WorkbookOptions = {}): WorkbookPort {
  return new OfficeWorkbook(options);
}
