/**
 * The yearly business plan and the defaults that follow their drivers, in the negotiator workbook,
 * recalculated by LibreOffice (../shared/tools/lo-recalc.sh).
 *
 * The plan: shared scenarios with sales_<t> rows only (no market forecast, 20 years), with operating
 * profit overrides (a loss year, a zero year, blank years at margin × sales), with investments beside a
 * market forecast, and with every deal term; every output. Each copy has its cached results replaced
 * by a placeholder first, so every value read back is LibreOffice's; every formula cell must equal the
 * engine's value to 1e-9 relative (the builder's cache, and the engine's values computed here). Then a
 * negotiator edits the Plan sheet (a year's sales, an operating profit typed, one cleared, an investment)
 * and an assumption, and LibreOffice follows the engine run on the edited rows.
 *
 * The defaults: a scenario (no plan) that leaves blank every key whose default is another key (tier
 * rates, hurdle rate, royalty term, the claims' last year, the exit probability). A negotiator edits
 * the drivers (royalty rate, discount rate, years, success probability) on the Assumptions sheet; the
 * blank keys follow, and LibreOffice's results equal the engine's on the edited values.
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
  FOLLOWS,
  FOLLOWS_ONLY_WITH,
  MAX_YEARS,
  Output,
  PlanSeries,
  RawValue,
  runScenario,
  scenarioOutput,
} from "../../src/engine";
import { buildNegotiatorWorkbook, LAYOUT } from "../../src/export/negotiator";
import { defaultShareChoice, selectShared, SharedContent, SHARE_OUTPUTS } from "../../src/export/share";
import { IPVALUE_VERSION } from "../../src/export/version";
import type { EditableScenario, ScenarioSet } from "../../src/model/scenario-set";
import { readSample } from "./demo";
import { base, EVERY_TERM, Values } from "./deal-terms";
import { engineValues } from "./engine-values";
// The LibreOffice harness, by name (lo.recalc, lo.compare …).
import * as lo from "./recalc";

const OPTIONS = { language: "en" as const, date: new Date(2025, 10, 23), version: IPVALUE_VERSION, currency: "JPY" };
const sample = readSample();

type Series = Partial<Record<PlanSeries, RawValue[]>>;
interface Case {
  values: Values;
  series?: Series;
}

/** A 20-year plan: launch in year 3, a ramp to a peak, a decline. */
const RAMP = [0, 0, 120e6, 380e6, 720e6, 1.05e9, 1.3e9, 1.42e9, 1.5e9, 1.52e9, 1.5e9, 1.44e9, 1.35e9, 1.2e9, 1.0e9, 0.8e9, 0.6e9, 0.45e9, 0.3e9, 0.2e9];
const { market_size: _m, peak_share: _p, ...withoutForecast } = base;

const PLAN: Record<string, Case> = {
  // Sales rows only: no market size or peak share given, 20 years, end-of-year timing.
  Sales: { values: { ...withoutForecast, years: 20, term_years: 18, timing: "end" }, series: { sales: RAMP } },
  // Operating profit overrides: a loss in the launch year, a zero, blank years at margin × sales; mid-year.
  Profit: {
    values: { ...withoutForecast, years: 15, timing: "mid", annual_minimum: 20_000_000 },
    series: {
      sales: RAMP.slice(0, 15),
      operating_profit: [-80e6, -40e6, -25e6, undefined, 150e6, 0, undefined, 330e6],
    },
  },
  // Investments beside the market forecast (a blank year between), beginning-of-year timing.
  Invest: { values: { ...base, timing: "begin" }, series: { investment: [120e6, undefined, 60e6, 25e6] } },
  // Every deal term with all three plan rows.
  Deal: {
    values: { ...withoutForecast, ...EVERY_TERM, market_size: undefined, peak_share: undefined },
    series: { sales: RAMP.slice(0, 12), operating_profit: [undefined, undefined, 10e6, 60e6], investment: [0, 80e6, 40e6] },
  },
};

