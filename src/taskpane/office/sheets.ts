/**
 * Office.js glue for the sheets IPVALUE inserts, Valuation and Simulation: their layouts are pure
 * (../model/valuation-sheet.ts, ../model/simulation-sheet.ts); this writes them and adds the native charts.
 */
import type { Language } from "../../model/language";
import { EditError, ScenarioSet } from "../../model/scenario-set";
import type { SheetBlock } from "../model/cells";
import type { InsertedSheet } from "../ui/port";
import { simulateSet, SimulationRequest } from "../model/simulation";
import { SIMULATION_SHEET, SIMULATION_SHEET_FALLBACK, simulationSheet, STORED_REFERENCES } from "../model/simulation-sheet";
import { CHART_SOURCE, CHART_TITLE, VALUATION_SHEET, VALUATION_SHEET_FALLBACK, valuationCells } from "../model/valuation-sheet";

/**
 * Adds a fresh sheet under the first of `names` that is free or that IPVALUE made (its A1 starts
 * with IPVALUE), deleting that one; never replaces a sheet of the user's: when every name is taken by
 * one, it refuses (EditError) and writes nothing.
 */
async function replaceOwnSheet(context: Excel.RequestContext, names: readonly string[]): Promise<{ sheet: Excel.Worksheet; inserted: InsertedSheet }> {
  const sheets = context.workbook.worksheets;
  const found = names.map((name) => sheets.getItemOrNullObject(name));
  await context.sync();
  const titles = found.map((s) => (s.isNullObject ? null : s.getRange("A1").load("values")));
  await context.sync();
  const ours = (i: number) => isOwnTitle(titles[i]?.values[0][0]);
  const pick = found.findIndex((s, i) => s.isNullObject || ours(i));
  if (pick < 0) {
    const list = names.map((n) => `"${n}"`).join(", ");
    const listJa = names.map((n) => `「${n}」`).join("、");
    throw new EditError({
      en: `Sheets called ${list} exist and are not IPVALUE's: rename one of them, and IPVALUE will add its sheet under that name.`,
      ja: `${listJa}というシートがあり、IPVALUEが作ったものではありません。いずれかの名前を変えると、その名前でシートを追加します。`,
    });
  }
  const replaced = !found[pick].isNullObject;
  if (replaced) found[pick].delete();
  return { sheet: sheets.add(names[pick]), inserted: { name: names[pick], replaced } };
}

/** Whether a sheet is IPVALUE's: its A1 says so (the inserted sheets' title). */
const isOwnTitle = (v: unknown) => typeof v === "string" && v.startsWith("IPVALUE");

/** Deletes a sheet IPVALUE inserted, if it is still there and still IPVALUE's; false (nothing deleted) when not. */
export async function removeOwnSheet(name: string): Promise<boolean> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    await context.sync();
    if (sheet.isNullObject) return false;
    const title = sheet.getRange("A1").load("values");
    await context.sync();
    if (!isOwnTitle(title.values[0][0])) return false;
    sheet.delete();
    await context.sync();
    return true;
  });
}

/** Writes a layout's blocks: the number format first, then the formulas (an all-blank block only formats). */
function writeBlocks(sheet: Excel.Worksheet, blocks: readonly SheetBlock[]): void {
  for (const b of blocks) {
    const range = sheet.getRange(b.address);
    if (b.numberFormat) range.numberFormat = b.formulas.map((row) => row.map(() => b.numberFormat!));
    if (b.formulas.some((row) => row.some((x) => x !== ""))) range.formulas = b.formulas;
  }
}

/** The Valuation sheet: its cells and a native stacked-bar football field. */
export async function writeValuationSheet(set: ScenarioSet, language: Language): Promise<InsertedSheet> {
  const blocks = valuationCells(set, language);
  return Excel.run(async (context) => {
    const { sheet, inserted } = await replaceOwnSheet(context, [VALUATION_SHEET, VALUATION_SHEET_FALLBACK]);
    writeBlocks(sheet, blocks);
    const chart = sheet.charts.add("BarStacked", sheet.getRange(CHART_SOURCE), "Columns");
    chart.name = "IPVALUE football field";
    chart.title.text = CHART_TITLE[language];
    chart.legend.visible = false;
    chart.series.getItemAt(0).format.fill.clear(); // the low: invisible, it only places the bar
    chart.series.getItemAt(1).format.fill.setSolidColor("#2F6FB0"); // low → high
    chart.series.getItemAt(2).format.fill.setSolidColor("#C0392B"); // offer, floor, ceiling markers
    chart.setPosition("K5", "S24");
    sheet.activate();
    await context.sync();
    return inserted;
  });
}

/** The Simulation sheet: its cells, a stacked column histogram, a stacked bar tornado and a line spider. */
export async function writeSimulationSheet(set: ScenarioSet, language: Language, request: SimulationRequest): Promise<InsertedSheet> {
  const layout = simulationSheet(simulateSet(set, language, request), set, language, STORED_REFERENCES);
  return Excel.run(async (context) => {
    const { sheet, inserted } = await replaceOwnSheet(context, [SIMULATION_SHEET, SIMULATION_SHEET_FALLBACK]);
    writeBlocks(sheet, layout.blocks);
    const histogram = sheet.charts.add("ColumnStacked", sheet.getRange(layout.histogram.source), "Columns");
    histogram.name = "IPVALUE histogram";
    histogram.title.text = layout.histogram.title;
    histogram.series.getItemAt(0).format.fill.setSolidColor("#8FC7CC"); // draws
    histogram.series.getItemAt(1).format.fill.setSolidColor("#0F6C74"); // the bins holding P10, P50, P90
    histogram.setPosition("R5", "Z22");
    const tornado = sheet.charts.add("BarStacked", sheet.getRange(layout.tornado.source), "Columns");
    tornado.name = "IPVALUE tornado";
    tornado.title.text = layout.tornado.title;
    tornado.series.getItemAt(0).format.fill.setSolidColor("#C0392B"); // below the base value
    tornado.series.getItemAt(1).format.fill.setSolidColor("#2F6FB0"); // above it
    tornado.setPosition("R24", "Z42");
    // A line per assumption (by rows), its positions equally spaced: a category axis, low … high.
    const spider = sheet.charts.add("Line", sheet.getRange(layout.spider.source), "Rows");
    spider.name = "IPVALUE spider";
    spider.title.text = layout.spider.title;
    spider.setPosition("R44", "Z62");
    sheet.activate();
    await context.sync();
    return inserted;
  });
}
