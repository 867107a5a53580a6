import { atRanks } from "../../src/engine/order-statistics";
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
