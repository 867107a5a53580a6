/**
 * The task pane as a licensing manager uses it, in headless Chromium against the built add-in
 * (dist/), with the in-memory Excel stand-in (fake-excel.js) in place of Excel: it keeps the workbook
 * in localStorage, so reloading the pane is reopening it on the same workbook. The numbers the pane
 * shows are checked against the real =IPVALUE.RANGE run on the stand-in's table. The README's
 * screenshots are taken here. Needs `npm run build` first and Debian's /usr/bin/chromium.
 */
import * as fs from "fs";
import * as path from "path";
import { BrowserContext, Page } from "playwright-core";
import { BrowserSession, openBrowser, SCREENSHOTS } from "./harness";

const PANE_OUTPUTS = ["rnpv", "npv", "rate25", "maxrate", "value_rate25", "value_maxrate", "licensee_npv", "equivalent_rate"];
const NAMES = ["悲観ケース", "標準ケース", "楽観ケース"];
// What she types for each new scenario (percentages for rates and shares, as the pane shows them).
const INPUTS: Record<string, [string, string, string]> = {
  market_size: ["1,000,000,000", "2000000000", "３０００００００００"], // full-width digits from a Japanese IME
  peak_share: ["5", "10", "15"],
  years: ["10", "10", "10"],
  royalty_rate: ["2", "2", "4"],
  operating_margin: ["15", "20", "25"],
  discount_rate: ["12", "10", "8"],
  success_probability: ["50", "60", "70"],
};
const STORED: Record<string, [number, number, number]> = {
  market_size: [1e9, 2e9, 3e9],
  peak_share: [0.05, 0.1, 0.15],
  years: [10, 10, 10],
  royalty_rate: [0.02, 0.03, 0.04], // the Base case's 2% is then edited to 3
  operating_margin: [0.15, 0.2, 0.25],
  discount_rate: [0.12, 0.1, 0.08],
  success_probability: [0.5, 0.6, 0.7],
};

