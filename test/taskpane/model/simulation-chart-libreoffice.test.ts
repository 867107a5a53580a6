/**
 * The Simulation sheet's chart helper cells as LibreOffice computes them, against the engine. Excel
 * fills D6# with =IPVALUE.SENSITIVITY and SPIDER's cell with =IPVALUE.SPIDER; here each spill is typed as
 * the values the custom function returns on the stored table (sensitivityFn, spiderFn), and `$D$6#` /
 * `$D$18#` are read as those blocks. LibreOffice recalculates every other formula the layout writes —
 * the tornado's below/above and the spider's label and INDEX cells — and the test compares them with
 * the functions' own numbers and the pane's tornado and spider. A second sheet puts #NUM! at one point
 * of the SPIDER spill: its helper cell becomes #N/A, which a line chart leaves out.
 *
 * Needs LibreOffice (soffice): without it this test fails; it never skips.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { assumptionSpec } from "../../../src/engine";
import { sensitivityFn, spiderFn } from "../../../src/functions/functions";
import type { Language } from "../../../src/model/language";
import { setDecision } from "../../../src/model/scenario-set";
import { assumptionsTableValues } from "../../../src/model/table-layout";
import { exampleSet } from "../../../src/taskpane/model/examples";
import { DEFAULT_REQUEST, simulateSet } from "../../../src/taskpane/model/simulation";
import { simulationSheet, STORED_REFERENCES } from "../../../src/taskpane/model/simulation-sheet";
import { read, recalc, requireLibreOffice } from "../../export/recalc";

type Spill = (string | number | { error: string })[][];

/** 1-based row and column of an A1 cell. */
function cell(a: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
}

/** A1 of a 1-based row and column. */
function name(row: number, col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row}`;
}

/** The absolute block a spill at `anchor` covers. */
function block(anchor: string, spill: Spill): string {
  const { row, col } = cell(anchor);
  const end = cell(name(row + spill.length - 1, col + spill[0].length - 1));
  return `$${name(row, col).replace(/\d+$/, "")}$${row}:$${name(end.row, end.col).replace(/\d+$/, "")}$${end.row}`;
}

interface Case {
  sheet: string;
  language: Language;
  /** Spills as the custom functions return them; the spider's may carry an error. */
  sensitivity: Spill;
  spider: Spill;
}

const CASES: Case[] = (["en", "ja"] as const).map((language) => {
  const set = setDecision(exampleSet("medical-device", language), "floor", "120000000");
  const table = assumptionsTableValues(set, language, true);
  return { sheet: language, language, sensitivity: sensitivityFn(table, "rnpv") as Spill, spider: spiderFn(table, "rnpv", 5) as Spill };
});
// The Japanese case with no answer at one point (the third line's high end).
CASES.push({ ...CASES[1], sheet: "ja-error", spider: CASES[1].spider.map((r, i) => (i === 4 ? [...r.slice(0, 5), { error: "#NUM!" }] : r)) });

function layout(c: Case) {
  const set = setDecision(exampleSet("medical-device", c.language), "floor", "120000000");
  return simulationSheet(simulateSet(set, c.language, { ...DEFAULT_REQUEST, iterations: 500 }), set, c.language, STORED_REFERENCES);
}

function spiderAnchor(c: Case): string {
  return layout(c).blocks.find((b) => String(b.formulas[0][0]).startsWith("=IPVALUE.SPIDER("))!.address;
}

function writeCase(ws: ExcelJS.Worksheet, c: Case): void {
  const spiderAt = spiderAnchor(c);
  const spills: [string, Spill][] = [
    ["D6", c.sensitivity],
    [spiderAt, c.spider],
  ];
  for (const [anchor, spill] of spills) {
    const { row, col } = cell(anchor);
    spill.forEach((r, i) => r.forEach((v, j) => (ws.getCell(row + i, col + j).value = v as ExcelJS.CellValue)));
  }
  const replace = (f: string) =>
    f
      .slice(1)
      .split("$D$6#")
      .join(block("D6", c.sensitivity))
      .split(`$D$${cell(spiderAt).row}#`)
      .join(block(spiderAt, c.spider));
  for (const b of layout(c).blocks) {
    const [first] = b.address.split(":");
    const { row, col } = cell(first);
    b.formulas.forEach((cells, dr) =>
      cells.forEach((f, dc) => {
        if (f === "" || (typeof f === "string" && f.startsWith("=IPVALUE."))) return; // blanks, and the spills typed above
        const target = ws.getCell(row + dr, col + dc);
        if (typeof f === "string" && f.startsWith("=")) target.value = { formula: replace(f) };
        else target.value = typeof f === "string" && f.startsWith("'") ? f.slice(1) : f;
      })
    );
  }
}

