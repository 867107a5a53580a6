/**
 * The assumptions of the selected scenario: one row per assumption of the engine's list, with its
 * label, unit, an (i) with what it means and where to find it, and an input. Entries are read and
 * checked by the model when the field is left or Enter is pressed; a refused entry shows the reason
 * under the field and the model keeps the last good value. While she types, the parent previews the
 * entry in the results. The deal terms (all optional) are a group of their own, collapsed until some
 * scenario uses one; milestones are rows (year, amount, probability) added and removed as needed.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Field,
  InfoLabel,
  Input,
  makeStyles,
  Select,
  tokens,
  useId,
} from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { useEffect, useState } from "react";
import { flushSync } from "react-dom";
import { ASSUMPTIONS, AssumptionKey, AssumptionSpec, assumptionSpec, MILESTONE_COUNT, milestoneKey, MilestonePart, parseTiming, Text } from "../../engine";
import { EditableScenario, EntryValue, formatEntry, isPercent, milestonesInUse, readEntry } from "../../model/scenario-set";
import { displayEntry, displayEntryAtRest } from "./format";
import { InternalBadge } from "./InternalBadge";
import { RemoveButton } from "./RemoveButton";
import type { Language, UiText } from "./strings";

const useStyles = makeStyles({
  table: { width: "100%", borderCollapse: "collapse", tableLayout: "fixed" },
  heading: { display: "flex", alignItems: "center", gap: "8px", margin: "4px 0 6px", fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  th: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, padding: "2px 4px" },
  row: { borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  labelCell: { verticalAlign: "top", padding: "6px 4px" },
  valueCell: { verticalAlign: "top", padding: "4px 4px", width: "52%" },
  unit: { display: "block", color: tokens.colorNeutralForeground3 },
  required: { color: tokens.colorPaletteRedForeground1, marginLeft: "2px" },
  // The field shrinks to its cell, the % suffix kept in view (an <input> is ~20 characters wide by itself).
  input: { width: "100%", minWidth: 0, boxSizing: "border-box" },
  // In a milestone row's narrow columns the field must shrink to its column (an <input> is ~20 characters wide by itself).
  compact: { width: "100%", minWidth: 0, boxSizing: "border-box" },
  compactInput: { width: "0", minWidth: 0 },
  accordion: { marginTop: "10px" },
  dealHeading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  hint: { display: "block", margin: "0 0 6px", color: tokens.colorNeutralForeground3 },
  subheading: { margin: "12px 0 2px", fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  milestoneCell: { verticalAlign: "top", padding: "4px 2px" },
  milestoneHead: { verticalAlign: "top", padding: "8px 2px", fontWeight: tokens.fontWeightRegular, textAlign: "left", whiteSpace: "nowrap" },
  narrow: { width: "32px", padding: "4px 0" },
  number: { width: "18px" },
  source: { marginTop: "2px" },
  sourceSummary: {
    cursor: "pointer",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  srOnly: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

const MAIN_SPECS = ASSUMPTIONS.filter((s) => s.group !== "deal");
/** The deal terms shown one per row (milestones are rows of three, apart), split where the milestones go. */
const DEAL_BEFORE = ASSUMPTIONS.slice(
  0,
  ASSUMPTIONS.findIndex((s) => s.milestone)
).filter((s) => s.group === "deal");
const DEAL_AFTER = ASSUMPTIONS.filter((s) => s.group === "deal" && !s.milestone && !DEAL_BEFORE.includes(s));
const PARTS: readonly MilestonePart[] = ["year", "amount", "probability"];

function placeholder(spec: AssumptionSpec, t: UiText, language: Language): string {
  if (spec.fallback === undefined) return t.assumptions.required;
  if (spec.fallback === null) return "";
  if (typeof spec.fallback === "object") return t.assumptions.defaultIs(`= ${assumptionSpec(spec.fallback.follows).label[language]}`);
  if (spec.unit === "share" && typeof spec.fallback === "number") return t.assumptions.defaultIs(`${displayEntry(spec.key, spec.fallback)}%`);
  return t.assumptions.defaultIs(typeof spec.fallback === "boolean" ? String(spec.fallback).toUpperCase() : displayEntry(spec.key, spec.fallback));
}

/** Why a value read from the workbook would be refused in the pane, if it would. */
function storedProblem(key: AssumptionKey, value: EntryValue): Text | null {
  if (value === undefined) return null;
  try {
    readEntry(key, formatEntry(key, value));
    return null;
  } catch (e) {
    return (e as { reason?: Text }).reason ?? { en: String(e), ja: String(e) };
  }
}

