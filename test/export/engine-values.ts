/**
 * The engine's values for a negotiator workbook's model sheets, computed here from the assumptions (not
 * read from the builder's cache): each result by scenarioOutput, each valued lump sum by deal-terms.ts,
 * each yearly column by the engine's series. Shared by the LibreOffice tests of the deal terms and of
 * the yearly plan.
 */
import * as ExcelJS from "exceljs";
import { Assumptions, lumpSumValue, MAX_YEARS, patentValue, runScenario, ScenarioModel, scenarioOutput, Timing } from "../../src/engine";
import { DERIVED, LAYOUT } from "../../src/export/negotiator";
import type { SharedContent } from "../../src/export/share";
import { WORDS } from "../../src/export/words";

/** The engine's series behind each yearly column, by the column's header (words.ts); n/a for the market forecast when the plan gives the sales. */
export function seriesByHeader(m: ScenarioModel): Map<string, ArrayLike<number | string>> {
  const c = WORDS.en.columns;
  const a = m.assumptions;
  const na = Array.from(m.sales, () => WORDS.en.notAvailable);
  return new Map<string, ArrayLike<number | string>>([
    [c.market, m.market ?? na],
    [c.share, m.share ?? na],
    [c.sales, m.sales],
    [c.royalty, m.royalty],
    [c.discountFactor, m.discountFactor],
    [c.presentValue, m.presentValue],
    [c.feeDue, m.feeDue],
    [c.annualFee, m.fee],
    [c.sublicense, m.sublicense],
    [c.patentCost, m.patent],
    // The plan's operating profit where given (a null year: not given), else margin × sales.
    [c.operatingProfit, Array.from(m.sales, (s, i) => a.plan?.operating_profit?.[i] ?? a.operating_margin * s)],
    [c.royaltyBase, Array.from(m.sales, (s, i) => (i < a.term_years ? s : 0))],
  ]);
}

const OFFSET: Record<Timing, number> = { end: 0, mid: 0.5, begin: 1 };

/** Σ flow_t × (1 + rate)^−(t − offset) over the years modelled, summed here term by term. */
function discounted(flows: readonly number[], a: Assumptions, rate: number): number {
  let v = 0;
  for (let t = 1; t <= Math.min(a.years, flows.length); t++) v += flows[t - 1] / Math.pow(1 + rate, t - OFFSET[a.timing]);
  return v;
}

/** The engine's value of each valued lump sum (deal-terms.ts) and the plan's investments, by DERIVED id. */
export function derivedValues(m: ScenarioModel): Record<(typeof DERIVED)[number], number> {
  const a = m.assumptions;
  const exit = m.exit.equity === 0 && m.exit.successFee === 0 ? 0 : Math.pow(1 + a.discount_rate, -m.exit.year);
  const hm = lumpSumValue(m.milestones, a.hurdle_rate, true);
  const hp = patentValue(a, a.hurdle_rate, a.timing);
  const later = discounted(a.plan?.investment ?? [], a, a.hurdle_rate);
  return {
    milestonesValue: lumpSumValue(m.milestones, a.discount_rate, false),
    milestonesRisked: lumpSumValue(m.milestones, a.discount_rate, true),
    exitEquity: m.exit.equity * exit,
    exitSuccessFee: m.exit.successFee * exit,
    patentValue: patentValue(a, a.discount_rate, a.timing),
    milestonesAtHurdle: hm,
    patentAtHurdle: hp,
    laterInvestment: later,
    licenseeOutlay: a.investment + a.upfront + (later + hm + hp),
  };
}

/** The engine's values, computed here from the assumptions, for the model sheets' cells (found by name): results, lump sums, yearly columns. */
export function engineValues(wb: ExcelJS.Workbook, content: SharedContent, assumptionsOf: (i: number) => Assumptions): Map<string, number | string> {
  const expected = new Map<string, number | string>();
  const L = LAYOUT.model;
  content.scenarios.forEach((s, i) => {
    const ws = wb.worksheets.find((x) => x.name === `${WORDS.en.sheets.model}${s.name}`)!;
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
      const after = typeof s[0] === "string" ? s[0] : 0;
      for (let y = 0; y < MAX_YEARS; y++)
        expected.set(`${ws.name}!${cell.address.replace(/\d+$/, "")}${L.firstYearRow + y}`, y < m.assumptions.years ? s[y] : after);
      expect(c).toBeGreaterThan(1);
    });
    expect(columns).toBe(series.size);
  });
  return expected;
}
