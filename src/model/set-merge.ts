/**
 * Changes between scenario sets, and the three-way merge the pane's saves, its rebases and its undo
 * go through. The workbook is the truth: a save applies only what the pane changed since the set it
 * started from (`base`) onto what the workbook holds now (`theirs`), and where both changed the same
 * thing the workbook's value stays and the merge says so (`kept`). Pure: the Office glue turns the
 * applied changes into cell writes (src/taskpane/model/table-plan.ts).
 *
 * The offer's term sheet merges term by term (matched by key): a term added, removed, its value or its
 * source changed, and the order of the terms. The correlations merge pair by pair (mergeCorrelations).
 *
 * Scenarios are matched by name (case-insensitive, as the functions compare them). On the pane's
 * side a scenario whose name changed is a rename when its content is unchanged, otherwise a delete and
 * an add; on the workbook's side a changed name is always a delete and an add.
 */
import { AssumptionKey, assumptionSpec, Text } from "../engine";
import { Correlation, mergeCorrelations, pairId } from "./correlations";
import { DecisionRow, Decisions, EditableScenario, EntryValue, formatEntry, isPercent, KEYS, OfferTerm, ScenarioSet } from "./scenario-set";

/** A row of the decisions table; bandSpread is the band_spread row, whose internal mark is the filter's. */
export type DecisionItem = DecisionRow | "bandSpread";
export const DECISION_ITEMS: readonly DecisionItem[] = ["offer", "floor", "ceiling", "notes", "bands", "includeInternal", "bandSpread"];
export type DecisionField = "value" | "internal";
/** The fields of an item that are its own (the spread's internal mark is the filter's, compared there). */
const fieldsOf = (item: DecisionItem): readonly DecisionField[] => (item === "bandSpread" ? ["value"] : ["value", "internal"]);
export type DecisionCell = number | string | boolean | null;
export type TermField = "value" | "source";

export type Change =
  | { kind: "rename"; from: string; to: string }
  | { kind: "delete"; scenario: EditableScenario }
  | { kind: "add"; scenario: EditableScenario; after: string | null }
  | { kind: "value"; scenario: string; key: AssumptionKey; value: EntryValue; was: EntryValue }
  | { kind: "internal"; scenario: string; value: boolean; was: boolean }
  | { kind: "decision"; item: DecisionItem; field: DecisionField; value: DecisionCell; was: DecisionCell }
  | { kind: "order"; names: string[] }
  | { kind: "termAdd"; term: OfferTerm; after: AssumptionKey | null }
  | { kind: "termRemove"; term: OfferTerm }
  | { kind: "term"; key: AssumptionKey; field: TermField; value: EntryValue; was: EntryValue }
  | { kind: "termOrder"; keys: AssumptionKey[] }
  | { kind: "source"; key: AssumptionKey; value: string; was: string };

/** What the merge kept from the workbook instead of the pane's change, said for the user. */
export interface Kept {
  text: Text;
}

const fold = (name: string) => name.trim().toLowerCase();
const sameValue = (a: EntryValue, b: EntryValue) => a === b || (typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b));
const sameContent = (a: EditableScenario, b: EditableScenario) => a.internal === b.internal && KEYS.every((k) => sameValue(a.values[k], b.values[k]));

export function decisionCell(d: Decisions, item: DecisionItem, field: DecisionField): DecisionCell {
  if (item === "bandSpread") return field === "internal" ? d.bands.internal : d.bands.spread;
  if (field === "internal") return d[item].internal;
  if (item === "notes") return d.notes.text;
  if (item === "bands") return d.bands.filter;
  if (item === "includeInternal") return d.includeInternal.value;
  return d[item].value;
}

function withDecision(d: Decisions, item: DecisionItem, field: DecisionField, value: DecisionCell): Decisions {
  if (item === "bandSpread") return field === "internal" ? d : { ...d, bands: { ...d.bands, spread: value === "iqr" ? "iqr" : "minmax" } };
  if (field === "internal") return { ...d, [item]: { ...d[item], internal: value === true } };
  if (item === "notes") return { ...d, notes: { ...d.notes, text: String(value ?? "") } };
  if (item === "bands") return { ...d, bands: { ...d.bands, filter: String(value ?? "") } };
  if (item === "includeInternal") return { ...d, includeInternal: { ...d.includeInternal, value: value !== false } };
  return { ...d, [item]: { ...d[item], value: typeof value === "number" ? value : null } };
}

