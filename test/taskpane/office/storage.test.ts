/**
 * The workbook is the source of truth (issue 11): a pane save writes only what the pane changed since
 * the set it read, merged with what the workbook holds now, and never loses what anyone typed in the
 * grid or in another pane. Each case of the issue, against the Excel stand-in.
 */
import { cellOf, fake } from "./fake";
import {
  addScenario,
  deleteScenario,
  EditError,
  moveScenario,
  renameScenario,
  SCHEMA_VERSION,
  ScenarioSet,
  setNotes,
  setSource,
  setValue,
} from "../../../src/model/scenario-set";
import { readScenarios } from "../../../src/model/table-layout";
import { readAssumptionsTable } from "../../../src/engine";
import { exampleSet } from "../../../src/taskpane/model/examples";
import { ASSUMPTIONS_TABLE, DECISIONS_TABLE } from "../../../src/taskpane/model/storage-sheet";
import { officeWorkbook } from "../../../src/taskpane/office/workbook";
import type { WorkbookPort } from "../../../src/taskpane/ui/port";

let port: WorkbookPort;
beforeEach(() => {
  fake.reset();
  port = officeWorkbook({ debounceMs: 10 });
});

/** The workbook as the pane first saves and reads it. */
async function opened(): Promise<ScenarioSet> {
  await port.save(exampleSet("medical-device", "en"), "en");
  return (await port.load())!;
}

const tableValues = () => fake.table(ASSUMPTIONS_TABLE)!.values;
const cell = (scenario: string, key: string) => fake.values(cellOf(scenario, key))[0][0];
const formula = (scenario: string, key: string) => fake.formulas(cellOf(scenario, key))[0][0];

describe("case 1: a grid edit made while a pane save is pending survives", () => {
  test("the grid's royalty rate stays when the pane saves an unrelated edit, and the save says what the tables now hold", async () => {
    const read = await opened();
    fake.userEdit(cellOf("Base", "royalty_rate"), 0.07);
    const saved = await port.save(setValue(read, 0, "years", "15"), "en");
    expect(cell("Base", "royalty_rate")).toBe(0.07);
    expect(cell("Low", "years")).toBe(15);
    expect(saved.set.scenarios[1].values.royalty_rate).toBe(0.07);
    expect(saved.set.scenarios[0].values.years).toBe(15);
    expect(saved.kept).toEqual([]);
  });

  test("committee notes typed in the decisions table survive a pane save of an assumption", async () => {
    const read = await opened();
    fake.userEdit("IPVALUE!B7", "Ask legal about the field of use");
    await port.save(setValue(read, 2, "upfront", "5000000"), "en");
    expect(fake.values("IPVALUE!B7")[0][0]).toBe("Ask legal about the field of use");
    expect((await port.load())!.decisions.notes.text).toBe("Ask legal about the field of use");
  });

  test("the same cell changed in the grid and in the pane: the grid's value stays and the save says so", async () => {
    const read = await opened();
    fake.userEdit(cellOf("Base", "royalty_rate"), 0.07);
    const saved = await port.save(setValue(read, 1, "royalty_rate", "5"), "en");
    expect(cell("Base", "royalty_rate")).toBe(0.07);
    expect(saved.kept.map((k) => k.text.en)).toEqual(["Base — Royalty rate: kept 7% typed in the workbook (not 5%)."]);
    expect(saved.kept[0].text.ja).toContain("7%");
  });

  test("notes edited in both places: the grid's stay", async () => {
    const read = await opened();
    fake.userEdit("IPVALUE!B7", "typed in the grid");
    const saved = await port.save(setNotes(read, "typed in the pane"), "en");
    expect(fake.values("IPVALUE!B7")[0][0]).toBe("typed in the grid");
    expect(saved.kept).toHaveLength(1);
  });
});

/** Two panes on one workbook, each with the set it read. */
async function twoPanes() {
  await opened();
  const a = officeWorkbook();
  const b = officeWorkbook();
  return { a, b, readA: (await a.load())!, readB: (await b.load())! };
}

