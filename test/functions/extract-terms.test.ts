/**
 * EXTRACTTERMS called as Excel calls it: a cell, a range read row by row, the language omitted (null),
 * hostile input refused with a named #VALUE!, a text longer than a cell refused; and the engine's
 * property: random text never throws anything but a named ValuationError.
 */
import fc from "fast-check";
import { extractTerms, ValuationError } from "../../src/engine";
import { F, grid, spilledError } from "./helpers";

const HEADER = ["kind", "low", "high", "unit", "excerpt"];

describe("IPVALUE.EXTRACTTERMS", () => {
  test("a cell (a 1×1 range), the language omitted as Excel omits it (null)", () => {
    expect(grid(F.EXTRACTTERMS([["契約一時金として金500万円、実施料率は2～5％とする。"]], null))).toEqual([
      HEADER,
      ["upfront", 5000000, 5000000, "JPY", "契約一時金として金500万円、実施料率は2～5％とする。"],
      ["royalty_rate", 0.02, 0.05, "rate", "契約一時金として金500万円、実施料率は2～5％とする。"],
    ]);
  });

  test("a range is read row by row, each cell a paragraph; blank cells are skipped", () => {
    const range = [
      ["An upfront fee of USD 10,000.", ""],
      [null, "A running royalty of three percent (3%)."],
    ];
    expect(grid(F.EXTRACTTERMS(range)).map((r) => r.slice(0, 4))).toEqual([
      HEADER.slice(0, 4),
      ["upfront", 10000, 10000, "USD"],
      ["royalty_rate", 0.03, 0.03, "rate"],
    ]);
  });

  test("text without a candidate term spills the header alone", () => {
    expect(grid(F.EXTRACTTERMS([["第5条 2024年4月1日"]]))).toEqual([HEADER]);
    expect(grid(F.EXTRACTTERMS([[""]]))).toEqual([HEADER]);
  });

  test("the language chooses the term words", () => {
    expect(grid(F.EXTRACTTERMS([["royalty 3%"]], "ja"))[1][0]).toBe("unknown");
    expect(grid(F.EXTRACTTERMS([["royalty 3%"]], "EN"))[1][0]).toBe("royalty_rate");
    spilledError(F.EXTRACTTERMS([["royalty 3%"]], "fr"), "#VALUE!", 'language must be "ja", "en" or omitted (both); got "fr"');
    spilledError(F.EXTRACTTERMS([["royalty 3%"]], 3), "#VALUE!", "language must be text; got 3");
  });

  test("hostile input is a named #VALUE!, never an unexpected error", () => {
    spilledError(F.EXTRACTTERMS([["ok", { a: 1 }]]), "#VALUE!", /^text: item 2 must be text/);
    spilledError(F.EXTRACTTERMS([[NaN]]), "#VALUE!", /^text: item 1 must be text/);
    spilledError(F.EXTRACTTERMS([[[["nested"]]]]), "#VALUE!", /^text: item 1 must be text/);
  });

  test("text over 32,767 characters, or a whole column of text, is refused", () => {
    spilledError(F.EXTRACTTERMS([["あ".repeat(32768)]]), "#VALUE!", "text: item 1 has 32,768 characters; a cell holds at most 32,767");
    const column = Array.from({ length: 1048576 }, () => ["a note beside a cash flow"]);
    spilledError(F.EXTRACTTERMS(column), "#VALUE!", /^text: at most 1,048,544 characters in all \(32 full cells\)/);
    expect(grid(F.EXTRACTTERMS([["実施料3%".repeat(32767 / 5)]])).length).toBe(1 + 6553);
  });
});

describe("random text never throws anything but a named ValuationError", () => {
  const pieces = fc.constantFrom(
    "実施料",
    "3％",
    "百分の",
    "三",
    "万",
    "億",
    "千",
    "円",
    "～",
    "$",
    "USD ",
    "million",
    "between ",
    " and ",
    "(",
    ")",
    "。",
    "\n",
    "非ロイヤリティ",
    "9".repeat(320)
  );
  const text = fc.array(fc.oneof(fc.string({ unit: "grapheme", maxLength: 12 }), pieces), { maxLength: 40 }).map((xs) => xs.join(""));

  test("every term has a known kind, a finite or blank value with low ≤ high, and an excerpt", () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), fc.constantFrom<"ja" | "en" | undefined>("ja", "en", undefined), (texts, language) => {
        let terms;
        try {
          terms = extractTerms(texts, language);
        } catch (e) {
          expect(e).toBeInstanceOf(ValuationError);
          return;
        }
        for (const t of terms) {
          expect([
            "royalty_rate",
            "upfront",
            "annual_minimum",
            "milestone",
            "equity_share",
            "success_fee",
            "sublicense_share",
            "annual_fee",
            "unknown",
          ]).toContain(t.kind);
          expect(["rate", "JPY", "USD", "EUR", "GBP"]).toContain(t.unit);
          if (t.low === null) expect(t.high).toBeNull();
          else {
            expect(Number.isFinite(t.low) && Number.isFinite(t.high!)).toBe(true);
            expect(t.low).toBeLessThanOrEqual(t.high!);
          }
          expect(typeof t.excerpt).toBe("string");
        }
      }),
      { numRuns: 500 }
    );
  });
});

describe("IPVALUE.BANDSTATS", () => {
  test("omitted arguments as Excel omits them: the midpoints of every royalty-rate band", () => {
    const g = grid(F.BANDSTATS(null, null, null));
    expect(g[0]).toEqual(["statistic", "midpoint"]);
    expect(g.map((r) => r[0])).toEqual(["statistic", "count", "min", "q1", "median", "q3", "max", "mean"]);
    expect(g[1][1]).toBe(12);
    expect(g[4][1]).toBeCloseTo(0.031, 12);
  });

  test("user bands are counted; field all gives low, midpoint and high", () => {
    const user = [
      ["key", "low", "high", "unit"],
      ["ours_a", 0.01, 0.03, "share_of_net_sales"],
      ["ours_b", 0.04, 0.08, "share_of_net_sales"],
    ];
    const g = grid(F.BANDSTATS("user", user, "all"));
    expect(g[0]).toEqual(["statistic", "low", "midpoint", "high"]);
    expect(g[1]).toEqual(["count", 2, 2, 2]);
    expect(g[4][2]).toBeCloseTo(0.04, 12);
  });

  test("refusals are named Excel errors", () => {
    spilledError(F.BANDSTATS("sme"), "#N/A", /^No royalty-rate band matches "sme"/);
    spilledError(F.BANDSTATS("", null, "mean"), "#VALUE!", 'field must be one of midpoint, low, high, all; got "mean"');
    spilledError(F.BANDSTATS("", [["key"], ["x"]]), "#VALUE!", /^user_bands/);
  });
});
