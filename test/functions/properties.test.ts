/**
 * Property tests over every custom function: whatever Excel (or anything else) passes, the result is a
 * finite number, text, a grid of those, or a CustomFunctions.Error (spilling functions: [[error]]);
 * never an exception, NaN or Infinity. Plus DCF against a reference formula and RANGE's ordering.
 */
import fc from "fast-check";
import { readFileSync } from "fs";
import * as functions from "../../src/functions/functions";
import { F, FUNCTION_FILES, isExcelError, METADATA } from "./helpers";

const RUNS = 300;

// ---------------------------------------------------------------------------------------------
// Which functions exist, and whether they return one value or spill: functions.json says, from the
// JSDoc; TEST_FACTS (below) adds what it cannot, one entry per function.

type Kind = "scalar" | "spill" | "range-grid" | "cell-grid" | "flag-grid";
const kindOf = (id: string): Kind => {
  const meta = METADATA.find((f) => f.id === id)!;
  if (meta.result.dimensionality !== "matrix") return "scalar";
  if (TEST_FACTS[id]?.cellsMayBeErrors) return "cell-grid";
  if (TEST_FACTS[id]?.cellsMayBeFlags) return "flag-grid";
  return TEST_FACTS[id]?.rowsMayBeErrors ? "range-grid" : "spill";
};

describe("coverage of the custom functions", () => {
  const source = FUNCTION_FILES.map((file) => readFileSync(file, "utf8")).join("\n");
  const declared = [...source.matchAll(/@customfunction\s+(\w+)[\s\S]*?export function (\w+)/g)].map((m) => ({ id: m[1], name: m[2] }));

  test("every @customfunction ID is covered by these properties, bound to the export that declares it", () => {
    expect(declared.map((d) => d.id).sort()).toEqual(Object.keys(F).sort());
    for (const { id, name } of declared) expect(F[id]).toBe((functions as Record<string, unknown>)[name]);
  });

  test("every function of functions.json declares its test facts here, and nothing else does", () => {
    expect(Object.keys(TEST_FACTS).sort()).toEqual(METADATA.map((f) => f.id).sort());
  });

  test("every exported function of functions.ts is a custom function", () => {
    const exported = Object.entries(functions)
      .filter(([, v]) => typeof v === "function")
      .map(([k]) => k)
      .sort();
    expect(exported).toEqual(declared.map((d) => d.name).sort());
  });
});

// ---------------------------------------------------------------------------------------------
// What a result may be.

const ALLOWED_CODES = ["#VALUE!", "#NUM!", "#N/A"];
/** Longest message a function may show: its fixed text plus a few short excerpts of the input. */
const MESSAGE_LIMIT = 600;

function checkError(e: { code: string; message?: string }, excelShaped: boolean): void {
  expect(ALLOWED_CODES).toContain(e.code);
  if (e.code === "#NUM!") expect(e.message).toBeUndefined();
  else {
    expect(typeof e.message).toBe("string");
    expect(e.message!.length).toBeGreaterThan(0);
    expect(e.message!.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    // An exception the adapters did not anticipate is a bug when the input is one Excel can pass.
    if (excelShaped) expect(e.message).not.toMatch(/^Unexpected error/);
  }
}

function checkValue(x: unknown): void {
  if (typeof x === "number") {
    if (!Number.isFinite(x)) throw new Error(`non-finite number ${x} in a result`);
    return;
  }
  if (typeof x !== "string") throw new Error(`a result cell is ${typeof x}: ${String(x)}`);
}

function checkResult(kind: Kind, r: unknown, excelShaped: boolean): void {
  if (kind === "scalar") {
    if (isExcelError(r)) return checkError(r, excelShaped);
    checkValue(r);
    return;
  }
  if (!Array.isArray(r)) throw new Error(`a spilling function returned ${typeof r}`);
  expect(r.length).toBeGreaterThan(0);
  const width = (r[0] as unknown[]).length;
  expect(width).toBeGreaterThan(0);
  if (r.length === 1 && width === 1 && isExcelError(r[0][0])) return checkError(r[0][0], excelShaped);
  for (const row of r as unknown[][]) {
    expect(Array.isArray(row)).toBe(true);
    expect(row).toHaveLength(width);
    // RANGE alone may show #NUM! inside its grid: a whole output row with no answer (low, base, high).
    const errors = row.filter(isExcelError);
    if (errors.length > 0) {
      if (kind === "cell-grid") for (const e of errors) expect(e.code).toBe("#NUM!");
      else if (kind !== "range-grid") throw new Error("an error value inside a spilled grid");
      else expect(errors.map((e) => e.code)).toEqual(["#NUM!", "#NUM!", "#NUM!"]);
    }
    // TERMS alone spills TRUE/FALSE: a flag term's value.
    for (const x of row) if (!isExcelError(x) && !(kind === "flag-grid" && typeof x === "boolean")) checkValue(x);
  }
}

// ---------------------------------------------------------------------------------------------
// Hostile arguments.

const specialNumbers = fc.constantFrom(
  NaN,
  Infinity,
  -Infinity,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e-320,
  -0,
  0,
  1,
  -1,
  -0.999999999,
  -1.0000001,
  0.5,
  2,
  200,
  201,
  1e15
);
const specialWords = fc.constantFrom(
  "",
  " ",
  "end",
  "mid",
  "begin",
  "期央",
  "constructor",
  "__proto__",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "Base",
  "base",
  "Low",
  "High",
  "table",
  "npv",
  "rnpv",
  "rate25",
  "maxrate",
  "royalty_rate",
  "npv, rate25",
  "NaN",
  "Infinity",
  "1e308",
  "0.1",
  "TRUE",
  "#N/A",
  "key",
  "label",
  "unit",
  "note",
  "market_size",
  "years",
  "timing"
);

/** Values an Excel cell (or a scalar argument) can hold, plus NaN and the infinities. */
const cellValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.double(), weight: 3 },
  { arbitrary: specialNumbers, weight: 3 },
  { arbitrary: fc.integer({ min: -300, max: 300 }), weight: 2 },
  { arbitrary: fc.double({ min: -2, max: 2, noNaN: true }), weight: 3 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
  { arbitrary: specialWords, weight: 2 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constantFrom(null, undefined, ""), weight: 2 }
);

