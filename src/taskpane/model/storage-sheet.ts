/**
 * The IPVALUE sheet, where the scenario set is stored: a visible sheet (people without the add-in see
 * and edit the scenarios there, and they travel with the file):
 *
 *   A1 ipvalue_schema | B1 layout version (SCHEMA_VERSION) | C1 a note for people
 *   A2 caption, A3: table IpvalueDecisions   item | value | internal | label   (offer, floor, ceiling, notes,
 *                    band_filter, include_internal)
 *   A10 caption, A11: table IpvalueAssumptions key | label | unit | one column per scenario [| note …]
 *                    one row per assumption key, then the `internal` row
 *
 * Once the offer has a term, its term sheet goes between them, a blank row each side:
 *
 *   A10 blank, A11 caption, A12: table IpvalueOffer key | value | label | unit | source   one row per term
 *   a blank row, then the assumptions caption and table, moved down whole
 *
 * Once a pair of assumptions is correlated, the correlations go between the offer (or the decisions)
 * and the assumptions the same way, a blank row each side:
 *
 *   caption, then table IpvalueCorrelations  key | one column per key; one row per key, 1 on the diagonal
 *
 * exactly the square range IPVALUE.SIMULATE's `correlations` reads (src/model/correlations.ts), so the
 * Simulation sheet passes IpvalueCorrelations[#All]. It grows by a row and a column per new key.
 *
 * The offer table is made by inserting entire sheet rows above the assumptions table's caption, so the
 * assumptions table moves down intact (formulas over it follow, as Excel moves them); when the term
 * sheet outgrows its table and the row below is taken, rows are inserted right below its last row. It
 * shares the offer's internal mark (IpvalueDecisions' offer row): it has no internal column.
 *
 * The assumptions table is exactly what the custom functions read (src/model/table-layout.ts), so
 * =IPVALUE.RANGE(IpvalueAssumptions[#All]) works on it, and =IPVALUE.OFFER(IpvalueAssumptions[#All],
 * IpvalueOffer[#All]) values the term sheet in every scenario. Values stay decimals; rates and shares are only
 * formatted as percentages. Pure: the blocks as written, the schema cells and the migrations between
 * layouts; the Office.js adapter (../office/tables.ts) moves them in and out of Excel.
 */
import { assumptionSpec, keyColumn, normalizeKey, RawValue, Text } from "../../engine";
import type { Language } from "../../model/language";
import { DECISION_KEYS, Decisions, EditError, KEYS, OfferTerm, SCHEMA_VERSION, ScenarioSet, SOURCE_HEADER, sourceColumn } from "../../model/scenario-set";
import { assumptionsTableValues, CellValue, decisionsTableValues, offerTableValues } from "../../model/table-layout";
import { Correlation, correlationsTableValues } from "../../model/correlations";
import { AMOUNT_FORMAT, cellName, forExcel, GENERAL, PERCENT_FORMAT } from "./cells";
import { ASSUMPTIONS_TABLE, CORRELATIONS_TABLE, DECISIONS_TABLE, OFFER_TABLE, SHEET_NAME } from "./table-names";

export { SHEET_NAME, ASSUMPTIONS_TABLE, DECISIONS_TABLE, OFFER_TABLE, CORRELATIONS_TABLE };
/** The correlations table as the Simulation sheet's formula names it. */
export const CORRELATIONS_ALL = `${CORRELATIONS_TABLE}[#All]`;
export const SCHEMA_MARKER = "ipvalue_schema";

/** Where the tables are put when they are created (0-based row and column of the header's first cell). */
export const DECISIONS_AT = { row: 2, column: 0 }; // A3
// A11 (A10 in workbooks saved before the include_internal decision: their decisions table grows by an
// inserted sheet row when that row is first written, so the assumptions table moves down intact).
export const ASSUMPTIONS_AT = { row: 10, column: 0 };

const SCHEMA_NOTE: Text = {
  en: "IPVALUE data — edit values here or in the task pane; keep the table layout",
  ja: "IPVALUEのデータ — 値はここでも作業ウィンドウでも編集できます（表の形は保ってください）",
};
const DECISIONS_CAPTION: Text = { en: "Licensing committee decisions", ja: "ライセンス委員会の決定事項" };
export const OFFER_CAPTION: Text = {
  en: "The committee's offer: its term sheet (rates are decimals shown as %; a blank value is not fixed yet). Value it with =IPVALUE.OFFER(IpvalueAssumptions[#All], IpvalueOffer[#All])",
  ja: "委員会の提示条件の表（率は小数。%表示。空欄の値は未確定）。=IPVALUE.OFFER(IpvalueAssumptions[#All], IpvalueOffer[#All]) で評価できます",
};
export const CORRELATIONS_CAPTION: Text = {
  en: "Rank correlations between assumptions that vary (−1 to 1; blank = 0), as =IPVALUE.SIMULATE(IpvalueAssumptions[#All],,,,,,,,IpvalueCorrelations[#All]) reads them",
  ja: "変動する前提条件の間の順位相関（−1～1。空欄は 0）。=IPVALUE.SIMULATE(IpvalueAssumptions[#All],,,,,,,,IpvalueCorrelations[#All]) がこの形で読みます",
};
const ASSUMPTIONS_CAPTION: Text = {
  en: "Assumptions: one column per scenario (rates and shares are decimals shown as %)",
  ja: "前提条件：シナリオごとに1列（率・シェアは小数。%表示）",
};

