/**
 * The post-signing checks worked by hand. ROYALTYDUE's terms: 5 % up to 1,000 of yearly sales, 3 % from
 * 1,000 to 3,000, 2 % above; the claims expire after year 3, then 1 %; a minimum of 40 a year; royalties
 * through year 4. AUDIT on a flat 5 %. TRACK on a five-year plan given as sales_<t> rows.
 */
import {
  audit,
  auditTable,
  NOT_SIGNED_TERMS,
  RawValue,
  readAssumptionsTable,
  readTerms,
  REQUIRED_KEYS,
  resolveAssumptions,
  resolveScenarios,
  resolveSignedTerms,
  royaltyDue,
  runScenario,
  scenarioTable,
  SignedTerms,
  track,
  trackTable,
} from "../../src/engine";
import { MEDICAL_DEVICE } from "../fixtures/medical-device";
import { caught } from "./helpers";

const TIERED: Record<string, RawValue> = {
  royalty_rate: 0.05,
  tier_1_threshold: 1000,
  tier_1_rate: 0.03,
  tier_2_threshold: 3000,
  tier_2_rate: 0.02,
  claims_expire_year: 3,
  post_expiry_rate: 0.01,
  annual_minimum: 40,
  term_years: 4,
};
const terms = (extra: Record<string, RawValue> = {}, base = TIERED): SignedTerms => resolveSignedTerms(new Map(Object.entries({ ...base, ...extra })));
const close = (xs: number[]) => xs.map((x) => expect.closeTo(x, 9));

// Year 1: no sales yet, nothing due. Year 2: 5 % × 500 = 25, the minimum 40. Year 3: 50 + 3 % × 2,000 +
// 2 % × 1,000 = 130. Year 4: after the claims, 1 % × 6,000 = 60. Year 5: after the term, nothing.
const SALES = [0, 500, 4000, 6000, 5000];

describe("ROYALTYDUE's royaltyDue", () => {
  test("marginal tiers, the minimum from the first sale, the post-expiry rate and nothing after the term", () => {
    expect(royaltyDue(SALES, terms())).toEqual(close([0, 40, 130, 60, 0]));
  });

  test("a year without sales after the first sale owes the minimum; one before it owes nothing", () => {
    expect(royaltyDue([0, 500, 0, 0], terms())).toEqual(close([0, 40, 40, 40]));
  });

  test("the minimum applies in a post-expiry year too: 1 % × 3,000 = 30 is raised to 40", () => {
    expect(royaltyDue([3000], terms(), 4)).toEqual(close([40]));
  });

  test("a non-creditable annual fee adds 100 in every year through the term, the first included", () => {
    expect(royaltyDue(SALES, terms({ annual_fee: 100 }))).toEqual(close([100, 140, 230, 160, 0]));
  });

  test("a creditable annual fee: each year pays the larger of the royalty and the fee", () => {
    expect(royaltyDue(SALES, terms({ annual_fee: 100, annual_fee_creditable: true }))).toEqual(close([100, 100, 130, 100, 0]));
  });

  test("a fee due only until sales, and one from year 2", () => {
    expect(royaltyDue(SALES, terms({ annual_fee: 100, annual_fee_until_sales: true }))).toEqual(close([100, 40, 130, 60, 0]));
    expect(royaltyDue(SALES, terms({ annual_fee: 100, annual_fee_from_year: 2 }))).toEqual(close([0, 140, 230, 160, 0]));
  });

  test("first_year places the reports in the contract: year 3's tiers, year 4's post-expiry rate, year 5 after the term", () => {
    expect(royaltyDue([4000, 6000, 5000], terms(), 3)).toEqual(close([130, 60, 0]));
  });

  test("without term_years or years in the terms every reported year is in the term; with years, term_years follows it", () => {
    const flat = { royalty_rate: 0.1 };
    const long = Array.from({ length: 200 }, () => 10);
    expect(royaltyDue(long, terms({}, flat))).toEqual(long.map(() => 1));
    expect(royaltyDue([10, 10, 10], terms({ years: 2 }, flat))).toEqual(close([1, 1, 0]));
  });

  test("equals the scenario model's royalty plus annual fee on the scenario's own sales (medical device, Base)", () => {
    const raws = readAssumptionsTable(MEDICAL_DEVICE);
    const base = raws.find((r) => r.name === "Base")!;
    const withFee = { ...base, values: { ...base.values, annual_fee: 8e6, annual_fee_creditable: true, claims_expire_year: 9, post_expiry_rate: 0.015 } };
    const model = runScenario(resolveScenarios([withFee])[0].assumptions);
    const table = scenarioTable(model).slice(1);
    const due = royaltyDue(Array.from(model.sales), resolveSignedTerms(new Map(Object.entries(withFee.values).filter(([, v]) => v !== undefined))));
    expect(due).toEqual(table.map((r) => expect.closeTo((r[4] as number) + (r[7] as number), 6)));
    expect(due.some((x, i) => x !== model.royalty[i])).toBe(true); // the fee took part
  });

  test("a bad term is the assumptions' named #VALUE!, prefixed with the argument", () => {
    expect(caught(() => terms({ royalty_rate: 1.5 })).message).toBe("terms: royalty_rate must be a decimal from 0 to 1 (0.05 = 5%); got 1.5");
    expect(caught(() => terms({ tier_2_threshold: 500 })).message).toMatch(/^terms: tier thresholds must ascend/);
    expect(caught(() => terms({ annual_fee_creditable: "maybe" })).message).toBe('terms: annual_fee_creditable must be TRUE or FALSE; got text "maybe"');
    expect(caught(() => resolveSignedTerms(new Map([["annual_minimum", 10]]))).message).toBe("terms: royalty_rate is missing: it is required");
    expect(caught(() => resolveSignedTerms(readTerms([["sales_2", 100]]))).message).toMatch(/^terms: 'sales_2' is a plan row/);
    expect(caught(() => terms({ years: 0 })).kind).toBe("invalidValue");
  });

  test("the placeholders cover every required assumption but royalty_rate", () => {
    expect(REQUIRED_KEYS.filter((k) => !(k in NOT_SIGNED_TERMS))).toEqual(["royalty_rate"]);
  });

  test("blank and negative reports are refused, naming the item and its contract year; so are years past 200", () => {
    expect(caught(() => royaltyDue([100, null, 300], terms(), 3)).message).toBe(
      "sales: item 2 (contract year 4) is blank; enter the amount reported (0 for none)"
    );
    expect(caught(() => royaltyDue([100, -1], terms())).message).toBe("sales: item 2 (contract year 2) must be 0 or more; got -1");
    expect(caught(() => royaltyDue([100, NaN], terms())).message).toMatch(/^sales: item 2 \(contract year 2\) must be a finite number/);
    expect(caught(() => royaltyDue([1, 2], terms(), 200)).message).toBe("sales runs to contract year 201; contract years go up to 200");
    expect(caught(() => royaltyDue([1], terms(), 1.5)).message).toMatch(/^first_year must be a whole number/);
    expect(caught(() => royaltyDue([], terms())).message).toBe("sales is empty");
  });
});

