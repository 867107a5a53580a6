/**
 * Loads the Excel stand-in (test/browser/fake-excel.js: the same file the browser test installs in
 * the page) and types its helpers for the tests.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
require("../../browser/fake-excel.js");

type Cell = string | number | boolean;

export interface FakeChart {
  id: string;
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string | null;
  legendVisible: boolean;
  position: { start: string; end: string | null } | null;
  series: { fill: string }[];
}

export interface FakeTable {
  name: string;
  id: string;
  sheet: string;
  address: string;
  values: Cell[][];
  numberFormat: string[][];
}

export interface FakeExcel {
  IMPLEMENTED: string[];
  reset(): void;
  used(): string[];
  resetUsage(): void;
  stats(): { runs: number; syncs: number; undoGroups: number };
  snapshot(): unknown;
  load(snapshot: unknown): void;
  sheetNames(): string[];
  sheet(name: string): { name: string; id: string; visibility: string; active: boolean } | null;
  values(address: string): Cell[][];
  formulas(address: string): Cell[][];
  numberFormat(address: string): string[][];
  usedAddress(sheet: string): string | null;
  tableNames(): string[];
  table(name: string): FakeTable | null;
  charts(sheet: string): FakeChart[];
  handlerCount(table: string): number;
  userEdit(address: string, input: Cell | null | (Cell | null)[][]): void;
  userReplaceTable(name: string, values: (Cell | null)[][]): void;
  userConvertTableToRange(name: string): void;
  userRenameSheet(from: string, to: string): void;
  calculate(address: string, result: Cell | Cell[][]): void;
  createdWorkbooks(): string[];
  setCreateWorkbookSupported(on: boolean): void;
}

export const fake = (globalThis as unknown as { __fakeExcel: FakeExcel }).__fakeExcel;

/** Sheet address of the cell of a scenario and key in the stored assumptions table. */
export function cellOf(scenarioName: string, key: string): string {
  const t = fake.table("IpvalueAssumptions")!;
  const [, ref] = t.address.split("!");
  const m = /^([A-Z]+)(\d+)/.exec(ref)!;
  const col0 = m[1].charCodeAt(0) - 65;
  const row0 = Number(m[2]) - 1;
  const c = t.values[0].indexOf(scenarioName);
  const r = t.values.findIndex((row) => row[0] === key);
  if (c < 0 || r < 0) throw new Error(`no cell for ${scenarioName}/${key}`);
  return `IPVALUE!${String.fromCharCode(65 + col0 + c)}${row0 + r + 1}`;
}