/** A negotiator's edits: assumptions typed on the Assumptions sheet, plan figures typed (null: cleared) on the Plan sheet. */
interface Edit {
  values?: Partial<Record<AssumptionKey, number>>;
  plan?: Partial<Record<PlanSeries, Record<number, number | null>>>;
}
const PLAN_EDITS: Record<string, Edit> = {
  Sales: { values: { operating_margin: 0.3 }, plan: { sales: { 5: 900e6, 20: 0 } } },
  Profit: { plan: { operating_profit: { 4: 95e6, 8: null }, sales: { 15: 0.7e9 } } },
  Invest: { plan: { investment: { 2: 45e6, 6: 10e6 } } },
  Deal: { values: { royalty_rate: 0.05 }, plan: { sales: { 4: 500e6 }, investment: { 1: 30e6 } } },
};

// Every key whose default is another key, left blank (tiers given, so the tier rates matter; an exit, so its probability does).
const { hurdle_rate: _h, term_years: _t, ...untermed } = base;
const FOLLOW: Record<string, Case> = {
  Follow: {
    values: {
      ...untermed,
      tier_1_threshold: 600_000_000,
      tier_2_threshold: 1_000_000_000,
      post_expiry_rate: 0.01,
      equity_share: 0.05,
      exit_year: 4,
      exit_value: 3_000_000_000,
    },
  },
  Low: { values: sample.set.scenarios.find((s) => s.name === "Low")!.values },
};
const FOLLOW_EDITS: Record<string, Edit> = {
  Follow: { values: { royalty_rate: 0.05, discount_rate: 0.09, years: 15, success_probability: 0.4 } },
  Low: { values: {} },
};

const setOf = (cases: Record<string, Case>): ScenarioSet => ({
  ...sample.set,
  scenarios: Object.entries(cases).map(([name, c]): EditableScenario => ({
    name,
    internal: false,
    values: c.values,
    ...(c.series ? { series: c.series } : {}),
  })),
});

/** The cases with the edits applied to their values and rows, as the engine sees the sheets after the edits. */
function edited(cases: Record<string, Case>, edits: Record<string, Edit>): Record<string, Case> {
  return Object.fromEntries(
    Object.entries(cases).map(([name, c]) => {
      const e = edits[name] ?? {};
      const series: Series = { ...c.series };
      for (const [k, years] of Object.entries(e.plan ?? {}) as [PlanSeries, Record<number, number | null>][]) {
        const row = [...(series[k] ?? [])];
        for (const [t, v] of Object.entries(years)) {
          while (row.length < Number(t)) row.push(undefined);
          row[Number(t) - 1] = v ?? undefined;
        }
        series[k] = row;
      }
      return [name, { values: { ...c.values, ...e.values }, series }];
    })
  );
}

/** Types the edits into a written workbook, as a negotiator would: the Assumptions sheet and the Plan sheet. */
function typeEdits(wb: ExcelJS.Workbook, content: SharedContent, edits: Record<string, Edit>): number {
  let typed = 0;
  const assumptions = wb.getWorksheet("Assumptions")!;
  content.scenarios.forEach((s, j) => {
    const e = edits[s.name] ?? {};
    for (const [key, value] of Object.entries(e.values ?? {})) {
      const r = LAYOUT.assumptions.firstKeyRow + ASSUMPTION_KEYS.indexOf(key as AssumptionKey);
      expect(assumptions.getCell(r, 1).value).toBe(key);
      assumptions.getCell(r, LAYOUT.assumptions.firstScenarioColumn + j).value = value;
      typed++;
    }
    for (const [series, years] of Object.entries(e.plan ?? {})) {
      const ws = wb.getWorksheet("Plan")!;
      const r = LAYOUT.plan.firstBlockRow + j * LAYOUT.plan.blockRows + ["sales", "operating_profit", "investment"].indexOf(series);
      expect([ws.getCell(r, 1).value, ws.getCell(r, 3).value]).toEqual([s.name, series]);
      for (const [t, v] of Object.entries(years)) {
        expect(ws.getCell(LAYOUT.plan.headerRow, LAYOUT.plan.firstYearColumn + Number(t) - 1).value).toBe(Number(t));
        ws.getCell(r, LAYOUT.plan.firstYearColumn + Number(t) - 1).value = v;
        typed++;
      }
    }
  });
  return typed;
}