describe("AUDIT's audit", () => {
  const FLAT = terms({}, { royalty_rate: 0.05 });
  const SALES3 = [1000, 2000, 3000]; // due 50, 100, 150: 300 in all

  test("below the threshold: 10 short of 300 (3.3 %) gets the shortfall and interest but not the audit's cost; year 3's overpayment is not netted", () => {
    const a = audit(SALES3, [50, 90, 160], FLAT, { interestRate: 0.1, auditCost: 500 });
    expect(a.years.map((y) => y.shortfall)).toEqual(close([0, 10, 0]));
    expect(a.years.map((y) => y.interest)).toEqual(close([0, 1, 0])); // 10 × (1.1 − 1)
    expect(a.auditCostDue).toBe(false);
    expect(a.total.claim).toBeCloseTo(11, 9);
    expect(a.total.share).toBeCloseTo(10 / 300, 12);
  });

  test("above the threshold: 30 short of 300 (10 %) adds the audit's cost; interest compounds to the last year", () => {
    const a = audit(SALES3, [40, 80, 150], FLAT, { interestRate: 0.1, auditCost: 500 });
    expect(auditTable(a)).toEqual([
      ["year", "sales", "due", "reported", "shortfall", "shortfall_share", "interest", "claim"],
      [1, 1000, 50, 40, 10, 0.2, expect.closeTo(2.1, 9), expect.closeTo(12.1, 9)], // 10 × (1.1² − 1)
      [2, 2000, 100, 80, 20, 0.2, expect.closeTo(2, 9), expect.closeTo(22, 9)],
      [3, 3000, 150, 150, 0, 0, 0, 0],
      ["total", 6000, 300, 270, 30, 0.1, expect.closeTo(4.1, 9), expect.closeTo(534.1, 9)],
    ]);
  });

  test("exactly at the threshold (15 of 300 = 5 %) the audit's cost is claimed; the default threshold is case 7's 5 %", () => {
    expect(audit(SALES3, [50, 85, 150], FLAT, { auditCost: 500 }).total.claim).toBe(515);
    expect(audit(SALES3, [50, 86, 150], FLAT, { auditCost: 500 }).total.claim).toBe(14);
    expect(audit(SALES3, [50, 86, 150], FLAT, { auditCost: 500, threshold: 0.04 }).total.claim).toBe(514);
  });

  test("nothing short, nothing claimed, even at a threshold of 0", () => {
    const a = audit(SALES3, [60, 100, 150], FLAT, { auditCost: 500, threshold: 0 });
    expect(a.total.claim).toBe(0);
    expect(a.auditCostDue).toBe(false);
  });

  test("interest over four years at 8 %: 100 short each year bears 25.9712, 16.64, 8 and 0", () => {
    const a = audit([2000, 2000, 2000, 2000], [0, 0, 0, 0], FLAT, { interestRate: 0.08 });
    expect(a.years.map((y) => y.interest)).toEqual(close([25.9712, 16.64, 8, 0]));
    expect(a.total.claim).toBeCloseTo(450.6112, 9);
  });

  test("the due is ROYALTYDUE's (tiers, minimum, term) and first_year numbers the rows", () => {
    const a = audit([4000, 6000, 5000], [120, 60, 0], terms(), { firstYear: 3 });
    expect(a.years.map((y) => [y.year, y.due, y.shortfall])).toEqual([
      [3, expect.closeTo(130, 9), expect.closeTo(10, 9)],
      [4, expect.closeTo(60, 9), 0],
      [5, 0, 0],
    ]);
    expect(a.years[2].share).toBe(0); // nothing due, no share
  });

  test("refuses a blank or negative payment, mismatched lengths and bad options by name", () => {
    expect(caught(() => audit(SALES3, [50, null, 150], FLAT)).message).toBe(
      "reported_royalty: item 2 (contract year 2) is blank; enter the amount reported (0 for none)"
    );
    expect(caught(() => audit(SALES3, [50, -5, 150], FLAT)).message).toBe("reported_royalty: item 2 (contract year 2) must be 0 or more; got -5");
    expect(caught(() => audit(SALES3, [50, 100], FLAT)).message).toBe("reported_royalty has 2 years and sales 3: give one of each per year");
    expect(caught(() => audit(SALES3, [50, 100, 150], FLAT, { threshold: 1.2 })).message).toMatch(/^threshold must be a decimal from 0 to 1/);
    expect(caught(() => audit(SALES3, [50, 100, 150], FLAT, { interestRate: -0.01 })).message).toBe("interest_rate must be 0 or more; got -0.01");
    expect(caught(() => audit(SALES3, [50, 100, 150], FLAT, { auditCost: -1 })).message).toBe("audit_cost must be 0 or more; got -1");
  });

  test("an interest that overflows is #NUM!, never Infinity", () => {
    expect(caught(() => audit(SALES3, [0, 0, 0], FLAT, { interestRate: 1e300 })).kind).toBe("invalidNumber");
    // Years paid in full bear no interest, however high the rate: only the last year is short here.
    expect(audit(SALES3, [50, 100, 140], FLAT, { interestRate: 1e300 }).total.claim).toBe(10);
  });
});

