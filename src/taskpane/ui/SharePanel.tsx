/**
 * "Prepare negotiator workbook": a dialog where the licensing manager chooses which scenarios, results
 * and decisions the other side sees. Internal items start unticked, and ticking one asks for an
 * explicit confirmation every time. The workbook is built by src/export (loaded on demand: exceljs
 * stays out of the pane's main bundle), opened in Excel through the port, or offered as a download
 * (a Blob URL in the page: nothing leaves the machine) where Excel cannot open it.
 */
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { DocumentArrowRightRegular } from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import { OUTPUTS, Output } from "../../engine";
import { decisionHasValue, defaultShareChoice, ShareChoice, ShareDecision, SHARE_DECISIONS, ShareError } from "../../export/share";
import { IPVALUE_VERSION } from "../../export/version";
import { isoDate } from "../../model/a1";
import type { ScenarioSet } from "../../model/scenario-set";
import { useReturnFocus } from "./focus";
import { InternalBadge } from "./InternalBadge";
import { ReportButton } from "./ReportButton";
import type { WorkbookPort } from "./port";
import { Outcome, useDownloadLifetime, WorkbookOutcome } from "./WorkbookOutcome";
import { Language, listOf, SHARE_TEXT, UiText } from "./strings";

const useStyles = makeStyles({
  surface: { maxWidth: "min(560px, calc(100vw - 24px))" },
  group: { display: "flex", flexDirection: "column", gap: "2px", marginBottom: "10px" },
  groupTitle: { margin: "6px 0 2px", fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  item: { display: "flex", alignItems: "center", gap: "6px", flexWrap: "wrap" },
  hint: { margin: "0 0 6px", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  summary: { margin: "8px 0", fontSize: tokens.fontSizeBase200 },
  row: { display: "flex", gap: "12px", flexWrap: "wrap", alignItems: "flex-end" },
});

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type Pending = { kind: "scenario"; name: string } | { kind: "decision"; key: ShareDecision } | { kind: "bands" };

export function SharePanel({ t, language, set, port, disabled }: { t: UiText; language: Language; set: ScenarioSet; port: WorkbookPort; disabled?: boolean }) {
  const s = useStyles();
  const x = SHARE_TEXT[language];
  const [open, setOpen] = useState(false);
  const opener = useReturnFocus<HTMLButtonElement>(open);
  const [choice, setChoice] = useState<ShareChoice>(() => defaultShareChoice(set));
  const [pending, setPending] = useState<Pending | null>(null);
  const [workbookLanguage, setWorkbookLanguage] = useState<Language>(language);
  const [currency, setCurrency] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useDownloadLifetime(outcome);

  const start = () => {
    setChoice(defaultShareChoice(set)); // every time: nothing internal carried over from last time
    setPending(null);
    setOutcome(null);
    setWorkbookLanguage(language);
    setOpen(true);
  };

  const scenarioInternal = (name: string) => set.scenarios.find((sc) => sc.name === name)?.internal ?? false;
  const isChosen = (p: Pending) =>
    p.kind === "scenario" ? choice.scenarios.includes(p.name) : p.kind === "decision" ? choice.decisions.includes(p.key) : choice.bands;
  const isInternal = (p: Pending) =>
    p.kind === "scenario" ? scenarioInternal(p.name) : p.kind === "decision" ? set.decisions[p.key].internal : set.decisions.bands.internal;
  const labelOf = (p: Pending) => (p.kind === "scenario" ? p.name : p.kind === "decision" ? x.decisionLabel[p.key] : x.bands);

  /** Adds or removes an item; `confirmed` records that the user confirmed an internal one. */
  const setItem = (p: Pending, on: boolean, confirmed: boolean) =>
    setChoice((c) => {
      const next: ShareChoice = { ...c, confirmedInternal: { scenarios: [...c.confirmedInternal.scenarios], decisions: [...c.confirmedInternal.decisions] } };
      if (p.kind === "scenario") {
        next.scenarios = on
          ? set.scenarios.map((sc) => sc.name).filter((n) => n === p.name || c.scenarios.includes(n))
          : c.scenarios.filter((n) => n !== p.name);
        next.confirmedInternal.scenarios = next.confirmedInternal.scenarios.filter((n) => n !== p.name);
        if (on && confirmed) next.confirmedInternal.scenarios.push(p.name);
      } else {
        const key = p.kind === "decision" ? p.key : "bands";
        if (p.kind === "decision")
          next.decisions = on ? SHARE_DECISIONS.filter((k) => k === p.key || c.decisions.includes(k)) : c.decisions.filter((k) => k !== p.key);
        else next.bands = on;
        next.confirmedInternal.decisions = next.confirmedInternal.decisions.filter((k) => k !== key);
        if (on && confirmed) next.confirmedInternal.decisions.push(key);
      }
      return next;
    });

  /** Ticking an internal item asks first, every time; unticking forgets the confirmation. */
  const toggle = (p: Pending, on: boolean) => {
    setOutcome(null);
    if (on && isInternal(p)) setPending(p);
    else setItem(p, on, false);
  };

  const setOutput = (o: Output, on: boolean) => {
    setOutcome(null);
    setChoice((c) => ({ ...c, outputs: OUTPUTS.map((x) => x.key).filter((k) => (k === o ? on : c.outputs.includes(k))) }));
  };

  const decisionsShown = SHARE_DECISIONS.filter((k) => decisionHasValue(set, k));

  const summary = useMemo(() => {
    const included = [x.scenarioCount(choice.scenarios.length), x.resultCount(choice.outputs.length)];
    for (const k of choice.decisions) included.push(x.decisionLabel[k]);
    if (choice.bands) included.push(x.bands);
    if (choice.sources) included.push(x.sources);
    const left: string[] = [];
    for (const sc of set.scenarios) if (sc.internal && !choice.scenarios.includes(sc.name)) left.push(sc.name);
    for (const k of decisionsShown) if (set.decisions[k].internal && !choice.decisions.includes(k)) left.push(x.decisionLabel[k]);
    if (set.decisions.bands.internal && !choice.bands) left.push(x.bands);
    return x.summary(listOf(included, language), left.length > 0 ? listOf(left, language) : x.nothingLeftOut);
  }, [choice, set, x, decisionsShown, language]);

  const build = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const { negotiatorWorkbook, toBase64 } = await import(/* webpackChunkName: "negotiator" */ "../../export/negotiator");
      const date = new Date();
      const bytes = await negotiatorWorkbook(set, choice, { language: workbookLanguage, date, version: IPVALUE_VERSION, currency });
      const opened = await port.openWorkbook(toBase64(bytes));
      if (opened === "opened") setOutcome({ kind: "opened" });
      else {
        const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
        setOutcome({ kind: "download", url, name: SHARE_TEXT[workbookLanguage].fileName(isoDate(date)) });
      }
    } catch (e) {
      const message = e instanceof ShareError ? e.reason[language] : e instanceof Error ? e.message : String(e);
      setOutcome({ kind: "error", message });
    } finally {
      setBusy(false);
    }
  };

  const box = (p: Pending, testid: string, extra?: Record<string, string>) => (
    <div className={s.item} key={testid + labelOf(p)}>
      <Checkbox
        label={labelOf(p)}
        checked={isChosen(p)}
        onChange={(_, d) => toggle(p, d.checked === true)}
        disabled={busy || pending !== null}
        data-testid={testid}
        {...extra}
      />
      {isInternal(p) && <InternalBadge t={t} size="small" />}
    </div>
  );

  return (
    <>
      <Button ref={opener} icon={<DocumentArrowRightRegular />} disabled={disabled} onClick={start} data-testid="share-open">
        {x.open}
      </Button>
      <ReportButton language={language} set={set} port={port} disabled={disabled} />
      <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
        <DialogSurface className={s.surface} data-testid="share-dialog">
          <DialogBody>
            <DialogTitle>{x.title}</DialogTitle>
            <DialogContent>
              <p className={s.hint}>{x.about}</p>

              <h3 className={s.groupTitle}>{x.scenarios}</h3>
              <div className={s.group}>{set.scenarios.map((sc) => box({ kind: "scenario", name: sc.name }, "share-scenario", { "data-name": sc.name }))}</div>

              <h3 className={s.groupTitle}>{x.results}</h3>
              <div className={s.group}>
                {OUTPUTS.map((o) => (
                  <div className={s.item} key={o.key}>
                    <Checkbox
                      label={o.label[language]}
                      checked={choice.outputs.includes(o.key)}
                      onChange={(_, d) => setOutput(o.key, d.checked === true)}
                      disabled={busy || pending !== null}
                      data-testid={`share-output-${o.key}`}
                    />
                  </div>
                ))}
                <p className={s.hint}>{x.valueRateHint}</p>
                {box({ kind: "bands" }, "share-bands")}
                {Object.keys(set.sources ?? {}).length > 0 && (
                  <div className={s.item}>
                    <Checkbox
                      label={x.sources}
                      checked={choice.sources === true}
                      onChange={(_, d) => (setOutcome(null), setChoice((c) => ({ ...c, sources: d.checked === true })))}
                      disabled={busy || pending !== null}
                      data-testid="share-sources"
                    />
                  </div>
                )}
              </div>

              {decisionsShown.length > 0 && (
                <>
                  <h3 className={s.groupTitle}>{x.decisions}</h3>
                  <div className={s.group}>{decisionsShown.map((k) => box({ kind: "decision", key: k }, `share-decision-${k}`))}</div>
                </>
              )}

              {pending && (
                <MessageBar intent="warning" layout="multiline" data-testid="share-confirm">
                  <MessageBarBody>
                    <MessageBarTitle>{x.confirmTitle(labelOf(pending))}</MessageBarTitle>
                    {x.confirmBody}
                  </MessageBarBody>
                  <MessageBarActions>
                    <Button
                      appearance="primary"
                      onClick={() => {
                        setItem(pending, true, true);
                        setPending(null);
                      }}
                      data-testid="share-confirm-include"
                    >
                      {x.include}
                    </Button>
                    <Button onClick={() => setPending(null)} data-testid="share-confirm-keep-out">
                      {x.keepOut}
                    </Button>
                  </MessageBarActions>
                </MessageBar>
              )}

              <div className={s.row}>
                <Field label={x.workbookLanguage}>
                  <RadioGroup layout="horizontal" value={workbookLanguage} onChange={(_, d) => setWorkbookLanguage(d.value as Language)}>
                    <Radio value="en" label="English" data-testid="share-language-en" />
                    <Radio value="ja" label="日本語" data-testid="share-language-ja" />
                  </RadioGroup>
                </Field>
                <Field label={x.currency}>
                  <Input value={currency} placeholder={x.currencyPlaceholder} onChange={(_, d) => setCurrency(d.value)} data-testid="share-currency" />
                </Field>
              </div>
              <p className={s.summary} data-testid="share-summary">
                {summary}
              </p>

              {busy && <Spinner size="tiny" label={x.building} />}
              <WorkbookOutcome outcome={outcome} x={x} prefix="share" />
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" disabled={busy || pending !== null} onClick={() => void build()} data-testid="share-build">
                {busy ? x.building : x.build}
              </Button>
              <Button onClick={() => setOpen(false)} data-testid="share-close">
                {outcome ? x.close : x.cancel}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
