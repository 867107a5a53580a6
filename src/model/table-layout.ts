/**
 * How a scenario set lies in the workbook: the assumptions table in exactly the layout the custom
 * functions read (key | label | unit | one column per scenario, one row per assumption, and the
 * `internal` row), a small decisions table and the offer's term sheet (key | value | label | unit |
 * source, which IPVALUE.OFFER reads as its terms). Pure conversions between ScenarioSet and 2-D values;
 * the workbook glue only moves these arrays in and out of Excel.
 */
import {
  AssumptionKey,
  assumptionSpec,
  BandSpread,
  CellValue,
  INTERNAL_KEY,
  isEmptyCell,
  keyName,
  isInternalMark,
  normalizeKey,
  parseBandSpread,
  parseTiming,
  PLAN_SERIES,
  RawValue,
  readAssumptionsTable,
  readFlag,
  Text,
  Unit,
  ValuationError,
} from "../engine";
import {
  DECISION_KEYS,
  DecisionRow,
  Decisions,
  EditableScenario,
  EditError,
  emptyDecisions,
  EntryValue,
  KEYS,
  OFFER_TERM_KEYS,
  OfferTerm,
  ScenarioSet,
} from "./scenario-set";

import type { Language } from "./language";

export type { CellValue };

export const UNIT_LABELS: Record<Unit, Text> = {
  currency: { en: "amount", ja: "金額" },
  currency_per_year: { en: "amount / year", ja: "金額／年" },
  rate: { en: "decimal (0.05 = 5%)", ja: "小数（0.05 = 5%）" },
  share: { en: "decimal 0–1", ja: "小数 0～1" },
  years: { en: "years", ja: "年数" },
  year: { en: "year no.", ja: "年目" },
  timing: { en: "end / mid / begin", ja: "期末 / 期央 / 期首" },
  flag: { en: "TRUE / FALSE", ja: "TRUE / FALSE" },
};

export const INTERNAL_LABEL: Text = { en: "Internal (not shared)", ja: "社外秘（共有しない）" };
export const ASSUMPTIONS_HEADER = ["key", "label", "unit"] as const;

/**
 * The keys the table holds rows for: every one of today's assumptions, and a deal term only once some
 * scenario gives it. The functions read an absent row as blank (the same values), and 48 blank rows
 * of tiers, fees and milestones would bury the 18 most deals use; a term typed in the pane adds its row.
 */
export function tableKeys(set: ScenarioSet): AssumptionKey[] {
  return KEYS.filter((k) => assumptionSpec(k).group !== "deal" || set.scenarios.some((s) => s.values[k] !== undefined));
}

/**
 * The assumptions table, header row first: what the functions read and the user sees in the grid.
 * `withPlanRows`: add the yearly plan rows the scenarios carry (sales_<t> …), for valuing the set as the
 * functions value the stored table; the pane's saves never write them (the table keeps the user's own).
 */
export function assumptionsTableValues(set: ScenarioSet, language: Language, withPlanRows = false): CellValue[][] {
  const rows: CellValue[][] = [[...ASSUMPTIONS_HEADER, ...set.scenarios.map((s) => s.name)]];
  for (const key of tableKeys(set)) {
    const spec = assumptionSpec(key);
    rows.push([key, spec.label[language], UNIT_LABELS[spec.unit][language], ...set.scenarios.map((s) => s.values[key] ?? "")]);
  }
  if (withPlanRows) {
    for (const series of PLAN_SERIES) {
      const years = Math.max(0, ...set.scenarios.map((s) => s.series?.[series]?.length ?? 0));
      for (let t = 1; t <= years; t++) {
        const cells = set.scenarios.map((s) => s.series?.[series]?.[t - 1]);
        if (cells.every((v) => v === undefined || v === null || v === "")) continue;
        rows.push([`${series}_${t}`, "", "", ...cells.map((v) => (v === undefined || v === null ? "" : v))]);
      }
    }
  }
  rows.push([INTERNAL_KEY, INTERNAL_LABEL[language], "TRUE / FALSE", ...set.scenarios.map((s) => s.internal)]);
  return rows;
}

