/**
 * Candidate deal terms read from contract or report text (Japanese or English), for the office's own
 * comparables: every rate (3%, ３パーセント, 百分の三, three percent) and every amount of money (金500万円,
 * 1億2千万円, USD 10,000, $1.5 million) is listed with the deal-terms key of the words that say which term
 * it is (実施料, upfront …), or `unknown` when no such word is near: nothing is dropped or guessed.
 * A number without a unit (a date, an article number, a count) is not a candidate term.
 * Rule-based and pure: no network, no model.
 */
import { invalidValue, quoted } from "./errors";

export type ExtractedKind =
  "royalty_rate" | "upfront" | "annual_minimum" | "milestone" | "equity_share" | "success_fee" | "sublicense_share" | "annual_fee" | "unknown";

/** "rate" for a percentage (as a decimal), else the amount's currency (ISO code). */
export type ExtractedUnit = "rate" | "JPY" | "USD" | "EUR" | "GBP";

export interface ExtractedTerm {
  kind: ExtractedKind;
  /** The figure, or a range's low end; null for a number too large to read. */
  low: number | null;
  /** A range's high end; equal to low for a single figure. */
  high: number | null;
  unit: ExtractedUnit;
  /** The sentence it came from, as typed (runs of spaces, tabs and line breaks shown as one space), cut around the figure. */
  excerpt: string;
}

export type TextLanguage = "ja" | "en";

export const EXTRACTED_HEADER = ["kind", "low", "high", "unit", "excerpt"] as const;

/** A cell holds at most this many characters (Excel's limit). */
export const MAX_CELL_CHARS = 32767;
/** All cells of a range together: 32 full cells, so that a whole column passed by mistake is refused at once. */
export const MAX_TEXT_CHARS = 32 * MAX_CELL_CHARS;
/** An excerpt longer than this is cut around its figure. */
export const EXCERPT_MAX = 160;

// ---------------------------------------------------------------------------------------------
// Japanese numerals: digits, 漢数字 and 十百千 within 万億兆 groups, mixed as agreements write them
// (5百万, 1億2千万, 三千五百万, 1.5億). Kept here (a few lines) rather than as a dependency.

const KANJI_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNIT: Record<string, number> = { 万: 1e4, 億: 1e8, 兆: 1e12 };

/** Rounds away float noise (1.1 / 100 = 0.011000000000000001). */
const clean = (x: number): number => (Number.isFinite(x) ? parseFloat(x.toPrecision(15)) : x);

/**
 * The value of a number written with ASCII digits (commas and a decimal point allowed), 漢数字, or both.
 * Consecutive kanji digits read positionally (二〇二四 = 2024). Undefined when it is not a number.
 */
