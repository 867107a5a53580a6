/**
 * The Valuation sheet's football-field cells against the pane's axis (src/model/football.ts fieldScale),
 * as LibreOffice computes them. Excel fills A13# with =IPVALUE.RANGE; here the spill is typed as numbers
 * (a header row and one row per method) and `A13#` is read as that block, the decisions G6:G8 typed
 * (blank = text "", as the decisions formula leaves it); MAXIFS is written _xlfn.MAXIFS, as the file format wants. LibreOffice recalculates the helper formulas the
 * pane writes (limit, axis end, clipped low/spread, labels) and the test compares them with fieldScale:
 * the same bars cut, everything else drawn whole, the marks inside the axis.
 *
 * Needs LibreOffice (soffice): without it this test fails; it never skips.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { FOOTBALL_OUTPUTS, outputLabel } from "../../../src/engine";
import { exampleSet } from "../../../src/taskpane/model/examples";
import { CHART_SOURCE, valuationCells } from "../../../src/taskpane/model/valuation-sheet";
import { fieldScale } from "../../../src/model/football";
import { read, recalc, requireLibreOffice } from "../../export/recalc";

interface Case {
  name: string;
  /** low, base, high per football method, in FOOTBALL_OUTPUTS order. */
  bars: [number, number, number][];
  /** offer, floor, ceiling; null = blank. */
  decisions: (number | null)[];
}

const n = FOOTBALL_OUTPUTS.length;
const CASES: Case[] = [
  {
    name: "Outlier",
    bars: [[60e6, 80e6, 100e6], [45e6, 70e6, 120e6], [1e9, 3e9, 5.4e9], ...Array.from({ length: n - 3 }, (): [number, number, number] => [50e6, 60e6, 90e6])],
    decisions: [85e6, 60e6, 110e6],
  },
  {
    name: "Close",
    bars: Array.from({ length: n }, (_, i): [number, number, number] => [10e6 + i * 1e6, 20e6 + i * 2e6, 40e6 + i * 5e6]),
    decisions: [null, 15e6, null],
  },
];

const SPILL_TOP = 13; // A13#: the football field's RANGE spill
const spillBlock = `$A$${SPILL_TOP}:$D$${SPILL_TOP + n}`;

function writeCase(ws: ExcelJS.Worksheet, c: Case): void {
  ws.getCell(`A${SPILL_TOP}`).value = "output";
  c.bars.forEach(([low, base, high], i) => {
    const row = ws.getRow(SPILL_TOP + 1 + i);
    row.getCell(1).value = FOOTBALL_OUTPUTS[i];
    row.getCell(2).value = low;
    row.getCell(3).value = base;
    row.getCell(4).value = high;
  });
  c.decisions.forEach((v, i) => (ws.getCell(`G${6 + i}`).value = v ?? ""));
  for (const b of valuationCells(exampleSet("medical-device", "en"), "en")) {
    const m = /^([A-Z])(\d+)(?::([A-Z])(\d+))?$/.exec(b.address)!;
    const [c1, r1] = [m[1].charCodeAt(0) - 64, Number(m[2])];
    // Only the chart's helper cells and the axis cells below them (columns F–I from row 11).
    if (c1 < 6 || r1 < 11) continue;
    b.formulas.forEach((cells, dr) =>
      cells.forEach((f, dc) => {
        if (typeof f !== "string" || !f.startsWith("=")) return;
        // In the file format, functions newer than Excel 2007 carry the _xlfn. prefix (Office.js takes them as typed).
        ws.getCell(r1 + dr, c1 + dc).value = {
          formula: f
            .slice(1)
            .replace(/\$A\$13#/g, spillBlock)
            .replace(/\bMAXIFS\(/g, "_xlfn.MAXIFS("),
        };
      })
    );
  }
}

describe("the Valuation sheet's football field, recalculated by LibreOffice, is on the pane's axis", () => {
  let results: ExcelJS.Workbook;
  beforeAll(async () => {
    requireLibreOffice();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ipvalue-valuation-chart-"));
    const wb = new ExcelJS.Workbook();
    for (const c of CASES) writeCase(wb.addWorksheet(c.name), c);
    const file = path.join(dir, "valuation-chart.xlsx");
    await wb.xlsx.writeFile(file);
    recalc([file], path.join(dir, "out"));
    results = await read(path.join(dir, "out", "valuation-chart.xlsx"));
  }, 180_000);

  test.each(CASES.map((c) => [c.name, c] as const))("%s: the same bars are cut as fieldScale cuts, the others are whole", (_name, c) => {
    const ws = results.getWorksheet(c.name)!;
    const value = (a: string) => {
      const cell = ws.getCell(a);
      return cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
    };
    const scale = fieldScale(
      c.bars.map(([low, base, high]) => ({ low, base, high })),
      c.decisions.filter((v): v is number => v !== null)
    );
    const axisEnd = value("G22") as number;
    expect(typeof axisEnd).toBe("number");
    // The axis end covers every mark and lies within the rounded axis fieldScale draws.
    for (const v of c.decisions) if (v !== null) expect(axisEnd).toBeGreaterThanOrEqual(v);
    expect(axisEnd).toBeLessThanOrEqual(scale.max);
    const first = Number(/^F(\d+)/.exec(CHART_SOURCE)![1]) + 1;
    c.bars.forEach(([low, , high], i) => {
      const row = first + i;
      const label = String(value(`F${row}`));
      const start = value(`G${row}`) as number;
      const length = value(`H${row}`) as number;
      const cut = scale.clippedHigh[i];
      expect([i, label.includes("▸")]).toEqual([i, cut]);
      expect(label.startsWith(outputLabel(FOOTBALL_OUTPUTS[i]).en)).toBe(true);
      // A bar wholly beyond the axis is a stub at its end, its label giving both ends.
      expect(start).toBeCloseTo(low > axisEnd ? 0.96 * axisEnd : low, 0);
      if (cut) {
        expect(start + length).toBeCloseTo(axisEnd, 0);
        expect(length).toBeGreaterThan(0);
        expect(label).toContain(Math.round(high).toLocaleString("en-US"));
        if (low > axisEnd) expect(label).toContain(Math.round(low).toLocaleString("en-US"));
      } else expect(start + length).toBeCloseTo(high, 0);
    });
  });
});
