/**
 * Shared scenarios that use every deal term, for the export tests (libreoffice-deal-terms.test.ts,
 * no-internal.test.ts): built on the bundled sample's scenarios.
 */
import type { AssumptionKey } from "../../src/engine";
import type { EntryValue } from "../../src/model/scenario-set";
import { readSample } from "./demo";

export type Values = Partial<Record<AssumptionKey, EntryValue>>;
const sample = readSample();
export const base = sample.set.scenarios.find((s) => s.name === "Base")!.values;

/** Every deal term, creditable fee, mid-year timing, co-owned. */
export const EVERY_TERM: Values = {
  ...base,
  years: 12,
  term_years: 11,
  royalty_rate: 0.04,
  tier_1_threshold: 500_000_000,
  tier_1_rate: 0.03,
  tier_2_threshold: 1_000_000_000,
  tier_2_rate: 0.02,
  claims_expire_year: 8,
  post_expiry_rate: 0.015,
  annual_fee: 30_000_000,
  annual_fee_from_year: 1,
  annual_fee_creditable: "TRUE",
  milestone_1_year: 0.5,
  milestone_1_amount: 20_000_000,
  milestone_2_year: 2.25,
  milestone_2_amount: 50_000_000,
  milestone_2_probability: 0.6,
  milestone_3_year: 4,
  milestone_3_amount: 100_000_000,
  milestone_3_probability: 0.35,
  milestone_9_year: 7.5,
  milestone_9_amount: 80_000_000,
  milestone_9_probability: 0.2,
  sublicense_income: 40_000_000,
  sublicense_share: 0.15,
  equity_share: 0.05,
  dilution: 0.4,
  exit_year: 5.5,
  exit_value: 6_000_000_000,
  exit_probability: 0.3,
  success_fee: 0.0125,
  patent_cost_reimbursement: 18_000_000,
  patent_cost_years: 3,
  licensor_ownership: 0.5,
  timing: "mid",
};

/** A fee due only until sales, not creditable, from year 2; one tier (its rate left to follow); patent repayments past the years modelled. */
export const UNTIL_SALES: Values = {
  ...sample.set.scenarios.find((s) => s.name === "High")!.values,
  timing: "end",
  tier_1_threshold: 800_000_000,
  annual_fee: 15_000_000,
  annual_fee_from_year: 2,
  annual_fee_until_sales: "TRUE",
  annual_fee_creditable: "FALSE",
  milestone_4_year: 1.75,
  milestone_4_amount: 40_000_000,
  patent_cost_reimbursement: 30_000_000,
  patent_cost_years: 15,
  success_fee: 0.02,
  exit_year: 3,
  exit_value: 2_000_000_000,
  claims_expire_year: 10,
  post_expiry_rate: 0.01,
};
