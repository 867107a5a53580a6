/**
 * The committee's offer as a term sheet, in headless Chromium against the built add-in (dist/) and the
 * Excel stand-in (fake-excel.js): filled from a published model (case 7 model B at 150 yen to the
 * dollar) on the university spin-out example, valued in every scenario — the same numbers the engine's
 * OFFER gives in Node on the same set — checked against floor, ceiling and the licensee's walk-away,
 * drawn as a bar on the football field, and edited and undone. Takes docs/images/offer-terms.png.
 * Needs `npm run build` first.
 */
import * as fs from "fs";
import * as path from "path";
import { Page } from "playwright-core";
import { exampleSet } from "../../src/taskpane/model/examples";
import { offerFromPreset, setOfferTerm } from "../../src/model/scenario-set";
import { committeeOffer } from "../../src/taskpane/model/offer";
import { BrowserSession, openBrowser, openFreshPane, SCREENSHOTS } from "./harness";

const PRESET = "case7_b_no_approval";
const SET = offerFromPreset(exampleSet("university-spinout", "en"), PRESET, "150");
const EXPECTED = committeeOffer(SET, "en")!;
// The same terms with a 40 % royalty rate until the claims expire: the scenarios whose licensee walks away, by the engine.
const GREEDY = committeeOffer(setOfferTerm(SET, "royalty_rate", "40"), "en")!;
const GREEDY_NEGATIVE = GREEDY.rows.filter((r) => typeof r.licenseeNpv === "number" && r.licenseeNpv < 0).map((r) => r.name);

