/**
 * ROYALTYDUE, AUDIT and TRACK against LibreOffice (../shared/tools/lo-recalc.sh): the same checks written
 * as native formulas, one sheet per case, recalculated by LibreOffice and compared with the functions
 * to 1e-9 relative. The native model is written independently of the engine: marginal tiers as
 * SUMPRODUCT((sales > thresholds) × (sales − thresholds) × rate steps), the post-expiry rate, the
 * minimum from the first year with sales (a running OR), fees with MIN/MAX, interest as
 * (1 + r)^(n − i) − 1, cumulative ratios as SUM over the years so far. The cases: two tiers with a
 * post-expiry rate, a creditable fee from year 2 and a term ending inside the reports; one tier rising,
 * a fee due only until sales, no minimum and the defaults for the claims and the term; reports from
 * contract year 4; and the README's worked example (the medical-device license's first five years, year 4
 * paid 7 % short), year 4 audited alone, and TRACK on sales below the plan. Every formula cell is recalculated (placeholders first) and none is an error.
 *
 * Needs LibreOffice (soffice): without it this test fails; it never skips.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { F, grid } from "../functions/helpers";
import { compare, Comparison, errorValues, failures, formulaCells, PLACEHOLDER, read, recalc, requireLibreOffice } from "./recalc";

type Term = number | boolean | "";

interface Case {
  name: string;
  firstYear: number;
  /** The terms as typed for the functions ("" = left blank: its default). */
  terms: Record<string, Term>;
  /** The same terms as the native sheet needs them, defaults written out (no second tier: a threshold never reached). */
  effective: { tier_2_threshold: number; tier_2_rate: number; claims_expire_year: number; term_years: number };
  sales: number[];
  reported: number[];
  audit: { threshold: number; interest_rate: number; audit_cost: number };
  /** TRACK's plan sales (sales_<t> rows) and trigger, for cases from year 1. */
  track?: { plan: number[]; trigger: number };
}

const CASES: Case[] = [
  {
    name: "Tiered",
    firstYear: 1,
    terms: {
      royalty_rate: 0.05,
      tier_1_threshold: 1000,
      tier_1_rate: 0.03,
      tier_2_threshold: 3000,
      tier_2_rate: 0.02,
      claims_expire_year: 5,
      post_expiry_rate: 0.01,
      annual_minimum: 40,
      term_years: 7,
      annual_fee: 100,
      annual_fee_from_year: 2,
      annual_fee_until_sales: false,
      annual_fee_creditable: true,
    },
    effective: { tier_2_threshold: 3000, tier_2_rate: 0.02, claims_expire_year: 5, term_years: 7 },
    sales: [0, 300, 1200, 4000, 0, 6000, 2500, 5000],
    reported: [0, 90, 95, 110, 20, 75, 50, 10],
    audit: { threshold: 0.05, interest_rate: 0.07, audit_cost: 250 },
    track: { plan: [0, 800, 1500, 3000, 3500, 5000, 5000, 5000], trigger: 0.6 },
  },
  {
    name: "UntilSales",
    firstYear: 1,
    terms: {
      royalty_rate: 0.04,
      tier_1_threshold: 2000,
      tier_1_rate: 0.06,
      tier_2_threshold: "",
      claims_expire_year: "",
      annual_minimum: "",
      term_years: "",
      annual_fee: 50,
      annual_fee_until_sales: true,
      annual_fee_creditable: false,
    },
    // Without term_years or years the term covers every contract year (200); TRACK's table has years = 6.
    effective: { tier_2_threshold: 1e300, tier_2_rate: 0.06, claims_expire_year: 200, term_years: 200 },
    sales: [0, 0, 100, 2500, 3000, 0],
    reported: [50, 40, 4, 100, 140, 0],
    audit: { threshold: 0.2, interest_rate: 0.03, audit_cost: 100 },
    track: { plan: [0, 500, 1000, 2000, 3000, 3000], trigger: 0.5 },
  },
  {
    name: "Later",
    firstYear: 4,
    terms: {
      royalty_rate: 0.05,
      claims_expire_year: 5,
      post_expiry_rate: 0.02,
      annual_minimum: 60,
      term_years: 6,
      annual_fee: 30,
      annual_fee_creditable: false,
    },
    effective: { tier_2_threshold: 1e300, tier_2_rate: 0.05, claims_expire_year: 5, term_years: 6 },
    sales: [2000, 0, 5000, 7000],
    reported: [100, 50, 130, 0],
    audit: { threshold: 0.05, interest_rate: 0.1, audit_cost: 40 },
  },
  // The README's worked example: the medical-device license (Base) in its first five years, sold as
  // planned, year 4 paid 7 % short; audited over five years, year 4 audited alone, and TRACK on lower sales.
  ...((): Case[] => {
    const terms = { royalty_rate: 0.03, annual_minimum: 5_000_000, term_years: 12 };
    const effective = { tier_2_threshold: 1e300, tier_2_rate: 0.03, claims_expire_year: 200, term_years: 12 };
    const plan = [0, 0, 405_600_000, 843_648_000, 1_316_090_880];
    const due = plan.map((s) => 0.03 * s);
    const audit = { threshold: 0.05, interest_rate: 0.03, audit_cost: 2_000_000 };
    return [
      {
        name: "Medical",
        firstYear: 1,
        terms,
        effective,
        sales: plan,
        reported: due.map((d, i) => (i === 3 ? 0.93 * d : d)),
        audit,
        track: { plan, trigger: 0.5 },
      },
      { name: "MedicalYear4", firstYear: 4, terms, effective, sales: [plan[3]], reported: [0.93 * due[3]], audit },
      {
        name: "MedicalTrack",
        firstYear: 1,
        terms,
        effective,
        sales: [0, 0, 150e6, 300e6, 500e6],
        reported: [0, 0, 5e6, 9e6, 15e6],
        audit,
        track: { plan, trigger: 0.5 },
      },
    ];
  })(),
];

