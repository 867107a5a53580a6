/**
 * Cross-check against a spreadsheet engine we did not write: LibreOffice Calc.
 *
 * One .xlsx is generated (exceljs) with deterministic pseudo-random inputs and native formulas
 * (NPV, PV, SUMPRODUCT, MIN/MAX/IF/COUNTIF) that restate what IPVALUE.DCF, RNPV, SALES, ROYALTIES
 * and SCENARIO compute. Every cached result is written empty or deliberately wrong, LibreOffice
 * recalculates the file headless in one call of ../shared/tools/lo-recalc.sh, and the results read
 * back with exceljs must match the custom functions (src/functions/functions.ts) to 1e-9 relative.
 *
 * Tolerance: |LO − ours| ≤ 1e-9 · max(|LO|, |ours|, 1e-3 · Σ|terms|), where Σ|terms| is the sum of the
 * absolute discounted terms of a sum (0 for values that are not sums). The floor only matters when
 * positive and negative flows cancel: double rounding can then leave up to ~n·2^-53·Σ|terms|
 * (≈ 7e-15·Σ|terms| for 60 flows), and the floor (1e-12·Σ|terms|) is still 100× above that.
 *
 * LibreOffice must be installed (`apt-get install -y --no-install-recommends libreoffice-calc`):
 * without `soffice` on PATH this test fails, in CI and elsewhere; it never skips.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import * as F from "../../src/functions/functions";
import { seededGenerator, uniformOpen } from "../../src/engine";

const SHARED = path.resolve(__dirname, "../../../shared");
const RECALC = path.join(SHARED, "tools", "lo-recalc.sh");
const IN_CI = /^(1|true|yes)$/i.test(process.env.CI ?? "");

// ---------------------------------------------------------------------------------------------
// Deterministic test data
// ---------------------------------------------------------------------------------------------

// Test data from the engine's seeded generator (xoroshiro128+ from pure-rand): the same on every run.
const generator = seededGenerator(20261123);
const rand = (): number => uniformOpen(generator);
const uniform = (lo: number, hi: number): number => lo + (hi - lo) * rand();
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const chance = (p: number): boolean => rand() < p;

/** A discount rate in [-0.5, 0.5], with the edges and 0 turning up on purpose. */
function discountRate(): number {
  const r = rand();
  if (r < 0.05) return 0;
  if (r < 0.08) return -0.5;
  if (r < 0.11) return 0.5;
  return uniform(-0.5, 0.5);
}

type Style = "positive" | "negative" | "mixed" | "investment";

/** Cash flows of length n: positive, negative, mixed-sign or an investment then returns; zeros sprinkled; magnitudes 1e-3..1e9. */
function cashFlows(n: number): number[] {
  const style: Style = pick(["positive", "negative", "mixed", "investment"] as const);
  const wide = chance(0.5); // magnitudes spread over 1e-3..1e9 within the series, else one magnitude ± 50 %
  const base = Math.pow(10, uniform(-3, 9));
  const zeroShare = pick([0, 0.1, 0.3]);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    if (chance(zeroShare)) {
      out.push(0);
      continue;
    }
    const mag = wide ? Math.pow(10, uniform(-3, 9)) : base * uniform(0.5, 1.5);
    let sign = 1;
    if (style === "negative") sign = -1;
    else if (style === "mixed") sign = chance(0.5) ? 1 : -1;
    else if (style === "investment") sign = i < Math.max(1, Math.floor(n / 5)) ? -1 : 1;
    out.push(sign * mag);
  }
  return out;
}

const TIMING_OFFSET = { end: 0, mid: 0.5, begin: 1 } as const;
type Timing = keyof typeof TIMING_OFFSET;
const TIMINGS: readonly Timing[] = ["end", "mid", "begin"];

// ---------------------------------------------------------------------------------------------
// Workbook building helpers
// ---------------------------------------------------------------------------------------------

