/**
 * The scenario set: the scenarios (their assumptions, as typed, and their internal mark) and the
 * committee's decisions. Pure data and pure operations (each returns a new set), no Office calls: the
 * task pane edits it and its workbook glue stores it, the negotiator workbook (src/export) shares what
 * the manager chooses of it, and the same set feeds the functions' table layout.
 */
import type { Correlation } from "./correlations";
import {
  ASSUMPTIONS,
  AssumptionKey,
  AssumptionSpec,
  assumptionSpec,
  Band,
  bandRateRange,
  BandSpread,
  DEAL_KEYS,
  IGNORED_HEADERS,
  INTERNAL_KEY,
  isUserColumn,
  KEY_HEADERS,
  keyColumn,
  mergeBands,
  normalizeKey,
  MILESTONE_COUNT,
  milestoneKey,
  parseJapaneseNumber,
  parseTiming,
  PlanSeries,
  RawValue,
  readFlag,
  termsPreset,
  ValuationError,
} from "../engine";
import { EditError } from "./edit-error";
import type { Language } from "./language";

/** Version of the stored layout, kept in the workbook so later versions can migrate it. */
export const SCHEMA_VERSION = 1;

/**
 * A value as the user entered it, already read: a number, a timing word, TRUE/FALSE for a flag (a
 * boolean, stored as a TRUE/FALSE cell); text the pane would refuse stays text, as typed; undefined = blank.
 */
export type EntryValue = number | string | boolean | undefined;

export interface EditableScenario {
  name: string;
  /** Internal scenarios are never shared with the counterparty. */
  internal: boolean;
  values: Partial<Record<AssumptionKey, EntryValue>>;
  /**
   * The yearly plan rows typed into the table (sales_<t> …), as read; the pane does not edit them
   * but values them, as the functions do. Absent when the table has none.
   */
  series?: Partial<Record<PlanSeries, RawValue[]>>;
}

export interface Decision {
  value: number | null;
  internal: boolean;
}

/**
 * One term of the committee's offer: an assumption key (royalty_rate, upfront, a deal term …) and its
 * value as typed; undefined = listed but not fixed yet (each scenario keeps its own value, as OFFER
 * reads a blank). `source` says where the figure comes from (a published model's citation, or "").
 */
export interface OfferTerm {
  key: AssumptionKey;
  value: EntryValue;
  source: string;
}

/** What the licensing committee fixes: the offer and the acceptable floor and ceiling (amounts). */
export interface Decisions {
  /**
   * The offer's term sheet (case 15 fixes the offer's conditions, not only a price), in the order
   * shown; empty = the offer is the bare amount. Shared or internal together with `offer`.
   */
  terms: OfferTerm[];
  offer: Decision;
  floor: Decision;
  ceiling: Decision;
  notes: { text: string; internal: boolean };
  /**
   * Which reference bands the deal is compared with (the words BANDS and RANGE take: patent,
   * approval, startup, meti2010 …; "" = every royalty band). Published facts, shared by default.
   * `spread` is how the band bar spans them, as RANGE's band_spread: "minmax" (lowest low to highest
   * high) or "iqr" (first to third quartile of the midpoints); a workbook without it reads "minmax".
   */
  bands: { filter: string; spread: BandSpread; internal: boolean };
  /**
   * Whether the committee's range counts the internal scenarios (default yes: the pane's range then
   * says "includes internal scenarios"); no = the range covers only the scenarios the counterparty may see.
   */
  includeInternal: { value: boolean; internal: boolean };
}

export type DecisionKey = "offer" | "floor" | "ceiling";
/** The rows of the decisions table (the term sheet has a table of its own). */
export type DecisionRow = Exclude<keyof Decisions, "terms">;
export const DECISION_KEYS: readonly DecisionKey[] = ["offer", "floor", "ceiling"];

export interface ScenarioSet {
  schema: number;
  scenarios: EditableScenario[];
  decisions: Decisions;
  /**
   * Each assumption's source or note (where the figure comes from: a market report, the licensee's
   * plan …), one per assumption key for all scenarios, as typed; absent = none. Kept in the assumptions
   * table's "Source / note" column (the functions skip it). May be internal: the negotiator file
   * carries it only when the user chooses to share it.
   */
  sources?: Partial<Record<AssumptionKey, string>>;
  /**
   * Rank correlations between assumptions that vary (./correlations.ts), stored as the IpvalueCorrelations
   * table SIMULATE reads; absent or empty = the assumptions are drawn independently.
   */
  correlations?: Correlation[];
}