export function parseJapaneseNumber(text: string): number | undefined {
  const tokens = text.match(/(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[〇零一二三四五六七八九]+|[十百千万億兆]/g);
  if (!tokens || tokens.join("") !== text) return undefined;
  let total = 0; // groups of 万, 億, 兆 already closed
  let group = 0; // the part below the next large unit
  let current: number | null = null; // the digits not yet multiplied
  for (const t of tokens) {
    if (t in SMALL_UNIT) {
      group += (current ?? 1) * SMALL_UNIT[t];
      current = null;
    } else if (t in LARGE_UNIT) {
      if (group === 0 && current === null) return undefined; // 万 without a number before it
      total += (group + (current ?? 0)) * LARGE_UNIT[t];
      group = 0;
      current = null;
    } else {
      if (current !== null) return undefined; // two numbers side by side
      current = /\d/.test(t) ? Number(t.replace(/,/g, "")) : Number([...t].map((c) => KANJI_DIGIT[c]).join(""));
    }
  }
  return clean(total + group + (current ?? 0));
}

const ONES: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

// ---------------------------------------------------------------------------------------------
// The words that say which term a figure belongs to. A word names the kind a rate and the kind an
// amount near it are (ライセンス料 is a running royalty as a rate, an upfront fee as an amount); a word
// naming neither (非ロイヤリティ, non-royalty) only hides the shorter word inside it.

interface TermWord {
  rate?: ExtractedKind;
  amount?: ExtractedKind;
}
const R = (kind: ExtractedKind): TermWord => ({ rate: kind });
const A = (kind: ExtractedKind): TermWord => ({ amount: kind });
const NEITHER: TermWord = {};

const WORDS_JA: Record<string, TermWord> = {
  実施料率: R("royalty_rate"),
  実施料: R("royalty_rate"),
  ロイヤリティ: R("royalty_rate"),
  ロイヤルティ: R("royalty_rate"),
  ランニングロイヤリティ: R("royalty_rate"),
  ランニング・ロイヤリティ: R("royalty_rate"),
  料率: R("royalty_rate"),
  ライセンス料: { rate: "royalty_rate", amount: "upfront" },
  一時金: A("upfront"),
  契約一時金: A("upfront"),
  頭金: A("upfront"),
  契約金: A("upfront"),
  イニシャルペイメント: A("upfront"),
  イニシャル・ペイメント: A("upfront"),
  最低実施料: A("annual_minimum"),
  最低ロイヤリティ: A("annual_minimum"),
  最低ロイヤルティ: A("annual_minimum"),
  ミニマムロイヤリティ: A("annual_minimum"),
  ミニマム・ロイヤリティ: A("annual_minimum"),
  マイルストーン: A("milestone"),
  マイルストン: A("milestone"),
  株式: R("equity_share"),
  新株予約権: R("equity_share"),
  ストックオプション: R("equity_share"),
  持分: R("equity_share"),
  成功報酬: R("success_fee"),
  サブライセンス: R("sublicense_share"),
  再実施許諾: R("sublicense_share"),
  年間維持費: A("annual_fee"),
  維持費: A("annual_fee"),
  非ロイヤリティ: NEITHER,
  非ロイヤルティ: NEITHER,
};

const WORDS_EN: Record<string, TermWord> = {
  "running royalty": R("royalty_rate"),
  "running royalties": R("royalty_rate"),
  "royalty rate": R("royalty_rate"),
  royalty: R("royalty_rate"),
  royalties: R("royalty_rate"),
  "license fee": A("upfront"),
  "license issue fee": A("upfront"),
  upfront: A("upfront"),
  "up-front": A("upfront"),
  "signing fee": A("upfront"),
  "initial payment": A("upfront"),
  "lump sum": A("upfront"),
  "lump-sum": A("upfront"),
  "minimum annual royalty": A("annual_minimum"),
  "minimum annual royalties": A("annual_minimum"),
  "minimum royalty": A("annual_minimum"),
  "minimum royalties": A("annual_minimum"),
  "annual minimum": A("annual_minimum"),
  milestone: A("milestone"),
  milestones: A("milestone"),
  equity: R("equity_share"),
  stock: R("equity_share"),
  "success fee": R("success_fee"),
  "sublicense income": R("sublicense_share"),
  "sublicensing income": R("sublicense_share"),
  "sublicense revenue": R("sublicense_share"),
  sublicense: R("sublicense_share"),
  sublicensing: R("sublicense_share"),
  "annual fee": A("annual_fee"),
  "annual license fee": A("annual_fee"),
  "maintenance fee": A("annual_fee"),
  "annual maintenance fee": A("annual_fee"),
  "non-royalty": NEITHER,
};

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** One alternation, longest words first so that 最低実施料 wins over 実施料; English words end at a word boundary. */
function wordsPattern(words: Record<string, TermWord>, english: boolean): string {
  const alternatives = Object.keys(words)
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join("|");
  return english ? `(?<![a-z])(?:${alternatives})(?![a-z])` : `(?:${alternatives})`;
}
const WORD_RE: Record<"ja" | "en" | "both", RegExp> = {
  ja: new RegExp(wordsPattern(WORDS_JA, false), "g"),
  en: new RegExp(wordsPattern(WORDS_EN, true), "g"),
  both: new RegExp(`${wordsPattern(WORDS_JA, false)}|${wordsPattern(WORDS_EN, true)}`, "g"),
};
const wordOf = (w: string): TermWord => WORDS_JA[w] ?? WORDS_EN[w];

// ---------------------------------------------------------------------------------------------
// The text, normalised for matching: each character by NFKC (full-width digits, ％, （）) and lower
// case, with a map back to the original, so that excerpts show what the user typed.

interface Normalised {
  text: string;
  /** For each character of text, the index of the original character it came from. */
  origin: number[];
}

function normalise(original: string): Normalised {
  let text = "";
  const origin: number[] = [];
  for (let i = 0; i < original.length;) {
    const code = original.codePointAt(i)!;
    const ch = String.fromCodePoint(code);
    const wave = ch === "\u301c" || ch === "\uff5e" ? "~" : undefined; // 〜 and ～: range marks
    const out = wave ?? ch.normalize("NFKC").toLowerCase();
    for (let k = 0; k < out.length; k++) origin.push(i);
    text += out;
    i += ch.length;
  }
  return { text, origin };
}

// ---------------------------------------------------------------------------------------------
// Figures.

const DIGITS = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?";
const NUM = `(?:${DIGITS}|[〇零一二三四五六七八九十百千])(?:${DIGITS}|[〇零一二三四五六七八九十百千万億兆])*`;
const NUMBER_RE = new RegExp(NUM, "g");
const HUNDREDTHS_RE = new RegExp(`(?:百|100)分の(${NUM})`, "g");
const WORD_NUMBER_RE = new RegExp(
  `(?<![a-z])(${Object.keys(TENS).join("|")}|${Object.keys(ONES).join("|")})(?:[- ](${Object.keys(ONES).slice(1, 10).join("|")}))?\\s*(?:percent|per cent)(?![a-z])`,
  "g"
);
const MULTIPLIER_RE = /^\s*(thousand|million|billion|trillion|mn|bn|m|k)(?![a-z])/;
const SUFFIX_RE = /^\s*(%|パーセント|percent|per cent|pct|円|yen|jpy|米ドル|ドル|dollars?|usd|ユーロ|euros?|eur|ポンド|pounds?|gbp|割)(?![a-z])/;
const PREFIX_RE = /(us\$|\$|¥|€|£|(?<![a-z])(?:usd|jpy|eur|gbp))\s*$/;
const RATE_SUFFIX = new Set(["%", "パーセント", "percent", "per cent", "pct", "割"]);
const MULTIPLIERS: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12 };
const CURRENCY: Record<string, ExtractedUnit> = {
  円: "JPY",
  yen: "JPY",
  jpy: "JPY",
  "¥": "JPY",
  米ドル: "USD",
  ドル: "USD",
  dollar: "USD",
  dollars: "USD",
  usd: "USD",
  $: "USD",
  us$: "USD",
  ユーロ: "EUR",
  euro: "EUR",
  euros: "EUR",
  eur: "EUR",
  "€": "EUR",
  ポンド: "GBP",
  pound: "GBP",
  pounds: "GBP",
  gbp: "GBP",
  "£": "GBP",
};
const RANGE_MARK_RE = /^\s*(?:~|-|–|—|−|から|乃至|ないし|to)\s*$/;

