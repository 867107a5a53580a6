/**
 * The negotiator workbook builder (src/export): the share choice and its filter (internal items left
 * out unless confirmed one by one), the workbook's sheets, formulas and cached values (the engine's),
 * document properties, both languages.
 */
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import {
  ASSUMPTION_KEYS,
  AssumptionKey,
  FOOTBALL_OUTPUTS,
  outputLabel,
  FOLLOWS,
  FOLLOWS_ONLY_WITH,
  MAX_YEARS,
  RawValue,
  resolveAssumptions,
  OUTPUTS,
  parseAssumptionsTable,
  Output,
  runScenario,
  scenarioOutput,
  valuationRange,
} from "../../src/engine";
import { buildNegotiator, buildNegotiatorWorkbook, BuildOptions, LAYOUT, negotiatorWorkbook, sheetName, toBase64 } from "../../src/export/negotiator";
import type { FootballChartSpec } from "../../src/export/chart-spec";
import { fieldScale } from "../../src/model/football";
import { defaultShareChoice, normalizeOutputs, selectShared, ShareChoice, ShareError, SHARE_OUTPUTS } from "../../src/export/share";
import { IPVALUE_VERSION } from "../../src/export/version";
import { WORDS } from "../../src/export/words";
import { exampleSet } from "../../src/taskpane/model/examples";
import { ScenarioSet } from "../../src/model/scenario-set";
import { readSample, ROOT } from "./demo";

const OPTIONS: BuildOptions = { language: "en", date: new Date(2026, 10, 23), version: IPVALUE_VERSION, currency: "JPY" };
const sample = readSample();
const set = sample.set;

function formulas(wb: ExcelJS.Workbook): { sheet: string; address: string; formula: string; result: unknown }[] {
  const out: { sheet: string; address: string; formula: string; result: unknown }[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.type === ExcelJS.ValueType.Formula) out.push({ sheet: ws.name, address: c.address, formula: c.formula, result: c.result });
      })
    )
  );
  return out;
}

function strings(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  wb.eachSheet((ws) => {
    out.push(ws.name);
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === "string") out.push(c.value);
        if (c.type === ExcelJS.ValueType.Formula && typeof c.result === "string") out.push(c.result);
      })
    );
  });
  return out;
}

