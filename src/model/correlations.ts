/**
 * The correlations between assumptions that the committee believes (market size ↔ peak share …), kept
 * with the scenarios: pairs of assumption keys with a rank correlation from −1 to 1. In the workbook
 * they are a square table in exactly the layout IPVALUE.SIMULATE's `correlations` argument reads (key |
 * one column per key, one row per key, 1 on the diagonal, symmetric), so the Simulation sheet's formula
 * passes the table itself. A pair left blank in the table is 0 (no correlation), as SIMULATE reads it.
 * Pure conversions; whether a matrix is possible (positive semi-definite) is the engine's check.
 */
import { AssumptionKey, Correlations, isEmptyCell, normalizeKey, parseCorrelationTable, RawValue, ValuationError } from "../engine";
import { EditError, KEYS } from "./scenario-set";
import type { CellValue } from "./table-layout";

/** One pair: `a` before `b` in the assumptions' order, `value` from −1 to 1 and not 0. */
export interface Correlation {
  a: AssumptionKey;
  b: AssumptionKey;
  value: number;
}

export const CORRELATIONS_CORNER = "key";

const order = (k: AssumptionKey) => KEYS.indexOf(k);

/** The pair's two keys in the assumptions' order (so that a pair has one spelling). */
export function pairKeys(x: AssumptionKey, y: AssumptionKey): [AssumptionKey, AssumptionKey] {
  return order(x) <= order(y) ? [x, y] : [y, x];
}

export const pairId = (p: { a: AssumptionKey; b: AssumptionKey }) => `${p.a}|${p.b}`;

/** The keys a list of pairs names, in the assumptions' order. */
export function correlatedKeys(pairs: readonly Correlation[]): AssumptionKey[] {
  const named = new Set(pairs.flatMap((p) => [p.a, p.b]));
  return KEYS.filter((k) => named.has(k));
}

/** The pairs as the engine takes them (SIMULATE's parsed `correlations`); null for none. */
export function toEngineCorrelations(pairs: readonly Correlation[] | undefined): Correlations | null {
  if (!pairs || pairs.length === 0) return null;
  const keys = correlatedKeys(pairs);
  const matrix: number[][] = keys.map((_, i) => keys.map((__, j) => (i === j ? 1 : 0)));
  for (const p of pairs) {
    const [i, j] = [keys.indexOf(p.a), keys.indexOf(p.b)];
    matrix[i][j] = matrix[j][i] = p.value;
  }
  return { keys, matrix };
}

/**
 * The pairs with one pair set (value 0 removes it), sorted in the assumptions' order. Refuses a key
 * paired with itself or a value outside −1..1 (EditError in both languages); whether the whole matrix
 * is possible is checked by the caller against the scenarios (checkCorrelations).
 */
export function withPair(pairs: readonly Correlation[] | undefined, x: AssumptionKey, y: AssumptionKey, value: number): Correlation[] {
  if (x === y) throw new EditError({ en: "Pick two different assumptions to correlate.", ja: "相関を付ける前提条件は2つの異なるものを選んでください。" });
  if (typeof value !== "number" || !Number.isFinite(value) || value < -1 || value > 1) {
    throw new EditError({
      en: `A correlation must be a number from −1 to 1; got ${String(value)}.`,
      ja: `相関係数は −1～1 の数値にしてください（入力値: ${String(value)}）。`,
    });
  }
  const [a, b] = pairKeys(x, y);
  const rest = (pairs ?? []).filter((p) => !(p.a === a && p.b === b));
  const next = value === 0 ? rest : [...rest, { a, b, value }];
  return next.sort((p, q) => order(p.a) - order(q.a) || order(p.b) - order(q.b));
}

/**
 * The correlations table, header row first: the keys named by some pair, in the assumptions' order,
 * across the header and down the first column; 1 on the diagonal; a pair's value in both of its cells;
 * blank where no pair is given. Empty (no table) when there are no pairs.
 */
export function correlationsTableValues(pairs: readonly Correlation[] | undefined): CellValue[][] {
  const keys = correlatedKeys(pairs ?? []);
  if (keys.length === 0) return [];
  const value = (x: AssumptionKey, y: AssumptionKey): CellValue => {
    if (x === y) return 1;
    const [a, b] = pairKeys(x, y);
    return (pairs ?? []).find((p) => p.a === a && p.b === b)?.value ?? "";
  };
  return [[CORRELATIONS_CORNER, ...keys], ...keys.map((x) => [x, ...keys.map((y) => value(x, y))])];
}