function colName(c: number): string {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
const addr = (row: number, col: number, abs = false): string => (abs ? `$${colName(col)}$${row}` : `${colName(col)}${row}`);

/** Written in place of every cached formula result; a formula cell still holding it was not recalculated. */
const PLACEHOLDER = -987654.321;
let formulasWritten = 0;

function setFormula(ws: ExcelJS.Worksheet, row: number, col: number, formula: string): void {
  // Half the cells carry no cached value, half a wrong one: only a real recalculation makes them right.
  const wrong = formulasWritten++ % 2 === 0;
  ws.getCell(row, col).value = wrong ? { formula, result: PLACEHOLDER } : { formula };
}

function setValue(ws: ExcelJS.Worksheet, row: number, col: number, v: number | string | null): void {
  if (v !== null) ws.getCell(row, col).value = v;
}

interface Check {
  family: string;
  what: string;
  sheet: string;
  row: number;
  col: number;
  ours: unknown;
  /** Σ|terms| for sums that may cancel; 0 otherwise. */
  scale: number;
}

const checks: Check[] = [];
const expect1 = (c: Check): void => {
  checks.push(c);
};

// ---------------------------------------------------------------------------------------------
// The workbook
// ---------------------------------------------------------------------------------------------

function buildWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();

  // Sentinel: =1+1 with a cached 0. It reads back 2 only if LibreOffice recalculated.
  const chk = wb.addWorksheet("check");
  chk.getCell("A1").value = { formula: "1+1", result: 0 };
  formulasWritten++;

  buildDcf(wb.addWorksheet("dcf"));
  buildAnnuity(wb.addWorksheet("annuity"));
  buildRnpv(wb.addWorksheet("rnpv"));
  buildSales(wb.addWorksheet("sales"));
  buildRoyalties(wb.addWorksheet("royalties"));
  buildScenarios(wb.addWorksheet("scenario"));
  return wb;
}

/** Σ |flow_i · p_i| · (1+r)^-(i+1-offset): the scale of a discounted sum, for the tolerance floor. */
function absTerms(rate: number, flows: readonly number[], timing: Timing, probs?: number | readonly number[]): number {
  let s = 0;
  for (let i = 0; i < flows.length; i++) {
    const p = probs === undefined ? 1 : typeof probs === "number" ? probs : probs[i];
    s += Math.abs(flows[i] * p) * Math.pow(1 + rate, -(i + 1 - TIMING_OFFSET[timing]));
  }
  return s;
}

/** As Excel users pass it: a row for some series, a column for others. */
const asRange = (xs: readonly number[], row: boolean): number[][] => (row ? [xs.slice()] : xs.map((x) => [x]));

/** dcf sheet: A rate, B end = NPV, C mid = NPV·(1+r)^0.5, D begin = NPV·(1+r), F.. the flows (one row per series). */
function buildDcf(ws: ExcelJS.Worksheet): void {
  const N = 180;
  const FIRST = 6;
  for (let k = 0; k < N; k++) {
    const row = k + 2;
    const n = k < 60 ? k + 1 : int(1, 60); // every length 1..60 at least once
    const rate = discountRate();
    const flows = cashFlows(n);
    setValue(ws, row, 1, rate);
    flows.forEach((x, i) => setValue(ws, row, FIRST + i, x));
    const rng = `${addr(row, FIRST)}:${addr(row, FIRST + n - 1)}`;
    const npv = `NPV(${addr(row, 1)},${rng})`;
    setFormula(ws, row, 2, npv);
    setFormula(ws, row, 3, `${npv}*(1+${addr(row, 1)})^0.5`);
    setFormula(ws, row, 4, `${npv}*(1+${addr(row, 1)})`);
    const range = asRange(flows, k % 2 === 0);
    TIMINGS.forEach((t, j) => {
      // timing omitted (null) means end; Japanese spellings are accepted too.
      const arg = t === "end" && k % 3 === 0 ? null : t === "mid" && k % 4 === 0 ? "期央" : t;
      expect1({
        family: "DCF",
        what: `DCF(${rate}, ${n} flows, ${arg})`,
        sheet: ws.name,
        row,
        col: 2 + j,
        ours: F.dcf(rate, range, arg as any),
        scale: absTerms(rate, flows, t),
      });
    });
  }
}

