/**
 * The negotiator workbook recalculates anywhere: LibreOffice Calc (../shared/tools/lo-recalc.sh)
 * recalculates the demo workbook (`npm run demo`'s script, English and Japanese) and every formula's
 * value must equal the engine's value for the same scenario to 1e-9 relative, with no error value
 * anywhere. To prove the recalculation happened, a copy of each file has every cached result
 * replaced by a placeholder first; none may survive. Then one input is changed with exceljs (the Base
 * scenario's royalty rate), the file recalculated again, and the results must move as the engine
 * predicts for the changed assumptions while the other scenarios stay put. A negotiator's first
 * what-if, a longer term: `years` (and `term_years`) raised on the Assumptions sheet from 12 to 15 and
 * to 30 recalculate to the engine's values for 15 and 30 years (the model sheets have a row for every
 * year the Assumptions sheet allows). Scenario names with a tab and a line feed (Alt+Enter in a header
 * cell) keep their sheets: LibreOffice renames none and no formula ends at #NAME?.
 *
 * The English demo, recalculated, is also rendered to PDF and its first two pages (Summary,
 * Assumptions) to docs/images/negotiator-demo-1.png and -2.png for the README.
 *
 * Needs LibreOffice (soffice) and pdftoppm: without them this test fails, in CI and elsewhere; it
 * never skips (`npm test` installs them on Debian, see scripts/system-deps.js).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import {
  ASSUMPTION_KEYS,
  AssumptionKey,
  Assumptions,
  MAX_YEARS,
  Output,
  RawValue,
  resolveAssumptions,
  runScenario,
  scenarioOutput,
  valuationRange,
} from "../../src/engine";
import { buildNegotiatorWorkbook, LAYOUT } from "../../src/export/negotiator";
import { IPVALUE_VERSION } from "../../src/export/version";
import { defaultShareChoice, selectShared, SharedContent, SHARE_OUTPUTS } from "../../src/export/share";
import type { ScenarioSet } from "../../src/model/scenario-set";
import { readSample, ROOT, runDemo } from "./demo";
import {
  compare,
  errorValues,
  failures,
  footballField,
  FormulaCell,
  formulaCells,
  onPath,
  PLACEHOLDER,
  read,
  RECALC,
  recalc,
  relativeError,
  TOLERANCE,
  valueAt,
  withPlaceholders,
} from "./recalc";

const IMAGES = path.join(ROOT, "docs", "images");

/** The engine's values for the cells of a workbook built from `content`, by "sheet!address". */
function engineValues(wb: ExcelJS.Workbook, content: SharedContent, assumptionsOf: (i: number) => Assumptions): Map<string, number | string> {
  const expected = new Map<string, number | string>();
  const L = LAYOUT.model;
  const models = content.scenarios.map((_, i) => runScenario(assumptionsOf(i)));
  const modelSheets = wb.worksheets.slice(2, 2 + content.scenarios.length);
  modelSheets.forEach((ws, i) => {
    const m = models[i];
    content.outputs.forEach((o, j) => {
      expect(ws.getCell(L.firstResultRow + j, 3).value).toBe(o);
      expected.set(`${ws.name}!B${L.firstResultRow + j}`, scenarioOutput(m, o));
    });
    const series = [m.market, m.share, m.sales, m.royalty, m.discountFactor, m.presentValue];
    // Every row the Assumptions sheet allows: the scenario's years, then zeros.
    for (let y = 0; y < MAX_YEARS; y++) {
      series.forEach((s, k) => expected.set(`${ws.name}!${String.fromCharCode(66 + k)}${L.firstYearRow + y}`, y < m.assumptions.years ? s![y] : 0));
    }
  });
  // The summary's range rows (found by their key in column E) against the engine's range.
  const summary = wb.worksheets[0];
  const range = valuationRange(
    content.scenarios.map((s, i) => ({ name: s.name, assumptions: assumptionsOf(i), internal: false })),
    content.outputs
  );
  summary.eachRow((row, r) => {
    const key = row.getCell(5).value;
    const at = range.find((x) => x.output === key);
    if (!at) return;
    expected.set(`${summary.name}!B${r}`, at.low);
    expected.set(`${summary.name}!C${r}`, at.base);
    expected.set(`${summary.name}!D${r}`, at.high);
  });
  return expected;
}

