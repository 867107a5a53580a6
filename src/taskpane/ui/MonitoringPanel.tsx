/**
 * License monitoring (ライセンス後の管理, issue 15): the licensee's yearly or quarterly reports typed in, audited
 * against the signed terms (the engine's AUDIT: shortfall, interest, the claim with or without the
 * audit's cost), compared with the Base scenario's plan (TRACK's flags), and the reporting calendar.
 * The panel keeps its own state and saves through the port (the "IPVALUE monitoring" sheet) a moment
 * after each edit; each edit is one step of the pane's undo history (the App lays a step back through
 * `applyRef`, onto the monitoring as it is now). Pure figures: ../model/monitoring.ts.
 */
import { Button, Caption1, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular, ArrowClockwiseRegular } from "@fluentui/react-icons";
import { MutableRefObject, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ValuationError, type Text } from "../../engine";
import type { Language } from "../../model/language";
import type { ScenarioSet } from "../../model/scenario-set";
import {
  addReport,
  emptyMonitoring,
  formatDate,
  hasMonitoring,
  mergeMonitoring,
  Monitoring,
  MonitoringKept,
  monitoringFigures,
  periodKey,
  periodName,
  removeReport,
  ReportField,
  reportingCalendar,
  sameMonitoring,
  setReport,
  setReportPeriod,
  setSetting,
  SettingKey,
  signedTermRows,
  sortedReports,
} from "../model/monitoring";
import { SETTING_ITEMS } from "../model/monitoring-sheet";
import { formatAmount, formatPercent } from "./format";
import { MONITORING_TEXT } from "./monitoring-text";
import type { WorkbookPort } from "./port";
import { RemoveButton } from "./RemoveButton";

