/**
 * Which cells of a stored table a save writes: the changes a merge applied (src/model/set-merge.ts)
 * laid onto the table as it is now, wherever the user moved its rows and columns. Only cells whose
 * content changes are written; a formula is never replaced unless the pane edited that value (a cell
 * a structural change moves keeps its formula text); label, unit, note and the user's own columns are
 * kept. A scenario added or deleted inserts or removes one column (the cells right of it move), a
 * missing key or decision row is added at the bottom; a term of the offer is a row of its table (added
 * after its neighbour, removed, moved). Pure: ../office/tables.ts writes the plan.
 */
import { AssumptionKey, assumptionSpec, INTERNAL_KEY, isIgnoredHeader, keyColumn, normalizeKey, planKey, RawValue } from "../../engine";
import type { Language } from "../../model/language";
import { EntryValue, KEYS, OfferTerm, SOURCE_HEADER, sourceColumn } from "../../model/scenario-set";
import type { Change, DecisionCell, DecisionItem } from "../../model/set-merge";
import { CellValue, decisionLabel, INTERNAL_LABEL, UNIT_LABELS } from "../../model/table-layout";
import { Correlation, CORRELATIONS_CORNER, correlatedKeys, pairKeys } from "../../model/correlations";
import { AMOUNT_FORMAT, forExcel, GENERAL, PERCENT_FORMAT } from "./cells";

/** A table as read: values (computed), formulas (the text behind each cell) and number formats, header row first. */
export interface Grid {
  values: RawValue[][];
  formulas: unknown[][];
  numberFormat: string[][];
}

export interface CellWrite {
  row: number;
  column: number;
  /** What to put in the cell through Range.formulas: a formula's text, or a constant as Excel must receive it. */
  input: CellValue;
  numberFormat?: string;
}

/** The table's new size and the cells to write (0-based, relative to its top-left cell). */
export interface TablePlan {
  rows: number;
  columns: number;
  writes: CellWrite[];
  /** The header row after the plan: header cells are written together, as Excel keeps headers unique at every write. */
  header: CellValue[];
}

interface Cell {
  input: CellValue;
  nf: string;
}

const isFormula = (f: unknown): f is string => typeof f === "string" && f.startsWith("=");

/** What writing a cell back as it is takes: its formula, or its value (texts kept as texts). */
function inputOf(value: RawValue, formula: unknown): CellValue {
  if (isFormula(formula)) return formula;
  if (value === null || value === undefined) return "";
  return forExcel(value as CellValue);
}

export function formatFor(key: string): string {
  if (!(KEYS as readonly string[]).includes(key)) return GENERAL;
  const unit = assumptionSpec(key as AssumptionKey).unit;
  if (unit === "rate" || unit === "share") return PERCENT_FORMAT;
  if (unit === "currency" || unit === "currency_per_year") return AMOUNT_FORMAT;
  return GENERAL;
}

function cellsOf(grid: Grid): Cell[][] {
  return grid.values.map((row, r) => row.map((v, c) => ({ input: inputOf(v, grid.formulas[r]?.[c]), nf: grid.numberFormat[r]?.[c] ?? GENERAL })));
}

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());
const fold = (v: unknown) => text(v).toLowerCase();

/** Compares the target cells with the table as it is: what to write, and the new size. */
function planOf(grid: Grid, target: Cell[][]): TablePlan {
  const before = cellsOf(grid);
  const writes: CellWrite[] = [];
  target.forEach((row, r) =>
    row.forEach((cell, c) => {
      const old = before[r]?.[c];
      const input = old === undefined || old.input !== cell.input ? cell.input : undefined;
      const nf = old === undefined ? (cell.nf !== GENERAL ? cell.nf : undefined) : old.nf !== cell.nf ? cell.nf : undefined;
      if (input === undefined && nf === undefined) return;
      if (old === undefined && cell.input === "" && nf === undefined) return;
      writes.push({ row: r, column: c, input: input ?? cell.input, ...(nf !== undefined ? { numberFormat: nf } : {}) });
    })
  );
  return { rows: target.length, columns: target[0]?.length ?? 0, writes, header: target[0].map((c) => c.input) };
}

const valueInput = (v: EntryValue): CellValue => (v === undefined ? "" : forExcel(v));

