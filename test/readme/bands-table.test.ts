/**
 * The README's table of reference bands is generated from the dataset and checked here, so it cannot
 * drift from what IPVALUE.BAND returns. `UPDATE_README=1 npx jest test/readme` rewrites it.
 */
import { BUILT_IN_BANDS, BuiltInBand, isShareUnit } from "../../src/engine";
import { checkGeneratedSection } from "./generated";

const START = "<!-- bands:start (generated from src/engine/bands/bands.json by test/readme/bands-table.test.ts) -->";
const END = "<!-- bands:end -->";

const pct = (x: number) => `${Number((x * 100).toPrecision(6))}%`;
const num = (x: number) => x.toLocaleString("en-US", { maximumFractionDigits: 6 });

function value(b: BuiltInBand): string {
  const one = (x: number) => (isShareUnit(b.unit) ? pct(x) : b.currency ? `${b.currency} ${num(x)}` : num(x));
  return b.low === b.high ? one(b.low) : `${one(b.low)} – ${one(b.high)}`;
}

function shortSource(b: BuiltInBand): string {
  if (b.source.includes("事例集")) return "JPO case collection";
  if (b.source.includes("報告書")) return "JPO report";
  if (b.source.includes("ロイヤルティ料率データハンドブック")) return "METI 2010 handbook";
  if (b.source.startsWith("AUTM")) return "AUTM FY2011 survey (via IPWatchdog)";
  return b.source;
}

function conditions(b: BuiltInBand): string {
  return [b.right, b.regulatory, b.licensee, b.exclusivity].filter((c) => c !== "any").join(", ") || "—";
}

const cell = (s: string) => s.replace(/\|/g, "\\|");

export function bandsMarkdown(): string {
  const rows = BUILT_IN_BANDS.map((b) =>
    [b.key, value(b), b.unit, conditions(b), cell(shortSource(b)), cell(`${b.locator}${b.page ? `, ${b.page}` : ""}`), String(b.year)].join(" | ")
  );
  return [START, "| key | value | unit | conditions | source | where | data year |", "|---|---|---|---|---|---|---|", ...rows.map((r) => `| ${r} |`), END].join(
    "\n"
  );
}

test("the README lists every reference band with its value, conditions and source, as the dataset holds them", () => {
  checkGeneratedSection(START, END, bandsMarkdown());
});