interface Built {
  content: SharedContent;
  wb: ExcelJS.Workbook;
  /** The content valued from the edited values and rows (the same keys left blank). */
  editedContent: SharedContent;
}

function build(cases: Record<string, Case>, edits: Record<string, Edit>): Built {
  const set = setOf(cases);
  const content = selectShared(set, { ...defaultShareChoice(set), outputs: [...SHARE_OUTPUTS] });
  const after = setOf(edited(cases, edits));
  const editedContent = selectShared(after, { ...defaultShareChoice(after), outputs: [...SHARE_OUTPUTS] });
  expect(editedContent.scenarios.map((s) => s.defaulted)).toEqual(content.scenarios.map((s) => s.defaulted));
  return { content, wb: buildNegotiatorWorkbook(content, OPTIONS), editedContent };
}

const worst = (cs: lo.Comparison[]) => Math.max(...cs.map((c) => c.rel));

/** Every formula cell of `expectedWb` (its cache) against the recalculated `actual`, and the engine's values computed here. */
function check(
  label: string,
  expectedWb: ExcelJS.Workbook,
  content: SharedContent,
  actual: ExcelJS.Workbook,
  summary: Record<string, unknown>,
  written: ExcelJS.Workbook = expectedWb
): void {
  // The football field's cells clip at the axis written with the file (`written`): checked against their definition.
  const field = lo.footballField(written);
  expect(field.failures(label, actual)).toEqual([]);
  const cells = lo
    .formulaCells(expectedWb)
    .filter((c) => !field.isField(c))
    .map((c) => lo.compare(`${label} ${c.sheet}!${c.address} (${c.formula.slice(0, 60)})`, c.cached, lo.valueAt(actual, c.sheet, c.address)));
  expect(lo.failures(cells)).toEqual([]);
  const engine = [...engineValues(expectedWb, content, (i) => content.scenarios[i].assumptions)].map(([where, v]) => {
    const [sheet, address] = where.split("!");
    return lo.compare(`${label} engine ${where}`, v, lo.valueAt(actual, sheet, address));
  });
  expect(lo.failures(engine)).toEqual([]);
  expect(lo.errorValues(actual)).toEqual([]);
  summary[label] = { cells: cells.length, cells_max_rel: worst(cells), engine: engine.length, engine_max_rel: worst(engine) };
}

