/**
 * The office's own comparables as user bands: extracted terms (the engine's EXTRACTTERMS) under the
 * user's conditions, and a royalty-database export, become rows that the user-bands reader (what BANDS,
 * BANDSTATS and RANGE read) accepts, internal by default; what cannot be a band is refused with a reason.
 */
import fs from "fs";
import path from "path";
import { bandStatistics, extractTerms, mergeBands, parseUserBands, filterBands } from "../../../src/engine";
import {
  bandsFromTerms,
  Conditions,
  DEFAULT_CONDITIONS,
  headerProblem,
  keysIn,
  newKeys,
  parseYear,
  reviewOf,
  rowCells,
  termProblem,
  USER_BANDS_HEADER,
  UserBandRow,
} from "../../../src/taskpane/model/comparables";
import { bandsFromCsv, CsvError, detectMapping, mappingProblem, parseRoyaltyCsv } from "../../../src/taskpane/model/royalty-csv";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "../../fixtures/comparables", name), "utf8");

/** The rows as the table holds them, read back by the engine's user-bands reader (Excel drops the text apostrophe). */
function readBack(rows: readonly UserBandRow[]) {
  const unprefix = (v: string | number | boolean) => (typeof v === "string" && v.startsWith("'") ? v.slice(1) : v);
  return parseUserBands([[...USER_BANDS_HEADER], ...rows.map((r) => rowCells(r).map(unprefix))]);
}

const CLAUSE_JA =
  "第5条（実施料） 乙は甲に対し、契約一時金として金500万円を本契約締結日から30日以内に支払う。乙は、許諾製品の正味販売高の3％をランニング・ロイヤルティとして支払う。";

const conditions: Conditions = {
  ...DEFAULT_CONDITIONS,
  right: "patent",
  licensee: "startup",
  exclusivity: "exclusive",
  field: "医療機器",
  year: 2023,
  source: "Past agreement 2023-07",
};