/**
 * Reads the scenarios back from the table's values, wherever the user moved columns or added blank
 * rows or a note column. Values are kept as typed (the pane flags those it would refuse); a table
 * whose structure the functions could not read either is refused with what to fix.
 */
export function readScenarios(cells: readonly (readonly RawValue[])[]): EditableScenario[] {
  try {
    return readAssumptionsTable(cells, { en: "The assumptions table", ja: "この表" }).map((r) => {
      const values: Partial<Record<AssumptionKey, EntryValue>> = {};
      for (const [key, v] of Object.entries(r.values) as [AssumptionKey, RawValue][]) {
        if (v === undefined || v === null || v === "") continue;
        // A TRUE/FALSE cell is a flag's value; in any other row it stays the text TRUE/FALSE (the pane flags it).
        if (typeof v === "boolean") values[key] = assumptionSpec(key).unit === "flag" ? v : String(v).toUpperCase();
        else values[key] = typeof v === "number" ? v : String(v);
      }
      return r.series ? { name: r.name, internal: r.internal, values, series: r.series } : { name: r.name, internal: r.internal, values };
    });
  } catch (e) {
    if (e instanceof ValuationError) throw new EditError({ en: e.message, ja: `前提条件表を読めません：${e.in("ja")}` });
    throw e;
  }
}

export const DECISIONS_HEADER = ["item", "value", "internal", "label"] as const;
const DECISION_LABELS: Record<DecisionRow | "bandSpread", Text> = {
  offer: { en: "Offer price", ja: "提示価格" },
  floor: { en: "Walk-away floor", ja: "最低受入価格" },
  ceiling: { en: "Ceiling", ja: "上限価格" },
  notes: { en: "Committee notes", ja: "委員会メモ" },
  bands: { en: "Reference bands (filter)", ja: "参考バンド（条件）" },
  bandSpread: {
    en: "Reference bands: bar spans minmax or iqr (internal as the filter's)",
    ja: "参考バンド：帯の幅 minmax（最小最大）か iqr（四分位）（社外秘は条件の行に従う）",
  },
  includeInternal: { en: "Committee range includes internal scenarios", ja: "委員会のレンジに内部シナリオを含める" },
};
export const decisionLabel = (key: DecisionRow | "bandSpread", language: Language): string => DECISION_LABELS[key][language];

/**
 * The decisions table, header row first. The band_spread row is written only once it is not the
 * default ("minmax"), so a workbook that never chose the interquartile bar keeps its layout.
 */
export function decisionsTableValues(decisions: Decisions, language: Language): CellValue[][] {
  const b = decisions.bands;
  return [
    [...DECISIONS_HEADER],
    ...DECISION_KEYS.map((k) => [k, decisions[k].value ?? "", decisions[k].internal, DECISION_LABELS[k][language]]),
    ["notes", decisions.notes.text, decisions.notes.internal, DECISION_LABELS.notes[language]],
    ["band_filter", b.filter, b.internal, DECISION_LABELS.bands[language]],
    ["include_internal", decisions.includeInternal.value, decisions.includeInternal.internal, DECISION_LABELS.includeInternal[language]],
    ...(b.spread === "minmax" ? [] : [["band_spread", b.spread, b.internal, DECISION_LABELS.bandSpread[language]]]),
  ];
}

/** The band_spread cell: blank = "minmax"; a word it does not know is refused (a save would lose it). */
function readSpread(v: RawValue): BandSpread {
  try {
    return parseBandSpread(isEmptyCell(v) ? "" : String(v));
  } catch (e) {
    if (!(e instanceof ValuationError)) throw e;
    throw new EditError({
      en: `The band_spread in the decisions table must be minmax or iqr (or blank); it holds ${JSON.stringify(v)}.`,
      ja: `決定事項の表の band_spread は minmax（最小最大）か iqr（四分位）か空欄にしてください（現在の値：${JSON.stringify(v)}）。`,
    });
  }
}