interface Figure {
  start: number;
  end: number;
  low: number;
  high: number;
  /** undefined: a number without a unit, kept only as the low end of a range (2～5%). */
  unit?: ExtractedUnit;
  /** What the leading number was multiplied by (百万 in 5百万円, million, 1/100 for %), for a bare low end (2～5百万円). */
  scale: number;
  /** The part of scale that is not 十百千万億兆 (million, 1/100 for %), for a bare low end with its own (十～二十%). */
  baseScale: number;
  /** A bare number that carries its own 万/億 (1億～1億5千万円): no scale of the high end applies. */
  ownUnits: boolean;
}

/** The trailing 十百千万億兆 of a number written as digits followed by units only (5百万 → 1e6), else 1. */
function trailingScale(raw: string): number {
  const m = /^[\d,.〇零一二三四五六七八九]+([十百千万億兆]+)$/.exec(raw);
  return m ? (parseJapaneseNumber(`1${m[1]}`) ?? 1) : 1;
}

function figuresIn(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const start = m.index!;
    const raw = m[0];
    let end = start + raw.length;
    const prefix = PREFIX_RE.exec(text.slice(Math.max(0, start - 12), start));
    const before = text.charAt(start - 1);
    if ((!prefix && /[a-z\d.]/.test(before)) || before === "数" || before === "何") continue; // v1.5, 数百万円 (several million)
    if (/(?:百|100)分の$/.test(text.slice(Math.max(0, start - 5), start))) continue; // 百分の三: below
    const value = parseJapaneseNumber(raw);
    if (value === undefined) continue;
    let baseScale = 1;
    const mult = MULTIPLIER_RE.exec(text.slice(end, end + 16));
    let multiplierEnd = end;
    if (mult) {
      baseScale = MULTIPLIERS[mult[1]];
      multiplierEnd = end + mult[0].length;
    }
    const suffix = SUFFIX_RE.exec(text.slice(multiplierEnd, multiplierEnd + 16));
    let unit: ExtractedUnit | undefined;
    let figureStart = start;
    if (suffix && RATE_SUFFIX.has(suffix[1])) {
      if (mult) continue; // 5m% is no rate
      unit = "rate";
      baseScale = suffix[1] === "割" ? 0.1 : 0.01;
      end += suffix[0].length;
    } else if (suffix) {
      unit = CURRENCY[suffix[1]];
      end = multiplierEnd + suffix[0].length;
    } else if (prefix) {
      unit = CURRENCY[prefix[1]];
      end = multiplierEnd;
    }
    if (prefix && unit !== undefined && unit !== "rate") figureStart = Math.max(0, start - 12) + prefix.index;
    const low = clean(value * baseScale);
    out.push({ start: figureStart, end, low, high: low, unit, scale: baseScale * trailingScale(raw), baseScale, ownUnits: /[十百千万億兆]/.test(raw) });
  }
  for (const m of text.matchAll(HUNDREDTHS_RE)) {
    const v = parseJapaneseNumber(m[1]);
    if (v !== undefined)
      out.push({
        start: m.index!,
        end: m.index! + m[0].length,
        low: clean(v / 100),
        high: clean(v / 100),
        unit: "rate",
        scale: 0.01,
        baseScale: 0.01,
        ownUnits: false,
      });
  }
  for (const m of text.matchAll(WORD_NUMBER_RE)) {
    const v = clean(((TENS[m[1]] ?? ONES[m[1]]) + (m[2] ? ONES[m[2]] : 0)) / 100);
    out.push({ start: m.index!, end: m.index! + m[0].length, low: v, high: v, unit: "rate", scale: 0.01, baseScale: 0.01, ownUnits: false });
  }
  out.sort((a, b) => a.start - b.start);
  return joinRanges(text, out);
}

