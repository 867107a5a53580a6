/**
 * What a licensing manager chooses to share with the other side, and the filter that applies the
 * choice: from a ScenarioSet (which holds internal scenarios, the walk-away floor, committee notes)
 * to a SharedContent that holds only the chosen items. The workbook builder (negotiator.ts) sees the
 * SharedContent only, so nothing left out can reach the file: not a cell, a sheet name, a shared
 * string, a defined name or a document property.
 *
 * Internal items (scenarios marked internal, decisions marked internal, an internal band filter) are
 * never chosen by default, and choosing one is refused unless it is also listed among the items the
 * user confirmed one by one (`confirmedInternal`).
 */
import {
  Assumptions,
  AssumptionKey,
  ASSUMPTION_KEYS,
  BandRow,
  BUILT_IN_BANDS,
  filterBands,
  isBlank,
  mergeBands,
  DEFAULT_SHARED_OUTPUTS,
  OUTPUTS,
  Output,
  outputSpec,
  pickScenario,
  RawValue,
  resolveAssumptions,
  Scenario,
  Text,
  ValuationError,
} from "../engine";
import type { ScenarioSet } from "../model/scenario-set";

/** The committee's decisions that can be shared (each only when chosen, internal ones only when confirmed). */
export type ShareDecision = "offer" | "ceiling" | "floor" | "notes";
export const SHARE_DECISIONS: readonly ShareDecision[] = ["offer", "ceiling", "floor", "notes"];

/** Every result a negotiator workbook can show, in the engine's order. */
export const SHARE_OUTPUTS: readonly Output[] = OUTPUTS.map((o) => o.key);
/** The results chosen when the user has not chosen: the values and the royalty-rate cross-checks. */
export const DEFAULT_SHARE_OUTPUTS: readonly Output[] = DEFAULT_SHARED_OUTPUTS;

export interface ShareChoice {
  /** Names of the scenarios to share (matched as the functions match them: ignoring case). */
  scenarios: string[];
  /** The results to show. An output valued at a rate needs that rate (value_rate25 needs rate25): it is added. */
  outputs: Output[];
  /** Committee decisions to show. */
  decisions: ShareDecision[];
  /** Whether the reference bands (and the band row of the rate range) are shared. */
  bands: boolean;
  /**
   * Whether the assumptions' sources and notes go into the file (absent = no: they may be internal,
   * a licensee's plan or an inventor's estimate named there; the user ticks them to share).
   */
  sources?: boolean;
  /** Internal items the user confirmed, one by one, to include: scenario names and decision keys. */
  confirmedInternal: { scenarios: string[]; decisions: (ShareDecision | "bands")[] };
}

export interface SharedScenario {
  name: string;
  /** Resolved: every default applied, every value checked by the engine. */
  assumptions: Assumptions;
  /** Keys left blank in the valuation, which take IPVALUE's default. */
  defaulted: AssumptionKey[];
}

/** Exactly what goes into the negotiator workbook, and nothing else. */
export interface SharedContent {
  scenarios: SharedScenario[];
  /** Index (in `scenarios`) of the base scenario: the one named Base (基準 …), else the middle one. */
  baseIndex: number;
  outputs: Output[];
  offer?: number;
  /** The offer's term sheet (shared together with the offer), in the order shown; a term not fixed yet has no value. */
  terms?: SharedTerm[];
  ceiling?: number;
  floor?: number;
  notes?: string;
  bands: { filter: string; rows: BandRow[] } | null;
  /** Each assumption's source or note, only when the user chose to share them. */
  sources?: Partial<Record<AssumptionKey, string>>;
}

/** One term of the offer: an assumption key and its value as the committee fixed it (undefined = not fixed yet). */
export interface SharedTerm {
  key: AssumptionKey;
  value: number | string | boolean | undefined;
}

