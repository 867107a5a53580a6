/**
 * A lossless tokenizer for Excel formulas as Office.js reads them (Range.formulas: A1 style, en-US
 * separators whatever the user's locale), so that the pane can find references and function calls
 * without touching what the user wrote around them. Pure; no parse tree: "Freeze for sharing" only
 * needs to know what each piece of text is.
 *
 * Lossless: the tokens' texts, joined, are the formula, character for character, for any input (a
 * formula Excel would refuse included: what does not fit the grammar becomes an "unknown" token).
 *
 * Grammar (the first rule that matches at a position wins):
 *  - whitespace   spaces, tabs, line breaks (Alt+Enter); a space between references is Excel's intersection
 *  - string       "…" with "" for a quote inside
 *  - sheet        a reference's sheet prefix, "!" included: Sheet1!  'Plan A13#'!  (quotes doubled inside)
 *                 Sheet1:Sheet3! (3-D)  [Book.xlsx]Sheet1!  [1]Sheet1!  '[Book 1.xlsx]Sheet 1'!
 *                 'C:\dir\[Book.xlsx]Sheet'!  [Book.xlsx]! (a workbook-level name follows)
 *  - structured   a table reference, brackets nested and ' escaping the next character:
 *                 IpvalueAssumptions[#All]  Table1[[#This Row],[Col]]  [@Col] (inside a table)
 *  - spill        "#" right after a cell, a name or ")": the spilled-range operator (A13#, $A$13#, MyName#)
 *  - error        an error literal: #N/A #REF! #DIV/0! #VALUE! #NAME? #NUM! #NULL! #SPILL! #CALC! #GETTING_DATA …
 *  - number       1  1.5  .5  1E+10 (a sign is an operator)
 *  - function     a name right before "(": SUM(  IPVALUE.RANGE(  _xlfn.LET(
 *  - cell         $?COLUMN$?ROW with COLUMN A…XFD and ROW 1…1048576: A13  $A$13  xfd1048576
 *  - name         any other run of characters that are not delimiters (defined names, TRUE, LAMBDA
 *                 parameters, column parts of A:A): letters of any script, digits, _ . \ ? $ …
 *  - operator     + - * / ^ & = < > <= >= <> % : @ !
 *  - separator    , ;   (arguments, union, array columns and rows)
 *  - open, close  ( { and ) }
 *  - unknown      anything else: an unclosed string or quote, a stray ] or #
 */

export type TokenKind =
  | "whitespace"
  | "string"
  | "sheet"
  | "structured"
  | "spill"
  | "error"
  | "number"
  | "function"
  | "cell"
  | "name"
  | "operator"
  | "separator"
  | "open"
  | "close"
  | "unknown";

/** What a sheet prefix names, quotes undone. */
export interface SheetPrefix {
  /** The external workbook with its brackets and any path before them ("[Book.xlsx]", "C:\dir\[Book.xlsx]"); undefined in this workbook. */
  workbook?: string;
  /** The sheet ("" before a workbook-level name, [Book.xlsx]!Name). */
  sheet: string;
  /** The last sheet of a 3-D reference (Sheet1:Sheet3!A1). */
  lastSheet?: string;
}

export interface FormulaToken {
  kind: TokenKind;
  /** The token's text exactly as in the formula. */
  text: string;
  /** Where it starts in the formula (UTF-16 index). */
  start: number;
  /** For a "sheet" token: what it names. */
  prefix?: SheetPrefix;
}

/** Characters that end a name or cell; everything else (any script's letters included) belongs to one. */
const DELIMITERS = new Set([..." \t\r\n\"'#+-*/^&=<>%:,;(){}[]!@"]);
const WHITESPACE = new Set([..." \t\r\n"]);
const ERRORS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#EXTERNAL!",
  "#PYTHON!",
  "#TIMEOUT!",
];
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const MAX_COLUMN = 16384; // XFD
const MAX_ROW = 1048576;

