/**
 * The committee report (src/export/report.ts): every number it prints is the engine's, read back
 * from the .xlsx with exceljs and compared with the engine functions called directly (RANGE's rows,
 * OFFER's review, SIMULATE with the same seed, the band range); the committee's scope (internal
 * scenarios in or out) moves the range and is said; the print setup (A4 portrait, one page wide,
 * print area and title, a manual break before each section) and the internal mark in the header and
 * footer are in the file; the charts' specs point at cells holding their cached values; and
 * `npm run report`'s script writes the file a user opens.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  AssumptionKey,
  assumptionSpec,
  bandRateRange,
  parseAssumptionsTable,
  parseUserBands,
  planFromTable,
  RawValue,
  readAssumptionsTable,
  reviewOffer,
  runSimulation,
  valuationRangeRows,
  ValuationError,
} from "../../src/engine";
import { fieldScale } from "../../src/model/football";
import { offerTermMap, ScenarioSet } from "../../src/model/scenario-set";
import { assumptionsTableValues } from "../../src/model/table-layout";
import { buildCommitteeReport, committeeReport, REPORT_PERCENTILES, ReportError, ReportOptions, SECTIONS } from "../../src/export/report";
import { linesHeight, wrappedLines } from "../../src/export/text-layout";
import { REPORT_WORDS } from "../../src/export/report-words";
import type { ChartSpec, SeriesRange } from "../../src/export/chart-spec";
import { ROOT } from "./demo";
import { readCommitteeSample, REPORT_SCRIPT } from "./report-sample";

const OPTIONS: ReportOptions = { language: "en", date: "2026-11-23", version: "test", currency: "JPY", simulation: { iterations: 2000, seed: 7 } };

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

/** The engine's view of the same scope, computed here without the report. */
function engine(set: ScenarioSet, includeInternal: boolean, language: "en" | "ja" = "en") {
  const scoped = { ...set, scenarios: set.scenarios.filter((s) => includeInternal || !s.internal) };
  const table = assumptionsTableValues(scoped, language, true) as RawValue[][];
  return { scoped, table, scenarios: parseAssumptionsTable(table) };
}

const sample = readCommitteeSample();

