/**
 * The one module of Office.js glue: everything the task pane does to the workbook goes through the
 * WorkbookPort made here, and the UI holds no Excel calls.
 *
 * Where the scenarios live: a visible sheet "IPVALUE" (people without the add-in see and edit the
 * scenarios there, and they travel with the file):
 *
 *   A1 ipvalue_schema | B1 layout version (SCHEMA_VERSION) | C1 a note for people
 *   A2 caption, A3: table IpvalueDecisions   item | value | internal | label   (offer, floor, ceiling, notes)
 *   A9 caption, A10: table IpvalueAssumptions key | label | unit | one column per scenario [| note …]
 *                    one row per assumption key, then the `internal` row
 *
 * The assumptions table is exactly what the custom functions read, so =IPVALUE.RANGE(IpvalueAssumptions[#All])
 * works on it. Values stay decimals; rates and shares are only formatted as percentages.
 *
 * Co-authoring (Microsoft's advice for add-ins): no TableRowCollection.add / TableColumnCollection.add;
 * a save writes the values of the whole block and resizes the table over them (Table.resize), then
 * clears the cells the table no longer covers. Nothing is cached between calls: every load re-reads.
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
import { assumptionSpec, IGNORED_HEADERS, normalizeKey, OUTPUTS, Output, RawValue, Text } from "../engine";
import { DECISION_KEYS, Decisions, EditError, emptyDecisions, KEYS, Language, SCHEMA_VERSION, ScenarioSet } from "./model/scenario-set";
import { assumptionsTableValues, CellValue, decisionLabel, decisionsTableValues, readDecisions, readScenarios } from "./model/table-layout";
import { SIMULATION_SHEET, SIMULATION_SHEET_FALLBACK, simulateSet, SimulationRequest, simulationSheet } from "./model/simulation";

export interface WorkbookPort {
  /** The stored scenario set, or null when the workbook has no IPVALUE sheet yet. Throws EditError (from model/scenario-set) when the stored tables cannot be read, with what to fix. */
  load(): Promise<ScenarioSet | null>;
  /** Writes the whole set (creates the sheet and tables the first time). */
  save(set: ScenarioSet, language: Language): Promise<void>;
  /** Calls back with the re-read set (or the EditError) whenever the user edits either table in the grid; not for the port's own saves. Returns an async unsubscribe. */
  watch(onChange: (result: ScenarioSet | EditError) => void): Promise<() => Promise<void>>;
  /** Adds (or replaces) a "Valuation" sheet with live =IPVALUE.* formulas over the table and a native football-field chart. */
  insertValuationSheet(set: ScenarioSet, language: Language): Promise<void>;
  /** Adds (or replaces) a "Simulation" sheet: live =IPVALUE.SIMULATE and =IPVALUE.SENSITIVITY over the table, the histogram's counts, and native histogram and tornado charts. */
  insertSimulationCharts(set: ScenarioSet, language: Language, request: SimulationRequest): Promise<void>;
  /** Opens an .xlsx (base64) as a new workbook in Excel (Excel.createWorkbook, ExcelApi 1.8); "unsupported" where the host cannot (offer a download instead). */
  openWorkbook(base64: string): Promise<"opened" | "unsupported">;
  /** The workbook's sheet names, in tab order. */
  listSheets(): Promise<string[]>;
  /** Copies each named sheet and replaces, in the copy, every =IPVALUE.* formula with its value (spills included); returns what changed. */
  freezeForSharing(sheetNames: string[]): Promise<FrozenCell[]>;
}

export const SHEET_NAME = "IPVALUE";
export const ASSUMPTIONS_TABLE = "IpvalueAssumptions";
export const DECISIONS_TABLE = "IpvalueDecisions";
export const SCHEMA_MARKER = "ipvalue_schema";
export const VALUATION_SHEET = "Valuation";
/** Used instead when a sheet called Valuation exists that IPVALUE did not make. */
export const VALUATION_SHEET_FALLBACK = "Valuation (IPVALUE)";

/** Where the tables are put when they are created (0-based row and column of the header's first cell). */
export const DECISIONS_AT = { row: 2, column: 0 }; // A3
export const ASSUMPTIONS_AT = { row: 9, column: 0 }; // A10

const SCHEMA_NOTE: Text = {
  en: "IPVALUE data — edit values here or in the task pane; keep the table layout",
  ja: "IPVALUEのデータ — 値はここでも作業ウィンドウでも編集できます（表の形は保ってください）",
};
const DECISIONS_CAPTION: Text = { en: "Licensing committee decisions", ja: "ライセンス委員会の決定事項" };
const ASSUMPTIONS_CAPTION: Text = {
  en: "Assumptions: one column per scenario (rates and shares are decimals shown as %)",
  ja: "前提条件：シナリオごとに1列（率・シェアは小数。%表示）",
};