/** A choice the filter refuses; `reason` is shown to the user in her language. */
export class ShareError extends Error {
  constructor(public readonly reason: Text) {
    super(reason.en);
    this.name = "ShareError";
  }
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Whether a decision (or the band filter) is marked internal in the set. */
export function decisionIsInternal(set: ScenarioSet, key: ShareDecision | "bands"): boolean {
  return set.decisions[key].internal;
}

/** Whether a decision has something to share (an amount, or notes with text). */
export function decisionHasValue(set: ScenarioSet, key: ShareDecision): boolean {
  if (key === "notes") return set.decisions.notes.text.trim() !== "";
  // An offer can be its terms alone (a set stored before term sheets has none) (a term sheet, no amount yet).
  if (key === "offer" && (set.decisions.terms ?? []).length > 0) return true;
  return set.decisions[key].value !== null;
}

/** What is shared unless the user changes it: every item not marked internal; nothing confirmed. */
export function defaultShareChoice(set: ScenarioSet): ShareChoice {
  return {
    scenarios: set.scenarios.filter((s) => !s.internal).map((s) => s.name),
    outputs: [...DEFAULT_SHARE_OUTPUTS],
    decisions: SHARE_DECISIONS.filter((k) => !set.decisions[k].internal && decisionHasValue(set, k)),
    bands: !set.decisions.bands.internal,
    confirmedInternal: { scenarios: [], decisions: [] },
  };
}

/** The outputs in the engine's order, with the rates the value-at-rate outputs are computed from. */
export function normalizeOutputs(outputs: readonly Output[]): Output[] {
  const wanted = new Set<Output>(outputs);
  for (const o of outputs) for (const needed of outputSpec(o).needs) wanted.add(needed);
  return SHARE_OUTPUTS.filter((o) => wanted.has(o));
}

/**
 * Applies a choice: the chosen scenarios (resolved by the engine), results, decisions and bands, and
 * nothing else. Refuses an internal item that was not confirmed, an unknown scenario, and an empty
 * choice of scenarios or results.
 */
export function selectShared(set: ScenarioSet, choice: ShareChoice): SharedContent {
  const chosen = set.scenarios.filter((s) => choice.scenarios.some((n) => same(n, s.name)));
  for (const name of choice.scenarios) {
    if (!set.scenarios.some((s) => same(s.name, name))) {
      throw new ShareError({ en: `There is no scenario called "${name}".`, ja: `「${name}」というシナリオはありません。` });
    }
  }
  for (const s of chosen) {
    if (s.internal && !choice.confirmedInternal.scenarios.some((n) => same(n, s.name))) {
      throw new ShareError({
        en: `The scenario "${s.name}" is internal: confirm it before it is shared.`,
        ja: `シナリオ「${s.name}」は社外秘です。共有するには個別に確認してください。`,
      });
    }
  }
  if (chosen.length === 0) throw new ShareError({ en: "Choose at least one scenario to share.", ja: "共有するシナリオを1つ以上選んでください。" });
  const outputs = normalizeOutputs(choice.outputs);
  if (outputs.length === 0) throw new ShareError({ en: "Choose at least one result to share.", ja: "共有する結果を1つ以上選んでください。" });

  const scenarios: SharedScenario[] = chosen.map((s) => {
    try {
      const assumptions = resolveAssumptions(s.values as Partial<Record<AssumptionKey, RawValue>>, s.name, s.series);
      const defaulted = ASSUMPTION_KEYS.filter((k) => isBlank(s.values[k] as RawValue));
      return { name: s.name, assumptions, defaulted };
    } catch (e) {
      if (e instanceof ValuationError) {
        throw new ShareError({ en: `The scenario cannot be valued yet: ${e.message}`, ja: `シナリオをまだ評価できません：${e.message}` });
      }
      throw e;
    }
  });

  const confirmedDecision = (k: ShareDecision | "bands") => !set.decisions[k].internal || choice.confirmedInternal.decisions.includes(k);
  const content: SharedContent = {
    scenarios,
    baseIndex: pickScenario(scenarios.map((s): Scenario => ({ name: s.name, assumptions: s.assumptions, internal: false }))),
    outputs,
    bands: null,
  };
  if (choice.sources === true && Object.keys(set.sources ?? {}).length > 0) content.sources = { ...set.sources };
  for (const k of choice.decisions) {
    if (!confirmedDecision(k)) {
      throw new ShareError({
        en: `The ${k} is internal: confirm it before it is shared.`,
        ja: `${DECISION_WORDS[k]}は社外秘です。共有するには個別に確認してください。`,
      });
    }
    if (k === "offer" && (set.decisions.terms ?? []).length > 0) content.terms = set.decisions.terms.map((t) => ({ key: t.key, value: t.value }));
    if (k === "notes") {
      if (set.decisions.notes.text.trim() !== "") content.notes = set.decisions.notes.text;
    } else if (set.decisions[k].value !== null) {
      content[k] = set.decisions[k].value!;
    }
  }
  if (choice.bands) {
    if (!confirmedDecision("bands")) {
      throw new ShareError({
        en: "The reference-band filter is internal: confirm it before it is shared.",
        ja: "参考バンドの条件は社外秘です。共有するには個別に確認してください。",
      });
    }
    const filter = set.decisions.bands.filter;
    try {
      content.bands = { filter, rows: filterBands(mergeBands([], BUILT_IN_BANDS), `unit:share_of_net_sales ${filter}`, "band_filter") };
    } catch (e) {
      if (!(e instanceof ValuationError)) throw e;
      throw new ShareError({ en: `No royalty-rate band matches "${filter}".`, ja: `「${filter}」に合うロイヤルティ料率のバンドがありません。` });
    }
  }
  return content;
}

const DECISION_WORDS: Record<ShareDecision | "bands", string> = {
  offer: "提示価格",
  ceiling: "上限価格",
  floor: "最低受入価格",
  notes: "委員会メモ",
  bands: "参考バンドの条件",
};