export { EditError };

/** Decisions are internal until the user chooses to share them. */
export function emptyDecisions(): Decisions {
  return {
    terms: [],
    offer: { value: null, internal: true },
    floor: { value: null, internal: true },
    ceiling: { value: null, internal: true },
    notes: { text: "", internal: true },
    bands: { filter: "", spread: "minmax", internal: false },
    includeInternal: { value: true, internal: true },
  };
}

export const DEFAULT_NAMES: Record<Language, [string, string, string]> = {
  en: ["Low", "Base", "High"],
  ja: ["低位", "基準", "高位"],
};

/** Three empty scenarios (Low, Base, High) to fill in. */
export function blankSet(language: Language): ScenarioSet {
  return {
    schema: SCHEMA_VERSION,
    scenarios: DEFAULT_NAMES[language].map((name) => ({ name, internal: false, values: {} })),
    decisions: emptyDecisions(),
  };
}

// Words the table layout uses for its own columns and rows; a scenario cannot be called that.
const RESERVED = new Set([...KEY_HEADERS, ...IGNORED_HEADERS, INTERNAL_KEY]);
const MAX_NAME = 60;

/** Checks a scenario name against the others (case-insensitive, as the functions compare them). */
export function checkName(set: ScenarioSet, name: string, except?: number): string {
  const trimmed = name.trim();
  if (trimmed === "") throw new EditError({ en: "A scenario needs a name.", ja: "シナリオ名を入力してください。" });
  if (trimmed.length > MAX_NAME) {
    throw new EditError({ en: `A scenario name can have at most ${MAX_NAME} characters.`, ja: `シナリオ名は${MAX_NAME}文字以内にしてください。` });
  }
  if (RESERVED.has(trimmed.toLowerCase()) || isUserColumn(trimmed)) {
    throw new EditError({
      en: `"${trimmed}" is a column name of the table; choose another name.`,
      ja: `「${trimmed}」は表の列名に使われています。別の名前にしてください。`,
    });
  }
  if (set.scenarios.some((s, i) => i !== except && s.name.toLowerCase() === trimmed.toLowerCase())) {
    throw new EditError({ en: `There is already a scenario called "${trimmed}".`, ja: `「${trimmed}」というシナリオはすでにあります。` });
  }
  return trimmed;
}

const replaceAt = <T>(list: readonly T[], index: number, item: T): T[] => list.map((x, i) => (i === index ? item : x));

function at(set: ScenarioSet, index: number): EditableScenario {
  const s = set.scenarios[index];
  if (!s) throw new EditError({ en: "That scenario no longer exists.", ja: "そのシナリオはもうありません。" });
  return s;
}

/** The scenario a new one starts from: the one named Base (基準), else the first. */
export function baseScenarioIndex(set: ScenarioSet): number {
  const i = set.scenarios.findIndex((s) => ["base", "基準"].includes(s.name.trim().toLowerCase()));
  return i >= 0 ? i : 0;
}

/** A scenario's values and plan rows, copied (a copy is the same business plan, to vary from there). */
function copyOf(s: EditableScenario, name: string): EditableScenario {
  const series = s.series ? Object.fromEntries(Object.entries(s.series).map(([k, v]) => [k, [...(v as RawValue[])]])) : undefined;
  return { name, internal: s.internal, values: { ...s.values }, ...(series ? { series } : {}) };
}

/**
 * A new scenario at the end, named `name`, starting as a copy of scenario `from` (the selected one;
 * by default the Base scenario): never blank, since blanks would read as zero defaults and widen the
 * range and the simulation. It keeps its source's internal mark, so an internal plan is not shared by a copy.
 */
export function addScenario(set: ScenarioSet, name: string, from: number = baseScenarioIndex(set)): ScenarioSet {
  const checked = checkName(set, name);
  const source = set.scenarios[from] ?? set.scenarios[baseScenarioIndex(set)];
  const scenario: EditableScenario = source ? copyOf(source, checked) : { name: checked, internal: false, values: {} };
  return { ...set, scenarios: [...set.scenarios, scenario] };
}