describe("what is shared: the choice and its filter", () => {
  test("IPVALUE_VERSION is package.json's version", () => {
    expect(IPVALUE_VERSION).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version);
  });

  test("by default: every scenario and decision not marked internal, nothing internal, nothing confirmed", () => {
    const choice = defaultShareChoice(set);
    expect(choice.scenarios).toEqual(["Low", "Base", "High"]);
    expect(choice.decisions).toEqual(["offer"]); // the floor and the notes are internal; no ceiling is set
    expect(choice.bands).toBe(true);
    expect(choice.confirmedInternal).toEqual({ scenarios: [], decisions: [] });
    const content = selectShared(set, choice);
    expect(content.scenarios.map((s) => s.name)).toEqual(["Low", "Base", "High"]);
    expect(content.offer).toBe(265_000_000);
    expect(content.floor).toBeUndefined();
    expect(content.notes).toBeUndefined();
    expect(content.scenarios[content.baseIndex].name).toBe("Base");
  });

  test("an internal scenario is refused until it is confirmed, then included", () => {
    const choice: ShareChoice = { ...defaultShareChoice(set), scenarios: ["Low", "Base", "High", "Stretch (board only)"] };
    expect(() => selectShared(set, choice)).toThrow(ShareError);
    expect(() => selectShared(set, choice)).toThrow(/Stretch \(board only\)" is internal: confirm it/);
    const confirmed = selectShared(set, { ...choice, confirmedInternal: { scenarios: ["stretch (BOARD only)"], decisions: [] } });
    expect(confirmed.scenarios.map((s) => s.name)).toEqual(["Low", "Base", "High", "Stretch (board only)"]);
  });

  test.each(["floor", "notes"] as const)("the internal %s is refused until it is confirmed, then included", (key) => {
    const choice: ShareChoice = { ...defaultShareChoice(set), decisions: ["offer", key] };
    try {
      selectShared(set, choice);
      throw new Error("not refused");
    } catch (e) {
      expect(e).toBeInstanceOf(ShareError);
      expect((e as ShareError).reason.ja).toContain("社外秘");
    }
    const content = selectShared(set, { ...choice, confirmedInternal: { scenarios: [], decisions: [key] } });
    if (key === "floor") expect(content.floor).toBe(187_654_321);
    else expect(content.notes).toBe(set.decisions.notes.text);
  });

  test("an internal band filter needs a confirmation too; bands not chosen are left out", () => {
    const internalBands: ScenarioSet = { ...set, decisions: { ...set.decisions, bands: { filter: "patent", spread: "minmax", internal: true } } };
    expect(defaultShareChoice(internalBands).bands).toBe(false);
    expect(() => selectShared(internalBands, { ...defaultShareChoice(internalBands), bands: true })).toThrow(ShareError);
    const shared = selectShared(internalBands, {
      ...defaultShareChoice(internalBands),
      bands: true,
      confirmedInternal: { scenarios: [], decisions: ["bands"] },
    });
    expect(shared.bands!.rows.length).toBeGreaterThan(3);
    expect(shared.bands!.rows.every((b) => b.unit === "share_of_net_sales" && b.right === "patent")).toBe(true);
    expect(selectShared(set, { ...defaultShareChoice(set), bands: false }).bands).toBeNull();
  });

  test("refuses an empty choice and an unknown scenario, with reasons in both languages", () => {
    expect(() => selectShared(set, { ...defaultShareChoice(set), scenarios: [] })).toThrow(/at least one scenario/);
    expect(() => selectShared(set, { ...defaultShareChoice(set), outputs: [] })).toThrow(/at least one result/);
    expect(() => selectShared(set, { ...defaultShareChoice(set), scenarios: ["Nope"] })).toThrow(/no scenario called "Nope"/);
  });

  test("a scenario that cannot be valued yet is refused with the engine's reason", () => {
    const broken: ScenarioSet = {
      ...set,
      scenarios: set.scenarios.map((s) => (s.name === "Low" ? { ...s, values: { ...s.values, market_size: undefined } } : s)),
    };
    expect(() => selectShared(broken, defaultShareChoice(broken))).toThrow(/market_size is missing/);
  });

  test("a scenario with yearly plan rows is written: a Plan sheet after Assumptions with its rows as inputs, the model's sales from them", () => {
    const content = selectShared(set, defaultShareChoice(set));
    const low = set.scenarios.find((s) => s.name === "Low")!.values as Partial<Record<AssumptionKey, RawValue>>;
    const sales = [0, 0, 100_000_000, 200_000_000];
    const plan = resolveAssumptions(low, "Low", { sales, operating_profit: [undefined, undefined, 15_000_000], investment: [50_000_000] });
    expect(plan.plan).not.toBeNull();
    const withPlan = { ...content, scenarios: content.scenarios.map((s) => (s.name === "Low" ? { ...s, assumptions: plan } : s)) };
    for (const language of ["en", "ja"] as const) {
      const wb = buildNegotiatorWorkbook(withPlan, { ...OPTIONS, language });
      const names = wb.worksheets.map((w) => w.name);
      expect(names.slice(0, 3)).toEqual(language === "en" ? ["Summary", "Assumptions", "Plan"] : ["概要", "前提条件", "事業計画"]);
      const ws = wb.worksheets[2];
      const L = LAYOUT.plan;
      // One block per shared scenario (Low first); the typed years hold their figures, the rest are blank inputs.
      expect(ws.getCell(L.firstBlockRow, 1).value).toBe("Low");
      expect([0, 1, 2].map((k) => ws.getCell(L.firstBlockRow + k, 3).value)).toEqual(["sales", "operating_profit", "investment"]);
      expect(sales.map((_, i) => ws.getCell(L.firstBlockRow, L.firstYearColumn + i).value)).toEqual(sales);
      expect([1, 2, 3].map((i) => ws.getCell(L.firstBlockRow + 1, L.firstYearColumn + i).value)).toEqual([null, 15_000_000, null]);
      expect(ws.getCell(L.firstBlockRow + 2, L.firstYearColumn).value).toBe(50_000_000);
      expect(ws.getCell(L.headerRow, L.firstYearColumn + MAX_YEARS - 1).value).toBe(MAX_YEARS);
      expect(ws.getCell(L.firstBlockRow + L.blockRows, 1).value).toBe("Base");
      // Low's model takes its sales from the plan; Base's formulas test its (empty) block and use the forecast.
      const model = wb.worksheets[3];
      expect(model.name).toBe(language === "en" ? "Model - Low" : "モデル - Low");
      const m = runScenario(plan);
      const row = LAYOUT.model.firstYearRow + 3;
      expect(model.getCell(row, 4).formula).toMatch(
        /^IF\(COUNT\('(Plan|事業計画)'!\$D\$6:\$GU\$6\)>0,IF\(\$A\d+>\$B\$12,0,'(Plan|事業計画)'!\$G\$6\+0\),B\d+\*C\d+\)$/
      );
      expect(model.getCell(row, 4).result).toBe(200_000_000);
      expect(model.getCell(row, 2).result).toBe(WORDS[language].notAvailable);
      expect(model.getCell(LAYOUT.model.firstResultRow, 2).result).toBe(scenarioOutput(m, content.outputs[0]));
      expect(wb.worksheets[4].getCell(row, 2).result).toBeGreaterThan(0);
    }
  });

  test("value-at-rate outputs bring the rate they are computed from; outputs keep the engine's order", () => {
    expect(normalizeOutputs(["value_maxrate", "npv"])).toEqual(["npv", "maxrate", "value_maxrate"]);
    expect(normalizeOutputs(["value_rate25"])).toEqual(["rate25", "value_rate25"]);
    expect(SHARE_OUTPUTS).toEqual(OUTPUTS.map((o) => o.key));
  });

  test("the base case is picked among the shared scenarios: Base if shared, else the middle one", () => {
    const withoutBase = selectShared(set, {
      ...defaultShareChoice(set),
      scenarios: ["Low", "High", "Stretch (board only)"],
      confirmedInternal: { scenarios: ["Stretch (board only)"], decisions: [] },
    });
    expect(withoutBase.scenarios[withoutBase.baseIndex].name).toBe("High");
    const ja = exampleSet("medical-device", "ja");
    const content = selectShared(ja, defaultShareChoice(ja));
    expect(content.scenarios[content.baseIndex].name).toBe("基準");
  });
});

