/**
 * The charts' colours, as Fluent tokens (CSS variables of the FluentProvider's theme), so that the
 * charts follow the pane's light or dark theme with the contrast Fluent gives its palette. Used in
 * `style` (not in SVG presentation attributes, which do not take var()).
 */
import { tokens } from "@fluentui/react-components";

export const CHART = {
  text: tokens.colorNeutralForeground1,
  text2: tokens.colorNeutralForeground2,
  text3: tokens.colorNeutralForeground3,
  grid: tokens.colorNeutralStroke2,
  zero: tokens.colorNeutralStroke1,
  axis: tokens.colorNeutralStrokeAccessible,
  bar: tokens.colorPaletteTealBackground2,
  barStroke: tokens.colorPaletteTealBorderActive,
  base: tokens.colorNeutralForeground1,
  offer: tokens.colorPaletteGreenForeground1,
  offerBar: tokens.colorPaletteGreenBackground2,
  floor: tokens.colorPaletteRedForeground1,
  ceiling: tokens.colorNeutralForeground3,
  low: tokens.colorPaletteRedBorderActive,
  high: tokens.colorPaletteBlueBorderActive,
  /** The outline under labels where lines cross them: the pane's background. */
  halo: tokens.colorNeutralBackground1,
};

/**
 * The spider's lines, one per assumption in order of spread: Fluent's accessible palette borders, told
 * apart by dash as well as colour (SPIDER_DASHES) for readers who do not see the difference.
 */
export const SERIES = [
  tokens.colorPaletteBlueBorderActive,
  tokens.colorPaletteRedBorderActive,
  tokens.colorPaletteGreenBorderActive,
  tokens.colorPaletteDarkOrangeBorderActive,
  tokens.colorPaletteBerryBorderActive,
  tokens.colorPaletteTealBorderActive,
  tokens.colorPaletteMarigoldBorderActive,
  tokens.colorPaletteGrapeBorderActive,
] as const;
export const SPIDER_DASHES = ["", "6 3", "2 2", "8 3 2 3"] as const;

/** An outline of the background under text, so that labels stay legible where lines cross them. */
export const HALO = { stroke: CHART.halo, strokeWidth: 3, strokeLinejoin: "round" as const, paintOrder: "stroke" };
