/**
 * Helpers of the export tests: run `npm run demo`'s script as a user would (a child process, plain
 * Node), and read the bundled sample it builds from.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import type { ScenarioSet } from "../../src/model/scenario-set";

export const ROOT = path.resolve(__dirname, "../..");
export const DEMO = path.join(ROOT, "scripts", "demo.js");
export const SAMPLE_PATH = path.join(ROOT, "assets", "samples", "negotiation-sample.json");

export interface Sample {
  currency: string;
  set: ScenarioSet;
}

export function readSample(): Sample {
  return JSON.parse(fs.readFileSync(SAMPLE_PATH, "utf8")) as Sample;
}

export interface DemoRun {
  path: string;
  language: string;
  scenarios: string[];
  leftOut: string[];
  bytes: number;
}

/** Runs scripts/demo.js; returns what it printed (--json). */
export function runDemo(out: string, language: "en" | "ja", date = "2026-11-23"): DemoRun {
  const printed = execFileSync(process.execPath, [DEMO, "--lang", language, "--out", out, "--date", date, "--json"], { cwd: ROOT, encoding: "utf8" });
  return JSON.parse(printed.trim().split("\n").pop()!) as DemoRun;
}

/** The sample's internal items, as the tests search for them. */
export function internalItems(sample: Sample): { scenario: string; floor: number; note: string } {
  const internal = sample.set.scenarios.filter((s) => s.internal);
  if (internal.length !== 1) throw new Error("the sample should have exactly one internal scenario");
  const floor = sample.set.decisions.floor;
  if (!floor.internal || floor.value === null) throw new Error("the sample's floor should be internal and set");
  if (!sample.set.decisions.notes.internal) throw new Error("the sample's notes should be internal");
  return { scenario: internal[0].name, floor: floor.value, note: sample.set.decisions.notes.text };
}

/** Each cell of a workbook with what a reader sees in it: a formula's cached result, else its value. */
export function eachValue(wb: ExcelJS.Workbook, f: (where: string, value: unknown, cell: ExcelJS.Cell) => void): void {
  wb.eachSheet((ws) =>
    ws.eachRow((row) => row.eachCell((cell) => f(`${ws.name}!${cell.address}`, cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value, cell)))
  );
}
