/**
 * Errors the valuation core raises. The kind maps one-to-one onto Excel's error codes in the
 * custom-function adapters, so the core never needs to know about Office.
 *  - invalidValue  -> #VALUE!  an argument is outside what is allowed (the message names it)
 *  - invalidNumber -> #NUM!    the inputs are valid but the maths has no answer
 *  - notAvailable  -> #N/A     something asked for does not exist (e.g. a scenario name)
 *
 * Every message is an entry of the catalogue messages/messages.json: an id with an English and a
 * Japanese template and named placeholders ({scenario}), so each call site names its message by id
 * (checked at compile time against messages/params.ts, generated from the catalogue) and passes
 * what it fills in. `message` is the English text; `in("ja")` or `text.ja` gives the Japanese.
 */
import catalogue from "./messages/messages.json";
import type { MessageId, MessageParams } from "./messages/params";

export type { MessageId, MessageParams } from "./messages/params";
export type ErrorKind = "invalidValue" | "invalidNumber" | "notAvailable";
export type MessageLanguage = "en" | "ja";

/** A text in both languages (the engine's Text). */
export interface Localized {
  en: string;
  ja: string;
}

/** What fills a placeholder: the same in both languages (a number, an excerpt of input), a text per language, or another error's message. */
export type Param = string | number | Localized | ValuationError;

const TEMPLATES = catalogue.messages as Record<MessageId, Localized>;
const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

/** A catalogue entry in one language with its placeholders filled in. */
export function renderMessage(id: MessageId, params: Readonly<Record<string, Param>>, language: MessageLanguage): string {
  return TEMPLATES[id][language].replace(PLACEHOLDER, (_, name: string) => {
    const p = params[name];
    if (p === undefined) throw new Error(`message ${id}: no value for {${name}}`);
    if (typeof p === "string") return p;
    if (typeof p === "number") return String(p);
    if (p instanceof ValuationError) return p.in(language);
    return p[language];
  });
}

/** The parameters of a message: none for a message without placeholders. */
export type ParamsOf<I extends MessageId> = [keyof MessageParams[I]] extends [never] ? [params?: MessageParams[I]] : [params: MessageParams[I]];

export class ValuationError extends Error {
  readonly id: MessageId;
  /** What fills the message's placeholders (a wrapper passes its inner message on). */
  readonly params: Readonly<Record<string, Param>>;
  private ja: string | undefined;

  constructor(
    public readonly kind: ErrorKind,
    id: MessageId,
    params: Readonly<Record<string, Param>> = {}
  ) {
    super(renderMessage(id, params, "en"));
    this.name = "ValuationError";
    this.id = id;
    this.params = params;
  }

  /** The message in `language` (the Japanese is rendered when first asked for: a simulation draw that fails never needs it). */
  in(language: MessageLanguage): string {
    if (language === "en") return this.message;
    return (this.ja ??= renderMessage(this.id, this.params, "ja"));
  }

  /** The message in both languages. */
  get text(): Localized {
    return { en: this.message, ja: this.in("ja") };
  }

  /** The same message under another kind (a refusal that, seen from the caller, is a different error). */
  withKind(kind: ErrorKind): ValuationError {
    return new ValuationError(kind, this.id, this.params);
  }
}

const make =
  (kind: ErrorKind) =>
  <I extends MessageId>(id: I, ...params: ParamsOf<I>): ValuationError =>
    new ValuationError(kind, id, (params[0] ?? {}) as Record<string, Param>);
export const invalidValue = make("invalidValue");
export const invalidNumber = make("invalidNumber");
export const notAvailable = make("notAvailable");

/** Another error's message under a prefix of the catalogue ("Scenario 'Low': …"), keeping its kind. */
export const wrapped = <I extends MessageId>(e: ValuationError, id: I, params: Omit<MessageParams[I], "message">): ValuationError =>
  new ValuationError(e.kind, id, { ...(params as Record<string, Param>), message: e });

