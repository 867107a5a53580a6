/** BAND and BANDS called as Excel calls them: omitted arguments as null, ranges as 2-D arrays. */
import { BAND_COLUMNS, BUILT_IN_BANDS } from "../../src/engine";
import { F, grid, spilledError } from "./helpers";

const HEADER = [...BAND_COLUMNS];

describe("IPVALUE.BAND", () => {
  test("by default spills low and high side by side", () => {
    expect(grid(F.BAND("case11_option_premium", null, null))).toEqual([[0.1, 0.15]]);
    expect(grid(F.BAND("meti2010_patent_bio_pharma", "", null))).toEqual([[0.06, 0.06]]);
    expect(grid(F.BAND([["Case07B_Royalty_Approval_Patent"]], null, null))).toEqual([[0.02, 0.02]]);
  });

  test("one field gives one cell; the source, the page and the origin say where the number comes from", () => {
    expect(grid(F.BAND("case07b_royalty_no_approval_know_how", "low", null))).toEqual([[0.025]]);
    expect(grid(F.BAND("case07b_equity_financing_trigger", "currency", null))).toEqual([["USD"]]);
    expect(grid(F.BAND("case07a_success_fee", "page", null))).toEqual([["p.21"]]);
    expect(grid(F.BAND("case07a_success_fee", "source", null))[0][0] as string).toMatch(/事例集/);
    expect(grid(F.BAND("autm2011_us_university_royalty", "year", null))).toEqual([[2011]]);
    expect(grid(F.BAND("autm2011_us_university_royalty", "origin", null))).toEqual([["built-in"]]);
    expect(grid(F.BAND("case06_upfront_startup", " HIGH ", null))).toEqual([[20000]]);
    expect(grid(F.BAND("case06_upfront_startup", "上限", null))).toEqual([[20000]]);
  });

  test('field "row" spills the band as BANDS shows it', () => {
    const row = grid(F.BAND("meti2010_patent_chemistry", "row", null));
    const table = grid(F.BANDS("meti2010_patent_chemistry", null));
    expect(row).toEqual([table[1]]);
    expect(row[0]).toHaveLength(HEADER.length);
  });

  test("an unknown key is #N/A naming it and saying how to list the keys", () => {
    spilledError(F.BAND("royalty_typical", null, null), "#N/A", /No band has the key "royalty_typical".*=IPVALUE\.BANDS\(\)/);
    spilledError(F.BAND("meti2010_patent_chemstry", null, null), "#N/A", /Did you mean meti2010_patent_chemistry/);
  });

  test("an unknown 32,767-character key is named by its first 60 characters and its length", () => {
    const e = spilledError(F.BAND("k".repeat(32767), null, null), "#N/A");
    expect(e.message).toBe(
      `No band has the key "${"k".repeat(60)}…" (32,767 characters). List the keys with =IPVALUE.BANDS(), or search with =IPVALUE.BANDS("word").`
    );
  });

  test("a missing key is #VALUE!", () => {
    spilledError(F.BAND(null, null, null), "#VALUE!", /^key is required/);
    spilledError(F.BAND("", "low", null), "#VALUE!", /^key is required/);
  });

  test("a bad field is #VALUE! listing the fields", () => {
    spilledError(
      F.BAND("meti2010_patent_all", "value", null),
      "#VALUE!",
      /^field must be one of range, row, key, low, high, unit, currency, base, right, regulatory, licensee, exclusivity, description_en, description_ja, source, locator, page, year, origin; got "value"/
    );
    spilledError(F.BAND("meti2010_patent_all", 3, null), "#VALUE!", /^field must be text/);
  });

  describe("with the user's own bands", () => {
    const user = [
      ["key", "low", "high", "unit", "source", "note"],
      ["meti2010_patent_all", 0.03, 0.045, "share_of_net_sales", "Our 2024 deals", "overrides the survey"],
      ["our_deal_2024", 0.025, "", "share_of_net_sales", "Deal 2024-17", ""],
      ["", "", "", "", "", ""],
    ];

    test("a user band with a built-in key overrides it, and the result says user", () => {
      expect(grid(F.BAND("meti2010_patent_all", null, user))).toEqual([[0.03, 0.045]]);
      expect(grid(F.BAND("meti2010_patent_all", "origin", user))).toEqual([["user"]]);
      expect(grid(F.BAND("meti2010_patent_all", "source", user))).toEqual([["Our 2024 deals"]]);
      const row = grid(F.BAND("meti2010_patent_all", "row", user))[0];
      expect(row[row.length - 1]).toBe("user");
    });

    test("a user band with a new key extends the set; the built-in ones stay", () => {
      expect(grid(F.BAND("our_deal_2024", null, user))).toEqual([[0.025, 0.025]]);
      expect(grid(F.BAND("meti2010_patent_chemistry", "origin", user))).toEqual([["built-in"]]);
    });

    test("a blank user range is no user bands", () => {
      expect(grid(F.BAND("meti2010_patent_all", "origin", [[""]]))).toEqual([["built-in"]]);
      expect(grid(F.BAND("meti2010_patent_all", "origin", ""))).toEqual([["built-in"]]);
    });

    test("a malformed user range is #VALUE! saying what to fix", () => {
      spilledError(
        F.BAND("x", null, [
          ["name", "value"],
          ["x", 1],
        ]),
        "#VALUE!",
        /^user_bands: unknown column "name"/
      );
      spilledError(F.BAND("x", null, [[1, 2]]), "#VALUE!", /^user_bands: unknown column "1"/);
      spilledError(
        F.BAND("x", null, [
          ["key", "low"],
          ["x", "3%"],
        ]),
        "#VALUE!",
        /^user_bands row 2 \(x\): low must be a number/
      );
      spilledError(
        F.BAND("x", null, [
          ["key", "low"],
          ["x", 1],
          ["X", 2],
        ]),
        "#VALUE!",
        /^user_bands: the key X appears twice/
      );
    });
  });
});

