/**
 * Band statistics: what a royalty database answers for a set of comparables — how many, the minimum,
 * the quartiles, the median, the maximum and the mean of their rates — over the royalty-rate bands
 * (running royalties on net sales) matching a filter, built-in and the user's own.
 *
 * Quartiles are Excel's PERCENTILE.INC (= QUARTILE.INC, R's type 7): the rank (n − 1)·p in the sorted
 * values, interpolated between neighbours. A band is one comparable, whatever its width: its midpoint
 * (low + high) / 2 by default, or its low or its high.
 */
import { invalidValue, notAvailable, quoted, quotedName, ValuationError, wordList } from "../errors";
import { mean, percentileInc } from "../simulate";
import { filterBands } from "./filter";
import { BandRow, norm } from "./vocabulary";

/** Which number of each band the statistics are of; "all" gives low, midpoint and high side by side. */
export const BAND_STAT_FIELDS = ["midpoint", "low", "high", "all"] as const;
export type BandStatField = (typeof BAND_STAT_FIELDS)[number];
type Measure = Exclude<BandStatField, "all">;

/** The rows BANDSTATS spills under its header, in order. */
export const BAND_STATISTICS = ["count", "min", "q1", "median", "q3", "max", "mean"] as const;
export type BandStatistic = (typeof BAND_STATISTICS)[number];
export type BandStatistics = Record<BandStatistic, number>;

/** Japanese and other names of the field argument. */
const FIELD_ALIASES: ReadonlyMap<string, BandStatField> = new Map<string, BandStatField>([
  ["mid", "midpoint"],
  ["middle", "midpoint"],
  ["中央", "midpoint"],
  ["中間値", "midpoint"],
  ["下限", "low"],
  ["上限", "high"],
  ["すべて", "all"],
  ["全て", "all"],
]);

/** Only running royalties on net sales are royalty-rate bands (as RANGE's band_rate row). */
const ROYALTY_UNIT = "share_of_net_sales";

/** Reads BANDSTATS' field argument; omitted or blank = "midpoint". */
export function parseBandStatField(field: string | undefined, argument = "field"): BandStatField {
  if (field === undefined || field.trim() === "") return "midpoint";
  const f = norm(field);
  const found = BAND_STAT_FIELDS.find((x) => x === f) ?? FIELD_ALIASES.get(f);
  if (found === undefined) throw invalidValue("one-of", { argument, allowed: wordList(BAND_STAT_FIELDS), got: quoted(field) });
  return found;
}

/** Count, minimum, quartiles (PERCENTILE.INC), median, maximum and mean of at least one value. */
export function statisticsOf(values: readonly number[]): BandStatistics {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    min: sorted[0],
    q1: percentileInc(sorted, 0.25),
    median: percentileInc(sorted, 0.5),
    q3: percentileInc(sorted, 0.75),
    max: sorted[sorted.length - 1],
    mean: mean(sorted),
  };
}

const MEASURES: Record<Measure, (b: BandRow) => number> = {
  midpoint: (b) => (b.low + b.high) / 2,
  low: (b) => b.low,
  high: (b) => b.high,
};

/** The royalty-rate bands matching `filter` (the words BANDS takes); #N/A naming the filter when none does. */
export function royaltyBands(rows: readonly BandRow[], filter: string | undefined, argument = "filter"): BandRow[] {
  const royalty = rows.filter((r) => r.unit === ROYALTY_UNIT);
  try {
    const out = filterBands(royalty, filter, argument);
    if (out.length > 0) return out;
  } catch (e) {
    // filterBands' message points at BANDS' whole list; here only the royalty-rate bands count
    if (!(e instanceof ValuationError) || e.id !== "no-band-matches-filter") throw e;
  }
  throw notAvailable("no-royalty-band-matches-filter", { filter: quotedName((filter ?? "").trim(), '"'), count: royalty.length });
}

/** The statistics of one measure of the matching royalty-rate bands. */
export function bandStatistics(rows: readonly BandRow[], filter?: string, field: Measure = "midpoint"): BandStatistics {
  return statisticsOf(royaltyBands(rows, filter).map(MEASURES[field]));
}

/**
 * BANDSTATS' table: a header (statistic and the field, or low, midpoint and high for "all") and one row
 * per statistic, as a royalty database's analysis reports them.
 */
export function bandStatisticsTable(rows: readonly BandRow[], filter?: string, field: BandStatField = "midpoint"): (number | string)[][] {
  const measures: Measure[] = field === "all" ? ["low", "midpoint", "high"] : [field];
  const matching = royaltyBands(rows, filter);
  const stats = measures.map((m) => statisticsOf(matching.map(MEASURES[m])));
  return [["statistic", ...measures], ...BAND_STATISTICS.map((s) => [s, ...stats.map((st) => st[s])])];
}
