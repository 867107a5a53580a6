/**
 * The negotiator demo (npm run demo, en and ja) as LibreOffice prints it: a page or more per sheet,
 * the football-field chart in the .xlsx and drawn on the Summary's page where it stands, and no two
 * lines of text overlapping anywhere (pdftotext -bbox-layout's line boxes).
 *
 * Needs LibreOffice (soffice) and poppler-utils: without them this test fails; it never skips.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { runDemo } from "./demo";
import { countPixels, overlappingLines, pageCount, renderPage, requireRenderers, TextLine, textLines, toPdf } from "./render";
import { WORDS } from "../../src/export/words";

const LANGUAGES = ["en", "ja"] as const;
/** The football field's bars (src/export/charts.ts's default colour). */
const BAR_RGB: [number, number, number] = [0x2f, 0x6f, 0xb0];

let dir: string;
const files: Record<string, { xlsx: string; pdf: string; sheets: number; lines: TextLine[] }> = {};

beforeAll(() => {
  requireRenderers();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ipvalue-negotiator-render-"));
  const xlsx = LANGUAGES.map((language) => {
    const file = path.join(dir, `demo-${language}.xlsx`);
    runDemo(file, language);
    return file;
  });
  const pdfs = toPdf(xlsx, path.join(dir, "pdf"));
  LANGUAGES.forEach((language, i) => {
    files[language] = { xlsx: xlsx[i], pdf: pdfs[i], sheets: 0, lines: textLines(pdfs[i]) };
  });
}, 300_000);

async function sheetsOf(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  return [...workbook.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]);
}

describe.each(LANGUAGES)("the %s demo as LibreOffice prints it", (language) => {
  const w = WORDS[language];

  test("a page or more for every sheet", async () => {
    const { pdf, xlsx } = files[language];
    const sheets = await sheetsOf(xlsx);
    expect(sheets.length).toBeGreaterThanOrEqual(6);
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(sheets.length);
  });

  test("the football-field chart is in the file and drawn on the Summary where it stands", async () => {
    const { xlsx, pdf, lines } = files[language];
    const zip = await JSZip.loadAsync(fs.readFileSync(xlsx));
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toEqual(["xl/charts/chart1.xml"]);
    const chart = await zip.file(charts[0])!.async("string");
    expect(chart).toContain('<c:grouping val="stacked"/>');
    // The chart stands between its title and the heading of the cells it reads, on the page they start
    // (LibreOffice also lays the chart's text, clipped and unseen, on the page before its page break).
    const data = lines.find((l) => l.text.includes(w.fieldDataHeading));
    expect(data).toBeDefined();
    const title = lines.find((l) => l.text.includes(w.fieldTitle) && l.page === data!.page);
    expect(title).toBeDefined();
    expect(data!.y0).toBeGreaterThan(title!.y1 + 100);
    const page = renderPage(pdf, title!.page);
    const region = { x0: 0, y0: title!.y1 / page.scale, x1: page.width, y1: data!.y0 / page.scale };
    expect(countPixels(page, region, BAR_RGB)).toBeGreaterThan(300);
  });

  test("no two lines of text overlap on any page", () => {
    const overlaps = overlappingLines(files[language].lines);
    expect(overlaps).toEqual([]);
  });
});
