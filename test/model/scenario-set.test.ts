/** The scenario set (src/model): scenario operations, name rules, reading what the user types, decisions. */
import {
  addScenario,
  blankSet,
  readSources,
  setSource,
  sourceColumn,
  checkName,
  clearMilestone,
  deleteScenario,
  duplicateScenario,
  emptyDecisions,
  formatEntry,
  milestonesInUse,
  moveScenario,
  EditError,
  readEntry,
  readNumber,
  renameScenario,
  setBandFilter,
  SCHEMA_VERSION,
  ScenarioSet,
  setDecision,
  setDecisionInternal,
  setInternal,
  setNotes,
  setOfferTerm,
  setOfferTerms,
  offerFromPreset,
  removeOfferTerm,
  offerTermMap,
  OFFER_TERM_KEYS,
  setValue,
  usesDealTerms,
} from "../../src/model/scenario-set";
import { exampleSet } from "../../src/taskpane/model/examples";
import { refusal } from "./helpers";

const names = (set: ScenarioSet) => set.scenarios.map((s) => s.name);

describe("a new set", () => {
  test("has Low, Base and High in English and 低位, 基準, 高位 in Japanese, empty, at the current layout version", () => {
    expect(names(blankSet("en"))).toEqual(["Low", "Base", "High"]);
    expect(names(blankSet("ja"))).toEqual(["低位", "基準", "高位"]);
    const set = blankSet("en");
    expect(set.schema).toBe(SCHEMA_VERSION);
    expect(set.scenarios.every((s) => !s.internal && Object.keys(s.values).length === 0)).toBe(true);
  });

  test("keeps the committee's decisions internal until the user shares them", () => {
    expect(blankSet("en").decisions).toEqual({
      terms: [],
      offer: { value: null, internal: true },
      floor: { value: null, internal: true },
      ceiling: { value: null, internal: true },
      notes: { text: "", internal: true },
      bands: { filter: "", spread: "minmax", internal: false },
      includeInternal: { value: true, internal: true },
    });
    expect(emptyDecisions()).toEqual(blankSet("ja").decisions);
  });
});

