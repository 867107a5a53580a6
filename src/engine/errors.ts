/**
 * Errors the valuation core raises. The kind maps one-to-one onto Excel's error codes in the
 * custom-function adapters, so the core never needs to know about Office.
 *  - invalidValue  -> #VALUE!  an argument is outside what is allowed (the message names it)
 *  - invalidNumber -> #NUM!    the inputs are valid but the maths has no answer
 *  - notAvailable  -> #N/A     something asked for does not exist (e.g. a scenario name)
 */
export type ErrorKind = "invalidValue" | "invalidNumber" | "notAvailable";

export class ValuationError extends Error {
  constructor(
    public readonly kind: ErrorKind,
    message: string
  ) {
    super(message);
    this.name = "ValuationError";
  }
}

export const invalidValue = (message: string): ValuationError => new ValuationError("invalidValue", message);
export const invalidNumber = (message: string): ValuationError => new ValuationError("invalidNumber", message);
export const notAvailable = (message: string): ValuationError => new ValuationError("notAvailable", message);

/** Longest model the core accepts: a spill of this many rows is still readable and cheap. */
export const MAX_YEARS = 200;

const show = (x: number): string => (Number.isNaN(x) ? "not a number" : String(x));

export function requireFinite(x: number, name: string): number {
  if (typeof x !== "number" || !Number.isFinite(x)) throw invalidValue(`${name} must be a finite number; got ${show(x)}`);
  return x;
}

/** Discount, growth and hurdle rates: any decimal above -100% (at -100% money has no time value). */
export function requireRate(x: number, name: string): number {
  requireFinite(x, name);
  if (x <= -1) throw invalidValue(`${name} must be a decimal rate above -1 (-100%); got ${show(x)}`);
  return x;
}

/** Shares, probabilities, royalty and tax rates: a decimal from 0 to 1 (0.05 = 5%). */
export function requireFraction(x: number, name: string, opts: { above0?: boolean; below1?: boolean } = {}): number {
  requireFinite(x, name);
  const lowOk = opts.above0 ? x > 0 : x >= 0;
  const highOk = opts.below1 ? x < 1 : x <= 1;
  if (!lowOk || !highOk) {
    const lo = opts.above0 ? "above 0" : "from 0";
    const hi = opts.below1 ? "below 1" : "to 1";
    throw invalidValue(`${name} must be a decimal ${lo} ${hi} (0.05 = 5%); got ${show(x)}`);
  }
  return x;
}

/** Operating margins: a decimal of at most 1 (100%), negative for a loss. */
export function requireAtMostOne(x: number, name: string): number {
  requireFinite(x, name);
  if (x > 1) throw invalidValue(`${name} must be a decimal of at most 1 (100%); got ${show(x)}`);
  return x;
}

export function requireNonNegative(x: number, name: string): number {
  requireFinite(x, name);
  if (x < 0) throw invalidValue(`${name} must be 0 or more; got ${show(x)}`);
  return x;
}

/** Year counts and year numbers: whole numbers from `min` to MAX_YEARS. */
export function requireWholeYears(x: number, name: string, min = 1): number {
  requireFinite(x, name);
  if (!Number.isInteger(x) || x < min || x > MAX_YEARS) {
    throw invalidValue(`${name} must be a whole number of years from ${min} to ${MAX_YEARS}; got ${show(x)}`);
  }
  return x;
}

/** The last guard before a number leaves the core: never NaN or Infinity. */
export function finiteResult(x: number, what: string): number {
  if (!Number.isFinite(x)) throw invalidNumber(`${what} is too large or undefined for these inputs`);
  return x;
}