/** annuity sheet: A rate, B n, C payment; D PV(type 0), E PV(type 1), F PV(type 0)·(1+r)^0.5; against DCF of level flows. */
function buildAnnuity(ws: ExcelJS.Worksheet): void {
  const N = 80;
  for (let k = 0; k < N; k++) {
    const row = k + 2;
    const n = int(1, 60);
    // Not too close to 0 but nonzero: PV's closed form (1-(1+r)^-n)/r loses digits there (LibreOffice's
    // limitation, not ours). Exactly 0 is included: PV then uses n·pmt.
    let rate = discountRate();
    if (rate !== 0 && Math.abs(rate) < 1e-3) rate = 1e-3;
    const pmt = (chance(0.2) ? -1 : 1) * Math.pow(10, uniform(-3, 9));
    setValue(ws, row, 1, rate);
    setValue(ws, row, 2, n);
    setValue(ws, row, 3, pmt);
    const [r, nn, p] = [addr(row, 1), addr(row, 2), addr(row, 3)];
    setFormula(ws, row, 4, `PV(${r},${nn},-${p},0,0)`);
    setFormula(ws, row, 5, `PV(${r},${nn},-${p},0,1)`);
    setFormula(ws, row, 6, `PV(${r},${nn},-${p},0,0)*(1+${r})^0.5`);
    const flows = new Array<number>(n).fill(pmt);
    const range = asRange(flows, k % 2 === 1);
    (["end", "begin", "mid"] as const).forEach((t, j) => {
      expect1({
        family: "DCF level annuity vs PV",
        what: `DCF(${rate}, ${n}×${pmt}, ${t})`,
        sheet: ws.name,
        row,
        col: 4 + j,
        ours: F.dcf(rate, range, t),
        scale: 0,
      });
    });
  }
}

/**
 * rnpv sheet, two rows per series: flows in F.. of the first row, cumulative probabilities in F.. of
 * the second (or one probability in E). B/C/D: SUMPRODUCT(flows, probs/(1+r)^(year-offset)).
 */
function buildRnpv(ws: ExcelJS.Worksheet): void {
  const N = 120;
  const FIRST = 6;
  for (let k = 0; k < N; k++) {
    const row = 2 * k + 2;
    const n = int(1, 60);
    const rate = discountRate();
    const flows = cashFlows(n);
    const scalarP = k % 4 === 3;
    let probs: number | number[];
    if (scalarP) probs = pick([0, 1, uniform(0, 1)]);
    else {
      // Cumulative: the running product of transition probabilities, sometimes reaching 0 (a dead project).
      let p = 1;
      probs = flows.map(() => {
        if (chance(0.3)) p *= chance(0.03) ? 0 : uniform(0.4, 1);
        return p;
      });
    }
    setValue(ws, row, 1, rate);
    flows.forEach((x, i) => setValue(ws, row, FIRST + i, x));
    const fr = `${addr(row, FIRST)}:${addr(row, FIRST + n - 1)}`;
    const years = `(COLUMN(${fr})-COLUMN(${addr(row, FIRST)})+1)`;
    const r = addr(row, 1);
    if (typeof probs === "number") {
      setValue(ws, row, 5, probs);
    } else {
      probs.forEach((x, i) => setValue(ws, row + 1, FIRST + i, x));
    }
    const pr = `${addr(row + 1, FIRST)}:${addr(row + 1, FIRST + n - 1)}`;
    const row1 = k % 2 === 0;
    TIMINGS.forEach((t, j) => {
      const exp = TIMING_OFFSET[t] === 0 ? years : `(${years}-${TIMING_OFFSET[t]})`;
      const formula = typeof probs === "number" ? `${addr(row, 5)}*SUMPRODUCT(${fr}/(1+${r})^${exp})` : `SUMPRODUCT(${fr},${pr}/(1+${r})^${exp})`;
      setFormula(ws, row, 2 + j, formula);
      const probArg = typeof probs === "number" ? [[probs]] : asRange(probs, row1);
      expect1({
        family: "RNPV",
        what: `RNPV(${rate}, ${n} flows, ${typeof probs === "number" ? probs : "per-flow"}, ${t})`,
        sheet: ws.name,
        row,
        col: 2 + j,
        ours: F.rnpv(rate, asRange(flows, row1), probArg, t === "end" ? (null as any) : t),
        scale: absTerms(rate, flows, t, probs),
      });
    });
  }
}

