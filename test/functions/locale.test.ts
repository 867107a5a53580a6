/**
 * The Japanese function metadata (functions-ja.json) made at build from functions.json and
 * src/functions/locale/ja.json: complete, in Japanese, and structurally identical to the English.
 */
import * as fs from "fs";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build step is plain JS
const { localizeFunctions } = require("../../scripts/localize-functions.js") as {
  localizeFunctions: (metadata: Metadata, table: Record<string, unknown>, lang: string) => Metadata;
};

interface Parameter {
  name: string;
  description: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Metadata {
  functions: { id: string; name: string; description: string; parameters: Parameter[]; result: unknown }[];
}

const dist = path.resolve(__dirname, "../../dist");
const read = (file: string): Metadata => {
  const p = path.join(dist, file);
  if (!fs.existsSync(p)) throw new Error(`${p} is missing: run npm run build first (npm test does)`);
  return JSON.parse(fs.readFileSync(p, "utf8"));
};
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe("functions-ja.json", () => {
  const en = read("functions.json");
  const ja = read("functions-ja.json");

  test("has the same functions, ids, names and parameter types as functions.json", () => {
    expect(ja.functions.map((f) => f.id)).toEqual(en.functions.map((f) => f.id));
    ja.functions.forEach((f, i) => {
      const e = en.functions[i];
      expect(f.name).toBe(e.name); // IPVALUE.DCF stays IPVALUE.DCF in Japanese Excel
      expect(f.result).toEqual(e.result);
      expect(f.parameters.map(({ type, dimensionality, optional }) => ({ type, dimensionality, optional }))).toEqual(
        e.parameters.map(({ type, dimensionality, optional }) => ({ type, dimensionality, optional }))
      );
    });
  });

  test("every description and parameter name is in Japanese", () => {
    for (const f of ja.functions) {
      expect(JAPANESE.test(f.description) ? f.id : `${f.id}: not Japanese`).toBe(f.id);
      for (const p of f.parameters) {
        expect(JAPANESE.test(p.name) && JAPANESE.test(p.description) ? p.name : `${f.id}.${p.name}: not Japanese`).toBe(p.name);
      }
    }
  });

  test("the RATE25 help keeps the warning that the 25% rule is only a cross-check (Uniloc)", () => {
    expect(ja.functions.find((f) => f.id === "RATE25")!.description).toMatch(/Uniloc/);
    expect(en.functions.find((f) => f.id === "RATE25")!.description).toMatch(/cross-check.*Uniloc/);
  });
});

describe("localizeFunctions refuses an incomplete translation table", () => {
  const en = read("functions.json");
  const table = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../src/functions/locale/ja.json"), "utf8"));

  test("a function without a translation", () => {
    const { DCF: _dropped, ...rest } = table;
    expect(() => localizeFunctions(en, rest, "ja")).toThrow(/no translation for function DCF/);
  });

  test("a parameter without a translation", () => {
    const broken = structuredClone(table);
    delete broken.SALES.parameters.launch_year;
    expect(() => localizeFunctions(en, broken, "ja")).toThrow(/SALES parameter launch_year needs a name and a description/);
  });

  test("a translation for a function or parameter that no longer exists", () => {
    const stale = structuredClone(table);
    stale.OLDFN = { description: "古い関数", parameters: {} };
    stale.DCF.parameters.discount = { name: "割引", description: "古い引数" };
    expect(() => localizeFunctions(en, stale, "ja")).toThrow(/unknown function OLDFN[\s\S]*DCF translates unknown parameter discount/);
  });
});