describe("committee report: the engine's numbers", () => {
  test.each([true, false])("the range by method equals RANGE's rows (includeInternal %s)", async (includeInternal) => {
    const built = buildCommitteeReport(sample.set, { ...OPTIONS, includeInternal });
    const ws = await readBack(await committeeReport(sample.set, { ...OPTIONS, includeInternal }));
    const { scenarios } = engine(sample.set, includeInternal);
    const printed = built.facts.range.filter((r) => r.output !== "band_rate");
    expect(printed.length).toBeGreaterThanOrEqual(8);
    const rows = valuationRangeRows(
      scenarios,
      printed.map((r) => r.output as never)
    );
    printed.forEach((p, i) => {
      const r = rows[i];
      if (r instanceof ValuationError) throw r;
      // Read back from the file: the cells C, D, E of the printed row are numbers with a number format.
      for (const [col, v] of [
        ["C", r.low],
        ["D", r.base],
        ["E", r.high],
      ] as const) {
        const cell = ws.getCell(`${col}${p.row}`);
        expect(typeof cell.value).toBe("number");
        expect(cell.value as number).toBeCloseTo(v, 6);
        expect(cell.numFmt).toMatch(/^(#,##0|0\.00%)$/);
      }
    });
    const band = built.facts.range.find((r) => r.output === "band_rate")!;
    const b = bandRateRange(sample.set.decisions.bands.filter);
    expect([band.low, band.base, band.high]).toEqual([b.low, b.base, b.high]);
    expect(ws.getCell(`D${band.row}`).value).toBe(b.base);
  });

  test("the committee's interquartile choice and the office's own bands: the band row spans q1..q3 of the matching bands (with the own ones), the bar's label says so, the own internal bands are listed marked", async () => {
    // Five own comparables, midpoints 1 %, 2 %, 3 %, 4 % and 10 %; the filter "ownfive" matches only them.
    const own = parseUserBands([
      ["key", "low", "high", "unit", "source"],
      ...[0.01, 0.02, 0.03, 0.04, 0.1].map((mid, i) => [`own_${i + 1}`, mid - 0.005, mid + 0.005, "share_of_net_sales", "ownfive"]),
    ]);
    const set: ScenarioSet = { ...sample.set, decisions: { ...sample.set.decisions, bands: { filter: "ownfive", spread: "iqr", internal: false } } };
    const built = buildCommitteeReport(set, { ...OPTIONS, userBands: { bands: own, internal: ["OWN_1", "own_2"] } });
    const band = built.facts.range.find((r) => r.output === "band_rate")!;
    // By hand: PERCENTILE.INC of 1, 2, 3, 4, 10 % at ranks 1 and 3 is 2 % and 4 %, the median 3 %.
    expect(band.low).toBeCloseTo(0.02, 15);
    expect(band.base).toBeCloseTo(0.03, 15);
    expect(band.high).toBeCloseTo(0.04, 15);
    const w = REPORT_WORDS.en;
    expect(built.facts.field!.bars.map((b) => b.label)).toContain(w.bandBarLabel(5, true));
    const ws = await readBack(new Uint8Array((await built.workbook.xlsx.writeBuffer()) as ArrayBuffer));
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && texts.push(c.value)));
    expect(texts).toContain(w.bandsSpread(5, true, 2));
    expect(texts.filter((t) => t.endsWith(w.internalBand))).toHaveLength(2);
    // Without the own bands the filter matches nothing: no band row, the report says there are none.
    const without = buildCommitteeReport(set, OPTIONS);
    expect(without.facts.range.some((r) => r.output === "band_rate")).toBe(false);
  });

  test("the internal scenario moves the committee's range, and the report says which scenarios it covers", async () => {
    const withInternal = buildCommitteeReport(sample.set, OPTIONS);
    const without = buildCommitteeReport(sample.set, { ...OPTIONS, includeInternal: false });
    const high = (r: typeof withInternal) => r.facts.range.find((x) => x.output === "rnpv")!.high;
    expect(high(withInternal)).toBeGreaterThan(high(without));
    expect(withInternal.facts.scope.internalIncluded).toEqual(["Stretch (board only)"]);
    expect(without.facts.scope.internalLeftOut).toEqual(["Stretch (board only)"]);
    const texts = async (r: typeof withInternal) => {
      const ws = await readBack(new Uint8Array((await r.workbook.xlsx.writeBuffer()) as ArrayBuffer));
      const out: string[] = [];
      ws.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && out.push(c.value)));
      return out.join("\n");
    };
    const w = REPORT_WORDS.en;
    expect(await texts(withInternal)).toContain(w.includesInternal("Stretch (board only)"));
    expect(await texts(without)).toContain(w.excludesInternal("Stretch (board only)"));
    expect(await texts(without)).toContain(w.scopeCovers("Low, Base, High"));
  });

  test("the recommendation: the offer is OFFER's value of the term sheet in the base scenario; floor and ceiling as set", async () => {
    const built = buildCommitteeReport(sample.set, OPTIONS);
    const ws = await readBack(await committeeReport(sample.set, OPTIONS));
    const { table } = engine(sample.set, true);
    const review = reviewOffer(
      readAssumptionsTable(table),
      offerTermMap(sample.set.decisions),
      sample.set.decisions.floor.value,
      sample.set.decisions.ceiling.value
    );
    expect(typeof review.value).toBe("number");
    const { row } = built.facts.offer;
    expect(ws.getCell(`C${row.offer}`).value).toBeCloseTo(review.value as number, 6);
    expect(ws.getCell(`C${row.floor}`).value).toBe(sample.set.decisions.floor.value);
    expect(ws.getCell(`C${row.ceiling}`).value).toBe(sample.set.decisions.ceiling.value);
    expect(ws.getCell(`C${row.offer}`).numFmt).toBe("#,##0");
  });

  test("the simulation's percentiles and P(below floor) equal SIMULATE with the same seed; a different seed differs", async () => {
    const built = buildCommitteeReport(sample.set, OPTIONS);
    const ws = await readBack(await committeeReport(sample.set, OPTIONS));
    const { table } = engine(sample.set, true);
    const plan = planFromTable(table);
    const run = runSimulation(plan, {
      iterations: 2000,
      seed: 7,
      output: "rnpv",
      percentiles: REPORT_PERCENTILES,
      threshold: sample.set.decisions.floor.value!,
    });
    const rows = built.facts.percentileRows;
    expect(rows).toHaveLength(REPORT_PERCENTILES.length + 1);
    run.percentiles.forEach((p, i) => {
      expect(ws.getCell(`A${rows[i]}`).value).toBe(`P${p.p * 100}`);
      expect(ws.getCell(`B${rows[i]}`).value).toBe(p.value);
    });
    expect(ws.getCell(`B${rows[rows.length - 1]}`).value).toBe(run.mean);
    expect(built.facts.simulation!.below!.probability).toBe(run.below!.probability);
    const other = buildCommitteeReport(sample.set, { ...OPTIONS, simulation: { iterations: 2000, seed: 8 } });
    expect(other.facts.simulation!.percentiles[3].value).not.toBe(run.percentiles[3].value);
  });

  test("the reproducible default: two builds give the same bytes of numbers", async () => {
    const a = buildCommitteeReport(sample.set, { ...OPTIONS, simulation: undefined });
    const b = buildCommitteeReport(sample.set, { ...OPTIONS, simulation: undefined });
    expect(a.facts.simulation!.percentiles).toEqual(b.facts.simulation!.percentiles);
    expect(a.facts.simulation!.iterations).toBe(10000);
  });

  test("a set that cannot be valued, or a scope with no scenario, is refused with a reason in both languages", () => {
    const allInternal: ScenarioSet = { ...sample.set, scenarios: sample.set.scenarios.map((s) => ({ ...s, internal: true })) };
    expect(() => buildCommitteeReport(allInternal, { ...OPTIONS, includeInternal: false })).toThrow(ReportError);
    const broken: ScenarioSet = { ...sample.set, scenarios: sample.set.scenarios.map((s) => ({ ...s, values: { ...s.values, market_size: undefined } })) };
    try {
      buildCommitteeReport(broken, OPTIONS);
      throw new Error("not refused");
    } catch (e) {
      expect(e).toBeInstanceOf(ReportError);
      expect((e as ReportError).reason.ja).toMatch(/評価できません/);
      expect((e as ReportError).reason.en).toMatch(/market_size/);
    }
  });
});

