/** SALES, ROYALTIES and LOA called as Excel calls them (spilling functions). */
import { col, column, F, grid, row, spilledError } from "./helpers";

describe("IPVALUE.SALES", () => {
  test("spills a column of `years` sales: market grows, share ramps from the launch year", () => {
    // market 1000, 1100, 1210, 1331; share 0, 0.1, 0.2, 0.2 -> 0, 110, 242, 266.2
    expect(column(F.SALES(1000, 0.1, 0.2, 2, 4, 2))).toEqual([0, 110, 242, 266.2].map((x) => expect.closeTo(x, 9)));
  });

  test("an omitted or blank launch year is year 1", () => {
    // share 0.1, 0.2, 0.2 on 1000, 1100, 1210
    const expected = [100, 220, 242].map((x) => expect.closeTo(x, 9));
    expect(column(F.SALES(1000, 0.1, 0.2, 2, 3, null))).toEqual(expected);
    expect(column(F.SALES(1000, 0.1, 0.2, 2, 3, ""))).toEqual(expected);
    expect(column(F.SALES(1000, 0.1, 0.2, 2, 3))).toEqual(expected);
  });

  test("a launch after the last year spills zeros for every year", () => {
    expect(column(F.SALES(1000, 0.1, 0.2, 2, 3, 7))).toEqual([0, 0, 0]);
  });

  test("years_to_peak 0 is at peak from launch", () => {
    expect(column(F.SALES(100, 0, 0.5, 0, 3, 1))).toEqual([50, 50, 50]);
  });

  test("arguments given as one-cell ranges are read", () => {
    expect(column(F.SALES([[100]], [[0]], [[0.5]], [[0]], [[2]], [[1]]))).toEqual([50, 50]);
  });

  test.each<[string, unknown[], RegExp | string]>([
    ["peak share above 1", [1000, 0.1, 1.5, 2, 4, 1], /^peak_share must be a decimal from 0 to 1 \(0\.05 = 5%\); got 1\.5/],
    ["growth at -100%", [1000, -1, 0.2, 2, 4, 1], /^market_growth must be a decimal rate above -1/],
    ["negative market", [-5, 0.1, 0.2, 2, 4, 1], /^market_size must be 0 or more/],
    ["negative years to peak", [1000, 0.1, 0.2, -1, 4, 1], /^years_to_peak must be 0 or more/],
    ["zero years", [1000, 0.1, 0.2, 2, 0, 1], /^years must be a whole number of years from 1 to 200; got 0/],
    ["fractional years", [1000, 0.1, 0.2, 2, 2.5, 1], /^years must be a whole number of years from 1 to 200/],
    ["201 years", [1000, 0.1, 0.2, 2, 201, 1], /^years must be a whole number of years from 1 to 200/],
    ["years as text", [1000, 0.1, 0.2, 2, "ten", 1], 'years must be a number; got text "ten"'],
    ["years omitted", [1000, 0.1, 0.2, 2, null, 1], "years is required"],
    ["launch year 0", [1000, 0.1, 0.2, 2, 4, 0], /^launch_year must be a whole number of years from 1/],
    ["share as a range", [1000, 0.1, col(0.1, 0.2), 2, 4, 1], "peak_share must be a single value, not a range"],
  ])("%s spills #VALUE! naming the argument", (_what, args, message) => {
    spilledError(F.SALES(...args), "#VALUE!", message);
  });

  test("a market that overflows spills #NUM!", () => {
    spilledError(F.SALES(1e300, 1e10, 0.5, 0, 3, 1), "#NUM!");
  });
});