/** Decisions (and the office's own bands) stay internal unless the cell says plainly that they are shared (FALSE, no, 0). */
export function decisionInternal(v: RawValue): boolean {
  if (v === false || v === 0) return false;
  return !(typeof v === "string" && ["false", "no", "n", "0", "共有", "いいえ"].includes(v.trim().toLowerCase()));
}

/**
 * Whether the committee's range counts internal scenarios: yes unless the cell says plainly no
 * (FALSE, no, 0, いいえ); a blank cell (or an old workbook without the row) is the default, yes.
 */
function readInclude(v: RawValue): boolean {
  if (v === false || v === 0) return false;
  return !(typeof v === "string" && ["false", "no", "n", "0", "いいえ", "含めない"].includes(v.trim().toLowerCase()));
}

/** Reads the decisions table back; a missing row keeps its default (internal; internal scenarios counted). */
export function readDecisions(cells: readonly (readonly RawValue[])[]): Decisions {
  const d = emptyDecisions();
  const header = (cells[0] ?? []).map((h) =>
    String(h ?? "")
      .trim()
      .toLowerCase()
  );
  const col = (name: string) => header.indexOf(name);
  const [item, value, internal] = [col("item"), col("value"), col("internal")];
  if (item < 0 || value < 0 || internal < 0) {
    throw new EditError({
      en: "The decisions table needs the columns item, value and internal.",
      ja: "決定事項の表には item、value、internal の列が必要です。",
    });
  }
  for (const row of cells.slice(1)) {
    const key = String(row[item] ?? "")
      .trim()
      .toLowerCase();
    if (key === "") continue;
    const v = row[value];
    if (key === "notes") d.notes = { text: v === null || v === undefined ? "" : String(v), internal: decisionInternal(row[internal]) };
    else if (key === "include_internal") d.includeInternal = { value: readInclude(v), internal: decisionInternal(row[internal]) };
    else if (key === "band_filter") d.bands = { ...d.bands, filter: v === null || v === undefined ? "" : String(v), internal: isInternalMark(row[internal]) };
    // The spread's own internal cell is not read: it is shared or kept with the filter.
    else if (key === "band_spread") d.bands = { ...d.bands, spread: readSpread(v) };
    else if ((DECISION_KEYS as readonly string[]).includes(key)) {
      const k = key as (typeof DECISION_KEYS)[number];
      let amount: number | null = null;
      if (typeof v === "number" && Number.isFinite(v) && v >= 0) amount = v;
      else if (!isEmptyCell(v)) {
        // Refuse rather than drop it: the next save would erase what the user typed.
        throw new EditError({
          en: `The ${key} in the decisions table must be an amount of 0 or more or blank; it holds ${JSON.stringify(v)}.`,
          ja: `決定事項の表の ${key} は0以上の金額か空欄にしてください（現在の値：${JSON.stringify(v)}）。`,
        });
      }
      d[k] = { value: amount, internal: decisionInternal(row[internal]) };
    } else {
      throw new EditError({
        en: `Unknown row "${key}" in the decisions table (allowed: offer, floor, ceiling, notes, band_filter, include_internal, band_spread).`,
        ja: `決定事項の表に不明な行「${key}」があります（offer、floor、ceiling、notes、band_filter、include_internal、band_spread のみ）。`,
      });
    }
  }
  return d;
}

export const OFFER_HEADER = ["key", "value", "label", "unit", "source"] as const;

/**
 * The offer's term sheet, header row first: one row per term in the sheet's order (a term not fixed
 * yet has a blank value). Key and value are its first two columns, as IPVALUE.OFFER reads a terms
 * range (it skips the heading row `key`); label and unit are for people, in the pane's language.
 */
