/**
 * The deal terms in the negotiator workbook, recalculated by LibreOffice (../shared/tools/lo-recalc.sh):
 * shared scenarios that use every deal term (two-tier marginal royalties, a post-expiry rate after the
 * claims expire before the royalty term ends, a creditable annual fee and another that is due only
 * until sales and not creditable, milestones in fractional years with probabilities, sublicense
 * income, equity with dilution, a success fee and an exit probability, patent costs repaid over 3
 * years and over more years than modelled, a co-owned patent, mid-year and end-of-year timing), with
 * every output. Each copy has its cached results replaced by a placeholder first, so every value read
 * back is LibreOffice's. Every formula cell must equal the engine's value to 1e-9 relative: the results
 * against scenarioOutput, the yearly columns against the engine's series, the valued lump sums against
 * deal-terms.ts. Then a negotiator edits deal terms on the Assumptions sheet (a post-expiry rate, a
 * tier rate, a flag, a blank threshold filled in) and LibreOffice's results follow the engine's for the
 * changed terms.
 *
 * Needs LibreOffice (soffice): without it this test fails; it never skips.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { ASSUMPTION_KEYS, AssumptionKey, MAX_YEARS, Output, RawValue, resolveAssumptions, runScenario, scenarioOutput } from "../../src/engine";
import { buildNegotiatorWorkbook, LAYOUT } from "../../src/export/negotiator";
import { defaultShareChoice, selectShared, SharedContent, SHARE_OUTPUTS } from "../../src/export/share";
import { IPVALUE_VERSION } from "../../src/export/version";
import type { ScenarioSet } from "../../src/model/scenario-set";
import { readSample } from "./demo";
import { base, EVERY_TERM, UNTIL_SALES, Values } from "./deal-terms";
import { engineValues } from "./engine-values";
import { compare, errorValues, failures, formulaCells, onPath, PLACEHOLDER, read, RECALC, recalc, relativeError, TOLERANCE, withPlaceholders } from "./recalc";
// What a cell shows: a formula's result, or the value a negotiator typed over it.
import { footballField, valueAt } from "./recalc";

const OPTIONS = { language: "en" as const, date: new Date(2025, 10, 23), version: IPVALUE_VERSION, currency: "JPY" };

const sample = readSample();

const dealSet = (scenarios: Record<string, Values>): ScenarioSet => ({
  ...sample.set,
  scenarios: Object.entries(scenarios).map(([name, values]) => ({ name, internal: false, values })),
});

const SCENARIOS = { Every: EVERY_TERM, Until: UNTIL_SALES, Plain: sample.set.scenarios.find((s) => s.name === "Low")!.values };
const SET = dealSet(SCENARIOS);

/** The negotiator's edits on the Assumptions sheet, by scenario: the values typed. */
const EDITS: Record<string, Partial<Record<AssumptionKey, number | boolean>>> = {
  Every: { post_expiry_rate: 0.03, annual_fee_creditable: false },
  Until: { tier_1_rate: 0.05 },
  Plain: { tier_1_threshold: 400_000_000, tier_1_rate: 0.045, annual_fee: 8_000_000 },
};

