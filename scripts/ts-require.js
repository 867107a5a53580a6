/**
 * What `npm run demo` and `npm run report` share: require() of src/**.ts transpiled on the fly (no
 * build step; type checking is `npm run typecheck`), and the reading of their common arguments.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const ROOT = path.resolve(__dirname, "..");
const SRC = path.join(ROOT, "src") + path.sep;

/** require() of src/**.ts: transpiled to CommonJS on the fly; `who` names the script in an error. */
function registerTypeScript(who) {
  if (require.extensions[".ts"]) return;
  require.extensions[".ts"] = (module, filename) => {
    if (!filename.startsWith(SRC)) throw new Error(`${who}: only src/ TypeScript is loaded, not ${filename}`);
    const source = fs.readFileSync(filename, "utf8");
    const out = ts.transpileModule(source, {
      fileName: filename,
      reportDiagnostics: true,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, sourceMap: false },
    });
    const errors = (out.diagnostics || []).filter((d) => d.category === ts.DiagnosticCategory.Error);
    if (errors.length > 0) throw new Error(`${filename}: ${errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("; ")}`);
    module._compile(out.outputText, filename);
  };
}

/**
 * Reads --lang en|ja, --out path, --date YYYY-MM-DD and --json into `args` (its defaults), and the
 * script's own flags: `own[flag](args, next)`; --help prints `usage`.
 */
function parseArgs(argv, args, usage, own = {}) {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--lang") args.lang = next();
    else if (a === "--out") args.out = path.resolve(next());
    else if (a === "--date") args.date = next();
    else if (a === "--json") args.json = true;
    else if (own[a]) own[a](args, next);
    else if (a === "--help" || a === "-h") {
      console.log(usage);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!["en", "ja"].includes(args.lang)) throw new Error(`--lang must be en or ja; got ${args.lang}`);
  if (args.date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(args.date)) throw new Error(`--date must be YYYY-MM-DD; got ${args.date}`);
  return args;
}

module.exports = { ROOT, registerTypeScript, parseArgs };
