/**
 * The office's own comparables in the workbook (sheet "IPVALUE bands", table IpvalueUserBands), against
 * the Excel stand-in: made the first time in BANDS' layout, read back by the engine's user-bands reader
 * (what =IPVALUE.BANDS("", IpvalueUserBands[#All]) reads), later bands added below, a key typed in the
 * grid meanwhile never given twice, a table with no room below or moved columns refused, writing nothing.
 */
import { fake } from "./fake";
import { extractTerms, parseUserBands } from "../../../src/engine";
import { bandsFromTerms, DEFAULT_CONDITIONS, reviewOf, USER_BANDS_HEADER, USER_BANDS_SHEET, USER_BANDS_TABLE } from "../../../src/taskpane/model/comparables";
import { officeWorkbook } from "../../../src/taskpane/office/workbook";
import type { WorkbookPort } from "../../../src/taskpane/ui/port";

let port: WorkbookPort;
beforeEach(() => {
  fake.reset();
  port = officeWorkbook({ debounceMs: 10 });
});

const CLAUSE = "乙は、許諾製品の正味販売高の3％を実施料として支払う。契約一時金は金500万円とする。";
const rowsOf = (source: string, taken: string[] = []) =>
  bandsFromTerms(reviewOf(extractTerms([CLAUSE])), { ...DEFAULT_CONDITIONS, source, licensee: "startup" }, taken).rows;

test("the first save makes the sheet and the table; the engine reads it back as the bands saved, internal marked", async () => {
  expect(await port.userBandKeys()).toEqual([]);
  const saved = await port.addUserBands(rowsOf("Deal A"), "ja");
  expect(saved.map((r) => r.key)).toEqual(["own_deal_a_1", "own_deal_a_2"]);
  expect(fake.sheetNames()).toContain(USER_BANDS_SHEET);
  const t = fake.table(USER_BANDS_TABLE)!;
  expect(t.address).toBe(`'${USER_BANDS_SHEET}'!A3:R5`);
  expect(t.values[0]).toEqual([...USER_BANDS_HEADER]);
  expect(fake.values(`'${USER_BANDS_SHEET}'!A1`)[0][0]).toMatch(/^社外秘/);
  const bands = parseUserBands(t.values);
  expect(bands.map((b) => [b.key, b.low, b.unit, b.licensee, b.source])).toEqual([
    ["own_deal_a_1", 0.03, "share_of_net_sales", "startup", "Deal A"],
    ["own_deal_a_2", 5000000, "amount", "startup", "Deal A"],
  ]);
  expect(t.values.slice(1).map((r) => r[USER_BANDS_HEADER.indexOf("internal")])).toEqual([true, true]);
  expect(t.values.slice(1).map((r) => r[USER_BANDS_HEADER.indexOf("origin")])).toEqual(["user", "user"]);
  expect(t.numberFormat[1][1]).toMatch(/%/);
  expect(await port.userBandKeys()).toEqual(["own_deal_a_1", "own_deal_a_2"]);
});

test("later bands go below; a key typed in the grid meanwhile is not given again", async () => {
  await port.addUserBands(rowsOf("Deal A"), "en");
  const preview = rowsOf("Deal A", await port.userBandKeys());
  expect(preview.map((r) => r.key)).toEqual(["own_deal_a_3", "own_deal_a_4"]);
  // someone adds a band in the grid with the key the pane previewed
  const now = fake.table(USER_BANDS_TABLE)!.values;
  fake.userReplaceTable(USER_BANDS_TABLE, [...now, USER_BANDS_HEADER.map((h) => (h === "key" ? "own_deal_a_3" : h === "low" ? 0.05 : null))]);
  const saved = await port.addUserBands(preview, "en");
  expect(saved.map((r) => r.key)).toEqual(["own_deal_a_5", "own_deal_a_4"]);
  const bands = parseUserBands(fake.table(USER_BANDS_TABLE)!.values);
  expect(bands.map((b) => b.key)).toEqual(["own_deal_a_1", "own_deal_a_2", "own_deal_a_3", "own_deal_a_5", "own_deal_a_4"]);
});

test("no room below the table, or its columns moved: refused in both languages, nothing written", async () => {
  await port.addUserBands(rowsOf("Deal A"), "en");
  fake.userEdit(`'${USER_BANDS_SHEET}'!C7`, "someone's note");
  const before = fake.table(USER_BANDS_TABLE)!.values;
  await expect(port.addUserBands([...rowsOf("B"), ...rowsOf("C")], "en")).rejects.toThrow(
    /empty cells below its table of your bands \(at 'IPVALUE bands'!A6\)/
  );
  expect(fake.table(USER_BANDS_TABLE)!.values).toEqual(before);
  fake.userEdit(`'${USER_BANDS_SHEET}'!A3`, "band");
  await expect(port.addUserBands(rowsOf("B"), "en")).rejects.toThrow(/no longer has its columns/);
  expect(fake.table(USER_BANDS_TABLE)!.values.length).toBe(before.length);
});
