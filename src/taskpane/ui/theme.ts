/**
 * The pane's Fluent theme from Office's: dark when Office says so (isDarkTheme) or, where it does not,
 * when the body background is dark; light otherwise (and outside Office).
 */
import { Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";

/** What the pane reads of Office.context.officeTheme. */
export interface OfficeColors {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  isDarkTheme?: boolean;
}

/** Where the pane gets Office's theme from (the Office glue); absent outside Office. */
export interface ThemeSource {
  current(): OfficeColors | null;
  watch(onChange: (colors: OfficeColors) => void): () => void;
}

/** Relative luminance (WCAG) of a #rgb or #rrggbb colour; null when it is not one. */
export function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function isDark(colors: OfficeColors | null): boolean {
  if (!colors) return false;
  if (typeof colors.isDarkTheme === "boolean") return colors.isDarkTheme;
  const l = luminance(colors.bodyBackgroundColor);
  return l !== null && l < 0.2;
}

export function fluentTheme(colors: OfficeColors | null): Theme {
  return isDark(colors) ? webDarkTheme : webLightTheme;
}