export const PERCENT_FORMAT = "0.0#%";
export const AMOUNT_FORMAT = "#,##0";
const GENERAL = "General";

// ------------------------------------------------------------------ pure helpers (exported for tests)

/**
 * A string as Excel must receive it to keep it as that text: one that Excel would read as a formula
 * (= + - @), a number, a percentage, a date or TRUE/FALSE gets the apostrophe text prefix, which Excel
 * does not keep in the value.
 */
export function asText(s: string): string {
  const t = s.normalize("NFKC").trim();
  const risky =
    /^[=+\-@']/.test(s) ||
    /^[=+\-@]/.test(t) ||
    /^[-+]?[\d.,]+%?$/.test(t) ||
    /^[-+]?(\d+\.?\d*|\.\d+)e[-+]?\d+$/i.test(t) ||
    /^(true|false)$/i.test(t) ||
    (/\d/.test(t) && /[/:年月日]/.test(t));
  return risky ? `'${s}` : s;
}

const forExcel = (v: CellValue): CellValue => (typeof v === "string" ? asText(v) : v);

export interface Block {
  values: CellValue[][];
  numberFormat: string[][];
}

function formatFor(key: string): string {
  if (!(KEYS as readonly string[]).includes(key)) return GENERAL;
  const unit = assumptionSpec(key as (typeof KEYS)[number]).unit;
  if (unit === "rate" || unit === "share") return PERCENT_FORMAT;
  if (unit === "currency" || unit === "currency_per_year") return AMOUNT_FORMAT;
  return GENERAL;
}

/**
 * The assumptions table as written: the layout the functions read (assumptionsTableValues), plus any
 * note columns the user added by hand to the stored table (`previous`), kept beside the scenarios and
 * matched by row key, so a save from the pane does not wipe them.
 */
export function assumptionsBlock(set: ScenarioSet, language: Language, previous?: readonly (readonly RawValue[])[]): Block {
  const values = assumptionsTableValues(set, language);
  const notes = previous ? noteColumns(previous) : [];
  for (const note of notes) {
    values[0].push(note.header);
    for (let r = 1; r < values.length; r++) values[r].push(note.byKey.get(normalizeKey(String(values[r][0]))) ?? "");
  }
  const numberFormat = values.map((row, r) => {
    const f = r === 0 ? GENERAL : formatFor(String(row[0]));
    return row.map((_, c) => (c >= 3 && c < 3 + set.scenarios.length ? f : GENERAL));
  });
  return { values: values.map((row) => row.map(forExcel)), numberFormat };
}

interface NoteColumn {
  header: string;
  byKey: Map<string, CellValue>;
}

/** Columns headed note/notes in a stored assumptions table (label and unit columns are regenerated). */
export function noteColumns(cells: readonly (readonly RawValue[])[]): NoteColumn[] {
  if (cells.length === 0) return [];
  const header = cells[0].map((h) => (h === null || h === undefined ? "" : String(h).trim()));
  let keyCol = header.findIndex((h) => ["key", "keys", "assumption", "assumptions"].includes(h.toLowerCase()));
  if (keyCol < 0) keyCol = header.findIndex((h) => !IGNORED_HEADERS.has(h.toLowerCase()));
  const out: NoteColumn[] = [];
  header.forEach((h, c) => {
    if (!["note", "notes"].includes(h.toLowerCase()) || keyCol < 0) return;
    const byKey = new Map<string, CellValue>();
    for (const row of cells.slice(1)) {
      const k = row[keyCol];
      const v = row[c];
      if (k === null || k === undefined || String(k).trim() === "" || v === null || v === undefined || v === "") continue;
      byKey.set(normalizeKey(String(k)), v as CellValue);
    }
    out.push({ header: h, byKey });
  });
  return out;
}

export function decisionsBlock(decisions: Decisions, language: Language): Block {
  const values = decisionsTableValues(decisions, language);
  const numberFormat = values.map((row, r) =>
    row.map((_, c) => (r > 0 && c === 1 && (DECISION_KEYS as readonly string[]).includes(String(row[0])) ? AMOUNT_FORMAT : GENERAL))
  );
  return { values: values.map((row) => row.map(forExcel)), numberFormat };
}

export interface StoredTables {
  assumptions: RawValue[][];
  decisions: RawValue[][] | null;
}
export type Migration = (tables: StoredTables) => StoredTables;

/** Steps from layout v to v + 1. Layout 1 is the first: nothing to migrate yet. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** Brings tables stored in layout `from` up to layout `to`, one step at a time. */
export function migrate(from: number, tables: StoredTables, steps: Readonly<Record<number, Migration>> = MIGRATIONS, to: number = SCHEMA_VERSION): StoredTables {
  let t = tables;
  for (let v = from; v < to; v++) {
    const step = steps[v];
    if (!step) throw new Error(`IPVALUE has no migration from layout ${v} to ${v + 1}`);
    t = step(t);
  }
  return t;
}

/** Reads the schema cells (A1:B1 of the IPVALUE sheet); refuses what this version cannot read. */
export function readSchema(cells: readonly (readonly RawValue[])[]): number {
  const [marker, version] = cells[0] ?? [];
  if (typeof marker !== "string" || marker.trim().toLowerCase() !== SCHEMA_MARKER) {
    throw new EditError({
      en: `Cell A1 of the ${SHEET_NAME} sheet must read ${SCHEMA_MARKER}, with the layout version in B1 (${SCHEMA_VERSION}). Put them back (or delete rows inserted above them).`,
      ja: `${SHEET_NAME}シートのA1セルには ${SCHEMA_MARKER}、B1セルには形式の版（${SCHEMA_VERSION}）が必要です。元に戻してください（上に挿入した行があれば削除してください）。`,
    });
  }
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw new EditError({
      en: `Cell B1 of the ${SHEET_NAME} sheet must hold the layout version, a whole number (${SCHEMA_VERSION} for this version of IPVALUE); it holds ${JSON.stringify(version ?? "")}.`,
      ja: `${SHEET_NAME}シートのB1セルには形式の版（整数。このIPVALUEでは${SCHEMA_VERSION}）が必要ですが、${JSON.stringify(version ?? "")} が入っています。`,
    });
  }
  if (version > SCHEMA_VERSION) {
    throw new EditError({
      en: `This workbook was saved by a newer version of IPVALUE (layout ${version}; this version reads up to ${SCHEMA_VERSION}). Update the IPVALUE add-in to edit its scenarios; the formulas keep working.`,
      ja: `このブックは新しい版のIPVALUEで保存されています（形式 ${version}。この版が読めるのは ${SCHEMA_VERSION} まで）。シナリオを編集するにはIPVALUEアドインを更新してください。数式はそのまま使えます。`,
    });
  }
  return version;
}

