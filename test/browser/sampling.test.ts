/**
 * Same arguments and seed, same bits in Chromium as in Node: =IPVALUE.SIMULATE with Latin hypercube
 * sampling and with correlated assumptions, run in the pane's page (the built functions, dist/) and
 * here in Node (the sources). The mean sums every draw, so a draw that differs in its last bit shows.
 * Needs `npm run build` first.
 */
import { Page } from "playwright-core";
import { simulateFn } from "../../src/functions/functions";
import { MEDICAL_DEVICE } from "../fixtures/medical-device";
import { BrowserSession, openBrowser } from "./harness";

const CORRELATIONS = [
  ["", "market_size", "peak_share", "success_probability"],
  ["market_size", 1, "", ""],
  ["peak_share", 0.7, 1, ""],
  ["success_probability", -0.3, 0.2, 1],
];

/** SIMULATE's arguments after the table: iterations, seed, percentiles, output, threshold, distribution, sampling, correlations. */
const CASES: [string, unknown[]][] = [
  ["lhs, PERT", [5000, 3, [[0.05, 0.1, 0.5, 0.9, 0.95]], "rnpv", 120000000, "pert", "lhs", null]],
  ["lhs, triangular, npv", [5000, 4, null, "npv", null, "triangular", "lhs", null]],
  ["lhs, correlated", [5000, 5, [[0.1, 0.5, 0.9]], "rnpv", 120000000, "pert", "lhs", CORRELATIONS]],
  ["sobol, PERT", [4096, 8, [[0.05, 0.5, 0.95]], "rnpv", 120000000, "pert", "sobol", null]],
  ["sobol, correlated, triangular", [3000, 9, [[0.1, 0.5, 0.9]], "npv", null, "triangular", "SOBOL", CORRELATIONS]],
  ["mc, correlated", [5000, 6, [[0.1, 0.5, 0.9]], "value_maxrate", null, "pert", "mc", CORRELATIONS]],
  ["defaults", []],
];

describe("SIMULATE in Chromium gives Node's bits", () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBrowser({ locale: "en-US" }, { excel: true });
    page = await session.context.newPage();
    await page.goto(session.server.url + "taskpane.html");
    await page.waitForFunction(() => (window as any).CustomFunctions?.__associated?.functions?.SIMULATE !== undefined);
  });

  afterAll(async () => {
    await session?.close();
  });

  test.each(CASES)("%s", async (_, args) => {
    const node = (simulateFn as (...a: unknown[]) => unknown)(MEDICAL_DEVICE, ...args) as [string, number][];
    expect(node.every(([, v]) => typeof v === "number")).toBe(true);
    const chromium = await page.evaluate(([table, rest]) => (window as any).CustomFunctions.__associated.functions.SIMULATE(table, ...(rest as unknown[])), [
      MEDICAL_DEVICE,
      args,
    ] as const);
    // Same bits: compared as strings of the doubles, which round-trip exactly.
    expect((chromium as [string, number][]).map(([k, v]) => [k, String(v)])).toEqual(node.map(([k, v]) => [k, String(v)]));
  });
});
