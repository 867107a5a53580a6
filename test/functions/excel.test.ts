/** Argument conversion from Excel's calling conventions, and the error wrapping. */
import { invalidNumber, invalidValue, notAvailable } from "../../src/engine";
import {
  isBlankCell,
  isBlankRange,
  isOmitted,
  matrix,
  scalar,
  spill,
  toBoolean,
  toMatrix,
  toNumber,
  toOptionalNumber,
  toOptionalText,
  toVector,
} from "../../src/functions/excel";
import { isExcelError, scalarError, spilledError } from "./helpers";

/** The message of the error `f` throws. */
function thrown(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected an error, but nothing was thrown");
}

describe("isBlankCell", () => {
  test("null, undefined and empty text are blank; 0, FALSE and a space are not", () => {
    expect([null, undefined, ""].every(isBlankCell)).toBe(true);
    expect([0, false, " "].some(isBlankCell)).toBe(false);
  });
});

describe("isOmitted and isBlankRange", () => {
  test("only a left-out argument (null or undefined) is omitted; a blank cell is not", () => {
    expect([null, undefined].every(isOmitted)).toBe(true);
    expect(["", 0, false, [[""]]].some(isOmitted)).toBe(false);
  });

  test("a range is blank when every cell is", () => {
    expect(isBlankRange([[""]])).toBe(true);
    expect(
      isBlankRange([
        [null, ""],
        [undefined, ""],
      ])
    ).toBe(true);
    expect(isBlankRange([["", 0]])).toBe(false);
  });
});

describe("toNumber", () => {
  test("a number, or a 1×1 range holding one, is read", () => {
    expect(toNumber(0.1, "rate")).toBe(0.1);
    expect(toNumber([[0.1]], "rate")).toBe(0.1);
  });

  test("omitted or blank takes the fallback", () => {
    expect(toNumber(null, "x", 7)).toBe(7);
    expect(toNumber(undefined, "x", 7)).toBe(7);
    expect(toNumber("", "x", 7)).toBe(7);
    expect(toNumber([[""]], "x", 7)).toBe(7);
  });

  test("a required number that is blank says it is required", () => {
    expect(thrown(() => toNumber(null, "rate"))).toBe("rate is required");
  });

  test("text and TRUE/FALSE are refused, showing what was given", () => {
    expect(thrown(() => toNumber("10%", "rate"))).toBe('rate must be a number; got text "10%"');
    expect(thrown(() => toNumber(true, "rate"))).toBe("rate must be a number; got TRUE");
    expect(thrown(() => toNumber(false, "rate"))).toBe("rate must be a number; got FALSE");
  });

  test("long text is shortened in the message", () => {
    expect(thrown(() => toNumber("x".repeat(50), "rate"))).toBe(`rate must be a number; got text "${"x".repeat(30)}…"`);
  });

  test("non-finite numbers are refused", () => {
    expect(thrown(() => toNumber(NaN, "rate"))).toBe("rate must be a finite number; got NaN");
    expect(thrown(() => toNumber(-Infinity, "rate"))).toBe("rate must be a finite number; got -Infinity");
  });

  test("a range of more than one cell, or an empty one, is not a single value", () => {
    expect(thrown(() => toNumber([[1, 2]], "rate"))).toBe("rate must be a single value, not a range");
    expect(thrown(() => toNumber([[1], [2]], "rate"))).toBe("rate must be a single value, not a range");
    expect(thrown(() => toNumber([], "rate"))).toBe("rate must be a single value, not a range");
    expect(thrown(() => toNumber([[]], "rate"))).toBe("rate must be a single value, not a range");
  });

  test("a range nested in a cell is refused", () => {
    expect(thrown(() => toNumber([[[1]]], "rate"))).toBe("rate must be a number; got a range");
  });
});

describe("toOptionalNumber, toOptionalText, toBoolean", () => {
  test("optional numbers are undefined when omitted or blank", () => {
    expect(toOptionalNumber(null, "n")).toBeUndefined();
    expect(toOptionalNumber("", "n")).toBeUndefined();
    expect(toOptionalNumber(3, "n")).toBe(3);
    expect(thrown(() => toOptionalNumber("x", "n"))).toMatch(/^n must be a number/);
  });

  test("optional text is undefined when blank and refused when not text", () => {
    expect(toOptionalText(null, "scenario")).toBeUndefined();
    expect(toOptionalText("", "scenario")).toBeUndefined();
    expect(toOptionalText("High", "scenario")).toBe("High");
    expect(toOptionalText([["High"]], "scenario")).toBe("High");
    expect(thrown(() => toOptionalText(2024, "scenario"))).toBe("scenario must be text; got 2024");
  });

  test("booleans accept TRUE/FALSE and 1/0 and fall back when blank", () => {
    expect(toBoolean(null, "b", true)).toBe(true);
    expect(toBoolean("", "b", false)).toBe(false);
    expect(toBoolean(false, "b", true)).toBe(false);
    expect(toBoolean(1, "b", false)).toBe(true);
    expect(toBoolean(0, "b", true)).toBe(false);
    expect(thrown(() => toBoolean(2, "cumulative", false))).toBe("cumulative must be TRUE or FALSE; got 2");
    expect(thrown(() => toBoolean("TRUE", "cumulative", false))).toBe('cumulative must be TRUE or FALSE; got text "TRUE"');
  });
});

