/**
 * The office's own comparables: candidate deal terms read from its contracts and reports (EXTRACTTERMS),
 * and the statistics of the royalty-rate bands a royalty database would report (BANDSTATS).
 */
import {
  bandStatisticsTable,
  checkTextLength,
  extractedTermsTable,
  extractTerms as extractFrom,
  invalidValue,
  parseBandStatField,
  parseTextLanguage,
} from "../engine";
import { describeCellIn } from "../engine/errors";
import { readBands } from "./arguments";
import { matrix, toOptionalText } from "./excel";

/** The text of a cell or of a range read row by row; blank cells are skipped, numbers read as written. */
function readTexts(value: unknown): string[] {
  const rows: unknown[] = Array.isArray(value) ? value : [[value]];
  const texts: string[] = [];
  let item = 0;
  let total = 0; // checked as read: a whole column passed by mistake is refused at once
  for (const row of rows) {
    for (const cell of Array.isArray(row) ? row : [row]) {
      item++;
      if (cell === null || cell === undefined || cell === "") continue;
      let t: string;
      if (typeof cell === "string") t = cell;
      else if ((typeof cell === "number" && Number.isFinite(cell)) || typeof cell === "boolean") t = String(cell);
      else throw invalidValue("text-item-not-text", { item, got: describeCellIn(cell) });
      total = checkTextLength(t, item - 1, total);
      texts.push(t);
    }
  }
  return texts;
}

/**
 * Candidate deal terms in contract or report text, Japanese or English: spills a header (kind, low, high, unit, excerpt) and one row per rate or amount found, in reading order. kind is the deal-terms key named by the words near the figure (royalty_rate, upfront, annual_minimum, milestone, equity_share, success_fee, sublicense_share, annual_fee), or unknown when no such word is near: nothing is dropped or guessed. Rates are decimals (3％, ３パーセント, 百分の三, three percent = 0.03); amounts are numbers in the unit column's currency (JPY, USD, EUR, GBP: 金500万円 = 5000000 JPY, $1.5 million = 1500000 USD). A range (2～5％, between 2% and 5%) is one row with its low and high; a single figure has low = high. The excerpt is the sentence it came from, cut around the figure. A number without a unit (a date, an article number) is no candidate. Nothing leaves the workbook.
 * @customfunction EXTRACTTERMS
 * @helpurl https://localhost:3000/help.html#ipvalue-extractterms
 * @param text A cell or a range of cells holding the text (read row by row, each cell a paragraph; at most 32,767 characters a cell and 32 cells' worth in all).
 * @param [language] "ja" or "en": the language of the words that name a term; omit for both. Numbers are read in both languages' forms.
 * @returns The candidate terms under a header row.
 */
export function extractTerms(text: any[][], language?: string): any[][] {
  return matrix(() => {
    const lang = parseTextLanguage(toOptionalText(language, "language"));
    return extractedTermsTable(extractFrom(readTexts(text), lang));
  });
}

/**
 * Statistics of the royalty-rate bands (running royalties on net sales, built-in and your own) matching a filter, as a royalty database reports comparables: spills a header (statistic, then the field) and the rows count, min, q1, median, q3, max, mean. Each band counts once, by its midpoint (low + high) / 2 unless field says low, high or all (low, midpoint and high side by side). Quartiles are PERCENTILE.INC (= QUARTILE.INC). Rates are decimals (0.05 = 5%).
 * @customfunction BANDSTATS
 * @helpurl https://localhost:3000/help.html#ipvalue-bandstats
 * @param [filter] Words that must all match, as in BANDS: a condition (patent, know_how, approval, no_approval, startup, sme, large, exclusive, non_exclusive), built-in or user, column:value, or a word of the key, description or citation; omit for every royalty-rate band.
 * @param [user_bands] Your own bands in the layout BANDS spills (header row first; key and low required). They add to or override the built-in bands.
 * @param [field] "midpoint" (default), "low", "high" or "all".
 * @returns The statistics under a header row.
 */
export function bandStats(filter?: string, user_bands?: any[][], field?: string): any[][] {
  return matrix(() => {
    const f = parseBandStatField(toOptionalText(field, "field"));
    return bandStatisticsTable(readBands(user_bands), toOptionalText(filter, "filter"), f);
  });
}
