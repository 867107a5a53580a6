/**
 * How much room a text takes when a spreadsheet prints it: one rule for every sheet IPVALUE writes
 * (the negotiator workbook, the committee report). A spreadsheet keeps a row's stored height, so a
 * wrapped text in a row that is too short prints over the rows below; the builders size rows by this.
 *
 * Widths are in Excel's column unit (one "0" of the default font). Measured on LibreOffice Calc as
 * `npm test` runs it (test/export/text-layout.test.ts prints the figures and fails if the rule falls
 * below them): a "0" is 1.00 unit, capitals 0.96, an English sentence 0.80 a character, bold Latin
 * ×1.10, a Japanese character 1.57 (IPAGothic), all in proportion to the font's size. Excel sets a
 * Japanese character in a full-width East Asian face, one em wide: 11 pt = 14.7 px against a 7 px "0",
 * 2.1 units. The rule takes the wider of the two, so a row fits in both.
 */
import type * as ExcelJS from "exceljs";

/** East Asian wide characters (CJK, kana, hangul, full-width forms, the supplementary ideographs). */
export const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

/** A wide character at 11 pt: a full em against a 7 px "0" (Excel), wider than LibreOffice's 1.57. */
export const WIDE_UNITS = 2.1;
/** A Latin character at 11 pt: a digit's width, the widest Latin characters measured. */
export const LATIN_UNITS = 1;
/** Bold Latin is set wider (measured 1.10×); a CJK face here has no bold of its own. */
export const BOLD_LATIN = 1.1;
/** Line pitch, × the font's size: Excel's Calibri 11 row is 15 pt (1.36); its Japanese faces run taller. LibreOffice: 1.165. */
export const LINE_PITCH = { latin: 1.4, wide: 1.55 } as const;
/** Excel's tallest row, in points. */
export const MAX_ROW_HEIGHT = 409;

type Font = Partial<Pick<ExcelJS.Font, "size" | "bold">>;

/** The width of a text set in `font` (11 pt regular when absent), in column units. */
export function textUnits(text: string, font: Font = {}): number {
  const scale = (font.size ?? 11) / 11;
  let units = 0;
  for (const ch of text) units += WIDE.test(ch) ? WIDE_UNITS : font.bold ? LATIN_UNITS * BOLD_LATIN : LATIN_UNITS;
  return units * scale;
}

/** Break points: a wide character alone, else a word with its trailing spaces. */
const TOKENS = new RegExp(`${WIDE.source}|[^\\s${WIDE.source.slice(1, -1)}]+\\s*|\\s+`, "gu");

/**
 * The lines a text takes in a cell `width` column units wide, wrapped as a spreadsheet wraps: at
 * spaces, or between two wide characters; a line break starts a line; a word longer than the line
 * breaks across lines.
 */
export function wrappedLines(text: string, width: number, font: Font = {}): number {
  // A cell's padding takes about a character's width.
  const room = Math.max(1, width - 1);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines++;
    let used = 0;
    for (const token of paragraph.match(TOKENS) ?? []) {
      const word = textUnits(token.trimEnd(), font);
      if (used > 0 && used + word > room) {
        lines++;
        used = 0;
      }
      if (word > room) {
        lines += Math.floor(word / room);
        used = word % room;
      } else used += textUnits(token, font);
    }
  }
  return lines;
}

/** The height (points) of `lines` lines at `size` points; `wide` when they hold East Asian text. */
export function linesHeight(lines: number, size = 11, wide = false): number {
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(lines * size * (wide ? LINE_PITCH.wide : LINE_PITCH.latin) + 4));
}

/** The height (points) a row needs for `text` wrapped in `width` column units. */
export function textHeight(text: string, width: number, font: Font = {}): number {
  return linesHeight(wrappedLines(text, width, font), font.size ?? 11, WIDE.test(text));
}