/** The terms block (rows 1–17) in the order the formulas read them. */
const TERM_ROWS = [
  "royalty_rate",
  "tier_1_threshold",
  "tier_1_rate",
  "tier_2_threshold",
  "tier_2_rate",
  "claims_expire_year",
  "post_expiry_rate",
  "annual_minimum",
  "term_years",
  "annual_fee",
  "annual_fee_from_year",
  "annual_fee_until_sales",
  "annual_fee_creditable",
  "threshold",
  "interest_rate",
  "audit_cost",
  "trigger",
] as const;
const FIRST = 21;

function sheetValue(c: Case, key: (typeof TERM_ROWS)[number]): number | boolean {
  if (key in c.effective) return c.effective[key as keyof Case["effective"]];
  if (key in c.audit) return c.audit[key as keyof Case["audit"]];
  if (key === "trigger") return c.track?.trigger ?? 0.5;
  const typed = c.terms[key];
  if (typed !== undefined && typed !== "") return typed;
  const defaults: Record<string, number | boolean> = {
    tier_1_threshold: 1e300,
    tier_1_rate: c.terms.royalty_rate as number,
    post_expiry_rate: 0,
    annual_minimum: 0,
    annual_fee: 0,
    annual_fee_from_year: 1,
    annual_fee_until_sales: false,
    annual_fee_creditable: false,
  };
  return defaults[key];
}

/** The yearly formulas on sales in column `s`, written into the columns from `at` (running, started, royalty, fee due, fee, due). */
function dueFormulas(s: string, cols: string[], r: number): string[] {
  const [run, started, royalty, feeDue, fee] = cols;
  return [
    `IF(A${r}>$B$6,$B$7*${s}${r},SUMPRODUCT((${s}${r}>$D$1:$D$3)*(${s}${r}-$D$1:$D$3)*$E$1:$E$3))`,
    r === FIRST ? `${s}${r}>0` : `OR(${started}${r - 1},${s}${r}>0)`,
    `IF(AND(${started}${r},A${r}<=$B$9),MAX(${run}${r},$B$8),0)`,
    `IF(AND($B$10>0,A${r}>=$B$11,A${r}<=$B$9,NOT(AND($B$12,${started}${r}))),$B$10,0)`,
    `IF($B$13,MAX(0,${feeDue}${r}-${royalty}${r}),${feeDue}${r})`,
    `${royalty}${r}+${fee}${r}`,
  ];
}

/** Where each function's figures are, by cell, with the value the function gave. */
type Expected = Map<string, unknown>;

