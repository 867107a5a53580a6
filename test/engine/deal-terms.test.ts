/**
 * The deal terms, each alone and all together, worked by hand on a small plan (four years of sales
 * 100, 200, 300, 400 given as sales_<t> rows, discount rate 10 %, end-of-year), and the promise that a
 * table without them gives today's numbers bit for bit (golden values of the last commit without them).
 */
import { readFileSync } from "fs";
import path from "path";
import {
  ASSUMPTION_KEYS,
  Assumptions,
  AssumptionKey,
  licenseeNpv,
  offerRows,
  planFromTable,
  RawValue,
  readAssumptionsTable,
  readTerms,
  reviewOffer,
  resolveAssumptions,
  runScenario,
  runSimulation,
  scenarioComponents,
  scenarioOutput,
  scenarioTable,
  Simulator,
  ValuationError,
} from "../../src/engine";
import { goldenValues } from "./golden";
import { caught } from "./helpers";

const d = (t: number) => Math.pow(1.1, -t); // the discount factor of year t at 10 %, end of year
const SALES = [100, 200, 300, 400];
const pvOf = (flows: number[]) => flows.reduce((s, f, i) => s + f * d(i + 1), 0);
const close = (x: number) => expect.closeTo(x, 9);

const BASE: Partial<Record<AssumptionKey, RawValue>> = { years: 4, royalty_rate: 0.05, operating_margin: 0.4, discount_rate: 0.1 };

function scenario(terms: Partial<Record<AssumptionKey, RawValue>> = {}, sales: RawValue[] = SALES): Assumptions {
  return resolveAssumptions({ ...BASE, ...terms }, "Deal", { sales });
}
const model = (terms: Partial<Record<AssumptionKey, RawValue>> = {}, sales?: RawValue[]) => runScenario(scenario(terms, sales));
const out = (terms: Partial<Record<AssumptionKey, RawValue>>, output: Parameters<typeof scenarioOutput>[1], sales?: RawValue[]) =>
  scenarioOutput(model(terms, sales), output);

describe("without deal terms, every number is today's (golden values of commit f89146c)", () => {
  const golden = JSON.parse(readFileSync(path.join(__dirname, "..", "fixtures", "golden-before-deal-terms.json"), "utf8")) as Record<string, unknown>;

  test("every output, yearly table, simulation and tornado of the worked examples, bit for bit", () => {
    const now = goldenValues();
    expect(Object.keys(now).sort()).toEqual(Object.keys(golden).sort());
    const differ = Object.keys(golden).filter((k) => JSON.stringify(now[k]) !== JSON.stringify(golden[k]));
    expect(differ).toEqual([]);
    expect(Object.keys(golden).length).toBeGreaterThan(150);
  });
});

describe("the plan's rows", () => {
  test("sales_<t> rows give the sales; market_size and peak_share are not needed", () => {
    const m = model();
    expect([...m.sales]).toEqual(SALES);
    expect(m.market).toBeNull();
    expect(scenarioTable(m)[1].slice(0, 4)).toEqual([1, "", "", 100]);
    // 5 % of each year's sales, discounted
    expect(scenarioOutput(m, "npv")).toBeCloseTo(pvOf([5, 10, 15, 20]), 9);
  });

  test("a blank year is 0, operating_profit_<t> overrides margin × sales, investment_<t> is an outlay at the hurdle rate", () => {
    const a = resolveAssumptions({ ...BASE, tax_rate: 0.3 }, "Plan", {
      sales: [100, undefined, 300],
      operating_profit: [undefined, 50],
      investment: [0, 0, 30],
    });
    const m = runScenario(a);
    expect([...m.sales]).toEqual([100, 0, 300, 0]);
    // licensee: (OP − royalty) × (1 − T) with OP = 40, 50, 120, 0; royalty 5, 0, 15, 0; minus 30 in year 3
    const expected = pvOf([35, 50, 105, 0]) * 0.7 - 30 * d(3);
    expect(licenseeNpv(m)).toBeCloseTo(expected, 9);
  });

  test("the table reader takes the rows, and refuses a row after the last year", () => {
    const cells: RawValue[][] = [
      ["key", "A"],
      ["years", 3],
      ["royalty_rate", 0.1],
      ["operating_margin", 0.2],
      ["discount_rate", 0.1],
      ["sales_2", 50],
      ["sales_1", 10],
    ];
    const [raw] = readAssumptionsTable(cells);
    expect(raw.series).toEqual({ sales: [10, 50] });
    expect(caught(() => resolveAssumptions({ ...BASE, years: 1 }, "A", { sales: [1, 2] })).message).toBe(
      "Scenario 'A': sales_2 is after the last year modelled (years = 1)"
    );
  });
});

