/**
 * "Freeze for sharing", the pure part: which formulas are IPVALUE's, what a frozen copy is called, and
 * how references to a frozen spill are rewritten. The Office.js adapter (../office/sharing.ts) copies
 * the sheets and writes the values.
 */

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

/** A formula that calls an IPVALUE function. */
export const IPVALUE_CALL = /(^|[^A-Za-z0-9_.])IPVALUE\./i;

/** Names a copy of `name` may take, in order of preference: "<name> (shared)", then "(shared 2)" … "(shared 99)". */
export function sharedCopyNames(name: string): string[] {
  const base = name.slice(0, 31 - " (shared 99)".length);
  return [`${base} (shared)`, ...Array.from({ length: 98 }, (_, i) => `${base} (shared ${i + 2})`)];
}

/** An A1 address made absolute (A13:D17 → $A$13:$D$17). */
export const absolute = (address: string): string => address.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");

/**
 * Rewrites references to the spills of frozen anchors (A13#, $A$13#) on the same sheet into the
 * address of the block the spill covered, so formulas over a frozen result keep working.
 */
export function replaceSpillReferences(formula: string, spills: ReadonlyMap<string, string>): string {
  return formula.replace(/(^|[^A-Za-z0-9_!'.])(\$?)([A-Za-z]{1,3})(\$?)(\d+)#/g, (whole, before: string, _d1, letters: string, _d2, digits: string) => {
    const block = spills.get(`${letters.toUpperCase()}${digits}`);
    return block === undefined ? whole : `${before}${block}`;
  });
}