/** sales sheet: A size, B growth, C peak share, D years to peak, E years, F launch (blank = 1); H.. yearly sales as market × share. */
function buildSales(ws: ExcelJS.Worksheet): void {
  const N = 60;
  const FIRST = 8;
  for (let k = 0; k < N; k++) {
    const row = k + 2;
    const size = Math.pow(10, uniform(0, 10)) * (chance(0.05) ? 0 : 1);
    const g = chance(0.1) ? 0 : uniform(-0.3, 0.5);
    const peak = chance(0.05) ? 1 : uniform(0, 1);
    const ytp = pick([0, 1, 2, 3, 5, 8, uniform(0.5, 10)]);
    const n = int(1, 60);
    const launch = chance(0.3) ? null : int(1, Math.min(n + 2, 12));
    [size, g, peak, ytp, n].forEach((v, i) => setValue(ws, row, 1 + i, v));
    setValue(ws, row, 6, launch);
    const [S, G, P, Y, L] = [addr(row, 1, true), addr(row, 2, true), addr(row, 3, true), addr(row, 4, true), addr(row, 6, true)];
    const Lr = `IF(ISBLANK(${L}),1,${L})`;
    for (let t = 1; t <= n; t++) {
      const kk = `(${t}-${Lr}+1)`;
      setFormula(ws, row, FIRST + t - 1, `${S}*(1+${G})^(${t}-1)*IF(${kk}<1,0,${P}*MIN(1,${kk}/MAX(${Y},1)))`);
    }
    const out = F.sales(size, g, peak, ytp, n, launch as any);
    for (let t = 1; t <= n; t++) {
      expect1({
        family: "SALES",
        what: `SALES(${size}, ${g}, ${peak}, ${ytp}, ${n}, ${launch}) year ${t}`,
        sheet: ws.name,
        row,
        col: FIRST + t - 1,
        ours: out.length === n ? out[t - 1][0] : out[0][0],
        scale: 0,
      });
    }
  }
}

/**
 * royalties sheet, two rows per case: A rate, B minimum (blank = 0), C term (blank = all), D years,
 * sales in F.. (leading zeros before the first sale, zeros later); royalties on the second row as
 * IF(AND(sales started, year ≤ term), MAX(rate × sales, minimum), 0).
 */
