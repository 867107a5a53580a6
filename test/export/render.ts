/**
 * Rendering helpers of the export tests: a workbook as LibreOffice prints it (PDF, with a private
 * profile per call so parallel runs do not collide), its pages as pixels (pdftoppm's PPM), and the
 * text boxes LibreOffice placed (pdftotext -bbox-layout).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { onPath } from "./recalc";

/** Fails (never skips) without LibreOffice or poppler's tools. */
export function requireRenderers(): void {
  for (const cmd of ["soffice", "pdftoppm", "pdftotext", "pdfinfo"])
    if (!onPath(cmd)) throw new Error(`'${cmd}' is not on PATH: this test needs LibreOffice and poppler-utils and fails rather than skips.`);
}

/** Converts each .xlsx to PDF in `outDir` with LibreOffice; returns the PDFs' paths. */
export function toPdf(inputs: readonly string[], outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "ipvalue-lo-render-"));
  try {
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, ...inputs], {
      stdio: "pipe",
      timeout: 170_000,
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return inputs.map((input) => {
    const pdf = path.join(outDir, path.basename(input).replace(/\.xlsx$/, ".pdf"));
    if (!fs.existsSync(pdf)) throw new Error(`LibreOffice wrote no ${pdf}`);
    return pdf;
  });
}

export function pageCount(pdf: string): number {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const m = /^Pages:\s+(\d+)/m.exec(info);
  if (!m) throw new Error(`pdfinfo gave no page count for ${pdf}`);
  return Number(m[1]);
}

/** One page as RGB pixels. */
export interface Page {
  width: number;
  height: number;
  /** Points per pixel: the page's PDF coordinates are pixel × scale. */
  scale: number;
  rgb: Uint8Array;
}

/** Page `n` (1-based) rendered at `dpi`, read from pdftoppm's binary PPM. */
export function renderPage(pdf: string, n: number, dpi = 60): Page {
  const stem = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ipvalue-ppm-")), "page");
  execFileSync("pdftoppm", ["-r", String(dpi), "-f", String(n), "-l", String(n), "-singlefile", pdf, stem], { stdio: "pipe" });
  const bytes = fs.readFileSync(`${stem}.ppm`);
  fs.rmSync(path.dirname(stem), { recursive: true, force: true });
  // "P6 <width> <height> <max>" then one whitespace byte, then the pixels.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 50).toString("latin1"));
  if (!header) throw new Error("pdftoppm wrote no binary PPM");
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, scale: 72 / dpi, rgb: new Uint8Array(bytes.subarray(header[0].length, header[0].length + width * height * 3)) };
}

export interface Region {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Pixels in `region` (page pixels) that are not near white; with `near`, only those close to that colour. */
export function countPixels(page: Page, region: Region, near?: [number, number, number]): number {
  let n = 0;
  for (let y = Math.max(0, Math.floor(region.y0)); y < Math.min(page.height, region.y1); y++)
    for (let x = Math.max(0, Math.floor(region.x0)); x < Math.min(page.width, region.x1); x++) {
      const i = (y * page.width + x) * 3;
      const [r, g, b] = [page.rgb[i], page.rgb[i + 1], page.rgb[i + 2]];
      if (near) {
        if (Math.abs(r - near[0]) + Math.abs(g - near[1]) + Math.abs(b - near[2]) < 60) n++;
      } else if (r < 235 || g < 235 || b < 235) n++;
    }
  return n;
}

export const wholePage = (page: Page): Region => ({ x0: 0, y0: 0, x1: page.width, y1: page.height });

/** A run of text LibreOffice placed: a pdftotext -bbox-layout line (words that belong together), in points. */
export interface TextLine extends Region {
  page: number;
  text: string;
}

const unescape = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#39);/g, (_, e: string) => ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'", "#39": "'" })[e]!);

const attr = (s: string, name: string) => Number(new RegExp(`\\b${name}="([-0-9.]+)"`).exec(s)![1]);

/** Every line of text on every page (pdftotext -bbox-layout's <line>, its words joined). */
export function textLines(pdf: string): TextLine[] {
  const html = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const out: TextLine[] = [];
  html.split(/<page\b/).forEach((page, i) => {
    if (i === 0) return;
    for (const m of page.matchAll(/<line\b([^>]*)>([\s\S]*?)<\/line>/g)) {
      const words = [...m[2].matchAll(/<word\b[^>]*>([\s\S]*?)<\/word>/g)].map((w) => unescape(w[1]));
      out.push({ page: i, x0: attr(m[1], "xMin"), y0: attr(m[1], "yMin"), x1: attr(m[1], "xMax"), y1: attr(m[1], "yMax"), text: words.join(" ") });
    }
  });
  return out;
}

/**
 * Boxes that overlap: more than `slack` points across, and in height more than a quarter of the lower
 * box. The consecutive lines of one wrapped cell share about a tenth of their height (the font's box
 * is taller than the line pitch); text drawn over other text shares much more.
 */
export function intersects(a: Region, b: Region, slack = 0.5): boolean {
  const across = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const down = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return across > slack && down > 0.25 * Math.min(a.y1 - a.y0, b.y1 - b.y0);
}

/** Pairs of lines on the same page whose boxes intersect, described. */
export function overlappingLines(lines: readonly TextLine[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++)
    for (let j = i + 1; j < lines.length; j++) {
      const [a, b] = [lines[i], lines[j]];
      if (a.page === b.page && intersects(a, b)) out.push(`p${a.page}: ${JSON.stringify(a.text.slice(0, 40))} × ${JSON.stringify(b.text.slice(0, 40))}`);
    }
  return out;
}