/** 2-D arrays: rectangular, ragged, empty, rows, columns and odd nestings. */
const grid2d: fc.Arbitrary<unknown> = fc.oneof(
  fc.array(fc.array(cellValue, { maxLength: 5 }), { maxLength: 5 }),
  fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }))
    .chain(([rows, cols]) => fc.array(fc.array(cellValue, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })),
  fc.array(cellValue, { minLength: 1, maxLength: 30 }).map((xs) => xs.map((x) => [x])),
  fc.array(cellValue, { minLength: 1, maxLength: 30 }).map((xs) => [xs]),
  fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }).map((xs) => xs.map((x) => [x])),
  fc.constantFrom<unknown>([], [[]], [[], []], [[1], [2, 3]], [[[1]]], [[[1, 2]], [[3, 4]]], [1, 2, 3], [[null]], [[""]], [[NaN]], [[Infinity], [1]])
);

/** Anything Excel could pass to an argument (a scalar or a range). */
const excelArg: fc.Arbitrary<unknown> = fc.oneof({ arbitrary: cellValue, weight: 2 }, { arbitrary: grid2d, weight: 2 });

/** Things no Excel argument is: objects, functions, symbols, big integers, typed arrays, throwing toString. */
const junk: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  {},
  { length: 2, 0: 1, 1: 2 },
  { valueOf: () => 5 },
  {
    toString: () => {
      throw new Error("toString");
    },
  },
  Object.create(null),
  () => 1,
  Symbol("s"),
  BigInt(7),
  new Float64Array([1, 2]),
  new Date(0),
  [[{}]],
  [[Symbol("t")]],
  [[BigInt(1)]],
  [new Float64Array(1)],
  [[() => 0]]
);
const anyArg: fc.Arbitrary<unknown> = fc.oneof({ arbitrary: excelArg, weight: 5 }, { arbitrary: junk, weight: 1 });

// ---------------------------------------------------------------------------------------------
// Near-valid arguments, so properties also reach the arithmetic (and its overflow guards).

const mostly = <T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ arbitrary: good, weight: 5 }, { arbitrary: excelArg, weight: 1 });
const rate = mostly(fc.oneof(fc.double({ min: -0.999, max: 3, noNaN: true }), fc.constantFrom(-0.9999999, 0, 1e308, 1e6)));
const fraction = mostly(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, Number.MIN_VALUE)));
const amount = mostly(fc.oneof(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.constantFrom(0, 1e308)));
const margin = mostly(fc.double({ min: -1, max: 1, noNaN: true }));
const yearsArb = mostly(fc.integer({ min: 1, max: 200 }));
const optional = <T>(a: fc.Arbitrary<T>) => fc.oneof(fc.constantFrom(null, undefined, ""), a);
const timing = optional(mostly(fc.constantFrom("end", "mid", "begin", "期首", "MID")));
const vectorOf = (x: fc.Arbitrary<number>) =>
  fc.oneof(
    fc.array(x, { minLength: 1, maxLength: 200 }).map((xs) => xs.map((v) => [v])),
    fc.array(x, { minLength: 1, maxLength: 200 }).map((xs) => [xs])
  );
