/** The Valuation sheet's layout follows the output registry: rows, number formats and the chart's helper cells. */
import { DEFAULT_OFFER_OUTPUTS, DEFAULT_RANGE_OUTPUTS, FOOTBALL_OUTPUTS, outputLabel, outputSpec, SUMMARY_OUTPUTS } from "../../../src/engine";
import { SheetBlock } from "../../../src/taskpane/model/cells";
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
    expect(chart[1][1]).toBe("=IF(INDEX($A$13#,2,2)>$G$22,0.96*$G$22,INDEX($A$13#,2,2))");
  });

  test("without a term sheet there is no offer block; with one, OFFER values it below the scenarios, amounts and rate formatted", () => {
    expect(blocks.some((b) => b.formulas.flat().some((f) => String(f).includes("IPVALUE.OFFER")))).toBe(false);
    const withTerms = valuationCells(offerFromPreset(set, "case7_a", "150"), "ja");
    const n = set.scenarios.length;
    const formula = withTerms.find((b) => b.formulas.flat().some((f) => String(f).startsWith("=IPVALUE.OFFER")))!;
    expect(formula).toEqual({ address: `A${20 + n + 4}`, formulas: [["=IPVALUE.OFFER(IpvalueAssumptions[#All],IpvalueOffer[#All])"]] });
    expect(withTerms.find((b) => b.address === `B${20 + n + 5}:C${20 + n + 4 + n}`)?.numberFormat).toBe(AMOUNT_FORMAT);
    expect(withTerms.find((b) => b.address === `D${20 + n + 5}:D${20 + n + 4 + n}`)?.numberFormat).toBe(PERCENT_FORMAT);
  });
});

describe("Valuation sheet scope line", () => {
  const a4 = (s: typeof set, language: "en" | "ja") => valuationCells(s, language).find((b) => b.address === "A1:A4")!.formulas[3][0];
  test("names every scenario the formulas cover, and the internal ones", () => {
    expect(a4(set, "en")).toBe(`Covers every scenario of the table: ${set.scenarios.map((s) => s.name).join(", ")}.`);
    const marked = { ...set, scenarios: set.scenarios.map((s, i) => (i === 0 ? { ...s, internal: true } : s)) };
    expect(a4(marked, "en")).toContain(`Includes the internal scenarios ${set.scenarios[0].name}.`);
    expect(a4(marked, "en")).not.toContain("leaves the internal scenarios out");
  });

  test("says so when the committee's range leaves internal scenarios out but RANGE reads the whole table", () => {
    const ja = exampleSet("medical-device", "ja");
    const marked = {
      ...ja,
      scenarios: ja.scenarios.map((s, i) => (i === 0 ? { ...s, internal: true } : s)),
      decisions: { ...ja.decisions, includeInternal: { value: false, internal: true } },
    };
    const text = a4(marked, "ja");
    expect(text).toContain(`社外秘のシナリオ「${ja.scenarios[0].name}」を含みます。`);
    expect(text).toContain("委員会のレンジは社外秘のシナリオを除きます");
  });
});

/** The formula or value a block puts in one cell (A1 address), or undefined. */
function cellIn(blocks: readonly SheetBlock[], column: string, row: number): unknown {
  for (const b of blocks) {
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(b.address)!;
    const [c1, r1] = [m[1], Number(m[2])];
    const c = column.charCodeAt(0) - c1.charCodeAt(0);
    const v = b.formulas[row - r1]?.[c];
    if (c >= 0 && v !== undefined && v !== "") return v;
  }
  return undefined;
}
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe("in Japanese, every key the sheet shows has a Japanese label beside it", () => {
  const ja = valuationCells(exampleSet("medical-device", "ja"), "ja");
  test("the outputs RANGE spills in A (its keys) are labelled in E, in the registry's words", () => {
    // RANGE's header row is A6 (A13 for the football field), then one output key per row.
    for (const [top, outputs] of [
      [6, DEFAULT_RANGE_OUTPUTS],
      [13, FOOTBALL_OUTPUTS],
    ] as const) {
      expect(cellIn(ja, "E", top)).toMatch(JAPANESE);
      outputs.forEach((o, i) => expect([o, cellIn(ja, "E", top + 1 + i)]).toEqual([o, outputLabel(o).ja]));
    }
    expect(cellIn(ja, "E", 7)).toMatch(JAPANESE);
    expect(cellIn(blocks, "E", 7)).toBe(outputLabel(DEFAULT_RANGE_OUTPUTS[0]).en);
  });

  test("the scenario block's key headers (rnpv, npv) have their labels above them, the keys kept for the formulas", () => {
    SUMMARY_OUTPUTS.forEach((o, i) => {
      const column = String.fromCharCode("B".charCodeAt(0) + i);
      expect(cellIn(ja, column, 20)).toBe(o);
      expect(cellIn(ja, column, 19)).toBe(outputLabel(o).ja);
      expect(cellIn(ja, column, 19)).toMatch(JAPANESE);
    });
  });

  test("the offer block's spilled keys have a row of labels above them", () => {
    const s = exampleSet("medical-device", "ja");
    const withTerms = valuationCells(offerFromPreset(s, "case7_a", "150"), "ja");
    const header = 20 + s.scenarios.length + 3; // the labels' row, OFFER's header (spilled) below it
    expect(cellIn(withTerms, "A", header + 1)).toMatch(/^=IPVALUE\.OFFER/);
    DEFAULT_OFFER_OUTPUTS.forEach((o, i) => {
      const label = cellIn(withTerms, String.fromCharCode("B".charCodeAt(0) + i), header);
      expect([o, label]).toEqual([o, outputLabel(o).ja]);
      expect(label).toMatch(JAPANESE);
    });
  });
});