describe("each term alone, by hand", () => {
  test("tiers are marginal like tax brackets: 5 % to 150, 4 % to 250, 3 % above", () => {
    const m = model({ tier_1_threshold: 150, tier_1_rate: 0.04, tier_2_threshold: 250, tier_2_rate: 0.03 });
    // 100·5 %; 150·5 % + 50·4 %; 150·5 % + 100·4 % + 50·3 %; 150·5 % + 100·4 % + 150·3 %
    expect([...m.royalty].map((x) => Number(x.toFixed(12)))).toEqual([5, 9.5, 13, 16]);
  });

  test("a blank tier rate takes the rate below it", () => {
    const m = model({ tier_1_threshold: 150, tier_2_threshold: 250, tier_2_rate: 0.01 });
    expect([...m.royalty].map((x) => Number(x.toFixed(12)))).toEqual([5, 10, 13, 14]); // 5 % to 250, 1 % above
  });

  test("after the last year with a valid claim the post-expiry rate applies, and the minimum still does", () => {
    expect([...model({ claims_expire_year: 2, post_expiry_rate: 0.02 }).royalty]).toEqual([5, 10, 6, 8]);
    expect([...model({ claims_expire_year: 2, post_expiry_rate: 0.02, annual_minimum: 7 }).royalty]).toEqual([7, 10, 7, 8]);
    // claims_expire_year 0: a know-how-only license from year 1
    expect([...model({ claims_expire_year: 0, post_expiry_rate: 0.01 }).royalty]).toEqual([1, 2, 3, 4]);
  });

  test("an annual fee is added to the royalty, or credited against it", () => {
    const added = model({ annual_fee: 12, annual_fee_from_year: 2 });
    expect([...added.fee]).toEqual([0, 12, 12, 12]);
    expect(scenarioOutput(added, "npv")).toBeCloseTo(pvOf([5, 22, 27, 32]), 9);
    const credited = model({ annual_fee: 12, annual_fee_from_year: 2, annual_fee_creditable: true });
    expect([...credited.fee]).toEqual([0, 2, 0, 0]); // max(royalty, fee) − royalty
    expect(scenarioOutput(credited, "npv")).toBeCloseTo(pvOf([5, 12, 15, 20]), 9);
  });

  test("an annual fee due only until sales start stops in the first year with sales", () => {
    const m = model({ annual_fee: 8, annual_fee_until_sales: "TRUE" }, [0, 0, 300, 400]);
    expect([...m.fee]).toEqual([8, 8, 0, 0]);
    expect(scenarioOutput(m, "npv")).toBeCloseTo(pvOf([8, 8, 15, 20]), 9);
  });

  test("milestones are lump sums at their year, each weighted by its probability in rnpv", () => {
    const terms = {
      milestone_1_year: 1.5,
      milestone_1_amount: 100,
      milestone_1_probability: 0.5,
      milestone_2_year: 0,
      milestone_2_amount: 10,
      success_probability: 0.8,
    };
    const royalties = pvOf([5, 10, 15, 20]);
    expect(out(terms, "npv")).toBeCloseTo(royalties + 100 * d(1.5) + 10, 9);
    expect(out(terms, "rnpv")).toBeCloseTo(0.8 * royalties + 0.5 * 100 * d(1.5) + 10, 9);
    // whatever the timing: a lump sum is (1 + r)^−year
    expect(out({ ...terms, timing: "mid" }, "npv") - out({ timing: "mid", success_probability: 0.8 }, "npv")).toBeCloseTo(100 * d(1.5) + 10, 9);
  });

  test("the licensor's share of sublicense income runs from year 1 to the royalty term", () => {
    const m = model({ sublicense_income: 1000, sublicense_share: 0.1, term_years: 3 });
    expect([...m.sublicense]).toEqual([100, 100, 100, 0]);
    expect(scenarioOutput(m, "npv")).toBeCloseTo(pvOf([105, 110, 115, 0]), 9); // the term also ends the royalties
  });

  test("equity and the success fee are valued at the exit, weighted by the exit's probability", () => {
    const terms = { equity_share: 0.05, dilution: 0.4, exit_year: 3, exit_value: 10000, success_fee: 0.0125, exit_probability: 0.5, success_probability: 0.9 };
    const royalties = pvOf([5, 10, 15, 20]);
    expect(out(terms, "npv")).toBeCloseTo(royalties + (300 + 125) * d(3), 9);
    expect(out(terms, "rnpv")).toBeCloseTo(0.9 * royalties + 0.5 * (300 + 125) * d(3), 9);
    // exit_probability blank: the probability of success
    expect(out({ ...terms, exit_probability: undefined }, "rnpv")).toBeCloseTo(0.9 * royalties + 0.9 * 425 * d(3), 9);
  });

  test("patent costs are repaid evenly from year 1 and are certain", () => {
    const terms = { patent_cost_reimbursement: 300, patent_cost_years: 3, success_probability: 0.5 };
    const royalties = pvOf([5, 10, 15, 20]);
    expect([...model(terms).patent]).toEqual([100, 100, 100, 0]);
    expect(out(terms, "rnpv")).toBeCloseTo(0.5 * royalties + 100 * (d(1) + d(2) + d(3)), 9);
    // repayments past the years modelled still count
    expect(out({ patent_cost_reimbursement: 600, patent_cost_years: 6 }, "npv")).toBeCloseTo(
      royalties + 100 * [1, 2, 3, 4, 5, 6].reduce((s, t) => s + d(t), 0),
      9
    );
  });

  test("a co-owned patent: the licensor's ownership share scales its value, not the licensee's payments", () => {
    const terms = { upfront: 50, licensor_ownership: 0.5, success_probability: 0.6 };
    expect(out(terms, "npv")).toBeCloseTo(0.5 * (50 + pvOf([5, 10, 15, 20])), 9);
    expect(out(terms, "rnpv")).toBeCloseTo(0.5 * (50 + 0.6 * pvOf([5, 10, 15, 20])), 9);
    expect(out(terms, "licensee_npv")).toBe(out({ upfront: 50, success_probability: 0.6 }, "licensee_npv"));
    // the equivalent rate is the deal's own rate level, whoever owns how much
    expect(out(terms, "equivalent_rate")).toBeCloseTo(out({ upfront: 50, success_probability: 0.6 }, "equivalent_rate"), 12);
  });
});

