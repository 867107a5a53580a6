/** The table layout shared by the pane, the workbook and the custom functions. */
import { ASSUMPTIONS, offerRows, parseAssumptionsTable, RawValue, readAssumptionsTable, readTerms } from "../../src/engine";
import { exampleSet } from "../../src/taskpane/model/examples";
import {
  blankSet,
  emptyDecisions,
  OfferTerm,
  offerTermMap,
  setDecision,
  setDecisionInternal,
  setIncludeInternal,
  setBandFilter,
  setBandSpread,
  setNotes,
  setOfferTerm,
  setValue,
} from "../../src/model/scenario-set";
import {
  assumptionsTableValues,
  decisionsTableValues,
  offerTableValues,
  readDecisions,
  readOffer,
  readScenarios,
  UNIT_LABELS,
} from "../../src/model/table-layout";
import { refusal } from "./helpers";

describe("the assumptions table", () => {
  const set = exampleSet("medical-device", "ja");
  const marked = { ...set, scenarios: set.scenarios.map((s, i) => ({ ...s, internal: i === 2 })) };
  const table = assumptionsTableValues(marked, "ja");

  const BASE = ASSUMPTIONS.filter((s) => s.group !== "deal").map((s) => s.key);

  test("has key | label | unit | one column per scenario, a row per assumption (no deal term unused) and the internal row", () => {
    expect(table[0]).toEqual(["key", "label", "unit", "低位", "基準", "高位"]);
    expect(table.slice(1).map((r) => r[0])).toEqual([...BASE, "internal"]);
    expect(table[1][1]).toBe("市場規模（初年度）");
    expect(table[table.length - 1].slice(3)).toEqual([false, false, true]);
    expect(assumptionsTableValues(marked, "en")[1][1]).toBe("Market size (year 1)");
  });

  test("a deal term has its row, in the engine's order, once any scenario gives it; a flag is a TRUE/FALSE cell and reads back as one", () => {
    let withTerms = setValue(marked, 2, "milestone_2_amount", "5000000");
    withTerms = setValue(withTerms, 2, "milestone_2_year", "3");
    withTerms = setValue(withTerms, 0, "annual_fee_creditable", "TRUE");
    withTerms = setValue(withTerms, 1, "annual_fee_until_sales", "FALSE");
    const t = assumptionsTableValues(withTerms, "en");
    expect(t.slice(1).map((r) => r[0])).toEqual([
      ...BASE,
      "annual_fee_until_sales",
      "annual_fee_creditable",
      "milestone_2_year",
      "milestone_2_amount",
      "internal",
    ]);
    const row = (k: string) => t.find((r) => r[0] === k)!;
    expect(row("annual_fee_creditable").slice(1)).toEqual(["Annual fee creditable against royalties", "TRUE / FALSE", true, "", ""]);
    expect(row("annual_fee_until_sales").slice(3)).toEqual(["", false, ""]);
    expect(row("milestone_2_amount").slice(3)).toEqual(["", "", 5000000]);
    expect(readScenarios(t)).toEqual(withTerms.scenarios);
    const parsed = parseAssumptionsTable(t as RawValue[][]);
    expect(parsed.map((s) => s.assumptions.annual_fee_creditable)).toEqual([true, false, false]);
    expect(parsed[2].assumptions.milestone_2_amount).toBe(5000000);
  });

  test("a blank value is an empty cell", () => {
    const row = assumptionsTableValues(blankSet("en"), "en").find((r) => r[0] === "upfront")!;
    expect(row.slice(3)).toEqual(["", "", ""]);
  });

  test("reads back to the same scenarios, internal marks included", () => {
    expect(readScenarios(table)).toEqual(marked.scenarios);
  });

  test("is what the custom functions read: same scenarios, same internal marks", () => {
    const parsed = parseAssumptionsTable(table as RawValue[][]);
    expect(parsed.map((s) => [s.name, s.internal])).toEqual([
      ["低位", false],
      ["基準", false],
      ["高位", true],
    ]);
    expect(parsed[1].assumptions.royalty_rate).toBe(set.scenarios[1].values.royalty_rate);
  });

  test("reads with blank rows, columns in another order and a note column", () => {
    const cols = [4, 0, 6, 3, 1, 5, 2]; // Base | key | note | Low | label | High | unit
    const edited: RawValue[][] = table.map((row, r) => cols.map((c) => (c === 6 ? (r === 0 ? "note" : "") : row[c])));
    edited.splice(
      2,
      0,
      edited[0].map(() => "")
    );
    edited.push(edited[0].map(() => null));
    expect(readScenarios(edited)).toEqual([marked.scenarios[1], marked.scenarios[0], marked.scenarios[2]]);
  });

  test("keeps text as typed and turns TRUE/FALSE in a value cell into text, for the pane to flag", () => {
    const t: RawValue[][] = [
      ["key", "A"],
      ["years", "ten"],
      ["market_size", true],
      ["peak_share", 0.1],
      ["royalty_rate", 0.03],
      ["operating_margin", 0.2],
      ["discount_rate", 0.1],
    ];
    expect(readScenarios(t)[0].values).toMatchObject({ years: "ten", market_size: "TRUE", peak_share: 0.1 });
  });

  test("a flag's row keeps TRUE/FALSE cells as booleans, and other text (yes, 1) as typed", () => {
    const t: RawValue[][] = [...table, ["annual_fee_creditable", "", "", true, "yes", 1]];
    expect(readScenarios(t).map((s) => s.values.annual_fee_creditable)).toEqual([true, "yes", 1]);
  });

  test.each([
    [
      "a scenario named twice (ignoring case)",
      (t: RawValue[][]) => (t[0][5] = "基準"),
      /scenario '基準' appears twice/,
      /この表：シナリオ「基準」が1行目に2回あります/,
    ],
    ["an unknown key", (t: RawValue[][]) => (t[3][0] = "share"), /unknown assumption key 'share' in row 4/, /4行目の前提のキー「share」は使えません/],
    [
      "a required key missing",
      (t: RawValue[][]) => t.splice(1, 1),
      /missing the required key market_size/,
      /必須のキー 市場規模（初年度） \(market_size\) がありません/,
    ],
    [
      "a key twice",
      (t: RawValue[][]) => (t[4][0] = "market_growth"),
      /key 'market_growth' appears twice \(rows 3 and 5\)/,
      /キー「market_growth」が2回あります（3行目と5行目）/,
    ],
    ["values without a key", (t: RawValue[][]) => (t[2][0] = ""), /row 3 has values but no assumption key/, /3行目に値がありますが、前提のキーがありません/],
    [
      "values without a scenario name",
      (t: RawValue[][]) => (t[0][4] = ""),
      /column 5 has values but no scenario name/,
      /5列目に値がありますが、1行目にシナリオ名がありません/,
    ],
  ])("a table with %s is refused, saying what to fix, in both languages", (_what, breakIt, message, japanese) => {
    const t = table.map((r) => [...r]) as RawValue[][];
    breakIt(t);
    const e = refusal(() => readScenarios(t));
    expect(e.reason.en).toMatch(message);
    expect(e.reason.ja).toMatch(/^前提条件表を読めません：/);
    expect(e.reason.ja).toMatch(japanese);
  });
});

