/** Deal value to the licensor: upfront + milestones + royalties. */
import { dealValue } from "../../src/engine";
import { caught } from "./helpers";

describe("dealValue", () => {
  test("upfront alone is worth its face value", () => {
    expect(dealValue({ discountRate: 0.1, upfront: 250 })).toBe(250);
  });

  test("upfront + milestones at their year + royalties, checked by hand", () => {
    // 100 + 110/1.1 + 0.5·121/1.21 + 133.1/1.331 = 100 + 100 + 50 + 100 = 350
    const v = dealValue({
      discountRate: 0.1,
      upfront: 100,
      milestones: [
        { year: 1, amount: 110 },
        { year: 2, amount: 121, probability: 0.5 },
      ],
      royalties: [0, 0, 133.1],
    });
    expect(v).toBeCloseTo(350, 9);
  });

  test("one royalty probability weighs every royalty year", () => {
    // 100 + 0.4 · 133.1/1.331 = 140
    expect(dealValue({ discountRate: 0.1, upfront: 100, royalties: [0, 0, 133.1], royaltyProbabilities: 0.4 })).toBeCloseTo(140, 9);
  });

  test("one royalty probability per year weighs each year", () => {
    // 0.5·110/1.1 + 0.25·121/1.21 = 50 + 25
    expect(dealValue({ discountRate: 0.1, upfront: 0, royalties: [110, 121], royaltyProbabilities: [0.5, 0.25] })).toBeCloseTo(75, 9);
  });

  test("royalty timing applies to royalties but milestones stay at their year", () => {
    // milestone 110 at year 1: 100; royalty 100 in year 1 at begin: 100
    const v = dealValue({ discountRate: 0.1, upfront: 0, milestones: [{ year: 1, amount: 110 }], royalties: [100], timing: "begin" });
    expect(v).toBeCloseTo(200, 9);
  });

  test("a milestone at year 0 is not discounted and one at 1.5 years is discounted by 1.1^1.5", () => {
    const v = dealValue({
      discountRate: 0.1,
      upfront: 0,
      milestones: [
        { year: 0, amount: 40 },
        { year: 1.5, amount: 10 },
      ],
    });
    expect(v).toBeCloseTo(40 + 10 / Math.pow(1.1, 1.5), 12);
  });

  test("a negative upfront (a fee the licensor pays) is allowed", () => {
    expect(dealValue({ discountRate: 0.1, upfront: -20, royalties: [22] })).toBeCloseTo(0, 12);
  });

  test("empty royalties add nothing", () => {
    expect(dealValue({ discountRate: 0.1, upfront: 5, royalties: [] })).toBe(5);
  });

  test.each<[string, object, RegExp]>([
    ["discount rate -100%", { discountRate: -1 }, /^discount_rate must be a decimal rate above -1/],
    ["non-finite upfront", { upfront: Infinity }, /^upfront must be a finite number/],
    [
      "milestone before signing",
      {
        milestones: [
          { year: 1, amount: 1 },
          { year: -1, amount: 5 },
        ],
      },
      /^milestones \(row 2\) year must be 0 or more/,
    ],
    ["milestone amount NaN", { milestones: [{ year: 1, amount: NaN }] }, /^milestones \(row 1\) amount must be a finite number/],
    [
      "milestone probability above 1",
      { milestones: [{ year: 1, amount: 5, probability: 2 }] },
      /^milestones \(row 1\) probability must be a decimal from 0 to 1/,
    ],
  ])("%s is refused naming the argument", (_what, change, message) => {
    const e = caught(() => dealValue({ discountRate: 0.1, upfront: 0, ...change }));
    expect(e.kind).toBe("invalidValue");
    expect(e.message).toMatch(message);
  });

  test("royalty probabilities of the wrong length are refused naming royalty_probabilities", () => {
    const e = caught(() => dealValue({ discountRate: 0.1, upfront: 0, royalties: [1, 2, 3], royaltyProbabilities: [0.5, 0.5] }));
    expect(e.kind).toBe("invalidValue");
    expect(e.message).toMatch(/^royalty_probabilities must be one number or one per/);
  });

  test("a royalty probability above 1 is refused naming royalty_probabilities", () => {
    const e = caught(() => dealValue({ discountRate: 0.1, upfront: 0, royalties: [1], royaltyProbabilities: 1.5 }));
    expect(e.message).toMatch(/^royalty_probabilities must be a decimal from 0 to 1/);
  });

  test("a deal value that overflows is #NUM!", () => {
    expect(caught(() => dealValue({ discountRate: 0, upfront: 1e308, milestones: [{ year: 0, amount: 1e308 }] })).kind).toBe("invalidNumber");
  });
});