/** Pairs the scenarios of two sets: [base index, next index] for the same scenario (renamed or not). */
function pairScenarios(base: readonly EditableScenario[], next: readonly EditableScenario[], renames: boolean): [number, number][] {
  const pairs: [number, number][] = [];
  const usedNext = new Set<number>();
  const unmatchedBase: number[] = [];
  base.forEach((b, i) => {
    const j = next.findIndex((n, k) => !usedNext.has(k) && fold(n.name) === fold(b.name));
    if (j >= 0) {
      pairs.push([i, j]);
      usedNext.add(j);
    } else unmatchedBase.push(i);
  });
  const unmatchedNext = () => next.map((_, k) => k).filter((k) => !usedNext.has(k));
  // Renamed with nothing else changed.
  for (const i of renames ? [...unmatchedBase] : []) {
    const j = unmatchedNext().find((k) => sameContent(base[i], next[k]));
    if (j === undefined) continue;
    pairs.push([i, j]);
    usedNext.add(j);
    unmatchedBase.splice(unmatchedBase.indexOf(i), 1);
  }
  return pairs;
}

/** What turns `base` into `next`, in the order to apply it: renames, deletes, adds, cells, then the order. */
export function diffSets(base: ScenarioSet, next: ScenarioSet, renames = true): Change[] {
  const pairs = pairScenarios(base.scenarios, next.scenarios, renames);
  const changes: Change[] = [];
  for (const [i, j] of pairs)
    if (base.scenarios[i].name !== next.scenarios[j].name) changes.push({ kind: "rename", from: base.scenarios[i].name, to: next.scenarios[j].name });
  base.scenarios.forEach((b, i) => {
    if (!pairs.some(([x]) => x === i)) changes.push({ kind: "delete", scenario: b });
  });
  next.scenarios.forEach((n, j) => {
    if (!pairs.some(([, y]) => y === j)) changes.push({ kind: "add", scenario: n, after: j === 0 ? null : next.scenarios[j - 1].name });
  });
  for (const [i, j] of pairs) {
    const b = base.scenarios[i];
    const n = next.scenarios[j];
    for (const key of KEYS) {
      if (!sameValue(b.values[key], n.values[key])) changes.push({ kind: "value", scenario: n.name, key, value: n.values[key], was: b.values[key] });
    }
    if (b.internal !== n.internal) changes.push({ kind: "internal", scenario: n.name, value: n.internal, was: b.internal });
  }
  for (const item of DECISION_ITEMS) {
    for (const field of fieldsOf(item)) {
      const was = decisionCell(base.decisions, item, field);
      const value = decisionCell(next.decisions, item, field);
      if (was !== value) changes.push({ kind: "decision", item, field, value, was });
    }
  }
  const [bt, nt] = [base.decisions.terms, next.decisions.terms];
  for (const t of bt) if (!nt.some((n) => n.key === t.key)) changes.push({ kind: "termRemove", term: t });
  nt.forEach((t, j) => {
    if (!bt.some((b) => b.key === t.key)) changes.push({ kind: "termAdd", term: t, after: j === 0 ? null : nt[j - 1].key });
  });
  for (const t of nt) {
    const b = bt.find((x) => x.key === t.key);
    if (!b) continue;
    if (!sameValue(b.value, t.value)) changes.push({ kind: "term", key: t.key, field: "value", value: t.value, was: b.value });
    if (b.source !== t.source) changes.push({ kind: "term", key: t.key, field: "source", value: t.source, was: b.source });
  }
  for (const key of KEYS) {
    const [was, value] = [base.sources?.[key] ?? "", next.sources?.[key] ?? ""];
    if (was !== value) changes.push({ kind: "source", key, value, was });
  }
  const { set: reordered } = applyChanges(base, changes);
  const names = next.scenarios.map((s) => s.name);
  if (reordered.scenarios.map((s) => s.name).join("\u0000") !== names.join("\u0000")) changes.push({ kind: "order", names });
  const keys = nt.map((t) => t.key);
  if (reordered.decisions.terms.map((t) => t.key).join("\u0000") !== keys.join("\u0000")) changes.push({ kind: "termOrder", keys });
  return changes;
}