describe("the committee's offer as a term sheet, against the Excel stand-in", () => {
  let page: Page;
  let session: BrowserSession;
  const pageErrors: string[] = [];
  const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);
  /** The review table as shown: scenario → [rnpv, licensee_npv, equivalent_rate], the numbers behind the cells. */
  const shownValues = () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-testid="offer-values"] tbody tr')).map((tr) => [
        tr.getAttribute("data-scenario"),
        ...["rnpv", "licensee_npv", "equivalent_rate"].map((c) => Number(tr.querySelector(`[data-column="${c}"]`)!.getAttribute("data-value"))),
      ])
    );
  const check = (id: string) => page.locator(`[data-testid="offer-checks"] [data-check="${id}"]`);
  const termKeys = () => page.locator('[data-testid="offer-term"]').evaluateAll((rows) => rows.map((r) => r.getAttribute("data-term")));

  beforeAll(async () => {
    session = await openBrowser({ locale: "en-US", viewport: { width: 420, height: 1000 } }, { excel: true });
    page = await openFreshPane(session, pageErrors);
    await byTestId("start-view").waitFor();
    await byTestId("start-university-spinout").click();
    await byTestId("offer-terms").waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  test("without terms the offer says it is a bare amount and how to add terms", async () => {
    await byTestId("offer-no-terms").waitFor();
    expect(await byTestId("offer-values").count()).toBe(0);
    expect(await page.locator('[data-testid="football-field"] [data-output="offer"]').count()).toBe(0);
  });

  test("a published model fills the terms with its citation; each scenario's value is the engine's OFFER in Node", async () => {
    await byTestId("offer-preset-select").selectOption(PRESET);
    await expect(byTestId("offer-preset-note").textContent()).resolves.toContain("p.22");
    await byTestId("offer-exchange-rate").fill("150");
    await byTestId("offer-preset-fill").click();
    await byTestId("offer-preset-filled").waitFor();
    await byTestId("offer-values").waitFor();
    expect(await termKeys()).toEqual(SET.decisions.terms.map((t) => t.key));
    expect(await shownValues()).toEqual(EXPECTED.rows.map((r) => [r.name, r.rnpv, r.licenseeNpv, r.equivalentRate]));
    await expect(byTestId("offer-source").textContent()).resolves.toContain("事例⑦");
  });

  test("the checks say where the licensee would walk away, and which terms are not fixed yet", async () => {
    const walk = EXPECTED.checks.find((c) => c.id === "walkAway")!;
    expect(await check("walkAway").getAttribute("data-ok")).toBe(String(walk.ok));
    if (walk.id === "walkAway") for (const name of walk.scenarios) await expect(check("walkAway").textContent()).resolves.toContain(name);
    await expect(check("unfixed").textContent()).resolves.toContain("Patent");
  });

  test("the football field gains the offer's bar across the scenarios", async () => {
    await page.locator('[data-testid="football-field"] [data-output="offer"]').waitFor();
    await expect(byTestId("football-field").getAttribute("aria-label")).resolves.toContain("Offer's terms");
  });

  test("a floor above the terms' value is flagged in money", async () => {
    const value = EXPECTED.value as number;
    await byTestId("decision-floor").fill(String(Math.ceil(value * 2)));
    await byTestId("decision-floor").press("Enter");
    await check("floor").waitFor();
    expect(await check("floor").getAttribute("data-ok")).toBe("false");
    await byTestId("decision-floor").fill(String(Math.floor(value / 2)));
    await byTestId("decision-floor").press("Enter");
    await page.waitForFunction(() => document.querySelector('[data-check="floor"]')?.getAttribute("data-ok") === "true");
  });

  test("a greedy royalty rate makes the licensee walk away where the engine says; a bad entry is refused with the reason", async () => {
    expect(GREEDY_NEGATIVE.length).toBeGreaterThan(EXPECTED.rows.filter((r) => (r.licenseeNpv as number) < 0).length);
    await byTestId("offer-royalty_rate").fill("40");
    await byTestId("offer-royalty_rate").press("Enter");
    await page.waitForFunction(
      (names) =>
        JSON.stringify(
          Array.from(document.querySelectorAll('[data-testid="offer-values"] tr[data-scenario]'))
            .filter((tr) => tr.querySelector('[data-negative="true"]'))
            .map((tr) => tr.getAttribute("data-scenario"))
        ) === JSON.stringify(names),
      GREEDY_NEGATIVE
    );
    expect(await shownValues()).toEqual(GREEDY.rows.map((r) => [r.name, r.rnpv, r.licenseeNpv, r.equivalentRate]));
    expect(await check("walkAway").getAttribute("data-ok")).toBe("false");
    await byTestId("offer-royalty_rate").fill("150");
    await byTestId("offer-royalty_rate").press("Enter");
    await expect(page.locator('[data-term="royalty_rate"]').textContent()).resolves.toMatch(/Royalty rate: enter/);
  });

  test("a term taken off and one added; Undo brings the removed term back", async () => {
    await byTestId("offer-remove-success_fee").click();
    expect(await termKeys()).not.toContain("success_fee");
    await byTestId("offer-add-select").selectOption("tier_1_threshold");
    await byTestId("offer-add").click();
    expect((await termKeys()).at(-1)).toBe("tier_1_threshold");
    await byTestId("undo").click();
    await byTestId("undo").click();
    await page.waitForFunction(() => !!document.querySelector('[data-term="success_fee"]'));
    expect(await termKeys()).not.toContain("tier_1_threshold");
  });

  test("the term sheet is in the workbook (table IpvalueOffer) and the pane finds it after a reload", async () => {
    await page.waitForFunction(() => document.getElementById("status")?.getAttribute("data-state") === "saved");
    const before = await termKeys();
    const stored = await page.evaluate(() => (window as any).__fakeExcel.table("IpvalueOffer").values as unknown[][]);
    expect(stored[0]).toEqual(["key", "value", "label", "unit", "source"]);
    expect(stored.slice(1).map((r) => r[0])).toEqual(before);
    expect(stored.find((r) => r[0] === "royalty_rate")![1]).toBe(0.4);
    await page.reload();
    await byTestId("offer-values").waitFor();
    expect(await termKeys()).toEqual(before);
  });

  test("screenshot for the README; no script errors", async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await byTestId("offer-terms").screenshot({ path: path.join(SCREENSHOTS, "offer-terms.png") });
    expect(pageErrors).toEqual([]);
  });
});
