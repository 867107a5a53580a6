/** The assumptions table: keys, defaults, checks and the table layout rules. */
import {
  ASSUMPTION_KEYS,
  ASSUMPTIONS,
  isAssumptionKey,
  isBlank,
  normalizeKey,
  parseAssumptionsTable,
  RawValue,
  REQUIRED_KEYS,
  resolveAssumptions,
  isUserColumn,
} from "../../src/engine";
import { caught } from "./helpers";

type Row = RawValue[];
/** A table: header row, then one row per key with one value per scenario. */
function table(header: Row, rows: [string | null, ...RawValue[]][]): Row[] {
  return [header, ...rows];
}

const REQUIRED: [string, ...RawValue[]][] = [
  ["market_size", 1000, 2000],
  ["peak_share", 0.1, 0.2],
  ["years", 5, 10],
  ["royalty_rate", 0.03, 0.05],
  ["operating_margin", 0.2, 0.3],
  ["discount_rate", 0.12, 0.08],
];

describe("the list of assumptions", () => {
  test("the required keys are exactly those without a default", () => {
    expect([...REQUIRED_KEYS].sort()).toEqual(["discount_rate", "market_size", "operating_margin", "peak_share", "royalty_rate", "years"]);
  });

  test("every key has an English and a Japanese label and help text", () => {
    for (const spec of ASSUMPTIONS) {
      expect(spec.label.en.length).toBeGreaterThan(0);
      expect(spec.label.ja.length).toBeGreaterThan(0);
      expect(spec.help.en.length).toBeGreaterThan(0);
      expect(spec.help.ja.length).toBeGreaterThan(0);
    }
    expect(new Set(ASSUMPTION_KEYS).size).toBe(ASSUMPTIONS.length);
  });

  test("keys are normalised: case, spaces and hyphens do not matter", () => {
    expect(normalizeKey("  Market size ")).toBe("market_size");
    expect(normalizeKey("PEAK-SHARE")).toBe("peak_share");
    expect(normalizeKey("years  to\tpeak")).toBe("years_to_peak");
  });

  test("only listed keys are assumption keys (not Object.prototype names)", () => {
    expect(isAssumptionKey("royalty_rate")).toBe(true);
    expect(isAssumptionKey("constructor")).toBe(false);
    expect(isAssumptionKey("__proto__")).toBe(false);
  });

  test("blank means null, undefined or whitespace text, not 0 or FALSE", () => {
    expect([null, undefined, "", "   "].every(isBlank)).toBe(true);
    expect([0, false, "x"].some(isBlank)).toBe(false);
  });
});