/** Applies changes in order; a change that no longer fits (its scenario gone, its name taken) is skipped and returned. */
export function applyChanges(set: ScenarioSet, changes: readonly Change[]): { set: ScenarioSet; skipped: Change[] } {
  let scenarios = set.scenarios.map((s) => ({ ...s, values: { ...s.values } }));
  let decisions = set.decisions;
  const sources: Partial<Record<AssumptionKey, string>> = { ...(set.sources ?? {}) };
  const skipped: Change[] = [];
  const find = (name: string) => scenarios.findIndex((s) => fold(s.name) === fold(name));
  for (const c of changes) {
    switch (c.kind) {
      case "rename": {
        const i = find(c.from);
        const taken = find(c.to);
        if (i < 0 || (taken >= 0 && taken !== i)) skipped.push(c);
        else scenarios[i].name = c.to;
        break;
      }
      case "delete": {
        const i = find(c.scenario.name);
        if (i < 0) skipped.push(c);
        else scenarios.splice(i, 1);
        break;
      }
      case "add": {
        if (find(c.scenario.name) >= 0) {
          skipped.push(c);
          break;
        }
        const after = c.after === null ? -1 : find(c.after);
        const at = c.after === null ? 0 : after >= 0 ? after + 1 : scenarios.length;
        scenarios.splice(at, 0, { ...c.scenario, values: { ...c.scenario.values } });
        break;
      }
      case "value":
      case "internal": {
        const i = find(c.scenario);
        if (i < 0) skipped.push(c);
        else if (c.kind === "internal") scenarios[i].internal = c.value;
        else if (c.value === undefined) delete scenarios[i].values[c.key];
        else scenarios[i].values[c.key] = c.value;
        break;
      }
      case "decision":
        decisions = withDecision(decisions, c.item, c.field, c.value);
        break;
      case "source":
        if (c.value === "") delete sources[c.key];
        else sources[c.key] = c.value;
        break;
      case "order": {
        const wanted = c.names.map(find).filter((i) => i >= 0);
        const slots = [...wanted].sort((a, b) => a - b);
        const next = [...scenarios];
        slots.forEach((slot, n) => (next[slot] = scenarios[wanted[n]]));
        scenarios = next;
        break;
      }
      case "termAdd":
      case "termRemove":
      case "term":
      case "termOrder": {
        const terms = applyTermChange(decisions.terms, c);
        if (terms === null) skipped.push(c);
        else decisions = { ...decisions, terms };
        break;
      }
    }
  }
  const { sources: _old, ...rest } = set;
  return { set: { ...rest, scenarios, decisions, ...(Object.keys(sources).length > 0 ? { sources } : {}) }, skipped };
}

type TermChange = Extract<Change, { kind: "termAdd" | "termRemove" | "term" | "termOrder" }>;

/** The term sheet after one change; null when the change no longer fits (its term gone, or already there). */
function applyTermChange(terms: readonly OfferTerm[], c: TermChange): OfferTerm[] | null {
  const find = (key: string) => terms.findIndex((t) => t.key === key);
  switch (c.kind) {
    case "termAdd": {
      if (find(c.term.key) >= 0) return null;
      const after = c.after === null ? -1 : find(c.after);
      const at = c.after === null ? 0 : after >= 0 ? after + 1 : terms.length;
      return [...terms.slice(0, at), { ...c.term }, ...terms.slice(at)];
    }
    case "termRemove":
      return find(c.term.key) < 0 ? null : terms.filter((t) => t.key !== c.term.key);
    case "term": {
      const i = find(c.key);
      if (i < 0) return null;
      const next = [...terms];
      next[i] = c.field === "value" ? { ...next[i], value: c.value } : { ...next[i], source: String(c.value ?? "") };
      return next;
    }
    case "termOrder": {
      const wanted = c.keys.map(find).filter((i) => i >= 0);
      const slots = [...wanted].sort((a, b) => a - b);
      const next = [...terms];
      slots.forEach((slot, n) => (next[slot] = terms[wanted[n]]));
      return next;
    }
  }
}

function shown(key: AssumptionKey, v: EntryValue, language: "en" | "ja"): string {
  if (v === undefined) return language === "ja" ? "空欄" : "blank";
  const text = formatEntry(key, v);
  return typeof v === "number" && isPercent(assumptionSpec(key)) ? `${text}%` : text;
}
const shownDecision = (v: DecisionCell, language: "en" | "ja") =>
  v === null || v === ""
    ? language === "ja"
      ? "空欄"
      : "blank"
    : typeof v === "boolean"
      ? v
        ? "TRUE"
        : "FALSE"
      : typeof v === "number"
        ? v.toLocaleString("en-US")
        : v;

