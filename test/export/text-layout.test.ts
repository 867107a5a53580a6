/**
 * The text-layout rule (src/export/text-layout.ts) against LibreOffice's printing: a workbook of sample
 * texts is converted to PDF and pdftotext -bbox-layout gives where each word landed. A text's printed
 * width (in column units: the column's own printed width ÷ its width) must not exceed the rule's, nor
 * be far below it (a rule that made every row twice too tall would fail); a wrapped paragraph's printed
 * lines must not exceed the lines the rule counts; the printed line pitch must fit the rule's.
 *
 * Needs LibreOffice and poppler's pdftotext: without them this test fails; it never skips.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { LINE_PITCH, textUnits, wrappedLines } from "../../src/export/text-layout";
import { requireRenderers, toPdf } from "./render";

const FONTS: Partial<ExcelJS.Font>[] = [{ size: 11 }, { size: 11, bold: true }, { size: 9 }, { size: 14, bold: true }];
const LINES = {
  digits: "01234567890123456789",
  capitals: "ROYALTY RATE BASE CASE",
  sentence: "The licensee shall pay a running royalty",
  japanese: "実施料率は正味販売高の三パーセントとする",
  mixed: "実施料率 3% (running royalty)",
};
const PARAGRAPHS = [
  "The licensee shall pay the licensor a running royalty of three percent (3%) of net sales of licensed products in each contract year, reported within thirty days of the year's end.",
  "ライセンシーは、各契約年度の許諾製品の正味販売高の３％を実施料としてライセンサーに支払い、年度末から30日以内に報告するものとする。",
  "Minimum annual royalty 最低実施料: 1,000万円 from the third contract year; creditable against running royalties of the same year.",
];
const WIDTH = 60;
const WRAP_WIDTH = 30;

interface Word {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

function words(pdf: string): Word[] {
  const xml = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8" });
  const out: Word[] = [];
  xml
    .split("<page ")
    .slice(1)
    .forEach((page, i) => {
      for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g))
        out.push({ page: i + 1, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5] });
    });
  return out;
}

/** Words of one page grouped into printed lines (same top within 1 pt), top to bottom. */
function printedLines(ws: Word[]): Word[][] {
  const lines: Word[][] = [];
  for (const w of [...ws].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last[0].y0 - w.y0) < 1) last.push(w);
    else lines.push([w]);
  }
  return lines;
}

describe("the text-layout rule, against LibreOffice's printing", () => {
  let printed: Word[];
  const samples: { key: string; text: string; font: Partial<ExcelJS.Font> }[] = [];

  beforeAll(async () => {
    requireRenderers();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ipvalue-text-layout-"));
    const wb = new ExcelJS.Workbook();
    // Sheet 1: one sample per row in column A; column B's marker shows where A ends.
    const ws = wb.addWorksheet("widths");
    ws.getColumn(1).width = WIDTH;
    ws.getColumn(2).width = 10;
    let r = 1;
    for (const font of FONTS)
      for (const [key, text] of Object.entries(LINES)) {
        samples.push({ key, text, font });
        const row = ws.getRow(r++);
        row.getCell(1).value = text;
        row.getCell(1).font = { name: "Calibri", family: 2, ...font };
        row.getCell(2).value = `|${r}`;
        // The marker in the sample's font, so that both print on one baseline.
        row.getCell(2).font = { name: "Calibri", family: 2, ...font };
      }
    // Sheet 2: wrapped paragraphs, rows tall enough for every line.
    const wrap = wb.addWorksheet("wrapped");
    wrap.getColumn(1).width = WRAP_WIDTH;
    PARAGRAPHS.forEach((text, i) => {
      const row = wrap.getRow(i + 1);
      row.height = 150;
      row.getCell(1).value = text;
      row.getCell(1).font = { name: "Calibri", family: 2, size: 11 };
      row.getCell(1).alignment = { wrapText: true, vertical: "top" };
    });
    const file = path.join(dir, "layout.xlsx");
    await wb.xlsx.writeFile(file);
    printed = words(toPdf([file], dir)[0]);
  }, 180_000);

  test("a text's printed width is within the rule's, and no more than 1.45× below it", () => {
    const lines = printedLines(printed.filter((w) => w.page === 1));
    expect(lines).toHaveLength(samples.length);
    const rows = lines.map((line) => {
      const marker = line.find((w) => w.text.startsWith("|"))!;
      const text = line.filter((w) => w !== marker);
      return { x0: text[0].x0, x1: Math.max(...text.map((w) => w.x1)), markerX: marker.x0 };
    });
    // Column A's printed width (from A's text start to B's), per column unit.
    const unit = (rows[0].markerX - rows[0].x0) / WIDTH;
    const report: string[] = [`column unit ${unit.toFixed(2)} pt`];
    rows.forEach((row, i) => {
      const { key, text, font } = samples[i];
      const measured = (row.x1 - row.x0) / unit;
      const rule = textUnits(text, font);
      report.push(
        `${key} ${font.size}${font.bold ? "b" : ""}: printed ${(measured / [...text].length).toFixed(2)}/char, rule ${(rule / [...text].length).toFixed(2)}`
      );
      expect(rule).toBeGreaterThanOrEqual(measured);
      expect(rule).toBeLessThanOrEqual(1.45 * measured);
    });
    console.log(report.join("\n"));
  });

  test("a wrapped paragraph prints on no more lines than the rule counts, and at a pitch within the rule's", () => {
    const lines = printedLines(printed.filter((w) => w.page === 2));
    // Paragraphs are told apart by the gap between rows (150 pt rows).
    const groups: Word[][][] = [];
    for (const line of lines) {
      const last = groups[groups.length - 1];
      if (last && line[0].y0 - last[last.length - 1][0].y0 < 40) last.push(line);
      else groups.push([line]);
    }
    expect(groups).toHaveLength(PARAGRAPHS.length);
    groups.forEach((group, i) => {
      const rule = wrappedLines(PARAGRAPHS[i], WRAP_WIDTH);
      expect(rule).toBeGreaterThanOrEqual(group.length);
      expect(rule).toBeLessThanOrEqual(group.length + Math.ceil(0.5 * group.length));
      const wide = /[\u3000-\u9fff\uff00-\uffef]/.test(PARAGRAPHS[i]);
      for (let k = 1; k < group.length; k++) expect(group[k][0].y0 - group[k - 1][0].y0).toBeLessThanOrEqual(11 * (wide ? LINE_PITCH.wide : LINE_PITCH.latin));
      console.log(`paragraph ${i + 1}: printed ${group.length} lines, rule ${rule}`);
    });
  });
});
