/** RATE25, PROFITSHARE and MAXRATE called as Excel calls them. */
import { col, F, num, row, scalarError } from "./helpers";

describe("IPVALUE.RATE25", () => {
  test("a 20% margin with the default share gives 5%", () => {
    expect(num(F.RATE25(0.2, null))).toBeCloseTo(0.05, 15);
    expect(num(F.RATE25(0.2, ""))).toBeCloseTo(0.05, 15);
    expect(num(F.RATE25(0.2))).toBeCloseTo(0.05, 15);
  });

  test("a licensor share of 1/2 gives half the margin", () => {
    expect(num(F.RATE25(0.3, 0.5))).toBeCloseTo(0.15, 15);
  });

  test("a margin above 100% is #VALUE! naming operating_margin", () => {
    scalarError(F.RATE25(1.2, null), "#VALUE!", "operating_margin must be a decimal of at most 1 (100%); got 1.2");
  });

  test("a negative margin is #NUM! (no profit to share), with no message as Excel shows none", () => {
    expect(scalarError(F.RATE25(-0.1, null), "#NUM!").message).toBeUndefined();
  });

  test("a licensor share above 1 is #VALUE! naming licensor_share", () => {
    scalarError(F.RATE25(0.2, 2), "#VALUE!", /^licensor_share must be a decimal from 0 to 1/);
  });

  test("a margin typed as a percentage text is #VALUE!", () => {
    scalarError(F.RATE25("20%", null), "#VALUE!", 'operating_margin must be a number; got text "20%"');
  });
});

describe("IPVALUE.PROFITSHARE", () => {
  test("a 4% royalty on a 60% margin takes 6.67% of the profit", () => {
    expect(num(F.PROFITSHARE(0.04, 0.6))).toBeCloseTo(0.0667, 4);
  });

  test("is the inverse of RATE25, called as functions", () => {
    for (const [margin, share] of [
      [0.2, 0.25],
      [0.45, 0.1],
      [1, 1],
      [0.05, 0],
    ]) {
      expect(num(F.PROFITSHARE(num(F.RATE25(margin, share)), margin))).toBeCloseTo(share, 12);
      expect(num(F.RATE25(margin, num(F.PROFITSHARE(0.01, margin))))).toBeCloseTo(0.01, 12);
    }
  });

  test("a zero margin is #NUM!", () => {
    scalarError(F.PROFITSHARE(0.05, 0), "#NUM!");
  });

  test("arguments out of range are #VALUE! naming them", () => {
    scalarError(F.PROFITSHARE(1.5, 0.2), "#VALUE!", /^royalty_rate must be a decimal from 0 to 1/);
    scalarError(F.PROFITSHARE(0.05, 1.5), "#VALUE!", /^operating_margin must be a decimal of at most 1/);
    scalarError(F.PROFITSHARE(0.05, null), "#VALUE!", "operating_margin is required");
  });
});

describe("IPVALUE.MAXRATE", () => {
  const sales = col(100, 100);

  test("matches the walk-away formula computed by hand", () => {
    // (0.8 · 52.066116 · 0.75 − 10) / (0.8 · 173.553719 · 0.75) = 21.239669 / 104.132231 = 0.2039683
    expect(num(F.MAXRATE(sales, col(30, 30), 0.1, 10, 0.25, 0.8, null))).toBeCloseTo(0.2039683, 7);
  });

  test("one number for operating_profit is a margin on every year's sales", () => {
    expect(num(F.MAXRATE(sales, 0.3, 0.1, 10, 0.25, 0.8, null))).toBeCloseTo(0.2039683, 7);
    expect(num(F.MAXRATE(sales, [[0.3]], 0.1, 10, 0.25, 0.8, null))).toBeCloseTo(0.2039683, 7);
  });

  test("omitted investment, tax, probability and timing take their defaults", () => {
    // PV(OP)/PV(sales) = 0.3 for a constant margin
    expect(num(F.MAXRATE(row(10, 20, 30), 0.3, 0.1, null, null, null, null))).toBeCloseTo(0.3, 12);
    expect(num(F.MAXRATE(row(10, 20, 30), 0.3, 0.1))).toBeCloseTo(0.3, 12);
  });

  test("a negative margin gives a negative walk-away rate", () => {
    expect(num(F.MAXRATE(sales, -0.1, 0.1, null, null, null, null))).toBeCloseTo(-0.1, 12);
  });

  test("a margin above 1 given as one number is refused, explaining it is read as a margin", () => {
    scalarError(F.MAXRATE(sales, 30, 0.1, null, null, null, null), "#VALUE!", "operating_profit as one number is a margin and must be at most 1; got 30");
  });

  test("profit of a different length from sales is refused, giving both lengths", () => {
    scalarError(
      F.MAXRATE(col(1, 2, 3), col(1, 2), 0.1, null, null, null, null),
      "#VALUE!",
      "operating_profit must have one value per sales year: got 2 for 3 years"
    );
  });

  test("no sales is #NUM!", () => {
    scalarError(F.MAXRATE(col(0, ""), col(0, 0), 0.1, null, null, null, null), "#NUM!");
  });

  test("timing applies", () => {
    // begin, sales in year 1 only: (30 − 10) / 100 = 0.2 (at "end" it would be (30/1.1 − 10)/(100/1.1) = 0.19)
    expect(num(F.MAXRATE(col(100, 0), col(30, 0), 0.1, 10, null, null, "begin"))).toBeCloseTo(0.2, 12);
    expect(num(F.MAXRATE(col(100, 0), col(30, 0), 0.1, 10, null, null, "end"))).toBeCloseTo(0.19, 12);
  });

  test.each<[string, unknown[], RegExp | string]>([
    ["hurdle rate at -100%", [sales, 0.3, -1], /^hurdle_rate must be a decimal rate above -1/],
    ["hurdle rate omitted", [sales, 0.3, null], "hurdle_rate is required"],
    ["negative investment", [sales, 0.3, 0.1, -5], /^investment must be 0 or more/],
    ["tax rate of 1", [sales, 0.3, 0.1, 0, 1], /^tax_rate must be a decimal from 0 below 1/],
    ["zero success probability", [sales, 0.3, 0.1, 0, 0, 0], /^success_probability must be a decimal above 0 to 1/],
    ["unknown timing", [sales, 0.3, 0.1, 0, 0, 1, "monthly"], /^timing must be/],
    ["text in profit", [sales, col(1, "x"), 0.1], /^operating_profit: item 2 must be a number/],
  ])("%s is #VALUE! naming the argument", (_what, args, message) => {
    scalarError(F.MAXRATE(...args), "#VALUE!", message);
  });
});
