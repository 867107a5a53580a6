/**
 * The committee's offer term sheet in the workbook (table IpvalueOffer on the IPVALUE sheet), against
 * the Excel stand-in: made in rows inserted above the assumptions table (which moves down intact),
 * grown by inserting rows, merged term by term with what the grid and other panes typed, and refused,
 * writing nothing, where a hand-typed row cannot be read or an insert would cut through a table.
 */
import { cellOf, fake } from "./fake";
import { offer } from "../../../src/functions/functions";
import { EditError, offerTermMap, removeOfferTerm, ScenarioSet, setOfferTerm, setOfferTerms, setValue } from "../../../src/model/scenario-set";
import { readTerms } from "../../../src/engine";
import { exampleSet } from "../../../src/taskpane/model/examples";
import { AMOUNT_FORMAT, PERCENT_FORMAT } from "../../../src/taskpane/model/cells";
import { ASSUMPTIONS_TABLE, DECISIONS_TABLE, OFFER_TABLE } from "../../../src/taskpane/model/storage-sheet";
import { officeWorkbook } from "../../../src/taskpane/office/workbook";
import type { WorkbookPort } from "../../../src/taskpane/ui/port";

const fresh = (): WorkbookPort => {
  fake.reset();
  return officeWorkbook({ debounceMs: 10 });
};
let port = fresh();
beforeEach(() => (port = fresh()));

/** The example as the pane first saves it and reads it back (no term sheet yet). */
const opened = (): Promise<ScenarioSet> =>
  port
    .save(exampleSet("medical-device", "en"), "en")
    .then(() => port.load())
    .then((set) => set!);

/** A term sheet of four terms: a rate with its citation, an amount, a flag and a term not fixed yet. */
function sheetOf(set: ScenarioSet): ScenarioSet {
  return setOfferTerms(set, [
    { key: "royalty_rate", value: 0.035, source: "METI 2010, table 3" },
    { key: "upfront", value: 5000000, source: "" },
    { key: "annual_fee_creditable", value: true, source: "" },
    { key: "annual_minimum", value: null, source: "the licensee's plan decides" },
  ]);
}

const offerTable = () => fake.table(OFFER_TABLE)!;
const assumptions = () => fake.table(ASSUMPTIONS_TABLE)!;

