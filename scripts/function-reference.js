/**
 * The function reference written out of the functions' own metadata (the JSDoc of the family files
 * and src/functions/locale/ja.json), for the README (each function's heading and argument list; the
 * prose and worked examples under it are written by hand; test/readme/functions-reference.test.ts
 * checks it and rewrites it with UPDATE_README=1) and the help pages (every function with its
 * description and arguments, one page per language, written by the build; test/manifest/help.test.ts).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { functionMetadata } = require("./function-metadata");
const { localizeFunctions } = require("./localize-functions");

const ROOT = path.resolve(__dirname, "..");

/** The functions as functions.json (lang "en") or functions-<lang>.json describes them. */
function functionsIn(lang) {
  const { metadata } = functionMetadata();
  if (lang === "en") return metadata.functions;
  const table = JSON.parse(fs.readFileSync(path.join(ROOT, "src", "functions", "locale", `${lang}.json`), "utf8"));
  return localizeFunctions(metadata, table, lang).functions;
}

const argument = (p) => (p.optional ? `[${p.name}]` : p.name);

/** IPVALUE.NAME(required, [optional]): the formula as Excel's autocomplete shows it. */
const signature = (f) => `IPVALUE.${f.name}(${f.parameters.map(argument).join(", ")})`;

// ---------------------------------------------------------------------------------------------
// README: one block per "###" section; a section may describe several functions (BAND and BANDS).

const readmeStart = (ids) =>
  `<!-- function:${ids.join(",")} (heading and arguments generated from the JSDoc; UPDATE_README=1 npx jest test/readme rewrites) -->`;
const readmeEnd = (ids) => `<!-- /function:${ids.join(",")} -->`;
/** Every generated block of a README: its ids, where it starts and where it ends. */
const READMEBLOCK = /<!-- function:([A-Z0-9_,]+) [^\n]*-->\n[\s\S]*?<!-- \/function:\1 -->/g;

const markdown = (text) => text.replace(/[\\*<]/g, (c) => (c === "<" ? "&lt;" : `\\${c}`));

function readmeBlock(ids, functions) {
  const fs_ = ids.map((id) => {
    const f = functions.find((g) => g.id === id);
    if (!f) throw new Error(`README.md has a section for ${id}, which functions.json does not declare`);
    return f;
  });
  const list = (f) => f.parameters.map((p) => `- \`${argument(p)}\`: ${markdown(p.description)}`);
  const args = fs_.length === 1 ? list(fs_[0]) : fs_.flatMap((f, i) => [...(i > 0 ? [""] : []), `**${f.name}**`, ...list(f)]);
  return [
    readmeStart(ids),
    `### ${fs_.map(signature).join(" and ")}`,
    "<details><summary>Arguments</summary>",
    "",
    ...args,
    "",
    "</details>",
    "", // ends the HTML block, so the hand-written text below is read as Markdown again
    readmeEnd(ids),
  ].join("\n");
}

/** The README's generated blocks, in the order they appear: [{ ids, text, index }]. */
function readmeBlocks(readme) {
  return [...readme.matchAll(READMEBLOCK)].map((m) => ({ ids: m[1].split(","), text: m[0], index: m.index }));
}

/**
 * The README with every block regenerated; a function with no block yet gets one at the end of the
 * "## Functions" section, to be moved and given its examples by hand.
 */
function updatedReadme(readme, functions = functionsIn("en")) {
  let out = readme.replace(READMEBLOCK, (_, ids) => readmeBlock(ids.split(","), functions));
  const covered = new Set(readmeBlocks(out).flatMap((b) => b.ids));
  const missing = functions.filter((f) => !covered.has(f.id));
  if (missing.length > 0) {
    const next = out.indexOf("\n## ", out.indexOf("\n## Functions\n") + 1);
    if (next < 0) throw new Error('README.md needs a "## Functions" section followed by another "##" section');
    const added = missing.map((f) => `${readmeBlock([f.id], functions)}\n${f.description}\n`).join("\n");
    out = `${out.slice(0, next + 1)}${added}\n${out.slice(next + 1)}`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Help pages: help.html (English) and help-<lang>.html, served with the add-in. Each function has a
// section whose anchor its helpUrl (the JSDoc's @helpurl) points at; webpack.config.js writes the
// pages at build time from the functions.json and functions-<lang>.json it emits, so the pages, the
// metadata Excel reads and the JSDoc cannot disagree.

/** The page of a language: help.html for English, help-ja.html for Japanese. */
const helpPageName = (lang) => (lang === "en" ? "help.html" : `help-${lang}.html`);
/** A function's section on the help page: IPVALUE.DCF is #ipvalue-dcf. */
const helpAnchor = (id) => `ipvalue-${id.toLowerCase()}`;
/** Where the templates' reference goes. */
const HELP_MARK = /^( *)<!-- functions [^\n]*-->$/m;
/** Words of the generated part, per language. */
const HELP_WORDS = {
  en: { functions: "Functions", arguments: "Arguments", optional: "optional", other: "ja", otherName: "日本語" },
  ja: { functions: "関数", arguments: "引数", optional: "省略可", other: "en", otherName: "English" },
};

const html = (text) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/** The function reference of one language's page: a list of links, then one section per function. */
function helpSection(functions, lang) {
  const w = HELP_WORDS[lang];
  if (!w) throw new Error(`no help page words for language ${lang}`);
  const lines = [`<h2 id="functions">${w.functions}</h2>`, '<nav aria-labelledby="functions">', "  <ul>"];
  for (const f of functions) lines.push(`    <li><a href="#${helpAnchor(f.id)}">IPVALUE.${html(f.name)}</a></li>`);
  lines.push("  </ul>", "</nav>");
  for (const f of functions) {
    const anchor = helpAnchor(f.id);
    lines.push(
      `<section id="${anchor}" aria-labelledby="${anchor}-title">`,
      `  <p class="other"><a href="${helpPageName(w.other)}#${anchor}" hreflang="${w.other}" lang="${w.other}">${w.otherName}</a></p>`,
      `  <h3 id="${anchor}-title"><code>${html(signature(f))}</code></h3>`,
      `  <p>${html(f.description)}</p>`
    );
    if (f.parameters.length > 0) {
      lines.push(`  <h4>${w.arguments}</h4>`, "  <dl>");
      for (const p of f.parameters) {
        const optional = p.optional ? ` (${w.optional})` : "";
        lines.push(`    <dt><code>${html(p.name)}</code>${optional}</dt>`, `    <dd>${html(p.description)}</dd>`);
      }
      lines.push("  </dl>");
    }
    lines.push("</section>");
  }
  return lines;
}

/** A help page: its template (src/taskpane/help*.html) with the reference in place of its mark. */
function helpPage(template, functions, lang) {
  const m = HELP_MARK.exec(template);
  if (!m) throw new Error(`the ${lang} help page template has no <!-- functions … --> mark`);
  const section = helpSection(functions, lang)
    .map((l) => `${m[1]}${l}`)
    .join("\n");
  return template.replace(HELP_MARK, () => section);
}

/** The template of a language's page. */
const helpTemplate = (lang) => fs.readFileSync(path.join(ROOT, "src", "taskpane", helpPageName(lang)), "utf8");

module.exports = { signature, functionsIn, readmeBlocks, readmeBlock, updatedReadme, helpPageName, helpAnchor, helpSection, helpPage, helpTemplate };
