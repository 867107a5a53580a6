/**
 * Forecast: the licensee's net sales from the market (SALES) and the royalties they bear (ROYALTIES),
 * both spilled year by year.
 */
import { royaltyStream, salesForecast } from "../engine";
import { matrix, spill, toNumber, toOptionalNumber, toVector } from "./excel";

/**
 * Licensee net sales per year from the market: market in year t = market_size × (1+market_growth)^(t-1); in the k-th year of sales the share is peak_share × min(1, k/years_to_peak); nothing before launch_year. Spills a column of `years` values.
 * @customfunction SALES
 * @helpurl https://localhost:3000/help.html#ipvalue-sales
 * @param market_size Market in year 1, in your currency (0 or more).
 * @param market_growth Market growth per year, a decimal above -1 (0.05 = 5%).
 * @param peak_share Peak market share of the licensed product, a decimal from 0 to 1.
 * @param years_to_peak Sales years until the peak share is reached (straight-line ramp); 0 or 1 = at peak from launch.
 * @param years Number of years to model, a whole number from 1 to 200.
 * @param [launch_year] Year of first sales, a whole number (default 1).
 * @returns A column of yearly net sales, year 1 first.
 */
export function sales(market_size: number, market_growth: number, peak_share: number, years_to_peak: number, years: number, launch_year?: number): any[][] {
  return matrix(() => {
    const f = salesForecast({
      marketSize: toNumber(market_size, "market_size"),
      marketGrowth: toNumber(market_growth, "market_growth"),
      peakShare: toNumber(peak_share, "peak_share"),
      yearsToPeak: toNumber(years_to_peak, "years_to_peak"),
      years: toNumber(years, "years"),
      launchYear: toNumber(launch_year, "launch_year", 1),
    });
    return spill(f.sales, "column");
  });
}

/**
 * Royalty per year: max(royalty_rate × sales, annual_minimum) from the first year with sales through year term_years, and 0 before the first sale and after the term. Spills in the same orientation as sales.
 * @customfunction ROYALTIES
 * @helpurl https://localhost:3000/help.html#ipvalue-royalties
 * @param sales Licensee net sales per year, year 1 first (one row or column, 0 or more).
 * @param royalty_rate Running royalty rate, a decimal from 0 to 1 (0.03 = 3%).
 * @param [annual_minimum] Minimum royalty per year once sales have started (default 0).
 * @param [term_years] Last year (counted from year 1) in which royalties are due (default: all years).
 * @returns Royalties per year, in the currency of the sales.
 */
export function royalties(sales: any[][], royalty_rate: number, annual_minimum?: number, term_years?: number): any[][] {
  return matrix(() => {
    const s = toVector(sales, "sales");
    const out = royaltyStream(
      s.values,
      toNumber(royalty_rate, "royalty_rate"),
      toNumber(annual_minimum, "annual_minimum", 0),
      toOptionalNumber(term_years, "term_years")
    );
    return spill(out, s.orientation);
  });
}