const flows = mostly(vectorOf(fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.constantFrom(0, 1e308, -1e308))));
const salesVec = mostly(vectorOf(fc.oneof(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.constant(0))));
const probVec = mostly(vectorOf(fc.double({ min: 0, max: 1, noNaN: true })));
/** Two vectors of the same length and orientation (e.g. sales and operating profit). */
function pairOf(x: fc.Arbitrary<number>, y: fc.Arbitrary<number>): fc.Arbitrary<[number[][], number[][]]> {
  const lay = (v: number[], asRow: boolean): number[][] => (asRow ? [v] : v.map((e) => [e]));
  return fc
    .tuple(fc.integer({ min: 1, max: 200 }), fc.boolean())
    .chain(([n, asRow]) =>
      fc
        .tuple(fc.array(x, { minLength: n, maxLength: n }), fc.array(y, { minLength: n, maxLength: n }))
        .map(([a, b]): [number[][], number[][]] => [lay(a, asRow), lay(b, asRow)])
    );
}
const money = fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.constantFrom(0, 1e308, -1e308));
const nonNegMoney = fc.oneof(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.constant(0));
const prob = fc.double({ min: 0, max: 1, noNaN: true });
const milestones = mostly(
  fc.array(fc.tuple(fc.double({ min: 0, max: 30, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), {
    minLength: 1,
    maxLength: 8,
  })
);

const KEYS_AND_VALUES: [string, fc.Arbitrary<unknown>][] = [
  ["market_size", fc.double({ min: 0, max: 1e12, noNaN: true })],
  ["market_growth", fc.double({ min: -0.9, max: 2, noNaN: true })],
  ["peak_share", fc.double({ min: 0, max: 1, noNaN: true })],
  ["years_to_peak", fc.double({ min: 0, max: 20, noNaN: true })],
  ["years", fc.integer({ min: 1, max: 60 })],
  ["launch_year", fc.integer({ min: 1, max: 60 })],
  ["term_years", fc.integer({ min: 1, max: 60 })],
  ["royalty_rate", fc.double({ min: 0, max: 1, noNaN: true })],
  ["annual_minimum", fc.double({ min: 0, max: 1e6, noNaN: true })],
  ["operating_margin", fc.double({ min: -1, max: 1, noNaN: true })],
  ["tax_rate", fc.double({ min: 0, max: 0.99, noNaN: true })],
  ["discount_rate", fc.double({ min: -0.99, max: 3, noNaN: true })],
  ["hurdle_rate", fc.double({ min: -0.99, max: 3, noNaN: true })],
  ["success_probability", fc.double({ min: 0.01, max: 1, noNaN: true })],
  ["upfront", fc.double({ min: 0, max: 1e9, noNaN: true })],
  ["investment", fc.double({ min: 0, max: 1e9, noNaN: true })],
  ["timing", fc.constantFrom("end", "mid", "begin", "")],
  ["licensor_share", fc.double({ min: 0, max: 1, noNaN: true })],
  // The deal terms and plan rows, with values at and past what they allow (tiers out of order, a
  // milestone past year 200, equity without an exit …): a named #VALUE!, never NaN.
  ["tier_1_threshold", fc.double({ min: 0, max: 1e9, noNaN: true })],
  ["tier_1_rate", fc.double({ min: 0, max: 1, noNaN: true })],
  ["tier_2_threshold", fc.double({ min: 0, max: 1e9, noNaN: true })],
  ["tier_2_rate", fc.double({ min: 0, max: 1, noNaN: true })],
  ["claims_expire_year", fc.integer({ min: 0, max: 210 })],
  ["post_expiry_rate", fc.double({ min: 0, max: 1, noNaN: true })],
  ["annual_fee", fc.double({ min: 0, max: 1e7, noNaN: true })],
  ["annual_fee_from_year", fc.integer({ min: 0, max: 70 })],
  ["annual_fee_until_sales", fc.constantFrom(true, false, "TRUE", "no", 1, 2, "maybe")],
  ["annual_fee_creditable", fc.constantFrom(true, false, 0, "FALSE")],
  ["milestone_1_year", fc.double({ min: 0, max: 250, noNaN: true })],
  ["milestone_1_amount", fc.double({ min: 0, max: 1e9, noNaN: true })],
  ["milestone_1_probability", fc.double({ min: 0, max: 1, noNaN: true })],
  ["milestone_9_year", fc.double({ min: 0, max: 30, noNaN: true })],
  ["milestone_9_amount", fc.double({ min: 0, max: 1e9, noNaN: true })],
  ["sublicense_income", fc.double({ min: 0, max: 1e9, noNaN: true })],
  ["sublicense_share", fc.double({ min: 0, max: 1, noNaN: true })],
  ["equity_share", fc.double({ min: 0, max: 1, noNaN: true })],
  ["dilution", fc.double({ min: 0, max: 1, noNaN: true })],
  ["exit_year", fc.double({ min: 0, max: 250, noNaN: true })],
  ["exit_value", fc.double({ min: 0, max: 1e12, noNaN: true })],
  ["exit_probability", fc.double({ min: 0, max: 1, noNaN: true })],
  ["success_fee", fc.double({ min: 0, max: 1, noNaN: true })],
  ["patent_cost_reimbursement", fc.double({ min: 0, max: 1e8, noNaN: true })],
  ["patent_cost_years", fc.integer({ min: 0, max: 250 })],
  ["licensor_ownership", fc.double({ min: 0, max: 1, noNaN: true })],
  ["sales_1", fc.double({ min: 0, max: 1e9, noNaN: true })],
  ["sales_3", fc.double({ min: -1, max: 1e9, noNaN: true })],
  ["operating_profit_2", fc.double({ min: -1e9, max: 1e9, noNaN: true })],
  ["investment_2", fc.double({ min: 0, max: 1e9, noNaN: true })],
];

/** A terms range for OFFER: some keys and values, sometimes under a heading row, sometimes with TERMS's unit and citation columns. */
const termsArg: fc.Arbitrary<unknown> = fc
  .tuple(fc.subarray(KEYS_AND_VALUES, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.boolean())
  .chain(([pairs, heading, wide]) =>
    fc.tuple(...pairs.map(([k, v]) => fc.oneof({ arbitrary: v, weight: 8 }, { arbitrary: fc.constant(""), weight: 1 }).map((x) => [k, x]))).map((rows) => {
      const body = rows.map((r) => (wide ? [...r, "", "a citation"] : r));
      const head = wide ? ["key", "value", "unit", "citation"] : ["key", "value"];
      return heading ? [head, ...body] : body;
    })
  );

/** A signed term sheet for ROYALTYDUE and AUDIT: termsArg with the royalty rate they require, unless it has one. */
const signedTermsArg: fc.Arbitrary<unknown> = fc.tuple(termsArg, fc.double({ min: 0, max: 1, noNaN: true })).map(([t, rate]) => {
  const rows = t as unknown[][];
  if (rows.some((r) => r[0] === "royalty_rate")) return rows;
  return [...rows, rows[0].length > 2 ? ["royalty_rate", rate, "", "a citation"] : ["royalty_rate", rate]];
});
const signedTerms = fc.oneof({ arbitrary: signedTermsArg, weight: 8 }, { arbitrary: excelArg, weight: 1 });
const contractYear = optional(mostly(fc.integer({ min: 1, max: 200 })));

/** An assumptions table of 1-4 scenarios, optional keys left out or blank, sometimes spoiled with hostile cells. */
const assumptionsTable: fc.Arbitrary<unknown> = fc
  .record({
    names: fc.uniqueArray(fc.constantFrom("Low", "Base", "High", "Mid", "ベース", "A", "2025"), { minLength: 1, maxLength: 4 }),
    keep: fc.array(fc.boolean(), { minLength: KEYS_AND_VALUES.length, maxLength: KEYS_AND_VALUES.length }),
    withLabel: fc.boolean(),
    seed: fc.integer(),
  })
  .chain(({ names, keep, withLabel }) => {
    const required = ["market_size", "peak_share", "years", "royalty_rate", "operating_margin", "discount_rate"];
    const keys = KEYS_AND_VALUES.filter(([k], i) => keep[i] || required.includes(k));
    // optional keys are sometimes blank (their default applies); a required one only rarely
    const cell = (k: string, v: fc.Arbitrary<unknown>) =>
      fc.oneof({ arbitrary: v, weight: required.includes(k) ? 150 : 5 }, { arbitrary: fc.constant(""), weight: 1 });
    const rows = fc.tuple(...keys.map(([k, v]) => fc.array(cell(k, v), { minLength: names.length, maxLength: names.length }).map((vals) => [k, ...vals])));
    return rows.map((body) => {
      const header = ["", ...names];
      const cells = [header, ...body] as unknown[][];
      return withLabel ? cells.map((r, i) => [r[0], i === 0 ? "label" : "text", ...r.slice(1)]) : cells;
    });
  });
const spoiledTable = fc.tuple(assumptionsTable, fc.nat(), fc.nat(), cellValue).map(([t, r, c, v]) => {
  const cells = (t as unknown[][]).map((row) => [...row]);
  const i = r % cells.length;
  cells[i][c % cells[i].length] = v;
  return cells;
});
const tableArg = fc.oneof({ arbitrary: assumptionsTable, weight: 6 }, { arbitrary: spoiledTable, weight: 3 }, { arbitrary: excelArg, weight: 1 });
/** A user-bands range in the layout BANDS spills: a header (some columns, any order) and rows of near-valid cells. */
const bandKey = fc.constantFrom(
  "meti2010_patent_all",
  "CASE07B_EQUITY",
  "case11_option_premium",
  "own_deal",
  "fig07_us_license_income_2022",
  "nope",
  " autm2011_us_university_royalty "
);
const bandCell: Record<string, fc.Arbitrary<unknown>> = {
  key: bandKey,
  low: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: -1e9, max: 1e12, noNaN: true })),
  high: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant("")),
  unit: fc.constantFrom("share_of_net_sales", "amount", "count", "", "percent"),
  currency: fc.constantFrom("USD", "jpy", ""),
  base: fc.string({ maxLength: 8 }),
  right: fc.constantFrom("patent", "know_how", "ノウハウ", "", "any", "trademark"),
  regulatory: fc.constantFrom("approval", "no_approval", ""),
  licensee: fc.constantFrom("startup", "sme", "large", "大企業", ""),
  exclusivity: fc.constantFrom("exclusive", "non_exclusive", "assignment", ""),
  description_en: fc.string({ maxLength: 12 }),
  description_ja: fc.constantFrom("自社の過去案件", ""),
  source: fc.string({ maxLength: 12 }),
  locator: fc.constantFrom("deal 17", ""),
  page: fc.constantFrom("p.3", ""),
  year: fc.oneof(fc.integer({ min: 1990, max: 2030 }), fc.constantFrom("", 2024.5)),
  origin: fc.constantFrom("built-in", "user", ""),
  note: fc.string({ maxLength: 6 }),
};
const userBands: fc.Arbitrary<unknown> = fc
  .tuple(fc.shuffledSubarray(Object.keys(bandCell), { minLength: 1 }), fc.integer({ min: 0, max: 6 }), fc.boolean())
  .chain(([columns, n, withKeyAndLow]) => {
    const cols = withKeyAndLow ? [...new Set(["key", "low", ...columns])] : columns;
    return fc
      .array(fc.tuple(...cols.map((c) => fc.oneof({ arbitrary: bandCell[c], weight: 20 }, { arbitrary: cellValue, weight: 1 }))), {
        minLength: n,
        maxLength: n,
      })
      .map((rows) => [cols, ...rows]);
  });