describe("TRACK's track", () => {
  // Plan: sales 0, 1,000, 2,000, 3,000, 4,000 at 5 % with a minimum of 30.
  const plan = resolveAssumptions({ years: 5, royalty_rate: 0.05, annual_minimum: 30, operating_margin: 0.2, discount_rate: 0.1 }, "Signed", {
    sales: [0, 1000, 2000, 3000, 4000],
  });
  const ACTUAL = [0, 400, 1500, 3500, 4000];

  test("cumulative actual below half the plan and a year below the minimum are flagged, with the reason", () => {
    expect(trackTable(track(plan, ACTUAL))).toEqual([
      ["year", "plan_sales", "actual_sales", "variance", "plan_royalty", "royalty_due", "cumulative_ratio", "flag", "reason"],
      [1, 0, 0, 0, 0, 0, "", false, ""],
      // 400 / 1,000 = 0.4 < 0.5; 5 % × 400 = 20 < 30
      [2, 1000, 400, -600, 50, 30, 0.4, true, "below trigger; minimum not reached"],
      [3, 2000, 1500, -500, 100, 75, expect.closeTo(1900 / 3000, 12), false, ""],
      [4, 3000, 3500, 500, 150, 175, 0.9, false, ""],
      [5, 4000, 4000, 0, 200, 200, 0.94, false, ""],
    ]);
  });

  test("at a lower trigger only the minimum flags year 2; at 0.95 every year from the plan's first sale is behind", () => {
    expect(track(plan, ACTUAL, 0.2).map((y) => [y.belowTrigger, y.minimumNotReached])).toEqual([
      [false, false],
      [false, true],
      [false, false],
      [false, false],
      [false, false],
    ]);
    expect(track(plan, ACTUAL, 0.95).map((y) => y.belowTrigger)).toEqual([false, true, true, true, true]);
  });

  test("a year with no actual sales after the first sale owes the minimum and is flagged", () => {
    const t = track(plan, [0, 1000, 0]);
    expect(t.map((y) => [y.actualDue, y.minimumNotReached])).toEqual([
      [0, false],
      [50, false],
      [30, true],
    ]);
  });

  test("refuses more years than the scenario models, blanks and a trigger outside 0..1", () => {
    expect(caught(() => track(plan, [0, 0, 0, 0, 0, 0])).message).toBe("actual_sales has 6 years; the scenario models 5 (years)");
    expect(caught(() => track(plan, [0, null])).message).toMatch(/^actual_sales: item 2 \(contract year 2\) is blank/);
    expect(caught(() => track(plan, [0], 2)).message).toMatch(/^trigger must be a decimal from 0 to 1/);
  });
});