describe("case 2: two panes (or co-authors) on one workbook", () => {
  test("A adds a scenario; B saves an edit made on a set read before it: the scenario stays", async () => {
    const { a, b, readA, readB } = await twoPanes();
    await a.save(addScenario(readA, "Stretch"), "en");
    const saved = await b.save(setValue(readB, 0, "royalty_rate", "2.5"), "en");
    expect(tableValues()[0].slice(3)).toEqual(["Low", "Base", "High", "Stretch"]);
    expect(cell("Low", "royalty_rate")).toBe(0.025);
    expect(saved.set.scenarios.map((s) => s.name)).toEqual(["Low", "Base", "High", "Stretch"]);
  });

  test("B deletes a scenario A edited meanwhile: the scenario is kept, and B is told", async () => {
    const { a, b, readA, readB } = await twoPanes();
    await a.save(setValue(readA, 2, "years", "20"), "en");
    const saved = await b.save(deleteScenario(readB, 2), "en");
    expect(tableValues()[0].slice(3)).toEqual(["Low", "Base", "High"]);
    expect(cell("High", "years")).toBe(20);
    expect(saved.kept[0].text.en).toMatch(/High: kept/);
  });

  test("both rename the same scenario: the workbook's name stays", async () => {
    const { a, b, readA, readB } = await twoPanes();
    await a.save(renameScenario(readA, 0, "Floor case"), "en");
    const saved = await b.save(renameScenario(readB, 0, "Worst"), "en");
    expect(tableValues()[0].slice(3)).toEqual(["Floor case", "Base", "High"]);
    expect(saved.kept[0].text.en).toBe("Low: no longer in the workbook (renamed or deleted there), so not renamed to Worst.");
  });
});

describe("structural changes are column operations, not a rewrite", () => {
  test("rename, move and delete change only the scenario columns; a note column and the labels stay", async () => {
    const read = await opened();
    const values = tableValues().map((row) => [...row]);
    values.forEach((row, r) => row.push(r === 0 ? "note" : row[0] === "discount_rate" ? "WACC 2025" : ""));
    fake.userReplaceTable(ASSUMPTIONS_TABLE, values);
    fake.userEdit(cellOf("Low", "royalty_rate").replace(/^IPVALUE!D/, "IPVALUE!B"), "Royalty (our words)");
    let set = renameScenario(read, 1, "Central");
    set = moveScenario(set, 2, 0);
    await port.save(set, "en");
    expect(tableValues()[0]).toEqual(["key", "label", "unit", "High", "Low", "Central", "note"]);
    expect(tableValues().find((r) => r[0] === "discount_rate")![6]).toBe("WACC 2025");
    expect(tableValues().find((r) => r[0] === "royalty_rate")![1]).toBe("Royalty (our words)");
    const after = (await port.load())!;
    await port.save(deleteScenario(after, 1), "en");
    expect(tableValues()[0]).toEqual(["key", "label", "unit", "High", "Central", "note"]);
    expect(tableValues().find((r) => r[0] === "discount_rate")![5]).toBe("WACC 2025");
    expect(fake.usedAddress("IPVALUE")).toBe(fake.table(ASSUMPTIONS_TABLE)!.address.replace("A11", "A1"));
    expect((await port.load())!.scenarios.map((s) => s.name)).toEqual(["High", "Central"]);
  });

  test("a scenario added where the column right of the table holds the user's cells is refused, and nothing is written", async () => {
    const read = await opened();
    fake.userEdit("IPVALUE!G13", "my own cell");
    const before = fake.snapshot();
    await expect(port.save(addScenario(read, "Stretch"), "en")).rejects.toThrow(/empty cells next to its table \(at IPVALUE!G11\)/);
    expect(fake.snapshot()).toEqual(before);
  });
});

describe("case 3: an unreadable table is never written over", () => {
  test("a key renamed in the grid: the pane's save is refused, the key and the grid's edits stay", async () => {
    const read = await opened();
    fake.userEdit(cellOf("Low", "market_size").replace(/^IPVALUE!D/, "IPVALUE!A"), "market size (JPY)");
    fake.userEdit(cellOf("High", "years"), 25);
    const before = fake.snapshot();
    const refused = await port.save(setValue(read, 0, "years", "11"), "en").catch((e) => e);
    expect(refused).toBeInstanceOf(EditError);
    expect((refused as EditError).reason.en).toMatch(/unknown assumption key 'market size \(JPY\)'/);
    expect(fake.snapshot()).toEqual(before);
  });
});

