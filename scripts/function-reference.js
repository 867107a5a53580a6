/**
 * The function reference written out of the functions' own metadata (the JSDoc of the family files
 * and src/functions/locale/ja.json), for the README (each function's heading and argument list; the
 * prose and worked examples under it are written by hand) and the help page (every function with its
 * description in English and Japanese). test/readme/functions-reference.test.ts and
 * test/manifest/help.test.ts check that both files hold exactly this text and rewrite it with
 * UPDATE_README=1 / UPDATE_HELP=1.
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
// Help page: a definition list of every function, English and Japanese.

const HELP_START =
  "<!-- functions:start (generated from the JSDoc and src/functions/locale/ja.json; UPDATE_HELP=1 npx jest test/manifest/help.test.ts rewrites) -->";
const HELP_END = "<!-- functions:end -->";

const html = (text) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/** The help page's function reference, indented for the page's <body>. */
function helpSection(en = functionsIn("en"), ja = functionsIn("ja")) {
  const lines = [HELP_START, '<h2>Functions <span lang="ja">/ 関数</span></h2>', "<dl>"];
  en.forEach((f, i) => {
    const j = ja[i];
    lines.push(
      `  <dt id="${html(f.id)}"><code>${html(signature(f))}</code></dt>`,
      `  <dd>${html(f.description)}</dd>`,
      `  <dd lang="ja"><code>${html(signature(j))}</code> ${html(j.description)}</dd>`
    );
  });
  lines.push("</dl>", HELP_END);
  return lines.map((l) => `    ${l}`).join("\n");
}

/** The help page's generated section as it stands (from the start of its first line), or undefined. */
function helpSectionIn(page) {
  const at = page.indexOf(HELP_START);
  const end = page.indexOf(HELP_END);
  if (at < 0 || end < 0) return undefined;
  return page.slice(page.lastIndexOf("\n", at) + 1, end + HELP_END.length);
}

/** The help page with its section regenerated, or added at the end of the body. */
function updatedHelp(page, section = helpSection()) {
  const current = helpSectionIn(page);
  if (current !== undefined) return page.replace(current, () => section);
  const body = page.lastIndexOf("  </body>");
  if (body < 0) throw new Error("help.html has no </body> to put the function reference before");
  return `${page.slice(0, body)}${section}\n${page.slice(body)}`;
}

module.exports = { signature, functionsIn, readmeBlocks, readmeBlock, updatedReadme, helpSection, helpSectionIn, updatedHelp };