const bandsArg = optional(fc.oneof({ arbitrary: userBands, weight: 4 }, { arbitrary: excelArg, weight: 1 }));
const bandField = optional(mostly(fc.constantFrom("range", "row", "low", "high", "source", "origin", "出典", "LOW", "value")));
const bandFilter = optional(
  mostly(
    fc.constantFrom(
      "startup",
      "approval patent",
      "know_how, no_approval",
      "meti",
      "unit:share_of_net_sales",
      "year:2011",
      "user",
      "colour:red",
      "zzz",
      "大企業",
      "locator:事例⑦"
    )
  )
);

const scenarioName = optional(mostly(fc.constantFrom("Low", "Base", "High", "Mid", "base", "ベース", "Nope", "2025")));
const outputName = optional(mostly(fc.constantFrom("npv", "rnpv", "rate25", "maxrate", "royalty_rate", "table", "TABLE")));

/** Contract text: clause pieces (figures, term words, range marks) shuffled with random text, as a cell or a range. */
const clausePiece = fc.constantFrom(
  "実施料率は", "3％", "３パーセント", "百分の三", "金500万円", "5百万円", "1億2千万円", "～", "から", "一時金", "最低実施料", "マイルストーン", "株式", "非ロイヤリティ",
  "running royalty of ", "three percent (3%)", "USD 10,000", "$1.5 million", "between 2% and ", "5%", " and ", "-", "upfront", "sublicense income", "。", ". ", "\n", "\t",
  "9".repeat(400), "%", "円", "万", "億", "第5条", "2024年", "(", ")", "数百万円", "1,000,", "\\$"
); // prettier-ignore
const clauseText = fc
  .array(fc.oneof({ arbitrary: clausePiece, weight: 4 }, { arbitrary: fc.string({ maxLength: 8 }), weight: 1 }), { maxLength: 30 })
  .map((xs) => xs.join(""));
const contractText: fc.Arbitrary<unknown> = fc.oneof(
  clauseText,
  clauseText.map((t) => [[t]]),
  fc.array(fc.oneof(clauseText, fc.constantFrom<unknown>("", null, 3, true)), { minLength: 1, maxLength: 4 }).map((xs) => xs.map((x) => [x]))
);

/** What each function's properties need that functions.json cannot say; one entry per function. */
interface TestFacts {
  /** Plausible argument lists (each argument sometimes replaced by anything Excel can pass). */
  plausible: fc.Arbitrary<unknown[]>;
  /** A spilled row without an answer (RANGE's output, SENSITIVITY's assumption) shows #NUM! in its three output cells. */
  rowsMayBeErrors?: true;
  /** A cell without an answer (OFFER's output in one scenario) shows #NUM!. */
  cellsMayBeErrors?: true;
  /** Cells may be TRUE/FALSE (TERMS: the value of a flag term). */
  cellsMayBeFlags?: true;
}