describe("scenario operations", () => {
  const base = exampleSet("medical-device", "en");

  test("add appends a copy of the Base scenario under the trimmed name, and leaves the original set as it was", () => {
    const before = JSON.stringify(base);
    const next = addScenario(base, "  Stress  ");
    expect(names(next)).toEqual(["Low", "Base", "High", "Stress"]);
    expect(next.scenarios[3]).toEqual({ ...base.scenarios[1], name: "Stress" });
    expect(next.scenarios[3].values).not.toBe(base.scenarios[1].values); // a copy, not shared
    expect(JSON.stringify(base)).toBe(before);
  });

  test("add copies the scenario asked for (the selected one); without Base (基準) the first; an internal source stays internal", () => {
    expect(addScenario(base, "From high", 2).scenarios[3]).toEqual({ ...base.scenarios[2], name: "From high" });
    const ja = exampleSet("medical-device", "ja");
    expect(addScenario(ja, "新規").scenarios[3].values).toEqual(ja.scenarios[1].values); // 基準
    const noBase = renameScenario(base, 1, "Central");
    expect(addScenario(noBase, "New").scenarios[3].values).toEqual(base.scenarios[0].values);
    const internal = setInternal(base, 1, true);
    expect(addScenario(internal, "Stress").scenarios[3].internal).toBe(true);
  });

  test("rename changes only the name; renaming to the same name in other case is allowed", () => {
    const next = renameScenario(base, 1, "Central");
    expect(names(next)).toEqual(["Low", "Central", "High"]);
    expect(next.scenarios[1].values).toEqual(base.scenarios[1].values);
    expect(names(renameScenario(base, 1, "BASE"))).toEqual(["Low", "BASE", "High"]);
  });

  test("duplicate puts a copy after the original, named (copy), then (copy 2); in Japanese （コピー）", () => {
    const once = duplicateScenario(base, 0, "en");
    expect(names(once)).toEqual(["Low", "Low (copy)", "Base", "High"]);
    expect(once.scenarios[1].values).toEqual(base.scenarios[0].values);
    expect(once.scenarios[1].values).not.toBe(base.scenarios[0].values);
    expect(names(duplicateScenario(once, 0, "en"))).toEqual(["Low", "Low (copy 2)", "Low (copy)", "Base", "High"]);
    const ja = exampleSet("software", "ja");
    const twice = duplicateScenario(duplicateScenario(ja, 1, "ja"), 1, "ja");
    expect(names(twice)).toEqual(["低位", "基準", "基準（コピー2）", "基準（コピー）", "高位"]);
  });

  test("duplicating a 60-character name shortens it so the copy's name still fits", () => {
    const long = "長".repeat(60);
    const set = renameScenario(base, 0, long);
    const copy = duplicateScenario(set, 0, "ja").scenarios[1].name;
    expect(copy.length).toBeLessThanOrEqual(60);
    expect(copy.endsWith("（コピー）")).toBe(true);
    expect(duplicateScenario(duplicateScenario(set, 0, "en"), 0, "en").scenarios[1].name).toMatch(/ \(copy 2\)$/);
  });

  test("a band filter is kept when some royalty band matches it, and refused with a bilingual reason otherwise", () => {
    expect(setBandFilter(base, " patent  approval ").decisions.bands.filter).toBe("patent  approval");
    const e = refusal(() => setBandFilter(base, "zzz_nothing"));
    expect(e.reason.en).toMatch(/No royalty-rate band matches "zzz_nothing"/);
    expect(e.reason.ja).toMatch(/「zzz_nothing」に合うロイヤルティ料率のバンドがありません/);
  });

  test("duplicate copies the yearly plan rows too, as a list of its own", () => {
    const planned: ScenarioSet = {
      ...base,
      scenarios: [{ ...base.scenarios[0], series: { sales: [100, undefined, 300], investment: [5] } }, ...base.scenarios.slice(1)],
    };
    const copy = duplicateScenario(planned, 0, "en").scenarios[1];
    expect(copy.series).toEqual({ sales: [100, undefined, 300], investment: [5] });
    expect(copy.series!.sales).not.toBe(planned.scenarios[0].series!.sales);
    expect(duplicateScenario(base, 0, "en").scenarios[1].series).toBeUndefined();
  });

  test("duplicate keeps the internal mark", () => {
    const marked = setInternal(base, 2, true);
    expect(duplicateScenario(marked, 2, "en").scenarios[3]).toMatchObject({ name: "High (copy)", internal: true });
  });

  test("delete removes the scenario; the last one cannot be deleted", () => {
    expect(names(deleteScenario(base, 1))).toEqual(["Low", "High"]);
    const one = deleteScenario(deleteScenario(base, 0), 0);
    const e = refusal(() => deleteScenario(one, 0));
    expect(e.reason.en).toMatch(/last scenario cannot be deleted/);
    expect(e.reason.ja).toMatch(/最後のシナリオは削除できません/);
  });

  test("an index that no longer exists is refused, not ignored", () => {
    expect(refusal(() => deleteScenario(base, 5)).reason.en).toMatch(/no longer exists/);
    expect(refusal(() => renameScenario(base, -1, "X")).reason.ja).toMatch(/もうありません/);
  });

  test("move puts a scenario at the new place, clamped to the ends", () => {
    expect(names(moveScenario(base, 0, 2))).toEqual(["Base", "High", "Low"]);
    expect(names(moveScenario(base, 2, 0))).toEqual(["High", "Low", "Base"]);
    expect(names(moveScenario(base, 0, 99))).toEqual(["Base", "High", "Low"]);
    expect(names(moveScenario(base, 2, -4))).toEqual(["High", "Low", "Base"]);
  });

  test("setInternal marks one scenario and no other", () => {
    const next = setInternal(base, 1, true);
    expect(next.scenarios.map((s) => s.internal)).toEqual([false, true, false]);
    expect(setInternal(next, 1, false).scenarios[1].internal).toBe(false);
  });
});

describe("scenario names", () => {
  const set = blankSet("en");

  test.each(["", "   "])("a blank name (%j) is refused", (name) => {
    const e = refusal(() => addScenario(set, name));
    expect(e.reason.en).toBe("A scenario needs a name.");
    expect(e.reason.ja).toBe("シナリオ名を入力してください。");
  });

  test.each(["base", "BASE", " High "])("%j duplicates an existing name ignoring case and is refused", (name) => {
    expect(refusal(() => addScenario(set, name)).reason.en).toMatch(/already a scenario called/);
  });

  test.each(["key", "Internal", "label", "UNIT", "note", "notes", "assumptions"])("the table's own word %j is refused", (name) => {
    const e = refusal(() => addScenario(set, name));
    expect(e.reason.en).toMatch(/is a column name of the table/);
    expect(e.reason.ja).toMatch(/表の列名に使われています/);
  });

  test("a name of more than 60 characters is refused; 60 is allowed", () => {
    expect(refusal(() => addScenario(set, "x".repeat(61))).reason.en).toMatch(/at most 60 characters/);
    expect(checkName(set, "x".repeat(60))).toHaveLength(60);
  });

  test("Japanese names are fine", () => {
    expect(checkName(set, " シナリオ001 楽観 ")).toBe("シナリオ001 楽観");
  });
});

