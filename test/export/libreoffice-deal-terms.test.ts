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
import {
  ASSUMPTION_KEYS,
  AssumptionKey,
  Assumptions,
  lumpSumValue,
  MAX_YEARS,
  Output,
  patentValue,
  resolveAssumptions,
  runScenario,
  ScenarioModel,
  scenarioOutput,
} from "../../src/engine";
import { buildNegotiatorWorkbook, DERIVED, LAYOUT } from "../../src/export/negotiator";
import { defaultShareChoice, selectShared, SharedContent, SHARE_OUTPUTS } from "../../src/export/share";
import { WORDS } from "../../src/export/words";
import { IPVALUE_VERSION } from "../../src/export/version";
import type { ScenarioSet } from "../../src/model/scenario-set";
import { readSample } from "./demo";
import { base, EVERY_TERM, UNTIL_SALES, Values } from "./deal-terms";
import { compare, errorValues, failures, formulaCells, onPath, PLACEHOLDER, read, RECALC, recalc, relativeError, TOLERANCE, withPlaceholders } from "./recalc";

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

/** The engine's series behind each yearly column, by the column's header (words.ts). */
function seriesByHeader(m: ScenarioModel): Map<string, ArrayLike<number>> {
  const c = WORDS.en.columns;
  const a = m.assumptions;
  return new Map<string, ArrayLike<number>>([
    [c.market, m.market!],
    [c.share, m.share!],
    [c.sales, m.sales],
    [c.royalty, m.royalty],
    [c.discountFactor, m.discountFactor],
    [c.presentValue, m.presentValue],
    [c.feeDue, m.feeDue],
    [c.annualFee, m.fee],
    [c.sublicense, m.sublicense],
    [c.patentCost, m.patent],
    [c.operatingProfit, Array.from(m.sales, (s) => a.operating_margin * s)],
    [c.royaltyBase, Array.from(m.sales, (s, i) => (i < a.term_years ? s : 0))],
  ]);
}

/** The engine's value of each valued lump sum (deal-terms.ts), by DERIVED id. */
function derivedValues(m: ScenarioModel): Record<(typeof DERIVED)[number], number> {
  const a = m.assumptions;
  const exit = m.exit.equity === 0 && m.exit.successFee === 0 ? 0 : Math.pow(1 + a.discount_rate, -m.exit.year);
  const hm = lumpSumValue(m.milestones, a.hurdle_rate, true);
  const hp = patentValue(a, a.hurdle_rate, a.timing);
  return {
    milestonesValue: lumpSumValue(m.milestones, a.discount_rate, false),
    milestonesRisked: lumpSumValue(m.milestones, a.discount_rate, true),
    exitEquity: m.exit.equity * exit,
    exitSuccessFee: m.exit.successFee * exit,
    patentValue: patentValue(a, a.discount_rate, a.timing),
    milestonesAtHurdle: hm,
    patentAtHurdle: hp,
    licenseeOutlay: a.investment + a.upfront + (hm + hp),
  };
}

/** The engine's values, computed here from the assumptions, for the model sheets' cells: results, lump sums, yearly columns. */
function engineValues(wb: ExcelJS.Workbook, content: SharedContent, assumptionsOf: (i: number) => Assumptions): Map<string, number> {
  const expected = new Map<string, number>();
  const L = LAYOUT.model;
  content.scenarios.forEach((_, i) => {
    const ws = wb.worksheets[2 + i];
    const m = runScenario(assumptionsOf(i));
    content.outputs.forEach((o, j) => {
      expect(ws.getCell(L.firstResultRow + j, 3).value).toBe(o);
      expected.set(`${ws.name}!B${L.firstResultRow + j}`, scenarioOutput(m, o));
    });
    const lumps = derivedValues(m);
    DERIVED.forEach((id, k) => {
      expect(ws.getCell(L.firstDerivedRow + k, 1).value).toBe(WORDS.en.derived[id]);
      expected.set(`${ws.name}!B${L.firstDerivedRow + k}`, lumps[id]);
    });
    const series = seriesByHeader(m);
    const header = ws.getRow(L.tableHeaderRow);
    let columns = 0;
    header.eachCell((cell, c) => {
      const s = series.get(cell.value as string);
      if (!s) return;
      columns++;
      for (let y = 0; y < MAX_YEARS; y++)
        expected.set(`${ws.name}!${cell.address.replace(/\d+$/, "")}${L.firstYearRow + y}`, y < m.assumptions.years ? s[y] : 0);
      expect(c).toBeGreaterThan(1);
    });
    expect(columns).toBe(series.size);
  });
  return expected;
}

describe("the deal terms in the negotiator workbook, recalculated by LibreOffice", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ipvalue-lo-deal-"));
  const choice = { ...defaultShareChoice(SET), outputs: [...SHARE_OUTPUTS] };
  const content = selectShared(SET, choice);
  const wb = buildNegotiatorWorkbook(content, OPTIONS);
  const cells = formulaCells(wb);
  // What the sheet then holds: the values as written with the typed ones in their place (a default
  // written there, such as a tier 2 rate equal to the tier 1 rate, stays as written: it does not follow).
  const editedContent: SharedContent = {
    ...content,
    scenarios: content.scenarios.map((s) => ({ ...s, assumptions: { ...s.assumptions, ...EDITS[s.name] } as Assumptions })),
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
    const ws = typed.worksheets[1];
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
    // Until's tier 1 rate was left blank: the engine's default (the royalty rate), greyed.
    expect(cell("tier_1_rate", 1).value).toBe(content.scenarios[1].assumptions.royalty_rate);
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
      return compare(where, v, back.getWorksheet(sheet)!.getCell(address).result);
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
      return compare(`edited ${where}`, v, edited.getWorksheet(sheet)!.getCell(address).result);
    });
    expect(failures(results)).toEqual([]);
    // Every formula cell equals what the builder caches for the set valued with the edits from the start.
    const rebuilt = formulaCells(buildNegotiatorWorkbook(editedContent, OPTIONS));
    expect(rebuilt.length).toBe(cells.length);
    const all = rebuilt.map((c) =>
      compare(`edited ${c.sheet}!${c.address} (${c.formula.slice(0, 60)})`, c.cached, edited.getWorksheet(c.sheet)!.getCell(c.address).result)
    );
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