describe("the workbook", () => {
  const content = selectShared(set, { ...defaultShareChoice(set), outputs: [...SHARE_OUTPUTS] });
  const wb = buildNegotiatorWorkbook(content, OPTIONS);

  test("sheets: Summary, Assumptions, one model per shared scenario, Reference bands, Notes; all visible; no names", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Summary", "Assumptions", "Model - Low", "Model - Base", "Model - High", "Reference bands", "Notes"]);
    expect(wb.worksheets.every((w) => w.state === "visible")).toBe(true);
    expect(wb.definedNames.model).toEqual([]);
  });

  test("no formula calls IPVALUE; every formula cell carries a cached value", () => {
    const f = formulas(wb);
    expect(f.length).toBeGreaterThan(500);
    expect(f.filter((x) => /IPVALUE/i.test(x.formula))).toEqual([]);
    expect(f.filter((x) => x.result === undefined || x.result === null)).toEqual([]);
    // Native functions only.
    const used = new Set(f.flatMap((x) => [...x.formula.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1])));
    // TEXT: the football field's label of a bar cut at the axis prints its true high.
    expect([...used].sort()).toEqual(["AND", "COUNT", "IF", "ISBLANK", "ISNUMBER", "MAX", "MEDIAN", "MIN", "NOT", "OR", "SUMPRODUCT", "TEXT"]);
  });

  test("the Assumptions sheet holds the shared scenarios' resolved inputs in the functions' table layout", () => {
    const ws = wb.getWorksheet("Assumptions")!;
    const L = LAYOUT.assumptions;
    // The note column after the scenarios is headed "note": the functions skip it, as they skip label and unit.
    expect(ws.getRow(L.headerRow).values).toEqual([undefined, "key", "label", "unit", "Low", "Base", "High", "note"]);
    // Every key, the deal terms too: their defaults (a blank threshold: an empty cell) for a counterparty to fill in;
    // a blank key whose default is another key is that key's cell (a formula caching the same value).
    const shown = (c: ExcelJS.Cell) => (c.type === ExcelJS.ValueType.Formula ? c.result : c.value);
    ASSUMPTION_KEYS.forEach((key, i) => {
      expect(ws.getCell(L.firstKeyRow + i, 1).value).toBe(key);
      // A tier's rate follows only once its threshold is there (blank until then: the functions refuse a rate without one).
      const needs = FOLLOWS_ONLY_WITH[key];
      content.scenarios.forEach((s, j) =>
        expect(
          needs ? (shown(ws.getCell(L.firstKeyRow + i, L.firstScenarioColumn + j)) ?? "") : shown(ws.getCell(L.firstKeyRow + i, L.firstScenarioColumn + j))
        ).toBe(needs && typeof s.assumptions[needs] !== "number" ? "" : s.assumptions[key])
      );
    });
    // The sample leaves the tier rates, the claims' last year and the exit probability blank: each follows its driver, said in the note column.
    const row = (key: AssumptionKey) => L.firstKeyRow + ASSUMPTION_KEYS.indexOf(key);
    const note = L.firstScenarioColumn + content.scenarios.length;
    for (const [key, driver] of Object.entries(FOLLOWS) as [AssumptionKey, AssumptionKey][]) {
      const follows = content.scenarios.every((s) => s.defaulted.includes(key));
      if (!follows) continue;
      content.scenarios.forEach((_, j) =>
        expect(ws.getCell(row(key), L.firstScenarioColumn + j).formula).toBe(
          FOLLOWS_ONLY_WITH[key]
            ? `IF(ISNUMBER(${ws.getCell(row(FOLLOWS_ONLY_WITH[key]!), L.firstScenarioColumn + j).address}),${ws.getCell(row(driver), L.firstScenarioColumn + j).address},"")`
            : ws.getCell(row(driver), L.firstScenarioColumn + j).address
        )
      );
      expect(ws.getCell(row(key), note).value).toBe(`follows ${driver}`);
    }
    expect(["tier_1_rate", "tier_2_rate", "claims_expire_year", "exit_probability"].map((k) => ws.getCell(row(k as AssumptionKey), note).value)).toEqual([
      "follows royalty_rate",
      "follows tier_1_rate",
      "follows term_years",
      "follows success_probability",
    ]);
    // A key typed in every scenario (hurdle_rate, term_years) is a value, with no note.
    expect(ws.getCell(row("hurdle_rate"), L.firstScenarioColumn).value).toBe(0.12);
    expect(ws.getCell(row("hurdle_rate"), note).value).toBeNull();
    expect(ws.getCell(L.firstKeyRow + ASSUMPTION_KEYS.indexOf("tier_1_threshold"), L.firstScenarioColumn).value).toBeNull();
    expect(ws.getCell(L.firstKeyRow + ASSUMPTION_KEYS.indexOf("annual_fee_creditable"), L.firstScenarioColumn).value).toBe(false);
    expect(ws.getCell(L.firstKeyRow + ASSUMPTION_KEYS.indexOf("licensor_ownership"), L.firstScenarioColumn).value).toBe(1);
    expect(ws.getCell(L.firstKeyRow + ASSUMPTION_KEYS.length, 1).value).toBeNull();
    // licensor_share was left blank in the sample: its default is written, marked in grey italics.
    const share = ws.getCell(L.firstKeyRow + ASSUMPTION_KEYS.indexOf("licensor_share"), L.firstScenarioColumn);
    expect(share.value).toBe(0.25);
    expect(share.font.italic).toBe(true);
    expect(ws.getCell(L.firstKeyRow + ASSUMPTION_KEYS.indexOf("royalty_rate"), L.firstScenarioColumn).font?.italic).toBeFalsy();
    // Inputs are checked as they are typed: shares 0–1, years whole, timing from a list.
    expect(ws.getCell(L.firstKeyRow + ASSUMPTION_KEYS.indexOf("peak_share"), L.firstScenarioColumn).dataValidation).toMatchObject({
      type: "decimal",
      formulae: [0, 1],
    });
    expect(ws.getCell(L.firstKeyRow + ASSUMPTION_KEYS.indexOf("timing"), L.firstScenarioColumn).dataValidation).toMatchObject({
      type: "list",
      formulae: ['"end,mid,begin"'],
    });
  });

  test("each model sheet: inputs linked from Assumptions, results and yearly model cached with the engine's values", () => {
    const L = LAYOUT.model;
    content.scenarios.forEach((s, i) => {
      const ws = wb.getWorksheet(`Model - ${s.name}`)!;
      const m = runScenario(s.assumptions);
      const column = String.fromCharCode(64 + LAYOUT.assumptions.firstScenarioColumn + i);
      expect(ws.getCell(L.firstInputRow, 2).formula).toBe(`'Assumptions'!$${column}$${LAYOUT.assumptions.firstKeyRow}`);
      content.outputs.forEach((o, j) => {
        expect(ws.getCell(L.firstResultRow + j, 3).value).toBe(o);
        expect(ws.getCell(L.firstResultRow + j, 2).result).toBe(scenarioOutput(m, o));
      });
      for (let y = 0; y < s.assumptions.years; y++) {
        const r = L.firstYearRow + y;
        expect(ws.getCell(r, 1).value).toBe(y + 1);
        [m.market, m.share, m.sales, m.royalty, m.discountFactor, m.presentValue].forEach((series, k) => expect(ws.getCell(r, 2 + k).result).toBe(series![y]));
      }
      // Then zeros up to the longest term the Assumptions sheet allows (negotiator-limits.test.ts).
      expect(ws.getCell(L.firstYearRow + s.assumptions.years, 1).value).toBe(s.assumptions.years + 1);
      expect(ws.getCell(L.firstYearRow + s.assumptions.years, 5).result).toBe(0);
      expect(ws.getCell(L.firstYearRow + MAX_YEARS, 1).value).toBeNull();
    });
  });

  test("the results' formulas are the engine's: NPV, rNPV, walk-away rate", () => {
    const ws = wb.getWorksheet("Model - Base")!;
    const at = (o: Output) => ws.getCell(LAYOUT.model.firstResultRow + content.outputs.indexOf(o), 2).formula;
    // Inputs in rows 7–72 (licensor_ownership B72, exit_probability B68), the timing offset B73, the valued lump sums
    // B74–B82 (B74 milestones, B75 × probability, B76–B77 equity and success fee, B78 patent costs, B81 the plan's
    // investments, B82 licensee's outlays).
    expect(LAYOUT.model).toMatchObject({ offsetRow: 73, firstDerivedRow: 74, firstResultRow: 86, firstYearRow: 98 });
    expect(at("npv")).toBe(
      "$B$72*($B$21+(SUMPRODUCT(E98:E297,F98:F297)+SUMPRODUCT(I98:I297,F98:F297)+SUMPRODUCT(J98:J297,F98:F297)+$B$78)+$B$74+($B$76+$B$77))"
    );
    expect(at("rnpv")).toBe(
      "$B$72*($B$21+$B$78+$B$20*(SUMPRODUCT(E98:E297,F98:F297)+SUMPRODUCT(I98:I297,F98:F297)+SUMPRODUCT(J98:J297,F98:F297))+$B$75+$B$68*($B$76+$B$77))"
    );
    expect(at("rate25")).toBe('IF($B$16<0,"n/a",$B$16*$B$24)');
    expect(at("maxrate")).toBe(
      'IF($B$20*SUMPRODUCT(M98:M297,N98:N297)*(1-$B$17)>0,($B$20*(SUMPRODUCT(L98:L297,N98:N297)-SUMPRODUCT(H98:H297,N98:N297))*(1-$B$17)-$B$82)/($B$20*SUMPRODUCT(M98:M297,N98:N297)*(1-$B$17)),"n/a")'
    );
    // The royalty: post-expiry rate after the claims (B29, B30), else marginal tiers (thresholds B25, B27; rates B26, B28), then the minimum.
    expect(ws.getCell("E98").formula).toBe(
      "IF(AND($A98<=$B$12,$A98<=$B$13,MAX(D$98:D98)>0),MAX(IF($A98>$B$29,$B$30*D98,IF(ISNUMBER($B$25),$B$14*MIN(D98,$B$25)+IF(D98>$B$25,$B$26*(IF(ISNUMBER($B$27),MIN(D98,MAX($B$25,$B$27)),D98)-$B$25),0)+IF(AND(ISNUMBER($B$27),D98>MAX($B$25,$B$27)),$B$28*(D98-MAX($B$25,$B$27)),0),$B$14*D98)),$B$15),0)"
    );
    expect(ws.getCell("F98").formula).toBe("IF($A98>$B$12,0,1/(1+$B$18)^($A98-$B$73))");
    expect(ws.getCell("B73").formula).toBe('IF(OR($B$23="mid",$B$23="期央"),0.5,IF(OR($B$23="begin",$B$23="期首"),1,0))');
    // A term whose blank means "none" is linked so that a blank stays blank, not 0.
    expect(ws.getCell("B25").formula).toBe(`IF(ISBLANK('Assumptions'!$E$23),"",'Assumptions'!$E$23)`);
    expect(ws.getCell("B25").result).toBe("");
  });

  test("the summary: low / base / high over the shared scenarios' model sheets, cached with the engine's range", () => {
    const ws = wb.getWorksheet("Summary")!;
    const range = valuationRange(
      content.scenarios.map((s) => ({ name: s.name, assumptions: s.assumptions, internal: false })),
      content.outputs
    );
    const rows = new Map<string, number>();
    ws.eachRow((row, r) => {
      if (typeof row.getCell(5).value === "string") rows.set(row.getCell(5).value as string, r);
    });
    for (const x of range) {
      const r = rows.get(x.output)!;
      expect(ws.getCell(r, 2).result).toBe(x.low);
      expect(ws.getCell(r, 3).result).toBe(x.base);
      expect(ws.getCell(r, 4).result).toBe(x.high);
    }
    const npv = rows.get("npv")!;
    expect(ws.getCell(npv, 2).formula).toBe(
      `IF(COUNT('Model - Low'!$B$87,'Model - Base'!$B$87,'Model - High'!$B$87)<3,"n/a",MIN('Model - Low'!$B$87,'Model - Base'!$B$87,'Model - High'!$B$87))`
    );
    expect(ws.getCell(npv, 3).formula).toBe("'Model - Base'!$B$87");
    // The band row: the published rates' range as on the Reference bands sheet (MEDIAN of midpoints).
    const band = rows.get("band_rate")!;
    expect(ws.getCell(band, 3).formula).toMatch(/^MEDIAN\('Reference bands'!\$E\$6:\$E\$\d+\)$/);
    expect(ws.getCell(rows.get("offer")!, 2).value).toBe(265_000_000);
    expect(rows.has("floor")).toBe(false);
  });

  test("the reference bands sheet lists the matching bands with source, place, page and year", () => {
    const ws = wb.getWorksheet("Reference bands")!;
    content.bands!.rows.forEach((b, i) => {
      const r = LAYOUT.bands.firstRow + i;
      expect([
        ws.getCell(r, 1).value,
        ws.getCell(r, 3).value,
        ws.getCell(r, 4).value,
        ws.getCell(r, 7).value,
        ws.getCell(r, 8).value,
        ws.getCell(r, 10).value,
      ]).toEqual([b.key, b.low, b.high, b.source, b.locator, b.year]);
    });
  });

  test("the notes sheet: date, version, currency and the methods in plain words; no committee notes unless shared", () => {
    const text = strings(wb).join("\n");
    expect(text).toContain("2026-11-23");
    expect(text).toContain(IPVALUE_VERSION);
    expect(text).toContain("JPY");
    expect(text).toContain("Licensee walk-away rate: the royalty rate at which");
    expect(text).not.toContain(set.decisions.notes.text);
  });

  test("document properties: creator IPVALUE, a neutral title, the given date; recalculated on opening", () => {
    expect(wb.creator).toBe("IPVALUE");
    expect(wb.lastModifiedBy).toBe("IPVALUE");
    expect(wb.title).toBe("License valuation");
    expect(wb.created).toEqual(OPTIONS.date);
    expect(wb.calcProperties.fullCalcOnLoad).toBe(true);
  });
});