describe("IPVALUE.ROYALTIES", () => {
  test("a column of sales spills a column of royalties", () => {
    expect(grid(F.ROYALTIES(col(100, 200, 300), 0.05, null, null))).toEqual([[5], [10], [15]].map((r) => [expect.closeTo(r[0], 12)]));
  });

  test("a row of sales spills a row of royalties", () => {
    expect(grid(F.ROYALTIES(row(100, 200, 300), 0.05, null, null))).toEqual([[5, 10, 15].map((x) => expect.closeTo(x, 12))]);
  });

  test("the minimum applies from the first sale only; the term stops royalties", () => {
    // 0, 0, max(5, 10), max(20, 10), after term 4: 0
    expect(grid(F.ROYALTIES(row(0, 0, 50, 200, 300), 0.1, 10, 4))).toEqual([[0, 0, 10, 20, 0]]);
  });

  test("blank sales cells are zero sales", () => {
    expect(column(F.ROYALTIES(col("", null, 100), 0.1, 5, ""))).toEqual([0, 0, 10]);
  });

  test("omitted minimum and term mean none and all years", () => {
    expect(column(F.ROYALTIES(col(10, 20), 0.5))).toEqual([5, 10]);
  });

  test("sales longer than 200 years are fine when no term is given", () => {
    const out = column(
      F.ROYALTIES(
        new Array(250).fill(0).map(() => [10]),
        0.1,
        null,
        null
      )
    );
    expect(out).toHaveLength(250);
    expect(out.every((x) => Math.abs(x - 1) < 1e-12)).toBe(true);
  });

  test.each<[string, unknown[], RegExp | string]>([
    ["negative sales", [col(10, -5), 0.1, null, null], /^sales must be 0 or more in every year; year 2 is -5/],
    ["text sales", [col(10, "x"), 0.1, null, null], 'sales: item 2 must be a number; got text "x"'],
    [
      "a block of sales",
      [
        [
          [1, 2],
          [3, 4],
        ],
        0.1,
        null,
        null,
      ],
      /^sales must be one row or one column/,
    ],
    ["royalty rate above 1", [col(10), 1.5, null, null], /^royalty_rate must be a decimal from 0 to 1/],
    ["royalty rate omitted", [col(10), null, null, null], "royalty_rate is required"],
    ["negative minimum", [col(10), 0.1, -1, null], /^annual_minimum must be 0 or more/],
    ["term 0", [col(10), 0.1, null, 0], /^term_years must be a whole number of years from 1 to 200/],
    ["fractional term", [col(10), 0.1, null, 2.5], /^term_years must be a whole number/],
  ])("%s spills #VALUE! naming the argument", (_what, args, message) => {
    spilledError(F.ROYALTIES(...args), "#VALUE!", message);
  });
});

describe("IPVALUE.LOA", () => {
  test("the product of the transition probabilities, as one cell", () => {
    // 0.5 · 0.5 · 0.8 = 0.2
    expect(grid(F.LOA(col(0.5, 0.5, 0.8), null))).toEqual([[expect.closeTo(0.2, 15)]]);
    expect(grid(F.LOA(col(0.5, 0.5, 0.8), false))).toEqual([[expect.closeTo(0.2, 15)]]);
  });

  test("BIO 2006-2015 transitions give 9.6%", () => {
    expect(grid(F.LOA(row(0.632, 0.307, 0.581, 0.853), null))[0][0]).toBeCloseTo(0.096, 3);
  });

  test("cumulative TRUE spills the running product in the same orientation", () => {
    expect(grid(F.LOA(col(0.5, 0.5, 0.8), true))).toEqual([[0.5], [0.25], [expect.closeTo(0.2, 15)]]);
    expect(grid(F.LOA(row(0.5, 0.5, 0.8), true))).toEqual([[0.5, 0.25, expect.closeTo(0.2, 15)]]);
    expect(grid(F.LOA(row(0.5, 0.5), 1))).toEqual([[0.5, 0.25]]);
  });

  test("a blank probability is refused instead of counted as 0", () => {
    spilledError(F.LOA(col(0.5, "", 0.8), null), "#VALUE!", "phase_probabilities: item 2 is blank; enter a number");
    spilledError(F.LOA(row(0.5, null), true), "#VALUE!", "phase_probabilities: item 2 is blank; enter a number");
  });

  test("a probability above 1 is refused naming its item", () => {
    spilledError(F.LOA(col(0.5, 1.2), null), "#VALUE!", /^phase_probabilities \(item 2\) must be a decimal from 0 to 1/);
  });

  test("cumulative must be TRUE or FALSE", () => {
    spilledError(F.LOA(col(0.5), "yes"), "#VALUE!", 'cumulative must be TRUE or FALSE; got text "yes"');
  });

  test("an empty range is refused", () => {
    spilledError(F.LOA([[]], null), "#VALUE!", "phase_probabilities is empty");
  });
});
