/**
 * The reference-bands row of a valuation range: the royalty rates that published terms matching the
 * deal give, beside the DCF and the 25%-rule cross-check.
 */
import { BandRow, BUILT_IN_BANDS, filterBands, mergeBands } from "./bands";
import { statisticsOf } from "./bands/statistics";
import { invalidNumber, invalidValue, quoted, wordList } from "./errors";

export interface BandRateRange {
  low: number;
  /** Median of the matching bands' midpoints: the typical published rate. */
  base: number;
  high: number;
  /** The bands it came from, so a result can say where it comes from. */
  keys: string[];
}

/** Only running royalties on net sales are royalty-rate bands. */
const ROYALTY_UNIT = "unit:share_of_net_sales";

/**
 * How the band_rate row spans the bands: "minmax" from the lowest low to the highest high (every
 * published rate inside), "iqr" from the first to the third quartile of the bands' midpoints
 * (PERCENTILE.INC, as BANDSTATS and a royalty database report them: the middle half of the comparables).
 */
export const BAND_SPREADS = ["minmax", "iqr"] as const;
export type BandSpread = (typeof BAND_SPREADS)[number];

/** Reads RANGE's band_spread; omitted or blank = "minmax". 「四分位」 is "iqr", 「最小最大」 "minmax". */
export function parseBandSpread(value: string | undefined, argument = "band_spread"): BandSpread {
  if (value === undefined || value.trim() === "") return "minmax";
  const v = value.normalize("NFKC").trim().toLowerCase();
  const aliases: Record<string, BandSpread> = {
    minmax: "minmax",
    "min-max": "minmax",
    最小最大: "minmax",
    iqr: "iqr",
    quartiles: "iqr",
    四分位: "iqr",
    四分位範囲: "iqr",
  };
  if (Object.prototype.hasOwnProperty.call(aliases, v)) return aliases[v];
  throw invalidValue("one-of", { argument, allowed: wordList(BAND_SPREADS), got: quoted(value) });
}

/**
 * The royalty-rate range of the bands matching `filter` (the words BANDS takes: patent, know_how,
 * approval, no_approval, startup, a source word such as meti2010 …), user bands included; its base is
 * the median of the bands' midpoints, its ends as `spread` says.
 */
export function bandRateRange(filter?: string, rows: readonly BandRow[] = mergeBands([], BUILT_IN_BANDS), spread: BandSpread = "minmax"): BandRateRange {
  const matching = filterBands(rows, `${ROYALTY_UNIT} ${filter ?? ""}`, "band_filter");
  if (matching.length === 0) throw invalidNumber("no-band-matches");
  const mids = statisticsOf(matching.map((b) => (b.low + b.high) / 2));
  return {
    low: spread === "iqr" ? mids.q1 : Math.min(...matching.map((b) => b.low)),
    base: mids.median,
    high: spread === "iqr" ? mids.q3 : Math.max(...matching.map((b) => b.high)),
    keys: matching.map((b) => b.key),
  };
}