const OPTIONS = { language: "en" as const, date: new Date(2025, 10, 23), version: IPVALUE_VERSION, currency: "JPY" };

/** The sample with one scenario's values changed. */
function variant(changes: Record<string, Partial<Record<AssumptionKey, number | string>>>): ScenarioSet {
  const set = readSample().set;
  return { ...set, scenarios: set.scenarios.map((s) => (changes[s.name] ? { ...s, values: { ...s.values, ...changes[s.name] } } : s)) };
}

const VARIANTS: Record<string, ScenarioSet> = {
  "all-outputs": variant({
    Low: { timing: "end", term_years: 9, annual_minimum: 20_000_000 },
    High: { timing: "begin", launch_year: 4, years_to_peak: 0 },
  }),
  "no-answer": variant({ Low: { operating_margin: -0.05 }, High: { investment: 0, upfront: 0, years_to_peak: 2.5 } }),
};

/** Scenario names typed with Alt+Enter or pasted with a tab. */
const CONTROL_NAMES: Record<string, string> = { Low: "Low\tcase", Base: "Base\ncase", High: "High\u2028x" };

/** The longer terms a negotiator tries on the Assumptions sheet of the all-outputs workbook: [years, term_years]. */
const LONGER: Record<string, [number, number]> = { "years-15": [15, 15], "years-30": [30, 30], "years-30-term-12": [30, 12] };
const YEARS_ROW = LAYOUT.assumptions.firstKeyRow + ASSUMPTION_KEYS.indexOf("years");
const TERM_ROW = LAYOUT.assumptions.firstKeyRow + ASSUMPTION_KEYS.indexOf("term_years");
const CLAIMS_ROW = LAYOUT.assumptions.firstKeyRow + ASSUMPTION_KEYS.indexOf("claims_expire_year");

