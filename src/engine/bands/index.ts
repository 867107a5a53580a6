/**
 * Reference bands: published license terms with their source, so a number put to a counterparty
 * can say where it comes from. Each band is a low and a high (equal for a single published value)
 * in a stated unit, the base it applies to, the conditions it was published for (right type,
 * regulatory path, licensee, exclusivity), and a citation (document, case or figure, page) with the
 * year of the data.
 *
 * The built-in bands are data (bands.json, loaded by data.ts). A user can add their own bands
 * (user-bands.ts) in the layout BANDS spills: they extend the built-in set or override a built-in
 * band with the same key, and every row says whether it is "built-in" or "user" (lookup.ts).
 * filter.ts is the filter language of BANDS.
 */
export type {
  Band,
  BandColumn,
  BandField,
  BandOrigin,
  BandRow,
  BandUnit,
  BuiltInBand,
  Exclusivity,
  LicenseeType,
  RawCell,
  RegulatoryPath,
  RightType,
  SeedEvidence,
} from "./vocabulary";
export {
  BAND_COLUMNS,
  BAND_FIELDS,
  BAND_UNITS,
  EXCLUSIVITY_TYPES,
  LICENSEE_TYPES,
  REGULATORY_PATHS,
  RIGHT_TYPES,
  isAmountUnit,
  isShareUnit,
} from "./vocabulary";
export { BUILT_IN_BANDS } from "./data";
export { parseUserBands } from "./user-bands";
export { bandCells, bandResult, findBand, mergeBands, parseBandField, similarKeys } from "./lookup";
export { bandsTable, filterBands } from "./filter";
export { BAND_STAT_FIELDS, BAND_STATISTICS, bandStatistics, bandStatisticsTable, parseBandStatField, royaltyBands, statisticsOf } from "./statistics";
export type { BandStatField, BandStatistic, BandStatistics } from "./statistics";
