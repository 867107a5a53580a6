/** Listing and filtering the bands: what BANDS spills. */
import { invalidValue, notAvailable, quoted, quotedName, wordList } from "../errors";
import { bandCells } from "./lookup";
import {
  BAND_COLUMNS,
  BandColumn,
  BandRow,
  EXCLUSIVITY_TYPES,
  FIELD_ALIASES,
  LICENSEE_TYPES,
  REGULATORY_PATHS,
  RIGHT_TYPES,
  canonical,
  norm,
  searchWords,
} from "./vocabulary";

/** The condition columns and their words: a bare condition word in a filter selects its column. */
const CONDITIONS: readonly { column: "right" | "regulatory" | "licensee" | "exclusivity"; values: readonly string[] }[] = [
  { column: "right", values: RIGHT_TYPES },
  { column: "regulatory", values: REGULATORY_PATHS },
  { column: "licensee", values: LICENSEE_TYPES },
  { column: "exclusivity", values: EXCLUSIVITY_TYPES },
];

const TEXT_COLUMNS: readonly BandColumn[] = ["key", "unit", "currency", "base", "description_en", "description_ja", "source", "locator", "page"];
const EXACT_COLUMNS: ReadonlySet<BandColumn> = new Set(["unit", "currency", "right", "regulatory", "licensee", "exclusivity", "origin"]);
const NUMBER_COLUMNS: ReadonlySet<BandColumn> = new Set(["low", "high", "year"]);

type Test = (row: BandRow) => boolean;

function termTest(term: string, argument: string): Test {
  const sep = term.search(/[:=：]/);
  if (sep > 0) {
    const name = norm(term.slice(0, sep));
    const value = term.slice(sep + 1).trim();
    if (name === "text") return textTest(canonical(value));
    const column = BAND_COLUMNS.find((c) => c === name) ?? (FIELD_ALIASES.get(name) as BandColumn | undefined);
    if (column === undefined || !(BAND_COLUMNS as readonly string[]).includes(column)) {
      throw invalidValue("filter-not-column", { argument, column: quoted(term.slice(0, sep)), columns: wordList(BAND_COLUMNS) });
    }
    if (NUMBER_COLUMNS.has(column)) {
      const n = Number(value);
      if (value === "" || !Number.isFinite(n)) throw invalidValue("filter-number-column", { argument, column, got: quoted(value) });
      return (row) => row[column] === n;
    }
    if (EXACT_COLUMNS.has(column)) {
      const v = canonical(value);
      return (row) => norm(String(row[column])) === v;
    }
    return (row) => norm(String(row[column])).includes(norm(value));
  }
  const word = canonical(term);
  for (const { column, values } of CONDITIONS) {
    if (word !== "any" && values.includes(word)) return (row) => row[column] === word;
  }
  if (word === "built-in" || word === "user") return (row) => row.origin === word;
  return textTest(word);
}

/** A search word (or any word of its synonym group) in the key, unit, base, descriptions or citation. */
function textTest(word: string): Test {
  const words = searchWords(word);
  return (row) =>
    TEXT_COLUMNS.some((c) => {
      const text = norm(String(row[c]));
      return words.some((w) => text.includes(w));
    });
}

/**
 * The rows matching every word of `filter` (separated by spaces or commas). A condition word
 * (patent, know_how, approval, no_approval, startup, sme, large, exclusive, non_exclusive,
 * assignment, and Japanese equivalents) selects that condition; built-in or user selects the
 * origin; column:value compares one column (exactly for units and conditions); any other word is
 * searched in the key, unit, base, descriptions and citation, with its synonyms in the other
 * language (synonyms.json), so 「特許 承認」 and "patent approval" select the same bands.
 */
export function filterBands(rows: readonly BandRow[], filter: string | undefined, argument = "filter"): BandRow[] {
  const terms = (filter ?? "").split(/[\s,、;；]+/).filter((t) => t !== "");
  if (terms.length === 0) return [...rows];
  const tests = terms.map((t) => termTest(t, argument));
  const out = rows.filter((r) => tests.every((t) => t(r)));
  if (out.length === 0) {
    throw notAvailable("no-band-matches-filter", { filter: quotedName((filter ?? "").trim(), '"'), count: rows.length });
  }
  return out;
}

/** The BANDS table: the header row (BAND_COLUMNS) and one row per band. */
export function bandsTable(rows: readonly BandRow[]): (number | string)[][] {
  return [[...BAND_COLUMNS], ...rows.map(bandCells)];
}
