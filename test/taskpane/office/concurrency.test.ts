/**
 * Two panes (two ports) and a user typing in the grid, on one stand-in workbook, for a few hundred
 * random interleaved steps: each pane edits the set it last read, adds and deletes scenarios, and saves
 * now and then with the set it started from (as the pane does); sometimes it hears of the workbook's
 * changes and lays its unsaved edits onto them (as the pane does on a change notice). At every save
 * each of the pane's edits is either in the workbook or named in what the save kept; at the end every
 * cell holds the last edit that was accepted for it, and each pane's view equals the workbook.
 */
import { cellOf, fake } from "./fake";
import type { AssumptionKey } from "../../../src/engine";
import { addScenario, deleteScenario, ScenarioSet, setValue } from "../../../src/model/scenario-set";
import { mergeSets, sameSet } from "../../../src/model/set-merge";
import { exampleSet } from "../../../src/taskpane/model/examples";
import { officeWorkbook } from "../../../src/taskpane/office/workbook";
import type { WorkbookPort } from "../../../src/taskpane/ui/port";
import { assumptionSpec } from "../../../src/engine";

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS: AssumptionKey[] = ["market_size", "upfront", "investment", "annual_minimum"];

interface Pane {
  name: string;
  port: WorkbookPort;
  base: ScenarioSet;
  current: ScenarioSet;
  /** The pane's edits not yet saved: scenario|key → value (the last one typed). */
  edits: Map<string, number>;
  deletes: Set<string>;
}

const cellKey = (scenario: string, key: string) => `${scenario.toLowerCase()}|${key}`;

test.each([1, 2, 3, 7])("two panes and the grid, 300 random interleaved steps (seed %i): nothing accepted is lost, nothing dropped is silent", async (seed) => {
  fake.reset();
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  await officeWorkbook().save(exampleSet("software", "en"), "en");
  const panes: Pane[] = [];
  for (const name of ["A", "B"]) {
    const port = officeWorkbook();
    const read = (await port.load())!;
    panes.push({ name, port, base: read, current: read, edits: new Map(), deletes: new Set() });
  }
  // The last accepted value of each cell, and the scenarios deleted for good.
  const accepted = new Map<string, number>();
  const deleted = new Set<string>();
  let value = 1000;
  let names = 0;
  let dropped = 0;
  let kept = 0;

  const workbook = async () => (await officeWorkbook().load())!;

  async function save(p: Pane) {
    const saved = await p.port.save(p.current, "en", p.base);
    const texts = saved.kept.map((k) => k.text.en);
    kept += texts.length;
    for (const [at, v] of p.edits) {
      const [scenario, key] = at.split("|");
      const s = saved.set.scenarios.find((x) => x.name.toLowerCase() === scenario);
      if (s && s.values[key as AssumptionKey] === v) {
        accepted.set(at, v);
        continue;
      }
      // Not in the workbook: the save must have said so, naming the scenario (and the assumption, if the scenario is there).
      dropped++;
      const label = assumptionSpec(key as AssumptionKey).label.en;
      expect(texts.some((t) => t.toLowerCase().includes(scenario) && (!s || t.includes(label)))).toBe(true);
    }
    for (const name of p.deletes) {
      if (saved.set.scenarios.some((x) => x.name.toLowerCase() === name)) {
        dropped++;
        expect(texts.some((t) => t.toLowerCase().startsWith(name))).toBe(true);
      } else deleted.add(name);
    }
    p.edits.clear();
    p.deletes.clear();
    p.base = saved.set;
    p.current = saved.set;
  }

  for (let step = 0; step < 300; step++) {
    const roll = next();
    if (roll < 0.3) {
      // The user types in the grid.
      const set = await workbook();
      const s = pick(set.scenarios);
      const key = pick(KEYS);
      value++;
      fake.userEdit(cellOf(s.name, key), value);
      accepted.set(cellKey(s.name, key), value);
      continue;
    }
    const p = pick(panes);
    if (roll < 0.75) {
      const i = Math.floor(next() * p.current.scenarios.length);
      const key = pick(KEYS);
      value++;
      p.current = setValue(p.current, i, key, String(value));
      p.edits.set(cellKey(p.current.scenarios[i].name, key), value);
    } else if (roll < 0.8) {
      names++;
      p.current = addScenario(p.current, `${p.name}${names}`);
    } else if (roll < 0.84 && p.current.scenarios.length > 2) {
      const i = Math.floor(next() * p.current.scenarios.length);
      const name = p.current.scenarios[i].name.toLowerCase();
      p.current = deleteScenario(p.current, i);
      for (const at of [...p.edits.keys()]) if (at.startsWith(`${name}|`)) p.edits.delete(at);
      p.deletes.add(name);
    } else if (roll < 0.9) {
      // The pane hears of the workbook's changes: its unsaved edits are laid onto them (the workbook wins a cell both changed).
      const w = await p.port.load();
      const merge = mergeSets(p.base, p.current, w!);
      for (const [at, v] of [...p.edits]) {
        const [scenario, key] = at.split("|");
        const s = merge.set.scenarios.find((x) => x.name.toLowerCase() === scenario);
        if (!s || s.values[key as AssumptionKey] !== v) {
          p.edits.delete(at); // superseded, and said so
          dropped++;
          expect(merge.kept.some((k) => k.text.en.toLowerCase().includes(scenario))).toBe(true);
        }
      }
      for (const name of [...p.deletes]) if (merge.set.scenarios.some((x) => x.name.toLowerCase() === name)) p.deletes.delete(name);
      p.base = w!;
      p.current = merge.set;
    } else {
      await save(p);
    }
  }
  for (const p of panes) await save(p);

  const final = await workbook();
  for (const [at, v] of accepted) {
    const [scenario, key] = at.split("|");
    const s = final.scenarios.find((x) => x.name.toLowerCase() === scenario);
    if (!s) {
      expect(deleted.has(scenario)).toBe(true);
      continue;
    }
    expect({ at, value: s.values[key as AssumptionKey] }).toEqual({ at, value: v });
  }
  // Each pane, after its last save and the change notice of the other's, sees exactly the workbook.
  for (const p of panes) {
    const merge = mergeSets(p.base, p.current, final);
    expect(merge.kept).toEqual([]);
    expect(sameSet(merge.set, final)).toBe(true);
  }
  // The run did exercise collisions.
  expect(dropped).toBeGreaterThan(0);
  expect(kept).toBeGreaterThan(0);
});
