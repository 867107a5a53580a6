/**
 * Uncertainty in the pane: the Monte Carlo simulation of the current scenarios (draws, seed,
 * distribution, sampling, value), run here by the engine on a button — it takes milliseconds for 10,000
 * draws — with P10, P50, P90, the mean and the chance of falling below the committee's floor, each ± its
 * standard error, and a suggestion to draw more when a percentile's is above 1% of it; the histogram
 * and the tornado; and the Simulation sheet with the same numbers as live formulas and native charts.
 */
import { Button, Field, Input, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Select, Spinner, tokens } from "@fluentui/react-components";
import { DataHistogramRegular, DismissRegular, PlayRegular } from "@fluentui/react-icons";
import { ReactNode, useMemo, useState } from "react";
import {
  AssumptionKey,
  checkIterations,
  checkSeed,
  DISTRIBUTIONS,
  Distribution,
  Output,
  outputLabel,
  percentileLabel,
  Sampling,
  SAMPLINGS,
  Text,
  ValuationError,
} from "../../engine";
import type { ScenarioSet } from "../../model/scenario-set";
import {
  correlatableKeys,
  DEFAULT_REQUEST,
  drawsAdvice,
  RELATIVE_ERROR_LIMIT,
  simulateSet,
  SIMULATION_OUTPUTS,
  SimulationRequest,
  SimulationView,
} from "../model/simulation";
import { CorrelationEditor } from "./CorrelationEditor";
import { formatAmount, formatPercent } from "./format";
import type { InsertedSheet, WorkbookPort } from "./port";
import { HistogramChart, SpiderChart, TornadoChart } from "./lazy-views"; // the charts' own chunk, loaded on the first run
import { SIMULATION_TEXT } from "./simulation-text";
import { LOCALE, type Language } from "./strings";

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
  // The tornado and the spider side by side when the pane is wide enough for both, else one under the other.
  sensitivity: { display: "flex", flexWrap: "wrap", gap: "0 16px", "& > *": { flex: "1 1 280px", minWidth: 0 } },
  fitControl: { maxWidth: "100%", minWidth: 0 },
  fitInput: { width: "100%", minWidth: 0, boxSizing: "border-box" },
  fitInner: { width: 0, minWidth: 0 },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  rowHead: { textAlign: "left", fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, padding: "3px 4px" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", padding: "3px 4px", fontSize: tokens.fontSizeBase300 },
  error: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", padding: "3px 4px", color: tokens.colorNeutralForeground3 },
  line: { borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
});

/** Reads a whole number typed with or without separators ("10,000", "１００００"). */
function wholeNumber(text: string): number {
  const t = text.normalize("NFKC").replace(/[,\s]/g, "");
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
}

/** What the results depend on: a new run is due when this changes. */
const fingerprint = (set: ScenarioSet) =>
  JSON.stringify([set.scenarios, set.decisions.floor.value, set.decisions.includeInternal.value, set.correlations ?? []]);

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
  /** Which scenarios the simulation covers, said under its heading. */
  scope?: ReactNode;
  /** Sets a correlation between two assumptions (0 removes it): the refusal's reason, or null. Absent: the editor is not shown. */
  onCorrelation?: (a: AssumptionKey, b: AssumptionKey, value: number) => Text | null;
}

