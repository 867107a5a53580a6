/** The reference-band dataset's schema, and the engine's lookup, filter and merge of user bands. */
import {
  BAND_COLUMNS,
  BAND_UNITS,
  Band,
  BUILT_IN_BANDS,
  EXCLUSIVITY_TYPES,
  LICENSEE_TYPES,
  REGULATORY_PATHS,
  RIGHT_TYPES,
  bandResult,
  bandsTable,
  filterBands,
  findBand,
  isAmountUnit,
  isShareUnit,
  mergeBands,
  parseBandField,
  parseUserBands,
} from "../../src/engine";
import { caught } from "./helpers";

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const SEED_SECTIONS = /^(事例[②⑥⑦⑪]|図表 (7|9|10|11|12|24))$/;
const keys = BUILT_IN_BANDS.map((b) => b.key);

describe("the built-in dataset", () => {
  test("has stable, unique, lower-case keys", () => {
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  test.each(BUILT_IN_BANDS.map((b) => [b.key, b]))("%s: low ≤ high, finite, unit from the list and values fit the unit", (_k, b) => {
    expect(Number.isFinite(b.low) && Number.isFinite(b.high)).toBe(true);
    expect(b.low).toBeLessThanOrEqual(b.high);
    expect(BAND_UNITS).toContain(b.unit);
    if (isShareUnit(b.unit)) {
      expect(b.low).toBeGreaterThanOrEqual(0);
      expect(b.high).toBeLessThanOrEqual(1);
    }
    if (isAmountUnit(b.unit)) expect(b.currency).toMatch(/^[A-Z]{3}$/);
    else expect(b.currency).toBe("");
    if (["count", "count_per_year", "days", "months", "years", "contract_year"].includes(b.unit)) {
      expect(Number.isInteger(b.low) && Number.isInteger(b.high) && b.low >= 0).toBe(true);
    }
    expect(b.low).toBeGreaterThanOrEqual(0);
  });

  test.each(BUILT_IN_BANDS.map((b) => [b.key, b]))("%s: conditions, descriptions in English and Japanese, a full citation", (_k, b) => {
    expect(RIGHT_TYPES).toContain(b.right);
    expect(REGULATORY_PATHS).toContain(b.regulatory);
    expect(LICENSEE_TYPES).toContain(b.licensee);
    expect(EXCLUSIVITY_TYPES).toContain(b.exclusivity);
    expect(b.base.trim().length).toBeGreaterThan(3);
    expect(b.description_en.trim().length).toBeGreaterThan(15);
    expect(b.description_en).not.toMatch(/[\u3040-\u30ff]/); // no kana in the English text
    expect(JAPANESE.test(b.description_ja)).toBe(true);
    expect(b.source.trim().length).toBeGreaterThan(20);
    expect(b.locator.trim().length).toBeGreaterThan(5);
    expect(b.page === "" || /^p\.\d+$/.test(b.page)).toBe(true);
    expect(typeof b.year === "number" && Number.isInteger(b.year) && b.year >= 1990 && b.year <= 2030).toBe(true);
  });

  test("every seed-sourced entry cites a case or figure of the seed report, with its page, and carries the numbers as printed", () => {
    const seeded = BUILT_IN_BANDS.filter((b) => b.seed);
    expect(seeded.length).toBeGreaterThan(40);
    for (const b of seeded) {
      const s = b.seed!;
      expect(s.section).toMatch(SEED_SECTIONS);
      expect(b.locator.startsWith(s.section)).toBe(true);
      expect(b.page).toMatch(/^p\.\d+$/);
      expect(b.source).toMatch(/海外大学における知財収入の分析及び技術移転活動に関する調査/);
      expect(s.printed.length).toBeGreaterThan(0);
      for (const p of s.printed) expect(p).toMatch(/\d|なし|全額/);
    }
  });

  test("an entry that cites the seed report is a seed entry (nothing escapes the seed check)", () => {
    for (const b of BUILT_IN_BANDS) {
      if (/海外大学における知財収入/.test(b.source) || /事例|図表/.test(b.locator)) expect(b.seed ? b.key : `${b.key}: no seed evidence`).toBe(b.key);
    }
  });

  test("covers the four cases and the figures the issue names, both models of case 7", () => {
    const sections = new Set(BUILT_IN_BANDS.filter((b) => b.seed).map((b) => b.seed!.section));
    for (const s of ["事例②", "事例⑥", "事例⑦", "事例⑪", "図表 7", "図表 10", "図表 24"]) expect(sections).toContain(s);
    const parts = new Set(BUILT_IN_BANDS.filter((b) => b.seed?.section === "事例⑦").map((b) => b.seed!.part));
    expect(parts.size).toBe(2);
    // model A and model B, term by term
    for (const k of [
      "case07a_license_fee",
      "case07a_equity",
      "case07a_success_fee",
      "case07a_royalty_patent",
      "case07a_royalty_know_how",
      "case07a_milestones",
      "case07a_sublicense_share",
      "case07a_annual_fee",
      "case07a_patent_cost_deferred",
      "case07a_patent_cost_sales_trigger",
      "case07a_audit_threshold",
      "case07b_license_fee",
      "case07b_equity",
      "case07b_equity_financing_trigger",
      "case07b_acquisition_rate",
      "case07b_acquisition_threshold",
      "case07b_acquisition_fixed_above",
      "case07b_acquisition_rate_above",
      "case07b_success_fee",
      "case07b_royalty_no_approval_patent",
      "case07b_royalty_no_approval_know_how",
      "case07b_royalty_approval_patent",
      "case07b_royalty_approval_know_how",
      "case07b_sublicense_share",
      "case07b_annual_fee",
      "case07b_minimum_royalty",
      "case07b_patent_costs_share",
      "case07b_audit_threshold",
    ]) {
      expect(keys).toContain(k);
    }
  });

  test("the published survey figures are there with their values", () => {
    const value = (k: string) => {
      const b = BUILT_IN_BANDS.find((x) => x.key === k)!;
      expect(b.low).toBe(b.high);
      return b.low;
    };
    expect(value("meti2010_patent_all")).toBe(0.037);
    expect(value("meti2010_patent_bio_pharma")).toBe(0.06);
    expect(value("meti2010_patent_health_lifesaving_amusement")).toBe(0.053);
    expect(value("meti2010_patent_chemistry")).toBe(0.043);
    expect(value("meti2010_patent_microstructure_nano")).toBe(0.041);
    expect(value("autm2011_us_university_royalty")).toBe(0.018);
    // AUTM: 662 M USD of royalties on 37 B USD of sales
    expect(662 / 37000).toBeCloseTo(0.018, 3);
  });

  test("the royalties of case 7 model B follow the right type and the regulatory path", () => {
    const rate = (right: string, regulatory: string) =>
      BUILT_IN_BANDS.find((b) => b.key.startsWith("case07b_royalty") && b.right === right && b.regulatory === regulatory)!.low;
    expect(rate("patent", "no_approval")).toBe(0.05);
    expect(rate("know_how", "no_approval")).toBe(0.025);
    expect(rate("patent", "approval")).toBe(0.02);
    expect(rate("know_how", "approval")).toBe(0.01);
  });
});

describe("user bands", () => {
  const header = [...BAND_COLUMNS];
  const cell = (b: Record<string, string | number>): (string | number)[] => header.map((h) => b[h] ?? "");

  test("read in the layout BANDS spills; a copy of the BANDS table reads back to the same bands", () => {
    const table = bandsTable(mergeBands());
    const back = parseUserBands(table);
    expect(back).toHaveLength(BUILT_IN_BANDS.length);
    back.forEach((b, i) => {
      const { seed: _s, ...expected } = BUILT_IN_BANDS[i];
      expect(b).toEqual(expected);
    });
  });

  test("columns in any order, optional columns left out, blank rows and a note column skipped", () => {
    const bands = parseUserBands([
      ["note", "high", "key", "low"],
      ["our deal", 0.04, "own_deal_2023", 0.03],
      ["", "", "", ""],
      ["", null, "single", 0.02],
    ]);
    expect(bands.map((b) => [b.key, b.low, b.high, b.unit, b.right, b.year])).toEqual([
      ["own_deal_2023", 0.03, 0.04, "", "any", ""],
      ["single", 0.02, 0.02, "", "any", ""],
    ]);
  });

  test("Japanese condition words are accepted", () => {
    const [b] = parseUserBands([
      ["key", "low", "right", "licensee", "regulatory", "exclusivity"],
      ["x", 0.01, "ノウハウ", "スタートアップ", "承認不要", "非独占"],
    ]);
    expect([b.right, b.licensee, b.regulatory, b.exclusivity]).toEqual(["know_how", "startup", "no_approval", "non_exclusive"]);
  });

  test.each([
    [[["low"], [1]], /header row first/],
    [
      [
        ["key", "low", "hgh"],
        ["a", 1, 2],
      ],
      /unknown column "hgh"/,
    ],
    [
      [
        ["key", "low", "low"],
        ["a", 1, 2],
      ],
      /column low appears twice/,
    ],
    [
      [
        ["key", "low"],
        ["", 1],
      ],
      /row 2: the key is blank/,
    ],
    [
      [
        ["key", "low"],
        ["a", "5%"],
      ],
      /row 2 \(a\): low must be a number; got text "5%"/,
    ],
    [
      [
        ["key", "low", "high"],
        ["a", 2, 1],
      ],
      /low \(2\) is above high \(1\)/,
    ],
    [
      [
        ["key", "low"],
        ["a", ""],
      ],
      /low is blank/,
    ],
    [
      [
        ["key", "low", "unit"],
        ["a", 1, "percent"],
      ],
      /unit must be one of share_of_net_sales/,
    ],
    [
      [
        ["key", "low", "unit"],
        ["a", 5, "share_of_net_sales"],
      ],
      /decimal from 0 to 1/,
    ],
    [
      [
        ["key", "low", "right"],
        ["a", 1, "trademark"],
      ],
      /right must be one of patent, know_how, any/,
    ],
    [
      [
        ["key", "low", "year"],
        ["a", 1, "2020s"],
      ],
      /year must be a whole year/,
    ],
    [
      [
        ["key", "low"],
        ["a", 1],
        ["A", 2],
      ],
      /key A appears twice/,
    ],
    [[["key", "low"], ["a"]], /rectangular/],
  ])("refuses %j", (cells, message) => {
    const e = caught(() => parseUserBands(cells as never));
    expect(e.kind).toBe("invalidValue");
    expect(e.message).toMatch(message);
  });

  test("override a built-in band with the same key (ignoring case) in place, and add the others after the built-ins", () => {
    const user = parseUserBands([header, cell({ key: "METI2010_PATENT_ALL", low: 0.03, high: 0.05 }), cell({ key: "own_deal", low: 0.02 })]);
    const rows = mergeBands(user);
    expect(rows).toHaveLength(BUILT_IN_BANDS.length + 1);
    const i = BUILT_IN_BANDS.findIndex((b) => b.key === "meti2010_patent_all");
    expect(rows[i]).toMatchObject({ key: "METI2010_PATENT_ALL", low: 0.03, high: 0.05, origin: "user" });
    expect(rows[rows.length - 1]).toMatchObject({ key: "own_deal", low: 0.02, high: 0.02, origin: "user" });
    expect(rows.filter((r) => r.origin === "user")).toHaveLength(2);
  });
});

describe("lookup", () => {
  const rows = mergeBands();

  test("finds a band by key, ignoring case and spaces", () => {
    expect(findBand(rows, " Case11_Option_Premium ").low).toBe(0.1);
  });

  test("an unknown key is #N/A naming it, suggesting close keys and how to list them", () => {
    const e = caught(() => findBand(rows, "case11_option_premum"));
    expect(e.kind).toBe("notAvailable");
    expect(e.message).toMatch(/"case11_option_premum"/);
    expect(e.message).toMatch(/Did you mean case11_option_premium/);
    expect(e.message).toMatch(/=IPVALUE\.BANDS\(\)/);
  });

  test("fields: range (default), row, one column, aliases; a bad field lists the fields", () => {
    const b = findBand(rows, "case11_option_premium");
    expect(bandResult(b, parseBandField(undefined))).toEqual([[0.1, 0.15]]);
    expect(bandResult(b, parseBandField("row"))[0]).toHaveLength(BAND_COLUMNS.length);
    expect(bandResult(b, parseBandField("Source"))).toEqual([[b.source]]);
    expect(bandResult(b, parseBandField("出典"))).toEqual([[b.source]]);
    expect(bandResult(b, parseBandField("origin"))).toEqual([["built-in"]]);
    const e = caught(() => parseBandField("value"));
    expect(e.kind).toBe("invalidValue");
    expect(e.message).toMatch(/field must be one of range, row, key, low, high, unit/);
  });
});

describe("filter", () => {
  const rows = mergeBands();
  const keysOf = (f: string) => filterBands(rows, f).map((r) => r.key);

  test("no filter: every band", () => {
    expect(filterBands(rows, undefined)).toHaveLength(rows.length);
    expect(filterBands(rows, "  ")).toHaveLength(rows.length);
  });

  test("condition words select the condition; several words must all match", () => {
    expect(keysOf("approval know_how")).toEqual(["case07b_royalty_approval_know_how"]);
    expect(keysOf("no_approval, patent")).toEqual(["case07b_royalty_no_approval_patent"]);
    expect(keysOf("承認不要 ノウハウ")).toEqual(["case07b_royalty_no_approval_know_how"]);
    for (const r of filterBands(rows, "startup")) expect(r.licensee).toBe("startup");
    expect(keysOf("large")).toEqual(["case06_upfront_large"]);
  });

  test("column:value compares one column; other words search the text", () => {
    const sales = filterBands(rows, "unit:share_of_net_sales");
    expect(sales.every((r) => r.unit === "share_of_net_sales")).toBe(true);
    expect(sales.map((r) => r.key)).toEqual(expect.arrayContaining(["meti2010_patent_all", "autm2011_us_university_royalty", "case07a_royalty_patent"]));
    expect(keysOf("meti chemistry")).toEqual(["meti2010_patent_chemistry"]);
    expect(keysOf("year:2011")).toEqual(["autm2011_us_university_royalty"]);
    expect(keysOf("locator:事例⑪")).toEqual(["case11_option_premium", "case11_research_reservation_share"]);
    expect(keysOf("currency:eur")).toEqual(["case06_upfront_large", "case06_upfront_startup"]);
    expect(keysOf("built-in").length).toBe(rows.length);
  });

  test("no match is #N/A saying how to list everything; an unknown column is #VALUE!", () => {
    const e = caught(() => filterBands(rows, "zzzz"));
    expect(e.kind).toBe("notAvailable");
    expect(e.message).toMatch(/No band matches "zzzz"/);
    expect(caught(() => filterBands(rows, "colour:red")).message).toMatch(/"colour" is not a column/);
    expect(caught(() => filterBands(rows, "year:recent")).message).toMatch(/year is compared with a number/);
  });

  test("user bands: origin filter", () => {
    const user: Band[] = parseUserBands([
      ["key", "low"],
      ["mine", 0.01],
    ]);
    const merged = mergeBands(user);
    expect(filterBands(merged, "user").map((r) => r.key)).toEqual(["mine"]);
    expect(filterBands(merged, "origin:user").map((r) => r.key)).toEqual(["mine"]);
  });
});
