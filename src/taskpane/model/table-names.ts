/**
 * The names of the IPVALUE sheet and its tables, apart from their layout (storage-sheet.ts) so the
 * pane's start path can ask whether a workbook holds them without loading the layout and the engine.
 */
export const SHEET_NAME = "IPVALUE";
export const ASSUMPTIONS_TABLE = "IpvalueAssumptions";
export const DECISIONS_TABLE = "IpvalueDecisions";
export const OFFER_TABLE = "IpvalueOffer";
export const CORRELATIONS_TABLE = "IpvalueCorrelations";
