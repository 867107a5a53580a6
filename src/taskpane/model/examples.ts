/**
 * Worked examples a licensing manager can start from, each with Low / Base / High scenarios. The
 * numbers are illustrations of typical shapes (amounts in yen), not data about any real license.
 */
import { AssumptionKey } from "../../engine";
import type { Language } from "../../model/language";
import { DEFAULT_NAMES, EditableScenario, emptyDecisions, SCHEMA_VERSION, ScenarioSet } from "../../model/scenario-set";

type Triple = [number | string, number | string, number | string];

export interface Example {
  id: "medical-device" | "drug-candidate" | "software";
  title: { en: string; ja: string };
  values: Partial<Record<AssumptionKey, Triple>>;
}

export const EXAMPLES: readonly Example[] = [
  {
    id: "medical-device",
    title: { en: "Medical device (exclusive patent license)", ja: "医療機器（特許の独占ライセンス）" },
    values: {
      market_size: [20e9, 30e9, 40e9],
      market_growth: [0.02, 0.04, 0.06],
      peak_share: [0.03, 0.05, 0.08],
      years_to_peak: [5, 4, 3],
      launch_year: [3, 3, 2],
      years: [12, 12, 12],
      term_years: [12, 12, 12],
      royalty_rate: [0.03, 0.03, 0.03],
      annual_minimum: [5e6, 5e6, 5e6],
      operating_margin: [0.18, 0.22, 0.26],
      tax_rate: [0.3, 0.3, 0.3],
      discount_rate: [0.12, 0.1, 0.1],
      hurdle_rate: [0.12, 0.12, 0.12],
      success_probability: [0.5, 0.6, 0.7],
      upfront: [10e6, 10e6, 10e6],
      investment: [300e6, 300e6, 300e6],
      timing: ["mid", "mid", "mid"],
    },
  },
  {
    // Success probability from phase I: the BIO 2006-2015 transitions give 9.6% in the base case.
    id: "drug-candidate",
    title: { en: "Drug candidate entering phase I", ja: "第I相に入る医薬品候補" },
    values: {
      market_size: [60e9, 100e9, 150e9],
      market_growth: [0.02, 0.03, 0.04],
      peak_share: [0.05, 0.1, 0.15],
      years_to_peak: [6, 5, 4],
      launch_year: [10, 9, 8],
      years: [20, 20, 20],
      term_years: [20, 20, 20],
      royalty_rate: [0.05, 0.05, 0.05],
      operating_margin: [0.3, 0.35, 0.4],
      tax_rate: [0.3, 0.3, 0.3],
      discount_rate: [0.15, 0.13, 0.12],
      hurdle_rate: [0.1, 0.1, 0.1],
      success_probability: [0.06, 0.096, 0.15],
      upfront: [50e6, 50e6, 50e6],
      investment: [500e6, 500e6, 500e6],
      timing: ["mid", "mid", "mid"],
    },
  },
  {
    id: "software",
    title: { en: "Software / IT (non-exclusive license)", ja: "ソフトウェア・IT（非独占ライセンス）" },
    values: {
      market_size: [8e9, 10e9, 12e9],
      market_growth: [0.05, 0.08, 0.12],
      peak_share: [0.02, 0.04, 0.06],
      years_to_peak: [3, 2, 2],
      launch_year: [1, 1, 1],
      years: [8, 8, 8],
      term_years: [8, 8, 8],
      royalty_rate: [0.06, 0.06, 0.06],
      annual_minimum: [1e6, 1e6, 1e6],
      operating_margin: [0.2, 0.3, 0.4],
      tax_rate: [0.3, 0.3, 0.3],
      discount_rate: [0.15, 0.15, 0.15],
      hurdle_rate: [0.15, 0.15, 0.15],
      success_probability: [0.8, 0.9, 1],
      upfront: [5e6, 5e6, 5e6],
      investment: [50e6, 50e6, 50e6],
      timing: ["mid", "mid", "mid"],
    },
  },
];

/** A scenario set holding one example, its scenarios named in the user's language. */
export function exampleSet(id: Example["id"], language: Language): ScenarioSet {
  const example = EXAMPLES.find((e) => e.id === id)!;
  const scenarios: EditableScenario[] = DEFAULT_NAMES[language].map((name, i) => {
    const values: EditableScenario["values"] = {};
    for (const [key, triple] of Object.entries(example.values) as [AssumptionKey, Triple][]) values[key] = triple[i];
    return { name, internal: false, values };
  });
  return { schema: SCHEMA_VERSION, scenarios, decisions: emptyDecisions() };
}
