/**
 * The words of the reference bands: units, condition types, the columns BANDS spills and the field
 * names BAND accepts, with their Japanese and other spellings. The schema of bands.json repeats the
 * enums (test/engine/bands-data.test.ts keeps the two the same).
 */

/** A cell of a user-bands range (the same as any cell the functions read). */
export type { RawValue as RawCell } from "../cells";
import synonyms from "./synonyms.json";

/** What low and high measure. share_* are decimals from 0 to 1 (0.05 = 5%). */
export const BAND_UNITS = [
  "share_of_net_sales", // running royalty on the licensee's net sales
  "share_of_sublicense_income", // licensor's share of what the licensee receives from sublicensees
  "share_of_exit_value", // success fee on the company's exit (sale, IPO) value
  "share_of_company_value", // cash due on an acquisition, as a share of the company's value
  "share_of_fully_diluted_equity", // equity on a fully diluted basis
  "share_of_equity", // equity, basis not stated
  "share_of_research_funding", // premium on a sponsored-research budget
  "share_of_amount_due", // audit threshold: an underpayment of this share of the amount due
  "share_of_patent_costs", // share of the patent costs the licensee bears
  "share_of_income", // a part of licensing income (income mix)
  "share_of_licenses", // a part of the licenses granted
  "share_of_agreements", // a part of the agreements signed
  "amount", // a one-off amount, in `currency`
  "amount_per_year", // an amount every year, in `currency`
  "ratio", // one quantity divided by another (e.g. US ÷ Japan)
  "count", // a number of things
  "count_per_year", // a number of times a year
  "days",
  "months",
  "years",
  "contract_year", // a year of the license term, year 1 = the first year after signing
] as const;
export type BandUnit = (typeof BAND_UNITS)[number];

export const isShareUnit = (u: string): boolean => u.startsWith("share_of_");
export const isAmountUnit = (u: string): boolean => u === "amount" || u === "amount_per_year";

/** patent: patents or valid claims (pending applications count; copyright too where the source groups it); know_how: technical information without a valid claim. */
export const RIGHT_TYPES = ["patent", "know_how", "any"] as const;
/** approval: the product needs regulatory approval (FDA etc.); no_approval: it does not. */
export const REGULATORY_PATHS = ["approval", "no_approval", "any"] as const;
export const LICENSEE_TYPES = ["startup", "sme", "large", "any"] as const;
export const EXCLUSIVITY_TYPES = ["exclusive", "non_exclusive", "assignment", "any"] as const;
export type RightType = (typeof RIGHT_TYPES)[number];
export type RegulatoryPath = (typeof REGULATORY_PATHS)[number];
export type LicenseeType = (typeof LICENSEE_TYPES)[number];
export type Exclusivity = (typeof EXCLUSIVITY_TYPES)[number];

export type BandOrigin = "built-in" | "user";

export interface Band {
  /** Stable key, lower case: what BAND looks up. */
  key: string;
  low: number;
  high: number;
  unit: BandUnit | "";
  /** ISO code of the currency of an amount ("USD", "EUR", "JPY"); "" for anything else. */
  currency: string;
  /** What the rate or amount applies to. */
  base: string;
  right: RightType;
  regulatory: RegulatoryPath;
  licensee: LicenseeType;
  exclusivity: Exclusivity;
  description_en: string;
  description_ja: string;
  /** The document: title, author or publisher, date. */
  source: string;
  /** Where in it: case, figure, table or section. */
  locator: string;
  /** Page in the document ("p.21"), "" when the source has none we could verify. */
  page: string;
  /** Year the data is for; "" when a user band gives none. */
  year: number | "";
}

/** The numbers of a seed entry as printed in the seed report, for the test that checks them. */
export interface SeedEvidence {
  /** "事例⑦" or "図表 24": the case or figure whose text holds the numbers. */
  section: string;
  /** A heading inside the section that narrows it (one of the two fixed-term models of case 7). */
  part?: string;
  /** Fragments as printed (whitespace aside); low and high must each be one of their numbers. */
  printed: string[];
  /** Multiplier from the printed number to the stored one (1000 for a table in thousand yen). */
  scale?: number;
}

export interface BuiltInBand extends Band {
  seed?: SeedEvidence;
}

export interface BandRow extends Band {
  origin: BandOrigin;
}

/** The columns BANDS spills, in order; the header row of a user-bands range uses the same names. */
export const BAND_COLUMNS = [
  "key",
  "low",
  "high",
  "unit",
  "currency",
  "base",
  "right",
  "regulatory",
  "licensee",
  "exclusivity",
  "description_en",
  "description_ja",
  "source",
  "locator",
  "page",
  "year",
  "origin",
] as const;
export type BandColumn = (typeof BAND_COLUMNS)[number];

/** Keys, headers and condition words compare trimmed and in lower case. */
export const norm = (s: string): string => s.trim().toLowerCase();
/** A typed filter word compared with the vocabulary: full-width letters and half-width kana made ordinary. */
const normWord = (s: string): string => norm(s.normalize("NFKC"));

/**
 * Japanese and other spellings of the condition words, from synonyms.json (the one table of the
 * filter's words in both languages; synonyms.schema.json describes it).
 */
export const CONDITION_ALIASES: ReadonlyMap<string, string> = new Map(
  Object.entries(synonyms.conditions).flatMap(([condition, spellings]) => spellings.map((s): [string, string] => [s, condition]))
);

/**
 * Search words that mean the same in English and Japanese (royalty and ロイヤルティ): each word of
 * synonyms.json's groups gives its whole group, so a filter finds the same bands in either language.
 */
export const WORD_SYNONYMS: ReadonlyMap<string, readonly string[]> = new Map(
  synonyms.words.flatMap((g) => {
    const group = [...g.en, ...g.ja];
    return group.map((w): [string, readonly string[]] => [w, group]);
  })
);
/** The words a search word stands for: its group, or the word alone. */
export const searchWords = (word: string): readonly string[] => WORD_SYNONYMS.get(word) ?? [word];

/** A condition word in its canonical spelling ("特許" → patent). */
export const canonical = (word: string): string => CONDITION_ALIASES.get(normWord(word)) ?? normWord(word);

/** What BAND returns: "range" (low and high side by side, the default), "row" (every column) or one column. */
export type BandField = BandColumn | "range" | "row";
export const BAND_FIELDS: readonly BandField[] = ["range", "row", ...BAND_COLUMNS];

/** Japanese and other names of BAND's fields, also the column names of a filter's column:value. */
export const FIELD_ALIASES: ReadonlyMap<string, BandField> = new Map<string, BandField>([
  ["description", "description_en"],
  ["description_jp", "description_ja"],
  ["en", "description_en"],
  ["ja", "description_ja"],
  ["下限", "low"],
  ["上限", "high"],
  ["範囲", "range"],
  ["行", "row"],
  ["単位", "unit"],
  ["通貨", "currency"],
  ["対象", "base"],
  ["権利", "right"],
  ["規制", "regulatory"],
  ["ライセンシー", "licensee"],
  ["独占性", "exclusivity"],
  ["説明", "description_ja"],
  ["出典", "source"],
  ["箇所", "locator"],
  ["ページ", "page"],
  ["年", "year"],
  ["由来", "origin"],
]);
