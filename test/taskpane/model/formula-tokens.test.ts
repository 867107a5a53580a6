/**
 * The formula tokenizer: what each piece of a formula is, on the formulas IPVALUE itself writes (the
 * Valuation and Simulation sheets in both languages, the negotiator workbook) and on tricky ones; and
 * that it is lossless (its tokens joined are the formula) for those and for any text at all.
 */
import fc from "fast-check";
import * as ExcelJS from "exceljs";
import { buildNegotiatorWorkbook } from "../../../src/export/negotiator";
import { defaultShareChoice, selectShared, SHARE_OUTPUTS } from "../../../src/export/share";
import { IPVALUE_VERSION } from "../../../src/export/version";
import { quoted } from "../../../src/model/a1";
import type { Language } from "../../../src/model/language";
import { setDecision, usesDealTerms } from "../../../src/model/scenario-set";
import { EXAMPLES, exampleSet } from "../../../src/taskpane/model/examples";
import { FormulaToken, isCellReference, joinTokens, tokenize } from "../../../src/taskpane/model/formula-tokens";
import { DEFAULT_REQUEST, simulateSet } from "../../../src/taskpane/model/simulation";
import { simulationSheet, STORED_REFERENCES } from "../../../src/taskpane/model/simulation-sheet";
import { decisionFormula } from "../../../src/taskpane/model/storage-sheet";
import { valuationCells } from "../../../src/taskpane/model/valuation-sheet";

/** kind:text of each token, for compact expectations. */
const kinds = (formula: string) => tokenize(formula).map((t) => `${t.kind}:${t.text}`);
const formulasOf = (cells: (string | number)[][][]) => cells.flat(2).filter((f): f is string => typeof f === "string" && f.startsWith("="));

/** Cells of the Simulation sheet that hold an IPVALUE spill other formulas read: D6 (SENSITIVITY) and SPIDER's, under it. */
const simulationAnchors = new Set<string>();

/** Every formula the add-in writes into a workbook; the negotiator workbook's with its sheet names. */
function addinFormulas(): { formula: string; sheets?: string[] }[] {
  const out: { formula: string; sheets?: string[] }[] = [];
  const add = (formulas: string[]) => out.push(...formulas.map((formula) => ({ formula })));
  const languages: Language[] = ["en", "ja"];
  for (const language of languages) {
    for (const example of EXAMPLES) {
      const set = setDecision(exampleSet(example.id, language), "floor", "120000000");
      add(formulasOf(valuationCells(set, language).map((b) => b.formulas)));
      const view = simulateSet(set, language, { ...DEFAULT_REQUEST, iterations: 200, seed: 7 });
      const simulation = simulationSheet(view, set, language, STORED_REFERENCES).blocks;
      add(formulasOf(simulation.map((b) => b.formulas)));
      for (const b of simulation)
        if (/^=IPVALUE\.(SENSITIVITY|SPIDER)\(/.test(String(b.formulas[0][0]))) simulationAnchors.add(`$D$${/^D(\d+)$/.exec(b.address)![1]}`);
      const build = () =>
        buildNegotiatorWorkbook(selectShared(set, { ...defaultShareChoice(set), outputs: [...SHARE_OUTPUTS] }), {
          language,
          date: new Date(2026, 10, 23),
          version: IPVALUE_VERSION,
          currency: "JPY",
        });
      // The spin-out example uses deal terms: the workbook writes them as formulas too.
      if (example.id === "university-spinout") expect(set.scenarios.some(usesDealTerms)).toBe(true);
      const wb: ExcelJS.Workbook = build();
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((c) => {
            if (c.type === ExcelJS.ValueType.Formula) out.push({ formula: `=${c.formula}`, sheets: wb.worksheets.map((w) => w.name) });
          })
        )
      );
    }
  }
  add([decisionFormula("offer")]);
  return out;
}

