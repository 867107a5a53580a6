/** The stored correlations: pairs, the square table SIMULATE reads, reading it back, and the pair-by-pair merge. */
import { parseCorrelationTable } from "../../src/engine";
import { correlationsTableValues, mergeCorrelations, readCorrelations, toEngineCorrelations, withPair } from "../../src/model/correlations";
import { EditError } from "../../src/model/scenario-set";

describe("pairs", () => {
  test("a pair has one spelling (the assumptions' order), 0 removes it, and the list stays sorted", () => {
    let pairs = withPair([], "peak_share", "market_size", 0.6);
    expect(pairs).toEqual([{ a: "market_size", b: "peak_share", value: 0.6 }]);
    pairs = withPair(pairs, "success_probability", "market_size", -0.2);
    expect(pairs.map((p) => `${p.a}|${p.b}`)).toEqual(["market_size|peak_share", "market_size|success_probability"]);
    pairs = withPair(pairs, "market_size", "peak_share", 0.7);
    expect(pairs.find((p) => p.b === "peak_share")!.value).toBe(0.7);
    expect(withPair(pairs, "peak_share", "market_size", 0)).toEqual([{ a: "market_size", b: "success_probability", value: -0.2 }]);
  });

  test("a key with itself or a value outside −1..1 is refused in both languages", () => {
    expect(() => withPair([], "market_size", "market_size", 0.5)).toThrow(EditError);
    for (const bad of [1.5, -1.01, NaN]) {
      try {
        withPair([], "market_size", "peak_share", bad);
        throw new Error("not refused");
      } catch (e) {
        expect((e as EditError).reason.en).toMatch(/from −1 to 1/);
        expect((e as EditError).reason.ja).toMatch(/−1～1/);
      }
    }
  });
});

describe("the table", () => {
  const pairs = [
    { a: "market_size" as const, b: "peak_share" as const, value: 0.6 },
    { a: "peak_share" as const, b: "success_probability" as const, value: -0.3 },
  ];

  test("is the square SIMULATE parses into the engine's matrix: keys across and down, 1 on the diagonal, blank = 0", () => {
    const cells = correlationsTableValues(pairs);
    expect(cells).toEqual([
      ["key", "market_size", "peak_share", "success_probability"],
      ["market_size", 1, 0.6, ""],
      ["peak_share", 0.6, 1, -0.3],
      ["success_probability", "", -0.3, 1],
    ]);
    expect(parseCorrelationTable(cells as never)).toEqual(toEngineCorrelations(pairs));
    expect(correlationsTableValues([])).toEqual([]);
  });

  test("reads back as stored; one triangle is enough; keys in any order and case", () => {
    expect(readCorrelations(correlationsTableValues(pairs) as never)).toEqual(pairs);
    expect(
      readCorrelations([
        ["", "Peak_Share", "market_size"],
        ["market_size", 0.6, 1],
        ["peak_share", 1, ""],
      ])
    ).toEqual([pairs[0]]);
    expect(readCorrelations([])).toEqual([]);
  });

  test("a table SIMULATE would refuse is refused with its words, never read as something else", () => {
    const asymmetric = [
      ["key", "market_size", "peak_share"],
      ["market_size", 1, 0.6],
      ["peak_share", 0.5, 1],
    ];
    expect(() => readCorrelations(asymmetric)).toThrow(/not symmetric/);
    const text = [
      ["key", "market_size", "peak_share"],
      ["market_size", 1, "high"],
      ["peak_share", "", 1],
    ];
    expect(() => readCorrelations(text)).toThrow(EditError);
    const unknown = [
      ["key", "market_size", "hype"],
      ["market_size", 1, 0.2],
      ["hype", 0.2, 1],
    ];
    expect(() => readCorrelations(unknown)).toThrow(/hype/);
  });
});

describe("the merge", () => {
  const p = (value: number) => [{ a: "market_size" as const, b: "peak_share" as const, value }];
  test("the pane's change wins where the workbook did not change the pair; the workbook's stays where both did", () => {
    expect(mergeCorrelations(p(0.5), p(0.7), p(0.5))).toEqual({ pairs: p(0.7), kept: [] });
    const both = mergeCorrelations(p(0.5), p(0.7), p(0.2));
    expect(both.pairs).toEqual(p(0.2));
    expect(both.kept).toEqual([{ a: "market_size", b: "peak_share", workbook: 0.2, pane: 0.7 }]);
    // a pair the workbook added and the pane did not touch stays; the pane's removal removes
    const other = [{ a: "market_size" as const, b: "success_probability" as const, value: 0.1 }];
    expect(mergeCorrelations(p(0.5), p(0.5), [...p(0.5), ...other]).pairs).toEqual([...p(0.5), ...other]);
    expect(mergeCorrelations(p(0.5), [], p(0.5)).pairs).toEqual([]);
  });
});
