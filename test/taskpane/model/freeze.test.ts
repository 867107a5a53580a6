/**
 * "Freeze for sharing", the pure part: which formulas call IPVALUE and how references to a frozen
 * spill are rewritten, on formula tokens; then the same cases through the adapter, against the Excel
 * stand-in (the copies themselves are in ../office/workbook.test.ts).
 */
import fc from "fast-check";
import { fake } from "../office/fake";
import { range } from "../../../src/functions/functions";
import { quoted } from "../../../src/model/a1";
import { exampleSet } from "../../../src/taskpane/model/examples";
import { callsIpvalue, replaceSpillReferences } from "../../../src/taskpane/model/freeze";
import { ASSUMPTIONS_TABLE } from "../../../src/taskpane/model/storage-sheet";
import { officeWorkbook } from "../../../src/taskpane/office/workbook";

const spills = new Map([["A13", "$A$13:$D$17"]]);
/** The formula as the frozen copy of Valuation holds it. */
const frozen = (formula: string) => replaceSpillReferences(formula, spills, "Valuation");

describe("sharing: frozen copies of sheets", () => {
  test("spill references are rewritten only where they point at a frozen spill on the same sheet", () => {
    expect(replaceSpillReferences("=INDEX($A$13#,2,2)+A13#", spills)).toBe("=INDEX($A$13:$D$17,2,2)+$A$13:$D$17");
    expect(replaceSpillReferences("=SUM(Other!A13#)+B5#", spills)).toBe("=SUM(Other!A13#)+B5#");
  });

  // The user's texts, sheet names that hold A13#, and names that end like a cell are left as typed; the spill beside them is rewritten.
  test.each([
    ["a text", '="see A13# for the range"', '="see A13# for the range"'],
    ["a text beside the spill", '=A13#&" (A13#)"', '=$A$13:$D$17&" (A13#)"'],
    ["a sheet name", "='Plan A13#'!B2", "='Plan A13#'!B2"],
    ["a sheet name with a quote", "=SUM('It''s A13#'!B2:B5)+A13#", "=SUM('It''s A13#'!B2:B5)+$A$13:$D$17"],
    ["a name with a non-ASCII prefix", "=販売A13#", "=販売A13#"],
    ["names beside the spill", "=SUM(売上_A13#,A13#)", "=SUM(売上_A13#,$A$13:$D$17)"],
  ])("%s: %s → %s", (_what, formula, want) => {
    expect(frozen(formula)).toBe(want);
  });

  test("a spill reference qualified with the frozen sheet's own name points at the copy's block too; other sheets and workbooks stay live", () => {
    expect(frozen("=SUM(Valuation!A13#)")).toBe("=SUM($A$13:$D$17)");
    expect(frozen("=INDEX('Valuation'!$A$13#,2,2)+VALUATION!A13#")).toBe("=INDEX($A$13:$D$17,2,2)+$A$13:$D$17");
    expect(replaceSpillReferences("=SUM('Deal 1'!A13#)", spills, "Deal 1")).toBe("=SUM($A$13:$D$17)");
    for (const live of [
      "=SUM(Other!A13#)",
      "=SUM([Book1.xlsx]Valuation!A13#)",
      "=SUM('C:\\deals\\[Old.xlsx]Valuation'!A13#)",
      "=SUM(Valuation:Other!A13#)",
      "=SUM(Other!A1:A13#)",
      "=SUM('Valuation (shared)'!A13#)",
    ]) {
      expect(frozen(live)).toBe(live);
    }
  });

  test("a spill on another sheet frozen in the same batch points at that sheet's copy; a live sheet's spill stays live", () => {
    const others = new Map([
      ["VALUATION", { copy: "Valuation (shared)", spills }],
      ["DEAL 'A'", { copy: "Deal 'A' (shared)", spills: new Map([["B2", "$B$2:$B$9"]]) }],
    ]);
    const own = new Map([["A6", "$A$6:$B$9"]]);
    expect(replaceSpillReferences("=SUM(Valuation!A13#)+A6#", own, "Simulation", others)).toBe("=SUM('Valuation (shared)'!$A$13:$D$17)+$A$6:$B$9");
    expect(replaceSpillReferences("=MAX('Deal ''A'''!B2#)", own, "Simulation", others)).toBe("=MAX('Deal ''A'' (shared)'!$B$2:$B$9)");
    const live = "=SUM(Valuation!B5#,Other!A13#,[B.xlsx]Valuation!A13#)";
    expect(replaceSpillReferences(live, own, "Simulation", others)).toBe(live);
  });

  test("structured references, error literals and cells that merely start like the anchor are not spill references", () => {
    for (const formula of ["=COUNTA(IpvalueAssumptions[#All])", "=IFERROR(A13,#N/A)", "=A130#", "=A1+3#"]) {
      expect(frozen(formula)).toBe(formula);
    }
  });

  test("an =IPVALUE.* call is a function token: a text, a sheet or a name that reads IPVALUE. is not a call", () => {
    for (const call of ["=IPVALUE.RANGE(IpvalueAssumptions[#All])", "=ROUND(ipvalue.dcf(A1:B9),0)", '=@IPVALUE.SCENARIO(T[#All],"Base","npv")']) {
      expect([call, callsIpvalue(call)]).toEqual([call, true]);
    }
    for (const other of ['="IPVALUE.DCF"', "='IPVALUE.x'!A1", "=IPVALUE.x!A1*2", "=MyIPVALUE.DCF(1)", "=IPVALUE.DCF", '=A1&"=IPVALUE.RANGE(x)"']) {
      expect([other, callsIpvalue(other)]).toEqual([other, false]);
    }
  });

  test("property: a formula with no spill reference of the frozen sheet is never changed", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 20 }).map(quoted);
    const sheet = fc.constantFrom("'Plan A13#'!", "Other!", "[Book.xlsx]Valuation!", "'[B.xlsx]Valuation'!", "Valuation:Other!");
    const piece = fc.oneof(
      text,
      sheet.map((s) => `${s}A13#`),
      fc.constantFrom("販売A13#", "A130#", "IpvalueAssumptions[#All]", "#N/A", "+", ",", "B5#", "A13")
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const formula = `=${pieces.join("&")}`;
        return frozen(formula) === formula;
      }),
      { numRuns: 2000 }
    );
  });
});

