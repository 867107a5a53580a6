/**
 * The Simulation sheet (WorkbookPort.insertSimulationCharts) against the in-memory Excel stand-in:
 * live SIMULATE, SENSITIVITY and SPIDER formulas over the stored table, the histogram's counts, the tornado's
 * and the spider's helper cells, the three native charts; and the numbers: the formula run on the stored table gives
 * what the pane shows.
 */
import { fake } from "./fake";
import { sensitivityFn, simulateFn, spiderFn } from "../../../src/functions/functions";
import { setDecision } from "../../../src/model/scenario-set";
import { exampleSet } from "../../../src/taskpane/model/examples";
import { DEFAULT_REQUEST, simulateSet, SimulationRequest } from "../../../src/taskpane/model/simulation";
import { ASSUMPTIONS_TABLE } from "../../../src/taskpane/model/storage-sheet";
import { officeWorkbook } from "../../../src/taskpane/office/workbook";
import type { WorkbookPort } from "../../../src/taskpane/ui/port";

let port: WorkbookPort;
beforeEach(() => {
  fake.reset();
  port = officeWorkbook({ debounceMs: 10 });
});

const set = setDecision(exampleSet("medical-device", "en"), "floor", "120000000");
const request: SimulationRequest = { ...DEFAULT_REQUEST, iterations: 5000, seed: 42 };

/** Column letters of a 0-based index. */
const col = (n: number) => String.fromCharCode(65 + n);

