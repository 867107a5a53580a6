/**
 * The committee report as printed: LibreOffice converts the English and the Japanese report to PDF
 * (a private profile, so parallel runs do not collide), and the PDF must have the expected pages,
 * each section starting a page of its own, the internal mark and the page number on EVERY page
 * (pdftotext page by page), and no two words drawn over each other (pdftotext -bbox-layout: a text
 * running out of a row that is too short lands on the next row's words). To show these checks can
 * fail, the same report with its rows' heights reset to one line and its header and footer removed
 * is converted too: it must show overlaps and pages without the mark.
 *
 * The PDF's pages become docs/images/report-en-1.png, report-en-2.png and report-ja-1.png for the README.
 *
 * Needs LibreOffice (soffice), pdfinfo, pdftotext and pdftoppm: without them this test fails; it never skips.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { buildCommitteeReport, committeeReport, ReportOptions, SECTIONS } from "../../src/export/report";
import JSZip from "jszip";
import { REPORT_WORDS } from "../../src/export/report-words";
import { ROOT } from "./demo";
import { readCommitteeSample } from "./report-sample";

/** The pages the sample's report takes: eight sections, the scenarios and the simulation may run over a page. */
const PAGES = { min: 8, max: 14 };

interface Word {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

/** The words of each page with their boxes (pdftotext -bbox-layout). */
function wordsByPage(pdf: string): Word[][] {
  const xml = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 1 << 28 });
  return xml
    .split("<page ")
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        x0: Number(m[1]),
        y0: Number(m[2]),
        x1: Number(m[3]),
        y1: Number(m[4]),
        text: m[5],
      }))
    );
}

/**
 * Pairs of words whose boxes overlap by more than a hair (0.5 pt across, 1.5 pt down: the boxes of
 * two lines of one cell touch at the line gap, and that is not an overlap).
 */
export function overlaps(words: readonly Word[]): string[] {
  const hits: string[] = [];
  for (let i = 0; i < words.length; i++)
    for (let j = i + 1; j < words.length; j++) {
      const [a, b] = [words[i], words[j]];
      const across = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const down = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (across > 0.5 && down > 1.5) hits.push(`"${a.text}" (${a.x0.toFixed(0)}, ${a.y0.toFixed(0)}) × "${b.text}" (${b.x0.toFixed(0)}, ${b.y0.toFixed(0)})`);
    }
  return hits;
}

const pageText = (pdf: string, page: number) => execFileSync("pdftotext", ["-layout", "-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" });
const pageCount = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
/** Text without its spaces: pdftotext lays CJK text out with spaces between some characters. */
const squeeze = (s: string) => s.replace(/\s+/g, "");

