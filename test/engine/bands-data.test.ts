/**
 * bands.json, the built-in reference bands, against its JSON Schema (bands.schema.json): the file
 * validates, a broken record is refused (so the check can fail), the schema's enums are the
 * vocabulary the engine uses, and every source id resolves.
 */
import Ajv2020 from "ajv/dist/2020";
import data from "../../src/engine/bands/bands.json";
import schema from "../../src/engine/bands/bands.schema.json";
import { BandsFile, loadBands } from "../../src/engine/bands/data";
import { BAND_UNITS, BUILT_IN_BANDS, EXCLUSIVITY_TYPES, LICENSEE_TYPES, REGULATORY_PATHS, RIGHT_TYPES } from "../../src/engine";

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const clone = (): { sources: Record<string, string>; bands: Record<string, unknown>[] } => JSON.parse(JSON.stringify(data));
const errors = (): string => (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`).join("; ");

test("bands.json validates against bands.schema.json", () => {
  expect(validate(data) ? "" : errors()).toBe("");
});

describe("a broken record is refused", () => {
  const broken: [string, (b: Record<string, unknown>) => void, string][] = [
    ["an unknown unit", (b) => (b.unit = "percent"), "/bands/0/unit"],
    ["a condition outside its list", (b) => (b.licensee = "university"), "/bands/0/licensee"],
    ["a missing field", (b) => delete b.locator, "/bands/0"],
    ["a field the schema does not know", (b) => (b.note = "x"), "/bands/0"],
    ["a low given as text", (b) => (b.low = "5%"), "/bands/0/low"],
    ["a year that is not a whole number", (b) => (b.year = 2025.5), "/bands/0/year"],
    ["a page not written p.N", (b) => (b.page = "page 8"), "/bands/0/page"],
    ["seed evidence with nothing printed", (b) => (b.seed = { section: "事例②", printed: [] }), "/bands/0/seed/printed"],
  ];
  test.each(broken)("%s", (_what, breakIt, path) => {
    const file = clone();
    breakIt(file.bands[0]);
    expect(validate(file)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toContain(path);
  });
});

test("the schema's enums are the engine's vocabulary", () => {
  const band = schema.$defs.band.properties;
  expect(band.unit.enum).toEqual([...BAND_UNITS]);
  expect(band.right.enum).toEqual([...RIGHT_TYPES]);
  expect(band.regulatory.enum).toEqual([...REGULATORY_PATHS]);
  expect(band.licensee.enum).toEqual([...LICENSEE_TYPES]);
  expect(band.exclusivity.enum).toEqual([...EXCLUSIVITY_TYPES]);
});

test("every band's source id names a document of the sources map, and loading replaces it with the document", () => {
  expect(BUILT_IN_BANDS).toHaveLength(data.bands.length);
  BUILT_IN_BANDS.forEach((b, i) => {
    expect(Object.keys(data.sources)).toContain(data.bands[i].source);
    expect(b.source).toBe((data.sources as Record<string, string>)[data.bands[i].source]);
  });
  const file = clone();
  file.bands[0].source = "no_such_source";
  expect(() => loadBands(file as unknown as BandsFile)).toThrow(/case02_portfolio_equity cites the source "no_such_source"/);
});