function cellName(row: number, column: number): string {
  let s = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row + 1}`;
}

/** Adds where the table is to a refusal from the model (its row numbers count the header as row 1). */
function located(e: EditError, table: string, sheet: string, row: number, column: number): EditError {
  const at = `${sheet}!${cellName(row, column)}`;
  return new EditError({
    en: `${e.reason.en} (Table ${table}, header row at ${at}; rows are counted from the header as row 1.)`,
    ja: `${e.reason.ja}（表 ${table}。見出し行は ${at}、行番号は見出しを1行目として数えます。）`,
  });
}

/** Two sets that lay out the same tables are the same for the workbook. */
export function fingerprint(x: ScenarioSet | EditError): string {
  if (x instanceof EditError) return `error:${x.reason.en}`;
  return JSON.stringify([assumptionsTableValues(x, "en"), decisionsTableValues(x.decisions, "en")]);
}

// ------------------------------------------------------------------ reading and writing

async function readStored(): Promise<ScenarioSet | null> {
  return Excel.run(async (context) => {
    const wb = context.workbook;
    const sheet = wb.worksheets.getItemOrNullObject(SHEET_NAME);
    const assumptions = wb.tables.getItemOrNullObject(ASSUMPTIONS_TABLE);
    const decisions = wb.tables.getItemOrNullObject(DECISIONS_TABLE);
    await context.sync();
    if (sheet.isNullObject) {
      if (assumptions.isNullObject) return null;
      const elsewhere = assumptions.worksheet.load("name");
      await context.sync();
      throw new EditError({
        en: `The IPVALUE tables are on a sheet called "${elsewhere.name}": rename it back to ${SHEET_NAME}.`,
        ja: `IPVALUEの表が「${elsewhere.name}」というシートにあります。シート名を ${SHEET_NAME} に戻してください。`,
      });
    }
    const schema = sheet.getRange("A1:B1").load("values");
    const aRange = assumptions.isNullObject ? null : assumptions.getRange().load("values,rowIndex,columnIndex");
    const aSheet = assumptions.isNullObject ? null : assumptions.worksheet.load("name");
    const dRange = decisions.isNullObject ? null : decisions.getRange().load("values,rowIndex,columnIndex");
    await context.sync();

    const version = readSchema(schema.values);
    if (!aRange || !aSheet) {
      throw new EditError({
        en: `The ${SHEET_NAME} sheet has lost its table ${ASSUMPTIONS_TABLE} (the scenarios). Undo the change that removed it (Ctrl+Z), or delete the ${SHEET_NAME} sheet to start again.`,
        ja: `${SHEET_NAME}シートからシナリオの表 ${ASSUMPTIONS_TABLE} がなくなっています。削除した操作を元に戻す（Ctrl+Z）か、${SHEET_NAME}シートを削除して最初からやり直してください。`,
      });
    }
    const tables = migrate(version, { assumptions: aRange.values, decisions: dRange ? dRange.values : null });
    let scenarios;
    try {
      scenarios = readScenarios(tables.assumptions);
    } catch (e) {
      if (e instanceof EditError) throw located(e, ASSUMPTIONS_TABLE, aSheet.name, aRange.rowIndex, aRange.columnIndex);
      throw e;
    }
    let decided = emptyDecisions(); // a deleted decisions table: back to the safe default (internal)
    if (tables.decisions && dRange) {
      try {
        decided = readDecisions(tables.decisions);
      } catch (e) {
        if (e instanceof EditError) throw located(e, DECISIONS_TABLE, SHEET_NAME, dRange.rowIndex, dRange.columnIndex);
        throw e;
      }
    }
    return { schema: SCHEMA_VERSION, scenarios, decisions: decided };
  });
}

interface Placement {
  name: string;
  at: { row: number; column: number };
  caption: string;
  block: (previous?: RawValue[][]) => Block;
}

async function writeStored(set: ScenarioSet, language: Language): Promise<void> {
  const placements: Placement[] = [
    { name: DECISIONS_TABLE, at: DECISIONS_AT, caption: DECISIONS_CAPTION[language], block: () => decisionsBlock(set.decisions, language) },
    { name: ASSUMPTIONS_TABLE, at: ASSUMPTIONS_AT, caption: ASSUMPTIONS_CAPTION[language], block: (previous) => assumptionsBlock(set, language, previous) },
  ];
  await Excel.run(async (context) => {
    const wb = context.workbook;
    const found = wb.worksheets.getItemOrNullObject(SHEET_NAME);
    const tables = placements.map((p) => wb.tables.getItemOrNullObject(p.name));
    await context.sync();
    const sheet = found.isNullObject ? wb.worksheets.add(SHEET_NAME) : found;
    sheet.getRange("A1:C1").values = [[SCHEMA_MARKER, SCHEMA_VERSION, SCHEMA_NOTE[language]]];

    // Existing tables: where they are now (the user may have moved them) and what they hold.
    const existing = tables.map((t) => (t.isNullObject ? null : { table: t, range: t.getRange().load("values,rowIndex,columnIndex,rowCount,columnCount"), sheet: t.worksheet }));
    await context.sync();

    placements.forEach((p, i) => {
      const old = existing[i];
      if (!old) {
        // First time (or the table was removed): write the block, then make it a table over it.
        const { values, numberFormat } = p.block();
        sheet.getRangeByIndexes(p.at.row - 1, p.at.column, 1, 1).values = [[asText(p.caption)]];
        const target = sheet.getRangeByIndexes(p.at.row, p.at.column, values.length, values[0].length);
        target.values = values;
        target.numberFormat = numberFormat;
        const table = sheet.tables.add(target, true);
        table.name = p.name;
        return;
      }
      const { rowIndex, columnIndex, rowCount, columnCount } = old.range;
      const { values, numberFormat } = p.block(old.range.values);
      const rows = values.length;
      const cols = values[0].length;
      const target = old.sheet.getRangeByIndexes(rowIndex, columnIndex, rows, cols);
      if (rows !== rowCount || cols !== columnCount) old.table.resize(target);
      target.values = values;
      target.numberFormat = numberFormat;
      // Cells the table covered before and no longer does: cleared, so nothing stale remains.
      if (columnCount > cols) old.sheet.getRangeByIndexes(rowIndex, columnIndex + cols, rowCount, columnCount - cols).clear();
      if (rowCount > rows) old.sheet.getRangeByIndexes(rowIndex + rows, columnIndex, rowCount - rows, Math.min(cols, columnCount)).clear();
    });
    await context.sync();
  });
}

// ------------------------------------------------------------------ the Valuation sheet

/** The football field's methods, in the order of the chart (the same as the pane's). */
const FIELD_OUTPUTS: readonly Output[] = ["npv", "rnpv", "value_rate25", "value_maxrate"];
const ALL = `${ASSUMPTIONS_TABLE}[#All]`;
const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;
const decisionFormula = (key: string) => {
  const at = `INDEX(${DECISIONS_TABLE}[value],MATCH("${key}",${DECISIONS_TABLE}[item],0))`;
  return `=IF(${at}="","",${at})`;
};

const V: Record<string, Text> = {
  title: { en: "IPVALUE valuation", ja: "IPVALUE 評価" },
  about: {
    en: `Live formulas over the table ${ASSUMPTIONS_TABLE} on the ${SHEET_NAME} sheet: they recalculate when an assumption changes. Run "Insert valuation sheet" again after adding, renaming or deleting scenarios.`,
    ja: `${SHEET_NAME}シートの表 ${ASSUMPTIONS_TABLE} を参照する数式です。前提条件を変えると再計算されます。シナリオを追加・改名・削除したら「評価シートを挿入」をもう一度実行してください。`,
  },
  internal: {
    en: "INTERNAL — holds internal scenarios or committee decisions: not for the counterparty.",
    ja: "社外秘 — 社外秘のシナリオまたは委員会の決定事項を含みます。相手方に共有しないでください。",
  },
  range: { en: "Range across scenarios (low · base · high)", ja: "シナリオ全体の幅（低位・基準・高位）" },
  field: { en: "Football field methods, in money", ja: "フットボールフィールドの各手法（金額）" },
  scenarios: { en: "Scenarios", ja: "シナリオ" },
  scenario: { en: "scenario", ja: "シナリオ" },
  internalMark: { en: "internal", ja: "社外秘" },
  decisions: { en: "Committee decisions", ja: "委員会の決定事項" },
  chartData: { en: "Chart data (helper cells for the chart)", ja: "グラフ用データ（補助セル）" },
  low: { en: "low (hidden)", ja: "低位（非表示）" },
  spread: { en: "low → high", ja: "低位→高位" },
  marker: { en: "decision", ja: "決定事項" },
  width: { en: "Marker width (display only)", ja: "目印の幅（表示用）" },
  chart: { en: "Football field: value to the licensor", ja: "フットボールフィールド：ライセンサーにとっての価値" },
};

/**
 * The sheet's cells, as formulas (text constants carry the apostrophe prefix where needed).
 *
 * Layout: A1 title, A2 what it is, A3 the confidentiality line; A5 caption, A6 =IPVALUE.RANGE over
 * the table (spills A6:D10: rnpv, npv, rate25, maxrate); A12 caption, A13 the money methods
 * (spills A13:D17); A19 the per-scenario block (rnpv and npv of each scenario by name). F5 the
 * committee's decisions read from IpvalueDecisions; F11:I18 the chart's helper cells.
 *
 * The football field is a native stacked bar chart over the helper cells: series 1 is each method's
 * low (no fill, so it only pushes the bar right), series 2 its high − low, so each bar runs from
 * low to high. The helper cells take the numbers from the spilled RANGE with INDEX(A13#, row, col),
 * because a spill's address is not known before Excel calculates. Every method is money and at least
 * 0 (upfront fees and royalties are never negative, and the rates behind value_rate25/value_maxrate
 * are held to 0–100%), so the stacked-bar trick is exact: no negative lows that would stack the wrong way.
 * Offer, floor and ceiling are rows of their own, labelled as such, drawn in series 3 as a thin
 * marker centred on the amount (its width, in G20, is display only: 1/150 of the largest high); a
 * blank decision is #N/A, which Excel does not plot. So the chart shows nothing the numbers do not say.
 */
export function valuationCells(set: ScenarioSet, language: Language): { address: string; formulas: (string | number)[][]; numberFormat?: string }[] {
  const t = (k: keyof typeof V) => asText(V[k][language]);
  const anyInternal = set.scenarios.some((s) => s.internal) || DECISION_KEYS.some((k) => set.decisions[k].internal && set.decisions[k].value !== null);
  const label = (o: Output) => asText(OUTPUTS.find((x) => x.key === o)!.label[language]);
  const n = set.scenarios.length;
  const blocks: { address: string; formulas: (string | number)[][]; numberFormat?: string }[] = [
    { address: "A1:A3", formulas: [[t("title")], [t("about")], [anyInternal ? t("internal") : ""]] },
    { address: "A5", formulas: [[t("range")]] },
    { address: "A6", formulas: [[`=IPVALUE.RANGE(${ALL})`]] },
    { address: "B7:D8", formulas: [["", "", ""], ["", "", ""]], numberFormat: AMOUNT_FORMAT },
    { address: "B9:D10", formulas: [["", "", ""], ["", "", ""]], numberFormat: PERCENT_FORMAT },
    { address: "A12", formulas: [[t("field")]] },
    { address: "A13", formulas: [[`=IPVALUE.RANGE(${ALL},"${FIELD_OUTPUTS.join(",")}")`]] },
    { address: "B14:D17", formulas: Array.from({ length: 4 }, () => ["", "", ""]), numberFormat: AMOUNT_FORMAT },
    { address: "A19", formulas: [[t("scenarios")]] },
    { address: "A20:D20", formulas: [[t("scenario"), "rnpv", "npv", t("internalMark")]] },
    {
      address: `A21:D${20 + n}`,
      formulas: set.scenarios.map((s) => [
        asText(s.name),
        `=IPVALUE.SCENARIO(${ALL},${quoted(s.name)},"rnpv")`,
        `=IPVALUE.SCENARIO(${ALL},${quoted(s.name)},"npv")`,
        s.internal ? t("internalMark") : "",
      ]),
    },
    { address: `B21:C${20 + n}`, formulas: set.scenarios.map(() => ["", ""]), numberFormat: AMOUNT_FORMAT },
    { address: "F5", formulas: [[t("decisions")]] },
    {
      address: "F6:G8",
      formulas: DECISION_KEYS.map((k) => [asText(decisionLabel(k, language)), decisionFormula(k)]),
      numberFormat: AMOUNT_FORMAT,
    },
    { address: "F10", formulas: [[t("chartData")]] },
    {
      address: "F11:I18",
      formulas: [
        ["", t("low"), t("spread"), t("marker")],
        ...FIELD_OUTPUTS.map((o, i) => [label(o), `=INDEX($A$13#,${i + 2},2)`, `=INDEX($A$13#,${i + 2},4)-INDEX($A$13#,${i + 2},2)`, ""]),
        ...DECISION_KEYS.map((k, i) => {
          const v = `$G$${6 + i}`;
          return [asText(decisionLabel(k, language)), `=IF(${v}="",NA(),MAX(0,${v}-$G$20/2))`, "", `=IF(${v}="",NA(),$G$20)`];
        }),
      ],
      numberFormat: AMOUNT_FORMAT,
    },
    { address: "F20:G20", formulas: [[t("width"), "=MAX(INDEX($A$13#,0,4))/150"]], numberFormat: AMOUNT_FORMAT },
  ];
  return blocks;
}

export const CHART_SOURCE = "F11:I18";

async function writeValuationSheet(set: ScenarioSet, language: Language): Promise<void> {
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const names = [VALUATION_SHEET, VALUATION_SHEET_FALLBACK];
    const found = names.map((name) => sheets.getItemOrNullObject(name));
    await context.sync();
    const titles = found.map((s) => (s.isNullObject ? null : s.getRange("A1").load("values")));
    await context.sync();
    // Replace a Valuation sheet IPVALUE made (its A1 starts with IPVALUE); never a sheet of the user's.
    const ours = (i: number) => {
      const v = titles[i]?.values[0][0];
      return typeof v === "string" && v.startsWith("IPVALUE");
    };
    let pick = found.findIndex((s, i) => s.isNullObject || ours(i));
    if (pick < 0) pick = names.length - 1;
    if (!found[pick].isNullObject) found[pick].delete();
    const sheet = sheets.add(names[pick]);

    for (const b of valuationCells(set, language)) {
      const range = sheet.getRange(b.address);
      if (b.numberFormat) range.numberFormat = b.formulas.map((row) => row.map(() => b.numberFormat!));
      if (b.formulas.some((row) => row.some((x) => x !== ""))) range.formulas = b.formulas;
    }

    const chart = sheet.charts.add("BarStacked", sheet.getRange(CHART_SOURCE), "Columns");
    chart.name = "IPVALUE football field";
    chart.title.text = V.chart[language];
    chart.legend.visible = false;
    chart.series.getItemAt(0).format.fill.clear(); // the low: invisible, it only places the bar
    chart.series.getItemAt(1).format.fill.setSolidColor("#2F6FB0"); // low → high
    chart.series.getItemAt(2).format.fill.setSolidColor("#C0392B"); // offer, floor, ceiling markers
    chart.setPosition("K5", "S24");
    sheet.activate();
    await context.sync();
  });
}

