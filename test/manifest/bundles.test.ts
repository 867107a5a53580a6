/**
 * The built scripts (dist/, `npm run build` first), read through their source maps: each module of src/
 * is in one script only, so the engine that the custom functions and the pane share loads and runs once
 * on the shared-runtime page (functions.js owns it; taskpane.js depends on it), and taskpane.html loads
 * functions.js before taskpane.js.
 */
import * as fs from "fs";
import * as path from "path";

const DIST = path.resolve(__dirname, "../../dist");
const maps = fs.readdirSync(DIST).filter((f) => f.endsWith(".js.map"));
/** The project's modules (src/…) a built script holds, from its source map. */
const modulesOf = (map: string): string[] =>
  (JSON.parse(fs.readFileSync(path.join(DIST, map), "utf8")) as { sources: string[] }).sources
    .map((s) => s.replace(/^webpack:\/\/[^/]*\/\.\//, ""))
    .filter((s) => s.startsWith("src/"));

test("no module of src/ is bundled into two scripts: the engine is in functions.js only, not in taskpane.js too", () => {
  const where = new Map<string, string[]>();
  for (const map of maps) for (const m of modulesOf(map)) where.set(m, [...(where.get(m) ?? []), map.replace(/\.map$/, "")]);
  const twice = [...where].filter(([, files]) => files.length > 1).map(([m, files]) => `${m}: ${files.join(", ")}`);
  expect(twice).toEqual([]);
  const engine = [...where].filter(([m]) => m.startsWith("src/engine/"));
  expect(engine.length).toBeGreaterThan(20);
  expect(engine.filter(([, files]) => files[0] !== "functions.js").map(([m]) => m)).toEqual([]);
});

test("taskpane.html loads functions.js (the webpack runtime and the engine) before taskpane.js", () => {
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s));
  expect(scripts).toEqual(["functions.js", "taskpane.js"]);
});