export function renameScenario(set: ScenarioSet, index: number, name: string): ScenarioSet {
  const s = at(set, index);
  return { ...set, scenarios: replaceAt(set.scenarios, index, { ...s, name: checkName(set, name, index) }) };
}

/** A copy placed right after the original, named "<name> (copy)" (or (copy 2), …). */
export function duplicateScenario(set: ScenarioSet, index: number, language: Language): ScenarioSet {
  const s = at(set, index);
  const copyName = (n: number) => {
    const suffix = language === "ja" ? `（コピー${n > 1 ? n : ""}）` : ` (copy${n > 1 ? ` ${n}` : ""})`;
    return s.name.slice(0, MAX_NAME - suffix.length).trimEnd() + suffix; // a long name is shortened to fit
  };
  let name = copyName(1);
  for (let n = 2; set.scenarios.some((x) => x.name.toLowerCase() === name.toLowerCase()); n++) name = copyName(n);
  const copy = copyOf(s, checkName(set, name));
  const scenarios = [...set.scenarios];
  scenarios.splice(index + 1, 0, copy);
  return { ...set, scenarios };
}

export function deleteScenario(set: ScenarioSet, index: number): ScenarioSet {
  at(set, index);
  if (set.scenarios.length === 1) {
    throw new EditError({ en: "The last scenario cannot be deleted: the table needs one.", ja: "最後のシナリオは削除できません（表には1つ以上必要です）。" });
  }
  return { ...set, scenarios: set.scenarios.filter((_, i) => i !== index) };
}

export function moveScenario(set: ScenarioSet, from: number, to: number): ScenarioSet {
  at(set, from);
  const target = Math.max(0, Math.min(set.scenarios.length - 1, to));
  const scenarios = [...set.scenarios];
  const [moved] = scenarios.splice(from, 1);
  scenarios.splice(target, 0, moved);
  return { ...set, scenarios };
}

export function setInternal(set: ScenarioSet, index: number, internal: boolean): ScenarioSet {
  const s = at(set, index);
  return { ...set, scenarios: replaceAt(set.scenarios, index, { ...s, internal }) };
}

/** Rates and shares are shown and typed as percentages in the pane; the workbook keeps decimals. */
export function isPercent(spec: AssumptionSpec): boolean {
  return spec.unit === "rate" || spec.unit === "share";
}

/**
 * Reads what the user typed into a number: full-width digits (Japanese input) and thousands
 * separators are accepted, and a trailing % is allowed. Undefined for a blank entry; NaN for text that
 * is not a number.
 */
export function readNumber(input: string): number | undefined {
  const text = input.normalize("NFKC").replace(/[,\s]/g, "").replace(/[−–]/g, "-");
  if (text === "") return undefined;
  const body = text.endsWith("%") ? text.slice(0, -1) : text;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(body)) return NaN;
  return Number(body);
}

/**
 * Reads an amount as people write it in Japanese as well as a plain number: 350億, 1.2億円, ¥3,000万,
 * 金500万円, 1億2千万, 5百万円, 三千万 (the pane shows amounts in 億/万, so it takes them back). A leading
 * ¥ or 金 and a trailing 円 are dropped. Undefined for a blank entry; NaN for text that is not an amount.
 */
export function readAmount(input: string): number | undefined {
  const plain = readNumber(input);
  if (plain === undefined || !Number.isNaN(plain)) return plain;
  let text = input.normalize("NFKC").replace(/\s/g, "").replace(/[−–]/g, "-");
  const negative = text.startsWith("-");
  if (negative) text = text.slice(1);
  text = text.replace(/^(?:¥|金)/, "").replace(/円$/, "");
  const n = text === "" ? undefined : parseJapaneseNumber(text);
  if (n === undefined) return NaN;
  return negative ? -n : n;
}

/**
 * The value an entry stands for, checked by the engine's own rule for that key. A refused entry
 * throws an EditError whose reason names the assumption and what is allowed; the caller keeps the
 * last good value.
 */
