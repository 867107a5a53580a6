/**
 * "Committee report" (評価レポート): writes the report for the licensing committee (src/export/report.ts,
 * loaded on demand so exceljs stays out of the pane's main bundle) from the scenario set in the pane's
 * language, and opens it as a new workbook through the port, or offers it as a download (a Blob URL in
 * the page: nothing leaves the machine) where Excel cannot open it. The committee chooses whether
 * internal scenarios count in its range (they do by default, and the report says so).
 */
import { Button, Checkbox, makeStyles, Spinner } from "@fluentui/react-components";
import { DocumentTextRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { IPVALUE_VERSION } from "../../export/version";
import { isoDate } from "../../model/a1";
import type { ScenarioSet } from "../../model/scenario-set";
import type { WorkbookPort } from "./port";
import { Outcome, useDownloadLifetime, WorkbookOutcome } from "./WorkbookOutcome";
import { Language, REPORT_TEXT } from "./strings";

const useStyles = makeStyles({
  row: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: "4px", marginTop: "8px" },
});

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function ReportButton({
  language,
  set,
  port,
  disabled,
}: {
  language: Language;
  set: ScenarioSet;
  port: Pick<WorkbookPort, "openWorkbook" | "userBands">;
  disabled?: boolean;
}) {
  const s = useStyles();
  const x = REPORT_TEXT[language];
  const [includeInternal, setIncludeInternal] = useState(true);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useDownloadLifetime(outcome);

  const build = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const [{ committeeReport, ReportError }, { toBase64 }] = await Promise.all([
        import(/* webpackChunkName: "negotiator" */ "../../export/report"),
        import(/* webpackChunkName: "negotiator" */ "../../export/negotiator"),
      ]);
      const date = isoDate(new Date());
      try {
        // The office's own bands go into the committee's report (internal, as the report is); none if unreadable.
        const own = await port.userBands().catch(() => null);
        const userBands = own && !own.problem ? own : undefined;
        const bytes = await committeeReport(set, { language, date, version: IPVALUE_VERSION, includeInternal, userBands });
        const opened = await port.openWorkbook(toBase64(bytes));
        if (opened === "opened") setOutcome({ kind: "opened" });
        else setOutcome({ kind: "download", url: URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE })), name: x.fileName(date) });
      } catch (e) {
        if (e instanceof ReportError) setOutcome({ kind: "error", message: e.reason[language] });
        else throw e;
      }
    } catch (e) {
      setOutcome({ kind: "error", message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={s.row}>
      <Button icon={<DocumentTextRegular />} disabled={disabled || busy} onClick={() => void build()} data-testid="report-open">
        {busy ? x.building : x.open}
      </Button>
      <Checkbox
        label={x.includeInternal}
        checked={includeInternal}
        disabled={busy}
        onChange={(_, d) => {
          setOutcome(null);
          setIncludeInternal(d.checked === true);
        }}
        data-testid="report-include-internal"
      />
      {busy && <Spinner size="tiny" label={x.building} />}
      <WorkbookOutcome outcome={outcome} x={x} prefix="report" />
    </div>
  );
}