describe("IPVALUE.BANDS", () => {
  test("spills a header row and every built-in band", () => {
    const t = grid(F.BANDS(null, null));
    expect(t[0]).toEqual(HEADER);
    expect(t).toHaveLength(BUILT_IN_BANDS.length + 1);
    for (const row of t) expect(row).toHaveLength(HEADER.length);
    expect(t.slice(1).map((r) => r[0])).toEqual(BUILT_IN_BANDS.map((b) => b.key));
    expect(t.slice(1).every((r) => r[HEADER.length - 1] === "built-in")).toBe(true);
  });

  test("filters by word, right type, regulatory path and licensee", () => {
    const keys = (filter: string) =>
      grid(F.BANDS(filter, null))
        .slice(1)
        .map((r) => r[0]);
    expect(keys("approval, patent")).toEqual(["case07b_royalty_approval_patent"]);
    expect(keys("know_how no_approval")).toEqual(["case07b_royalty_no_approval_know_how"]);
    expect(keys("large")).toEqual(["case06_upfront_large"]);
    expect(keys("meti")).toHaveLength(5);
    expect(keys("nano")).toEqual(["meti2010_patent_microstructure_nano"]);
    const startup = grid(F.BANDS("startup", null));
    const licensee = HEADER.indexOf("licensee");
    expect(startup.slice(1).every((r) => r[licensee] === "startup")).toBe(true);
    expect(grid(F.BANDS([["royalty"]], null)).length).toBeGreaterThan(10);
  });

  test("no match is #N/A; an unknown column in a column:value filter is #VALUE!", () => {
    spilledError(F.BANDS("trademark", null), "#N/A", /No band matches "trademark"/);
    spilledError(F.BANDS("colour:red", null), "#VALUE!", /^filter: "colour" is not a column/);
  });

  test("its own output, edited and fed back as user bands, overrides and extends; origin says user", () => {
    const table = grid(F.BANDS("meti", null)).map((r) => [...r]);
    const low = HEADER.indexOf("low");
    const high = HEADER.indexOf("high");
    table[1][low] = 0.02;
    table[1][high] = 0.05;
    table.push(HEADER.map((h) => (h === "key" ? "our_deal" : h === "low" ? 0.03 : h === "origin" ? "built-in" : "")));
    const merged = grid(F.BANDS(null, table));
    expect(merged).toHaveLength(BUILT_IN_BANDS.length + 2);
    const byKey = new Map(merged.slice(1).map((r) => [r[0], r]));
    const origin = HEADER.length - 1;
    expect(byKey.get("meti2010_patent_all")!.slice(low, high + 1)).toEqual([0.02, 0.05]);
    expect(byKey.get("meti2010_patent_all")![origin]).toBe("user");
    expect(byKey.get("meti2010_patent_chemistry")![origin]).toBe("user"); // copied, so now the user's
    expect(byKey.get("our_deal")![origin]).toBe("user"); // the origin column of the input is ignored
    expect(byKey.get("case11_option_premium")![origin]).toBe("built-in");
    expect(merged[merged.length - 1][0]).toBe("our_deal");
    expect(grid(F.BANDS("user", table)).length).toBe(1 + 6);
  });
});