export function readEntry(key: AssumptionKey, input: string): EntryValue {
  const spec = assumptionSpec(key);
  const refuse = (): never => {
    throw new EditError({ en: `${spec.label.en}: enter ${spec.allowed.en}.`, ja: `${spec.label.ja}：${spec.allowed.ja}で入力してください。` });
  };
  if (spec.unit === "timing") {
    if (input.trim() === "") return undefined;
    try {
      return parseTiming(input.normalize("NFKC"), key);
    } catch {
      return refuse();
    }
  }
  if (spec.unit === "flag") {
    if (input.trim() === "") return undefined;
    // The engine's own reading: TRUE/FALSE, yes/no, はい/いいえ, 1/0.
    const text = input.normalize("NFKC").trim();
    try {
      return readFlag(text === "1" || text === "0" ? Number(text) : text, key);
    } catch {
      return refuse();
    }
  }
  const n = spec.unit === "currency" || spec.unit === "currency_per_year" ? readAmount(input) : readNumber(input);
  if (n === undefined) return undefined;
  if (!Number.isFinite(n)) return refuse();
  const value = isPercent(spec) ? n / 100 : n;
  try {
    spec.check(value, key);
  } catch (e) {
    if (e instanceof ValuationError) return refuse();
    throw e;
  }
  return value;
}

/** How a stored value is shown in the pane's input (percentages for rates and shares). */
export function formatEntry(key: AssumptionKey, value: EntryValue): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const shown = isPercent(assumptionSpec(key)) ? value * 100 : value;
  return String(Number(shown.toPrecision(12)));
}

/** Sets one assumption of one scenario from what the user typed (see readEntry). */
export function setValue(set: ScenarioSet, index: number, key: AssumptionKey, input: string): ScenarioSet {
  const s = at(set, index);
  const value = readEntry(key, input);
  const values = { ...s.values };
  if (value === undefined) delete values[key];
  else values[key] = value;
  return { ...set, scenarios: replaceAt(set.scenarios, index, { ...s, values }) };
}

/** The milestones (1 … 9) a scenario gives any of year, amount or probability for. */
export function milestonesInUse(values: EditableScenario["values"]): number[] {
  const used: number[] = [];
  for (let n = 1; n <= MILESTONE_COUNT; n++) {
    if ((["year", "amount", "probability"] as const).some((part) => values[milestoneKey(n, part)] !== undefined)) used.push(n);
  }
  return used;
}

/** Removes milestone n from one scenario: its year, amount and probability (one edit, one undo step). */
export function clearMilestone(set: ScenarioSet, index: number, n: number): ScenarioSet {
  const s = at(set, index);
  const values = { ...s.values };
  for (const part of ["year", "amount", "probability"] as const) delete values[milestoneKey(n, part)];
  return { ...set, scenarios: replaceAt(set.scenarios, index, { ...s, values }) };
}

/** Whether a scenario gives any deal term (tiers, fees, milestones, equity …): the pane opens its deal-terms group then. */
export const usesDealTerms = (s: EditableScenario): boolean => DEAL_KEYS.some((k) => s.values[k] !== undefined);

/** Sets the offer, floor or ceiling (an amount of 0 or more, or blank). */
export function setDecision(set: ScenarioSet, which: DecisionKey, input: string): ScenarioSet {
  const n = readNumber(input);
  if (n !== undefined && !(Number.isFinite(n) && n >= 0)) {
    throw new EditError({ en: "Enter an amount of 0 or more, or leave it blank.", ja: "0以上の金額を入力するか、空欄にしてください。" });
  }
  const decisions = { ...set.decisions, [which]: { ...set.decisions[which], value: n ?? null } };
  return { ...set, decisions };
}

/**
 * The committee's scope, the one filter the pane's range, its simulation and the report apply: every
 * scenario when internal ones count (the default), else only those the counterparty may see.
 */
export function inScope<T extends { internal: boolean }>(scenarios: readonly T[], includeInternal: boolean): T[] {
  return includeInternal ? [...scenarios] : scenarios.filter((s) => !s.internal);
}

/** The set with only the scenarios in the committee's scope (by default, as its decisions say). */
export function scopedScenarios(set: ScenarioSet, includeInternal: boolean = set.decisions.includeInternal.value): ScenarioSet {
  return { ...set, scenarios: inScope(set.scenarios, includeInternal) };
}

/** Chooses whether the committee's range counts the internal scenarios. */
export function setIncludeInternal(set: ScenarioSet, include: boolean): ScenarioSet {
  return { ...set, decisions: { ...set.decisions, includeInternal: { ...set.decisions.includeInternal, value: include } } };
}