const TEST_FACTS: Record<string, TestFacts> = {
  DCF: { plausible: fc.tuple(rate, flows, timing) },
  RNPV: {
    plausible: fc.oneof(
      fc.tuple(rate, flows, fc.oneof(fraction, probVec), timing),
      fc.tuple(rate, pairOf(money, prob), timing).map(([r, [cf, p], t]) => [r, cf, p, t])
    ),
  },
  SALES: { plausible: fc.tuple(amount, rate, fraction, mostly(fc.double({ min: 0, max: 50, noNaN: true })), yearsArb, optional(yearsArb)) },
  ROYALTIES: { plausible: fc.tuple(salesVec, fraction, optional(amount), optional(yearsArb)) },
  RATE25: { plausible: fc.tuple(margin, optional(fraction)) },
  PROFITSHARE: { plausible: fc.tuple(fraction, margin) },
  MAXRATE: {
    plausible: fc
      .tuple(
        fc.oneof(
          fc.tuple(salesVec, fc.oneof(margin, flows)),
          pairOf(nonNegMoney, money).map(([sv, op]) => [sv, op])
        ),
        rate,
        optional(amount),
        optional(mostly(fc.double({ min: 0, max: 0.99, noNaN: true }))),
        optional(mostly(fc.double({ min: 0.01, max: 1, noNaN: true }))),
        timing
      )
      .map(([[sv, op], ...rest]) => [sv, op, ...rest]),
  },
  RFR: { plausible: fc.tuple(salesVec, fraction, fraction, rate, timing, optional(yearsArb)) },
  EQUIVRATE: { plausible: fc.tuple(amount, salesVec, rate, timing) },
  DEAL: {
    plausible: fc.oneof(
      fc.tuple(rate, amount, fc.oneof(milestones, fc.constant("")), fc.oneof(flows, fc.constant("")), timing, optional(fc.oneof(fraction, probVec))),
      fc.tuple(rate, amount, milestones, pairOf(money, prob), timing).map(([r, u, m, [cf, p], t]) => [r, u, m, cf, t, p])
    ),
  },
  LOA: { plausible: fc.tuple(probVec, optional(mostly(fc.boolean()))) },
  TERMS: {
    plausible: fc.tuple(
      mostly(fc.constantFrom("case7_a", "CASE7_B_APPROVAL", " case7_b_no_approval ", "case6_startup", "case6_large", "case7", "", "事例⑦")),
      optional(mostly(fc.oneof(fc.double({ min: 0.001, max: 1000, noNaN: true }), fc.constantFrom(0, -1, 150, 1e308))))
    ),
    cellsMayBeFlags: true,
  },
  SCENARIO: { plausible: fc.tuple(tableArg, scenarioName, outputName) },
  RANGE: {
    plausible: fc.tuple(
      tableArg,
      optional(mostly(fc.constantFrom("npv", "rnpv, maxrate", "rate25;royalty_rate", [["npv"], ["rate25"]], "band_rate, npv"))),
      optional(mostly(fc.boolean())),
      optional(bandFilter),
      optional(bandsArg)
    ),
    rowsMayBeErrors: true,
  },
  BAND: { plausible: fc.tuple(mostly(bandKey), bandField, bandsArg) },
  BANDS: { plausible: fc.tuple(bandFilter, bandsArg) },
  BANDSTATS: { plausible: fc.tuple(bandFilter, bandsArg, optional(mostly(fc.constantFrom("midpoint", "low", "HIGH", "all", "下限", "mean", "")))) },
  SIMULATE: {
    plausible: fc.tuple(
      tableArg,
      // Mostly few draws, to keep 300 runs quick; sometimes omitted (10,000) or out of range.
      fc.oneof({ arbitrary: fc.integer({ min: 100, max: 1500 }), weight: 8 }, { arbitrary: fc.constantFrom(null, "", 99, 1000001, 250.5), weight: 1 }),
      optional(mostly(fc.integer({ min: 0, max: 4294967295 }))),
      optional(
        mostly(
          fc.oneof(
            fc.constantFrom([[0.1, 0.5, 0.9]], [[0.05], [0.95]], 0.5, [[0.25, "", 0.75]]),
            fc.array(fc.double({ min: 0.001, max: 0.999, noNaN: true }), { minLength: 1, maxLength: 5 }).map((xs) => [xs])
          )
        )
      ),
      outputName,
      optional(mostly(fc.double({ min: -1e9, max: 1e9, noNaN: true }))),
      optional(mostly(fc.constantFrom("pert", "triangular", "metalog", "PERT", "normal"))),
      optional(mostly(fc.constantFrom("lhs", "mc", "LHS", "sobol", "halton"))),
      // A correlation table of two assumptions the example tables vary (or not), sometimes not symmetric or out of range.
      optional(
        mostly(
          fc
            .tuple(fc.constantFrom("market_size", "peak_share", "royalty_rate", "nonsense"), fc.double({ min: -1.2, max: 1.2, noNaN: true }), fc.boolean())
            .map(([key, r, mirror]) => [
              ["", "market_size", key],
              ["market_size", 1, mirror ? r : ""],
              [key, r, 1],
            ])
        )
      ),
      optional(mostly(fc.constantFrom(true, false, 1, 0, "yes", 2)))
    ),
  },
  // Like RANGE, a row without an answer (an assumption at its low or high) shows #NUM! in its three output cells.
  SENSITIVITY: { plausible: fc.tuple(tableArg, outputName), rowsMayBeErrors: true },
  // A point without an answer (an assumption near its low or high) shows #NUM! in that cell only.
  SPIDER: { plausible: fc.tuple(tableArg, outputName, optional(mostly(fc.integer({ min: 2, max: 21 })))), cellsMayBeErrors: true },
  OFFER: {
    plausible: fc.tuple(
      tableArg,
      fc.oneof({ arbitrary: termsArg, weight: 8 }, { arbitrary: excelArg, weight: 1 }),
      optional(mostly(fc.constantFrom("rnpv, licensee_npv", "equivalent_rate", [["npv"], ["maxrate"]], "band_rate")))
    ),
    cellsMayBeErrors: true,
  },
  ROYALTYDUE: { plausible: fc.tuple(salesVec, signedTerms, contractYear) },
  AUDIT: {
    plausible: fc
      .tuple(
        pairOf(nonNegMoney, nonNegMoney),
        signedTerms,
        optional(fraction),
        optional(mostly(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(1e6, 1e308)))),
        optional(amount),
        contractYear
      )
      .map(([[sales, paid], ...rest]) => [sales, paid, ...rest]),
  },
  // TRACK's flag column is TRUE/FALSE.
  TRACK: { plausible: fc.tuple(tableArg, mostly(vectorOf(nonNegMoney)), scenarioName, optional(fraction)), cellsMayBeFlags: true },
  EXTRACTTERMS: { plausible: fc.tuple(mostly(contractText), optional(mostly(fc.constantFrom("ja", "en", "EN", "auto", "fr", "日本語")))) },
};

