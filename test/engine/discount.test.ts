/** Discounting core: factors, present value, DCF, RNPV, annuity factor and timing words. */
import { annuityFactor, dcf, discountFactor, discountFactors, parseTiming, presentValue, rnpv, TIMINGS } from "../../src/engine";
import { caught } from "./helpers";

describe("discountFactor", () => {
  test("end of year 2 at 10% is 1/1.1^2", () => {
    // 1 / 1.21 = 0.826446...
    expect(discountFactor(0.1, 2, "end")).toBeCloseTo(0.826446281, 10);
  });

  test("mid-year shifts the exponent by half a year", () => {
    // 1 / 1.1^1.5 = 0.866784...
    expect(discountFactor(0.1, 2, "mid")).toBeCloseTo(1 / Math.pow(1.1, 1.5), 12);
  });

  test("beginning of year 1 is not discounted", () => {
    expect(discountFactor(0.1, 1, "begin")).toBe(1);
  });

  test("fractional years (milestones) are discounted by the fractional power", () => {
    // 1 / 1.1^2.5
    expect(discountFactor(0.1, 2.5)).toBeCloseTo(Math.pow(1.1, -2.5), 12);
  });

  test("year 0 is worth face value at the end-of-year convention", () => {
    expect(discountFactor(0.25, 0, "end")).toBe(1);
  });
});

describe("discountFactors", () => {
  test.each(TIMINGS.map((t) => [t]))("running product agrees with the closed form for 200 years (%s)", (timing) => {
    const out = discountFactors(0.07, timing, new Float64Array(200));
    for (let i = 0; i < 200; i++) {
      const exact = discountFactor(0.07, i + 1, timing);
      expect(Math.abs(out[i] - exact) / exact).toBeLessThan(1e-12);
    }
  });

  test("fills and returns the array it is given", () => {
    const buf = new Float64Array(3);
    expect(discountFactors(0.1, "end", buf)).toBe(buf);
    // 1/1.1, 1/1.21, 1/1.331
    expect(Array.from(buf)).toEqual([1 / 1.1, 1 / 1.1 / 1.1, 1 / 1.1 / 1.1 / 1.1].map((x) => expect.closeTo(x, 12)));
  });
});

describe("presentValue and DCF", () => {
  test("end-of-year: 100 a year for 3 years at 10% is 248.685", () => {
    // 100/1.1 + 100/1.21 + 100/1.331 = 90.9091 + 82.6446 + 75.1315 = 248.6852
    expect(dcf(0.1, [100, 100, 100], "end")).toBeCloseTo(248.685199, 6);
  });

  test("end is the default timing", () => {
    expect(dcf(0.1, [100, 100, 100])).toBe(dcf(0.1, [100, 100, 100], "end"));
  });

  test("mid-year: each flow is worth sqrt(1.1) times its end-of-year value", () => {
    // 248.685199 * 1.1^0.5 = 248.685199 * 1.0488088 = 260.823237
    expect(dcf(0.1, [100, 100, 100], "mid")).toBeCloseTo(260.823237, 6);
  });

  test("beginning-of-year: each flow is worth 1.1 times its end-of-year value", () => {
    // 100 + 100/1.1 + 100/1.21 = 273.553719
    expect(dcf(0.1, [100, 100, 100], "begin")).toBeCloseTo(273.553719, 6);
  });

  test("a zero flow keeps its year: 100, 0, 100 at 10% is 100/1.1 + 100/1.331", () => {
    // 90.909091 + 75.131480 = 166.040571
    expect(dcf(0.1, [100, 0, 100])).toBeCloseTo(166.040571, 6);
  });

  test("at a 0% rate the present value is the plain sum", () => {
    expect(dcf(0, [1, 2, 3, 4])).toBe(10);
  });

  test("a negative rate above -100% is allowed and makes the future worth more", () => {
    // 1 / (1 - 0.5) = 2
    expect(dcf(-0.5, [1])).toBe(2);
  });

  test("negative flows are discounted like positive ones", () => {
    expect(dcf(0.1, [-110, 121])).toBeCloseTo(-100 + 100, 10);
  });

  test("no flows are worth 0", () => {
    expect(presentValue(0.1, [])).toBe(0);
    expect(dcf(0.1, [])).toBe(0);
  });

  test("a rate of -100% or below is refused, naming rate", () => {
    for (const r of [-1, -1.5]) {
      const e = caught(() => dcf(r, [1]));
      expect(e.kind).toBe("invalidValue");
      expect(e.message).toMatch(/^rate must be a decimal rate above -1/);
    }
  });

  test("a rate that is not a number is refused as not a number", () => {
    const e = caught(() => dcf(NaN, [1]));
    expect(e.kind).toBe("invalidValue");
    expect(e.message).toMatch(/rate must be a finite number; got not a number/);
  });

  test("a present value that overflows is #NUM!, never Infinity", () => {
    const e = caught(() => dcf(0, [1e308, 1e308]));
    expect(e.kind).toBe("invalidNumber");
  });
});

