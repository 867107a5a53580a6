/**
 * The help of every `output`/`outputs` argument (SCENARIO, RANGE, SIMULATE, SENSITIVITY), in the JSDoc
 * and in src/functions/locale/ja.json, lists the outputs by hand. It must name exactly the engine's
 * OUTPUTS (plus the words a function accepts itself, e.g. SCENARIO's "table"), so a new output cannot
 * be left out of Excel's help, nor a removed one linger there.
 */
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_RANGE_OUTPUTS, OUTPUTS } from "../../src/engine";
import { METADATA } from "./helpers";

const KEYS = OUTPUTS.map((o) => o.key as string);

/** Words an output argument accepts besides the outputs, per function. */
const ALSO_ACCEPTED: Record<string, string[]> = { SCENARIO: ["components", "table"] };

const JA = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../src/functions/locale/ja.json"), "utf8")) as Record<
  string,
  { description: string; parameters: Record<string, { description: string }> }
>;

const IDENTIFIER = "[a-z][a-z0-9_]*";
/** Comma-separated lists of three or more keys (rnpv, npv, rate25, …); shorter runs are prose ("default, risk-adjusted"). */
const LIST = new RegExp(`\\b${IDENTIFIER}(?:, ${IDENTIFIER}){2,}\\b`, "g");

/** The keys a help text names: quoted ("npv") or in a comma-separated list. */
function named(text: string): string[] {
  const quoted = [...text.matchAll(new RegExp(`"(${IDENTIFIER})"`, "g"))].map((m) => m[1]);
  const listed = [...text.matchAll(LIST)].flatMap((m) => m[0].split(", "));
  return [...new Set([...quoted, ...listed])].sort();
}

/** Every argument named output or outputs, with its English and Japanese help. */
const OUTPUT_ARGUMENTS = METADATA.flatMap((f) =>
  f.parameters
    .filter((p) => p.name === "output" || p.name === "outputs")
    .map((p) => ({ id: f.id, parameter: p.name, en: p.description, ja: JA[f.id].parameters[p.name].description }))
);

test("the output arguments include SCENARIO's, RANGE's, SIMULATE's and SENSITIVITY's", () => {
  expect(OUTPUT_ARGUMENTS.map((a) => `${a.id}.${a.parameter}`)).toEqual(
    expect.arrayContaining(["SCENARIO.output", "RANGE.outputs", "SIMULATE.output", "SENSITIVITY.output"])
  );
});

describe.each(OUTPUT_ARGUMENTS.map((a) => [`${a.id}.${a.parameter}`, a]))("%s", (_, a) => {
  const expected = [...KEYS, ...(ALSO_ACCEPTED[a.id] ?? [])].sort();

  test("its JSDoc names exactly the outputs it accepts", () => {
    expect(named(a.en)).toEqual(expected);
  });

  test("its Japanese help names exactly the outputs it accepts", () => {
    expect(named(a.ja)).toEqual(expected);
  });
});

test("RANGE's outputs help gives DEFAULT_RANGE_OUTPUTS as its default, in both languages", () => {
  const range = OUTPUT_ARGUMENTS.find((a) => a.id === "RANGE")!;
  for (const text of [range.en, range.ja]) {
    const lists = [...text.matchAll(LIST)].map((m) => m[0]);
    expect(lists[lists.length - 1]).toBe(DEFAULT_RANGE_OUTPUTS.join(", "));
  }
});

test("SCENARIO's description names every output, in both languages", () => {
  const scenario = METADATA.find((f) => f.id === "SCENARIO")!;
  for (const text of [scenario.description, JA.SCENARIO.description]) {
    const words = named(text);
    expect(KEYS.filter((k) => !words.includes(k))).toEqual([]);
  }
});
