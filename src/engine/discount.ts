import { excerptIn, finiteResult, invalidValue, keyName, phrase, requireFraction, requireRate } from "./errors";

/**
 * When in a year a flow happens. Flow i (1-based) is discounted by (1+r)^(i - offset):
 * end-of-year (Excel NPV), mid-year (the valuation convention for flows spread over the year),
 * or beginning-of-year (Excel PV with type 1).
 */
export type Timing = "end" | "mid" | "begin";

/**
 * A yearly series, year 1 first. Plain arrays for one-off models (creating a small typed array costs
 * more than the arithmetic on it); typed arrays where a buffer is allocated once and reused.
 */
export type Series = number[] | Float64Array;

/** A new zero-filled series of n years. */
export function newSeries(n: number): number[] {
  return new Array<number>(n).fill(0);
}

export const TIMINGS: readonly Timing[] = ["end", "mid", "begin"];

const TIMING_OFFSET: Record<Timing, number> = { end: 0, mid: 0.5, begin: 1 };

// Japanese spellings a licensing manager may type (期末 = period end, 期央 = mid-period, 期首 = period start).
const TIMING_ALIASES: Record<string, Timing> = {
  end: "end",
  mid: "mid",
  middle: "mid",
  begin: "begin",
  beginning: "begin",
  start: "begin",
  期末: "end",
  年末: "end",
  期央: "mid",
  年央: "mid",
  期中: "mid",
  期首: "begin",
  年初: "begin",
};

/** Reads a timing word; undefined, null and "" mean the default, "end". */
export function parseTiming(value: unknown, name = "timing"): Timing {
  if (value === undefined || value === null || value === "") return "end";
  if (typeof value === "string") {
    const word = value.trim().toLowerCase();
    // Own keys only: "constructor" or "__proto__" must not reach Object.prototype.
    if (Object.prototype.hasOwnProperty.call(TIMING_ALIASES, word)) return TIMING_ALIASES[word];
  }
  throw invalidValue("timing-word", { name: keyName(name), got: excerptIn(value) });
}

/** Discount factor of year `year` (1-based, may be fractional for milestones). */
export function discountFactor(rate: number, year: number, timing: Timing = "end"): number {
  return Math.pow(1 + rate, -(year - TIMING_OFFSET[timing]));
}

/**
 * Fills `out` with the discount factors of years 1..out.length. A running product keeps it to one
 * multiplication a year; the relative error stays near n·2^-53, far inside 1e-9 for 200 years.
 */
export function discountFactors<S extends Series>(rate: number, timing: Timing, out: S): S {
  const v = 1 / (1 + rate);
  let df = Math.pow(1 + rate, -(1 - TIMING_OFFSET[timing]));
  for (let i = 0; i < out.length; i++) {
    out[i] = df;
    df *= v;
  }
  return out;
}

/** Present value of yearly flows; flow i (0-based) falls in year i+1. */
export function presentValue(rate: number, flows: ArrayLike<number>, timing: Timing = "end"): number {
  const v = 1 / (1 + rate);
  let df = Math.pow(1 + rate, -(1 - TIMING_OFFSET[timing]));
  let sum = 0;
  for (let i = 0; i < flows.length; i++) {
    sum += flows[i] * df;
    df *= v;
  }
  return sum;
}

/** IPVALUE.DCF: validated present value of a flow row. */
export function dcf(rate: number, flows: ArrayLike<number>, timing: Timing = "end"): number {
  requireRate(rate, "rate");
  return finiteResult(presentValue(rate, flows, timing), "what-present-value");
}

/**
 * IPVALUE.RNPV: Σ pᵢ·CFᵢ discounted as in DCF. `probabilities` is one number for all years or one
 * cumulative probability per flow (the chance the project is still alive when the flow happens).
 * `argument` is the name error messages give the probabilities (DEAL calls them royalty_probabilities).
 */
export function rnpv(
  rate: number,
  flows: ArrayLike<number>,
  probabilities: number | ArrayLike<number>,
  timing: Timing = "end",
  argument = "probabilities"
): number {
  requireRate(rate, "rate");
  if (typeof probabilities === "number") requireFraction(probabilities, argument);
  else {
    if (probabilities.length !== flows.length) {
      throw invalidValue("probabilities-per-flow", { argument, got: probabilities.length, flows: flows.length });
    }
    for (let i = 0; i < probabilities.length; i++) requireFraction(probabilities[i], () => phrase("item-of", { name: argument, item: i + 1 }));
  }
  const v = 1 / (1 + rate);
  let df = Math.pow(1 + rate, -(1 - TIMING_OFFSET[timing]));
  let sum = 0;
  for (let i = 0; i < flows.length; i++) {
    const p = typeof probabilities === "number" ? probabilities : probabilities[i];
    sum += p * flows[i] * df;
    df *= v;
  }
  return finiteResult(sum, "what-risk-adjusted-present-value");
}

/** Σ of the first n discount factors: the PV of 1 a year for n years. */
export function annuityFactor(rate: number, years: number, timing: Timing = "end"): number {
  const v = 1 / (1 + rate);
  let df = Math.pow(1 + rate, -(1 - TIMING_OFFSET[timing]));
  let sum = 0;
  for (let i = 0; i < years; i++) {
    sum += df;
    df *= v;
  }
  return sum;
}