const SAVE_DELAY_MS = 300;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px" },
  heading: { margin: "2px 0 0", fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: "6px 0 0", fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  hint: { display: "block", color: tokens.colorNeutralForeground3 },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, padding: "2px 4px" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", padding: "2px 4px" },
  row: { borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  input: { width: "100%", minWidth: "60px" },
  settings: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(150px, 1fr))", gap: "6px" },
  flag: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  claim: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface MonitoringPanelProps {
  language: Language;
  set: ScenarioSet;
  port: WorkbookPort;
  disabled?: boolean;
  /** Records an edit in the pane's history. */
  onStep: (before: Monitoring, after: Monitoring) => void;
  /** Set by the panel: lays a history step (from → to) onto the monitoring as it is now. */
  applyRef: MutableRefObject<((from: unknown, to: unknown) => void) | null>;
}

/** An input that commits on Enter or leaving it; a refusal is shown under it and the last good value stays. */
function CommitInput(props: {
  value: string;
  label: string;
  testid: string;
  onCommit: (input: string) => Text | null;
  language: Language;
  disabled?: boolean;
}) {
  const s = useStyles();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<Text | null>(null);
  const commit = () => {
    if (draft === null) return;
    const e = props.onCommit(draft);
    setError(e);
    if (!e) setDraft(null);
  };
  return (
    <Field size="small" validationState={error ? "error" : "none"} validationMessage={error?.[props.language]}>
      <Input
        className={s.input}
        size="small"
        aria-label={props.label}
        value={draft ?? props.value}
        disabled={props.disabled}
        onChange={(_, d) => setDraft(d.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === "Enter" && commit()}
        data-testid={props.testid}
      />
    </Field>
  );
}

const settingShown = (k: SettingKey, m: Monitoring): string => {
  const v = m.settings[k];
  if (k === "threshold" || k === "interestRate") return String(Number(((v as number) * 100).toPrecision(12)));
  return String(v);
};

export function MonitoringPanel({ language, set, port, disabled, onStep, applyRef }: MonitoringPanelProps) {
  const s = useStyles();
  const w = MONITORING_TEXT[language];
  const [monitoring, setMonitoring] = useState<Monitoring>(emptyMonitoring);
  const [problem, setProblem] = useState<Text | null>(null);
  const [saveError, setSaveError] = useState<Text | null>(null);
  const [kept, setKept] = useState<MonitoringKept[]>([]);
  const current = useRef<Monitoring>(monitoring);
  current.current = monitoring;
  // What the sheet held when the panel last read or wrote it: a save writes only the changes from it.
  const base = useRef<Monitoring | null>(null);
  const saver = useRef<{ timer?: ReturnType<typeof setTimeout>; busy?: boolean; again?: boolean }>({});
  const signed = useMemo(() => {
    try {
      return signedTermRows(set, language);
    } catch {
      return null;
    }
  }, [set, language]);
  const signedRef = useRef(signed);
  signedRef.current = signed;

  const reasonOf = (e: unknown): Text => {
    if (e instanceof ValuationError) return e.text;
    const r = (e as { reason?: Text } | null)?.reason;
    if (r && typeof r.en === "string") return r;
    const m = e instanceof Error ? e.message : String(e);
    return { en: m, ja: m };
  };

  const read = useCallback(async () => {
    try {
      const loaded = await port.loadMonitoring();
      const b = base.current;
      // Edits not saved yet are laid onto what the sheet now holds.
      const shown = b ? mergeMonitoring(b, current.current, loaded).monitoring : loaded;
      base.current = loaded;
      setMonitoring(shown);
      setProblem(null);
    } catch (e) {
      setProblem(reasonOf(e));
    }
  }, [port]);

  useEffect(() => {
    void read();
  }, [read]);

  // Edits typed in the monitoring sheet (or by a coauthor) while the pane is open: laid under the pane's
  // unsaved edits as a save would (mergeMonitoring: a cell both changed keeps the workbook's value, and
  // says so); a sheet that cannot be read makes the section read-only until it can be again.
  useEffect(() => {
    let stop: (() => Promise<void>) | undefined;
    let cancelled = false;
    const onChange = (result: Monitoring | Error) => {
      if (!("reports" in result)) {
        setProblem(reasonOf(result));
        return;
      }
      const b = base.current;
      const merge = b ? mergeMonitoring(b, current.current, result) : { monitoring: result, kept: [] };
      base.current = result;
      if (merge.kept.length > 0) setKept((k) => [...k, ...merge.kept].slice(-10));
      current.current = merge.monitoring;
      setMonitoring(merge.monitoring);
      setProblem(null);
    };
    port
      .watchMonitoring(onChange)
      .then((unsubscribe) => {
        if (cancelled) void unsubscribe();
        else stop = unsubscribe;
      })
      .catch(() => undefined); // no watching: the section still re-reads at each save and on "Read the sheet again"
    return () => {
      cancelled = true;
      if (stop) void stop();
    };
  }, [port]);

  const save = useCallback(async (): Promise<void> => {
    const sv = saver.current;
    if (sv.busy) {
      sv.again = true;
      return;
    }
    const intended = current.current;
    const from = base.current;
    if (!from || problem || !signedRef.current || (!hasMonitoring(intended) && !hasMonitoring(from))) return;
    sv.busy = true;
    try {
      const saved = await port.saveMonitoring(from, intended, signedRef.current.rows, language);
      base.current = saved.monitoring;
      if (saved.kept.length > 0) setKept((k) => [...k, ...saved.kept].slice(-10));
      const now = current.current;
      const shown = now === intended ? saved.monitoring : mergeMonitoring(intended, now, saved.monitoring).monitoring;
      if (!sameMonitoring(shown, now)) setMonitoring(shown);
      setSaveError(null);
    } catch (e) {
      setSaveError(reasonOf(e));
    } finally {
      sv.busy = false;
      if (sv.again) {
        sv.again = false;
        void save();
      }
    }
  }, [port, language, problem]);

  const schedule = useCallback(() => {
    const sv = saver.current;
    if (sv.timer !== undefined) clearTimeout(sv.timer);
    sv.timer = setTimeout(() => {
      sv.timer = undefined;
      void save();
    }, SAVE_DELAY_MS);
  }, [save]);

  // The signed terms follow the scenarios and the offer: rewritten on the sheet when they change.
  const signedKey = JSON.stringify(signed?.rows ?? null);
  useEffect(() => {
    if (base.current && hasMonitoring(base.current)) schedule();
  }, [signedKey, schedule]);

  applyRef.current = (from, to) => {
    const next = mergeMonitoring(from as Monitoring, to as Monitoring, current.current).monitoring;
    current.current = next;
    setMonitoring(next);
    schedule();
  };

  const edit = (change: (m: Monitoring) => Monitoring): Text | null => {
    if (problem) return problem;
    try {
      const before = current.current;
      const next = change(before);
      if (sameMonitoring(next, before)) return null;
      onStep(before, next);
      current.current = next;
      setMonitoring(next);
      schedule();
      return null;
    } catch (e) {
      return reasonOf(e);
    }
  };

  const figures = useMemo(() => monitoringFigures(set, monitoring, language), [set, monitoring, language]);
  const calendar = useMemo(() => reportingCalendar(monitoring, formatDate(new Date())), [monitoring]);
  const reports = sortedReports(monitoring);
  const money = (v: number) => formatAmount(v, language);
  const pct = (v: number) => formatPercent(v, language);
  const a = figures.audit;

  return (
    <section className={s.root} aria-labelledby="monitoring-heading" data-testid="monitoring">
      <h2 className={s.heading} id="monitoring-heading">
        {w.heading}
      </h2>
      <Caption1 className={s.hint}>{w.intro}</Caption1>
      {problem && (
        <div role="alert" className={s.error} data-testid="monitoring-unreadable">
          {w.cannotRead(problem[language])}{" "}
          <Button size="small" icon={<ArrowClockwiseRegular />} onClick={() => void read()}>
            {w.reload}
          </Button>
        </div>
      )}
      {saveError && (
        <Caption1 role="alert" className={s.error} data-testid="monitoring-not-saved">
          {w.notSaved(saveError[language])}
        </Caption1>
      )}
      {kept.length > 0 && (
        <Caption1 data-testid="monitoring-kept">
          {w.kept} {kept.map((k) => k.text[language]).join(" ")}
        </Caption1>
      )}
      {figures.scenario && (
        <Caption1 className={s.hint} data-testid="monitoring-signed">
          {w.signedFrom(
            figures.scenario,
            set.decisions.terms.some((t) => t.value !== undefined)
          )}
        </Caption1>
      )}

      <h3 className={s.subheading}>{w.reports}</h3>
      {reports.length === 0 ? (
        <Caption1 className={s.hint}>{w.noReports}</Caption1>
      ) : (
        <table className={s.table} data-testid="monitoring-reports">
          <thead>
            <tr>
              <th className={s.th} style={{ width: "22%" }}>
                {w.period}
              </th>
              <th className={s.th}>{w.fields.sales}</th>
              <th className={s.th}>{w.fields.royaltyPaid}</th>
              <th className={s.th} style={{ width: "32px" }} />
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={periodKey(r)} className={s.row} data-year={r.year} data-period={periodKey(r)} data-testid="monitoring-report">
                <td>
                  <CommitInput
                    language={language}
                    disabled={disabled}
                    value={periodKey(r)}
                    label={w.period}
                    testid={`report-year-${periodKey(r)}`}
                    onCommit={(input) => edit((m) => setReportPeriod(m, r, input))}
                  />
                </td>
                {(["sales", "royaltyPaid"] as ReportField[]).map((f) => (
                  <td key={f}>
                    <CommitInput
                      language={language}
                      disabled={disabled}
                      value={r[f] === null ? "" : String(r[f])}
                      label={`${w.fields[f]} (${periodName(r)[language]})`}
                      testid={`report-${f}-${periodKey(r)}`}
                      onCommit={(input) => edit((m) => setReport(m, r, f, input))}
                    />
                  </td>
                ))}
                <td>
                  <RemoveButton
                    label={w.removeReport(periodName(r)[language])}
                    onClick={() => void edit((m) => removeReport(m, r))}
                    testid={`report-remove-${periodKey(r)}`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div>
        <Button size="small" icon={<AddRegular />} disabled={disabled || problem !== null} onClick={() => void edit(addReport)} data-testid="report-add">
          {w.addReport}
        </Button>
      </div>
      <Caption1 className={s.hint}>{w.periodHint}</Caption1>

      <h3 className={s.subheading}>{w.settings}</h3>
      <div className={s.settings}>
        {SETTING_ITEMS.map(([k]) => (
          <Field key={k} size="small" label={w.setting[k]}>
            <CommitInput
              language={language}
              disabled={disabled}
              value={settingShown(k, monitoring)}
              label={w.setting[k]}
              testid={`monitoring-setting-${k}`}
              onCommit={(input) => edit((m) => setSetting(m, k, input))}
            />
          </Field>
        ))}
      </div>

      <h3 className={s.subheading}>{w.audit}</h3>
      {figures.inProgress && (
        <Caption1 className={s.flag} data-testid="monitoring-in-progress" data-year={figures.inProgress.year}>
          {w.inProgress(figures.inProgress.year, figures.inProgress.missing.map((q) => `Q${q}`).join(", "))}
        </Caption1>
      )}
      {figures.auditProblem && reports.length > 0 && (
        <Caption1 className={s.error} data-testid="monitoring-audit-problem">
          {w.cannotAudit(figures.auditProblem[language])}
        </Caption1>
      )}
      {a && (
        <>
          <table className={s.table} data-testid="monitoring-audit">
            <thead>
              <tr>
                {[w.year, w.due, w.reported, w.shortfall, w.share, w.interest].map((h) => (
                  <th key={h} className={s.th}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...a.years.map((y) => ({ ...y, label: String(y.year) })), { ...a.total, year: 0, label: w.total }].map((y) => (
                <tr key={y.label} className={s.row} data-year={y.year || "total"}>
                  <td>{y.label}</td>
                  <td className={s.num} data-column="due" data-value={y.due}>
                    {money(y.due)}
                  </td>
                  <td className={s.num} data-column="reported" data-value={y.reported}>
                    {money(y.reported)}
                  </td>
                  <td className={`${s.num} ${y.shortfall > 0 ? s.flag : ""}`} data-column="shortfall" data-value={y.shortfall}>
                    {money(y.shortfall)}
                  </td>
                  <td className={s.num} data-column="share" data-value={y.share}>
                    {pct(y.share)}
                  </td>
                  <td className={s.num} data-column="interest" data-value={y.interest}>
                    {money(y.interest)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div>
            <span>{w.claim}: </span>
            <span className={s.claim} data-testid="monitoring-claim" data-value={a.total.claim}>
              {money(a.total.claim)}
            </span>
          </div>
          {a.total.shortfall > 0 && (
            <Caption1 data-testid="monitoring-claim-note" data-audit-cost={a.auditCostDue}>
              {(a.auditCostDue ? w.claimWithCost : w.claimWithoutCost)(pct(a.total.share), pct(monitoring.settings.threshold))}
            </Caption1>
          )}
        </>
      )}

      <h3 className={s.subheading}>{w.track}</h3>
      {figures.trackProblem && reports.length > 0 && <Caption1 className={s.hint}>{w.cannotTrack(figures.trackProblem[language])}</Caption1>}
      {figures.track && (
        <table className={s.table} data-testid="monitoring-track">
          <thead>
            <tr>
              {[w.year, w.plan, w.fields.sales, w.ratio, w.flag].map((h) => (
                <th key={h} className={s.th}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {figures.track.map((y) => {
              const reasons = [y.belowTrigger ? w.belowTrigger : "", y.minimumNotReached ? w.minimumNotReached : ""].filter((x) => x !== "");
              return (
                <tr key={y.year} className={s.row} data-year={y.year} data-flag={reasons.length > 0}>
                  <td>{y.year}</td>
                  <td className={s.num}>{money(y.planSales)}</td>
                  <td className={s.num}>{money(y.actualSales)}</td>
                  <td className={s.num}>{y.ratio === null ? "" : pct(y.ratio)}</td>
                  <td className={reasons.length > 0 ? s.flag : ""}>{reasons.length > 0 ? reasons.join("; ") : w.ok}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <h3 className={s.subheading}>{w.calendar}</h3>
      {!calendar ? (
        <Caption1 className={s.hint}>{w.noStart}</Caption1>
      ) : (
        <>
          <table className={s.table} data-testid="monitoring-calendar">
            <thead>
              <tr>
                {[w.period, w.periodEnd, w.reportDue, ""].map((h, i) => (
                  <th key={i} className={s.th}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {calendar.reports.map((e) => (
                <tr key={periodKey(e)} className={s.row} data-year={e.year} data-period={periodKey(e)} data-due={e.due}>
                  <td>{periodName(e)[language]}</td>
                  <td>{e.end}</td>
                  <td>{e.due}</td>
                  <td className={e.overdue ? s.flag : ""}>{e.received ? w.received : e.overdue ? w.overdue : w.pending}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {calendar.nextReport && (
            <Caption1 data-testid="monitoring-next-report">{w.nextReport(periodName(calendar.nextReport)[language], calendar.nextReport.due)}</Caption1>
          )}
          <Caption1 data-testid="monitoring-next-audit">{w.nextAudit(calendar.nextAudit)}</Caption1>
        </>
      )}
      <Caption1 className={s.hint}>{w.sheetHint}</Caption1>
    </section>
  );
}
