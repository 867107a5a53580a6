/**
 * Errors the valuation core raises. The kind maps one-to-one onto Excel's error codes in the
 * custom-function adapters, so the core never needs to know about Office.
 *  - invalidValue  -> #VALUE!  an argument is outside what is allowed (the message names it)
 *  - invalidNumber -> #NUM!    the inputs are valid but the maths has no answer
 *  - notAvailable  -> #N/A     something asked for does not exist (e.g. a scenario name)
 */
export type ErrorKind = "invalidValue" | "invalidNumber" | "notAvailable";

export class ValuationError extends Error {
  constructor(
    public readonly kind: ErrorKind,
    message: string
  ) {
    super(message);
    this.name = "ValuationError";
  }
}

export const invalidValue = (message: string): ValuationError => new ValuationError("invalidValue", message);
export const invalidNumber = (message: string): ValuationError => new ValuationError("invalidNumber", message);
export const notAvailable = (message: string): ValuationError => new ValuationError("notAvailable", message);

/** Longest model the core accepts: a spill of this many rows is still readable and cheap. */
export const MAX_YEARS = 200;

// ---------------------------------------------------------------------------------------------
// Echoing input in a message. A message repeats what the user typed so they can find it, but a cell
// holds up to 32,767 characters and a range a million cells: everything a message echoes passes
// through excerpt() or one of its siblings, which never serialise more than a few dozen characters.

/** Most characters of echoed text a message shows (escapes included) before cutting with "…". */
export const EXCERPT_CHARS = 60;
/** Most items of a list (scenario names, suggested keys) a message names before "and N more". */
export const EXCERPT_ITEMS = 10;

const count = (n: number): string => n.toLocaleString("en-US");
const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;

const SHORT_ESCAPES: Record<number, string> = { 8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r" };
/**
 * Characters a message never shows raw: C0 and C1 controls and DEL (a line feed from Alt+Enter, a tab),
 * the line and paragraph separators, bidirectional controls (they reorder the rest of the message), the
 * byte-order mark and lone surrogates. Shown as JSON escapes (\n, \u0001), as JSON.stringify writes C0.
 */
const unsafe = (code: number): boolean =>
  code < 0x20 ||
  (code >= 0x7f && code <= 0x9f) ||
  code === 0x2028 ||
  code === 0x2029 ||
  code === 0x200e ||
  code === 0x200f ||
  (code >= 0x202a && code <= 0x202e) ||
  (code >= 0x2066 && code <= 0x2069) ||
  code === 0xfeff ||
  (code >= 0xd800 && code <= 0xdfff); // reached only for a lone surrogate: a pair is taken whole
const escapeCode = (code: number): string => SHORT_ESCAPES[code] ?? `\\u${code.toString(16).padStart(4, "0")}`;

interface Cut {
  /** The shown part, escaped, at most `max` characters plus "…" when cut. */
  shown: string;
  /** The text was longer than what is shown. */
  cut: boolean;
}

/**
 * Escapes and cuts `text` to at most `max` output characters, never splitting a surrogate pair or an
 * escape. Reads at most about `max` characters of the input, however long it is. `json` also escapes
 * quotes and backslashes, so a short string comes out exactly as JSON.stringify writes its content.
 */
function cutText(text: string, max: number, json: boolean): Cut {
  let shown = "";
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const c = pair ? text.slice(i, i + 2) : text[i];
    const piece = !pair && unsafe(code) ? escapeCode(code) : json && (c === '"' || c === "\\") ? `\\${c}` : c;
    // A pair counts as one character shown; the cut leaves room for the ellipsis.
    if (shown.length + piece.length > max) return { shown: `${shown}…`, cut: true };
    shown += piece;
    i += c.length;
  }
  return { shown, cut: false };
}

const lengthNote = (text: string): string => ` (${plural(text.length, "character")})`;

/**
 * Text the user typed, for a message: control characters escaped, cut to `max` characters with "…"
 * and the full length after it ("abc… (32,767 characters)"). Short ordinary text comes back unchanged.
 * `noteLength: false` leaves the length out (messages whose format predates it: text "abc…").
 */
export function excerptText(text: string, max = EXCERPT_CHARS, noteLength = true): string {
  const { shown, cut } = cutText(text, max, false);
  return cut && noteLength ? shown + lengthNote(text) : shown;
}

/** Like excerptText, inside quotes, with the length after the closing quote: "abc…" (32,767 characters). */
export function quoted(text: string, quote: '"' | "'" = '"', max = EXCERPT_CHARS): string {
  const { shown, cut } = cutText(text, max, false);
  return `${quote}${shown}${quote}${cut ? lengthNote(text) : ""}`;
}

/** JSON of `value` if it takes at most `budget` characters; undefined (having read little of it) if not. */
function boundedJson(value: unknown, budget: number): string | undefined {
  if (budget <= 0) return undefined;
  if (value === null || typeof value === "number" || typeof value === "boolean") {
    const s = JSON.stringify(value);
    return s.length <= budget ? s : undefined;
  }
  if (typeof value === "string") {
    const { shown, cut } = cutText(value, budget - 2, true);
    return cut ? undefined : `"${shown}"`;
  }
  if (Array.isArray(value)) {
    if (value.length * 2 > budget + 1) return undefined; // each item takes a character and a comma at least
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const s = item === undefined || typeof item === "function" || typeof item === "symbol" ? "null" : boundedJson(item, budget - out.length - 2);
      if (s === undefined) return undefined;
      out += (i > 0 ? "," : "") + s;
    }
    return out.length + 1 <= budget ? `${out}]` : undefined;
  }
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype && typeof (value as { toJSON?: unknown }).toJSON !== "function") {
    let out = "{";
    let first = true;
    for (const key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined || typeof v === "function" || typeof v === "symbol") continue;
      const k = boundedJson(key, budget - out.length);
      if (k === undefined) return undefined;
      const s = boundedJson(v, budget - out.length - k.length - 3);
      if (s === undefined) return undefined;
      out += `${first ? "" : ","}${k}:${s}`;
      first = false;
      if (out.length >= budget) return undefined;
    }
    return out.length + 1 <= budget ? `${out}}` : undefined;
  }
  return undefined;
}

