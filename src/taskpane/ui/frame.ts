/** The pane's frame, the same in the shell (Shell.tsx) and the editor (App.tsx): page, banners, the centred spinner, the status line. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useFrameStyles = makeStyles({
  app: {
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground1,
    fontFamily: `"Segoe UI", "Yu Gothic UI", "Meiryo", "IPAPGothic", system-ui, sans-serif`,
  },
  center: { padding: "32px", display: "flex", justifyContent: "center" },
  status: { margin: 0, padding: "6px 12px 12px", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  banners: { display: "flex", flexDirection: "column", gap: "6px", padding: "8px 12px 0" },
});
