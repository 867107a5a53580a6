import { newSeries, Series } from "./discount";
import { excerptPlainIn, finiteResult, requireFraction, requireNonNegative, requireRate, requireWholeYears, invalidValue } from "./errors";

/** What drives the licensee's sales: the market and the share the licensed product takes of it. */
export interface MarketInputs {
  /** Market in year 1, in the user's currency. */
  marketSize: number;
  /** Yearly market growth, decimal (0.03 = 3%). */
  marketGrowth: number;
  /** Share of the market the licensee reaches at peak, decimal. */
  peakShare: number;
  /** Sales years until the peak share is reached (linear ramp); 0 or 1 = at peak from launch. */
  yearsToPeak: number;
  /** Length of the model in years. */
  years: number;
  /** First year with sales (1 = year 1). */
  launchYear: number;
}

export interface SalesForecast {
  market: Series;
  share: Series;
  sales: Series;
}

export function checkMarketInputs(m: MarketInputs): void {
  requireNonNegative(m.marketSize, "market_size");
  requireRate(m.marketGrowth, "market_growth");
  requireFraction(m.peakShare, "peak_share");
  requireNonNegative(m.yearsToPeak, "years_to_peak");
  requireWholeYears(m.years, "years");
  requireWholeYears(m.launchYear, "launch_year");
}

/**
 * Licensee net sales year by year: market_t = size·(1+g)^(t−1); in the k-th sales year the share is
 * peak·min(1, k/years_to_peak); no sales before the launch year.
 */
export function salesForecast(m: MarketInputs, out?: SalesForecast): SalesForecast {
  checkMarketInputs(m);
  const n = m.years;
  const f = out ?? { market: newSeries(n), share: newSeries(n), sales: newSeries(n) };
  let market = m.marketSize;
  for (let t = 1; t <= n; t++) {
    const k = t - m.launchYear + 1;
    const share = k < 1 ? 0 : m.yearsToPeak <= k ? m.peakShare : (m.peakShare * k) / m.yearsToPeak;
    f.market[t - 1] = market;
    f.share[t - 1] = share;
    f.sales[t - 1] = market * share;
    market *= 1 + m.marketGrowth;
  }
  // Growth compounds monotonically, so if any year overflowed the last one did: check it, and only
  // then look for the first year that overflowed (keeps message-building out of the loop).
  if (!Number.isFinite(f.market[n - 1])) {
    const t = f.market.findIndex((x) => !Number.isFinite(x));
    finiteResult(f.market[t], "what-market-in-year", { year: t + 1 });
  }
  return f;
}

/**
 * Royalty per year: max(rate·sales, minimum) from the first year with sales through year `termYears`
 * (counted from year 1 of the model), nothing before the first sale or after the term.
 */
export function royaltyStream(
  sales: ArrayLike<number>,
  royaltyRate: number,
  annualMinimum = 0,
  termYears?: number,
  out: Series = newSeries(sales.length)
): Series {
  requireFraction(royaltyRate, "royalty_rate");
  requireNonNegative(annualMinimum, "annual_minimum");
  // Omitted = every year of the sales; only a term the user gave is held to the 1..MAX_YEARS limit.
  if (termYears !== undefined) requireWholeYears(termYears, "term_years");
  const term = termYears ?? sales.length;
  let started = false;
  for (let i = 0; i < sales.length; i++) {
    const s = sales[i];
    if (!Number.isFinite(s) || s < 0) throw invalidValue("sales-each-year", { year: i + 1, got: excerptPlainIn(s) });
    if (s > 0) started = true;
    out[i] = started && i < term ? Math.max(royaltyRate * s, annualMinimum) : 0;
  }
  return out;
}