describe("terms from a document to user bands", () => {
  const terms = reviewOf(extractTerms([CLAUSE_JA]));

  test("a Japanese clause's upfront and royalty become bands BANDS reads back, with their excerpt, internal by default", () => {
    expect(terms.map((t) => t.kind)).toEqual(["upfront", "royalty_rate"]);
    const { rows, refused } = bandsFromTerms(terms, conditions, []);
    expect(refused).toEqual([]);
    expect(rows.map((r) => r.internal)).toEqual([true, true]);
    const bands = readBack(rows);
    expect(bands.map((b) => [b.key, b.low, b.high, b.unit, b.currency])).toEqual([
      ["own_past_agreement_2023_07_1", 5000000, 5000000, "amount", "JPY"],
      ["own_past_agreement_2023_07_2", 0.03, 0.03, "share_of_net_sales", ""],
    ]);
    for (const b of bands) {
      expect([b.right, b.licensee, b.exclusivity, b.regulatory, b.year, b.source]).toEqual([
        "patent",
        "startup",
        "exclusive",
        "any",
        2023,
        "Past agreement 2023-07",
      ]);
      expect(b.description_ja).toContain("分野: 医療機器");
    }
    expect(bands[1].locator).toContain("正味販売高の3％");
    expect(bands[0].locator).toContain("金500万円");
  });

  test("the saved royalty band is found by BANDS' filter words and counted by BANDSTATS", () => {
    const merged = mergeBands(readBack(bandsFromTerms(terms, conditions, []).rows));
    const found = filterBands(merged, "user startup 医療機器");
    expect(found.map((b) => b.key)).toEqual(["own_past_agreement_2023_07_1", "own_past_agreement_2023_07_2"]);
    const stats = bandStatistics(merged, "user", "midpoint");
    expect(stats.count).toBe(1); // the upfront is not a royalty rate
    expect(stats.median).toBe(0.03);
  });

  test("a dropped term is not saved; a fixed one is saved as fixed; the shared choice is kept", () => {
    const reviewed = terms.map((t, i) => (i === 0 ? { ...t, keep: false } : { ...t, low: 0.02, high: 0.04 }));
    const { rows } = bandsFromTerms(reviewed, { ...conditions, internal: false }, []);
    expect(rows.map((r) => [r.low, r.high, r.internal])).toEqual([[0.02, 0.04, false]]);
  });

  test("a term it cannot save is refused with its place and a reason in both languages, the others still made", () => {
    const extracted = reviewOf(extractTerms(["The price of the equipment is USD 12,000. The royalty is 4% of net sales."]));
    expect(extracted.map((t) => t.kind)).toEqual(["unknown", "royalty_rate"]);
    const { rows, refused } = bandsFromTerms(extracted, conditions, []);
    expect(rows.map((r) => r.low)).toEqual([0.04]);
    expect(refused).toHaveLength(1);
    expect(refused[0].at).toBe(0);
    expect(refused[0].reason.en).toMatch(/Choose which term/);
    expect(refused[0].reason.ja).toMatch(/選ぶか、除外/);
  });

  test.each([
    [{ kind: "upfront", unit: "rate", low: 0.02, high: 0.02 }, /amount of money, but the figure is a rate/],
    [{ kind: "royalty_rate", unit: "JPY", low: 100, high: 100 }, /rate, but the figure is an amount/],
    [{ kind: "royalty_rate", unit: "rate", low: 0.05, high: 0.02 }, /low end is above/],
    [{ kind: "royalty_rate", unit: "rate", low: 0.5, high: 1.5 }, /above 100%/],
    [{ kind: "upfront", unit: "USD", low: null, high: null }, /could not be read/],
  ] as const)("termProblem %j", (t, reason) => {
    const p = termProblem({ ...t, excerpt: "", keep: true });
    expect(p?.en).toMatch(reason);
    expect(p?.ja).toBeTruthy();
  });

  test("new keys are numbered past those taken, whatever their case", () => {
    expect(newKeys(2, "own", "Lab Notes", ["OWN_LAB_NOTES_1", "own_lab_notes_3"])).toEqual(["own_lab_notes_2", "own_lab_notes_4"]);
    expect(newKeys(1, "own", "契約書", [])).toEqual(["own_1"]);
    expect(
      keysIn([
        ["key", "low"],
        ["a", 1],
        ["", 2],
        ["b", 3],
      ])
    ).toEqual(["a", "b"]);
  });

  test("texts Excel would read as numbers or dates stay texts; the header check names a moved column", () => {
    const { rows } = bandsFromTerms(terms, { ...conditions, source: "2023/7/1" }, []);
    expect(rowCells(rows[0])[USER_BANDS_HEADER.indexOf("source")]).toBe("'2023/7/1");
    expect(headerProblem(USER_BANDS_HEADER)).toBeNull();
    const moved = [...USER_BANDS_HEADER].reverse();
    expect(headerProblem(moved)?.en).toMatch(/no longer has its columns/);
  });

  test("a year typed in the conditions", () => {
    expect([parseYear(""), parseYear("２０２１"), parseYear("1899"), parseYear("21"), parseYear("2021年")]).toEqual([
      "",
      2021,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe("a royalty-database export to user bands", () => {
  test("English headers are mapped; % and plain percentages read as decimals; unreadable rows refused with their row number", () => {
    const csv = parseRoyaltyCsv(fixture("royalty-export-en.csv"));
    expect(csv.mapping).toEqual({ licensor: 0, licensee: 1, industry: 2, code: 3, low: 4, high: 5, base: 6, year: 7, source: 8 });
    expect(csv.rateStyle).toBe("percent"); // "2.5" is 2.5%
    expect(csv.blankRows).toBe(1);
    const { rows, refused } = bandsFromCsv(csv, csv.mapping, csv.rateStyle, DEFAULT_CONDITIONS, "royalty-export-en.csv", []);
    expect(rows.map((r) => [r.low, r.high, r.year, r.source])).toEqual([
      [0.03, 0.05, 2019, "RoyaltySource"],
      [0.025, 0.025, 2021, "ktMINE"],
    ]);
    expect(rows[1].description_en).toBe("Royalty rate — Tech Institute → Beta Software, LLC; industry: Software; code: 7372");
    expect(rows.every((r) => r.internal)).toBe(true);
    expect(refused.map((r) => r.at)).toEqual([4, 6, 7]);
    expect(refused[0].reason.en).toBe('Royalty low is not a number: "four".');
    expect(refused[0].reason.ja).toBe('料率（下限）が数値ではありません："four"。');
    expect(refused[1].reason.en).toMatch(/low rate is above the high/);
    expect(refused[2].reason.en).toBe('The year cannot be read: "sometime".');
    // every row of the file is a band or a refusal
    expect(rows.length + refused.length).toBe(csv.rows.length);
    expect(readBack(rows).map((b) => b.key)).toEqual(["db_royalty_export_en_1", "db_royalty_export_en_2"]);
  });

  test("Japanese headers in a pasted (tab-separated) table; full-width 2% and decimals side by side", () => {
    const csv = parseRoyaltyCsv(fixture("royalty-export-ja.tsv"));
    expect(csv.mapping).toEqual({ licensor: 0, licensee: 1, industry: 2, low: 3, high: 4, base: 5, year: 6, source: 7 });
    expect(csv.rateStyle).toBe("decimal");
    const { rows, refused } = bandsFromCsv(csv, csv.mapping, csv.rateStyle, { ...DEFAULT_CONDITIONS, year: 2020 }, "貼り付け", []);
    expect(refused).toEqual([]);
    expect(rows.map((r) => [r.low, r.high, r.year, r.base])).toEqual([
      [0.02, 0.04, 2022, "正味販売高"],
      [0.01, 0.015, 2020, "正味販売高"],
    ]);
    expect(rows[0].description_ja).toBe("実施料率 — 甲大学 → 乙株式会社；業種: 医療機器");
    const bands = readBack(rows);
    expect(bandStatistics(mergeBands(bands), "user", "midpoint").count).toBe(2);
  });

  test("the mapping the user changes is the one used; a rate style changed by the user changes plain figures only", () => {
    const csv = parseRoyaltyCsv("Partner,Rate,Rate2\nA,0.5,3%\n");
    expect(csv.mapping).toEqual({ rate: 1 });
    const asDecimal = bandsFromCsv(csv, csv.mapping, "decimal", DEFAULT_CONDITIONS, "x.csv", []);
    expect(asDecimal.rows.map((r) => r.low)).toEqual([0.5]);
    const asPercent = bandsFromCsv(csv, { licensor: 0, rate: 1 }, "percent", DEFAULT_CONDITIONS, "x.csv", []);
    expect(asPercent.rows.map((r) => [r.low, r.description_en])).toEqual([[0.005, "Royalty rate — A → ?"]]);
    const other = bandsFromCsv(csv, { rate: 2 }, "decimal", DEFAULT_CONDITIONS, "x.csv", []);
    expect(other.rows.map((r) => r.low)).toEqual([0.03]);
  });

  test("a rate above 100% and a row without a rate are refused, not dropped", () => {
    const csv = parseRoyaltyCsv("licensee;royalty low;royalty high\nA;0.2;1.5\nB;;\n");
    const { rows, refused } = bandsFromCsv(csv, csv.mapping, "decimal", DEFAULT_CONDITIONS, "x.csv", []);
    expect(rows).toEqual([]);
    expect(refused.map((r) => [r.at, r.reason.en.slice(0, 24)])).toEqual([
      [2, "The rate is outside 0%–1"],
      [3, "No royalty rate in this "],
    ]);
  });

  test("an export without a rate column, or empty, is refused as a whole with a reason", () => {
    expect(mappingProblem(detectMapping(["Licensor", "Licensee"]))?.ja).toMatch(/料率の列がありません/);
    const csv = parseRoyaltyCsv("Licensor,Licensee\nA,B\n");
    expect(() => bandsFromCsv(csv, csv.mapping, "decimal", DEFAULT_CONDITIONS, "x.csv", [])).toThrow(CsvError);
    expect(() => parseRoyaltyCsv("\n\n")).toThrow(/empty/);
    expect(() => parseRoyaltyCsv("royalty\n")).toThrow(/no rows under it/);
  });

  test("new keys skip those already in the table", () => {
    const csv = parseRoyaltyCsv("royalty\n3%\n");
    const { rows } = bandsFromCsv(csv, csv.mapping, "decimal", DEFAULT_CONDITIONS, "db.csv", ["db_db_1"]);
    expect(rows[0].key).toBe("db_db_2");
  });
});
