/**
 * What a spreadsheet can hold (issue 11, negotiator workbook): sheet names cleaned of control
 * characters and cut on code-point boundaries, no non-finite number in any cell, committee notes
 * over Excel's 32,767-character cell limit split (never cut), and model sheets as long as the
 * longest term the Assumptions sheet allows, so that lengthening the term recalculates. LibreOffice
 * checks the recalculation itself (libreoffice-recalc.test.ts).
 */
import * as ExcelJS from "exceljs";
import { MAX_YEARS, runScenario } from "../../src/engine";
import { buildNegotiatorWorkbook, BuildOptions, LAYOUT, sheetName } from "../../src/export/negotiator";
import { defaultShareChoice, selectShared, ShareChoice, ShareError, SHARE_OUTPUTS } from "../../src/export/share";
import { IPVALUE_VERSION } from "../../src/export/version";
import type { ScenarioSet } from "../../src/model/scenario-set";
import { eachValue, readSample } from "./demo";

const OPTIONS: BuildOptions = { language: "en", date: new Date(2026, 10, 23), version: IPVALUE_VERSION, currency: "JPY" };
const set = readSample().set;
const ALL: ShareChoice = { ...defaultShareChoice(set), outputs: [...SHARE_OUTPUTS] };

/** The sample with some scenarios' names or values changed. */
function variant(changes: Record<string, { name?: string; values?: Record<string, number | string> }>, base: ScenarioSet = set): ScenarioSet {
  return {
    ...base,
    scenarios: base.scenarios.map((s) => {
      const c = changes[s.name];
      return c ? { ...s, name: c.name ?? s.name, values: { ...s.values, ...c.values } } : s;
    }),
  };
}

/** Written and read back, as a spreadsheet would read the file. */
async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ExcelJS.Buffer);
  return back;
}

/** Every number in the workbook that is not finite, as "sheet!A1 = Infinity". */
function nonFinite(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  eachValue(wb, (where, v) => {
    if (typeof v === "number" && !Number.isFinite(v)) out.push(`${where} = ${v}`);
  });
  return out;
}

/** Excel's limit on the characters in a cell ("Excel specifications and limits"). */
const CELL_TEXT_LIMIT = 32_767;
// eslint-disable-next-line no-control-regex -- control characters are what these tests look for
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/;

describe("sheet names a spreadsheet keeps", () => {
  test("a tab or line feed in a scenario name (Alt+Enter) never reaches a sheet name; the formulas name the cleaned sheet; the cells keep what was typed", async () => {
    // (A cell's text keeps a tab, a line feed and U+0085; a carriage return or U+0007 no XML cell can carry.)
    const typed = { Low: "Low\tcase", Base: "Base\ncase", High: "High\u0085 \tx" };
    const named = variant({ Low: { name: typed.Low }, Base: { name: typed.Base }, High: { name: typed.High } });
    const wb = await roundTrip(buildNegotiatorWorkbook(selectShared(named, defaultShareChoice(named)), OPTIONS));
    const models = wb.worksheets.slice(2, 5).map((w) => w.name);
    expect(models).toEqual(["Model - Low case", "Model - Base case", "Model - High x"]);
    for (const name of wb.worksheets.map((w) => w.name)) expect(name).not.toMatch(CONTROL);
    // The Summary's formulas point at the sheets that exist.
    const summary = wb.getWorksheet("Summary")!;
    const referenced = new Set<string>();
    summary.eachRow((row) =>
      row.eachCell((c) => {
        if (c.type === ExcelJS.ValueType.Formula) for (const m of c.formula.matchAll(/'((?:[^']|'')+)'!/g)) referenced.add(m[1].replace(/''/g, "'"));
      })
    );
    expect([...referenced].sort()).toEqual([...models, "Reference bands"].sort());
    // The Assumptions header keeps the names exactly as typed.
    const header = wb.getWorksheet("Assumptions")!.getRow(LAYOUT.assumptions.headerRow);
    expect([4, 5, 6].map((c) => header.getCell(c).value)).toEqual([typed.Low, typed.Base, typed.High]);
    // Every other control character and line separator too: each run becomes one space.
    expect(sheetName("Model - a\r\n\u0007 b\u2028c\u0000", new Set())).toBe("Model - a b c");
  });

  test("a 31-character cut never splits an emoji (a surrogate pair), with or without the (2) suffix", () => {
    const taken = new Set<string>();
    // "Model - " (8) + 22 letters = 30 units: the 31st unit is the first half of 😀.
    const wanted = "Model - " + "x".repeat(22) + "😀 plan";
    const first = sheetName(wanted, taken);
    const second = sheetName(wanted, taken);
    for (const name of [first, second]) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(LONE_SURROGATE);
    }
    expect(first).toBe("Model - " + "x".repeat(22));
    // 31 units that fit whole; then " (2)" leaves 27, and the first emoji (units 27–28) falls whole on the far side of the cut.
    const fits = "Model - " + "x".repeat(18) + "😀😀z";
    expect(sheetName(fits, taken)).toBe(fits);
    expect(sheetName(fits, taken)).toBe("Model - " + "x".repeat(18) + " (2)");
    // A lone surrogate (a broken paste) never reaches a name either.
    expect(sheetName("Model - a\ud800b", taken)).not.toMatch(LONE_SURROGATE);
  });

  test("a cut never leaves an apostrophe (or a space) at either end; names stay unique ignoring case", () => {
    const taken = new Set<string>();
    const names = [
      sheetName("Model - " + "x".repeat(22) + "'s plan", taken), // the cut falls just after the apostrophe
      sheetName("Model - " + "x".repeat(22) + "'s plan", taken),
      sheetName(" 'quoted' ", taken),
      sheetName("MODEL - " + "X".repeat(22) + "'S PLAN", taken),
    ];
    for (const n of names) {
      expect(n).not.toMatch(/^['\s]|['\s]$/);
      expect(n.length).toBeLessThanOrEqual(31);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    // exceljs (like Excel) refuses such names outright: every one of them makes a sheet.
    const wb = new ExcelJS.Workbook();
    for (const n of names) expect(() => wb.addWorksheet(n)).not.toThrow();
  });
});

