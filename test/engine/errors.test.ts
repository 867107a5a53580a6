/** Argument checks shared by the core, and the kinds of error they raise. */
import fc from "fast-check";
import {
  EXCERPT_CHARS,
  excerpt,
  excerptList,
  excerptPlain,
  excerptText,
  finiteResult,
  invalidNumber,
  invalidValue,
  MAX_YEARS,
  notAvailable,
  quoted,
  requireFinite,
  requireFraction,
  requireNonNegative,
  requireRate,
  requireWholeYears,
} from "../../src/engine";
import { caught } from "./helpers";

describe("error kinds", () => {
  test("each factory makes a ValuationError of its kind", () => {
    expect(invalidValue("no-scenario").kind).toBe("invalidValue");
    expect(invalidNumber("no-band-matches").kind).toBe("invalidNumber");
    expect(notAvailable("no-scenario").kind).toBe("notAvailable");
    expect(notAvailable("no-scenario")).toBeInstanceOf(Error);
    expect(notAvailable("no-scenario").message).toBe("assumptions has no scenario");
    expect(notAvailable("no-scenario").name).toBe("ValuationError");
  });
});

describe("argument checks", () => {
  test("requireFinite passes finite numbers back and refuses NaN and infinities by name", () => {
    expect(requireFinite(-3.5, "x")).toBe(-3.5);
    expect(caught(() => requireFinite(NaN, "x")).message).toBe("x must be a finite number; got not a number");
    expect(caught(() => requireFinite(-Infinity, "x")).message).toBe("x must be a finite number; got -Infinity");
    expect(caught(() => requireFinite("1" as unknown as number, "x")).kind).toBe("invalidValue");
  });

  test("requireRate accepts anything above -100%", () => {
    expect(requireRate(-0.999, "r")).toBe(-0.999);
    expect(requireRate(5, "r")).toBe(5);
    expect(caught(() => requireRate(-1, "r")).message).toBe("r must be a decimal rate above -1 (-100%); got -1");
  });

  test("requireFraction honours the open ends it is asked for", () => {
    expect(requireFraction(0, "p")).toBe(0);
    expect(requireFraction(1, "p")).toBe(1);
    expect(caught(() => requireFraction(0, "p", { above0: true })).message).toBe("p must be a decimal above 0 to 1 (0.05 = 5%); got 0");
    expect(caught(() => requireFraction(1, "t", { below1: true })).message).toBe("t must be a decimal from 0 below 1 (0.05 = 5%); got 1");
    expect(caught(() => requireFraction(1.0000001, "p")).kind).toBe("invalidValue");
  });

  test("requireNonNegative accepts 0 and refuses negatives", () => {
    expect(requireNonNegative(0, "n")).toBe(0);
    expect(caught(() => requireNonNegative(-1e-9, "n")).message).toMatch(/^n must be 0 or more/);
  });

  test(`requireWholeYears accepts whole numbers from min to ${MAX_YEARS}`, () => {
    expect(requireWholeYears(1, "y")).toBe(1);
    expect(requireWholeYears(MAX_YEARS, "y")).toBe(200);
    expect(requireWholeYears(0, "y", 0)).toBe(0);
    for (const bad of [0, 1.5, 201, -3]) {
      expect(caught(() => requireWholeYears(bad, "y")).message).toMatch(/^y must be a whole number of years from 1 to 200/);
    }
  });

  test("finiteResult lets finite numbers through and turns the rest into #NUM!", () => {
    expect(finiteResult(1e308, "what-deal-value")).toBe(1e308);
    for (const bad of [NaN, Infinity, -Infinity]) {
      const e = caught(() => finiteResult(bad, "what-deal-value"));
      expect(e.kind).toBe("invalidNumber");
      expect(e.message).toBe("The deal value is too large or undefined for these inputs");
      expect(e.in("ja")).toBe("この入力では契約の価値が大きすぎるか、定義できません");
    }
  });
});

