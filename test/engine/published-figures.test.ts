/** Figures published outside this project that the core must reproduce. */
import { dcf, likelihoodOfSuccess, profitShare, discountFactor } from "../../src/engine";

describe("published worked examples", () => {
  test("1,000 received in year 3 at 10% is worth 751.31 with end-of-year discounting", () => {
    expect(dcf(0.1, [0, 0, 1000], "end")).toBeCloseTo(751.31, 2);
    expect(1000 * discountFactor(0.1, 3, "end")).toBeCloseTo(751.31, 2);
  });

  test("1,000 received in year 3 at 10% is worth 787.99 with the mid-year convention", () => {
    expect(dcf(0.1, [0, 0, 1000], "mid")).toBeCloseTo(787.99, 2);
  });

  test("BIO 2006-2015 phase transitions 63.2% x 30.7% x 58.1% x 85.3% give a 9.6% likelihood of approval", () => {
    expect(likelihoodOfSuccess([0.632, 0.307, 0.581, 0.853])).toBeCloseTo(0.096, 3);
  });

  test("a 4% royalty on sales of 100 with production cost 40 takes 6.67% of the profit", () => {
    const operatingMargin = (100 - 40) / 100;
    expect(profitShare(0.04, operatingMargin)).toBeCloseTo(0.0667, 4);
  });
});
