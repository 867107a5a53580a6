/** IPVALUE.TERMS called as Excel calls it, and its table given to OFFER as a term sheet. */
import { F, grid, spilledError } from "./helpers";

describe("IPVALUE.TERMS", () => {
  test("spills the preset's terms under a header row, TRUE/FALSE for a flag and blank where the value depends on the deal", () => {
    const t = grid(F.TERMS("case7_a", null));
    expect(t[0]).toEqual(["key", "value", "unit", "citation", "note_en", "note_ja"]);
    const byKey = Object.fromEntries(t.slice(1).map((r) => [r[0], r.slice(1, 3)]));
    expect(byKey.success_fee).toEqual([0.0125, "share"]);
    expect(byKey.royalty_rate).toEqual([0.02, "share"]);
    expect(byKey.post_expiry_rate).toEqual([0.0075, "share"]);
    expect(byKey.annual_fee).toEqual([10000, "currency_per_year"]);
    expect(byKey.annual_fee_from_year).toEqual([3, "year"]);
    expect(byKey.annual_fee_creditable).toEqual([true, "flag"]);
    expect(byKey.exit_value).toEqual(["", "currency"]);
    for (const r of t) expect(r).toHaveLength(6);
  });

  test("model B: the fee, the equity, the sublicense share, the fee until sales and the minimum", () => {
    const byKey = Object.fromEntries(grid(F.TERMS("case7_b_no_approval")).map((r) => [r[0], r[1]]));
    expect(byKey).toMatchObject({
      upfront: 5000,
      equity_share: 0.05,
      sublicense_share: 0.1,
      annual_fee: 5000,
      annual_fee_until_sales: true,
      annual_minimum: 10000,
    });
    expect(Object.fromEntries(grid(F.TERMS("case7_b_approval")).map((r) => [r[0], r[1]]))).toMatchObject({ royalty_rate: 0.02, post_expiry_rate: 0.01 });
  });

  test("the exchange rate multiplies the amounts only; blank or omitted is 1", () => {
    const yen = Object.fromEntries(grid(F.TERMS("case7_b_approval", 150)).map((r) => [r[0], r[1]]));
    expect(yen).toMatchObject({ upfront: 750000, annual_fee: 750000, annual_minimum: 1500000, royalty_rate: 0.02, equity_share: 0.05, patent_cost_years: 2 });
    expect(F.TERMS("case7_b_approval", "")).toEqual(F.TERMS("case7_b_approval", null));
    expect(F.TERMS("case7_b_approval")).toEqual(F.TERMS("case7_b_approval", 1));
  });

  test("OFFER takes the spilled table as it stands: its blanks keep the scenario's values", () => {
    const base = { market_size: 1e8, peak_share: 0.1, years: 10, launch_year: 3, royalty_rate: 0.04, operating_margin: 0.2, discount_rate: 0.1 };
    const table = [["", "Base"], ...Object.entries({ ...base, success_probability: 0.4, exit_year: 6, exit_value: 2e9 })];
    const typed = [
      ["upfront", 750000],
      ["royalty_rate", 0.02],
      ["post_expiry_rate", 0.01],
      ["annual_minimum", 1500000],
      ["annual_fee", 750000],
      ["annual_fee_from_year", 1],
      ["annual_fee_until_sales", true],
      ["annual_fee_creditable", false],
      ["equity_share", 0.05],
      ["success_fee", 0],
      ["sublicense_share", 0.1],
      ["patent_cost_years", 2],
    ];
    const fromTerms = grid(F.OFFER(table, F.TERMS("case7_b_approval", 150), "rnpv, royalty_rate"));
    expect(fromTerms).toEqual(grid(F.OFFER(table, typed, "rnpv, royalty_rate")));
    expect(fromTerms[1][2]).toBe(0.02);
    expect(fromTerms[1][1]).not.toBeCloseTo(grid(F.SCENARIO(table, "Base", "rnpv"))[0][0] as number, 0);
  });

  test("an unknown preset is #VALUE! naming it and the presets", () => {
    spilledError(
      F.TERMS("case8", null),
      "#VALUE!",
      'preset "case8" is not a license model; the presets are case7_a, case7_b_no_approval, case7_b_approval, case6_startup, case6_large'
    );
    spilledError(F.TERMS(null, null), "#VALUE!", /^preset must be the name of a license model; the presets are case7_a, .*; got ""$/);
    spilledError(F.TERMS(true, null), "#VALUE!", "preset must be text; got TRUE");
  });

  test("a bad exchange rate is #VALUE! naming exchange_rate", () => {
    spilledError(F.TERMS("case7_a", 0), "#VALUE!", /^exchange_rate must be a number above 0 .*; got 0$/);
    spilledError(F.TERMS("case7_a", -1), "#VALUE!", /^exchange_rate must be a number above 0 .*; got -1$/);
    spilledError(F.TERMS("case7_a", "150 JPY"), "#VALUE!", 'exchange_rate must be a number; got text "150 JPY"');
    spilledError(F.TERMS("case7_a", [[150, 151]]), "#VALUE!", "exchange_rate must be a single value, not a range");
  });
});
