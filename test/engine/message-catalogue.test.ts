/**
 * The message catalogue (src/engine/messages/messages.json): it validates against its schema, every
 * entry has an English and a Japanese template with the same placeholders, no Japanese template is an
 * English sentence left untranslated, params.ts (the placeholders' types) is what the catalogue
 * generates (`UPDATE_MESSAGES=1 npx jest test/engine/message-catalogue` rewrites it), and every error
 * the sources raise names a catalogue entry.
 */
import Ajv2020 from "ajv/dist/2020";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import catalogue from "../../src/engine/messages/messages.json";
import schema from "../../src/engine/messages/messages.schema.json";

const ROOT = path.resolve(__dirname, "../..");
const PARAMS = path.join(ROOT, "src/engine/messages/params.ts");
const messages: Record<string, { en: string; ja: string }> = catalogue.messages;
const ids = Object.keys(messages);

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const clone = (): { messages: Record<string, Record<string, unknown>> } => JSON.parse(JSON.stringify(catalogue));

/** The placeholders of a template, in order of first appearance. */
const placeholders = (template: string): string[] => [...new Set([...template.matchAll(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g)].map((m) => m[1]))];
/** Entries whose English and Japanese templates fill different placeholders. */
const mismatched = (file: { messages: Record<string, { en: string; ja: string }> }): string[] =>
  Object.entries(file.messages)
    .filter(([, m]) => placeholders(m.en).sort().join() !== placeholders(m.ja).sort().join())
    .map(([id]) => id);
/** Japanese, full-width forms and CJK punctuation: a translated template has at least one. */
const CJK = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/;

test("messages.json validates against messages.schema.json", () => {
  expect(validate(catalogue) ? "" : JSON.stringify(validate.errors)).toBe("");
  expect(ids.length).toBeGreaterThan(100);
});

