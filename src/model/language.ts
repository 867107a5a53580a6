/** The languages IPVALUE speaks: the pane, the sheets it writes and the negotiator workbook (engine texts carry both). */
export type Language = "en" | "ja";
