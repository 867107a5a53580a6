/**
 * The assumptions of the selected scenario: one row per assumption of the engine's list, with its
 * label, unit, an (i) with what it means and where to find it, and an input. Entries are read and
 * checked by the model when the field is left or Enter is pressed; a refused entry shows the reason
 * under the field and the model keeps the last good value. While she types, the parent previews the
 * entry in the results.
 */
import { Caption1, Field, InfoLabel, Input, makeStyles, Select, tokens, useId } from "@fluentui/react-components";
import { useState } from "react";
import { ASSUMPTIONS, AssumptionKey, AssumptionSpec, assumptionSpec, parseTiming, Text } from "../../engine";
import { EditableScenario, EntryValue, formatEntry, isPercent, readEntry } from "../../model/scenario-set";
import { displayEntry } from "./format";
import { InternalBadge } from "./InternalBadge";
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
  input: { width: "100%" },
});

function placeholder(spec: AssumptionSpec, t: UiText, language: Language): string {
  if (spec.fallback === undefined) return t.assumptions.required;
  if (spec.fallback === null) return "";
  if (typeof spec.fallback === "object") return t.assumptions.defaultIs(`= ${assumptionSpec(spec.fallback.follows).label[language]}`);
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

export function AssumptionEditor(props: EditorProps) {
  const { t, scenario } = props;
  const s = useStyles();
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
          {ASSUMPTIONS.map((spec) => (
            <AssumptionRow key={`${props.index}:${spec.key}`} spec={spec} value={scenario.values[spec.key]} {...props} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function AssumptionRow(props: EditorProps & { spec: AssumptionSpec; value: EntryValue }) {
  const { t, language, spec, value } = props;
  const s = useStyles();
  const id = useId("assumption");
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<Text | null>(null);
  const shown = displayEntry(spec.key, value);
  const stored = storedProblem(spec.key, value);

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
        <Field size="small" validationState={error ? "error" : stored ? "warning" : "none"} validationMessage={message}>
          {spec.unit === "timing" ? (
            <Select
              id={id}
              value={timingValue(value)}
              onChange={(_, d) => {
                setError(props.onCommit(spec.key, d.value));
              }}
              data-testid={`input-${spec.key}`}
            >
              {(["", "end", "mid", "begin"] as const).map((v) => (
                <option key={v} value={v}>
                  {v === "" ? t.assumptions.timing[""] : `${v} — ${t.assumptions.timing[v]}`}
                </option>
              ))}
              {!["", "end", "mid", "begin"].includes(timingValue(value)) && <option value={timingValue(value)}>{timingValue(value)}</option>}
            </Select>
          ) : (
            <Input
              id={id}
              className={s.input}
              inputMode="decimal"
              value={draft ?? shown}
              placeholder={placeholder(spec, t, language)}
              contentAfter={isPercent(spec) ? <span aria-hidden="true">%</span> : undefined}
              aria-required={spec.fallback === undefined}
              onChange={(_, d) => {
                setDraft(d.value);
                props.onDraft(spec.key, d.value);
              }}
              onBlur={() => commit(draft)}
              onKeyDown={(e) => {
                if (e.key === "Enter") commit(draft);
                if (e.key === "Escape") {
                  setDraft(null);
                  setError(null);
                  props.onDraft(spec.key, null);
                }
              }}
              data-testid={`input-${spec.key}`}
            />
          )}
        </Field>
      </td>
    </tr>
  );
}
