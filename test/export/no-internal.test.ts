/**
 * Nothing internal leaves in the negotiator workbook. `npm run demo`'s script builds the workbook from
 * the bundled sample (one scenario, the walk-away floor and the committee's notes are internal; the
 * offer is shared), in English and in Japanese; every part of the .xlsx (sheets, shared strings,
 * workbook.xml with its defined names, styles, theme, docProps/core.xml and app.xml, and any
 * comments, custom XML or other part) is unzipped and searched, as text, for:
 *   - the internal scenario's name, its distinctive inputs and its computed values;
 *   - the floor's value in every form a spreadsheet writer could use (raw, with separators, in
 *     scientific notation, in 万/億) and its label in both languages;
 *   - the committee's note (whole, and fragments of it);
 *   - the words internal / 社外秘.
 * None may be found. The shared offer and the shared scenarios must be found: the search can fail.
 * The same search runs over a workbook whose scenarios use every deal term (the internal one with
 * milestone, exit and fee amounts of its own): none of those may be found, the shared terms must be;
 * and over one whose scenarios carry yearly plan rows (the internal one with figures of its own, the
 * shared ones written on a Plan sheet): the internal plan may not be found, the shared plans must be.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { resolveAssumptions, runScenario, scenarioOutput, RawValue, AssumptionKey } from "../../src/engine";
import { internalItems, readSample, runDemo } from "./demo";
import { EVERY_TERM, Values } from "./deal-terms";
import type { ScenarioSet } from "../../src/model/scenario-set";

interface Part {
  name: string;
  text: string;
}

async function partsOf(file: string): Promise<Part[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const parts: Part[] = [];
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name];
    if (entry.dir) continue;
    parts.push({ name, text: await entry.async("string") });
  }
  return parts;
}

/** XML text as a reader sees it: entities decoded, so "&apos;" cannot hide a match. */
const decoded = (xml: string) =>
  xml
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");

/** Where each needle occurs: "part: needle". */
function findAll(parts: readonly Part[], needles: readonly string[]): string[] {
  const hits: string[] = [];
  for (const p of parts) {
    const hay = [p.name, p.text, decoded(p.text)].join("\n").toLowerCase();
    for (const n of needles) if (hay.includes(n.toLowerCase())) hits.push(`${p.name}: ${n}`);
  }
  return hits;
}

/** The forms a number can take in a spreadsheet file or on a rendered page. */
function numberForms(x: number): string[] {
  const forms = new Set<string>([
    String(x),
    x.toFixed(1),
    x.toLocaleString("en-US"),
    x.toLocaleString("ja-JP"),
    x.toExponential().toUpperCase().replace("E+", "E"),
    x.toExponential(),
    x.toExponential().replace("e+", "E+"),
  ]);
  const oku = Math.floor(x / 1e8);
  const man = Math.floor((x % 1e8) / 1e4);
  if (oku > 0) forms.add(`${oku}億${man}万`);
  return [...forms];
}