describe("both languages", () => {
  test("Japanese: sheet names, labels and methods in Japanese; the same formulas and values", async () => {
    const content = selectShared(set, defaultShareChoice(set));
    const en = buildNegotiatorWorkbook(content, OPTIONS);
    const ja = buildNegotiatorWorkbook(content, { ...OPTIONS, language: "ja" });
    expect(ja.worksheets.map((w) => w.name)).toEqual(["概要", "前提条件", "モデル - Low", "モデル - Base", "モデル - High", "参考バンド", "注記"]);
    const text = strings(ja).join("\n");
    for (const s of ["ライセンス評価（協議用）", "評価レンジ", "リスク調整後ライセンサー価値", "ライセンシーの上限料率", "計算方法", "提示価格"])
      expect(text).toContain(s);
    // The football field's bar labels (Summary column A) are words, in each language.
    const fe = formulas(en).filter((x) => !(x.sheet === "Summary" && x.address.startsWith("A")));
    const fj = formulas(ja).filter((x) => !(x.sheet === "概要" && x.address.startsWith("A")));
    expect(fe.length).toBe(formulas(en).length - 3);
    // The same values, but for the timing, written in the sheet's words (期央 for mid): the formulas read both.
    const EN_WORD: Record<string, string> = { 期末: "end", 期央: "mid", 期首: "begin" };
    expect(fj.map((x) => (typeof x.result === "string" && x.result in EN_WORD ? EN_WORD[x.result] : x.result))).toEqual(fe.map((x) => x.result));
    expect(fj.some((x) => x.result === "期央")).toBe(true);
    // The key columns are headed キー, the label and unit columns 項目 and 単位: the functions read them so.
    const assumptions = ja.getWorksheet("前提条件")!;
    expect([1, 2, 3].map((c) => assumptions.getRow(LAYOUT.assumptions.headerRow).getCell(c).value)).toEqual(["キー", "項目", "単位"]);
    expect(strings(ja).filter((x) => /\b(end|mid|begin)\b/.test(x))).toEqual([]);
    // IPVALUE's functions read the Japanese Assumptions sheet as they read the English one.
    const table = (wb: ExcelJS.Workbook) => {
      const ws = wb.worksheets[1];
      const rows: RawValue[][] = [];
      for (let r = LAYOUT.assumptions.headerRow; r <= ws.rowCount; r++) {
        const row = ws.getRow(r);
        const cells = Array.from({ length: 3 + content.scenarios.length }, (_, c) => {
          const v = row.getCell(c + 1).value as unknown;
          // A formula's cached result (a blank one is not stored).
          return (v && typeof v === "object" && "formula" in v ? ((v as { result?: RawValue }).result ?? null) : (v ?? null)) as RawValue;
        });
        if (cells.some((c) => c !== null)) rows.push(cells);
      }
      return parseAssumptionsTable(rows);
    };
    expect(table(ja)).toEqual(table(en));
    expect(fj.find((x) => x.sheet === "モデル - Low")!.formula).toBe("'前提条件'!$D$5");
  });
});