describe("committee report: the page", () => {
  test("A4 portrait, one page wide, print area and title, a manual break before each section, internal mark in header and footer", async () => {
    for (const language of ["en", "ja"] as const) {
      const built = buildCommitteeReport(sample.set, { ...OPTIONS, language });
      const bytes = await committeeReport(sample.set, { ...OPTIONS, language });
      const ws = await readBack(bytes);
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.orientation).toBe("portrait");
      expect(ws.pageSetup.fitToPage).toBe(true);
      expect(ws.pageSetup.fitToWidth).toBe(1);
      expect(ws.pageSetup.fitToHeight).toBe(0);
      expect(ws.pageSetup.printArea!.replace(/\$/g, "")).toBe(`A1:F${built.facts.lastRow}`);
      const mark = REPORT_WORDS[language].internalMark;
      expect(ws.headerFooter.oddHeader).toContain(mark);
      expect(ws.headerFooter.oddFooter).toContain(mark);
      expect(ws.headerFooter.oddFooter).toContain("&P");
      expect(ws.headerFooter.oddFooter).toContain("&N");

      // What exceljs does not read back, from the parts themselves: the print titles and the row breaks.
      const zip = await JSZip.loadAsync(bytes);
      const book = await zip.file("xl/workbook.xml")!.async("string");
      expect(book).toMatch(/<definedName name="_xlnm.Print_Titles"[^>]*>[^<]*\$1:\$1<\/definedName>/);
      expect(book).toMatch(/<definedName name="_xlnm.Print_Area"[^>]*>[^<]*\$A\$1:\$F\$(\d+)<\/definedName>/);
      const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
      const breaks = [...sheet.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
      // A break closes the page before every section but the first.
      for (const id of SECTIONS.slice(1)) expect(breaks).toContain(built.facts.sectionRows[id] - 1);
      expect(breaks).toEqual(built.facts.breaks);
      // Section rows in order, each heading in its cell.
      const rows = SECTIONS.map((id) => built.facts.sectionRows[id]);
      expect([...rows].sort((a, b) => a - b)).toEqual(rows);
      expect(String(ws.getCell(`A${built.facts.sectionRows.record}`).value)).toBe(REPORT_WORDS[language].recordHeading);
    }
  });

  test("the Japanese report uses the committee's words: 提示条件, 下限, 上限, ライセンシー", async () => {
    const ws = await readBack(await committeeReport(sample.set, { ...OPTIONS, language: "ja" }));
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && texts.push(c.value)));
    const all = texts.join("\n");
    for (const word of ["提示条件", "下限", "上限", "ライセンシー", "社外秘シナリオを含む", "決定記録"]) expect(all).toContain(word);
  });

  test("row heights fit their wrapped text: a CJK character counts about two Latin ones", () => {
    expect(wrappedLines("a".repeat(40), 32)).toBe(2);
    expect(wrappedLines("あ".repeat(40), 32)).toBeGreaterThanOrEqual(3);
    expect(wrappedLines("short", 32)).toBe(1);
    expect(wrappedLines("one\ntwo", 32)).toBe(2);
  });

  test("every written row has a height set, taller rows for wrapped paragraphs", async () => {
    const built = buildCommitteeReport(sample.set, { ...OPTIONS, language: "ja" });
    const ws = built.workbook.worksheets[0];
    for (let r = 1; r <= built.facts.lastRow; r++) expect(ws.getRow(r).height).toBeGreaterThan(0);
    // The question fits one line of the page's 110 columns; the first method's paragraph wraps.
    const width = ws.columns.reduce((sum, c) => sum + (c.width ?? 9), 0);
    const question = ws.getRow(built.facts.sectionRows.question + 2);
    expect(wrappedLines(String(question.getCell(1).value), width)).toBe(1);
    expect(question.height).toBe(linesHeight(1, 11, true));
    const methods = Array.from({ length: built.facts.sectionRows.record - built.facts.sectionRows.methods }, (_, i) =>
      ws.getRow(built.facts.sectionRows.methods + i)
    );
    const method = methods.reduce((a, b) => (String(b.getCell(1).value ?? "").length > String(a.getCell(1).value ?? "").length ? b : a));
    const lines = wrappedLines(String(method.getCell(1).value), width);
    expect(lines).toBeGreaterThanOrEqual(2);
    expect(method.height).toBeGreaterThanOrEqual(linesHeight(lines, 11, true));
  });
});