describe("the licensee's side and the comparable rate", () => {
  const all = {
    tax_rate: 0.25,
    hurdle_rate: 0.15,
    success_probability: 0.7,
    upfront: 20,
    investment: 20,
    annual_fee: 6,
    milestone_1_year: 2,
    milestone_1_amount: 40,
    milestone_1_probability: 0.5,
    patent_cost_reimbursement: 30,
    patent_cost_years: 2,
  };
  const h = (t: number) => Math.pow(1.15, -t);
  const pvH = (flows: number[]) => flows.reduce((s, f, i) => s + f * h(i + 1), 0);

  test("licensee_npv: p × PV((profit − royalty − fee) × (1 − T)) − investment − upfront − milestones − patent repayments, at the hurdle rate", () => {
    const profit = SALES.map((s) => 0.4 * s);
    const pays = [5 + 6, 10 + 6, 15 + 6, 20 + 6];
    const expected = 0.7 * pvH(profit.map((p, i) => p - pays[i])) * 0.75 - 20 - 20 - 0.5 * 40 * h(2) - 15 * (h(1) + h(2));
    expect(out(all, "licensee_npv")).toBeCloseTo(expected, 9);
  });

  test("maxrate is the flat rate that makes licensee_npv zero with every other term as given", () => {
    const rate = out(all, "maxrate");
    expect(rate).toBeGreaterThan(0);
    // Replace the royalty terms by that flat rate (no tiers, no post-expiry rate, no minimum): the licensee breaks even.
    expect(out({ ...all, royalty_rate: rate }, "licensee_npv")).toBeCloseTo(0, 6);
    // by hand: (p·PV(profit − fee)·(1 − T) − outlays) ÷ (p·PV(sales)·(1 − T))
    const outlays = 20 + 20 + 0.5 * 40 * h(2) + 15 * (h(1) + h(2));
    const byHand = (0.7 * pvH(SALES.map((s) => 0.4 * s - 6)) * 0.75 - outlays) / (0.7 * pvH(SALES) * 0.75);
    expect(rate).toBeCloseTo(byHand, 12);
    // creditable or not, the fee counts in full
    expect(out({ ...all, annual_fee_creditable: true }, "maxrate")).toBe(rate);
  });

  test("equivalent_rate turns any structure into one running rate with the same rnpv", () => {
    // royalties alone, no minimum: the royalty rate itself
    expect(out({}, "equivalent_rate")).toBeCloseTo(0.05, 12);
    const rnpv = out(all, "rnpv");
    expect(out(all, "equivalent_rate")).toBeCloseTo(rnpv / (0.7 * pvOf(SALES)), 12);
    // a lump sum of L only: L ÷ (p · PV(sales))
    expect(out({ royalty_rate: 0, upfront: 100 }, "equivalent_rate")).toBeCloseTo(100 / pvOf(SALES), 12);
  });

  test("no sales in the term: no equivalent rate (#NUM!, with the reason)", () => {
    const e = caught(() => out({}, "equivalent_rate", [0, 0, 0, 0]));
    expect(e.kind).toBe("invalidNumber");
    expect(e.message).toMatch(/no sales in the royalty term/);
  });
});

