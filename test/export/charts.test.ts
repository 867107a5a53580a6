/**
 * Native charts in an .xlsx (src/export/charts.ts): the parts exist and parse, relationships and
 * content types point at them, the worksheet's <drawing> stands where CT_Worksheet wants it, a
 * drawing exceljs wrote (an image) is kept, ExcelJS reads every cell back, and LibreOffice draws each
 * chart (its title is on the page and the bars' colour is in the chart's region), which the same file
 * without the charts does not.
 *
 * Needs LibreOffice (soffice) and poppler-utils: without them this test fails; it never skips.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { addCharts, escapeXml } from "../../src/export/charts";
import type { ChartSpec } from "../../src/export/chart-spec";
import { eachValue } from "./demo";
import { countPixels, Page, pageCount, renderPage, requireRenderers, textLines, toPdf } from "./render";

/** A sheet name that needs quoting and escaping in a formula and in XML. */
const DATA = "Data & <'quotes'>";
const PNG_1PX = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
const BAR = "2F6FB0";
const LOW = "D9822B";
const BAR_RGB: [number, number, number] = [0x2f, 0x6f, 0xb0];
const LOW_RGB: [number, number, number] = [0xd9, 0x82, 0x2b];

const methods = ["25% rule", "Comparables <bands>", "Walk-away & more (to 5.4 bn ▸)", "Offer"];
const lows = [100, 180, 220, 150];
const spans = [200, 120, 480, 0.5];

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet(DATA);
  data.getCell("A1").value = "method";
  data.getCell("B1").value = "low";
  data.getCell("C1").value = "span";
  methods.forEach((m, i) => {
    data.getCell(i + 2, 1).value = m;
    data.getCell(i + 2, 2).value = lows[i];
    // Formulas, as the negotiator's block has: the chart's series read cells, not numbers.
    data.getCell(i + 2, 3).value = { formula: `${spans[i]}+0`, result: spans[i] } as ExcelJS.CellFormulaValue;
  });
  ["P5", "P50", "P95"].forEach((p, i) => {
    data.getCell(i + 2, 5).value = p;
    data.getCell(i + 2, 6).value = [80, 200, 350][i];
  });
  ["royalty", "growth"].forEach((k, i) => {
    data.getCell(i + 2, 8).value = k;
    data.getCell(i + 2, 9).value = [-60, -25][i];
    data.getCell(i + 2, 10).value = [70, 20][i];
  });
  data.pageSetup = { ...data.pageSetup, orientation: "landscape", paperSize: 9 };
  for (const name of ["Football", "Column", "Tornado"]) wb.addWorksheet(name).pageSetup = { orientation: "landscape", paperSize: 9 };
  // A sheet with a picture: exceljs writes its drawing, which the chart must join, not replace.
  const pictures = wb.addWorksheet("Picture");
  pictures.getCell("A1").value = "a picture and a chart";
  pictures.addImage(wb.addImage({ base64: PNG_1PX, extension: "png" }), { tl: { col: 8, row: 2 }, ext: { width: 40, height: 40 } });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const range = (col: string, cache: readonly (number | string)[]) => ({ sheet: DATA, range: `${col}2:${col}${cache.length + 1}`, cache });
const anchor = (sheet: string) => ({ sheet, from: { col: 0, row: 0 }, to: { col: 9, row: 22 } });

const CHARTS: ChartSpec[] = [
  {
    kind: "football",
    anchor: anchor("Football"),
    title: "Football <field> & range",
    valueTitle: "Value (JPY)",
    numFmt: "#,##0",
    categories: range("A", methods),
    low: range("B", lows),
    span: range("C", spans),
    axis: { min: 0, max: 800, step: 200 },
    pointColors: [undefined, undefined, undefined, LOW],
  },
  { kind: "column", anchor: anchor("Column"), title: "Percentiles", categories: range("E", ["P5", "P50", "P95"]), values: range("F", [80, 200, 350]) },
  {
    kind: "tornado",
    anchor: anchor("Tornado"),
    title: "Tornado",
    categories: range("H", ["royalty", "growth"]),
    low: range("I", [-60, -25]),
    high: range("J", [70, 20]),
    lowName: "at low",
    highName: "at high",
  },
  {
    kind: "column",
    anchor: { sheet: "Picture", from: { col: 0, row: 2 }, to: { col: 7, row: 20 } },
    title: "Beside a picture",
    categories: range("E", ["P5", "P50", "P95"]),
    values: range("F", [80, 200, 350]),
  },
];

