/**
 * The help page the manifest links to names every function the add-in registers, with its description
 * in English and Japanese: that list is generated from the functions' metadata (the JSDoc and
 * src/functions/locale/ja.json, by scripts/function-reference.js) and checked here.
 * `UPDATE_HELP=1 npx jest test/manifest/help.test.ts` rewrites it.
 */
import * as fs from "fs";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the generator is plain JS, shared with the README's test
const reference = require("../../scripts/function-reference.js") as {
  helpSection: () => string;
  helpSectionIn: (page: string) => string | undefined;
  updatedHelp: (page: string) => string;
};

const root = path.resolve(__dirname, "../..");
const HELP = path.join(root, "src", "taskpane", "help.html");

test("help.html lists every function id of functions.json", () => {
  const metadata = JSON.parse(fs.readFileSync(path.join(root, "dist", "functions.json"), "utf8")) as { functions: { id: string }[] };
  const help = fs.readFileSync(HELP, "utf8");
  const missing = metadata.functions.map((f) => f.id).filter((id) => !new RegExp(`\\b${id}\\b`).test(help));
  expect(missing).toEqual([]);
});

test("help.html's function reference is what the JSDoc and the Japanese table say", () => {
  if (process.env.UPDATE_HELP === "1") fs.writeFileSync(HELP, reference.updatedHelp(fs.readFileSync(HELP, "utf8")));
  const help = fs.readFileSync(HELP, "utf8");
  expect(reference.helpSectionIn(help)).toBe(reference.helpSection());
});