describe("a broken entry is refused by the schema", () => {
  const broken: [string, (m: Record<string, unknown>) => void, string][] = [
    ["a missing Japanese template", (m) => delete m.ja, "/messages/no-scenario"],
    ["a Japanese template left in English", (m) => (m.ja = m.en), "/messages/no-scenario/ja"],
    ["an empty English template", (m) => (m.en = ""), "/messages/no-scenario/en"],
    ["a language the schema does not know", (m) => (m.fr = "aucun scénario"), "/messages/no-scenario"],
  ];
  test.each(broken)("%s", (_what, breakIt, at) => {
    const file = clone();
    breakIt(file.messages["no-scenario"]);
    expect(validate(file)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toContain(at);
  });

  test("an id that is not lower-case words joined by hyphens", () => {
    const file = clone();
    file.messages["No Scenario"] = file.messages["no-scenario"];
    expect(validate(file)).toBe(false);
  });
});

test("every entry has both languages", () => {
  const missing = ids.filter((id) => !(messages[id].en?.trim() && messages[id].ja?.trim()));
  expect(missing).toEqual([]);
});

test("every entry fills the same placeholders in English and Japanese", () => {
  expect(mismatched(catalogue)).toEqual([]);
  // The check can fail: a Japanese template that drops a placeholder is found.
  const file = clone() as unknown as { messages: Record<string, { en: string; ja: string }> };
  file.messages["scenario-not-in-table"].ja = "シナリオは表にありません";
  expect(mismatched(file)).toEqual(["scenario-not-in-table"]);
});

test("no Japanese template is an English sentence: each has a Japanese character", () => {
  expect(ids.filter((id) => !CJK.test(messages[id].ja))).toEqual([]);
  expect(CJK.test("{argument} is empty")).toBe(false);
});

test("Japanese templates quote with 「」 and list with 、, not with ASCII quotes around a placeholder or ', '", () => {
  const ascii = ids.filter((id) => /'\{\w+\}'|"\{\w+\}"|, /.test(messages[id].ja.replace(/"[a-z_ ]+"/g, "")));
  expect(ascii).toEqual([]);
});

/** params.ts as the catalogue makes it: each id with the placeholders of its English template. */
function generatedParams(): string {
  const identifier = /^[A-Za-z_$][\w$]*$/;
  const rows = ids.map((id) => {
    const names = placeholders(messages[id].en);
    const type = names.length === 0 ? "Record<never, never>" : `{ ${names.map((n) => `${n}: Param`).join("; ")} }`;
    return `  ${identifier.test(id) ? id : JSON.stringify(id)}: ${type};`;
  });
  const text = [
    "// Generated from messages.json by test/engine/message-catalogue.test.ts (UPDATE_MESSAGES=1 npx jest test/engine/message-catalogue): do not edit.",
    'import type { Param } from "../errors";',
    "",
    "/** Each message's placeholders, from its English template. */",
    "export interface MessageParams {",
    ...rows,
    "}",
    "",
    "export type MessageId = keyof MessageParams;",
    "",
  ].join("\n");
  // Written as Prettier writes it (quotes only where an id needs them; every row fits the print width), so lint passes on it.
  return text;
}

test("params.ts is what messages.json generates", () => {
  const expected = generatedParams();
  expect(expected.split("\n").filter((l) => l.length > 160)).toEqual([]);
  if (process.env.UPDATE_MESSAGES === "1") fs.writeFileSync(PARAMS, expected);
  expect(fs.readFileSync(PARAMS, "utf8")).toBe(expected);
});

// ------------------------------------------------------------------ every raised error is a catalogue entry

const FACTORIES = new Set(["invalidValue", "invalidNumber", "notAvailable", "phrase", "finiteResult"]);

interface Raise {
  file: string;
  line: number;
  /** The id named (a string literal), a template literal's pattern, or null when the call names no id. */
  id: string | null;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Every call of an error factory (and new ValuationError) in the sources, with the id it names. */
function raises(): Raise[] {
  const out: Raise[] = [];
  for (const file of sourceFiles(path.join(ROOT, "src"))) {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node): void => {
      let arg: ts.Expression | undefined;
      let isRaise = false;
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && FACTORIES.has(n.expression.text)) {
        isRaise = true;
        arg = n.expression.text === "finiteResult" ? n.arguments[1] : n.arguments[0];
      }
      if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === "ValuationError") {
        isRaise = true;
        arg = n.arguments?.[1];
      }
      if (isRaise && !(ts.isFunctionDeclaration(n.parent) || (file.endsWith(path.join("engine", "errors.ts")) && arg && !ts.isStringLiteral(arg)))) {
        // A conditional names one id or the other ("required-key-missing" or "required-keys-missing"): both are checked.
        const branches = arg && ts.isConditionalExpression(arg) ? [arg.whenTrue, arg.whenFalse] : [arg];
        for (const b of branches) {
          const id =
            b && ts.isStringLiteral(b) ? b.text : b && ts.isNoSubstitutionTemplateLiteral(b) ? b.text : b && ts.isTemplateExpression(b) ? b.getText(sf) : null;
          out.push({ file: path.relative(ROOT, file), line: sf.getLineAndCharacterOfPosition(n.getStart()).line + 1, id });
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

/** A template literal id (`milestone-row-${part}`) as the ids it can be. */
const idsOf = (id: string): string[] => {
  if (!id.startsWith("`")) return [id];
  const pattern = new RegExp(`^${id.slice(1, -1).replace(/\$\{[^}]+\}/g, "[a-z0-9-]+")}$`);
  return ids.filter((i) => pattern.test(i));
};

/** The files whose errors come from the catalogue: every file of src that raises one. */
const CONVERTED = [
  "src/engine/assumptions.ts",
  "src/engine/bands/filter.ts",
  "src/engine/bands/lookup.ts",
  "src/engine/bands/statistics.ts",
  "src/engine/bands/user-bands.ts",
  "src/engine/deal.ts",
  "src/engine/discount.ts",
  "src/engine/errors.ts",
  "src/engine/extract-terms.ts",
  "src/engine/forecast.ts",
  "src/engine/offer.ts",
  "src/engine/post-signing.ts",
  "src/engine/rates.ts",
  "src/engine/reference.ts",
  "src/engine/sampling.ts",
  "src/engine/scenario.ts",
  "src/engine/simulate.ts",
  "src/engine/spider.ts",
  "src/engine/terms/presets.ts",
  "src/functions/bands.ts",
  "src/functions/comparables.ts",
  "src/functions/deal.ts",
  "src/functions/discounting.ts",
  "src/functions/excel.ts",
  "src/functions/rates.ts",
  "src/functions/simulation.ts",
  "src/model/table-layout.ts",
];

test("every error the sources raise names a catalogue entry, in every file that raises one", () => {
  const all = raises();
  const files = [...new Set(all.map((r) => r.file))].sort();
  expect(files).toEqual(CONVERTED);
  const unnamed = all.filter((r) => r.id === null || idsOf(r.id).length === 0).map((r) => `${r.file}:${r.line} ${r.id}`);
  expect(unnamed).toEqual([]);
  expect(all.length).toBeGreaterThan(150);
});

test("every catalogue entry is used by the sources", () => {
  const used = new Set(raises().flatMap((r) => (r.id ? idsOf(r.id) : [])));
  // Entries passed by id to a helper (excel.ts renders unexpected-error itself) count as used where named.
  const text = sourceFiles(path.join(ROOT, "src"))
    .map((f) => fs.readFileSync(f, "utf8"))
    .join("\n");
  expect(ids.filter((id) => !used.has(id) && !text.includes(`"${id}"`))).toEqual([]);
});
