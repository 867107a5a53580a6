/**
 * Reading a user-bands range: the user's own bands (past deals, a database export) in the layout
 * BANDS spills. They extend the built-in set or override a built-in band with the same key.
 */
import { isBlank } from "../cells";
import { describeCell, excerptText, invalidValue, quoted } from "../errors";
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

/** Headers a user range may carry besides the band columns: ignored, like blank headers. */
const IGNORED_USER_HEADERS = new Set(["note", "notes", "comment", "comments", "memo", "備考"]);

/**
 * Reads the user's bands: a header row with the column names BANDS spills (any order; key and low
 * required, the rest optional), then one band per row. Blank rows are skipped. The origin column is
 * ignored (every band read here is "user"). Errors name the row and what to fix.
 */
export function parseUserBands(cells: readonly (readonly RawCell[])[], argument = "user_bands"): Band[] {
  const layout = `the header row first (${BAND_COLUMNS.join(", ")}; key and low required), as IPVALUE.BANDS spills it`;
  if (!Array.isArray(cells) || cells.length === 0 || !Array.isArray(cells[0]) || cells[0].length === 0) {
    throw invalidValue(`${argument} must be a range with ${layout}`);
  }
  const width = cells[0].length;
  if (cells.some((r) => !Array.isArray(r) || r.length !== width)) throw invalidValue(`${argument} must be a rectangular range`);
  if (cells.every((r) => r.every(isBlank))) return [];

  const columns = new Map<BandColumn, number>();
  cells[0].forEach((h, c) => {
    if (isBlank(h)) return;
    const name = norm(text(h));
    if (IGNORED_USER_HEADERS.has(name)) return;
    const column = BAND_COLUMNS.find((k) => k === name);
    if (column === undefined) {
      throw invalidValue(
        `${argument}: unknown column ${quoted(text(h))} in the header row; the columns are ${BAND_COLUMNS.join(", ")} (a note column is ignored)`
      );
    }
    if (columns.has(column)) throw invalidValue(`${argument}: the column ${column} appears twice in the header row`);
    columns.set(column, c);
  });
  if (!columns.has("key") || !columns.has("low")) throw invalidValue(`${argument} must have ${layout}`);

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
    const where = `${argument} row ${r + 1}`;
    if (key === "") throw invalidValue(`${where}: the key is blank; give every band a key`);
    const label = `${where} (${excerptText(key)})`;
    if (seen.has(norm(key))) throw invalidValue(`${argument}: the key ${excerptText(key)} appears twice`);
    seen.add(norm(key));

    const number = (c: "low" | "high"): number | undefined => {
      const v = cell(c);
      if (isBlank(v)) return undefined;
      if (typeof v !== "number" || !Number.isFinite(v)) throw invalidValue(`${label}: ${c} must be a number; got ${describeCell(v)}`);
      return v;
    };
    const lowIn = number("low");
    const highIn = number("high");
    if (lowIn === undefined && highIn === undefined) throw invalidValue(`${label}: low is blank; enter the value (and high for a range)`);
    const low = lowIn ?? (highIn as number);
    const high = highIn ?? low;
    if (low > high) throw invalidValue(`${label}: low (${low}) is above high (${high})`);

    const unitText = norm(text(cell("unit")));
    let unit: BandUnit | "" = "";
    if (unitText !== "") {
      const u = BAND_UNITS.find((x) => x === unitText);
      if (u === undefined) throw invalidValue(`${label}: unit must be one of ${BAND_UNITS.join(", ")} (or blank); got ${quoted(text(cell("unit")))}`);
      unit = u;
    }
    if (unit !== "" && isShareUnit(unit) && (low < 0 || high > 1)) {
      throw invalidValue(`${label}: a ${unit} is a decimal from 0 to 1 (0.05 = 5%); got ${low} to ${high}`);
    }

    const condition = <T extends string>(c: "right" | "regulatory" | "licensee" | "exclusivity", allowed: readonly T[]): T => {
      const raw = text(cell(c));
      if (raw === "") return "any" as T;
      const v = canonical(raw);
      const found = allowed.find((x) => x === v);
      if (found === undefined) throw invalidValue(`${label}: ${c} must be one of ${allowed.join(", ")} (or blank for any); got ${quoted(raw)}`);
      return found;
    };

    const yearCell = cell("year");
    let year: number | "" = "";
    if (!isBlank(yearCell)) {
      if (typeof yearCell !== "number" || !Number.isInteger(yearCell) || yearCell < 1900 || yearCell > 2200) {
        throw invalidValue(`${label}: year must be a whole year such as 2024 (or blank); got ${describeCell(yearCell)}`);
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
