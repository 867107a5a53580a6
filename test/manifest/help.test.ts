/**
 * The help pages served with the add-in (help.html, help-ja.html): the build writes them from the
 * metadata it emits (functions.json, functions-ja.json), each function in a section that its helpUrl
 * (the JSDoc's @helpurl) points at, so Excel's "Help on this function" opens that function's text in
 * Office's language. Needs `npm run build` (dist/).
 */
import * as fs from "fs";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the generator is plain JS, shared with the build
const reference = require("../../scripts/function-reference.js") as {
  functionsIn: (lang: string) => Fn[];
  helpPageName: (lang: string) => string;
  helpAnchor: (id: string) => string;
  helpPage: (template: string, functions: Fn[], lang: string) => string;
  helpTemplate: (lang: string) => string;
};

interface Fn {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  parameters: { name: string; description: string }[];
}

const root = path.resolve(__dirname, "../..");
const dist = (file: string) => path.join(root, "dist", file);
const DEV = "https://localhost:3000/";
const LANGUAGES = [
  ["en", "functions.json"],
  ["ja", "functions-ja.json"],
] as const;

/** The section with that id (from its opening tag to its </section>), or undefined. */
function section(page: string, id: string): string | undefined {
  const at = page.indexOf(`<section id="${id}"`);
  return at < 0 ? undefined : page.slice(at, page.indexOf("</section>", at));
}

const unescape = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

test("every @helpurl of the JSDoc points at its own function's section of help.html", () => {
  const functions = reference.functionsIn("en");
  expect(functions.length).toBeGreaterThan(20);
  const wrong = functions.filter((f) => f.helpUrl !== `${DEV}help.html#ipvalue-${f.id.toLowerCase()}`).map((f) => `${f.id}: ${f.helpUrl}`);
  expect(wrong).toEqual([]);
});

describe.each(LANGUAGES)("%s: %s", (lang, file) => {
  const functions = () => (JSON.parse(fs.readFileSync(dist(file), "utf8")) as { functions: Fn[] }).functions;
  const page = () => fs.readFileSync(dist(reference.helpPageName(lang)), "utf8");

  test("every function has a helpUrl to its section of the page of its language, and that section describes it", () => {
    const built = page();
    expect(built).toMatch(new RegExp(`<html lang="${lang}">`));
    for (const f of functions()) {
      const url = new URL(f.helpUrl ?? `${DEV}no-help-url-for-${f.id}`);
      expect(`${url.origin}${url.pathname}`).toBe(`${DEV}${reference.helpPageName(lang)}`);
      expect(url.hash).toBe(`#${reference.helpAnchor(f.id)}`);
      const text = section(built, url.hash.slice(1));
      expect(text ?? `no section ${url.hash} in ${reference.helpPageName(lang)}`).toContain(`IPVALUE.${f.name}(`);
      const plain = unescape(text!);
      expect(plain).toContain(f.description);
      for (const p of f.parameters) expect(plain).toContain(p.description);
      // Anchors are unique: one element per id.
      expect(built.split(`id="${reference.helpAnchor(f.id)}"`).length - 1).toBe(1);
    }
  });

  test("the built page is the template with the reference of the JSDoc and the translation table (no stale dist)", () => {
    expect(page()).toBe(reference.helpPage(reference.helpTemplate(lang), reference.functionsIn(lang), lang));
  });

  test("each section links to the same function in the other language, and that section exists", () => {
    const built = page();
    const other = lang === "en" ? "ja" : "en";
    const otherPage = fs.readFileSync(dist(reference.helpPageName(other)), "utf8");
    for (const f of functions()) {
      const link = `${reference.helpPageName(other)}#${reference.helpAnchor(f.id)}`;
      expect(section(built, reference.helpAnchor(f.id))).toContain(`href="${link}"`);
      expect(section(otherPage, reference.helpAnchor(f.id))).toBeDefined();
    }
  });

  test("the page sends nothing elsewhere: no script, no other origin, every link it makes is served", () => {
    const built = page();
    expect(built).not.toMatch(/<script/i);
    expect(built).not.toMatch(/(?:src|href)="(?:https?:)?\/\//i);
    expect(built).not.toMatch(/README/);
    const files = [...built.matchAll(/(?:src|href)="([^"#][^"]*)"/g)].map((m) => m[1].replace(/#.*$/, ""));
    expect(files).toEqual(expect.arrayContaining(["help.css"]));
    for (const f of files) expect(fs.existsSync(dist(f)) ? f : `missing dist/${f}`).toBe(f);
  });
});
