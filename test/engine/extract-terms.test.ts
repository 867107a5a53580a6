/**
 * EXTRACTTERMS' engine worked by hand: each way agreements write a rate or an amount, ranges, the words
 * that say which term a figure is, numbers kept as unknown, and sentences of the seed report's case 7
 * (the express licence's terms, copied from ../shared/seeds/004_cdaa49437996e7ff.txt as printed there,
 * the \$ of its markdown included).
 */
import {
  EXCERPT_MAX,
  extractedTermsTable,
  extractTerms,
  ExtractedTerm,
  MAX_CELL_CHARS,
  parseJapaneseNumber,
  parseTextLanguage,
  ValuationError,
} from "../../src/engine";

/** kind, low, high, unit of each term found: what a reader checks first. */
const rows = (text: string | string[], language?: "ja" | "en") =>
  extractTerms(typeof text === "string" ? [text] : text, language).map((t) => [t.kind, t.low, t.high, t.unit]);
const one = (text: string): ExtractedTerm => {
  const found = extractTerms([text]);
  expect(found).toHaveLength(1);
  return found[0];
};

describe("Japanese numerals", () => {
  test.each([
    ["500", 500],
    ["5,000,000", 5000000],
    ["500万", 5000000],
    ["5百万", 5000000],
    ["1億2千万", 120000000],
    ["三千五百万", 35000000],
    ["百", 100],
    ["十五", 15],
    ["二〇二四", 2024],
    ["1.5億", 150000000],
    ["一億二千三百四十五万六千七百八十九", 123456789],
    ["1兆", 1e12],
  ])("%s is %d", (text, value) => {
    expect(parseJapaneseNumber(text)).toBe(value);
  });

  test.each(["", "万", "abc", "5 5", "一時"])("%s is no number", (text) => {
    expect(parseJapaneseNumber(text)).toBeUndefined();
  });
});

describe("rates", () => {
  test.each([
    ["実施料率は3％とする。", 0.03],
    ["実施料率は３パーセントとする。", 0.03],
    ["実施料は正味販売額の百分の三とする。", 0.03],
    ["実施料は正味販売高の100分の2.5とする。", 0.025],
    ["The running royalty is three percent (3%) of Net Sales.", 0.03],
    ["A running royalty of 2.5 per cent of net sales.", 0.025],
    ["ロイヤリティは１．２５％とする。", 0.0125],
    ["実施料率は三パーセントとする。", 0.03],
    ["ロイヤルティは売上の1割とする。", 0.1],
    ["The royalty shall be twenty-five percent of net sales.", 0.25],
  ])("%s → royalty_rate %d", (text, rate) => {
    const t = one(text);
    expect([t.kind, t.low, t.high, t.unit]).toEqual(["royalty_rate", rate, rate, "rate"]);
  });
});

describe("amounts", () => {
  test.each([
    ["契約一時金として金500万円を支払う。", "upfront", 5000000, "JPY"],
    ["一時金5百万円を支払う。", "upfront", 5000000, "JPY"],
    ["一時金は1億2千万円とする。", "upfront", 120000000, "JPY"],
    ["一時金は１，０００万円とする。", "upfront", 10000000, "JPY"],
    ["An upfront fee of USD 10,000 is payable on signing.", "upfront", 10000, "USD"],
    ["An upfront payment of $1.5 million.", "upfront", 1500000, "USD"],
    ["A milestone payment of US$250,000 on first approval.", "milestone", 250000, "USD"],
    ["最低実施料は年間100万円とする。", "annual_minimum", 1000000, "JPY"],
    ["The minimum annual royalty is EUR 20,000.", "annual_minimum", 20000, "EUR"],
    ["An annual maintenance fee of £5,000.", "annual_fee", 5000, "GBP"],
    ["マイルストーンとして1,000万円を支払う。", "milestone", 10000000, "JPY"],
    ["A milestone of 10 million yen on filing.", "milestone", 10000000, "JPY"],
    ["一時金￥3,000,000を支払う。", "upfront", 3000000, "JPY"],
  ])("%s → %s %d %s", (text, kind, value, unit) => {
    const t = one(text);
    expect([t.kind, t.low, t.high, t.unit]).toEqual([kind, value, value, unit]);
  });

  test("an amount repeated in brackets is one figure", () => {
    expect(rows("契約一時金は金五百万円（5,000,000円）とする。")).toEqual([["upfront", 5000000, 5000000, "JPY"]]);
  });
});