/** Formulas a user may have around IPVALUE's cells, each with something a text-based rewrite gets wrong. */
const TRICKY = [
  '="see A13# for the range"',
  '="say ""A13#"" twice"&A13#',
  "='Plan A13#'!B2",
  "='It''s A13#'!B2+A13#",
  "=販売A13#",
  "=SUM(Valuation!A13#)",
  "=SUM('Valuation (shared)'!$A$13#,Valuation!A13#)",
  "=[Book1.xlsx]Valuation!A13#",
  "='C:\\deals\\[Old deal.xlsx]Valuation'!A13#",
  "=[1]Sheet1!A1+[Book.xlsx]!Rate",
  "=SUM(Sheet1:Sheet3!A1)",
  "=SUM('Sheet 1:Sheet 3'!B2:B4)",
  "=IpvalueAssumptions[#All]",
  "=COUNTA(Table1[[#This Row],[Col ']x]])+[@Col]",
  "=IFERROR(A1,#N/A)+IF(ISERROR(B1),#DIV/0!,#GETTING_DATA)",
  "=#REF!A1",
  "=Sheet1!#REF!",
  "={1,2;3,-4.5E+3}",
  "=@IPVALUE.RANGE(IpvalueAssumptions[#All])",
  "=A1:A13#",
  "=SUM(A:A,1:3)",
  "=LOG10(100)+LOG10",
  "=A1 B1",
  "=IF(A1>=1,\n  TRUE,\n  FALSE)",
  "=2024!A1",
  "=LET(x,1,x#)",
  "=XFD1048576+XFE1+A1048577",
  "=_xlfn.XLOOKUP(1,A:A,B:B)",
  '="unclosed',
  "='unclosed",
];