describe("the yearly plan and the following defaults in the negotiator workbook, recalculated by LibreOffice", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ipvalue-lo-plan-"));
  const summary: Record<string, unknown> = {};
  let plan: Built;
  let follow: Built;
  const back: Record<string, ExcelJS.Workbook> = {};

  beforeAll(async () => {
    if (!lo.onPath("soffice")) throw new Error("LibreOffice is not installed: 'soffice' is not on PATH. This test needs it and fails rather than skips.");
    if (!fs.existsSync(lo.RECALC)) throw new Error(`The recalculation script is missing: ${lo.RECALC}`);
    const inputs: string[] = [];
    const out = path.join(dir, "recalculated");
    for (const [name, cases, edits] of [
      ["follow", FOLLOW, FOLLOW_EDITS],
      ["plan", PLAN, PLAN_EDITS],
    ] as const) {
      const built = build(cases, edits);
      if (name === "plan") plan = built;
      else follow = built;
      const file = path.join(dir, `${name}.xlsx`);
      await built.wb.xlsx.writeFile(file);
      const placeholders = await lo.read(file);
      lo.withPlaceholders(placeholders);
      await placeholders.xlsx.writeFile(path.join(dir, `${name}-placeholders.xlsx`));
      const typed = await lo.read(file);
      summary[`${name}_typed_cells`] = typeEdits(typed, built.content, edits);
      lo.withPlaceholders(typed);
      await typed.xlsx.writeFile(path.join(dir, `${name}-edited.xlsx`));
      inputs.push(path.join(dir, `${name}-placeholders.xlsx`), path.join(dir, `${name}-edited.xlsx`));
    }
    const t0 = Date.now();
    lo.recalc(inputs, out);
    summary.recalc_ms = Date.now() - t0;
    for (const f of inputs) back[path.basename(f, ".xlsx")] = await lo.read(path.join(out, path.basename(f)));
  }, 300_000);

  afterAll(() => console.log(`Plan and following defaults recalculated by LibreOffice (${dir}):\n${JSON.stringify(summary, null, 2)}`));

  test("the plan scenarios use their rows: sales from the plan (no market forecast), operating profit overrides, investments, every deal term", () => {
    const [sales, profit, invest, deal] = plan.content.scenarios.map((s) => s.assumptions);
    expect(sales.plan!.sales!.length).toBe(20);
    expect(sales.market_size).toBe(0);
    expect(profit.plan!.operating_profit![0]).toBeLessThan(0);
    expect(invest.plan!.sales).toBeNull();
    expect(deal.tier_2_threshold).not.toBeNull();
    // The rows count: each scenario's walk-away rate and licensee NPV differ from those without its rows.
    for (const s of plan.content.scenarios) {
      const without = { ...s.assumptions, plan: s.name === "Invest" ? null : { ...s.assumptions.plan!, operating_profit: null, investment: null } };
      if (s.name === "Sales") continue; // sales only: nothing else to take away
      for (const o of ["maxrate", "licensee_npv"] as Output[])
        expect(lo.relativeError(scenarioOutput(runScenario(s.assumptions), o), scenarioOutput(runScenario(without), o))).toBeGreaterThan(1e-3);
    }
    // The Plan sheet holds every figure as typed, one column per year.
    const ws = plan.wb.getWorksheet("Plan")!;
    const L = LAYOUT.plan;
    expect(RAMP.map((_, i) => ws.getCell(L.firstBlockRow, L.firstYearColumn + i).value)).toEqual(RAMP);
    expect(ws.getCell(L.firstBlockRow + L.blockRows + 1, L.firstYearColumn + 3).value).toBeNull();
    expect(ws.getCell(L.firstBlockRow + L.blockRows + 1, L.firstYearColumn + 5).value).toBe(0);
  });

  test("LibreOffice really recalculated: no placeholder survived, no error value", () => {
    for (const [name, built] of [
      ["plan", plan],
      ["follow", follow],
    ] as const) {
      const wb = back[`${name}-placeholders`];
      const left = lo.formulaCells(built.wb).filter((c) => wb.getWorksheet(c.sheet)!.getCell(c.address).result === lo.PLACEHOLDER);
      expect(left.map((c) => `${c.sheet}!${c.address}`)).toEqual([]);
      expect(lo.errorValues(wb)).toEqual([]);
      expect(lo.errorValues(back[`${name}-edited`])).toEqual([]);
    }
  });

  test("plan: every formula cell, recalculated, equals the engine's value to 1e-9 relative", () => {
    expect(lo.formulaCells(plan.wb).length).toBeGreaterThan(4 * MAX_YEARS * 10);
    check("plan", plan.wb, plan.content, back["plan-placeholders"], summary);
  });

  test("plan: a negotiator edits the Plan sheet (sales, an operating profit typed and one cleared, investments) and assumptions: LibreOffice follows the engine", () => {
    check("plan-edited", buildNegotiatorWorkbook(plan.editedContent, OPTIONS), plan.editedContent, back["plan-edited"], summary, plan.wb);
    // The edits moved each scenario's licensee NPV, by what the engine says.
    plan.content.scenarios.forEach((s, i) => {
      const ws = back["plan-edited"].getWorksheet(`Model - ${s.name}`)!;
      const got = ws.getCell(LAYOUT.model.firstResultRow + plan.content.outputs.indexOf("licensee_npv"), 2).result as number;
      expect(lo.relativeError(got, scenarioOutput(runScenario(s.assumptions), "licensee_npv"))).toBeGreaterThan(1e-4);
      expect(lo.relativeError(got, scenarioOutput(runScenario(plan.editedContent.scenarios[i].assumptions), "licensee_npv"))).toBeLessThanOrEqual(lo.TOLERANCE);
    });
  });

  test("following defaults: each blank key is its driver's cell, marked in the note column", () => {
    const ws = follow.wb.getWorksheet("Assumptions")!;
    const L = LAYOUT.assumptions;
    const row = (k: AssumptionKey) => L.firstKeyRow + ASSUMPTION_KEYS.indexOf(k);
    const note = L.firstScenarioColumn + follow.content.scenarios.length;
    const keys = Object.keys(FOLLOWS) as AssumptionKey[];
    expect(keys.sort()).toEqual(["claims_expire_year", "exit_probability", "hurdle_rate", "term_years", "tier_1_rate", "tier_2_rate"]);
    for (const k of keys) {
      const cell = ws.getCell(row(k), L.firstScenarioColumn);
      const driver = ws.getCell(row(FOLLOWS[k]!), L.firstScenarioColumn).address;
      // A tier's rate follows once its threshold is given (FOLLOWS_ONLY_WITH); Follow gives the thresholds.
      const needs = FOLLOWS_ONLY_WITH[k];
      expect(cell.formula).toBe(needs ? `IF(ISNUMBER(${ws.getCell(row(needs), L.firstScenarioColumn).address}),${driver},"")` : driver);
      expect(cell.result).toBe(follow.content.scenarios[0].assumptions[k]);
      expect(cell.font.italic).toBe(true);
    }
    // Low gives its hurdle rate and term: those follow in Follow only, and the note says so.
    expect(ws.getCell(row("hurdle_rate"), note).value).toBe("follows discount_rate (Follow)");
    expect(ws.getCell(row("hurdle_rate"), L.firstScenarioColumn + 1).value).toBe(0.12);
    expect(ws.getCell(row("tier_1_rate"), note).value).toBe("follows royalty_rate");
    // In Japanese, 「…に連動」.
    const ja = buildNegotiatorWorkbook(follow.content, { ...OPTIONS, language: "ja" }).getWorksheet("前提条件")!;
    expect(ja.getCell(row("tier_1_rate"), note).value).toBe("royalty_rateに連動");
    expect(ja.getCell(row("hurdle_rate"), note).value).toBe("discount_rateに連動（Follow）");
    expect(ja.getCell(L.headerRow, note).value).toBe("注記");
  });

  test("following defaults: every formula cell, recalculated, equals the engine's value to 1e-9 relative", () => {
    check("follow", follow.wb, follow.content, back["follow-placeholders"], summary);
  });

  test("following defaults: the drivers edited on the Assumptions sheet (royalty rate, discount rate, years, success probability), the blank keys follow as in the engine", () => {
    const after = follow.editedContent.scenarios[0].assumptions;
    expect([after.tier_1_rate, after.tier_2_rate, after.hurdle_rate, after.term_years, after.claims_expire_year, after.exit_probability]).toEqual([
      0.05, 0.05, 0.09, 15, 15, 0.4,
    ]);
    check("follow-edited", buildNegotiatorWorkbook(follow.editedContent, OPTIONS), follow.editedContent, back["follow-edited"], summary, follow.wb);
    // The followers moved on the sheet: LibreOffice's tier 1 rate, hurdle rate and claims' year are the edited drivers'.
    const ws = back["follow-edited"].getWorksheet("Assumptions")!;
    const at = (k: AssumptionKey) => ws.getCell(LAYOUT.assumptions.firstKeyRow + ASSUMPTION_KEYS.indexOf(k), LAYOUT.assumptions.firstScenarioColumn).result;
    expect([at("tier_1_rate"), at("tier_2_rate"), at("hurdle_rate"), at("term_years"), at("claims_expire_year"), at("exit_probability")]).toEqual([
      0.05, 0.05, 0.09, 15, 15, 0.4,
    ]);
    // And the results by what the engine says, not the values as first written.
    const m = back["follow-edited"].getWorksheet("Model - Follow")!;
    for (const o of ["rnpv", "maxrate", "licensee_npv"] as Output[]) {
      const got = m.getCell(LAYOUT.model.firstResultRow + follow.content.outputs.indexOf(o), 2).result as number;
      expect(lo.relativeError(got, scenarioOutput(runScenario(follow.content.scenarios[0].assumptions), o))).toBeGreaterThan(1e-3);
      expect(lo.relativeError(got, scenarioOutput(runScenario(after), o))).toBeLessThanOrEqual(lo.TOLERANCE);
    }
  });
});
