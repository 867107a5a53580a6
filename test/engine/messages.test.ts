/**
 * Messages stay short whatever the input: every engine error path that echoes what the user typed,
 * fed the largest input Excel can pass (a 32,767-character cell, a whole column), gives a message
 * under a fixed bound, and BAND's "did you mean" does a bounded amount of work.
 */
import {
  BandRow,
  checkIterations,
  checkPercentile,
  checkSeed,
  filterBands,
  findBand,
  mergeBands,
  parseAssumptionsTable,
  parseBandField,
  parseDistribution,
  parseOutput,
  parseTiming,
  parseUserBands,
  pickScenario,
  planFromTable,
  requireAtMostOne,
  requireFinite,
  requireFraction,
  requireNonNegative,
  requireRate,
  requireWholeYears,
  resolveAssumptions,
  royaltyStream,
  runSimulation,
  similarKeys,
  Simulator,
  ValuationError,
  withScenario,
} from "../../src/engine";
import { MEDICAL_DEVICE } from "../fixtures/medical-device";

/** Longest message any of these may give: the longest fixed text (a list of allowed words) plus a few excerpts. */
const MESSAGE_LIMIT = 600;

/** Excel's longest cell. */
const CELL = 32767;
const HUGE = "k".repeat(CELL);
/** A long cell with line feeds (Alt+Enter) and a right-to-left override in it. */
const HUGE_MIXED = "line\n\u202e".repeat(CELL / 6);
/** A whole column of text cells: its JSON is 28 MB. */
const COLUMN = Array.from({ length: 1048576 }, () => ["a note beside a cash flow"]);

const message = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValuationError);
    return (e as ValuationError).message;
  }
  throw new Error("expected a ValuationError, but nothing was thrown");
};

const table = (name: string, rows: unknown[][] = []): unknown[][] => [
  ["key", name],
  ["market_size", 1e9],
  ["peak_share", 0.1],
  ["years", 10],
  ["royalty_rate", 0.05],
  ["operating_margin", 0.2],
  ["discount_rate", 0.1],
  ...rows,
];
/** User bands under the header key, low, high, unit, right, year (short rows padded with blanks). */
const bandsWith = (...rows: unknown[][]) =>
  parseUserBands([["key", "low", "high", "unit", "right", "year"], ...rows.map((r) => [...r, ...Array(6 - r.length).fill("")])] as never);

/** Every uncertain assumption with its base on its low, as long numbers: none has a metalog. */
const NO_METALOG = [
  ["key", "Low", "Base", "High"],
  ...[
    ["market_size", 123456789.12345678],
    ["market_growth", 0.012345678901234567],
    ["peak_share", 0.12345678901234568],
    ["royalty_rate", 0.012345678901234568],
    ["annual_minimum", 12345.678901234567],
    ["operating_margin", 0.12345678901234566],
    ["tax_rate", 0.12345678901234564],
    ["discount_rate", 0.12345678901234562],
    ["success_probability", 0.12345678901234561],
    ["upfront", 12345.678901234565],
    ["investment", 12345.678901234563],
  ].map(([k, v]) => [k, v, v, (v as number) * 1.5]),
  ["years", 10, 10, 10],
];

type Case = [string, () => unknown];
const any = (x: unknown) => x as never;