describe("the decisions table", () => {
  test("round-trips every decision and mark", () => {
    let set = blankSet("ja");
    set = setDecision(set, "offer", "250,000,000");
    set = setDecision(set, "floor", "120000000");
    set = setDecisionInternal(set, "floor", false);
    set = setNotes(set, "上限は次回決定");
    set = setIncludeInternal(set, false);
    const values = decisionsTableValues(set.decisions, "ja");
    expect(values[0]).toEqual(["item", "value", "internal", "label"]);
    expect(values.map((r) => r[0])).toEqual(["item", "offer", "floor", "ceiling", "notes", "band_filter", "include_internal"]);
    expect(values[1][3]).toBe("提示価格");
    expect(readDecisions(values)).toEqual(set.decisions);
  });

  test("new decisions are stored internal; the reference-band filter (published facts) is shared", () => {
    expect(
      decisionsTableValues(emptyDecisions(), "en")
        .slice(1)
        .map((r) => [r[0], r[2]])
    ).toEqual([
      ["offer", true],
      ["floor", true],
      ["ceiling", true],
      ["notes", true],
      ["band_filter", false],
      ["include_internal", true],
    ]);
  });

  test("an old workbook without the include_internal row counts internal scenarios; a plain no leaves them out", () => {
    const old = [
      ["item", "value", "internal"],
      ["offer", 5, true],
    ];
    expect(readDecisions(old).includeInternal).toEqual({ value: true, internal: true });
    for (const [cell, value] of [
      [false, false],
      ["FALSE", false],
      ["no", false],
      ["いいえ", false],
      [true, true],
      ["", true],
      [null, true],
    ] as [RawValue, boolean][])
      expect(readDecisions([...old, ["include_internal", cell, true]]).includeInternal.value).toBe(value);
  });

  test("the band bar's interquartile choice round-trips in a band_spread row; minmax writes no row", () => {
    const iqr = setBandSpread(setBandFilter(blankSet("en"), "patent"), "iqr");
    const values = decisionsTableValues(iqr.decisions, "ja");
    expect(values.map((r) => r[0])).toEqual(["item", "offer", "floor", "ceiling", "notes", "band_filter", "include_internal", "band_spread"]);
    expect(values[7].slice(0, 2)).toEqual(["band_spread", "iqr"]);
    expect(readDecisions(values).bands).toEqual({ filter: "patent", spread: "iqr", internal: false });
    expect(readDecisions(values)).toEqual(iqr.decisions);
    const back = setBandSpread(iqr, "minmax");
    expect(decisionsTableValues(back.decisions, "en").map((r) => r[0])).not.toContain("band_spread");
    // A band_spread row left at minmax (the committee chose iqr, then went back) reads as minmax.
    expect(readDecisions([...values.slice(0, 7), ["band_spread", "minmax", false]]).bands.spread).toBe("minmax");
  });

  test("an old workbook without the band_spread row reads as minmax; 四分位 and a blank cell are read, an unknown word refused", () => {
    const old = [
      ["item", "value", "internal"],
      ["band_filter", "patent", true],
    ];
    expect(readDecisions(old).bands).toEqual({ filter: "patent", spread: "minmax", internal: true });
    expect(readDecisions([...old, ["band_spread", "四分位", false]]).bands).toEqual({ filter: "patent", spread: "iqr", internal: true });
    expect(readDecisions([...old, ["band_spread", "", false]]).bands.spread).toBe("minmax");
    const e = refusal(() => readDecisions([...old, ["band_spread", "widest", false]]));
    expect(e.reason.en).toMatch(/band_spread in the decisions table must be minmax or iqr/);
    expect(e.reason.ja).toMatch(/band_spread は minmax/);
  });

  test.each([
    [false, false],
    ["FALSE", false],
    ["no", false],
    [0, false],
    ["共有", false],
    [true, true],
    ["", true],
    [null, true],
    ["maybe", true],
  ])("an internal cell holding %p reads as internal = %p (only a plain 'no' shares)", (cell, internal) => {
    const d = readDecisions([
      ["item", "value", "internal"],
      ["offer", 5, cell as RawValue],
    ]);
    expect(d.offer).toEqual({ value: 5, internal });
  });

  test("missing rows keep their default (internal), blank rows are skipped, columns may move", () => {
    const d = readDecisions([
      ["label", "internal", "value", "item"],
      ["", "", "", ""],
      ["Floor", false, 7, "FLOOR"],
    ]);
    expect(d).toEqual({ ...emptyDecisions(), floor: { value: 7, internal: false } });
  });

  test("text or a negative number in an amount cell is refused, naming the row, so a save cannot erase it", () => {
    const e = refusal(() =>
      readDecisions([
        ["item", "value", "internal"],
        ["offer", "a lot", true],
      ])
    );
    expect(e.reason.en).toMatch(/offer in the decisions table must be an amount of 0 or more or blank; it holds "a lot"/);
    expect(e.reason.ja).toMatch(/offer は0以上の金額か空欄/);
    expect(() =>
      readDecisions([
        ["item", "value", "internal"],
        ["floor", -1, true],
      ])
    ).toThrow(/floor/);
  });

  test("an unknown row is refused, naming it", () => {
    const e = refusal(() =>
      readDecisions([
        ["item", "value", "internal"],
        ["target", 5, true],
      ])
    );
    expect(e.reason.en).toMatch(/Unknown row "target"/);
    expect(e.reason.ja).toMatch(/不明な行「target」/);
  });

  test("a table without the item, value and internal columns is refused", () => {
    expect(refusal(() => readDecisions([["item", "amount", "internal"]])).reason.en).toMatch(/needs the columns item, value and internal/);
  });
});

