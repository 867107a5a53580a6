/** The IPVALUE sheet's pure layout: migrations between stored layouts (what a load does with them is in ../office/workbook.test.ts). */
import { SCHEMA_VERSION } from "../../../src/model/scenario-set";
import { migrate, StoredTables } from "../../../src/taskpane/model/storage-sheet";

describe("the layout version kept in the workbook", () => {
  test("migrate leaves tables of the current layout unchanged", () => {
    const tables: StoredTables = {
      assumptions: [
        ["key", "Base"],
        ["years", 10],
      ],
      decisions: null,
    };
    expect(migrate(SCHEMA_VERSION, tables)).toBe(tables);
  });

  test("migrate applies each step from the stored layout up to the current one, in order", () => {
    const steps = {
      1: (t: StoredTables) => ({ ...t, assumptions: [...t.assumptions, ["step", 1]] }),
      2: (t: StoredTables) => ({ ...t, assumptions: [...t.assumptions, ["step", 2]] }),
    };
    const out = migrate(1, { assumptions: [["key", "Base"]], decisions: null }, steps, 3);
    expect(out.assumptions).toEqual([
      ["key", "Base"],
      ["step", 1],
      ["step", 2],
    ]);
    expect(migrate(2, { assumptions: [], decisions: null }, steps, 3).assumptions).toEqual([["step", 2]]);
  });

  test("migrate refuses a layout it has no step for", () => {
    expect(() => migrate(1, { assumptions: [], decisions: null }, {}, 2)).toThrow(/no migration from layout 1 to 2/);
  });
});
