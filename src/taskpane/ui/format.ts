/** How the pane writes numbers: amounts with thousands separators, rates as percentages. */
import { assumptionSpec, rangeOutputKind, type AssumptionKey } from "../../engine";
import type { Language } from "../../model/language";
import { EntryValue, formatEntry } from "../../model/scenario-set";
import type { OutputValue } from "../model/results";
import { LOCALE } from "./strings";

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = language + JSON.stringify(options);
  let f = cache.get(id);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[language], options);
    cache.set(id, f);
  }
  return f;
}

export const formatAmount = (v: number, language: Language): string => numberFormat(language, { maximumFractionDigits: 0 }).format(v);

export const formatPercent = (v: number, language: Language): string =>
  `${numberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v * 100)}%`;

/** Short amounts for the chart's axis: 30B, 300億. */
export const formatCompact = (v: number, language: Language): string => numberFormat(language, { notation: "compact", maximumSignificantDigits: 3 }).format(v);

export function formatOutput(output: string, v: number, language: Language): string {
  return rangeOutputKind(output) === "rate" ? formatPercent(v, language) : formatAmount(v, language);
}

export const isNumber = (v: OutputValue): v is number => typeof v === "number";

/** Inserts thousands separators into the integer part of a plain decimal ("30000000.5" → "30,000,000.5"). */
export function groupDigits(text: string): string {
  const m = /^([-+]?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return m[1] + m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (m[3] ?? "");
}

/** A stored value as the pane's input shows it (the model reads separators back). */
export function displayEntry(key: AssumptionKey, value: EntryValue): string {
  return groupDigits(formatEntry(key, value));
}

/** Whether an assumption is an amount of money (the pane shows it as people write amounts). */
export const isMoneyKey = (key: AssumptionKey): boolean => {
  const unit = assumptionSpec(key).unit;
  return unit === "currency" || unit === "currency_per_year";
};

const JAPANESE_UNITS: readonly [number, string][] = [
  [1e12, "兆"],
  [1e8, "億"],
  [1e4, "万"],
];

/**
 * A whole amount as Japanese writes it, exactly: 35000000000 → 350億, 30000000 → 3,000万,
 * 123456789 → 1億2,345万6,789. Read back (readAmount), it is the same number. Amounts under 1万 or
 * with a fraction keep their digits.
 */
export function japaneseAmount(v: number): string {
  const whole = Math.abs(v);
  if (!Number.isSafeInteger(whole) || whole < 1e4) return groupDigits(String(v));
  let rest = whole;
  let text = "";
  for (const [size, unit] of JAPANESE_UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0) text += groupDigits(String(n)) + unit;
    rest -= n * size;
  }
  if (rest > 0) text += groupDigits(String(rest));
  return (v < 0 ? "-" : "") + text;
}

/**
 * A stored value as the input shows it when not being edited: money in the pane language's familiar
 * form (ja: 350億, 3,000万; en: 35,000,000,000), anything else as displayEntry. Only the display:
 * the field shows displayEntry's full number while it has the focus, and the stored value is untouched.
 */
export function displayEntryAtRest(key: AssumptionKey, value: EntryValue, language: Language): string {
  if (typeof value !== "number" || !isMoneyKey(key)) return displayEntry(key, value);
  return language === "ja" ? japaneseAmount(value) : displayEntry(key, value);
}
