/**
 * "Add comparables" in headless Chromium against the built add-in (dist/) and the Excel stand-in, as
 * taskpane-ui.test.ts runs it: a pasted Japanese clause becomes user bands with their excerpts, stored
 * internal in IpvalueUserBands (read back here by the engine's user-bands reader, what BANDS reads); a
 * PDF and a .docx opened from disk are read in the page (pdf.js's worker from the add-in's own origin)
 * with no request to another host; a royalty-database CSV is mapped, its unreadable rows listed with
 * their reasons, the rest saved. The pdf.js and mammoth chunks are not loaded with the pane. The
 * saved bands are then in BANDS over the table and in the pane's band filter (internal ones marked),
 * and the football field's band bar spans them, min–max or, once chosen, their interquartile range
 * (its label and ends asserted in the DOM; the choice stored in IpvalueDecisions).
 * Needs `npm run build` first and Debian's /usr/bin/chromium.
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { Page } from "playwright-core";
import { parseUserBands } from "../../src/engine";
import * as F from "../../src/functions/functions";
import { readSavedBands, USER_BANDS_HEADER, USER_BANDS_TABLE } from "../../src/taskpane/model/comparables";
import { exampleSet } from "../../src/taskpane/model/examples";
import { computeResults } from "../../src/taskpane/model/results";
import { formatCompact } from "../../src/taskpane/ui/format";
import { BrowserSession, openBrowser, SCREENSHOTS } from "./harness";

const FIXTURES = path.resolve(__dirname, "../fixtures/comparables");
const CLAUSE = "第5条（実施料） 乙は甲に対し、契約一時金として金500万円を支払う。乙は、許諾製品の正味販売高の3％をランニング・ロイヤルティとして支払う。";

describe("comparables from the task pane", () => {
  let session: BrowserSession;
  let page: Page;
  const pageErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    session = await openBrowser({ locale: "ja-JP", viewport: { width: 800, height: 1000 } }, { excel: true });
    page = await session.context.newPage();
    page.setDefaultTimeout(20000);
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(session.server.url + "taskpane.html");
    await page.evaluate(() => (window as any).__fakeExcel.reset());
    await page.reload();
    await page.locator('[data-testid="start-medical-device"]').click();
    await page.locator('[data-testid="comparables-open"]').waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);
  const table = () =>
    page.evaluate((name) => (window as any).__fakeExcel.table(name), USER_BANDS_TABLE) as Promise<{ values: (string | number | boolean)[][] } | null>;
  const column = (values: (string | number | boolean)[][], name: string) => values.slice(1).map((r) => r[USER_BANDS_HEADER.indexOf(name)]);

  test("the pane loads without the document readers", () => {
    expect(requests.filter((u) => /pdfjs|mammoth|pdf\.worker/.test(u))).toEqual([]);
    expect(requests.every((u) => u.startsWith(session.server.url) || u.startsWith("https://appsforoffice.microsoft.com/"))).toBe(true);
  });

  test("a pasted Japanese clause becomes two user bands with their excerpts, stored internal", async () => {
    await byTestId("comparables-open").click();
    await byTestId("comparables-text").fill(CLAUSE);
    await byTestId("comparables-find").click();
    await expect(byTestId("comparables-term").count()).resolves.toBe(2);
    expect(await byTestId("comparables-term").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-kind")))).toEqual(["upfront", "royalty_rate"]);
    expect(await byTestId("comparables-excerpt").nth(1).innerText()).toContain("正味販売高の3％");
    expect(await byTestId("comparables-internal").isChecked()).toBe(true);
    await byTestId("comparables-licensee").selectOption("startup");
    await byTestId("comparables-source").fill("甲乙契約 2023");
    await byTestId("comparables-year").fill("2023");
    // For the README: the extracted terms beside their excerpts, before saving.
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await byTestId("comparables-dialog").screenshot({ path: path.join(SCREENSHOTS, "comparables-review.png") });
    await byTestId("comparables-save").click();
    await byTestId("comparables-saved").waitFor();
    const t = await table();
    const bands = parseUserBands(t!.values);
    expect(bands.map((b) => [b.low, b.high, b.unit, b.licensee, b.year, b.source])).toEqual([
      [5000000, 5000000, "amount", "startup", 2023, "甲乙契約 2023"],
      [0.03, 0.03, "share_of_net_sales", "startup", 2023, "甲乙契約 2023"],
    ]);
    expect(bands[1].locator).toContain("正味販売高の3％");
    expect(column(t!.values, "internal")).toEqual([true, true]);
  });

  test("a fixed figure and a dropped term: only what the user kept, as fixed", async () => {
    await byTestId("comparables-text").fill(CLAUSE);
    await byTestId("comparables-find").click();
    await byTestId("comparables-keep").first().uncheck();
    await byTestId("comparables-high").nth(1).fill("5");
    await byTestId("comparables-save").click();
    await byTestId("comparables-saved").waitFor();
    const bands = parseUserBands((await table())!.values);
    expect(bands.slice(2).map((b) => [b.key, b.low, b.high])).toEqual([["own_2023_3", 0.03, 0.05]]);
  });

  test("a PDF and a .docx opened from disk are read in the page, offline", async () => {
    const before = requests.length;
    await byTestId("comparables-file").setInputFiles(path.join(FIXTURES, "license-clause.pdf"));
    await page.locator('[data-testid="comparables-read"], [data-testid="comparables-error"]').first().waitFor();
    expect(await byTestId("comparables-error").allInnerTexts()).toEqual([]);
    await byTestId("comparables-find").click();
    expect(await byTestId("comparables-term").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-kind")).sort())).toEqual([
      "annual_minimum",
      "royalty_rate",
      "upfront",
    ]);
    const zip = new JSZip();
    zip.file(
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    );
    zip.file(
      "_rels/.rels",
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    );
    zip.file(
      "word/document.xml",
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>The Licensee shall pay a running royalty of 4% of net sales.</w:t></w:r></w:p></w:body></w:document>'
    );
    await byTestId("comparables-file").setInputFiles({
      name: "deal.docx",
      mimeType: "application/octet-stream",
      buffer: await zip.generateAsync({ type: "nodebuffer" }),
    });
    await page.waitForFunction(() =>
      /deal\.docx/.test(document.querySelector('[data-testid="comparables-read"], [data-testid="comparables-error"]')?.textContent ?? "")
    );
    expect(await byTestId("comparables-error").allInnerTexts()).toEqual([]);
    expect(await byTestId("comparables-text").inputValue()).toContain("running royalty of 4%");
    const loaded = requests.slice(before);
    expect(loaded.some((u) => u.endsWith("/pdfjs/pdf.worker.min.js"))).toBe(true);
    expect(loaded.filter((u) => !u.startsWith(session.server.url))).toEqual([]);
  });

  test("a royalty-database CSV: the mapping shown, unreadable rows listed with their reason, the rest saved", async () => {
    await byTestId("comparables-tab-csv").click();
    await byTestId("comparables-csv-file").setInputFiles(path.join(FIXTURES, "royalty-export-en.csv"));
    await byTestId("comparables-mapping").waitFor();
    expect(await page.locator('[data-testid="comparables-map"][data-field="low"]').inputValue()).toBe("4");
    expect(
      await byTestId("comparables-refused")
        .locator("li")
        .evaluateAll((li) => li.map((l) => l.getAttribute("data-row")))
    ).toEqual(["4", "6", "7"]);
    expect(await byTestId("comparables-refused").innerText()).toContain("料率（下限）が数値ではありません");
    await byTestId("comparables-save").click();
    await byTestId("comparables-saved").waitFor();
    const bands = parseUserBands((await table())!.values);
    expect(bands.slice(3).map((b) => [b.low, b.high, b.source])).toEqual([
      [0.03, 0.05, "RoyaltySource"],
      [0.025, 0.025, "ktMINE"],
    ]);
    expect(fs.existsSync(path.join(FIXTURES, "royalty-export-en.csv"))).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  test("the saved bands are in BANDS over the table, in the band filter's list marked internal, and span the football field's band bar: its interquartile range, stored with the decisions", async () => {
    const values = (await table())!.values;
    // BANDS over the saved table: the pasted clause's running royalty is there, with its excerpt.
    const listed = F.bands("user unit:share_of_net_sales", values as unknown[][]) as unknown[][];
    const header = listed[0] as string[];
    const rows = listed.slice(1);
    const clause = rows.find((r) => String(r[header.indexOf("locator")]).includes("正味販売高の3％"))!;
    expect(clause[header.indexOf("key")]).toBe("own_2023_2");
    expect(clause[header.indexOf("low")]).toBe(0.03);
    const keys = rows.map((r) => r[header.indexOf("key")] as string);
    expect(keys.length).toBeGreaterThanOrEqual(3);

    await byTestId("comparables-close").click();
    await byTestId("comparables-close").waitFor({ state: "detached" });
    await byTestId("decision-bands").fill("user");
    await byTestId("decision-bands").press("Enter");
    await expect(byTestId("decision-bands-matched").innerText()).resolves.toContain("own_2023_2（社外秘）");
    // Every saved band (the upfront amount too) is counted there, all internal; the bar counts the royalty rates.
    const saved = parseUserBands(values);
    expect(await byTestId("decision-own-bands").innerText()).toContain(`バンド${saved.length}件も含みます（うち社外秘${saved.length}件`);
    await page.locator('[data-testid="football-field"] [data-output="band_rate"]').waitFor();
    const barLabel = page.locator('[data-testid="football-field"] text[data-bar-label="band_rate"]').first();
    expect(await barLabel.textContent()).toBe(`参考バンド：${keys.length}件の最小～最大`);

    await byTestId("decision-band-spread-iqr").check();
    await page.waitForFunction(() =>
      /四分位範囲/.test(document.querySelector('[data-testid="football-field"] text[data-bar-label="band_rate"]')?.textContent ?? "")
    );
    expect(await barLabel.textContent()).toBe(`参考バンド：${keys.length}件の四分位範囲`);
    // The bar's ends as drawn are the pane model's over the same table (which RANGE's band_spread "iqr" matches: results.test.ts).
    const example = exampleSet("medical-device", "ja");
    const set = { ...example, decisions: { ...example.decisions, bands: { filter: "user", spread: "iqr" as const, internal: false } } };
    const bar = computeResults(set, "ja", readSavedBands(values)).football.find((b) => b.output === "band_rate")!;
    const ends = page.locator('[data-testid="football-field"] text[data-bar-label="band_rate"]').nth(1);
    expect(await ends.textContent()).toBe(`${formatCompact(bar.low, "ja")} – ${formatCompact(bar.high, "ja")}`);
    // For the README: the football field's band bar over the office's own bands.
    await byTestId("football-field").screenshot({ path: path.join(SCREENSHOTS, "comparables-football.png") });
    // The committee's choice is stored with the decisions.
    await page.waitForFunction(() => {
      const d = (window as any).__fakeExcel.table("IpvalueDecisions");
      return !!d && d.values.some((r: unknown[]) => r[0] === "band_spread" && r[1] === "iqr");
    });
    expect(pageErrors).toEqual([]);
  });
});