describe("committee report: the charts as data", () => {
  const cellsOf = (ws: ExcelJS.Worksheet, s: SeriesRange) => {
    const [from, to] = s.range.split(":");
    const col = from.replace(/\d+/g, "");
    const [a, b] = [Number(from.replace(/\D+/g, "")), Number(to.replace(/\D+/g, ""))];
    return Array.from({ length: b - a + 1 }, (_, i) => ws.getCell(`${col}${a + i}`).value);
  };

  test("the football field, the percentiles and the tornado read cells that hold their cached values", async () => {
    const built = buildCommitteeReport(sample.set, OPTIONS);
    const ws = await readBack(await committeeReport(sample.set, OPTIONS));
    expect(built.charts.map((c) => c.kind)).toEqual(["football", "column", "tornado"]);
    for (const chart of built.charts) {
      const ranges: SeriesRange[] =
        chart.kind === "football"
          ? [chart.categories, chart.low, chart.span]
          : chart.kind === "column"
            ? [chart.categories, chart.values]
            : [chart.categories, chart.low, chart.high];
      for (const r of ranges) {
        expect(r.sheet).toBe(ws.name);
        expect(cellsOf(ws, r)).toEqual([...r.cache]);
      }
      // The chart stands on rows of its own, within the print area.
      expect(chart.anchor.to.row).toBeLessThanOrEqual(built.facts.lastRow);
      for (let r = chart.anchor.from.row + 1; r <= chart.anchor.to.row; r++) expect(ws.getCell(`A${r}`).value).toBeNull();
    }
  });

  test("the football field's axis is fieldScale's over the bars and the committee's marks: the outlier is clipped", () => {
    const built = buildCommitteeReport(sample.set, OPTIONS);
    const football = built.charts[0] as Extract<ChartSpec, { kind: "football" }>;
    const { bars, scale } = built.facts.field!;
    const { value, floor, ceiling } = built.facts.offer;
    const expected = fieldScale(
      bars.map((b) => ({ low: b.low, base: (b.low + b.high) / 2, high: b.high })),
      [value!, floor!, ceiling!]
    );
    expect(football.axis).toEqual({ min: expected.min, max: expected.max, step: expected.step });
    expect(scale.clippedHigh.some(Boolean)).toBe(true); // the walk-away rate's bar
    const ends = football.low.cache.map((low, i) => (low as number) + (football.span.cache[i] as number));
    for (const end of ends) expect(end).toBeLessThanOrEqual(football.axis.max);
    // The committee's marks are on the axis.
    for (const m of [value!, floor!, ceiling!]) expect(m).toBeLessThanOrEqual(football.axis.max);
  });

  test("the tornado's bars are the engine's outputs at each assumption's ends, less the base value", () => {
    const built = buildCommitteeReport(sample.set, OPTIONS);
    const tornado = built.charts[2] as Extract<ChartSpec, { kind: "tornado" }>;
    const t = built.facts.tornado!;
    tornado.low.cache.forEach((v, i) => expect(v).toBeCloseTo((t.rows[i].outputLow as number) - t.base, 6));
    tornado.high.cache.forEach((v, i) => expect(v).toBeCloseTo((t.rows[i].outputHigh as number) - t.base, 6));
  });
});