/** The assumptions table after `changes` (renames, deletes, adds, values, internal marks, the order). */
export function planAssumptions(grid: Grid, changes: readonly Change[], language: Language): TablePlan {
  const t = cellsOf(grid);
  const width = () => t[0].length;
  const headers = grid.values[0].map(text);
  // The key column as the reader finds it (a table that was read has one).
  const keyCol = Math.max(0, keyColumn(headers));
  const labelCol = headers.findIndex((h) => ["label", "labels"].includes(h.toLowerCase()));
  const unitCol = headers.findIndex((h) => ["unit", "units"].includes(h.toLowerCase()));
  // The columns' identities, moved along with the cells: a scenario's name, or null for any other column.
  const scenarioOf: (string | null)[] = headers.map((h, c) => (c === keyCol || h === "" || isIgnoredHeader(h) ? null : h));
  const colOf = (name: string) => scenarioOf.findIndex((s) => s !== null && s.toLowerCase() === name.trim().toLowerCase());
  const keyRows = new Map<string, number>();
  t.forEach((row, r) => {
    if (r === 0) return;
    const k = text(grid.values[r]?.[keyCol]);
    if (k !== "") keyRows.set(normalizeKey(k), r);
  });
  const blank = (): Cell => ({ input: "", nf: GENERAL });
  const ensureRow = (key: string): number => {
    const found = keyRows.get(key);
    if (found !== undefined) return found;
    const row = Array.from({ length: width() }, blank);
    row[keyCol] = { input: key, nf: GENERAL };
    const isInternal = key === INTERNAL_KEY;
    const spec = isInternal ? null : assumptionSpec(key as AssumptionKey);
    if (labelCol >= 0) row[labelCol] = { input: forExcel(spec ? spec.label[language] : INTERNAL_LABEL[language]), nf: GENERAL };
    if (unitCol >= 0) row[unitCol] = { input: forExcel(spec ? UNIT_LABELS[spec.unit][language] : "TRUE / FALSE"), nf: GENERAL };
    scenarioOf.forEach((s, c) => {
      if (s !== null) row[c] = { input: isInternal ? false : "", nf: formatFor(key) };
    });
    t.push(row);
    keyRows.set(key, t.length - 1);
    return t.length - 1;
  };

  for (const c of changes) {
    switch (c.kind) {
      case "rename": {
        const col = colOf(c.from);
        if (col < 0) break;
        t[0][col] = { ...t[0][col], input: forExcel(c.to) };
        scenarioOf[col] = c.to;
        break;
      }
      case "delete": {
        const col = colOf(c.scenario.name);
        if (col < 0) break;
        for (const row of t) row.splice(col, 1);
        scenarioOf.splice(col, 1);
        break;
      }
      case "add": {
        const cols = scenarioOf.map((s, i) => (s === null ? -1 : i)).filter((i) => i >= 0);
        const after = c.after === null ? -1 : colOf(c.after);
        const at =
          c.after === null
            ? cols.length > 0
              ? cols[0]
              : Math.max(keyCol, labelCol, unitCol) + 1
            : after >= 0
              ? after + 1
              : cols.length > 0
                ? cols[cols.length - 1] + 1
                : Math.max(keyCol, labelCol, unitCol) + 1;
        const fresh: Cell[] = t.map((_, r) => {
          if (r === 0) return { input: forExcel(c.scenario.name), nf: GENERAL };
          const k = text(grid.values[r]?.[keyCol]);
          const key = k === "" ? "" : normalizeKey(k);
          if (key === INTERNAL_KEY) return { input: c.scenario.internal, nf: GENERAL };
          if ((KEYS as readonly string[]).includes(key)) return { input: valueInput(c.scenario.values[key as AssumptionKey]), nf: formatFor(key) };
          // A yearly plan row: the added scenario's own figure (a duplicate carries the original's plan).
          const plan = key === "" ? null : planKey(key);
          const figure = plan ? c.scenario.series?.[plan.series]?.[plan.year - 1] : undefined;
          if (figure !== undefined && figure !== null && figure !== "") return { input: forExcel(figure as CellValue), nf: AMOUNT_FORMAT };
          return blank();
        });
        t.forEach((row, r) => row.splice(at, 0, fresh[r]));
        scenarioOf.splice(at, 0, c.scenario.name);
        // Values of keys the table has no row for yet, and its internal mark.
        for (const key of KEYS) {
          const v = c.scenario.values[key];
          if (v === undefined) continue;
          const r = ensureRow(key);
          t[r][at] = { input: valueInput(v), nf: t[r][at].nf === GENERAL ? formatFor(key) : t[r][at].nf };
        }
        const ir = ensureRow(INTERNAL_KEY);
        t[ir][at] = { input: c.scenario.internal, nf: GENERAL };
        break;
      }
      case "value":
      case "internal": {
        const col = colOf(c.scenario);
        if (col < 0) break;
        if (c.kind === "value") {
          const r = keyRows.get(c.key) ?? (c.value === undefined ? -1 : ensureRow(c.key));
          if (r >= 0) t[r][col] = { ...t[r][col], input: valueInput(c.value) };
        } else {
          const r = ensureRow(INTERNAL_KEY);
          t[r][col] = { ...t[r][col], input: c.value };
        }
        break;
      }
      case "order": {
        const slots = scenarioOf.map((s, i) => (s === null ? -1 : i)).filter((i) => i >= 0);
        const wanted = c.names.map(colOf).filter((i) => i >= 0);
        const sortedSlots = slots.filter((s) => wanted.includes(s));
        const columns = t.map((row) => [...row]);
        const names = [...scenarioOf];
        sortedSlots.forEach((slot, n) => {
          t.forEach((row, r) => (row[slot] = columns[r][wanted[n]]));
          scenarioOf[slot] = names[wanted[n]];
        });
        break;
      }
      case "source": {
        // The user's own Source/出典/備考/Note column if she has one, else one added at the right end.
        let col = sourceColumn(t[0].map((c) => c.input));
        if (col < 0) {
          if (c.value === "") break;
          t.forEach((row, r) => row.push(r === 0 ? { input: SOURCE_HEADER[language], nf: GENERAL } : blank()));
          scenarioOf.push(null);
          col = width() - 1;
        }
        const r = keyRows.get(c.key) ?? (c.value === "" ? -1 : ensureRow(c.key));
        if (r >= 0) t[r][col] = { input: forExcel(c.value), nf: GENERAL };
        break;
      }
      case "decision":
        break;
    }
  }
  return planOf(grid, t);
}

