/** Merging the user's bands into the built-in ones, and looking up one band by key. */
import { excerptListIn, invalidValue, notAvailable, phrase, quoted, quotedName, wordList } from "../errors";
import { BUILT_IN_BANDS } from "./data";
import { BAND_COLUMNS, BAND_FIELDS, Band, BandField, BandRow, BuiltInBand, FIELD_ALIASES, norm } from "./vocabulary";

/** Drops the seed evidence: what a row shows. */
function publicBand(b: BuiltInBand): Band {
  const { seed: _seed, ...band } = b;
  return band;
}

/**
 * The built-in bands with the user's merged in: a user band with a built-in key (ignoring case)
 * replaces it in place; other user bands follow in their own order.
 */
export function mergeBands(user: readonly Band[] = [], builtIn: readonly BuiltInBand[] = BUILT_IN_BANDS): BandRow[] {
  const byKey = new Map<string, Band>();
  for (const u of user) byKey.set(norm(u.key), u);
  const used = new Set<string>();
  const rows: BandRow[] = builtIn.map((b) => {
    const u = byKey.get(norm(b.key));
    if (u === undefined) return { ...publicBand(b), origin: "built-in" };
    used.add(norm(b.key));
    return { ...u, origin: "user" };
  });
  for (const u of user) if (!used.has(norm(u.key))) rows.push({ ...u, origin: "user" });
  return rows;
}

/**
 * Longest key (typed or a band's) that "did you mean" compares by edit distance: the built-in keys are
 * under 50 characters, and without a cap a 32,767-character key against 1,000 user bands took seconds
 * per recalculation. Longer keys are still suggested when one contains the other.
 */
export const SIMILAR_KEY_CHARS = 64;

/** Work done by similarKeys, for tests and the bench: edit-distance cells computed. */
export interface SimilarKeysWork {
  cells: number;
}

/**
 * Edit distance of a and b when it is at most `limit`, else a number above `limit`: stops at the first
 * row whose every cell is past the limit (distances never decrease down the rows).
 */
function editDistanceWithin(a: string, b: string, limit: number, work?: SimilarKeysWork): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
      if (prev[j] < rowMin) rowMin = prev[j];
    }
    if (work) work.cells += b.length;
    if (rowMin > limit) return limit + 1;
  }
  return prev[b.length];
}

/**
 * Up to three keys close to `key`: containing it, or a few edits away. The edit distance is computed
 * only for keys of at most SIMILAR_KEY_CHARS whose lengths differ by no more than the allowed edits
 * (the distance is at least the difference), so the work per band is bounded whatever the key.
 */
export function similarKeys(rows: readonly BandRow[], key: string, work?: SimilarKeysWork): string[] {
  const k = norm(key);
  if (k === "") return [];
  const limit = Math.max(2, Math.floor(k.length / 4));
  const scored = rows
    .map((r) => {
      const rk = norm(r.key);
      if (rk.includes(k) || k.includes(rk)) return { key: r.key, d: 0 };
      const compared = k.length <= SIMILAR_KEY_CHARS && rk.length <= SIMILAR_KEY_CHARS && Math.abs(rk.length - k.length) <= limit;
      return { key: r.key, d: compared ? editDistanceWithin(rk, k, limit, work) : limit + 1 };
    })
    .filter((s) => s.d <= limit)
    .sort((a, b) => a.d - b.d);
  return scored.slice(0, 3).map((s) => s.key);
}

/** The band with this key (ignoring case and surrounding spaces), or #N/A naming it. */
export function findBand(rows: readonly BandRow[], key: string): BandRow {
  const k = norm(key);
  const found = rows.find((r) => norm(r.key) === k);
  if (found) return found;
  const close = similarKeys(rows, key);
  const hint = close.length > 0 ? phrase("did-you-mean", { keys: excerptListIn(close) }) : "";
  throw notAvailable("no-band-key", { key: quotedName(key.trim(), '"'), hint });
}

/** Reads BAND's field argument; omitted = "range". */
export function parseBandField(field: string | undefined, argument = "field"): BandField {
  if (field === undefined || field.trim() === "") return "range";
  const f = norm(field);
  const found = BAND_FIELDS.find((x) => x === f) ?? FIELD_ALIASES.get(f);
  if (found === undefined) throw invalidValue("one-of", { argument, allowed: wordList(BAND_FIELDS), got: quoted(field) });
  return found;
}

/** One row of the BANDS table, in BAND_COLUMNS order. */
export function bandCells(row: BandRow): (number | string)[] {
  return BAND_COLUMNS.map((c) => row[c]);
}

/** BAND's result: [[low, high]], the whole row, or one cell. */
export function bandResult(row: BandRow, field: BandField): (number | string)[][] {
  if (field === "range") return [[row.low, row.high]];
  if (field === "row") return [bandCells(row)];
  return [[row[field]]];
}
