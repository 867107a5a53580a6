import { ValuationError } from "../../src/engine";

/** Runs f and returns the ValuationError it throws (fails the test when it does not throw one). */
export function caught(f: () => unknown): ValuationError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValuationError);
    return e as ValuationError;
  }
  throw new Error("expected a ValuationError, but nothing was thrown");
}

/**
 * A model whose answers are worked out by hand (the tornado's and the spider's): sales of 1,000 a year
 * for three years discounted at 10 % at the end of each year, so PV(sales) = 1000·(1/1.1 + 1/1.21 +
 * 1/1.331) = 2,486.8519909842224, and rnpv = upfront + p · rate · PV(sales), linear in the royalty rate
 * (no minimum royalty) and in the probability of success.
 */
export const PV_SALES = 1000 * (1 / 1.1 + 1 / 1.21 + 1 / 1.331);

export function handTable(extra: (string | number | null)[][] = []) {
  return [
    ["key", "Low", "Base", "High"],
    ["market_size", 1000, 1000, 1000],
    ["peak_share", 1, 1, 1],
    ["years", 3, 3, 3],
    ["royalty_rate", 0.02, 0.03, 0.04],
    ["success_probability", 0.5, 0.6, 0.8],
    ["operating_margin", 0.2, 0.2, 0.2],
    ["discount_rate", 0.1, 0.1, 0.1],
    ["upfront", 100, 100, 100],
    ...extra,
  ];
}

/** x is a number within 1e-9 relative of y. */
export function close(x: number | ValuationError, y: number): void {
  expect(typeof x).toBe("number");
  expect(Math.abs((x as number) - y)).toBeLessThanOrEqual(1e-9 * Math.abs(y) + 1e-12);
}