/** The Simulation sheet (layout in model/simulation.ts): its cells, a stacked column histogram and a stacked bar tornado. */
async function writeSimulationSheet(set: ScenarioSet, language: Language, request: SimulationRequest): Promise<void> {
  const layout = simulationSheet(simulateSet(set, language, request), set, language, {
    table: ALL,
    floor: decisionFormula("floor").slice(1),
    asText,
    amountFormat: AMOUNT_FORMAT,
    percentFormat: PERCENT_FORMAT,
  });
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const names = [SIMULATION_SHEET, SIMULATION_SHEET_FALLBACK];
    const found = names.map((name) => sheets.getItemOrNullObject(name));
    await context.sync();
    const titles = found.map((s) => (s.isNullObject ? null : s.getRange("A1").load("values")));
    await context.sync();
    // Replace a Simulation sheet IPVALUE made (its A1 starts with IPVALUE); never a sheet of the user's.
    const ours = (i: number) => String(titles[i]?.values[0][0] ?? "").startsWith("IPVALUE");
    let pick = found.findIndex((s, i) => s.isNullObject || ours(i));
    if (pick < 0) pick = names.length - 1;
    if (!found[pick].isNullObject) found[pick].delete();
    const sheet = sheets.add(names[pick]);
    for (const b of layout.blocks) {
      const range = sheet.getRange(b.address);
      if (b.numberFormat) range.numberFormat = b.formulas.map((row) => row.map(() => b.numberFormat!));
      if (b.formulas.some((row) => row.some((x) => x !== ""))) range.formulas = b.formulas;
    }
    const histogram = sheet.charts.add("ColumnStacked", sheet.getRange(layout.histogram.source), "Columns");
    histogram.name = "IPVALUE histogram";
    histogram.title.text = layout.histogram.title;
    histogram.series.getItemAt(0).format.fill.setSolidColor("#8FC7CC"); // draws
    histogram.series.getItemAt(1).format.fill.setSolidColor("#0F6C74"); // the bins holding P10, P50, P90
    histogram.setPosition("R5", "Z22");
    const tornado = sheet.charts.add("BarStacked", sheet.getRange(layout.tornado.source), "Columns");
    tornado.name = "IPVALUE tornado";
    tornado.title.text = layout.tornado.title;
    tornado.series.getItemAt(0).format.fill.setSolidColor("#C0392B"); // below the base value
    tornado.series.getItemAt(1).format.fill.setSolidColor("#2F6FB0"); // above it
    tornado.setPosition("R24", "Z42");
    sheet.activate();
    await context.sync();
  });
}

