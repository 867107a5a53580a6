/** The licensee's yearly plan rows (sales_<t> …) typed into the stored table survive the pane's scenario operations. */
import { fake } from "./fake";
import { duplicateScenario } from "../../../src/model/scenario-set";
import { exampleSet } from "../../../src/taskpane/model/examples";
import { ASSUMPTIONS_TABLE } from "../../../src/taskpane/model/storage-sheet";
import { officeWorkbook } from "../../../src/taskpane/office/workbook";

test("a duplicated scenario keeps the original's plan rows in the workbook", async () => {
  fake.reset();
  const port = officeWorkbook({ debounceMs: 10 });
  await port.save(exampleSet("medical-device", "en"), "en");
  // She types a business plan for Low under the table: three years of sales, a loss in year 2.
  const values = fake.table(ASSUMPTIONS_TABLE)!.values;
  const width = values[0].length;
  const row = (key: string, low: number | "") => [key, "", "", low, ...new Array(width - 4).fill("")];
  fake.userReplaceTable(ASSUMPTIONS_TABLE, [...values, row("sales_1", 1e8), row("sales_2", 2e8), row("sales_3", 3e8), row("operating_profit_2", -5e6)]);
  const read = (await port.load())!;
  expect(read.scenarios[0].series).toEqual({ sales: [1e8, 2e8, 3e8], operating_profit: [undefined, -5e6] });
  await port.save(duplicateScenario(read, 0, "en"), "en", read);
  const after = (await port.load())!;
  expect(after.scenarios.map((s) => s.name)).toEqual(["Low", "Low (copy)", "Base", "High"]);
  expect(after.scenarios[1].series).toEqual(after.scenarios[0].series);
  expect(after.scenarios[2].series).toEqual({ sales: [undefined, undefined, undefined], operating_profit: [undefined, undefined] });
});