const DECISION_ROW: Record<DecisionItem, string> = {
  offer: "offer",
  floor: "floor",
  ceiling: "ceiling",
  notes: "notes",
  bands: "band_filter",
  includeInternal: "include_internal",
  bandSpread: "band_spread",
};

function decisionInput(value: DecisionCell): CellValue {
  if (value === null) return "";
  return typeof value === "string" ? forExcel(value) : value;
}

/** The decisions table after the decision changes among `changes`. */
export function planDecisions(grid: Grid, changes: readonly Change[], language: Language): TablePlan {
  const t = cellsOf(grid);
  const header = grid.values[0].map(fold);
  const col = (name: string) => header.indexOf(name);
  const [itemCol, valueCol, internalCol, labelCol] = [col("item"), col("value"), col("internal"), col("label")];
  const rows = new Map<string, number>();
  grid.values.forEach((row, r) => {
    if (r > 0 && fold(row[itemCol]) !== "") rows.set(fold(row[itemCol]), r);
  });
  for (const c of changes) {
    if (c.kind !== "decision") continue;
    const name = DECISION_ROW[c.item];
    let r = rows.get(name);
    if (r === undefined) {
      const row: Cell[] = t[0].map(() => ({ input: "", nf: GENERAL }));
      row[itemCol] = { input: name, nf: GENERAL };
      row[internalCol] = { input: c.item !== "bands" && c.item !== "bandSpread", nf: GENERAL };
      if (labelCol >= 0) row[labelCol] = { input: forExcel(decisionLabel(c.item, language)), nf: GENERAL };
      if (c.item === "includeInternal") row[valueCol] = { input: true, nf: GENERAL };
      else if (c.item !== "notes" && c.item !== "bands" && c.item !== "bandSpread") row[valueCol] = { input: "", nf: AMOUNT_FORMAT };
      t.push(row);
      r = t.length - 1;
      rows.set(name, r);
    }
    const at = c.field === "internal" ? internalCol : valueCol;
    t[r][at] = { ...t[r][at], input: c.field === "internal" ? c.value === true : decisionInput(c.value) };
  }
  return planOf(grid, t);
}

/**
 * The offer table after the term changes among `changes`: rows added after their neighbour (into a
 * blank row left at the end when there is one), removed, moved whole (with the user's own columns);
 * only the value and source cells the pane changed are written. A table keeps one row under its header.
 */
