/**
 * The shared-runtime page. It hosts the custom functions (the functions bundle is loaded beside this
 * one) and the task pane: the scenario editor, in Japanese or English. Outside Office (a browser, the
 * tests) Office.onReady still resolves, with no host, and the pane says so.
 */
import { createRoot } from "react-dom/client";
import { App } from "./ui/App";
import { languageFor } from "./ui/strings";
import { officeWorkbook } from "./workbook";

Office.onReady((info) => {
  const inOffice = info.host !== null && info.host !== undefined;
  let display: string | undefined;
  try {
    display = inOffice ? Office.context.displayLanguage : undefined;
  } catch {
    display = undefined;
  }
  const language = languageFor(display ?? navigator.language);
  const root = document.getElementById("root")!;
  createRoot(root).render(<App port={officeWorkbook()} initialLanguage={language} inOffice={inOffice} />);
});
