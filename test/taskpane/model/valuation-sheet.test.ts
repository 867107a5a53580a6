/** The Valuation sheet's layout follows the output registry: rows, number formats and the chart's helper cells. */
import { DEFAULT_RANGE_OUTPUTS, FOOTBALL_OUTPUTS, outputSpec, SUMMARY_OUTPUTS } from "../../../src/engine";
import { AMOUNT_FORMAT, PERCENT_FORMAT } from "../../../src/taskpane/model/cells";
import { exampleSet } from "../../../src/taskpane/model/examples";
import { CHART_SOURCE, valuationCells } from "../../../src/taskpane/model/valuation-sheet";
import { offerFromPreset } from "../../../src/model/scenario-set";

const set = exampleSet("medical-device", "en");
const blocks = valuationCells(set, "en");
/** The number format given to a cell (A1 address), or undefined. */
function formatAt(column: string, row: number): string | undefined {
  for (const b of blocks) {
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(b.address)!;
    const [c1, r1, c2, r2] = [m[1], Number(m[2]), m[3] ?? m[1], Number(m[4] ?? m[2])];
    if (b.numberFormat && column >= c1 && column <= c2 && row >= r1 && row <= r2) return b.numberFormat;
  }
  return undefined;
}
const formulaAt = (address: string) => blocks.find((b) => b.address === address)?.formulas;

describe("Valuation sheet layout", () => {
  test("the parts sit where the README and the chart expect them", () => {
    expect(formulaAt("A6")).toEqual([["=IPVALUE.RANGE(IpvalueAssumptions[#All])"]]);
    expect(formulaAt("A13")).toEqual([[`=IPVALUE.RANGE(IpvalueAssumptions[#All],"${FOOTBALL_OUTPUTS.join(",")}")`]]);
    expect(CHART_SOURCE).toBe("F11:I18");
  });

  test("each row of the spilled range is formatted as its output's kind: amounts as money, rates as percentages", () => {
    DEFAULT_RANGE_OUTPUTS.forEach((o, i) => {
      const want = outputSpec(o).kind === "rate" ? PERCENT_FORMAT : AMOUNT_FORMAT;
      for (const column of ["B", "C", "D"]) expect([o, column, formatAt(column, 7 + i)]).toEqual([o, column, want]);
    });
    FOOTBALL_OUTPUTS.forEach((o, i) => expect([o, formatAt("B", 14 + i)]).toEqual([o, AMOUNT_FORMAT]));
  });

  test("the scenario block shows each summary output of every scenario by name, and the chart one bar per method", () => {
    expect(formulaAt("A20:D20")).toEqual([["scenario", ...SUMMARY_OUTPUTS, "internal"]]);
    const rows = formulaAt(`A21:D${20 + set.scenarios.length}`)!;
    expect(rows.map((r) => r[0])).toEqual(set.scenarios.map((s) => s.name));
    expect(rows[0][1]).toBe(`=IPVALUE.SCENARIO(IpvalueAssumptions[#All],"${set.scenarios[0].name}","${SUMMARY_OUTPUTS[0]}")`);
    const chart = formulaAt(CHART_SOURCE)!;
    expect(chart).toHaveLength(1 + FOOTBALL_OUTPUTS.length + 3);
    expect(chart[1][1]).toBe("=INDEX($A$13#,2,2)");
  });

  test("without a term sheet there is no offer block; with one, OFFER values it below the scenarios, amounts and rate formatted", () => {
    expect(blocks.some((b) => b.formulas.flat().some((f) => String(f).includes("IPVALUE.OFFER")))).toBe(false);
    const withTerms = valuationCells(offerFromPreset(set, "case7_a", "150"), "ja");
    const n = set.scenarios.length;
    const formula = withTerms.find((b) => b.formulas.flat().some((f) => String(f).startsWith("=IPVALUE.OFFER")))!;
    expect(formula).toEqual({ address: `A${20 + n + 3}`, formulas: [["=IPVALUE.OFFER(IpvalueAssumptions[#All],IpvalueOffer[#All])"]] });
    expect(withTerms.find((b) => b.address === `B${20 + n + 4}:C${20 + n + 3 + n}`)?.numberFormat).toBe(AMOUNT_FORMAT);
    expect(withTerms.find((b) => b.address === `D${20 + n + 4}:D${20 + n + 3 + n}`)?.numberFormat).toBe(PERCENT_FORMAT);
  });
});
