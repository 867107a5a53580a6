/**
 * The results: the range across scenarios (low / base / high) and each scenario's outputs, with
 * rates as percentages and amounts with thousands separators; an output without an answer shows "—"
 * with the reason on hover. Also the short summary kept in view at the top of the pane.
 */
import { Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens, Tooltip } from "@fluentui/react-components";
import { LockClosedFilled } from "@fluentui/react-icons";
import type { ReactNode, Ref } from "react";
import { OUTPUTS, Output, outputLabel, outputSpec } from "../../engine";
import { OutputValue, PANE_OUTPUTS, Results } from "../model/results";
import { formatCompact, formatOutput, formatPercent } from "./format";
import { ScopeNote } from "./ScopeNote";
import type { Language, UiText } from "./strings";

const useStyles = makeStyles({
  heading: { margin: "4px 0 6px", fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  sub: { margin: "10px 0 4px", fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  scroll: { overflowX: "auto" },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  group: { borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  colHead: { textAlign: "right", fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, padding: "2px 4px", whiteSpace: "nowrap" },
  rowHead: { textAlign: "left", fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, padding: "4px 4px 0" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", padding: "0 4px 4px", fontSize: tokens.fontSizeBase300 },
  noAnswer: { color: tokens.colorNeutralForeground3, cursor: "help" },
  lock: { color: tokens.colorPaletteRedForeground1, verticalAlign: "middle", marginRight: "2px" },
  summary: {
    // Fixed, not sticky: it shows only while the range table is out of view and must not move the page.
    position: "fixed",
    left: 0,
    right: 0,
    zIndex: 2,
    boxShadow: tokens.shadow4,
    backgroundColor: tokens.colorNeutralBackground2,
    padding: "6px 12px",
    display: "grid",
    gridTemplateColumns: "auto 1fr 1fr 1fr",
    columnGap: "8px",
    rowGap: "1px",
    fontSize: tokens.fontSizeBase200,
  },
  summaryTop: { top: 0, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  summaryBottom: { bottom: 0, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  summaryHead: { color: tokens.colorNeutralForeground3, textAlign: "right" },
  summaryLabel: { fontWeight: tokens.fontWeightSemibold },
});

const labelOf = (o: Output, language: Language) => outputLabel(o)[language];

function Value({ output, value, language, t }: { output: string; value: OutputValue; language: Language; t: UiText }) {
  const s = useStyles();
  if (typeof value === "number") return <span data-value={value}>{formatOutput(output, value, language)}</span>;
  return (
    <Tooltip content={`${t.results.noAnswer}: ${value.error}`} relationship="description">
      <span className={s.noAnswer} tabIndex={0} data-error={value.error} aria-label={t.results.noAnswer}>
        —
      </span>
    </Tooltip>
  );
}

/** The range across scenarios, under the results heading; `children` (the football field) follows it. */
export function RangeResults({
  t,
  language,
  results,
  children,
  sectionRef,
}: {
  t: UiText;
  language: Language;
  results: Results;
  children?: ReactNode;
  sectionRef?: Ref<HTMLElement>;
}) {
  const s = useStyles();
  // The pane's outputs, then any row the model adds that is not a scenario output (reference bands).
  const rows = [
    ...PANE_OUTPUTS.map((o) => results.range.find((r) => r.output === o)).filter((r) => r !== undefined),
    ...results.range.filter((r) => !OUTPUTS.some((o) => o.key === r.output)),
  ];
  return (
    <section aria-labelledby="results-heading" data-testid="results" ref={sectionRef}>
      <h2 className={s.heading} id="results-heading" tabIndex={-1}>
        {t.results.heading}
      </h2>
      {results.problem && (
        <MessageBar intent="info" layout="multiline" data-testid="results-problem">
          <MessageBarBody>
            <MessageBarTitle>{t.results.notReady}</MessageBarTitle>
            <Caption1 lang="en">{results.problem}</Caption1>
          </MessageBarBody>
        </MessageBar>
      )}
      {rows.length > 0 && (
        <>
          <h3 className={s.sub}>{t.results.range}</h3>
          <ScopeNote t={t} language={language} scope={results.scope} testid="range-scope" />
          <table className={s.table} data-testid="range-table">
            <thead>
              <tr>
                {[t.results.low, t.results.base, t.results.high].map((h) => (
                  <th key={h} scope="col" className={s.colHead}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            {rows.map((r) => (
              <tbody key={r.output} data-output={r.output} className={s.group}>
                <tr>
                  <th scope="rowgroup" colSpan={3} className={s.rowHead}>
                    {r.label[language]}
                  </th>
                </tr>
                <tr>
                  {(["low", "base", "high"] as const).map((k) => (
                    <td key={k} className={s.num} data-col={k}>
                      <Value output={r.output} value={r[k]} language={language} t={t} />
                    </td>
                  ))}
                </tr>
              </tbody>
            ))}
          </table>
        </>
      )}
      {children}
    </section>
  );
}

/** Each scenario's outputs, one column per scenario. */
export function ScenarioResults({ t, language, results }: { t: UiText; language: Language; results: Results }) {
  const s = useStyles();
  if (results.scenarios.length === 0) return null;
  return (
    <section aria-labelledby="per-scenario-heading">
      <h2 className={s.heading} id="per-scenario-heading">
        {t.results.perScenario}
      </h2>
      <div className={s.scroll}>
        <table className={s.table} data-testid="scenario-table">
          <thead>
            <tr>
              {results.scenarios.map((sc) => (
                <th key={sc.name} scope="col" className={s.colHead}>
                  {sc.internal && <LockClosedFilled className={s.lock} aria-label={t.internalBadge} />}
                  {sc.name}
                </th>
              ))}
            </tr>
          </thead>
          {PANE_OUTPUTS.map((o) => (
            <tbody key={o} data-output={o} className={s.group}>
              <tr>
                <th scope="rowgroup" colSpan={results.scenarios.length} className={s.rowHead}>
                  {labelOf(o, language)}
                </th>
              </tr>
              <tr>
                {results.scenarios.map((sc) => (
                  <td key={sc.name} className={s.num}>
                    <Value output={o} value={sc.outputs[o]} language={language} t={t} />
                  </td>
                ))}
              </tr>
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}

/** Two lines kept in view (at the top or the bottom of the pane) while the range table is scrolled away: the risk-adjusted value and the walk-away rate, low / base / high. */
export function ResultsSummary({ t, language, results, at = "top" }: { t: UiText; language: Language; results: Results; at?: "top" | "bottom" }) {
  const s = useStyles();
  const row = (o: Output) => results.range.find((r) => r.output === o);
  const cell = (o: Output, v: OutputValue | undefined) =>
    v === undefined || typeof v !== "number" ? "—" : outputSpec(o).kind === "rate" ? formatPercent(v, language) : formatCompact(v, language);
  const lines: [Output, string][] = [
    ["rnpv", t.results.riskAdjusted],
    ["maxrate", t.results.walkAway],
  ];
  return (
    <div
      className={`${s.summary} ${at === "top" ? s.summaryTop : s.summaryBottom}`}
      data-at={at}
      role="region"
      aria-label={t.results.summary}
      data-testid="summary"
    >
      <span />
      <span className={s.summaryHead}>{t.results.low}</span>
      <span className={s.summaryHead}>{t.results.base}</span>
      <span className={s.summaryHead}>{t.results.high}</span>
      {lines.map(([o, label]) => {
        const r = row(o);
        return [
          <span key={`${o}l`} className={s.summaryLabel}>
            {label}
          </span>,
          ...(["low", "base", "high"] as const).map((k) => (
            <span key={o + k} className={s.num} data-summary={`${o}-${k}`}>
              {cell(o, r?.[k])}
            </span>
          )),
        ];
      })}
    </div>
  );
}