describe("the Simulation sheet", () => {
  test("live formulas over the table: SIMULATE with the pane's iterations, seed, distribution and sampling, the floor as threshold, and standard errors; SENSITIVITY", async () => {
    await port.insertSimulationCharts(set, "en", request);
    expect(fake.sheet("Simulation")!.active).toBe(true);
    expect(fake.values("Simulation!A1")[0][0]).toBe("IPVALUE simulation");
    expect(String(fake.values("Simulation!A3")[0][0])).toMatch(/^INTERNAL/); // the floor is internal
    const simulate = String(fake.formulas("Simulation!A6")[0][0]);
    expect(simulate).toBe(
      '=IPVALUE.SIMULATE(IpvalueAssumptions[#All],5000,42,{0.1,0.5,0.9},"rnpv",IF(INDEX(IpvalueDecisions[value],MATCH("floor",IpvalueDecisions[item],0))="","",INDEX(IpvalueDecisions[value],MATCH("floor",IpvalueDecisions[item],0))),"pert","lhs",,TRUE)'
    );
    expect(fake.formulas("Simulation!D6")[0][0]).toBe('=IPVALUE.SENSITIVITY(IpvalueAssumptions[#All],"rnpv")');
    expect(fake.values("Simulation!A5")[0][0]).toBe(
      "Percentiles of the risk-adjusted licensor value (5,000 draws, seed 42, PERT, Latin hypercube; third column: standard error)"
    );
    // values and their standard errors alike
    expect(fake.numberFormat("Simulation!B6:C10")).toEqual([...Array(4).fill(["#,##0", "#,##0"]), ["0.0#%", "0.0#%"]]);
  });

  test("the formula on the stored table gives the pane's numbers, and the histogram's counts are those draws", async () => {
    await port.insertSimulationCharts(set, "en", request);
    const table = fake.table(ASSUMPTIONS_TABLE)!.values;
    const view = simulateSet(set, "en", request);
    const sheetResult = simulateFn(table, 5000, 42, [[0.1, 0.5, 0.9]], "rnpv", 120000000, "pert", "lhs", undefined, true);
    const e = view.result.standardErrors!;
    expect(sheetResult).toEqual([
      ...view.result.percentiles.map((x, i) => [`P${x.p * 100}`, x.value, e.percentiles[i]]),
      ["mean", view.result.mean, e.mean],
      ["P(<120000000)", view.result.below!.probability, e.below],
    ]);
    // histogram block: L6 header, then one row per bin (label, draws, draws in a marked bin, from, to)
    const bins = view.histogram.counts.length;
    const rows = fake.values(`Simulation!L7:P${6 + bins}`);
    expect(rows.map((r) => (r[1] as number) + (r[2] as number))).toEqual(view.histogram.counts);
    expect(rows.reduce((s, r) => s + (r[1] as number) + (r[2] as number), 0)).toBe(5000);
    expect(rows.map((r) => r[3])).toEqual(view.histogram.edges.slice(0, -1));
    const marked = rows.filter((r) => (r[2] as number) > 0).map((r) => String(r[0]));
    expect(marked.join(" ")).toMatch(/\(P10\).*\(P50\).*\(P90\)/);
  });

  test("three native charts: a stacked column histogram, a stacked bar tornado over helper cells read from the SENSITIVITY spill, and a line spider", async () => {
    await port.insertSimulationCharts(set, "ja", request);
    const charts = fake.charts("Simulation");
    expect(charts.map((c) => [c.name, c.type, c.seriesBy, c.series.length])).toEqual([
      ["IPVALUE histogram", "ColumnStacked", "Columns", 2],
      ["IPVALUE tornado", "BarStacked", "Columns", 2],
      ["IPVALUE spider", "Line", "Rows", 8],
    ]);
    // one under the other in R:Z, none overlapping
    expect(charts.map((c) => c.position)).toEqual([
      { start: "R5", end: "Z22" },
      { start: "R24", end: "Z42" },
      { start: "R44", end: "Z62" },
    ]);
    expect(charts[0].title).toBe("シミュレーションによる価値の分布");
    expect(charts[1].title).toBe("トルネード図：基準値からの変化");
    expect(charts[2].title).toBe("スパイダー図：各前提条件の範囲に沿った価値");
    expect(charts.slice(0, 2).map((c) => c.series.map((s) => s.fill))).toEqual([
      ["#8FC7CC", "#0F6C74"],
      ["#C0392B", "#2F6FB0"],
    ]);
    // The tornado's source: header + one row per assumption, smallest swing first.
    const view = simulateSet(set, "ja", request);
    const k = view.tornado.rows.length;
    expect(k).toBe(8);
    const m = /^Simulation!([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(charts[1].source)!;
    expect(Number(m[4]) - Number(m[2])).toBe(k);
    const helper = fake.formulas(`Simulation!${m[1]}${Number(m[2]) + 1}:${m[3]}${m[4]}`);
    helper.forEach((r, i) => {
      const spillRow = k + 2 - i;
      expect(String(r[0])).toContain(`INDEX($D$6#,${spillRow},1)`);
      expect(r[1]).toBe(`=MIN(0,MIN(INDEX($D$6#,${spillRow},4),INDEX($D$6#,${spillRow},5))-INDEX($D$6#,2,4))`);
      expect(r[2]).toBe(`=MAX(0,MAX(INDEX($D$6#,${spillRow},4),INDEX($D$6#,${spillRow},5))-INDEX($D$6#,2,4))`);
    });
    // What the helper cells read: SENSITIVITY on the stored table, its rows in the pane's order.
    const spill = sensitivityFn(fake.table(ASSUMPTIONS_TABLE)!.values, "rnpv") as (string | number)[][];
    expect(spill.slice(2).map((r) => r[0])).toEqual(view.tornado.rows.map((r) => r.key));
    // The labels the lookup finds: Japanese, for every key the spill can show.
    const lookup = /VLOOKUP\(INDEX\(\$D\$6#,\d+,1\),\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+),2,FALSE\)/.exec(String(helper[0][0]))!;
    const labels = fake.values(`Simulation!${lookup[1]}${lookup[2]}:${lookup[3]}${lookup[4]}`);
    expect(labels.map((r) => r[0]).sort()).toEqual(view.tornado.rows.map((r) => r.key).sort());
    expect(labels.find((r) => r[0] === "peak_share")![1]).toBe("ピーク時シェア");
  });

  test("the spider: a live =IPVALUE.SPIDER under the SENSITIVITY spill, and the line chart's helper cells reading it with INDEX, in Japanese", async () => {
    await port.insertSimulationCharts(set, "ja", request);
    const view = simulateSet(set, "ja", request);
    const k = view.spider.lines.length;
    // SENSITIVITY spills D6:I15 (header, base, eight rows); a blank row; the caption; SPIDER at the pane's five points
    expect(k).toBe(8);
    expect(fake.formulas("Simulation!D16:D18")).toEqual([
      [""],
      ["感応度（スパイダー）：各前提条件を低位から基準を経て高位へ動かしたときの価値（ほかは基準）"],
      ['=IPVALUE.SPIDER(IpvalueAssumptions[#All],"rnpv",5)'],
    ]);
    // its outputs (under the header of positions) are amounts
    expect(fake.numberFormat("Simulation!E19:I27")).toEqual(Array(9).fill(Array(5).fill("#,##0")));
    const spider = fake.charts("Simulation").find((c) => c.name === "IPVALUE spider")!;
    const m = /^Simulation!([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(spider.source)!;
    expect([m[1], m[3], Number(m[4]) - Number(m[2])]).toEqual(["L", "Q", k]); // a label column and five positions; a header row and one row per assumption
    // the header: a blank corner (so that Excel takes the first row as categories), the positions named
    expect(fake.values(`Simulation!L${m[2]}:Q${m[2]}`)).toEqual([["", "低位", "中間", "基準", "中間", "高位"]]);
    expect(fake.values(`Simulation!L${Number(m[2]) - 1}`)[0][0]).toBe("スパイダー図用データ（補助セル）");
    const helper = fake.formulas(`Simulation!L${Number(m[2]) + 1}:Q${m[4]}`);
    helper.forEach((r, i) => {
      expect(String(r[0])).toMatch(new RegExp(`^=IFERROR\\(VLOOKUP\\(INDEX\\(\\$D\\$18#,${i + 3},1\\),`));
      expect(r.slice(1)).toEqual([2, 3, 4, 5, 6].map((j) => `=IFERROR(INDEX($D$18#,${i + 3},${j}),NA())`));
    });
    // What they read: SPIDER on the stored table, its lines in the pane's order (largest spread first), at the pane's positions.
    const spill = spiderFn(fake.table(ASSUMPTIONS_TABLE)!.values, "rnpv", 5) as (string | number)[][];
    expect(spill[0]).toEqual(["assumption", ...view.spider.positions]);
    expect(spill.slice(2).map((r) => r[0])).toEqual(view.spider.lines.map((l) => l.key));
  });

  test("inserting again replaces IPVALUE's sheet; a Simulation sheet of the user's is left alone", async () => {
    await port.insertSimulationCharts(set, "en", request);
    await port.insertSimulationCharts(set, "en", { ...request, distribution: "triangular" });
    expect(fake.sheetNames().filter((n) => n.startsWith("Simulation"))).toEqual(["Simulation"]);
    expect(fake.charts("Simulation")).toHaveLength(3);
    expect(String(fake.formulas("Simulation!A6")[0][0])).toMatch(/"triangular","lhs",,TRUE\)$/);
    fake.reset();
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("Simulation").getRange("A1").values = [["my notes"]];
      await context.sync();
    });
    await port.insertSimulationCharts(set, "en", request);
    expect(fake.values("Simulation!A1")).toEqual([["my notes"]]);
    expect(fake.values("'Simulation (IPVALUE)'!A1")).toEqual([["IPVALUE simulation"]]);
  });

  test("a set that cannot be simulated is refused with the engine's reason, and nothing is written", async () => {
    const before = fake.sheetNames();
    await expect(port.insertSimulationCharts(set, "en", { ...request, distribution: "metalog" })).rejects.toThrow(/metalog/);
    expect(fake.sheetNames().filter((n) => n.startsWith("Simulation"))).toEqual(before.filter((n) => n.startsWith("Simulation")));
    expect(col(11)).toBe("L");
  });
});
