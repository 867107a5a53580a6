/** Royalty-rate cross-checks: 25% rule, profit share, walk-away rate, relief from royalty, equivalent rate, LOA. */
import {
  annuityFactor,
  cumulativeProbabilities,
  equivalentRate,
  likelihoodOfSuccess,
  maxRate,
  presentValue,
  profitShare,
  rate25,
  reliefFromRoyalty,
} from "../../src/engine";
import { caught } from "./helpers";

describe("rate25 (25% rule)", () => {
  test("a 20% margin gives a 5% royalty", () => {
    // 0.2 × 0.25
    expect(rate25(0.2)).toBeCloseTo(0.05, 15);
  });

  test("the licensor share can be changed", () => {
    // 0.3 × 1/3
    expect(rate25(0.3, 1 / 3)).toBeCloseTo(0.1, 15);
  });

  test("a zero margin gives a zero rate", () => {
    expect(rate25(0)).toBe(0);
  });

  test("a margin above 100% is an invalid argument naming operating_margin", () => {
    const e = caught(() => rate25(1.2));
    expect(e.kind).toBe("invalidValue");
    expect(e.message).toMatch(/^operating_margin must be a decimal of at most 1/);
  });

  test("a negative margin has no profit to share: #NUM!", () => {
    expect(caught(() => rate25(-0.1)).kind).toBe("invalidNumber");
  });

  test("a licensor share above 1 is refused naming licensor_share", () => {
    const e = caught(() => rate25(0.2, 1.5));
    expect(e.kind).toBe("invalidValue");
    expect(e.message).toMatch(/^licensor_share must be a decimal from 0 to 1/);
  });
});

describe("profitShare", () => {
  test("a 5% royalty on a 20% margin takes a quarter of the profit", () => {
    expect(profitShare(0.05, 0.2)).toBeCloseTo(0.25, 15);
  });

  test("a royalty above the margin takes more than all the profit", () => {
    // 0.1 / 0.05 = 2
    expect(profitShare(0.1, 0.05)).toBeCloseTo(2, 15);
  });

  test("a zero or negative margin has no share: #NUM!", () => {
    expect(caught(() => profitShare(0.05, 0)).kind).toBe("invalidNumber");
    expect(caught(() => profitShare(0.05, -0.2)).kind).toBe("invalidNumber");
  });

  test("a margin above 1 and a rate outside 0..1 are invalid arguments named in the message", () => {
    expect(caught(() => profitShare(0.05, 1.1)).message).toMatch(/^operating_margin/);
    expect(caught(() => profitShare(1.1, 0.5)).message).toMatch(/^royalty_rate/);
    expect(caught(() => profitShare(-0.1, 0.5)).kind).toBe("invalidValue");
  });

  test("RATE25 and PROFITSHARE are inverses of each other", () => {
    for (const margin of [0.01, 0.1, 0.2, 0.37, 1]) {
      for (const share of [0, 0.1, 0.25, 0.5, 1]) {
        // profit share of the 25%-rule rate gives back the share ...
        expect(profitShare(rate25(margin, share), margin)).toBeCloseTo(share, 12);
      }
      for (const rate of [0, 0.001, margin / 3, margin]) {
        // ... and the 25%-rule rate at the profit share gives back the rate
        expect(rate25(margin, profitShare(rate, margin))).toBeCloseTo(rate, 12);
      }
    }
  });
});