describe("creation: rows inserted above the assumptions table", () => {
  test("the term sheet round-trips through save and read: values, formats, flags, a term not fixed yet, sources; IPVALUE.OFFER reads the table", async () => {
    const read = await opened();
    expect(fake.tableNames()).not.toContain(OFFER_TABLE); // a set without terms makes no offer table
    expect(assumptions().address).toMatch(/^IPVALUE!A11:/);
    const set = sheetOf(read);
    const saved = await port.save(set, "en");
    expect(offerTable().address).toBe("IPVALUE!A12:E16");
    expect(offerTable().values).toEqual([
      ["key", "value", "label", "unit", "source"],
      ["royalty_rate", 0.035, "Royalty rate", "decimal 0–1", "METI 2010, table 3"],
      ["upfront", 5000000, "Upfront fee", "amount", ""],
      ["annual_fee_creditable", true, expect.any(String), "TRUE / FALSE", ""],
      ["annual_minimum", "", expect.any(String), "amount / year", "the licensee's plan decides"],
    ]);
    expect(offerTable().numberFormat.map((r) => r[1])).toEqual(["General", PERCENT_FORMAT, AMOUNT_FORMAT, "General", AMOUNT_FORMAT]);
    expect(fake.values("IPVALUE!A11")[0][0]).toMatch(/^The committee's offer: its term sheet/);
    expect(fake.values("IPVALUE!A10:E10")[0].every((v) => v === "")).toBe(true);
    expect(fake.values("IPVALUE!A17:E17")[0].every((v) => v === "")).toBe(true);
    expect(saved.set.decisions.terms).toEqual(set.decisions.terms);
    expect((await port.load())!.decisions.terms).toEqual(set.decisions.terms);
    // What =IPVALUE.OFFER(IpvalueAssumptions[#All], IpvalueOffer[#All]) computes from the stored tables.
    expect(readTerms(offerTable().values)).toEqual(offerTermMap(set.decisions));
    const viaTables = offer(assumptions().values, offerTable().values);
    expect(viaTables.map((r) => r[0])).toEqual(["scenario", "Low", "Base", "High"]);
    expect(viaTables).toEqual(
      offer(assumptions().values, [
        ["royalty_rate", 0.035],
        ["upfront", 5000000],
        ["annual_fee_creditable", true],
      ])
    );
  });

  test("a new workbook saved with a term sheet has it in its place; the caption, labels and units are in the pane's language", async () => {
    await port.save(sheetOf(exampleSet("medical-device", "ja")), "ja"); // a new workbook: the sheet is made with the term sheet
    expect(offerTable().address).toBe("IPVALUE!A12:E16");
    expect(assumptions().address).toMatch(/^IPVALUE!A19:/);
    expect(fake.values("IPVALUE!A11")[0][0]).toMatch(/^委員会の提示条件の表/);
    expect(offerTable().values[1].slice(2, 4)).toEqual(["ロイヤルティ料率", "小数 0～1"]);
  });

  test("the assumptions table moves down whole: every value, a formula in it, and a formula elsewhere that points into it", async () => {
    const read = await opened();
    fake.userEdit(cellOf("Base", "market_size"), "=20000000000*1.1");
    fake.calculate(cellOf("Base", "market_size"), 22000000000);
    const pointed = cellOf("High", "years");
    fake.userEdit("Sheet1!A1", `=${pointed}*2`);
    fake.userEdit("Sheet1!A2", "=SUM(IpvalueAssumptions[Base])");
    const before = assumptions();
    const caption = fake.values("IPVALUE!A10")[0][0];
    await port.save(sheetOf(read), "en");
    const after = assumptions();
    expect(after.values).toEqual(before.values);
    expect(after.numberFormat).toEqual(before.numberFormat);
    // Eight rows inserted (a blank row, the caption, the header and four terms, a blank row): A10 → A18.
    expect(before.address).toMatch(/^IPVALUE!A11:/);
    expect(after.address).toBe(before.address.replace(/A(\d+):([A-Z]+)(\d+)$/, (_, r1, c, r2) => `A${Number(r1) + 8}:${c}${Number(r2) + 8}`));
    expect(fake.values("IPVALUE!A18")[0][0]).toBe(caption);
    expect(fake.formulas(cellOf("Base", "market_size"))[0][0]).toBe("=20000000000*1.1");
    expect(fake.values(cellOf("Base", "market_size"))[0][0]).toBe(22000000000);
    expect(cellOf("High", "years")).not.toBe(pointed);
    expect(fake.formulas("Sheet1!A1")[0][0]).toBe(`=${cellOf("High", "years")}*2`);
    expect(fake.formulas("Sheet1!A2")[0][0]).toBe("=SUM(IpvalueAssumptions[Base])");
    // The decisions table above stays where it was.
    expect(fake.table(DECISIONS_TABLE)!.address).toBe("IPVALUE!A3:D9");
    // And the next pane save still writes to the moved table's own cells.
    const again = (await port.load())!;
    await port.save(setValue(again, 0, "years", "13"), "en");
    expect(fake.values(cellOf("Low", "years"))[0][0]).toBe(13);
    expect(fake.formulas(cellOf("Base", "market_size"))[0][0]).toBe("=20000000000*1.1");
  });

  test("an insert that would cut through a table of the user's is refused, in en and ja, and nothing is written", async () => {
    const read = await opened();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject("IPVALUE");
      sheet.getRange("H5:I12").values = [["Contact", "Phone"], ...Array.from({ length: 7 }, (_, i) => [`p${i}`, i])];
      sheet.tables.add(sheet.getRange("H5:I12"), true).name = "Contacts";
      await context.sync();
    });
    const before = fake.snapshot();
    const refused = (await port.save(sheetOf(read), "en").catch((e) => e)) as EditError;
    expect(refused).toBeInstanceOf(EditError);
    expect(refused.reason.en).toMatch(/insert rows at IPVALUE!A10 .* the table Contacts spans that row \(rows 5–12\)/);
    expect(refused.reason.ja).toMatch(/表 Contacts がその行にかかっています/);
    expect(fake.snapshot()).toEqual(before);
  });
});

describe("growth and shrinking", () => {
  test("more terms than the table has rows: rows are inserted below it, pushing the assumptions table down intact", async () => {
    const read = await opened();
    const one = await port.save(setOfferTerm(read, "royalty_rate", "3"), "en");
    expect(offerTable().address).toBe("IPVALUE!A12:E13");
    expect(assumptions().address).toMatch(/^IPVALUE!A16:/);
    fake.userEdit(cellOf("Base", "upfront"), "=1000000*3");
    const before = assumptions();
    let set = setOfferTerm(one.set, "upfront", "2000000");
    set = setOfferTerm(set, "term_years", "10");
    set = setOfferTerm(set, "equity_share", "5");
    const saved = await port.save(set, "en");
    expect(offerTable().address).toBe("IPVALUE!A12:E16");
    expect(offerTable().values.map((r) => r.slice(0, 2))).toEqual([
      ["key", "value"],
      ["royalty_rate", 0.03],
      ["upfront", 2000000],
      ["term_years", 10],
      ["equity_share", 0.05],
    ]);
    expect(fake.values("IPVALUE!A17:E17")[0].every((v) => v === "")).toBe(true);
    expect(assumptions().address).toMatch(/^IPVALUE!A19:/);
    expect(assumptions().values).toEqual(before.values);
    expect(fake.formulas(cellOf("Base", "upfront"))[0][0]).toBe("=1000000*3");
    expect(saved.set.decisions.terms.map((t) => t.key)).toEqual(["royalty_rate", "upfront", "term_years", "equity_share"]);
  });

  test("a term removed: the rows below move up and the cells the table no longer covers are cleared; all removed leaves an empty table, read as no terms", async () => {
    const read = await opened();
    const saved = await port.save(sheetOf(read), "en");
    const fewer = await port.save(removeOfferTerm(saved.set, "upfront"), "en");
    expect(offerTable().address).toBe("IPVALUE!A12:E15");
    expect(offerTable().values.map((r) => r[0])).toEqual(["key", "royalty_rate", "annual_fee_creditable", "annual_minimum"]);
    expect(offerTable().values[3][4]).toBe("the licensee's plan decides");
    expect(fake.values("IPVALUE!A16:E16")[0].every((v) => v === "")).toBe(true);
    let none = fewer.set;
    for (const t of fewer.set.decisions.terms) none = removeOfferTerm(none, t.key);
    const empty = await port.save(none, "en");
    expect(offerTable().values).toEqual([
      ["key", "value", "label", "unit", "source"],
      ["", "", "", "", ""],
    ]);
    expect(empty.set.decisions.terms).toEqual([]);
    // A term added again goes into the table's blank row.
    await port.save(setOfferTerm(empty.set, "upfront", "1"), "en");
    expect(offerTable().address).toBe("IPVALUE!A12:E13");
    expect(offerTable().values[1].slice(0, 2)).toEqual(["upfront", 1]);
  });
});