describe("names and bytes", () => {
  test("sheet names follow Excel's rules: 31 characters, no : \\ / ? * [ ], unique ignoring case", () => {
    const taken = new Set<string>(["summary"]);
    expect(sheetName("Summary", taken)).toBe("Summary (2)");
    expect(sheetName("Model - a/b:c*d?[e]", taken)).toBe("Model - a_b_c_d__e_");
    const long = sheetName("Model - " + "x".repeat(60), taken);
    expect(long.length).toBe(31);
    expect(sheetName("Model - " + "x".repeat(60), taken)).toBe("Model - " + "x".repeat(19) + " (2)");
  });

  test("a scenario name with an apostrophe names its sheet and is quoted in formulas", () => {
    const quoted: ScenarioSet = { ...set, scenarios: set.scenarios.map((s) => (s.name === "Low" ? { ...s, name: "Buyer's low" } : s)) };
    const wb = buildNegotiatorWorkbook(selectShared(quoted, defaultShareChoice(quoted)), OPTIONS);
    expect(wb.worksheets[2].name).toBe("Model - Buyer's low");
    const summary = formulas(wb).filter((f) => f.sheet === "Summary");
    expect(summary.some((f) => f.formula.includes("'Model - Buyer''s low'!$B$"))).toBe(true);
  });

  test("negotiatorWorkbook gives the .xlsx bytes; toBase64 matches Node's encoding", async () => {
    const bytes = await negotiatorWorkbook(set, defaultShareChoice(set), OPTIONS);
    expect(bytes[0]).toBe(0x50); // "PK": a zip
    expect(bytes[1]).toBe(0x4b);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(back.worksheets.length).toBe(7);
  });

  test("a scenario whose 25%-rule rate has no answer (a loss-making margin) shows n/a, and the range says so", () => {
    const loss: ScenarioSet = {
      ...set,
      scenarios: set.scenarios.map((s) => (s.name === "Low" ? { ...s, values: { ...s.values, operating_margin: -0.05 } } : s)),
    };
    const wb = buildNegotiatorWorkbook(selectShared(loss, { ...defaultShareChoice(loss), outputs: ["rnpv", "rate25", "value_rate25"] }), OPTIONS);
    const low = wb.getWorksheet("Model - Low")!;
    expect(low.getCell(LAYOUT.model.firstResultRow + 1, 2).result).toBe("n/a");
    expect(low.getCell(LAYOUT.model.firstResultRow + 2, 2).result).toBe("n/a");
    const summary = formulas(wb).filter((f) => f.sheet === "Summary" && f.result === "n/a");
    expect(summary.length).toBeGreaterThanOrEqual(2);
  });
});