describe("case 4: formulas in assumption cells stay formulas", () => {
  test("a calculated formula is kept by a pane save of another cell, and the pane reads its value", async () => {
    const read = await opened();
    fake.userEdit(cellOf("Base", "market_size"), "=20000000000*1.1");
    fake.calculate(cellOf("Base", "market_size"), 22000000000);
    await port.save(setValue(read, 0, "years", "12"), "en");
    expect(formula("Base", "market_size")).toBe("=20000000000*1.1");
    expect((await port.load())!.scenarios[1].values.market_size).toBe(22000000000);
  });

  test("a formula not yet calculated stays a formula (not text)", async () => {
    const read = await opened();
    fake.userEdit(cellOf("High", "upfront"), "=1000000*3");
    await port.save(setValue(read, 0, "years", "12"), "en");
    expect(formula("High", "upfront")).toBe("=1000000*3");
  });

  test("a formula the pane did edit is replaced by the value typed in the pane", async () => {
    await opened();
    fake.userEdit(cellOf("Base", "market_size"), "=20000000000*1.1");
    fake.calculate(cellOf("Base", "market_size"), 22000000000);
    const read = (await port.load())!;
    await port.save(setValue(read, 1, "market_size", "25000000000"), "en");
    expect(formula("Base", "market_size")).toBe(25000000000);
  });
});

describe("case 5: a workbook of a newer IPVALUE is never downgraded", () => {
  test("a pane already open hears of layout 2 and its save is refused; B1 stays 2 and nothing is written", async () => {
    const read = await opened();
    fake.userEdit("IPVALUE!B1", SCHEMA_VERSION + 1);
    const before = fake.snapshot();
    const refused = await port.save(setValue(read, 0, "years", "11"), "en").catch((e) => e);
    expect((refused as EditError).reason.en).toMatch(/newer version of IPVALUE/);
    expect(fake.values("IPVALUE!B1")[0][0]).toBe(SCHEMA_VERSION + 1);
    expect(fake.snapshot()).toEqual(before);
  });
});

describe("case 6: what the user wrote beside the values is kept", () => {
  test("a label edited in the grid stays after a pane save", async () => {
    const read = await opened();
    const labelCell = cellOf("Low", "peak_share").replace(/^IPVALUE!D/, "IPVALUE!B");
    fake.userEdit(labelCell, "Share at peak (ours)");
    await port.save(setValue(read, 0, "years", "12"), "en");
    expect(fake.values(labelCell)[0][0]).toBe("Share at peak (ours)");
  });

  test("TRUE typed as a value stays a boolean", async () => {
    const read = await opened();
    fake.userEdit(cellOf("Low", "annual_minimum"), "TRUE");
    expect(cell("Low", "annual_minimum")).toBe(true);
    await port.save(setValue(read, 2, "years", "12"), "en");
    expect(cell("Low", "annual_minimum")).toBe(true);
  });

  test("a Comment column the user adds is not read as a scenario, and is kept", async () => {
    const read = await opened();
    const values = tableValues().map((row, r) => [...row, r === 0 ? "Comment" : row[0] === "royalty_rate" ? "from the term sheet" : ""]);
    fake.userReplaceTable(ASSUMPTIONS_TABLE, values);
    const loaded = (await port.load())!;
    expect(loaded.scenarios.map((s) => s.name)).toEqual(["Low", "Base", "High"]);
    await port.save(addScenario(setValue(read, 0, "years", "12"), "Stretch"), "en");
    expect(tableValues()[0]).toEqual(["key", "label", "unit", "Low", "Base", "High", "Stretch", "Comment"]);
    expect(tableValues().find((r) => r[0] === "royalty_rate")![7]).toBe("from the term sheet");
    expect((await port.load())!.scenarios.map((s) => s.name)).toEqual(["Low", "Base", "High", "Stretch"]);
  });

  test("a scenario cannot be given a name the pane reads as the user's column", () => {
    expect(() => addScenario(exampleSet("software", "en"), "Comment")).toThrow(EditError);
    expect(() => addScenario(exampleSet("software", "en"), "備考")).toThrow(EditError);
  });
});

test("the decisions table the pane saves into is still the one it created", async () => {
  await opened();
  expect(fake.table(DECISIONS_TABLE)!.address).toBe("IPVALUE!A3:D9");
});