/** Excel-shaped argument lists of any length up to the arity (missing trailing arguments = omitted). */
const excelArgs = (n: number) => fc.array(excelArg, { minLength: 0, maxLength: n });
const hostileArgs = (n: number) => fc.array(anyArg, { minLength: 0, maxLength: n + 1 });

/** The number of parameters functions.json declares, which the properties pass at most. */
const ARITY: Record<string, number> = Object.fromEntries(METADATA.map((f) => [f.id, f.parameters.length]));

const NAMES = METADATA.map((f) => f.id);

describe.each(NAMES.map((n) => [n]))("IPVALUE.%s never throws, never returns NaN or Infinity", (name) => {
  const fn = F[name];
  const kind = kindOf(name);

  test("declares the arity these properties assume", () => {
    expect(fn.length).toBe(ARITY[name]);
  });

  test("with plausible arguments (sometimes spoiled)", () => {
    fc.assert(
      fc.property(TEST_FACTS[name].plausible, (args) => {
        checkResult(kind, fn(...args), true);
      }),
      { numRuns: RUNS }
    );
  });

  test("with anything Excel can pass", () => {
    fc.assert(
      fc.property(excelArgs(ARITY[name]), (args) => {
        checkResult(kind, fn(...args), true);
      }),
      { numRuns: RUNS }
    );
  });

  test("with nested junk no Excel argument is", () => {
    fc.assert(
      fc.property(hostileArgs(ARITY[name]), (args) => {
        checkResult(kind, fn(...args), false);
      }),
      { numRuns: RUNS }
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The largest inputs Excel passes: a 32,767-character cell, a whole column. Messages stay short
// (checkError bounds them) and nothing slows to seconds.

const CELL = 32767;
const HUGE_TEXTS = ["k".repeat(CELL), "line\n\u202e".repeat(CELL / 6), "期央".repeat(CELL / 2), "😀".repeat((CELL - 1) / 2), `mid${" ".repeat(CELL - 3)}`];
/** A whole column of text (28 MB as JSON) and a wide row of long text, built once. */
const HUGE_RANGES = [Array.from({ length: 1048576 }, () => ["a note beside a cash flow"]), [Array.from({ length: 200 }, () => HUGE_TEXTS[0])]];
const hugeText = fc.constantFrom(...HUGE_TEXTS);
const hugeValue: fc.Arbitrary<unknown> = fc.oneof(
  hugeText,
  fc.constantFrom<unknown>(...HUGE_RANGES),
  hugeText.map((t) => [[t]])
);

/** Plausible arguments with one argument, or one cell of a range argument, replaced by a huge value. */
const withHuge = (plausible: fc.Arbitrary<unknown[]>) =>
  fc.tuple(plausible, fc.nat(), fc.nat(), fc.nat(), fc.boolean(), hugeValue, hugeText).map(([args, a, r, c, inCell, value, text]) => {
    const out = [...args];
    if (out.length === 0) return [value];
    const i = a % out.length;
    const arg = out[i];
    if (inCell && Array.isArray(arg) && arg.length > 0 && arg.every((row) => Array.isArray(row) && row.length > 0)) {
      const cells = (arg as unknown[][]).map((row) => [...row]);
      const row = cells[r % cells.length];
      row[c % row.length] = text;
      out[i] = cells;
    } else out[i] = value;
    return out;
  });

describe.each(NAMES.map((n) => [n]))("IPVALUE.%s with a 32,767-character cell or a whole column", (name) => {
  test("answers, or gives an error whose message stays short", () => {
    const fn = F[name];
    fc.assert(
      fc.property(withHuge(TEST_FACTS[name].plausible), (args) => {
        checkResult(kindOf(name), fn(...args), true);
      }),
      { numRuns: 60 }
    );
  });
});

// ---------------------------------------------------------------------------------------------
// DCF against a reference formula.

const OFFSET: Record<string, number> = { end: 0, mid: 0.5, begin: 1 };

/** Σ cfᵢ / (1+r)^(i − offset), i from 1, straight from the definition. */
function referenceTerms(r: number, cfs: number[], timing: string): number[] {
  return cfs.map((cf, i) => cf / Math.pow(1 + r, i + 1 - OFFSET[timing]));
}

const validRate = fc.double({ min: -0.9, max: 1, noNaN: true });
const validTiming = fc.constantFrom("end", "mid", "begin");
const asRange = (xs: number[], asRow: boolean) => (asRow ? [xs] : xs.map((x) => [x]));

describe("DCF agrees with the reference formula", () => {
  test("non-negative flows: equal to 1e-9 relative", () => {
    fc.assert(
      fc.property(
        validRate,
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }),
        validTiming,
        fc.boolean(),
        (r, cfs, t, asRow) => {
          const expected = referenceTerms(r, cfs, t).reduce((a, b) => a + b, 0);
          const got = F.DCF(r, asRange(cfs, asRow), t);
          expect(typeof got).toBe("number");
          expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
        }
      ),
      { numRuns: RUNS }
    );
  });

  test("flows of either sign: equal to 1e-9 of the size of the discounted flows", () => {
    fc.assert(
      fc.property(validRate, fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }), validTiming, (r, cfs, t) => {
        const terms = referenceTerms(r, cfs, t);
        const expected = terms.reduce((a, b) => a + b, 0);
        const scale = terms.reduce((a, b) => a + Math.abs(b), 0);
        expect(Math.abs(F.DCF(r, asRange(cfs, false), t) - expected)).toBeLessThanOrEqual(1e-9 * scale);
      }),
      { numRuns: RUNS }
    );
  });

  test("blank cells are zero flows whose years still pass", () => {
    fc.assert(
      fc.property(
        validRate,
        fc.array(fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom<"" | null>("", null)), { minLength: 1, maxLength: 50 }),
        validTiming,
        (r, cells, t) => {
          const asNumbers = cells.map((c) => (typeof c === "number" ? c : 0));
          const expected = referenceTerms(r, asNumbers, t).reduce((a, b) => a + b, 0);
          expect(Math.abs(F.DCF(r, asRange(cells as number[], false), t) - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
        }
      ),
      { numRuns: RUNS }
    );
  });

  test("RNPV with probability 1 equals DCF, and with probability p equals p × DCF", () => {
    fc.assert(
      fc.property(
        validRate,
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 100 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        validTiming,
        (r, cfs, p, t) => {
          const d = F.DCF(r, asRange(cfs, false), t);
          expect(F.RNPV(r, asRange(cfs, false), 1, t)).toBeCloseTo(d, 6);
          expect(Math.abs(F.RNPV(r, asRange(cfs, false), p, t) - p * d)).toBeLessThanOrEqual(1e-9 * Math.abs(d));
        }
      ),
      { numRuns: RUNS }
    );
  });
});

// ---------------------------------------------------------------------------------------------
// RANGE: low ≤ base ≤ high, and it agrees with SCENARIO scenario by scenario.

/** A table every scenario of which computes: sales in the launch year, term covering it, margin ≥ 0. */
const computableTable = fc
  .record({
    names: fc.uniqueArray(fc.constantFrom("Low", "Base", "High", "Mid", "Alt", "X"), { minLength: 1, maxLength: 5 }),
  })
  .chain(({ names }) => {
    const n = names.length;
    const per = <T>(a: fc.Arbitrary<T>) => fc.array(a, { minLength: n, maxLength: n });
    return fc
      .record({
        market_size: per(fc.double({ min: 1, max: 1e9, noNaN: true })),
        market_growth: per(fc.double({ min: -0.5, max: 0.5, noNaN: true })),
        peak_share: per(fc.double({ min: 0.001, max: 1, noNaN: true })),
        years_to_peak: per(fc.integer({ min: 0, max: 10 })),
        years: per(fc.integer({ min: 1, max: 40 })),
        royalty_rate: per(fc.double({ min: 0, max: 0.5, noNaN: true })),
        operating_margin: per(fc.double({ min: 0, max: 1, noNaN: true })),
        discount_rate: per(fc.double({ min: 0, max: 0.5, noNaN: true })),
        success_probability: per(fc.double({ min: 0.01, max: 1, noNaN: true })),
        upfront: per(fc.double({ min: 0, max: 1e6, noNaN: true })),
        investment: per(fc.double({ min: 0, max: 1e6, noNaN: true })),
        tax_rate: per(fc.double({ min: 0, max: 0.5, noNaN: true })),
        timing: per(fc.constantFrom("end", "mid", "begin")),
        launch_pick: per(fc.double({ min: 0, max: 1, noNaN: true })),
      })
      .map((v) => {
        const launch = v.years.map((y, i) => 1 + Math.floor(v.launch_pick[i] * y * 0.999));
        const { launch_pick: _drop, ...rows } = v;
        return [["", ...names], ...Object.entries(rows).map(([k, vals]) => [k, ...vals]), ["launch_year", ...launch]];
      });
  });

describe("RANGE", () => {
  test("low ≤ base ≤ high for every output, and they match SCENARIO's min, base and max", () => {
    fc.assert(
      fc.property(computableTable, (table) => {
        const g = F.RANGE(table, null, true) as unknown[][];
        if (isExcelError(g[0][0])) throw new Error(`RANGE failed: ${(g[0][0] as { message?: string }).message}`);
        expect(g[0]).toEqual(["output", "low", "base", "high"]);
        const names = (table[0] as string[]).slice(1);
        for (const [output, low, base, high] of g.slice(1) as [string, number, number, number][]) {
          expect(low).toBeLessThanOrEqual(base);
          expect(base).toBeLessThanOrEqual(high);
          const each = names.map((s) => (F.SCENARIO(table, s, output) as number[][])[0][0]);
          expect(low).toBe(Math.min(...each));
          expect(high).toBe(Math.max(...each));
          expect(base).toBe((F.SCENARIO(table, null, output) as number[][])[0][0]);
        }
      }),
      { numRuns: RUNS }
    );
  });
});

// ---------------------------------------------------------------------------------------------
// An invalid argument is always #VALUE!, and the message names it (not #NUM!, not a NaN in disguise).

describe("invalid arguments are #VALUE! naming the argument", () => {
  const goodFlows = fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 });
  const text = fc.oneof(
    fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() !== ""),
    fc.constantFrom("n/a", "10%", "TRUE")
  );
  const notNumber = fc.oneof(text, fc.boolean());

  /** The error of a scalar or spilled result, or undefined. */
  const errorOf = (r: unknown) => {
    const e = Array.isArray(r) ? r[0]?.[0] : r;
    return isExcelError(e) ? e : undefined;
  };
  const expectValueError = (r: unknown, message: RegExp) => {
    const e = errorOf(r);
    expect(e?.code).toBe("#VALUE!");
    expect(e?.message).toMatch(message);
  };

  test("text or TRUE/FALSE among cash flows, sales or probabilities names the argument and the item", () => {
    fc.assert(
      fc.property(goodFlows, fc.nat(), notNumber, fc.boolean(), (xs, k, bad, asRow) => {
        const i = k % xs.length;
        const cells: unknown[] = [...xs];
        cells[i] = bad;
        const range = asRow ? [cells] : cells.map((c) => [c]);
        const item = new RegExp(`: item ${i + 1} must be a number`);
        expectValueError(F.DCF(0.1, range, null), new RegExp(`^cashflows${item.source}`));
        expectValueError(F.RNPV(0.1, range, 0.5, null), new RegExp(`^cashflows${item.source}`));
        expectValueError(F.ROYALTIES(range, 0.05, null, null), new RegExp(`^sales${item.source}`));
        expectValueError(F.RFR(range, 0.05, 0.25, 0.1, null, null), new RegExp(`^sales${item.source}`));
        expectValueError(F.EQUIVRATE(1, range, 0.1, null), new RegExp(`^sales${item.source}`));
        expectValueError(F.MAXRATE(range, 0.2, 0.1, null, null, null, null), new RegExp(`^sales${item.source}`));
        expectValueError(F.DEAL(0.1, 0, "", range, null, null), new RegExp(`^royalties${item.source}`));
        expectValueError(
          F.LOA(asRow ? [cells.map((c) => (typeof c === "number" ? 0.5 : c))] : cells.map((c) => [typeof c === "number" ? 0.5 : c]), null),
          new RegExp(`^phase_probabilities${item.source}`)
        );
      }),
      { numRuns: RUNS }
    );
  });

  test("a rate at or below -100% names the rate", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: -1, noNaN: true }), goodFlows, (r, xs) => {
        const range = xs.map((x) => [x]);
        expectValueError(F.DCF(r, range, null), /^rate must be a decimal rate above -1/);
        expectValueError(F.RNPV(r, range, 1, null), /^rate must be a decimal rate above -1/);
        expectValueError(F.RFR(range, 0.05, 0.25, r, null, null), /^discount_rate must be a decimal rate above -1/);
        expectValueError(F.EQUIVRATE(1, range, r, null), /^discount_rate must be a decimal rate above -1/);
        expectValueError(F.DEAL(r, 0, "", range, null, null), /^discount_rate must be a decimal rate above -1/);
        expectValueError(F.MAXRATE(range, 0.2, r, null, null, null, null), /^hurdle_rate must be a decimal rate above -1/);
        expectValueError(F.SALES(100, r, 0.1, 1, 3, 1), /^market_growth must be a decimal rate above -1/);
      }),
      { numRuns: RUNS }
    );
  });

  test("a share or probability above 1 names the argument", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e6, noNaN: true, minExcluded: true }), (p) => {
        expectValueError(F.SALES(100, 0, p, 1, 3, 1), /^peak_share must be a decimal from 0 to 1/);
        expectValueError(F.ROYALTIES([[100]], p, null, null), /^royalty_rate must be a decimal from 0 to 1/);
        expectValueError(F.RNPV(0.1, [[1]], p, null), /^probabilities must be a decimal from 0 to 1/);
        expectValueError(F.RATE25(0.2, p), /^licensor_share must be a decimal from 0 to 1/);
        expectValueError(F.MAXRATE([[100], [0]], [[20], [0]], 0.1, 0, 0, p, null), /^success_probability must be a decimal above 0 to 1/);
        expectValueError(F.LOA([[0.5], [p]], null), /^phase_probabilities \(item 2\) must be a decimal from 0 to 1/);
      }),
      { numRuns: RUNS }
    );
  });

  test("a year count that is not a whole number from 1 to 200 names the argument", () => {
    const badYears = fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((y) => !(Number.isInteger(y) && y >= 1 && y <= 200)),
      fc.constantFrom(0, -1, 201, 0.5, 12.5)
    );
    fc.assert(
      fc.property(badYears, (y) => {
        expectValueError(F.SALES(100, 0, 0.1, 1, y, 1), /^years must be a whole number of years from 1 to 200/);
        expectValueError(F.SALES(100, 0, 0.1, 1, 5, y), /^launch_year must be a whole number of years from 1 to 200/);
        expectValueError(F.ROYALTIES([[100]], 0.1, null, y), /^term_years must be a whole number of years from 1 to 200/);
        expectValueError(F.RFR([[100]], 0.05, 0.25, 0.1, null, y), /^amortization_years must be a whole number of years from 1 to 200/);
      }),
      { numRuns: RUNS }
    );
  });
});

