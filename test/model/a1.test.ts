/** Addresses and formula text written into Excel by the pane's sheets and the negotiator workbook. */
import { a1, cellName, columnLetters, isoDate, quoted } from "../../src/model/a1";

describe("a1", () => {
  test("column letters run A..Z, then AA, and Excel's last column is XFD", () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual(["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA", "XFD"]);
  });

  test("a cell and a block are named from 0-based row and column", () => {
    expect(cellName(0, 0)).toBe("A1");
    expect(a1(12, 0)).toBe("A13");
    expect(a1(10, 5, 8, 4)).toBe("F11:I18");
  });

  test("a formula string literal doubles its quotes", () => {
    expect(quoted('Plan "A"')).toBe('"Plan ""A"""');
  });

  test("a date is written as the local YYYY-MM-DD", () => {
    expect(isoDate(new Date(2026, 0, 5))).toBe("2026-01-05");
  });
});
