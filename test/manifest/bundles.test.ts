/**
 * The built scripts (dist/, `npm run build` first), read through their source maps: each module of src/
 * is in one script only, so the engine that the custom functions and the pane share loads and runs once
 * on the shared-runtime page (engine.js, which the functions' code and the pane's chunks both ask for),
 * the start view's scripts hold none of it, and taskpane.html loads functions.js (the webpack runtime and
 * the functions' associations) before taskpane.js.
 */
import * as fs from "fs";
import * as path from "path";

const DIST = path.resolve(__dirname, "../../dist");
const maps = fs.readdirSync(DIST).filter((f) => f.endsWith(".js.map"));
/** Every file a built script holds (src/…, node_modules/…), from its source map. */
const sourcesOf = (map: string): string[] =>
  (JSON.parse(fs.readFileSync(path.join(DIST, map), "utf8")) as { sources: string[] }).sources.map((s) => s.replace(/^webpack:\/\/[^/]*\/\.\//, ""));
/** The project's modules (src/…) a built script holds. */
const modulesOf = (map: string): string[] => sourcesOf(map).filter((s) => s.startsWith("src/"));

/** The one module of src/model the start view runs: EditError, whose class first-load.ts checks. */
const START_MODEL = "src/model/edit-error.ts";

test("no module of src/ is bundled into two scripts: the engine and the scenario set are in engine.js only", () => {
  const where = new Map<string, string[]>();
  for (const map of maps) for (const m of modulesOf(map)) where.set(m, [...(where.get(m) ?? []), map.replace(/\.map$/, "")]);
  const twice = [...where].filter(([, files]) => files.length > 1).map(([m, files]) => `${m}: ${files.join(", ")}`);
  expect(twice).toEqual([]);
  const engine = [...where].filter(([m]) => m.startsWith("src/engine/"));
  expect(engine.length).toBeGreaterThan(20);
  expect(engine.filter(([, files]) => files[0] !== "engine.js").map(([m]) => m)).toEqual([]);
  // But for the refusal the start view tells apart from a failure (a class of a few lines, in taskpane.js).
  const model = [...where].filter(([m]) => m.startsWith("src/model/") && m !== START_MODEL);
  expect(model.filter(([, files]) => files[0] !== "engine.js").map(([m]) => m)).toEqual([]);
});

test("functions.js associates the functions and holds none of their code: the families and the engine come on the first call", () => {
  expect(modulesOf("functions.js.map").sort()).toEqual(["src/functions/display-language.ts", "src/functions/lazy.ts", "src/functions/register.ts"]);
  expect(modulesOf("functions-impl.js.map")).toEqual(
    expect.arrayContaining(["src/functions/discounting.ts", "src/functions/scenario.ts", "src/functions/excel.ts"])
  );
  // The metadata plugin's own associate calls are taken off the family files: register.ts makes the only one.
  for (const file of ["functions.js", "functions-impl.js", "engine.js"]) {
    const calls = fs.readFileSync(path.join(DIST, file), "utf8").match(/CustomFunctions\.associate\(/g) ?? [];
    expect([file, calls.length]).toEqual([file, file === "functions.js" ? 1 : 0]);
  }
});

test("the start view's scripts hold no module of the engine or the scenario set", () => {
  const start = ["functions.js", "react-dom.js", "fluent.js", "taskpane.js"].flatMap((f) => modulesOf(`${f}.map`));
  expect(start.filter((m) => /^src\/(engine|model|export)\//.test(m) && m !== START_MODEL)).toEqual([]);
  expect(start).toEqual(expect.arrayContaining(["src/taskpane/ui/StartView.tsx", "src/taskpane/model/example-data.ts"]));
});

test("the pane's entry is split by package: React DOM, the other packages of the start view, and the pane's own code", () => {
  const packageOf = (s: string) => /^node_modules\/((@[^/]+\/)?[^/]+)/.exec(s)?.[1];
  const packages = (file: string) =>
    new Set(
      sourcesOf(file + ".map")
        .map(packageOf)
        .filter((p) => p !== undefined)
    );
  expect([...packages("react-dom.js")].sort()).toEqual(["react-dom", "scheduler"]);
  expect([...packages("fluent.js")]).toEqual(expect.arrayContaining(["@fluentui/react-button", "@griffel/core", "react"]));
  expect([...packages("fluent.js")].filter((p) => p === "react-dom" || p === "scheduler")).toEqual([]);
  expect([...packages("taskpane.js")]).toEqual([]);
  expect(modulesOf("taskpane.js.map").length).toBeGreaterThan(10);
});

test("taskpane.html states its Content-Security-Policy first, then loads functions.js (the webpack runtime and the functions' associations) and the pane's entry in three files, deferred, before office.js", () => {
  // Chromium holds back its look-ahead fetches behind a policy in a meta tag; bundles named after office.js
  // (which blocks the parser) were requested only once it had run (scripts/bench/cold-load.js).
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  const tags = [...html.matchAll(/<(script|meta http-equiv="?Content-Security-Policy)\b[^>]*>/g)].map((m) => m[0]);
  expect(tags[0]).toMatch(/^<meta http-equiv="?Content-Security-Policy/);
  const scripts = tags.slice(1).map((t) => [/\bsrc="?([^"\s>]+)/.exec(t)?.[1], /\bdefer\b/.test(t)]);
  expect(scripts).toEqual([
    ["functions.js", true],
    ["react-dom.js", true],
    ["fluent.js", true],
    ["taskpane.js", true],
    ["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", false],
  ]);
});

// The start view's entry (taskpane.js, with functions.js before it) holds the shell and the start view,
// not the editor: App.tsx and what only it uses are in editor.js, which the shell imports once the first view is up.
const EDITOR_ONLY = [
  "App.tsx",
  "AssumptionEditor.tsx",
  "ResultsPanel.tsx",
  "ScenarioBar.tsx",
  "FootballField.tsx",
  "DecisionsPanel.tsx",
  "MonitoringPanel.tsx",
].map((f) => `src/taskpane/ui/${f}`);

test("taskpane.js draws the start view without the editor; editor.js holds App.tsx and the editor's views", () => {
  const entry = modulesOf("taskpane.js.map");
  expect(entry).toEqual(expect.arrayContaining(["src/taskpane/taskpane.tsx", "src/taskpane/ui/Shell.tsx", "src/taskpane/ui/StartView.tsx"]));
  expect(entry.filter((m) => EDITOR_ONLY.includes(m))).toEqual([]);
  // Nor the workbook operations only the editor uses (the Valuation and Simulation sheets, sharing, monitoring, bands).
  expect(entry.filter((m) => /office\/(sheets|sharing|monitoring|comparables)\.ts$/.test(m))).toEqual([]);
  expect(modulesOf("editor.js.map")).toEqual(expect.arrayContaining(EDITOR_ONLY));
  // The entry asks for that chunk (import() in Shell.tsx) by its id, which the runtime in functions.js names editor.js.
  const id = /(\d+):"editor"/.exec(fs.readFileSync(path.join(DIST, "functions.js"), "utf8"))?.[1];
  expect(id).toBeDefined();
  expect(fs.readFileSync(path.join(DIST, "taskpane.js"), "utf8")).toMatch(new RegExp(`\\.e\\(${id}\\)`));
});