// ------------------------------------------------------------------ sharing: a new workbook, frozen copies

/** A cell "Freeze for sharing" changed in a copy: its formula, and the value (or, for a spill reference, the formula) now in its place. */
export interface FrozenCell {
  /** The copy's name. */
  sheet: string;
  /** A1 address in the copy (a range for a spilled result). */
  address: string;
  formula: string;
  value: unknown;
  /** "value": an =IPVALUE.* formula replaced by its value; "reference": a reference to its spill (A13#) replaced by the block's address. */
  kind: "value" | "reference";
}

/** A formula that calls an IPVALUE function. */
export const IPVALUE_CALL = /(^|[^A-Za-z0-9_.])IPVALUE\./i;

function a1(row: number, column: number, rows = 1, columns = 1): string {
  const first = cellName(row, column);
  return rows === 1 && columns === 1 ? first : `${first}:${cellName(row + rows - 1, column + columns - 1)}`;
}

/** Where Excel supports it (ExcelApi 1.8, or no requirement information but the function is there). */
function canCreateWorkbook(): boolean {
  if (typeof Excel === "undefined" || typeof Excel.createWorkbook !== "function") return false;
  try {
    const requirements = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
    if (requirements && typeof requirements.isSetSupported === "function") return requirements.isSetSupported("ExcelApi", "1.8");
  } catch {
    // no requirement information (outside Office): the function being there is the answer
  }
  return true;
}

