/**
 * "Freeze for sharing", the pure part: which formulas are IPVALUE's, what a frozen copy is called, and
 * how references to a frozen spill are rewritten, on formula tokens (./formula-tokens.ts). The Office.js
 * adapter (../office/sharing.ts) copies the sheets and writes the values.
 */
import { sheetRef } from "../../model/a1";
import { cellKey, SheetPrefix, tokenize } from "./formula-tokens";

/** A cell "Freeze for sharing" changed in a copy: its formula, and the value (or, for a spill reference, the formula) now in its place. */
export interface FrozenCell {
  /** The copy's name. */
  sheet: string;
  /** A1 address in the copy (a range for a spilled result). */
  address: string;
  formula: string;
  value: unknown;
  /** "value": an =IPVALUE.* formula replaced by its value; "reference": a reference to its spill (A13#) replaced by the block's address. */
  kind: "value" | "reference";
}

/** Whether a formula calls an IPVALUE function: a function token IPVALUE.*( — not a text "IPVALUE.DCF", a sheet 'IPVALUE.x'! or a name. */
export function callsIpvalue(formula: string): boolean {
  return tokenize(formula).some((t) => t.kind === "function" && /^IPVALUE\./i.test(t.text));
}

/** Names a copy of `name` may take, in order of preference: "<name> (shared)", then "(shared 2)" … "(shared 99)". */
export function sharedCopyNames(name: string): string[] {
  const base = name.slice(0, 31 - " (shared 99)".length);
  return [`${base} (shared)`, ...Array.from({ length: 98 }, (_, i) => `${base} (shared ${i + 2})`)];
}

/** An A1 address made absolute (A13:D17 → $A$13:$D$17). */
export const absolute = (address: string): string => address.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");

/** Whether a sheet prefix names `sheet` of this workbook (Excel compares sheet names without case). */
const names = (prefix: SheetPrefix, sheet: string | undefined): boolean =>
  sheet !== undefined && prefix.workbook === undefined && prefix.lastSheet === undefined && prefix.sheet.toUpperCase() === sheet.toUpperCase();

/** A sheet frozen in the same batch: the name of its copy and the blocks its spills covered (A13 → $A$13:$D$17). */
export interface FrozenSheet {
  copy: string;
  spills: ReadonlyMap<string, string>;
}

/** The other frozen sheet a prefix names (a plain sheet of this workbook, not this one), if any. */
function frozenOther(prefix: SheetPrefix, sheet: string | undefined, others: ReadonlyMap<string, FrozenSheet>): FrozenSheet | undefined {
  if (prefix.workbook !== undefined || prefix.lastSheet !== undefined || names(prefix, sheet)) return undefined;
  return others.get(prefix.sheet.toUpperCase());
}

/**
 * Rewrites references to the spills of frozen anchors on the frozen sheet (A13#, $A$13#, and
 * Valuation!A13# when `sheet` is "Valuation") into the address of the block the spill covered, so
 * formulas over a frozen result keep working in the copy. `spills` maps an anchor (A13) to its block
 * ($A$13:$D$17). `others` are the other sheets frozen in the same batch, keyed by their name in
 * capitals: Simulation!A13# from one of them points at its copy's block ('Simulation (shared)'!$A$13:$D$17).
 * Works on tokens: texts, other sheets' and other workbooks' references, names that end like a cell
 * (販売A13#) and structured references are left exactly as they were.
 */
export function replaceSpillReferences(
  formula: string,
  spills: ReadonlyMap<string, string>,
  sheet?: string,
  others: ReadonlyMap<string, FrozenSheet> = new Map()
): string {
  const tokens = tokenize(formula);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const block = t.kind === "cell" && tokens[i + 1]?.kind === "spill" ? spills.get(cellKey(t.text)) : undefined;
    const before = tokens[i - 1];
    // The cell's sheet: its own prefix, or that of the range it ends (Valuation!A1:A13#).
    const prefix =
      before?.kind === "sheet"
        ? before.prefix
        : before?.text === ":" && tokens[i - 2]?.kind === "cell" && tokens[i - 3]?.kind === "sheet"
          ? tokens[i - 3].prefix
          : undefined;
    const other =
      t.kind === "cell" && tokens[i + 1]?.kind === "spill" && before?.kind === "sheet" && before.prefix ? frozenOther(before.prefix, sheet, others) : undefined;
    const otherBlock = other?.spills.get(cellKey(t.text));
    if (other && otherBlock !== undefined) {
      out.pop(); // the live sheet's prefix, replaced by its copy's
      out.push(sheetRef(other.copy), otherBlock);
      i++; // the "#"
      continue;
    }
    if (block === undefined || (prefix !== undefined && !names(prefix, sheet))) {
      out.push(t.text);
      continue;
    }
    if (before?.kind === "sheet") out.pop(); // the block is on the copy itself: no sheet prefix
    out.push(block);
    i++; // the "#"
  }
  return out.join("");
}