// ---------------------------------------------------------------------------------------------
// BAND and BANDS: user bands extend or override the built-in ones, and say so.

describe("BAND and BANDS with valid user bands", () => {
  const validUser = fc
    .uniqueArray(
      fc.oneof(fc.constantFrom("meti2010_patent_all", "case07b_equity", "fig24_us_income_licenses_2022"), fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/)),
      {
        minLength: 1,
        maxLength: 6,
        selector: (k) => k.toLowerCase(),
      }
    )
    .chain((keys) =>
      fc
        .array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), {
          minLength: keys.length,
          maxLength: keys.length,
        })
        .map((pairs) => [["key", "low", "high", "unit"], ...keys.map((k, i) => [k, Math.min(...pairs[i]), Math.max(...pairs[i]), "share_of_net_sales"])])
    );

  test("every user key reads back as the user's band with origin user; every other built-in stays built-in", () => {
    fc.assert(
      fc.property(validUser, (user) => {
        const table = F.BANDS(null, user) as (string | number)[][];
        const header = table[0] as string[];
        const origin = header.indexOf("origin");
        const userKeys = new Set(user.slice(1).map((r) => String(r[0]).toLowerCase()));
        for (const row of table.slice(1)) expect(row[origin]).toBe(userKeys.has(String(row[0]).toLowerCase()) ? "user" : "built-in");
        for (const [k, low, high] of user.slice(1) as [string, number, number][]) {
          expect(F.BAND(k, null, user)).toEqual([[low, high]]);
          expect(F.BAND(k, "origin", user)).toEqual([["user"]]);
          expect(F.BAND(k, "row", user)).toEqual([table.find((r) => r[0] === k)]);
        }
      }),
      { numRuns: RUNS }
    );
  });
});
