import { fieldScale, niceStep, placeLabels, textWidth } from "../../src/model/football";

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

describe("the football field's labels", () => {
  test("full-width text is about twice as wide as digits", () => {
    expect(textWidth("上限価格", 10)).toBeCloseTo(40);
    expect(textWidth("5000", 10)).toBeGreaterThan(20);
    expect(textWidth("5000", 10)).toBeLessThan(textWidth("上限価格", 10));
    expect(textWidth("Floor", 10, true)).toBeGreaterThan(textWidth("Floor", 10));
  });

  test("close labels go into lanes of their own; apart ones share a lane", () => {
    const close = placeLabels(
      [
        { x: 100, width: 60 },
        { x: 110, width: 60 },
        { x: 120, width: 60 },
      ],
      0,
      400
    );
    expect(close.map((s) => s.lane).sort()).toEqual([0, 1, 2]);
    const apart = placeLabels(
      [
        { x: 50, width: 60 },
        { x: 300, width: 60 },
      ],
      0,
      400
    );
    expect(apart.map((s) => s.lane)).toEqual([0, 0]);
    expect(apart.map((s) => s.left)).toEqual([20, 270]);
  });

  test("labels in one lane never overlap, and stay inside the bounds", () => {
    const labels = [5, 390, 200, 210, 60, 395].map((x) => ({ x, width: 70 }));
    const slots = placeLabels(labels, 8, 392);
    for (const s of slots) {
      expect(s.left).toBeGreaterThanOrEqual(8);
      expect(s.left + 70).toBeLessThanOrEqual(392);
    }
    for (let i = 0; i < slots.length; i++)
      for (let j = i + 1; j < slots.length; j++)
        if (slots[i].lane === slots[j].lane) expect(Math.abs(slots[i].left - slots[j].left)).toBeGreaterThanOrEqual(70 + 4);
  });
});
