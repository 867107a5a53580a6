/**
 * BANDSTATS' engine: the statistics of the royalty-rate bands worked by hand (quartiles as
 * PERCENTILE.INC: rank (n − 1)·p in the sorted values), the measure chosen, user bands counted and
 * overriding, and the refusals. The LibreOffice cross-check is test/xcheck/band-statistics.test.ts.
 */
import {
  BUILT_IN_BANDS,
  bandStatistics,
  bandStatisticsTable,
  mergeBands,
  parseBandStatField,
  parseUserBands,
  statisticsOf,
  ValuationError,
} from "../../src/engine";

const HEADER = ["key", "low", "high", "unit"];
const user = (rows: (string | number)[][]) => mergeBands(parseUserBands([HEADER, ...rows]));
const near = (got: Record<string, number>, want: Record<string, number>) => {
  expect(Object.keys(got)).toEqual(Object.keys(want));
  for (const k of Object.keys(want)) expect([k, got[k]]).toEqual([k, expect.closeTo(want[k], 12)]);
};

describe("band statistics, worked by hand", () => {
  test("the 12 built-in royalty-rate bands (single published rates: low = high = midpoint)", () => {
    // Sorted: 0.0075 0.01 0.018 0.02 0.02 0.025 0.037 0.041 0.043 0.05 0.053 0.06 (n = 12).
    // q1: rank 11·0.25 = 2.75 → 0.018 + 0.75·(0.02 − 0.018) = 0.0195; median: rank 5.5 → (0.025 + 0.037)/2 = 0.031;
    // q3: rank 8.25 → 0.043 + 0.25·(0.05 − 0.043) = 0.04475; mean 0.3845 / 12.
    near(bandStatistics(mergeBands()), { count: 12, min: 0.0075, q1: 0.0195, median: 0.031, q3: 0.04475, max: 0.06, mean: 0.3845 / 12 });
    expect(BUILT_IN_BANDS.filter((b) => b.unit === "share_of_net_sales")).toHaveLength(12);
  });

  test("a filter: the six startup royalties of the seed report's case 7", () => {
    // Sorted: 0.0075 0.01 0.02 0.02 0.025 0.05; q1 rank 1.25 → 0.0125; median rank 2.5 → 0.02; q3 rank 3.75 → 0.02375.
    near(bandStatistics(mergeBands(), "startup"), { count: 6, min: 0.0075, q1: 0.0125, median: 0.02, q3: 0.02375, max: 0.05, mean: 0.1325 / 6 });
  });

  test("user bands with widths: midpoints, lows and highs give different statistics", () => {
    const rows = user([
      ["ours_a", 0.01, 0.03, "share_of_net_sales"],
      ["ours_b", 0.04, 0.08, "share_of_net_sales"],
      ["ours_fee", 1000000, 2000000, "amount"], // not a royalty rate: not counted
    ]);
    // Midpoints 0.02 and 0.06: q1 rank 0.25 → 0.03, median 0.04, q3 0.05.
    near(bandStatistics(rows, "user"), { count: 2, min: 0.02, q1: 0.03, median: 0.04, q3: 0.05, max: 0.06, mean: 0.04 });
    near(bandStatistics(rows, "user", "low"), { count: 2, min: 0.01, q1: 0.0175, median: 0.025, q3: 0.0325, max: 0.04, mean: 0.025 });
    near(bandStatistics(rows, "user", "high"), { count: 2, min: 0.03, q1: 0.0425, median: 0.055, q3: 0.0675, max: 0.08, mean: 0.055 });
    expect(bandStatisticsTable(rows, "user", "all")).toEqual([
      ["statistic", "low", "midpoint", "high"],
      ["count", 2, 2, 2],
      ["min", 0.01, 0.02, 0.03],
      ["q1", expect.closeTo(0.0175, 12), expect.closeTo(0.03, 12), expect.closeTo(0.0425, 12)],
      ["median", expect.closeTo(0.025, 12), expect.closeTo(0.04, 12), expect.closeTo(0.055, 12)],
      ["q3", expect.closeTo(0.0325, 12), expect.closeTo(0.05, 12), expect.closeTo(0.0675, 12)],
      ["max", 0.04, 0.06, 0.08],
      ["mean", expect.closeTo(0.025, 12), expect.closeTo(0.04, 12), expect.closeTo(0.055, 12)],
    ]);
  });

  test("a user band overriding a built-in one replaces it in the statistics; others add to them", () => {
    const rows = user([
      ["meti2010_patent_all", 0.1, 0.1, "share_of_net_sales"],
      ["ours", 0.001, 0.001, "share_of_net_sales"],
    ]);
    const s = bandStatistics(rows);
    expect(s.count).toBe(13);
    expect(s.max).toBe(0.1);
    expect(s.min).toBe(0.001);
    near({ mean: s.mean }, { mean: (0.3845 - 0.037 + 0.1 + 0.001) / 13 });
  });

  test("one band: every quartile is its value", () => {
    expect(bandStatisticsTable(mergeBands(), "autm2011")).toEqual([
      ["statistic", "midpoint"],
      ["count", 1],
      ["min", 0.018],
      ["q1", 0.018],
      ["median", 0.018],
      ["q3", 0.018],
      ["max", 0.018],
      ["mean", 0.018],
    ]);
  });

  test("the statistics do not depend on the order of the values", () => {
    expect(statisticsOf([5, 1, 4, 2, 3])).toEqual(statisticsOf([1, 2, 3, 4, 5]));
    expect(statisticsOf([5, 1, 4, 2, 3])).toEqual({ count: 5, min: 1, q1: 2, median: 3, q3: 4, max: 5, mean: 3 });
  });
});

describe("refusals", () => {
  const message = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(ValuationError);
      return { kind: (e as ValuationError).kind, en: (e as ValuationError).message, ja: (e as ValuationError).in("ja") };
    }
    throw new Error("no error");
  };

  test("no royalty-rate band matching is #N/A saying so, in both languages, and counting the royalty bands only", () => {
    const m = message(() => bandStatistics(mergeBands(), "sme"));
    expect(m.kind).toBe("notAvailable");
    expect(m.en).toBe(
      'No royalty-rate band matches "sme". =IPVALUE.BANDS("unit:share_of_net_sales") lists all 12; filter by a word, a condition (startup, approval, know_how …) or column:value.'
    );
    expect(m.ja).toMatch(/^「sme」に合うロイヤルティ料率の参考バンドはありません。.*全12件/);
  });

  test("a filter word that is not a column is still BANDS' own message", () => {
    expect(message(() => bandStatistics(mergeBands(), "colour:red")).en).toMatch(/^filter: /);
  });

  test("field: midpoint by default, Japanese names, anything else refused naming the choices", () => {
    expect(parseBandStatField(undefined)).toBe("midpoint");
    expect(parseBandStatField(" ")).toBe("midpoint");
    expect(parseBandStatField("LOW")).toBe("low");
    expect(parseBandStatField("上限")).toBe("high");
    expect(parseBandStatField("すべて")).toBe("all");
    expect(message(() => parseBandStatField("mean")).en).toBe('field must be one of midpoint, low, high, all; got "mean"');
  });
});
