/**
 * What the pane needs from the workbook: the WorkbookPort of the Office.js glue (../workbook.ts),
 * imported as a type only. The UI receives one as a prop and holds no Excel calls itself.
 */
export type { WorkbookPort } from "../workbook";