const labelOf = (o: Output) => outputLabel(o).en;

describe("the Summary persuades: the football field, the offer's terms, the scenarios covered", () => {
  const every: ShareChoice = { ...defaultShareChoice(set), outputs: [...SHARE_OUTPUTS] };

  test("the chart reads the field's cells: per method its range, clipped at the axis (fieldScale) with the true high in the label", () => {
    const content = selectShared(set, every);
    const { workbook, charts } = buildNegotiator(content, OPTIONS);
    expect(charts.length).toBe(1);
    const chart = charts[0] as FootballChartSpec;
    expect(chart.kind).toBe("football");
    const ws = workbook.getWorksheet("Summary")!;
    const range = valuationRange(
      content.scenarios.map((s) => ({ name: s.name, assumptions: s.assumptions, internal: false })),
      content.outputs
    );
    const methods = FOOTBALL_OUTPUTS.filter((o) => content.outputs.includes(o));
    const bars = methods.map((o) => range.find((r) => r.output === o)!);
    const scale = fieldScale(bars, [content.offer!]);
    expect(chart.axis).toEqual({ min: scale.min, max: scale.max, step: scale.step });
    // The walk-away rate's value runs far past the others: cut at the axis, its high in its label.
    expect(scale.clippedHigh.some(Boolean)).toBe(true);
    const [first, last] = chart.categories.range.split(":").map((a) => Number(a.slice(1)));
    expect(last - first + 1).toBe(methods.length + 1); // the methods and the offer
    methods.forEach((o, i) => {
      const r = first + i;
      const b = bars[i];
      expect(ws.getCell(r, 6).value).toBe(o);
      expect(ws.getCell(r, 2).result).toBe(b.low);
      expect(ws.getCell(r, 3).result).toBe(b.high);
      expect(ws.getCell(r, 4).result).toBe(Math.max(b.low, scale.min));
      expect(ws.getCell(r, 5).result).toBeCloseTo(Math.min(b.high, scale.max) - Math.max(b.low, scale.min), 6);
      const label = ws.getCell(r, 1).result as string;
      if (b.high > scale.max) expect(label).toBe(`${labelOf(o)} (to ${(b.high / 1e9).toFixed(1)} bn ▸)`);
      else expect(label).toBe(labelOf(o));
      expect(chart.categories.cache[i]).toBe(label);
      expect(chart.low.cache[i]).toBe(ws.getCell(r, 4).result);
      expect(chart.span.cache[i]).toBe(ws.getCell(r, 5).result);
    });
    expect(chart.categories.cache.filter((c) => String(c).includes("▸")).length).toBe(scale.clippedHigh.filter(Boolean).length);
    // The offer's bar reads the offer's cell, in its own colour.
    const offerRow = last;
    expect(ws.getCell(offerRow, 6).value).toBe("offer");
    expect(ws.getCell(offerRow, 2).result).toBe(265_000_000);
    expect(chart.pointColors![methods.length]).toBeDefined();
    // The chart stands over rows of its own, above its cells.
    expect(chart.anchor.to.row).toBeLessThan(first - 3);
  });

  test("no chart without a method or an offer to draw", () => {
    const content = selectShared(set, { ...defaultShareChoice(set), outputs: ["rate25"], decisions: [] });
    expect(buildNegotiator(content, OPTIONS).charts).toEqual([]);
  });

  test("the offer as its terms: label, value, unit and a sentence of what each means, in English and Japanese", () => {
    const termsSet: ScenarioSet = {
      ...set,
      decisions: {
        ...set.decisions,
        terms: [
          { key: "royalty_rate", value: 0.035, source: "" },
          { key: "upfront", value: 20_000_000, source: "" },
          { key: "annual_minimum", value: undefined, source: "" },
          { key: "exit_probability", value: 0.4, source: "" },
        ],
      },
    };
    const content = selectShared(termsSet, defaultShareChoice(termsSet));
    expect(content.terms!.map((t) => t.key)).toEqual(["royalty_rate", "upfront", "annual_minimum", "exit_probability"]);
    for (const language of ["en", "ja"] as const) {
      const ws = buildNegotiatorWorkbook(content, { ...OPTIONS, language }).worksheets[0];
      const rowOf = (key: string) => {
        let found = 0;
        ws.eachRow((row, r) => {
          if (row.getCell(5).value === key) found = r;
        });
        return found;
      };
      const rate = rowOf("offer:royalty_rate");
      expect(rate).toBeGreaterThan(0);
      expect(ws.getCell(rate, 1).value).toBe(language === "en" ? "Royalty rate" : "ロイヤルティ料率");
      expect(ws.getCell(rate, 2).value).toBe(0.035);
      expect(ws.getCell(rate, 3).value).toBe(language === "en" ? "decimal 0–1" : "小数 0～1");
      expect(ws.getCell(rate + 1, 1).value).toBe(WORDS[language].termMeaning.royalty_rate!("3.5%"));
      expect(ws.getCell(rowOf("offer:upfront") + 1, 1).value).toBe(WORDS[language].termMeaning.upfront!("20,000,000 JPY"));
      const open = rowOf("offer:annual_minimum");
      expect(ws.getCell(open, 2).value).toBe(WORDS[language].termNotFixed);
      expect(ws.getCell(open + 1, 1).value).toBe(WORDS[language].termOpen(language === "en" ? "Minimum annual royalty" : "最低ロイヤルティ（年額）"));
      // A term without a sentence of its own is explained by its help text.
      expect(String(ws.getCell(rowOf("offer:exit_probability") + 1, 1).value)).toMatch(language === "en" ? /^Chance the exit happens/ : /^Exitが実現する確率/);
      // The offer's amount has its unit and its words, not a bare number under a "Low" heading.
      const offer = rowOf("offer");
      expect([ws.getCell(offer - 1, 2).value, ws.getCell(offer, 3).value]).toEqual([WORDS[language].termColumns[1], "JPY"]);
    }
  });

  test("the Summary and the Notes name the scenarios the file covers", () => {
    for (const language of ["en", "ja"] as const) {
      const wb = buildNegotiatorWorkbook(selectShared(set, defaultShareChoice(set)), { ...OPTIONS, language });
      const sentence = language === "en" ? "This file covers the scenarios: Low, Base, High." : "このファイルが対象とするシナリオ：Low, Base, High。";
      expect(String(wb.worksheets[0].getCell("A4").value)).toContain(sentence);
      expect(strings(wb).filter((s) => s.includes(sentence)).length).toBe(2);
    }
  });

  test("a wrapped cell's row is as tall as its text: the Notes' methods, the bands' descriptions", () => {
    const wb = buildNegotiatorWorkbook(selectShared(set, defaultShareChoice(set)), OPTIONS);
    const notes = wb.getWorksheet("Notes")!;
    let tall = 0;
    notes.eachRow((row) => {
      const b = row.getCell(2).value;
      if (typeof b === "string" && b.length > 250) {
        expect(row.height).toBeGreaterThanOrEqual(3 * 14);
        expect(row.getCell(1).alignment?.vertical).toBe("top");
        tall++;
      }
    });
    expect(tall).toBeGreaterThanOrEqual(3);
    const bands = wb.getWorksheet("Reference bands")!;
    expect(bands.getRow(LAYOUT.bands.firstRow).height).toBeGreaterThan(30);
  });
});
