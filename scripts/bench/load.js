/**
 * Loads the TypeScript sources (src/engine, src/functions, their subfolders) into plain Node without new dependencies:
 * each .ts file is transpiled to CommonJS with the installed TypeScript compiler API into a temporary
 * directory, and the CustomFunctions stand-in of the tests (test/setup/custom-functions-stand-in.js) is
 * installed as a global before functions.js is required.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const ROOT = path.resolve(__dirname, "../..");

function installCustomFunctionsStub() {
  if (!globalThis.CustomFunctions) require("../../test/setup/custom-functions-stand-in.js");
}

/** Transpiles src/engine and src/functions; returns { engine, functions, dir, cleanup }. */
function loadSources() {
  // Inside the project (node_modules/.cache), so that the transpiled engine finds its packages
  // (pure-rand) by Node's usual lookup; the system temporary directory has no node_modules.
  const cache = path.join(ROOT, "node_modules", ".cache");
  fs.mkdirSync(cache, { recursive: true });
  const dir = fs.mkdtempSync(path.join(cache, "ipvalue-bench-"));
  const options = {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2020,
    esModuleInterop: true,
    sourceMap: false,
  };
  // Subfolders too (src/engine/bands), and the JSON data files they import (bands.json).
  const transpileDir = (from, to) => {
    fs.mkdirSync(to, { recursive: true });
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
      const name = entry.name;
      if (entry.isDirectory()) {
        transpileDir(path.join(from, name), path.join(to, name));
        continue;
      }
      if (name.endsWith(".json")) {
        fs.copyFileSync(path.join(from, name), path.join(to, name));
        continue;
      }
      if (!name.endsWith(".ts") || name.endsWith(".d.ts")) continue;
      const source = fs.readFileSync(path.join(from, name), "utf8");
      const out = ts.transpileModule(source, { compilerOptions: options, fileName: name, reportDiagnostics: true });
      const errors = (out.diagnostics || []).filter((d) => d.category === ts.DiagnosticCategory.Error);
      if (errors.length > 0) {
        throw new Error(`${path.relative(ROOT, from)}/${name}: ${errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("; ")}`);
      }
      fs.writeFileSync(path.join(to, name.replace(/\.ts$/, ".js")), out.outputText);
    }
  };
  for (const sub of ["engine", "functions"]) transpileDir(path.join(ROOT, "src", sub), path.join(dir, sub));
  installCustomFunctionsStub();
  return {
    engine: require(path.join(dir, "engine", "index.js")),
    functions: require(path.join(dir, "functions", "functions.js")),
    dir,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

module.exports = { loadSources, ROOT };
