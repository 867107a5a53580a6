/** The pane shows the engine's messages in its own language: Japanese in the Japanese pane, English in the English one. */
import { RawValue } from "../../../src/engine";
import { emptyDecisions, SCHEMA_VERSION, ScenarioSet } from "../../../src/model/scenario-set";
import { readScenarios } from "../../../src/model/table-layout";
import { computeResults } from "../../../src/taskpane/model/results";

const TABLE: RawValue[][] = [
  ["key", "label", "unit", "低位", "基本"],
  ["market_size", "", "", "", 2e9],
  ["peak_share", "", "", 0.1, 0.1],
  ["years", "", "", 10, 10],
  ["royalty_rate", "", "", 0.05, 0.05],
  ["operating_margin", "", "", 0.2, -0.1],
  ["discount_rate", "", "", 0.1, 0.1],
];
const set: ScenarioSet = { schema: SCHEMA_VERSION, scenarios: readScenarios(TABLE), decisions: emptyDecisions() };

test("a blank start's problem names the scenario and the assumption in Japanese", () => {
  expect(computeResults(set, "ja").problem).toBe("シナリオ「低位」：市場規模（初年度） (market_size) が空欄です：必須の前提です");
  expect(computeResults(set, "en").problem).toBe("Scenario '低位': market_size is missing: it is required");
});

test("an output with no answer (a loss-making margin for the 25% rule) says why in Japanese", () => {
  const filled: ScenarioSet = { ...set, scenarios: readScenarios(TABLE.map((r) => (r[0] === "market_size" ? [...r.slice(0, 3), 1e9, 2e9] : r))) };
  const results = computeResults(filled, "ja");
  expect(results.problem).toBeUndefined();
  expect(results.scenarios[1].outputs.rate25).toEqual({ error: "ライセンシー営業利益率 (operating_margin) が負（-0.1）です：配分する利益がありません" });
  const rate25 = results.range.find((r) => r.output === "rate25")!;
  expect(rate25.low).toEqual({ error: "シナリオ「基本」：ライセンシー営業利益率 (operating_margin) が負（-0.1）です：配分する利益がありません" });
});
