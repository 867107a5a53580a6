/**
 * The README's heading and argument list of every function are generated from the functions' JSDoc
 * (scripts/function-reference.js) and checked here, so they cannot drift from what Excel shows; the
 * prose and examples under each heading are written by hand. `UPDATE_README=1 npx jest test/readme`
 * rewrites them, and adds a section for a new function at the end of "## Functions".
 */
import * as fs from "fs";
import * as path from "path";
import { OUTPUTS } from "../../src/engine";

interface Block {
  ids: string[];
  text: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the generator is plain JS, shared with the help page's test
const reference = require("../../scripts/function-reference.js") as {
  functionsIn: (lang: string) => { id: string }[];
  readmeBlocks: (readme: string) => Block[];
  readmeBlock: (ids: string[], functions: unknown[]) => string;
  updatedReadme: (readme: string) => string;
};

const README = path.resolve(__dirname, "../../README.md");

describe("the README's function reference", () => {
  if (process.env.UPDATE_README === "1") fs.writeFileSync(README, reference.updatedReadme(fs.readFileSync(README, "utf8")));
  const readme = fs.readFileSync(README, "utf8");
  const functions = reference.functionsIn("en");
  const blocks = reference.readmeBlocks(readme);

  test("has one section for every function of functions.json, and none for anything else", () => {
    const ids = blocks.flatMap((b) => b.ids);
    expect([...ids].sort()).toEqual(functions.map((f) => f.id).sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("each section's heading and arguments are what the JSDoc says", () => {
    for (const b of blocks) expect(b.text).toBe(reference.readmeBlock(b.ids, functions));
  });

  test("the hand-written text of SCENARIO and RANGE names every output of the engine", () => {
    for (const id of ["SCENARIO", "RANGE"]) {
      const block = blocks.find((b) => b.ids.includes(id))!;
      const after = readme.slice(readme.indexOf(block.text) + block.text.length);
      const text = after.slice(0, after.search(/\n##/)).replace(/\s+/g, " ");
      expect(
        `${id}: ${OUTPUTS.map((o) => o.key)
          .filter((k) => !new RegExp(`\\b${k}\\b`).test(text))
          .join(", ")}`
      ).toBe(`${id}: `);
    }
  });
});
