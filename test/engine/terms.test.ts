/**
 * The published license models (presets.json, IPVALUE.TERMS): the file against its JSON Schema (a
 * broken record refused), every key a deal term of the scenario model, every value against the seed
 * report's text (../shared/seeds/004_cdaa49437996e7ff.txt, the JPO study's case collection), and
 * termsPreset's table: amounts scaled by the exchange rate, rates not, bad arguments refused by name.
 */
import Ajv2020 from "ajv/dist/2020";
import * as fs from "fs";
import * as path from "path";
import bandsData from "../../src/engine/bands/bands.json";
import data from "../../src/engine/terms/presets.json";
import schema from "../../src/engine/terms/presets.schema.json";
import {
  DEAL_KEYS,
  ASSUMPTIONS,
  BUILT_IN_PRESETS,
  loadPresets,
  PRESET_IDS,
  PresetsFile,
  readTerms,
  resolveAssumptions,
  runScenario,
  scenarioOutput,
  TERMS_COLUMNS,
  termsPreset,
  TermsPreset,
} from "../../src/engine";
import { caught } from "./helpers";

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
type Json = Record<string, unknown>;
const clone = (): { sources: Record<string, string>; presets: (Json & { rows: Json[] })[] } => JSON.parse(JSON.stringify(data));
const errors = (): string => (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`).join("; ");

describe("presets.json against presets.schema.json", () => {
  test("the file validates", () => {
    expect(validate(data) ? "" : errors()).toBe("");
  });

  // Each breaks the first preset, or (row) its first row; the path is where ajv must report it.
  const row = (f: (r: Json) => void) => (p: Json & { rows: Json[] }) => f(p.rows[0]);
  const broken: [string, (p: Json & { rows: Json[] }) => void, string][] = [
    ["a row with an unknown unit", row((r) => (r.unit = "percent")), "/presets/0/rows/0/unit"],
    ["a value given as text", row((r) => (r.value = "5%")), "/presets/0/rows/0/value"],
    ["a flag given a number", row((r) => ((r.unit = "flag"), (r.value = 1))), "/presets/0/rows/0/value"],
    ["an amount given TRUE", row((r) => (r.value = true)), "/presets/0/rows/0/value"],
    ["a row without its Japanese note", row((r) => delete r.note_ja), "/presets/0/rows/0"],
    ["a row field the schema does not know", row((r) => (r.source = "x")), "/presets/0/rows/0"],
    ["a key not written as a key", row((r) => (r.key = "Royalty Rate")), "/presets/0/rows/0/key"],
    ["a derivation with nothing printed", row((r) => ((r.derived = "midpoint"), delete r.printed)), "/presets/0/rows/0"],
    ["a currency not an ISO code", (p) => (p.currency = "$"), "/presets/0/currency"],
    ["a page not written p.N", (p) => (p.page = "page 21"), "/presets/0/page"],
    ["a preset without its citation", (p) => delete p.locator, "/presets/0"],
    ["a preset without rows", (p) => (p.rows = []), "/presets/0/rows"],
    ["a seed section that is not a case", (p) => (p.seed = { section: "図表 7" }), "/presets/0/seed/section"],
  ];
  test.each(broken)("%s is refused", (_what, breakIt, where) => {
    const file = clone();
    breakIt(file.presets[0]);
    // refused (an empty list when it validates), with an error at the place broken
    expect(validate(file) ? [] : validate.errors!.map((e) => e.instancePath)).toContain(where);
  });

  test("a source id resolves to its document, the same title as the bands'; an unknown one is refused on loading", () => {
    for (const [id, title] of Object.entries(data.sources)) expect((bandsData.sources as Record<string, string>)[id]).toBe(title);
    BUILT_IN_PRESETS.forEach((p, i) => expect(p.source).toBe((data.sources as Record<string, string>)[data.presets[i].source]));
    const file = clone();
    file.presets[0].source = "no_such_source";
    expect(() => loadPresets(file as unknown as PresetsFile)).toThrow(/case7_a cites the source "no_such_source"/);
  });
});

// ---------------------------------------------------------------------------------------------
// The keys: the deal terms of the scenario model (issue 10's contract), hard-coded until the engine's
// key list is used here.

const MILESTONE_KEYS = Array.from({ length: 9 }, (_, i) => ["year", "amount", "probability"].map((part) => `milestone_${i + 1}_${part}`)).flat();
const CONTRACT_KEYS = [
  ..."royalty_rate upfront annual_minimum tier_1_threshold tier_1_rate tier_2_threshold tier_2_rate claims_expire_year post_expiry_rate".split(" "),
  ..."annual_fee annual_fee_from_year annual_fee_until_sales annual_fee_creditable".split(" "),
  ...MILESTONE_KEYS,
  ..."sublicense_income sublicense_share equity_share dilution exit_year exit_value exit_probability success_fee".split(" "),
  ..."patent_cost_reimbursement patent_cost_years licensor_ownership".split(" "),
];

describe("the presets' keys", () => {
  test("the issue's contract list is exactly the engine's deal terms plus the rate, upfront and minimum they replace", () => {
    expect([...CONTRACT_KEYS].sort()).toEqual([...DEAL_KEYS, "royalty_rate", "upfront", "annual_minimum"].sort());
  });

  test("the presets the task names exist, in this order", () => {
    expect(PRESET_IDS).toEqual(["case7_a", "case7_b_no_approval", "case7_b_approval", "case6_startup", "case6_large"]);
  });

  test.each(BUILT_IN_PRESETS.map((p) => [p.id, p]))("%s: every key is a deal term of the contract, once, with the engine's unit", (_id, p) => {
    const keys = p.rows.map((r) => r.key);
    expect(keys.filter((k) => !CONTRACT_KEYS.includes(k))).toEqual([]);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of p.rows) expect(`${r.key}: ${r.unit}`).toBe(`${r.key}: ${ASSUMPTIONS.find((s) => s.key === r.key)!.unit}`);
  });

  test.each(BUILT_IN_PRESETS.map((p) => [p.id, p]))("%s: a value left blank says it depends on the deal (or the field)", (_id, p) => {
    for (const r of p.rows.filter((x) => x.value === null)) {
      expect(/^Depends on the (deal|field)/.test(r.note_en) ? r.key : `${r.key}: ${r.note_en}`).toBe(r.key);
      expect(/^(案件|分野)による/.test(r.note_ja) ? r.key : `${r.key}: ${r.note_ja}`).toBe(r.key);
    }
  });

  test.each(BUILT_IN_PRESETS.map((p) => [p.id, p]))("%s: the published values pass the scenario model's checks", (_id, p) => {
    const terms: Record<string, number | boolean> = {};
    for (const r of p.rows) if (r.value !== null) terms[r.key] = r.value;
    const raw = { market_size: 1e7, peak_share: 0.1, years: 10, launch_year: 3, operating_margin: 0.2, discount_rate: 0.1, royalty_rate: 0.03 };
    const deal = { exit_year: 6, exit_value: 5e7, milestone_1_year: 2, milestone_1_amount: 1e5, patent_cost_reimbursement: 3e4 };
    const a = resolveAssumptions({ ...raw, ...deal, ...terms }, "Base");
    for (const [k, v] of Object.entries(terms)) expect([k, (a as unknown as Record<string, unknown>)[k]]).toEqual([k, v]);
    expect(Number.isFinite(scenarioOutput(runScenario(a), "rnpv"))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Each preset's values, read from the source by hand (事例⑦ p.21-22, 事例⑥ p.18).

const CASE7_B = {
  upfront: 5000,
  claims_expire_year: null,
  annual_minimum: 10000,
  annual_fee: 5000,
  annual_fee_from_year: 1,
  annual_fee_until_sales: true,
  annual_fee_creditable: false,
  equity_share: 0.05,
  dilution: null,
  exit_year: null,
  exit_value: null,
  success_fee: 0,
  sublicense_share: 0.1,
  sublicense_income: null,
  patent_cost_reimbursement: null,
  patent_cost_years: 2,
};
const CASE6 = { royalty_rate: null, milestone_1_year: null, milestone_1_amount: null, milestone_1_probability: null };
const EXPECTED: Record<string, Record<string, number | boolean | null>> = {
  case7_a: {
    upfront: 0,
    royalty_rate: 0.02,
    post_expiry_rate: 0.0075,
    claims_expire_year: null,
    success_fee: 0.0125,
    equity_share: 0,
    exit_year: null,
    exit_value: null,
    sublicense_share: 0.15,
    sublicense_income: null,
    annual_fee: 10000,
    annual_fee_from_year: 3,
    annual_fee_until_sales: false,
    annual_fee_creditable: true,
    patent_cost_reimbursement: null,
    patent_cost_years: 2,
  },
  case7_b_no_approval: { ...CASE7_B, royalty_rate: 0.05, post_expiry_rate: 0.025 },
  case7_b_approval: { ...CASE7_B, royalty_rate: 0.02, post_expiry_rate: 0.01 },
  case6_startup: { ...CASE6, upfront: 15000, equity_share: 0.15, dilution: null, exit_year: null, exit_value: null },
  case6_large: { ...CASE6, upfront: 100000, equity_share: 0 },
};
const valuesOf = (p: TermsPreset) => Object.fromEntries(p.rows.map((r) => [r.key, r.value]));
const preset = (id: string) => BUILT_IN_PRESETS.find((p) => p.id === id)!;

describe("the presets' values, as the source gives them", () => {
  test.each(Object.keys(EXPECTED).map((id) => [id]))("%s", (id) => {
    expect(valuesOf(preset(id))).toEqual(EXPECTED[id]);
  });

  test("the currencies are the sources': US dollars for the US models, euros for the French office", () => {
    expect(Object.fromEntries(BUILT_IN_PRESETS.map((p) => [p.id, p.currency]))).toEqual({
      case7_a: "USD",
      case7_b_no_approval: "USD",
      case7_b_approval: "USD",
      case6_startup: "EUR",
      case6_large: "EUR",
    });
  });

  test("model B's two presets differ only in the royalties (with and without regulatory approval)", () => {
    const rows = (id: string) => preset(id).rows.filter((r) => r.key !== "royalty_rate" && r.key !== "post_expiry_rate");
    expect(rows("case7_b_approval")).toEqual(rows("case7_b_no_approval"));
  });

  test("model A says it does not distinguish regulatory approval, rather than having an approval variant", () => {
    expect(PRESET_IDS.filter((id) => id.startsWith("case7_a"))).toEqual(["case7_a"]);
    expect(preset("case7_a").note_en).toMatch(/does not distinguish products needing regulatory approval/);
    expect(preset("case7_a").rows.find((r) => r.key === "royalty_rate")!.note_en).toMatch(/one schedule whether or not the product needs regulatory approval/);
  });

  test("what the keys cannot express is said in the notes", () => {
    const note = (id: string, key: string) => preset(id).rows.find((r) => r.key === key)!.note_en;
    expect(note("case7_a", "patent_cost_reimbursement")).toMatch(/deferred until the earliest of the first financing.*cannot express/);
    expect(note("case7_b_approval", "equity_share")).toMatch(/acquired before the grant it pays cash instead.*cannot express/);
    expect(note("case7_b_no_approval", "post_expiry_rate")).toMatch(/Know-how only.*after the last year with a valid claim/);
    expect(note("case6_startup", "upfront")).toMatch(/10,000–20,000.*midpoint/);
    expect(note("case6_large", "upfront")).toMatch(/more than €100,000.*lower bound/);
    expect(note("case6_startup", "equity_share")).toMatch(/at most about 15%.*ceiling/);
  });
});

// ---------------------------------------------------------------------------------------------
// Against the seed report's text. Missing, the file fails the tests rather than skipping them.

const SEED = process.env.IPVALUE_SEED_REPORT ?? path.resolve(__dirname, "../../../shared/seeds/004_cdaa49437996e7ff.txt");
const squeeze = (s: string): string => s.replace(/\s+/g, "");

function seedLines(): string[] {
  if (!fs.existsSync(SEED))
    throw new Error(`The seed report ${SEED} is missing; the presets cannot be checked against it. Restore it or set IPVALUE_SEED_REPORT.`);
  // The export escapes dollar signs (\$10,000).
  return fs.readFileSync(SEED, "utf8").replace(/\\\$/g, "$").split(/\r?\n/);
}

const isPageMarker = (l: string): boolean => /^\s*\d{1,3}\s*$/.test(l);

/**
 * The text a preset cites: its case, from the heading to the next case's heading; with a part, from
 * the table's title to the page marker that ends it, which must be the cited page.
 */
function citedText(lines: string[], p: TermsPreset): string {
  const heading = `${p.seed.section}：`;
  const start = lines.findIndex((l) => l.startsWith(heading));
  if (start < 0) throw new Error(`no heading ${heading}`);
  let end = lines.findIndex((l, i) => i > start && /^事例[①-⑳]：/.test(l) && !l.startsWith(heading));
  if (end < 0) end = lines.length;
  let section = lines.slice(start, end);
  if (p.seed.part) {
    const from = section.findIndex((l) => l.includes(`固定条件ライセンス例：${p.seed.part}`));
    if (from < 0) throw new Error(`no table ${p.seed.part} in ${p.seed.section}`);
    const to = section.findIndex((l, i) => i > from && isPageMarker(l));
    expect(`${p.id}: page ${section[to]?.trim()}`).toBe(`${p.id}: page ${p.page.slice(2)}`);
    section = section.slice(from, to);
  }
  return squeeze(section.join("\n"));
}

/** The numbers a printed fragment stands for: "5%" → 0.05, "$10,000" → 10000, "10万ユーロ" → 100000, "なし" → 0. */
function numbersIn(fragment: string): number[] {
  const out: number[] = [];
  for (const m of squeeze(fragment).matchAll(/(\d[\d,]*(?:\.\d+)?)(%|万)?/g)) {
    const n = Number(m[1].replace(/,/g, ""));
    out.push(m[2] === "%" ? n / 100 : m[2] === "万" ? n * 1e4 : n);
  }
  if (fragment.includes("なし")) out.push(0);
  return out;
}

describe("the presets against the seed report", () => {
  const lines = fs.existsSync(SEED) ? seedLines() : [];

  test(`the seed report is present at ${SEED}`, () => {
    expect(() => seedLines()).not.toThrow();
  });

  test("the number reader reads figures as the presets store them", () => {
    expect(numbersIn("5% (Valid Claimあり)")).toEqual([0.05]);
    expect(numbersIn("会社のExit価値の1.25%")).toEqual([0.0125]);
    expect(numbersIn("年間$10,000")).toEqual([10000]);
    expect(numbersIn("大企業には高額（10万ユーロ超等）")).toEqual([100000]);
    expect(numbersIn("(License Fee)なし")).toEqual([0]);
  });

  test.each(BUILT_IN_PRESETS.map((p) => [p.id, p]))("%s: each printed fragment is in the cited case, table and page, and holds the value", (_id, p) => {
    seedLines(); // fails, naming the file, when it is missing
    const text = citedText(lines, p);
    for (const r of p.rows) {
      for (const f of r.printed ?? [])
        expect(text.includes(squeeze(f)) ? f : `${r.key}: "${f}" is not in ${p.seed.section} ${p.seed.part ?? ""} ${p.page}`).toBe(f);
      const value = r.value;
      if (typeof value !== "number" || r.printed === undefined || r.derived !== undefined) continue;
      const numbers = r.printed.flatMap(numbersIn);
      expect(numbers.some((n) => Math.abs(n - value) < 1e-12) ? r.key : `${r.key}: ${r.value} is not among ${numbers.join(", ")}`).toBe(r.key);
    }
  });

  test("every published number is backed by a printed fragment; the derived ones are what their figures give", () => {
    for (const p of BUILT_IN_PRESETS) for (const r of p.rows) if (r.value !== null) expect(r.printed ? r.key : `${p.id}.${r.key}: nothing printed`).toBe(r.key);
    const row = (id: string, key: string) => preset(id).rows.find((r) => r.key === key)!;
    // 1～2万ユーロ: the midpoint of 10,000 and 20,000
    expect(row("case6_startup", "upfront").printed![0]).toContain("1～2万ユーロ");
    expect(row("case6_startup", "upfront").value).toBe((1e4 + 2e4) / 2);
    // 8 quarterly instalments
    expect(numbersIn(row("case7_b_approval", "patent_cost_years").printed![0])).toEqual([8]);
    expect(row("case7_b_approval", "patent_cost_years").value).toBe(8 / 4);
  });

  test("the page of each preset lies within its case's pages in the collection's index", () => {
    const index = new Map<string, number>();
    for (const m of lines.join("\n").matchAll(/事例([①-⑳])：[^\n]*?p\.\s*(\d+)/g)) index.set(m[1], Number(m[2]));
    const next: Record<string, string> = { "⑥": "⑦", "⑦": "⑧" };
    for (const p of BUILT_IN_PRESETS) {
      const c = p.seed.section.slice(2);
      const page = Number(p.page.slice(2));
      expect(page >= index.get(c)! && page < index.get(next[c])! ? p.page : `${p.id}: ${p.page} outside ${index.get(c)}-${index.get(next[c])! - 1}`).toBe(
        p.page
      );
    }
  });

  test("the Japanese names and notes are our own words: none repeats 15 characters of the report", () => {
    const report = squeeze(lines.join("\n"));
    for (const p of BUILT_IN_PRESETS) {
      for (const [where, text] of [[p.id, p.name_ja], [p.id, p.note_ja], ...p.rows.map((r) => [`${p.id}.${r.key}`, r.note_ja])]) {
        const t = squeeze(text);
        for (let i = 0; i + 15 <= t.length; i++)
          expect(report.includes(t.slice(i, i + 15)) ? `${where}: "${t.slice(i, i + 15)}" is copied` : where).toBe(where);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// termsPreset: what TERMS spills.

describe("termsPreset", () => {
  test("a header row, then key, value, unit, citation and the notes; a value that depends on the deal is blank", () => {
    const t = termsPreset("case7_a");
    expect(t[0]).toEqual(["key", "value", "unit", "citation", "note_en", "note_ja"]);
    expect(t[0]).toEqual([...TERMS_COLUMNS]);
    expect(t).toHaveLength(1 + preset("case7_a").rows.length);
    const row = (key: string) => t.find((r) => r[0] === key)!;
    expect(row("annual_fee").slice(0, 3)).toEqual(["annual_fee", 10000, "currency_per_year"]);
    expect(row("annual_fee_creditable").slice(0, 3)).toEqual(["annual_fee_creditable", true, "flag"]);
    expect(row("exit_value").slice(0, 3)).toEqual(["exit_value", "", "currency"]);
    expect(row("success_fee")[3]).toBe(
      "JPO FY2025 study (Nomura Research Institute), 海外大学における知財収入の分析及び技術移転活動に関する調査 — 事例集 (case collection), 2026, 事例⑦, 固定条件ライセンス例：初期負担軽減モデル (express license, model A), p.21"
    );
    expect(row("annual_fee")[4]).toBe("Annual maintenance fee / minimum royalty: $10,000 a year from year 3, creditable against royalties.");
    expect(row("annual_fee")[5]).toMatch(/3年目から毎年10,000ドル/);
  });

  test("OFFER reads the table as a term sheet: the heading skipped, blanks keeping the scenario's own values", () => {
    const terms = readTerms(termsPreset("case7_b_approval", 150));
    expect(terms.get("upfront")).toBe(750000);
    expect(terms.get("royalty_rate")).toBe(0.02);
    expect(terms.has("exit_value")).toBe(false);
    expect(terms.size).toBe(preset("case7_b_approval").rows.filter((r) => r.value !== null).length);
  });

  test("the exchange rate scales the amounts and nothing else", () => {
    const base = termsPreset("case7_b_no_approval");
    const yen = termsPreset("case7_b_no_approval", 150);
    const units = new Map(preset("case7_b_no_approval").rows.map((r) => [r.key, r.unit]));
    const scaled = yen.slice(1).filter((r, i) => r[1] !== base[i + 1][1]);
    expect(scaled.map((r) => r[0]).sort()).toEqual(["annual_fee", "annual_minimum", "upfront"]);
    for (const [i, r] of yen.slice(1).entries()) {
      const unit = units.get(r[0] as string)!;
      const was = base[i + 1][1];
      expect([r[0], r[1]]).toEqual([r[0], typeof was === "number" && unit.startsWith("currency") ? was * 150 : was]);
    }
    expect(yen.find((r) => r[0] === "upfront")![1]).toBe(750000);
    expect(yen.find((r) => r[0] === "equity_share")![1]).toBe(0.05);
    expect(yen.find((r) => r[0] === "annual_fee_from_year")![1]).toBe(1);
    expect(termsPreset("case6_large", 0.0067).find((r) => r[0] === "upfront")![1]).toBeCloseTo(670, 9);
  });

  test("the preset's id ignores case and surrounding spaces", () => {
    expect(termsPreset(" CASE6_Startup ")).toEqual(termsPreset("case6_startup"));
  });

  test("an unknown preset is refused, naming it and listing the presets", () => {
    const e = caught(() => termsPreset("case7"));
    expect(e.kind).toBe("invalidValue");
    expect(e.message).toBe('preset "case7" is not a license model; the presets are case7_a, case7_b_no_approval, case7_b_approval, case6_startup, case6_large');
    expect(caught(() => termsPreset("")).message).toMatch(/^preset must be the name of a license model; the presets are case7_a, .*; got ""$/);
    expect(caught(() => termsPreset(7)).message).toMatch(/^preset must be the name of a license model; .*got 7$/);
    // a pasted cell of 32,767 characters is echoed in a few dozen
    expect(caught(() => termsPreset("x".repeat(32767))).message.length).toBeLessThan(300);
  });

  test.each([
    [0, "got 0"],
    [-150, "got -150"],
    [NaN, "got NaN"],
    [Infinity, "got Infinity"],
    ["150", 'got "150"'],
  ])("an exchange rate of %p is refused, naming exchange_rate", (x, got) => {
    const e = caught(() => termsPreset("case7_a", x as number));
    expect(e.kind).toBe("invalidValue");
    expect(e.message).toBe(`exchange_rate must be a number above 0 (units of the model's currency per unit of the source's currency); ${got}`);
  });

  test("an amount too large for a number is #NUM!, not Infinity", () => {
    expect(caught(() => termsPreset("case6_large", 1e305)).kind).toBe("invalidNumber");
  });
});
