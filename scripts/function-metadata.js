/**
 * Where the custom functions are declared, and their metadata read straight from the sources.
 * src/functions/functions.ts re-exports one file per family; those files, in its order, are what
 * custom-functions-metadata-plugin parses (webpack.config.js) and what the tests and the generated
 * reference text (README, help page) read, so a new family is one line there and a new function is its
 * JSDoc in its family's file. The plugin does not follow re-exports, hence the list.
 */
"use strict";
const { createHash } = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const ENTRY = path.join(ROOT, "src", "functions", "functions.ts");

/** The family files re-exported by functions.ts, absolute paths, in its order. */
function functionFiles() {
  const source = fs.readFileSync(ENTRY, "utf8");
  // Comments aside, the entry holds only `export * from "./family";` lines.
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  const files = [];
  for (const line of code
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")) {
    const m = /^export \* from "\.\/([\w-]+)";$/.exec(line);
    if (!m) throw new Error(`${path.relative(ROOT, ENTRY)} may only re-export families (export * from "./family";), not: ${line}`);
    files.push(path.join(ROOT, "src", "functions", `${m[1]}.ts`));
  }
  if (files.length === 0) throw new Error(`${path.relative(ROOT, ENTRY)} re-exports no family`);
  return files;
}

/** The metadata generator the webpack plugin uses (its own dependency, so the same version). */
const generatorPath = () => require.resolve("custom-functions-metadata", { paths: [path.dirname(require.resolve("custom-functions-metadata-plugin"))] });
const generator = () => require(generatorPath());
const generatorVersion = () => {
  const dir = path.dirname(path.dirname(generatorPath())); // …/custom-functions-metadata/lib/main.js
  return JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).version;
};

/**
 * The metadata functions.json holds ({ functions }), and which export of which file each id is
 * bound to, parsed synchronously from the family files as the plugin parses them.
 */
function functionMetadata() {
  const files = functionFiles();
  const sources = files.map((file) => fs.readFileSync(file, "utf8"));
  // Loading the parser (the TypeScript compiler) takes about a second, in every test file that asks;
  // the result is kept in the system's temporary directory, keyed by the files' paths and contents.
  const key = createHash("sha256")
    .update(JSON.stringify([generatorVersion(), files, sources]))
    .digest("hex")
    .slice(0, 16);
  const cached = path.join(os.tmpdir(), "ipvalue-function-metadata", `${key}.json`);
  if (fs.existsSync(cached)) return JSON.parse(fs.readFileSync(cached, "utf8"));
  const { parseTree } = generator();
  const functions = [];
  const associate = [];
  files.forEach((file, i) => {
    const result = parseTree(sources[i], file);
    const errors = result.extras.flatMap((e) => e.errors);
    if (errors.length > 0) throw new Error(`${path.relative(ROOT, file)}: ${errors.join("; ")}`);
    functions.push(...result.functions);
    associate.push(...result.associate);
  });
  const parsed = { metadata: { allowCustomDataForDataTypeAny: true, functions }, associate };
  try {
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    const partial = `${cached}.${process.pid}`; // renamed into place: parallel test workers never read half a file
    fs.writeFileSync(partial, JSON.stringify(parsed));
    fs.renameSync(partial, cached);
  } catch {
    // no cache, only slower
  }
  return parsed;
}

module.exports = { functionFiles, functionMetadata };
