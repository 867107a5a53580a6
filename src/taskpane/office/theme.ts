/**
 * Office's theme (File > Account > Office Theme) as the pane needs it: the body colours, read from
 * Office.context.officeTheme, and their changes where the host raises OfficeThemeChanged on the
 * document (guarded: hosts without it keep the theme the pane opened with).
 */
import type { OfficeColors } from "../ui/theme";

function read(theme: Partial<Office.OfficeTheme> | undefined | null): OfficeColors | null {
  if (!theme || typeof theme.bodyBackgroundColor !== "string") return null;
  return {
    bodyBackgroundColor: theme.bodyBackgroundColor,
    bodyForegroundColor: theme.bodyForegroundColor ?? "",
    isDarkTheme: typeof theme.isDarkTheme === "boolean" ? theme.isDarkTheme : undefined,
  };
}

/** The current Office theme's colours; null outside Office or where the host has no theme. */
export function officeColors(): OfficeColors | null {
  try {
    return read(Office.context?.officeTheme);
  } catch {
    return null;
  }
}

/** Calls back with the new colours when the Office theme changes; the returned function stops it. */
export function watchOfficeTheme(onChange: (colors: OfficeColors) => void): () => void {
  // Typed loosely: OfficeThemeChanged is documented for Outlook's mailbox; hosts that raise it on the document are used.
  type Handlers = {
    addHandlerAsync: (type: string, handler: (event: { officeTheme?: Office.OfficeTheme }) => void, callback: () => void) => void;
    removeHandlerAsync: (type: string, options: { handler: unknown }, callback: () => void) => void;
  };
  const type = (Office as unknown as { EventType?: Record<string, string | undefined> }).EventType?.OfficeThemeChanged;
  const document = (Office.context as unknown as { document?: Handlers } | undefined)?.document;
  if (!type || !document || typeof document.addHandlerAsync !== "function") return () => undefined;
  const handler = (event: { officeTheme?: Office.OfficeTheme }) => {
    const colors = read(event?.officeTheme) ?? officeColors();
    if (colors) onChange(colors);
  };
  try {
    document.addHandlerAsync(type, handler, () => undefined);
  } catch {
    return () => undefined; // the host has the event type but not on the document
  }
  return () => {
    try {
      document.removeHandlerAsync(type, { handler }, () => undefined);
    } catch {
      // nothing to undo
    }
  };
}