async function openNewWorkbook(base64: string): Promise<"opened" | "unsupported"> {
  if (!canCreateWorkbook()) return "unsupported";
  try {
    await Excel.createWorkbook(base64);
    return "opened";
  } catch {
    return "unsupported"; // a host or policy that refuses it: the pane offers the file as a download
  }
}

async function sheetNames(): Promise<string[]> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    return sheets.items.map((s) => s.name);
  });
}

/**
 * Rewrites references to the spills of frozen anchors (A13#, $A$13#) on the same sheet into the
 * address of the block the spill covered, so formulas over a frozen result keep working.
 */
export function replaceSpillReferences(formula: string, spills: ReadonlyMap<string, string>): string {
  return formula.replace(/(^|[^A-Za-z0-9_!'.])(\$?)([A-Za-z]{1,3})(\$?)(\d+)#/g, (whole, before: string, _d1, letters: string, _d2, digits: string) => {
    const block = spills.get(`${letters.toUpperCase()}${digits}`);
    return block === undefined ? whole : `${before}${block}`;
  });
}

async function freezeSheets(names: readonly string[]): Promise<FrozenCell[]> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const changed: FrozenCell[] = [];
    for (const name of names) {
      const source = sheets.getItemOrNullObject(name);
      await context.sync();
      if (source.isNullObject) {
        throw new EditError({ en: `There is no sheet called "${name}".`, ja: `「${name}」というシートはありません。` });
      }
      const used = source.getUsedRangeOrNullObject().load("formulas,values,rowIndex,columnIndex");
      // The copy's name: "<name> (shared)", made unique.
      const base = name.slice(0, 31 - " (shared 99)".length);
      const candidates = [`${base} (shared)`, ...Array.from({ length: 98 }, (_, i) => `${base} (shared ${i + 2})`)];
      const taken = candidates.map((c) => sheets.getItemOrNullObject(c));
      await context.sync();
      const copyName = candidates[taken.findIndex((t) => t.isNullObject)];
      const copy = source.copy("After", source);
      copy.name = copyName;
      if (used.isNullObject) {
        await context.sync();
        continue;
      }
      // Anchors: cells whose formula calls IPVALUE. Their values come from the source, already calculated.
      const anchors: { row: number; column: number; formula: string; value: unknown; spill: Excel.Range }[] = [];
      used.formulas.forEach((line, i) =>
        line.forEach((f, j) => {
          if (typeof f !== "string" || !f.startsWith("=") || !IPVALUE_CALL.test(f)) return;
          const row = used.rowIndex + i;
          const column = used.columnIndex + j;
          const spill = source.getRangeByIndexes(row, column, 1, 1).getSpillingToRangeOrNullObject().load("values,rowIndex,columnIndex,rowCount,columnCount");
          anchors.push({ row, column, formula: f, value: used.values[i][j], spill });
        })
      );
      await context.sync();
      const spills = new Map<string, string>();
      for (const a of anchors) {
        if (a.spill.isNullObject) {
          copy.getRangeByIndexes(a.row, a.column, 1, 1).values = [[forExcel(a.value as CellValue)]];
          changed.push({ sheet: copyName, address: a1(a.row, a.column), formula: a.formula, value: a.value, kind: "value" });
        } else {
          const { rowIndex, columnIndex, rowCount, columnCount, values } = a.spill;
          copy.getRangeByIndexes(rowIndex, columnIndex, rowCount, columnCount).values = values.map((line) => line.map((v) => forExcel(v as CellValue)));
          const block = a1(rowIndex, columnIndex, rowCount, columnCount);
          spills.set(cellName(a.row, a.column), block.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2"));
          changed.push({ sheet: copyName, address: block, formula: a.formula, value: values, kind: "value" });
        }
      }
      // Formulas over a frozen spill (=INDEX($A$13#,2,2)): pointed at the block's cells instead.
      if (spills.size > 0) {
        used.formulas.forEach((line, i) =>
          line.forEach((f, j) => {
            if (typeof f !== "string" || !f.startsWith("=") || IPVALUE_CALL.test(f)) return;
            const next = replaceSpillReferences(f, spills);
            if (next === f) return;
            const row = used.rowIndex + i;
            const column = used.columnIndex + j;
            copy.getRangeByIndexes(row, column, 1, 1).formulas = [[next]];
            changed.push({ sheet: copyName, address: a1(row, column), formula: f, value: next, kind: "reference" });
          })
        );
      }
      await context.sync();
    }
    return changed;
  });
}