describe("RNPV", () => {
  test("weights each flow by its probability before discounting", () => {
    // 100/1.1 + 0.5·100/1.21 + 0.25·100/1.331 = 90.9091 + 41.3223 + 18.7829 = 151.0143
    expect(rnpv(0.1, [100, 100, 100], [1, 0.5, 0.25])).toBeCloseTo(151.014275, 6);
  });

  test("one probability applies to every year", () => {
    // 0.5 · 248.685199
    expect(rnpv(0.1, [100, 100, 100], 0.5)).toBeCloseTo(124.3426, 4);
  });

  test("with probability 1 it equals DCF for each timing", () => {
    for (const t of TIMINGS) expect(rnpv(0.08, [5, -3, 7, 11], 1, t)).toBeCloseTo(dcf(0.08, [5, -3, 7, 11], t), 12);
  });

  test("mid-year timing applies to risk-adjusted flows too", () => {
    // 0.5·100/1.1^0.5 + 0.5·100/1.1^1.5
    expect(rnpv(0.1, [100, 100], [0.5, 0.5], "mid")).toBeCloseTo(50 / Math.sqrt(1.1) + 50 / Math.pow(1.1, 1.5), 10);
  });

  test("a probability list of the wrong length is refused and says how many were given", () => {
    const e = caught(() => rnpv(0.1, [1, 2, 3], [0.5, 0.5]));
    expect(e.kind).toBe("invalidValue");
    expect(e.message).toMatch(/probabilities must be one number or one per cash flow: got 2 for 3 flows/);
  });

  test("a probability above 1 is refused, naming the item", () => {
    const e = caught(() => rnpv(0.1, [1, 2], [1, 1.2]));
    expect(e.message).toMatch(/probabilities \(item 2\) must be a decimal from 0 to 1/);
  });

  test("a negative single probability is refused", () => {
    const e = caught(() => rnpv(0.1, [1, 2], -0.1));
    expect(e.kind).toBe("invalidValue");
    expect(e.message).toMatch(/^probabilities must be a decimal from 0 to 1/);
  });

  test("the rate is checked as in DCF", () => {
    expect(caught(() => rnpv(-1, [1], 1)).message).toMatch(/^rate must be/);
  });
});

describe("annuityFactor", () => {
  test("3 years at 10% end-of-year is 2.486852", () => {
    // 1/1.1 + 1/1.21 + 1/1.331 = 0.909091 + 0.826446 + 0.751315
    expect(annuityFactor(0.1, 3)).toBeCloseTo(2.486852, 6);
  });

  test("equals the closed form (1 - 1.1^-n)/0.1 for 30 years", () => {
    expect(annuityFactor(0.1, 30)).toBeCloseTo((1 - Math.pow(1.1, -30)) / 0.1, 10);
  });

  test("at 0% it is the number of years", () => {
    expect(annuityFactor(0, 7, "mid")).toBe(7);
  });
});

describe("parseTiming", () => {
  test("omitted, null and empty text mean end", () => {
    expect(parseTiming(undefined)).toBe("end");
    expect(parseTiming(null)).toBe("end");
    expect(parseTiming("")).toBe("end");
  });

  test.each([
    ["end", "end"],
    ["MID", "mid"],
    [" middle ", "mid"],
    ["Begin", "begin"],
    ["beginning", "begin"],
    ["start", "begin"],
    ["期末", "end"],
    ["年末", "end"],
    ["期央", "mid"],
    ["年央", "mid"],
    ["期中", "mid"],
    ["期首", "begin"],
    ["年初", "begin"],
  ])("%j is read as %s", (word, timing) => {
    expect(parseTiming(word)).toBe(timing);
  });

  test.each([["later"], ["constructor"], ["__proto__"], ["toString"], ["hasOwnProperty"], [1], [true]])(
    "%j is refused with a message naming timing and the allowed words",
    (word) => {
      const e = caught(() => parseTiming(word));
      expect(e.kind).toBe("invalidValue");
      expect(e.message).toMatch(/^timing must be "end", "mid" or "begin"/);
    }
  );

  test("the message names the argument it was given", () => {
    expect(caught(() => parseTiming("x", "royalty_timing")).message).toMatch(/^royalty_timing must be/);
  });
});
