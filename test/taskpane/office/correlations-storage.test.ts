/**
 * The correlations in the workbook (table IpvalueCorrelations on the IPVALUE sheet), against the Excel
 * stand-in: made in rows inserted above the assumptions table (which moves down intact), in the square
 * layout IPVALUE.SIMULATE's `correlations` reads, grown by a row and a column for a new key, merged
 * pair by pair with what the grid typed meanwhile, and read back as the pane stored it.
 */
import { cellOf, fake } from "./fake";
import { simulateFn } from "../../../src/functions/functions";
import { ScenarioSet } from "../../../src/model/scenario-set";
import { exampleSet } from "../../../src/taskpane/model/examples";
import { ASSUMPTIONS_TABLE, CORRELATIONS_TABLE, OFFER_TABLE } from "../../../src/taskpane/model/storage-sheet";
import { DEFAULT_REQUEST, setCorrelation, simulateSet } from "../../../src/taskpane/model/simulation";
import { officeWorkbook } from "../../../src/taskpane/office/workbook";
import type { WorkbookPort } from "../../../src/taskpane/ui/port";
import { setOfferTerms } from "../../../src/model/scenario-set";

const fresh = (): WorkbookPort => {
  fake.reset();
  return officeWorkbook({ debounceMs: 10 });
};
let port = fresh();
beforeEach(() => (port = fresh()));

const opened = (): Promise<ScenarioSet> =>
  port
    .save(exampleSet("medical-device", "en"), "en")
    .then(() => port.load())
    .then((set) => set!);

const correlations = () => fake.table(CORRELATIONS_TABLE)!;
const assumptions = () => fake.table(ASSUMPTIONS_TABLE)!;

describe("the correlations table", () => {
  test("round-trips: created above the assumptions in SIMULATE's layout, read back as stored; SIMULATE on the two tables gives the pane's numbers", async () => {
    const read = await opened();
    expect(fake.tableNames()).not.toContain(CORRELATIONS_TABLE); // none until a pair is correlated
    const before = assumptions().values;
    const set = setCorrelation(read, "en", "market_size", "peak_share", 0.6);
    await port.save(set, "en");
    expect(correlations().values).toEqual([
      ["key", "market_size", "peak_share"],
      ["market_size", 1, 0.6],
      ["peak_share", 0.6, 1],
    ]);
    // the assumptions table moved down intact, under its caption
    expect(assumptions().values).toEqual(before);
    expect(Number(assumptions().address.match(/A(\d+):/)![1])).toBeGreaterThan(11);
    expect(fake.values(`IPVALUE!A${Number(correlations().address.match(/A(\d+):/)![1]) - 1}`)[0][0]).toMatch(/^Rank correlations/);
    const loaded = (await port.load())!;
    expect(loaded.correlations).toEqual([{ a: "market_size", b: "peak_share", value: 0.6 }]);
    // =IPVALUE.SIMULATE(IpvalueAssumptions[#All],…,IpvalueCorrelations[#All]) is the pane's run
    const view = simulateSet(loaded, "en", { ...DEFAULT_REQUEST, iterations: 2000 });
    const cells = simulateFn(assumptions().values, 2000, 1, [[0.1, 0.5, 0.9]], "rnpv", null, "pert", "lhs", correlations().values);
    expect(cells.slice(0, 3).map((r) => r[1])).toEqual(view.result.percentiles.map((p) => p.value));
    const independent = simulateSet(read, "en", { ...DEFAULT_REQUEST, iterations: 2000 });
    expect(view.result.percentiles[2].value - view.result.percentiles[0].value).toBeGreaterThan(
      independent.result.percentiles[2].value - independent.result.percentiles[0].value
    );
  });

  test("a third key adds a row and a column; a changed pair writes both of its cells; removing every pair of a key drops it", async () => {
    const read = await opened();
    let set = setCorrelation(read, "en", "market_size", "peak_share", 0.6);
    await port.save(set, "en");
    set = (await port.load())!;
    set = setCorrelation(set, "en", "peak_share", "success_probability", -0.3);
    await port.save(set, "en");
    expect(correlations().values).toEqual([
      ["key", "market_size", "peak_share", "success_probability"],
      ["market_size", 1, 0.6, ""],
      ["peak_share", 0.6, 1, -0.3],
      ["success_probability", "", -0.3, 1],
    ]);
    set = setCorrelation((await port.load())!, "en", "market_size", "peak_share", 0);
    await port.save(set, "en");
    expect(correlations().values).toEqual([
      ["key", "peak_share", "success_probability"],
      ["peak_share", 1, -0.3],
      ["success_probability", -0.3, 1],
    ]);
    expect((await port.load())!.correlations).toEqual([{ a: "peak_share", b: "success_probability", value: -0.3 }]);
  });

  test("a pair typed in the grid meanwhile is kept, and said so; the pane's other pairs are written", async () => {
    const read = await opened();
    const base = setCorrelation(read, "en", "market_size", "peak_share", 0.6);
    await port.save(base, "en");
    const loaded = (await port.load())!;
    // someone types 0.2 in the grid (both cells), while the pane moves the same pair to 0.8
    const at = correlations().address.match(/A(\d+):/)![1];
    const row = Number(at);
    fake.userEdit(`IPVALUE!C${row + 1}`, 0.2);
    fake.userEdit(`IPVALUE!B${row + 2}`, 0.2);
    const mine = setCorrelation(loaded, "en", "market_size", "peak_share", 0.8);
    const saved = await port.save(mine, "en", loaded);
    expect(saved.set.correlations).toEqual([{ a: "market_size", b: "peak_share", value: 0.2 }]);
    expect(saved.kept.map((k) => k.text.en).join(" ")).toMatch(/market_size ↔ peak_share/);
  });

  test("with an offer term sheet too: both tables in their own rows, the assumptions below them intact", async () => {
    const read = await opened();
    const set = setCorrelation(setOfferTerms(read, [{ key: "royalty_rate", value: 0.035, source: "" }]), "en", "market_size", "market_growth", 0.4);
    await port.save(set, "en");
    const rowOf = (name: string) => Number(fake.table(name)!.address.match(/A(\d+):/)![1]);
    expect(rowOf(OFFER_TABLE)).toBeLessThan(rowOf(CORRELATIONS_TABLE));
    expect(rowOf(CORRELATIONS_TABLE)).toBeLessThan(rowOf(ASSUMPTIONS_TABLE));
    const loaded = (await port.load())!;
    expect(loaded.correlations).toEqual([{ a: "market_size", b: "market_growth", value: 0.4 }]);
    expect(loaded.decisions.terms).toEqual([{ key: "royalty_rate", value: 0.035, source: "" }]);
    void cellOf;
  });
});