function parse(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (e) => {
    throw e;
  });
  parser.write(xml).close();
}

let dir: string;
let before: Uint8Array;
let after: Uint8Array;
let zip: JSZip;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ipvalue-charts-"));
  before = await workbook();
  after = await addCharts(before, CHARTS);
  zip = await JSZip.loadAsync(after);
});

describe("the chart parts", () => {
  test("four charts, two new drawings and exceljs's picture drawing, every XML part well-formed", async () => {
    const names = Object.keys(zip.files).filter((f) => !zip.files[f].dir);
    expect(names.filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).sort()).toEqual([
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
      "xl/charts/chart3.xml",
      "xl/charts/chart4.xml",
    ]);
    expect(names.filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f)).length).toBe(4);
    for (const f of names.filter((n) => /\.(xml|rels)$/.test(n))) {
      const xml = await zip.file(f)!.async("string");
      expect(() => parse(xml)).not.toThrow();
    }
  });

  test("content types name each chart and drawing part", async () => {
    const types = await zip.file("[Content_Types].xml")!.async("string");
    for (let n = 1; n <= 4; n++) {
      expect(types).toContain(`PartName="/xl/charts/chart${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`);
      expect(types).toContain(`PartName="/xl/drawings/drawing${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"`);
    }
  });

  test("the sheet → drawing → chart relationships resolve, and <drawing> precedes what CT_Worksheet puts after it", async () => {
    const charted = new Set<string>();
    for (let s = 2; s <= 5; s++) {
      const sheet = await zip.file(`xl/worksheets/sheet${s}.xml`)!.async("string");
      const drawings = [...sheet.matchAll(/<drawing r:id="(rId\d+)"\/>/g)];
      expect(drawings.length).toBe(1);
      // After pageSetup (and pageMargins), before legacyDrawing/tableParts/extLst and the end.
      expect(sheet.indexOf("<drawing ")).toBeGreaterThan(sheet.indexOf("<pageSetup"));
      expect(sheet.indexOf("<drawing ")).toBeGreaterThan(sheet.indexOf("<pageMargins"));
      for (const later of ["<legacyDrawing", "<tableParts", "<extLst"])
        if (sheet.includes(later)) expect(sheet.indexOf("<drawing ")).toBeLessThan(sheet.indexOf(later));
      const rels = await zip.file(`xl/worksheets/_rels/sheet${s}.xml.rels`)!.async("string");
      const target = new RegExp(`Id="${drawings[0][1]}" Type="[^"]*/drawing" Target="\\.\\./drawings/(drawing\\d+\\.xml)"`).exec(rels);
      expect(target).not.toBeNull();
      const drawing = await zip.file(`xl/drawings/${target![1]}`)!.async("string");
      const drawingRels = await zip.file(`xl/drawings/_rels/${target![1]}.rels`)!.async("string");
      for (const m of drawing.matchAll(/<c:chart [^>]*r:id="(rId\d+)"/g)) {
        const chart = new RegExp(`Id="${m[1]}" Type="[^"]*/chart" Target="\\.\\./charts/(chart\\d+\\.xml)"`).exec(drawingRels);
        expect(chart).not.toBeNull();
        expect(zip.file(`xl/charts/${chart![1]}`)).not.toBeNull();
        charted.add(chart![1]);
      }
    }
    expect(charted.size).toBe(4);
  });

  test("the picture's drawing is kept: it holds the picture and the chart, and the image is still there", async () => {
    const sheet = await zip.file("xl/worksheets/sheet5.xml")!.async("string");
    const originalSheet = await (await JSZip.loadAsync(before)).file("xl/worksheets/sheet5.xml")!.async("string");
    expect(originalSheet).toMatch(/<drawing r:id="rId\d+"\/>/);
    expect(sheet).toBe(originalSheet);
    const rels = await zip.file("xl/worksheets/_rels/sheet5.xml.rels")!.async("string");
    const drawingFile = /Target="\.\.\/drawings\/(drawing\d+\.xml)"/.exec(rels)![1];
    const drawing = await zip.file(`xl/drawings/${drawingFile}`)!.async("string");
    expect(drawing).toContain("<xdr:pic>");
    expect(drawing).toContain("<c:chart ");
    expect((drawing.match(/<xdr:twoCellAnchor\b/g) ?? []).length + (drawing.match(/<xdr:oneCellAnchor\b/g) ?? []).length).toBe(2);
    const drawingRels = await zip.file(`xl/drawings/_rels/${drawingFile}.rels`)!.async("string");
    expect(drawingRels).toMatch(/Target="\.\.\/media\/image1\.png"/);
    expect(drawingRels).toMatch(/Target="\.\.\/charts\/chart\d+\.xml"/);
    // Each object in a drawing has its own id.
    const ids = [...drawing.matchAll(/<xdr:cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("the football field: stacked horizontal bars, overlap 100, the first series not drawn, formulas with cached values, the axis fixed", async () => {
    const xml = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(xml).toContain('<c:barDir val="bar"/><c:grouping val="stacked"/>');
    expect(xml).toContain('<c:overlap val="100"/>');
    const series = xml.split("<c:ser>").slice(1);
    expect(series.length).toBe(2);
    expect(series[0]).toMatch(/^<c:idx val="0"\/><c:order val="0"\/><c:tx><c:v>[^<]*<\/c:v><\/c:tx><c:spPr><a:noFill\/>/);
    expect(series[1]).toContain(`<a:srgbClr val="${BAR}"/>`);
    // The offer's bar in its own colour.
    expect(series[1]).toContain(`<c:dPt><c:idx val="3"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="${LOW}"/>`);
    const quoted = escapeXml("'Data & <''quotes''>'!");
    expect(series[0]).toContain(`<c:cat><c:strRef><c:f>${quoted}$A$2:$A$5</c:f>`);
    expect(series[0]).toContain(`<c:val><c:numRef><c:f>${quoted}$B$2:$B$5</c:f>`);
    expect(series[1]).toContain(`<c:val><c:numRef><c:f>${quoted}$C$2:$C$5</c:f>`);
    expect(series[1]).toContain('<c:ptCount val="4"/><c:pt idx="0"><c:v>200</c:v></c:pt><c:pt idx="1"><c:v>120</c:v></c:pt>');
    expect(series[0]).toContain(`<c:pt idx="2"><c:v>${escapeXml(methods[2])}</c:v></c:pt>`);
    expect(xml).toContain('<c:scaling><c:orientation val="minMax"/><c:max val="800"/><c:min val="0"/></c:scaling>');
    expect(xml).toContain('<c:majorUnit val="200"/>');
    expect(xml).toContain(`<a:t>${escapeXml("Football <field> & range")}</a:t>`);
  });

  test("the tornado: clustered horizontal bars on one line per assumption, a legend naming low and high", async () => {
    const xml = await zip.file("xl/charts/chart3.xml")!.async("string");
    expect(xml).toContain('<c:barDir val="bar"/><c:grouping val="clustered"/>');
    expect(xml).toContain('<c:overlap val="100"/>');
    expect(xml).toContain("<c:tx><c:v>at low</c:v></c:tx>");
    expect(xml).toContain("<c:legend>");
    expect(xml).toContain('<c:pt idx="0"><c:v>-60</c:v></c:pt>');
  });

  test("the column chart: vertical clustered columns", async () => {
    const xml = await zip.file("xl/charts/chart2.xml")!.async("string");
    expect(xml).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
  });

  test("ExcelJS reads the file back with every cell as it was", async () => {
    const read = async (bytes: Uint8Array) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
      const cells: Record<string, unknown> = {};
      eachValue(wb, (where, v, cell) => (cells[where] = cell.type === ExcelJS.ValueType.Formula ? { formula: cell.formula, v } : v));
      return cells;
    };
    const cells = await read(after);
    expect(Object.keys(cells).length).toBeGreaterThan(25);
    expect(cells).toEqual(await read(before));
  });

  test("a chart on a sheet the workbook lacks is refused, with its name", async () => {
    await expect(addCharts(before, [{ ...CHARTS[1], anchor: anchor("Nowhere") }])).rejects.toThrow(/no sheet named "Nowhere"/);
  });
});

describe("LibreOffice draws the charts", () => {
  let pdfWith: string;
  let pdfWithout: string;

  beforeAll(() => {
    requireRenderers();
    fs.writeFileSync(path.join(dir, "with.xlsx"), after);
    fs.writeFileSync(path.join(dir, "without.xlsx"), before);
    [pdfWith, pdfWithout] = toPdf([path.join(dir, "with.xlsx"), path.join(dir, "without.xlsx")], path.join(dir, "pdf"));
  }, 200_000);

  /**
   * The page on which a chart's title is printed, and the pixels of its bars' colour in the chart's
   * region there (the chart stands alone from the page's top-left corner: the region is the page's
   * upper part). Throws when the title is on no page.
   */
  function drawn(pdf: string, chartTitle: string, rgb: [number, number, number]): { page: number; pixels: number; inked: number } {
    const line = textLines(pdf).find((l) => l.text.includes(chartTitle));
    if (!line) throw new Error(`no page shows the chart titled ${JSON.stringify(chartTitle)}`);
    const page: Page = renderPage(pdf, line.page);
    // The anchor (9 columns × 22 rows of default size) from the printed area's corner: within the page's top 70 %.
    const region = { x0: 0, y0: 0, x1: page.width, y1: page.height * 0.7 };
    return { page: line.page, pixels: countPixels(page, region, rgb), inked: countPixels(page, region) };
  }

  test("each chart's title and bars are on a page of its own sheet", () => {
    expect(pageCount(pdfWith)).toBeGreaterThanOrEqual(5);
    const football = drawn(pdfWith, "Football <field> & range", BAR_RGB);
    const offer = drawn(pdfWith, "Football <field> & range", LOW_RGB);
    const column = drawn(pdfWith, "Percentiles", BAR_RGB);
    const tornado = drawn(pdfWith, "Tornado", LOW_RGB);
    expect(new Set([football.page, column.page, tornado.page]).size).toBe(3);
    for (const d of [football, column, tornado]) expect(d.pixels).toBeGreaterThan(200);
    // The offer's thin bar is drawn too, in its own colour.
    expect(offer.pixels).toBeGreaterThan(3);
    expect(football.inked).toBeGreaterThan(football.pixels);
    expect(drawn(pdfWith, "Beside a picture", BAR_RGB).pixels).toBeGreaterThan(200);
  });

  test("the category labels are printed (escaped text read back as written)", () => {
    const text = textLines(pdfWith)
      .map((l) => l.text)
      .join("\n");
    expect(text).toContain("Comparables <bands>");
    expect(text).toContain("Walk-away & more");
  });

  test("without the chart parts the same checks fail: no title, no bars", () => {
    expect(() => drawn(pdfWithout, "Football <field> & range", BAR_RGB)).toThrow(/no page shows/);
    let blue = 0;
    for (let p = 1; p <= pageCount(pdfWithout); p++) {
      const page = renderPage(pdfWithout, p);
      blue += countPixels(page, { x0: 0, y0: 0, x1: page.width, y1: page.height }, BAR_RGB);
    }
    expect(blue).toBe(0);
  });
});