/** The schema cells (A1:C1): the marker, the layout version and a note for people. */
export const SCHEMA_CELLS = "A1:C1";
export const schemaRow = (language: Language): CellValue[][] => [[SCHEMA_MARKER, SCHEMA_VERSION, SCHEMA_NOTE[language]]];

/** The assumptions table as the formulas over it name it. */
export const ASSUMPTIONS_ALL = `${ASSUMPTIONS_TABLE}[#All]`;
/** A decision read live from the decisions table ("" while none is set). */
export const decisionFormula = (key: string) => {
  const at = `INDEX(${DECISIONS_TABLE}[value],MATCH("${key}",${DECISIONS_TABLE}[item],0))`;
  return `=IF(${at}="","",${at})`;
};

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
  const sourceAt = previous && previous.length > 0 ? sourceColumn(previous[0]) : -1;
  const notes = previous ? noteColumns(previous).filter((n) => sourceAt < 0 || n.header !== String(previous[0][sourceAt]).trim()) : [];
  // The sources, in the column the user had for them (its header kept), else one IPVALUE adds.
  if (sourceAt >= 0 || Object.keys(set.sources ?? {}).length > 0) {
    values[0].push(sourceAt >= 0 ? String(previous![0][sourceAt]).trim() : SOURCE_HEADER[language]);
    for (let r = 1; r < values.length; r++) values[r].push(set.sources?.[String(values[r][0]) as (typeof KEYS)[number]] ?? "");
  }
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
  const keyCol = keyColumn(header);
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

/** The term sheet as written when its table is created (a table needs one row under its header). */
export function offerBlock(terms: readonly OfferTerm[], language: Language): Block {
  const values = offerTableValues(terms, language);
  if (values.length === 1) values.push(values[0].map(() => ""));
  const numberFormat = values.map((row, r) => row.map((_, c) => (r > 0 && c === 1 ? formatFor(String(row[0])) : GENERAL)));
  return { values: values.map((row) => row.map(forExcel)), numberFormat };
}

/** The correlations table as written when it is created (pairs given: at least two keys). */
export function correlationsBlock(pairs: readonly Correlation[]): Block {
  const values = correlationsTableValues(pairs);
  return { values: values.map((row) => row.map(forExcel)), numberFormat: values.map((row) => row.map(() => GENERAL)) };
}

/** Rows the correlations table takes when it is created: a blank row, its caption, the table, a blank row. */
export const correlationsRowsNeeded = (pairs: readonly Correlation[]): number => correlationsBlock(pairs).values.length + 3;

/** Rows the offer table takes when it is created: a blank row, its caption, header and terms, a blank row. */
export const offerRowsNeeded = (terms: readonly OfferTerm[]): number => offerBlock(terms, "en").values.length + 3;

export interface StoredTables {
  assumptions: RawValue[][];
  decisions: RawValue[][] | null;
  /** Absent in a workbook saved before the offer had a term sheet (or whose term sheet is empty). */
  offer?: RawValue[][] | null;
  /** Absent in a workbook without correlated assumptions. */
  correlations?: RawValue[][] | null;
}
export type Migration = (tables: StoredTables) => StoredTables;

/** Steps from layout v to v + 1. Layout 1 is the first: nothing to migrate yet. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** Brings tables stored in layout `from` up to layout `to`, one step at a time. */
export function migrate(
  from: number,
  tables: StoredTables,
  steps: Readonly<Record<number, Migration>> = MIGRATIONS,
  to: number = SCHEMA_VERSION
): StoredTables {
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

/** Adds where the table is to a refusal from the model (its row numbers count the header as row 1). */
export function located(e: EditError, table: string, sheet: string, row: number, column: number): EditError {
  const at = `${sheet}!${cellName(row, column)}`;
  return new EditError({
    en: `${e.reason.en} (Table ${table}, header row at ${at}; rows are counted from the header as row 1.)`,
    ja: `${e.reason.ja}（表 ${table}。見出し行は ${at}、行番号は見出しを1行目として数えます。）`,
  });
}

/** Where a table is created, under its caption, and the block it holds (given what it held before, if it exists). */
export interface Placement {
  name: string;
  at: { row: number; column: number };
  caption: string;
  block: (previous?: RawValue[][]) => Block;
}

/**
 * The two tables of the IPVALUE sheet, decisions first; the assumptions at ASSUMPTIONS_AT, or lower when
 * the decisions table has an optional row (band_spread) and would reach its caption.
 */
export function placements(set: ScenarioSet, language: Language): Placement[] {
  const decisions = decisionsBlock(set.decisions, language);
  const assumptionsAt = { ...ASSUMPTIONS_AT, row: Math.max(ASSUMPTIONS_AT.row, DECISIONS_AT.row + decisions.values.length + 1) };
  return [
    { name: DECISIONS_TABLE, at: DECISIONS_AT, caption: DECISIONS_CAPTION[language], block: () => decisions },
    { name: ASSUMPTIONS_TABLE, at: assumptionsAt, caption: ASSUMPTIONS_CAPTION[language], block: (previous) => assumptionsBlock(set, language, previous) },
  ];
}

/** Two sets that lay out the same tables are the same for the workbook. */
export function fingerprint(x: ScenarioSet | EditError): string {
  if (x instanceof EditError) return `error:${x.reason.en}`;
  return JSON.stringify([
    assumptionsTableValues(x, "en"),
    decisionsTableValues(x.decisions, "en"),
    offerTableValues(x.decisions, "en"),
    x.sources ?? {},
    x.correlations ?? [],
  ]);
}
