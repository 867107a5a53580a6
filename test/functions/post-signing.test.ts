/**
 * ROYALTYDUE, AUDIT and TRACK called as Excel calls them, and the README's worked example: the medical-device
 * license (test/fixtures/medical-device.ts, Base) in its first five years, the licensee selling as planned
 * and paying year 4's royalty 7 % short. Base's sales: none in years 1–2 (launch in year 3), then the market
 * 30e9 × 1.04^(t−1) at a share ramping 1/4, 2/4, 3/4 of 5 %: 405.6e6, 843.648e6 and 1,316.09088e6.
 */
import { MEDICAL_DEVICE } from "../fixtures/medical-device";
import { col, F, grid, isExcelError, row, spilledError } from "./helpers";

const TERMS = [
  ["key", "value", "unit"],
  ["royalty_rate", 0.03, "share"],
  ["annual_minimum", 5e6, "currency_per_year"],
  ["term_years", 12, "year"],
];
const SALES = [0, 0, 405.6e6, 843.648e6, 1316.09088e6];
// 3 % of each year's sales: above the 5e6 minimum from the first sale on.
const DUE = [0, 0, 12.168e6, 25.30944e6, 39.4827264e6];
const close = (xs: number[]) => xs.map((x) => expect.closeTo(x, 4));

describe("IPVALUE.ROYALTYDUE", () => {
  test("spills one value per year in the orientation of sales", () => {
    expect(grid(F.ROYALTYDUE(row(...SALES), TERMS))).toEqual([close(DUE)]);
    expect(grid(F.ROYALTYDUE(col(...SALES), TERMS)).map((r) => r[0])).toEqual(close(DUE));
  });

  test("a year without sales after the first sale owes the minimum; first_year moves the reports in the contract", () => {
    expect(grid(F.ROYALTYDUE(row(0, 100e6, 0), TERMS))).toEqual([[0, 5e6, 5e6]]);
    // years 12 and 13: the term ends with year 12
    expect(grid(F.ROYALTYDUE(row(400e6, 400e6), TERMS, 12))).toEqual([[12e6, 0]]);
  });

  test("the terms' tiers and post-expiry rate apply as in the scenario model", () => {
    const tiered = [...TERMS, ["tier_1_threshold", 500e6, ""], ["tier_1_rate", 0.02, ""], ["claims_expire_year", 4, ""], ["post_expiry_rate", 0.01, ""]];
    // year 3: 3 % × 405.6e6; year 4: 3 % × 500e6 + 2 % × 343.648e6; year 5: 1 % × 1,316.09088e6
    expect(grid(F.ROYALTYDUE(row(...SALES), tiered))).toEqual([close([0, 0, 12.168e6, 15e6 + 6.87296e6, 13.1609088e6])]);
  });

  test("a blank, negative or text sales cell and a bad term are #VALUE! naming them", () => {
    spilledError(F.ROYALTYDUE(row(0, "", 5), TERMS), "#VALUE!", "sales: item 2 (contract year 2) is blank; enter the amount reported (0 for none)");
    spilledError(F.ROYALTYDUE(row(0, -5), TERMS, 3), "#VALUE!", "sales: item 2 (contract year 4) must be 0 or more; got -5");
    spilledError(F.ROYALTYDUE(row(0, "n/a"), TERMS), "#VALUE!", 'sales: item 2 must be a number; got text "n/a"');
    spilledError(F.ROYALTYDUE(row(1), [...TERMS, ["post_expiry_rate", 2, ""]]), "#VALUE!", /^terms: post_expiry_rate must be a decimal from 0 to 1/);
    spilledError(F.ROYALTYDUE(row(1), [["royalty", 0.03]]), "#VALUE!", "terms: unknown key 'royalty' in row 1");
    spilledError(F.ROYALTYDUE(row(1), TERMS, 0), "#VALUE!", /^first_year must be a whole number of years from 1 to 200/);
  });
});

