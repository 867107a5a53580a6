/** "Freeze for sharing", the pure part (the copies themselves are in ../office/workbook.test.ts). */
import { replaceSpillReferences } from "../../../src/taskpane/model/freeze";

describe("sharing: frozen copies of sheets", () => {
  test("spill references are rewritten only where they point at a frozen spill on the same sheet", () => {
    const spills = new Map([["A13", "$A$13:$D$17"]]);
    expect(replaceSpillReferences("=INDEX($A$13#,2,2)+A13#", spills)).toBe("=INDEX($A$13:$D$17,2,2)+$A$13:$D$17");
    expect(replaceSpillReferences("=SUM(Other!A13#)+B5#", spills)).toBe("=SUM(Other!A13#)+B5#");
  });
});