describe("resolveAssumptions", () => {
  const required = { market_size: 1000, peak_share: 0.1, years: 8, royalty_rate: 0.03, operating_margin: 0.2, discount_rate: 0.12 };

  test("fills every default", () => {
    expect(resolveAssumptions(required, "Base")).toEqual({
      ...required,
      market_growth: 0,
      years_to_peak: 1,
      launch_year: 1,
      term_years: 8, // = years
      annual_minimum: 0,
      tax_rate: 0,
      hurdle_rate: 0.12, // = discount_rate
      success_probability: 1,
      upfront: 0,
      investment: 0,
      timing: "end",
      licensor_share: 0.25,
      // The deal terms, blank: none of them changes today's value (scenario.test.ts, "without deal terms").
      tier_1_threshold: null,
      tier_1_rate: required.royalty_rate,
      tier_2_threshold: null,
      tier_2_rate: required.royalty_rate,
      claims_expire_year: 8, // = term_years
      post_expiry_rate: 0,
      annual_fee: 0,
      annual_fee_from_year: 1,
      annual_fee_until_sales: false,
      annual_fee_creditable: false,
      ...Object.fromEntries(
        [1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [
          [`milestone_${n}_year`, null],
          [`milestone_${n}_amount`, 0],
          [`milestone_${n}_probability`, 1],
        ])
      ),
      sublicense_income: 0,
      sublicense_share: 0,
      equity_share: 0,
      dilution: 0,
      exit_year: null,
      exit_value: null,
      exit_probability: 1, // = success_probability
      success_fee: 0,
      patent_cost_reimbursement: 0,
      patent_cost_years: 1,
      licensor_ownership: 1,
      plan: null,
    });
  });

  test("a given hurdle rate and term are kept", () => {
    const a = resolveAssumptions({ ...required, hurdle_rate: 0.2, term_years: 3 }, "Base");
    expect(a.hurdle_rate).toBe(0.2);
    expect(a.term_years).toBe(3);
  });

  test("blank values take the default", () => {
    const a = resolveAssumptions({ ...required, hurdle_rate: "", timing: null, tax_rate: "  " }, "Base");
    expect(a.hurdle_rate).toBe(0.12);
    expect(a.timing).toBe("end");
    expect(a.tax_rate).toBe(0);
  });

  test("a missing required value names the scenario and the key", () => {
    const { market_size: _omit, ...rest } = required;
    const e = caught(() => resolveAssumptions(rest, "Low"));
    expect(e.kind).toBe("invalidValue");
    expect(e.message).toBe("Scenario 'Low': market_size is missing: it is required");
  });

  test("text or TRUE/FALSE where a number belongs is refused naming scenario and key", () => {
    expect(caught(() => resolveAssumptions({ ...required, royalty_rate: "5%" }, "High")).message).toBe(
      `Scenario 'High': royalty_rate must be a number; got "5%" (text or TRUE/FALSE)`
    );
    expect(caught(() => resolveAssumptions({ ...required, upfront: true }, "High")).message).toMatch(/^Scenario 'High': upfront must be a number; got true/);
  });

  test.each<[string, RawValue, RegExp]>([
    ["peak_share", 1.5, /^Scenario 'S': peak_share must be a decimal from 0 to 1/],
    ["market_size", -1, /^Scenario 'S': market_size must be 0 or more/],
    ["market_growth", -1, /^Scenario 'S': market_growth must be a decimal rate above -1/],
    ["discount_rate", -2, /^Scenario 'S': discount_rate must be a decimal rate above -1/],
    ["hurdle_rate", -1, /^Scenario 'S': hurdle_rate/],
    ["years", 0, /^Scenario 'S': years must be a whole number of years from 1 to 200/],
    ["years", 3.5, /^Scenario 'S': years must be a whole number/],
    ["launch_year", 0, /^Scenario 'S': launch_year must be a whole number/],
    ["term_years", 201, /^Scenario 'S': term_years must be a whole number/],
    ["years_to_peak", -1, /^Scenario 'S': years_to_peak must be 0 or more/],
    ["years_to_peak", 201, /^Scenario 'S': years_to_peak must be at most 200/],
    ["operating_margin", 1.01, /^Scenario 'S': operating_margin must be a decimal of at most 1/],
    ["tax_rate", 1, /^Scenario 'S': tax_rate must be a decimal from 0 below 1/],
    ["success_probability", 0, /^Scenario 'S': success_probability must be a decimal above 0 to 1/],
    ["annual_minimum", -5, /^Scenario 'S': annual_minimum must be 0 or more/],
    ["upfront", -5, /^Scenario 'S': upfront must be 0 or more/],
    ["investment", -5, /^Scenario 'S': investment must be 0 or more/],
    ["licensor_share", 1.2, /^Scenario 'S': licensor_share must be a decimal from 0 to 1/],
    ["royalty_rate", NaN, /^Scenario 'S': royalty_rate must be a finite number/],
    ["timing", "later", /^Scenario 'S': timing must be "end", "mid" or "begin"/],
    ["timing", 1, /^Scenario 'S': timing must be/],
    ["timing", "constructor", /^Scenario 'S': timing must be/],
  ])("%s = %j is refused naming the scenario and key", (key, value, message) => {
    const e = caught(() => resolveAssumptions({ ...required, [key]: value }, "S"));
    expect(e.kind).toBe("invalidValue");
    expect(e.message).toMatch(message);
  });

  test("a negative operating margin is accepted (a loss-making licensee)", () => {
    expect(resolveAssumptions({ ...required, operating_margin: -0.1 }, "S").operating_margin).toBe(-0.1);
  });

  test("timing words, including Japanese ones, are read", () => {
    expect(resolveAssumptions({ ...required, timing: "Mid" }, "S").timing).toBe("mid");
    expect(resolveAssumptions({ ...required, timing: "期首" }, "S").timing).toBe("begin");
  });
});