/**
 * LibreOffice writes a result with 15 significant digits: numbers are compared to 1e-13 relative (texts and
 * errors exactly), by rounding both sides to 13 significant digits.
 */
const rounded = (cells: unknown[][]) => cells.map((r) => r.map((v) => (typeof v === "number" ? Number(v.toPrecision(13)) : v)));

describe("the Simulation sheet's chart helper cells, recalculated by LibreOffice, are the engine's numbers", () => {
  let results: ExcelJS.Workbook;
  beforeAll(async () => {
    requireLibreOffice();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ipvalue-simulation-chart-"));
    const wb = new ExcelJS.Workbook();
    for (const c of CASES) writeCase(wb.addWorksheet(c.sheet), c);
    const file = path.join(dir, "simulation-chart.xlsx");
    await wb.xlsx.writeFile(file);
    recalc([file], path.join(dir, "out"));
    results = await read(path.join(dir, "out", "simulation-chart.xlsx"));
  }, 180_000);

  const valueOf = (ws: ExcelJS.Worksheet, row: number, col: number) => {
    const x = ws.getCell(row, col);
    return x.type === ExcelJS.ValueType.Formula ? x.result : x.value;
  };
  /** The cells of a chart's source block, as LibreOffice left them. */
  const sourceCells = (ws: ExcelJS.Worksheet, source: string) => {
    const [from, to] = source.split(":").map(cell);
    return Array.from({ length: to.row - from.row + 1 }, (_, i) =>
      Array.from({ length: to.col - from.col + 1 }, (_, j) => valueOf(ws, from.row + i, from.col + j))
    );
  };

  test.each(CASES.map((c) => [c.sheet, c] as const))(
    "%s: the spider's helper cells are SPIDER's lines, labelled, in its order; a point without an answer is #N/A",
    (_s, c) => {
      const ws = results.getWorksheet(c.sheet)!;
      const cells = sourceCells(ws, layout(c).spider.source);
      const lines = c.spider.slice(2);
      expect(cells).toHaveLength(lines.length + 1);
      expect(cells[0].slice(1)).toEqual(c.language === "ja" ? ["低位", "中間", "基準", "中間", "高位"] : ["low", "halfway", "base", "halfway", "high"]);
      const expected = lines.map((r) => [
        assumptionSpec(r[0] as never).label[c.language],
        ...r.slice(1).map((v) => (typeof v === "number" ? v : { error: "#N/A" })),
      ]);
      expect(rounded(cells.slice(1))).toEqual(rounded(expected));
      if (c.sheet === "ja-error") expect(cells[3][5]).toEqual({ error: "#N/A" });
      else
        expect(
          cells
            .slice(1)
            .flat()
            .filter((v) => typeof v !== "string" && typeof v !== "number")
        ).toEqual([]);
    }
  );

  test.each(CASES.slice(0, 2).map((c) => [c.sheet, c] as const))(
    "%s: the spider's lines are the pane's, and the tornado's helper cells are each bar's ends less the base",
    (_s, c) => {
      const set = setDecision(exampleSet("medical-device", c.language), "floor", "120000000");
      const view = simulateSet(set, c.language, { ...DEFAULT_REQUEST, iterations: 500 });
      const ws = results.getWorksheet(c.sheet)!;
      const spider = sourceCells(ws, layout(c).spider.source).slice(1);
      expect(rounded(spider)).toEqual(rounded(view.spider.lines.map((l) => [assumptionSpec(l.key).label[c.language], ...l.outputs])));
      const tornado = sourceCells(ws, layout(c).tornado.source).slice(1);
      const { base } = view.tornado;
      // smallest swing first (a bar chart draws its first category at the bottom)
      const rows = [...view.tornado.rows].reverse();
      expect(tornado.map((r) => r[0])).toEqual(rows.map((r) => assumptionSpec(r.key).label[c.language]));
      tornado.forEach((r, i) => {
        const lo = rows[i].outputLow as number;
        const hi = rows[i].outputHigh as number;
        expect(r[1]).toBeCloseTo(Math.min(0, Math.min(lo, hi) - base), 6);
        expect(r[2]).toBeCloseTo(Math.max(0, Math.max(lo, hi) - base), 6);
      });
    }
  );
});