describe("excerpts of echoed input", () => {
  test("ordinary short values read exactly as before: JSON.stringify's text, String's, the text itself", () => {
    for (const v of [
      "middle",
      'say "mid"',
      "back\\slash",
      "",
      "期央",
      "😀 emoji",
      5,
      -0.5,
      true,
      null,
      [["mid"]],
      [
        [1, 2],
        [3, null],
      ],
      { a: 1 },
      [],
      {},
    ]) {
      expect(excerpt(v)).toBe(JSON.stringify(v));
    }
    for (const v of [1.5, NaN, -Infinity, true, "text", undefined, null]) expect(excerptPlain(v)).toBe(String(v));
    expect(excerptText("a".repeat(EXCERPT_CHARS))).toBe("a".repeat(EXCERPT_CHARS));
    expect(quoted("Base", "'")).toBe("'Base'");
  });

  test("long text is cut to 60 characters with an ellipsis and its full length", () => {
    const long = "k".repeat(32767);
    expect(excerpt(long)).toBe(`"${"k".repeat(60)}…" (32,767 characters)`);
    expect(excerptText(long)).toBe(`${"k".repeat(60)}… (32,767 characters)`);
    expect(quoted(long, "'")).toBe(`'${"k".repeat(60)}…' (32,767 characters)`);
    expect(excerptText(long, 30, false)).toBe(`${"k".repeat(30)}…`);
  });

  test("control, separator and bidi characters are shown escaped, never raw", () => {
    expect(excerpt("a\nb\tc\u0007")).toBe(JSON.stringify("a\nb\tc\u0007"));
    expect(excerptText("a\nb\u202ec\u2028d\u0085e\u007f")).toBe("a\\nb\\u202ec\\u2028d\\u0085e\\u007f");
    expect(excerptText("lone \ud800 surrogate")).toBe("lone \\ud800 surrogate");
  });

  test("a cut never splits a surrogate pair or an escape", () => {
    fc.assert(
      // No backslash in the input: a backslash shown before the ellipsis is then a cut escape.
      fc.property(
        fc.string({ unit: "binary", maxLength: 300 }).filter((s) => !s.includes("\\")),
        fc.integer({ min: 1, max: 80 }),
        (s, max) => {
          const shown = excerptText(s, max, false);
          expect(shown.length).toBeLessThanOrEqual(max + 1);
          expect(shown).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
          // A cut escape ends in a lone backslash or inside \uXXXX; "\f…" and "\b…" end in whole escapes.
          if (shown.endsWith("…") && !s.endsWith("…")) expect(shown).not.toMatch(/\\(u[0-9a-f]{0,3})?…$/);
        }
      )
    );
  });

  test("arrays too long to show are described by their shape, whatever their size", () => {
    expect(excerpt(Array.from({ length: 1048576 }, () => ["x"]))).toBe("a range of 1,048,576 rows × 1 column");
    expect(excerpt([Array(16384).fill("x")])).toBe("a range of 1 row × 16,384 columns");
    expect(excerpt(Array(100).fill(1))).toBe("an array of 100 items");
    expect(excerpt([["k".repeat(32767)]])).toBe("a range of 1 row × 1 column");
    expect(excerptPlain([["k".repeat(32767)]])).toBe("a range of 1 row × 1 column");
  });

  test("whatever the value, the excerpt is short and excerpt never throws", () => {
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    for (const v of [cyclic, BigInt(7), Symbol("s"), () => 1, new Float64Array(3), new Date(0), Object.create(null), { toJSON: () => "x".repeat(1e6) }]) {
      expect(excerpt(v).length).toBeLessThanOrEqual(EXCERPT_CHARS + 40);
    }
    fc.assert(fc.property(fc.anything(), (v) => expect(excerpt(v).length).toBeLessThanOrEqual(EXCERPT_CHARS + 40)));
  });

  test("lists show at most ten names, then how many more", () => {
    expect(excerptList(["Low", "Base", "High"], (n) => quoted(n, "'"))).toBe("'Low', 'Base', 'High'");
    const many = Array.from({ length: 25 }, (_, i) => `S${i + 1}`);
    expect(excerptList(many)).toBe("S1, S2, S3, S4, S5, S6, S7, S8, S9, S10 and 15 more");
    const long = Array.from({ length: 5 }, () => "k".repeat(32767));
    expect(excerptList(long).length).toBeLessThanOrEqual(4 * EXCERPT_CHARS + 20);
  });
});