describe("npm run report", () => {
  test("scripts/report.js writes the report and prints where", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ipvalue-report-"));
    const out = path.join(dir, "report-ja.xlsx");
    const printed = execFileSync(process.execPath, [REPORT_SCRIPT, "--lang", "ja", "--out", out, "--date", "2026-11-23", "--json"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    const run = JSON.parse(printed.trim().split("\n").pop()!);
    expect(run.path).toBe(out);
    expect(run.charts).toEqual(["football", "column", "tornado"]);
    expect(run.scope.internalIncluded).toEqual(["Stretch (board only)"]);
    const ws = await readBack(fs.readFileSync(out));
    expect(ws.name).toBe(REPORT_WORDS.ja.sheet);
    expect(String(ws.getCell("A1").value)).toContain("2026-11-23");
    const plain = execFileSync(process.execPath, [REPORT_SCRIPT, "--out", path.join(dir, "r.xlsx"), "--no-internal"], { cwd: ROOT, encoding: "utf8" });
    expect(plain).toContain("range covers: Low, Base, High;");
  });
});

describe("committee report: each assumption's source or note", () => {
  test("printed beside its assumption in the scenarios side by side, in each block, before the report's own notes", async () => {
    const sources = sample.set.sources!;
    expect(Object.keys(sources).length).toBeGreaterThanOrEqual(3);
    for (const language of ["en", "ja"] as const) {
      const ws = await readBack(await committeeReport(sample.set, { ...OPTIONS, language }));
      const w = REPORT_WORDS[language];
      // The note column is the one the block's header names (assumption, four scenario columns, note).
      const headers: number[] = [];
      ws.eachRow((row, r) => {
        if (row.getCell(1).value === w.assumption && row.getCell(6).value === w.note) headers.push(r);
      });
      expect(headers.length).toBeGreaterThanOrEqual(1);
      const first = headers[0];
      for (const [key, source] of Object.entries(sources)) {
        const label = assumptionSpec(key as AssumptionKey).label[language];
        let found = 0;
        ws.eachRow((row, r) => {
          if (r > first && row.getCell(1).value === label && String(row.getCell(6).value ?? "").startsWith(source)) found++;
        });
        expect([key, found]).toEqual([key, Math.ceil(sample.set.scenarios.length / 4)]);
      }
      // An assumption without a source prints none: its note is only what the report adds.
      const bare = assumptionSpec("market_growth").label[language];
      ws.eachRow((row, r) => {
        if (r > first && row.getCell(1).value === bare) expect(Object.values(sources)).not.toContain(String(row.getCell(6).value ?? ""));
      });
    }
  });

  test("a set without sources (a workbook saved before the column) still builds, with the report's own notes only", async () => {
    const { sources: _none, ...plain } = sample.set;
    const ws = await readBack(await committeeReport(plain, OPTIONS));
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && texts.push(c.value)));
    for (const s of Object.values(sample.set.sources!)) expect(texts.join("\n")).not.toContain(s);
  });
});