describe("the workbook is the truth for the term sheet too", () => {
  test("a term's value typed in the grid stays against a pane save of the same term, and the save says so; the pane's other term is saved", async () => {
    const read = await opened();
    const first = await port.save(sheetOf(read), "en");
    fake.userEdit("IPVALUE!B13", 0.07);
    const saved = await port.save(setOfferTerm(setOfferTerm(first.set, "royalty_rate", "5"), "upfront", "6000000"), "en");
    expect(fake.values("IPVALUE!B13:B14")).toEqual([[0.07], [6000000]]);
    expect(saved.kept.map((k) => k.text.en)).toEqual(["Offer term Royalty rate: kept 7% typed in the workbook (not 5%)."]);
    expect(saved.kept[0].text.ja).toContain("7%");
    expect(saved.set.decisions.terms[0].value).toBe(0.07);
  });

  test("a formula typed as a term's value is kept by a pane save of another term", async () => {
    await port.save(sheetOf(await opened()), "en");
    fake.userEdit("IPVALUE!B13", "=0.01*3");
    fake.calculate("IPVALUE!B13", 0.03);
    const loaded = (await port.load())!;
    expect(loaded.decisions.terms[0].value).toBe(0.03);
    await port.save(setOfferTerm(loaded, "upfront", "7000000"), "en");
    expect(fake.formulas("IPVALUE!B13:B14")).toEqual([["=0.01*3"], [7000000]]);
  });

  test("a term another pane added meanwhile stays when this pane saves its own edit", async () => {
    const read = await opened();
    await port.save(sheetOf(read), "en");
    const a = officeWorkbook();
    const b = officeWorkbook();
    const readA = (await a.load())!;
    const readB = (await b.load())!;
    await a.save(setOfferTerm(readA, "equity_share", "5"), "en");
    const saved = await b.save(setOfferTerm(readB, "upfront", "8000000"), "en");
    expect(offerTable().values.map((r) => r.slice(0, 2))).toEqual([
      ["key", "value"],
      ["royalty_rate", 0.035],
      ["upfront", 8000000],
      ["annual_fee_creditable", true],
      ["annual_minimum", ""],
      ["equity_share", 0.05],
    ]);
    expect(saved.kept).toEqual([]);
    expect(saved.set.decisions.terms.map((t) => t.key)).toContain("equity_share");
  });

  test("a row typed by hand that cannot be read is refused with where it is, in en and ja, and nothing is written", async () => {
    const read = await opened();
    const first = await port.save(sheetOf(read), "en");
    fake.userEdit("IPVALUE!A14", "market_size");
    const before = fake.snapshot();
    const refused = (await port.save(setOfferTerm(first.set, "royalty_rate", "4"), "en").catch((e) => e)) as EditError;
    expect(refused).toBeInstanceOf(EditError);
    expect(refused.reason.en).toMatch(
      /^Row 3 of the offer table: "market_size" is not a term an offer can fix .*\(Table IpvalueOffer, header row at IPVALUE!A12;/
    );
    expect(refused.reason.ja).toMatch(/提示条件の表の3行目.*（表 IpvalueOffer。見出し行は IPVALUE!A12/);
    expect(fake.snapshot()).toEqual(before);
    await expect(port.load()).rejects.toThrow(/offer table/);
    fake.userEdit("IPVALUE!A14", "upfront");
    fake.userEdit("IPVALUE!B14", "lots");
    await expect(port.load()).rejects.toThrow(/Row 3 of the offer table \(upfront\): Upfront fee must be an amount of 0 or more/);
  });

  test("a term sheet typed in the grid alone is read by the pane; the offer table deleted (converted to a range) is no terms", async () => {
    const read = await opened();
    await port.save(setOfferTerm(read, "royalty_rate", "3"), "en");
    fake.userEdit("IPVALUE!A13:B13", [["Term Years", 8]]);
    expect((await port.load())!.decisions.terms).toEqual([{ key: "term_years", value: 8, source: "" }]);
    fake.userConvertTableToRange(OFFER_TABLE);
    expect((await port.load())!.decisions.terms).toEqual([]);
  });
});
