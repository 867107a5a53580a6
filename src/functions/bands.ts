/**
 * Reference bands: published license terms with their sources, one by its key (BAND) or a filtered
 * table of them (BANDS), the user's own bands added.
 */
import { bandResult, bandsTable, filterBands, findBand, invalidValue, parseBandField } from "../engine";
import { readBands } from "./arguments";
import { matrix, toOptionalName, toOptionalText } from "./excel";

/**
 * A reference band: a published license term with its source, e.g. BAND("case11_option_premium") gives 0.1 and 0.15 (low, high). Rates are decimals (0.05 = 5%); amounts are in the band's currency column. Default: low and high side by side; field "row" gives every column as BANDS shows it; one field name gives that column. A user band with the same key overrides the built-in one, and the origin column then says "user".
 * @customfunction BAND
 * @helpurl https://localhost:3000/help.html#ipvalue-band
 * @param key The band's key, as listed by IPVALUE.BANDS (case does not matter).
 * @param [field] "range" (default: low and high), "row", or one column: low, high, unit, currency, base, right, regulatory, licensee, exclusivity, description_en, description_ja, source, locator, page, year, origin.
 * @param [user_bands] Your own bands in the layout BANDS spills: its header row first (key and low required), one band per row. They add to or override the built-in bands.
 * @returns Low and high, the whole row, or one field of the band.
 */
export function band(key: string, field?: string, user_bands?: any[][]): any[][] {
  return matrix(() => {
    const k = toOptionalName(key, "key");
    if (k === undefined || k.trim() === "") throw invalidValue("band-key-required");
    const f = parseBandField(toOptionalText(field, "field"));
    return bandResult(findBand(readBands(user_bands), k), f);
  });
}

/**
 * The reference bands as a table to look through: a header row (key, low, high, unit, currency, base, right, regulatory, licensee, exclusivity, description_en, description_ja, source, locator, page, year, origin) and one row per band, built-in ones first. Filter words must all match: a condition (patent, know_how, approval, no_approval, startup, sme, large, exclusive, non_exclusive, assignment), built-in or user, column:value (e.g. unit:share_of_net_sales), or any word found in the key, description or citation. Rates are decimals (0.05 = 5%).
 * @customfunction BANDS
 * @helpurl https://localhost:3000/help.html#ipvalue-bands
 * @param [filter] Words that must all match, separated by spaces or commas, e.g. "startup approval" or "royalty"; omit for every band.
 * @param [user_bands] Your own bands in the same layout as this table (header row first; key and low required). They add to or override the built-in bands and show "user" in the origin column.
 * @returns The matching bands under a header row.
 */
export function bands(filter?: string, user_bands?: any[][]): any[][] {
  return matrix(() => bandsTable(filterBands(readBands(user_bands), toOptionalText(filter, "filter"))));
}