export function setDecisionInternal(set: ScenarioSet, which: DecisionKey | "notes" | "bands" | "includeInternal", internal: boolean): ScenarioSet {
  return { ...set, decisions: { ...set.decisions, [which]: { ...set.decisions[which], internal } } };
}

/**
 * Chooses the reference bands; a filter that matches no royalty-rate band (built-in, or among the
 * workbook's own `userBands`) is refused.
 */
export function setBandFilter(set: ScenarioSet, filter: string, userBands: readonly Band[] = []): ScenarioSet {
  const text = filter.normalize("NFKC").trim();
  try {
    bandRateRange(text, mergeBands(userBands));
  } catch (e) {
    if (!(e instanceof ValuationError)) throw e;
    throw new EditError({
      en: `No royalty-rate band matches "${text}". Try words such as patent, know_how, approval, no_approval, startup or meti2010, or leave it blank for all.`,
      ja: `「${text}」に合うロイヤルティ料率のバンドがありません。patent、know_how、approval、no_approval、startup、meti2010 などの語を使うか、空欄（すべて）にしてください。`,
    });
  }
  return { ...set, decisions: { ...set.decisions, bands: { ...set.decisions.bands, filter: text } } };
}

/** Chooses how the band bar spans the matching bands: lowest to highest, or the interquartile range. */
export function setBandSpread(set: ScenarioSet, spread: BandSpread): ScenarioSet {
  return { ...set, decisions: { ...set.decisions, bands: { ...set.decisions.bands, spread } } };
}

export function setNotes(set: ScenarioSet, text: string): ScenarioSet {
  return { ...set, decisions: { ...set.decisions, notes: { ...set.decisions.notes, text } } };
}

/**
 * The keys a term sheet can fix: the royalty terms of every scenario and the deal terms (the market
 * and the licensee's business stay each scenario's own).
 */
export const OFFER_TERM_KEYS: readonly AssumptionKey[] = [
  "upfront",
  "royalty_rate",
  "annual_minimum",
  "term_years",
  ...ASSUMPTIONS.filter((s) => s.group === "deal").map((s) => s.key),
];

function offerTermKey(key: string): AssumptionKey {
  const k = key.trim();
  if (!(OFFER_TERM_KEYS as readonly string[]).includes(k)) {
    throw new EditError({
      en: `"${k}" is not a term an offer can fix (the royalty and deal terms can; the market and the licensee's business stay each scenario's own).`,
      ja: `「${k}」は提示条件にできません（ロイヤルティと契約条件のみ。市場とライセンシーの事業はシナリオごとの値のままです）。`,
    });
  }
  return k as AssumptionKey;
}

/**
 * Sets one term of the offer from what the user typed (read and checked as for a scenario: see
 * readEntry); a term not yet on the sheet is added at its end; a blank keeps the row, not fixed yet.
 */
export function setOfferTerm(set: ScenarioSet, key: string, input: string): ScenarioSet {
  const k = offerTermKey(key);
  const value = readEntry(k, input);
  const terms = [...set.decisions.terms];
  const i = terms.findIndex((t) => t.key === k);
  if (i >= 0) terms[i] = { ...terms[i], value, source: value === terms[i].value ? terms[i].source : "" };
  else terms.push({ key: k, value, source: "" });
  return { ...set, decisions: { ...set.decisions, terms } };
}

/** Takes a term off the offer's sheet (the scenarios' own values apply again). */
export function removeOfferTerm(set: ScenarioSet, key: string): ScenarioSet {
  return { ...set, decisions: { ...set.decisions, terms: set.decisions.terms.filter((t) => t.key !== key) } };
}

/**
 * Replaces the term sheet with a published model's terms (IPVALUE.TERMS rows: key, value as a decimal,
 * an amount or TRUE/FALSE, null where the deal decides; each with its citation). One edit, one undo step.
 */
export function setOfferTerms(set: ScenarioSet, rows: readonly { key: string; value: number | boolean | null; source: string }[]): ScenarioSet {
  const terms: OfferTerm[] = rows.map((r) => ({ key: offerTermKey(r.key), value: r.value === null ? undefined : r.value, source: r.source }));
  return { ...set, decisions: { ...set.decisions, terms } };
}

/**
 * Fills the term sheet from a published model (IPVALUE.TERMS's rows), its amounts times the exchange
 * rate as typed (units of the model's currency per unit of the model's; blank = 1).
 */
