/**
 * The seed-sourced reference bands against the seed report itself
 * (../shared/seeds/004_cdaa49437996e7ff.txt, a text export of the JPO study's report and case
 * collection): each entry's numbers, as printed, occur in the text of the case or figure it cites
 * (on the cited page where the text marks pages), its low and high are those numbers, and the page
 * agrees with the report's own index. So the dataset cannot drift from its source.
 *
 * The file is always present in this project's checkout: a missing file fails the test (in CI and
 * locally) rather than skipping it.
 */
import * as fs from "fs";
import * as path from "path";
import { BUILT_IN_BANDS, BuiltInBand } from "../../src/engine";

const SEED = process.env.IPVALUE_SEED_REPORT ?? path.resolve(__dirname, "../../../shared/seeds/004_cdaa49437996e7ff.txt");

function readSeed(): string {
  if (!fs.existsSync(SEED)) {
    const where = process.env.CI === "true" ? "in CI" : "locally";
    throw new Error(
      `The seed report ${SEED} is missing (${where}); the seed-sourced bands cannot be checked against it. Restore it or set IPVALUE_SEED_REPORT.`
    );
  }
  // The export escapes dollar signs (\$10,000).
  return fs.readFileSync(SEED, "utf8").replace(/\\\$/g, "$");
}

const squeeze = (s: string): string => s.replace(/\s+/g, "");
const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮";

// ---------------------------------------------------------------------------------------------
// Sections of the seed report

/** A table-of-contents line ("図表 7：…\t- 14 -"). */
const isTocLine = (line: string): boolean => /-\s*\d+\s*-\s*$/.test(line) && /^図表/.test(line);

/** The lines of a case: from its heading ("事例⑦：…" at a line start) to the next case's heading. */
function caseLines(lines: string[], circled: string): string[] {
  const start = lines.findIndex((l) => l.startsWith(`事例${circled}：`));
  if (start < 0) throw new Error(`no heading for 事例${circled} in the seed report`);
  let end = lines.findIndex((l, i) => i > start && new RegExp(`^事例[${CIRCLED}]：`).test(l) && !l.startsWith(`事例${circled}：`));
  if (end < 0) end = lines.length;
  return lines.slice(start, end);
}

/**
 * The lines of a figure: its block (from its heading to the next figure heading) and the lines of
 * the report that refer to it ("（図表 7）", "図表 24 参照"), which carry the numbers the text gives.
 */
function figureLines(lines: string[], n: number): string[] {
  const heading = new RegExp(`^図表\\s*${n}\\s*[:：]`);
  const anyHeading = /^図表\s*\d+\s*[:：]/;
  const start = lines.findIndex((l) => heading.test(l) && !isTocLine(l));
  if (start < 0) throw new Error(`no heading for 図表 ${n} in the seed report`);
  let end = lines.findIndex((l, i) => i > start && anyHeading.test(l) && !isTocLine(l));
  if (end < 0) end = lines.length;
  const mention = new RegExp(`図表\\s*${n}(?!\\d)`);
  const refs = lines.filter((l, i) => (i < start || i >= end) && mention.test(l) && !isTocLine(l) && !anyHeading.test(l));
  return [...refs, ...lines.slice(start, end)];
}

function sectionLines(lines: string[], section: string): string[] {
  const c = /^事例(.)$/.exec(section);
  if (c) return caseLines(lines, c[1]);
  const f = /^図表 (\d+)$/.exec(section);
  if (f) return figureLines(lines, Number(f[1]));
  throw new Error(`unknown section ${section}`);
}

/** Narrows a case to one of its parts: from the part's title to the title of another part used by the dataset. */
function partLines(section: string[], part: string, otherParts: string[]): string[] {
  const start = section.findIndex((l) => l.includes(part));
  if (start < 0) throw new Error(`no part "${part}"`);
  const end = section.findIndex((l, i) => i > start && otherParts.some((p) => p !== part && l.includes(p)));
  return section.slice(start, end < 0 ? section.length : end);
}

/** Where the case collection marks a page (a line holding only its number), the text of that page. */
function pageLines(section: string[], page: number): string[] {
  const isMarker = (l: string) => /^\s*\d{1,3}\s*$/.test(l);
  const marker = section.findIndex((l) => l.trim() === String(page));
  if (marker < 0) {
    // Pages without a marker (the case collection leaves a few out) may only come before the marked ones.
    const marked = section.filter(isMarker).map(Number);
    if (marked.length > 0 && page > Math.min(...marked))
      throw new Error(`page ${page} is not marked in this part of the text (pages ${marked.join(", ")} are)`);
    return section;
  }
  let start = marker - 1;
  while (start >= 0 && !isMarker(section[start])) start--;
  return section.slice(start + 1, marker);
}

// ---------------------------------------------------------------------------------------------
// Numbers as printed