export function offerTableValues(x: Decisions | readonly OfferTerm[], language: Language): CellValue[][] {
  const terms: readonly OfferTerm[] = Array.isArray(x) ? x : (x as Decisions).terms;
  return [
    [...OFFER_HEADER],
    ...terms.map((t) => {
      const spec = assumptionSpec(t.key);
      return [t.key, t.value ?? "", spec.label[language], UNIT_LABELS[spec.unit][language], t.source];
    }),
  ];
}

/** A term's value as the engine's spec reads it (undefined: blank, not fixed yet); throws the spec's refusal. */
function offerValue(key: AssumptionKey, v: RawValue): EntryValue {
  if (isEmptyCell(v)) return undefined;
  const spec = assumptionSpec(key);
  if (spec.unit === "timing") return parseTiming(v, key);
  if (spec.unit === "flag") return readFlag(v, key);
  if (typeof v !== "number") throw new ValuationError("invalidValue", "number-required", { name: keyName(key) });
  spec.check(v, key);
  return v;
}

/**
 * Reads the term sheet back (rows counted from the header as row 1, as located() says where the
 * table is). Key and value must stay the first two columns (what IPVALUE.OFFER reads); a source column
 * is found by its header. A key that is not an offer term, a key twice, or a value the engine would
 * refuse is refused with its row: the next save must not drop or rewrite what the user typed.
 */
export function readOffer(cells: readonly (readonly RawValue[])[]): OfferTerm[] {
  const header = (cells[0] ?? []).map((h) =>
    String(h ?? "")
      .trim()
      .toLowerCase()
  );
  if (header[0] !== "key" || header[1] !== "value") {
    throw new EditError({
      en: "The offer table needs key and value as its first two columns (IPVALUE.OFFER reads them there).",
      ja: "提示条件の表は、最初の2列を key と value にしてください（IPVALUE.OFFER はそこを読みます）。",
    });
  }
  const sourceCol = header.indexOf("source");
  const terms: OfferTerm[] = [];
  const rowOf = new Map<string, number>();
  cells.slice(1).forEach((row, i) => {
    const r = i + 2;
    const rawKey = row[0];
    const v = row[1];
    if (isEmptyCell(rawKey)) {
      if (!isEmptyCell(v)) {
        throw new EditError({
          en: `Row ${r} of the offer table has a value but no key.`,
          ja: `提示条件の表の${r}行目に、キーのない値があります。`,
        });
      }
      return;
    }
    const key = normalizeKey(String(rawKey));
    if (!(OFFER_TERM_KEYS as readonly string[]).includes(key)) {
      throw new EditError({
        en: `Row ${r} of the offer table: "${String(rawKey).trim()}" is not a term an offer can fix (the royalty and deal terms can; the market and the licensee's business stay each scenario's own).`,
        ja: `提示条件の表の${r}行目：「${String(rawKey).trim()}」は提示条件にできません（ロイヤルティと契約条件のみ。市場とライセンシーの事業はシナリオごとの値のままです）。`,
      });
    }
    if (rowOf.has(key)) {
      throw new EditError({
        en: `The offer table lists ${key} twice (rows ${rowOf.get(key)} and ${r}): keep one.`,
        ja: `提示条件の表に ${key} が2回あります（${rowOf.get(key)}行目と${r}行目）。1つにしてください。`,
      });
    }
    rowOf.set(key, r);
    const k = key as AssumptionKey;
    let value: EntryValue;
    try {
      value = offerValue(k, v);
    } catch (e) {
      if (!(e instanceof ValuationError)) throw e;
      const spec = assumptionSpec(k);
      throw new EditError({
        en: `Row ${r} of the offer table (${key}): ${spec.label.en} must be ${spec.allowed.en}, or blank while not fixed; it holds ${JSON.stringify(v)}.`,
        ja: `提示条件の表の${r}行目（${key}）：${spec.label.ja}は${spec.allowed.ja}にするか、決まるまで空欄にしてください（現在の値：${JSON.stringify(v)}）。`,
      });
    }
    const source = sourceCol >= 0 && !isEmptyCell(row[sourceCol]) ? String(row[sourceCol]) : "";
    terms.push({ key: k, value, source });
  });
  return terms;
}