// ------------------------------------------------------------------ the port

export interface WorkbookOptions {
  /** How long to wait after the last change event before re-reading the tables (ms). */
  debounceMs?: number;
}

type Listener = (result: ScenarioSet | EditError) => void;
type Subscription = { tableId: string; result: OfficeExtension.EventHandlerResult<Excel.TableChangedEventArgs> };

class OfficeWorkbook implements WorkbookPort {
  private readonly debounceMs: number;
  private readonly listeners = new Set<Listener>();
  private subscriptions: Subscription[] = [];
  /** What the tables held when the port last read or wrote them: events that change nothing are dropped. */
  private known: string | undefined;
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
      try {
        const set = await readStored();
        this.known = set ? fingerprint(set) : undefined;
        return set;
      } catch (e) {
        if (e instanceof EditError) this.known = fingerprint(e);
        throw e;
      }
    });
  }

  save(set: ScenarioSet, language: Language): Promise<void> {
    return this.serial(async () => {
      await writeStored(set, language);
      this.known = fingerprint(set);
      if (this.listeners.size > 0) await this.attach(); // tables created by this save get handlers too
    });
  }

  async watch(onChange: Listener): Promise<() => Promise<void>> {
    this.listeners.add(onChange);
    await this.serial(() => this.attach());
    return async () => {
      this.listeners.delete(onChange);
      if (this.listeners.size === 0) {
        if (this.timer !== undefined) clearTimeout(this.timer);
        await this.serial(() => this.detach());
      }
    };
  }

  async insertValuationSheet(set: ScenarioSet, language: Language): Promise<void> {
    await this.save(set, language); // the formulas reference the table: make sure it holds this set
    await this.serial(() => writeValuationSheet(set, language));
  }

  async insertSimulationCharts(set: ScenarioSet, language: Language, request: SimulationRequest): Promise<void> {
    await this.save(set, language); // the formulas reference the table: make sure it holds this set
    await this.serial(() => writeSimulationSheet(set, language, request));
  }

  openWorkbook(base64: string): Promise<"opened" | "unsupported"> {
    return openNewWorkbook(base64);
  }

  listSheets(): Promise<string[]> {
    return this.serial(() => sheetNames());
  }

  freezeForSharing(names: string[]): Promise<FrozenCell[]> {
    return this.serial(() => freezeSheets(names));
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

  /** Registers the change handler on each IPVALUE table that does not have it yet. */
  private async attach(): Promise<void> {
    await Excel.run(async (context) => {
      const tables = [ASSUMPTIONS_TABLE, DECISIONS_TABLE].map((name) => context.workbook.tables.getItemOrNullObject(name));
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
        this.subscriptions.push({ tableId: t.id, result: t.onChanged.add(this.onTableChanged) });
      }
      await context.sync();
    });
  }

  private async detach(): Promise<void> {
    const all = this.subscriptions;
    this.subscriptions = [];
    for (const s of all) await removeHandler(s);
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