describe("all terms together", () => {
  const every = {
    upfront: 50,
    success_probability: 0.6,
    tier_1_threshold: 150,
    tier_1_rate: 0.04,
    claims_expire_year: 3,
    post_expiry_rate: 0.02,
    annual_minimum: 6,
    annual_fee: 7,
    annual_fee_creditable: true,
    milestone_1_year: 1,
    milestone_1_amount: 30,
    milestone_1_probability: 0.5,
    sublicense_income: 100,
    sublicense_share: 0.15,
    equity_share: 0.05,
    exit_year: 4,
    exit_value: 2000,
    success_fee: 0.01,
    exit_probability: 0.3,
    patent_cost_reimbursement: 20,
    licensor_ownership: 0.5,
  };

  test("components by hand, and they add up to npv and rnpv", () => {
    // royalties: 5; 150·5 % + 50·4 % = 9.5; 150·5 % + 150·4 % = 13.5; post-expiry 400·2 % = 8
    const royalty = [6, 9.5, 13.5, 8]; // the minimum 6 lifts year 1
    const fee = royalty.map((r) => Math.max(0, 7 - r)); // creditable: 1, 0, 0, 0
    const sub = [15, 15, 15, 15];
    const rows = scenarioComponents(model(every));
    const byName = Object.fromEntries(rows.slice(1).map((r) => [r[0], [r[1], r[2]]]));
    expect(rows[0]).toEqual(["component", "npv", "rnpv"]);
    expect(byName.upfront).toEqual([25, 25]);
    expect(byName.royalties).toEqual([close(0.5 * pvOf(royalty)), close(0.5 * 0.6 * pvOf(royalty))]);
    expect(byName.annual_fees).toEqual([close(0.5 * pvOf(fee)), close(0.5 * 0.6 * pvOf(fee))]);
    expect(byName.milestones).toEqual([close(0.5 * 30 * d(1)), close(0.5 * 0.5 * 30 * d(1))]);
    expect(byName.sublicense).toEqual([close(0.5 * pvOf(sub)), close(0.5 * 0.6 * pvOf(sub))]);
    expect(byName.equity).toEqual([close(0.5 * 100 * d(4)), close(0.5 * 0.3 * 100 * d(4))]);
    expect(byName.success_fee).toEqual([close(0.5 * 20 * d(4)), close(0.5 * 0.3 * 20 * d(4))]);
    expect(byName.patent_costs).toEqual([close(0.5 * 20 * d(1)), close(0.5 * 20 * d(1))]);
    const parts = rows.slice(1, -1);
    expect(byName.total[0]).toBeCloseTo(
      parts.reduce((s, r) => s + (r[1] as number), 0),
      6
    );
    expect(byName.total[1]).toBeCloseTo(
      parts.reduce((s, r) => s + (r[2] as number), 0),
      6
    );
    expect(byName.total).toEqual([scenarioOutput(model(every), "npv"), scenarioOutput(model(every), "rnpv")]);
  });

  test("the yearly table shows the fee after its credit, the sublicense share and the patent repayment", () => {
    const t = scenarioTable(model(every));
    expect(t[0].slice(7)).toEqual(["annual_fee", "sublicense", "patent_cost"]);
    expect(t.slice(1).map((r) => r.slice(7))).toEqual([
      [1, 15, 20],
      [0, 15, 0],
      [0, 15, 0],
      [0, 15, 0],
    ]);
  });
});

