/** The shell's one first read handed to the editor (src/taskpane/ui/first-load.ts), and a chunk asked for once (model/load-once.ts). */
import { EditError, type ScenarioSet } from "../../../src/model/scenario-set";
import { exampleSet } from "../../../src/taskpane/model/examples";
import { loadOnce } from "../../../src/taskpane/model/load-once";
import { holdWatch, opensEditor, readFirst } from "../../../src/taskpane/ui/first-load";
import type { WorkbookPort } from "../../../src/taskpane/ui/port";

type Listener = (result: ScenarioSet | EditError) => void;

/** A port with load and watch only: counts the reads, and lets the test raise a change in Excel. */
function fakePort(loaded: () => Promise<ScenarioSet | null>) {
  const listeners: Listener[] = [];
  const calls = { load: 0, watch: 0, unsubscribed: 0 };
  const port = {
    load: () => (calls.load++, loaded()),
    watch: async (onChange: Listener) => {
      calls.watch++;
      listeners.push(onChange);
      return async () => {
        calls.unsubscribed++;
        listeners.splice(listeners.indexOf(onChange), 1);
      };
    },
  } as unknown as WorkbookPort;
  return { port, calls, change: (r: ScenarioSet | EditError) => listeners.forEach((l) => l(r)) };
}

const A = exampleSet("medical-device", "en");
const B = exampleSet("software", "en");
const C = exampleSet("drug-candidate", "en");

test("a workbook with a set: read once, its watch begun at once; the latest change made before the editor takes it is handed over", async () => {
  const { port, calls, change } = fakePort(async () => A);
  const first = await readFirst(port);
  expect(first.loaded).toEqual({ set: A });
  expect(calls).toMatchObject({ load: 1, watch: 1 });
  change(B);
  change(C); // only the latest re-read matters: each is the whole set
  const seen: (ScenarioSet | EditError)[] = [];
  const stop = await first.watch!.take((r) => seen.push(r));
  expect(seen).toEqual([C]);
  change(B);
  expect(seen).toEqual([C, B]);
  await stop();
  expect(calls.unsubscribed).toBe(1);
  // A second taker (the editor's watch made again) gets a watch of its own.
  await first.watch!.take(() => undefined);
  expect(calls).toMatchObject({ load: 1, watch: 2 });
});

test("a workbook without a set, or out of reach: the start view first, nothing watched; unreadable tables open the editor", async () => {
  for (const [loaded, opens] of [
    [async () => null, false],
    [async () => Promise.reject(new Error("no Excel here")), false],
    [async () => Promise.reject(new EditError({ en: "fix the table", ja: "表を直してください" })), true],
  ] as const) {
    const { port, calls } = fakePort(loaded);
    const first = await readFirst(port);
    expect(opensEditor(first.loaded)).toBe(opens);
    expect(first.watch !== undefined).toBe(opens);
    expect(calls).toMatchObject({ load: 1, watch: opens ? 1 : 0 });
  }
});

test("a chunk is asked for once; after a failed fetch the next call asks again", async () => {
  let calls = 0;
  let fail = true;
  const load = loadOnce(async () => {
    calls++;
    if (fail) throw new Error("offline");
    return "chunk";
  });
  await expect(load()).rejects.toThrow("offline");
  fail = false;
  await expect(Promise.all([load(), load()])).resolves.toEqual(["chunk", "chunk"]);
  await expect(load()).resolves.toBe("chunk");
  expect(calls).toBe(2);
});

test("holdWatch with no change before the take hands nothing over", async () => {
  const { port } = fakePort(async () => A);
  const seen: unknown[] = [];
  await holdWatch(port).take((r) => seen.push(r));
  expect(seen).toEqual([]);
});
