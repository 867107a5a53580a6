/**
 * "Add comparables": the office's own evidence as user bands. From a document: paste its text or open a
 * .txt, .docx or .pdf (read on this computer, ./documents.ts), review the terms EXTRACTTERMS finds beside
 * their excerpts, fix or drop each, say what they were agreed under, save. From a royalty-database export:
 * paste a table or open a CSV, check how each column is read, see every row that cannot be read and why,
 * save. Bands go to the IpvalueUserBands table through the port, internal by default.
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
  MessageBarBody,
  Select,
  Spinner,
  Tab,
  TabList,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { DocumentSearchRegular } from "@fluentui/react-icons";
import { useRef, useState } from "react";
import { extractTerms, MAX_CELL_CHARS, ValuationError, type ExtractedKind, type Text } from "../../engine";
import {
  bandsFromTerms,
  CONDITION_CHOICES,
  Conditions,
  DEFAULT_CONDITIONS,
  KIND_LABELS,
  Refusal,
  parseYear,
  ReviewedTerm,
  reviewOf,
  termProblem,
  USER_BANDS_TABLE,
  UserBandRow,
} from "../model/comparables";
import { bandsFromCsv, CSV_FIELD_LABELS, CSV_FIELDS, CsvError, CsvField, Mapping, ParsedCsv, parseRoyaltyCsv, RateStyle } from "../model/royalty-csv";
import { decodeText, DocumentError, readDocument } from "./documents";
import { useReturnFocus } from "./focus";
import type { WorkbookPort } from "./port";
import { COMPARABLES_TEXT, Language, listOf } from "./strings";

const useStyles = makeStyles({
  surface: { maxWidth: "min(760px, calc(100vw - 24px))" },
  // The two sources' tabs wrap onto two lines in a narrow pane rather than widen the dialog.
  tabs: {
    flexWrap: "wrap",
    "& .fui-Tab": { minWidth: 0, maxWidth: "100%", flexShrink: 1 },
    "& .fui-Tab__content": { whiteSpace: "normal", overflowWrap: "anywhere" },
  },
  hint: { margin: "0 0 6px", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  groupTitle: { margin: "10px 0 4px", fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center", margin: "6px 0" },
  // Each field shrinks to its column (an Input's own width would run over the next one).
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(150px, 1fr))",
    gap: "6px 10px",
    "& > *": { minWidth: 0 },
    "& .fui-Input, & .fui-Select": { width: "100%", minWidth: 0 },
  },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200, marginTop: "6px" },
  cell: { textAlign: "left", verticalAlign: "top", padding: "3px 6px 3px 0", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  // One term a block: its kind, figures and unit on a line that wraps in a narrow pane, its excerpt
  // under it the width of the dialog, so that nothing is cut at 320 px.
  term: { padding: "6px 0", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, fontSize: tokens.fontSizeBase200 },
  termLine: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "4px 8px" },
  kind: { flex: "1 1 180px", minWidth: 0 },
  figures: { display: "flex", alignItems: "center", gap: "6px", flexWrap: "wrap" },
  figureLabel: { whiteSpace: "nowrap", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  number: { width: "118px", minWidth: 0 },
  unit: { whiteSpace: "nowrap" },
  excerpt: { wordBreak: "break-word", color: tokens.colorNeutralForeground2, marginTop: "4px" },
  excerptLabel: { fontWeight: tokens.fontWeightSemibold, marginRight: "4px" },
  problem: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  dropped: { opacity: 0.5 },
});

const KINDS = Object.keys(KIND_LABELS) as ExtractedKind[];
const messageOf = (e: unknown, language: Language): string => {
  if (e instanceof ValuationError || e instanceof DocumentError || e instanceof CsvError) return e.text[language];
  const reason = (e as { reason?: Text } | null)?.reason;
  return reason?.[language] ?? (e instanceof Error ? e.message : String(e));
};

/** The text as EXTRACTTERMS' engine reads it: one item a line, a line longer than a cell cut in cell-sized pieces. */
function textItems(text: string): string[] {
  const items: string[] = [];
  for (const line of text.split("\n")) {
    for (let i = 0; i < line.length; i += MAX_CELL_CHARS) items.push(line.slice(i, i + MAX_CELL_CHARS));
  }
  return items.filter((l) => l.trim() !== "");
}

