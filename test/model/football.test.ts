import { fieldScale, niceStep } from "../../src/model/football";

describe("the football field's scale", () => {
  test("an outlier method 50 times the others is clipped and the marks stay inside a narrow axis", () => {
    const bars = [
      { low: 60e6, base: 80e6, high: 100e6 },
      { low: 70e6, base: 90e6, high: 120e6 },
      { low: 1e9, base: 3e9, high: 5.4e9 },
    ];
    const s = fieldScale(bars, [85e6, 60e6, 110e6]);
    expect(s.clippedHigh).toEqual([false, false, true]);
    expect(s.max).toBeLessThan(500e6);
    // The committee's zone (60–110 M) spans at least a fifth of the axis.
    expect((110e6 - 60e6) / (s.max - s.min)).toBeGreaterThan(0.2);
  });

  test("comparable methods are not clipped and the axis covers every end", () => {
    const bars = [
      { low: -10, base: 5, high: 20 },
      { low: 0, base: 30, high: 45 },
    ];
    const s = fieldScale(bars, []);
    expect(s.clippedHigh).toEqual([false, false]);
    expect(s.clippedLow).toEqual([false, false]);
    expect(s.min).toBeLessThanOrEqual(-10);
    expect(s.max).toBeGreaterThanOrEqual(45);
  });

  test("a mark far above the methods is never clipped", () => {
    const s = fieldScale([{ low: 1, base: 2, high: 3 }], [100]);
    expect(s.max).toBeGreaterThanOrEqual(100);
  });

  test("steps are 1, 2 or 5 times a power of ten", () => {
    expect(niceStep(100)).toBe(50);
    expect(niceStep(7)).toBe(2);
    expect(niceStep(0)).toBe(1);
  });
});