describe("formula tokens", () => {
  test("texts, quoted and external sheet names, names in any script, structured references and error literals are single tokens", () => {
    expect(kinds('="see A13# for the range"')).toEqual(["operator:=", 'string:"see A13# for the range"']);
    expect(kinds("='Plan A13#'!B2")).toEqual(["operator:=", "sheet:'Plan A13#'!", "cell:B2"]);
    expect(kinds("=販売A13#")).toEqual(["operator:=", "name:販売A13", "spill:#"]);
    expect(kinds("=SUM(Valuation!A13#)")).toEqual(["operator:=", "function:SUM", "open:(", "sheet:Valuation!", "cell:A13", "spill:#", "close:)"]);
    expect(kinds("=IpvalueAssumptions[#All]")).toEqual(["operator:=", "structured:IpvalueAssumptions[#All]"]);
    expect(kinds("=COUNTA(Table1[[#This Row],[Col ']x]])+[@Col]")).toEqual([
      "operator:=",
      "function:COUNTA",
      "open:(",
      "structured:Table1[[#This Row],[Col ']x]]",
      "close:)",
      "operator:+",
      "structured:[@Col]",
    ]);
    expect(kinds("=IF(ISERROR(B1),#DIV/0!,#n/a)")).toEqual([
      "operator:=",
      "function:IF",
      "open:(",
      "function:ISERROR",
      "open:(",
      "cell:B1",
      "close:)",
      "separator:,",
      "error:#DIV/0!",
      "separator:,",
      "error:#n/a",
      "close:)",
    ]);
    expect(kinds("={1,2;3,-4.5E+3}")).toEqual([
      "operator:=",
      "open:{",
      "number:1",
      "separator:,",
      "number:2",
      "separator:;",
      "number:3",
      "separator:,",
      "operator:-",
      "number:4.5E+3",
      "close:}",
    ]);
    expect(kinds("=A1 B1")).toEqual(["operator:=", "cell:A1", "whitespace: ", "cell:B1"]);
    expect(kinds("=LOG10(100)+LOG10")).toEqual(["operator:=", "function:LOG10", "open:(", "number:100", "close:)", "operator:+", "cell:LOG10"]);
  });

  test("sheet prefixes say what they name: quotes undone, external workbooks and 3-D ranges apart", () => {
    const prefix = (formula: string) => tokenize(formula).find((t) => t.kind === "sheet")?.prefix;
    expect(prefix("='It''s A13#'!B2")).toEqual({ sheet: "It's A13#" });
    expect(prefix("=Valuation!A13#")).toEqual({ sheet: "Valuation" });
    expect(prefix("=[Book1.xlsx]Valuation!A13#")).toEqual({ workbook: "[Book1.xlsx]", sheet: "Valuation" });
    expect(prefix("='C:\\deals\\[Old deal.xlsx]Valuation'!A13#")).toEqual({ workbook: "C:\\deals\\[Old deal.xlsx]", sheet: "Valuation" });
    expect(prefix("=[Book.xlsx]!Rate")).toEqual({ workbook: "[Book.xlsx]", sheet: "" });
    expect(prefix("=SUM(Sheet1:Sheet3!A1)")).toEqual({ sheet: "Sheet1", lastSheet: "Sheet3" });
    expect(prefix("=SUM('Sheet 1:Sheet 3'!B2:B4)")).toEqual({ sheet: "Sheet 1", lastSheet: "Sheet 3" });
    expect(prefix("=2024!A1")).toEqual({ sheet: "2024" });
    expect(prefix("='IPVALUE.x'!A1")).toEqual({ sheet: "IPVALUE.x" });
  });

  test("the spill operator follows a cell, a name or a closing parenthesis; a # elsewhere is an error literal", () => {
    expect(kinds("=$A$13#")).toEqual(["operator:=", "cell:$A$13", "spill:#"]);
    expect(kinds("=LET(x,1,x#)").slice(-3)).toEqual(["name:x", "spill:#", "close:)"]);
    expect(kinds("=#REF!A1")).toEqual(["operator:=", "error:#REF!", "cell:A1"]);
    expect(kinds("=A13 #N/A")).toEqual(["operator:=", "cell:A13", "whitespace: ", "error:#N/A"]);
  });

  test("cells are inside Excel's grid: XFD1048576 is a cell, XFE1 and A1048577 are names", () => {
    expect(["A1", "$A$1", "xfd1048576", "$XFD$1048576", "LOG10"].every(isCellReference)).toBe(true);
    expect(["XFE1", "A1048577", "A0", "AAAA1", "A1B", "販売A13", "R1C1x"].some(isCellReference)).toBe(false);
  });

  test("every formula the add-in writes tokenizes back to itself, with no unknown piece; its sheet prefixes name its sheets, its spills the anchors", () => {
    const corpus = addinFormulas();
    expect(corpus.length).toBeGreaterThan(500);
    const texts = corpus.map((c) => c.formula);
    expect(texts.some((f) => f.includes("#All]"))).toBe(true);
    expect(texts.some((f) => f.includes("$A$13#"))).toBe(true);
    // D6, and SPIDER's cell two rows under SENSITIVITY's spill: D(k + 10) for k assumptions that vary (6, 8 and 12 in the examples)
    expect([...simulationAnchors].sort()).toEqual(["$D$16", "$D$18", "$D$22", "$D$6"]);
    expect(texts.some((f) => f.includes("'!"))).toBe(true); // the negotiator workbook's quoted sheet names
    for (const { formula, sheets } of corpus) {
      const tokens = tokenize(formula);
      expect([formula, joinTokens(tokens)]).toEqual([formula, formula]);
      expect([formula, tokens.filter((t) => t.kind === "unknown")]).toEqual([formula, []]);
      // a # is in a structured reference (IpvalueAssumptions[#All]) or the spill of an anchor the sheets put at A13, D6 or SPIDER's cell
      const hashes = tokens.filter((t) => t.text.includes("#") && t.kind !== "string");
      expect([formula, hashes.filter((t) => t.kind !== "structured" && t.kind !== "spill")]).toEqual([formula, []]);
      const spilled = tokens.flatMap((t, i) => (t.kind === "spill" ? [tokens[i - 1].text] : []));
      expect([formula, spilled.filter((c) => c !== "$A$13" && !simulationAnchors.has(c))]).toEqual([formula, []]);
      const named = tokens.flatMap((t) => (t.kind === "sheet" ? [t.prefix!.sheet] : []));
      if (sheets) expect([formula, named.filter((n) => !sheets.includes(n))]).toEqual([formula, []]);
      else expect([formula, named]).toEqual([formula, []]);
    }
  });

  test("tricky formulas tokenize back to themselves", () => {
    for (const formula of TRICKY) expect(joinTokens(tokenize(formula))).toBe(formula);
    expect(kinds('="unclosed')).toEqual(["operator:=", 'unknown:"unclosed']);
    expect(kinds("='unclosed")).toEqual(["operator:=", "unknown:'unclosed"]);
  });

  test("property: any text at all tokenizes back to itself, in tokens that follow one another", () => {
    const pieces = fc.constantFrom(..."=+-*/^&<>%:,;(){}[]!@#'\" \n$._\\?AZaz0919E販売", "A13", "#N/A", "#REF!", "[#All]", "'x''y'!");
    const text = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 40 }),
      fc.array(pieces, { maxLength: 30 }).map((a) => a.join(""))
    );
    fc.assert(
      fc.property(text, (formula) => {
        const tokens = tokenize(formula);
        let at = 0;
        for (const t of tokens as FormulaToken[]) {
          if (t.start !== at || t.text.length === 0) return false;
          at += t.text.length;
        }
        return joinTokens(tokens) === formula;
      }),
      { numRuns: 3000 }
    );
  });

  test("property: a string literal or a quoted sheet name is one token whatever it holds", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), (s) => {
        const literal = tokenize(`=A1&${quoted(s)}&B2`);
        const name = s.replace(/[\\/?*[\]:]/g, "") || "x"; // characters a sheet name cannot hold
        const sheet = tokenize(`='${name.replace(/'/g, "''")}'!A1`);
        return (
          literal.length === 6 &&
          literal[3].kind === "string" &&
          sheet.length === 3 &&
          sheet[1].kind === "sheet" &&
          sheet[1].prefix?.sheet === name &&
          sheet[2].kind === "cell"
        );
      }),
      { numRuns: 2000 }
    );
  });
});