describe("toMatrix", () => {
  test("a single value becomes a 1×1 range", () => {
    expect(toMatrix(5, "x")).toEqual([[5]]);
    expect(toMatrix(null, "x")).toEqual([[null]]);
  });

  test("a rectangular range is returned as it is", () => {
    const m = [
      [1, 2],
      [3, 4],
    ];
    expect(toMatrix(m, "x")).toBe(m);
  });

  test("empty and ragged ranges are refused, naming the argument", () => {
    expect(thrown(() => toMatrix([], "cashflows"))).toBe("cashflows is empty");
    expect(thrown(() => toMatrix([[]], "cashflows"))).toBe("cashflows is empty");
    expect(thrown(() => toMatrix([1, 2], "cashflows"))).toBe("cashflows is empty");
    expect(thrown(() => toMatrix([[1, 2], [3]], "cashflows"))).toBe("cashflows must be a rectangular range");
    expect(thrown(() => toMatrix([[1], 2], "cashflows"))).toBe("cashflows must be a rectangular range");
  });
});

describe("toVector", () => {
  test("a column is read top to bottom and remembered as a column", () => {
    const v = toVector([[1], [2], [3]], "x");
    expect(Array.from(v.values)).toEqual([1, 2, 3]);
    expect(v.orientation).toBe("column");
  });

  test("a row is read left to right and remembered as a row", () => {
    const v = toVector([[1, 2, 3]], "x");
    expect(Array.from(v.values)).toEqual([1, 2, 3]);
    expect(v.orientation).toBe("row");
  });

  test("a single value is a one-year column", () => {
    const v = toVector(4, "x");
    expect(Array.from(v.values)).toEqual([4]);
    expect(v.orientation).toBe("column");
  });

  test("blank cells become 0 by default and are flagged", () => {
    const v = toVector([[1], [""], [null]], "x");
    expect(Array.from(v.values)).toEqual([1, 0, 0]);
    expect(v.blanks).toEqual([1, 2]);
  });

  test("blank cells are refused when no blank value is given", () => {
    expect(thrown(() => toVector([[0.5, ""]], "phase_probabilities", null))).toBe("phase_probabilities: item 2 is blank; enter a number");
  });

  test("a block of several rows and columns is refused, giving its size", () => {
    expect(
      thrown(() =>
        toVector(
          [
            [1, 2],
            [3, 4],
            [5, 6],
          ],
          "sales"
        )
      )
    ).toBe("sales must be one row or one column; got 3 rows × 2 columns");
  });

  test("text, TRUE/FALSE and non-finite cells are refused, naming the item", () => {
    expect(thrown(() => toVector([[1], ["abc"]], "sales"))).toBe('sales: item 2 must be a number; got text "abc"');
    expect(thrown(() => toVector([[true]], "sales"))).toBe("sales: item 1 must be a number; got TRUE");
    expect(thrown(() => toVector([[1, Infinity]], "sales"))).toBe("sales: item 2 must be a finite number; got Infinity");
  });
});

describe("spill", () => {
  test("lays values out as a row or as a column", () => {
    expect(spill([1, 2, 3], "row")).toEqual([[1, 2, 3]]);
    expect(spill(new Float64Array([1, 2]), "column")).toEqual([[1], [2]]);
  });
});

describe("scalar and matrix wrappers", () => {
  test("pass a good result through", () => {
    expect(scalar(() => 3)).toBe(3);
    expect(scalar(() => "ok")).toBe("ok");
    expect(matrix(() => [[1, "a"]])).toEqual([[1, "a"]]);
  });

  test("an invalid argument becomes #VALUE! with its message", () => {
    scalarError(
      scalar(() => {
        throw invalidValue("rate-above-minus-one", { name: "rate", got: -2 });
      }),
      "#VALUE!",
      "rate must be a decimal rate above -1 (-100%); got -2"
    );
  });

  test("no answer becomes #NUM! without a message (Excel shows none on #NUM!)", () => {
    const e = scalarError(
      scalar(() => {
        throw invalidNumber("no-band-matches");
      }),
      "#NUM!"
    );
    expect(e.message).toBeUndefined();
  });

  test("not available becomes #N/A with its message", () => {
    spilledError(
      matrix(() => {
        throw notAvailable("scenario-not-in-table", { scenario: "'X'", has: "'Low'" });
      }),
      "#N/A",
      "scenario 'X' is not in the table; it has 'Low'"
    );
  });

  test("an unexpected exception becomes #VALUE! instead of escaping", () => {
    scalarError(
      scalar(() => {
        throw new TypeError("boom");
      }),
      "#VALUE!",
      "Unexpected error: boom"
    );
    spilledError(
      matrix(() => {
        throw "a string";
      }),
      "#VALUE!",
      "Unexpected error: a string"
    );
  });

  test("NaN or Infinity never leave: they become #NUM!", () => {
    scalarError(
      scalar(() => NaN),
      "#NUM!"
    );
    scalarError(
      scalar(() => -Infinity),
      "#NUM!"
    );
    spilledError(
      matrix(() => [[1], [Infinity]]),
      "#NUM!"
    );
  });

  test("errors come back as the CustomFunctions.Error class", () => {
    expect(isExcelError(scalar(() => NaN))).toBe(true);
    expect(isExcelError(3)).toBe(false);
  });
});
