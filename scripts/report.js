#!/usr/bin/env node
/**
 * npm run report: the committee report (評価レポート) without Excel. Builds the report (src/export/report.ts)
 * from a bundled sample (assets/samples/committee-sample.json: the medical-device example with the
 * committee's offer as a term sheet, a floor and a ceiling, one internal scenario) with exactly the
 * builder the task pane uses, and prints the path of the .xlsx it wrote.
 *
 *   node scripts/report.js [--lang en|ja] [--out path.xlsx] [--date YYYY-MM-DD] [--sample path.json] [--no-internal] [--json]
 *
 * --no-internal leaves the internal scenarios out of the committee's range (the report says so);
 * --json prints a line of JSON (path, scope, charts) instead of the sentence. No build step: the
 * TypeScript sources are transpiled as they are required, with the installed compiler.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { ROOT, registerTypeScript, parseArgs } = require("./ts-require");

const USAGE = "usage: node scripts/report.js [--lang en|ja] [--out path.xlsx] [--date YYYY-MM-DD] [--sample path.json] [--no-internal] [--json]";
const OWN = {
  "--sample": (args, next) => (args.sample = path.resolve(next())),
  "--no-internal": (args) => (args.internal = false),
};

async function main() {
  const defaults = { lang: "en", out: path.join(ROOT, "out", "committee-report.xlsx"), date: null, json: false };
  const args = parseArgs(process.argv.slice(2), { ...defaults, sample: path.join(ROOT, "assets/samples/committee-sample.json"), internal: true }, USAGE, OWN);
  registerTypeScript("report");
  const { buildCommitteeReport, committeeReport } = require(path.join(ROOT, "src/export/report.ts"));
  const { IPVALUE_VERSION } = require(path.join(ROOT, "src/export/version.ts"));
  const { isoDate } = require(path.join(ROOT, "src/model/a1.ts"));
  const sample = JSON.parse(fs.readFileSync(args.sample, "utf8"));

  const date = args.date ?? isoDate(new Date());
  const options = { language: args.lang, date, version: IPVALUE_VERSION, currency: sample.currency, includeInternal: args.internal };
  const bytes = await committeeReport(sample.set, options);
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  fs.writeFileSync(args.out, bytes);

  const { facts, charts } = buildCommitteeReport(sample.set, options);
  if (args.json) {
    console.log(
      JSON.stringify({
        path: args.out,
        language: args.lang,
        scope: facts.scope,
        charts: charts.map((c) => c.kind),
        sections: facts.sectionRows,
        bytes: bytes.length,
      })
    );
  } else {
    console.log(`Committee report (${args.lang}): ${args.out}`);
    const s = facts.scope;
    console.log(
      `  range covers: ${s.covered.join(", ")}${s.internalIncluded.length ? ` (includes internal: ${s.internalIncluded.join(", ")})` : ""}; base: ${s.base}`
    );
    console.log("  Internal — committee use only. Print it (A4 portrait) or convert it: soffice --headless --convert-to pdf <file>.");
  }
}

main().catch((e) => {
  console.error(`report failed: ${e && e.message ? e.message : e}`);
  process.exit(1);
});
