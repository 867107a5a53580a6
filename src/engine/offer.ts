/**
 * A term sheet valued in every scenario (IPVALUE.OFFER): the terms (key, value) replace those keys in
 * each scenario of the assumptions table, and each scenario is valued as SCENARIO values it. Two term
 * sheets side by side compare two structures on the same market and licensee assumptions.
 */
import { INTERNAL_KEY, isAssumptionKey, normalizeKey, planKey, PlanSeries, RawScenario, resolveScenarios, Scenario } from "./assumptions";
import { isBlank, RawValue } from "./cells";
import { excerptPlainIn, invalidValue, quotedName, ValuationError } from "./errors";
import { Output } from "./outputs";
import { pickScenario, runScenario, scenarioOutput, withScenario } from "./scenario";

/** OFFER's outputs when none are asked for: the licensor's risk-adjusted value, the licensee's NPV, one comparable rate. */
export const DEFAULT_OFFER_OUTPUTS: readonly Output[] = ["rnpv", "licensee_npv", "equivalent_rate"];

/** Header words that mark a first row of key/value headings (TERMS spills key, value, unit, citation). */
const HEADINGS = new Set(["key", "keys", "キー", "項目"]);

/**
 * Reads a terms range: two or more columns, the key in the first and its value in the second (further
 * columns, such as TERMS's unit and citation, are for people). A heading row is skipped, blank rows
 * too; a blank value leaves the scenario's own value. Keys are assumption keys or plan rows, once each.
 */
export function readTerms(cells: readonly (readonly RawValue[])[], argument = "terms"): Map<string, RawValue> {
  if (!Array.isArray(cells) || cells.length === 0 || !Array.isArray(cells[0]) || cells[0].length < 2) {
    throw invalidValue("terms-shape", { argument });
  }
  const terms = new Map<string, RawValue>();
  const rowOf = new Map<string, number>();
  cells.forEach((row, r) => {
    const rawKey = row[0];
    if (isBlank(rawKey)) {
      if (!isBlank(row[1])) throw invalidValue("terms-value-without-key", { argument, row: r + 1 });
      return;
    }
    if (typeof rawKey !== "string") throw invalidValue("terms-key-not-text", { argument, row: r + 1, got: excerptPlainIn(rawKey) });
    const key = normalizeKey(rawKey);
    if (r === 0 && HEADINGS.has(key)) return;
    if (key === INTERNAL_KEY) throw invalidValue("terms-internal", { argument, key: INTERNAL_KEY });
    if (!isAssumptionKey(key) && !planKey(key)) throw invalidValue("terms-unknown-key", { argument, key: quotedName(rawKey.trim()), row: r + 1 });
    if (rowOf.has(key)) throw invalidValue("key-twice", { argument, key, first: rowOf.get(key)! + 1, second: r + 1 });
    rowOf.set(key, r);
    if (!isBlank(row[1])) terms.set(key, row[1]);
  });
  return terms;
}

/** The scenarios with the terms in place of their own values for those keys (nothing else changes). */
export function withTerms(raws: readonly RawScenario[], terms: ReadonlyMap<string, RawValue>): RawScenario[] {
  return raws.map((r) => {
    const values = { ...r.values };
    const series: Partial<Record<PlanSeries, RawValue[]>> = {};
    for (const [name, list] of Object.entries(r.series ?? {})) series[name as PlanSeries] = [...(list as RawValue[])];
    for (const [key, value] of terms) {
      if (isAssumptionKey(key)) {
        values[key] = value;
        continue;
      }
      const p = planKey(key)!;
      const list = (series[p.series] ??= []);
      while (list.length < p.year) list.push(undefined);
      list[p.year - 1] = value;
    }
    return { ...r, values, series };
  });
}

/** One scenario's row of OFFER: its name and each output, or why that output has no answer there. */
export interface OfferRow {
  scenario: string;
  internal: boolean;
  values: (number | ValuationError)[];
}

/** The term sheet valued in each scenario; an output with no answer in a scenario (kind invalidNumber) is that error. */
export function offerRows(raws: readonly RawScenario[], terms: ReadonlyMap<string, RawValue>, outputs: readonly Output[] = DEFAULT_OFFER_OUTPUTS): OfferRow[] {
  if (raws.length === 0) throw invalidValue("no-scenario");
  const scenarios: Scenario[] = resolveScenarios(withTerms(raws, terms));
  return scenarios.map((s) => {
    const model = withScenario(s.name, () => runScenario(s.assumptions));
    const values = outputs.map((o) => {
      try {
        return withScenario(s.name, () => scenarioOutput(model, o));
      } catch (e) {
        if (e instanceof ValuationError && e.kind === "invalidNumber") return e;
        throw e;
      }
    });
    return { scenario: s.name, internal: s.internal, values };
  });
}

/** What the committee sees of an offer: its value in each scenario and whether it holds together. */
export interface OfferReview {
  /** Per scenario: rnpv (licensor), licensee_npv, equivalent_rate under the offer's terms. */
  rows: OfferRow[];
  /** The scenario the money checks use (the one named Base, else the middle one). */
  base: string;
  /** The offer's rnpv in the base scenario, against the floor and ceiling (null when not set). */
  value: number | ValuationError;
  belowFloor: boolean;
  aboveCeiling: boolean;
  /** Scenarios in which the licensee's NPV under the offer is negative: it would walk away there. */
  walkAway: string[];
}

/**
 * The committee's checks of a term sheet (case 15 fixes an offer and an acceptable range): floor ≤
 * offer ≤ ceiling in money, in the base scenario; and the offer within what the licensee can afford
 * (licensee_npv ≥ 0) in every scenario, naming those where it is not.
 */
export function reviewOffer(raws: readonly RawScenario[], terms: ReadonlyMap<string, RawValue>, floor: number | null, ceiling: number | null): OfferReview {
  const rows = offerRows(raws, terms, DEFAULT_OFFER_OUTPUTS);
  const baseIndex = pickScenario(rows.map((r) => ({ name: r.scenario })));
  const value = rows[baseIndex].values[0];
  const money = typeof value === "number" ? value : null;
  return {
    rows,
    base: rows[baseIndex].scenario,
    value,
    belowFloor: money !== null && floor !== null && money < floor,
    aboveCeiling: money !== null && ceiling !== null && money > ceiling,
    walkAway: rows.filter((r) => typeof r.values[1] === "number" && r.values[1] < 0).map((r) => r.scenario),
  };
}
