/**
 * Worked examples a licensing manager can start from, each with Low / Base / High scenarios. The
 * numbers are illustrations of typical shapes (amounts in yen), not data about any real license.
 * Data only (type imports): the start view lists them without loading the engine; examples.ts makes
 * a scenario set of one.
 */
import type { AssumptionKey } from "../../engine";

type Value = number | string | boolean;
export type Triple = [Value, Value, Value];

export interface Example {
  id: "medical-device" | "drug-candidate" | "software" | "university-spinout";
  title: { en: string; ja: string };
  /** Where the terms come from and what was assumed, shown under the title where the pane has room. */
  about?: { en: string; ja: string };
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
  {
    // The fixed terms of case 7, model B ("equity with detailed royalties") of the JPO's 2025 report on
    // university-startup licensing, for a product that needs no regulatory approval (case A: 5% with a
    // valid claim, 2.5% on know-how only). Dollars at 150 yen. The market, the exit and the patent costs
    // ($20,000, repaid in 8 quarters = 2 years) are illustrations; the patent is co-owned 50:50.
    id: "university-spinout",
    title: {
      en: "University spin-out (case 7 model B terms, co-owned patent)",
      ja: "大学発スタートアップ（事例⑦モデルBの条件、共有特許）",
    },
    about: {
      en: "Terms of the JPO report's case 7, model B, for a product needing no regulatory approval: $5,000 license fee, 5% equity fully diluted, royalties 5% with a valid claim and 2.5% on know-how, 10% of non-royalty sublicense income, $5,000 a year until first sales (not creditable), minimum royalty $10,000 from first sales, patent costs reimbursed. Dollars at 150 yen; the patent is co-owned 50:50; market and exit are illustrations.",
      ja: "特許庁報告書の事例⑦モデルB（規制承認が不要な製品）の条件：ライセンス料5,000ドル、完全希薄化後5%の株式、ロイヤルティ5%（有効な請求項あり）・2.5%（ノウハウのみ）、ロイヤルティ以外のサブライセンス収入の10%、初回売上まで年5,000ドル（相殺不可）、初回売上以降の最低ロイヤルティ年10,000ドル、特許費用の償還。1ドル150円で換算。特許は50:50の共有。市場とExitは例示。",
    },
    values: {
      market_size: [5e9, 6e9, 8e9],
      market_growth: [0.03, 0.05, 0.08],
      peak_share: [0.04, 0.06, 0.08],
      years_to_peak: [5, 4, 4],
      launch_year: [3, 3, 2],
      years: [15, 15, 15],
      term_years: [15, 15, 15],
      royalty_rate: [0.05, 0.05, 0.05],
      annual_minimum: [1_500_000, 1_500_000, 1_500_000],
      operating_margin: [0.25, 0.3, 0.35],
      tax_rate: [0.3, 0.3, 0.3],
      discount_rate: [0.15, 0.15, 0.15],
      hurdle_rate: [0.15, 0.15, 0.15],
      success_probability: [0.4, 0.5, 0.6],
      upfront: [750_000, 750_000, 750_000],
      investment: [50e6, 50e6, 50e6],
      timing: ["mid", "mid", "mid"],
      // The valid claims run to year 10; the know-how rate applies from year 11 to the end of the term.
      claims_expire_year: [10, 10, 10],
      post_expiry_rate: [0.025, 0.025, 0.025],
      annual_fee: [750_000, 750_000, 750_000],
      annual_fee_until_sales: [true, true, true],
      annual_fee_creditable: [false, false, false],
      sublicense_income: [5e6, 10e6, 20e6],
      sublicense_share: [0.1, 0.1, 0.1],
      equity_share: [0.05, 0.05, 0.05],
      dilution: [0.6, 0.5, 0.4],
      exit_year: [8, 7, 6],
      exit_value: [1.5e9, 3e9, 6e9],
      exit_probability: [0.2, 0.3, 0.4],
      patent_cost_reimbursement: [3_000_000, 3_000_000, 3_000_000],
      patent_cost_years: [2, 2, 2],
      licensor_ownership: [0.5, 0.5, 0.5],
    },
  },
];