describe("reading what the user types", () => {
  test.each([
    ["1234", 1234],
    ["1,234,567", 1234567],
    ["１２３４", 1234],
    ["１，２３４", 1234],
    ["5%", 5],
    ["５％", 5],
    ["−5", -5],
    [" 2.5 ", 2.5],
    ["1e3", 1000],
    [".5", 0.5],
  ])("readNumber(%j) is %p", (input, expected) => {
    expect(readNumber(input)).toBe(expected);
  });

  test("a blank entry is undefined and text is NaN", () => {
    expect(readNumber("")).toBeUndefined();
    expect(readNumber("  ")).toBeUndefined();
    expect(readNumber("abc")).toBeNaN();
    expect(readNumber("5%%")).toBeNaN();
  });

  test.each([
    ["royalty_rate", "5", 0.05],
    ["royalty_rate", "5%", 0.05],
    ["royalty_rate", "５％", 0.05],
    ["peak_share", "12.5", 0.125],
    ["market_growth", "-3", -0.03],
    ["market_growth", "-99", -0.99],
    ["market_size", "30,000,000,000", 30e9],
    ["market_size", "３０００", 3000],
    ["years", "12", 12],
    ["years_to_peak", "2.5", 2.5],
    ["timing", "mid", "mid"],
    ["timing", "期央", "mid"],
    ["timing", " END ", "end"],
  ])("readEntry(%s, %j) is %p (rates and shares are typed as percentages)", (key, input, expected) => {
    const v = readEntry(key as never, input);
    if (typeof expected === "number") expect(v as number).toBeCloseTo(expected, 12);
    else expect(v).toBe(expected);
  });

  test.each([
    ["market_size", "350億", 350e8],
    ["market_size", "1.2億円", 1.2e8],
    ["market_size", "¥3,000万", 3e7],
    ["market_size", "￥３，０００万", 3e7],
    ["upfront", "金500万円", 5e6],
    ["upfront", "1億2千万", 1.2e8],
    ["upfront", "5百万円", 5e6],
    ["annual_minimum", "三千万", 3e7],
    ["annual_minimum", "¥1,000,000", 1e6],
    ["upfront", "2億", 2e8],
  ])("an amount as people write it in Japanese: readEntry(%s, %j) is %p", (key, input, expected) => {
    expect(readEntry(key as never, input) as number).toBeCloseTo(expected, 6);
  });

  test("億 and 万 are amounts only: a rate or a year count written so is refused, and so is a bare unit", () => {
    expect(() => readEntry("royalty_rate", "3万")).toThrow(EditError);
    expect(() => readEntry("years", "1万")).toThrow(EditError);
    expect(() => readEntry("market_size", "億")).toThrow(EditError);
    expect(() => readEntry("market_size", "円")).toThrow(EditError);
    expect(() => readEntry("market_size", "3億ドル")).toThrow(EditError);
  });

  test("a blank entry is undefined for every kind of assumption", () => {
    expect(readEntry("royalty_rate", "")).toBeUndefined();
    expect(readEntry("timing", " ")).toBeUndefined();
  });

  test.each([
    ["peak_share", "150", "Peak market share", "ピーク時シェア", "from 0% to 100%"],
    ["royalty_rate", "-1", "Royalty rate", "ロイヤルティ料率", "from 0% to 100%"],
    ["years_to_peak", "-1", "Years to peak share", "ピークまでの年数", "0 to 200 years"],
    ["years", "-3", "Years modelled", "評価期間（年）", "a whole number from 1 to 200"],
    ["launch_year", "2.5", "Launch year", "発売年", "a whole number from 1 to 200"],
    ["market_growth", "-100", "Market growth per year", "市場成長率（年）", "above -100%"],
    ["discount_rate", "-150", "Licensor discount rate", "ライセンサー割引率", "above -100%"],
    ["market_size", "-1", "Market size (year 1)", "市場規模（初年度）", "an amount of 0 or more"],
    ["success_probability", "0", "Probability of success", "成功確率", "above 0%"],
    ["operating_margin", "120", "Licensee operating margin", "ライセンシー営業利益率", "at most 100%"],
    ["market_size", "lots", "Market size (year 1)", "市場規模（初年度）", "an amount of 0 or more"],
    ["timing", "sideways", "Cash-flow timing", "キャッシュフローの時点", "end, mid or begin"],
  ])("readEntry(%s, %j) is refused with a reason naming the assumption in both languages", (key, input, en, ja, allowed) => {
    const e = refusal(() => readEntry(key as never, input));
    expect(e.reason.en).toContain(en);
    expect(e.reason.en).toContain(allowed);
    expect(e.reason.ja).toContain(ja);
  });

  test("formatEntry shows rates and shares as percentages and the rest as stored", () => {
    expect(formatEntry("royalty_rate", 0.035)).toBe("3.5");
    expect(formatEntry("market_growth", 0.07)).toBe("7");
    expect(formatEntry("market_size", 30e9)).toBe("30000000000");
    expect(formatEntry("timing", "mid")).toBe("mid");
    expect(formatEntry("years", undefined)).toBe("");
    expect(readEntry("royalty_rate", formatEntry("royalty_rate", 0.035))).toBeCloseTo(0.035, 15);
  });
});

