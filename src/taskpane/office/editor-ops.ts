/**
 * The workbook operations only the editor asks for — the Valuation and Simulation sheets, sharing,
 * monitoring, the office's own bands — kept out of the page's first script: workbook.ts loads this
 * chunk on the first such call (the editor makes one as it opens: the bands).
 */
export { freezeSheets, openNewWorkbook, sheetNames } from "./sharing";
export { removeOwnSheet, writeSimulationSheet, writeValuationSheet } from "./sheets";
export { readMonitoringSheet, saveMonitoringSheet } from "./monitoring";
export { REPORTS_TABLE, SETTINGS_TABLE } from "../model/monitoring-sheet";
export { addUserBands, readUserBandKeys, readUserBands } from "./comparables";
