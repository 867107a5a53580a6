/**
 * BANDSTATS against LibreOffice Calc: the same values written into a workbook with COUNT, MIN,
 * QUARTILE.INC, PERCENTILE.INC, MEDIAN, MAX and AVERAGE formulas (cached results deliberately wrong; the .INC functions carry the _xlfn. prefix an .xlsx needs),
 * recalculated headless with a private profile (test/export/recalc.ts), read back and compared to 1e-12.
 * Sets: the built-in royalty bands (all, startup, patent, know_how), and seeded random user-band sets of 1–15 bands.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { mergeBands, parseUserBands, royaltyBands, seededGenerator, uniformOpen } from "../../src/engine";
import * as F from "../../src/functions/functions";
import { read, recalc, valueAt } from "../export/recalc";

const generator = seededGenerator(20261202);
const rand = () => uniformOpen(generator);

interface Case {
  name: string;
  filter: string;
  userBands?: (string | number)[][];
}

function randomUserBands(n: number): (string | number)[][] {
  const rows: (string | number)[][] = [["key", "low", "high", "unit"]];
  for (let i = 0; i < n; i++) {
    const low = Math.round(rand() * 1000) / 10000; // ties happen at this resolution
    rows.push([`ours_${i}`, low, low + (rand() < 0.3 ? 0 : Math.round(rand() * 300) / 10000), "share_of_net_sales"]);
  }
  return rows;
}

const CASES: Case[] = [
  { name: "all built-in", filter: "" },
  { name: "startup", filter: "startup" },
  { name: "patent", filter: "patent" },
  { name: "know_how", filter: "know_how" },
  ...[1, 2, 3, 4, 7, 10, 15].map((n) => ({ name: `random ${n}`, filter: "user", userBands: randomUserBands(n) })),
];

const FORMULAS: [string, (r: string) => string][] = [
  ["count", (r) => `COUNT(${r})`],
  ["min", (r) => `MIN(${r})`],
  ["q1", (r) => `_xlfn.QUARTILE.INC(${r},1)`],
  ["median", (r) => `MEDIAN(${r})`],
  ["q3", (r) => `_xlfn.PERCENTILE.INC(${r},0.75)`],
  ["max", (r) => `MAX(${r})`],
  ["mean", (r) => `AVERAGE(${r})`],
];
const MEASURES = ["low", "midpoint", "high"] as const;

test("BANDSTATS agrees with LibreOffice's COUNT, MIN, QUARTILE.INC, MEDIAN, PERCENTILE.INC, MAX and AVERAGE", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("stats");
  // One block of columns per case and measure: values in rows 1..n, formulas in rows 20..26.
  const expected: { address: string; ours: number; label: string }[] = [];
  let col = 1;
  for (const c of CASES) {
    const rows = c.userBands ? mergeBands(parseUserBands(c.userBands)) : mergeBands();
    const bands = royaltyBands(rows, c.filter);
    const ours = F.bandStats(c.filter, c.userBands, "all") as (string | number)[][];
    expect(ours[0]).toEqual(["statistic", ...MEASURES]);
    MEASURES.forEach((m, j) => {
      const letter = ws.getColumn(col).letter;
      bands.forEach((b, i) => {
        ws.getCell(i + 1, col).value = m === "low" ? b.low : m === "high" ? b.high : (b.low + b.high) / 2;
      });
      const range = `${letter}1:${letter}${bands.length}`;
      FORMULAS.forEach(([stat, f], k) => {
        const address = `${letter}${20 + k}`;
        ws.getCell(address).value = { formula: f(range), result: -987654.321 } as ExcelJS.CellFormulaValue;
        expect(ours[k + 1][0]).toBe(stat);
        expected.push({ address, ours: ours[k + 1][j + 1] as number, label: `${c.name} ${m} ${stat}` });
      });
      col++;
    });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bandstats-"));
  const input = path.join(dir, "bandstats.xlsx");
  await wb.xlsx.writeFile(input);
  recalc([input], path.join(dir, "out"));
  const back = await read(path.join(dir, "out", "bandstats.xlsx"));
  const off = expected
    .map((e) => ({ ...e, lo: valueAt(back, "stats", e.address) as number }))
    .filter((e) => typeof e.lo !== "number" || Math.abs(e.lo - e.ours) > 1e-12 * Math.max(1, Math.abs(e.lo)))
    .map((e) => `${e.label}: LibreOffice ${e.lo}, BANDSTATS ${e.ours}`);
  expect(off).toEqual([]);
  expect(expected.length).toBe(CASES.length * 3 * 7);
}, 180_000);