/** The numbers a printed fragment stands for: "1～2万ユーロ" → 10000, 20000; "5.0%" → 0.05; "なし" → 0. */
function printedValues(fragment: string, scale = 1): number[] {
  const s = squeeze(fragment);
  const found: { value: number; suffix: string; rangeNext: boolean }[] = [];
  const re = /(\d[\d,]*(?:\.\d+)?)(%|万|億)?([～~〜])?/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    found.push({ value: Number(m[1].replace(/,/g, "")), suffix: m[2] ?? "", rangeNext: m[3] !== undefined });
  }
  // "5~10%": the unit after the second number applies to the first.
  for (let i = found.length - 2; i >= 0; i--) if (found[i].rangeNext && found[i].suffix === "") found[i].suffix = found[i + 1].suffix;
  const values = found.map(({ value, suffix }) => value * (suffix === "%" ? 0.01 : suffix === "万" ? 1e4 : suffix === "億" ? 1e8 : 1));
  if (/なし/.test(s)) values.push(0);
  if (/全額/.test(s)) values.push(1);
  return scale === 1 ? values : [...values, ...values.map((v) => v * scale)];
}

const sameNumber = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));

// ---------------------------------------------------------------------------------------------

const seedEntries = BUILT_IN_BANDS.filter((b): b is BuiltInBand & { seed: NonNullable<BuiltInBand["seed"]> } => b.seed !== undefined);

describe("the seed report", () => {
  test(`is present at ${SEED}`, () => {
    expect(() => readSeed()).not.toThrow();
  });
});

describe("seed-sourced bands against the text of the case or figure they cite", () => {
  const text = fs.existsSync(SEED) ? readSeed() : "";
  const lines = text.split(/\r?\n/);
  const partsOf = (section: string) => [...new Set(seedEntries.filter((b) => b.seed.section === section && b.seed.part).map((b) => b.seed.part!))];

  test("the parser reads printed numbers as the dataset stores them", () => {
    expect(printedValues("1～2万ユーロ")).toEqual([10000, 20000]);
    expect(printedValues("5~10%")).toEqual([0.05, 0.1]);
    expect(printedValues("完全希釈化後株式の5.0%")).toEqual([0.05]);
    expect(printedValues("1,000万ドル以下")).toEqual([10000000]);
    expect(printedValues("$500,000")).toEqual([500000]);
    expect(printedValues("約 56 倍")).toEqual([56]);
    expect(printedValues("(License Fee)なし")).toEqual([0]);
    expect(printedValues("6,509,179", 1000)).toEqual([6509179, 6509179000]);
  });

  test.each(seedEntries.map((b) => [b.key, b]))("%s", (_key, b) => {
    readSeed(); // fails, naming the file, when it is missing
    let section = sectionLines(lines, b.seed.section);
    if (b.seed.part) section = partLines(section, b.seed.part, partsOf(b.seed.section));
    const page = Number(/^p\.(\d+)$/.exec(b.page)![1]);
    if (b.seed.section.startsWith("事例")) section = pageLines(section, page);
    const where = squeeze(section.join("\n"));
    for (const fragment of b.seed.printed) {
      expect(where.includes(squeeze(fragment)) ? fragment : `"${fragment}" is not in ${b.seed.section}${b.seed.part ? " " + b.seed.part : ""} ${b.page}`).toBe(
        fragment
      );
    }
    const values = b.seed.printed.flatMap((f) => printedValues(f, b.seed.scale));
    for (const [name, v] of [
      ["low", b.low],
      ["high", b.high],
    ] as const) {
      expect(values.some((x) => sameNumber(x, v)) ? v : `${name} ${v} is not among the printed numbers ${values.join(", ")}`).toBe(v);
    }
  });

  test("the page of each case entry lies within the case's pages in the collection's index", () => {
    readSeed();
    const index = new Map<string, number>();
    for (const m of text.matchAll(new RegExp(`事例([${CIRCLED}])：[^\\n]*?p\\.\\s*(\\d+)`, "g"))) index.set(m[1], Number(m[2]));
    for (const b of seedEntries.filter((x) => x.seed.section.startsWith("事例"))) {
      const circled = b.seed.section.slice(2);
      const first = index.get(circled)!;
      const next = index.get(CIRCLED[CIRCLED.indexOf(circled) + 1])!;
      const page = Number(b.page.slice(2));
      expect(first).toBeDefined();
      expect(page >= first && page < next ? b.page : `${b.key}: ${b.page} is outside ${b.seed.section}'s pages ${first}-${next - 1}`).toBe(b.page);
    }
  });

  test("the page of each figure entry is the figure's page in the report's list of figures", () => {
    readSeed();
    const toc = new Map<number, number>();
    for (const l of lines) {
      const m = /^図表\s*(\d+)\s*[:：].*-\s*(\d+)\s*-\s*$/.exec(l);
      if (m) toc.set(Number(m[1]), Number(m[2]));
    }
    for (const b of seedEntries.filter((x) => x.seed.section.startsWith("図表"))) {
      const n = Number(b.seed.section.slice(3));
      expect(b.page).toBe(`p.${toc.get(n)}`);
    }
  });

  test("the descriptions are our own words: none repeats 15 characters of the report", () => {
    readSeed();
    const report = squeeze(text);
    for (const b of BUILT_IN_BANDS) {
      const d = squeeze(b.description_ja);
      for (let i = 0; i + 15 <= d.length; i++) {
        const piece = d.slice(i, i + 15);
        expect(report.includes(piece) ? `${b.key}: "${piece}" is copied` : b.key).toBe(b.key);
      }
    }
  });
});