describe("the deal terms in the negotiator workbook, recalculated by LibreOffice", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ipvalue-lo-deal-"));
  const choice = { ...defaultShareChoice(SET), outputs: [...SHARE_OUTPUTS] };
  const content = selectShared(SET, choice);
  const wb = buildNegotiatorWorkbook(content, OPTIONS);
  const cells = formulaCells(wb);
  // What the sheet then holds: the values as valued with the typed ones in their place; a default that
  // follows another key (Until's tier 2 rate, blank, follows its tier 1 rate) follows the edit, as in the engine.
  const editedContent: SharedContent = {
    ...content,
    scenarios: content.scenarios.map((s) => ({
      ...s,
      assumptions: resolveAssumptions({ ...SCENARIOS[s.name as keyof typeof SCENARIOS], ...EDITS[s.name] } as Partial<Record<AssumptionKey, RawValue>>, s.name),
    })),
  };
  const summary: Record<string, unknown> = {};
  let back: ExcelJS.Workbook;
  let edited: ExcelJS.Workbook;

  beforeAll(async () => {
    if (!onPath("soffice")) throw new Error("LibreOffice is not installed: 'soffice' is not on PATH. This test needs it and fails rather than skips.");
    if (!fs.existsSync(RECALC)) throw new Error(`The recalculation script is missing: ${RECALC}`);
    const file = path.join(dir, "deal.xlsx");
    await wb.xlsx.writeFile(file);
    const placeholders = await read(file);
    withPlaceholders(placeholders);
    const blanked = path.join(dir, "deal-placeholders.xlsx");
    await placeholders.xlsx.writeFile(blanked);

    // The negotiator's edits, typed on the Assumptions sheet of the file as written.
    const typed = await read(file);
    const ws = typed.getWorksheet("Assumptions")!;
    content.scenarios.forEach((s, j) => {
      for (const [key, value] of Object.entries(EDITS[s.name])) {
        const r = LAYOUT.assumptions.firstKeyRow + ASSUMPTION_KEYS.indexOf(key as AssumptionKey);
        expect(ws.getCell(r, 1).value).toBe(key);
        ws.getCell(r, LAYOUT.assumptions.firstScenarioColumn + j).value = value;
      }
    });
    withPlaceholders(typed);
    const editedFile = path.join(dir, "deal-edited.xlsx");
    await typed.xlsx.writeFile(editedFile);

    const out = path.join(dir, "recalculated");
    const t0 = Date.now();
    recalc([blanked, editedFile], out);
    summary.recalc_ms = Date.now() - t0;
    back = await read(path.join(out, "deal-placeholders.xlsx"));
    edited = await read(path.join(out, "deal-edited.xlsx"));
  }, 300_000);

  afterAll(() => console.log(`Deal terms recalculated by LibreOffice (${dir}):\n${JSON.stringify(summary, null, 2)}`));

  test("the shared scenarios use every deal term, and the Assumptions sheet writes them: numbers, TRUE/FALSE, blanks", () => {
    const a = content.scenarios[0].assumptions;
    expect(a.tier_2_threshold).not.toBeNull();
    expect(a.claims_expire_year).toBeLessThan(a.term_years);
    expect([a.annual_fee_creditable, content.scenarios[1].assumptions.annual_fee_until_sales]).toEqual([true, true]);
    const ws = wb.worksheets[1];
    const cell = (key: AssumptionKey, j: number) =>
      ws.getCell(LAYOUT.assumptions.firstKeyRow + ASSUMPTION_KEYS.indexOf(key), LAYOUT.assumptions.firstScenarioColumn + j);
    expect(cell("annual_fee_creditable", 0).value).toBe(true);
    expect(cell("annual_fee_creditable", 1).value).toBe(false);
    expect(cell("tier_2_threshold", 1).value).toBeNull();
    // Until's tier 1 rate was left blank: the engine's default, the royalty rate's cell, greyed.
    // It follows once its threshold is there (Until has none: blank until one is typed).
    expect(cell("tier_1_rate", 1).value).toMatchObject({
      formula: `IF(ISNUMBER(${cell("tier_1_threshold", 1).address}),${cell("royalty_rate", 1).address},"")`,
    });
    expect(cell("tier_1_rate", 1).font.italic).toBe(true);
    expect(cell("tier_1_rate", 0).font?.italic).toBeFalsy();
    // Every key has its row, in the engine's order, and the model sheets link every one.
    ASSUMPTION_KEYS.forEach((k, i) => expect(ws.getCell(LAYOUT.assumptions.firstKeyRow + i, 1).value).toBe(k));
    const model = wb.worksheets[2];
    ASSUMPTION_KEYS.forEach((k, i) => expect(model.getCell(LAYOUT.model.firstInputRow + i, 3).value).toBe(k));
    expect(model.getCell(LAYOUT.model.firstInputRow + ASSUMPTION_KEYS.indexOf("annual_fee_creditable"), 2).result).toBe(true);
  });

  test("LibreOffice really recalculated: no placeholder survived, no error value", () => {
    const left = cells.filter((c) => back.getWorksheet(c.sheet)!.getCell(c.address).result === PLACEHOLDER);
    expect(left.map((c) => `${c.sheet}!${c.address}`)).toEqual([]);
    expect(errorValues(back)).toEqual([]);
    expect(errorValues(edited)).toEqual([]);
  });

  test("every formula cell, recalculated, equals the engine's value to 1e-9 relative", () => {
    expect(cells.length).toBeGreaterThan(3 * MAX_YEARS * 10);
    const results = cells.map((c) =>
      compare(`${c.sheet}!${c.address} (${c.formula.slice(0, 60)})`, c.cached, back.getWorksheet(c.sheet)!.getCell(c.address).result)
    );
    expect(failures(results)).toEqual([]);
    summary.cells = results.length;
    summary.max_rel = Math.max(...results.map((r) => r.rel));
  });

  test("the results, the valued lump sums and the yearly columns equal the engine's, computed here from the assumptions", () => {
    const expected = engineValues(wb, content, (i) => content.scenarios[i].assumptions);
    expect(expected.size).toBeGreaterThan(3 * MAX_YEARS * 10);
    const results = [...expected].map(([where, v]) => {
      const [sheet, address] = where.split("!");
      return compare(where, v, valueAt(back, sheet, address));
    });
    expect(failures(results)).toEqual([]);
    summary.engine_compared = results.length;
    summary.engine_max_rel = Math.max(...results.map((r) => r.rel));
    // The terms count: every licensor component and the walk-away rate differ from a deal with none of them.
    const every = runScenario(content.scenarios[0].assumptions);
    const bare = runScenario(resolveAssumptions({ ...base, years: 12, term_years: 11, royalty_rate: 0.04, timing: "mid" } as never, "bare"));
    for (const o of ["npv", "rnpv", "maxrate", "licensee_npv", "value_rate25", "equivalent_rate"] as Output[]) {
      expect(relativeError(scenarioOutput(every, o), scenarioOutput(bare, o))).toBeGreaterThan(0.01);
    }
  });

  test("a negotiator edits deal terms on the Assumptions sheet (post-expiry rate, a flag, a tier rate, a blank threshold filled in): LibreOffice follows the engine", () => {
    const expected = engineValues(wb, content, (i) => editedContent.scenarios[i].assumptions);
    const results = [...expected].map(([where, v]) => {
      const [sheet, address] = where.split("!");
      return compare(`edited ${where}`, v, valueAt(edited, sheet, address));
    });
    expect(failures(results)).toEqual([]);
    // Every formula cell equals what the builder caches for the set valued with the edits from the start.
    const rebuilt = formulaCells(buildNegotiatorWorkbook(editedContent, OPTIONS));
    expect(rebuilt.length).toBe(cells.length);
    // The football field's cells clip at the axis written with the file: checked against their definition.
    const field = footballField(wb);
    expect(field.failures("edited", edited)).toEqual([]);
    const all = rebuilt
      .filter((c) => !field.isField(c))
      .map((c) => compare(`edited ${c.sheet}!${c.address} (${c.formula.slice(0, 60)})`, c.cached, valueAt(edited, c.sheet, c.address)));
    expect(failures(all)).toEqual([]);
    summary.edit_cells = all.length;
    summary.edit_max_rel = Math.max(...all.map((r) => r.rel));
    // The edits moved each scenario's rNPV, by what the engine says.
    content.scenarios.forEach((s, i) => {
      const row = LAYOUT.model.firstResultRow + content.outputs.indexOf("rnpv");
      const before = back.worksheets[2 + i].getCell(row, 2).result as number;
      const after = edited.worksheets[2 + i].getCell(row, 2).result as number;
      expect(relativeError(before, after)).toBeGreaterThan(1e-4);
      expect(relativeError(after, scenarioOutput(runScenario(editedContent.scenarios[i].assumptions), "rnpv"))).toBeLessThanOrEqual(TOLERANCE);
    });
  });
});
