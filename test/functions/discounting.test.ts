/** DCF, RNPV, RFR, EQUIVRATE and DEAL called as Excel calls them. */
import { col, F, num, row, scalarError } from "./helpers";

describe("IPVALUE.DCF", () => {
  test("a column of flows at 10%, timing omitted, equals Excel NPV", () => {
    // =NPV(10%, 100, 100, 100) = 100/1.1 + 100/1.21 + 100/1.331 = 248.685199
    expect(num(F.DCF(0.1, col(100, 100, 100), null))).toBeCloseTo(248.685199, 6);
  });

  test("a row of flows gives the same value as a column", () => {
    expect(num(F.DCF(0.1, row(100, 100, 100), null))).toBe(num(F.DCF(0.1, col(100, 100, 100), null)));
  });

  test("a blank cell is a zero flow whose year still passes", () => {
    // 100/1.1 + 0 + 100/1.331 = 166.040571 (Excel NPV would skip the blank and give 173.553719)
    expect(num(F.DCF(0.1, col(100, "", 100), null))).toBeCloseTo(166.040571, 6);
    expect(num(F.DCF(0.1, col(100, null, 100), null))).toBeCloseTo(166.040571, 6);
  });

  test.each([
    ["mid", 260.823237], // 248.685199 · 1.1^0.5
    ["begin", 273.553719], // 100 + 100/1.1 + 100/1.21
    ["end", 248.685199],
    ["", 248.685199],
    ["期央", 260.823237],
  ])("timing %j gives %d", (timing, expected) => {
    expect(num(F.DCF(0.1, col(100, 100, 100), timing))).toBeCloseTo(expected, 6);
  });

  test("a rate given as a one-cell range and flows given as one value work", () => {
    // 110 / 1.1 = 100
    expect(num(F.DCF([[0.1]], 110, null))).toBeCloseTo(100, 10);
  });

  test.each<[string, unknown[], string, RegExp | string]>([
    ["rate at -100%", [-1, col(1), null], "#VALUE!", /^rate must be a decimal rate above -1/],
    ["rate below -100%", [-2.5, col(1), null], "#VALUE!", /^rate must be a decimal rate above -1/],
    ["rate as text", ["10%", col(1), null], "#VALUE!", 'rate must be a number; got text "10%"'],
    ["rate omitted", [null, col(1), null], "#VALUE!", "rate is required"],
    ["rate as TRUE", [true, col(1), null], "#VALUE!", "rate must be a number; got TRUE"],
    ["rate as a range", [col(0.1, 0.2), col(1), null], "#VALUE!", "rate must be a single value, not a range"],
    ["text among the flows", [0.1, col(1, "n/a", 3), null], "#VALUE!", 'cashflows: item 2 must be a number; got text "n/a"'],
    [
      "a block of flows",
      [
        0.1,
        [
          [1, 2],
          [3, 4],
        ],
        null,
      ],
      "#VALUE!",
      "cashflows must be one row or one column; got 2 rows × 2 columns",
    ],
    ["no flows", [0.1, [], null], "#VALUE!", "cashflows is empty"],
    ["an empty row", [0.1, [[]], null], "#VALUE!", "cashflows is empty"],
    ["a ragged range", [0.1, [[1, 2], [3]], null], "#VALUE!", "cashflows must be a rectangular range"],
    ["an unknown timing", [0.1, col(1), "yearly"], "#VALUE!", /^timing must be "end", "mid" or "begin"; got "yearly"/],
    ["timing 'constructor'", [0.1, col(1), "constructor"], "#VALUE!", /^timing must be/],
  ])("%s is %s naming the argument", (_what, args, code, message) => {
    scalarError(F.DCF(...args), code, message);
  });

  test("a present value too large for a number is #NUM!", () => {
    scalarError(F.DCF(0, col(1e308, 1e308), null), "#NUM!");
  });

  test("a whole column reaching timing is described by its shape, not repeated (28 MB before)", () => {
    const column = Array.from({ length: 1048576 }, () => ["a note beside a cash flow"]);
    scalarError(F.DCF(0.1, col(1), column), "#VALUE!", 'timing must be "end", "mid" or "begin"; got a range of 1,048,576 rows × 1 column');
  });
});