describe("maxRate (licensee walk-away rate)", () => {
  test("matches the formula (p·PV(OP)·(1−T) − I)/(p·PV(sales)·(1−T)) computed by hand", () => {
    // PV(sales) = 100/1.1 + 100/1.21 = 173.553719; PV(OP) = 30/1.1 + 30/1.21 = 52.066116
    // numerator   = 0.8 · 52.066116 · 0.75 − 10 = 31.239669 − 10 = 21.239669
    // denominator = 0.8 · 173.553719 · 0.75 = 104.132231
    // rate = 21.239669 / 104.132231 = 0.2039683
    const r = maxRate({ sales: [100, 100], operatingProfit: [30, 30], hurdleRate: 0.1, investment: 10, taxRate: 0.25, successProbability: 0.8 });
    expect(r).toBeCloseTo(0.2039683, 7);
  });

  test("with no investment, tax or risk, the walk-away rate is PV(OP)/PV(sales), the margin for a constant margin", () => {
    expect(maxRate({ sales: [50, 80, 120], operatingProfit: [10, 16, 24], hurdleRate: 0.12 })).toBeCloseTo(0.2, 12);
  });

  test("a project that fails its hurdle even royalty-free gives a negative rate", () => {
    // (100/1.1·0.1 − 50) / (100/1.1) = (9.0909 − 50) / 90.909 = −0.45
    expect(maxRate({ sales: [100], operatingProfit: [10], hurdleRate: 0.1, investment: 50 })).toBeCloseTo(-0.45, 12);
  });

  test("timing applies to both sales and profit", () => {
    // begin: PV(sales) = 100 + 100/1.1 = 190.909; PV(OP) = 20 + 20/1.1 = 38.1818; (38.1818 − 19.0909)/190.909 = 0.1
    expect(maxRate({ sales: [100, 100], operatingProfit: [20, 20], hurdleRate: 0.1, investment: 19.0909090909, timing: "begin" })).toBeCloseTo(0.1, 9);
  });

  test("the royalty base may be narrower than the sales (royalty term)", () => {
    // OP over both years: 20/1.1 + 20/1.21 = 34.7107; base year 1 only: 100/1.1 = 90.909 -> 0.381818
    const r = maxRate({ sales: [100, 100], operatingProfit: [20, 20], hurdleRate: 0.1, royaltyBase: [100, 0] });
    expect(r).toBeCloseTo((20 / 1.1 + 20 / 1.21) / (100 / 1.1), 12);
  });

  test("no sales to carry a royalty is #NUM!", () => {
    expect(caught(() => maxRate({ sales: [0, 0], operatingProfit: [0, 0], hurdleRate: 0.1 })).kind).toBe("invalidNumber");
  });

  test("profit of a different length from sales is refused and says both lengths", () => {
    const e = caught(() => maxRate({ sales: [1, 2, 3], operatingProfit: [1, 2], hurdleRate: 0.1 }));
    expect(e.kind).toBe("invalidValue");
    expect(e.message).toMatch(/operating_profit must have one value per sales year: got 2 for 3 years/);
  });

  test.each<[string, object, RegExp]>([
    ["negative investment", { investment: -1 }, /^investment must be 0 or more/],
    ["tax rate of 100%", { taxRate: 1 }, /^tax_rate must be a decimal from 0 below 1/],
    ["zero success probability", { successProbability: 0 }, /^success_probability must be a decimal above 0 to 1/],
    ["success probability above 1", { successProbability: 1.1 }, /^success_probability/],
    ["hurdle rate at -100%", { hurdleRate: -1 }, /^hurdle_rate must be a decimal rate above -1/],
  ])("%s is refused with a message naming the argument", (_what, change, message) => {
    const e = caught(() => maxRate({ sales: [100], operatingProfit: [20], hurdleRate: 0.1, ...change }));
    expect(e.kind).toBe("invalidValue");
    expect(e.message).toMatch(message);
  });
});

