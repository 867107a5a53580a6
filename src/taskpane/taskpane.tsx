/**
 * The shared-runtime page. It hosts the custom functions (the functions bundle is loaded beside this
 * one) and the task pane: the scenario editor, in Japanese or English. Outside Office (a browser, the
 * tests) Office.onReady still resolves, with no host, and the pane says so.
 */
import { createRoot } from "react-dom/client";
// The small entry: the start view (Shell); the editor is its own chunk, fetched once that view is up.
import { Shell } from "./ui/Shell";
import { readFirst } from "./ui/first-load";
import { languageFor } from "./ui/strings";
import { officeWorkbook } from "./office/workbook";
import { officeColors, watchOfficeTheme } from "./office/theme";

Office.onReady((info) => {
  const inOffice = info.host !== null && info.host !== undefined;
  let display: string | undefined;
  try {
    display = inOffice ? Office.context.displayLanguage : undefined;
  } catch {
    display = undefined;
  }
  const language = languageFor(display ?? navigator.language);
  const root = createRoot(document.getElementById("root")!);
  // The workbook glue resizes tables (ExcelApi 1.13) and listens to their changes (1.7). Older Excel
  // still runs the functions; the pane says why it cannot store scenarios instead of failing later.
  if (inOffice && !Office.context.requirements.isSetSupported("ExcelApi", "1.13")) {
    root.render(
      <p style={{ padding: 16 }}>
        {language === "ja"
          ? "このバージョンの Excel ではシナリオ編集を使えません（ExcelApi 1.13 が必要です）。=IPVALUE. の関数は使えます。"
          : "This version of Excel cannot run the scenario editor (it needs ExcelApi 1.13). The =IPVALUE. functions work."}
      </p>
    );
    return;
  }
  const port = officeWorkbook();
  // The one first read of the workbook starts now, beside React's first render: when it is done before
  // that render, the pane opens on its view (start or editor) with no spinner in between.
  const reading = readFirst(port);
  const props = { port, initialLanguage: language, inOffice, theme: { current: officeColors, watch: watchOfficeTheme } };
  root.render(<Shell {...props} read={null} />);
  void reading.then((read) => root.render(<Shell {...props} read={read} />));
});