function writeCase(wb: ExcelJS.Workbook, c: Case, expected: Expected): void {
  const ws = wb.addWorksheet(c.name);
  const f = (address: string, formula: string) => (ws.getCell(address).value = { formula, result: PLACEHOLDER } as ExcelJS.CellFormulaValue);
  TERM_ROWS.forEach((key, i) => {
    ws.getCell(i + 1, 1).value = key;
    ws.getCell(i + 1, 2).value = sheetValue(c, key);
  });
  ws.getCell("D1").value = 0;
  f("D2", "B2");
  f("D3", "B4");
  f("E1", "B1");
  f("E2", "B3-B1");
  f("E3", "B5-B3");
  const n = c.sales.length;
  const last = FIRST + n - 1;
  ["year", "sales", "reported", "plan_sales"].forEach((h, i) => (ws.getCell(FIRST - 1, i + 1).value = h));
  for (let i = 0; i < n; i++) {
    const r = FIRST + i;
    ws.getCell(`A${r}`).value = c.firstYear + i;
    ws.getCell(`B${r}`).value = c.sales[i];
    ws.getCell(`C${r}`).value = c.reported[i];
    ws.getCell(`D${r}`).value = c.track?.plan[i] ?? 0;
    dueFormulas("B", ["E", "F", "G", "H", "I"], r).forEach((x, k) => f(`${"EFGHIJ"[k]}${r}`, x));
    f(`K${r}`, `MAX(0,J${r}-C${r})`);
    f(`L${r}`, `IF(J${r}>0,K${r}/J${r},0)`);
    f(`M${r}`, `K${r}*((1+$B$15)^(MAX($A$${FIRST}:$A$${last})-A${r})-1)`);
    f(`N${r}`, `K${r}+M${r}`);
    if (c.track) {
      dueFormulas("D", ["O", "P", "Q", "R", "S"], r).forEach((x, k) => f(`${"OPQRST"[k]}${r}`, x));
      f(`U${r}`, `SUM($D$${FIRST}:D${r})`);
      f(`V${r}`, `SUM($B$${FIRST}:B${r})`);
      f(`W${r}`, `IF(U${r}>0,V${r}/U${r},"")`);
      f(`X${r}`, `OR(IF(U${r}>0,V${r}/U${r}<$B$17,FALSE),G${r}>E${r})`);
    }
  }
  const t = last + 1;
  ws.getCell(`A${t}`).value = "total";
  for (const col of ["B", "C", "J", "K", "M"]) f(`${col}${t}`, `SUM(${col}${FIRST}:${col}${last})`);
  f(`L${t}`, `IF(J${t}>0,K${t}/J${t},0)`);
  f(`N${t}`, `K${t}+M${t}+IF(AND(K${t}>0,L${t}>=$B$14),$B$16,0)`);

  // What the functions give, by the cell that should equal it.
  const termsRange = [["key", "value"], ...Object.entries(c.terms)];
  const due = grid(F.ROYALTYDUE([c.sales], termsRange, c.firstYear))[0];
  due.forEach((x, i) => expected.set(`${c.name}!J${FIRST + i}`, x));
  const audit = grid(F.AUDIT([c.sales], [c.reported], termsRange, c.audit.threshold, c.audit.interest_rate, c.audit.audit_cost, c.firstYear));
  audit.slice(1).forEach((row, i) => {
    const r = FIRST + i;
    // year, sales, due, reported, shortfall, shortfall_share, interest, claim
    ["A", "B", "J", "C", "K", "L", "M", "N"].forEach((col, k) => {
      if (k === 0 || (r <= last && (col === "B" || col === "C"))) return;
      expected.set(`${c.name}!${col}${r}`, row[k]);
    });
  });
  if (c.track) {
    const table = [
      ["key", "Signed"],
      ["years", n],
      ["operating_margin", 0.2],
      ["discount_rate", 0.1],
      ...Object.entries(c.terms),
      ...c.track.plan.map((p, i) => [`sales_${i + 1}`, p]),
    ];
    const track = grid(F.TRACK(table, [c.sales], "Signed", c.track.trigger));
    track.slice(1).forEach((row, i) => {
      const r = FIRST + i;
      // year, plan_sales, actual_sales, variance, plan_royalty, royalty_due, cumulative_ratio, flag, reason
      expected.set(`${c.name}!T${r}`, row[4]);
      expected.set(`${c.name}!J${r}#track`, row[5]);
      expected.set(`${c.name}!W${r}`, row[6]);
      expected.set(`${c.name}!X${r}`, row[7]);
    });
  }
}

