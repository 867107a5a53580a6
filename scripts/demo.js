#!/usr/bin/env node
/**
 * npm run demo: what runs on a machine without Excel. Builds a negotiator workbook (src/export) from a
 * licensing manager's bundled sample (assets/samples/negotiation-sample.json: the medical-device
 * example, one scenario, the walk-away floor and the committee's notes internal, the offer shared)
 * with exactly the builder the task pane uses, and prints the path of the .xlsx it wrote.
 *
 *   node scripts/demo.js [--lang en|ja] [--out path.xlsx] [--date YYYY-MM-DD] [--json]
 *
 * Shares what the sample does not mark internal (the task pane's default choice). --json prints a
 * line of JSON (path, sheets, scenarios shared) instead of the sentence. No build step: the TypeScript
 * sources are transpiled as they are required, with the installed compiler.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { ROOT, registerTypeScript, parseArgs } = require("./ts-require");

const USAGE = "usage: node scripts/demo.js [--lang en|ja] [--out path.xlsx] [--date YYYY-MM-DD] [--json]";

async function main() {
  const args = parseArgs(process.argv.slice(2), { lang: "en", out: path.join(ROOT, "out", "negotiator-demo.xlsx"), date: null, json: false }, USAGE);
  registerTypeScript("demo");
  const { negotiatorWorkbook } = require(path.join(ROOT, "src/export/negotiator.ts"));
  const { defaultShareChoice, selectShared } = require(path.join(ROOT, "src/export/share.ts"));
  const { IPVALUE_VERSION } = require(path.join(ROOT, "src/export/version.ts"));
  const sample = JSON.parse(fs.readFileSync(path.join(ROOT, "assets/samples/negotiation-sample.json"), "utf8"));

  const choice = defaultShareChoice(sample.set);
  const date = args.date ? new Date(`${args.date}T12:00:00`) : new Date();
  const bytes = await negotiatorWorkbook(sample.set, choice, { language: args.lang, date, version: IPVALUE_VERSION, currency: sample.currency });
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  fs.writeFileSync(args.out, bytes);

  const shared = selectShared(sample.set, choice);
  const left = sample.set.scenarios.filter((s) => !choice.scenarios.includes(s.name)).map((s) => s.name);
  if (args.json) {
    console.log(JSON.stringify({ path: args.out, language: args.lang, scenarios: shared.scenarios.map((s) => s.name), leftOut: left, bytes: bytes.length }));
  } else {
    console.log(`Negotiator workbook (${args.lang}): ${args.out}`);
    console.log(`  shared: ${shared.scenarios.map((s) => s.name).join(", ")}; results: ${shared.outputs.join(", ")}; offer ${shared.offer ?? "not shared"}`);
    const kept = ["offer", "ceiling", "floor", "notes"].filter(
      (k) => !choice.decisions.includes(k) && (k === "notes" ? sample.set.decisions.notes.text : sample.set.decisions[k].value !== null)
    );
    console.log(`  left out (internal): ${left.length} scenario(s)${kept.map((k) => `, the ${k}`).join("")}`);
    console.log("  Open it in Excel, LibreOffice or Google Sheets: every result is a native formula over the Assumptions sheet.");
  }
}

main().catch((e) => {
  console.error(`demo failed: ${e && e.message ? e.message : e}`);
  process.exit(1);
});
