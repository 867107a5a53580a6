/** Argument checks shared by the core, and the kinds of error they raise. */
import {
  finiteResult,
  invalidNumber,
  invalidValue,
  MAX_YEARS,
  notAvailable,
  requireFinite,
  requireFraction,
  requireNonNegative,
  requireRate,
  requireWholeYears,
} from "../../src/engine";
import { caught } from "./helpers";

describe("error kinds", () => {
  test("each factory makes a ValuationError of its kind", () => {
    expect(invalidValue("a").kind).toBe("invalidValue");
    expect(invalidNumber("b").kind).toBe("invalidNumber");
    expect(notAvailable("c").kind).toBe("notAvailable");
    expect(notAvailable("c")).toBeInstanceOf(Error);
    expect(notAvailable("c").message).toBe("c");
    expect(notAvailable("c").name).toBe("ValuationError");
  });
});

describe("argument checks", () => {
  test("requireFinite passes finite numbers back and refuses NaN and infinities by name", () => {
    expect(requireFinite(-3.5, "x")).toBe(-3.5);
    expect(caught(() => requireFinite(NaN, "x")).message).toBe("x must be a finite number; got not a number");
    expect(caught(() => requireFinite(-Infinity, "x")).message).toBe("x must be a finite number; got -Infinity");
    expect(caught(() => requireFinite("1" as unknown as number, "x")).kind).toBe("invalidValue");
  });

  test("requireRate accepts anything above -100%", () => {
    expect(requireRate(-0.999, "r")).toBe(-0.999);
    expect(requireRate(5, "r")).toBe(5);
    expect(caught(() => requireRate(-1, "r")).message).toBe("r must be a decimal rate above -1 (-100%); got -1");
  });

  test("requireFraction honours the open ends it is asked for", () => {
    expect(requireFraction(0, "p")).toBe(0);
    expect(requireFraction(1, "p")).toBe(1);
    expect(caught(() => requireFraction(0, "p", { above0: true })).message).toBe("p must be a decimal above 0 to 1 (0.05 = 5%); got 0");
    expect(caught(() => requireFraction(1, "t", { below1: true })).message).toBe("t must be a decimal from 0 below 1 (0.05 = 5%); got 1");
    expect(caught(() => requireFraction(1.0000001, "p")).kind).toBe("invalidValue");
  });

  test("requireNonNegative accepts 0 and refuses negatives", () => {
    expect(requireNonNegative(0, "n")).toBe(0);
    expect(caught(() => requireNonNegative(-1e-9, "n")).message).toMatch(/^n must be 0 or more/);
  });

  test(`requireWholeYears accepts whole numbers from min to ${MAX_YEARS}`, () => {
    expect(requireWholeYears(1, "y")).toBe(1);
    expect(requireWholeYears(MAX_YEARS, "y")).toBe(200);
    expect(requireWholeYears(0, "y", 0)).toBe(0);
    for (const bad of [0, 1.5, 201, -3]) {
      expect(caught(() => requireWholeYears(bad, "y")).message).toMatch(/^y must be a whole number of years from 1 to 200/);
    }
  });

  test("finiteResult lets finite numbers through and turns the rest into #NUM!", () => {
    expect(finiteResult(1e308, "v")).toBe(1e308);
    for (const bad of [NaN, Infinity, -Infinity]) {
      const e = caught(() => finiteResult(bad, "The value"));
      expect(e.kind).toBe("invalidNumber");
      expect(e.message).toBe("The value is too large or undefined for these inputs");
    }
  });
});