/** Whether a name is an A1 cell reference inside Excel's grid (A1 … XFD1048576, $ allowed). */
export function isCellReference(text: string): boolean {
  const m = CELL.exec(text);
  if (!m) return false;
  const column = [...m[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(m[2]);
  return column <= MAX_COLUMN && row >= 1 && row <= MAX_ROW;
}

/** The cell a reference names, without $ and in capitals: $a$13 → A13. */
export const cellKey = (text: string): string => text.replace(/\$/g, "").toUpperCase();

/** The tokens of a formula (with or without its leading "="). */
export function tokenize(formula: string): FormulaToken[] {
  const tokens: FormulaToken[] = [];
  const n = formula.length;
  let i = 0;
  const push = (kind: TokenKind, end: number, prefix?: SheetPrefix) => {
    tokens.push(prefix ? { kind, text: formula.slice(i, end), start: i, prefix } : { kind, text: formula.slice(i, end), start: i });
    i = end;
  };
  /** The end of a run of name characters from `at`. */
  const runEnd = (at: number) => {
    let j = at;
    while (j < n && !DELIMITERS.has(formula[j])) j++;
    return j;
  };
  /** The end of a bracket group opening at `at` (nested brackets; ' escapes the next character), or n if unclosed. */
  const bracketEnd = (at: number) => {
    let depth = 0;
    for (let j = at; j < n; j++) {
      const ch = formula[j];
      if (ch === "'") j++;
      else if (ch === "[") depth++;
      else if (ch === "]" && --depth === 0) return j + 1;
    }
    return n;
  };
  /** The end of a quoted text opening at `at` (the quote character doubled inside), or -1 if unclosed. */
  const quotedEnd = (at: number, quote: string) => {
    for (let j = at + 1; j < n; j++) {
      if (formula[j] !== quote) continue;
      if (formula[j + 1] === quote) j++;
      else return j + 1;
    }
    return -1;
  };
  const previous = () => tokens[tokens.length - 1];

  while (i < n) {
    const ch = formula[i];
    if (WHITESPACE.has(ch)) {
      let j = i + 1;
      while (j < n && WHITESPACE.has(formula[j])) j++;
      push("whitespace", j);
    } else if (ch === '"') {
      const end = quotedEnd(i, '"');
      push(end < 0 ? "unknown" : "string", end < 0 ? n : end);
    } else if (ch === "'") {
      const end = quotedEnd(i, "'");
      if (end > 0 && formula[end] === "!") push("sheet", end + 1, quotedPrefix(formula.slice(i + 1, end - 1).replace(/''/g, "'")));
      else push("unknown", end < 0 ? n : end);
    } else if (ch === "[") {
      const close = bracketEnd(i);
      const after = runEnd(close);
      if (close < n && formula[after] === "!") {
        push("sheet", after + 1, { workbook: formula.slice(i, close), sheet: formula.slice(close, after) });
      } else push("structured", close);
    } else if (ch === "#") {
      const before = previous();
      const error = ERRORS.find((e) => formula.substr(i, e.length).toUpperCase() === e);
      if (before && before.start + before.text.length === i && (before.kind === "cell" || before.kind === "name" || before.text === ")")) push("spill", i + 1);
      else if (error) push("error", i + error.length);
      else push("unknown", i + 1);
    } else if (/\d/.test(ch) || (ch === "." && /\d/.test(formula[i + 1] ?? ""))) {
      const end = runEnd(i);
      NUMBER.lastIndex = i;
      NUMBER.exec(formula);
      if (formula[end] === "!")
        push("sheet", end + 1, { sheet: formula.slice(i, end) }); // a sheet named 2024 written unquoted
      else push("number", NUMBER.lastIndex);
    } else if (!DELIMITERS.has(ch)) {
      const end = runEnd(i);
      const next = formula[end];
      const last = next === ":" ? runEnd(end + 1) : end;
      if (next === "!") push("sheet", end + 1, { sheet: formula.slice(i, end) });
      else if (next === ":" && last > end + 1 && formula[last] === "!")
        push("sheet", last + 1, { sheet: formula.slice(i, end), lastSheet: formula.slice(end + 1, last) });
      else if (next === "(") push("function", end);
      else if (next === "[") push("structured", bracketEnd(end));
      else push(isCellReference(formula.slice(i, end)) ? "cell" : "name", end);
    } else if (["<=", ">=", "<>"].includes(formula.substr(i, 2))) {
      push("operator", i + 2);
    } else if ("+-*/^&=<>%:@!".includes(ch)) {
      push("operator", i + 1);
    } else if (ch === "," || ch === ";") {
      push("separator", i + 1);
    } else if (ch === "(" || ch === "{") {
      push("open", i + 1);
    } else if (ch === ")" || ch === "}") {
      push("close", i + 1);
    } else {
      push("unknown", i + 1); // a stray ]
    }
  }
  return tokens;
}

/** A quoted prefix's parts: 'C:\dir\[Book.xlsx]Sheet 1'  'Sheet1:Sheet3'  'Plan A13#'. Sheet names cannot hold [ ] or :. */
function quotedPrefix(inside: string): SheetPrefix {
  const open = inside.indexOf("[");
  const close = open < 0 ? -1 : inside.indexOf("]", open);
  const workbook = close < 0 ? undefined : inside.slice(0, close + 1);
  const sheets = close < 0 ? inside : inside.slice(close + 1);
  const colon = sheets.indexOf(":");
  const sheet = colon < 0 ? sheets : sheets.slice(0, colon);
  const lastSheet = colon < 0 ? undefined : sheets.slice(colon + 1);
  return { ...(workbook !== undefined ? { workbook } : {}), sheet, ...(lastSheet !== undefined ? { lastSheet } : {}) };
}

/** The formula again from its tokens (tokenize then join gives back the formula). */
export const joinTokens = (tokens: readonly FormulaToken[]): string => tokens.map((t) => t.text).join("");