describe("IPVALUE.RNPV", () => {
  test("probabilities one per flow, both columns", () => {
    // 100/1.1 + 0.5·100/1.21 + 0.25·100/1.331 = 151.014275
    expect(num(F.RNPV(0.1, col(100, 100, 100), col(1, 0.5, 0.25), null))).toBeCloseTo(151.014275, 6);
  });

  test("probabilities as a row beside flows as a row", () => {
    expect(num(F.RNPV(0.1, row(100, 100, 100), row(1, 0.5, 0.25), null))).toBeCloseTo(151.014275, 6);
  });

  test("one probability, as a one-cell range or a plain number, weighs every flow", () => {
    // 0.5 · 248.685199
    expect(num(F.RNPV(0.1, col(100, 100, 100), [[0.5]], null))).toBeCloseTo(124.3426, 4);
    expect(num(F.RNPV(0.1, col(100, 100, 100), 0.5, null))).toBeCloseTo(124.3426, 4);
  });

  test("a blank probability beside a zero flow is accepted", () => {
    // 0.5·100/1.1 + 0 + 0.5·100/1.331
    expect(num(F.RNPV(0.1, col(100, "", 100), col(0.5, "", 0.5), null))).toBeCloseTo(0.5 * 166.040571, 6);
  });

  test("a blank probability beside a non-zero flow is refused, naming the item", () => {
    scalarError(F.RNPV(0.1, col(100, 100), col(0.5, ""), null), "#VALUE!", /^probabilities: item 2 is blank but its cash flow is not/);
  });

  test("mismatched lengths are refused, giving both counts", () => {
    scalarError(F.RNPV(0.1, col(1, 2, 3), col(0.5, 0.5), null), "#VALUE!", "probabilities must be one number or one per cash flow: got 2 for 3 flows");
  });

  test("a probability above 1 is refused, naming the item and the allowed range", () => {
    scalarError(F.RNPV(0.1, col(1, 2), col(1, 1.2), null), "#VALUE!", /^probabilities \(item 2\) must be a decimal from 0 to 1/);
  });

  test("a single blank probability is required", () => {
    scalarError(F.RNPV(0.1, col(1, 2), [[""]], null), "#VALUE!", "probabilities is required");
  });

  test("mid-year timing", () => {
    expect(num(F.RNPV(0.1, col(100), 1, "mid"))).toBeCloseTo(100 / Math.sqrt(1.1), 10);
  });

  test("rate errors name rate", () => {
    scalarError(F.RNPV(-1, col(1), 1, null), "#VALUE!", /^rate must be/);
  });
});

describe("IPVALUE.RFR", () => {
  const sales = col(100, 200, 300);

  test("relief from royalty without amortization, checked by hand", () => {
    // 0.05 · (1 − 0.25) · (100/1.1 + 200/1.21 + 300/1.331) = 0.0375 · 481.592787 = 18.059730
    expect(num(F.RFR(sales, 0.05, 0.25, 0.1, null, null))).toBeCloseTo(18.05973, 5);
    expect(num(F.RFR(sales, 0.05, 0.25, 0.1, "", ""))).toBeCloseTo(18.05973, 5);
  });

  test("with a 3-year amortization the tax benefit multiplies the value", () => {
    // AF = 2.486852; 1/(1 − 0.25 · 2.486852/3) = 1.261412; 18.059730 · 1.261412 = 22.780761
    expect(num(F.RFR(sales, 0.05, 0.25, 0.1, null, 3))).toBeCloseTo(22.780761, 5);
  });

  test("a row of sales gives the same value", () => {
    expect(num(F.RFR(row(100, 200, 300), 0.05, 0.25, 0.1, "end", 3))).toBeCloseTo(22.780761, 5);
  });

  test.each<[string, unknown[], RegExp]>([
    ["royalty rate above 1", [sales, 1.5, 0.25, 0.1], /^royalty_rate must be a decimal from 0 to 1/],
    ["tax rate of 100%", [sales, 0.05, 1, 0.1], /^tax_rate must be a decimal from 0 below 1/],
    ["discount rate at -100%", [sales, 0.05, 0.25, -1], /^discount_rate must be a decimal rate above -1/],
    ["fractional amortization", [sales, 0.05, 0.25, 0.1, null, 2.5], /^amortization_years must be a whole number of years/],
    ["text amortization", [sales, 0.05, 0.25, 0.1, null, "five"], /^amortization_years must be a number/],
    ["text in sales", [col(1, "x"), 0.05, 0.25, 0.1], /^sales: item 2 must be a number/],
  ])("%s is #VALUE! naming the argument", (_what, args, message) => {
    scalarError(F.RFR(...args), "#VALUE!", message);
  });

  test("a tax shield of 100% or more is #NUM!", () => {
    // at −50%: AF(2) = 2 + 4 = 6; 0.5 · 6 / 2 = 1.5
    scalarError(F.RFR(sales, 0.05, 0.5, -0.5, null, 2), "#NUM!");
  });
});

describe("IPVALUE.EQUIVRATE", () => {
  test("turns a lump sum into a running rate: lump / PV(sales)", () => {
    // 24.0796394 / 481.592787 = 0.05
    expect(num(F.EQUIVRATE(24.0796394, col(100, 200, 300), 0.1, null))).toBeCloseTo(0.05, 8);
  });

  test("timing is applied", () => {
    // begin: PV = 100 → rate = 10 / 100
    expect(num(F.EQUIVRATE(10, col(100), 0.1, "begin"))).toBeCloseTo(0.1, 12);
  });

  test("sales worth nothing today are #NUM!", () => {
    scalarError(F.EQUIVRATE(10, col(0, ""), 0.1, null), "#NUM!");
  });

  test("a negative lump sum is #VALUE! naming lump_sum", () => {
    scalarError(F.EQUIVRATE(-10, col(100), 0.1, null), "#VALUE!", /^lump_sum must be 0 or more/);
  });
});