describe.each(["en", "ja"] as const)("the demo negotiator workbook (%s) carries nothing internal", (language) => {
  const sample = readSample();
  const secret = internalItems(sample);
  const internalScenario = sample.set.scenarios.find((s) => s.internal)!;
  let parts: Part[] = [];

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ipvalue-no-internal-"));
    const run = runDemo(path.join(dir, `demo-${language}.xlsx`), language);
    expect(run.leftOut).toEqual([secret.scenario]);
    parts = await partsOf(run.path);
  });

  test("every part was read (sheets, shared strings, workbook, document properties)", () => {
    const names = parts.map((p) => p.name);
    for (const needed of ["xl/workbook.xml", "xl/sharedStrings.xml", "docProps/core.xml", "docProps/app.xml", "[Content_Types].xml"])
      expect(names).toContain(needed);
    expect(names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).length).toBeGreaterThanOrEqual(5);
    expect(parts.every((p) => p.text.length > 0)).toBe(true);
  });

  test("the internal scenario is nowhere: not its name, not its inputs, not its results", () => {
    const a = resolveAssumptions(internalScenario.values as Partial<Record<AssumptionKey, RawValue>>, internalScenario.name);
    const model = runScenario(a);
    const results = (["rnpv", "npv"] as const).map((o) => Math.round(scenarioOutput(model, o)));
    const needles = [
      secret.scenario,
      secret.scenario.split(" ")[0], // "Stretch"
      ...numberForms(a.market_size),
      ...results.flatMap((r) => [String(r), r.toLocaleString("en-US")]),
    ];
    expect(findAll(parts, needles)).toEqual([]);
  });

  test("the walk-away floor is nowhere: not its value in any form, not its label in either language", () => {
    const needles = [...numberForms(secret.floor), "Walk-away floor", "最低受入価格", "floor"];
    expect(findAll(parts, needles)).toEqual([]);
  });

  test("the committee's note is nowhere, whole or in part", () => {
    const fragments = secret.note
      .split(/[;:,]/)
      .map((s) => s.trim())
      .filter((s) => s.length >= 12);
    expect(fragments.length).toBeGreaterThanOrEqual(2);
    const words = secret.note.split(/\s+/);
    const windows = words.slice(0, -2).map((_, i) => words.slice(i, i + 3).join(" ")); // every run of three words
    expect(findAll(parts, [secret.note, ...fragments, ...windows, "委員会メモ", "Committee notes"])).toEqual([]);
  });

  test("the chart parts (the football field, its drawing) are searched too and hold no internal item", () => {
    const chartParts = parts.filter((p) => /^xl\/(charts|drawings)\//.test(p.name));
    expect(chartParts.map((p) => p.name)).toEqual(
      expect.arrayContaining(["xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels"])
    );
    const needles = [secret.scenario, ...numberForms(secret.floor), secret.note, "floor", "最低受入価格", "internal", "社外秘"];
    expect(findAll(chartParts, needles)).toEqual([]);
    // The search can fail there: the shared offer is in the chart's cache.
    expect(findAll(chartParts, [String(sample.set.decisions.offer.value)])).toEqual(["xl/charts/chart1.xml: 265000000"]);
  });

  test("no word marks anything as internal", () => {
    expect(findAll(parts, ["internal", "社外秘", "内部"])).toEqual([]);
  });

  test("no hidden sheets, defined names, comments, custom XML or external links; no IPVALUE function", () => {
    const workbook = parts.find((p) => p.name === "xl/workbook.xml")!.text;
    expect(workbook).not.toMatch(/state="(hidden|veryHidden)"/);
    expect(workbook).not.toMatch(/<definedName/);
    expect(parts.map((p) => p.name).filter((n) => /comments|customXml|externalLink|vbaProject|threadedComment|persons/i.test(n))).toEqual([]);
    const formulas = parts.flatMap((p) => [...p.text.matchAll(/<f[^>]*>([^<]*)<\/f>/g)].map((m) => m[1]));
    expect(formulas.length).toBeGreaterThan(300);
    expect(formulas.filter((f) => /IPVALUE/i.test(f))).toEqual([]);
  });

  test("the document properties name no person: creator and last editor are IPVALUE", () => {
    const core = decoded(parts.find((p) => p.name === "docProps/core.xml")!.text);
    expect(core).toContain("<dc:creator>IPVALUE</dc:creator>");
    expect(core).toContain("<cp:lastModifiedBy>IPVALUE</cp:lastModifiedBy>");
    expect(core).toMatch(/<dc:title>(License valuation|ライセンス評価)<\/dc:title>/);
    const app = parts.find((p) => p.name === "docProps/app.xml")!.text;
    for (const element of ["Company", "Manager"]) expect(new RegExp(`<${element}>([^<]*)</${element}>`).exec(app)?.[1] ?? "").toBe("");
  });

  test("the search can fail: what is shared is found", () => {
    const offer = sample.set.decisions.offer.value!;
    expect(findAll(parts, [String(offer)]).length).toBeGreaterThan(0);
    for (const s of sample.set.scenarios.filter((x) => !x.internal)) expect(findAll(parts, [s.name]).length).toBeGreaterThan(0);
    // And a note, were it shared, would be found by the same search (the search reads shared strings).
    expect(findAll(parts, [language === "ja" ? "計算方法" : "Methods, in plain words"]).length).toBeGreaterThan(0);
  });
});

