/**
 * Uncertainty in the pane: the Monte Carlo simulation of the current scenarios (draws, seed,
 * distribution, value), run here by the engine on a button — it takes milliseconds for 10,000 draws —
 * with P10, P50, P90, the mean and the chance of falling below the committee's floor; the histogram
 * and the tornado; and the Simulation sheet with the same numbers as live formulas and native charts.
 */
import { Button, Field, Input, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Select, Spinner, tokens } from "@fluentui/react-components";
import { DataHistogramRegular, DismissRegular, PlayRegular } from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import { checkIterations, checkSeed, DISTRIBUTIONS, Distribution, Output, outputLabel, percentileLabel, ValuationError } from "../../engine";
import type { ScenarioSet } from "../../model/scenario-set";
import { DEFAULT_REQUEST, simulateSet, SIMULATION_OUTPUTS, SimulationRequest, SimulationView } from "../model/simulation";
import { formatAmount, formatPercent } from "./format";
import type { InsertedSheet, WorkbookPort } from "./port";
import { HistogramChart, TornadoChart } from "./SimulationCharts";
import { SIMULATION_TEXT } from "./simulation-text";
import type { Language } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px" },
  heading: { margin: "4px 0 0", fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  sub: { margin: "8px 0 2px", fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  hint: { margin: "2px 0 0", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  // Each field no wider than its column: a select is as wide as its longest option by itself.
  fields: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: "6px 10px",
    alignItems: "start",
    "& > *": { minWidth: 0, maxWidth: "100%", gridTemplateColumns: "minmax(0, 1fr)" },
  },
  actions: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
  fitControl: { maxWidth: "100%", minWidth: 0 },
  fitInput: { width: "100%", minWidth: 0, boxSizing: "border-box" },
  fitInner: { width: 0, minWidth: 0 },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  rowHead: { textAlign: "left", fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, padding: "3px 4px" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", padding: "3px 4px", fontSize: tokens.fontSizeBase300 },
  line: { borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
});

/** Reads a whole number typed with or without separators ("10,000", "１００００"). */
function wholeNumber(text: string): number {
  const t = text.normalize("NFKC").replace(/[,\s]/g, "");
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
}

/** What the results depend on: a new run is due when this changes. */
const fingerprint = (set: ScenarioSet) => JSON.stringify([set.scenarios, set.decisions.floor.value]);

type Notice = { intent: "success" | "error"; text: string; testid: string };

export interface SimulationPanelProps {
  language: Language;
  set: ScenarioSet;
  port: WorkbookPort;
  /** Runs before the sheet is inserted (the pane's pending save). */
  beforeInsert?: () => Promise<void>;
  /** Called with the sheet inserted and its request, so that the pane can undo it. */
  onInserted?: (inserted: InsertedSheet, request: SimulationRequest) => void;
  disabled?: boolean;
}

export function SimulationPanel({ language, set, port, beforeInsert, onInserted, disabled }: SimulationPanelProps) {
  const s = useStyles();
  const fitted = { className: s.fitInput, input: { className: s.fitInner } }; // a number field shrinks to its grid column
  const x = SIMULATION_TEXT[language];
  const [iterations, setIterations] = useState(String(DEFAULT_REQUEST.iterations));
  const [seed, setSeed] = useState(String(DEFAULT_REQUEST.seed));
  const [distribution, setDistribution] = useState<Distribution>(DEFAULT_REQUEST.distribution);
  const [output, setOutput] = useState<Output>(DEFAULT_REQUEST.output);
  const [run, setRun] = useState<{ view: SimulationView; print: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const iterationsError = useMemo(() => (valid(() => checkIterations(wholeNumber(iterations))) ? null : x.iterationsRule), [iterations, x]);
  const seedError = useMemo(() => (valid(() => checkSeed(wholeNumber(seed))) ? null : x.seedRule), [seed, x]);
  const request = (): SimulationRequest | null =>
    iterationsError || seedError ? null : { iterations: wholeNumber(iterations), seed: wholeNumber(seed), distribution, output };

  const simulate = () => {
    const r = request();
    if (!r) return;
    setBusy(true);
    setNotice(null);
    // A tick for the spinner to show: a million draws take a moment.
    setTimeout(() => {
      try {
        setRun({ view: simulateSet(set, language, r), print: fingerprint(set) });
        setProblem(null);
      } catch (e) {
        if (!(e instanceof ValuationError)) throw e;
        setRun(null);
        setProblem(e.message);
      } finally {
        setBusy(false);
      }
    }, 0);
  };

  const insert = async () => {
    const r = request();
    if (!r) return;
    setBusy(true);
    setNotice(null);
    try {
      await beforeInsert?.();
      const inserted = await port.insertSimulationCharts(set, language, r);
      onInserted?.(inserted, r);
      setNotice({ intent: "success", text: x.inserted, testid: "simulation-inserted" });
    } catch (e) {
      const m = e instanceof Error ? e.message : String(e);
      setNotice({ intent: "error", text: x.insertFailed(m), testid: "simulation-insert-failed" });
    } finally {
      setBusy(false);
    }
  };

  const view = run?.view;
  const stale = run !== null && run.print !== fingerprint(set);
  const amount = (v: number) => formatAmount(v, language);

  return (
    <section className={s.root} aria-labelledby="simulation-heading" data-testid="simulation">
      <h2 className={s.heading} id="simulation-heading">
        {x.heading}
      </h2>
      <p className={s.intro}>{x.intro}</p>
      <div className={s.fields}>
        <Field size="small" label={x.iterations} validationState={iterationsError ? "error" : "none"} validationMessage={iterationsError ?? undefined}>
          <Input inputMode="numeric" value={iterations} onChange={(_, d) => setIterations(d.value)} data-testid="simulation-iterations" {...fitted} />
        </Field>
        <Field
          size="small"
          label={x.seed}
          validationState={seedError ? "error" : "none"}
          validationMessage={seedError ?? undefined}
          hint={seedError ? undefined : x.seedHint}
        >
          <Input inputMode="numeric" value={seed} onChange={(_, d) => setSeed(d.value)} data-testid="simulation-seed" {...fitted} />
        </Field>
        <Field size="small" label={x.distribution}>
          <Select
            value={distribution}
            onChange={(_, d) => setDistribution(d.value as Distribution)}
            data-testid="simulation-distribution"
            className={s.fitControl}
          >
            {DISTRIBUTIONS.map((d) => (
              <option key={d} value={d}>
                {x.distributions[d]}
              </option>
            ))}
          </Select>
        </Field>
        <Field size="small" label={x.output}>
          <Select value={output} onChange={(_, d) => setOutput(d.value as Output)} data-testid="simulation-output" className={s.fitControl}>
            {SIMULATION_OUTPUTS.map((o) => (
              <option key={o} value={o}>
                {outputLabel(o)[language]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={s.actions}>
        <Button appearance="primary" icon={<PlayRegular />} disabled={busy || request() === null} onClick={simulate} data-testid="simulation-run">
          {x.run}
        </Button>
        {busy && <Spinner size="tiny" label={x.running} />}
      </div>

      {problem && (
        <MessageBar intent="error" layout="multiline" data-testid="simulation-problem">
          <MessageBarBody>{x.cannot(problem)}</MessageBarBody>
        </MessageBar>
      )}
      {stale && (
        <MessageBar intent="warning" data-testid="simulation-stale">
          <MessageBarBody>{x.stale}</MessageBarBody>
        </MessageBar>
      )}

      {view && (
        <>
          <table className={s.table} data-testid="simulation-table">
            <tbody>
              {view.result.percentiles.map((p) => {
                const label = percentileLabel(p.p);
                return (
                  <tr key={label} className={s.line} data-stat={label}>
                    <th className={s.rowHead} scope="row">
                      {x.percentile[label] ?? label}
                    </th>
                    <td className={s.num} data-value={p.value}>
                      {amount(p.value)}
                    </td>
                  </tr>
                );
              })}
              <tr className={s.line} data-stat="mean">
                <th className={s.rowHead} scope="row">
                  {x.mean}
                </th>
                <td className={s.num} data-value={view.result.mean}>
                  {amount(view.result.mean)}
                </td>
              </tr>
              {view.result.below && view.floor !== null && (
                <tr className={s.line} data-stat="below-floor">
                  <th className={s.rowHead} scope="row">
                    {x.belowFloor(amount(view.floor))}
                  </th>
                  <td className={s.num} data-value={view.result.below.probability}>
                    {formatPercent(view.result.below.probability, language)}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          <p className={s.hint}>{x.meaning}</p>
          {view.tornado.rows.length === 0 ? (
            <p className={s.hint} data-testid="simulation-no-spread">
              {x.noSpread}
            </p>
          ) : (
            <>
              <h3 className={s.sub}>{x.histogram}</h3>
              <HistogramChart view={view} language={language} x={x} />
              <h3 className={s.sub}>{x.tornado}</h3>
              <TornadoChart tornado={view.tornado} language={language} x={x} />
            </>
          )}
        </>
      )}

      <div className={s.actions}>
        <Button icon={<DataHistogramRegular />} disabled={busy || disabled || request() === null} onClick={() => void insert()} data-testid="simulation-insert">
          {x.insert}
        </Button>
      </div>
      <p className={s.hint}>{x.insertHint}</p>
      {notice && (
        <MessageBar intent={notice.intent} data-testid={notice.testid}>
          <MessageBarBody>{notice.text}</MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" aria-label="×" icon={<DismissRegular />} onClick={() => setNotice(null)} />} />
        </MessageBar>
      )}
    </section>
  );
}

function valid(f: () => unknown): boolean {
  try {
    f();
    return true;
  } catch {
    return false;
  }
}