function buildRoyalties(ws: ExcelJS.Worksheet): void {
  const N = 60;
  const FIRST = 6;
  for (let k = 0; k < N; k++) {
    const row = 2 * k + 2;
    const n = int(1, 60);
    const rate = chance(0.05) ? pick([0, 1]) : uniform(0, 0.2);
    const mag = Math.pow(10, uniform(-3, 9));
    const minimum = chance(0.4) ? null : chance(0.5) ? 0 : mag * uniform(0, 0.1);
    const term = chance(0.4) ? null : int(1, 70);
    const lead = chance(0.5) ? 0 : int(0, n);
    const sales = Array.from({ length: n }, (_, i) => (i < lead || chance(0.1) ? 0 : mag * uniform(0.2, 2)));
    setValue(ws, row, 1, rate);
    setValue(ws, row, 2, minimum);
    setValue(ws, row, 3, term);
    setValue(ws, row, 4, n);
    sales.forEach((x, i) => setValue(ws, row, FIRST + i, x));
    const [R, M, T, Nn] = [addr(row, 1, true), addr(row, 2, true), addr(row, 3, true), addr(row, 4, true)];
    const termR = `IF(ISBLANK(${T}),${Nn},${T})`;
    const minR = `IF(ISBLANK(${M}),0,${M})`;
    for (let t = 1; t <= n; t++) {
      const s = addr(row, FIRST + t - 1);
      const started = `COUNTIF(${addr(row, FIRST, true)}:${s},">0")>0`;
      setFormula(ws, row + 1, FIRST + t - 1, `IF(AND(${started},${t}<=${termR}),MAX(${R}*${s},${minR}),0)`);
    }
    const out = F.royalties(asRange(sales, k % 2 === 0), rate, minimum as any, term as any);
    const flat = out.length === 1 && n > 1 ? out[0] : out.map((r) => r[0]);
    for (let t = 1; t <= n; t++) {
      expect1({
        family: "ROYALTIES",
        what: `ROYALTIES(${n} sales, ${rate}, ${minimum}, ${term}) year ${t}`,
        sheet: ws.name,
        row: row + 1,
        col: FIRST + t - 1,
        ours: flat.length === n ? flat[t - 1] : flat[0],
        scale: 0,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Scenarios: the assumptions table on the sheet, and the yearly model restated as native formulas
// ---------------------------------------------------------------------------------------------

const KEYS = [
  "market_size",
  "market_growth",
  "peak_share",
  "years_to_peak",
  "launch_year",
  "years",
  "term_years",
  "royalty_rate",
  "annual_minimum",
  "operating_margin",
  "tax_rate",
  "discount_rate",
  "hurdle_rate",
  "success_probability",
  "upfront",
  "investment",
  "timing",
  "licensor_share",
] as const;
type Key = (typeof KEYS)[number];
type Raw = Partial<Record<Key, number | string | null>>;

/** One scenario's raw inputs; null = left blank in the table (the default applies). */
function scenarioInputs(): Raw {
  const years = int(1, 30);
  const term = chance(0.4) ? null : int(1, years);
  const lastSaleYear = term ?? years;
  const size = Math.pow(10, uniform(3, 10));
  return {
    market_size: size,
    market_growth: chance(0.2) ? null : uniform(-0.2, 0.3),
    peak_share: uniform(0.01, 0.6),
    years_to_peak: chance(0.2) ? null : pick([0, 1, 2, 3, 4, 6, uniform(0.5, 8)]),
    launch_year: chance(0.3) ? null : int(1, Math.min(lastSaleYear, 5)),
    years,
    term_years: term,
    royalty_rate: uniform(0.005, 0.15),
    annual_minimum: chance(0.5) ? null : size * uniform(0, 0.01),
    operating_margin: uniform(0.05, 0.45),
    tax_rate: chance(0.3) ? null : uniform(0, 0.4),
    discount_rate: uniform(0.02, 0.35),
    hurdle_rate: chance(0.5) ? null : uniform(0.05, 0.3),
    success_probability: chance(0.3) ? null : uniform(0.05, 1),
    upfront: chance(0.3) ? null : size * uniform(0, 0.05),
    investment: chance(0.3) ? null : size * uniform(0, 0.3),
    timing: pick([null, "end", "mid", "begin"]),
    licensor_share: chance(0.7) ? null : uniform(0.1, 0.4),
  };
}

const SCENARIO_NAMES: readonly (readonly string[])[] = [
  ["Low", "Base", "High"],
  ["pessimistic", "base case", "optimistic"],
  ["A", "B", "C"], // no Base: the middle column is the default
  ["High", "Low", "Base"],
];

/** Table columns: key, label, 3 scenarios, note. Then, per scenario, a summary row and the yearly rows. */
function buildScenarios(ws: ExcelJS.Worksheet): void {
  const TABLES = 10;
  let top = 1;
  for (let tIdx = 0; tIdx < TABLES; tIdx++) {
    const names = SCENARIO_NAMES[tIdx % SCENARIO_NAMES.length];
    const raws = names.map(() => scenarioInputs());
    // The table as a 2-D range, as Excel would pass it (blanks as ""), and on the sheet.
    const prettyKeys = tIdx % 2 === 1; // "Market size" spellings on odd tables
    const table: (string | number)[][] = [["key", "label", ...names, "note"]];
    const keyRow = new Map<Key, number>();
    KEYS.forEach((key, i) => {
      const shown = prettyKeys ? key.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase()) : key;
      table.push([shown, `label of ${key}`, ...raws.map((r) => r[key] ?? ""), ""]);
      keyRow.set(key, top + 1 + i);
    });
    table.forEach((cells, r) => cells.forEach((v, c) => setValue(ws, top + r, c + 1, v === "" ? null : v)));
    let row = top + table.length + 1;

    names.forEach((name, j) => {
      const col = 3 + j; // this scenario's column in the table
      const v = (key: Key): string => addr(keyRow.get(key)!, col, true);
      const blankOr = (key: Key, dflt: string): string => `IF(ISBLANK(${v(key)}),${dflt},${v(key)})`;
      const raw = raws[j];
      const n = raw.years as number;

      // Summary row: A..G resolved inputs (native formulas), H npv, I rnpv, J maxrate.
      const S = row;
      const c = (k: number): string => addr(S, k, true);
      setFormula(ws, S, 1, blankOr("years_to_peak", "1"));
      setFormula(ws, S, 2, blankOr("launch_year", "1"));
      setFormula(ws, S, 3, blankOr("term_years", v("years")));
      setFormula(ws, S, 4, `IF(${v("timing")}="mid",0.5,IF(${v("timing")}="begin",1,0))`);
      setFormula(ws, S, 5, blankOr("hurdle_rate", v("discount_rate")));
      setFormula(ws, S, 6, blankOr("success_probability", "1"));
      setFormula(ws, S, 7, blankOr("tax_rate", "0"));
      const [Y, L, TERM, OFF, H, P, TAX] = [c(1), c(2), c(3), c(4), c(5), c(6), c(7)];
      const upfront = blankOr("upfront", "0");
      const investment = blankOr("investment", "0");
      const minimum = blankOr("annual_minimum", "0");
      const growth = blankOr("market_growth", "0");

      // Yearly rows: A year, B market, C share, D sales, E royalty, F discount factor, G present value,
      // H discount factor at the hurdle rate, I operating profit, J royalty base (sales within the term).
      const first = S + 1;
      const last = S + n;
      const colRange = (k: number): string => `${addr(first, k, true)}:${addr(last, k, true)}`;
      for (let t = 1; t <= n; t++) {
        const r = S + t;
        const kk = `(${t}-${L}+1)`;
        setFormula(ws, r, 1, `ROW()-${S}`);
        setFormula(ws, r, 2, `${v("market_size")}*(1+${growth})^(${t}-1)`);
        setFormula(ws, r, 3, `IF(${kk}<1,0,${v("peak_share")}*MIN(1,${kk}/MAX(${Y},1)))`);
        setFormula(ws, r, 4, `${addr(r, 2)}*${addr(r, 3)}`);
        const started = `COUNTIF(${addr(first, 4, true)}:${addr(r, 4)},">0")>0`;
        setFormula(ws, r, 5, `IF(AND(${started},${t}<=${TERM}),MAX(${v("royalty_rate")}*${addr(r, 4)},${minimum}),0)`);
        setFormula(ws, r, 6, `1/(1+${v("discount_rate")})^(${t}-${OFF})`);
        setFormula(ws, r, 7, `${addr(r, 5)}*${addr(r, 6)}`);
        setFormula(ws, r, 8, `1/(1+${H})^(${t}-${OFF})`);
        setFormula(ws, r, 9, `${v("operating_margin")}*${addr(r, 4)}`);
        setFormula(ws, r, 10, `IF(${t}<=${TERM},${addr(r, 4)},0)`);
      }
      const npvRoyalties = `NPV(${v("discount_rate")},${colRange(5)})*(1+${v("discount_rate")})^${OFF}`;
      setFormula(ws, S, 8, `${upfront}+${npvRoyalties}`);
      setFormula(ws, S, 9, `${upfront}+${P}*${npvRoyalties}`);
      setFormula(
        ws,
        S,
        10,
        `(${P}*SUMPRODUCT(${colRange(9)},${colRange(8)})*(1-${TAX})-(${investment}+${upfront}))/(${P}*SUMPRODUCT(${colRange(10)},${colRange(8)})*(1-${TAX}))`
      );

      // What IPVALUE.SCENARIO returns for this scenario, by name and (for the default one) without.
      const isDefault = defaultIndex(names) === j;
      const callNames: (string | null)[] = isDefault ? [name, null] : [name];
      for (const callName of callNames) {
        const label = `table ${tIdx + 1} scenario ${callName ?? `(default → ${name})`}`;
        const npv = F.scenario(table, callName as any, callName === null ? (null as any) : "npv");
        const rnpv = F.scenario(table, callName as any, "rnpv");
        const maxrate = F.scenario(table, callName as any, "maxrate");
        const tbl = F.scenario(table, callName as any, "table");
        expect1({ family: "SCENARIO npv", what: `${label} npv`, sheet: ws.name, row: S, col: 8, ours: npv[0][0], scale: 0 });
        expect1({ family: "SCENARIO rnpv", what: `${label} rnpv`, sheet: ws.name, row: S, col: 9, ours: rnpv[0][0], scale: 0 });
        // maxrate = (A − I)/B: A and I may nearly cancel, so the floor scales with (A + I)/B.
        const m = modelScale(raw, n);
        expect1({ family: "SCENARIO maxrate", what: `${label} maxrate`, sheet: ws.name, row: S, col: 10, ours: maxrate[0][0], scale: m });
        const header = ["year", "market", "share", "sales", "royalty", "discount_factor", "present_value"];
        const headerOk = tbl.length === n + 1 && header.every((h, i) => tbl[0][i] === h);
        for (let t = 1; t <= n; t++) {
          for (let k = 0; k < 7; k++) {
            expect1({
              family: "SCENARIO table",
              what: `${label} table year ${t} ${header[k]}`,
              sheet: ws.name,
              row: S + t,
              col: k + 1,
              ours: headerOk ? tbl[t][k] : `bad table shape: ${JSON.stringify(tbl[0])} with ${tbl.length} rows`,
              scale: 0,
            });
          }
        }
      }
      row = last + 2;
    });
    top = row + 1;
  }
}

/** The default scenario by the documented rule: the one named Base (or a Japanese/English synonym), else the middle one. */
function defaultIndex(names: readonly string[]): number {
  const i = names.findIndex((n) => ["base", "base case"].includes(n.toLowerCase()));
  return i >= 0 ? i : Math.floor((names.length - 1) / 2);
}

/** A rough (A + I)/B for maxrate's tolerance floor, computed independently from the raw inputs. */
function modelScale(raw: Raw, n: number): number {
  const num = (k: Key, d: number): number => (raw[k] === null || raw[k] === undefined ? d : (raw[k] as number));
  const off = raw.timing === "mid" ? 0.5 : raw.timing === "begin" ? 1 : 0;
  const h = num("hurdle_rate", num("discount_rate", 0));
  const L = num("launch_year", 1);
  const Y = num("years_to_peak", 1);
  const term = num("term_years", n);
  let a = 0;
  let b = 0;
  for (let t = 1; t <= n; t++) {
    const k = t - L + 1;
    const s = num("market_size", 0) * Math.pow(1 + num("market_growth", 0), t - 1) * (k < 1 ? 0 : num("peak_share", 0) * Math.min(1, k / Math.max(Y, 1)));
    const df = Math.pow(1 + h, -(t - off));
    a += num("operating_margin", 0) * s * df;
    if (t <= term) b += s * df;
  }
  return (a + num("investment", 0) + num("upfront", 0)) / b;
}

// ---------------------------------------------------------------------------------------------
// The test
// ---------------------------------------------------------------------------------------------

interface Outcome {
  family: string;
  what: string;
  where: string;
  lo: unknown;
  ours: unknown;
  rel: number;
  ratio: number;
  ok: boolean;
}

function compare(c: Check, lo: unknown): Outcome {
  const where = `${c.sheet}!${addr(c.row, c.col)}`;
  const base = { family: c.family, what: c.what, where, lo, ours: c.ours };
  if (typeof lo !== "number" || typeof c.ours !== "number" || !Number.isFinite(lo) || !Number.isFinite(c.ours)) {
    return { ...base, rel: Infinity, ratio: Infinity, ok: false };
  }
  const err = Math.abs(lo - c.ours);
  const mag = Math.max(Math.abs(lo), Math.abs(c.ours));
  const tol = 1e-9 * Math.max(mag, 1e-3 * c.scale);
  const rel = mag === 0 ? 0 : err / mag;
  return { ...base, rel, ratio: tol === 0 ? (err === 0 ? 0 : Infinity) : err / tol, ok: err <= tol };
}

function sofficeOnPath(): boolean {
  return spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).status === 0;
}

describe("cross-check against LibreOffice Calc", () => {
  let outcomes: Outcome[] = [];
  let sentinel: unknown;
  let formulaCells = 0;
  const formulaErrors: string[] = [];
  let placeholdersLeft = 0;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    if (!sofficeOnPath()) {
      throw new Error(
        `LibreOffice is not installed: 'soffice' is not on PATH${IN_CI ? " (CI=true)" : ""}. ` +
          "This cross-check needs it and fails rather than skips: apt-get install -y --no-install-recommends libreoffice-calc"
      );
    }
    if (!fs.existsSync(RECALC)) throw new Error(`The recalculation script is missing: ${RECALC}`);

    let t0 = Date.now();
    const wb = buildWorkbook();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ipvalue-xcheck-"));
    const input = path.join(dir, "xcheck.xlsx");
    const outDir = path.join(dir, "recalculated");
    await wb.xlsx.writeFile(input);
    timings.build_ms = Date.now() - t0;

    t0 = Date.now();
    try {
      execFileSync("bash", [RECALC, input, outDir], { stdio: "pipe", timeout: 170_000 });
    } catch (e) {
      const err = e as { status?: number; stderr?: Buffer };
      throw new Error(`lo-recalc.sh failed (exit ${err.status}): ${err.stderr?.toString() ?? e}`, { cause: e });
    }
    timings.recalc_ms = Date.now() - t0;
    const output = path.join(outDir, "xcheck.xlsx");
    if (!fs.existsSync(output)) throw new Error(`LibreOffice wrote no ${output}: the conversion failed`);

    t0 = Date.now();
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(output);
    sentinel = back.getWorksheet("check")?.getCell("A1").result;
    back.eachSheet((ws) =>
      ws.eachRow((r) =>
        r.eachCell((cell) => {
          if (cell.type !== ExcelJS.ValueType.Formula) return;
          formulaCells++;
          const v = cell.result;
          if (v === PLACEHOLDER) placeholdersLeft++;
          if (typeof v !== "number" && typeof v !== "boolean") formulaErrors.push(`${ws.name}!${cell.address} = ${JSON.stringify(v)}`);
        })
      )
    );
    outcomes = checks.map((c) => compare(c, back.getWorksheet(c.sheet)!.getCell(c.row, c.col).result));
    timings.read_ms = Date.now() - t0;

    const worst = outcomes.reduce((a, b) => (b.rel > a.rel ? b : a), outcomes[0]);
    const summary = {
      comparisons: outcomes.length,
      failures: outcomes.filter((o) => !o.ok).length,
      max_relative_error: worst.rel,
      worst: `${worst.what} at ${worst.where}`,
      max_error_over_tolerance: Math.max(...outcomes.map((o) => o.ratio)),
      beyond_plain_1e9_relative: outcomes.filter((o) => o.rel > 1e-9).length,
      by_family: Object.fromEntries(
        [...new Set(outcomes.map((o) => o.family))].map((f) => {
          const xs = outcomes.filter((o) => o.family === f);
          return [f, { n: xs.length, max_rel: Math.max(...xs.map((o) => o.rel)) }];
        })
      ),
      formula_cells: formulaCells,
      timings,
      files: { input, output },
    };
    fs.writeFileSync(path.join(dir, "summary.json"), JSON.stringify(summary, null, 2));
    console.log(`LibreOffice cross-check summary (${path.join(dir, "summary.json")}):\n${JSON.stringify(summary, null, 2)}`);
  }, 180_000);

  test("LibreOffice really recalculated: the sentinel =1+1 cached as 0 reads 2, and no placeholder survived", () => {
    expect(sentinel).toBe(2);
    expect(placeholdersLeft).toBe(0);
  });

  test("every formula came back as a value, none as an error", () => {
    expect(formulaErrors.slice(0, 20)).toEqual([]);
    expect(formulaCells).toBe(formulasWritten);
  });

  test("several hundred comparisons were made", () => {
    expect(outcomes.length).toBe(checks.length);
    expect(outcomes.length).toBeGreaterThan(500);
  });

  const families = ["DCF", "DCF level annuity vs PV", "RNPV", "SALES", "ROYALTIES", "SCENARIO npv", "SCENARIO rnpv", "SCENARIO maxrate", "SCENARIO table"];
  test.each(families)("%s agrees with LibreOffice to 1e-9 relative", (family) => {
    const mine = outcomes.filter((o) => o.family === family);
    expect(mine.length).toBeGreaterThan(0);
    const bad = mine.filter((o) => !o.ok).slice(0, 10);
    expect(bad.map((o) => `${o.what} at ${o.where}: LibreOffice ${JSON.stringify(o.lo)}, IPVALUE ${JSON.stringify(o.ours)} (rel ${o.rel})`)).toEqual([]);
  });
});