describe("the task pane, in Japanese, against the Excel stand-in", () => {
  let context: BrowserContext;
  let page: Page;
  let server: { url: string; close: () => Promise<void> };
  let session: BrowserSession;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    session = await openBrowser({ locale: "ja-JP", viewport: { width: 420, height: 900 } }, { excel: true });
    server = session.server;
    context = session.context;
    page = await context.newPage();
    page.setDefaultTimeout(10000);
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(server.url + "taskpane.html");
  });

  afterAll(async () => {
    await session?.close();
  });

  // ---- helpers ----
  const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);
  // (A tab's text holds its name twice: Fluent keeps a hidden bold copy to reserve the width.)
  const tabNames = () => byTestId("scenario-tab").evaluateAll((tabs) => tabs.map((t) => t.getAttribute("data-name")));
  const tab = (name: string) => page.locator(`[data-testid="scenario-tab"][data-name="${name}"]`);
  const selectTab = (name: string) => tab(name).click();
  const input = (key: string) => byTestId(`input-${key}`);
  /** Types into an assumption's field and leaves it with Enter, as she would. */
  async function enter(key: string, text: string) {
    await input(key).fill(text);
    await input(key).press("Enter");
  }
  /** Waits until every change is in the workbook. */
  async function saved() {
    await page.waitForFunction(() => document.getElementById("status")?.getAttribute("data-state") === "saved", undefined, { timeout: 10000 });
  }
  /** The stand-in's assumptions table (the one headed key | label | unit | …), values as Excel holds them. */
  async function assumptionsTable(): Promise<{ name: string; address: string; values: unknown[][] }> {
    return page.evaluate(() => {
      const fx = (window as any).__fakeExcel;
      for (const name of fx.tableNames() as string[]) {
        const t = fx.table(name);
        if (String(t.values[0][0]).toLowerCase() === "key") return { name: t.name, address: t.address, values: t.values };
      }
      throw new Error(`no assumptions table among ${fx.tableNames().join(", ")}`);
    });
  }
  const cell = (values: unknown[][], key: string, scenario: string) => values[values.findIndex((r) => r[0] === key)][values[0].indexOf(scenario)];
  /** Address of one cell of a table, from the table's address (Sheet!A1:F21) and offsets into it. */
  function cellAddress(tableAddress: string, row: number, col: number): string {
    const m = /^(.*)!\$?([A-Z]+)\$?(\d+)/.exec(tableAddress)!;
    const colNumber = [...m[2]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) + col;
    let letters = "";
    for (let n = colNumber; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    return `${m[1]}!${letters}${Number(m[3]) + row}`;
  }
  /** The range table as the pane shows it: output → the numbers behind low, base, high (null for "—"). */
  async function shownRange(): Promise<Record<string, (number | null)[]>> {
    return page.evaluate(() => {
      const out: Record<string, (number | null)[]> = {};
      document.querySelectorAll('[data-testid="range-table"] tbody').forEach((tb) => {
        out[tb.getAttribute("data-output")!] = ["low", "base", "high"].map((k) => {
          const v = tb.querySelector(`[data-col="${k}"] [data-value]`);
          return v ? Number(v.getAttribute("data-value")) : null;
        });
      });
      return out;
    });
  }

  // ---- the session ----
  test("opens in Japanese on a workbook without scenarios and offers a blank start or the worked examples", async () => {
    await byTestId("start-view").waitFor();
    expect(await page.textContent("h1")).toBe("IPVALUE");
    expect(await page.textContent("header")).toContain("ライセンス評価");
    expect(await page.getAttribute("html", "lang")).toBe("ja");
    await expect(byTestId("start-view").textContent()).resolves.toContain("評価を始める");
    for (const title of ["医療機器", "医薬品候補", "ソフトウェア"]) expect(await byTestId("start-view").textContent()).toContain(title);
    expect(await assumptionsTable().catch(() => null)).toBeNull(); // nothing written before she chooses
  });

  test("starts blank, creates three scenarios with Japanese names and deletes the default ones", async () => {
    await byTestId("start-blank").click();
    await byTestId("scenario-tabs").waitFor();
    expect(await tabNames()).toEqual(["低位", "基準", "高位"]);
    for (const name of NAMES) {
      await byTestId("new-scenario-name").fill(name);
      await byTestId("add-scenario").click();
    }
    expect(await tabNames()).toEqual(["低位", "基準", "高位", ...NAMES]);
    // A name already taken is refused with the reason, in Japanese.
    await byTestId("new-scenario-name").fill("標準ケース");
    await byTestId("add-scenario").click();
    await expect(page.getByText("「標準ケース」というシナリオはすでにあります。").isVisible()).resolves.toBe(true);
    await byTestId("new-scenario-name").fill("");
    for (const name of ["低位", "基準", "高位"]) {
      await selectTab(name);
      await byTestId("delete").click();
      await expect(page.getByRole("dialog").textContent()).resolves.toContain(`シナリオ「${name}」を削除しますか？`);
      await byTestId("confirm-delete").click();
    }
    expect(await tabNames()).toEqual(NAMES);
    await saved();
    const table = await assumptionsTable();
    expect(table.values[0].slice(3)).toEqual(NAMES);
  });

  test("duplicate, reorder and rename work on the selected scenario", async () => {
    await selectTab("標準ケース");
    await byTestId("duplicate").click();
    expect(await tabNames()).toEqual(["悲観ケース", "標準ケース", "標準ケース（コピー）", "楽観ケース"]);
    await byTestId("move-right").click(); // the copy, selected after duplicating, moves right
    expect(await tabNames()).toEqual(["悲観ケース", "標準ケース", "楽観ケース", "標準ケース（コピー）"]);
    await byTestId("rename").click();
    await byTestId("rename-input").fill("参考ケース");
    await byTestId("rename-save").click();
    expect(await tabNames()).toEqual([...NAMES, "参考ケース"]);
    await byTestId("delete").click();
    await byTestId("confirm-delete").click();
    expect(await tabNames()).toEqual(NAMES);
  });

  test("fills in every scenario; results appear as the required values arrive", async () => {
    await expect(byTestId("results-problem").isVisible()).resolves.toBe(true);
    for (let i = 0; i < NAMES.length; i++) {
      await selectTab(NAMES[i]);
      for (const [key, typed] of Object.entries(INPUTS)) await enter(key, typed[i]);
    }
    await expect(byTestId("results-problem").count()).resolves.toBe(0);
    await expect(byTestId("range-table").isVisible()).resolves.toBe(true);
    // The separators and full-width digits were read as numbers, shown back as Japanese writes amounts
    // (30億) and as the full number while the field is edited; the stored value is the number typed.
    await selectTab("楽観ケース");
    expect(await input("market_size").inputValue()).toBe("30億");
    await input("market_size").focus();
    expect(await input("market_size").inputValue()).toBe("3,000,000,000");
    await input("market_size").blur();
    expect(await input("market_size").inputValue()).toBe("30億");
  });

  test("editing a value updates the results as she types, and is stored when she leaves the field", async () => {
    await selectTab("標準ケース");
    const before = await shownRange();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight)); // coming up from below
    await input("royalty_rate").fill("3");
    // Shown at once, before the field is left: the base value rises with the rate.
    await page.waitForFunction((b) => {
      const el = document.querySelector('[data-testid="range-table"] tbody[data-output="npv"] [data-col="base"] [data-value]');
      return el !== null && Number(el.getAttribute("data-value")) > b;
    }, before.npv[1]!);
    // Back at the top of the pane the range table (below the assumptions) is out of view: the short
    // summary at the bottom shows the range instead, and leaves the header free.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('[data-testid="summary"][data-at="bottom"]').waitFor();
    expect(await page.locator('[data-summary="rnpv-base"]').textContent()).toMatch(/億|万/);
    await input("royalty_rate").press("Tab");
    await saved();
    expect(cell((await assumptionsTable()).values, "royalty_rate", "標準ケース")).toBe(0.03);
  });

  test.each([
    ["peak_share", "150", "ピーク時シェア：0%～100%（0～1の小数）で入力してください。", "値 10% を保持しています。"],
    ["years_to_peak", "-1", "ピークまでの年数：0～200年で入力してください。", "空欄のままです。"],
    ["discount_rate", "-100", "ライセンサー割引率：-100%より大きい値（-1より大きい小数）で入力してください。", "値 10% を保持しています。"],
    ["market_size", "たくさん", "市場規模（初年度）：0以上の金額で入力してください。", "値 2,000,000,000 を保持しています。"],
  ])("a bad %s (%s) is refused with the reason in Japanese and the last good value is kept", async (key, typed, reason, kept) => {
    await selectTab("標準ケース");
    const tableBefore = (await assumptionsTable()).values;
    await enter(key, typed);
    const row = page.locator(`tr[data-key="${key}"]`);
    await expect(row.textContent()).resolves.toContain(reason);
    await expect(row.textContent()).resolves.toContain(kept);
    expect(await input(key).getAttribute("aria-invalid")).toBe("true");
    expect(await input(key).inputValue()).toBe(typed); // what she typed stays in the field to be corrected
    await page.waitForTimeout(500); // longer than the save delay: nothing was saved
    expect((await assumptionsTable()).values).toEqual(tableBefore);
    // Escape gives the field its stored value back.
    await input(key).press("Escape");
    expect(await row.textContent()).not.toContain(reason);
  });

  test("an amount reads 20億 at rest; focused, it shows the full number selected, so what she types replaces it", async () => {
    await selectTab("標準ケース");
    const field = input("market_size");
    expect(await field.inputValue()).toBe("20億");
    await field.focus();
    expect(await field.inputValue()).toBe("2,000,000,000");
    const selection = await field.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd, el.value.length]);
    expect(selection).toEqual([0, 13, 13]);
    await page.keyboard.type("25億");
    expect(await field.inputValue()).toBe("25億");
    await field.press("Escape");
    await field.blur();
    expect(await field.inputValue()).toBe("20億");
  });

  test("a scenario and the committee's decisions are marked internal, clearly, and in the workbook", async () => {
    await selectTab("楽観ケース");
    await byTestId("scenario-internal").check();
    await expect(tab("楽観ケース").locator("svg").count()).resolves.toBe(1); // lock on the tab
    await expect(page.locator("#assumptions-heading").textContent()).resolves.toContain("社外秘");
    await byTestId("decision-offer").fill("150,000,000");
    await byTestId("decision-offer").press("Enter");
    await byTestId("decision-floor").fill("80000000");
    await byTestId("decision-floor").press("Enter");
    await byTestId("decision-notes").fill("上限料率の基準値を上回らないこと");
    await byTestId("decision-notes").blur();
    // Decisions are internal by default: every one is ticked and badged.
    for (const k of ["offer", "floor", "ceiling", "notes"]) {
      expect(await byTestId(`internal-${k}`).isChecked()).toBe(true);
      await expect(page.locator(`[data-decision="${k}"] [data-testid="internal-badge"]`).count()).resolves.toBe(1);
    }
    await byTestId("internal-ceiling").uncheck();
    await expect(page.locator('[data-decision="ceiling"] [data-testid="internal-badge"]').count()).resolves.toBe(0);
    await saved();
    const values = (await assumptionsTable()).values;
    expect(values[values.length - 1].slice(3)).toEqual([false, false, true]);
    // The chart marks the offer and the floor.
    await expect(page.locator('[data-testid="football-field"] [data-mark="offer"]').count()).resolves.toBe(1);
    await expect(page.locator('[data-testid="football-field"] [data-mark="floor"]').count()).resolves.toBe(1);
  });

  test("the stand-in's table is what the functions read: =IPVALUE.RANGE on it gives the numbers the pane shows", async () => {
    const table = await assumptionsTable();
    for (const [key, stored] of Object.entries(STORED)) NAMES.forEach((name, i) => expect(cell(table.values, key, name)).toBeCloseTo(stored[i], 12));
    const range = (await page.evaluate(([values, outputs]) => (window as any).CustomFunctions.__associated.functions.RANGE(values, [[outputs]], true), [
      table.values,
      PANE_OUTPUTS.join(","),
    ] as const)) as unknown[][];
    expect(range[0]).toEqual(["output", "low", "base", "high"]);
    const shown = await shownRange();
    expect(Object.keys(shown).slice(0, PANE_OUTPUTS.length)).toEqual(PANE_OUTPUTS); // (a reference-bands row may follow)
    for (const row of range.slice(1)) {
      const [output, ...lowBaseHigh] = row as [string, number, number, number];
      lowBaseHigh.forEach((v, i) => expect(shown[output][i]).toBeCloseTo(v, 6));
    }
    // And the text shown is those numbers, formatted: yen with separators, rates as percentages.
    const npvBase = (range.find((r) => r[0] === "npv") as number[])[2];
    const rateHigh = (range.find((r) => r[0] === "rate25") as number[])[3];
    const text = await byTestId("range-table").textContent();
    expect(text).toContain(Math.round(npvBase).toLocaleString("en-US"));
    expect(text).toContain(`${(rateHigh * 100).toFixed(2)}%`);
    // The deal's two outputs: the licensee's NPV an amount, the equivalent running rate a percentage.
    const licenseeBase = (range.find((r) => r[0] === "licensee_npv") as number[])[2];
    const equivalentBase = (range.find((r) => r[0] === "equivalent_rate") as number[])[2];
    const rowText = (o: string) => page.locator(`[data-testid="range-table"] tbody[data-output="${o}"]`).textContent();
    await expect(rowText("licensee_npv")).resolves.toContain("契約条件でのライセンシーNPV");
    await expect(rowText("licensee_npv")).resolves.toContain(Math.round(licenseeBase).toLocaleString("ja-JP"));
    await expect(rowText("equivalent_rate")).resolves.toContain("等価ランニング料率");
    await expect(rowText("equivalent_rate")).resolves.toContain(`${(equivalentBase * 100).toFixed(2)}%`);
  });

  test("after a reload the pane finds everything as it was", async () => {
    const before = await shownRange();
    await page.reload();
    await byTestId("scenario-tabs").waitFor();
    expect(await tabNames()).toEqual(NAMES);
    await selectTab("標準ケース");
    expect(await input("royalty_rate").inputValue()).toBe("3");
    expect(await input("peak_share").inputValue()).toBe("10");
    expect(await input("market_size").inputValue()).toBe("20億");
    expect(await input("years_to_peak").inputValue()).toBe("");
    await selectTab("楽観ケース");
    expect(await byTestId("scenario-internal").isChecked()).toBe(true);
    expect(await byTestId("decision-offer").inputValue()).toBe("150,000,000");
    expect(await byTestId("decision-floor").inputValue()).toBe("80,000,000");
    expect(await byTestId("decision-notes").inputValue()).toBe("上限料率の基準値を上回らないこと");
    expect(await byTestId("internal-ceiling").isChecked()).toBe(false);
    expect(await byTestId("internal-offer").isChecked()).toBe(true);
    expect(await shownRange()).toEqual(before);
    expect(await page.getAttribute("html", "lang")).toBe("ja");
  });

  test("an edit made in Excel shows in the pane; a table Excel cannot read is reported and the pane keeps its values", async () => {
    const table = await assumptionsTable();
    const row = table.values.findIndex((r) => r[0] === "royalty_rate");
    const col = table.values[0].indexOf("悲観ケース");
    await selectTab("悲観ケース");
    await page.evaluate(([address]) => (window as any).__fakeExcel.userEdit(address, 0.025), [cellAddress(table.address, row, col)]);
    await page.waitForFunction(() => (document.querySelector('[data-testid="input-royalty_rate"]') as HTMLInputElement).value === "2.5");
    // A key Excel's functions would not know either: the pane says so and keeps what it had.
    await page.evaluate(([address]) => (window as any).__fakeExcel.userEdit(address, "royalty_ratio"), [cellAddress(table.address, row, 0)]);
    await byTestId("external-error").waitFor();
    expect(await byTestId("external-error").textContent()).toContain("前提条件表を読めません");
    expect(await byTestId("external-error").textContent()).toContain("読み取り専用");
    expect(await input("royalty_rate").inputValue()).toBe("2.5");
    // Read-only until it is fixed: nothing can be typed, so nothing can be written over her table.
    expect(await input("royalty_rate").isDisabled()).toBe(true);
    expect(await byTestId("editor").getAttribute("data-readonly")).toBe("true");
    await page.evaluate(([address]) => (window as any).__fakeExcel.userEdit(address, "royalty_rate"), [cellAddress(table.address, row, 0)]);
    await byTestId("external-error").waitFor({ state: "detached" });
    expect(await input("royalty_rate").isDisabled()).toBe(false);
  });

  /** Types into a cell of the stand-in's assumptions table as a user would. */
  async function gridEdit(key: string, scenario: string, value: unknown) {
    const table = await assumptionsTable();
    const address = cellAddress(
      table.address,
      table.values.findIndex((r) => r[0] === key),
      table.values[0].indexOf(scenario)
    );
    await page.evaluate(([a, v]) => (window as any).__fakeExcel.userEdit(a, v), [address, value] as const);
  }

  test("a grid edit made while a pane save is pending survives and is shown in the pane", async () => {
    await selectTab("悲観ケース");
    await enter("years", "12"); // the pane's save is now pending (it waits for more typing)
    await gridEdit("royalty_rate", "悲観ケース", 0.031);
    await saved();
    await page.waitForFunction(() => (document.querySelector('[data-testid="input-royalty_rate"]') as HTMLInputElement).value === "3.1");
    const values = (await assumptionsTable()).values;
    expect(cell(values, "royalty_rate", "悲観ケース")).toBe(0.031);
    expect(cell(values, "years", "悲観ケース")).toBe(12);
    await expect(byTestId("kept").count()).resolves.toBe(0);
  });

  test("the same cell changed in the pane and in the grid: the grid's value stays, and the pane shows it and says so", async () => {
    await selectTab("悲観ケース");
    await enter("royalty_rate", "2.8");
    await gridEdit("royalty_rate", "悲観ケース", 0.033);
    await byTestId("kept").waitFor();
    expect(await byTestId("kept").textContent()).toContain("3.3%");
    await saved();
    await page.waitForFunction(() => (document.querySelector('[data-testid="input-royalty_rate"]') as HTMLInputElement).value === "3.3");
    expect(cell((await assumptionsTable()).values, "royalty_rate", "悲観ケース")).toBe(0.033);
    await byTestId("kept").getByRole("button").click();
    await expect(byTestId("kept").count()).resolves.toBe(0);
  });

  test("Undo takes back the pane's last action in the workbook, Redo does it again", async () => {
    await selectTab("悲観ケース");
    await enter("years", "13");
    await saved();
    expect(cell((await assumptionsTable()).values, "years", "悲観ケース")).toBe(13);
    await byTestId("undo").click();
    await saved();
    expect(await input("years").inputValue()).toBe("12");
    expect(cell((await assumptionsTable()).values, "years", "悲観ケース")).toBe(12);
    await byTestId("redo").click();
    await saved();
    expect(cell((await assumptionsTable()).values, "years", "悲観ケース")).toBe(13);
    await enter("years", "10");
    await saved();
  });

  test("a workbook whose table cannot be read opens on the reason, and recovers when the table is fixed in Excel", async () => {
    const table = await assumptionsTable();
    const row = table.values.findIndex((r) => r[0] === "years");
    const keyCell = cellAddress(table.address, row, 0);
    await page.evaluate(([address]) => (window as any).__fakeExcel.userEdit(address, ""), [keyCell]); // the key of a required row erased
    await page.reload();
    await byTestId("unreadable").waitFor();
    expect(await byTestId("unreadable").textContent()).toContain("IPVALUE シートを読み取れません");
    expect(await byTestId("unreadable").textContent()).toContain("前提条件表を読めません");
    await expect(byTestId("start-view").count()).resolves.toBe(0); // nothing offered that would overwrite her table
    await page.evaluate(([address]) => (window as any).__fakeExcel.userEdit(address, "years"), [keyCell]);
    await byTestId("scenario-tabs").waitFor();
    expect(await tabNames()).toEqual(NAMES);
  });

  test("each assumption explains itself: what it means and where to find it", async () => {
    await page.getByRole("button", { name: "ピーク時シェアの説明" }).click();
    await expect(page.getByText("ライセンス製品が到達する最大の市場シェア（0.1 = 10%）。ライセンシーの事業計画から。").isVisible()).resolves.toBe(true);
    await page.keyboard.press("Escape");
    const units = await page.locator('tr[data-key="market_size"]').textContent();
    expect(units).toContain("金額／年");
  });

  test("the deal terms: a group collapsed until used; a flag stored as TRUE; a refused entry says why; a milestone added, removed and brought back by Undo", async () => {
    await selectTab("標準ケース");
    const group = byTestId("deal-terms");
    expect(await group.getAttribute("data-open")).toBe("false"); // no scenario uses a deal term yet
    await expect(input("annual_fee").count()).resolves.toBe(0);
    const toggle = page.getByRole("button", { name: "契約条件" });
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await toggle.focus();
    await page.keyboard.press("Enter"); // by keyboard
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    await input("annual_fee").waitFor();
    // A TRUE/FALSE term is a choice; blank is the default FALSE.
    await input("annual_fee_creditable").selectOption("TRUE");
    await saved();
    expect(cell((await assumptionsTable()).values, "annual_fee_creditable", "標準ケース")).toBe(true);
    // A refused deal term: the reason in Japanese, nothing stored.
    await enter("post_expiry_rate", "150");
    const row = page.locator('tr[data-key="post_expiry_rate"]');
    await expect(row.textContent()).resolves.toContain("特許満了後の料率（ノウハウ）：0%～100%（0～1の小数）で入力してください。");
    await expect(row.textContent()).resolves.toContain("空欄のままです。");
    await input("post_expiry_rate").fill("");
    await input("post_expiry_rate").press("Enter");
    // Milestones are rows: add one, fill it in, remove it, Undo brings it back.
    await expect(byTestId("milestone-row").count()).resolves.toBe(0);
    await page.getByRole("button", { name: "マイルストーンを追加" }).click();
    await expect(byTestId("milestone-row").count()).resolves.toBe(1);
    await enter("milestone_1_year", "2");
    await enter("milestone_1_amount", "10,000,000");
    await enter("milestone_1_probability", "50");
    await saved();
    let values = (await assumptionsTable()).values;
    expect([1, 2, 3].map((i) => cell(values, `milestone_1_${["", "year", "amount", "probability"][i]}`, "標準ケース"))).toEqual([2, 10_000_000, 0.5]);
    await page.getByRole("button", { name: "マイルストーン1を削除" }).click();
    await expect(byTestId("milestone-row").count()).resolves.toBe(0);
    await saved();
    values = (await assumptionsTable()).values;
    expect(cell(values, "milestone_1_amount", "標準ケース")).toBe("");
    await byTestId("undo").click();
    await saved();
    await expect(byTestId("milestone-row").count()).resolves.toBe(1);
    expect(await input("milestone_1_amount").inputValue()).toBe("1,000万");
    expect(cell((await assumptionsTable()).values, "milestone_1_amount", "標準ケース")).toBe(10_000_000);
    // Back to no deal terms, for the tests after this one.
    await page.getByRole("button", { name: "マイルストーン1を削除" }).click();
    await input("annual_fee_creditable").selectOption("");
    await saved();
    expect(cell((await assumptionsTable()).values, "annual_fee_creditable", "標準ケース")).toBe("");
  });

  test("the Valuation sheet is inserted from the pane", async () => {
    await byTestId("insert-sheet").click();
    await byTestId("inserted").waitFor();
    expect(await byTestId("inserted").textContent()).toContain("評価シート（Valuation）を挿入しました。");
    expect(await page.evaluate(() => (window as any).__fakeExcel.sheetNames())).toContain("Valuation");
  });

  test("Undo takes back an inserted sheet (the IPVALUE sheet it replaced made again), Redo inserts it again", async () => {
    const sheets = () => page.evaluate(() => (window as any).__fakeExcel.sheetNames() as string[]);
    const charts = () => page.evaluate(() => (window as any).__fakeExcel.charts("Valuation").length as number);
    await byTestId("undo").click(); // the insertion of the test before replaced nothing: the sheet goes
    await page.waitForFunction(() => !(window as any).__fakeExcel.sheetNames().includes("Valuation"));
    await byTestId("redo").click();
    await page.waitForFunction(() => (window as any).__fakeExcel.sheetNames().includes("Valuation"));
    expect(await charts()).toBe(1);
    await byTestId("insert-sheet").click(); // over IPVALUE's own sheet
    await byTestId("inserted").waitFor();
    await byTestId("undo").click();
    // Done when Redo is offered (the insertion cleared it): the sheet was deleted and made again.
    await page.waitForFunction(() => !(document.querySelector('[data-testid="redo"]') as HTMLButtonElement).disabled);
    expect((await sheets()).filter((n) => n.startsWith("Valuation"))).toEqual(["Valuation"]);
    expect(await charts()).toBe(1);
  });

  test("an assumption's source or note: typed under its value, stored in the table's 出典 / 備考 column, shown again after a reload", async () => {
    const summary = byTestId("source-market_size").locator("summary");
    expect(await summary.textContent()).toBe("出典・備考");
    await summary.click();
    await byTestId("source-input-market_size").fill("市場調査レポート 2024");
    await byTestId("source-input-market_size").press("Enter");
    await saved();
    const { values } = await assumptionsTable();
    const at = values[0].indexOf("出典 / 備考");
    expect(at).toBe(values[0].length - 1);
    expect(values.find((r) => r[0] === "market_size")![at]).toBe("市場調査レポート 2024");
    await page.reload();
    await byTestId("scenario-tabs").waitFor();
    expect(await byTestId("source-market_size").locator("summary").textContent()).toBe("市場調査レポート 2024");
  });

  test("ran without script errors", () => {
    expect(pageErrors).toEqual([]);
  });

  test("screenshots for the README: a worked example in Japanese and in English, and the football field", async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    /** A new workbook, the medical-device example started in `language`, an offer and a floor. */
    const example = async (language: "ja" | "en") => {
      await page.evaluate(() => (window as any).__fakeExcel.reset());
      await page.reload();
      await byTestId("start-view").waitFor();
      if (language === "en") await page.click("#lang-en");
      await byTestId("start-medical-device").click();
      await byTestId("range-table").waitFor();
      await byTestId("decision-offer").fill("250000000");
      await byTestId("decision-offer").press("Enter");
      await byTestId("decision-floor").fill("120000000");
      await byTestId("decision-floor").press("Enter");
      await byTestId("decision-floor").blur();
      await saved();
      await page.evaluate(() => window.scrollTo(0, 0));
    };
    await example("ja");
    await expect(page.locator("#assumptions-heading").textContent()).resolves.toContain("前提条件 — 低位");
    await page.screenshot({ path: path.join(SCREENSHOTS, "pane-ja.png") });

    await example("en");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await expect(page.locator("header").textContent()).resolves.toContain("License valuation");
    await expect(page.locator("#assumptions-heading").textContent()).resolves.toContain("Assumptions — Low");
    await page.screenshot({ path: path.join(SCREENSHOTS, "pane-en.png") });
    await byTestId("football-field").screenshot({ path: path.join(SCREENSHOTS, "football-field.png") });
    const label = await byTestId("football-field").getAttribute("aria-label");
    expect(label).toContain("Offer 250,000,000");
    expect(label).toContain("Floor 120,000,000");
    expect(pageErrors).toEqual([]);
  });
});