describe("parseAssumptionsTable", () => {
  test("reads scenario names from the first row and keys from the first column", () => {
    const s = parseAssumptionsTable(table(["", "Low", "High"], REQUIRED));
    expect(s.map((x) => x.name)).toEqual(["Low", "High"]);
    expect(s[0].assumptions.market_size).toBe(1000);
    expect(s[1].assumptions.market_size).toBe(2000);
    expect(s[1].assumptions.term_years).toBe(10);
  });

  test("the hurdle-rate default follows each scenario's own discount rate", () => {
    const s = parseAssumptionsTable(table(["key", "Low", "High"], REQUIRED));
    expect(s.map((x) => x.assumptions.hurdle_rate)).toEqual([0.12, 0.08]);
  });

  test("keys may come in any order and in any spelling normalizeKey accepts", () => {
    const rows = [...REQUIRED].reverse().map(([k, ...v]) => [k!.toUpperCase().replace("_", " "), ...v] as [string, ...RawValue[]]);
    const s = parseAssumptionsTable(table(["key", "Low", "High"], rows));
    expect(s[0].assumptions).toEqual(parseAssumptionsTable(table(["key", "Low", "High"], REQUIRED))[0].assumptions);
  });

  test("label, unit and note columns are ignored, whatever they hold", () => {
    const rows = REQUIRED.map(([k, a, b]) => [k, "some label", "JPY", a, b, "from the 2024 plan"] as [string, ...RawValue[]]);
    const s = parseAssumptionsTable(table(["Key", "Label", "UNIT", "Low", "High", "Notes"], rows));
    expect(s.map((x) => x.name)).toEqual(["Low", "High"]);
    expect(s[1].assumptions.royalty_rate).toBe(0.05);
  });

  test("the user's own columns (comment, source, 備考 …, also with a suffix) are skipped like notes; a scenario merely starting with such a word is read", () => {
    const rows = REQUIRED.map(([k, a, b]) => [k, a, "check with the licensee", b, "2025 plan", "要確認"] as [string, ...RawValue[]]);
    const s = parseAssumptionsTable(table(["key", "Low", "Comment (Taro)", "High", "Source: plan", "備考"], rows));
    expect(s.map((x) => x.name)).toEqual(["Low", "High"]);
    for (const header of ["comment", "Comments", "memo2", "出典", "注記", "note_1", "ＣＯＭＭＥＮＴ"])
      expect([header, isUserColumn(header)]).toEqual([header, true]);
    for (const header of ["Sourcing case", "注意ケース", "Memorandum", "Base", 3]) expect([header, isUserColumn(header)]).toEqual([header, false]);
  });

  test("a label column before the keys is skipped: the first other column holds the keys", () => {
    const rows = REQUIRED.map(([k, a, b]) => ["Label text", k, a, b] as [string, ...RawValue[]]);
    const s = parseAssumptionsTable(table(["label", "", "Low", "High"], rows));
    expect(s.map((x) => x.name)).toEqual(["Low", "High"]);
    expect(s[0].assumptions.years).toBe(5);
  });

  test("the key column need not be first when it is headed 'key'", () => {
    // without the "key" heading, column 1 ("Low") would be taken as the key column
    const rows = REQUIRED.map(([k, a, b]) => [a, k, b] as unknown as [string, ...RawValue[]]);
    const s = parseAssumptionsTable(table(["Low", "key", "High"], rows));
    expect(s.map((x) => x.name)).toEqual(["Low", "High"]);
    expect(s[0].assumptions.market_size).toBe(1000);
    expect(s[1].assumptions.market_size).toBe(2000);
  });

  test.each([["keys"], ["Assumption"], ["assumptions"]])("a key column headed %j is recognised too", (heading) => {
    const rows = REQUIRED.map(([k, a]) => [a, k] as unknown as [string, ...RawValue[]]);
    const s = parseAssumptionsTable(table(["Only", heading], rows));
    expect(s.map((x) => x.name)).toEqual(["Only"]);
  });

  test("blank rows are skipped, whether null or empty text", () => {
    const rows: [string | null, ...RawValue[]][] = [REQUIRED[0], [null, null, null], ["", "", ""], ...REQUIRED.slice(1), ["  ", null, ""]];
    const s = parseAssumptionsTable(table(["", "Low", "High"], rows));
    expect(s[1].assumptions.discount_rate).toBe(0.08);
  });

  test("blank columns (a selection a little wider than the table) are skipped", () => {
    const rows = REQUIRED.map((r) => [...r, null, ""] as [string, ...RawValue[]]);
    expect(parseAssumptionsTable(table(["", "Low", "High", null, ""], rows)).map((x) => x.name)).toEqual(["Low", "High"]);
  });

  test("a row with values but no key is refused, naming its row", () => {
    const rows: [string | null, ...RawValue[]][] = [...REQUIRED, [null, 5, ""]];
    expect(caught(() => parseAssumptionsTable(table(["", "Low", "High"], rows))).message).toBe("assumptions: row 8 has values but no assumption key");
  });

  test("a column with values but no scenario name is refused, naming its column", () => {
    const rows = REQUIRED.map((r, i) => [...r, i === 2 ? 7 : null] as [string, ...RawValue[]]);
    expect(caught(() => parseAssumptionsTable(table(["", "Low", "High", ""], rows))).message).toBe(
      "assumptions: column 4 has values but no scenario name in the first row"
    );
  });

  test("a duplicate key is refused, naming the key and both rows (after normalising)", () => {
    const rows: [string, ...RawValue[]][] = [...REQUIRED, ["Royalty Rate", 0.04, 0.06]];
    const e = caught(() => parseAssumptionsTable(table(["", "Low", "High"], rows)));
    expect(e.kind).toBe("invalidValue");
    expect(e.message).toBe("assumptions: key 'royalty_rate' appears twice (rows 5 and 8)");
  });

  test("an unknown key is refused, naming the key as typed, its row and the allowed keys", () => {
    const rows: [string, ...RawValue[]][] = [...REQUIRED, [" Royalty Base ", 1, 1]];
    const e = caught(() => parseAssumptionsTable(table(["", "Low", "High"], rows)));
    expect(e.kind).toBe("invalidValue");
    expect(e.message).toMatch(/^assumptions: unknown assumption key 'Royalty Base' in row 8\. Allowed: market_size, market_growth, /);
    expect(e.message).toContain("licensor_share");
  });

  test.each([["constructor"], ["__proto__"], [42], [true]])("a key cell of %j is an unknown key", (key) => {
    const rows = [...REQUIRED, [key, 1, 1]] as [string, ...RawValue[]][];
    expect(caught(() => parseAssumptionsTable(table(["", "Low", "High"], rows))).message).toMatch(/unknown assumption key/);
  });

  test("a missing required key is named", () => {
    const rows = REQUIRED.filter(([k]) => k !== "discount_rate");
    expect(caught(() => parseAssumptionsTable(table(["", "A", "B"], rows))).message).toBe("assumptions is missing the required key discount_rate");
  });

  test("several missing required keys are all named", () => {
    const rows = REQUIRED.filter(([k]) => k !== "years" && k !== "peak_share");
    expect(caught(() => parseAssumptionsTable(table(["", "A", "B"], rows))).message).toBe("assumptions is missing the required keys peak_share, years");
  });

  test("a required key left blank in one scenario names that scenario", () => {
    const rows = REQUIRED.map((r) => (r[0] === "years" ? ["years", 5, ""] : r)) as [string, ...RawValue[]][];
    expect(caught(() => parseAssumptionsTable(table(["", "Low", "High"], rows))).message).toBe("Scenario 'High': years is missing: it is required");
  });

  test("a value out of range names the scenario it is in", () => {
    const rows = REQUIRED.map((r) => (r[0] === "peak_share" ? ["peak_share", 0.1, 1.5] : r)) as [string, ...RawValue[]][];
    expect(caught(() => parseAssumptionsTable(table(["", "Low", "High"], rows))).message).toMatch(/^Scenario 'High': peak_share must be a decimal from 0 to 1/);
  });

  test("a scenario name that appears twice (ignoring case) is refused", () => {
    expect(caught(() => parseAssumptionsTable(table(["", "Base", "BASE"], REQUIRED))).message).toBe(
      "assumptions: scenario 'BASE' appears twice in the first row"
    );
  });

  test("numeric scenario names are read as text", () => {
    expect(parseAssumptionsTable(table(["", 2024, 2025], REQUIRED)).map((x) => x.name)).toEqual(["2024", "2025"]);
  });

  test("scenario names are trimmed", () => {
    expect(parseAssumptionsTable(table(["", " Low ", "High"], REQUIRED))[0].name).toBe("Low");
  });

  test("a table with only a key column has no scenario", () => {
    const rows = REQUIRED.map(([k]) => [k] as [string]);
    expect(
      caught(() =>
        parseAssumptionsTable(
          table(
            ["key", "note"],
            rows.map((r) => [...r, "x"])
          )
        )
      ).message
    ).toBe("assumptions has no scenario column: name at least one scenario in the first row");
  });

  test("a table whose every column is label, unit or note has no key column", () => {
    expect(
      caught(() =>
        parseAssumptionsTable([
          ["label", "unit"],
          ["a", "b"],
        ])
      ).message
    ).toMatch(/has no key column/);
  });

  test.each<[string, unknown]>([
    ["one row", [["", "Base"]]],
    ["one column", [[""], ["years"]]],
    ["no rows", []],
    ["not an array", "table"],
    ["rows that are not arrays", ["a", "b"]],
  ])("%s is not a table", (_what, cells) => {
    expect(caught(() => parseAssumptionsTable(cells as Row[])).message).toMatch(/^assumptions must be a table with scenario names in its first row/);
  });

  test("a ragged range is refused", () => {
    expect(
      caught(() =>
        parseAssumptionsTable([
          ["", "Base"],
          ["years", 5, 6],
        ])
      ).message
    ).toBe("assumptions must be a rectangular range");
  });

  test("messages use the argument name given", () => {
    expect(caught(() => parseAssumptionsTable([["x"]], "my_table")).message).toMatch(/^my_table must be a table/);
  });
});