/** The choice a stored flag stands for: TRUE, FALSE, blank; other text as typed (the field says why it is refused). */
function flagValue(value: EntryValue): string {
  if (value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  try {
    return formatEntry("annual_fee_creditable", readEntry("annual_fee_creditable", String(value)));
  } catch {
    return String(value);
  }
}

/** The timing word a stored value stands for ("期央" → "mid"); as typed when it stands for none. */
function timingValue(value: EntryValue): string {
  if (value === undefined) return "";
  try {
    return parseTiming(String(value).normalize("NFKC"), "timing");
  } catch {
    return String(value);
  }
}

export interface EditorProps {
  t: UiText;
  language: Language;
  scenario: EditableScenario;
  index: number;
  /** Sets a value from what was typed; the refusal's reason when the model refuses it. */
  onCommit: (key: AssumptionKey, input: string) => Text | null;
  /** What is being typed (null when the field is left), for the live results. */
  onDraft: (key: AssumptionKey, input: string | null) => void;
}

/** Each assumption's source or note (one for all scenarios), and its edit; the refusal's reason when refused. */
export interface SourceProps {
  sources?: Partial<Record<AssumptionKey, string>>;
  onSource?: (key: AssumptionKey, text: string) => Text | null;
}

export interface AssumptionEditorProps extends EditorProps, SourceProps {
  /** Some scenario gives a deal term: the group opens. */
  dealTermsInUse: boolean;
  /** Clears milestone n of this scenario (one undoable edit); the refusal's reason if refused. */
  onRemoveMilestone: (n: number) => Text | null;
}

export function AssumptionEditor(props: AssumptionEditorProps) {
  const { t, scenario, dealTermsInUse } = props;
  const rowProps: EditorProps & SourceProps = {
    t,
    language: props.language,
    scenario,
    index: props.index,
    onCommit: props.onCommit,
    onDraft: props.onDraft,
    sources: props.sources,
    onSource: props.onSource,
  };
  const s = useStyles();
  const [open, setOpen] = useState<string[]>(dealTermsInUse ? ["deal"] : []);
  const termRows = (specs: readonly AssumptionSpec[]) => (
    <table className={s.table}>
      <tbody>
        {specs.map((spec) => (
          <AssumptionRow key={`${props.index}:${spec.key}`} spec={spec} value={scenario.values[spec.key]} {...rowProps} />
        ))}
      </tbody>
    </table>
  );
  // A deal term arriving later (an example, an edit in Excel) opens the group; she may close it again.
  useEffect(() => {
    if (dealTermsInUse) setOpen(["deal"]);
  }, [dealTermsInUse]);
  return (
    <section aria-labelledby="assumptions-heading" data-testid="assumption-editor">
      <h2 className={s.heading} id="assumptions-heading">
        <span>{t.assumptions.heading(scenario.name)}</span>
        {scenario.internal && <InternalBadge t={t} size="small" />}
      </h2>
      <table className={s.table}>
        <thead>
          <tr>
            <th className={s.th} scope="col">
              {t.assumptions.assumption}
            </th>
            <th className={s.th} scope="col">
              {t.assumptions.value}
            </th>
          </tr>
        </thead>
        <tbody>
          {MAIN_SPECS.map((spec) => (
            <AssumptionRow key={`${props.index}:${spec.key}`} spec={spec} value={scenario.values[spec.key]} {...rowProps} />
          ))}
        </tbody>
      </table>
      <Accordion
        className={s.accordion}
        collapsible
        openItems={open}
        onToggle={(_, d) => setOpen(d.openItems as string[])}
        data-testid="deal-terms"
        data-open={open.includes("deal")}
      >
        <AccordionItem value="deal">
          <AccordionHeader as="h3" size="large" data-testid="deal-terms-toggle">
            <span className={s.dealHeading}>{t.deal.heading}</span>
          </AccordionHeader>
          <AccordionPanel>
            <Caption1 className={s.hint}>{t.deal.hint}</Caption1>
            {termRows(DEAL_BEFORE)}
            <Milestones {...props} />
            {termRows(DEAL_AFTER)}
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}

/**
 * Milestone rows of the selected scenario: those it gives any part of, and those she added and has not
 * filled in yet; "Add milestone" takes the lowest free number. Removing one clears its three values.
 */
function Milestones(props: AssumptionEditorProps) {
  const { t, language, scenario, index } = props;
  const s = useStyles();
  const headingId = useId("milestones");
  const [added, setAdded] = useState<{ index: number; list: number[] }>({ index, list: [] });
  const extra = added.index === index ? added.list : [];
  const used = milestonesInUse(scenario.values);
  const rows = [...new Set([...used, ...extra])].sort((a, b) => a - b);
  const free = Array.from({ length: MILESTONE_COUNT }, (_, i) => i + 1).find((n) => !rows.includes(n));
  const [error, setError] = useState<Text | null>(null);

  const remove = (n: number) => {
    const reason = used.includes(n) ? props.onRemoveMilestone(n) : null;
    setError(reason);
    if (!reason) setAdded({ index, list: extra.filter((x) => x !== n) });
  };
  const head = (label: string, help: string, width?: string) => (
    <th className={s.th} scope="col" style={width ? { width } : undefined}>
      <InfoLabel size="small" info={<span lang={language}>{help}</span>} infoButton={{ "aria-label": t.assumptions.info(label) }}>
        {label}
      </InfoLabel>
    </th>
  );

  return (
    <section aria-labelledby={headingId} data-testid="milestones">
      <h4 className={s.subheading} id={headingId}>
        {t.deal.milestones}
      </h4>
      <Caption1 className={s.hint}>{t.deal.milestonesHint}</Caption1>
      {rows.length === 0 ? (
        <Caption1 className={s.hint}>{t.deal.none}</Caption1>
      ) : (
        <table className={s.table}>
          <thead>
            <tr>
              <th className={`${s.th} ${s.number}`} scope="col">
                <span className={s.srOnly}>{t.deal.milestones}</span>
              </th>
              {head(t.deal.year, t.deal.yearHelp, "24%")}
              {head(t.deal.amount, t.deal.amountHelp)}
              {head(`${t.deal.probability} (%)`, t.deal.probabilityHelp, "24%")}
              <th className={`${s.th} ${s.narrow}`} scope="col" />
            </tr>
          </thead>
          <tbody>
            {rows.map((n) => (
              <tr key={`${index}:${n}`} className={s.row} data-milestone={n} data-testid="milestone-row">
                <th scope="row" className={s.milestoneHead}>
                  <span aria-hidden="true">{n}</span>
                  <span className={s.srOnly}>{t.deal.milestone(n)}</span>
                </th>
                {PARTS.map((part) => {
                  const spec = assumptionSpec(milestoneKey(n, part));
                  return (
                    <td key={part} className={s.milestoneCell}>
                      <EntryField spec={spec} value={scenario.values[spec.key]} {...props} compact />
                    </td>
                  );
                })}
                <td className={`${s.milestoneCell} ${s.narrow}`}>
                  <RemoveButton label={t.deal.remove(n)} onClick={() => remove(n)} testid={`remove-milestone-${n}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && (
        <Caption1 role="alert" data-testid="milestone-error">
          {error[language]}
        </Caption1>
      )}
      <Button
        size="small"
        icon={<AddRegular />}
        disabled={free === undefined}
        title={free === undefined ? t.deal.allUsed(MILESTONE_COUNT) : undefined}
        onClick={() => free !== undefined && setAdded({ index, list: [...extra, free] })}
        data-testid="add-milestone"
      >
        {t.deal.add}
      </Button>
    </section>
  );
}

function AssumptionRow(props: EditorProps & SourceProps & { spec: AssumptionSpec; value: EntryValue }) {
  const { t, language, spec } = props;
  const s = useStyles();
  const id = useId("assumption");
  const label = spec.label[language];
  return (
    <tr className={s.row} data-key={spec.key}>
      <td className={s.labelCell}>
        <InfoLabel htmlFor={id} size="small" info={<span lang={language}>{spec.help[language]}</span>} infoButton={{ "aria-label": t.assumptions.info(label) }}>
          {label}
          {spec.fallback === undefined && (
            <span className={s.required} aria-hidden="true">
              *
            </span>
          )}
        </InfoLabel>
        {!isPercent(spec) && <Caption1 className={s.unit}>{t.units[spec.unit]}</Caption1>}
      </td>
      <td className={s.valueCell}>
        <EntryField {...props} id={id} />
        {props.onSource && <SourceField t={t} language={language} spec={spec} source={props.sources?.[spec.key] ?? ""} onSource={props.onSource} />}
      </td>
    </tr>
  );
}

/**
 * The assumption's source or note, folded away under a small disclosure (its text shown there once
 * set): read when the field is left or Enter is pressed.
 */
function SourceField(props: { t: UiText; language: Language; spec: AssumptionSpec; source: string; onSource: NonNullable<SourceProps["onSource"]> }) {
  const { t, language, spec, source } = props;
  const s = useStyles();
  const [text, setText] = useState(source);
  const [error, setError] = useState<Text | null>(null);
  useEffect(() => setText(source), [source]);
  const commit = () => {
    if (text.trim() !== source) setError(props.onSource(spec.key, text));
  };
  return (
    <details className={s.source} data-testid={`source-${spec.key}`} open={error !== null || undefined}>
      <summary className={s.sourceSummary}>{source === "" ? t.assumptions.sourceAdd : source}</summary>
      <Field validationMessage={error ? error[language] : undefined} validationState={error ? "error" : "none"} hint={t.assumptions.sourceHint}>
        <Input
          size="small"
          className={s.input}
          aria-label={t.assumptions.sourceOf(spec.label[language])}
          value={text}
          onChange={(_, d) => setText(d.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === "Enter") commit();
          }}
          data-testid={`source-input-${spec.key}`}
        />
      </Field>
    </details>
  );
}

const FLAG_CHOICES = ["", "TRUE", "FALSE"] as const;

/**
 * One assumption's input: a text field read by the model when left (Enter), a choice for the timing
 * and for TRUE/FALSE terms; a refused entry shows the reason and the value kept. `compact`: in a
 * milestone row, labelled for screen readers by the assumption's name rather than a visible label.
 */
export function EntryField(
  props: Pick<EditorProps, "t" | "language" | "onCommit" | "onDraft"> & {
    spec: AssumptionSpec;
    value: EntryValue;
    id?: string;
    compact?: boolean;
    testPrefix?: string;
    /** What a blank field says, where blank means something else than the assumption's default. */
    placeholder?: string;
  }
) {
  const { t, language, spec, value } = props;
  const s = useStyles();
  const fallbackId = useId("entry");
  const id = props.id ?? fallbackId;
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<Text | null>(null);
  const [focused, setFocused] = useState(false);
  const shown = displayEntry(spec.key, value);
  // Money reads as people write it (350億) until the field is edited, which shows the full number.
  const atRest = focused ? shown : displayEntryAtRest(spec.key, value, language);
  const stored = storedProblem(spec.key, value);
  const ariaLabel = props.compact ? spec.label[language] : undefined;
  // The timing and TRUE/FALSE terms are choices; what a stored value stands for is chosen (text as typed, if none).
  const choices: [string, string][] | null =
    spec.unit === "timing"
      ? // In Japanese the words alone (期央); in English the stored word with its meaning (mid — mid-year).
        (["", "end", "mid", "begin"] as const).map((v) => [v, v === "" || language === "ja" ? t.assumptions.timing[v] : `${v} — ${t.assumptions.timing[v]}`])
      : spec.unit === "flag"
        ? FLAG_CHOICES.map((v) => [v, t.assumptions.flag[v]])
        : null;
  const chosen = spec.unit === "timing" ? timingValue(value) : flagValue(value);

  const commit = (text: string | null) => {
    if (text === null) return;
    props.onDraft(spec.key, null);
    if (text === shown) {
      setDraft(null);
      setError(null);
      return;
    }
    const reason = props.onCommit(spec.key, text);
    setError(reason);
    if (!reason) setDraft(null);
  };

  const message = error
    ? `${error[language]} ${value === undefined ? t.assumptions.keptBlank : t.assumptions.kept(shown + (isPercent(spec) ? "%" : ""))}`
    : stored
      ? stored[language]
      : undefined;

  return (
    <Field
      size="small"
      className={props.compact ? s.compact : undefined}
      validationState={error ? "error" : stored ? "warning" : "none"}
      validationMessage={message}
    >
      {choices ? (
        <Select
          id={id}
          value={chosen}
          onChange={(_, d) => {
            setError(props.onCommit(spec.key, d.value));
          }}
          data-testid={`${props.testPrefix ?? "input"}-${spec.key}`}
        >
          {choices.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
          {!choices.some(([v]) => v === chosen) && <option value={chosen}>{chosen}</option>}
        </Select>
      ) : (
        <Input
          id={id}
          className={props.compact ? s.compact : s.input}
          input={{ className: s.compactInput }}
          inputMode="decimal"
          value={draft ?? atRest}
          placeholder={props.placeholder ?? (props.compact ? undefined : placeholder(spec, t, language))}
          contentAfter={isPercent(spec) ? <span aria-hidden="true">%</span> : undefined}
          aria-required={spec.fallback === undefined}
          aria-label={ariaLabel}
          onChange={(_, d) => {
            setDraft(d.value);
            props.onDraft(spec.key, d.value);
          }}
          onFocus={(e) => {
            // The full number replaces "350億" before anything is typed: rendered now, not in a later
            // microtask, so a selection made on focus (Tab, a test's fill) covers the number, not the old text.
            const input = e.currentTarget;
            const changes = draft === null && atRest !== shown;
            flushSync(() => setFocused(true));
            if (changes) input.select();
          }}
          onBlur={() => {
            setFocused(false);
            commit(draft);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") commit(draft);
            if (e.key === "Escape") {
              setDraft(null);
              setError(null);
              props.onDraft(spec.key, null);
            }
          }}
          data-testid={`${props.testPrefix ?? "input"}-${spec.key}`}
        />
      )}
    </Field>
  );
}