export function SimulationPanel({ language, set, port, beforeInsert, onInserted, disabled, scope, onCorrelation }: SimulationPanelProps) {
  const s = useStyles();
  const fitted = { className: s.fitInput, input: { className: s.fitInner } }; // a number field shrinks to its grid column
  const x = SIMULATION_TEXT[language];
  const [iterations, setIterations] = useState(String(DEFAULT_REQUEST.iterations));
  const [seed, setSeed] = useState(String(DEFAULT_REQUEST.seed));
  const [distribution, setDistribution] = useState<Distribution>(DEFAULT_REQUEST.distribution);
  const [sampling, setSampling] = useState<Sampling>(DEFAULT_REQUEST.sampling);
  const [output, setOutput] = useState<Output>(DEFAULT_REQUEST.output);
  const [run, setRun] = useState<{ view: SimulationView; print: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const correlatable = useMemo(() => {
    try {
      return correlatableKeys(set, language);
    } catch {
      return []; // a set the simulation cannot read: the Run says why
    }
  }, [set, language]);
  const iterationsError = useMemo(() => (valid(() => checkIterations(wholeNumber(iterations))) ? null : x.iterationsRule), [iterations, x]);
  const seedError = useMemo(() => (valid(() => checkSeed(wholeNumber(seed))) ? null : x.seedRule), [seed, x]);
  const request = (): SimulationRequest | null =>
    iterationsError || seedError ? null : { iterations: wholeNumber(iterations), seed: wholeNumber(seed), distribution, sampling, output };

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
        setProblem(e.in(language));
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
  const errors = view?.result.standardErrors;
  const advice = view ? drawsAdvice(view) : null;
  const share = (r: number) => formatPercent(r, language);
  /** The ± cell beside a statistic (its accessible name says what it is). */
  const errorCell = (se: number | undefined, format: (v: number) => string) =>
    se === undefined ? null : (
      <td className={s.error} data-se={se} aria-label={`${x.standardError} ${format(se)}`}>
        ± {format(se)}
      </td>
    );

  return (
    <section className={s.root} aria-labelledby="simulation-heading" data-testid="simulation">
      <h2 className={s.heading} id="simulation-heading">
        {x.heading}
      </h2>
      {scope}
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
        {[
          choice(x.distribution, distribution, DISTRIBUTIONS, (d) => x.distributions[d], setDistribution, "simulation-distribution"),
          choice(x.sampling, sampling, SAMPLINGS, (m) => x.samplings[m], setSampling, "simulation-sampling", x.samplingHint),
          choice(x.output, output, SIMULATION_OUTPUTS, (o) => outputLabel(o)[language], setOutput, "simulation-output"),
        ].map((c) => (
          <Choice key={c.testid} {...c} className={s.fitControl} />
        ))}
      </div>
      {onCorrelation && (
        <section aria-labelledby="correlations-heading">
          <h3 className={s.sub} id="correlations-heading">
            {x.correlations}
          </h3>
          <CorrelationEditor language={language} x={x} keys={correlatable} pairs={set.correlations ?? []} onChange={onCorrelation} disabled={disabled} />
        </section>
      )}
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
              {view.result.percentiles.map((p, i) => {
                const label = percentileLabel(p.p);
                return (
                  <tr key={label} className={s.line} data-stat={label}>
                    <th className={s.rowHead} scope="row">
                      {x.percentile[label] ?? label}
                    </th>
                    <td className={s.num} data-value={p.value}>
                      {amount(p.value)}
                    </td>
                    {errorCell(errors?.percentiles[i], amount)}
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
                {errorCell(errors?.mean, amount)}
              </tr>
              {view.result.below && view.floor !== null && (
                <tr className={s.line} data-stat="below-floor">
                  <th className={s.rowHead} scope="row">
                    {x.belowFloor(amount(view.floor))}
                  </th>
                  <td className={s.num} data-value={view.result.below.probability}>
                    {formatPercent(view.result.below.probability, language)}
                  </td>
                  {errorCell(errors?.below, share)}
                </tr>
              )}
            </tbody>
          </table>
          {errors && <p className={s.hint}>{x.errorHint}</p>}
          {advice && (
            <MessageBar intent="warning" layout="multiline" data-testid="simulation-more-draws">
              <MessageBarBody>
                {advice.suggested > view.result.iterations
                  ? x.moreDraws(advice.label, share(advice.relative), share(RELATIVE_ERROR_LIMIT), advice.suggested.toLocaleString(LOCALE[language]))
                  : x.atMostDraws(advice.label, share(advice.relative), share(RELATIVE_ERROR_LIMIT))}
              </MessageBarBody>
              {advice.suggested > view.result.iterations && (
                <MessageBarActions>
                  <Button size="small" onClick={() => setIterations(String(advice.suggested))} data-testid="simulation-use-draws">
                    {x.useDraws(advice.suggested.toLocaleString(LOCALE[language]))}
                  </Button>
                </MessageBarActions>
              )}
            </MessageBar>
          )}
          <p className={s.hint}>{(set.correlations ?? []).length > 0 ? x.meaningCorrelated : x.meaning}</p>
          {view.tornado.rows.length === 0 ? (
            <p className={s.hint} data-testid="simulation-no-spread">
              {x.noSpread}
            </p>
          ) : (
            <>
              <h3 className={s.sub}>{x.histogram}</h3>
              <HistogramChart view={view} language={language} x={x} />
              <div className={s.sensitivity}>
                <div>
                  <h3 className={s.sub}>{x.tornado}</h3>
                  <TornadoChart tornado={view.tornado} language={language} x={x} />
                </div>
                <div>
                  <h3 className={s.sub}>{x.spider}</h3>
                  <SpiderChart spider={view.spider} language={language} x={x} />
                </div>
              </div>
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

interface ChoiceProps<T extends string> {
  label: string;
  hint?: string;
  value: T;
  values: readonly T[];
  name: (v: T) => string;
  onChange: (v: T) => void;
  testid: string;
}

/** A Choice's props, its word type forgotten so that choices of different lists sit in one array. */
function choice<T extends string>(
  label: string,
  value: T,
  values: readonly T[],
  name: (v: T) => string,
  onChange: (v: T) => void,
  testid: string,
  hint?: string
): ChoiceProps<string> {
  return { label, hint, value, values, name, onChange, testid } as unknown as ChoiceProps<string>;
}

/** One of a fixed list of words, by its name in the pane's language. */
function Choice<T extends string>({ label, hint, value, values, name, onChange, testid, className }: ChoiceProps<T> & { className?: string }) {
  return (
    <Field size="small" label={label} hint={hint}>
      <Select value={value} onChange={(_, d) => onChange(d.value as T)} data-testid={testid} className={className}>
        {values.map((v) => (
          <option key={v} value={v}>
            {name(v)}
          </option>
        ))}
      </Select>
    </Field>
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