describe("no number a spreadsheet cannot store", () => {
  const longHurdle = variant({ Base: { values: { hurdle_rate: -0.999, years: MAX_YEARS, term_years: MAX_YEARS } } });

  test("a hurdle rate of −99.9% over 200 years is refused with the scenario's name and the reason, in English and Japanese", () => {
    expect.assertions(6);
    try {
      buildNegotiatorWorkbook(selectShared(longHurdle, ALL), OPTIONS);
    } catch (e) {
      expect(e).toBeInstanceOf(ShareError);
      const { reason } = e as ShareError;
      expect(reason.en).toContain('"Base"');
      expect(reason.en).toMatch(/hurdle rate/);
      expect(reason.ja).toContain("「Base」");
      expect(reason.ja).toMatch(/ハードルレート/);
    }
    // Without the walk-away rate (the only results that discount at the hurdle rate), the same scenario is written, every number finite.
    const without: ShareChoice = { ...ALL, outputs: ALL.outputs.filter((o) => o !== "maxrate" && o !== "value_maxrate" && o !== "licensee_npv") };
    const wb = buildNegotiatorWorkbook(selectShared(longHurdle, without), OPTIONS);
    expect(nonFinite(wb)).toEqual([]);
  });

  test.each([
    ["a discount rate of −99.9% over 200 years", { discount_rate: -0.999, years: MAX_YEARS, term_years: MAX_YEARS }, /discount/i],
    ["a market growth of 10,000% a year over 200 years", { market_growth: 100, years: MAX_YEARS, term_years: MAX_YEARS }, /market/i],
  ])("%s: refused the same way (the pane's error path), not a bare engine error", (_, values, words) => {
    const broken = variant({ High: { values } });
    expect.assertions(4);
    try {
      buildNegotiatorWorkbook(selectShared(broken, ALL), { ...OPTIONS, language: "ja" });
    } catch (e) {
      expect(e).toBeInstanceOf(ShareError);
      expect((e as ShareError).reason.en).toContain('"High"');
      expect((e as ShareError).reason.en).toMatch(words);
      expect((e as ShareError).reason.ja).toContain("「High」");
    }
  });

  test("a number the pane hands over that is not finite (an offer of 1e309) is refused, never written as Infinity", () => {
    const huge: ScenarioSet = { ...set, decisions: { ...set.decisions, offer: { value: Number("1e309"), internal: false } } };
    expect(() => buildNegotiatorWorkbook(selectShared(huge, defaultShareChoice(huge)), OPTIONS)).toThrow(ShareError);
  });

  test("the sample, every output, both languages: no non-finite number in any cell, read back from the file", async () => {
    for (const language of ["en", "ja"] as const) {
      expect(nonFinite(await roundTrip(buildNegotiatorWorkbook(selectShared(set, ALL), { ...OPTIONS, language })))).toEqual([]);
    }
  });
});

