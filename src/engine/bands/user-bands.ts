/**
 * Reading a user-bands range: the user's own bands (past deals, a database export) in the layout
 * BANDS spills. They extend the built-in set or override a built-in band with the same key.
 */
import { isBlank } from "../cells";
import { describeCellIn, excerptText, invalidValue, phrase, quoted, wordList } from "../errors";
import {
  BAND_COLUMNS,
  BAND_UNITS,
  Band,
  BandColumn,
  BandUnit,
  EXCLUSIVITY_TYPES,
  LICENSEE_TYPES,
  RawCell,
  REGULATORY_PATHS,
  RIGHT_TYPES,
  canonical,
  isShareUnit,
  norm,
} from "./vocabulary";

function text(v: RawCell): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return typeof v === "string" ? v.trim() : String(v).trim();
}

// Cut at 30 characters, as the custom functions' describe: the format existing messages use.

/**
 * Headers a user range may carry besides the band columns: ignored, like blank headers. `internal` is the
 * pane's mark on the office's own comparables (the IpvalueUserBands table), not a band's property.
 */
const IGNORED_USER_HEADERS = new Set(["note", "notes", "comment", "comments", "memo", "備考", "internal"]);

/**
 * Reads the user's bands: a header row with the column names BANDS spills (any order; key and low
 * required, the rest optional), then one band per row. Blank rows are skipped. The origin column is
 * ignored (every band read here is "user"). Errors name the row and what to fix.
 */
export function parseUserBands(cells: readonly (readonly RawCell[])[], argument = "user_bands"): Band[] {
  const columnsList = wordList(BAND_COLUMNS);
  if (!Array.isArray(cells) || cells.length === 0 || !Array.isArray(cells[0]) || cells[0].length === 0) {
    throw invalidValue("user-bands-shape", { argument, columns: columnsList });
  }
  const width = cells[0].length;
  if (cells.some((r) => !Array.isArray(r) || r.length !== width)) throw invalidValue("rectangular", { argument });
  if (cells.every((r) => r.every(isBlank))) return [];

  const columns = new Map<BandColumn, number>();
  cells[0].forEach((h, c) => {
    if (isBlank(h)) return;
    const name = norm(text(h));
    if (IGNORED_USER_HEADERS.has(name)) return;
    const column = BAND_COLUMNS.find((k) => k === name);
    if (column === undefined) {
      throw invalidValue("user-bands-unknown-column", { argument, column: quoted(text(h)), columns: columnsList });
    }
    if (columns.has(column)) throw invalidValue("user-bands-column-twice", { argument, column });
    columns.set(column, c);
  });
  if (!columns.has("key") || !columns.has("low")) throw invalidValue("user-bands-header", { argument, columns: columnsList });

  const bands: Band[] = [];
  const seen = new Set<string>();
  for (let r = 1; r < cells.length; r++) {
    const row = cells[r];
    if (row.every(isBlank)) continue;
    const cell = (c: BandColumn): RawCell => {
      const i = columns.get(c);
      return i === undefined ? undefined : row[i];
    };
    const key = text(cell("key"));
    if (key === "") throw invalidValue("user-band-key-blank", { argument, row: r + 1 });
    const label = () => phrase("user-band-row", { argument, row: r + 1, key: excerptText(key) });
    if (seen.has(norm(key))) throw invalidValue("user-band-key-twice", { argument, key: excerptText(key) });
    seen.add(norm(key));

    const number = (c: "low" | "high"): number | undefined => {
      const v = cell(c);
      if (isBlank(v)) return undefined;
      if (typeof v !== "number" || !Number.isFinite(v)) throw invalidValue("user-band-not-number", { label: label(), column: c, got: describeCellIn(v) });
      return v;
    };
    const lowIn = number("low");
    const highIn = number("high");
    if (lowIn === undefined && highIn === undefined) throw invalidValue("user-band-low-blank", { label: label() });
    const low = lowIn ?? (highIn as number);
    const high = highIn ?? low;
    if (low > high) throw invalidValue("user-band-low-above-high", { label: label(), low, high });

    const unitText = norm(text(cell("unit")));
    let unit: BandUnit | "" = "";
    if (unitText !== "") {
      const u = BAND_UNITS.find((x) => x === unitText);
      if (u === undefined) throw invalidValue("user-band-unit", { label: label(), units: wordList(BAND_UNITS), got: quoted(text(cell("unit"))) });
      unit = u;
    }
    if (unit !== "" && isShareUnit(unit) && (low < 0 || high > 1)) {
      throw invalidValue("user-band-share", { label: label(), unit, low, high });
    }

    const condition = <T extends string>(c: "right" | "regulatory" | "licensee" | "exclusivity", allowed: readonly T[]): T => {
      const raw = text(cell(c));
      if (raw === "") return "any" as T;
      const v = canonical(raw);
      const found = allowed.find((x) => x === v);
      if (found === undefined) throw invalidValue("user-band-condition", { label: label(), column: c, allowed: wordList(allowed), got: quoted(raw) });
      return found;
    };

    const yearCell = cell("year");
    let year: number | "" = "";
    if (!isBlank(yearCell)) {
      if (typeof yearCell !== "number" || !Number.isInteger(yearCell) || yearCell < 1900 || yearCell > 2200) {
        throw invalidValue("user-band-year", { label: label(), got: describeCellIn(yearCell) });
      }
      year = yearCell;
    }

    bands.push({
      key,
      low,
      high,
      unit,
      currency: text(cell("currency")).toUpperCase(),
      base: text(cell("base")),
      right: condition("right", RIGHT_TYPES),
      regulatory: condition("regulatory", REGULATORY_PATHS),
      licensee: condition("licensee", LICENSEE_TYPES),
      exclusivity: condition("exclusivity", EXCLUSIVITY_TYPES),
      description_en: text(cell("description_en")),
      description_ja: text(cell("description_ja")),
      source: text(cell("source")),
      locator: text(cell("locator")),
      page: text(cell("page")),
      year,
    });
  }
  return bands;
}