describe("ranges: one row, low and high", () => {
  test.each([
    ["実施料率は2～5％とする。", 0.02, 0.05, "rate"],
    ["実施料率は2〜5％とする。", 0.02, 0.05, "rate"],
    ["実施料率は2%から5%の範囲とする。", 0.02, 0.05, "rate"],
    ["A royalty between 2% and 5% of net sales.", 0.02, 0.05, "rate"],
    ["A royalty from 2 to 5 percent.", 0.02, 0.05, "rate"],
    ["一時金は2～5百万円とする。", 2000000, 5000000, "JPY"],
    ["An upfront fee of $1-2 million.", 1000000, 2000000, "USD"],
  ])("%s", (text, low, high, unit) => {
    const t = one(text);
    expect([t.low, t.high, t.unit]).toEqual([low, high, unit]);
    expect(t.kind).not.toBe("unknown");
  });
});

describe("which term a figure belongs to", () => {
  test("a mixed English sentence: each figure takes the nearest term word before it", () => {
    expect(rows("The licensee pays an upfront fee of USD 10,000, a running royalty of 3% and 20% of sublicense income.")).toEqual([
      ["upfront", 10000, 10000, "USD"],
      ["royalty_rate", 0.03, 0.03, "rate"],
      ["sublicense_share", 0.2, 0.2, "rate"],
    ]);
  });

  test("a mixed Japanese sentence: 最低実施料 is not 実施料, and a word after the figure counts when none is before", () => {
    expect(rows("契約一時金500万円及び実施料3％を支払い、最低実施料は年間100万円とし、5百万円をマイルストーンとして支払う。")).toEqual([
      ["upfront", 5000000, 5000000, "JPY"],
      ["royalty_rate", 0.03, 0.03, "rate"],
      ["annual_minimum", 1000000, 1000000, "JPY"],
      ["milestone", 5000000, 5000000, "JPY"],
    ]);
  });

  test("a word that fits the figure's unit is taken over a nearer one that does not (株式 is a share, not an amount)", () => {
    expect(rows("株式の取得に関し一時金200万円を支払う。")).toEqual([["upfront", 2000000, 2000000, "JPY"]]);
    expect(rows("新株予約権として発行済株式の5%を付与する。")).toEqual([["equity_share", 0.05, 0.05, "rate"]]);
  });

  test("a figure after the term's word and its list-mates take it (5%、2.5%)", () => {
    expect(rows("ロイヤリティは5%（特許あり）、2.5%（ノウハウのみ）とする。")).toEqual([
      ["royalty_rate", 0.05, 0.05, "rate"],
      ["royalty_rate", 0.025, 0.025, "rate"],
    ]);
  });

  test("a word only applies in its sentence", () => {
    expect(rows("実施料は別途定める。監査で5%以上の不足が見つかった場合は費用を負担する。")).toEqual([["unknown", 0.05, 0.05, "rate"]]);
  });

  test("language en ignores Japanese term words, ja ignores English ones; numbers are read in both", () => {
    expect(rows("実施料 3%", "en")).toEqual([["unknown", 0.03, 0.03, "rate"]]);
    expect(rows("royalty 3%", "ja")).toEqual([["unknown", 0.03, 0.03, "rate"]]);
    expect(rows("royalty 3%、実施料 4%")).toEqual([
      ["royalty_rate", 0.03, 0.03, "rate"],
      ["royalty_rate", 0.04, 0.04, "rate"],
    ]);
  });
});

describe("numbers that are no term are kept or left", () => {
  test("numbers without a unit (dates, article numbers, counts, several million) are no candidate term", () => {
    expect(rows("第5条（実施料）2024年4月1日から3年間、年2回報告する。")).toEqual([]);
    expect(rows("数百万円規模の一時金")).toEqual([]);
  });

  test("a number too large to read is listed with blank low and high", () => {
    const t = extractTerms([`実施料${"9".repeat(400)}%`]);
    expect(t.map((x) => [x.kind, x.low, x.high, x.unit])).toEqual([["royalty_rate", null, null, "rate"]]);
    expect(extractedTermsTable(t)[1].slice(1, 3)).toEqual(["", ""]);
  });
});

describe("sentences with two figures", () => {
  test.each([
    [
      "two figures joined by 'and' without 'between' are two figures",
      "A royalty of 2% and a sublicense share of 5%.",
      ["royalty_rate", 0.02],
      ["sublicense_share", 0.05],
    ],
    [
      "a rate or an amount without a term word is listed as unknown, never dropped",
      "販売価格は1台あたり30万円であり、市場の成長率は年7%と見込まれる。",
      ["unknown", 300000, "JPY"],
      ["unknown", 0.07],
    ],
  ])("%s", (_name, text, first, second) => {
    const expected = [first, second].map(([kind, value, unit]) => [kind, value, value, unit ?? "rate"]);
    expect(rows(text as string)).toEqual(expected);
  });
});