/** What an array is, by its shape (its first row's width; O(1)): "a range of 1,048,576 rows × 1 column". */
function shapeOf(value: readonly unknown[]): string {
  const rows = value.length;
  if (rows > 0 && Array.isArray(value[0])) return `a range of ${plural(rows, "row")} × ${plural((value[0] as unknown[]).length, "column")}`;
  return `an array of ${plural(rows, "item")}`;
}

/**
 * Any value the user passed, for a message: what JSON.stringify writes when that is short (so
 * `got "middle"` and `got [["mid"]]` read as before), else a cut string with its length, or an array
 * described by its shape. Never serialises more than about `max` characters, whatever it is given.
 */
export function excerpt(value: unknown, max = EXCERPT_CHARS): string {
  if (typeof value === "string") {
    const { shown, cut } = cutText(value, max, true);
    return `"${shown}"${cut ? lengthNote(value) : ""}`;
  }
  if (value === undefined) return "undefined";
  if (typeof value === "bigint") return "a bigint";
  if (typeof value === "function" || typeof value === "symbol") return `a ${typeof value}`;
  const json = boundedJson(value, max);
  if (json !== undefined) return json;
  if (Array.isArray(value)) return shapeOf(value);
  if (ArrayBuffer.isView(value)) return `a typed array`;
  return "an object";
}

/**
 * A list of names for a message, each shown by `show` (quoted, say): at most `maxItems` of them and
 * about four excerpts' worth of characters (at least one name), then "and N more".
 */
export function excerptList(
  items: readonly string[],
  show: (item: string) => string = (s) => excerptText(s),
  maxItems = EXCERPT_ITEMS,
  separator = ", "
): string {
  let shown = "";
  let n = 0;
  while (n < items.length && n < maxItems) {
    const next = (n > 0 ? separator : "") + show(items[n]);
    if (n > 0 && shown.length + next.length > 4 * EXCERPT_CHARS) break;
    shown += next;
    n++;
  }
  return n < items.length ? `${shown} and ${count(items.length - n)} more` : shown;
}

/**
 * A value as String() shows it where that is short (numbers, TRUE/FALSE, short text: `got 1.5`), text
 * cut as excerptText cuts it, and anything else (a range that reached a number check) as excerpt shows it.
 */
export function excerptPlain(x: unknown): string {
  if (typeof x === "number" || typeof x === "boolean" || x === null || x === undefined) return String(x);
  return typeof x === "string" ? excerptText(x) : excerpt(x);
}

/** What a refused cell held, for "must be a number; got …": text (cut at 30 characters), TRUE/FALSE, the number, or "a range". */
export function describeCell(v: unknown): string {
  if (typeof v === "string") return `text "${excerptText(v, 30, false)}"`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return "a range";
  return typeof v;
}

const show = (x: unknown): string => (typeof x === "number" && Number.isNaN(x) ? "not a number" : excerptPlain(x));

export function requireFinite(x: number, name: string): number {
  if (typeof x !== "number" || !Number.isFinite(x)) throw invalidValue(`${name} must be a finite number; got ${show(x)}`);
  return x;
}

/** Discount, growth and hurdle rates: any decimal above -100% (at -100% money has no time value). */
export function requireRate(x: number, name: string): number {
  requireFinite(x, name);
  if (x <= -1) throw invalidValue(`${name} must be a decimal rate above -1 (-100%); got ${show(x)}`);
  return x;
}

/** Shares, probabilities, royalty and tax rates: a decimal from 0 to 1 (0.05 = 5%). */
export function requireFraction(x: number, name: string, opts: { above0?: boolean; below1?: boolean } = {}): number {
  requireFinite(x, name);
  const lowOk = opts.above0 ? x > 0 : x >= 0;
  const highOk = opts.below1 ? x < 1 : x <= 1;
  if (!lowOk || !highOk) {
    const lo = opts.above0 ? "above 0" : "from 0";
    const hi = opts.below1 ? "below 1" : "to 1";
    throw invalidValue(`${name} must be a decimal ${lo} ${hi} (0.05 = 5%); got ${show(x)}`);
  }
  return x;
}

/** Operating margins: a decimal of at most 1 (100%), negative for a loss. */
export function requireAtMostOne(x: number, name: string): number {
  requireFinite(x, name);
  if (x > 1) throw invalidValue(`${name} must be a decimal of at most 1 (100%); got ${show(x)}`);
  return x;
}

export function requireNonNegative(x: number, name: string): number {
  requireFinite(x, name);
  if (x < 0) throw invalidValue(`${name} must be 0 or more; got ${show(x)}`);
  return x;
}

/** Year counts and year numbers: whole numbers from `min` to MAX_YEARS. */
export function requireWholeYears(x: number, name: string, min = 1): number {
  requireFinite(x, name);
  if (!Number.isInteger(x) || x < min || x > MAX_YEARS) {
    throw invalidValue(`${name} must be a whole number of years from ${min} to ${MAX_YEARS}; got ${show(x)}`);
  }
  return x;
}

/** The last guard before a number leaves the core: never NaN or Infinity. */
export function finiteResult(x: number, what: string): number {
  if (!Number.isFinite(x)) throw invalidNumber(`${what} is too large or undefined for these inputs`);
  return x;
}