describe("refused with the reason", () => {
  const message = (terms: Partial<Record<AssumptionKey, RawValue>>) => {
    const e = caught(() => scenario(terms));
    expect(e.kind).toBe("invalidValue");
    return e.message;
  };

  test.each([
    [{ tier_1_threshold: 300, tier_2_threshold: 200 }, "tier thresholds must ascend: tier_2_threshold (200) must be above tier_1_threshold (300)"],
    [{ tier_1_rate: 0.02 }, "tier_1_rate is given but tier_1_threshold is blank"],
    [{ tier_1_threshold: 100, tier_2_rate: 0.02 }, "tier_2_rate is given but tier_2_threshold is blank"],
    [{ milestone_3_year: 201, milestone_3_amount: 5 }, "milestone_3_year must be at most 200; got 201"],
    [{ milestone_3_amount: 5 }, "milestone_3_amount is given but milestone_3_year is blank"],
    [{ milestone_3_year: 2 }, "milestone_3_year is given but milestone_3_amount is blank"],
    [{ equity_share: 0.05, exit_year: 5 }, "exit_value is missing: it is required with equity_share"],
    [{ success_fee: 0.01, exit_value: 1e6 }, "exit_year is missing: it is required with success_fee"],
    [{ annual_fee_creditable: "maybe" }, 'annual_fee_creditable must be TRUE or FALSE; got text "maybe"'],
    [{ licensor_ownership: 0 }, "licensor_ownership must be a decimal above 0 to 1"],
    [{ claims_expire_year: 2.5 }, "claims_expire_year must be a whole number of years from 0 to 200"],
    [{ post_expiry_rate: 1.5 }, "post_expiry_rate must be a decimal from 0 to 1"],
  ])("%j", (terms, reason) => {
    expect(message(terms)).toContain(reason);
    expect(message(terms)).toMatch(/^Scenario 'Deal': /);
  });
});

describe("OFFER: a term sheet in every scenario", () => {
  const table: RawValue[][] = [
    ["key", "Low", "High"],
    ["years", 4, 4],
    ["royalty_rate", 0.03, 0.03],
    ["operating_margin", 0.3, 0.4],
    ["discount_rate", 0.1, 0.1],
    ["sales_1", 100, 200],
    ["sales_2", 100, 200],
    ["sales_3", 100, 200],
    ["sales_4", 100, 200],
  ];
  const raws = readAssumptionsTable(table);

  test("the terms replace those keys in each scenario; a heading row, extra columns and blank values are skipped", () => {
    const terms = readTerms([
      ["key", "value", "unit", "citation"],
      ["royalty_rate", 0.05, "share", "case 7"],
      ["upfront", 10, "currency", ""],
      ["annual_minimum", "", "currency", "depends on the deal"],
    ]);
    expect([...terms]).toEqual([
      ["royalty_rate", 0.05],
      ["upfront", 10],
    ]);
    const rows = offerRows(raws, terms, ["npv", "royalty_rate"]);
    expect(rows.map((r) => r.scenario)).toEqual(["Low", "High"]);
    expect(rows[0].values).toEqual([close(10 + 5 * (d(1) + d(2) + d(3) + d(4))), 0.05]);
    expect(rows[1].values).toEqual([close(10 + 10 * (d(1) + d(2) + d(3) + d(4))), 0.05]);
  });

  test("an output without an answer in one scenario is that error; bad terms are refused naming the row", () => {
    const rows = offerRows(
      raws,
      readTerms([
        ["sales_1", 0],
        ["sales_2", 0],
        ["sales_3", 0],
        ["sales_4", 0],
      ]),
      ["equivalent_rate"]
    );
    expect(rows[0].values[0]).toBeInstanceOf(ValuationError);
    expect(caught(() => readTerms([["royalty", 0.05]])).message).toBe("terms: unknown key 'royalty' in row 1");
    expect(
      caught(() =>
        readTerms([
          ["upfront", 1],
          ["Upfront", 2],
        ])
      ).message
    ).toBe("terms: key 'upfront' appears twice (rows 1 and 2)");
    expect(caught(() => offerRows(raws, readTerms([["tier_1_rate", 0.02]]))).message).toMatch(
      /^Scenario 'Low': tier_1_rate is given but tier_1_threshold is blank/
    );
  });
});