/**
 * Ranges become one figure with its low and high (2～5%, between 2% and 5%, $1-2 million); a figure
 * repeated in brackets after itself (three percent (3%), 金五百万円（5,000,000円）) is one figure.
 * Numbers without a unit are then dropped: they are no term.
 */
function joinRanges(text: string, figures: Figure[]): Figure[] {
  const out: Figure[] = [];
  for (let i = 0; i < figures.length; i++) {
    const a = figures[i];
    const b = figures[i + 1];
    if (b && b.unit !== undefined && b.start >= a.end && (a.unit === undefined || a.unit === b.unit)) {
      const between = text.slice(a.end, b.start);
      const isRange = RANGE_MARK_RE.test(between) || (/^\s+and\s+$/.test(between) && /between\s+$/.test(text.slice(Math.max(0, a.start - 10), a.start)));
      if (isRange) {
        const low = a.unit === undefined ? clean(a.low * (a.ownUnits ? b.baseScale : b.scale)) : a.low;
        if (low <= b.low) {
          out.push({ ...b, start: a.start, low, high: b.high });
          i++;
          continue;
        }
      }
      if (a.unit === b.unit && a.low === b.low && /^\s*\(\s*$/.test(between) && /^\s*\)/.test(text.slice(b.end, b.end + 4))) {
        out.push(a);
        i++;
        continue;
      }
    }
    // $1-2 million: the currency before the low end, the multiplier after the high end.
    if (b && a.unit !== undefined && a.unit !== "rate" && b.unit === undefined && RANGE_MARK_RE.test(text.slice(a.end, b.start))) {
      const low = a.baseScale === 1 ? clean(a.low * b.baseScale) : a.low;
      if (low <= b.low) {
        out.push({ ...a, end: b.end, low, high: b.low });
        i++;
        continue;
      }
    }
    if (a.unit !== undefined) out.push(a);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sentences, and which term each figure belongs to.

/** Sentence ends: 。, ! ?, a line break, a period before a space or the end (not inside 1.5). */
function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const end = c === "。" || c === "\n" || c === "\r" || c === "!" || c === "?" || (c === "." && (i + 1 === text.length || /\s/.test(text[i + 1])));
    if (end) {
      if (i + 1 > start) out.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

interface Found {
  start: number;
  end: number;
  word: TermWord;
}

const kindFor = (word: TermWord, unit: ExtractedUnit): ExtractedKind | undefined => (unit === "rate" ? word.rate : word.amount);

/**
 * The kind of each figure of a sentence: the nearest word before it that names a kind for its unit and
 * comes after the figure before it; else the nearest such word after it, before the next figure; else
 * the nearest such word before it in the sentence (a list: 5%、2.5%); else unknown.
 */
function kindsIn(figures: Figure[], words: Found[]): ExtractedKind[] {
  const n = figures.length;
  const before: (Found | undefined)[][] = [[], []]; // [rate, amount]: the nearest fitting word before each figure
  const after: (Found | undefined)[][] = [[], []];
  const slot = (u: ExtractedUnit) => (u === "rate" ? 0 : 1);
  for (const s of [0, 1]) {
    const unit: ExtractedUnit = s === 0 ? "rate" : "JPY";
    let w = 0;
    let last: Found | undefined;
    for (let i = 0; i < n; i++) {
      while (w < words.length && words[w].end <= figures[i].start) {
        if (kindFor(words[w].word, unit)) last = words[w];
        w++;
      }
      before[s][i] = last;
    }
    w = words.length - 1;
    let next: Found | undefined;
    for (let i = n - 1; i >= 0; i--) {
      while (w >= 0 && words[w].start >= figures[i].end) {
        if (kindFor(words[w].word, unit)) next = words[w];
        w--;
      }
      after[s][i] = next;
    }
  }
  return figures.map((f, i) => {
    const s = slot(f.unit!);
    const prevEnd = i > 0 ? figures[i - 1].end : -1;
    const nextStart = i + 1 < n ? figures[i + 1].start : Infinity;
    const b = before[s][i];
    const a = after[s][i];
    const word = b && b.start >= prevEnd ? b : a && a.end <= nextStart ? a : b;
    return (word && kindFor(word.word, f.unit!)) ?? "unknown";
  });
}

/** The sentence as typed, whitespace runs as one space, cut to EXCERPT_MAX characters around the figure. */
function excerptOf(original: string, n: Normalised, sentence: [number, number], figure: Figure): string {
  const from = n.origin[sentence[0]];
  const to = sentence[1] < n.origin.length ? n.origin[sentence[1]] : original.length;
  const figFrom = n.origin[figure.start] - from;
  const figTo = (figure.end < n.origin.length ? n.origin[figure.end] : original.length) - from;
  let s = original.slice(from, to);
  if (s.length > EXCERPT_MAX) {
    const a = Math.max(0, Math.min(figFrom - 60, s.length - EXCERPT_MAX));
    const b = Math.min(s.length, Math.max(figTo + 80, a + EXCERPT_MAX - 20));
    s = `${a > 0 ? "…" : ""}${s.slice(a, b)}${b < s.length ? "…" : ""}`;
  }
  return s.replace(/\s+/g, " ").trim();
}

/** The language argument: "ja", "en", or omitted (undefined) for both. */
export function parseTextLanguage(language: string | undefined): TextLanguage | undefined {
  if (language === undefined) return undefined;
  const l = language.trim().toLowerCase();
  if (l === "" || l === "auto") return undefined;
  if (l === "ja" || l === "en") return l;
  throw invalidValue("text-language", { got: quoted(language) });
}

/** Checks one more cell of text (item i, 0-based) against the limits; the running total of characters. */
export function checkTextLength(text: string, i: number, total: number): number {
  if (text.length > MAX_CELL_CHARS)
    throw invalidValue("text-cell-too-long", { item: i + 1, length: text.length.toLocaleString("en-US"), max: MAX_CELL_CHARS.toLocaleString("en-US") });
  const sum = total + text.length + 1;
  if (sum > MAX_TEXT_CHARS) throw invalidValue("text-too-long", { max: MAX_TEXT_CHARS.toLocaleString("en-US") });
  return sum;
}

/**
 * The candidate terms of the texts (cells read in order, each its own paragraph), in reading order.
 * `language` chooses the words that name a term (numbers are read in both languages' forms).
 */
export function extractTerms(texts: readonly string[], language?: TextLanguage): ExtractedTerm[] {
  let total = 0;
  texts.forEach((t, i) => (total = checkTextLength(t, i, total)));
  const original = texts.join("\n");
  const n = normalise(original);
  const figures = figuresIn(n.text);
  const wordRe = WORD_RE[language ?? "both"];
  const words: Found[] = [...n.text.matchAll(wordRe)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, word: wordOf(m[0]) }));
  const out: ExtractedTerm[] = [];
  let f = 0;
  let w = 0;
  for (const sentence of sentences(n.text)) {
    const inFigures: Figure[] = [];
    while (f < figures.length && figures[f].start < sentence[1]) inFigures.push(figures[f++]);
    if (inFigures.length === 0) continue;
    while (w < words.length && words[w].start < sentence[0]) w++;
    const inWords: Found[] = [];
    for (let k = w; k < words.length && words[k].start < sentence[1]; k++) inWords.push(words[k]);
    const kinds = kindsIn(inFigures, inWords);
    inFigures.forEach((fig, i) => {
      const finite = Number.isFinite(fig.low) && Number.isFinite(fig.high);
      out.push({
        kind: kinds[i],
        low: finite ? fig.low : null,
        high: finite ? fig.high : null,
        unit: fig.unit!,
        excerpt: excerptOf(original, n, sentence, fig),
      });
    });
  }
  return out;
}

/** EXTRACTTERMS' spill: the header and one row per term (a number too large to read: blank low and high). */
export function extractedTermsTable(terms: readonly ExtractedTerm[]): (string | number)[][] {
  return [[...EXTRACTED_HEADER], ...terms.map((t) => [t.kind, t.low ?? "", t.high ?? "", t.unit, t.excerpt])];
}