const CASES: Case[] = [
  ["parseTiming: a whole column", () => parseTiming(COLUMN)],
  ["parseTiming: a 32,767-character word", () => parseTiming(HUGE)],
  ["parseDistribution: a whole column", () => parseDistribution(COLUMN)],
  ["parseDistribution: a 32,767-character word", () => parseDistribution(HUGE_MIXED)],
  ["parseOutput: a whole column", () => parseOutput(COLUMN)],
  ["parseOutput: a 32,767-character word", () => parseOutput(HUGE)],
  ["checkIterations: a whole column", () => checkIterations(any(COLUMN))],
  ["checkSeed: a 32,767-character word", () => checkSeed(any(HUGE))],
  ["checkPercentile: a whole column", () => checkPercentile(any(COLUMN))],
  ["runSimulation: a threshold that is a column", () => runSimulation(planFromTable(MEDICAL_DEVICE), { iterations: 100, threshold: any(COLUMN) })],
  ["Simulator: eleven assumptions without a metalog", () => new Simulator(planFromTable(any(NO_METALOG)), "metalog")],
  ["requireFinite: a whole column", () => requireFinite(any(COLUMN), "x")],
  ["requireRate: a 32,767-character word", () => requireRate(any(HUGE), "x")],
  ["requireFraction: a whole column", () => requireFraction(any(COLUMN), "x")],
  ["requireAtMostOne: a 32,767-character word", () => requireAtMostOne(any(HUGE), "x")],
  ["requireNonNegative: a whole column", () => requireNonNegative(any(COLUMN), "x")],
  ["requireWholeYears: a 32,767-character word", () => requireWholeYears(any(HUGE), "x")],
  ["royaltyStream: a year of sales that is a column", () => royaltyStream(any([COLUMN]), 0.05)],
  ["parseBandField: a 32,767-character field", () => parseBandField(HUGE)],
  ["findBand: an unknown 32,767-character key", () => findBand(mergeBands(), HUGE_MIXED)],
  // No built-in key contains "zqx": the two long user keys containing it are the suggestions.
  ["findBand: suggesting user keys of 32,767 characters", () => findBand(mergeBands(bandsWith(["zqx" + HUGE, 0.1], ["zqxy" + HUGE, 0.1])), "zqx")],
  ["filterBands: a 32,767-character word", () => filterBands(mergeBands(), HUGE)],
  ["filterBands: a 32,767-character column name", () => filterBands(mergeBands(), HUGE + ":x")],
  ["filterBands: a 32,767-character number", () => filterBands(mergeBands(), "year:" + HUGE)],
  ["parseUserBands: a 32,767-character header", () => parseUserBands([["key", "low", HUGE]])],
  ["parseUserBands: a 32,767-character key whose low is text", () => bandsWith([HUGE, HUGE_MIXED])],
  ["parseUserBands: a 32,767-character key twice", () => bandsWith([HUGE, 0.1], [HUGE, 0.2])],
  ["parseUserBands: a 32,767-character unit", () => bandsWith([HUGE, 0.1, 0.2, HUGE])],
  ["parseUserBands: a 32,767-character right", () => bandsWith([HUGE, 0.1, 0.2, "", HUGE])],
  ["parseUserBands: a 32,767-character year", () => bandsWith([HUGE, 0.1, 0.2, "", "", HUGE])],
  ["parseAssumptionsTable: a 32,767-character key", () => parseAssumptionsTable(any(table("Base", [[HUGE, 1]])))],
  ["parseAssumptionsTable: a 32,767-character scenario name twice", () => parseAssumptionsTable(any([...table(HUGE)].map((r) => [...r, r[1]])))],
  ["parseAssumptionsTable: a 32,767-character value in a 32,767-character scenario", () => parseAssumptionsTable(any(table(HUGE, [["upfront", HUGE]])))],
  ["parseAssumptionsTable: a 32,767-character timing in a 32,767-character scenario", () => parseAssumptionsTable(any(table(HUGE, [["timing", HUGE]])))],
  ["resolveAssumptions: a 32,767-character value", () => resolveAssumptions(any({ market_size: HUGE }), HUGE)],
  [
    "pickScenario: an unknown 32,767-character name among 100 scenarios of 32,767 characters",
    () => pickScenario(any(Array.from({ length: 100 }, (_, i) => ({ name: `${i}${HUGE}` }))), HUGE),
  ],
  [
    "withScenario: an error in a 32,767-character scenario",
    () =>
      withScenario(HUGE, () => {
        throw new ValuationError("invalidValue", "non-negative", { name: "x", got: -1 });
      }),
  ],
];

