/** Sales forecast from the market, and the royalty stream on those sales. */
import { checkMarketInputs, MarketInputs, royaltyStream, salesForecast } from "../../src/engine";
import { caught } from "./helpers";

const base: MarketInputs = { marketSize: 1000, marketGrowth: 0.1, peakShare: 0.2, yearsToPeak: 2, years: 4, launchYear: 2 };
const arr = (a: ArrayLike<number>) => Array.from(a);

describe("salesForecast", () => {
  test("market grows from year 1, the share ramps from the launch year, sales = market × share", () => {
    // market: 1000, 1100, 1210, 1331
    // launch year 2: k = 0,1,2,3 -> share 0, 0.2·1/2 = 0.1, 0.2, 0.2
    // sales: 0, 110, 242, 266.2
    const f = salesForecast(base);
    expect(arr(f.market)).toEqual([1000, 1100, 1210, 1331].map((x) => expect.closeTo(x, 9)));
    expect(arr(f.share)).toEqual([0, 0.1, 0.2, 0.2]);
    expect(arr(f.sales)).toEqual([0, 110, 242, 266.2].map((x) => expect.closeTo(x, 9)));
  });

  test("a three-year ramp from year 1 reaches a third, two thirds, then the peak", () => {
    // share 0.3·1/3, 0.3·2/3, 0.3, 0.3 on a flat market of 100
    const f = salesForecast({ marketSize: 100, marketGrowth: 0, peakShare: 0.3, yearsToPeak: 3, years: 4, launchYear: 1 });
    expect(arr(f.sales)).toEqual([10, 20, 30, 30].map((x) => expect.closeTo(x, 12)));
  });

  test("years_to_peak 0 means at the peak share from the launch year", () => {
    const f = salesForecast({ ...base, yearsToPeak: 0 });
    // share 0, 0.2, 0.2, 0.2 -> sales 0, 220, 242, 266.2
    expect(arr(f.share)).toEqual([0, 0.2, 0.2, 0.2]);
    expect(f.sales[1]).toBeCloseTo(220, 9);
  });

  test("years_to_peak 1 gives the same as 0", () => {
    expect(arr(salesForecast({ ...base, yearsToPeak: 1 }).sales)).toEqual(arr(salesForecast({ ...base, yearsToPeak: 0 }).sales));
  });

  test("a fractional years_to_peak ramps linearly and caps at the peak", () => {
    // k/2.5 = 0.4, 0.8, then capped at 1 -> shares 0.08, 0.16, 0.2 on a flat market of 100
    const f = salesForecast({ marketSize: 100, marketGrowth: 0, peakShare: 0.2, yearsToPeak: 2.5, years: 3, launchYear: 1 });
    expect(arr(f.share)).toEqual([0.08, 0.16, 0.2].map((x) => expect.closeTo(x, 12)));
  });

  test("a launch year after the last modelled year gives no sales at all (the market still grows)", () => {
    const f = salesForecast({ ...base, launchYear: 5 });
    expect(arr(f.sales)).toEqual([0, 0, 0, 0]);
    expect(f.market[3]).toBeCloseTo(1331, 9);
  });

  test("a launch in the last year gives sales only in that year, at the first ramp step", () => {
    // k = 1 in year 4: share 0.1, sales 1331 · 0.1 = 133.1
    const f = salesForecast({ ...base, launchYear: 4 });
    expect(arr(f.sales)).toEqual([0, 0, 0, expect.closeTo(133.1, 9)]);
  });

  test("a shrinking market declines by its negative growth", () => {
    // 1000, 900, 810
    const f = salesForecast({ marketSize: 1000, marketGrowth: -0.1, peakShare: 1, yearsToPeak: 0, years: 3, launchYear: 1 });
    expect(arr(f.sales)).toEqual([1000, 900, 810].map((x) => expect.closeTo(x, 9)));
  });

  test("writes into the buffers it is given", () => {
    const out = { market: new Float64Array(4), share: new Float64Array(4), sales: new Float64Array(4) };
    expect(salesForecast(base, out)).toBe(out);
    expect(out.sales[2]).toBeCloseTo(242, 9);
  });

  test.each<[string, Partial<MarketInputs>, RegExp]>([
    ["negative market size", { marketSize: -1 }, /^market_size must be 0 or more/],
    ["growth at -100%", { marketGrowth: -1 }, /^market_growth must be a decimal rate above -1/],
    ["share above 1", { peakShare: 1.01 }, /^peak_share must be a decimal from 0 to 1/],
    ["negative share", { peakShare: -0.1 }, /^peak_share must be a decimal from 0 to 1/],
    ["negative years_to_peak", { yearsToPeak: -1 }, /^years_to_peak must be 0 or more/],
    ["fractional years", { years: 2.5 }, /^years must be a whole number of years from 1 to 200/],
    ["zero years", { years: 0 }, /^years must be a whole number of years from 1 to 200/],
    ["more than 200 years", { years: 201 }, /^years must be a whole number of years from 1 to 200; got 201/],
    ["launch year 0", { launchYear: 0 }, /^launch_year must be a whole number of years from 1/],
    ["NaN market size", { marketSize: NaN }, /^market_size must be a finite number; got not a number/],
    ["infinite growth", { marketGrowth: Infinity }, /^market_growth must be a finite number/],
  ])("%s is refused with a message naming the argument", (_what, change, message) => {
    const e = caught(() => salesForecast({ ...base, ...change }));
    expect(e.kind).toBe("invalidValue");
    expect(e.message).toMatch(message);
    // checkMarketInputs raises the same error on its own
    expect(caught(() => checkMarketInputs({ ...base, ...change })).message).toBe(e.message);
  });

  test("a market that overflows is #NUM!, not Infinity", () => {
    const e = caught(() => salesForecast({ marketSize: 1e300, marketGrowth: 1e10, peakShare: 0.5, yearsToPeak: 0, years: 3, launchYear: 1 }));
    expect(e.kind).toBe("invalidNumber");
    expect(e.message).toMatch(/market in year 2/);
  });

  test("200 years is the longest model accepted", () => {
    expect(salesForecast({ ...base, marketGrowth: 0, years: 200 }).sales).toHaveLength(200);
  });
});