describe("a table being restructured elsewhere is never written over", () => {
  test("a scenario column half made by another process (the table widened, only the header typed): the pane's save writes its own cell only, and the column is complete when the other process finishes", async () => {
    const read = await opened();
    const { address, values } = fake.table(ASSUMPTIONS_TABLE)!;
    const m = /!([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(address)!;
    const [row0, col0, rows, cols] = [Number(m[2]) - 1, m[1].charCodeAt(0) - 65, values.length, values[0].length];
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject("IPVALUE");
      context.workbook.tables.getItemOrNullObject(ASSUMPTIONS_TABLE).resize(sheet.getRangeByIndexes(row0, col0, rows, cols + 1));
      await context.sync();
    });
    fake.userEdit(`IPVALUE!${String.fromCharCode(65 + col0 + cols)}${row0 + 1}`, "Licensee case");
    const halfMade = tableValues().map((row) => row[cols]);
    const saved = await port.save(setValue(read, 0, "years", "11"), "en");
    expect(cell("Low", "years")).toBe(11);
    expect(tableValues().map((row) => row[cols])).toEqual(halfMade); // its column untouched: no value written into it
    expect(saved.set.scenarios.map((s) => s.name)).toEqual([...read.scenarios.map((s) => s.name), "Licensee case"]);
    expect(saved.kept).toEqual([]);
    // The other process finishes the column; the pane's next save keeps every value of it.
    const typed = [
      ["market_size", 25e9],
      ["peak_share", 0.04],
      ["years", 12],
      ["royalty_rate", 0.03],
      ["operating_margin", 0.2],
      ["discount_rate", 0.1],
    ] as const;
    for (const [key, v] of typed) fake.userEdit(cellOf("Licensee case", key), v);
    await port.save(setValue(saved.set, 2, "upfront", "5000000"), "en");
    for (const [key, v] of typed) expect([key, cell("Licensee case", key)]).toEqual([key, v]);
  });
});

describe("the key column is found as the functions find it", () => {
  test("labels moved before the keys and the key header renamed: a pane save writes the value to its own key's row and leaves keys and labels as they are", async () => {
    const read = await opened();
    const { address, values } = fake.table(ASSUMPTIONS_TABLE)!;
    const m = /!([A-Z]+)(\d+):/.exec(address)!;
    const [row0, col0] = [Number(m[2]) - 1, m[1].charCodeAt(0) - 65];
    const at = (r: number, c: number) => `IPVALUE!${String.fromCharCode(65 + col0 + c)}${row0 + 1 + r}`;
    const label = values[0].indexOf("label");
    // The key header first, so that the table never holds two "label" headers (Excel would rename one).
    values.forEach((row, r) => {
      fake.userEdit(at(r, label), r === 0 ? "Assumption key" : row[0]);
      fake.userEdit(at(r, 0), r === 0 ? "label" : row[label]);
    });
    const before = tableValues().map((row) => [row[0], row[label]]);
    await port.save(setValue(read, 0, "years", "11"), "en");
    expect(tableValues().map((row) => [row[0], row[label]])).toEqual(before);
    const yearsRow = tableValues().findIndex((row) => row[label] === "years");
    expect(tableValues()[yearsRow][values[0].indexOf("Low")]).toBe(11);
  });
});

/**
 * Each assumption's source or note (issue 12: "the scenarios side by side with each assumption's source
 * or note") lives in the assumptions table's Source / note column: a workbook without it reads as
 * before, the user's own Source/出典/備考/Note column is the one used, the user's other columns are
 * never overwritten, and the functions still read the table.
 */