/**
 * Reads the table back as SIMULATE reads it (a blank takes its mirror's value, else 0): the pairs not 0.
 * A table SIMULATE would refuse (not square, keys that differ, text, values outside −1..1, asymmetric)
 * is refused with SIMULATE's own words, so the pane never saves over what the user typed.
 */
export function readCorrelations(cells: readonly (readonly RawValue[])[]): Correlation[] {
  const rows = cells.filter((row) => !row.every(isEmptyCell));
  if (rows.length === 0) return [];
  let parsed: Correlations;
  try {
    parsed = parseCorrelationTable(rows, "correlations");
  } catch (e) {
    if (e instanceof ValuationError) throw new EditError({ en: `The correlations table: ${e.in("en")}`, ja: `相関の表：${e.in("ja")}` });
    throw e;
  }
  const unknown = parsed.keys.filter((k) => !(KEYS as readonly string[]).includes(normalizeKey(k)));
  if (unknown.length > 0) {
    throw new EditError({
      en: `The correlations table names ${unknown.join(", ")}, which is not an assumption key.`,
      ja: `相関の表に前提条件のキーではない ${unknown.join("、")} があります。`,
    });
  }
  const out: Correlation[] = [];
  parsed.keys.forEach((x, i) =>
    parsed.keys.forEach((y: AssumptionKey, j) => {
      if (j <= i) return;
      const v = parsed.matrix[i][j];
      if (Math.abs(v - parsed.matrix[j][i]) > 1e-12) {
        throw new EditError({
          en: `The correlations table is not symmetric: ${x}–${y} is ${v} but ${y}–${x} is ${parsed.matrix[j][i]}.`,
          ja: `相関の表が対称ではありません：${x}–${y} は ${v}、${y}–${x} は ${parsed.matrix[j][i]} です。`,
        });
      }
      if (typeof v !== "number" || !Number.isFinite(v) || v < -1 || v > 1) {
        throw new EditError({
          en: `The correlations table: ${x}–${y} must be from −1 to 1; it holds ${v}.`,
          ja: `相関の表：${x}–${y} は −1～1 にしてください（現在の値：${v}）。`,
        });
      }
      const [a, b] = pairKeys(x, y);
      if (v !== 0) out.push({ a, b, value: v });
    })
  );
  return withSorted(out);
}

const withSorted = (pairs: Correlation[]) => pairs.sort((p, q) => order(p.a) - order(q.a) || order(p.b) - order(q.b));

export interface CorrelationsMerge {
  pairs: Correlation[];
  /** Pairs the pane changed that the workbook changed too, meanwhile: the workbook's value is kept. */
  kept: { a: AssumptionKey; b: AssumptionKey; workbook: number; pane: number }[];
}

/**
 * Merges the pane's pairs into the workbook's, pair by pair: a pair the pane changed since `base` takes
 * the pane's value unless the workbook's changed too (then the workbook's stays, and is reported).
 */
export function mergeCorrelations(
  base: readonly Correlation[] | undefined,
  pane: readonly Correlation[] | undefined,
  workbook: readonly Correlation[] | undefined
): CorrelationsMerge {
  const map = (xs: readonly Correlation[] | undefined) => new Map((xs ?? []).map((p) => [pairId(p), p.value]));
  const [b, p, w] = [map(base), map(pane), map(workbook)];
  const out = new Map(w);
  const kept: CorrelationsMerge["kept"] = [];
  for (const id of new Set([...b.keys(), ...p.keys()])) {
    const before = b.get(id) ?? 0;
    const mine = p.get(id) ?? 0;
    if (mine === before) continue;
    const theirs = w.get(id) ?? 0;
    if (theirs !== before && theirs !== mine) {
      const [a, bKey] = id.split("|") as [AssumptionKey, AssumptionKey];
      kept.push({ a, b: bKey, workbook: theirs, pane: mine });
      continue;
    }
    if (mine === 0) out.delete(id);
    else out.set(id, mine);
  }
  const pairs = [...out.entries()].map(([id, value]) => {
    const [a, bKey] = id.split("|") as [AssumptionKey, AssumptionKey];
    return { a, b: bKey, value };
  });
  return { pairs: withSorted(pairs), kept };
}