export interface Merge {
  /** The merged set: theirs with the pane's changes that did not collide. */
  set: ScenarioSet;
  /** The pane's changes as applied onto theirs (names as they are in theirs). */
  applied: Change[];
  /** What theirs kept against the pane's change, for the notice. */
  kept: Kept[];
}

/**
 * Applies what changed from `base` to `mine` onto `theirs`. Where theirs changed the same cell, the
 * same scenario's name or the order, or deleted the scenario mine edited, theirs wins and `kept` says
 * so; a scenario mine deleted that theirs edited is kept.
 */
export function mergeSets(base: ScenarioSet, mine: ScenarioSet, theirs: ScenarioSet): Merge {
  const ours = diffSets(base, mine);
  // The workbook's side is read without renames: a header changed in the grid is a scenario deleted
  // and one added (a blank scenario deleted and another added would otherwise look renamed, and the
  // pane's edits would land in the other's column); the pane's edits to the old name are then refused, and said so.
  const their = diffSets(base, theirs, false);
  const kept: Kept[] = [];
  const applied: Change[] = [];

  // Where each base scenario is in theirs (renamed, or deleted = null).
  const theirName = new Map<string, string | null>();
  for (const s of base.scenarios) theirName.set(fold(s.name), s.name);
  for (const c of their) {
    if (c.kind === "rename") theirName.set(fold(c.from), c.to);
    if (c.kind === "delete") theirName.set(fold(c.scenario.name), null);
  }
  const theirCells = new Map<string, EntryValue | boolean>();
  const theirTouched = new Set<string>();
  for (const c of their) {
    if (c.kind === "value" || c.kind === "internal") {
      const baseName = baseNameOf(their, c.scenario);
      theirCells.set(`${fold(baseName)}|${c.kind === "value" ? c.key : "internal"}`, c.value);
      theirTouched.add(fold(baseName));
    }
    if (c.kind === "rename") theirTouched.add(fold(c.from));
  }
  const theirDecisions = new Map<string, DecisionCell>();
  for (const c of their) if (c.kind === "decision") theirDecisions.set(`${c.item}|${c.field}`, c.value);
  const theirOrder = their.some((c) => c.kind === "order");
  const theirTermFields = new Map<string, EntryValue>();
  const theirTermRemoved = new Set<string>();
  for (const c of their) {
    if (c.kind === "term") theirTermFields.set(`${c.key}|${c.field}`, c.value);
    if (c.kind === "termRemove") theirTermRemoved.add(c.term.key);
  }
  const theirTermOrder = their.some((c) => c.kind === "termOrder");
  const theirSources = new Map<string, string>();
  for (const c of their) if (c.kind === "source") theirSources.set(c.key, c.value);
  const theirsHas = (name: string) => theirs.scenarios.some((s) => fold(s.name) === fold(name));

  // Our name → the name it ends up with in the merge.
  const ourBase = (name: string): string | null => {
    const b = baseNameOf(ours, name);
    return base.scenarios.some((s) => fold(s.name) === fold(b)) ? b : null; // null: a scenario mine added
  };
  const finalName = new Map<string, string | null>(); // fold(base name) → name in the merge
  for (const s of base.scenarios) finalName.set(fold(s.name), theirName.get(fold(s.name)) ?? null);

  const say = (en: string, ja: string) => kept.push({ text: { en, ja } });
  for (const c of ours) {
    if (c.kind !== "rename") continue;
    const now = theirName.get(fold(c.from));
    if (now === null)
      say(
        `${c.from}: no longer in the workbook (renamed or deleted there), so not renamed to ${c.to}.`,
        `${c.from}：ブックにもうないため（名前の変更か削除）、${c.to} への名前の変更は行いませんでした。`
      );
    else if (now !== c.from && now !== c.to)
      say(`${c.from}: kept the name ${now} from the workbook (not ${c.to}).`, `${c.from}：ブックの名前 ${now} を残しました（${c.to} ではなく）。`);
    else if (now === c.to) finalName.set(fold(c.from), c.to);
    else if (theirsHas(c.to))
      say(`${c.from}: not renamed, the workbook already has a scenario ${c.to}.`, `${c.from}：ブックにすでに ${c.to} があるため、名前を変更しませんでした。`);
    else {
      applied.push({ kind: "rename", from: now, to: c.to });
      finalName.set(fold(c.from), c.to);
    }
  }
  const resolve = (name: string): string | null => {
    const b = ourBase(name);
    return b === null ? name : (finalName.get(fold(b)) ?? null);
  };

  for (const c of ours) {
    switch (c.kind) {
      case "delete": {
        const b = fold(c.scenario.name);
        const now = theirName.get(b);
        if (now === null) break; // deleted there too
        if (theirTouched.has(b)) {
          say(`${now}: kept, it was changed in the workbook meanwhile.`, `${now}：その間にブックで変更されたため、削除せずに残しました。`);
          break;
        }
        applied.push({ kind: "delete", scenario: { ...c.scenario, name: now! } });
        break;
      }
      case "add": {
        const there = theirs.scenarios.find((s) => fold(s.name) === fold(c.scenario.name));
        if (there) {
          if (!sameContent(there, c.scenario))
            say(`${c.scenario.name}: kept the workbook's scenario of that name.`, `${c.scenario.name}：ブックにある同名のシナリオを残しました。`);
          break;
        }
        applied.push({ kind: "add", scenario: c.scenario, after: c.after === null ? null : resolve(c.after) });
        break;
      }
      case "value":
      case "internal": {
        const b = ourBase(c.scenario);
        const target = resolve(c.scenario);
        const label = c.kind === "value" ? assumptionSpec(c.key).label : { en: "internal", ja: "社外秘" };
        if (target === null) {
          say(
            `${c.scenario} — ${label.en}: not saved, the scenario is no longer in the workbook (renamed or deleted there).`,
            `${c.scenario} — ${label.ja}：保存していません。このシナリオはブックにもうありません（名前の変更か削除）。`
          );
          break;
        }
        if (b !== null) {
          const field = `${fold(b)}|${c.kind === "value" ? c.key : "internal"}`;
          if (theirCells.has(field)) {
            const their = theirCells.get(field);
            const same = c.kind === "value" ? sameValue(their as EntryValue, c.value) : their === c.value;
            if (!same) {
              const t = (l: "en" | "ja") => (c.kind === "value" ? shown(c.key, their as EntryValue, l) : shownDecision(their as boolean, l));
              const m = (l: "en" | "ja") => (c.kind === "value" ? shown(c.key, c.value, l) : shownDecision(c.value, l));
              say(
                `${target} — ${label.en}: kept ${t("en")} typed in the workbook (not ${m("en")}).`,
                `${target} — ${label.ja}：ブックに入力された ${t("ja")} を残しました（${m("ja")} ではなく）。`
              );
            }
            break;
          }
        }
        applied.push({ ...c, scenario: target });
        break;
      }
      case "source": {
        if (theirSources.has(c.key)) {
          const their = theirSources.get(c.key)!;
          if (their !== c.value) {
            const label = assumptionSpec(c.key).label;
            say(
              `${label.en} (source / note): kept "${their}" typed in the workbook (not "${c.value}").`,
              `${label.ja}（出典・備考）：ブックに入力された「${their}」を残しました（「${c.value}」ではなく）。`
            );
          }
          break;
        }
        applied.push(c);
        break;
      }
      case "decision": {
        const field = `${c.item}|${c.field}`;
        if (theirDecisions.has(field)) {
          const their = theirDecisions.get(field)!;
          if (their !== c.value) {
            const what = c.field === "internal" ? `${c.item} (internal)` : c.item;
            say(
              `${what}: kept ${shownDecision(their, "en")} typed in the workbook (not ${shownDecision(c.value, "en")}).`,
              `${what}：ブックに入力された ${shownDecision(their, "ja")} を残しました（${shownDecision(c.value, "ja")} ではなく）。`
            );
          }
          break;
        }
        applied.push(c);
        break;
      }
      case "order": {
        if (theirOrder) {
          say("Kept the order of the scenarios from the workbook.", "シナリオの並び順はブックのものを残しました。");
          break;
        }
        applied.push({ kind: "order", names: c.names.map((n) => resolve(n)).filter((n): n is string => n !== null) });
        break;
      }
      case "termAdd": {
        const there = theirs.decisions.terms.find((t) => t.key === c.term.key);
        if (there) {
          if (!sameValue(there.value, c.term.value) || there.source !== c.term.source) {
            const label = assumptionSpec(c.term.key).label;
            say(
              `Offer term ${label.en}: kept ${shown(c.term.key, there.value, "en")}, added in the workbook meanwhile (not ${shown(c.term.key, c.term.value, "en")}).`,
              `提示条件 ${label.ja}：その間にブックで追加された ${shown(c.term.key, there.value, "ja")} を残しました（${shown(c.term.key, c.term.value, "ja")} ではなく）。`
            );
          }
          break;
        }
        applied.push(c);
        break;
      }
      case "termRemove": {
        const key = c.term.key;
        if (theirTermRemoved.has(key)) break; // removed there too
        if (theirTermFields.has(`${key}|value`) || theirTermFields.has(`${key}|source`)) {
          const label = assumptionSpec(key).label;
          say(
            `Offer term ${label.en}: kept, it was changed in the workbook meanwhile.`,
            `提示条件 ${label.ja}：その間にブックで変更されたため、削除せずに残しました。`
          );
          break;
        }
        applied.push(c);
        break;
      }
      case "term": {
        const label = assumptionSpec(c.key).label;
        const what = (l: "en" | "ja") => (c.field === "source" ? `${label[l]} (${l === "ja" ? "出典" : "source"})` : label[l]);
        const show = (v: EntryValue, l: "en" | "ja") => (c.field === "source" ? shownDecision(String(v ?? ""), l) : shown(c.key, v, l));
        if (theirTermRemoved.has(c.key)) {
          say(
            `Offer term ${what("en")}: not saved, the term was taken off the offer in the workbook meanwhile.`,
            `提示条件 ${what("ja")}：保存していません。その間にブックで提示条件から外されました。`
          );
          break;
        }
        const field = `${c.key}|${c.field}`;
        if (theirTermFields.has(field)) {
          const t = theirTermFields.get(field);
          if (!sameValue(t, c.value)) {
            say(
              `Offer term ${what("en")}: kept ${show(t, "en")} typed in the workbook (not ${show(c.value, "en")}).`,
              `提示条件 ${what("ja")}：ブックに入力された ${show(t, "ja")} を残しました（${show(c.value, "ja")} ではなく）。`
            );
          }
          break;
        }
        applied.push(c);
        break;
      }
      case "termOrder":
        if (theirTermOrder) say("Kept the order of the offer's terms from the workbook.", "提示条件の並び順はブックのものを残しました。");
        else applied.push(c);
        break;
    }
  }
  const { set } = applyChanges(theirs, applied);
  // The correlations are not cells of the assumptions table: merged beside it, or a pane's pair would be
  // lost to the workbook's (an edit made while the previous save was on its way went back to the value saved).
  const { correlations: _, ...rest } = set;
  const correlated = mergeCorrelations(base.correlations, mine.correlations, theirs.correlations);
  for (const k of correlated.kept)
    say(
      `The correlation ${k.a} ↔ ${k.b} was changed in the workbook meanwhile (to ${k.workbook}): the workbook's value is kept, not the pane's ${k.pane}.`,
      `相関 ${k.a} ↔ ${k.b} はその間にブックで変更されていました（${k.workbook}）。ペインの値 ${k.pane} ではなくブックの値を残しました。`
    );
  return { set: { ...rest, ...(correlated.pairs.length > 0 ? { correlations: correlated.pairs } : {}), schema: theirs.schema }, applied, kept };
}

/** The same pairs with the same values (a set without the table and one with none are the same). */
function samePairs(a: readonly Correlation[] | undefined, b: readonly Correlation[] | undefined): boolean {
  const key = (xs: readonly Correlation[] | undefined) => JSON.stringify((xs ?? []).map((p) => [pairId(p), p.value]).sort());
  return key(a) === key(b);
}

/** The base name of a scenario named `name` after `changes` (undoing their renames). */
function baseNameOf(changes: readonly Change[], name: string): string {
  for (const c of changes) if (c.kind === "rename" && fold(c.to) === fold(name)) return c.from;
  return name;
}

/** Two sets hold the same scenarios, in the same order, the same decisions and term sheet, and the same correlations. */
export function sameSet(a: ScenarioSet, b: ScenarioSet): boolean {
  return diffSets(a, b).length === 0 && a.scenarios.every((s, i) => s.name === b.scenarios[i].name) && samePairs(a.correlations, b.correlations);
}
