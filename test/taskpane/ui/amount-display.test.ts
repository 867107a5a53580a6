/**
 * Money in the pane's inputs when not being edited: ja writes 350億 and 3,000万, en the digits with
 * separators; the form read back is the stored number, and the stored value never changes.
 */
import { readAmount, readEntry } from "../../../src/model/scenario-set";
import { displayEntry, displayEntryAtRest, japaneseAmount } from "../../../src/taskpane/ui/format";

describe("money as people write it", () => {
  test("350億 typed into a money assumption reads 350億 at rest in ja, 35,000,000,000 in en, and the full digits while edited", () => {
    const stored = readEntry("upfront", "350億");
    expect(stored).toBe(35e9);
    expect(displayEntryAtRest("upfront", stored, "ja")).toBe("350億");
    expect(displayEntryAtRest("upfront", stored, "en")).toBe("35,000,000,000");
    expect(displayEntry("upfront", stored)).toBe("35,000,000,000"); // what the focused field shows
    expect(displayEntryAtRest("annual_minimum", readEntry("annual_minimum", "3,000万"), "ja")).toBe("3,000万");
  });

  test.each([
    [123456789, "1億2,345万6,789"],
    [1.5e12, "1兆5,000億"],
    [120000000, "1億2,000万"],
    [50000, "5万"],
    [9999, "9,999"],
    [12345.5, "12,345.5"],
    [-30000000, "-3,000万"],
  ])("%d is written %s and read back as the same number", (v, text) => {
    expect(japaneseAmount(v)).toBe(text);
    expect(readAmount(text)).toBe(v);
  });

  test("every amount's Japanese form reads back exactly (no rounding in the display)", () => {
    let x = 7;
    for (let i = 0; i < 2000; i++) {
      x = (x * 48271) % 2147483647;
      const v = (x % 100000) * 10 ** (i % 9) + (i % 3 === 0 ? x % 10000 : 0);
      expect([v, readAmount(japaneseAmount(v))]).toEqual([v, v]);
    }
  });

  test("rates, years and blanks are shown as before", () => {
    expect(displayEntryAtRest("royalty_rate", 0.05, "ja")).toBe(displayEntry("royalty_rate", 0.05));
    expect(displayEntryAtRest("term_years", 10, "ja")).toBe("10");
    expect(displayEntryAtRest("upfront", undefined, "ja")).toBe("");
  });
});