describe("the assumptions' sources", () => {
  const rowOf = (key: string) => tableValues().find((r) => r[0] === key)!;
  test("a workbook saved without a source column reads as before: no sources, the same scenarios", async () => {
    const read = await opened();
    expect(tableValues()[0]).toEqual(["key", "label", "unit", "Low", "Base", "High"]);
    expect(read.sources).toBeUndefined();
    expect(read.scenarios.map((s) => s.name)).toEqual(["Low", "Base", "High"]);
  });

  test("a source typed in the pane adds a Source / note column at the right end; it reads back, and the functions still read the table", async () => {
    const read = await opened();
    const before = readScenarios(tableValues());
    await port.save(setSource(read, "market_size", "METI 2024 market survey"), "en");
    expect(tableValues()[0]).toEqual(["key", "label", "unit", "Low", "Base", "High", "Source / note"]);
    expect(rowOf("market_size")[6]).toBe("METI 2024 market survey");
    const loaded = (await port.load())!;
    expect(loaded.sources).toEqual({ market_size: "METI 2024 market survey" });
    // The engine skips the column: same scenarios, same values.
    expect(readScenarios(tableValues())).toEqual(before);
    expect(readAssumptionsTable(tableValues()).map((s) => s.name)).toEqual(["Low", "Base", "High"]);
    // Cleared in the pane: the cell is emptied, the column (now the user's to keep) stays.
    await port.save(setSource(loaded, "market_size", " "), "en");
    expect(rowOf("market_size")[6]).toBe("");
    expect((await port.load())!.sources).toBeUndefined();
  });

  test("the Japanese pane heads the column 出典 / 備考, which the functions skip too", async () => {
    await port.save(exampleSet("medical-device", "ja"), "ja");
    const read = (await port.load())!;
    await port.save(setSource(read, "royalty_rate", "業界調査（2023）"), "ja");
    const header = tableValues()[0];
    expect(header[header.length - 1]).toBe("出典 / 備考");
    expect(readAssumptionsTable(tableValues()).map((s) => s.name)).toEqual(read.scenarios.map((s) => s.name));
    expect((await port.load())!.sources).toEqual({ royalty_rate: "業界調査（2023）" });
  });

  test("the user's own 出典 column is the one read and written: no second column, her other notes stay", async () => {
    const read = await opened();
    const values = tableValues().map((row, r) => [...row, r === 0 ? "出典" : row[0] === "discount_rate" ? "WACC 2025 (finance office)" : ""]);
    fake.userReplaceTable(ASSUMPTIONS_TABLE, values);
    const loaded = (await port.load())!;
    expect(loaded.sources).toEqual({ discount_rate: "WACC 2025 (finance office)" });
    await port.save(setSource(loaded, "peak_share", "Licensee's plan"), "en");
    expect(tableValues()[0]).toEqual(["key", "label", "unit", "Low", "Base", "High", "出典"]);
    expect(rowOf("peak_share")[6]).toBe("Licensee's plan");
    expect(rowOf("discount_rate")[6]).toBe("WACC 2025 (finance office)");
    expect(read.scenarios.length).toBe(3);
  });

  test("a Comment column of the user's is never written: the sources get a column of their own", async () => {
    await opened();
    const values = tableValues().map((row, r) => [...row, r === 0 ? "Comment" : row[0] === "royalty_rate" ? "ask legal" : ""]);
    fake.userReplaceTable(ASSUMPTIONS_TABLE, values);
    const loaded = (await port.load())!;
    expect(loaded.sources).toBeUndefined();
    await port.save(setSource(setValue(loaded, 0, "years", "12"), "royalty_rate", "Published band"), "en");
    expect(tableValues()[0]).toEqual(["key", "label", "unit", "Low", "Base", "High", "Comment", "Source / note"]);
    expect(rowOf("royalty_rate")[6]).toBe("ask legal");
    expect(rowOf("royalty_rate")[7]).toBe("Published band");
    expect(fake.values(cellOf("Low", "years"))[0][0]).toBe(12);
  });

  test("a source edited in the grid and in the pane: the grid's stays and the save says so", async () => {
    const read = await opened();
    const withColumn = (await port.save(setSource(read, "market_size", "first"), "en")).set;
    const values = tableValues().map((row) => [...row]);
    values.find((r) => r[0] === "market_size")![6] = "typed in the grid";
    fake.userReplaceTable(ASSUMPTIONS_TABLE, values);
    const saved = await port.save(setSource(withColumn, "market_size", "typed in the pane"), "en");
    expect(rowOf("market_size")[6]).toBe("typed in the grid");
    expect(saved.kept.map((k) => k.text.en)).toEqual([
      'Market size (year 1) (source / note): kept "typed in the grid" typed in the workbook (not "typed in the pane").',
    ]);
  });

  test("a first save of a set that has sources creates the table with the column", async () => {
    await port.save(setSource(exampleSet("medical-device", "en"), "years", "Patent expiry 2041"), "en");
    expect(tableValues()[0]).toEqual(["key", "label", "unit", "Low", "Base", "High", "Source / note"]);
    expect((await port.load())!.sources).toEqual({ years: "Patent expiry 2041" });
  });
});
