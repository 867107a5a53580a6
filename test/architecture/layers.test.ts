/**
 * The layering of src/, read from the sources (parsed with the TypeScript compiler, so comments and
 * strings do not count):
 *   engine → model → (functions, export, taskpane): nothing below the task pane imports from it;
 *   src/engine and src/model are pure: no Office.js, React or Fluent UI, no Excel or Office globals;
 *   in the task pane only the Office.js adapter (src/taskpane/office) touches Excel.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");
const SRC = path.join(ROOT, "src");
const TASKPANE = path.join(SRC, "taskpane");

/** Globals of the Office hosts (office-js, custom-functions-runtime, office-runtime). */
const HOST_GLOBALS = new Set(["Excel", "Office", "OfficeExtension", "CustomFunctions", "OfficeRuntime"]);
/** Packages of the host and of the UI. */
const HOST_OR_UI_PACKAGE = /^(@microsoft\/office-js|office-|@types\/office|react($|\/|-dom)|@fluentui\/)/;

interface Source {
  file: string;
  /** Module specifiers of import/export … from, import() and require(). */
  imports: string[];
  /** Host globals the code uses (Excel.run, Excel.Range in a type, Office.onReady …), as "Name at line". */
  globals: string[];
}

function scan(file: string, text = fs.readFileSync(file, "utf8")): Source {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const imports: string[] = [];
  const globals: string[] = [];
  const at = (n: ts.Node) => `${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node): void => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier))
      imports.push(n.moduleSpecifier.text);
    if (ts.isCallExpression(n) && n.arguments.length > 0 && ts.isStringLiteralLike(n.arguments[0])) {
      const callee = n.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === "require")) imports.push(n.arguments[0].text);
    }
    if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && HOST_GLOBALS.has(n.expression.text))
      globals.push(`${n.expression.text} at line ${at(n)}`);
    if (ts.isQualifiedName(n) && ts.isIdentifier(n.left) && HOST_GLOBALS.has(n.left.text)) globals.push(`${n.left.text} at line ${at(n)}`);
    if (ts.isTypeOfExpression(n) && ts.isIdentifier(n.expression) && HOST_GLOBALS.has(n.expression.text)) globals.push(`${n.expression.text} at line ${at(n)}`);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return { file, imports, globals };
}

function sources(dir: string): Source[] {
  const out: Source[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(p));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(scan(p));
  }
  return out;
}

const inside = (file: string, dir: string) => file === dir || file.startsWith(dir + path.sep);
const rel = (file: string) => path.relative(ROOT, file);

/** Relative imports that land in src/taskpane. */
function taskpaneImports(s: Source): string[] {
  return s.imports.filter((m) => m.startsWith(".") && inside(path.resolve(path.dirname(s.file), m), TASKPANE)).map((m) => `${rel(s.file)} imports ${m}`);
}

function hostOrUi(s: Source): string[] {
  return [
    ...s.imports.filter((m) => HOST_OR_UI_PACKAGE.test(m)).map((m) => `${rel(s.file)} imports ${m}`),
    ...s.globals.map((g) => `${rel(s.file)} uses ${g}`),
  ];
}

describe("the scanner", () => {
  // A rule that cannot fail proves nothing: the scanner sees each kind of violation in a made-up file.
  const fake = scan(
    path.join(SRC, "model", "made-up.ts"),
    `// Excel.run in a comment does not count; nor does "Office.context" in a string
import type { ScenarioSet } from "../taskpane/model/results";
export { x } from "../taskpane/ui/strings";
import { useState } from "react";
const later = () => import("../taskpane/office/workbook");
let r: Excel.Range;
Office.onReady(() => Excel.run(async () => {}));`
  );

  test("finds imports from the task pane, of any form", () => {
    expect(taskpaneImports(fake)).toEqual([
      "src/model/made-up.ts imports ../taskpane/model/results",
      "src/model/made-up.ts imports ../taskpane/ui/strings",
      "src/model/made-up.ts imports ../taskpane/office/workbook",
    ]);
  });

  test("finds UI packages and host globals in code and types, not in comments or strings", () => {
    expect(hostOrUi(fake)).toEqual([
      "src/model/made-up.ts imports react",
      "src/model/made-up.ts uses Excel at line 6",
      "src/model/made-up.ts uses Office at line 7",
      "src/model/made-up.ts uses Excel at line 7",
    ]);
  });
});

describe.each(["engine", "model", "functions", "export"])("src/%s", (dir) => {
  const files = sources(path.join(SRC, dir));

  test("has sources to check", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test("imports nothing from src/taskpane", () => {
    expect(files.flatMap(taskpaneImports)).toEqual([]);
  });
});

describe.each(["engine", "model"])("src/%s is pure", (dir) => {
  test("no Office.js, React or Fluent UI imports, no Excel or Office globals", () => {
    expect(sources(path.join(SRC, dir)).flatMap(hostOrUi)).toEqual([]);
  });
});

describe("src/taskpane", () => {
  const files = sources(TASKPANE);
  const office = path.join(TASKPANE, "office");

  test("only the Office.js adapter (office/) touches Excel; the page (taskpane.tsx) only starts on Office.onReady", () => {
    const outside = files.filter((s) => !inside(s.file, office) && s.file !== path.join(TASKPANE, "taskpane.tsx"));
    expect(outside.flatMap((s) => s.globals.map((g) => `${rel(s.file)} uses ${g}`))).toEqual([]);
    const page = scan(path.join(TASKPANE, "taskpane.tsx"));
    expect(page.globals.every((g) => g.startsWith("Office "))).toBe(true);
  });

  test("the pane's pure model (model/) imports no React, Fluent UI or Office.js", () => {
    expect(files.filter((s) => inside(s.file, path.join(TASKPANE, "model"))).flatMap(hostOrUi)).toEqual([]);
  });
});
