/**
 * The built functions.json is exactly the metadata of the family files functions.ts re-exports, so the
 * build read every family (webpack.config.js gives the plugin the same list) and the tests, which
 * read the sources, test what Excel is given. Needs `npm run build` first, like locale.test.ts.
 */
import * as fs from "fs";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build step is plain JS
const { functionMetadata } = require("../../scripts/function-metadata.js") as { functionMetadata: () => { metadata: unknown } };

test("dist/functions.json is, byte for byte, what the family files' JSDoc makes", () => {
  const file = path.resolve(__dirname, "../../dist/functions.json");
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run build first (npm test does)`);
  // The plugin writes JSON.stringify(metadata, null, 4).
  expect(fs.readFileSync(file, "utf8")).toBe(JSON.stringify(functionMetadata().metadata, null, 4));
});