describe("the simulation draws deal terms through the scenario model", () => {
  const table: RawValue[][] = [
    ["key", "Low", "Base", "High"],
    ["years", 4, 4, 4],
    ["royalty_rate", 0.03, 0.04, 0.05],
    ["operating_margin", 0.3, 0.35, 0.4],
    ["discount_rate", 0.1, 0.1, 0.1],
    ["post_expiry_rate", 0.01, 0.015, 0.02],
    ["claims_expire_year", 2, 3, 3],
    ["milestone_1_year", "", 1, 2],
    ["milestone_1_amount", 0, 10, 20],
    ["sales_1", 100, 100, 100],
    ["sales_2", 200, 200, 200],
  ];

  test("each draw's output is SCENARIO's for that draw's assumptions (the general path), and the plan fills an absent milestone's year", () => {
    const plan = planFromTable(table);
    expect(plan.general).toBe(true);
    expect(plan.uncertain.map((u) => u.key)).toEqual([
      "royalty_rate",
      "operating_margin",
      "claims_expire_year",
      "post_expiry_rate",
      "milestone_1_year",
      "milestone_1_amount",
    ]);
    const sim = new Simulator(plan, "pert", "rnpv");
    const seen: Assumptions[] = [];
    const draws = sim.run(200, 3, undefined, (values, i) => {
      if (i >= 20) return;
      const a: Assumptions = { ...plan.base };
      for (const key of [...plan.uncertain.map((u) => u.key), ...plan.follows.map((f) => f.key)]) {
        (a as unknown as Record<string, number>)[key] = values[ASSUMPTION_KEYS.indexOf(key)];
      }
      seen.push(a);
    });
    seen.forEach((a, i) => expect(draws[i]).toBe(scenarioOutput(runScenario(a), "rnpv")));
    // same seed, same numbers
    expect(runSimulation(plan, { iterations: 500, seed: 9 }).percentiles).toEqual(runSimulation(plan, { iterations: 500, seed: 9 }).percentiles);
  });

  test("a threshold given in some scenarios and blank in others is refused for the simulation, naming both", () => {
    const withTier = [...table, ["tier_1_threshold", "", 150, 150]];
    expect(caught(() => planFromTable(withTier)).message).toMatch(/^tier_1_threshold is given in scenario 'Base' but blank in 'Low'/);
  });
});

describe("the committee's review of an offer", () => {
  const table: RawValue[][] = [
    ["key", "Low", "Base", "High"],
    ["years", 4, 4, 4],
    ["royalty_rate", 0.03, 0.03, 0.03],
    ["operating_margin", 0.05, 0.3, 0.4],
    ["discount_rate", 0.1, 0.1, 0.1],
    ["sales_1", 100, 200, 300],
    ["sales_2", 100, 200, 300],
    ["sales_3", 100, 200, 300],
    ["sales_4", 100, 200, 300],
  ];
  const raws = readAssumptionsTable(table);
  const offer = readTerms([
    ["royalty_rate", 0.1],
    ["upfront", 20],
  ]);

  test("the offer's base-case value against the floor and ceiling, and the scenarios where the licensee would walk away", () => {
    const base = 20 + 20 * (d(1) + d(2) + d(3) + d(4));
    const r = reviewOffer(raws, offer, 50, 100);
    expect(r.base).toBe("Base");
    expect(r.value).toBeCloseTo(base, 9);
    expect([r.belowFloor, r.aboveCeiling]).toEqual([base < 50, base > 100]);
    // Low: 5 % margin against a 10 % royalty and a 20 upfront: the licensee loses money
    expect(r.walkAway).toEqual(["Low"]);
    expect(reviewOffer(raws, offer, base + 1, null).belowFloor).toBe(true);
    expect(reviewOffer(raws, offer, null, base - 1).aboveCeiling).toBe(true);
    expect(reviewOffer(raws, readTerms([["royalty_rate", 0.01]]), null, null).walkAway).toEqual([]);
  });
});