describe("reliefFromRoyalty", () => {
  const sales = [100, 200, 300];

  test("is the after-tax royalty discounted, checked against a hand computation", () => {
    // PV(sales) at 10% = 100/1.1 + 200/1.21 + 300/1.331 = 90.909091 + 165.289256 + 225.394440 = 481.592787
    // value = 0.05 · (1 − 0.25) · 481.592787 = 18.059730
    expect(reliefFromRoyalty(sales, 0.05, 0.25, 0.1)).toBeCloseTo(18.05973, 5);
  });

  test("with amortization the value is grossed up by the tax amortization benefit", () => {
    // AF(3 years, 10%) = 2.486852; T·AF/n = 0.25 · 2.486852 / 3 = 0.207238
    // TAB = 1/(1 − 0.207238) = 1.261412; value = 18.059730 · 1.261412 = 22.780761
    expect(reliefFromRoyalty(sales, 0.05, 0.25, 0.1, "end", 3)).toBeCloseTo(22.780761, 5);
  });

  test("the amortization annuity uses the same timing as the royalties", () => {
    const af = annuityFactor(0.1, 5, "mid");
    const expected = (0.05 * 0.75 * presentValue(0.1, sales, "mid")) / (1 - (0.25 * af) / 5);
    expect(reliefFromRoyalty(sales, 0.05, 0.25, 0.1, "mid", 5)).toBeCloseTo(expected, 10);
  });

  test("with no tax the amortization benefit is 1", () => {
    expect(reliefFromRoyalty(sales, 0.05, 0, 0.1, "end", 10)).toBeCloseTo(0.05 * 481.592787, 5);
  });

  test("a tax shield of 100% or more has no finite value: #NUM!", () => {
    // at −50%, AF(2) = 2 + 4 = 6; T·AF/n = 0.5 · 6 / 2 = 1.5, not below 1
    const e = caught(() => reliefFromRoyalty(sales, 0.05, 0.5, -0.5, "end", 2));
    expect(e.kind).toBe("invalidNumber");
  });

  test.each<[string, () => unknown, RegExp]>([
    ["royalty rate above 1", () => reliefFromRoyalty(sales, 2, 0.25, 0.1), /^royalty_rate/],
    ["tax rate of 1", () => reliefFromRoyalty(sales, 0.05, 1, 0.1), /^tax_rate must be a decimal from 0 below 1/],
    ["discount rate -100%", () => reliefFromRoyalty(sales, 0.05, 0.25, -1), /^discount_rate must be a decimal rate above -1/],
    ["fractional amortization", () => reliefFromRoyalty(sales, 0.05, 0.25, 0.1, "end", 2.5), /^amortization_years must be a whole number/],
    ["zero amortization", () => reliefFromRoyalty(sales, 0.05, 0.25, 0.1, "end", 0), /^amortization_years/],
  ])("%s is refused naming the argument", (_what, f, message) => {
    const e = caught(f);
    expect(e.kind).toBe("invalidValue");
    expect(e.message).toMatch(message);
  });
});

describe("equivalentRate", () => {
  test("is the lump sum over PV(sales)", () => {
    // PV(sales) = 481.592787; 24.079639 / 481.592787 = 0.05
    expect(equivalentRate(24.0796394, [100, 200, 300], 0.1)).toBeCloseTo(0.05, 8);
  });

  test("turns a relief-from-royalty value back into the pre-tax royalty rate", () => {
    // RFR without tax is rate · PV(sales), so EQUIVRATE(RFR) = rate
    const value = reliefFromRoyalty([10, 20, 30, 40], 0.037, 0, 0.09, "mid");
    expect(equivalentRate(value, [10, 20, 30, 40], 0.09, "mid")).toBeCloseTo(0.037, 12);
  });

  test("sales worth nothing today have no equivalent rate: #NUM!", () => {
    expect(caught(() => equivalentRate(10, [0, 0], 0.1)).kind).toBe("invalidNumber");
    expect(caught(() => equivalentRate(10, [-5], 0.1)).kind).toBe("invalidNumber");
  });

  test("a negative lump sum and a rate at -100% are invalid arguments named in the message", () => {
    expect(caught(() => equivalentRate(-1, [1], 0.1)).message).toMatch(/^lump_sum must be 0 or more/);
    expect(caught(() => equivalentRate(1, [1], -1)).message).toMatch(/^discount_rate/);
  });
});

describe("likelihood of success", () => {
  test("is the product of the transition probabilities", () => {
    // 0.5 · 0.5 · 0.8 = 0.2
    expect(likelihoodOfSuccess([0.5, 0.5, 0.8])).toBeCloseTo(0.2, 15);
  });

  test("cumulative probabilities are the running product", () => {
    expect(Array.from(cumulativeProbabilities([0.5, 0.5, 0.8]))).toEqual([0.5, 0.25, expect.closeTo(0.2, 15)]);
  });

  test("no stages means certain", () => {
    expect(likelihoodOfSuccess([])).toBe(1);
    expect(cumulativeProbabilities([])).toHaveLength(0);
  });

  test("a probability outside 0..1 is refused naming its item", () => {
    expect(caught(() => likelihoodOfSuccess([0.5, 1.5])).message).toMatch(/^phase_probabilities \(item 2\) must be a decimal from 0 to 1/);
    expect(caught(() => cumulativeProbabilities([-0.1])).message).toMatch(/^phase_probabilities \(item 1\)/);
  });
});