describe("sharing: the four cases through the adapter (Excel stand-in)", () => {
  test("the copy keeps texts, other sheets' names and names as typed, and points Valuation!A13# at its own block", async () => {
    fake.reset();
    const port = officeWorkbook({ debounceMs: 10 });
    await port.insertValuationSheet(exampleSet("medical-device", "en"), "en");
    fake.calculate("Valuation!A13", range(fake.table(ASSUMPTIONS_TABLE)!.values, [["npv,rnpv,value_rate25,value_maxrate"]], undefined));
    const typed = {
      K1: '="see A13# for the range"',
      K2: "='Plan A13#'!B2",
      K3: "=販売A13#",
      K4: "=SUM(Valuation!A13#)",
      K5: '="IPVALUE.RANGE(A13#)"',
      K6: "=SUM(Other!A13#)",
    };
    for (const [address, formula] of Object.entries(typed)) fake.userEdit(`Valuation!${address}`, formula);
    fake.calculate("Valuation!K5", "IPVALUE.RANGE(A13#)"); // a text formula: had it been taken for a call, the copy would hold this value
    const changed = await port.freezeForSharing(["Valuation"]);
    const copy = fake.formulas("'Valuation (shared)'!K1:K6").map((r) => r[0]);
    expect(copy).toEqual([typed.K1, typed.K2, typed.K3, "=SUM($A$13:$D$17)", typed.K5, typed.K6]);
    expect(changed.filter((c) => c.address.startsWith("K")).map((c) => [c.address, c.kind, c.value])).toEqual([["K4", "reference", "=SUM($A$13:$D$17)"]]);
    expect(fake.formulas("Valuation!K4")[0][0]).toBe(typed.K4); // the original sheet keeps its formulas
  });
  test("a sheet frozen in the same batch reads the other frozen sheet's copy, whichever comes first", async () => {
    fake.reset();
    const port = officeWorkbook({ debounceMs: 10 });
    await port.insertValuationSheet(exampleSet("medical-device", "en"), "en");
    fake.calculate("Valuation!A13", range(fake.table(ASSUMPTIONS_TABLE)!.values, [["npv,rnpv,value_rate25,value_maxrate"]], undefined));
    fake.userEdit("Sheet1!B2", "=INDEX(Valuation!A13#,2,2)");
    fake.userEdit("Sheet1!B3", "=Valuation!B14");
    await port.freezeForSharing(["Sheet1", "Valuation"]);
    expect(fake.formulas("'Sheet1 (shared)'!B2:B3").map((r) => r[0])).toEqual(["=INDEX('Valuation (shared)'!$A$13:$D$17,2,2)", "=Valuation!B14"]);
    expect(fake.formulas("Sheet1!B2")[0][0]).toBe("=INDEX(Valuation!A13#,2,2)");
  });
});
