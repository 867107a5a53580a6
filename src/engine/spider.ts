/**
 * The spider view of sensitivity: for each assumption that differs across the scenarios, the output as
 * that assumption moves through its range at evenly spaced points, every other assumption at the base
 * scenario's value (one at a time, as the tornado of sensitivity.ts, whose two ends these lines share).
 *
 * - Positions run from −1 to 1 in `points` equal steps: −1 is the assumption's low (the minimum across
 *   the scenarios), 0 its base (the base scenario's value), 1 its high (the maximum). Between them the
 *   input moves linearly on each side: at −0.5 it is halfway from the low to the base, at 0.5 halfway
 *   from the base to the high. So every line crosses the base output at 0, whatever the spacing of
 *   low, base and high; an odd number of points puts a point at 0 (the default, 5: low, halfway,
 *   base, halfway, high).
 * - Whole years (years, launch_year, term_years…) are rounded to the nearest whole year at each point,
 *   as in the simulation, so neighbouring points can give the same output.
 * - An assumption that another follows by default carries its follower with it (outputWith).
 * - Lines are sorted by spread, the largest output minus the smallest along the line, the largest
 *   first (lines with a point without an answer last); equal spreads keep the table's order.
 */
import { excerptPlainIn, invalidValue, ValuationError } from "./errors";
import type { Output } from "./outputs";
import { AssumptionKey } from "./assumptions";
import { withScenario } from "./scenario";
import { outputAnswer, outputWith } from "./sensitivity";
import { SimulationPlan } from "./simulate";

export const DEFAULT_SPIDER_POINTS = 5;
export const MIN_SPIDER_POINTS = 2;
export const MAX_SPIDER_POINTS = 21;

export interface SpiderLine {
  key: AssumptionKey;
  low: number;
  base: number;
  high: number;
  /** The assumption's value at each position (whole years rounded). */
  inputs: number[];
  /** The output at each position, or why it has no answer there. */
  outputs: (number | ValuationError)[];
  /** Largest output minus smallest along the line; undefined when a point has no answer. */
  spread: number | undefined;
}

export interface Spider {
  output: Output;
  scenario: string;
  /** The output of the base scenario. */
  base: number;
  /** The positions, −1 (low) … 0 (base) … 1 (high). */
  positions: number[];
  lines: SpiderLine[];
}

export function checkSpiderPoints(n: number, argument = "points"): number {
  if (typeof n !== "number" || !Number.isInteger(n) || n < MIN_SPIDER_POINTS || n > MAX_SPIDER_POINTS) {
    throw invalidValue("spider-points-range", { argument, min: MIN_SPIDER_POINTS, max: MAX_SPIDER_POINTS, got: excerptPlainIn(n) });
  }
  return n;
}

/** `points` positions from −1 to 1, evenly spaced; both ends exact, and 0 exact when points is odd. */
export function spiderPositions(points: number): number[] {
  checkSpiderPoints(points);
  return Array.from({ length: points }, (_, j) => (2 * j === points - 1 ? 0 : -1 + (2 * j) / (points - 1)));
}

/** a·(1 − t) + b·t: exactly a at t = 0 and exactly b at t = 1. */
const lerp = (a: number, b: number, t: number) => a * (1 - t) + b * t;

/** The assumption's value at a position: low at −1, base at 0, high at 1, linear on each side. */
export function spiderInput(u: { low: number; base: number; high: number; whole: boolean }, position: number): number {
  const x = position < 0 ? lerp(u.low, u.base, position + 1) : lerp(u.base, u.high, position);
  return u.whole ? Math.round(x) : x;
}

/** The spider of a plan: one line per uncertain assumption, sorted by spread. */
export function spider(plan: SimulationPlan, output: Output = "rnpv", points: number = DEFAULT_SPIDER_POINTS): Spider {
  const positions = spiderPositions(points);
  const base = withScenario(plan.scenario, () => outputWith(plan, output, {}));
  const lines: SpiderLine[] = plan.uncertain.map((u) => {
    const inputs = positions.map((x) => spiderInput(u, x));
    const outputs = inputs.map((v) => outputAnswer(() => outputWith(plan, output, { [u.key]: v })));
    const numbers = outputs.filter((y): y is number => typeof y === "number");
    const spread = numbers.length === outputs.length ? Math.max(...numbers) - Math.min(...numbers) : undefined;
    return { key: u.key, low: u.low, base: u.base, high: u.high, inputs, outputs, spread };
  });
  lines.sort((x, y) => (x.spread === undefined ? (y.spread === undefined ? 0 : 1) : y.spread === undefined ? -1 : y.spread - x.spread));
  return { output, scenario: plan.scenario, base, positions, lines };
}

/**
 * The table IPVALUE.SPIDER spills: a header row ("assumption", then the positions −1 … 1), a `base` row
 * (the base scenario's output at every position), then one row per assumption, its output at each
 * position. A point without an answer holds the error in its cell only.
 */
export function spiderTable<E>(s: Spider, error: (e: ValuationError) => E): (string | number | E)[][] {
  const rows: (string | number | E)[][] = [
    ["assumption", ...s.positions],
    ["base", ...s.positions.map(() => s.base)],
  ];
  for (const line of s.lines) rows.push([line.key, ...line.outputs.map((y) => (typeof y === "number" ? y : error(y)))]);
  return rows;
}