describe("IPVALUE.AUDIT: the worked example", () => {
  const reported = DUE.map((d, i) => (i === 3 ? 0.93 * d : d)); // year 4 paid 7 % short
  const shortfall = 0.07 * DUE[3]; // 1,771,660.8
  const total = DUE.reduce((a, b) => a + b, 0); // 76,960,166.4

  test("five years at 3 % interest: 1,771,660.8 short is 2.3 % of the total due, below 5 %: shortfall and interest only", () => {
    const t = grid(F.AUDIT(row(...SALES), row(...reported), TERMS, null, 0.03, 2e6));
    expect(t[0]).toEqual(["year", "sales", "due", "reported", "shortfall", "shortfall_share", "interest", "claim"]);
    expect(t[4]).toEqual([
      4,
      SALES[3],
      expect.closeTo(DUE[3], 4),
      expect.closeTo(reported[3], 4),
      expect.closeTo(shortfall, 4),
      expect.closeTo(0.07, 12),
      expect.closeTo(shortfall * 0.03, 4),
      expect.closeTo(shortfall * 1.03, 4),
    ]);
    expect(t[5].slice(4, 7)).toEqual([0, 0, 0]);
    const last = t[6];
    expect(last[0]).toBe("total");
    expect(last[2]).toBeCloseTo(total, 4);
    expect(last[5]).toBeCloseTo(shortfall / total, 12);
    expect(last[5]).toBeCloseTo(0.0230205, 7);
    expect(last[7]).toBeCloseTo(1824810.624, 4); // 1,771,660.8 + 53,149.824
  });

  test("year 4 audited alone: 7 % is above 5 %, so the audit's cost is claimed too", () => {
    const t = grid(F.AUDIT(row(SALES[3]), row(reported[3]), TERMS, "", 0.03, 2e6, 4));
    expect(t).toHaveLength(3);
    expect(t[1][0]).toBe(4);
    expect(t[2][7]).toBeCloseTo(shortfall + 2e6, 4); // 3,771,660.8: no interest, it is the last year audited
  });

  test("sales and reports may lie in different orientations; a missing payment or a length mismatch is #VALUE!", () => {
    expect(grid(F.AUDIT(col(...SALES), row(...reported), TERMS))).toEqual(grid(F.AUDIT(row(...SALES), col(...reported), TERMS)));
    spilledError(F.AUDIT(row(...SALES), row(0, 0, "", 1, 1), TERMS), "#VALUE!", /^reported_royalty: item 3 \(contract year 3\) is blank/);
    spilledError(F.AUDIT(row(...SALES), row(0, 0), TERMS), "#VALUE!", "reported_royalty has 2 years and sales 5: give one of each per year");
    spilledError(F.AUDIT(row(1), row(1), TERMS, 5), "#VALUE!", /^threshold must be a decimal from 0 to 1/);
  });
});

describe("IPVALUE.TRACK: the worked example's diligence", () => {
  // Actual sales well behind the plan: 150e6, 300e6, 500e6 against 405.6e6, 843.648e6, 1,316.09088e6.
  const actual = row(0, 0, 150e6, 300e6, 500e6);

  test("every year from launch is flagged: below half the plan, and year 3's 4.5e6 below the 5e6 minimum", () => {
    const t = grid(F.TRACK(MEDICAL_DEVICE, actual, "Base"));
    expect(t[0]).toEqual(["year", "plan_sales", "actual_sales", "variance", "plan_royalty", "royalty_due", "cumulative_ratio", "flag", "reason"]);
    expect(t[1]).toEqual([1, 0, 0, 0, 0, 0, "", false, ""]);
    expect(t[3]).toEqual([
      3,
      expect.closeTo(405.6e6, 3),
      150e6,
      expect.closeTo(-255.6e6, 3),
      expect.closeTo(12.168e6, 4),
      5e6,
      expect.closeTo(150 / 405.6, 12),
      true,
      "below trigger; minimum not reached",
    ]);
    expect(t[4].slice(5)).toEqual([expect.closeTo(9e6, 4), expect.closeTo(450 / 1249.248, 12), true, "below trigger"]);
    expect(t[5].slice(5)).toEqual([expect.closeTo(15e6, 4), expect.closeTo(950 / 2565.33888, 12), true, "below trigger"]);
  });

  test("at a trigger of 0.3 only the minimum flags year 3; the default scenario is Base", () => {
    const t = grid(F.TRACK(MEDICAL_DEVICE, actual, null, 0.3));
    expect(t.slice(1).map((r) => r[7])).toEqual([false, false, true, false, false]);
    expect(grid(F.TRACK(MEDICAL_DEVICE, actual))).toEqual(grid(F.TRACK(MEDICAL_DEVICE, actual, "Base")));
  });

  test("more years than the scenario models, a blank or an unknown scenario are errors naming them", () => {
    spilledError(
      F.TRACK(MEDICAL_DEVICE, row(...Array(13).fill(0)), "Low"),
      "#VALUE!",
      "Scenario 'Low': actual_sales has 13 years; the scenario models 12 (years)"
    );
    spilledError(F.TRACK(MEDICAL_DEVICE, row(0, "")), "#VALUE!", /^actual_sales: item 2 \(contract year 2\) is blank/);
    spilledError(F.TRACK(MEDICAL_DEVICE, row(0), "Mid"), "#N/A", /^scenario 'Mid' is not in the table/);
    expect(isExcelError(F.TRACK(MEDICAL_DEVICE, row(0), "Base", 1.5)[0][0])).toBe(true);
  });
});