/** A catalogue entry that is part of a message (a noun such as "The walk-away rate"), in both languages. */
export function phrase<I extends MessageId>(id: I, ...params: ParamsOf<I>): Localized {
  const p = (params[0] ?? {}) as Record<string, Param>;
  return { en: renderMessage(id, p, "en"), ja: renderMessage(id, p, "ja") };
}

// Names in messages. An assumption key is named by its Japanese label and the key in Japanese
// (「市場規模（初年度） (market_size)」): assumptions.ts registers its labels here, since it imports this file.
let japaneseLabel: (key: string) => string | undefined = () => undefined;
/** Called once by assumptions.ts with the lookup of an assumption's (or plan row's) Japanese label. */
export function registerJapaneseLabels(lookup: (key: string) => string | undefined): void {
  japaneseLabel = lookup;
}
/** An argument or assumption key for a message: the key in English; its Japanese label and the key in Japanese when it is an assumption. */
export function keyName(key: string): Localized {
  const label = japaneseLabel(key);
  return { en: key, ja: label === undefined ? key : `${label} (${key})` };
}
/** Several keys for a message, each as keyName shows it, joined with ", " and 「、」. */
export function keyNames(keys: readonly string[]): Localized {
  return { en: keys.join(", "), ja: keys.map((k) => keyName(k).ja).join("、") };
}
/** Words for a message joined with ", " in English and 「、」 in Japanese (keys, allowed values: the same in both). */
export function wordList(words: readonly string[]): Localized {
  return { en: words.join(", "), ja: words.join("、") };
}

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

// The excerpts above in both languages: the echoed input is the same, the words around it are translated.
const lengthNoteJa = (text: string): string => `（${count(text.length)}文字）`;

/** A name the user typed (a scenario, a key), quoted as quoted() quotes it in English and in 「」 in Japanese. */
export function quotedName(text: string, quote: '"' | "'" = "'", max = EXCERPT_CHARS): Localized {
  const { shown, cut } = cutText(text, max, false);
  return { en: quoted(text, quote, max), ja: `「${shown}」${cut ? lengthNoteJa(text) : ""}` };
}

/** excerpt() in both languages: the JSON of a short value is the same; what describes a long one is translated. */
export function excerptIn(value: unknown, max = EXCERPT_CHARS): Localized {
  const en = excerpt(value, max);
  if (typeof value === "string") {
    const { cut } = cutText(value, max, true);
    return { en, ja: cut ? en.slice(0, en.length - lengthNote(value).length) + lengthNoteJa(value) : en };
  }
  if (value === undefined || boundedJson(value, max) !== undefined) return { en, ja: en };
  if (typeof value === "bigint") return { en, ja: "bigint 値" };
  if (typeof value === "function" || typeof value === "symbol") return { en, ja: `${typeof value} 値` };
  if (Array.isArray(value)) {
    const rows = value.length;
    if (rows > 0 && Array.isArray(value[0])) return { en, ja: `${count(rows)}行×${count((value[0] as unknown[]).length)}列の範囲` };
    return { en, ja: `${count(rows)}項目の配列` };
  }
  if (ArrayBuffer.isView(value)) return { en, ja: "型付き配列" };
  return { en, ja: "オブジェクト" };
}

/** excerptList() in both languages: items joined with ", " or 「、」, then "and N more" or 「ほかN件」. */
export function excerptListIn(
  items: readonly string[],
  show: (item: string) => Localized = (s) => {
    const t = excerptText(s);
    return { en: t, ja: t };
  },
  maxItems = EXCERPT_ITEMS,
  separator: Localized = { en: ", ", ja: "、" }
): Localized {
  const out: Localized = { en: "", ja: "" };
  let n = 0;
  while (n < items.length && n < maxItems) {
    const next = show(items[n]);
    const en = (n > 0 ? separator.en : "") + next.en;
    if (n > 0 && out.en.length + en.length > 4 * EXCERPT_CHARS) break;
    out.en += en;
    out.ja += (n > 0 ? separator.ja : "") + next.ja;
    n++;
  }
  if (n < items.length) {
    out.en += ` and ${count(items.length - n)} more`;
    out.ja += `ほか${count(items.length - n)}件`;
  }
  return out;
}