describe("ROYALTYDUE, AUDIT and TRACK against the same checks as native formulas recalculated by LibreOffice", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ipvalue-lo-post-signing-"));
  const expected: Expected = new Map();
  const wb = new ExcelJS.Workbook();
  for (const c of CASES) writeCase(wb, c, expected);
  let back: ExcelJS.Workbook;

  beforeAll(async () => {
    requireLibreOffice();
    const file = path.join(dir, "post-signing.xlsx");
    await wb.xlsx.writeFile(file);
    const out = path.join(dir, "recalculated");
    recalc([file], out);
    back = await read(path.join(out, "post-signing.xlsx"));
  }, 300_000);

  test("the cases reach what they are meant to: tiers, the post-expiry rate, the minimum, both kinds of fee, the threshold both ways, flags both ways", () => {
    const at = (sheet: string, address: string) => expected.get(`${sheet}!${address}`) as number | boolean;
    // Tiered: year 6 after the claims (1 % × 6,000 = 60 < the 100 fee, credited); year 8 after the term.
    expect(at("Tiered", "J26")).toBeCloseTo(100, 9);
    expect(at("Tiered", "J28")).toBe(0);
    expect(at("Tiered", "J25")).toBeCloseTo(100, 9); // no sales in year 5: the minimum 40, the fee credited up to 100
    expect(at("Tiered", "L29")).toBeGreaterThan(0.05); // the audit's cost is claimed
    expect(at("UntilSales", "L27")).toBeLessThan(0.2); // not claimed
    expect(at("UntilSales", "J21")).toBe(50); // the fee before sales
    expect(at("UntilSales", "J23")).toBe(4); // 4 % × 100, no minimum, no fee once sales start
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((i) => at("Tiered", `X${20 + i}`))).toContain(true);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((i) => at("Tiered", `X${20 + i}`))).toContain(false);
    expect(expected.size).toBeGreaterThan(100);
  });

  test("the README's worked example, as LibreOffice recalculated it", () => {
    const lo = (sheet: string, address: string) => {
      const cell = back.getWorksheet(sheet)!.getCell(address);
      return (cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value) as number | boolean;
    };
    // Due 0, 0, 12,168,000, 25,309,440, 39,482,726.4; year 4's shortfall 1,771,660.8 with one year's interest.
    expect([21, 22, 23, 24, 25].map((r) => lo("Medical", `J${r}`))).toEqual([0, 0, 12_168_000, 25_309_440, 39_482_726.4].map((x) => expect.closeTo(x, 4)));
    expect(lo("Medical", "J26")).toBeCloseTo(76_960_166.4, 4);
    expect(lo("Medical", "K24")).toBeCloseTo(1_771_660.8, 4);
    expect(lo("Medical", "L24")).toBeCloseTo(0.07, 12);
    expect(lo("Medical", "M24")).toBeCloseTo(53_149.824, 4);
    expect(lo("Medical", "L26")).toBeCloseTo(0.0230203, 6); // below 5 %: no audit cost
    expect(lo("Medical", "N26")).toBeCloseTo(1_824_810.624, 4);
    expect(lo("MedicalYear4", "N22")).toBeCloseTo(3_771_660.8, 4); // 7 % ≥ 5 %: the audit's cost claimed
    // TRACK on 0, 0, 150 M, 300 M, 500 M: the minimum applies in year 3, the ratios 0.3698, 0.3602, 0.3703.
    expect([23, 24, 25].map((r) => lo("MedicalTrack", `G${r}`))).toEqual([5e6, 9e6, 15e6]);
    expect([23, 24, 25].map((r) => Number((lo("MedicalTrack", `W${r}`) as number).toFixed(4)))).toEqual([0.3698, 0.3602, 0.3703]);
    expect([21, 22, 23, 24, 25].map((r) => lo("MedicalTrack", `X${r}`))).toEqual([false, false, true, true, true]);
  });

  test("every formula cell was recalculated and none is an error", () => {
    // The cumulative ratio's "" (no plan sales yet) reads back as no value, as TRACK's blank cell does.
    const blankRatios = [...expected].filter(([, v]) => v === "").map(([where]) => `${where} = undefined`);
    expect(blankRatios.length).toBeGreaterThan(0);
    expect(errorValues(back).filter((e) => !blankRatios.includes(e))).toEqual([]);
    const stale = formulaCells(back).filter((c) => c.cached === PLACEHOLDER);
    expect(stale.map((c) => `${c.sheet}!${c.address}`)).toEqual([]);
    expect(formulaCells(back).length).toBeGreaterThan(200);
  });

  test("each function's figures equal LibreOffice's to 1e-9", () => {
    // A recalculated cell reads back as { formula, result }: its result is LibreOffice's.
    const results: Comparison[] = [...expected].map(([where, value]) => {
      const [sheet, address] = where.replace(/#.*$/, "").split("!");
      const cell = back.getWorksheet(sheet)!.getCell(address);
      return compare(where, value, cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value);
    });
    expect(failures(results)).toEqual([]);
    expect(results.filter((c) => c.ok).length).toBe(expected.size);
  });
});
