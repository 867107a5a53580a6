/**
 * The number formats, fonts and fills every sheet IPVALUE writes shares (the negotiator workbook, the
 * committee report), so an amount or a rate looks the same in both documents.
 */
import type * as ExcelJS from "exceljs";

/** Amounts: whole units with thousands separators. */
export const AMOUNT = "#,##0";
/** Royalty rates and other results that are rates: two decimals of a percent (3.25%). */
export const RATE = "0.00%";
/** A probability (P(below floor)): one decimal of a percent. */
export const PROBABILITY = "0.0%";
/** A rate or share as typed: up to three decimals, none shown when there are none (3%, 2.5%, 0.125%). */
export const INPUT_PERCENT = "0.0##%";

/** Every font names its face: without one, a spreadsheet may fall back to a serif face. */
export const BASE_FONT: Partial<ExcelJS.Font> = { name: "Calibri", family: 2, size: 11 };
export const BOLD: Partial<ExcelJS.Font> = { ...BASE_FONT, bold: true };
export const TITLE_FONT: Partial<ExcelJS.Font> = { ...BASE_FONT, bold: true, size: 14 };
/** A value IPVALUE filled in (a default), not the user's. */
export const DEFAULT_FONT: Partial<ExcelJS.Font> = { ...BASE_FONT, italic: true, color: { argb: "FF7F7F7F" } };
export const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7EEF4" } };