/** excerptPlain() in both languages. */
export function excerptPlainIn(x: unknown): Localized {
  if (typeof x === "number" || typeof x === "boolean" || x === null || x === undefined) return { en: String(x), ja: String(x) };
  if (typeof x === "string") {
    const { shown, cut } = cutText(x, EXCERPT_CHARS, false);
    return { en: excerptText(x), ja: cut ? shown + lengthNoteJa(x) : shown };
  }
  return excerptIn(x);
}

/** describeCell() in both languages: 文字列 "abc", TRUE/FALSE, the number, 範囲. */
export function describeCellIn(v: unknown): Localized {
  const en = describeCell(v);
  if (typeof v === "string") return { en, ja: `文字列 "${excerptText(v, 30, false)}"` };
  if (typeof v === "boolean" || typeof v === "number") return { en, ja: en };
  if (Array.isArray(v)) return { en, ja: "範囲" };
  return { en, ja: `${typeof v} 値` };
}

/** What a check names: an argument or assumption key, or a phrase of the catalogue ("cash_flows (item 3)"), made only if the check fails. */
export type Name = string | Localized | (() => Localized);
const nameOf = (name: Name): Localized => (typeof name === "string" ? keyName(name) : typeof name === "function" ? name() : name);

const show = (x: unknown): Localized => (typeof x === "number" && Number.isNaN(x) ? { en: "not a number", ja: "数値ではない値 (NaN)" } : excerptPlainIn(x));

export function requireFinite(x: number, name: Name): number {
  if (typeof x !== "number" || !Number.isFinite(x)) throw invalidValue("finite-number", { name: nameOf(name), got: show(x) });
  return x;
}

/** Discount, growth and hurdle rates: any decimal above -100% (at -100% money has no time value). */
export function requireRate(x: number, name: Name): number {
  requireFinite(x, name);
  if (x <= -1) throw invalidValue("rate-above-minus-one", { name: nameOf(name), got: show(x) });
  return x;
}

/** Shares, probabilities, royalty and tax rates: a decimal from 0 to 1 (0.05 = 5%). */
export function requireFraction(x: number, name: Name, opts: { above0?: boolean; below1?: boolean } = {}): number {
  requireFinite(x, name);
  const lowOk = opts.above0 ? x > 0 : x >= 0;
  const highOk = opts.below1 ? x < 1 : x <= 1;
  if (!lowOk || !highOk) {
    const lo = opts.above0 ? { en: "above 0", ja: "0より大きく" } : { en: "from 0", ja: "0以上" };
    const hi = opts.below1 ? { en: "below 1", ja: "1未満" } : { en: "to 1", ja: "1以下" };
    throw invalidValue("fraction", { name: nameOf(name), low: lo, high: hi, got: show(x) });
  }
  return x;
}

/** Operating margins: a decimal of at most 1 (100%), negative for a loss. */
export function requireAtMostOne(x: number, name: Name): number {
  requireFinite(x, name);
  if (x > 1) throw invalidValue("at-most-one", { name: nameOf(name), got: show(x) });
  return x;
}

export function requireNonNegative(x: number, name: Name): number {
  requireFinite(x, name);
  if (x < 0) throw invalidValue("non-negative", { name: nameOf(name), got: show(x) });
  return x;
}

/** Year counts and year numbers: whole numbers from `min` to MAX_YEARS. */
export function requireWholeYears(x: number, name: Name, min = 1): number {
  requireFinite(x, name);
  if (!Number.isInteger(x) || x < min || x > MAX_YEARS) {
    throw invalidValue("whole-years", { name: nameOf(name), min, max: MAX_YEARS, got: show(x) });
  }
  return x;
}

/** The last guard before a number leaves the core: never NaN or Infinity. */
export function finiteResult<I extends MessageId>(x: number, what: I, ...params: ParamsOf<I>): number {
  if (!Number.isFinite(x)) throw invalidNumber("result-undefined", { what: phrase(what, ...params) });
  return x;
}