describe("setValue", () => {
  const set = exampleSet("software", "en");

  test("sets one assumption of one scenario from what was typed", () => {
    const next = setValue(set, 1, "royalty_rate", "7.5%");
    expect(next.scenarios[1].values.royalty_rate).toBeCloseTo(0.075, 15);
    expect(next.scenarios[0]).toBe(set.scenarios[0]);
    expect(next.scenarios[2]).toBe(set.scenarios[2]);
  });

  test("a blank entry removes the value, so the default applies", () => {
    const next = setValue(set, 0, "upfront", "");
    expect("upfront" in next.scenarios[0].values).toBe(false);
    expect(set.scenarios[0].values.upfront).toBeDefined();
  });

  test("a refused entry throws and leaves the set exactly as it was", () => {
    const before = JSON.parse(JSON.stringify(set));
    const e = refusal(() => setValue(set, 2, "peak_share", "101"));
    expect(e.reason.en).toMatch(/^Peak market share: enter from 0% to 100%/);
    expect(set).toEqual(before);
  });
});

describe("decisions", () => {
  const set = blankSet("en");

  test("setDecision reads an amount with separators and full-width digits; blank clears it", () => {
    const offer = setDecision(set, "offer", "250,000,000");
    expect(offer.decisions.offer).toEqual({ value: 250_000_000, internal: true });
    expect(setDecision(offer, "floor", "１２００００").decisions.floor.value).toBe(120000);
    expect(setDecision(offer, "offer", "").decisions.offer.value).toBeNull();
    expect(set.decisions.offer.value).toBeNull();
  });

  test.each(["-5", "abc", "1e999"])("setDecision refuses %j with a reason in both languages, the set unchanged", (input) => {
    const before = JSON.stringify(set);
    const e = refusal(() => setDecision(set, "ceiling", input));
    expect(e.reason.en).toBe("Enter an amount of 0 or more, or leave it blank.");
    expect(e.reason.ja).toMatch(/0以上の金額/);
    expect(JSON.stringify(set)).toBe(before);
  });

  test("a decision is shared only when the user says so, one at a time; notes too", () => {
    const shared = setDecisionInternal(set, "floor", false);
    expect(shared.decisions.floor.internal).toBe(false);
    expect(shared.decisions.offer.internal).toBe(true);
    const notes = setDecisionInternal(setNotes(shared, "次回決定"), "notes", false);
    expect(notes.decisions.notes).toEqual({ text: "次回決定", internal: false });
  });

  test("setting a value keeps the decision's mark", () => {
    const shared = setDecisionInternal(set, "offer", false);
    expect(setDecision(shared, "offer", "5").decisions.offer).toEqual({ value: 5, internal: false });
  });
});

