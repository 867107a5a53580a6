/** How the pane writes numbers: amounts with thousands separators, rates as percentages. */
import { rangeOutputKind, type AssumptionKey } from "../../engine";
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