describe("royaltyStream", () => {
  test("royalty = rate × sales when no minimum and no term", () => {
    // 5% of 100, 200, 300
    expect(arr(royaltyStream([100, 200, 300], 0.05))).toEqual([5, 10, 15].map((x) => expect.closeTo(x, 12)));
  });

  test("the minimum applies only from the first year with sales", () => {
    // years 1-2 no sales -> 0; year 3: max(0.1·50, 10) = 10; year 4: max(20, 10) = 20
    expect(arr(royaltyStream([0, 0, 50, 200], 0.1, 10))).toEqual([0, 0, 10, 20]);
  });

  test("once sales have started, a later year without sales still owes the minimum", () => {
    // max(10, 5), max(0, 5), max(10, 5)
    expect(arr(royaltyStream([100, 0, 100], 0.1, 5))).toEqual([10, 5, 10]);
  });

  test("no royalty after the term, even with sales and a minimum", () => {
    // term 3: years 4 and 5 are 0
    expect(arr(royaltyStream([100, 100, 100, 100, 100], 0.1, 15, 3))).toEqual([15, 15, 15, 0, 0]);
  });

  test("the term counts from year 1 of the model, not from the first sale", () => {
    // first sale in year 3, term 4 -> royalties in years 3 and 4 only
    expect(arr(royaltyStream([0, 0, 100, 100, 100], 0.1, 0, 4))).toEqual([0, 0, 10, 10, 0]);
  });

  test("a term that ends before the first sale gives no royalty at all", () => {
    expect(arr(royaltyStream([0, 0, 100], 0.1, 50, 2))).toEqual([0, 0, 0]);
  });

  test("a term longer than the sales is the same as no term", () => {
    expect(arr(royaltyStream([1, 2], 0.5, 0, 10))).toEqual([0.5, 1]);
  });

  test("no sales at all means no royalty, even with a minimum", () => {
    expect(arr(royaltyStream([0, 0, 0], 0.1, 100))).toEqual([0, 0, 0]);
  });

  test("negative sales are refused, naming the year", () => {
    const e = caught(() => royaltyStream([10, -5], 0.1));
    expect(e.kind).toBe("invalidValue");
    expect(e.message).toMatch(/^sales must be 0 or more in every year; year 2 is -5/);
  });

  test("non-finite sales are refused", () => {
    expect(caught(() => royaltyStream([NaN], 0.1)).message).toMatch(/year 1/);
    expect(caught(() => royaltyStream([Infinity], 0.1)).message).toMatch(/year 1/);
  });

  test.each<[string, () => unknown, RegExp]>([
    ["royalty rate above 1", () => royaltyStream([1], 1.5), /^royalty_rate must be a decimal from 0 to 1/],
    ["negative royalty rate", () => royaltyStream([1], -0.01), /^royalty_rate must be/],
    ["negative minimum", () => royaltyStream([1], 0.1, -1), /^annual_minimum must be 0 or more/],
    ["term 0", () => royaltyStream([1], 0.1, 0, 0), /^term_years must be a whole number of years from 1/],
    ["fractional term", () => royaltyStream([1], 0.1, 0, 1.5), /^term_years must be a whole number/],
  ])("%s is refused, naming the argument", (_what, f, message) => {
    const e = caught(f);
    expect(e.kind).toBe("invalidValue");
    expect(e.message).toMatch(message);
  });

  test("without a term, sales longer than 200 years are accepted", () => {
    // term_years was not given, so the 200-year limit on it must not apply
    const out = royaltyStream(new Array(250).fill(10), 0.1);
    expect(out).toHaveLength(250);
    expect(out[249]).toBe(1);
  });

  test("writes into the buffer it is given", () => {
    const buf = new Float64Array(2);
    expect(royaltyStream([10, 20], 0.1, 0, undefined, buf)).toBe(buf);
    expect(arr(buf)).toEqual([1, 2]);
  });
});