export function offerFromPreset(set: ScenarioSet, presetId: string, exchangeRate: string): ScenarioSet {
  const rate = readNumber(exchangeRate) ?? 1;
  if (!(Number.isFinite(rate) && rate > 0)) {
    throw new EditError({
      en: "The exchange rate must be a number above 0 (units of the model's currency per unit of the source's), or blank for 1.",
      ja: "為替レートは0より大きい数値（出典の通貨1単位あたりのモデル通貨）にするか、空欄（1）にしてください。",
    });
  }
  const rows = termsPreset(presetId, rate).slice(1);
  return setOfferTerms(
    set,
    rows.map((r) => ({ key: String(r[0]), value: r[1] === "" ? null : (r[1] as number | boolean), source: String(r[3]) }))
  );
}

/** The offer's terms as OFFER reads them (key → value; terms not fixed yet are left out). */
export function offerTermMap(decisions: Decisions): Map<string, RawValue> {
  const m = new Map<string, RawValue>();
  for (const t of decisions.terms) if (t.value !== undefined) m.set(t.key, t.value);
  return m;
}

/** The assumptions in the order the pane and the table show them. */
export const KEYS: readonly AssumptionKey[] = ASSUMPTIONS.map((s) => s.key);

/**
 * The header IPVALUE gives the assumptions table's source column when it adds one. Both are words the
 * functions skip as the user's own column ("source …", "出典 …": see isUserColumn in the engine).
 */
export const SOURCE_HEADER: Record<Language, string> = { en: "Source / note", ja: "出典 / 備考" };
const SOURCE_WORDS = ["source", "sources", "出典", "備考", "note", "notes"];

/**
 * The column of a table's header row that holds the assumptions' sources: the one headed Source /
 * note or 出典 / 備考 as IPVALUE writes it, else the first the user headed Source, 出典, 備考 or Note
 * (alone or followed by a space, colon, bracket …, as the functions recognise a user column); -1 = none.
 */
export function sourceColumn(header: readonly unknown[]): number {
  const texts = header.map((h) => (typeof h === "string" ? h.normalize("NFKC").trim().toLowerCase() : ""));
  const ours = texts.findIndex((h) => Object.values(SOURCE_HEADER).some((x) => x.normalize("NFKC").toLowerCase() === h));
  if (ours >= 0) return ours;
  return texts.findIndex(
    (h, c) => isUserColumn(header[c]) && SOURCE_WORDS.some((w) => h === w || (h.startsWith(w) && /^[\s:：(（[\d_-]/.test(h.slice(w.length))))
  );
}

/** Reads the sources back from the assumptions table (by row key, wherever the rows and the column are); {} when it has no source column. */
export function readSources(cells: readonly (readonly RawValue[])[]): Partial<Record<AssumptionKey, string>> {
  const out: Partial<Record<AssumptionKey, string>> = {};
  if (cells.length === 0) return out;
  const header = cells[0].map((h) => (h === null || h === undefined ? "" : String(h).trim()));
  const col = sourceColumn(cells[0]);
  const keyCol = keyColumn(header);
  if (col < 0 || keyCol < 0) return out;
  for (const row of cells.slice(1)) {
    const k = row[keyCol];
    const v = row[col];
    if (k === null || k === undefined || v === null || v === undefined || String(v).trim() === "") continue;
    const key = normalizeKey(String(k));
    if ((KEYS as readonly string[]).includes(key)) out[key as AssumptionKey] = String(v);
  }
  return out;
}

const MAX_SOURCE = 500;

/** Sets one assumption's source or note (blank removes it); what is typed is kept as typed (trimmed). */
export function setSource(set: ScenarioSet, key: AssumptionKey, text: string): ScenarioSet {
  const trimmed = text.trim();
  if (trimmed.length > MAX_SOURCE) {
    throw new EditError({
      en: `A source or note can have at most ${MAX_SOURCE} characters; put a longer one in a note on the sheet.`,
      ja: `出典・備考は${MAX_SOURCE}文字以内にしてください（長い文はシートのメモに書いてください）。`,
    });
  }
  const sources = { ...(set.sources ?? {}) };
  if (trimmed === "") delete sources[key];
  else sources[key] = trimmed;
  const { sources: _old, ...rest } = set;
  return Object.keys(sources).length > 0 ? { ...rest, sources } : rest;
}