describe("IPVALUE.DEAL", () => {
  test("upfront + milestones (year, amount) + royalties, checked by hand", () => {
    // 100 + 110/1.1 + 121/1.21 + 133.1/1.331 = 400
    const v = F.DEAL(
      0.1,
      100,
      [
        [1, 110],
        [2, 121],
      ],
      col(0, 0, 133.1),
      null,
      null
    );
    expect(num(v)).toBeCloseTo(400, 9);
  });

  test("a third column weighs milestones by probability; a blank probability is 1", () => {
    // 110/1.1 · 0.5 + 121/1.21 · 1 = 50 + 100
    expect(
      num(
        F.DEAL(
          0.1,
          0,
          [
            [1, 110, 0.5],
            [2, 121, ""],
          ],
          "",
          null,
          null
        )
      )
    ).toBeCloseTo(150, 9);
  });

  test("blank milestone rows are skipped", () => {
    expect(
      num(
        F.DEAL(
          0.1,
          0,
          [
            [1, 110],
            ["", ""],
            [null, null],
          ],
          "",
          null,
          null
        )
      )
    ).toBeCloseTo(100, 9);
  });

  test('no milestones and no royalties ("" or an all-blank range) leave the upfront', () => {
    expect(num(F.DEAL(0.1, 50, "", "", null, null))).toBe(50);
    expect(
      num(
        F.DEAL(
          0.1,
          50,
          [
            ["", ""],
            ["", ""],
          ],
          col("", ""),
          null,
          null
        )
      )
    ).toBe(50);
  });

  test("an omitted upfront is 0", () => {
    expect(num(F.DEAL(0.1, null, [[1, 110]], "", null, null))).toBeCloseTo(100, 9);
  });

  test("one royalty probability, or one per year", () => {
    // 0.4 · 133.1/1.331 = 40
    expect(num(F.DEAL(0.1, 0, "", col(0, 0, 133.1), null, 0.4))).toBeCloseTo(40, 9);
    expect(num(F.DEAL(0.1, 0, "", col(0, 0, 133.1), null, [[0.4]]))).toBeCloseTo(40, 9);
    // 0.5·110/1.1 + 0.25·121/1.21 = 75
    expect(num(F.DEAL(0.1, 0, "", row(110, 121), null, row(0.5, 0.25)))).toBeCloseTo(75, 9);
  });

  test("royalty timing moves the royalties but not the milestones", () => {
    // milestone 110 at year 1 = 100; royalty 100 in year 1 at "begin" = 100
    expect(num(F.DEAL(0.1, 0, [[1, 110]], col(100), "begin", null))).toBeCloseTo(200, 9);
  });

  test("a blank royalty probability in a range is refused, naming the item", () => {
    scalarError(F.DEAL(0.1, 0, "", col(10, 10), null, col(0.5, "")), "#VALUE!", "royalty_probabilities: item 2 is blank; enter a number");
  });

  test("royalty probabilities of the wrong length name royalty_probabilities", () => {
    scalarError(
      F.DEAL(0.1, 0, "", col(1, 2, 3), null, col(0.5, 0.5)),
      "#VALUE!",
      /^royalty_probabilities must be one number or one per cash flow: got 2 for 3/
    );
  });

  test.each<[string, unknown, RegExp | string]>([
    ["one column", col(1, 2), "milestones must have 2 columns (year, amount) or 3 (year, amount, probability); got 1"],
    ["four columns", [[1, 2, 0.5, 9]], /got 4$/],
    [
      "a blank year",
      [
        [1, 10],
        ["", 5],
      ],
      "milestones (row 2) year is required",
    ],
    ["a blank amount", [[1, ""]], "milestones (row 1) amount is required"],
    ["a negative year", [[-1, 10]], /^milestones \(row 1\) year must be 0 or more/],
    ["text amount", [[1, "ten"]], 'milestones (row 1) amount must be a number; got text "ten"'],
    ["probability above 1", [[1, 10, 1.5]], /^milestones \(row 1\) probability must be a decimal from 0 to 1/],
  ])("milestones with %s are refused naming the row and column", (_what, milestones, message) => {
    scalarError(F.DEAL(0.1, 0, milestones, "", null, null), "#VALUE!", message);
  });

  test("a discount rate at -100% is #VALUE! naming discount_rate", () => {
    scalarError(F.DEAL(-1, 0, "", "", null, null), "#VALUE!", /^discount_rate must be a decimal rate above -1/);
  });

  test("a text upfront is #VALUE! naming upfront", () => {
    scalarError(F.DEAL(0.1, "1m", "", "", null, null), "#VALUE!", 'upfront must be a number; got text "1m"');
  });
});
