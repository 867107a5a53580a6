/** The reference-bands row: royalty-rate bands only, filtered like BANDS, with the median as base. */
import { bandRateRange, BUILT_IN_BANDS, mergeBands, parseUserBands } from "../../src/engine";

describe("bandRateRange", () => {
  test("METI 2010 field means span 3.7% (all patents) to 6.0% (bio/pharma); the median of the five is 4.3%", () => {
    const r = bandRateRange("meti2010");
    expect(r.keys.sort()).toEqual(
      [
        "meti2010_patent_all",
        "meti2010_patent_bio_pharma",
        "meti2010_patent_chemistry",
        "meti2010_patent_health_lifesaving_amusement",
        "meti2010_patent_microstructure_nano",
      ].sort()
    );
    expect([r.low, r.base, r.high]).toEqual([0.037, 0.043, 0.06]);
  });

  test("only running royalties count: no sublicense share, equity or audit threshold enters the range", () => {
    const r = bandRateRange();
    const units = new Set(BUILT_IN_BANDS.filter((b) => r.keys.includes(b.key)).map((b) => b.unit));
    expect([...units]).toEqual(["share_of_net_sales"]);
    expect(r.high).toBeLessThanOrEqual(0.1);
  });

  test("case 7's model B royalties for products needing approval are 1% (know-how) to 2% (patent)", () => {
    const r = bandRateRange("case07b approval");
    expect(r.keys.sort()).toEqual(["case07b_royalty_approval_know_how", "case07b_royalty_approval_patent"]);
    expect([r.low, r.base, r.high]).toEqual([0.01, 0.015, 0.02]);
  });

  test("a user's own past deal joins the range", () => {
    const user = parseUserBands([
      ["key", "low", "high", "unit"],
      ["our_deal_2024", 0.08, 0.09, "share_of_net_sales"],
    ]);
    const r = bandRateRange("", mergeBands(user));
    expect(r.high).toBe(0.09);
    expect(r.keys).toContain("our_deal_2024");
  });

  test("a filter nothing matches is #N/A naming the filter", () => {
    expect(() => bandRateRange("no_such_word_xyz")).toThrow(/No band matches/);
  });
});
