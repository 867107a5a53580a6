/**
 * The custom functions answer in Office's display language: with Office.context.displayLanguage
 * ja-JP (or ja) a #VALUE! or #N/A carries the Japanese message, with en-US or no Office at all (Node,
 * a runtime not initialised) the English one. Errors are the stand-in's CustomFunctions.Error.
 */
import { messageLanguage, toExcelError } from "../../src/functions/excel";
import * as F from "../../src/functions/functions";
import { isExcelError, scalarError, spilledError } from "./helpers";

const g = globalThis as { Office?: unknown };
const withDisplayLanguage = (language: string | undefined, f: () => void) => {
  const before = g.Office;
  g.Office = language === undefined ? { context: {} } : { context: { displayLanguage: language } };
  try {
    f();
  } finally {
    if (before === undefined) delete g.Office;
    else g.Office = before;
  }
};

const TABLE = [
  ["key", "Low", "Base"],
  ["market_size", 1e9, 2e9],
  ["peak_share", 0.1, 0.1],
  ["years", 10, 10],
  ["royalty_rate", 0.05, 0.05],
  ["operating_margin", 0.2, 0.2],
  ["discount_rate", 0.1, 0.1],
];

describe("the language of a function's error", () => {
  test("without Office (Node) it is English", () => {
    expect(g.Office).toBeUndefined();
    expect(messageLanguage()).toBe("en");
    scalarError(F.dcf("x" as unknown as number, [[1]]), "#VALUE!", 'rate must be a number; got text "x"');
  });

  test.each(["ja-JP", "ja", "JA-jp"])("display language %s: Japanese", (language) => {
    withDisplayLanguage(language, () => expect(messageLanguage()).toBe("ja"));
  });

  test.each(["en-US", "de-DE", "jv-ID", "", undefined])("display language %s: English", (language) => {
    withDisplayLanguage(language, () => expect(messageLanguage()).toBe("en"));
  });

  test("Office.context throwing (not initialised) gives English, not an exception", () => {
    const before = g.Office;
    g.Office = Object.defineProperty({}, "context", {
      get() {
        throw new Error("Office.js has not been initialized");
      },
    });
    try {
      expect(messageLanguage()).toBe("en");
    } finally {
      if (before === undefined) delete g.Office;
    }
  });

  test("#VALUE! in Japanese: an argument of the wrong type", () => {
    withDisplayLanguage("ja-JP", () => scalarError(F.dcf("x" as unknown as number, [[1]]), "#VALUE!", 'rate は数値にしてください（入力値: 文字列 "x"）'));
  });

  test("#VALUE! in Japanese: an assumption missing names the scenario and the assumption by its label", () => {
    withDisplayLanguage("ja-JP", () =>
      spilledError(
        F.scenario(TABLE.slice(0, 1).concat(TABLE.slice(2)), "Low", "rnpv"),
        "#VALUE!",
        "assumptions に必須のキー 市場規模（初年度） (market_size) がありません"
      )
    );
    withDisplayLanguage("ja-JP", () =>
      spilledError(
        F.scenario(
          TABLE.map((r) => (r[0] === "market_size" ? ["market_size", "", 2e9] : r)),
          "Low",
          "rnpv"
        ),
        "#VALUE!",
        "シナリオ「Low」：市場規模（初年度） (market_size) が空欄です：必須の前提です"
      )
    );
  });

  test("#N/A in Japanese: a scenario not in the table, with the table's scenarios listed with 、", () => {
    withDisplayLanguage("ja-JP", () =>
      spilledError(F.scenario(TABLE, "高位", "rnpv"), "#N/A", "シナリオ「高位」は表にありません。表にあるシナリオ：「Low」、「Base」")
    );
    // The same call in English, unchanged.
    withDisplayLanguage("en-US", () => spilledError(F.scenario(TABLE, "高位", "rnpv"), "#N/A", "scenario '高位' is not in the table; it has 'Low', 'Base'"));
  });

  test("#N/A in Japanese: no band with the key", () => {
    withDisplayLanguage("ja-JP", () => {
      const r = F.band("no-such-band") as unknown[][];
      expect(isExcelError(r[0][0])).toBe(true);
      expect((r[0][0] as { message: string }).message).toMatch(/^キー「no-such-band」の参考バンドはありません。/);
    });
  });

  test("#NUM! carries no message in either language (Excel shows none)", () => {
    withDisplayLanguage("ja-JP", () => {
      const e = scalarError(F.dcf(0, [[1e308, 1e308]]), "#NUM!");
      expect(e.message).toBeUndefined();
    });
  });

  test("an unexpected exception is reported in Japanese too", () => {
    withDisplayLanguage("ja-JP", () => expect(toExcelError(new TypeError("boom")).message).toBe("予期しないエラー: boom"));
  });
});