describe("the negotiator workbook recalculated by LibreOffice", () => {
  const sample = readSample();
  const content = selectShared(sample.set, defaultShareChoice(sample.set));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ipvalue-lo-"));
  const built: Record<string, { file: string; cells: FormulaCell[]; wb: ExcelJS.Workbook }> = {};
  const back: Record<string, ExcelJS.Workbook> = {};
  let changed: ExcelJS.Workbook;
  const longer: Record<string, ExcelJS.Workbook> = {};
  const allContent = selectShared(sample.set, { ...defaultShareChoice(sample.set), outputs: [...SHARE_OUTPUTS] });
  const allWorkbook = buildNegotiatorWorkbook(allContent, OPTIONS);
  const summary: Record<string, unknown> = {};
  const ROYALTY_ROW = LAYOUT.assumptions.firstKeyRow + ASSUMPTION_KEYS.indexOf("royalty_rate");
  const NEW_RATE = 0.045;

  beforeAll(async () => {
    if (!onPath("soffice")) {
      throw new Error(
        "LibreOffice is not installed: 'soffice' is not on PATH. This test needs it and fails rather than skips: apt-get install -y --no-install-recommends libreoffice-calc"
      );
    }
    if (!onPath("pdftoppm")) throw new Error("pdftoppm is not installed: apt-get install -y --no-install-recommends poppler-utils");
    if (!fs.existsSync(RECALC)) throw new Error(`The recalculation script is missing: ${RECALC}`);

    // The demo, as `npm run demo` writes it, in both languages; and copies with every cached result wrong.
    const inputs: string[] = [];
    for (const language of ["en", "ja"] as const) {
      const file = path.join(dir, `demo-${language}.xlsx`);
      runDemo(file, language);
      const wb = await read(file);
      built[language] = { file, cells: formulaCells(wb), wb };
      withPlaceholders(wb);
      const blanked = path.join(dir, `placeholder-${language}.xlsx`);
      await wb.xlsx.writeFile(blanked);
      inputs.push(file, blanked);
    }
    // Every output (the value-at-rate columns too), other timings, a royalty term shorter than the
    // model, a minimum royalty that binds, and a loss-making margin whose 25%-rule rate has no answer.
    for (const [name, variant] of Object.entries(VARIANTS)) {
      const wb = buildNegotiatorWorkbook(selectShared(variant, { ...defaultShareChoice(variant), outputs: [...SHARE_OUTPUTS] }), {
        ...OPTIONS,
        language: "en",
      });
      const file = path.join(dir, `${name}.xlsx`);
      await wb.xlsx.writeFile(file);
      built[name] = { file, cells: formulaCells(await read(file)), wb };
      inputs.push(file);
    }
    {
      const named = { ...sample.set, scenarios: sample.set.scenarios.map((s) => ({ ...s, name: CONTROL_NAMES[s.name] ?? s.name })) };
      const wb = buildNegotiatorWorkbook(selectShared(named, defaultShareChoice(named)), OPTIONS);
      const file = path.join(dir, "control-names.xlsx");
      await wb.xlsx.writeFile(file);
      built["control-names"] = { file, cells: formulaCells(await read(file)), wb };
      inputs.push(file);
    }
    const out1 = path.join(dir, "recalculated");
    let t0 = Date.now();
    recalc(inputs, out1);
    summary.recalc_ms = Date.now() - t0;
    for (const f of inputs) back[path.basename(f, ".xlsx")] = await read(path.join(out1, path.basename(f)));

    // One input changed by a negotiator: the Base scenario's royalty rate, 3% → 4.5%.
    const edited = await read(built.en.file);
    const assumptions = edited.worksheets[1];
    const baseColumn = LAYOUT.assumptions.firstScenarioColumn + content.scenarios.findIndex((s) => s.name === "Base");
    expect(assumptions.getCell(ROYALTY_ROW, 1).value).toBe("royalty_rate");
    expect(assumptions.getCell(ROYALTY_ROW, baseColumn).value).toBe(0.03);
    assumptions.getCell(ROYALTY_ROW, baseColumn).value = NEW_RATE;
    const editedFile = path.join(dir, "edited.xlsx");
    await edited.xlsx.writeFile(editedFile);
    // A longer term, typed on the Assumptions sheet of the all-outputs workbook for every scenario.
    const allFile = path.join(dir, "all.xlsx");
    await allWorkbook.xlsx.writeFile(allFile);
    const longerFiles: string[] = [];
    for (const [name, [years, term]] of Object.entries(LONGER)) {
      const wb = await read(allFile);
      const ws = wb.worksheets[1];
      expect([YEARS_ROW, TERM_ROW, CLAIMS_ROW].map((r) => ws.getCell(r, 1).value)).toEqual(["years", "term_years", "claims_expire_year"]);
      allContent.scenarios.forEach((s, j) => {
        const column = LAYOUT.assumptions.firstScenarioColumn + j;
        expect([YEARS_ROW, TERM_ROW].map((r) => ws.getCell(r, column).value)).toEqual([12, 12]);
        // The claims' last year was left blank: it is the term's cell, and follows the term typed here.
        expect(ws.getCell(CLAIMS_ROW, column).value).toEqual({ formula: ws.getCell(TERM_ROW, column).address, result: 12 });
        ws.getCell(YEARS_ROW, column).value = years;
        ws.getCell(TERM_ROW, column).value = term;
      });
      const file = path.join(dir, `${name}.xlsx`);
      await wb.xlsx.writeFile(file);
      longerFiles.push(file);
    }
    const out2 = path.join(dir, "recalculated-edit");
    t0 = Date.now();
    recalc([editedFile, ...longerFiles], out2);
    summary.recalc_edit_ms = Date.now() - t0;
    changed = await read(path.join(out2, "edited.xlsx"));
    for (const name of Object.keys(LONGER)) longer[name] = await read(path.join(out2, `${name}.xlsx`));

    // A picture of the English demo as LibreOffice renders it, for the README.
    const pdfDir = path.join(dir, "pdf");
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), "ipvalue-lo-profile-"));
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", pdfDir, path.join(out1, "demo-en.xlsx")],
      { stdio: "pipe", timeout: 120_000 }
    );
    fs.rmSync(profile, { recursive: true, force: true });
    fs.mkdirSync(IMAGES, { recursive: true });
    for (const page of [1, 2]) {
      const args = [
        "-png",
        "-r",
        "80",
        "-f",
        String(page),
        "-l",
        String(page),
        "-singlefile",
        path.join(pdfDir, "demo-en.pdf"),
        path.join(IMAGES, `negotiator-demo-${page}`),
      ];
      execFileSync("pdftoppm", args, { stdio: "pipe" });
    }
  }, 300_000);

  afterAll(() => console.log(`Negotiator workbook recalculated by LibreOffice (${dir}):\n${JSON.stringify(summary, null, 2)}`));

  test.each(["en", "ja"])("the %s demo: every formula cell, recalculated, equals the engine's value to 1e-9 relative", (language) => {
    const { cells } = built[language];
    expect(cells.length).toBeGreaterThan(400);
    for (const name of [`demo-${language}`, `placeholder-${language}`]) {
      const wb = back[name];
      const results = cells.map((c) =>
        compare(`${name} ${c.sheet}!${c.address} (${c.formula.slice(0, 60)})`, c.cached, wb.getWorksheet(c.sheet)!.getCell(c.address).result)
      );
      expect(failures(results)).toEqual([]);
      const worst = Math.max(...results.map((r) => r.rel));
      summary[`${name}_cells`] = results.length;
      summary[`${name}_max_rel`] = worst;
    }
  });

  test.each(["en", "ja"])("the %s demo: LibreOffice really recalculated (no placeholder survived) and the cached values are the engine's", (language) => {
    const wb = back[`placeholder-${language}`];
    const left = built[language].cells.filter((c) => wb.getWorksheet(c.sheet)!.getCell(c.address).result === PLACEHOLDER);
    expect(left.map((c) => `${c.sheet}!${c.address}`)).toEqual([]);
    // The cache the builder wrote is the engine's, computed here independently for the model sheets and the range.
    const expected = engineValues(built[language].wb, content, (i) => content.scenarios[i].assumptions);
    expect(expected.size).toBeGreaterThan(3 * 12 * 6);
    const results = [...expected].map(([where, v]) => {
      const [sheet, address] = where.split("!");
      return compare(`${language} ${where}`, v, wb.getWorksheet(sheet)!.getCell(address).result);
    });
    expect(failures(results)).toEqual([]);
  });

  test.each(Object.keys(VARIANTS))(
    "%s: every output's formulas (value-at-rate columns, other timings, no-answer cases) recalculate to the engine's values",
    (name) => {
      const { cells } = built[name];
      const wb = back[name];
      const results = cells.map((c) =>
        compare(`${name} ${c.sheet}!${c.address} (${c.formula.slice(0, 60)})`, c.cached, wb.getWorksheet(c.sheet)!.getCell(c.address).result)
      );
      expect(cells.length).toBeGreaterThan(500);
      expect(failures(results)).toEqual([]);
      expect(errorValues(wb)).toEqual([]);
      summary[`${name}_cells`] = results.length;
      summary[`${name}_max_rel`] = Math.max(...results.map((r) => r.rel).filter((r) => Number.isFinite(r)));
      if (name === "no-answer") expect(results.filter((r) => r.actual === "n/a").length).toBeGreaterThanOrEqual(4);
    }
  );

  test.each(["demo-en", "placeholder-en", "demo-ja", "placeholder-ja"])("%s: no error value anywhere after recalculation", (name) => {
    expect(errorValues(back[name])).toEqual([]);
  });

  test("a negotiator changes the Base royalty rate to 4.5%: the results move as the engine predicts, the others stay", () => {
    const baseIndex = content.scenarios.findIndex((s) => s.name === "Base");
    // The engine on the values as edited: the tier rates, left blank, follow the royalty rate there as on the sheet.
    const raw = (i: number) => sample.set.scenarios.find((s) => s.name === content.scenarios[i].name)!.values as Partial<Record<AssumptionKey, RawValue>>;
    const assumptionsOf = (i: number): Assumptions =>
      i === baseIndex ? resolveAssumptions({ ...raw(i), royalty_rate: NEW_RATE }, "Base") : content.scenarios[i].assumptions;
    const expected = engineValues(built.en.wb, content, assumptionsOf);
    const results = [...expected].map(([where, v]) => {
      const [sheet, address] = where.split("!");
      return compare(`edited ${where}`, v, changed.getWorksheet(sheet)!.getCell(address).result);
    });
    expect(failures(results)).toEqual([]);
    expect(errorValues(changed)).toEqual([]);

    // Every formula cell equals what the builder (the engine) writes for the sheet as changed; the tier rates
    // follow the royalty rate (4.5%), as the engine's defaults do.
    expect(assumptionsOf(baseIndex).tier_1_rate).toBe(NEW_RATE);
    const changedContent = { ...content, scenarios: content.scenarios.map((s, i) => ({ ...s, assumptions: assumptionsOf(i) })) };
    const rebuilt = buildNegotiatorWorkbook(changedContent, OPTIONS);
    const field = footballField(built.en.wb);
    expect(field.failures("edited", changed)).toEqual([]);
    const all = formulaCells(rebuilt).map((c) =>
      field.isField(c)
        ? compare(`edited ${c.sheet}!${c.address}`, 0, 0)
        : compare(`edited ${c.sheet}!${c.address}`, c.cached, valueAt(changed, c.sheet, c.address))
    );
    expect(all.length).toBe(built.en.cells.length);
    expect(failures(all)).toEqual([]);
    summary.edit_all_cells = all.length;
    summary.edit_max_rel = Math.max(...all.map((c) => c.rel));
    const moved = all.filter((c, i) => {
      const cell = built.en.cells[i];
      const before = back["demo-en"].getWorksheet(cell.sheet)!.getCell(cell.address).result;
      return typeof c.actual === "number" && typeof before === "number" ? relativeError(c.actual, before) > TOLERANCE : c.actual !== before;
    });
    expect(moved.length).toBeGreaterThan(20);
    summary.edit_cells_that_moved = moved.length;

    // It did move: the Base model's rnpv and npv are higher than before, and by what the engine says.
    const before = runScenario(content.scenarios[baseIndex].assumptions);
    const after = runScenario(assumptionsOf(baseIndex));
    const baseSheet = built.en.wb.worksheets[2 + baseIndex].name;
    const row = (o: Output) => LAYOUT.model.firstResultRow + content.outputs.indexOf(o);
    for (const o of ["rnpv", "npv"] as Output[]) {
      const lo = changed.getWorksheet(baseSheet)!.getCell(`B${row(o)}`).result as number;
      expect(lo).toBeGreaterThan(scenarioOutput(before, o) * 1.3);
      expect(relativeError(lo, scenarioOutput(after, o))).toBeLessThanOrEqual(TOLERANCE);
    }
    // The other scenarios' model sheets did not move.
    const lowSheet = built.en.wb.worksheets[2].name;
    expect(changed.getWorksheet(lowSheet)!.getCell(`B${row("rnpv")}`).result).toBe(back["demo-en"].getWorksheet(lowSheet)!.getCell(`B${row("rnpv")}`).result);
    summary.edit_compared = results.length;
  });

  test("scenario names with a tab and a line feed: LibreOffice keeps every sheet's name, and every formula recalculates to the engine's value", () => {
    const { cells, wb } = built["control-names"];
    const recalculated = back["control-names"];
    expect(recalculated.worksheets.map((w) => w.name)).toEqual(wb.worksheets.map((w) => w.name));
    expect(wb.worksheets.slice(2, 5).map((w) => w.name)).toEqual(["Model - Low case", "Model - Base case", "Model - High x"]);
    const results = cells.map((c) =>
      compare(`control-names ${c.sheet}!${c.address} (${c.formula.slice(0, 60)})`, c.cached, recalculated.getWorksheet(c.sheet)?.getCell(c.address).result)
    );
    expect(failures(results)).toEqual([]);
    expect(errorValues(recalculated)).toEqual([]);
    // The names stay as typed where they are text: the Assumptions header keeps the tab, the line feed and U+2028.
    const header = recalculated.worksheets[1].getRow(LAYOUT.assumptions.headerRow);
    expect([4, 5, 6].map((c) => header.getCell(c).value)).toEqual(["Low", "Base", "High"].map((n) => CONTROL_NAMES[n]));
  });

  test.each(Object.keys(LONGER))(
    "%s: a longer term typed on the Assumptions sheet recalculates to the engine's values for that term (1e-9 relative)",
    (name) => {
      const [years, term] = LONGER[name];
      const wb = longer[name];
      // claims_expire_year, left blank, follows term_years on the sheet as in the engine.
      const raw = (i: number) => sample.set.scenarios.find((s) => s.name === allContent.scenarios[i].name)!.values as Partial<Record<AssumptionKey, RawValue>>;
      const assumptionsOf = (i: number): Assumptions => resolveAssumptions({ ...raw(i), years, term_years: term }, allContent.scenarios[i].name);
      // The model sheets' results, their year rows (to MAX_YEARS) and the summary's range, against the engine.
      const expected = engineValues(allWorkbook, allContent, assumptionsOf);
      const results = [...expected].map(([where, v]) => {
        const [sheet, address] = where.split("!");
        return compare(`${name} ${where}`, v, wb.getWorksheet(sheet)!.getCell(address).result);
      });
      expect(results.length).toBeGreaterThan(3 * MAX_YEARS * 6);
      expect(failures(results)).toEqual([]);
      expect(errorValues(wb)).toEqual([]);
      // Every formula cell equals what the builder caches for a set valued with that term from the start.
      const longerSet = {
        ...sample.set,
        scenarios: sample.set.scenarios.map((s) => ({ ...s, values: { ...s.values, years, term_years: term } })),
      };
      const rebuilt = buildNegotiatorWorkbook(selectShared(longerSet, { ...defaultShareChoice(longerSet), outputs: [...SHARE_OUTPUTS] }), OPTIONS);
      expect(formulaCells(rebuilt).length).toBe(formulaCells(allWorkbook).length);
      // The football field's cells clip at the axis written with the file: checked against their definition.
      const field = footballField(allWorkbook);
      expect(field.rows.length).toBeGreaterThanOrEqual(4);
      expect(field.failures(name, wb)).toEqual([]);
      const all = formulaCells(rebuilt)
        .filter((c) => !field.isField(c))
        .map((c) => compare(`${name} ${c.sheet}!${c.address} (${c.formula.slice(0, 60)})`, c.cached, valueAt(wb, c.sheet, c.address)));
      expect(failures(all)).toEqual([]);
      // The answer did change: the Base walk-away rate (over every year modelled) and, with the royalty
      // term raised too, the rNPV over the longer term are not the 12-year ones.
      const base = allContent.scenarios.findIndex((s) => s.name === "Base");
      for (const o of term > 12 ? (["maxrate", "rnpv"] as Output[]) : (["maxrate"] as Output[])) {
        const value = (a: Assumptions) => scenarioOutput(runScenario(a), o);
        const got = wb.worksheets[2 + base].getCell(`B${LAYOUT.model.firstResultRow + allContent.outputs.indexOf(o)}`).result as number;
        expect(relativeError(got, value(allContent.scenarios[base].assumptions))).toBeGreaterThan(0.01);
        expect(relativeError(got, value(assumptionsOf(base)))).toBeLessThanOrEqual(TOLERANCE);
      }
      summary[`${name}_compared`] = results.length + all.length;
      summary[`${name}_max_rel`] = Math.max(...all.map((c) => c.rel).filter((r) => Number.isFinite(r)), ...results.map((c) => c.rel));
    }
  );

  test("the README pictures of the demo were rendered", () => {
    for (const page of [1, 2]) {
      const png = path.join(IMAGES, `negotiator-demo-${page}.png`);
      expect(fs.existsSync(png)).toBe(true);
      expect(fs.statSync(png).size).toBeGreaterThan(10_000);
    }
  });
});