describe("the offer's term sheet", () => {
  const set = blankSet("ja");

  test("a term typed as a percentage is stored as a decimal, added at the end; retyping replaces it in place", () => {
    const a = setOfferTerm(setOfferTerm(set, "royalty_rate", "3%"), "upfront", "5,000,000");
    expect(a.decisions.terms).toEqual([
      { key: "royalty_rate", value: 0.03, source: "" },
      { key: "upfront", value: 5_000_000, source: "" },
    ]);
    expect(setOfferTerm(a, "royalty_rate", "2.5").decisions.terms.map((t) => [t.key, t.value])).toEqual([
      ["royalty_rate", 0.025],
      ["upfront", 5_000_000],
    ]);
    expect(set.decisions.terms).toEqual([]);
  });

  test("a blank keeps the row (not fixed yet) and OFFER's map leaves it out; removing it takes it off", () => {
    const a = setOfferTerm(setOfferTerm(set, "royalty_rate", "3"), "equity_share", "");
    expect(a.decisions.terms.map((t) => t.key)).toEqual(["royalty_rate", "equity_share"]);
    expect([...offerTermMap(a.decisions)]).toEqual([["royalty_rate", 0.03]]);
    expect(removeOfferTerm(a, "royalty_rate").decisions.terms.map((t) => t.key)).toEqual(["equity_share"]);
  });

  test("a market or business assumption is not an offer term; a bad value is refused by the engine's rule, the set unchanged", () => {
    expect(refusal(() => setOfferTerm(set, "market_size", "100")).reason.ja).toMatch(/提示条件にできません/);
    const before = JSON.stringify(set);
    expect(refusal(() => setOfferTerm(set, "royalty_rate", "150%")).reason.en).toMatch(/Royalty rate/i);
    expect(JSON.stringify(set)).toBe(before);
    expect(OFFER_TERM_KEYS).toContain("milestone_9_probability");
    expect(OFFER_TERM_KEYS).not.toContain("discount_rate");
  });

  test("a published model replaces the sheet with its citations; a value the deal decides stays blank; editing a figure drops its citation", () => {
    const a = setOfferTerms(set, [
      { key: "royalty_rate", value: 0.02, source: "case 7, p.21" },
      { key: "patent_cost_reimbursement", value: null, source: "case 7, p.21" },
      { key: "annual_fee_until_sales", value: true, source: "case 7, p.21" },
    ]);
    expect(a.decisions.terms[1]).toEqual({ key: "patent_cost_reimbursement", value: undefined, source: "case 7, p.21" });
    expect([...offerTermMap(a.decisions)]).toEqual([
      ["royalty_rate", 0.02],
      ["annual_fee_until_sales", true],
    ]);
    expect(setOfferTerm(a, "royalty_rate", "2%").decisions.terms[0].source).toBe("case 7, p.21");
    expect(setOfferTerm(a, "royalty_rate", "3%").decisions.terms[0].source).toBe("");
  });
});

test("a published model fills the term sheet with its amounts times the exchange rate, its rates as published", () => {
  const usd = offerFromPreset(blankSet("en"), "case7_b_no_approval", "");
  const yen = offerFromPreset(blankSet("en"), "case7_b_no_approval", "150");
  const value = (s: ScenarioSet, k: string) => s.decisions.terms.find((t) => t.key === k)?.value;
  expect(value(yen, "royalty_rate")).toBe(value(usd, "royalty_rate"));
  expect(value(yen, "annual_fee")).toBeCloseTo((value(usd, "annual_fee") as number) * 150, 6);
  expect(value(usd, "annual_fee")).toBeGreaterThan(0);
  expect(yen.decisions.terms.every((t) => t.source.includes("事例⑦") && t.source.includes("p.22"))).toBe(true);
  expect(refusal(() => offerFromPreset(blankSet("en"), "case7_a", "-1")).reason.ja).toMatch(/為替レート/);
});

