/**
 * The committee's offer as the pane shows it (case 15: the committee fixes an offer and the acceptable
 * range): the term sheet valued in every scenario by the engine's own OFFER (src/engine/offer.ts), and
 * the checks it must pass — floor ≤ offer ≤ ceiling in money, and the licensee still better off signing
 * than walking away in every scenario. Pure: the UI (../ui/OfferTerms.tsx) words and draws it.
 */
import { readAssumptionsTable, RawValue, reviewOffer, ValuationError } from "../../engine";
import type { Language } from "../../model/language";
import { offerTermMap, ScenarioSet } from "../../model/scenario-set";
import { assumptionsTableValues } from "../../model/table-layout";
import type { FootballBar, OutputValue } from "./results";

export interface OfferScenarioRow {
  name: string;
  internal: boolean;
  /** The licensor's risk-adjusted value of the offer's terms in this scenario. */
  rnpv: OutputValue;
  /** The licensee's NPV of the product under the offer (negative: it would walk away). */
  licenseeNpv: OutputValue;
  /** The flat running rate worth the same rnpv: the offer as one comparable royalty rate. */
  equivalentRate: OutputValue;
}

/**
 * One check the committee sees. floor / ceiling: the offer's money against the limit; range: the floor
 * above the ceiling; walkAway: scenarios where the licensee's NPV under the terms is negative (or has
 * no answer); unfixed: terms listed without a value (each scenario keeps its own there).
 */
export type OfferCheck =
  | { id: "floor" | "ceiling"; ok: boolean; value: number; limit: number }
  | { id: "range"; ok: false; floor: number; ceiling: number }
  | { id: "walkAway"; ok: boolean; scenarios: string[]; unknown: string[] }
  | { id: "unfixed"; ok: true; keys: string[] };

export interface CommitteeOffer {
  /** Whether the offer is a term sheet (else the bare amount, as typed). */
  hasTerms: boolean;
  rows: OfferScenarioRow[];
  /** The scenario the money checks use (the one named Base, else the middle one); null for a bare amount. */
  base: string | null;
  /** The money the checks use: the terms' rnpv in the base scenario, or the bare amount; null when neither is known. */
  value: OutputValue | null;
  checks: OfferCheck[];
  /** Why the terms cannot be valued yet (a required assumption missing, a value refused). */
  problem?: string;
  /** The offer's rnpv from its lowest to its highest across the scenarios, for the football field. */
  bar?: FootballBar;
}

const valueOf = (v: number | ValuationError, language: Language): OutputValue => (typeof v === "number" ? v : { error: v.in(language) });

function moneyChecks(value: number | null, floor: number | null, ceiling: number | null): OfferCheck[] {
  const checks: OfferCheck[] = [];
  if (floor !== null && ceiling !== null && floor > ceiling) checks.push({ id: "range", ok: false, floor, ceiling });
  if (value === null) return checks;
  if (floor !== null) checks.push({ id: "floor", ok: value >= floor, value, limit: floor });
  if (ceiling !== null) checks.push({ id: "ceiling", ok: value <= ceiling, value, limit: ceiling });
  return checks;
}

/** The committee's offer valued and checked; null when there is neither a term sheet nor an amount. */
export function committeeOffer(set: ScenarioSet, language: Language): CommitteeOffer | null {
  const d = set.decisions;
  const floor = d.floor.value;
  const ceiling = d.ceiling.value;
  if (d.terms.length === 0) {
    if (d.offer.value === null) return null;
    return { hasTerms: false, rows: [], base: null, value: d.offer.value, checks: moneyChecks(d.offer.value, floor, ceiling) };
  }
  const unfixed = d.terms.filter((t) => t.value === undefined).map((t) => t.key);
  const tail: OfferCheck[] = unfixed.length > 0 ? [{ id: "unfixed", ok: true, keys: unfixed }] : [];
  let review;
  try {
    const raws = readAssumptionsTable(assumptionsTableValues(set, language, true) as RawValue[][]);
    review = reviewOffer(raws, offerTermMap(d), floor, ceiling);
  } catch (e) {
    if (!(e instanceof ValuationError)) throw e;
    return { hasTerms: true, rows: [], base: null, value: null, checks: [...moneyChecks(null, floor, ceiling), ...tail], problem: e.in(language) };
  }
  const rows: OfferScenarioRow[] = review.rows.map((r) => ({
    name: r.scenario,
    internal: r.internal,
    rnpv: valueOf(r.values[0], language),
    licenseeNpv: valueOf(r.values[1], language),
    equivalentRate: valueOf(r.values[2], language),
  }));
  const money = typeof review.value === "number" ? review.value : null;
  const unknown = rows.filter((r) => typeof r.licenseeNpv !== "number").map((r) => r.name);
  const checks: OfferCheck[] = [
    ...moneyChecks(money, floor, ceiling),
    { id: "walkAway", ok: review.walkAway.length === 0 && unknown.length === 0, scenarios: review.walkAway, unknown },
    ...tail,
  ];
  // The offer's bar covers the scenarios the committee's range covers (internal ones or not).
  const barRows = d.includeInternal.value ? rows : rows.filter((r) => !r.internal);
  const values = barRows.map((r) => r.rnpv).filter((v): v is number => typeof v === "number");
  const bar: FootballBar | undefined =
    money !== null && values.length > 0 && values.length === barRows.length
      ? {
          output: "rnpv",
          label: { en: "Offer's terms (risk-adjusted)", ja: "提示条件（リスク調整後）" },
          low: Math.min(...values),
          base: money,
          high: Math.max(...values),
        }
      : undefined;
  return { hasTerms: true, rows, base: review.base, value: valueOf(review.value, language), checks, ...(bar ? { bar } : {}) };
}