describe("the offer's term sheet table", () => {
  const base = exampleSet("medical-device", "en");
  let withTerms = setOfferTerm(base, "royalty_rate", "3.5%");
  withTerms = setOfferTerm(withTerms, "upfront", "5,000,000");
  withTerms = setOfferTerm(withTerms, "annual_fee_creditable", "TRUE");
  withTerms = setOfferTerm(withTerms, "annual_minimum", ""); // listed, not fixed yet
  const terms: OfferTerm[] = withTerms.decisions.terms.map((t) => (t.key === "royalty_rate" ? { ...t, source: "METI 2010, table 3" } : t));

  test("is key | value | label | unit | source, one row per term in the sheet's order; decimals, amounts, flags, blanks; label and unit in the pane language", () => {
    const en = offerTableValues(terms, "en");
    expect(en).toEqual([
      ["key", "value", "label", "unit", "source"],
      ["royalty_rate", 0.035, "Royalty rate", UNIT_LABELS.share.en, "METI 2010, table 3"],
      ["upfront", 5000000, expect.any(String), UNIT_LABELS.currency.en, ""],
      ["annual_fee_creditable", true, expect.any(String), "TRUE / FALSE", ""],
      ["annual_minimum", "", expect.any(String), UNIT_LABELS.currency_per_year.en, ""],
    ]);
    const ja = offerTableValues({ ...emptyDecisions(), terms }, "ja");
    expect(ja[1].slice(2, 4)).toEqual(["ロイヤルティ料率", UNIT_LABELS.share.ja]);
    expect(ja.map((r) => r.slice(0, 2))).toEqual(en.map((r) => r.slice(0, 2)));
  });

  test("reads back to the same terms (blank rows skipped, keys normalized)", () => {
    const values = offerTableValues(terms, "ja");
    expect(readOffer(values)).toEqual(terms);
    const typed: RawValue[][] = [...values.slice(0, 2), ["", "", "", "", ""], ["  Upfront ", 5000000, "", "", null], ...values.slice(3)];
    expect(readOffer(typed)).toEqual(terms);
  });

  test("is what IPVALUE.OFFER reads as its terms: the engine's readTerms and offerRows value it as the set's own terms", () => {
    const cells = offerTableValues(terms, "en");
    const read = readTerms(cells);
    expect([...read]).toEqual([
      ["royalty_rate", 0.035],
      ["upfront", 5000000],
      ["annual_fee_creditable", true],
    ]);
    expect(read).toEqual(offerTermMap({ ...emptyDecisions(), terms }));
    const raws = readAssumptionsTable(assumptionsTableValues(base, "en"));
    const viaTable = offerRows(raws, read);
    const direct = offerRows(
      raws,
      new Map<string, RawValue>([
        ["royalty_rate", 0.035],
        ["upfront", 5000000],
        ["annual_fee_creditable", true],
      ])
    );
    expect(viaTable).toEqual(direct);
    expect(viaTable.map((r) => r.scenario)).toEqual(["Low", "Base", "High"]);
    // The terms change the value: the base scenario's own royalty rate is not 3.5%.
    expect(viaTable[1].values[0]).not.toEqual(offerRows(raws, new Map())[1].values[0]);
  });

  test("refuses a key that is not an offer term, a key twice, a value the engine refuses, a value without a key; in en and ja, with the row", () => {
    const header = ["key", "value", "label", "unit", "source"];
    const market = refusal(() => readOffer([header, ["royalty_rate", 0.03], ["market_size", 1e9]]));
    expect(market.reason.en).toMatch(/Row 3 of the offer table: "market_size" is not a term an offer can fix/);
    expect(market.reason.ja).toMatch(/提示条件の表の3行目：「market_size」は提示条件にできません/);
    const twice = refusal(() => readOffer([header, ["royalty_rate", 0.03], ["Royalty Rate", 0.04]]));
    expect(twice.reason.en).toMatch(/lists royalty_rate twice \(rows 2 and 3\)/);
    expect(twice.reason.ja).toMatch(/royalty_rate が2回/);
    const rate = refusal(() => readOffer([header, ["royalty_rate", 1.5]]));
    expect(rate.reason.en).toMatch(/Row 2 of the offer table \(royalty_rate\): Royalty rate must be .*; it holds 1.5/);
    expect(rate.reason.ja).toMatch(/提示条件の表の2行目（royalty_rate）/);
    expect(refusal(() => readOffer([header, ["upfront", "five million"]])).reason.en).toMatch(/it holds "five million"/);
    expect(refusal(() => readOffer([header, ["annual_fee_creditable", "maybe"]])).reason.en).toMatch(/TRUE or FALSE/);
    expect(refusal(() => readOffer([header, ["", 0.03]])).reason.en).toMatch(/Row 2 of the offer table has a value but no key/);
    expect(
      refusal(() =>
        readOffer([
          ["value", "key"],
          [0.03, "royalty_rate"],
        ])
      ).reason.en
    ).toMatch(/key and value as its first two columns/);
  });

  test("an empty table (one blank row under the header) is no terms", () => {
    expect(
      readOffer([
        ["key", "value", "label", "unit", "source"],
        ["", "", "", "", ""],
      ])
    ).toEqual([]);
  });
});
