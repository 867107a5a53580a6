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
