import { atRanks, stableOrder } from "../../src/engine/order-statistics";
import { percentileInc, percentileRanks } from "../../src/engine/simulate";
import { seededGenerator, uniformOpen } from "../../src/engine/random";

/** Arrays a simulation can give: spread, heavy ties, few values, a zero, a NaN, sorted, reversed. */
function samples(): Record<string, Float64Array> {
  const g = seededGenerator(7);
  const u = (n: number, f: (x: number) => number) => Float64Array.from({ length: n }, () => f(uniformOpen(g)));
  return {
    spread: u(10001, (x) => 1e8 * (x - 0.3)),
    ties: u(5000, (x) => Math.floor(x * 4) * 1e6),
    constant: new Float64Array(300).fill(42),
    short: u(7, (x) => x),
    "with zeros": u(2000, (x) => (x < 0.1 ? (x < 0.05 ? -0 : 0) : x - 0.5)),
    "with a NaN": Float64Array.from([...u(500, (x) => x), NaN]),
    ascending: Float64Array.from({ length: 4000 }, (_, i) => i),
    descending: Float64Array.from({ length: 4000 }, (_, i) => -i),
  };
}

const PS = [0, 0.025, 0.1, 0.5, 0.9, 0.975, 1, 0.333];

describe("atRanks gives the values a full sort puts at the ranks the percentiles read", () => {
  for (const [name, values] of Object.entries(samples())) {
    test(`${name}: each needed rank's value is the sorted one, bit for bit, and PERCENTILE.INC agrees`, () => {
      const sorted = Float64Array.from(values).sort();
      const ranks = percentileRanks(values.length, PS);
      const ranked = atRanks(values, ranks);
      for (const r of ranks) expect(Object.is(ranked[r], sorted[r])).toBe(true);
      for (const p of PS) expect(Object.is(percentileInc(ranked, p), percentileInc(sorted, p))).toBe(true);
    });
  }

  test("the input is left as it was", () => {
    const values = samples().spread;
    const before = Float64Array.from(values);
    atRanks(values, percentileRanks(values.length, PS));
    expect(values).toEqual(before);
  });

  test("ranks out of range or repeated are ignored, not an error", () => {
    const values = Float64Array.from([3, 1, 2]);
    expect(atRanks(values, [-1, 1, 1, 9])[1]).toBe(2);
  });
});

describe("stableOrder: a stable sort's order by radix", () => {
  /** The oracle: Array.prototype.sort is stable (ES2019); −0 and +0 compare equal. */
  const byComparison = (a: Float64Array) => Array.from(a, (_, i) => i).sort((i, j) => (a[i] < a[j] ? -1 : a[i] > a[j] ? 1 : 0));

  test.each(Object.entries(samples()).filter(([name]) => name !== "with a NaN"))("%s: the same order as a stable comparison sort", (_, a) => {
    expect(Array.from(stableOrder(a)!)).toEqual(byComparison(a));
  });

  test("negatives, huge and tiny magnitudes, subnormals, infinities and equal values keep index order", () => {
    const a = Float64Array.from([3, -1e300, 5e-324, -0, 0, -5e-324, Infinity, -Infinity, 1e-300, -2.5, 3, 0, -0, 1e300, -2.5]);
    expect(Array.from(stableOrder(a)!)).toEqual(byComparison(a));
    expect(Array.from(stableOrder(a)!)).toEqual([7, 1, 9, 14, 5, 3, 4, 11, 12, 2, 8, 0, 10, 13, 6]);
  });

  test("a NaN has no place: null; empty and single arrays are their own order", () => {
    expect(stableOrder(Float64Array.from([1, NaN, 0]))).toBeNull();
    expect(Array.from(stableOrder(new Float64Array(0))!)).toEqual([]);
    expect(Array.from(stableOrder(Float64Array.from([7]))!)).toEqual([0]);
  });
});
