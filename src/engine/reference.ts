/**
 * The reference-bands row of a valuation range: the royalty rates that published terms matching the
 * deal give, beside the DCF and the 25%-rule cross-check.
 */
import { BandRow, BUILT_IN_BANDS, filterBands, mergeBands } from "./bands";
import { invalidNumber } from "./errors";

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
 * The royalty-rate range of the bands matching `filter` (the words BANDS takes: patent, know_how,
 * approval, no_approval, startup, a source word such as meti2010 …), user bands included.
 */
export function bandRateRange(filter?: string, rows: readonly BandRow[] = mergeBands([], BUILT_IN_BANDS)): BandRateRange {
  const matching = filterBands(rows, `${ROYALTY_UNIT} ${filter ?? ""}`, "band_filter");
  const mids = matching.map((b) => (b.low + b.high) / 2).sort((a, b) => a - b);
  if (mids.length === 0) throw invalidNumber("no-band-matches");
  const m = mids.length >> 1;
  const base = mids.length % 2 === 1 ? mids[m] : (mids[m - 1] + mids[m]) / 2;
  return {
    low: Math.min(...matching.map((b) => b.low)),
    base,
    high: Math.max(...matching.map((b) => b.high)),
    keys: matching.map((b) => b.key),
  };
}