test("the same search finds every internal item when the manager confirms each one: it would catch a leak", async () => {
  const { negotiatorWorkbook } = await import("../../src/export/negotiator");
  const { defaultShareChoice } = await import("../../src/export/share");
  const sample = readSample();
  const secret = internalItems(sample);
  const choice = defaultShareChoice(sample.set);
  // With a ceiling too, the proposal's range (floor to ceiling) becomes a bar of the chart.
  const ceiling = 777_000_000;
  const set = { ...sample.set, decisions: { ...sample.set.decisions, ceiling: { value: ceiling, internal: true } } };
  const everything = {
    ...choice,
    scenarios: sample.set.scenarios.map((s) => s.name),
    decisions: ["offer", "floor", "ceiling", "notes"] as ("offer" | "floor" | "ceiling" | "notes")[],
    confirmedInternal: { scenarios: [secret.scenario], decisions: ["floor", "ceiling", "notes"] as ("floor" | "ceiling" | "notes")[] },
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ipvalue-all-in-"));
  const file = path.join(dir, "all.xlsx");
  fs.writeFileSync(file, await negotiatorWorkbook(set, everything, { language: "en", date: new Date(2025, 10, 23), version: "test", currency: "JPY" }));
  const parts = await partsOf(file);
  expect(findAll(parts, [secret.scenario]).length).toBeGreaterThan(0);
  expect(findAll(parts, [String(secret.floor)]).length).toBeGreaterThan(0);
  expect(findAll(parts, [secret.note]).length).toBeGreaterThan(0);
  // The chart's cache would show them: the search over the chart parts catches a leak there.
  const chart = parts.filter((p) => p.name.startsWith("xl/charts/"));
  expect(findAll(chart, [String(secret.floor), String(ceiling - secret.floor)])).toEqual([
    `xl/charts/chart1.xml: ${secret.floor}`,
    `xl/charts/chart1.xml: ${ceiling - secret.floor}`,
  ]);
});

/** The parts of the workbook of `set` with its default choice of scenarios and every result. */
async function sharedParts(set: ScenarioSet, language: "en" | "ja", name: string): Promise<Part[]> {
  const { negotiatorWorkbook } = await import("../../src/export/negotiator");
  const { defaultShareChoice, SHARE_OUTPUTS } = await import("../../src/export/share");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `ipvalue-no-internal-${name}-`)), `${name}-${language}.xlsx`);
  const choice = { ...defaultShareChoice(set), outputs: [...SHARE_OUTPUTS] };
  fs.writeFileSync(file, await negotiatorWorkbook(set, choice, { language, date: new Date(2025, 10, 23), version: "test", currency: "JPY" }));
  return partsOf(file);
}

/** What no part may hold: the internal scenario's name, its own amounts and results, the floor, the note, the word internal. */
function internalNeedles(set: ScenarioSet, amounts: readonly number[]): string[] {
  const secret = internalItems(readSample());
  const internal = set.scenarios.find((s) => s.internal)!;
  const a = resolveAssumptions(internal.values as Partial<Record<AssumptionKey, RawValue>>, internal.name, internal.series);
  const model = runScenario(a);
  const results = (["rnpv", "npv", "licensee_npv"] as const).map((o) => Math.round(scenarioOutput(model, o)));
  return [
    secret.scenario,
    ...amounts.filter((v) => v > 1000).flatMap((v) => numberForms(v)),
    ...results.flatMap((r) => [String(r), r.toLocaleString("en-US")]),
    ...numberForms(secret.floor),
    secret.note,
    "internal",
    "社外秘",
  ];
}

describe.each(["en", "ja"] as const)("a deal with every term (%s): nothing internal leaves, the shared terms do", (language) => {
  const sample = readSample();
  // Every scenario uses every deal term; the internal one with amounts found nowhere else.
  const INTERNAL_TERMS: Values = { milestone_5_year: 3.5, milestone_5_amount: 271_828_183, exit_value: 7_777_777_777, annual_fee: 31_415_926 };
  const set = {
    ...sample.set,
    scenarios: sample.set.scenarios.map((s) => ({ ...s, values: { ...EVERY_TERM, ...s.values, ...(s.internal ? INTERNAL_TERMS : {}) } })),
  };
  let parts: Part[] = [];

  beforeAll(async () => {
    parts = await sharedParts(set, language, "deal");
  });

  test("the internal scenario's name, deal terms and results, the floor and the note are in no part of the file", () => {
    const amounts = Object.values(INTERNAL_TERMS).filter((v): v is number => typeof v === "number");
    expect(findAll(parts, internalNeedles(set, amounts))).toEqual([]);
  });

  test("the search can fail: the shared scenarios' deal terms are found", () => {
    for (const v of [EVERY_TERM.exit_value, EVERY_TERM.milestone_3_amount, EVERY_TERM.annual_fee])
      expect(findAll(parts, [String(v)]).length).toBeGreaterThan(0);
    // And the internal terms would be found, were the internal scenario shared (the same forms as above).
    expect(findAll(parts, numberForms(Number(EVERY_TERM.patent_cost_reimbursement))).length).toBeGreaterThan(0);
  });
});