describe("every engine message that echoes input stays under a fixed bound, in English and in Japanese", () => {
  test.each(CASES)("%s", (_, f) => {
    const en = message(f);
    let ja = "";
    try {
      f();
    } catch (e) {
      ja = (e as ValuationError).in("ja");
    }
    for (const m of [en, ja]) {
      expect(m.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      // What is shown never carries a raw control or bidi character.
      expect([...m].filter((c) => c.charCodeAt(0) < 0x20 || c === "\u202e")).toEqual([]);
    }
    expect(ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });
});

describe("the two reported cases", () => {
  test("a whole column reaching timing: the message describes the range instead of repeating 28 MB of it", () => {
    expect(message(() => parseTiming(COLUMN))).toBe('timing must be "end", "mid" or "begin"; got a range of 1,048,576 rows × 1 column');
  });

  test("a 32,767-character key: BAND's message shows 60 characters and the length", () => {
    expect(message(() => findBand(mergeBands(), HUGE))).toBe(
      `No band has the key "${"k".repeat(60)}…" (32,767 characters). List the keys with =IPVALUE.BANDS(), or search with =IPVALUE.BANDS("word").`
    );
  });

  test("suggested user keys of 32,767 characters are cut too", () => {
    const rows = mergeBands(bandsWith(["zqx" + HUGE, 0.1]));
    expect(message(() => findBand(rows, "zqx"))).toBe(
      `No band has the key "zqx". Did you mean zqx${"k".repeat(57)}… (32,770 characters)? List the keys with =IPVALUE.BANDS(), or search with =IPVALUE.BANDS("word").`
    );
  });

  test("scenario names beyond the tenth are counted, not listed", () => {
    const scenarios = Array.from({ length: 12 }, (_, i) => ({ name: `S${i + 1}` }));
    expect(message(() => pickScenario(any(scenarios), "Nope"))).toBe(
      "scenario 'Nope' is not in the table; it has 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9', 'S10' and 2 more"
    );
  });
});

// ---------------------------------------------------------------------------------------------
// BAND's "did you mean": bounded work, the same suggestions.

/** 1,000 user bands with keys like the built-in ones (own_deal_0001 …). */
const USER_ROWS: BandRow[] = mergeBands(bandsWith(...Array.from({ length: 1000 }, (_, i) => [`own_deal_${String(i).padStart(4, "0")}`, 0.01])));

/** The lookup as it was (edit distance against every key, whatever its length): the reference for the suggestions, shared with the bench. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the bench is plain JS
const { unboundedSimilarKeys } = require("../../scripts/bench/band-lookup.js") as { unboundedSimilarKeys: (rows: readonly BandRow[], key: string) => string[] };

describe("BAND's did-you-mean", () => {
  const work = () => ({ cells: 0 });
  /** Edit-distance cells per band at most: two keys of the longest length compared. */
  const PER_BAND = 64 * 64;

  test("an unknown 32,767-character key against 1,000 user bands computes no edit distance (the old lookup: 440 million cells)", () => {
    const ordinary = work();
    similarKeys(USER_ROWS, "own_deal_0O07", ordinary);
    expect(ordinary.cells).toBeGreaterThan(0); // the count counts
    const w = work();
    expect(similarKeys(USER_ROWS, HUGE, w)).toEqual([]);
    expect(w.cells).toBe(0);
  });

  test("a 64-character key against 1,000 user bands of 64 characters stays within 64 × 64 cells a band", () => {
    const rows = mergeBands(bandsWith(...Array.from({ length: 1000 }, (_, i) => [`${String(i).padStart(4, "0")}${"b".repeat(60)}`, 0.01])));
    const w = work();
    similarKeys(rows, "c".repeat(64), w);
    expect(w.cells).toBeGreaterThan(0);
    expect(w.cells).toBeLessThanOrEqual(rows.length * PER_BAND);
  });

  test("an ordinary typo is compared against the keys of about its length only, and found", () => {
    const w = work();
    expect(similarKeys(USER_ROWS, "own_deal_0O07", w)).toEqual(unboundedSimilarKeys(USER_ROWS, "own_deal_0O07"));
    expect(w.cells).toBeGreaterThan(0);
    expect(w.cells).toBeLessThanOrEqual(USER_ROWS.length * PER_BAND);
  });

  test("suggestions are those of the unbounded lookup for keys up to 64 characters", () => {
    const keys = [
      "case11_option_premum",
      "meti2010_patent_chemstry",
      "METI2010",
      "own_deal_1",
      "own_deal_00077",
      "ownn_deal_0500",
      "patent",
      "xyz",
      "fig07",
      "autm2011_us_university_royalt",
      "a".repeat(64),
      "own_deal_0001".repeat(4),
      "k",
    ];
    const rows = mergeBands(bandsWith(...Array.from({ length: 200 }, (_, i) => [`own_deal_${String(i * 5).padStart(4, "0")}`, 0.01])));
    for (const key of keys) {
      expect(similarKeys(rows, key)).toEqual(unboundedSimilarKeys(rows, key));
      expect(similarKeys(mergeBands(), key)).toEqual(unboundedSimilarKeys(mergeBands(), key));
    }
  });
});
