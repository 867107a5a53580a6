/**
 * Published license models as deal terms (IPVALUE.TERMS): each preset is a license model from a
 * published source, written as rows of the scenario model's assumption keys with the source's figures,
 * so a term sheet can start from a documented structure and OFFER can value it as it stands.
 *
 * The presets are data (presets.json, described by presets.schema.json and validated with the
 * source checks in test/engine/terms.test.ts). Amounts are in the source's currency; TERMS multiplies
 * them by an exchange rate. A value that depends on the deal (the patent costs to repay, the exit
 * value) is null and spills blank, which OFFER reads as "keep the scenario's own value".
 */
import { excerptIn, excerptListIn, finiteResult, invalidValue } from "../errors";
import data from "./presets.json";

export type TermsUnit = "currency" | "currency_per_year" | "share" | "rate" | "year" | "years" | "flag";

export interface TermsRow {
  key: string;
  /** Amounts in the preset's currency, rates and shares as decimals, TRUE/FALSE for a flag; null: depends on the deal. */
  value: number | boolean | null;
  unit: TermsUnit;
  note_en: string;
  note_ja: string;
  /** Fragments of the seed report that carry the term (for the tests). */
  printed?: string[];
  /** How a value not printed as such was read from the printed figures. */
  derived?: string;
}

export interface TermsPreset {
  id: string;
  name_en: string;
  name_ja: string;
  /** ISO code of the currency the source states its amounts in. */
  currency: string;
  /** The document, resolved from the file's sources map. */
  source: string;
  locator: string;
  page: string;
  note_en: string;
  note_ja: string;
  seed: { section: string; part?: string };
  rows: TermsRow[];
}

/** The layout of presets.json: each preset's source is an id of `sources`. */
export interface PresetsFile {
  sources: Readonly<Record<string, string>>;
  presets: readonly TermsPreset[];
}

/** The document a preset cites: its source id looked up in the file's sources. */
function documentOf(sources: PresetsFile["sources"], p: TermsPreset): string {
  const found = Object.prototype.hasOwnProperty.call(sources, p.source) ? sources[p.source] : undefined;
  if (found === undefined) throw new Error(`presets.json: the preset ${p.id} cites the source "${p.source}", which is not in its sources`);
  return found;
}

/** The presets of a presets file with each source id replaced by the document it names. */
export const loadPresets = (file: PresetsFile): TermsPreset[] => file.presets.map((p) => ({ ...p, source: documentOf(file.sources, p) }));

export const BUILT_IN_PRESETS: readonly TermsPreset[] = loadPresets(data as PresetsFile);
export const PRESET_IDS: readonly string[] = BUILT_IN_PRESETS.map((p) => p.id);

/** The columns TERMS spills: OFFER reads the first two; the rest are for people. */
export const TERMS_COLUMNS = ["key", "value", "unit", "citation", "note_en", "note_ja"] as const;

/** Units whose values are money: multiplied by the exchange rate. */
const AMOUNT_UNITS: ReadonlySet<TermsUnit> = new Set(["currency", "currency_per_year"]);
export const isAmountTermsUnit = (unit: TermsUnit): boolean => AMOUNT_UNITS.has(unit);

/** Where a preset comes from, as one cell: document, case and table, page. */
export const presetCitation = (p: TermsPreset): string => `${p.source}, ${p.locator}, ${p.page}`;

/** The preset with this id (case and surrounding spaces ignored). */
export function findPreset(id: unknown): TermsPreset {
  const ids = excerptListIn(PRESET_IDS);
  if (typeof id !== "string" || id.trim() === "") throw invalidValue("preset-not-name", { ids, got: excerptIn(id) });
  const k = id.trim().toLowerCase();
  const found = BUILT_IN_PRESETS.find((p) => p.id === k);
  if (found === undefined) throw invalidValue("preset-unknown", { preset: excerptIn(id.trim()), ids });
  return found;
}

/** The exchange rate: units of the model's currency per unit of the source's; default 1. */
function checkExchangeRate(x: unknown): number {
  if (x === undefined) return 1;
  if (typeof x !== "number" || !Number.isFinite(x) || x <= 0) {
    throw invalidValue("exchange-rate", { got: typeof x === "number" ? String(x) : excerptIn(x) });
  }
  return x;
}

/**
 * TERMS's table: a header row (TERMS_COLUMNS), then one row per term of the preset, its amounts
 * multiplied by the exchange rate (rates, shares, years and flags as published), a value that depends
 * on the deal blank ("").
 */
export function termsPreset(id: unknown, exchangeRate?: number): (string | number | boolean)[][] {
  const preset = findPreset(id);
  const rate = checkExchangeRate(exchangeRate);
  const citation = presetCitation(preset);
  const rows = preset.rows.map((r) => {
    const value =
      r.value === null
        ? ""
        : typeof r.value === "number" && isAmountTermsUnit(r.unit)
          ? finiteResult(r.value * rate, "what-times-exchange-rate", { key: r.key })
          : r.value;
    return [r.key, value, r.unit, citation, r.note_en, r.note_ja];
  });
  return [[...TERMS_COLUMNS], ...rows];
}
