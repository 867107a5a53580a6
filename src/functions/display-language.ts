/**
 * The language of the functions' messages, apart from excel.ts so the functions' small entry
 * (register.ts) can answer in it without loading the engine.
 */
export type DisplayLanguage = "en" | "ja";

/**
 * Office's display language (the shared runtime has Office.context): Japanese for ja and ja-JP,
 * English otherwise and wherever Office is absent (Node, a runtime not yet initialised). Read at each
 * error, so a change of display language applies at once.
 */
export function messageLanguage(): DisplayLanguage {
  try {
    const language = typeof Office === "undefined" ? undefined : Office.context?.displayLanguage;
    return typeof language === "string" && /^ja(-|$)/i.test(language) ? "ja" : "en";
  } catch {
    return "en";
  }
}
