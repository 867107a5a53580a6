/**
 * Native charts for the workbooks IPVALUE writes (the negotiator file, the committee report). exceljs
 * writes no charts, so `src/export/charts.ts` adds the DrawingML parts (xl/charts/chartN.xml, the
 * drawing, their relationships and content types) to the .xlsx bytes exceljs wrote. A chart's series
 * are formulas over cells of the workbook (so Excel and LibreOffice redraw it when a counterparty edits
 * a number) with the values cached beside them (so a viewer that does not recalculate still draws it).
 * A chart holds nothing that is not in its cells: the no-internal checks read the chart parts too.
 */

/** A block of cells a series reads, and the values cached for it. */
export interface SeriesRange {
  /** Sheet name as in the workbook (quoted as needed by the writer). */
  sheet: string;
  /** A1 range on that sheet, e.g. "B5:B9" (one row or one column). */
  range: string;
  /** The cells' values, in order (numbers for values, strings for categories). */
  cache: readonly (number | string)[];
}

/** Where the chart stands: zero-based column and row of its top-left and bottom-right corners. */
export interface ChartAnchor {
  sheet: string;
  from: { col: number; row: number };
  to: { col: number; row: number };
}

interface ChartBase {
  anchor: ChartAnchor;
  title: string;
  /** The value axis's title (e.g. "Value (JPY)"). */
  valueTitle?: string;
  /** Number format of the value axis and labels, e.g. "#,##0". */
  numFmt?: string;
}

/**
 * The football field as spreadsheets draw it: a horizontal stacked bar per category (a method, the
 * offer's bar, the committee's range floor–ceiling) whose first, invisible segment runs to `low` and
 * whose visible segment is `span` (= high − low, clipped at the axis's end). The axis is fixed to
 * [min, max] (src/model/football.ts fieldScale) so that the committee's zone stays legible.
 */
export interface FootballChartSpec extends ChartBase {
  kind: "football";
  categories: SeriesRange;
  low: SeriesRange;
  span: SeriesRange;
  axis: { min: number; max: number; step: number };
  /** The series' names (not shown: the chart has no legend); default "low" and "range". */
  lowName?: string;
  spanName?: string;
  /** The bars' colour (RRGGBB), and per category one that overrides it (the offer's bar). */
  color?: string;
  pointColors?: readonly (string | undefined)[];
}

/** Vertical columns (a histogram of simulated values, percentiles). */
export interface ColumnChartSpec extends ChartBase {
  kind: "column";
  categories: SeriesRange;
  values: SeriesRange;
  /** The series' name (default: the title) and colour (RRGGBB). */
  seriesName?: string;
  color?: string;
}

/**
 * The tornado: per assumption (categories, largest swing first) two horizontal bars from the base
 * value, one to the output at the assumption's low end and one at its high end (`low`/`high` as
 * differences from the base, so they straddle zero).
 */
export interface TornadoChartSpec extends ChartBase {
  kind: "tornado";
  categories: SeriesRange;
  low: SeriesRange;
  high: SeriesRange;
  lowName: string;
  highName: string;
  /** The bars' colours (RRGGBB). */
  lowColor?: string;
  highColor?: string;
}

export type ChartSpec = FootballChartSpec | ColumnChartSpec | TornadoChartSpec;