export function planOffer(grid: Grid, changes: readonly Change[], language: Language): TablePlan {
  const t = cellsOf(grid);
  const header = grid.values[0].map(fold);
  const col = (name: string) => header.indexOf(name);
  const [labelCol, unitCol] = [col("label"), col("unit")];
  let sourceCol = col("source");
  const keyOf = (r: number): string => {
    const k = text(t[r][0].input);
    return k === "" ? "" : normalizeKey(k.replace(/^'/, ""));
  };
  const rowOf = (key: string) => t.findIndex((_, r) => r > 0 && keyOf(r) === key);
  const isBlankRow = (r: number) => t[r].every((c) => c.input === "");
  const blank = (): Cell => ({ input: "", nf: GENERAL });
  const fresh = (term: OfferTerm): Cell[] => {
    const spec = assumptionSpec(term.key);
    const row = t[0].map(blank);
    row[0] = { input: term.key, nf: GENERAL };
    row[1] = { input: valueInput(term.value), nf: formatFor(term.key) };
    if (labelCol >= 0) row[labelCol] = { input: forExcel(spec.label[language]), nf: GENERAL };
    if (unitCol >= 0) row[unitCol] = { input: forExcel(UNIT_LABELS[spec.unit][language]), nf: GENERAL };
    if (sourceCol >= 0) row[sourceCol] = { input: forExcel(term.source), nf: GENERAL };
    return row;
  };
  // A source the table has no column for gets one at its right end (never dropped).
  const needSource = changes.some((c) => (c.kind === "termAdd" && c.term.source !== "") || (c.kind === "term" && c.field === "source" && c.value !== ""));
  if (sourceCol < 0 && needSource) {
    t.forEach((row, r) => row.push(r === 0 ? { input: "source", nf: GENERAL } : blank()));
    sourceCol = t[0].length - 1;
  }
  for (const c of changes) {
    switch (c.kind) {
      case "termAdd": {
        if (rowOf(c.term.key) > 0) break;
        const after = c.after === null ? 0 : rowOf(c.after);
        const last = t.reduce((m, _, r) => (r > 0 && !isBlankRow(r) ? r : m), 0);
        if (after < 0 || after >= last) {
          // At the end: into the first blank row after the last term, if the table has one.
          if (last + 1 < t.length) t[last + 1] = fresh(c.term);
          else t.push(fresh(c.term));
        } else t.splice(after + 1, 0, fresh(c.term));
        break;
      }
      case "termRemove": {
        const r = rowOf(c.term.key);
        if (r > 0) t.splice(r, 1);
        break;
      }
      case "term": {
        const r = rowOf(c.key);
        if (r < 0) break;
        const at = c.field === "value" ? 1 : sourceCol;
        if (at < 0) break;
        t[r][at] = { ...t[r][at], input: c.field === "value" ? valueInput(c.value) : forExcel(String(c.value ?? "")) };
        break;
      }
      case "termOrder": {
        const wanted = c.keys.map(rowOf).filter((r) => r > 0);
        const slots = [...wanted].sort((a, b) => a - b);
        const rows = t.map((row) => row);
        slots.forEach((slot, n) => (t[slot] = rows[wanted[n]]));
        break;
      }
      default:
        break;
    }
  }
  if (t.length < 2) t.push(t[0].map(blank));
  return planOf(grid, t);
}

/**
 * The correlations table holding `pairs` (the merge of the pane's and the workbook's): the keys it
 * already has stay in their order, a new key adds a row at the bottom and a column at the right, a key
 * left in no pair goes (unless fewer than two would remain: then the table keeps two keys, blank = 0);
 * a pair's value goes in both of its cells, blank where none. Only cells whose content changes are written.
 */
export function planCorrelations(grid: Grid, pairs: readonly Correlation[]): TablePlan {
  const before = cellsOf(grid);
  const had = grid.values[0]
    .slice(1)
    .map((h) => normalizeKey(text(h)))
    .filter((k) => k !== "") as AssumptionKey[];
  const needed = correlatedKeys(pairs);
  let keys = [...had.filter((k) => needed.includes(k)), ...needed.filter((k) => !had.includes(k))];
  if (keys.length < 2) keys = [...keys, ...had.filter((k) => !keys.includes(k))].slice(0, 2);
  const value = (x: AssumptionKey, y: AssumptionKey): CellValue => {
    if (x === y) return 1;
    const [a, b] = pairKeys(x, y);
    return pairs.find((p) => p.a === a && p.b === b)?.value ?? "";
  };
  const corner = before[0]?.[0]?.input || CORRELATIONS_CORNER;
  const target: Cell[][] = [
    [{ input: corner, nf: GENERAL }, ...keys.map((k) => ({ input: k as CellValue, nf: GENERAL }))],
    ...keys.map((x) => [{ input: x as CellValue, nf: GENERAL }, ...keys.map((y) => ({ input: value(x, y), nf: GENERAL }))]),
  ];
  // A cell the user left blank whose mirror holds the value reads the same: kept blank.
  keys.forEach((x, i) =>
    keys.forEach((y, j) => {
      const old = before[i + 1]?.[j + 1];
      const oldKeyRow = text(grid.values[i + 1]?.[0]);
      const oldKeyCol = text(grid.values[0]?.[j + 1]);
      if (old && old.input === "" && normalizeKey(oldKeyRow) === x && normalizeKey(oldKeyCol) === y && i !== j) {
        const mirror = before[j + 1]?.[i + 1];
        if (mirror && mirror.input === target[j + 1][i + 1].input) target[i + 1][j + 1] = { input: "", nf: old.nf };
      }
    })
  );
  // A formula whose value is already the pair's stays a formula.
  target.forEach((row, r) =>
    row.forEach((cell, c) => {
      const old = before[r]?.[c];
      if (old && isFormula(old.input) && grid.values[r]?.[c] === cell.input) row[c] = old;
    })
  );
  return planOf(grid, target);
}
