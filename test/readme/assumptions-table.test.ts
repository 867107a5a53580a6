/**
 * The README's table of assumption keys is generated from the assumption specs (src/engine/assumptions.ts)
 * and checked here: what is required, the defaults and the allowed values cannot drift from what the
 * functions accept. `UPDATE_README=1 npx jest test/readme` rewrites it.
 */
import { ASSUMPTIONS, AssumptionSpec, Interval } from "../../src/engine";
import { checkGeneratedSection } from "./generated";

const START = "<!-- assumptions:start (generated from src/engine/assumptions.ts by test/readme/assumptions-table.test.ts) -->";
const END = "<!-- assumptions:end -->";

const n = (x: number) => String(x).replace("-", "−");

/** An interval in the README's notation: ≥ 0, > −1, 0–1, 0 to < 1, > 0 to 1, ≤ 1, whole, 1–200. */
export function intervalText(i: Interval): string {
  const lo = i.min === -Infinity ? "" : i.minOpen ? `> ${n(i.min)}` : `≥ ${n(i.min)}`;
  const hi = i.max === Infinity ? "" : i.maxOpen ? `< ${n(i.max)}` : `≤ ${n(i.max)}`;
  let text: string;
  if (lo && hi) text = !i.minOpen && !i.maxOpen ? `${n(i.min)}–${n(i.max)}` : `${i.minOpen ? lo : n(i.min)} to ${i.maxOpen ? hi : n(i.max)}`;
  else text = lo || hi || "any number";
  return i.whole ? `whole, ${text}` : text;
}

function required(s: AssumptionSpec): string {
  if (s.fallback === undefined) return "yes";
  if (s.fallback === null) return "no (blank: none)";
  if (typeof s.fallback === "object") return `default = ${s.fallback.follows}`;
  return `default ${s.fallback}`;
}

export function assumptionsMarkdown(): string {
  const rows = ASSUMPTIONS.map((s) => `| ${s.key} | ${required(s)} | ${s.interval ? intervalText(s.interval) : s.allowed.en} | ${s.label.en} |`);
  return [START, "| key | required? | allowed | meaning |", "|---|---|---|---|", ...rows, END].join("\n");
}

describe("README assumptions table", () => {
  test("intervals read as the README writes them", () => {
    const i = (min: number, max: number, minOpen = false, maxOpen = false, whole = false): Interval => ({ min, max, minOpen, maxOpen, whole });
    expect(intervalText(i(0, Infinity))).toBe("≥ 0");
    expect(intervalText(i(-1, Infinity, true))).toBe("> −1");
    expect(intervalText(i(0, 1))).toBe("0–1");
    expect(intervalText(i(0, 1, false, true))).toBe("0 to < 1");
    expect(intervalText(i(0, 1, true))).toBe("> 0 to 1");
    expect(intervalText(i(-Infinity, 1))).toBe("≤ 1");
    expect(intervalText(i(1, 200, false, false, true))).toBe("whole, 1–200");
  });

  test("the README lists every assumption with what is required, its default and what is allowed, as the specs say", () => {
    checkGeneratedSection(START, END, assumptionsMarkdown());
  });
});