describe("committee notes beyond Excel's cell limit", () => {
  test("notes longer than 32,767 characters are split over cells, every character kept, none split inside an emoji", async () => {
    const paragraph = "The licensee's CFO hinted at 4.5% if the upfront fee stays small.\n";
    // No break near the limit, and a surrogate pair straddling it: the cut must step back one unit.
    const notes = "x".repeat(CELL_TEXT_LIMIT - 1) + "😀" + paragraph.repeat(600) + "y".repeat(40_000) + "end";
    const withNotes: ScenarioSet = { ...set, decisions: { ...set.decisions, notes: { text: notes, internal: false } } };
    const wb = await roundTrip(buildNegotiatorWorkbook(selectShared(withNotes, { ...defaultShareChoice(withNotes), decisions: ["offer", "notes"] }), OPTIONS));
    const ws = wb.getWorksheet("Notes")!;
    const cells: { a: unknown; b: string }[] = [];
    ws.eachRow((row) => {
      const b = row.getCell(2).value;
      if (typeof b === "string") cells.push({ a: row.getCell(1).value, b });
    });
    for (const c of cells) {
      expect(c.b.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
      expect(c.b).not.toMatch(LONE_SURROGATE);
    }
    const start = cells.findIndex((c) => c.b.length > 0 && notes.startsWith(c.b));
    expect(start).toBeGreaterThan(0);
    const parts: string[] = [];
    for (let i = start, length = 0; i < cells.length && length < notes.length; i++) {
      parts.push(cells[i].b);
      length += cells[i].b.length;
    }
    expect(parts.join("")).toBe(notes);
    expect(parts.length).toBeGreaterThanOrEqual(Math.ceil(notes.length / CELL_TEXT_LIMIT));
    // Each part says which part it is, so that a reader knows to read on.
    expect(cells.slice(start, start + parts.length).map((c) => c.a)).toEqual(parts.map((_, i) => `Notes (part ${i + 1} of ${parts.length})`));
  });
});

describe("model sheets as long as the Assumptions sheet allows", () => {
  const content = selectShared(set, ALL);
  const wb = buildNegotiatorWorkbook(content, OPTIONS);

  test("every model sheet has MAX_YEARS (200) year rows; rows beyond the scenario's years cache zero; every span covers them all", () => {
    const L = LAYOUT.model;
    const lastRow = L.firstYearRow + MAX_YEARS - 1;
    content.scenarios.forEach((s, i) => {
      const ws = wb.worksheets[2 + i];
      const m = runScenario(s.assumptions);
      expect(ws.getCell(lastRow, 1).value).toBe(MAX_YEARS);
      expect(ws.getCell(lastRow + 1, 1).value).toBeNull();
      for (let y = s.assumptions.years; y < MAX_YEARS; y++) {
        const row = ws.getRow(L.firstYearRow + y);
        expect(row.getCell(1).value).toBe(y + 1);
        for (let c = 2; c <= ws.columnCount; c++) {
          if (row.getCell(c).type === ExcelJS.ValueType.Formula) expect(row.getCell(c).result).toBe(0);
        }
      }
      expect(ws.getCell(L.firstYearRow + s.assumptions.years - 1, 5).result).toBe(m.royalty[s.assumptions.years - 1]);
      for (let j = 0; j < content.outputs.length; j++) {
        const f = ws.getCell(L.firstResultRow + j, 2).formula;
        for (const span of f.matchAll(/([A-Z]+)(\d+):([A-Z]+)(\d+)/g)) expect([Number(span[2]), Number(span[4])]).toEqual([L.firstYearRow, lastRow]);
      }
    });
  });

  test("the Assumptions sheet allows years, launch year and royalty term up to MAX_YEARS, no further", () => {
    const ws = wb.getWorksheet("Assumptions")!;
    for (const key of ["years", "term_years", "launch_year"]) {
      const r =
        LAYOUT.assumptions.firstKeyRow + ["market_size", "market_growth", "peak_share", "years_to_peak", "launch_year", "years", "term_years"].indexOf(key);
      expect(ws.getCell(r, 1).value).toBe(key);
      expect(ws.getCell(r, LAYOUT.assumptions.firstScenarioColumn).dataValidation).toMatchObject({ type: "whole", formulae: [1, MAX_YEARS] });
    }
  });
});