describe.each(["en", "ja"] as const)("scenarios with yearly plan rows (%s): the internal one's plan leaves nowhere, the shared plans do", (language) => {
  const sample = readSample();
  // Every scenario has a business plan; the internal one's figures are found nowhere else.
  const SHARED_PLAN = { sales: [0, 150_000_000, 420_000_000, 610_000_000], operating_profit: [-20_000_000, 9_000_000], investment: [55_000_000] };
  const INTERNAL_PLAN = { sales: [0, 314_159_265, 271_828_182], operating_profit: [161_803_398], investment: [141_421_356, 173_205_080] };
  const set = {
    ...sample.set,
    scenarios: sample.set.scenarios.map((s) => ({ ...s, series: s.internal ? INTERNAL_PLAN : SHARED_PLAN })),
  };
  let parts: Part[] = [];

  beforeAll(async () => {
    parts = await sharedParts(set, language, "plan");
  });

  test("the internal scenario's name, plan figures and results, the floor and the note are in no part of the file", () => {
    const internal = set.scenarios.find((s) => s.internal)!;
    expect(resolveAssumptions(internal.values as Partial<Record<AssumptionKey, RawValue>>, internal.name, internal.series).plan).not.toBeNull();
    expect(findAll(parts, internalNeedles(set, Object.values(INTERNAL_PLAN).flat()))).toEqual([]);
  });

  test("the search can fail: the shared plans' figures are found, on a plan sheet", () => {
    for (const v of [SHARED_PLAN.sales[2], SHARED_PLAN.operating_profit[0], SHARED_PLAN.investment[0]])
      expect(findAll(parts, [String(v)]).length).toBeGreaterThan(0);
    const workbook = parts.find((p) => p.name === "xl/workbook.xml")!.text;
    expect(decoded(workbook)).toContain(language === "en" ? 'name="Plan"' : 'name="事業計画"');
  });
});

describe("the assumptions' sources and notes leave only when the manager ticks them", () => {
  const sample = readSample();
  // Sources that may be internal (an inventor's estimate, the licensee's plan named): found nowhere unless shared.
  const SOURCES = { market_size: "Inventor's own estimate (zebracorn)", royalty_rate: "Licensee plan v3 (quokkaplan)" };
  const set = { ...sample.set, sources: SOURCES } as ScenarioSet;
  const build = async (sources: boolean | undefined, name: string) => {
    const { negotiatorWorkbook } = await import("../../src/export/negotiator");
    const { defaultShareChoice } = await import("../../src/export/share");
    const choice = { ...defaultShareChoice(set), ...(sources === undefined ? {} : { sources }) };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `ipvalue-sources-${name}-`)), `${name}.xlsx`);
    fs.writeFileSync(file, await negotiatorWorkbook(set, choice, { language: "en", date: new Date(2025, 10, 23), version: "test", currency: "JPY" }));
    return partsOf(file);
  };

  test.each([
    ["by default", undefined],
    ["when left unticked", false],
  ] as const)("%s: no part holds a source, whole or in part", async (_, sources) => {
    const parts = await build(sources, `default-${String(sources)}`);
    expect(findAll(parts, [...Object.values(SOURCES), "zebracorn", "quokkaplan", "Inventor's own", "Licensee plan v3"])).toEqual([]);
  });

  test("ticked: the same search finds each source (so it can fail)", async () => {
    const parts = await build(true, "shared");
    expect(findAll(parts, Object.values(SOURCES)).map((h) => h.split(":")[0])).toEqual(["xl/sharedStrings.xml", "xl/sharedStrings.xml"]);
  });
});
