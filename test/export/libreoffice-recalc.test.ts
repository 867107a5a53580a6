/**
 * The negotiator workbook recalculates anywhere: LibreOffice Calc (../shared/tools/lo-recalc.sh)
 * recalculates the demo workbook (`npm run demo`'s script, English and Japanese) and every formula's
 * value must equal the engine's value for the same scenario to 1e-9 relative, with no error value
 * anywhere. To prove the recalculation happened, a copy of each file has every cached result
 * replaced by a placeholder first; none may survive. Then one input is changed with exceljs (the Base
 * scenario's royalty rate), the file recalculated again, and the results must move as the engine
 * predicts for the changed assumptions while the other scenarios stay put.
 *
 * The English demo, recalculated, is also rendered to PDF and its first two pages (Summary,
 * Assumptions) to docs/images/negotiator-demo-1.png and -2.png for the README.
 *
 * Needs LibreOffice (soffice) and pdftoppm: without them this test fails, in CI and elsewhere; it
 * never skips (`npm test` installs them on Debian, see scripts/system-deps.js).
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { ASSUMPTION_KEYS, AssumptionKey, Assumptions, Output, runScenario, scenarioOutput, valuationRange } from "../../src/engine";
import { buildNegotiatorWorkbook, LAYOUT } from "../../src/export/negotiator";
import { IPVALUE_VERSION } from "../../src/export/version";
import { defaultShareChoice, selectShared, SharedContent, SHARE_OUTPUTS } from "../../src/export/share";
import type { ScenarioSet } from "../../src/model/scenario-set";
import { readSample, ROOT, runDemo } from "./demo";

const RECALC = path.resolve(ROOT, "../shared/tools/lo-recalc.sh");
const IMAGES = path.join(ROOT, "docs", "images");
const PLACEHOLDER = -987654.321;
const TOLERANCE = 1e-9;

const onPath = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;

function recalc(inputs: string[], outDir: string): void {
  try {
    execFileSync("bash", [RECALC, ...inputs, outDir], { stdio: "pipe", timeout: 170_000 });
  } catch (e) {
    const err = e as { status?: number; stderr?: Buffer };
    throw new Error(`lo-recalc.sh failed (exit ${err.status}): ${err.stderr?.toString() ?? e}`, { cause: e });
  }
  for (const input of inputs) {
    const out = path.join(outDir, path.basename(input));
    if (!fs.existsSync(out)) throw new Error(`LibreOffice wrote no ${out}`);
  }
}

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

interface FormulaCell {
  sheet: string;
  address: string;
  formula: string;
  cached: unknown;
}

function formulaCells(wb: ExcelJS.Workbook): FormulaCell[] {
  const out: FormulaCell[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) out.push({ sheet: ws.name, address: cell.address, formula: cell.formula, cached: cell.result });
      })
    )
  );
  return out;
}

/** Every value in the workbook that is an error (#NAME?, #VALUE!, #REF! …), as "sheet!A1 = #…". */
function errorValues(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
        const isError = (x: unknown) => (typeof x === "object" && x !== null && "error" in x) || (typeof x === "string" && /^#[A-Z/0!?]+[!?]?$/.test(x));
        if (isError(v) || (cell.type === ExcelJS.ValueType.Formula && v === undefined)) out.push(`${ws.name}!${cell.address} = ${JSON.stringify(v)}`);
      })
    )
  );
  return out;
}

const relativeError = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

interface Comparison {
  where: string;
  expected: unknown;
  actual: unknown;
  rel: number;
  ok: boolean;
}

function compare(where: string, expected: unknown, actual: unknown): Comparison {
  if (typeof expected === "number" && typeof actual === "number") {
    const rel = relativeError(expected, actual);
    return { where, expected, actual, rel, ok: rel <= TOLERANCE };
  }
  return { where, expected, actual, rel: expected === actual ? 0 : Infinity, ok: expected === actual };
}

const failures = (cs: Comparison[]) =>
  cs
    .filter((c) => !c.ok)
    .slice(0, 10)
    .map((c) => `${c.where}: expected ${JSON.stringify(c.expected)}, LibreOffice ${JSON.stringify(c.actual)}`);

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
    for (let y = 0; y < m.assumptions.years; y++) {
      series.forEach((s, k) => expected.set(`${ws.name}!${String.fromCharCode(66 + k)}${L.firstYearRow + y}`, s[y]));
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

describe("the negotiator workbook recalculated by LibreOffice", () => {
  const sample = readSample();
  const content = selectShared(sample.set, defaultShareChoice(sample.set));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ipvalue-lo-"));
  const built: Record<string, { file: string; cells: FormulaCell[]; wb: ExcelJS.Workbook }> = {};
  const back: Record<string, ExcelJS.Workbook> = {};
  let changed: ExcelJS.Workbook;
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
      for (const ws of wb.worksheets) {
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.type === ExcelJS.ValueType.Formula) cell.value = { formula: cell.formula, result: PLACEHOLDER } as ExcelJS.CellFormulaValue;
          })
        );
      }
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
    const out2 = path.join(dir, "recalculated-edit");
    t0 = Date.now();
    recalc([editedFile], out2);
    summary.recalc_edit_ms = Date.now() - t0;
    changed = await read(path.join(out2, "edited.xlsx"));

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
    const assumptionsOf = (i: number): Assumptions =>
      i === baseIndex ? { ...content.scenarios[i].assumptions, royalty_rate: NEW_RATE } : content.scenarios[i].assumptions;
    const expected = engineValues(built.en.wb, content, assumptionsOf);
    const results = [...expected].map(([where, v]) => {
      const [sheet, address] = where.split("!");
      return compare(`edited ${where}`, v, changed.getWorksheet(sheet)!.getCell(address).result);
    });
    expect(failures(results)).toEqual([]);
    expect(errorValues(changed)).toEqual([]);

    // Every formula cell equals what the builder (the engine) writes for the changed set.
    const changedSet = {
      ...sample.set,
      scenarios: sample.set.scenarios.map((s) => (s.name === "Base" ? { ...s, values: { ...s.values, royalty_rate: NEW_RATE } } : s)),
    };
    const rebuilt = buildNegotiatorWorkbook(selectShared(changedSet, defaultShareChoice(changedSet)), OPTIONS);
    const all = formulaCells(rebuilt).map((c) => compare(`edited ${c.sheet}!${c.address}`, c.cached, changed.getWorksheet(c.sheet)!.getCell(c.address).result));
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
    console.log(`Negotiator workbook recalculated by LibreOffice (${dir}):\n${JSON.stringify(summary, null, 2)}`);
  });

  test("the README pictures of the demo were rendered", () => {
    for (const page of [1, 2]) {
      const png = path.join(IMAGES, `negotiator-demo-${page}.png`);
      expect(fs.existsSync(png)).toBe(true);
      expect(fs.statSync(png).size).toBeGreaterThan(10_000);
    }
  });
});