describe("committee report rendered by LibreOffice", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ipvalue-report-render-"));
  const profile = path.join(dir, "profile");
  const sample = readCommitteeSample();
  const options = (language: "en" | "ja"): ReportOptions => ({ language, date: "2026-11-23", version: "0.1.0", currency: sample.currency });
  const built = { en: buildCommitteeReport(sample.set, options("en")), ja: buildCommitteeReport(sample.set, options("ja")) };
  const pdf = (name: string) => path.join(dir, `${name}.pdf`);

  beforeAll(async () => {
    for (const language of ["en", "ja"] as const)
      fs.writeFileSync(path.join(dir, `report-${language}.xlsx`), await committeeReport(sample.set, options(language)));
    // The deliberately broken layout: every row one line high (the wrapped ones overflow), no header or footer.
    const broken = new ExcelJS.Workbook();
    await broken.xlsx.readFile(path.join(dir, "report-en.xlsx"));
    const ws = broken.worksheets[0];
    ws.eachRow((row) => {
      if ((row.height ?? 0) > 20 && (row.height ?? 0) < 90) row.height = 15;
    });
    ws.headerFooter = {};
    await broken.xlsx.writeFile(path.join(dir, "broken-en.xlsx"));
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        ...["report-en", "report-ja", "broken-en"].map((n) => path.join(dir, `${n}.xlsx`)),
      ],
      { stdio: "pipe", timeout: 240_000 }
    );
  }, 300_000);

  test.each(["en", "ja"] as const)("%s: the pages exist, each section starts a page, every page is marked internal and numbered", (language) => {
    const file = pdf(`report-${language}`);
    const n = pageCount(file);
    expect(n).toBeGreaterThanOrEqual(PAGES.min);
    expect(n).toBeLessThanOrEqual(PAGES.max);
    const w = REPORT_WORDS[language];
    const pages = Array.from({ length: n }, (_, i) => pageText(file, i + 1));
    pages.forEach((text, i) => {
      expect(squeeze(text)).toContain(squeeze(w.internalMark));
      expect(squeeze(text)).toContain(squeeze(w.page(String(i + 1), String(n))));
      // The print title on every page.
      expect(squeeze(text)).toContain(squeeze(w.title));
    });
    // Each section's heading is on a page of its own, in order, and is the first text under the title.
    const headings: Record<string, string> = {
      question: w.questionHeading,
      range: w.rangeHeading,
      scenarios: w.scenariosHeading,
      terms: w.termsHeading,
      bands: w.bandsHeading,
      simulation: w.simulationHeading,
      methods: w.methodsHeading,
      record: w.recordHeading,
    };
    let previous = -1;
    for (const id of SECTIONS) {
      const page = pages.findIndex((t) => squeeze(t).includes(squeeze(headings[id])));
      expect({ id, after: page > previous }).toEqual({ id, after: true });
      const lines = pages[page]
        .split("\n")
        .map(squeeze)
        .filter((l) => l !== "");
      const title = lines.findIndex((l) => l.includes(squeeze(w.title)));
      // (On the first page the line "Prepared with IPVALUE …" stands between them.)
      const under = lines.slice(title + 1, title + (id === SECTIONS[0] ? 3 : 2));
      expect({ id, next: under.some((l) => l.startsWith(squeeze(headings[id]))) }).toEqual({ id, next: true });
      previous = page;
    }
  });

  test.each(["en", "ja"] as const)("%s: no two words overlap on any page", (language) => {
    const pages = wordsByPage(pdf(`report-${language}`));
    expect(pages.length).toBeGreaterThanOrEqual(PAGES.min);
    pages.forEach((words, i) => {
      expect(words.length).toBeGreaterThan(10);
      expect({ page: i + 1, overlaps: overlaps(words) }).toEqual({ page: i + 1, overlaps: [] });
    });
  });

  test("the checks fail on a broken layout: rows one line high overlap, pages without a header lack the mark", () => {
    const file = pdf("broken-en");
    const pages = wordsByPage(file);
    expect(pages.flatMap((words) => overlaps(words)).length).toBeGreaterThan(0);
    const unmarked = Array.from({ length: pageCount(file) }, (_, i) => pageText(file, i + 1)).filter((t) => !t.includes(REPORT_WORDS.en.internalMark));
    expect(unmarked.length).toBeGreaterThan(0);
  });

  test("the three native charts are in the file (xl/charts/chart*.xml)", async () => {
    for (const language of ["en", "ja"] as const) {
      const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, `report-${language}.xlsx`)));
      const charts = Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
      expect(charts).toHaveLength(built[language].charts.length);
      expect(charts).toHaveLength(3);
    }
  });

  test("the README's pictures: the first pages of the English report and the first of the Japanese", () => {
    const images = path.join(ROOT, "docs", "images");
    const shots: [string, number, string][] = [
      ["report-en", 1, "report-en-1"],
      ["report-en", 2, "report-en-2"],
      ["report-ja", 1, "report-ja-1"],
    ];
    for (const [name, page, out] of shots) {
      execFileSync("pdftoppm", ["-png", "-r", "80", "-f", String(page), "-l", String(page), "-singlefile", pdf(name), path.join(images, out)]);
      const png = fs.readFileSync(path.join(images, `${out}.png`));
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect(png.length).toBeGreaterThan(10_000);
    }
  });
});