describe("deal terms", () => {
  test.each([
    ["TRUE", true],
    ["false", false],
    [" yes ", true],
    ["いいえ", false],
    ["ＴＲＵＥ", true], // full-width, from a Japanese IME
    ["1", true],
    ["0", false],
  ])("a flag reads %j as %j, the engine's reading", (input, expected) => {
    expect(readEntry("annual_fee_creditable", input)).toBe(expected);
  });

  test("a flag left blank is undefined (the default FALSE applies); anything else is refused in both languages", () => {
    expect(readEntry("annual_fee_until_sales", " ")).toBeUndefined();
    const e = refusal(() => readEntry("annual_fee_until_sales", "maybe"));
    expect(e.reason.en).toBe("Annual fee only until first sales: enter TRUE or FALSE.");
    expect(e.reason.ja).toBe("年間維持費は初回売上まで：TRUE または FALSEで入力してください。");
    expect(() => readEntry("annual_fee_until_sales", "2")).toThrow();
  });

  test("a flag is stored as a boolean and shown as TRUE/FALSE", () => {
    const next = setValue(blankSet("en"), 1, "annual_fee_creditable", "true");
    expect(next.scenarios[1].values.annual_fee_creditable).toBe(true);
    expect(formatEntry("annual_fee_creditable", true)).toBe("TRUE");
    expect(formatEntry("annual_fee_creditable", false)).toBe("FALSE");
  });

  test("deal-term numbers get the same checks and reasons as today's assumptions", () => {
    expect(readEntry("post_expiry_rate", "2.5")).toBeCloseTo(0.025, 15);
    expect(readEntry("milestone_2_year", "1.5")).toBe(1.5);
    const e = refusal(() => readEntry("licensor_ownership", "0"));
    expect(e.reason.en).toBe("Licensor's ownership share: enter above 0% and at most 100%.");
    expect(e.reason.ja).toContain("ライセンサーの持分（共有特許）");
  });

  test("milestones in use are those with any of year, amount, probability; clearing one removes its three keys only", () => {
    let set = blankSet("en");
    set = setValue(set, 0, "milestone_1_year", "2");
    set = setValue(set, 0, "milestone_1_amount", "1000000");
    set = setValue(set, 0, "milestone_3_probability", "50");
    set = setValue(set, 0, "royalty_rate", "3");
    expect(milestonesInUse(set.scenarios[0].values)).toEqual([1, 3]);
    expect(milestonesInUse(set.scenarios[1].values)).toEqual([]);
    const cleared = clearMilestone(set, 0, 1);
    expect(cleared.scenarios[0].values).toEqual({ milestone_3_probability: 0.5, royalty_rate: 0.03 });
    expect(set.scenarios[0].values.milestone_1_year).toBe(2); // the original set is untouched
  });

  test("a scenario uses deal terms when it gives any of them (a flag FALSE counts: it was typed)", () => {
    const set = blankSet("en");
    expect(usesDealTerms(setValue(set, 0, "royalty_rate", "3").scenarios[0])).toBe(false);
    expect(usesDealTerms(setValue(set, 0, "annual_fee_creditable", "FALSE").scenarios[0])).toBe(true);
    expect(usesDealTerms(setValue(set, 0, "milestone_9_amount", "5").scenarios[0])).toBe(true);
  });
});

describe("each assumption's source or note", () => {
  test("the source column: IPVALUE's header first, else the user's Source / 出典 / 備考 / Note; a Comment or a scenario is never it", () => {
    expect(sourceColumn(["key", "Base", "Comment", "Source / note"])).toBe(3);
    expect(sourceColumn(["key", "Base", "出典 / 備考"])).toBe(2);
    expect(sourceColumn(["key", "Base", "Notes", "Source / note"])).toBe(3);
    for (const h of ["Source", "sources", "出典", "備考", "Note", "Source: 2025 report", "出典（社内）"])
      expect([h, sourceColumn(["key", "Base", h])]).toEqual([h, 2]);
    for (const h of ["Comment", "memo", "Sourcing plan", "Base"]) expect([h, sourceColumn(["key", "Low", h])]).toEqual([h, -1]);
  });
  test("read by row key (keys as typed: Market Size), blanks and unknown keys left out", () => {
    const cells = [
      ["key", "Base", "出典"],
      ["Market Size", 1e9, "survey"],
      ["royalty_rate", 0.03, ""],
      ["sales_1", 5, "plan row"],
    ];
    expect(readSources(cells)).toEqual({ market_size: "survey" });
    expect(
      readSources([
        ["key", "Base"],
        ["market_size", 1],
      ])
    ).toEqual({});
  });
  test("set, trimmed, removed when blank; a very long one refused", () => {
    const set = blankSet("en");
    const withOne = setSource(set, "market_size", "  METI 2024 ");
    expect(withOne.sources).toEqual({ market_size: "METI 2024" });
    expect(set.sources).toBeUndefined();
    expect(setSource(withOne, "market_size", "").sources).toBeUndefined();
    expect(() => setSource(set, "market_size", "x".repeat(501))).toThrow(EditError);
  });
});