/** A figure as the review shows it: a rate in percent, an amount as it is. */
const shownFigure = (v: number | null, rate: boolean) => (v === null ? "" : String(rate ? +(v * 100).toPrecision(12) : v));
/** A figure as typed in the review (full-width digits, commas and a % sign allowed); null when it is not a number. */
function typedFigure(typed: string, rate: boolean): number | null {
  const t = typed.normalize("NFKC").trim().replace(/,/g, "").replace(/%$/, "").trim();
  if (!/^(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  const n = Number(t);
  return rate ? parseFloat((n / 100).toPrecision(15)) : n;
}

interface Review extends ReviewedTerm {
  lowTyped: string;
  highTyped: string;
}

function ConditionsFields({
  c,
  setC,
  language,
  yearTyped,
  setYearTyped,
}: {
  c: Conditions;
  setC: (c: Conditions) => void;
  language: Language;
  yearTyped: string;
  setYearTyped: (y: string) => void;
}) {
  const s = useStyles();
  const x = COMPARABLES_TEXT[language];
  const choice = (which: keyof typeof CONDITION_CHOICES) => (
    <Field label={x[which]}>
      <Select value={c[which]} onChange={(_, d) => setC({ ...c, [which]: d.value })} data-testid={`comparables-${which}`}>
        {CONDITION_CHOICES[which].map((v) => (
          <option key={v} value={v}>
            {x.choice[v] ?? v}
          </option>
        ))}
      </Select>
    </Field>
  );
  const yearBad = parseYear(yearTyped) === undefined;
  return (
    <>
      <h3 className={s.groupTitle}>{x.conditions}</h3>
      <div className={s.grid}>
        {choice("right")}
        {choice("regulatory")}
        {choice("licensee")}
        {choice("exclusivity")}
        <Field label={x.field}>
          <Input value={c.field} placeholder={x.fieldPlaceholder} onChange={(_, d) => setC({ ...c, field: d.value })} data-testid="comparables-field" />
        </Field>
        <Field label={x.year} validationState={yearBad ? "error" : "none"} validationMessage={yearBad ? x.yearBad : undefined}>
          <Input value={yearTyped} inputMode="numeric" onChange={(_, d) => setYearTyped(d.value)} data-testid="comparables-year" />
        </Field>
        <Field label={x.source}>
          <Input value={c.source} placeholder={x.sourcePlaceholder} onChange={(_, d) => setC({ ...c, source: d.value })} data-testid="comparables-source" />
        </Field>
      </div>
      <Checkbox checked={c.internal} label={x.internal} onChange={(_, d) => setC({ ...c, internal: d.checked === true })} data-testid="comparables-internal" />
      <p className={s.hint}>{x.internalHint}</p>
    </>
  );
}

export function ComparablesPanel({
  language,
  port,
  disabled,
  onSaved,
}: {
  language: Language;
  port: WorkbookPort;
  disabled?: boolean;
  /** Called after bands are saved, so the band filter and the football field re-read the table. */
  onSaved?: () => void;
}) {
  const s = useStyles();
  const x = COMPARABLES_TEXT[language];
  const [open, setOpen] = useState(false);
  const opener = useReturnFocus<HTMLButtonElement>(open);
  const [tab, setTab] = useState<"document" | "csv">("document");
  const [taken, setTaken] = useState<string[]>([]);
  const [conditions, setConditions] = useState<Conditions>(DEFAULT_CONDITIONS);
  const [yearTyped, setYearTyped] = useState("");
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<UserBandRow[] | null>(null);
  // From a document
  const [text, setText] = useState("");
  const [readNote, setReadNote] = useState<string | null>(null);
  const [terms, setTerms] = useState<Review[] | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  // From an export
  const [csvText, setCsvText] = useState("");
  const [csvName, setCsvName] = useState("");
  const [csv, setCsv] = useState<ParsedCsv | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [rateStyle, setRateStyle] = useState<RateStyle>("percent");
  const csvInput = useRef<HTMLInputElement>(null);

  const year = parseYear(yearTyped);
  const c: Conditions = { ...conditions, year: year === undefined ? "" : year };

  const start = async () => {
    setOpen(true);
    setError(null);
    setSaved(null);
    try {
      setTaken(await port.userBandKeys());
    } catch (e) {
      setError(x.failed(messageOf(e, language)));
    }
  };

  const openDocument = async (file: File) => {
    setBusy(x.reading);
    setError(null);
    try {
      const read = await readDocument(file.name, await file.arrayBuffer());
      setText(read.text);
      setReadNote(x.read(file.name, read.text.length));
      setTerms(null);
      if (conditions.source.trim() === "") setConditions({ ...conditions, source: file.name.replace(/\.[a-z0-9]+$/i, "") });
    } catch (e) {
      setError(messageOf(e, language));
    } finally {
      setBusy(null);
    }
  };

  const find = () => {
    setError(null);
    setSaved(null);
    try {
      setTerms(
        reviewOf(extractTerms(textItems(text))).map((t) => ({
          ...t,
          lowTyped: shownFigure(t.low, t.unit === "rate"),
          highTyped: shownFigure(t.high, t.unit === "rate"),
        }))
      );
    } catch (e) {
      setError(messageOf(e, language));
    }
  };

  const change = (i: number, patch: Partial<Review>) => setTerms((ts) => ts && ts.map((t, k) => (k === i ? { ...t, ...patch } : t)));

  // Recomputed on each render: a few dozen terms or a few thousand rows, cheap beside a round trip to Excel.
  const fromTerms = terms ? bandsFromTerms(terms, c, taken) : null;

  const readCsv = (raw: string, name: string) => {
    setError(null);
    setSaved(null);
    try {
      const parsed = parseRoyaltyCsv(raw);
      setCsv(parsed);
      setMapping(parsed.mapping);
      setRateStyle(parsed.rateStyle);
      setCsvName(name);
    } catch (e) {
      setCsv(null);
      setError(messageOf(e, language));
    }
  };

  const openCsv = async (file: File) => {
    setBusy(x.reading);
    try {
      const decoded = decodeText(new Uint8Array(await file.arrayBuffer())); // Japanese Excel writes CSV in Shift_JIS
      setCsvText(decoded.text);
      readCsv(decoded.text, file.name);
    } catch (e) {
      setError(messageOf(e, language));
    } finally {
      setBusy(null);
    }
  };

  const fromCsv = ((): { rows: UserBandRow[]; refused: Refusal[]; problem?: string } | null => {
    if (!csv) return null;
    try {
      return bandsFromCsv(csv, mapping, rateStyle, c, csvName, taken);
    } catch (e) {
      return { rows: [], refused: [], problem: messageOf(e, language) };
    }
  })();

  const save = async (rows: readonly UserBandRow[]) => {
    setBusy(x.saving);
    setError(null);
    try {
      const done = await port.addUserBands(rows, language);
      setSaved(done);
      setTaken((t) => [...t, ...done.map((r) => r.key)]);
      if (tab === "document") setTerms(null);
      else setCsv(null);
      onSaved?.();
    } catch (e) {
      setError(x.failed(messageOf(e, language)));
    } finally {
      setBusy(null);
    }
  };

  const documentTab = (
    <div data-testid="comparables-document">
      <Field label={x.paste}>
        <Textarea
          value={text}
          placeholder={x.pastePlaceholder}
          resize="vertical"
          rows={5}
          onChange={(_, d) => (setText(d.value), setReadNote(null))}
          data-testid="comparables-text"
        />
      </Field>
      <div className={s.row}>
        <Button onClick={() => fileInput.current?.click()} disabled={busy !== null} data-testid="comparables-open-file">
          {x.openFile}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".txt,.text,.docx,.pdf,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          hidden
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = "";
            if (f) void openDocument(f);
          }}
          data-testid="comparables-file"
        />
        <Button appearance="primary" disabled={busy !== null || text.trim() === ""} onClick={find} data-testid="comparables-find">
          {x.find}
        </Button>
      </div>
      {readNote && (
        <p className={s.hint} data-testid="comparables-read">
          {readNote}
        </p>
      )}
      {terms && terms.length === 0 && <p className={s.hint}>{x.noTerms}</p>}
      {terms && terms.length > 0 && (
        <>
          <p className={s.hint} data-testid="comparables-found">
            {x.found(terms.length)} {x.rateHint}
          </p>
          <div data-testid="comparables-review">
            {terms.map((t, i) => {
              const rate = t.unit === "rate";
              const problem = t.keep ? termProblem(t) : null;
              return (
                <div key={i} className={`${s.term} ${t.keep ? "" : s.dropped}`} data-testid="comparables-term" data-kind={t.kind}>
                  <div className={s.termLine}>
                    <Checkbox
                      checked={t.keep}
                      aria-label={x.keep}
                      onChange={(_, d) => change(i, { keep: d.checked === true })}
                      data-testid="comparables-keep"
                    />
                    <Select
                      className={s.kind}
                      value={t.kind}
                      aria-label={x.kind}
                      onChange={(_, d) => change(i, { kind: d.value as ExtractedKind })}
                      data-testid="comparables-kind"
                    >
                      {KINDS.map((k) => (
                        <option key={k} value={k}>
                          {KIND_LABELS[k][language]}
                        </option>
                      ))}
                    </Select>
                    <span className={s.figures}>
                      {(["low", "high"] as const).map((end) => (
                        <Input
                          key={end}
                          className={s.number}
                          aria-label={x[end]}
                          value={end === "low" ? t.lowTyped : t.highTyped}
                          onChange={(_, d) =>
                            change(
                              i,
                              end === "low" ? { lowTyped: d.value, low: typedFigure(d.value, rate) } : { highTyped: d.value, high: typedFigure(d.value, rate) }
                            )
                          }
                          contentBefore={<span className={s.figureLabel}>{x[end]}</span>}
                          contentAfter={rate ? "%" : undefined}
                          data-testid={`comparables-${end}`}
                        />
                      ))}
                      <span className={s.unit}>{rate ? "%" : t.unit}</span>
                    </span>
                  </div>
                  {problem && (
                    <div className={s.problem} data-testid="comparables-problem">
                      {problem[language]}
                    </div>
                  )}
                  <div className={s.excerpt} data-testid="comparables-excerpt">
                    <span className={s.excerptLabel}>{x.excerpt + (language === "ja" ? "：" : ":")}</span>
                    {t.excerpt}
                  </div>
                </div>
              );
            })}
          </div>
        </>
      )}
    </div>
  );

  const csvTab = (
    <div data-testid="comparables-csv">
      <Field label={x.csvPaste}>
        <Textarea
          value={csvText}
          placeholder={x.csvPlaceholder}
          resize="vertical"
          rows={5}
          onChange={(_, d) => setCsvText(d.value)}
          data-testid="comparables-csv-text"
        />
      </Field>
      <div className={s.row}>
        <Button onClick={() => csvInput.current?.click()} disabled={busy !== null} data-testid="comparables-open-csv">
          {x.openCsv}
        </Button>
        <input
          ref={csvInput}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          hidden
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = "";
            if (f) void openCsv(f);
          }}
          data-testid="comparables-csv-file"
        />
        <Button
          appearance="primary"
          disabled={busy !== null || csvText.trim() === ""}
          onClick={() => readCsv(csvText, csvName || "import")}
          data-testid="comparables-read-csv"
        >
          {x.readCsv}
        </Button>
      </div>
      {csv && (
        <>
          <h3 className={s.groupTitle}>{x.mapping}</h3>
          <p className={s.hint}>{x.mappingHint}</p>
          <table className={s.table} data-testid="comparables-mapping">
            <tbody>
              {CSV_FIELDS.map((f: CsvField) => (
                <tr key={f} data-field={f}>
                  <th className={s.cell}>{CSV_FIELD_LABELS[f][language]}</th>
                  <td className={s.cell}>
                    <Select
                      aria-label={`${CSV_FIELD_LABELS[f][language]}: ${x.column}`}
                      value={mapping[f] === undefined ? "" : String(mapping[f])}
                      onChange={(_, d) => setMapping((m) => ({ ...m, [f]: d.value === "" ? undefined : Number(d.value) }))}
                      data-testid="comparables-map"
                      data-field={f}
                    >
                      <option value="">{x.notInFile}</option>
                      {csv.header.map((h, i) => (
                        <option key={i} value={String(i)}>
                          {h || `#${i + 1}`}
                        </option>
                      ))}
                    </Select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Field label={x.rateStyle}>
            <Select value={rateStyle} onChange={(_, d) => setRateStyle(d.value as RateStyle)} data-testid="comparables-rate-style">
              <option value="percent">{x.ratePercent}</option>
              <option value="decimal">{x.rateDecimal}</option>
            </Select>
          </Field>
          {fromCsv?.problem && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{fromCsv.problem}</MessageBarBody>
            </MessageBar>
          )}
          {fromCsv && !fromCsv.problem && (
            <p className={s.hint} data-testid="comparables-csv-summary">
              {x.csvSummary(fromCsv.rows.length, fromCsv.refused.length, csv.blankRows)}
            </p>
          )}
          {fromCsv && fromCsv.refused.length > 0 && (
            <>
              <h3 className={s.groupTitle}>{x.refusedHeading}</h3>
              <ul data-testid="comparables-refused">
                {fromCsv.refused.map((r) => (
                  <li key={r.at} data-row={r.at}>
                    {x.row(r.at)}: {r.reason[language]}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </div>
  );

  const pending = tab === "document" ? fromTerms : fromCsv && !fromCsv.problem ? fromCsv : null;
  const blockedBy = tab === "document" && fromTerms ? fromTerms.refused.length : 0;
  const canSave = !!pending && pending.rows.length > 0 && blockedBy === 0 && year !== undefined && busy === null;
  const preview = pending ? pending.rows.map((r) => r.key) : [];

  return (
    <>
      <Button ref={opener} icon={<DocumentSearchRegular />} disabled={disabled} onClick={() => void start()} data-testid="comparables-open">
        {x.open}
      </Button>
      <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
        <DialogSurface className={s.surface} data-testid="comparables-dialog">
          <DialogBody>
            <DialogTitle>{x.title}</DialogTitle>
            <DialogContent>
              <p className={s.hint}>{x.intro}</p>
              <TabList className={s.tabs} selectedValue={tab} onTabSelect={(_, d) => (setTab(d.value as "document" | "csv"), setSaved(null), setError(null))}>
                <Tab value="document" data-testid="comparables-tab-document">
                  {x.tabDocument}
                </Tab>
                <Tab value="csv" data-testid="comparables-tab-csv">
                  {x.tabCsv}
                </Tab>
              </TabList>
              {tab === "document" ? documentTab : csvTab}
              {((tab === "document" && terms && terms.length > 0) || (tab === "csv" && csv)) && (
                <ConditionsFields c={conditions} setC={setConditions} language={language} yearTyped={yearTyped} setYearTyped={setYearTyped} />
              )}
              {busy && <Spinner size="tiny" label={busy} />}
              {blockedBy > 0 && (
                <MessageBar intent="warning" layout="multiline" data-testid="comparables-blocked">
                  <MessageBarBody>{x.fixFirst(blockedBy)}</MessageBarBody>
                </MessageBar>
              )}
              {error && (
                <MessageBar intent="error" layout="multiline" data-testid="comparables-error">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
              {saved && (
                <MessageBar intent="success" layout="multiline" data-testid="comparables-saved">
                  <MessageBarBody>
                    {x.saved(
                      saved.length,
                      listOf(
                        saved.map((r) => r.key),
                        language
                      ),
                      USER_BANDS_TABLE
                    )}{" "}
                    {x.useHint(USER_BANDS_TABLE)}
                  </MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                disabled={!canSave}
                onClick={() => pending && void save(pending.rows)}
                data-testid="comparables-save"
                data-keys={preview.join(" ")}
              >
                {busy === x.saving ? x.saving : x.save(pending?.rows.length ?? 0)}
              </Button>
              <Button onClick={() => setOpen(false)} data-testid="comparables-close">
                {x.close}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