describe("the seed report's case 7 (express licence terms)", () => {
  test("model A: the success fee as a share of the exit value, the royalties by right, the sublicense share of non-royalty payments", () => {
    expect(rows("\t成功報酬 (Success Fee)\t会社のExit価値の1.25%")).toEqual([["success_fee", 0.0125, 0.0125, "rate"]]);
    expect(rows('\tロイヤリティ (Royalties)\t<ul style="list-style-type: none"> 特許および/または著作権 = 2% 技術情報 = 0.75%')).toEqual([
      ["royalty_rate", 0.02, 0.02, "rate"],
      ["royalty_rate", 0.0075, 0.0075, "rate"],
    ]);
    // 非ロイヤリティ is no royalty: the 15% is the sublicense's.
    expect(rows("\tサブライセンス (Sublicensing)\t非ロイヤリティ支払いの15%。サブライセンスは最初の2年間、大学の承認が必要。")).toEqual([
      ["sublicense_share", 0.15, 0.15, "rate"],
    ]);
  });

  test("model B: the license fee, the equity, the annual fee and the minimum royalty", () => {
    expect(rows("対価\tライセンス料 (License Fee)\t\\$5,000 返金不可、ロイヤリティとの相殺不可。契約発効日から10日以内に支払い。")).toEqual([
      ["upfront", 5000, 5000, "USD"],
    ]);
    // The financing threshold is an amount under 株式 (a share): unknown, not an equity share.
    expect(rows("\t株式 (Equity)\t100万ドル以上の資金調達時に、完全希釈化後株式の5.0%を大学へ付与。")).toEqual([
      ["unknown", 1000000, 1000000, "USD"],
      ["equity_share", 0.05, 0.05, "rate"],
    ]);
    expect(
      rows(
        "\t年間維持費 (Annual Maintenance Fee /Minimum Royalties)\t年間維持費：年間\\$5,000 初回の純売上発生まで毎年支払い (返金・相殺不可)。 最低ロイヤリティ：年間\\$10,000 初回の純売上発生以降、毎年適用。"
      )
    ).toEqual([
      ["annual_fee", 5000, 5000, "USD"],
      ["annual_minimum", 10000, 10000, "USD"],
    ]);
  });

  test("the audit clause's 5% is no term: unknown", () => {
    expect(rows("監査権\t大学は監査権を持つ。監査費用は大学負担だが、5%以上の過少申告が見つかった場合はライセンシーが全額負担。")).toEqual([
      ["unknown", 0.05, 0.05, "rate"],
    ]);
  });
});

describe("excerpts", () => {
  test("the sentence as typed (full-width digits kept), whitespace runs as one space", () => {
    expect(one("前文。\n実施料率は　３％\tとする。次文。").excerpt).toBe("実施料率は ３％ とする。");
  });

  test("a long sentence is cut around its figure", () => {
    const text = `${"あ".repeat(300)}実施料率は3%とする${"い".repeat(300)}`;
    const t = one(text);
    expect(t.excerpt.length).toBeLessThanOrEqual(EXCERPT_MAX + 2);
    expect(t.excerpt).toContain("実施料率は3%とする");
    expect(t.excerpt.startsWith("…")).toBe(true);
    expect(t.excerpt.endsWith("…")).toBe(true);
  });

  test("cells are read in order, each its own paragraph", () => {
    expect(extractTerms(["実施料", "3%"]).map((t) => t.kind)).toEqual(["unknown"]);
    expect(extractTerms(["一時金100万円", "実施料2%"]).map((t) => [t.kind, t.excerpt])).toEqual([
      ["upfront", "一時金100万円"],
      ["royalty_rate", "実施料2%"],
    ]);
  });
});

describe("limits and the language argument", () => {
  test("a text longer than a cell, or more than 32 cells' worth, is refused by name", () => {
    expect(() => extractTerms(["x".repeat(MAX_CELL_CHARS + 1)])).toThrow(/item 1 has 32,768 characters; a cell holds at most 32,767/);
    expect(() => extractTerms(Array.from({ length: 40 }, () => "x".repeat(MAX_CELL_CHARS)))).toThrow(ValuationError);
    expect(extractTerms(["k".repeat(MAX_CELL_CHARS)])).toEqual([]);
  });

  test("language is ja, en or omitted", () => {
    expect(parseTextLanguage(undefined)).toBeUndefined();
    expect(parseTextLanguage(" JA ")).toBe("ja");
    expect(parseTextLanguage("en")).toBe("en");
    expect(() => parseTextLanguage("fr")).toThrow('language must be "ja", "en" or omitted (both); got "fr"');
  });

  test("the table: a header, then one row per term", () => {
    expect(extractedTermsTable(extractTerms(["実施料3%"]))).toEqual([
      ["kind", "low", "high", "unit", "excerpt"],
      ["royalty_rate", 0.03, 0.03, "rate", "実施料3%"],
    ]);
  });
});
